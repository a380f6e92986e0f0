"""Seats see each other (issue 14): what one seat commits on a PostgreSQL base reaches the others'
listeners as the same change records, a big change set as a summary, never a seat's own, and the
listener survives its connection being cut. On SQLite nothing listens (one seat)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from salesdesk.domain.changes import OTHER_SEAT, Change, Changes
from salesdesk.domain.model import ClientFields, ReminderFields
from salesdesk.services import change_feed, clients, reminders
from salesdesk.store import Database, UnitOfWork, open_database
from salesdesk.store.notify import EVERYTHING, PAYLOAD_LIMIT, ChangeListener, decode, payload

WAIT = 10.0  # seconds a delivery may take at most (it takes milliseconds)


class Heard:
    """What a listener delivered, with an event per delivery (no sleeps: tests wait on it)."""

    def __init__(self) -> None:
        self.records: list[tuple[Change, ...]] = []
        self.arrived = threading.Event()
        self.connected = threading.Event()
        self._lock = threading.Lock()

    def deliver(self, records: tuple[Change, ...]) -> None:
        with self._lock:
            self.records.append(records)
        self.arrived.set()

    def next(self) -> tuple[Change, ...]:
        assert self.arrived.wait(WAIT), "nothing was delivered"
        with self._lock:
            self.arrived.clear()
            return self.records.pop(0) if self.records else ()


def test_a_payload_names_every_record_and_the_seat() -> None:
    records = [Change("client", 42, "updated"), Change("reminder", 7, "done")]
    assert decode(payload(records, "seat-a"), "seat-b") == tuple(records)


def test_a_seat_ignores_its_own_payload() -> None:
    assert decode(payload([Change("client", 1, "created")], "seat-a"), "seat-a") == ()


def test_a_big_change_set_is_summarised_under_the_limit_and_read_again_whole() -> None:
    records = [Change("client", n, "imported") for n in range(100_000)]
    sent = payload(records, "seat-a")
    assert len(sent.encode()) < 8000 and len(sent) <= PAYLOAD_LIMIT
    heard = Changes.of(decode(sent, "seat-b"))
    assert heard.whole_base and heard.membership


def test_a_payload_that_cannot_be_read_reads_everything_again() -> None:
    assert decode("not json", "seat-b") == (EVERYTHING,)


@pytest.mark.sqlite_only
def test_on_sqlite_nothing_listens(uow: Callable[[], UnitOfWork]) -> None:
    assert change_feed.follow_other_seats(uow, lambda _records: None) is None


# On the server: two seats, two Database objects on one database ------------------------------


@pytest.fixture
def seat_b(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def listening(seat_b: Database) -> Iterator[tuple[ChangeListener, Heard]]:
    heard = Heard()
    listener = ChangeListener(seat_b, heard.deliver, backoff=(0.05,), connected=heard.connected.set)
    listener.start()
    assert heard.connected.wait(WAIT)
    yield listener, heard
    listener.stop()
    assert not listener.running


@pytest.mark.postgres_only
def test_a_commit_on_seat_a_reaches_seat_b(database: Database, listening: tuple[ChangeListener, Heard]) -> None:
    _listener, heard = listening
    client = clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»")).id
    assert heard.next() == (Change("client", client, "created"),)
    due = datetime(2030, 1, 15, 9, tzinfo=UTC)
    reminder = reminders.add_reminder(UnitOfWork(database), client, ReminderFields(due_at=due, text="Позвонить")).id
    assert Change("reminder", reminder, "created") in heard.next()


@pytest.mark.postgres_only
def test_a_rolled_back_unit_tells_nobody_and_a_seat_not_itself(
    database: Database, seat_b: Database, listening: tuple[ChangeListener, Heard]
) -> None:
    _listener, heard = listening
    unit = UnitOfWork(database)
    with unit:
        unit.record("client", 1, "updated")
        # leaves without commit(): rolled back
    clients.create_client(UnitOfWork(seat_b), ClientFields(name="Своё"))  # seat B's own commit
    marker = clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Марка»")).id
    assert heard.next() == (Change("client", marker, "created"),)  # the first (and only) delivery


@pytest.mark.postgres_only
def test_a_big_import_arrives_as_one_summary(database: Database, listening: tuple[ChangeListener, Heard]) -> None:
    _listener, heard = listening
    unit = UnitOfWork(database)
    with unit:
        for n in range(2000):
            unit.record("client", n + 1, "imported")
        unit.commit()
    assert heard.next() == (EVERYTHING,)


@pytest.mark.postgres_only
def test_the_listener_comes_back_when_its_connection_is_cut(
    database: Database, listening: tuple[ChangeListener, Heard]
) -> None:
    _listener, heard = listening
    heard.connected.clear()
    with database.engine.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE query LIKE 'LISTEN salesdesk_changes%' AND datname = current_database()"
            )
        )
        conn.commit()
    assert heard.connected.wait(WAIT)  # connected again
    assert heard.next() == (EVERYTHING,)  # what happened meanwhile is unknown: read everything again
    client = clients.create_client(UnitOfWork(database), ClientFields(name="ООО «После»")).id
    assert heard.next() == (Change("client", client, "created"),)


@pytest.mark.postgres_only
def test_the_services_feed_marks_what_other_seats_did(database: Database, seat_b: Database) -> None:
    heard = Heard()
    following = change_feed.follow_other_seats(lambda: UnitOfWork(seat_b), heard.deliver, connected=heard.connected.set)
    assert following is not None
    try:
        assert heard.connected.wait(WAIT)
        client = clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»")).id
        records = heard.next()
        assert records == (Change("client", client, "created"), OTHER_SEAT)
        assert Changes.of(records).from_other_seat
    finally:
        following.stop()
    assert not following.running
