"""Finding glossary wordings in text: one compiled Aho-Corasick automaton per language.

Every wording of every term (and its generated inflections) is a key of one
automaton, so finding terms costs one pass over the text whatever the size of
the glossary. Candidates are then checked at their edges and chosen
leftmost-longest: ``mesenchymal stem cells`` is one match, not also
``stem cell``; ``좌골신경통`` (sciatica) hides ``좌골신경`` (sciatic nerve).

Longest match assumes that a longer wording is made of the shorter ones, so
a whole word under it still counts (``хроническая`` in ``хроническая боль``).
A fixed expression that means something else is declared instead: a form's
``not_in`` expressions (the glossary's ``not_in``) are keys of the same
automaton, found by the same rules (``عنق الرحم``, cervix, also as
``وبعنق الرحم``), and a wording of the form inside one of them is neither
chosen nor hidden (``عنق``, neck, there is not the neck). Other terms inside
the expression still count.

Matching rules, by language (the same rules apply to source and target text):

* **English**: case-insensitive unless the term is ``case_sensitive``; whole
  words only (``disc`` never matches inside ``discussion``); hyphens and spaces
  are interchangeable (``stem-cell therapy``). The last word of a wording also
  matches its plural and singular (disc/discs, MSC/MSCs, vertebra/vertebrae,
  stenosis/stenoses); a one-word wording also matches its verb forms and
  ``-ion`` noun (inject/injects/injected/injecting/injection,
  herniate/herniation) and a ``-ction``/``-ation`` noun its verb forms.
  Explicit wordings win over generated ones when two terms could claim a word.
* **Korean**: spaces are optional inside wordings (Korean spacing rules allow
  ``추간판 탈출증`` and ``추간판탈출증``), unless the glossary forbids a spacing
  variant of an allowed form, which makes spacing significant for that term.
  A match must start at the start of a word (eojeol) and end at its end or
  before particles, the copula or 하다/되다 endings (``추간판 탈출증으로``,
  ``줄기세포이다``, ``주사합니다``). The genitive 의 may join the words of a
  compound (``인대의 비후`` for ``인대 비후``). Anywhere else (inside a compound such as
  ``요추추간판탈출증`` or ``좌골신경통``) the Kiwi morphological analyser decides:
  the match must start and end on morpheme boundaries. Kiwi is loaded only
  when such a case occurs and its analyses are cached per word.
* **Japanese, Chinese**: no word spaces; any occurrence matches, longest
  first, except that a Latin or katakana wording must not continue a Latin or
  katakana word (``セル`` is not in ``セルロース``). A wording at the head or
  tail of a longer chosen wording still counts as translated when the rest is
  at least two characters (``組織`` in ``脂肪組織``, ``再生`` in ``再生医療``);
  one before a one-character suffix (``坐骨神経`` in ``坐骨神経痛``) or in the
  middle does not. In Japanese, whose kana set words apart, a one-ideograph
  wording does not match beside another ideograph: it is part of a longer word
  there (``首``, neck, is not in ``手首``, wrist, or ``首都``; ``筋`` not in ``道筋``).
  Chinese has no such cue. A compound of 4-6 ideographs may be split by the genitive
  の or 的 (``椎間板の膨隆``, ``韧带的增厚``); full-width Latin letters are
  Latin letters (``ＭＲＩ``).
* **Russian**: words are reduced to a stem (reflexive -ся/-сь and the longest
  matching case ending removed, at least two letters kept, a fleeting о/е before
  final к/н/ц/л dropped, время/времени one stem), so ``стволовые клетки``
  matches ``стволовых клеток``; whole words. A wording's noun ending in a
  consonant is also looked for by the stem of its other cases (``синдром``:
  синдр- and синдром-), since its nominative loses -ом like an instrumental.
  A shared stem is not enough: each word of the text must be its wording word's
  stem plus an ending of that word's own paradigm, told by the wording word's
  ending (a noun in -ь, a consonant, -а/-я, -о/-е, an adjective; a plural or
  other case may be any noun). So ``более`` (more) is not ``боль`` (pain): a noun
  in -ь never ends in -ее; ``весь`` (all) is not ``вес``, ``ранее`` and ``рано``
  (earlier, early) are not ``рана`` (wound), a consonant noun never takes -ая.
* **Ukrainian**: stems as Russian (the apostrophe of ``м'яз`` in any form is part
  of the word; a fleeting о/е before a final к/н/ц/л/т/р dropped: мозок/мозку,
  хребет/хребта), both stems of a consonant noun, and the і of a noun's closed
  last syllable also as о (біль/болю, кість/кості; a one-syllable noun in -ь only
  as о, so білий, white, is not біль). Not the dative -ові (стовбурові is an
  adjective); whole words. As in Russian, the ending removed from a text word must
  be one its wording word's paradigm takes (``рано``, early, is not ``рана``: the
  vocative is not looked for).
* **Polish**: case endings of nouns and adjectives removed (``rdzenia kręgowego``,
  ``komórkami macierzystymi``); the i of a soft stem goes with the ending and a
  final ń/ć/ś/ź is its plain letter (rdzeń/rdzenia); the e of a final -ek/-ec is
  fleeting (komórek); ó before a final voiced consonant other than l is also o
  (przewód/przewodu, but ból/bólu: bolą is a verb); both stems of a consonant
  noun; the j of a stem after a vowel is dropped (szyja/szyi); whole words. Not the
  consonant changes of the locative (komórce, nodze). The ending removed from a
  text word must be one its wording word's paradigm takes: ``rano`` (early) is not
  ``rana`` (wound), ``złamany``/``złamana`` (broken) is not ``złamanie`` (fracture).
* **Hebrew**: niqqud ignored, final letters folded, the maqaf is a space; the
  first word may carry the prefix letters ו, ש (כש, מש, לכש), ב כ ל מ ה (מה) in
  that order (``ועמוד השדרה``, ``כשהרופא``), a two-letter word only ו ה ב ל (שלב
  is a stage, not ש + לב); later words may take the article ה (``עמוד השדרה`` for
  ``עמוד שדרה``). Whole words otherwise (no suffixes).
* **Persian**: the zero-width non-joiner and a space are one; ي/ی, ى/ی, ك/ک and
  ۀ/ه folded, marks ignored. After a wording: ها, های and their possessives, ی,
  ای, ام, ات, اش, مان, تان, شان after a non-joiner or a space; ها/های and
  مان/تان/شان attached to a last word of three letters or more (``دردها``, not
  ``درمان`` = در + مان); ی and the possessives attached after a final ا/و. Not ی
  attached after a consonant (عصبی, nervous, is not عصب, nerve). An inner word may
  be in the plural with the ezafe (``سلول‌های بنیادی``) or carry a written ezafe
  after a vowel (``مهره‌ی کمری``). A wording after a non-joiner is the second part
  of a word (``بی‌درد``, painless) and does not match.
* **Arabic**: diacritics and tatweel are ignored, alef forms and ى/ی unified,
  but where the text and the wording both write a hamza or madda on an alef it
  must be the same one (``آلية``, mechanism, is not ``ألية``, buttock);
  wordings match with the clitics و ف ب ك ل (and ل+ال → لل) in front, with or
  without the article ال, and with a pronoun or plural suffix after; ة is
  written ت before a pronoun or dual suffix (``مراقبتها``); an accusative alef
  (``علاجا``) and the feminine ة of a nisba adjective (``جراحية``) may follow;
  an indefinite accusative wording of several words may carry the alef after its
  first word or after each word (``مضادًا للتخثر``, ``علاجًا طبيعيًا``). A wording
  whose first word ends in ة also matches its sound feminine plural in ات
  (``دعامة``/``دعامات``, ``حالة مرضية``/``حالات مرضية``); the glossary's own wordings
  win over such a plural when both claim a word.
* **Latin abbreviations** (MSC) in any language also match their English
  plural (``MSCs``). A case-sensitive term keeps the letter case of its
  abbreviations, but its all-lowercase words may be capitalised
  (``Магнитно-резонансная томография`` starting a sentence).
* **Thai, Lao, Khmer, Myanmar** (any language written in a script without word
  spaces): as Japanese and Chinese, any occurrence matches, but never next to a
  combining vowel or tone mark of the same letter.
* **Other languages**: case-insensitive whole-word match of the wordings as written.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import ahocorasick

FormKind = Literal["source", "preferred", "admitted", "forbidden"]
Script = Literal[
    "english", "latin", "korean", "cjk", "unspaced", "russian", "ukrainian", "polish", "arabic", "hebrew", "persian"
]
Analyser = Literal["kiwi", "rules"]


@dataclass(frozen=True, slots=True)
class Form:
    """One glossary wording to look for."""

    text: str
    term: str
    """Glossary id of the term the wording belongs to."""
    kind: FormKind
    case_sensitive: bool = False
    exact_spacing: bool = False
    """Spaces must be exactly as written (a spacing variant is forbidden)."""
    not_in: tuple[str, ...] = ()
    """Longer expressions in which the wording is not this term (``عنق الرحم``, cervix, for
    ``عنق``, neck): matched by the same rules (inflected, with clitics), letter case and
    spacing ignored; a match of the wording inside one of them is dropped."""


@dataclass(frozen=True, slots=True)
class Match:
    """A span of the searched text that is a glossary wording."""

    start: int
    end: int
    text: str
    """The span as written in the text (``herniated discs``, ``추간판탈출증``)."""
    forms: tuple[Form, ...]
    """Every wording this span is: one span can be preferred for one term and forbidden for another."""


@dataclass(frozen=True, slots=True)
class _Entry:
    form: Form
    cased: str
    """The key in its original letter case, for case-sensitive terms."""
    rank: tuple[int, int, int]
    """Lower wins when several terms claim one span: the glossary's own wordings first,
    then the inflection closest to its base (``injected``: inject before injection)."""


@dataclass(frozen=True, slots=True)
class _Block:
    """An occurrence of ``not_in`` expressions in the searched text."""

    start: int
    end: int
    expressions: frozenset[str]

    def hides(self, form: Form, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end and not self.expressions.isdisjoint(form.not_in)


def _rank(key: str, base: str, generated: int) -> tuple[int, int, int]:
    if not generated:
        return (0, 0, 0)
    common = 0
    for a, b in zip(key, base):
        if a != b:
            break
        common += 1
    return (generated, len(base) - common, -len(base))


def script_for(lang: str) -> Script:
    """Which matching rules a language uses."""
    base = lang.replace("-", "_").split("_")[0].lower()
    table: dict[str, Script] = {
        "en": "english", "ko": "korean", "ja": "cjk", "zh": "cjk", "ru": "russian", "uk": "ukrainian", "pl": "polish",
        "ar": "arabic", "he": "hebrew", "iw": "hebrew", "fa": "persian", "prs": "persian",
    }
    if base in table:
        return table[base]
    from .languages import UNSPACED_SCRIPTS, script_of

    # Thai, Lao, Khmer, Myanmar: no spaces between words, so a whole-word rule never matched.
    return "unspaced" if script_of(lang) in UNSPACED_SCRIPTS else "latin"


# --------------------------------------------------------------------------- character classes


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_katakana(ch: str) -> bool:
    """A katakana letter or length mark; not the middle dot ・ that separates words."""
    return "\u30a1" <= ch <= "\u30fa" or "\u30fc" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9f"


def _is_arabic_letter(ch: str) -> bool:
    return "\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or ch == "\u06d5"


# --------------------------------------------------------------------------- normalised text


@dataclass(frozen=True, slots=True)
class _Normalized:
    """Text prepared for the automaton, with the way back to the original offsets."""

    text: str
    pieces: tuple[tuple[int, int, int, int], ...] = ()
    """(normalised start, original start, normalised length, original length); empty: identity."""
    starts: tuple[int, ...] = ()
    deleted: tuple[int, ...] = ()
    """For texts that only lost characters: normalised index of each deleted character, in order."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.deleted:
            return start + bisect.bisect_right(self.deleted, start), end + bisect.bisect_right(self.deleted, end - 1)
        if not self.pieces:
            return start, end
        return self._start(start), self._end(end)

    def _piece(self, index: int) -> tuple[int, int, int, int]:
        return self.pieces[bisect.bisect_right(self.starts, index) - 1]

    def _start(self, index: int) -> int:
        nstart, ostart, _nlen, olen = self._piece(index)
        return ostart + min(index - nstart, olen)

    def _end(self, index: int) -> int:
        nstart, ostart, nlen, olen = self._piece(index - 1)
        return ostart + olen if index == nstart + nlen else ostart + (index - nstart)


