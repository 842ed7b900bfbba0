"""Numbers as each language writes them, reduced to comparable values.

Used by the ``number-mismatch`` check. What counts as the same number:

* digits of any script (``٣``, full-width ``３``) are digits;
* the language's decimal and group separators (Babel's CLDR data): ``2.5`` in
  English is ``2,5`` in Russian, ``1,000`` is ``1 000``; a non-breaking or thin
  space groups thousands everywhere. A ``,`` followed by exactly three digits
  groups thousands unless it is the language's decimal mark (in Russian
  ``1,000`` *is* one); the Arabic decimal mark ``٫`` is one in every language,
  and Persian also writes it as a slash between its own digits (``۲/۵`` is 2.5;
  not a date ``۱۴۰۲/۰۵/۱۲``, a year ``۱۴۰۲/۵``, Latin digits ``L4/5`` or any
  other language's ``١/٢``);
* ranges are just their numbers (``30–70``, ``30~70세``, ``30 to 70``, ``۱۵ تا ۲۰``); signs
  are ignored, so a dash is never a minus;
* units and counters attached to a number are not part of it (``5개월``,
  ``30~70세``, ``3상``); multipliers are: ``10만`` = 100000, ``3 million``,
  ``1億``, ``2 млн``;
* Roman numerals count where they are numbers: after phase/stage/grade/type
  words (``Phase III``, ``фаза II``), before a Korean/CJK phase counter
  (``III상``, ``第III相``, ``III期``) or a Russian one (``III фазы``, ``I/II фазы``),
  and the Unicode numerals ``Ⅲ``;
* ``9:30`` is 9 and 30 (as ``9시 30분``), ``9:00`` is 9;
* a unit written right after a number (``400 mg``, ``6주``, ``３か月``, ``٣٠ دقيقة``)
  is read by :func:`measures`: a number both sides write with a unit must keep
  its unit (400 mg is not 400 g, 30 minutes not 30 hours, 0.5 mL not 0.5 L,
  1.5 cm not 1.5 mm, °C not °F, $ not ₩ whether the symbol comes before or
  after the amount, 5 mg/kg not a total 5 mg);
* :func:`ranges` keeps the order of a range's ends (``15–20`` is not ``20~15``);
* :func:`required_words`: ``twice a day`` and ``half an hour`` are numbers a
  translation must keep, in digits or in words;
* number words (``five``, ``다섯``, ``пяти``, ``五つ``, month names) never make a
  mismatch on their own: they only excuse a digit the other side lacks, so an
  ambiguous word can hide nothing but a number written in words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import get_decimal_symbol, get_group_symbol


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text."""

    value: str
    """Canonical decimal form: ``1000``, ``2.5``."""
    text: str
    """As written: ``1,000``, ``2,5``, ``III``."""


_DIGIT_RUN = re.compile(r"\d+")
_SPACES = "\u00a0\u202f\u2009"
_MULTIPLIERS = {
    "만": 10**4, "억": 10**8, "천": 10**3, "백": 10**2, "천만": 10**7, "백만": 10**6, "십만": 10**5,
    "万": 10**4, "萬": 10**4, "億": 10**8, "亿": 10**8, "千": 10**3, "百": 10**2, "千万": 10**7, "百万": 10**6,
}
_WORD_MULTIPLIERS = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9,
    "тыс": 10**3, "тысяч": 10**3, "тысячи": 10**3, "тысяча": 10**3, "млн": 10**6, "миллиона": 10**6,
    "миллионов": 10**6, "миллион": 10**6, "млрд": 10**9,
    "ألف": 10**3, "آلاف": 10**3, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9,
}
_MULTIPLIER_AFTER = re.compile(r"(천만|백만|십만|千万|百万|[만억천백万萬億亿百]|千(?![克米卡瓦焦]))|\s?([A-Za-zА-Яа-яё\u0600-\u06ff]+)")
"""千 before 克, 米, 卡 is the kilo of a unit (5千克 is 5 kg), not a thousand."""
_ROMAN_CONTEXT = re.compile(
    r"(?:(?i:phase|stage|grade|type|class|level|group)|[Фф]аз[аыеуой]*|[Сс]тади[яиюей]*|[Тт]ип[аеу]?|[Сс]тепен[иь]|[Кк]ласс[аеу]?|第|제)"
    r"\s*((?:[IVX]+)(?:\s*[/,–~-]\s*[IVX]+)*)(?![A-Za-z])"
    r"|(?<![A-Za-z])((?:[IVX]+)(?:\s*[/,–~-]\s*[IVX]+)*)(?:\s?(?=상|相|期|기|형|型|度|级|級)|\s(?=[Фф]аз|[Сс]тади|[Тт]ип|[Сс]тепен|[Кк]ласс))"
)
_UNICODE_ROMAN = re.compile("[\u2160-\u217f]")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


