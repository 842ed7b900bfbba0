"""The plan of a site build: languages, articles, site texts, and shared caches.

Everything every language needs is read once here: the project's mkdocs.yml,
the articles in docs/ (each segmented at most once, for all languages), the
``site`` catalogues, and the PO files (parsed only when a translation is not
already in the render cache; found there by the digest of their bytes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import NAV_LIMIT, Config
from .errors import Diagnostic, Location, PipelineError
from .fsio import read_text
from .languages import Language
from .md_abbr import ABBR_NAMES
from .site_anchors import has_fragment_links, heading_ids
from .site_cache import RenderCache
from .site_config import (
    SiteLayout,
    enabled_extensions,
    excluded_docs,
    nav_titles,
    prepare_theme,
    read_top_config,
    read_top_verbatim,
)
from .site_i18n import UiTranslations, load_ui, nav_message, section_message, site_name_message
from .site_status import Counts, StatusRow, collect_status, count_segments
from .site_tree import SourceArticle, asset_files, discover_articles, page_body
from .snippets import SnippetFile, Snippets, auto_append_line, check_slugs, find_snippets, scan_includes, snippet_settings


@dataclass(slots=True)
class BuildPlan:
    """What to build, decided once before any language is rendered."""

    config: Config
    layout: SiteLayout
    langs: tuple[Language, ...]
    """Languages built this time (all, or those given with --lang)."""
    articles: tuple[SourceArticle, ...]
    top_config: Path
    site_name: str
    theme_dir: Path
    ui: dict[str, UiTranslations]
    fallback: tuple[Language, ...] = ()
    """Translations shown before an article's original (``[tool.medloc.site] fallback``, default: the source language)."""
    catalogs: dict[Path, Any | None] = field(default_factory=dict)
    """Parsed PO/POT files by path (None: no such file), read once."""
    tables: dict[Path, Any | None] = field(default_factory=dict)
    """Translations of the articles' PO files by path (None: no such file), read once."""
    segmentations: dict[str, Any] = field(default_factory=dict)
    """Each article segmented once, for every language."""
    source_ids: dict[str, list[str]] = field(default_factory=dict)
    digests: dict[Path, str] = field(default_factory=dict)
    po_paths: dict[tuple[str, str], Path] = field(default_factory=dict)
    cache: RenderCache | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    features: tuple[str, ...] = ()
    """mkdocs.yml's ``theme.features`` (a grouped nav adds ``navigation.prune`` to them)."""
    nav_limit: int = 40
    """``site.nav_limit``: articles per language shown as one flat nav."""
    nav: list[Any] | None = None
    """mkdocs.yml's own ``nav``: kept (its titles translated) instead of medloc's generated one."""
    assets: dict[str, Path] = field(default_factory=dict)
    """Files of docs/ that are not articles (images, PDFs, CSS): in every language's tree."""
    snippets: Snippets | None = None
    """The pymdownx.snippets files the pages include (None: the site does not use the extension)."""
    verbatim: dict[str, Any] = field(default_factory=dict)
    """mkdocs.yml's ``markdown_extensions`` and ``watch``, tags kept, for the languages whose snippets differ."""

    def catalog(self, path: Path) -> Any | None:
        if path not in self.catalogs:
            from .pofile import read_po

            self.catalogs[path] = read_po(path) if path.is_file() else None
        return self.catalogs[path]

    def translations(self, path: Path) -> Any | None:
        """An article catalogue's translations (:func:`~pipeline.pofile.read_translations`: lookups only)."""
        if path not in self.tables:
            from .pofile import read_translations

            self.tables[path] = read_translations(path) if path.is_file() else None
        return self.tables[path]

    def po_path(self, lang: Language, slug: str) -> Path:
        """``config.po_path`` once per catalogue (it resolves the path to refuse symlinks out)."""
        key = (lang.code, slug)
        if key not in self.po_paths:
            self.po_paths[key] = self.config.po_path(lang, slug)
        return self.po_paths[key]

    def digest(self, path: Path) -> str:
        """SHA-256 of a catalogue's bytes ("none" if missing): finds cached work without parsing it."""
        if path not in self.digests:
            try:
                self.digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except FileNotFoundError:
                self.digests[path] = "none"
        return self.digests[path]

    def counts(self, lang: Language, article: SourceArticle) -> Counts | None:
        """The entries of ``article``'s page by their state in ``lang``'s catalogue (None: no catalogue).

        Cached by the article's text and the catalogue's bytes: while neither changes,
        a build neither segments the article nor reads the catalogue for it.
        """
        path = self.po_path(lang, article.slug)
        if self.digest(path) == "none":
            return None
        includes = self.includes(lang) if "8<" in article.text else frozenset()

        def make() -> tuple[int, int, int]:
            return _as_tuple(count_segments(self.segmented(article).segments, self.translations(path), includes=includes))

        if self.cache is None:
            return Counts(*make())
        key = self.cache.key("counts", article.rel, article.text, self.digest(path), *sorted(includes))
        return Counts(*self.cache.counts_or_make(key, make))

    def includes(self, lang: Language) -> frozenset[str]:
        """Include targets whose files are shown translated in ``lang`` (none in the source language)."""
        if self.snippets is None or lang.code == self.config.source_language.code:
            return frozenset()
        return self.snippets.translated

    def entries(self, article: SourceArticle) -> int:
        """How many entries ``article`` has: its segments, each (context, text) once."""

        def make() -> tuple[int, int, int]:
            return _as_tuple(count_segments(self.segmented(article).segments, None))

        made = make() if self.cache is None else self.cache.counts_or_make(self.cache.key("entries", article.rel, article.text), make)
        return made[2]

    def segmented(self, article: SourceArticle) -> Any:
        if article.rel not in self.segmentations:
            from .segment import segment_source

            self.segmentations[article.rel] = segment_source(article.text, self.config.relative(article.path))
        return self.segmentations[article.rel]

    def snippet_article(self, snippet: SnippetFile) -> SourceArticle:
        """A snippet file as the translate step takes it: an article of the source language whose
        ``rel`` (``../snippets/N/...``) no page of docs/ can have."""
        return SourceArticle(
            path=snippet.path, rel=f"../{snippet.mirror}", slug=snippet.slug, lang=self.config.source_language,
            text=snippet.text, title=snippet.reference, description="",
        )

    def heading_ids(self, article: SourceArticle) -> list[str]:
        if article.rel not in self.source_ids:
            self.source_ids[article.rel] = heading_ids(page_body(article.text))
        return self.source_ids[article.rel]

    anchors: bool | None = None

    @property
    def links_to_anchors(self) -> bool:
        """Some article links to a ``#fragment`` (looked up once, not per language)."""
        if self.anchors is None:
            self.anchors = any(has_fragment_links(article.text) for article in self.articles)
        return self.anchors


