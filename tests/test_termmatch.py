"""Term matching rules, one table per language: (text, expected [(surface, term ids)])."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.checks import target_forms
from pipeline.glossary import load_glossary
from pipeline.termmatch import (
    HEBREW_PREFIXES,
    KOREAN_TAILS,
    PERSIAN_SUFFIXES,
    Form,
    Matcher,
    compile_matcher,
    english_inflections,
    polish_stem,
    russian_stem,
    script_for,
    ukrainian_stem,
)


def forms(*specs: str | tuple[str, str], kind: str = "source", case_sensitive: tuple[str, ...] = ()) -> list[Form]:
    """``"text"`` (id = text) or ``(text, id)``."""
    out = []
    for spec in specs:
        text, term = spec if isinstance(spec, tuple) else (spec, spec)
        out.append(Form(text, term, kind, case_sensitive=term in case_sensitive))  # type: ignore[arg-type]
    return out


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(m.text, ",".join(sorted({f.term for f in m.forms}))) for m in matcher.find(text)]


ENGLISH = compile_matcher(
    forms(
        "herniated disc", "disc", "stem cell", "mesenchymal stem cell", "MSC", "inject", "injection", "vertebra",
        "spinal stenosis", "stenosis", "therapy", "Crohn's disease", "foot", "foramen", "X-ray",
    ),
    lang="en",
)
ENGLISH_CS = compile_matcher(forms("MSC", "MRI", case_sensitive=("MSC", "MRI")), lang="en")

ENGLISH_CASES = [
    ("Herniated discs hurt", [("Herniated discs", "herniated disc")]),
    ("a herniated disc", [("herniated disc", "herniated disc")]),
    # word boundaries
    ("a discussion of discs", [("discs", "disc")]),
    ("discography", []),
    ("disc-related pain", [("disc", "disc")]),
    ("the disc's rim", [("disc", "disc")]),
    # leftmost-longest: one term, not also the shorter one inside it
    ("mesenchymal stem cells", [("mesenchymal stem cells", "mesenchymal stem cell")]),
    ("stem cells and stem-cell therapies", [("stem cells", "stem cell"), ("stem-cell", "stem cell"), ("therapies", "therapy")]),
    ("spinal stenosis", [("spinal stenosis", "spinal stenosis")]),
    ("stenoses", [("stenoses", "stenosis")]),
    ("vertebrae", [("vertebrae", "vertebra")]),
    # verbs and -ion nouns: the closest base wins
    ("injected, injecting, injects", [("injected", "inject"), ("injecting", "inject"), ("injects", "inject")]),
    ("injections", [("injections", "injection")]),
    # irregular plurals
    ("both feet", [("feet", "foot")]),
    ("the intervertebral foramina", [("foramina", "foramen")]),
    # the last word after a hyphen inflects
    ("X-rays and an x-ray", [("X-rays", "X-ray"), ("x-ray", "X-ray")]),
    ("X-rayish", []),
    # case-insensitive unless case_sensitive
    ("MSCs and mscs", [("MSCs", "MSC"), ("mscs", "MSC")]),
    ("Crohn’s disease", [("Crohn’s disease", "Crohn's disease")]),
]

ENGLISH_CASE_SENSITIVE = [
    ("MSCs and mscs", [("MSCs", "MSC")]),
    ("an MRI, not an mri", [("MRI", "MRI")]),
]


@pytest.mark.parametrize("text, expected", ENGLISH_CASES)
def test_english(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(ENGLISH, text) == expected


@pytest.mark.parametrize("text, expected", ENGLISH_CASE_SENSITIVE)
def test_english_case_sensitive(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(ENGLISH_CS, text) == expected


def test_english_inflections() -> None:
    assert english_inflections("disc", single=True) >= {"discs", "disced", "discing"}
    assert english_inflections("MSC", single=True) == {"MSCs"}
    assert english_inflections("injection", single=True) >= {"injections", "inject", "injected", "injecting"}
    assert "herniation" in english_inflections("herniate", single=True)
    assert english_inflections("cell", single=False) == {"cells"}


KOREAN_FORMS = forms(
    ("추간판 탈출증", "herniated-disc"), ("좌골신경", "sciatic-nerve"), ("좌골신경통", "sciatica"), ("줄기세포", "stem-cell"),
    ("간세포", "hepatocyte"), ("중간엽 줄기세포", "msc"), ("MRI", "mri"), ("주사", "injection"), ("신경", "nerve"),
    ("하지", "lower-limb"), ("아픔", "pain"),
    kind="preferred",
)
KOREAN = compile_matcher(KOREAN_FORMS, lang="ko")
KOREAN_RULES_ONLY = compile_matcher(KOREAN_FORMS, lang="ko", analyser="rules")

KOREAN_CASES = [
    # particles and copula after the term
    *[(f"추간판 탈출증{tail} 있다", [("추간판 탈출증", "herniated-disc")]) for tail in
      ["이", "은", "을", "의", "에", "에서", "으로", "과", "도", "만", "이다", "입니다", "이라는", "들이"]],
    *[(f"줄기세포{tail} 있다", [("줄기세포", "stem-cell")]) for tail in ["가", "는", "를", "로", "와", "이다", "입니다"]],
    # optional spaces, both ways
    ("추간판탈출증으로", [("추간판탈출증", "herniated-disc")]),
    ("줄기 세포를", [("줄기 세포", "stem-cell")]),
    ("중간엽줄기세포", [("중간엽줄기세포", "msc")]),
    # a longer glossary word wins; the shorter term inside it does not match
    ("좌골신경통이 있다", [("좌골신경통", "sciatica")]),
    ("좌골신경이 눌린다", [("좌골신경", "sciatic-nerve")]),
    # inside compounds Kiwi decides by morpheme boundaries
    ("요추추간판탈출증", [("추간판탈출증", "herniated-disc")]),
    ("줄기세포치료제", [("줄기세포", "stem-cell")]),
    ("중간세포", []),
    ("기간 세포", []),
    ("신경근육", [("신경", "nerve")]),
    ("신경외과", []),  # neurosurgery: one word for Kiwi, not "nerve"
    # 하다/되다 after a noun
    ("주사합니다", [("주사", "injection")]),
    ("주사되는", [("주사", "injection")]),
    # Latin abbreviations with particles
    ("MRI를 찍는다", [("MRI", "mri")]),
    ("fMRI를", []),
    # one- and two-syllable wordings are confirmed by Kiwi in context: 하지 is also "do not"
    ("하지 통증이 있다", [("하지", "lower-limb")]),
    ("하지가 저리다", [("하지", "lower-limb")]),
    ("운동을 하지 마세요", []),
    ("촬영하지 않습니다", []),
    ("하지만 괜찮다", []),
    ("허리 아픔이 심하다", [("아픔", "pain")]),
    ("아픔", [("아픔", "pain")]),
]


@pytest.mark.parametrize("text, expected", KOREAN_CASES)
def test_korean(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(KOREAN, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("추간판 탈출증으로", [("추간판 탈출증", "herniated-disc")]),
        ("좌골신경통이", [("좌골신경통", "sciatica")]),
        # without the analyser, a match inside a word is refused (never a false forbidden-term error)
        ("요추추간판탈출증", []),
        ("줄기세포치료제", []),
    ],
)
def test_korean_rule_path(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(KOREAN_RULES_ONLY, text) == expected


def test_korean_exact_spacing() -> None:
    matcher = compile_matcher(
        [Form("신경근", "nerve-root", "preferred", exact_spacing=True), Form("신경 근", "nerve-root", "forbidden", exact_spacing=True)],
        lang="ko",
    )
    assert [(m.text, [f.kind for f in m.forms]) for m in matcher.find("신경 근 압박과 신경근 압박")] == [
        ("신경 근", ["forbidden"]),
        ("신경근", ["preferred"]),
    ]


def test_korean_tails_include_the_particles_of_the_issue() -> None:
    particles = "이 가 은 는 을 를 의 에 에서 으로 로 와 과 도 만 이다 입니다".split()
    assert set(particles) <= KOREAN_TAILS


JAPANESE = compile_matcher(
    forms("幹細胞", "間葉系幹細胞", "坐骨神経", "坐骨神経痛", "椎間板ヘルニア", "セル", "MRI", "首", "筋", kind="preferred"), lang="ja"
)
CHINESE = compile_matcher(forms("干细胞", "间充质干细胞", "椎间盘突出", "椎间盘突出症", "腿", kind="preferred"), lang="zh_Hans")

CJK_CASES = [
    (JAPANESE, "間葉系幹細胞と幹細胞", [("間葉系幹細胞", "間葉系幹細胞"), ("幹細胞", "幹細胞")]),
    (JAPANESE, "坐骨神経痛と坐骨神経", [("坐骨神経痛", "坐骨神経痛"), ("坐骨神経", "坐骨神経")]),
    (JAPANESE, "腰椎椎間板ヘルニアの治療", [("椎間板ヘルニア", "椎間板ヘルニア")]),
    (JAPANESE, "セルロースとセル", [("セル", "セル")]),
    (JAPANESE, "MRI検査、fMRI", [("MRI", "MRI")]),
    # the middle dot is not a katakana letter
    (JAPANESE, "セル・ロース", [("セル", "セル")]),
    (JAPANESE, "椎間板ヘルニア・坐骨神経痛", [("椎間板ヘルニア", "椎間板ヘルニア"), ("坐骨神経痛", "坐骨神経痛")]),
    (CHINESE, "间充质干细胞和干细胞", [("间充质干细胞", "间充质干细胞"), ("干细胞", "干细胞")]),
    (CHINESE, "腰椎间盘突出症患者", [("椎间盘突出症", "椎间盘突出症")]),
    # Japanese: a one-ideograph wording beside another ideograph is part of a longer word
    (JAPANESE, "首の痛み、首が回らない", [("首", "首"), ("首", "首")]),
    (JAPANESE, "手首、足首、首都、道筋", []),
    (JAPANESE, "筋を伸ばす", [("筋", "筋")]),
    # Chinese writes no kana between words: there it matches beside other ideographs
    (CHINESE, "我的腿疼", [("腿", "腿")]),
]


@pytest.mark.parametrize("matcher, text, expected", CJK_CASES)
def test_japanese_and_chinese(matcher: Matcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(matcher, text) == expected


RUSSIAN = compile_matcher(
    forms("стволовая клетка", "межпозвоночная грыжа", "боль", "позвонок", "МРТ", "нерв", kind="preferred"), lang="ru"
)

RUSSIAN_CASES = [
    ("стволовых клеток", [("стволовых клеток", "стволовая клетка")]),
    ("Стволовые клетки", [("Стволовые клетки", "стволовая клетка")]),
    ("стволовыми клетками", [("стволовыми клетками", "стволовая клетка")]),
    ("межпозвоночной грыжи", [("межпозвоночной грыжи", "межпозвоночная грыжа")]),
    ("болей в спине", [("болей", "боль")]),
    ("позвонков и позвонка", [("позвонков", "позвонок"), ("позвонка", "позвонок")]),
    ("МРТ-исследование", [("МРТ", "МРТ")]),
    # whole words: a longer word with the same beginning is another word
    ("больной", []),
    ("нервный", []),
    ("нервов", [("нервов", "нерв")]),
    # a shared stem is not enough: the ending must be one the wording's paradigm takes
    ("Боль стала более сильной", [("Боль", "боль")]),  # более (more): a noun in -ь never ends in -ее
    ("Более половины", []),
    ("боль, боли, болью, болей, болям, болями, болях",
     [(w, "боль") for w in ["боль", "боли", "болью", "болей", "болям", "болями", "болях"]]),
    ("нервая", []),  # a masculine consonant noun never takes -ая
]


@pytest.mark.parametrize(
    "wording, near_misses",
    [("рана", "ранее рано"), ("вес", "весь"), ("ткани", "тканая тканый")],
)
def test_russian_words_sharing_a_stem_with_a_wording_are_not_it(wording: str, near_misses: str) -> None:
    """ранее (earlier) and рано (early) are not рана (wound), весь (all) is not вес (weight)."""
    matcher = compile_matcher(forms(wording, kind="preferred"), lang="ru")
    assert [m.text for m in matcher.find(near_misses)] == []


STEM_CELL_CASES = (
    "стволовая клетка, стволовой клетки, стволовой клетке, стволовую клетку, стволовой клеткой, "
    "стволовые клетки, стволовых клеток, стволовым клеткам, стволовыми клетками, стволовых клетках"
)


@pytest.mark.parametrize("wording", ["стволовая клетка", "стволовые клетки"])
def test_russian_adjective_and_noun_match_in_every_case(wording: str) -> None:
    matcher = compile_matcher(forms(wording, kind="preferred"), lang="ru")
    assert [m.text for m in matcher.find(STEM_CELL_CASES)] == STEM_CELL_CASES.split(", ")


RU_STEMS = st.builds(
    "".join, st.tuples(st.sampled_from("бвгдзмпрст"), st.sampled_from("аиоуы"), st.sampled_from("бвгдзмпрст"), st.sampled_from("бдзмпрстф"))
)
"""Made-up noun stems: consonant, vowel, two consonants (no fleeting vowel, no -мя)."""


@given(RU_STEMS)
def test_russian_noun_in_soft_sign_takes_its_endings_and_no_adjective_ending(stem: str) -> None:
    matcher = compile_matcher(forms(stem + "ь", kind="preferred"), lang="ru")
    own = [stem + e for e in "ь и ью ей ям ями ях".split()]
    assert [m.text for m in matcher.find(" ".join(own))] == own
    assert matcher.find(" ".join(stem + e for e in "ее ая ое ый ые ого ому".split())) == []


@given(RU_STEMS)
def test_russian_consonant_noun_takes_its_endings_and_no_adjective_ending(stem: str) -> None:
    matcher = compile_matcher(forms(stem, kind="preferred"), lang="ru")
    own = [stem + e for e in ["", *"а у ом е ы ов ам ами ах".split()]]
    assert [m.text for m in matcher.find(" ".join(own))] == own
    assert matcher.find(" ".join(stem + e for e in "ь ая ое ее ый ые ого".split())) == []


@pytest.mark.parametrize("text, expected", RUSSIAN_CASES)
def test_russian(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(RUSSIAN, text) == expected


def test_russian_stems() -> None:
    assert {russian_stem(w) for w in ["клетка", "клетки", "клеток", "клеткам", "клетками"]} == {"клетк"}
    assert {russian_stem(w) for w in ["терапия", "терапии", "терапию", "терапией"]} == {"терап"}
    assert len({russian_stem(w) for w in "лечение лечения лечению лечением лечении лечений лечениям лечениями".split()}) == 1
    assert len({russian_stem(w) for w in "время времени временем временами".split()}) == 1
    participles = "улучшающийся улучшающегося улучшающемуся улучшающаяся улучшающейся улучшающиеся улучшающихся"
    assert {russian_stem(w) for w in participles.split()} == {russian_stem("улучшающий")}
    assert russian_stem("смесь") != russian_stem("сме")  # -сь after е is not reflexive (смесь, взвесь)


def test_russian_consonant_nouns_match_every_case_and_nothing_else() -> None:
    matcher = compile_matcher(forms("синдром", "прием врача", kind="preferred"), lang="ru")
    cases = "синдром синдрома синдрому синдромом синдроме синдромы синдромов синдромам синдромами синдромах"
    assert [m.text for m in matcher.find(cases)] == cases.split()
    assert matcher.find("симптом симптома симптому симптомом") == []
    assert [m.text for m in matcher.find("прием врача, приема врача")] == ["прием врача", "приема врача"]


ARABIC = compile_matcher(
    forms("الخلايا الجذعية", "الانزلاق الغضروفي", "ألم", "عرق النسا", "غير جراحي", "مراقبة", "حالة", "ليف", kind="preferred"),
    lang="ar",
)

ARABIC_CASES = [
    ("بالخلايا الجذعية", [("بالخلايا الجذعية", "الخلايا الجذعية")]),
    ("للانزلاق الغضروفي", [("للانزلاق الغضروفي", "الانزلاق الغضروفي")]),
    ("والانزلاق الغضروفي", [("والانزلاق الغضروفي", "الانزلاق الغضروفي")]),
    ("الألم", [("الألم", "ألم")]),
    ("وألمه", [("وألم", "ألم")]),  # a pronoun suffix may follow; it is not part of the term
    ("عِرْقُ النَّسَا", [("عِرْقُ النَّسَا", "عرق النسا")]),
    ("آلام", []),
    # the article on the adjective only (غير takes none)
    ("الأساليب غير الجراحي", [("غير الجراحي", "غير جراحي")]),
    # ة written ت before a suffix (the suffix is part of the match); a bare ت-word is another word
    ("مراقبتها", [("مراقبتها", "مراقبة")]),
    ("حالت دون", []),
    # accusative alef; the feminine of a nisba adjective
    ("ألما", [("ألم", "ألم")]),  # the ending is not part of the term, like a pronoun suffix
    ("الأساليب غير الجراحية", [("غير الجراحي", "غير جراحي")]),
    ("ألماني", []),
    # ل before a word that starts with ل
    ("لليف", [("لليف", "ليف")]),  # ل + الليف and ل + ليف are both written لليف
    # the sound feminine plural of a wording in ة, with clitics, the article and suffixes
    ("حالات والحالات لحالاتهم", [("حالات", "حالة"), ("والحالات", "حالة"), ("لحالات", "حالة")]),  # the suffix is not part of the term
    ("مراقبات", [("مراقبات", "مراقبة")]),
]


def test_arabic_hamza_written_on_both_sides_must_agree() -> None:
    """A bare ا matches any alef, but آلية (mechanism) is not ألية (buttock)."""
    matcher = compile_matcher(forms("ألية", "إنزيم", kind="preferred"), lang="ar")
    assert found(matcher, "الآليات وآلية الأليات الاليات") == [("الأليات", "ألية"), ("الاليات", "ألية")]
    assert found(matcher, "إنزيم انزيم أنزيم") == [("إنزيم", "إنزيم"), ("انزيم", "إنزيم")]


def test_arabic_sound_plural_loses_to_another_wordings_own_forms() -> None:
    """A forbidden plural written out in the glossary is not hidden by the plural generated from the preferred."""
    matcher = compile_matcher([Form("سقالة", "s", "preferred"), Form("سقالات", "s", "forbidden")], lang="ar")
    assert [m.forms[0].kind for m in matcher.find("السقالات سقالات")] == ["forbidden", "forbidden"]


@pytest.mark.parametrize("text, expected", ARABIC_CASES)
def test_arabic(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(ARABIC, text) == expected


UKRAINIAN = compile_matcher(
    forms("спинний мозок", "біль", "хребет", "хребець", "м'яз", "терапія", "синдром", "стовбурова клітина", "профіль",
          kind="preferred"),
    lang="uk",
)

UKRAINIAN_CASES = [
    ("спинного мозку", [("спинного мозку", "спинний мозок")]),
    ("Спинним мозком", [("Спинним мозком", "спинний мозок")]),
    ("стовбурових клітин", [("стовбурових клітин", "стовбурова клітина")]),
    ("стовбуровими клітинами", [("стовбуровими клітинами", "стовбурова клітина")]),
    ("терапією", [("терапією", "терапія")]),
    # fleeting о/е: хребет/хребта, хребець/хребця
    ("у хребті та хребцях", [("хребті", "хребет"), ("хребцях", "хребець")]),
    # і of the closed last syllable is о in the other cases; the two stems of a consonant noun
    ("болю, болі, болем", [("болю", "біль"), ("болі", "біль"), ("болем", "біль")]),
    ("профілю", [("профілю", "профіль")]),  # two syllables: the і may stay
    ("синдрому, синдромом", [("синдрому", "синдром"), ("синдромом", "синдром")]),
    # the apostrophe inside a word, in any of its three forms
    ("м'язи, м’язів, мʼязами", [("м'язи", "м'яз"), ("м’язів", "м'яз"), ("мʼязами", "м'яз")]),
    # false positives: білий (white) is not біль (pain), a derived adjective is another word
    ("білі кров'яні тільця, біла", []),
    ("м'язовий, більше, хребетний", []),
]


def test_ukrainian_and_polish_words_sharing_a_stem_with_a_wording_are_not_it() -> None:
    """рано/rano (early) is not рана/rana (wound); złamany, złamana (broken) is not złamanie (fracture)."""
    uk = compile_matcher(forms("рана", "перелом", kind="preferred"), lang="uk")
    assert [m.text for m in uk.find("рано, рана, рани, раною, ранами, перелому, переломом, переломів")] == [
        "рана", "рани", "раною", "ранами", "перелому", "переломом", "переломів"
    ]
    pl = compile_matcher(forms("rana", "złamanie", "szyja", kind="preferred"), lang="pl")
    text = "rano, rana, rany, ranie, raną, złamany, złamana, złamane, złamania, złamaniem, złamań, szyi, szyję"
    assert [m.text for m in pl.find(text)] == ["rana", "rany", "ranie", "raną", "złamania", "złamaniem", "złamań", "szyi", "szyję"]


@pytest.mark.parametrize("text, expected", UKRAINIAN_CASES)
def test_ukrainian(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(UKRAINIAN, text) == expected


def test_ukrainian_stems() -> None:
    assert {ukrainian_stem(w) for w in "клітина клітини клітині клітину клітиною клітин клітинам клітинами клітинах".split()} == {"клітин"}
    assert {ukrainian_stem(w) for w in "спинний спинного спинному спинним спинна спинної спинну спинною спинні спинних".split()} == {"спинн"}
    assert {ukrainian_stem(w) for w in "мозок мозку мозком мозки мозків".split()} == {"мозк"}
    assert ukrainian_stem("біль") != ukrainian_stem("білий")


POLISH = compile_matcher(
    forms("rdzeń kręgowy", "kręgosłup", "przepuklina dysku", "komórki macierzyste", "ból", "przewód kręgowy", "lek", "kość",
          "syndrom", "dysk", "otwór międzykręgowy", kind="preferred"),
    lang="pl",
)

POLISH_CASES = [
    ("rdzenia kręgowego", [("rdzenia kręgowego", "rdzeń kręgowy")]),
    ("rdzeniem kręgowym, rdzeniu kręgowym", [("rdzeniem kręgowym", "rdzeń kręgowy"), ("rdzeniu kręgowym", "rdzeń kręgowy")]),
    ("Kręgosłupa, kręgosłupem, kręgosłupie", [("Kręgosłupa", "kręgosłup"), ("kręgosłupem", "kręgosłup"), ("kręgosłupie", "kręgosłup")]),
    ("przepukliny dysku, przepukliną dysku, przepuklinie dysku",
     [("przepukliny dysku", "przepuklina dysku"), ("przepukliną dysku", "przepuklina dysku"), ("przepuklinie dysku", "przepuklina dysku")]),
    # the fleeting e of -ek (komórka, komórek)
    ("komórek macierzystych, komórkami macierzystymi",
     [("komórek macierzystych", "komórki macierzyste"), ("komórkami macierzystymi", "komórki macierzyste")]),
    ("bólu, bóle, bólem", [("bólu", "ból"), ("bóle", "ból"), ("bólem", "ból")]),
    # ó/o before a final voiced consonant
    ("przewodu kręgowego", [("przewodu kręgowego", "przewód kręgowy")]),
    ("otworu międzykręgowego", [("otworu międzykręgowego", "otwór międzykręgowy")]),
    ("leki, leków, kości, kością", [("leki", "lek"), ("leków", "lek"), ("kości", "kość"), ("kością", "kość")]),
    ("syndromu, syndromem", [("syndromu", "syndrom"), ("syndromem", "syndrom")]),
    # false positives: bolą (they hurt) is a verb; lekarz, kościół, dyskomfort, rdzeniowy are other words
    ("bolą plecy", []),
    ("lekarz, kościół, dyskomfort, rdzeniowy", []),
]


@pytest.mark.parametrize("text, expected", POLISH_CASES)
def test_polish(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(POLISH, text) == expected


def test_polish_stems() -> None:
    assert {polish_stem(w) for w in "rdzeń rdzenia rdzeniowi rdzeniem rdzeniu rdzenie rdzeni".split()} == {"rdzen"}
    assert {polish_stem(w) for w in "kręgowy kręgowego kręgowemu kręgowym kręgowa kręgowej kręgową kręgowe kręgowych".split()} == {"kręgow"}


def test_polish_forbidden_variant_is_found_inflected_and_not_confused_with_the_preferred() -> None:
    matcher = compile_matcher(
        [Form("komórki macierzyste", "stem-cell", "preferred"), Form("komórki pnia", "stem-cell", "forbidden")], lang="pl"
    )
    assert [(m.text, m.forms[0].kind) for m in matcher.find("komórkami pnia, komórek macierzystych")] == [
        ("komórkami pnia", "forbidden"),
        ("komórek macierzystych", "preferred"),
    ]


HEBREW = compile_matcher(forms("עמוד שדרה", "לב", "תאי גזע", "כאב כרוני", "MRI", kind="preferred"), lang="he")

HEBREW_CASES = [
    # prefix letters, alone and combined, before the first word; ה before the second word of a construct
    ("ועמוד השדרה", [("עמוד השדרה", "עמוד שדרה")]),
    ("בעמוד השדרה", [("עמוד השדרה", "עמוד שדרה")]),
    ("מהעמוד ושהעמוד", []),  # whole words otherwise: one word is no two-word wording
    ("כשעמוד השדרה", [("עמוד השדרה", "עמוד שדרה")]),
    ("תאי הגזע", [("תאי הגזע", "תאי גזע")]),
    ("הכאב הכרוני", [("כאב הכרוני", "כאב כרוני")]),
    # niqqud ignored, maqaf as a space, prefix before a Latin abbreviation
    ("עַמּוּד הַשִּׁדְרָה", [("עַמּוּד הַשִּׁדְרָה", "עמוד שדרה")]),
    ("עמוד־שדרה", [("עמוד־שדרה", "עמוד שדרה")]),
    ("ב-MRI ובMRI", [("MRI", "MRI"), ("MRI", "MRI")]),
    ("בלב, הלב", [("לב", "לב"), ("לב", "לב")]),
    # false positives: a suffix makes another word; שלב (stage) and כלב (dog) are not ש/כ + לב
    ("עמודי השדרה", []),
    ("שלב, כלב, לבבי", []),
    ("אבעמוד השדרה", []),  # not a prefix sequence
]


@pytest.mark.parametrize("text, expected", HEBREW_CASES)
def test_hebrew(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(HEBREW, text) == expected


def test_hebrew_final_letters_are_folded() -> None:
    """A wording typed with a final letter in the middle or a plain one at the end still matches."""
    matcher = compile_matcher(forms("כאב ראש", "תאים", kind="preferred"), lang="he")
    assert found(matcher, "כאב ראש ותאימ") == [("כאב ראש", "כאב ראש"), ("תאימ", "תאים")]


@given(st.sampled_from(sorted(HEBREW_PREFIXES)))
def test_hebrew_any_prefix_before_a_wording_matches(prefix: str) -> None:
    assert found(HEBREW, f"יש {prefix}עמוד השדרה כאן") == [("עמוד השדרה", "עמוד שדרה")]


PERSIAN = compile_matcher(
    forms("ستون فقرات", "درد", "مهره کمری", "دارو", "عصب", "نخاع", "سلول بنیادی", "در", kind="preferred"), lang="fa"
)
ZWNJ = "\u200c"

PERSIAN_CASES = [
    # the zero-width non-joiner and a space are one
    (f"ستون{ZWNJ}فقرات", [(f"ستون{ZWNJ}فقرات", "ستون فقرات")]),
    # suffixes after a non-joiner, a space or attached
    (f"ستون{ZWNJ}فقرات{ZWNJ}تان", [(f"ستون{ZWNJ}فقرات", "ستون فقرات")]),
    (f"دردها، دردهای، درد{ZWNJ}ها، دردتان، درد{ZWNJ}ی", [("درد", "درد")] * 5),
    ("داروها و داروی", [("دارو", "دارو"), ("دارو", "دارو")]),
    # an inner word in the plural with the ezafe; the ezafe written after ه
    (f"سلول{ZWNJ}های بنیادی، سلولهای بنیادی", [(f"سلول{ZWNJ}های بنیادی", "سلول بنیادی"), ("سلولهای بنیادی", "سلول بنیادی")]),
    ("مهرهٔ کمری", [("مهرهٔ کمری", "مهره کمری")]),
    (f"مهره{ZWNJ}ی کمری", [(f"مهره{ZWNJ}ی کمری", "مهره کمری")]),
    # Arabic yeh and kaf; the kasra of the ezafe is a mark after the wording, not part of it
    ("سلول بنيادي، دردِ", [("سلول بنيادي", "سلول بنیادی"), ("درد", "درد")]),
    # false positives: the second part of a compound (بی‌درد painless, درد‌آور), a nisba adjective
    # (عصبی nervous, نخاعی spinal), a short word inside a longer one (درمان is not در + مان)
    (f"بی{ZWNJ}درد، درد{ZWNJ}آور", []),
    ("عصبی، نخاعی، دردی", []),
    ("درمان", []),
]


@pytest.mark.parametrize("text, expected", PERSIAN_CASES)
def test_persian(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(PERSIAN, text) == expected


@given(st.sampled_from(sorted(PERSIAN_SUFFIXES)), st.sampled_from([ZWNJ, " "]))
def test_persian_any_suffix_after_a_non_joiner_or_space_matches(suffix: str, joiner: str) -> None:
    assert found(PERSIAN, f"در ستون فقرات{joiner}{suffix} است") == [("در", "در"), ("ستون فقرات", "ستون فقرات")]


@pytest.mark.parametrize(
    "lang, script", [("uk", "ukrainian"), ("pl_PL", "polish"), ("he", "hebrew"), ("iw", "hebrew"), ("fa", "persian"), ("fa-AF", "persian")]
)
def test_languages_with_inflection_rules(lang: str, script: str) -> None:
    assert script_for(lang) == script


def test_generic_language_whole_words() -> None:
    matcher = compile_matcher(forms("hernie discale", kind="preferred"), lang="fr")
    assert found(matcher, "Une Hernie discale, des hernies discales") == [("Hernie discale", "hernie discale")]


def test_whole_words_hidden_by_a_longer_phrase_are_reported_separately() -> None:
    russian = compile_matcher(forms("хронический", "хроническая боль", "боль в спине", kind="preferred"), lang="ru")
    chosen, hidden = russian.find_with_hidden("Хроническая боль в спине")
    assert [m.text for m in chosen] == ["Хроническая боль"]
    assert [m.text for m in hidden] == ["Хроническая", "боль в спине"]
    # inside one Korean word nothing is a whole word
    assert KOREAN.find_with_hidden("좌골신경통이")[1] == []
    # Japanese and Chinese: the head or tail of the longer wording, when the rest is a word
    assert [m.text for m in JAPANESE.find_with_hidden("間葉系幹細胞")[1]] == ["幹細胞"]
    assert JAPANESE.find_with_hidden("坐骨神経痛")[1] == []  # 痛: a one-character suffix
    cjk = compile_matcher(forms("再生", "組織", "再生医療", "組織再生医療", "脂肪組織", kind="preferred"), lang="ja")
    assert [m.text for m in cjk.find_with_hidden("脂肪組織と再生医療")[1]] == ["組織", "再生"]
    assert [m.text for m in cjk.find_with_hidden("組織再生医療")[1]] == ["組織", "再生医療"]  # not the inner 再生
    # a whole Korean word inside a longer phrase is
    korean = compile_matcher(forms("추간판", "추간판 탈출증", kind="preferred"), lang="ko")
    assert [m.text for m in korean.find_with_hidden("추간판 탈출증으로")[1]] == ["추간판"]


def test_one_span_can_be_several_forms() -> None:
    matcher = compile_matcher(
        [Form("간세포", "stem-cell", "forbidden"), Form("간세포", "hepatocyte", "preferred")], lang="ko"
    )
    (match,) = matcher.find("간세포가")
    assert {(f.term, f.kind) for f in match.forms} == {("stem-cell", "forbidden"), ("hepatocyte", "preferred")}


def test_empty_glossary_finds_nothing() -> None:
    assert compile_matcher([], lang="ko").find("줄기세포") == []


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz -.,", max_size=40)


@given(WORDS, WORDS)
def test_matches_are_ordered_non_overlapping_spans_of_the_text(before: str, after: str) -> None:
    text = before + " herniated disc " + after
    matches = ENGLISH.find(text)
    assert all(text[m.start : m.end] == m.text for m in matches)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))
    assert any(f.term == "herniated disc" for m in matches for f in m.forms)


@given(st.text(alphabet="가나다라마바사아자차카타파하 ", max_size=30), st.sampled_from(sorted(KOREAN_TAILS)))
def test_korean_term_at_word_start_with_any_tail_matches(before: str, tail: str) -> None:
    text = f"{before} 추간판 탈출증{tail}"
    assert ("추간판 탈출증", "herniated-disc") in found(KOREAN_RULES_ONLY, text)


# --------------------------------------------------------------------------- a wording inside a longer expression

# Leftmost-longest: where a longer glossary wording matches, only its term is found at that place,
# in every language; the shorter wording is then at most a hidden match (a compound credits its parts).
LONGEST_CASES = [
    ("en", ["back", ("back pain", "back-pain")], "Back pain, and the back", [("Back pain", "back-pain"), ("back", "back")]),
    ("ko", ["목", ("자궁목", "cervix")], "자궁목 검사, 목 통증", [("자궁목", "cervix"), ("목", "목")]),
    ("ja", ["頸部", ("子宮頸部", "cervix")], "子宮頸部と頸部", [("子宮頸部", "cervix"), ("頸部", "頸部")]),
    ("zh_Hans", ["颈", ("宫颈", "cervix")], "宫颈癌与颈痛", [("宫颈", "cervix"), ("颈", "颈")]),
    ("ru", ["шея", ("боль в шее", "neck-pain")], "Боль в шее; шея", [("Боль в шее", "neck-pain"), ("шея", "шея")]),
    ("ar", ["عنق", ("عنق الرحم", "cervix")], "فحص عنق الرحم والعنق", [("عنق الرحم", "cervix"), ("والعنق", "عنق")]),
    ("he", ["צוואר", ("צוואר הרחם", "cervix")], "צוואר הרחם והצוואר", [("צוואר הרחם", "cervix"), ("צוואר", "צוואר")]),
    ("fa", ["گردن", ("گردن رحم", "cervix")], "گردن رحم و گردن", [("گردن رحم", "cervix"), ("گردن", "گردن")]),
]


@pytest.mark.parametrize("lang, specs, text, expected", LONGEST_CASES, ids=[c[0] for c in LONGEST_CASES])
def test_a_longer_wording_of_another_term_wins_at_its_place(lang: str, specs: list, text: str, expected: list) -> None:
    assert found(compile_matcher(forms(*specs, kind="preferred"), lang=lang), text) == expected


def nested(lang: str, wording: str, not_in: tuple[str, ...], *others: tuple[str, str]) -> Matcher:
    """``neck`` written ``wording``, not counting inside ``not_in``, beside ``others`` (text, id)."""
    return compile_matcher(
        [Form(wording, "neck", "preferred", not_in=not_in), *(Form(text, term, "preferred") for text, term in others)], lang=lang
    )


# (language, wording, not_in, text, expected): a wording inside one of its not_in expressions is not the term;
# the expression is matched by the language's rules (plural, case, clitics, particles); other terms inside it count.
NOT_IN_CASES = [
    ("en", "disc", ("disc jockey",), "A disc jockey, two disc jockeys; a disc", [("disc", "neck")]),
    ("en", "spine", ("spine-chilling",), "a spine chilling tale, a spine-chilling one, the spine", [("spine", "neck")]),
    ("en", "disc", ("compact disc",), "Compact discs and a slipped disc", [("disc", "neck")]),
    ("ko", "목", ("목요일", "자궁목"), "목요일에 자궁목 검사를 받고 목이 아팠다", [("목", "neck")]),
    ("ja", "腰", ("腰かけ",), "椅子に腰かけて、腰が痛い", [("腰", "neck")]),
    ("ja", "頸部", ("子宮頸部",), "子宮頸部の検査と頸部の痛み", [("頸部", "neck")]),
    ("zh_Hans", "颈", ("宫颈",), "宫颈癌筛查与颈痛", [("颈", "neck")]),
    ("zh_Hans", "针", ("针对",), "针对疼痛使用针", [("针", "neck")]),
    # swan-neck deformity is a deformity of a finger
    ("ru", "шея", ("лебединая шея",), "деформация по типу лебединой шеи; болит шея", [("шея", "neck")]),
    ("en", "neck", ("swan neck",), "a swan-neck deformity of the finger, not of the neck", [("neck", "neck")]),
    ("ar", "عنق", ("عنق الرحم",), "عنق الرحم، وبعنق الرحم، وألم العنق", [("العنق", "neck")]),
    ("he", "צוואר", ("צוואר הרחם",), "צוואר הרחם וכאב בצוואר", [("צוואר", "neck")]),
    ("fa", "گردن", ("گردن رحم",), "گردن رحم و درد گردن", [("گردن", "neck")]),
    ("pl", "szyja", ("łabędzia szyja",), "deformacja typu łabędziej szyi; boli szyja", [("szyja", "neck")]),
    # the expression alone blocks nothing outside it
    ("ar", "عنق", ("عنق الرحم",), "العنق والرحم", [("العنق", "neck")]),
]


@pytest.mark.parametrize("lang, wording, not_in, text, expected", NOT_IN_CASES, ids=[f"{c[0]}-{c[1]}" for c in NOT_IN_CASES])
def test_a_wording_inside_its_not_in_expression_is_not_the_term(
    lang: str, wording: str, not_in: tuple[str, ...], text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(nested(lang, wording, not_in), text) == expected


def test_not_in_drops_only_its_own_term() -> None:
    """Another term inside the expression, or the expression as another term's wording, still counts."""
    assert found(nested("ar", "عنق", ("عنق الرحم",), ("رحم", "womb")), "فحص عنق الرحم") == [("الرحم", "womb")]
    assert found(nested("ar", "عنق", ("عنق الرحم",), ("عنق الرحم", "cervix")), "فحص عنق الرحم") == [("عنق الرحم", "cervix")]
    assert found(nested("zh_Hans", "颈", ("宫颈",), ("宫", "womb")), "宫颈") == [("宫", "womb")]