# --------------------------------------------------------------------------- digits


@lru_cache(maxsize=None)
def _separators(lang: str) -> tuple[str, str]:
    """(decimal mark, group mark) for ``lang``; English ones for unknown languages."""
    try:
        return get_decimal_symbol(lang), get_group_symbol(lang)
    except Exception:  # babel raises several types for odd codes; English is a safe default
        return ".", ","


_SLASH_DECIMAL = frozenset({"fa", "prs"})
"""Languages that write a decimal as ``۲/۵`` (Persian, Dari): the Persian decimal mark ٫ looks like a slash and
keyboards type one. Arabic and Urdu do not (Arabic ``١/٢`` is a half)."""


@dataclass(frozen=True, slots=True)
class _Notation:
    """How one language writes the parts of a number."""

    decimal: str
    group: str
    twos: bool = False
    """Groups in twos above the thousands (CLDR ``#,##,##0``: Hindi 1,50,000)."""
    slash_decimal: bool = False
    """``/`` between two digits of the Arabic script is a decimal mark too (Persian ``۲/۵`` is 2.5)."""


@lru_cache(maxsize=None)
def _notation(lang: str) -> _Notation:
    decimal, group = _separators(lang)
    base = lang.replace("-", "_").split("_")[0].lower()
    return _Notation(decimal, group, twos=_groups_in_twos(lang), slash_decimal=base in _SLASH_DECIMAL)


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


# Superscript and subscript digits (m², H₂O) are numbers of their own, as pymdownx.caret/tilde's
# ``m^2^`` and ``H~2~O`` are: "^" keeps "10²" two numbers (10 and 2), never "102".
_SCRIPT_DIGITS = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u2080-\u2089]+")
_SCRIPT_TABLE = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089",
                              "01234567890123456789")


@lru_cache(maxsize=65536)
def extract_numbers(text: str, lang: str) -> tuple[Number, ...]:
    """Every number in ``text`` (digits, separators, multipliers, Roman numerals in context)."""
    if not text.isascii():
        text = _SCRIPT_DIGITS.sub(lambda match: "^" + match.group().translate(_SCRIPT_TABLE), text)
    return tuple(_digit_numbers(text, _notation(lang))) + tuple(_roman_numbers(text))


@lru_cache(maxsize=None)
def _groups_in_twos(lang: str) -> bool:
    """Whether ``lang`` groups digits in twos above the thousands (CLDR ``#,##,##0``: Hindi 1,50,000)."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import parse_pattern

    try:
        return parse_pattern(Locale.parse(lang.replace("-", "_")).decimal_formats[None]).grouping[1] == 2
    except (UnknownLocaleError, ValueError, TypeError, KeyError, IndexError):  # an odd code: groups of three
        return False


def _two_digit_groups(text: str, runs: list[re.Match[str]], index: int, group: str) -> int:
    """How many runs from ``index`` are one number grouped in twos before its last three digits
    (``1,50,000``, ``1,00,00,000``); 0 if they are not."""
    if len(runs[index].group()) > 2:
        return 0
    end = index
    while end + 1 < len(runs) and text[runs[end].end() : runs[end + 1].start()] in (group, ","):
        end += 1
        size = len(runs[end].group())
        if size == 3:
            return end - index + 1 if end - index >= 2 else 0
        if size != 2:
            return 0
    return 0


def _digit_numbers(text: str, notation: _Notation) -> list[Number]:
    runs = list(_DIGIT_RUN.finditer(text))
    numbers: list[Number] = []
    index = 0
    while index < len(runs):
        start = runs[index].start()
        whole, fraction, index = _join_runs(text, runs, index, notation)
        end = runs[index - 1].end()
        factor, end = _multiplier(text, end)
        numbers.extend(_time_parts(text, start, end, _value(whole, fraction, factor)))
    return numbers


def _join_runs(text: str, runs: list[re.Match[str]], index: int, notation: _Notation) -> tuple[str, str, int]:
    """Merge digit runs separated by group marks (and one decimal mark) into one number."""
    decimal, group = notation.decimal, notation.group
    count = _two_digit_groups(text, runs, index, group) if notation.twos else 0
    whole, fraction = "".join(run.group() for run in runs[index : index + max(count, 1)]), ""
    can_group = len(whole) <= 3
    first = index
    index += max(count, 1)
    while index < len(runs) and not fraction:
        gap = text[runs[index - 1].end() : runs[index].start()]
        digits = runs[index].group()
        kind = _separator_kind(gap, digits, decimal, group)
        if gap == "/" and notation.slash_decimal and index - 1 == first and _slash_decimal(text, runs[first], runs[index]):
            kind = "decimal"
        if kind == "group" and can_group:
            whole += digits
        elif kind in ("decimal", "group-or-decimal"):
            fraction = digits
        else:
            break
        index += 1
    return whole, fraction, index


def _slash_decimal(text: str, whole: re.Match[str], fraction: re.Match[str]) -> bool:
    """``۲/۵`` is 2.5 in Persian; a date (``۱۴۰۲/۰۵/۱۲``, ``۱۴۰۲/۵``: a year of four digits) is not,
    nor are Latin digits (``L4/5``, ``1/2``), which keep the slash's ordinary meaning."""
    if whole.group().isascii() or fraction.group().isascii() or len(whole.group()) > 3:
        return False
    date_before = whole.start() >= 2 and text[whole.start() - 1] == "/" and text[whole.start() - 2].isdigit()
    date_after = text[fraction.end() : fraction.end() + 1] == "/" and text[fraction.end() + 1 : fraction.end() + 2].isdigit()
    return not (date_before or date_after)


