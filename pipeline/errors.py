"""Errors and diagnostics shared by every stage.

Every problem a user can act on carries a :class:`Location` and prints as
``path:line: message`` (Sphinx/GCC style). User errors derive from
:class:`PipelineError`; the CLI prints them as one line and exits non-zero.
Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input file. Lines and columns are 1-based."""

    path: str
    """Path as given by the user or relative to the project root."""
    line: int | None = None
    """1-based line, or None when the problem concerns the whole file."""
    column: int | None = None
    """1-based column, when known."""

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A warning or note that does not stop the run (e.g. a repaired BOM)."""

    location: Location
    message: str
    severity: Severity = "warning"
    code: str | None = None
    """Stable identifier, e.g. ``po-bom``; shown as ``[code]``."""

    def __str__(self) -> str:
        suffix = f" [{self.code}]" if self.code else ""
        return f"{self.location}: {self.severity}: {self.message}{suffix}"


class PipelineError(Exception):
    """A user-facing error: bad input, bad configuration, refused operation."""

    exit_code: int = 2

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class InputError(PipelineError):
    """An input file is malformed (PO, YAML, Markdown, raw article)."""


class PoSyntaxError(InputError):
    """A PO/POT file does not follow the gettext PO grammar."""


class GlossaryError(InputError):
    """The glossary cannot be used."""


class MarkdownError(InputError):
    """A Markdown source uses a construct medloc cannot segment safely."""


class ArticleImportError(InputError):
    """A raw article cannot be imported."""


class ConcurrentModificationError(PipelineError):
    """A file changed on disk between medloc reading it and writing it."""


class LockedError(PipelineError):
    """Another medloc process holds the lock on a file or folder."""


class ErrorList(PipelineError):
    """Several errors collected before one abort (config, glossary, corpus checks).

    Validation code appends to an ``ErrorList`` and calls :meth:`raise_if_any`
    once, so the user sees every problem in one run.
    """

    def __init__(self, errors: list[PipelineError] | None = None) -> None:
        self.errors: list[PipelineError] = list(errors or [])
        super().__init__("", None)

    def add(self, message: str, location: Location | None = None) -> None:
        self.errors.append(PipelineError(message, location))

    def extend(self, other: "ErrorList") -> None:
        self.errors.extend(other.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise self

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
