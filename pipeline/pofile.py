"""PO and POT files: a strict reader and a writer byte-identical to GNU gettext.

CONTRACT (other stages code against it):

* :class:`Message` and :class:`Catalog` are the in-memory model of a PO file.
  Everything in the file survives a read/write round trip: translator
  comments, extracted comments, references, flags, previous msgids
  (``#|``), obsolete entries (``#~``), plural forms, msgctxt.
* :func:`parse_po` refuses malformed input with :class:`~pipeline.errors.PoSyntaxError`
  carrying ``path:line`` (1-based). It never silently shortens or drops text.
  A UTF-8 BOM and CRLF line ends are repaired, each with a warning
  :class:`~pipeline.errors.Diagnostic` in ``Catalog.diagnostics``.
* :func:`format_po` writes exactly what GNU ``msgcat`` (gettext 0.21) writes
  for the same catalogue, so ``msgcat`` leaves a medloc-written file unchanged.
* :func:`write_po` writes atomically and only when the bytes change.

Writer rules (copied from gettext's ``write-po.c`` and checked against msgcat):

* Entry order: header, active entries, then obsolete entries, each group in
  catalogue order. Obsolete entries whose first msgstr is empty are not written
  (msgcat drops them too); on obsolete entries only the fuzzy, ``*-format`` and
  ``no-wrap`` flags are written, as in msgcat.
* Comment order: ``# `` translator, ``#.`` extracted, ``#:`` references
  (deduplicated, a leading ``./`` removed, packed up to 79 columns counting
  bytes), ``#,`` flags, ``#|`` previous msgctxt/msgid/msgid_plural.
* Flags are written on one line in gettext's order: fuzzy (only when the first
  msgstr is non-empty), ``*-format`` flags in gettext's language order
  (``possible-X`` written as ``X``, ``impossible-X`` dropped, the last of
  ``X``/``no-X`` wins), ``range:``, ``no-wrap`` (``wrap`` is the default and
  not written). Flags gettext does not know are kept, after those.
* Strings: escapes ``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"``; a string is split
  after each embedded newline; a string that needs more than one line starts
  with ``msgid ""``; lines are filled to 79 columns of *display width* with
  libunistring's UAX #14 line breaking (ported in :mod:`pipeline._linebreak`
  with libunistring 1.0's tables): never inside an escape, never before a final
  ``\\n``, never inside a C or Python format directive when the entry has that
  format flag (:mod:`pipeline._poformat`). ``no-wrap`` entries are split only
  after newlines.

Reader rules: the full PO grammar (header, every comment kind, ``#|`` and
``#~|`` previous fields with continuation lines, msgctxt, plurals, obsolete
entries, several strings on a line, indentation, octal and hex escapes that
must form UTF-8). ``Message.line`` is the entry's first line (comments
included), ``Message.msgstr_line`` its msgstr line.

Deliberate differences from GNU gettext 0.21 (all make medloc stricter or
keep more; each bad case is in tests/pofile/bad/ and cross-checked with
``msgfmt --check``):

* Refused, although msgfmt accepts them: comments that belong to no entry at
  the end of the file (a file cut between entries), a string continuation line
  after a blank line, a comment or lone CR inside an entry, a comment line
  ending in a backslash (gettext silently joins the next line into it), NUL
  bytes or ``\\0`` escapes (gettext truncates the string there), escapes that
  do not form UTF-8, a header without ``Content-Type`` charset, any charset but
  UTF-8 (a ``.pot`` may keep the placeholder ``CHARSET`` while it is pure
  ASCII, as msgcat allows), an empty file, the ``domain`` keyword, and a
  translated *fuzzy* plural entry whose number of forms differs from
  ``nplurals`` (msgfmt skips fuzzy entries; medloc would lose text merging it).
* Several ``#,`` lines on one entry are combined (gettext keeps only the last
  line, which can lose a ``fuzzy`` flag). Unknown flags are kept (msgcat drops
  them). An obsolete entry with an empty ``msgstr[0]`` but a non-empty later
  form is kept (msgcat drops it, losing that form).
* The header entry may appear anywhere; it is written first, with a
  ``po-header-position`` warning.
* Only ``c-format`` and ``python-format`` directives are protected from line
  breaks; strings flagged with another ``*-format`` may wrap differently from
  msgcat when a directive falls on a line end.
* msgcat writes nothing at all for a catalogue with no messages; medloc writes
  the header.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Literal
from ._poformat import directive_interiors
from .errors import Diagnostic, InputError, Location, PoSyntaxError
from .fsio import Snapshot, decode_utf8, read_bytes, write_text_atomic

if TYPE_CHECKING:
    from . import _linebreak


def _breaker():  # type: ignore[no-untyped-def]
    """:mod:`pipeline._linebreak`, imported on first write (its tables cost readers 0.1 s)."""
    from . import _linebreak

    return _linebreak

FileKind = Literal["po", "pot"]


@dataclass(slots=True)
class Message:
    """One PO entry."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)
    """Plural translations ``msgstr[0..n-1]``; used instead of ``msgstr`` when ``msgid_plural`` is set."""
    translator_comments: list[str] = field(default_factory=list)
    """``# text`` lines, without the leading ``# ``."""
    extracted_comments: list[str] = field(default_factory=list)
    """``#. text`` lines, without the leading ``#. ``."""
    references: list[str] = field(default_factory=list)
    """``#:`` items such as ``docs/sciatica.md:12``."""
    flags: list[str] = field(default_factory=list)
    """``#,`` items such as ``fuzzy``, in file order (the writer puts them in gettext's order)."""
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = field(default=0, compare=False)
    """1-based line where the entry starts in the file it was read from (0: not read from a file).

    The entry starts at its first comment line, or at its first keyword when it has no comments.
    Not part of equality: the same message read from two places compares equal.
    """
    msgstr_line: int = field(default=0, compare=False)
    """1-based line of the ``msgstr`` (or ``msgstr[0]``) keyword (0: not read from a file)."""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not value and "fuzzy" in self.flags:
            self.flags.remove("fuzzy")

    @property
    def has_translation(self) -> bool:
        """Some translation text exists (fuzzy or not)."""
        if self.msgid_plural is not None:
            return any(self.msgstr_plural)
        return bool(self.msgstr)

    @property
    def translated(self) -> bool:
        """Complete, non-fuzzy translation: the state gettext counts as translated."""
        if self.fuzzy or self.obsolete:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)


