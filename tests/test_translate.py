"""Apply: the laws (identity, pseudo-locale, shape), fallbacks, refusals, ``medloc translate``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pipeline.translate as translate_module
from markdown_strategies import articles, markdownish
from pipeline.cli import main
from pipeline.errors import PipelineError
from pipeline.extract import build_template
from pipeline.pofile import Catalog, format_po, make_header, read_po
from pipeline.segment import Segment, parse_article, segment_source, splice
from pipeline.translate import check_translation, render_article, render_with_catalog
from tests.laws import examples

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "docs").glob("*.md"))
LAWS = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
ARTICLE_LAWS = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def accepted(source: str) -> bool:
    """The segmenter takes ``source`` (it refuses, with a finding, what renderers read differently,
    e.g. ``**x**`` before a two-space hard break; the generator can write that)."""
    try:
        segment_source(source, "g.md")
    except PipelineError:
        return False
    return True


def pseudo(segment: Segment) -> str:
    return f"⟦{segment.text}⟧"


def catalog_for(text: str, translate=lambda m: m.msgid, *, fuzzy: bool = False) -> Catalog:
    article = parse_article(text, "x.md")
    catalog = build_template(article, reference="x.md", creation_date="2024-01-01 00:00+0000")
    for message in catalog.messages:
        message.msgstr = translate(message)
        message.fuzzy = fuzzy
    return catalog


def assert_pseudo_law(source: str, path: str, rendered_text: str) -> None:
    """Every segment reached the output wrapped, and nothing else changed."""
    before = segment_source(source, path)
    after = segment_source(rendered_text, path)
    assert [s.text for s in after.segments] == [f"⟦{s.text}⟧" for s in before.segments]
    assert [s.kind for s in after.segments] == [s.kind for s in before.segments]
    assert after.shape == before.shape


# --------------------------------------------------------------------------- laws on the committed articles


@pytest.fixture(params=ARTICLES, ids=lambda p: p.stem)
def article(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_articles_exist() -> None:
    assert len(ARTICLES) >= 5  # the five imported articles, plus any written since


def test_identity_law_on_committed_articles(article: Path) -> None:
    source = article.read_text(encoding="utf-8")
    rendered = render_with_catalog(source, "docs/x.md", catalog_for(source))
    assert rendered.text.encode() == article.read_bytes()
    assert rendered.fallbacks == [] and rendered.total == len(segment_source(source, "x").slots) > 0


def test_pseudo_locale_law_on_committed_articles(article: Path) -> None:
    source = article.read_text(encoding="utf-8")
    rendered = render_with_catalog(source, "docs/x.md", catalog_for(source, lambda m: f"⟦{m.msgid}⟧"))
    assert rendered.fallbacks == []
    assert_pseudo_law(source, "x.md", rendered.text)


def test_extract_of_apply_has_the_same_shape(article: Path) -> None:
    source = article.read_text(encoding="utf-8")
    rendered = render_article(source, "x.md", lambda s: s.text.upper())
    before, after = parse_article(source, "x.md"), parse_article(rendered.text, "x.md")
    assert [(s.kind, s.context, s.notes) for s in after.segments] == [(s.kind, s.context, s.notes) for s in before.segments]
    assert segment_source(rendered.text, "x.md").shape == segment_source(source, "x.md").shape


GOLDEN = sorted((ROOT / "tests" / "segment").glob("*.md"))


@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.stem)
def test_identity_and_pseudo_laws_on_every_golden_case(case: Path) -> None:
    """Including the MkDocs-flavoured article an mdpo round trip changed 34 lines of
    (front matter, admonition bodies, nested lists, ``\\|``, attribute lists)."""
    source = case.read_text(encoding="utf-8")
    assert render_article(source, case.name, lambda s: s.text).text == source
    rendered = render_article(source, case.name, pseudo)
    assert rendered.fallbacks == []
    assert_pseudo_law(source, case.name, rendered.text)


# --------------------------------------------------------------------------- laws on generated Markdown


@ARTICLE_LAWS
@given(articles())
def test_identity_and_pseudo_laws_on_generated_articles(source: str) -> None:
    assume(accepted(source))
    assert render_with_catalog(source, "g.md", catalog_for(source)).text == source
    rendered = render_article(source, "g.md", pseudo)
    assert rendered.fallbacks == []
    assert_pseudo_law(source, "g.md", rendered.text)


@LAWS
@given(markdownish())
def test_laws_on_any_source_the_segmenter_accepts(source: str) -> None:
    try:
        segmented = segment_source(source, "r.md")
    except PipelineError:
        return
    assert render_article(source, "r.md", lambda s: s.text).text == source
    rendered = render_article(source, "r.md", pseudo)
    refused = {id(f.segment) for f in rendered.fallbacks}
    after = segment_source(rendered.text, "r.md")
    assert after.shape == segmented.shape
    expected = [s.text if id(s) in refused else f"⟦{s.text}⟧" for s in segmented.segments]
    assert [s.text for s in after.segments] == expected


# --------------------------------------------------------------------------- fallbacks and marking

SOURCE = """---
title: "Back pain"
---

