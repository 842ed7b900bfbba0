"""The terminology glossary: ``locales/glossary.yaml``, its model, validation and edits.

Schema, version 1 (reviewers edit this file by hand)::

    version: 1
    source_language: en
    terms:
      - id: herniated-disc            # stable id: findings, suppressions, TBX
        source: herniated disc        # canonical source term
        variants: [disc herniation]   # other source forms (inflections are automatic)
        not_in: [disc jockey]         # source expressions in which the term's wordings do not count
        note: Most common cause of sciatica.
        case_sensitive: false         # default false; true for abbreviations (MSC)
        keep: false                   # true: must appear unchanged in translations (MRI)
        translations:
          ko:                         # gettext language code (zh_Hans, not zh-Hans)
            preferred: 추간판 탈출증
            admitted: [디스크 탈출증, 허리 디스크]
            forbidden: [추간판 헤르니아]
            not_in: [디스크자키]       # the same, in this language
            note: 환자용 문서에서는 ...

Rules checked before anything runs (every problem is reported at once, each
as ``path:line: key.path: what is wrong``): YAML syntax, tab indentation,
duplicate keys, unknown keys (with "did you mean"), wrong types, missing
required keys, ids that are not slugs or look like numbers, duplicate ids, a
source form claimed by two terms, unknown or non-gettext language codes, and
a wording listed both as allowed (preferred/admitted) and forbidden.

``not_in`` lists fixed expressions that contain a wording of the term but mean
something else: Arabic ``عنق الرحم`` (cervix, "neck of the womb") for ``عنق`` (neck),
Chinese ``宫颈`` (cervix) for ``颈``, Japanese ``腰かけ`` (sit down) for ``腰``.
There the wording is not the term (see :mod:`pipeline.termmatch`); the expression
is matched by the language's rules, so one entry covers its inflections and clitics.
An expression may not be one of the term's own wordings in that language (that
wording would never count). Export to TBX and CSV leaves ``not_in`` out.

Spacing variants are deliberate: ``preferred: 줄기세포`` with
``forbidden: [줄기 세포]`` is valid and makes spacing significant for that
term in that language (see :mod:`pipeline.termmatch`).

Reading uses ruamel.yaml's composer (the libyaml-backed one when available):
it keeps every node's line and never constructs objects from tags, so a
glossary cannot execute anything. Writing uses ruamel.yaml's round-trip mode
(:class:`GlossaryDocument`), so comments, key order and quoting survive a
programmatic edit.
"""

from __future__ import annotations

import difflib
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.tokens import CommentToken

from .errors import Diagnostic, ErrorList, GlossaryError, Location, PipelineError
from .fsio import Snapshot, read_text, write_text_atomic
from .languages import get_language

SCHEMA_VERSION = 1
FormKind = Literal["preferred", "admitted", "forbidden"]

_TOP_KEYS = ("version", "source_language", "terms")
_TERM_KEYS = ("id", "source", "variants", "not_in", "note", "case_sensitive", "keep", "translations")
_TRANSLATION_KEYS = ("preferred", "admitted", "forbidden", "not_in", "note")
_ID_RE = re.compile(r"[a-z0-9]+(?:[-._][a-z0-9]+)*")
_NUMBER_LIKE_RE = re.compile(r"[-+]?[0-9][0-9._,:eE+-]*|0[xXoO][0-9a-fA-F]+")
_YAML_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "seq", "map"}
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}


