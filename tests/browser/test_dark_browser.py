"""The dark colour scheme (Material's ``slate``), chosen by the reader's system setting or the toggle.

One small site for the whole module: the fixture project with the six languages of
the real site (Russian has no catalogue: English text under a notice). The colour
scheme is the browser's ``prefers-color-scheme`` (Playwright's ``color_scheme``).
Contrast is computed in the page from the computed colours, as the readability
tests do; axe-core checks the rest. Dark screenshots of the Korean and Arabic
home pages are saved to test-artifacts/ for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.browser.conftest import ARTIFACTS, serious_violations, six_language_site

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "ko": "ko/", "ja": "ja/", "zh-Hans": "zh-Hans/", "ru": "ru/", "ar": "ar/"}
# Latin, Hangul, CJK (Japanese, Chinese), Cyrillic and Arabic pages, most with a notice and
# fallback text, and the status page with its bars.
PAGES = ["sciatica/", "ko/back-pain/", "ja/first-visit/", "zh-Hans/back-pain/", "ru/sciatica/", "ar/back-pain/", "ar/", "ko/status/"]

# WCAG contrast of each element's text over the background it is drawn on (its ancestors'
# backgrounds composed over white), as the readability tests compute it.
CONTRASTS = r"""(selectors) => {
  const rgba = (c) => { const m = c.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  const background = (e) => { let bg = [255, 255, 255, 1]; const chain = [];
    for (let p = e; p; p = p.parentElement) chain.unshift(rgba(getComputedStyle(p).backgroundColor));
    for (const c of chain) bg = over(c, bg); return bg; };
  const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)]; return Math.round((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) * 100) / 100; };
  const out = {};
  for (const [name, selector, property] of selectors) {
    const elements = [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length);
    if (!elements.length) continue;
    out[name] = Math.min(...elements.map((e) => { const bg = background(e.parentElement || e);
      const own = rgba(getComputedStyle(e)[property || "color"]);
      return property ? ratio(over(own, bg), bg) : ratio(over(own, background(e)), background(e)); }));
  }
  return out;
}"""
TEXTS = [
    ["notice", ".medloc-notice p"],
    ["notice link", ".medloc-notice a"],
    ["disclaimer", ".medloc-disclaimer p"],
    ["fallback", "article .medloc-fallback"],
    ["fallback link", "article .medloc-fallback a"],
    ["body", "article p"],
    ["title", "article h1"],
]
NOTICES = {"ko/back-pain/", "ja/first-visit/", "zh-Hans/back-pain/", "ru/sciatica/", "ar/back-pain/"}
BARS = [["bar border", ".medloc-bar", "borderTopColor"], ["translated part", ".medloc-bar-translated", "backgroundColor"]]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with six_language_site(tmp_path_factory.mktemp("dark")) as url:
        yield url


@pytest.fixture
def open_page(browser, site_url: str) -> Iterator[object]:
    """open_page(path, scheme="dark", width=390, **context options) -> a Playwright page."""
    contexts = []

    def opener(path: str, scheme: str = "dark", width: int = 390, **options: object) -> object:
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme, reduced_motion="reduce", **options)
        contexts.append(context)
        tab = context.new_page()
        tab.goto(site_url + path)
        tab.evaluate("document.fonts.ready")
        return tab

    yield opener
    for context in contexts:
        context.close()


def _scheme(tab) -> str:
    return tab.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.mark.parametrize(("scheme", "expected"), [("dark", "slate"), ("light", "default")])
def test_the_scheme_follows_the_system_setting(open_page, scheme: str, expected: str) -> None:
    assert _scheme(open_page("ko/back-pain/", scheme)) == expected


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations_in_the_dark(open_page, path: str) -> None:
    """axe-core in the slate scheme; Material's slate link colour failed on the fallback shading."""
    tab = open_page(path, width=1280)
    assert _scheme(tab) == "slate"
    assert serious_violations(tab) == []


@pytest.mark.parametrize("path", PAGES)
def test_text_contrast_in_the_dark(open_page, path: str) -> None:
    """Notice, disclaimer, fallback text and links at least 4.5:1 on what they are drawn on; the
    page title at 7:1 (WCAG 1.4.6, as in the light scheme)."""
    tab = open_page(path)
    assert _scheme(tab) == "slate"
    found = tab.evaluate(CONTRASTS, TEXTS)
    assert {"disclaimer", "body", "title"} <= found.keys(), found
    if path in NOTICES:
        assert {"notice", "notice link", "fallback"} <= found.keys(), found
    assert all(ratio >= 4.5 for ratio in found.values()), found
    assert found["title"] >= 7, found


def test_status_bars_in_the_dark(open_page) -> None:
    """WCAG 1.4.11: the bar's outline and its translated part at least 3:1 on the dark page,
    and no white bar glaring from it."""
    tab = open_page("ko/status/")
    found = tab.evaluate(CONTRASTS, BARS)
    assert found.keys() == {"bar border", "translated part"} and min(found.values()) >= 3, found
    assert tab.evaluate("getComputedStyle(document.querySelector('.medloc-bar')).backgroundColor") != "rgb(255, 255, 255)"


@pytest.mark.parametrize("width", [390, 1280])
def test_keyboard_focus_is_visible_in_the_dark(open_page, width: int) -> None:
    """The focus ring (the element's own text colour) at 3:1 on the slate page, header and drawer."""
    tab = open_page("ar/back-pain/", width=width)
    problems = []
    for _ in range(26):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUS)
        if stop is not None and (not stop["visible"] or stop["ring"] < 2 or stop["contrast"] < 3):
            problems.append(stop)
    assert problems == []


