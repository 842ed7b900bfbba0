"""Source revisions: what ``update`` does with a translation when the English article is edited.

Medical text: a translation of "rest for 3 weeks" must never be published for "rest for 4
weeks". The golden cases (``tests/merge/number-changed``, ``fuzzy-adapted-translation``,
``suppression-source-changed``, ``in-place-edits``, ``split-joined-paragraphs``) show one
revision each; the laws here check the same on random revisions, and the last tests run a
whole edit -> ``extract`` -> ``update`` -> ``check`` cycle on a project.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.checks import number_issues, parse_suppressions
from pipeline.cli import main
from pipeline.merge import (
    SUSPENDED, MergeOptions, TranslationMemory, catalog_languages, edited_in_place, made_for, merge_catalog,
)
from pipeline.numbers import extract_numbers
from pipeline.pofile import Catalog, Message, format_po, make_header, parse_po, read_po, write_po
from tests.laws import examples

KO = {"Language": "ko", "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;",
      "X-Source-Language": "en"}
POT = {"Content-Type": "text/plain; charset=UTF-8", "POT-Creation-Date": "2025-05-05 00:00+0000"}


def _catalog(messages: list[Message], path: str = "old.po", fields: dict[str, str] = KO) -> Catalog:
    return Catalog(header=make_header(fields), messages=messages, path=path)


def _template(*msgids: str, kinds: tuple[str, ...] = ()) -> Catalog:
    kinds = kinds or ("paragraph",) * len(msgids)
    return _catalog([Message(m, extracted_comments=[k]) for m, k in zip(msgids, kinds)], "new.pot", POT)


def _numbers(text: str, lang: str) -> set[str]:
    return {n.value for n in extract_numbers(text, lang)}


# --------------------------------------------------------------------------- random revisions

FRAMES = [
    "Rest for {} weeks after the injection.", "Take {} mg twice a day.", "Full recovery takes {} to 6 months.",
    "About {}% of patients report less pain.", "The MRI showed a herniated disc at L{}-L5.", "Week {}",
    "Walking is safe from day {}.", "Walking is not safe from day {}.",
]
SENTENCES = st.tuples(st.sampled_from(FRAMES), st.sampled_from(["1", "2", "3", "4", "10", "20", "50"])).map(
    lambda pair: pair[0].format(pair[1]))
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=3).map(" ".join)


def _translation(source: str) -> str:
    """A stand-in Korean translation that carries the numbers of ``source`` (and nothing else)."""
    return "번역 " + " ".join(re.findall(r"\d+", source)) + " 끝"


@st.composite
def revisions(draw: st.DrawFn) -> tuple[Catalog, Catalog, Catalog]:
    """An old catalogue (translated, fuzzy, adapted, obsolete entries), a revised template, a memory."""
    messages = [_old_entry(draw, msgid) for msgid in draw(st.lists(PARAGRAPHS, unique=True, max_size=7))]
    kept = [m.msgid for m in messages if not m.obsolete and draw(st.booleans())]
    template = list(dict.fromkeys(kept + draw(st.lists(PARAGRAPHS, max_size=6))))
    draw(st.randoms()).shuffle(template)
    memory = [_old_entry(draw, msgid) for msgid in draw(st.lists(PARAGRAPHS, unique=True, max_size=5))]
    return _catalog(messages), _template(*template), _catalog([m for m in memory if not m.obsolete], "other.po")


def _old_entry(draw: st.DrawFn, msgid: str) -> Message:
    """Translated; fuzzy with the translation of its ``#|`` source, or already adapted to its msgid; obsolete."""
    kind = draw(st.sampled_from(["translated", "translated", "fuzzy", "adapted", "obsolete"]))
    comments = ["medloc-ignore: number-mismatch checked"] if draw(st.integers(0, 3)) == 0 else []
    if kind in ("fuzzy", "adapted"):
        previous = draw(PARAGRAPHS.filter(lambda p: p != msgid))
        text = previous if kind == "fuzzy" else msgid
        return Message(msgid, _translation(text), flags=["fuzzy"], previous_msgid=previous, translator_comments=comments)
    return Message(msgid, _translation(msgid), obsolete=kind == "obsolete", translator_comments=comments)


