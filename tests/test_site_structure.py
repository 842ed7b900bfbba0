"""medloc build on a site shaped like real MkDocs sites, not only flat articles.

One small project (English + Korean) has what MkDocs sites usually have: images and
a PDF next to the articles, a home page of its own, articles in a subfolder, a
non-ASCII file name, its own ``nav`` with sections and a link, ``extra_css``, a
``theme.custom_dir`` of its own, a pymdownx.snippets include, ``exclude_docs``,
and a ``docs_dir`` not named docs. One module-scoped build backs the HTML checks;
the rest render trees only (no MkDocs).
"""

from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from pipeline.config import load_config
from pipeline.site import build_site, plan_build, render_language, status_rows
from pipeline.site_config import read_top_verbatim
from tests.site_project import REPO

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

ARTICLES = {
    "index.md": '---\ntitle: "Welcome to our hospital"\n---\n\n# Welcome\n\nOur own home page.\n\n![Spine](img/spine.png)\n',
    "spine/sciatica.md": (
        '---\ntitle: "Sciatica"\ntags:\n  - Leg pain\n  - Spine\n---\n\n## What sciatica is\n\nPain in the leg.\n\n![The spine](../img/spine.png)\n\n'
        "Sign the [consent form](../files/consent.pdf).\n\nSee [the causes](stenosis.md#causes).\n"
    ),
    "spine/stenosis.md": '---\ntitle: "Spinal stenosis"\n---\n\n## Causes\n\nAge.\n\n--8<-- "snippets/note.md"\n',
    "snippets/note.md": "Included note text.\n",
    "척추.md": '---\ntitle: "척추"\nlang: ko\nslug: cheokchu\n---\n\n## 척추 구조\n\n[좌골신경통](spine/sciatica.md#what-sciatica-is)\n',
}

KO_SCIATICA = {"Sciatica": "좌골신경통", "What sciatica is": "좌골신경통이란", "Welcome to our hospital": "환영합니다",
               "Leg pain": "다리 통증"}

NAV = [
    {"Home": "index.md"},
    {"Spine": ["spine/stenosis.md", {"Sciatica": "spine/sciatica.md"}]},
    "척추.md",
    {"Hospital website": "https://example.org/"},
]


MKDOCS_YML = """\
site_name: Hospital
docs_dir: content
theme:
  name: material
  language: en
  font: false
  custom_dir: overrides
extra_css:
  - css/extra.css
copyright: Copyright 2026 Hospital
plugins:
  - search:
      separator: '[\\s\\-\\.]+'
  - tags
markdown_extensions:
  - attr_list
  - pymdownx.snippets:
      base_path: [CONTENT]
  - toc:
      permalink: true
      slugify: !!python/name:markdown.extensions.toc.slugify_unicode
exclude_docs: |
  snippets/
validation:
  links:
    anchors: warn
"""


def write_po(path: Path, entries: dict[str, str]) -> None:
    body = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ko\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n']
    body += [f'msgid "{msgid}"\nmsgstr "{msgstr}"\n' for msgid, msgstr in entries.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(body), encoding="utf-8")


