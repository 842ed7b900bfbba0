"""pymdownx.snippets includes are translated (pipeline/snippets.py).

A small English + Korean hospital site: every page includes a contact block
(``--8<-- "includes/contact.md"``) and gets an abbreviation glossary appended
(``auto_append: [includes/abbreviations.md]``, Material's documented pattern).
mkdocs.yml's ``base_path`` is relative (``.``): the project root. One strict
build (module scope) backs the HTML checks; the rest extract or render trees only.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.errors import PipelineError
from pipeline.extract import extract_project
from pipeline.pofile import read_po
from pipeline.site import build_site, plan_build, render_language, status_rows
from pipeline.site_config import Tagged, read_top_verbatim
from pipeline.snippets import Include, scan_includes, snippet_settings, snippet_slug
from tests.site_project import REPO

ARTICLE = """\
---
title: "Back pain"
---

# Back pain

An MRI shows the discs.

--8<-- "includes/contact.md"

Opening hours:

--8<-- "includes/hours.md:1:1"

```text
--8<-- "includes/code.txt"
```
"""

FILES = {
    "docs/back-pain.md": ARTICLE,
    "includes/contact.md": "## Contact us\n\nCall the spine centre on 02-123-4567.\n\nOur nurses answer every weekday.\n",
    "includes/hours.md": "Open from 9 to 17.\n\nClosed on Sundays.\n",
    "includes/abbreviations.md": "*[MRI]: Magnetic resonance imaging\n",
    "includes/code.txt": "medloc build --strict\n",
}

MKDOCS_YML = """\
site_name: Hospital
theme:
  name: material
  font: false
markdown_extensions:
  - abbr
  - attr_list
  - pymdownx.snippets:
      base_path: ["."]
      auto_append:
        - includes/abbreviations.md
      check_paths: true
  - toc:
      permalink: true
      slugify: !!python/name:markdown.extensions.toc.slugify_unicode
