"""Running MkDocs on one language's generated config, in this process or a worker.

MkDocs' warnings (broken links, missing anchors, nav problems) are collected
as :class:`~pipeline.errors.Diagnostic` pointing at the source article and
line where the link is written, instead of being printed by MkDocs' logger.
After the build every page is scanned for active content (scripts, event
handler attributes, ``javascript:``/``data:`` URLs, frames), so the site step
can prove that no translation added any.
"""

from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Diagnostic, Location

# Active content, matched in lower-cased HTML. Each pattern starts with a literal
# (fast search): pages of a large site are mostly navigation.
_ACTIVE_TAGS = re.compile(r"<(?:script|iframe|frame|object|embed|form|base|meta|link|style|svg|math)\b")
_NEIGHBOUR_LINK = re.compile(r'<link rel="(?:prev|next)" href="[^"<>\s]*">')
"""The theme's links to the previous and next page: which pages have them follows each
language's nav order (titles sort differently), not the content."""
_HANDLERS = re.compile(r"<[a-z][^<>]*?\son[a-z]+\s*=")
"""Tags with an event-handler attribute; counted by :func:`count_handlers`, which finds the same."""
_HANDLER_ATTR = re.compile(r"on[a-z]+\s*=")  # a literal first: fast search; the "\s" before is checked
_SCHEMES = ("javascript:", "vbscript:", "data:")
_DOC_FILE = re.compile(r"Doc file '([^']+)'")
_QUOTED = re.compile(r"'([^']+)'")


@dataclass(frozen=True, slots=True)
class MkdocsJob:
    lang: str
    config_file: Path
    site_dir: Path
    docs_dir: Path
    """Where the source articles are (to point warnings at them)."""
    shown_docs: str
    """docs_dir as shown in messages (``docs``)."""
    template_cache: Path | None = None
    """Folder for compiled Jinja templates, shared by languages and runs."""


@dataclass(slots=True)
class MkdocsRun:
    lang: str
    seconds: float = 0.0
    """CPU seconds of MkDocs' build (work, whatever else shares the machine)."""
    scan_seconds: float = 0.0
    """CPU seconds of medloc's active-content scan of the built pages."""
    pages: int = 0
    warnings: list[Diagnostic] = field(default_factory=list)
    """MkDocs warnings: fail the build under ``--strict``."""
    errors: list[Diagnostic] = field(default_factory=list)
    """The build itself failed."""
    active: dict[str, int] = field(default_factory=dict)
    """Page path in the site -> number of active-content constructs in its article."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_mkdocs(job: MkdocsJob) -> MkdocsRun:
    """``mkdocs build`` for one language; never raises for build problems."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if job.template_cache is not None:
        cache_templates(job.template_cache)
    run = MkdocsRun(job.lang)
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    saved = (logger.propagate, logger.level)
    logger.addHandler(collect)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    start = time.process_time()
    try:
        cfg = load_config(config_file=str(job.config_file), site_dir=str(job.site_dir))
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except MkDocsException as exc:
        run.errors.append(Diagnostic(Location(str(job.config_file)), f"[{job.lang}] MkDocs failed: {exc}", "error", "site-mkdocs"))
    finally:
        logger.removeHandler(collect)
        logger.propagate, _ = saved
        logger.setLevel(saved[1])
    run.seconds = time.process_time() - start
    run.warnings = [_diagnostic(record, job) for record in collect.records if record.levelno == logging.WARNING]
    run.errors += [_diagnostic(record, job, severity="error") for record in collect.records if record.levelno > logging.WARNING]
    if not run.errors:
        start = time.process_time()
        run.active, run.pages = scan_active(job.site_dir)
        run.scan_seconds = time.process_time() - start
    return run


def cache_templates(folder: Path) -> None:
    """Give the Jinja environments MkDocs creates a bytecode cache.

    Every language is a separate MkDocs build with the same theme, and MkDocs
    compiles Material's ~45 templates again for each (about 0.5 s a build).
    Jinja's documented bytecode cache keys entries by template source, so a
    template compiled for one language (or one run) is reused by the next.
    """
    import jinja2
    from mkdocs.theme import Theme

    if getattr(Theme.get_env, "_medloc_cache", None) == folder:
        return
    original = getattr(Theme.get_env, "_medloc_original", Theme.get_env)
    folder.mkdir(parents=True, exist_ok=True)

    def get_env(self: Theme) -> jinja2.Environment:
        env = original(self)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    get_env._medloc_cache = folder  # type: ignore[attr-defined]
    get_env._medloc_original = original  # type: ignore[attr-defined]
    Theme.get_env = get_env  # type: ignore[method-assign]


def _diagnostic(record: logging.LogRecord, job: MkdocsJob, *, severity: str = "warning") -> Diagnostic:
    message = record.getMessage().strip()
    match = _DOC_FILE.search(message)
    if not match:
        return Diagnostic(Location(str(job.config_file)), f"[{job.lang}] {message}", severity, "site-mkdocs")  # type: ignore[arg-type]
    rel = match.group(1)
    line = _line_of(job.docs_dir / rel, [q for q in _QUOTED.findall(message) if q != rel])
    return Diagnostic(Location(f"{job.shown_docs}/{rel}", line), f"[{job.lang}] {message}", severity, "site-link")  # type: ignore[arg-type]


def _line_of(source: Path, needles: list[str]) -> int | None:
    """First line of the source that contains the link target named in a warning."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle in line or needle.lstrip("#") in line and "#" in line:
                return number
    return None


def scan_active(site_dir: Path) -> tuple[dict[str, int], int]:
    """Active-content count of every HTML page, and the page count.

    Scanned: ``<head>`` (page title, description) and ``<article>`` (the
    content, headings, the notice). Everything a translation can reach is in
    one of them on some page: a navigation title is the ``<title>`` of its own
    page. The theme adds the same head scripts to every page of every language,
    so a page differs from its original only by what its content brought.
    """
    counts: dict[str, int] = {}
    for page in sorted(site_dir.rglob("*.html")):
        counts[page.relative_to(site_dir).as_posix()] = count_active(page.read_text(encoding="utf-8", errors="replace"))
    return counts, len(counts)


def count_active(html: str) -> int:
    """Scripts, frames, event-handler attributes and script/data URLs in a page's head and article."""
    head = _NEIGHBOUR_LINK.sub("", html[: html.find("</head>") + 1])
    start, end = html.find("<article"), html.rfind("</article>")
    text = (head + (html[start:end] if 0 <= start < end else "")).lower()
    return len(_ACTIVE_TAGS.findall(text)) + count_handlers(text) + sum(text.count(s) for s in _SCHEMES)


def count_handlers(text: str) -> int:
    """``len(_HANDLERS.findall(text))``, without trying the pattern at every tag of the page.

    A match is a tag ``<x...`` holding `` on...=`` before its next ``<`` or ``>``, and
    ends inside that tag: so the count is the number of such tags. Handler-like text is
    rare, so each occurrence is found first and its tag looked up backwards
    (``tests/test_site.py`` checks the two counts agree).
    """
    tags = set()
    for match in _HANDLER_ATTR.finditer(text):
        at = match.start() - 1  # where _HANDLERS' "\s" is
        if at < 0 or not text[at].isspace():
            continue
        opening = text.rfind("<", 0, at)
        if 0 <= opening < at - 1 and "a" <= text[opening + 1] <= "z" and text.find(">", opening, at) < 0:
            tags.add(opening)
    return len(tags)
