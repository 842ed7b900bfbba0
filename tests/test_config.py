"""[tool.medloc] validation: every problem with its key path, one abort."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.errors import ErrorList

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.medloc]\n" + body, encoding="utf-8")
    return tmp_path


def test_project_config_is_valid() -> None:
    config = load_config(ROOT)
    assert config.source_language.code == "en"
    assert [lang.code for lang in config.languages] == ["en", "ko", "ja", "zh_Hans", "ru", "ar"]
    assert config.docs_dir == ROOT / "docs"
    assert [lang.code for lang in config.target_languages()] == ["ko", "ja", "zh_Hans", "ru", "ar"]


def test_defaults_without_table(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""))
    assert config.source_language.code == "en"
    assert config.templates_dir == tmp_path / "locales" / "templates"


@pytest.mark.parametrize(
    ("body", "messages"),
    [
        ('languages = ["en", "jp"]\n', ["tool.medloc.languages[1]: unknown language code 'jp'; did you mean 'ja'?"]),
        ('languages = ["ko", "ko"]\n', ["tool.medloc.languages[1]: language 'ko' is listed twice"]),
        ('docs_dir = "../elsewhere"\n', ["tool.medloc.docs_dir: path '../elsewhere' must stay inside the project (no absolute paths or '..')"]),
        ('site_dir = "/tmp/site"\n', ["tool.medloc.site_dir: path '/tmp/site' must stay inside the project (no absolute paths or '..')"]),
        ("[tool.medloc.update]\nfuzzy_threshold = 3\n", ["tool.medloc.update.fuzzy_threshold: expected a number in (0, 1], got 3"]),
        ("[tool.medloc.check]\nfail_on = 'never'\n", ["tool.medloc.check.fail_on: expected 'error' or 'warning', got 'never'"]),
        (
            'source_language = "xx"\nglosary = "g.yaml"\n',
            [
                "tool.medloc.source_language: unknown language code 'xx'",
                "tool.medloc.glosary: unknown key; did you mean 'glossary'?",
            ],
        ),
    ],
)
def test_every_problem_reported_with_key_path(tmp_path: Path, body: str, messages: list[str]) -> None:
    with pytest.raises(ErrorList) as exc:
        load_config(write(tmp_path, body))
    assert [e.message for e in exc.value.errors] == messages
    assert all(e.location is not None and e.location.line for e in exc.value.errors)


def test_symlinked_path_escaping_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / "docs").symlink_to(outside)
    with pytest.raises(ErrorList) as exc:
        load_config(write(project, 'docs_dir = "docs"\n'))
    assert [e.message for e in exc.value.errors] == ["tool.medloc.docs_dir: path 'docs' resolves outside the project (symlink?)"]


def test_toml_syntax_error_has_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.medloc]\nlanguages = [\n", encoding="utf-8")
    with pytest.raises(Exception) as exc:
        load_config(tmp_path)
    assert str(exc.value).startswith(f"{tmp_path / 'pyproject.toml'}:")