"""

KO = {
    "back-pain": {"Back pain": "허리 통증", "An MRI shows the discs.": "MRI로 디스크를 봅니다.", "Opening hours:": "진료 시간:"},
    "snippet-includes-contact": {"Contact us": "연락처", "Call the spine centre on 02-123-4567.": "척추 센터 02-123-4567로 전화하십시오."},
    "snippet-includes-abbreviations": {"Magnetic resonance imaging": "자기공명영상"},
}
UNTRANSLATED = "Our nurses answer every weekday."


def write_po(path: Path, entries: dict[str, str]) -> None:
    body = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ko\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n']
    body += [f'msgid "{msgid}"\nmsgstr "{msgstr}"\n' for msgid, msgstr in entries.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(body), encoding="utf-8")


def make_project(dest: Path) -> Path:
    for rel, text in FILES.items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(text, encoding="utf-8")
    (dest / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    (dest / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    site_po = dest / "locales" / "ko" / "LC_MESSAGES" / "site.po"
    site_po.parent.mkdir(parents=True)
    shutil.copy(REPO / "locales" / "ko" / "LC_MESSAGES" / "site.po", site_po)
    for slug, entries in KO.items():
        write_po(dest / "locales" / "ko" / "LC_MESSAGES" / f"{slug}.po", entries)
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("snippets") / "project")
    here = Path.cwd()
    os.chdir(project)  # MkDocs reads mkdocs.yml's relative base_path from where it runs: medloc runs in the project
    try:
        result = build_site(load_config(project), strict=True, progress=False)
    finally:
        os.chdir(here)
    assert not result.failed, [str(f) for f in result.failures]
    return project, result


def article(project: Path, rel: str) -> str:
    html = (project / "site" / rel).read_text(encoding="utf-8")
    return html[html.find("<article") : html.rfind("</article>")]


# --------------------------------------------------------------------------- the built site


def test_the_included_contact_block_is_in_the_readers_language(built) -> None:
    project, _ = built
    english = article(project, "back-pain/index.html")
    korean = article(project, "ko/back-pain/index.html")
    assert "Contact us" in english and "Call the spine centre on 02-123-4567." in english
    assert "연락처" in korean and "척추 센터 02-123-4567로 전화하십시오." in korean
    assert "Contact us" not in korean and "spine centre" not in korean
    assert "8&lt;" not in english + korean


def test_the_auto_appended_glossary_is_in_the_readers_language(built) -> None:
    project, _ = built
    assert '<abbr title="Magnetic resonance imaging">MRI</abbr>' in article(project, "back-pain/index.html")
    # A particle right after the abbreviation (no space, as Korean writes it) keeps the tooltip.
    assert '<abbr title="자기공명영상">MRI</abbr>로' in article(project, "ko/back-pain/index.html")


def test_an_untranslated_snippet_segment_is_marked_as_english(built) -> None:
    project, _ = built
    assert f'<span lang="en" dir="ltr" class="medloc-fallback">{UNTRANSLATED}</span>' in article(project, "ko/back-pain/index.html")
    assert f"<p>{UNTRANSLATED}</p>" in article(project, "back-pain/index.html")


def test_the_status_page_lists_snippet_files_by_path(built) -> None:
    """The team sees a snippet's progress like an article's; the per-language summary counts articles."""
    project, _ = built
    status = article(project, "ko/status/index.html")
    korean = status[status.find('lang="ko"') :]
    # The catalogue has the first two paragraphs; the third (UNTRANSLATED), shown in English, counts too.
    assert re.search(r'<th scope="row"><code>includes/contact\.md</code></th><td>2</td><td>0</td><td>1</td>', korean)
    assert '<th scope="row"><code>includes/abbreviations.md</code></th><td>1</td><td>0</td><td>0</td>' in korean
    # Its include of a line range of hours.md shows English in every language (reported as
    # site-snippet), so the article is not complete, as its page says.
    assert "0 of 1 article fully translated" in article(project, "status/index.html").replace("\n", " ")


def test_a_line_range_include_is_kept_and_reported(built) -> None:
    project, result = built
    for prefix in ("", "ko/"):
        html = article(project, f"{prefix}back-pain/index.html")
        assert "Open from 9 to 17." in html and "Closed on Sundays." not in html
        assert "medloc build --strict" in html  # an include inside code: pasted, never translated
    found = [str(d) for d in result.diagnostics if d.code == "site-snippet"]
    line = ARTICLE.splitlines().index('--8<-- "includes/hours.md:1:1"') + 1
    assert len(found) == 1 and found[0].startswith(f"docs/back-pain.md:{line}:"), found
    assert "line range" in found[0] and "not translated" in found[0]
    assert not list((project / "build" / "medloc" / "ko" / "snippets").rglob("hours.md"))


def test_the_korean_config_changes_only_the_snippet_base_path_and_abbr(built) -> None:
    project, _ = built
    top = read_top_verbatim(project / "mkdocs.yml")["markdown_extensions"]
    ko = read_top_verbatim(project / "build" / "medloc" / "ko" / "mkdocs.yml")["markdown_extensions"]
    options = ko[2]["pymdownx.snippets"]
    assert options["base_path"] == [str(project / "build" / "medloc" / "ko" / "snippets" / "0"), str(project)]
    assert {**options, "base_path": ["."]} == top[2]["pymdownx.snippets"]
    assert (top[0], ko[0]) == ("abbr", "pipeline.md_abbr")  # abbreviations followed by a particle
    assert ko[1] == top[1] and ko[3:] == top[3:]
    assert ko[3]["toc"]["slugify"] == Tagged("tag:yaml.org,2002:python/name:markdown.extensions.toc.slugify_unicode", "", "scalar")
    # The source language keeps mkdocs.yml's base paths, made absolute: a build run from
    # another folder (`medloc --project DIR build`) finds the files too.
    en = read_top_verbatim(project / "build" / "medloc" / "en" / "mkdocs.yml")["markdown_extensions"]
    assert en[2]["pymdownx.snippets"]["base_path"] == [str(project)]
    assert en[:2] == top[:2] and en[3:] == top[3:]


def test_a_build_run_from_another_folder_finds_the_snippets(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    here = Path.cwd()
    os.chdir(elsewhere)
    try:
        result = build_site(load_config(project), strict=True, progress=False)
    finally:
        os.chdir(here)
    assert not result.failed, [str(f) for f in result.failures]
    assert "Call the spine centre on 02-123-4567." in article(project, "back-pain/index.html")
    assert "척추 센터 02-123-4567로 전화하십시오." in article(project, "ko/back-pain/index.html")


def test_the_page_notice_counts_a_translated_include_as_translated(built) -> None:
    """The include line itself is no untranslated text when its file is translated."""
    _, result = built
    (ko,) = [tree for tree in result.trees if tree.lang.code == "ko"]
    (page,) = [p for p in ko.pages if p.rel == "back-pain.md"]
    assert page.untranslated == 1  # `--8<-- "includes/hours.md:1:1"`: shown in English
    # Title, heading, two paragraphs, and the contact include.
    assert (page.total, page.total - page.fallbacks) == (6, 5)


# --------------------------------------------------------------------------- render only (no MkDocs)


def test_a_missing_snippet_catalogue_shows_the_source_marked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "locales" / "ko" / "LC_MESSAGES" / "snippet-includes-contact.po").unlink()
    config = load_config(project)
    plan = plan_build(config)
    tree = render_language(plan, config.language("ko"), status_rows(plan))
    mirror = (project / "build" / "medloc" / "ko" / "snippets" / "0" / "includes" / "contact.md").read_text(encoding="utf-8")
    assert mirror == (
        '## <span lang="en" dir="ltr" class="medloc-fallback">Contact us</span>\n\n'
        '<span lang="en" dir="ltr" class="medloc-fallback">Call the spine centre on 02-123-4567.</span>\n\n'
        f'<span lang="en" dir="ltr" class="medloc-fallback">{UNTRANSLATED}</span>\n'
    )
    assert not [d for d in tree.diagnostics if d.severity == "error"]


def test_a_saved_snippet_catalogue_or_file_is_rendered_again(tmp_path: Path) -> None:
    """What `medloc serve` does on a save: plan and render again (the render cache must not hide the change)."""
    project = make_project(tmp_path / "project")
    config = load_config(project)
    ko = config.language("ko")
    mirror = project / "build" / "medloc" / "ko" / "snippets" / "0" / "includes" / "contact.md"
    plan = plan_build(config)
    render_language(plan, ko, status_rows(plan))
    assert UNTRANSLATED in mirror.read_text(encoding="utf-8") and "medloc-fallback" in mirror.read_text(encoding="utf-8")
    answered = {**KO["snippet-includes-contact"], UNTRANSLATED: "간호사가 평일마다 답합니다."}
    write_po(project / "locales" / "ko" / "LC_MESSAGES" / "snippet-includes-contact.po", answered)
    plan = plan_build(config)
    render_language(plan, ko, status_rows(plan))
    assert "간호사가 평일마다 답합니다." in mirror.read_text(encoding="utf-8") and "medloc-fallback" not in mirror.read_text(encoding="utf-8")
    (project / "includes" / "contact.md").write_text("## Contact us\n\nWrite to us.\n", encoding="utf-8")
    plan = plan_build(config)
    render_language(plan, ko, status_rows(plan))
    assert mirror.read_text(encoding="utf-8") == '## 연락처\n\n<span lang="en" dir="ltr" class="medloc-fallback">Write to us.</span>\n'


def test_a_snippet_no_page_includes_leaves_the_mirror(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = load_config(project)
    ko = config.language("ko")
    plan = plan_build(config)
    render_language(plan, ko, status_rows(plan))
    article_path = project / "docs" / "back-pain.md"
    article_path.write_text(ARTICLE.replace('--8<-- "includes/contact.md"\n', ""), encoding="utf-8")
    plan = plan_build(config)
    render_language(plan, ko, status_rows(plan))
    mirror = project / "build" / "medloc" / "ko" / "snippets" / "0" / "includes"
    assert sorted(p.name for p in mirror.iterdir()) == ["abbreviations.md"]


# --------------------------------------------------------------------------- extraction


def test_extract_writes_a_template_per_snippet_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    extract_project(load_config(project))
    templates = project / "locales" / "templates"
    assert sorted(p.name for p in templates.glob("snippet-*.pot")) == ["snippet-includes-abbreviations.pot", "snippet-includes-contact.pot"]
    contact = read_po(templates / "snippet-includes-contact.pot")
    assert [(m.msgid, m.references) for m in contact.messages] == [
        ("Contact us", ["includes/contact.md:1"]),
        ("Call the spine centre on 02-123-4567.", ["includes/contact.md:3"]),
        (UNTRANSLATED, ["includes/contact.md:5"]),
    ]
    assert all("included in several pages" in " ".join(m.extracted_comments) for m in contact.messages)
    assert contact.header_fields()["X-Source-Language"] == "en"
    # The include lines are kept as written in every language: nothing for a translator.
    page = read_po(templates / "back-pain.pot")
    assert [m.msgid for m in page.messages] == ["Back pain", "An MRI shows the discs.", "Opening hours:"]
    glossary = read_po(templates / "snippet-includes-abbreviations.pot")
    assert [(m.msgid, m.references, m.extracted_comments[0]) for m in glossary.messages] == [
        ("Magnetic resonance imaging", ["includes/abbreviations.md:1"], "abbreviation MRI")
    ]
    assert extract_project(load_config(project), check=True).out_of_date == []


def test_extract_check_reports_a_stale_snippet_template(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = load_config(project)
    extract_project(config)
    (project / "includes" / "contact.md").write_text("## Contact us\n\nWrite to us.\n", encoding="utf-8")
    result = extract_project(config, check=True)
    assert [u.template.name for u in result.out_of_date] == ["snippet-includes-contact.pot"]
    assert "out of date" in result.report_lines()[0]
    # No page includes it any more: its template goes (its catalogues stay).
    (project / "docs" / "back-pain.md").write_text(ARTICLE.replace('--8<-- "includes/contact.md"\n', ""), encoding="utf-8")
    result = extract_project(config)
    assert [(u.template.name, u.status) for u in result.out_of_date if u.template.name.startswith("snippet-")] == [
        ("snippet-includes-contact.pot", "removed")
    ]
    assert not (project / "locales" / "templates" / "snippet-includes-contact.pot").exists()
    assert (project / "locales" / "ko" / "LC_MESSAGES" / "snippet-includes-contact.po").is_file()


def test_a_snippet_slug_an_article_already_has_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs" / "clash.md").write_text('---\nslug: snippet-includes-contact\n---\n\nText.\n', encoding="utf-8")
    with pytest.raises(PipelineError, match="snippet-includes-contact"):
        extract_project(load_config(project))
    with pytest.raises(PipelineError, match="snippet-includes-contact"):
        plan_build(load_config(project))


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("reference", "slug"),
    [("includes/contact.md", "snippet-includes-contact"), ("content/snippets/note.md", "snippet-content-snippets-note"),
     ("공지/연락처.md", "snippet-file"), ("includes/disclaimer v2.markdown", "snippet-includes-disclaimer-v2")],
)
def test_snippet_slugs_name_files(reference: str, slug: str) -> None:
    assert snippet_slug(reference) == slug


def test_includes_are_found_as_pymdownx_reads_them() -> None:
    text = (
        '--8<-- "a.md"\n'
        ";--8<-- \"escaped.md\"\n"
        "```\n--8<-- 'in-code.md'\n```\n"
        "-8<-\nb.md\n;commented.md\n\nc.md:2:3\n-8<-\n"
        "    --8<-- 'indented.md'\n"
        'text --8<-- "not-at-start.md"\n'
    )
    assert scan_includes(text) == [Include(1, "a.md"), Include(7, "b.md"), Include(10, "c.md:2:3"), Include(12, "indented.md")]
    assert [i.kind for i in (Include(1, "a.md"), Include(1, "a.md:2:3"), Include(1, "a.md:intro"), Include(1, "https://x.org/a.md"))] == [
        "file", "partial", "partial", "url",
    ]


def test_base_path_is_read_from_the_project_root(tmp_path: Path) -> None:
    one = snippet_settings({"markdown_extensions": [{"pymdownx.snippets": {"base_path": "includes"}}]}, root=tmp_path)
    assert one is not None and one.bases == (tmp_path / "includes",) and one.restrict
    default = snippet_settings({"markdown_extensions": ["pymdownx.snippets"]}, root=tmp_path)
    assert default is not None and default.bases == (tmp_path,) and default.auto_append == ()
    assert snippet_settings({"markdown_extensions": ["abbr"]}, root=tmp_path) is None


def test_what_cannot_be_translated_is_reported_and_nested_includes_are_found(tmp_path: Path) -> None:
    from pipeline.snippets import SnippetSettings, find_snippets

    files = {"outer.md": 'Outer.\n\n--8<-- "inner.md"\n', "inner.md": "Inner.\n", "lines.md": "One.\n\nTwo.\n", "page.html": "<b>x</b>\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    includes = scan_includes(
        '--8<-- "outer.md"\n\n--8<-- "lines.md"\n\n--8<-- "lines.md:1:1"\n\n--8<-- "page.html"\n\n'
        '--8<-- "missing.md"\n\n--8<-- "https://example.org/a.md"\n\n--8<-- "../escape.md"\n'
    )
    found = find_snippets(SnippetSettings((tmp_path,)), [("docs/a.md", includes)], relative=lambda p: p.relative_to(tmp_path).as_posix())
    assert [(f.reference, f.slug, f.mirror) for f in found.files] == [
        ("outer.md", "snippet-outer", "snippets/0/outer.md"), ("inner.md", "snippet-inner", "snippets/0/inner.md")
    ]
    assert found.translated == {"outer.md", "inner.md"}  # lines.md is also included by line range: not translated at all
    shown = [(d.location.line, d.message) for d in found.diagnostics]
    assert [line for line, _ in shown] == [5, 7, 9, 11, 13, 5]
    assert "lines.md is also included whole elsewhere" in shown[-1][1]
    assert "not Markdown" in shown[1][1] and "not found" in shown[2][1] and "URL" in shown[3][1]


def test_serve_watches_snippet_files_outside_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`medloc serve` re-renders when includes/contact.md is saved, not only docs/ and locales/."""
    import mkdocs.commands.serve

    import pipeline.site_serve as site_serve

    project = make_project(tmp_path / "project")
    watched: list[Path] = []

    class Recorder:
        def __init__(self, paths, **_options) -> None:  # type: ignore[no-untyped-def]
            watched.extend(paths)

        def start(self) -> None:
            return None

        def stop(self) -> None:
            return None

    monkeypatch.setattr(site_serve, "Watcher", Recorder)
    monkeypatch.setattr(site_serve, "cache_templates", lambda folder: None)
    monkeypatch.setattr(mkdocs.commands.serve, "serve", lambda **options: None)
    site_serve.serve_site(load_config(project), lang="ko")
    assert project / "includes" / "contact.md" in watched
    assert project / "includes" / "abbreviations.md" in watched
    assert project not in watched and project / "includes" not in watched  # never a whole base folder
