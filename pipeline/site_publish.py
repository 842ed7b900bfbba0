"""Put the built languages into ``site/`` and write one sitemap for all of them.

A full build is assembled next to ``site/`` and swapped in with two renames,
so a failed or interrupted build leaves the previous site untouched. A build
of some languages (``--lang``) replaces only those languages' folders (for
the source language: the root files, not the other languages' folders).

The root ``sitemap.xml`` lists every page in every language with
``xhtml:link`` alternates (Google's format for multilingual sites); each language
folder has the sitemap of its own pages (Material's JavaScript reads it). Sitemaps
need absolute URLs: set ``site_url`` in mkdocs.yml (or ``[tool.medloc.site]
url``); without it the ``<loc>`` values are root-relative paths.
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .fsio import write_bytes_atomic, write_text_atomic
from .languages import Language
from .site_config import SiteLayout


def publish(built: Mapping[str, Path], layout: SiteLayout, site_dir: Path, *, complete: bool) -> None:
    """Move each language's built site (``lang code -> folder``) into ``site_dir``."""
    by_code = {lang.code: lang for lang in layout.languages}
    if complete:
        _swap_in(built, layout, site_dir, by_code)
        return
    for code, folder in built.items():
        lang = by_code[code]
        if code == layout.source.code:
            _replace_root(folder, site_dir, keep={other.tag for other in layout.languages})
        else:
            _replace_dir(folder, site_dir / lang.tag)


def _swap_in(built: Mapping[str, Path], layout: SiteLayout, site_dir: Path, by_code: Mapping[str, Language]) -> None:
    staging = site_dir.with_name(f".{site_dir.name}.new")
    old = site_dir.with_name(f".{site_dir.name}.old")
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    root = built.get(layout.source.code)
    if root is not None:
        root.rename(staging)
    else:
        staging.mkdir(parents=True)
    for code, folder in built.items():
        if code != layout.source.code:
            folder.rename(staging / by_code[code].tag)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _replace_dir(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _replace_root(new: Path, site_dir: Path, *, keep: set[str]) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in site_dir.iterdir():
        if entry.name in keep:
            continue
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for entry in new.iterdir():
        if entry.name not in keep:
            entry.rename(site_dir / entry.name)
    shutil.rmtree(new, ignore_errors=True)


def write_sitemap(site_dir: Path, layout: SiteLayout, page_urls: Iterable[str]) -> None:
    """``site/sitemap.xml`` (+ ``.gz``): every page in every language, with alternates; and in each
    language folder that exists, the sitemap of that language's pages (in place of MkDocs' own,
    which lists the status page).

    Material's JavaScript fetches ``sitemap.xml`` at the base of the page's language (instant
    navigation follows only the links it lists) and next to each ``hreflang`` alternate: without
    the language sitemaps those requests were answered 404 with the 16 KB error page.
    """
    urls = list(page_urls)
    _write(site_dir, _sitemap(layout, urls, layout.languages))
    for lang in layout.languages:
        folder = site_dir / lang.tag
        if lang.code != layout.source.code and folder.is_dir():
            _write(folder, _sitemap(layout, urls, [lang]))


def _sitemap(layout: SiteLayout, page_urls: list[str], langs: Iterable[Language]) -> str:
    """The pages of ``langs``, each with its alternates in every language (Google's format)."""
    base = layout.site_url or "/"
    shown = list(langs)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url in page_urls:
        alternates = [(lang.tag, base + layout.prefix(lang) + url) for lang in layout.languages]
        alternates.append(("x-default", base + layout.prefix(layout.source) + url))
        links = "".join(
            f'\n    <xhtml:link rel="alternate" hreflang={quoteattr(tag)} href={quoteattr(href)}/>' for tag, href in alternates
        )
        for lang in shown:
            lines.append(f"  <url>\n    <loc>{escape(base + layout.prefix(lang) + url)}</loc>{links}\n  </url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def _write(folder: Path, text: str) -> None:
    write_text_atomic(folder / "sitemap.xml", text)
    write_bytes_atomic(folder / "sitemap.xml.gz", gzip.compress(text.encode("utf-8"), mtime=0))
