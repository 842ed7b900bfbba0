"""Glossaries written by other tools: terminology-tool TBX, spreadsheet CSV, a reviewer's YAML.

Inputs are in tests/glossary_io/foreign/ (valid files as those tools write them);
each test names what the tool does that medloc must accept without losing anything.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import ErrorList, PipelineError
from pipeline.glossary import load_glossary
from pipeline.glossary_io import import_tbx, read_csv, read_tbx, resolve_language

HERE = Path(__file__).parent
FOREIGN = HERE / "glossary_io" / "foreign"
GLOSSARY = HERE / "checks" / "glossary.yaml"


@pytest.mark.parametrize(
    ("tag", "known", "expected"),
    [
        ("ko-KR", ["en", "ko"], "ko"),
        ("en-US", ["en"], "en"),
        ("zh-CN", ["en", "zh_Hans"], "zh_Hans"),
        ("zh-Hans-CN", [], "zh_Hans"),
        ("ja", [], "ja"),
        ("en-US", ["en", "en_US"], "en_US"),  # a glossary that has the regional language keeps it
    ],
)
def test_region_subtags_resolve_to_the_glossary_language(tag: str, known: list[str], expected: str) -> None:
    assert resolve_language(tag, known) == expected


def test_terminology_tool_tbx_is_read_completely() -> None:
    """BOM, DOCTYPE, xml:lang with regions, ntig/termGrp, descripGrp, normativeAuthorization, notes on a tig."""
    first, second = read_tbx(FOREIGN / "termtool.tbx", languages=["en", "ko", "ja"])
    assert first.id == "c101" and first.note == "subjectField: medicine Pain along the sciatic nerve."
    assert set(first.wordings) == {"en", "ko"}
    ko = first.wordings["ko"]
    assert (ko.preferred, ko.admitted, ko.forbidden) == ("좌골신경통", ("궁둥신경통",), ("좌골 신경 통증",))
    assert ko.note == "좌골 신경 통증: literal, not a term"
    ja = second.wordings["ja"]
    assert (ja.preferred, ja.forbidden) == ("ペインクリニック受診", ("痛み外来",))  # deprecatedTerm stays forbidden


def test_tbx_import_matches_renumbered_concepts_by_source_term(tmp_path: Path) -> None:
    copy = tmp_path / "glossary.yaml"
    shutil.copy(GLOSSARY, copy)
    result = import_tbx(FOREIGN / "termtool.tbx", copy)
    glossary = load_glossary(copy)
    assert glossary.term("c101") is None  # c101 is the tool's id for the glossary's sciatica
    sciatica = glossary.term("sciatica")
    assert sciatica is not None and sciatica.translation("ko") is not None
    assert sciatica.translation("ko").forbidden == ("좌골 신경 통증",)  # type: ignore[union-attr]
    new = glossary.term("c102")
    assert new is not None and new.translation("ja").forbidden == ("痛み外来",)  # type: ignore[union-attr]
    assert "c102: added (ja)" in result.changes
    again = import_tbx(FOREIGN / "termtool.tbx", copy)
    assert again.changes == () and not again.written


def test_two_regional_variants_of_one_language_are_refused(tmp_path: Path) -> None:
    tbx = tmp_path / "two.tbx"
    tbx.write_text(
        '<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="a">\n'
        '<langSet xml:lang="en-US"><tig><term>color</term></tig></langSet>\n'
        '<langSet xml:lang="en-GB"><tig><term>colour</term></tig></langSet>\n'
        "</termEntry></body></text></martif>\n",
        encoding="utf-8",
    )
    with pytest.raises(ErrorList) as caught:
        read_tbx(tbx, languages=["en"])
    assert [str(e) for e in caught.value.errors] == [f"{tbx}:3: <langSet> 'en-GB' is a second 'en' in this entry"]


def test_european_excel_csv_is_read() -> None:
    """BOM, ';' separator, CRLF, quoted cells with ';', ',' and line breaks, headers in any case and order."""
    read = read_csv(FOREIGN / "excel-eu.csv", source_language="en", languages=["en", "ko"])
    first, second = read.entries
    assert read.diagnostics == ()
    assert first.id == "sciatica" and first.note == "Radiating pain; a symptom, not a diagnosis"
    assert first.wordings["en"].admitted == ("sciatic pain",)
    ko = first.wordings["ko"]
    assert (ko.preferred, ko.admitted, ko.forbidden) == ("좌골신경통", ("궁둥신경통", "궁둥 신경통"), ("좌골 신경통",))
    assert (second.id, second.line, second.wordings["ko"].preferred) == (None, 5, "통증 클리닉")  # the row after two quoted line breaks


def test_csv_import_is_idempotent(tmp_path: Path) -> None:
    copy = tmp_path / "glossary.yaml"
    shutil.copy(GLOSSARY, copy)
    first = import_tbx(FOREIGN / "excel-eu.csv", copy)
    assert "pain-clinic: added (ko)" in first.changes and first.written
    assert import_tbx(FOREIGN / "excel-eu.csv", copy).changes == ()


def test_spreadsheet_export_round_trip_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "--glossary", str(GLOSSARY), "export", "--format", "csv"]) == 0
    exported = capsys.readouterr().out
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + exported.replace(",", ";").replace("\n", "\r\n").encode())
    copy = tmp_path / "glossary.yaml"
    shutil.copy(GLOSSARY, copy)
    assert import_tbx(sheet, copy).changes == ()
    assert copy.read_bytes() == GLOSSARY.read_bytes()


def test_extra_csv_column_is_ignored_with_a_warning_at_its_position(tmp_path: Path) -> None:
    """A spreadsheet's own columns (comments, status) do not stop an import; the warning says what is not read."""
    read = read_csv(FOREIGN / "extra-column.csv", source_language="en")
    assert [e.wordings["ko"].preferred for e in read.entries] == ["좌골신경통"]
    (warning,) = read.diagnostics
    assert str(warning.location) == f"{FOREIGN / 'extra-column.csv'}:1:4"
    assert warning.code == "glossary-column-ignored"
    assert warning.message.startswith("column 4 'Reviewer comment' is not a glossary column; its 1 filled cell are not imported")
    copy = tmp_path / "glossary.yaml"
    shutil.copy(GLOSSARY, copy)
    assert [d.code for d in import_tbx(FOREIGN / "extra-column.csv", copy).diagnostics] == ["glossary-column-ignored"]


