"""The soak benchmark at a tiny size: real CLI runs, one edit cycle, one no-op cycle, invariants hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_soak_tiny_run_keeps_its_invariants(tmp_path: Path) -> None:
    report = tmp_path / "soak.json"
    # The single pass skips check (Kiwi start-up, ~10 s) and build (the cycles build) to stay fast.
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_soak", "--articles", "3", "--scale-articles", "0",
         "--languages", "en", "ko", "--cycles", "1", "--stages", "extract", "update",
         "--workdir", str(tmp_path / "work"), "--json", str(report)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(report.read_text(encoding="utf-8"))
    assert results["problems"] == []
    stages = results["single_pass"]["3"]
    assert [s["label"] for s in stages] == ["extract", "update"]
    assert all(s["exit"] == 0 and s["peak_rss_mb"] > 0 for s in stages)
    assert stages[0]["files_written"] == 3  # one template per article
    assert stages[1]["files_written"] >= 3  # a Korean catalogue per article (and the site catalogue)
    edit, noop = results["cycles"]
    assert (edit["cycle"], noop["cycle"]) == ("1", "no-op")
    # The edit cycle changed the edited articles (git saw it), the no-op cycle changed nothing.
    assert edit["edited_articles"] == 3 and edit["churn_lines"] > 0
    assert noop["churn_files"] == 0 and noop["churn_lines"] == 0
    assert noop["files"]["locales"] == edit["files"]["locales"] and noop["files"]["site"] == edit["files"]["site"]
    assert edit["lost"] == [] and noop["lost"] == []
    assert noop["translated"] == edit["translated"] > 0


def test_lost_translation_is_detected() -> None:
    from benchmarks.bench_soak import lost_translations

    before = {"locales/ko/LC_MESSAGES/a.po": (frozenset({"가", "나"}), 2)}
    after = {"locales/ko/LC_MESSAGES/a.po": (frozenset({"가"}), 1)}
    assert lost_translations(before, after) == ["locales/ko/LC_MESSAGES/a.po: '나'"]
    assert lost_translations(before, before) == []
