"""Sharing the glossary with CAT tools: TBX-Basic and CSV export, TBX import.

Export (``medloc glossary export --format tbx|csv [--lang L]``):

* **TBX-Basic** (TBX 2, ``<martif type="TBX-Basic">``, what Weblate, Translate
  Toolkit, memoQ and Trados read): one ``termEntry`` per term with the glossary
  id as ``id``; one ``langSet`` per language (BCP 47 ``xml:lang``, e.g. ``zh-Hans``);
  one ``tig`` per wording with ``administrativeStatus`` ``preferredTerm-admn-sts``,
  ``admittedTerm-admn-sts`` or ``deprecatedTerm-admn-sts`` (forbidden). Notes are
  ``<note>``; medloc's flags are entry notes ``medloc:keep`` and ``medloc:case-sensitive``.
* **CSV**: one row per term: ``id, source, variants, note, case_sensitive, keep``
  then ``<lang>.preferred, <lang>.admitted, <lang>.forbidden, <lang>.note`` per
  language; several wordings in one cell are separated by `` | ``.

Import (``medloc glossary import FILE.tbx|FILE.csv``) merges a TBX-Basic file (TBX 2
``martif``/``termEntry``/``langSet``/``tig``/``ntig`` or TBX 3
``tbx``/``conceptEntry``/``langSec``/``termSec``) or a CSV in the export's
columns (any order and case, ``,``/``;``/tab, BOM, CRLF, quoted line breaks; a
spreadsheet's own column such as "Comment" is ignored with a warning, a misspelt
wording column such as ``ko.prefered`` is refused) into the glossary. The same files can
serve directly as the glossary (``medloc check --glossary terms.tbx``).

* tools' regional tags name the glossary's language (``ko-KR`` is ``ko``,
  ``zh-CN`` is ``zh_Hans``) unless the glossary has that regional language;
* ``administrativeStatus`` or ``normativeAuthorization`` gives the status
  (deprecated and superseded wordings become forbidden); ``descrip`` (also in
  ``descripGrp``) and ``note`` become notes, a wording's own note is kept as
  ``wording: note`` in its language's note;
* an entry whose id is a glossary id updates that term, else one whose source
  term is a term's source (tools renumber concepts); other entries become
  new terms (id from the entry, or made from the source-language term);
* a term's note is replaced when the entry has one;
* for each language in the entry, its wordings replace the glossary's
  (preferred, admitted, forbidden; the note when the entry has one);
  languages and terms the file does not mention are left alone: import never deletes;
* the glossary is rewritten with its comments and order kept, atomically, and
  only if something changed; every problem is reported with ``file.tbx:line``.
DTDs with entity declarations are refused (no entity expansion attacks).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree as ET
from xml.parsers import expat

from babel import Locale

from .errors import Diagnostic, ErrorList, GlossaryError, InputError, Location, PipelineError
from .fsio import decode_utf8, read_bytes
from .glossary import Glossary, GlossaryDocument, Term, TermTranslation, load_glossary, slugify
from .languages import get_language

ExportFormat = Literal["tbx", "csv"]
_STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts", "forbidden": "deprecatedTerm-admn-sts"}
_STATUS_IN = {
    "preferredterm-admn-sts": "preferred",
    "preferred": "preferred",
    "admittedterm-admn-sts": "admitted",
    "admitted": "admitted",
    "deprecatedterm-admn-sts": "forbidden",
    "supersededterm-admn-sts": "forbidden",
    "deprecated": "forbidden",
    "notrecommended": "forbidden",
    # TBX-Default and MultiTerm write normativeAuthorization values without the suffix
    "preferredterm": "preferred",
    "admittedterm": "admitted",
    "deprecatedterm": "forbidden",
    "supersededterm": "forbidden",
}
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
_FLAG_NOTES = {"medloc:keep": "keep", "medloc:case-sensitive": "case_sensitive"}


def export_glossary(path: Path, *, fmt: ExportFormat, langs: Sequence[str] | None = None) -> str:
    glossary = load_glossary(path)
    wanted = _wanted_languages(glossary, langs)
    return export_tbx(glossary, langs=wanted) if fmt == "tbx" else export_csv(glossary, langs=wanted)


def _wanted_languages(glossary: Glossary, langs: Sequence[str] | None) -> list[str]:
    if not langs:
        return glossary.languages()
    codes = [get_language(code).code for code in langs]
    return [glossary.source_language] + [c for c in codes if c != glossary.source_language]


# --------------------------------------------------------------------------- TBX export


def export_tbx(glossary: Glossary, *, langs: list[str]) -> str:
    root = ET.Element("martif", {"type": "TBX-Basic", "xml:lang": get_language(glossary.source_language).tag})
    header = ET.SubElement(root, "martifHeader")
    source = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(source, "p").text = f"medloc glossary ({len(glossary.terms)} terms)"
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in glossary.terms:
        body.append(_term_entry(glossary, term, langs))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _term_entry(glossary: Glossary, term: Term, langs: list[str]) -> ET.Element:
    entry = ET.Element("termEntry", id=term.id)
    if term.note:
        ET.SubElement(entry, "note").text = term.note
    for note, flag in _FLAG_NOTES.items():
        if getattr(term, flag):
            ET.SubElement(entry, "note").text = note
    for lang in langs:
        wording = glossary.forms(term, lang)
        if wording is not None:
            entry.append(_lang_set(wording, note=wording.note if lang != glossary.source_language else None))
    return entry


def _lang_set(wording: TermTranslation, *, note: str | None) -> ET.Element:
    lang_set = ET.Element("langSet", {"xml:lang": get_language(wording.lang).tag})
    if note:
        ET.SubElement(lang_set, "note").text = note
    for status, texts in wording.by_kind():
        for text in texts:
            tig = ET.SubElement(lang_set, "tig")
            ET.SubElement(tig, "term").text = text
            ET.SubElement(tig, "termNote", type="administrativeStatus").text = _STATUS[status]
    return lang_set


# --------------------------------------------------------------------------- CSV export


def export_csv(glossary: Glossary, *, langs: list[str]) -> str:
    targets = [lang for lang in langs if lang != glossary.source_language]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["id", "source", "variants", "note", "case_sensitive", "keep"]
    writer.writerow(header + [f"{lang}.{part}" for lang in targets for part in ("preferred", "admitted", "forbidden", "note")])
    for term in glossary.terms:
        row = [term.id, term.source, _cell(term.variants), term.note or "", _flag(term.case_sensitive), _flag(term.keep)]
        for lang in targets:
            wording = term.translation(lang)
            row += _csv_wording(wording) if wording else ["", "", "", ""]
        writer.writerow(row)
    return out.getvalue()


def _csv_wording(wording: TermTranslation) -> list[str]:
    return [wording.preferred or "", _cell(wording.admitted), _cell(wording.forbidden), wording.note or ""]


def _cell(values: tuple[str, ...]) -> str:
    return " | ".join(values)


def _flag(value: bool) -> str:
    return "true" if value else "false"


# --------------------------------------------------------------------------- reading TBX


@dataclass(slots=True)
class _Node:
    """An XML element with the line it starts on (ElementTree forgets lines)."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list["_Node"] = field(default_factory=list)
    text: str = ""

    def find_all(self, *tags: str) -> list["_Node"]:
        return [c for c in self.children if c.tag in tags]

    def all_text(self) -> str:
        return " ".join((self.text + "".join(c.all_text() for c in self.children)).split())


