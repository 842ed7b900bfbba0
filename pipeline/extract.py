"""Markdown sources to POT templates: ``docs/<slug>.md`` -> ``locales/templates/<slug>.pot``.

One template per article (one Weblate component per article). Each entry is
one segment (:mod:`pipeline.segment`): ``#.`` the block kind and any author
note, ``#:`` ``docs/<slug>.md:LINE``, ``msgctxt`` when the author gave one.
Identical segments of one article (same text and context) merge into one entry
with several references and every distinct ``#.`` comment.

Templates do not churn: entries are in document order, the file is formatted
by :func:`pipeline.pofile.format_po` (byte-identical to GNU ``msgcat``), and a
template whose content is unchanged is not rewritten, so its
``POT-Creation-Date`` stays. A changed template gets its date from
``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the current UTC time.
``check=True`` writes nothing and reports which templates are out of date.

A template no article makes any more (the article was deleted, moved to
another file or given another slug) is removed: it holds no translation, and
left in place it would keep ``update`` writing catalogues for a page that is
gone. Only templates medloc made (their first comment names the source) whose
source is gone or was extracted into another template are removed, and only
by a run over the configured folders; the catalogues are never touched
(``update`` keeps them, and a moved article finds its translations there).

A project with a site (``mkdocs.yml``) also gets ``site.pot``, the ``site``
domain (:mod:`pipeline.site_i18n`): medloc's own site texts, the site name,
and each distinct front matter ``section`` of the articles (the navigation
groups of a large site), referenced as ``docs/<file>.md:LINE`` of its
``section:`` key. It is made here, where the articles are read, so it is
never out of step with them.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from .config import Config
from .errors import Diagnostic, ErrorList, InputError, Location, MarkdownError, PipelineError
from .fsio import available_cpus, decode_utf8, markdown_sources, read_bytes, read_text, write_text_atomic
from .languages import get_language
from .pofile import Catalog, Message, format_po, make_header
from .segment import Article, Segment, parse_article, walk
from .site_i18n import DOMAIN as SITE_DOMAIN
from .site_i18n import SectionUse, site_template
from .snippets import (
    TRANSLATOR_NOTE,
    Include,
    SnippetFile,
    auto_append_line,
    find_snippets,
    is_include,
    scan_includes,
    snippet_settings,
)

Status = Literal["created", "updated", "unchanged", "removed"]
T = TypeVar("T")
R = TypeVar("R")

MAX_SOURCE_BYTES = 2_000_000
"""A patient article is tens of kilobytes; anything this large is a mistake (a dump, a binary)."""


@dataclass(frozen=True, slots=True)
class TemplateUpdate:
    """What extraction did (or, with ``check``, would do) to one template."""

    source: Path
    template: Path
    status: Status
    entries: int


@dataclass(slots=True)
class ExtractResult:
    updates: list[TemplateUpdate] = field(default_factory=list)
    check: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    root: Path | None = None

    @property
    def out_of_date(self) -> list[TemplateUpdate]:
        return [update for update in self.updates if update.status != "unchanged"]

    def report_lines(self) -> list[str]:
        lines = [self._line(update) for update in self.out_of_date]
        unchanged = len(self.updates) - len(self.out_of_date)
        verb = "out of date" if self.check else "written"
        lines.append(f"{len(self.updates)} templates: {len(self.out_of_date)} {verb}, {unchanged} up to date")
        return lines

    def _line(self, update: TemplateUpdate) -> str:
        shown = _shown(update.template, self.root)
        if update.status == "removed":
            made_from = f"{update.source.as_posix()} is gone or makes another template"
            if self.check:
                return f"{shown}: stale, {made_from} (run medloc extract)"
            return f"{shown}: removed, {made_from} (its catalogues are kept)"
        if self.check:
            what = "missing" if update.status == "created" else "out of date"
            return f"{shown}: {what} (run medloc extract)"
        return f"{shown}: {update.status}, {update.entries} entries"


# --------------------------------------------------------------------------- templates


def build_template(article: Article, *, reference: str, creation_date: str) -> Catalog:
    """The POT catalogue of one article; ``reference`` is the path written in ``#:`` lines."""
    title = article.front_matter.get("title")
    comments = [
        f'Translation template for "{title}".' if isinstance(title, str) else "Translation template.",
        f"Generated by medloc extract from {reference}; edit the Markdown, not this file.",
    ]
    fields = template_header_fields(article.slug, creation_date=creation_date, source_lang=article.lang)
    header = make_header(fields, comments=comments, fuzzy=True)
    # An include line (``--8<-- "contact.md"``) is kept as written in every language: nothing to translate.
    segments = [segment for segment in article.segments if not is_include(segment.text)]
    return Catalog(header=header, messages=merge_segments(segments, reference=reference))


