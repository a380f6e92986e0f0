"""Two seats on one base (issue 14): what seat A commits appears in seat B's open window without any
action (PostgreSQL's LISTEN/NOTIFY feeding B's change bus), and saving a card another seat changed
meanwhile shows what each side changed and does what the user chooses (on both databases)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from salesdesk.domain.conflicts import conflict
from salesdesk.domain.model import ClientFields, ClientStatus, ContactFields, DealFields, Money
from salesdesk.services import bases, clients, contacts, deals
from salesdesk.services.bases import OpenBase
from salesdesk.store import Database, UnitOfWork, open_database
from salesdesk.ui import welcome
from salesdesk.ui.conflict_dialog import CANCEL, MINE, THEIRS, ConflictDialog
from salesdesk.ui.deal_dialogs import DealDialog
from salesdesk.ui.dialogs import ContactDialog, LeaveChoice, UnsavedChanges
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from tests.gui.conftest import shown_names, wait_loaded


class Seat:
    """One seat: its own opening of the base, its own settings, its own window."""

    def __init__(self, qtbot: QtBot, db_url: str, folder: Path) -> None:
        self.database = open_database(db_url)
        self.window = MainWindow(lambda: UnitOfWork(self.database), Settings(folder / "settings.ini"))
        self.window.resize(1280, 720)
        self.window.show()
        self.window.start()
        wait_loaded(qtbot, self.window)

    def close(self) -> None:
        self.window.card._set_dirty(False)  # no "save changes?" question
        self.window.close()  # stops hearing the other seats
        self.window.wait_for_jobs()
        self.window.deleteLater()
        self.database.dispose()


@pytest.fixture
def seats(qtbot: QtBot, db_url: str, tmp_path: Path) -> Iterator[tuple[Seat, Seat]]:
    a = Seat(qtbot, db_url, tmp_path / "a")
    b = Seat(qtbot, db_url, tmp_path / "b")
    yield a, b
    for seat in (a, b):
        seat.close()
    # closing the window ended its listener: no thread left
    assert not any(t.name == "salesdesk-change-listener" for t in threading.enumerate())


def _listening(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND query LIKE 'LISTEN salesdesk_changes%'"
                )
            ).scalar_one()
        )


def _hear(qtbot: QtBot, seat: Seat) -> None:
    assert seat.window.other_seats.start()
    qtbot.waitUntil(lambda: _listening(seat.database) >= 1, timeout=10_000)


@pytest.mark.postgres_only
def test_a_client_added_on_seat_a_appears_in_seat_b_without_any_action(qtbot: QtBot, seats: tuple[Seat, Seat]) -> None:
    a, b = seats
    _hear(qtbot, b)
    assert shown_names(b.window) == []
    clients.create_client(a.window.uow(), ClientFields(name="ООО «Ромашка»"))
    qtbot.waitUntil(lambda: shown_names(b.window) == ["ООО «Ромашка»"], timeout=10_000)


@pytest.mark.postgres_only
def test_an_edit_on_seat_a_shows_in_seat_bs_open_card_and_a_typed_card_is_kept(
    qtbot: QtBot, seats: tuple[Seat, Seat], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = seats
    client = clients.create_client(a.window.uow(), ClientFields(name="ООО «Ёлка»", city="Тверь")).id
    _hear(qtbot, b)
    b.window.open_client(client)
    qtbot.waitUntil(lambda: b.window.card.client_id == client)
    city = b.window.card.requisites.widgets["city"]
    assert isinstance(city, QLineEdit)
    saved = clients.get_client(a.window.uow(), client)
    clients.update_client(a.window.uow(), client, saved.version, dataclasses.replace(saved.fields(), city="Псков"))
    qtbot.waitUntil(lambda: city.text() == "Псков", timeout=10_000)  # nothing typed in B: shown at once
    assert "another seat changed this client" in b.window.card.notice.label.text()
    # now B types; A saves again: B keeps what it typed and is told
    b.window.card.requisites.line("source").setText("Выставка")
    b.window.card.editing.after_edit()
    assert b.window.card.dirty
    saved = clients.get_client(a.window.uow(), client)
    clients.update_client(a.window.uow(), client, saved.version, dataclasses.replace(saved.fields(), city="Вологда"))
    qtbot.waitUntil(lambda: "Another seat has changed" in b.window.card.notice.label.text(), timeout=10_000)
    assert city.text() == "Псков" and b.window.card.requisites.line("source").text() == "Выставка"
    # B saves: the conflict is shown; mine over theirs keeps A's city and B's source
    shown = _answer(monkeypatch, MINE)
    assert b.window.card.save()
    assert [row[0] for row in _rows(shown[0])] == ["City", "Source"]
    saved = clients.get_client(a.window.uow(), client)
    assert (saved.city, saved.source) == ("Вологда", "Выставка")


# The conflict on save: two units of work on one base are two seats (both databases) -------------


@pytest.fixture
def changed_elsewhere(
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[MainWindow, int]:
    """A card open and typed in (city), and another seat's save of the same card (phone, status)."""
    # the window closing at the end of a test does not ask about what is typed
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda *_args, **_kw: LeaveChoice.DISCARD))
    client = add_client("ООО «Ромашка»", city="Тверь")
    window = make_window()
    window.open_client(client)
    qtbot.waitUntil(lambda: window.card.client_id == client)
    window.card.requisites.line("city").setText("Псков")
    window.card.editing.after_edit()
    saved = clients.get_client(uow(), client)  # another seat, which this window's bus does not hear
    clients.update_client(
        uow(),
        client,
        saved.version,
        dataclasses.replace(saved.fields(), phone="+74951234567", status=ClientStatus.ACTIVE),
    )
    return window, client


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[ConflictDialog]:
    shown: list[ConflictDialog] = []

    def ask(cls: type[ConflictDialog], parent: object, name: str, found: object, *rest: object) -> str:
        dialog = ConflictDialog(parent, name, found, *rest)  # type: ignore[arg-type]
        shown.append(dialog)
        return choice

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(ask))
    return shown


