"""Acting on many clients in the window (issue 15, item 2): the list selects many rows, "With
selected (N)…" (button and context menu) changes them in one go with one Undo, and the list hears
of it once through the change bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from salesdesk.domain.changes import Changes
from salesdesk.domain.model import ClientStatus, ManagerFields, ReminderFields
from salesdesk.services import clients, reference, reminders
from salesdesk.store import UnitOfWork
from salesdesk.ui.bulk_dialog import BulkDialog, BulkKind
from salesdesk.ui.main_window import MainWindow
from tests.gui.conftest import shown_names, wait_loaded

Window = Callable[[], MainWindow]


@pytest.fixture
def base(add_client: Callable[..., int]) -> dict[str, int]:
    return {name: add_client(name) for name in ("ООО «Ёлка»", "ООО «Ромашка»", "ООО «Василёк»")}


def select_rows(window: MainWindow, rows: list[int]) -> None:
    selection = window.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            window.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_the_list_selects_many_and_the_button_counts_them(make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    assert window.table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    button = window.list_pane.bulk_button
    assert not button.isEnabled()
    select_rows(window, [0, 2])
    assert button.isEnabled() and button.text() == "With selected (2)…"
    menu = window.list_actions.bulk_menu
    window.list_actions.fill_bulk_menu(menu)
    kinds = [a.data() for a in menu.actions() if a.data()]
    assert kinds == [k.value for k in BulkKind]


def test_change_owner_of_the_selection_then_undo(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    owner = reference.create_manager(uow(), ManagerFields(name="Петрова Анна")).id
    window = make_window()
    heard: list[Changes] = []
    window.operations.bus.changed.connect(heard.append)
    names = shown_names(window)
    select_rows(window, [0, 1])
    chosen = {base[names[0]], base[names[1]]}
    window.list_actions.act_on_many(BulkKind.OWNER, choice=owner)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=10_000)
    assert "2 client" in window.notice.label.text()  # (plural forms: see test_i18n)
    assert window.undo_action.text().startswith("&Undo: change of 2 client")
    assert {i for i in base.values() if clients.get_client(uow(), i).owner_id == owner} == chosen
    assert len([c for c in heard if c.clients]) == 1  # one signal for the whole change
    before = set(window.findChildren(QProgressDialog))
    window.undo_action.trigger()
    undoing = [d for d in window.findChildren(QProgressDialog) if d not in before]
    # one transaction that puts every client back or none: its progress offers no Cancel
    assert len(undoing) == 1 and undoing[0].findChild(QPushButton) is None
    qtbot.waitUntil(lambda: all(clients.get_client(uow(), i).owner_id is None for i in base.values()), timeout=10_000)
    qtbot.waitUntil(lambda: "put back" in window.notice.label.text(), timeout=10_000)


def test_the_owner_dialog_offers_nobody_and_takes_the_owner_away(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    owner = reference.create_manager(uow(), ManagerFields(name="Петрова Анна"))
    dialog = BulkDialog(BulkKind.OWNER, 2, 3, managers=reference.list_managers(uow()))
    qtbot.addWidget(dialog)
    texts = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert texts[0] == "Петрова Анна" and texts[-1] == "— nobody (no owner) —"
    dialog.combo.setCurrentIndex(dialog.combo.count() - 1)
    nobody = dialog.choice().value
    window = make_window()
    select_rows(window, [0, 1, 2])
    window.list_actions.act_on_many(BulkKind.OWNER, choice=owner.id)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=10_000)
    qtbot.waitUntil(lambda: all(clients.get_client(uow(), i).owner_id == owner.id for i in base.values()))
    wait_loaded(qtbot, window)
    select_rows(window, [0])
    window.list_actions.act_on_many(BulkKind.OWNER, choice=nobody)
    qtbot.waitUntil(lambda: sum(clients.get_client(uow(), i).owner_id is None for i in base.values()) == 1)


def test_everyone_the_filter_shows_gets_the_status(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    window = make_window()
    select_rows(window, [0])
    window.list_actions.act_on_many(BulkKind.STATUS, choice=ClientStatus.FORMER, all_shown=True)
    qtbot.waitUntil(
        lambda: all(clients.get_client(uow(), i).status is ClientStatus.FORMER for i in base.values()),
        timeout=10_000,
    )


def test_a_reminder_for_each_and_trash_with_undo(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    window = make_window()
    select_rows(window, [0, 1, 2])  # every row shown: the ids come from the query, on the worker
    due = datetime(2031, 1, 15, 6, 0, tzinfo=UTC)
    window.list_actions.act_on_many(BulkKind.REMINDER, choice=ReminderFields(due_at=due, text="Поздравить"))
    qtbot.waitUntil(window.undo_action.isEnabled, timeout=10_000)
    assert all(len(reminders.reminders_of(uow(), i)) == 1 for i in base.values())
    wait_loaded(qtbot, window)  # the list reads again after a bulk change: select in the new one
    select_rows(window, [1])
    window.list_actions.act_on_many(BulkKind.TRASH)
    qtbot.waitUntil(lambda: len(shown_names(window)) == 2, timeout=10_000)
    window.notice.action_button.click()  # Undo
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=10_000)


def test_the_dialog_asks_value_and_whom(qtbot: QtBot) -> None:
    dialog = BulkDialog(BulkKind.ADD_TAG, 2, 40)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.tag_edit.setText(" Выставка ")
    assert ok.isEnabled()
    assert dialog.selection_button.isChecked() and "40" in dialog.all_button.text()
    dialog.all_button.setChecked(True)
    assert dialog.choice().value == "Выставка" and dialog.choice().all_shown
    statuses = BulkDialog(BulkKind.STATUS, 3, 3)
    qtbot.addWidget(statuses)
    assert statuses.combo.count() == len(ClientStatus) and statuses.all_button.isHidden()
    assert statuses.result() == QDialog.DialogCode.Rejected


def test_the_card_shows_its_client_as_changed(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    owner = reference.create_manager(uow(), ManagerFields(name="Петрова Анна")).id
    window = make_window()
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.client_id is not None, timeout=5000)
    shown = window.card.client_id
    select_rows(window, [0, 1])
    window.list_actions.act_on_many(BulkKind.OWNER, choice=owner)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=10_000)
    assert window.card.client_id == shown
    assert window.card.collect().owner_id == owner  # not the owner it had when opened
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.card.collect().owner_id is None, timeout=10_000)


def test_a_filtered_list_loses_the_clients_that_no_longer_fit(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    window = make_window()
    window.filters.status.setCurrentIndex(window.filters.status.findData(ClientStatus.LEAD))
    qtbot.waitUntil(lambda: window.model.query.statuses == frozenset({ClientStatus.LEAD}), timeout=5000)
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=5000)
    select_rows(window, [0, 1])
    window.list_actions.act_on_many(BulkKind.STATUS, choice=ClientStatus.ACTIVE)
    qtbot.waitUntil(lambda: len(shown_names(window)) == 1, timeout=10_000)  # the two became active
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=10_000)
