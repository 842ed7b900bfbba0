"""A cache of translated articles, so unchanged pages are not translated again.

Translating a page (segment lookup, structure checks, verification) costs far
more than building it, and between two builds most pages do not change: a
translator saves one PO file, an author edits one article. An entry is keyed
by everything the result depends on: the source text, the bytes of the
catalogue, the language, and the code of the stages that produce it (so a
medloc upgrade invalidates it). The entries of one language live in one JSON
file, ``build/medloc/cache/pages.<lang>.json``, read once and written once per
build (:meth:`RenderCache.save`): one file instead of one per page, as writing
hundreds of small files cost more than a cold build's checks. A corrupt or
unreadable file or entry is simply a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Diagnostic, Location
from .fsio import link_atomic, replace_atomic, write_bytes_atomic

_STAGES = ("segment.py", "mdparse.py", "translate.py", "site_tree.py", "site_cache.py")


@dataclass(frozen=True, slots=True)
class Translation:
    """What the translate step made of one article in one language."""

    text: str
    total: int
    fallbacks: tuple[tuple[str, str, str], ...]
    """``(segment kind, reason, language shown)`` for every segment that fell back ("": the original)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    front_matter: tuple[tuple[str, str], ...] | None = None
    """Title and description as the text shows them (:attr:`pipeline.translate.Rendered.front_matter`)."""


def code_version() -> str:
    """Digest of the modules whose code decides a translation."""
    digest = hashlib.sha256()
    for name in _STAGES:
        path = Path(__file__).with_name(name)
        digest.update(path.read_bytes() if path.is_file() else name.encode())
    return digest.hexdigest()[:16]


class RenderCache:
    def __init__(self, folder: Path, *, version: str | None = None) -> None:
        self.folder = folder
        self.version = version or code_version()
        self.hits = 0
        self.misses = 0
        self.make_seconds = 0.0
        """CPU seconds spent making what was not cached (the translate step)."""
        self._counts: dict[str, tuple[int, int, int]] | None = None
        self._counts_used: set[str] = set()
        self._counts_changed = False
        self._groups: dict[str, dict[str, Any]] = {}
        self._used: dict[str, set[str]] = {}
        self._changed: set[str] = set()

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(self.version.encode())
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def get_or_make(self, key: str, make: Callable[[], Translation], *, group: str = "pages") -> Translation:
        """The cached translation under ``key`` in ``group`` (a language), else ``make()``'s, kept for :meth:`save`."""
        entries = self._group(group)
        self._used.setdefault(group, set()).add(key)
        found = entries.get(key)
        if found is not None:
            try:
                translation = _from_json(found)
                self.hits += 1
                return translation
            except (ValueError, KeyError, TypeError):
                del entries[key]
        self.misses += 1
        start = time.process_time()
        made = make()
        self.make_seconds += time.process_time() - start
        entries[key] = _to_json(made)
        self._changed.add(group)
        return made

    def save(self, group: str = "pages") -> None:
        """Write ``group``'s entries used in this build (older ones are dropped), if anything changed."""
        entries = self._groups.get(group)
        used = self._used.get(group, set())
        if entries is None or not (group in self._changed or len(entries) > len(used)):
            return
        kept = {key: value for key, value in entries.items() if key in used}
        write_generated(self._group_path(group), json.dumps(kept, ensure_ascii=False))
        self._groups[group] = kept
        self._changed.discard(group)

    def _group_path(self, group: str) -> Path:
        return self.folder / f"pages.{group}.json"

    def _group(self, group: str) -> dict[str, Any]:
        if group not in self._groups:
            try:
                data = json.loads(self._group_path(group).read_text(encoding="utf-8"))
                self._groups[group] = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._groups[group] = {}
        return self._groups[group]

    def counts_or_make(self, key: str, make: Callable[[], tuple[int, int, int]]) -> tuple[int, int, int]:
        """Entry counts of a catalogue (translated, fuzzy, untranslated), keyed by its bytes.

        All counts live in one file (``counts.json``), read once; :meth:`save_counts` writes it.
        """
        counts = self._load_counts()
        self._counts_used.add(key)
        found = counts.get(key)
        if found is not None:
            return found
        counts[key] = made = make()
        self._counts_changed = True
        return made

    def save_counts(self) -> None:
        """Write the counts of the catalogues seen in this build (older ones are dropped)."""
        if self._counts is None or not (self._counts_changed or len(self._counts) > len(self._counts_used)):
            return
        kept = {key: list(value) for key, value in self._counts.items() if key in self._counts_used}
        write_generated(self.folder / "counts.json", json.dumps(kept, sort_keys=True))
        self._counts_changed = False

    def _load_counts(self) -> dict[str, tuple[int, int, int]]:
        if self._counts is None:
            self._counts = {}
            try:
                data = json.loads((self.folder / "counts.json").read_text(encoding="utf-8"))
                for key, (translated, fuzzy, untranslated) in data.items():
                    self._counts[str(key)] = (int(translated), int(fuzzy), int(untranslated))
            except (OSError, ValueError, TypeError, AttributeError):
                self._counts = {}
        return self._counts


