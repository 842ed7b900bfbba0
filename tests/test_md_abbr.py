"""``pipeline.md_abbr``: Python-Markdown's abbr, with boundaries that hold next to Hangul, kana and Han."""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.md_abbr import NAME, bounded, with_script_boundaries
from pipeline.site_config import enabled_extensions
from tests.laws import examples

GLOSSARY = "\n\n*[MRI]: 자기공명영상\n*[CT]: 컴퓨터 단층 촬영\n*[척추]: spine\n"


def html(text: str) -> str:
    return markdown.markdown(text + GLOSSARY, extensions=[NAME])


def test_an_abbreviation_followed_by_a_particle_or_kana_or_han_gets_its_title() -> None:
    out = html("MRI로 봅니다. MRIで. MRI检查. 척추MRI 검사.")
    assert out.count('<abbr title="자기공명영상">MRI</abbr>') == 4


def test_latin_words_and_code_are_left_as_python_markdown_leaves_them() -> None:
    out = html("MRIs, MRIé and fooMRI are words. `MRI로` is code. CT-guided.")
    assert "<abbr" not in out.replace('<abbr title="컴퓨터 단층 촬영">CT</abbr>-guided', "")
    assert "<code>MRI로</code>" in out


def test_an_abbreviation_in_another_script_keeps_word_boundaries() -> None:
    assert '<abbr title="spine">척추</abbr>' in html("척추 수술")
    assert "<abbr" not in html("척추관 협착증")


_TEXT = st.text(alphabet=st.sampled_from(list("MRICT abé_-.1로で检Жs")), max_size=30)


@settings(max_examples=examples(300), deadline=None)
@given(_TEXT)
def test_every_match_of_python_markdown_is_kept_and_new_ones_are_next_to_other_scripts(text: str) -> None:
    keys = ["MRI", "CT"]
    original = re.compile(f"\\b(?:{'|'.join(keys)})\\b")
    ours = re.compile("|".join(bounded(key) for key in sorted(keys, key=len, reverse=True)))
    theirs = {(m.start(), m.end()) for m in original.finditer(text)}
    mine = {(m.start(), m.end()) for m in ours.finditer(text)}
    assert theirs <= mine
    for start, end in mine - theirs:
        neighbours = text[start - 1 : start] + text[end : end + 1]
        assert any(ch.isalnum() and not re.match(r"[0-9A-Za-z_\u00c0-\u024f]", ch) for ch in neighbours), (text, start)


def test_the_extension_list_keeps_its_options_and_everything_else() -> None:
    extensions = ["tables", "abbr", {"toc": {"permalink": True}}, {"markdown.extensions.abbr": {"glossary": {"A": "b"}}}]
    assert with_script_boundaries(extensions) == ["tables", NAME, {"toc": {"permalink": True}}, {NAME: {"glossary": {"A": "b"}}}]
    assert extensions[1] == "abbr"  # the input is not changed
    assert enabled_extensions(extensions) == {"tables", "abbr", "toc", "markdown.extensions.abbr"}
    assert enabled_extensions([{"abbr": None}]) == {"abbr"} and enabled_extensions(None) == set()
