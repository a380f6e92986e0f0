"""Reminder arithmetic: repeating reminders, snoozing and the "hook" in N months.

The rules are about the wall clock of the office, so every test fixes the process's local time
zone (``TZ`` + ``time.tzset``) instead of depending on the machine that runs it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.model import Recurrence, Reminder
from salesdesk.domain.reminders import WORKDAY_START, Snooze, hook_due, next_occurrence, snooze_until

MSK = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset to fix the local zone")


@pytest.fixture
def local_zone() -> Iterator[Callable[[str], None]]:
    """Set the process's local time zone for one test and restore it afterwards."""
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def moscow(local_zone: Callable[[str], None]) -> None:
    local_zone("Europe/Moscow")


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)  # type: ignore[misc]


# next_occurrence ---------------------------------------------------------------------------------


def test_non_repeating_reminder_has_no_next_occurrence(moscow: None) -> None:
    assert next_occurrence(msk(2024, 1, 31, 10), Recurrence.NONE, msk(2024, 1, 31, 11)) is None


def test_monthly_from_january_31_lands_on_the_last_day_of_february(moscow: None) -> None:
    following = next_occurrence(msk(2024, 1, 31, 10), Recurrence.MONTHLY, msk(2024, 1, 31, 11))
    assert following == msk(2024, 2, 29, 10)
    assert following is not None and following.utcoffset() == timedelta(0)  # stored in UTC
    assert next_occurrence(msk(2023, 1, 31, 10), Recurrence.MONTHLY, msk(2023, 1, 31, 11)) == msk(2023, 2, 28, 10)


def test_monthly_from_the_31st_skipping_months_keeps_the_31st_where_it_exists(moscow: None) -> None:
    due = msk(2024, 1, 31, 10)
    assert next_occurrence(due, Recurrence.MONTHLY, msk(2024, 3, 1)) == msk(2024, 3, 31, 10)
    assert next_occurrence(due, Recurrence.MONTHLY, msk(2024, 4, 1)) == msk(2024, 4, 30, 10)
    assert next_occurrence(due, Recurrence.MONTHLY, msk(2024, 4, 30, 12)) == msk(2024, 5, 31, 10)


def test_a_monthly_reminder_on_the_31st_comes_back_to_the_31st_when_completed_each_month(moscow: None) -> None:
    # complete_reminder() passes the current occurrence's due time and the series' first one.
    anchor = due = msk(2024, 1, 31, 10)
    seen = []
    for _ in range(3):
        following = next_occurrence(due, Recurrence.MONTHLY, due + timedelta(hours=1), anchor=anchor)
        assert following is not None
        seen.append(following.astimezone(MSK).date().isoformat())
        due = following
    assert seen == ["2024-02-29", "2024-03-31", "2024-04-30"]


def test_quarterly_and_yearly(moscow: None) -> None:
    assert next_occurrence(msk(2024, 1, 31, 10), Recurrence.QUARTERLY, msk(2024, 1, 31, 11)) == msk(2024, 4, 30, 10)
    assert next_occurrence(msk(2024, 11, 30, 10), Recurrence.QUARTERLY, msk(2024, 12, 1)) == msk(2025, 2, 28, 10)
    assert next_occurrence(msk(2024, 2, 29, 10), Recurrence.YEARLY, msk(2024, 3, 1)) == msk(2025, 2, 28, 10)
    assert next_occurrence(msk(2024, 2, 29, 10), Recurrence.YEARLY, msk(2027, 3, 1)) == msk(2028, 2, 29, 10)


