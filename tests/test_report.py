"""Reports: text, JSON (stable fields), SARIF 2.1.0, JUnit XML."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from pipeline.checks import CHECKS, CheckResult, Finding
from pipeline.report import render_report

KO = "locales/ko/LC_MESSAGES/sciatica.po"
RU = "locales/ru/LC_MESSAGES/sciatica.po"

FINDINGS = (
    Finding(KO, 12, "ko", "term-forbidden", "error", "'추간판 헤르니아' is a forbidden translation of 'herniated disc' (herniated-disc); use '추간판 탈출증'",
            "A herniated disc", "추간판 헤르니아", "herniated-disc"),
    Finding(KO, 20, "ko", "term-missing", "warning", "'sciatica' (sciatica) is not translated with an approved term; use '좌골신경통'",
            "Sciatica", "다리 통증", "sciatica", suppressed=True, reason="heading uses the lay form"),
    Finding(RU, 7, "ru", "number-mismatch", "error", "numbers differ from the source: missing 70; unexpected 60",
            "aged 30–70", "30–60 лет"),
    Finding(RU, 9, "ru", "inconsistent", "warning", f"translated differently at {RU}:3: 'Ишиас'; use one translation or give the entries a msgctxt",
            "Sciatica", "ишиас"),
)
RESULT = CheckResult(findings=FINDINGS, files=(KO, RU, "locales/ja/LC_MESSAGES/sciatica.po"), entries=42, glossary="locales/glossary.yaml", terms=162)


def test_text() -> None:
    assert render_report(RESULT, fmt="text") == (
        f"{KO}:12: error: '추간판 헤르니아' is a forbidden translation of 'herniated disc' (herniated-disc); use '추간판 탈출증' [term-forbidden]\n"
        f"{KO}:20: suppressed warning: 'sciatica' (sciatica) is not translated with an approved term; use '좌골신경통' "
        "[term-missing] (heading uses the lay form)\n"
        "\n"
        f"{RU}:7: error: numbers differ from the source: missing 70; unexpected 60 [number-mismatch]\n"
        f"{RU}:9: warning: translated differently at {RU}:3: 'Ишиас'; use one translation or give the entries a msgctxt [inconsistent]\n"
        "\n"
        "checked 42 entries in 3 catalogues, glossary locales/glossary.yaml (162 terms): 2 errors, 1 warning, 1 suppressed\n"
    )


def test_text_when_clean() -> None:
    clean = CheckResult(findings=(), files=(KO,), entries=1)
    assert render_report(clean, fmt="text") == "checked 1 entry in 1 catalogue, no glossary: 0 errors, 0 warnings, 0 suppressed\n"


def test_json_is_the_documented_shape() -> None:
    document = json.loads(render_report(RESULT, fmt="json"))
    assert document["version"] == 1
    assert list(document["findings"][0]) == [
        "path", "line", "lang", "check", "severity", "term", "msgid", "msgstr", "message", "suppressed", "reason",
    ]
    assert document["findings"][2] == {
        "path": RU, "line": 7, "lang": "ru", "check": "number-mismatch", "severity": "error", "term": None,
        "msgid": "aged 30–70", "msgstr": "30–60 лет", "message": "numbers differ from the source: missing 70; unexpected 60",
        "suppressed": False, "reason": None,
    }
    assert document["summary"] == {
        "files": 3, "entries": 42, "errors": 2, "warnings": 1, "infos": 0, "suppressed": 1,
        "by_check": {"inconsistent": 1, "number-mismatch": 1, "term-forbidden": 1},
        "glossary": "locales/glossary.yaml", "terms": 162,
    }


def test_sarif_2_1_0_structure() -> None:
    document = json.loads(render_report(RESULT, fmt="sarif"))
    assert document["version"] == "2.1.0" and document["$schema"].endswith("sarif-2.1.0.json")
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "medloc" and [r["id"] for r in driver["rules"]] == list(CHECKS)
    assert all(set(r) >= {"id", "shortDescription", "defaultConfiguration"} for r in driver["rules"])
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("term-forbidden", "error"), ("term-missing", "warning"), ("number-mismatch", "error"), ("inconsistent", "warning"),
    ]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert isinstance(location["region"]["startLine"], int) and location["region"]["startLine"] >= 1
        assert len(result["partialFingerprints"]["medlocFinding/v1"]) == 32
    assert results[1]["suppressions"] == [{"kind": "inSource", "justification": "heading uses the lay form"}]
    assert "suppressions" not in results[0]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == KO
    assert "%SRCROOT%" in run["originalUriBaseIds"]


def test_sarif_fingerprint_ignores_line_moves() -> None:
    moved = CheckResult(findings=tuple(f.__class__(**{**_asdict(f), "line": f.line + 5}) for f in FINDINGS))
    prints = [r["partialFingerprints"] for r in json.loads(render_report(RESULT, fmt="sarif"))["runs"][0]["results"]]
    moved_prints = [r["partialFingerprints"] for r in json.loads(render_report(moved, fmt="sarif"))["runs"][0]["results"]]
    assert prints == moved_prints and len({p["medlocFinding/v1"] for p in prints}) == 4


def _asdict(finding: Finding) -> dict[str, object]:
    return {name: getattr(finding, name) for name in Finding.__slots__}  # type: ignore[attr-defined]


def test_junit_parses_and_counts() -> None:
    root = ET.fromstring(render_report(RESULT, fmt="junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped"), root.get("errors")) == ("5", "2", "1", "0")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [KO, RU, "locales/ja/LC_MESSAGES/sciatica.po"]
    ko_cases = suites[0].findall("testcase")
    assert ko_cases[0].get("name") == "line 12: term-forbidden [herniated-disc]"
    assert ko_cases[0].find("failure").get("type") == "term-forbidden"  # type: ignore[union-attr]
    assert ko_cases[1].find("skipped").get("message") == "suppressed: heading uses the lay form"  # type: ignore[union-attr]
    ru_cases = suites[1].findall("testcase")
    assert ru_cases[1].find("failure") is None and "translated differently" in ru_cases[1].findtext("system-out", "")
    assert [c.get("name") for c in suites[2].findall("testcase")] == ["all checks"]


def test_junit_fail_on_warning_makes_warnings_failures() -> None:
    root = ET.fromstring(render_report(RESULT, fmt="junit", fail_on="warning"))
    assert root.get("failures") == "3"
