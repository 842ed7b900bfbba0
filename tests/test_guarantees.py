"""GUARANTEES.md names the test that proves each promise: every name must exist.

A renamed or deleted test would otherwise leave a promise that nothing proves.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "GUARANTEES.md"
_REFERENCE = re.compile(r"`(?P<file>(?:[\w/]+/)?test_\w+\.py)(?:::(?P<name>\w+)(?P<glob>\*)?)?`")
_FOLDER = re.compile(r"`(?P<folder>tests/[\w/.-]+/)`")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_")}


def test_every_test_the_guarantees_page_names_exists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    references = list(_REFERENCE.finditer(text))
    assert len(references) >= 40, "the page lost its references"
    missing = []
    for ref in references:
        path = ROOT / "tests" / ref["file"]
        if not path.is_file():
            missing.append(ref[0])
            continue
        if ref["name"] is None:
            continue
        names = _test_names(path)
        found = any(n.startswith(ref["name"]) for n in names) if ref["glob"] else ref["name"] in names
        if not found:
            missing.append(ref[0])
    assert missing == []


def test_every_folder_the_guarantees_page_names_exists() -> None:
    folders = [m["folder"] for m in _FOLDER.finditer(PAGE.read_text(encoding="utf-8"))]
    assert folders, "the page names no test folder"
    assert [f for f in folders if not (ROOT / f).is_dir()] == []
