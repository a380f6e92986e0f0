"""The Changes value: what subscribers (lists, panels, the card, later an audit trail) ask of a commit."""

from __future__ import annotations

from salesdesk.domain.changes import Change, Changes


def test_changes_answer_what_subscribers_ask() -> None:
    changes = Changes.of(
        [
            Change("reminder", 7, "done"),
            Change("client", 3, "reminders"),
            Change("deal", 9, "updated"),
            Change("industry", 2, "created"),
        ]
    )
    assert changes.clients == {3} and changes.reminders == {7} and changes.deals == {9}
    assert changes.reference == {"industry"} and not changes.membership
    assert changes.touches(3, "reminders") and not changes.touches(3, "deals") and not changes.touches(None, "x")
    assert (changes | Changes.of([Change("client", 4, "trashed")])).membership
    assert Changes.of([Change("base", 0, "import")]).touches(5, "deals")
    assert not Changes()
