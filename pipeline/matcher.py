"""Fuzzy matching of source strings without comparing every pair.

``msgmerge`` compares a new source string with every old one, so its cost grows
with the square of the catalogue. This module finds the same kind of match
(the closest old source string) by looking only at strings that share rare
tokens with the query.

Principles:

* **Similarity** is rapidfuzz's normalised Indel similarity
  (:func:`rapidfuzz.fuzz.ratio` / 100): ``2 * LCS / (len(a) + len(b))``, the
  measure GNU gettext's ``fstrcmp`` computes. A match needs at least the
  configured threshold (``update.fuzzy_threshold``, 0.6 like msgmerge).
* **Tokens** are lower-cased words of three characters or more, numbers,
  pairs of consecutive words, the first four letters of the words of short
  strings (so "week" meets "weeks"), and character pairs inside runs of
  Chinese, Japanese or Korean script (where words are not space-separated, or
  carry attached particles). A candidate must share at least one token with
  the query, so unrelated short strings are never paired ("Pain" and "Rain"
  are 75% similar by characters, but share no token).
* **Short strings must agree word by word** (:func:`words_agree`): when
  either string has at most :data:`SHORT_WORDS` words, characters say little
  ("What Researchers Are Doing" and "What the Research Shows" are 61%
  similar and share the stem "research", yet mean different things), so the
  word sequences themselves (lower-cased, a plural ``s`` dropped, the first
  six letters kept, every number alike) must reach the threshold by the same
  Indel measure, or the shorter one's words must all appear, in order, in the
  longer one: 2 of 4 words in common is not enough ("Burning pain"/"Burning
  discomfort" do not pair either); "Week 3"/"Week 4", "Covered"/"Not
  covered", "Meniscus tear"/"Meniscus tear at our clinic" and "Challenges /
  Risks"/"Challenges & Risks to Overcome" pass. Chinese, Japanese and Korean
  script counts character by character, where the character measure already
  applies.
* **Rare tokens index a text**: each text is filed under its
  :data:`TOKENS_INDEXED` rarest tokens only. Template sentences share their
  common words; what tells a sentence from its siblings (the terms, numbers
  and names in its slots) is rare, and a revision keeps most of it.
* **Bounded work per query**: postings lists are sorted by text length, and
  the similarity bound ``2 * min / (a + b) >= t`` gives the lengths a match can
  have, so a query reads only that slice of each list. Its tokens are taken
  from the rarest until :data:`POSTINGS_BUDGET` postings have been read;
  candidates are ranked by how many of those tokens they share, and only the
  best :data:`CANDIDATES_SCORED` are scored with rapidfuzz. So a merge grows
  about linearly with the catalogue instead of quadratically.
* **Preference** (:func:`search_preferring`): ``merge`` prefers old entries
  whose source vanished from the template, because a new string is far more
  likely to be the revision of a vanished string than of one that is still
  there verbatim. Those live in a second, small index; its best match wins
  when it is within :data:`PREFERENCE_MARGIN` of the best overall.

The index is built lazily on the first search, so a merge where every entry
matches exactly never pays for it.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

PREFERENCE_MARGIN = 0.05
"""How much lower (0..1) a preferred candidate may score and still win."""
POSTINGS_BUDGET = 500
"""Postings read per query before candidate generation stops (after the rarest token)."""
CANDIDATES_SCORED = 16
"""Candidates scored with rapidfuzz per query, best-ranked by shared rare tokens."""
TOKENS_INDEXED = 12
"""Each text is indexed under this many of its rarest tokens."""
SHORT_WORDS = 6
"""Strings of at most this many words must also agree word by word (:func:`words_agree`)."""
_PREFIX_WORDS = 6
_STEM_LETTERS = 6
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Match:
    """The best candidate for a query."""

    id: int
    """Index of the candidate in the sequence the :class:`FuzzyIndex` was built from."""
    score: float
    """Similarity in 0..1."""


def tokens(text: str) -> set[str]:
    """The index tokens of ``text`` (see the module docstring)."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if _CJK.search(lowered) is not None:
        return _cjk_tokens(words)
    found = {w for w in words if len(w) >= 3 or w.isdigit()}
    if len(words) <= _PREFIX_WORDS:
        found.update([w[:4] + "~" for w in found if len(w) >= 4 and not w.isdigit()])
    found.update(map(" ".join, zip(words, words[1:])))
    return found


