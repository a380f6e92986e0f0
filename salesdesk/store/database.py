"""Opening a database: URL resolution, SQLite settings, migrations with a backup first.

``open_database`` is the single way into the store. It brings the schema to the newest revision
(Alembic), copying an existing SQLite file aside before it changes anything, and refuses files
that are not ours or were written by a newer program, with a message a person can act on.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration; a test checks it against the migration scripts. Comparing with this
# constant lets a normal start skip loading Alembic at all.
HEAD_REVISION = "0018_live_list_covering"
BUSY_TIMEOUT_MS = 10_000
# PRAGMA application_id of a SalesDesk base ("SDsk"): a base is recognised before anything is written
# to it. Bases made before it was set are recognised by their Alembic revision and tables.
APPLICATION_ID = 0x5344736B
# Tables of every SalesDesk revision; an old base without application_id has all of them.
SALESDESK_TABLES = frozenset({"clients", "contacts", "industries", "managers", "reminders", "alembic_version"})
QUICK_CHECK_SECONDS = 3.0
# The advisory lock seats on one server take while they upgrade its schema (the same "SDsk").
MIGRATION_LOCK_KEY = APPLICATION_ID
# Connection option that makes the "begin" event take the write lock at once (BEGIN IMMEDIATE).
WRITE_OPTION = "salesdesk_write"
# SQLite files SalesDesk makes are its owner's only (POSIX); -wal and -shm take the same mode.
PRIVATE_FILE_MODE = 0o600
# secure_delete on every connection that writes (issue 12, item 7): a deleted or changed row's old
# bytes, and whole pages freed (the search index's old segments), are overwritten with zeros. "FAST"
# (zeroing inside pages only) was measured and left old words in freed index pages at 2,000 clients.
# A benchmark sets "OFF", "FAST" or "ON" to compare (benchmarks/bench_erasure.py).
SECURE_DELETE = "ON"


def resolve_url(value: str | Path) -> str:
    """A SQLAlchemy URL from what a user gives: a URL as is, anything else is a SQLite file path."""
    text_value = str(value)
    if "://" in text_value:
        from salesdesk.store.servers import normalised  # a password as ?password= goes to its place

        return normalised(text_value)
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

    def __init__(self, engine: Engine, *, damage: str | None = None, path: Path | None = None) -> None:
        self.engine = engine
        self._path = path
        # What SQLite's quick check said about a damaged base (then it is open read-only), else None.
        self.damage = damage
        # This opening's id among the seats of a server base: its own change notices are not news to
        # it (store/notify.py).
        self.seat = uuid.uuid4().hex[:16]

    @property
    def read_only(self) -> bool:
        return self.damage is not None

    @property
    def url(self) -> str:
        if self._path is not None:
            return "sqlite:///" + str(self._path)
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def damage_summary(self) -> str | None:
        """The first lines of what SQLite's check found (for a notice; ``check`` prints it all)."""
        if self.damage is None:
            return None
        lines = [line.strip() for line in self.damage.splitlines() if line.strip() and not line.startswith("***")]
        return "; ".join(lines[:3]) + ("; …" if len(lines) > 3 else "")

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if self._path is not None:
            return self._path
        if self.is_sqlite and self.engine.url.database not in (None, "", ":memory:"):
            return Path(str(self.engine.url.database))
        return None

    def has_tables(self) -> bool:
        """Whether the database holds any table (a new server database holds none)."""
        with self.engine.connect() as conn:
            return bool(inspect(conn).get_table_names())

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    def check(self) -> CheckReport:
        """Integrity of the file (SQLite) and whether the schema is at this program's revision.

        A damaged file gives SQLite's own words as ``integrity``, never an exception."""
        with self.engine.connect() as conn:
            if self.is_sqlite:
                try:
                    rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                except DBAPIError as exc:
                    rows = [self.damage or str(exc.orig)]
                integrity = "ok" if rows == ["ok"] else "; ".join(str(r) for r in rows[:20])
            else:
                integrity = "ok"
            try:
                revision = _current_revision(conn)
            except DBAPIError:
                revision = None
            return CheckReport(integrity, revision, HEAD_REVISION)

    def dispose(self) -> None:
        self.engine.dispose()


# Called with the base and its revision before a schema upgrade changes it: takes a copy.
BeforeUpgrade = Callable[["Database", str], object]


