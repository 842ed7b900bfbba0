"""Order of titles in a grouped nav, per language, and the guide words of its ranges.

Tables: titles in the order a reader of that language looks for them
(pipeline/site_config.py, ``Collation``), and the dictionary-style range titles
``language_nav`` gives them. Laws (Hypothesis): the ranges cut the sorted
titles into contiguous runs that cover every page once, no list is longer than
the limit, and the guide words never contradict the order of the pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.languages import get_language
from pipeline.site_config import NavEntry, NavPage, fold_title, language_nav, sort_key
from tests.site_project import REPO
from tests.laws import examples

# (language, titles in the expected order, range titles at limit 3: 8 titles -> 2 + 3 + 3)
ORDERS = [
    pytest.param(
        "en",
        ["2 weeks after surgery", "10 weeks after surgery", "(Acute) sciatica", "Ankle sprain", "“Back pain”",
         "Back surgery", "Éclampsia", "Zinc"],
        ["2 – 10", "Acute – Back pain", "Back surgery – Zinc"],
        id="en-numbers-punctuation-accents",
    ),
    pytest.param(
        "ru",
        ["«Боль в спине»", "Ель", "Ёмкость лёгких", "Игла", "Йод и щитовидная железа", "Колено", "Шея", "Яблоко"],
        ["Боль – Ель", "Ёмкость – Йод", "Колено – Яблоко"],
        id="ru-yo-with-ye-short-i-after-i",
    ),
    pytest.param(
        "ar",
        ["إبرة", "آلام الرقبة", "ٱلتهاب", "ألم الظهر", "بَطـــن", "ركبة", "مدرسة", "يد"],
        ["إبرة – آلام", "ٱلتهاب – بَطـــن", "ركبة – يد"],
        id="ar-alef-variants-harakat-tatweel",
    ),
    pytest.param(
        "ko",
        ["MRI 검사", "가슴 통증", "각막", "나이", "디스크", "무릎", "「척추」 수술", "허리 통증"],
        ["MRI – 가슴", "각막 – 디스크", "무릎 – 허리"],
        id="ko-syllables-in-code-point-order",
    ),
    pytest.param(
        "ja",
        ["あし", "かぜ", "カルシウム", "ガン", "第9章", "第10章", "腰痛", "骨折"],
        ["あ – かぜ", "カル – 第9", "第10 – 骨"],
        id="ja-kana-gojuon-then-kanji",
    ),
    pytest.param(
        "zh_Hans",
        ["第9章", "第10章", "背痛", "腰椎间盘突出", "腰痛", "颈椎病", "颈部", "骨折"],
        ["第9 – 第10", "背 – 腰", "颈 – 骨"],
        id="zh-radical-stroke-order",
    ),
]


def _ranges(nav: list[NavEntry]) -> list[tuple[str, list[NavEntry]]]:
    return [next(iter(item.items())) for item in nav if isinstance(item, dict)]


@pytest.mark.parametrize(("lang", "expected", "range_titles"), ORDERS)
def test_titles_sort_as_readers_of_the_language_expect(lang: str, expected: list[str], range_titles: list[str]) -> None:
    shuffled = expected[1::2] + expected[::2][::-1]  # any order in, the reader's order out
    assert sorted(shuffled, key=lambda title: sort_key(title, lang)) == expected
    assert sorted(shuffled, key=lambda title: sort_key(title, get_language(lang))) == expected  # a Language works too


@pytest.mark.parametrize(("lang", "expected", "range_titles"), ORDERS)
def test_range_titles_are_guide_words_in_the_readers_order(lang: str, expected: list[str], range_titles: list[str]) -> None:
    pages = [NavPage(f"page-{index}.md", title) for index, title in enumerate(expected[::-1])]
    nav, grouped = language_nav(pages, home="index.md", limit=3, lang=lang)
    assert grouped and nav[0] == "index.md"
    by_rel = {page.rel: page.title for page in pages}
    assert [title for title, _ in _ranges(nav)] == range_titles
    assert [by_rel[rel] for _, members in _ranges(nav) for rel in members] == expected  # type: ignore[index]


@pytest.mark.parametrize(
    ("lang", "a", "b"),
    [
        ("ru", "Ёж", "Еж"),  # ё is filed under е
        ("ar", "مدرسة", "مدرسه"),  # ta marbuta with ha
        ("ar", "مستشفى", "مستشفي"),  # alef maqsura with ya
        ("ar", "أإآٱا", "ااااا"),  # every alef is alef
        ("ar", "كِتَـــابٌ", "كتاب"),  # harakat and tatweel do not count
        ("ja", "カタカナ", "かたかな"),
        ("ja", "ガ", "か"),  # voiced kana with unvoiced (gojūon order, first level)
        ("en", "“Crème brûlée”", "creme brulee"),
        ("en", "１２", "12"),  # full-width digits
        ("ar", "٣ أسابيع", "3 اسابيع"),  # Arabic-Indic digits are numbers
    ],
)
def test_spellings_a_reader_treats_as_the_same_letters_fold_together(lang: str, a: str, b: str) -> None:
    assert fold_title(a, lang) == fold_title(b, lang)


@pytest.mark.parametrize(
    ("lang", "earlier", "later"),
    [
        ("ru", "Игла", "Йод"),  # й is a letter after и, not и with a mark
        ("ru", "Йод", "Колено"),
        ("ru", "Ёж", "Яблоко"),  # code point order would put ё after я
        ("en", "2 weeks", "10 weeks"),
        ("en", "9 months", "Ankle"),  # numbers before letters
        ("ko", "가", "각"),  # no final consonant before one
        ("ko", "깊이", "나이"),  # ㄲ between ㄱ and ㄴ
        ("ar", "ثلج", "جرح"),  # hijāʾī order: ث before ج
        ("ar", "هدوء", "يد"),  # ه, و, ي at the end of the alphabet
    ],
)
def test_language_specific_order(lang: str, earlier: str, later: str) -> None:
    assert sort_key(earlier, lang) < sort_key(later, lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # Polish: ą ć ę ł ń ó ś ź ż are letters after their base (code points put ł after z).
        ("pl", ["lekarz", "lz", "łokieć", "mózg", "zab", "ząb", "zęby", "źrebię", "żebro"]),
        # Ukrainian: ґ after г, є after е, и і ї й (code points put ґ є і ї after я).
        ("uk", ["гора", "ґанок", "дим", "ефір", "єдність", "жар", "икра", "іній", "їжа", "йод", "кіт", "яма"]),
        # Vietnamese: a ă â ... d đ; tone marks do not count (ầm is âm), ô before ơ, u before ư.
        ("vi", ["an", "ăn", "âm", "bụng", "dạ dày", "đau", "ốm", "ông", "ơn", "ung", "ưu", "vai"]),
        # Persian: پ چ ژ after ب ج ز, ک گ after ق, و before ه, ی last; ZWNJ does not count.
        ("fa", ["بازو", "پا", "جراحی", "چشم", "حال", "زانو", "ژن", "سر", "سلول‌ها", "قلب", "کمر", "گردن", "لگن", "وزن", "هفته", "یک"]),
        # Thai: a word written with เ แ โ ใ ไ first is filed under the consonant after it; tone marks do not count.
        ("th", ["ก้น", "กระดูก", "ขา", "เข่า", "แขน", "คอ"]),
        ("es", ["nuca", "ñu", "oreja"]),
        ("sv", ["arm", "zon", "ärr", "ögon"]),
    ],
)
def test_letters_of_other_alphabets_sort_where_their_dictionaries_put_them(lang: str, expected: list[str]) -> None:
    shuffled = expected[1::2] + expected[::2][::-1]
    assert sorted(shuffled, key=lambda title: sort_key(title, lang)) == expected
    pages = [NavPage(f"page-{index}.md", title) for index, title in enumerate(shuffled)]
    nav, _ = language_nav(pages, home="index.md", limit=2, lang=lang)
    by_rel = {page.rel: page.title for page in pages}
    assert [by_rel[rel] for rel in _leaves(nav[1:])] == expected


def _leaves(nav: list[NavEntry]) -> list[str]:
    return [leaf for item in nav for leaf in ([item] if isinstance(item, str) else _leaves(next(iter(item.values()))))]


def test_vietnamese_tone_marks_do_not_count_but_letters_do() -> None:
    assert fold_title("ầm", "vi") == fold_title("âm", "vi") != fold_title("am", "vi")
    assert fold_title("Đau", "vi") == fold_title("đau", "vi") != fold_title("dau", "vi")


def test_persian_typed_on_an_arabic_keyboard_files_with_persian_letters() -> None:
    assert fold_title("كمر", "fa") == fold_title("کمر", "fa") and fold_title("يک", "fa") == fold_title("یک", "fa")
    assert fold_title("سلول‌ها", "fa") == fold_title("سلولها", "fa")


def test_without_a_language_only_the_common_rules_apply() -> None:
    assert fold_title("Йод") == "иод" and fold_title("Йод", "ru") == "йод"  # common rules drop every mark
    assert fold_title("ٱلتهاب") != fold_title("ٱلتهاب", "ar")
    assert sort_key("“Back”") == sort_key("back") and sort_key("2 x") < sort_key("10 x")


def test_a_title_of_punctuation_only_keeps_a_place_and_a_guide_word() -> None:
    pages = [NavPage(f"p{i}.md", title) for i, title in enumerate(["?", "!", "Back", "Neck", "Hip"])]
    nav, _ = language_nav(pages, home="index.md", limit=2, lang="en")
    titles = [title for title, _ in _ranges(nav)]
    assert all(title.strip() and "…" not in title for title in titles), titles


# --------------------------------------------------------------------------- laws

_ALPHABET = "ab AÉé2 10.-«»“”()ёейиЙяأاٱةهىيـً٣가각나カか第中文"  # letters each collation treats, digits, punctuation
_TITLE = st.text(alphabet=_ALPHABET, min_size=1, max_size=7).filter(str.strip)
_LANGS = st.sampled_from([None, "en", "ru", "ar", "ko", "ja", "zh_Hans"])


def _guide_pair(title: str) -> tuple[str, str]:
    first, _, last = title.partition(" – ")
    return first, last or first


def _check_level(items: list[NavEntry], order: list[str], limit: int, lang: str | None, by_rel: dict[str, str]) -> list[str]:
    """The pages below ``items`` in nav order; checks list sizes and guide-word order on the way."""
    assert 0 < len(items) <= limit, items
    leaves: list[str] = []
    previous_last: str | None = None
    for item in items:
        if isinstance(item, str):
            leaves.append(item)
            continue
        title, children = next(iter(item.items()))
        first, last = _guide_pair(title)
        assert sort_key(first, lang) <= sort_key(last, lang), title
        if previous_last is not None:
            assert sort_key(previous_last, lang) <= sort_key(first, lang), (previous_last, title)
        previous_last = last
        below = _check_level(children, order, limit, lang, by_rel)
        # Each guide word is where its page is: no later than the range's first page, no earlier than its last.
        assert sort_key(first, lang) <= sort_key(by_rel[below[0]], lang), (title, by_rel[below[0]])
        leaves += below
    return leaves


@settings(max_examples=examples(300), deadline=None)
@given(titles=st.lists(_TITLE, min_size=1, max_size=60), limit=st.integers(2, 6), lang=_LANGS)
def test_ranges_are_contiguous_cover_every_page_once_and_respect_the_limit(titles: list[str], limit: int, lang: str | None) -> None:
    pages = [NavPage(f"p{index:02d}.md", title) for index, title in enumerate(titles)]
    by_rel = {page.rel: page.title for page in pages}
    nav, grouped = language_nav(pages, home="index.md", limit=limit, lang=lang)
    assert grouped == (len(pages) > limit) and nav[0] == "index.md"
    order = [page.rel for page in sorted(pages, key=lambda page: (sort_key(page.title, lang), page.rel))]
    leaves = _check_level(nav[1:], order, limit, lang, by_rel)
    if grouped:
        # Contiguous and complete: reading the ranges in order is reading the sorted titles, each once.
        assert leaves == order
    else:
        assert leaves == [page.rel for page in pages]


# --------------------------------------------------------------------------- with the real build


def test_pages_ordered_differently_per_language_are_all_published(tmp_path: Path) -> None:
    from pipeline.config import load_config
    from pipeline.site import build_site

    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n\n[tool.medloc.site]\nnav_limit = 2\n', encoding="utf-8"
    )
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    folder = tmp_path / "locales" / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    # English order: Ankle, Back, Whiplash; Korean order: 발목 (ankle), 편타성 (whiplash), 허리 (back).
    articles = [("ankle", "Ankle sprain", "발목 염좌"), ("back", "Back pain", "허리 통증"), ("whiplash", "Whiplash", "편타성 손상")]
    for slug, title, korean in articles:
        (tmp_path / "docs" / f"{slug}.md").write_text(f'---\ntitle: "{title}"\n---\n\nText.\n', encoding="utf-8")
        header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ko\\n"\n'
        po = f'{header}\nmsgid "{title}"\nmsgstr "{korean}"\n\nmsgid "Text."\nmsgstr "본문."\n'
        (folder / f"{slug}.po").write_text(po, encoding="utf-8")
    result = build_site(load_config(tmp_path), progress=False)
    assert not result.failed, [str(failure) for failure in result.failures]
