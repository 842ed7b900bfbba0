"""Per-language MkDocs configs that INHERIT the project's ``mkdocs.yml``, and the theme folder.

Site layout: the source language is the site root (``site/``), every other
language a folder named by its BCP 47 tag (``site/ko/``, ``site/zh-Hans/``).
The root stays where a plain ``mkdocs build`` puts the English site, so its
URLs never move, and it is the ``x-default`` for search engines; every page
carries a language switcher and the home page lists all languages, so no
redirecting landing page (which needs JavaScript or a server) is needed.

``build/medloc/<lang>/mkdocs.yml`` sets only scalars and mappings (INHERIT
replaces lists): ``site_name``, ``docs_dir``, ``site_dir``, ``nav``, ``theme``
(``language``, ``custom_dir``) and ``extra.medloc`` (languages for the
switcher and ``hreflang``, translated site texts, theme-string overrides such
as the search separator). Any engine that reads ``mkdocs.yml`` with INHERIT
can build these folders. One exception: a site above ``site.nav_limit``
articles gets ``theme.features`` (a list, so mkdocs.yml's copied, plus
``navigation.prune``) with its grouped ``nav`` (:func:`language_nav`).
"""

from __future__ import annotations

import importlib.util
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic, InputError, Location
from .fsio import read_text
from .languages import Language
from .md_abbr import ABBR_NAMES
from .md_abbr import NAME as MD_ABBR
from .site_cache import copy_generated, write_generated
from .site_i18n import UiTranslations, nav_message, site_name_message
from .site_search import search_theme_strings

THEME_DATA = Path(__file__).parent / "data" / "theme"


@dataclass(frozen=True, slots=True)
class SiteLayout:
    """Where each language lives in the built site."""

    source: Language
    languages: tuple[Language, ...]
    site_url: str | None = None

    def prefix(self, lang: Language) -> str:
        """Path of ``lang``'s root below the site root: ``""`` or ``"ko/"``."""
        return "" if lang.code == self.source.code else f"{lang.tag}/"

    def root_from(self, here: Language, there: Language) -> str:
        """Relative path from ``here``'s root to ``there``'s root."""
        up = "" if here.code == self.source.code else "../"
        return up + self.prefix(there)


def read_top_config(path: Path, *, text: str | None = None) -> dict[str, Any]:
    """The project's mkdocs.yml (``text``: its content, if already read), read safely: python
    tags are kept as text, never run."""

    def keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> str:
        return f"{node.tag}"

    try:
        data = yaml.load(read_text(path) if text is None else text, Loader=_tag_keeping_loader(keep))  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", Location(str(path), mark.line + 1 if mark else None)) from None
    if not isinstance(data, dict):
        raise InputError("expected a mapping of MkDocs settings", Location(str(path), 1))
    return data


def _tag_keeping_loader(keep: Callable[[yaml.SafeLoader, str, yaml.Node], Any]) -> type[yaml.SafeLoader]:
    """A SafeLoader that hands every python and custom (``!ENV``) tag to ``keep``: none is ever run."""

    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml's parser: 10x faster
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", keep)
    _Loader.add_multi_constructor("!", keep)
    return _Loader


@dataclass(frozen=True, slots=True)
class Tagged:
    """A value of mkdocs.yml written with a YAML tag (``!!python/name:...``, ``!ENV``), kept to be
    written back as it was: MkDocs reads it, medloc never runs it."""

    tag: str
    value: Any
    kind: str
    """``scalar``, ``sequence`` or ``mapping``."""


def read_top_verbatim(path: Path, *, text: str | None = None) -> dict[str, Any]:
    """mkdocs.yml with tagged values as :class:`Tagged` (for settings copied into a language's config)."""

    def keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
        if isinstance(node, yaml.MappingNode):
            return Tagged(node.tag, loader.construct_mapping(node, deep=True), "mapping")
        if isinstance(node, yaml.SequenceNode):
            return Tagged(node.tag, loader.construct_sequence(node, deep=True), "sequence")
        return Tagged(node.tag, loader.construct_scalar(node), "scalar")  # type: ignore[arg-type]

    # read_top_config has checked it
    data = yaml.load(read_text(path) if text is None else text, Loader=_tag_keeping_loader(keep))  # noqa: S506 - SafeLoader subclass
    return data if isinstance(data, dict) else {}


def enabled_extensions(extensions: object) -> set[str]:
    """The names in mkdocs.yml's ``markdown_extensions`` (as read: names, or one-key mappings to options)."""
    names: set[str] = set()
    for item in extensions if isinstance(extensions, list) else []:
        names.update([item] if isinstance(item, str) else [str(key) for key in item] if isinstance(item, dict) else [])
    return names


