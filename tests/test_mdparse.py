"""The segmentation parser: markdown-it's blocks, with offsets, found faster.

``pipeline.mdparse`` puts one dispatching rule first in markdown-it's block chain:
it tries only the rules a line's first character allows and records source offsets.
These laws hold it to markdown-it's own chain (the same parser with the dispatcher
switched off): the same tokens on any input, rules skipped only where markdown-it's
own rule would have said no, and offsets that point at what they claim to.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from pipeline import mdparse
from tests.laws import examples
from tests.markdown_strategies import articles, markdownish

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ("start", "span", "marker", "end")

TRICKY = [
    "",
    "\n\n",
    "text\n    not code: lazy continuation\n",
    "    code\n\tcode with a tab\n\n  - item\n\n        code in an item\n",
    "- a\n\n      indented code in an item\n- b\n",
    "> quote\n> - item\n>   more\n>\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
    "1. one\n2) two\n10. ten\n\n+ plus\n* star\n- dash\n",
    "***\n___\n- - -\n* * *\n",
    "Setext\n===\n\nSetext 2\n---\n\n# ATX #\n####### seven\n#no space\n",
    "<div>\nhtml\n</div>\n\n<!-- i18n: skip -->\n<span>inline start</span> text\n",
    "[ref]: https://example.org \"Title\"\n[^1]: A footnote.\n*[MRI]: magnetic resonance imaging\n",
    "!!! note \"Title\"\n    Body.\n\n??? warning\n    Hidden.\n\n=== \"Tab\"\n    Tab body.\n",
    "```\nfence\n```\n~~~ info\nfence\n~~~\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\nparagraph after a table\n",
    "a\n| b |\n|---|\n",
    "\u00a0nbsp start\n\u3000ideographic space\n\ttab start\n",
    "- [ ] task\n- [x] done\n\n12345678901. too long\n",
    "===\n!!!\n???\n!!! \n=== x\n",
]


def _reference_parser() -> MarkdownIt:
    """The same parser with the dispatcher off: markdown-it runs its own chain."""
    md = mdparse._build()
    md.block.ruler.disable(mdparse.DISPATCH)
    md.disable(["inline", "text_join"])
    return md


REFERENCE = _reference_parser()


def _shape(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (t.type, t.tag, t.nesting, t.level, t.map, t.content, t.markup, t.info, t.hidden,
         {k: v for k, v in (t.meta or {}).items() if k not in RECORDED})
        for t in tokens
        if t.type != "reference"  # the marker token of a reference definition, pushed by the recorder
    ]


def _same_as_markdown_it(source: str) -> None:
    assert _shape(mdparse.parse_blocks(source)) == _shape(REFERENCE.parse(source))


def test_tricky_documents_parse_as_markdown_its_own_chain() -> None:
    for source in TRICKY:
        _same_as_markdown_it(source)


def test_the_project_and_the_golden_articles_parse_as_markdown_its_own_chain() -> None:
    paths = [*sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "tests" / "segment").rglob("*.md"))]
    assert len(paths) > 10
    for path in paths:
        _same_as_markdown_it(path.read_text(encoding="utf-8"))


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(articles(), markdownish()))
def test_any_document_parses_as_markdown_its_own_chain(source: str) -> None:
    _same_as_markdown_it(source)


_FIRSTS = "abcXYZ0123456789#*-+_=!?~`>[]<|:.()\\&'\"%^한日Ωé€"
# Rests of lines that open a block after the right first character (". item" after "1",
# "__" after "_", "div>" after "<" ...), so every rule meets lines it would accept.
_OPENING_RESTS = [
    ". item", ") item", " item", "__", "**", "--", "``\ncode\n```", "~~\ncode\n~~~", "!! note",
    "?? note", '?? note "T"', '== "Tab"\n    body', " quote", "^1]: note", "ref]: /url", "[MRI]: x",
    "MRI]: magnetic", "div>\ntext", "!-- c -->", " Heading", "# Heading", "0. zero", "",
]


def _opens(name: str, source: str) -> bool:
    md = mdparse.block_parser()
    rule = dict(zip(md.block.ruler.get_active_rules(), md.block.ruler.getRules("")))[name]
    state = StateBlock(source, md, {}, [])
    return rule(state, 0, state.lineMax, False)


def _refused_where_skipped(name: str, first: str, rest: str) -> None:
    if first not in mdparse.FIRST_CHARACTERS[name]:
        assert not _opens(name, first + rest), f"{name} opens a block at {first + rest!r}"


def test_a_rule_is_skipped_only_where_it_would_refuse_the_line() -> None:
    """Each rule the dispatcher leaves out for a first character returns False there itself:
    every rule, first character and opening rest above."""
    opened = set()
    for name in mdparse.FIRST_CHARACTERS:
        for first in _FIRSTS:
            for rest in _OPENING_RESTS:
                _refused_where_skipped(name, first, rest)
                if first in mdparse.FIRST_CHARACTERS[name] and _opens(name, first + rest):
                    opened.add(name)
    assert opened == set(mdparse.FIRST_CHARACTERS)  # the rests do open a block of every kind


@settings(max_examples=examples(300), deadline=None)
@given(st.sampled_from(sorted(mdparse.FIRST_CHARACTERS)), st.sampled_from(_FIRSTS),
       st.text(alphabet="ab #*-+>|`\\[]()!:\n=_<{}1.\t\"^?~", max_size=60))
def test_a_rule_is_skipped_only_where_it_would_refuse_any_line(name: str, first: str, rest: str) -> None:
    _refused_where_skipped(name, first, rest)


def test_every_rule_the_table_names_is_in_the_chain() -> None:
    names = set(mdparse.block_parser().block.ruler.get_active_rules())
    assert set(mdparse.FIRST_CHARACTERS) <= names
    assert mdparse.block_parser().block.ruler.get_active_rules()[0] == mdparse.DISPATCH


@settings(max_examples=examples(200), deadline=None)
@given(articles())
def test_recorded_offsets_point_at_the_source(source: str) -> None:
    body = source.split("\n---\n", 1)[1] if source.startswith("---\n") else source
    for index, token in enumerate(tokens := mdparse.parse_blocks(body)):
        if token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            first_line = token.content.split("\n", 1)[0]
            assert body.startswith(first_line, token.meta["start"]), (token.content, token.meta)
        elif token.type == "list_item_open":
            assert body[token.meta["marker"]] in "*-+0123456789"
        elif token.type == "tr_open":
            start, end = token.meta["span"]
            assert body[start] == "|" or body[start:end].strip() == body[start:end]
            assert "\n" not in body[start:end]
