"""File → Backups: the list a user sees, backing up, restoring; the daily copy at start; the offer
of a good copy when the base is damaged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from salesdesk import settings as seat
from salesdesk.domain.backups import DamagedBase
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientFields
from salesdesk.services import backups, clients
from salesdesk.store import UnitOfWork, open_database, resolve_url
from salesdesk.ui import backups_dialog
from salesdesk.ui.backups_dialog import BackupsDialog
from salesdesk.ui.dialogs import Confirm, Inform
from salesdesk.ui.main_window import MainWindow
from tests.gui.conftest import shown_names, wait_loaded


def _cells(dialog: BackupsDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _checked(dialog: BackupsDialog) -> bool:
    return all(row[4] != "checking…" for row in _cells(dialog))


def _seat(window: MainWindow) -> seat.SeatSettings:
    return seat.SeatSettings(Path(window.settings.q.fileName()))


@pytest.mark.sqlite_only  # puts a copy of the file in place of the base (a server's: test_server_backups)
def test_the_dialog_lists_each_copy_and_restores_one(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_client("ООО «Ромашка»")
    add_client("ООО «Василёк»")
    window = make_window()
    folder = _seat(window)
    older = backups.take_backup(uow(), now=datetime(2026, 11, 30, 9, 15), settings=folder)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: _checked(dialog) and dialog.model.rowCount() == 1, timeout=10_000)
    assert _cells(dialog)[0][1:] == [str(msg("backup.reason.manual")), _cells(dialog)[0][2], "2", "verified"]
    assert str(folder.backup_folder) in dialog.folder_label.text()
    assert not dialog.restore_button.isEnabled()

    dialog.backup_button.click()  # a copy now, on a worker
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2 and _checked(dialog), timeout=10_000)
    assert "Backup saved" in dialog.status.text()

    clients.create_client(window.uow(), ClientFields(name="ООО «Лишний»"))  # entered after the copies
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=5000)
    rows = [info.path for info in dialog._rows]
    dialog.table.selectRow(rows.index(older.path))
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: "is back to" in dialog.status.text(), timeout=10_000)
    # the window shows the restored base, without being told by hand
    qtbot.waitUntil(lambda: sorted(shown_names(window)) == ["ООО «Василёк»", "ООО «Ромашка»"], timeout=5000)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3 and _checked(dialog), timeout=10_000)
    assert sorted(row[1] for row in _cells(dialog)) == sorted(
        [str(msg("backup.reason.manual"))] * 2 + [str(msg("backup.reason.restore"))]
    )
    wait_loaded(qtbot, window)


def test_a_copy_that_does_not_verify_is_shown_and_cannot_be_restored(
    qtbot: QtBot, make_window: Callable[[], MainWindow], add_client: Callable[..., int], uow: Callable[[], UnitOfWork]
) -> None:
    add_client("ООО «Ромашка»")
    window = make_window()
    info = backups.take_backup(uow(), settings=_seat(window))
    info.path.write_bytes(b"SQLite format 3\0" + b"\xff" * 5000)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and _checked(dialog), timeout=10_000)
    assert _cells(dialog)[0][4] == "does not verify"
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()


def test_the_daily_copy_at_start_runs_once_a_day(
    qtbot: QtBot, make_window: Callable[[], MainWindow], add_client: Callable[..., int]
) -> None:
    add_client("ООО «Ромашка»")
    window = make_window()
    folder = _seat(window).backup_folder
    backups_dialog.start_daily_backup(window)
    qtbot.waitUntil(lambda: folder.exists() and len(list(folder.iterdir())) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window.operations.slow_running, timeout=10_000)
    backups_dialog.start_daily_backup(window)  # a second start the same day
    qtbot.waitUntil(lambda: not window.operations.slow_running, timeout=10_000)
    names = [p.name for p in folder.iterdir()]
    suffix = ".sqlite" if window.uow().database.is_sqlite else ".pgdump"  # a server base: pg_dump's
    assert len(names) == 1 and names[0].endswith("-daily" + suffix)


@pytest.mark.sqlite_only  # a damaged SQLite file, found by its quick check at start
def test_a_damaged_base_at_start_is_offered_its_newest_good_copy(
    qtbot: QtBot,
    db_path: Path,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_client("ООО «Ромашка»")
    good = backups.take_backup(uow())
    uow().database.dispose()
    asked: list[str] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: asked.append(text) or True))
    monkeypatch.setattr(Inform, "error", classmethod(lambda cls, parent, title, text: pytest.fail(text)))
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    damaged = bytearray(db_path.read_bytes())
    damaged[4096 * 3 : 4096 * 3 + 300] = b"\x00\xff" * 150
    db_path.write_bytes(bytes(damaged))
    assert open_database(resolve_url(db_path), create=False).damage is not None  # what the start sees

    assert backups_dialog.offer_restore(
        DamagedBase(msg("err.db_damaged_window", where=db_path, damage="x"), db_path, "x")
    )
    assert asked and "1 clients" in asked[0] and good.created.strftime("%Y") in asked[0]
    assert backups.check_backup(db_path).ok and backups.check_backup(db_path).clients == 1


def test_the_folder_and_the_numbers_kept_are_the_seats_settings(
    qtbot: QtBot, make_window: Callable[[], MainWindow], add_client: Callable[..., int], tmp_path: Path
) -> None:
    add_client("ООО «Ромашка»")
    window = make_window()
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert (dialog.keep_days.value(), dialog.keep_weeks.value(), dialog.keep_months.value()) == (7, 4, 12)
    dialog.keep_days.setValue(3)
    assert _seat(window).keep(seat.KEY_KEEP_DAILY) == 3
    other = tmp_path / "второй диск"
    dialog.choose_folder(other)
    assert str(other) in dialog.folder_label.text()
    assert dialog.model.rowCount() == 0 and dialog.status.text() == "No backups of this base yet."
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and _checked(dialog), timeout=10_000)
    assert [p.parent for p in other.iterdir()] == [other]
    assert _seat(window).backup_folder == other


@pytest.mark.postgres_only
def test_on_a_server_the_dialog_lists_dumps_and_says_who_restores_them(
    qtbot: QtBot, make_window: Callable[[], MainWindow], add_client: Callable[..., int]
) -> None:
    add_client("ООО «Ромашка»")
    window = make_window()
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and _checked(dialog), timeout=20_000)
    assert _cells(dialog)[0][1] == str(msg("backup.reason.manual")) and _cells(dialog)[0][4] == "verified"
    assert dialog._rows[0].path.name.endswith("-manual.pgdump")
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    assert "administrator" in dialog.restore_button.toolTip()
    assert dialog.restore_note.isVisibleTo(dialog) and "pg_restore" in dialog.restore_note.text()


@pytest.mark.postgres_only
def test_on_a_server_a_manager_who_may_not_export_the_whole_base_is_told_why_no_copy_is_made(
    qtbot: QtBot, make_window: Callable[[], MainWindow], add_client: Callable[..., int], uow: Callable[[], UnitOfWork]
) -> None:
    from salesdesk.domain.model import ManagerFields, Role
    from salesdesk.services import reference

    add_client("ООО «Ромашка»")
    reference.create_manager(uow(), ManagerFields(name="Анна Смирнова", role=Role.HEAD))  # this seat is not her
    window = make_window()
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.back_up_now()
    qtbot.waitUntil(lambda: "Анна Смирнова" in dialog.status.text(), timeout=20_000)
    folder = _seat(window).backup_folder
    assert not folder.exists() or not list(folder.iterdir())
