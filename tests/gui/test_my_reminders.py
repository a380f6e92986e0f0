"""Whose reminders the window counts: the current manager's by default, everyone's with the switch,
and the "Who are you?" question that chooses the current manager (never a real modal dialog here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ManagerFields, ReminderFields
from salesdesk.services import reference, reminders
from salesdesk.store import UnitOfWork
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from salesdesk.ui.who_dialog import WhoAreYouDialog
from tests.gui.conftest import type_text

Window = Callable[[], MainWindow]
Uow = Callable[[], UnitOfWork]


@pytest.fixture
def office(uow: Uow, add_client: Callable[..., int]) -> dict[str, int]:
    """Two managers; Anna has one overdue reminder, Oleg two."""
    anna = reference.create_manager(uow(), ManagerFields(name="Иванова Анна")).id
    oleg = reference.create_manager(uow(), ManagerFields(name="Петров Олег")).id
    past = datetime.now(UTC) - timedelta(days=2)
    romashka = add_client("ООО «Ромашка»", owner_id=anna)
    elka = add_client("ООО «Ёлка»", owner_id=oleg)
    reminders.add_reminder(uow(), romashka, ReminderFields(due_at=past, text="Выставить счёт", manager_id=anna))
    reminders.add_reminder(uow(), elka, ReminderFields(due_at=past, text="Позвонить", manager_id=oleg))
    reminders.add_reminder(uow(), elka, ReminderFields(due_at=past, text="Сверка", manager_id=oleg))
    return {"anna": anna, "oleg": oleg}


def _listed(window: MainWindow) -> set[str]:
    agenda = window.reminders.agenda
    return {r.text for r in agenda.all} if agenda is not None else set()


def test_the_window_counts_my_reminders_and_switches_to_everyones(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int]
) -> None:
    settings.current_manager_id = office["anna"]
    window = make_window()
    panel = window.reminders
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=5000)
    assert window.notice.label.text().startswith("You have 1 overdue reminder")
    assert window.overdue_label.text() == "My overdue reminders: 1"
    assert _listed(window) == {"Выставить счёт"}
    assert panel.mine_button.isChecked() and not panel.all_button.isChecked() and not panel.who_button.isVisible()
    panel.all_button.click()
    qtbot.waitUntil(lambda: len(_listed(window)) == 3, timeout=5000)
    assert window.overdue_label.text() == "Overdue in the office: 3"
    assert panel.model.item(0, 0).text() == "Overdue (3)"
    assert settings.all_reminders


def test_the_switch_is_remembered(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int]
) -> None:
    settings.current_manager_id = office["oleg"]
    first = make_window()
    qtbot.waitUntil(lambda: _listed(first) == {"Позвонить", "Сверка"}, timeout=5000)
    first.reminders.all_button.click()
    assert settings.all_reminders
    second = make_window()
    qtbot.waitUntil(lambda: len(_listed(second)) == 3, timeout=5000)
    assert second.reminders.all_button.isChecked()
    assert second.notice.label.text().startswith("There are 3 overdue reminder")
    second.reminders.mine_button.click()
    qtbot.waitUntil(lambda: _listed(second) == {"Позвонить", "Сверка"}, timeout=5000)
    assert not settings.all_reminders


def test_who_are_you_is_asked_once_and_choosing_counts_my_reminders(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []

    def answer(cls: type[WhoAreYouDialog], parent: object, uow: Uow, **_kwargs: object) -> int | None:
        asked.append(1)
        return office["oleg"]

    monkeypatch.setattr(WhoAreYouDialog, "ask", classmethod(answer))
    window = make_window()
    qtbot.waitUntil(lambda: window.reminders.agenda is not None, timeout=5000)
    window.ask_who_you_are_once()
    assert asked == [1] and settings.current_manager_id == office["oleg"]
    qtbot.waitUntil(lambda: _listed(window) == {"Позвонить", "Сверка"}, timeout=5000)
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=5000)
    # the notice waited for the answer: it counts Oleg's, not the office's it could have counted first
    assert window.notice.label.text().startswith("You have 2 overdue reminder")
    assert window.reminders.mine_button.isChecked() and not window.reminders.who_button.isVisible()
    window.ask_who_you_are_once()
    assert asked == [1]


def test_not_now_shows_everyones_and_the_panel_offers_it_again(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[int | None] = [None, office["anna"]]

    def answer(cls: type[WhoAreYouDialog], parent: object, uow: Uow, **_kwargs: object) -> int | None:
        return answers.pop(0)

    monkeypatch.setattr(WhoAreYouDialog, "ask", classmethod(answer))
    window = make_window()
    panel = window.reminders
    window.ask_who_you_are_once()
    assert settings.current_manager_id is None and settings.asked_who
    qtbot.waitUntil(lambda: len(_listed(window)) == 3, timeout=5000)
    assert panel.all_button.isChecked() and not panel.mine_button.isEnabled() and panel.who_button.isVisible()
    window.ask_who_you_are_once()  # the next start does not ask again
    assert answers == [office["anna"]]
    panel.who_button.click()  # the panel offers it
    assert settings.current_manager_id == office["anna"] and not answers
    qtbot.waitUntil(lambda: _listed(window) == {"Выставить счёт"}, timeout=5000)
    assert panel.mine_button.isChecked() and not panel.who_button.isVisible()


def test_the_dialog_chooses_a_manager_or_adds_me(qtbot: QtBot, uow: Uow, office: dict[str, int]) -> None:
    dialog = WhoAreYouDialog(uow)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert [dialog.managers.item(i).text() for i in range(dialog.managers.count())] == [
        "Иванова Анна — Manager",
        "Петров Олег — Manager",
    ]
    assert not ok.isEnabled()
    dialog.managers.setCurrentRow(1)
    assert ok.isEnabled()
    ok.click()
    assert dialog.chosen == office["oleg"]

    added = WhoAreYouDialog(uow)
    qtbot.addWidget(added)
    type_text(added.name, "Сидорова Мария")
    added.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert added.chosen is not None and reference.get_manager(uow(), added.chosen).name == "Сидорова Мария"

    again = WhoAreYouDialog(uow)
    qtbot.addWidget(again)
    again.name.setText("иванова анна")  # already in the list: that manager, not a second one
    again.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert again.chosen == office["anna"]
    assert len(reference.list_managers(uow())) == 3


def test_a_reminder_coming_due_is_told_to_its_manager_only(
    qtbot: QtBot, make_window: Window, settings: Settings, uow: Uow, office: dict[str, int]
) -> None:
    settings.current_manager_id = office["anna"]
    window = make_window()
    soon = datetime.now(UTC) + timedelta(minutes=1)
    [client] = {r.client_id for r in reminders.agenda(uow(), manager_id=office["anna"]).all}
    reminders.add_reminder(uow(), client, ReminderFields(due_at=soon, text="Анне", manager_id=office["anna"]))
    reminders.add_reminder(uow(), client, ReminderFields(due_at=soon, text="Олегу", manager_id=office["oleg"]))
    with qtbot.waitSignal(window.notifier.reminders_due, timeout=5000) as told:
        window.notifier.check(soon + timedelta(minutes=1))
    assert [r.text for r in told.args[0]] == ["Анне"]


def test_choosing_who_i_am_in_settings_shows_my_reminders(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.ui.settings_dialog import SettingsDialog

    def chosen_in_settings(
        cls: type[SettingsDialog], parent: object, uow: Uow, chosen: Settings, **_kwargs: object
    ) -> bool:
        chosen.current_manager_id = office["oleg"]
        return True

    monkeypatch.setattr(SettingsDialog, "edit", classmethod(chosen_in_settings))
    window = make_window()
    qtbot.waitUntil(lambda: len(_listed(window)) == 3, timeout=5000)
    window.open_settings()
    qtbot.waitUntil(lambda: _listed(window) == {"Позвонить", "Сверка"}, timeout=5000)
    assert window.reminders.mine_button.isChecked() and window.overdue_label.text() == "My overdue reminders: 2"
