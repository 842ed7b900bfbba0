"""Translation progress per language and article: ``medloc stats``.

Counts come from each catalogue (``locales/<lang>/LC_MESSAGES/<slug>.po``);
an article whose catalogue does not exist yet counts as wholly untranslated,
from its template. Entry states are gettext's: *translated* (complete, not
fuzzy), *fuzzy* (has a translation marked ``#, fuzzy``), *untranslated* (the
rest), *obsolete* (``#~`` entries, not part of the total).

Sizes: source words are whitespace-separated words of the msgids (link
targets left out); for languages written without spaces between words
(Chinese, Japanese, Korean: :attr:`Language.counts_characters`) word counts
mean little, so characters (non-space) are counted as well and the text
table shows characters for them.

JSON output (``--format json``), stable; new keys may be added, none removed
or renamed::

    {
      "version": 1,
      "languages": [
        {
          "language": "ko",             // gettext code
          "name": "Korean",
          "unit": "characters",          // "words" or "characters": the language's size unit
          "articles": [
            {
              "article": "sciatica",     // slug
              "catalogue": "locales/ko/LC_MESSAGES/sciatica.po",
              "exists": true,            // false: no catalogue yet, counted from the template
              "has_template": true,      // false: catalogue whose template is gone
              "translated": 12, "fuzzy": 3, "untranslated": 5, "obsolete": 1,
              "total": 20,               // translated + fuzzy + untranslated
              "source_words": 812, "source_characters": 4410,
              "translated_words": 500, "translated_characters": 2710,   // of translated entries' msgstr
              "percent": 60.0            // translated / total * 100, one decimal; 100.0 when total is 0
            }
          ],
          "total": { ...same counters, without article/catalogue/exists/has_template... }
        }
      ],
      "total": { ...same counters over every language... }
    }
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Literal

from wcwidth import wcswidth

from .config import Config
from .errors import ErrorList, PipelineError
from .languages import Language
from .pofile import Catalog, Message, read_po

StatsFormat = Literal["text", "json"]
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@dataclass(slots=True)
class Counts:
    """Entry counts and text sizes of one catalogue, or a sum of several."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    source_words: int = 0
    source_characters: int = 0
    translated_words: int = 0
    translated_characters: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else round(100 * self.translated / self.total, 1)

    def add(self, other: "Counts") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_json(self) -> dict[str, int | float]:
        data: dict[str, int | float] = {
            "translated": self.translated, "fuzzy": self.fuzzy, "untranslated": self.untranslated,
            "obsolete": self.obsolete, "total": self.total,
        }
        data.update({k: v for k, v in asdict(self).items() if k not in data})
        data["percent"] = self.percent
        return data


@dataclass(frozen=True, slots=True)
class ArticleStats:
    article: str
    catalogue: str
    exists: bool
    has_template: bool
    source_counts_characters: bool
    counts: Counts


@dataclass(slots=True)
class LanguageStats:
    language: Language
    articles: list[ArticleStats] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        total = Counts()
        for article in self.articles:
            total.add(article.counts)
        return total


@dataclass(slots=True)
class StatsTable:
    languages: list[LanguageStats] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        total = Counts()
        for lang in self.languages:
            total.add(lang.total)
        return total

    def below(self, percent: float) -> list[LanguageStats]:
        """Languages whose entries are less than ``percent`` translated (``stats --fail-under``: a release gate)."""
        return [lang for lang in self.languages if lang.total.percent < percent]


# --------------------------------------------------------------------------- counting


def count_catalog(catalog: Catalog) -> Counts:
    """Entry states and sizes of one catalogue."""
    counts = Counts()
    for message in catalog.messages:
        if message.obsolete:
            counts.obsolete += 1
            continue
        _count_source(counts, message)
        if message.translated:
            counts.translated += 1
            for text in _translations(message):
                counts.translated_words += _words(text)
                counts.translated_characters += _characters(text)
        elif message.fuzzy and message.has_translation:
            counts.fuzzy += 1
        else:
            counts.untranslated += 1
    return counts


def _count_source(counts: Counts, message: Message) -> None:
    for text in (message.msgid, message.msgid_plural or ""):
        counts.source_words += _words(text)
        counts.source_characters += _characters(text)


def _translations(message: Message) -> list[str]:
    return message.msgstr_plural[:1] if message.msgid_plural is not None else [message.msgstr]


