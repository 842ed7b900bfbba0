"""Merging a catalogue with its template: ``msgmerge --previous`` semantics, plus memory.

Pure functions on :class:`~pipeline.pofile.Catalog` objects; nothing here reads
or writes files (that is :mod:`pipeline.catalogs`). Inputs are never modified.

Rules, in the order they are tried for each template entry (each one has a
golden case under ``tests/merge/<case>/``: ``old.po`` + ``new.pot`` ->
``expected.po``):

1. **Exact** (``exact``): the old catalogue has an active entry with the same
   ``(msgctxt, msgid)``. The translation, translator comments and the fuzzy
   flag are kept; a fuzzy entry keeps its ``#|`` previous msgid. Extracted
   comments (``#.``), references (``#:``) and gettext's own flags (format,
   ``range``, ``no-wrap``) come from the template.
2. **Revival** (``revive``): an obsolete ``#~`` entry whose key returns is
   brought back exactly like rule 1.
3. **Fuzzy** (``fuzzy``, ``fuzzy-previous``, ``context``): otherwise the most
   similar old entry that has a translation (active or obsolete) gives its
   translation, marked ``#, fuzzy``, with its source as ``#| msgid`` (and
   ``#| msgctxt`` when it had a context), so the translator sees what changed.
   If that entry was itself fuzzy with a previous msgid, that older previous
   msgid is kept: it is the text the translation was made for (unless its
   numbers say otherwise, rule 9). Similarity and candidate search:
   :mod:`pipeline.matcher`.

   3b. **Edited in place** (``in-place-edits``): when nothing is similar enough
   by rule 3, an entry that stands where a vanished old entry of the same kind
   stood (between the same unchanged neighbours) is taken as its revision if
   the two are ``fuzzy_threshold`` similar by characters and share a word:
   a renamed heading ("Who Might Benefit" -> "Who Could Benefit Most") gets
   its old translation although short strings otherwise need their words to
   agree (:func:`edited_in_place`).

   3c. **Split and joined paragraphs** (``split-joined-paragraphs``): a new
   source that is, sentence for sentence, the sources of two or more vanished
   old entries in order gets their translations joined (before rule 3); a new
   source of four words or more that is whole sentences of a vanished old
   entry, and pairs with nothing else, gets that entry's whole translation.
   Both are fuzzy with the old source(s) as ``#|``.
4. **Translation memory** (``memory``): an entry that got no translation from
   its own catalogue (no match, or an exact match that is still untranslated)
   is filled from the memory (every other catalogue of the language, or
   ``--compendium`` files): an exact hit is marked fuzzy for review unless
   ``update.compendium_exact = "translated"``; a close hit is fuzzy with
   ``#|``.
   A suggestion a translator rejected is not made again (``rejected``): an
   entry whose translation is empty but which still carries ``#|`` lines
   (the translator cleared a suggested translation, with or without its
   ``#, fuzzy`` flag, and left the record of where it came from) keeps that
   record and stays untranslated, with no suggestion from its own catalogue
   or the memory, until the translator translates it or deletes the ``#|``
   lines (or its source changes). ``msgcat`` keeps such lines, so the record
   survives gettext tools; ``msgmerge`` drops them.
5. **New** (``new``): otherwise the entry is untranslated (``msgstr[N]`` for
   every plural form of the target language).
6. **Obsolete** (``obsolete``): old entries with a translation that no rule
   used become ``#~`` entries after the active ones, in old file order, with
   translator comments, flags and previous msgid kept, references and
   extracted comments dropped. Obsolete entries stay until
   ``--prune-obsolete`` (:func:`prune_obsolete`). Untranslated vanished
   entries are dropped: they hold no one's work.
7. **Plurals** (``plural``): a change between singular and plural, or of
   ``msgid_plural``, makes the entry fuzzy with ``#| msgid``/``#| msgid_plural``;
   a singular translation is copied to every form, a plural one to
   ``msgstr`` as its first form (the other forms are reported, not silently
   lost).
8. **Header** (``header``): the old header is kept (``PO-Revision-Date``,
   ``Last-Translator``, ``Plural-Forms`` ... belong to the translators);
   ``POT-Creation-Date`` and ``Report-Msgid-Bugs-To`` come from the template;
   gettext's standard fields are put in gettext's order, others follow in
   their old order.

9. **Revisions** (``number-changed``, ``fuzzy-adapted-translation``,
   ``suppression-source-changed``): an entry is only ever translated (not
   fuzzy) with a person's translation of exactly its source. A fuzzy entry's
   ``#|`` is the source its translation was made for: the previous source,
   unless the translation carries a number (:mod:`pipeline.numbers`) that
   source lacks and the current source has, i.e. a translator already adapted
   it to the current source (:func:`made_for`); the memory remembers its pair
   the same way. A reviewer's ``medloc-ignore:``
   comment on an entry whose source changed is kept but suspended
   (``medloc-ignore (source changed):``, which ``medloc check`` does not read),
   so a number mismatch it silenced for the old source is reported again.

Where rules 1-3, 5-8 apply, the output is byte-identical to
``msgmerge --previous`` (the golden tests check this against GNU msgmerge).
Deliberate differences:

* Among near-equal fuzzy candidates, an old entry whose source vanished from
  the template is preferred over one still present verbatim (it is far more
  likely to be the revised segment's own old version).
* Fuzzy candidates must share a word, number or CJK character pair with the
  entry; msgmerge's character heuristic occasionally pairs unrelated short
  strings.
* msgmerge takes an exact compendium hit before a fuzzy match from the own
  catalogue and marks it translated; medloc tries the own catalogue first
  (rules 1-3), marks exact memory hits fuzzy by default, fills entries whose
  own exact match is untranslated, and ignores fuzzy memory entries.
* An untranslated entry keeps its ``#|`` lines as a record of a rejected
  suggestion (rule 4); msgmerge drops them and suggests again.
* Short strings (a few words) must also agree word by word to pair
  (:func:`pipeline.matcher.words_agree`): "What Researchers Are Doing" gets
  nothing from "What the Research Shows".
* Flags gettext does not know (``#, medloc-reviewed``, Weblate flags) are
  kept; msgmerge cannot read them and drops them.
* Rules 3b (in place), 3c (split and joined paragraphs) and 9 find
  translations msgmerge leaves untranslated or obsolete, show the source a
  translation was made for, and suspend suppressions on changed sources.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .config import CompendiumExact, UpdateSettings
from .errors import Diagnostic, Location
from .matcher import FuzzyIndex, search_preferring, similarity, tokens
from .languages import script_of
from .numbers import extract_numbers, number_words
from .pofile import Catalog, Message

MatchKind = Literal["exact", "revived", "fuzzy", "memory-exact", "memory-fuzzy", "untranslated"]

# msgmerge writes these header fields first, in this order (msgmerge.c, known_fields).
_KNOWN_HEADER_FIELDS = (
    "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
    "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding",
)
_TEMPLATE_HEADER_FIELDS = ("Report-Msgid-Bugs-To", "POT-Creation-Date")
# Flags the template owns: gettext's format flags, range and wrapping.
_TEMPLATE_FLAG = re.compile(r"fuzzy|(no-|possible-|impossible-)?[\w-]+-format|range: .*|(no-)?wrap")
# A reviewer's ``medloc-ignore:`` comment (pipeline.checks); suspended by inserting SUSPENDED before the colon.
_SUPPRESSION = re.compile(r"^(\s*medloc-ignore)(\s*:)")
SUSPENDED = " (source changed)"
"""Marks a ``medloc-ignore`` that vouched for an older source text (rule 9); checks no longer read it."""


@dataclass(frozen=True, slots=True)
class MergeOptions:
    """How a merge matches; built from ``[tool.medloc.update]``."""

    fuzzy_threshold: float = 0.6
    """Minimum similarity (0..1) for a fuzzy match."""
    compendium_exact: CompendiumExact = "fuzzy"
    """State of an exact translation-memory hit: ``fuzzy`` (review first) or ``translated``."""
    fuzzy_matching: bool = True
    """False: exact matches only (``msgmerge --no-fuzzy-matching``)."""

    @classmethod
    def from_settings(cls, settings: UpdateSettings) -> "MergeOptions":
        return cls(fuzzy_threshold=settings.fuzzy_threshold, compendium_exact=settings.compendium_exact)


@dataclass(slots=True)
class MergeStats:
    """How each template entry was matched, and what became obsolete."""

    exact: int = 0
    revived: int = 0
    fuzzy: int = 0
    memory_exact: int = 0
    memory_fuzzy: int = 0
    untranslated: int = 0
    """Template entries left without any translation."""
    obsoleted: int = 0
    """Old active entries that became ``#~`` in this merge."""
    dropped: int = 0
    """Old active entries without a translation whose source vanished."""

    def count(self, kind: MatchKind) -> None:
        name = kind.replace("-", "_")
        setattr(self, name, getattr(self, name) + 1)