@dataclass(slots=True)
class Catalog:
    """A PO/POT file: the header entry plus messages in file order."""

    header: Message
    """The ``msgid ""`` entry; its ``msgstr`` holds ``Name: value\\n`` lines."""
    messages: list[Message] = field(default_factory=list)
    """Every other entry in file order, obsolete ones included."""
    path: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Warnings from reading: repaired BOM (``po-bom``) or CRLF (``po-crlf``), header not first
    (``po-header-position``), no newline at the end (``po-no-final-newline``)."""
    snapshot: Snapshot | None = None
    """What the file looked like when read (for safe rewrite)."""

    def header_fields(self) -> dict[str, str]:
        """``Name: value`` lines of the header, in order (lines without a colon are skipped)."""
        return parse_header(self.header.msgstr)

    def set_header_field(self, name: str, value: str) -> None:
        """Replace the value of ``name`` in place, or append the field at the end."""
        lines = self.header.msgstr.split("\n")
        new = f"{name}: {value}"
        for i, line in enumerate(lines):
            if line.partition(":")[0].strip() == name and ":" in line:
                lines[i] = new
                break
        else:
            if lines and lines[-1] == "":
                lines[-1] = new
                lines.append("")
            else:
                lines.append(new)
                lines.append("")
        self.header.msgstr = "\n".join(lines)

    def find(self, msgid: str, msgctxt: str | None = None, *, obsolete: bool = False) -> Message | None:
        """The active (or, with ``obsolete=True``, obsolete) entry with this key; linear scan.

        For many lookups build a dict once with :meth:`index`.
        """
        for message in self.messages:
            if message.msgid == msgid and message.msgctxt == msgctxt and message.obsolete == obsolete:
                return message
        return None

    def index(self, *, obsolete: bool = False) -> dict[tuple[str | None, str], Message]:
        """``{(msgctxt, msgid): message}`` for active (or obsolete) entries."""
        return {m.key: m for m in self.messages if m.obsolete == obsolete}

    @property
    def nplurals(self) -> int:
        """``nplurals`` from ``Plural-Forms``; 2 when absent or not a number (as gettext)."""
        value = _nplurals_of(self.header_fields().get("Plural-Forms"))
        return value if value is not None else 2


def parse_header(msgstr: str) -> dict[str, str]:
    """Parse header ``Name: value`` lines into an ordered dict."""
    fields: dict[str, str] = {}
    for line in msgstr.split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip():
            fields.setdefault(name.strip(), value.strip())
    return fields


def make_header(
    fields: dict[str, str], *, comments: Iterable[str] = (), fuzzy: bool = False
) -> Message:
    """A header entry (``msgid ""``) holding ``fields`` in order."""
    msgstr = "".join(f"{name}: {value}\n" for name, value in fields.items())
    return Message(
        msgid="", msgstr=msgstr, translator_comments=list(comments), flags=["fuzzy"] if fuzzy else []
    )


_NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")


def _nplurals_of(plural_forms: str | None) -> int | None:
    if plural_forms is None:
        return None
    match = _NPLURALS_RE.search(plural_forms)
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------


def read_po(path: Path) -> Catalog:
    """Read and parse a PO/POT file; records a :class:`Snapshot` for safe rewrite."""
    data = read_bytes(path)
    catalog = parse_po(data, str(path))
    catalog.snapshot = Snapshot.of_bytes(path, data)
    return catalog


def parse_po(data: bytes, path: str, *, kind: FileKind | None = None) -> Catalog:
    """Parse PO/POT bytes strictly. Raises PoSyntaxError with ``path:line``.

    ``kind`` selects the header rules (a ``.pot`` may keep ``charset=CHARSET``
    and untranslated plural entries); by default it follows the file suffix.
    """
    if kind is None:
        kind = "pot" if path.endswith(".pot") else "po"
    diagnostics: list[Diagnostic] = []
    text = _decode(data, path, diagnostics)
    parser = _Parser(path)
    if not text.endswith("\n"):
        parser.last_line = text.count("\n") + 1
        diagnostics.append(Diagnostic(Location(path, parser.last_line),
                                      "file does not end with a newline (was it cut off?)", code="po-no-final-newline"))
    _read_lines(parser, text)
    entries = parser.finish()
    catalog = _assemble(entries, path, diagnostics)
    _check_header(catalog, path, kind, text.isascii())
    _check_plurals(catalog, path, kind)
    return catalog


def _decode(data: bytes, path: str, diagnostics: list[Diagnostic]) -> str:
    if not data:
        raise PoSyntaxError("empty file; a PO file needs at least a header entry (msgid \"\")", Location(path, 1))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        diagnostics.append(
            Diagnostic(Location(path, 1), "UTF-8 byte order mark removed", code="po-bom")
        )
    try:
        text = decode_utf8(data, path)
    except InputError as exc:
        raise PoSyntaxError(exc.message, exc.location) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PoSyntaxError("NUL byte in the file; PO files are text", Location(path, line))
    if "\r" in text:
        text = _repair_crlf(text, path, diagnostics)
    if not text.strip():
        raise PoSyntaxError("file has no entries; a PO file needs at least a header entry (msgid \"\")",
                            Location(path, 1))
    return text


def _repair_crlf(text: str, path: str, diagnostics: list[Diagnostic]) -> str:
    repaired = text.replace("\r\n", "\n")
    if "\r" in repaired:
        line = repaired[: repaired.index("\r")].count("\n") + 1
        raise PoSyntaxError("carriage return (\\r) outside a CRLF line end", Location(path, line))
    first = text[: text.index("\r\n")].count("\n") + 1
    diagnostics.append(
        Diagnostic(Location(path, first), "CRLF line ends converted to LF", code="po-crlf")
    )
    return repaired


@dataclass(slots=True)
class _Entry:
    """An entry while it is being read."""

    message: Message
    obsolete: bool | None = None
    state: str = "start"
    """start | msgctxt | msgid | msgid_plural | msgstr | msgstr_plural."""
    msgid_line: int = 0
    target: tuple[str, int] | None = None
    """The string a continuation line appends to: (field, plural index)."""
    parts: list[str] = field(default_factory=list)
    """Pieces of the target string so far (joined once: linear in the string's length)."""
    prev_state: str = "start"
    prev_obsolete: bool | None = None
    has_comments: bool = False


_BODY = r'([^"\\]*(?:\\.[^"\\]*)*)'
_STRING_RE = re.compile(f'"{_BODY}"')
_LINE_STRING_RE = re.compile(f'"{_BODY}"[ \t]*')
_KEYWORD_LINE_RE = re.compile(f'(msgctxt|msgid_plural|msgid|msgstr)(?:\\[(\\d+)\\])? "{_BODY}"[ \t]*')
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\s*\[\s*(\d+)\s*\])?(?=[\s\"]|$)")
_ESCAPE_RE = re.compile(r"\\(.?)")
_COMPLEX_ESCAPE_RE = re.compile(r"\\([0-7]{1,3}|x[0-9A-Fa-f]*|.?)")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\", '"': '"'}
_COMPLETE = ("msgstr", "msgstr_plural")


class _Parser:
    """Line-by-line state machine for the PO grammar."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: list[tuple[Message, int]] = []
        self.entry = _Entry(Message(msgid=""))
        self.line = 0
        self.last_line = 0
        """Number of the last line when the file does not end with a newline (a sign of truncation)."""

    def error(self, message: str, line: int | None = None) -> PoSyntaxError:
        return PoSyntaxError(message, Location(self.path, line or self.line))

    # -- dispatch ---------------------------------------------------------

    def feed(self, raw: str, number: int) -> None:
        self.line = number
        line = raw.lstrip(" \t") if raw[:1] in (" ", "\t") else raw
        if not line or line.isspace():
            self.close_string()
        elif line[0] == "#":
            self.comment(line)
        elif line[0] == '"':
            self.continuation(line, obsolete=False, previous=False)
        elif line.startswith("msg"):
            self.keyword(line, obsolete=False)
        elif line.startswith("domain"):
            raise self.error("the 'domain' keyword is not supported; use one file per domain")
        else:
            raise self.error(f"unexpected text {_excerpt(line)}; expected a comment, keyword or string")

    def comment(self, line: str) -> None:
        kind = line[1:2]
        if kind == "~":
            self.obsolete_line(line[2:])
            return
        if kind == "|":
            self.start_comment(keep_target=True)
            self.previous(line[2:], obsolete=False)
            return
        if line.endswith("\\"):
            raise self.error(
                "comment line ends with a backslash, which GNU gettext joins with the next line; "
                "remove the backslash or put a space after it"
            )
        self.start_comment()
        if self.entry.prev_state != "start":
            raise self.error("comment after '#|' lines; previous-source lines must come last, just before msgid")
        message = self.entry.message
        self.entry.has_comments = True
        self.touch()
        if kind == ".":
            message.extracted_comments.append(_strip_one_space(line[2:]))
        elif kind == ":":
            _add_references(message.references, line[2:])
        elif kind in (",", "!"):
            _add_flags(message.flags, line[2:])
        else:
            message.translator_comments.append(_strip_one_space(line[1:]))

    def obsolete_line(self, rest: str) -> None:
        if rest.startswith("|"):
            self.start_comment(keep_target=True)
            self.previous(rest[1:], obsolete=True)
            return
        body = rest.lstrip(" \t")
        if not body:
            return
        if body[0] == '"':
            self.continuation(body, obsolete=True, previous=False)
        elif body.startswith("msg"):
            self.keyword(body, obsolete=True)
        else:
            raise self.error(f"unexpected text {_excerpt(body)} in an obsolete (#~) entry")

    def start_comment(self, *, keep_target: bool = False) -> None:
        """A comment ends a complete entry and belongs to the next one."""
        entry = self.entry
        if not keep_target:
            self.close_string()
        if entry.state in _COMPLETE:
            self.flush()
        elif entry.state != "start":
            raise self.error(
                f"comment inside an entry: the {entry.state} keyword at line {self.last_keyword_line()} "
                "is not yet followed by its msgstr"
            )

    def last_keyword_line(self) -> int:
        return self.entry.msgid_line or self.entry.message.line

    # -- previous (#|) ------------------------------------------------------

    def previous(self, rest: str, *, obsolete: bool) -> None:
        body = rest.lstrip(" \t")
        entry = self.entry
        if entry.prev_obsolete is not None and entry.prev_obsolete != obsolete:
            raise self.error("previous-source lines mix '#|' and '#~|'")
        entry.prev_obsolete = obsolete
        entry.has_comments = True
        if body.startswith('"'):
            self.continuation(body, obsolete=obsolete, previous=True)
            return
        self.close_string()
        match = _KEYWORD_RE.match(body)
        if not match or match.group(2) is not None or match.group(1) == "msgstr":
            raise self.error(f"unexpected text {_excerpt(body)} in a previous-source (#|) line")
        name = match.group(1)
        order = {"msgctxt": ("start",), "msgid": ("start", "msgctxt"), "msgid_plural": ("msgid",)}
        if entry.prev_state not in order[name]:
            raise self.error(f"'#| {name}' out of order (after '#| {entry.prev_state}')")
        entry.prev_state = name
        value = self.strings(body[match.end():])
        setattr(entry.message, "previous_" + name, value)
        self.begin_string("previous_" + name, -1, value)
        self.touch()

    # -- keywords -----------------------------------------------------------

    def keyword(self, line: str, *, obsolete: bool) -> None:
        self.close_string()
        fast = _KEYWORD_LINE_RE.fullmatch(line)
        if fast:
            name, index, value = fast.group(1), fast.group(2), self.unescape(fast.group(3))
        else:
            name, index, value = self.parse_keyword(line)
        entry = self.entry
        if entry.state in _COMPLETE and name in ("msgctxt", "msgid"):
            self.flush()
            entry = self.entry
        if entry.obsolete is not None and entry.obsolete != obsolete:
            raise self.error("entry mixes obsolete (#~) and active lines")
        entry.obsolete = obsolete
        if entry.state == "start":
            self.check_previous()
        if index is not None:
            self.plural_msgstr(int(index), value)
            return
        getattr(self, "kw_" + name)(value)
        self.begin_string(name, -1, value)
        self.touch()

    def parse_keyword(self, line: str) -> tuple[str, str | None, str]:
        """The slow path: spaces, several strings, or an error to report."""
        match = _KEYWORD_RE.match(line)
        if not match:
            word = re.split(r'[\s"\[]', line, maxsplit=1)[0]
            raise self.error(f"unknown keyword {word!r}")
        return match.group(1), match.group(2), self.strings(line[match.end():])

    def begin_string(self, name: str, index: int, value: str) -> None:
        self.entry.target = (name, index)
        self.entry.parts = [value]

    def close_string(self) -> None:
        """Store the string that continuation lines were appended to."""
        entry = self.entry
        if entry.target is None:
            return
        name, index = entry.target
        value = entry.parts[0] if len(entry.parts) == 1 else "".join(entry.parts)
        if index >= 0:
            entry.message.msgstr_plural[index] = value
        else:
            setattr(entry.message, name, value)
        entry.target = None

    def touch(self) -> None:
        if not self.entry.message.line:
            self.entry.message.line = self.line

    def kw_msgctxt(self, value: str) -> None:
        entry = self.entry
        if entry.state != "start":
            raise self.out_of_order("msgctxt")
        entry.message.msgctxt = value
        entry.state = "msgctxt"

    def kw_msgid(self, value: str) -> None:
        entry = self.entry
        if entry.state not in ("start", "msgctxt"):
            raise self.out_of_order("msgid")
        entry.message.msgid = value
        entry.msgid_line = self.line
        entry.state = "msgid"

    def kw_msgid_plural(self, value: str) -> None:
        entry = self.entry
        if entry.state != "msgid":
            raise self.out_of_order("msgid_plural")
        entry.message.msgid_plural = value
        entry.state = "msgid_plural"

    def kw_msgstr(self, value: str) -> None:
        entry = self.entry
        if entry.state == "msgid_plural":
            raise self.error("entry has msgid_plural: use msgstr[0], msgstr[1], ... instead of msgstr")
        if entry.state != "msgid":
            raise self.out_of_order("msgstr")
        entry.message.msgstr = value
        entry.message.msgstr_line = self.line
        entry.state = "msgstr"

    def plural_msgstr(self, index: int, value: str) -> None:
        entry = self.entry
        message = entry.message
        if entry.state in ("msgid", "msgstr") and message.msgid_plural is None:
            raise self.error(f"msgstr[{index}] without msgid_plural; use msgstr for a message without plural")
        if entry.state == "msgid_plural":
            expected = 0
        elif entry.state == "msgstr_plural":
            expected = len(message.msgstr_plural)
        else:
            raise self.out_of_order(f"msgstr[{index}]")
        if index != expected:
            raise self.error(f"msgstr[{index}] out of order: expected msgstr[{expected}]")
        if index == 0:
            message.msgstr_line = self.line
        message.msgstr_plural.append(value)
        entry.state = "msgstr_plural"
        self.begin_string("msgstr_plural", index, value)
        self.touch()

    def out_of_order(self, name: str) -> PoSyntaxError:
        state = self.entry.state
        if state in ("msgid", "msgid_plural") and name in ("msgctxt", "msgid"):
            return self.error(f"missing msgstr for the msgid at line {self.entry.msgid_line} (found {name} instead)")
        if state == "msgstr" and name == "msgstr":
            return self.error(f"second msgstr for the msgid at line {self.entry.msgid_line}")
        expected = {
            "start": "msgctxt or msgid",
            "msgctxt": "msgid",
            "msgid": "msgid_plural or msgstr",
            "msgid_plural": "msgstr[0]",
            "msgstr": "a new entry (msgctxt or msgid)",
            "msgstr_plural": "the next msgstr[N] or a new entry",
        }[state]
        return self.error(f"{name} out of order: expected {expected}")

    # -- strings ------------------------------------------------------------

    def continuation(self, line: str, *, obsolete: bool, previous: bool) -> None:
        entry = self.entry
        target = entry.target
        is_previous_target = target is not None and target[0].startswith("previous_")
        if target is None or is_previous_target != previous:
            raise self.error("string continuation line without a keyword before it")
        owner_obsolete = entry.prev_obsolete if previous else entry.obsolete
        if owner_obsolete != obsolete:
            raise self.error("string continuation mixes obsolete (#~) and active lines")
        fast = _LINE_STRING_RE.fullmatch(line)
        entry.parts.append(self.unescape(fast.group(1)) if fast else self.strings(line))

    def strings(self, rest: str) -> str:
        """One or more quoted strings (concatenated), and nothing else."""
        pos = 0
        parts = []
        n = len(rest)
        while True:
            while pos < n and rest[pos] in " \t":
                pos += 1
            if pos == n:
                break
            if rest[pos] != '"':
                raise self.error(f"unexpected text {_excerpt(rest[pos:])} after a string")
            match = _STRING_RE.match(rest, pos)
            if match is None:
                if self.line == self.last_line:
                    raise self.error("unterminated string at the end of the file (file truncated?)")
                raise self.error("unterminated string (no closing quote on this line)")
            parts.append(self.unescape(match.group(1)))
            pos = match.end()
        if not parts:
            raise self.error("keyword without a string (expected \"...\")")
        return "".join(parts)

    def unescape(self, body: str) -> str:
        if "\\" not in body:
            return body
        try:
            return _ESCAPE_RE.sub(_simple_escape, body)
        except _ComplexEscape:
            return self.unescape_bytes(body)

    def unescape_bytes(self, body: str) -> str:
        """Octal and hex escapes denote bytes; the result must still be UTF-8."""
        out = bytearray()
        pos = 0
        for match in _COMPLEX_ESCAPE_RE.finditer(body):
            out += body[pos : match.start()].encode("utf-8")
            out += self.escape_bytes(match.group(1))
            pos = match.end()
        out += body[pos:].encode("utf-8")
        try:
            return out.decode("utf-8")
        except UnicodeDecodeError:
            raise self.error("octal or hex escapes in this string do not form valid UTF-8") from None

    def escape_bytes(self, code: str) -> bytes:
        if code in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[code].encode()
        if code[:1].isdigit() and code[0] in "01234567":
            value = int(code, 8)
        elif code.startswith("x") and len(code) > 1:
            value = int(code[1:], 16)
        else:
            raise self.error(f"invalid escape sequence \\{code} (valid: \\n \\t \\\" \\\\ \\r \\a \\b \\f \\v, octal, \\xHH)")
        if value == 0:
            raise self.error("NUL byte escape (\\0) is not allowed in a string")
        if value > 0xFF:
            raise self.error(f"escape \\{code} is out of range (more than one byte)")
        return bytes([value])

    # -- end of entry / file -----------------------------------------------

    def at_entry_boundary(self) -> bool:
        """Would a comment or msgid line here start a new entry? (Then the fast path may read it.)"""
        entry = self.entry
        return entry.state in _COMPLETE or (entry.state == "start" and not entry.has_comments)

    def add_entry(self, message: Message, msgid_line: int) -> None:
        """Add an entry read by the fast path, ending the complete entry before it as a new entry would."""
        if self.entry.state in _COMPLETE:
            self.flush()
        self.entries.append((message, msgid_line))

    def check_previous(self) -> None:
        """'#| msgctxt' needs a '#| msgid' (the gettext grammar requires it)."""
        if self.entry.prev_state == "msgctxt":
            raise self.error("'#| msgctxt' is not followed by '#| msgid'")

    def flush(self) -> None:
        self.close_string()
        entry = self.entry
        message = entry.message
        message.obsolete = bool(entry.obsolete)
        if entry.prev_obsolete is not None and entry.prev_obsolete != message.obsolete:
            raise self.error(
                "previous-source lines ('#|' or '#~|') do not match the entry's obsolete state",
                message.line,
            )
        self.entries.append((message, entry.msgid_line))
        self.entry = _Entry(Message(msgid=""))

    def finish(self) -> list[tuple[Message, int]]:
        self.close_string()
        entry = self.entry
        if entry.state in _COMPLETE:
            self.flush()
        elif entry.state != "start":
            raise self.error(
                f"file ends inside an entry: the {entry.state} at line {self.last_keyword_line()} "
                "has no msgstr (file truncated?)",
                self.last_keyword_line(),
            )
        elif entry.has_comments:
            raise self.error(
                "file ends with comments that belong to no entry (file truncated?)", entry.message.line
                or self.line,
            )
        return self.entries


# -- translations only ---------------------------------------------------------


@dataclass(slots=True)
class TableEntry:
    """An active singular entry as a lookup needs it (no comments, references or previous msgid).

    Not frozen (a frozen dataclass sets each field through ``object.__setattr__``, which
    is most of the cost of making one); nothing changes an entry after the table is read.
    """

    msgstr: str
    fuzzy: bool
    msgstr_line: int
    msgid_plural: None = None
    obsolete: bool = False
    line: int = 0

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and not self.fuzzy

    @property
    def has_translation(self) -> bool:
        return bool(self.msgstr)


@dataclass(slots=True)
class TranslationTable:
    """The translations of a PO file by ``(msgctxt, msgid)``: what the site build reads.

    Made by :func:`read_translations`; it cannot be written back (it has no comments,
    references or obsolete entries), so it cannot lose what a translator wrote.
    """

    path: str
    entries: dict[tuple[str | None, str], TableEntry]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def index(self) -> dict[tuple[str | None, str], TableEntry]:
        """The same mapping as :meth:`Catalog.index` gives for active entries."""
        return self.entries


def read_translations(path: Path) -> Catalog | TranslationTable:
    """The active translations of a PO file, for lookups only.

    A file in the form medloc and msgcat write (UTF-8 without BOM, LF line ends,
    singular entries, no duplicates) is read by the fast-path entry pattern
    alone, about twice as fast as :func:`read_po`. Anything else, including
    every malformed file, is read by :func:`read_po`, so the errors and warnings
    are exactly its own; ``tests/test_pofile.py`` checks that both readers give
    the same lookups (Hypothesis and every golden and bad file).
    """
    data = read_bytes(path)
    table = _translations(data, str(path))
    return table if table is not None else read_po(path)


def _translations(data: bytes, path: str) -> TranslationTable | None:
    """The table, or None where :func:`parse_po` must decide (it may warn or refuse)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.endswith("\n") or text.startswith("\ufeff") or "\r" in text or "\x00" in text:
        return None
    entries: dict[tuple[str | None, str], TableEntry] = {}
    obsolete_keys: set[tuple[str | None, str]] = set()
    header: re.Match[str] | None = None
    active, obsolete, count, value = _FAST_ACTIVE_RE.match, _FAST_OBSOLETE_RE.match, text.count, _fast_value
    pos, number, end = 0, 1, len(text)
    while pos < end:
        match = active(text, pos)
        is_obsolete = match is None
        if match is None:
            match = obsolete(text, pos)
            if match is None:
                return None
        ctxt, msgid, msgstr, comments = match.group("msgctxt", "msgid", "msgstr", "comments")
        if msgstr is None:
            return None  # a plural entry: its forms are checked against the header by parse_po
        key = (None if ctxt is None else value(ctxt), value(msgid))
        if key in entries or key in obsolete_keys:
            return None  # a duplicate: parse_po refuses it
        if header is None:
            if key != (None, "") or is_obsolete:
                return None  # the header is not first: parse_po warns
            header = match
            obsolete_keys.add(key)  # kept out of the lookups, still a key a duplicate would repeat
        elif is_obsolete:
            obsolete_keys.add(key)
        else:
            at = match.start("msgstr")
            number += count("\n", pos, at)
            entries[key] = TableEntry(value(msgstr), _has_fuzzy_flag(comments), number)
            pos = at
        number += count("\n", pos, match.end())
        pos = match.end()
    if header is None:
        return None
    read = _fast_entry(header, text, 1)
    if read is None:
        return None
    _check_header(Catalog(header=read[0]), path, "pot" if path.endswith(".pot") else "po", text.isascii())
    return TranslationTable(path, entries)


def _has_fuzzy_flag(comments: str) -> bool:
    """``fuzzy`` among the flags of ``#,`` (or ``#!``) comment lines, as :func:`_add_flags` reads them."""
    if "fuzzy" not in comments:
        return False
    return any(
        "fuzzy" in _FLAG_SPLIT_RE.split(line[2:]) for line in comments.split("\n") if line[1:2] in (",", "!")
    )


# -- fast path ---------------------------------------------------------------
#
# Nearly every entry has one shape: comments, maybe '#|' lines, keyword lines
# each with one string, continuation lines, simple escapes. One regex match reads
# such an entry whole; anything else (and every error) goes line by line through
# _Parser, which stays the definition of the grammar. The fast path must build
# exactly the Message _Parser would, so it only takes entries _Parser accepts.


def _read_lines(parser: _Parser, text: str) -> None:
    """Feed ``text`` to ``parser``, whole entries at a time where the fast path applies."""
    pos, number, end = 0, 1, len(text)
    while pos < end:
        if parser.at_entry_boundary():
            match = _FAST_ACTIVE_RE.match(text, pos) or _FAST_OBSOLETE_RE.match(text, pos)
            read = _fast_entry(match, text, number) if match else None
            if read is not None:
                parser.add_entry(*read)
                number += text.count("\n", pos, match.end())  # type: ignore[union-attr]
                pos = match.end()  # type: ignore[union-attr]
                continue
        newline = text.find("\n", pos)
        if newline < 0:
            newline = end
        parser.feed(text[pos:newline], number)
        pos, number = newline + 1, number + 1


_FAST_STRING = r'"[^"\\\n]*(?:\\[ntbrfva\\"][^"\\\n]*)*"[ \t]*\n'
"""A quoted string ending its line, with only the escapes that map to one character."""


def _fast_entry_re(keyword_prefix: str, previous_prefix: str) -> re.Pattern[str]:
    def field(name: str, keyword: str, line_prefix: str) -> str:
        continuation = f"{line_prefix}{_FAST_STRING}"
        return f"(?P<{name}>{line_prefix}{keyword} {_FAST_STRING}(?:{continuation})*)"

    k, p = re.escape(keyword_prefix), re.escape(previous_prefix)
    return re.compile(
        r"\n*"
        r"(?P<comments>(?:#(?![~|])[^\n]*(?<!\\)\n)*)"  # a comment ending in a backslash is an error
        rf"(?:{field('previous_msgctxt', 'msgctxt', p)}?{field('previous_msgid', 'msgid', p)}"
        rf"{field('previous_msgid_plural', 'msgid_plural', p)}?)?"
        rf"{field('msgctxt', 'msgctxt', k)}?{field('msgid', 'msgid', k)}"
        rf"(?:{field('msgstr', 'msgstr', k)}|{field('msgid_plural', 'msgid_plural', k)}"
        rf"(?P<forms>(?:{k}msgstr\[\d+\] {_FAST_STRING}(?:{k}{_FAST_STRING})*)+))"
        # What follows must make _Parser end this entry just as it would have ended it:
        # the end, a comment, '#~|', or the keyword that starts a new entry.
        r"(?=\n*(?:\Z|#(?!~)|#~\||(?:#~ )?msg(?:id|ctxt) ))"
    )


_FAST_ACTIVE_RE = _fast_entry_re("", "#| ")
_FAST_OBSOLETE_RE = _fast_entry_re("#~ ", "#~| ")
_FAST_FORM_RE = re.compile(rf"(?:#~ )?msgstr\[(\d+)\] ({_FAST_STRING}(?:(?:#~ )?{_FAST_STRING})*)")
_FAST_GROUPS = (
    "comments", "previous_msgctxt", "previous_msgid", "previous_msgid_plural", "msgctxt", "msgid", "msgstr",
    "msgid_plural", "forms",
)


def _fast_entry(match: re.Match[str], text: str, number: int) -> tuple[Message, int] | None:
    """The entry ``match`` read (and the line of its msgid), or None to leave it to _Parser."""
    comments, prev_ctxt, prev_id, prev_plural, ctxt, msgid, msgstr, msgid_plural, forms_text = match.group(*_FAST_GROUPS)
    forms: list[str] = []
    if forms_text is not None:
        for expected, form in enumerate(_FAST_FORM_RE.finditer(forms_text)):
            if int(form.group(1)) != expected:
                return None  # _Parser reports the order error
            forms.append(_fast_value(form.group(2)))
    # Line numbers: count newlines from group to group, each stretch once.
    count, comments_at, msgid_at = text.count, match.start("comments"), match.start("msgid")
    msgstr_at = match.start("msgstr" if forms_text is None else "forms")
    line = number + count("\n", match.start(), comments_at)
    msgid_line = line + count("\n", comments_at, msgid_at)
    message = Message(
        msgid=_fast_value(msgid),
        msgstr="" if msgstr is None else _fast_value(msgstr),
        msgctxt=None if ctxt is None else _fast_value(ctxt),
        msgid_plural=None if msgid_plural is None else _fast_value(msgid_plural),
        msgstr_plural=forms,
        previous_msgctxt=None if prev_ctxt is None else _fast_value(prev_ctxt),
        previous_msgid=None if prev_id is None else _fast_value(prev_id),
        previous_msgid_plural=None if prev_plural is None else _fast_value(prev_plural),
        obsolete=match.re is _FAST_OBSOLETE_RE,
        line=line,
        msgstr_line=msgid_line + count("\n", msgid_at, msgstr_at),
    )
    if comments:
        references = []
        for comment in comments[:-1].split("\n"):
            if comment[1:2] == ":":
                references.append(comment[2:])  # read together below: one call, same order
            else:
                _fast_comment(message, comment)
        if references:
            _add_references(message.references, " ".join(references))
    return message, msgid_line


def _fast_value(block: str) -> str:
    """The string of a field's lines: its quoted pieces joined, escapes replaced."""
    # A string cannot hold a raw newline, so each newline ends a line: after its closing quote
    # (and blanks), before the next line's prefix and opening quote.
    value = block[block.index('"') + 1 : block.rindex('"')]
    if "\n" in value:
        if "#" in block or " \n" in block or "\t\n" in block:
            value = "".join(_STRING_RE.findall(block))  # prefixed lines or blanks after a quote
        else:
            value = value.replace('"\n"', "")
    return _ESCAPE_RE.sub(_simple_escape, value) if "\\" in value else value


def _fast_comment(message: Message, line: str) -> None:
    """What _Parser.comment does with a comment line of a fresh entry."""
    kind = line[1:2]
    if kind == ".":
        message.extracted_comments.append(_strip_one_space(line[2:]))
    elif kind == ":":
        _add_references(message.references, line[2:])
    elif kind in (",", "!"):
        _add_flags(message.flags, line[2:])
    else:
        message.translator_comments.append(_strip_one_space(line[1:]))


class _ComplexEscape(Exception):
    """An escape that needs the byte-level decoder (octal, hex) or is invalid."""


def _simple_escape(match: re.Match[str]) -> str:
    try:
        return _SIMPLE_ESCAPES[match.group(1)]
    except KeyError:
        raise _ComplexEscape from None


def _strip_one_space(text: str) -> str:
    return text[1:] if text.startswith(" ") else text


def _excerpt(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


_REFERENCE_RE = re.compile(r"^(.*?):(\d+)$")
_ODD_LINE_NUMBER_RE = re.compile(r":(?:0\d*|\d*(?![0-9])\d\d*)(?=\s|\Z)")
"""A token ending in a line number that int() writes differently (leading zero, non-ASCII digits):
only then are tokens matched one by one with _REFERENCE_RE."""


def _add_references(references: list[str], text: str) -> None:
    """Add the ``file:line`` tokens of ``text``, line numbers normalised (``a.md:07`` -> ``a.md:7``)."""
    tokens = text.split()
    if _ODD_LINE_NUMBER_RE.search(text) is not None:
        for i, token in enumerate(tokens):
            match = _REFERENCE_RE.match(token)
            if match and match.group(1):
                tokens[i] = f"{match.group(1)}:{int(match.group(2))}"
    if references:
        seen = set(references)
        references.extend(t for t in dict.fromkeys(tokens) if t not in seen)
    else:
        references.extend(dict.fromkeys(tokens))


_FLAG_SPLIT_RE = re.compile(r"[\s,]+")


def _add_flags(flags: list[str], text: str) -> None:
    tokens = [t for t in _FLAG_SPLIT_RE.split(text) if t]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "range:" and i + 1 < len(tokens):
            token = f"range: {tokens[i + 1]}"
            i += 1
        if token not in flags:
            flags.append(token)
        i += 1


def _assemble(entries: list[tuple[Message, int]], path: str, diagnostics: list[Diagnostic]) -> Catalog:
    header: Message | None = None
    messages: list[Message] = []
    seen: dict[tuple[str | None, str], int] = {}
    for message, msgid_line in entries:
        key = message.key
        if key in seen:
            raise PoSyntaxError(
                f"duplicate message definition (first defined at line {seen[key]})", Location(path, msgid_line)
            )
        seen[key] = msgid_line
        if header is None and message.msgid == "" and message.msgctxt is None and not message.obsolete:
            if messages:
                diagnostics.append(Diagnostic(Location(path, message.line),
                                              "header entry is not the first entry; it will be written first",
                                              code="po-header-position"))
            header = message
        else:
            messages.append(message)
    if header is None:
        raise PoSyntaxError('missing header entry (msgid "" with the Content-Type and other fields)',
                            Location(path, 1))
    return Catalog(header=header, messages=messages, path=path, diagnostics=diagnostics)


_CHARSET_RE = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)


def _check_header(catalog: Catalog, path: str, kind: FileKind, text_is_ascii: bool) -> None:
    fields = catalog.header_fields()
    where = Location(path, catalog.header.msgstr_line or catalog.header.line)
    content_type = fields.get("Content-Type")
    match = _CHARSET_RE.search(content_type or "")
    if match is None:
        raise PoSyntaxError('header has no "Content-Type: text/plain; charset=UTF-8" field', where)
    charset = match.group(1)
    if charset == "CHARSET" and kind == "po":
        raise PoSyntaxError("header charset is the placeholder CHARSET; set charset=UTF-8", where)
    if charset == "CHARSET" and not text_is_ascii:
        raise PoSyntaxError(
            "header charset is the placeholder CHARSET but the file has non-ASCII text; set charset=UTF-8",
            where,
        )
    if charset.upper() != "UTF-8" and charset != "CHARSET":
        raise PoSyntaxError(
            f"header declares charset {charset}; medloc reads only UTF-8 "
            "(convert with: msgconv --to-code=UTF-8)",
            where,
        )
    plural_forms = fields.get("Plural-Forms")
    if kind == "po" and plural_forms is not None and _nplurals_of(plural_forms) in (None, 0):
        raise PoSyntaxError(f"Plural-Forms header has no valid nplurals: {plural_forms!r}", where)


def _check_plurals(catalog: Catalog, path: str, kind: FileKind) -> None:
    if kind == "pot":
        return
    nplurals = catalog.nplurals
    for message in catalog.messages:
        if message.msgid_plural is None or message.obsolete or not message.has_translation:
            continue
        if len(message.msgstr_plural) != nplurals:
            raise PoSyntaxError(
                f"entry has {len(message.msgstr_plural)} plural translations (msgstr[N]) but the "
                f"header's Plural-Forms says nplurals={nplurals}",
                Location(path, message.msgstr_line),
            )


# ---------------------------------------------------------------------------
# Writer
# ---------------------------------------------------------------------------

# gettext's format_language[] order (format.c, gettext 0.21): the order msgcat writes flags in.
_FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)
_FORMAT_INDEX = {lang: i for i, lang in enumerate(_FORMAT_LANGUAGES)}
_FORMAT_FLAG_RE = re.compile(r"(no-|possible-|impossible-)?(.+)-format")
_RANGE_FLAG_RE = re.compile(r"range: \d+\.\.\d+")


