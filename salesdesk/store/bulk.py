"""Fast creation of many clients at once (demo data, spreadsheet import).

Single edits go through the repositories; this path uses executemany with RETURNING and, on
SQLite, fills the search index in one statement after the rows are in instead of row by row
through the triggers (DOMAIN.md §6 measured that 2.3x faster). It runs inside the caller's
transaction, so a failure or a cancel leaves nothing behind, triggers included.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, text

from salesdesk.domain.derived import ClientDerived
from salesdesk.domain.emails import normalize_email
from salesdesk.domain.model import ClientBundle
from salesdesk.domain.phones import parse_phone
from salesdesk.store import schema as s
from salesdesk.store.repositories import DealRepository, client_values

_FTS_TRIGGER_QUERY = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'clients_fts_%'"


class BulkLoader:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"

    @contextmanager
    def _search_index_paused(self) -> Iterator[None]:
        """Drop the FTS triggers, then index the new rows in one go and put the triggers back.

        The trigger text is read from the database itself, so this follows whatever the newest
        migration defined. DDL is transactional in SQLite: a rollback restores the triggers.
        """
        if not self.sqlite:
            yield
            return
        triggers = self.conn.exec_driver_sql(_FTS_TRIGGER_QUERY).all()
        if not triggers:
            yield
            return
        first_new = int(self.conn.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM clients").scalar_one())
        for name, _sql in triggers:
            self.conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        yield
        self.conn.execute(
            text("INSERT INTO clients_fts(rowid, search_name, search_other) "
                 "SELECT id, search_name, search_other FROM clients WHERE id >= :first"),
            {"first": first_new},
        )
        for _name, sql in triggers:
            self.conn.exec_driver_sql(sql)

    def add(self, bundles: Sequence[tuple[ClientBundle, ClientDerived]], now: datetime) -> list[int]:
        """Insert the bundles; return the new client ids in order."""
        if not bundles:
            return []
        with self._search_index_paused():
            client_rows = []
            for bundle, derived in bundles:
                row = client_values(bundle.client, derived)
                row.update(version=1, created_at=now, updated_at=now,
                           next_reminder_at=min((r.due_at for r in bundle.reminders), default=None))
                client_rows.append(row)
            ids = self._insert_returning(s.clients, client_rows)
        self._tags(ids, [d.tags_norm for _, d in bundles])
        self._contacts(ids, [b for b, _ in bundles], now)
        self._children(ids, [b for b, _ in bundles], now)
        return ids

    def _insert_returning(self, table: Any, rows: list[dict[str, Any]]) -> list[int]:
        result = self.conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return [int(x) for x in result.scalars()]

    def _tags(self, ids: Sequence[int], tags: Sequence[Sequence[str]]) -> None:
        rows = [{"client_id": cid, "tag_norm": t} for cid, ts in zip(ids, tags, strict=True) for t in ts]
        if rows:
            self.conn.execute(insert(s.client_tags), rows)

    def _contacts(self, ids: Sequence[int], bundles: Sequence[ClientBundle], now: datetime) -> None:
        rows, owners = [], []
        for client_id, bundle in zip(ids, bundles, strict=True):
            for contact in bundle.contacts:
                rows.append({"client_id": client_id, "full_name": contact.full_name, "position": contact.position,
                             "birth_date": contact.birth_date, "note": contact.note,
                             "is_primary": contact.is_primary, "version": 1, "created_at": now, "updated_at": now})
                owners.append((client_id, contact))
        if not rows:
            return
        contact_ids = self._insert_returning(s.contacts, rows)
        channels: list[dict[str, Any]] = []
        for contact_id, (client_id, contact) in zip(contact_ids, owners, strict=True):
            channels.extend({"contact_id": contact_id, "client_id": client_id, "kind": "phone", "position": i,
                             "value": p, "value_norm": parse_phone(p).e164} for i, p in enumerate(contact.phones))
            channels.extend({"contact_id": contact_id, "client_id": client_id, "kind": "email", "position": i,
                             "value": e, "value_norm": normalize_email(e)} for i, e in enumerate(contact.emails))
        if channels:
            self.conn.execute(insert(s.contact_channels), channels)

    def _children(self, ids: Sequence[int], bundles: Sequence[ClientBundle], now: datetime) -> None:
        stamps = {"version": 1, "created_at": now, "updated_at": now}
        deals = [{"client_id": cid, **DealRepository.values(d), **stamps}
                 for cid, b in zip(ids, bundles, strict=True) for d in b.deals]
        interactions = [
            {"client_id": cid, "kind": i.kind.value, "occurred_at": i.occurred_at, "summary": i.summary,
             "result": i.result, "manager_id": i.manager_id, "contact_id": None, **stamps}
            for cid, b in zip(ids, bundles, strict=True) for i in b.interactions
        ]
        reminders = [
            {"client_id": cid, "deal_id": None, "due_at": r.due_at, "text": r.text,
             "recurrence": r.recurrence.value, "manager_id": r.manager_id, "effective_due": r.due_at, **stamps}
            for cid, b in zip(ids, bundles, strict=True) for r in b.reminders
        ]
        for table, rows in ((s.deals, deals), (s.interactions, interactions), (s.reminders, reminders)):
            if rows:
                self.conn.execute(insert(table), rows)

    def analyze(self) -> None:
        """Refresh the planner's statistics after a big load (cheap; SQLite only)."""
        if self.sqlite:
            self.conn.exec_driver_sql("PRAGMA optimize")


