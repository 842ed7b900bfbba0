"""medloc build: the localised site from a small fixture project (tests/site/project).

Rendering is tested without MkDocs where possible (fast); one full build of the
fixture (module fixture) backs the tests on the built HTML. Real-browser tests
are in tests/browser/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import load_config
from pipeline.languages import get_language
from pipeline.pofile import format_po, read_po
from pipeline.site import build_site, plan_build, render_language, status_rows
from pipeline.site_anchors import has_fragment_links, heading_ids, id_map, rewrite_fragments
from pipeline.site_config import read_top_config
from pipeline.site_i18n import MESSAGES, UiMessage, load_ui, site_name_message, site_template
from pipeline.site_mkdocs import scan_active
from pipeline.site_search import AR_SEPARATOR, HAN_SEPARATOR, KO_SEPARATOR
from pipeline.site_status import Counts
from pipeline.site_tree import added_active_markup, split_front_matter
from tests.site_project import REPO, make_project
from tests.laws import examples

SITE_LANGS = ["ko", "ja", "zh_Hans", "ru", "ar"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("site") / "project")
    result = build_site(load_config(project), progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    return project, result


def html(project: Path, page: str) -> str:
    return (project / "site" / page).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- site texts


def test_site_pot_matches_the_messages_in_the_code() -> None:
    pot_path = REPO / "locales" / "templates" / "site.pot"
    pot = read_po(pot_path)
    site_name = str(read_top_config(REPO / "mkdocs.yml")["site_name"])
    date = pot.header_fields()["POT-Creation-Date"]
    expected = format_po(site_template(site_name, creation_date=date))  # type: ignore[arg-type]
    assert pot_path.read_text(encoding="utf-8") == expected, "run: python -m pipeline.site_i18n"


@pytest.mark.parametrize("code", SITE_LANGS)
def test_site_catalogues_are_complete_with_babel_plural_forms(code: str) -> None:
    lang = get_language(code)
    path = REPO / "locales" / code / "LC_MESSAGES" / "site.po"
    catalog = read_po(path)
    assert catalog.header_fields()["Plural-Forms"] == lang.plural_forms
    pot = read_po(REPO / "locales" / "templates" / "site.pot")
    assert [m.msgid for m in catalog.messages] == [m.msgid for m in pot.messages]
    for message in catalog.messages:
        assert message.translated, message.msgid
        if message.msgid_plural:
            assert len(message.msgstr_plural) == lang.nplurals, message.msgid
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True, capture_output=True)


def ui(code: str):
    lang = get_language(code)
    return load_ui(lang, REPO / "locales" / code / "LC_MESSAGES" / "site.po", read=read_po)


@pytest.mark.parametrize(
    ("code", "num", "expected"),
    [
        ("ar", 0, "لا توجد في هذه الصفحة أقسام غير مترجمة."),
        ("ar", 1, "قسم واحد من"),
        ("ar", 2, "قسمان من"),
        ("ar", 3, "3 أقسام من"),
        ("ar", 10, "10 أقسام من"),
        ("ar", 11, "11 قسمًا من"),
        ("ar", 99, "99 قسمًا من"),
        ("ar", 100, "100 قسم من"),
        ("ar", 103, "103 أقسام من"),
        ("ru", 1, "1 раздел этой"),
        ("ru", 3, "3 раздела этой"),
        ("ru", 5, "5 разделов этой"),
        ("ru", 21, "21 раздел этой"),
        ("ru", 112, "112 разделов этой"),
        ("ko", 3, "3개 부분은"),
        ("ja", 3, "3か所は"),
    ],
)
def test_notice_uses_the_plural_form_of_the_language(code: str, num: int, expected: str) -> None:
    texts = ui(code)
    shown = texts.text("notice.untranslated", num=num, language=texts.language_name(get_language("en")))
    assert expected in shown
    assert texts.diagnostics == []


def test_english_plural_without_catalogue() -> None:
    texts = load_ui(get_language("en"), Path("/nonexistent/site.po"), read=read_po)
    assert texts.text("notice.untranslated", num=1, language="Korean").startswith("1 section of this page is")
    assert texts.text("notice.untranslated", num=4, language="Korean").startswith("4 sections of this page are")
    assert texts.language_name(get_language("ko")) == "Korean"
    assert ui("ko").language_name(get_language("en")) == "영어"


def test_careless_or_hostile_site_translations_fall_back_to_english(tmp_path: Path) -> None:
    po = tmp_path / "site.po"
    po.write_text(
        '\n'.join(
            [
                'msgid ""',
                'msgstr ""',
                '"Content-Type: text/plain; charset=UTF-8\\n"',
                '"Language: ko\\n"',
                '"Plural-Forms: nplurals=1; plural=0;\\n"',
                "",
                'msgid "Translation in progress"',
                'msgstr "<script>alert(1)</script>"',
                "",
                'msgid "Medical disclaimer"',
                'msgstr "&lt;b&gt;"',
                "",
                'msgid "Read the original article (%(language)s)"',
                'msgstr "원문 보기 (%(lang)s)"',
                "",
                'msgid "Articles"',
                'msgstr "안내 글"',
                "",
            ]
        ),
        encoding="utf-8",
    )
    texts = load_ui(get_language("ko"), po, read=read_po)
    assert texts.text("notice.title") == "Translation in progress"
    assert texts.text("disclaimer.label") == "Medical disclaimer"
    assert texts.text("notice.original_link", language="영어") == "Read the original article (영어)"
    assert texts.text("home.articles") == "안내 글"
    assert [d.location.line for d in texts.diagnostics] == [7, 10, 13]


# --------------------------------------------------------------------------- pieces


def test_search_separators_cut_particles_and_split_scripts() -> None:
    def tokens(separator: str, text: str) -> list[str]:
        return [t for t in re.split(separator, text) if t]

    assert tokens(KO_SEPARATOR, "척추관협착증은 디스크가 있는 환자에서는") == ["척추관협착증", "디스크", "있는", "환자"]
    assert tokens(KO_SEPARATOR, "척추관협착증을") == tokens(KO_SEPARATOR, "척추관협착증이")
    assert tokens(KO_SEPARATOR, "목이") == ["목이"]  # one syllable before: not cut (목이 is not 목 + 이 for sure)
    assert tokens(HAN_SEPARATOR, "坐骨神经痛，MRI") == ["坐", "骨", "神", "经", "痛", "MRI"]
    assert tokens(AR_SEPARATOR, "المريض بالألم وللألم، الظهر") == ["مريض", "ألم", "ألم", "ظهر"]


def test_added_active_markup_is_what_the_msgid_lacks() -> None:
    assert added_active_markup("Plain text.", "Plain <b>text</b>.") == {"<b", "</"}
    assert added_active_markup("Heading", "Heading {: onclick=alert(1) }") == {"{:"}
    assert added_active_markup("See [x](a.md).", "See [x](javascript:alert(1)).") == {"javascript:"}
    assert added_active_markup("Use <kbd>Ctrl</kbd>.", "<kbd>Ctrl</kbd> 사용.") == set()


def test_heading_ids_follow_toc_slugify_unicode_and_duplicates() -> None:
    body = "## 좌골신경통이란?\n\ntext\n\n## Causes\n\n## Causes\n\n## Custom {#mine}\n\n## **Bold** `code`\n"
    assert heading_ids(body) == ["좌골신경통이란", "causes", "causes_1", "mine", "bold-code"]


def test_fragment_links_follow_translated_headings() -> None:
    maps = {"a.md": {"what-it-is": "무엇인가"}, "sub/b.md": {"exercises": "운동"}}
    text = "[x](#what-it-is), [y](sub/b.md#exercises), [z](a.md#other), [w](https://e.org/#what-it-is)\n\n[r]: sub/b.md#exercises\n"
    assert rewrite_fragments(text, "a.md", maps) == (
        "[x](#무엇인가), [y](sub/b.md#운동), [z](a.md#other), [w](https://e.org/#what-it-is)\n\n[r]: sub/b.md#운동\n"
    )
    assert id_map(["a", "b"], ["a", "c"]) == {"b": "c"}
    assert id_map(["a"], ["a", "b"]) == {}


_FRAGMENT_ALTERNATION = re.compile(r"\]\(\s*<?[^)\s>]*#|^ {0,3}\[[^\]\n]+\]:[ \t]*<?\S*#", re.M)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("[]()<>#: \t\nab/.")), max_size=60))
def test_fragment_link_search_is_the_one_pattern_it_was_split_from(text: str) -> None:
    assert has_fragment_links(text) == (_FRAGMENT_ALTERNATION.search(text) is not None)


def test_fragment_links_are_found_inline_and_in_reference_definitions() -> None:
    assert has_fragment_links("See [rest](back-pain.md#rest).")
    assert has_fragment_links("See [rest][r].\n\n   [r]: <back-pain.md#rest>\n")
    assert not has_fragment_links("# Heading\n\nSee [rest](back-pain.md) and C# code.\n")


def test_percentages_add_up_to_100() -> None:
    assert Counts(1, 1, 1).percentages() == (34, 33, 33)
    assert Counts(5, 2, 2).percentages() == (56, 22, 22)
    assert Counts().percentages() == (0, 0, 100)


# --------------------------------------------------------------------------- rendering (no MkDocs)


@pytest.fixture(scope="module")
def rendered_ko(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("render") / "project")
    config = load_config(project)
    plan = plan_build(config, langs=["ko"])
    tree = render_language(plan, config.language("ko"), status_rows(plan))
    return project, tree


def test_korean_tree_has_originals_translations_and_generated_pages(rendered_ko) -> None:
    project, tree = rendered_ko
    docs = project / "build" / "medloc" / "ko" / "docs"
    assert sorted(p.name for p in docs.glob("*.md")) == ["back-pain.md", "first-visit.md", "index.md", "sciatica.md", "status.md"]
    assert (docs / "first-visit.md").read_text(encoding="utf-8") == (project / "docs" / "first-visit.md").read_text(encoding="utf-8")
    kinds = {page.rel: page.kind for page in tree.pages}
    assert kinds == {"back-pain.md": "translated", "first-visit.md": "original", "sciatica.md": "translated"}
    # The Korean original is its source file itself (a hard link: no file to create), the rest are files of their own.
    assert (docs / "first-visit.md").samefile(project / "docs" / "first-visit.md")
    assert not (docs / "back-pain.md").samefile(project / "docs" / "back-pain.md")


def test_translated_page_follows_anchors_and_has_no_notice(rendered_ko) -> None:
    project, _ = rendered_ko
    meta, body = split_front_matter((project / "build/medloc/ko/docs/sciatica.md").read_text(encoding="utf-8"), "x")
    assert meta["title"] == "좌골신경통"
    assert meta["medloc"]["status"] == "complete"
    assert "untranslated" not in meta["medloc"]
    assert "[좌골신경통이란](#좌골신경통이란)" in body  # the source wrote #what-sciatica-is
    assert "(back-pain.md#exercises)" in body  # "Exercises" is not translated in Korean: same id
    assert "medloc-fallback" not in body


def test_partial_page_marks_fallbacks_and_counts_them(rendered_ko) -> None:
    project, tree = rendered_ko
    report = next(p for p in tree.pages if p.rel == "back-pain.md")
    assert (report.total, report.untranslated, report.fuzzy, report.refused) == (9, 2, 2, 0)
    meta, body = split_front_matter((project / "build/medloc/ko/docs/back-pain.md").read_text(encoding="utf-8"), "x")
    notice = meta["medloc"]
    assert notice["untranslated"] == "이 페이지의 2개 부분은 아직 번역되지 않아 원문(영어)으로 표시됩니다."
    assert notice["outdated"].endswith("2개 부분은 원문으로 표시됩니다.")
    assert notice["progress"] == "전체 9개 부분 중 5개가 번역되었습니다."
    assert (notice["original_root"], notice["original_tag"]) == ("../", "en")
    assert '## <span lang="en" dir="ltr" class="medloc-fallback">Exercises</span>' in body
    assert '<span lang="en" dir="ltr" class="medloc-fallback">Walking every day helps the back heal.</span>' in body
    assert "허리 통증은 대부분 근육과 관절에서 생깁니다." in body


def test_status_page_counts_come_from_the_catalogues(rendered_ko) -> None:
    project, _ = rendered_ko
    status = (project / "build/medloc/ko/docs/status.md").read_text(encoding="utf-8")
    assert "title: 번역 현황" in status
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', status)
    cells = {(title, tuple(re.findall(r"<td>(\d+)</td>", rest))) for title, rest in rows}
    assert ("허리 통증", ("5", "2", "2")) in cells  # ko back-pain.po: 5 translated, 2 fuzzy, 2 empty
    assert ("좌골신경통", ("15", "0", "0")) in cells
    # No Arabic catalogue for back-pain and no template in the fixture: its 9 segments are untranslated.
    arabic = status[status.index('## <span lang="ar" dir="rtl">العربية') :]
    assert re.search(r'<th scope="row">허리 통증</th><td>0</td><td>0</td><td>9</td>', arabic)


def _ko_counts(project: Path) -> dict[str, Counts | None]:
    plan = plan_build(load_config(project), langs=["ko"])
    return {row.article.slug: row.counts for row in status_rows(plan) if row.lang.code == "ko"}


def test_status_page_counts_what_the_page_shows_when_the_catalogue_is_behind(tmp_path: Path) -> None:
    """A paragraph added to the source after the last `medloc update` counts as untranslated
    (its page shows it in English); the entry of a paragraph the source dropped counts for nothing."""
    project = make_project(tmp_path / "project")
    assert _ko_counts(project)["sciatica"] == Counts(15, 0, 0)
    article = project / "docs" / "sciatica.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nA new paragraph nobody has translated yet.\n", encoding="utf-8")
    assert _ko_counts(project)["sciatica"] == Counts(15, 0, 1)
    article.write_text(text.replace("- Spinal stenosis narrows the space for the nerves.\n", ""), encoding="utf-8")
    assert _ko_counts(project)["sciatica"] == Counts(14, 0, 0)


def test_the_build_plans_and_renders_with_few_collections_and_restores_the_collector(tmp_path: Path, monkeypatch) -> None:
    """Segmenting every article (planning) runs with the raised threshold, the plan is frozen
    before MkDocs workers fork, and the collector is as it was afterwards, also after an error."""
    import gc

    import pipeline.site as site

    project = make_project(tmp_path / "project")
    before, frozen_before = gc.get_threshold(), gc.get_freeze_count()
    seen: dict[str, object] = {}
    real_rows = site.status_rows

    def rows(plan):
        seen["threshold while planning"] = gc.get_threshold()[0]
        return real_rows(plan)

    def render_and_build(plan, rows, result, *, progress):
        seen["frozen while rendering"] = gc.get_freeze_count()
        raise RuntimeError("stop before MkDocs")

    monkeypatch.setattr(site, "status_rows", rows)
    monkeypatch.setattr(site, "_render_and_build", render_and_build)
    with pytest.raises(RuntimeError, match="stop before MkDocs"):
        build_site(load_config(project), progress=False)
    assert seen["threshold while planning"] > before[0]
    assert seen["frozen while rendering"] > frozen_before
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen_before


def test_status_rows_agree_with_the_pages(rendered_ko) -> None:
    """Complete in the status table exactly when the page has nothing to show in another language."""
    project, tree = rendered_ko
    counts = _ko_counts(project)
    translated = [page for page in tree.pages if page.kind == "translated"]
    assert {page.fallbacks == 0 for page in translated} == {True, False}  # a complete and a partial page
    for page in translated:
        assert counts[page.slug] is not None
        assert counts[page.slug].complete == (page.fallbacks == 0), page.slug


# --------------------------------------------------------------------------- the built site


LANGS = {"": ("en", "ltr"), "ko/": ("ko", "ltr"), "ja/": ("ja", "ltr"), "zh-Hans/": ("zh-Hans", "ltr"), "ar/": ("ar", "rtl")}
PAGES = ["index.html", "sciatica/index.html", "back-pain/index.html", "first-visit/index.html", "status/index.html"]


def test_every_page_in_every_language_with_lang_dir_alternates_and_disclaimer(built) -> None:
    project, _ = built
    for prefix, (tag, direction) in LANGS.items():
        for page in PAGES:
            text = html(project, prefix + page)
            assert f'<html lang="{tag}" dir="{direction}"' in text, prefix + page
            assert f'<body dir="{direction}"' in text, prefix + page
            alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', text))
            assert set(alternates) == {"en", "ko", "ja", "zh-Hans", "ar", "x-default"}, prefix + page
            url = page.removesuffix("index.html")
            assert all(href.endswith(f"/{p}{url}") for p, href in [("ko/", alternates["ko"]), ("", alternates["x-default"])])
            assert 'class="medloc-disclaimer"' in text, prefix + page
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


@pytest.mark.parametrize(
    ("folder", "lang", "title"),
    [("", "en", "Page not found"), ("ko/", "ko", "페이지를 찾을 수 없습니다"), ("ar/", "ar", "الصفحة غير موجودة")],
)
def test_the_404_page_speaks_the_readers_language_and_links_home_absolutely(built, folder: str, lang: str, title: str) -> None:
    """A missing address gets a page in the reader's language; its links work at any depth (absolute paths)."""
    project, _ = built
    page = html(project, f"{folder}404.html")
    assert f'<html lang="{lang}"' in page
    article = page[page.index("<article") : page.index("</article>")]
    assert f"<h1>{title}</h1>" in article and "404 - Not found" not in page
    links = re.findall(r'href="([^"]*)"', article)
    assert links[0] == f"/{folder}"  # the home page of the reader's language
    assert links[1:] == ["/", "/ko/", "/ja/", "/zh-Hans/", "/ar/"]  # every language's home (the fixture's languages)