def _delete(text: str, pattern: re.Pattern[str]) -> _Normalized:
    """Remove every (single-character) match of ``pattern``, remembering where."""
    positions = [m.start() for m in pattern.finditer(text)]
    if not positions:
        return _Normalized(text)
    return _Normalized(pattern.sub("", text), deleted=tuple(p - k for k, p in enumerate(positions)))


def _with_pieces(parts: list[str], pieces: list[tuple[int, int, int, int]]) -> _Normalized:
    return _Normalized("".join(parts), tuple(pieces), tuple(p[0] for p in pieces))


def _replace_runs(text: str, pattern: re.Pattern[str], replace: Callable[[str], str]) -> _Normalized:
    """Replace every match of ``pattern`` by ``replace(match_text)``, keeping offsets recoverable."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = npos = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start > pos:
            parts.append(text[pos:start])
            pieces.append((npos, pos, start - pos, start - pos))
            npos += start - pos
        new = replace(match.group())
        if new:
            parts.append(new)
            pieces.append((npos, start, len(new), end - start))
            npos += len(new)
        pos = end
    if not pieces:
        return _Normalized(text)
    if pos < len(text):
        parts.append(text[pos:])
        pieces.append((npos, pos, len(text) - pos, len(text) - pos))
    return _with_pieces(parts, pieces)


# --------------------------------------------------------------------------- per-language rules


_SPACE_FOLD = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ", "\n": " ", "\t": " ", "\r": " ", "\u2019": "'", "\u2018": "'"}
    | {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
)
"""Also full-width Latin letters, digits and signs (ＭＲＩ, ＣＴ in Japanese text) to ASCII."""
_HYPHEN_FOLD = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " "})
_NEEDS_SPACE_FOLD = re.compile("[\u00a0\u202f\u2009\u3000\n\t\r\u2019\u2018\uff01-\uff5e]")
_NEEDS_HYPHEN_FOLD = re.compile("[-\u2010\u2011]")
_SPACE = re.compile(" ")


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


_LATIN_ABBREVIATION = re.compile(r"(?<![A-Za-z0-9])[a-z]?[A-Z][A-Z0-9]*[A-Z]$")
"""A wording ending in a Latin abbreviation (MSC, iNSC, BM-MSC): texts in any language write
its English plural (MSCs), so that is generated too."""


class _Rules:
    """Space-separated languages without inflection rules: whole words, case-insensitive."""

    hyphens = True
    def needs_confirming(self, surface: str) -> bool:
        """``surface`` may be another word than the wordings of its key (it shares a stem with
        another paradigm, or a letter was folded away): :meth:`confirms` must look at it."""
        return False

    def confirms(self, wording: str, surface: str) -> bool:
        """``surface``, found by its folded or stemmed key, is a form of ``wording`` and not another word."""
        return True

    def fold(self, text: str) -> str:
        """Same-length folding: case, spaces, apostrophes (and hyphens to spaces)."""
        folded = _lower_same_length(text)
        if _NEEDS_SPACE_FOLD.search(folded):
            folded = folded.translate(_SPACE_FOLD)
        if self.hyphens and _NEEDS_HYPHEN_FOLD.search(folded):
            folded = folded.translate(_HYPHEN_FOLD)
        return folded

    def normalize(self, folded: str) -> _Normalized:
        return _Normalized(folded)

    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        """(automaton key, cased surface, how far generated) for one wording.

        0 (False): the wording as written; 1 (True): a form generated from it; 2: a form of
        another number (an Arabic sound plural), which loses to another wording's own forms.
        """
        text = " ".join(form.text.split())
        yield self.normalize(self.fold(text)).text, text, False
        if _LATIN_ABBREVIATION.search(text):
            yield self.normalize(self.fold(text + "s")).text, text + "s", True

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        return not before.isalnum() and not after.isalnum()

    def whole_words(self, text: str, start: int, end: int) -> bool:
        """An accepted match is made of whole words (so a longer phrase over it does not hide it)."""
        return True

    def counts_hidden(self, text: str, match: Match, within: Match) -> bool:
        """``match`` lies under the chosen longer ``within`` and still counts as present."""
        return self.whole_words(text, match.start, match.end)


class _EnglishRules(_Rules):
    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        text = " ".join(form.text.split())
        yield self.fold(text), text, False
        # the last word inflects, also after a hyphen (X-ray -> X-rays, stem-cell -> stem-cells)
        cut = max(text.rfind(" "), text.rfind("-")) + 1
        head, last = text[:cut], text[cut:]
        for variant in english_inflections(last, single=cut == 0):
            yield self.fold(head + variant), head + variant, True


class _KoreanRules(_Rules):
    """Optional spaces, particles, Kiwi at compound boundaries (see the module docstring)."""

    hyphens = False

    def __init__(self, analyser: Analyser) -> None:
        self.analyser = analyser

    def normalize(self, folded: str) -> _Normalized:
        return _delete(folded, _SPACE) if " " in folded else _Normalized(folded)

    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        """Also the genitive 의 after one word of a compound (인대 비후 -> 인대의 비후)."""
        yield from super().keys(form)
        words = " ".join(form.text.split()).split(" ")
        if not 2 <= len(words) <= 3 or not all(_is_hangul(w[-1]) and not w.endswith("의") for w in words[:-1]):
            return
        for index in range(1, len(words)):
            variant = " ".join(words[:index]) + "의 " + " ".join(words[index:])
            yield self.normalize(self.fold(variant)).text, variant, True

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        if not (self._left_ok(text, start) and self._right_ok(text, end)):
            return False
        return not self._short(text, start, end) or self._confirmed_in_context(text, start, end)

    def whole_words(self, text: str, start: int, end: int) -> bool:
        return (start == 0 or not _is_hangul(text[start - 1])) and _tail(text, end) in KOREAN_TAILS | {""}

    def _left_ok(self, text: str, start: int) -> bool:
        if start == 0:
            return True
        before, first = text[start - 1], text[start]
        if _is_hangul(before) and _is_hangul(first):
            return self._boundary(text, start, edge="start")
        return not (_is_latin_alnum(before) and _is_latin_alnum(first))

    def _right_ok(self, text: str, end: int) -> bool:
        if end == len(text):
            return True
        last, after = text[end - 1], text[end]
        if _is_hangul(last) and _is_hangul(after):
            return _tail(text, end) in KOREAN_TAILS or self._boundary(text, end, edge="end")
        return not (_is_latin_alnum(last) and _is_latin_alnum(after))

    def _boundary(self, text: str, index: int, *, edge: Literal["start", "end"]) -> bool:
        """Inside a word: a noun must start (or end) exactly here, by Kiwi's analysis of the word."""
        if self.analyser != "kiwi":
            return False
        word_start, word_end = _word_start(text, index), _word_end(text, index)
        at = index - word_start
        tokens = korean_morphemes(text[word_start:word_end])
        if edge == "start":
            return any(s == at and tag.startswith(_NOMINAL_TAGS) for s, _e, tag in tokens)
        return any(e == at and tag.startswith(_NOMINAL_TAGS) for _s, e, tag in tokens)

    def _short(self, text: str, start: int, end: int) -> bool:
        """One or two syllables that are not a plain noun on their own (하지: 'lower limb', or 하+지 'do not'),
        in a text longer than the word: only then does the context decide."""
        word = text[start:end]
        if self.analyser != "kiwi" or sum(1 for ch in word if _is_hangul(ch)) not in (1, 2):
            return False
        if not (text[:start].strip() or _word_end(text, end) < len(text.rstrip())):
            return False
        return korean_needs_context(word)

    def _confirmed_in_context(self, text: str, start: int, end: int) -> bool:
        """Kiwi reads the word and the next one: ``하지 통증`` is a noun, ``하지 마세요`` a verb form.

        Refused only when Kiwi does not split there, or splits a verb from its ending
        (the span ends on 지/고/다... or starts on 하/되... of a derived verb).
        """
        window_start = _word_start(text, start)
        window_end = _word_end(text, end)
        while window_end < len(text) and text[window_end].isspace():
            window_end += 1
        tokens = korean_morphemes(text[window_start : _word_end(text, window_end)])
        first, last = start - window_start, end - window_start
        starts_well = any(s == first and not tag.startswith(_NOT_A_START) for s, _e, tag in tokens)
        ends_well = any(e == last and not tag.startswith(_NOT_AN_END) for _s, e, tag in tokens)
        return starts_well and ends_well