def _separator_kind(gap: str, digits: str, decimal: str, group: str) -> str | None:
    """What one character between two digit runs is: a group mark, a decimal mark, or neither."""
    three = len(digits) == 3
    if len(gap) != 1:
        return None
    if gap in _SPACES or (gap == " " and group in _SPACES):
        return "group" if three else None
    if gap == decimal or gap == "\u066b":
        return "decimal"
    if gap in (group, ",", "\u066c"):
        return "group" if three else None
    return "decimal" if gap == "." else None


def _value(whole: str, fraction: str, factor: int) -> str:
    """Canonical decimal string of ``whole.fraction × factor`` (integers without Decimal: the common case)."""
    if not fraction:
        return str(int(_ascii_digits(whole)) * factor)
    return _canonical(Decimal(_ascii_digits(whole) + "." + _ascii_digits(fraction)) * factor)


def _multiplier(text: str, end: int) -> tuple[int, int]:
    match = _MULTIPLIER_AFTER.match(text, end)
    if match is None:
        return 1, end
    if match.group(1):
        return _MULTIPLIERS[match.group(1)], match.end()
    word = match.group(2).lower().rstrip(".")
    factor = _WORD_MULTIPLIERS.get(word)
    return (factor, match.end()) if factor else (1, end)


def _time_parts(text: str, start: int, end: int, value: str) -> list[Number]:
    if start >= 3 and text[start - 1] == ":" and text[start - 2].isdigit() and value == "0":
        return []
    return [Number(value, text[start:end])]


def _canonical(value: Decimal) -> str:
    try:
        normal = value.normalize()
    except InvalidOperation:
        return str(value)
    return format(normal, "f")


# --------------------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class Measure:
    """A number with the unit written right after it (``400 mg``, ``6주``, ``٣٠ دقيقة``)."""

    value: str
    units: frozenset[str]
    """Canonical units the word can mean (Russian ``г`` is grams or a year)."""
    text: str
    per: frozenset[str] = frozenset()
    """The body-weight divisor of a dose (``5 mg/kg``: kg); empty for an absolute amount."""


