"""Languages nobody tuned medloc on (Persian, Hebrew, Thai, Hindi, Vietnamese, Polish, Ukrainian).

Each test names the rule it checks; every rule is by script or by CLDR data,
never by a list of these language codes, so the next language gets it too.
The browser side (search, lang/dir marking, axe) is in
tests/browser/test_new_languages_browser.py.
"""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest

from pipeline.checks import EntryChecker, run_checks
from pipeline.config import load_config
from pipeline.glossary import parse_glossary
from pipeline.languages import get_language
from pipeline.numbers import extract_numbers, measures
from pipeline.site_config import SiteLayout, language_config
from pipeline.site_i18n import MESSAGES, UiTranslations, english
from pipeline.site_tree import PageReport, TreeSpec, index_page, notice_meta

# --------------------------------------------------------------------------- languages


@pytest.mark.parametrize(
    ("code", "script", "spaced", "rtl"),
    [
        ("fa", "Arab", True, True),
        ("he", "Hebr", True, True),
        ("th", "Thai", False, False),
        ("hi", "Deva", True, False),
        ("vi", "Latn", True, False),
        ("uk", "Cyrl", True, False),
        ("zh_Hans", "Hans", False, False),  # the explicit script of the code wins
        ("sr_Latn", "Latn", True, False),  # Serbian is Cyrillic unless the code says otherwise
        ("km", "Khmr", False, False),
    ],
)
def test_script_and_spacing_come_from_cldr(code: str, script: str, spaced: bool, rtl: bool) -> None:
    lang = get_language(code)
    assert (lang.script, lang.spaced, lang.rtl) == (script, spaced, rtl)


def test_three_plural_forms_come_from_babel() -> None:
    for code in ("pl", "uk"):
        lang = get_language(code)
        assert lang.nplurals == 3
        assert lang.plural_forms.startswith("nplurals=3; plural=")


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        # Persian digits with the Arabic decimal and group marks; Arabic-Indic digits too.
        ("fa", "۲٫۵ میلی‌گرم به مدت ۱۲ هفته؛ ۱٬۵۰۰ بیمار", ["2.5", "12", "1500"]),
        ("fa", "١٬٥٠٠ بیمار", ["1500"]),
        # Devanagari digits; Indian grouping (CLDR #,##,##0): 1,50,000 is one number, 150000.
        ("hi", "१२ सप्ताह, २.५ मिलीग्राम, १,५०,००० लोग", ["12", "2.5", "150000"]),
        ("hi", "1,00,00,000 रुपये", ["10000000"]),
        ("th", "๒.๕ มก. เป็นเวลา ๑๒ สัปดาห์ ผู้ป่วย ๑,๕๐๐ คน", ["2.5", "12", "1500"]),
        ("vi", "2,5 mg trong 12 tuần; 1.500 bệnh nhân", ["2.5", "12", "1500"]),
        ("pl", "2,5 mg przez 12 tygodni; 1500 pacjentów", ["2.5", "12", "1500"]),
    ],
)
def test_digits_of_every_script_are_read_by_value(lang: str, text: str, values: list[str]) -> None:
    assert [n.value for n in extract_numbers(text, lang)] == values


def test_groups_of_two_only_where_cldr_groups_in_twos() -> None:
    # English groups in threes: 1,50,000 is not a number written that way (two numbers).
    assert [n.value for n in extract_numbers("1,50,000", "en")] == ["1", "50000"]


@pytest.mark.parametrize("lang", ["fa", "he", "th", "hi", "vi", "pl", "uk", "de"])
def test_units_in_a_language_without_unit_words_use_the_international_symbols(lang: str) -> None:
    # Before: the unit pattern of such a language was empty and matched everywhere (KeyError: '').
    found = measures("400 mg, 12 h", lang)
    assert [(m.value, sorted(m.units)) for m in found] == [("400", ["mg"]), ("12", ["h"])]


def check(glossary_text: str, lang: str, source: str, translation: str) -> list[str]:
    glossary = parse_glossary(textwrap.dedent(glossary_text), path="glossary.yaml")
    return [f"{i.check}: {i.message}" for i in EntryChecker(glossary, source_lang="en", lang=lang, analyser="rules").check(source, translation)]


GLOSSARY = """\
    version: 1
    source_language: en
    terms:
      - id: stem-cell
        source: stem cell
        translations:
          th: {preferred: เซลล์ต้นกำเนิด, forbidden: [เซลล์ตับ]}
          vi: {preferred: tế bào gốc}
          fa: {preferred: سلول بنیادی}
      - id: sciatica
        source: sciatica
        translations:
          th: {preferred: อาการปวดหลังร้าวลงขา}
"""


def test_number_changes_are_found_in_native_digits() -> None:
    issues = check(GLOSSARY, "fa", "Take 400 mg for 12 weeks.", "۴۰۰ میلی‌گرم به مدت ۱۳ هفته مصرف کنید.")
    assert issues == ["number-mismatch: numbers differ from the source: missing 12; unexpected ۱۳"]
    assert check(GLOSSARY, "th", "12 weeks", "๑๒ สัปดาห์") == []
    assert check(GLOSSARY, "pl", "Take 400 mg.", "Przyjmować 400 g.") == ["number-mismatch: units differ from the source: 400 mg is 400 g"]


# --------------------------------------------------------------------------- terms


