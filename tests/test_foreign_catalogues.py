"""Catalogues written by other tools: polib, Babel, GNU gettext, Poedit, Lokalize, Weblate.

tests/pofile/foreign/<tool>.po is a valid file as that tool writes it (a part of
the back-pain article's Korean catalogue with a translator comment, a fuzzy entry
with ``#|``, an untranslated entry, ``no-wrap``, obsolete entries with msgctxt,
``#~|`` and fuzzy; Weblate adds obsolete plurals with an empty ``msgstr[0]``).
Next to it: ``.expect-msgcat.po`` (what GNU msgcat 0.21 prints for it) and, for
some, ``.expect-update.po`` (medloc's merge with back-pain.pot, which is
``msgmerge --previous``'s output except that msgmerge also upper-cases a
``charset=utf-8`` that Babel writes).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.merge import merge_catalog
from pipeline.pofile import Catalog, format_po, parse_po

FOREIGN = Path(__file__).parent / "pofile" / "foreign"
POT = FOREIGN / "back-pain.pot"
INPUTS = sorted(p for p in FOREIGN.glob("*.po") if ".expect" not in p.name)
UPDATED = sorted(p for p in INPUTS if Path(f"{p}.expect-update.po").exists())
MSGCAT = shutil.which("msgcat")


def _read(path: Path) -> Catalog:
    return parse_po(path.read_bytes(), str(path))


def _translations(catalog: Catalog) -> dict[tuple[str | None, str], tuple[tuple[str, ...], bool]]:
    """Every message a person translated: its forms and whether it is fuzzy."""
    messages = [*catalog.messages]
    return {m.key: (tuple(m.msgstr_plural) or (m.msgstr,), m.fuzzy) for m in messages if m.msgid and m.has_translation}


def test_every_tool_is_covered() -> None:
    names = {p.stem for p in INPUTS}
    assert {"polib-default", "polib-w0", "babel-76", "babel-none", "babel-prev", "babel-sorted", "msgcat-nowrap",
            "msgcat-w60", "msgmerge-prev", "msgattrib-fuzzy", "poedit", "lokalize", "weblate"} <= names


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_read_then_write_is_what_msgcat_prints(path: Path) -> None:
    assert format_po(_read(path)) == Path(f"{path}.expect-msgcat.po").read_text(encoding="utf-8")


@pytest.mark.skipif(MSGCAT is None, reason="GNU gettext (msgcat) is not installed")
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_golden_is_msgcat_output(path: Path) -> None:
    printed = subprocess.run([str(MSGCAT), str(path)], capture_output=True, check=True).stdout
    assert printed == Path(f"{path}.expect-msgcat.po").read_bytes()


@pytest.mark.parametrize("path", UPDATED, ids=lambda p: p.stem)
def test_update_golden(path: Path) -> None:
    merged = merge_catalog(_read(path), _read(POT)).catalog
    assert format_po(merged) == Path(f"{path}.expect-update.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_update_keeps_every_translation_and_comment(path: Path) -> None:
    before = _read(path)
    after = parse_po(format_po(merge_catalog(before, _read(POT)).catalog).encode(), "merged.po")
    kept = _translations(after)
    for key, (forms, fuzzy) in _translations(before).items():
        if not any(forms) or (not forms[0] and key not in kept):
            continue  # gettext and medloc drop an obsolete entry whose first form is empty
        assert key in kept and kept[key][0] == forms, key
        assert kept[key][1] or not fuzzy, f"{key} lost its fuzzy flag"
    comments = {m.key: m.translator_comments for m in [*before.messages] if m.translator_comments}
    merged = {m.key: m.translator_comments for m in [*after.messages]}
    assert all(merged.get(key) == text for key, text in comments.items())


def test_obsolete_previous_fields_and_context_survive() -> None:
    """Lokalize writes ``#~|`` previous fields and ``#~ msgctxt`` on obsolete entries."""
    text = format_po(merge_catalog(_read(FOREIGN / "lokalize.po"), _read(POT)).catalog)
    assert '#~| msgid "An old sentence that was removed."\n' in text
    assert '#~| msgctxt "nav"\n#~| msgid "Old menu item"\n#~ msgctxt "nav"\n#~ msgid "Old menu"\n' in text


def test_check_reads_a_catalogue_without_language_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Older Poedit writes ``X-Poedit-Language: Korean`` and no ``Language``; the folder names the language."""
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    folder = tmp_path / "locales" / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "back-pain.po"
    text = (FOREIGN / "poedit.po").read_text(encoding="utf-8")
    po.write_text(text.replace('"Language: ko\\n"\n', '"X-Poedit-Language: Korean\\n"\n'), encoding="utf-8")
    assert "Language: ko" not in po.read_text(encoding="utf-8")
    assert main(["--project", str(tmp_path), "check", str(po)]) == 0
    assert "1 catalogue" in capsys.readouterr().out
    elsewhere = tmp_path / "back-pain.po"
    shutil.copy(po, elsewhere)
    assert main(["--project", str(tmp_path), "check", str(elsewhere)]) == 2
    assert f"{elsewhere}:1: no Language header" in capsys.readouterr().err
