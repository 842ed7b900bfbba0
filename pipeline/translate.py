"""Apply a catalogue to a Markdown source: translated Markdown plus what fell back.

    render_article(source_text, path, lookup, *, mark=None) -> Rendered

is a :func:`pipeline.segment.walk` whose callback looks each segment up:

* ``lookup(segment) -> str | None`` gives the translation, or None to fall back to
  the source text (untranslated, fuzzy). :func:`render_with_catalog` does the
  lookup in a :class:`~pipeline.pofile.Catalog` (translated, non-fuzzy entries
  only) and tells fuzzy from untranslated; :func:`translate_file` is what
  ``medloc translate`` runs.
* Translations are spliced into the original source lines, so everything that is
  not a segment (front matter keys, list markers and numbering, table pipes,
  code, comments) is kept byte for byte. A translation equal to its msgid
  changes nothing: a catalogue with ``msgstr == msgid`` reproduces the source.
* A translation that would break the structure is refused for that segment
  (the source text is used, a :class:`Fallback` with reason ``"refused"`` and a
  warning are recorded). Refused: line breaks in a heading, table cell or
  title; a paragraph translation that would start a list, heading, quote, table,
  code or a second block; an unescaped ``|`` in a table cell; raw HTML the
  source segment does not have (``<script>``, event handlers, ...);
  ``javascript:``/``data:`` URLs; link or image targets or footnote references that differ from the
  source's (a reference link ``[text][label]`` by its label: the definition is
  elsewhere). Every translated document is segmented again and compared with
  the source (same blocks, same segments, each holding its translation); a
  translation that changes anything else is refused too.
* ``mark(segment, text) -> str`` (optional) wraps fallback text, e.g. in
  ``<span lang="en" class="medloc-fallback">``, so the site can show it. It is
  applied to fallbacks only, and its output is verified like a translation.
* ``pivots`` (optional): translations into other languages tried, in order, for
  a segment that falls back, before the source text: a Russian reader of a
  Korean article gets the English translation of an untranslated paragraph,
  not the Korean original. A pivot text is checked like a translation, marked
  with the pivot's own ``mark``, and its :class:`Fallback` records the language
  shown (``shown``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from . import mdparse
from .config import Config
from .errors import Diagnostic, Location, PipelineError
from .fsio import read_text
from .languages import get_language
from .pofile import Catalog, make_header, read_po
from .segment import (
    FOOTNOTE_REF_RE,
    FRONT_MATTER_KEY_OF,
    Segment,
    Segmented,
    Slot,
    article_lang,
    article_slug,
    expand_shortcuts,
    reference_labels,
    segment_source,
    shortcut_labels,
    splice,
    unwrap_lines,
    walk_segmented,
)

FallbackReason = Literal["untranslated", "fuzzy", "refused"]
Lookup = Callable[[Segment], "str | None"]
Mark = Callable[[Segment, str], str]


@dataclass(frozen=True, slots=True)
class Fallback:
    segment: Segment
    reason: FallbackReason
    message: str = ""
    shown: str | None = None
    """Language code of the pivot translation shown instead (None: the source text)."""


@dataclass(slots=True)
class Rendered:
    text: str
    """The translated Markdown source."""
    total: int
    """Number of segments in the article."""
    fallbacks: list[Fallback] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    front_matter: dict[str, str] | None = None
    """The string values of the front matter keys that are segments (title, description) as
    the text shows them, when known without reading its YAML again: every replacement was
    kept as spliced and each key occurs once. None: read the text's front matter."""

    @property
    def translated(self) -> int:
        return self.total - len(self.fallbacks)


@dataclass(frozen=True, slots=True)
class Found:
    """What a lookup found for one segment."""

    text: str | None
    """The translation, or None to fall back."""
    reason: FallbackReason = "untranslated"
    """Why there is no translation (when ``text`` is None)."""
    where: Location | None = None
    """The catalogue entry, for findings."""