@pytest.mark.parametrize(
    ("header", "column"),
    [("id,source,ko.prefered", 3), ("id,source,xx.preferred", 3), ("source,Ko.Preferred,ko.admited", 3)],
)
def test_misspelt_wording_column_is_refused(header: str, column: int, tmp_path: Path) -> None:
    """A column that names a language or a wording part but not both would lose translations: refused."""
    sheet = tmp_path / "terms.csv"
    sheet.write_text(f"{header}\nsciatica,sciatica,좌골신경통\n", encoding="utf-8")
    with pytest.raises(ErrorList) as caught:
        read_csv(sheet, source_language="en", languages=["en", "ko"])
    (error,) = caught.value.errors
    assert str(error).startswith(f"{sheet}:1:{column}: column {column} ") and "is not a glossary column" in str(error)


def test_unnamed_empty_trailing_column_is_ignored_silently(tmp_path: Path) -> None:
    sheet = tmp_path / "terms.csv"
    sheet.write_text("id;source;ko.preferred;;\nsciatica;sciatica;좌골신경통;;\n", encoding="utf-8")
    read = read_csv(sheet, source_language="en", languages=["en", "ko"])
    assert len(read.entries) == 1 and read.diagnostics == ()


def test_check_with_a_csv_glossary_reports_its_ignored_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    po = tmp_path / "t.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ko\\n"\n\n'
        'msgid "Sciatica hurts."\nmsgstr "좌골신경통은 아픕니다."\n',
        encoding="utf-8",
    )
    code = main(["--project", str(tmp_path), "check", "--glossary", str(FOREIGN / "extra-column.csv"), str(po)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"{FOREIGN / 'extra-column.csv'}:1:4: warning: column 4 'Reviewer comment' is not a glossary column" in err


@pytest.mark.parametrize("name", ["termtool.tbx", "excel-eu.csv"])
def test_foreign_file_serves_as_check_glossary(name: str) -> None:
    glossary = load_glossary(FOREIGN / name, source_language="en")
    assert glossary.source_language == "en" and "ko" in glossary.languages()
    assert all(t.translation("ko_KR") is None for t in glossary.terms)
    assert any(t.translation("ko") and t.translation("ko").forbidden for t in glossary.terms)  # type: ignore[union-attr]


@pytest.mark.parametrize(("name", "wrong"), [("termtool.tbx", "좌골 신경 통증"), ("excel-eu.csv", "좌골 신경통")])
def test_check_with_a_foreign_glossary_flags_a_deprecated_term(
    name: str, wrong: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    po = tmp_path / "t.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ko\\n"\n\n'
        f'msgid "Sciatica hurts."\nmsgstr "{wrong}이 아픕니다."\n',
        encoding="utf-8",
    )
    code = main(["--project", str(tmp_path), "check", "--lang", "ko", "--glossary", str(FOREIGN / name), str(po)])
    out = capsys.readouterr().out
    assert code == 1 and f"'{wrong}'" in out and "[term-forbidden]" in out


def test_reviewer_yaml_keeps_its_indentation_on_import(tmp_path: Path) -> None:
    """ruamel.yaml writes one sequence indentation per file; lines the import did not touch stay as written."""
    copy = tmp_path / "reviewer.yaml"
    shutil.copy(FOREIGN / "reviewer.yaml", copy)
    import_tbx(FOREIGN / "termtool.tbx", copy)
    before = (FOREIGN / "reviewer.yaml").read_text(encoding="utf-8").splitlines()
    after = copy.read_text(encoding="utf-8").splitlines()
    assert after == (FOREIGN / "reviewer.yaml.after-import.expect").read_text(encoding="utf-8").splitlines()
    assert [line for line in before if line not in after] == [before[4]]  # only the edited sciatica line


def test_not_a_glossary_reports_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "terms.csv"
    bad.write_text("Term;Translation\nsciatica;좌골신경통\n", encoding="utf-8")
    with pytest.raises(PipelineError) as caught:
        load_glossary(bad, source_language="en")
    assert str(caught.value).startswith(f"{bad}:1:")


def test_what_the_glossary_cannot_hold_is_reported_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A deprecated source wording and a changed source term are not imported, and each is reported."""
    copy = tmp_path / "glossary.yaml"
    shutil.copy(GLOSSARY, copy)
    tbx = tmp_path / "reviewed.tbx"
    tbx.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="sciatica">
  <langSet xml:lang="en">
    <tig><term>sciatic pain</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>ischias</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
</body></text></martif>
""",
        encoding="utf-8",
    )
    result = import_tbx(tbx, copy)
    messages = [(d.location.line, d.code, d.message) for d in result.diagnostics]
    assert [(line, code) for line, code, _ in messages] == [(4, "glossary-not-imported"), (4, "glossary-not-imported")]
    assert "'ischias' is marked deprecated" in messages[0][2]
    assert "source 'sciatic pain' differs from the glossary's 'sciatica'" in messages[1][2]
    assert load_glossary(copy).term("sciatica").source == "sciatica"  # type: ignore[union-attr]
    assert main(["--project", str(tmp_path), "glossary", "--glossary", str(copy), "import", str(tbx)]) == 0
    assert f"{tbx}:4: warning: en wording 'ischias' is marked deprecated" in capsys.readouterr().err


INFLECTED = HERE / "glossary" / "inflected"


@pytest.mark.parametrize(("lang", "forbidden"), [("uk", "Стволові клітини"), ("pl", "Komórki pnia"), ("he", "תאי השורש"), ("fa", "یاخته\\u200cهای بنیادی")])
def test_check_finds_inflected_terms(lang: str, forbidden: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ukrainian and Polish cases, Hebrew prefix letters and the construct article, Persian non-joiners and suffixes:
    every preferred wording is found inflected (no term-missing), and so is the forbidden one (the report shows
    the invisible non-joiner of the Persian one escaped)."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "uk", "pl", "he", "fa"]\n', encoding="utf-8"
    )
    po = INFLECTED / f"{lang}.po"
    code = main(["--project", str(tmp_path), "check", "--lang", lang, "--glossary", str(INFLECTED / "glossary.yaml"), str(po)])
    out = capsys.readouterr().out
    findings = [line for line in out.splitlines() if line.endswith("]")]
    assert code == 1
    assert findings == [
        f"{po}:13: error: '{forbidden}' is a forbidden translation of 'Stem cells' (stem-cell); use "
        f"'{load_glossary(INFLECTED / 'glossary.yaml').term('stem-cell').translation(lang).preferred}' [term-forbidden]"  # type: ignore[union-attr]
    ]
