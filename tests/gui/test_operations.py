"""Every action through ui/operations.py: a store error (busy, read-only, disk full) is shown where
the user works, never as a crash; the base is as before; what a commit changed reaches the widgets by
one signal on the GUI thread."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from salesdesk.domain.changes import Change, Changes
from salesdesk.domain.errors import FieldProblem, StoreError, UserError, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientFields, ContactFields, ReminderFields
from salesdesk.domain.reminders import Snooze
from salesdesk.services import cards, clients, contacts, reminders
from salesdesk.store import Database, UnitOfWork
from salesdesk.store.repositories import ReminderRepository
from salesdesk.ui.deal_dialogs import DealDialog, LogDialog
from salesdesk.ui.dialogs import ContactDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.operations import Operations
from salesdesk.ui.workers import Runner
from tests.contents import contents
from tests.gui.conftest import shown_names, type_text

# SQLite's primary result codes: what the store turns into a StoreError of its own kind
ERRORS = {"busy": (5, "SQLITE_BUSY"), "read-only": (8, "SQLITE_READONLY"), "disk-full": (13, "SQLITE_FULL")}
SHOWN = {"busy": "The database is busy", "read-only": "is read-only", "disk-full": "Not enough disk space"}

Crashes = list[BaseException]


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> Crashes:
    """What reached the crash hook (sys.excepthook): must stay empty for a UserError."""
    seen: Crashes = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        seen.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    return seen


def sqlite_error(kind: str) -> sqlite3.OperationalError:
    code, name = ERRORS[kind]
    orig = sqlite3.OperationalError(name)
    orig.sqlite_errorcode = code  # type: ignore[attr-defined]
    orig.sqlite_errorname = name  # type: ignore[attr-defined]
    return orig


def inject_at_commit(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Every commit fails as SQLite would fail it: the unit of work rolls back."""

    def failing_commit(self: UnitOfWork) -> None:
        self._raise_translated(OperationalError("COMMIT", None, sqlite_error(kind)))

    monkeypatch.setattr(UnitOfWork, "commit", failing_commit)


def dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    return contents(database)


@pytest.fixture
def office(add_client: Callable[..., int], uow: Callable[[], UnitOfWork]) -> dict[str, int]:
    past = datetime.now(UTC) - timedelta(days=2)
    ids = {"elka": add_client("ООО «Ёлка»"), "romashka": add_client("ООО «Ромашка»")}
    reminders.add_reminder(uow(), ids["elka"], ReminderFields(due_at=past, text="Выставить счёт"))
    return ids


