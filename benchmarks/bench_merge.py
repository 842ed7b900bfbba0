"""Merge benchmark: ``medloc merge`` against ``msgmerge --previous`` on the same inputs.

For each size (about 2,000, 20,000 and 100,000 entries by default) the
synthetic corpus of :mod:`benchmarks.corpus` is revised (v2: ~10% of segments
edited, ~3% removed, ~3% added); ``old.po`` holds the v1 segments with
stand-in translations, ``new.pot`` the v2 segments. Both tools merge the same
files as child processes; for each the benchmark reports wall and CPU time,
peak resident memory (``os.wait4``), and match quality: of the edited
segments (old text vanished, new text is new), how many got a fuzzy
translation, and how many of those got their *own* old translation back.

msgmerge grows quadratically; a size whose predicted msgmerge time (from the
previous size, times the square of the growth) exceeds ``--msgmerge-limit``
seconds (default 1,800: msgmerge takes 3 to 12 minutes at 20,000 entries on
a 2-core machine, hours at 100,000) is not run, and the prediction is printed.

Usage::

    python -m benchmarks.bench_merge                    # 2000 20000 100000
    python -m benchmarks.bench_merge --sizes 2000 --phases
    python -m benchmarks.bench_merge --sizes 20000 100000 --no-msgmerge   # medloc only
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import MergeInputs, merge_inputs, pseudo_translate, write_catalogs

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    returncode: int


@dataclass(frozen=True, slots=True)
class Quality:
    edited: int
    fuzzy: int
    own: int
    fuzzy_total: int
    untranslated: int


def run_child(args: list[str], *, cwd: Path) -> Run:
    """Run a command; wall time, its CPU time and peak RSS from ``os.wait4``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.read().decode() if proc.stderr else "")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def score(output: Path, inputs: MergeInputs) -> Quality:
    from pipeline.pofile import read_po

    catalog = read_po(output)
    index = catalog.index()
    fuzzy = own = 0
    for edit in inputs.edits:
        message = index.get((None, edit.new))
        if message is not None and message.fuzzy and message.has_translation:
            fuzzy += 1
            own += message.msgstr == pseudo_translate(edit.old, inputs.lang)
    active = [m for m in catalog.messages if not m.obsolete]
    return Quality(
        edited=len(inputs.edits), fuzzy=fuzzy, own=own,
        fuzzy_total=sum(1 for m in active if m.fuzzy and m.has_translation),
        untranslated=sum(1 for m in active if not m.has_translation),
    )


def phases(old: Path, new: Path) -> dict[str, float]:
    """medloc in-process, phase by phase (CPU seconds): where the time goes."""
    from pipeline.merge import merge_catalog
    from pipeline.pofile import format_po, read_po

    times: dict[str, float] = {}
    clock = time.process_time()
    old_catalog, template = read_po(old), read_po(new)
    times["parse"] = time.process_time() - clock
    clock = time.process_time()
    merged = merge_catalog(old_catalog, template)
    times["merge"] = time.process_time() - clock
    clock = time.process_time()
    format_po(merged.catalog)
    times["format"] = time.process_time() - clock
    return times


def bench_size(
    size: int, work: Path, *, skipped_prediction: float | None, with_phases: bool, with_msgmerge: bool = True
) -> tuple[Run, Run | None]:
    folder = work / str(size)
    clock = time.perf_counter()
    inputs = merge_inputs(size, seed=0, lang="ko")
    old, new = write_catalogs(folder, inputs)
    print(f"\n## {len(inputs.old_entries):,} old entries, {len(inputs.new_entries):,} template entries "
          f"({inputs.articles:,} articles; {len(inputs.edits):,} edited segments; "
          f"{(old.stat().st_size + new.stat().st_size) / 1e6:.1f} MB of PO/POT; inputs built in "
          f"{time.perf_counter() - clock:.0f} s)")
    medloc = run_child([sys.executable, "-m", "pipeline", "merge", str(old), str(new), "-o", "medloc.po"], cwd=folder)
    gnu = None
    if skipped_prediction is None and with_msgmerge:
        gnu = run_child(["msgmerge", "--quiet", "--previous", str(old), str(new), "-o", "msgmerge.po"], cwd=folder)
    header = f"{'tool':<10}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'fuzzy':>8}{'edited':>8}{'->fuzzy':>9}{'->own':>8}"
    print(header)
    for name, result, path in (("medloc", medloc, "medloc.po"), ("msgmerge", gnu, "msgmerge.po")):
        if result is None:
            continue
        q = score(folder / path, inputs)
        print(f"{name:<10}{result.wall:>9.1f}{result.cpu:>9.1f}{result.peak_mb:>9.0f}{q.fuzzy_total:>8,}"
              f"{q.edited:>8,}{q.fuzzy:>9,}{q.own:>8,}")
    if gnu is not None:
        print(f"msgmerge / medloc: {gnu.wall / medloc.wall:.1f}x wall, {gnu.cpu / medloc.cpu:.1f}x CPU")
    elif not with_msgmerge:
        print("msgmerge not run (--no-msgmerge)")
    else:
        print(f"msgmerge not run: {skip_note(skipped_prediction)}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (wall times grow with it; CPU times much less)")
    if with_phases:
        parts = phases(old, new)
        print("medloc phases (CPU s, in-process): " + ", ".join(f"{k} {v:.1f}" for k, v in parts.items()))
    return medloc, gnu


def skip_note(predicted: float) -> str:
    return f"predicted {predicted:,.0f} s ({predicted / 60:,.0f} min) by quadratic extrapolation from the previous size"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 20_000, 100_000])
    parser.add_argument("--msgmerge-limit", type=float, default=1800.0, help="skip msgmerge above this predicted time (s)")
    parser.add_argument("--phases", action="store_true", help="also time medloc's parse/merge/format in-process")
    parser.add_argument("--no-msgmerge", action="store_true", help="time medloc only (msgmerge's figures do not change)")
    parser.add_argument("--workdir", type=Path, help="keep inputs and outputs here (default: a temp folder)")
    args = parser.parse_args(argv)
    if shutil.which("msgmerge") is None:
        parser.error("GNU gettext's msgmerge is not installed")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="medloc-bench-merge-"))
    print(f"# medloc merge vs msgmerge --previous ({subprocess.run(['msgmerge', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}), "
          f"{os.cpu_count()} CPUs, work folder {work}")
    previous: tuple[int, float] | None = None
    for size in sorted(args.sizes):
        predicted = None
        if previous is not None:
            predicted = previous[1] * (size / previous[0]) ** 2
        skip = predicted if predicted is not None and predicted > args.msgmerge_limit else None
        _, gnu = bench_size(size, work, skipped_prediction=skip, with_phases=args.phases,
                            with_msgmerge=not args.no_msgmerge)
        if gnu is not None:
            previous = (size, gnu.wall)
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
