"""The built site in a real browser: languages, switcher, search, notices, accessibility."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import serious_violations

pytestmark = pytest.mark.browser

# (site folder, <html lang>, dir) for the fixture project's languages.
LANGUAGES = [("", "en", "ltr"), ("ko/", "ko", "ltr"), ("ja/", "ja", "ltr"), ("zh-Hans/", "zh-Hans", "ltr"), ("ar/", "ar", "rtl")]
PAGES = ["", "sciatica/", "back-pain/", "first-visit/", "status/"]


def test_every_page_opens_in_every_language_with_lang_and_dir(page, site_url: str) -> None:
    for prefix, lang, direction in LANGUAGES:
        for path in PAGES:
            response = page.goto(site_url + prefix + path)
            assert response is not None and response.ok, prefix + path
            shown = page.evaluate("[document.documentElement.lang, document.documentElement.dir, document.body.dir]")
            assert shown == [lang, direction, direction], prefix + path
            assert page.locator("article h1").count() == 1, prefix + path
            assert page.locator(".medloc-disclaimer").count() == 1, prefix + path


def test_language_switcher_keeps_the_reader_on_the_same_article(page, site_url: str) -> None:
    page.goto(site_url + "ko/sciatica/")
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='ja']")
    page.wait_for_url(re.compile(r"/ja/sciatica/$"))
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert page.locator("article h1").inner_text() == "坐骨神経痛"
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(re.compile(r"/sciatica/$"))
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("path", ["", "sciatica/", "ko/", "ko/sciatica/", "ar/back-pain/", "status/"])
def test_a_page_view_asks_for_nothing_the_site_does_not_have(page, site_url: str, path: str) -> None:
    """No request of a page view is answered 404. Material fetches sitemap.xml next to every
    link[rel=alternate] (it expects them to point at language home pages); medloc's alternates
    point at the same article, where there is no sitemap: on a phone each miss cost the 404 page."""
    missing: list[str] = []
    page.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
    page.goto(site_url + path, wait_until="networkidle")
    assert missing == []
    assert page.locator("link[rel=alternate][hreflang]").count() == 6  # five languages and x-default, still there


def test_the_switcher_still_goes_to_the_same_article_after_the_sitemaps_load(page, site_url: str) -> None:
    """Material's own language-link handler (fed by the sitemaps it could load) does not take over
    medloc's per-article switcher links."""
    page.goto(site_url + "sciatica/", wait_until="networkidle")
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='ko']")
    page.wait_for_url(re.compile(r"/ko/sciatica/$"))
    page.goto(site_url + "ko/", wait_until="networkidle")
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='ar']")
    page.wait_for_url(re.compile(r"/ar/$"))


def search(page, site_url: str, path: str, query: str) -> list[str]:
    """Type a query into Material's search box; the pages of the results, best first."""
    page.goto(site_url + path)
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material reacts to key events
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [urlsplit(link).path for link in links]


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        # Korean: a noun followed by a particle finds the noun with any other particle.
        ("ko/", "좌골신경통이", {"sciatica/"}),  # the page has 좌골신경통은 and 좌골신경통이란
        ("ko/", "척추관협착증을", {"sciatica/", "first-visit/"}),  # 척추관협착증은 / 척추관협착증이
        ("ko/", "신분증과", {"first-visit/"}),  # the Korean original (신분증과)
        ("ko/", "신분증을", {"first-visit/"}),
        # Japanese: particles after kanji, kanji compounds.
        ("ja/", "坐骨神経痛は", {"sciatica/"}),
        ("ja/", "神経根", {"sciatica/"}),
        # Chinese: no spaces; every character of the query must be on the page.
        ("zh-Hans/", "坐骨神经痛", {"sciatica/"}),
        ("zh-Hans/", "椎管狭窄", {"sciatica/"}),
        # Arabic: with and without the article ال, with a proclitic.
        ("ar/", "الأعصاب", {"sciatica/"}),
        ("ar/", "أعصاب", {"sciatica/"}),
        ("ar/", "ألم", {"sciatica/"}),
        ("ar/", "العصب", {"sciatica/"}),
        ("", "herniated", {"sciatica/"}),
    ],
)
def test_search_finds_the_article_in_each_language(page, site_url: str, path: str, query: str, expected: set[str]) -> None:
    found = search(page, site_url, path, query)
    assert found, f"no result for {query!r}"
    prefix = urlsplit(site_url + path).path
    pages = [link[len(prefix) :] for link in found]
    assert pages[0] in expected, (query, pages)
    assert expected <= set(pages), (query, pages)


