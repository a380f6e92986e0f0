"""Reminder arithmetic: recurrence, snoozing and the "hook" (next contact in N months).

Times are timezone-aware. Calendar steps are taken in the user's local time zone with its
summer-time rules (dateutil's tzlocal, not a fixed offset), so "in three months at 10:00" stays at
10:00 on the wall clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta
from dateutil.tz import tzlocal

from salesdesk.domain.model import Recurrence
from salesdesk.domain.workdays import plan_on_working_day

_STEP = {
    Recurrence.MONTHLY: relativedelta(months=1),
    Recurrence.QUARTERLY: relativedelta(months=3),
    Recurrence.YEARLY: relativedelta(years=1),
}
WORKDAY_START = time(9, 0)


class Snooze(StrEnum):
    HOUR = "hour"
    TOMORROW = "tomorrow"
    NEXT_WEEK = "next_week"


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("reminder times must be timezone-aware")
    # A new tzlocal each time: it reads the zone when made, and the zone can change while the
    # program runs (a laptop that travels, a test that sets TZ).
    return moment.astimezone(tzlocal())


def next_occurrence(
    due_at: datetime, recurrence: Recurrence, now: datetime, anchor: datetime | None = None
) -> datetime | None:
    """The next due time of a repeating reminder that is done now: strictly after *now* and
    after *due_at*.

    Steps are counted from the *anchor*, the first due time of the series (default: *due_at*), so
    a monthly reminder on the 31st lands on the last day of shorter months and comes back to the
    31st when the month has one.
    """
    if recurrence is Recurrence.NONE:
        return None
    step = _STEP[recurrence]
    start = _local(anchor or due_at)
    after = max(_local(now), _local(due_at))
    n = 1
    candidate = start + step
    while candidate <= after:
        n += 1
        candidate = start + step * n
    return candidate.astimezone(UTC)


def snooze_until(option: Snooze, now: datetime) -> datetime:
    local_now = _local(now)
    if option is Snooze.HOUR:
        return (now + timedelta(hours=1)).astimezone(UTC)  # an hour of real time, whatever the clock does
    if option is Snooze.TOMORROW:
        day = local_now.date() + timedelta(days=1)
    else:
        day = local_now.date() + timedelta(days=7 - local_now.weekday())
    return local_at(day, WORKDAY_START)


def hook_due(now: datetime, months: int) -> datetime:
    """The "hook": a reminder *months* from today, at the start of the working day; a day off
    (weekend, public holiday) gives way to the working day before it."""
    today = _local(now).date()
    return local_at(plan_on_working_day(today + relativedelta(months=months), not_before=today).day, WORKDAY_START)


def contact_due(now: datetime, *, months: int | None = None, on: date | None = None) -> datetime:
    """When the next contact is due: on a date (at the start of that working day) or in *months*.

    A date the person chose is kept as chosen; "in N months" is the program's choice of day, so it
    avoids days off (``hook_due``).
    """
    if on is not None:
        return local_at(on, WORKDAY_START)
    if months is None:
        raise ValueError("the next contact needs months or a date")
    return hook_due(now, months)


def local_at(day: date, at: time) -> datetime:
    """The UTC moment of a local wall-clock time on *day* (with that day's summer-time offset)."""
    return datetime.combine(day, at, tzlocal()).astimezone(UTC)