def test_thai_wordings_are_found_without_word_spaces() -> None:
    # Thai has no spaces between words: the exact wording inside a run of text is the term.
    translation = "เซลล์ต้นกำเนิดอาจช่วยลดอาการปวดหลังร้าวลงขาได้"
    assert check(GLOSSARY, "th", "Stem cells may ease sciatica.", translation) == []
    # ...and a forbidden one too.
    assert check(GLOSSARY, "th", "Stem cells", "เซลล์ตับ") == [
        "term-forbidden: 'เซลล์ตับ' is a forbidden translation of 'Stem cells' (stem-cell); use 'เซลล์ต้นกำเนิด'"
    ]


def test_a_thai_match_does_not_end_inside_a_letter_with_its_vowel_or_tone() -> None:
    glossary = """\
        version: 1
        source_language: en
        terms:
          - id: pain
            source: pain
            translations:
              th: {preferred: ปวด}
    """
    # ปวด followed by a combining vowel sign would be another syllable: ปวดี is not ปวด.
    assert check(glossary, "th", "pain", "ปวดี") == ["term-missing: 'pain' (pain) is not translated with an approved term; use 'ปวด'"]
    assert check(glossary, "th", "pain", "ปวดมาก") == []


def test_a_decomposed_translation_matches_the_glossary() -> None:
    nfd = unicodedata.normalize("NFD", "Tế bào gốc có thể giúp giảm đau.")
    assert nfd != unicodedata.normalize("NFC", nfd)
    assert check(GLOSSARY, "vi", "Stem cells can help ease pain.", nfd) == []


def write_project(root: Path, languages: list[str]) -> Path:
    (root / "pyproject.toml").write_text(f"[tool.medloc]\nsource_language = \"en\"\nlanguages = {languages!r}\n".replace("'", '"'))
    (root / "locales").mkdir()
    (root / "locales" / "glossary.yaml").write_text(textwrap.dedent(GLOSSARY), encoding="utf-8")
    for lang in languages[1:]:
        folder = root / "locales" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "a.po").write_text(
            f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"X-Source-Language: en\\n"\n\n'
            f'#: docs/a.md:1\nmsgid "Stem cells"\nmsgstr "x"\n',
            encoding="utf-8",
        )
    return root


def test_check_says_which_terms_a_language_has_no_wording_for(tmp_path: Path) -> None:
    result = run_checks(load_config(write_project(tmp_path, ["en", "th", "he"])), analyser="rules")
    notes = [d for d in result.diagnostics if d.code == "term-unchecked"]
    # Hebrew has no wording at all; Thai has both terms.
    assert [str(d.message) for d in notes] == ["2 of 2 terms have no wording in he; they are not checked in he translations (stem-cell, sciatica)"]
    assert notes[0].severity == "info"
    assert str(notes[0].location) == "locales/glossary.yaml"


# --------------------------------------------------------------------------- site texts shown in English


def ui_without(lang: str, *translated: str) -> UiTranslations:
    """``lang``'s site texts with only the keys ``translated`` translated (as a site.po would)."""
    return UiTranslations(lang=get_language(lang), entries={MESSAGES[key].msgid: f"«{key}»" for key in translated})


def test_a_text_without_translation_is_known_to_be_english() -> None:
    ui = ui_without("fa", "notice.title")
    assert not ui.shows_english("notice.title")
    assert ui.shows_english("disclaimer")
    assert not english(get_language("en")).shows_english("disclaimer")  # English pages need no marking


def spec(ui: UiTranslations, tmp_path: Path) -> TreeSpec:
    return TreeSpec(
        lang=ui.lang, out_dir=tmp_path, ui=ui, root_of=lambda other: "" if other.code == "en" else f"{other.tag}/",
        project_root=tmp_path, po_path=lambda lang, slug: tmp_path / f"{slug}.po",
    )


def test_notice_fields_in_english_are_listed_and_name_languages_in_english(tmp_path: Path) -> None:
    ui = ui_without("fa", "notice.title")
    report = PageReport(rel="a.md", slug="a", kind="article", title="t", total=16, untranslated=11)  # type: ignore[arg-type]
    meta = notice_meta(report, get_language("en"), spec(ui, tmp_path))
    assert meta["english"] == ["legend", "original_link", "progress", "untranslated"]
    assert meta["title"] == "«notice.title»"
    # An English sentence names the original language in English, not in Persian (انگلیسی).
    assert meta["untranslated"].endswith("(English).")
    assert meta["original_link"] == "Read the original article (English)"


def test_home_page_and_config_mark_english_texts(tmp_path: Path) -> None:
    fa, en = get_language("fa"), get_language("en")
    ui = ui_without("fa", "home.articles")
    home = index_page([], spec(ui, tmp_path), [en, fa])
    assert '<span lang="en" dir="ltr">Clear information' in home
    assert "## «home\\.articles»" in home  # translated: not marked
    assert "title_lang: en" in home and "title_dir: ltr" in home  # the page title (h1, header) is English
    config = language_config(
        lang=fa, layout=SiteLayout(en, (en, fa)), ui=ui, top_config=tmp_path / "mkdocs.yml", config_dir=tmp_path / "fa",
        theme_dir=tmp_path / "theme", nav=["index.md"], site_name="Site",
    )
    assert config["extra"]["medloc"]["english"] == [
        "disclaimer", "disclaimer_label", "notfound_title", "notfound_text", "notfound_home", "languages",
        "palette_dark", "palette_light",
    ]
