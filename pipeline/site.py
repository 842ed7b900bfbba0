"""``medloc build`` and ``medloc serve``: the localised patient-information site.

The build, stage by stage (each a function from data to data)::

    plan     config, docs/, locales/site.po   -> BuildPlan (languages, articles, site texts)
    status   catalogues                        -> StatusRow per language and article
    render   per language: articles + PO      -> build/medloc/<lang>/docs/ + mkdocs.yml
    mkdocs   per language, 2 at a time        -> build/medloc/<lang>/site/
    audit    every page vs its original       -> no script/handler a translation added
    publish  languages                        -> site/ (source at the root, site/<tag>/), sitemap.xml

Rendering runs in this process and hands each language to a worker process as
soon as its tree is written, so MkDocs builds (most of the time) overlap with
rendering and with each other. The plan is :mod:`pipeline.site_plan`; ``serve``
is :mod:`pipeline.site_serve`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .errors import Diagnostic, Location
from .fsio import available_cpus
from .languages import Language
from .md_abbr import with_script_boundaries
from .site_anchors import heading_ids, id_map, rewrite_fragments
from .site_config import NavPage, language_config, language_nav, user_nav, with_prune, write_config
from .site_mkdocs import MkdocsJob, MkdocsRun, run_mkdocs
from .site_i18n import section_message
from .site_plan import BuildPlan, plan_build, status_rows
from .site_publish import publish, write_sitemap
from .site_status import StatusRow, status_page
from .site_tree import PageReport, TreeSpec, index_page, link_assets, page_body, render_page, render_snippet, write_tree
from .snippets import MIRROR, language_extensions, write_mirror

__all__ = ["BuildResult", "LanguageTree", "build_site", "plan_build", "render_language", "status_rows"]

STATUS_PAGE = "status.md"
INDEX_PAGE = "index.md"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class LanguageTree:
    """One language's generated MkDocs input."""

    lang: Language
    config_file: Path
    pages: tuple[PageReport, ...]
    diagnostics: tuple[Diagnostic, ...]
    seconds: float
    """CPU seconds spent rendering it."""


@dataclass(slots=True)
class BuildResult:
    """What ``medloc build`` did; ``cmd_build`` prints :meth:`report_lines`."""

    site_dir: Path
    trees: list[LanguageTree] = field(default_factory=list)
    runs: list[MkdocsRun] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Everything to show, failures included."""
    failures: list[Diagnostic] = field(default_factory=list)
    """Why the site was not published (empty: it was)."""
    seconds: float = 0.0
    pipeline_seconds: float = 0.0
    """medloc's own work (CPU seconds): planning, status, rendering the trees, auditing, publishing."""
    translate_seconds: float = 0.0
    """Part of it spent in the translate step on pages not in the render cache."""

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    @property
    def pages(self) -> int:
        return sum(run.pages for run in self.runs)

    def report_lines(self) -> list[str]:
        lines = [_tree_line(tree) for tree in self.trees]
        if self.failed:
            lines.append(f"site not published: {len(self.failures)} problem(s), see above")
        else:
            mkdocs = sum(run.seconds for run in self.runs)
            lines.append(
                f"{self.site_dir}: {self.pages} pages in {len(self.runs)} languages in {self.seconds:.1f} s "
                f"(CPU work: MkDocs {mkdocs:.1f} s, medloc {self.pipeline_seconds:.1f} s)"
            )
        return lines


def _tree_line(tree: LanguageTree) -> str:
    articles = [p for p in tree.pages if p.kind != "generated"]
    complete = sum(1 for p in articles if p.kind == "original" or p.fallbacks == 0)
    total = sum(p.total for p in articles if p.kind == "translated")
    missing = sum(p.fallbacks for p in articles if p.kind == "translated")
    share = f", {100 * (total - missing) // total}% of segments translated" if total else ""
    return f"{tree.lang.code}: {len(articles)} articles, {complete} complete{share}"


# --------------------------------------------------------------------------- render