Resolve = Callable[[Segment], Found]


@dataclass(frozen=True, slots=True)
class Pivot:
    """A translation into another language, shown when the reader's language has none."""

    lang: str
    """Its language code (recorded in :attr:`Fallback.shown`)."""
    resolve: Resolve
    mark: Mark | None = None


# --------------------------------------------------------------------------- public API


def render_article(source_text: str, path: str, lookup: Lookup, *, mark: Mark | None = None) -> Rendered:
    """Render ``source_text`` with translations from ``lookup`` (None: fall back)."""
    return render_segmented(segment_source(source_text, path), lambda segment: Found(lookup(segment)), mark=mark)


def render_with_catalog(source_text: str, path: str, catalog: Catalog, *, mark: Mark | None = None) -> Rendered:
    """Render with a catalogue: translated non-fuzzy entries replace their segment."""
    return render_segmented(segment_source(source_text, path), catalog_resolver(catalog), mark=mark)


def translate_file(config: Config, source_path: Path, *, lang: str | None = None, po: Path | None = None) -> Rendered:
    """``medloc translate``: the article in ``lang`` (project catalogue) or with ``po``."""
    path = config.relative(source_path)
    segmented = segment_source(read_text(source_path), path)
    if po is not None:
        catalog = read_po(po)
        rendered = render_segmented(segmented, catalog_resolver(catalog))
        target = lang or catalog.header_fields().get("Language", "").strip()
        if target:
            rendered.text = with_lang(rendered.text, get_language(target).code)
        return rendered
    if lang is None:
        raise PipelineError("give --lang LANG or --po FILE.po")
    language = config.language(lang)
    front = segmented.front_matter
    if language.code == article_lang(front, config.source_language.code):
        return Rendered(segmented.source, len(segmented.slots))
    po_path = config.po_path(language, article_slug(front, path))
    if not po_path.is_file():
        rendered = render_segmented(segmented, catalog_resolver(_empty_catalog()))
        message = f"no catalogue for {language.code}; showing the source text (run: medloc init {language.code})"
        rendered.diagnostics.insert(0, Diagnostic(Location(config.relative(po_path)), message, code="po-missing"))
        return rendered  # all source text: it keeps the source's language
    rendered = render_segmented(segmented, catalog_resolver(read_po(po_path)))
    rendered.text = with_lang(rendered.text, language.code)
    return rendered


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)
_LANG_LINE = re.compile(r"^lang[ \t]*:.*$", re.M)