# --------------------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class TermTranslation:
    """How one term is written in one language."""

    lang: str
    """gettext language code (``ko``, ``zh_Hans``)."""
    preferred: str | None
    """The approved wording; None only for ``keep`` terms (the source form is kept)."""
    admitted: tuple[str, ...] = ()
    """Acceptable alternatives (lay forms)."""
    forbidden: tuple[str, ...] = ()
    """Known wrong or deprecated wordings."""
    note: str | None = None
    line: int = 0
    """1-based line of the language key in the glossary file."""
    not_in: tuple[str, ...] = ()
    """Longer expressions in which these wordings do not name the term (``عنق الرحم`` for ``عنق``)."""

    @property
    def allowed(self) -> tuple[str, ...]:
        """Preferred form first, then the admitted ones."""
        head = (self.preferred,) if self.preferred else ()
        return head + self.admitted

    def by_kind(self) -> tuple[tuple[FormKind, tuple[str, ...]], ...]:
        """``(("preferred", (...)), ("admitted", (...)), ("forbidden", (...)))``."""
        preferred = (self.preferred,) if self.preferred else ()
        return (("preferred", preferred), ("admitted", self.admitted), ("forbidden", self.forbidden))

    @property
    def spacing_matters(self) -> bool:
        """A forbidden form differs from an allowed one only by spaces (``줄기 세포``)."""
        squeeze = {_squeeze(form) for form in self.allowed}
        return any(_squeeze(form) in squeeze for form in self.forbidden)


@dataclass(frozen=True, slots=True)
class Term:
    """One concept of the glossary."""

    id: str
    source: str
    variants: tuple[str, ...] = ()
    note: str | None = None
    case_sensitive: bool = False
    keep: bool = False
    translations: tuple[TermTranslation, ...] = ()
    line: int = 0
    """1-based line of the term's ``id`` (or of its list item)."""
    not_in: tuple[str, ...] = ()
    """Source-language expressions in which the source forms do not name the term (``disc jockey``)."""

    @property
    def source_forms(self) -> tuple[str, ...]:
        return (self.source, *self.variants)

    def translation(self, lang: str) -> TermTranslation | None:
        for translation in self.translations:
            if translation.lang == lang:
                return translation
        return None


@dataclass(frozen=True, slots=True)
class Glossary:
    """A validated glossary."""

    path: str
    source_language: str
    terms: tuple[Term, ...]
    version: int = SCHEMA_VERSION
    _by_id: Mapping[str, Term] = field(default_factory=dict, repr=False, compare=False)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    """What of the file was not read (a TBX or CSV used directly: columns it ignored)."""

    @classmethod
    def build(
        cls, *, path: str, source_language: str, terms: tuple[Term, ...], diagnostics: tuple[Diagnostic, ...] = ()
    ) -> "Glossary":
        index = MappingProxyType({term.id: term for term in terms})
        return cls(path=path, source_language=source_language, terms=terms, _by_id=index, diagnostics=diagnostics)

    def term(self, term_id: str) -> Term | None:
        return self._by_id.get(term_id)

    def languages(self) -> list[str]:
        """The source language, then every translation language in order of appearance."""
        seen = [self.source_language]
        for term in self.terms:
            seen.extend(t.lang for t in term.translations if t.lang not in seen)
        return seen

    def forms(self, term: Term, lang: str) -> TermTranslation | None:
        """The wordings of ``term`` in ``lang``; for the source language, source and variants."""
        if lang == self.source_language:
            return TermTranslation(lang, term.source, term.variants, (), term.note, term.line, term.not_in)
        return term.translation(lang)


def _roles(preferred: str | None, admitted: tuple[str, ...]) -> dict[str, str]:
    """Collapsed allowed wording -> ``preferred`` or ``admitted``."""
    roles = {_collapse(preferred): "preferred"} if preferred else {}
    for form in admitted:
        roles.setdefault(_collapse(form), "admitted")
    return roles


def _squeeze(text: str) -> str:
    return "".join(text.split()).casefold()


def _collapse(text: str) -> str:
    return " ".join(text.split()).casefold()


