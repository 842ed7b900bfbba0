"""One language's MkDocs input: every article rendered in that language, plus generated pages.

For language L, ``build/medloc/<L>/docs/`` mirrors ``docs/``:

* an article written in L is copied as it is (the original);
* any other article is rendered through the translate step
  (:func:`pipeline.translate.render_segmented`, one segmentation per article for
  every language) with L's catalogue; untranslated, fuzzy and refused segments fall back
  to the translation into a ``site.fallback`` language (default: the source language,
  so a Russian reader of a Korean article gets English, not Korean), else to the
  original text, wrapped in ``<span lang="<language shown>" class="medloc-fallback">``
  so screen readers switch voice and readers see what is not translated; the theme
  marks untranslated titles (nav, header, footer, table of contents) the same way;
* the front matter gains ``medloc:`` (notice texts already translated and
  counted, the link to the original), which the theme shows at the top;
* heading anchors that changed with the translation are followed by links
  (:mod:`pipeline.site_anchors`), so ``#section`` links resolve in every language;
* ``index.md`` (when ``docs/`` has none) and ``status.md`` are generated (the status
  page is for the team: out of the nav, the search index and the sitemap, ``noindex``).

Translations are untrusted: a msgstr that adds HTML, an attribute list or a
``javascript:``/``data:`` URL that its msgid does not have is refused here
(the source text is shown, a finding names the PO line), on top of the
structural checks of the translate step.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from .config import resolved_root
from .errors import Diagnostic, InputError, Location
from .fsio import markdown_sources, read_text, safe_join
from .languages import Language
from .segment import article_lang, article_slug
from .site_cache import RenderCache, Translation, write_generated, write_generated_copy
from .site_i18n import UI_SOURCE, UiTranslations
from .snippets import include_target, is_include

PageKind = Literal["original", "translated", "generated"]
# libyaml when available: front matter is parsed and written for every page of every language.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
# Markup a translation may not add: HTML tags/comments, attribute lists, active URL schemes.
_ACTIVE_MARKUP = re.compile(r"<[A-Za-z!/?]|\{\s*[:#.]|\{[^{}\n]*=|\b(?:javascript|vbscript|data)\s*:", re.I)
# Segment syntaxes that are inline Markdown in running text, where a <span> is valid
# (not "text": front matter, admonition titles, alt text end up in attributes or <title>).
_MARKABLE_SYNTAX = ("block", "line", "cell")


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """A Markdown source in ``docs/``."""

    path: Path
    rel: str
    """Path inside docs/, POSIX form (``sciatica.md``); also the page path in every tree."""
    slug: str
    lang: Language
    text: str
    title: str
    description: str
    section: str = ""
    """Front matter ``section``: the navigation group of a large site (pipeline/site_config.py)."""


@dataclass(frozen=True, slots=True)
class PageReport:
    """What one page of one language contains."""

    rel: str
    slug: str
    kind: PageKind
    title: str
    description: str = ""
    source_lang: Language | None = None
    """The language of the title when it is not translated (the article's, or a pivot's)."""
    description_lang: Language | None = None
    """The same for the description."""
    total: int = 0
    """Segments in the article."""
    untranslated: int = 0
    fuzzy: int = 0
    refused: int = 0
    pivots: tuple[tuple[Language, int], ...] = ()
    """Segments shown in another translation (``site.fallback``), per language."""
    original_fuzzy: int = 0
    """Fuzzy segments shown in the original (the rest of the fallbacks shown there are missing or refused)."""

    @property
    def fallbacks(self) -> int:
        return self.untranslated + self.fuzzy + self.refused


@dataclass(slots=True)
class TreeResult:
    lang: Language
    pages: list[PageReport] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: int = 0


# --------------------------------------------------------------------------- sources


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """``(front matter, body)``; a source without front matter has ``{}``. Safe loader only."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.load(match.group(1) or "", Loader=_SafeLoader) or {}  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", Location(path, line)) from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping", Location(path, 2))
    return data, text[match.end() :]