@dataclass(slots=True)
class MergeResult:
    catalog: Catalog
    stats: MergeStats
    diagnostics: list[Diagnostic] = field(default_factory=list)


# --------------------------------------------------------------------------- translation memory


@dataclass(frozen=True, slots=True)
class MemoryEntry:
    message: Message
    origin: str
    """Path of the catalogue it came from (a catalogue never fills itself)."""


class TranslationMemory:
    """What people translated in other catalogues, for exact and close lookups."""

    def __init__(self, entries: Sequence[MemoryEntry]) -> None:
        self.entries = entries
        self._exact: dict[tuple[str | None, str], list[int]] = {}
        for index, entry in enumerate(entries):
            self._exact.setdefault(entry.message.key, []).append(index)
        self._index = FuzzyIndex([entry.message.msgid for entry in entries])

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[Catalog]) -> "TranslationMemory":
        """Memory of every pair a person translated, in the order given (earlier wins ties).

        Besides translated entries, that is obsolete ones (``#~``) and fuzzy ones that
        keep their previous source (``#| msgid``): their text is still a person's
        translation of that previous source. So an update that marks an entry fuzzy or
        obsolete leaves the memory as it was, and the next update suggests exactly
        what this one did (``update`` is idempotent).
        """
        entries: list[MemoryEntry] = []
        seen: set[tuple[str | None, str, str, tuple[str, ...]]] = set()
        for catalog in catalogs:
            languages = catalog_languages(catalog)
            for message in catalog.messages:
                pair = _remembered(message, languages)
                if pair is None:
                    continue
                key = (pair.msgctxt, pair.msgid, pair.msgstr, tuple(pair.msgstr_plural))
                if key not in seen:
                    seen.add(key)
                    entries.append(MemoryEntry(pair, catalog.path or ""))
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def exact(self, key: tuple[str | None, str], *, exclude: str | None) -> Message | None:
        for index in self._exact.get(key, ()):
            if self.entries[index].origin != exclude:
                return self.entries[index].message
        return None

    def closest(self, msgid: str, *, threshold: float, exclude: str | None) -> Message | None:
        if not self.entries:
            return None
        match = self._index.search(
            msgid, threshold=threshold, allowed=lambda i: self.entries[i].origin != exclude
        )
        return None if match is None else self.entries[match.id].message


