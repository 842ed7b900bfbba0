"""The project's translation memory as TMX 1.4b (``medloc memory export``).

Translators who work in a CAT tool (memoQ, Trados, OmegaT, Phrase) or a second Weblate
want what has been translated here as a TMX file, the exchange format every such tool
reads. The pairs are the ones ``update`` itself suggests from (:class:`pipeline.merge.
TranslationMemory`): translated entries, obsolete ones a person had confirmed, and fuzzy
ones under the source their translation was made for (``#| msgid``, see
:func:`pipeline.merge.made_for`), never a fuzzy entry under a source it does not render.

One ``<tu>`` per pair: its ``srclang`` is the catalogue's source language (an article may
be written in Korean), ``<tuv xml:lang>`` carry BCP 47 tags (``zh-Hans``), ``x-context``
keeps a ``msgctxt``, ``<note>`` the catalogue and references. Plural entries have no
single target text and are left out (counted); so is text XML 1.0 cannot hold (control
characters), with a warning at its ``path:line``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from . import __version__
from .catalogs import read_language
from .config import Config
from .errors import Diagnostic, ErrorList, Location
from .languages import UnknownLanguageError, get_language
from .merge import TranslationMemory, catalog_languages

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class TmxUnit:
    """One source/translation pair."""

    source_lang: str
    target_lang: str
    source: str
    target: str
    context: str | None
    origin: str
    """The catalogue it came from (project-relative path)."""
    references: tuple[str, ...] = ()


@dataclass(slots=True)
class TmxExport:
    units: list[TmxUnit] = field(default_factory=list)
    plurals: int = 0
    """Plural entries left out (a TMX unit holds one text per language)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def collect_units(config: Config, langs: Sequence[str] | None = None) -> TmxExport:
    """Every pair a person translated in the project's catalogues, language by language."""
    wanted = [config.language(code) for code in langs] if langs else list(config.languages)
    export = TmxExport()
    errors = ErrorList()
    for lang in wanted:
        for path, catalog in read_language(config, lang, errors).items():
            source_lang, target_lang = catalog_languages(catalog)
            shown = config.relative(path)
            for entry in TranslationMemory.from_catalogs([catalog]).entries:
                message = entry.message
                if message.msgid_plural is not None:
                    export.plurals += 1
                    continue
                if _NOT_XML.search(message.msgid + message.msgstr + (message.msgctxt or "")):
                    export.diagnostics.append(Diagnostic(
                        Location(shown, message.line or None),
                        "entry holds a control character XML cannot carry; not exported", code="tmx-skipped"))
                    continue
                export.units.append(TmxUnit(
                    _tag(source_lang), _tag(target_lang or lang.code), message.msgid, message.msgstr, message.msgctxt,
                    shown, tuple(message.references),
                ))
    errors.raise_if_any()
    return export


def _tag(code: str) -> str:
    """BCP 47 tag of a gettext language code (``zh_Hans`` -> ``zh-Hans``); unknown codes as written."""
    try:
        return get_language(code).tag
    except UnknownLanguageError:  # a header naming a language medloc does not know stays as written
        return code.replace("_", "-")


def format_tmx(export: TmxExport, *, source_lang: str) -> str:
    """TMX 1.4b text of ``export`` (``source_lang``: the header's ``srclang``, the project's source language)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="medloc" creationtoolversion={quoteattr(__version__)} segtype="block" '
        f'o-tmf="PO" adminlang="en" srclang={quoteattr(_tag(source_lang))} datatype="plaintext"/>',
        "  <body>",
    ]
    for unit in export.units:
        lines.append(f"    <tu srclang={quoteattr(unit.source_lang)}>")
        if unit.context is not None:
            lines.append(f'      <prop type="x-context">{escape(unit.context)}</prop>')
        note = " ".join((unit.origin, *unit.references))
        lines.append(f"      <note>{escape(note)}</note>")
        lines.append(f"      <tuv xml:lang={quoteattr(unit.source_lang)}><seg>{escape(unit.source)}</seg></tuv>")
        lines.append(f"      <tuv xml:lang={quoteattr(unit.target_lang)}><seg>{escape(unit.target)}</seg></tuv>")
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)
