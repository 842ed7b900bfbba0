"""Markdown sources to segments: the one traversal behind extract and translate.

:func:`segment_source` parses an article once and finds every translatable
segment together with the exact characters it occupies in the source (a
:class:`Slot`). Both directions use that one result, so they can never disagree
about what a segment is:

* extraction is :func:`walk` with an identity callback (:func:`parse_article`);
* translation is :func:`walk` with a catalogue lookup (``pipeline.translate``):
  each returned text is spliced into the original source lines. Text the
  callback returns unchanged leaves the source untouched, so applying a
  catalogue whose msgstr equals its msgid reproduces the source byte for byte
  (the identity law holds by construction).

Segmentation rules (each has a golden case under ``tests/segment/``):

1. One segment per block: ATX and setext headings (``heading N``), paragraphs
   (``paragraph``), each paragraph of a list item, nested lists included
   (``list item``), blockquote paragraphs (``blockquote paragraph``),
   table cells (``table cell rRcC``, the header row is r1), admonition and
   details titles and bodies (``admonition title``, ``admonition body``),
   content tab titles and bodies (``content tab title``, ``content tab body``),
   footnote definitions (``footnote``), each term and each ``:   definition`` of a
   definition list (``definition term``, ``definition``: def_list), abbreviation expansions
   (``abbreviation MRI``), titles of reference link definitions (``link title``),
   the front matter ``title``, ``description`` and ``subtitle`` (Material's nav
   subtitle; ``front matter title`` ...) and each string of its ``tags`` list
   (Material's tags plugin; ``front matter tag``).
   Whitespace-only text is never a segment.
2. Not segments: code (fenced and indented), raw HTML blocks, HTML comments,
   horizontal rules, URLs, front matter keys and every other front matter value.
3. Inline markup stays in the segment as Markdown (``**bold**``, ``*em*``,
   `` `code` ``, ``[text](url)``, inline HTML, pymdown-extensions' ``++ctrl+p++``,
   ``==mark==``, ``:material-phone:``), so a translator can move it. A task list item's
   checkbox (``[ ]``, ``[x]``) is markup like the list marker and stays out of the segment.
   Line breaks inside a paragraph are unwrapped to one space (continuation
   indentation and ``>`` markers dropped); a hard break (two trailing spaces)
   is kept as ``"  \\n"``.
4. A paragraph that is only an image (``![alt](src "title")``, optionally with
   an attribute list) gives its alt text (``image alt``) and its title
   (``image title``) as plain-text segments: the URL is not offered.
5. Python-Markdown attribute lists stay out of segments: ``## Title { #id }``
   gives ``Title``; a paragraph's last line ``{: .class }`` is left out. Text in a
   heading's attribute list (``data-toc-label="..."``, ``title``) is not extracted: a
   warning ``attr-not-translated`` says so.
6. An admonition or details block without an explicit title shows its type as
   title (``!!! note`` shows "Note"); that default is a segment too, and a
   translation is written as an explicit title (``!!! note "Hinweis"``).
7. A segment that uses a reference link by its text (shortcut ``[NICE]`` or collapsed
   ``[WHO][]``, where the page defines ``[nice]: url``) gets a ``#.`` note
   ``links by label: [NICE] (keep ...)``: translating that text breaks the link, and
   ``check`` and translate read the note to treat ``[NICE]`` as a link. A bracket
   without a definition (``[sic]``) is text.
8. Front matter ``lang`` is the article language (default: the configured
   source language); ``slug`` names the template (default: the file stem).

Steering comments: an HTML comment on the line(s) before a block applies to
that block and everything inside it (a whole list, table or admonition):

* ``<!-- i18n: skip -->``: nothing in the block is extracted; it stays as written
  in every language;
* ``<!-- i18n: note Say "spine", not "backbone". -->``: a note for translators,
  written as ``#.`` after the kind;
* ``<!-- i18n: context dosage -->``: the segments get ``msgctxt "dosage"`` (two
  identical texts with different contexts are translated separately).

Several comments may be stacked before one block. Any other ``i18n:`` word, or
a steering comment that is not followed by a block in the same container,
is a :class:`~pipeline.errors.MarkdownError`.

Where the site's parser (Python-Markdown, MkDocs) and this one (markdown-it,
CommonMark) disagree, the source is refused with ``path:line`` instead of being
segmented one way and rendered another:

* a list, table or fenced code block that starts on the line right after a
  paragraph (Python-Markdown keeps it inside the paragraph);
* content of a list item indented by fewer than four spaces from its marker
  (CommonMark nests it, Python-Markdown does not), and indented code inside a
  list item with fewer than eight;
* ordered list markers ``1)`` (not a list for Python-Markdown);
* a paragraph line starting with ``#`` (a heading for Python-Markdown) and a
  heading ending in ``#`` (Python-Markdown drops it);
* a setext heading spanning several lines;
* a ``|`` inside a code span in a table row (splits the cell for CommonMark),
  and table rows with more cells than the header (the extra text is dropped);
* a raw HTML block that starts with an inline tag (``<span>``; a paragraph
  for Python-Markdown) and holds text, and ``markdown``-attribute HTML blocks
  whose content is glued to the tag (no blank line).

MkDocs extensions markdown-it lacks are handled by small rules in
:mod:`pipeline.mdparse` (admonitions, ``???`` details, ``===`` content tabs,
``*[X]:`` abbreviations, footnote definitions). Raw HTML blocks are opaque:
text inside them is reported as a warning, not extracted.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any, Literal

import yaml
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from . import mdparse
from .errors import Diagnostic, ErrorList, Location, MarkdownError

Syntax = Literal["block", "line", "cell", "text"]
"""What a segment's text is: ``block`` inline Markdown that may span lines
(paragraphs); ``line`` inline Markdown on one line (headings); ``cell`` inline
Markdown in a table cell (one line, no unescaped ``|``); ``text`` plain text
(front matter, titles, alt text, abbreviations)."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable unit."""

    text: str
    """The msgid: inline Markdown of one block, line breaks unwrapped."""
    kind: str
    """What the block is, as written to ``#.``: ``heading 2``, ``paragraph``, ``list item``,
    ``table cell r2c1``, ``front matter title``, ..."""
    line: int
    """1-based line of the block's first line in the source file."""
    context: str | None = None
    """msgctxt given by the author, if any."""
    notes: tuple[str, ...] = ()
    """Notes for translators given by the author (``#.``)."""
    syntax: Syntax = "block"
    """What a translation of this segment may contain (see :data:`Syntax`)."""


