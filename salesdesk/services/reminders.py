"""Reminders ("hooks"): plan the next contact, complete, snooze, and the agenda of what is due."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from salesdesk.domain.model import Recurrence, Reminder, ReminderFields
from salesdesk.domain.reminders import Snooze, contact_due, next_occurrence, snooze_until
from salesdesk.domain.validation import validate_reminder
from salesdesk.services.common import SaveResult, set_deleted, utcnow
from salesdesk.store import UnitOfWork


def add_reminder(uow: UnitOfWork, client_id: int, fields: ReminderFields, *, now: datetime | None = None) -> SaveResult:
    cleaned = validate_reminder(fields)
    with uow:
        uow.clients.version_of(client_id)
        ident = uow.reminders.add(client_id, cleaned, now or utcnow())
        uow.record("reminder", ident, "created", client=client_id, after=cleaned)
        uow.record("client", client_id, "reminders")
        uow.commit()
    return SaveResult(ident, 1)


def hook(
    uow: UnitOfWork,
    client_id: int,
    text: str,
    *,
    months: int | None = None,
    on: date | None = None,
    recurrence: Recurrence = Recurrence.NONE,
    manager_id: int | None = None,
    now: datetime | None = None,
) -> SaveResult:
    """The office's "hook": remind me about this client in N months (or on a date)."""
    now = now or utcnow()
    fields = ReminderFields(
        due_at=contact_due(now, months=months, on=on), text=text, recurrence=recurrence, manager_id=manager_id
    )
    return add_reminder(uow, client_id, fields, now=now)


def update_reminder(
    uow: UnitOfWork, reminder_id: int, expected_version: int, fields: ReminderFields, *, now: datetime | None = None
) -> SaveResult:
    cleaned = validate_reminder(fields)
    with uow:
        current = uow.reminders.get(reminder_id)
        version = uow.reminders.update(
            reminder_id, expected_version, cleaned, now=now or utcnow(), done_at=current.done_at, snoozed_until=None
        )
        uow.record(
            "reminder",
            reminder_id,
            "updated",
            client=current.client_id,
            before=reminder_values(current),
            after=reminder_values(cleaned),
        )
        uow.record("client", current.client_id, "reminders")
        uow.commit()
    return SaveResult(reminder_id, version)


@dataclass(frozen=True, slots=True)
class Completed:
    reminder_id: int
    version: int
    next_id: int | None  # the next occurrence of a repeating reminder


def complete_reminder(uow: UnitOfWork, reminder_id: int, *, now: datetime | None = None) -> Completed:
    """Mark done; a repeating reminder gets its next occurrence in the same transaction."""
    now = now or utcnow()
    with uow:
        version, next_id = mark_done(uow, uow.reminders.get(reminder_id), now)
        uow.commit()
    return Completed(reminder_id, version, next_id)


def complete_and_plan(
    uow: UnitOfWork,
    reminder_id: int,
    text: str,
    *,
    months: int | None = None,
    on: date | None = None,
    recurrence: Recurrence = Recurrence.NONE,
    manager_id: int | None = None,
    now: datetime | None = None,
) -> Completed:
    """ "Done and plan the next contact" as one transaction: the reminder is done and the next
    contact with its client planned, or (any error) neither. Returns the completion; ``next_id`` is
    the planned contact."""
    now = now or utcnow()
    fields = validate_reminder(
        ReminderFields(
            due_at=contact_due(now, months=months, on=on), text=text, recurrence=recurrence, manager_id=manager_id
        )
    )
    with uow:
        current = uow.reminders.get(reminder_id)
        version, _repeat = mark_done(uow, current, now)
        ident = uow.reminders.add(current.client_id, fields, now)
        uow.record("reminder", ident, "created", client=current.client_id, after=fields)
        uow.commit()
    return Completed(reminder_id, version, ident)


def mark_done(uow: UnitOfWork, current: Reminder, now: datetime) -> tuple[int, int | None]:
    """Inside an open unit of work: *current* done, and a repeating one's next occurrence planned
    for its own client. Returns the new version and the next reminder's id (or None)."""
    version = uow.reminders.update(
        current.id, current.version, _fields(current), now=now, done_at=now, snoozed_until=current.snoozed_until
    )
    next_id = None
    anchor = current.anchor_at or current.due_at
    following = next_occurrence(current.due_at, current.recurrence, now, anchor=anchor)
    if following is not None:
        following_fields = dataclasses.replace(_fields(current), due_at=following)
        next_id = uow.reminders.add(current.client_id, following_fields, now, anchor_at=anchor)
        uow.record("reminder", next_id, "created", client=current.client_id, after=following_fields)
    uow.record(
        "reminder",
        current.id,
        "done",
        client=current.client_id,
        before={"done_at": current.done_at},
        after={"done_at": now},
    )
    uow.record("client", current.client_id, "reminders")
    return version, next_id


def reopen_reminder(uow: UnitOfWork, reminder_id: int, *, now: datetime | None = None) -> int:
    """Undo "done" (the next occurrence, if one was made, stays: it may already be edited)."""
    with uow:
        current = uow.reminders.get(reminder_id)
        version = uow.reminders.update(
            reminder_id,
            current.version,
            _fields(current),
            now=now or utcnow(),
            done_at=None,
            snoozed_until=current.snoozed_until,
        )
        uow.record(
            "reminder",
            reminder_id,
            "reopened",
            client=current.client_id,
            before={"done_at": current.done_at},
            after={"done_at": None},
        )
        uow.record("client", current.client_id, "reminders")
        uow.commit()
    return version


