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
* Arabic and Hebrew write one and two of a unit without a numeral: a dual is two (``يومين``, ``قرصين``,
  ``שעתיים``), a bare singular one (``انتظر ساعة``, ``המתן שעה``); :func:`measures` reads them with their unit,
  so ``2 weeks`` written ``يومين`` is found as 400 mg written 400 g is;
* :func:`ranges` keeps the order of a range's ends (``15–20`` is not ``20~15``);
* :func:`required_words`: ``twice a day`` and ``half an hour`` are numbers a
  translation must keep, in digits or in words;
* number words (``five``, ``다섯``, ``пяти``, ``五つ``, month names) never make a
  mismatch on their own: they only excuse a digit the other side lacks, so an
  ambiguous word can hide nothing but a number written in words. Parts of one number written apart are one
  (``zwei tausend`` 2000); Japanese ``十分な``/``十分に`` is "enough", Chinese ``十分重要`` "very": no ten.
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
separated by spaces; ``_`` inside a form is a space, a ZWNJ or nothing: Persian ``میلی_گرم`` is ``میلی گرم``,
``میلی‌گرم`` and ``میلیگرم``). The international symbols (:data:`_UNIT_SYMBOLS`) count in every language too.
English writes no ``won``: after a year it is a verb (``In 2019 won an award``). Vietnamese ``phân`` (a centimetre,
also stool), Thai ``ก.`` (grams, also an abbreviation of many words) and Turkish ``%50`` (the sign before) are left out."""

_MORE_UNIT_WORDS: dict[str, dict[str, str]] = {
    "mg": {"vi": "mg miligam", "th": "มก. มิลลิกรัม", "mn": "мг", "kk": "мг", "uz": "mg мг milligramm", "es": "mg miligramo miligramos",
           "fr": "mg milligramme milligrammes", "de": "mg Milligramm", "id": "mg miligram", "tr": "mg miligram", "uk": "мг",
           "pl": "mg miligram miligramy miligramów", "he": 'מ"ג מ״ג מג', "fa": "میلی_گرم"},
    "g": {"vi": "g gam", "th": "กรัม", "mn": "г гр грамм", "kk": "г гр грамм", "uz": "g gr gramm г грамм", "es": "g gramo gramos",
          "fr": "g gramme grammes", "de": "g Gramm", "id": "g gr gram", "tr": "g gr gram", "uk": "г гр грам грами грамів",
          "pl": "g gram gramy gramów", "he": "גרם"},
    "kg": {"vi": "kg kilogam", "th": "กก. กิโลกรัม", "mn": "кг", "kk": "кг", "uz": "kg кг kilogramm", "es": "kg kilo kilos kilogramo kilogramos",
           "fr": "kg kilo kilos kilogramme kilogrammes", "de": "kg Kilo Kilogramm", "id": "kg kilo kilogram", "tr": "kg kilo kilogram",
           "uk": "кг кілограм кілограми кілограмів", "pl": "kg kilo kilogram kilogramy kilogramów", "he": 'ק"ג ק״ג קג קילו', "fa": "کیلو_گرم"},
    "mcg": {"vi": "microgam", "th": "ไมโครกรัม มคก.", "mn": "мкг", "kk": "мкг", "uz": "mkg мкг", "es": "microgramo microgramos",
            "fr": "microgramme microgrammes", "de": "Mikrogramm", "id": "mikrogram", "tr": "mikrogram", "uk": "мкг",
            "pl": "mikrogram mikrogramy mikrogramów", "he": 'מק"ג מק״ג', "fa": "میکرو_گرم"},
    "ml": {"vi": "mililít", "th": "มล. มิลลิลิตร ซีซี", "mn": "мл", "kk": "мл", "uz": "мл millilitr", "es": "mililitro mililitros",
           "fr": "millilitre millilitres", "de": "Milliliter", "id": "mililiter", "tr": "mililitre", "uk": "мл",
           "pl": "mililitr mililitry mililitrów", "he": 'מ"ל מ״ל', "fa": "میلی_لیتر سی_سی"},
    "l": {"vi": "lít", "th": "ลิตร", "mn": "л литр", "kk": "л литр", "uz": "litr л", "es": "litro litros", "fr": "litre litres",
          "de": "Liter", "id": "liter", "tr": "litre", "uk": "л літр літри літрів", "pl": "litr litry litrów", "he": "ליטר"},
    "cm": {"vi": "xentimét", "th": "ซม. เซนติเมตร", "mn": "см", "kk": "см", "uz": "sm см santimetr", "es": "centímetro centímetros",
           "fr": "centimètre centimètres", "de": "Zentimeter", "id": "sentimeter", "tr": "santimetre", "uk": "см сантиметр сантиметри сантиметрів",
           "pl": "centymetr centymetry centymetrów", "he": 'ס"מ ס״מ', "fa": "سانتی_متر"},
    "mm": {"vi": "milimét", "th": "มม. มิลลิเมตร", "mn": "мм", "kk": "мм", "uz": "мм millimetr", "es": "milímetro milímetros",
           "fr": "millimètre millimètres", "de": "Millimeter", "id": "milimeter", "tr": "milimetre", "uk": "мм міліметр міліметри міліметрів",
           "pl": "milimetr milimetry milimetrów", "he": 'מ"מ מ״מ', "fa": "میلی_متر"},
    "%": {"vi": "phần_trăm", "th": "เปอร์เซ็นต์", "mn": "хувь", "kk": "пайыз", "uz": "foiz", "es": "por_ciento", "fr": "pour_cent",
          "de": "Prozent", "id": "persen", "uk": "відсоток відсотки відсотків", "pl": "procent procenty procentów", "he": "אחוז אחוזים"},
    "°C": {"vi": "độ", "th": "องศา", "mn": "хэм", "kk": "градус", "uz": "daraja", "es": "grados", "fr": "degrés", "de": "Grad",
           "id": "derajat", "tr": "derece", "uk": "градусів градуси", "pl": "stopni stopnie", "he": "מעלות"},
    "min": {"vi": "phút", "th": "นาที", "mn": "мин минут", "kk": "мин минут", "uz": "daqiqa дақиқа", "es": "minuto minutos",
            "fr": "minute minutes", "de": "Min Minute Minuten", "id": "menit", "tr": "dk dakika", "uk": "хв хвилина хвилини хвилин хвилину",
            "pl": "minuta minuty minut minutę", "he": "דקה דקות"},
    "h": {"vi": "giờ tiếng", "th": "ชั่วโมง ชม.", "mn": "цаг", "kk": "сағ сағат", "uz": "soat соат", "es": "hora horas",
          "fr": "heure heures", "de": "Std Stunde Stunden", "id": "jam", "tr": "sa saat", "uk": "год година години годин годину",
          "pl": "godz godzina godziny godzin godzinę", "he": "שעה שעות"},
    "day": {"vi": "ngày", "th": "วัน", "mn": "өдөр хоног", "kk": "күн тәулік", "uz": "kun кун", "es": "día días", "fr": "jour jours",
            "de": "Tag Tage Tagen", "id": "hari", "tr": "gün", "uk": "день дні днів доба доби діб", "pl": "dzień dni doba doby",
            "he": "יום ימים"},
    "week": {"vi": "tuần", "th": "สัปดาห์ อาทิตย์", "mn": "долоо_хоног", "kk": "апта", "uz": "hafta ҳафта", "es": "semana semanas",
             "fr": "semaine semaines", "de": "Woche Wochen", "id": "minggu pekan", "tr": "hafta", "uk": "тиждень тижні тижнів тижня",
             "pl": "tydzień tygodnie tygodni tygodnia", "he": "שבוע שבועות"},
    "month": {"vi": "tháng", "th": "เดือน", "mn": "сар", "kk": "ай", "uz": "oy ой", "es": "mes meses", "fr": "mois", "de": "Monat Monate Monaten",
              "id": "bulan", "tr": "ay", "uk": "місяць місяці місяців місяця міс", "pl": "miesiąc miesiące miesięcy miesiąca mies",
              "he": "חודש חודשים"},
    "year": {"vi": "năm", "th": "ปี", "mn": "жил", "kk": "жыл", "uz": "yil йил", "es": "año años", "fr": "an ans année années",
             "de": "Jahr Jahre Jahren", "id": "tahun", "tr": "yıl sene", "uk": "рік роки років року", "pl": "rok lata lat roku",
             "he": "שנה שנים"},
    "USD": {"vi": "đô_la", "es": "dólar dólares", "fr": "dollar dollars", "de": "Dollar", "id": "dolar", "tr": "dolar", "uk": "долар долари доларів",
            "pl": "dolar dolary dolarów", "he": "דולר"},
    "EUR": {"es": "euro euros", "fr": "euro euros", "de": "Euro", "id": "euro", "tr": "avro euro", "uk": "євро", "pl": "euro", "he": "יורו"},
    "KRW": {"vi": "won", "th": "วอน", "mn": "вон", "kk": "вон", "uz": "von", "es": "won wones", "fr": "won wons", "id": "won", "tr": "won",
            "uk": "вон", "pl": "won wonów", "he": "וון"},
}
"""The languages added after the first ones (the patients of an international spine hospital read these)."""
for _unit, _forms in _MORE_UNIT_WORDS.items():
    for _lang, _words in _forms.items():
        _UNIT_WORDS[_unit][_lang] = (_UNIT_WORDS[_unit].get(_lang, "") + " " + _words).strip()


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


_GAP = "[ \u00a0\u200c]?"
"""Inside a unit written as two words (``میلی گرم``, ``phần trăm``): a space, a no-break space, a ZWNJ or nothing."""
_PERSIAN_LETTERS = str.maketrans("يكى", "یکی")
"""Arabic yeh and kaf typed for the Persian ones (one letter for one: positions in the text do not move)."""


def _unit_key(written: str) -> str:
    return re.sub("[ \u00a0\u200c_]", "", written).lower()


def _letters_as_typed(text: str, base: str) -> str:
    return text.translate(_PERSIAN_LETTERS) if base in _SLASH_DECIMAL else text


@lru_cache(maxsize=None)
def _unit_pattern(base: str) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    meanings: dict[str, set[str]] = {}
    written: set[str] = set()
    for unit, forms in _UNIT_WORDS.items():
        # A language without words here (Hindi...) still writes 400 mg; the symbols count in every language.
        for word in (forms.get(base, "") + " " + _UNIT_SYMBOLS.get(unit, "")).split():
            meanings.setdefault(_unit_key(word), set()).add(unit)
            written.add(word)
    words = sorted(written, key=len, reverse=True)
    # Latin, Cyrillic, Hebrew and Arabic unit words end a word (an accusative alef and marks may follow an Arabic one);
    # a Latin one is no unit before a digit either (the L of L4-L5 is a vertebra, not litres);
    # Korean, Japanese, Chinese and Thai ones are followed by particles or other words without a space.
    pattern = re.compile(
        r"[ \u00a0\u202f\u2009-]?(" + "|".join(_GAP.join(map(re.escape, word.split("_"))) for word in words) + r")"
        r"(?:(?<=[A-Za-zµμ\u00c0-\u024f\u1e00-\u1eff])(?![A-Za-z\u00c0-\u024f\u1e00-\u1eff\d])|(?<=[\u0400-\u04ff])(?![\u0400-\u04ff])"
        r"|(?<=[\u05d0-\u05ea\"\u05f4])(?![\u05d0-\u05ea])"
        r"|(?<=[\u0600-\u06ff])[\u064b-\u0652\u0640]*ا?[\u064b-\u0652]*(?![\u0620-\u064a\u067e-\u06cc])"
        r"|(?<![A-Za-zµμ\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff\u05d0-\u05ea\"\u05f4\u0600-\u06ff]))",
        re.IGNORECASE,
    )
    return pattern, {word: frozenset(units) for word, units in meanings.items()}


@lru_cache(maxsize=65536)
def measures(text: str, lang: str) -> tuple[Measure, ...]:
    """Every number of ``text`` that a unit of :data:`_UNIT_WORDS` directly follows, and the units Arabic and Hebrew
    count without a numeral (:func:`_word_measures`: ``ساعتين`` is 2 hours)."""
    base = lang.replace("-", "_").split("_")[0]
    pattern, meanings = _unit_pattern(base)
    notation = _notation(lang)
    typed = _letters_as_typed(text, base)
    runs = list(_DIGIT_RUN.finditer(text))
    found: list[Measure] = []
    index = 0
    while index < len(runs):
        start = runs[index].start()
        whole, fraction, index = _join_runs(text, runs, index, notation)
        factor, end = _multiplier(text, runs[index - 1].end())
        unit = pattern.match(typed, end)
        if unit is not None:
            per = _PER.match(text, unit.end())
            divisor = pattern.match(typed, per.end()) if per else None
            per_units = meanings[_unit_key(divisor.group(1))] & _DIVISORS if divisor else frozenset()
            stop = divisor.end() if per_units else unit.end()
            found.append(Measure(_value(whole, fraction, factor), meanings[_unit_key(unit.group(1))], text[start:stop].strip(), per_units))
        elif (currency := _CURRENCY_BEFORE.search(text, max(0, start - 4), start)) is not None:
            found.append(Measure(_value(whole, fraction, factor), _CURRENCY_MEANINGS[currency.group(1)], text[currency.start() : end]))
    return tuple(found) + _word_measures(text, base)


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
_EN_MONTHS = {month: index for index, month in enumerate(_MONTHS_EN, start=1) if month != "-"}  # not "may"
_EN_WORDS |= _EN_MONTHS
_KO_WORDS = {
    "하나": 1, "한": 1, "첫": 1, "첫째": 1, "하루": 1, "일주일": 1, "둘": 2, "두": 2, "둘째": 2, "이틀": 2,
    "셋": 3, "세": 3, "셋째": 3, "사흘": 3, "넷": 4, "네": 4, "넷째": 4, "나흘": 4, "다섯": 5, "여섯": 6,
    "일곱": 7, "여덟": 8, "아홉": 9, "열흘": 10,
}
"""Units, ordinals and day counts; tens, alone or with a unit (``열``, ``스물한``), are :data:`_KO_NUMERAL`'s."""
_KO_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}
_KO_UNITS = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "넉": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}
_KO_NUMERAL = re.compile(f"({'|'.join(_KO_TENS)})({'|'.join(sorted(_KO_UNITS, key=len, reverse=True))})?")
"""A native Korean numeral above ten, written as one word: ``열한`` 11, ``스물두`` 22, ``서른아홉`` 39, ``예순`` 60."""
_KO_ABOUT = {
    "한두": (1, 2), "두세": (2, 3), "두어": (2,), "서너": (3, 4), "서넛": (3, 4), "너덧": (4, 5), "네다섯": (4, 5),
    "대여섯": (5, 6), "대엿": (5, 6), "예닐곱": (6, 7), "일여덟": (7, 8),
}
"""Two numbers in one word, "two or three" (``하루 두세 번``): either may stand for the digits."""
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
_AR_DUAL_UNITS = {
    "يوم": "day", "أسبوع": "week", "اسبوع": "week", "شهر": "month", "عام": "year", "سنت": "year", "ساعت": "h", "دقيقت": "min",
    "غرام": "g", "جرام": "g", "كيلوغرام": "kg", "كيلوجرام": "kg", "مليغرام": "mg", "ملليغرام": "mg", "ميكروغرام": "mcg",
    "لتر": "l", "سنتيمتر": "cm", "مليمتر": "mm", "ملليمتر": "mm",
}
"""Stems of the unit nouns whose dual is a measure of two (``ساعتين``: 2 hours); a final ``ة`` is written ``ت``
before the dual ending, as Arabic does (``ساعة``, ``ساعتان``)."""
_AR_DUAL_COUNTED = "مرت جرعت حقنت قرص كبسولت حبت ملعقت قطرت نقطت جلست ليلت وجبت"
"""Stems of counted nouns without a unit (times, doses, tablets, spoons, drops, sessions, nights, meals)."""
_AR_DUALS = {stem + ending: 2 for stem in [*_AR_DUAL_UNITS, *_AR_DUAL_COUNTED.split()] for ending in ("ين", "ان")}
"""A dual noun is the number two (``أسبوعين``: two weeks, ``قرصين``: two tablets), as Arabic writes it: with no
numeral. Short unit symbols (``مل``, ``سم``) have none: ``ملين`` is a laxative, ``سمين`` fat."""
_AR_WORDS |= _AR_DUALS
_AR_WORDS |= {
    stem + ending: value * 10
    for value, stem in enumerate("عشر ثلاث أربع خمس ست سبع ثمان تسع".split(), start=2)
    for ending in ("ون", "ين")
}
"""Tens: ``عشرون``/``عشرين`` 20 ... ``تسعون``/``تسعين`` 90."""
_AR_WORDS |= {
    "أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "ألف": 1000, "آلاف": 1000, "ألفان": 2000, "ألفين": 2000,
}
_AR_WORDS |= {
    unit + hundred: value * 100
    for value, unit in enumerate("ثلاث أربع خمس ست سبع ثمان تسع".split(), start=3)
    for hundred in ("مئة", "مائة")
}
"""``ثلاثمئة`` 300 ... ``تسعمائة`` 900, written as one word."""
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]+")
_EN_RATE = re.compile(r"\b(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|night|minute|session)s?\b", re.IGNORECASE)
"""``3 times a day`` is per one day: translations write the one (``1日3回``, ``1일 3회``)."""
_CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CJK_COUNTERS = (
    "つ|回|人|名|種|种|週|周|日|天|年|歳|岁|段階|度|か月|ヶ月|カ月|箇月|个月|個月|本|錠|倍|期|相|型|個|个|件|例|次|项|項|位"
    "|小时|小時|个小时|分钟|分鐘|時間|分|秒|毫克|克|公斤|千克|毫升|片|粒|星期|个星期"
)
_CJK_NUMERAL = "(?:[一二两兩三四五六七八九十零〇万萬]|百(?!分之)|千(?!克))+"
"""Han numerals (``千`` not in ``千克``, kilogram; ``百`` not in ``百分之``, per cent)."""
_CJK_COUNTED = re.compile(
    f"({_CJK_NUMERAL})(?=(?:{_CJK_COUNTERS})|(?:至|到|～|〜|~|-|–|或|、){_CJK_NUMERAL}(?:{_CJK_COUNTERS}))"
)
"""A numeral before a counter, or before a range's second numeral and its counter (一至三个月, 二、三日)."""
_CJK_ENOUGH = {
    "ja": re.compile(r"(?<![\d０-９一二三四五六七八九十百千万萬零〇時約])(?<!およそ)十分(?=な(?!ら)|に(?![\d０-９一二三四五六七八九]|一度)|です|だ(?!け))"),
    "zh": re.compile(r"(?<![\d０-９一二三四五六七八九十百千万萬两兩零〇时時点點约約])十分(?=[\u4e00-\u9fff])(?![钟鐘之])"),
}
"""``十分`` is "enough" in Japanese before ``に``, ``な``, ``です``, ``だ`` (``十分な水``, ``十分に休む``) and "very" in
Chinese before a word (``十分重要``): no ten minutes, so it excuses no missing 10 (``10 mg`` dropped from
``十分な水で服用``). After a number, a clock or ``約`` it is minutes (``3時十分に``, ``約十分で``), and so it
is on its own (``十分休んで``: ten minutes, or enough, when the source has 10 minutes); ``十分に一回`` is every 10 minutes."""
_HALF_HOUR = re.compile(r"half an hour|half-hour|полчаса|получаса|نصف ساعة|半小时|半个小时|半個小時|半時間|반 ?시간", re.IGNORECASE)
_LONE_UNIT = {
    "ru": re.compile(r"(?<![\d\s–-])\s*(?<!\d)\b(?:час|часа|сутки|суток|неделю|недели|месяц|месяца|год|года|минуту)\b", re.IGNORECASE),
}
"""A bare unit noun in the singular is one of it (``около часа``: about 1 hour, ``в течение месяца``: for 1 month);
after a number (``3 месяца``) it is not. Arabic and Hebrew: :data:`_ONE_OF`."""


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
        return _spelled_values(text, "en") | {str(_EN_MONTHS[w]) for w in words if w in _EN_MONTHS} | found
    if base == "ko":
        return {str(value) for w in re.findall(r"(?<!\w)[가-힣]+", text) for value in _korean_values(w)} | found
    if base in ("ja", "zh"):
        text = _CJK_ENOUGH[base].sub("  ", text)
        return {str(value) for m in _CJK_COUNTED.findall(text) for value in _cjk_values(m) if value} | found
    if base == "ru":
        return _composed(words, _russian_token, months=_russian_month) | found
    if base == "ar":
        return _arabic_composed(words) | found
    return _spelled_values(text, base) | found


