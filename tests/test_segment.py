"""Segmentation: golden cases, refusals, and agreement with Python-Markdown.

Golden cases: ``tests/segment/<case>.md`` next to ``<case>.md.expect.pot`` (the
template medloc writes for it, with a fixed date). Refused sources:
``tests/segment/errors/<case>.md`` next to ``<case>.md.expect.err`` (the
``path:line: message`` lines). Adding a case means adding two files. To
(re)write the expectation files after a deliberate change, run
``MEDLOC_REGENERATE=1 python -m pytest tests/test_segment.py`` and review the diff.
"""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings

from markdown_strategies import articles
from pipeline.errors import ErrorList, MarkdownError, PipelineError
from pipeline.extract import build_template
from pipeline.pofile import format_po
from pipeline.segment import Segment, parse_article, segment_source, unwrap_lines, walk
from tests.laws import examples

HERE = Path(__file__).parent / "segment"
CASES = sorted(HERE.glob("*.md"))
ERROR_CASES = sorted((HERE / "errors").glob("*.md"))
REGENERATE = os.environ.get("MEDLOC_REGENERATE") == "1"
FIXED_DATE = "2024-01-01 00:00+0000"
# The site's Markdown extensions (mkdocs.yml), for the differential test.
# MkDocs always adds toc, tables and fenced_code.
SITE_EXTENSIONS = ["tables", "fenced_code", "attr_list", "admonition", "footnotes", "toc"]


def _golden(path: Path, actual: str) -> str:
    if REGENERATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing {path.name}; run with MEDLOC_REGENERATE=1 and review it"
    return path.read_text(encoding="utf-8")


def _template(case: Path) -> str:
    article = parse_article(case.read_text(encoding="utf-8"), case.name, default_lang="en")
    return format_po(build_template(article, reference=case.name, creation_date=FIXED_DATE))


# --------------------------------------------------------------------------- golden files


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_template(case: Path) -> None:
    actual = _template(case)
    assert actual == _golden(case.with_name(case.name + ".expect.pot"), actual)


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda p: p.stem)
def test_refused_source(case: Path) -> None:
    with pytest.raises(PipelineError) as caught:
        segment_source(case.read_text(encoding="utf-8"), f"errors/{case.name}")
    assert isinstance(caught.value, (MarkdownError, ErrorList))
    actual = str(caught.value) + "\n"
    assert actual == _golden(case.with_name(case.name + ".expect.err"), actual)


def test_every_docstring_rule_has_a_golden_case() -> None:
    names = {case.stem for case in CASES}
    for required in ("headings", "paragraphs", "lists", "blockquote", "tables", "admonitions", "images",
                     "front-matter", "not-segments", "steering-skip", "steering-note", "steering-context",
                     "footnotes-abbr", "merge", "reference-links"):
        assert required in names


# --------------------------------------------------------------------------- behaviour in detail


def test_paragraph_lines_are_unwrapped_and_hard_breaks_kept() -> None:
    text = "> first line\n> second  \n> third\n"
    [segment] = segment_source(text, "q.md").segments
    assert segment.text == "first line second  \nthird"
    assert segment.kind == "blockquote paragraph"
    assert unwrap_lines(["a ", "  b", "c"]) == "a b c"


def test_segment_lines_are_the_blocks_first_line() -> None:
    text = "---\ntitle: T\n---\n\n# H\n\nPara\ncontinued\n\n| a |\n|---|\n| b |\n"
    lines = {s.kind: s.line for s in segment_source(text, "x.md").segments}
    assert lines == {"front matter title": 2, "heading 1": 5, "paragraph": 7, "table cell r1c1": 10, "table cell r2c1": 12}


def test_walk_callback_sees_segments_in_document_order() -> None:
    text = "[^n]: note first\n\n# Title\n\nBody\n"
    seen: list[Segment] = []
    walk(text, "x.md", lambda s: seen.append(s) or s.text)
    assert [s.text for s in seen] == ["note first", "Title", "Body"]


def test_raw_html_text_is_reported_not_extracted() -> None:
    segmented = segment_source("<div>\n<p>Opaque text</p>\n</div>\n\nText.\n", "h.md")
    assert [s.text for s in segmented.segments] == ["Text."]
    [diagnostic] = segmented.diagnostics
    assert str(diagnostic) == "h.md:1: warning: text inside a raw HTML block is not extracted for translation [html-not-translated]"


def test_crlf_and_nul_are_refused_with_their_line() -> None:
    with pytest.raises(MarkdownError, match=r"^x.md:2: file contains CR"):
        segment_source("ok\nbad\r\n", "x.md")
    with pytest.raises(MarkdownError, match=r"^x.md:1: file contains a NUL"):
        segment_source("a\x00", "x.md")


def test_front_matter_language_and_slug() -> None:
    article = parse_article("---\nlang: ko\nslug: my-slug\n---\n\n본문\n", "docs/x.md", default_lang="en")
    assert (article.lang, article.slug) == ("ko", "my-slug")
    article = parse_article("Body\n", "docs/file-stem.md", default_lang="en")
    assert (article.lang, article.slug) == ("en", "file-stem")


