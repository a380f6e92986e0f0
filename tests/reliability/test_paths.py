"""Where bases come from: only the default file and ``salesdesk init`` make one.

A base named with ``--db`` (or SALESDESK_DB) that does not exist is an error naming the path, and
no folder or file is left behind; a file or a folder where a base should be gets a clear message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import run, sha256


def test_a_missing_base_is_an_error_naming_it_and_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "folder" / "b.sqlite"
    for command in (["check"], ["search", "ромашка"], ["client", "add", "--name", "ООО «Ромашка»"]):
        code, out, err = run(capsys, "--db", str(target), *command)
        assert code == 1, command
        assert f"There is no database {target}" in err and f"salesdesk init {target}" in err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_base_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "b.sqlite"
    code, _, err = run(capsys, "--db", str(target), "--lang", "ru", "check")
    assert code == 1 and f"Базы {target} нет" in err
    assert not target.exists()


def test_the_environment_variable_names_a_base_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESDESK_DB", str(tmp_path / "env.sqlite"))
    code, _, err = run(capsys, "check")
    assert code == 1 and "There is no database" in err and not (tmp_path / "env.sqlite").exists()


def test_init_makes_a_base_with_its_folders_and_refuses_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "office" / "2027" / "base.sqlite"
    code, out, _ = run(capsys, "init", str(target))
    assert code == 0 and f"Made a new database: {target}" in out
    assert run(capsys, "--db", str(target), "check")[0] == 0
    before = sha256(target)
    code, _, err = run(capsys, "init", str(target))
    assert code == 1 and "already exists" in err
    assert sha256(target) == before


def test_the_default_base_is_made_on_the_first_start(
    _isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0 and "integrity: ok" in out
    assert (_isolated_data_dir / "salesdesk.sqlite").exists()


def test_a_file_where_a_folder_should_be(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("не папка", encoding="utf-8")
    for command in (["check"], ["init", str(blocker / "x.sqlite")]):
        args = command if command[0] == "init" else ["--db", str(blocker / "x.sqlite"), *command]
        code, _, err = run(capsys, *args)
        assert code == 1, command
        assert f"{blocker} is a file, not a folder" in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "не папка"


def test_a_folder_given_as_the_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path), "check")
    assert code == 1 and f"{tmp_path} is a folder, not a database file" in err


def test_a_report_into_a_folder_asks_for_a_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "base.sqlite"
    assert run(capsys, "init", str(db))[0] == 0
    folder = tmp_path / "reports"
    folder.mkdir()
    code, _, err = run(capsys, "--db", str(db), "report", "pipeline", "-o", str(folder))
    assert code == 2 and f"{folder} is a folder; give a file name" in err
    assert list(folder.iterdir()) == [] and not (tmp_path / "reports.xlsx").exists()