def with_lang(text: str, code: str) -> str:
    """``text`` whose front matter says ``lang: code`` (the key replaced or added; nothing else changes).

    A translated article is in the target language: kept as the source's ``lang``,
    the file would be taken for another original in the source language.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return f"---\nlang: {code}\n---\n{text}"
    body = match.group(1) or ""
    start = match.start(1) if match.group(1) is not None else text.index("\n") + 1
    if _LANG_LINE.search(body):
        body = _LANG_LINE.sub(f"lang: {code}", body, count=1)
    else:
        body += f"lang: {code}\n"
    return text[:start] + body + text[start + len(match.group(1) or "") :]


def catalog_resolver(catalog: Catalog) -> Resolve:
    """Lookup in ``catalog``: translated entries, fuzzy and missing ones told apart."""
    entries = catalog.index()
    shown = catalog.path or "catalogue"

    def resolve(segment: Segment) -> Found:
        entry = entries.get((segment.context, segment.text))
        if entry is None or entry.msgid_plural is not None or not entry.msgstr:
            return Found(None, "untranslated")
        where = Location(shown, entry.msgstr_line or entry.line or None)
        if entry.fuzzy:
            return Found(None, "fuzzy", where)
        return Found(entry.msgstr, where=where)

    return resolve


def _empty_catalog() -> Catalog:
    return Catalog(header=make_header({"Content-Type": "text/plain; charset=UTF-8"}))


# --------------------------------------------------------------------------- rendering


def render_segmented(
    segmented: Segmented, resolve: Resolve, *, mark: Mark | None = None, pivots: Sequence[Pivot] = ()
) -> Rendered:
    """The core: a :func:`~pipeline.segment.walk` whose callback resolves, checks and marks."""
    return _Renderer(segmented, resolve, mark, tuple(pivots)).render()


class _Renderer:
    """State of one render: what each segment resolved to, and what was marked."""

    def __init__(self, segmented: Segmented, resolve: Resolve, mark: Mark | None, pivots: tuple[Pivot, ...] = ()) -> None:
        self.segmented = segmented
        self.resolve = resolve
        self.mark = mark
        self.pivots = pivots
        self.rendered = Rendered(segmented.source, len(segmented.slots), diagnostics=list(segmented.diagnostics))
        self.found: dict[Segment, Found] = {}
        self.marked: set[Segment] = set()
        self.pivoted: dict[Segment, int] = {}
        """Segments showing a pivot translation -> index of their Fallback."""

    def render(self) -> Rendered:
        walked = walk_segmented(self.segmented, self.translate)
        if walked.replacements:
            self.rendered.text = self.verified(dict(walked.replacements), spliced=walked.text)
        if self.rendered.text is walked.text:
            self.rendered.front_matter = self.front_matter(walked.replacements)
        return self.rendered

    def front_matter(self, replacements: Mapping[int, str]) -> dict[str, str] | None:
        """Front matter segment values as shown: the source's, with the replacements in YAML slots."""
        slots = [slot for slot in self.segmented.slots if slot.segment.kind in FRONT_MATTER_KEY_OF]
        keys = [FRONT_MATTER_KEY_OF[slot.segment.kind] for slot in slots]
        if len(set(keys)) != len(keys):
            return None  # a repeated key: YAML keeps the last one, leave it to a YAML reader
        source = self.segmented.front_matter
        shown = {key: source[key] for key in keys}
        for index, text in replacements.items():
            slot = self.segmented.slots[index]
            if slot.segment.kind in FRONT_MATTER_KEY_OF:
                shown[FRONT_MATTER_KEY_OF[slot.segment.kind]] = text
        return shown

    def translate(self, segment: Segment) -> str:
        found = self.found[segment] = self.resolve(segment)
        text = self.accepted(segment, found)
        if text is not None:
            return text
        for pivot in self.pivots:
            shown = _acceptable(segment, pivot.resolve(segment))
            if shown is not None:
                index = len(self.rendered.fallbacks) - 1
                self.rendered.fallbacks[index] = replace(self.rendered.fallbacks[index], shown=pivot.lang)
                self.pivoted[segment] = index
                if pivot.mark is None:
                    return shown
                self.marked.add(segment)
                return pivot.mark(segment, shown)
        if self.mark is None:
            return segment.text
        self.marked.add(segment)
        return self.mark(segment, segment.text)

    def accepted(self, segment: Segment, found: Found) -> str | None:
        """The translation to splice, or None after recording why the source is used."""
        if found.text is None:
            self.rendered.fallbacks.append(Fallback(segment, found.reason))
            return None
        text = found.text.strip()
        if not text:
            self.rendered.fallbacks.append(Fallback(segment, "untranslated"))
            return None
        if text == segment.text:
            return text
        problem = check_translation(segment, text)
        if problem is not None:
            self.refuse(segment, found, problem)
            return None
        return text

    def refuse(self, segment: Segment, found: Found, problem: str) -> None:
        self.rendered.fallbacks.append(Fallback(segment, "refused", problem))
        path = self.segmented.path
        where = found.where or Location(path, segment.line)
        message = f"translation of {segment.kind} at {path}:{segment.line} refused: {problem}; the source text is used"
        self.rendered.diagnostics.append(Diagnostic(where, message, "warning", "translation-refused"))

    def verified(self, replacements: dict[int, str], *, spliced: str) -> str:
        """Splice, segment the result again, drop replacements that changed the structure.

        When every replacement is :func:`inert` in its slot the structure cannot change,
        and the document is not segmented again (tests/test_translate.py checks that law).
        """
        slots = self.segmented.slots
        if all(inert(slots[index], text) for index, text in replacements.items()):
            return spliced
        while replacements:
            text = splice(self.segmented, replacements)
            if _same_structure(self.segmented, text, replacements):
                return text
            for index in _culprits(self.segmented, replacements):
                del replacements[index]
                self.drop(self.segmented.slots[index].segment)
        return self.segmented.source

    def drop(self, segment: Segment) -> None:
        """A replacement failed verification: unmark a fallback, refuse a translation."""
        index = self.pivoted.pop(segment, None)
        if index is not None:
            fallback = self.rendered.fallbacks[index]
            self.rendered.fallbacks[index] = replace(fallback, shown=None)
            where = Location(self.segmented.path, segment.line)
            message = f"{fallback.shown} text not shown for {segment.kind}: it would change the structure; the source text is used"
            self.rendered.diagnostics.append(Diagnostic(where, message, "warning", "fallback-pivot-dropped"))
            return
        if segment not in self.marked:
            self.refuse(segment, self.found[segment], "it changes the structure of the document around it")
            return
        where = Location(self.segmented.path, segment.line)
        message = f"fallback marker not applied to {segment.kind}: it would change the structure"
        self.rendered.diagnostics.append(Diagnostic(where, message, "warning", "fallback-mark-dropped"))