## Causes

Pain has many causes.

- Disc herniation
- Stenosis

| Cause | Share |
|-------|-------|
| Disc | 40% |
"""


def test_untranslated_and_fuzzy_fall_back_with_their_reason() -> None:
    catalog = catalog_for(SOURCE, lambda m: "번역" if m.msgid == "Causes" else "")
    catalog.messages[-1].msgstr = "40 퍼센트"
    catalog.messages[-1].fuzzy = True
    rendered = render_with_catalog(SOURCE, "x.md", catalog)
    reasons = {f.segment.text: f.reason for f in rendered.fallbacks}
    assert reasons["40%"] == "fuzzy"
    assert reasons["Pain has many causes."] == "untranslated"
    assert "Causes" not in reasons and "## 번역" in rendered.text
    assert rendered.translated == 1 and rendered.total == 9


def test_whitespace_only_translation_counts_as_untranslated() -> None:
    rendered = render_article(SOURCE, "x.md", lambda s: "   " if s.text == "Causes" else s.text)
    assert [(f.segment.text, f.reason) for f in rendered.fallbacks] == [("Causes", "untranslated")]
    assert rendered.text == SOURCE


def test_mark_wraps_fallbacks_and_keeps_the_structure() -> None:
    def mark(segment: Segment, text: str) -> str:
        if segment.syntax == "text":
            return text
        return f'<span lang="en" class="medloc-fallback">{text}</span>'

    rendered = render_article(SOURCE, "x.md", lambda s: None, mark=mark)
    assert "## <span lang=\"en\" class=\"medloc-fallback\">Causes</span>" in rendered.text
    assert "- <span lang=\"en\" class=\"medloc-fallback\">Stenosis</span>" in rendered.text
    assert "| <span lang=\"en\" class=\"medloc-fallback\">Disc</span> |" in rendered.text
    assert 'title: "Back pain"' in rendered.text
    assert segment_source(rendered.text, "x.md").shape == segment_source(SOURCE, "x.md").shape
    assert len(rendered.fallbacks) == 9 and not rendered.diagnostics


REFUSALS = [
    ("Pain has many causes.", "Intro:\n- a list", "it would start a list"),
    ("Pain has many causes.", "1. 원인", "it would start a numbered list"),
    ("Pain has many causes.", "# 원인", "it would start a heading"),
    ("Pain has many causes.", "> 인용", "it would start a quote"),
    ("Pain has many causes.", "첫째\n\n둘째", "it has a blank line, which starts a new block"),
    ("Pain has many causes.", "#해시태그", "a heading for Python-Markdown"),
    ("Pain has many causes.", "원인 <b>많음</b>", "it adds raw HTML the source does not have (</b>, <b>)"),
    ("Pain has many causes.", "<script>alert(1)</script>", "it adds '<script'"),
    ("Pain has many causes.", "<img src=x onerror=alert(1)>", "raw HTML"),
    ("Pain has many causes.", "[클릭](javascript:alert(1))", "it adds 'javascript:'"),
    ("Pain has many causes.", "[자료](data:text/html,x)", "link or image targets differ from the source: adds link data:text/html,x"),
    ("Causes", "두 줄\n제목", "a line break is not allowed in a heading"),
    ("Causes", "C#", "heading ends with '#'"),
    ("Disc", "a | b", "unescaped '|' in a table cell"),
    ("Disc", "줄\n바꿈", "a line break is not allowed in a table cell"),
]


@pytest.mark.parametrize(("msgid", "msgstr", "message"), REFUSALS)
def test_translations_that_break_the_structure_are_refused(msgid: str, msgstr: str, message: str) -> None:
    rendered = render_article(SOURCE, "docs/x.md", lambda s: msgstr if s.text == msgid else None)
    [refused] = [f for f in rendered.fallbacks if f.reason == "refused"]
    assert refused.segment.text == msgid and message in refused.message
    assert SOURCE == rendered.text
    [finding] = rendered.diagnostics
    assert str(finding).startswith(f"docs/x.md:{refused.segment.line}: warning: translation of")
    assert finding.code == "translation-refused"


def test_accepted_translations_keep_markup_links_and_escapes() -> None:
    source = "See [the guide](guide.md) and **rest**.\n\n| a |\n|---|\n| x \\| y |\n"
    segments = segment_source(source, "x.md").segments
    assert check_translation(segments[0], "**휴식**과 [안내서](guide.md)를 보세요.") is None
    assert check_translation(segments[0], "안내서를 보세요.") is not None  # link dropped
    assert check_translation(segments[2], "엑스 \\| 와이") is None
    multi = check_translation(segments[0], "[안내서](guide.md)를\n보세요.")
    assert multi is None


def test_refusal_found_by_verification_names_the_catalogue_entry(tmp_path: Path) -> None:
    """A cell ending in a backslash passes the local checks but escapes the next pipe:
    only segmenting the result again shows it, and the translation is refused."""
    source = "|a|b|\n|-|-|\n|c|d|\n"
    po = tmp_path / "ko.po"
    po.write_text(format_po(catalog_for(source, lambda m: {"c": "x\\", "d": "디"}.get(m.msgid, m.msgid))), encoding="utf-8")
    catalog = read_po(po)
    rendered = render_with_catalog(source, "docs/t.md", catalog)
    assert rendered.text == "|a|b|\n|-|-|\n|c|디|\n"
    [refused] = rendered.fallbacks
    assert (refused.segment.text, refused.reason) == ("c", "refused")
    [finding] = rendered.diagnostics
    entry_line = catalog.find("c").msgstr_line
    assert str(finding) == (
        f"{po}:{entry_line}: warning: translation of table cell r2c1 at docs/t.md:3 refused: "
        "it changes the structure of the document around it; the source text is used [translation-refused]"
    )


def test_multi_line_translation_keeps_container_prefixes() -> None:
    source = "> Quoted text.\n\n- Item text.\n"
    rendered = render_article(source, "x.md", lambda s: "첫 줄  \n둘째 줄")
    assert rendered.text == "> 첫 줄  \n> 둘째 줄\n\n- 첫 줄  \n  둘째 줄\n"
    assert rendered.fallbacks == []


def test_default_admonition_title_becomes_explicit() -> None:
    source = "!!! note\n    Body.\n"
    rendered = render_article(source, "x.md", lambda s: {"Note": "참고", "Body.": "본문."}[s.text])
    assert rendered.text == '!!! note "참고"\n    본문.\n'


def test_front_matter_translation_is_valid_yaml() -> None:
    source = '---\ntitle: Plain title\ndescription: >\n  Folded\n  text\nslug: s\n---\n\nBody\n'
    rendered = render_article(source, "x.md", lambda s: {"Plain title": 'Title: "quoted"', "Folded text": "접힌 글"}.get(s.text))
    after = segment_source(rendered.text, "x.md")
    assert after.front_matter == {"title": 'Title: "quoted"', "description": "접힌 글", "slug": "s"}


@pytest.mark.parametrize("tags", ["[Stenosis, 3, Stem cells]", "\n  - Stenosis\n  - 3\n  - 'Stem cells'"])
def test_front_matter_tags_and_subtitle_are_translated_in_place(tags: str) -> None:
    """Each string of ``tags`` is a segment (block or flow list); other items and keys stay as written."""
    source = f"---\ntitle: T\nsubtitle: For patients\ntags: {tags}\nhide: [toc]\n---\n\nBody\n"
    words = {"Stenosis": "협착증: 척추관", "Stem cells": "줄기세포", "For patients": "환자용"}
    rendered = render_article(source, "x.md", lambda s: words.get(s.text))
    after = segment_source(rendered.text, "x.md")
    assert after.front_matter == {"title": "T", "subtitle": "환자용", "tags": ["협착증: 척추관", 3, "줄기세포"], "hide": ["toc"]}
    assert [(s.kind, s.text) for s in after.segments if s.kind == "front matter tag"] == [
        ("front matter tag", "협착증: 척추관"), ("front matter tag", "줄기세포")]
    assert rendered.diagnostics == []


def test_a_line_break_in_a_tag_is_refused() -> None:
    rendered = render_article("---\ntags: [Stenosis]\n---\n\nBody\n", "x.md", lambda s: {"Stenosis": "협착\n증"}.get(s.text))
    assert "tags: [Stenosis]" in rendered.text
    assert [f.reason for f in rendered.fallbacks if f.segment.kind == "front matter tag"] == ["refused"]


# --------------------------------------------------------------------------- medloc translate


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pain.md").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def test_cli_translate_with_po_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = catalog_for(SOURCE, lambda m: f"⟦{m.msgid}⟧")
    (project / "pseudo.po").write_text(format_po(catalog), encoding="utf-8")
    code = main(["--project", str(project), "translate", "--po", str(project / "pseudo.po"), str(project / "docs/pain.md")])
    out = capsys.readouterr().out
    assert code == 0
    assert_pseudo_law(SOURCE, "x.md", out)


def test_cli_translate_with_language_reads_the_project_catalogue(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = project / "locales/ko/LC_MESSAGES/pain.po"
    po.parent.mkdir(parents=True)
    catalog = catalog_for(SOURCE, lambda m: "원인" if m.msgid == "Causes" else "")
    catalog.header = make_header({"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"})
    po.write_text(format_po(catalog), encoding="utf-8")
    assert main(["--project", str(project), "translate", "--lang", "ko", str(project / "docs/pain.md")]) == 0
    assert "## 원인\n" in capsys.readouterr().out


def test_cli_translate_output_carries_the_target_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The translated file says ``lang: ko`` (added here; the source has no ``lang`` key)."""
    po = project / "locales/ko/LC_MESSAGES/pain.po"
    po.parent.mkdir(parents=True)
    po.write_text(format_po(catalog_for(SOURCE, lambda m: "원인" if m.msgid == "Causes" else "")), encoding="utf-8")
    assert main(["--project", str(project), "translate", "--lang", "ko", str(project / "docs/pain.md")]) == 0
    out = capsys.readouterr().out
    assert segment_source(out, "x.md").front_matter == {"title": "Back pain", "lang": "ko"}
    assert out.replace("lang: ko\n", "", 1).replace("## 원인", "## Causes") == SOURCE


