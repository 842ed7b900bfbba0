"""The markdown-it parser medloc segments with, and the few rules it adds.

The site is rendered by Python-Markdown (MkDocs); the segmenter parses with
markdown-it-py: CommonMark + GFM tables, with ``html`` enabled so comments and
raw HTML blocks become tokens. On top of that this module adds:

* **source offsets**: after the paragraph, heading, setext-heading, table,
  list and reference rules open a block, where its text starts in the source
  is recorded (``token.meta["start"]``, ``tr`` spans in ``token.meta["span"]``,
  list item markers in ``token.meta["marker"]``). markdown-it only keeps line
  ranges; splicing translations back into the original lines needs characters.
* **a dispatching first rule** (:func:`_dispatcher`): at each block start it tries
  only the rules that can open a block at a line starting with that character,
  in markdown-it's order, and does the recording above; a fifth of the parse time.
* **MkDocs containers**: admonitions (``!!! type "title"``), collapsible
  details (``???``, ``???+``) and content tabs (``=== "title"``), parsed with the
  header regexes of Python-Markdown/pymdown-extensions themselves so both
  parsers agree on the title; the body is the following lines indented by
  four spaces (as Python-Markdown requires), parsed as Markdown.
* **abbreviations** (``*[MRI]: magnetic resonance imaging``, one line).
* **footnote definitions** (``[^1]: text``), block rule only: the footnote
  plugin's core rule would move and drop definitions, and medloc keeps
  document order.

Inline parsing is switched off for segmentation (only block structure and
offsets are needed, and it halves the time); :func:`parse_inline` parses one
segment's inline Markdown when a rule needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block import heading as _heading
from markdown_it.rules_block import lheading as _lheading
from markdown_it.rules_block import list_block as _list_block
from markdown_it.rules_block import paragraph as _paragraph
from markdown_it.rules_block import reference as _reference
from markdown_it.rules_block import table as _table
from markdown_it.token import Token
from mdit_py_plugins.footnote.index import footnote_def

TRIM = MD_TRIM_CHARS
"""Characters markdown-it trims from block content (CommonMark whitespace)."""

BlockRule = Callable[[StateBlock, int, int, bool], bool]

# Header lines of MkDocs containers, exactly as Python-Markdown's admonition
# extension and pymdownx.details / pymdownx.tabbed match them (one line each).
ADMONITION_RE = re.compile(r'!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
DETAILS_RE = re.compile(r'\?{3}(\+)? ?(?:([\w\-]+(?: +[\w\-]+)*?)?(?: +"(.*?)")|([\w\-]+(?: +[\w\-]+)*?)) *$')
TAB_RE = re.compile(r'={3}(\+|!|\+!|!\+)? +"(.*?)" *$')
ABBR_RE = re.compile(r'\*\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*(?P<title>.*)$')


# --------------------------------------------------------------------------- offsets


def _content_start(state: StateBlock, line: int) -> int:
    """Offset of the first content character of ``line`` (after containers and indentation)."""
    pos = state.bMarks[line] + state.tShift[line]
    end = state.eMarks[line]
    while pos < end and state.src[pos] in TRIM:
        pos += 1
    return pos


def _record_start(state: StateBlock, start_line: int, tokens: list[Token]) -> None:
    start = _content_start(state, start_line)
    for token in tokens:
        if token.type == "inline":
            token.meta["start"] = start


def _record_rows(state: StateBlock, start_line: int, tokens: list[Token]) -> None:
    for token in tokens:
        if token.type == "tr_open" and token.map:
            line = token.map[0]
            token.meta["span"] = (state.bMarks[line] + state.tShift[line], state.eMarks[line])


def _record_markers(state: StateBlock, start_line: int, tokens: list[Token]) -> None:
    """Offset of each list item's marker; nested lists record theirs first, so keep those."""
    for token in tokens:
        if token.type == "list_item_open" and token.map and "marker" not in token.meta:
            line = token.map[0]
            token.meta["marker"] = state.bMarks[line] + state.tShift[line]


def _record_reference(state: StateBlock, start_line: int, tokens: list[Token]) -> None:
    """Reference definitions produce no token; push a marker token so the walk sees them."""
    token = state.push("reference", "", 0)
    token.map = [start_line, state.line]
    token.meta["start"] = _content_start(state, start_line)
    token.meta["end"] = state.eMarks[state.line - 1]


Recorder = Callable[[StateBlock, int, list[Token]], None]

_RECORDERS: dict[str, Recorder] = {
    "paragraph": _record_start,
    "heading": _record_start,
    "lheading": _record_start,
    "table": _record_rows,
    "list": _record_markers,
    "reference": _record_reference,
}
"""What is recorded on the tokens of a rule that opened a block (rules restore the line
marks they shift, so they can be read afterwards)."""


# --------------------------------------------------------------------------- dispatch

# The characters a line must start with for these rules to open a block there: each
# rule's own first test of the line (markdown-it's and ours), read off their code.
# Rules not listed (table, lheading, paragraph, and any other) are tried at every line.
FIRST_CHARACTERS: dict[str, str] = {
    "fence": "~`",
    "container": "!?=",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",
    "abbreviation": "*",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}

DISPATCH = "medloc_dispatch"