@dataclass(slots=True)
class Article:
    """A parsed Markdown source."""

    path: str
    slug: str
    lang: str
    front_matter: dict[str, Any]
    segments: list[Segment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    constructs: tuple[tuple[str, int], ...] = ()
    """Constructs Python-Markdown renders only with an extension (:func:`extension_constructs`)."""


Callback = Callable[[Segment], str]

Encoding = Literal["markdown", "yaml", "insert-title"]
"""How a replacement is written: ``markdown`` as is (each line break followed by
the block's continuation prefix); ``yaml`` as a double-quoted YAML scalar;
``insert-title`` as `` "text"`` after an admonition type (an explicit title)."""


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a segment sits in the source and how a replacement is written there."""

    segment: Segment
    start: int
    """Offset of the segment's first character in the source."""
    end: int
    """Offset after its last character (``start == end`` for an insertion)."""
    encoding: Encoding = "markdown"
    prefix: str = ""
    """Written after each line break of a multi-line replacement (``> ``, indentation)."""


@dataclass(frozen=True, slots=True)
class Segmented:
    """The result of the one traversal: segments with their places in the source."""

    source: str
    path: str
    front_matter: dict[str, Any]
    slots: tuple[Slot, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    tokens: list[Token] = field(default_factory=list, compare=False, repr=False)
    """markdown-it's block tokens of the body (for :attr:`shape`)."""

    @property
    def segments(self) -> list[Segment]:
        return [slot.segment for slot in self.slots]

    @property
    def shape(self) -> tuple[Any, ...]:
        """Everything about the document that is not segment text: block structure,
        list markers and numbers, table alignment, code, raw HTML, other front matter.
        A translation keeps it (tested by extract(apply(x)) and checked on every render)."""
        blocks = tuple(_token_shape(token) for token in self.tokens if token.type != "inline")
        front = tuple((key, _front_shape(key, value)) for key, value in self.front_matter.items() if key not in _FRONT_MATTER_KEYS)
        return blocks + (front,)


@dataclass(frozen=True, slots=True)
class Walked:
    """What :func:`walk` returns: the spliced text and what it walked over."""

    text: str
    segmented: Segmented
    replacements: dict[int, str] = field(default_factory=dict)
    """Slot index -> the text the callback returned, where it differs from the segment."""


# --------------------------------------------------------------------------- public API


def segment_source(source: str, path: str) -> Segmented:
    """Parse a Markdown source (front matter + body) and find its segments.

    Raises :class:`MarkdownError` (or an :class:`ErrorList` of them) with
    ``path:line`` for constructs that cannot be segmented safely.
    """
    _refuse_control_characters(source, path)
    front = _front_matter(source)
    body = source if front is None else _mask(source, front.end)
    walker = _Walker(source, path)
    if front is not None:
        walker.front_matter(front)
    tokens = mdparse.parse_blocks(body)
    walker.run(tokens)
    return walker.result(tokens)


def splice(segmented: Segmented, replacements: Mapping[int, str]) -> str:
    """The source with ``replacements`` (slot index -> new text) written into their slots."""
    source = segmented.source
    pieces: list[str] = []
    position = 0
    for index in sorted(replacements, key=lambda i: segmented.slots[i].start):
        slot = segmented.slots[index]
        pieces.append(source[position : slot.start])
        pieces.append(_encode(slot, replacements[index]))
        position = slot.end
    pieces.append(source[position:])
    return "".join(pieces)


def walk(source: str, path: str, callback: Callback) -> Walked:
    """Call ``callback`` for every segment in document order and splice what it returns.

    Returned text equal to the segment's text leaves the source unchanged.
    """
    return walk_segmented(segment_source(source, path), callback)


def walk_segmented(segmented: Segmented, callback: Callback) -> Walked:
    """:func:`walk` over an already segmented source."""
    replacements: dict[int, str] = {}
    for index, slot in enumerate(segmented.slots):
        text = callback(slot.segment)
        if text != slot.segment.text:
            replacements[index] = text
    text = splice(segmented, replacements) if replacements else segmented.source
    return Walked(text, segmented, replacements)


def parse_article(source: str, path: str, *, default_lang: str = "en") -> Article:
    """Segments, language and slug of an article (extraction: a walk with the identity)."""
    segments: list[Segment] = []

    def keep(segment: Segment) -> str:
        segments.append(segment)
        return segment.text

    walked = walk(source, path, keep)
    front = walked.segmented.front_matter
    return Article(
        path=path,
        slug=article_slug(front, path, source=source),
        lang=article_lang(front, default_lang),
        front_matter=front,
        segments=segments,
        diagnostics=list(walked.segmented.diagnostics),
        constructs=extension_constructs(walked.segmented),
    )


_CONSTRUCT_OF_TOKEN = {
    "admonition_open": "admonition",
    "details_open": "collapsible block",
    "tab_open": "content tab",
    "footnote_reference_open": "footnote",
    "abbreviation": "abbreviation",
}


def extension_constructs(segmented: Segmented) -> tuple[tuple[str, int], ...]:
    """Each construct of the source that Python-Markdown renders only with an extension
    (admonition, collapsible block, content tab, footnote, abbreviation, definition list),
    with the line it first appears on, in document order."""
    first: dict[str, int] = {}
    for token in segmented.tokens:
        name = _CONSTRUCT_OF_TOKEN.get(token.type)
        if name is not None and token.map and name not in first:
            first[name] = token.map[0] + 1
    for slot in segmented.slots:
        if slot.segment.kind in ("definition term", "definition"):
            first.setdefault("definition list", slot.segment.line)
            break
    return tuple(sorted(first.items(), key=lambda item: item[1]))


_SLUG_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
RESERVED_SLUGS = frozenset({"site"})
"""Slugs that name medloc's own catalogues (the site's UI strings)."""


def article_slug(front_matter: Mapping[str, Any], path: str, *, source: str = "") -> str:
    """The article's slug (front matter ``slug``, else the file stem), checked.

    A slug names files (``<slug>.pot``, ``<slug>.po``, pages), so one that could
    reach outside its folder (``../``, ``/``) or collide with medloc's own
    catalogues is refused here, where every stage reads it.
    """
    slug = front_matter.get("slug")
    chosen = slug if isinstance(slug, str) and slug.strip() else PurePath(path).stem
    if _SLUG_RE.fullmatch(chosen) and chosen not in RESERVED_SLUGS:
        return chosen
    hint = "" if isinstance(slug, str) and slug.strip() else " (it is the file name): give the article a front matter `slug: ascii-name`"
    raise MarkdownError(
        f"slug {chosen!r} cannot name a template (letters, digits, '.', '_', '-'; not 'site'){hint}",
        Location(path, _front_matter_key_line(source, "slug")),
    )


def _front_matter_key_line(source: str, key: str) -> int:
    """Line of the front matter's ``key:`` (1 when absent), for messages."""
    if not source.startswith("---"):
        return 1
    for number, line in enumerate(source.split("\n", 200)[:200], start=1):
        if number > 1 and line.rstrip() == "---":
            break
        if line.startswith(f"{key}:"):
            return number
    return 1


def article_lang(front_matter: Mapping[str, Any], default: str) -> str:
    lang = front_matter.get("lang")
    return lang if isinstance(lang, str) and lang.strip() else default


# --------------------------------------------------------------------------- writing replacements


def _encode(slot: Slot, text: str) -> str:
    if slot.encoding == "yaml":
        return json.dumps(text, ensure_ascii=False)
    if slot.encoding == "insert-title":
        return f' "{text}"'
    return text.replace("\n", "\n" + slot.prefix)


# --------------------------------------------------------------------------- front matter

# MkDocs' own front matter pattern (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_load(text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree of ``text`` and the data it makes, from one parse
    (what ``yaml.compose`` and ``yaml.load`` return, each of which parses it)."""
    loader = _YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()
_FRONT_MATTER_KEYS = {
    "title": "front matter title", "description": "front matter description", "subtitle": "front matter subtitle",
}
FRONT_MATTER_KEY_OF = {kind: key for key, kind in _FRONT_MATTER_KEYS.items()}
"""Segment kind of a front matter value -> its key (``front matter title`` -> ``title``)."""
_FRONT_MATTER_LISTS = {"tags": "front matter tag"}
"""Front matter lists whose strings are segments, one each (Material's tags)."""


def _front_shape(key: str, value: Any) -> str:
    """A front matter value as :attr:`Segmented.shape` sees it: a translated list keeps its length."""
    if key in _FRONT_MATTER_LISTS and isinstance(value, list):
        return repr(["<text>" if isinstance(item, str) else item for item in value])
    return repr(value)


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    text: str
    offset: int
    """Offset of the YAML text in the source (after the opening ``---`` line)."""
    end: int
    """Offset after the closing ``---`` line."""


def _front_matter(source: str) -> _FrontMatter | None:
    match = _FRONT_MATTER_RE.match(source)
    if match is None:
        return None
    return _FrontMatter(match.group(1), match.start(1), match.end())


def _mask(source: str, end: int) -> str:
    """Blank the front matter for markdown-it, keeping every offset."""
    head = re.sub(r"[^\n]", " ", source[:end])
    return head + source[end:]


# --------------------------------------------------------------------------- the walk


@dataclass(frozen=True, slots=True)
class Steering:
    """What the author's ``<!-- i18n: ... -->`` comments say about a block."""

    skip: bool = False
    notes: tuple[str, ...] = ()
    context: str | None = None

    def then(self, inner: "Steering") -> "Steering":
        """``self`` for an outer block, refined by ``inner``."""
        return Steering(self.skip or inner.skip, self.notes + inner.notes, inner.context or self.context)


_NO_STEERING = Steering()
_KIND_BY_CONTAINER = {
    "list_item_open": "list item",
    "blockquote_open": "blockquote paragraph",
    "admonition_open": "admonition body",
    "details_open": "admonition body",
    "tab_open": "content tab body",
    "footnote_reference_open": "footnote",
}
_TABLE_PARTS = frozenset({"thead_open", "tbody_open", "th_open", "td_open"})
_CANNOT_INTERRUPT_PARAGRAPH = {"bullet_list_open", "ordered_list_open", "table_open", "fence"}
_HEADER_ATTR_RE = re.compile(r"[ ]+\{\:?[ ]*([^\}\n ][^\n]*)\}[ ]*$")  # Python-Markdown attr_list
_PROSE_ATTR_RE = re.compile(r"(?:^|\s)(?:data-toc-label|title)\s*=")
_BLOCK_ATTR_RE = re.compile(r"^[ ]*\{\:?[ ]*([^\}\n ][^\n]*)\}[ ]*$")
_INLINE_ATTR_RE = re.compile(r"^\{\:?[ ]*([^\}\n ][^\n]*)\}\s*$")
_TASK_BOX_RE = re.compile(r"\[[ xX]\][ ]+(?=\S)")  # pymdownx.tasklist's checkbox
_DEFINITION_RE = re.compile(r"[ ]{0,3}:[ ]{1,3}(?=\S)")  # Python-Markdown def_list
_COMMENT_RE = re.compile(r"^\s*<!--(.*?)-->\s*$", re.DOTALL)
_TAG_RE = re.compile(r"\s*</?([A-Za-z][A-Za-z0-9-]*)")
_MARKDOWN_ATTR_RE = re.compile(r"^\s*<[A-Za-z][^>]*\smarkdown(\s*=\s*[\"']?[^\"'\s>]*[\"']?)?[\s/>]")


class _Walker:
    """One pass over markdown-it's block tokens, collecting slots and problems."""

    def __init__(self, source: str, path: str) -> None:
        self.source = source
        self.path = path
        self.line_starts = _line_starts(source)
        self.slots: list[Slot] = []
        self.errors: list[MarkdownError] = []
        self.diagnostics: list[Diagnostic] = []
        self.front: dict[str, Any] = {}
        self.containers: list[Token] = []
        self.scopes: list[tuple[int, Steering]] = []
        self.pending: tuple[Token, Steering] | None = None
        self.previous: list[Token | None] = []
        """The last block seen at each nesting level (index: level), to find siblings."""
        self.table: dict[str, int] = {}

    # ----------------------------------------------------------------- driving

    def run(self, tokens: list[Token]) -> None:
        for index, token in enumerate(tokens):
            if token.nesting == -1:
                self._close(token)
            elif token.type in _TABLE_PARTS:
                self.containers.append(token)  # cells are handled with their row
            elif token.type != "inline":
                self._block(token, tokens, index)
        if self.pending is not None:
            self._fail(self.pending[0].map[0] + 1, "i18n comment is not followed by a block")

    def result(self, tokens: list[Token]) -> Segmented:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ErrorList(list(self.errors))
        slots = tuple(sorted(self.slots, key=lambda slot: slot.start))
        labels = self._defined_labels(tokens)
        if labels:
            slots = tuple(_with_shortcut_note(slot, labels) for slot in slots)
        return Segmented(self.source, self.path, self.front, slots, tuple(self.diagnostics), tokens)

    def _defined_labels(self, tokens: list[Token]) -> frozenset[str]:
        """The labels of the document's reference definitions (``[NICE]: https://...``)."""
        labels = set()
        for token in tokens:
            if token.type == "reference":
                text = self.source[token.meta["start"] : token.meta["end"]]
                labels.add(normalize_label(text[1 : text.find("]:")]))
        return frozenset(labels)

    def _block(self, token: Token, tokens: list[Token], index: int) -> None:
        self._check_python_markdown(token, tokens, index)
        directive = self._directive(token)
        if directive is not None:
            self._add_pending(token, directive)
            return
        steering = self._steering(token)
        handler = _HANDLERS.get(token.type)
        if handler is not None and not steering.skip:
            handler(self, token, tokens, index, steering)
        elif token.type == "html_block":
            self._html_block(token)
        if token.nesting == 1:
            self.containers.append(token)
            self._forget_siblings(token.level)

    def _close(self, token: Token) -> None:
        if self.pending is not None and token.level < self.pending[0].level:
            self._fail(self.pending[0].map[0] + 1, "i18n comment is not followed by a block in the same container")
            self.pending = None
        if self.scopes and self.scopes[-1][0] == token.level:
            self.scopes.pop()
        if self.containers:
            self.containers.pop()
        self._forget_siblings(token.level)

    def _forget_siblings(self, level: int) -> None:
        del self.previous[level + 1 :]

    # ----------------------------------------------------------------- steering comments

    def _directive(self, token: Token) -> Steering | None:
        if token.type != "html_block":
            return None
        match = _COMMENT_RE.match(token.content)
        if match is None:
            return None
        body = " ".join(match.group(1).split())
        if not body.startswith("i18n:"):
            return None
        return self._parse_directive(body[5:].strip(), token.map[0] + 1)

    def _parse_directive(self, text: str, line: int) -> Steering:
        word, _, argument = text.partition(" ")
        argument = argument.strip()
        if word == "skip" and not argument:
            return Steering(skip=True)
        if word == "note" and argument:
            return Steering(notes=(argument,))
        if word == "context" and argument:
            return Steering(context=argument)
        self._fail(line, f"unknown i18n comment {text!r}; use 'i18n: skip', 'i18n: note TEXT' or 'i18n: context TEXT'")
        return _NO_STEERING

    def _add_pending(self, token: Token, steering: Steering) -> None:
        if self.pending is not None:
            steering = self.pending[1].then(steering)
        self.pending = (token, steering)

    def _steering(self, token: Token) -> Steering:
        current = _NO_STEERING
        for _, scope in self.scopes:
            current = current.then(scope)
        if self.pending is None:
            return current
        _, pending = self.pending
        self.pending = None
        if token.nesting == 1:
            self.scopes.append((token.level, pending))
        return current.then(pending)

    # ----------------------------------------------------------------- slots

    def _add(
        self,
        text: str,
        kind: str,
        line: int,
        span: tuple[int, int],
        steering: Steering,
        *,
        syntax: Syntax,
        encoding: Encoding = "markdown",
        notes: tuple[str, ...] = (),
    ) -> None:
        stripped = text.strip()
        if not stripped:
            return
        if stripped != text and self.source[span[0] : span[1]] == text:
            start = span[0] + len(text) - len(text.lstrip())
            span = (start, start + len(stripped))
        segment = Segment(stripped, kind, line, steering.context, steering.notes + notes, syntax)
        prefix = self._continuation_prefix(span[0]) if syntax == "block" else ""
        self.slots.append(Slot(segment, span[0], span[1], encoding, prefix))

    def _continuation_prefix(self, start: int) -> str:
        """Container markers of the block's first line, list markers turned into spaces."""
        before = self.source[self.line_starts[self._line_of(start)] : start]
        return "".join(ch if ch == ">" or ch in " \t" else " " for ch in before)

    def _kind(self) -> str:
        for container in reversed(self.containers):
            kind = _KIND_BY_CONTAINER.get(container.type)
            if kind is not None:
                return kind
        return "paragraph"

    # ----------------------------------------------------------------- handlers

    def front_matter(self, front: _FrontMatter) -> None:
        try:
            node, data = _compose_and_load(front.text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(exc, "problem", None) or str(exc)
            raise MarkdownError(f"front matter is not valid YAML: {problem}", Location(self.path, line)) from None
        if data is None:
            return
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            raise MarkdownError("front matter must be a YAML mapping (key: value lines)", Location(self.path, 2))
        self.front = data
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in _FRONT_MATTER_KEYS and isinstance(data.get(key), str):
                self._front_value(front, value_node, data[key], _FRONT_MATTER_KEYS[key])
            elif key in _FRONT_MATTER_LISTS and isinstance(value_node, yaml.SequenceNode) and isinstance(data.get(key), list):
                for item_node, item in zip(value_node.value, data[key]):
                    if isinstance(item_node, yaml.ScalarNode) and isinstance(item, str):
                        self._front_value(front, item_node, item, _FRONT_MATTER_LISTS[key])

    def _front_value(self, front: _FrontMatter, node: yaml.Node, value: str, kind: str) -> None:
        """One front matter string as a segment; its YAML scalar is replaced by a JSON string."""
        span = _trim_span(self.source, (front.offset + node.start_mark.index, front.offset + node.end_mark.index))
        self._add(value, kind, node.start_mark.line + 2, span, _NO_STEERING, syntax="text", encoding="yaml")

    def heading(self, token: Token, tokens: list[Token], index: int, steering: Steering) -> None:
        inline = tokens[index + 1]
        content = inline.content
        line = token.map[0] + 1
        if token.markup in ("=", "-"):
            if "\n" in content:
                self._fail(line, "setext heading spans several lines; Python-Markdown reads only the last "
                                 "as heading: join them")
                return
            start = inline.meta["start"]
        else:
            if not content:
                return
            start = self.source.find(content, _after_hashes(self.source, inline.meta["start"]))
            if content.endswith("#") and not content.endswith("\\#"):
                self._fail(line, "heading ends with '#', which Python-Markdown drops; write it as \\#")
        attr = _HEADER_ATTR_RE.search(content)
        if attr is not None:
            content = content[: attr.start()]
            if _PROSE_ATTR_RE.search(attr.group(1)):
                self._warn(line, "the heading's attribute list holds text (data-toc-label, title) that is not "
                                 "extracted for translation; every language shows it as written", "attr-not-translated")
        self._add(content, f"heading {token.tag[1]}", line, (start, start + len(content)), steering, syntax="line")

    def paragraph(self, token: Token, tokens: list[Token], index: int, steering: Steering) -> None:
        inline = tokens[index + 1]
        lines = inline.content.split("\n")
        first, last = token.map[0], token.map[1] - 1
        self._check_hash_lines(lines, first + 1)
        self._check_line_breaks(lines, first + 1)
        if len(lines) > 1 and _BLOCK_ATTR_RE.match(lines[-1]):
            lines, last = lines[:-1], last - 1
        start, end = inline.meta["start"], self._line_content_end(last)
        if len(lines) == 1 and self._image(lines[0], start, first + 1, steering):
            return
        start, lines = self._after_task_box(token, start, lines)
        if any(_DEFINITION_RE.match(text) for text in lines):
            self._definitions(lines, first, (start, end), steering)
            return
        self._add(unwrap_lines(lines), self._kind(), first + 1, (start, end), steering, syntax="block")

    def _after_task_box(self, token: Token, start: int, lines: list[str]) -> tuple[int, list[str]]:
        """A task list item's ``[ ]``/``[x]`` is markup like the list marker: it stays out of the
        segment (pymdownx.tasklist needs it first in the item, a fallback ``<span>`` would hide it)."""
        item = self.containers[-1] if self.containers else None
        match = _TASK_BOX_RE.match(lines[0])
        if item is None or item.type != "list_item_open" or item.map[0] != token.map[0] or match is None:
            return start, lines
        return start + match.end(), [lines[0][match.end() :], *lines[1:]]

    def _definitions(self, lines: list[str], first: int, span: tuple[int, int], steering: Steering) -> None:
        """Python-Markdown's def_list: each term line and each ``:   definition`` (with its
        continuation lines) is a segment, so a translation never joins them into one line."""
        marks = [number for number, text in enumerate(lines) if _DEFINITION_RE.match(text)]
        for number in range(marks[0]):
            start = span[0] if number == 0 else self._content_start(first + number, lines[number])
            end = self._line_content_end(first + number)
            self._add(lines[number], "definition term", first + number + 1, (start, end), steering, syntax="line")
        for mark, after in zip(marks, [*marks[1:], len(lines)]):
            text = lines[mark].lstrip(" ")
            marker = len(text) - len(text[1:].lstrip(" "))  # ':' and the spaces after it
            start = (span[0] if mark == 0 else self._content_start(first + mark, text)) + marker
            end = span[1] if after == len(lines) else self._line_content_end(first + after - 1)
            text = unwrap_lines([text[marker:], *lines[mark + 1 : after]])
            self._add(text, "definition", first + mark + 1, (start, end), steering, syntax="block")

    def _content_start(self, line: int, text: str) -> int:
        """Where a paragraph line's text (container markers and indentation left out) starts."""
        return self.source.find(text.lstrip(" \t"), self.line_starts[line])

    def _image(self, text: str, start: int, line: int, steering: Steering) -> bool:
        """An image-only paragraph: its alt text and title become the segments."""
        if not text.startswith("![") or not _is_lone_image(text):
            return False
        state = StateInline(text, mdparse.full_parser(), {}, [])
        label_end = parseLinkLabel(state, 1, True)
        self._add(text[2:label_end], "image alt", line, (start + 2, start + label_end), steering, syntax="text")
        title = _link_title_span(text, label_end + 2)
        if title is not None:
            span = (start + title[0], start + title[1])
            self._add(text[title[0] : title[1]], "image title", line, span, steering, syntax="text")
        return True

    def table_open(self, token: Token, tokens: list[Token], index: int, steering: Steering) -> None:
        self.table = {"row": 0, "columns": 0}

    def table_row(self, token: Token, tokens: list[Token], index: int, steering: Steering) -> None:
        self.table["row"] += 1
        row, line = self.table["row"], token.map[0] + 1
        start, end = token.meta["span"]
        if _pipe_in_code_span(self.source[start:end]):
            self._fail(line, "a '|' inside `code` in a table row splits the cell for CommonMark but not "
                             "for Python-Markdown; rephrase without '|'")
            return
        cells = _table_cells(self.source, start, end)
        if row == 1:
            self.table["columns"] = len(cells)
        elif len(cells) > self.table["columns"]:
            columns = self.table["columns"]
            self._fail(line, f"table row has {len(cells)} cells but the header has {columns}; the extra cells would be dropped")
            return
        for column, (cell_start, cell_end) in enumerate(cells, start=1):
            text = self.source[cell_start:cell_end]
            attr = _HEADER_ATTR_RE.search(text)
            if attr is not None:
                text, cell_end = text[: attr.start()], cell_start + attr.start()
            self._add(text, f"table cell r{row}c{column}", line, (cell_start, cell_end), steering, syntax="cell")

    def container(self, token: Token, tokens: list[Token], index: int, steering: Steering) -> None:
        meta, line = token.meta, token.map[0] + 1
        kind = "content tab title" if token.type == "tab_open" else "admonition title"
        if meta["title_span"] is not None:
            self._add(meta["title"], kind, line, meta["title_span"], steering, syntax="text")
        elif meta["insert_at"] is not None and meta["title"]:
            note = ("default title (the type); a translation is written as an explicit title",)
            span = (meta["insert_at"], meta["insert_at"])
            self._add(meta["title"], kind, line, span, steering, syntax="text", encoding="insert-title", notes=note)

    def abbreviation(self, token: Token, tokens: list[Token], index: int, steering: Steering) -> None:
        start, end = token.meta["span"]
        kind = f"abbreviation {token.meta['abbr']}"
        self._add(self.source[start:end], kind, token.map[0] + 1, (start, end), steering, syntax="text")

    def reference(self, token: Token, tokens: list[Token], index: int, steering: Steering) -> None:
        start, end = token.meta["start"], token.meta["end"]
        text = self.source[start:end]
        label_end = text.find("]:")
        destination = parseLinkDestination(text, _skip_spaces(text, label_end + 2), len(text))
        title = _link_title_span(text, destination.pos, destination=False) if destination.ok else None
        if title is None:
            return
        if "\n" in text[title[0] : title[1]]:
            self._warn(token.map[0] + 1, "link title spans several lines and is not extracted", "link-title-multiline")
            return
        span = (start + title[0], start + title[1])
        self._add(text[title[0] : title[1]], "link title", token.map[0] + 1, span, steering, syntax="text")

    def _html_block(self, token: Token) -> None:
        content, line = token.content, token.map[0] + 1
        if _COMMENT_RE.match(content):
            return
        if _MARKDOWN_ATTR_RE.match(content):
            self._markdown_attribute_block(content, line)
            return
        tag = _TAG_RE.match(content)
        has_text = bool(re.sub(r"<[^>]*>", "", content).strip())
        if tag is not None and tag.group(1).lower() not in _block_level_tags() and has_text:
            self._fail(line, f"raw HTML line <{tag.group(1)}> starts an HTML block for CommonMark but a paragraph "
                             "for Python-Markdown; start the line with text")
        elif has_text:
            self._warn(line, "text inside a raw HTML block is not extracted for translation", "html-not-translated")

    def _markdown_attribute_block(self, content: str, line: int) -> None:
        if content.strip().count("\n") > 0:
            self._fail(line, "content of a markdown-attribute HTML block must be separated from the tag by a blank line")
        else:
            message = "markdown-attribute HTML block: its content is extracted as Markdown; the site needs md_in_html"
            self._warn(line, message, "markdown-in-html")

    # ----------------------------------------------------------------- Python-Markdown agreement

    def _check_python_markdown(self, token: Token, tokens: list[Token], index: int) -> None:
        level = token.level
        while len(self.previous) <= level:
            self.previous.append(None)
        previous, self.previous[level] = self.previous[level], token
        line = token.map[0] + 1 if token.map else 0
        if previous is not None and self._interrupts(previous, token):
            what = "table" if token.type == "table_open" else "fenced code" if token.type == "fence" else "list"
            self._fail(line, f"{what} starts right after a paragraph line; Python-Markdown keeps it in the "
                             "paragraph: add a blank line before it")
        if token.type == "ordered_list_open" and token.markup == ")":
            self._fail(line, "ordered list marker ')' is not a list for Python-Markdown; use '1.'")
        if self.containers and self.containers[-1].type == "list_item_open":
            self._check_item_child(self.containers[-1], token, tokens, index)

    def _interrupts(self, previous: Token, token: Token) -> bool:
        if previous.type != "paragraph_open" or token.type not in _CANNOT_INTERRUPT_PARAGRAPH:
            return False
        if previous.map[1] != token.map[0]:
            return False
        item = self.containers[-1] if self.containers else None
        is_nested_list = token.type in ("bullet_list_open", "ordered_list_open")
        return not (is_nested_list and item is not None and item.type == "list_item_open" and previous.map[0] == item.map[0])

    def _check_item_child(self, item: Token, token: Token, tokens: list[Token], index: int) -> None:
        if not token.map or token.map[0] <= item.map[0]:
            return
        marker = self._column(item.meta.get("marker") or self._first_content(item.map[0]))
        child = self._column(self._child_start(token, tokens, index))
        needed = 8 if token.type == "code_block" else 4
        if child < marker + needed:
            what = "indented code" if token.type == "code_block" else "content"
            self._fail(
                token.map[0] + 1,
                f"list item {what} is indented by {child - marker} spaces from its marker; "
                f"Python-Markdown needs {needed} (CommonMark nests it, MkDocs would not)",
            )

    def _child_start(self, token: Token, tokens: list[Token], index: int) -> int:
        if token.type == "paragraph_open":
            return tokens[index + 1].meta["start"]
        if token.type in ("bullet_list_open", "ordered_list_open") and tokens[index + 1].meta.get("marker") is not None:
            return tokens[index + 1].meta["marker"]
        return self._first_content(token.map[0])

    def _first_content(self, line: int) -> int:
        """First character of ``line`` after the blockquote markers of the enclosing containers."""
        position, end = self.line_starts[line], self._line_end(line)
        quotes = sum(1 for c in self.containers if c.type == "blockquote_open")
        while position < end and (self.source[position] in " \t" or (self.source[position] == ">" and quotes > 0)):
            quotes -= self.source[position] == ">"
            position += 1
        return position

    def _check_hash_lines(self, lines: list[str], line: int) -> None:
        for offset, text in enumerate(lines):
            if text.startswith("#"):
                message = "paragraph line starts with '#', a heading for Python-Markdown; write \\# or rephrase"
                self._fail(line + offset, message)

    def _check_line_breaks(self, lines: list[str], line: int) -> None:
        """Hard line breaks the two renderers read differently (found by the Hypothesis agreement test)."""
        for offset, text in enumerate(lines[:-1]):
            bare = text.rstrip(" ")
            mark = bare[-1:]
            if len(text) - len(bare) >= 2 and mark in ("*", "_") and _opens_emphasis("\n".join([*lines[:offset], bare]), mark):
                message = f"'{mark}' before a line break (two trailing spaces) opens emphasis for Python-Markdown, not for CommonMark"
                self._fail(line + offset, f"{message}; write \\{mark} or drop the spaces")
            elif text.endswith("\\") and not _escaped(text, len(text) - 1):
                message = "line ends with '\\', a line break for CommonMark but a literal backslash for Python-Markdown"
                self._fail(line + offset, f"{message}; end it with two spaces instead")

    # ----------------------------------------------------------------- positions and reports

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def _line_end(self, line: int) -> int:
        if line + 1 < len(self.line_starts):
            return self.line_starts[line + 1] - 1
        return len(self.source)

    def _line_content_end(self, line: int) -> int:
        end = self._line_end(line)
        while end > self.line_starts[line] and self.source[end - 1] in mdparse.TRIM:
            end -= 1
        return end

    def _column(self, offset: int) -> int:
        return len(self.source[self.line_starts[self._line_of(offset)] : offset].expandtabs(4))

    def _fail(self, line: int, message: str) -> None:
        self.errors.append(MarkdownError(message, Location(self.path, line)))

    def _warn(self, line: int, message: str, code: str) -> None:
        self.diagnostics.append(Diagnostic(Location(self.path, line), message, "warning", code))


_HANDLERS: dict[str, Callable[[_Walker, Token, list[Token], int, Steering], None]] = {
    "heading_open": _Walker.heading,
    "paragraph_open": _Walker.paragraph,
    "table_open": _Walker.table_open,
    "tr_open": _Walker.table_row,
    "admonition_open": _Walker.container,
    "details_open": _Walker.container,
    "tab_open": _Walker.container,
    "abbreviation": _Walker.abbreviation,
    "reference": _Walker.reference,
}


# --------------------------------------------------------------------------- small helpers


_VERBATIM_TOKENS = {"fence", "code_block", "html_block"}


def _token_shape(token: Token) -> tuple[Any, ...]:
    content = token.content if token.type in _VERBATIM_TOKENS else ""
    attrs = tuple(sorted((str(k), str(v)) for k, v in token.attrs.items())) if token.attrs else ()
    return (token.type, token.tag, token.level, token.markup, token.info, attrs, content)


def _refuse_control_characters(source: str, path: str) -> None:
    for char, what in (("\r", "CR (Windows) line ends; save the file with LF line ends"), ("\x00", "a NUL character")):
        index = source.find(char)
        if index >= 0:
            raise MarkdownError(f"file contains {what}", Location(path, source.count("\n", 0, index) + 1))


def _line_starts(source: str) -> list[int]:
    starts = [0]
    position = source.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = source.find("\n", position + 1)
    return starts


def _trim_span(source: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while end > start and source[end - 1] in " \t\n":
        end -= 1
    return start, end


# A full or collapsed reference link or image, ``[text][label]`` / ``[text][]`` (no nested brackets,
# no footnote ``[^1]``): parsed alone, markdown-it reads it as text, the site as a link.
REFERENCE_LINK_RE = re.compile(r"(?<!\\)\[(?!\^)([^\[\]\n]*)\]\[(?!\^)([^\[\]\n]*)\]")
CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
"""An inline code span (its text is code, not markup), for the regex scans of one segment."""
FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\s]+\](?!:)")
"""A footnote reference (``[^1]``; not a definition ``[^1]:``): CommonMark reads it as text, the site as a link."""


def reference_labels(text: str) -> tuple[str, ...]:
    """Labels of the reference links in one segment's inline Markdown, normalised as CommonMark
    matches them (case-folded, spaces collapsed); a collapsed ``[text][]`` is labelled by its text,
    so translating that text breaks the link."""
    if "][" not in text:
        return ()
    text = CODE_SPAN_RE.sub(" ", text)
    return tuple(normalize_label(label or shown) for shown, label in REFERENCE_LINK_RE.findall(text))


def normalize_label(label: str) -> str:
    """A reference label as links and definitions are matched (case-folded, spaces collapsed)."""
    return " ".join(label.split()).casefold()


# A shortcut reference ``[NICE]``: a link only where the document defines the label (``[NICE]: url``),
# plain text otherwise. Not ``[text][label]``, ``[text](url)``, ``\[x]``, a footnote or a definition.
_SHORTCUT_OR_CODE_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)|(?<![\\\]])\[(?!\^)([^\[\]\n]+)\](?![\[(:])", re.DOTALL)
SHORTCUT_NOTE = "links by label: "
"""The start of the extracted comment that names a segment's links by label."""
_SHORTCUT_NOTE_RE = re.compile(re.escape(SHORTCUT_NOTE) + r"(.*) \(keep ")


def shortcut_references(text: str, labels: frozenset[str]) -> tuple[str, ...]:
    """The shortcut references ``[X]`` in ``text`` whose label is one of ``labels``, as written."""
    if "[" not in text:
        return ()
    return tuple(
        match.group(2) for match in _SHORTCUT_OR_CODE_RE.finditer(text) if match.group(2) and normalize_label(match.group(2)) in labels
    )


def expand_shortcuts(text: str, labels: frozenset[str]) -> str:
    """``text`` with each shortcut reference to one of ``labels`` written in full (``[X]`` ->
    ``[X][X]``), so that :func:`reference_labels` sees it: translating the text of ``[NICE]``
    breaks that link, ``[your text][NICE]`` keeps it."""
    if not labels or "[" not in text:
        return text

    def full(match: re.Match[str]) -> str:
        shown = match.group(2)
        if shown and normalize_label(shown) in labels:
            return f"[{shown}][{shown}]"
        return match.group()

    return _SHORTCUT_OR_CODE_RE.sub(full, text)


def shortcut_note(shown: tuple[str, ...]) -> str:
    """The extracted comment telling translators which brackets are links."""
    listed = ", ".join(dict.fromkeys(f"[{label}]" for label in shown))
    return f"{SHORTCUT_NOTE}{listed} (keep the text in these brackets as it is, or write [your text][{shown[0]}])"


def shortcut_labels(notes: Iterable[str]) -> frozenset[str]:
    """The labels named by a :func:`shortcut_note` among an entry's extracted comments."""
    labels: set[str] = set()
    for note in notes:
        match = _SHORTCUT_NOTE_RE.match(note)
        if match:
            labels.update(normalize_label(label) for label in re.findall(r"\[([^\[\]\n]+)\]", match.group(1)))
    return frozenset(labels)


def _with_shortcut_note(slot: Slot, labels: frozenset[str]) -> Slot:
    segment = slot.segment
    if segment.syntax == "text":
        return slot
    collapsed = tuple(shown for shown, label in REFERENCE_LINK_RE.findall(CODE_SPAN_RE.sub(" ", segment.text)) if not label)
    shown = tuple(label for label in collapsed if normalize_label(label) in labels) + shortcut_references(segment.text, labels)
    if not shown:
        return slot
    shown = tuple(sorted(shown, key=lambda label: segment.text.find(f"[{label}]")))
    return replace(slot, segment=replace(segment, notes=segment.notes + (shortcut_note(shown),)))


def unwrap_lines(lines: list[str]) -> str:
    """Join a block's lines: soft breaks become one space, hard breaks stay ``"  \\n"``."""
    parts: list[str] = []
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if number:
            line = line.lstrip(" \t")
        if number == last:
            parts.append(line)
        elif line.endswith("  ") and line.strip():
            parts.append(line.rstrip(" ") + "  \n")
        else:
            parts.append(line.rstrip(" \t") + " ")
    return "".join(parts)


_CODE_SPAN = re.compile(r"(`+).*?(?<!`)\1(?!`)", re.DOTALL)


def _opens_emphasis(text: str, mark: str) -> bool:
    """The run of ``mark`` ending ``text`` is not closing an earlier run (an even number precede it)."""
    text = _CODE_SPAN.sub(lambda m: " " * len(m.group()), text)
    runs = [m for m in re.finditer(re.escape(mark) + "+", text) if not _escaped(text, m.start())]
    if not runs or runs[-1].end() != len(text):
        return False
    if mark == "_":
        runs = [m for m in runs if not (text[m.start() - 1 : m.start()].isalnum() and text[m.end() : m.end() + 1].isalnum())]
    return len(runs[:-1]) % 2 == 0


def _escaped(text: str, index: int) -> bool:
    """The character at ``index`` follows an odd number of backslashes."""
    run = len(text[:index]) - len(text[:index].rstrip("\\"))
    return run % 2 == 1


def _after_hashes(source: str, start: int) -> int:
    while start < len(source) and source[start] == "#":
        start += 1
    return start


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n":
        position += 1
    return position


def _link_title_span(text: str, position: int, *, destination: bool = True) -> tuple[int, int] | None:
    """Span of the title inside ``(dest "title")`` (from after ``(``) or after a destination."""
    if destination:
        result = parseLinkDestination(text, _skip_spaces(text, position), len(text))
        if not result.ok:
            return None
        position = result.pos
    start = _skip_spaces(text, position)
    if start >= len(text) or text[start] not in "\"'(":
        return None
    title = parseLinkTitle(text, start, len(text))
    if not title.ok or not title.str:
        return None
    return start + 1, title.pos - 1


def _is_lone_image(text: str) -> bool:
    children = mdparse.parse_inline(text)
    if not children or children[0].type != "image":
        return False
    rest = "".join(child.content for child in children[1:] if child.type == "text")
    others = [child for child in children[1:] if child.type not in ("text", "softbreak")]
    return not others and (not rest.strip() or bool(_INLINE_ATTR_RE.match(rest)))


def _table_cells(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of one table row, split exactly as markdown-it splits it."""
    while start < end and source[start] in mdparse.TRIM:
        start += 1
    while end > start and source[end - 1] in mdparse.TRIM:
        end -= 1
    cells: list[tuple[int, int]] = []
    cell_start, escaped = start, False
    for position in range(start, end):
        char = source[position]
        if char == "|" and not escaped:
            cells.append((cell_start, position))
            cell_start = position + 1
        escaped = char == "\\"
    cells.append((cell_start, end))
    if cells and cells[0][0] == cells[0][1]:
        cells.pop(0)
    if cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return [_trim_cell(source, cell) for cell in cells]


def _trim_cell(source: str, cell: tuple[int, int]) -> tuple[int, int]:
    start, end = cell
    while start < end and source[start] in mdparse.TRIM:
        start += 1
    while end > start and source[end - 1] in mdparse.TRIM:
        end -= 1
    return start, end


def _pipe_in_code_span(row: str) -> bool:
    """True if an unescaped ``|`` lies inside a backtick code span of a table row."""
    if "`" not in row:
        return False
    position = 0
    while position < len(row):
        char = row[position]
        if char == "\\":
            position += 2
            continue
        if char != "`":
            position += 1
            continue
        rest = row[position:]
        run = len(rest) - len(rest.lstrip("`"))
        fence = "`" * run
        close = _closing_backticks(row, position + run, fence)
        if close < 0:
            position += run
            continue
        inside = row[position + run : close]
        if re.search(r"(?<!\\)\|", inside):
            return True
        position = close + run
    return False


def _closing_backticks(row: str, start: int, fence: str) -> int:
    position = row.find(fence, start)
    while position >= 0:
        after = position + len(fence)
        if (after >= len(row) or row[after] != "`") and row[position - 1] != "`":
            return position
        position = row.find(fence, after)
    return -1


def _block_level_tags() -> frozenset[str]:
    global _BLOCK_TAGS
    if _BLOCK_TAGS is None:
        from markdown.util import BLOCK_LEVEL_ELEMENTS

        _BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
    return _BLOCK_TAGS


_BLOCK_TAGS: frozenset[str] | None = None