_UNIT_WORDS: dict[str, dict[str, str]] = {
    "mg": {"en": "mg mgs milligram milligrams", "ko": "mg 밀리그램", "ja": "mg ミリグラム", "zh": "mg 毫克", "ru": "мг mg",
           "ar": "ملغ مغ ملغم ملجم مجم ملليغرام مليغرام mg", "fa": "میلی‌گرم میلیگرم mg"},
    "g": {"en": "g gram grams", "ko": "g 그램", "ja": "g グラム", "zh": "g 克", "ru": "г g грамм грамма граммов",
          "ar": "غ غرام غرامات جم جرام g", "fa": "گرم g"},
    "kg": {"en": "kg kgs kilogram kilograms kilo kilos", "ko": "kg 킬로그램 킬로", "ja": "kg キログラム キロ",
           "zh": "kg 公斤 千克", "ru": "кг kg килограмм килограмма килограммов", "ar": "كغ كلغ كجم كيلوغرام كيلوجرام كيلو kg", "fa": "کیلوگرم کیلو‌گرم کیلو kg"},
    "mcg": {"en": "mcg µg μg microgram micrograms", "ko": "mcg µg μg", "ja": "mcg µg μg", "zh": "mcg µg μg 微克",
            "ru": "мкг mcg", "ar": "مكغ ميكروغرام mcg", "fa": "میکروگرم میکرو‌گرم mcg µg μg"},
    "ml": {"en": "ml mL millilitre millilitres milliliter milliliters", "ko": "ml mL 밀리리터", "ja": "ml mL ミリリットル",
           "zh": "ml mL 毫升", "ru": "мл ml", "ar": "مل ملل ml mL", "fa": "میلی‌لیتر میلیلیتر سی‌سی ml mL"},
    "%": {"en": "% percent per cent", "ko": "% 퍼센트 프로", "ja": "% ％ パーセント", "zh": "% ％", "ru": "% процент процента процентов",
          "ar": "% ٪ بالمئة بالمائة في المئة في المائة", "fa": "% ٪ درصد"},
    "°C": {"en": "°C ℃", "ko": "°C ℃ 도", "ja": "°C ℃ 度", "zh": "°C ℃ 度", "ru": "°C ℃ градусов градуса градус",
           "ar": "°C ℃ درجة درجات", "fa": "°C ℃ درجه"},
    "°F": {"en": "°F ℉", "ko": "°F ℉ 도", "ja": "°F ℉ 度", "zh": "°F ℉ 度", "ru": "°F ℉ градусов градуса градус",
           "ar": "°F ℉ درجة درجات", "fa": "°F ℉ درجه"},
    "l": {"en": "l L litre litres liter liters", "ko": "l L 리터", "ja": "l L リットル", "zh": "l L 升", "ru": "л l L литр литра литров",
          "ar": "لتر لترات l L", "fa": "لیتر l L"},
    "cm": {"en": "cm centimetre centimetres centimeter centimeters", "ko": "cm 센티미터 센티", "ja": "cm センチ センチメートル",
           "zh": "cm 厘米 公分", "ru": "см cm сантиметр сантиметра сантиметров", "ar": "سم سنتيمتر سنتيمترات cm", "fa": "سانتی‌متر سانتیمتر سانت cm"},
    "mm": {"en": "mm millimetre millimetres millimeter millimeters", "ko": "mm 밀리미터", "ja": "mm ミリメートル",
           "zh": "mm 毫米", "ru": "мм mm миллиметр миллиметра миллиметров", "ar": "مم ملم مليمتر مليمترات mm", "fa": "میلی‌متر میلیمتر mm"},
    "min": {"en": "min mins minute minutes", "ko": "분", "ja": "分 分間", "zh": "分钟 分鐘", "ru": "мин минута минуты минут минуту",
            "ar": "دقيقة دقائق", "fa": "دقیقه min"},
    "h": {"en": "h hr hrs hour hours", "ko": "시간", "ja": "時間", "zh": "小时 小時 个小时 個小時", "ru": "ч час часа часов",
          "ar": "ساعة ساعات", "fa": "ساعت h"},
    "day": {"en": "day days", "ko": "일 일간", "ja": "日 日間", "zh": "天 日", "ru": "день дня дней сутки суток",
            "ar": "يوم أيام", "fa": "روز"},
    "week": {"en": "week weeks wk wks", "ko": "주 주일 주간", "ja": "週 週間", "zh": "周 星期 个星期 個星期 週",
             "ru": "неделя недели недель неделю", "ar": "أسبوع أسابيع اسبوع اسابيع", "fa": "هفته"},
    "month": {"en": "month months mo", "ko": "개월 달", "ja": "か月 ヶ月 カ月 ヵ月 ケ月 箇月 か月間 ヶ月間 カ月間",
              "zh": "个月 個月", "ru": "месяц месяца месяцев мес", "ar": "شهر أشهر شهور", "fa": "ماه"},
    "KRW": {"en": "₩ KRW", "ko": "₩ 원 KRW", "ja": "₩ ウォン KRW", "zh": "₩ 韩元 韓元 KRW", "ru": "₩ вон KRW",
            "ar": "₩ وون KRW", "fa": "₩ وون KRW"},
    "USD": {"en": "$ dollar dollars USD", "ko": "$ 달러 USD", "ja": "$ ドル USD", "zh": "$ 美元 USD", "ru": "$ доллар доллара долларов USD",
            "ar": "$ دولار دولارات USD", "fa": "$ دلار USD"},
    "EUR": {"en": "€ euro euros EUR", "ko": "€ 유로 EUR", "ja": "€ ユーロ EUR", "zh": "€ 欧元 EUR", "ru": "€ евро EUR", "ar": "€ يورو EUR", "fa": "€ یورو EUR"},
    "JPY": {"en": "¥ ￥ yen JPY", "ko": "¥ ￥ 엔 엔화 JPY", "ja": "¥ ￥ 円 JPY", "zh": "¥ ￥ 日元 JPY", "ru": "¥ ￥ иен иена JPY",
            "ar": "¥ ￥ ين JPY", "fa": "¥ ￥ ین JPY"},
    "CNY": {"en": "¥ ￥ yuan RMB CNY", "ko": "¥ ￥ 위안 CNY", "ja": "¥ ￥ 元 人民元 CNY", "zh": "¥ ￥ 元 人民币 CNY",
            "ru": "¥ ￥ юань юаня юаней CNY", "ar": "¥ ￥ يوان CNY", "fa": "¥ ￥ یوان CNY"},
    "year": {"en": "year years yr yrs", "ko": "년 년간", "ja": "年 年間", "zh": "年", "ru": "год года лет г",
             "ar": "سنة سنوات سنين عام أعوام", "fa": "سال"},
}
"""Units whose change alters a dose, a size, a duration or a price; the written forms per language (whole words,
separated by spaces: a form cannot contain one, so Persian ``میلی گرم`` written with a space is not read as a unit).
English writes no ``won``: after a year it is a verb (``In 2019 won an award``)."""


