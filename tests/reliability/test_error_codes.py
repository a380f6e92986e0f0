"""SQLite errors a person can act on become clear messages, chosen by SQLite's error code.

Each case provokes the real error from SQLite (a read-only connection, a full file, a value over
the length limit, a held write lock), except an I/O error, which cannot be provoked portably.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event

from salesdesk.domain import messages
from salesdesk.domain.errors import StoreError
from salesdesk.domain.model import ClientFields, ManagerFields
from salesdesk.services import clients
from salesdesk.store import Database, UnitOfWork
from salesdesk.store.database import error_key, store_error


def _on_connect(database: Database, *pragmas: str, limit: tuple[int, int] | None = None) -> None:
    """Settings for the connections opened from now on (after the program's own)."""
    database.engine.dispose()

    @event.listens_for(database.engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)
        if limit is not None:
            dbapi_connection.setlimit(*limit)


@pytest.mark.sqlite_only  # SQLite's own errors, provoked through its PRAGMAs, limits and file lock
def test_a_read_only_base(database: Database) -> None:
    _on_connect(database, "PRAGMA query_only = 1")
    with pytest.raises(StoreError, match="is read-only"):
        clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»"))


@pytest.mark.sqlite_only  # SQLite's own errors, provoked through its PRAGMAs, limits and file lock
def test_a_full_disk(database: Database) -> None:
    with database.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    _on_connect(database, f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="Not enough disk space"):  # many rows, to fill it
        for n in range(500):
            clients.create_client(UnitOfWork(database), ClientFields(name=f"Клиент {n}", notes="x" * 2000))


@pytest.mark.sqlite_only  # SQLite's own errors, provoked through its PRAGMAs, limits and file lock
def test_a_value_too_big(database: Database) -> None:
    _on_connect(database, limit=(sqlite3.SQLITE_LIMIT_LENGTH, 5000))
    with pytest.raises(StoreError, match="too big for the database; nothing was saved"):
        clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»", notes="ж" * 4000))
    _on_connect(database)
    assert clients.count_clients(UnitOfWork(database)) == 0


@pytest.mark.sqlite_only  # SQLite's own errors, provoked through its PRAGMAs, limits and file lock
def test_a_busy_base_says_so_without_guessing_who(database: Database) -> None:
    _on_connect(database, "PRAGMA busy_timeout = 50")
    path = database.path
    assert path is not None
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as raised:
            clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "is busy" in str(raised.value) and "import" not in str(raised.value)


@pytest.mark.sqlite_only  # SQLite's own errors, provoked through its PRAGMAs, limits and file lock
def test_a_reading_unit_never_waits_for_a_writer(database: Database) -> None:
    clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»"))
    _on_connect(database, "PRAGMA busy_timeout = 50")
    path = database.path
    assert path is not None
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert clients.count_clients(UnitOfWork(database)) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_reading_unit_that_writes_is_a_bug_caught_at_once(database: Database) -> None:
    with pytest.raises(RuntimeError, match="marked reading"), UnitOfWork(database).reading() as uow:
        uow.managers.add(ManagerFields(name="Анна"), datetime.now(UTC))


def _error(code: int) -> sqlite3.Error:
    exc = sqlite3.OperationalError("some words SQLite might change")
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    exc.sqlite_errorname = "SQLITE_TEST"  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "key"),
    [
        (5, "err.db_busy"),
        (5 | 2 << 8, "err.db_busy"),
        (6, "err.db_busy"),
        (8, "err.db_read_only"),
        (10, "err.db_io"),
        (10 | 3 << 8, "err.db_io"),
        (11, "err.db_corrupt_page"),
        (13, "err.disk_full"),
        (14, "err.db_cant_open"),
        (18, "err.db_too_big"),
        (26, "err.db_not_salesdesk"),
        (1, None),
        (19, None),
    ],
)
def test_classification_is_by_code_not_by_wording(code: int, key: str | None) -> None:
    assert error_key(_error(code)) == key


@pytest.mark.parametrize(
    "key",
    [
        "err.db_busy",
        "err.db_read_only",
        "err.db_io",
        "err.db_corrupt_page",
        "err.disk_full",
        "err.db_cant_open",
        "err.db_too_big",
        "err.db_not_salesdesk",
    ],
)
def test_every_message_reads_in_both_languages(key: str, lang: None) -> None:
    code = {
        "err.db_busy": 5,
        "err.db_read_only": 8,
        "err.db_io": 10,
        "err.db_corrupt_page": 11,
        "err.disk_full": 13,
        "err.db_cant_open": 14,
        "err.db_too_big": 18,
        "err.db_not_salesdesk": 26,
    }[key]
    error = store_error(_error(code), "/data/base.sqlite")
    assert error.message.key == key
    for language in messages.LANGUAGES:
        messages.set_language(language)
        text = str(error)
        assert text and "{" not in text and "SQLITE" not in text
