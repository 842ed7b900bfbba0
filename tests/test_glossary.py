"""The glossary: model, validation (bad files with exact messages), comment-preserving edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.errors import ConcurrentModificationError, ErrorList, GlossaryError, PipelineError
from pipeline.glossary import GlossaryDocument, Term, TermTranslation, load_glossary, parse_glossary, slugify
from tests.laws import examples

HERE = Path(__file__).parent
BAD = sorted((HERE / "glossary" / "bad").glob("*.yaml"))
GOOD = HERE / "glossary" / "good" / "commented.yaml"
PROJECT_GLOSSARY = HERE.parent / "locales" / "glossary.yaml"


def messages(error: PipelineError, path: Path) -> list[str]:
    """Each error as ``LINE[:COL]: message`` (the path prefix removed)."""
    errors = error.errors if isinstance(error, ErrorList) else [error]
    return [str(e).removeprefix(f"{path}:") for e in errors]


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_glossary_reports_every_problem_with_its_line(path: Path) -> None:
    expected = path.with_name(path.name + ".expect").read_text(encoding="utf-8").splitlines()
    with pytest.raises(PipelineError) as caught:
        load_glossary(path)
    assert messages(caught.value, path) == expected


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_glossary_cli_exits_2_and_changes_nothing(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    before = copy.read_bytes()
    assert main(["--project", str(tmp_path), "glossary", "--glossary", str(copy)]) == 2
    expected = path.with_name(path.name + ".expect").read_text(encoding="utf-8").splitlines()
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"{copy}:{line}" for line in expected]
    assert "Traceback" not in captured.err and captured.out == ""
    assert copy.read_bytes() == before


def test_model() -> None:
    glossary = load_glossary(HERE / "checks" / "glossary.yaml")
    assert glossary.source_language == "en"
    assert glossary.languages() == ["en", "ko", "ja", "zh_Hans", "ru", "ar"]
    disc = glossary.term("herniated-disc")
    assert disc is not None and disc.line == 6
    assert disc.source_forms == ("herniated disc", "disc herniation")
    ko = disc.translation("ko")
    assert ko == TermTranslation("ko", "추간판 탈출증", ("디스크 탈출증", "허리 디스크"), ("추간판 헤르니아",), None, 10)
    assert ko.allowed == ("추간판 탈출증", "디스크 탈출증", "허리 디스크")
    assert glossary.forms(disc, "en") == TermTranslation("en", "herniated disc", ("disc herniation",), (), None, 6)
    nerve_root = glossary.term("nerve-root")
    assert nerve_root is not None and nerve_root.translation("ko").spacing_matters  # type: ignore[union-attr]
    assert not ko.spacing_matters
    gmp = glossary.term("gmp")
    assert gmp is not None and gmp.keep and gmp.case_sensitive and gmp.translations == ()


def test_the_project_glossary_is_valid() -> None:
    glossary = load_glossary(PROJECT_GLOSSARY)
    assert len(glossary.terms) >= 150
    assert set(glossary.languages()) >= {"en", "ko", "ja", "zh_Hans", "ru", "ar"}


def test_cli_lint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(HERE / "checks"), "glossary", "--glossary", str(HERE / "checks" / "glossary.yaml")]) == 0
    assert capsys.readouterr().out.endswith(": 10 terms, languages: en, ko, ja, zh_Hans, ru, ar\n")


def test_slugify() -> None:
    assert slugify("Herniated disc") == "herniated-disc"
    assert slugify("Crohn's disease") == "crohn-s-disease"
    assert slugify("줄기세포") == "term"


# --------------------------------------------------------------------------- writing


def test_open_and_dump_without_edits_is_byte_identical() -> None:
    assert GlossaryDocument.open(GOOD).dump() == GOOD.read_text(encoding="utf-8")


def test_the_project_glossary_style_survives_a_round_trip(tmp_path: Path) -> None:
    # The first 40 terms (the whole file takes ruamel.yaml ~10 s on a CI machine).
    text = PROJECT_GLOSSARY.read_text(encoding="utf-8")
    cut = [i for i in range(len(text)) if text.startswith("\n  - id:", i)][40]
    path = tmp_path / "glossary.yaml"
    path.write_text(text[: cut + 1], encoding="utf-8")
    document = GlossaryDocument.open(path)
    assert document.dump() == text[: cut + 1]
    first = next(document.term_ids())
    document.set_translation(first, TermTranslation("fr", "exemple"))
    edited = document.dump()
    assert edited.count("\n") == text[: cut + 1].count("\n") + 1 and "fr: {preferred: exemple}" in edited


def test_programmatic_edit_keeps_comments_order_and_style(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    shutil.copy(GOOD, path)
    document = GlossaryDocument.open(path)
    document.set_translation("herniated-disc", TermTranslation("ko", "추간판 탈출증", ("디스크 탈출증",), ("추간판 헤르니아", "디스크 헤르니아")))
    document.set_translation("herniated-disc", TermTranslation("ru", "межпозвоночная грыжа", ("грыжа диска",)))
    document.set_translation("sciatica", TermTranslation("zh_Hans", "坐骨神经痛"))
    document.set_term_fields("sciatica", variants=("sciatic pain",))
    document.add_term(Term("stem-cell", "stem cell", translations=(TermTranslation("ko", "줄기세포", forbidden=("간세포",)),)))
    assert document.save()
    expected = GOOD.with_name("commented.yaml.expect-edited").read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected
    edited = load_glossary(path)
    assert edited.term("stem-cell").translation("ko").forbidden == ("간세포",)  # type: ignore[union-attr]
    assert not GlossaryDocument.open(path).save()  # nothing changed: nothing written


NOT_IN = """\
version: 1
source_language: en
terms:
  - id: neck
    source: neck
    not_in: [swan neck]
    translations:
      ar: {preferred: رقبة, admitted: [عنق], not_in: [عنق الرحم]}
      ja: {preferred: 頸部}
