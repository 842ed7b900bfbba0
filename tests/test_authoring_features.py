"""Material for MkDocs / pymdown-extensions features an author writes by hand, through medloc.

The repository's site enables a few Markdown extensions (mkdocs.yml); authors of Material
sites use many more (the ones Material documents: def_list, pymdownx.tasklist, tabbed,
details, keys, mark, caret, tilde, emoji, md_in_html, abbr). These tests render with those
extensions and hold medloc to three laws:

* segments are the blocks the site shows (definition terms and definitions, task items
  without their checkbox);
* a page whose segments all fall back (wrapped in the site's fallback ``<span>``) or are all
  translated shows the same features as the source (no definition list, task list, tab,
  admonition, footnote or abbreviation lost);
* the checks report Material inline markup a translation dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from pipeline.checks import EntryChecker, analyse_markup, extension_markup, markup_issues, run_checks
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.languages import get_language
from pipeline.pofile import format_po, read_po
from pipeline.segment import segment_source
from pipeline.site_tree import fallback_marker
from pipeline.translate import render_article
from tests.test_segment import _TextBlocks, medloc_blocks

HERE = Path(__file__).parent / "segment"
CASES = sorted(HERE.glob("*.md"))
MATERIAL_EXTENSIONS = [
    "tables", "fenced_code", "attr_list", "admonition", "footnotes", "toc", "abbr", "def_list", "md_in_html",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.keys", "pymdownx.mark",
    "pymdownx.caret", "pymdownx.tilde", "pymdownx.tasklist", "pymdownx.emoji",
]
FEATURES = {
    "definition term": r"<dt>", "definition": r"<dd>", "task item": r'class="task-list-item"',
    "checked box": r"checked", "admonition": r'class="admonition', "details": r"<details",
    "tab": r'class="tabbed-block"', "footnote reference": r'class="footnote-ref"', "abbreviation": r"<abbr ",
    "table": r"<table>", "image": r"<img ", "keys": r'class="keys"', "mark": r"<mark>", "insert": r"<ins>",
    "delete": r"<del>", "subscript": r"<sub>", "superscript": r"<sup>(?!<a)", "emoji": r'class="emoji"',
    "card grid": r'class="grid cards"', "heading id": r'<h\d id="(?!fn)[^"]+"', "list item": r"<li",
    "paragraph": r"<p>",
}


def material_html(text: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    return markdown.markdown(body, extensions=MATERIAL_EXTENSIONS, extension_configs={"pymdownx.tabbed": {"alternate_style": True}})


def features(text: str) -> dict[str, int]:
    page = material_html(text)
    return {name: len(re.findall(pattern, page)) for name, pattern in FEATURES.items()}


class _MaterialBlocks(_TextBlocks):
    """The site's text blocks, definition terms and definitions included."""

    BLOCKS = _TextBlocks.BLOCKS | {"dt", "dd"}


def material_blocks(text: str) -> list[str]:
    parser = _MaterialBlocks()
    parser.feed(material_html(text))
    return [b for b in parser.blocks if b != "↩"]