def join_front_matter(data: Mapping[str, Any], body: str) -> str:
    dumped = yaml.dump(dict(data), Dumper=_SafeDumper, allow_unicode=True, sort_keys=False, width=4096)
    return f"---\n{dumped}---\n{body}"


# JSON is YAML, except for characters YAML reads as line breaks or refuses: write those escaped.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def add_front_matter_key(text: str, key: str, value: Any) -> str:
    """``text`` with ``key: value`` added at the end of its front matter (created if missing).

    The value is written as one JSON line, which YAML reads as a flow mapping;
    the rest of the front matter stays as it is (no parse-and-dump per page).
    A ``key`` already present is overridden: YAML keeps the last one.
    """
    dumped = json.dumps(value, ensure_ascii=False)
    dumped = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)
    line = f"{key}: {dumped}\n"
    match = _FRONT_MATTER.match(text)
    if match is None:
        return f"---\n{line}---\n{text}"
    at = match.end(1) if match.group(1) is not None else text.index("\n") + 1
    return text[:at] + line + text[at:]


def discover_articles(docs_dir: Path, *, root: Path, default_lang: Language, language: Callable[[str], Language]) -> list[SourceArticle]:
    """Every ``*.md`` under ``docs_dir`` in path order, with its language and slug."""
    articles = []
    for path in markdown_sources(docs_dir):
        shown = _relative(path, root)
        text = read_text(path)
        meta, _ = split_front_matter(text, shown)
        rel = path.relative_to(docs_dir).as_posix()
        articles.append(
            SourceArticle(
                path=path,
                rel=rel,
                slug=article_slug(meta, shown, source=text),
                lang=language(article_lang(meta, default_lang.code)),
                text=text,
                title=str(meta.get("title") or path.stem),
                description=str(meta.get("description") or ""),
                section=str(meta.get("section") or "").strip(),
            )
        )
    return articles


@lru_cache(maxsize=4096)
def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(resolved_root(root)).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- lookup


def guarded_resolver(
    catalog: Any | None, po_path: str, diagnostics: list[Diagnostic], *, includes: Collection[str] = frozenset()
) -> Callable[[Any], Any]:
    """The translate step's catalogue lookup, refusing translations that add active markup.

    ``catalog`` None (no catalogue for this language yet) falls back everywhere.
    An include line is kept as written: translated when its target is in ``includes``
    (the file shows its translation), else untranslated.
    """
    from .translate import Found, catalog_resolver

    resolve = catalog_resolver(catalog) if catalog is not None else lambda segment: Found(None, "untranslated")

    def guarded(segment: Any) -> Any:
        if is_include(segment.text):
            return Found(segment.text) if include_target(segment.text) in includes else Found(None, "untranslated")
        found = resolve(segment)
        if found.text is None:
            return found
        added = added_active_markup(segment.text, found.text)
        if not added:
            return found
        where = found.where or Location(po_path)
        diagnostics.append(
            Diagnostic(
                where,
                f"translation adds markup the source does not have ({', '.join(sorted(added))}); "
                "the source text is shown",
                code="site-active-markup",
            )
        )
        return Found(None, "refused", where)

    return guarded


def added_active_markup(msgid: str, msgstr: str) -> set[str]:
    """HTML, attribute-list and URL-scheme markup in ``msgstr`` that ``msgid`` lacks."""
    if "<" not in msgstr and "{" not in msgstr and ":" not in msgstr:
        return set()  # every pattern of _ACTIVE_MARKUP needs one of these
    allowed = {m.group(0).lower() for m in _ACTIVE_MARKUP.finditer(msgid)}
    return {m.group(0).lower() for m in _ACTIVE_MARKUP.finditer(msgstr)} - allowed


