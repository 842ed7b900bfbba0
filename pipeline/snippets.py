"""pymdownx.snippets includes, translated like articles.

A hospital site keeps its contact block, disclaimers and abbreviation glossary
in files that pymdownx.snippets pastes into pages (``--8<-- "includes/contact.md"``,
and mkdocs.yml's ``auto_append``). Such a file is found here, once per build,
from the include lines of the articles (a regular expression over lines: no
second parse), and then treated as a small article of the source language:

* ``medloc extract`` writes a template for it, ``snippet-<path>.pot``
  (:func:`snippet_slug`), referenced as ``<path from the project root>:LINE``;
* ``medloc build`` renders it into ``build/medloc/<lang>/snippets/<N>/<path>``,
  a mirror of base path N, and that language's ``mkdocs.yml`` lists the mirrors
  before mkdocs.yml's base paths (:func:`language_extensions`), so pymdownx
  finds the translation first; the source language keeps mkdocs.yml's base paths,
  made absolute (a build run from another folder finds them too).

What cannot be translated is kept as written, with a ``site-snippet`` warning:
an include of a line range or a section (``file.md:3:5``, ``file.md:name``; a
translation does not keep line numbers or markers, and a file included that
way is not mirrored at all, so those lines stay right), a URL, a file that is
not Markdown (``.md``/``.markdown``: code, HTML and text files are pasted as
they are, mostly into code blocks), a file pymdownx would not find. Includes
inside fenced code and escaped ones (``;--8<--``) are code, not text: neither
translated nor reported.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import Diagnostic, Location

EXTENSION = "pymdownx.snippets"
SLUG_PREFIX = "snippet-"
MIRROR = "snippets"
"""Folder of a language's build (``build/medloc/<lang>/snippets``) holding its translated snippet files."""
MARKDOWN_SUFFIXES = (".md", ".markdown")
TRANSLATOR_NOTE = "Snippet: this text is included in several pages (pymdownx.snippets); translate it once here."

