"""Apply a catalogue to a Markdown source: translated Markdown plus what fell back.

CONTRACT (implemented by the segmentation work; the site build codes against it):

    render_article(source_text, path, lookup, *, mark=None) -> Rendered

* ``lookup(segment) -> str | None``: the translation to use, or None to fall
  back to the source text (untranslated, fuzzy).
* Translations that would break the structure (open a list, add a heading,
  an unescaped ``|`` in a table cell, raw HTML, changed link targets) are
  refused: the source text is used and a :class:`Fallback` with reason
  ``"refused"`` and a finding message is recorded.
* ``mark(segment, text) -> str`` (optional) wraps fallback text, e.g. in
  ``<span lang="en" class="medloc-fallback">``, so the site can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .errors import Diagnostic
from .segment import Segment

FallbackReason = Literal["untranslated", "fuzzy", "refused"]


@dataclass(frozen=True, slots=True)
class Fallback:
    segment: Segment
    reason: FallbackReason
    message: str = ""


@dataclass(slots=True)
class Rendered:
    text: str
    """The translated Markdown source."""
    total: int
    """Number of segments in the article."""
    fallbacks: list[Fallback] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def translated(self) -> int:
        return self.total - len(self.fallbacks)