def fallback_marker(source: Language) -> Callable[[Any, str], str]:
    """The ``mark`` hook: fallback text in running content gets the source language.

    ``dir`` is always written: English inside an Arabic page must stay left-to-right
    (or its punctuation moves), and Arabic inside an English page right-to-left.
    """

    def mark(segment: Any, text: str) -> str:
        if getattr(segment, "syntax", "text") not in _MARKABLE_SYNTAX or not text.strip() or is_include(segment.text):
            return text
        return f'<span lang="{source.tag}" dir="{source.direction}" class="medloc-fallback">{text}</span>'

    return mark


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True, slots=True)
class TreeSpec:
    """Everything that decides one language's tree."""

    lang: Language
    out_dir: Path
    """``build/medloc/<lang>/docs``."""
    ui: UiTranslations
    root_of: Callable[[Language], str]
    """Relative path from this language's site root to another language's root."""
    project_root: Path
    po_path: Callable[[Language, str], Path]
    fallback: tuple[Language, ...] = ()
    """Translations shown, in order, before an article's original (``[tool.medloc.site] fallback``)."""
    includes: frozenset[str] = frozenset()
    """Snippet include targets whose file is translated in this language (:mod:`pipeline.snippets`)."""


def render_page(
    article: SourceArticle,
    spec: TreeSpec,
    *,
    read_catalog: Callable[[Path], Any],
    segmented: Callable[[SourceArticle], Any],
    cache: RenderCache | None = None,
    digest: Callable[[Path], str] | None = None,
) -> tuple[str, PageReport, list[Diagnostic]]:
    """The page text of ``article`` in ``spec.lang`` and what it contains.

    ``segmented(article)`` is the article's one segmentation (shared by every
    language); ``cache`` keeps translations of unchanged article/catalogue pairs,
    found by ``digest(po_path)`` without parsing the catalogue.
    """
    if article.lang.code == spec.lang.code:
        report = PageReport(article.rel, article.slug, "original", article.title, article.description)
        return article.text, report, []
    pivots = _pivots(article, spec)
    translation = _translation(article, spec, pivots, read_catalog=read_catalog, segmented=segmented, cache=cache, digest=digest)
    meta, body = _translated_front_matter(translation, article.rel)
    report = page_report(article, meta, translation, {other.code: other for other, _ in pivots})
    medloc = notice_meta(report, article.lang, spec)
    headings = fallback_headings(body)
    if headings:
        medloc["headings"] = headings
    if report.source_lang is not None and any(kind == "front matter title" for kind, _, _ in translation.fallbacks):
        medloc.update(title_lang=report.source_lang.tag, title_dir=report.source_lang.direction)
    return add_front_matter_key(translation.text, "medloc", medloc), report, list(translation.diagnostics)


def render_snippet(
    snippet: SourceArticle,
    spec: TreeSpec,
    *,
    read_catalog: Callable[[Path], Any],
    segmented: Callable[[SourceArticle], Any],
    cache: RenderCache | None = None,
    digest: Callable[[Path], str] | None = None,
) -> tuple[str, list[Diagnostic]]:
    """A snippet file in ``spec.lang``: the translate step as for an article (fallback
    marking, the same guards), without a notice or front matter (it is part of other pages)."""
    pivots = _pivots(snippet, spec)
    translation = _translation(snippet, spec, pivots, read_catalog=read_catalog, segmented=segmented, cache=cache, digest=digest)
    return translation.text, list(translation.diagnostics)


def _pivots(article: SourceArticle, spec: TreeSpec) -> list[tuple[Language, Path]]:
    """The catalogues of ``article`` in the fallback languages tried before its original."""
    return [(other, spec.po_path(other, article.slug)) for other in spec.fallback if other.code not in (spec.lang.code, article.lang.code)]