def plan_build(config: Config, *, langs: Sequence[str] | None = None) -> BuildPlan:
    """Read mkdocs.yml, the articles and the site texts; prepare the theme folder."""
    top = config.root / "mkdocs.yml"
    if not top.is_file():
        raise PipelineError("no mkdocs.yml: the site needs one (it is also the base of every language)", Location(str(top)))
    top_text = read_text(top)
    top_settings = read_top_config(top, text=top_text)
    site_url = str(top_settings.get("site_url") or config.site.get("url") or "").strip() or None
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    layout = SiteLayout(config.source_language, config.languages, site_url)
    chosen = tuple(config.language(code) for code in langs) if langs else config.languages
    excluded = excluded_docs(top_settings)
    articles = tuple(
        article
        for article in discover_articles(config.docs_dir, root=config.root, default_lang=config.source_language, language=config.language)
        if not excluded(article.rel)
    )
    user_theme = _user_theme_dir(top_settings, config)
    theme_dir, diagnostics = prepare_theme(
        config.build_dir / "theme", user_dir=user_theme, shown_user_dir=config.relative(user_theme) if user_theme else ""
    )
    if site_url is None:
        message = (
            "no site_url: hreflang alternates are relative and sitemap.xml has root-relative paths, "
            "which search engines ignore; set site_url (the address the site is published at)"
        )
        diagnostics.append(Diagnostic(Location(config.relative(top)), message, code="site-url-missing"))
    diagnostics += _folder_mismatches(top, top_text, top_settings, config)
    snippets = _snippets(top, top_text, top_settings, articles, config)
    if snippets is not None:
        diagnostics += snippets.diagnostics
    plan = BuildPlan(
        config=config,
        layout=layout,
        langs=chosen,
        articles=articles,
        top_config=top,
        site_name=str(top_settings.get("site_name") or "Patient information"),
        theme_dir=theme_dir,
        ui={},
        fallback=tuple(config.language(code) for code in config.site.get("fallback", (config.source_language.code,))),
        cache=RenderCache(config.build_dir / "cache"),
        diagnostics=diagnostics,
        features=_theme_features(top_settings),
        nav_limit=int(config.site.get("nav_limit", NAV_LIMIT)),
        assets={rel: path for rel, path in asset_files(config.docs_dir).items() if not excluded(rel)},
        nav=top_settings["nav"] if isinstance(top_settings.get("nav"), list) else None,
        snippets=snippets,
        verbatim=_verbatim(top, top_text, top_settings, snippets),
    )
    extra = {"site_name": site_name_message(plan.site_name)}
    extra |= {f"section:{article.section}": section_message(article.section) for article in articles if article.section}
    extra |= {f"nav:{title}": nav_message(title) for title in nav_titles(plan.nav)}
    for lang in config.languages:
        plan.ui[lang.code] = load_ui(lang, config.po_path(lang, "", domain="site"), read=plan.catalog, extra=extra)
    return plan


