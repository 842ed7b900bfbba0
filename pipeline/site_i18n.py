"""medloc's own site texts (the gettext domain ``site``): notices, disclaimer, status labels.

The English texts below are the msgids of ``locales/templates/site.pot``
(``tests/test_site.py`` checks that the two agree). Translations come from
``locales/<lang>/LC_MESSAGES/site.po`` and are looked up like GNU gettext does:
only translated, non-fuzzy entries count; plural forms are chosen with the
catalogue's ``Plural-Forms`` expression (Babel's CLDR rules, so Arabic has six).

A translated text is untrusted input (it reaches every page): it is always
HTML-escaped by the templates, and one whose ``%(name)s`` placeholders differ
from the msgid is ignored with a finding, so a careless ``site.po`` can never
break a page or the build.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale

from .errors import Diagnostic, Location
from .languages import Language

DOMAIN = "site"


@dataclass(frozen=True, slots=True)
class UiMessage:
    """One text of the site's own interface."""

    msgid: str
    msgid_plural: str | None = None
    note: str = ""
    """Explanation for translators (``#.`` in site.pot)."""


MESSAGES: dict[str, UiMessage] = {
    "home.title": UiMessage("Patient information", note="Title of the home page."),
    "home.intro": UiMessage(
        "Clear information about spine conditions and their treatment, for patients and their families.",
        note="First paragraph of the home page.",
    ),
    "home.articles": UiMessage("Articles", note="Heading above the list of articles on the home page."),
    "home.languages": UiMessage(
        "This information is available in these languages:",
        note="Lead-in of the list of site languages on the home page.",
    ),
    "disclaimer": UiMessage(
        "This page gives general information for patients. It does not replace a consultation "
        "with a doctor. If your symptoms are severe or get worse quickly, seek medical care straight away.",
        note="Medical disclaimer shown at the end of every page. Keep it calm and plain.",
    ),
    "disclaimer.label": UiMessage("Medical disclaimer", note="Label for screen readers."),
    "notice.title": UiMessage("Translation in progress", note="Title of the box on a partly translated page."),
    "notice.untranslated": UiMessage(
        "%(num)d section of this page is not translated yet and is shown in the original language (%(language)s).",
        "%(num)d sections of this page are not translated yet and are shown in the original language (%(language)s).",
        note="%(language)s is the name of the original language in the reader's language, e.g. 'English'.",
    ),
    "notice.pivot": UiMessage(
        "%(num)d section of this page is not translated yet and is shown in another language (%(language)s).",
        "%(num)d sections of this page are not translated yet and are shown in another language (%(language)s).",
        note="When an article written in a third language is not translated: its text in %(language)s "
        "(e.g. 'English') is shown instead of the original.",
    ),
    "notice.outdated": UiMessage(
        "The original article was updated after it was translated. %(num)d section shows the original "
        "text until its translation has been checked.",
        "The original article was updated after it was translated. %(num)d sections show the original "
        "text until their translation has been checked.",
        note="Shown when the source article changed since the translation was made (fuzzy entries).",
    ),
    "notice.progress": UiMessage(
        "%(done)d of %(total)d section translated.",
        "%(done)d of %(total)d sections translated.",
        note="The plural form follows %(total)d.",
    ),
    "notice.legend": UiMessage(
        "Text in the original language is shown on a shaded background.",
        note="Explains how untranslated parts are marked.",
    ),
    "notice.legend_mixed": UiMessage(
        "Text that is not translated yet is shown on a shaded background.",
        note="Explains the marking when some of it is shown in another translation, not in the original.",
    ),
    "notice.original_link": UiMessage(
        "Read the original article (%(language)s)",
        note="Link to the page in its original language; %(language)s is that language's name.",
    ),
    "palette.dark": UiMessage("Switch to dark mode", note="Name of the header button that turns the page dark."),
    "palette.light": UiMessage("Switch to light mode", note="Name of the header button that turns the page light."),
    "notfound.title": UiMessage("Page not found", note="Title of the page shown for an address that does not exist (404)."),
    "notfound.text": UiMessage(
        "There is no page at this address. It may have moved, or the link may be wrong.",
        note="Text of the page shown for an address that does not exist (404).",
    ),
    "notfound.home": UiMessage("Go to the home page", note="Link from the 404 page to the home page of the reader's language."),
    "status.title": UiMessage("Translation status", note="Title of the page for the translation team."),
    "status.intro": UiMessage(
        "How much of each article is translated into each language. This page is generated from "
        "the translation catalogues each time the site is built.",
    ),
    "status.language": UiMessage("Language", note="Table column."),
    "status.article": UiMessage("Article", note="Table column."),
    "status.translated": UiMessage("Translated", note="Table column: number of translated segments."),
    "status.fuzzy": UiMessage("Needs review", note="Table column: fuzzy segments (the original changed)."),
    "status.untranslated": UiMessage("Not translated", note="Table column."),
    "status.progress": UiMessage("Progress", note="Table column with a bar."),
    "status.original": UiMessage("original", note="Shown instead of numbers for an article written in this language."),
    "status.complete": UiMessage(
        "%(done)d of %(total)d article fully translated",
        "%(done)d of %(total)d articles fully translated",
        note="Summary per language; the plural form follows %(total)d.",
    ),
    "status.bar": UiMessage(
        "%(translated)d%% translated, %(fuzzy)d%% needs review, %(untranslated)d%% not translated",
        note="Text alternative of a progress bar, read by screen readers.",
    ),
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
_MARKUP = re.compile(r"[<>]|&#?\w+;")


def site_name_message(site_name: str) -> UiMessage:
    """The site name from mkdocs.yml is translated like the other texts."""
    return UiMessage(site_name, note="Site name from mkdocs.yml (header and page titles).")


UI_SOURCE = "en"
"""The language of the site's own texts as written: the msgids of ``site.pot``."""


@dataclass(slots=True)
class UiTranslations:
    """Site texts in one language: gettext/ngettext over one ``site.po``."""

    lang: Language
    entries: dict[str, str | list[str]] = field(default_factory=dict)
    """msgid -> msgstr, or msgid -> plural msgstrs, translated entries only."""
    plural: Callable[[int], int] = lambda n: int(n != 1)
    path: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def text(self, key: str, **values: object) -> str:
        """The translated text of ``MESSAGES[key]``, formatted with ``values``."""
        return self.message(MESSAGES[key], **values)

    def message(self, message: UiMessage, **values: object) -> str:
        count = values.get("num", values.get("total"))
        english = message.msgid
        if message.msgid_plural is not None and isinstance(count, int) and count != 1:
            english = message.msgid_plural
        translated = self._lookup(message, count)
        for candidate in (translated, english):
            if candidate is None:
                continue
            try:
                return candidate % values if values else candidate
            except (KeyError, ValueError, TypeError):
                self.diagnostics.append(
                    Diagnostic(Location(self.path), f"cannot format {candidate!r}; English text used", code="site-format")
                )
        return english

    def _lookup(self, message: UiMessage, count: object) -> str | None:
        found = self.entries.get(message.msgid)
        if found is None:
            return None
        if isinstance(found, str):
            return found
        index = self.plural(count) if isinstance(count, int) else 0
        return found[index] if 0 <= index < len(found) else None

    def shows_english(self, key: str) -> bool:
        """Whether ``MESSAGES[key]`` is shown as its English msgid on this language's pages
        (``site.po`` has no translation of it).

        Such a text is marked ``lang="en" dir="ltr"``: a screen reader reads it
        with an English voice, and on a right-to-left page the sentence keeps its
        order (without ``dir`` a Persian page showed "(انگلیسی) sections … 11").
        A sentence in English names languages in English too.
        """
        return self.lang.code.split("_")[0] != UI_SOURCE and MESSAGES[key].msgid not in self.entries

    def language_name(self, other: Language) -> str:
        """``other``'s name in this language (CLDR via Babel), e.g. 영어 for English in Korean."""
        return _display_name(other.code, self.lang.code) or other.english_name


@lru_cache(maxsize=256)
def _display_name(code: str, in_code: str) -> str | None:
    return Locale.parse(code).get_display_name(Locale.parse(in_code))


def english(lang: Language) -> UiTranslations:
    """Texts as written in the source (no catalogue)."""
    return UiTranslations(lang=lang)


def load_ui(lang: Language, po_path: Path, *, read: Callable[[Path], object], extra: Mapping[str, UiMessage] = {}) -> UiTranslations:
    """Load ``site.po`` for ``lang``; a missing file means English texts.

    ``read`` is :func:`pipeline.pofile.read_po` (injected so this module has no
    import-time dependency on the PO layer).
    """
    if not po_path.is_file():
        return english(lang)
    catalog = read(po_path)
    known = {m.msgid: m for m in (*MESSAGES.values(), *extra.values())}
    ui = UiTranslations(lang=lang, plural=_plural_function(catalog, lang), path=str(po_path))
    ui.diagnostics.extend(getattr(catalog, "diagnostics", []))
    for entry in catalog.messages:  # type: ignore[attr-defined]
        if not entry.translated or entry.msgid not in known:
            continue
        texts = list(entry.msgstr_plural) if entry.msgid_plural is not None else [entry.msgstr]
        problem = next((p for p in (_problem(known[entry.msgid], text) for text in texts) if p), None)
        if problem is None:
            ui.entries[entry.msgid] = texts if entry.msgid_plural is not None else texts[0]
        else:
            ui.diagnostics.append(
                Diagnostic(Location(str(po_path), entry.line or None), f"{problem}; English text used", code="site-translation")
            )
    return ui


def _problem(message: UiMessage, text: str) -> str | None:
    """Why a site text translation cannot be used (None: it can)."""
    if _MARKUP.search(text) and not _MARKUP.search(message.msgid):
        # The site name reaches Material's templates, which do not escape it.
        return "translation contains HTML markup characters (< > or an entity)"
    if not _same_placeholders(message, text):
        return "translation changes the %(...)s placeholders"
    return None


def _same_placeholders(message: UiMessage, text: str) -> bool:
    wanted = set(_PLACEHOLDER.findall(message.msgid)) | set(_PLACEHOLDER.findall(message.msgid_plural or ""))
    # Leaving one out is allowed (Arabic "one"/"two" forms name the count in words);
    # inventing one would raise at format time.
    return set(_PLACEHOLDER.findall(text)) <= wanted


def _plural_function(catalog: object, lang: Language) -> Callable[[int], int]:
    expr = lang.plural_expr
    header = getattr(catalog, "header_fields", None)
    if callable(header):
        match = re.search(r"plural=([^;]+);?", header().get("Plural-Forms", ""))
        if match:
            expr = match.group(1).strip()
    try:
        return gettext.c2py(expr)
    except (ValueError, SyntaxError):
        return gettext.c2py(lang.plural_expr)


# --------------------------------------------------------------------------- template


@dataclass(frozen=True, slots=True)
class SectionUse:
    """A front matter ``section`` of the articles and where it is set (``docs/a.md:4``)."""

    title: str
    references: tuple[str, ...]


def section_message(section: str) -> UiMessage:
    """A front matter ``section`` is translated like the site name: through the ``site`` catalogues."""
    return UiMessage(section, note="Navigation section (front matter `section` of the articles).")


def nav_message(title: str) -> UiMessage:
    """A title of mkdocs.yml's own ``nav`` (section, page or link) is a site text, like the site name."""
    return UiMessage(title, note="Navigation title from the nav of mkdocs.yml.")


_TEMPLATE_COMMENTS = (
    "Texts of the patient-information site itself: notices, disclaimer, status page.",
    "Generated from pipeline/site_i18n.py (python -m pipeline.site_i18n); edit that, not this file.",
)


def site_template(
    site_name: str, *, creation_date: str, sections: Sequence[SectionUse] = (), nav: Sequence[SectionUse] = ()
) -> object:
    """The ``site`` domain template (``locales/templates/site.pot``) as a Catalog.

    Entries: the site name, :data:`MESSAGES`, the articles' sections in order of
    first use, then the titles of mkdocs.yml's own ``nav`` (``mkdocs.yml:LINE``). A text used twice (a section named like a site text)
    is one entry with every comment and reference, as msgcat would merge it.
    """
    from .extract import template_header_fields
    from .pofile import Catalog, make_header

    header = make_header(
        template_header_fields(DOMAIN, creation_date=creation_date, source_lang="en"),
        comments=list(_TEMPLATE_COMMENTS),
        fuzzy=True,
    )
    entries: dict[str, object] = {}
    for key, message in [("site_name", site_name_message(site_name)), *MESSAGES.items()]:
        _add_entry(entries, message, f"{key}: {message.note}" if message.note else key, ())
    for section in sections:
        message = section_message(section.title)
        _add_entry(entries, message, message.note, section.references)
    for title in nav:
        message = nav_message(title.title)
        _add_entry(entries, message, message.note, title.references)
    return Catalog(header=header, messages=list(entries.values()))  # type: ignore[arg-type]


def _add_entry(entries: dict[str, object], message: UiMessage, comment: str, references: Sequence[str]) -> None:
    from .pofile import Message

    entry = entries.get(message.msgid)
    if entry is None:
        entry = entries[message.msgid] = Message(
            msgid=message.msgid,
            msgid_plural=message.msgid_plural,
            msgstr_plural=["", ""] if message.msgid_plural else [],
            flags=["python-format"] if _PLACEHOLDER.search(message.msgid) else [],
        )
    for items, new in ((entry.extracted_comments, [comment]), (entry.references, references)):  # type: ignore[attr-defined]
        items.extend(item for item in new if item not in items)


def main() -> None:  # pragma: no cover - maintenance command, the same as `medloc extract`
    """Rewrite locales/templates/site.pot (and the articles' templates): ``medloc extract``.

    site.pot holds the articles' sections too, so it is made where they are read.
    """
    from .config import load_config
    from .extract import extract_project

    for line in extract_project(load_config()).report_lines():
        print(line)


if __name__ == "__main__":  # pragma: no cover
    main()
