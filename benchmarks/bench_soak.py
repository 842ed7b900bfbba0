"""Scale and soak test: the real CLI on a large synthetic project, then repeated edit/update/build cycles.

Usage (from the project root)::

    python -m benchmarks.bench_soak --articles 20 --scale-articles 0 --cycles 2      # a quick debug run
    python -m benchmarks.bench_soak --articles 500 --scale-articles 100 --soak-articles 100
    python -m benchmarks.bench_soak --articles 2000 --cycles 0                       # one pass, no soak

**Single pass.** For each size (``--scale-articles`` and ``--articles``) a
temporary project is made from the synthetic corpus (:mod:`benchmarks.corpus`):
the articles in ``docs/``, the repository's glossary and site catalogues, and
for every target language a catalogue per article as a translator left it
(:func:`benchmarks.bench_build.write_catalogues`: 80% translated, 10% fuzzy, 10%
empty, no references yet). Then ``python -m pipeline extract``, ``update``,
``check`` and ``build --quiet`` run, each in its own process. Per stage: wall
time, CPU time and peak RSS of the process tree (``os.wait4``: the largest
single process), the sampled peak of the whole tree's RSS (the build forks
MkDocs workers), and the files and bytes written (files whose size, mtime or
inode changed). Between the two sizes the ratios of RSS, CPU time and size are
printed: memory that stays bounded grows much less than the size.

**Soak.** The project of ``--soak-articles`` becomes a git repository (``build/``
ignored) and is committed after the single pass. Then ``--cycles`` times: a
source edit to ``--edit-articles`` articles (one paragraph each, rewritten by
:func:`benchmarks.corpus.edit_text`), a translator edit to ``--edit-catalogues``
catalogues (one msgstr changed, one empty entry filled, one fuzzy entry
reviewed), then ``extract``, ``update``, ``build``, and a commit. After cycle 1
and after the last cycle a *no-op* cycle (the same commands, no edits) runs.
After each cycle: files and bytes in ``locales/``, ``site/`` and ``build/``,
peak RSS, and git churn (``git diff --cached --numstat``), split into files that
belong to an edited article or catalogue and everything else.

Invariants (exit status 1 when one breaks, after printing everything):

* a no-op cycle changes nothing: 0 changed lines, same files;
* the number of files in ``locales/`` and ``site/`` never changes (no article is
  added or removed), and ``build/`` does not grow on a no-op cycle;
* no non-empty msgstr is lost: every non-empty msgstr in a catalogue before
  ``update`` (current, fuzzy or obsolete) is still in that catalogue afterwards
  (read with polib, independently of medloc's own reader);
* every stage exits 0 (``check``: 0 or 1, findings are not a failure).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALL_LANGS = ["en", "ko", "ja", "zh_Hans", "ru", "ar"]
STAGES: tuple[tuple[str, ...], ...] = (("extract",), ("update",), ("check",), ("build", "--quiet"))
CYCLE: tuple[tuple[str, ...], ...] = (("extract",), ("update",), ("build", "--quiet"))
TRACKED = ("docs", "locales", "site", "build")

FileState = tuple[int, int, int]
"""(size, mtime_ns, inode) of one file."""


# --------------------------------------------------------------------------- project


def freeze_code(work: Path) -> Path:
    """A copy of ``pipeline/`` to run from: other people editing the repository during a long run
    would otherwise change the code (and the build cache's code version) between two cycles."""
    code = work / "code"
    shutil.copytree(ROOT / "pipeline", code / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    return code


def make_project(folder: Path, *, articles: int, langs: Sequence[str], code: Path = ROOT) -> Path:
    """A medloc project: ``articles`` synthetic articles, translator catalogues for every target language."""
    from benchmarks.bench_build import write_catalogues
    from benchmarks.corpus import write_articles

    folder.mkdir(parents=True)
    (folder / "pyproject.toml").write_text(
        f"[tool.medloc]\nsource_language = \"en\"\nlanguages = {json.dumps(list(langs))}\n", encoding="utf-8"
    )
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "pipeline").symlink_to(code / "pipeline")  # mkdocs.yml's theme.custom_dir; `python -m pipeline`
    _copy_if_exists(ROOT / "locales" / "glossary.yaml", folder / "locales" / "glossary.yaml")
    _copy_if_exists(ROOT / "locales" / "templates" / "site.pot", folder / "locales" / "templates" / "site.pot")
    for code in langs:
        site_po = Path("locales") / code / "LC_MESSAGES" / "site.po"
        _copy_if_exists(ROOT / site_po, folder / site_po)
    write_articles(folder / "docs", articles)
    for code in langs[1:]:
        write_catalogues(folder, code)
    return folder


def _copy_if_exists(source: Path, target: Path) -> None:
    if source.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)