def test_not_in_also_removes_the_hidden_match_under_a_longer_wording() -> None:
    """Without not_in, عنق under the chosen عنق الرحم (cervix) is a hidden whole word that credits neck."""
    plain = compile_matcher(forms(("عنق", "neck"), ("عنق الرحم", "cervix"), kind="preferred"), lang="ar")
    assert [m.text for m in plain.find_with_hidden("فحص عنق الرحم")[1]] == ["عنق"]
    assert nested("ar", "عنق", ("عنق الرحم",), ("عنق الرحم", "cervix")).find_with_hidden("فحص عنق الرحم")[1] == []


NECK_WORDS = st.lists(st.sampled_from(["neck", "of", "the", "womb", "bottle", "pain", "a", "Neck"]), max_size=14)


@given(NECK_WORDS, st.lists(st.lists(st.sampled_from(["of", "the", "womb", "bottle", "pain"]), max_size=3), min_size=1, max_size=3),
       st.data())
def test_not_in_removes_exactly_the_occurrences_inside_its_expressions(words: list[str], parts: list[list[str]], data: st.DataObject) -> None:
    """A one-word wording cannot overlap itself: not_in adds no match, and removes those inside an expression."""
    expressions = [" ".join(p[: (at := data.draw(st.integers(0, len(p))))] + ["neck"] + p[at:]) for p in parts]
    text = " ".join(words)
    without = {(m.start, m.end) for m in nested("en", "neck", ()).find(text)}
    with_not_in = {(m.start, m.end) for m in nested("en", "neck", tuple(expressions)).find(text)}
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    inside = set()
    for expression in map(str.split, expressions):
        for j in range(len(words) - len(expression) + 1):
            if [w.lower() for w in words[j : j + len(expression)]] == expression:
                inside |= {(starts[i], starts[i] + 4) for i in range(j, j + len(expression)) if words[i].lower() == "neck"}
    assert with_not_in == without - inside


