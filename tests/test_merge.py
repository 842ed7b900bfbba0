"""The merge rules: golden cases next to GNU msgmerge, and the laws every merge obeys.

Each folder under ``tests/merge/`` holds ``old.po`` + ``new.pot`` (and
optionally ``compendium.po`` and ``options.json``) -> ``expected.po``. Where a
folder has no ``DIFFERS.md``, ``msgmerge --previous`` must produce exactly
``expected.po`` too; ``DIFFERS.md`` says why medloc deliberately differs.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.merge import MergeOptions, TranslationMemory, merge_catalog, merge_header, prune_obsolete
from pipeline.pofile import Catalog, Message, format_po, make_header, parse_po, read_po
from tests.laws import examples

CASES = Path(__file__).parent / "merge"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())
MSGCAT_UNSTABLE = {"custom-flags": "msgcat drops flags it does not know (see DIFFERS.md)"}
gettext = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext not installed")


def _merge_case(case: Path, old: Catalog | None = None) -> str:
    options = json.loads((case / "options.json").read_text()) if (case / "options.json").exists() else {}
    compendium = case / "compendium.po"
    memory = TranslationMemory.from_catalogs([read_po(compendium)]) if compendium.exists() else None
    result = merge_catalog(old or read_po(case / "old.po"), read_po(case / "new.pot"), memory=memory,
                           options=MergeOptions(**options))
    return format_po(result.catalog)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_golden_case(name: str) -> None:
    case = CASES / name
    assert _merge_case(case) == (case / "expected.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASE_NAMES)
def test_golden_case_is_a_fixed_point(name: str) -> None:
    case = CASES / name
    expected = (case / "expected.po").read_text(encoding="utf-8")
    again = parse_po(expected.encode("utf-8"), str(case / "expected.po"))
    assert _merge_case(case, again) == expected


@gettext
@pytest.mark.parametrize("name", [n for n in CASE_NAMES if not (CASES / n / "DIFFERS.md").exists()])
def test_msgmerge_agrees(name: str) -> None:
    case = CASES / name
    args = ["msgmerge", "--quiet", "--previous", str(case / "old.po"), str(case / "new.pot"), "-o", "-"]
    if (case / "compendium.po").exists():
        args += ["--compendium", str(case / "compendium.po")]
    gnu = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    assert gnu == (case / "expected.po").read_text(encoding="utf-8")


@gettext
@pytest.mark.parametrize("name", CASE_NAMES)
def test_expected_output_is_valid_for_gettext(name: str) -> None:
    expected = CASES / name / "expected.po"
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(expected)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    if name not in MSGCAT_UNSTABLE:
        cat = subprocess.run(["msgcat", str(expected)], capture_output=True, text=True, check=True).stdout
        assert cat == expected.read_text(encoding="utf-8")


def test_every_rule_has_a_case() -> None:
    rules = {"exact", "revive", "fuzzy", "fuzzy-previous", "context", "memory", "rejected", "obsolete", "plural", "header"}
    assert rules <= set(CASE_NAMES)


# --------------------------------------------------------------------------- unit behaviour

KO_HEADER = {
    "Project-Id-Version": "t 1", "Language": "ko", "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def _catalog(messages: list[Message], fields: dict[str, str] | None = None, path: str = "old.po") -> Catalog:
    return Catalog(header=make_header(fields or KO_HEADER), messages=messages, path=path)


def _template(*msgids: str) -> Catalog:
    return _catalog([Message(m) for m in msgids], {"Content-Type": "text/plain; charset=UTF-8",
                                                  "POT-Creation-Date": "2025-05-05 00:00+0000"}, "new.pot")


def test_merge_does_not_modify_its_inputs() -> None:
    old = _catalog([Message("Back pain after lifting", "들기 후 요통", references=["a:1"]),
                    Message("Gone", "사라짐", flags=["fuzzy"])])
    template = _template("Back pain after heavy lifting", "New")
    before = (copy.deepcopy(old), copy.deepcopy(template))
    merge_catalog(old, template)
    assert (old, template) == before


def test_plural_forms_that_cannot_be_kept_are_reported() -> None:
    old = _catalog([Message("{n} file", msgid_plural="{n} files", msgstr_plural=["{n} файл", "{n} файла", "{n} файлов"], line=7)],
                   dict(KO_HEADER, Language="ru", **{"Plural-Forms": "nplurals=3; plural=(n%10==1 ? 0 : n%10>=2 ? 1 : 2);"}))
    result = merge_catalog(old, _template("{n} file"))
    [message] = result.catalog.messages
    assert (message.msgstr, message.fuzzy, message.previous_msgid_plural) == ("{n} файл", True, "{n} files")
    [diagnostic] = result.diagnostics
    assert str(diagnostic.location) == "old.po:7"
    assert diagnostic.code == "merge-plural-dropped"


def test_without_fuzzy_matching_changed_entries_become_obsolete() -> None:
    old = _catalog([Message("Rest for two weeks after the injection.", "주사 후 2주간 휴식하세요.")])
    result = merge_catalog(old, _template("Rest for three weeks after the injection."),
                           options=MergeOptions(fuzzy_matching=False))
    assert [(m.msgid, m.msgstr, m.obsolete) for m in result.catalog.messages] == [
        ("Rest for three weeks after the injection.", "", False),
        ("Rest for two weeks after the injection.", "주사 후 2주간 휴식하세요.", True),
    ]


def test_fuzzy_threshold_is_respected() -> None:
    old = _catalog([Message("Rest for two weeks after the injection.", "주사 후 2주간 휴식하세요.")])
    template = _template("Rest for two weeks after the nerve block.")
    assert merge_catalog(old, template, options=MergeOptions(fuzzy_threshold=0.6)).stats.fuzzy == 1
    assert merge_catalog(old, template, options=MergeOptions(fuzzy_threshold=0.95)).stats.fuzzy == 0


def test_memory_never_fills_a_catalogue_from_itself() -> None:
    old = _catalog([Message("Untranslated here", "")], path="locales/ko/LC_MESSAGES/a.po")
    own = _catalog([Message("Untranslated here", "여기")], path="locales/ko/LC_MESSAGES/a.po")
    memory = TranslationMemory.from_catalogs([own])
    result = merge_catalog(old, _template("Untranslated here"), memory=memory)
    assert result.catalog.messages[0].msgstr == ""


def test_prune_obsolete_reports_what_goes() -> None:
    catalog = _catalog([Message("kept", "유지"), Message("old", "옛것", obsolete=True, line=12)])
    pruned, removed = prune_obsolete(catalog)
    assert [m.msgid for m in pruned.messages] == ["kept"]
    assert [(m.msgid, m.line) for m in removed] == [("old", 12)]


def test_header_keeps_translator_fields_and_takes_template_dates() -> None:
    old = make_header({"Language": "ko", "PO-Revision-Date": "2024-01-01 10:00+0900", "X-Generator": "Poedit",
                       "POT-Creation-Date": "2024-01-01 00:00+0000"}, comments=["Korean"])
    template = make_header({"POT-Creation-Date": "2025-05-05 00:00+0000", "Report-Msgid-Bugs-To": "a@b",
                            "X-Source-Language": "en"})
    merged = merge_header(old, template)
    assert merged.msgstr == (
        "Report-Msgid-Bugs-To: a@b\nPOT-Creation-Date: 2025-05-05 00:00+0000\n"
        "PO-Revision-Date: 2024-01-01 10:00+0900\nLanguage: ko\nX-Generator: Poedit\n"
    )
    assert merged.translator_comments == ["Korean"]


def test_a_rejected_suggestion_is_not_made_again() -> None:
    """The translator cleared a memory suggestion and left its ``#|`` line: the record stays,
    nothing is suggested, and the next update changes nothing."""
    memory = TranslationMemory.from_catalogs([_catalog([Message("Challenges & Risks to Overcome", "극복할 과제와 위험")],
                                                       path="other.po")])
    template = _template("Challenges / Risks")
    fresh = merge_catalog(_catalog([]), template, memory=memory).catalog.messages[0]
    assert (fresh.msgstr, fresh.fuzzy, fresh.previous_msgid) == ("극복할 과제와 위험", True, "Challenges & Risks to Overcome")
    for flags in ([], ["fuzzy"]):
        rejected = Message("Challenges / Risks", "", flags=list(flags), previous_msgid="Challenges & Risks to Overcome")
        merged = merge_catalog(_catalog([rejected]), template, memory=memory)
        [message] = merged.catalog.messages
        assert (message.msgstr, message.fuzzy, message.previous_msgid) == ("", False, "Challenges & Risks to Overcome")
        assert merged.stats.untranslated == 1 and merged.stats.memory_fuzzy == 0
        assert merge_catalog(merged.catalog, template, memory=memory).catalog == merged.catalog


def test_without_a_record_an_untranslated_entry_still_gets_suggestions() -> None:
    memory = TranslationMemory.from_catalogs([_catalog([Message("How Long Does Recovery Take?", "회복 기간은?")],
                                                       path="other.po")])
    old = _catalog([Message("How Long Does the Recovery Take?", "")])
    [message] = merge_catalog(old, _template("How Long Does the Recovery Take?"), memory=memory).catalog.messages
    assert (message.msgstr, message.fuzzy) == ("회복 기간은?", True)


def test_short_headers_pair_only_when_their_words_agree() -> None:
    memory = TranslationMemory.from_catalogs([_catalog([Message("What the Research Shows", "연구 결과"),
                                                        Message("Challenges & Risks to Overcome", "극복할 과제와 위험")],
                                                       path="other.po")])
    merged = merge_catalog(_catalog([]), _template("What Researchers Are Doing", "Challenges / Risks"), memory=memory)
    assert [(m.msgid, m.msgstr) for m in merged.catalog.messages] == [
        ("What Researchers Are Doing", ""), ("Challenges / Risks", "극복할 과제와 위험")]


# --------------------------------------------------------------------------- laws (Hypothesis)

WORDS = ["pain", "back", "leg", "nerve", "disc", "spine", "rest", "week", "weeks", "after", "the", "of",
         "injection", "surgery", "walk", "two", "three", "Yes", "Yet", "\"quoted\"", "척추", "통증"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(" ".join)
translations = st.text(alphabet="가나다라마바사아자차카타파하 .", min_size=0, max_size=12).map(str.strip)


@st.composite
def old_and_template(draw: st.DrawFn) -> tuple[Catalog, Catalog, Catalog]:
    keys = draw(st.lists(st.tuples(st.sampled_from([None, None, None, "menu"]), sentences), unique=True, max_size=12))
    messages = []
    for ctxt, msgid in keys:
        msgstr = draw(translations)
        flags = ["fuzzy"] if msgstr and draw(st.booleans()) else []
        # fuzzy translations may carry #|; untranslated entries with #| record a rejected suggestion
        previous = draw(st.sampled_from([None, "an older source"])) if flags or not msgstr else None
        messages.append(Message(msgid, msgstr, msgctxt=ctxt, flags=flags, previous_msgid=previous,
                                obsolete=bool(msgstr) and draw(st.integers(0, 4)) == 0,
                                translator_comments=draw(st.lists(st.sampled_from(["checked", "ask Dr. Lee"]), max_size=1))))
    kept = [k for k in keys if draw(st.booleans())]
    added = draw(st.lists(st.tuples(st.sampled_from([None, "menu"]), sentences), max_size=8))
    template_keys = list(dict.fromkeys(kept + added))
    template = Catalog(header=make_header({"Content-Type": "text/plain; charset=UTF-8",
                                           "POT-Creation-Date": "2025-05-05 00:00+0000"}),
                       messages=[Message(m, msgctxt=c, references=[f"docs/a.md:{i + 1}"])
                                 for i, (c, m) in enumerate(template_keys)], path="new.pot")
    memory_keys = draw(st.lists(st.tuples(st.just(None), sentences), unique=True, max_size=6))
    memory = _catalog([Message(m, draw(translations) or "메모리") for _, m in memory_keys], path="other.po")
    return _catalog(messages), template, memory


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old_and_template())
def test_update_never_drops_a_translation(data: tuple[Catalog, Catalog, Catalog]) -> None:
    old, template, memory_catalog = data
    merged = merge_catalog(old, template, memory=TranslationMemory.from_catalogs([memory_catalog])).catalog
    current = {m.msgstr for m in merged.messages if not m.obsolete}
    obsolete = {(m.key, m.msgstr) for m in merged.messages if m.obsolete}
    for message in old.messages:
        if message.msgstr:
            assert message.msgstr in current or (message.key, message.msgstr) in obsolete, message


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old_and_template())
def test_update_is_idempotent_and_round_trips(data: tuple[Catalog, Catalog, Catalog]) -> None:
    old, template, memory_catalog = data
    memory = TranslationMemory.from_catalogs([memory_catalog])
    once = format_po(merge_catalog(old, template, memory=memory).catalog)
    reread = parse_po(once.encode("utf-8"), "old.po")
    assert format_po(reread) == once
    twice = format_po(merge_catalog(reread, template, memory=memory).catalog)
    assert twice == once


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old_and_template())
def test_a_rejection_record_stays_while_its_entry_does(data: tuple[Catalog, Catalog, Catalog]) -> None:
    old, template, memory_catalog = data
    merged = merge_catalog(old, template, memory=TranslationMemory.from_catalogs([memory_catalog])).catalog
    active = merged.index()
    for message in old.messages:
        if not message.has_translation and message.previous_msgid is not None and message.key in active:
            kept = active[message.key]
            assert (kept.msgstr, kept.fuzzy, kept.previous_msgid) == ("", False, message.previous_msgid)


def _pairs(memory: TranslationMemory) -> set[tuple[tuple[str | None, str], str]]:
    return {(entry.message.key, entry.message.msgstr) for entry in memory.entries}


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old_and_template())
def test_memory_forgets_nothing_an_update_keeps(data: tuple[Catalog, Catalog, Catalog]) -> None:
    """An entry made fuzzy or obsolete still offers its translation of the old source.

    Without this, the memory the next update reads is smaller than the one this update
    read, and its suggestions elsewhere can change: ``update`` would not be idempotent.
    """
    old, template, memory_catalog = data
    merged = merge_catalog(old, template, memory=TranslationMemory.from_catalogs([memory_catalog])).catalog
    assert _pairs(TranslationMemory.from_catalogs([old])) <= _pairs(TranslationMemory.from_catalogs([merged]))


def test_an_exact_hit_on_a_fuzzy_entrys_old_source_stays_fuzzy() -> None:
    """The pair a fuzzy entry keeps is nobody's confirmed translation: never published as is."""
    edited = Message("Rest for two weeks.", "2주 동안 쉬세요.", flags=["fuzzy"], previous_msgid="Rest for one week.")
    memory = TranslationMemory.from_catalogs([_catalog([edited], path="other.po")])
    options = MergeOptions(compendium_exact="translated")
    merged = merge_catalog(_catalog([]), _template("Rest for one week."), memory=memory, options=options).catalog
    [message] = merged.messages
    assert (message.msgstr, message.fuzzy) == ("2주 동안 쉬세요.", True)
