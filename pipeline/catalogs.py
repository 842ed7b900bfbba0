"""Catalogue management over a project: ``init``, ``update`` and ``merge``.

The merge rules themselves live in :mod:`pipeline.merge` (pure functions);
this module finds the files, reads them, hands them over and writes results.

Guarantees:

* Every input is read and parsed before anything is written, so a malformed
  PO or POT (``path:line: what is wrong``) changes no file.
* Outputs are written atomically and only when their bytes change (no mtime
  or git churn); a catalogue that changed on disk after it was read (a
  translator saved it in Poedit meanwhile) is not overwritten: the run
  reports it by name and exits 2, after writing the other catalogues.
* ``init`` and ``update`` hold :class:`~pipeline.fsio.FileLock` on the
  locales folder, so two runs cannot race; ``update --check`` writes
  nothing and takes no lock.
* Existing catalogues are never overwritten by ``init``; ``update`` creates
  the catalogue of a new template for every configured language, and leaves
  catalogues whose template is gone alone (with a warning).

* A catalogue created for a new template starts from the catalogue of an
  article that moved (renamed file or slug): one whose template is gone or
  names only files that no longer exist, and that holds translations of at
  least half of the new template's sources; the merge then treats them as its
  own (exact matches stay translated, with their comments). The catalogue left
  behind is kept, with a warning on every run (``update-stale``) until it and
  its template are deleted. A copied article (the original still exists) only
  gets suggestions from the translation memory.

A template is translated into every configured language except its source
language, read from its ``X-Source-Language`` header (default: the project's
``source_language``). Translation memory for ``update``: every catalogue of
the same language, read before the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .config import Config, UpdateSettings
from .errors import Diagnostic, ErrorList, Location, PipelineError
from .fsio import FileLock, Snapshot, write_text_atomic
from .languages import Language, get_language
from .merge import MergeOptions, MergeStats, TranslationMemory, merge_catalog, prune_obsolete
from .pofile import Catalog, Message, format_po, make_header, read_po

UpdateMode = Literal["write", "check"]
ObsoletePolicy = Literal["keep", "prune"]


@dataclass(frozen=True, slots=True)
class Template:
    """A POT file of the project and the language its article is written in."""

    slug: str
    path: Path
    catalog: Catalog
    source: Language


@dataclass(frozen=True, slots=True)
class CatalogOutcome:
    """What happened (or, with ``--check``, would happen) to one catalogue."""

    path: str
    """Shown path (relative to the project root when inside it)."""
    action: Literal["created", "updated", "unchanged", "exists"]
    stats: MergeStats | None = None
    pruned: tuple[Message, ...] = ()


@dataclass(slots=True)
class CatalogsResult:
    """Result of ``init`` or ``update``: one outcome per catalogue, in path order."""

    mode: UpdateMode = "write"
    outcomes: list[CatalogOutcome] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def out_of_date(self) -> bool:
        return any(o.action in ("created", "updated") for o in self.outcomes)

    def report_lines(self) -> list[str]:
        lines = []
        verb = {"created": "would create", "updated": "would update"} if self.mode == "check" else {}
        for outcome in self.outcomes:
            for message in outcome.pruned:
                lines.append(f"{outcome.path}:{message.line}: pruned obsolete entry {_excerpt(message.msgid)}")
            if outcome.action in ("created", "updated"):
                summary = f" ({_summary(outcome.stats)})" if outcome.stats else ""
                lines.append(f"{outcome.path}: {verb.get(outcome.action, outcome.action)}{summary}")
            elif outcome.action == "exists":
                lines.append(f"{outcome.path}: exists, left unchanged")
        changed = sum(o.action in ("created", "updated") for o in self.outcomes)
        state = "out of date" if self.mode == "check" else "written"
        lines.append(f"{changed} of {len(self.outcomes)} catalogues {state}")
        return lines


@dataclass(slots=True)
class MergeFilesResult:
    """Result of ``medloc merge``."""

    output: str
    written: bool
    stats: MergeStats
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report_lines(self) -> list[str]:
        state = "written" if self.written else "unchanged"
        return [f"{self.output}: {state} ({_summary(self.stats)})"]


def _summary(stats: MergeStats | None) -> str:
    if stats is None:
        return ""
    parts = [
        (stats.exact + stats.revived, "exact"),
        (stats.fuzzy, "fuzzy"),
        (stats.memory_exact + stats.memory_fuzzy, "from memory"),
        (stats.untranslated, "untranslated"),
        (stats.obsoleted, "newly obsolete"),
    ]
    return ", ".join(f"{count} {label}" for count, label in parts if count) or "empty"


def _excerpt(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)


# --------------------------------------------------------------------------- templates


def load_templates(config: Config) -> list[Template]:
    """Every ``*.pot`` of the templates folder, parsed, with its source language."""
    errors = ErrorList()
    templates = []
    for path in sorted(config.templates_dir.glob("*.pot")):
        try:
            catalog = read_po(path)
            templates.append(Template(path.stem, path, catalog, _source_language(catalog, path, config)))
        except PipelineError as exc:
            errors.errors.append(exc)
    errors.raise_if_any()
    return templates


def _source_language(catalog: Catalog, path: Path, config: Config) -> Language:
    code = catalog.header_fields().get("X-Source-Language", "").strip()
    if not code:
        return config.source_language
    return get_language(code, Location(str(path), catalog.header.line or 1))


# --------------------------------------------------------------------------- init


def init_catalogs(config: Config, codes: Sequence[str]) -> CatalogsResult:
    """Create the catalogues of languages ``codes`` for every template; never overwrite."""
    languages = [get_language(code) for code in codes]
    result = CatalogsResult()
    configured = {lang.code for lang in config.languages}
    for lang in languages:
        if lang.code not in configured:
            result.diagnostics.append(Diagnostic(
                Location(str(config.path or "pyproject.toml")),
                f"language {lang.code!r} is not in tool.medloc.languages; add it so update and build use it",
                code="init-unconfigured",
            ))
    templates = load_templates(config)
    with FileLock(config.locales_dir):
        for lang in languages:
            memory = _memory(config, lang)
            for template in templates:
                if template.source.code == lang.code:
                    continue
                result.outcomes.append(_init_one(config, template, lang, memory))
    return result


def _init_one(config: Config, template: Template, lang: Language, memory: TranslationMemory) -> CatalogOutcome:
    path = config.po_path(lang, template.slug)
    shown = config.relative(path)
    if path.exists():
        return CatalogOutcome(shown, "exists")
    merged = merge_catalog(new_catalog(template.catalog, lang, path), template.catalog, memory=memory,
                           options=MergeOptions.from_settings(config.update))
    write_text_atomic(path, format_po(merged.catalog), expect=Snapshot(path, None))
    return CatalogOutcome(shown, "created", merged.stats)


def new_catalog(template: Catalog, lang: Language, path: Path) -> Catalog:
    """An empty catalogue for ``lang`` with the header ``msginit --no-translator`` writes.

    ``PO-Revision-Date`` is the template's creation date (as msginit does
    without a translator), so creating a catalogue is deterministic.
    """
    fields = template.header_fields()
    created = fields.get("POT-Creation-Date", "")
    header = {
        "Project-Id-Version": fields.get("Project-Id-Version", "PACKAGE VERSION"),
        "Report-Msgid-Bugs-To": fields.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "Automatically generated",
        "Language-Team": lang.english_name,
        "Language": lang.code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    header.update({name: value for name, value in fields.items() if name not in header and name != "Plural-Forms"})
    header["Plural-Forms"] = lang.plural_forms
    comments = [f"{lang.english_name} translation of {path.stem}."]
    return Catalog(header=make_header(header, comments=comments), messages=[], path=str(path))


# --------------------------------------------------------------------------- update


@dataclass(slots=True)
class _Job:
    """One catalogue to produce: its template, target language and old state."""

    template: Template
    lang: Language
    path: Path
    old: Catalog | None
    predecessor: Catalog | None = None
    """For a catalogue to create: the catalogue its article left behind when it moved."""


def update_catalogs(
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    mode: UpdateMode = "write",
    obsolete: ObsoletePolicy = "keep",
) -> CatalogsResult:
    """Merge every template into every catalogue of each configured (or given) language."""
    languages = [config.language(code) for code in langs] if langs else list(config.languages)
    run = _Update(config, mode, obsolete, CatalogsResult(mode=mode), MergeOptions.from_settings(config.update))
    if mode == "check":
        return run.run(languages)
    with FileLock(config.locales_dir):
        return run.run(languages)


@dataclass(slots=True)
class _Update:
    """One ``update`` run: settings, and the result it fills in."""

    config: Config
    mode: UpdateMode
    obsolete: ObsoletePolicy
    result: CatalogsResult
    options: MergeOptions

    def run(self, languages: Sequence[Language]) -> CatalogsResult:
        templates = load_templates(self.config)
        self.result.diagnostics.extend(d for t in templates for d in t.catalog.diagnostics)
        jobs, memories = self.read_everything(templates, languages)
        errors = ErrorList()
        for job in jobs:
            try:
                self.result.outcomes.append(self.one(job, memories[job.lang.code]))
            except PipelineError as exc:  # a catalogue saved meanwhile: report, go on with the others
                errors.errors.append(exc)
        errors.raise_if_any()
        return self.result

    def read_everything(
        self, templates: Sequence[Template], languages: Sequence[Language]
    ) -> tuple[list[_Job], dict[str, TranslationMemory]]:
        """Parse every catalogue involved before anything is written (malformed input changes nothing)."""
        errors = ErrorList()
        jobs: list[_Job] = []
        memories: dict[str, TranslationMemory] = {}
        for lang in languages:
            catalogs = read_language(self.config, lang, errors)
            self.result.diagnostics.extend(d for c in catalogs.values() for d in c.diagnostics)
            memories[lang.code] = TranslationMemory.from_catalogs(catalogs.values())
            targets = [t for t in templates if t.source.code != lang.code]
            wanted = {self.config.po_path(lang, t.slug): t for t in targets}
            lang_jobs = [_Job(t, lang, path, catalogs.get(path)) for path, t in wanted.items()]
            self.warn_orphans([path for path in catalogs if path not in wanted], lang)
            self.warn_stale([t for path, t in wanted.items() if path in catalogs and _article_gone(self.config, t.catalog)], lang)
            self.find_predecessors(lang_jobs, catalogs, left_behind=_left_behind(self.config, templates, wanted, catalogs))
            jobs.extend(lang_jobs)
        errors.raise_if_any()
        return jobs, memories

    def find_predecessors(self, jobs: Sequence[_Job], catalogs: dict[Path, Catalog], *, left_behind: set[Path]) -> None:
        """A catalogue to create starts from the one its article left behind when it moved (renamed file or slug)."""
        for job in jobs:
            if job.old is not None or not left_behind or _article_gone(self.config, job.template.catalog):
                continue
            found = predecessor(job.template.catalog, [catalogs[path] for path in sorted(left_behind)])
            if found is None:
                continue
            left_behind.discard(Path(found.path or ""))
            job.predecessor = found
            self.result.diagnostics.append(Diagnostic(
                Location(self.config.relative(job.path)),
                f"article moved? starts from the translations of {self.config.relative(Path(found.path or ''))}, "
                "whose article no longer exists",
                code="update-moved",
            ))

    def warn_stale(self, templates: Sequence[Template], lang: Language) -> None:
        for template in templates:
            self.result.diagnostics.append(Diagnostic(
                Location(self.config.relative(self.config.po_path(lang, template.slug))),
                f"no file named by the references of {self.config.relative(template.path)} exists any more "
                "(article moved or deleted?); delete that template and this catalogue when no longer needed",
                code="update-stale",
            ))

    def warn_orphans(self, paths: Sequence[Path], lang: Language) -> None:
        for path in paths:
            self.result.diagnostics.append(Diagnostic(
                Location(self.config.relative(path)),
                f"no template is translated into {lang.code} by this catalogue (article removed?); left unchanged",
                code="update-orphan",
            ))

    def one(self, job: _Job, memory: TranslationMemory) -> CatalogOutcome:
        shown = self.config.relative(job.path)
        old = job.old or _started_from(new_catalog(job.template.catalog, job.lang, job.path), job.predecessor)
        merged = merge_catalog(old, job.template.catalog, memory=memory, options=self.options)
        self.result.diagnostics.extend(merged.diagnostics)
        catalog, pruned = prune_obsolete(merged.catalog) if self.obsolete == "prune" else (merged.catalog, [])
        text = format_po(catalog)
        expect = job.old.snapshot if job.old is not None else Snapshot(job.path, None)
        if expect is not None and Snapshot.of_bytes(job.path, text.encode("utf-8")).digest == expect.digest:
            return CatalogOutcome(shown, "unchanged", merged.stats)
        if self.mode == "write":
            write_text_atomic(job.path, text, expect=expect)
        return CatalogOutcome(shown, "updated" if job.old else "created", merged.stats, tuple(pruned))


PREDECESSOR_SHARE = 0.5
"""Part of a new template's entries a left-behind catalogue must hold, translated, to be its predecessor."""


