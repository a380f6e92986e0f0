"""What a base holds, read the same way on either database: for tests that check a failed action
left the base as it was (SQLite's ``iterdump`` exists only for a file)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, select

from salesdesk.store import Database


def contents(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in a stable order (by all columns as text)."""
    metadata = MetaData()
    with database.engine.connect() as conn:
        metadata.reflect(conn)
        return {
            name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
            for name, table in sorted(metadata.tables.items())
        }


def assert_search_index_whole(conn: Any) -> None:
    """SQLite's full-text index agrees with its table (FTS5's own check raises otherwise). On a
    server the search columns and indexes are PostgreSQL's own, kept in step by each transaction:
    there is nothing of ours to check."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 1)")
