"""Python-Markdown's ``abbr`` extension with word boundaries that hold in every script.

Material's abbreviation glossary (``*[MRI]: Magnetic resonance imaging``, often
appended to every page by pymdownx.snippets) marks each ``MRI`` in a page with
``<abbr title>``. Python-Markdown finds them with ``\\b``, a boundary between a
word character and another character. In Korean, Japanese and Chinese the
abbreviation is followed by a letter of another script with no space
(``MRI로``, ``MRIで``, ``MRI检查``): no ``\\b`` there, so the tooltip is lost in
most sentences of those pages.

Here an abbreviation starting or ending with a Latin letter or digit only needs
no Latin letter, digit or ``_`` next to it on that side (``MRIs`` is still not
``MRI``; ``MRI로`` is); one starting or ending with another character keeps
``\\b`` on that side, as before. Everything else is Python-Markdown's extension.

The build puts ``pipeline.md_abbr`` in place of ``abbr`` in the ``markdown_extensions``
of the languages it translates into (:func:`with_script_boundaries`); the source
language's site stays what plain ``mkdocs build`` makes.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

NAME = "pipeline.md_abbr"
ABBR_NAMES = ("abbr", "markdown.extensions.abbr")
"""How mkdocs.yml names Python-Markdown's ``abbr``."""
_LATIN = "0-9A-Za-z_\u00c0-\u024f"
_LATIN_CHAR = re.compile(f"[{_LATIN}]")


def bounded(key: str) -> str:
    """A regex for ``key`` as a whole abbreviation (see the module docstring)."""
    before = f"(?<![{_LATIN}])" if _LATIN_CHAR.fullmatch(key[:1]) else r"\b"
    after = f"(?![{_LATIN}])" if _LATIN_CHAR.fullmatch(key[-1:]) else r"\b"
    return f"{before}{re.escape(key)}{after}"


class ScriptAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root: Any) -> Any:
        if not self.abbrs:
            return None
        keys = sorted(self.abbrs, key=len, reverse=True)  # the longest first, as Python-Markdown does
        self.RE = re.compile("|".join(bounded(key) for key in keys))
        self.iter_element(root)
        return None


class ScriptAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(ScriptAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs: Any) -> ScriptAbbrExtension:  # noqa: N802 - Python-Markdown's name
    return ScriptAbbrExtension(**kwargs)


def with_script_boundaries(extensions: list[Any]) -> list[Any]:
    """``markdown_extensions`` of mkdocs.yml with ``abbr`` (and its options) as :data:`NAME`."""
    changed = copy.deepcopy(extensions)
    for index, item in enumerate(changed):
        if isinstance(item, str) and item in ABBR_NAMES:
            changed[index] = NAME
        elif isinstance(item, dict) and len(item) == 1 and next(iter(item)) in ABBR_NAMES:
            changed[index] = {NAME: next(iter(item.values()))}
    return changed

