"""The suite's second database: a PostgreSQL server named by ``SALESDESK_TEST_DB``.

Without the variable the suite runs on SQLite files, as it always did. With it (CI starts a
throwaway cluster with ``tools/pg_test_cluster.sh``), every test that opens a base through the
shared fixtures gets a database of its own on that server, copied from a migrated template, and is
dropped afterwards. Tests about SQLite files say so with ``@pytest.mark.sqlite_only``; tests that
need a server (advisory locks, LISTEN/NOTIFY, moving a base up) with ``@pytest.mark.postgres_only``.
"""

from __future__ import annotations

import itertools
import os
import threading

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

URL = os.environ.get("SALESDESK_TEST_DB", "")
ON_POSTGRES = URL.startswith("postgresql")


class Server:
    """Makes and drops the per-test databases on the test server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self._admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=None)
        self._prefix = f"sd{os.getpid()}"
        self._numbers = itertools.count(1)
        self._template: str | None = None
        self._lock = threading.Lock()

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(sql))

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def empty(self) -> str:
        """A new, empty database (no tables): what an administrator hands over."""
        with self._lock:
            name = f"{self._prefix}_{next(self._numbers)}"
        self._execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return self.url_of(name)

    def migrated(self) -> str:
        """A new database at this program's schema, copied from a template migrated once per run."""
        with self._lock:
            if self._template is None:
                from salesdesk.store import open_database

                name = f"{self._prefix}_template"
                self._execute(f'DROP DATABASE IF EXISTS "{name}"')
                self._execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
                open_database(self.url_of(name)).dispose()
                self._template = name
            name = f"{self._prefix}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        return self.url_of(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        if name and name.startswith(self._prefix):
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_all(self) -> None:
        with self._admin.connect() as conn:
            names = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"{self._prefix}\\_%"}
            ).scalars()
            for name in list(names):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()


_server: Server | None = None


def server() -> Server:
    global _server
    if _server is None:
        _server = Server(URL)
    return _server


def shutdown() -> None:
    if _server is not None:
        _server.drop_all()