_EXTRA = ("extra", "markdown.extensions.extra")
EXTENSION_FOR: dict[str, tuple[str, ...]] = {
    "admonition": ("admonition", "markdown.extensions.admonition"),
    "collapsible block": ("pymdownx.details",),
    "content tab": ("pymdownx.tabbed",),
    "footnote": ("footnotes", "markdown.extensions.footnotes", *_EXTRA),
    "abbreviation": (*ABBR_NAMES, MD_ABBR, *_EXTRA),
    "definition list": ("def_list", "markdown.extensions.def_list", *_EXTRA),
}
"""The ``markdown_extensions`` that render each construct medloc segments (the first is the one to add)."""


def missing_extensions(path: str, constructs: Sequence[tuple[str, int]], extensions: object) -> list[Diagnostic]:
    """A warning for each construct of an article that mkdocs.yml's ``markdown_extensions`` do not
    render: every language would show it as written (``!!! note``, ``*[MRI]: ...``)."""
    enabled = enabled_extensions(extensions)
    found = []
    for construct, line in constructs:
        names = EXTENSION_FOR.get(construct, ())
        if names and not enabled.intersection(names):
            found.append(Diagnostic(
                Location(path, line),
                f"{construct} needs the Markdown extension {names[0]!r} in mkdocs.yml's markdown_extensions; "
                "without it every language shows the lines as written",
                "warning",
                "site-extension-missing",
            ))
    return found


USER_MAIN = "medloc-user/main.html"
"""Where the project's own ``main.html`` goes: medloc's ``main.html`` extends it, so both apply."""


def excluded_docs(top_settings: Mapping[str, Any]) -> Callable[[str], bool]:
    """Whether MkDocs leaves a file of docs/ (path relative to it) out of the site: mkdocs.yml's
    ``exclude_docs`` and its defaults (dot files, ``/templates/``).

    Such a file (a snippet included by others, a draft) is no page in any language:
    it is neither extracted nor rendered nor listed in the generated nav.

    Without ``exclude_docs`` the two defaults are read directly (:func:`excluded_by_default`):
    importing pathspec alone costs about 50 ms, a quarter of a cold build's own work on
    the project's site. ``tests/test_site_structure.py`` holds the two to the same answers.
    """
    extra = str(top_settings.get("exclude_docs") or "").splitlines()
    if not any(line.strip() for line in extra):
        return excluded_by_default
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([".*", "/templates/", *extra]).match_file


def excluded_by_default(rel: str) -> bool:
    """MkDocs' default ``exclude_docs`` (gitignore lines ``.*`` and ``/templates/``) for a
    path relative to docs/: a file or folder whose name starts with a dot, at any depth,
    or anything under the top-level ``templates`` folder."""
    parts = rel.split("/")
    return any(part.startswith(".") for part in parts) or (len(parts) > 1 and parts[0] == "templates")


def prepare_theme(out_dir: Path, *, user_dir: Path | None = None, shown_user_dir: str = "") -> tuple[Path, list[Diagnostic]]:
    """medloc's theme overrides plus patched copies of two Material templates.

    ``user_dir``: mkdocs.yml's own ``theme.custom_dir``, which the per-language configs
    cannot name too (a theme has one ``custom_dir``): its files are layered under
    medloc's (:func:`_layer_user_theme`).

    Some lines cannot be reached through template blocks: ``dir`` belongs on
    ``<html>`` (Material puts it on ``<body>`` only), the search worker's hashed
    name is written in base.html, and the search dialog has no accessible name.
    They are patched (:data:`_PATCHES`) from the installed Material at build
    time, which keeps asset hashes right across Material upgrades; a line that
    is no longer found is reported and the build goes on without that patch.
    """
    diagnostics: list[Diagnostic] = []
    written = {"main.html"}
    for source in sorted(THEME_DATA.rglob("*")):
        rel = source.relative_to(THEME_DATA).as_posix()
        if source.is_file() and rel != "main.html":
            _copy(source, out_dir / rel)
            written.add(rel)
    main = (THEME_DATA / "main.html").read_text(encoding="utf-8")
    if user_dir is not None and user_dir.resolve() != THEME_DATA.resolve():
        layered, found = _layer_user_theme(user_dir, out_dir, shown=shown_user_dir or str(user_dir))
        written |= layered
        diagnostics += found
        if USER_MAIN in layered:
            main = main.replace('{% extends "base.html" %}', f'{{% extends "{USER_MAIN}" %}}', 1)
    write_generated(out_dir / "main.html", main)
    material = material_templates()
    for name in sorted({patch.template for patch in _PATCHES}):
        text = (material / name).read_text(encoding="utf-8")
        for patch in (p for p in _PATCHES if p.template == name):
            text, found_it = patch.pattern.subn(patch.replacement, text, count=1)
            if not found_it:
                diagnostics.append(Diagnostic(Location(str(material / name)), patch.missing, code="site-theme"))
        write_generated(out_dir / name, text)
        written.add(name)
    _prune(out_dir, keep=written)
    return out_dir, diagnostics


