"""Issue 13, item 5: ``salesdesk --install-desktop`` adds SalesDesk to the user's application menu
(the entry and the icons under $XDG_DATA_HOME), and ``salesdesk FILE.xlsx`` opens the window with
the import of that file (the entry's %f, a file manager's "Open with")."""

from __future__ import annotations

import configparser
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from salesdesk import cli, desktop, gui


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "дом"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return folder


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's menu")
def test_install_desktop_writes_the_entry_and_icons_into_the_user_s_menu(
    home: Path, capsys: pytest.CaptureFixture[str], lang: None
) -> None:
    assert cli.main(["--lang", "ru", "--install-desktop"]) == 0
    out = capsys.readouterr().out
    share = home / ".local" / "share"
    entry_file = share / "applications" / "salesdesk.desktop"
    assert "SalesDesk добавлен в меню программ" in out and str(entry_file) in out
    entry = _entry(entry_file)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "SalesDesk" and entry["Name[ru]"] == "SalesDesk"
    assert entry["Comment[ru]"] == "Клиенты, напоминания и продажи небольшого офиса"
    assert entry["Icon"] == "salesdesk" and entry["Categories"] == "Office;"
    assert "text/csv" in entry["MimeType"].split(";")
    command = shlex.split(entry["Exec"])
    assert command[-1] == "%f" and command[:-1] == desktop.program_command()
    icons = desktop.icon_files()
    for size, source in icons.items():
        copied = share / "icons" / "hicolor" / size / "apps" / f"salesdesk{source.suffix}"
        assert copied.read_bytes() == source.read_bytes()
    # the command of the entry starts this SalesDesk
    done = subprocess.run([*command[:-1], "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip().startswith("SalesDesk ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's menu")
def test_install_desktop_follows_xdg_data_home_and_speaks_english(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: None
) -> None:
    data_home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    assert cli.main(["--lang", "en", "--install-desktop"]) == 0
    assert "SalesDesk has been added to the application menu" in capsys.readouterr().out
    assert (data_home / "applications" / "salesdesk.desktop").is_file()
    assert not (home / ".local").exists()
    assert cli.main(["--lang", "en", "--install-desktop"]) == 0  # again: written afresh, no error


def test_install_desktop_into_a_folder_it_cannot_write_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: None
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("a Linux desktop's menu")
    blocker = tmp_path / "файл"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))  # a file where the folder should be
    assert cli.main(["--lang", "ru", "--install-desktop"]) == 1
    err = capsys.readouterr().err
    assert "Не удалось добавить SalesDesk в меню программ" in err and "Traceback" not in err


def test_the_exec_line_quotes_a_path_with_spaces() -> None:
    line = desktop.desktop_entry(["/opt/Sales Desk/SalesDesk", "--db", "50%.sqlite"])
    exec_value = next(row for row in line.splitlines() if row.startswith("Exec="))[5:]
    assert exec_value == '"/opt/Sales Desk/SalesDesk" --db 50%%.sqlite %f'


@pytest.fixture
def window_start(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What ``salesdesk`` without a command would open the window with (the window itself is not
    opened: the single-instance tests in tests/gui start real ones)."""
    calls: list[dict[str, Any]] = []

    def run_gui(db: str | None, argv: object = (), *, to_import: Path | None = None) -> int:
        calls.append({"db": db, "to_import": to_import})
        return 0

    monkeypatch.setattr(gui, "run_gui", run_gui)
    return calls


def test_a_file_on_the_command_line_opens_the_window_with_its_import(
    window_start: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "клиенты.xlsx"
    sheet.write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["клиенты.xlsx"]) == 0
    assert cli.main(["--db", "base.sqlite", "--lang", "en", str(sheet)]) == 0
    assert cli.main(["--", "клиенты.xlsx"]) == 0
    assert cli.main([]) == 0
    assert window_start == [
        {"db": None, "to_import": sheet},
        {"db": "base.sqlite", "to_import": sheet},
        {"db": None, "to_import": sheet},
        {"db": None, "to_import": None},
    ]


def test_a_mistyped_command_is_not_taken_for_a_file(
    window_start: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["serch", "Ромашка"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert window_start == []


def test_a_missing_file_is_refused_before_the_window_opens(
    window_start: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: None
) -> None:
    assert cli.main(["--lang", "ru", str(tmp_path / "нет.csv")]) == 2
    assert "Нет такого файла для загрузки" in capsys.readouterr().err
    assert window_start == []