@dataclass(slots=True)
class _Flags:
    """A message's flags as gettext understands them (later flags override earlier ones)."""

    fuzzy: bool = False
    formats: dict[str, str] = field(default_factory=dict)
    """language -> "" | "no-" | "possible-" | "impossible-"."""
    range: str | None = None
    nowrap: bool = False
    other: list[str] = field(default_factory=list)
    """Flags gettext does not know (msgcat drops them; medloc keeps them)."""

    @classmethod
    def of(cls, flags: list[str]) -> "_Flags":
        result = cls()
        for flag in flags:
            result.add(flag)
        return result

    def add(self, flag: str) -> None:
        match = _FORMAT_FLAG_RE.fullmatch(flag)
        if flag == "fuzzy":
            self.fuzzy = True
        elif match and match.group(2) in _FORMAT_INDEX:
            self.formats.pop(match.group(2), None)
            self.formats[match.group(2)] = match.group(1) or ""
        elif _RANGE_FLAG_RE.fullmatch(flag):
            self.range = flag
        elif flag in ("wrap", "no-wrap"):
            self.nowrap = flag == "no-wrap"
        elif flag not in self.other:
            self.other.append(flag)

    def wrap_language(self) -> str | None:
        """The first format language (gettext's order) whose directives wrapping must keep whole."""
        candidates = [lang for lang, value in self.formats.items() if value in ("", "possible-")]
        return min(candidates, key=_FORMAT_INDEX.__getitem__) if candidates else None

    def format_items(self) -> list[str]:
        items = []
        for lang in sorted(self.formats, key=_FORMAT_INDEX.__getitem__):
            value = self.formats[lang]
            if value != "impossible-":
                items.append(f"{'no-' if value == 'no-' else ''}{lang}-format")
        return items

    def active_items(self, *, translated: bool) -> list[str]:
        """What msgcat writes on an active entry's ``#,`` line, then medloc's extra flags."""
        items = ["fuzzy"] if self.fuzzy and translated else []
        items += self.format_items()
        items += [self.range] if self.range else []
        items += ["no-wrap"] if self.nowrap else []
        return items + self.other

    def obsolete_items(self) -> list[str]:
        """msgcat writes fuzzy, format flags and no-wrap on obsolete entries (no range)."""
        items = ["fuzzy"] if self.fuzzy else []
        items += self.format_items()
        items += ["no-wrap"] if self.nowrap else []
        return items + self.other


