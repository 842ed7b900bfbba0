"""Languages: validation through Babel and the facts every stage needs.

One record, :class:`Language`, answers the questions the stages ask about a
language code: its gettext form (``zh_Hans``), its BCP 47 tag for HTML
(``zh-Hans``), its ``Plural-Forms`` header from Babel's CLDR data, its script
direction, whether words are space-separated, and the nearest language that
Material for MkDocs ships a UI translation for.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.localedata import locale_identifiers
from babel.messages.plurals import get_plural

from .errors import Location, PipelineError

# Korean separates words by spaces, but a Korean word holds its particles: counts are in characters too.
_CHARACTER_COUNTED_SPACED = {"ko"}
# Material for MkDocs' theme.language names where they differ from the BCP 47 tag.
# Country codes people type for a language; suggested before fuzzy matches.
_COMMON_MISTAKES = {"kr": "ko", "jp": "ja", "cn": "zh_Hans", "ua": "uk", "gr": "el", "dk": "da", "cz": "cs", "se": "sv"}
UNSPACED_SCRIPTS = frozenset({"Hans", "Hant", "Hani", "Jpan", "Thai", "Laoo", "Khmr", "Mymr"})
"""Scripts (ISO 15924) written without spaces between words: Han, Japanese, Thai, Lao, Khmer, Myanmar."""
_MATERIAL_LANGUAGE = {"zh-Hans": "zh", "zh-Hant": "zh-Hant", "zh-CN": "zh", "zh-TW": "zh-TW", "pt-BR": "pt-BR"}


class UnknownLanguageError(PipelineError):
    """A language code Babel does not know."""


@dataclass(frozen=True, slots=True)
class Language:
    """Everything medloc needs to know about one language."""

    code: str
    """gettext form as used in folder names and the ``Language`` header: ``ko``, ``zh_Hans``."""
    tag: str
    """BCP 47 tag for ``<html lang>`` and ``hreflang``: ``ko``, ``zh-Hans``."""
    english_name: str
    native_name: str
    nplurals: int
    plural_expr: str
    rtl: bool
    counts_characters: bool
    """True for languages written without spaces (or, like Korean, where word counts mislead)."""

    @property
    def plural_forms(self) -> str:
        """The ``Plural-Forms`` header value, as msginit writes it."""
        return f"nplurals={self.nplurals}; plural={self.plural_expr};"

    @property
    def material_language(self) -> str:
        """``theme.language`` for Material for MkDocs."""
        return _MATERIAL_LANGUAGE.get(self.tag, self.tag.split("-")[0])

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @property
    def script(self) -> str:
        """ISO 15924 script the language is written in (CLDR likely subtags): ``Arab`` for fa, ``Thai``."""
        return script_of(self.code)

    @property
    def spaced(self) -> bool:
        """Whether words are separated by spaces (False for :data:`UNSPACED_SCRIPTS`)."""
        return self.script not in UNSPACED_SCRIPTS


@lru_cache(maxsize=None)
def script_of(code: str) -> str:
    """The script of a gettext language code: an explicit one (``zh_Hans``), else CLDR's likely one."""
    parts = code.replace("-", "_").split("_")
    explicit = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if explicit:
        return explicit.title()
    likely: dict[str, str] = get_global("likely_subtags")
    for key in (code.replace("-", "_"), parts[0]):
        if key in likely:
            found = likely[key].split("_")
            if len(found) > 1 and len(found[1]) == 4:
                return found[1]
    return "Zyyy"  # unknown ("common")


@lru_cache(maxsize=None)
def _identifiers() -> tuple[str, ...]:
    return tuple(sorted(locale_identifiers()))


def suggest(code: str) -> list[str]:
    """Close known language codes for a misspelt one."""
    norm = code.replace("-", "_").lower()
    if norm in _COMMON_MISTAKES:
        return [_COMMON_MISTAKES[norm]]
    lowered = {ident.lower(): ident for ident in _identifiers()}
    matches = difflib.get_close_matches(norm, list(lowered), n=3, cutoff=0.6)
    return [lowered[m] for m in matches]


@lru_cache(maxsize=None)
def get_language(code: str, location: Location | None = None) -> Language:
    """Validate ``code`` through Babel and describe it.

    Accepts gettext (``zh_Hans``) and BCP 47 (``zh-Hans``) forms.
    """
    if not isinstance(code, str) or not code.strip():
        raise UnknownLanguageError("empty language code", location)
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        hint = suggest(code)
        extra = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
        raise UnknownLanguageError(f"unknown language code {code!r}{extra}", location) from None
    gettext_code = str(locale)
    tag = gettext_code.replace("_", "-")
    plural = get_plural(locale)
    return Language(
        code=gettext_code,
        tag=tag,
        english_name=locale.english_name or gettext_code,
        native_name=(locale.get_display_name(locale) or gettext_code),
        nplurals=plural.num_plurals,
        plural_expr=plural.plural_expr,
        rtl=locale.character_order == "right-to-left",
        counts_characters=script_of(gettext_code) in UNSPACED_SCRIPTS or locale.language in _CHARACTER_COUNTED_SPACED,
    )
