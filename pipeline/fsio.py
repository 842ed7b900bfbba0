"""File input/output shared by every stage: atomic writes, change detection, locks.

Rules every writer in medloc follows:

* A file is written through :func:`write_text_atomic`: temp file in the same
  folder, ``fsync``, ``os.replace``. A crash leaves the old file or the new file,
  never half of one.
* A file is rewritten only when its bytes change (no mtime churn, no git churn).
* A file that was read for an update is checked again just before it is
  replaced (:class:`Snapshot`); if someone saved it in between (Poedit,
  an editor, another process), the run stops instead of overwriting their work.
* Folders that a command updates in place are guarded by :class:`FileLock`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from .errors import ConcurrentModificationError, InputError, Location, LockedError, PipelineError


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a file looked like when medloc read it."""

    path: Path
    digest: str | None
    """SHA-256 of the bytes read, or None if the file did not exist."""

    @classmethod
    def of(cls, path: Path) -> "Snapshot":
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls(path, None)
        return cls(path, _digest(data))

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> "Snapshot":
        return cls(path, _digest(data))

    def verify_unchanged(self) -> None:
        """Raise if the file on disk is no longer what was read."""
        if Snapshot.of(self.path).digest != self.digest:
            raise ConcurrentModificationError(
                "changed on disk since medloc read it (saved in an editor?); "
                "not overwritten, run the command again",
                Location(str(self.path)),
            )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, *, limit: int | None = None) -> bytes:
    """Read a file, turning OS errors into ``path: message``."""
    try:
        size = path.stat().st_size if limit is not None and not path.is_dir() else 0
        if limit is not None and size > limit:
            raise InputError(f"file is too large ({size} bytes, limit {limit})", Location(str(path)))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", Location(str(path))) from None
    except IsADirectoryError:
        raise InputError("is a folder, expected a file", Location(str(path))) from None
    except PermissionError:
        raise InputError("permission denied", Location(str(path))) from None


def decode_utf8(data: bytes, path: str) -> str:
    """Decode UTF-8 strictly; report the line and column of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16; save it as UTF-8", Location(path, 1))
    if b"\x00" in data[:8192]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), expected UTF-8 text", Location(path, line))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            Location(path, line, column),
        ) from None


def read_text(path: Path, *, limit: int | None = None) -> str:
    """Read a UTF-8 text file strictly (see :func:`decode_utf8`)."""
    return decode_utf8(read_bytes(path, limit=limit), str(path))


def write_bytes_atomic(path: Path, data: bytes, *, expect: Snapshot | None = None, durable: bool = True) -> bool:
    """Atomically replace ``path`` with ``data``. Return False if nothing changed.

    ``expect``: the snapshot taken when the file was read; the write is refused
    if the file changed since. ``durable=False`` skips the fsyncs (generated files
    that are made again if a crash loses them); the rename stays atomic.
    """
    try:
        if path.read_bytes() == data:
            return False
        existed = True
    except FileNotFoundError:
        existed = False
    if expect is not None:
        expect.verify_unchanged()
    if not durable:
        _replace_quickly(path, data, existed=existed)
        return True
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)
    return True


def _remove(tmp: str | Path) -> None:
    """Remove a temporary file after a failed write (it may not exist yet)."""
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def link_atomic(source: Path, path: Path) -> None:
    """Make ``path`` a hard link to ``source``, replacing what ``path`` was in one rename.

    The link is made under a temporary name next to ``path`` and renamed over it, so a
    reader sees the old file or the new one. Raises :class:`OSError` where the file system
    cannot link the two (another device, no permission): the caller writes a copy instead.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    _remove(tmp)
    try:
        os.link(source, tmp)
    except FileNotFoundError:
        if not source.exists():
            raise
        path.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, tmp)
    try:
        os.replace(tmp, path)
    finally:
        _remove(tmp)  # left only where the rename failed, or where path already was this very file


def replace_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` by a rename, without comparing first and without fsync (generated files)."""
    _replace_quickly(path, data, existed=path.exists())


def _replace_quickly(path: Path, data: bytes, *, existed: bool) -> None:
    """Write a temporary file next to ``path`` and rename it over ``path``, with few system calls.

    For generated files (no fsync): the temporary name is fixed per process and thread
    instead of drawn at random, and the folder is created only when the open says it is missing.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(tmp, flags, 0o644)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, flags, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if existed:
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def write_text_atomic(path: Path, text: str, *, expect: Snapshot | None = None, durable: bool = True) -> bool:
    """UTF-8 text version of :func:`write_bytes_atomic` (LF line ends)."""
    return write_bytes_atomic(path, text.encode("utf-8"), expect=expect, durable=durable)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class FileLock:
    """An exclusive advisory lock (``fcntl.flock``) on ``<folder>/.medloc.lock``.

    Waits up to ``timeout`` seconds, then raises :class:`LockedError` naming the
    lock file. Works across processes; the OS releases it if a process dies.
    """

    def __init__(self, folder: Path, *, timeout: float = 30.0) -> None:
        self.path = folder / ".medloc.lock"
        self.timeout = timeout
        self._fd: int | None = None

    def __enter__(self) -> "FileLock":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise PipelineError(f"cannot lock: {exc.strerror}", Location(str(self.path))) from exc
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockedError(
                        "another medloc process is working on these files; try again when it ends",
                        Location(str(self.path)),
                    ) from None
                time.sleep(0.05)
        self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        import fcntl

        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def markdown_sources(docs_dir: Path) -> list[Path]:
    """Every ``*.md`` under ``docs_dir``, in path order, except in hidden folders (``.drafts/``).

    Extraction and the site build read the same list, so an article the site shows
    always has a template to translate.
    """
    return [
        path
        for path in sorted(docs_dir.rglob("*.md"))
        if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    ]


def safe_join(root: Path, relative: str | Path, *, what: str = "path") -> Path:
    """Join ``relative`` under ``root`` and refuse anything that escapes it.

    Absolute paths, ``..`` components and symlinks pointing outside ``root``
    are refused with an :class:`InputError`.
    """
    rel = Path(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise InputError(f"{what} {str(relative)!r} escapes {root}", Location(str(relative)))
    candidate = root / rel
    resolved_root = root.resolve()
    resolved = candidate.resolve()
    if resolved != resolved_root and resolved_root not in resolved.parents:
        raise InputError(f"{what} {str(relative)!r} resolves outside {root}", Location(str(relative)))
    return candidate