def _prune(folder: Path, *, keep: set[str]) -> None:
    """Delete what an earlier build put in ``folder`` and this one did not (a file removed from the
    project's ``custom_dir`` must stop applying)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _layer_user_theme(user_dir: Path, out_dir: Path, *, shown: str) -> tuple[set[str], list[Diagnostic]]:
    """Copy the project's ``theme.custom_dir`` into medloc's theme folder: the files written, and
    a warning for each file that medloc's own file replaces.

    Its ``main.html`` becomes :data:`USER_MAIN`, which medloc's ``main.html``
    extends (medloc's blocks call ``super()`` where the user's may add to them).
    Any other file medloc overrides itself (the notice, the disclaimer, the
    language switcher) stays medloc's: those are what a patient must see; the
    project's file is reported as not used. Everything else (partials, assets)
    is the project's.
    """
    if not user_dir.is_dir() or user_dir.resolve() == THEME_DATA.resolve():
        return set(), []  # medloc's own theme named for plain `mkdocs build`, or none (which `mkdocs build` reports)
    written: set[str] = set()
    diagnostics = []
    for source in sorted(user_dir.rglob("*")):
        rel = source.relative_to(user_dir).as_posix()
        if not source.is_file():
            continue
        if rel == "main.html":
            _copy(source, out_dir / USER_MAIN)
            written.add(USER_MAIN)
        elif (THEME_DATA / rel).is_file() or rel in {patch.template for patch in _PATCHES}:
            message = f"medloc's theme overrides {rel} too (its language and disclaimer features); this file is not used"
            diagnostics.append(Diagnostic(Location(f"{shown}/{rel}", 1), message, code="site-theme"))
        else:
            _copy(source, out_dir / rel)
            written.add(rel)
    return written, diagnostics


@dataclass(frozen=True, slots=True)
class _Patch:
    """One line of a Material template changed at build time (no block to override it)."""

    template: str
    pattern: re.Pattern[str]
    replacement: str
    missing: str
    """What the site lacks when Material changed and the line is not found."""


def _in_title_language(item: str, title: str) -> str:
    """Jinja for ``title`` of page ``item``, in a ``<span lang>`` when the title is untranslated.

    ``medloc.title_lang`` is written into the page's front matter by the tree
    (pipeline/site_tree.py) when the title shown is the original's or a pivot's.
    """
    meta = f"({item}.meta.medloc if {item}.meta is mapping and {item}.meta.medloc is mapping else {{}})"
    return (
        f"{{% set medloc_t = {meta} %}}{{% if medloc_t.title_lang %}}"
        f'<span lang="{{{{ medloc_t.title_lang }}}}" dir="{{{{ medloc_t.title_dir }}}}">{{{{ {title} }}}}</span>'
        f"{{% else %}}{{{{ {title} }}}}{{% endif %}}"
    )


def _title_patch(template: str, item: str, title: str, where: str) -> _Patch:
    return _Patch(
        template,
        re.compile(re.escape(f"{{{{ {title} }}}}")),
        _in_title_language(item, title).replace("\\", "\\\\"),
        f"Material's {where} changed; an untranslated title there has no lang attribute",
    )


_PATCHES = (
    _title_patch("partials/nav-item.html", "nav_item", "nav_item.title", "navigation item"),
    _title_patch("partials/footer.html", "page.previous_page", "page.previous_page.title", "footer (previous page)"),
    _title_patch("partials/footer.html", "page.next_page", "page.next_page.title", "footer (next page)"),
    _title_patch("partials/header.html", "page", "page.meta.title", "header title"),
    _Patch(
        "partials/toc-item.html",
        re.compile(re.escape("{{ toc_item.title }}")),
        "{% set medloc_h = (page.meta.medloc.headings if page.meta is mapping and page.meta.medloc is mapping "
        "and page.meta.medloc.headings is mapping else {}) %}"
        "{% if toc_item.title in medloc_h %}"
        '<span lang="{{ medloc_h[toc_item.title][0] }}" dir="{{ medloc_h[toc_item.title][1] }}">{{ toc_item.title }}</span>'
        "{% else %}{{ toc_item.title }}{% endif %}",
        "Material's table of contents changed; untranslated headings there have no lang attribute",
    ),
    _Patch(
        "base.html",
        re.compile(re.escape("<html lang=\"{{ lang.t('language') }}\"")),
        "<html lang=\"{{ lang.t('language') }}\" dir=\"{{ config.theme.direction or lang.t('direction') }}\"",
        "Material's <html> tag changed; dir is set on <body> only",
    ),
    _Patch(
        "base.html",
        re.compile(r'"assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)"'),
        r'"assets/javascripts/workers/medloc-search.js?worker=\1"',
        "Material's search worker reference changed; Chinese queries are not prepared",
    ),
    _Patch(
        "partials/search.html",
        re.compile(re.escape('data-md-component="search" role="dialog">')),
        'data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        "Material's search dialog changed; it has no accessible name (axe aria-dialog-name)",
    ),
)


def _copy(source: Path, target: Path) -> None:
    """Put ``source``'s bytes at ``target`` (a hard link where possible), only when they differ,
    so `serve` does not see a change; atomically, as every generated file."""
    copy_generated(target, source)


@lru_cache(maxsize=None)
def material_templates() -> Path:
    """The installed Material's templates folder, found without importing it (its
    ``__init__`` imports colorama and ctypes: 4 ms of every cold build for a path)."""
    spec = importlib.util.find_spec("material.templates")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("mkdocs-material is not installed (pip install mkdocs-material)")
    return Path(spec.origin).parent


def material_language(lang: Language) -> str:
    """``theme.language`` Material has a translation for (else English UI)."""
    folder = material_templates() / "partials" / "languages"
    for candidate in (lang.material_language, lang.tag.split("-")[0]):
        if (folder / f"{candidate}.html").is_file():
            return candidate
    return "en"


def language_config(
    *,
    lang: Language,
    layout: SiteLayout,
    ui: UiTranslations,
    top_config: Path,
    config_dir: Path,
    theme_dir: Path,
    nav: list[NavEntry],
    site_name: str,
    not_in_nav: Sequence[str] = (),
    features: Sequence[str] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The mapping written to ``build/medloc/<lang>/mkdocs.yml``.

    ``settings``: more top-level settings, written as given (``markdown_extensions``
    with the language's snippet folders, :mod:`pipeline.snippets`).
    """
    languages = [
        {
            "tag": other.tag,
            "name": other.native_name,
            "root": layout.root_from(lang, other),
            "prefix": layout.prefix(other),
            "current": other.code == lang.code,
            "default": other.code == layout.source.code,
        }
        for other in layout.languages
    ]
    theme_strings = {"language": lang.tag, "direction": lang.direction, **search_theme_strings(lang)}
    config: dict[str, Any] = {
        "INHERIT": os.path.relpath(top_config, config_dir),
        "site_name": ui.message(site_name_message(site_name)),
        "docs_dir": "docs",
        "site_dir": "site",
        "nav": nav,
        # Pages built but left out of the nav on purpose (MkDocs >= 1.6; gitignore-style patterns).
        "not_in_nav": "\n".join(f"/{rel}" for rel in not_in_nav),
        "theme": {
            "language": material_language(lang),
            "custom_dir": str(theme_dir),
            # A list: INHERIT replaces it, so it is only written when it differs from mkdocs.yml's.
            **({"features": list(features)} if features is not None else {}),
        },
        "extra": {
            "alternate": [{"name": item["name"], "link": item["root"] or "./", "lang": item["tag"]} for item in languages],
            "medloc": {
                "lang": lang.tag,
                "languages": languages,
                "site_root": layout.site_url or "",
                "theme": theme_strings,
                # Site texts shown in English (no translation in site.po): the templates mark them lang="en".
                "english": [name for name, key in _CONFIG_TEXTS.items() if ui.shows_english(key)],
                "text": {
                    "disclaimer": ui.text("disclaimer"),
                    "disclaimer_label": ui.text("disclaimer.label"),
                    "notfound_title": ui.text("notfound.title"),
                    "notfound_text": ui.text("notfound.text"),
                    "notfound_home": ui.text("notfound.home"),
                    "languages": ui.text("home.languages"),
                    "palette_dark": ui.text("palette.dark"),
                    "palette_light": ui.text("palette.light"),
                },
            },
        },
    }
    if layout.site_url:
        config["site_url"] = layout.site_url + layout.prefix(lang)
    config.update(settings or {})
    return config