_SPAN_OPEN = re.compile(r'<span(?: [a-z-]+="[^"<>|\n\\]*")*>')
# One C-level scan (a set test per character costs more for long texts).
_NOT_INERT = re.compile("[|\\\\`<>\n\r\x00]")
# Characters YAML reads as line breaks or refuses, which json.dumps leaves as they are.
_YAML_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_MD_UNSAFE = re.compile("[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")


def inert(slot: Slot, text: str) -> bool:
    """``text`` in ``slot`` cannot change any block or segment of the document.

    Inert: any one-line text in a YAML value (written as a JSON string); in a
    paragraph, heading or table cell, one line that cannot start or end a block
    (:func:`_plainly_inline`; in a level 3-6 heading it may start with ``1.``) and has no
    ``|``, ``\\``, backquote or HTML; or one
    line without those characters wrapped in one ``<span attr="...">`` (the fallback marker).
    """
    if slot.encoding == "yaml":
        return _YAML_UNSAFE.search(text) is None
    if _MD_UNSAFE.search(text) is not None:
        return False  # line separators of other conventions: leave them to the full check
    if slot.encoding != "markdown" or slot.segment.syntax not in ("block", "line", "cell"):
        return False
    opening = _SPAN_OPEN.match(text)
    if opening is not None and text.endswith("</span>"):
        # The line starts with the tag and ends with "</span>": what the text inside starts
        # or ends with cannot begin or end a block (a tag followed by text is no HTML block).
        inside = text[opening.end() : -len("</span>")]
        return bool(inside.strip()) and _NOT_INERT.search(inside) is None
    numbered = _ORDERED_MARKER.match(text) if slot.segment.kind in _ATX_ONLY else None
    if numbered is not None and text[numbered.end() : numbered.end() + 1] == " ":
        # "### 1. Biomaterials": after a heading's hashes, a list marker is just text
        # (levels 3-6 are always "#" headings; a setext "1. x\n===" would be a list).
        text = text[numbered.end() + 1 :]
    return _plainly_inline(text) and _NOT_INERT.search(text) is None


def _acceptable(segment: Segment, found: Found) -> str | None:
    """A pivot's text for ``segment`` if it is a usable translation (its own page reports it if not)."""
    text = found.text.strip() if found.text is not None else ""
    if not text:
        return None
    return text if text == segment.text or check_translation(segment, text) is None else None


