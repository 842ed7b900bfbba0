"""``medloc stats``: counts per language and article, aligned text, stable JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.pofile import Catalog, Message, format_po, make_header
from pipeline.stats import count_catalog

HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko", "Plural-Forms": "nplurals=1; plural=0;"}


def _write(path: Path, messages: list[Message], fields: dict[str, str] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_po(Catalog(header=make_header(fields or HEADER), messages=messages)), encoding="utf-8")


def _pot(source: str, *msgids: str) -> list[Message]:
    return [Message(m) for m in msgids]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko", "ru"]\n', encoding="utf-8")
    pot_fields = {"Content-Type": "text/plain; charset=UTF-8", "X-Source-Language": "en"}
    templates = tmp_path / "locales" / "templates"
    _write(templates / "alpha.pot", _pot("en", "Back pain", "Rest for [two weeks](https://example.org/rest).", "Walk daily", "Yes"), pot_fields)
    _write(templates / "beta.pot", _pot("en", "Sciatica is a symptom."), pot_fields)
    _write(tmp_path / "locales" / "ko" / "LC_MESSAGES" / "alpha.po", [
        Message("Back pain", "요통"),
        Message("Rest for [two weeks](https://example.org/rest).", "[2주](https://example.org/rest) 동안 쉬세요.", flags=["fuzzy"]),
        Message("Walk daily", ""),
        Message("Yes", "예"),
        Message("Old entry", "옛 항목", obsolete=True),
    ])
    return tmp_path


def test_count_catalog_uses_gettext_states() -> None:
    catalog = Catalog(header=make_header(HEADER), messages=[
        Message("a b", "가"), Message("c", "다", flags=["fuzzy"]), Message("d", "", flags=["fuzzy"]),
        Message("e", ""), Message("f", msgid_plural="fs", msgstr_plural=[""]), Message("g", "사", obsolete=True),
    ])
    counts = count_catalog(catalog)
    assert (counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete, counts.total) == (1, 1, 3, 1, 5)
    assert counts.source_words == 7
    assert counts.percent == 20.0


def test_json_is_complete_and_stable(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "stats", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert [lang["language"] for lang in data["languages"]] == ["ko", "ru"]
    ko = data["languages"][0]
    assert ko["unit"] == "characters"
    alpha, beta = ko["articles"]
    assert alpha == {
        "article": "alpha", "catalogue": "locales/ko/LC_MESSAGES/alpha.po", "exists": True, "has_template": True,
        "translated": 2, "fuzzy": 1, "untranslated": 1, "obsolete": 1, "total": 4,
        "source_words": 9, "source_characters": 38, "translated_words": 2, "translated_characters": 3,
        "percent": 50.0,
    }
    assert (beta["exists"], beta["untranslated"], beta["total"], beta["percent"]) == (False, 1, 1, 0.0)
    assert ko["total"]["total"] == 5 and ko["total"]["translated"] == 2
    assert data["total"]["total"] == 10
    assert data["total"]["percent"] == 20.0


def test_text_table_is_aligned(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "stats", "--lang", "ko"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Language", "Article", "Translated", "Fuzzy", "Untranslated", "Obsolete",
                                "Source", "Translation", "Done"]
    assert lines[1].split() == ["ko", "alpha", "2", "1", "1", "1", "9", "words", "3", "chars", "50.0%"]
    assert "(no catalogue)" in lines[2]
    assert lines[3].split()[:2] == ["ko", "total"]
    ends = {len(line) for line in lines}
    assert len(ends) == 1, "rows end in the same column"


def test_stats_reports_malformed_catalogue_with_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = project / "locales" / "ru" / "LC_MESSAGES" / "beta.po"
    bad.parent.mkdir(parents=True)
    bad.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "x"\nmsgstr "y\n')
    assert main(["--project", str(project), "stats"]) == 2
    assert capsys.readouterr().err.startswith(f"{bad}:5:")


@pytest.mark.parametrize(("threshold", "langs", "code", "below"), [
    ("40", ["ko"], 0, []),        # ko: 2 of 5 translated = 40%
    ("40.1", ["ko"], 1, ["ko"]),
    ("0", [], 0, []),
    ("10", [], 1, ["ru"]),        # ru has no catalogue at all: 0%
])
def test_fail_under_is_a_release_gate_per_language(
    project: Path, capsys: pytest.CaptureFixture[str], threshold: str, langs: list[str], code: int, below: list[str]
) -> None:
    options = [arg for lang in langs for arg in ("--lang", lang)]
    assert main(["--project", str(project), "stats", *options, "--fail-under", threshold]) == code
    err = capsys.readouterr().err
    assert [line.split(":")[0] for line in err.splitlines()] == below
    assert all(f"under --fail-under {float(threshold):g}%" in line for line in err.splitlines())


def test_fail_under_refuses_a_percentage_out_of_range(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--project", str(project), "stats", "--fail-under", "101"])
    assert exited.value.code == 2
    assert "'101' is not between 0 and 100" in capsys.readouterr().err