_CONFIG_TEXTS = {
    "disclaimer": "disclaimer",
    "disclaimer_label": "disclaimer.label",
    "notfound_title": "notfound.title",
    "notfound_text": "notfound.text",
    "notfound_home": "notfound.home",
    "languages": "home.languages",
    "palette_dark": "palette.dark",
    "palette_light": "palette.light",
}
"""``extra.medloc.text`` name -> key of the site text in :data:`pipeline.site_i18n.MESSAGES`."""

# --------------------------------------------------------------------------- navigation

NavEntry = str | dict[str, list["NavEntry"]]
"""One item of a MkDocs ``nav``: a page path, or ``{section title: items}``."""

PRUNE = "navigation.prune"


@dataclass(frozen=True, slots=True)
class NavPage:
    """An article as the navigation shows it, in one language."""

    rel: str
    title: str
    """The title shown in this language."""
    section: str = ""
    """Its section title in this language (front matter ``section``), or ``""``."""


def language_nav(
    pages: Sequence[NavPage], *, home: str, limit: int, lang: Language | str | None = None
) -> tuple[list[NavEntry], bool]:
    """The nav of one language, and whether it is grouped into sections.

    Every page of a MkDocs site carries the whole nav, so a flat list of N
    articles makes the site grow as N². Up to ``limit`` articles the nav is that
    flat list (in path order); above it, articles are grouped (by their
    ``section``, else alphabetically into ranges of at most ``limit``, nested
    when there are more than ``limit`` ranges) and the build turns on
    Material's ``navigation.prune``: a page then renders its own section's
    items and one link per other section, at most about ``limit`` per level.
    ``lang`` is the language of the titles: it decides their order
    (:func:`sort_key`); without it only the rules common to all languages apply.
    """
    if len(pages) <= limit:
        return [home, *(page.rel for page in pages)], False
    if not any(page.section for page in pages):
        return [home, *_alphabetical(pages, limit, lang)], True
    sections: dict[str, list[NavPage]] = {}
    for page in pages:
        if page.section:
            sections.setdefault(page.section, []).append(page)
    grouped: list[NavEntry] = [{title: _alphabetical(members, limit, lang)} for title, members in sections.items()]
    return [home, *grouped, *_alphabetical([page for page in pages if not page.section], limit, lang)], True