def parse_xml(data: bytes, path: str) -> _Node:
    """Parse XML keeping line numbers; refuses entity declarations."""
    parser = expat.ParserCreate()
    stack: list[_Node] = []
    root: list[_Node] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag.rsplit(":", 1)[-1], attrs, parser.CurrentLineNumber)
        (stack[-1].children if stack else root).append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack:
            stack[-1].text += data

    def entity(*_args: object) -> None:
        raise InputError("entity declarations are not allowed in TBX files", Location(path, parser.CurrentLineNumber))

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(f"not well-formed XML: {expat.ErrorString(exc.code)}", Location(path, exc.lineno, exc.offset + 1)) from None
    if not root:
        raise InputError("empty XML document", Location(path, 1))
    return root[0]


@dataclass(frozen=True, slots=True)
class TbxEntry:
    """One concept read from a TBX file."""

    id: str | None
    line: int
    note: str | None
    flags: frozenset[str]
    wordings: dict[str, TermTranslation]


def read_tbx(path: Path, *, languages: Sequence[str] = ()) -> list[TbxEntry]:
    """Read the concepts of a TBX file; language tags resolve against ``languages``
    (see :func:`resolve_language`)."""
    root = parse_xml(read_bytes(path), str(path))
    if root.tag not in ("martif", "tbx"):
        raise InputError(f"not a TBX file: root element is <{root.tag}>, expected <martif> or <tbx>", Location(str(path), root.line))
    errors = ErrorList()
    entries = [_read_entry(node, str(path), errors, languages) for node in _entries(root)]
    errors.raise_if_any()
    return [e for e in entries if e is not None]


