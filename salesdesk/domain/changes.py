"""What a committed unit of work changed, as plain values.

Each service records what it changes (``uow.record("client", 42, "updated")``); after a commit the
records of that transaction become one ``Changes`` value. The window refreshes from it (only what
changed), and the same value is what an audit trail or another seat's refresh will read: it holds no
rows, connections or widgets, so it can be logged, merged, sent or compared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Change:
    """One record: ("client", 42, "updated"), ("reminder", 7, "done"), ("base", 0, "import")."""

    entity: str
    ident: int
    action: str


# A client's membership in the lists changes with these: the lists count and page again.
MEMBERSHIP_ACTIONS = frozenset({"created", "imported", "trashed", "restored", "deleted", "erased"})
# Added to what another seat committed (PostgreSQL's change notices, store/notify.py): a card open
# here may hold an edit made before it, and must not take the other seat's version as its own.
OTHER_SEAT = Change("seat", 0, "other")
# Entities of reference lists (the filters, the card's choices, the reports' parameters).
REFERENCE_ENTITIES = frozenset({"industry", "manager"})


@dataclass(frozen=True, slots=True)
class Changes:
    """The records of one or more commits, in order, with the questions subscribers ask of them."""

    records: tuple[Change, ...] = ()

    @classmethod
    def of(cls, records: Iterable[Change]) -> Changes:
        return cls(tuple(records))

    def __bool__(self) -> bool:
        return bool(self.records)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.records + other.records)

    def ids(self, entity: str) -> frozenset[int]:
        return frozenset(r.ident for r in self.records if r.entity == entity)

    @property
    def clients(self) -> frozenset[int]:
        """Clients whose card, list row or tabs changed."""
        return self.ids("client")

    @property
    def deals(self) -> frozenset[int]:
        return self.ids("deal")

    @property
    def reminders(self) -> frozenset[int]:
        return self.ids("reminder")

    @property
    def views(self) -> bool:
        """Saved views were added, changed or deleted (their choosers read them again)."""
        return any(r.entity == "view" for r in self.records)

    @property
    def reference(self) -> frozenset[str]:
        """Which reference lists changed: "industry", "manager" (all of them after an import)."""
        if self.whole_base:
            return REFERENCE_ENTITIES
        return frozenset(r.entity for r in self.records if r.entity in REFERENCE_ENTITIES)

    @property
    def from_other_seat(self) -> bool:
        """Another seat committed (some of) these: see OTHER_SEAT."""
        return OTHER_SEAT in self.records

    @property
    def whole_base(self) -> bool:
        """An import or demo data: too many to name; everything shown is read again."""
        return any(r.entity == "base" for r in self.records)

    @property
    def membership(self) -> bool:
        """Clients were added or removed (or the whole base changed): the lists count again."""
        return self.whole_base or any(r.entity == "client" and r.action in MEMBERSHIP_ACTIONS for r in self.records)

    def parts_of(self, client_id: int | None) -> frozenset[str]:
        """What of this client changed: "updated", "contacts", "deals", "history", "reminders", …"""
        if client_id is None:
            return frozenset()
        if self.whole_base:
            return frozenset({"updated", "contacts", "deals", "history", "reminders", "status"})
        return frozenset(r.action for r in self.records if r.entity == "client" and r.ident == client_id)

    def touches(self, client_id: int | None, part: str) -> bool:
        """Did *part* ("reminders", "deals", "history", "contacts", …) of this client change?"""
        return client_id is not None and (
            self.whole_base
            or any(r.entity == "client" and r.ident == client_id and r.action == part for r in self.records)
        )
