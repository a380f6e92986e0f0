"""Birthday date math: 29 February, the turn of the year, the window of days, unknown years."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.birthdays import (
    YEAR_UNKNOWN,
    birthday_in,
    birthday_within,
    month_days,
    next_birthday,
    turns,
    window_days,
)
from salesdesk.domain.model import age_on

births = st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31))
days_on = st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31))
spans = st.integers(min_value=0, max_value=366)


def test_29_february_is_28_february_in_other_years() -> None:
    leapling = date(1984, 2, 29)
    assert birthday_in(leapling, 2027) == date(2027, 2, 28)
    assert birthday_in(leapling, 2028) == date(2028, 2, 29)
    assert next_birthday(leapling, date(2027, 3, 1)) == date(2028, 2, 29)
    assert next_birthday(leapling, date(2026, 3, 1)) == date(2027, 2, 28)
    assert turns(leapling, date(2027, 2, 28)) == 43


def test_the_turn_of_the_year() -> None:
    assert next_birthday(date(1980, 1, 2), date(2026, 12, 30)) == date(2027, 1, 2)
    assert birthday_within(date(1980, 1, 2), date(2026, 12, 30), 7) == date(2027, 1, 2)
    assert turns(date(1980, 1, 2), date(2027, 1, 2)) == 47
    assert (1, 2) in month_days(date(2026, 12, 30), 7)
    assert (12, 29) not in month_days(date(2026, 12, 30), 7)


def test_a_window_of_days_includes_both_ends() -> None:
    assert window_days(date(2026, 12, 7), 0) == [date(2026, 12, 7)]
    assert birthday_within(date(1990, 12, 14), date(2026, 12, 7), 7) == date(2026, 12, 14)
    assert birthday_within(date(1990, 12, 15), date(2026, 12, 7), 7) is None
    assert birthday_within(date(1990, 12, 6), date(2026, 12, 7), 7) is None  # yesterday: next year's is far


def test_29_february_is_asked_for_by_28_february_of_a_common_year_only() -> None:
    assert (2, 29) in month_days(date(2027, 2, 28), 0)
    assert (2, 29) not in month_days(date(2028, 2, 28), 0)
    assert birthday_within(date(1984, 2, 29), date(2028, 2, 28), 0) is None  # it is tomorrow in 2028


def test_no_birth_year_has_a_birthday_but_no_age() -> None:
    unknown = date(YEAR_UNKNOWN, 2, 29)
    assert birthday_in(unknown, 2027) == date(2027, 2, 28)
    assert turns(unknown, date(2027, 2, 28)) is None
    assert age_on(unknown, date(2027, 3, 1)) is None


@given(births, days_on)
def test_the_next_birthday_is_within_a_year_on_the_birth_month_day(birth: date, on: date) -> None:
    day = next_birthday(birth, on)
    assert on <= day < on + timedelta(days=367)
    if (birth.month, birth.day) == (2, 29) and not calendar.isleap(day.year):
        assert (day.month, day.day) == (2, 28)
    else:
        assert (day.month, day.day) == (birth.month, birth.day)
    # no birthday is skipped: the one before it is before *on*
    assert birthday_in(birth, day.year - 1) < on


@given(births, days_on)
def test_the_age_turned_is_the_full_years_the_day_after(birth: date, on: date) -> None:
    day = next_birthday(birth, on)
    age = turns(birth, day)
    if day.year <= birth.year:
        assert age is None
        return
    assert age == day.year - birth.year
    # the age the card shows reaches it on the birthday (a leapling's card: on 1 March)
    assert age_on(birth, day + timedelta(days=1)) == age


@given(births, days_on, spans)
def test_the_month_days_find_exactly_the_birthdays_in_the_window(birth: date, start: date, days: int) -> None:
    within = birthday_within(birth, start, days)
    asked = (birth.month, birth.day) in month_days(start, days)
    if within is not None:
        assert asked  # the database is asked for every person who has a birthday in the window
        assert start <= within <= start + timedelta(days=days)
    if not asked:
        assert within is None


def test_a_birth_date_typed_without_a_year() -> None:
    from salesdesk.domain.birthdays import birth_without_year

    for typed in ("12.03", "12/3", "1203", " 12.3. ", "12.03.1985"):  # a whole date: its year is dropped
        assert birth_without_year(typed) == date(YEAR_UNKNOWN, 3, 12), typed
    assert birth_without_year("29.02") == date(YEAR_UNKNOWN, 2, 29)  # the unknown year is a leap year
    assert birth_without_year("") is None
    assert birth_without_year("31.04") == "31.04"  # no such day: the text comes back for the message
    assert birth_without_year("март") == "март"