def _rows(dialog: ConflictDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]


def test_saving_over_another_seats_change_names_what_changed(
    changed_elsewhere: tuple[MainWindow, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _client = changed_elsewhere
    shown = _answer(monkeypatch, CANCEL)
    assert not window.card.save()
    (dialog,) = shown
    assert _rows(dialog) == [
        ["City", "Тверь", "Псков"],
        ["Phone", "+74951234567", "(you did not change it)"],
        ["Status", "Active", "(you did not change it)"],
    ]
    assert [b.text() for b in dialog.buttons.buttons()][:2] == ["Keep theirs (reload)", "Save mine over theirs"]
    # Cancel: back to editing, what is typed is still there and nothing was saved
    assert window.card.dirty and window.card.requisites.line("city").text() == "Псков"


def test_save_mine_over_theirs_keeps_their_other_fields(
    changed_elsewhere: tuple[MainWindow, int], uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, client = changed_elsewhere
    _answer(monkeypatch, MINE)
    assert window.card.save()
    saved = clients.get_client(uow(), client)
    assert (saved.city, saved.phone, saved.status) == ("Псков", "+74951234567", ClientStatus.ACTIVE)
    assert not window.card.dirty and window.card.requisites.line("phone").text() == "+74951234567"


def test_keep_theirs_reloads_the_saved_card(
    changed_elsewhere: tuple[MainWindow, int], uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, client = changed_elsewhere
    _answer(monkeypatch, THEIRS)
    window.card.save()
    assert clients.get_client(uow(), client).city == "Тверь"
    assert not window.card.dirty and window.card.requisites.line("city").text() == "Тверь"


def test_the_dialog_marks_a_field_both_changed(qtbot: QtBot) -> None:
    started = ClientFields(name="ООО «Ромашка»", city="Тверь")
    found = conflict(
        started,
        dataclasses.replace(started, city="Вологда"),
        started,
        dataclasses.replace(started, city="Псков", notes="Перезвонить"),
    )
    dialog = ConflictDialog(None, "ООО «Ромашка»", found, lambda field: field.capitalize())
    qtbot.addWidget(dialog)
    assert _rows(dialog) == [["City ⚠", "Вологда", "Псков"], ["Notes", "—", "Перезвонить"]]
    dialog.mine_button.click()
    assert dialog.choice == MINE


# The contact person's and the deal's dialogs: the same choice -------------------------------------


def test_a_contact_saved_elsewhere_is_saved_mine_over_theirs(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = add_client("ООО «Ромашка»")
    person_id = contacts.add_contact(uow(), client, ContactFields(full_name="Иванов Иван", position="Менеджер")).id
    dialog = ContactDialog(uow, client, contacts.get_contact(uow(), person_id))
    qtbot.addWidget(dialog)
    saved = contacts.get_contact(uow(), person_id)  # another seat changes the position
    contacts.update_contact(uow(), person_id, saved.version, dataclasses.replace(saved.fields(), position="Директор"))
    dialog.note.setPlainText("Любит звонки по утрам")
    shown = _answer(monkeypatch, MINE)
    dialog.accept()
    assert _rows(shown[0]) == [
        ["Position", "Директор", "(you did not change it)"],
        ["Note", "—", "Любит звонки по утрам"],
    ]
    person = contacts.get_contact(uow(), person_id)
    assert (person.position, person.note) == ("Директор", "Любит звонки по утрам")
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_deal_saved_elsewhere_can_keep_theirs(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = add_client("ООО «Ромашка»")
    fields = DealFields(title="Поставка", amount=Money.of("1000"), opened_on=date(2026, 3, 1))
    deal_id = deals.add_deal(uow(), client, fields).id
    dialog = DealDialog(uow, client, deals.get_deal(uow(), deal_id), renewal_days=30, default_owner=None)
    qtbot.addWidget(dialog)
    saved = deals.get_deal(uow(), deal_id)  # another seat changes the amount
    deals.update_deal(uow(), deal_id, saved.version, dataclasses.replace(fields, amount=Money.of("2500")))
    dialog.title.setText("Поставка бумаги")
    shown = _answer(monkeypatch, THEIRS)
    dialog.accept()
    assert [row[0] for row in _rows(shown[0])] == ["Deal", "Amount"]
    assert deals.get_deal(uow(), deal_id).title == "Поставка"  # nothing of mine saved
    assert dialog.result() == QDialog.DialogCode.Rejected


def _listener_threads() -> int:
    return sum(t.name == "salesdesk-change-listener" and t.is_alive() for t in threading.enumerate())


@pytest.mark.postgres_only
def test_switching_to_the_demo_base_stops_hearing_and_coming_back_hears_again(
    qtbot: QtBot, database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bases, "DEMO_CLIENTS", 5)
    base = OpenBase(database, database.url)
    window = MainWindow(base, settings)
    qtbot.addWidget(window)
    welcome.install(window, base)
    window.show()
    window.start()
    wait_loaded(qtbot, window)
    assert window.other_seats.start() and _listener_threads() == 1
    window.welcome._open_demo(bases.prepare_demo(None))  # the demo base is a SQLite file: one seat
    assert base.in_demo and not window.other_seats.following and _listener_threads() == 0
    window.welcome.back_home()
    assert not base.in_demo and window.other_seats.following and _listener_threads() == 1
    window.wait_for_jobs()
    window.close()
    assert _listener_threads() == 0
