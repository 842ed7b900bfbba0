"""Markdown sources to segments: the one traversal behind extract and translate.

CONTRACT (implemented by the segmentation work; other stages code against it):

* :func:`parse_article` reads a Markdown source (front matter + body) into an
  :class:`Article`: its front matter, its language, and its :class:`Segment`s
  in document order.
* :func:`walk` is the single traversal: it calls ``callback(segment)`` for every
  segment and splices the returned text into the original source lines.
  Extraction is ``walk`` with an identity callback; translation is ``walk``
  with a catalogue lookup, so the two can never disagree about segments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable unit."""

    text: str
    """The msgid: inline Markdown of one block, line breaks unwrapped."""
    kind: str
    """What the block is, as written to ``#.``: ``heading 2``, ``paragraph``, ``list item``,
    ``table cell r2c1``, ``front matter title``, ..."""
    line: int
    """1-based line of the block's first line in the source file."""
    context: str | None = None
    """msgctxt given by the author, if any."""
    notes: tuple[str, ...] = ()
    """Notes for translators given by the author (``#.``)."""


@dataclass(slots=True)
class Article:
    """A parsed Markdown source."""

    path: str
    slug: str
    lang: str
    front_matter: dict[str, Any]
    segments: list[Segment] = field(default_factory=list)


Callback = Callable[[Segment], str]