def _remembered(message: Message, languages: Languages) -> Message | None:
    """The source/translation pair ``message`` holds, if a person translated it."""
    if message.translated or (message.obsolete and not message.fuzzy and message.has_translation):
        return message
    if not (message.fuzzy and message.has_translation and message.previous_msgid is not None):
        return None
    source = made_for(message, languages)
    if (message.msgid_plural is None) != (source[2] is None):
        return None
    msgctxt, msgid, msgid_plural = source
    return Message(
        msgid=msgid,
        msgctxt=msgctxt,
        msgid_plural=msgid_plural,
        msgstr=message.msgstr,
        msgstr_plural=list(message.msgstr_plural),
        flags=["fuzzy"],  # nobody confirmed it since: an exact hit on it stays fuzzy
    )


# --------------------------------------------------------------------------- which source a translation renders

Languages = tuple[str, str]
"""(source language, target language) of a catalogue, as codes for :mod:`pipeline.numbers`."""
Source = tuple[str | None, str, str | None]
"""(msgctxt, msgid, msgid_plural) of a source text."""


def catalog_languages(catalog: Catalog) -> Languages:
    """The languages a catalogue translates from and into (``X-Source-Language``, ``Language``)."""
    fields = catalog.header_fields()
    return fields.get("X-Source-Language", "").strip() or "en", fields.get("Language", "").strip() or "en"


