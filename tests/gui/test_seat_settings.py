"""The window (QSettings) and the command line (salesdesk.settings, no Qt) share one settings file:
what one writes the other reads, and a change from the command line keeps all the window stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings

from salesdesk.cli import main
from salesdesk.settings import SeatSettings
from salesdesk.ui.settings import Settings
from tests.integration.test_cli import new_base
from tests.unit.test_seat_settings import ODD_FILES


def _cli(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(list(words)) == 0
    return capsys.readouterr().out


def test_the_manager_chosen_in_the_window_owns_a_deal_added_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    _cli(capsys, "--db", db, "manager", "add", "Иванова Анна")
    petrov = int(_cli(capsys, "--db", db, "manager", "add", "Петров Пётр"))
    client = int(_cli(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»"))
    window = Settings()  # the default file in the data folder, as the window opens it
    window.current_manager_id = petrov
    window.renewal_days = 45
    window.sync()
    out = _cli(
        capsys,
        "--db",
        db,
        "deal",
        "add",
        str(client),
        "--title",
        "Аренда",
        "--amount",
        "1000",
        "--stage",
        "won",
        "--contract-end",
        "2030-03-31",
        "--json",
    )
    assert json.loads(out)["renewal_reminder"]["due_at"].startswith("2030-02-14")  # 45 days before
    deals = json.loads(_cli(capsys, "--db", db, "deal", "list", "--json"))
    assert [d["owner"] for d in deals] == ["Петров Пётр"]


def test_what_the_command_line_side_writes_the_window_reads(_isolated_data_dir: Path) -> None:
    Settings().language = "ru"  # the window wrote something first
    seat = SeatSettings()
    seat.current_manager_id = 12
    seat.renewal_days = 60
    seat.language = "en"
    window = Settings()
    assert (window.current_manager_id, window.renewal_days, window.language) == (12, 60, "en")
    seat.current_manager_id = None
    assert Settings().current_manager_id is None


def test_what_the_window_writes_the_command_line_side_reads(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    window = Settings(path)
    window.current_manager_id, window.renewal_days, window.language = 5, 7, "ru"
    window.sync()
    seat = SeatSettings(path)
    assert (seat.current_manager_id, seat.renewal_days, seat.language) == (5, 7, "ru")
    window.current_manager_id = None
    window.sync()
    assert SeatSettings(path).current_manager_id is None


EVERYTHING: dict[str, Any] = {
    "window/geometry": QByteArray(b'\x01\xd9\xd0\xcb\x00\x03\x00\x00,=;"\\'),
    "window/rect": QRect(1, 2, 300, 400),
    "filters/saved": {"Москва": [1, 2], "b": "x"},
    "folders/import": "/home/анна/Документы/a, b",
    "top": "@at start",
    "General/x": " spaced ",
    "Папка/ключ с пробелом": 'quote " and \\ back\nnl;semi=eq\ttab\x01',
    "list": ["a", "b"],
    "widths/main/clients": "0:120,1:80",
    "flag": True,
    "empty": "",
}


def test_a_change_from_the_command_line_keeps_everything_the_window_stored(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    q = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in EVERYTHING.items():
        q.setValue(key, value)
    q.sync()
    del q
    SeatSettings(path).current_manager_id = 3
    again = QSettings(str(path), QSettings.Format.IniFormat)
    assert again.status() == QSettings.Status.NoError
    assert {key: again.value(key) for key in EVERYTHING} == {
        **EVERYTHING,
        "flag": "true",
    }  # QSettings reads its own bools back as text
    assert again.value("user/manager_id") == "3"


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "@at",
        "@@two",
        " lead",
        "trail ",
        "a,b",
        "a, b",
        "x=y;z",
        'q"uo\\te',
        "line\nbreak\ttab",
        "Ромашка «ООО»",
        "",
        "\x01ctl",
        "nul\x001",
        "\x1fa",
        "12",
    ],
)
def test_strings_cross_both_ways(tmp_path: Path, text: str) -> None:
    by_qt, by_us = tmp_path / "qt.ini", tmp_path / "us.ini"
    q = QSettings(str(by_qt), QSettings.Format.IniFormat)
    q.setValue("group/key", text)
    q.sync()
    assert SeatSettings(by_qt).value("group/key") == text
    SeatSettings(by_us).set_value("group/key", text)
    assert QSettings(str(by_us), QSettings.Format.IniFormat).value("group/key") == text
    assert by_us.read_bytes() == by_qt.read_bytes()  # byte for byte what QSettings writes


@pytest.mark.parametrize(("text", "language", "manager", "days"), ODD_FILES)
def test_odd_files_read_the_same_in_the_window(
    tmp_path: Path, text: str, language: str, manager: int | None, days: int
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(text.encode())
    window = Settings(path)
    assert (window.language, window.current_manager_id, window.renewal_days) == (language, manager, days)
