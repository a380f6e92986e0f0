"""Copies of the SQLite file: taken online, checked, and put back in place of the base.

* :func:`copy_base` uses SQLite's online backup API in one step: it reads one consistent snapshot
  (a WAL reader), so a program writing meanwhile neither waits nor tears the copy. The copy is
  written to a private temporary file beside the target, switched to a rollback journal (a single
  self-contained file), flushed to the disk and only then given its name.
* :func:`inspect_copy` says whether a file is a SalesDesk base whose every page SQLite's
  ``integrity_check`` accepts, and how many clients it holds. It only reads.
* :func:`replace_base` puts a checked copy in place of the base: it makes sure no other connection
  has the base open, writes the copy next to it, ``fsync``, ``os.replace`` (atomic: the old base or
  the new one, never half of each), removes the old base's ``-wal``/``-shm`` (they would be replayed
  into the new one) and leaves the engine to open the new file on its next connection.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.store.database import (
    BUSY_TIMEOUT_MS,
    PRIVATE_FILE_MODE,
    Database,
    _read_only_connection,
    identify,
    store_error,
)

log = logging.getLogger(__name__)

# How long a restore waits for another connection to let go of the base before saying it is in use.
RESTORE_WAIT_S = 2.0


@dataclass(frozen=True, slots=True)
class CopyCheck:
    """What :func:`inspect_copy` found: ``ok`` only for a SalesDesk base SQLite finds intact."""

    ok: bool
    clients: int | None
    revision: str | None
    # "foreign", "newer:<revision>", "empty", "missing", "folder", "unreadable", or SQLite's words
    problem: str | None


def _private_temporary(target: Path) -> Path:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)  # private before any data
    os.close(fd)
    return temporary


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    with contextlib.suppress(OSError):
        _fsync(folder)


def _backup_into(src: sqlite3.Connection, temporary: Path, *, pages: int = -1) -> None:
    """SQLite's backup of *src* into the new file *temporary*, flushed to the disk.

    The temporary file is written without a journal and without syncs of its own (if the program
    dies it is a temporary file; it is fsynced once at the end), which makes the copy as fast as a
    bare ``.backup``. Page 1 is copied as it is, WAL flags included: they are set back to a rollback
    journal (header bytes 18-19 = 1), so the copy is one file that opens read-only on its own."""
    dest = sqlite3.connect(temporary)
    try:
        dest.execute("PRAGMA journal_mode = OFF")
        dest.execute("PRAGMA synchronous = OFF")
        src.backup(dest, pages=pages)
    finally:
        dest.close()
    with open(temporary, "r+b") as handle:
        handle.seek(18)
        if handle.read(2) == b"\x02\x02":
            handle.seek(18)
            handle.write(b"\x01\x01")
        handle.flush()
        os.fsync(handle.fileno())


def copy_base(source: Path, target: Path, *, pages: int = -1) -> None:
    """Copy the base at *source* to *target* (which must not exist) through the online backup API."""
    temporary = _private_temporary(target)
    try:
        src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            _backup_into(src, temporary, pages=pages)
        finally:
            src.close()
        if target.exists():
            raise FileExistsError(target)
        os.replace(temporary, target)
        _fsync_folder(target.parent)
    except sqlite3.Error as exc:
        temporary.unlink(missing_ok=True)
        raise store_error(exc, source) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def copy_raw(source: Path, target: Path) -> None:
    """Copy a damaged base byte for byte (with its -wal): SQLite may not read all of it, so the
    backup API could fail; what it holds is kept as it is."""
    temporary = _private_temporary(target)
    try:
        shutil.copyfile(source, temporary)
        wal = Path(f"{source}-wal")
        if wal.exists():
            wal_copy = Path(f"{target}-wal")
            os.close(os.open(wal_copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE))
            shutil.copyfile(wal, wal_copy)
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync_folder(target.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def inspect_copy(path: Path, *, thorough: bool = True) -> CopyCheck:
    """Whether *path* is an intact SalesDesk base, and how many clients (not in the trash) it holds.

    *thorough* runs ``PRAGMA integrity_check``; otherwise ``quick_check`` (every page, record and
    constraint, but not whether each index matches its table: about a quarter of the time). A copy
    just written gets the quick check (the 2x target of a daily copy); a copy offered for a restore
    and the list of copies get the full one. Reads only; never raises for a file that is not a base,
    is damaged or cannot be read."""
    try:
        if path.is_dir():
            return CopyCheck(False, None, None, "folder")
        if path.stat().st_size == 0:
            return CopyCheck(False, None, None, "empty")
        kind, _damage = identify(path, check=False)  # checked below, once
    except FileNotFoundError:
        return CopyCheck(False, None, None, "missing")
    except OSError:
        return CopyCheck(False, None, None, "unreadable")
    except sqlite3.Error as exc:
        return CopyCheck(False, None, None, str(exc))
    if kind != "salesdesk":
        return CopyCheck(False, None, None, kind)
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        conn = _read_only_connection(path, wal=header[18] == 2)
        try:
            check = "integrity_check" if thorough else "quick_check"
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {check}(20)").fetchall()]
            revision_row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if revision_row is None else str(revision_row[0])
            if rows != ["ok"]:
                return CopyCheck(False, None, revision, "; ".join(rows))
            clients = int(conn.execute("SELECT count(*) FROM clients WHERE deleted_at IS NULL").fetchone()[0])
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        return CopyCheck(False, None, None, str(exc))
    return CopyCheck(True, clients, revision, None)


def replace_base(database: Database, source: Path) -> None:
    """Put the base copy *source* in place of *database*'s file, atomically.

    The caller has checked *source* (:func:`inspect_copy`) and taken a copy of the current base.
    Raises ``StoreError`` when another program has the base open (nothing is changed then)."""
    path = database.path
    if path is None:
        raise StoreError(msg("err.backup_not_sqlite"))
    temporary = _private_temporary(path)
    try:
        with open(source, "rb") as handle:
            wal = handle.read(100)[18:19] == b"\x02"
        src = _read_only_connection(source, wal=wal)
        try:
            _backup_into(src, temporary)
        finally:
            src.close()
        database.engine.dispose()  # our own pooled connections let go of the old file
        _swap(path, temporary, damaged=database.damage is not None)
    except sqlite3.Error as exc:
        raise store_error(exc, path) from exc
    finally:
        temporary.unlink(missing_ok=True)
    log.info("restored the base from a backup")


def _swap(path: Path, temporary: Path, *, damaged: bool) -> None:
    """Replace *path* by *temporary* while holding the base so no one else can be using it."""
    conn = sqlite3.connect(path, timeout=RESTORE_WAIT_S, isolation_level=None)
    try:
        try:
            # Leaving WAL needs the only connection to the base: the test that no one else has it
            # open (another seat, the command line). It also folds the -wal into the file.
            mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
            if mode != "delete":
                raise StoreError(msg("err.backup_base_in_use", where=path))
            conn.execute("BEGIN EXCLUSIVE")  # and nobody may open it until it is replaced
        except sqlite3.Error as exc:
            if exc.sqlite_errorcode & 0xFF in (5, 6):  # BUSY, LOCKED: someone else has it open
                raise StoreError(msg("err.backup_base_in_use", where=path)) from exc
            if not damaged:
                raise
            # A damaged base may refuse even that; its copy was taken byte for byte before.
            log.warning("the damaged base could not be closed cleanly (%s)", exc.sqlite_errorname)
        if os.name == "posix":
            os.replace(temporary, path)
    finally:
        conn.close()
    if os.name != "posix":
        os.replace(temporary, path)  # Windows cannot replace a file that is open
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _fsync_folder(path.parent)


def start_rewrite(path: Path) -> Path:
    """A private working copy of the backup *path*, beside it (same disk: the replace is atomic),
    for the caller to open and change; :func:`finish_rewrite` puts it in place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.rewrite")
    discard_rewrite(temporary)
    copy_base(path, temporary)
    return temporary


