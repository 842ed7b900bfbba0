"""PO layer: strict reader, GNU-identical writer, safe writes.

Fixtures under tests/pofile/:
  golden/   files msgcat leaves unchanged; read + write must reproduce them byte for byte
  bad/      malformed inputs, each with ``<name>.expect-error`` holding the exact ``path:line: message``
  repair/   BOM / CRLF variants of golden/ru.po, repaired with a warning
"""

from __future__ import annotations

import ctypes
import ctypes.util
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import _linebreak
from pipeline.errors import ConcurrentModificationError, PoSyntaxError
from pipeline.fsio import Snapshot
from pipeline.pofile import (
    Catalog,
    Message,
    TranslationTable,
    format_po,
    make_header,
    parse_po,
    read_po,
    read_translations,
    write_po,
)
from tests.laws import examples

HERE = Path(__file__).parent / "pofile"
REPO_ROOT = Path(__file__).resolve().parents[1]
GOLDEN = sorted((HERE / "golden").iterdir())
BAD = sorted(p for p in (HERE / "bad").iterdir() if not p.name.endswith(".expect-error"))
MSGCAT = shutil.which("msgcat")
MSGFMT = shutil.which("msgfmt")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU gettext (msgcat) is not installed")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext (msgfmt) is not installed")

# Bad inputs GNU msgfmt --check accepts but medloc refuses on purpose (see pipeline/pofile.py docstring).
STRICTER_THAN_GNU = {
    "charset-missing.po": "gettext only warns; medloc needs to know the text is UTF-8",
    "charset-placeholder.po": "a .po with charset=CHARSET was never initialised properly",
    "charset-placeholder-non-ascii.pot": "msgcat refuses it too; msgfmt only warns",
    "charset-unknown.po": "medloc reads UTF-8 only",
    "comment-backslash.po": "gettext silently joins the next line into the comment (loses the #: line)",
    "escape-not-utf8.po": "gettext accepts bytes that are not UTF-8",
    "lone-carriage-return.po": "gettext treats a lone CR as whitespace",
    "nul-byte.po": "gettext truncates the string at the NUL",
    "nul-escape.po": "gettext truncates the string at the NUL",
    "orphan-continuation-after-blank.po": "gettext appends the string to the previous msgstr",
    "truncated-between-entries.po": "gettext ignores comments that belong to no entry",
}