def tbx_source_language(path: Path) -> str | None:
    """The ``xml:lang`` of the TBX root (the source language of the export), if any."""
    tag = parse_xml(read_bytes(path), str(path)).attrs.get("xml:lang")
    return resolve_language(tag, ()) if tag else None


def resolve_language(tag: str, known: Sequence[str]) -> str:
    """The glossary language a tool's tag means: ``ko-KR`` -> ``ko``, ``zh-CN`` -> ``zh_Hans``.

    Terminology tools write regional tags; the glossary has one entry per language,
    so the region is dropped unless the glossary has that exact regional language.
    """
    language = get_language(tag)
    if language.code in known:
        return language.code
    locale = Locale.parse(language.code)
    return language.code if locale.territory is None else get_language("_".join(filter(None, (locale.language, locale.script)))).code


def _entries(root: _Node) -> list[_Node]:
    found: list[_Node] = []
    for child in root.children:
        if child.tag in ("termEntry", "conceptEntry"):
            found.append(child)
        else:
            found += _entries(child)
    return found


def _read_entry(node: _Node, path: str, errors: ErrorList, languages: Sequence[str]) -> TbxEntry | None:
    notes = _notes(node)
    flags = frozenset(_FLAG_NOTES[n] for n in notes if n in _FLAG_NOTES)
    human = [n for n in notes if n not in _FLAG_NOTES]
    wordings: dict[str, TermTranslation] = {}
    for lang_node in node.find_all("langSet", "langSec"):
        wording = _read_lang_set(lang_node, path, errors, languages)
        if wording is None:
            continue
        if wording.lang in wordings:
            # two regional variants (en-US, en-GB) of one glossary language: merging would guess
            errors.add(f"<{lang_node.tag}> {lang_node.attrs.get('xml:lang')!r} is a second {wording.lang!r} in this entry", Location(path, lang_node.line))
        wordings[wording.lang] = wording
    return TbxEntry(node.attrs.get("id") or None, node.line, " ".join(human) or None, flags, wordings)


def _notes(node: _Node) -> list[str]:
    """``note`` and ``descrip`` texts of an element, also inside ``descripGrp``; a
    ``descrip`` other than a definition is labelled with its type (``subjectField: medicine``)."""
    out: list[str] = []
    for child in node.find_all("note", "descrip", "descripGrp"):
        if child.tag == "descripGrp":
            out += _notes(child)
        elif child.all_text():
            kind = child.attrs.get("type", "definition") if child.tag == "descrip" else "definition"
            out.append(child.all_text() if kind == "definition" else f"{kind}: {child.all_text()}")
    return out


def _read_lang_set(node: _Node, path: str, errors: ErrorList, languages: Sequence[str]) -> TermTranslation | None:
    tag = node.attrs.get("xml:lang", "")
    try:
        lang = resolve_language(tag, languages)
    except PipelineError as exc:
        errors.add(f"<{node.tag}> {exc.message}", Location(path, node.line))
        return None
    found: dict[str, list[str]] = {"preferred": [], "admitted": [], "forbidden": []}
    notes = _notes(node)
    for group in node.find_all("tig", "ntig", "termSec"):
        notes += _read_term(group, path, errors, found)
    preferred = found["preferred"][:1] or found["admitted"][:1]
    admitted = [t for t in found["preferred"][1:] + found["admitted"] if t not in preferred]
    note = " ".join(notes) or None  # the glossary keeps a note on one line
    return TermTranslation(lang, preferred[0] if preferred else None, tuple(admitted), tuple(found["forbidden"]), note, node.line)


