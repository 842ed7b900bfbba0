"""One language's MkDocs input: every article rendered in that language, plus generated pages.

For language L, ``build/medloc/<L>/docs/`` mirrors ``docs/``:

* an article written in L is copied as it is (the original);
* any other article is rendered through the translate step
  (:func:`pipeline.translate.render_segmented`, one segmentation per article for
  every language) with L's catalogue; untranslated, fuzzy and refused segments fall back to the
  source text, wrapped in ``<span lang="<source>" class="medloc-fallback">`` so
  screen readers switch voice and readers see what is not translated;
* the front matter gains ``medloc:`` (notice texts already translated and
  counted, the link to the original), which the theme shows at the top;
* heading anchors that changed with the translation are followed by links
  (:mod:`pipeline.site_anchors`), so ``#section`` links resolve in every language;
* ``index.md`` (when ``docs/`` has none) and ``status.md`` are generated.

Translations are untrusted: a msgstr that adds HTML, an attribute list or a
``javascript:``/``data:`` URL that its msgid does not have is refused here
(the source text is shown, a finding names the PO line), on top of the
structural checks of the translate step.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import Diagnostic, InputError, Location
from .fsio import read_text, safe_join, write_text_atomic
from .languages import Language
from .segment import article_lang, article_slug
from .site_cache import RenderCache, Translation
from .site_i18n import UiTranslations

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


@dataclass(frozen=True, slots=True)
class PageReport:
    """What one page of one language contains."""

    rel: str
    slug: str
    kind: PageKind
    title: str
    description: str = ""
    source_lang: Language | None = None
    """The article's language when the title or description shown is the untranslated source text."""
    total: int = 0
    """Segments in the article."""
    untranslated: int = 0
    fuzzy: int = 0
    refused: int = 0

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


def discover_articles(docs_dir: Path, *, root: Path, default_lang: Language, language: Callable[[str], Language]) -> list[SourceArticle]:
    """Every ``*.md`` under ``docs_dir`` in path order, with its language and slug."""
    articles = []
    for path in sorted(docs_dir.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(docs_dir).parts):
            continue
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
            )
        )
    return articles


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- lookup


def guarded_resolver(catalog: Any | None, po_path: str, diagnostics: list[Diagnostic]) -> Callable[[Any], Any]:
    """The translate step's catalogue lookup, refusing translations that add active markup.

    ``catalog`` None (no catalogue for this language yet) falls back everywhere.
    """
    from .translate import Found, catalog_resolver

    if catalog is None:
        return lambda segment: Found(None, "untranslated")
    resolve = catalog_resolver(catalog)

    def guarded(segment: Any) -> Any:
        found = resolve(segment)
        added = added_active_markup(segment.text, found.text) if found.text is not None else set()
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
    allowed = {m.group(0).lower() for m in _ACTIVE_MARKUP.finditer(msgid)}
    return {m.group(0).lower() for m in _ACTIVE_MARKUP.finditer(msgstr)} - allowed


def fallback_marker(source: Language) -> Callable[[Any, str], str]:
    """The ``mark`` hook: fallback text in running content gets the source language.

    ``dir`` is always written: English inside an Arabic page must stay left-to-right
    (or its punctuation moves), and Arabic inside an English page right-to-left.
    """

    def mark(segment: Any, text: str) -> str:
        if getattr(segment, "syntax", "text") not in _MARKABLE_SYNTAX or not text.strip():
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
    po = spec.po_path(spec.lang, article.slug)

    def make() -> Translation:
        return translate_article(article, read_catalog(po), _relative(po, spec.project_root), segmented)

    if cache is None or digest is None:
        translation = make()
    else:
        translation = cache.get_or_make(cache.key(spec.lang.code, article.rel, article.text, digest(po)), make)
    meta, body = split_front_matter(translation.text, article.rel)
    reasons = Counter(reason for _, reason in translation.fallbacks)
    front_fell_back = any(kind.startswith("front matter") for kind, _ in translation.fallbacks)
    report = PageReport(
        rel=article.rel,
        slug=article.slug,
        kind="translated",
        title=str(meta.get("title") or article.title),
        description=str(meta.get("description") or ""),
        source_lang=article.lang if front_fell_back else None,
        total=translation.total,
        untranslated=reasons["untranslated"],
        fuzzy=reasons["fuzzy"],
        refused=reasons["refused"],
    )
    meta["medloc"] = notice_meta(report, article.lang, spec)
    if any(kind == "front matter title" for kind, _ in translation.fallbacks):
        meta["medloc"].update(title_lang=article.lang.tag, title_dir=article.lang.direction)
    return join_front_matter(meta, body), report, list(translation.diagnostics)


