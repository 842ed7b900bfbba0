"""The fixture project of the site tests (tests/test_site.py and tests/browser/), shared by both."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "site" / "project"


def make_project(dest: Path) -> Path:
    """A copy of tests/site/project with the repository's mkdocs.yml and site texts."""
    shutil.copytree(FIXTURE, dest)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for po in (REPO / "locales").glob("*/LC_MESSAGES/site.po"):
        target = dest / po.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(po, target)
    return dest


def set_languages(project: Path, codes: list[str]) -> None:
    """Configure ``codes`` as the project's languages (its pyproject.toml's ``languages = [...]``)."""
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    start = text.index("languages = [")
    end = text.index("]", start) + 1
    listed = ", ".join(f'"{code}"' for code in codes)
    pyproject.write_text(f"{text[:start]}languages = [{listed}]{text[end:]}", encoding="utf-8")
