"""Site build benchmark: `medloc build` vs plain `mkdocs build`, and the `serve` rebuild after a PO edit.

Usage (from the project root)::

    python -m benchmarks.bench_build                          # 5/50/500 articles x 2/6 languages
    python -m benchmarks.bench_build --sizes 5 50 --langs 2 6
    python -m benchmarks.bench_build --serve-only             # PO-edit rebuild in serve, real site

For each size the synthetic corpus (:mod:`benchmarks.corpus`) is written to a
temporary project with catalogues for every target language: 80% of the
entries translated (:func:`benchmarks.corpus.pseudo_translate`), 10% fuzzy,
10% empty, so pages have fallbacks, notices and a real status page. Then, each
in a fresh process, timed wall clock:

* **mkdocs**: plain ``mkdocs build`` of the same articles, one language, with
  the project's mkdocs.yml: the baseline.
* **mkdocs-static-i18n** (if installed, ``.[bench]``): one ``mkdocs build`` of
  the same pages in every language (medloc's rendered Markdown as
  ``<page>.<lang>.md``, Material, search): what users would pick instead.
* **medloc**: ``build_site`` for all languages (rendering, configs, status
  page, MkDocs per language on 2 workers, audit, publishing). medloc's own
  work (everything but MkDocs) is reported separately, as a share of the
  MkDocs work. Then one msgstr of one catalogue is changed and the site built
  again: the usual case, where the translation cache (``build/medloc/cache``)
  spares every unchanged page.
* **plain MkDocs, same pages**: ``mkdocs build`` of each language tree medloc
  generated (ordinary MkDocs input), one fresh process per language, CPU seconds
  of each: what the same site costs MkDocs alone. medloc's own work and medloc's
  whole build (CPU of all its processes) are also given as shares of it.

``serve``: ``medloc serve --lang ko`` runs on the real project (a copy of this
repository's docs/ and locales/) and on the 50-article corpus; one msgstr of a
Korean catalogue is changed and the time until the served page shows it is
measured over HTTP on 127.0.0.1 (median of 3).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALL_LANGS = ["en", "ko", "ja", "zh_Hans", "ru", "ar"]


# --------------------------------------------------------------------------- projects


def make_project(folder: Path, *, articles: int, langs: int) -> Path:
    """A medloc project with ``articles`` synthetic articles and catalogues for ``langs`` languages."""
    from benchmarks.corpus import write_articles

    folder.mkdir(parents=True)
    languages = ALL_LANGS[:langs]
    (folder / "pyproject.toml").write_text(
        f"[tool.medloc]\nsource_language = \"en\"\nlanguages = {json.dumps(languages)}\n", encoding="utf-8"
    )
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "pipeline").symlink_to(ROOT / "pipeline")  # mkdocs.yml's theme.custom_dir
    write_articles(folder / "docs", articles)
    for code in languages[1:]:
        write_catalogues(folder, code)
    return folder


def write_catalogues(project: Path, code: str) -> None:
    from benchmarks.corpus import pseudo_translate
    from pipeline.fsio import write_text_atomic
    from pipeline.languages import get_language
    from pipeline.pofile import Catalog, Message, format_po, make_header
    from pipeline.segment import parse_article

    lang = get_language(code)
    for index, source in enumerate(sorted((project / "docs").glob("*.md"))):
        article = parse_article(source.read_text(encoding="utf-8"), f"docs/{source.name}")
        seen: set[tuple[str | None, str]] = set()
        messages = []
        for number, segment in enumerate(article.segments):
            if (segment.context, segment.text) in seen:
                continue
            seen.add((segment.context, segment.text))
            state = (number + index) % 10
            text = "" if state == 9 else pseudo_translate(segment.text, code)
            messages.append(Message(segment.text, text, msgctxt=segment.context, flags=["fuzzy"] if state == 8 else []))
        header = make_header(
            {"Content-Type": "text/plain; charset=UTF-8", "Language": code, "Plural-Forms": lang.plural_forms}
        )
        po = project / "locales" / code / "LC_MESSAGES" / f"{article.slug}.po"
        write_text_atomic(po, format_po(Catalog(header=header, messages=messages)))


# --------------------------------------------------------------------------- one timed run per process


def run_medloc(project: Path) -> dict[str, float]:
    from pipeline.config import load_config
    from pipeline.site import build_site

    start = time.perf_counter()
    config = load_config(project)
    result = build_site(config, progress=False)
    wall = time.perf_counter() - start
    assert not result.failed, [str(f) for f in result.failures]
    # One article page of the source language (not the home page, which lists every article).
    sizes = sorted(page.stat().st_size for page in config.site_dir.glob("*/index.html") if page.parent.name != "status")
    return {
        "wall": wall,
        "pages": result.pages,
        "article_page_kb": round(statistics.median(sizes) / 1024, 1) if sizes else 0.0,
        "site_mb": round(sum(f.stat().st_size for f in config.site_dir.rglob("*") if f.is_file()) / 2**20, 1),
        "medloc": result.pipeline_seconds,
        "translate": result.translate_seconds,
        "mkdocs_work": sum(run.seconds for run in result.runs),
    }


def compile_pipeline() -> str:
    """Write the pipeline's bytecode (``__pycache__``) before anything is timed.

    An installed medloc has it (pip compiles a package when it installs it; an editable
    install writes it on its first run). Where ``PYTHONDONTWRITEBYTECODE`` is set, as on
    some CI and sandbox machines, nothing writes it, and every fresh process would compile
    the pipeline's modules from source again: about 0.15 s of CPU, half of it inside the
    timed build (modules the build imports lazily), which no user's second build pays.
    MkDocs and Material are already compiled by pip on every machine.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "pipeline"), quiet=1)
    return "compiled" + (" (PYTHONDONTWRITEBYTECODE is set here)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "")


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    seconds, _cpu, out = timed_cpu(command, cwd)
    return seconds, out


def timed_cpu(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command and all its children) and stdout of ``command``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def plain_mkdocs_same_pages(project: Path, work: Path) -> float:
    """CPU seconds of plain ``mkdocs build`` of every language's generated tree, one fresh process each.

    The trees medloc generated are ordinary MkDocs input: this is what building the same
    pages costs with MkDocs alone (without medloc's shared imports, template cache and
    workers), the baseline "the cost of the pipeline itself" is read against.
    """
    total = 0.0
    for config in sorted((project / "build" / "medloc").glob("*/mkdocs.yml")):
        out = work / f"plain-{config.parent.name}"
        _wall, cpu, _ = timed_cpu([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(out)], project)
        shutil.rmtree(out, ignore_errors=True)
        total += cpu
    return total


def measure(size: int, langs: int, work: Path) -> dict[str, float | int]:
    project = make_project(work / f"p{size}x{langs}", articles=size, langs=langs)
    plain, _ = timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(work / "plain")], project)
    medloc_wall, medloc_cpu, out = timed_cpu([sys.executable, "-m", "benchmarks.bench_build", "--one", str(project)], ROOT)
    inner = json.loads(out.strip().splitlines()[-1])
    plain_same = plain_mkdocs_same_pages(project, work)
    i18n = static_i18n(project, work / "i18n", langs)
    edit_one_msgstr(project)
    warm_wall, out = timed([sys.executable, "-m", "benchmarks.bench_build", "--one", str(project)], ROOT)
    warm = json.loads(out.strip().splitlines()[-1])
    shutil.rmtree(project)
    pages = int(inner["pages"])
    return {
        "articles": size,
        "languages": langs,
        "pages": pages,
        "mkdocs_1_lang_s": round(plain, 2),
        "mkdocs_pages_per_s": round(size / plain, 1),
        "medloc_s": round(medloc_wall, 2),
        "medloc_pages_per_s": round(pages / medloc_wall, 1),
        "article_page_kb": inner["article_page_kb"],
        "site_mb": inner["site_mb"],
        "medloc_own_work_s": round(inner["medloc"], 2),
        "mkdocs_work_s": round(inner["mkdocs_work"], 2),
        "own_share_pct": round(100 * inner["medloc"] / inner["mkdocs_work"], 1),
        "of_which_translate_step_s": round(inner["translate"], 2),
        "site_step_share_pct": round(100 * (inner["medloc"] - inner["translate"]) / inner["mkdocs_work"], 1),
        "plain_mkdocs_same_pages_cpu_s": round(plain_same, 2),
        "own_work_vs_plain_mkdocs_pct": round(100 * inner["medloc"] / plain_same, 1),
        "medloc_total_cpu_s": round(medloc_cpu, 2),
        "medloc_total_vs_plain_mkdocs_pct": round(100 * medloc_cpu / plain_same, 1),
        "static_i18n_s": i18n and round(i18n, 2),
        "static_i18n_pages_per_s": i18n and round(size * langs / i18n, 1),
        "after_one_po_edit_s": round(warm_wall, 2),
        "after_edit_own_work_s": round(warm["medloc"], 2),
        "after_edit_own_share_pct": round(100 * warm["medloc"] / warm["mkdocs_work"], 1),
    }