def translate_article(article: SourceArticle, catalog: Any | None, po_path: str, segmented: Callable[[SourceArticle], Any]) -> Translation:
    """The translate step on one article with one catalogue (None: no catalogue yet)."""
    from .translate import render_segmented

    diagnostics: list[Diagnostic] = list(getattr(catalog, "diagnostics", []))
    resolve = guarded_resolver(catalog, po_path, diagnostics)
    rendered = render_segmented(segmented(article), resolve, mark=fallback_marker(article.lang))
    return Translation(
        text=rendered.text,
        total=rendered.total,
        fallbacks=tuple((str(f.segment.kind), str(f.reason)) for f in rendered.fallbacks),
        diagnostics=(*diagnostics, *rendered.diagnostics),
    )


def page_body(text: str) -> str:
    """The Markdown after the front matter (no YAML parsing)."""
    match = _FRONT_MATTER.match(text)
    return text[match.end() :] if match else text


def notice_meta(report: PageReport, source: Language, spec: TreeSpec) -> dict[str, Any]:
    """Texts of the notice at the top of a translated page, in the reader's language."""
    ui = spec.ui
    name = ui.language_name(source)
    missing = report.untranslated + report.refused
    meta: dict[str, Any] = {
        "status": "complete" if report.fallbacks == 0 else "partial",
        "original_tag": source.tag,
        "original_root": spec.root_of(source),
    }
    if report.fallbacks == 0:
        return meta
    meta.update(
        title=ui.text("notice.title"),
        progress=ui.text("notice.progress", done=report.total - report.fallbacks, total=report.total),
        legend=ui.text("notice.legend"),
        original_link=ui.text("notice.original_link", language=name),
    )
    if missing:
        meta["untranslated"] = ui.text("notice.untranslated", num=missing, language=name)
    if report.fuzzy:
        meta["outdated"] = ui.text("notice.outdated", num=report.fuzzy)
    return meta


def write_tree(files: Mapping[str, str], out_dir: Path) -> int:
    """Write ``rel -> text`` under ``out_dir`` (only changed files), delete stale pages."""
    written = 0
    for rel, text in files.items():
        written += write_text_atomic(safe_join(out_dir, rel), text)
    if out_dir.is_dir():
        for stale in sorted(out_dir.rglob("*.md")):
            if stale.relative_to(out_dir).as_posix() not in files:
                stale.unlink()
    return written


def markdown_text(text: str) -> str:
    """Escape text for use inside Markdown link text or a paragraph."""
    escaped = re.sub(r"([\\`*_{}\[\]()#+\-.!|<>&])", r"\\\1", text)
    return escaped.replace("\n", " ")


def index_page(pages: Iterable[PageReport], spec: TreeSpec, languages: Iterable[Language]) -> str:
    """The home page of one language: intro, the articles, the languages."""
    ui = spec.ui
    lines = [f"{markdown_text(ui.text('home.intro'))}", "", f"## {markdown_text(ui.text('home.articles'))}", ""]
    for page in pages:
        entry = f"- [{_in_language(page.title, page.source_lang)}]({page.rel})"
        if page.description:
            entry += f": {_in_language(page.description, page.source_lang)}"
        lines.append(entry)
    lines += ["", markdown_text(ui.text("home.languages")), "", '<ul class="medloc-languages">']
    for other in languages:
        href = f"{spec.root_of(other)}" or "./"
        lines.append(f'<li><a href="{href}" hreflang="{other.tag}" lang="{other.tag}">{html.escape(other.native_name)}</a></li>')
    lines += ["</ul>", ""]
    # The list repeats every article's title and description: results should lead to the articles.
    meta = {"title": ui.text("home.title"), "description": ui.text("home.intro"), "search": {"exclude": True}}
    return join_front_matter(meta, "\n".join(lines))


def _in_language(text: str, lang: Language | None) -> str:
    """Markdown for ``text``, marked with its language when it is untranslated source text."""
    if lang is None:
        return markdown_text(text)
    return f'<span lang="{lang.tag}" dir="{lang.direction}" class="medloc-fallback">{markdown_text(text)}</span>'