def made_for(message: Message, languages: Languages) -> Source:
    """The source text a fuzzy entry's translation renders (rule 9).

    Normally its previous source (``#|``): a merge left the translation as it was. But a
    translator may have begun adapting it to the current source and left it fuzzy: a
    number the previous source lacks and the current one has gives that away (``3 weeks``
    became ``4 weeks`` and the translation already says 4); then it is the current source.
    A number the previous source has only as a word (``twice a day`` counts 1 and 2) weighs
    less than the same number written in the current source: when both fit, the current
    source wins if more of the translation's numbers are written there as numbers.
    A translation whose numbers fit neither (a conversion the translator added) stays with
    its previous source, as before.
    """
    current = (message.msgctxt, message.msgid, message.msgid_plural)
    if message.previous_msgid is None:
        return current
    previous = (message.previous_msgctxt, message.previous_msgid, message.previous_msgid_plural)
    now, before = _fit(message, current, languages), _fit(message, previous, languages)
    if now is not None and (before is None or now > before):
        return current
    return previous


def _fit(message: Message, source: Source, languages: Languages) -> int | None:
    """How many numbers of ``message``'s translation ``source`` writes as numbers, or None if
    one of them is not in ``source`` at all (by value; the source may write it as a word:
    ``two weeks``)."""
    source_lang, lang = languages
    written: set[str] = set()
    words: set[str] = set()
    for text in (source[1], source[2] or ""):
        written.update(n.value for n in extract_numbers(text, source_lang))
        words.update(number_words(text, source_lang))
    texts = message.msgstr_plural if message.msgid_plural is not None else [message.msgstr]
    values = [n.value for text in texts for n in extract_numbers(text, lang)]
    if not all(v in written or v in words for v in values):
        return None
    return sum(v in written for v in values)


# --------------------------------------------------------------------------- merge


def merge_catalog(
    old: Catalog,
    template: Catalog,
    *,
    memory: TranslationMemory | None = None,
    options: MergeOptions = MergeOptions(),
) -> MergeResult:
    """Merge ``template`` (a POT) into ``old`` (a PO); see the module docstring for the rules."""
    return _Merger(old, template, memory, options).run()


def prune_obsolete(catalog: Catalog) -> tuple[Catalog, list[Message]]:
    """``catalog`` without its ``#~`` entries, and the entries removed."""
    removed = [m for m in catalog.messages if m.obsolete]
    kept = [m for m in catalog.messages if not m.obsolete]
    return replace(catalog, messages=kept, diagnostics=[]), removed


