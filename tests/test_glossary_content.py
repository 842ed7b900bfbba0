"""Content of the project glossary (locales/glossary.yaml), not the loader.

The loader's own rules (schema, duplicate ids, allowed-and-forbidden) are tested in
tests/test_glossary.py; here we test what a medical reviewer relies on: every concept
comes from the articles, is translated into every target language, keeps the project's
conventions, and is recognised by medloc's own checker in every language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.checks import TermChecker
from pipeline.glossary import Glossary, Term, load_glossary
from pipeline.termmatch import Form, compile_matcher

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "locales" / "glossary.yaml"
TARGETS = ("ko", "ja", "zh_Hans", "ru", "ar")
CATEGORY = re.compile(r"^  # (\d+)\. (\S.*)$")

# Characters that exist only in one script variant: a Japanese kanji or a traditional
# character in Simplified Chinese (or the reverse) means the wrong language was pasted.
NOT_SIMPLIFIED = set("經體醫療臟癒變細顆損傷術藥劑類質幹間葉髖發與應壓腫脈復證臨試驗" "経験薬剤変圧応臓発処")
SIMPLIFIED_ONLY = set("经疗脏变细颗损伤术药剂类质间髋发应压肿脉复证临试验处")
ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
HANJA = re.compile("[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


def terms() -> tuple[Term, ...]:
    return glossary().terms


@lru_cache(maxsize=1)
def article_text() -> str:
    """The English articles, folded the way a reader compares words (case, hyphens, spaces)."""
    english = _articles(r'^lang: "?en"?$')
    assert english, "docs/ holds no English article to check the glossary against"
    return _fold("\n".join(english))


@lru_cache(maxsize=1)
def korean_article_text() -> str:
    """The Korean articles, without spaces (Korean spacing varies)."""
    korean = _articles(r'^lang: "?ko"?$')
    return "".join("\n".join(korean).split())


def _articles(lang_line: str) -> list[str]:
    texts = [d.read_text(encoding="utf-8") for d in sorted((ROOT / "docs").glob("*.md"))]
    return [t for t in texts if re.search(lang_line, t, re.M)]


def _fold(text: str) -> str:
    text = re.sub("[-\u2010\u2011]", " ", text.lower())
    return " ".join(text.split())


def _all_forms(lang: str) -> list[tuple[str, str, str]]:
    """(term id, kind, wording) for every wording of every term in ``lang``."""
    found = []
    for term in terms():
        wording = term.translation(lang)
        if wording is None:
            continue
        found += [(term.id, "allowed", form) for form in wording.allowed]
        found += [(term.id, "forbidden", form) for form in wording.forbidden]
    return found


# --------------------------------------------------------------------------- coverage


def test_glossary_has_at_least_150_concepts() -> None:
    assert len(terms()) >= 150


def test_every_concept_is_translated_into_every_target_language() -> None:
    missing = [
        f"{term.id}: {lang}"
        for term in terms()
        for lang in TARGETS
        if term.translation(lang) is None or not term.translation(lang).preferred
    ]
    assert missing == []


def test_every_concept_occurs_in_the_articles() -> None:
    """In an English article (source forms) or a Korean-source one (Korean wordings)."""
    text, korean = article_text(), korean_article_text()
    absent = [
        term.id
        for term in terms()
        if not any(re.search(_pattern(form), text) for form in term.source_forms)
        and not any("".join(form.split()) in korean for form in _korean_allowed(term))
    ]
    assert absent == []


def _korean_allowed(term: Term) -> tuple[str, ...]:
    wording = term.translation("ko")
    return wording.allowed if wording else ()


def _pattern(form: str) -> str:
    """A source form at a word start, singular or regular plural (extremity/extremities)."""
    folded = re.escape(_fold(form))
    if folded.endswith("y"):
        folded = folded[:-1] + "(?:y|ies)"
    return rf"(?<![a-z0-9]){folded}"


def test_the_hospital_name_is_a_term_with_its_short_form() -> None:
    hospital = glossary().term("seoul-yes-hospital")
    assert hospital is not None and hospital.source == "Seoul Yes Hospital" and "Seoul Yes" in hospital.variants
    assert hospital.translation("ko").preferred == "서울예스병원"


# --------------------------------------------------------------------------- conventions


def test_ids_are_readable_kebab_case() -> None:
    bad = [t.id for t in terms() if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", t.id)]
    assert bad == []


def test_abbreviations_and_only_they_are_case_sensitive() -> None:
    def is_abbreviation(source: str) -> bool:
        return " " not in source and sum(ch.isupper() for ch in source) >= 2

    wrong = [t.id for t in terms() if t.case_sensitive != is_abbreviation(t.source)]
    assert wrong == []


def test_keep_terms_are_copied_verbatim_in_every_translation() -> None:
    keep = [t for t in terms() if t.keep]
    assert {t.id for t in keep} >= {"gmp", "bdnf", "nt-3"}
    wrong = [f"{t.id}: {tr.lang}" for t in keep for tr in t.translations if t.source not in (tr.preferred or t.source)]
    assert wrong == []


def test_imaging_abbreviations_are_not_keep_because_russian_translates_them() -> None:
    for term_id, russian in (("mri", "МРТ"), ("ct", "КТ")):
        term = glossary().term(term_id)
        assert term is not None and not term.keep and term.translation("ru").preferred == russian


def test_stem_cell_terms_forbid_the_liver_cell_homograph() -> None:
    homographs = {"ko": ("줄기세포", "간세포"), "ja": ("幹細胞", "肝細胞"), "zh_Hans": ("干细胞", "肝细胞")}
    unguarded = []
    for term in terms():
        for lang, (stem, liver) in homographs.items():
            wording = term.translation(lang)
            if wording and any(stem in form.replace(" ", "") for form in wording.allowed) and liver not in wording.forbidden:
                unguarded.append(f"{term.id}: {lang}")
    assert unguarded == []


def test_wordings_are_clean_text_in_the_right_script() -> None:
    problems = []
    for lang in TARGETS:
        for term_id, kind, form in _all_forms(lang):
            where = f"{term_id} {lang} {kind} {form!r}"
            if form != form.strip() or "  " in form:
                problems.append(f"{where}: stray spaces")
            if lang == "ar" and ARABIC_MARKS.search(form):
                problems.append(f"{where}: vowel marks")
            if lang == "ru" and "ё" in form.lower():
                problems.append(f"{where}: ё (the glossary writes е)")
            if lang == "zh_Hans" and NOT_SIMPLIFIED & set(form):
                problems.append(f"{where}: traditional or Japanese character")
            if lang == "ja" and SIMPLIFIED_ONLY & set(form):
                problems.append(f"{where}: simplified Chinese character")
            if lang == "ko" and HANJA.search(form):
                problems.append(f"{where}: hanja in Korean")
    assert problems == []


def test_a_forbidden_wording_is_never_part_of_another_approved_wording() -> None:
    clashes = []
    for lang in TARGETS:
        allowed = [(tid, form) for tid, kind, form in _all_forms(lang) if kind == "allowed"]
        for term in terms():
            wording = term.translation(lang)
            for bad in wording.forbidden if wording else ():
                squeeze = lang == "ko" and not wording.spacing_matters
                key = bad.replace(" ", "") if squeeze else bad
                clashes += [
                    f"{lang}: {bad!r} ({term.id}) inside {form!r} ({tid})"
                    for tid, form in allowed
                    if key in (form.replace(" ", "") if squeeze else form)
                ]
    assert clashes == []


# --------------------------------------------------------------------------- file shape


def test_terms_are_grouped_under_numbered_category_comments() -> None:
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    numbers, per_category, current = [], {}, None
    for line in lines:
        header = CATEGORY.match(line)
        if header:
            numbers.append(int(header.group(1)))
            current = header.group(2)
            per_category[current] = 0
        elif line.startswith("  - id: "):
            assert current is not None, f"term before the first category comment: {line}"
            per_category[current] += 1
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 8
    assert all(count > 0 for count in per_category.values()), per_category


# --------------------------------------------------------------------------- the checker agrees


@lru_cache(maxsize=None)
def checker(lang: str) -> TermChecker:
    return TermChecker(glossary(), source_lang="en", lang=lang)


def _self_check(lang: str, kind: str) -> list[str]:
    """Each source form against each of its own wordings: what medloc check would say."""
    problems = []
    for term in terms():
        wording = term.translation(lang)
        if wording is None:
            continue
        forms = wording.allowed if kind == "allowed" else wording.forbidden
        for source in term.source_forms:
            for form in forms:
                issues = {(i.check, i.term) for i in checker(lang).issues(source, form)}
                if kind == "allowed" and any(t == term.id for _c, t in issues):
                    problems.append(f"{term.id}: {source!r} -> {form!r}: {sorted(issues)}")
                if kind == "forbidden" and ("term-forbidden", term.id) not in issues:
                    problems.append(f"{term.id}: {source!r} -> {form!r} not reported as forbidden")
    return problems


@pytest.mark.parametrize("lang", TARGETS)
def test_every_approved_wording_satisfies_the_checker(lang: str) -> None:
    assert _self_check(lang, "allowed") == []


@pytest.mark.parametrize("lang", TARGETS)
def test_every_forbidden_wording_is_reported_by_the_checker(lang: str) -> None:
    assert _self_check(lang, "forbidden") == []


# Concepts that may share a preferred wording: a word class pair (noun and adjective
# are one word in CJK), or near-synonyms the articles use interchangeably.
SHARED_PREFERRED = {
    frozenset({"regeneration", "regenerative"}),
    frozenset({"degeneration", "degenerative"}),
    frozenset({"investigational", "experimental"}),
}


def test_a_preferred_wording_names_one_concept_apart_from_abbreviations() -> None:
    """Two concepts with the same preferred wording are one concept twice, or a mistranslation
    (Russian бедро is the thigh, not the hip), unless one is the other's abbreviation."""
    clashes = []
    for lang in TARGETS:
        owners: dict[str, list[Term]] = {}
        for term in terms():
            wording = term.translation(lang)
            if wording and wording.preferred:
                owners.setdefault("".join(wording.preferred.split()).casefold(), []).append(term)
        for form, owning in owners.items():
            plain = [t.id for t in owning if not t.case_sensitive]
            if len(plain) > 1 and frozenset(plain) not in SHARED_PREFERRED:
                clashes.append(f"{lang}: {form!r} is preferred for {plain}")
    assert clashes == []