def _composed(words: list[str], token_of: Callable[[str], _Token | None], *, months: Callable[[str], int | None]) -> set[str]:
    """Values of adjacent number words read as one number (``тридцать девять`` 39, ``сто двадцать`` 120)."""
    found: set[str] = set()
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    for word in words:
        month = months(word)
        token = None if month is not None else token_of(word)
        if month is not None:
            found.add(str(month))
        if token is not None and _joins(run, token):
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = [token] if token is not None else []
    runs.append(run)
    return found | {str(value) for run in runs for value in _compose(run)}


def _arabic_composed(words: list[str]) -> set[str]:
    """Arabic number words, the unit before the ten (``تسعة وثلاثون`` 39), ``عشر`` after a unit (``ثلاثة عشر`` 13),
    hundreds and thousands after a unit (``ثلاثة آلاف`` 3000).

    A word with the conjunction (``وعشرون``) continues the number before it; one without starts a new one.
    """
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    for word in words:
        bare = _arabic_bare(word)
        joined = bare not in _AR_WORDS and word.startswith("و") and _arabic_bare(word[1:]) in _AR_WORDS
        value = _AR_WORDS.get(_arabic_bare(word[1:]) if joined else bare)
        if value is None:
            runs.append(run)
            run = []
            continue
        after_unit = bool(run) and not joined and run[-1].kind == "unit" and run[-1].value < 10
        if after_unit and value == 10:
            token = _Token(10, "teen")
        elif after_unit and value in (100, 1000):
            token = _Token(value, "mul")
        else:
            token = _Token(value, "unit")
        if run and (joined or token.kind != "unit"):
            run.append(token)
        else:
            runs.append(run)
            run = [token]
    runs.append(run)
    return {str(value) for run in runs for value in _compose(run, units_first=True)}