def predecessor(template: Catalog, candidates: Sequence[Catalog]) -> Catalog | None:
    """The candidate holding translations of the most of ``template``'s sources, if at least
    :data:`PREDECESSOR_SHARE` of them (a moved article keeps most of its text)."""
    keys = {m.key for m in template.messages if not m.obsolete}
    if not keys:
        return None
    shares = [(len(keys & {m.key for m in c.messages if m.translated}) / len(keys), i) for i, c in enumerate(candidates)]
    share, index = max(shares, default=(0.0, -1), key=lambda pair: (pair[0], -pair[1]))
    return candidates[index] if share >= PREDECESSOR_SHARE else None


def _left_behind(config: Config, templates: Sequence[Template], wanted: dict[Path, Template],
                 catalogs: dict[Path, Catalog]) -> set[Path]:
    """Catalogues of this language whose template is gone, or names only article files that no longer exist."""
    stale = {t.slug for t in templates if _article_gone(config, t.catalog)}
    return {path for path in catalogs if path not in wanted or wanted[path].slug in stale}


def _article_gone(config: Config, template: Catalog) -> bool:
    """True if the template's references name files, and none of them exists any more."""
    files = {ref.rpartition(":")[0] or ref for m in template.messages for ref in m.references}
    return bool(files) and not any((config.root / name).exists() for name in files)


