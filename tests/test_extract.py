"""``medloc extract``: templates per article, GNU-compatible, churn-free, and the CI gate."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.extract import extract_project
from pipeline.pofile import read_po
from pipeline.segment import parse_article

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "locales" / "templates").glob("*.pot"))
ARTICLE_TEMPLATES = [t for t in TEMPLATES if t.stem != "site"]
ARTICLE = """---
title: "Back pain"
lang: ko
---

## 원인

허리 통증에는 여러 원인이 있습니다.

| 원인 | 비율 |
|------|------|
| 디스크 | 40% |
| 협착증 | 40% |
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "back-pain.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "docs" / "second.md").write_text("# Second\n\nText.\n", encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str) -> int:
    return main(["--project", str(project), "extract", *args])


# --------------------------------------------------------------------------- the committed templates


def test_committed_templates_are_up_to_date() -> None:
    """The CI gate: a source edit without ``medloc extract`` fails the build."""
    result = extract_project(load_config(ROOT), check=True)
    assert result.out_of_date == [], "\n".join(result.report_lines())
    assert {u.template.name for u in result.updates} == {t.name for t in TEMPLATES}  # site.pot too (mkdocs.yml)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("template", ARTICLE_TEMPLATES, ids=lambda p: p.stem)
def test_committed_templates_pass_msgfmt_check_and_survive_msgcat(template: Path) -> None:
    checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(template)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "error" not in checked.stderr
    catted = subprocess.run(["msgcat", str(template)], capture_output=True, check=True)
    assert catted.stdout == template.read_bytes()


def test_committed_templates_reference_their_article_lines() -> None:
    for template in ARTICLE_TEMPLATES:
        catalog = read_po(template)
        source = (ROOT / "docs" / f"{template.stem}.md").read_text(encoding="utf-8")
        lines = source.split("\n")
        assert catalog.header_fields()["X-Source-Language"] == parse_article(source, "x", default_lang="en").lang
        for message in catalog.messages:
            for reference in message.references:
                path, line = reference.rsplit(":", 1)
                assert path == f"docs/{template.stem}.md"
                assert lines[int(line) - 1].strip(), reference


# --------------------------------------------------------------------------- extraction


def test_extract_writes_one_template_per_article(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project) == 0
    out = capsys.readouterr().out
    assert "locales/templates/back-pain.pot: created, 7 entries" in out
    catalog = read_po(project / "locales/templates/back-pain.pot")
    assert catalog.header_fields()["X-Source-Language"] == "ko"
    assert catalog.header_fields()["Project-Id-Version"] == "back-pain"
    [share] = [m for m in catalog.messages if m.msgid == "40%"]
    assert share.references == ["docs/back-pain.md:12", "docs/back-pain.md:13"]
    assert share.extracted_comments == ["table cell r2c2", "table cell r3c2"]
    assert (project / "locales/templates/second.pot").is_file()


def test_extract_is_idempotent_and_does_not_touch_unchanged_files(project: Path) -> None:
    assert run(project) == 0
    template = project / "locales/templates/back-pain.pot"
    first, stamp = template.read_bytes(), template.stat().st_mtime_ns
    assert run(project) == 0
    assert template.read_bytes() == first and template.stat().st_mtime_ns == stamp


def test_date_is_kept_unless_the_content_changes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run(project) == 0
    template = project / "locales/templates/back-pain.pot"
    assert '"POT-Creation-Date: 2023-11-14 22:13+0000\\n"' in template.read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert run(project) == 0
    assert "2023-11-14 22:13+0000" in template.read_text(encoding="utf-8")
    source = project / "docs/back-pain.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n새 문단.\n", encoding="utf-8")
    assert run(project) == 0
    assert "2027-01-15 08:00+0000" in template.read_text(encoding="utf-8")


def test_check_writes_nothing_and_exits_1_when_out_of_date(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "--check") == 1
    assert not (project / "locales").exists()
    assert "locales/templates/back-pain.pot: missing (run medloc extract)" in capsys.readouterr().out
    assert run(project) == 0
    assert run(project, "--check") == 0
    (project / "docs/second.md").write_text("# Second\n\nEdited text.\n", encoding="utf-8")
    before = (project / "locales/templates/second.pot").read_bytes()
    assert run(project, "--check") == 1
    assert (project / "locales/templates/second.pot").read_bytes() == before
    assert "locales/templates/second.pot: out of date" in capsys.readouterr().out


