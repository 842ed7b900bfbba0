"""Sentences and prose length of a segment, as the ``omission`` check compares them.

A translation that says less than its source is the omission a reviewer most fears in
patient information: a dropped "Do not take it on an empty stomach." leaves every term,
number and link of the other sentences in place, so no other check sees it.
:func:`sentence_count` counts the sentences of a text in the way its script marks them:

* ``.``, ``!``, ``?``, ``…`` followed by a space (after closing quotes or brackets) end a
  sentence when what follows does not start in lower case: ``e.g. the disc`` does not;
  neither does a known abbreviation (``Dr. Kim``, ``vs.``, ``Inc.``), a single letter
  (``U.S. FDA``, ``J. Smith``) or a list number opening the text (``1. Rest``);
* ``。``, ``！``, ``？`` (Chinese, Japanese) end a sentence wherever they stand;
  ``؟`` and ``۔`` (Arabic script) and ``।``/``॥`` (Devanagari, Bengali) too, before a space;
* Thai, Lao, Khmer, Myanmar and Tibetan do not mark sentence ends with punctuation:
  :func:`sentence_count` gives ``None`` for them and the check leaves them alone.

:func:`prose_length` measures a text without what is not prose (link targets, URLs,
inline code, HTML tags) and with runs of spaces as one, so a translation is compared
with its source on what a reader reads.
"""

from __future__ import annotations

import re

from .languages import script_of

_UNMARKED_SCRIPTS = frozenset({"Thai", "Laoo", "Khmr", "Mymr", "Tibt"})
"""Scripts whose writing does not end sentences with punctuation."""

_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs cf al approx dr prof mr mrs ms st no nos inc ltd co corp jr sr fig figs vol "
    "a.m p.m ca incl esp resp dept univ assoc ed eds".split()
)
_END = re.compile(r"([.!?…]+)[\"'”’»)\]]*\s+(?=(\S))|([。！？]+)[\"'”’」』）)\]]*\s*(?=(\S))|([؟۔।॥]+)\s+(?=(\S))")
_NOT_PROSE = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|`[^`]*`|<[^>]+>|https?://\S+|\{[:#.][^}]*\}")
_MAYBE_NOT_PROSE = re.compile(r"\]\(|[`<{\n\t\r\f\v]|://|\s\s")
"""What :data:`_NOT_PROSE` or collapsing spaces could change; most segments have none of it."""
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentence_count(text: str, lang: str) -> int | None:
    """How many sentences ``text`` has (at least 1 for non-empty text); None where the
    language's script does not mark sentence ends."""
    if script_of(lang) in _UNMARKED_SCRIPTS:
        return None
    plain = _prose(text)
    if not plain:
        return 0
    count = 1
    for match in _END.finditer(plain):
        if match.group(1) is not None and not _ends_sentence(plain, match.start(), match.group(1), match.group(2)):
            continue
        count += 1
    return count


def _ends_sentence(text: str, at: int, marks: str, following: str) -> bool:
    if following[0].islower():
        return False  # "e.g. the disc", "approx. two weeks"
    if marks != ".":
        return True
    before = _WORD_BEFORE.search(text, 0, at)
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", word):
        return False  # "Dr. Kim", "U.S. FDA", "J. Smith"
    return not (word.isdigit() and before.start() == 0)  # "1. Rest" opens a numbered text


def prose_length(text: str) -> int:
    """Characters a reader reads: without link targets, URLs, inline code and tags; spaces collapsed."""
    if not _MAYBE_NOT_PROSE.search(text):
        return len(text.strip())  # the usual segment: one line of prose, single spaces
    return len(_prose(text))


def _prose(text: str) -> str:
    if "](" in text or "`" in text or "<" in text or "://" in text or "{" in text:
        text = _NOT_PROSE.sub(lambda m: "]" if m.group().startswith("]") else " ", text)
    return " ".join(text.split())
