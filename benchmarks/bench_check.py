"""Benchmark: ``medloc check`` on 100,000 entries against a 500- and a 5,000-term glossary.

What it measures, in one run, on the same deterministic data:

* medloc's checker (:class:`pipeline.checks.EntryChecker`: terms through one
  Aho-Corasick automaton per language, numbers, markup) — entries per second
  cold (a fresh process: glossary YAML load, automaton build, Kiwi start, first
  pass; wall time and peak RSS) and warm (CPU time in one process: every checker
  warmed up, then ``--repeat`` rounds over chunks of 5,000 entries with the
  checkers interleaved per chunk; each chunk's fastest time counts; medloc's
  per-text caches are emptied before every chunk, so no checker profits from
  texts another one (or an earlier round) already analysed);
* the same with Korean morpheme analysis off (``analyser="rules"``), to show
  what Kiwi costs;
* a naive per-term loop (for every entry, for every term, substring tests of
  every wording) over the first ``--naive-entries`` entries of the same data.

Data: segments from :mod:`benchmarks.corpus` (realistic English patient
information); 70% of the corpus' medical terms are replaced by synthetic terms
drawn from the glossary's 5,000 (so the 500-term glossary sees the same text
with fewer terms in it). The Korean translation writes every term with a
particle or copula after it, sometimes without its inner space, sometimes glued
to the next noun (a compound Kiwi must analyse); 2% of entries use a forbidden
wording, 2% drop a term, 1% change a number.

Run::

    python benchmarks/bench_check.py                 # 100,000 entries, 500 and 5,000 terms
    python benchmarks/bench_check.py --entries 20000 --naive-entries 1000   # quicker
"""

from __future__ import annotations

import argparse
from functools import partial
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import TERMS, generate_article  # noqa: E402

