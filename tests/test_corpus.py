"""The synthetic benchmark corpus: deterministic, valid Markdown, v2 edits as advertised."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from benchmarks.corpus import ListBlock, generate_articles, make_v2, merge_inputs, pseudo_translate, write_articles

MD = MarkdownIt("commonmark").enable("table")


def test_generation_is_deterministic_and_prefix_stable() -> None:
    first = generate_articles(12, seed=3)
    assert [a.text for a in first] == [a.text for a in generate_articles(12, seed=3)]
    assert [a.text for a in generate_articles(5, seed=3)] == [a.text for a in first[:5]]
    assert [a.text for a in generate_articles(5, seed=4)] != [a.text for a in first[:5]]


def test_articles_are_valid_commonmark_and_segments_are_the_inline_blocks() -> None:
    articles = generate_articles(25)
    for article in [*articles, *make_v2(articles).articles]:
        front, body = article.text.split("---\n", 2)[1:]
        assert f"slug: {article.slug}\n" in front and "lang: en\n" in front
        tokens = MD.parse(body)
        kinds = {t.type for t in tokens}
        assert not kinds & {"code_block", "fence", "html_block", "hr"}, article.slug
        assert [t.content for t in tokens if t.type == "inline"] == [s.text for s in article.segments[2:]]
        lines = article.text.splitlines()
        for segment in article.segments[2:]:
            assert segment.text in lines[segment.line - 1]


def test_nested_list_items_are_indented_by_four_spaces() -> None:
    article = next(a for a in generate_articles(40) if any(
        isinstance(b, ListBlock) and any(i.depth for i in b.items) for b in a.blocks))
    nested = [line for line in article.text.splitlines() if line.startswith(" ")]
    assert nested and all(line.startswith("    ") and not line.startswith("     ") for line in nested)


def test_v2_edits_removes_and_adds_about_the_advertised_fractions() -> None:
    articles = generate_articles(80)
    total = sum(len(a.segments) for a in articles)
    v2 = make_v2(articles)
    assert 0.08 < len(v2.edits) / total < 0.12
    assert 0.02 < len(v2.removed) / total < 0.04
    assert 0.02 < len(v2.added) / total < 0.04
    assert all(e.old != e.new for e in v2.edits)
    assert make_v2(articles[:10]).edits == v2.edits[: len(make_v2(articles[:10]).edits)]


def test_merge_inputs_and_translations() -> None:
    inputs = merge_inputs(500)
    assert len(inputs.old_entries) >= 500
    old = {e.msgid for e in inputs.old_entries}
    new = {e.msgid for e in inputs.new_entries}
    assert inputs.edits and all(e.old in old - new and e.new in new - old for e in inputs.edits)
    assert pseudo_translate("Spinal stenosis and sciatica", "ko") == "[ko] 척추관 협착증 and 좌골신경통"


def test_write_articles(tmp_path: Path) -> None:
    paths = write_articles(tmp_path, 3)
    assert [p.name for p in paths] == [f"{a.slug}.md" for a in generate_articles(3)]
    assert paths[0].read_text(encoding="utf-8") == generate_articles(1)[0].text