# --------------------------------------------------------------------------- measuring one command


@dataclass(slots=True)
class StageRun:
    """One CLI command run as a child process, and what it did to the project."""

    label: str
    exit: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    """Largest single process of the tree (``ru_maxrss`` from ``os.wait4``)."""
    tree_rss_mb: float
    """Sampled peak of the sum of RSS over the process and its descendants (every 0.2 s)."""
    files_written: int
    bytes_written: int
    files_removed: int


def snapshot(project: Path) -> dict[str, FileState]:
    """Every file under the tracked folders: relative path -> (size, mtime_ns, inode)."""
    states: dict[str, FileState] = {}
    for top in TRACKED:
        for folder, _dirs, files in os.walk(project / top):
            for name in files:
                path = os.path.join(folder, name)
                st = os.lstat(path)
                states[os.path.relpath(path, project)] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return states


def _descendants_rss_kb(root: int) -> int:
    """Sum of VmRSS (kB) of ``root`` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in tree)


def _runs_pipeline(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return b"\0pipeline\0" in cmdline.read()
    except OSError:
        return False


def run_stage(project: Path, command: Sequence[str], *, log: Path) -> StageRun:
    """Run ``python -m pipeline --project PROJECT COMMAND`` and measure it."""
    before = snapshot(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)  # the project's `pipeline` link decides which code runs
    with log.open("ab") as out:
        out.write(f"\n$ medloc {' '.join(command)}\n".encode())
        out.flush()
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "--project", str(project), *command],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                if _runs_pipeline(child.pid):  # not the forked copy of this process before exec
                    peak[0] = max(peak[0], _descendants_rss_kb(child.pid))
                done.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    after = snapshot(project)
    written = [path for path, state in after.items() if before.get(path) != state]
    return StageRun(
        label=command[0],
        exit=child.returncode,
        wall_s=round(wall, 2),
        cpu_s=round(usage.ru_utime + usage.ru_stime, 2),
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),
        tree_rss_mb=round(peak[0] / 1024, 1),
        files_written=len(written),
        bytes_written=sum(after[path][0] for path in written),
        files_removed=len(before.keys() - after.keys()),
    )


def stage_ok(run: StageRun) -> bool:
    return run.exit in ((0, 1) if run.label == "check" else (0,))


# --------------------------------------------------------------------------- git


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, text=True).stdout


def git_init(project: Path) -> None:
    (project / ".gitignore").write_text("build/\n", encoding="utf-8")
    git(project, "init", "-q")
    git(project, "config", "user.name", "soak")
    git(project, "config", "user.email", "soak@example.org")
    git(project, "config", "core.quotepath", "false")


def commit(project: Path, message: str) -> list[tuple[str, int]]:
    """Stage everything, commit; return (path, changed lines) per changed file (binary: 1)."""
    git(project, "add", "-A")
    churn = []
    for line in git(project, "diff", "--cached", "--numstat", "--no-renames").splitlines():
        added, deleted, path = line.split("\t", 2)
        churn.append((path, 1 if added == "-" else int(added) + int(deleted)))
    git(project, "commit", "-q", "--allow-empty", "-m", message)
    return churn


# --------------------------------------------------------------------------- translations kept (polib)


@dataclass(slots=True)
class Translations:
    """Non-empty msgstrs per catalogue, read with polib; cached by file digest."""

    cache: dict[str, tuple[frozenset[str], int]] = field(default_factory=dict)

    def of(self, path: Path) -> tuple[frozenset[str], int]:
        """(every non-empty msgstr incl. fuzzy/obsolete/plural forms, translated current entries)."""
        import polib

        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        if digest not in self.cache:
            po = polib.pofile(data.decode("utf-8"))
            texts: set[str] = set()
            translated = 0
            for entry in po:
                values = [entry.msgstr, *entry.msgstr_plural.values()]
                texts.update(v for v in values if v)
                translated += bool(not entry.obsolete and "fuzzy" not in entry.flags and any(values))
            self.cache[digest] = (frozenset(texts), translated)
        return self.cache[digest]

    def project(self, project: Path) -> dict[str, tuple[frozenset[str], int]]:
        return {
            str(path.relative_to(project)): self.of(path)
            for path in sorted((project / "locales").glob("*/LC_MESSAGES/*.po"))
        }


def lost_translations(
    before: dict[str, tuple[frozenset[str], int]], after: dict[str, tuple[frozenset[str], int]]
) -> list[str]:
    """``path: msgstr`` for every non-empty msgstr of ``before`` missing from the same catalogue ``after``."""
    lost = []
    for path, (texts, _count) in before.items():
        kept = after.get(path, (frozenset(), 0))[0]
        lost.extend(f"{path}: {text[:70]!r}" for text in sorted(texts - kept))
    return lost


# --------------------------------------------------------------------------- edits


_PARAGRAPH = re.compile(r"^(?:\*\*|\[)?[A-Z]")


def edit_sources(project: Path, rng: random.Random, count: int) -> list[str]:
    """Rewrite one paragraph in each of ``count`` articles; return their slugs."""
    from benchmarks.corpus import edit_text

    articles = sorted((project / "docs").glob("*.md"))
    slugs = []
    for path in rng.sample(articles, min(count, len(articles))):
        lines = path.read_text(encoding="utf-8").split("\n")
        body = lines.index("---", 1) + 1
        candidates = [i for i in range(body, len(lines)) if _PARAGRAPH.match(lines[i])]
        line = rng.choice(candidates)
        lines[line] = edit_text(lines[line], rng)
        path.write_text("\n".join(lines), encoding="utf-8")
        slugs.append(path.stem)
    return slugs


def edit_catalogues(project: Path, rng: random.Random, count: int, cycle: str) -> list[str]:
    """In ``count`` catalogues: change one msgstr, fill one empty entry, review one fuzzy entry."""
    from benchmarks.corpus import pseudo_translate
    from pipeline.fsio import write_text_atomic
    from pipeline.pofile import format_po, read_po

    catalogues = sorted(p for p in (project / "locales").glob("*/LC_MESSAGES/*.po") if p.stem != "site")
    edited = []
    for path in rng.sample(catalogues, min(count, len(catalogues))):
        lang = path.parts[-3]
        catalog = read_po(path)
        current = [m for m in catalog.messages if not m.obsolete and m.msgid_plural is None]
        translated = [m for m in current if m.msgstr and not m.fuzzy]
        empty = [m for m in current if not m.msgstr]
        fuzzy = [m for m in current if m.fuzzy]
        if translated:
            rng.choice(translated).msgstr += f" (rev {cycle})"
        if empty:
            message = rng.choice(empty)
            message.msgstr = pseudo_translate(message.msgid, lang)
        if fuzzy:
            message = rng.choice(fuzzy)
            message.fuzzy = False
            message.previous_msgid = None
            message.previous_msgctxt = None
        write_text_atomic(path, format_po(catalog))
        edited.append(str(path.relative_to(project)))
    return edited


# --------------------------------------------------------------------------- cycles


@dataclass(slots=True)
class CycleRow:
    """What one soak cycle did and left behind."""

    cycle: str
    edited_articles: int
    edited_catalogues: int
    wall_s: float
    peak_rss_mb: float
    tree_rss_mb: float
    files: dict[str, int]
    bytes: dict[str, int]
    churn_files: int
    churn_lines: int
    churn_other_files: list[str]
    """Changed files that belong to no edited article or catalogue and are not site-wide pages."""
    translated: int
    msgstrs: int
    lost: list[str]
    problems: list[str]


def tree_totals(project: Path) -> tuple[dict[str, int], dict[str, int]]:
    files: dict[str, int] = {}
    sizes: dict[str, int] = {}
    every = snapshot(project)
    for top in ("locales", "site", "build"):
        states = [s for p, s in every.items() if p.split(os.sep, 1)[0] == top]
        files[top], sizes[top] = len(states), sum(s[0] for s in states)
    return files, sizes


SITE_WIDE = re.compile(r"(^|/)(search/search_index\.json|status/index\.html|sitemap\.xml(\.gz)?)$")
"""Pages that list every article (search index, translation status, sitemap): any edit may change them."""


def belongs(path: str, slugs: Iterable[str], catalogues: Iterable[str]) -> bool:
    """Whether a changed file is an edited article, its template/catalogues/pages, or an edited catalogue's page."""
    if path in catalogues or SITE_WIDE.search(path):
        return True
    parts = Path(path).parts
    for slug in slugs:
        if slug in parts or f"{slug}.md" in parts or f"{slug}.pot" in parts or f"{slug}.po" in parts:
            return True
    return any(Path(c).stem in parts for c in catalogues)