def _tail(text: str, end: int) -> str:
    """The Hangul that follows ``end`` up to the end of the word (particles, endings)."""
    tail_end = end
    while tail_end < len(text) and _is_hangul(text[tail_end]):
        tail_end += 1
    return text[end:tail_end]


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


_CJK_IGNORED = re.compile(" |(?<=[\u30a1-\u30fa\u30fc])[・･](?=[\u30a1-\u30fa\u30fc])")
"""Spaces, and the middle dot between katakana words (ペイン・クリニック = ペインクリニック)."""


class _CjkRules(_KoreanRules):
    """Japanese and Chinese: no spaces between words, longest match."""

    def __init__(self, *, japanese: bool = False) -> None:
        super().__init__("rules")
        self.japanese = japanese

    def normalize(self, folded: str) -> _Normalized:
        if " " in folded or "・" in folded or "･" in folded:
            return _delete(folded, _CJK_IGNORED)
        return _Normalized(folded)

    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        """Also a compound of 4-6 ideographs split by the genitive の or 的 (椎間板の膨隆, 韧带的增厚)."""
        yield from _Rules.keys(self, form)
        text = form.text.strip()
        if not 4 <= len(text) <= 6 or not all(_is_ideograph(ch) for ch in text):
            return
        for index in range(2, len(text) - 1):
            for particle in ("の", "的"):
                variant = text[:index] + particle + text[index:]
                yield self.normalize(self.fold(variant)).text, variant, True

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        if self.japanese and end - start == 1 and _is_ideograph(text[start]) and _in_kanji_word(text, start):
            return False
        return not _continues(text, start - 1, start) and not _continues(text, end - 1, end)

    def whole_words(self, text: str, start: int, end: int) -> bool:
        return False  # no word spaces: a wording inside a longer one may be part of another word

    def counts_hidden(self, text: str, match: Match, within: Match) -> bool:
        """A wording at the head or tail of the longer one, the rest being a word of its own.

        組織 in 脂肪組織 and 再生 in 再生医療 count: the longer glossary wording is a
        compound of a known word and another word. A one-character rest is usually a
        bound suffix that names something else (坐骨神経痛 is sciatica, not the sciatic
        nerve; 腰痛, 脊椎炎), and an inner substring (細胞 in 幹細胞移植) may cut
        across two words: neither counts.
        """
        if not (within.start <= match.start and match.end <= within.end):
            return False
        rest = (within.end - match.end) if match.start == within.start else (match.start - within.start)
        return (match.start == within.start or match.end == within.end) and rest >= 2


class _UnspacedRules(_CjkRules):
    """Thai, Lao, Khmer, Myanmar: no word spaces, like Chinese, and letters carry combining vowels and tones.

    A match must not end before (or start on) a combining mark: ``ก`` is not in ``ก่``.
    """

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        marks = (text[start : start + 1], text[end : end + 1])
        return super().accept(text, norm, ns, ne, start, end) and not any(unicodedata.category(ch).startswith("M") for ch in marks if ch)


def _in_kanji_word(text: str, index: int) -> bool:
    """The ideograph at ``index`` has another ideograph beside it: in Japanese, where kana set words
    apart, it is then a part of a longer word (首 in 手首 or 首都, 筋 in 道筋)."""
    return (index > 0 and _is_ideograph(text[index - 1])) or (index + 1 < len(text) and _is_ideograph(text[index + 1]))


def _continues(text: str, left: int, right: int) -> bool:
    """The characters at ``left`` and ``right`` belong to one Latin or katakana word."""
    if left < 0 or right >= len(text):
        return False
    a, b = text[left], text[right]
    return (_is_latin_alnum(a) and _is_latin_alnum(b)) or (_is_katakana(a) and _is_katakana(b))


class _StemmingRules(_Rules):
    """Inflected space-separated languages: every word of a text and of a wording becomes its stem."""

    _CLASS: str
    """The language's letters, as the body of a character class (``а-яё``)."""
    _JOINER: str = ""
    """A character that joins runs of letters into one word (Ukrainian ``'``: м'яз)."""
    _WORD: re.Pattern[str]
    """A word to stem, or a run of spaces."""
    _LETTERS: re.Pattern[str]
    """A word."""
    _TOKEN: re.Pattern[str]
    """A word, a run of spaces or anything else, for splitting a wording."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """The three patterns, made from the language's letters (:attr:`_CLASS`, :attr:`_JOINER`)."""
        super().__init_subclass__(**kwargs)
        word = f"[{cls._CLASS}]+" + (f"(?:{cls._JOINER}[{cls._CLASS}]+)*" if cls._JOINER else "")
        cls._LETTERS = re.compile(word)
        cls._WORD = re.compile(rf"{word}|\s+")
        cls._TOKEN = re.compile(rf"{word}|\s+|[^{cls._CLASS}\s]+")

    def stem(self, word: str) -> str:
        """A lower-case word -> the stem its inflected forms share."""
        raise NotImplementedError

    def needs_confirming(self, surface: str) -> bool:
        return True

    def confirms(self, wording: str, surface: str) -> bool:
        """Every word of ``surface`` takes an ending of its wording word's paradigm (see :meth:`inflects`)."""
        return _words_inflect(self, surface, wording)

    def inflects(self, word: str, wording_word: str) -> bool:
        """``word`` is a form of ``wording_word`` (both folded), not another word with its stem."""
        raise NotImplementedError

    def word_stems(self, token: str) -> tuple[str, ...]:
        """The stems one word of a wording may have in text (see :func:`_consonant_noun_stems`)."""
        raise NotImplementedError

    def normalize(self, folded: str) -> _Normalized:
        stem = self.stem
        return _replace_runs(folded, self._WORD, lambda tok: " " if tok[0].isspace() else stem(tok))

    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        """The wording's own stems first, then every combination of its words' other stems."""
        text = " ".join(form.text.split())
        first, *others = super().keys(form)
        yield first
        yield from others
        options = [self.word_stems(token) for token in self._TOKEN.findall(self.fold(text))]
        for combination in itertools.product(*options):
            key = "".join(combination)
            if key != first[0]:
                yield key, text, True

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        before = norm.text[ns - 1] if ns > 0 else " "
        after = norm.text[ne] if ne < len(norm.text) else " "
        return not before.isalnum() and not after.isalnum()


def _consonant_noun_stems(
    token: str, stem: Callable[[str], str], *, letters: frozenset[str], final: frozenset[str], genitive: str
) -> tuple[str, ...]:
    """One stem, or two for a noun ending in a consonant.

    The nominative синдром (Polish syndrom) loses -ом/-om like an instrumental
    (синдр-), its other cases keep it (синдрома -> синдром-): both stems are keys.
    ``genitive`` is the ending that gives the other cases' stem (-а, -a).
    """
    if token[0].isspace():
        return (" ",)
    if token[0] not in letters:
        return (token,)
    own = stem(token)
    if len(token) >= 3 and token[-1] in final:
        oblique = stem(token + genitive)
        if oblique != own:
            return (own, oblique)
    return (own,)