def make_structured(dest: Path, *, nav: bool = True) -> Path:
    content = dest / "content"
    for rel, text in ARTICLES.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    (content / "img").mkdir()
    (content / "img" / "spine.png").write_bytes(PNG)
    (content / "files").mkdir()
    (content / "files" / "consent.pdf").write_bytes(b"%PDF-1.4\n%test\n")
    (content / "css").mkdir()
    (content / "css" / "extra.css").write_text(".hospital { color: #123; }\n", encoding="utf-8")
    (dest / "overrides").mkdir()
    (dest / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}HOSPITAL-ANNOUNCEMENT{% endblock %}\n', encoding="utf-8"
    )
    (dest / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\ndocs_dir = "content"\n', encoding="utf-8"
    )
    shutil.copy(REPO / "locales" / "ko" / "LC_MESSAGES" / "site.po", dest / "site.po")
    nav_yaml = yaml.safe_dump({"nav": NAV}, allow_unicode=True, sort_keys=False) if nav else ""
    text = MKDOCS_YML.replace("CONTENT", str(content)) + nav_yaml
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    write_po(dest / "locales" / "ko" / "LC_MESSAGES" / "sciatica.po", KO_SCIATICA)
    write_po(dest / "locales" / "ko" / "LC_MESSAGES" / "index.po", KO_SCIATICA)
    # The site texts of the repository, plus a translation of one section title of the nav.
    site_po = (dest / "site.po").read_text(encoding="utf-8") + '\nmsgid "Spine"\nmsgstr "척추 질환"\n'
    (dest / "locales" / "ko" / "LC_MESSAGES" / "site.po").write_text(site_po, encoding="utf-8")
    (dest / "site.po").unlink()
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    project = make_structured(tmp_path_factory.mktemp("structure") / "project")
    result = build_site(load_config(project), strict=True, progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    return project, result


def page(project: Path, rel: str) -> str:
    return (project / "site" / rel).read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.find("<article") : html.rfind("</article>")]


# --------------------------------------------------------------------------- 1. files next to the articles


def test_images_and_files_are_in_every_language_linked_not_copied(built) -> None:
    project, _ = built
    for prefix in ("", "ko/"):
        assert (project / "site" / prefix / "img" / "spine.png").read_bytes() == PNG
        assert (project / "site" / prefix / "files" / "consent.pdf").is_file()
        assert (project / "site" / prefix / "css" / "extra.css").is_file()
        html = article(page(project, f"{prefix}spine/sciatica/index.html"))
        assert 'src="../../img/spine.png"' in html
        assert 'href="../../files/consent.pdf"' in html
    # The trees hold hard links to content/, not copies.
    source = (project / "content" / "img" / "spine.png").stat()
    for code in ("en", "ko"):
        linked = (project / "build" / "medloc" / code / "docs" / "img" / "spine.png").stat()
        assert (linked.st_ino, linked.st_dev) == (source.st_ino, source.st_dev)


def test_a_removed_asset_leaves_the_tree(tmp_path: Path) -> None:
    project = make_structured(tmp_path / "project")
    config = load_config(project)
    plan = plan_build(config)
    ko = config.language("ko")
    render_language(plan, ko, status_rows(plan))
    tree = project / "build" / "medloc" / "ko" / "docs"
    assert (tree / "files" / "consent.pdf").is_file()
    (project / "content" / "files" / "consent.pdf").unlink()
    plan = plan_build(config)
    render_language(plan, ko, status_rows(plan))
    assert not (tree / "files" / "consent.pdf").exists()
    assert (tree / "img" / "spine.png").is_file() and (tree / "index.md").is_file()


# --------------------------------------------------------------------------- 2. the site's own home page


def test_tags_are_translated_and_an_untranslated_tag_stays_in_english(built) -> None:
    """Material's tags plugin shows the front matter ``tags``: each is a segment of its own."""
    project, _ = built
    english = page(project, "spine/sciatica/index.html")
    korean = page(project, "ko/spine/sciatica/index.html")
    tags = re.compile(r'<nav class="md-tags"[^>]*>(.*?)</nav>', re.S)
    assert re.findall(r">\s*([^<>]*?)\s*<", tags.search(english).group(1)).count("Leg pain") == 1
    shown = tags.search(korean).group(1)
    assert "다리 통증" in shown and "Leg pain" not in shown
    assert "Spine" in shown  # no translation: the source's tag, as for any untranslated segment


def test_the_sites_own_home_page_is_translated_in_every_language(built) -> None:
    project, _ = built
    assert ">Welcome<" in article(page(project, "index.html")) or "Welcome" in article(page(project, "index.html"))
    ko = page(project, "ko/index.html")
    assert "<title>환영합니다" in ko
    assert "medloc-languages" not in ko  # not medloc's generated home
    assert 'src="img/spine.png"' in article(ko)


# --------------------------------------------------------------------------- 3. folders, anchors, names


