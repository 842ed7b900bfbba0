"""Hypothesis strategies for Markdown articles (shared by the segmentation and apply tests).

``articles()`` builds documents from the constructs the site uses (front matter,
headings, paragraphs, nested lists, quotes, tables, admonitions, images, code,
steering comments) with inline markup and escapes that are easy to get wrong.
``markdownish()`` is unstructured text over Markdown's special characters: the
segmenter must either refuse it with a MarkdownError or obey the laws on it.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

_WORDS = [
    "spine", "disc", "MRI", "stem", "cells", "2–3", "₩1,200,000", "“quoted”", "non‑breaking", "Korea",
    "한국어", "日本語", "e.g.", "(a)", "50%", "&amp;", "a_b", "C\\#", "1986\\.", "\\*", "\\|", "x<y", "⟦", "café",
    "it's", "\"", "!", "a:b", "\\\\",
]
_URLS = ["https://example.org/a", "b.md", "#section", "c.md#part", "https://example.org/a?b=1&c=2"]
_PLAIN = [w.strip("\\") or "w" for w in _WORDS]
_PIECES = (
    _WORDS
    + [f"**{w}**" for w in _PLAIN]
    + [f"*{w}*" for w in _PLAIN]
    + [f"`{w}`" for w in _PLAIN]
    + [f"[{w}]({url})" for w in _PLAIN[:8] for url in _URLS]
)
PIECES = st.sampled_from(_PIECES)


def lines() -> st.SearchStrategy[str]:
    return st.lists(PIECES, min_size=1, max_size=4).map(" ".join)


def cells() -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), lines().map(lambda s: s.replace("|", "\\|").replace("\\\\|", "\\|")))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    parts = draw(st.lists(lines(), min_size=1, max_size=3))
    glue = draw(st.sampled_from(["\n", "  \n"]))
    return glue.join(parts)


@st.composite
def heading(draw: st.DrawFn) -> str:
    text = draw(lines())
    if draw(st.booleans()):
        return f"{text}\n{draw(st.sampled_from(['===', '---']))}"
    suffix = draw(st.sampled_from(["", " { #custom-id }", " ##"]))
    return f"{'#' * draw(st.integers(1, 6))} {text}{suffix}"


@st.composite
def bullet_list(draw: st.DrawFn, depth: int = 0) -> str:
    marker = draw(st.sampled_from(["-", "*", "+", "1."]))
    items = []
    for _ in range(draw(st.integers(1, 3))):
        item = f"{marker} {draw(lines())}"
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            nested = draw(bullet_list(depth + 1))
            item += "\n" + "\n".join("    " + line if line else "" for line in nested.split("\n"))
        items.append(item)
    return "\n".join(items)


@st.composite
def blockquote(draw: st.DrawFn) -> str:
    return "\n".join(f"> {line}" for line in draw(st.lists(lines(), min_size=1, max_size=3)))


@st.composite
def table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 3))
    rows = [draw(st.lists(lines().map(lambda s: s.replace("\\|", "/").replace("|", "/")), min_size=columns, max_size=columns))]
    rows += draw(st.lists(st.lists(cells(), min_size=columns, max_size=columns), min_size=1, max_size=3))
    delimiter = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", ":-:"])) for _ in range(columns)) + "|"
    body = ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([body[0], delimiter, *body[1:]])


@st.composite
def admonition(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["note", "warning", "tip"]))
    title = draw(st.sampled_from(["", ' "Please note"', ' ""', ' "A “quoted” title"']))
    body = draw(paragraph()).replace("\n", "\n    ")
    return f"!!! {kind}{title}\n    {body}"


@st.composite
def steered(draw: st.DrawFn) -> str:
    comment = draw(st.sampled_from(["<!-- i18n: skip -->", "<!-- i18n: note Keep it short. -->", "<!-- i18n: context menu -->"]))
    return f"{comment}\n{draw(paragraph())}"


BLOCKS = st.one_of(
    paragraph(),
    heading(),
    bullet_list(),
    blockquote(),
    table(),
    admonition(),
    steered(),
    lines().map(lambda alt: f"![{alt.replace('[', '').replace(']', '').strip(chr(92))}](img.png \"Title\")"),
    st.just("```\ncode | not *translated*\n```"),
    st.just("    indented code"),
)


@st.composite
def articles(draw: st.DrawFn) -> str:
    front = ""
    if draw(st.booleans()):
        title, description = draw(lines()), draw(lines())
        front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\nlang: en\n---\n\n"
    blocks = draw(st.lists(BLOCKS, min_size=1, max_size=6))
    return front + "\n\n".join(blocks) + "\n"


def markdownish() -> st.SearchStrategy[str]:
    return st.text(alphabet="ab #*-+>|`\\[]()!:\n=_<{}1.\t\"'⟦", max_size=120)