class _Merger:
    """One merge: the old entries, which of them were used, and the results so far."""

    def __init__(self, old: Catalog, template: Catalog, memory: TranslationMemory | None, options: MergeOptions):
        self.old = old
        self.template = template
        self.memory = memory
        self.options = options
        self.nplurals = old.nplurals
        self.languages = catalog_languages(old)
        self.active = old.index(obsolete=False)
        self.obsolete = old.index(obsolete=True)
        self.template_keys = {m.key for m in template.messages if not m.obsolete}
        self.candidates = [m for m in old.messages if m.has_translation]
        self.vanished = [m for m in self.candidates if m.key not in self.template_keys]
        self.fuzzy_index = FuzzyIndex([m.msgid for m in self.candidates])
        self.vanished_index = FuzzyIndex([m.msgid for m in self.vanished])
        self.used: set[int] = set()
        self.stats = MergeStats()
        self.diagnostics: list[Diagnostic] = []
        self.in_place: dict[int, Message] = {}
        self.parts = _Sentences([m for m in self.vanished if m.translated and m.msgid_plural is None]
                                if options.fuzzy_matching else [],
                                joiner="" if script_of(self.languages[1]) in _NO_SPACE_SCRIPTS else " ")

    def run(self) -> MergeResult:
        active = [t for t in self.template.messages if not t.obsolete]
        if self.options.fuzzy_matching:
            self.in_place = edited_in_place(self.old, active, threshold=self.options.fuzzy_threshold)
        merged = [self.entry(t) for t in active]
        merged.extend(self.leftovers())
        header = merge_header(self.old.header, self.template.header)
        catalog = Catalog(header=header, messages=merged, path=self.old.path)
        return MergeResult(catalog, self.stats, self.diagnostics)

    def entry(self, t: Message) -> Message:
        exact = self.active.get(t.key) or self.obsolete.get(t.key)
        if exact is not None:
            self.used.add(id(exact))
            result = self.adopt(t, exact, comments=exact, previous_from=None)
            result.flags += [f for f in exact.flags if not _TEMPLATE_FLAG.fullmatch(f) and f not in result.flags]
            if result.has_translation:
                self.stats.count("revived" if exact.obsolete else "exact")
                return result
            if rejected_suggestion(exact):
                _copy_previous(result, exact)
                return self.untranslated(result)
            return self.from_memory(t, comments=exact) or self.untranslated(result)
        joined = self.parts.joined(t)
        if joined is not None:
            self.stats.count("fuzzy")
            return self.adopt(t, joined, comments=joined, previous_from=joined)
        close = self.closest_own(t) or self.in_place.get(id(t)) or self.parts.containing(t)
        if close is not None:
            self.used.add(id(close))
            self.stats.count("fuzzy")
            return self.adopt(t, close, comments=close, previous_from=close)
        return self.from_memory(t, comments=None) or self.untranslated(self.adopt(t, None, comments=None, previous_from=None))

    def untranslated(self, message: Message) -> Message:
        self.stats.count("untranslated")
        return message

    def closest_own(self, t: Message) -> Message | None:
        if not self.options.fuzzy_matching or not self.candidates:
            return None
        found = search_preferring(self.vanished_index, self.fuzzy_index, t.msgid,
                                  threshold=self.options.fuzzy_threshold)
        if found is None:
            return None
        where, match = found
        return self.vanished[match.id] if where == "preferred" else self.candidates[match.id]

    def from_memory(self, t: Message, *, comments: Message | None) -> Message | None:
        if self.memory is None:
            return None
        hit = self.memory.exact(t.key, exclude=self.old.path)
        if hit is not None:
            self.stats.count("memory-exact")
            result = self.adopt(t, hit, comments=comments or hit, previous_from=None)
            if self.options.compendium_exact == "fuzzy" or hit.fuzzy:
                result.fuzzy = True
            return result
        if not self.options.fuzzy_matching:
            return None
        close = self.memory.closest(t.msgid, threshold=self.options.fuzzy_threshold, exclude=self.old.path)
        if close is None:
            return None
        self.stats.count("memory-fuzzy")
        return self.adopt(t, close, comments=comments or close, previous_from=close)

    def adopt(self, t: Message, source: Message | None, *, comments: Message | None, previous_from: Message | None) -> Message:
        """The template entry ``t`` carrying ``source``'s translation.

        ``previous_from`` is the entry whose source becomes ``#|`` (a fuzzy
        match); None for exact matches, which keep the source's own ``#|``
        while it stays fuzzy.
        """
        message = Message(
            msgid=t.msgid,
            msgctxt=t.msgctxt,
            msgid_plural=t.msgid_plural,
            translator_comments=list(comments.translator_comments) if comments else [],
            extracted_comments=list(t.extracted_comments),
            references=list(t.references),
            flags=_merged_flags(t, source),
        )
        if source is None:
            _set_translation(message, "", [""] * self.nplurals if t.msgid_plural is not None else [])
            return message
        shape_changed = self.copy_translation(message, source)
        if previous_from is not None or shape_changed:
            message.fuzzy = True
            message.translator_comments = _suspend_suppressions(message.translator_comments)
            origin = previous_from or source
            previous = (made_for(origin, self.languages) if origin.fuzzy and not shape_changed
                        else (origin.msgctxt, origin.msgid, origin.msgid_plural))
            message.previous_msgctxt, message.previous_msgid, message.previous_msgid_plural = previous
        elif message.fuzzy and source.previous_msgid is not None:
            _copy_previous(message, source)
        if not message.has_translation:
            message.fuzzy = False
            _copy_previous(message, Message(""))
        return message

    def copy_translation(self, message: Message, source: Message) -> bool:
        """Copy ``source``'s translation into ``message``; True if the plural shape differs."""
        if message.msgid_plural is None and source.msgid_plural is None:
            _set_translation(message, source.msgstr, [])
            return False
        if message.msgid_plural is None:
            forms = source.msgstr_plural
            _set_translation(message, forms[0] if forms else "", [])
            if any(f and f != message.msgstr for f in forms[1:]):
                self.diagnostics.append(Diagnostic(
                    Location(self.old.path or "<old>", source.line or None),
                    f"source {message.msgid!r} is no longer plural: plural forms 2..{len(forms)} of the "
                    "old translation are not kept (the first form is, marked fuzzy)",
                    code="merge-plural-dropped",
                ))
            return True
        if source.msgid_plural is None:
            _set_translation(message, "", [source.msgstr] * self.nplurals)
            return True
        _set_translation(message, "", list(source.msgstr_plural))
        return source.msgid_plural != message.msgid_plural

    def leftovers(self) -> list[Message]:
        """Old entries no template entry used, as obsolete entries in old file order."""
        result = []
        for message in self.old.messages:
            if id(message) in self.used:
                continue
            if not message.has_translation:
                self.stats.dropped += not message.obsolete
                continue
            if not message.obsolete:
                self.stats.obsoleted += 1
            result.append(_as_obsolete(message))
        return result


