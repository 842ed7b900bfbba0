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

Import (``medloc glossary import FILE.tbx``) merges a TBX-Basic file (TBX 2
``martif``/``termEntry``/``langSet``/``tig``/``ntig`` or TBX 3
``tbx``/``conceptEntry``/``langSec``/``termSec``) into the glossary:

* an entry whose id is a glossary id updates that term; other entries become
  new terms (id from the entry, or made from the source-language term);
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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree as ET
from xml.parsers import expat

from .errors import ErrorList, GlossaryError, InputError, Location, PipelineError
from .fsio import read_bytes
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
}
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


def read_tbx(path: Path) -> list[TbxEntry]:
    root = parse_xml(read_bytes(path), str(path))
    if root.tag not in ("martif", "tbx"):
        raise InputError(f"not a TBX file: root element is <{root.tag}>, expected <martif> or <tbx>", Location(str(path), root.line))
    errors = ErrorList()
    entries = [_read_entry(node, str(path), errors) for node in _entries(root)]
    errors.raise_if_any()
    return [e for e in entries if e is not None]


def _entries(root: _Node) -> list[_Node]:
    found: list[_Node] = []
    for child in root.children:
        if child.tag in ("termEntry", "conceptEntry"):
            found.append(child)
        else:
            found += _entries(child)
    return found


def _read_entry(node: _Node, path: str, errors: ErrorList) -> TbxEntry | None:
    notes = [n.all_text() for n in node.find_all("note", "descrip")]
    flags = frozenset(_FLAG_NOTES[n] for n in notes if n in _FLAG_NOTES)
    human = [n for n in notes if n not in _FLAG_NOTES]
    wordings: dict[str, TermTranslation] = {}
    for lang_node in node.find_all("langSet", "langSec"):
        wording = _read_lang_set(lang_node, path, errors)
        if wording is not None:
            wordings[wording.lang] = wording
    return TbxEntry(node.attrs.get("id") or None, node.line, "\n".join(human) or None, flags, wordings)


def _read_lang_set(node: _Node, path: str, errors: ErrorList) -> TermTranslation | None:
    tag = node.attrs.get("xml:lang", "")
    try:
        lang = get_language(tag).code
    except PipelineError as exc:
        errors.add(f"<{node.tag}> {exc.message}", Location(path, node.line))
        return None
    found: dict[str, list[str]] = {"preferred": [], "admitted": [], "forbidden": []}
    for group in node.find_all("tig", "ntig", "termSec"):
        _read_term(group, path, errors, found)
    preferred = found["preferred"][:1] or found["admitted"][:1]
    admitted = [t for t in found["preferred"][1:] + found["admitted"] if t not in preferred]
    note = "\n".join(n.all_text() for n in node.find_all("note", "descrip")) or None
    return TermTranslation(lang, preferred[0] if preferred else None, tuple(admitted), tuple(found["forbidden"]), note, node.line)


def _read_term(group: _Node, path: str, errors: ErrorList, found: dict[str, list[str]]) -> None:
    terms = _descendants(group, "term")
    if not terms or not terms[0].all_text():
        errors.add(f"<{group.tag}> has no <term>", Location(path, group.line))
        return
    statuses = [n for n in _descendants(group, "termNote") if n.attrs.get("type") == "administrativeStatus"]
    raw = statuses[0].all_text() if statuses else "admittedTerm-admn-sts"
    status = _STATUS_IN.get(raw.lower().replace(" ", ""))
    if status is None:
        errors.add(f"unknown administrativeStatus {raw!r} (expected {', '.join(_STATUS.values())})", Location(path, statuses[0].line))
        return
    found[status].append(terms[0].all_text())


def _descendants(node: _Node, tag: str) -> list[_Node]:
    out: list[_Node] = []
    for child in node.children:
        out += [child] if child.tag == tag else []
        out += _descendants(child, tag)
    return out


# --------------------------------------------------------------------------- import


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: str
    changes: tuple[str, ...]
    written: bool

    def report_lines(self) -> list[str]:
        state = "updated" if self.written else "unchanged"
        count = len(self.changes)
        return [*self.changes, f"{self.path}: {state} ({count} change{'' if count == 1 else 's'})"]


def import_tbx(tbx: Path, glossary_path: Path) -> ImportResult:
    """Merge a TBX-Basic file into the glossary (see the module docstring)."""
    entries = read_tbx(tbx)
    document = GlossaryDocument.open(glossary_path)
    glossary = load_glossary(glossary_path)
    errors = ErrorList()
    changes: list[str] = []
    for entry in entries:
        changes += _merge_entry(document, glossary, entry, str(tbx), errors)
    errors.raise_if_any()
    written = document.save() if changes else False
    return ImportResult(str(glossary_path), tuple(changes), written)


def _merge_entry(document: GlossaryDocument, glossary: Glossary, entry: TbxEntry, path: str, errors: ErrorList) -> list[str]:
    source = entry.wordings.get(glossary.source_language)
    term_id = entry.id or (slugify(source.preferred) if source and source.preferred else None)
    where = Location(path, entry.line)
    if term_id is None:
        errors.add(f"entry has no id and no {glossary.source_language!r} preferred term", where)
        return []
    if not _consistent(entry, where, errors):
        return []
    existing = glossary.term(term_id)
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
    translations = tuple(w for lang, w in entry.wordings.items() if lang != glossary.source_language)
    term = Term(
        id=term_id,
        source=source.preferred,
        variants=source.admitted,
        note=entry.note,
        case_sensitive="case_sensitive" in entry.flags,
        keep="keep" in entry.flags,
        translations=translations,
    )
    try:
        document.add_term(term)
    except GlossaryError as exc:
        errors.add(exc.message, where)
        return []
    return [f"{term_id}: added ({', '.join(w.lang for w in translations) or 'no translations'})"]


def _update_term(document: GlossaryDocument, glossary: Glossary, term: Term, entry: TbxEntry) -> list[str]:
    changes = []
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
