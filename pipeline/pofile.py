"""PO and POT files: a strict reader and a writer byte-identical to GNU gettext.

CONTRACT (implemented by the PO-layer work; other stages code against it):

* :class:`Message` and :class:`Catalog` are the in-memory model of a PO file.
  Everything in the file survives a read/write round trip: translator
  comments, extracted comments, references, flags, previous msgids
  (``#|``), obsolete entries (``#~``), plural forms, msgctxt.
* :func:`parse_po` refuses malformed input with :class:`~pipeline.errors.PoSyntaxError`
  carrying ``path:line`` (1-based). It never silently shortens or drops text.
  A UTF-8 BOM and CRLF line ends are repaired, each with a warning
  :class:`~pipeline.errors.Diagnostic` in ``Catalog.diagnostics``.
* :func:`format_po` writes exactly what GNU ``msgcat`` writes for the same
  catalogue (79-column wrapping by display width, escapes, comment order), so
  ``msgcat`` leaves a medloc-written file unchanged.
* :func:`write_po` writes atomically and only when the bytes change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Diagnostic
from .fsio import Snapshot


@dataclass(slots=True)
class Message:
    """One PO entry."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)
    """Plural translations ``msgstr[0..n-1]``; used instead of ``msgstr`` when ``msgid_plural`` is set."""
    translator_comments: list[str] = field(default_factory=list)
    """``# text`` lines, without the leading ``# ``."""
    extracted_comments: list[str] = field(default_factory=list)
    """``#. text`` lines, without the leading ``#. ``."""
    references: list[str] = field(default_factory=list)
    """``#:`` items such as ``docs/sciatica.md:12``."""
    flags: list[str] = field(default_factory=list)
    """``#,`` items such as ``fuzzy``, in file order."""
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0
    """1-based line where the entry starts in the file it was read from (0: not read from a file)."""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not value and "fuzzy" in self.flags:
            self.flags.remove("fuzzy")

    @property
    def has_translation(self) -> bool:
        """Some translation text exists (fuzzy or not)."""
        if self.msgid_plural is not None:
            return any(self.msgstr_plural)
        return bool(self.msgstr)

    @property
    def translated(self) -> bool:
        """Complete, non-fuzzy translation: the state gettext counts as translated."""
        if self.fuzzy or self.obsolete:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)


@dataclass(slots=True)
class Catalog:
    """A PO/POT file: the header entry plus messages in file order."""

    header: Message
    """The ``msgid ""`` entry; its ``msgstr`` holds ``Name: value\\n`` lines."""
    messages: list[Message] = field(default_factory=list)
    """Every other entry in file order, obsolete ones included."""
    path: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Warnings from reading (repaired BOM, CRLF)."""
    snapshot: Snapshot | None = None
    """What the file looked like when read (for safe rewrite)."""

    def header_fields(self) -> dict[str, str]:
        raise NotImplementedError

    def set_header_field(self, name: str, value: str) -> None:
        raise NotImplementedError

    def find(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        raise NotImplementedError

    @property
    def nplurals(self) -> int:
        raise NotImplementedError


def parse_po(data: bytes, path: str) -> Catalog:
    """Parse PO/POT bytes strictly. Raises PoSyntaxError with ``path:line``."""
    raise NotImplementedError


def read_po(path: Path) -> Catalog:
    """Read and parse a PO/POT file; records a :class:`Snapshot` for safe rewrite."""
    raise NotImplementedError


def format_po(catalog: Catalog, *, width: int = 79) -> str:
    """Serialise as GNU msgcat would."""
    raise NotImplementedError


def write_po(catalog: Catalog, path: Path, *, expect: Snapshot | None = None) -> bool:
    """Atomically write ``format_po(catalog)`` to ``path`` if it changed; True if written."""
    raise NotImplementedError