def _other_words(text: str, base: str) -> set[str]:
    """Rates (``a day``: 1), half an hour (30), a bare singular unit (``около часа``: 1), ``каждый`` (1)."""
    found = {"30"} if _HALF_HOUR.search(text) else set()
    if base == "en" and _EN_RATE.search(text):
        found.add("1")
    lone = _LONE_UNIT.get(base)
    if (lone is not None and lone.search(text)) or any(m.value == "1" for m in _word_measures(text, base)):
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


# --------------------------------------------------------------------------- units without a numeral


@dataclass(frozen=True, slots=True)
class _CountedNouns:
    """How a language writes one or two of a unit with no numeral (Arabic, Hebrew)."""

    lone: dict[str, str]
    """Singular noun -> unit: on its own it is one (``ساعة``, ``שעה``: an hour)."""
    duals: dict[str, str]
    """Dual noun -> unit: two of it (``ساعتين``, ``שעתיים``: two hours)."""
    ones: frozenset[str]
    """The word for one, written after a unit (``غرام واحد``, ``גרם אחד``: one gram)."""
    halves: frozenset[str]
    """Half: ``نصف ساعة`` is half an hour, not one."""
    prefixes: tuple[str, ...]
    """Letters glued before a noun (conjunction, article, preposition)."""
    suffixes: tuple[str, ...] = ()
    """Letters glued after it (the accusative alef of ``يوماً``)."""


