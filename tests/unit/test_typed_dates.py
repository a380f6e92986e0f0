"""Dates as people type them (issue 9, item 22): with or without separators."""

from __future__ import annotations

from datetime import date

import pytest

from salesdesk.domain.spreadsheet import date_from_text, date_of


@pytest.mark.parametrize(
    "typed",
    [
        "15031985",
        "150385",
        "15.03.1985",
        "15/03/1985",
        "1985-03-15",
        "15.03.85",
        "15-03-1985",
        "15 03 1985",
        "15,03,1985",
        "19850315",
        " 15.3.1985 ",
    ],
)
def test_a_date_typed_any_common_way(typed: str) -> None:
    assert date_from_text(typed) == date(1985, 3, 15)
    assert date_of(typed) == date(1985, 3, 15)  # an import reads a text cell the same way


def test_two_digit_years_follow_the_spreadsheet_rule() -> None:
    assert date_from_text("010168") == date(2068, 1, 1) and date_from_text("010169") == date(1969, 1, 1)


@pytest.mark.parametrize(
    "typed", ["31021980", "31.02.1980", "1503198", "15031985x", "завтра", "2024-13-01", "1.1", "123"]
)
def test_what_is_no_date_comes_back_for_the_message(typed: str) -> None:
    assert date_from_text(typed) == typed.strip()


def test_empty_is_no_date_at_all() -> None:
    assert date_from_text("") is None and date_from_text("   ") is None