def _translation(
    article: SourceArticle,
    spec: TreeSpec,
    pivots: list[tuple[Language, Path]],
    *,
    read_catalog: Callable[[Path], Any],
    segmented: Callable[[SourceArticle], Any],
    cache: RenderCache | None,
    digest: Callable[[Path], str] | None,
) -> Translation:
    """The translate step on ``article`` with ``spec.lang``'s catalogue, from ``cache`` when unchanged."""
    po = spec.po_path(spec.lang, article.slug)
    includes = spec.includes if "8<" in article.text else frozenset()

    def make() -> Translation:
        found = [(other, read_catalog(path)) for other, path in pivots]
        return translate_article(article, read_catalog(po), _relative(po, spec.project_root), segmented, pivots=found, includes=includes)

    if cache is None or digest is None:
        return make()
    parts = [f"{other.code}:{digest(path)}" for other, path in pivots]
    key = cache.key(spec.lang.code, article.rel, article.text, digest(po), *parts, *sorted(includes))
    return cache.get_or_make(key, make, group=spec.lang.code)


def _translated_front_matter(translation: Translation, path: str) -> tuple[dict[str, Any], str]:
    """What :func:`split_front_matter` reads from the page, without parsing YAML when the render knows it.

    The render knows the title and description it wrote (plain JSON strings); the other keys
    of the source front matter are only looked up for those two by :func:`page_report`.
    """
    match = _FRONT_MATTER.match(translation.text)
    if translation.front_matter is None or (match is None and translation.front_matter):
        return split_front_matter(translation.text, path)
    return dict(translation.front_matter), translation.text[match.end() :] if match else translation.text


_FALLBACK_HEADING = re.compile(r'^#{1,6}[ \t]+<span lang="([^"]+)" dir="(ltr|rtl)" class="medloc-fallback">([^<\n]*)</span>[ \t]*$', re.M)


def fallback_headings(body: str) -> dict[str, list[str]]:
    """Untranslated headings -> [lang, dir], so the theme can mark them in the table of contents.

    The table of contents shows a heading's text without its ``<span lang>``; the
    theme looks its title up here (headings with inline markup are not found).
    """
    return {html.unescape(text.strip()): [lang, direction] for lang, direction, text in _FALLBACK_HEADING.findall(body)}


def page_report(article: SourceArticle, meta: Mapping[str, Any], translation: Translation, pivots: Mapping[str, Language]) -> PageReport:
    """What a translated page shows: counts per reason, and the language of each fallback text."""
    reasons = Counter(reason for _, reason, _ in translation.fallbacks)
    shown_in = Counter(shown for _, _, shown in translation.fallbacks if shown in pivots)
    shown = {kind: pivots.get(code, article.lang) for kind, _, code in translation.fallbacks if kind.startswith("front matter")}
    return PageReport(
        rel=article.rel,
        slug=article.slug,
        kind="translated",
        title=str(meta.get("title") or article.title),
        description=str(meta.get("description") or ""),
        source_lang=shown.get("front matter title"),
        description_lang=shown.get("front matter description"),
        total=translation.total,
        untranslated=reasons["untranslated"],
        fuzzy=reasons["fuzzy"],
        refused=reasons["refused"],
        pivots=tuple((pivots[code], count) for code, count in shown_in.items()),
        original_fuzzy=sum(1 for _, reason, code in translation.fallbacks if reason == "fuzzy" and code not in pivots),
    )


def translate_article(
    article: SourceArticle,
    catalog: Any | None,
    po_path: str,
    segmented: Callable[[SourceArticle], Any],
    *,
    pivots: Iterable[tuple[Language, Any | None]] = (),
    includes: Collection[str] = frozenset(),
) -> Translation:
    """The translate step on one article with one catalogue (None: no catalogue yet).

    ``pivots``: catalogues of the same article in other languages, tried in order
    for a segment without a translation before its original text is shown.
    """
    from .translate import Pivot, render_segmented

    diagnostics: list[Diagnostic] = list(getattr(catalog, "diagnostics", []))
    resolve = guarded_resolver(catalog, po_path, diagnostics, includes=includes)
    # Findings in a pivot catalogue belong to that language's pages: reported there, not here.
    chain = [Pivot(lang.code, guarded_resolver(other, "", []), fallback_marker(lang)) for lang, other in pivots if other is not None]
    rendered = render_segmented(segmented(article), resolve, mark=fallback_marker(article.lang), pivots=chain)
    return Translation(
        text=rendered.text,
        total=rendered.total,
        fallbacks=tuple((str(f.segment.kind), str(f.reason), f.shown or "") for f in rendered.fallbacks),
        diagnostics=(*diagnostics, *rendered.diagnostics),
        front_matter=None if rendered.front_matter is None else tuple(rendered.front_matter.items()),
    )