def format_po(catalog: Catalog, *, width: int = 79) -> str:
    """Serialise as GNU msgcat would.

    Like msgcat: the header comes first, then active entries, then obsolete
    ones (each group in catalogue order); obsolete entries without any
    translation text are omitted (msgcat and msgmerge drop them too).
    """
    out: list[str] = []
    nplurals = catalog.nplurals
    active = [catalog.header] + [m for m in catalog.messages if not m.obsolete]
    for i, message in enumerate(active):
        if i:
            out.append("\n")
        _write_active(message, out, width, nplurals)
    for message in catalog.messages:
        if message.obsolete and message.has_translation:
            out.append("\n")
            _write_obsolete(message, out, width, nplurals)
    return "".join(out)


def _write_active(m: Message, out: list[str], width: int, nplurals: int) -> None:
    flags = _flags_of(tuple(m.flags))
    first = m.msgstr_plural[0] if m.msgid_plural is not None and m.msgstr_plural else m.msgstr
    _write_comments(m, out, width)
    _write_flag_line(flags.active_items(translated=bool(first)), out)
    _write_strings(m, out, width, nplurals, flags, prefix="", previous_prefix="#| ")


def _write_obsolete(m: Message, out: list[str], width: int, nplurals: int) -> None:
    # msgcat keeps on obsolete entries only the flags that matter if the entry comes back.
    flags = _flags_of(tuple(m.flags))
    _write_comments(m, out, width)
    _write_flag_line(flags.obsolete_items(), out)
    _write_strings(m, out, width, nplurals, flags, prefix="#~ ", previous_prefix="#~| ")