_INLINE = re.compile(r"""^[ \t]*(;*)-+8<-+[ \t]+("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')[ \t]*\r?$""")
_BLOCK = re.compile(r"^[ \t]*(;*)-+8<-+[ \t]*\r?$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_URL = re.compile(r"^https?://", re.I)
# pymdownx.snippets' own rule (SnippetPreprocessor.RE_SNIPPET_FILE): a path, then line ranges or a section.
_TARGET = re.compile(r"(?i)(.*?)(?:((?::-?[0-9]*){1,2}(?:(?:,(?=[-0-9:])-?[0-9]*)(?::-?[0-9]*)?)*)|(:[a-z][-_0-9a-z]*))?$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._]+")

Kind = Literal["file", "partial", "url"]


@dataclass(frozen=True, slots=True)
class SnippetSettings:
    """mkdocs.yml's ``pymdownx.snippets`` options that decide which files are included."""

    bases: tuple[Path, ...]
    """``base_path``, absolute (relative ones from the project root, where medloc runs MkDocs)."""
    auto_append: tuple[str, ...] = ()
    restrict: bool = True
    """``restrict_base_path``: a path may not leave its base."""


@dataclass(frozen=True, slots=True)
class Include:
    """One include of a source: ``--8<-- "target"`` (or a line of a ``--8<--`` block)."""

    line: int
    target: str
    """As written, without quotes: ``includes/contact.md``, ``file.md:3:5``."""

    @property
    def kind(self) -> Kind:
        if _URL.match(self.target):
            return "url"
        match = _TARGET.match(self.target)
        return "partial" if match is not None and (match.group(2) or match.group(3)) else "file"


@dataclass(frozen=True, slots=True)
class SnippetFile:
    """A Markdown file that pages include, translated like an article."""

    path: Path
    reference: str
    """Path from the project root (``includes/contact.md``): PO references, messages."""
    slug: str
    base: int
    """Index of its base path in ``base_path``."""
    mirror: str
    """Where its translation goes in a language's build folder: ``snippets/<base>/<path in base>``."""
    text: str


@dataclass(frozen=True, slots=True)
class Snippets:
    """The snippet files of a project and what could not be translated."""

    settings: SnippetSettings
    files: tuple[SnippetFile, ...] = ()
    translated: frozenset[str] = frozenset()
    """Include targets (as written) that show a translation."""
    diagnostics: tuple[Diagnostic, ...] = ()

    def mirror_bases(self, out_dir: Path) -> list[str]:
        """The mirror of each base path in ``out_dir`` (``build/medloc/<lang>``), for ``base_path``."""
        return [str(self._mirror_base(out_dir, index)) for index in range(len(self.settings.bases))]

    def _mirror_base(self, out_dir: Path, index: int) -> Path:
        base = self.settings.bases[index]
        folder = out_dir / MIRROR / str(index)
        return folder / base.name if base.is_file() else folder


# --------------------------------------------------------------------------- settings


def extension_options(extensions: object) -> dict[str, Any] | None:
    """The options of ``pymdownx.snippets`` in a ``markdown_extensions`` list (None: not used)."""
    for item in extensions if isinstance(extensions, list) else []:
        if item == EXTENSION:
            return {}
        if isinstance(item, dict) and EXTENSION in item:
            options = item[EXTENSION]
            return dict(options) if isinstance(options, dict) else {}
    return None


def snippet_settings(top_settings: Mapping[str, Any], *, root: Path) -> SnippetSettings | None:
    """mkdocs.yml's snippet settings, or None when the site does not use pymdownx.snippets."""
    options = extension_options(top_settings.get("markdown_extensions"))
    if options is None:
        return None
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else bases if isinstance(bases, list) else ["."]
    appended = options.get("auto_append") or []
    return SnippetSettings(
        bases=tuple(Path(os.path.abspath(root / str(base))) for base in bases),
        auto_append=tuple(str(name) for name in appended) if isinstance(appended, list) else (),
        restrict=bool(options.get("restrict_base_path", True)),
    )


# --------------------------------------------------------------------------- includes


def scan_includes(text: str) -> list[Include]:
    """Includes of a Markdown source, as pymdownx reads them, outside fenced code and not escaped.

    Cheap enough for every build: sources without ``8<`` are not scanned line by line.
    """
    if "8<" not in text:
        return []
    found: list[Include] = []
    fence = ""
    block = False
    for number, line in enumerate(text.split("\n"), start=1):
        opened = _FENCE.match(line)
        if fence:
            fence = "" if _closes(fence, opened, line) else fence
            continue
        if opened and not block:
            fence = opened.group(1)
            continue
        marker = _BLOCK.match(line)
        if marker:
            block = not block if not marker.group(1) else block
            continue
        if block:
            target = line.strip()
            if target and not target.startswith(";"):
                found.append(Include(number, target))
            continue
        inline = _INLINE.match(line)
        if inline and not inline.group(1):
            found.append(Include(number, inline.group(2)[1:-1].strip()))
    return found


def _closes(fence: str, opened: re.Match[str] | None, line: str) -> bool:
    """``line`` closes a code fence opened by ``fence`` (same character, at least as long, nothing after)."""
    if opened is None:
        return False
    marks = opened.group(1)
    return marks[0] == fence[0] and len(marks) >= len(fence) and not line[opened.end() :].strip()


INCLUDE_LINE = re.compile(r"^[ \t]*;*-+8<-+", re.M)
"""A pymdownx.snippets include (``--8<-- "file.md"``, or a line of a ``--8<--`` block) at the
start of a segment: kept as written in every language, never translated or wrapped (inside a
``<span>`` it is no longer an include), and left out of templates (there is nothing in it to
translate). The file it includes is translated when it can be (its own template): then the
include counts as translated, else as untranslated."""


def is_include(text: str) -> bool:
    """``text`` (a segment) starts with an include line: not a text to translate."""
    return INCLUDE_LINE.match(text) is not None


def include_target(text: str) -> str | None:
    """The target of a segment that is exactly one include line (``--8<-- "x.md"`` -> ``x.md``)."""
    match = _INLINE.match(text)
    return match.group(2)[1:-1].strip() if match and not match.group(1) else None


def split_target(target: str) -> str:
    """The file of an include target (without its line ranges or section)."""
    match = _TARGET.match(target)
    return (match.group(1) if match else target).strip()


def resolve(settings: SnippetSettings, name: str) -> tuple[int, Path] | None:
    """The base index and file pymdownx.snippets includes for ``name`` (its ``get_snippet_path``)."""
    for index, base in enumerate(settings.bases):
        if base.is_dir():
            filename = Path(os.path.abspath(base / name)) if settings.restrict else base / name
            if settings.restrict and not str(filename).startswith(str(base).rstrip(os.sep) + os.sep):
                continue
            if filename.exists():
                return index, filename
        elif base.exists():
            filename = base.parent / name
            if filename.exists() and os.path.samefile(filename, base):
                return index, filename
    return None


def snippet_slug(reference: str) -> str:
    """Template name of a snippet file: ``snippet-`` and its path without suffix, ``/`` and other
    characters a file name cannot have turned into ``-`` (``includes/contact.md`` -> ``snippet-includes-contact``)."""
    stem = reference.rsplit(".", 1)[0] if "." in reference.rsplit("/", 1)[-1] else reference
    return SLUG_PREFIX + (_UNSAFE.sub("-", stem).strip("-.") or "file")


# --------------------------------------------------------------------------- discovery


@dataclass(slots=True)
class _Finder:
    settings: SnippetSettings
    relative: Callable[[Path], str]
    files: dict[Path, SnippetFile] = field(default_factory=dict)
    partial: dict[Path, Location] = field(default_factory=dict)
    """Files included by line range or section somewhere: never mirrored (the lines would move)."""
    uses: list[tuple[Include, Path]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def visit(self, shown: str, includes: Iterable[Include]) -> None:
        for include in includes:
            self.include(shown, include)

    def include(self, shown: str, include: Include) -> None:
        where, name = Location(shown, include.line), split_target(include.target)
        if include.kind == "url":
            return self.warn(where, f"{include.target} is a URL: its text is not translated")
        found = resolve(self.settings, name)
        if found is None:
            return self.warn(where, f"{name!r} is not found under the snippet base_path: nothing to translate")
        index, path = found
        if include.kind == "partial":
            self.partial.setdefault(path.resolve(), where)
            return self.warn(
                where, f"{include.target} includes part of a file (line range or section): not translated, a translation has other lines"
            )
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            return self.warn(where, f"{include.target} is not Markdown (.md): it is included as written, not translated")
        self.uses.append((include, path.resolve()))
        self.add(index, path)

    def add(self, index: int, path: Path) -> None:
        key = path.resolve()
        if key in self.files:
            return
        base = self.settings.bases[index]
        inside = os.path.relpath(os.path.abspath(path), base if base.is_dir() else base.parent)
        if inside.startswith(".."):
            return self.warn(Location(self.relative(path)), "this snippet lies outside its base_path: it is not translated")
        from .fsio import read_text

        text = read_text(path)
        reference = self.relative(path)
        mirror = f"{MIRROR}/{index}/{Path(inside).as_posix()}"
        self.files[key] = SnippetFile(path, reference, snippet_slug(reference), index, mirror, text)
        self.visit(reference, scan_includes(text))

    def warn(self, where: Location, message: str) -> None:
        self.diagnostics.append(Diagnostic(where, f"pymdownx.snippets include: {message}", code="site-snippet"))

    def result(self) -> Snippets:
        """The mirrored files, leaving out those also included in part somewhere."""
        for key, where in self.partial.items():
            if key in self.files:
                shown = self.files.pop(key).reference
                self.warn(where, f"{shown} is also included whole elsewhere: not translated there either (its lines would move here)")
        translated = frozenset(include.target for include, path in self.uses if path in self.files)
        return Snippets(self.settings, tuple(self.files.values()), translated, tuple(self.diagnostics))


def find_snippets(
    settings: SnippetSettings,
    sources: Iterable[tuple[str, Sequence[Include]]],
    *,
    relative: Callable[[Path], str],
    append_location: Location | None = None,
) -> Snippets:
    """Every snippet file the articles include (``sources``: each article's path as shown and its
    includes), and every ``auto_append`` file, in the order first included; nested includes too.

    ``relative(path)`` shows a path from the project root (``Config.relative``).
    """
    finder = _Finder(settings, relative)
    for shown, includes in sources:
        finder.visit(shown, includes)
    where = append_location or Location("mkdocs.yml")
    for name in settings.auto_append:
        finder.include(where.path, Include(where.line or 1, name))
    return finder.result()


def check_slugs(snippets: Snippets, article_slugs: Mapping[str, str]) -> list[tuple[str, Location]]:
    """Problems as (message, location): a snippet slug that an article or another snippet already has."""
    problems = []
    seen = dict(article_slugs)
    for snippet in snippets.files:
        if snippet.slug in seen:
            message = f"snippet template {snippet.slug!r} is also the slug of {seen[snippet.slug]}; rename one of them"
            problems.append((message, Location(snippet.reference, 1)))
        seen[snippet.slug] = snippet.reference
    return problems


# --------------------------------------------------------------------------- per-language config


def language_extensions(extensions: list[Any], mirrors: Sequence[str], settings: SnippetSettings) -> list[Any]:
    """mkdocs.yml's ``markdown_extensions`` with only the snippets ``base_path`` changed: the
    language's mirrors first, then mkdocs.yml's base paths (absolute: the config lives elsewhere)."""
    changed = copy.deepcopy(extensions)
    base_path = [*mirrors, *(str(base) for base in settings.bases)]
    for index, item in enumerate(changed):
        if item == EXTENSION:
            changed[index] = {EXTENSION: {"base_path": base_path}}
        elif isinstance(item, dict) and EXTENSION in item:
            options = item[EXTENSION] if isinstance(item[EXTENSION], dict) else {}
            item[EXTENSION] = {**options, "base_path": base_path}
    return changed


def auto_append_line(top_text: str) -> int:
    """Line of ``auto_append`` in mkdocs.yml (1 if not found), for messages."""
    for number, line in enumerate(top_text.splitlines(), start=1):
        if line.strip().startswith("auto_append"):
            return number
    return 1


def write_mirror(files: Mapping[str, str], out_dir: Path) -> None:
    """Write a language's translated snippet files (``snippets/...`` -> text) under ``out_dir``
    (only those that changed) and delete the ones an earlier build left."""
    from .fsio import safe_join
    from .site_cache import write_generated

    for rel, text in files.items():
        write_generated(safe_join(out_dir, rel, what="snippet mirror"), text)
    folder = out_dir / MIRROR
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
        elif not path.is_dir() and path.relative_to(out_dir).as_posix() not in files:
            path.unlink()
    if not any(folder.iterdir()):
        folder.rmdir()