def _started_from(fresh: Catalog, predecessor: Catalog | None) -> Catalog:
    """``fresh`` (a new catalogue's header) holding ``predecessor``'s entries, so the merge treats them as its own."""
    if predecessor is None:
        return fresh
    return Catalog(header=fresh.header, messages=predecessor.messages, path=fresh.path)


def read_language(config: Config, lang: Language, errors: ErrorList) -> dict[Path, Catalog]:
    """Every catalogue of ``lang``, by path; a file that does not parse goes to ``errors``."""
    folder = config.locales_dir / lang.code / "LC_MESSAGES"
    catalogs: dict[Path, Catalog] = {}
    for path in sorted(folder.glob("*.po")):
        try:
            catalogs[path] = read_po(path)
        except PipelineError as exc:
            errors.errors.append(exc)
    return catalogs


def _memory(config: Config, lang: Language) -> TranslationMemory:
    errors = ErrorList()
    catalogs = read_language(config, lang, errors)
    errors.raise_if_any()
    return TranslationMemory.from_catalogs(catalogs.values())


# --------------------------------------------------------------------------- merge (one pair)


def merge_files(
    definitions: Path,
    reference: Path,
    *,
    output: Path,
    compendia: Iterable[Path] = (),
    settings: UpdateSettings = UpdateSettings(),
) -> MergeFilesResult:
    """``msgmerge --previous DEF.po REF.pot -o OUT.po [-C FILE]...`` with medloc's matcher."""
    before = Snapshot.of(output) if str(output) != "-" else None
    errors = ErrorList()
    catalogs: list[Catalog] = []
    for path in (definitions, reference, *compendia):
        try:
            catalogs.append(read_po(path))
        except PipelineError as exc:
            errors.errors.append(exc)
    errors.raise_if_any()
    old, template, *extra = catalogs
    memory = TranslationMemory.from_catalogs(extra) if extra else None
    merged = merge_catalog(old, template, memory=memory, options=MergeOptions.from_settings(settings))
    diagnostics = [d for c in catalogs for d in c.diagnostics] + merged.diagnostics
    text = format_po(merged.catalog)
    if before is None:
        import sys

        sys.stdout.write(text)
        return MergeFilesResult("-", True, merged.stats, diagnostics)
    written = write_text_atomic(output, text, expect=before)
    return MergeFilesResult(str(output), written, merged.stats, diagnostics)


__all__ = [
    "CatalogOutcome", "CatalogsResult", "MergeFilesResult", "Template",
    "init_catalogs", "load_templates", "merge_files", "new_catalog", "update_catalogs",
]