def _write_comments(m: Message, out: list[str], width: int) -> None:
    _write_translator_comments(m, out)
    for comment in m.extracted_comments:
        _check_comment(comment, m)
        out.append(f"#. {comment}\n" if comment else "#.\n")
    _write_references(m.references, out, width)


def _write_translator_comments(m: Message, out: list[str]) -> None:
    for comment in m.translator_comments:
        for part in comment.split("\n"):
            _check_comment(part, m)
            out.append(f"# {part}\n" if part else "#\n")


def _check_comment(text: str, m: Message) -> None:
    """Refuse comments gettext would read back differently (a caller's bug, not bad input)."""
    if text.endswith("\\") or "\n" in text or "\r" in text:
        raise ValueError(f"comment {text!r} of msgid {m.msgid[:40]!r} has a newline or ends with a backslash")


def _write_references(references: list[str], out: list[str], width: int) -> None:
    if not references:
        return
    out.append("#:")
    column = 2
    for ref in dict.fromkeys(references):
        while ref.startswith("./"):
            ref = ref[2:]
        size = len(ref.encode("utf-8")) + 1
        if column > 2 and column + size > width:
            out.append("\n#:")
            column = 2
        out.append(" " + ref)
        column += size
    out.append("\n")


def _write_flag_line(items: list[str], out: list[str]) -> None:
    if items:
        out.append("#, " + ", ".join(items) + "\n")


