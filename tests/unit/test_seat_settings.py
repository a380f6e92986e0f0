"""The Qt-free seat settings read the INI file QSettings writes and change it without harm."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesdesk import settings
from salesdesk.settings import SeatSettings

# What the window (QSettings, Qt 6) writes: a file as it is on users' machines today.
WRITTEN_BY_THE_WINDOW = r"""[General]
empty=
flag=true
list=a, b
top=@@at start

[%General]
x=" spaced "

[deals]
renewal_days=45

[filters]
saved=@Variant(\0\0\0\b\0\0\0\x2\0\0\0\x2\0\x62\0\0\0\n\0\0\0\x2\0x\0\0\0\f\x4\x1c\x4>\x4\x41\x4:\x4\x32\x4\x30\0\0\0\t\0\0\0\x2\0\0\0\x2\0\0\0\x1\0\0\0\x2\0\0\0\x2)

[folders]
import="/home/анна/Документы/a, b"

[ui]
language=ru

[user]
manager_id=3

[widths]
main\clients="0:120,1:80"

[window]
geometry=@ByteArray(\x1\xd9\xd0\xcb\0\x3\0\0)
rect=@Rect(1 2 300 400)

[%U041F%U0430%U043F%U043A%U0430]
%U043A%U043B%U044E%U0447%20%U0441%20%U043F%U0440%U043E%U0431%U0435%U043B%U043E%U043C="quote \" and \\ back\nnl;semi=eq"
"""

# Files with odd values and what they mean (tests/gui/test_seat_settings.py checks the window
# reads each the same way).
ODD_FILES = [
    ("[ui]\nlanguage=de\n[user]\nmanager_id=abc\n[deals]\nrenewal_days=-5\n", "system", None, 1),
    ("[user]\nmanager_id=@Invalid()\n[deals]\nrenewal_days=x\n", "system", None, 30),
    ('[ui]\nlanguage="ru"\n[user]\nmanager_id=" 4"\n', "ru", 4, 30),
    ("[ui]\nlanguage = en \n[user]\nmanager_id = 4\n", "en", 4, 30),  # hand-edited, spaces around =
    ("[ui]\r\nlanguage=ru\r\n", "ru", None, 30),  # Windows line ends
]


@pytest.fixture
def written(tmp_path: Path) -> Path:
    path = tmp_path / "settings.ini"
    path.write_text(WRITTEN_BY_THE_WINDOW, encoding="utf-8")
    return path


def test_a_file_the_window_wrote_reads_as_the_window_reads_it(written: Path) -> None:
    seat = SeatSettings(written)
    assert (seat.language, seat.current_manager_id, seat.renewal_days) == ("ru", 3, 45)
    assert seat.value("folders/import") == "/home/анна/Документы/a, b"
    assert seat.value("top") == "@at start"
    assert seat.value("General/x") == " spaced "
    assert seat.value("Папка/ключ с пробелом") == 'quote " and \\ back\nnl;semi=eq'
    assert seat.value("widths/main/clients") == "0:120,1:80"
    assert seat.value("flag") == "true" and seat.value("empty") == ""
    # not text: a list and Qt's own types
    assert seat.value("list") is None
    assert seat.value("window/geometry") is None and seat.value("filters/saved") is None


def test_changing_a_setting_keeps_every_other_line_as_it_was(written: Path) -> None:
    seat = SeatSettings(written)
    seat.current_manager_id = 7
    seat.renewal_days = 14
    seat.language = "en"
    after = written.read_text(encoding="utf-8")
    expected = (
        WRITTEN_BY_THE_WINDOW.replace("manager_id=3", "manager_id=7")
        .replace("renewal_days=45", "renewal_days=14")
        .replace("language=ru", "language=en")
    )
    assert after == expected
    seat.current_manager_id = None
    assert "manager_id=\n" in written.read_text(encoding="utf-8")
    assert SeatSettings(written).current_manager_id is None


def test_a_missing_file_means_the_defaults_and_is_made_on_the_first_change(tmp_path: Path) -> None:
    path = tmp_path / "new" / "settings.ini"
    seat = SeatSettings(path)
    assert (seat.language, seat.current_manager_id, seat.renewal_days) == ("system", None, 30)
    seat.current_manager_id = 2
    assert path.read_text(encoding="utf-8") == "[user]\nmanager_id=2\n"
    assert [p.name for p in path.parent.iterdir()] == ["settings.ini"]  # no temporary file left


def test_the_default_file_is_the_one_in_the_data_folder(_isolated_data_dir: Path) -> None:
    SeatSettings().renewal_days = 9
    assert (_isolated_data_dir / "settings.ini").read_text(encoding="utf-8") == "[deals]\nrenewal_days=9\n"


@pytest.mark.parametrize(("text", "language", "manager", "days"), ODD_FILES)
def test_odd_values_read_as_the_window_reads_them(
    tmp_path: Path, text: str, language: str, manager: int | None, days: int
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(text.encode())
    seat = SeatSettings(path)
    assert (seat.language, seat.current_manager_id, seat.renewal_days) == (language, manager, days)


def test_a_file_that_is_not_settings_is_read_as_nothing_set_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("manager_id=3 before any section\n[user\n", encoding="utf-8")
    seat = SeatSettings(path)
    assert seat.current_manager_id is None
    with pytest.raises(OSError):
        seat.current_manager_id = 5
    assert path.read_text(encoding="utf-8") == "manager_id=3 before any section\n[user\n"


def test_an_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        SeatSettings(tmp_path / "s.ini").language = "de"


def test_the_module_needs_no_qt() -> None:
    source = Path(settings.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source.replace("without Qt", "")