def finish_rewrite(temporary: Path, path: Path) -> CopyCheck:
    """Put the changed working copy *temporary* in place of the backup *path* if it verifies.

    The copy goes back to a rollback journal (one self-contained file, no ``-wal`` left beside it),
    is checked with ``integrity_check``, made the owner's only, given *path*'s times (its date
    stays what it was) and replaces *path* atomically. When it does not verify or anything fails,
    it is removed and *path* is left untouched; the returned check says why."""
    try:
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
        finally:
            conn.close()
        if mode != "delete":
            discard_rewrite(temporary)
            return CopyCheck(False, None, None, "journal")
        check = inspect_copy(temporary)
        if not check.ok:
            discard_rewrite(temporary)
            return check
        before = path.stat()
        if os.name == "posix":
            os.chmod(temporary, PRIVATE_FILE_MODE)
        _fsync(temporary)
        os.utime(temporary, ns=(before.st_atime_ns, before.st_mtime_ns))
        os.replace(temporary, path)
        _fsync_folder(path.parent)
    except (OSError, sqlite3.Error) as exc:
        discard_rewrite(temporary)
        return CopyCheck(False, None, None, type(exc).__name__)
    return check


def discard_rewrite(temporary: Path) -> None:
    """Remove a working copy and whatever SQLite left beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)