@dataclass(frozen=True, slots=True)
class _Style:
    """How the strings of one entry are wrapped."""

    prefix: str
    """``""``, ``"#| "``, ``"#~ "`` or ``"#~| "``."""
    width: int
    """Columns available inside the quotes (gettext: page width - 1 - len(prefix) - 1)."""
    language: str | None
    """Format language whose directives must not be split (``c``, ``python``), if any."""


# A catalogue has few distinct flag sets and styles: build each once, not once per entry.
@lru_cache(maxsize=256)
def _flags_of(flags: tuple[str, ...]) -> _Flags:
    """Parsed flags, shared between entries: callers must not change the result."""
    return _Flags.of(list(flags))


@lru_cache(maxsize=64)
def _style(prefix: str, width: int, language: str | None) -> _Style:
    return _Style(prefix, width, language)


def _write_strings(
    m: Message, out: list[str], width: int, nplurals: int, flags: _Flags, *, prefix: str, previous_prefix: str
) -> None:
    page = _NO_WRAP if flags.nowrap else width
    language = flags.wrap_language()
    previous = _style(previous_prefix, page - 2 - len(previous_prefix), language)
    style = _style(prefix, page - 2 - len(prefix), language)
    if m.previous_msgctxt is not None:
        _wrap(out, previous, "msgctxt", m.previous_msgctxt)
    if m.previous_msgid is not None:
        _wrap(out, previous, "msgid", m.previous_msgid)
    if m.previous_msgid_plural is not None:
        _wrap(out, previous, "msgid_plural", m.previous_msgid_plural)
    if m.msgctxt is not None:
        _wrap(out, style, "msgctxt", m.msgctxt)
    _wrap(out, style, "msgid", m.msgid)
    if m.msgid_plural is None:
        _wrap(out, style, "msgstr", m.msgstr)
        return
    _wrap(out, style, "msgid_plural", m.msgid_plural)
    for i, form in enumerate(m.msgstr_plural or [""] * nplurals):
        _wrap(out, style, f"msgstr[{i}]", form)