def open_database(
    url: str, *, migrate: bool = True, before_upgrade: BeforeUpgrade | None = None, create: bool = True
) -> Database:
    """Open (and create or upgrade) the database at *url*.

    Before an upgrade changes an existing base, ``before_upgrade(database, revision)`` copies it
    (the window and the command line pass the services' rotating backup, which dumps a server base
    with ``pg_dump`` when it can); without one a SQLite file is copied to a ``backups`` folder beside
    it and a server base is not copied.

    A SQLite file is identified before anything is written to it: a file that is not a SalesDesk
    base stays byte for byte as it was. With ``create=False`` a missing file is an error naming it.
    A base that fails SQLite's quick check is opened read-only (``Database.damage`` says why).
    """
    path = sqlite_path(url)
    damage: str | None = None
    if path is not None:
        created = _prepare_file(path, create=create)
        try:
            kind, damage = identify(path)
        except sqlite3.Error as exc:
            raise store_error(exc, str(path)) from exc
        if kind == "foreign":
            raise StoreError(msg("err.db_not_salesdesk", where=path))
        if kind.startswith("newer:"):
            raise StoreError(msg("err.db_newer", where=path, revision=kind.removeprefix("newer:")))
        if created:
            log.info("created a new base")
    engine = _make_engine(url, read_only=damage is not None)
    database = Database(engine, damage=damage, path=path)
    try:
        if damage is not None:
            log.warning("the base failed SQLite's quick check; opened read-only")
        elif migrate:
            upgrade(database, before_upgrade)
        else:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        engine.dispose()
        raise _open_error(url, exc) from exc
    except Exception:
        engine.dispose()
        raise
    return database


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, None for a server database or an in-memory one."""
    if not url.startswith("sqlite"):
        return None
    database = url.split("///", 1)[-1] if "///" in url else ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _prepare_file(path: Path, *, create: bool) -> bool:
    """Make sure *path* may be opened: refuse a missing file (unless creating) and a folder in its
    way; a new file is created empty and private before SQLite sees it. True if it was created."""
    if path.is_dir():
        raise StoreError(msg("err.db_is_folder", where=path))
    if path.exists():
        return False
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise StoreError(msg("err.db_parent_not_folder", where=path, parent=parent))
            break
    if not create:
        raise StoreError(msg("err.db_missing", where=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        os.close(fd)
    except OSError as exc:
        raise StoreError(msg("err.db_create", where=path, reason=exc.strerror or exc)) from exc
    return True


def identify(path: Path, *, check: bool = True) -> tuple[str, str | None]:
    """What the SQLite file at *path* is, read without writing a byte, and its damage if any.

    Kinds: "new" (empty, ours to set up), "salesdesk", "foreign", "newer:<revision>". The damage is
    what PRAGMA quick_check reports (bounded in time), None for a healthy file (or unchecked: *check*
    False, for a caller that runs its own check).
    """
    if path.stat().st_size == 0:
        return "new", None
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "foreign", None
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        return "foreign", None
    conn = _read_only_connection(path, wal=header[18] == 2)
    try:
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision: str | None = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
        kind = _kind(application_id, tables, revision)
        damage = _quick_check(conn) if kind == "salesdesk" and check else None
    finally:
        conn.close()
    return kind, damage


def _kind(application_id: int, tables: set[str], revision: str | None) -> str:
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if application_id == 0 and not user_tables:
        return "new"
    ours = application_id == APPLICATION_ID or SALESDESK_TABLES <= user_tables
    if not ours:
        return "foreign"
    if revision is None:
        return "foreign" if application_id == 0 else "new"
    if revision != HEAD_REVISION and revision not in _known_revisions():
        return f"newer:{revision}"
    return "salesdesk"


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # loaded only for a base at another revision

    return {r.revision for r in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def _read_only_connection(path: Path, *, wal: bool) -> sqlite3.Connection:
    """A connection that cannot change the file or leave anything beside it.

    A WAL file without a -wal beside it is complete in itself: read as immutable (no -shm is made).
    With a -wal (a program has it open, or was killed) a read-only connection needs the -shm; if it
    cannot have it, a plain connection only reads (those files exist already)."""
    uri = path.resolve().as_uri()
    timeout = BUSY_TIMEOUT_MS / 1000
    if wal and not Path(f"{path}-wal").exists():
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout)
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if not wal:
            raise
    return sqlite3.connect(path, timeout=timeout)


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """SQLite's quick check within a few seconds; a check cut short counts as healthy."""
    deadline = time.monotonic() + QUICK_CHECK_SECONDS
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)").fetchall()]
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorname == "SQLITE_INTERRUPT":
            log.warning("quick check cut short after %s s", QUICK_CHECK_SECONDS)
            return None
        raise
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.set_progress_handler(None, 0)
    return None if rows == ["ok"] else "; ".join(rows)


def _open_error(url: str, exc: DBAPIError) -> StoreError:
    if isinstance(exc.orig, sqlite3.Error):
        return store_error(exc.orig, _where(url))
    from salesdesk.store.servers import connection_error  # a server: its SQLSTATE, no password shown

    return connection_error(url, exc)


# SQLite's primary result codes (the low byte of an extended code) a person can act on.
_CODE_MESSAGES = {
    5: "err.db_busy",  # SQLITE_BUSY
    6: "err.db_busy",  # SQLITE_LOCKED
    8: "err.db_read_only",  # SQLITE_READONLY
    10: "err.db_io",  # SQLITE_IOERR
    11: "err.db_corrupt_page",  # SQLITE_CORRUPT: met while reading as often as writing, so says neither
    13: "err.disk_full",  # SQLITE_FULL
    14: "err.db_cant_open",  # SQLITE_CANTOPEN
    18: "err.db_too_big",  # SQLITE_TOOBIG
    26: "err.db_not_salesdesk",  # SQLITE_NOTADB
}


