"""Sentence counts and prose length per script (:mod:`pipeline.sentences`), as the ``omission`` check uses them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.sentences import prose_length, sentence_count

COUNTS = [
    ("en", "Rest for two days. Then walk a little every day.", 2),
    ("en", "Do you have leg pain? Tell your doctor! It helps.", 3),
    ("en", "In 2024, the U.S. FDA approved a Phase III trial. Results are expected in 2027.", 2),
    ("en", "Dr. Kim and Prof. Lee see patients vs. other clinics, e.g. on Saturdays.", 1),
    ("en", "The dose is 2.5 mg. Take it with food.", 2),
    ("en", "1. Rest at home. Then walk.", 2),  # a list number opening the text is no sentence
    ("en", "It is rare (about 1 in 1,000 cases). Most people recover.", 2),
    ("en", "See [the NICE guide](https://www.nice.org.uk/a.b. C). Then ask us.", 2),  # a link target is not prose
    ("en", "Use `x. Y` here. Done", 2),
    ("en", "", 0),
    ("ko", "통증이 있습니다. 병원에 오세요.", 2),
    ("ko", "주사는 약 30분 걸립니다. 당일 퇴원할 수 있습니다! 운전은 하지 마세요.", 3),
    ("ja", "痛みが続きます。すぐに受診してください。", 2),
    ("ja", "「安静にしてください。」と医師は言いました。", 2),
    ("zh_Hans", "请休息两天。然后每天散步！有问题吗？", 3),
    ("zh_Hans", "治疗通常在门诊进行，一般包括以下几个阶段：", 1),
    ("ar", "هذا علاج آمن. هل لديك أسئلة؟ اتصل بنا", 3),
    ("fa", "درد ادامه دارد. آیا دارو می‌خورید؟ با ما تماس بگیرید.", 3),
    ("ru", "Боль проходит. Т. е. лечение помогает.", 2),
    ("hi", "दर्द कम होता है। डॉक्टर से मिलें।", 2),
    ("th", "ปวดหลัง พักผ่อนสองวัน", None),  # Thai does not mark sentence ends
    ("lo", "ເຈັບຫຼັງ", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), COUNTS)
def test_sentence_counts(lang: str, text: str, expected: int | None) -> None:
    assert sentence_count(text, lang) == expected


def test_prose_length_leaves_out_what_is_not_read() -> None:
    assert prose_length("See  [the guide](https://example.org/very/long/path) now.") == len("See [the guide] now.")
    assert prose_length("Type `medloc build` <br> here") == len("Type here")
    assert prose_length("  통증이\n있습니다  ") == len("통증이 있습니다")


@given(st.text(max_size=200), st.sampled_from(["en", "ko", "ja", "zh_Hans", "ar", "ru", "th"]))
def test_any_text_has_a_count(text: str, lang: str) -> None:
    count = sentence_count(text, lang)
    if lang == "th":
        assert count is None
    else:
        assert count is not None and (count == 0) == (prose_length(text) == 0)
        assert count <= max(1, prose_length(text))