_COUNTED_NOUNS = {
    "ar": _CountedNouns(
        lone={"ساعة": "h", "يوم": "day", "أسبوع": "week", "اسبوع": "week", "شهر": "month", "سنة": "year", "دقيقة": "min"},
        duals={stem + ending: unit for stem, unit in _AR_DUAL_UNITS.items() for ending in ("ين", "ان")},
        ones=frozenset({"واحد", "واحدة"}),
        halves=frozenset({"نصف"}),
        prefixes=("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل"),
        suffixes=("ا",),
    ),
    "he": _CountedNouns(
        lone={"שעה": "h", "יום": "day", "שבוע": "week", "חודש": "month", "שנה": "year"},
        duals={"יומיים": "day", "שבועיים": "week", "חודשיים": "month", "שנתיים": "year", "שעתיים": "h"},
        ones=frozenset({"אחד", "אחת"}),
        halves=frozenset({"חצי"}),
        prefixes=("וב", "ול", "וה", "ומ", "וכ", "שב", "של", "שה", "ו", "ה", "ב", "ל", "מ", "כ", "ש"),
    ),
}
"""Arabic and Hebrew write one and two of a unit without a numeral: the bare singular is one (``انتظر ساعة``: wait
an hour) and the dual is two (``يومين``: two days). Read as measures, a wrong unit is found (2 weeks is not
``يومين``) as a wrong digit is (3 days is not ``يومين``, whose two excuses only a missing 2). A noun after a number
is no one (``عشرين يوماً``, ``שלושים יום``: 20, 30 days). Left out as lone nouns: Arabic ``عام`` (a year, also
"general": ``التخدير العام``) and Hebrew ``דקה`` (a minute, also "thin")."""
_LETTERS = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u064b-\u0652\u0670\u0640\"\u05f4])*")
"""A word with its marks (the tanween of ``يوماً``, the gershayim of ``מ\"ג``)."""


def _word_measures(text: str, base: str) -> tuple[Measure, ...]:
    """One and two of a unit written as :data:`_COUNTED_NOUNS` says (``ساعة``, ``يومين``, ``غرام واحد``, ``שעתיים``)."""
    nouns = _COUNTED_NOUNS.get(base)
    if nouns is None:
        return ()
    units = _unit_pattern(base)[1]
    words = [(match, _noun(match.group(), nouns, units)) for match in _LETTERS.finditer(text)]
    found: list[Measure] = []
    for index, (match, noun) in enumerate(words):
        after_number = _after_number(text, match.start(), words[index - 1][0] if index else None, base) or (
            index > 0 and words[index - 1][1] in nouns.halves
        )
        following = words[index + 1][1] if index + 1 < len(words) else ""
        if noun in nouns.duals:
            found.append(Measure("2", frozenset({nouns.duals[noun]}), match.group()))
        elif noun in nouns.lone and not after_number:
            found.append(Measure("1", frozenset({nouns.lone[noun]}), match.group()))
        elif _unit_key(noun) in units and following in nouns.ones and not after_number:
            found.append(Measure("1", units[_unit_key(noun)], match.group() + " " + words[index + 1][0].group()))
    return tuple(found)


def _noun(word: str, nouns: _CountedNouns, units: dict[str, frozenset[str]]) -> str:
    """``word`` without the letters glued to it, if that leaves a noun of :data:`_COUNTED_NOUNS` or a unit."""
    word = _ARABIC_MARKS.sub("", word)
    stems = [word, *(word[len(prefix) :] for prefix in nouns.prefixes if word.startswith(prefix) and len(word) - len(prefix) >= 2)]
    for stem in stems:
        for candidate in (stem, *(stem[: -len(suffix)] for suffix in nouns.suffixes if stem.endswith(suffix))):
            if _unit_key(candidate) in units or any(candidate in known for known in (nouns.lone, nouns.duals, nouns.ones, nouns.halves)):
                return candidate
    return word


def _after_number(text: str, start: int, previous: re.Match[str] | None, base: str) -> bool:
    """Whether a digit or a number word comes right before ``start`` (``٢٠ يوماً``, ``عشرين يوماً``: no one)."""
    if re.search(r"\d[\s\u200e\u200f–-]*$", text[max(0, start - 8) : start]):
        return True
    if previous is None or text[previous.end() : start].strip():
        return False
    if base == "ar":
        return bool(_arabic_values(previous.group()))
    reader = _reader(base)
    return reader is not None and bool(_word_tokens(_typed(previous.group()), reader))


def _cjk_values(numeral: str) -> list[int]:
    """A Han numeral's value (``三十九`` 39, ``一百二十`` 120, ``一千零五`` 1005, ``两万`` 20000);
    digits side by side without a place are two numbers, "two or three" (``二三天``)."""
    if not any(place in numeral for place in "十百千万萬"):
        return [_CJK_DIGITS[digit] for digit in numeral if digit in _CJK_DIGITS]
    total, section, digit = 0, 0, 0
    for character in numeral:
        if character in _CJK_PLACES:
            section += (digit or 1) * _CJK_PLACES[character]
            digit = 0
        elif character in _CJK_DIGITS:
            digit = _CJK_DIGITS[character]
        elif character in "万萬":
            total += ((section + digit) or 1) * 10000
            section = digit = 0
        else:  # 零, 〇: a place left empty
            digit = 0
    return [total + section + digit]


_CJK_PLACES = {"十": 10, "百": 100, "千": 1000}


def _korean_values(word: str) -> tuple[int, ...]:
    """Values of a Korean numeral word: ``세`` 3, ``스물한`` 21, ``두세`` 2 or 3 (words ending in a particle are not read)."""
    if word in _KO_WORDS:
        return (_KO_WORDS[word],)
    if word in _KO_ABOUT:
        return _KO_ABOUT[word]
    match = _KO_NUMERAL.fullmatch(word)
    if match is None:
        return ()
    return (_KO_TENS[match.group(1)] + (_KO_UNITS[match.group(2)] if match.group(2) else 0),)


def _russian_value(word: str) -> int | None:
    word = word.replace("ё", "е")
    if word in _RU_EXACT:
        return {"дв": 2, "тр": 3, "ма": 5}[word[:2]]
    for prefix, value in _RU_PREFIXES:
        if len(prefix) >= 3 and word.startswith(prefix) and len(word) - len(prefix) <= 4:
            return value
    return None


def _russian_month(word: str) -> int | None:
    """A month name (``марта`` 3, ``мая`` 5): a number of its own, never part of a run."""
    value = _russian_value(word)
    return value if value is not None and _RU_MONTH.match(word.replace("ё", "е")) else None


_RU_MONTH = re.compile("январ|феврал|март|апрел|ма[йяе]$|июн|июл|август|сентябр|октябр|ноябр|декабр")


def _russian_token(word: str) -> _Token | None:
    """A Russian number word as a token: teens, tens, hundreds and thousands in any case, then units."""
    word = word.replace("ё", "е")
    if word in _RU_WHOLE:
        return _RU_WHOLE[word]
    for stem, token in _RU_STEMS:
        if word.startswith(stem) and len(word) - len(stem) <= 3:
            return token
    value = _russian_value(word)
    return _Token(value, "unit") if value is not None else None


# --------------------------------------------------------------------------- number words as data