# The focused element (for the palette's radio button, its label: the visible icon), whether it is
# drawn at its centre, and its ring's width and contrast with its background.
FOCUS = r"""() => {
  let e = document.activeElement;
  if (!e || e === document.body || e.matches('input.md-search__input, .md-skip')) return null;  // Material's own focus styles
  if (e.matches('.md-option')) e = e.nextElementSibling;
  const s = getComputedStyle(e);  // a link broken over two lines: the centre of either part
  const hits = [...e.getClientRects()].filter((r) => r.width && r.height).map((r) => document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  const rgba = (c) => { const m = c.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  let bg = [255, 255, 255, 1]; const chain = [];
  for (let p = e; p; p = p.parentElement) chain.unshift(rgba(getComputedStyle(p).backgroundColor));
  for (const c of chain) bg = over(c, bg);
  const [a, b] = [lum(over(rgba(s.outlineColor), bg)), lum(bg)];
  return { name: (e.textContent.trim() || e.getAttribute('aria-label') || e.title || e.className).slice(0, 30),
           visible: hits.some((hit) => !!hit && (hit === e || e.contains(hit))), ring: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
           contrast: Math.round((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) * 10) / 10 };
}"""

# Per toggle: its radio button's aria-label and its icon's title (the label after the radio button).
TOGGLE_NAMES = """() => [...document.querySelectorAll('[data-md-component=palette] .md-option')].map(input =>
  [input.getAttribute('aria-label'), input.nextElementSibling.title])"""


def test_the_toggle_is_named_in_every_language(open_page) -> None:
    """The toggle's radio buttons (aria-label) and icons (title) are named in the page's language:
    Material takes one English name from mkdocs.yml for every language."""
    names = {lang: open_page(prefix, "light").evaluate(TOGGLE_NAMES) for lang, prefix in LANGUAGES.items()}
    english = {name for pair in names["en"] for name in pair}
    assert len(english) == 2 and "" not in english, names["en"]
    for lang, pairs in names.items():
        assert len(pairs) == 2 and all(name for pair in pairs for name in pair), (lang, pairs)
        assert all(pair[0] == pair[1] for pair in pairs), (lang, pairs)
        assert len({name for pair in pairs for name in pair}) == 2, (lang, pairs)  # a dark name and a light name
        if lang != "en":
            assert not {name for pair in pairs for name in pair} & english, (lang, pairs)
    assert all(re.search("[\uac00-\ud7a3]", name) for pair in names["ko"] for name in pair), names["ko"]
    assert all(re.search("[\u0600-\u06ff]", name) for pair in names["ar"] for name in pair), names["ar"]


def test_the_toggle_switches_with_the_keyboard_and_is_remembered(open_page, site_url: str) -> None:
    """Enter on the focused toggle switches to dark; its ring is on the visible icon; the next page
    opens dark too (Material keeps the choice in localStorage)."""
    tab = open_page("ko/", "light")
    tab.focus("[data-md-component=palette] .md-option:checked")
    assert tab.evaluate(FOCUS)["visible"]
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    stop = tab.evaluate(FOCUS)
    assert stop["visible"] and stop["ring"] >= 2 and stop["contrast"] >= 3, stop
    assert stop["name"] == tab.evaluate(TOGGLE_NAMES)[1][1]  # "switch to light", in Korean
    tab.goto(site_url + "ko/sciatica/")
    assert _scheme(tab) == "slate"


@pytest.mark.parametrize("path", ["ko/back-pain/", "ar/back-pain/"])
def test_a_dark_page_prints_dark_on_white(open_page, path: str) -> None:
    """Browsers drop backgrounds in print but keep text colours: printed from the dark scheme,
    text, title and fallback text must still be dark on white paper (7:1 or more)."""
    tab = open_page(path)
    tab.emulate_media(media="print", color_scheme="dark")
    assert _scheme(tab) == "slate"
    shown = tab.evaluate("""() => [...document.querySelectorAll('article p, article h1, article .medloc-fallback, .medloc-disclaimer p')]
      .filter(e => e.getClientRects().length).map(e => getComputedStyle(e).color)""")
    on_white = [_contrast_on_white(colour) for colour in shown]
    assert on_white and min(on_white) >= 7, dict(zip(shown, on_white, strict=True))
    fallback = tab.evaluate("getComputedStyle(document.querySelector('article .medloc-fallback')).backgroundColor")
    assert _contrast_on_white(fallback) < 1.2, fallback  # a light shade, if the printer prints it at all


def _contrast_on_white(colour: str) -> float:
    *rgb, alpha = [*map(float, re.findall(r"[\d.]+", colour)), 1.0][:4]
    shown = [value * alpha + 255 * (1 - alpha) for value in rgb]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in (c / 255 for c in shown)]
    return 1.05 / (0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] + 0.05)


@pytest.mark.parametrize("lang", ["ko", "ar"])
def test_dark_screenshots_for_review(open_page, lang: str) -> None:
    """The Korean and Arabic home pages in the dark scheme on a phone and a desktop, for a person
    to look at: test-artifacts/dark-home-<lang>-<width>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (390, 1280):
        tab = open_page(LANGUAGES[lang], width=width)
        assert _scheme(tab) == "slate"
        target = ARTIFACTS / f"dark-home-{lang}-{width}.png"
        tab.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
