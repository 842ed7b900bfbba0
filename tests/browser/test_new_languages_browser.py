"""Languages nobody tuned medloc on, in a real browser: Persian, Thai, Vietnamese.

One small site for the whole module: the fixture project (tests/site/project)
with ``languages = [en, ko, fa, th, vi]`` (one article is a Korean original),
the sciatica article half translated in fa, th and vi, and no ``site.po`` for
them (their site texts fall back to English). Each language stresses one search rule of the worker wrapper
(pipeline/data/theme/assets/javascripts/workers/medloc-search.js): Persian
words written with or without ZWNJ, Thai words inside a run without spaces, a
Vietnamese translation saved decomposed (NFD) and a query typed precomposed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import serious_violations, served
from tests.site_project import make_project, set_languages

pytestmark = pytest.mark.browser

HEADER = """\
msgid ""
msgstr ""
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"X-Source-Language: en\\n"
"""
# msgid -> translation; the rest of the article stays in English (the page shows the notice).
TRANSLATIONS = {
    "fa": {
        "Sciatica": "سیاتیک",
        "What sciatica is": "سیاتیک چیست",
        "Sciatica is pain along the **sciatic nerve**, from the lower back down one leg.":
            "سیاتیک دردی است در مسیر **عصب سیاتیک** که از پایین کمر به یکی از پاها می‌رسد.",
    },
    "th": {
        "Sciatica": "อาการปวดหลังร้าวลงขา",
        "What sciatica is": "อาการปวดหลังร้าวลงขาคืออะไร",
        "Sciatica is pain along the **sciatic nerve**, from the lower back down one leg.":
            "อาการปวดหลังร้าวลงขาคืออาการปวดตามแนว**เส้นประสาทไซแอติก** จากหลังส่วนล่างลงไปที่ขาข้างหนึ่ง",
    },
    "vi": {
        "Sciatica": "Đau thần kinh tọa",
        "What sciatica is": "Đau thần kinh tọa là gì",
        # Saved decomposed (NFD), as some editors on macOS do.
        "Sciatica is pain along the **sciatic nerve**, from the lower back down one leg.": unicodedata.normalize(
            "NFD", "Đau thần kinh tọa là cơn đau dọc theo **dây thần kinh tọa**, từ thắt lưng lan xuống một bên chân."
        ),
    },
}


def _po(lang: str) -> str:
    entries = "".join(f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n' for msgid, msgstr in TRANSLATIONS[lang].items())
    return HEADER.format(lang=lang) + entries


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from pipeline.config import load_config
    from pipeline.site import build_site

    project = make_project(tmp_path_factory.mktemp("new-languages") / "project")
    set_languages(project, ["en", "ko", "fa", "th", "vi"])
    for lang in TRANSLATIONS:
        folder = project / "locales" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sciatica.po").write_text(_po(lang), encoding="utf-8")
    result = build_site(load_config(project), progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    with served(project / "site") as url:
        yield url


def search(page, site_url: str, path: str, query: str) -> list[str]:
    """Pages of the results for ``query`` typed into Material's search box, best first."""
    page.goto(site_url + path)
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    prefix = urlsplit(site_url + path).path
    return [urlsplit(link).path[len(prefix) :] for link in links]


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("fa/", "می‌رسد"),  # as written, with ZWNJ (U+200C)
        ("fa/", "میرسد"),  # typed without ZWNJ
        ("th/", "เส้นประสาท"),  # a word inside a run without spaces (เส้นประสาทไซแอติก)
        ("th/", "ส่วนล่าง"),  # a word in the middle of a run
        ("vi/", "dọc"),  # precomposed query, decomposed page
        ("vi/", unicodedata.normalize("NFD", "gì")),  # decomposed query, precomposed page (the heading)
    ],
)
def test_search_finds_the_article(page, site_url: str, path: str, query: str) -> None:
    found = search(page, site_url, path, query)
    assert found and found[0].startswith("sciatica/"), (query, found)


def test_right_to_left_page_and_english_site_texts_marked(page, site_url: str) -> None:
    page.goto(site_url + "fa/sciatica/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["fa", "rtl"]
    # No fa/site.po: the notice and the disclaimer are in English, marked so (voice, and order on an rtl page).
    for selector in (".medloc-notice .admonition-title", ".medloc-notice .medloc-progress", ".medloc-disclaimer p"):
        element = page.locator(selector)
        assert (element.get_attribute("lang"), element.get_attribute("dir")) == ("en", "ltr"), selector
    untranslated = page.locator(".medloc-notice p[lang='en']", has_text="not translated yet")
    assert untranslated.inner_text().endswith("(English).")  # the language named in the sentence's language
    toggles = page.locator("[data-md-component=palette] .md-option[aria-label]")
    assert toggles.count() == 2
    for index in range(2):  # the light/dark toggle's names: English, marked so for the screen reader
        toggle = toggles.nth(index)
        assert (toggle.get_attribute("lang"), toggle.get_attribute("dir")) == ("en", "ltr")
        assert toggle.get_attribute("aria-label") in ("Switch to dark mode", "Switch to light mode")
    page.goto(site_url + "fa/")
    assert page.locator("article h1 [lang='en']").inner_text() == "Patient information"


@pytest.mark.parametrize("path", ["fa/sciatica/", "th/sciatica/", "fa/"])
def test_no_serious_accessibility_violations(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert serious_violations(page) == []


def test_screenshots(page, site_url: str, artifacts: Path) -> None:
    for lang in ("fa", "th"):
        page.goto(site_url + f"{lang}/sciatica/")
        page.screenshot(path=str(artifacts / f"new-language-{lang}.png"))
        assert (artifacts / f"new-language-{lang}.png").stat().st_size > 10_000
