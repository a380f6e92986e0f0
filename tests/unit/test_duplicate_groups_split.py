"""Splitting a group of clients that share an identifier by their valid INNs (services/merging.py)
reads the group once; it must split as reading it once per INN did."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.services.merging import _valid_inn, _without_other_inns
from salesdesk.store.merging import Holder

# valid INNs (checksums hold), an invalid one, and none
_INNS = ["7707083893", "7728168971", "500100732259", "7707083894", ""]


def once_per_inn(holders: Sequence[Holder]) -> list[list[Holder]]:
    """The split as it was."""
    valid = {h.inn for h in holders if _valid_inn(h.inn)}
    if len(valid) <= 1:
        return [list(holders)]
    unknown = [h for h in holders if not _valid_inn(h.inn)]
    return [[h for h in holders if h.inn == inn] + unknown for inn in sorted(valid)]


@settings(max_examples=500, deadline=None)
@given(inns=st.lists(st.sampled_from(_INNS), max_size=12))
def test_a_group_splits_by_its_valid_inns_as_before(inns: list[str]) -> None:
    holders = [Holder(i, f"ООО «{i}»", inn, ("+74951234567",)) for i, inn in enumerate(inns)]
    assert _without_other_inns(holders) == once_per_inn(holders)
