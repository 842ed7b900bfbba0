"""TBX-Basic and CSV export, TBX import merged into the YAML glossary."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from pipeline.cli import main
from pipeline.errors import ErrorList, InputError
from pipeline.glossary import load_glossary
from pipeline.glossary_io import export_glossary, import_tbx, read_tbx

HERE = Path(__file__).parent
DATA = HERE / "glossary_io"
GLOSSARY = HERE / "checks" / "glossary.yaml"
COMMENTED = HERE / "glossary" / "good" / "commented.yaml"


def test_tbx_export_golden() -> None:
    assert export_glossary(GLOSSARY, fmt="tbx") == (DATA / "glossary.tbx.expect").read_text(encoding="utf-8")


def test_csv_export_golden() -> None:
    assert export_glossary(GLOSSARY, fmt="csv") == (DATA / "glossary.csv.expect").read_text(encoding="utf-8")


def test_tbx_export_is_tbx_basic() -> None:
    root = ET.fromstring(export_glossary(GLOSSARY, fmt="tbx"))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.get(lang) == "en"
    entries = root.findall("./text/body/termEntry")
    assert [e.get("id") for e in entries][:3] == ["herniated-disc", "sciatica", "sciatic-nerve"]
    assert {s.get(lang) for s in root.iter("langSet")} == {"en", "ko", "ja", "zh-Hans", "ru", "ar"}
    statuses = {n.text for n in root.iter("termNote") if n.get("type") == "administrativeStatus"}
    assert statuses == {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"}
    gmp = next(e for e in entries if e.get("id") == "gmp")
    assert [n.text for n in gmp.findall("note")] == ["medloc:keep", "medloc:case-sensitive"]


def test_export_one_language() -> None:
    csv_text = export_glossary(GLOSSARY, fmt="csv", langs=["ko"])
    assert csv_text.splitlines()[0] == "id,source,variants,note,case_sensitive,keep,ko.preferred,ko.admitted,ko.forbidden,ko.note"
    tbx = export_glossary(GLOSSARY, fmt="tbx", langs=["zh-Hans"])
    assert 'xml:lang="zh-Hans"' in tbx and 'xml:lang="ko"' not in tbx


def test_export_then_import_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "glossary.yaml"
    shutil.copy(GLOSSARY, copy)
    tbx = tmp_path / "glossary.tbx"
    tbx.write_text(export_glossary(GLOSSARY, fmt="tbx"), encoding="utf-8")
    result = import_tbx(tbx, copy)
    assert result.changes == () and not result.written
    assert copy.read_bytes() == GLOSSARY.read_bytes()


def test_import_into_an_empty_glossary_recreates_the_terms(tmp_path: Path) -> None:
    tbx = tmp_path / "glossary.tbx"
    tbx.write_text(export_glossary(GLOSSARY, fmt="tbx"), encoding="utf-8")
    target = tmp_path / "new.yaml"
    target.write_text("# imported\nversion: 1\nsource_language: en\nterms:\n  - id: seed\n    source: seed\n", encoding="utf-8")
    import_tbx(tbx, target)
    original, imported = load_glossary(GLOSSARY), load_glossary(target)
    assert imported.terms[0].id == "seed"
    assert [_fields(t) for t in imported.terms[1:]] == [_fields(t) for t in original.terms]
    assert target.read_text(encoding="utf-8").startswith("# imported\n")


def _fields(term):  # type: ignore[no-untyped-def]
    wordings = [(t.lang, t.preferred, t.admitted, t.forbidden, t.note) for t in term.translations]
    return (term.id, term.source, term.variants, term.note, term.case_sensitive, term.keep, wordings)


def test_import_merges_a_reviewers_edit_keeping_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "glossary.yaml"
    shutil.copy(COMMENTED, target)
    args = ["--project", str(tmp_path), "glossary", "--glossary", str(target), "import"]
    assert main([*args, str(DATA / "reviewer-edit.tbx")]) == 0
    assert main([*args, str(DATA / "tbx3.tbx")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "herniated-disc: ko '추간판 탈출증' admitted ['디스크 탈출증', '허리 디스크'] forbidden ['추간판 헤르니아'] -> "
        "'추간판 탈출증' admitted ['디스크 탈출증', '허리 디스크'] forbidden ['추간판 헤르니아', '디스크 헤르니아']",
        "herniated-disc: ru (none) -> 'межпозвоночная грыжа'",
        "spinal-stenosis: added (zh_Hans, ko)",
        f"{target}: updated (3 changes)",
        "sciatica: ar (none) -> 'عرق النسا'",
        f"{target}: updated (1 change)",
    ]
    assert target.read_text(encoding="utf-8") == (DATA / "after-import.yaml.expect").read_text(encoding="utf-8")


BAD_TBX = [
    ("<martif><text><body><termEntry>", "1:32: not well-formed XML: no element found"),
    ("<glossary/>", "1: not a TBX file: root element is <glossary>, expected <martif> or <tbx>"),
    (
        '<!DOCTYPE martif [<!ENTITY a "aaaaaaaa">]>\n<martif/>',
        "1: entity declarations are not allowed in TBX files",
    ),
    (
        '<martif>\n<text><body>\n<termEntry id="x">\n<langSet xml:lang="kr"><tig><term>x</term></tig></langSet>\n</termEntry>\n</body></text></martif>',
        "4: <langSet> unknown language code 'kr'; did you mean 'ko'?",
    ),
    (
        '<martif><text><body><termEntry id="x">\n<langSet xml:lang="ko"><tig><term>x</term>\n'
        '<termNote type="administrativeStatus">approved</termNote></tig></langSet></termEntry></body></text></martif>',
        "3: unknown administrativeStatus 'approved' (expected preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts)",
    ),
]


@pytest.mark.parametrize("text, message", BAD_TBX)
def test_bad_tbx_is_refused_with_its_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((InputError, ErrorList)) as caught:
        read_tbx(path)
    assert str(caught.value) == f"{path}:{message}"


def test_import_refuses_a_new_term_without_source(tmp_path: Path) -> None:
    target = tmp_path / "glossary.yaml"
    shutil.copy(COMMENTED, target)
    tbx = tmp_path / "new.tbx"
    tbx.write_text(
        '<martif><text><body>\n<termEntry id="new-one"><langSet xml:lang="ko"><tig><term>새 용어</term></tig></langSet></termEntry>'
        "</body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(ErrorList) as caught:
        import_tbx(tbx, target)
    assert str(caught.value) == f"{tbx}:2: new term 'new-one' has no 'en' preferred term"
    assert target.read_bytes() == COMMENTED.read_bytes()


def test_cli_export(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(HERE / "checks"), "glossary", "--glossary", str(GLOSSARY), "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out == (DATA / "glossary.csv.expect").read_text(encoding="utf-8")
