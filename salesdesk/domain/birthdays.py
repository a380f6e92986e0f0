"""Birthdays of contact persons: when the next one falls, how old the person turns, and which
month-days a window of dates covers (what the store asks the database for).

Someone born on 29 February has their birthday on 28 February in a year without one (the office
congratulates them before the day is gone, not after). A birth date whose year nobody knows is
stored in the year ``YEAR_UNKNOWN`` (a leap year, so 29 February fits; the convention phones' address
books use): such a person has a birthday but no age.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from salesdesk.domain.spreadsheet import date_from_text, date_of

YEAR_UNKNOWN = 1604
DEFAULT_DAYS = 7  # `salesdesk birthdays` without --days: today and the week ahead
MAX_DAYS = 366
MAX_DAYS_BEFORE = 60  # the automatic reminder: at most this many days ahead


def year_known(birth: date) -> bool:
    return birth.year != YEAR_UNKNOWN


def birthday_in(birth: date, year: int) -> date:
    """The birthday in *year*: 29 February falls on 28 February when *year* has no 29th."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return birth.replace(year=year)


def next_birthday(birth: date, on: date) -> date:
    """The first birthday on or after *on*."""
    this_year = birthday_in(birth, on.year)
    return this_year if this_year >= on else birthday_in(birth, on.year + 1)


def turns(birth: date, birthday: date) -> int | None:
    """How old the person turns on *birthday* (None when the birth year is unknown, or for a day
    before they were born)."""
    if not year_known(birth) or birthday.year <= birth.year:
        return None
    return birthday.year - birth.year


def window_days(start: date, days: int) -> list[date]:
    """The days from *start* through *days* days later, both included."""
    if days < 0:
        raise ValueError("days must not be negative")
    return [start + timedelta(days=n) for n in range(min(days, MAX_DAYS) + 1)]


def month_days(start: date, days: int) -> list[tuple[int, int]]:
    """The (month, day) pairs of birth dates whose birthday falls in the window: each day's own,
    and 29 February with 28 February of a year that has no 29th."""
    out: list[tuple[int, int]] = []
    for day in window_days(start, days):
        out.append((day.month, day.day))
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            out.append((2, 29))
    return sorted(set(out))


@dataclass(frozen=True, slots=True)
class Birthday:
    """A contact person's birthday in a window of days."""

    contact_id: int
    name: str
    client_id: int
    client: str
    owner_id: int | None
    birth_date: date
    date: date  # the day it is celebrated in that year
    turns: int | None


def birthday_within(birth: date, start: date, days: int) -> date | None:
    """The birthday that falls from *start* through *days* days later, if one does."""
    day = next_birthday(birth, start)
    return day if day <= start + timedelta(days=days) else None


_DAY_MONTH_RE = re.compile(r"^\s*(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-]?\s*$")


def birth_without_year(text: str) -> date | None | str:
    """A birth date whose year nobody knows, as typed: "12.03", "12/3", "1203" (day first), or a
    whole date whose year is then dropped (picked on a calendar); stored in ``YEAR_UNKNOWN``.
    None for empty text; the text itself when it is no day of a year."""
    text = text.strip()
    if not text:
        return None
    day_month: tuple[str, str] | None = None
    if match := _DAY_MONTH_RE.match(text):
        day_month = (match[1], match[2])
    elif text.isascii() and text.isdigit() and len(text) == 4:
        day_month = (text[:2], text[2:])
    if day_month is not None:
        try:
            return date(YEAR_UNKNOWN, int(day_month[1]), int(day_month[0]))
        except ValueError:
            return text
    whole = date_from_text(text)
    if isinstance(whole, date):
        return date(YEAR_UNKNOWN, whole.month, whole.day)
    return text


def birth_cell(birth: date | None) -> date | str | None:
    """A birth date as a spreadsheet cell: the date, or "12.03" (text) when the year is unknown —
    a date of YEAR_UNKNOWN is before Excel's 1900 epoch (shown as #####). ``birth_of`` reads it back."""
    if birth is None or year_known(birth):
        return birth
    return birth.strftime("%d.%m")


def birth_of(cell: object) -> date | None | str:
    """A birth date cell of an imported file: a date, or day and month only ("12.03", as the export
    writes a birthday whose year nobody knows), kept in ``YEAR_UNKNOWN``. None for an empty cell; the
    text itself when it is no date."""
    if isinstance(cell, str) and _DAY_MONTH_RE.match(cell):
        return birth_without_year(cell)
    return date_of(cell)