def _folder_mismatches(top: Path, top_text: str, top_settings: dict[str, Any], config: Config) -> list[Diagnostic]:
    """mkdocs.yml's ``docs_dir``/``site_dir`` that differ from medloc's: plain ``mkdocs build`` would
    read other articles or write the English site elsewhere than ``medloc build``."""
    found = []
    lines = top_text.splitlines()
    for key, default, ours in (("docs_dir", "docs", config.docs_dir), ("site_dir", "site", config.site_dir)):
        theirs = (top.parent / str(top_settings.get(key) or default)).resolve()
        if theirs != ours.resolve():
            line = next((n for n, text in enumerate(lines, start=1) if text.startswith(f"{key}:")), 1)
            message = (
                f"{key} {config.relative(theirs)!r} differs from medloc's {config.relative(ours)!r} "
                f"([tool.medloc] {key}): medloc build uses {config.relative(ours)!r}, plain mkdocs build {config.relative(theirs)!r}; "
                "set the same folder in both"
            )
            found.append(Diagnostic(Location(config.relative(top), line), message, code="site-folders"))
    return found


def _snippets(
    top: Path, top_text: str, top_settings: dict[str, Any], articles: Sequence[SourceArticle], config: Config
) -> Snippets | None:
    """The snippet files of the articles (only those with ``8<`` are scanned) and ``auto_append``."""
    settings = snippet_settings(top_settings, root=config.root)
    if settings is None:
        return None
    sources = [(config.relative(article.path), scan_includes(article.text)) for article in articles if "8<" in article.text]
    where = Location(config.relative(top), auto_append_line(top_text)) if settings.auto_append else None
    found = find_snippets(settings, sources, relative=config.relative, append_location=where)
    problems = check_slugs(found, {article.slug: config.relative(article.path) for article in articles})
    if problems:
        raise PipelineError(problems[0][0], problems[0][1])
    return found


def _verbatim(top: Path, top_text: str, top_settings: dict[str, Any], snippets: Snippets | None) -> dict[str, Any]:
    """mkdocs.yml's settings a language writes again (lists: INHERIT replaces them), when it
    changes them: for translated snippets, or for ``abbr`` (:mod:`pipeline.md_abbr`)."""
    uses_abbr = bool(enabled_extensions(top_settings.get("markdown_extensions")).intersection(ABBR_NAMES))
    if (snippets is None or not snippets.files) and not uses_abbr:
        return {}
    settings = read_top_verbatim(top, text=top_text)
    return {key: settings[key] for key in ("markdown_extensions", "watch") if isinstance(settings.get(key), list)}


def _user_theme_dir(top_settings: dict[str, Any], config: Config) -> Path | None:
    """mkdocs.yml's ``theme.custom_dir`` (relative to mkdocs.yml), if it sets one."""
    theme = top_settings.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return config.root / str(custom) if custom else None


def _theme_features(top_settings: dict[str, Any]) -> tuple[str, ...]:
    theme = top_settings.get("theme")
    features = theme.get("features") if isinstance(theme, dict) else None
    return tuple(str(feature) for feature in features) if isinstance(features, list) else ()


def status_rows(plan: BuildPlan) -> list[StatusRow]:
    rows = collect_status(
        plan.articles,
        plan.config.languages,
        counts=plan.counts,
        entries=plan.entries,
        snippets=[plan.snippet_article(snippet) for snippet in plan.snippets.files] if plan.snippets else (),
    )
    if plan.cache is not None:
        plan.cache.save_counts()
    return rows


def _as_tuple(counts: Counts) -> tuple[int, int, int]:
    return (counts.translated, counts.fuzzy, counts.untranslated)