def _cjk_tokens(words: list[str]) -> set[str]:
    found: set[str] = set()
    for word in words:
        if _CJK.search(word):
            found.update(word[i : i + 2] for i in range(len(word) - 1))
            if len(word) == 1:
                found.add(word)
        elif len(word) >= 3 or word.isdigit():
            found.add(word)
    found.update(map(" ".join, zip(words, words[1:])))
    return found


def _units(text: str, limit: int | None = None) -> list[str] | None:
    """Words for :func:`words_agree`: crude stems, numbers alike, CJK characters one by one.

    None when there are more than ``limit`` of them (counting stops there: long
    strings are the common case and need no words).
    """
    units: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        if _CJK.search(word) is not None:
            units.extend(word)
        elif word.isdigit():
            units.append("#")
        else:
            if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            units.append(word[:_STEM_LETTERS])
        if limit is not None and len(units) > limit:
            return None
    return units


def words_agree(a: str, b: str, threshold: float) -> bool:
    """False when ``a`` or ``b`` is short, their words are less alike than ``threshold``
    and the shorter's words are not all in the longer one, in order.

    Long strings always agree here: their character similarity is evidence
    enough; see the module docstring for short ones.
    """
    return _agree(_units(a, SHORT_WORDS), a, b, threshold)


def _agree(short_a: list[str] | None, a: str, b: str, threshold: float) -> bool:
    """:func:`words_agree`, given ``_units(a, SHORT_WORDS)`` (computed once per query)."""
    short_b = _units(b, SHORT_WORDS)
    if short_a is None and short_b is None:
        return True
    units_a = short_a if short_a is not None else _units(a)
    units_b = short_b if short_b is not None else _units(b)
    assert units_a is not None and units_b is not None
    total, shorter = len(units_a) + len(units_b), min(len(units_a), len(units_b))
    common = (total - Indel.distance(units_a, units_b)) // 2  # longest common subsequence of words
    return (shorter > 0 and common == shorter) or common * 2 >= threshold * total - 1e-9  # 0.7 * 10 > 7.0


def _length_bounds(length: int, threshold: float) -> tuple[float, float]:
    """Lengths a string needs for its similarity with one of ``length`` to reach ``threshold``."""
    ratio = threshold / (2 - threshold)
    return length * ratio, (length / ratio if ratio > 0 else float("inf"))