def test_theme_language_and_translated_titles(built) -> None:
    project, _ = built
    ko = html(project, "ko/sciatica/index.html")
    assert 'placeholder="검색"' in ko  # Material's Korean UI
    assert "<title>좌골신경통 - 서울예스병원 — 환자 안내</title>" in ko
    assert "<h1>좌골신경통</h1>" in ko
    assert 'id="좌골신경통이란"' in ko and 'href="#좌골신경통이란"' in ko
    assert "이 페이지는 환자분을 위한 일반적인 정보를 드립니다." in ko
    zh = html(project, "zh-Hans/sciatica/index.html")
    assert "搜索" in zh  # theme.language: zh (Material has no zh-Hans)


def test_korean_original_in_other_languages(built) -> None:
    project, _ = built
    ko = html(project, "ko/first-visit/index.html")
    assert "medloc-notice" not in ko and "medloc-fallback" not in ko
    en = html(project, "first-visit/index.html")
    assert "<h1>Preparing for your first visit</h1>" in en and "medloc-notice" not in en
    # No Japanese catalogue: the English translation is shown (site.fallback defaults to the
    # source language), marked as English, and the notice says so; the link goes to the Korean original.
    ja = html(project, "ja/first-visit/index.html")
    assert '<h1><span lang="en" dir="ltr">Preparing for your first visit</span></h1>' in ja
    assert '<span lang="en" dir="ltr" class="medloc-fallback">Bring an ID card and the results of earlier tests.</span>' in ja
    assert "첫 진료 준비" not in ja.split("<body", 1)[1].split('class="md-nav')[0] and 'lang="ko" dir="ltr" class="medloc-fallback"' not in ja
    assert '<p class="medloc-pivot" data-medloc-shown="en">このページの6か所はまだ翻訳されていないため、別の言語（英語）で表示しています。</p>' in ja
    assert "medloc-notice" in ja and 'hreflang="ko">原文の記事を読む（韓国語）</a>' in ja