def template_header_fields(project: str, *, creation_date: str, source_lang: str) -> dict[str, str]:
    """Header fields of a POT, in the order xgettext writes them (shared by every template medloc makes)."""
    return {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": creation_date,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_lang,
    }


def merge_segments(segments: list[Segment], *, reference: str) -> list[Message]:
    """One message per (context, text), in order of first appearance."""
    messages: dict[tuple[str | None, str], Message] = {}
    for segment in segments:
        message = messages.get((segment.context, segment.text))
        if message is None:
            message = Message(msgid=segment.text, msgctxt=segment.context)
            messages[(segment.context, segment.text)] = message
        _append_unique(message.extracted_comments, (segment.kind, *segment.notes))
        _append_unique(message.references, (f"{reference}:{segment.line}",))
    return list(messages.values())


def _append_unique(items: list[str], new: tuple[str, ...]) -> None:
    for item in new:
        if item not in items:
            items.append(item)


def creation_date(now: float | None = None) -> str:
    """``POT-Creation-Date`` value: ``SOURCE_DATE_EPOCH`` if set, else ``now`` (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():
        try:
            now = float(epoch)
        except ValueError:
            raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
    stamp = time.gmtime(time.time() if now is None else now)
    return time.strftime("%Y-%m-%d %H:%M+0000", stamp)


def render_template(article: Article, *, reference: str, previous: str | None) -> str:
    """The template text; keeps ``previous``'s date when nothing else changed."""
    return keeping_date(lambda date: format_po(build_template(article, reference=reference, creation_date=date)), previous)


def keeping_date(render: Callable[[str], str], previous: str | None) -> str:
    """``render(date)`` with ``previous``'s ``POT-Creation-Date`` if that is the only difference, else a new date."""
    old_date = _creation_date_of(previous)
    if old_date is not None:
        same = render(old_date)
        if same == previous:
            return same
    return render(creation_date())


_DATE_RE = re.compile(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.MULTILINE)


def _creation_date_of(text: str | None) -> str | None:
    """The date in a previous template (no full parse: a malformed file just gets rewritten)."""
    match = _DATE_RE.search(text) if text is not None else None
    return match.group(1) if match else None


# --------------------------------------------------------------------------- files


def read_article(source: Path, *, reference: str, default_lang: str) -> Article:
    """Read and segment one Markdown source (its slug is checked by parse_article)."""
    return _parse(_read_source(source, reference), reference=reference, default_lang=default_lang)


def _read_source(source: Path, reference: str) -> str:
    try:
        data = read_bytes(source, limit=MAX_SOURCE_BYTES)
    except InputError as exc:
        raise MarkdownError(exc.message, Location(reference)) from None
    return decode_utf8(data, reference)


def _parse(text: str, *, reference: str, default_lang: str) -> Article:
    article = parse_article(text, reference, default_lang=default_lang)
    article.lang = get_language(article.lang, Location(reference, _key_line(text, "lang"))).code
    return article


@dataclass(frozen=True, slots=True)
class Prepared:
    """One article's template, rendered (by a worker process when there are many)."""

    source: Path
    reference: str
    slug: str = ""
    template: Path | None = None
    text: str = ""
    previous: str | None = None
    entries: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()
    errors: tuple[tuple[str, Location | None], ...] = ()
    """Problems as (message, location): exceptions do not cross process boundaries intact."""
    section: str = ""
    """Front matter ``section`` (navigation group, a ``site.pot`` entry), as the site reads it."""
    section_line: int = 1
    lang: str = ""
    """The article's language (gettext code)."""
    includes: tuple[Include, ...] = ()
    """Its pymdownx.snippets includes (:mod:`pipeline.snippets`)."""
    constructs: tuple[tuple[str, int], ...] = ()
    """Constructs that need a Markdown extension, with their first line (:func:`~pipeline.segment.extension_constructs`)."""

    @property
    def status(self) -> Status:
        return "unchanged" if self.text == self.previous else "created" if self.previous is None else "updated"


