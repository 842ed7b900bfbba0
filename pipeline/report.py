"""Reports of ``medloc check``: text, JSON, SARIF 2.1.0 and JUnit XML.

``text``: one line per finding, ``path:line: severity: message [check-id]``,
grouped by file (blank line between files), suppressed findings as
``path:line: suppressed warning: message [check-id] (reason)``, then one summary line.

``json`` (stable; fields are only ever added)::

    {
      "version": 1,
      "findings": [
        {"path": "locales/ko/LC_MESSAGES/sciatica.po", "line": 42, "lang": "ko",
         "check": "term-forbidden", "severity": "error", "term": "herniated-disc",
         "msgid": "...", "msgstr": "...", "message": "...",
         "suppressed": false, "reason": null}
      ],
      "summary": {"files": 5, "entries": 310, "errors": 1, "warnings": 3, "infos": 0,
                  "suppressed": 1, "by_check": {"term-forbidden": 1, ...},
                  "glossary": "locales/glossary.yaml", "terms": 162}
    }

``term`` is the glossary id or null; ``by_check`` counts unsuppressed findings.

``sarif``: SARIF 2.1.0, one run, one rule per check id, suppressed findings
carry an ``inSource`` suppression with the reviewer's reason; paths are
relative to ``%SRCROOT%`` (the project root) when the finding is inside it.

``junit``: one ``<testsuite>`` per catalogue; each finding at or above
``fail_on`` is a failed ``<testcase>``, findings below it pass with the
message in ``<system-out>``, suppressed ones are ``<skipped>``; a catalogue
without findings is one passing test case.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from itertools import groupby
from typing import Any, Literal
from xml.etree import ElementTree as ET

from . import __version__
from .checks import CHECKS, DEFAULT_SEVERITY, CheckResult, Finding
from .config import FailOn

ReportFormat = Literal["text", "json", "sarif", "junit"]
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_RANK = {"info": 0, "warning": 1, "error": 2}


def render_report(result: CheckResult, *, fmt: ReportFormat = "text", fail_on: FailOn = "error") -> str:
    renderers: dict[str, Callable[[CheckResult, FailOn], str]] = {
        "text": render_text,
        "json": render_json,
        "sarif": render_sarif,
        "junit": render_junit,
    }
    return renderers[fmt](result, fail_on)


# --------------------------------------------------------------------------- text


def render_text(result: CheckResult, fail_on: FailOn = "error") -> str:
    blocks = ["\n".join(_text_line(f) for f in group) for _path, group in groupby(result.findings, key=lambda f: f.path)]
    body = "\n\n".join(blocks)
    return (body + "\n\n" if body else "") + summary_line(result) + "\n"


def _text_line(finding: Finding) -> str:
    if not finding.suppressed:
        return str(finding)
    reason = f" ({finding.reason})" if finding.reason else ""
    return f"{finding.location}: suppressed {finding.severity}: {finding.message} [{finding.check}]{reason}"


def summary_line(result: CheckResult) -> str:
    counts = result.counts()
    parts = [_plural(counts["errors"], "error"), _plural(counts["warnings"], "warning")]
    if counts["infos"]:
        parts.append(_plural(counts["infos"], "note"))
    parts.append(f"{counts['suppressed']} suppressed")
    glossary = f", glossary {result.glossary} ({result.terms} terms)" if result.glossary else ", no glossary"
    checked = f"checked {_plural(result.entries, 'entry', 'entries')} in {_plural(len(result.files), 'catalogue')}{glossary}"
    since = f"; {_plural(result.unchanged, 'finding')} on entries unchanged since {result.since} not shown" if result.since else ""
    return f"{checked}: {', '.join(parts)}{since}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


# --------------------------------------------------------------------------- json


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "line": finding.line,
        "lang": finding.lang,
        "check": finding.check,
        "severity": finding.severity,
        "term": finding.term,
        "msgid": finding.msgid,
        "msgstr": finding.msgstr,
        "message": finding.message,
        "suppressed": finding.suppressed,
        "reason": finding.reason,
    }


def summary_dict(result: CheckResult) -> dict[str, Any]:
    by_check = Counter(f.check for f in result.active())
    return {
        "files": len(result.files),
        "entries": result.entries,
        **result.counts(),
        "by_check": dict(sorted(by_check.items())),
        "glossary": result.glossary,
        "terms": result.terms,
        **({"since": result.since, "unchanged": result.unchanged} if result.since else {}),
    }


def render_json(result: CheckResult, fail_on: FailOn = "error") -> str:
    document = {"version": 1, "findings": [finding_dict(f) for f in result.findings], "summary": summary_dict(result)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- sarif


def render_sarif(result: CheckResult, fail_on: FailOn = "error") -> str:
    rule_ids = list(CHECKS)
    run = {
        "tool": {"driver": _sarif_driver(rule_ids)},
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The medloc project root."}}},
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(f, rule_ids) for f in result.findings],
    }
    document = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _sarif_driver(rule_ids: list[str]) -> dict[str, Any]:
    rules = [
        {
            "id": rule,
            "name": "".join(part.capitalize() for part in rule.split("-")),
            "shortDescription": {"text": CHECKS[rule]},
            "defaultConfiguration": {"level": _SARIF_LEVEL[DEFAULT_SEVERITY[rule]]},
        }
        for rule in rule_ids
    ]
    return {"name": "medloc", "version": __version__, "informationUri": "https://github.com/medloc/medloc", "rules": rules}


def _sarif_result(finding: Finding, rule_ids: list[str]) -> dict[str, Any]:
    location: dict[str, Any] = {"uri": finding.path}
    if not finding.path.startswith("/"):
        location["uriBaseId"] = "%SRCROOT%"
    result: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": rule_ids.index(finding.check),
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": {"startLine": max(finding.line, 1)}}}],
        "partialFingerprints": {"medlocFinding/v1": _fingerprint(finding)},
        "properties": {"lang": finding.lang, "term": finding.term, "msgid": finding.msgid, "msgstr": finding.msgstr},
    }
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.reason or ""}]
    return result


def _fingerprint(finding: Finding) -> str:
    """Stable across line moves: what is wrong with which text, not where."""
    key = "\x1f".join([finding.path, finding.check, finding.term or "", finding.msgid, finding.message])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


# --------------------------------------------------------------------------- junit


def render_junit(result: CheckResult, fail_on: FailOn = "error") -> str:
    root = ET.Element("testsuites", name="medloc check")
    totals = Counter[str]()
    for path in result.files:
        suite = _junit_suite(path, [f for f in result.findings if f.path == path], fail_on)
        for key in ("tests", "failures", "skipped"):
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("skipped", str(totals["skipped"]))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _junit_suite(path: str, findings: list[Finding], fail_on: FailOn) -> ET.Element:
    suite = ET.Element("testsuite", name=path)
    failures = skipped = 0
    for finding in findings:
        case = ET.SubElement(suite, "testcase", classname=_classname(path), name=f"line {finding.line}: {finding.check}" + (f" [{finding.term}]" if finding.term else ""))
        text = f"{finding.location}: {finding.severity}: {finding.message}\nmsgid: {finding.msgid}\nmsgstr: {finding.msgstr}"
        if finding.suppressed:
            ET.SubElement(case, "skipped", message=f"suppressed: {finding.reason or 'no reason given'}")
            skipped += 1
        elif _RANK[finding.severity] >= _RANK[fail_on]:
            ET.SubElement(case, "failure", type=finding.check, message=finding.message).text = text
            failures += 1
        else:
            ET.SubElement(case, "system-out").text = text
    if not findings:
        ET.SubElement(suite, "testcase", classname=_classname(path), name="all checks")
    suite.set("tests", str(max(len(findings), 1)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return suite


def _classname(path: str) -> str:
    return path.removesuffix(".po").replace("/", ".")