def render_language(plan: BuildPlan, lang: Language, rows: Sequence[StatusRow], *, link_sources: bool = True) -> LanguageTree:
    """Write ``build/medloc/<lang>/docs`` and its ``mkdocs.yml``.

    ``link_sources``: an article shown in its own language is a hard link to its source
    (:func:`~pipeline.site_cache.write_generated_copy`); ``serve`` writes copies instead, as
    MkDocs' watcher does not see a source saved in place through a link in another folder.
    """
    start = time.process_time()
    config = plan.config
    out = config.build_dir / lang.code
    spec = TreeSpec(
        lang=lang,
        out_dir=out / "docs",
        ui=plan.ui[lang.code],
        root_of=lambda other: plan.layout.root_from(lang, other),
        project_root=config.root,
        po_path=plan.po_path,
        fallback=plan.fallback,
        includes=plan.includes(lang),
    )
    files: dict[str, str] = {}
    pages: list[PageReport] = []
    diagnostics: list[Diagnostic] = []
    for article in plan.articles:
        text, report, found = render_page(
            article, spec, read_catalog=plan.translations, segmented=plan.segmented, cache=plan.cache, digest=plan.digest
        )
        files[article.rel] = text
        pages.append(report)
        diagnostics += found
    diagnostics += _render_snippets(plan, spec, out)
    if plan.cache is not None:
        plan.cache.save(lang.code)
    if plan.links_to_anchors:
        _follow_anchors(files, plan, lang)
    if INDEX_PAGE not in files:
        files[INDEX_PAGE] = index_page(pages, spec, config.languages)
    titles = {page.rel: page.title for page in pages}
    files[STATUS_PAGE] = status_page(rows, spec.ui, titles)
    originals = {a.rel: a.path for a in plan.articles if a.lang.code == lang.code} if link_sources else None
    write_tree(files, spec.out_dir, sources=originals)
    link_assets(plan.assets, spec.out_dir, pages=files)
    # The status page is for the translation team: reachable by its URL, not in the patients' nav.
    sections = {article.rel: article.section for article in plan.articles}
    shown = [
        NavPage(p.rel, p.title, spec.ui.message(section_message(sections[p.rel])) if sections[p.rel] else "")
        for p in pages
        if p.rel != INDEX_PAGE
    ]
    if plan.nav is not None:
        same = lang.code == config.source_language.code  # the English site stays what plain `mkdocs build` makes
        nav, grouped = (plan.nav if same else user_nav(plan.nav, spec.ui, pages=files)), False
    else:
        nav, grouped = language_nav(shown, home=INDEX_PAGE, limit=plan.nav_limit, lang=lang)
    config_file = out / "mkdocs.yml"
    write_config(
        config_file,
        language_config(
            lang=lang,
            layout=plan.layout,
            ui=spec.ui,
            top_config=plan.top_config,
            config_dir=out,
            theme_dir=plan.theme_dir,
            nav=nav,
            not_in_nav=[STATUS_PAGE],
            site_name=plan.site_name,
            features=with_prune(plan.features) if grouped else None,
            settings=_extension_settings(plan, lang, out),
        ),
    )
    diagnostics += spec.ui.diagnostics
    return LanguageTree(lang, config_file, tuple(pages), tuple(diagnostics), time.process_time() - start)


def _render_snippets(plan: BuildPlan, spec: TreeSpec, out: Path) -> list[Diagnostic]:
    """Write the language's snippet files into ``out/snippets`` (none for the source language)."""
    files: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    if plan.snippets is not None and spec.lang.code != plan.config.source_language.code:
        for snippet in plan.snippets.files:
            text, found = render_snippet(
                plan.snippet_article(snippet), spec, read_catalog=plan.translations, segmented=plan.segmented,
                cache=plan.cache, digest=plan.digest,
            )
            files[snippet.mirror] = text
            diagnostics += found
    write_mirror(files, out)
    return diagnostics


def _extension_settings(plan: BuildPlan, lang: Language, out: Path) -> dict[str, Any]:
    """``markdown_extensions`` (and ``watch``) a language writes again (INHERIT replaces lists).

    With snippets: the language's translated snippets' folders first, mkdocs.yml's base
    paths made absolute, so a build run from another folder (``medloc --project site
    build``) finds them too, in the source language as well. In the languages translated
    into: ``abbr`` finds abbreviations followed by Hangul, kana or Han (:mod:`pipeline.md_abbr`).
    """
    extensions = plan.verbatim.get("markdown_extensions")
    if extensions is None:
        return {}
    source = lang.code == plan.config.source_language.code
    snippets = plan.snippets if plan.snippets is not None and plan.snippets.files else None
    if snippets is None and source:
        return {}  # the source language's site is what plain `mkdocs build` makes
    mirrors = [] if snippets is None or source else snippets.mirror_bases(out)
    if snippets is not None:
        extensions = language_extensions(extensions, mirrors, snippets.settings)
    if not source:
        extensions = with_script_boundaries(extensions)
    settings: dict[str, Any] = {"markdown_extensions": extensions}
    if mirrors:
        # `medloc serve`: MkDocs rebuilds when medloc rewrites a translated snippet.
        theirs = [str((plan.top_config.parent / str(path)).resolve()) for path in plan.verbatim.get("watch", [])]
        settings["watch"] = [*theirs, str(out / MIRROR)]
    return settings


