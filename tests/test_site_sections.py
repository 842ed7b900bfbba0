"""Navigation sections (front matter ``section``): extracted into site.pot, merged into site.po, shown translated.

The chain a translator relies on: ``medloc extract`` writes each distinct
section into ``locales/templates/site.pot`` (with ``#:`` references to the
``section:`` lines), ``medloc update`` carries them into every language's
``site.po``, and a section translated there titles that group of the built nav.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.pofile import read_po, write_po
from pipeline.site_config import read_top_config
from pipeline.site_i18n import MESSAGES, SectionUse, section_message, site_template
from tests.site_project import make_project

# (file, title, section): three sections, one of them ("Articles") also a text of the site itself.
ARTICLES = [
    ("ankle-sprain.md", "Ankle sprain", "Joints"),
    ("knee-surgery.md", "Knee surgery", "Joints"),
    ("neck-pain.md", "Neck pain", "Spine"),
    ("reading-list.md", "Reading list", "Articles"),
]


def _project(tmp_path: Path, *, nav_limit: int | None = None) -> Path:
    project = make_project(tmp_path / "project")
    if nav_limit is not None:
        with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write(f"\n[tool.medloc.site]\nnav_limit = {nav_limit}\n")
    for name, title, section in ARTICLES:
        # `description` first, so the section key is on line 4, not right after the fence.
        text = f'---\ntitle: "{title}"\ndescription: "About {title.lower()}."\nsection: {section}\n---\n\n{title} is common.\n'
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return project


def _extract(project: Path, *args: str) -> int:
    return main(["--project", str(project), "extract", *args])


def _entry(catalog: object, msgid: str) -> object:
    [entry] = [m for m in catalog.messages if m.msgid == msgid]  # type: ignore[attr-defined]
    return entry


def test_extract_writes_each_section_into_site_pot_with_references(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _extract(project) == 0
    pot = read_po(project / "locales" / "templates" / "site.pot")
    note = section_message("Joints").note
    joints, spine = _entry(pot, "Joints"), _entry(pot, "Spine")
    assert joints.references == ["docs/ankle-sprain.md:4", "docs/knee-surgery.md:4"]  # type: ignore[attr-defined]
    assert joints.extracted_comments == [note] and spine.extracted_comments == [note]  # type: ignore[attr-defined]
    assert spine.references == ["docs/neck-pain.md:4"]  # type: ignore[attr-defined]
    for reference in [*joints.references, *spine.references]:  # type: ignore[attr-defined]
        path, line = reference.rsplit(":", 1)
        assert (project / path).read_text(encoding="utf-8").split("\n")[int(line) - 1].startswith("section:")
    # A section named like a site text is one entry (msgfmt refuses duplicates) with both comments.
    articles = _entry(pot, MESSAGES["home.articles"].msgid)
    assert articles.extracted_comments == [f"home.articles: {MESSAGES['home.articles'].note}", note]  # type: ignore[attr-defined]
    assert articles.references == ["docs/reading-list.md:4"]  # type: ignore[attr-defined]
    # Everything else is the site's own template: the site name from mkdocs.yml, then MESSAGES.
    site_name = str(read_top_config(project / "mkdocs.yml")["site_name"])
    assert [m.msgid for m in pot.messages][: len(MESSAGES) + 1] == [site_name, *(m.msgid for m in MESSAGES.values())]
    assert [m.msgid for m in pot.messages][len(MESSAGES) + 1 :] == ["Joints", "Spine"]


def test_site_pot_with_sections_is_what_msgcat_writes_and_passes_msgfmt(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _extract(project) == 0
    pot = project / "locales" / "templates" / "site.pot"
    catted = subprocess.run(["msgcat", str(pot)], capture_output=True, check=True)
    assert catted.stdout == pot.read_bytes()
    checked = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(pot)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_site_pot_keeps_its_date_and_check_reports_a_new_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    pot = project / "locales" / "templates" / "site.pot"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _extract(project) == 0
    first = pot.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert _extract(project) == 0 and _extract(project, "--check") == 0
    assert pot.read_bytes() == first  # nothing changed: the date stays too
    capsys.readouterr()
    article = project / "docs" / "neck-pain.md"
    article.write_text(article.read_text(encoding="utf-8").replace("section: Spine", "section: Neck and back"), encoding="utf-8")
    assert _extract(project, "--check") == 1
    assert "locales/templates/site.pot: out of date (run medloc extract)" in capsys.readouterr().out
    assert pot.read_bytes() == first  # --check writes nothing
    assert _extract(project) == 0
    catalog = read_po(pot)
    assert "Neck and back" in {m.msgid for m in catalog.messages} and "Spine" not in {m.msgid for m in catalog.messages}
    assert catalog.header_fields()["POT-Creation-Date"] == "2027-01-15 08:00+0000"


def test_project_without_mkdocs_yml_gets_no_site_template(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "mkdocs.yml").unlink()
    assert _extract(project) == 0
    assert not (project / "locales" / "templates" / "site.pot").exists()
    assert (project / "locales" / "templates" / "neck-pain.pot").is_file()


def test_site_template_without_sections_is_the_maintenance_commands() -> None:
    """The committed site.pot has no sections (no article here sets one): the two ways agree."""
    plain = site_template("Site", creation_date="2026-01-01 00:00+0000")
    same = site_template("Site", creation_date="2026-01-01 00:00+0000", sections=())
    with_one = site_template("Site", creation_date="2026-01-01 00:00+0000", sections=[SectionUse("Spine", ("docs/a.md:3",))])
    assert plain == same and len(with_one.messages) == len(plain.messages) + 1  # type: ignore[attr-defined]


def test_update_carries_sections_into_every_site_po_and_keeps_translations(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = load_config(project)
    paths = {lang.code: config.po_path(lang, "", domain="site") for lang in config.target_languages(config.source_language)}
    before = {code: read_po(path) for code, path in paths.items() if path.is_file()}
    assert before, "the fixture copies the repository's site.po files"
    assert _extract(project) == 0
    assert main(["--project", str(project), "update"]) == 0
    for code, old in before.items():
        updated = read_po(config.po_path(config.language(code), "", domain="site"))
        msgids = {m.msgid for m in updated.messages if not m.obsolete}
        assert {"Joints", "Spine"} <= msgids, code
        assert _entry(updated, "Joints").references == ["docs/ankle-sprain.md:4", "docs/knee-surgery.md:4"]  # type: ignore[attr-defined]
        kept = {m.msgid: m.msgstr for m in old.messages if m.translated and not m.msgid_plural}
        now = {m.msgid: m.msgstr for m in updated.messages if m.translated and not m.msgid_plural}
        assert kept.items() <= now.items(), code  # no translation a person wrote is dropped


def test_translated_section_titles_the_nav_group_in_that_language(tmp_path: Path) -> None:
    from pipeline.site import render_language
    from pipeline.site_plan import plan_build, status_rows

    project = _project(tmp_path, nav_limit=3)  # 7 articles: grouped
    assert _extract(project) == 0
    assert main(["--project", str(project), "update", "--lang", "ko"]) == 0
    site_po = project / "locales" / "ko" / "LC_MESSAGES" / "site.po"
    catalog = read_po(site_po)
    joints = _entry(catalog, "Joints")
    joints.msgstr, joints.fuzzy = "관절", False  # type: ignore[attr-defined]
    write_po(catalog, site_po)
    config = load_config(project)
    plan = plan_build(config, langs=["en", "ko"])
    rows = status_rows(plan)
    navs = {}
    for code in ("en", "ko"):
        render_language(plan, config.language(code), rows)
        navs[code] = read_top_config(project / "build" / "medloc" / code / "mkdocs.yml")["nav"]
    groups = {code: dict(next(iter(item.items())) for item in nav if isinstance(item, dict)) for code, nav in navs.items()}
    assert groups["en"]["Joints"] == ["ankle-sprain.md", "knee-surgery.md"]
    assert groups["ko"]["관절"] == ["ankle-sprain.md", "knee-surgery.md"]
    assert "Joints" not in groups["ko"]
    assert groups["ko"]["Spine"] == ["neck-pain.md"]  # untranslated: the English section title
    # The section named like a site text takes that text's existing Korean translation.
    articles_ko = _entry(catalog, MESSAGES["home.articles"].msgid).msgstr  # type: ignore[attr-defined]
    assert articles_ko and groups["ko"][articles_ko] == ["reading-list.md"]


def test_a_section_written_in_another_language_is_reported_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    text = '---\ntitle: "목 통증"\nlang: ko\nsection: 척추\n---\n\n목 통증은 흔합니다.\n'
    (project / "docs" / "neck-pain-ko.md").write_text(text, encoding="utf-8")
    assert _extract(project) == 0
    err = capsys.readouterr().err
    assert "docs/neck-pain-ko.md:4: warning: section '척추' of a ko article goes into site.pot, whose texts are en" in err
    assert "docs/ankle-sprain.md" not in err