def _merge(data: tuple[Catalog, Catalog, Catalog], **options: object) -> Catalog:
    old, template, memory = data
    return merge_catalog(old, template, memory=TranslationMemory.from_catalogs([memory]),
                         options=MergeOptions(**options)).catalog  # type: ignore[arg-type]


LAWS = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@LAWS
@given(revisions(), st.sampled_from(["fuzzy", "translated"]))
def test_a_translation_is_published_only_for_the_source_it_was_made_for(
    data: tuple[Catalog, Catalog, Catalog], compendium_exact: str
) -> None:
    """A template entry whose numbers differ from the matched old source's numbers is never
    translated without fuzzy: a non-fuzzy translation is always a person's translation of
    exactly this source (from this catalogue or, if so configured, the memory)."""
    merged = _merge(data, compendium_exact=compendium_exact)
    old, _template_, memory = data
    confirmed = {(m.key, m.msgstr) for c in (old, memory) for m in c.messages if not m.fuzzy and m.msgstr}
    for message in merged.messages:
        if message.translated:
            assert (message.key, message.msgstr) in confirmed, message
            assert _numbers(message.msgstr, "ko") <= _numbers(message.msgid, "en")


@LAWS
@given(revisions())
def test_a_suggestion_shows_the_source_its_numbers_belong_to(data: tuple[Catalog, Catalog, Catalog]) -> None:
    """Every fuzzy suggestion shows (as ``#|``, else its msgid) a source whose numbers its
    translation has: Poedit's diff then shows every number the translator must change.
    (An entry kept exactly as the translator left it is theirs, and not rewritten.)"""
    old, _template_, _memory = data
    as_left = {(m.msgid, m.msgstr, m.previous_msgid) for m in old.messages}
    for message in _merge(data).messages:
        if message.fuzzy and message.msgstr and not message.obsolete \
                and (message.msgid, message.msgstr, message.previous_msgid) not in as_left:
            shown = message.previous_msgid if message.previous_msgid is not None else message.msgid
            assert _numbers(message.msgstr, "ko") <= _numbers(shown, "en"), message


@LAWS
@given(revisions())
def test_a_suppression_stays_active_only_on_the_source_it_was_written_for(
    data: tuple[Catalog, Catalog, Catalog]
) -> None:
    old, _template_, memory = data
    vouched = {(m.msgid, c) for cat in (old, memory) for m in cat.messages for c in m.translator_comments}
    for message in _merge(data).messages:
        for comment in message.translator_comments:
            if parse_suppressions([comment]):
                assert (message.msgid, comment) in vouched, message
            elif SUSPENDED in comment:
                assert message.fuzzy or message.obsolete, message


@LAWS
@given(revisions())
def test_revisions_keep_every_translation_and_update_is_idempotent(data: tuple[Catalog, Catalog, Catalog]) -> None:
    """Splits, joins and in-place edits lose nothing, and a second update changes nothing."""
    old, template, memory_catalog = data
    memory = TranslationMemory.from_catalogs([memory_catalog])
    merged = merge_catalog(old, template, memory=memory).catalog
    for message in old.messages:  # kept, fuzzy (whole, or inside a joined translation) or obsolete
        assert any(message.msgstr in m.msgstr for m in merged.messages), message
    once = format_po(merged)
    again = merge_catalog(parse_po(once.encode("utf-8"), "old.po"), template, memory=memory).catalog
    assert format_po(again) == once
    remembered = {(e.message.key, e.message.msgstr) for e in TranslationMemory.from_catalogs([old]).entries}
    assert remembered <= {(e.message.key, e.message.msgstr) for e in TranslationMemory.from_catalogs([merged]).entries}