def test_past_occurrences_are_skipped_to_the_first_one_after_now(moscow: None) -> None:
    due = msk(2024, 1, 15, 10)
    assert next_occurrence(due, Recurrence.MONTHLY, msk(2025, 6, 20)) == msk(2025, 7, 15, 10)
    assert next_occurrence(due, Recurrence.MONTHLY, msk(2025, 6, 15, 9, 59)) == msk(2025, 6, 15, 10)
    # Exactly at an occurrence: that one is done, the next is due.
    assert next_occurrence(due, Recurrence.MONTHLY, msk(2025, 6, 15, 10)) == msk(2025, 7, 15, 10)
    assert next_occurrence(due, Recurrence.QUARTERLY, msk(2025, 6, 20)) == msk(2025, 7, 15, 10)
    assert next_occurrence(due, Recurrence.YEARLY, msk(2030, 1, 1)) == msk(2030, 1, 15, 10)


def test_completing_a_reminder_early_moves_it_one_step_on(moscow: None) -> None:
    assert next_occurrence(msk(2024, 3, 15, 10), Recurrence.MONTHLY, msk(2024, 3, 1)) == msk(2024, 4, 15, 10)


@given(
    # Moscow's offset has been +3 all year since October 2014 (earlier dates hit the DST bug below).
    day=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    recurrence=st.sampled_from([Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.YEARLY]),
    later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=2000)),
)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the fixture only sets TZ
def test_next_occurrence_is_after_now_at_the_same_wall_clock_time(
    moscow: None, day: date, recurrence: Recurrence, later: timedelta
) -> None:
    due = datetime.combine(day, clock(10, 30), MSK)
    now = due + later
    following = next_occurrence(due, recurrence, now)
    assert following is not None
    assert following > now
    local = following.astimezone(MSK)
    assert (local.hour, local.minute) == (10, 30)
    assert local.day <= day.day  # a short month may pull the day back, never forward
    step_months = {Recurrence.MONTHLY: 1, Recurrence.QUARTERLY: 3, Recurrence.YEARLY: 12}[recurrence]
    assert ((local.year - day.year) * 12 + local.month - day.month) % step_months == 0


def test_quarterly_reminder_keeps_its_wall_clock_time_across_daylight_saving(
    local_zone: Callable[[str], None],
) -> None:
    local_zone("Europe/Berlin")
    due = datetime(2024, 1, 15, 10, tzinfo=BERLIN)
    following = next_occurrence(due, Recurrence.QUARTERLY, due)
    assert following is not None
    assert following.astimezone(BERLIN) == datetime(2024, 4, 15, 10, tzinfo=BERLIN)


# snooze_until ------------------------------------------------------------------------------------


def test_snooze_for_an_hour(moscow: None) -> None:
    assert snooze_until(Snooze.HOUR, msk(2024, 5, 10, 17, 30)) == msk(2024, 5, 10, 18, 30)


def test_snooze_till_tomorrow_means_the_start_of_the_next_working_day_clock(moscow: None) -> None:
    assert snooze_until(Snooze.TOMORROW, msk(2024, 5, 10, 17, 30)) == msk(2024, 5, 11, 9)
    assert snooze_until(Snooze.TOMORROW, msk(2024, 12, 31, 23, 30)) == msk(2025, 1, 1, 9)
    # 23:30 UTC on 10 May is already 11 May in Moscow: "tomorrow" is the Moscow tomorrow.
    assert snooze_until(Snooze.TOMORROW, datetime(2024, 5, 10, 23, 30, tzinfo=UTC)) == msk(2024, 5, 12, 9)


@pytest.mark.parametrize(
    ("now", "monday"),
    [
        (msk(2024, 5, 10, 17), msk(2024, 5, 13, 9)),  # Friday
        (msk(2024, 5, 12, 23), msk(2024, 5, 13, 9)),  # Sunday night
        (msk(2024, 5, 13, 8), msk(2024, 5, 20, 9)),  # Monday: next week's Monday
        (msk(2024, 12, 30, 12), msk(2025, 1, 6, 9)),
    ],
)
def test_snooze_till_next_week_means_next_monday_morning(moscow: None, now: datetime, monday: datetime) -> None:
    result = snooze_until(Snooze.NEXT_WEEK, now)
    assert result == monday
    assert result.astimezone(MSK).weekday() == 0


