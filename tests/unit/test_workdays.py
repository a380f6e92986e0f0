"""Reminders the program plans avoid Russian days off, and the renewal hint says so in one sentence."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from salesdesk.domain.workdays import is_working_day, plan_on_working_day, working_day_on_or_before
from salesdesk.services.deals import renewal_due, renewal_note, renewal_plan

NOW = datetime(2026, 12, 6, 10, tzinfo=UTC)  # a Sunday in December 2026


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2027, 1, 7), False),  # Christmas
        (date(2027, 1, 4), False),  # New Year holidays on a Monday
        (date(2026, 12, 31), False),  # moved from 4 January 2026 by the decree
        (date(2027, 1, 9), False),  # Saturday
        (date(2027, 1, 10), False),  # Sunday
        (date(2027, 1, 11), True),  # the first working day of 2027
        (date(2027, 2, 20), True),  # a working Saturday (days moved to 22 February)
        (date(2027, 2, 22), False),
        (date(2026, 12, 30), True),
    ],
)
def test_russian_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_a_day_off_gives_way_to_the_working_day_before() -> None:
    # 1-8 January 2027 and 31 December 2026 are all days off: back to Wednesday 30 December
    for day in (date(2027, 1, 1), date(2027, 1, 5), date(2027, 1, 7), date(2027, 1, 8)):
        assert working_day_on_or_before(day) == date(2026, 12, 30)
    assert working_day_on_or_before(date(2027, 1, 10)) == date(2026, 12, 30)  # the weekend after, too
    assert plan_on_working_day(date(2027, 3, 6)).day == date(2027, 3, 5)  # Saturday -> Friday
    assert plan_on_working_day(date(2027, 3, 10)).moved_from is None


def test_a_plan_is_never_moved_into_the_past() -> None:
    today = date(2027, 1, 3)  # a day off itself
    assert plan_on_working_day(date(2027, 1, 7), not_before=today).day == today
    assert plan_on_working_day(date(2026, 12, 1), not_before=today).day == today
    assert plan_on_working_day(date(2026, 12, 1), not_before=today).moved_from is None


def test_the_renewal_reminder_itself_moves_off_7_january() -> None:
    # 30 days before 6 February 2027 is Thursday 7 January: planned for 30 December, at nine
    plan = renewal_plan(date(2027, 2, 6), 30, NOW)
    assert (plan.day, plan.moved_from) == (date(2026, 12, 30), date(2027, 1, 7))
    assert renewal_due(date(2027, 2, 6), 30, NOW).astimezone().date() == date(2026, 12, 30)


@pytest.mark.parametrize(
    ("contract_end", "ru", "en"),
    [
        (
            date(2027, 2, 6),  # 7 January: Christmas, in the middle of the New Year holidays
            "Напоминание предложить новые условия придёт в среду, 30 декабря 2026 года — 7 января выходной.",
            "A reminder to offer new terms will come on Wednesday, 30 December 2026 — 7 January is a day off.",
        ),
        (
            date(2027, 2, 3),  # 4 January: the first Monday of the holidays, several days off in a row
            "Напоминание предложить новые условия придёт в среду, 30 декабря 2026 года — 4 января выходной.",
            "A reminder to offer new terms will come on Wednesday, 30 December 2026 — 4 January is a day off.",
        ),
        (
            date(2027, 4, 5),  # a Saturday
            "Напоминание предложить новые условия придёт в пятницу, 5 марта 2027 года — 6 марта выходной.",
            "A reminder to offer new terms will come on Friday, 5 March 2027 — 6 March is a day off.",
        ),
        (
            date(2027, 4, 13),  # a Sunday: two days back
            "Напоминание предложить новые условия придёт в пятницу, 12 марта 2027 года — 14 марта выходной.",
            "A reminder to offer new terms will come on Friday, 12 March 2027 — 14 March is a day off.",
        ),
        (
            date(2027, 3, 11),  # a normal Tuesday: "во вторник"
            "Напоминание предложить новые условия придёт во вторник, 9 февраля 2027 года.",
            "A reminder to offer new terms will come on Tuesday, 9 February 2027.",
        ),
    ],
)
def test_the_renewal_hint_reads_as_one_sentence(contract_end: date, ru: str, en: str) -> None:
    note = renewal_note(contract_end, 30, NOW)
    assert note.render("ru") == ru
    assert note.render("en") == en
    for text in (note.render("ru"), note.render("en")):
        assert text.count(".") == 1 and text.endswith(".")
