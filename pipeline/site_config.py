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
can build these folders.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic, InputError, Location
from .fsio import read_text
from .languages import Language
from .site_cache import write_generated
from .site_i18n import UiTranslations, site_name_message
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


def read_top_config(path: Path) -> dict[str, Any]:
    """The project's mkdocs.yml, read safely: python tags are kept as text, never run."""

    class _Loader(yaml.SafeLoader):
        pass

    def keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> str:
        return f"{node.tag}"

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", keep)
    _Loader.add_multi_constructor("!", keep)
    try:
        data = yaml.load(read_text(path), Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", Location(str(path), mark.line + 1 if mark else None)) from None
    if not isinstance(data, dict):
        raise InputError("expected a mapping of MkDocs settings", Location(str(path), 1))
    return data


def prepare_theme(out_dir: Path) -> tuple[Path, list[Diagnostic]]:
    """medloc's theme overrides plus patched copies of two Material templates.

    Some lines cannot be reached through template blocks: ``dir`` belongs on
    ``<html>`` (Material puts it on ``<body>`` only), the search worker's hashed
    name is written in base.html, and the search dialog has no accessible name.
    They are patched (:data:`_PATCHES`) from the installed Material at build
    time, which keeps asset hashes right across Material upgrades; a line that
    is no longer found is reported and the build goes on without that patch.
    """
    from material import templates

    diagnostics: list[Diagnostic] = []
    for source in sorted(THEME_DATA.rglob("*")):
        if source.is_file():
            _copy(source, out_dir / source.relative_to(THEME_DATA))
    material = Path(templates.__file__).parent
    for name in sorted({patch.template for patch in _PATCHES}):
        text = (material / name).read_text(encoding="utf-8")
        for patch in (p for p in _PATCHES if p.template == name):
            text, found = patch.pattern.subn(patch.replacement, text, count=1)
            if not found:
                diagnostics.append(Diagnostic(Location(str(material / name)), patch.missing, code="site-theme"))
        write_generated(out_dir / name, text)
    return out_dir, diagnostics


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
    """Copy only when the bytes differ, so `serve` does not see a change."""
    data = source.read_bytes()
    if not target.is_file() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def material_language(lang: Language) -> str:
    """``theme.language`` Material has a translation for (else English UI)."""
    from material import templates

    folder = Path(templates.__file__).parent / "partials" / "languages"
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
    nav: list[str],
    site_name: str,
    not_in_nav: Sequence[str] = (),
) -> dict[str, Any]:
    """The mapping written to ``build/medloc/<lang>/mkdocs.yml``."""
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
        "theme": {"language": material_language(lang), "custom_dir": str(theme_dir)},
        "extra": {
            "alternate": [{"name": item["name"], "link": item["root"] or "./", "lang": item["tag"]} for item in languages],
            "medloc": {
                "lang": lang.tag,
                "languages": languages,
                "site_root": layout.site_url or "",
                "theme": theme_strings,
                "text": {"disclaimer": ui.text("disclaimer"), "disclaimer_label": ui.text("disclaimer.label")},
            },
        },
    }
    if layout.site_url:
        config["site_url"] = layout.site_url + layout.prefix(lang)
    return config


def write_config(path: Path, config: dict[str, Any]) -> bool:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096)
    return write_generated(path, "# Generated by `medloc build`; edit mkdocs.yml or the catalogues instead.\n" + text)
