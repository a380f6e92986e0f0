"""The ranges every input is checked against where it enters (window, command line, import).

Money within ±10^15 with kopecks at most, dates from 01.01.1900 to 31.12.2100, search texts of
200 characters, names that show something, requisites that are not punctuation alone, and stored
text without terminal escape codes or control characters. Each rule speaks Russian and English.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from salesdesk.domain import messages
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.model import (
    ClientFields,
    ContactFields,
    DealFields,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    ReminderFields,
)
from salesdesk.domain.text import clean_notes, collapse_spaces, printable, visible
from salesdesk.domain.validation import (
    amount_problem,
    date_problem,
    search_problem,
    validate_client,
    validate_contact,
    validate_deal,
    validate_interaction,
    validate_manager,
    validate_reminder,
)


@pytest.mark.parametrize("typed", ["1e30", "9" * 40, "-1e16", "1000000000000000.01"])
def test_money_beyond_ten_to_the_fifteenth_is_refused(typed: str, lang: None) -> None:
    problem = amount_problem(Decimal(typed), typed=typed)
    assert problem is not None and problem.field == "amount"
    assert "at most 1,000,000,000,000,000" in str(problem)
    messages.set_language("ru")
    assert "сумма не больше 1 000 000 000 000 000" in str(problem)


@pytest.mark.parametrize("typed", ["1e-400", "0.001", "12.345"])
def test_money_with_more_than_two_decimal_places_is_refused_not_rounded(typed: str, lang: None) -> None:
    problem = amount_problem(Decimal(typed), typed=typed)
    assert problem is not None and "at most two decimal places" in str(problem)
    messages.set_language("ru")
    assert "не больше двух знаков после запятой" in str(problem)


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_money_that_is_no_number_is_refused(typed: str) -> None:
    problem = amount_problem(Decimal(typed), typed=typed)
    assert problem is not None and problem.field == "amount" and "not an amount of money" in str(problem)


@pytest.mark.parametrize("typed", ["0", "0.00", "1250000.50", "1e15", "-1e15", "12.30", "0E-400"])
def test_money_in_range_passes(typed: str) -> None:
    assert amount_problem(Decimal(typed)) is None


def test_a_deal_with_an_amount_out_of_range_is_refused() -> None:
    fields = DealFields(title="Поставка", amount=Money.of(Decimal("1e16")), opened_on=date(2026, 1, 1))
    with pytest.raises(ValidationError) as caught:
        validate_deal(fields)
    assert [p.field for p in caught.value.problems] == ["amount"]


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(2101, 1, 1), date(9999, 12, 31), date(1, 1, 1)])
def test_dates_outside_1900_to_2100_are_refused(day: date, lang: None) -> None:
    problem = date_problem(day, "opened_on")
    assert problem is not None and problem.field == "opened_on"
    assert "the date must be from 01.01.1900 to 31.12.2100" in str(problem) and "Opened on" in str(problem)
    messages.set_language("ru")
    assert "дата должна быть между 01.01.1900 и 31.12.2100" in str(problem)


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2100, 12, 31), date(2026, 6, 1)])
def test_dates_inside_the_range_pass(day: date) -> None:
    assert date_problem(day, "opened_on") is None


def test_every_date_of_a_deal_a_reminder_and_a_contact_is_range_checked() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(
            DealFields(
                title="Поставка", amount=Money.of(1), opened_on=date(2026, 1, 1), contract_end=date(9999, 12, 31)
            )
        )
    assert [p.field for p in caught.value.problems] == ["contract_end"]
    with pytest.raises(ValidationError) as caught:
        validate_reminder(ReminderFields(due_at=datetime(2101, 1, 1, tzinfo=UTC), text="Позвонить"))
    assert [p.field for p in caught.value.problems] == ["due_at"]
    with pytest.raises(ValidationError) as caught:
        validate_interaction(
            InteractionFields(kind=InteractionKind.CALL, occurred_at=datetime(1899, 1, 1, tzinfo=UTC), summary="Звонок")
        )
    assert [p.field for p in caught.value.problems] == ["occurred_at"]
    with pytest.raises(ValidationError) as caught:  # birth dates: not before 1900, not in the future
        validate_contact(ContactFields(full_name="Иванов Иван", birth_date=date(2030, 1, 1)), date(2026, 1, 1))
    assert [p.field for p in caught.value.problems] == ["birth_date"]


def test_a_search_text_longer_than_200_characters_is_refused(lang: None) -> None:
    assert search_problem("я" * 200) is None
    problem = search_problem("я" * 201)
    assert problem is not None and str(problem) == "Search text: at most 200 characters"
    messages.set_language("ru")
    assert str(problem) == "Текст поиска: не длиннее 200 символов"


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200c\u200d\u200e\u200f", "\u2060\ufeff\u00ad", "\u202e \u2066"])
def test_a_name_of_invisible_characters_only_counts_as_empty(name: str) -> None:
    assert visible(name) == ""
    with pytest.raises(ValidationError) as caught:
        validate_client(ClientFields(name=name))
    assert [p.field for p in caught.value.problems] == ["name"]
    with pytest.raises(ValidationError):
        validate_manager(ManagerFields(name=name))


@pytest.mark.parametrize("inn", ["-", "—", " - ", "--"])
def test_punctuation_alone_as_inn_is_refused_not_stored_as_nothing(inn: str, lang: None) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_client(ClientFields(name="ООО «Ромашка»", inn=inn))
    assert [p.field for p in caught.value.problems] == ["inn"]
    assert "INN" in str(caught.value.problems[0])


def test_a_dashed_inn_is_still_cleaned_as_before() -> None:
    cleaned, _ = validate_client(ClientFields(name="ООО «Ромашка»", inn="7707-083-893"))
    assert cleaned.inn == "7707083893"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("\x1b[31mООО «Ромашка»\x1b[0m", "ООО «Ромашка»"),
        ("ООО\x00 «Ромашка»\x07", "ООО «Ромашка»"),
        ("\x1b]0;hacked\x07ООО «Ромашка»", "ООО «Ромашка»"),
        ("\x9b2JООО «Ромашка»", "ООО «Ромашка»"),
        ("ООО «Ромашка»\ud800", "ООО «Ромашка»"),
    ],
)
def test_escape_codes_and_controls_are_stripped_from_every_stored_text(typed: str, stored: str) -> None:
    assert collapse_spaces(typed) == stored
    cleaned, _ = validate_client(ClientFields(name=typed, city=typed, notes=typed))
    assert (cleaned.name, cleaned.city, cleaned.notes) == (stored, stored, stored)
    deal = validate_deal(DealFields(title=typed, amount=Money.of(1), opened_on=date(2026, 1, 1)))
    assert deal.title == stored
    logged = validate_interaction(
        InteractionFields(kind=InteractionKind.NOTE, occurred_at=datetime.now(UTC), summary=typed, result=typed)
    )
    assert (logged.summary, logged.result) == (stored, stored)


def test_notes_keep_their_lines_and_tabs_but_lose_controls() -> None:
    assert clean_notes("первая\tстрока\x1b[1m\r\nвторая\x0c") == "первая\tстрока\nвторая"


def test_the_command_line_shows_stored_controls_harmlessly() -> None:
    assert printable("\x1b[2JООО\tЁ\n") == "\\x1b[2JООО\tЁ\n"
    assert printable("ООО «Ромашка»") == "ООО «Ромашка»"


@pytest.mark.parametrize("typed", ["a\t\x99\rb", "x \x1b[1m\r\n y\x00 ", "\t\x85\x9b\n"])
def test_cleaning_twice_changes_nothing(typed: str) -> None:
    """An import cleans a cell and then the card: the second pass must find nothing left to do."""
    assert clean_notes(clean_notes(typed)) == clean_notes(typed)
    assert collapse_spaces(collapse_spaces(typed)) == collapse_spaces(typed)