def edited_in_place(old: Catalog, template: Sequence[Message], *, threshold: float) -> dict[int, Message]:
    """Template entries (by ``id``) that replace one old entry where it stood (rule 3b).

    Entries both sides keep verbatim, in the same order, are anchors. Between two
    consecutive anchors (or the start or end of the file), when the template has exactly
    as many new entries of a kind (last extracted comment: heading, list item ...) as the
    old catalogue has translated entries of that kind whose source vanished, they are the
    same segments, edited: they pair in order, if at least ``threshold`` similar by
    characters and sharing a token (:func:`pipeline.matcher.tokens`). Their position stands in
    for the word-by-word agreement short strings need elsewhere
    (:func:`pipeline.matcher.words_agree`): a renamed heading is its old heading, edited.
    """
    old_active = [m for m in old.messages if not m.obsolete]
    position = {m.key: i for i, m in enumerate(old_active)}
    template_keys = {t.key for t in template}
    known = template_keys & ({m.key for m in old.messages})
    pairs: dict[int, Message] = {}
    gap: list[Message] = []
    last = -1
    for t in [*template, None]:
        here = position.get(t.key) if t is not None else len(old_active)
        if t is not None and (here is None or here <= last):
            if t.key not in known:
                gap.append(t)
            continue
        replaced = [m for m in old_active[last + 1 : here] if m.key not in template_keys and m.has_translation]
        pairs.update(_pair_gap(gap, replaced, threshold))
        gap, last = [], here
    return pairs


