"""A grouped navigation in a real browser: more articles than ``site.nav_limit``, in en, ko and ar.

A synthetic project of eight articles with ``nav_limit = 3`` is built once by
the real pipeline (MkDocs included): each language's nav is then three
alphabetical ranges (``Ankle – Back``, ...) and Material's ``navigation.prune``
is on, so a page renders its own range's pages and only a link for the others.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import serious_violations, served
from tests.site_project import REPO

pytestmark = pytest.mark.browser

# slug: (English, Korean, Arabic) titles. Sorted by title, at limit 3: 2 + 3 + 3 pages per range.
# The orders differ by language (Whiplash is last in English, not in Arabic), so pages have
# different previous/next neighbours per language: the active-content audit must not mind.
ARTICLES = {
    "ankle-sprain": ("Ankle sprain", "발목 염좌", "التواء الكاحل"),
    "back-pain": ("Back pain", "요통", "ألم الظهر"),
    "disc-herniation": ("Disc herniation", "디스크 탈출증", "الانزلاق الغضروفي"),
    "hip-replacement": ("Hip replacement", "고관절 치환술", "استبدال مفصل الورك"),
    "knee-surgery": ("Knee surgery", "무릎 수술", "جراحة الركبة"),
    "neck-pain": ("Neck pain", "목 통증", "ألم الرقبة"),
    "sciatica": ("Sciatica", "좌골신경통", "عرق النسا"),
    "whiplash": ("Whiplash", "편타성 손상", "إصابة الرقبة الارتدادية"),
}
BODY = ("{title} is common.", "{title}은(는) 흔한 질환입니다.", "{title} حالة شائعة.")
LANGS = ("en", "ko", "ar")


def _po(code: str, pairs: list[tuple[str, str]]) -> str:
    from pipeline.languages import get_language

    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {code}\\n"\n"Plural-Forms: {get_language(code).plural_forms}\\n"\n'
    )
    return header + "".join(f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n' for msgid, msgstr in pairs)


def make_grouped_project(dest: Path) -> Path:
    """Eight English articles, fully translated into Korean and Arabic, above a nav limit of 3."""
    (dest / "docs").mkdir(parents=True)
    (dest / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko", "ar"]\n\n[tool.medloc.site]\nnav_limit = 3\n',
        encoding="utf-8",
    )
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for slug, (title, *_) in ARTICLES.items():
        text = f'---\ntitle: "{title}"\n---\n\n{BODY[0].format(title=title)}\n'
        (dest / "docs" / f"{slug}.md").write_text(text, encoding="utf-8")
    for index, code in enumerate(LANGS[1:], start=1):
        folder = dest / "locales" / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        shutil.copy(REPO / "locales" / code / "LC_MESSAGES" / "site.po", folder / "site.po")
        for slug, titles in ARTICLES.items():
            pairs = [(titles[0], titles[index]), (BODY[0].format(title=titles[0]), BODY[index].format(title=titles[index]))]
            (folder / f"{slug}.po").write_text(_po(code, pairs), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def grouped_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The project built once by the real pipeline, served on 127.0.0.1 for this module."""
    from pipeline.config import load_config
    from pipeline.site import build_site

    project = make_grouped_project(tmp_path_factory.mktemp("grouped") / "project")
    result = build_site(load_config(project), progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    with served(project / "site") as url:
        yield url


def _nav_links(page: object, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")  # type: ignore[attr-defined]


PRIMARY = ".md-sidebar--primary .md-nav--primary"


def test_current_range_is_expanded_and_the_others_are_links(page, grouped_url: str) -> None:
    page.goto(grouped_url + "hip-replacement/")
    active = page.locator(f"{PRIMARY} > .md-nav__list > .md-nav__item--active")
    assert active.count() == 1
    assert active.locator("> .md-nav__link").first.inner_text().strip() == "Disc – Knee"
    # Its own pages are rendered, the current one marked.
    own = _nav_links(page, f"{PRIMARY} .md-nav__item--active .md-nav .md-nav__link[href]")
    assert [href for href in own if href and not href.startswith("#")] == ["../disc-herniation/", "./", "../knee-surgery/"]
    assert page.locator(f"{PRIMARY} .md-nav__link--active").first.inner_text().strip() == "Hip replacement"
    # Other ranges: one link each (pruned), none of their pages.
    ranges = page.locator(f"{PRIMARY} > .md-nav__list > .md-nav__item:not(.md-nav__item--active)")
    texts = [text.strip() for text in ranges.all_inner_texts()]
    assert "Ankle – Back" in texts and "Neck – Whiplash" in texts
    # Pruned: a range's link leads to its first page; its other pages are not in this page's HTML.
    assert _nav_links(page, f"{PRIMARY} > .md-nav__list > .md-nav__item--pruned > a") == ["../ankle-sprain/", "../neck-pain/"]
    for hidden in ("back-pain/", "sciatica/", "whiplash/"):
        assert page.locator(f"{PRIMARY} a[href$='{hidden}']").count() == 0, hidden


def test_a_page_in_another_range_is_reached_through_its_range(page, grouped_url: str) -> None:
    page.goto(grouped_url + "hip-replacement/")
    page.locator(f"{PRIMARY} > .md-nav__list > .md-nav__item", has_text="Neck – Whiplash").locator("a").first.click()
    page.wait_for_url(re.compile(r"/(neck-pain|sciatica|whiplash)/$"))
    assert page.locator("article h1").inner_text().strip() in {"Neck pain", "Sciatica", "Whiplash"}
    page.locator(f"{PRIMARY} .md-nav__item--active a.md-nav__link", has_text="Whiplash").first.click()
    page.wait_for_url(re.compile(r"/whiplash/$"))
    assert page.locator("article h1").inner_text().strip() == "Whiplash"
    active = page.locator(f"{PRIMARY} > .md-nav__list > .md-nav__item--active > .md-nav__link").first
    assert active.inner_text().strip() == "Neck – Whiplash"


def test_korean_ranges_use_korean_titles(page, grouped_url: str) -> None:
    page.goto(grouped_url + "ko/sciatica/")
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert page.locator("article h1").inner_text().strip() == "좌골신경통"
    active = page.locator(f"{PRIMARY} > .md-nav__list > .md-nav__item--active")
    own = [text.strip() for text in active.locator(".md-nav .md-nav__link").all_inner_texts()]
    assert "좌골신경통" in own and all(re.search("[가-힣]", text) for text in own if text), own


def test_arabic_grouped_nav_renders_right_to_left(page, grouped_url: str) -> None:
    page.goto(grouped_url + "ar/sciatica/")
    assert page.evaluate("[document.documentElement.dir, document.body.dir]") == ["rtl", "rtl"]
    assert page.locator("article h1").inner_text().strip() == "عرق النسا"
    nav = page.locator(f"{PRIMARY} > .md-nav__list > .md-nav__item")
    assert nav.count() >= 4  # home + three ranges
    top = page.locator(f"{PRIMARY} > .md-nav__list > .md-nav__item > .md-nav__link")
    titles = [text.strip() for text in top.all_inner_texts()]
    assert sum(" – " in title and re.search("[\u0600-\u06ff]", title) is not None for title in titles) == 3, titles
    active = page.locator(f"{PRIMARY} .md-nav__link--active").first
    assert active.inner_text().strip() == "عرق النسا"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-nav--primary')).direction") == "rtl"


@pytest.mark.parametrize("path", ["hip-replacement/", "ko/hip-replacement/", "ar/hip-replacement/"])
def test_grouped_pages_have_no_serious_accessibility_violations(page, grouped_url: str, path: str) -> None:
    page.goto(grouped_url + path)
    assert serious_violations(page) == []