def snooze_reminder(uow: UnitOfWork, reminder_id: int, option: Snooze, *, now: datetime | None = None) -> int:
    now = now or utcnow()
    with uow:
        current = uow.reminders.get(reminder_id)
        until = snooze_until(option, now)
        version = uow.reminders.update(
            reminder_id, current.version, _fields(current), now=now, done_at=current.done_at, snoozed_until=until
        )
        uow.record(
            "reminder",
            reminder_id,
            "snoozed",
            client=current.client_id,
            before={"snoozed_until": current.snoozed_until},
            after={"snoozed_until": until},
        )
        uow.record("client", current.client_id, "reminders")
        uow.commit()
    return version


def trash_reminder(uow: UnitOfWork, reminder_id: int, *, now: datetime | None = None) -> int:
    return _set_deleted(uow, reminder_id, now or utcnow())


def restore_reminder(uow: UnitOfWork, reminder_id: int) -> int:
    return _set_deleted(uow, reminder_id, None)


def _set_deleted(uow: UnitOfWork, reminder_id: int, when: datetime | None) -> int:
    return set_deleted(uow, lambda u: u.reminders, "reminder", [reminder_id], when, client_part="reminders")[0]


def get_reminder(uow: UnitOfWork, reminder_id: int) -> Reminder:
    with uow.reading():
        return uow.reminders.get(reminder_id)


def reminders_of(uow: UnitOfWork, client_id: int) -> list[Reminder]:
    with uow.reading():
        return uow.reminders.list_for(client_id)


def renewal_of(uow: UnitOfWork, deal_id: int) -> Reminder | None:
    """The open reminder a won deal planned to offer new terms, if it has one."""
    with uow.reading():
        planned = uow.reminders.open_for_deal(deal_id)
    return planned[0] if planned else None


@dataclass(frozen=True, slots=True)
class Agenda:
    """Open reminders in the groups the reminders panel shows."""

    overdue: tuple[Reminder, ...]
    today: tuple[Reminder, ...]
    this_week: tuple[Reminder, ...]
    later: tuple[Reminder, ...]
    overdue_total: int  # all overdue, even beyond the rows listed
    open_total: int
    manager_id: int | None = None  # whose reminders these are (None: every manager's)

    @property
    def all(self) -> tuple[Reminder, ...]:
        return self.overdue + self.today + self.this_week + self.later


def agenda(uow: UnitOfWork, *, now: datetime | None = None, manager_id: int | None = None, limit: int = 2000) -> Agenda:
    """Open reminders, soonest first (at most *limit* listed; the totals count them all). With
    *manager_id*, only that manager's: assigned to them, or to nobody on a client they own."""
    now = now or utcnow()
    local_now = now.astimezone()
    start_of_tomorrow = datetime.combine(local_now.date() + timedelta(days=1), time(0), local_now.tzinfo)
    days_to_monday = 7 - local_now.weekday()
    start_of_next_week = datetime.combine(local_now.date() + timedelta(days=days_to_monday), time(0), local_now.tzinfo)
    with uow.reading():
        items = uow.reminders.open_until(None, manager_id=manager_id, limit=limit)
        overdue_total = uow.reminders.count_open_before(now, manager_id=manager_id)
        open_total = uow.reminders.count_open_before(None, manager_id=manager_id)
    overdue, today, week, later = [], [], [], []
    for item in items:
        due = item.effective_due
        if due < now:
            overdue.append(item)
        elif due < start_of_tomorrow:
            today.append(item)
        elif due < start_of_next_week:
            week.append(item)
        else:
            later.append(item)
    return Agenda(tuple(overdue), tuple(today), tuple(week), tuple(later), overdue_total, open_total, manager_id)


def count_overdue(uow: UnitOfWork, *, now: datetime | None = None, manager_id: int | None = None) -> int:
    with uow.reading():
        return uow.reminders.count_open_before(now or utcnow(), manager_id=manager_id)


def due_between(uow: UnitOfWork, start: datetime, end: datetime, *, manager_id: int | None = None) -> list[Reminder]:
    """Open reminders coming due in (start, end]: what the window notifies about (one manager's
    with *manager_id*)."""
    with uow.reading():
        # the lower bound in the query: a thousand old overdue ones must not crowd out the new
        return uow.reminders.open_until(end, after=start, manager_id=manager_id)


def reminder_values(reminder: ReminderFields) -> dict[str, object]:
    """What the trail compares of a reminder edit: the editable fields, and the snooze an edit
    clears (a reminder read back has one; fields being saved have none)."""
    values = {name: getattr(reminder, name) for name in ReminderFields.__dataclass_fields__}
    values["snoozed_until"] = getattr(reminder, "snoozed_until", None)
    return values


def _fields(reminder: Reminder) -> ReminderFields:
    return ReminderFields(
        due_at=reminder.due_at,
        text=reminder.text,
        recurrence=reminder.recurrence,
        manager_id=reminder.manager_id,
        deal_id=reminder.deal_id,
    )