"""


def test_not_in_is_read_per_term_and_language(tmp_path: Path) -> None:
    glossary = parse_glossary(NOT_IN, path="glossary.yaml")
    neck = glossary.term("neck")
    assert neck is not None and neck.not_in == ("swan neck",)
    assert neck.translation("ar").not_in == ("عنق الرحم",)  # type: ignore[union-attr]
    assert neck.translation("ja").not_in == ()  # type: ignore[union-attr]
    assert glossary.forms(neck, "en").not_in == ("swan neck",)  # type: ignore[union-attr]


def test_not_in_survives_edits_and_is_written_for_new_terms(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(NOT_IN, encoding="utf-8")
    document = GlossaryDocument.open(path)
    # an import (TBX, CSV) knows no not_in: the wordings change, the file's not_in stays
    document.set_translation("neck", TermTranslation("ar", "رقبة", ("عنق", "جيد")))
    document.add_term(Term("spine", "spine", not_in=("spine-chilling",), translations=(TermTranslation("zh_Hans", "脊柱", not_in=("脊柱侧弯",)),)))
    assert document.save()
    edited = load_glossary(path)
    assert edited.term("neck").translation("ar").not_in == ("عنق الرحم",)  # type: ignore[union-attr]
    assert edited.term("neck").translation("ar").admitted == ("عنق", "جيد")  # type: ignore[union-attr]
    spine = edited.term("spine")
    assert spine is not None and spine.not_in == ("spine-chilling",) and spine.translation("zh_Hans").not_in == ("脊柱侧弯",)  # type: ignore[union-attr]


def test_edit_that_would_break_the_glossary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    shutil.copy(GOOD, path)
    document = GlossaryDocument.open(path)
    document.set_translation("sciatica", TermTranslation("ko", "좌골신경통", forbidden=("좌골신경통",)))
    with pytest.raises(ErrorList):
        document.save()
    assert path.read_bytes() == GOOD.read_bytes()


def test_save_refuses_when_the_file_changed_since_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    shutil.copy(GOOD, path)
    document = GlossaryDocument.open(path)
    document.set_translation("sciatica", TermTranslation("ru", "ишиас"))
    path.write_text(GOOD.read_text(encoding="utf-8") + "# a reviewer's edit\n", encoding="utf-8")
    with pytest.raises(ConcurrentModificationError):
        document.save()
    assert path.read_text(encoding="utf-8").endswith("# a reviewer's edit\n")


def test_add_term_refuses_an_existing_id(tmp_path: Path) -> None:
    document = GlossaryDocument.open(GOOD)
    with pytest.raises(GlossaryError):
        document.add_term(Term("gmp", "GMP"))


SLUG = st.from_regex(r"[a-z]{2,8}(-[a-z]{2,8}){0,2}", fullmatch=True)
WORDING = st.text(alphabet="abcdefghij klmnop가나다라마바사줄기세포", min_size=1, max_size=12).map(lambda s: " ".join(s.split())).filter(bool)


@st.composite
def terms(draw: st.DrawFn) -> list[Term]:
    ids = draw(st.lists(SLUG, min_size=1, max_size=5, unique=True))
    out = []
    for index, term_id in enumerate(ids):
        forbidden = tuple(draw(st.lists(WORDING, max_size=2, unique=True)))
        preferred = draw(WORDING.filter(lambda w, f=forbidden: w.casefold() not in {x.casefold() for x in f}))
        ko = TermTranslation("ko", preferred, (), forbidden)
        out.append(Term(term_id, f"term {index} {term_id}", note=draw(st.none() | WORDING), translations=(ko,)))
    return out


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(terms())
def test_terms_added_programmatically_read_back_equal(tmp_path: Path, new_terms: list[Term]) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("# header comment\nversion: 1\nsource_language: en\nterms:\n  - id: seed  # keep me\n    source: seed\n", encoding="utf-8")
    document = GlossaryDocument.open(path)
    for term in new_terms:
        document.add_term(term)
    text = document.dump()
    assert text.startswith("# header comment\n") and "  - id: seed  # keep me\n" in text
    read = parse_glossary(text, path=str(path))
    assert [_fields(t) for t in read.terms[1:]] == [_fields(t) for t in new_terms]


def _fields(term: Term) -> tuple[object, ...]:
    wordings = [(t.lang, t.preferred, t.admitted, t.forbidden, t.note) for t in term.translations]
    return (term.id, term.source, term.variants, term.note, term.case_sensitive, term.keep, wordings)