def test_translated_front_matter_replaces_the_source_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko", "ru"]\n', encoding="utf-8")
    source = "---\ntitle: 허리 통증\nlang: ko\nslug: pain\n---\n\n허리가 아픕니다.\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pain.md").write_text(source, encoding="utf-8")
    catalog = catalog_for(source, lambda m: {"허리 통증": "Боль в спине", "허리가 아픕니다.": "Болит спина."}[m.msgid])
    catalog.header = make_header({"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"})
    (tmp_path / "ru.po").write_text(format_po(catalog), encoding="utf-8")
    po = tmp_path / "locales/ru/LC_MESSAGES/pain.po"
    po.parent.mkdir(parents=True)
    po.write_text(format_po(catalog), encoding="utf-8")
    assert main(["--project", str(tmp_path), "translate", "--lang", "ru", str(tmp_path / "docs/pain.md")]) == 0
    out = capsys.readouterr().out
    assert out == "---\ntitle: \"Боль в спине\"\nlang: ru\nslug: pain\n---\n\nБолит спина.\n"
    # --po: the language comes from the catalogue's Language header
    assert main(["--project", str(tmp_path), "translate", "--po", str(tmp_path / "ru.po"), str(tmp_path / "docs/pain.md")]) == 0
    assert capsys.readouterr().out == out