# --------------------------------------------------------------------------- the rules, one by one


def test_a_number_change_comes_back_fuzzy_with_the_old_source() -> None:
    old = _catalog([Message("Rest for 3 weeks after the injection.", "주사 후 3주간 휴식하세요.")])
    [message] = merge_catalog(old, _template("Rest for 4 weeks after the injection.")).catalog.messages
    assert (message.fuzzy, message.previous_msgid) == (True, "Rest for 3 weeks after the injection.")


def test_a_translation_already_adapted_to_the_new_numbers_is_taken_for_the_new_source() -> None:
    languages = catalog_languages(_catalog([]))
    adapted = Message("Take 20 mg twice a day.", "하루 두 번 20mg씩 복용하세요.", flags=["fuzzy"],
                      previous_msgid="Take 10 mg twice a day.")
    untouched = Message("Take 20 mg twice a day.", "하루 두 번 10mg씩 복용하세요.", flags=["fuzzy"],
                        previous_msgid="Take 10 mg twice a day.")
    neither = Message("Take 20 mg twice a day.", "하루 두 번 30mg씩 복용하세요.", flags=["fuzzy"],
                      previous_msgid="Take 10 mg twice a day.")
    words = Message("Rest for two weeks.", "2주 동안 쉬세요.", flags=["fuzzy"], previous_msgid="Rest for one week.")
    assert made_for(adapted, languages) == (None, "Take 20 mg twice a day.", None)
    assert made_for(untouched, languages) == (None, "Take 10 mg twice a day.", None)
    assert made_for(neither, languages) == (None, "Take 10 mg twice a day.", None)  # a conversion? keep #|
    assert made_for(words, languages) == (None, "Rest for two weeks.", None)
    # "a day" counts as 1 in the old source, but the new one writes the 1: it was adapted
    rate = Message("Rest for 1 week.", "1주 동안 쉬세요.", flags=["fuzzy"], previous_msgid="Take 2 mg twice a day.")
    assert made_for(rate, languages) == (None, "Rest for 1 week.", None)
    memory = TranslationMemory.from_catalogs([_catalog([adapted, neither], "other.po")])
    assert [(e.message.msgid, e.message.msgstr) for e in memory.entries] == [
        ("Take 20 mg twice a day.", adapted.msgstr), ("Take 10 mg twice a day.", neither.msgstr)]


def test_catalog_languages_reads_the_header() -> None:
    assert catalog_languages(_catalog([])) == ("en", "ko")
    assert catalog_languages(_catalog([], fields={"Language": "ru"})) == ("en", "ru")
    assert catalog_languages(_catalog([], fields={"Language": "en", "X-Source-Language": "ko"})) == ("ko", "en")


def test_a_renamed_heading_pairs_with_the_heading_it_replaced_only_in_place() -> None:
    old = _catalog([Message("Introduction", "들어가며", extracted_comments=["heading 2"]),
                    Message("Who Might Benefit", "도움이 될 수 있는 환자", extracted_comments=["heading 2"]),
                    Message("Not everyone is a candidate.", "모두가 대상은 아닙니다.", extracted_comments=["paragraph"])])
    in_place = _template("Introduction", "Who Could Benefit Most", "Not everyone is a candidate.",
                         kinds=("heading 2", "heading 2", "paragraph"))
    elsewhere = _template("Introduction", "Not everyone is a candidate.", "Who Could Benefit Most",
                          kinds=("heading 2", "paragraph", "heading 2"))
    other_kind = _template("Introduction", "Who Could Benefit Most", "Not everyone is a candidate.",
                           kinds=("heading 2", "paragraph", "paragraph"))
    assert [m.msgid for m in edited_in_place(old, in_place.messages, threshold=0.6).values()] == ["Who Might Benefit"]
    assert edited_in_place(old, elsewhere.messages, threshold=0.6) == {}
    assert edited_in_place(old, other_kind.messages, threshold=0.6) == {}
    message = merge_catalog(old, in_place).catalog.find("Who Could Benefit Most")
    assert message is not None and (message.msgstr, message.previous_msgid) == ("도움이 될 수 있는 환자", "Who Might Benefit")
    assert merge_catalog(old, in_place, options=MergeOptions(fuzzy_matching=False)).catalog.find(
        "Who Could Benefit Most").msgstr == ""  # type: ignore[union-attr]


