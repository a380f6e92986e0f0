"""Saving over another seat's change: what each side changed, and "mine over theirs" field by field."""

from __future__ import annotations

import dataclasses

from salesdesk.domain.conflicts import conflict
from salesdesk.domain.model import ClientFields, ClientStatus

STARTED = ClientFields(name="ООО «Ромашка»", city="Тверь", phone="+74951234567")


def test_mine_over_theirs_keeps_what_only_they_changed() -> None:
    theirs = dataclasses.replace(STARTED, phone="+74957654321", status=ClientStatus.ACTIVE)
    mine = dataclasses.replace(STARTED, city="Псков")
    found = conflict(STARTED, theirs, STARTED, mine)
    assert found.their_fields == ("phone", "status") and found.my_fields == ("city",)
    assert found.fields == ("city", "phone", "status") and found.clashes == ()
    assert found.merged() == dataclasses.replace(theirs, city="Псков")


def test_a_field_both_changed_is_a_clash_and_mine_wins_it() -> None:
    theirs = dataclasses.replace(STARTED, city="Вологда")
    mine = dataclasses.replace(STARTED, city="Псков")
    found = conflict(STARTED, theirs, STARTED, mine)
    assert found.clashes == ("city",) and found.merged().city == "Псков"


def test_the_same_value_typed_on_both_seats_is_no_clash() -> None:
    same = dataclasses.replace(STARTED, city="Псков")
    assert conflict(STARTED, same, STARTED, same).clashes == ()


def test_my_changes_are_measured_against_what_the_form_showed() -> None:
    # the form shows a saved value in its own format: that is not a change the user made
    baseline = dataclasses.replace(STARTED, phone="8 (495) 123-45-67")
    theirs = dataclasses.replace(STARTED, notes="Перезвонить")
    found = conflict(STARTED, theirs, baseline, baseline)
    assert found.my_fields == () and found.merged() == theirs
