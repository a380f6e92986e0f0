"""Opening a database: URL resolution, SQLite settings, migrations with a backup first.

``open_database`` is the single way into the store. It brings the schema to the newest revision
(Alembic), copying an existing SQLite file aside before it changes anything, and refuses files
that are not ours or were written by a newer program, with a message a person can act on.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration; a test checks it against the migration scripts. Comparing with this
# constant lets a normal start skip loading Alembic at all.
HEAD_REVISION = "0003_search_punctuation"
BUSY_TIMEOUT_MS = 10_000


def resolve_url(value: str | Path) -> str:
    """A SQLAlchemy URL from what a user gives: a URL as is, anything else is a SQLite file path."""
    text_value = str(value)
    if "://" in text_value:
        return text_value
    return "sqlite:///" + str(Path(text_value).expanduser().resolve())


@dataclass(frozen=True)
class CheckReport:
    integrity: str
    revision: str | None
    head: str

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.revision == self.head


class Database:
    """An open database: its engine and where it lives. Create units of work from it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if self.is_sqlite and self.engine.url.database not in (None, "", ":memory:"):
            return Path(str(self.engine.url.database))
        return None

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    def check(self) -> CheckReport:
        """Integrity of the file (SQLite) and whether the schema is at this program's revision."""
        with self.engine.connect() as conn:
            if self.is_sqlite:
                rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                integrity = "ok" if rows == ["ok"] else "; ".join(str(r) for r in rows[:20])
            else:
                integrity = "ok"
            return CheckReport(integrity, _current_revision(conn), HEAD_REVISION)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True, backup_dir: Path | None = None) -> Database:
    """Open (and create or upgrade) the database at *url*."""
    engine = _make_engine(url)
    database = Database(engine)
    try:
        if migrate:
            _migrate(database, backup_dir)
        else:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        raise _open_error(url, exc) from exc
    except Exception:
        engine.dispose()
        raise
    return database


def _open_error(url: str, exc: Exception) -> StoreError:
    reason = str(getattr(exc, "orig", exc))
    where = _where(url)
    if "file is not a database" in reason or "file is encrypted" in reason:
        return StoreError(msg("err.db_not_salesdesk", where=where))
    if "database is locked" in reason:
        return StoreError(msg("err.db_busy"))
    if "disk is full" in reason or "database or disk is full" in reason:
        return StoreError(msg("err.disk_full", where=where))
    return StoreError(msg("err.db_open", where=where, reason=reason))


def _where(url: str) -> str:
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1] if "///" in url else ""
        if database and database != ":memory:":
            folder = Path(database).parent
            folder.mkdir(parents=True, exist_ok=True)
        # The default pool keeps a few connections open (each keeps its page cache warm);
        # worker threads take their own, so check_same_thread can be relaxed safely.
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (SAVEPOINTs and
        # DDL inside transactions need this; see the SQLAlchemy pysqlite notes).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA cache_size = -32000")  # 32 MB page cache per connection
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


def _current_revision(conn: Any) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


def _has_user_tables(conn: Any) -> bool:
    return any(name != "alembic_version" for name in inspect(conn).get_table_names())


def _migrate(database: Database, backup_dir: Path | None) -> None:
    with database.engine.connect() as conn:
        revision = _current_revision(conn)
        populated = _has_user_tables(conn)
    if revision == HEAD_REVISION:
        return
    if revision is None and populated:
        raise StoreError(msg("err.db_not_salesdesk", where=database.url))
    from alembic.script import ScriptDirectory  # imported only when there is work to do

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    if revision is not None and revision not in {r.revision for r in script.walk_revisions()}:
        raise StoreError(msg("err.db_newer", where=database.url, revision=revision))
    if revision is not None and database.path is not None:
        backup_sqlite(database, _backup_name(database.path, revision, backup_dir))
    _run_upgrade(database)


def _backup_name(path: Path, revision: str, backup_dir: Path | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir or path.parent
    return folder / f"{path.stem}.before-{revision}.{stamp}{path.suffix}"


def backup_sqlite(database: Database, target: Path) -> Path:
    """A consistent copy of the SQLite file (the backup API copes with WAL and open readers)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source_path = database.path
    assert source_path is not None
    source = sqlite3.connect(source_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    log.info("copied %s to %s before upgrading it", source_path, target)
    return target


def _run_upgrade(database: Database) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def disk_usage_ok(path: Path, needed: int) -> bool:
    """Whether *needed* bytes fit next to *path* (used before copying a big file)."""
    return shutil.disk_usage(path.parent).free > needed