def test_joined_paragraphs_get_both_translations_without_a_space_in_japanese() -> None:
    ja = dict(KO, Language="ja")
    old = _catalog([Message("Rest for a week.", "1週間安静にしてください。"), Message("Then walk daily.", "その後は毎日歩きましょう。")],
                   fields=ja)
    [joined, *obsolete] = merge_catalog(old, _template("Rest for a week. Then walk daily.")).catalog.messages
    assert (joined.msgstr, joined.fuzzy, joined.previous_msgid) == (
        "1週間安静にしてください。その後は毎日歩きましょう。", True, "Rest for a week. Then walk daily.")
    assert [m.msgid for m in obsolete if m.obsolete] == ["Rest for a week.", "Then walk daily."]


def test_a_split_sentence_needs_four_words_and_whole_sentences() -> None:
    old = _catalog([Message("Most patients go home the same day. Call us if pain returns.",
                            "대부분 당일 귀가합니다. 통증이 다시 생기면 연락하세요.")])
    merged = merge_catalog(old, _template("Most patients go home the same day.", "Call us if pain returns.",
                                          "Call us.", "Go home")).catalog
    states = {m.msgid: (m.msgstr != "", m.fuzzy) for m in merged.messages if not m.obsolete}
    assert states == {"Most patients go home the same day.": (True, True), "Call us if pain returns.": (True, True),
                      "Call us.": (False, False), "Go home": (False, False)}


# --------------------------------------------------------------------------- a whole cycle on a project

ARTICLE = """---
title: "Back Pain After Lifting"
---

## Who Might Benefit

Most patients rest for 3 weeks after the injection. Call us if the pain returns after that.

Walking is safe from the first day.

- Take 10 mg twice a day.
- See your doctor after one week.
"""


def _run(project: Path, *args: str) -> int:
    return main(["--project", str(project), *args])


def _project_with_translated_article(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n',
                                             encoding="utf-8")
    doc = tmp_path / "docs" / "back-pain.md"
    doc.parent.mkdir()
    doc.write_text(ARTICLE, encoding="utf-8")
    assert _run(tmp_path, "extract") == 0 and _run(tmp_path, "update") == 0
    po = tmp_path / "locales" / "ko" / "LC_MESSAGES" / "back-pain.po"
    catalog = read_po(po)
    for message in catalog.messages:
        message.msgstr = _translation(message.msgid)
    catalog.messages[0].translator_comments = ["Reviewed by Dr. Kim"]
    write_po(catalog, po)
    return doc, po


def test_an_edited_article_keeps_its_translations_and_publishes_none_for_a_changed_number(tmp_path: Path) -> None:
    doc, po = _project_with_translated_article(tmp_path)
    catalog = read_po(po)
    for message in catalog.messages:
        if "10 mg" in message.msgid:
            message.translator_comments = ["medloc-ignore: number-mismatch dose checked by the pharmacist"]
    write_po(catalog, po)
    doc.write_text(ARTICLE.replace("3 weeks", "4 weeks").replace("10 mg", "20 mg")
                   .replace("Might Benefit", "Could Benefit Most")
                   .replace(" Call us", "\n\nCall us").replace("is safe", "is not safe"), encoding="utf-8")
    assert _run(tmp_path, "extract") == 0 and _run(tmp_path, "update") == 0
    merged = {m.msgid: m for m in read_po(po).messages if not m.obsolete}
    for msgid in ("Most patients rest for 4 weeks after the injection.", "Take 20 mg twice a day.",
                  "Who Could Benefit Most", "Walking is not safe from the first day.",
                  "Call us if the pain returns after that."):
        assert merged[msgid].fuzzy and merged[msgid].msgstr and merged[msgid].previous_msgid, msgid
    assert merged["See your doctor after one week."].translated
    dose = merged["Take 20 mg twice a day."]
    assert parse_suppressions(dose.translator_comments) == []
    assert number_issues(dose.msgid, dose.msgstr, source_lang="en", lang="ko")  # 10 still there: check will say so