_ESCAPED = {
    "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
    "\\": "\\\\", '"': '\\"',
}
_ESCAPES = str.maketrans(_ESCAPED)
_NEEDS_ESCAPE_RE = re.compile(r'[\a\b\f\n\r\t\v\\"]')
_ESCAPE_PAIR_RE = re.compile(r"\\.")
_NO_WRAP = 2**31 - 1


def _wrap(out: list[str], style: _Style, name: str, value: str) -> None:
    """Write ``name "value"`` as gettext's write-po.c ``wrap()`` does."""
    prefix, width = style.prefix, style.width
    measured = None
    if _NEEDS_ESCAPE_RE.search(value) is None:
        # Most strings: nothing to escape (so one portion, written as is); one that fits
        # after ``msgid "`` is never broken.
        if value.isascii() and len(name) + 1 + len(value) <= width:
            out.append(f'{prefix}{name} "{value}"\n')
            return
        measured = _breaker().measure(value)
        if measured[1] is not None and len(name) + 1 + measured[1] <= width:
            out.append(f'{prefix}{name} "{value}"\n')
            return
    interiors = (
        directive_interiors(value, style.language, is_msgstr=name.startswith("msgstr")) if style.language else set()
    )
    portions = _portions(value)
    first = True
    offset = 0
    for n, portion in enumerate(portions):
        esc = portion.translate(_ESCAPES) if _NEEDS_ESCAPE_RE.search(portion) else portion
        protected = _escaped_positions(portion, offset, interiors) if interiors else set()
        offset += len(portion)
        ends_with_newline = portion.endswith("\n")
        if measured is None or esc is not value:  # measured above: the value is this one portion
            measured = _breaker().measure(esc)
        if first and esc:
            start = len(name) + 1
            if n + 1 < len(portions) or start > width:
                header, breaks = True, _breaks(esc, width, 0, protected, ends_with_newline, measured)
            else:
                header, breaks = _first_breaks(esc, width, start, protected, ends_with_newline, measured)
            if header:
                out.append(f'{prefix}{name} ""\n')
                first = False
        else:
            breaks = _breaks(esc, width, len(name) + 1 if first else 0, protected, ends_with_newline, measured)
        out.append(f'{prefix}{name} "' if first else f'{prefix}"')
        last = 0
        for index in breaks:
            out.append(esc[last:index])
            out.append(f'"\n{prefix}"')
            last = index
        out.append(esc[last:])
        out.append('"\n')
        first = False