def _read_term(group: _Node, path: str, errors: ErrorList, found: dict[str, list[str]]) -> list[str]:
    """Record one wording under its status; returns its notes as ``term: note``
    (the glossary keeps notes per language, not per wording)."""
    terms = _descendants(group, "term")
    if not terms or not terms[0].all_text():
        errors.add(f"<{group.tag}> has no <term>", Location(path, group.line))
        return []
    statuses = [n for n in _descendants(group, "termNote") if n.attrs.get("type") in _STATUS_TYPES]
    raw = statuses[0].all_text() if statuses else "admittedTerm-admn-sts"
    status = _STATUS_IN.get(raw.lower().replace(" ", ""))
    if status is None:
        errors.add(f"unknown {statuses[0].attrs['type']} {raw!r} (expected {', '.join(_STATUS.values())})", Location(path, statuses[0].line))
        return []
    text = terms[0].all_text()
    found[status].append(text)
    holders = [group, *_descendants(group, "termGrp")]
    return [f"{text}: {note}" for holder in holders for note in _notes(holder)]


def _descendants(node: _Node, tag: str) -> list[_Node]:
    out: list[_Node] = []
    for child in node.children:
        out += [child] if child.tag == tag else []
        out += _descendants(child, tag)
    return out


# --------------------------------------------------------------------------- reading CSV

_CSV_TERM_COLUMNS = ("id", "source", "variants", "note", "case_sensitive", "keep")
_CSV_PARTS = ("preferred", "admitted", "forbidden", "note")
_TRUE = {"true", "yes", "y", "1", "x", "wahr", "vrai"}
_FALSE = {"false", "no", "n", "0", "", "falsch", "faux"}


@dataclass(frozen=True, slots=True)
class _Column:
    index: int
    field: str
    """A term column name, or ``lang.part``."""


@dataclass(frozen=True, slots=True)
class ForeignTerms:
    """The concepts of a TBX or CSV file, and what of the file was not read (warnings with their place)."""

    entries: tuple[TbxEntry, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def read_csv(path: Path, *, source_language: str, languages: Sequence[str] = ()) -> ForeignTerms:
    """Read a glossary CSV (the export's columns, any order and case) as written by
    spreadsheets: UTF-8 with or without BOM, ``,`` ``;`` or tab, CRLF, quoted newlines.

    A column that is no glossary column ("Domain", "Reviewer comment") is ignored
    with a warning; one that names a language or a wording part but not both
    (``ko.prefered``, ``xx.preferred``) is an error: its wordings would be lost.
    """
    text = decode_utf8(read_bytes(path), str(path)).removeprefix("\ufeff")
    rows = list(_rows(text))
    if not rows:
        raise InputError("empty CSV file, expected a header row", Location(str(path), 1))
    errors = ErrorList()
    (header_line, header), body = rows[0], rows[1:]
    columns, ignored = _csv_columns(header, Location(str(path), header_line), languages, errors)
    errors.raise_if_any()
    entries = [_csv_entry(row, columns, Location(str(path), line), source_language, errors) for line, row in body]
    errors.raise_if_any()
    warnings = [_ignored_column(index, header[index], body, Location(str(path), header_line, index + 1)) for index in ignored]
    return ForeignTerms(tuple(e for e in entries if e is not None), tuple(w for w in warnings if w is not None))


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells) of every row with some text."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    line = 1
    for row in rows:
        if any(cell.strip() for cell in row):
            yield line, row
        line = rows.line_num + 1


def _ignored_column(index: int, name: str, body: list[tuple[int, list[str]]], where: Location) -> Diagnostic | None:
    """The warning for a column that is not read (none for an unnamed, empty one: a spreadsheet's trailing separator)."""
    filled = sum(1 for _, row in body if index < len(row) and row[index].strip())
    if not name.strip() and not filled:
        return None
    message = (
        f"column {index + 1} {name.strip()!r} is not a glossary column; its {filled} filled cell"
        f"{'' if filled == 1 else 's'} are not imported (columns: {_EXPECTED_COLUMNS})"
    )
    return Diagnostic(where, message, "warning", "glossary-column-ignored")