def test_a_moved_article_finds_its_translations_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, po = _project_with_translated_article(tmp_path)
    moved = doc.with_name("lower-back-pain.md")
    doc.rename(moved)
    moved.write_text(moved.read_text(encoding="utf-8").replace("3 weeks", "4 weeks"), encoding="utf-8")
    capsys.readouterr()
    assert _run(tmp_path, "extract") == 0 and _run(tmp_path, "update") == 0
    err = capsys.readouterr().err
    new_po = po.with_name("lower-back-pain.po")
    assert po.exists()  # left for the team to delete
    assert "locales/ko/LC_MESSAGES/lower-back-pain.po: warning: article moved? starts from the translations of " \
           "locales/ko/LC_MESSAGES/back-pain.po" in err
    assert not (tmp_path / "locales/templates/back-pain.pot").exists()  # extract removed the template nothing makes
    assert "locales/ko/LC_MESSAGES/back-pain.po: warning: no template is translated into ko by this catalogue" in err
    merged = {m.msgid: m for m in read_po(new_po).messages if not m.obsolete}
    assert merged["Back Pain After Lifting"].translated
    assert merged["Back Pain After Lifting"].translator_comments == ["Reviewed by Dr. Kim"]
    changed = merged["Most patients rest for 4 weeks after the injection. Call us if the pain returns after that."]
    assert changed.fuzzy and changed.previous_msgid is not None and "3 weeks" in changed.previous_msgid
    before = new_po.read_bytes()
    assert _run(tmp_path, "update") == 0 and new_po.read_bytes() == before


def test_a_template_whose_article_is_gone_is_reported_on_every_update(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before `extract` runs (or for a template medloc did not make), update keeps the catalogue and says why."""
    doc, po = _project_with_translated_article(tmp_path)
    doc.unlink()
    before = po.read_bytes()
    capsys.readouterr()
    for _ in range(2):
        assert _run(tmp_path, "update") == 0
        err = capsys.readouterr().err
        assert "locales/ko/LC_MESSAGES/back-pain.po: warning: no file named by the references of " \
               "locales/templates/back-pain.pot exists any more" in err and "[update-stale]" in err
    assert po.read_bytes() == before


def test_a_copied_article_gets_suggestions_only(tmp_path: Path) -> None:
    """The old article still exists: its twin is another article, reviewed on its own."""
    doc, po = _project_with_translated_article(tmp_path)
    doc.with_name("lifting.md").write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")
    assert _run(tmp_path, "extract") == 0 and _run(tmp_path, "update") == 0
    copied = [m for m in read_po(po.with_name("lifting.po")).messages if not m.obsolete]
    assert copied and all(m.fuzzy and m.msgstr for m in copied)


def test_without_fuzzy_matching_no_revision_rule_suggests_anything() -> None:
    """``--no-fuzzy-matching`` (msgmerge -N): exact matches only, whatever the revision."""
    old = _catalog([Message("Rest for a week.", "1주간 쉬세요."), Message("Then walk daily.", "그다음 매일 걸으세요."),
                    Message("Who Might Benefit", "도움이 될 수 있는 환자", extracted_comments=["paragraph"])])
    template = _template("Who Could Benefit Most", "Rest for a week. Then walk daily.")
    merged = merge_catalog(old, template, options=MergeOptions(fuzzy_matching=False)).catalog
    assert [(m.msgid, m.msgstr) for m in merged.messages if not m.obsolete] == [
        ("Who Could Benefit Most", ""), ("Rest for a week. Then walk daily.", "")]