def write_generated(path: Path, text: str) -> bool:
    """Replace a generated file under ``build/`` atomically if its text changed (False: unchanged).

    No fsync (``durable=False``): everything under ``build/`` is made again from the
    sources if a crash loses it, and hundreds of fsyncs per build cost more wall time
    than rendering the pages. The rename still keeps ``serve`` and MkDocs from
    reading a half-written file. A file that is a hard link to a source
    (:func:`write_generated_copy`) is made a file of its own, so a change to the source
    written in place shows in this folder as a change MkDocs' watcher sees (``serve``
    renders without links).
    """
    data = text.encode("utf-8")
    try:
        shared = path.stat().st_nlink > 1
    except OSError:
        shared = False
    if shared:
        replace_atomic(path, data)
        return True
    return write_bytes_atomic(path, data, durable=False)


def write_generated_copy(path: Path, text: str, source: Path) -> bool:
    """:func:`write_generated` for a file whose text may be exactly ``source``'s: then a hard link to it.

    An article of the language being built is its source file unchanged, and the
    theme's files are medloc's own. Creating a file allocates an inode, which costs
    far more than linking one on some file systems (0.4 ms of CPU per file against
    0.02 ms for a link on the machines this project is built on), and half of a
    two-language site's pages are such copies. A link shares the source's bytes, so
    the generated file is the source, read by MkDocs like any other file; a later
    build that must change it replaces it by a rename and never writes into the
    source. Where linking fails (another file system), or the text differs from the
    source's, the text is written as by :func:`write_generated`.
    """
    return copy_generated(path, source, text.encode("utf-8"))


def copy_generated(path: Path, source: Path, data: bytes | None = None) -> bool:
    """:func:`write_generated_copy` for bytes: ``path`` holds ``data`` (None: ``source``'s own bytes,
    read only if a link cannot be made), as a link to ``source`` where ``source`` holds them too."""
    if data is None:
        same = True
    else:
        try:
            same = source.read_bytes() == data
        except OSError:
            same = False
    if same:
        try:
            if os.path.samefile(source, path):
                return False
        except OSError:
            pass  # nothing at path yet
        try:
            link_atomic(source, path)
            return True
        except OSError:
            pass
    return write_bytes_atomic(path, source.read_bytes() if data is None else data, durable=False)


def _to_json(translation: Translation) -> dict[str, Any]:
    return {
        "text": translation.text,
        "total": translation.total,
        "fallbacks": [list(entry) for entry in translation.fallbacks],
        "diagnostics": [
            [d.location.path, d.location.line, d.location.column, d.message, d.severity, d.code]
            for d in translation.diagnostics
        ],
        "front_matter": None if translation.front_matter is None else [list(item) for item in translation.front_matter],
    }


def _from_json(data: Any) -> Translation:
    return Translation(
        text=str(data["text"]),
        total=int(data["total"]),
        fallbacks=tuple((str(kind), str(reason), str(shown)) for kind, reason, shown in data["fallbacks"]),
        diagnostics=tuple(
            Diagnostic(Location(path, line, column), message, severity, code)
            for path, line, column, message, severity, code in data["diagnostics"]
        ),
        front_matter=None
        if data.get("front_matter") is None
        else tuple((str(key), str(value)) for key, value in data["front_matter"]),
    )