_UNIT_SYMBOLS: dict[str, str] = {
    "mg": "mg", "g": "g", "kg": "kg", "mcg": "mcg µg μg", "ml": "ml mL", "l": "l L", "cm": "cm", "mm": "mm", "%": "% ٪ ％",
    "°C": "°C ℃", "°F": "°F ℉", "min": "min", "h": "h", "KRW": "₩", "USD": "$", "EUR": "€", "JPY": "¥ ￥", "CNY": "¥ ￥",
}
_PER = re.compile(r"\s?/\s?")
_DIVISORS = frozenset({"kg"})
"""Units a dose is given per (``5 mg/kg``): a dose per kilogram of body weight is not the same dose in total.
Time divisors (``4 g/day``) are left out: translations write them as words (``하루 4 g``, ``每日4 g``)."""


def mentions_unit(text: str, lang: str, unit: str) -> bool:
    """Whether ``text`` names ``unit`` anywhere, with or without a number (``每公斤体重``, ``체중 1 kg당``)."""
    base = lang.replace("-", "_").split("_")[0]
    pattern, meanings = _unit_pattern(base)
    forms = [word for word, units in meanings.items() if unit in units]
    return any(re.search(rf"(?<![^\W\d_]){re.escape(word)}" if word.isascii() else re.escape(word), text, re.IGNORECASE) for word in forms)


_CURRENCY_BEFORE = re.compile(r"(US\$|[$₩€£¥￥])\s?$")
"""A currency symbol written before its amount (``$1,200``, ``₩150,000``): a price is a measure too."""
_CURRENCY_MEANINGS = {"US$": frozenset({"USD"}), "$": frozenset({"USD"}), "₩": frozenset({"KRW"}), "€": frozenset({"EUR"}),
                      "£": frozenset({"GBP"}), "¥": frozenset({"JPY", "CNY"}), "￥": frozenset({"JPY", "CNY"})}
"""Symbols written alike in every language (SI, ``%``): the units of a language :data:`_UNIT_WORDS` has no words for."""


@lru_cache(maxsize=None)
def _unit_pattern(base: str) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    meanings: dict[str, set[str]] = {}
    known = any(base in forms for forms in _UNIT_WORDS.values())
    for unit, forms in _UNIT_WORDS.items():
        # A language without words here (Persian, Polish...) still writes 400 mg; an empty pattern matched anywhere.
        for word in (forms.get(base, "") if known else _UNIT_SYMBOLS.get(unit, "")).split():
            meanings.setdefault(word.lower(), set()).add(unit)
    words = sorted(meanings, key=len, reverse=True)
    # Latin, Cyrillic and Arabic unit words end a word (an accusative alef and marks may follow an Arabic one);
    # a Latin one is no unit before a digit either (the L of L4-L5 is a vertebra, not litres);
    # Korean, Japanese and Chinese ones are followed by particles or other words without a space.
    pattern = re.compile(
        r"[ \u00a0\u202f\u2009-]?(" + "|".join(map(re.escape, words)) + r")"
        r"(?:(?<=[A-Za-zµμ])(?![A-Za-z\d])|(?<=[А-Яа-яЁё])(?![А-Яа-яЁё])"
        r"|(?<=[\u0600-\u06ff])[\u064b-\u0652\u0640]*ا?[\u064b-\u0652]*(?![\u0620-\u064a])|(?<![A-Za-zµμА-Яа-яЁё\u0600-\u06ff]))",
        re.IGNORECASE,
    )
    return pattern, {word: frozenset(units) for word, units in meanings.items()}


