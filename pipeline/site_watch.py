"""Watch sources for ``medloc serve``: call back once per burst of saves.

Poedit and editors save through temporary files and renames, so one save is
several file-system events; they are collapsed into one re-render after a
short quiet period. Only files medloc reads trigger it (``.md``, ``.po``,
``.pot``, the glossary, and any file of a watched folder given as ``assets``:
an image saved into docs/), not editor backups, swap or lock files.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

_WATCHED_SUFFIXES = {".md", ".po", ".pot", ".yaml", ".yml"}
_EDITOR_FILE = re.compile(r"(^\.|^#.*#$|~$|\.(swp|swx|swo|tmp|temp|bak|part|crdownload|lock)$)", re.IGNORECASE)
"""Hidden, backup, swap, lock and partial-download files: never content a reader sees."""


class Watcher(FileSystemEventHandler):
    def __init__(
        self, paths: Iterable[Path], *, on_change: Callable[[], None], quiet: float = 0.15, assets: Iterable[Path] = ()
    ) -> None:
        super().__init__()
        self.on_change = on_change
        self.assets = tuple(path.resolve() for path in assets)
        self.quiet = quiet
        self.observer = Observer()
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        for path in paths:
            folder = path if path.is_dir() else path.parent
            if folder.is_dir():
                self.observer.schedule(self, str(folder), recursive=path.is_dir())

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        names = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        if not any(self.watched(Path(name)) for name in names if name):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.quiet, self.on_change)
            self.timer.daemon = True
            self.timer.start()

    def watched(self, path: Path) -> bool:
        if path.suffix in _WATCHED_SUFFIXES:
            return True
        if _EDITOR_FILE.search(path.name):
            return False
        return any(path.resolve().is_relative_to(folder) for folder in self.assets)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=2)
