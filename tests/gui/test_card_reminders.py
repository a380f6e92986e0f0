"""The card's Reminders tab on its own: the list and its states, plan the next contact, done, delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from salesdesk.domain.model import ReminderFields
from salesdesk.services import reminders
from salesdesk.store import UnitOfWork
from salesdesk.ui.card.reminders import RemindersTab
from tests.gui.card_tabs import Bench, bench_fixture, column, select_row  # noqa: F401 (the fixture)


def test_states_done_and_delete(bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    past = datetime.now(UTC) - timedelta(days=1)
    reminders.add_reminder(uow(), client, ReminderFields(due_at=past, text="Выставить счёт"))
    tab = bench.show(RemindersTab(bench.context), client)
    assert column(tab, 1) == ["Выставить счёт"] and column(tab, 3) == ["overdue"]
    assert not tab.done_button.isEnabled() and tab.hook_button.isEnabled()
    select_row(tab, 0)
    tab.done_button.click()
    assert column(tab, 3) == ["done"]
    select_row(tab, 0)
    assert not tab.done_button.isEnabled() and tab.delete_button.isEnabled()
    tab.delete_button.click()
    assert tab.model.rowCount() == 0 and bench.notice.label.text() == "Reminder deleted."
    assert bench.crashes == []


def test_plan_the_next_contact_in_three_months(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    tab = bench.show(RemindersTab(bench.context), client)
    tab.hook(3)
    [planned] = reminders.reminders_of(uow(), client)
    assert column(tab, 1) == ["Get back to the client"] == [planned.text]
    assert planned.due_at > datetime.now(UTC) + timedelta(days=80)


def test_only_the_reminders_are_replaced(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    tab = bench.show(RemindersTab(bench.context), client)
    soon = datetime.now(UTC) + timedelta(days=1)
    added = reminders.add_reminder(uow(), client, ReminderFields(due_at=soon, text="Позвонить"))
    assert added.id and tab.model.rowCount() == 0  # a commit the card was not told of
    tab.show_reminders(tuple(reminders.reminders_of(uow(), client)))
    assert column(tab, 1) == ["Позвонить"] and tab.card is not None and tab.card.client.id == client


def test_a_new_client_cannot_plan_yet(bench: Bench) -> None:
    tab = RemindersTab(bench.context)
    bench.qtbot.addWidget(tab)
    tab.show_card(None)
    tab.hook(3)
    assert not tab.hook_button.isEnabled() and tab.model.rowCount() == 0