def nav_titles(nav: Any) -> list[str]:
    """Every title written in a user ``nav`` (sections, pages with a title, links), in order."""
    titles: list[str] = []
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(str(title))
                titles += nav_titles(value)
    return titles


def user_nav(nav: Any, ui: UiTranslations, *, pages: Collection[str]) -> Any:
    """mkdocs.yml's ``nav`` in ``ui``'s language: its order, sections and links kept.

    A title is translated through the ``site`` catalogue (:func:`nav_message`); an
    untranslated title of an article is dropped, so MkDocs shows the article's
    title in this language (its front matter title, translated like the page);
    an untranslated section or link title stays as written.
    """
    if not isinstance(nav, list):
        return nav
    entries: list[Any] = []
    for item in nav:
        if not isinstance(item, dict):
            entries.append(item)
            continue
        for title, value in item.items():
            translated = str(title) in ui.entries
            if isinstance(value, list):
                entries.append({ui.message(nav_message(str(title))): user_nav(value, ui, pages=pages)})
            elif not translated and isinstance(value, str) and value in pages:
                entries.append(value)
            else:
                entries.append({ui.message(nav_message(str(title))): value})
    return entries


def with_prune(features: Sequence[str]) -> list[str]:
    """mkdocs.yml's ``theme.features`` plus ``navigation.prune``."""
    return [*features, PRUNE] if PRUNE not in features else list(features)


def _alphabetical(pages: Sequence[NavPage], limit: int, lang: Language | str | None = None) -> list[NavEntry]:
    """``pages`` as they are if at most ``limit``, else sorted by title into ranges."""
    if len(pages) <= limit:
        return [page.rel for page in pages]
    return _ranges(sorted(pages, key=lambda page: (sort_key(page.title, lang), page.rel)), limit, lang)