@lru_cache(maxsize=65536)
def _words_inflect(rules: _StemmingRules, surface: str, wording: str) -> bool:
    """Each word of ``surface`` is a form of the word of ``wording`` in its place.

    Words that do not pair up (a different count) are not judged."""
    words, own = rules._LETTERS.findall(rules.fold(surface)), rules._LETTERS.findall(rules.fold(wording))
    return len(words) != len(own) or all(rules.inflects(w, o) for w, o in zip(words, own))


class _RussianRules(_StemmingRules):
    _CLASS = "а-яё"

    def stem(self, word: str) -> str:
        return russian_stem(word)

    def inflects(self, word: str, wording_word: str) -> bool:
        return russian_inflects(word, wording_word)

    def fold(self, text: str) -> str:
        return super().fold(text).replace("ё", "е")

    def word_stems(self, token: str) -> tuple[str, ...]:
        return _consonant_noun_stems(token, russian_stem, letters=_RU_LETTERS, final=_RU_HARD_FINAL, genitive="а")


class _UkrainianRules(_StemmingRules):
    _CLASS = "а-яєіїґ"
    _JOINER = "'"

    def inflects(self, word: str, wording_word: str) -> bool:
        return ukrainian_inflects(word, wording_word)

    def stem(self, word: str) -> str:
        return ukrainian_stem(word)

    def fold(self, text: str) -> str:
        folded = super().fold(text)
        return folded.replace("\u02bc", "'") if "\u02bc" in folded else folded  # м'яз, мʼяз

    def word_stems(self, token: str) -> tuple[str, ...]:
        """Also the other cases' stem of a noun in -ь, and і of a closed last syllable as о (біль -> болю)."""
        if token.endswith("ь") and len(token) >= 3 and token[0] in _UK_LETTERS:
            oblique = ukrainian_stem(token[:-1])
            alternated = _UK_ALTERNATION.sub("о", oblique)
            if alternated == oblique:
                return (ukrainian_stem(token), oblique)
            # one syllable (біль, кість, сіль): the і always alternates, and біл- is білий (white)
            one_syllable = sum(ch in _UK_VOWELS for ch in token) == 1
            return (ukrainian_stem(token), alternated) if one_syllable else (ukrainian_stem(token), oblique, alternated)
        stems = _consonant_noun_stems(token, ukrainian_stem, letters=_UK_LETTERS, final=_UK_CONSONANTS, genitive="а")
        if token[-1] in _UK_CONSONANTS:
            stems += tuple(dict.fromkeys(_UK_ALTERNATION.sub("о", s) for s in stems if _UK_ALTERNATION.search(s)))
        return stems


class _PolishRules(_StemmingRules):
    _CLASS = "a-ząćęłńóśźż"

    def inflects(self, word: str, wording_word: str) -> bool:
        return polish_inflects(word, wording_word)

    def stem(self, word: str) -> str:
        return polish_stem(word)

    def word_stems(self, token: str) -> tuple[str, ...]:
        """Also ó of a final syllable as o before a voiced consonant (przewód -> przewodu, otwór -> otworu)."""
        stems = _consonant_noun_stems(token, polish_stem, letters=_PL_LETTERS, final=_PL_CONSONANTS, genitive="a")
        if _PL_ALTERNATION.search(token):
            stems += (polish_stem(_PL_ALTERNATION.sub(lambda m: "o" + m.group()[1:], token) + "a"),)
        return tuple(dict.fromkeys(stems))


_HEBREW_MARKS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
_HEBREW_FOLD = str.maketrans({"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ", "\u05be": " "})
"""Final letters as their plain forms (for matching only) and the maqaf (בית־חולים) as a space."""


def _hebrew_prefixes(third: tuple[str, ...]) -> frozenset[str]:
    """ו, then ש (or כש, מש, לכש), then one of ``third``: וב, וה, שה, מה, כש, ושב..."""
    return frozenset(a + b + c for a in ("", "ו") for b in ("", "ש", "כש", "מש", "לכש") for c in third) - {""}


HEBREW_PREFIXES = _hebrew_prefixes(("", "ב", "כ", "ל", "מ", "ה", "מה"))
"""Letters written before a Hebrew word (the article ה is not written after ב, כ, ל: בעמוד is ב+ה+עמוד)."""
HEBREW_SHORT_PREFIXES = frozenset({"ו", "ה", "ב", "ל", "וה", "וב", "ול"})
"""Before a word of two letters only these: שלב is a stage and כלב a dog, not ש/כ + לב (heart)."""


class _HebrewRules(_Rules):
    """Prefix letters, the article of a construct phrase, niqqud and final letters (see the module docstring)."""

    def fold(self, text: str) -> str:
        return super().fold(text).translate(_HEBREW_FOLD)

    def normalize(self, folded: str) -> _Normalized:
        return _delete(folded, _HEBREW_MARKS) if _HEBREW_MARKS.search(folded) else _Normalized(folded)

    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        """The wording, and with the article ה before any of its later words (עמוד שדרה -> עמוד השדרה)."""
        yield from super().keys(form)
        words = " ".join(_HEBREW_MARKS.sub("", form.text).split()).split(" ")
        if not 2 <= len(words) <= 4:
            return
        for mask in range(1, 2 ** (len(words) - 1)):
            variant = " ".join([words[0]] + ["ה" + w if mask >> i & 1 else w for i, w in enumerate(words[1:])])
            yield self.normalize(self.fold(variant)).text, variant, True

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        folded = norm.text
        if ne < len(folded) and folded[ne].isalnum():
            return False
        word_start = ns
        while word_start > 0 and _is_hebrew_letter(folded[word_start - 1]):
            word_start -= 1
        if word_start > 0 and folded[word_start - 1].isalnum():
            return False
        if word_start == ns:
            return True
        first_word = folded[ns:ne].split(" ", 1)[0]
        allowed = HEBREW_SHORT_PREFIXES if len(first_word) <= 2 else HEBREW_PREFIXES
        return folded[word_start:ns] in allowed


def _is_hebrew_letter(ch: str) -> bool:
    return "\u05d0" <= ch <= "\u05ea"


_ZWNJ = "\u200c"
_PERSIAN_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", _ZWNJ: " "})
"""Arabic yeh and kaf as Persian ones, heh with the ezafe hamza as heh, and the zero-width non-joiner as a space."""
_PERSIAN_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_PERSIAN_PLURALS = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان")
PERSIAN_SUFFIXES = frozenset(_PERSIAN_PLURALS + ("ی", "ای", "ام", "ات", "اش", "مان", "تان", "شان"))
"""What may follow a Persian wording after a zero-width non-joiner (درد‌ها, مهره‌ای, ستون‌فقرات‌تان)."""
PERSIAN_ATTACHED_SUFFIXES = frozenset(_PERSIAN_PLURALS + ("مان", "تان", "شان"))
"""What may follow a Persian wording of three letters or more without one (دردها, کمرتان). Not ی after a
consonant: it also makes adjectives (عصب nerve, عصبی nervous; نخاع, نخاعی spinal)."""
PERSIAN_AFTER_VOWEL = frozenset(("ی", "یم", "یت", "یش", "یمان", "یتان", "یشان"))
"""... and after a final ا or و, the ezafe or indefinite ی and the possessives (داروی, داروی‌شان)."""


class _PersianRules(_Rules):
    """Zero-width non-joiner and space, suffixes, ي/ی and ك/ک (see the module docstring)."""

    def fold(self, text: str) -> str:
        return super().fold(text).translate(_PERSIAN_FOLD)

    def normalize(self, folded: str) -> _Normalized:
        return _delete(folded, _PERSIAN_MARKS) if _PERSIAN_MARKS.search(folded) else _Normalized(folded)

    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        """Also an inner word in the plural with the ezafe (سلول‌های بنیادی for سلول بنیادی), and the
        written ezafe after an inner word ending in a vowel (مهره‌ی کمر, داروی ضد درد)."""
        yield from super().keys(form)
        words = self.normalize(self.fold(form.text)).text.split()
        if not 2 <= len(words) <= 4:
            return
        options = [[w, w + " های", w + "های", *_persian_ezafe(w)] for w in words[:-1]]
        for combination in itertools.product(*options):
            variant = " ".join([*combination, words[-1]])
            if variant != " ".join(words):
                yield variant, variant, True

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        folded = norm.text
        if ns > 0 and (folded[ns - 1].isalnum() or text[start - 1] == _ZWNJ):
            return False  # the second part of a word (بی‌درد: painless)
        after = _skip_marks(text, end)
        if after == len(text) or not (text[after] == _ZWNJ or text[after].isalnum()):
            return True
        if text[after] == _ZWNJ:
            return self._tail(text, after + 1) in PERSIAN_SUFFIXES
        tail = self._tail(text, after)
        last_word = folded[ns:ne].rsplit(" ", 1)[-1]
        if folded[ne - 1] in "او" and tail in PERSIAN_AFTER_VOWEL:
            return True
        return len(last_word) >= 3 and tail in PERSIAN_ATTACHED_SUFFIXES

    def _tail(self, text: str, start: int) -> str:
        """The letters from ``start`` to the end of the word, folded, without marks."""
        end = start
        while end < len(text) and (_is_arabic_letter(text[end]) or _PERSIAN_MARKS.match(text[end])):
            end += 1
        if end < len(text) and text[end].isalnum():
            return ""  # a Latin letter or digit glued on: not a suffix
        return _PERSIAN_MARKS.sub("", text[start:end].translate(_PERSIAN_FOLD))