def slugify(text: str) -> str:
    """A term id made from a source term: ``Herniated disc`` -> ``herniated-disc``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "term"


# --------------------------------------------------------------------------- reading


FOREIGN_SUFFIXES = (".tbx", ".xml", ".csv", ".tsv")


def load_glossary(path: Path, *, source_language: str | None = None) -> Glossary:
    """Read and validate a glossary file; raises :class:`ErrorList` listing every problem.

    A TBX or CSV export of a terminology tool (by extension) is read too;
    ``source_language`` names the language of a CSV's ``source`` column (TBX
    files name theirs).
    """
    if path.suffix.lower() in FOREIGN_SUFFIXES:
        from .glossary_io import glossary_from_file  # glossary_io builds on this module

        return glossary_from_file(path, source_language=source_language or "en")
    return parse_glossary(read_text(path), path=str(path))


def parse_glossary(text: str, *, path: str) -> Glossary:
    """Validate glossary YAML text; every problem is collected before raising."""
    errors = ErrorList()
    _check_tabs(text, path, errors)
    errors.raise_if_any()
    root = _compose(text, path)
    glossary = _Reader(path, errors).glossary(root)
    errors.errors.sort(key=lambda e: (e.location.line or 0) if e.location else 0)
    errors.raise_if_any()
    assert glossary is not None
    return glossary


def _check_tabs(text: str, path: str, errors: ErrorList) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            errors.errors.append(
                GlossaryError("tab character in indentation; YAML needs spaces", Location(path, number, indent.index("\t") + 1))
            )


def _compose(text: str, path: str) -> Node | None:
    try:
        return YAML(typ="safe", pure=False).compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.problem and exc.context and exc.context_mark is not None:
            problem += f" ({exc.context} started at line {exc.context_mark.line + 1})"
        raise GlossaryError(f"YAML syntax error: {problem}", where) from None


def _kind(node: Node) -> str:
    """What a node is, in the words of an error message."""
    if not node.tag.startswith(_YAML_TAG) or node.tag.removeprefix(_YAML_TAG) not in _PLAIN_TAGS:
        return f"a value tagged {node.tag.replace(_YAML_TAG, '!!')!r}"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = node.tag.removeprefix(_YAML_TAG)
    return {"str": "a string", "int": "a number", "float": "a number", "bool": "true/false", "null": "nothing"}[tag]


class _Reader:
    """Turns composed YAML nodes into the model, recording every problem."""

    def __init__(self, path: str, errors: ErrorList) -> None:
        self.path = path
        self.errors = errors
        self.source_language = "en"
        self.seen: set[int] = set()

    def first_visit(self, node: Node, key: str, at: Node | None = None) -> bool:
        """Collections are read once: an alias (``*name``) could make a small file explode."""
        if id(node) in self.seen:
            self.fail(at or node, key, "YAML aliases (*name) are not supported in the glossary; write the value out")
            return False
        self.seen.add(id(node))
        return True

    def fail(self, node: Node, key: str, message: str) -> None:
        where = Location(self.path, node.start_mark.line + 1)
        self.errors.errors.append(GlossaryError(f"{key}: {message}" if key else message, where))

    # -- generic node access

    def mapping(self, node: Node, key: str, known: tuple[str, ...], at: Node | None = None) -> dict[str, tuple[Node, Node]] | None:
        """Keys of a mapping node with (key node, value node); reports duplicates and unknown keys.

        ``at``: the key node whose value this is (where an alias error is reported).
        """
        if not isinstance(node, MappingNode):
            self.fail(node, key, f"expected a mapping, got {_kind(node)}")
            return None
        if not self.first_visit(node, key, at):
            return None
        items: dict[str, tuple[Node, Node]] = {}
        for knode, vnode in node.value:
            name = str(knode.value) if isinstance(knode, ScalarNode) else "?"
            where = f"{key}.{name}" if key else name
            if name in items:
                self.fail(knode, where, f"duplicate key (first at line {items[name][0].start_mark.line + 1})")
                continue
            items[name] = (knode, vnode)
            if known and name not in known:
                self.unknown_key(knode, where, name, known)
        return items

    def unknown_key(self, node: Node, where: str, name: str, known: tuple[str, ...]) -> None:
        hint = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        extra = f"did you mean {hint[0]!r}?" if hint else f"expected one of: {', '.join(known)}"
        self.fail(node, where, f"unknown key; {extra}")

    def string(self, node: Node, key: str) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag != _YAML_TAG + "str":
            self.fail(node, key, f"expected a string, got {_kind(node)}")
            return None
        if not node.value.strip():
            self.fail(node, key, "must not be empty")
            return None
        return " ".join(node.value.split())

    def optional_string(self, items: dict[str, tuple[Node, Node]], name: str, key: str) -> str | None:
        return self.string(items[name][1], f"{key}.{name}") if name in items else None

    def boolean(self, items: dict[str, tuple[Node, Node]], name: str, key: str) -> bool:
        if name not in items:
            return False
        node = items[name][1]
        if not isinstance(node, ScalarNode) or node.tag != _YAML_TAG + "bool":
            hint = " (write true or false)" if isinstance(node, ScalarNode) and node.value.lower() in _YAML11_BOOLS else ""
            self.fail(node, f"{key}.{name}", f"expected true or false, got {_kind(node)}{hint}")
            return False
        return node.value.lower() == "true"

    def strings(self, items: dict[str, tuple[Node, Node]], name: str, key: str) -> tuple[str, ...]:
        if name not in items:
            return ()
        node = items[name][1]
        where = f"{key}.{name}"
        if not isinstance(node, SequenceNode):
            hint = f" (write [{node.value}])" if isinstance(node, ScalarNode) else ""
            self.fail(node, where, f"expected a list of strings, got {_kind(node)}{hint}")
            return ()
        if not self.first_visit(node, where, items[name][0]):
            return ()
        found = (self.string(item, f"{where}[{i}]") for i, item in enumerate(node.value))
        return tuple(s for s in found if s is not None)

    def require(self, items: dict[str, tuple[Node, Node]], node: Node, key: str, names: tuple[str, ...]) -> bool:
        missing = [name for name in names if name not in items]
        for name in missing:
            self.fail(node, key, f"missing required key {name!r}")
        return not missing

    # -- the schema

    def glossary(self, root: Node | None) -> Glossary | None:
        if root is None:
            message = "empty glossary; expected 'version', 'source_language' and 'terms'"
            self.errors.errors.append(GlossaryError(message, Location(self.path, 1)))
            return None
        items = self.mapping(root, "", _TOP_KEYS)
        if items is None:
            return None
        self.require(items, root, "glossary", _TOP_KEYS)
        if "version" in items:
            self.version(items["version"][1])
        if "source_language" in items:
            self.source_language = self.language(items["source_language"][1], "source_language") or "en"
        terms = self.terms(items["terms"][1]) if "terms" in items else ()
        return Glossary.build(path=self.path, source_language=self.source_language, terms=terms)

    def version(self, node: Node) -> None:
        if not (isinstance(node, ScalarNode) and node.tag == _YAML_TAG + "int" and node.value == str(SCHEMA_VERSION)):
            shown = node.value if isinstance(node, ScalarNode) else _kind(node)
            self.fail(node, "version", f"unsupported glossary version {shown} (medloc reads version {SCHEMA_VERSION})")

    def language(self, node: Node, key: str) -> str | None:
        code = self.string(node, key)
        if code is None:
            return None
        try:
            canonical = get_language(code).code
        except PipelineError as exc:
            self.fail(node, key, exc.message)
            return None
        if canonical != code:
            self.fail(node, key, f"write language codes in gettext form: {canonical!r}")
            return None
        return canonical

    def terms(self, node: Node) -> tuple[Term, ...]:
        if not isinstance(node, SequenceNode):
            self.fail(node, "terms", f"expected a list of terms, got {_kind(node)}")
            return ()
        self.seen.add(id(node))
        terms = [self.term(item, f"terms[{i}]") for i, item in enumerate(node.value)]
        valid = tuple(t for t in terms if t is not None)
        self.unique_ids(valid)
        self.unique_source_forms(valid)
        return valid

    def term(self, node: Node, key: str) -> Term | None:
        items = self.mapping(node, key, _TERM_KEYS)
        if items is None or not self.require(items, node, key, ("id", "source")):
            return None
        term_id = self.term_id(items["id"][1], f"{key}.id", items)
        source = self.string(items["source"][1], f"{key}.source")
        keep = self.boolean(items, "keep", key)
        translations = self.translations(items, key, keep=keep)
        variants = self.strings(items, "variants", key)
        wordings = {_collapse(source): "source"} if source else {}
        for form in variants:
            wordings.setdefault(_collapse(form), "variant")
        term = Term(
            id=term_id or "",
            source=source or "",
            variants=variants,
            note=self.optional_string(items, "note", key),
            case_sensitive=self.boolean(items, "case_sensitive", key),
            keep=keep,
            translations=translations,
            line=items["id"][0].start_mark.line + 1,
            not_in=self.not_in(items, key, wordings),
        )
        return term if term_id and source else None

    def term_id(self, node: Node, key: str, items: dict[str, tuple[Node, Node]]) -> str | None:
        source = items.get("source", (None, None))[1]
        example = slugify(source.value) if isinstance(source, ScalarNode) else "herniated-disc"
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(node, ScalarNode) and node.tag in (_YAML_TAG + "int", _YAML_TAG + "float") or (
            isinstance(value, str) and _NUMBER_LIKE_RE.fullmatch(value)
        ):
            self.fail(node, key, f"id {value} looks like a number; use a descriptive slug such as {example!r}")
            return None
        term_id = self.string(node, key)
        if term_id is not None and not _ID_RE.fullmatch(term_id):
            self.fail(node, key, f"{term_id!r} is not a valid id; use lowercase letters, digits and '-', e.g. {example!r}")
            return None
        return term_id

    def translations(self, items: dict[str, tuple[Node, Node]], key: str, *, keep: bool) -> tuple[TermTranslation, ...]:
        if "translations" not in items:
            return ()
        knode, node = items["translations"]
        langs = self.mapping(node, f"{key}.translations", (), at=knode)
        if langs is None:
            return ()
        found = []
        for code, (knode, vnode) in langs.items():
            lang = self.language(knode, f"{key}.translations.{code}")
            translation = self.translation(vnode, f"{key}.translations.{code}", lang, keep=keep, at=knode)
            if lang is not None and translation is not None:
                found.append(translation)
        return tuple(found)

    def translation(self, node: Node, key: str, lang: str | None, *, keep: bool, at: Node) -> TermTranslation | None:
        items = self.mapping(node, key, _TRANSLATION_KEYS, at=at)
        if items is None:
            return None
        if not keep and not self.require(items, node, key, ("preferred",)):
            return None
        preferred = self.optional_string(items, "preferred", key)
        admitted = self.strings(items, "admitted", key)
        forbidden = self.strings(items, "forbidden", key)
        self.no_allowed_forbidden(items, key, preferred, admitted, forbidden)
        wordings = _roles(preferred, admitted)
        for form in forbidden:
            wordings.setdefault(_collapse(form), "forbidden")
        return TermTranslation(
            lang=lang or "",
            preferred=preferred,
            admitted=admitted,
            forbidden=forbidden,
            note=self.optional_string(items, "note", key),
            line=at.start_mark.line + 1,
            not_in=self.not_in(items, key, wordings),
        )

    def not_in(self, items: dict[str, tuple[Node, Node]], key: str, wordings: dict[str, str]) -> tuple[str, ...]:
        """``not_in``: expressions longer than the wordings they contain, so never a wording itself."""
        expressions = self.strings(items, "not_in", key)
        if not expressions or not isinstance(items["not_in"][1], SequenceNode):
            return expressions
        for index, node in enumerate(items["not_in"][1].value):
            expression = " ".join(node.value.split()) if isinstance(node, ScalarNode) else ""
            role = wordings.get(_collapse(expression)) if expression else None
            if role is not None:
                message = f"{expression!r} is the {role} form itself; list the longer expressions that contain it"
                self.fail(node, f"{key}.not_in[{index}]", message)
        return expressions

    def no_allowed_forbidden(
        self,
        items: dict[str, tuple[Node, Node]],
        key: str,
        preferred: str | None,
        admitted: tuple[str, ...],
        forbidden: tuple[str, ...],
    ) -> None:
        allowed = _roles(preferred, admitted)
        if "forbidden" not in items or not isinstance(items["forbidden"][1], SequenceNode):
            return
        for index, (node, form) in enumerate(zip(items["forbidden"][1].value, forbidden)):
            role = allowed.get(_collapse(form))
            if role is not None:
                self.fail(node, f"{key}.forbidden[{index}]", f"{form!r} is also the {role} form")

    def unique_ids(self, terms: tuple[Term, ...]) -> None:
        first: dict[str, Term] = {}
        for index, term in enumerate(terms):
            if term.id in first:
                self.fail_line(term.line, f"terms[{index}].id", f"duplicate term id {term.id!r} (first at line {first[term.id].line})")
            first.setdefault(term.id, term)

    def unique_source_forms(self, terms: tuple[Term, ...]) -> None:
        owner: dict[str, Term] = {}
        for term in terms:
            for form in dict.fromkeys(_collapse(f) for f in term.source_forms):
                other = owner.setdefault(form, term)
                if other is not term and other.id != term.id:
                    clash = f"source form {form!r} is also a source form of {other.id!r} (line {other.line})"
                    self.fail_line(term.line, f"term {term.id!r}", clash)

    def fail_line(self, line: int, key: str, message: str) -> None:
        self.errors.errors.append(GlossaryError(f"{key}: {message}", Location(self.path, line)))


# --------------------------------------------------------------------------- writing


def _round_trip_yaml(text: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    offset = _sequence_offset(text)
    yaml.indent(mapping=_mapping_indent(text), sequence=offset + 2, offset=offset)
    return yaml


def _sequence_offset(text: str) -> int:
    """Indent of ``-`` relative to its parent key (``terms:\\n  - id``: 2)."""
    lines = text.splitlines()
    for before, line in zip(lines, lines[1:]):
        if before.rstrip().endswith(":") and line.lstrip().startswith("- "):
            return (len(line) - len(line.lstrip())) - (len(before) - len(before.lstrip()))
    return 2


def _mapping_indent(text: str) -> int:
    lines = text.splitlines()
    for before, line in zip(lines, lines[1:]):
        stripped = line.lstrip()
        if before.rstrip().endswith(":") and not before.lstrip().startswith("- ") and stripped and not stripped.startswith(("-", "#")):
            return (len(line) - len(line.lstrip())) - (len(before) - len(before.lstrip()))
    return 2


class GlossaryDocument:
    """A glossary file opened for editing: comments, order and quoting are kept.

    Edits go through methods that keep the schema; :meth:`dump` re-validates
    the result, so an edit can never produce a glossary medloc would refuse.
    """

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.original = text
        self.snapshot = Snapshot.of_bytes(path, text.encode("utf-8"))
        parse_glossary(text, path=str(path))
        self._yaml = _round_trip_yaml(text)
        self.data: CommentedMap = self._yaml.load(text)

    @classmethod
    def open(cls, path: Path) -> "GlossaryDocument":
        return cls(path, read_text(path))

    def _terms(self) -> CommentedSeq:
        return self.data["terms"]

    def _find(self, term_id: str) -> CommentedMap | None:
        return next((t for t in self._terms() if t.get("id") == term_id), None)

    def term_ids(self) -> Iterator[str]:
        return (str(t["id"]) for t in self._terms())

    def add_term(self, term: Term) -> None:
        """Append a term (in schema key order); its id must be new."""
        if self._find(term.id) is not None:
            raise GlossaryError(f"term id {term.id!r} already exists", Location(str(self.path)))
        entry = CommentedMap()
        entry["id"] = term.id
        entry["source"] = term.source
        if term.variants:
            entry["variants"] = _flow(term.variants)
        if term.not_in:
            entry["not_in"] = _flow(term.not_in)
        if term.note:
            entry["note"] = term.note
        if term.case_sensitive:
            entry["case_sensitive"] = True
        if term.keep:
            entry["keep"] = True
        if term.translations:
            flow = self._flow_languages()
            entry["translations"] = CommentedMap((t.lang, _translation_map(t, flow=flow)) for t in term.translations)
        _append(self._terms(), entry)

    def set_term_fields(self, term_id: str, *, variants: tuple[str, ...] | None = None, note: str | None = None) -> None:
        entry = self._require(term_id)
        if variants is not None:
            _set_or_drop(entry, "variants", list(variants) or None, after="source")
        if note is not None:
            _set_or_drop(entry, "note", note or None, after="variants" if "variants" in entry else "source")

    def set_translation(self, term_id: str, translation: TermTranslation) -> None:
        """Replace the wordings of one language of one term (the note too, when given).

        A new language is written in the style the file uses (``ja: {preferred: ...}``
        or a block mapping).
        """
        entry = self._require(term_id)
        langs = entry.get("translations")
        current = langs.get(translation.lang) if langs is not None else None
        if current is not None:
            _fill(current, translation)
            return
        new = _translation_map(translation, flow=self._flow_languages())
        if langs is None:
            _append(entry, CommentedMap([(translation.lang, new)]), key="translations")
        else:
            _append(langs, new, key=translation.lang)

    def _flow_languages(self) -> bool:
        """Whether the file writes a language's wordings as a flow mapping (``{preferred: ...}``)."""
        langs = [v for t in self._terms() for v in (t.get("translations") or {}).values() if isinstance(v, CommentedMap)]
        styles = [bool(v.fa.flow_style()) for v in langs]
        return sum(styles) * 2 > len(styles)

    def _require(self, term_id: str) -> CommentedMap:
        entry = self._find(term_id)
        if entry is None:
            raise GlossaryError(f"no term with id {term_id!r}", Location(str(self.path)))
        return entry

    def dump(self) -> str:
        """The edited file as text; raises if the result would not validate."""
        stream = io.StringIO()
        self._yaml.dump(self.data, stream)
        text = _keep_indentation(self.original, stream.getvalue())
        parse_glossary(text, path=str(self.path))
        return text

    def save(self) -> bool:
        """Write atomically if changed; refuses if the file changed since it was opened."""
        return write_text_atomic(self.path, self.dump(), expect=self.snapshot)


