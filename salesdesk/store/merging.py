"""Merging two client cards and finding likely duplicates across the base, in SQL.

``CHILD_TABLES`` is every table whose rows belong to one client through a ``client_id`` column and
move with the client when two cards are merged (and move back on Undo). A new such table (files
attached to a client, say) joins the merge by being added to this list; nothing else changes.

The base-wide search for duplicates groups on the indexed identifier columns (``inn``+``kpp``,
``phone_e164``, ``email_norm``, ``sort_key``): one ``GROUP BY … HAVING count(*) > 1`` each, the same
SQL on SQLite and PostgreSQL, so 100,000 clients take a fraction of a second. What the groups mean
(different valid INNs are never one client, the score) is decided above, in ``services/merging.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select, update

from salesdesk.store import schema as s
from salesdesk.store.repositories import id_chunks

# Tables whose rows follow their client into the kept card; the name is the key of `moved`.
CHILD_TABLES: list[Table] = [s.contacts, s.contact_channels, s.deals, s.interactions, s.reminders, s.attachments]

# What each identifier of the base-wide search groups on.
_GROUPED = {
    "inn": (s.clients.c.inn, s.clients.c.kpp),
    "phone": (s.clients.c.phone_e164,),
    "email": (s.clients.c.email_norm,),
    "name": (s.clients.c.sort_key,),
}


@dataclass(frozen=True, slots=True)
class Holder:
    """A live client in a group of clients sharing an identifier."""

    id: int
    name: str
    inn: str
    key: tuple[str, ...]  # the shared value(s): (inn, kpp), (e164,), (email,) or (sort key,)


class ClientMerging:
    """The SQL of a merge (moving rows between two cards) and of the search for duplicates."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # Merging ------------------------------------------------------------------------------------

    def move_children(self, from_id: int, to_id: int) -> dict[str, tuple[int, ...]]:
        """Every row of every child table (live or in the trash) of *from_id* onto *to_id*; the ids
        moved, by table name, so that Undo can move exactly these back."""
        moved: dict[str, tuple[int, ...]] = {}
        for table in CHILD_TABLES:
            ids = tuple(
                int(i)
                for i in self.conn.execute(
                    select(table.c.id).where(table.c.client_id == from_id).order_by(table.c.id)
                ).scalars()
            )
            self._point(table, ids, to_id)
            moved[table.name] = ids
        return moved

    def child_counts(self, client_id: int) -> dict[str, int]:
        """How many rows of each child table belong to *client_id* (what a merge would move)."""
        return {
            table.name: int(
                self.conn.execute(
                    select(func.count()).select_from(table).where(table.c.client_id == client_id)
                ).scalar_one()
            )
            for table in CHILD_TABLES
        }

    def move_back(self, moved: Mapping[str, Sequence[int]], to_id: int) -> None:
        """The rows a merge moved (`move_children`'s answer) back onto their own card."""
        for table in CHILD_TABLES:
            self._point(table, moved.get(table.name, ()), to_id)

    def _point(self, table: Table, ids: Sequence[int], client_id: int) -> None:
        for chunk in id_chunks(ids):
            self.conn.execute(update(table).where(table.c.id.in_(chunk)).values(client_id=client_id))

    def primary_contacts(self, client_id: int) -> list[int]:
        c = s.contacts.c
        query = select(c.id).where(c.client_id == client_id, c.is_primary.is_(True), c.deleted_at.is_(None))
        return [int(i) for i in self.conn.execute(query.order_by(c.id)).scalars()]

    def set_primary(self, contact_ids: Sequence[int], primary: bool) -> None:
        for chunk in id_chunks(contact_ids):
            self.conn.execute(update(s.contacts).where(s.contacts.c.id.in_(chunk)).values(is_primary=primary))

    def set_merged_into(self, client_id: int, into: int | None) -> None:
        self.conn.execute(update(s.clients).where(s.clients.c.id == client_id).values(merged_into=into))

    def merged_into(self, client_id: int) -> int | None:
        value = self.conn.execute(select(s.clients.c.merged_into).where(s.clients.c.id == client_id)).scalar()
        return None if value is None else int(value)

    # Finding duplicates -------------------------------------------------------------------------

    def groups(self, reason: str) -> Iterator[list[Holder]]:
        """Live clients sharing the value(s) *reason* groups on ("inn": INN and KPP, "phone",
        "email", "name": the sort key), one list per shared value held by two or more.

        The inner GROUP BY reads only the first column's index (trashed cards counted too, so that
        no row of the table is touched); the few rows of the shared values are then read and
        grouped on every column, live ones only."""
        columns = _GROUPED[reason]
        first = columns[0]
        c = s.clients.c
        live = c.deleted_at.is_(None)
        inner = select(first).where(first.is_not(None), first != "")
        if reason == "name":  # the live list's covering index is partial: the same condition uses it
            inner = inner.where(live)
        shared = inner.group_by(first).having(func.count() > 1).subquery("shared")
        joined = s.clients.join(shared, first == shared.c[first.name])
        query = select(c.id, c.name, c.inn, *columns).select_from(joined).where(live)
        by_key: dict[tuple[str, ...], list[Holder]] = {}
        for row in self.conn.execute(query).all():
            key = tuple(str(v) for v in row[3:])
            by_key.setdefault(key, []).append(Holder(int(row[0]), str(row[1]), str(row[2]), key))
        for key in sorted(by_key):
            holders = by_key[key]
            if len(holders) > 1:
                yield sorted(holders, key=lambda h: h.id)

    def name_keys(self) -> list[tuple[str, int]]:
        """(sort key, id) of every live client, in key order: read from the covering index the client
        list sorts by (``ix_clients_live_sort_key``), never the table, for the near-name pass."""
        c = s.clients.c
        query = select(c.sort_key, c.id).where(c.deleted_at.is_(None), c.sort_key != "").order_by(c.sort_key, c.id)
        return [(str(key), int(ident)) for key, ident in self.conn.execute(query).all()]

    def identities(self, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(name, INN) of each of *ids*."""
        c = s.clients.c
        found: dict[int, tuple[str, str]] = {}
        for chunk in id_chunks(sorted(set(ids))):
            for ident, name, inn in self.conn.execute(select(c.id, c.name, c.inn).where(c.id.in_(chunk))).all():
                found[int(ident)] = (str(name), str(inn))
        return found