def _persian_ezafe(word: str) -> list[str]:
    """The ezafe as written after a final vowel: ‌ی after ه (folded to a space), ی after ا and و."""
    if word.endswith("ه"):
        return [word + " ی"]
    return [word + "ی"] if word.endswith(("ا", "و")) else []


def _skip_marks(text: str, index: int) -> int:
    while index < len(text) and _PERSIAN_MARKS.match(text[index]):
        index += 1
    return index


_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]+")
_ARABIC_MARK = re.compile("[\u064b-\u0652\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك"})
def _definite(word: str) -> str:
    return word if word.startswith("ال") else "ال" + word


_NEEDS_ARABIC_FOLD = re.compile("[أإآٱىیک]")
_ARABIC_PREFIXES = ("", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل")
ARABIC_SUFFIXES = frozenset("ه ها هم هما هن ك كم كما كن ي نا ات ان ين ون تان تين".split())
"""Pronoun, dual and plural suffixes allowed after an Arabic wording."""
_ARABIC_TA_SUFFIXES = tuple("ه ها هم هما هن ك كم كما كن ي نا ان ين".split())
"""What may follow ة written as ت (مراقبة -> مراقبتها, خلية -> خليتان)."""


class _ArabicRules(_Rules):
    hyphens = False

    def needs_confirming(self, surface: str) -> bool:
        return _ARABIC_HAMZA_ALEF.search(surface) is not None

    def confirms(self, wording: str, surface: str) -> bool:
        return _arabic_hamzas_agree(wording, surface)

    def fold(self, text: str) -> str:
        folded = super().fold(text)
        return folded.translate(_ARABIC_FOLD) if _NEEDS_ARABIC_FOLD.search(folded) else folded

    def normalize(self, folded: str) -> _Normalized:
        return _delete(folded, _ARABIC_MARK) if _ARABIC_MARKS.search(folded) else _Normalized(folded)

    def keys(self, form: Form) -> Iterator[tuple[str, str, int]]:
        text = " ".join(_ARABIC_MARKS.sub("", form.text).split())
        for index, variant in enumerate(arabic_variants(text)):
            yield self.fold(variant), variant, index > 0
        for variant in arabic_accusatives(text):
            yield self.fold(variant), variant, True
        for plural in arabic_sound_plurals(text):
            for variant in arabic_variants(plural):
                yield self.fold(variant), variant, 2
        if _LATIN_ABBREVIATION.search(text):
            yield self.fold(text + "s"), text + "s", True
        if text.endswith("ة") and " " not in text:
            # before a suffix ة is written ت; the suffix is part of the key (a bare ت-word is another word)
            for prefix in _ARABIC_PREFIXES:
                for suffix in _ARABIC_TA_SUFFIXES:
                    variant = prefix + text[:-1] + "ت" + suffix
                    yield self.fold(variant), variant, True

    def accept(self, text: str, norm: _Normalized, ns: int, ne: int, start: int, end: int) -> bool:
        if start > 0 and (_is_arabic_letter(text[start - 1]) or text[start - 1].isalnum()):
            return False
        if end == len(text) or not text[end].isalnum():
            return True
        tail_end = end
        while tail_end < len(text) and _is_arabic_letter(text[tail_end]):
            tail_end += 1
        tail = self.normalize(self.fold(text[end:tail_end])).text
        last = text[end - 1]
        if not _is_arabic_letter(last):
            return False
        # accusative alef (علاجا), the feminine of a nisba adjective (جراحي -> جراحية)
        return tail in ARABIC_SUFFIXES or (tail == "ا" and last not in "ةاىء") or (tail == "ة" and last == "ي")


_ARABIC_HAMZA_ALEFS = frozenset("أإآٱ")
_ARABIC_HAMZA_ALEF = re.compile("[أإآٱ]")


@lru_cache(maxsize=65536)
def _arabic_hamzas_agree(wording: str, surface: str) -> bool:
    """Each word of ``surface`` writes the hamzas of the wording's word in its place (see :func:`arabic_same_hamzas`)."""
    words, own = _ARABIC_MARKS.sub("", surface).split(), _ARABIC_MARKS.sub("", wording).split()
    return len(words) != len(own) or all(arabic_same_hamzas(w, o) for w, o in zip(words, own))


@lru_cache(maxsize=65536)
def arabic_same_hamzas(word: str, wording_word: str) -> bool:
    """``word`` of a text (clitics and article in front) writes no other hamza or madda than ``wording_word``.

    Alef forms are folded for matching, since texts often write a bare ا; but where both
    sides write a hamza or madda they must agree: ``الآليات`` (mechanisms) is not a form of
    ``ألية`` (buttock). A word whose core cannot be lined up with the wording is not judged.
    """
    core = _arabic_fold_letters(wording_word[:-1] if wording_word.endswith("ة") else wording_word)
    aligned = [p for p in range(min(len(word), 5)) if _arabic_fold_letters(word[p:]).startswith(core)]
    return not aligned or any(
        not any(a != b and a in _ARABIC_HAMZA_ALEFS and b in _ARABIC_HAMZA_ALEFS for a, b in zip(word[p:], wording_word))
        for p in aligned
    )


def _arabic_fold_letters(text: str) -> str:
    return text.translate(_ARABIC_FOLD)


def arabic_accusatives(phrase: str) -> list[str]:
    """An indefinite wording in the accusative: alef after its first word or after all its words.

    ``مضاد للتخثر`` -> ``مضادا للتخثر`` (the alef ends the noun, not the phrase);
    ``علاج طبيعي`` -> ``علاجا طبيعيا``. The alef after the last word alone is left
    to :meth:`_ArabicRules.accept`. Only words that take it: not definite, not
    ending in ة, ا, ى or ء, not a preposition + article (``للتخثر``).
    """
    words = phrase.split(" ")
    if len(words) < 2 or not _takes_accusative_alef(words[0]):
        return []
    first = [words[0] + "ا", *words[1:]]
    every = [w + "ا" if _takes_accusative_alef(w) else w for w in words]
    phrases = dict.fromkeys(" ".join(p) for p in (first, every))
    return [prefix + p for p in phrases for prefix in ("", "و", "ف")]


def arabic_sound_plurals(phrase: str) -> list[str]:
    """The sound feminine plural of a wording whose first word (the head noun) ends in ة: ة becomes ات.

    ``دعامة`` -> ``دعامات``; in a phrase only the head: a plural that is not of people
    takes a feminine singular adjective (``حالة مرضية`` -> ``حالات مرضية``).
    """
    first, *rest = phrase.split(" ")
    if len(first) < 3 or not first.endswith("ة"):
        return []
    return [" ".join([first[:-1] + "ات", *rest])]


def _takes_accusative_alef(word: str) -> bool:
    return len(word) > 1 and not word.startswith(("ال", "لل")) and word[-1] not in "ةاىء"


def arabic_variants(phrase: str) -> list[str]:
    """A wording with clitic prefixes and with or without the article, the wording itself first.

    The article may go on any of the first three words (``غير الجراحية``: the
    adjective after غير takes it, غير does not); longer wordings get it on all or none.
    """
    words = phrase.split(" ")
    bases = [phrase]
    if len(words) <= 3:
        for mask in range(1, 2 ** len(words)):
            bases.append(" ".join(_definite(w) if mask >> i & 1 else w for i, w in enumerate(words)))
    else:
        bases.append(" ".join(_definite(w) for w in words))
    variants = dict.fromkeys([phrase])
    for base in bases:
        for prefix in _ARABIC_PREFIXES:
            if prefix.endswith("ل") and base.startswith("الل"):
                variants[prefix[:-1] + "ل" + base[2:]] = None  # ل + الليف -> لليف (two lams, not three)
            elif prefix.endswith("ل") and base.startswith("ال"):
                variants[prefix[:-1] + "لل" + base[2:]] = None
            else:
                variants[prefix + base] = None
    return list(variants)


def _rules_for(lang: str, analyser: Analyser) -> _Rules:
    script = script_for(lang)
    if script == "english":
        return _EnglishRules()
    if script == "korean":
        return _KoreanRules(analyser)
    if script == "cjk":
        return _CjkRules(japanese=lang.replace("-", "_").split("_")[0].lower() == "ja")
    if script == "unspaced":
        return _UnspacedRules()
    if script == "russian":
        return _RussianRules()
    if script == "arabic":
        return _ArabicRules()
    if script == "ukrainian":
        return _UkrainianRules()
    if script == "polish":
        return _PolishRules()
    if script == "hebrew":
        return _HebrewRules()
    if script == "persian":
        return _PersianRules()
    return _Rules()


# --------------------------------------------------------------------------- English inflection


_VOWELS = set("aeiou")


def english_inflections(word: str, *, single: bool) -> set[str]:
    """Plural/singular forms of ``word``; for a one-word wording also verb and -ion forms."""
    if not word.isalpha() or len(word) < 2:
        return set()
    if word.isupper():
        return {word + "s"}
    forms = _plurals(word) | _singulars(word)
    if single:
        forms |= _verb_forms(word) | _nominal_forms(word)
    forms.discard(word)
    return forms


_IRREGULAR_PLURALS = {
    "foot": "feet", "tooth": "teeth", "man": "men", "woman": "women", "child": "children", "person": "people",
    "mouse": "mice", "ox": "oxen", "corpus": "corpora", "genus": "genera", "foramen": "foramina", "lumen": "lumina",
}
_IRREGULAR_SINGULARS = {plural: singular for singular, plural in _IRREGULAR_PLURALS.items()}


def _plurals(word: str) -> set[str]:
    lower = word.lower()
    forms = {word + "s"}
    if lower in _IRREGULAR_PLURALS:
        forms.add(_same_case(_IRREGULAR_PLURALS[lower], word))
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        forms.add(word[:-1] + "ies")
    endings = {"sis": "ses", "us": "i", "um": "a", "on": "a", "ix": "ices", "ex": "ices", "fe": "ves", "f": "ves"}
    for ending, plural in endings.items():
        if lower.endswith(ending):
            forms.add(word[: -len(ending)] + plural)
    if lower.endswith("a"):
        forms.add(word + "e")
    return forms


def _same_case(new: str, like: str) -> str:
    return new.capitalize() if like[:1].isupper() else new


def _singulars(word: str) -> set[str]:
    lower = word.lower()
    if lower in _IRREGULAR_SINGULARS:
        return {_same_case(_IRREGULAR_SINGULARS[lower], word)}
    if lower.endswith("ies"):
        return {word[:-3] + "y"}
    if lower.endswith("ae"):
        return {word[:-1]}
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return {word[:-1]} | ({word[:-2]} if lower.endswith("es") else set())
    return set()


def _verb_forms(word: str) -> set[str]:
    lower = word.lower()
    stem = word[:-1] if lower.endswith("e") else word
    forms = {stem + "ed", stem + "ing", word + "s"}
    if len(lower) >= 3 and lower[-1] not in _VOWELS | {"w", "x", "y"} and lower[-2] in _VOWELS and lower[-3] not in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if lower.endswith("ate") or (lower.endswith("t") and not lower.endswith("tion")):
        noun = stem + "ion"
        forms |= {noun, noun + "s"}
    return forms


def _nominal_forms(word: str) -> set[str]:
    """``injection`` -> inject, injects, injected, injecting; ``herniation`` -> herniate..."""
    lower = word.lower()
    if lower.endswith(("ction", "ption")):
        verb = word[:-3]
    elif lower.endswith("ation"):
        verb = word[:-3] + "e"
    else:
        return set()
    return {verb, verb + "s", (verb[:-1] if verb.endswith("e") else verb) + "ed", (verb[:-1] if verb.endswith("e") else verb) + "ing"}


# --------------------------------------------------------------------------- Russian stemming


_RU_ENDINGS = tuple(
    sorted(
        {
            "иями", "ями", "ами", "иях", "ях", "ах", "ией", "ием", "иям", "ей", "ой", "ою", "ею", "ом", "ем", "ам", "ям",
            "ов", "ев", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ыми", "ими",
            "ого", "его", "ому", "ему", "ую", "юю", "ия", "ии", "ию", "ье", "ья", "ьи", "ью", "ьем", "ьям",
            "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
        },
        key=len,
        reverse=True,
    )
)
_RU_FLEETING = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])[ое](?=[кнцл]$)")


