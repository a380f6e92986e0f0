"""The unit of work: one transaction per user action, rolled back unless committed.

    with uow:
        uow.clients.update(...)
        uow.commit()

Leaving the block without ``commit()`` (an error, a cancel) rolls everything back. After a commit
the recorded changes go to listeners: the window refreshes from them. On a PostgreSQL server the
same records are also sent to the other seats inside the transaction (``store/notify.py``). The same records, with the
values before and after an edit, become the audit trail's entries, written just before the commit
in the same transaction (``domain/audit.py``, ``store/audit.py``): a rolled-back change leaves none.
Who made them and through what is the ``actor`` the face gave the unit of work.

A unit of work writes unless it says otherwise: it takes SQLite's write lock when it begins
(``BEGIN IMMEDIATE``), so a second writer waits for it (up to the busy timeout) instead of failing
when it upgrades a read lock. A unit that only reads says so, ``with uow.reading():``, and
begins deferred: it never waits for a writer (WAL) and works on a base opened read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, RootTransaction, event
from sqlalchemy.exc import DBAPIError

from salesdesk.domain.audit import Actor, Entry, entries_for
from salesdesk.domain.changes import Change
from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.store import servers
from salesdesk.store.attachments import AttachmentRepository
from salesdesk.store.audit import AuditRepository
from salesdesk.store.birthdays import BirthdayQueries
from salesdesk.store.bulk import BulkLoader
from salesdesk.store.bulk_edit import BulkEditor
from salesdesk.store.calendar import CalendarQueries
from salesdesk.store.database import WRITE_OPTION, Database, error_key, store_error
from salesdesk.store.deal_listing import DealListing
from salesdesk.store.erasure import Eraser
from salesdesk.store.export_rows import ExportRows
from salesdesk.store.freshness import FreshnessRepository
from salesdesk.store.listing import ClientListing
from salesdesk.store.merging import ClientMerging
from salesdesk.store.notify import send, tells_other_seats
from salesdesk.store.plans import PlanQueries, PlanRepository
from salesdesk.store.register import RegisterQueries
from salesdesk.store.reports import ReportQueries
from salesdesk.store.repositories import (
    BaseSettingsRepository,
    ClientRepository,
    ContactRepository,
    DealRepository,
    IndustryRepository,
    InteractionRepository,
    ManagerRepository,
    ReminderRepository,
)
from salesdesk.store.views import ViewRepository

Listener = Callable[[tuple[Change, ...]], None]
# Who acts: a value, or a function asked at the first commit that writes an entry (the window's
# seat may change its manager while it runs; reading the settings for every read would be waste).
ActorSource = Actor | Callable[[], Actor]
NOBODY = Actor()  # a program using the services directly: no manager, no face


@dataclass(frozen=True, slots=True)
class _Imported:
    """A batch of clients an import created, kept as their ids and names until the commit writes
    their entries: an Entry each, made at once, held 100,000 objects through the whole import."""

    ids: Sequence[int]
    names: Sequence[str]


def _trail(parts: Iterable[Entry | _Imported]) -> Iterator[Entry]:
    """The entries of a transaction in the order they were recorded."""
    for part in parts:
        if isinstance(part, _Imported):
            for ident, name in zip(part.ids, part.names, strict=True):
                yield from entries_for("client", ident, "imported", client_id=ident, after={"name": name})
        else:
            yield part


class UnitOfWork:
    clients: ClientRepository
    contacts: ContactRepository
    industries: IndustryRepository
    managers: ManagerRepository
    base_settings: BaseSettingsRepository
    reminders: ReminderRepository
    interactions: InteractionRepository
    deals: DealRepository
    listing: ClientListing
    deal_listing: DealListing
    bulk: BulkLoader
    bulk_edit: BulkEditor
    reports: ReportQueries
    audit: AuditRepository
    freshness: FreshnessRepository
    erasure: Eraser
    calendar: CalendarQueries
    attachments: AttachmentRepository
    birthdays: BirthdayQueries
    merging: ClientMerging
    views: ViewRepository
    plans: PlanRepository
    plan_queries: PlanQueries
    register: RegisterQueries

    def __init__(
        self,
        database: Database,
        listeners: Iterable[Listener] = (),
        *,
        actor: ActorSource = NOBODY,
        trail: bool = True,
    ) -> None:
        """*actor*: who makes the changes and through what (given by the face). *trail*: write the
        audit trail; only a benchmark measuring what the trail costs turns it off."""
        self.database = database
        self.listeners = list(listeners)
        self.actor = actor
        self.trail = trail
        self._conn: Connection | None = None
        self._tx: RootTransaction | None = None
        self._changes: list[Change] = []
        self._entries: list[Entry | _Imported] = []  # the trail of this transaction, in order
        self._source = ""
        self._reading = False

    def reading(self) -> Self:
        """Mark the next ``with`` block as one that only reads (a deferred transaction)."""
        self._reading = True
        return self

    def importing(self, file_name: str) -> Self:
        """Mark the next ``with`` block's changes as the import of *file_name* (in the trail)."""
        self._source = file_name
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
            if not self.writes:
                event.listen(conn, "before_cursor_execute", _refuse_writes, retval=False)
            self._tx = conn.begin()
        except DBAPIError as exc:
            conn.close()
            self._reading = False
            self._raise_translated(exc)
            raise
        self._conn = conn
        self._changes = []
        self._entries = []
        self.clients = ClientRepository(conn)
        self.contacts = ContactRepository(conn)
        self.industries = IndustryRepository(conn)
        self.managers = ManagerRepository(conn)
        self.base_settings = BaseSettingsRepository(conn)
        self.reminders = ReminderRepository(conn)
        self.interactions = InteractionRepository(conn)
        self.deals = DealRepository(conn)
        self.listing = ClientListing(conn)
        self.deal_listing = DealListing(conn)
        self.bulk = BulkLoader(conn)
        self.bulk_edit = BulkEditor(conn)
        self.reports = ReportQueries(conn)
        self.audit = AuditRepository(conn)
        self.freshness = FreshnessRepository(conn)
        self.erasure = Eraser(conn)
        self.calendar = CalendarQueries(conn)
        self.attachments = AttachmentRepository(conn)
        self.export_rows = ExportRows(conn)
        self.birthdays = BirthdayQueries(conn)
        self.merging = ClientMerging(conn)
        self.views = ViewRepository(conn)
        self.plans = PlanRepository(conn)
        self.plan_queries = PlanQueries(conn)
        self.register = RegisterQueries(conn)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        conn, tx = self._conn, self._tx
        self._conn = self._tx = None
        reading, self._reading = self._reading, False
        self._source = ""
        self._entries = []
        try:
            if tx is not None and tx.is_active:
                tx.rollback()
        finally:
            if conn is not None:
                if reading:
                    event.remove(conn, "before_cursor_execute", _refuse_writes)
                conn.close()
        if isinstance(exc, DBAPIError):
            self._raise_translated(exc)

    def record(
        self,
        entity: str,
        ident: int,
        action: str,
        *,
        client: int | None = None,
        before: object = None,
        after: object = None,
    ) -> None:
        """Note what this transaction changes; listeners hear it only if it commits.

        For the audit trail: *client* is the card a contact, deal, interaction or reminder belongs
        to (looked up when not given); *before* and *after* are the values of an edit (dataclasses
        of the same kind, or mappings of field to value), *after* alone what was created."""
        self._changes.append(Change(entity, ident, action))
        if self.trail:
            self._entries.extend(entries_for(entity, ident, action, client_id=client, before=before, after=after))

    def record_imported(self, client_ids: Sequence[int], names: Sequence[str]) -> None:
        """The trail's entry for each client an import created (one each: not one per field, which
        would make a large import much slower). Listeners hear of the import as a whole."""
        if self.trail:
            self._entries.append(_Imported(client_ids, names))

    def commit(self) -> None:
        if self._tx is None:
            raise RuntimeError("commit() outside the with block")
        try:
            if self._entries:
                actor = self.actor() if callable(self.actor) else self.actor
                if self._source:
                    actor = actor.importing(self._source)
                self.audit.write(actor, datetime.now(UTC), _trail(self._entries))
            self._entries = []
            if self._changes and self._conn is not None and tells_other_seats(self.database):
                send(self._conn, self._changes, self.database.seat)  # delivered only if this commits
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
        self._entries = []

    def _where(self) -> str:
        path = self.database.path
        return str(path) if path is not None else self.database.url

    def _raise_translated(self, exc: DBAPIError) -> None:
        """Turn the database errors a person can act on into ``StoreError`` (by SQLite's error
        code, or a server's SQLSTATE); others stay bugs."""
        if exc.orig is not None and error_key(exc.orig) is not None:
            raise store_error(exc.orig, self._where()) from exc
        if not self.database.is_sqlite:
            error = servers.work_error(self.database.url, exc, lock_seconds=servers.LOCK_TIMEOUT_MS / 1000)
            if error is not None:
                raise error from exc


_WRITING_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


def _refuse_writes(_conn: Connection, _cursor: object, statement: str, *_args: object) -> None:
    """A unit of work that said it only reads must not write: its deferred lock would be upgraded,
    which is what gets SQLITE_BUSY without waiting. A bug, caught by the tests of that service."""
    if statement.lstrip().upper().startswith(_WRITING_WORDS):
        raise RuntimeError("a unit of work marked reading() tried to write: " + statement.split(None, 1)[0])


UnitOfWorkFactory = Callable[[], UnitOfWork]