def _delimiter(text: str) -> str:
    """The header's separator: European Excel writes ``;``, some tools tabs."""
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


_EXPECTED_COLUMNS = ", ".join(_CSV_TERM_COLUMNS) + ", <lang>." + "|".join(_CSV_PARTS)


def _csv_columns(header: list[str], at: Location, languages: Sequence[str], errors: ErrorList) -> tuple[list[_Column], list[int]]:
    """The columns read, and the indexes of those ignored."""
    columns: list[_Column] = []
    ignored: list[int] = []
    for index, name in enumerate(header):
        field_name = _csv_field(name.strip(), languages)
        where = Location(at.path, at.line, index + 1)
        if field_name is None and _looks_like_wording_column(name.strip(), languages):
            errors.add(f"column {index + 1} {name!r} is not a glossary column (expected {_EXPECTED_COLUMNS})", where)
        elif field_name is None:
            ignored.append(index)
        elif any(c.field == field_name for c in columns):
            errors.add(f"column {index + 1} {name!r} repeats {field_name!r}", where)
        else:
            columns.append(_Column(index, field_name))
    if not any(c.field == "source" for c in columns):
        errors.add("no 'source' column", at)
    return columns, ignored


def _looks_like_wording_column(name: str, languages: Sequence[str]) -> bool:
    """``lang.part`` with a misspelt part (``ko.prefered``) or an unknown language (``xx.preferred``)."""
    lang, dot, part = name.rpartition(".")
    if not dot or not lang.strip():
        return False
    if part.strip().casefold() in _CSV_PARTS:
        return True
    try:
        resolve_language(lang.strip(), languages)
    except PipelineError:
        return False
    return True


def _csv_field(name: str, languages: Sequence[str]) -> str | None:
    lowered = name.casefold().replace(" ", "_")
    if lowered in _CSV_TERM_COLUMNS:
        return lowered
    lang, _, part = name.rpartition(".")
    if not lang or part.casefold() not in _CSV_PARTS:
        return None
    try:
        return f"{resolve_language(lang.strip(), languages)}.{part.casefold()}"
    except PipelineError:
        return None


def _csv_entry(row: list[str], columns: list[_Column], where: Location, source_language: str, errors: ErrorList) -> TbxEntry | None:
    # list cells keep their line breaks: one wording per line (Alt+Enter) is a separator
    lists = ("variants", ".admitted", ".forbidden")
    cells = {c.field: row[c.index] if c.index < len(row) else "" for c in columns}
    cells = {name: text if name.endswith(lists) else _one_line(text) for name, text in cells.items()}
    if not cells.get("source"):
        errors.add("row has no source term", where)
        return None
    flags = frozenset(name for name in ("case_sensitive", "keep") if _csv_flag(cells.get(name, ""), name, where, errors))
    wordings = {source_language: TermTranslation(source_language, cells["source"], _csv_list(cells.get("variants", "")), line=where.line or 0)}
    for lang in dict.fromkeys(f.split(".")[0] for f in cells if "." in f):
        if any(cells.get(f"{lang}.{part}") for part in _CSV_PARTS):
            wordings[lang] = _csv_read_wording(cells, lang, where)
    return TbxEntry(cells.get("id") or None, where.line or 0, cells.get("note") or None, flags, wordings)


def _csv_read_wording(cells: dict[str, str], lang: str, where: Location) -> TermTranslation:
    return TermTranslation(
        lang,
        cells.get(f"{lang}.preferred") or None,
        _csv_list(cells.get(f"{lang}.admitted", "")),
        _csv_list(cells.get(f"{lang}.forbidden", "")),
        cells.get(f"{lang}.note") or None,
        where.line or 0,
    )


def _csv_list(cell: str) -> tuple[str, ...]:
    """Several wordings in one cell: `` | `` as exported; a line break (Alt+Enter) too."""
    return tuple(_one_line(part) for part in cell.replace("\n", "|").split("|") if part.strip())


def _one_line(text: str) -> str:
    """Whitespace as the glossary stores it (line breaks in a cell become spaces)."""
    return " ".join(text.split())


