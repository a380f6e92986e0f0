"""Working days in Russia, and how a planned day reads in a sentence.

A reminder planned for a day off (a weekend, a public holiday, a day the government moved) would
come when nobody is at work, so the program plans it for the working day before. The calendar is
the ``holidays`` package's Russian one, which is maintained (the yearly government decree moves
days off, and some Saturdays become working days). It is only as current as the installed
package: a year the package does not know yet falls back to its fixed holidays and weekends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from salesdesk.domain import messages

_DAY = timedelta(days=1)
# A run of days off longer than this is a calendar fault, not the New Year holidays (9-10 days).
_LONGEST_BREAK = 31


@lru_cache(maxsize=64)
def _year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Days off that are not weekends, and weekend days that are working days, of *year*."""
    # Imported when first needed: the package loads every country's calendar (some 300 modules),
    # which a start-up that plans nothing should not pay for. The country module itself, not
    # holidays.country_holidays("RU"): that goes through a registry importing by name, which a
    # frozen build cannot see.
    from holidays.countries.russia import Russia

    calendar = Russia(years=year)  # type: ignore[no-untyped-call]  # the package types its base only
    return frozenset(calendar), frozenset(calendar.weekend_workdays)


def is_working_day(day: date) -> bool:
    days_off, working_weekends = _year(day.year)
    if day in working_weekends:
        return True
    return day.weekday() < 5 and day not in days_off


def working_day_on_or_before(day: date) -> date:
    """*day* if people work then, else the nearest working day before it."""
    candidate = day
    for _ in range(_LONGEST_BREAK):
        if is_working_day(candidate):
            return candidate
        candidate -= _DAY
    return day  # no working day for a month: leave the day as planned rather than guess


@dataclass(frozen=True, slots=True)
class PlannedDay:
    """The day a reminder comes, and the day off it was moved from (None if not moved)."""

    day: date
    moved_from: date | None = None


def plan_on_working_day(day: date, *, not_before: date | None = None) -> PlannedDay:
    """Move *day* to the working day before it when it is a day off; never before *not_before*
    (today: a reminder is not planned in the past, even when today is a day off)."""
    if not_before is not None and day <= not_before:
        return PlannedDay(not_before)  # due now: there is no earlier working day to move to
    working = working_day_on_or_before(day)
    if not_before is not None and working < not_before:
        working = not_before
    return PlannedDay(working, None if working == day else day)


_RU_WEEKDAYS = ("в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье")
_RU_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def on_day(day: date, lang: str) -> str:
    """ "в среду, 30 декабря 2026 года" / "on Wednesday, 30 December 2026": a date with its
    preposition, to go inside a sentence (no abbreviation, so no stray full stop)."""
    if lang == "ru":
        return f"{_RU_WEEKDAYS[day.weekday()]}, {day.day} {_RU_MONTHS[day.month - 1]} {day.year} года"
    return f"on {_EN_WEEKDAYS[day.weekday()]}, {day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def day_and_month(day: date, lang: str) -> str:
    """ "7 января" / "7 January"."""
    months = _RU_MONTHS if lang == "ru" else _EN_MONTHS
    return f"{day.day} {months[day.month - 1]}"


@dataclass(frozen=True, slots=True)
class DayText:
    """A date inside a message, rendered in the message's language (see messages.Renderable)."""

    day: date
    with_weekday: bool = True

    def render(self, lang: str | None = None) -> str:
        lang = lang or messages.language()
        return on_day(self.day, lang) if self.with_weekday else day_and_month(self.day, lang)
