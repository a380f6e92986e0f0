"""What one seat commits, told to the other seats on the same PostgreSQL base (LISTEN/NOTIFY).

Sending: a unit of work that commits recorded changes on PostgreSQL calls :func:`send` inside its
transaction, just before COMMIT: ``pg_notify`` is delivered only if the transaction commits, and
never before its rows are visible to the other seats. The payload is compact JSON, the records as
``[entity, id, action]`` triples and the sending seat's id (``Database.seat``), so a seat ignores
its own (its window heard it already from its own commit). A change set too big for PostgreSQL's
8000-byte payload (an import of 100,000 rows) is sent as a summary, ``{"many": […entities]}``,
which arrives as one "whole base" change: the other seats read everything shown again.

Receiving: :class:`ChangeListener` keeps a connection of its own in autocommit, LISTENs, and waits
on a background thread: ``select`` on the connection's socket and on a socket pair that ``stop()``
writes to (so stopping is immediate), then psycopg's ``notifies(timeout=0)`` reads what arrived; a
quiet minute is checked with ``SELECT 1`` (a server gone without a word is noticed). Each other
seat's payload becomes a tuple of ``Change`` handed to *deliver* on that thread (the window's
change bus posts it to the GUI thread). When the server goes away it logs (no
personal data: payloads are never logged), waits with growing pauses and connects again; what
other seats did meanwhile is unknown, so a reconnection delivers one "whole base" change. It never
raises into the window. On SQLite nothing of this runs: one seat, nobody to tell.
"""

from __future__ import annotations

import json
import logging
import select
import socket
import threading
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from salesdesk.domain.changes import Change
from salesdesk.store.database import Database

log = logging.getLogger(__name__)

CHANNEL = "salesdesk_changes"
# PostgreSQL refuses a payload of 8000 bytes or more; keep well under it (the JSON is ASCII).
PAYLOAD_LIMIT = 7900
MIN_RECORD_BYTES = 12  # the shortest record written out: ["deal",1,"done"],
# What a summary or a reconnection becomes on the receiving side: every part reads again.
EVERYTHING = Change("base", 0, "other_seat")
# Pauses between attempts to reach the server again, in seconds (the last one repeats).
BACKOFF = (0.5, 1.0, 2.0, 5.0, 10.0)
ALIVE_CHECK_SECONDS = 60.0  # a quiet connection is asked whether it still works this often

Deliver = Callable[[tuple[Change, ...]], None]


def payload(records: Sequence[Change], seat: str) -> str:
    """The JSON sent for *records* committed by *seat*: every record, or a summary when too big."""
    if len(records) * MIN_RECORD_BYTES > PAYLOAD_LIMIT:  # surely too big: not even written out
        return _summary(records, seat)
    body = json.dumps(
        {"seat": seat, "records": [[r.entity, r.ident, r.action] for r in records]},
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return body if len(body) <= PAYLOAD_LIMIT else _summary(records, seat)


def _summary(records: Sequence[Change], seat: str) -> str:
    entities = sorted({r.entity for r in records})
    return json.dumps({"seat": seat, "many": entities}, separators=(",", ":"), ensure_ascii=True)


def decode(text_value: str, own_seat: str) -> tuple[Change, ...]:
    """The records another seat sent; () for this seat's own payload or one that cannot be read."""
    try:
        data = json.loads(text_value)
        if not isinstance(data, dict) or data.get("seat") == own_seat:
            return ()
        if "many" in data:
            return (EVERYTHING,)
        return tuple(Change(str(e), int(i), str(a)) for e, i, a in data["records"])
    except (ValueError, TypeError, KeyError):
        log.warning("a change notice from another seat could not be read; everything is read again")
        return (EVERYTHING,)


def send(conn: Connection, records: Sequence[Change], seat: str) -> None:
    """Inside the committing transaction: tell the other seats (delivered only if it commits)."""
    conn.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload(records, seat)})


def tells_other_seats(database: Database) -> bool:
    """Whether this base has other seats to tell: a PostgreSQL server (SQLite has one seat)."""
    return database.engine.dialect.name == "postgresql"


class ChangeListener:
    """Hears what the other seats of *database* commit and hands it to *deliver* (on its thread).

    ``start()`` once; ``stop()`` closes the connection and waits for the thread to end. *connected*
    (for tests) is called on the thread each time LISTEN is in place."""

    def __init__(
        self,
        database: Database,
        deliver: Deliver,
        *,
        backoff: Sequence[float] = BACKOFF,
        connected: Callable[[], object] | None = None,
    ) -> None:
        self.database = database
        self.deliver = deliver
        self.backoff = tuple(backoff)
        self.connected = connected
        self._stop = threading.Event()
        self._wake_read, self._wake_write = socket.socketpair()  # stop() wakes the waiting thread
        self._thread: threading.Thread | None = None
        self._conn: Any = None  # the psycopg connection, while there is one
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a listener starts once")
        self._thread = threading.Thread(target=self._run, name="salesdesk-change-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening: the thread wakes at once, closes its connection and ends."""
        self._stop.set()
        try:
            self._wake_write.send(b"x")
        except OSError:  # stopped before
            pass
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        for end in (self._wake_read, self._wake_write):
            end.close()

    def _run(self) -> None:
        attempt = 0
        heard_before = False
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception as exc:  # the server is away: try again after a pause
                delay = self.backoff[min(attempt, len(self.backoff) - 1)]
                attempt += 1
                log.warning("cannot listen for other seats' changes (%s); again in %.1f s", type(exc).__name__, delay)
                self._stop.wait(delay)
                continue
            attempt = 0
            try:
                if heard_before:  # what the other seats did while this one was away is unknown
                    self._hand_over((EVERYTHING,))
                heard_before = True
                if self.connected is not None:
                    self.connected()
                self._listen(conn)
            except Exception as exc:  # connection lost (server restarted, backend terminated)
                if not self._stop.is_set():
                    log.warning("lost the connection that hears other seats (%s); reconnecting", type(exc).__name__)
                    self._stop.wait(self.backoff[0])
            finally:
                self._close()

    def _connect(self) -> Any:
        """A connection of the listener's own, made the way the engine makes its connections (so a
        password from the keyring or ~/.pgpass, sslmode and certificates apply), taken out of the
        pool for good and switched to autocommit (a notification arrives outside transactions)."""
        pooled = self.database.engine.raw_connection()
        conn = pooled.driver_connection
        pooled.detach()
        if conn is None:
            raise RuntimeError("no driver connection")
        try:
            conn.rollback()
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            conn.close()
            raise
        with self._lock:
            self._conn = conn
        return conn

    def _listen(self, conn: Any) -> None:
        own = self.database.seat
        while not self._stop.is_set():
            ready, _, _ = select.select([conn.fileno(), self._wake_read], [], [], ALIVE_CHECK_SECONDS)
            if self._stop.is_set():
                return
            if not ready:
                conn.execute("SELECT 1")  # raises if the server went away without a word
                continue
            for notice in conn.notifies(timeout=0):
                records = decode(notice.payload, own)
                if records:
                    self._hand_over(records)

    def _hand_over(self, records: tuple[Change, ...]) -> None:
        try:
            self.deliver(records)
        except Exception:  # the receiver's bug must not end the listening
            log.exception("delivering other seats' changes failed")

    def _close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already gone
                log.debug("closing the listening connection failed", exc_info=True)
