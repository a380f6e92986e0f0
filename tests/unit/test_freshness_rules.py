"""The rules of fresh data (domain/freshness.py): what a fingerprint holds, what is new, the cutoff,
the score with stale items at half weight, the stored setting."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from salesdesk.domain.completeness import completeness
from salesdesk.domain.freshness import (
    DEFAULT_MONTHS,
    ITEMS,
    cutoff,
    fingerprints,
    fresh_score,
    is_new,
    months_from,
)
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields


def test_a_fingerprint_has_the_filled_items_and_the_same_number_written_otherwise_is_the_same() -> None:
    card = ClientFields(name="ООО «Ромашка»", inn="7707083893", phone="8 (495) 123-45-67")
    prints = dict(fingerprints(card, (), completeness(card).missing))
    assert set(prints) == {"inn", "phone"}
    other = ClientFields(name="ООО «Ромашка»", inn="7707083893", phone="+7 495 1234567")
    assert dict(fingerprints(other, (), completeness(other).missing))["phone"] == prints["phone"]


def test_a_contact_persons_phone_joins_the_cards_phone_item() -> None:
    card = ClientFields(name="ООО «Ромашка»", phone="+7 495 123-45-67")
    person = ContactFields(full_name="Анна", phones=("+7 903 111-22-33",))
    alone = dict(fingerprints(card, (), completeness(card).missing))["phone"]
    both = dict(fingerprints(card, (person,), completeness(card, (person,)).missing))["phone"]
    assert is_new(alone, both) and not is_new(both, alone)  # a phone added is new; one removed is not
    assert not is_new(both, both)


def test_items_of_another_kind_are_not_kept() -> None:
    person = ClientFields(name="Иван Петров", kind=ClientKind.PERSON, kpp="773601001", phone="+7 912 000-00-01")
    assert [item for item, _ in fingerprints(person, (), completeness(person).missing)] == ["phone"]
    assert all(item in ITEMS for item, _ in fingerprints(person, (), ()))


@pytest.mark.parametrize(
    ("now", "months", "expected"),
    [
        (datetime(2026, 12, 7, 3, 0, tzinfo=UTC), 12, datetime(2025, 12, 7, 3, 0, tzinfo=UTC)),
        (datetime(2026, 3, 31, 12, 0, tzinfo=UTC), 1, datetime(2026, 2, 28, 12, 0, tzinfo=UTC)),
        (datetime(2024, 3, 31, 12, 0, tzinfo=UTC), 1, datetime(2024, 2, 29, 12, 0, tzinfo=UTC)),
        (datetime(2026, 1, 15, tzinfo=UTC), 13, datetime(2024, 12, 15, tzinfo=UTC)),
        (datetime(2026, 5, 10, tzinfo=UTC), 120, datetime(2016, 5, 10, tzinfo=UTC)),
    ],
)
def test_the_cutoff_is_calendar_months_back(now: datetime, months: int, expected: datetime) -> None:
    assert cutoff(now, months) == expected


def test_a_stale_item_counts_half_of_its_weight() -> None:
    # a company with everything: 100; INN (15) and phone (15) stale: 100 - 15 = 85
    assert fresh_score(ClientKind.LEGAL, (), ("inn", "phone")) == 85
    # a missing item is not stale as well: it already counts nothing
    assert fresh_score(ClientKind.LEGAL, ("inn",), ("inn",)) == 85
    assert fresh_score(ClientKind.LEGAL, (), ()) == 100


@pytest.mark.parametrize(("stored", "months"), [(None, DEFAULT_MONTHS), ("6", 6), ("0", 12), ("x", 12), ("121", 12)])
def test_the_stored_setting_falls_back_to_the_default(stored: str | None, months: int) -> None:
    assert months_from(stored) == months