def prepare_template(source: Path, reference: str, default_lang: str, templates: Path) -> Prepared:
    """Segment one source and render its template; problems are returned, not raised."""
    try:
        source_text = _read_source(source, reference)
        article = _parse(source_text, reference=reference, default_lang=default_lang)
        template = templates / f"{article.slug}.pot"
        previous = _read_existing(template)
        text = render_template(article, reference=reference, previous=previous)
    except PipelineError as exc:
        problems = exc.errors if isinstance(exc, ErrorList) else [exc]
        return Prepared(source, reference, errors=tuple((e.message, e.location) for e in problems))
    entries = len({(s.context, s.text) for s in article.segments})
    # As pipeline/site_tree.py reads it, so the site finds the entry it looks up.
    section = str(article.front_matter.get("section") or "").strip()
    return Prepared(
        source, reference, article.slug, template, text, previous, entries, tuple(article.diagnostics),
        section=section, section_line=_key_line(source_text, "section") if section else 1, lang=article.lang,
        includes=tuple(scan_includes(source_text)), constructs=article.constructs,
    )


SNIPPET_HEADER = "Translation template for the snippet {reference}, a text included in several pages."
_SNIPPET_HEADER = re.compile(r"^# Translation template for the snippet ", re.MULTILINE)


def prepare_snippet_template(snippet: SnippetFile, source_lang: str, templates: Path) -> Prepared:
    """The template of a snippet file (``snippet-<path>.pot``): every segment is noted as
    included in several pages; the file is in the source language."""
    try:
        article = _snippet_article(snippet, source_lang)
        template = templates / f"{snippet.slug}.pot"
        previous = _read_existing(template)

        def render(date: str) -> str:
            catalog = build_template(article, reference=snippet.reference, creation_date=date)
            catalog.header.translator_comments[0] = SNIPPET_HEADER.format(reference=snippet.reference)
            for message in catalog.messages:
                message.extracted_comments.append(TRANSLATOR_NOTE)
            return format_po(catalog)

        text = keeping_date(render, previous)
    except PipelineError as exc:
        problems = exc.errors if isinstance(exc, ErrorList) else [exc]
        return Prepared(snippet.path, snippet.reference, errors=tuple((e.message, e.location) for e in problems))
    entries = len({(s.context, s.text) for s in article.segments})
    return Prepared(
        snippet.path, snippet.reference, snippet.slug, template, text, previous, entries, tuple(article.diagnostics), lang=source_lang
    )


def _snippet_article(snippet: SnippetFile, source_lang: str) -> Article:
    """Segments of a snippet file, named by its snippet slug (not its file name, which may not be one)."""
    segments: list[Segment] = []

    def keep(segment: Segment) -> str:
        segments.append(segment)
        return segment.text

    walked = walk(snippet.text, snippet.reference, keep)
    return Article(snippet.reference, snippet.slug, source_lang, {}, segments, list(walked.segmented.diagnostics))


def snippet_templates(config: Config, settings: dict[str, object] | None, prepared: list[Prepared], templates: Path) -> list[Prepared]:
    """Templates of the snippet files the articles include (none when the site does not use pymdownx.snippets)."""
    snippet = snippet_settings(settings or {}, root=config.root)
    if snippet is None:
        return []
    top = config.root / "mkdocs.yml"
    where = Location(config.relative(top), auto_append_line(read_text(top))) if snippet.auto_append else None
    sources = [(item.reference, item.includes) for item in prepared if item.includes]
    found = find_snippets(snippet, sources, relative=config.relative, append_location=where)
    return [prepare_snippet_template(file, config.source_language.code, templates) for file in found.files]


def _prepare_job(job: tuple[Path, str, str, Path]) -> Prepared:
    return prepare_template(*job)


def _key_line(text: str, key: str) -> int:
    """Line of the front matter's ``key:`` (1 when absent), for messages and references."""
    lines = text.split("\n", 200)[:200]
    if not lines or lines[0].rstrip() != "---":
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            break
        if line.startswith(f"{key}:"):
            return number
    return 1