def _keep_indentation(original: str, dumped: str) -> str:
    """``dumped`` with the reviewer's indentation back on lines the edit did not touch.

    ruamel.yaml writes one sequence indentation for the whole file, so a file that
    mixes ``key:\n- a`` and ``key:\n  - a`` would churn on lines nobody edited.
    Runs of lines that differ only in leading spaces get their original text back,
    kept only if the file still means the same.
    """
    old, new = original.splitlines(keepends=True), dumped.splitlines(keepends=True)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        out += _reindent(old[i1:i2], new[j1:j2]) if tag == "replace" else new[j1:j2]
    kept = "".join(out)
    if kept == dumped:
        return dumped
    safe = YAML(typ="safe", pure=True)
    return kept if safe.load(kept) == safe.load(dumped) else dumped


def _reindent(old: list[str], new: list[str]) -> list[str]:
    """``new`` with its leading and trailing lines that equal ``old``'s but for
    indentation taken from ``old``."""
    head = 0
    while head < min(len(old), len(new)) and old[head].strip() == new[head].strip():
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail].strip() == new[-1 - tail].strip():
        tail += 1
    return old[:head] + new[head : len(new) - tail] + old[len(old) - tail :]


def _flow(values: tuple[str, ...] | list[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _translation_map(translation: TermTranslation, *, flow: bool) -> CommentedMap:
    mapping = CommentedMap()
    if flow:
        mapping.fa.set_flow_style()
    _fill(mapping, translation)
    return mapping


def _fill(mapping: CommentedMap, translation: TermTranslation) -> None:
    _set_or_drop(mapping, "preferred", translation.preferred, after=None)
    _set_or_drop(mapping, "admitted", list(translation.admitted) or None, after="preferred")
    _set_or_drop(mapping, "forbidden", list(translation.forbidden) or None, after="admitted")
    if translation.not_in:  # a TBX or CSV import knows no not_in: what the file lists stays
        _set_or_drop(mapping, "not_in", list(translation.not_in), after="forbidden")
    if translation.note is not None:
        _set_or_drop(mapping, "note", translation.note or None, after="forbidden")


def _set_or_drop(mapping: CommentedMap, key: str, value: Any, *, after: str | None) -> None:
    """Set ``key`` keeping its place and style (or place it after ``after``); drop it when value is None.

    Lists are updated in place so their flow style and end-of-line comment stay.
    """
    if value is None:
        mapping.pop(key, None)
        return
    if key in mapping:
        old = mapping[key]
        if isinstance(old, CommentedSeq) and isinstance(value, list):
            if list(old) != value:
                old[:] = value
        elif old != value:
            mapping[key] = value
        return
    if isinstance(value, list):
        value = _flow(value)
    keys = list(mapping.keys())
    position = keys.index(after) + 1 if after in keys else (0 if after is None else len(keys))
    mapping.insert(position, key, value)


def _append(container: CommentedMap | CommentedSeq, value: Any, *, key: str | None = None) -> None:
    """Add at the end, moving the comment lines that followed the old last item after the new one.

    ruamel.yaml attaches a comment block (``# abbreviations`` before the next
    section) to the deepest last key above it; appending without moving it would
    put the new item under the next section's heading.
    """
    trailing = _detach_trailing(container)
    if isinstance(container, CommentedSeq):
        container.append(value)
    else:
        container[key] = value
    if trailing is not None:
        _attach_trailing(container, trailing)


def _deepest_last(node: Any) -> tuple[Any, Any] | None:
    """(container, key) of the last scalar-valued item reached by descending through block collections."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child) and not child.fa.flow_style():
            node = child
            continue
        return node, key
    return None


def _slot(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _detach_trailing(node: Any) -> str | None:
    """Remove and return the full-line comments after the last item (its end-of-line comment stays)."""
    found = _deepest_last(node)
    if found is None:
        return None
    container, key = found
    entry = container.ca.items.get(key)
    token = entry[_slot(container)] if entry and len(entry) > _slot(container) else None
    if token is None:
        return None
    head, _newline, rest = token.value.partition("\n")
    if not rest.strip():
        return None
    if head.strip():
        token.value = head + "\n"
    else:
        entry[_slot(container)] = None
    return "\n" + rest


def _attach_trailing(node: Any, text: str) -> None:
    found = _deepest_last(node)
    if found is None:
        return
    container, key = found
    slots = [None, None, None, None] if isinstance(container, CommentedMap) else [None, None]
    entry = container.ca.items.setdefault(key, slots)
    token = entry[_slot(container)]
    if token is None:
        entry[_slot(container)] = CommentToken(text, CommentMark(0), None)
    else:
        token.value = token.value.rstrip("\n") + text