_RU_VOWELS = frozenset("аеиоуыэюяё")
_RU_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_RU_HARD_FINAL = frozenset("бвгджзклмнпрстфхцчшщ")


@lru_cache(maxsize=65536)
def russian_stem(word: str) -> str:
    """Lower-case Russian word -> stem shared by its case forms (see the module docstring)."""
    word = _ru_unreflexive(word)
    if len(word) >= 4 and word.endswith("мя") and word[-3] in _RU_VOWELS:
        word = word[:-1] + "ени"  # время, времени, временем: one stem
    return _ru_fleeting(_strip_ending(word, _RU_ENDINGS))


def _ru_fleeting(stem: str) -> str:
    return _RU_FLEETING.sub("", stem) if len(stem) > 3 else stem


def _ru_unreflexive(word: str) -> str:
    """Without the reflexive -ся/-сь of a participle (улучшающийся, улучшающейся -> улучшающ-); not смесь."""
    if len(word) >= 5 and (word.endswith("ся") or (word.endswith("сь") and word[-3] in "аоиюя")):
        return word[:-2]
    return word


_RU_ADJECTIVE = frozenset("ый ий ой ая яя ое ее ые ие ых их ым им ыми ими ого его ому ему ую юю ей ою ею ом ем".split())
"""Endings of the long adjective and participle (стволовая, стволовых); also of the comparative (более)."""
_RU_MASCULINE = frozenset(["", *"а я у ю ом ем е ы и ов ев ей ам ям ами ями ах ях".split()])
"""Endings of a masculine noun, hard or soft (нерв, нервов; врач, врачей)."""
_RU_SOFT_SIGN = frozenset("ь я ю ем е и ью ей ям ями ях".split())
"""Endings of a noun in -ь, feminine (боль, болью) or masculine (корень, корнем)."""
_RU_FEMININE = frozenset(["", *"а я ы и е у ю ой ей ою ею ь й ам ям ами ями ах ях ом ов ем ев".split()])
"""Endings of a noun in -а/-я (клетка, клеток, терапий); -а is also a masculine genitive (нерва), so its endings too."""
_RU_NEUTER = frozenset(["", *"о е а я у ю ом ем и ы й ей ам ям ами ями ах ях".split()])
"""Endings of a noun in -о/-е (лечение, лечений, лечением)."""
_RU_NOUN = _RU_MASCULINE | _RU_FEMININE | _RU_NEUTER | _RU_SOFT_SIGN
_RU_PARADIGMS: tuple[tuple[str, frozenset[str]], ...] = (
    ("ь", _RU_SOFT_SIGN),
    ("й", _RU_MASCULINE | {"й"}),
    ("а", _RU_FEMININE),
    ("я", _RU_FEMININE),
    ("о", _RU_NEUTER),
    ("е", _RU_NEUTER),
    *((ending, _RU_NOUN) for ending in "ы и у ю ов ев ей ам ям ами ями ах ях ом ем ой ою ею ью".split()),
    *((ending, _RU_ADJECTIVE) for ending in _RU_ADJECTIVE),
)
"""(a wording word's ending, the endings its paradigm takes). A wording in the nominative singular says
which noun it is; a plural or another case (регенерация тканей, компрессия нервов) may be of any noun."""


