"""The translation status page: per language and article, what the pages show.

Counted are the entries an article's page needs: its source's segments, each
(context, text) once (the entries ``medloc extract`` writes to its template),
by the state of their translation in ``locales/<lang>/LC_MESSAGES/<slug>.po``:
translated, fuzzy (a translation marked ``#, fuzzy``), or untranslated (no
entry, or an empty one). So a catalogue that ``medloc update`` has not yet
brought up to date with its source counts a new paragraph as untranslated, as
its page shows it, and entries of paragraphs the source no longer has count
for nothing (``medloc stats`` counts the catalogue's own entries, as gettext
does). An article without a catalogue in a language counts all its entries as
untranslated. The page is generated into every language's tree at build time,
with labels from the ``site`` catalogue, so it is never stale.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .languages import Language
from .site_i18n import UiTranslations
from .site_tree import SourceArticle, join_front_matter, markdown_text
from .snippets import include_target, is_include


@dataclass(frozen=True, slots=True)
class Counts:
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.translated == self.total

    def percentages(self) -> tuple[int, int, int]:
        """Whole percentages that add up to 100 (largest remainder)."""
        if not self.total:
            return (0, 0, 100)
        exact = [100 * n / self.total for n in (self.translated, self.fuzzy, self.untranslated)]
        floors = [int(x) for x in exact]
        order = sorted(range(3), key=lambda i: exact[i] - floors[i], reverse=True)
        for i in order[: 100 - sum(floors)]:
            floors[i] += 1
        return (floors[0], floors[1], floors[2])


@dataclass(frozen=True, slots=True)
class StatusRow:
    lang: Language
    article: SourceArticle
    counts: Counts | None
    """None: the article is written in this language."""
    snippet: bool = False
    """A snippet file pages include (:mod:`pipeline.snippets`), not an article: listed by its path."""


def count_segments(segments: Iterable[Any], catalog: Any | None, *, includes: Collection[str] = frozenset()) -> Counts:
    """Each (context, text) of ``segments`` once, by the state of its entry in ``catalog``
    (a :class:`~pipeline.pofile.Catalog` or :class:`~pipeline.pofile.TranslationTable`; None: no catalogue).

    An include line counts as its page shows it (:func:`~pipeline.site_tree.guarded_resolver`):
    translated when its target is in ``includes`` (the included file is shown in the
    page's language, its own progress in its own row), else untranslated.
    """
    index = catalog.index() if catalog is not None else {}
    translated = fuzzy = untranslated = 0
    for key in dict.fromkeys((segment.context, segment.text) for segment in segments):
        entry = index.get(key)
        if is_include(key[1]):
            if include_target(key[1]) in includes:
                translated += 1
            else:
                untranslated += 1
        elif entry is not None and entry.translated:
            translated += 1
        elif entry is not None and entry.fuzzy and entry.has_translation:
            fuzzy += 1
        else:
            untranslated += 1
    return Counts(translated, fuzzy, untranslated)


def collect_status(
    articles: Sequence[SourceArticle],
    languages: Sequence[Language],
    *,
    counts: Callable[[Language, SourceArticle], Counts | None],
    entries: Callable[[SourceArticle], int],
    snippets: Sequence[SourceArticle] = (),
) -> list[StatusRow]:
    """One row per (language, article), then per (language, snippet file).

    ``counts(lang, article)``: the article's entries by the state of their translation
    in that language's catalogue (:func:`count_segments`), None when there is none;
    ``entries(article)``: how many entries the article has, all untranslated then.
    """
    rows = []
    for lang in languages:
        for article, snippet in [*((a, False) for a in articles), *((s, True) for s in snippets)]:
            if article.lang.code == lang.code:
                rows.append(StatusRow(lang, article, None, snippet))
                continue
            found = counts(lang, article)
            rows.append(StatusRow(lang, article, found if found is not None else Counts(untranslated=entries(article)), snippet))
    return rows


def status_page(rows: Iterable[StatusRow], ui: UiTranslations, titles: Mapping[str, str]) -> str:
    """Markdown (with generated, escaped HTML tables) of the status page in ``ui``'s language."""
    by_lang: dict[str, list[StatusRow]] = {}
    for row in rows:
        by_lang.setdefault(row.lang.code, []).append(row)
    parts = [markdown_text(ui.text("status.intro")), ""]
    bars: dict[tuple[int, int, int], str] = {}
    for lang_rows in by_lang.values():
        parts += _language_section(lang_rows, ui, titles, bars)
    # For the team, not for patients: out of the nav, the search index, the sitemap and search engines.
    meta = {"title": ui.text("status.title"), "description": ui.text("status.intro"), "search": {"exclude": True}, "robots": "noindex"}
    return join_front_matter(meta, "\n".join(parts))


def _language_section(
    rows: list[StatusRow], ui: UiTranslations, titles: Mapping[str, str], bars: dict[tuple[int, int, int], str]
) -> list[str]:
    lang = rows[0].lang
    translated_rows = [r for r in rows if r.counts is not None and not r.snippet]
    done = sum(1 for r in translated_rows if r.counts is not None and r.counts.complete)
    # The name keeps its own language and direction inside a page of another one.
    heading = f'<span lang="{lang.tag}" dir="{lang.direction}">{markdown_text(f"{lang.native_name} ({lang.tag})")}</span>'
    lines = [f"## {heading}", ""]
    if translated_rows:
        lines += [markdown_text(ui.text("status.complete", done=done, total=len(translated_rows))), ""]
    head = "".join(
        f'<th scope="col">{_esc(ui.text(key))}</th>'
        for key in ("status.article", "status.translated", "status.fuzzy", "status.untranslated", "status.progress")
    )
    lines += ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for row in rows:
        lines.append(_row(row, ui, titles.get(row.article.rel, row.article.title), bars))
    lines += ["</tbody>", "</table>", ""]
    return lines


def _row(row: StatusRow, ui: UiTranslations, title: str, bars: dict[tuple[int, int, int], str]) -> str:
    shown = f'<code>{_esc(title)}</code>' if row.snippet else _esc(title)
    name = f'<th scope="row">{shown}</th>'
    if row.counts is None:
        return f'<tr>{name}<td colspan="4">{_esc(ui.text("status.original"))}</td></tr>'
    c = row.counts
    return f"<tr>{name}<td>{c.translated}</td><td>{c.fuzzy}</td><td>{c.untranslated}</td><td>{_bar(c, ui, bars)}</td></tr>"


def _bar(counts: Counts, ui: UiTranslations, bars: dict[tuple[int, int, int], str]) -> str:
    """The bar of ``counts``; ``bars`` keeps those made for this page (rows repeat a few shares)."""
    shares = counts.percentages()
    if shares not in bars:
        bars[shares] = _bar_html(shares, ui)
    return bars[shares]


def _bar_html(shares: tuple[int, int, int], ui: UiTranslations) -> str:
    translated, fuzzy, untranslated = shares
    label = ui.text("status.bar", translated=translated, fuzzy=fuzzy, untranslated=untranslated)
    spans = "".join(
        f'<span class="medloc-bar-{kind}" style="width: {share}%"></span>'
        for kind, share in (("translated", translated), ("fuzzy", fuzzy), ("untranslated", untranslated))
        if share
    )
    return f'<span class="medloc-bar" role="img" aria-label="{_esc(label)}">{spans}</span>'


def _esc(text: str) -> str:
    return html.escape(text, quote=True)