class FuzzyIndex:
    """Closest-string search over a fixed list of texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self._postings: dict[int, list[int]] | None = None
        self._vocabulary: dict[str, int] = {}
        self._df: Counter[int] = Counter()
        self._lengths: list[int] = []

    def _build(self) -> dict[int, list[int]]:
        """Index each text under its :data:`TOKENS_INDEXED` rarest tokens.

        Tokens are numbered as they are first seen (``dict.setdefault`` mapped
        over a counter runs in C), so the second pass sorts small integers.
        Each postings list is sorted by text length, so a query reads only the
        slice whose lengths can reach its threshold.
        """
        vocabulary, df, numbers = self._vocabulary, self._df, itertools.count()
        documents = []
        for text in self.texts:
            ids = tuple(map(vocabulary.setdefault, tokens(text), numbers))
            df.update(ids)
            documents.append(ids)
        postings: dict[int, list[int]] = {}
        rarity = df.__getitem__
        for ident, ids in enumerate(documents):
            for token in sorted(ids, key=rarity)[:TOKENS_INDEXED]:
                postings.setdefault(token, []).append(ident)
        self._lengths = lengths = [len(text) for text in self.texts]
        for ids in postings.values():
            ids.sort(key=lengths.__getitem__)
        # Queries only need tokens that index something: drop the rest (memory).
        self._vocabulary = {t: i for t, i in vocabulary.items() if i in postings}
        self._df = Counter({i: df[i] for i in postings})
        return postings

    def search(
        self,
        query: str,
        *,
        threshold: float,
        allowed: Callable[[int], bool] | None = None,
    ) -> Match | None:
        """The most similar text with similarity >= ``threshold``, or None.

        ``allowed`` filters candidates (e.g. not from the catalogue being
        merged). Ties go to the lower id, so results are deterministic.
        """
        return self._search(query, tokens(query), threshold, allowed)

    def _search(
        self, query: str, query_tokens: set[str], threshold: float, allowed: Callable[[int], bool] | None,
        *, words_threshold: float | None = None,
    ) -> Match | None:
        """``words_threshold``: the bar of :func:`words_agree` (default ``threshold``)."""
        candidates = self._candidates(query_tokens, len(query), threshold, allowed)
        if not candidates:
            return None
        scored = process.extract(
            query, [self.texts[c] for c in candidates], scorer=fuzz.ratio,
            score_cutoff=threshold * 100, limit=None,
        )
        if not scored:
            return None
        ranked = sorted(((candidates[i], score) for _, score, i in scored), key=lambda x: (-x[1], x[0]))
        bar, short = threshold if words_threshold is None else words_threshold, _units(query, SHORT_WORDS)
        best = next((pair for pair in ranked if _agree(short, query, self.texts[pair[0]], bar)), None)
        if best is None:
            return None
        best_id, best_score = best
        return Match(best_id, best_score / 100)

    def _candidates(
        self, query_tokens: set[str], length: int, threshold: float, allowed: Callable[[int], bool] | None
    ) -> list[int]:
        if self._postings is None:
            self._postings = self._build()
        postings, key = self._postings, self._lengths.__getitem__
        low, high = _length_bounds(length, threshold)
        present = filter(postings.__contains__, map(self._vocabulary.get, query_tokens))
        chosen: list[list[int]] = []
        read = 0
        for token in sorted(present, key=self._df.__getitem__):
            ids = postings[token]
            ids = ids[bisect_left(ids, low, key=key) : bisect_right(ids, high, key=key)]
            if read and read + len(ids) > POSTINGS_BUDGET:
                break
            chosen.append(ids)
            read += len(ids)
        if len(chosen) == 1:
            ranked = chosen[0]
        else:
            counts = Counter(itertools.chain.from_iterable(chosen))
            ranked = sorted(counts, key=counts.__getitem__, reverse=True)
        if allowed is not None:
            ranked = [ident for ident in itertools.islice(filter(allowed, ranked), CANDIDATES_SCORED)]
        return ranked[:CANDIDATES_SCORED]


def search_preferring(
    preferred: FuzzyIndex, everything: FuzzyIndex, query: str, *, threshold: float
) -> tuple[Literal["preferred", "everything"], Match] | None:
    """The best match among ``everything``, unless one among ``preferred`` scores
    within :data:`PREFERENCE_MARGIN` of it.

    ``preferred`` is searched first; ``everything`` then only needs to beat that
    score by more than the margin, so its search starts from a higher
    threshold (and is skipped when nothing could beat it).
    """
    query_tokens = tokens(query)
    first = preferred._search(query, query_tokens, threshold, None)
    floor = threshold if first is None else first.score + PREFERENCE_MARGIN
    best = everything._search(query, query_tokens, floor, None, words_threshold=threshold) if floor <= 1 else None
    if best is not None and (first is None or best.score > first.score + PREFERENCE_MARGIN):
        return "everything", best
    return None if first is None else ("preferred", first)


def similarity(a: str, b: str) -> float:
    """The similarity measure used for matching, in 0..1."""
    return fuzz.ratio(a, b) / 100