@dataclass(frozen=True, slots=True)
class _Spelling:
    """How one language writes numbers in words, as data for :func:`number_words`.

    A run of adjacent number words is one number (``hai mươi lăm`` 25, ``dua belas`` 12, ``vingt-cinq`` 25);
    words that cannot continue each other are two (``hai ba ngày``: 2 or 3 days)."""

    words: str
    """``word=value`` pairs: units, teens, tens, ordinals, ``twice``; a value on its own line applies to the words after it."""
    multipliers: str = ""
    """Words that multiply what precedes (hundred, thousand; Vietnamese ``mươi`` and Thai ``สิบ``: ×10 after a unit)."""
    teens: str = ""
    """Words that add ten to the unit before them (Indonesian ``belas``, Hebrew ``עשרה``); ten on their own."""
    months: str = ""
    """Month names, January first: a number of their own, never part of a run (``vingt mars`` is not 23)."""
    weak: str = ""
    """Words that are numbers only before a counted noun (articles ``un``, ``bir``, ``một``; Vietnamese ``năm``, a year)."""
    bound: str = ""
    """Words that are numbers only after another number word (Vietnamese ``lăm``, ``mốt``; Thai ``ยี่``, ``เอ็ด``)."""
    joiners: str = ""
    """Words inside a number (``y``, ``et``, ``und``, ``و``, ``linh``)."""
    counters: str = ""
    """Nouns that are counted, beside the unit words (tablets, times, people); a prefix of the word is enough."""
    halves: str = ""
    """Half (0.5)."""
    suffixes: str = ""
    """Endings glued to a number word (German ``zweimal``, Turkish ``ikinci``, Uzbek ``ikkita``)."""
    prefixes: str = ""
    """Letters glued before a word (Hebrew ``ו``, ``ב``, ``ל``...)."""
    phrases: tuple[tuple[str, str], ...] = ()
    """(regex, value) read before the words: ``demi-heure`` is 30, ``soixante-dix`` 70; value ``""``: not a number
    (``pour cent``, ``in Acht``)."""
    rate: str = ""
    """Regex of a rate per one (``al día``, ``par jour``, ``sehari``): a one the other side may write (``1일 3회``)."""
    glued: bool = False
    """Written without spaces between words (Thai): number words are found inside runs of letters."""
    compounds: bool = False
    """Number words glued into one (German ``einundzwanzig``, ``zweihundert``)."""
    vigesimal: bool = False
    """Counts in twenties above sixty (French): ``quatre-vingts`` is 4 x 20, ``soixante-douze`` 60 + 12,
    ``quatre-vingt-dix-neuf`` 80 + 19."""