@pytest.mark.parametrize("name", ["definition-task-lists"])
def test_segments_are_the_blocks_a_material_site_renders(name: str) -> None:
    text = (HERE / f"{name}.md").read_text(encoding="utf-8")
    assert medloc_blocks(text) == material_blocks(text)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_fallback_spans_keep_every_material_feature(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    rendered = render_article(text, case.name, lambda segment: None, mark=fallback_marker(get_language("en")))
    assert not [f for f in rendered.fallbacks if f.reason == "refused"]
    assert features(rendered.text) == features(text)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_translated_pages_keep_every_material_feature(case: Path) -> None:
    """A pseudo-translation (Korean word before each segment) keeps the page's features."""
    text = case.read_text(encoding="utf-8")
    rendered = render_article(text, case.name, lambda segment: f"번역 {segment.text}")
    assert not rendered.fallbacks
    assert features(rendered.text) == features(text)


def test_definition_and_task_translations_are_spliced_in_place() -> None:
    source = "- [x] I have my letter.\n\nDiscectomy\n:   An operation on a disc\n    that presses on a nerve.\n"
    korean = {"I have my letter.": "소견서를 받았습니다.", "Discectomy": "추간판 절제술",
              "An operation on a disc that presses on a nerve.": "신경을 누르는 추간판 일부를 제거하는 수술입니다."}
    rendered = render_article(source, "x.md", lambda segment: korean[segment.text])
    assert rendered.text == "- [x] 소견서를 받았습니다.\n\n추간판 절제술\n:   신경을 누르는 추간판 일부를 제거하는 수술입니다.\n"
    assert features(rendered.text)["definition"] == 1 and features(rendered.text)["checked box"] == 1


def test_a_checkbox_is_markup_only_at_the_start_of_a_list_item() -> None:
    segments = segment_source("[ ] not in a list\n\n- text\n\n    [x] second paragraph\n", "x.md").segments
    assert [s.text for s in segments] == ["[ ] not in a list", "text", "[x] second paragraph"]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("Press ++ctrl+alt+del++ now", ("++ctrl+alt+del++",)),
        (":material-phone: Call us :smile:", (":material-phone:", ":smile:")),
        ("==4 g== a day, ^^regular^^ times, ~~never~~", ("==...==", "^^...^^", "~~...~~")),
        ("H~2~O and m^2^", ("^...^", "~...~")),
        ("{--150 mg--}{++75 mg++} {>>ask<<}", ("{++...++}", "{--...--}", "{>>...<<}")),
        ("`++x++` and `:code:` in code", ()),
        ("9:00–17:30, ratio 3:2, see: https://x.org:80/", ()),
        ("2~3일, 36.5 ~ 37.5 °C, a ^ b", ()),
        ("[x] Done ==today==", ("task checkbox [x]", "==...==")),
        ("See [x] below, or [ ]", ()),  # only at the start of an item's text
    ],
)
def test_extension_markup_is_found(source: str, found: tuple[str, ...]) -> None:
    assert extension_markup(source) == found


@pytest.mark.parametrize(
    ("msgid", "msgstr", "message"),
    [
        ("Press ++ctrl+p++ to print.", "인쇄하려면 ctrl+p를 누르세요.", "Material markup ++ctrl+p++ is missing from the translation"),
        (":material-phone: Call us.", "전화하세요.", "Material markup :material-phone: is missing from the translation"),
        ("Take it at ^^regular^^ times.", "정해진 시간에 드세요.", "Material markup ^^...^^ is missing from the translation"),
        ("Press ++ctrl+p++.", "++컨트롤+p++를 누르세요.", "Material markup ++ctrl+p++ became ++컨트롤+p++"),
        # a task item's box stays out of its segment: one in the translation is a second box
        ("Bring your ID card", "[x] 신분증을 가져오세요", "translation adds Material markup task checkbox [x]"),
        ("Bring your ID card", "[ ] 신분증을 가져오세요", "translation adds Material markup task checkbox [ ]"),
    ],
)
def test_dropped_material_markup_is_reported(msgid: str, msgstr: str, message: str) -> None:
    issues = markup_issues(analyse_markup(msgid), analyse_markup(msgstr))
    assert [(i.check, i.severity, i.message) for i in issues] == [("markup-mismatch", "warning", message)]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Press ++ctrl+p++ (or ++cmd+p++ on a Mac).", "++ctrl+p++(Mac에서는 ++cmd+p++)를 누르세요."),
        ("Do not take more than ==4 g== a day", "하루 ==4 g==을 넘기지 마세요"),
        ("Water (H~2~O) helps.", "물(H~2~O)이 도움이 됩니다."),
        (":material-clock-outline: Arrive early.", ":material-clock-outline: 일찍 오세요."),
    ],
)
def test_kept_material_markup_is_not_reported(msgid: str, msgstr: str) -> None:
    checker = EntryChecker(None, source_lang="en", lang="ko")
    assert checker.check(msgid, msgstr) == []


REFERENCES = "Read our [guide][back-pain] and the [NICE guidance][].\n\n[back-pain]: a.md\n[nice guidance]: https://nice.org.uk\n"