def run_cycle(
    project: Path, name: str, *, rng: random.Random | None, args: argparse.Namespace, log: Path,
    memory: Translations, previous: CycleRow | None,
) -> CycleRow:
    slugs: list[str] = []
    catalogues: list[str] = []
    if rng is not None:
        slugs = edit_sources(project, rng, args.edit_articles)
        catalogues = edit_catalogues(project, rng, args.edit_catalogues, name)
    before = memory.project(project)
    runs = [run_stage(project, command, log=log) for command in CYCLE]
    after = memory.project(project)
    churn = commit(project, f"cycle {name}")
    files, sizes = tree_totals(project)
    problems = [f"medloc {r.label} exited {r.exit}" for r in runs if not stage_ok(r)]
    lost = lost_translations(before, after)
    if lost:
        problems.append(f"{len(lost)} non-empty msgstr lost")
    if previous is not None:
        for top in ("locales", "site"):
            if files[top] != previous.files[top]:
                problems.append(f"{top}/ has {files[top]} files, was {previous.files[top]}")
        if rng is None and files["build"] > previous.files["build"]:
            problems.append(f"build/ grew from {previous.files['build']} to {files['build']} files without edits")
    if rng is None and churn:
        problems.append(f"no-op cycle changed {len(churn)} files: {', '.join(p for p, _ in churn[:5])}")
    return CycleRow(
        cycle=name,
        edited_articles=len(slugs),
        edited_catalogues=len(catalogues),
        wall_s=round(sum(r.wall_s for r in runs), 1),
        peak_rss_mb=max(r.peak_rss_mb for r in runs),
        tree_rss_mb=max(r.tree_rss_mb for r in runs),
        files=files,
        bytes=sizes,
        churn_files=len(churn),
        churn_lines=sum(lines for _, lines in churn),
        churn_other_files=[p for p, _ in churn if not belongs(p, slugs, catalogues)],
        translated=sum(count for _, count in after.values()),
        msgstrs=sum(len(texts) for texts, _ in after.values()),
        lost=lost,
        problems=problems,
    )


