"""The command line: help, exit codes, one-line errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

COMMANDS = ["import", "extract", "translate", "init", "update", "merge", "stats", "check", "glossary", "memory", "build", "serve"]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command} " in out


def test_python_m_pipeline_runs_the_cli() -> None:
    proc = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.startswith("medloc ")


def test_config_error_is_one_line_with_key_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "kr"]\nlocale_dir = "x"\n', encoding="utf-8"
    )
    code = main(["--project", str(tmp_path), "stats"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines == [
        f"{tmp_path / 'pyproject.toml'}:3: tool.medloc.languages[1]: unknown language code 'kr'; did you mean 'ko'?",
        f"{tmp_path / 'pyproject.toml'}:4: tool.medloc.locale_dir: unknown key; did you mean 'locales_dir'?",
    ]