def static_i18n(project: Path, folder: Path, langs: int) -> float | None:
    """Seconds for mkdocs-static-i18n to build the same pages (medloc's rendered Markdown, suffix layout)."""
    try:
        import mkdocs_static_i18n  # noqa: F401
    except ImportError:
        return None
    from pipeline.languages import get_language

    shutil.rmtree(folder, ignore_errors=True)
    docs = folder / "docs"
    docs.mkdir(parents=True)
    codes = ALL_LANGS[:langs]
    for code in codes:
        suffix = "" if code == "en" else f".{get_language(code).material_language}"
        for page in (project / "build" / "medloc" / code / "docs").glob("*.md"):
            if page.name not in ("index.md", "status.md"):
                shutil.copy(page, docs / f"{page.stem}{suffix}.md")
    languages = "\n".join(
        f"          - locale: {get_language(c).material_language}\n            name: {c}\n            build: true"
        + ("\n            default: true" if c == "en" else "")
        for c in codes
    )
    (folder / "mkdocs.yml").write_text(
        "site_name: bench\ntheme:\n  name: material\n  font: false\n"
        "markdown_extensions: [tables, attr_list, admonition, footnotes, toc]\n"
        f"plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n{languages}\n",
        encoding="utf-8",
    )
    seconds, _ = timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(folder / "site")], folder)
    shutil.rmtree(folder)
    return seconds