def test_partially_translated_page_shows_notice_and_marks_fallback(page, site_url: str) -> None:
    page.goto(site_url + "ko/back-pain/")
    notice = page.locator(".medloc-notice")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "번역 진행 중" in text
    assert "2개 부분은 아직 번역되지 않아" in text  # untranslated heading + paragraph
    assert "원문이 수정되었습니다" in text  # two fuzzy entries
    fallback = page.locator("article .medloc-fallback[lang='en'][dir='ltr']")
    assert fallback.count() == 3  # heading "Exercises", the fuzzy and the untranslated paragraph
    assert "Stretch gently" in fallback.all_inner_texts()[-1]
    background = fallback.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.click(".medloc-notice a[hreflang='en']")
    page.wait_for_url(re.compile(r"/back-pain/$"))
    assert page.evaluate("document.documentElement.lang") == "en"


def test_an_english_paragraph_on_an_arabic_page_runs_left_to_right(page, site_url: str) -> None:
    """Its lines start at the left edge; list items and headings keep the page's right-to-left order."""
    page.goto(site_url + "ar/back-pain/")
    paragraphs = page.locator("article p:has(> .medloc-fallback[lang='en'])")
    assert paragraphs.count() >= 1
    for index in range(paragraphs.count()):
        style = paragraphs.nth(index).evaluate("e => [getComputedStyle(e).direction, getComputedStyle(e).textAlign]")
        assert style == ["ltr", "left"], style
    heading = page.locator("article h2:has(.medloc-fallback)").first
    assert heading.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"


def test_untranslated_titles_and_pivot_text_carry_their_language(page, site_url: str) -> None:
    """A Korean original read in Japanese (no Japanese catalogue): English text, marked English."""
    page.goto(site_url + "ja/first-visit/")
    nav_english = [text.strip() for text in page.locator(".md-nav--primary .md-nav__link [lang='en']").all_inner_texts()]
    assert "Back pain" in nav_english and "Preparing for your first visit" in nav_english
    assert page.locator("article h1 [lang='en']").inner_text() == "Preparing for your first visit"
    assert page.locator("article .medloc-fallback[lang='en']").count() >= 4
    assert page.locator("article .medloc-fallback[lang='ko']").count() == 0
    assert "英語" in page.locator(".medloc-notice .medloc-pivot").inner_text()
    assert page.locator(".md-nav--primary a[href$='status/']").count() == 0  # the team's page is not in the nav


def test_complete_translation_has_no_notice(page, site_url: str) -> None:
    page.goto(site_url + "ko/sciatica/")
    assert page.locator(".medloc-notice").count() == 0
    assert page.locator("article .medloc-fallback").count() == 0


@pytest.mark.parametrize("path", ["sciatica/", "ko/sciatica/", "ko/back-pain/", "ja/sciatica/", "zh-Hans/sciatica/", "ar/sciatica/", "ar/back-pain/", "ko/status/", "ar/", "ar/404.html"])
def test_no_serious_accessibility_violations(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_fit_a_phone_and_a_desktop(browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    try:
        for prefix, _, _ in LANGUAGES:
            tab.goto(site_url + prefix + "sciatica/")
            overflow = tab.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (prefix, width, overflow)
    finally:
        context.close()


@pytest.mark.parametrize(("path", "name"), [("ko/", "home-ko"), ("ar/", "home-ar"), ("ar/sciatica/", "sciatica-ar"), ("zh-Hans/sciatica/", "sciatica-zh-Hans")])
def test_screenshots_for_review(browser, site_url: str, artifacts: Path, path: str, name: str) -> None:
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        tab = context.new_page()
        tab.goto(site_url + path)
        tab.evaluate("document.fonts.ready")
        target = artifacts / f"{name}-{width}.png"
        tab.screenshot(path=str(target), full_page=True)
        context.close()
        assert target.stat().st_size > 10_000