def test_relative_links_and_anchors_follow_each_language(built) -> None:
    project, _ = built
    ko_original = article(page(project, "ko/%EC%B2%99%EC%B6%94/index.html".replace("%EC%B2%99%EC%B6%94", "척추")))
    assert 'href="../spine/sciatica/#좌골신경통이란"' in ko_original
    assert 'id="좌골신경통이란"' in page(project, "ko/spine/sciatica/index.html")
    assert 'href="../stenosis/#causes"' in article(page(project, "ko/spine/sciatica/index.html"))


# --------------------------------------------------------------------------- 4. the project's own nav


def test_the_projects_nav_is_kept_and_translated(built) -> None:
    project, _ = built
    # Read as MkDocs does, tags kept: the ko config copies markdown_extensions (a python tag) for its snippets.
    configs = {code: read_top_verbatim(project / "build" / "medloc" / code / "mkdocs.yml") for code in ("en", "ko")}
    assert configs["en"]["nav"] == NAV  # the English site is what plain `mkdocs build` makes
    assert configs["ko"]["nav"] == [
        "index.md",  # an untranslated page title: the page's own title in Korean
        {"척추 질환": ["spine/stenosis.md", "spine/sciatica.md"]},  # translated in site.po
        "척추.md",
        {"Hospital website": "https://example.org/"},  # untranslated link title: as written
    ]
    ko_home = page(project, "ko/index.html")
    assert "척추 질환" in ko_home and "https://example.org/" in ko_home and "좌골신경통" in ko_home


def test_without_a_nav_excluded_files_are_no_pages(tmp_path: Path) -> None:
    project = make_structured(tmp_path / "project", nav=False)
    config = load_config(project)
    plan = plan_build(config)
    assert "snippets/note.md" not in [a.rel for a in plan.articles]
    tree = render_language(plan, config.language("ko"), status_rows(plan))
    nav = read_top_verbatim(tree.config_file)["nav"]
    assert "snippets/note.md" not in nav and "spine/sciatica.md" in nav


# --------------------------------------------------------------------------- 5. theme, extras, extensions


def test_the_projects_theme_and_extras_are_kept_with_medlocs(built) -> None:
    project, _ = built
    for prefix in ("", "ko/"):
        html = page(project, f"{prefix}spine/sciatica/index.html")
        assert "HOSPITAL-ANNOUNCEMENT" in html  # theme.custom_dir of mkdocs.yml
        assert "medloc.css" in html and "medloc-disclaimer" in html  # medloc's theme still applies
        assert "css/extra.css" in html and "Copyright 2026 Hospital" in html
    for prefix in ("", "ko/"):
        index = (project / "site" / prefix / "search" / "search_index.json").read_text(encoding="utf-8")
        assert re.search(r'"separator":\s*"\[\\\\s\\\\-\\\\.\]\+"', index), index[:200]


def test_a_snippet_in_an_excluded_folder_is_included_and_translated(built) -> None:
    """The snippet is no page (exclude_docs) but is translated: with no Korean catalogue for it yet,
    the Korean page shows it marked as English (tests/test_site_snippets.py has the translated case)."""
    project, result = built
    english = article(page(project, "spine/stenosis/index.html"))
    korean = article(page(project, "ko/spine/stenosis/index.html"))
    assert "<p>Included note text.</p>" in english
    assert '<span lang="en" dir="ltr" class="medloc-fallback">Included note text.</span>' in korean
    assert "8&lt;" not in english + korean
    assert not (project / "site" / "snippets").exists() and not (project / "site" / "ko" / "snippets").exists()
    assert [str(d) for d in result.diagnostics if d.code == "site-snippet"] == []


# --------------------------------------------------------------------------- 6. folders


def test_a_site_dir_that_differs_from_medlocs_is_reported(tmp_path: Path) -> None:
    project = make_structured(tmp_path / "project")
    top = project / "mkdocs.yml"
    top.write_text(top.read_text(encoding="utf-8") + "site_dir: public\n", encoding="utf-8")
    plan = plan_build(load_config(project))
    lines = len(top.read_text(encoding="utf-8").splitlines())
    found = [str(d) for d in plan.diagnostics if d.code == "site-folders"]
    assert len(found) == 1 and found[0].startswith(f"mkdocs.yml:{lines}:") and "'public'" in found[0]