_CONSONANTS = "bcdfghklmnprstvz"
_VOWELS = "aeiou"
_SUFFIXES = ["itis", "osis", "ectomy", "plasty", "algia", "oma", "cyte", "ine", "ase", "gen"]
_HANGUL_SYLLABLES = [chr(0xAC00 + i) for i in range(0, 11172, 5)]  # about as many as everyday Korean uses
_TAILS = ["은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "과", "와", "도", "만", "이다", "입니다", ""]
_FILLER = ["환자는", "치료를", "받은", "후", "통증이", "줄어듭니다", "경우에는", "의사와", "상담하세요", "검사에서", "확인된", "수술"]
_COMPOUND_NOUNS = ["치료제", "검사", "수술", "환자"]
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LINK = re.compile(r"\[[^\]]*\]\(([^)]*)\)")


# --------------------------------------------------------------------------- data


def _word(rng: random.Random) -> str:
    body = "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
    return body + (rng.choice(_SUFFIXES) if rng.random() < 0.4 else "")


def _korean(rng: random.Random) -> str:
    words = ["".join(rng.choice(_HANGUL_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 2))]
    return " ".join(words)


def synthetic_terms(n: int, seed: int) -> list[tuple[str, str, str]]:
    """``n`` (english, korean preferred, korean forbidden) triples; the corpus' real terms come first."""
    rng = random.Random(f"terms-{seed}")
    terms = [(en, ko, ko.replace(" ", "") + "증후") for en, ko in TERMS]
    seen_en, seen_ko = {t[0] for t in terms}, {t[1].replace(" ", "") for t in terms}
    while len(terms) < n:
        en = " ".join(_word(rng) for _ in range(rng.choice([1, 2, 2, 3])))
        ko, bad = _korean(rng), _korean(rng)
        if en in seen_en or ko.replace(" ", "") in seen_ko or bad.replace(" ", "") in seen_ko:
            continue
        seen_en.add(en)
        seen_ko.update({ko.replace(" ", ""), bad.replace(" ", "")})
        terms.append((en, ko, bad))
    return terms[:n]


def glossary_yaml(terms: list[tuple[str, str, str]]) -> str:
    lines = ["version: 1", "source_language: en", "terms:"]
    for index, (en, ko, bad) in enumerate(terms):
        lines += [f"  - id: t{index}-{re.sub('[^a-z0-9]+', '-', en.lower()).strip('-')}", f"    source: {en}"]
        lines += ["    translations:", f"      ko: {{preferred: {ko}, forbidden: [{bad}]}}"]
    return "\n".join(lines) + "\n"


def entries(n: int, terms: list[tuple[str, str, str]], seed: int) -> list[tuple[str, str]]:
    """``n`` (English msgid, Korean msgstr) pairs built from the corpus, with terms drawn from ``terms``."""
    rng = random.Random(f"entries-{seed}")
    korean = {en.lower(): (ko, bad) for en, ko, bad in terms} | {en.lower(): (ko, ko + "증후") for en, ko in TERMS}
    pattern = re.compile("|".join(re.escape(en) for en, _ in sorted(TERMS, key=lambda t: -len(t[0]))), re.IGNORECASE)
    out: list[tuple[str, str]] = []
    article = 0
    while len(out) < n:
        for segment in generate_article(article, seed=seed).segments:
            out.append(_pair(segment.text, pattern, terms, korean, rng))
        article += 1
    return out[:n]


def _pair(text: str, pattern: re.Pattern[str], terms: list[tuple[str, str, str]], korean: dict[str, tuple[str, str]], rng: random.Random) -> tuple[str, str]:
    used: list[str] = []

    def swap(match: re.Match[str]) -> str:
        en = rng.choice(terms)[0] if rng.random() < 0.7 else match.group().lower()
        used.append(en)
        return en

    source = pattern.sub(swap, text)
    return source, _translate(source, used, korean, rng)


def _translate(source: str, used: list[str], korean: dict[str, tuple[str, str]], rng: random.Random) -> str:
    words: list[str] = []
    mistake = rng.random()
    for index, en in enumerate(used):
        ko, bad = korean[en]
        if index == 0 and mistake < 0.02:
            form = bad
        elif index == 0 and mistake < 0.04:
            form = "그것"
        else:
            form = ko.replace(" ", "") if rng.random() < 0.2 else ko
        glued = rng.random() < 0.05
        words += [form + (rng.choice(_COMPOUND_NOUNS) if glued else rng.choice(_TAILS)), rng.choice(_FILLER)]
    numbers = _NUMBER.findall(source)
    if numbers and rng.random() < 0.01:
        numbers[0] = str(int(numbers[0].replace(",", "").split(".")[0]) + 1)
    links = [f"[링크]({url})" for url in _LINK.findall(source)]
    bold = ["**중요**"] if "**" in source else []
    return " ".join(bold + words + numbers + links + [rng.choice(_FILLER)])


# --------------------------------------------------------------------------- the checkers


def medloc_checker(glossary_path: Path, analyser: str):  # type: ignore[no-untyped-def]
    from pipeline.checks import EntryChecker
    from pipeline.glossary import load_glossary

    return EntryChecker(load_glossary(glossary_path), source_lang="en", lang="ko", analyser=analyser)  # type: ignore[arg-type]


def medloc_pass(checker, data: list[tuple[str, str]]) -> int:  # type: ignore[no-untyped-def]
    return sum(len(checker.check(msgid, msgstr)) for msgid, msgstr in data)


def forget_texts(checker) -> None:  # type: ignore[no-untyped-def]
    """Empty medloc's per-text caches, so a pass pays for every text it has not seen in this pass.

    Warm means "glossary compiled, Kiwi loaded", not "these very texts checked before":
    without this, whichever checker ran a chunk first would pay for the others.
    """
    from pipeline.checks import analyse_markup
    from pipeline.numbers import extract_numbers
    from pipeline.termmatch import korean_morphemes, russian_stem

    for cached in (analyse_markup, extract_numbers, korean_morphemes, russian_stem):  # not the per-wording korean_needs_context
        cached.cache_clear()
    if checker.terms is not None:
        checker.terms._cache.clear()


def naive_checker(glossary_path: Path) -> list[tuple[list[str], object]]:
    from pipeline.glossary import load_glossary

    return [([f.lower() for f in term.source_forms], term.translation("ko")) for term in load_glossary(glossary_path).terms]


def naive_pass(terms: list[tuple[list[str], object]], data: list[tuple[str, str]]) -> int:
    """For every entry, for every term: substring tests of every wording (what a script would do)."""
    findings = 0
    for msgid, msgstr in data:
        source = msgid.lower()
        for forms, wording in terms:
            if wording is None or not any(form in source for form in forms):
                continue
            if any(bad in msgstr for bad in wording.forbidden) or not any(ok in msgstr for ok in wording.allowed):  # type: ignore[attr-defined]
                findings += 1
    return findings


def cold_run(glossary_path: Path, data: list[tuple[str, str]], analyser: str) -> dict[str, float]:
    """A fresh process's first pass: load the YAML, build the automata, start Kiwi, check everything."""
    start = time.perf_counter()
    from pipeline.checks import EntryChecker
    from pipeline.glossary import load_glossary

    glossary = load_glossary(glossary_path)
    loaded = time.perf_counter()
    checker = EntryChecker(glossary, source_lang="en", lang="ko", analyser=analyser)  # type: ignore[arg-type]
    compiled = time.perf_counter()
    findings = medloc_pass(checker, data)
    return {"load_s": loaded - start, "compile_s": compiled - loaded, "cold_s": time.perf_counter() - start, "findings": findings}


def warm_rounds(glossaries: dict[int, Path], data: list[tuple[str, str]], naive_entries: int, repeat: int) -> dict[str, float]:
    """Every checker warmed up, then ``repeat`` rounds over chunks of the data, checkers interleaved per chunk.

    Each chunk's fastest CPU time counts. Other processes on a shared machine slow
    every checker alike this way instead of whichever happened to run at a bad moment.
    """
    runs: dict[str, tuple[object, list[list[tuple[str, str]]]]] = {}
    for size, path in glossaries.items():
        for analyser in ("kiwi", "rules"):
            checker = medloc_checker(path, analyser)
            runs[f"{size}/{analyser}"] = (partial(_fresh_pass, checker), _chunks(data, 5_000))
        runs[f"{size}/naive"] = (partial(naive_pass, naive_checker(path)), _chunks(data[:naive_entries], 250))
    findings = {name: sum(run(chunk) for chunk in chunks) for name, (run, chunks) in runs.items()}  # type: ignore[operator]
    best = {name: [float("inf")] * len(chunks) for name, (_run, chunks) in runs.items()}
    for _ in range(repeat):
        for index in range(max(len(chunks) for _run, chunks in runs.values())):
            for name, (run, chunks) in runs.items():
                if index < len(chunks):
                    began = time.process_time()
                    run(chunks[index])  # type: ignore[operator]
                    best[name][index] = min(best[name][index], time.process_time() - began)
    rates = {name: sum(len(c) for c in chunks) / sum(best[name]) for name, (_run, chunks) in runs.items()}
    return rates | {f"{name}#findings": count for name, count in findings.items()}


def _fresh_pass(checker, data: list[tuple[str, str]]) -> int:  # type: ignore[no-untyped-def]
    forget_texts(checker)
    return medloc_pass(checker, data)


def _chunks(data: list[tuple[str, str]], size: int) -> list[list[tuple[str, str]]]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def child(args: argparse.Namespace) -> None:
    data = [tuple(pair) for pair in json.loads(Path(args.data).read_text(encoding="utf-8"))]
    if args.mode == "warm":
        glossaries = {int(Path(p).stem.split("-")[1]): Path(p) for p in args.glossary.split(",")}
        result = warm_rounds(glossaries, data, args.naive_entries, args.repeat)  # type: ignore[arg-type]
    else:
        result = cold_run(Path(args.glossary), data, args.mode)  # type: ignore[arg-type]
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


# --------------------------------------------------------------------------- driver


def measure(mode: str, glossary: str, data: Path, args: argparse.Namespace) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", mode, "--glossary", glossary, "--data", str(data)]
    command += ["--repeat", str(args.repeat), "--naive-entries", str(args.naive_entries)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--terms", default="500,5000", help="glossary sizes, comma separated")
    parser.add_argument("--naive-entries", type=int, default=5_000, help="entries the naive loop checks (it is slow)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="warm rounds; each chunk's fastest time counts")
    parser.add_argument(
        "--text-terms",
        choices=["shared", "all"],
        default="shared",
        help="shared: the text uses only terms every glossary has (same findings, only the glossary grows); "
        "all: the text uses terms from the largest glossary (a bigger glossary also finds more)",
    )
    parser.add_argument("--child", choices=["kiwi", "rules", "warm"], dest="mode", help=argparse.SUPPRESS)
    parser.add_argument("--glossary", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        child(args)
        return
    sizes = [int(s) for s in args.terms.split(",")]
    all_terms = synthetic_terms(max(sizes), args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        began = time.perf_counter()
        data = folder / "entries.json"
        pool = all_terms[: min(sizes)] if args.text_terms == "shared" else all_terms
        pairs = entries(args.entries, pool, args.seed)
        data.write_text(json.dumps(pairs, ensure_ascii=False), encoding="utf-8")
        chars = sum(len(a) + len(b) for a, b in pairs)
        print(
            f"data: {len(pairs):,} entries ({chars / 1e6:.1f} M characters), terms from the first {len(pool):,} "
            f"of the glossary, generated in {time.perf_counter() - began:.1f} s"
        )
        paths = {}
        for size in sizes:
            paths[size] = folder / f"glossary-{size}.yaml"
            paths[size].write_text(glossary_yaml(all_terms[:size]), encoding="utf-8")
        cold = {(size, analyser): measure(analyser, str(paths[size]), data, args) for size in sizes for analyser in ("kiwi", "rules")}
        warm = measure("warm", ",".join(str(p) for p in paths.values()), data, args)
        report(cold, warm, sizes, len(pairs), min(args.naive_entries, len(pairs)))


def report(cold: dict[tuple[int, str], dict[str, float]], warm: dict[str, float], sizes: list[int], n: int, naive_n: int) -> None:
    names = {"kiwi": "medloc (Kiwi)", "rules": "medloc (rules only)", "naive": "naive per-term loop"}
    print(f"\n{'terms':>6}  {'checker':<20} {'entries':>8} {'cold/s':>8} {'warm/s':>8} {'load s':>7} {'build s':>7} {'peak RSS':>9} {'findings':>9}")
    for size in sizes:
        for key, name in names.items():
            c = cold.get((size, key))
            entries = naive_n if key == "naive" else n
            cold_rate = f"{n / c['cold_s']:>8,.0f}" if c else f"{'-':>8}"
            extra = f"{c['load_s']:>7.2f} {c['compile_s']:>7.2f} {c['peak_rss_mb']:>6.0f} MB" if c else f"{'-':>7} {'-':>7} {'-':>9}"
            findings = warm[f"{size}/{key}#findings"]
            print(f"{size:>6}  {name:<20} {entries:>8,} {cold_rate} {warm[f'{size}/{key}']:>8,.0f} {extra} {findings:>9,}")
    small, large = min(sizes), max(sizes)
    for key, name in names.items():
        print(f"{name}: {small} -> {large} terms costs {warm[f'{small}/{key}'] / warm[f'{large}/{key}']:.2f}x (warm)")
    for size in sizes:
        for key in ("kiwi", "rules"):
            print(f"{size} terms: {names[key]} is {warm[f'{size}/{key}'] / warm[f'{size}/naive']:.0f}x faster than the naive loop (warm)")


if __name__ == "__main__":
    main()
