"""Project configuration: ``[tool.medloc]`` in ``pyproject.toml``.

The whole table is validated before any command runs; every problem is
reported with its key path (``tool.medloc.languages[2]: unknown language code
'kr'; did you mean 'ko'?``) and the run aborts once.

Keys (all optional except where noted)::

    [tool.medloc]
    source_language = "en"            # default source language of articles
    languages = ["en", "ko", ...]     # site languages; articles are translated
                                      # into every one but their own
    docs_dir = "docs"                 # Markdown sources
    locales_dir = "locales"           # <lang>/LC_MESSAGES/<slug>.po
    templates_dir = "locales/templates"
    glossary = "locales/glossary.yaml"
    build_dir = "build/medloc"        # generated per-language MkDocs trees
    site_dir = "site"                 # built HTML

    [tool.medloc.update]
    fuzzy_threshold = 0.6             # 0..1, similarity for fuzzy matches
    compendium_exact = "fuzzy"        # "fuzzy" | "translated": exact TM hits

    [tool.medloc.check]
    fail_on = "error"                 # "error" | "warning"

    [tool.medloc.site]
    url = "https://..."               # public address (else mkdocs.yml's site_url)
    fallback = ["en"]                 # translations shown, in order, for a segment
                                      # missing in the reader's language before the
                                      # article's original ([] : the original only)
    nav_limit = 40                    # articles per language shown as one flat nav;
                                      # above it the nav is grouped into sections
                                      # (front matter ``section``, else A–Z ranges)

Without a public address (``site.url`` or ``site_url`` in ``mkdocs.yml``),
``hreflang`` alternates and the sitemap are relative and the build warns once.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from .errors import ErrorList, InputError, Location, PipelineError
from .languages import Language, get_language

FailOn = Literal["error", "warning"]
CompendiumExact = Literal["fuzzy", "translated"]

_TOP_KEYS = {
    "source_language",
    "languages",
    "docs_dir",
    "locales_dir",
    "templates_dir",
    "glossary",
    "build_dir",
    "site_dir",
    "update",
    "check",
    "site",
}
_PATH_KEYS = ("docs_dir", "locales_dir", "templates_dir", "glossary", "build_dir", "site_dir")
_UPDATE_KEYS = {"fuzzy_threshold", "compendium_exact"}
_CHECK_KEYS = {"fail_on"}
_SITE_KEYS = {"url", "fallback", "nav_limit"}
NAV_LIMIT = 40
"""Articles per language up to which the nav is one flat list (``site.nav_limit``)."""
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""Slugs and language codes that may become file names (no '/', no leading '.')."""


@dataclass(frozen=True, slots=True)
class UpdateSettings:
    fuzzy_threshold: float = 0.6
    compendium_exact: CompendiumExact = "fuzzy"


@dataclass(frozen=True, slots=True)
class CheckSettings:
    fail_on: FailOn = "error"


@dataclass(frozen=True, slots=True)
class Config:
    """The validated project configuration. Paths are absolute."""

    root: Path
    source_language: Language
    languages: tuple[Language, ...]
    docs_dir: Path
    locales_dir: Path
    templates_dir: Path
    glossary: Path
    build_dir: Path
    site_dir: Path
    update: UpdateSettings = field(default_factory=UpdateSettings)
    check: CheckSettings = field(default_factory=CheckSettings)
    site: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    """The pyproject.toml it came from, or None for defaults."""

    def language(self, code: str) -> Language:
        """A configured language by code (gettext or BCP 47 form)."""
        wanted = get_language(code)
        for lang in self.languages:
            if lang.code == wanted.code:
                return lang
        known = ", ".join(lang.code for lang in self.languages)
        raise PipelineError(f"language {code!r} is not configured (configured: {known})", self._where("languages"))

    def target_languages(self, source: Language | None = None) -> tuple[Language, ...]:
        """Languages an article written in ``source`` is translated into."""
        src = source or self.source_language
        return tuple(lang for lang in self.languages if lang.code != src.code)

    def po_path(self, lang: Language | str, slug: str, *, domain: str | None = None) -> Path:
        code = lang if isinstance(lang, str) else lang.code
        name = domain or slug
        if not _SAFE_NAME.fullmatch(name) or not _SAFE_NAME.fullmatch(code):
            # Last line of defence: a hostile front-matter slug must not reach outside locales/.
            raise InputError(f"slug {name!r} cannot name a catalogue (letters, digits, '.', '_', '-')")
        path = self.locales_dir / code / "LC_MESSAGES" / f"{name}.po"
        try:
            path.resolve().relative_to(resolved_root(self.root))
        except ValueError:
            raise InputError(
                "catalogue resolves outside the project (symlink?); not read or written", Location(self.relative(path))
            ) from None
        return path

    def relative(self, path: Path) -> str:
        """``path`` relative to the project root when inside it (for messages and references)."""
        try:
            return path.resolve().relative_to(resolved_root(self.root)).as_posix()
        except ValueError:
            pass
        try:
            return path.relative_to(self.root).as_posix()  # named inside, resolves outside (a symlink)
        except ValueError:
            return str(path)

    def _where(self, key: str) -> Location:
        return Location(f"{self.path or 'pyproject.toml'}", None) if key else Location("pyproject.toml")


