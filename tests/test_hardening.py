"""Hardening (issue 8): bad input is refused clearly and changes nothing; paths stay inside.

The bad-input corpus lives in ``tests/bad_inputs/<kind>/<case>.<ext>``, each case
next to ``<case>.<ext>.expect``: the exact stderr lines, with ``{path}`` standing
for the path of the case file as the command was given it. Adding a case means
adding two files, no code. Every case is run through the real CLI
(:func:`pipeline.cli.main`) inside a small temporary project, and must

* exit non-zero (2: unusable input),
* print exactly the expected ``path:line: what is wrong`` lines and no traceback,
* leave every file of the project byte-identical.

A message has no line only where no line exists: a whole file that is binary,
empty, too large, or a folder that does not exist.

Kinds and the command each runs (``KINDS`` below):

* ``po``: ``medloc translate --po`` (finished module), ``medloc check`` and
  ``medloc merge`` (each is a separate test id). The 41 cases of
  ``tests/pofile/bad`` are run the same way (parser-level expectations reused).
* ``glossary``: ``medloc glossary --glossary`` and ``medloc check --glossary``.
* ``markdown``: the case is one more article in ``docs/``; ``medloc extract``.
* ``raw``: ``medloc import CASE --out docs``.
* ``manifest``: ``medloc import sources/raw.txt --manifest CASE --out docs``.
* ``config``: the case is the project's ``pyproject.toml``; ``medloc extract``.

Decision on missing folders: a configured folder that medloc must read
(``docs_dir`` for ``extract``) and that does not exist is an error naming the
folder; folders medloc writes (templates, locales, build, site) are created.

Cases named ``huge.*`` are padded by the test to one byte over the limit of the
reader (:data:`pipeline.extract.MAX_SOURCE_BYTES`, :data:`pipeline.importer.MAX_RAW_BYTES`)
instead of storing megabytes in the repository.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.laws import examples

HERE = Path(__file__).parent
BAD = HERE / "bad_inputs"
POFILE_BAD = HERE / "pofile" / "bad"

PYPROJECT = '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n'
ARTICLE = '---\ntitle: "Back pain"\n---\n\n# Back pain\n\nRest helps.\n'
RAW = "Back Pain\n\nRest helps for a few days.\n"
TEMPLATE = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"X-Source-Language: en\\n"\n\n'
    '#: docs/back-pain.md:5\nmsgid "Back pain"\nmsgstr ""\n\n#: docs/back-pain.md:7\nmsgid "Rest helps."\nmsgstr ""\n'
)


def make_project(root: Path) -> None:
    """A small valid project: one article, its template, one raw article."""
    files = {
        "pyproject.toml": PYPROJECT,
        "docs/back-pain.md": ARTICLE,
        "locales/templates/back-pain.pot": TEMPLATE,
        "sources/raw.txt": RAW,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def tree_digest(root: Path) -> dict[str, str]:
    """Every file (and symlink target) under ``root`` -> SHA-256 of its bytes."""
    digest: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            digest[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            digest[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            digest[rel] = "dir"
    return digest


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Run:
    argv: list[str]
    shown: str
    """How the case file appears in messages (replaces ``{path}``)."""


Placer = Callable[[Path, Path], list[Run]]


def _copy(case: Path, project: Path, rel: str) -> str:
    target = project / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, target)
    _pad_if_huge(case, target)
    return rel


def _pad_if_huge(case: Path, target: Path) -> None:
    if not case.name.startswith("huge."):
        return
    from pipeline.extract import MAX_SOURCE_BYTES
    from pipeline.importer import MAX_RAW_BYTES

    limit = MAX_RAW_BYTES if case.suffix == ".txt" else MAX_SOURCE_BYTES
    data = target.read_bytes()
    line = b"Rest helps and walking helps too.\n"
    filler = line * ((limit + 1 - len(data)) // len(line) + 1)
    target.write_bytes((data + filler)[: limit + 1])


def place_po(case: Path, project: Path) -> list[Run]:
    rel = _copy(case, project, f"cases/{case.name}")
    return [
        Run(["translate", "docs/back-pain.md", "--po", rel], rel),
        Run(["check", rel], rel),
        Run(["merge", rel, "locales/templates/back-pain.pot", "-o", "out.po"], rel),
    ]


def place_glossary(case: Path, project: Path) -> list[Run]:
    rel = _copy(case, project, f"cases/{case.name}")
    return [Run(["glossary", "--glossary", rel], rel), Run(["check", "--glossary", rel], rel)]


def place_markdown(case: Path, project: Path) -> list[Run]:
    rel = _copy(case, project, f"docs/{case.name}")
    return [Run(["extract"], rel)]


def place_raw(case: Path, project: Path) -> list[Run]:
    rel = _copy(case, project, f"sources/{case.name}")
    return [Run(["import", rel, "--out", "docs"], rel)]


def place_manifest(case: Path, project: Path) -> list[Run]:
    rel = _copy(case, project, f"sources/{case.name}")
    return [Run(["import", "sources/raw.txt", "--manifest", rel, "--out", "docs"], rel)]


def place_config(case: Path, project: Path) -> list[Run]:
    _copy(case, project, "pyproject.toml")
    return [Run(["extract"], "pyproject.toml")]


KINDS: dict[str, Placer] = {
    "po": place_po,
    "glossary": place_glossary,
    "markdown": place_markdown,
    "raw": place_raw,
    "manifest": place_manifest,
    "config": place_config,
}
COMMAND_NAMES = {"po": ["translate", "check", "merge"], "glossary": ["glossary", "check"]}


@dataclass(frozen=True)
class Case:
    kind: str
    path: Path
    expected: list[str]
    """Expected stderr lines with ``{path}`` unsubstituted."""


def corpus() -> list[Case]:
    cases = []
    for expect in sorted(BAD.glob("*/*.expect")):
        case = expect.with_suffix("")
        cases.append(Case(expect.parent.name, case, expect.read_text(encoding="utf-8").splitlines()))
    for expect in sorted(POFILE_BAD.glob("*.expect-error")):
        case = expect.with_suffix("")
        lines = expect.read_text(encoding="utf-8").splitlines()
        cases.append(Case("po", case, [line.replace(f"bad/{case.name}", "{path}") for line in lines]))
    return cases


def corpus_runs() -> list[pytest.param]:
    params = []
    for case in corpus():
        for index, command in enumerate(COMMAND_NAMES.get(case.kind, ["cli"])):
            source = "pofile-bad" if case.path.parent == POFILE_BAD else case.kind
            params.append(pytest.param(case, index, id=f"{source}/{case.path.name}-{command}"))
    return params


def run_cli(project: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        code = main(["--project", ".", *argv])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    finally:
        os.chdir(cwd)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_corpus_is_large_and_covers_every_kind() -> None:
    own = [case for case in corpus() if case.path.parent.parent == BAD]
    assert len(own) >= 40
    assert {case.kind for case in own} == set(KINDS)
    for case in BAD.glob("*/*"):
        if case.suffix != ".expect":
            assert case.with_name(case.name + ".expect").is_file(), f"{case} has no .expect"


@pytest.mark.parametrize(("case", "index"), corpus_runs())
def test_bad_input_is_refused_clearly_and_changes_nothing(
    case: Case, index: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(tmp_path)
    run = KINDS[case.kind](case.path, tmp_path)[index]
    before = tree_digest(tmp_path)
    code, out, err = run_cli(tmp_path, run.argv, capsys)
    assert "Traceback" not in out + err
    assert err.splitlines() == [line.replace("{path}", run.shown) for line in case.expected]
    assert code == 2
    assert tree_digest(tmp_path) == before


# --------------------------------------------------------------------------- YAML is data, never code


PYTHON_TAG = '!!python/object/apply:os.system ["touch {marker}"]'


@pytest.mark.parametrize("kind", ["glossary", "front-matter", "manifest"])
def test_yaml_python_tags_never_execute(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    project.mkdir()
    make_project(project)
    marker = tmp_path / "pwned"
    tag = PYTHON_TAG.format(marker=marker)
    files = {
        "glossary": ("cases/glossary.yaml", f"version: 1\nsource_language: en\nterms:\n  - id: disc\n    source: {tag}\n",
                     ["glossary", "--glossary", "cases/glossary.yaml"]),
        "front-matter": ("docs/evil.md", f"---\ntitle: {tag}\n---\n\nText.\n", ["extract"]),
        "manifest": ("sources/manifest.yaml", f"raw.txt:\n  title: {tag}\n",
                     ["import", "sources/raw.txt", "--manifest", "sources/manifest.yaml", "--out", "docs"]),
    }
    rel, text, argv = files[kind]
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_text(text, encoding="utf-8")
    before = tree_digest(project)
    code, out, err = run_cli(project, argv, capsys)
    assert not marker.exists(), "YAML executed code"
    assert code == 2
    assert err.startswith(f"{rel}:") and "Traceback" not in err
    assert tree_digest(project) == before


# --------------------------------------------------------------------------- paths stay inside


def test_extract_does_not_write_through_a_symlinked_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project, victim = tmp_path / "project", tmp_path / "victim.pot"
    project.mkdir()
    make_project(project)
    victim.write_text("outside\n", encoding="utf-8")
    template = project / "locales/templates/back-pain.pot"
    template.unlink()
    template.symlink_to(victim)
    code, _, err = run_cli(project, ["extract"], capsys)
    assert victim.read_text(encoding="utf-8") == "outside\n"
    assert code == 0, err
    assert not template.is_symlink()


def test_config_folder_symlinked_out_of_the_project_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    make_project(project)
    (project / "build").symlink_to(outside, target_is_directory=True)
    (project / "pyproject.toml").write_text(PYPROJECT + 'build_dir = "build/medloc"\n', encoding="utf-8")
    code, _, err = run_cli(project, ["extract"], capsys)
    assert code == 2
    assert err == "pyproject.toml:4: tool.medloc.build_dir: path 'build/medloc' resolves outside the project (symlink?)\n"


def test_update_refuses_a_catalogue_folder_symlinked_out_of_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    make_project(project)
    (project / "locales/ko").mkdir(parents=True)
    (project / "locales/ko/LC_MESSAGES").symlink_to(outside, target_is_directory=True)
    code, _, err = run_cli(project, ["update"], capsys)
    assert code == 2
    assert err == "locales/ko/LC_MESSAGES/back-pain.po: catalogue resolves outside the project (symlink?); not read or written\n"
    assert list(outside.iterdir()) == []


MINIMAL_MKDOCS = "site_name: Test\ndocs_dir: docs\ntheme:\n  name: material\n"


def test_build_refuses_a_hostile_slug_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    project.mkdir()
    make_project(project)
    (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS, encoding="utf-8")
    (tmp_path / "evil.po").write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    (project / "docs/evil.md").write_text('---\ntitle: "Evil"\nslug: ../../../../evil\n---\n\nText.\n', encoding="utf-8")
    code, _, err = run_cli(project, ["build", "-q", "-l", "ko"], capsys)
    assert code == 2
    assert err.startswith("docs/evil.md:3: ")
    assert "slug" in err and "Traceback" not in err


# --------------------------------------------------------------------------- concurrent updates


def _update_in_child(project: str) -> int:
    os.chdir(project)
    return main(["--project", ".", "update"])


def test_two_concurrent_updates_lose_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two ``medloc update`` processes at once: the lock serialises them; the result equals one run."""
    import multiprocessing

    make_project(tmp_path)
    alone = tmp_path.parent / (tmp_path.name + "-alone")
    shutil.copytree(tmp_path, alone)
    assert run_cli(alone, ["update"], capsys)[0] == 0
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        codes = pool.map(_update_in_child, [str(tmp_path), str(tmp_path)])
    assert codes == [0, 0]
    assert tree_digest(tmp_path) == tree_digest(alone)