def _run(tool: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([tool, *args], input=stdin, capture_output=True, check=False)


# --------------------------------------------------------------------------- golden files


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_golden_round_trip_is_byte_identical(path: Path) -> None:
    data = path.read_bytes()
    catalog = parse_po(data, str(path))
    assert format_po(catalog).encode("utf-8") == data
    assert catalog.diagnostics == []


@needs_msgcat
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_golden_files_are_msgcat_fixed_points(path: Path) -> None:
    assert _run(MSGCAT, str(path)).stdout == path.read_bytes()


def test_golden_model_keeps_everything_a_translator_wrote() -> None:
    catalog = read_po(HERE / "golden" / "ko.po")
    fuzzy = catalog.find("Numbness or tingling in one or both legs")
    assert fuzzy is not None
    assert fuzzy.translator_comments == ["번역자 메모: 의학 용어 확인 필요"]
    assert fuzzy.extracted_comments == ["list item"]
    assert fuzzy.references == ["docs/back-pain.md:9"]
    assert fuzzy.flags == ["fuzzy"]
    assert fuzzy.previous_msgid == "Numbness or tingling in the leg"
    assert fuzzy.msgstr == "한쪽 다리의 저림이나 따끔거림"
    assert catalog.find("Causes", "heading") is not None
    old = catalog.find("Old heading", "heading", obsolete=True)
    assert old is not None and old.fuzzy and old.previous_msgid == "Older heading"
    plural = catalog.find("%d patient")
    assert plural is not None and plural.msgstr_plural == ["환자 %d명"]
    assert catalog.nplurals == 1
    assert catalog.header_fields()["Language"] == "ko"
    assert catalog.header.translator_comments[-1] == ""


def test_message_lines_point_at_the_entry_start_and_msgstr() -> None:
    catalog = read_po(HERE / "golden" / "ko.po")
    text = (HERE / "golden" / "ko.po").read_text(encoding="utf-8").split("\n")
    assert catalog.header.line == 1
    for message in catalog.messages:
        first = text[message.line - 1]
        assert first.startswith(("#", "msgid", "msgctxt")), first
        assert text[message.msgstr_line - 1].lstrip("#~ ").startswith("msgstr")
    back = catalog.find("Back pain")
    assert back is not None and text[back.line - 1] == "#. heading"


# --------------------------------------------------------------------------- bad input


def _expected_error(path: Path) -> str:
    return (path.parent / f"{path.name}.expect-error").read_text(encoding="utf-8").rstrip("\n")


def test_bad_corpus_is_large_enough() -> None:
    assert len(BAD) >= 20
    for path in BAD:
        assert (path.parent / f"{path.name}.expect-error").is_file(), path


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_input_is_refused_with_path_and_line(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    relative = path.relative_to(HERE)
    with pytest.raises(PoSyntaxError) as info:
        read_po(relative)
    assert str(info.value) == _expected_error(path)
    assert info.value.location is not None and info.value.location.line is not None


@needs_msgfmt
@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_gnu_msgfmt_agrees_unless_we_are_stricter_on_purpose(path: Path) -> None:
    refused = _run(MSGFMT, "--check", "-o", "/dev/null", str(path)).returncode != 0
    assert refused != (path.name in STRICTER_THAN_GNU), _run(MSGFMT, "--check", "-o", "/dev/null", str(path))


def test_stricter_list_names_real_cases() -> None:
    assert set(STRICTER_THAN_GNU) <= {p.name for p in BAD}


# --------------------------------------------------------------------------- repairs


@pytest.mark.parametrize(
    ("name", "codes"),
    [("bom.po", ["po-bom"]), ("crlf.po", ["po-crlf"]), ("bom-crlf.po", ["po-bom", "po-crlf"])],
)
def test_bom_and_crlf_are_repaired_with_a_warning(name: str, codes: list[str]) -> None:
    catalog = read_po(HERE / "repair" / name)
    assert [d.code for d in catalog.diagnostics] == codes
    assert all(d.severity == "warning" and d.location.line == 1 for d in catalog.diagnostics)
    assert format_po(catalog).encode("utf-8") == (HERE / "golden" / "ru.po").read_bytes()
    assert catalog.header_fields()["Language"] == "ru"


def test_crlf_warning_names_the_first_crlf_line() -> None:
    data = (HERE / "golden" / "ru.po").read_bytes().replace(b"X-Generator", b"X-Generator")
    lines = data.split(b"\n")
    lines[4] += b"\r"
    catalog = parse_po(b"\n".join(lines), "x.po")
    assert [str(d) for d in catalog.diagnostics] == ["x.po:5: warning: CRLF line ends converted to LF [po-crlf]"]


# --------------------------------------------------------------------------- model and API


HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def test_header_fields_and_set_header_field_keep_order() -> None:
    catalog = parse_po(HEADER.encode(), "x.po")
    assert list(catalog.header_fields()) == ["Content-Type", "Plural-Forms"]
    catalog.set_header_field("Content-Type", "text/plain; charset=UTF-8")
    catalog.set_header_field("Language", "ru")
    catalog.set_header_field("Plural-Forms", "nplurals=3; plural=0;")
    assert catalog.header_fields() == {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=3; plural=0;",
        "Language": "ru",
    }
    assert catalog.nplurals == 3
    assert catalog.header.msgstr.endswith("Language: ru\n")


def test_nplurals_defaults_to_two_like_gettext() -> None:
    catalog = Catalog(header=make_header({"Content-Type": "text/plain; charset=UTF-8"}))
    assert catalog.nplurals == 2


def test_make_header_writes_like_msginit() -> None:
    header = make_header(
        {"Project-Id-Version": "x", "Content-Type": "text/plain; charset=UTF-8"}, comments=["A", ""], fuzzy=True
    )
    text = format_po(Catalog(header=header))
    assert text == (
        '# A\n#\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    )


def test_find_and_index() -> None:
    catalog = parse_po(
        (HEADER + 'msgctxt "a"\nmsgid "x"\nmsgstr "1"\n\nmsgid "x"\nmsgstr "2"\n\n#~ msgid "y"\n#~ msgstr "3"\n').encode(),
        "x.po",
    )
    assert catalog.find("x").msgstr == "2"  # type: ignore[union-attr]
    assert catalog.find("x", "a").msgstr == "1"  # type: ignore[union-attr]
    assert catalog.find("y") is None
    assert catalog.find("y", obsolete=True).msgstr == "3"  # type: ignore[union-attr]
    assert set(catalog.index()) == {("a", "x"), (None, "x")}


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        (r"a\nb\tc\"d\\e", 'a\nb\tc"d\\e'),
        (r"\a\b\f\v\r", "\a\b\f\v\r"),
        (r"\101\x42", "AB"),
        (r"\303\251t\xc3\xa9", "été"),
        (r"\1010", "A0"),
    ],
)
def test_escapes(literal: str, value: str) -> None:
    catalog = parse_po((HEADER + f'msgid "{literal}"\nmsgstr ""\n').encode(), "x.po")
    assert catalog.messages[0].msgid == value


def test_string_concatenation_and_indented_lines_as_gettext() -> None:
    catalog = parse_po((HEADER + 'msgid "a" "b"\n  "c"\nmsgstr ""\n').encode(), "x.po")
    assert catalog.messages[0].msgid == "abc"


def test_flags_are_combined_and_written_in_gettext_order() -> None:
    catalog = parse_po(
        (HEADER + "#, c-format, custom-flag\n#, fuzzy, python-format\n#, range: 1..5\n"
         'msgid "a"\nmsgstr "b"\n').encode(),
        "x.po",
    )
    message = catalog.messages[0]
    assert message.flags == ["c-format", "custom-flag", "fuzzy", "python-format", "range: 1..5"]
    assert "#, fuzzy, c-format, python-format, range: 1..5, custom-flag\n" in format_po(catalog)


def test_fuzzy_flag_is_not_written_on_untranslated_entries_like_gettext() -> None:
    catalog = parse_po((HEADER + '#, fuzzy\nmsgid "a"\nmsgstr ""\n').encode(), "x.po")
    assert catalog.messages[0].fuzzy
    assert "fuzzy" not in format_po(catalog)


def test_references_are_deduplicated_and_wrapped_at_79_columns() -> None:
    refs = [f"docs/article-number-{i:02d}.md:{i}" for i in range(6)] + ["docs/article-number-00.md:0"]
    catalog = Catalog(header=make_header({"Content-Type": "text/plain; charset=UTF-8"}),
                      messages=[Message(msgid="x", references=refs)])
    lines = [line for line in format_po(catalog).split("\n") if line.startswith("#:")]
    assert all(len(line) <= 79 for line in lines)
    assert sum(line.count(".md:") for line in lines) == 6


def test_obsolete_entries_are_written_after_active_ones() -> None:
    catalog = parse_po((HEADER + '#~ msgid "old"\n#~ msgstr "alt"\n\nmsgid "new"\nmsgstr "neu"\n').encode(), "x.po")
    text = format_po(catalog)
    assert text.index('msgid "new"') < text.index('#~ msgid "old"')


def test_obsolete_entry_without_translation_is_omitted_like_msgcat() -> None:
    catalog = parse_po((HEADER + '#~ msgid "old"\n#~ msgstr ""\n').encode(), "x.po")
    assert len(catalog.messages) == 1
    assert "old" not in format_po(catalog)


def test_pot_may_keep_the_charset_placeholder_when_ascii() -> None:
    data = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\nmsgid "a"\nmsgstr ""\n'.encode()
    assert parse_po(data, "t.pot").messages[0].msgid == "a"
    with pytest.raises(PoSyntaxError, match="placeholder CHARSET"):
        parse_po(data, "t.po")
    assert parse_po(data, "t.txt", kind="pot").messages[0].msgid == "a"


def test_untranslated_plural_entries_may_have_any_number_of_forms() -> None:
    data = (HEADER.replace("nplurals=2", "nplurals=3") + 'msgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    assert parse_po(data.encode(), "x.po").messages[0].msgstr_plural == ["", ""]


def test_writer_refuses_comments_gettext_would_misread() -> None:
    catalog = Catalog(header=make_header({"Content-Type": "text/plain; charset=UTF-8"}),
                      messages=[Message(msgid="x", extracted_comments=["ends with \\"])])
    with pytest.raises(ValueError, match="backslash"):
        format_po(catalog)


# --------------------------------------------------------------------------- write_po


def test_write_po_writes_only_when_changed_and_respects_snapshots(tmp_path: Path) -> None:
    target = tmp_path / "LC_MESSAGES" / "ko.po"
    catalog = read_po(HERE / "golden" / "ko.po")
    assert write_po(catalog, target) is True
    assert target.read_bytes() == (HERE / "golden" / "ko.po").read_bytes()
    mtime = target.stat().st_mtime_ns
    assert write_po(catalog, target) is False
    assert target.stat().st_mtime_ns == mtime

    reread = read_po(target)
    assert reread.snapshot == Snapshot.of(target)
    target.write_text(target.read_text(encoding="utf-8") + "\n# saved in Poedit\n", encoding="utf-8")
    reread.messages[0].msgstr = "허리 통증"
    with pytest.raises(ConcurrentModificationError):
        write_po(reread, target, expect=reread.snapshot)
    assert target.read_text(encoding="utf-8").endswith("# saved in Poedit\n")


# --------------------------------------------------------------------------- wrapping


def _wrapped(msgstr: str) -> list[str]:
    catalog = Catalog(header=make_header({"Content-Type": "text/plain; charset=UTF-8"}),
                      messages=[Message(msgid="x", msgstr=msgstr)])
    lines = format_po(catalog).split("\n")
    return lines[lines.index('msgid "x"') + 1 : -1]


def test_hangul_is_wrapped_by_display_width() -> None:
    lines = _wrapped("가" * 100)
    assert lines[0] == 'msgstr ""'
    assert lines[1] == '"' + "가" * 38 + '"'  # 76 columns: a 39th syllable would pass the 77-column limit


def test_text_is_split_after_embedded_newlines() -> None:
    assert _wrapped("a\nb") == ['msgstr ""', '"a\\n"', '"b"']
    assert _wrapped("a\n") == ['msgstr "a\\n"']


def _libunistring() -> ctypes.CDLL | None:
    """libunistring 1.0, the version whose tables pipeline/_linebreak_data.py copies (gettext 0.21 on Debian 12)."""
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("unistring") or "libunistring.so.2")
        version = ctypes.c_int.in_dll(lib, "_libunistring_version").value
    except (OSError, ValueError):
        return None
    return lib if version >> 8 == 0x100 else None


LIBUNISTRING = _libunistring()


def _reference_linebreaks(lib: ctypes.CDLL, text: str, width: int, start: int, prohibited: set[int]) -> list[int]:
    """What libunistring itself answers (``ulc_width_linebreaks_v2``, the call msgcat makes)."""
    fn = lib.ulc_width_linebreaks_v2
    fn.restype = ctypes.c_int
    fn.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                   ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
    data = text.encode("utf-8")
    offsets = [len(text[:i].encode("utf-8")) for i in range(len(text))]
    overrides = bytearray(len(data))
    for i in prohibited:
        overrides[offsets[i]] = 1
    out = ctypes.create_string_buffer(len(data) or 1)
    fn(data, len(data), width, start, 0, bytes(overrides), b"UTF-8", out)
    return [i for i, off in enumerate(offsets) if out.raw[off] == 2]


@pytest.mark.skipif(LIBUNISTRING is None, reason="libunistring 1.0 (GNU gettext's line breaker) is not installed")
def test_line_breaking_matches_libunistring_on_random_text() -> None:
    rng = random.Random(14)
    pool = [chr(c) for c in range(0x20, 0x7F)] + list(
        "가한국어日本語中文。、「」ー　ｱ«»‘’“”…—–\u200b\u00a0\u0301\u200d\u2028\u0085\u05d0\u05d1\u0e01\u00a7"
        "\u2060\ufffc\U0001F1E6\U0001F1E7\U0001F600\U0001F3FB\u261d\u0627\u0644\u064e\u1100\u1161\u11a8\u3041"
        "\uff01\uff08\uff09\u2024\u00ad\t\x01"
    )
    pool += [chr(rng.randrange(0x10000)) for _ in range(300)]
    pool = [c for c in pool if not 0xD800 <= ord(c) < 0xE000]
    words = ["word", " ", "  ", "a-b", "(x)", "1.5", "%s", "日本", "척추", "\\n", "http://x.org/a"]
    for _ in range(3000):
        text = "".join(rng.choice(pool) if rng.random() < 0.5 else rng.choice(words) for _ in range(rng.choice([5, 40, 120])))
        width, start = rng.choice([10, 30, 74, 77]), rng.choice([0, 6, 13])
        prohibited = set(rng.sample(range(len(text)), 3))
        assert LIBUNISTRING is not None
        expected = _reference_linebreaks(LIBUNISTRING, text, width, start, prohibited)
        assert _linebreak.width_linebreaks(text, width, start, prohibited) == expected, (text, width, start)


@pytest.mark.skipif(LIBUNISTRING is None, reason="libunistring 1.0 (GNU gettext's line breaker) is not installed")
def test_width_table_matches_libunistring() -> None:
    assert LIBUNISTRING is not None
    uc_width = LIBUNISTRING.uc_width
    uc_width.restype = ctypes.c_int
    uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    for uc in list(range(0, 0x3400)) + list(range(0xA000, 0x10000, 7)) + list(range(0x10000, 0x110000, 997)):
        assert _linebreak.char_width(uc) == uc_width(uc, b"UTF-8"), hex(uc)


# --------------------------------------------------------------------------- properties

_CHARS = list("abcXYZ 019,.;:!?-/()[]{}%'\"\\\t\n#&+=_*@~") + list(
    "가나다라한국어척추요통日本語手術坐骨神経痛中文疼痛。、「」（）ー　ｱｶ عرقالنساألم é ßДжы…—–«»‘’“”\u00a0\u0301\u200b"
)
_TOKENS = ["patient", "spine", "surgery", "척추", "수술", "手術", "العمود", "http://example.org/a/b-c?d=e",
           "supercalifragilisticexpialidocious", "  ", " ", "%d", "%(count)d", "%-+ #0d", "%1$s", "%.*f", "%%"]
_alphabet = "".join(sorted(set(_CHARS)))
_text = st.one_of(
    st.text(_alphabet, max_size=40),
    st.builds(lambda a, t, b: a + t + b, st.text(_alphabet, max_size=60), st.sampled_from(_TOKENS),
              st.text(_alphabet, max_size=80)),
)
_comment = _text.map(lambda s: s.replace("\n", " ").rstrip("\\"))
_ref = st.builds(lambda name, line: f"docs/{name}.md:{line}",
                 st.sampled_from(["back-pain", "sciatica", "a", "spinal-stenosis-and-degenerative-disc-disease"]),
                 st.integers(1, 9999))
_FORMAT_LANGUAGES = ["c", "python"]


@st.composite
def _message(draw: st.DrawFn, index: int, obsolete: bool) -> Message:
    plural = draw(st.booleans()) and draw(st.booleans())
    m = Message(msgid=f"{index} " + draw(_text), msgctxt=draw(st.none() | _text), obsolete=obsolete)
    if plural:
        m.msgid_plural = draw(_text)
        m.msgstr_plural = [draw(_text), draw(_text)]
    else:
        m.msgstr = draw(_text)
    first = m.msgstr_plural[0] if plural else m.msgstr
    if obsolete and not first:
        first = "x"
        if plural:
            m.msgstr_plural[0] = first
        else:
            m.msgstr = first
    m.translator_comments = draw(st.lists(_comment, max_size=2))
    m.extracted_comments = draw(st.lists(_comment, max_size=2))
    m.references = list(dict.fromkeys(draw(st.lists(_ref, max_size=8))))
    flags = []
    if first and draw(st.booleans()):
        flags.append("fuzzy")
    for language in _FORMAT_LANGUAGES:
        flags += draw(st.sampled_from([[], [], [], [f"{language}-format"], [f"no-{language}-format"]]))
    if not obsolete and draw(st.integers(0, 5)) == 0:
        flags.append("range: 1..9")
    if draw(st.integers(0, 7)) == 0:
        flags.append("no-wrap")
    m.flags = flags
    if draw(st.booleans()):
        m.previous_msgid = draw(_text)
        m.previous_msgctxt = draw(st.none() | _text)
        m.previous_msgid_plural = draw(st.none() | _text) if plural else None
    return m


@st.composite
def _catalog(draw: st.DrawFn) -> Catalog:
    n_active = draw(st.integers(0, 6))
    n_obsolete = draw(st.integers(0, 2))
    messages = [draw(_message(i, False)) for i in range(n_active)]
    messages += [draw(_message(n_active + i, True)) for i in range(n_obsolete)]
    header = make_header(
        {"Project-Id-Version": "medloc", "Language": "ko", "Content-Type": "text/plain; charset=UTF-8",
         "Plural-Forms": "nplurals=2; plural=(n != 1);", "X-Note": draw(_comment)},
        comments=draw(st.lists(_comment, max_size=2)),
        fuzzy=draw(st.booleans()),
    )
    return Catalog(header=header, messages=messages)


@given(_catalog())
@settings(max_examples=examples(50), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_write_then_read_is_lossless(catalog: Catalog) -> None:
    text = format_po(catalog)
    again = parse_po(text.encode("utf-8"), "x.po")
    assert again.header == catalog.header
    assert again.messages == [m for m in catalog.messages if not m.obsolete] + [m for m in catalog.messages if m.obsolete]
    assert format_po(again) == text


@needs_msgcat
@given(_catalog())
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_msgcat_leaves_medloc_output_unchanged(catalog: Catalog) -> None:
    if not any(not m.obsolete for m in catalog.messages):
        catalog.messages.insert(0, Message(msgid="msgcat writes nothing for a catalogue without messages"))
    text = format_po(catalog).encode("utf-8")
    result = _run(MSGCAT, "-", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == text.decode("utf-8")


def test_header_found_after_other_entries_is_written_first_with_a_warning() -> None:
    data = ('msgid "a"\nmsgstr "b"\n\n' + HEADER).encode()
    catalog = parse_po(data, "x.po")
    assert [d.code for d in catalog.diagnostics] == ["po-header-position"]
    assert format_po(catalog).startswith('msgid ""\n')


def test_nul_anywhere_in_the_file_is_refused() -> None:
    data = (HEADER + "# " + "x" * 9000 + "\n" + 'msgid "a"\nmsgstr "b\x00"\n').encode()
    with pytest.raises(PoSyntaxError, match=r"x.po:8: NUL byte"):
        parse_po(data, "x.po")


def test_obsolete_previous_fields_round_trip() -> None:
    data = (HEADER + '#, fuzzy\n#~| msgctxt "old"\n#~| msgid ""\n#~| "long "\n#~| "text"\n'
            '#~ msgctxt "c"\n#~ msgid "a"\n#~ msgstr "b"\n').encode()
    catalog = parse_po(data, "x.po")
    old = catalog.messages[0]
    assert (old.obsolete, old.previous_msgctxt, old.previous_msgid) == (True, "old", "long text")
    again = parse_po(format_po(catalog).encode(), "x.po")
    assert again.messages == catalog.messages


def test_long_continued_strings_are_read_in_linear_time() -> None:
    lines = "".join(f'"{"word " * 14}"\n' for _ in range(20000))
    catalog = parse_po((HEADER + 'msgid "a"\nmsgstr ""\n' + lines).encode(), "x.po")
    assert len(catalog.messages[0].msgstr) == 20000 * 70


def test_a_truncated_file_is_refused_or_flagged() -> None:
    """Cut anywhere (an interrupted write): an error, or a warning, or a cut at a line end that no reader can see.

    A file cut right after a complete line of a multi-line string is valid PO; every other
    cut is refused or reported (no final newline), and no text is ever mangled.
    """
    data = (HERE / "golden" / "ko.po").read_bytes()
    original = {m.key: m for m in parse_po(data, "ko.po").messages}
    refused = 0
    for cut in range(len(data)):
        try:
            catalog = parse_po(data[:cut], "ko.po")
        except PoSyntaxError:
            refused += 1
            continue
        warned = any(d.code == "po-no-final-newline" for d in catalog.diagnostics)
        assert warned == (not data[:cut].endswith(b"\n"))
        for message in catalog.messages:
            whole = original[message.key]
            if message != whole:
                assert warned or data[:cut].endswith(b'"\n'), cut
                for got, want in zip([message.msgstr, *message.msgstr_plural], [whole.msgstr, *whole.msgstr_plural]):
                    assert want.startswith(got), cut
    assert refused > len(data) * 0.8


# --------------------------------------------------------------------------- fast paths of the writer and reader
# Each fast path is checked against the slow definition it replaces, on text built
# to reach it: printable ASCII, one-column non-ASCII, one- and two-column mixes.

_WRAP_WORDS = ["spine", "a-b", "x/y", "(see)", "1.5", "%d", "\\n", "\\\"", "척추관", "협착증", "日本語", "。", "「",
               "（", "ー", "ｱ", "’", "°C", "—", "…", "Дж", "é", "supercalifragilistic", "http://x.org/a?b=c"]
_wrap_text = st.lists(st.sampled_from(_WRAP_WORDS) | st.sampled_from([" ", " ", "  "]) | st.text(_alphabet, max_size=3),
                      max_size=60).map("".join).map(lambda s: s.replace("\n", " ").replace("\t", " "))


@given(_wrap_text, st.sampled_from([10, 30, 74, 77]), st.sampled_from([0, 6, 13, 80]), st.data())
@settings(max_examples=examples(300), deadline=None)
def test_fast_line_breaking_paths_agree_with_the_state_machine(text: str, width: int, start: int, data: st.DataObject) -> None:
    prohibited = set(data.draw(st.lists(st.integers(0, max(len(text) - 1, 0)), max_size=4))) if text else set()
    expected = _linebreak._general(text, width, start, prohibited)
    assert _linebreak.width_linebreaks(text, width, start, prohibited) == expected
    columns = _linebreak.ordinary_width(text)
    if columns is not None:
        assert columns == _linebreak.text_width(text)


@given(_wrap_text, st.sampled_from(["msgid", "msgstr", "msgctxt"]), st.sampled_from([74, 77, 20]), st.data())
@settings(max_examples=examples(300), deadline=None)
def test_first_line_is_decided_as_gettext_decides_it(text: str, name: str, width: int, data: st.DataObject) -> None:
    """gettext breaks the value after ``msgid "``; any break -> ``msgid ""`` and break again from column 0."""
    from pipeline.pofile import _breaks, _first_breaks

    if not text:
        return
    protected = set(data.draw(st.lists(st.integers(0, len(text) - 1), max_size=3)))
    start = len(name) + 1
    first = _breaks(text, width, start, protected, False)
    gettext = (True, _breaks(text, width, 0, protected, False)) if first else (False, first)
    assert _first_breaks(text, width, start, protected, False) == gettext


@given(st.lists(st.text("ab:0129٣.", max_size=7), max_size=6).map(" ".join),
       st.sampled_from([[], ["a:1"], ["a:1", "b:0"]]))
@settings(max_examples=examples(300), deadline=None)
def test_references_are_normalised_as_one_regex_per_token_would(text: str, existing: list[str]) -> None:
    import re

    from pipeline.pofile import _add_references

    expected = list(existing)
    for token in text.split():
        match = re.match(r"^(.*?):(\d+)$", token)
        if match and match.group(1):
            token = f"{match.group(1)}:{int(match.group(2))}"
        if token not in expected:
            expected.append(token)
    got = list(existing)
    _add_references(got, text)
    assert got == expected


def test_references_with_odd_line_numbers_read_back_normalised() -> None:
    text = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            "#: docs/a.md:007 docs/b.md:3\n#: docs/a.md:7 docs/c.md:٣\nmsgid \"x\"\nmsgstr \"\"\n")
    [message] = parse_po(text.encode("utf-8"), "x.po").messages
    assert message.references == ["docs/a.md:7", "docs/b.md:3", "docs/c.md:3"]


# --------------------------------------------------------------------------- read_translations: the same lookups


def _lookups(catalog: object) -> dict[tuple[str | None, str], tuple[str, bool, int, bool, bool]]:
    """What the site build reads of a catalogue: per active entry, its translation state and msgstr line."""
    return {
        key: (entry.msgstr, entry.fuzzy, entry.msgstr_line, entry.translated, entry.has_translation)
        for key, entry in catalog.index().items()  # type: ignore[attr-defined]
        if entry.msgid_plural is None
    }


def _same_as_read_po(path: Path) -> TranslationTable | Catalog:
    """read_translations(path) gives what read_po gives, or raises exactly what read_po raises."""
    try:
        strict = read_po(path)
    except PoSyntaxError as error:
        with pytest.raises(PoSyntaxError) as info:
            read_translations(path)
        assert (str(info.value), info.value.location) == (str(error), error.location)
        return Catalog(header=make_header({}))
    table = read_translations(path)
    assert _lookups(table) == _lookups(strict)
    assert table.diagnostics == strict.diagnostics
    return table


FOREIGN = sorted(p for p in (HERE / "foreign").glob("*.po"))
"""Catalogues as other tools write them (polib, Babel, GNU tools, Poedit, Lokalize, Weblate)."""


@pytest.mark.parametrize("path", GOLDEN + BAD + FOREIGN, ids=lambda p: p.name)
def test_read_translations_agrees_with_read_po_on_every_golden_and_bad_file(path: Path) -> None:
    _same_as_read_po(path)


def test_read_translations_takes_the_shortcut_for_committed_catalogues() -> None:
    """Every article catalogue of this repository is read without the full parser."""
    catalogues = [p for p in (REPO_ROOT / "locales").glob("*/LC_MESSAGES/*.po") if p.name != "site.po"]
    assert len(catalogues) >= 30
    for path in catalogues:
        assert isinstance(_same_as_read_po(path), TranslationTable), path


# Edits that take a file out of the shortcut's shape (the full reader then decides: warn or refuse).
_EDITS = [
    lambda text: text,
    lambda text: text.replace("\n", "\r\n"),
    lambda text: "\ufeff" + text,
    lambda text: text.rstrip("\n"),
    lambda text: text + text.split("\n\n", 1)[-1],  # every entry again: duplicates
    lambda text: text.replace('msgid "', '#~ msgid "', 1),
    lambda text: text.replace("\n\n", "\n\n# trailing \\\n", 1),
    lambda text: text + "#, fuzzy\n",
    lambda text: text.replace("charset=UTF-8", "charset=latin-1"),
    lambda text: text.replace('msgstr "', 'msgstr[0] "', 1),
]


@given(_catalog(), st.sampled_from(range(len(_EDITS))))
@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_read_translations_agrees_with_read_po_on_generated_files(tmp_path: Path, catalog: Catalog, edit: int) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(_EDITS[edit](format_po(catalog)).encode("utf-8"))
    _same_as_read_po(path)