def error_key(exc: BaseException) -> str | None:
    """The message key for a SQLite error a person can act on, by its error code; None for a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    return _CODE_MESSAGES.get(code & 0xFF)


def store_error(exc: BaseException, where: str | Path = "") -> StoreError:
    """A ``StoreError`` for a SQLite error, classified by SQLite's error code (never its wording)."""
    key = error_key(exc)
    name = getattr(exc, "sqlite_errorname", type(exc).__name__)
    if key is None:
        return StoreError(msg("err.db_open", where=where, reason=name))
    log.warning("database error %s", name)
    return StoreError(msg(key, where=where, code=name))


def _where(url: str) -> str:
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def _make_engine(url: str, *, read_only: bool = False) -> Engine:
    # hide_parameters: a failed statement is logged without the values (names, INNs, phones).
    if url.startswith("sqlite"):
        connect_args: dict[str, Any] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        path = sqlite_path(url)
        if read_only and path is not None:
            url = f"sqlite:///{path.resolve().as_uri()}?mode=ro&uri=true"
        # The default pool keeps a few connections open (each keeps its page cache warm);
        # worker threads take their own, so check_same_thread can be relaxed safely.
        engine = create_engine(url, connect_args=connect_args, hide_parameters=True)
        _configure_sqlite(engine, read_only=read_only)
        return engine
    from salesdesk.store import servers

    return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args=servers.connect_args(url))


def _configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (SAVEPOINTs and
        # DDL inside transactions need this; see the SQLAlchemy pysqlite notes).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            # A changed or deleted row's old bytes are overwritten with zeros, not left readable in
            # the page's free space (personal data; docs/personal_data.md has the measured cost).
            cursor.execute(f"PRAGMA secure_delete = {SECURE_DELETE}")
        cursor.execute("PRAGMA cache_size = -32000")  # 32 MB page cache per connection
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A unit of work that writes takes the write lock at once, waiting up to the busy timeout;
        # a deferred BEGIN that reads first and upgrades later gets SQLITE_BUSY without waiting.
        writes = bool(conn.get_execution_options().get(WRITE_OPTION, False))
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _current_revision(conn: Any) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


def _has_user_tables(conn: Any) -> bool:
    return any(name != "alembic_version" for name in inspect(conn).get_table_names())


@contextmanager
def _migration_lock(database: Database) -> Iterator[None]:
    """On a server, one seat at a time looks at and upgrades the schema: the others wait here and
    then find it done (a session-level advisory lock, let go when the connection closes, so a seat
    killed mid-upgrade cannot keep the rest out). SQLite's own write lock serialises its upgrades."""
    if database.engine.dialect.name != "postgresql":
        yield
        return
    with database.engine.connect() as conn:
        # however long another seat's upgrade takes (a big base's index: many seconds), not lock_timeout
        conn.exec_driver_sql("SET lock_timeout = 0")
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
            conn.exec_driver_sql("RESET lock_timeout")
            conn.commit()


def upgrade(database: Database, before_upgrade: BeforeUpgrade | None = None) -> None:
    """Bring the schema to this program's revision, copying the file first (see ``open_database``)."""
    with _migration_lock(database):
        _upgrade(database, before_upgrade)


def _upgrade(database: Database, before_upgrade: BeforeUpgrade | None) -> None:
    with database.engine.connect() as conn:
        revision = _current_revision(conn)
        populated = _has_user_tables(conn)
    if revision == HEAD_REVISION:
        _stamp_application_id(database)
        return
    if revision is None and populated:
        raise StoreError(msg("err.db_not_salesdesk", where=database.url))
    from alembic.script import ScriptDirectory  # imported only when there is work to do

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    if revision is not None and revision not in {r.revision for r in script.walk_revisions()}:
        raise StoreError(msg("err.db_newer", where=database.url, revision=revision))
    if revision is not None and (before_upgrade is not None or database.path is not None):
        (before_upgrade or _copy_beside)(database, revision)
        log.info("copied the base before upgrading it from %s", revision)
    _run_upgrade(database)


def _copy_beside(database: Database, revision: str) -> None:
    from salesdesk.domain.backups import backup_file_name
    from salesdesk.store.backup import copy_base

    path = database.path
    assert path is not None

    folder = path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    copy_base(path, folder / backup_file_name(path.stem, datetime.now(), "upgrade"))


def _run_upgrade(database: Database) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    _stamp_application_id(database)


def _stamp_application_id(database: Database) -> None:
    """Mark a SalesDesk base as ours (once), so it is recognised before anything is written."""
    if not database.is_sqlite:
        return
    with database.engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.commit()


def disk_usage_ok(path: Path, needed: int) -> bool:
    """Whether *needed* bytes fit next to *path* (used before copying a big file)."""
    return shutil.disk_usage(path.parent).free > needed