def _culprits(segmented: Segmented, replacements: dict[int, str]) -> list[int]:
    """Replacements that break the structure on their own (all of them if only together)."""
    bad = [i for i, text in replacements.items() if not _same_structure(segmented, splice(segmented, {i: text}), {i: text})]
    return bad or list(replacements)


def _same_structure(segmented: Segmented, text: str, replacements: Mapping[int, str]) -> bool:
    """``text`` has the blocks of the source, and every segment holds what was spliced into it."""
    try:
        again = segment_source(text, segmented.path)
    except PipelineError:
        return False
    if again.shape != segmented.shape or len(again.slots) != len(segmented.slots):
        return False
    for index, (before, after) in enumerate(zip(segmented.slots, again.slots)):
        expected = _as_extracted(before.segment, replacements[index]) if index in replacements else before.segment.text
        if after.segment.kind != before.segment.kind or after.segment.text != expected:
            return False
    return True


def _as_extracted(segment: Segment, text: str) -> str:
    return unwrap_lines(text.split("\n")) if segment.syntax == "block" else text


# --------------------------------------------------------------------------- checks


def check_translation(segment: Segment, text: str) -> str | None:
    """Why ``text`` cannot replace ``segment`` (None: it can)."""
    labels = shortcut_labels(segment.notes) if segment.notes else frozenset()
    if labels:  # [NICE] is a link on this page (it defines the label): its text is its label
        return _checked(segment.kind, segment.syntax, expand_shortcuts(segment.text, labels), expand_shortcuts(text, labels))
    return _checked(segment.kind, segment.syntax, segment.text, text)


@lru_cache(maxsize=16384)
def _checked(kind: str, syntax: str, source: str, text: str) -> str | None:
    """:func:`check_translation` by value: a msgstr repeated across pages and languages is checked once."""
    if _plainly_acceptable(syntax, source, text):
        return None
    segment = Segment(source, kind, 0, syntax=syntax)  # type: ignore[arg-type]
    for check in (_check_html, _check_targets, _check_lines, _check_shape):
        problem = check(segment, text)
        if problem is not None:
            return problem
    return None


def _plainly_acceptable(syntax: str, source: str, text: str) -> bool:
    """Every check passes, without running them: the usual translation of the usual segment.

    Neither text has raw HTML, autolinks, inline or reference links or footnote references (no
    ``<``, ``](``, ``][`` or ``[^``: both have no tags and no targets), the translation has no ``script`` (no ``javascript:``), is one
    line, has no ``|`` in a cell, and cannot start or end a block (:func:`_plainly_inline`).
    ``tests/test_translate.py`` checks with Hypothesis that the full checks agree.
    """
    if any(mark in both for mark in ("<", "](", "][", "[^") for both in (text, source)) or "\n" in text:
        return False
    if "script" in text.lower() or (syntax == "cell" and "|" in text):
        return False
    return syntax == "text" or _plainly_inline(text)


_SINGLE_LINE_KINDS = (
    "heading", "table cell", "image alt", "image title", "link title",
    "admonition title", "content tab title", "abbreviation", "front matter tag", "front matter subtitle",
)


def _check_lines(segment: Segment, text: str) -> str | None:
    if "\n" not in text:
        return None
    for noun in _SINGLE_LINE_KINDS:
        if segment.kind.startswith(noun):
            return f"a line break is not allowed in a {noun}"
    return None


def _check_shape(segment: Segment, text: str) -> str | None:
    """Parse the translation on its own: it must be exactly one block of the same kind."""
    if segment.syntax == "cell":
        return _check_cell(text)
    if _plainly_inline(text):
        return None
    if segment.syntax == "block":
        return _check_alone(text, unwrap_lines(text.split("\n")), "paragraph", index=0, block="paragraph_open")
    if segment.syntax == "line":
        return _check_alone(f"# {text}", text, "heading 1", index=0, block="heading_open")
    return None


