"""``medloc init``, ``update`` and ``merge`` on a temporary project."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest

import pipeline.catalogs as catalogs
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.fsio import FileLock
from pipeline.pofile import Catalog, Message, format_po, make_header, read_po, write_po

gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")


def _template(source: str, *entries: tuple[str, int] | tuple[str, int, str]) -> str:
    header = make_header({
        "Project-Id-Version": "medloc-test 1.0", "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2025-03-01 00:00+0000", "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>", "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "", "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit", "X-Source-Language": source,
    }, fuzzy=True)
    messages = []
    for entry in entries:
        msgid, line = entry[0], entry[1]
        plural = entry[2] if len(entry) == 3 else None
        messages.append(Message(msgid, msgid_plural=plural, references=[f"docs/x.md:{line}"], extracted_comments=["paragraph"]))
    return format_po(Catalog(header=header, messages=messages))


SCIATICA = [("Sciatica is a symptom, not a disease.", 5), ("Recovery takes two to four weeks after the injection.", 7),
            ("Please bring your MRI images to the first visit.", 9), ("{n} day", 11, "{n} days")]
STENOSIS = [("Spinal stenosis narrows the spinal canal.", 5), ("Please bring your MRI images to the first visit.", 7)]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko", "ru", "ar"]\n', encoding="utf-8")
    templates = tmp_path / "locales" / "templates"
    templates.mkdir(parents=True)
    (templates / "sciatica.pot").write_text(_template("en", *SCIATICA), encoding="utf-8")
    (templates / "stenosis.pot").write_text(_template("en", *STENOSIS), encoding="utf-8")
    (templates / "korean-notice.pot").write_text(_template("ko", ("비수술 치료를 먼저 권합니다.", 3)), encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str) -> int:
    return main(["--project", str(project), *args])


def po(project: Path, lang: str, slug: str) -> Path:
    return project / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"


def translate(path: Path, translations: dict[str, str]) -> None:
    catalog = read_po(path)
    for message in catalog.messages:
        if message.msgid in translations:
            if message.msgid_plural is not None:
                message.msgstr_plural = [translations[message.msgid]] * len(message.msgstr_plural)
            else:
                message.msgstr = translations[message.msgid]
    write_po(catalog, path)


# --------------------------------------------------------------------------- init


def test_init_writes_msginit_headers_with_babel_plural_forms(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "init", "ko", "ru", "ar") == 0
    fields = {lang: read_po(po(project, lang, "sciatica")).header_fields() for lang in ("ko", "ru", "ar")}
    assert fields["ko"]["Plural-Forms"] == "nplurals=1; plural=0;"
    assert fields["ru"]["Plural-Forms"].startswith("nplurals=3;")
    assert fields["ar"]["Plural-Forms"].startswith("nplurals=6;")
    assert fields["ko"]["Language"] == "ko"
    assert fields["ko"]["Language-Team"] == "Korean"
    assert fields["ko"]["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["ko"]["POT-Creation-Date"] == fields["ko"]["PO-Revision-Date"] == "2025-03-01 00:00+0000"
    plural = read_po(po(project, "ar", "sciatica")).find("{n} day")
    assert plural is not None and plural.msgstr_plural == [""] * 6
    assert not read_po(po(project, "ko", "sciatica")).header.fuzzy
    # A Korean-source template is not translated into Korean.
    assert not po(project, "ko", "korean-notice").exists()
    assert po(project, "ru", "korean-notice").exists()
    assert "locales/ko/LC_MESSAGES/sciatica.po: created" in capsys.readouterr().out


def test_init_validates_language_codes_before_writing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "init", "ru", "kr") == 2
    assert capsys.readouterr().err.strip() == "medloc: unknown language code 'kr'; did you mean 'ko'?"
    assert not (project / "locales" / "ru").exists()


def test_init_never_overwrites(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, "init", "ko")
    translate(po(project, "ko", "sciatica"), {"Sciatica is a symptom, not a disease.": "좌골신경통은 증상입니다."})
    before = po(project, "ko", "sciatica").read_bytes()
    capsys.readouterr()
    assert run(project, "init", "ko") == 0
    assert po(project, "ko", "sciatica").read_bytes() == before
    assert "locales/ko/LC_MESSAGES/sciatica.po: exists, left unchanged" in capsys.readouterr().out


def test_init_warns_about_an_unconfigured_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "init", "ja") == 0
    assert "language 'ja' is not in tool.medloc.languages" in capsys.readouterr().err
    assert po(project, "ja", "sciatica").exists()


# --------------------------------------------------------------------------- update


def test_update_creates_merges_and_check_reports(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "update", "--check") == 1
    assert not (project / "locales" / "ko").exists(), "--check wrote files"
    assert run(project, "update") == 0
    assert run(project, "update", "--check") == 0
    capsys.readouterr()
    translate(po(project, "ko", "sciatica"), {"Recovery takes two to four weeks after the injection.": "주사 후 회복에는 2~4주가 걸립니다."})
    pot = project / "locales" / "templates" / "sciatica.pot"
    pot.write_text(pot.read_text().replace("two to four weeks", "three to four weeks"), encoding="utf-8")
    assert run(project, "update", "--check") == 1
    assert "would update" in capsys.readouterr().out
    assert run(project, "update", "--lang", "ko") == 0
    message = read_po(po(project, "ko", "sciatica")).find("Recovery takes three to four weeks after the injection.")
    assert message is not None and message.fuzzy
    assert message.msgstr == "주사 후 회복에는 2~4주가 걸립니다."
    assert message.previous_msgid == "Recovery takes two to four weeks after the injection."


def test_update_is_idempotent_and_writes_only_changes(project: Path) -> None:
    run(project, "update")
    translate(po(project, "ko", "sciatica"), {"Sciatica is a symptom, not a disease.": "좌골신경통은 증상입니다."})
    run(project, "update")
    files = sorted((project / "locales").rglob("*.po"))
    state = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    assert run(project, "update") == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == state


def test_update_fills_from_other_catalogues_of_the_language(project: Path) -> None:
    run(project, "update")
    translate(po(project, "ko", "sciatica"), {"Please bring your MRI images to the first visit.": "첫 방문 시 MRI 영상을 가져오세요."})
    run(project, "update")
    message = read_po(po(project, "ko", "stenosis")).find("Please bring your MRI images to the first visit.")
    assert message is not None
    assert (message.msgstr, message.fuzzy) == ("첫 방문 시 MRI 영상을 가져오세요.", True)
    russian = read_po(po(project, "ru", "stenosis")).find("Please bring your MRI images to the first visit.")
    assert russian is not None and russian.msgstr == ""


def test_update_memory_exact_can_be_configured_translated(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '[tool.medloc.update]\ncompendium_exact = "translated"\n')
    run(project, "update")
    translate(po(project, "ko", "sciatica"), {"Please bring your MRI images to the first visit.": "첫 방문 시 MRI 영상을 가져오세요."})
    run(project, "update")
    message = read_po(po(project, "ko", "stenosis")).find("Please bring your MRI images to the first visit.")
    assert message is not None and message.translated


def test_update_keeps_then_prunes_obsolete_entries(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, "update", "--lang", "ko")
    translate(po(project, "ko", "stenosis"), {"Spinal stenosis narrows the spinal canal.": "척추관 협착증은 척추관을 좁힙니다."})
    (project / "locales" / "templates" / "stenosis.pot").write_text(
        _template("en", ("Please bring your MRI images to the first visit.", 7)), encoding="utf-8")
    run(project, "update", "--lang", "ko")
    obsolete = [m for m in read_po(po(project, "ko", "stenosis")).messages if m.obsolete]
    assert [(m.msgid, m.msgstr) for m in obsolete] == [("Spinal stenosis narrows the spinal canal.", "척추관 협착증은 척추관을 좁힙니다.")]
    line = obsolete[0].line
    capsys.readouterr()
    assert run(project, "update", "--lang", "ko", "--prune-obsolete") == 0
    out = capsys.readouterr().out
    assert f"locales/ko/LC_MESSAGES/stenosis.po:{line}: pruned obsolete entry 'Spinal stenosis narrows the spinal canal.'" in out
    assert not any(m.obsolete for m in read_po(po(project, "ko", "stenosis")).messages)


def test_malformed_catalogue_stops_update_before_any_write(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, "update")
    translate(po(project, "ru", "sciatica"), {"Sciatica is a symptom, not a disease.": "Ишиас — это симптом."})
    pot = project / "locales" / "templates" / "sciatica.pot"
    pot.write_text(pot.read_text().replace("not a disease", "not an illness"), encoding="utf-8")
    broken = po(project, "ko", "stenosis")
    broken.write_text(broken.read_text() + '\nmsgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    snapshot = {p: p.read_bytes() for p in (project / "locales").rglob("*.po")}
    capsys.readouterr()
    assert run(project, "update") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{broken}:")
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in (project / "locales").rglob("*.po")} == snapshot


def test_catalogue_saved_during_update_is_not_overwritten(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run(project, "update")
    pot = project / "locales" / "templates" / "sciatica.pot"
    pot.write_text(pot.read_text().replace("not a disease", "not an illness"), encoding="utf-8")
    victim = po(project, "ko", "sciatica")
    saved_by_translator = victim.read_text().replace('msgstr ""', 'msgstr "번역"', 1)
    real_merge = catalogs.merge_catalog

    def merge_while_someone_saves(old: Catalog, template: Catalog, **kwargs: object):  # type: ignore[no-untyped-def]
        if old.path == str(victim):
            victim.write_text(saved_by_translator, encoding="utf-8")
        return real_merge(old, template, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(catalogs, "merge_catalog", merge_while_someone_saves)
    capsys.readouterr()
    assert run(project, "update") == 2
    err = capsys.readouterr().err
    assert f"{victim}: changed on disk since medloc read it" in err
    assert victim.read_text() == saved_by_translator
    assert "not an illness" in po(project, "ru", "sciatica").read_text(), "other catalogues are still updated"


def test_update_waits_for_the_lock(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(catalogs, "FileLock", functools.partial(FileLock, timeout=0.2))
    (project / "locales").mkdir(exist_ok=True)
    with FileLock(project / "locales"):
        assert run(project, "update") == 2
    assert "another medloc process is working on these files" in capsys.readouterr().err
    assert not (project / "locales" / "ko").exists()
    assert run(project, "update") == 0


def test_orphan_catalogue_is_left_alone_with_a_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, "update")
    (project / "locales" / "templates" / "stenosis.pot").unlink()
    before = po(project, "ko", "stenosis").read_bytes()
    capsys.readouterr()
    assert run(project, "update") == 0
    assert "locales/ko/LC_MESSAGES/stenosis.po: warning: no template" in capsys.readouterr().err
    assert po(project, "ko", "stenosis").read_bytes() == before


@gettext
def test_outputs_pass_msgfmt_check_and_survive_msgcat(project: Path) -> None:
    run(project, "update")
    translate(po(project, "ru", "sciatica"), {"{n} day": "{n} день", "Sciatica is a symptom, not a disease.": "Ишиас — симптом."})
    pot = project / "locales" / "templates" / "sciatica.pot"
    pot.write_text(pot.read_text().replace("not a disease", "not an illness"), encoding="utf-8")
    run(project, "update")
    for path in sorted((project / "locales").rglob("*.po")):
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        assert subprocess.run(["msgcat", str(path)], capture_output=True, text=True).stdout == path.read_text()


# --------------------------------------------------------------------------- merge (one pair)


@gettext
def test_merge_command_matches_msgmerge_argument_order(project: Path, tmp_path: Path) -> None:
    case = Path(__file__).parent / "merge" / "fuzzy"
    out = tmp_path / "out.po"
    assert main(["merge", str(case / "old.po"), str(case / "new.pot"), "-o", str(out)]) == 0
    assert out.read_text() == (case / "expected.po").read_text()
    case = Path(__file__).parent / "merge" / "memory"
    assert main(["merge", str(case / "old.po"), str(case / "new.pot"), "-C", str(case / "compendium.po"), "-o", str(out)]) == 0
    assert out.read_text() == (case / "expected.po").read_text()


def test_merge_command_refuses_malformed_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a\nmsgstr "b"\n')
    out = tmp_path / "out.po"
    pot = Path(__file__).parent / "merge" / "fuzzy" / "new.pot"
    assert main(["merge", str(bad), str(pot), "-o", str(out)]) == 2
    assert capsys.readouterr().err.startswith(f"{bad}:4:")
    assert not out.exists()


def test_load_templates_reads_source_language(project: Path) -> None:
    templates = catalogs.load_templates(load_config(project))
    assert [(t.slug, t.source.code) for t in templates] == [("korean-notice", "ko"), ("sciatica", "en"), ("stenosis", "en")]


def test_crlf_and_bom_catalogue_is_repaired_with_a_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, "update", "--lang", "ko")
    path = po(project, "ko", "stenosis")
    translate(path, {"Spinal stenosis narrows the spinal canal.": "척추관 협착증은 척추관을 좁힙니다."})
    clean = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + clean.replace(b"\n", b"\r\n"))
    capsys.readouterr()
    assert run(project, "update", "--lang", "ko") == 0
    err = capsys.readouterr().err
    assert f"{path}:1: warning:" in err
    assert path.read_bytes() == clean