def test_per_language_search_configuration(built) -> None:
    import json

    project, _ = built
    ko = json.loads(html(project, "ko/search/search_index.json"))["config"]
    assert ko["separator"] == KO_SEPARATOR and ko["pipeline"] == []
    zh = json.loads(html(project, "zh-Hans/search/search_index.json"))["config"]
    assert zh["separator"] == HAN_SEPARATOR
    assert "medloc-search.js?worker=search." in html(project, "zh-Hans/index.html")


def test_sitemap_lists_every_page_in_every_language(built) -> None:
    project, _ = built
    root = ET.parse(project / "site" / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [u.find("s:loc", ns).text for u in root.findall("s:url", ns)]  # type: ignore[union-attr]
    assert len(locs) == 5 * 4 and "/ko/first-visit/" in locs and "/sciatica/" in locs
    assert not any("status" in loc for loc in locs)  # the team's page is not for search engines
    first = root.find("s:url", ns)
    assert len(first.findall("x:link", ns)) == 6  # type: ignore[union-attr]


def test_report_lines_and_no_warnings(built) -> None:
    _, result = built
    lines = result.report_lines()
    assert lines[1] == "ko: 3 articles, 2 complete, 83% of segments translated"
    assert "30 pages in 5 languages" in lines[-1]
    # The fixture's mkdocs.yml has no site_url: said once, and nothing else.
    assert [d.code for d in result.diagnostics if d.severity != "info"] == ["site-url-missing"]


def test_build_is_deterministic(built, tmp_path: Path) -> None:
    project, _ = built
    before = {p: p.read_bytes() for p in (project / "build" / "medloc").rglob("*.md")}
    result = build_site(load_config(project), langs=["ko", "ar"], progress=False)
    assert not result.failed
    after = {p: p.read_bytes() for p in (project / "build" / "medloc").rglob("*.md")}
    assert before == after
    assert (project / "site" / "ja" / "index.html").is_file()  # other languages kept


# --------------------------------------------------------------------------- hostile translations and strict mode


HOSTILE = {
    "Causes": "<script>alert('heading')</script>원인",
    "Most back pain comes from muscles and joints.": '<img src=x onerror="alert(1)"> 허리 통증',
    "Walking every day helps the back heal.": "[매일 걷기](javascript:alert(1))",
    "Stretch gently in the morning and in the evening.": 'Stretch {: onclick="alert(1)" }',
    "When to see a doctor": 'Doctor <a href="data:text/html,<script>alert(1)</script>">here</a>',
    "See a doctor if the pain spreads to the legs.": "진료\n\n<iframe src=https://evil.example></iframe>",
    "Back pain": "</title><script>alert('title')</script>",
}


def test_hostile_translations_never_reach_the_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    po = project / "locales" / "ko" / "LC_MESSAGES" / "back-pain.po"
    catalog = read_po(po)
    for message in catalog.messages:
        if message.msgid in HOSTILE:
            message.msgstr = HOSTILE[message.msgid]
            message.fuzzy = False
    po.write_text(format_po(catalog), encoding="utf-8")
    result = build_site(load_config(project), langs=["en", "ko"], progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    page = html(project, "ko/back-pain/index.html")
    original = html(project, "back-pain/index.html")
    for needle in ("alert(", "onerror", "onclick", "javascript:", "data:text", "<iframe", "evil.example"):
        assert needle not in page, needle
    assert page.count("<script") == original.count("<script")
    refused = [d for d in result.diagnostics if "back-pain.po" in str(d.location)]
    assert len(refused) >= len(HOSTILE), [str(d) for d in result.diagnostics]
    active, _ = scan_active(project / "site")
    assert active["ko/back-pain/index.html"] == active["back-pain/index.html"]


def test_active_content_audit_blocks_publication(tmp_path: Path) -> None:
    from pipeline.site import _audit
    from pipeline.site_mkdocs import MkdocsRun

    project = make_project(tmp_path / "project")
    plan = plan_build(load_config(project))
    runs = [MkdocsRun("en", active={"sciatica/index.html": 3}), MkdocsRun("ko", active={"sciatica/index.html": 4})]
    problems = _audit(runs, plan)
    assert len(problems) == 1 and "[ko] sciatica/index.html has 4" in problems[0].message
    assert str(problems[0].location) == "locales/ko/LC_MESSAGES/sciatica.po"


def test_strict_build_fails_on_a_broken_anchor_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = load_config(project)
    assert not build_site(config, langs=["en"], progress=False).failed
    before = html(project, "sciatica/index.html")
    source = project / "docs" / "sciatica.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nAlso [this](back-pain.md#nowhere).\n", encoding="utf-8")
    result = build_site(config, langs=["en"], strict=True, progress=False)
    assert result.failed
    assert any(str(f.location) == "docs/sciatica.md:24" and "#nowhere" in f.message for f in result.failures), [
        str(f) for f in result.failures
    ]
    assert html(project, "sciatica/index.html") == before
    assert "site not published" in result.report_lines()[-1]
    relaxed = build_site(config, langs=["en"], progress=False)
    assert not relaxed.failed and any("#nowhere" in d.message for d in relaxed.diagnostics)


def test_cli_build_prints_report_and_fails_in_strict_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main

    project = make_project(tmp_path / "project")
    assert main(["--project", str(project), "build", "--quiet", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "en: 3 articles, 3 complete, 100% of segments translated"
    (project / "docs" / "back-pain.md").write_text("---\ntitle: x\n---\n\n[a](missing.md)\n", encoding="utf-8")
    assert main(["--project", str(project), "build", "--quiet", "--lang", "en", "--strict"]) == 1
    captured = capsys.readouterr()
    assert "docs/back-pain.md:5: warning: [en]" in captured.err and "missing.md" in captured.err


@pytest.mark.parametrize("given", [".", "project", "../tmp/project"])
def test_cli_build_with_a_relative_project_root(given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`medloc --project .` builds: the generated MkDocs configs name the theme and site folders
    absolutely (MkDocs reads relative ones from the config's own folder, build/medloc/<lang>/)."""
    from pipeline.cli import main

    project = make_project(tmp_path / "project")
    (tmp_path / "tmp").mkdir()
    monkeypatch.chdir({".": project, "project": tmp_path, "../tmp/project": tmp_path / "tmp"}[given])
    assert main(["--project", given.replace("tmp/", ""), "build", "--quiet", "--lang", "en", "--lang", "ko"]) == 0
    assert (project / "site" / "sciatica" / "index.html").is_file()
    assert (project / "site" / "ko" / "sciatica" / "index.html").is_file()
    assert not (project / "build" / "medloc" / "en" / "build").exists()


def test_plain_mkdocs_build_of_the_english_sources(tmp_path: Path) -> None:
    """A fresh clone's `mkdocs build --strict` still builds the English site from docs/."""
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert completed.returncode == 0, completed.stderr
    assert any((tmp_path / "site").glob("*/index.html"))


# --------------------------------------------------------------------------- serve


def test_serve_renders_copies_so_a_source_saved_in_place_is_a_change_in_the_tree(tmp_path: Path) -> None:
    """`medloc build` links an original to its source; `serve` must not: MkDocs' watcher sees
    changes made in its own folder, not a source saved in place through the other link."""
    project = make_project(tmp_path / "project")
    config = load_config(project)
    source = project / "docs" / "first-visit.md"
    built = project / "build" / "medloc" / "ko" / "docs" / "first-visit.md"
    plan = plan_build(config, langs=["ko"])
    render_language(plan, config.language("ko"), status_rows(plan))
    assert built.samefile(source)
    plan = plan_build(config, langs=["ko"])
    render_language(plan, config.language("ko"), status_rows(plan), link_sources=False)  # serve's first render
    assert not built.samefile(source) and built.read_bytes() == source.read_bytes()
    with source.open("a", encoding="utf-8") as handle:  # saved in place, as many editors do
        handle.write("\n새 문단입니다.\n")
    before = built.stat().st_ino
    plan = plan_build(config, langs=["ko"])
    render_language(plan, config.language("ko"), status_rows(plan), link_sources=False)
    assert built.read_bytes() == source.read_bytes() and built.stat().st_ino != before  # replaced: a change MkDocs sees


def test_rerender_after_a_po_edit_touches_only_that_page(rendered_ko) -> None:
    project, _ = rendered_ko
    config = load_config(project)
    docs = project / "build" / "medloc" / "ko" / "docs"
    stamps = {p.name: p.stat().st_mtime_ns for p in docs.glob("*.md")}
    po = project / "locales" / "ko" / "LC_MESSAGES" / "back-pain.po"
    catalog = read_po(po)
    next(m for m in catalog.messages if m.msgid == "Exercises").msgstr = "운동"
    po.write_text(format_po(catalog), encoding="utf-8")
    plan = plan_build(config, langs=["ko"])
    render_language(plan, config.language("ko"), status_rows(plan))
    assert plan.cache is not None and (plan.cache.hits, plan.cache.misses) == (1, 1)  # sciatica cached, back-pain not
    changed = {p.name for p in docs.glob("*.md") if p.stat().st_mtime_ns != stamps[p.name]}
    assert changed == {"back-pain.md", "sciatica.md", "status.md"}  # sciatica links to #exercises, now #운동
    assert "(back-pain.md#운동)" in (docs / "sciatica.md").read_text(encoding="utf-8")


def test_serve_reports_a_bad_or_vanished_file_and_keeps_serving(capsys: pytest.CaptureFixture[str]) -> None:
    """A save that cannot be rendered (a PO with a syntax error, a file renamed away mid-read)
    is one line on stderr, never a traceback that would stop re-rendering."""
    from pipeline.errors import Location, PoSyntaxError
    from pipeline.site_serve import _rerender

    def bad_po() -> None:
        raise PoSyntaxError("unterminated string", Location("locales/ko/LC_MESSAGES/back-pain.po", 12))

    def vanished() -> None:
        raise FileNotFoundError(2, "No such file or directory", "locales/ko/LC_MESSAGES/back-pain.po")

    _rerender(bad_po)  # type: ignore[arg-type]
    _rerender(vanished)  # type: ignore[arg-type]
    assert capsys.readouterr().err.splitlines() == [
        "medloc serve: locales/ko/LC_MESSAGES/back-pain.po:12: unterminated string",
        "medloc serve: locales/ko/LC_MESSAGES/back-pain.po: cannot be read now (No such file or directory); the previous pages stay",
    ]


def test_site_name_message_is_in_the_template() -> None:
    assert site_name_message("X").msgid == "X"
    assert all(isinstance(m, UiMessage) for m in MESSAGES.values())


def test_sitemap_and_alternates_use_site_url_when_known(tmp_path: Path) -> None:
    from pipeline.site_config import SiteLayout, language_config
    from pipeline.site_i18n import english
    from pipeline.site_publish import write_sitemap

    en, ko = get_language("en"), get_language("ko")
    layout = SiteLayout(en, (en, ko), "https://patients.example/")
    write_sitemap(tmp_path, layout, ["", "sciatica/"])
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://patients.example/ko/sciatica/</loc>" in text
    assert 'hreflang="x-default" href="https://patients.example/sciatica/"' in text
    config = language_config(
        lang=ko, layout=layout, ui=english(ko), top_config=tmp_path / "mkdocs.yml", config_dir=tmp_path / "build" / "ko",
        theme_dir=tmp_path / "theme", nav=["index.md"], site_name="Site",
    )
    assert config["site_url"] == "https://patients.example/ko/"
    assert config["INHERIT"] == "../../mkdocs.yml"
    assert config["theme"] == {"language": "ko", "custom_dir": str(tmp_path / "theme")}
    assert [item["root"] for item in config["extra"]["medloc"]["languages"]] == ["../", "../ko/"]
    assert "plugins" not in config and "markdown_extensions" not in config  # lists stay in mkdocs.yml


def test_watcher_sees_images_saved_into_docs_but_not_editor_files(tmp_path: Path) -> None:
    """`serve` links docs/ files into the tree when it re-renders: a new image must trigger one."""
    from pipeline.site_watch import Watcher

    docs, locales = tmp_path / "docs", tmp_path / "locales"
    docs.mkdir()
    locales.mkdir()
    watcher = Watcher([docs, locales], on_change=lambda: None, assets=[docs])
    assert watcher.watched(docs / "img" / "spine.png") and watcher.watched(docs / "files" / "consent.pdf")
    assert watcher.watched(locales / "ko" / "LC_MESSAGES" / "a.po")
    for name in ("spine.png~", ".DS_Store", ".spine.png.swp", "#a.md#", "leaflet.pdf.part", "x.tmp"):
        assert not watcher.watched(docs / name), name
    assert not watcher.watched(locales / "notes.txt")  # only docs/ is a folder of site files


def test_watcher_calls_back_once_per_burst_of_saves(tmp_path: Path) -> None:
    import threading
    import time

    from pipeline.site_watch import Watcher

    calls = []
    done = threading.Event()

    def changed() -> None:
        calls.append(time.monotonic())
        done.set()

    watcher = Watcher([tmp_path], on_change=changed, quiet=0.2)
    watcher.start()
    try:
        time.sleep(0.2)
        for round_ in range(3):  # Poedit: temp file, rename, touch
            (tmp_path / f".x{round_}.po~").write_text("backup", encoding="utf-8")
            (tmp_path / "ko.po").write_text(f"msgid {round_}", encoding="utf-8")
        assert done.wait(5)
        time.sleep(0.5)
    finally:
        watcher.stop()
    assert len(calls) == 1


# --------------------------------------------------------------------------- untranslated titles, status page, pivots, site_url


def primary_nav(page: str) -> str:
    """The left navigation of a built page (Material's primary sidebar)."""
    return page.split('class="md-nav md-nav--primary"', 1)[1].split('md-sidebar--secondary', 1)[0]


def test_untranslated_titles_carry_their_language_in_nav_header_and_footer(built) -> None:
    project, _ = built
    ja_home = html(project, "ja/index.html")
    nav = primary_nav(ja_home)
    # back-pain has no Japanese catalogue: its English title is marked as English, the translated one is not
    assert '<span lang="en" dir="ltr">Back pain</span>' in nav
    assert '<span lang="en" dir="ltr">Sciatica</span>' not in nav and "坐骨神経痛" in nav
    page = html(project, "ja/first-visit/index.html")
    topic = page.split('data-md-component="header-topic"', 1)[1].split("</div>", 1)[0]
    assert '<span lang="en" dir="ltr">Preparing for your first visit</span>' in topic
    toc = page.split('md-sidebar--secondary', 1)[1].split("</nav>", 1)[0]
    assert '<span lang="en" dir="ltr">What to bring</span>' in toc and '<span lang="en" dir="ltr">Tests</span>' in toc
    footer = page.split('class="md-footer"', 1)[1]
    assert '<span lang="en" dir="ltr">Back pain</span>' in footer
    ko_nav = primary_nav(html(project, "ko/index.html"))
    assert 'lang="en"' not in ko_nav  # every Korean title is translated (or the original)


def test_status_page_is_for_the_team_not_in_the_patients_nav(built) -> None:
    import json

    project, _ = built
    for prefix in ("", "ko/", "ar/"):
        home = html(project, f"{prefix}index.html")
        assert 'href="status/"' not in home and "status/" not in primary_nav(home)
        status = html(project, f"{prefix}status/index.html")  # still built, reachable by its URL
        assert '<meta name="robots" content="noindex">' in status
        index = json.loads(html(project, f"{prefix}search/search_index.json"))
        assert not any(doc["location"].startswith("status/") for doc in index["docs"])
    assert "status" not in html(project, "sitemap.xml")
    # Each language folder has the sitemap of its own pages (Material's JavaScript fetches it at
    # the language's base), in place of MkDocs' own, which listed the status page.
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for tag in ("ko", "ar"):
        root = ET.parse(project / "site" / tag / "sitemap.xml").getroot()
        locs = [u.find("s:loc", ns).text for u in root.findall("s:url", ns)]  # type: ignore[union-attr]
        assert len(locs) == 4 and all(loc.startswith(f"/{tag}/") for loc in locs), locs
        assert "status" not in html(project, f"{tag}/sitemap.xml")


def _pivot_plan(tmp_path: Path, fallback: str | None):
    project = make_project(tmp_path / "project")
    if fallback is not None:
        with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write(f"\n[tool.medloc.site]\nfallback = {fallback}\n")
    po_path = project / "locales" / "en" / "LC_MESSAGES" / "first-visit.po"
    catalog = read_po(po_path)
    next(m for m in catalog.messages if m.msgstr == "What to bring").msgstr = ""  # English lacks one heading
    po_path.write_text(format_po(catalog), encoding="utf-8")
    config = load_config(project)
    plan = plan_build(config, langs=["ja"])
    tree = render_language(plan, config.language("ja"), status_rows(plan))
    page = next(p for p in tree.pages if p.slug == "first-visit")
    return page, (project / "build" / "medloc" / "ja" / "docs" / "first-visit.md").read_text(encoding="utf-8")


def test_pivot_fallback_shows_english_then_the_korean_original(tmp_path: Path) -> None:
    page, text = _pivot_plan(tmp_path, None)
    meta, body = split_front_matter(text, "first-visit.md")
    # reader's language (none) -> English translation -> Korean original, each marked with its language
    assert '## <span lang="ko" dir="ltr" class="medloc-fallback">준비물</span>' in body
    assert '<span lang="en" dir="ltr" class="medloc-fallback">Bring an ID card and the results of earlier tests.</span>' in body
    assert meta["title"] == "Preparing for your first visit" and meta["medloc"]["title_lang"] == "en"
    assert page.source_lang is not None and page.source_lang.code == "en"
    assert [(lang.code, count) for lang, count in page.pivots] == [("en", 5)] and page.fallbacks == 6
    notice = meta["medloc"]
    assert notice["pivots"] == [{"text": "このページの5か所はまだ翻訳されていないため、別の言語（英語）で表示しています。", "tag": "en"}]
    assert notice["untranslated"] == "このページの1か所はまだ翻訳されていないため、原文（韓国語）で表示しています。"
    assert notice["legend"] == "まだ翻訳されていない部分には、薄い背景色を付けています。"  # not "in the original"
    assert notice["headings"] == {"준비물": ["ko", "ltr"], "Tests": ["en", "ltr"]}  # for the table of contents


def test_pivot_fallback_can_be_turned_off(tmp_path: Path) -> None:
    page, text = _pivot_plan(tmp_path, "[]")
    assert 'lang="en"' not in text and page.pivots == ()
    assert '<span lang="ko" dir="ltr" class="medloc-fallback">신분증과 이전 검사 결과를 가져오십시오.</span>' in text


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('fallback = "en"', "tool.medloc.site.fallback: expected a list"),
        ('fallback = ["ru"]', "not one of the site languages"),
        ("nav_limit = 1", "tool.medloc.site.nav_limit: expected a whole number of articles, at least 2, got 1"),
        ('nav_limit = "40"', "tool.medloc.site.nav_limit: expected a whole number of articles, at least 2, got '40'"),
        ("nav_limit = true", "tool.medloc.site.nav_limit: expected a whole number of articles, at least 2, got True"),
    ],
)
def test_site_settings_are_validated(tmp_path: Path, setting: str, message: str) -> None:
    from pipeline.errors import PipelineError

    project = make_project(tmp_path / "project")
    with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write(f"\n[tool.medloc.site]\n{setting}\n")
    with pytest.raises(PipelineError) as caught:
        load_config(project)
    assert message in str(caught.value)


def test_site_url_makes_alternates_and_sitemap_absolute(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    top = project / "mkdocs.yml"
    top.write_text(top.read_text(encoding="utf-8") + "site_url: https://patients.example.org/info/\n", encoding="utf-8")
    result = build_site(load_config(project), progress=False)
    assert not result.failed and "site-url-missing" not in [d.code for d in result.diagnostics]
    page = html(project, "ko/sciatica/index.html")
    assert '<link rel="alternate" hreflang="ar" href="https://patients.example.org/info/ar/sciatica/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="https://patients.example.org/info/sciatica/">' in page
    assert not re.search(r'<link rel="alternate" hreflang="[^"]+" href="(?!https://)', page)
    sitemap = html(project, "sitemap.xml")
    assert "<loc>https://patients.example.org/info/ja/first-visit/</loc>" in sitemap and "<loc>/" not in sitemap
    missing = html(project, "ko/404.html")
    article = missing[missing.index("<article") : missing.index("</article>")]
    assert re.findall(r'href="([^"]*)"', article)[:2] == ["https://patients.example.org/info/ko/", "https://patients.example.org/info/"]


# --------------------------------------------------------------------------- fast paths agree with the slow ones

_HTMLISH = st.lists(
    st.one_of(
        st.text(alphabet="<>aoznO =\t\n\x1c\u00a0\u3000\"'/-x가", max_size=8),
        st.sampled_from(["<a", "<b ", " on", " onclick", "onload=", " =", "<a onclick=", "</a>", "<x\ton\u00a0e=", " ON", "<1 onx="]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(_HTMLISH)
def test_handler_count_agrees_with_the_pattern(text: str) -> None:
    from pipeline.site_mkdocs import _HANDLERS, count_handlers

    assert count_handlers(text) == len(_HANDLERS.findall(text)), text


# --------------------------------------------------------------------------- navigation of large sites

_TOPICS = ["Ankle sprain", "Disc herniation", "Hip replacement", "Knee surgery", "Neck pain", "Osteoporosis", "Scoliosis",
           "Whiplash", "Frozen shoulder", "Tennis elbow", "Gout", "Carpal tunnel", "Spinal stenosis", "Bursitis",
           "Plantar fasciitis", "Tendinitis"]


def _large_project(tmp_path: Path, *, extra: int, nav_limit: int | None, section: bool = False) -> Path:
    """The fixture project plus ``extra`` short English articles (optionally all in one front matter section)."""
    project = make_project(tmp_path / f"project-{extra}-{nav_limit}")
    if nav_limit is not None:
        with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write(f"\n[tool.medloc.site]\nnav_limit = {nav_limit}\n")
    titles = [*_TOPICS, *(f"{topic} in children" for topic in _TOPICS)]
    for index, topic in enumerate(titles[:extra]):
        meta = f'title: "{topic}"\n' + ("section: Joints\n" if section else "")
        text = f"---\n{meta}---\n\n## What it is\n\n{topic} is common.\n\n## What helps\n\nRest and exercise help.\n"
        (project / "docs" / f"topic-{index:02d}.md").write_text(text, encoding="utf-8")
    return project


def _render_trees(project: Path, codes: tuple[str, ...]) -> None:
    """Write the generated trees and configs of ``codes`` (no MkDocs build)."""
    config = load_config(project)
    plan = plan_build(config, langs=list(codes))
    rows = status_rows(plan)
    for code in codes:
        render_language(plan, config.language(code), rows)


def _nav(project: Path, code: str) -> tuple[list, dict]:
    settings_ = read_top_config(project / "build" / "medloc" / code / "mkdocs.yml")
    return settings_["nav"], settings_["theme"]


def _leaves(nav: list) -> list[str]:
    return [leaf for item in nav for leaf in ([item] if isinstance(item, str) else _leaves(next(iter(item.values()))))]


def test_small_site_keeps_one_flat_nav_without_prune(tmp_path: Path) -> None:
    project = _large_project(tmp_path, extra=0, nav_limit=None)
    config = load_config(project)
    assert config.site["nav_limit"] == 40
    plan = plan_build(config, langs=["en"])
    render_language(plan, config.language("en"), status_rows(plan))
    nav, theme = _nav(project, "en")
    assert nav == ["index.md", "back-pain.md", "first-visit.md", "sciatica.md"]
    assert "features" not in theme  # mkdocs.yml's list applies unchanged (INHERIT)


def test_large_site_groups_the_nav_alphabetically_and_prunes_it(tmp_path: Path) -> None:
    project = _large_project(tmp_path, extra=5, nav_limit=3)  # 8 articles
    _render_trees(project, ("en", "ko"))
    nav, theme = _nav(project, "en")
    top = read_top_config(project / "mkdocs.yml")["theme"]["features"]
    assert theme["features"] == [*top, "navigation.prune"]
    assert nav[0] == "index.md" and all(isinstance(item, dict) for item in nav[1:])
    groups = [next(iter(item.items())) for item in nav[1:]]
    assert [len(pages) for _, pages in groups] == [2, 3, 3] and all(len(pages) <= 3 for _, pages in groups)
    # By title: Ankle sprain, Back pain | Disc herniation, Hip replacement, Knee surgery | Neck pain, Preparing..., Sciatica
    assert [title for title, _ in groups] == ["Ankle – Back", "Disc – Knee", "Neck – Sciatica"]
    assert sorted(_leaves(nav)) == sorted(["index.md", "back-pain.md", "first-visit.md", "sciatica.md",
                                           *(f"topic-{i:02d}.md" for i in range(5))])
    # Korean: the same pages, grouped by their Korean titles (허리 통증, 좌골신경통, 첫 진료 준비 are translated).
    ko_nav, _ = _nav(project, "ko")
    assert sorted(_leaves(ko_nav)) == sorted(_leaves(nav)) and ko_nav != nav
    home = (project / "build" / "medloc" / "en" / "docs" / "index.md").read_text(encoding="utf-8")
    assert all(f"(topic-{i:02d}.md)" in home for i in range(5))  # the home page still lists every article


def test_front_matter_sections_group_the_nav_with_translated_titles(tmp_path: Path) -> None:
    project = _large_project(tmp_path, extra=5, nav_limit=3, section=True)
    site_po = project / "locales" / "ko" / "LC_MESSAGES" / "site.po"
    site_po.write_text(site_po.read_text(encoding="utf-8") + '\nmsgid "Joints"\nmsgstr "관절"\n', encoding="utf-8")
    _render_trees(project, ("en", "ko"))
    nav, _ = _nav(project, "en")
    assert nav[1] == {"Joints": [
        {"Ankle – Disc": ["topic-00.md", "topic-01.md"]}, {"Hip – Neck": ["topic-02.md", "topic-03.md", "topic-04.md"]}
    ]}
    assert nav[2:] == ["back-pain.md", "first-visit.md", "sciatica.md"]  # no section: at the top level, as few as the limit
    ko_nav, _ = _nav(project, "ko")
    assert list(ko_nav[1]) == ["관절"]




def _page_bytes(tmp_path: Path, *, extra: int, nav_limit: int) -> int:
    project = _large_project(tmp_path, extra=extra, nav_limit=nav_limit)
    result = build_site(load_config(project), langs=["en"], progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    return len((project / "site" / "sciatica" / "index.html").read_bytes())


def test_page_size_stays_bounded_above_the_nav_limit(tmp_path: Path) -> None:
    grouped = _page_bytes(tmp_path, extra=8, nav_limit=5), _page_bytes(tmp_path, extra=22, nav_limit=5)
    flat = _page_bytes(tmp_path, extra=8, nav_limit=40), _page_bytes(tmp_path, extra=22, nav_limit=40)
    # 11 -> 25 articles. Flat: 14 more entries on every page (about 230 bytes each, 17%). Grouped
    # (3 -> 5 ranges of at most 5): 2 more range links and 1-2 more pages in the page's own range,
    # and no more once the ranges are full: at most `nav_limit` links per level.
    assert flat[1] - flat[0] > 14 * 150, flat
    assert grouped[1] - grouped[0] < (flat[1] - flat[0]) / 2, (grouped, flat)
    assert grouped[1] - grouped[0] < 0.08 * grouped[0], (grouped, flat)
    assert grouped[1] < flat[1] * 0.95, (grouped, flat)


_NAV_TITLES = st.text(alphabet="ab AÉ가나カか中文", min_size=1, max_size=6)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(_NAV_TITLES, st.sampled_from(["", "", "Spine", "Joints"])), max_size=60), st.integers(2, 6))
def test_grouped_nav_lists_every_page_once_in_lists_of_at_most_the_limit(pages: list, limit: int) -> None:
    from pipeline.site_config import NavPage, language_nav

    shown = [NavPage(f"p{i}.md", title, section) for i, (title, section) in enumerate(pages)]
    nav, grouped = language_nav(shown, home="index.md", limit=limit)
    assert sorted(_leaves(nav)) == sorted(["index.md", *(page.rel for page in shown)])
    assert grouped == (len(shown) > limit)

    def lists(items: list, top: bool) -> None:
        ranges = [item for item in items if isinstance(item, dict) and next(iter(item)) not in {"Spine", "Joints"}]
        pages_ = [item for item in items if isinstance(item, str)]
        assert len(pages_) - top <= limit and (len(ranges) <= limit), items  # "- top": the home page
        for item in items:
            if isinstance(item, dict):
                title, children = next(iter(item.items()))
                assert title.strip() and children
                lists(children, False)

    lists(nav, True)


# --------------------------------------------------------------------------- front matter shortcut

_YAMLISH = st.text(alphabet="ab가語ء :#-'\"\\[]{}&*!|>%@`,?\t", min_size=1, max_size=12).map(str.strip).filter(bool)


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@settings(max_examples=examples(150), deadline=None)
@given(
    title=_YAMLISH,
    description=st.one_of(st.none(), _YAMLISH),
    translated_title=st.one_of(st.none(), _YAMLISH),
    translated_description=st.one_of(st.none(), _YAMLISH),
    repeat=st.booleans(),
)
def test_front_matter_known_by_the_render_is_what_yaml_reads(
    title: str, description: str | None, translated_title: str | None, translated_description: str | None, repeat: bool
) -> None:
    """Rendered.front_matter, when given, equals the title and description read back from the YAML."""
    from pipeline.segment import segment_source
    from pipeline.translate import Found, render_segmented

    lines = ["---", f"title: {_quoted(title)}"]
    if description is not None:
        lines.append(f"description: {_quoted(description)}")
    if repeat:
        lines.append(f"title: {_quoted(title + 'x')}")
    source = "\n".join([*lines, "---", "", "Body text.", ""])
    wanted = {"front matter title": translated_title, "front matter description": translated_description}
    rendered = render_segmented(
        segment_source(source, "a.md"), lambda segment: Found(wanted.get(segment.kind) or None, "untranslated")
    )
    meta, _ = split_front_matter(rendered.text, "a.md")
    expected = {key: meta[key] for key in ("title", "description") if isinstance(meta.get(key), str)}
    if rendered.front_matter is not None:
        assert rendered.front_matter == expected
    # Translations that replace a value (a key the source has, a different text).
    used = [new for new, old in ((translated_title, title), (translated_description, description)) if old and new and new != old]
    plain = not any("\t" in text for text in used)
    # A repeated key (YAML keeps the last) and a value YAML would not read as it is go to the YAML reader.
    assert (rendered.front_matter is None) == (repeat or not plain)


# --------------------------------------------------------------------------- scheduling MkDocs runs


def test_builds_next_to_the_rendering_never_oversubscribe_the_cpus() -> None:
    """While languages are rendered, at most ``alongside`` MkDocs runs are going; then all are started."""
    from concurrent.futures import Future

    from pipeline.site import Progress, _Jobs

    class Pool:
        def __init__(self) -> None:
            self.started: list[str] = []
            self.futures: list[Future[object]] = []

        def submit(self, fn: object, job: object) -> Future[object]:
            self.started.append(job.lang)  # type: ignore[attr-defined]
            future: Future[object] = Future()
            self.futures.append(future)
            return future

    class Job:
        def __init__(self, lang: str) -> None:
            self.lang = lang

    pool = Pool()
    jobs = _Jobs(pool, Progress([], enabled=False), alongside=1)  # type: ignore[arg-type]
    jobs.add("en", Job("en"))  # type: ignore[arg-type]
    jobs.add("ko", Job("ko"))  # type: ignore[arg-type]
    assert pool.started == ["en"]  # en is still building: ko waits while this process renders
    pool.futures[0].set_result("en done")
    jobs.add("ja", Job("ja"))  # type: ignore[arg-type]
    assert pool.started == ["en", "ko"]  # a CPU came free: the oldest waiting language starts
    results = jobs.finish()
    assert pool.started == ["en", "ko", "ja"]  # rendering is over: every worker may build
    for future, lang in zip(pool.futures[1:], ["ko", "ja"]):
        future.set_result(f"{lang} done")
    assert list(results) == [("en", "en done"), ("ko", "ko done"), ("ja", "ja done")]
