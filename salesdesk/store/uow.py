"""The unit of work: one transaction per user action, rolled back unless committed.

    with uow:
        uow.clients.update(...)
        uow.commit()

Leaving the block without ``commit()`` (an error, a cancel) rolls everything back. After a commit
the recorded changes go to listeners: the window refreshes from them, and a future audit trail
hooks in the same way.

A unit of work writes unless it says otherwise: it takes SQLite's write lock when it begins
(``BEGIN IMMEDIATE``), so a second writer waits for it (up to the busy timeout) instead of failing
when it upgrades a read lock. A unit that only reads says so, ``with uow.reading():``, and
begins deferred: it never waits for a writer (WAL) and works on a base opened read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, RootTransaction, event
from sqlalchemy.exc import DBAPIError

from salesdesk.domain.changes import Change
from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.store.bulk import BulkLoader
from salesdesk.store.database import WRITE_OPTION, Database, error_key, store_error
from salesdesk.store.deal_listing import DealListing
from salesdesk.store.erasure import Eraser
from salesdesk.store.listing import ClientListing
from salesdesk.store.reports import ReportQueries
from salesdesk.store.repositories import (
    ClientRepository,
    ContactRepository,
    DealRepository,
    IndustryRepository,
    InteractionRepository,
    ManagerRepository,
    ReminderRepository,
)

Listener = Callable[[tuple[Change, ...]], None]


class UnitOfWork:
    clients: ClientRepository
    contacts: ContactRepository
    industries: IndustryRepository
    managers: ManagerRepository
    reminders: ReminderRepository
    interactions: InteractionRepository
    deals: DealRepository
    listing: ClientListing
    deal_listing: DealListing
    bulk: BulkLoader
    reports: ReportQueries
    erasure: Eraser

    def __init__(self, database: Database, listeners: Iterable[Listener] = ()) -> None:
        self.database = database
        self.listeners = list(listeners)
        self._conn: Connection | None = None
        self._tx: RootTransaction | None = None
        self._changes: list[Change] = []
        self._reading = False

    def reading(self) -> Self:
        """Mark the next ``with`` block as one that only reads (a deferred transaction)."""
        self._reading = True
        return self

    @property
    def writes(self) -> bool:
        return not self._reading

    def __enter__(self) -> Self:
        if self._conn is not None:
            raise RuntimeError("this unit of work is already in use")
        if self.writes and self.database.read_only:
            self._reading = False
            raise StoreError(msg("err.db_corrupt", where=self._where()))
        conn = self.database.engine.connect()
        try:
            conn.execution_options(**{WRITE_OPTION: self.writes})
            if not self.writes and self.database.is_sqlite:
                event.listen(conn, "before_cursor_execute", _refuse_writes, retval=False)
            self._tx = conn.begin()
        except DBAPIError as exc:
            conn.close()
            self._reading = False
            self._raise_translated(exc)
            raise
        self._conn = conn
        self._changes = []
        self.clients = ClientRepository(conn)
        self.contacts = ContactRepository(conn)
        self.industries = IndustryRepository(conn)
        self.managers = ManagerRepository(conn)
        self.reminders = ReminderRepository(conn)
        self.interactions = InteractionRepository(conn)
        self.deals = DealRepository(conn)
        self.listing = ClientListing(conn)
        self.deal_listing = DealListing(conn)
        self.bulk = BulkLoader(conn)
        self.reports = ReportQueries(conn)
        self.erasure = Eraser(conn)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        conn, tx = self._conn, self._tx
        self._conn = self._tx = None
        reading, self._reading = self._reading, False
        try:
            if tx is not None and tx.is_active:
                tx.rollback()
        finally:
            if conn is not None:
                if reading and self.database.is_sqlite:
                    event.remove(conn, "before_cursor_execute", _refuse_writes)
                conn.close()
        if isinstance(exc, DBAPIError):
            self._raise_translated(exc)

    def record(self, entity: str, ident: int, action: str) -> None:
        """Note what this transaction changes; listeners hear it only if it commits."""
        self._changes.append(Change(entity, ident, action))

    def commit(self) -> None:
        if self._tx is None:
            raise RuntimeError("commit() outside the with block")
        try:
            self._tx.commit()
        except DBAPIError as exc:
            self._raise_translated(exc)
            raise
        changes, self._changes = tuple(self._changes), []
        for listener in self.listeners:
            listener(changes)

    def rollback(self) -> None:
        if self._tx is not None and self._tx.is_active:
            self._tx.rollback()
        self._changes = []

    def _where(self) -> str:
        path = self.database.path
        return str(path) if path is not None else self.database.url

    def _raise_translated(self, exc: DBAPIError) -> None:
        """Turn the database errors a person can act on into ``StoreError`` (by SQLite's error
        code); others stay bugs."""
        if exc.orig is not None and error_key(exc.orig) is not None:
            raise store_error(exc.orig, self._where()) from exc


_WRITING_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


def _refuse_writes(_conn: Connection, _cursor: object, statement: str, *_args: object) -> None:
    """A unit of work that said it only reads must not write: its deferred lock would be upgraded,
    which is what gets SQLITE_BUSY without waiting. A bug, caught by the tests of that service."""
    if statement.lstrip().upper().startswith(_WRITING_WORDS):
        raise RuntimeError("a unit of work marked reading() tried to write: " + statement.split(None, 1)[0])


UnitOfWorkFactory = Callable[[], UnitOfWork]