def _read_existing(template: Path) -> str | None:
    try:
        return read_text(template)
    except InputError:
        if template.exists():
            raise
        return None


def extract_project(
    config: Config,
    *,
    docs_dir: Path | None = None,
    templates_dir: Path | None = None,
    check: bool = False,
    jobs: int | None = None,
) -> ExtractResult:
    """Extract every ``*.md`` under ``docs_dir`` (not in hidden folders) into ``templates_dir``.

    Every source is segmented before anything is written: one bad article
    stops the run with all problems listed, and no template changes. Large
    folders are segmented by ``jobs`` worker processes (default: one per CPU)
    and written by threads (each write is fsynced; threads overlap the waits).
    """
    docs = docs_dir or config.docs_dir
    templates = templates_dir or config.templates_dir
    if not docs.is_dir():
        raise InputError("Markdown folder does not exist (docs_dir, --docs)", Location(config.relative(docs)))
    sources = markdown_sources(docs)
    site_settings = _site_settings(config)
    if docs_dir is None and site_settings is not None:
        from .site_config import excluded_docs

        excluded = excluded_docs(site_settings)  # as the site leaves them out (snippets, drafts)
        sources = [source for source in sources if not excluded(source.relative_to(docs).as_posix())]
    if not sources:
        raise InputError("no Markdown sources (*.md) found", Location(config.relative(docs)))
    work = [(source, config.relative(source), config.source_language.code, templates) for source in sources]
    prepared = _run_parallel(_prepare_job, work, jobs=jobs)
    if docs_dir is None:
        prepared += snippet_templates(config, site_settings, prepared, templates)
    _raise_problems(prepared)
    result = ExtractResult(check=check, root=config.root)
    writes: list[tuple[Path | None, str]] = []
    for item in prepared:
        result.diagnostics.extend(item.diagnostics)
        assert item.template is not None
        result.updates.append(TemplateUpdate(Path(item.reference), item.template, item.status, item.entries))
        if item.status != "unchanged":
            writes.append((item.template, item.text))
    result.diagnostics += _sections_in_other_languages(prepared, config.source_language.code)
    if site_settings is not None:
        from .site_config import missing_extensions

        for item in prepared:
            result.diagnostics += missing_extensions(item.reference, item.constructs, site_settings.get("markdown_extensions"))
    site = prepare_site_template(config, site_settings, sections=site_sections(prepared), templates=templates)
    if site is not None:
        result.updates.append(site.update)
        if site.update.status != "unchanged":
            writes.append((site.update.template, site.text))
    stale: list[TemplateUpdate] = []
    if docs_dir is None and templates_dir is None:
        stale = stale_templates(config, templates, prepared)
        result.updates += stale
    if not check:
        _write_all(writes)
        for update in stale:
            update.template.unlink(missing_ok=True)
    return result


_MADE_FROM = re.compile(r"^# Generated by medloc extract from (.+?); edit the Markdown, not this file\.$", re.MULTILINE)


def stale_templates(config: Config, templates: Path, prepared: list[Prepared]) -> list[TemplateUpdate]:
    """Templates medloc made that no article makes any more: their source is gone, or was
    extracted this run into another template (a new slug). A template whose source exists
    but lies outside ``docs_dir`` is left alone."""
    made = {item.template for item in prepared} | {templates / f"{SITE_DOMAIN}.pot"}
    extracted = {item.reference for item in prepared}
    stale = []
    for template in sorted(templates.glob("*.pot")):
        if template in made:
            continue
        try:
            head = template.read_bytes()[:2000].decode("utf-8", "replace")
        except OSError:
            continue
        found = _MADE_FROM.search(head)
        if found is None:
            continue  # not medloc's (or edited by hand): not ours to remove
        source = found.group(1)
        # A snippet's file may stay when no page includes it any more: its template goes all the same.
        if source in extracted or not (config.root / source).exists() or _SNIPPET_HEADER.search(head):
            stale.append(TemplateUpdate(Path(source), template, "removed", 0))
    return stale


# --------------------------------------------------------------------------- the site domain