def _pair_gap(new: Sequence[Message], old: Sequence[Message], threshold: float) -> dict[int, Message]:
    """Pair, in order, the new and old entries of each kind that the gap has as many of on both sides."""
    pairs: dict[int, Message] = {}
    for kind in {_kind(m) for m in new}:
        same_new, same_old = [m for m in new if _kind(m) == kind], [m for m in old if _kind(m) == kind]
        if len(same_new) == len(same_old):
            pairs.update((id(n), o) for n, o in zip(same_new, same_old) if _same_segment(n, o, threshold))
    return pairs


def _kind(message: Message) -> str:
    """What the segment is (``heading 2``, ``list item`` ...): the last extracted comment."""
    return message.extracted_comments[-1] if message.extracted_comments else ""


def _same_segment(new: Message, old: Message, threshold: float) -> bool:
    return ((new.msgid_plural is None) == (old.msgid_plural is None)
            and similarity(new.msgid, old.msgid) >= threshold and not tokens(new.msgid).isdisjoint(tokens(old.msgid)))


_NO_SPACE_SCRIPTS = frozenset({"Hans", "Hant", "Hani", "Jpan"})
"""Scripts written with no space between sentences (joined translations, rule 3c): Chinese and
Japanese. Thai, Lao, Khmer and Myanmar write no space between words but do between sentences."""
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]*]*(?:\s+|$)|[。！？]+[」』）)]*\s*")
"""A sentence ends with a full stop, ``!`` or ``?`` and a space; Chinese and Japanese need no space."""
_MIN_WORDS = 4
"""A sentence found inside an old paragraph needs this many words (not a lone heading)."""
_CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CONTAINING_SCANNED = 32
"""Old entries sharing a first sentence checked per query (bounded work, as in the matcher)."""


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` start (``0`` first)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text)]


class _Sentences:
    """Translated old entries whose source vanished, by their sentences (rule 3c)."""

    def __init__(self, vanished: Sequence[Message], *, joiner: str) -> None:
        self.joiner = joiner
        self.whole: dict[tuple[str | None, str], Message] = {}
        self.by_sentence: dict[str, list[Message]] = {}
        for message in vanished:
            self.whole.setdefault(message.key, message)
            starts = sentence_starts(message.msgid)
            for start, end in zip(starts, [*starts[1:], len(message.msgid)]):
                self.by_sentence.setdefault(message.msgid[start:end].rstrip(), []).append(message)

    def joined(self, t: Message) -> Message | None:
        """Two or more old entries whose sources, in order, make up ``t``'s source (joined paragraphs)."""
        if not self.whole or t.msgid_plural is not None:
            return None
        starts = [*sentence_starts(t.msgid), len(t.msgid)]
        parts: list[Message] = []
        at = 0
        while at < len(starts) - 1:
            found = next(((end, self.whole[key]) for end in range(len(starts) - 1, at, -1)
                          if (key := (t.msgctxt, t.msgid[starts[at]:starts[end]].rstrip())) in self.whole), None)
            if found is None:
                return None
            at, part = found
            parts.append(part)
        return self.join(t, parts) if len(parts) > 1 else None

    def join(self, t: Message, parts: Sequence[Message]) -> Message:
        comments = list(dict.fromkeys(c for part in parts for c in part.translator_comments))
        return Message(t.msgid, self.joiner.join(part.msgstr.rstrip() for part in parts),
                       msgctxt=t.msgctxt, translator_comments=comments)

    def containing(self, t: Message) -> Message | None:
        """An old entry whose source holds ``t``'s whole sentences, and more (a split paragraph)."""
        if t.msgid_plural is not None or _word_count(t.msgid) < _MIN_WORDS:
            return None
        starts = sentence_starts(t.msgid)
        first = t.msgid[: starts[1]].rstrip() if len(starts) > 1 else t.msgid
        for message in itertools.islice(self.by_sentence.get(first, ()), _CONTAINING_SCANNED):
            if message.msgctxt == t.msgctxt and _holds_sentences(message.msgid, t.msgid):
                return message
        return None


def _word_count(text: str) -> int:
    """Words separated by spaces; in Chinese and Japanese, about one per two characters."""
    cjk = len(_CJK_CHARACTER.findall(text))
    return len(_CJK_CHARACTER.sub(" ", text).split()) + cjk // 2


def _holds_sentences(text: str, part: str) -> bool:
    """True if ``part`` is one or more whole sentences of ``text``, and not all of it."""
    starts = sentence_starts(text)
    bounds = {*starts[1:], len(text)}
    for start in starts:
        if part == text or not text.startswith(part, start):
            continue
        rest = text[start + len(part):]
        if start + len(part) + len(rest) - len(rest.lstrip()) in bounds:
            return True
    return False


def rejected_suggestion(message: Message) -> bool:
    """True if ``message`` records a suggestion its translator rejected (rule 4).

    Written by a translator, not by medloc: a merge never leaves ``#|`` on an
    entry without a translation, except to carry such a record forward.
    """
    return not message.has_translation and message.previous_msgid is not None


def _suspend_suppressions(comments: list[str]) -> list[str]:
    """``medloc-ignore:`` comments made inert: they vouched for the old source (rule 9)."""
    return [_SUPPRESSION.sub(lambda m: m.group(1) + SUSPENDED + m.group(2), c, count=1) for c in comments]


def _set_translation(message: Message, msgstr: str, plural: list[str]) -> None:
    message.msgstr = msgstr
    message.msgstr_plural = plural


def _copy_previous(message: Message, source: Message) -> None:
    message.previous_msgctxt = source.previous_msgctxt
    message.previous_msgid = source.previous_msgid
    message.previous_msgid_plural = source.previous_msgid_plural


def _merged_flags(t: Message, source: Message | None) -> list[str]:
    """The fuzzy state of ``source``; every other flag from the template, as msgmerge does."""
    flags = ["fuzzy"] if source is not None and source.fuzzy else []
    return flags + [f for f in t.flags if f != "fuzzy"]


def _as_obsolete(message: Message) -> Message:
    if message.obsolete:
        return message
    return replace(
        message,
        obsolete=True,
        references=[],
        extracted_comments=[],
        translator_comments=list(message.translator_comments),
        flags=list(message.flags),
        msgstr_plural=list(message.msgstr_plural),
    )


# --------------------------------------------------------------------------- header


def merge_header(old: Message, template: Message) -> Message:
    """The old header with the template's dates, fields in gettext's order (see rule 8)."""
    lines = [line for line in old.msgstr.split("\n") if line]
    template_lines = {_field_name(line): line for line in template.msgstr.split("\n") if line}
    by_name: dict[str, str] = {}
    others: list[str] = []
    for line in lines:
        name = _field_name(line)
        if name in _KNOWN_HEADER_FIELDS and name not in by_name:
            by_name[name] = line
        else:
            others.append(line)
    for name in _TEMPLATE_HEADER_FIELDS:
        if name in template_lines:
            by_name[name] = template_lines[name]
    ordered = [by_name[name] for name in _KNOWN_HEADER_FIELDS if name in by_name] + others
    msgstr = "".join(line + "\n" for line in ordered)
    return replace(
        old, msgstr=msgstr, translator_comments=list(old.translator_comments), flags=list(old.flags),
        extracted_comments=list(old.extracted_comments), references=list(old.references),
    )


def _field_name(line: str) -> str:
    return line.partition(":")[0].strip()