def _ranges(pages: Sequence[NavPage], limit: int, lang: Language | str | None = None) -> list[NavEntry]:
    if len(pages) <= limit:
        return [page.rel for page in pages]
    size = limit
    while -(-len(pages) // size) > limit:
        size *= limit
    count = -(-len(pages) // size)
    # Even sizes (41 articles at limit 40: 21 + 20, not 40 + 1).
    bounds = [len(pages) * index // count for index in range(count + 1)]
    groups = [pages[start:end] for start, end in zip(bounds, bounds[1:])]
    return [{_range_title(groups, index, lang): _ranges(group, limit, lang)} for index, group in enumerate(groups)]


def _range_title(groups: Sequence[Sequence[NavPage]], index: int, lang: Language | str | None = None) -> str:
    """Guide words, as at the top of a dictionary page: ``Back – Hip``."""
    group = groups[index]
    # Each end is told apart from its neighbour across the boundary and from the range's other end,
    # so the two words are in the order of the pages (not 第9 – 第 for 第9章 … 第10章).
    before = [groups[index - 1][-1].title] if index > 0 else []
    after = [groups[index + 1][0].title] if index + 1 < len(groups) else []
    first = _guide_word(group[0].title, *before, group[-1].title, lang=lang) or "…"
    last = _guide_word(group[-1].title, *after, group[0].title, lang=lang) or "…"
    return first if first == last else f"{first} – {last}"


def _guide_word(title: str, *neighbours: str, lang: Language | str | None = None) -> str:
    """The start of ``title`` that tells it from each of ``neighbours``, to the end of a word when words are spaced.

    Titles are compared as they are sorted (:func:`fold_title`: ``Éte`` agrees
    with ``ete``, a leading quote is skipped), so the guide words of a range
    never contradict the order of its pages; the words shown are the title's own.
    """
    title, code = unicodedata.normalize("NFC", title), _collation(lang)
    pieces = _folded_pieces(title, code)
    if not any(pieces):
        return title.strip()  # nothing in it is sorted on (see fold_title): the whole title is its place
    same = max((_agreeing(pieces, _folded(other, code)) for other in neighbours), default=0)
    if " " not in title.strip() and any(_unspaced(ch) for ch in title):
        # Chinese, Japanese: up to the distinguishing character (and the rest of a number: 第10, not 第1).
        return _trim(title[: _past_digits(title, _past_letter(pieces, same))]) or title.strip()
    end = title.find(" ", same + 1)
    return _trim(title if end < 0 else title[:end]) or title.strip()


def _agreeing(pieces: Sequence[str], other: str) -> int:
    """How many characters of a title (given folded, one piece per character) agree with the folded ``other``."""
    done = ""
    for index, piece in enumerate(pieces):
        if not other.startswith(done + piece):
            return index
        done += piece
    return len(pieces)


def _past_letter(pieces: Sequence[str], start: int) -> int:
    """End of the first character from ``start`` on that counts in the order (not a skipped mark)."""
    for index in range(start, len(pieces)):
        if pieces[index]:
            return index + 1
    return len(pieces)


def _past_digits(title: str, end: int) -> int:
    while 0 < end < len(title) and title[end - 1].isdecimal() and title[end].isdecimal():
        end += 1
    return end


def _trim(word: str) -> str:
    """``word`` without punctuation or spaces around it (``“Back`` -> ``Back``)."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start])[0] in "PZ":
        start += 1
    while end > start and unicodedata.category(word[end - 1])[0] in "PZ":
        end -= 1
    return word[start:end]


def _unspaced(ch: str) -> bool:
    """A character of a script written without spaces between words (CJK ideographs, kana), not Hangul."""
    return ch >= "\u2e80" and not ("\u3130" <= ch <= "\u318f" or "\uac00" <= ch <= "\ud7a3")


# --------------------------------------------------------------------------- order of titles


@dataclass(frozen=True, slots=True)
class Collation:
    """How readers of one language expect titles to be ordered, beyond the rules common to all.

    Rules common to all languages (:func:`fold_title`): case and accents are
    ignored (``É`` with ``E``); punctuation is skipped wherever it is
    (``“Back pain”`` under B, ``X-ray`` with ``Xray``), and so are symbols and
    spaces before the first letter or after the last; katakana sorts with
    hiragana (``カ`` with ``か``; voiced kana with unvoiced, the first level of
    a Japanese dictionary's order); digits of any script are read as numbers
    in the order of their values (``2 weeks`` before ``10 weeks``, ``٣`` is 3),
    numbers before letters. After folding, titles are compared by code point,
    which is dictionary order for:

    - Hangul: the syllables are encoded in the order of South Korean
      dictionaries (ㄱ ㄲ ㄴ ㄷ …, then vowel, then final), so no rule is needed;
    - CJK ideographs: radical-and-stroke order of the Unicode tables, the order
      of a character dictionary. Readings (pinyin, on/kun) would need data that
      is not available offline, so Chinese and Japanese titles in kanji are not
      in reading order; kana titles are (gojūon order);
    - Arabic: the basic letters are encoded in hijāʾī order (ا ب ت ث …);
      :data:`COLLATIONS` folds the variants onto them.

    Languages whose alphabet has letters that are not their base letter with
    an accent (Polish ł after l, Vietnamese â after ă after a, Persian گ after
    ک), or whose order differs from the code points (Ukrainian і ї after и,
    Persian و before ه), say so in :data:`COLLATIONS`: a letter in ``after``
    sorts after every word of its base letter and before the next letter,
    wherever it stands in the word, with the tone or accent marks that are not
    part of it folded away (Vietnamese ầ is â). Thai and Lao write some vowels
    before the consonant they follow in speech (เ แ โ ใ ไ): dictionaries file
    the word under the consonant, so such a vowel is compared after it.

    Not attempted: ignoring the Arabic article ال (the same letters begin
    words such as التهاب, inflammation, which must sort under ا), and digraphs
    that are letters (Czech ch, Welsh ll); add them to a :class:`Collation` when
    a configured language needs them.
    """

    keep: frozenset[str] = frozenset()
    """Letters of their own, not their base letter plus an accent (Russian й after и)."""
    replace: Mapping[str, str] = field(default_factory=dict)
    """Letters filed under another letter (Russian ё under е)."""
    ignore: frozenset[str] = frozenset()
    """Characters that do not count at all (Arabic tatweel)."""
    after: Mapping[str, str] = field(default_factory=dict)
    """Letters filed right after a base letter (Polish ł after l); several after one base, in this order."""
    preposed: frozenset[str] = frozenset()
    """Vowels written before the consonant they are compared after (Thai เ แ โ ใ ไ)."""


COLLATIONS: Mapping[str, Collation] = {
    # Russian dictionaries file ё under е (in code point order ё comes after я); й is a letter after и.
    "ru": Collation(keep=frozenset("й"), replace={"ё": "е"}),
    # Alef with hamza or madda (أ إ آ) loses its mark with the other accents; alef wasla ٱ, ta marbuta
    # and alef maqsura are filed as a reader looks them up; tatweel only stretches a word, harakat are marks.
    "ar": Collation(replace={"ٱ": "ا", "ة": "ه", "ى": "ي"}, ignore=frozenset("\u0640")),
    # Persian: پ چ ژ گ are letters (after ب ج ز ک), ک and گ come after ق, و before ه; Arabic ك ي typed
    # on an Arabic keyboard are the Persian letters; the zero-width non-joiner only shapes a word.
    "fa": Collation(
        replace={"ٱ": "ا", "ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه"},
        ignore=frozenset("\u0640\u200c"),
        after={"پ": "ب", "چ": "ج", "ژ": "ز", "ک": "ق", "گ": "ق", "ه": "و"},
    ),
    "pl": Collation(after={"ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"}),
    # Ukrainian: ґ after г, є after е, then и і ї й (code points put ґ є і ї after я).
    "uk": Collation(after={"ґ": "г", "є": "е", "і": "и", "ї": "и", "й": "и"}),
    # Vietnamese: ă â ê ô ơ ư đ are letters; the five tone marks do not count at the first level.
    "vi": Collation(after={"ă": "a", "â": "a", "đ": "d", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}),
    "th": Collation(preposed=frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")),
    "lo": Collation(preposed=frozenset("\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")),
    "es": Collation(after={"ñ": "n"}),
    "sv": Collation(after={"å": "z", "ä": "z", "ö": "z"}),
    "fi": Collation(after={"å": "z", "ä": "z", "ö": "z"}),
    "da": Collation(after={"æ": "z", "ø": "z", "å": "z"}),
    "nb": Collation(after={"æ": "z", "ø": "z", "å": "z"}),
    "nn": Collation(after={"æ": "z", "ø": "z", "å": "z"}),
}
_AFTER = 0x10FFF0
"""Code point of the first mark after a base letter (``after``): beyond every letter, so ł sorts after lz."""
_COMMON = Collation()
_NUMBER = re.compile(r"[0-9]+")
_NUMBER_WIDTH = 20


def sort_key(title: str, lang: Language | str | None = None) -> str:
    """Order of titles for readers of ``lang`` (see :class:`Collation`): numbers by value, then letters."""
    return _NUMBER.sub(lambda match: match.group().lstrip("0").rjust(_NUMBER_WIDTH, "0"), fold_title(title, lang))


def fold_title(title: str, lang: Language | str | None = None) -> str:
    """``title`` as it is compared: case, accents and punctuation gone, letters folded for ``lang``."""
    # A title of punctuation only still has a place (by code point), the one its guide word (itself) has.
    return _folded(title, _collation(lang)) or unicodedata.normalize("NFC", title).strip().casefold()


def _folded(title: str, code: str) -> str:
    return "".join(_folded_pieces(unicodedata.normalize("NFC", title), code))


def _collation(lang: Language | str | None) -> str:
    """The key of ``lang``'s :class:`Collation` in :data:`COLLATIONS` ("" for the common rules only)."""
    code = lang.code if isinstance(lang, Language) else (lang or "")
    primary = code.replace("-", "_").split("_")[0].lower()
    return primary if primary in COLLATIONS else ""


def _folded_pieces(title: str, code: str) -> list[str]:
    """One folded string per character of an NFC ``title`` ("" for one that does not count)."""
    pieces = [_fold_char(ch, code) for ch in title]
    preposed = COLLATIONS.get(code, _COMMON).preposed
    if preposed:
        for index in range(len(title) - 1):
            if title[index] in preposed:
                pieces[index], pieces[index + 1] = pieces[index + 1], pieces[index]
    # Symbols and spaces around the title do not count either (inside, a space separates words).
    for indexes in (range(len(title)), range(len(title) - 1, -1, -1)):
        for index in indexes:
            if unicodedata.category(title[index])[0] not in "PSZC" and pieces[index]:
                break
            pieces[index] = ""
    _drop_leading_zeros(pieces)
    return pieces


def _drop_leading_zeros(pieces: list[str]) -> None:
    """``007`` is read as ``7``, as :func:`sort_key` orders it, so guide words agree with the order.

    Numbers are runs of digits in the folded title (punctuation already gone: ``1.05`` is 105).
    """
    counted = [index for index, piece in enumerate(pieces) if piece]
    for position, index in enumerate(counted):
        before = pieces[counted[position - 1]] if position > 0 else ""
        after = pieces[counted[position + 1]] if position + 1 < len(counted) else ""
        if pieces[index] == "0" and not before[-1:].isdecimal() and after[:1].isdecimal():
            pieces[index] = ""


@lru_cache(maxsize=8192)
def _fold_char(ch: str, code: str) -> str:
    rules = COLLATIONS.get(code, _COMMON)
    if unicodedata.category(ch)[0] == "P":
        return ""  # X-ray with Xray, "Back, pain" with "Back pain": punctuation is not looked up
    lower = ch.casefold()
    if lower in rules.keep:
        return lower
    if lower in rules.ignore:
        return ""
    lower = rules.replace.get(lower, lower)
    if rules.after:
        letter = _letter_of(lower, rules)
        if letter in rules.after:
            base = rules.after[letter]
            rank = [other for other, of in rules.after.items() if of == base].index(letter)
            return _fold_char(base, code) + chr(_AFTER + rank)
    decomposed = unicodedata.normalize("NFKD", lower)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    letters = "".join(_fold_letter(c, rules) for c in letters)
    return unicodedata.normalize("NFC", letters)  # Hangul: the syllable again, not its jamo


def _letter_of(ch: str, rules: Collation) -> str:
    """``ch`` without the marks that make no letter of ``rules.after`` (Vietnamese ầ -> â, ọ -> o)."""
    base, *marks = unicodedata.normalize("NFD", ch)
    for mark in marks:
        joined = unicodedata.normalize("NFC", base + mark)
        if joined in rules.after:
            base = joined
    return base


def _fold_letter(ch: str, rules: Collation) -> str:
    if "\u30a1" <= ch <= "\u30f6":
        return chr(ord(ch) - 0x60)  # katakana -> hiragana
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)  # ٣, ३ -> 3
    return "" if ch in rules.ignore else rules.replace.get(ch, ch)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes :class:`Tagged` values back with their tag."""


def _represent_tagged(dumper: Any, data: Tagged) -> yaml.Node:
    if data.kind == "mapping":
        return dumper.represent_mapping(data.tag, data.value)
    if data.kind == "sequence":
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(Tagged, _represent_tagged)


def write_config(path: Path, config: dict[str, Any]) -> bool:
    text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)
    return write_generated(path, "# Generated by `medloc build`; edit mkdocs.yml or the catalogues instead.\n" + text)
