"""Merging duplicate client cards, undoing a merge, and finding likely duplicates across the base.

A merge keeps card K and puts card O in the trash with a link to K (``clients.merged_into``). K's
fields are chosen one by one (by default K's own value, an empty one filled from O; tags are
joined); every row of O's that belongs to a client — contact persons, deals, history, reminders
and any table listed in ``store.merging.CHILD_TABLES`` — moves onto K. Both cards are checked
against the versions the user saw (``StaleEditError`` otherwise). Undo (``unmerge``) puts back K's
fields, moves exactly the moved rows back and restores O, in one transaction.

The base-wide search (``duplicate_groups``) groups live clients by INN+KPP, E.164 phone, e-mail
and name key in SQL and then compares neighbouring name keys (a bounded pass) for typos; two
cards whose INNs are both valid and differ are never offered by phone, e-mail or name: branches
and group companies share a switchboard and a name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from salesdesk.domain.derived import derive
from salesdesk.domain.errors import FieldProblem, StaleEditError, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import CLIENT_FIELD_NAMES, Client, ClientFields
from salesdesk.domain.requisites import is_valid_inn
from salesdesk.domain.text import LEGAL_FORMS, words
from salesdesk.domain.validation import validate_client
from salesdesk.services.common import utcnow
from salesdesk.store import UnitOfWork
from salesdesk.store.freshness import StoredConfirmation
from salesdesk.store.merging import Holder

KEEP, OTHER = "keep", "other"

# What the rows that moved are called in `Merged.counts()` (the command line's "moved").
_COUNTED = {"contacts": "contacts", "deals": "deals", "interactions": "interactions", "reminders": "reminders"}
_PARTS = ("contacts", "deals", "history", "reminders")  # the card's parts a merge changes


def is_empty(value: object) -> bool:
    return value is None or value == "" or value == ()


def merged_fields(keep: ClientFields, other: ClientFields, choice: Mapping[str, str] | None = None) -> ClientFields:
    """K's fields with the user's choices: a field named ``other`` in *choice* takes O's value, one
    named ``keep`` K's; an unnamed field keeps K's value unless it is empty, then O's. Tags not
    chosen are joined (K's first)."""
    choice = choice or {}
    unknown = sorted(set(choice) - set(CLIENT_FIELD_NAMES))
    if unknown or any(v not in (KEEP, OTHER) for v in choice.values()):
        raise ValidationError([FieldProblem(unknown[0] if unknown else "", msg("err.merge_choice"))])
    values: dict[str, Any] = {}
    for name in CLIENT_FIELD_NAMES:
        mine, theirs = getattr(keep, name), getattr(other, name)
        picked = choice.get(name)
        if picked == OTHER:
            values[name] = theirs
        elif picked == KEEP:
            values[name] = mine
        elif name == "tags":
            values[name] = tuple(dict.fromkeys((*mine, *(t for t in theirs if t.casefold() not in _folded(mine)))))
        else:
            values[name] = theirs if is_empty(mine) else mine
    return ClientFields(**values)


def _folded(tags: Iterable[str]) -> set[str]:
    return {t.casefold() for t in tags}


@dataclass(frozen=True, slots=True)
class Merged:
    """What a merge did, enough for Undo to put everything back exactly."""

    kept: int
    trashed: int
    kept_version: int  # K's version after the merge
    trashed_version: int  # O's version after the merge
    kept_before: ClientFields
    moved: Mapping[str, tuple[int, ...]]  # child table -> the ids that moved from O to K
    unmarked_primary: tuple[int, ...] = ()  # O's primary contacts that stopped being primary on K
    # both cards' confirmations (when each requisite and channel was last confirmed) before the merge
    kept_confirmations: tuple[StoredConfirmation, ...] = ()
    trashed_confirmations: tuple[StoredConfirmation, ...] = ()

    def counts(self) -> dict[str, int]:
        return {label: len(self.moved.get(table, ())) for table, label in _COUNTED.items()}


def merge_preview(uow: UnitOfWork, keep_id: int, other_id: int) -> tuple[Client, Client, dict[str, int]]:
    """The two cards as they are now and how many rows of O's would move (for the dialog and the
    command line without --yes)."""
    with uow.reading():
        keep, other = _pair(uow, keep_id, other_id)
        counts = uow.merging.child_counts(other_id)
    return keep, other, {label: counts.get(table, 0) for table, label in _COUNTED.items()}


def _pair(uow: UnitOfWork, keep_id: int, other_id: int) -> tuple[Client, Client]:
    if keep_id == other_id:
        raise ValidationError([FieldProblem("", msg("err.merge_same"))])
    keep, other = uow.clients.get(keep_id), uow.clients.get(other_id)
    for client in (keep, other):
        if client.deleted_at is not None:
            raise ValidationError([FieldProblem("", msg("err.merge_trashed", id=client.id, name=client.name))])
    return keep, other


def merge_clients(
    uow: UnitOfWork,
    keep_id: int,
    keep_version: int,
    other_id: int,
    other_version: int,
    choice: Mapping[str, str] | None = None,
    *,
    now: datetime | None = None,
) -> Merged:
    """Merge card *other_id* into *keep_id* (see the module's docstring); one transaction."""
    now = now or utcnow()
    with uow:
        keep, other = _pair(uow, keep_id, other_id)
        for client, version in ((keep, keep_version), (other, other_version)):
            if client.version != version:
                raise StaleEditError("client", client.id)
        before = keep.fields()
        kept_confirmations = uow.freshness.snapshot(keep_id)
        trashed_confirmations = uow.freshness.snapshot(other_id)
        cleaned, _warnings = validate_client(merged_fields(before, other.fields(), choice))
        had_primary = bool(uow.merging.primary_contacts(keep_id))
        moved = uow.merging.move_children(other_id, keep_id)
        unmarked: tuple[int, ...] = ()
        if had_primary:
            theirs = set(moved.get("contacts", ()))
            unmarked = tuple(i for i in uow.merging.primary_contacts(keep_id) if i in theirs)
            uow.merging.set_primary(unmarked, False)
        kept_version = uow.clients.update(
            keep_id, keep_version, cleaned, derive(cleaned, uow.contacts.list_for(keep_id)), now
        )
        uow.freshness.set_dates(
            keep_id, carried_confirmations(kept_confirmations, trashed_confirmations, uow.freshness.snapshot(keep_id))
        )
        trashed_version = uow.clients.set_deleted(other_id, other_version, now)
        uow.merging.set_merged_into(other_id, keep_id)
        _refresh(uow, other_id, other.fields())
        uow.reminders.refresh_client(keep_id)
        uow.record("client", keep_id, "updated", before=before, after=cleaned)
        uow.record("client", keep_id, "merged", before={"merged_from": ""}, after={"merged_from": _label(other)})
        uow.record("client", other_id, "merged", before={"merged_into": ""}, after={"merged_into": _label(keep)})
        uow.record("client", other_id, "trashed")
        _record_parts(uow, keep_id, other_id)
        uow.commit()
    return Merged(
        keep_id,
        other_id,
        kept_version,
        trashed_version,
        before,
        moved,
        unmarked,
        kept_confirmations,
        trashed_confirmations,
    )


def carried_confirmations(
    keep: Sequence[StoredConfirmation], other: Sequence[StoredConfirmation], merged: Sequence[StoredConfirmation]
) -> dict[str, tuple[datetime, str]]:
    """The dates K's items take after a merge: a merge confirms nothing. An item whose values all
    come from the two cards keeps the confirmation of the card(s) they come from — the oldest of the
    two when both bring a value (one that nobody has checked for that long is on the card now);
    K's own unchanged item keeps its date (the store left it); a value neither card had (none today)
    stays dated by the write."""
    mine = {r.item: r for r in keep}
    theirs = {r.item: r for r in other}
    out: dict[str, tuple[datetime, str]] = {}
    for row in merged:
        values = set(row.fingerprint.split())
        sources = [
            r
            for r in (mine.get(row.item), theirs.get(row.item))
            if r is not None and values & set(r.fingerprint.split())
        ]
        known = set().union(*(set(r.fingerprint.split()) for r in sources)) if sources else set()
        if not sources or not values <= known:
            continue
        oldest = min(sources, key=lambda r: r.confirmed_at)
        if (oldest.confirmed_at, oldest.source) != (row.confirmed_at, row.source):
            out[row.item] = (oldest.confirmed_at, oldest.source)
    return out


def unmerge(uow: UnitOfWork, merged: Merged, *, now: datetime | None = None) -> None:
    """Undo a merge: K's fields as they were, the moved rows back on O, O out of the trash.

    ``StaleEditError`` if either card changed since the merge (Undo would overwrite that change)."""
    now = now or utcnow()
    with uow:
        keep, other = uow.clients.get(merged.kept), uow.clients.get(merged.trashed)
        if keep.version != merged.kept_version:
            raise StaleEditError("client", keep.id)
        if other.version != merged.trashed_version:
            raise StaleEditError("client", other.id)
        uow.merging.move_back(merged.moved, merged.trashed)
        uow.merging.set_primary(merged.unmarked_primary, True)
        before = merged.kept_before
        uow.clients.update(keep.id, keep.version, before, derive(before, uow.contacts.list_for(keep.id)), now)
        uow.clients.set_deleted(other.id, other.version, None)
        uow.merging.set_merged_into(other.id, None)
        _refresh(uow, other.id, other.fields())
        # the confirmations as they were: an old phone put back is as stale as it was before
        uow.freshness.restore(keep.id, merged.kept_confirmations)
        uow.freshness.restore(other.id, merged.trashed_confirmations)
        uow.reminders.refresh_client(keep.id)
        uow.record("client", keep.id, "updated", before=keep.fields(), after=before)
        uow.record("client", keep.id, "updated", before={"merged_from": _label(other)}, after={"merged_from": ""})
        uow.record("client", other.id, "updated", before={"merged_into": _label(keep)}, after={"merged_into": ""})
        uow.record("client", other.id, "restored")
        _record_parts(uow, keep.id, other.id)
        uow.commit()


def merged_into(uow: UnitOfWork, client_id: int) -> int | None:
    """The card a trashed card was merged into, if it was."""
    with uow.reading():
        return uow.merging.merged_into(client_id)


def _refresh(uow: UnitOfWork, client_id: int, fields: ClientFields) -> None:
    uow.clients.write_derived(client_id, derive(fields, uow.contacts.list_for(client_id)))
    uow.reminders.refresh_client(client_id)


def _label(client: Client) -> str:
    return f"{client.name} (№{client.id})"


def _record_parts(uow: UnitOfWork, *client_ids: int) -> None:
    for client_id in client_ids:
        for part in _PARTS:
            uow.record("client", client_id, part)


# Finding duplicates across the base -----------------------------------------------------------

REASONS = ("inn", "email", "phone", "name", "similar_name")
_BASE_SCORE = {"inn": 95, "email": 85, "phone": 80, "name": 70, "similar_name": 50}
NEAR_RATIO = 0.9  # name keys whose common start and end are this share of both are "very close"
NEAR_WINDOW = 3  # each name is compared with this many next ones in name order
NEAR_FLOOR = 30  # the lowest score of a near-name pair
NEAR_SHORT = 7  # a name of this many letters and more with one letter wrong is "very close" too


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Clients that are likely one client: why (the strongest reason) and how sure (0–100)."""

    ids: tuple[int, ...]
    reason: str
    score: int
    names: tuple[str, ...] = field(default=(), compare=False)
    reasons: tuple[str, ...] = ()  # every reason the same clients share

    def as_json(self) -> dict[str, object]:
        return {"ids": list(self.ids), "reason": self.reason, "score": self.score}


def duplicate_groups(uow: UnitOfWork, *, limit: int | None = None) -> list[DuplicateGroup]:
    """Likely duplicates across the live base, most certain first."""
    found: dict[tuple[int, ...], tuple[set[str], dict[int, str], float]] = {}

    def add(ids_names: dict[int, str], reason: str, score: float) -> None:
        ids = tuple(sorted(ids_names))
        reasons, names, best = found.setdefault(ids, (set(), {}, 0.0))
        reasons.add(reason)
        names.update(ids_names)
        found[ids] = (reasons, names, max(best, score))

    with uow.reading():
        for reason in ("inn", "phone", "email", "name"):
            for holders in uow.merging.groups(reason):
                parts = _by_legal_form(holders) if reason == "name" else [list(holders)]
                for part in parts:
                    for subgroup in [part] if reason == "inn" else _without_other_inns(part):
                        if len(subgroup) > 1:
                            add({h.id: h.name for h in subgroup}, reason, _BASE_SCORE[reason])
        near = list(_near_names(uow.merging.name_keys()))
        who = uow.merging.identities([i for pair, _ratio in near for i in pair])
        for (one, two), ratio in near:
            (one_name, one_inn), (two_name, two_inn) = who[one], who[two]
            if one_inn != two_inn and _valid_inn(one_inn) and _valid_inn(two_inn):
                continue
            # a short name with one letter wrong is less sure than a long one: below the base score
            score = max(NEAR_FLOOR, _BASE_SCORE["similar_name"] + 40 * (ratio - NEAR_RATIO) / (1 - NEAR_RATIO))
            add({one: one_name, two: two_name}, "similar_name", score)
    groups = []
    for ids, (reasons, names, best) in found.items():
        ordered = tuple(r for r in REASONS if r in reasons)
        strongest = max(ordered, key=lambda r: _BASE_SCORE[r])
        score = min(100, round(best) + 5 * (len(ordered) - 1))
        groups.append(DuplicateGroup(ids, strongest, score, tuple(names[i] for i in ids), ordered))
    groups.sort(key=lambda g: (-g.score, g.ids))
    return groups[:limit] if limit is not None else groups


def _by_legal_form(holders: Sequence[Holder]) -> list[list[Holder]]:
    """Split clients sharing a sort key by their legal form: "АО «Квант»" and "ООО «Квант»" are
    different firms, while "Квант" (no form written) may be either, so it goes with each."""
    if len({h.name for h in holders}) == 1:  # the same name written the same way (most groups)
        return [list(holders)]
    forms: dict[str, list[Holder]] = {}
    for h in holders:
        forms.setdefault(" ".join(w for w in words(h.name) if w in LEGAL_FORMS), []).append(h)
    unknown = forms.pop("", [])
    if len(forms) <= 1:
        return [list(holders)]
    return [members + unknown for _form, members in sorted(forms.items())]


@lru_cache(maxsize=65536)
def _valid_inn(inn: str) -> bool:
    return bool(inn) and is_valid_inn(inn)


def _without_other_inns(holders: Sequence[Holder]) -> list[list[Holder]]:
    """Split a group so that no two members have different valid INNs: one subgroup per valid INN
    (its holders and every member without a valid INN), or the whole group when at most one INN.

    One pass over the group: a chain's 17,500 branches sharing a phone, each with its own INN, were
    read once per INN (6.3 s; minutes at 100,000)."""
    by_inn: dict[str, list[Holder]] = {}
    unknown: list[Holder] = []
    for h in holders:
        if _valid_inn(h.inn):
            by_inn.setdefault(h.inn, []).append(h)
        else:
            unknown.append(h)
    if len(by_inn) <= 1:
        return [list(holders)]
    return [by_inn[inn] + unknown for inn in sorted(by_inn)]


def _near_names(keys: Sequence[tuple[str, int]]) -> Iterable[tuple[tuple[int, int], float]]:
    """Pairs of clients whose name keys are very close but not the same: they differ in one place
    (a typo, a letter left out or added: "северное сияние" and "северное сиянье", "ромашка" and
    "рамашка"), see ``_closeness``.

    Each key is compared only with its next few neighbours (NEAR_WINDOW) in two orders, so the
    pass stays linear in the size of the base: in key order, among keys that start with the same
    three letters (a typo towards the end), and in the order of the reversed keys, among keys that
    end with the same three letters (a typo in the first letters, which sorts the name apart)."""
    seen: set[tuple[int, int]] = set()
    by_end = sorted(keys, key=lambda pair: (pair[0][::-1], pair[1]))
    for ordered, block in ((keys, slice(None, 3)), (by_end, slice(-3, None))):
        for i, (key, ident) in enumerate(ordered):
            if len(key) < 4:
                continue
            for other_key, other_id in ordered[i + 1 : i + 1 + NEAR_WINDOW]:
                if other_key[block] != key[block] or other_key == key:
                    continue
                ratio = _closeness(key, other_key)
                pair = (ident, other_id) if ident < other_id else (other_id, ident)
                if ratio is not None and pair not in seen:
                    seen.add(pair)
                    yield pair, ratio


def _closeness(one: str, two: str) -> float | None:
    """How close two different name keys are (the share of both their common start and end cover),
    or None when they are not "very close": the common start and end must cover NEAR_RATIO of both,
    or, for names of NEAR_SHORT letters and more, leave a single letter typed wrong, added or left
    out ("ромашка" and "рамашка"). A difference with a digit in it is never a typo: "Склад 1" and
    "Склад 2" are two stores."""
    size_one, size_two = len(one), len(two)
    total = size_one + size_two
    # what the common start and end must cover: NEAR_RATIO of both, or all but one letter
    need = math.ceil(NEAR_RATIO * total / 2 - 1e-9)
    if abs(size_one - size_two) <= 1 and min(size_one, size_two) >= NEAR_SHORT:
        need = min(need, max(size_one, size_two) - 1)
    if need > min(size_one, size_two):
        return None
    start = _common_start(one, two)
    rest = need - start  # the end must match this much at least: one comparison, before any other work
    if rest > 0 and one[size_one - rest :] != two[size_two - rest :]:
        return None
    end = _common_start(one[start:][::-1], two[start:][::-1])
    if start + end < need:
        return None
    differs = one[start : size_one - end] + two[start : size_two - end]
    if any(ch.isdigit() for ch in differs):
        return None
    return 2 * (start + end) / total


def _common_start(one: str, two: str) -> int:
    """How many first letters two strings share: halving slices compared in C (this runs hundreds
    of thousands of times at 100,000 clients; a letter-by-letter loop in Python is slower)."""
    size = min(len(one), len(two))
    if one[:size] == two[:size]:
        return size
    low, high = 0, size - 1  # they differ within the first `size` letters
    while low < high:
        middle = (low + high + 1) // 2
        if one[:middle] == two[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
