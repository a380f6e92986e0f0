"""The calendar: what a manager has on each day — open reminders, calls and meetings, contract
ends and contact persons' birthdays — for the Calendar tab and the iCalendar export.

Days are the user's days: a range of local dates becomes an instant range for the query, and each
timed event falls on the local date of its time. Rescheduling a reminder moves it to another day
at the same time of day, through ``update_reminder`` (version-checked, audited, change signals).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path

from salesdesk.domain import birthdays
from salesdesk.domain.messages import msg
from salesdesk.domain.model import InteractionKind, ReminderFields
from salesdesk.files import ical
from salesdesk.files.errors import write_problem
from salesdesk.services import permissions
from salesdesk.services.common import SaveResult, utcnow
from salesdesk.services.exporting import check_target
from salesdesk.services.reminders import update_reminder
from salesdesk.store import UnitOfWork

EXPORT_DAYS = 90  # what an export covers by default: today and the next three months
MAX_DAYS = 3660


class EventKind(StrEnum):
    REMINDER = "reminder"
    CALL = "call"
    MEETING = "meeting"
    CONTRACT_END = "contract_end"
    BIRTHDAY = "birthday"

    @property
    def label(self) -> str:
        return str(msg(f"calendar.kind.{self.value}"))


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    kind: EventKind
    ident: int  # the reminder, interaction, deal or contact person
    client_id: int
    client_name: str
    title: str
    day: date  # the local day it falls on
    at: datetime | None  # the time of a timed event (aware); None for a whole-day one
    owner_id: int | None  # whose it is: the manager assigned, else the client's owner
    version: int = 0  # a reminder's version (to reschedule it)
    turns: int | None = None  # a birthday: the age the person turns

    @property
    def movable(self) -> bool:
        return self.kind is EventKind.REMINDER

    @property
    def uid(self) -> str:
        """Stable across exports, so a calendar updates the event instead of adding a copy."""
        suffix = f"-{self.day.year}" if self.kind is EventKind.BIRTHDAY else ""
        return f"{self.kind.value.replace('_', '-')}-{self.ident}{suffix}@salesdesk"


def local_start(day: date) -> datetime:
    """The instant a local day begins (the computer's zone, with its own offset that day)."""
    return datetime.combine(day, time(0)).astimezone()


def events(uow: UnitOfWork, first: date, last: date, *, manager_id: int | None = None) -> list[CalendarEvent]:
    """Everything on the days first..last (inclusive), by day and time; with *manager_id*, only
    that manager's (assigned to them, or to nobody on their clients)."""
    with uow.reading():
        return _events_in(uow, first, last, manager_id)


def _events_in(uow: UnitOfWork, first: date, last: date, manager_id: int | None) -> list[CalendarEvent]:
    """``events`` inside the caller's open unit of work."""
    if last < first:
        first, last = last, first
    start, end = local_start(first), local_start(last + timedelta(days=1))
    kinds = (InteractionKind.CALL.value, InteractionKind.MEETING.value)
    reminders = uow.calendar.reminders(start, end, manager_id)
    history = uow.calendar.interactions(start, end, kinds, manager_id)
    contracts = uow.calendar.contract_ends(first, last, manager_id)
    # the birthdays' own query and rules (services/birthdays.py): trash and erasure left out, 29 February
    people = uow.birthdays.born_on(birthdays.month_days(first, (last - first).days), owner_id=manager_id)
    found: list[CalendarEvent] = []
    for ident, client_id, client, due, text, manager, owner, version, _recurrence in reminders:
        local = due.astimezone()
        found.append(
            CalendarEvent(
                EventKind.REMINDER, ident, client_id, client, text, local.date(), local, manager or owner, version
            )
        )
    for ident, client_id, client, when, summary, manager, owner, kind in history:
        local = when.astimezone()
        event_kind = EventKind.CALL if kind == InteractionKind.CALL.value else EventKind.MEETING
        found.append(
            CalendarEvent(event_kind, ident, client_id, client, summary, local.date(), local, manager or owner)
        )
    for ident, client_id, client, ends, title, deal_owner, owner in contracts:
        found.append(
            CalendarEvent(EventKind.CONTRACT_END, ident, client_id, client, title, ends, None, deal_owner or owner)
        )
    for person in people:
        born = person.birth_date
        for year in range(first.year, last.year + 1):  # an export of several years has each one
            when = birthdays.birthday_in(born, year)
            if first <= when <= last and (not birthdays.year_known(born) or year >= born.year):
                found.append(
                    CalendarEvent(
                        EventKind.BIRTHDAY,
                        person.contact_id,
                        person.client_id,
                        person.client,
                        person.name,
                        when,
                        None,
                        person.owner_id,
                        turns=birthdays.turns(born, when),
                    )
                )
    found.sort(key=lambda e: (e.day, e.at is not None, e.at or local_start(e.day), e.kind.value, e.ident))
    return found


def reschedule(
    uow: UnitOfWork, reminder_id: int, expected_version: int, day: date, *, now: datetime | None = None
) -> SaveResult:
    """Move a reminder to *day* at the same local time of day (its snooze, if any, is cleared:
    the new day is when it wants attention). Stale versions are refused as in any edit."""
    with uow.reading():
        current = uow.reminders.get(reminder_id)
    local = current.effective_due.astimezone()
    due = datetime.combine(day, local.time().replace(tzinfo=None)).astimezone()
    fields = ReminderFields(
        due_at=due,
        text=current.text,
        recurrence=current.recurrence,
        manager_id=current.manager_id,
        deal_id=current.deal_id,
    )
    return update_reminder(uow, reminder_id, expected_version, fields, now=now)


@dataclass(frozen=True, slots=True)
class CalendarExport:
    path: Path
    events: int


def event_entry(event: CalendarEvent) -> ical.CalendarEntry:
    """The VEVENT of a calendar event: timed ones last half an hour; whole-day ones one day."""
    summary = event_summary(event)
    description = str(msg("calendar.ics.client", client=event.client_name, id=event.client_id))
    if event.at is not None:
        start: date | datetime = event.at
        end: date | datetime = event.at + timedelta(minutes=30)
    else:
        start, end = ical.whole_day(event.day)
    return ical.CalendarEntry(
        uid=event.uid,
        summary=summary,
        start=start,
        end=end,
        description=description,
        categories=(event.kind.label,),
        sequence=event.version,
    )


def event_summary(event: CalendarEvent) -> str:
    if event.kind is EventKind.BIRTHDAY:
        if event.turns is None:  # the birth year is not known: no age to give
            return str(msg("calendar.ics.birthday_no_age", name=event.title, client=event.client_name))
        return str(msg("calendar.ics.birthday", name=event.title, turns=event.turns, client=event.client_name))
    if event.kind is EventKind.CONTRACT_END:
        return str(msg("calendar.ics.contract_end", title=event.title, client=event.client_name))
    return f"{event.kind.label}: {event.client_name} — {event.title}"


def export_calendar(
    uow: UnitOfWork,
    path: Path,
    *,
    manager_id: int | None = None,
    days: int = EXPORT_DAYS,
    now: datetime | None = None,
) -> CalendarExport:
    """Write today and the next *days* days to *path* as iCalendar."""
    now = now or utcnow()
    check_target(path, uow, field="file")
    today = now.astimezone().date()
    with uow.reading():
        found = _events_in(uow, today, today + timedelta(days=max(days, 1) - 1), manager_id)
        # the file names clients: a manager who may export only their own is refused others' (issue 14)
        permissions.require_export_of(uow, sorted({e.client_id for e in found}))
    text = ical.calendar_text([event_entry(e) for e in found], stamp=now, name=str(msg("calendar.ics.name")))
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as exc:
        raise write_problem(exc, path) from exc
    return CalendarExport(path, len(found))


def moved(event: CalendarEvent, day: date) -> CalendarEvent:
    """*event* shown on another day (the calendar's own picture while the move is saved)."""
    at = None if event.at is None else datetime.combine(day, event.at.timetz())
    return dataclasses.replace(event, day=day, at=at)
