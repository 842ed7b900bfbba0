"""Extraction benchmark: medloc extract + identity round trip vs po4a and mdpo.

Usage (from the project root)::

    python -m benchmarks.bench_extract                      # 50, 500, 2000 articles
    python -m benchmarks.bench_extract --sizes 50 500 --timeout 120

For each size the synthetic corpus (:mod:`benchmarks.corpus`) is written to a
temporary folder, then every tool runs in its own process (timed wall clock,
CPU time and peak resident memory of that process and its workers, killed after
``--timeout`` seconds):

* **medloc**: ``extract_project`` (one POT per article, written atomically),
  then a full identity round trip: every POT is read back, each msgstr set to
  its msgid (what ``msgen`` does) and the article rendered; the output must
  equal the source byte for byte.
* **po4a**: ``po4a-updatepo -f text -o markdown`` with every article as a
  master, into one POT (its extraction only; no round trip).
* **mdpo**: ``md2po 'docs/*.md' --po-filepath out.pot --save``, merging every
  article into one POT, as users run it.

A tool that is not installed is reported as such; a tool that times out at
one size is not run at larger sizes. mdpo is in the ``bench`` extra
(``pip install -e '.[bench]'``); po4a comes from ``apt-get install po4a``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("medloc", "po4a", "mdpo")


@dataclass(frozen=True, slots=True)
class Run:
    tool: str
    size: int
    megabytes: float
    status: str
    """``ok``, ``timeout``, ``missing``, ``skipped`` or ``failed``."""
    wall: float = 0.0
    cpu: float = 0.0
    peak_mb: float = 0.0
    detail: str = ""


# --------------------------------------------------------------------------- corpus


def write_corpus(folder: Path, size: int) -> float:
    """Write ``size`` articles and a medloc project around them; return megabytes of Markdown."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import write_articles

    paths = write_articles(folder / "docs", size)
    (folder / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8"
    )
    return sum(path.stat().st_size for path in paths) / 1e6


# --------------------------------------------------------------------------- running one tool


def command_for(tool: str, folder: Path, jobs: int | None) -> list[str] | None:
    docs = sorted((folder / "docs").glob("*.md"))
    if tool == "medloc":
        extra = ["--jobs", str(jobs)] if jobs else []
        return [sys.executable, "-m", "benchmarks.bench_extract", "--child", str(folder), *extra]
    if tool == "po4a":
        if shutil.which("po4a-updatepo") is None:
            return None
        masters = [arg for doc in docs for arg in ("-m", str(doc))]
        return ["po4a-updatepo", "-f", "text", "-o", "markdown", "-M", "UTF-8", *masters, "-p", str(folder / "po4a.pot")]
    if shutil.which("md2po") is None:
        return None
    return ["md2po", str(folder / "docs" / "*.md"), "--po-filepath", str(folder / "mdpo.pot"), "--save", "--quiet"]


