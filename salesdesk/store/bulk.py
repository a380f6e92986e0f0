"""Fast creation of many clients at once (demo data, spreadsheet import).

Single edits go through the repositories; this path inserts whole batches. On SQLite it hands
ready-made tuples straight to the driver's executemany (SQLAlchemy's per-row parameter handling
costs more than SQLite's insert itself), numbers the rows itself while it holds the write lock,
and fills the search index in one statement after the rows are in, instead of row by row through
the triggers (about 2.3x faster at 100k rows; docs/phones_and_search.md). Other databases use Core executemany
with RETURNING. It runs inside the caller's transaction: a failure or a cancel leaves nothing
behind, triggers included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, text

from salesdesk.domain.derived import ClientDerived
from salesdesk.domain.emails import normalize_email
from salesdesk.domain.model import ClientBundle, PastReminder
from salesdesk.domain.phones import parse_phone
from salesdesk.store import schema as s
from salesdesk.store.repositories import CLIENT_VALUE_COLUMNS, DealRepository, card_values

_FTS_TRIGGER_QUERY = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'clients_fts_%'"


# SQLite's page cache (KB) while an import looks its rows' keys up in the base: each lookup reads
# an index's few pages once, so a small cache does as well (measured: no slower), and the 30 MB a
# full one fills at 1,000,000 clients are not taken before the writing, whose inserts want them.
LOOKUP_CACHE_KB = 2_000

# a new card's columns: its own and derived ones, then what the store adds (the id apart)
_CLIENT_INSERT = (*CLIENT_VALUE_COLUMNS, "version", "created_at", "updated_at", "next_reminder_at", "confirmed_oldest")


class BulkLoader:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self._processors: dict[tuple[str, str], Callable[[Any], Any] | None] = {}
        self._deferred = False  # inside search_index_deferred(): its triggers stay off
        self._unindexed: int | None = None  # triggers off: the first client id not yet in the search index

    @contextmanager
    def small_page_cache(self) -> Iterator[None]:
        """SQLite: this connection's page cache at LOOKUP_CACHE_KB inside, as it was after (made
        smaller, the cache lets the pages over it go). Other databases: nothing (the server's)."""
        if not self.sqlite:
            yield
            return
        before = int(self.conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
        self.conn.exec_driver_sql(f"PRAGMA cache_size = -{LOOKUP_CACHE_KB}")
        try:
            yield
        finally:
            self.conn.exec_driver_sql(f"PRAGMA cache_size = {before}")

    @contextmanager
    def search_index_deferred(self) -> Iterator[None]:
        """The search index's triggers stay off for every ``add`` inside (an import's batches),
        instead of being dropped and made again for each; each batch's rows are indexed right
        after they are inserted, in one statement. Nothing else may write clients inside it:
        its triggers are off until it ends."""
        with self._search_index_paused():
            self._deferred = True
            try:
                yield
            finally:
                self._deferred = False

    @contextmanager
    def _search_index_paused(self) -> Iterator[None]:
        """Drop the FTS triggers while ``add`` writes and indexes its rows (``_index_new``, one
        statement per batch), then put the triggers back.

        The trigger text is read from the database itself, so this follows whatever the newest
        migration defined. DDL is transactional in SQLite: a rollback restores the triggers.
        Dropping them is also this transaction's first write, so from here on it holds SQLite's
        write lock and the ids it hands out cannot be taken by another writer.
        """
        if not self.sqlite or self._deferred:
            yield
            return
        triggers = self.conn.exec_driver_sql(_FTS_TRIGGER_QUERY).all()
        for name, _sql in triggers:
            self.conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        self._unindexed = self._next_id(s.clients) if triggers else None
        yield
        self._unindexed = None  # every add() indexed its own rows
        for _name, sql in triggers:
            self.conn.exec_driver_sql(sql)

    def _index_new(self) -> None:
        """Put the clients inserted since the last call into the search index (their triggers are
        off). Batch by batch, an import's main process does it while its worker process derives
        the next batch, instead of all 100,000 rows at the end with the worker idle (0.85 s);
        FTS5 makes the same index either way, and the searches find the same rows."""
        if self._unindexed is None:
            return
        following = self._next_id(s.clients)
        self.conn.execute(
            text(
                "INSERT INTO clients_fts(rowid, search_name, search_other) "
                "SELECT id, search_name, search_other FROM clients WHERE id >= :first AND id < :following"
            ),
            {"first": self._unindexed, "following": following},
        )
        self._unindexed = following

    def add(self, bundles: Sequence[tuple[ClientBundle, ClientDerived]], now: datetime) -> list[int]:
        """Insert the bundles; return the new client ids in order."""
        if not bundles:
            return []
        with self._search_index_paused():
            ids = self._clients(bundles, now)
            self._index_new()
        self._tags(ids, [d.tags_norm for _, d in bundles])
        self._confirmations(ids, bundles, now)
        self._contacts(ids, [b for b, _ in bundles], now)
        self._children(ids, [b for b, _ in bundles], now)
        return ids

    # Inserting ------------------------------------------------------------------------------

    def _clients(self, bundles: Sequence[tuple[ClientBundle, ClientDerived]], now: datetime) -> list[int]:
        """Insert the cards; their new ids in order (SQLite: numbered here, while this
        transaction holds the write lock; the server numbers them elsewhere)."""
        first = self._next_id(s.clients) if self.sqlite else 0
        ids = list(range(first, first + len(bundles)))
        rows = []
        for ident, (bundle, derived) in zip(ids, bundles, strict=True):
            created = bundle.created_at or now
            open_reminders = (
                r.due_at for r in bundle.reminders if not (isinstance(r, PastReminder) and r.done_at is not None)
            )
            # version, created, updated, the next reminder; what a new card holds is confirmed
            # when it arrives (domain/freshness.py)
            added = (1, created, created, min(open_reminders, default=None), created if derived.fresh else None)
            rows.append((*card_values(bundle.client, derived), *added, ident))
        if not self.sqlite:
            named = [dict(zip(_CLIENT_INSERT, row[:-1], strict=True)) for row in rows]
            return self._insert(s.clients, named, returning=True)
        self._insert_rows(s.clients, (*_CLIENT_INSERT, "id"), rows)
        return ids

    def _next_id(self, table: Table) -> int:
        return int(self.conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table.name}").scalar_one())

    def _insert(self, table: Table, rows: list[dict[str, Any]], *, returning: bool = False) -> list[int]:
        """Insert *rows* (dicts with the same keys); the new ids in order if *returning*."""
        if not rows:
            return []
        if not self.sqlite:
            if returning:
                result = self.conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
                return [int(x) for x in result.scalars()]
            self.conn.execute(insert(table), rows)
            return []
        ids: list[int] = []
        if returning:
            first = self._next_id(table)
            ids = list(range(first, first + len(rows)))
            for ident, row in zip(ids, rows, strict=True):
                row["id"] = ident
        columns = list(rows[0])  # every row is built by the same code, so keys come in one order
        self._insert_rows(table, columns, [tuple(row.values()) for row in rows])
        return ids

    def _insert_rows(self, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert *rows*, tuples of values of *columns* as Python holds them. On SQLite each
        column's values go through SQLAlchemy's conversion (``_processor``), each distinct value once
        (most rows share their timestamps); other databases get them as dicts, 10,000 at a time."""
        if not rows:
            return
        if not self.sqlite:
            for start in range(0, len(rows), 10_000):
                chunk = rows[start : start + 10_000]
                self.conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in chunk])
            return
        conversions: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = [
            (i, p, {}) for i, name in enumerate(columns) if (p := self._processor(table, name)) is not None
        ]
        if conversions:
            converted = []
            for row in rows:
                values = list(row)
                for i, process, memo in conversions:
                    value = values[i]
                    if value is not None:
                        done = memo.get(value)
                        if done is None:
                            done = memo[value] = process(value)
                        values[i] = done
                converted.append(tuple(values))
            rows = converted
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', rows)

    def _processor(self, table: Table, column: str) -> Callable[[Any], Any] | None:
        """SQLAlchemy's own conversion for the column (dates to SQLite's text form, and so on),
        so rows written here read back exactly like rows written by the repositories."""
        key = (table.name, column)
        if key not in self._processors:
            column_type = table.c[column].type.dialect_impl(self.conn.dialect)
            self._processors[key] = column_type.bind_processor(self.conn.dialect)
        return self._processors[key]

    def _confirmations(
        self, ids: Sequence[int], bundles: Sequence[tuple[ClientBundle, ClientDerived]], now: datetime
    ) -> None:
        # three or four a card (362,000 at 100,000 rows): tuples, not a dict each
        rows = [
            (cid, item, bundle.created_at or now, "import", fingerprint)
            for cid, (bundle, derived) in zip(ids, bundles, strict=True)
            for item, fingerprint in derived.fresh
        ]
        self._insert_rows(s.confirmations, ("client_id", "item", "confirmed_at", "source", "fingerprint"), rows)

    def _tags(self, ids: Sequence[int], tags: Sequence[Sequence[str]]) -> None:
        rows = [{"client_id": cid, "tag_norm": t} for cid, ts in zip(ids, tags, strict=True) for t in ts]
        self._insert(s.client_tags, rows)

    def _contacts(self, ids: Sequence[int], bundles: Sequence[ClientBundle], now: datetime) -> None:
        rows, owners = [], []
        for client_id, bundle in zip(ids, bundles, strict=True):
            for contact in bundle.contacts:
                created = bundle.created_at or now  # a contact person comes with the client
                rows.append(
                    {
                        "client_id": client_id,
                        "full_name": contact.full_name,
                        "position": contact.position,
                        "birth_date": contact.birth_date,
                        "note": contact.note,
                        "is_primary": contact.is_primary,
                        "version": 1,
                        "created_at": created,
                        "updated_at": created,
                    }
                )
                owners.append((client_id, contact))
        contact_ids = self._insert(s.contacts, rows, returning=True)
        channels: list[dict[str, Any]] = []
        for contact_id, (client_id, contact) in zip(contact_ids, owners, strict=True):
            channels.extend(
                {
                    "contact_id": contact_id,
                    "client_id": client_id,
                    "kind": "phone",
                    "position": i,
                    "value": p,
                    "value_norm": parse_phone(p).e164,
                }
                for i, p in enumerate(contact.phones)
            )
            channels.extend(
                {
                    "contact_id": contact_id,
                    "client_id": client_id,
                    "kind": "email",
                    "position": i,
                    "value": e,
                    "value_norm": normalize_email(e),
                }
                for i, e in enumerate(contact.emails)
            )
        self._insert(s.contact_channels, channels)

    def _children(self, ids: Sequence[int], bundles: Sequence[ClientBundle], now: datetime) -> None:
        # Recorded when the client was (never before it); one stamp per client, shared by its rows.
        stamps = [{"version": 1, "created_at": b.created_at or now, "updated_at": b.created_at or now} for b in bundles]
        deals = [
            {"client_id": cid, **DealRepository.values(d), **st}
            for cid, b, st in zip(ids, bundles, stamps, strict=True)
            for d in b.deals
        ]
        interactions = [
            {
                "client_id": cid,
                "kind": i.kind.value,
                "occurred_at": i.occurred_at,
                "summary": i.summary,
                "result": i.result,
                "manager_id": i.manager_id,
                "contact_id": None,
                **st,
            }
            for cid, b, st in zip(ids, bundles, stamps, strict=True)
            for i in b.interactions
        ]
        reminders = [
            {
                "client_id": cid,
                "deal_id": None,
                "due_at": r.due_at,
                "text": r.text,
                "recurrence": r.recurrence.value,
                "manager_id": r.manager_id,
                "effective_due": r.due_at,
                "done_at": r.done_at if isinstance(r, PastReminder) else None,
                **st,
            }
            for cid, b, st in zip(ids, bundles, stamps, strict=True)
            for r in b.reminders
        ]
        self._insert(s.deals, deals)
        self._insert(s.interactions, interactions)
        self._insert(s.reminders, reminders)

    def analyze(self) -> None:
        """Refresh the planner's statistics after a big load (cheap).

        On PostgreSQL also move the rows waiting in the search index's pending list into the index
        proper (GIN's fast update keeps new entries in a list every search reads through until
        autovacuum gets to it): a search typed right after importing 100,000 clients took 0.3 s
        instead of 10 ms (docs/phones_and_search.md). Statistics of a fresh table matter there
        too: without them the planner guessed 10 rows for a thousand."""
        if self.sqlite:
            # A full ANALYZE where SQLite sees fit: 0.9 s after an import into 1,000,000 clients.
            # Sampled statistics (analysis_limit) took 0.01 s, but said 1,001 clients a status
            # where there are 140,000-410,000: the planner would then read a status filter off its
            # index and sort every match instead of walking the name index. Not worth the risk.
            self.conn.exec_driver_sql("PRAGMA optimize")
            return
        if self.conn.dialect.name != "postgresql":
            return
        # the names' and the digit words: the first page of a search reads them (migrations 0016, 0017)
        self.conn.exec_driver_sql(
            f"ANALYZE clients, client_tags, contacts, contact_channels, {s.NAME_WORDS_TABLE}, {s.DIGIT_WORDS_TABLE}"
        )
        self.conn.exec_driver_sql(
            "SELECT gin_clean_pending_list(to_regclass('ix_clients_search_trgm')) "
            "WHERE to_regclass('ix_clients_search_trgm') IS NOT NULL"
        )
