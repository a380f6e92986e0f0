"""Birthdays of contact persons: who has one in the coming days (the reminders panel, the calendar,
``salesdesk birthdays``), and the automatic reminder a few days before (a seat's setting).

The automatic reminder is made for the client's owner, once per person and year: the store notes
each one made, so a second start the same day, another seat with the same setting or a changed
number of days never makes another. It goes through the unit of work like any reminder: the audit
trail records it, and the window hears of it by the change bus.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from salesdesk.domain.birthdays import Birthday, birthday_within, month_days, turns
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ReminderFields
from salesdesk.domain.reminders import WORKDAY_START, local_at
from salesdesk.domain.validation import validate_reminder
from salesdesk.services.common import utcnow
from salesdesk.store import UnitOfWork


def upcoming(uow: UnitOfWork, start: date, days: int, *, manager_id: int | None = None) -> list[Birthday]:
    """Birthdays from *start* through *days* days later (both included), soonest first; persons in
    the trash, of clients in the trash, or erased are not among them. With *manager_id*, only the
    persons of that manager's clients."""
    with uow.reading():
        return _upcoming(uow, start, days, manager_id)


def _upcoming(uow: UnitOfWork, start: date, days: int, manager_id: int | None) -> list[Birthday]:
    out = []
    for row in uow.birthdays.born_on(month_days(start, days), owner_id=manager_id):
        day = birthday_within(row.birth_date, start, days)
        if day is None:  # 29 February, asked for by 28 February of a leap year
            continue
        out.append(
            Birthday(
                contact_id=row.contact_id,
                name=row.name,
                client_id=row.client_id,
                client=row.client,
                owner_id=row.owner_id,
                birth_date=row.birth_date,
                date=day,
                turns=turns(row.birth_date, day),
            )
        )
    out.sort(key=lambda b: (b.date, b.name.casefold(), b.contact_id))
    return out


def reminder_text(birthday: Birthday) -> str:
    """What the reminder says (its client is shown beside it everywhere reminders are listed)."""
    day = birthday.date.strftime("%d.%m")
    if birthday.turns is None:
        return str(msg("birthday.reminder_no_age", date=day, name=birthday.name))
    return str(msg("birthday.reminder", date=day, name=birthday.name, turns=birthday.turns))


def _due(day: date, now: datetime) -> datetime:
    """At the start of the working day *day*; when that has passed (the program was not running, or
    it is made later in the day), at the next full hour: a reminder just made is not overdue."""
    planned = local_at(day, WORKDAY_START)
    if planned > now:
        return planned
    return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


def plan_reminders(
    uow: UnitOfWork,
    days_before: int,
    *,
    today: date | None = None,
    now: datetime | None = None,
    manager_id: int | None = None,
) -> list[int]:
    """Make the reminder *days_before* days ahead of each birthday coming within that many days
    that has none yet (one transaction; the ids made). Due at the start of the working day
    *days_before* days ahead, or now when the program was not running then. With *manager_id*, only
    for the persons of that manager's clients (the seat that asked for them)."""
    now = now or utcnow()
    today = today or now.astimezone().date()
    made: list[int] = []
    with uow:
        for birthday in _upcoming(uow, today, days_before, manager_id):
            if uow.birthdays.reminded(birthday.contact_id, birthday.date.year):
                continue
            due = _due(birthday.date - timedelta(days=days_before), now)
            fields = validate_reminder(
                ReminderFields(due_at=due, text=reminder_text(birthday), manager_id=birthday.owner_id)
            )
            ident = uow.reminders.add(birthday.client_id, fields, now)
            uow.birthdays.note_reminded(birthday.contact_id, birthday.date.year, ident)
            uow.record("reminder", ident, "created", client=birthday.client_id, after=fields)
            uow.record("client", birthday.client_id, "reminders")
            made.append(ident)
        if made:
            uow.commit()
    return made