def page_body(text: str) -> str:
    """The Markdown after the front matter (no YAML parsing)."""
    match = _FRONT_MATTER.match(text)
    return text[match.end() :] if match else text


ENGLISH = ' lang="en" dir="ltr"'
"""Attributes of a site text shown in English because the reader's language has no translation of it."""


def _name_in(ui: UiTranslations, key: str, lang: Language) -> str:
    """``lang``'s name in the language the text of ``key`` is shown in."""
    return lang.english_name if ui.shows_english(key) else ui.language_name(lang)


def _ui_markdown(ui: UiTranslations, key: str, **values: object) -> str:
    """Markdown for a site text, in a ``<span lang="en">`` when it is shown in English."""
    text = markdown_text(ui.text(key, **values))
    return f"<span{ENGLISH}>{text}</span>" if ui.shows_english(key) else text


def notice_meta(report: PageReport, source: Language, spec: TreeSpec) -> dict[str, Any]:
    """Texts of the notice at the top of a translated page, in the reader's language.

    ``english``: the fields shown in English (no translation), for the template to mark.
    """
    ui = spec.ui
    in_pivots = sum(count for _, count in report.pivots)
    missing = report.untranslated + report.refused + report.fuzzy - report.original_fuzzy - in_pivots
    meta: dict[str, Any] = {
        "status": "complete" if report.fallbacks == 0 else "partial",
        "original_tag": source.tag,
        "original_root": spec.root_of(source),
    }
    if report.fallbacks == 0:
        return meta
    keys = {
        "title": "notice.title",
        "progress": "notice.progress",
        "legend": "notice.legend_mixed" if report.pivots else "notice.legend",
        "original_link": "notice.original_link",
        "untranslated": "notice.untranslated",
        "outdated": "notice.outdated",
        "pivots": "notice.pivot",
    }
    meta.update(
        title=ui.text(keys["title"]),
        progress=ui.text(keys["progress"], done=report.total - report.fallbacks, total=report.total),
        legend=ui.text(keys["legend"]),
        original_link=ui.text(keys["original_link"], language=_name_in(ui, keys["original_link"], source)),
    )
    if missing:
        meta["untranslated"] = ui.text(keys["untranslated"], num=missing, language=_name_in(ui, keys["untranslated"], source))
    if report.original_fuzzy:
        meta["outdated"] = ui.text(keys["outdated"], num=report.original_fuzzy)
    if report.pivots:
        meta["pivots"] = [
            {"text": ui.text(keys["pivots"], num=count, language=_name_in(ui, keys["pivots"], lang)), "tag": lang.tag}
            for lang, count in report.pivots
        ]
    english = sorted(field for field, key in keys.items() if field in meta and ui.shows_english(key))
    if english:
        meta["english"] = english
    return meta


def write_tree(files: Mapping[str, str], out_dir: Path, *, sources: Mapping[str, Path] | None = None) -> int:
    """Write ``rel -> text`` under ``out_dir`` (only changed files), delete stale pages.

    Like :func:`pipeline.fsio.safe_join` for every page, but each folder is
    resolved once (not each file): no ``..``, no symlink out of ``out_dir``.
    A page whose text is exactly its file in ``sources`` (an article shown in its
    own language) becomes a hard link to it (:func:`~pipeline.site_cache.write_generated_copy`).
    """
    sources = sources or {}
    written = 0
    folders: dict[Path, Path] = {}
    for rel, text in files.items():
        target = out_dir / rel
        if target.parent not in folders:
            folders[target.parent] = safe_join(out_dir, target.parent.relative_to(out_dir)) if target.parent != out_dir else out_dir
        if ".." in Path(rel).parts or Path(rel).is_absolute() or target.is_symlink():
            target = safe_join(out_dir, rel)  # refuses it, with the message every path gets
        source = sources.get(rel)
        written += write_generated(target, text) if source is None else write_generated_copy(target, text, source)
    if out_dir.is_dir():
        for stale in sorted(out_dir.rglob("*.md")):
            if stale.relative_to(out_dir).as_posix() not in files:
                stale.unlink()
    return written