def ready_window(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> MainWindow:
    window = make_window()
    qtbot.waitUntil(lambda: window.reminders.agenda is not None and bool(window.reminders.agenda.all))
    window.notice.hide()  # the start-up notice about overdue reminders
    group = window.reminders.model.item(0, 0)
    window.reminders.view.setCurrentIndex(group.child(0, 0).index())
    return window


def trash(window: MainWindow) -> None:
    """Both clients at once: one call, one transaction."""
    window.table.selectAll()
    assert len(window.list_actions.selected_ids()) == 2
    window.list_actions.trash_selected()


def undo_trash(window: MainWindow) -> None:
    window.list_actions.undo()


def card_reminder_done(window: MainWindow) -> None:
    window.card.reminders.view.setCurrentIndex(window.card.reminders.view.model().index(0, 0))
    window.card.reminders.done_button.click()


def card_reminder_delete(window: MainWindow) -> None:
    window.card.reminders.view.setCurrentIndex(window.card.reminders.view.model().index(0, 0))
    window.card.reminders.delete_button.click()


# action -> what the user does; True when it is done in the card (its own notice bar)
ACTIONS: dict[str, tuple[Callable[[MainWindow], object], bool]] = {
    "reminder done": (lambda w: w.reminders.done_button.click(), False),
    "reminder snooze": (lambda w: w.reminders.snooze(Snooze.TOMORROW), False),
    "done and plan next": (lambda w: w.reminders.next_contact(3), False),
    "trash a selection": (trash, False),
    "undo the trash": (undo_trash, False),
    "card save": (lambda w: w.card.save(), True),
    "card plan a contact": (lambda w: w.card.hook(3), True),
    "card reminder done": (card_reminder_done, True),
    "card trash a reminder": (card_reminder_delete, True),
}


@pytest.mark.parametrize("kind", list(ERRORS))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_store_error_is_shown_in_the_notice_bar_and_the_base_is_as_before(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
    action: str,
    kind: str,
) -> None:
    window = ready_window(qtbot, make_window)
    act, in_card = ACTIONS[action]
    if in_card:
        window.open_client(office["elka"])
        qtbot.waitUntil(lambda: window.card.client_id == office["elka"])
    if action == "undo the trash":
        trash(window)  # succeeds; its undo is what fails
        qtbot.waitUntil(lambda: shown_names(window) == [])
        assert window.undo_action.isEnabled()
    before = dump(database)
    inject_at_commit(monkeypatch, kind)
    act(window)
    notice = window.card.notice if in_card else window.notice
    assert notice.isVisible()
    assert SHOWN[kind] in notice.label.text()
    assert crashes == []
    assert dump(database) == before


def test_done_and_plan_next_is_one_transaction(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
) -> None:
    """The next contact cannot be planned (disk full): the reminder is not done either."""
    window = ready_window(qtbot, make_window)
    before = dump(database)

    def full(*_args: object, **_kwargs: object) -> int:
        raise OperationalError("INSERT", None, sqlite_error("disk-full"))

    monkeypatch.setattr(ReminderRepository, "add", full)
    window.reminders.next_contact(3)
    assert dump(database) == before
    assert crashes == [] and "Not enough disk space" in window.notice.label.text()
    agenda = window.reminders.agenda
    assert agenda is not None and len(agenda.overdue) == 1  # still to do, as the user sees it


def test_an_action_refreshes_the_others_through_the_change_bus(
    qtbot: QtBot, make_window: Callable[[], MainWindow], office: dict[str, int]
) -> None:
    """Done in the panel: the card showing that client re-reads its reminders, with no hand-written call."""
    window = ready_window(qtbot, make_window)
    window.open_client(office["elka"])
    qtbot.waitUntil(lambda: window.card.client_id == office["elka"])
    group = window.reminders.model.item(0, 0)
    window.reminders.view.setCurrentIndex(group.child(0, 0).index())
    with qtbot.waitSignal(window.operations.bus.changed) as blocker:
        window.reminders.done_button.click()
    changes = blocker.args[0]
    assert isinstance(changes, Changes) and office["elka"] in changes.clients
    assert changes.touches(office["elka"], "reminders")
    card = window.card._card
    assert card is not None and [r.done_at is not None for r in card.reminders] == [True]


# The runner alone ------------------------------------------------------------------------------


@pytest.fixture
def operations(qtbot: QtBot, uow: Callable[[], UnitOfWork]) -> Iterator[tuple[Operations, list[str]]]:
    shown: list[str] = []
    runner = Runner()
    ops = Operations(uow, runner, shown.append)
    yield ops, shown
    runner.wait()


def test_a_user_error_goes_to_the_callers_place_first_then_the_notice(
    operations: tuple[Operations, list[str]], crashes: Crashes
) -> None:
    ops, shown = operations
    taken: list[UserError] = []

    def fail() -> None:
        raise ValidationError([FieldProblem("name", msg("err.required"))])

    assert not ops.run(fail, on_error=lambda exc: taken.append(exc) is None)
    assert len(taken) == 1 and shown == [] and crashes == []

    def busy() -> None:
        raise StoreError(msg("err.db_busy"))

    assert not ops.run(busy, on_error=lambda exc: False)
    assert shown == [str(msg("err.db_busy"))] and crashes == []


def test_a_bug_goes_to_the_crash_hook_and_on_done_is_not_called(
    operations: tuple[Operations, list[str]], crashes: Crashes
) -> None:
    ops, shown = operations
    done: list[object] = []

    def bug() -> None:
        raise KeyError("bug")

    assert not ops.run(bug, done.append)
    assert [type(c) for c in crashes] == [KeyError] and shown == [] and done == []


def test_changes_of_one_action_come_as_one_signal_after_it_and_only_if_committed(
    qtbot: QtBot, operations: tuple[Operations, list[str]]
) -> None:
    ops, _shown = operations
    heard: list[Changes] = []
    ops.bus.changed.connect(heard.append)
    order: list[str] = []
    ops.bus.changed.connect(lambda _c: order.append("changed"))

    def two_commits() -> None:
        clients.create_client(ops.uow(), _fields("ООО «Альфа»"))
        clients.create_client(ops.uow(), _fields("ООО «Бета»"))
        order.append("action")

    ops.run(two_commits, lambda _r: order.append("done"))
    assert order == ["action", "changed", "done"]
    assert len(heard) == 1 and len(heard[0].clients) == 2 and heard[0].membership
    heard.clear()

    def rolled_back() -> None:
        with ops.uow() as unit:
            unit.record("client", 1, "updated")  # never committed: nobody hears of it
        raise StoreError(msg("err.db_busy"))

    ops.run(rolled_back)
    assert heard == []


def test_a_commit_on_a_worker_is_heard_on_the_gui_thread(
    qtbot: QtBot, operations: tuple[Operations, list[str]]
) -> None:
    ops, _shown = operations
    threads: list[object] = []
    ops.bus.changed.connect(lambda _c: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(ops.bus.changed, timeout=5000):
        ops.run_slow(lambda: clients.create_client(ops.uow(), _fields("ООО «Гамма»")))
    assert threads == [ops.thread()]
    assert threading.current_thread() is threading.main_thread()


def test_a_slow_action_shows_progress_and_routes_its_error(
    qtbot: QtBot, operations: tuple[Operations, list[str]], crashes: Crashes
) -> None:
    ops, shown = operations
    states: list[bool] = []
    ops.busy_changed.connect(states.append)

    def fail() -> None:
        raise StoreError(msg("err.db_read_only", where="base.sqlite"))

    ops.run_slow(fail)
    assert ops.slow_running
    qtbot.waitUntil(lambda: shown == [str(msg("err.db_read_only", where="base.sqlite"))])
    assert states == [True, False] and crashes == []


def _fields(name: str) -> ClientFields:
    return ClientFields(name=name)


def test_a_client_added_on_a_worker_reaches_the_list_without_a_hand_written_refresh(
    qtbot: QtBot, make_window: Callable[[], MainWindow], office: dict[str, int]
) -> None:
    """As an import or demo data do: the commit on a worker is heard on the GUI thread; the list counts again."""
    window = make_window()
    uow = window.uow
    window.operations.run_slow(lambda: clients.create_client(uow(), _fields("ООО «Дельта»")))
    qtbot.waitUntil(lambda: "ООО «Дельта»" in shown_names(window), timeout=5000)


# Dialogs, the import wizard and demo data: the same injected errors -------------------------------


def _industry_save(window: MainWindow, monkeypatch: pytest.MonkeyPatch, informed: list[str]) -> str:
    from salesdesk.ui.industries_dialog import IndustriesDialog

    dialog = IndustriesDialog(window.uow, window, operations=window.operations)
    dialog.add_button.click()
    type_text(dialog.name, "Пчеловодство")  # as typed: Save comes on
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    return dialog.message.text()


def _industry_remove(window: MainWindow, monkeypatch: pytest.MonkeyPatch, informed: list[str]) -> str:
    from salesdesk.ui.industries_dialog import IndustriesDialog

    dialog = IndustriesDialog(window.uow, window, operations=window.operations)
    assert dialog.current is not None  # the OKVED sections are there
    dialog.delete_button.click()
    return dialog.message.text()


def _settings_new_manager(window: MainWindow, monkeypatch: pytest.MonkeyPatch, informed: list[str]) -> str:
    from PySide6.QtWidgets import QInputDialog

    from salesdesk.ui.settings_dialog import SettingsDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Пётр Сидоров", True))
    dialog = SettingsDialog(window.uow, window.settings, window, operations=window.operations)
    dialog.add_manager_button.click()
    return informed[-1] if informed else ""


def _who_am_i(window: MainWindow, monkeypatch: pytest.MonkeyPatch, informed: list[str]) -> str:
    from salesdesk.ui.who_dialog import WhoAreYouDialog

    dialog = WhoAreYouDialog(window.uow, window, operations=window.operations)
    dialog.name.setText("Пётр Сидоров")
    dialog.accept()
    assert dialog.chosen is None and dialog.result() != dialog.DialogCode.Accepted
    return dialog.name_message.text()


# what the user does in a dialog -> the message shown in that dialog (its field, or a message box over it)
DIALOG_ACTIONS: dict[str, Callable[[MainWindow, pytest.MonkeyPatch, list[str]], str]] = {
    "industries: save": _industry_save,
    "industries: remove": _industry_remove,
    "settings: new manager": _settings_new_manager,
    "who are you: add me": _who_am_i,
}


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes (Inform.error) the window or a dialog showed."""
    from salesdesk.ui.dialogs import Inform

    seen: list[str] = []
    monkeypatch.setattr(Inform, "error", classmethod(lambda cls, parent, title, text: seen.append(text)))
    return seen


@pytest.mark.parametrize("kind", list(ERRORS))
@pytest.mark.parametrize("action", list(DIALOG_ACTIONS))
def test_a_store_error_in_a_dialog_is_shown_in_the_dialog_and_the_base_is_as_before(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
    informed: list[str],
    action: str,
    kind: str,
) -> None:
    window = make_window()
    before = dump(database)
    inject_at_commit(monkeypatch, kind)
    shown = DIALOG_ACTIONS[action](window, monkeypatch, informed)
    assert SHOWN[kind] in shown
    assert crashes == []
    assert dump(database) == before


@pytest.mark.parametrize("kind", list(ERRORS))
def test_a_store_error_while_adding_demo_data_is_a_message_and_the_base_is_as_before(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
    informed: list[str],
    kind: str,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = make_window()
    before = dump(database)
    inject_at_commit(monkeypatch, kind)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (20, True))
    window.file_actions.load_demo()
    qtbot.waitUntil(lambda: bool(informed), timeout=20_000)
    window.wait_for_jobs()
    assert SHOWN[kind] in informed[0] and crashes == []
    assert dump(database) == before


@pytest.mark.parametrize("kind", list(ERRORS))
def test_a_store_error_at_the_end_of_an_import_is_said_on_its_page_and_the_base_is_as_before(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
    tmp_path: Path,
    kind: str,
) -> None:
    from salesdesk.ui.import_wizard import ImportWizard

    sheet = tmp_path / "клиенты.csv"
    sheet.write_text("Название;ИНН\nООО «Берёза»;7707083893\nООО «Сосна»;\n", encoding="utf-8")
    window = make_window()
    wizard = ImportWizard(window.uow, window.runner, window, sheet, operations=window.operations)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    wizard.next()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    before = dump(database)
    inject_at_commit(monkeypatch, kind)
    wizard.next()  # the import itself
    page = wizard.result_page
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    window.wait_for_jobs()
    assert SHOWN[kind] in page.summary.text() and crashes == []
    assert dump(database) == before


# The card's dialogs: their save is one operation of the card ------------------------------------


def _type_contact(dialog: ContactDialog) -> None:
    type_text(dialog.full_name, "Иванов Иван")


def _type_deal(dialog: DealDialog) -> None:
    type_text(dialog.title, "Поставка")
    type_text(dialog.amount, "125000")


def _type_log(dialog: LogDialog) -> None:
    dialog.summary.setPlainText("Договорились о встрече")


# dialog -> (its class, how the card opens it, what the user types, the typed text as the dialog holds it)
DIALOGS: dict[
    str, tuple[type[QDialog], Callable[[MainWindow], object], Callable[[Any], None], Callable[[Any], str]]
] = {
    "contact person": (
        ContactDialog,
        lambda w: w.card.contacts.add_button.click(),
        _type_contact,
        lambda d: d.full_name.text(),
    ),
    "deal": (DealDialog, lambda w: w.card.deals.add_button.click(), _type_deal, lambda d: d.title.text()),
    "log a contact": (
        LogDialog,
        lambda w: w.card.history.log_button.click(),
        _type_log,
        lambda d: d.summary.toPlainText(),
    ),
}
TYPED = {"contact person": "Иванов Иван", "deal": "Поставка", "log a contact": "Договорились о встрече"}


@pytest.mark.parametrize("kind", list(ERRORS))
@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_store_error_on_a_dialogs_save_is_shown_in_the_dialog_and_keeps_what_was_typed(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
    name: str,
    kind: str,
) -> None:
    window = ready_window(qtbot, make_window)
    window.open_client(office["elka"])
    qtbot.waitUntil(lambda: window.card.client_id == office["elka"])
    cls, open_it, type_in, typed = DIALOGS[name]
    seen: list[Any] = []

    def run_modal(dialog: Any) -> int:
        """The user types, then presses Save while the base fails; the dialog is still open after."""
        seen.append(dialog)
        type_in(dialog)
        inject_at_commit(monkeypatch, kind)
        dialog.accept()
        return int(dialog.result())

    before = dump(database)
    monkeypatch.setattr(cls, "exec", run_modal)
    open_it(window)
    [dialog] = seen
    assert SHOWN[kind] in dialog.error.text() and not dialog.error.isHidden()
    assert dialog.result() != QDialog.DialogCode.Accepted  # not closed: nothing typed is lost
    assert typed(dialog) == TYPED[name]
    assert crashes == []
    assert dump(database) == before
    assert not window.card.notice.isVisible()  # said in the dialog, where the user is


def test_a_dialogs_save_that_works_closes_it_and_the_card_hears_of_it(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
) -> None:
    window = ready_window(qtbot, make_window)
    window.open_client(office["elka"])
    qtbot.waitUntil(lambda: window.card.client_id == office["elka"])

    def run_modal(dialog: Any) -> int:
        _type_contact(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", run_modal)
    with qtbot.waitSignal(window.operations.bus.changed):
        window.card.contacts.add_button.click()
    assert window.card.contacts.model.rowCount() == 1 and crashes == []


def test_a_card_that_cannot_be_read_again_says_so_in_the_card(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
) -> None:
    """Card loading goes through Operations.read: a busy base while re-reading is a notice, not a crash."""
    window = ready_window(qtbot, make_window)
    window.open_client(office["elka"])
    qtbot.waitUntil(lambda: window.card.client_id == office["elka"])
    type_text(window.card.requisites.widgets["city"], "Тверь")

    def busy(*_args: object) -> None:
        raise StoreError(msg("err.db_busy"))

    monkeypatch.setattr(cards, "load_card", busy)
    window.card.hook(3)  # its change makes the card read the client's reminders: that works
    contacts.add_contact(window.uow(), office["elka"], ContactFields(full_name="Петрова Анна"))
    window.operations.bus.publish(Changes.of((Change("client", office["elka"], "contacts"),)))
    assert "The database is busy" in window.card.notice.label.text() and crashes == []
    assert window.card.requisites.widgets["city"].text() == "Тверь"  # type: ignore[attr-defined]
    window.notice.hide()
    window.card.show_empty()
    with pytest.raises(StoreError):  # the window shows it in its own notice bar (MainWindow._show_in_card)
        window.card.show_client(office["romashka"])
    assert crashes == []


def test_revert_when_the_base_cannot_be_read_is_a_notice_and_keeps_the_typing(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    office: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    crashes: Crashes,
) -> None:
    """Revert reads the card again through Operations: a busy base is said in the card, not a crash."""
    window = ready_window(qtbot, make_window)
    window.open_client(office["elka"])
    qtbot.waitUntil(lambda: window.card.client_id == office["elka"])
    city = window.card.requisites.widgets["city"]
    type_text(city, "Тверь")

    def busy(*_args: object) -> None:
        raise StoreError(msg("err.db_busy"))

    load_card = cards.load_card
    monkeypatch.setattr(cards, "load_card", busy)
    window.card.revert_button.click()
    assert crashes == [] and "The database is busy" in window.card.notice.label.text()
    assert city.text() == "Тверь" and window.card.dirty  # type: ignore[attr-defined]
    monkeypatch.setattr(cards, "load_card", load_card)  # the base answers again: Revert works
    window.card.revert_button.click()
    assert city.text() == "" and not window.card.dirty  # type: ignore[attr-defined]