# --------------------------------------------------------------------------- extraction of the same site


def test_extract_reads_the_pages_the_site_shows_and_the_nav_titles(tmp_path: Path) -> None:
    """`medloc extract` leaves out what mkdocs.yml's exclude_docs leaves out (a snippet is no article)
    and puts the titles of mkdocs.yml's own nav into site.pot, each with its line, so translators get them."""
    from pipeline.extract import extract_project
    from pipeline.pofile import read_po

    project = make_structured(tmp_path / "project")
    result = extract_project(load_config(project))
    templates = project / "locales" / "templates"
    names = ["cheokchu.pot", "index.pot", "sciatica.pot", "site.pot", "snippet-content-snippets-note.pot", "stenosis.pot"]
    assert sorted(p.name for p in templates.glob("*.pot")) == names  # the snippet has a template of its own
    assert not any(u.template.name == "note.pot" for u in result.updates)
    site = {m.msgid: m for m in read_po(templates / "site.pot").messages}
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    for title in ("Home", "Spine", "Sciatica", "Hospital website"):
        (reference,) = site[title].references
        path, line = reference.rsplit(":", 1)
        assert path == "mkdocs.yml" and title in lines[int(line) - 1], reference
        assert "Navigation title from the nav of mkdocs.yml." in site[title].extracted_comments
    assert extract_project(load_config(project), check=True).out_of_date == []


def test_a_file_removed_from_the_projects_theme_stops_applying(tmp_path: Path) -> None:
    project = make_structured(tmp_path / "project")
    partial = project / "overrides" / "partials" / "hospital-banner.html"
    partial.parent.mkdir()
    partial.write_text("<p>BANNER</p>\n", encoding="utf-8")
    theme = plan_build(load_config(project)).theme_dir
    assert (theme / "partials" / "hospital-banner.html").is_file() and (theme / "medloc-user" / "main.html").is_file()
    partial.unlink()
    (project / "overrides" / "main.html").unlink()
    theme = plan_build(load_config(project)).theme_dir
    assert not (theme / "partials" / "hospital-banner.html").exists() and not (theme / "medloc-user").exists()
    assert '{% extends "base.html" %}' in (theme / "main.html").read_text(encoding="utf-8")
    assert (theme / "partials" / "medloc" / "notice.html").is_file()  # medloc's own files stay


# --------------------------------------------------------------------------- exclude_docs without pathspec

_PARTS = st.sampled_from(["a", "b.md", ".git", ".draft.md", "templates", "template", "templates.md", "x.templates",
                          "..md", "docs", "índice.md", "척추.md", "_hidden", " .md"])


@given(st.lists(_PARTS, min_size=1, max_size=4))
def test_the_default_exclusions_agree_with_mkdocs_pathspec(parts: list[str]) -> None:
    """Without `exclude_docs` medloc decides MkDocs' default exclusions itself (pathspec costs 50 ms to
    import); its answer is pathspec's for the same gitignore lines, which is what MkDocs applies."""
    import pathspec

    from pipeline.site_config import excluded_by_default, excluded_docs

    rel = "/".join(parts)
    mkdocs_default = pathspec.GitIgnoreSpec.from_lines([".*", "/templates/"]).match_file
    assert excluded_by_default(rel) == mkdocs_default(rel), rel
    assert excluded_docs({}) is excluded_by_default and excluded_docs({"exclude_docs": "\n  \n"}) is excluded_by_default
    with_drafts = excluded_docs({"exclude_docs": "drafts/\n"})
    assert with_drafts("drafts/x.md") and with_drafts(f"drafts/{rel}") and with_drafts(rel) == mkdocs_default(rel)


def test_mkdocs_default_exclusions_are_still_these_lines() -> None:
    """If MkDocs changes its default `exclude_docs`, medloc's own reading of it must change too."""
    from mkdocs.structure import files

    spec = files._default_exclude
    assert [str(p.pattern) for p in spec.patterns] == [".*", "/templates/"]