_APOSTROPHES = re.compile("(?<=\\w)['’ʼʻ‘`](?=\\w)")
_SPELLINGS: dict[str, _Spelling] = {
    "en": _Spelling(
        words="one=1 once=1 first=1 single=1 two=2 twice=2 second=2 both=2 double=2 three=3 thrice=3 third=3 triple=3"
              " four=4 fourth=4 five=5 fifth=5 six=6 sixth=6 seven=7 seventh=7 eight=8 eighth=8 nine=9 ninth=9 ten=10 tenth=10"
              " eleven=11 twelve=12 dozen=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 nineteen=19"
              " twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90",
        multipliers="hundred=100 thousand=1000 million=1000000", joiners="and"),
    "vi": _Spelling(
        words="hai=2 bốn=4 sáu=6 bảy=7 bẩy=7 tám=8 chín=9 mười=10", multipliers="mươi=10 trăm=100 nghìn=1000 ngàn=1000 triệu=1000000",
        weak="một=1 ba=3 năm=5", bound="mốt=1 lăm=5 nhăm=5 tư=4", joiners="linh lẻ", halves="nửa rưỡi",
        counters="viên lần liều gói ống lọ ngày tuần tháng năm giờ tiếng phút lít đợt",
        phrases=(("thứ nhất", "1"), ("tháng giêng", "1"), ("tháng chạp", "12"), ("nửa (?:giờ|tiếng)", "30")),
        rate=r"mỗi (?:ngày|tuần|tháng|giờ|đêm)|hằng ngày|hàng ngày|một ngày|/ ?ngày"),
    "th": _Spelling(
        words="หนึ่ง=1 สอง=2 สาม=3 สี่=4 ห้า=5 หก=6 เจ็ด=7 แปด=8 เก้า=9", multipliers="สิบ=10 ร้อย=100 พัน=1000 หมื่น=10000 แสน=100000 ล้าน=1000000",
        bound="ยี่=2 เอ็ด=1", halves="ครึ่ง", glued=True,
        phrases=(("ครึ่งชั่วโมง", "30"), ("สามารถ|สามี|ห้าม|เก้าอี้|หกล้ม|ร้อยละ|พันธุ์|พันธ|แปดเปื้อน|สี่เหลี่ยม|หนึ่งใน", ""),),
        rate="วันละ|ต่อวัน|สัปดาห์ละ|ครั้งละ"),
    "mn": _Spelling(
        words="хоёр=2 гурав=3 гурван=3 дөрөв=4 дөрвөн=4 таван=5 зургаа=6 зургаан=6 долоо=7 долоон=7 найм=8 найман=8 ес=9 есөн=9"
              " арав=10 арван=10 хорь=20 хорин=20 гуч=30 гучин=30 дөч=40 дөчин=40 тавь=50 тавин=50 жар=60 жаран=60 далан=70 ная=80 наян=80 ерэн=90"
              " хоёрдугаар=2 гуравдугаар=3 нэгдүгээр=1 дөрөвдүгээр=4 тавдугаар=5",
        multipliers="зуу=100 зуун=100 мянга=1000 мянган=1000 сая=1000000", weak="нэг=1 тав=5 дал=70",
        counters="удаа удаагийн шахмал ширхэг өдөр хоног долоо сар жил цаг минут мг", halves="хагас",
        phrases=(("долоо хоног", ""), ("хагас цаг", "30")), rate=r"өдөрт|өдөрт нь|долоо хоногт"),
    "kk": _Spelling(
        words="екі=2 үш=3 төрт=4 бес=5 алты=6 жеті=7 сегіз=8 тоғыз=9 он=10 жиырма=20 отыз=30 қырық=40 елу=50 алпыс=60 жетпіс=70"
              " сексен=80 тоқсан=90 бірінші=1 екеу=2 үшеу=3",
        multipliers="мың=1000 миллион=1000000", weak="бір=1 жүз=100", counters="рет таблетка күн апта ай жыл сағат минут мг",
        halves="жарты", suffixes="інші ыншы нші ншы ден дан тен тан", phrases=(("жарты сағат", "30"),), rate=r"күніне|тәулігіне|аптасына"),
    "uz": _Spelling(
        words="ikki=2 to'rt=4 besh=5 olti=6 yetti=7 sakkiz=8 to'qqiz=9 o'n=10 yigirma=20 o'ttiz=30 qirq=40 ellik=50 oltmish=60 yetmish=70"
              " sakson=80 to'qson=90 икки=2 тўрт=4 беш=5 олти=6 етти=7 саккиз=8 тўққиз=9 ўн=10 йигирма=20 ўттиз=30",
        multipliers="ming=1000 million=1000000 минг=1000", weak="bir=1 uch=3 yuz=100 бир=1 уч=3 юз=100",
        counters="marta tabletka kun hafta oy yil soat daqiqa mg марта таблетка кун ҳафта ой йил соат",
        halves="yarim ярим", suffixes="inchi nchi tadan ta инчи нчи тадан та", phrases=(("yarim soat|ярим соат", "30"),),
        rate=r"kuniga|sutkasiga|haftasiga|кунига|суткасига"),
    "es": _Spelling(
        words="uno=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 once=11 doce=12 trece=13 catorce=14 quince=15"
              " dieciséis=16 diecisiete=17 dieciocho=18 diecinueve=19 veinte=20 veintiuno=21 veintidós=22 veintitrés=23 veinticuatro=24"
              " veinticinco=25 veintiún=21 veintiuna=21 treinta=30 cuarenta=40 cincuenta=50 sesenta=60 setenta=70 ochenta=80 noventa=90 cien=100 ciento=100"
              " doscientos=200 doscientas=200 trescientos=300 trescientas=300 quinientos=500 quinientas=500"
              " primero=1 primera=1 primer=1 segunda=2 tercero=3 tercera=3 tercer=3 quinto=5 quinta=5 sexto=6 sexta=6 séptimo=7"
              " séptima=7 octavo=8 octava=8 noveno=9 novena=9 décimo=10 décima=10",
        multipliers="mil=1000 millón=1000000 millones=1000000", weak="un=1 una=1", joiners="y",
        months="enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre", halves="medio media",
        counters="vez veces comprimido cápsula pastilla tableta dosis día semana mes año hora minuto",
        phrases=(("media hora", "30"), ("setiembre", "9")), rate=r"al día|por día|diari[oa]s?|a la semana|por semana|cada día"),
    "fr": _Spelling(
        words="deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 dix=10 onze=11 douze=12 treize=13 quatorze=14 quinze=15 seize=16"
              " vingt=20 vingts=20 trente=30 quarante=40 cinquante=50 soixante=60 premier=1 première=1 deuxième=2 second=2 troisième=3"
              " quatrième=4 cinquième=5 sixième=6 septième=7 huitième=8 neuvième=9 dixième=10"
              " septante=70 huitante=80 octante=80 nonante=90",
        multipliers="cent=100 cents=100 mille=1000 million=1000000 millions=1000000", weak="un=1 une=1 neuf=9", joiners="et",
        months="janvier février mars avril mai juin juillet août septembre octobre novembre décembre", halves="demi demie",
        counters="fois comprimé gélule cachet dose jour semaine mois an heure minute",
        phrases=((r"(?:une )?demi-? ?heure", "30"), ("pour ?cent", "")),
        rate=r"par (?:jour|semaine|mois|heure|nuit)|quotidiennement", vigesimal=True),
    "de": _Spelling(
        words="eins=1 zwei=2 zwo=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 neun=9 zehn=10 elf=11 zwölf=12 dreizehn=13 vierzehn=14"
              " fünfzehn=15 sechzehn=16 siebzehn=17 achtzehn=18 neunzehn=19 zwanzig=20 dreißig=30 vierzig=40 fünfzig=50 sechzig=60"
              " siebzig=70 achtzig=80 neunzig=90 einmal=1 erste=1 ersten=1 erster=1 erstes=1 zweite=2 zweiten=2 zweiter=2 dritte=3"
              " dritten=3 dritter=3 vierte=4 vierten=4 fünfte=5 fünften=5 sechste=6 sechsten=6 siebte=7 siebten=7 neunte=9 neunten=9"
              " zehnte=10 zehnten=10",
        multipliers="hundert=100 tausend=1000 million=1000000 millionen=1000000", weak="ein=1 eine=1 einen=1 einem=1 einer=1",
        joiners="und", months="januar februar märz april mai juni juli august september oktober november dezember",
        halves="halb halbe halben halber", counters="mal tablette kapsel dosis tag woche monat jahr stunde minute",
        suffixes="mal malig maligen fach tägig tägige tägigen wöchig wöchige wöchigen monatig monatige monatigen stündig stündige"
                 " stündigen jährig jährige jährigen minütig minütige minütigen",
        phrases=(("jänner", "1"), (r"halbe[n]? stunde", "30"), (r"(?:in|außer) acht|acht ?(?:geben|gegeben|nehmen)", "")),
        rate=r"täglich|pro (?:tag|woche|monat|stunde)|am tag|wöchentlich", compounds=True),
    "id": _Spelling(
        words="dua=2 tiga=3 empat=4 lima=5 enam=6 tujuh=7 delapan=8 sembilan=9 sepuluh=10 sebelas=11 seratus=100 seribu=1000"
              " pertama=1 kedua=2 ketiga=3 keempat=4 kelima=5 keenam=6 ketujuh=7 kedelapan=8 kesembilan=9 kesepuluh=10",
        multipliers="puluh=10 ratus=100 ribu=1000 juta=1000000", teens="belas", weak="satu=1",
        months="januari februari maret april mei juni juli agustus september oktober november desember",
        halves="setengah separuh", counters="kali tablet kapsul hari minggu bulan tahun jam menit",
        phrases=(("setengah jam", "30"), ("salah satu", "")), rate=r"sehari|per ?hari|setiap hari|seminggu|sebulan"),
    "tr": _Spelling(
        words="iki=2 üç=3 dört=4 beş=5 sekiz=8 dokuz=9 on=10 yirmi=20 otuz=30 kırk=40 elli=50 altmış=60 yetmiş=70 seksen=80 doksan=90"
              " birinci=1 ikinci=2 üçüncü=3 dördüncü=4 beşinci=5 altıncı=6 yedinci=7 sekizinci=8 dokuzuncu=9 onuncu=10"
              " birer=1 ikişer=2 üçer=3 dörder=4 beşer=5",
        multipliers="yüz=100 milyon=1000000", weak="bir=1 altı=6 yedi=7 bin=1000",
        months="ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık", halves="yarım buçuk",
        counters="kez kere defa tablet kapsül gün hafta ay yıl saat dakika doz",
        phrases=(("yarım saat", "30"),), rate=r"günde|haftada|ayda|saatte|günlük"),
    "uk": _Spelling(
        words="один=1 одна=1 одне=1 одного=1 одній=1 одним=1 одну=1 два=2 дві=2 двох=2 двом=2 двома=2 три=3 трьох=3 трьом=3 трьома=3"
              " чотири=4 чотирьох=4 чотирма=4 пять=5 пяти=5 пятьма=5 шість=6 шести=6 шістьма=6 сім=7 семи=7 сьома=7 вісім=8 восьми=8"
              " вісьмома=8 девять=9 девяти=9 десять=10 десяти=10 одинадцять=11 дванадцять=12 двадцять=20 двадцяти=20 тридцять=30"
              " тридцяти=30 сорок=40 пятдесят=50 двічі=2 тричі=3 перший=1 перша=1 перше=1 першого=1 першу=1 другий=2 друга=2"
              " другого=2 другу=2 третій=3 третя=3 третього=3 третю=3 четвертий=4 четверта=4 пятий=5 пята=5 пятого=5 шостий=6"
              " шоста=6 сьомий=7 сьома=7 восьмий=8 восьма=8 девятий=9 девята=9 десятий=10 десята=10",
        multipliers="сто=100 тисяча=1000 тисячі=1000 тисяч=1000 мільйон=1000000 мільйона=1000000 мільйонів=1000000",
        months="січня|січень лютого|лютий березня|березень квітня|квітень травня|травень червня|червень липня|липень серпня|серпень"
               " вересня|вересень жовтня|жовтень листопада грудня|грудень", halves="пів половина",
        phrases=(("півгодини|пів години", "30"),),
        rate=r"на (?:день|добу|тиждень)|щодня|щоденно|кожн"),
    "pl": _Spelling(
        words="jeden=1 jedna=1 jedno=1 jednego=1 jednej=1 jednym=1 jedną=1 dwa=2 dwie=2 dwóch=2 dwu=2 dwoma=2 dwom=2 dwaj=2 trzy=3"
              " trzech=3 trzem=3 trzema=3 cztery=4 czterech=4 czterem=4 czterema=4 pięć=5 pięciu=5 pięcioma=5 sześć=6 sześciu=6 siedem=7"
              " siedmiu=7 osiem=8 ośmiu=8 dziewięć=9 dziewięciu=9 dziesięć=10 dziesięciu=10 jedenaście=11 jedenastu=11 dwanaście=12"
              " dwunastu=12 dwadzieścia=20 dwudziestu=20 trzydzieści=30 trzydziestu=30 czterdzieści=40 pięćdziesiąt=50 dwukrotnie=2"
              " trzykrotnie=3 pierwszy=1 pierwsza=1 pierwsze=1 pierwszego=1 pierwszej=1 drugi=2 druga=2 drugie=2 drugiego=2 drugiej=2"
              " trzeci=3 trzecia=3 trzecie=3 trzeciego=3 czwarty=4 czwarta=4 piąty=5 piąta=5 szósty=6 szósta=6 siódmy=7 siódma=7"
              " ósmy=8 ósma=8 dziewiąty=9 dziewiąta=9 dziesiąty=10 dziesiąta=10",
        multipliers="sto=100 stu=100 tysiąc=1000 tysiące=1000 tysięcy=1000 milion=1000000 miliony=1000000 milionów=1000000",
        months="stycznia|styczeń lutego|luty marca|marzec kwietnia|kwiecień maja|maj czerwca|czerwiec lipca|lipiec sierpnia|sierpień"
               " września|wrzesień października|październik listopada|listopad grudnia|grudzień", halves="pół",
        phrases=(("półtora", "1.5"), ("pół godziny|półgodzin\\w*", "30")),
        rate=r"dziennie|na (?:dobę|dzień|tydzień)|codziennie|tygodniowo|każd"),
    "he": _Spelling(
        words="אחד=1 אחת=1 שניים=2 שתיים=2 שני=2 שתי=2 שתים=2 שלושה=3 שלוש=3 שלושת=3 ארבעה=4 ארבע=4 ארבעת=4 חמישה=5 חמש=5"
              " חמשת=5 שישה=6 שש=6 ששת=6 שבעה=7 שבע=7 שבעת=7 שמונה=8 שמונת=8 תשעה=9 תשע=9 תשעת=9 עשרת=10 עשרים=20"
              " שלושים=30 ארבעים=40 חמישים=50 מאתיים=200 אלפיים=2000 ראשון=1 ראשונה=1 שנייה=2 שלישי=3 שלישית=3 רביעי=4"
              " חמישי=5 שישי=6 שביעי=7 שמיני=8 תשיעי=9 עשירי=10 יומיים=2 שבועיים=2 חודשיים=2 שנתיים=2 פעמיים=2 שעתיים=2",
        multipliers="מאה=100 מאות=100 אלף=1000 אלפים=1000 מיליון=1000000", teens="עשרה עשר",
        months="ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר", halves="חצי",
        prefixes="ו ה ב ל מ כ ש וב ול וה ומ וכ שב של שה", phrases=(("חצי שעה", "30"),), rate=r"ביום|בשבוע|לשבוע|ליום|בחודש|מדי יום"),
    "fa": _Spelling(
        words="دو=2 سه=3 چهار=4 پنج=5 شش=6 شیش=6 هفت=7 هشت=8 یازده=11 دوازده=12 سیزده=13 چهارده=14 پانزده=15 شانزده=16 بیست=20"
              " چهل=40 پنجاه=50 شصت=60 هفتاد=70 هشتاد=80 نود=90 دویست=200 سیصد=300 پانصد=500 اول=1 یکم=1 دوم=2 سوم=3 چهارم=4"
              " پنجم=5 ششم=6 هفتم=7 هشتم=8 نهم=9 دهم=10 دوبار=2 سهبار=3",
        multipliers="صد=100 هزار=1000 میلیون=1000000", weak="یک=1 نه=9 ده=10 سی=30", joiners="و",
        months="ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر", halves="نیم نصف",
        counters="بار قرص عدد کپسول روز هفته ماه سال ساعت دقیقه دوز", suffixes="مین",
        phrases=(("نیم ?ساعت", "30"), ("سی ?سی|سی ?تی", "")), rate=r"روزی|روزانه|هفته ?ای|در روز|ماهی"),
}
"""Number words of the languages added after the first ones. Left out as too ambiguous to excuse a digit:
Spanish ``segundo(s)`` (seconds) and ``cuarto`` (a room), French ``seconde`` (a second), German ``achte``/``achten``
(to heed), Indonesian ``se-`` words other than whole numbers (``sekali`` is also "very"), Turkish ``ay``/``aralık``
(a month, an interval), Thai ``หก`` in ``หกล้ม`` (to fall), Persian Solar Hijri months (``مهر``, ``دی``, ``تیر``
are ordinary words, and their numbers are not the Gregorian ones), Mongolian ``ер`` (``ер нь``: generally).
Weak words (articles, Vietnamese ``năm`` = year, Turkish ``yedi`` = ate, Persian ``نه`` = no) count only before a
counted noun (``una vez``, ``năm ngày``, ``یک بار``) or inside a number (:func:`_joins`: ``vingt et un``, ``on bir``)."""
_SPELLINGS["prs"] = _SPELLINGS["fa"]