def _csv_flag(cell: str, name: str, where: Location, errors: ErrorList) -> bool:
    value = cell.strip().casefold()
    if value not in _TRUE | _FALSE:
        errors.add(f"{name}: {cell!r} is not true or false", where)
    return value in _TRUE


# --------------------------------------------------------------------------- foreign files as glossaries


def read_entries(path: Path, *, source_language: str, languages: Sequence[str] = ()) -> ForeignTerms:
    """The concepts of a TBX or CSV file, chosen by the file's extension."""
    if path.suffix.lower() in (".csv", ".tsv"):
        return read_csv(path, source_language=source_language, languages=languages)
    return ForeignTerms(tuple(read_tbx(path, languages=languages)))


def glossary_from_file(path: Path, *, source_language: str) -> Glossary:
    """A TBX or CSV file used directly as the glossary (``medloc check --glossary terms.tbx``)."""
    if path.suffix.lower() not in (".csv", ".tsv"):
        source_language = tbx_source_language(path) or source_language
    errors = ErrorList()
    terms: list[Term] = []
    read = read_entries(path, source_language=source_language)
    for entry in read.entries:
        term = _entry_term(entry, source_language, Location(str(path), entry.line), errors)
        if term is not None and any(t.id == term.id for t in terms):
            errors.add(f"term id {term.id!r} appears twice", Location(str(path), entry.line))
        elif term is not None:
            terms.append(term)
    errors.raise_if_any()
    return Glossary.build(path=str(path), source_language=source_language, terms=tuple(terms), diagnostics=read.diagnostics)


def _entry_term(entry: TbxEntry, source_language: str, where: Location, errors: ErrorList) -> Term | None:
    source = entry.wordings.get(source_language)
    if source is None or source.preferred is None:
        errors.add(f"entry has no {source_language!r} preferred term", where)
        return None
    if not _consistent(entry, where, errors):
        return None
    return _term(entry, entry.id or slugify(source.preferred), source, source_language, line=entry.line)


def _term(entry: TbxEntry, term_id: str, source: TermTranslation, source_language: str, *, line: int = 0) -> Term:
    """The glossary term an entry describes (its source wording given, already checked)."""
    assert source.preferred is not None
    return Term(
        id=term_id,
        source=source.preferred,
        variants=source.admitted,
        note=entry.note,
        case_sensitive="case_sensitive" in entry.flags,
        keep="keep" in entry.flags,
        translations=tuple(w for lang, w in entry.wordings.items() if lang != source_language),
        line=line,
    )


# --------------------------------------------------------------------------- import


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: str
    changes: tuple[str, ...]
    written: bool
    diagnostics: tuple[Diagnostic, ...] = ()
    """What the file says that the glossary cannot take (warnings with the file's line)."""

    def report_lines(self) -> list[str]:
        state = "updated" if self.written else "unchanged"
        count = len(self.changes)
        return [*self.changes, f"{self.path}: {state} ({count} change{'' if count == 1 else 's'})"]


def import_tbx(tbx: Path, glossary_path: Path) -> ImportResult:
    """Merge a TBX-Basic (``.tbx``/``.xml``) or CSV file into the glossary (see the module docstring)."""
    glossary = load_glossary(glossary_path)
    read = read_entries(tbx, source_language=glossary.source_language, languages=glossary.languages())
    entries = list(read.entries)
    document = GlossaryDocument.open(glossary_path)
    errors = ErrorList()
    changes: list[str] = []
    for entry in entries:
        changes += _merge_entry(document, glossary, entry, str(tbx), errors)
    errors.raise_if_any()
    written = document.save() if changes else False
    return ImportResult(str(glossary_path), tuple(changes), written, read.diagnostics + tuple(_not_imported(glossary, entries, str(tbx))))