def _check_cell(text: str) -> str | None:
    escaped = False
    for char in text:
        if char == "|" and not escaped:
            return "unescaped '|' in a table cell (it would split the cell); write \\|"
        escaped = char == "\\"
    if _plainly_inline(text):
        return None
    return _check_alone(f"| x |\n|---|\n| {text} |", text, "table cell r2c1", index=1, block="table_open")


_BLOCK_STARTERS = frozenset("#>-+*=_|!?<[{:`~0123456789\\ \t")
# A line starting with "[" is a block (link reference or footnote definition) only with "]:";
# one starting with digits only as "1." or "1)" (a numbered list).
_ORDERED_MARKER = re.compile(r"[0-9]+[.)]")
_ATX_ONLY = frozenset(f"heading {level}" for level in range(3, 7))


def _plainly_inline(text: str) -> bool:
    """One line that cannot start or end a block: no need to parse it to know.

    ``tests/test_translate.py`` checks with Hypothesis that every text this accepts
    passes the full parse (:func:`_check_alone`) in a paragraph, heading and table cell.
    """
    if not text or "\n" in text or "\r" in text or "\x00" in text or text[-1] in ("#", "}"):
        return False
    first = text[0]
    if first == "[":
        return "]:" not in text
    if first in "0123456789":
        return _ORDERED_MARKER.match(text) is None
    if first in "*_+-":
        # "**bold**" or "-x": a list marker needs a space after it, a rule only these characters.
        return text[1:2] not in ("", " ", "\t", "[") and text.strip(first + " \t") != ""
    return first not in _BLOCK_STARTERS


def _check_alone(document: str, expected: str, kind: str, *, index: int, block: str) -> str | None:
    """``document`` (the translation in a minimal context) must give back exactly one such segment."""
    try:
        segmented = segment_source(document, "translation")
    except PipelineError as exc:
        return _describe(document, block) or str(getattr(exc, "message", exc))
    kinds = [slot.segment.kind for slot in segmented.slots]
    if len(kinds) != index + 1 or kinds[index] != kind or segmented.slots[index].segment.text != expected:
        return _describe(document, block) or "its Markdown would be read as something else"
    return None


_BLOCK_NAMES = {
    "paragraph_open": "it would end the block and start a paragraph",
    "bullet_list_open": "it would start a list",
    "ordered_list_open": "it would start a numbered list",
    "heading_open": "it would start a heading",
    "blockquote_open": "it would start a quote",
    "table_open": "it would make a table",
    "fence": "it would start a code block",
    "code_block": "it would start a code block",
    "html_block": "it would start raw HTML",
    "hr": "it would make a horizontal rule",
    "admonition_open": "it would start an admonition",
    "details_open": "it would start an admonition",
    "tab_open": "it would start a content tab",
    "footnote_reference_open": "it would define a footnote",
    "abbreviation": "it would define an abbreviation",
    "reference": "it would define a link reference",
}


def _describe(document: str, block: str) -> str | None:
    """What a translation turns into, when it is not the one ``block`` it should be."""
    tokens = [t for t in mdparse.parse_blocks(document) if t.level == 0 and t.nesting >= 0 and t.type != "inline"]
    for token in tokens:
        if token.type != block and token.type in _BLOCK_NAMES:
            return _BLOCK_NAMES[token.type]
    if sum(t.type == block for t in tokens) > 1:
        return "it has a blank line, which starts a new block"
    return None


def _check_html(segment: Segment, text: str) -> str | None:
    lowered = text.lower()
    for danger in ("<script", "javascript:", "vbscript:"):
        if danger in lowered and danger not in segment.text.lower():
            return f"it adds {danger!r}, which the source does not have"
    tags = _inline_facts(text)[0]
    added = tags and Counter(tags) - Counter(_inline_facts(segment.text)[0])
    if added:
        return f"it adds raw HTML the source does not have ({', '.join(sorted(added))}); use Markdown"
    return None


