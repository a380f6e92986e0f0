"""Removing rows for good: emptying the trash, erasing a person, and making the bytes gone.

Everything else in the store only ever moves a row to the trash (``deleted_at``). This module is
the one place that DELETEs personal data, and the one that makes sure deleted values cannot be
read back from the file afterwards:

1. ``secure_delete`` is on for every connection that writes (``store/database.py``), so SQLite
   overwrites a deleted or changed row's bytes, and the pages it frees, with zeros instead of
   leaving them readable in free space;
2. the full-text index ``clients_fts`` is merged into one segment (FTS5 "optimize"): FTS5 (before
   SQLite 3.42's ``secure-delete`` option) removes a row by adding a "delete" marker, and the old
   words stay in the older index segments until they merge, which may be never; merging applies
   the markers and drops the words (0.3 s at 100,000 clients, a third of a full rebuild);
3. ``VACUUM`` writes the live rows into a fresh file — which also drops what a base written before
   ``secure_delete`` was on still holds in its free space — and ``wal_checkpoint(TRUNCATE)`` empties
   the write-ahead log, which still holds earlier versions of the pages.

Foreign keys do the rest: a client's contact persons, their phones and e-mails, deals, reminders,
history and tags go with it (ON DELETE CASCADE); history linked to an erased contact person keeps
its text and loses the link (ON DELETE SET NULL).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, Table, delete, func, insert, or_, select

from salesdesk.domain.errors import NotFoundError
from salesdesk.store import schema as s
from salesdesk.store.database import Database
from salesdesk.store.repositories import id_chunks

log = logging.getLogger(__name__)

# Tables the trash spans, the client's parts first: a trashed client takes its live parts along.
TRASH_TABLES = ("attachments", "interactions", "reminders", "deals", "contacts", "clients")


@dataclass(frozen=True)
class ErasureRecord:
    """One line of the erasure record: never the erased values."""

    id: int
    erased_at: datetime
    manager: str
    entity: str
    entity_id: int | None
    ground: str
    removed: int


@dataclass
class Removed:
    """The ids of the rows a deletion takes, by entity ("client", "contact", "deal", "reminder",
    "interaction") — what an audit trail must scrub, and what the change bus hears."""

    ids: dict[str, list[int]] = field(default_factory=dict)

    def add(self, entity: str, ids: Sequence[int]) -> None:
        if ids:
            self.ids.setdefault(entity, []).extend(ids)

    def count(self, entity: str) -> int:
        return len(self.ids.get(entity, ()))

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.ids.values())


_ENTITY = {
    "clients": "client",
    "contacts": "contact",
    "deals": "deal",
    "reminders": "reminder",
    "interactions": "interaction",
    "attachments": "attachment",
}


class Eraser:
    """Deletions for good, inside the caller's transaction (a unit of work's connection)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- what a deletion would take -----------------------------------------------------------------

    def parts_of_client(self, client_id: int) -> Removed:
        """The client and every row that goes with it (trashed or not)."""
        if self.conn.execute(select(s.clients.c.id).where(s.clients.c.id == client_id)).first() is None:
            raise NotFoundError("client", client_id)
        out = Removed()
        out.add("client", [client_id])
        for name in ("contacts", "deals", "reminders", "interactions", "attachments"):
            table = getattr(s, name)
            out.add(
                _ENTITY[name],
                list(self.conn.execute(select(table.c.id).where(table.c.client_id == client_id)).scalars()),
            )
        return out

    def linked_interactions(self, contact_id: int) -> list[int]:
        i = s.interactions.c
        return list(self.conn.execute(select(i.id).where(i.contact_id == contact_id)).scalars())

    def in_trash(self, cutoff: datetime | None = None) -> Removed:
        """Rows in the trash (trashed at or before *cutoff*, if given), and the rows of trashed
        clients that go with them."""
        out = Removed()
        trashed_clients = self._trashed(s.clients, cutoff)
        out.add("client", trashed_clients)
        for name in ("contacts", "deals", "reminders", "interactions", "attachments"):
            table = getattr(s, name)
            ids = set(self._trashed(table, cutoff))
            for chunk in id_chunks(trashed_clients):
                ids.update(self.conn.execute(select(table.c.id).where(table.c.client_id.in_(chunk))).scalars())
            out.add(_ENTITY[name], sorted(ids))
        return out

    def _trashed(self, table: Table, cutoff: datetime | None) -> list[int]:
        condition: ColumnElement[bool] = table.c.deleted_at.is_not(None)
        if cutoff is not None:
            condition = condition & (table.c.deleted_at <= cutoff)
        return list(self.conn.execute(select(table.c.id).where(condition).order_by(table.c.id)).scalars())

    # -- deleting -----------------------------------------------------------------------------------

    def delete_client(self, client_id: int) -> None:
        self.conn.execute(delete(s.clients).where(s.clients.c.id == client_id))

    def delete_contact(self, contact_id: int) -> int:
        """Delete a contact person and their phones and e-mails; returns their client's id."""
        client_id = self.conn.execute(select(s.contacts.c.client_id).where(s.contacts.c.id == contact_id)).scalar()
        if client_id is None:
            raise NotFoundError("contact", contact_id)
        self.conn.execute(delete(s.contacts).where(s.contacts.c.id == contact_id))
        return int(client_id)

    def delete_removed(self, removed: Removed) -> None:
        """Delete exactly the rows *removed* names, the parts before the clients."""
        for name in TRASH_TABLES:
            table = getattr(s, name)
            for chunk in id_chunks(removed.ids.get(_ENTITY[name], ())):
                self.conn.execute(delete(table).where(table.c.id.in_(chunk)))

    def oldest_in_trash(self) -> datetime | None:
        times = [self.conn.execute(select(func.min(getattr(s, name).c.deleted_at))).scalar() for name in TRASH_TABLES]
        present = [t for t in times if t is not None]
        return min(present) if present else None

    # -- the record ---------------------------------------------------------------------------------

    def record(
        self, *, erased_at: datetime, manager: str, entity: str, entity_id: int | None, ground: str, removed: int
    ) -> int:
        result = self.conn.execute(
            insert(s.erasures).values(
                erased_at=erased_at, manager=manager, entity=entity, entity_id=entity_id, ground=ground, removed=removed
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])

    def records(self, limit: int = 1000) -> list[ErasureRecord]:
        e = s.erasures.c
        rows = self.conn.execute(select(s.erasures).order_by(e.erased_at.desc(), e.id.desc()).limit(limit))
        return [ErasureRecord(r.id, r.erased_at, r.manager, r.entity, r.entity_id, r.ground, r.removed) for r in rows]

    # -- the search index ---------------------------------------------------------------------------

    def merge_search_index(self) -> None:
        """Merge the full-text index into one segment, so no word of a deleted or changed row is
        left in an old one (SQLite only; other databases search the columns themselves)."""
        if self.conn.dialect.name == "sqlite":
            self.conn.exec_driver_sql("INSERT INTO clients_fts(clients_fts) VALUES ('optimize')")

    # -- mentions -----------------------------------------------------------------------------------

    def interactions_mentioning(self, needles: Sequence[str], contact_ids: Sequence[int]) -> list[int]:
        """Ids of history entries linked to *contact_ids* or whose text contains one of *needles*
        as written (the caller folds case and checks again: SQLite folds ASCII only)."""
        i = s.interactions.c
        conditions: list[ColumnElement[bool]] = [i.contact_id.in_(list(contact_ids))] if contact_ids else []
        # The position of a substring: instr() in SQLite, strpos() in PostgreSQL (both exact, unlike LIKE)
        position = func.strpos if self.conn.dialect.name == "postgresql" else func.instr
        for needle in needles:
            if needle:
                conditions.append(position(i.summary, needle) > 0)
                conditions.append(position(i.result, needle) > 0)
        if not conditions:
            return []
        query = select(i.id).where(or_(*conditions)).order_by(i.occurred_at, i.id)
        return list(self.conn.execute(query).scalars())

    def contacts_sharing_channels(self, contact_id: int) -> list[int]:
        """Other contact persons with one of this person's phones or e-mails (normalised): the
        same person at another client."""
        ch = s.contact_channels.c
        mine = select(ch.kind, ch.value_norm).where(ch.contact_id == contact_id, ch.value_norm.is_not(None))
        pairs = [(k, v) for k, v in self.conn.execute(mine)]
        found: set[int] = set()
        for kind, value in pairs:
            found.update(
                self.conn.execute(
                    select(ch.contact_id).where(ch.kind == kind, ch.value_norm == value, ch.contact_id != contact_id)
                ).scalars()
            )
        return sorted(found)


def make_bytes_gone(database: Database) -> bool:
    """After rows were deleted (and committed): rewrite the file without them and empty the
    write-ahead log. Runs outside any transaction (VACUUM cannot run inside one). True when the
    log was emptied; False if a reader kept it (it is then emptied by the next checkpoint)."""
    if not database.is_sqlite:
        return True
    raw = database.engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute("PRAGMA secure_delete = ON")
        try:
            driver.execute("VACUUM")
        except sqlite3.Error as exc:
            # The rows are deleted and their bytes zeroed already (secure_delete); VACUUM only compacts.
            # It needs free disk space as big as the base: without it, the erasure still stands.
            log.warning("VACUUM after an erasure failed: %s", getattr(exc, "sqlite_errorname", type(exc).__name__))
        busy, _log_frames, _done = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    if busy:
        log.warning("the write-ahead log could not be emptied after an erasure: a reader holds it")
    return not busy