def test_front_matter_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(MarkdownError, match=r"^x.md:2: front matter must be a YAML mapping"):
        segment_source("---\n- a\n- b\n---\n\nText\n", "x.md")


# --------------------------------------------------------------------------- agreement with Python-Markdown


class _TextBlocks(HTMLParser):
    """Text of every text-bearing block an HTML page shows, in order (code and permalinks left out)."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"}
    NESTING = {"ul", "ol", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []
        self.blocks: list[str] = []
        self.depths: list[int] = []
        self.depth = 0
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if self.skipping or tag == "pre" or classes in ("headerlink", "footnote-backref"):
            self.skipping.append(tag)
            return
        self.depth += tag in self.NESTING
        if tag in self.BLOCKS:
            if self.stack:
                self._flush()
            self.stack.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping.pop()
            return
        self.depth -= tag in self.NESTING
        if tag in self.BLOCKS and self.stack:
            self._flush()
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and not self.skipping:
            self.stack[-1].append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.stack[-1]).split())
        if text:
            self.blocks.append(text)
            self.depths.append(self.depth)
        self.stack[-1] = []


_SITE_MARKDOWN = markdown.Markdown(extensions=SITE_EXTENSIONS)


def python_markdown_blocks(text: str) -> list[str]:
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    parser = _TextBlocks()
    parser.feed(_SITE_MARKDOWN.reset().convert(body))
    return [b for b in parser.blocks if b not in ("↩",)]


def medloc_blocks(text: str) -> list[str]:
    """Segments as a reader sees them (inline Markdown rendered to text); skip comments ignored."""
    from pipeline.mdparse import full_parser

    shown: list[str] = []
    env: dict[str, object] = {}
    full_parser().parse(text, env)  # the page's reference definitions: [NICE] is a link there
    for segment in segment_source(text.replace("i18n: skip", "i18n: note -"), "x.md").segments:
        if segment.kind.startswith(("front matter", "image", "link title", "abbreviation", "content tab")):
            continue
        rendered = full_parser().renderInline(segment.text, env)
        plain = html.unescape(re.sub(r"<[^>]+>", "", rendered))
        if plain.strip():
            shown.append(" ".join(plain.split()))
    return shown


# definition-task-lists and material-authoring need extensions the repository's site does not enable
# (def_list, pymdownx.*): tests/test_authoring_features.py renders them with Material's extensions.
MATERIAL_CASES = ("definition-task-lists", "material-authoring")
SITE_CASES = [c for c in CASES if c.stem not in ("admonitions", "footnotes-abbr", "images", *MATERIAL_CASES)]


OPAQUE = {"not-segments": ["Raw HTML blocks are opaque."]}
"""Text the site shows that medloc deliberately does not extract (reported as a warning)."""


@pytest.mark.parametrize("case", SITE_CASES, ids=lambda p: p.stem)
def test_segments_are_the_blocks_python_markdown_renders(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expected = [b for b in python_markdown_blocks(text) if b not in OPAQUE.get(case.stem, [])]
    assert medloc_blocks(text) == expected


@pytest.mark.parametrize("article", sorted((HERE.parents[1] / "docs").glob("*.md")), ids=lambda p: p.stem)
def test_committed_articles_segment_as_the_site_renders_them(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    assert medloc_blocks(text) == python_markdown_blocks(text)


def test_admonition_titles_agree_with_python_markdown() -> None:
    text = (HERE / "admonitions.md").read_text(encoding="utf-8").split("??? info")[0]
    assert medloc_blocks(text) == python_markdown_blocks(text)


DISAGREEMENTS = {
    "list-after-paragraph", "table-after-paragraph", "nested-two-spaces", "item-paragraph-two-spaces",
    "pipe-in-code", "paren-list", "hash-line", "heading-trailing-hash", "setext-multiline", "inline-html-block",
    "star-before-hard-break", "backslash-line-break",
}


@pytest.mark.parametrize("case", [c for c in ERROR_CASES if c.stem in DISAGREEMENTS], ids=lambda p: p.stem)
def test_refused_sources_really_disagree(case: Path) -> None:
    """Each refused construct is one where markdown-it alone would segment differently from the site."""
    from pipeline.mdparse import full_parser

    text = case.read_text(encoding="utf-8")
    site = _TextBlocks()
    site.feed(markdown.markdown(text, extensions=SITE_EXTENSIONS))
    commonmark = _TextBlocks()
    commonmark.feed(full_parser().render(text))
    assert list(zip(commonmark.depths, commonmark.blocks)) != list(zip(site.depths, site.blocks))


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_segment_as_python_markdown_renders_them(source: str) -> None:
    try:
        ours = medloc_blocks(source)
    except PipelineError:
        return
    assert ours == python_markdown_blocks(source)