def asset_files(docs_dir: Path) -> dict[str, Path]:
    """Every file of ``docs/`` that is not an article (images, PDFs, CSS, scripts): rel -> path.

    Hidden files and folders are skipped, as :func:`pipeline.fsio.markdown_sources` skips
    hidden articles (and MkDocs skips dot files).
    """
    found = {}
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir)
        if path.suffix != ".md" and path.is_file() and not any(part.startswith(".") for part in rel.parts):
            found[rel.as_posix()] = path
    return found


def link_assets(assets: Mapping[str, Path], out_dir: Path, *, pages: Iterable[str]) -> int:
    """Put ``assets`` into a language's tree, where its pages' relative links expect them.

    Every language links to the same ``img/spine.png``: each tree gets a hard link to
    the file in ``docs/`` (no copy, no second disk block; a copy only where the file
    system cannot link), so N languages cost no more than one until MkDocs publishes
    them. Files left from an asset since removed are deleted; ``pages`` are kept.
    """
    linked = 0
    for rel, source in assets.items():
        target = safe_join(out_dir, rel)
        if target.is_file() and not target.is_symlink() and os.path.samefile(source, target):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        linked += 1
    keep = {*assets, *pages}
    for stale in sorted(out_dir.rglob("*")):
        if (stale.is_file() or stale.is_symlink()) and stale.relative_to(out_dir).as_posix() not in keep:
            stale.unlink()
    return linked


def markdown_text(text: str) -> str:
    """Escape text for use inside Markdown link text or a paragraph."""
    escaped = re.sub(r"([\\`*_{}\[\]()#+\-.!|<>&])", r"\\\1", text)
    return escaped.replace("\n", " ")


def index_page(pages: Iterable[PageReport], spec: TreeSpec, languages: Iterable[Language]) -> str:
    """The home page of one language: intro, the articles, the languages."""
    ui = spec.ui
    lines = [_ui_markdown(ui, "home.intro"), "", f"## {_ui_markdown(ui, 'home.articles')}", ""]
    for page in pages:
        entry = f"- [{_in_language(page.title, page.source_lang)}]({page.rel})"
        if page.description:
            entry += f": {_in_language(page.description, page.description_lang)}"
        lines.append(entry)
    lines += ["", _ui_markdown(ui, "home.languages"), "", '<ul class="medloc-languages">']
    for other in languages:
        href = f"{spec.root_of(other)}" or "./"
        lines.append(f'<li><a href="{href}" hreflang="{other.tag}" lang="{other.tag}">{html.escape(other.native_name)}</a></li>')
    lines += ["</ul>", ""]
    # The list repeats every article's title and description: results should lead to the articles.
    meta: dict[str, Any] = {"title": ui.text("home.title"), "description": ui.text("home.intro"), "search": {"exclude": True}}
    if ui.shows_english("home.title"):
        meta["medloc"] = {"title_lang": UI_SOURCE, "title_dir": "ltr"}
    return join_front_matter(meta, "\n".join(lines))


def _in_language(text: str, lang: Language | None) -> str:
    """Markdown for ``text``, marked with its language when it is untranslated source text."""
    if lang is None:
        return markdown_text(text)
    return f'<span lang="{lang.tag}" dir="{lang.direction}" class="medloc-fallback">{markdown_text(text)}</span>'