def resolved_root(root: Path) -> Path:
    """A project root, resolved once per process (not once per catalogue or page)."""
    return _resolved_absolute(root) if root.is_absolute() else root.resolve()


@lru_cache(maxsize=16)
def _resolved_absolute(root: Path) -> Path:
    return root.resolve()  # a relative path is not cached: it depends on the current folder


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` whose pyproject.toml has ``[tool.medloc]``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                return folder
            if "medloc" in data.get("tool", {}):
                return folder
    return None


def load_config(root: Path | None = None) -> Config:
    """Load and validate ``[tool.medloc]`` from ``root/pyproject.toml``.

    Without a root, searches upward from the current folder. Without any
    pyproject.toml, returns defaults rooted at the current folder. The root is
    made absolute (``--project .``): the generated MkDocs configs name folders
    of the project, and MkDocs reads a relative path from the config's own folder.
    Messages name pyproject.toml as the user did.
    """
    found = root if root is not None else find_root()
    if found is None:
        return _validate({}, Path.cwd(), None)
    pyproject = found / "pyproject.toml"
    if not pyproject.is_file():
        return _validate({}, found.absolute(), None)
    try:
        text = pyproject.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("not valid UTF-8", Location(str(pyproject))) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = _toml_error_line(str(exc), text)
        raise InputError(f"TOML syntax error: {message}", Location(str(pyproject), line)) from None
    table = data.get("tool", {}).get("medloc", {})
    return _validate(table, found.absolute(), pyproject, key_lines=_key_lines(text))


def _toml_error_line(error: str, text: str) -> tuple[int | None, str]:
    """Line and message of a tomllib error (Python 3.11 has no ``lineno``; it is in the text)."""
    match = re.search(r" \(at (?:line (\d+), column \d+|end of document)\)$", error)
    if match is None:
        return None, error
    line = int(match.group(1)) if match.group(1) else max(1, len(text.splitlines()))
    return line, error[: match.start()]


def _key_lines(text: str) -> dict[str, int]:
    """Best-effort line numbers of ``key =`` lines inside medloc tables."""
    lines: dict[str, int] = {}
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("["):
            section = stripped.strip("[] ")
            if section.startswith("tool.medloc"):
                lines.setdefault(section, number)
            continue
        if section.startswith("tool.medloc") and "=" in stripped and not stripped.startswith("#"):
            key = stripped.split("=", 1)[0].strip()
            lines.setdefault(f"{section}.{key}", number)
    return lines


class _Validator:
    def __init__(self, path: Path | None, key_lines: dict[str, int]) -> None:
        self.errors = ErrorList()
        self.path = path
        self.key_lines = key_lines

    def fail(self, key: str, message: str) -> None:
        base = key.split("[")[0]
        line = self.key_lines.get(base)
        shown = str(self.path) if self.path else "pyproject.toml"
        self.errors.add(f"{key}: {message}", Location(shown, line))

    def unknown_keys(self, prefix: str, table: dict[str, Any], known: set[str]) -> None:
        for key in table:
            if key not in known:
                hint = difflib.get_close_matches(key, sorted(known), n=1)
                extra = f"; did you mean {hint[0]!r}?" if hint else f"; known keys: {', '.join(sorted(known))}"
                self.fail(f"{prefix}.{key}", f"unknown key{extra}")

    def language(self, key: str, value: Any) -> Language | None:
        if not isinstance(value, str):
            self.fail(key, f"expected a language code string, got {type(value).__name__}")
            return None
        try:
            return get_language(value)
        except PipelineError as exc:
            self.fail(key, exc.message)
            return None

    def project_path(self, root: Path, key: str, value: Any) -> Path | None:
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "expected a non-empty path string")
            return None
        rel = Path(value)
        if rel.is_absolute() or ".." in rel.parts:
            self.fail(key, f"path {value!r} must stay inside the project (no absolute paths or '..')")
            return None
        full = root / rel
        try:
            full.resolve().relative_to(root.resolve())
        except ValueError:
            self.fail(key, f"path {value!r} resolves outside the project (symlink?)")
            return None
        return full


def _validate(table: dict[str, Any], root: Path, path: Path | None, key_lines: dict[str, int] | None = None) -> Config:
    v = _Validator(path, key_lines or {})
    p = "tool.medloc"
    if not isinstance(table, dict):
        v.fail(p, "expected a table")
        v.errors.raise_if_any()
    v.unknown_keys(p, table, _TOP_KEYS)

    source = v.language(f"{p}.source_language", table.get("source_language", "en"))
    languages: list[Language] = []
    raw_langs = table.get("languages", [])
    if "languages" in table and (not isinstance(raw_langs, list) or not raw_langs):
        v.fail(f"{p}.languages", "expected a non-empty list of language codes")
        raw_langs = []
    for index, code in enumerate(raw_langs):
        lang = v.language(f"{p}.languages[{index}]", code)
        if lang is None:
            continue
        if any(other.code == lang.code for other in languages):
            v.fail(f"{p}.languages[{index}]", f"language {lang.code!r} is listed twice")
            continue
        languages.append(lang)
    if source is not None and all(lang.code != source.code for lang in languages):
        languages.insert(0, source)

    defaults = {
        "docs_dir": "docs",
        "locales_dir": "locales",
        "templates_dir": "locales/templates",
        "glossary": "locales/glossary.yaml",
        "build_dir": "build/medloc",
        "site_dir": "site",
    }
    paths = {key: v.project_path(root, f"{p}.{key}", table.get(key, default)) for key, default in defaults.items()}

    update = _update_settings(v, table.get("update", {}))
    check = _check_settings(v, table.get("check", {}))
    site = table.get("site", {})
    if not isinstance(site, dict):
        v.fail(f"{p}.site", "expected a table")
        site = {}
    else:
        v.unknown_keys(f"{p}.site", site, _SITE_KEYS)
        if "fallback" in site:
            site = {**site, "fallback": _fallback_languages(v, f"{p}.site.fallback", site["fallback"], languages)}
        limit = site.get("nav_limit", NAV_LIMIT)
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 2:
            v.fail(f"{p}.site.nav_limit", f"expected a whole number of articles, at least 2, got {limit!r}")
            limit = NAV_LIMIT
        site = {**site, "nav_limit": limit}

    v.errors.errors.sort(key=lambda e: (e.location.line or 0) if e.location else 0)
    v.errors.raise_if_any()
    assert source is not None
    return Config(
        root=root,
        source_language=source,
        languages=tuple(languages),
        update=update,
        check=check,
        site=dict(site),
        path=path,
        **{key: value for key, value in paths.items() if value is not None},  # type: ignore[arg-type]
    )


def _fallback_languages(v: _Validator, key: str, value: Any, languages: list[Language]) -> tuple[str, ...]:
    """``site.fallback``: configured languages whose translation is shown before an article's original."""
    if not isinstance(value, list):
        v.fail(key, "expected a list of language codes, e.g. [\"en\"]")
        return ()
    codes = []
    for index, code in enumerate(value):
        lang = v.language(f"{key}[{index}]", code)
        if lang is not None and lang.code not in {known.code for known in languages}:
            v.fail(f"{key}[{index}]", f"{code!r} is not one of the site languages")
        elif lang is not None:
            codes.append(lang.code)
    return tuple(codes)


def _update_settings(v: _Validator, table: Any) -> UpdateSettings:
    key = "tool.medloc.update"
    if not isinstance(table, dict):
        v.fail(key, "expected a table")
        return UpdateSettings()
    v.unknown_keys(key, table, _UPDATE_KEYS)
    threshold = table.get("fuzzy_threshold", 0.6)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        v.fail(f"{key}.fuzzy_threshold", f"expected a number in (0, 1], got {threshold!r}")
        threshold = 0.6
    exact = table.get("compendium_exact", "fuzzy")
    if exact not in ("fuzzy", "translated"):
        v.fail(f"{key}.compendium_exact", f"expected 'fuzzy' or 'translated', got {exact!r}")
        exact = "fuzzy"
    return UpdateSettings(fuzzy_threshold=float(threshold), compendium_exact=exact)


def _check_settings(v: _Validator, table: Any) -> CheckSettings:
    key = "tool.medloc.check"
    if not isinstance(table, dict):
        v.fail(key, "expected a table")
        return CheckSettings()
    v.unknown_keys(key, table, _CHECK_KEYS)
    fail_on = table.get("fail_on", "error")
    if fail_on not in ("error", "warning"):
        v.fail(f"{key}.fail_on", f"expected 'error' or 'warning', got {fail_on!r}")
        fail_on = "error"
    return CheckSettings(fail_on=fail_on)
