"""Where GNU gettext sees format directives, so that wrapping never splits one.

gettext's writer parses a string flagged ``c-format`` or ``python-format``
(``possible-`` too) with that language's format parser and forbids line breaks
inside each valid directive (``write-po.c``: "Don't break inside format
directives"). Parsing stops at the first invalid directive, as in gettext, so
only the directives before it are protected. Only C and Python formats are
implemented; for the other ``*-format`` flags medloc does not protect
directives (a documented difference that matters only for strings where a
directive would sit exactly at a line end).
"""

from __future__ import annotations

import re

_DIGITS = "0123456789"


class _Invalid(Exception):
    """The parser stops here; directives found so far stay protected."""


def directive_interiors(value: str, language: str, *, is_msgstr: bool) -> set[int]:
    """Indices of ``value`` inside a valid directive, except each directive's first character."""
    parse = _PARSERS.get(language)
    if parse is None or "%" not in value:
        return set()
    spans: list[tuple[int, int]] = []
    try:
        parse(value, spans, is_msgstr)
    except _Invalid:
        pass
    return {i for start, end in spans for i in range(start + 1, end + 1)}


def _skip_digits(value: str, i: int) -> int:
    while i < len(value) and value[i] in _DIGITS:
        i += 1
    return i


def _at(value: str, i: int) -> str:
    return value[i] if i < len(value) else ""


class _Args:
    """gettext refuses strings that mix named/numbered and plain arguments."""

    def __init__(self) -> None:
        self.named = 0
        self.unnamed = 0

    def add(self, *, named: bool) -> None:
        if (named and self.unnamed) or (not named and self.named):
            raise _Invalid
        if named:
            self.named += 1
        else:
            self.unnamed += 1


def _python(value: str, spans: list[tuple[int, int]], is_msgstr: bool) -> None:
    """Port of gettext's format-python.c ``format_parse`` (directive extents only)."""
    args = _Args()
    i = value.find("%")
    while i >= 0:
        start, i = i, i + 1
        named = False
        if _at(value, i) == "(":
            i, named = _python_name_end(value, i + 1), True
        while _at(value, i) in ("-", "+", " ", "#", "0"):
            i += 1
        if _at(value, i) == "*":
            args.add(named=False)
            i += 1
        else:
            i = _skip_digits(value, i)
        if _at(value, i) == ".":
            i += 1
            if _at(value, i) == "*":
                args.add(named=False)
                i += 1
            else:
                i = _skip_digits(value, i)
        if _at(value, i) in ("h", "l", "L"):
            i += 1
        conversion = _at(value, i)
        if not conversion or conversion not in "%csridouxXeEfgG":
            raise _Invalid
        if named or conversion != "%":
            args.add(named=named)
        spans.append((start, i))
        i = value.find("%", i + 1)  # jump to the next directive: the text between is never looked at


def _python_name_end(value: str, i: int) -> int:
    depth = 0
    while i < len(value):
        if value[i] == "(":
            depth += 1
        elif value[i] == ")":
            if depth == 0:
                return i + 1
            depth -= 1
        i += 1
    raise _Invalid


def _c(value: str, spans: list[tuple[int, int]], is_msgstr: bool) -> None:
    """Port of gettext's format-c.c ``format_parse_entrails`` (directive extents only)."""
    args = _Args()
    i = value.find("%")
    while i >= 0:
        start, i = i, i + 1
        i, numbered = _c_position(value, i)
        while _at(value, i) in ("'", "-", "+", " ", "#", "0") or (is_msgstr and _at(value, i) == "I"):
            i += 1
        i = _c_star_or_digits(value, i, args)
        if _at(value, i) == ".":
            i = _c_star_or_digits(value, i + 1, args)
        i, conversion = _c_conversion(value, i)
        if conversion != "%":
            args.add(named=numbered)
        spans.append((start, i))
        i = value.find("%", i + 1)  # jump to the next directive: the text between is never looked at


def _c_position(value: str, i: int) -> tuple[int, bool]:
    """``%m$``: an argument number."""
    j = _skip_digits(value, i)
    if j > i and _at(value, j) == "$":
        if int(value[i:j]) == 0:
            raise _Invalid
        return j + 1, True
    return i, False


def _c_star_or_digits(value: str, i: int, args: _Args) -> int:
    if _at(value, i) != "*":
        return _skip_digits(value, i)
    i += 1
    j = _skip_digits(value, i)
    if j > i and _at(value, j) == "$":
        if int(value[i:j]) == 0:
            raise _Invalid
        args.add(named=True)
        return j + 1
    args.add(named=False)
    return i


_C_SIZES = ("hh", "h", "ll", "l", "L", "q", "j", "z", "Z", "t")


def _c_conversion(value: str, i: int) -> tuple[int, str]:
    """Size and conversion; ``<PRIdN>``-style ISO C 99 macros count as a conversion."""
    if _at(value, i) == "<":
        end = value.find(">", i)
        if end < 0 or not _C99_MACRO.fullmatch(value, i, end + 1):
            raise _Invalid
        return end, "d"
    size = next((s for s in _C_SIZES if value.startswith(s, i)), "")
    i += len(size)
    conversion = _at(value, i)
    if not conversion or conversion not in "%cCsSdiouxXeEfFgGaApnm":
        raise _Invalid
    return i, conversion


_C99_MACRO = re.compile(r"<PRI[diouxX](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")


_PARSERS = {"c": _c, "python": _python}