@lru_cache(maxsize=65536)
def measures(text: str, lang: str) -> tuple[Measure, ...]:
    """Every number of ``text`` that a unit of :data:`_UNIT_WORDS` directly follows."""
    base = lang.replace("-", "_").split("_")[0]
    pattern, meanings = _unit_pattern(base)
    notation = _notation(lang)
    runs = list(_DIGIT_RUN.finditer(text))
    found: list[Measure] = []
    index = 0
    while index < len(runs):
        start = runs[index].start()
        whole, fraction, index = _join_runs(text, runs, index, notation)
        factor, end = _multiplier(text, runs[index - 1].end())
        unit = pattern.match(text, end)
        if unit is not None:
            per = _PER.match(text, unit.end())
            divisor = pattern.match(text, per.end()) if per else None
            per_units = meanings[divisor.group(1).lower()] & _DIVISORS if divisor else frozenset()
            stop = divisor.end() if per_units else unit.end()
            found.append(Measure(_value(whole, fraction, factor), meanings[unit.group(1).lower()], text[start:stop].strip(), per_units))
        elif (currency := _CURRENCY_BEFORE.search(text, max(0, start - 4), start)) is not None:
            found.append(Measure(_value(whole, fraction, factor), _CURRENCY_MEANINGS[currency.group(1)], text[currency.start() : end]))
    return tuple(found)


# --------------------------------------------------------------------------- ranges


@dataclass(frozen=True, slots=True)
class Range:
    """Two numbers written as a range (``6–8``, ``30~70``, ``9:00-18:00``, ``от 18 до 80``, ``18至80``)."""

    low: Decimal
    """The first number as written (a time ``9:30`` is 9.5)."""
    high: Decimal
    """The second number."""
    text: str


_RANGE_GAP = re.compile(r"\s?(?:[^\W\d_]{1,4}|[%％٪])?\s?(?:[-–—~〜～]|至|到|to|до|إلى|تا)\s?", re.IGNORECASE)
"""Between a range's two numbers: a dash, tilde or word, after the first number's unit if it repeats one."""
_RANGE_HINT = re.compile(r"\d\s?(?:[^\W\d_]{1,4}|[%％٪])?\s?(?:[-–—~〜～]|至|到|to|до|إلى|تا)\s?\d", re.IGNORECASE)
_TIME_TAIL = re.compile(r":([0-5]\d)(?!\d)")


@lru_cache(maxsize=65536)
def ranges(text: str, lang: str) -> tuple[Range, ...]:
    """Every range of ``text``, in the order written (a translation that swaps its ends changes a dose)."""
    if not _RANGE_HINT.search(text):  # most text has no range: skip reading every number's span
        return ()
    spans = _spans(text, lang)
    return tuple(
        Range(low[2], high[2], text[low[0] : high[1]])
        for low, high in zip(spans, spans[1:])
        if _RANGE_GAP.fullmatch(text, low[1], high[0])
    )