def _check_targets(segment: Segment, text: str) -> str | None:
    if segment.syntax == "text":
        return None
    if _targets(segment.text) == _targets(text):
        return None
    before, after = Counter(_targets(segment.text)), Counter(_targets(text))
    if before == after:
        return None
    added, dropped = after - before, before - after
    parts = [f"adds {', '.join(sorted(added))}" if added else "", f"drops {', '.join(sorted(dropped))}" if dropped else ""]
    return "link or image targets differ from the source: " + "; ".join(p for p in parts if p)


def _targets(text: str) -> tuple[str, ...]:
    """Link and image targets, reference links by their label (the definition is elsewhere) and
    footnote references (a dropped one leaves its footnote dangling: ``build --strict`` fails)."""
    references = tuple(f"reference [{label}]" for label in reference_labels(text))
    return _inline_facts(text)[1] + references + tuple(f"footnote {ref}" for ref in FOOTNOTE_REF_RE.findall(text))


@lru_cache(maxsize=8192)
def _inline_facts(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(raw HTML tags, link and image targets) of inline Markdown."""
    if "<" not in text and "](" not in text:
        # Raw HTML and autolinks need "<", inline links and images "](" (parsed alone,
        # a text has no reference definitions); tests/test_translate.py checks this law.
        return (), ()
    simple = _simple_link_targets(text)
    if simple is not None:
        return (), simple
    return parsed_inline_facts(text)


def parsed_inline_facts(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(raw HTML tags, link and image targets) as markdown-it reads ``text``: no shortcut."""
    tags, targets = [], []
    for token in mdparse.parse_inline(text):
        if token.type == "html_inline":
            tags.append(" ".join(token.content.split()))
        elif token.type == "link_open":
            targets.append(f"link {token.attrs.get('href', '')}")
        elif token.type == "image":
            targets.append(f"image {token.attrs.get('src', '')}")
    return tuple(tags), tuple(targets)


# One pair of brackets without brackets inside: a link ``[label](destination)`` when a
# destination follows with nothing markdown-it reads specially (no space, control character,
# parenthesis, quote, "<", ">", "&", "\\" or bracket: no title, no entity or escape to decode);
# else not followed by "(" or "[" (a bare "[ko]", which only a reference definition makes a link).
_BRACKETS = re.compile(r"\[[^\[\]\n\\]*\](?:\(([^\x00-\x20\x7f()<>\[\]\\&\"']+)\)|(?![(\[]))")
_NOT_SIMPLE = ("<", "`", "\\", "![", "\x00", "\r")


def _simple_link_targets(text: str) -> tuple[str, ...] | None:
    """Link targets of a text whose brackets are all plain links or bare pairs (None: parse it).

    Without "<" there is no raw HTML or autolink; without backquotes no code span and
    without "\\" no escape that could hide a link; without "![" no image. When every
    "[" and "]" belongs to one flat :data:`_BRACKETS` pair, each pair with a destination
    is exactly one link (emphasis and entities cannot change that; markdown-it normalises
    its href with ``normalizeLink``) and each bare pair is text: a lone text has no
    reference definitions. ``tests/test_translate.py`` checks this against the parser.
    """
    if any(mark in text for mark in _NOT_SIMPLE):
        return None
    if "[" not in text and "]" not in text:
        return ()
    matches = list(_BRACKETS.finditer(text))
    rest = _BRACKETS.sub("", text)
    if "[" in rest or "]" in rest:
        return None
    return tuple(f"link {_normalized_link(match.group(1))}" for match in matches if match.group(1) is not None)


@lru_cache(maxsize=4096)
def _normalized_link(url: str) -> str:
    """markdown-it's ``normalizeLink`` (a pure function of the URL): the same URLs recur in every language."""
    return mdparse.full_parser().normalizeLink(url)
