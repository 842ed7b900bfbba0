"""The fuzzy matcher: which strings may pair, and that the index finds what a full scan finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from pipeline.matcher import PREFERENCE_MARGIN, FuzzyIndex, search_preferring, similarity, tokens, words_agree
from tests.laws import examples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pain", {"pain", "pain~", }),
        ("Week 3", {"week", "week~", "3", "week 3"}),
        ("Yes", {"yes"}),
        ("in 2–3 weeks", {"2", "3", "weeks", "week~", "in 2", "2 3", "3 weeks"}),
        ("척추관 협착증", {"척추", "추관", "협착", "착증", "척추관 협착증"}),
    ],
)
def test_tokens(text: str, expected: set[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("old", "new", "paired"),
    [
        ("Pain", "Rain", False),  # 75% similar by characters, unrelated
        ("Yes", "Yet", False),
        ("Electromyography", "Electromyography for patients", True),
        ("What Research Shows", "What Researchers Are Doing Now", False),
        ("Week 3", "Week 4", True),
        ("Covered", "Not covered", True),
        ("{n} week of recovery", "{n} weeks of rehabilitation", True),
        ("비수술 치료", "비수술 치료 방법", True),
        # Short strings must agree word by word, not only by characters (61% here):
        ("What the Research Shows", "What Researchers Are Doing", False),
        ("Challenges & Risks to Overcome", "Challenges / Risks", True),
        ("How Long Does Recovery Take?", "How Long Does the Recovery Take?", True),
        ("Cell Type", "Cell Types", True),
        ("Meniscus tear", "Meniscus tear at our clinic", True),  # every word of the old one kept
        ("Burning pain", "Burning discomfort", False),  # half the words replaced
        ("2 weeks", "3 weeks", True),
    ],
)
def test_which_strings_pair(old: str, new: str, paired: bool) -> None:
    assert (FuzzyIndex([old]).search(new, threshold=0.6) is not None) is paired


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("What Researchers Are Doing", "What the Research Shows", False),  # 2 of 4 words
        ("Week 3", "Week 4", True),  # numbers are slots
        ("Covered", "Not covered", True),
        ("Yes", "Yet", False),
        ("Electromyography", "Electromyography for patients", True),
        ("What Research Shows", "What Researchers Are Doing Now", False),
        # long strings: characters are evidence enough, words are not compared
        ("Rest for two weeks after the injection today.", "Walk for two days after the surgery today.", True),
    ],
)
def test_words_agree(a: str, b: str, agree: bool) -> None:
    assert words_agree(a, b, 0.6) is agree
    assert words_agree(b, a, 0.6) is agree


def test_a_short_string_skips_a_closer_candidate_whose_words_disagree() -> None:
    index = FuzzyIndex(["What the Research Shows", "Research: What Are Scientists Doing"])
    match = index.search("What Researchers Are Doing", threshold=0.55)
    assert match is not None and match.id == 1
    assert similarity("What Researchers Are Doing", "What the Research Shows") > match.score


def test_threshold_and_score() -> None:
    index = FuzzyIndex(["Rest for two weeks after the injection."])
    match = index.search("Rest for three weeks after the injection.", threshold=0.6)
    assert match is not None and match.id == 0
    assert match.score == pytest.approx(similarity("Rest for two weeks after the injection.",
                                                   "Rest for three weeks after the injection."))
    assert index.search("Rest for three weeks after the injection.", threshold=0.99) is None


def test_ties_go_to_the_first_text() -> None:
    index = FuzzyIndex(["Walk every day.", "Walk every day!", "Walk every day?"])
    match = index.search("Walk every day", threshold=0.6)
    assert match is not None and match.id == 0


def test_search_preferring_takes_a_near_tie_from_the_preferred_texts() -> None:
    still_there = FuzzyIndex(["Walking is encouraged from the first day after the surgery."])
    vanished = FuzzyIndex(["Walking is encouraged from the first day after surgery."])
    query = "Gentle walking is encouraged from the first day after the surgery."
    assert search_preferring(vanished, still_there, query, threshold=0.6) == ("preferred", vanished.search(query, threshold=0.6))
    far = FuzzyIndex(["Walking is encouraged."])
    found = search_preferring(far, still_there, query, threshold=0.5)
    assert found is not None and found[0] == "everything"
    assert found[1].score > similarity(query, "Walking is encouraged.") + PREFERENCE_MARGIN


WORDS = ["pain", "back", "disc", "nerve", "rest", "weeks", "after", "the", "injection", "surgery", "walking",
         "daily", "two", "three", "of", "stenosis", "spinal", "leg", "numbness", "therapy"]
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(" ".join)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(sentence, min_size=1, max_size=40, unique=True), sentence)
def test_index_finds_a_match_whenever_a_full_scan_finds_a_good_one(texts: list[str], query: str) -> None:
    """On small inputs the candidate budget is never reached, so the index may only
    miss candidates that share no token with the query (or whose words disagree)."""
    best = max((fuzz.ratio(query, t) for t in texts if words_agree(query, t, 0.6)), default=0) / 100
    match = FuzzyIndex(texts).search(query, threshold=0.6)
    if best >= 0.8:
        assert match is not None and match.score == pytest.approx(best)
    if match is not None:
        assert match.score >= 0.6
        assert tokens(query) & tokens(texts[match.id])
        assert words_agree(query, texts[match.id], 0.6)
