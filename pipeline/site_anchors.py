"""Heading anchors that survive translation.

Headings get readable Unicode ids (``toc`` with ``slugify_unicode``), so a
translated heading gets a translated id: ``## Causes`` is ``#causes`` in
English and ``## 원인`` is ``#원인`` in Korean. A link written in a source
(``[see](#causes)``, ``other.md#causes``) names the source's id; in every
language's tree it must name that language's id. Since a translation keeps
the headings of its source in order (the translate step refuses new ones),
the n-th heading id of the source maps to the n-th heading id of the page.

Ids are computed like Python-Markdown's ``toc``: attribute-list ``{#id}``
wins, else the rendered heading text without tags is slugified and made
unique with ``_1``, ``_2``. ``mkdocs build --strict`` (``validation.anchors``)
checks the result, so a divergence shows up as a build warning, not a silent
broken link.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from urllib.parse import unquote

from markdown.extensions.toc import slugify_unicode, unique
from markdown_it import MarkdownIt

# Blocks only (inline parsing of every paragraph is most of the cost); headings are
# rendered inline one by one with a full parser.
_BLOCKS = MarkdownIt("commonmark").enable("table").disable("inline")
_MD = MarkdownIt("commonmark").enable("table")
# A link to a fragment, inline or as a reference definition: two patterns, each starting with
# a literal or a line start (one alternation was tried at every character: 0.1 ms a page).
_FRAGMENT_INLINE = re.compile(r"\]\(\s*<?[^)\s>]*#")
_FRAGMENT_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?\S*#", re.M)
_ATTR_ID = re.compile(r"\s*\{[^{}]*#([\w\-:.]+)[^{}]*\}\s*$")
_TAG = re.compile(r"<[^>]*>")
_INLINE_DEST = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^\s)]+)")
_REF_DEST = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.M)

IdMap = Mapping[str, str]


def heading_ids(body: str) -> list[str]:
    """Ids of the headings of a Markdown body (no front matter), in order."""
    tokens = _BLOCKS.parse(body)
    seen: set[str] = set()
    ids = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        content = tokens[index + 1].content
        explicit = _ATTR_ID.search(content)
        if explicit:
            ids.append(explicit.group(1))
            seen.add(explicit.group(1))
            continue
        text = html.unescape(_TAG.sub("", _MD.renderInline(content)))
        ids.append(unique(slugify_unicode(text, "-"), seen))
    return ids


def has_fragment_links(text: str) -> bool:
    """Whether a Markdown text links to an anchor at all (else nothing needs rewriting)."""
    return _FRAGMENT_INLINE.search(text) is not None or _FRAGMENT_REFERENCE.search(text) is not None


def id_map(source_ids: list[str], page_ids: list[str]) -> dict[str, str]:
    """Source id -> page id, for the ids that differ (empty if the headings do not line up)."""
    if len(source_ids) != len(page_ids):
        return {}
    return {old: new for old, new in zip(source_ids, page_ids) if old != new}


def rewrite_fragments(body: str, page_rel: str, maps: Mapping[str, IdMap]) -> str:
    """Point ``#fragment`` links of the page at ``page_rel`` to the ids of this language.

    ``maps``: page path in docs/ -> (source id -> this language's id).
    """

    def destination(match: re.Match[str]) -> str:
        return match.group(1) + _rewrite(match.group(2), page_rel, maps)

    body = _INLINE_DEST.sub(destination, body)
    return _REF_DEST.sub(destination, body)


def _rewrite(dest: str, page_rel: str, maps: Mapping[str, IdMap]) -> str:
    bracketed = dest.startswith("<") and dest.endswith(">")
    raw = dest[1:-1] if bracketed else dest
    path, sep, fragment = raw.partition("#")
    if not sep or "://" in path or path.startswith(("/", "mailto:")):
        return dest
    target = page_rel if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    new = maps.get(target, {}).get(unquote(fragment))
    if new is None:
        return dest
    rebuilt = f"{path}#{new}"
    return f"<{rebuilt}>" if bracketed else rebuilt