def _not_imported(glossary: Glossary, entries: list[TbxEntry], path: str) -> list[Diagnostic]:
    """Source-language wordings a term has no place for: reported, never dropped in silence."""
    found = []
    for entry in entries:
        source = entry.wordings.get(glossary.source_language)
        if source is None:
            continue
        where = Location(path, source.line or entry.line)
        for form in source.forbidden:
            message = (
                f"{glossary.source_language} wording {form!r} is marked deprecated; the glossary keeps no forbidden "
                "source wordings, so it is not imported (write it in the term's note if translators need it)"
            )
            found.append(Diagnostic(where, message, "warning", "glossary-not-imported"))
        existing = glossary.term(entry.id) if entry.id else None
        if existing is not None and source.preferred is not None and source.preferred != existing.source:
            message = (
                f"term {existing.id!r}: source {source.preferred!r} differs from the glossary's {existing.source!r}; "
                "the source of a term is changed by editing the glossary, not by import"
            )
            found.append(Diagnostic(where, message, "warning", "glossary-not-imported"))
    return found


def _merge_entry(document: GlossaryDocument, glossary: Glossary, entry: TbxEntry, path: str, errors: ErrorList) -> list[str]:
    source = entry.wordings.get(glossary.source_language)
    term_id = entry.id or (slugify(source.preferred) if source and source.preferred else None)
    where = Location(path, entry.line)
    if term_id is None:
        errors.add(f"entry has no id and no {glossary.source_language!r} preferred term", where)
        return []
    if not _consistent(entry, where, errors):
        return []
    existing = glossary.term(term_id) or _term_with_source(glossary, source)
    if existing is None:
        return _add_term(document, glossary, entry, term_id, source, where, errors)
    return _update_term(document, glossary, existing, entry)


def _consistent(entry: TbxEntry, where: Location, errors: ErrorList) -> bool:
    ok = True
    for wording in entry.wordings.values():
        allowed = {a.casefold() for a in wording.allowed}
        for form in wording.forbidden:
            if form.casefold() in allowed:
                errors.add(f"{wording.lang}: {form!r} is both allowed and forbidden", Location(where.path, wording.line))
                ok = False
    return ok


def _add_term(
    document: GlossaryDocument,
    glossary: Glossary,
    entry: TbxEntry,
    term_id: str,
    source: TermTranslation | None,
    where: Location,
    errors: ErrorList,
) -> list[str]:
    if source is None or source.preferred is None:
        errors.add(f"new term {term_id!r} has no {glossary.source_language!r} preferred term", where)
        return []
    term = _term(entry, term_id, source, glossary.source_language)
    try:
        document.add_term(term)
    except GlossaryError as exc:
        errors.add(exc.message, where)
        return []
    return [f"{term_id}: added ({', '.join(w.lang for w in term.translations) or 'no translations'})"]


def _term_with_source(glossary: Glossary, source: TermTranslation | None) -> Term | None:
    """The term whose source form is the entry's: a tool that renumbered the
    concepts (``c101``) still updates the term instead of adding a duplicate."""
    if source is None or source.preferred is None:
        return None
    wanted = source.preferred.casefold()
    return next((t for t in glossary.terms if t.source.casefold() == wanted), None)


def _update_term(document: GlossaryDocument, glossary: Glossary, term: Term, entry: TbxEntry) -> list[str]:
    changes = []
    if entry.note is not None and entry.note != term.note:
        document.set_term_fields(term.id, note=entry.note)
        changes.append(f"{term.id}: note {term.note!r} -> {entry.note!r}")
    source = entry.wordings.get(glossary.source_language)
    if source is not None and source.admitted != term.variants:
        document.set_term_fields(term.id, variants=source.admitted)
        changes.append(f"{term.id}: variants {list(term.variants)} -> {list(source.admitted)}")
    for lang, wording in entry.wordings.items():
        if lang == glossary.source_language:
            continue
        current = term.translation(lang)
        if _differs(current, wording):
            document.set_translation(term.id, wording)
            changes.append(f"{term.id}: {lang} {_describe(current)} -> {_describe(wording)}")
    return changes


def _differs(current: TermTranslation | None, new: TermTranslation) -> bool:
    if current is None:
        return True
    same = (current.preferred, current.admitted, current.forbidden) == (new.preferred, new.admitted, new.forbidden)
    return not same or (new.note is not None and new.note != current.note)


def _describe(wording: TermTranslation | None) -> str:
    if wording is None:
        return "(none)"
    parts = [repr(wording.preferred)]
    if wording.admitted:
        parts.append(f"admitted {list(wording.admitted)}")
    if wording.forbidden:
        parts.append(f"forbidden {list(wording.forbidden)}")
    return " ".join(parts)