# --------------------------------------------------------------------------- law: no translation is ever lost

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.pofile import read_po, write_po  # noqa: E402

SENTENCES = [
    "Rest helps for a few days.",
    "Rest helps for a few weeks.",
    "Walking every day helps the back heal.",
    "Walking every day helps the neck heal.",
    "See a doctor if the pain spreads to a leg.",
    "Most back pain gets better without surgery.",
]
operations = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 9), st.sampled_from(SENTENCES)),
        st.tuples(st.just("add"), st.sampled_from(SENTENCES)),
        st.tuples(st.just("remove"), st.integers(0, 9)),
        st.tuples(st.just("translate"), st.integers(0, 9)),
        st.tuples(st.just("update")),
    ),
    min_size=1,
    max_size=10,
)


class Workspace:
    """A project driven through extract + update, a source author and a translator."""

    def __init__(self, root: Path) -> None:
        from pipeline.config import load_config

        make_project(root)
        self.root = root
        self.paragraphs = ["Rest helps."]
        self.config = load_config(root)
        self.po = root / "locales/ko/LC_MESSAGES/back-pain.po"
        self.kept: Counter[str] = Counter()
        """Every msgstr the translator wrote and did not overwrite herself."""
        self.serial = 0

    def write_source(self) -> None:
        body = "\n\n".join(self.paragraphs)
        (self.root / "docs/back-pain.md").write_text(f'---\ntitle: "Back pain"\n---\n\n# Back pain\n\n{body}\n', encoding="utf-8")

    def update(self) -> None:
        from pipeline.catalogs import update_catalogs
        from pipeline.extract import extract_project

        self.write_source()
        extract_project(self.config, jobs=1)
        update_catalogs(self.config)

    def translate(self, index: int) -> None:
        if not self.po.exists():
            return
        catalog = read_po(self.po)
        active = [m for m in catalog.messages if not m.obsolete and m.msgid]
        if not active:
            return
        message = active[index % len(active)]
        if message.msgstr:
            self.kept[message.msgstr] -= 1
        self.serial += 1
        message.msgstr = f"번역 {self.serial}"
        message.flags = [f for f in message.flags if f != "fuzzy"]
        message.previous_msgid = None
        self.kept[message.msgstr] += 1
        write_po(catalog, self.po)

    def apply(self, op: tuple) -> None:
        kind = op[0]
        if kind == "edit" and self.paragraphs:
            self.paragraphs[op[1] % len(self.paragraphs)] = op[2]
        elif kind == "add":
            self.paragraphs.append(op[1])
        elif kind == "remove" and len(self.paragraphs) > 1:
            del self.paragraphs[op[1] % len(self.paragraphs)]
        elif kind == "translate":
            self.translate(op[1])
        elif kind == "update":
            self.update()
            self.check()

    def check(self) -> None:
        present = Counter(m.msgstr for m in read_po(self.po).messages if m.msgstr and m.msgid)
        lost = [text for text, count in self.kept.items() if count > 0 and present[text] == 0]
        assert not lost, f"translations lost: {lost}"
        before = tree_digest(self.root)
        self.update()
        assert tree_digest(self.root) == before, "a second update changed files"


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_no_translation_is_ever_lost_and_update_is_idempotent(ops: list[tuple]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder))
        workspace.update()
        for op in [*ops, ("update",)]:
            workspace.apply(op)
