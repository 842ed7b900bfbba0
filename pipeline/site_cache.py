"""A cache of translated articles, so unchanged pages are not translated again.

Translating a page (segment lookup, structure checks, verification) costs far
more than building it, and between two builds most pages do not change: a
translator saves one PO file, an author edits one article. An entry is keyed
by everything the result depends on: the source text, the bytes of the
catalogue, the language, and the code of the stages that produce it (so a
medloc upgrade invalidates it). Entries are JSON files under
``build/medloc/cache/``; a corrupt or unreadable entry is simply a miss.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import Diagnostic, Location
from .fsio import write_text_atomic

_STAGES = ("segment.py", "mdparse.py", "translate.py", "site_tree.py", "site_cache.py")


@dataclass(frozen=True, slots=True)
class Translation:
    """What the translate step made of one article in one language."""

    text: str
    total: int
    fallbacks: tuple[tuple[str, str], ...]
    """``(segment kind, reason)`` for every segment that fell back."""
    diagnostics: tuple[Diagnostic, ...] = ()


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

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(self.version.encode())
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def get_or_make(self, key: str, make: Callable[[], Translation]) -> Translation:
        path = self.folder / key[:2] / f"{key}.json"
        try:
            found = _load(path.read_text(encoding="utf-8"))
            self.hits += 1
            return found
        except (OSError, ValueError, KeyError, TypeError):
            pass
        self.misses += 1
        start = time.process_time()
        made = make()
        self.make_seconds += time.process_time() - start
        write_text_atomic(path, _dump(made))
        return made


    def counts_or_make(self, key: str, make: Callable[[], tuple[int, int, int]]) -> tuple[int, int, int]:
        """Entry counts of a catalogue (translated, fuzzy, untranslated), keyed by its bytes."""
        path = self.folder / "counts" / f"{key}.json"
        try:
            translated, fuzzy, untranslated = json.loads(path.read_text(encoding="utf-8"))
            return int(translated), int(fuzzy), int(untranslated)
        except (OSError, ValueError, TypeError):
            pass
        made = make()
        write_text_atomic(path, json.dumps(list(made)))
        return made


def _dump(translation: Translation) -> str:
    return json.dumps(
        {
            "text": translation.text,
            "total": translation.total,
            "fallbacks": [list(pair) for pair in translation.fallbacks],
            "diagnostics": [
                [d.location.path, d.location.line, d.location.column, d.message, d.severity, d.code]
                for d in translation.diagnostics
            ],
        },
        ensure_ascii=False,
    )


def _load(text: str) -> Translation:
    data = json.loads(text)
    return Translation(
        text=str(data["text"]),
        total=int(data["total"]),
        fallbacks=tuple((str(kind), str(reason)) for kind, reason in data["fallbacks"]),
        diagnostics=tuple(
            Diagnostic(Location(path, line, column), message, severity, code)
            for path, line, column, message, severity, code in data["diagnostics"]
        ),
    )
