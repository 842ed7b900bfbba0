"""Which translations changed since a git revision (``medloc check --since REF``).

A reviewer of a pull request wants the findings of what the pull request changed, not the
backlog of the whole project: ``--since origin/main`` keeps the findings of entries that
are new or whose translation, fuzzy flag or translator comments differ from the catalogue
at that revision. Everything else is counted, not shown.

The old catalogue is read with ``git show REF:./FILE`` from the file's own folder, so the
project may sit anywhere inside the repository. A catalogue git does not have at REF (a
new language, a new article, a file outside the repository) is new as a whole: all its
findings are shown. Only a revision git does not know is an error: a typo in CI must not
turn the check into a silent pass.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, Location, PipelineError
from .pofile import Catalog, Message, parse_po, read_po

EntryKey = tuple[str | None, str]
"""``(msgctxt, msgid)``: one entry of a catalogue."""


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since ``ref``, per catalogue (path as ``check`` shows it)."""

    ref: str
    changed: dict[str, frozenset[str] | None]
    """Path -> msgids of entries changed since ``ref``; None: the whole catalogue is new."""

    def shows(self, path: str, msgid: str) -> bool:
        """A finding on ``msgid`` of ``path`` is about something that changed (unknown paths are shown)."""
        if path not in self.changed:
            return True
        msgids = self.changed[path]
        return msgids is None or msgid in msgids


def changes_since(ref: str, files: Iterable[tuple[str, Path]], *, root: Path) -> Changes:
    """Compare each catalogue (``(shown path, file)``) with its version at git revision ``ref``."""
    git = shutil.which("git")
    if git is None:
        raise PipelineError("--since needs git, which is not installed")
    where = Location(f"--since {ref}")
    probe = subprocess.run([git, "-C", str(root), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
                           capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        raise InputError(f"{ref!r} is not a commit of the git repository at {root}", where)
    changed: dict[str, frozenset[str] | None] = {}
    for shown, path in files:
        old = _old_catalog(git, ref, path, shown)
        changed[shown] = None if old is None else frozenset(_changed_msgids(old, read_po(path)))
    return Changes(ref, changed)


def _old_catalog(git: str, ref: str, path: Path, shown: str) -> Catalog | None:
    """The catalogue at ``ref``, or None if git has no such file there or it does not parse."""
    done = subprocess.run([git, "-C", str(path.parent), "show", f"{ref}:./{path.name}"], capture_output=True, check=False)
    if done.returncode != 0:
        return None
    try:
        return parse_po(done.stdout, f"{ref}:{shown}")
    except PipelineError:
        return None  # broken then, so every entry is new to a reviewer


def _changed_msgids(old: Catalog, new: Catalog) -> set[str]:
    before = {m.key: _state(m) for m in old.messages if not m.obsolete}
    return {m.msgid for m in new.messages if not m.obsolete and before.get(m.key) != _state(m)}


def _state(message: Message) -> tuple[object, ...]:
    """What a translator or reviewer may have changed on an entry."""
    return (message.msgstr, tuple(message.msgstr_plural), message.fuzzy, tuple(message.translator_comments))