def _follow_anchors(files: dict[str, str], plan: BuildPlan, lang: Language) -> None:
    """Rewrite ``#fragment`` links to the heading ids of this language."""
    maps = {}
    for article in plan.articles:
        if article.lang.code != lang.code:
            maps[article.rel] = id_map(plan.heading_ids(article), heading_ids(page_body(files[article.rel])))
    if any(maps.values()):
        for rel, text in files.items():
            files[rel] = rewrite_fragments(text, rel, maps)


# --------------------------------------------------------------------------- build


class Progress:
    """One status line on a terminal; nothing when output is a file, a pipe or CI."""

    def __init__(self, langs: Sequence[Language], *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty() and not os.environ.get("CI")
        self.state = {lang.code: "·" for lang in langs}

    def mark(self, code: str, state: str) -> None:
        self.state[code] = state
        if self.enabled:
            shown = "  ".join(f"{code} {mark}" for code, mark in self.state.items())
            sys.stderr.write(f"\r\x1b[Kbuilding: {shown}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def build_site(config: Config, *, langs: Sequence[str] | None = None, strict: bool = False, progress: bool = True) -> BuildResult:
    """Build the site: every configured language (or ``langs``) into ``config.site_dir``."""
    start, cpu = time.perf_counter(), time.process_time()
    result = BuildResult(site_dir=config.site_dir)
    with _few_collections():
        plan = plan_build(config, langs=langs)
        result.diagnostics += plan.diagnostics
        rows = status_rows(plan)
        gc.freeze()  # the plan: never scanned again, and forked MkDocs workers inherit it without copying it
        planned = time.process_time() - cpu
        _render_and_build(plan, rows, result, progress=progress)
    finishing = time.process_time()
    _judge(result, plan, strict=strict)
    if not result.failed:
        built = {run.lang: plan.config.build_dir / run.lang / "site" for run in result.runs}
        publish(built, plan.layout, config.site_dir, complete=len(plan.langs) == len(config.languages))
        write_sitemap(config.site_dir, plan.layout, _page_urls(result.trees[0]))
    result.seconds = time.perf_counter() - start
    own = planned + sum(tree.seconds for tree in result.trees) + sum(run.scan_seconds for run in result.runs)
    result.pipeline_seconds = own + (time.process_time() - finishing)
    result.translate_seconds = plan.cache.make_seconds if plan.cache is not None else 0.0
    return result


def _render_and_build(plan: BuildPlan, rows: Sequence[StatusRow], result: BuildResult, *, progress: bool) -> None:
    """Render each language's tree and hand it to MkDocs (on workers) while the next one renders."""
    show = Progress(plan.langs, enabled=progress)
    with _executor(len(plan.langs)) as pool:
        jobs = _Jobs(pool, show, alongside=max(1, available_cpus() - 1))
        for lang in plan.langs:
            show.mark(lang.code, "rendering")
            tree = render_language(plan, lang, rows)
            result.trees.append(tree)
            result.diagnostics += tree.diagnostics
            jobs.add(lang.code, _job(plan, tree))
        for code, run in jobs.finish():
            show.mark(code, "done" if not run.errors else "FAILED")
            result.runs.append(run)
    show.done()


def _job(plan: BuildPlan, tree: LanguageTree) -> MkdocsJob:
    out = tree.config_file.parent
    return MkdocsJob(
        lang=tree.lang.code,
        config_file=tree.config_file,
        site_dir=out / "site",
        docs_dir=plan.config.docs_dir,
        shown_docs=plan.config.relative(plan.config.docs_dir),
        template_cache=plan.config.build_dir / "jinja-cache",
    )


class _Jobs:
    """MkDocs runs, started so that they do not oversubscribe the CPUs.

    While languages are still being rendered this process is busy too, so at
    most ``alongside`` (CPUs - 1) builds run next to it; once every tree is
    written, all workers build. On 2 CPUs, rendering next to two MkDocs
    processes made both slower (28% more CPU time for the rendering) and
    finished no sooner: the work is the same, the CPUs are the limit.
    """

    def __init__(self, pool: ProcessPoolExecutor | _InProcess, show: Progress, *, alongside: int) -> None:
        self.pool = pool
        self.show = show
        self.alongside = alongside
        self.waiting: list[tuple[str, MkdocsJob]] = []
        self.started: dict[str, Future[MkdocsRun]] = {}
        self.order: list[str] = []

    def add(self, code: str, job: MkdocsJob) -> None:
        self.order.append(code)
        self.waiting.append((code, job))
        self.show.mark(code, "waiting")
        self._start(limit=self.alongside)

    def finish(self) -> Iterator[tuple[str, MkdocsRun]]:
        """Start everything left now; then each run, in the order the languages were added."""
        self._start(limit=len(self.order))
        return ((code, self.started[code].result()) for code in self.order)

    def _start(self, *, limit: int) -> None:
        while self.waiting and sum(not future.done() for future in self.started.values()) < limit:
            code, job = self.waiting.pop(0)
            self.started[code] = self.pool.submit(run_mkdocs, job)
            self.show.mark(code, "building")


class _InProcess:
    """The executor interface for a single language: no worker process to start."""

    def __enter__(self) -> "_InProcess":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Callable[..., MkdocsRun], *args: Any) -> Future[MkdocsRun]:
        future: Future[MkdocsRun] = Future()
        future.set_result(fn(*args))
        return future


@contextmanager
def _few_collections(threshold: int = 20_000) -> Iterator[None]:
    """Fewer garbage collections while the site is planned and rendered.

    Segmenting and rendering allocate many small objects (markdown-it tokens,
    segments) and keep the segmentations for every language, so the collector's
    full passes would scan an ever larger heap. The first generation is collected
    every ``threshold`` allocations instead of 700; what the caller freezes
    (:func:`gc.freeze`) is never scanned again. Both are undone afterwards.
    """
    before = gc.get_threshold()
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _executor(count: int) -> ProcessPoolExecutor | _InProcess:
    workers = min(count, available_cpus(), 4)
    if workers < 2:
        return _InProcess()
    import material.plugins.search.plugin  # noqa: F401 - imported once, inherited by forked workers
    import mkdocs.commands.build  # noqa: F401

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


def _judge(result: BuildResult, plan: BuildPlan, *, strict: bool) -> None:
    """Decide whether the site may be published; record why not."""
    for run in result.runs:
        result.diagnostics += run.warnings + run.errors
        result.failures += run.errors
        if strict:
            result.failures += run.warnings
    audit = _audit(result.runs, plan)
    result.diagnostics += audit
    result.failures += audit


def _audit(runs: Sequence[MkdocsRun], plan: BuildPlan) -> list[Diagnostic]:
    """Every translated page has no more active content than its original."""
    by_lang = {run.lang: run.active for run in runs}
    problems = []
    for article in plan.articles:
        page = _html_path(article.rel)
        original = by_lang.get(article.lang.code, {}).get(page)
        for code, active in by_lang.items():
            if code == article.lang.code or page not in active:
                continue
            allowed = original if original is not None else _generated_baseline(by_lang, page)
            if active[page] > allowed:
                problems.append(
                    Diagnostic(
                        Location(plan.config.relative(plan.config.po_path(code, article.slug))),
                        f"[{code}] {page} has {active[page]} script/handler/active-URL constructs, its original {allowed}; "
                        "not published",
                        "error",
                        "site-active-content",
                    )
                )
    return problems


def _generated_baseline(by_lang: dict[str, dict[str, int]], page: str) -> int:
    return min((active.get(page, 0) for active in by_lang.values()), default=0)


def _html_path(rel: str) -> str:
    stem = rel[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def _page_urls(tree: LanguageTree) -> list[str]:
    urls = [""]
    urls += [_html_path(page.rel)[: -len("index.html")] for page in tree.pages if page.rel != INDEX_PAGE]
    return urls  # not the status page: it is for the team (noindex), not for search engines