def edit_one_msgstr(project: Path) -> None:
    """Change one translation in one catalogue, as a translator saving in Poedit would."""
    from pipeline.pofile import format_po, read_po

    po = sorted((project / "locales").glob("*/LC_MESSAGES/*.po"))[0]
    catalog = read_po(po)
    entry = next(m for m in catalog.messages if m.msgstr)
    entry.msgstr += " (edited)"
    po.write_text(format_po(catalog), encoding="utf-8")


# --------------------------------------------------------------------------- serve


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.read().decode("utf-8")
    except OSError:
        return ""


def serve_rebuild(project: Path, *, page_for: str, po: Path, msgid: str, rounds: int = 3) -> list[float]:
    """Seconds from saving ``po`` (one msgstr changed) until the served page shows it."""
    from pipeline.pofile import format_po, read_po

    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--project", str(project), "serve", "--lang", "ko", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{page_for}"
    times = []
    try:
        deadline = time.monotonic() + 120
        while not fetch(url) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.0)  # let the first build settle
        for round_ in range(rounds):
            catalog = read_po(po)
            entry = next(m for m in catalog.messages if m.msgid == msgid)
            marker = f"측정{round_}x{time.time_ns() % 100000}"
            entry.msgstr = marker
            entry.fuzzy = False
            start = time.perf_counter()
            po.write_text(format_po(catalog), encoding="utf-8")
            while marker not in fetch(url):
                if time.perf_counter() - start > 30:
                    raise RuntimeError(f"the edit did not show up in 30 s at {url}")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            time.sleep(1.0)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return times


def real_project(work: Path) -> Path:
    project = work / "real"
    project.mkdir()
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "locales", project / "locales")
    (project / "pipeline").symlink_to(ROOT / "pipeline")
    return project


def serve_cases(work: Path) -> list[dict[str, object]]:
    from pipeline.config import load_config
    from pipeline.site_tree import discover_articles

    cases = []
    projects = [("real site", real_project(work)), ("50 articles x 6", make_project(work / "s50", articles=50, langs=6))]
    for name, project in projects:
        config = load_config(project)
        article = next(a for a in discover_articles(config.docs_dir, root=project, default_lang=config.source_language, language=config.language) if a.lang.code != "ko")
        po = config.po_path("ko", article.slug)
        if not po.is_file():
            cases.append({"project": name, "error": f"no Korean catalogue {po.name}"})
            continue
        from pipeline.pofile import read_po

        msgid = next(m.msgid for m in read_po(po).messages if not m.obsolete and m.msgid_plural is None and m.msgid)
        page = article.rel.removesuffix(".md") + "/"
        times = serve_rebuild(project, page_for=page, po=po, msgid=msgid)
        cases.append({"project": name, "rebuild_s": [round(t, 2) for t in times], "median_s": round(statistics.median(times), 2)})
    return cases


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500])
    parser.add_argument("--langs", type=int, nargs="+", default=[2, 6])
    parser.add_argument("--serve-only", action="store_true")
    parser.add_argument("--no-serve", action="store_true")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--one", metavar="PROJECT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_medloc(Path(args.one))))
        return 0
    results: dict[str, object] = {"load_average_at_start": os.getloadavg(), "cpus": os.cpu_count()}
    results["bytecode"] = compile_pipeline()
    with tempfile.TemporaryDirectory(prefix="medloc-bench-build-") as tmp:
        work = Path(tmp)
        if not args.serve_only:
            rows = []
            for size in args.sizes:
                for langs in args.langs:
                    row = measure(size, langs, work)
                    rows.append(row)
                    print(json.dumps(row), flush=True)
            results["builds"] = rows
        if not args.no_serve:
            results["serve"] = serve_cases(work)
            for case in results["serve"]:  # type: ignore[union-attr]
                print(json.dumps(case), flush=True)
    results["load_average_at_end"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