@pytest.mark.parametrize(
    ("translation", "kept"),
    [
        ("[안내][back-pain]와 [NICE guidance][]를 읽어 보세요.", True),
        ("[안내][Back-Pain]와 [NICE  Guidance][]를 읽어 보세요.", True),  # labels match case- and space-blind
        ("[안내][back-pain]와 [국가 지침][nice]를 읽어 보세요.", False),  # label changed
        ("[안내][back-pain]와 [국가 지침][]을 읽어 보세요.", False),  # a collapsed link's text is its label
        ("안내와 국가 지침을 읽어 보세요.", False),  # links dropped
    ],
)
def test_reference_links_must_keep_their_labels(translation: str, kept: bool) -> None:
    rendered = render_article(REFERENCES, "x.md", lambda segment: translation if segment.text.startswith("Read") else None)
    assert (rendered.text.splitlines()[0] == translation) is kept
    issues = EntryChecker(None, source_lang="en", lang="ko").check(REFERENCES.splitlines()[0], translation)
    assert (not issues) is kept
    assert all(issue.severity == "error" and issue.check == "markup-mismatch" for issue in issues)


def test_text_in_a_heading_attribute_list_is_reported() -> None:
    source = '## Exercises { #ex data-toc-label="Exercises" }\n\n## Rest { #rest .wide }\n'
    segmented = segment_source(source, "x.md")
    assert [s.text for s in segmented.segments] == ["Exercises", "Rest"]
    assert [(str(d.location), d.code) for d in segmented.diagnostics] == [("x.md:1", "attr-not-translated")]


def test_a_translation_that_drops_a_footnote_reference_is_refused() -> None:
    source = "Most patients go home after 2 days.[^stay]\n\n[^stay]: A 2021 audit.\n"
    dropped = render_article(source, "x.md", lambda s: "대부분 2일 후 퇴원합니다." if s.kind == "paragraph" else None)
    assert dropped.text == source and [f.reason for f in dropped.fallbacks] == ["refused", "untranslated"]
    kept = render_article(source, "x.md", lambda s: "대부분 2일 후 퇴원합니다.[^stay]" if s.kind == "paragraph" else None)
    assert kept.text.startswith("대부분 2일 후 퇴원합니다.[^stay]\n")


SHORTCUTS = "See the [NICE] advice, the [WHO][] advice and [our notes].\n\n[nice]: https://nice.org.uk\n[who]: https://who.int\n"


def test_shortcut_reference_links_get_a_note_for_translators() -> None:
    """[NICE] is a link only because the page defines [nice]; [our notes] is plain text. The entry
    says which brackets are links, so that translators (and check) keep their text."""
    (segment,) = segment_source(SHORTCUTS, "x.md").segments
    assert segment.notes == ("links by label: [NICE], [WHO] (keep the text in these brackets as it is, or write [your text][NICE])",)
    assert segment_source("See [NICE].\n", "x.md").segments[0].notes == ()  # no definition: text


@pytest.mark.parametrize(
    ("translation", "kept"),
    [
        ("[NICE] 권고, [WHO][] 권고와 [우리 메모]를 보세요.", True),  # plain brackets may be translated
        ("[nice] 권고, [who][] 권고와 [우리 메모]를 보세요.", True),  # labels match case-blind
        ("[영국 국립보건임상연구원][NICE] 권고, [WHO][] 권고와 우리 메모를 보세요.", True),  # full form keeps it
        ("[영국 국립보건임상연구원] 권고, [WHO][] 권고와 우리 메모를 보세요.", False),  # the link's label translated
        ("NICE 권고, [WHO][] 권고와 우리 메모를 보세요.", False),  # link dropped
        ("[NICE] 권고, [세계보건기구][] 권고와 우리 메모를 보세요.", False),
    ],
)
def test_shortcut_reference_links_must_keep_their_labels(translation: str, kept: bool, tmp_path: Path) -> None:
    rendered = render_article(SHORTCUTS, "x.md", lambda segment: translation)
    assert (rendered.text.splitlines()[0] == translation) is kept
    project = tmp_path
    (project / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n')
    (project / "docs").mkdir()
    (project / "docs" / "x.md").write_text("---\ntitle: X\n---\n\n" + SHORTCUTS, encoding="utf-8")
    assert main(["--project", str(project), "extract"]) == 0
    assert main(["--project", str(project), "init", "ko"]) == 0
    po = project / "locales" / "ko" / "LC_MESSAGES" / "x.po"
    catalog = read_po(po)
    for message in catalog.messages:
        message.msgstr = translation if message.msgid.startswith("See") else "엑스"
    po.write_text(format_po(catalog), encoding="utf-8")
    findings = run_checks(load_config(project)).findings
    assert (not findings) is kept, findings
    assert all(f.severity == "error" and f.check == "markup-mismatch" for f in findings)