@lru_cache(maxsize=4096)
def _russian_paradigms(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(stem, endings) of every paradigm a wording word may belong to, judged by its own ending."""
    pairs = [(word[: len(word) - len(end)], endings) for end, endings in _RU_PARADIGMS if word.endswith(end) and len(word) - len(end) >= 2]
    if word[-1] in _RU_HARD_FINAL:
        pairs.append((word, _RU_MASCULINE))
    if len(word) >= 4 and word.endswith("мя") and word[-3] in _RU_VOWELS:
        pairs.append((word[:-1] + "ен", _RU_NEUTER))  # время, времени, временем
    return tuple((_ru_fleeting(stem), endings) for stem, endings in pairs)


@lru_cache(maxsize=65536)
def russian_inflects(word: str, wording_word: str) -> bool:
    """``word`` (lower case) is a form of ``wording_word``'s own paradigm, not another word with its stem.

    ``более`` (more) and ``боль`` (pain) share the stem бол-, but a noun in -ь never
    ends in -ее; ``весь`` (all) is not ``вес`` (weight): a consonant noun never takes -ь.
    A word whose paradigm cannot be told from its ending is not judged.
    """
    if word == wording_word:
        return True
    word, wording_word = _ru_unreflexive(word), _ru_unreflexive(wording_word)
    paradigms = _russian_paradigms(wording_word)
    return not paradigms or any(
        word.endswith(ending) and _ru_fleeting(word[: len(word) - len(ending)]) == stem
        for stem, endings in paradigms
        for ending in endings
    )


# --------------------------------------------------------------------------- Ukrainian stemming


_UK_ENDINGS = tuple(
    sorted(
        {
            "ами", "ями", "ах", "ях", "ам", "ям", "ів", "їв", "ом", "ем", "єм", "ою", "ею", "єю",
            "ей", "ий", "ій", "ого", "ього", "ому", "ьому", "им", "ім", "их", "іх", "ими", "іми", "ої", "ьої", "ьою",
            "ія", "ії", "ію", "ією", "іям", "іями", "іях",
            "а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "й",
        },
        key=len,
        reverse=True,
    )
)
"""Case endings of nouns and adjectives. Not -ь: біль (pain) would become білий (white); not the dative
-ові/-еві: стовбурові (stem, plural adjective) is стовбуров-і like стовбурових."""
_UK_LETTERS = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
_UK_VOWELS = frozenset("аеєиіїоуюя")
_UK_CONSONANTS = frozenset("бвгґджзклмнпрстфхцчшщ")
_UK_FLEETING = re.compile(r"(?<=[бвгґджзклмнпрстфхцчшщ])[ое](?=[кнцлтр]$)")
"""мозок/мозку, хребет/хребта, хребець/хребця: the о or е before a final consonant is dropped."""
_UK_ALTERNATION = re.compile(r"і(?=[бвгґджзклмнпрстфхцчшщ]+$)")
"""і of a closed last syllable is о in the other cases (біль/болю, кість/кості, ріст/росту)."""
_UK_ADJECTIVE = frozenset("ий ій ого ього ому ьому им ім их іх ими іми ої ьої ою ьою а я е є у ю і ї".split())
_UK_MASCULINE = frozenset(["", *"а я у ю ом ем єм ому ьому і ї и ів їв ам ям ами ями ах ях ей ій й".split()])
"""What the stemmer removes from a masculine noun (перелом/перелому: -ому, синдром: -ом)."""
_UK_FEMININE = frozenset(["", *"а я и і ї у ю ою ею єю ам ям ами ями ах ях ія ії ію ією іям іями іях ей ій й ом ем ів".split()])
"""... from a noun in -а/-я, or a masculine genitive; not -о: рано (early) is not рана (wound)."""
_UK_SOFT_SIGN = frozenset(["", *"ю і я ем ей ів ям ями ях ею".split()])
_UK_NEUTER = frozenset(["", *"о е а я у ю і ї ом ем ам ям ами ями ах ях".split()])
_UK_NOUN = _UK_MASCULINE | _UK_FEMININE | _UK_SOFT_SIGN | _UK_NEUTER
_UK_PARADIGMS: tuple[tuple[str, frozenset[str]], ...] = (
    ("ь", _UK_SOFT_SIGN), ("й", _UK_MASCULINE), ("а", _UK_FEMININE), ("я", _UK_FEMININE | _UK_NEUTER),
    ("о", _UK_NEUTER), ("е", _UK_NEUTER), ("є", _UK_NEUTER),
    *((end, _UK_NOUN) for end in "и і ї у ю ів їв ам ям ами ями ах ях ом ем ою ею єю".split()),
    *((end, _UK_ADJECTIVE) for end in "ий ій ого ього ому ьому им ім их іх ими іми ої ою ьою".split()),
    ("а", _UK_ADJECTIVE), ("е", _UK_ADJECTIVE), ("і", _UK_ADJECTIVE), ("у", _UK_ADJECTIVE),
)
"""(a wording word's ending, what the stemmer may remove from its forms): the word says its paradigm."""


@lru_cache(maxsize=65536)
def ukrainian_inflects(word: str, wording_word: str) -> bool:
    """``word`` (lower case) is a form of ``wording_word``, not another word with its stem (рано/рана)."""
    return _takes_ending(
        word, wording_word, endings=_UK_ENDINGS, paradigms=_UK_PARADIGMS, consonants=_UK_CONSONANTS, masculine=_UK_MASCULINE
    )


@lru_cache(maxsize=65536)
def ukrainian_stem(word: str) -> str:
    """Lower-case Ukrainian word -> stem shared by its case forms (see the module docstring)."""
    if len(word) >= 5 and word.endswith("ся"):
        word = word[:-2]
    stem = _strip_ending(word, _UK_ENDINGS)
    return _UK_FLEETING.sub("", stem) if len(stem) > 3 else stem


def _strip_ending(word: str, endings: tuple[str, ...]) -> str:
    """``word`` without the longest of ``endings`` that leaves at least two letters."""
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def _takes_ending(
    word: str, wording_word: str, *, endings: tuple[str, ...], paradigms: tuple[tuple[str, frozenset[str]], ...],
    consonants: frozenset[str], masculine: frozenset[str],
) -> bool:
    """The ending the stemmer removes from ``word`` is one ``wording_word``'s paradigm takes.

    ``paradigms`` maps a wording word's ending to the endings (as the stemmer removes them)
    of every word that ends so; a word ending in a consonant is a masculine noun. A wording
    word none of them fits is not judged.
    """
    if word == wording_word:
        return True
    allowed = frozenset().union(*(taken for end, taken in paradigms if wording_word.endswith(end)))
    if wording_word[-1] in consonants:
        allowed |= masculine
    return not allowed or word[len(_strip_ending(word, endings)) :] in allowed


# --------------------------------------------------------------------------- Polish stemming


_PL_ENDINGS = tuple(
    sorted(
        {
            "iowie", "iowi", "iami", "iach", "owie", "iego", "iemu", "ami", "ach", "owi", "ego", "emu", "ymi", "imi", "ych", "ich",
            "iem", "iej", "iom", "iów", "ów", "om", "em", "ym", "im", "ej", "ia", "iu", "ii", "ią", "ię", "ie",
            "a", "u", "e", "y", "i", "ą", "ę", "o",
        },
        key=len,
        reverse=True,
    )
)
"""Case endings of nouns and adjectives; the i of a soft stem goes with its ending (rdzeń, rdzeni-a)."""
_PL_SOFT = str.maketrans({"ń": "n", "ć": "c", "ś": "s", "ź": "z"})
_PL_LETTERS = frozenset("aąbcćdeęfghijklłmnńoóprsśtuwyzźż")
_PL_CONSONANTS = frozenset("bcćdfghjklłmnńprsśtwzźż")
_PL_VOWELS = frozenset("aąeęioóuy")
_PL_FLEETING = re.compile(r"(?<=[bcćdfghjklłmnńprsśtwzźż])e(?=[kc]$)")
"""komórka/komórek, palec/palca: the e of a final -ek, -ec is dropped."""
_PL_ALTERNATION = re.compile(r"ó[bdgzżwrł]$")
"""ó before a final voiced consonant is o in the other cases (przewód/przewodu, otwór/otworu, stół/stołu);
not before l (ból/bólu keeps it, and bolą is a verb)."""
_PL_ADJECTIVE = frozenset("y i a e ą ę ego emu ym im ej ych ich ymi imi iego iemu iej ie".split())
_PL_MASCULINE = frozenset(["", *"a u em owi ie y i e ów om ami ach owie iem iu ia ii ią iom iami iach iów".split()])
"""What the stemmer removes from a masculine noun, hard (nerw, nerwie) or soft (rdzeń, rdzenia), or a
feminine one in a soft consonant (kość, kością)."""
_PL_FEMININE = frozenset(["", *"a y i ie ę ą e om ami ach ia ii ię ią iom iami iach u em ów owi".split()])
"""... from a noun in -a (rana, ranie; terapia, terapii), or a masculine genitive; not -o: rano
(morning, early) is not rana (wound)."""
_PL_VERBAL_NOUN = frozenset(["", *"ie ia iu iem iom iami iach".split()])
"""... from a noun in -nie/-cie (złamanie, złamania): not the participle's -y, -a (złamany, złamana: broken)."""
_PL_NEUTER = frozenset(["", *"o a u em e ie om ami ach".split()])
_PL_NOUN = _PL_MASCULINE | _PL_FEMININE | _PL_VERBAL_NOUN | _PL_NEUTER
_PL_PARADIGMS: tuple[tuple[str, frozenset[str]], ...] = (
    ("a", _PL_FEMININE), ("o", _PL_NEUTER),
    *((end, _PL_NOUN) for end in "y i u ów om ami ach em owi owie".split()),
    *((end, _PL_ADJECTIVE) for end in "y i a ą ego emu ym im ej ych ich ymi imi iego iemu iej".split()),
    ("e", _PL_ADJECTIVE | _PL_NOUN),
)
"""(a wording word's ending, what the stemmer may remove from its forms); a word in -e or -ie other
than a verbal noun (długie, przednie) may be an adjective or a noun."""
_PL_VERBAL_NOUN_ENDING = re.compile(r"(?:[ae]ni|[aeęioóuy]ci)e$")
"""złamanie, leczenie, zapalenie, życie, cięcie: not the adjectives przednie, ostatnie."""


@lru_cache(maxsize=65536)
def polish_inflects(word: str, wording_word: str) -> bool:
    """``word`` (lower case) is a form of ``wording_word``, not another word with its stem (rano/rana, złamany/złamanie)."""
    if _PL_VERBAL_NOUN_ENDING.search(wording_word):
        return word == wording_word or word[len(_strip_ending(word, _PL_ENDINGS)) :] in _PL_VERBAL_NOUN
    return _takes_ending(
        word, wording_word, endings=_PL_ENDINGS, paradigms=_PL_PARADIGMS, consonants=_PL_CONSONANTS, masculine=_PL_MASCULINE
    )


@lru_cache(maxsize=65536)
def polish_stem(word: str) -> str:
    """Lower-case Polish word -> stem shared by its case forms (see the module docstring)."""
    stem = _strip_ending(word, _PL_ENDINGS)
    stem = stem[:-1] + stem[-1].translate(_PL_SOFT)
    if len(stem) >= 3 and stem[-1] == "j" and stem[-2] in _PL_VOWELS:
        stem = stem[:-1]  # j after a vowel is not written before -i: szyja, szyi; nadzieja, nadziei
    return _PL_FLEETING.sub("", stem) if len(stem) > 3 else stem


# --------------------------------------------------------------------------- Korean


_PARTICLES = (
    "이 가 은 는 을 를 의 에 에서 에게 에게서 께 께서 한테 으로 로 와 과 도 만 까지 부터 처럼 보다 이나 나 "
    "이든지 든지 이라도 라도 마다 조차 밖에 뿐 으로서 로서 으로써 로써 랑 이랑 하고 에는 에서는 으로는 로는 "
    "에도 에서도 으로도 로도 에만 만을 만이 만의 까지는 부터는 과의 와의 에의 에서의 으로의 로의 이란 란 이라 라 "
    "과는 와는 과도 와도 에서부터 으로부터 로부터 에게는 이나마 이며"
).split()
_COPULA = (
    "이다 다 입니다 이며 며 이고 고 인 이라는 라는 이라고 라고 이에요 예요 이었다 였다 이었으며 였으며 이었습니다 "
    "였습니다 이지만 지만 이므로 므로 이기 이면 면 이라면 라면 이죠 죠 입니까 이어서 여서 이어야 여야 인데 일 임 "
    "이기도 이니까 인지 이라서 라서 이었고 였고 인가 이자 이었던 였던 인지를 인지는"
).split()
_VERBALISERS = (
    "하다 한다 합니다 하는 한 할 함 했다 했습니다 하여 해 해서 하고 하면 하기 하며 하지 하게 하거나 하던 "
    "되다 된다 됩니다 되는 된 될 됨 되었다 됐다 되어 돼 되며 되고 되면 되기 되지 되었습니다 "
    "받다 받는 받은 받을 받아 받고 받으며 받습니다 받기 시키는 시킨 시켜"
).split()
KOREAN_TAILS = frozenset(
    plural + tail for plural in ("", "들") for tail in ("", *_PARTICLES, *_COPULA, *_VERBALISERS)
) - {""}


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    # Only morpheme boundaries are needed: skip the typo and multi-word dictionaries (faster start).
    return Kiwi(load_typo_dict=False, load_multi_dict=False)


def kiwi_available() -> bool:
    try:
        _kiwi()
    except ImportError:
        return False
    return True


_NOMINAL_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "XR", "XPN", "XSN", "SL", "SH", "SN")
"""Kiwi tags a compound may be split at: nouns, roots, affixes of nouns, Latin, numbers."""
_NOT_A_START = ("XSV", "XSA", "VCP", "VX", "E", "J")
"""A glossary wording never starts on a verb-deriving suffix (하, 되), an auxiliary, an ending or a particle."""
_NOT_AN_END = ("EC", "EF", "EP", "ETM", "J", "XSV", "XSA", "VCP")
"""... nor ends on a verb ending (지, 고, 다), a particle or a verb-deriving suffix (-ㅁ/-기 nouns are fine)."""


@lru_cache(maxsize=4096)
def korean_needs_context(word: str) -> bool:
    """Kiwi does not read ``word`` on its own as one noun (하지 -> 하/VV + 지/EF; 아픔 -> 아프/VA + ᆷ)."""
    tokens = korean_morphemes(word)
    return not (len(tokens) == 1 and tokens[0][1] == len(word) and tokens[0][2].startswith(_NOMINAL_TAGS))


@lru_cache(maxsize=65536)
def korean_morphemes(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, tag) of each morpheme Kiwi finds in ``text`` (empty without Kiwi)."""
    try:
        return tuple((t.start, t.start + t.len, t.tag) for t in _kiwi().tokenize(text))
    except ImportError:
        return ()


# --------------------------------------------------------------------------- the matcher


class Matcher:
    """Finds glossary wordings in text of one language, leftmost-longest."""

    def __init__(self, rules: _Rules, table: dict[str, list[_Entry]], blockers: dict[str, set[str]] | None = None) -> None:
        """``blockers``: automaton key -> the ``not_in`` expressions it is a form of."""
        self._rules = rules
        self._automaton: Any = None
        self._blocking = bool(blockers)
        blockers = blockers or {}
        self.size = len(table)
        if table:
            self._automaton = ahocorasick.Automaton()
            for key in [*table, *(k for k in blockers if k not in table)]:
                entries = table.get(key, [])
                value = (len(key), tuple(entries), _unconditional(entries), frozenset(blockers.get(key, ())))
                self._automaton.add_word(key, value)
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, edges checked by the language's rules."""
        return self.find_with_hidden(text, hidden=False)[0]

    def find_with_hidden(self, text: str, *, hidden: bool = True) -> tuple[list[Match], list[Match]]:
        """``find``, plus the whole-word matches that a chosen longer match overlaps.

        ``хроническая`` (chronic) inside the chosen ``хроническая боль`` (chronic pain)
        is such a hidden match; ``좌골신경`` inside the word ``좌골신경통`` is not (not a
        whole word). Japanese and Chinese have no word spaces: there only a wording at
        the head or tail of the longer one is (``組織`` in ``脂肪組織``). A wording inside
        one of its ``not_in`` expressions is neither chosen nor hidden.
        """
        if self._automaton is None or not text:
            return [], []
        norm = self._rules.normalize(self._rules.fold(text))
        # (start, -end) sorts leftmost first, then longest; two keys never share both ends.
        candidates = [(end + 1 - value[0], -end - 1, value) for end, value in self._automaton.iter(norm.text)]
        candidates.sort()
        blocks = self._blocks(text, norm, candidates) if self._blocking else ()
        chosen: list[Match] = []
        overlapped: list[Match] = []
        taken_until = -1
        for ns, minus_ne, value in candidates:
            if ns >= taken_until:
                match = self._accepted(text, norm, ns, -minus_ne, value, blocks)
                if match is not None:
                    chosen.append(match)
                    taken_until = -minus_ne
            elif hidden:
                match = self._accepted(text, norm, ns, -minus_ne, value, blocks)
                if match is not None and self._rules.counts_hidden(text, match, chosen[-1]):
                    overlapped.append(match)
        return chosen, overlapped

    def _blocks(self, text: str, norm: _Normalized, candidates: list[tuple[int, int, Any]]) -> tuple[_Block, ...]:
        """Where ``not_in`` expressions occur, with the edges and forms a wording would need."""
        found = []
        for ns, minus_ne, value in candidates:
            expressions: frozenset[str] = value[3]
            if not expressions:
                continue
            start, end = norm.span(ns, -minus_ne)
            if not self._rules.accept(text, norm, ns, -minus_ne, start, end):
                continue
            surface = text[start:end]
            if self._rules.needs_confirming(surface):
                expressions = frozenset(e for e in expressions if self._rules.confirms(e, surface))
            if expressions:
                found.append(_Block(start, end, expressions))
        return tuple(found)

    def _accepted(
        self, text: str, norm: _Normalized, ns: int, ne: int, value: Any, blocks: tuple[_Block, ...] = ()
    ) -> Match | None:
        _length, entries, unconditional, _expressions = value
        if not entries:
            return None
        start, end = norm.span(ns, ne)
        if not self._rules.accept(text, norm, ns, ne, start, end):
            return None
        surface = text[start:end]
        if unconditional is None or self._rules.needs_confirming(surface):
            forms = _verified(entries, surface, self._rules)
        else:
            forms = unconditional
        if blocks:
            forms = tuple(f for f in forms if not any(block.hides(f, start, end) for block in blocks))
        return Match(start, end, surface, forms) if forms else None


def _unconditional(entries: list[_Entry]) -> tuple[Form, ...] | None:
    """The forms of a key when no letter case or spacing needs checking (the common case), else None."""
    if not entries:
        return ()
    if any(e.form.case_sensitive or e.form.exact_spacing for e in entries):
        return None
    best = min(e.rank for e in entries)
    return tuple(dict.fromkeys(e.form for e in entries if e.rank == best))


def _verified(entries: tuple[_Entry, ...], surface: str, rules: _Rules) -> tuple[Form, ...]:
    alive = [e for e in entries if _case_ok(e, surface) and _spacing_ok(e, surface) and rules.confirms(e.form.text, surface)]
    if not alive:
        return ()
    best = min(e.rank for e in alive)
    return tuple(dict.fromkeys(e.form for e in alive if e.rank == best))


def _case_ok(entry: _Entry, surface: str) -> bool:
    """Letter case as the wording writes it, except in its all-lowercase words.

    A case-sensitive term (MRI) may list a lowercase expansion (магнитно-резонансная
    томография) that starts a sentence; the abbreviation's letters stay exact.
    """
    if not entry.form.case_sensitive:
        return True
    free = _lowercase_word_letters(entry.cased)
    for index, (want, got) in enumerate(zip(entry.cased, surface)):
        if want.lower() != got.lower():
            return True
        if want != got and index not in free:
            return False
    return True


def _lowercase_word_letters(wording: str) -> frozenset[int]:
    """Indexes of the letters of ``wording`` that belong to words written all in lowercase."""
    return frozenset(
        index
        for word in re.finditer(r"[^\W\d_]+", wording)
        if word.group().islower()
        for index in range(word.start(), word.end())
    )


def _spacing_ok(entry: _Entry, surface: str) -> bool:
    if not entry.form.exact_spacing:
        return True
    return " ".join(surface.split()).casefold() == " ".join(entry.form.text.split()).casefold()


def compile_matcher(forms: Iterable[Form], *, lang: str, analyser: Analyser = "kiwi") -> Matcher:
    """One automaton over every wording (and generated inflection) of ``forms`` in ``lang``,
    and over their ``not_in`` expressions."""
    rules = _rules_for(lang, analyser)
    table: dict[str, list[_Entry]] = {}
    blockers: dict[str, set[str]] = {}
    for form in forms:
        base = rules.fold(form.text)
        for key, cased, generated in rules.keys(form):
            if key:
                table.setdefault(key, []).append(_Entry(form, cased, _rank(key, base, generated)))
        for expression in form.not_in:
            for key, _cased, _generated in rules.keys(Form(expression, form.term, form.kind)):
                if key:
                    blockers.setdefault(key, set()).add(expression)
    return Matcher(rules, table, blockers)
