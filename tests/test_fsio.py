"""pipeline.fsio: atomic writes under fault injection, change detection, locks, safe paths.

The crash tests run the write in a child process that stops inside the write
(``os.fsync`` or ``os.replace`` patched to announce itself and sleep) and is then
killed with SIGKILL: no ``finally`` block runs, exactly like a power cut or an
OOM kill. The old file must be intact, and the temp file left behind must not
be mistaken for a catalogue.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.errors import ConcurrentModificationError, InputError, LockedError
from pipeline.fsio import FileLock, Snapshot, link_atomic, read_text, safe_join, write_bytes_atomic, write_text_atomic
from pipeline.site_cache import copy_generated, write_generated_copy

OLD = "msgid \"Rest helps.\"\nmsgstr \"휴식이 도움이 됩니다.\"\n"
NEW = "msgid \"Rest helps.\"\nmsgstr \"쉬면 나아집니다.\"\n" * 2000

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from pipeline.fsio import write_text_atomic

    target, stage = Path(sys.argv[1]), sys.argv[2]
    real = getattr(os, stage)

    def stall(*args, **kwargs):
        if stage == "fsync":
            real(*args, **kwargs)  # the new bytes are on disk, in the temp file only
        print("stalled", flush=True)
        time.sleep(60)

    setattr(os, stage, stall)
    write_text_atomic(target, sys.argv[3])
    """
)


def _kill_mid_write(target: Path, stage: str, text: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), stage, text], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "stalled"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize("stage", ["fsync", "replace"])
def test_killed_write_leaves_the_old_file_intact(stage: str, tmp_path: Path) -> None:
    target = tmp_path / "ko" / "LC_MESSAGES" / "back-pain.po"
    target.parent.mkdir(parents=True)
    target.write_text(OLD, encoding="utf-8")
    _kill_mid_write(target, stage, NEW)
    assert target.read_text(encoding="utf-8") == OLD
    leftovers = [p.name for p in target.parent.iterdir() if p != target]
    assert all(name.startswith(".back-pain.po.") and name.endswith(".tmp") for name in leftovers)
    assert list(target.parent.glob("*.po")) == [target], "a stale temp file must not look like a catalogue"
    assert write_text_atomic(target, NEW) is True
    assert target.read_text(encoding="utf-8") == NEW


def test_killed_first_write_leaves_no_target(tmp_path: Path) -> None:
    target = tmp_path / "new.po"
    _kill_mid_write(target, "replace", NEW)
    assert not target.exists()


def test_exception_mid_write_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "back-pain.po"
    target.write_text(OLD, encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_text_atomic(target, NEW)
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["back-pain.po"]


@pytest.mark.parametrize("durable", [True, False], ids=["catalogue", "generated"])
def test_interrupt_mid_write_leaves_old_file_and_no_temp(durable: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C between writing the temporary file and renaming it: durable writes (catalogues)
    and generated files under build/ alike keep the old file and leave no temporary file."""
    target = tmp_path / "back-pain.po"
    target.write_text(OLD, encoding="utf-8")

    def ctrl_c(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, NEW, durable=durable)
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["back-pain.po"]


def test_unchanged_content_is_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    assert write_text_atomic(target, OLD) is True
    os.utime(target, (1_000_000, 1_000_000))
    assert write_text_atomic(target, OLD) is False
    assert target.stat().st_mtime == 1_000_000


def test_rewrite_keeps_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o600)
    write_text_atomic(target, NEW)
    assert target.stat().st_mode & 0o777 == 0o600


def test_generated_files_are_written_without_fsync_into_new_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``durable=False`` (files under build/): no fsync, the folder made on demand, no temp file left."""

    def no_fsync(fd: int) -> None:
        raise AssertionError("durable=False must not fsync")

    monkeypatch.setattr(os, "fsync", no_fsync)
    target = tmp_path / "build" / "ko" / "docs" / "page.md"
    assert write_text_atomic(target, OLD, durable=False) is True
    assert write_text_atomic(target, OLD, durable=False) is False
    target.chmod(0o600)
    assert write_text_atomic(target, NEW, durable=False) is True
    assert target.read_text(encoding="utf-8") == NEW and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["page.md"]


# --------------------------------------------------------------------------- snapshots


def test_file_saved_between_read_and_write_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "ko.po"
    target.write_text(OLD, encoding="utf-8")
    seen = Snapshot.of(target)
    target.write_text(OLD + "# saved in Poedit\n", encoding="utf-8")
    with pytest.raises(ConcurrentModificationError) as exc:
        write_text_atomic(target, NEW, expect=seen)
    assert str(exc.value).startswith(f"{target}: changed on disk since medloc read it")
    assert target.read_text(encoding="utf-8") == OLD + "# saved in Poedit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ko.po"]


def test_file_created_after_a_missing_snapshot_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "ko.po"
    seen = Snapshot.of(target)
    assert seen.digest is None
    target.write_text("translator's new file\n", encoding="utf-8")
    with pytest.raises(ConcurrentModificationError):
        write_bytes_atomic(target, b"generated\n", expect=seen)
    assert target.read_text(encoding="utf-8") == "translator's new file\n"


def test_unchanged_snapshot_allows_the_write(tmp_path: Path) -> None:
    target = tmp_path / "ko.po"
    target.write_text(OLD, encoding="utf-8")
    seen = Snapshot.of_bytes(target, target.read_bytes())
    assert write_text_atomic(target, NEW, expect=seen) is True


# --------------------------------------------------------------------------- locks


def _hold_lock(folder: str, held: "multiprocessing.synchronize.Event", release: "multiprocessing.synchronize.Event") -> None:
    with FileLock(Path(folder)):
        held.set()
        release.wait(30)


def test_lock_excludes_a_second_process_then_lets_it_in(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    held, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path), held, release))
    holder.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        with pytest.raises(LockedError) as exc:
            with FileLock(tmp_path, timeout=0.3):
                pass
        assert time.monotonic() - started >= 0.3
        assert str(exc.value).startswith(f"{tmp_path / '.medloc.lock'}: another medloc process")
    finally:
        release.set()
        holder.join(10)
    with FileLock(tmp_path, timeout=5):
        pass