def test_cli_translate_without_catalogue_warns_and_shows_source(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "translate", "--lang", "ko", str(project / "docs/pain.md")]) == 0
    captured = capsys.readouterr()
    assert captured.out == SOURCE
    assert "locales/ko/LC_MESSAGES/pain.po: warning: no catalogue for ko" in captured.err


def test_cli_translate_reports_bad_markdown_with_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "bad.md").write_text("Intro:\n- item\n", encoding="utf-8")
    assert main(["--project", str(project), "translate", "--lang", "ko", str(project / "docs/bad.md")]) == 2
    assert capsys.readouterr().err.startswith("docs/bad.md:2: list starts right after a paragraph line")


# --------------------------------------------------------------------------- fast paths agree with the full checks

# Characters that mean something to Markdown or HTML, next to ordinary text in three scripts.
_RISKY = "#>-+*=_|!?<[]{}():`~0123456789\\. \t\"'&;/^$%@a가語ء\n"
risky_text = st.text(alphabet=_RISKY, min_size=1, max_size=14).map(str.strip).filter(bool)
risky_words = st.lists(st.sampled_from(["**b**", "[x]", "](", "[^1]", "1.", "1)", "- ", "* ", "#", "{: .c}", "<b>", "`c`", "a"]), max_size=4)
translations = st.one_of(risky_text, st.builds(lambda a, w, b: (a + " ".join(w) + b).strip(), risky_text, risky_words, risky_text).filter(bool))
SHAPE_CASES = [
    Segment("Plain words.", "paragraph", 1),
    Segment("A heading", "heading 2", 1, syntax="line"),
    Segment("cell", "table cell r2c1", 1, syntax="cell"),
]