def _spans(text: str, lang: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, value) of each number; ``9:30`` is one number, 9.5."""
    notation = _notation(lang)
    runs = list(_DIGIT_RUN.finditer(text))
    spans: list[tuple[int, int, Decimal]] = []
    index = 0
    while index < len(runs):
        start = runs[index].start()
        whole, fraction, index = _join_runs(text, runs, index, notation)
        end = runs[index - 1].end()
        value = Decimal(_ascii_digits(whole) + ("." + _ascii_digits(fraction) if fraction else ""))
        minutes = _TIME_TAIL.match(_ascii_digits(text[end : end + 4])) if not fraction else None
        if minutes is not None:
            value, end = value + Decimal(minutes.group(1)) / 60, end + 3
            index += index < len(runs) and runs[index].start() < end  # the minutes' digits are read
        spans.append((start, end, value))
    return spans


# --------------------------------------------------------------------------- Roman numerals


_ROMAN_HINT = re.compile("(?<![A-Za-z])[IVX]+(?![A-Za-z])|[\u2160-\u217f]")


def _roman_numbers(text: str) -> list[Number]:
    if not _ROMAN_HINT.search(text):
        return []
    numbers = [Number(str(_unicode_roman(ch)), ch) for ch in _UNICODE_ROMAN.findall(text)]
    for match in _ROMAN_CONTEXT.finditer(text):
        group = match.group(1) or match.group(2)
        for numeral in re.findall(r"[IVX]+", group):
            value = roman_value(numeral)
            if value is not None:
                numbers.append(Number(str(value), numeral))
    return numbers


def _unicode_roman(ch: str) -> int:
    return int(unicodedata.numeric(ch))


def roman_value(numeral: str) -> int | None:
    """Value of a Roman numeral made of I, V, X (1-39); None if malformed."""
    total = 0
    for index, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if 0 < total < 40 and _to_roman(total) == numeral else None


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


# --------------------------------------------------------------------------- number words


_EN_WORDS = {
    word: index
    for index, words in enumerate(
        [
            "zero", "one once first single", "two twice second both double", "three thrice third triple",
            "four fourth", "five fifth", "six sixth", "seven seventh", "eight eighth", "nine ninth", "ten tenth",
            "eleven", "twelve dozen",
        ]
    )
    for word in words.split()
}
_EN_WORDS |= {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_MONTHS_EN = "january february march april - june july august september october november december".split()
_EN_WORDS |= {month: index for index, month in enumerate(_MONTHS_EN, start=1) if month != "-"}  # not "may"
_KO_WORDS = {
    "하나": 1, "한": 1, "첫": 1, "첫째": 1, "하루": 1, "일주일": 1, "둘": 2, "두": 2, "둘째": 2, "이틀": 2,
    "셋": 3, "세": 3, "셋째": 3, "사흘": 3, "넷": 4, "네": 4, "넷째": 4, "나흘": 4, "다섯": 5, "여섯": 6,
    "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "열흘": 10, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50,
}
_RU_PREFIXES = (
    ("одн", 1), ("один", 1), ("перв", 1), ("дв", 2), ("втор", 2), ("тр", 3), ("трет", 3), ("четыр", 4), ("четвер", 4),
    ("пят", 5), ("шест", 6), ("сем", 7), ("седьм", 7), ("восем", 8), ("восьм", 8), ("девят", 9), ("десят", 10),
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7), ("август", 8),
    ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
)
_RU_EXACT = {"дважды", "трижды", "два", "две", "двух", "двум", "двумя", "три", "трех", "трём", "трем", "тремя", "трёх", "май", "мая", "мае"}
_AR_WORDS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4,
    "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "تسع": 9,
    "تسعة": 9, "عشر": 10, "عشرة": 10,
}
_AR_ORDINALS = "أول أولى ثاني ثانية ثالث ثالثة رابع رابعة خامس خامسة سادس سادسة سابع سابعة ثامن ثامنة تاسع تاسعة عاشر عاشرة"
_AR_WORDS |= {word: index // 2 + 1 if index > 1 else 1 for index, word in enumerate(_AR_ORDINALS.split())}
"""Ordinals (``المرحلة الثالثة``: phase III), read without their article."""
_AR_DUALS = {
    stem + ending: 2
    for stem in ("يوم", "أسبوع", "اسبوع", "شهر", "عام", "ساعت", "دقيقت", "سنت", "مرت", "جرعت", "حقنت")
    for ending in ("ين", "ان")
}
"""A dual noun is the number two (``أسبوعين``: two weeks), as Arabic writes it."""
_AR_WORDS |= _AR_DUALS
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]+")
_EN_RATE = re.compile(r"\b(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|night|minute|session)s?\b", re.IGNORECASE)
"""``3 times a day`` is per one day: translations write the one (``1日3回``, ``1일 3회``)."""
_CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CJK_COUNTERS = (
    "つ|回|人|名|種|种|週|周|日|天|年|歳|岁|段階|度|か月|ヶ月|カ月|箇月|个月|個月|本|錠|倍|期|相|型|個|个|件|例|次|项|項|位"
    "|小时|小時|个小时|分钟|分鐘|時間|分|秒|毫克|克|公斤|千克|毫升|片|粒|星期|个星期"
)
_CJK_COUNTED = re.compile(
    f"([一二两兩三四五六七八九十]+)(?=(?:{_CJK_COUNTERS})|(?:至|到|～|〜|~|-|–|或)[一二两兩三四五六七八九十]+(?:{_CJK_COUNTERS}))"
)
"""A numeral before a counter, or before a range's second numeral and its counter (一至三个月)."""
_HALF_HOUR = re.compile(r"half an hour|half-hour|полчаса|получаса|نصف ساعة|半小时|半个小时|半個小時|半時間|반 ?시간", re.IGNORECASE)
_LONE_UNIT = {
    "ru": re.compile(r"(?<![\d\s–-])\s*(?<!\d)\b(?:час|часа|сутки|суток|неделю|недели|месяц|месяца|год|года|минуту)\b", re.IGNORECASE),
    "ar": re.compile("(?<![\\d\u0660-\u0669])\\s*(?<![\\d\u0660-\u0669])(?<![\u0621-\u064a])[وفبل]?(?:ال)?(?:ساعة|يوم|أسبوع|اسبوع|شهر|سنة|عام|دقيقة)(?:[\u064b-\u0652]*ا)?(?![\u0621-\u064a])"),
}
"""A bare unit noun in the singular is one of it (``около часа``: about 1 hour, ``в течение месяца``: for 1 month,
``بين شهر و3 أشهر``); after a number (``3 месяца``) it is not."""