def test_lock_of_a_killed_process_is_released(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    held, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path), held, release))
    holder.start()
    assert held.wait(10)
    os.kill(holder.pid, signal.SIGKILL)
    holder.join(10)
    with FileLock(tmp_path, timeout=5):
        pass


# --------------------------------------------------------------------------- safe paths


@pytest.mark.parametrize("hostile", ["../evil.md", "a/../../evil.md", "..", "/etc/passwd", "/tmp/evil"])
def test_safe_join_refuses_escapes(hostile: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="escapes"):
        safe_join(tmp_path, hostile, what="slug")


def test_safe_join_refuses_a_symlink_out_of_the_root(tmp_path: Path) -> None:
    root, outside = tmp_path / "build", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "en").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InputError, match="resolves outside"):
        safe_join(root, "en/index.md")


def test_safe_join_accepts_paths_inside(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    assert safe_join(tmp_path, "ko/LC_MESSAGES/a.po") == tmp_path / "ko/LC_MESSAGES/a.po"
    assert safe_join(tmp_path, "alias/a.md") == tmp_path / "alias/a.md"


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"ok\ncaf\xe9\n", "{p}:2:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
        ("x\n".encode("utf-16"), "{p}:1: file is UTF-16; save it as UTF-8"),
        (b"a\nb\x00c", "{p}:2: binary file (NUL byte), expected UTF-8 text"),
    ],
)
def test_read_text_reports_the_bad_byte(data: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_text(path)
    assert str(exc.value) == message.format(p=path)


def test_read_text_refuses_folders_missing_and_huge_files(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 11)
    cases = {tmp_path: "is a folder, expected a file", tmp_path / "nope": "no such file",
             tmp_path / "big": "file is too large (11 bytes, limit 10)"}
    for path, message in cases.items():
        with pytest.raises(InputError) as exc:
            read_text(path, limit=10)
        assert str(exc.value) == f"{path}: {message}"


# --------------------------------------------------------------------------- generated copies as hard links


def test_link_atomic_replaces_the_target_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    source = tmp_path / "docs" / "a.md"
    source.parent.mkdir()
    source.write_text("# A\n", encoding="utf-8")
    target = tmp_path / "build" / "en" / "a.md"  # its folder does not exist yet
    link_atomic(source, target)
    assert target.samefile(source)
    link_atomic(source, target)  # already this very file: rename(2) does nothing, the temporary link must go
    assert target.samefile(source)
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]
    with pytest.raises(FileNotFoundError):
        link_atomic(tmp_path / "docs" / "missing.md", target)
    assert target.samefile(source)


def test_a_generated_copy_is_a_link_until_its_text_differs_and_never_writes_into_the_source(tmp_path: Path) -> None:
    source = tmp_path / "docs" / "a.md"
    source.parent.mkdir()
    source.write_text("# A\n", encoding="utf-8")
    target = tmp_path / "build" / "a.md"
    assert write_generated_copy(target, "# A\n", source) is True
    assert target.samefile(source)
    assert write_generated_copy(target, "# A\n", source) is False  # unchanged: nothing written
    assert write_generated_copy(target, "# B\n", source) is True  # a rename over the link, not a write into it
    assert not target.samefile(source)
    assert (source.read_text(encoding="utf-8"), target.read_text(encoding="utf-8")) == ("# A\n", "# B\n")
    assert write_generated_copy(target, "# A\n", source) is True and target.samefile(source)
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]


def test_a_generated_copy_is_written_where_the_file_system_cannot_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot_link(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cannot_link)
    source = tmp_path / "docs" / "a.md"
    source.parent.mkdir()
    source.write_bytes(b"\x00theme bytes")
    target = tmp_path / "build" / "a.md"
    assert copy_generated(target, source) is True
    assert not target.samefile(source) and target.read_bytes() == b"\x00theme bytes"
    assert copy_generated(target, source) is False
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]
