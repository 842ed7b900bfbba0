"""``medloc memory export``: the pairs ``update`` suggests from, as TMX 1.4b a CAT tool reads."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.pofile import Catalog, Message, make_header, write_po
from pipeline.tmx import collect_units, format_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _catalog(lang: str, messages: list[Message], source: str = "en") -> Catalog:
    fields = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang, "X-Source-Language": source,
              "Plural-Forms": "nplurals=1; plural=0;"}
    return Catalog(header=make_header(fields), messages=messages)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko", "zh_Hans"]\n', encoding="utf-8")
    ko = tmp_path / "locales" / "ko" / "LC_MESSAGES"
    ko.mkdir(parents=True)
    write_po(_catalog("ko", [
        Message("Rest for 3 weeks.", "3주 동안 쉬세요.", references=["docs/rest.md:5"]),
        Message("Rest for 4 weeks.", "3주 동안 쉬세요.", flags=["fuzzy"], previous_msgid="Rest for 3 weeks."),  # #| source
        Message("Take 2 <b>tablets</b> & water.", "물과 함께 <b>2정</b>을 복용하세요.", msgctxt="dose"),
        Message("Walk daily.", ""),                                                   # nobody translated it
        Message("Old advice.", "옛 조언.", obsolete=True),                             # confirmed once: still a pair
        Message("{n} page", "{n}쪽", msgid_plural="{n} pages", msgstr_plural=["{n}쪽"]),  # no single target text
        Message("Bell\x07 here.", "종\x07 여기."),                                       # XML 1.0 cannot carry it
    ]), ko / "rest.po")
    zh = tmp_path / "locales" / "zh_Hans" / "LC_MESSAGES"
    zh.mkdir(parents=True)
    write_po(_catalog("zh_Hans", [Message("척추 검사", "脊柱检查")], source="ko"), zh / "first-visit.po")
    return tmp_path


def _pairs(text: str) -> list[tuple[str | None, ...]]:
    root = ET.fromstring(text)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    rows = []
    for tu in root.findall("./body/tu"):
        source, target = tu.findall("tuv")
        context = tu.find("prop[@type='x-context']")
        assert source.get(XML_LANG) == tu.get("srclang")
        rows.append((source.get(XML_LANG), source.findtext("seg"), target.get(XML_LANG), target.findtext("seg"),
                     None if context is None else context.text))
    return rows


def test_every_pair_a_person_translated_and_nothing_else(project: Path) -> None:
    export = collect_units(load_config(project))
    assert sorted(_pairs(format_tmx(export, source_lang="en"))) == sorted([
        ("en", "Rest for 3 weeks.", "ko", "3주 동안 쉬세요.", None),
        ("en", "Take 2 <b>tablets</b> & water.", "ko", "물과 함께 <b>2정</b>을 복용하세요.", "dose"),
        ("en", "Old advice.", "ko", "옛 조언.", None),
        ("ko", "척추 검사", "zh-Hans", "脊柱检查", None),
    ])
    assert export.plurals == 1
    [skipped] = export.diagnostics
    assert str(skipped.location).startswith("locales/ko/LC_MESSAGES/rest.po:") and skipped.code == "tmx-skipped"


def test_the_fuzzy_entry_is_remembered_under_the_source_its_translation_renders(project: Path) -> None:
    units = collect_units(load_config(project), ["ko"]).units
    assert [u.source for u in units if u.target == "3주 동안 쉬세요."] == ["Rest for 3 weeks."]  # never "4 weeks"


def test_cli_writes_tmx_to_stdout_and_a_summary_to_stderr(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "memory", "export", "--lang", "zh_Hans"]) == 0
    out, err = capsys.readouterr()
    assert _pairs(out) == [("ko", "척추 검사", "zh-Hans", "脊柱检查", None)]
    assert 'srclang="en"' in out.splitlines()[2]  # the header names the project's source language
    assert err.strip().splitlines()[-1] == "memory: 1 translation units"


def test_a_broken_catalogue_is_reported_with_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "locales" / "ko" / "LC_MESSAGES" / "broken.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    assert main(["--project", str(project), "memory", "export"]) == 2
    assert "locales/ko/LC_MESSAGES/broken.po:2:" in capsys.readouterr().err
