"""Reminders ("hooks") through the services: planning, done, repeat, snooze, the agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.model import Recurrence, ReminderFields
from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.domain.reminders import Snooze
from salesdesk.services import clients, reminders
from salesdesk.store import UnitOfWork

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def client_id(add_client: Callable[..., int]) -> int:
    return add_client("ООО «Ромашка»")


def test_hook_in_three_months_shows_on_the_client(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    saved = reminders.hook(uow(), client_id, "Предложить новые условия", months=3, now=NOW)
    reminder = reminders.get_reminder(uow(), saved.id)
    assert reminder.due_at.astimezone().date() == date(2027, 2, 26)  # 28 February is a Sunday: the Friday before
    assert clients.get_client(uow(), client_id).next_reminder_at == reminder.due_at


def test_hook_on_a_date(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    saved = reminders.hook(uow(), client_id, "Позвонить", on=date(2027, 1, 15), now=NOW)
    assert reminders.get_reminder(uow(), saved.id).due_at.astimezone().date() == date(2027, 1, 15)


def test_done_clears_the_next_reminder_of_the_client(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    saved = reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW + timedelta(days=1), text="Звонок"))
    result = reminders.complete_reminder(uow(), saved.id, now=NOW)
    assert result.next_id is None
    assert reminders.get_reminder(uow(), saved.id).done
    assert clients.get_client(uow(), client_id).next_reminder_at is None
    reminders.reopen_reminder(uow(), saved.id, now=NOW)
    assert clients.get_client(uow(), client_id).next_reminder_at == NOW + timedelta(days=1)


def test_a_repeating_reminder_comes_back(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    due = datetime(2026, 10, 31, 7, 0, tzinfo=UTC)
    saved = reminders.add_reminder(
        uow(), client_id, ReminderFields(due_at=due, text="Сверка", recurrence=Recurrence.MONTHLY)
    )
    result = reminders.complete_reminder(uow(), saved.id, now=NOW)
    assert result.next_id is not None
    following = reminders.get_reminder(uow(), result.next_id)
    assert following.due_at > NOW and following.recurrence is Recurrence.MONTHLY
    assert following.due_at.astimezone().day == 31  # December: back to the 31st
    assert clients.get_client(uow(), client_id).next_reminder_at == following.due_at


def test_snooze_moves_it_out_of_overdue(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    saved = reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW - timedelta(hours=3), text="Счёт"))
    assert reminders.count_overdue(uow(), now=NOW) == 1
    reminders.snooze_reminder(uow(), saved.id, Snooze.TOMORROW, now=NOW)
    assert reminders.count_overdue(uow(), now=NOW) == 0
    snoozed = reminders.get_reminder(uow(), saved.id)
    assert snoozed.effective_due > NOW and snoozed.due_at == NOW - timedelta(hours=3)


def test_agenda_groups(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    local = NOW.astimezone()
    texts = {
        "overdue": local - timedelta(days=2),
        "today": local + timedelta(minutes=30),
        "week": local + timedelta(days=2),
        "later": local + timedelta(days=40),
    }
    for text, due in texts.items():
        reminders.add_reminder(uow(), client_id, ReminderFields(due_at=due, text=text))
    agenda = reminders.agenda(uow(), now=NOW)
    groups = [[r.text for r in group] for group in (agenda.overdue, agenda.today, agenda.this_week, agenda.later)]
    assert groups == [["overdue"], ["today"], ["week"], ["later"]]
    assert agenda.overdue[0].client_name == "ООО «Ромашка»"


def test_trashed_client_reminders_leave_the_agenda(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW - timedelta(days=1), text="x"))
    clients.trash_client(uow(), client_id)
    assert reminders.agenda(uow(), now=NOW).all == ()
    assert reminders.count_overdue(uow(), now=NOW) == 0


def test_overdue_filter_and_sort_by_next_reminder(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], client_id: int
) -> None:
    later = add_client("ООО «Ёлка»")
    add_client("ООО «Без напоминаний»")
    reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW - timedelta(days=1), text="просрочено"))
    reminders.add_reminder(uow(), later, ReminderFields(due_at=NOW + timedelta(days=5), text="потом"))
    overdue = clients.list_clients(uow(), ClientQuery(overdue_only=True, now=NOW))
    assert [r.id for r in overdue.rows] == [client_id]
    ordered = clients.list_clients(uow(), ClientQuery(sort=ClientSort.NEXT_REMINDER))
    assert [r.name for r in ordered.rows] == ["ООО «Ромашка»", "ООО «Ёлка»", "ООО «Без напоминаний»"]


def test_empty_text_is_refused(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    with pytest.raises(ValidationError):
        reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW, text="   "))


def test_trash_and_restore_a_reminder(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    saved = reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW + timedelta(days=1), text="x"))
    reminders.trash_reminder(uow(), saved.id)
    assert clients.get_client(uow(), client_id).next_reminder_at is None
    reminders.restore_reminder(uow(), saved.id)
    assert clients.get_client(uow(), client_id).next_reminder_at == NOW + timedelta(days=1)


def test_a_managers_agenda_counts_only_their_reminders(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    from salesdesk.domain.model import ManagerFields
    from salesdesk.services import reference

    anna = reference.create_manager(uow(), ManagerFields(name="Иванова Анна")).id
    oleg = reference.create_manager(uow(), ManagerFields(name="Петров Олег")).id
    annas_client = add_client("ООО «Ромашка»", owner_id=anna)
    olegs_client = add_client("ООО «Ёлка»", owner_id=oleg)
    past = NOW - timedelta(days=2)
    for client, manager, text in (
        (annas_client, anna, "Счёт Анны"),
        (olegs_client, oleg, "Звонок Олега"),
        (olegs_client, anna, "Анна просила напомнить"),
        (annas_client, None, "Ничьё, на клиенте Анны"),
        (olegs_client, None, "Ничьё, на клиенте Олега"),
    ):
        reminders.add_reminder(uow(), client, ReminderFields(due_at=past, text=text, manager_id=manager))
    reminders.add_reminder(
        uow(), annas_client, ReminderFields(due_at=NOW + timedelta(days=30), text="Потом", manager_id=anna)
    )
    mine = reminders.agenda(uow(), now=NOW, manager_id=anna)
    assert {r.text for r in mine.overdue} == {"Счёт Анны", "Анна просила напомнить", "Ничьё, на клиенте Анны"}
    assert (mine.overdue_total, mine.open_total, mine.manager_id) == (3, 4, anna)
    assert reminders.count_overdue(uow(), now=NOW, manager_id=anna) == 3
    everyone = reminders.agenda(uow(), now=NOW)
    assert (everyone.overdue_total, everyone.open_total, everyone.manager_id) == (5, 6, None)
    assert reminders.count_overdue(uow(), now=NOW) == 5
    olegs = reminders.due_between(uow(), NOW - timedelta(days=3), NOW, manager_id=oleg)
    assert {r.text for r in olegs} == {"Звонок Олега", "Ничьё, на клиенте Олега"}


def test_a_reminder_coming_due_is_reported_behind_a_thousand_old_ones(
    uow: Callable[[], UnitOfWork], client_id: int
) -> None:
    long_ago = NOW - timedelta(days=400)
    for n in range(1001):
        reminders.add_reminder(
            uow(), client_id, ReminderFields(due_at=long_ago + timedelta(minutes=n), text=f"Старое {n}")
        )
    reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW - timedelta(seconds=10), text="Сейчас"))
    assert [r.text for r in reminders.due_between(uow(), NOW - timedelta(seconds=30), NOW)] == ["Сейчас"]


def test_done_and_plan_next_is_one_transaction(uow: Callable[[], UnitOfWork], client_id: int) -> None:
    saved = reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW - timedelta(days=1), text="Звонок"))
    with pytest.raises(ValidationError):  # the next contact is refused: the reminder stays open too
        reminders.complete_and_plan(uow(), saved.id, "", months=3, now=NOW)
    assert not reminders.get_reminder(uow(), saved.id).done
    heard: list[object] = []
    unit = uow()
    unit.listeners.append(heard.append)
    result = reminders.complete_and_plan(unit, saved.id, "Позвонить снова", months=3, now=NOW)
    assert reminders.get_reminder(uow(), saved.id).done
    assert result.next_id is not None
    following = reminders.get_reminder(uow(), result.next_id)
    assert following.text == "Позвонить снова" and following.due_at > NOW
    assert clients.get_client(uow(), client_id).next_reminder_at == following.due_at
    assert len(heard) == 1  # one commit