def soak(project: Path, args: argparse.Namespace, log: Path) -> list[CycleRow]:
    """Commit the single pass, then edit cycles with a no-op cycle after the first and the last."""
    git_init(project)
    commit(project, "single pass")
    memory = Translations()
    rows: list[CycleRow] = []
    plan = [str(n) for n in range(1, args.cycles + 1)]
    if args.cycles:
        plan.insert(1, "no-op")
        if args.cycles > 1:
            plan.append("no-op")
    for name in plan:
        rng = None if name == "no-op" else random.Random(f"medloc-soak:{args.seed}:{name}")
        row = run_cycle(project, name, rng=rng, args=args, log=log, memory=memory, previous=rows[-1] if rows else None)
        rows.append(row)
        print(_cycle_line(row), flush=True)
    return rows


# --------------------------------------------------------------------------- reporting


def _mb(value: int) -> str:
    return f"{value / 1e6:.1f}"


def stage_table(size: int, langs: int, runs: Sequence[StageRun]) -> str:
    lines = [
        f"\nSingle pass: {size} articles x {langs} languages",
        "| stage | exit | wall s | CPU s | peak RSS MB (largest process) | peak RSS MB (tree, sampled) | files written | MB written |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines.extend(stage_row(r) for r in runs)
    return "\n".join(lines)


def stage_row(r: StageRun) -> str:
    return (
        f"| {r.label} | {r.exit} | {r.wall_s} | {r.cpu_s} | {r.peak_rss_mb} | {r.tree_rss_mb} "
        f"| {r.files_written} | {_mb(r.bytes_written)} |"
    )


def ratio_table(small: tuple[int, Sequence[StageRun]], large: tuple[int, Sequence[StageRun]]) -> str:
    (n1, runs1), (n2, runs2) = small, large
    lines = [
        f"\nScaling {n1} -> {n2} articles (size x{n2 / n1:.1f})",
        "| stage | RSS ratio (largest process) | RSS ratio (tree) | MB per 100 articles (tree) | CPU ratio | wall ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for a, b in zip(runs1, runs2):
        slope = (b.tree_rss_mb - a.tree_rss_mb) / (n2 - n1) * 100
        lines.append(
            f"| {a.label} | {b.peak_rss_mb / a.peak_rss_mb:.2f} | {b.tree_rss_mb / max(a.tree_rss_mb, 0.1):.2f} "
            f"| {slope:.1f} | {b.cpu_s / max(a.cpu_s, 0.01):.2f} | {b.wall_s / max(a.wall_s, 0.01):.2f} |"
        )
    return "\n".join(lines)


CYCLE_HEADER = (
    "| cycle | edits (articles/PO) | wall s | peak RSS MB (process / tree) | files locales/site/build "
    "| MB locales/site/build | churn files | churn lines | other pages + catalogues | translated | lost |\n"
    "|---|---|---:|---|---|---|---:|---:|---:|---:|---:|"
)


def _other(paths: Sequence[str]) -> str:
    """``pages + catalogues``: other pages (a retitled article is in every page's navigation) and
    other catalogues (translation memory suggestions for their untranslated entries)."""
    pages = sum(1 for p in paths if p.startswith("site/"))
    return f"{pages} + {len(paths) - pages}"


def _cycle_line(row: CycleRow) -> str:
    f, b = row.files, row.bytes
    return (
        f"| {row.cycle} | {row.edited_articles}/{row.edited_catalogues} | {row.wall_s} "
        f"| {row.peak_rss_mb} / {row.tree_rss_mb} | {f['locales']}/{f['site']}/{f['build']} "
        f"| {_mb(b['locales'])}/{_mb(b['site'])}/{_mb(b['build'])} | {row.churn_files} | {row.churn_lines} "
        f"| {_other(row.churn_other_files)} | {row.translated} | {len(row.lost)} |"
    )


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="largest single-pass size (default 2000)")
    parser.add_argument("--scale-articles", type=int, default=200,
                        help="smaller size for the memory/time ratios (default 200; 0: skip)")
    parser.add_argument("--soak-articles", type=int, default=None,
                        help="size of the soak project (default: --articles; reuses that project)")
    parser.add_argument("--languages", nargs="+", default=ALL_LANGS, help="first one is the source (default: all six)")
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("--edit-articles", type=int, default=3, help="articles edited per cycle")
    parser.add_argument("--edit-catalogues", type=int, default=3, help="catalogues edited per cycle")
    parser.add_argument("--stages", nargs="+", default=[s[0] for s in STAGES], choices=[s[0] for s in STAGES],
                        help="single-pass stages to run (default: all four; the soak cycles always run extract, update, build)")
    parser.add_argument("--no-freeze-code", dest="freeze_code", action="store_false",
                        help="run the repository's pipeline/ directly instead of a copy taken at start")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", metavar="DIR", help="keep the projects and logs here (default: a temp folder)")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.workdir:
        work = Path(args.workdir)
        work.mkdir(parents=True, exist_ok=False)
        return run(args, work)
    with tempfile.TemporaryDirectory(prefix="medloc-soak-") as tmp:
        return run(args, Path(tmp))


def run(args: argparse.Namespace, work: Path) -> int:
    log = work / "medloc.log"
    results: dict[str, object] = {
        "date": datetime.date.today().isoformat(), "cpus": os.cpu_count(), "load_at_start": os.getloadavg(),
        "languages": args.languages,
    }
    problems: list[str] = []
    soak_size = args.soak_articles or args.articles
    sizes = sorted({s for s in (args.scale_articles, args.articles, soak_size) if s})
    passes: dict[int, list[StageRun]] = {}
    projects: dict[int, Path] = {}
    code = freeze_code(work) if args.freeze_code else ROOT
    for size in sizes:
        setup = time.perf_counter()
        projects[size] = make_project(work / f"p{size}", articles=size, langs=args.languages, code=code)
        print(f"\n{size} articles: project written in {time.perf_counter() - setup:.1f} s", flush=True)
        print(stage_table(size, len(args.languages), []), flush=True)
        passes[size] = []
        for command in (c for c in STAGES if c[0] in args.stages):
            passes[size].append(run_stage(projects[size], command, log=log))
            print(stage_row(passes[size][-1]), flush=True)
        problems += [f"{size} articles: medloc {r.label} exited {r.exit}" for r in passes[size] if not stage_ok(r)]
        if size != soak_size and not args.workdir:
            shutil.rmtree(projects[size])
    results["single_pass"] = {str(n): [asdict(r) for r in runs] for n, runs in passes.items()}
    if args.scale_articles and args.scale_articles != args.articles:
        print(ratio_table((args.scale_articles, passes[args.scale_articles]), (args.articles, passes[args.articles])))
    if args.cycles:
        print(f"\nSoak: {soak_size} articles x {len(args.languages)} languages, {args.cycles} edit cycles", flush=True)
        print(CYCLE_HEADER, flush=True)
        rows = soak(projects[soak_size], args, log)
        results["cycles"] = [asdict(r) for r in rows]
        for row in rows:
            problems += [f"cycle {row.cycle}: {p}" for p in row.problems]
            problems += [f"cycle {row.cycle}: lost {text}" for text in row.lost[:10]]
        others = sorted({p for row in rows for p in row.churn_other_files})
        if others:
            print(f"\nFiles changed by edit cycles outside the edited articles, their catalogues and site-wide pages ({len(others)}):")
            for path in others[:20]:
                print(f"  {path}")
    results["load_at_end"] = os.getloadavg()
    results["problems"] = problems
    print(f"\nload average at start {results['load_at_start']}, at end {results['load_at_end']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for problem in problems:
        print(f"INVARIANT BROKEN: {problem}", file=sys.stderr)
    print("all invariants hold" if not problems else f"{len(problems)} invariant(s) broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
