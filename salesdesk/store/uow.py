"""The unit of work: one transaction per user action, rolled back unless committed.

    with uow:
        uow.clients.update(...)
        uow.commit()

Leaving the block without ``commit()`` (an error, a cancel) rolls everything back. After a commit
the recorded changes go to listeners: the window refreshes from them, and a future audit trail
hooks in the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, RootTransaction
from sqlalchemy.exc import OperationalError

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.store.bulk import BulkLoader
from salesdesk.store.database import Database
from salesdesk.store.deal_listing import DealListing
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


@dataclass(frozen=True)
class Change:
    """Something a committed unit of work changed: ("client", 42, "updated")."""

    entity: str
    ident: int
    action: str


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

    def __init__(self, database: Database, listeners: Iterable[Listener] = ()) -> None:
        self.database = database
        self.listeners = list(listeners)
        self._conn: Connection | None = None
        self._tx: RootTransaction | None = None
        self._changes: list[Change] = []

    def __enter__(self) -> Self:
        if self._conn is not None:
            raise RuntimeError("this unit of work is already in use")
        conn = self.database.engine.connect()
        try:
            self._tx = conn.begin()
        except OperationalError as exc:
            conn.close()
            _raise_translated(exc)
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
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        conn, tx = self._conn, self._tx
        self._conn = self._tx = None
        try:
            if tx is not None and tx.is_active:
                tx.rollback()
        finally:
            if conn is not None:
                conn.close()
        if isinstance(exc, OperationalError):
            _raise_translated(exc)

    def record(self, entity: str, ident: int, action: str) -> None:
        self._changes.append(Change(entity, ident, action))

    def commit(self) -> None:
        if self._tx is None:
            raise RuntimeError("commit() outside the with block")
        try:
            self._tx.commit()
        except OperationalError as exc:
            _raise_translated(exc)
            raise
        changes, self._changes = tuple(self._changes), []
        for listener in self.listeners:
            listener(changes)

    def rollback(self) -> None:
        if self._tx is not None and self._tx.is_active:
            self._tx.rollback()
        self._changes = []


def _raise_translated(exc: OperationalError) -> None:
    """Turn the database errors a person can act on into ``StoreError``; others stay bugs."""
    reason = str(exc.orig)
    if "locked" in reason or "busy" in reason:
        raise StoreError(msg("err.db_busy")) from exc
    if "disk" in reason and "full" in reason:
        raise StoreError(msg("err.disk_full", where="")) from exc


UnitOfWorkFactory = Callable[[], UnitOfWork]
