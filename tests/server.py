"""The suite's second database: a PostgreSQL server named by ``SALESDESK_TEST_DB``.

Without the variable the suite runs on SQLite files, as it always did. With it (CI starts a
throwaway cluster with ``tools/pg_test_cluster.sh``), every test that opens a base through the
shared fixtures gets a database of its own on that server, at this program's schema with nothing
in it but what the migrations put there. Tests about SQLite files say so with
``@pytest.mark.sqlite_only``; tests that need a server (advisory locks, LISTEN/NOTIFY, moving a base
up) with ``@pytest.mark.postgres_only``.

Copying a template database takes the server ~0.4 s, longer than most tests; so a used database is
emptied instead (TRUNCATE … RESTART IDENTITY, the migrations' own rows put back) and handed to the
next test. One a test changed the schema of is dropped.
"""

from __future__ import annotations

import itertools
import os
import threading
from typing import Any

from sqlalchemy import MetaData, Table, create_engine, insert, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool

URL = os.environ.get("SALESDESK_TEST_DB", "")
ON_POSTGRES = URL.startswith("postgresql")


class Server:
    """Makes, empties and drops the per-test databases on the test server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self._admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._prefix = f"sd{os.getpid()}"
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._template: str | None = None
        self._shape: tuple[str | None, frozenset[str]] | None = None
        self._seed: dict[str, list[dict[str, Any]]] = {}
        self._free: list[str] = []
        self._tables: list[Table] = []

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(sql))

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _new_name(self) -> str:
        with self._lock:
            return f"{self._prefix}_{next(self._numbers)}"

    def empty(self) -> str:
        """A new, empty database (no tables): what an administrator hands over."""
        name = self._new_name()
        self._execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return self.url_of(name)

    def migrated(self) -> str:
        """A database at this program's schema holding only what the migrations put there."""
        with self._lock:
            if self._template is None:
                self._make_template()
            name = self._free.pop() if self._free else None
        if name is None:
            name = self._new_name()
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        return self.url_of(name)

    def _make_template(self) -> None:
        from salesdesk.store import open_database

        name = f"{self._prefix}_template"
        self._execute(f'DROP DATABASE IF EXISTS "{name}"')
        self._execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        open_database(self.url_of(name)).dispose()
        engine = create_engine(self.url_of(name), poolclass=NullPool)
        with engine.connect() as conn:
            self._shape = _shape(conn)
            metadata = MetaData()
            metadata.reflect(conn)
            self._tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
            for table in self._tables:
                rows = [dict(r._mapping) for r in conn.execute(select(table))]
                if rows:
                    self._seed[table.name] = rows
        engine.dispose()
        self._template = name

    def drop(self, url: str) -> None:
        """Done with a database: emptied for the next test, or dropped if its schema was changed."""
        name = make_url(url).database
        if not name or not name.startswith(self._prefix):
            return
        if self._template is not None and self._reset(name):
            with self._lock:
                self._free.append(name)
            return
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _reset(self, name: str) -> bool:
        with self._admin.connect() as conn:
            # A connection the test left open (a window's engine) would hold the tables.
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
        engine = create_engine(self.url_of(name), poolclass=NullPool)
        try:
            with engine.begin() as conn:
                if _shape(conn) != self._shape:
                    return False
                names = ", ".join(f'"{t.name}"' for t in self._tables)
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
                for table in self._tables:
                    rows = self._seed.get(table.name)
                    if rows:
                        conn.execute(insert(table), rows)
                        _advance_sequence(conn, table)
            return True
        except Exception:  # noqa: BLE001 - a database that cannot be emptied is dropped instead
            return False
        finally:
            engine.dispose()

    def drop_all(self) -> None:
        with self._admin.connect() as conn:
            names = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"{self._prefix}\\_%"}
            ).scalars()
            for name in list(names):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()


def _shape(conn: Any) -> tuple[str | None, frozenset[str]]:
    """The revision and every table, index, sequence, trigger and function: what a test must not have
    changed (a trigger left behind would refuse the next test's writes)."""
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    names = conn.execute(
        text(
            "SELECT c.relkind::text || ':' || c.relname FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
        )
    ).scalars()
    made = conn.execute(
        text(
            "SELECT 't:' || tgname FROM pg_trigger WHERE NOT tgisinternal"
            " UNION ALL SELECT 'f:' || p.proname FROM pg_proc p"
            " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
        )
    ).scalars()
    return revision, frozenset(names) | frozenset(made)


def _advance_sequence(conn: Any, table: Table) -> None:
    if "id" in table.c:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'),"
                f' (SELECT max(id) FROM "{table.name}"))'
            )
        )


_server: Server | None = None


def server() -> Server:
    global _server
    if _server is None:
        _server = Server(URL)
    return _server


def shutdown() -> None:
    if _server is not None:
        _server.drop_all()