def _dispatcher(md: MarkdownIt) -> BlockRule:
    """One rule, first in the block chain, that tries only the rules a line can start.

    markdown-it tries every block rule, in order, at the first line of every block,
    and most return at their first test of the line's first character. This rule tries
    the same rules in the same order, without those that :data:`FIRST_CHARACTERS`
    rules out, and records source offsets on the tokens of the rule that matched
    (:data:`_RECORDERS`). Lines indented as code try every rule. When it matches
    nothing, markdown-it's own chain, after it, runs as usual.
    ``tests/test_mdparse.py`` checks the tokens equal those of markdown-it's own chain.
    """
    chains: dict[str, tuple[tuple[str, BlockRule], ...]] = {}

    def every() -> tuple[tuple[str, BlockRule], ...]:
        ruler = md.block.ruler
        named = zip(ruler.get_active_rules(), ruler.getRules(""))
        return tuple((name, rule) for name, rule in named if name != DISPATCH)

    def chain(character: str) -> tuple[tuple[str, BlockRule], ...]:
        rules = chains.get(character)
        if rules is None:
            rules = every()
            if character:
                rules = tuple((name, rule) for name, rule in rules
                              if name != "code" and character in FIRST_CHARACTERS.get(name, character))
            chains[character] = rules
        return rules

    def dispatch(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if silent:
            return False  # only in the main chain; markdown-it calls it with silent=False
        if state.sCount[start_line] - state.blkIndent >= 4:
            rules = chain("")
        else:
            pos = state.bMarks[start_line] + state.tShift[start_line]
            rules = chain(state.src[pos] if pos < state.eMarks[start_line] else "")
        first = len(state.tokens)
        for name, rule in rules:
            if rule(state, start_line, end_line, False):
                record = _RECORDERS.get(name)
                if record is not None:
                    record(state, start_line, state.tokens[first:])
                return True
        return False

    return dispatch


# --------------------------------------------------------------------------- MkDocs containers


def _match_container_header(line: str) -> tuple[str, re.Match[str]] | None:
    for kind, regex in (("admonition", ADMONITION_RE), ("details", DETAILS_RE), ("tab", TAB_RE)):
        match = regex.match(line)
        if match:
            return kind, match
    return None


def _container_title(kind: str, match: re.Match[str]) -> tuple[str | None, int | None, int | None]:
    """(title as the site shows it, group holding an explicit title, group after which an
    implicit title can be inserted)."""
    if kind == "tab":
        return match.group(2) or None, 2, None
    if kind == "admonition":
        class_group, title_group = 1, 2
    elif match.group(4) is not None:
        class_group, title_group = 4, 0
    else:
        class_group, title_group = 2, 3
    if title_group and match.group(title_group) is not None:
        return match.group(title_group) or None, title_group, None
    return match.group(class_group).split(" ", 1)[0].capitalize() or None, None, class_group


def container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``!!!``/``???``/``===`` header line followed by a body indented by four spaces."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    end = state.eMarks[start_line]
    if state.src[start] not in "!?=":
        return False
    found = _match_container_header(state.src[start:end])
    if found is None or silent:
        return found is not None
    kind, match = found
    title, title_group, class_group = _container_title(kind, match)
    body_indent = state.sCount[start_line] + 4
    next_line = _container_end(state, start_line, end_line, body_indent)

    token = state.push(f"{kind}_open", "div", 1)
    token.map = [start_line, next_line]
    token.markup = state.src[start : start + 3]
    token.meta = {
        "title": title,
        "title_span": (start + match.start(title_group), start + match.end(title_group)) if title_group and title else None,
        "insert_at": start + match.end(class_group) if class_group else None,
    }
    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType, state.lineMax, state.blkIndent = kind, next_line, body_indent
    state.md.block.tokenize(state, start_line + 1, next_line)
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.push(f"{kind}_close", "div", -1)
    state.line = next_line
    return True


def _container_end(state: StateBlock, start_line: int, end_line: int, body_indent: int) -> int:
    """The line after the body: the first non-blank line indented less, trailing blanks excluded."""
    next_line = start_line + 1
    while next_line < end_line and (state.isEmpty(next_line) or state.sCount[next_line] >= body_indent):
        next_line += 1
    while next_line > start_line + 1 and state.isEmpty(next_line - 1):
        next_line -= 1
    return next_line


def abbreviation(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``*[ABBR]: expansion`` on one line (Python-Markdown's abbr extension)."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    end = state.eMarks[start_line]
    if not state.src.startswith("*[", start):
        return False
    match = ABBR_RE.match(state.src[start:end])
    if match is None or not match.group("abbr"):
        return False
    if silent:
        return True
    token = state.push("abbreviation", "", 0)
    token.map = [start_line, start_line + 1]
    token.meta = {
        "abbr": match.group("abbr"),
        "span": (start + match.start("title"), start + len(match.group(0).rstrip(TRIM))),
    }
    state.line = start_line + 1
    return True


# --------------------------------------------------------------------------- parsers


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    ruler = md.block.ruler
    ruler.before("fence", "container", container, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    ruler.before("reference", "footnote_def", footnote_def, {"alt": ["paragraph", "reference"]})
    ruler.before("reference", "abbreviation", abbreviation, {"alt": ["paragraph", "reference"]})
    ruler.before(ruler.get_all_rules()[0], DISPATCH, _dispatcher(md))
    return md


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    """The segmentation parser: block structure only, with offsets."""
    md = _build()
    md.disable(["inline", "text_join"])
    return md


@lru_cache(maxsize=1)
def full_parser() -> MarkdownIt:
    """The same dialect with inline parsing (links, images, raw HTML).

    Every URL is accepted as a link: markdown-it drops ``javascript:``/``data:``
    links to plain text, but Python-Markdown would render them, and the
    translation checks must see every link the site would show.
    """
    md = _build()
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def parse_blocks(source: str) -> list[Token]:
    """Block tokens of a Markdown body (front matter handled by the caller)."""
    return block_parser().parse(source)


def parse_inline(text: str) -> list[Token]:
    """Inline tokens (flattened children) of one segment's Markdown."""
    tokens = full_parser().parseInline(text)
    return list(tokens[0].children or []) if tokens else []