@dataclass(frozen=True, slots=True)
class _Token:
    """One number word read from text."""

    value: int
    kind: str
    """``unit`` (adds), ``mul`` (multiplies what precedes), ``teen`` (adds ten)."""
    weak: bool = False
    bound: bool = False


_RU_WHOLE = {
    **{word: _Token(100, "unit") for word in ("сто", "ста")},
    **{word: _Token(value * 100, "unit") for value, words in enumerate(
        ("", "", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот")) for word in words.split()},
    "сорок": _Token(40, "unit"), "сорока": _Token(40, "unit"),
}
_RU_STEMS = tuple(
    sorted(
        [
            *((stem, _Token(value, "unit")) for value, stem in enumerate(
                "одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат".split(), start=11)),
            *((stem, _Token(value * 10, "unit")) for value, stems in enumerate(
                ("", "", "двадцат", "тридцат", "сороков", "пятьдесят пятидесят пятьюдесят", "шестьдесят шестидесят шестьюдесят",
                 "семьдесят семидесят семьюдесят", "восемьдесят восьмидесят восемьюдесят", "девяност")) for stem in stems.split()),
            *((stem, _Token(value * 100, "unit")) for value, stems in enumerate(
                ("", "", "двухсот двумст", "трехсот тремст", "четырехсот четырьмст", "пятисот пятьюст", "шестисот шестьюст",
                 "семисот семьюст", "восьмисот восемьюст", "девятисот девятьюст")) for stem in stems.split()),
            ("тысяч", _Token(1000, "mul")), ("миллион", _Token(1000000, "mul")),
        ],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)
"""Stems with up to three letters of ending (``двадцати``, ``тридцатью``, ``пятисот``), longest first:
they are read before the units, whose stems (``пят``) would take ``пятисот`` for five."""


@dataclass(frozen=True, slots=True)
class _Reader:
    """A :class:`_Spelling` compiled: word lookups and patterns."""

    tokens: dict[str, _Token]
    months: dict[str, int]
    halves: frozenset[str]
    joiners: frozenset[str]
    counters: tuple[str, ...]
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    rate: re.Pattern[str] | None
    morphemes: re.Pattern[str]
    """Every number word (Thai: found inside runs of letters; German: the parts of a compound)."""
    glued: bool
    compound: re.Pattern[str] | None
    """German: the number words and ``und`` a compound (``zweihundertfünfundzwanzig``) is made of."""
    vigesimal: bool = False


def _pairs(words: str) -> dict[str, int]:
    return {_typed(word): int(value) for word, _, value in (pair.partition("=") for pair in words.split())}


def _typed(text: str) -> str:
    """Lower case, without apostrophes inside words (``п’ять``, ``to‘rt``), Persian letters for Arabic ones, ZWNJ as a space."""
    return _APOSTROPHES.sub("", text.lower()).translate(_PERSIAN_LETTERS).replace("\u200c", " ")


@lru_cache(maxsize=None)
def _reader(base: str) -> _Reader | None:
    spelling = _SPELLINGS.get(base)
    if spelling is None:
        return None
    tokens = {word: _Token(value, "unit") for word, value in _pairs(spelling.words).items()}
    tokens |= {word: _Token(value, "mul") for word, value in _pairs(spelling.multipliers).items()}
    tokens |= {_typed(word): _Token(10, "teen") for word in spelling.teens.split()}
    tokens |= {word: _Token(value, "mul" if value >= 100 else "unit", weak=True) for word, value in _pairs(spelling.weak).items()}
    tokens |= {word: _Token(value, "unit", bound=True) for word, value in _pairs(spelling.bound).items()}
    months = {_typed(name): month for month, names in enumerate(spelling.months.split(), start=1) for name in names.split("|")}
    units = [form.split("_")[0] for forms in _UNIT_WORDS.values() for form in forms.get(base, "").split()]
    morphemes = "|".join(map(re.escape, sorted([*tokens, *spelling.halves.split()], key=len, reverse=True)))
    return _Reader(
        tokens=tokens,
        months=months,
        halves=frozenset(map(_typed, spelling.halves.split())),
        joiners=frozenset([*map(_typed, spelling.joiners.split()), "-"]),  # vingt-cinq, dix-sept
        counters=tuple(_typed(word) for word in spelling.counters.split() + units),
        suffixes=tuple(sorted(map(_typed, spelling.suffixes.split()), key=len, reverse=True)),
        prefixes=tuple(sorted(spelling.prefixes.split(), key=len, reverse=True)),
        phrases=tuple((re.compile(pattern if spelling.glued else rf"(?<!\w)(?:{pattern})(?!\w)"), value) for pattern, value in spelling.phrases),
        rate=re.compile(rf"(?<!\w)(?:{spelling.rate})(?!\w)" if not spelling.glued else spelling.rate) if spelling.rate else None,
        morphemes=re.compile(morphemes),
        glued=spelling.glued,
        compound=re.compile(rf"{morphemes}|und") if spelling.compounds else None,
        vigesimal=spelling.vigesimal,
    )


def _spelled_values(text: str, base: str) -> set[str]:
    """Values of the number words of ``text`` in a language of :data:`_SPELLINGS`."""
    reader = _reader(base)
    if reader is None:
        return set()
    typed = _typed(text)
    found = {"1"} if reader.rate is not None and reader.rate.search(typed) else set()
    for pattern, value in reader.phrases:
        if pattern.search(typed):
            found |= {value} if value else set()
            typed = pattern.sub(" , ", typed)
    if reader.glued:
        return found | _glued_values(typed, reader)
    words = re.findall(r"\w+|[^\w\s]", typed)
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    joined = False
    for index, word in enumerate(words):
        if word in reader.months:
            found.add(str(reader.months[word]))
        if word in reader.halves:
            found.add("0.5")
        tokens = _word_tokens(word, reader)
        after, joined = joined, False
        if tokens and (reader.compound is None or _spaced_compound(run, tokens)) and _joins(
            run, tokens[0], joined=after, noun=word.startswith(reader.counters)
        ):
            run += tokens
            if after:  # words joined by "and" are a number, even weak ones (Persian سی و نه, 39)
                run = [_Token(t.value, t.kind, bound=t.bound) for t in run]
        elif run and word in reader.joiners:
            joined = True
            continue
        else:
            if run:
                runs.append(run)
            run = list(tokens)
        if run and index + 1 < len(words) and all(t.weak or t.bound for t in run) and words[index + 1].startswith(reader.counters):
            run = [_Token(t.value, t.kind) for t in run]  # a weak word before a counted noun: a number
    runs.append(run)
    return found | {
        str(value) for run in runs if any(not (t.weak or t.bound) for t in run) for value in _compose(run, vigesimal=reader.vigesimal)
    }


def _spaced_compound(run: list[_Token], tokens: list[_Token]) -> bool:
    """German writes a number as one word; written apart, its parts are still one number: a multiplier after a
    number (``zwei tausend`` 2000, ``ein hundert`` 100), or a number below the multiplier that ends one
    (``zweitausend fünfhundert`` 2500). Other neighbours are two numbers (``zwei drei Tage``: 2 or 3, ``tausend eine``)."""
    if not run:
        return False
    if tokens[0].kind == "mul":
        return True
    # an article after a multiplier is no unit of it (``tausend eine Tablette``)
    return run[-1].kind == "mul" and not tokens[0].weak and all(value < run[-1].value for value in _compose(tokens))


def _glued_values(typed: str, reader: _Reader) -> set[str]:
    """Thai: number words written inside a run of letters; adjacent ones are one number (``สามสิบเอ็ด`` 31)."""
    runs: list[list[_Token]] = []
    end = -1
    found = set()
    for match in reader.morphemes.finditer(typed):
        word = match.group()
        if word in reader.halves:
            found.add("0.5")
            continue
        token = reader.tokens[word]
        if match.start() == end and _joins(runs[-1], token):
            runs[-1].append(token)
        else:
            runs.append([token])
        end = match.end()
    return found | {str(value) for run in runs if any(not t.bound for t in run) for value in _compose(run)}


def _word_tokens(word: str, reader: _Reader) -> list[_Token]:
    """The number words ``word`` is made of: itself, without a glued suffix or prefix, or a German compound."""
    if word in reader.tokens:
        return [reader.tokens[word]]
    for suffix in reader.suffixes:
        if word.endswith(suffix) and word[: -len(suffix)] in reader.tokens:
            return [reader.tokens[word[: -len(suffix)]]]
    for prefix in reader.prefixes:
        if word.startswith(prefix) and word[len(prefix) :] in reader.tokens:
            return [reader.tokens[word[len(prefix) :]]]
    if reader.compound is not None:
        stem = next((word[: -len(s)] for s in reader.suffixes if word.endswith(s) and len(word) > len(s)), word)
        if "".join(reader.compound.findall(stem)) == stem:
            parts = reader.compound.findall(stem)
            cut = parts.index("und") if "und" in parts else len(parts)  # einundzwanzig: 20 + 1, the unit written first
            tokens = [reader.tokens[part] for part in parts[:cut]]
            return tokens[:-1] + [reader.tokens[part] for part in parts[cut + 1 :] if part != "und"] + tokens[-1:]
    return []


def _joins(run: list[_Token], token: _Token, *, joined: bool = False, noun: bool = False) -> bool:
    """Whether ``token`` continues the number ``run`` has begun.

    A multiplier, a teen or a bound word always does. A weak word (``un``, ``bir``, ``một``)
    does after a joiner (``vingt et un``, ``treinta y una``, ``dix-neuf``, ``trăm linh năm``), and
    after a multiplier or as the unit after a round ten or hundred (``cent un``, ``on bir`` 11, ``ciento una``)
    unless it is also a counted noun: Vietnamese ``mười năm`` is ten years and ``hai mươi năm``
    twenty years (fifteen is ``mười lăm``, twenty-five ``hai mươi lăm``).
    """
    if not run:
        return False
    if token.kind in ("mul", "teen") or token.bound or not token.weak or joined:
        return True
    last = run[-1]
    if noun:
        return False
    return last.kind == "mul" or (token.value < 10 and last.kind == "unit" and not last.weak and last.value % 10 == 0)


def _compose(run: list[_Token], *, vigesimal: bool = False, units_first: bool = False) -> list[int]:
    """The numbers a run of number words writes: ``hai mươi lăm`` [25]; ``hai ba`` [2, 3] (two or three).

    ``vigesimal`` (French): twenty after four multiplies it (``quatre-vingts`` 80), and ten to
    nineteen add to sixty and eighty (``soixante-douze`` 72, ``quatre-vingt-dix-sept`` 97).
    ``units_first`` (Arabic): a ten after a unit adds to it (``خمسة وعشرون`` 25).
    """
    numbers: list[int] = []
    total, current = 0, 0
    previous: _Token | None = None
    for token in run:
        if token.kind == "mul":
            # It multiplies the part below it: ``một trăm hai mươi`` is 100 + 2 x 10, not 102 x 10.
            low = current % token.value
            current = current - low + low * token.value if low else (current or 1) * token.value
            if token.value >= 1000:
                total, current = total + current, 0
        elif token.kind == "teen" and 0 < current < 10:
            current += 10
        elif vigesimal and token.value == 20 and previous is not None and previous.value == 4 and current % 100 == 4:
            current += 76  # quatre-vingt(s): 4 x 20
        elif vigesimal and 10 <= token.value <= 19 and current % 100 in (60, 80):
            current += token.value
        elif units_first and token.kind == "unit" and token.value in _TENS and 0 < current % 100 < 10:
            current += token.value
        elif current == 0 or token.value < _place(current):
            current += token.value
        else:
            numbers.append(total + current)
            total, current = 0, token.value
        previous = token
    return [*numbers, total + current] if total + current else numbers


_TENS = frozenset(range(20, 100, 10))


def _place(value: int) -> int:
    """The lowest written place of ``value``: 20 -> 10, 100 -> 100, 12 -> 1."""
    place = 1
    while value % (place * 10) == 0:
        place *= 10
    return place