def full_shape_check(segment: Segment, text: str) -> str | None:
    """_check_shape without its fast path."""
    saved = translate_module._plainly_inline
    translate_module._plainly_inline = lambda _text: False
    try:
        return translate_module._check_shape(segment, text)
    finally:
        translate_module._plainly_inline = saved


@LAWS
@given(translations)
def test_shape_check_fast_path_agrees_with_the_full_check(text: str) -> None:
    """The fast path only skips the mini-parse for texts the mini-parse accepts."""
    for segment in SHAPE_CASES:
        assert translate_module._check_shape(segment, text) == full_shape_check(segment, text), (segment.kind, text)


CHECK_KINDS = [("paragraph", "block"), ("heading 2", "line"), ("table cell r2c1", "cell"), ("front matter title", "text"), ("image alt", "text")]


def full_checks(segment: Segment, text: str) -> list[str | None]:
    """Every check of check_translation, the shape check without its fast path."""
    checks = (translate_module._check_html, translate_module._check_targets, translate_module._check_lines)
    return [check(segment, text) for check in checks] + [full_shape_check(segment, text)]


check_sources = st.one_of(
    translations,
    st.sampled_from(["Plain words.", "**Bold** words", "[link](https://x.org)", "<b>tag</b>", "a | b", "1. x", "javascript:x"]),
)


@LAWS
@given(st.sampled_from(CHECK_KINDS), check_sources, translations)
def test_plainly_acceptable_texts_pass_every_check(kind: tuple[str, str], source: str, text: str) -> None:
    """The shortcut of _checked is taken only where every full check returns None."""
    name, syntax = kind
    if translate_module._plainly_acceptable(syntax, source, text):
        assert full_checks(Segment(source, name, 1, syntax=syntax), text) == [None] * 4, (kind, source, text)


def test_plainly_acceptable_examples() -> None:
    plain = translate_module._plainly_acceptable
    assert plain("block", "Back pain", "허리 통증") and plain("cell", "Fee", "비용") and plain("text", "Title", "1. 제목")
    assert plain("block", "**Note**: rest", "**참고**: 휴식")
    assert not plain("block", "[a](b)", "[가](b)") and not plain("block", "x", "<b>x</b>") and not plain("cell", "a", "a | b")
    assert not plain("block", "x", "javascript 설명") and not plain("block", "x", "1. 첫째") and not plain("line", "x", "a\nb")


parsed_facts = translate_module.parsed_inline_facts
"""The oracle: markdown-it's reading, no shortcut."""