def _words(text: str) -> int:
    return len(_LINK_TARGET.sub("]", text).split())


def _characters(text: str) -> int:
    return sum(1 for ch in _LINK_TARGET.sub("]", text) if not ch.isspace())


def collect_stats(config: Config, *, langs: list[str] | None = None) -> StatsTable:
    """Progress of every configured (or given) language, article by article."""
    from .catalogs import load_templates

    languages = [config.language(code) for code in langs] if langs else list(config.languages)
    templates = load_templates(config)
    errors = ErrorList()
    table = StatsTable()
    for lang in languages:
        wanted = {config.po_path(lang, t.slug): t for t in templates if t.source.code != lang.code}
        existing = sorted((config.locales_dir / lang.code / "LC_MESSAGES").glob("*.po"))
        if not wanted and not existing:
            continue
        rows = LanguageStats(lang)
        for path in sorted(set(wanted) | set(existing)):
            template = wanted.get(path)
            try:
                catalog = read_po(path) if path.exists() else template.catalog  # type: ignore[union-attr]
            except PipelineError as exc:
                errors.errors.append(exc)
                continue
            source_cjk = template.source.counts_characters if template else config.source_language.counts_characters
            rows.articles.append(ArticleStats(
                path.stem, config.relative(path), path.exists(), template is not None, source_cjk,
                count_catalog(catalog),
            ))
        table.languages.append(rows)
    errors.raise_if_any()
    return table


# --------------------------------------------------------------------------- output


def format_stats(table: StatsTable, *, fmt: StatsFormat = "text") -> str:
    return _format_json(table) if fmt == "json" else _format_text(table)


def _format_json(table: StatsTable) -> str:
    data = {
        "version": 1,
        "languages": [
            {
                "language": lang.language.code,
                "name": lang.language.english_name,
                "unit": "characters" if lang.language.counts_characters else "words",
                "articles": [
                    {"article": a.article, "catalogue": a.catalogue, "exists": a.exists,
                     "has_template": a.has_template, **a.counts.as_json()}
                    for a in lang.articles
                ],
                "total": lang.total.as_json(),
            }
            for lang in table.languages
        ],
        "total": table.total.as_json(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_HEADINGS = ("Language", "Article", "Translated", "Fuzzy", "Untranslated", "Obsolete", "Source", "Translation", "Done")


def _format_text(table: StatsTable) -> str:
    rows: list[tuple[str, ...]] = []
    for lang in table.languages:
        for article in lang.articles:
            note = "" if article.exists else " (no catalogue)"
            note += "" if article.has_template else " (no template)"
            rows.append(_row(lang.language.code, article.article + note, article.counts,
                             _source_size([article]), target=lang.language))
        if len(table.languages) > 1 or len(lang.articles) > 1:
            rows.append(_row(lang.language.code, "total", lang.total, _source_size(lang.articles), target=lang.language))
    if len(table.languages) > 1:
        everything = [a for lang in table.languages for a in lang.articles]
        rows.append(_row("all", "total", table.total, _source_size(everything), target=None))
    if not rows:
        return "no catalogues and no templates\n"
    return _align([_HEADINGS, *rows])


def _source_size(articles: list[ArticleStats]) -> str:
    """Source words of space-separated sources, characters of CJK sources (both when mixed)."""
    words = sum(a.counts.source_words for a in articles if not a.source_counts_characters)
    chars = sum(a.counts.source_characters for a in articles if a.source_counts_characters)
    parts = [f"{words:,} words"] if words or not chars else []
    return " + ".join(parts + ([f"{chars:,} chars"] if chars else []))


def _row(code: str, name: str, c: Counts, source: str, *, target: Language | None) -> tuple[str, ...]:
    if target is None:
        translation = "-"
    elif target.counts_characters:
        translation = f"{c.translated_characters:,} chars"
    else:
        translation = f"{c.translated_words:,} words"
    return (code, name, f"{c.translated:,}", f"{c.fuzzy:,}", f"{c.untranslated:,}", f"{c.obsolete:,}",
            source, translation, f"{c.percent:.1f}%")


def _align(rows: list[tuple[str, ...]]) -> str:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(cell + pad if i < 2 else pad + cell)
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    width = wcswidth(text)
    return width if width >= 0 else len(text)


__all__ = ["ArticleStats", "Counts", "LanguageStats", "StatsTable", "collect_stats", "count_catalog", "format_stats"]