# --------------------------------------------------------------------------- an unseen glossary, as a table

UNSEEN = Path(__file__).parent / "glossary" / "unseen"


@dataclass(frozen=True)
class UnseenRow:
    """One row of ``glossary/unseen/sentences.tsv``: a translated sentence and the terms a reviewer reads in it."""

    line: int
    lang: str
    expected: tuple[str, ...]
    """Term ids, repeated for each occurrence; ``id!`` for a forbidden wording."""
    text: str
    note: str


def unseen_rows() -> list[UnseenRow]:
    rows = []
    for number, line in enumerate((UNSEEN / "sentences.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        lang, expected, text, note = (line.split("\t") + [""])[:4]
        rows.append(UnseenRow(number, lang, tuple(e for e in expected.split() if e != "-"), text, note))
    return rows


@lru_cache(maxsize=None)
def _unseen_matcher(lang: str) -> Matcher:
    return compile_matcher(target_forms(load_glossary(UNSEEN / "glossary.yaml"), lang), lang=lang)


def unseen_found(row: UnseenRow) -> Counter[str]:
    """The term ids the matcher finds (the chosen matches, as the forbidden check sees them)."""
    found = Counter()
    for match in _unseen_matcher(row.lang).find(row.text):
        for term in sorted({f.term + ("!" if f.kind == "forbidden" else "") for f in match.forms}):
            found[term] += 1
    return found


def unseen_score(expected: Counter[str], found: Counter[str]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives), counting repeated terms."""
    true = sum((expected & found).values())
    return true, sum(found.values()) - true, sum(expected.values()) - true


@pytest.mark.parametrize("row", unseen_rows(), ids=lambda row: f"{row.lang}:{row.line}")
def test_unseen_glossary_table(row: UnseenRow) -> None:
    """Each row's terms are found, as often as they occur; a row marked known: is a documented limitation."""
    found = unseen_found(row)
    if row.note.startswith("known:"):
        assert found != Counter(row.expected), f"line {row.line} now passes: drop its known: note"
    else:
        assert found == Counter(row.expected)


def test_unseen_glossary_precision_and_recall() -> None:
    """Measured 2026-11: before this round 151 found, 8 false, 1 missed (precision 0.950, recall 0.993);
    then 152, 1 (the known: row), 0 (precision 0.993, recall 1.0). Rows on the cervix ("neck of the womb")
    in five languages and the glossary's not_in: 161, 0, 0 (precision 1.0, recall 1.0)."""
    true = false = missed = 0
    for row in unseen_rows():
        t, f, m = unseen_score(Counter(row.expected), unseen_found(row))
        true, false, missed = true + t, false + f, missed + m
    assert (true, false, missed) == (161, 0, 0)