def _first_breaks(
    esc: str, width: int, start: int, protected: set[int], ends_with_newline: bool,
    measured: _linebreak.Measure | None = None,
) -> tuple[bool, list[int]]:
    """Whether the value starts on its own line (``msgid ""``), and where its only portion breaks.

    gettext breaks the portion as if it followed ``msgid "``; if that gives
    any break, it writes ``msgid ""`` and breaks again from column 0. For
    ordinary text (:func:`_linebreak.measure` gives its width) the first result is
    known without computing it: none if the text fits after ``msgid "``, else
    breaks exactly when there is any opportunity, that is when breaking from
    column 0 finds one or the text fits from there (then only the first
    computation can tell). So most values are broken once, not twice.
    """
    measured = _breaker().measure(esc) if measured is None else measured
    total = measured[1]
    if total is None:
        breaks = _breaks(esc, width, start, protected, ends_with_newline, measured)
        if not breaks:
            return False, breaks
        return True, _breaks(esc, width, 0, protected, ends_with_newline, measured)
    if total + start <= width:
        return False, []
    if total <= width:
        return bool(_breaks(esc, width, start, protected, ends_with_newline, measured)), []
    breaks = _breaks(esc, width, 0, protected, ends_with_newline, measured)
    return bool(breaks), breaks


def _portions(value: str) -> list[str]:
    """Split after each newline; an empty value is one empty portion."""
    if "\n" not in value or value.index("\n") == len(value) - 1:
        return [value]
    parts = value.split("\n")
    portions = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        portions.append(parts[-1])
    return portions


def _escaped_positions(portion: str, offset: int, interiors: set[int]) -> set[int]:
    """Where the characters ``interiors`` (indices into the whole value) land in the escaped portion.

    Each escaped character before an index shifts it one column right.
    """
    escaped = [m.start() for m in _NEEDS_ESCAPE_RE.finditer(portion)]
    positions = set()
    for i in interiors:
        j = i - offset
        if 0 <= j < len(portion):
            positions.add(j + bisect_left(escaped, j))
    return positions


def _breaks(
    esc: str, width: int, start: int, protected: set[int], ends_with_newline: bool,
    measured: _linebreak.Measure | None = None,
) -> list[int]:
    """Where gettext breaks the escaped portion ``esc`` (never inside an escape or before a final \\n).

    ``measured``: :func:`_linebreak.measure` of ``esc``, if known.
    """
    if start + len(esc) <= width and esc.isascii():
        return []  # a line that fits is never broken: skip collecting the prohibited positions
    prohibited = {m.start() + 1 for m in _ESCAPE_PAIR_RE.finditer(esc)} | protected if "\\" in esc else set(protected)
    if ends_with_newline:
        prohibited.add(len(esc) - 2)
    return _breaker().width_linebreaks(esc, width, start, prohibited, measured)


def write_po(catalog: Catalog, path: Path, *, expect: Snapshot | None = None) -> bool:
    """Atomically write ``format_po(catalog)`` to ``path`` if it changed; True if written."""
    return write_text_atomic(path, format_po(catalog), expect=expect)