def run_tool(tool: str, size: int, megabytes: float, folder: Path, *, timeout: float, jobs: int | None) -> Run:
    command = command_for(tool, folder, jobs)
    if command is None:
        return Run(tool, size, megabytes, "missing")
    usage_file = folder / f"{tool}.usage.json"
    wrapped = [sys.executable, "-m", "benchmarks.bench_extract", "--measure", str(usage_file), "--", *command]
    started = time.perf_counter()
    process = subprocess.Popen(wrapped, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Run(tool, size, megabytes, "timeout", wall=time.perf_counter() - started)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        return Run(tool, size, megabytes, "failed", wall=wall, detail=stderr.decode(errors="replace")[-500:])
    usage = json.loads(usage_file.read_text())
    detail = stdout.decode().strip().splitlines()[-1] if tool == "medloc" else ""
    return Run(tool, size, megabytes, "ok", wall, usage["cpu_s"], usage["peak_mb"], detail)


def measure(usage_file: Path, command: list[str]) -> int:
    """Run ``command``; write the CPU time and peak RSS of its process tree to ``usage_file``."""
    code = subprocess.call(command)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {"cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1)}
    usage_file.write_text(json.dumps(figures))
    return code


# --------------------------------------------------------------------------- the medloc child


def medloc_child(folder: Path, jobs: int | None) -> None:
    """Extract, then the identity round trip; print one JSON line of figures."""
    from pipeline.config import load_config
    from pipeline.extract import _run_parallel, extract_project

    config = load_config(folder)
    started = time.perf_counter()
    result = extract_project(config, jobs=jobs)
    extracted = time.perf_counter()
    pairs = [(config.docs_dir / update.source.name, update.template) for update in result.updates]
    identical = _run_parallel(_round_trip, pairs, jobs=jobs)
    finished = time.perf_counter()
    if not all(identical):
        raise SystemExit(f"identity round trip changed {identical.count(False)} articles")
    print(json.dumps({
        "extract_s": round(extracted - started, 2),
        "roundtrip_s": round(finished - extracted, 2),
        "templates": len(result.updates),
    }))


def _round_trip(pair: tuple[Path, Path]) -> bool:
    from pipeline.pofile import read_po
    from pipeline.translate import render_with_catalog

    source, template = pair
    catalog = read_po(template)
    for message in catalog.messages:
        message.msgstr = message.msgid
    text = source.read_text(encoding="utf-8")
    return render_with_catalog(text, source.name, catalog).text == text


# --------------------------------------------------------------------------- report


def report(runs: Sequence[Run]) -> str:
    lines = [
        f"{'tool':<7} {'articles':>8} {'MB':>6} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'vs po4a':>8}  notes",
    ]
    po4a = {run.size: run.wall for run in runs if run.tool == "po4a" and run.status == "ok"}
    for run in runs:
        if run.status != "ok":
            shown = f">{run.wall:.0f} s" if run.status == "timeout" else ""
            lines.append(f"{run.tool:<7} {run.size:>8} {run.megabytes:>6.1f} {run.status:>8} {shown}")
            continue
        ratio = f"{run.wall / po4a[run.size]:.2f}x" if run.size in po4a else "-"
        lines.append(
            f"{run.tool:<7} {run.size:>8} {run.megabytes:>6.1f} {run.wall:>8.2f} {run.cpu:>8.2f} "
            f"{run.peak_mb:>8.1f} {ratio:>8}  {run.detail}"
        )
    lines += _growth(runs)
    return "\n".join(lines)


def _growth(runs: Sequence[Run]) -> list[str]:
    """Time per article at each size, to show (non-)linear growth."""
    lines = []
    for tool in TOOLS:
        done = [run for run in runs if run.tool == tool and run.status == "ok"]
        if len(done) > 1:
            per = ", ".join(f"{run.size}: {1000 * run.wall / run.size:.1f}" for run in done)
            lines.append(f"{tool}: ms per article by size: {per}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per tool run (default 600)")
    parser.add_argument("--jobs", type=int, default=None, help="medloc worker processes (default: one per CPU)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--child", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--measure", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        return measure(Path(args.measure), args.command)
    if args.child:
        medloc_child(Path(args.child), args.jobs)
        return 0
    runs: list[Run] = []
    timed_out: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="medloc-bench-") as tmp:
        for size in args.sizes:
            folder = Path(tmp) / f"n{size}"
            megabytes = write_corpus(folder, size)
            for tool in args.tools:
                if tool in timed_out:
                    runs.append(Run(tool, size, megabytes, "skipped"))
                    continue
                run = run_tool(tool, size, megabytes, folder, timeout=args.timeout, jobs=args.jobs)
                runs.append(run)
                print(f"  {tool} {size}: {run.status} {run.wall:.2f} s {run.detail}", file=sys.stderr, flush=True)
                if run.status == "timeout":
                    timed_out.add(tool)
    print(f"cpus: {os.cpu_count()}, load average at end: {os.getloadavg()[0]:.1f}")
    print(report(runs))
    if args.json:
        Path(args.json).write_text(json.dumps([_as_dict(run) for run in runs], indent=2), encoding="utf-8")
    return 0


def _as_dict(run: Run) -> dict[str, object]:
    return {name: getattr(run, name) for name in Run.__slots__}


if __name__ == "__main__":
    sys.exit(main())