def test_snoozed_times_are_in_utc(moscow: None) -> None:
    for option in Snooze:
        assert snooze_until(option, msk(2024, 5, 10, 17)).utcoffset() == timedelta(0)


def test_snooze_till_tomorrow_over_the_daylight_saving_night(local_zone: Callable[[str], None]) -> None:
    local_zone("Europe/Berlin")
    result = snooze_until(Snooze.TOMORROW, datetime(2024, 3, 30, 18, tzinfo=BERLIN))
    assert result.astimezone(BERLIN) == datetime(2024, 3, 31, 9, tzinfo=BERLIN)


def test_effective_due_is_the_later_of_due_and_snooze() -> None:
    now = datetime(2024, 5, 1, tzinfo=UTC)

    def reminder(due: datetime, snoozed: datetime | None) -> Reminder:
        return Reminder(
            id=1,
            client_id=1,
            version=1,
            due_at=due,
            text="позвонить",
            snoozed_until=snoozed,
            created_at=now,
            updated_at=now,
        )

    due = datetime(2024, 5, 10, 9, tzinfo=UTC)
    assert reminder(due, None).effective_due == due
    assert reminder(due, due + timedelta(hours=1)).effective_due == due + timedelta(hours=1)
    assert reminder(due, due - timedelta(hours=1)).effective_due == due


# hook_due ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "months", "due"),
    [
        (msk(2024, 1, 15, 15), 3, msk(2024, 4, 15, 9)),
        (msk(2024, 11, 30, 15), 3, msk(2025, 2, 28, 9)),
        (msk(2024, 1, 31, 15), 1, msk(2024, 2, 29, 9)),
        (msk(2024, 5, 10, 8), 0, msk(2024, 5, 10, 9)),
        # 10 May 2025 is a Saturday after the Victory Day days off (8 and 9 May): Wednesday 7 May
        (msk(2024, 5, 10, 15), 12, msk(2025, 5, 7, 9)),
        (msk(2024, 5, 14, 15), 12, msk(2025, 5, 14, 9)),  # a working Wednesday stays
    ],
)
def test_hook_is_months_ahead_at_the_start_of_the_working_day(
    moscow: None, now: datetime, months: int, due: datetime
) -> None:
    result = hook_due(now, months)
    assert result == due
    assert result.utcoffset() == timedelta(0)
    assert result.astimezone(MSK).time() == WORKDAY_START


def test_hook_counts_months_from_the_local_date(moscow: None) -> None:
    # 22:00 UTC on 31 January is already 1 February in Moscow.
    assert hook_due(datetime(2024, 1, 31, 22, tzinfo=UTC), 1) == msk(2024, 3, 1, 9)


def test_hook_across_daylight_saving_is_still_at_nine(local_zone: Callable[[str], None]) -> None:
    local_zone("Europe/Berlin")
    result = hook_due(datetime(2024, 1, 15, 12, tzinfo=BERLIN), 3)
    assert result.astimezone(BERLIN) == datetime(2024, 4, 15, 9, tzinfo=BERLIN)


# Naive datetimes ---------------------------------------------------------------------------------


def test_naive_times_are_refused(moscow: None) -> None:
    naive = datetime(2024, 5, 10, 10)
    with pytest.raises(ValueError, match="timezone-aware"):
        next_occurrence(naive, Recurrence.MONTHLY, msk(2024, 5, 10, 11))
    with pytest.raises(ValueError, match="timezone-aware"):
        snooze_until(Snooze.HOUR, naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        hook_due(naive, 3)


def test_naive_due_time_is_refused_even_without_recurrence_arithmetic(moscow: None) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_occurrence(datetime(2024, 5, 10, 10), Recurrence.YEARLY, msk(2030, 1, 1))


def test_naive_now_is_refused_with_the_same_error(moscow: None) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_occurrence(msk(2024, 5, 10, 10), Recurrence.MONTHLY, datetime(2024, 5, 10, 11))