@dataclass(frozen=True, slots=True)
class SiteTemplate:
    """``site.pot`` as extraction would write it."""

    update: TemplateUpdate
    text: str


def site_sections(prepared: list[Prepared]) -> list[SectionUse]:
    """Each distinct ``section`` of the articles with its references, in order of first use."""
    uses: dict[str, list[str]] = {}
    for item in prepared:
        if item.section:
            uses.setdefault(item.section, []).append(f"{item.reference}:{item.section_line}")
    return [SectionUse(title, tuple(references)) for title, references in uses.items()]


def _sections_in_other_languages(prepared: list[Prepared], source: str) -> list[Diagnostic]:
    """A ``section`` is a ``site.pot`` text, translated from the source language like every site text."""
    return [
        Diagnostic(
            Location(item.reference, item.section_line),
            f"section {item.section!r} of a {item.lang} article goes into site.pot, whose texts are {source}: "
            f"readers of {source} would see it untranslated; write the section in {source}",
            code="site-section-language",
        )
        for item in prepared
        if item.section and item.lang != source
    ]


def _site_settings(config: Config) -> dict[str, object] | None:
    """The project's mkdocs.yml, read once for the whole extraction (None: no site)."""
    from .site_config import read_top_config

    top = config.root / "mkdocs.yml"
    return read_top_config(top) if top.is_file() else None


def prepare_site_template(
    config: Config, settings: dict[str, object] | None, *, sections: list[SectionUse], templates: Path
) -> SiteTemplate | None:
    """``site.pot`` for the project's site from its mkdocs.yml ``settings`` (None when there is
    no ``mkdocs.yml``: no site, no site texts)."""
    if settings is None:
        return None
    top = config.root / "mkdocs.yml"
    # The same default as the build (pipeline/site_plan.py), so the name shown is the name extracted.
    site_name = str(settings.get("site_name") or "Patient information")
    nav = nav_uses(settings.get("nav"), read_text(top), shown=config.relative(top))
    path = templates / f"{SITE_DOMAIN}.pot"
    previous = _read_existing(path)

    def template(date: str) -> Catalog:
        return site_template(site_name, creation_date=date, sections=sections, nav=nav)  # type: ignore[return-value]

    text = keeping_date(lambda date: format_po(template(date)), previous)
    status: Status = "unchanged" if text == previous else "created" if previous is None else "updated"
    return SiteTemplate(TemplateUpdate(Path(config.relative(top)), path, status, len(template("").messages)), text)


def nav_uses(nav: object, text: str, *, shown: str) -> list[SectionUse]:
    """The titles of mkdocs.yml's own ``nav`` (translated like site texts), each with the line it is on."""
    from .site_config import nav_titles

    lines = text.splitlines()
    start = next((number for number, line in enumerate(lines) if line.startswith("nav:")), 0)
    uses = []
    for title in dict.fromkeys(nav_titles(nav)):
        line = next((n for n in range(start, len(lines)) if title in lines[n]), start)
        uses.append(SectionUse(title, (f"{shown}:{line + 1}",)))
    return uses


_PARALLEL_FROM = 64
"""Below this many files, worker processes cost more than they save."""


def _run_parallel(function: Callable[[T], R], items: list[T], *, jobs: int | None) -> list[R]:
    """``map(function, items)`` in worker processes when there are many items (order kept)."""
    workers = jobs if jobs is not None else available_cpus()
    if workers <= 1 or len(items) < _PARALLEL_FROM:
        return [function(item) for item in items]
    chunk = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items, chunksize=chunk))


def _write_all(files: list[tuple[Path | None, str]]) -> None:
    def write(item: tuple[Path | None, str]) -> None:
        assert item[0] is not None
        write_text_atomic(item[0], item[1])

    if len(files) < 2:
        for item in files:
            write(item)
        return
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(write, files))


def _raise_problems(prepared: list[Prepared]) -> None:
    errors = ErrorList()
    slugs: dict[str, str] = {}
    for item in prepared:
        for message, location in item.errors:
            errors.errors.append(MarkdownError(message, location))
        if item.errors:
            continue
        if item.slug in slugs:
            errors.add(f"slug {item.slug!r} is also used by {slugs[item.slug]}", Location(item.reference, 1))
        slugs[item.slug] = item.reference
    errors.raise_if_any()


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)