def test_template_of_a_deleted_article_is_removed_and_its_catalogue_kept(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project) == 0
    po = project / "locales/ko/LC_MESSAGES/second.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Language: ko\\n"\n\nmsgid "Text."\nmsgstr "본문."\n', encoding="utf-8")
    (project / "docs/second.md").unlink()
    capsys.readouterr()
    assert run(project, "--check") == 1
    assert "locales/templates/second.pot: stale, docs/second.md is gone or makes another template (run medloc extract)" in capsys.readouterr().out
    assert (project / "locales/templates/second.pot").is_file()
    assert run(project) == 0
    assert "locales/templates/second.pot: removed, docs/second.md is gone" in capsys.readouterr().out
    assert not (project / "locales/templates/second.pot").exists()
    assert "본문." in po.read_text(encoding="utf-8")
    assert run(project, "--check") == 0


def test_template_of_a_renamed_slug_is_replaced(project: Path) -> None:
    assert run(project) == 0
    (project / "docs/second.md").write_text("---\nslug: lumbar\n---\n\n# Second\n\nText.\n", encoding="utf-8")
    assert run(project) == 0
    assert sorted(p.name for p in (project / "locales/templates").glob("*.pot")) == ["back-pain.pot", "lumbar.pot"]


def test_templates_medloc_did_not_make_or_from_elsewhere_are_left_alone(project: Path, tmp_path: Path) -> None:
    templates = project / "locales/templates"
    templates.mkdir(parents=True)
    by_hand = templates / "glossary-terms.pot"
    by_hand.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "x"\nmsgstr ""\n', encoding="utf-8")
    drafts = project / "drafts"
    drafts.mkdir()
    (drafts / "draft.md").write_text("Draft text.\n", encoding="utf-8")
    assert run(project, "--docs", str(drafts), "--templates", str(templates)) == 0
    assert run(project) == 0  # draft.md still exists, outside docs/: its template is not stale
    assert by_hand.is_file() and (templates / "draft.pot").is_file()
    (project / "docs/second.md").unlink()
    assert run(project, "--docs", str(drafts), "--templates", str(templates)) == 0  # a partial run removes nothing
    assert (templates / "second.pot").is_file()


def test_docs_and_templates_options(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "page.md").write_text("Hello.\n", encoding="utf-8")
    out = tmp_path / "pots"
    assert run(project, "--docs", str(other), "--templates", str(out)) == 0
    catalog = read_po(out / "page.pot")
    assert [m.msgid for m in catalog.messages] == ["Hello."]
    assert catalog.messages[0].references[0].endswith("page.md:1")


def test_bad_sources_stop_the_run_before_anything_is_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "bad.md").write_text("Intro:\n- item\n\n1) First\n", encoding="utf-8")
    assert run(project) == 2
    err = capsys.readouterr().err
    assert "docs/bad.md:2: list starts right after a paragraph line" in err
    assert "docs/bad.md:4: ordered list marker ')'" in err
    assert not (project / "locales").exists()


def test_articles_in_subfolders_are_extracted_like_the_site_finds_them(project: Path) -> None:
    """Extraction reads the articles the site shows: subfolders too, hidden folders not."""
    from pipeline.config import load_config
    from pipeline.languages import get_language
    from pipeline.site_tree import discover_articles

    (project / "docs" / "guides").mkdir()
    (project / "docs" / "guides" / "walking.md").write_text("# Walking\n\nWalk every day.\n", encoding="utf-8")
    (project / "docs" / ".drafts").mkdir()
    (project / "docs" / ".drafts" / "unfinished.md").write_text("# Draft\n\nNot yet.\n", encoding="utf-8")
    assert run(project) == 0
    walking = read_po(project / "locales/templates/walking.pot")
    assert [(m.msgid, m.references) for m in walking.messages] == [
        ("Walking", ["docs/guides/walking.md:1"]),
        ("Walk every day.", ["docs/guides/walking.md:3"]),
    ]
    assert not (project / "locales/templates/unfinished.pot").exists()
    config = load_config(project)
    shown = discover_articles(config.docs_dir, root=project, default_lang=get_language("en"), language=config.language)
    templates = {p.stem for p in (project / "locales/templates").glob("*.pot")} - {"site"}
    assert {article.slug for article in shown} == templates


