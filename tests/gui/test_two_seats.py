"""Issue 14's "done when", as an office would live it: two seats — two programs with two data
folders — share one PostgreSQL base. The other program imports a spreadsheet with the command line;
this seat's open window shows the new clients by itself and finds them when a Russian name is typed
into its search; then the other program saves the client this seat is editing, and this seat's
save shows the conflict."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from salesdesk.services import clients
from salesdesk.store import UnitOfWork, open_database
from salesdesk.ui.conflict_dialog import ConflictDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from tests.gui.conftest import shown_names, type_text, wait_loaded
from tests.integration.spreadsheets import workbook

pytestmark = pytest.mark.postgres_only

ROWS = [
    ["Наименование", "ИНН", "Город", "Телефон"],
    ["ООО «Ёлочка»", "7707083893", "Тверь", "+7 495 123-45-67"],
    ["ИП Соловьёв Пётр Ильич", "", "Псков", "8 (812) 555-01-02"],
    ["АО «Северный ветер»", "", "Мурманск", ""],
]

EDIT = """
import dataclasses, sys
from salesdesk.services import clients
from salesdesk.store import UnitOfWork, open_database
database = open_database(sys.argv[1])
uow = lambda: UnitOfWork(database)
saved = clients.get_client(uow(), int(sys.argv[2]))
clients.update_client(uow(), saved.id, saved.version, dataclasses.replace(saved.fields(), city=sys.argv[3]))
database.dispose()
"""


def other_program(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The other seat: a separate program with a data folder of its own."""
    env = {**os.environ, "SALESDESK_DATA_DIR": str(folder)}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120)


def _listening(url: str) -> bool:
    """This seat's listener has said LISTEN on the server (so nothing sent after it is missed)."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND query LIKE 'LISTEN salesdesk_changes%'"
            )
        ).scalar_one()
    engine.dispose()
    return bool(found)


@pytest.fixture
def this_seat(qtbot: QtBot, db_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    database = open_database(db_url)
    window = MainWindow(lambda: UnitOfWork(database), Settings(tmp_path / "this" / "settings.ini"))
    window.resize(1366, 768)
    window.show()
    window.start()
    wait_loaded(qtbot, window)
    assert window.other_seats.start()  # as the program does for a server base
    yield window
    window.card._set_dirty(False)
    window.close()
    window.wait_for_jobs()
    window.deleteLater()
    database.dispose()


def test_an_import_on_one_seat_is_found_on_the_other_and_a_concurrent_edit_shows_the_conflict(
    qtbot: QtBot, this_seat: MainWindow, db_url: str, tmp_path: Path
) -> None:
    window = this_seat
    qtbot.waitUntil(lambda: _listening(db_url), timeout=10_000)
    sheet = workbook(tmp_path / "клиенты.xlsx", ROWS)
    done = other_program(tmp_path / "other", "-m", "salesdesk", "--db", db_url, "--lang", "ru", "import", str(sheet))
    assert done.returncode == 0, done.stderr
    # nobody touched this window: the three clients arrive by themselves
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=10_000)
    # typed in Russian, any case, ё as е
    type_text(window.search, "СОЛОВЬЕВ")
    qtbot.waitUntil(lambda: shown_names(window) == ["ИП Соловьёв Пётр Ильич"], timeout=10_000)

    # this seat opens the card and types; the other program saves the same client meanwhile
    client = clients.search_clients(window.uow(), "соловьёв").rows[0].id
    window.open_client(client)
    qtbot.waitUntil(lambda: window.card.client_id == client)
    window.card.requisites.line("source").setText("Выставка «Продэкспо»")
    window.card.editing.after_edit()
    done = other_program(tmp_path / "other", "-c", EDIT, db_url, str(client), "Великие Луки")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "Another seat has changed" in window.card.notice.label.text(), timeout=10_000)
    shown: list[list[str]] = []

    def press_keep_theirs() -> None:  # as the user would, on the dialog really shown
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, press_keep_theirs)
            return
        model = dialog.model
        shown.append([model.index(r, 0).data() for r in range(model.rowCount())])
        (button,) = [b for b in dialog.buttons.buttons() if b.text().startswith("Keep theirs")]
        button.click()

    QTimer.singleShot(0, press_keep_theirs)
    window.card.save()
    assert shown == [["City", "Source"]]  # theirs and mine, named
    saved = clients.get_client(window.uow(), client)
    assert (saved.city, saved.source) == ("Великие Луки", "")  # kept theirs: nothing of theirs lost