_EN_REQUIRED = re.compile(
    r"\b(?P<count>twice|thrice)(?:\s+(?:a|per|each|every)\s+\w+|[\s-]+(?:daily|weekly|monthly|yearly|hourly|nightly))\b"
    r"|\b(?P<half>half an hour|half-hour)\b",
    re.IGNORECASE,
)
"""Number words a dose or schedule depends on and no translation leaves out: ``twice a day`` (2),
``half an hour`` (30). Other words (``one``, ``first``) are too often not numbers to require."""


def required_words(text: str, lang: str) -> tuple[Number, ...]:
    """Numbers written in words that the other side must write too (in digits or words)."""
    if lang.split("_")[0] != "en":
        return ()
    return tuple(
        Number("30", match.group()) if match.group("half") else Number(str(_EN_WORDS[match.group("count").lower()]), match.group())
        for match in _EN_REQUIRED.finditer(text)
    )


def number_words(text: str, lang: str) -> set[str]:
    """Values of number words in ``text`` (only used to excuse a digit on the other side)."""
    base = lang.split("_")[0]
    words = re.findall(r"\w+", text.lower())
    found = _other_words(text, base)
    if base == "en":
        return {str(_EN_WORDS[w]) for w in words if w in _EN_WORDS} | found
    if base == "ko":
        return {str(_KO_WORDS[w]) for w in re.findall(r"(?<!\w)[가-힣]+", text) if w in _KO_WORDS} | found
    if base in ("ja", "zh"):
        return {str(_cjk_value(m)) for m in _CJK_COUNTED.findall(text)} | found
    if base == "ru":
        return {str(value) for w in words for value in [_russian_value(w)] if value} | found
    if base == "ar":
        return {str(value) for w in words for value in _arabic_values(w)} | found
    return found


def _other_words(text: str, base: str) -> set[str]:
    """Rates (``a day``: 1), half an hour (30), a bare singular unit (``около часа``: 1), ``каждый`` (1)."""
    found = {"30"} if _HALF_HOUR.search(text) else set()
    if base == "en" and _EN_RATE.search(text):
        found.add("1")
    lone = _LONE_UNIT.get(base)
    if lone is not None and lone.search(text):
        found.add("1")
    if base == "ru" and re.search(r"\bкажд", text, re.IGNORECASE):
        found.add("1")
    return found


def _arabic_values(word: str) -> list[int]:
    """Number-word values of ``word`` as written, and without the conjunction و (``واحد`` is one)."""
    return [_AR_WORDS[bare] for bare in {_arabic_bare(word), _arabic_bare(word.removeprefix("و"))} if bare in _AR_WORDS]


def _arabic_bare(word: str) -> str:
    """``الثالثة`` -> ``ثالثة``, ``لأسبوعين`` -> ``أسبوعين``: without the article or a preposition."""
    word = _ARABIC_MARKS.sub("", word)
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word[1:] if word[:1] in ("ل", "ب") and word[1:] in _AR_DUALS else word


def _cjk_value(numeral: str) -> int:
    """一..九十九 written with 十."""
    if "十" not in numeral:
        return _CJK_DIGITS.get(numeral, 0)
    tens, _, units = numeral.partition("十")
    return _CJK_DIGITS.get(tens, 1) * 10 + _CJK_DIGITS.get(units, 0)


def _russian_value(word: str) -> int | None:
    word = word.replace("ё", "е")
    if word in _RU_EXACT:
        return {"дв": 2, "тр": 3, "ма": 5}[word[:2]]
    for prefix, value in _RU_PREFIXES:
        if len(prefix) >= 3 and word.startswith(prefix) and len(word) - len(prefix) <= 4:
            return value
    return None
