"""``medloc check --since REF``: a reviewer sees the findings of what a change brought.

The project sits in a subfolder of a real git repository (as in a monorepo); one commit is
the pull request's base, then a translator edits one entry, fixes another, adds a comment to
a third and adds a new catalogue.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from pipeline.changes import _changed_msgids
from pipeline.cli import main
from pipeline.pofile import Catalog, Message, make_header

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ko\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n'


def _po(*entries: tuple[str, str], comments: dict[str, str] | None = None) -> str:
    comments = comments or {}
    body = [HEADER]
    for msgid, msgstr in entries:
        comment = f"# {comments[msgid]}\n" if msgid in comments else ""
        body.append(f'{comment}msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    return "\n".join(body)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=ci@example.org", "-c", "user.name=CI", *args],
                   check=True, capture_output=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    root = repo / "site"
    (root / "locales" / "ko" / "LC_MESSAGES").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    (root / "locales" / "ko" / "LC_MESSAGES" / "rest.po").write_text(_po(
        ("Rest for 3 weeks.", "4주 동안 쉬세요."),     # wrong before, still wrong after: backlog
        ("Take 2 tablets.", "2정을 복용하세요."),       # right before, made wrong by the change
        ("Walk for 10 minutes.", "20분 동안 걸으세요."),  # wrong before, fixed by the change
    ), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    (root / "locales" / "ko" / "LC_MESSAGES" / "rest.po").write_text(_po(
        ("Rest for 3 weeks.", "4주 동안 쉬세요."),
        ("Take 2 tablets.", "3정을 복용하세요."),
        ("Walk for 10 minutes.", "10분 동안 걸으세요."),
    ), encoding="utf-8")
    (root / "locales" / "ko" / "LC_MESSAGES" / "new.po").write_text(_po(("Sleep 8 hours.", "7시간 주무세요.")), encoding="utf-8")
    return root


def test_only_findings_on_changed_or_new_entries_are_shown(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--project", str(project), "check", "--since", "HEAD", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    shown = sorted((f["path"], f["msgid"]) for f in document["findings"])
    assert shown == [("locales/ko/LC_MESSAGES/new.po", "Sleep 8 hours."), ("locales/ko/LC_MESSAGES/rest.po", "Take 2 tablets.")]
    assert (document["summary"]["since"], document["summary"]["unchanged"]) == ("HEAD", 1)  # the 3 weeks backlog
    assert code == 1


def test_without_since_the_backlog_is_reported_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--project", str(project), "check", "--format", "json"])
    assert len(json.loads(capsys.readouterr().out)["findings"]) == 3


def test_the_text_summary_says_what_was_left_out(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--project", str(project), "check", "--since", "HEAD"])
    assert capsys.readouterr().out.rstrip().endswith("; 1 finding on entries unchanged since HEAD not shown")


def test_an_unknown_revision_is_an_error_not_a_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "check", "--since", "origin/mian"]) == 2
    err = capsys.readouterr().err
    assert "--since origin/mian: 'origin/mian' is not a commit" in err
    assert "Traceback" not in err


def test_a_change_is_a_new_translation_flag_or_comment() -> None:
    def catalog(*messages: Message) -> Catalog:
        return Catalog(header=make_header({"Language": "ko"}), messages=list(messages))

    old = catalog(Message("a", "가"), Message("b", "나"), Message("c", "다"), Message("d", "라"), Message("e", "마"),
                  Message("gone", "x", obsolete=True))
    new = catalog(Message("a", "가"), Message("b", "나나"), Message("c", "다", flags=["fuzzy"]),
                  Message("d", "라", translator_comments=["medloc-ignore: term-missing checked"]), Message("e", "마", obsolete=True),
                  Message("gone", "x"), Message("f", "바"))
    assert _changed_msgids(old, new) == {"b", "c", "d", "gone", "f"}