# --------------------------------------------------------------------------- not_in


UNSEEN = ROOT / "tests" / "glossary" / "unseen" / "glossary.yaml"


def _not_in_entries(path: Path) -> list[tuple[str, str, str]]:
    """(term id, language, expression) for every ``not_in`` of a glossary, the source language's included."""
    loaded = load_glossary(path)
    return [
        (term.id, lang, expression)
        for term in loaded.terms
        for lang in loaded.languages()
        if (wording := loaded.forms(term, lang)) is not None
        for expression in wording.not_in
    ]


NOT_IN_ENTRIES = [(path, *entry) for path in (GLOSSARY, UNSEEN) for entry in _not_in_entries(path)]


@pytest.mark.parametrize("path, term_id, lang, expression", NOT_IN_ENTRIES, ids=[f"{e[0].parent.name}:{e[1]}:{e[2]}:{e[3]}" for e in NOT_IN_ENTRIES])
def test_every_not_in_expression_hides_a_wording_the_matcher_finds_in_it(path: Path, term_id: str, lang: str, expression: str) -> None:
    """An expression the matcher would not read as the term anyway is noise a reviewer has to maintain."""
    loaded = load_glossary(path)
    term = loaded.term(term_id)
    wording = loaded.forms(term, lang)  # type: ignore[arg-type]
    assert term is not None and wording is not None
    texts = (*wording.allowed, *wording.forbidden)
    plain = compile_matcher([Form(text, term_id, "preferred") for text in texts], lang=lang)
    nested = compile_matcher([Form(text, term_id, "preferred", not_in=wording.not_in) for text in texts], lang=lang)
    assert plain.find(expression), f"no wording of {term_id} is found in {expression!r}: drop it"
    assert nested.find(expression) == []