def test_same_slug_in_two_folders_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "guides").mkdir()
    (project / "docs" / "guides" / "second.md").write_text("# Also second\n", encoding="utf-8")
    assert run(project) == 2
    assert "slug 'second' is also used by" in capsys.readouterr().err


def test_duplicate_slugs_are_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "copy.md").write_text("---\nslug: back-pain\n---\n\nText.\n", encoding="utf-8")
    assert run(project) == 2
    assert "slug 'back-pain' is also used by docs/back-pain.md" in capsys.readouterr().err


def test_slug_that_cannot_name_a_file_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "evil.md").write_text("---\nslug: ../escape\n---\n\nText.\n", encoding="utf-8")
    assert run(project) == 2
    assert "docs/evil.md:2: slug '../escape' cannot name a template" in capsys.readouterr().err


def test_a_file_name_that_cannot_be_a_slug_asks_for_one(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """docs/척추.md or docs/first visit.md: the slug comes from the file name; the message says how to give one."""
    (project / "docs" / "first visit.md").write_text("# First visit\n", encoding="utf-8")
    assert run(project) == 2
    err = capsys.readouterr().err
    assert "docs/first visit.md:1: slug 'first visit' cannot name a template" in err
    assert "(it is the file name): give the article a front matter `slug: ascii-name`" in err
    (project / "docs" / "first visit.md").write_text("---\nslug: first-visit\n---\n\n# First visit\n", encoding="utf-8")
    assert run(project) == 0 and (project / "locales/templates/first-visit.pot").is_file()


def test_unknown_article_language_is_refused_with_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "odd.md").write_text("---\ntitle: T\nlang: kr\n---\n\nText.\n", encoding="utf-8")
    assert run(project) == 2
    assert "docs/odd.md:3: unknown language code 'kr'; did you mean 'ko'" in capsys.readouterr().err


def test_many_sources_are_extracted_by_worker_processes_with_the_same_result(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    for number in range(70):
        (project / "docs" / f"page-{number:02d}.md").write_text(f"# Page {number}\n\nShared text.\n", encoding="utf-8")
    config = load_config(project)
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    extract_project(config, templates_dir=serial, jobs=1)
    extract_project(config, templates_dir=parallel, jobs=2)
    names = sorted(p.name for p in serial.iterdir())
    assert len(names) == 72 and names == sorted(p.name for p in parallel.iterdir())
    for name in names:
        assert (serial / name).read_bytes() == (parallel / name).read_bytes()


def test_a_construct_whose_extension_the_site_lacks_is_reported(project: Path) -> None:
    """`???` without pymdownx.details, `*[..]:` without abbr: every language would show the lines
    as written. Enabled ones (admonition, footnotes here) are not reported."""
    (project / "mkdocs.yml").write_text(
        "site_name: Test\nmarkdown_extensions:\n  - admonition\n  - footnotes\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    (project / "docs" / "faq.md").write_text(
        "# FAQ\n\n!!! note\n    A note.\n\n??? question \"Does it hurt?\"\n    A little.\n\n"
        "An MRI[^1] shows it.\n\n[^1]: Magnetic resonance imaging.\n\n*[MRI]: Magnetic resonance imaging\n\n"
        "Disc\n:   The cushion between two vertebrae.\n",
        encoding="utf-8",
    )
    found = [str(d) for d in extract_project(load_config(project)).diagnostics if d.code == "site-extension-missing"]
    assert [line.split(": ", 1)[0] for line in found] == ["docs/faq.md:6", "docs/faq.md:13", "docs/faq.md:15"]
    assert "'pymdownx.details'" in found[0] and "'abbr'" in found[1] and "'def_list'" in found[2]
    # With the extensions enabled (abbr through Python-Markdown's `extra`), nothing is reported.
    (project / "mkdocs.yml").write_text(
        "site_name: Test\nmarkdown_extensions:\n  - admonition\n  - extra\n  - pymdownx.details\n", encoding="utf-8"
    )
    assert not [d for d in extract_project(load_config(project)).diagnostics if d.code == "site-extension-missing"]