# Texts full of link syntax: labels and destinations from every character the link rule,
# escapes, entities, code spans, autolinks and emphasis look at, in three scripts.
_LINKISH = "[]()<>!\\`&*_ \t\n\"';#:/.%~a가語\u3000\x7f\x01"
linkish_part = st.text(alphabet=_LINKISH, max_size=6)
linkish = st.lists(
    st.one_of(
        linkish_part,
        st.builds(lambda a, b: f"[{a}]({b})", linkish_part, linkish_part),
        st.builds(lambda a, b: f"[{a}](https://x.org/{b})", linkish_part, linkish_part),
        st.builds(lambda a, b: f"[{a}]{b}", linkish_part, linkish_part),
    ),
    min_size=1,
    max_size=4,
).map("".join)


@LAWS
@given(st.one_of(linkish, translations))
def test_simple_link_shortcut_agrees_with_parsing(text: str) -> None:
    """Plain ``[label](url)`` links are read without parsing only where the parser reads the same."""
    simple = translate_module._simple_link_targets(text)
    if simple is not None:
        assert ((), simple) == parsed_facts(text), text


def test_simple_link_shortcut_is_taken_for_ordinary_links() -> None:
    simple = translate_module._simple_link_targets
    assert simple("**척추** [MRI](https://example.org/terms/mri)는 (약 16 cm) 검사입니다!") == ("link https://example.org/terms/mri",)
    assert simple("[a](b) and [c](d#e)") == ("link b", "link d#e")
    assert simple("plain text") == () and simple("[ko] 허리 [통증](https://x.org/p)") == ("link https://x.org/p",)
    assert simple("[ko](x y)") is None and simple("[a][b]") is None and simple("[a [b](c)]") is None
    assert simple("[a](b 'title')") is None and simple("![a](b)") is None and simple("`[a](b)`") is None


@LAWS
@given(st.one_of(translations, linkish))
def test_inline_facts_shortcut_agrees_with_parsing(text: str) -> None:
    assert translate_module._inline_facts(text) == parsed_facts(text)


def test_fast_path_examples() -> None:
    plain = translate_module._plainly_inline
    assert plain("[ko] 허리 통증") and plain("**허리** 통증") and plain("2–4주 후")
    assert not plain("[ko]: x") and not plain("1. 첫째") and not plain("- 항목") and not plain("***") and not plain("*[HTML]")


@ARTICLE_LAWS
@given(articles(), st.data())
def test_inert_replacements_never_change_the_structure(source: str, data: st.DataObject) -> None:
    """Skipping the re-segmentation for inert replacements loses nothing: the full check agrees."""
    assume(accepted(source))
    segmented = segment_source(source, "g.md")
    replacements = {}
    for index, slot in enumerate(segmented.slots):
        text = data.draw(st.one_of(translations, translations.map(lambda t: f'<span lang="ko" dir="ltr" class="x">{t}</span>'),
                                   translations.map(lambda t: f"1. {t}")))
        if translate_module.inert(slot, text):
            replacements[index] = text
    if replacements:
        assert translate_module._same_structure(segmented, splice(segmented, replacements), replacements)


def test_yaml_and_line_separator_texts_are_never_inert() -> None:
    """json.dumps leaves U+2028/U+0085 as they are; YAML reads them as line breaks: full check instead."""
    segmented = segment_source('---\ntitle: "Back pain"\n---\n\nPain.\n', "x.md")
    title, body = segmented.slots
    assert translate_module.inert(title, 'Title: "quoted" # not a comment')
    assert not translate_module.inert(title, "a\u2028b") and not translate_module.inert(title, "a\x85b")
    assert translate_module.inert(body, "통증.") and not translate_module.inert(body, "통\u2028증.")
    assert not translate_module.inert(body, "1. 통증")  # a paragraph starting "1. " becomes a list
    heading = segment_source("### 1. Smart biomaterials\n", "h.md").slots[0]
    assert translate_module.inert(heading, "1. 스마트 생체 재료") and not translate_module.inert(heading, "1. 통증 #")
    rendered = render_article('---\ntitle: "Back pain"\n---\n\nPain.\n', "x.md", lambda s: {"Back pain": "허리\x85통증"}.get(s.text))
    segment_source(rendered.text, "x.md")  # whatever was decided, the result is a valid document
