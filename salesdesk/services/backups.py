"""Backups of the base: taken, checked, rotated, listed and restored (the window, the command line and
other services use these functions alike).

When copies are taken: at the first start of each day (:func:`daily_backup`, on a worker), before a
schema upgrade (:func:`before_upgrade`, the hook ``open_database`` calls), before a restore (inside
:func:`restore_backup`), before the trash is emptied and on demand (:func:`take_backup`). Each copy is
made with SQLite's online backup API, checked at once (``integrity_check`` and a count of clients;
a copy that fails is removed and the caller gets a ``StoreError``), named with the date and time
(``domain/backups.py``), the owner's only, and then the folder is rotated (the newest copy of each
of the last 7 days, 4 weeks and 12 months by default; ``settings.py`` holds the numbers and the
folder).

A backup needs nothing of the unit of work but its database: :func:`take_backup` opens no
transaction, and the writers of other seats go on while it copies.

A base on a PostgreSQL server is copied by the server's own ``pg_dump`` (``store/server_backup.py``)
into the same folder, with the same names (``.pgdump``) and the same rotation, when this computer has
one of the server's version or newer. Without one, the server's administrator keeps the backups: an
asked-for copy says so (``err.backup_server_keeps``), the daily and before-upgrade copies are simply
not taken. Such a copy is put back by the administrator (``pg_restore`` into a new, empty database
the seats then connect to): the program refuses to restore over a shared base that other seats are
using (``err.backup_server_restore`` says what to do).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from salesdesk import paths
from salesdesk.domain.audit import Actor
from salesdesk.domain.backups import (
    DUMP_SUFFIX,
    SUFFIX,
    BackupRefused,
    Retention,
    backup_file_name,
    parse_backup_name,
    to_keep,
)
from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.services import permissions
from salesdesk.settings import KEY_KEEP_DAILY, KEY_KEEP_MONTHLY, KEY_KEEP_WEEKLY, SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url, server_backup
from salesdesk.store.backup import CopyCheck, copy_base, copy_raw, inspect_copy, replace_base
from salesdesk.store.database import upgrade

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One copy: where, when (local time, from its name), why, how big, how many clients, whether
    SQLite finds it intact (``ok``; ``problem`` says why not)."""

    path: Path
    created: datetime
    reason: str
    bytes: int
    clients: int | None
    ok: bool
    problem: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "created": self.created.isoformat(timespec="seconds"),
            "bytes": self.bytes,
            "clients": self.clients,
            "ok": self.ok,
        }


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored: BackupInfo  # the copy put in place of the base
    safety: BackupInfo  # the copy of the base as it was, taken first

    def as_json(self) -> dict[str, Any]:
        return {
            "restored": str(self.restored.path),
            "safety_copy": str(self.safety.path),
            "clients": self.restored.clients,
        }


def backup_folder(settings: SeatSettings | None = None) -> Path:
    return (settings or SeatSettings()).backup_folder


def retention(settings: SeatSettings | None = None) -> Retention:
    seat = settings or SeatSettings()
    return Retention(seat.keep(KEY_KEEP_DAILY), seat.keep(KEY_KEEP_WEEKLY), seat.keep(KEY_KEEP_MONTHLY))


def take_backup(
    uow: UnitOfWork,
    reason: str = "manual",
    *,
    dest: Path | None = None,
    now: datetime | None = None,
    settings: SeatSettings | None = None,
) -> BackupInfo:
    """Copy the base now, check the copy, rotate the backup folder; returns the copy.

    *reason* is one of ``domain.backups.REASONS`` ("manual", "daily", "trash", …). With *dest* (a
    folder, or a new file) the copy goes there and is not rotated. A damaged base is copied byte for
    byte (reason "damaged"; the copy does not verify). Raises ``StoreError`` when the copy cannot be
    written or fails its check (nothing is left behind then), ``BackupRefused`` for a *dest* file
    that exists. A server base without a ``pg_dump`` to copy it: ``StoreError`` saying that the
    server's administrator keeps its backups. A manual copy of a server base is a copy of the whole
    shared base: ``NotAllowed`` unless the seat's manager may export the whole base."""
    database = uow.database
    if database.path is None:
        if reason == "manual":
            with uow.reading():
                permissions.require_export_all(uow)
        return _take_dump(database, _dump_tool(database), reason, dest=dest, now=now, settings=settings)
    return _take(database.path, reason, damaged=database.damage is not None, dest=dest, now=now, settings=settings)


def before_upgrade(database: Database, revision: str) -> None:
    """The copy ``open_database`` takes before a schema upgrade changes the base (its hook). A server
    base without a ``pg_dump`` here is upgraded without one: its administrator keeps its backups."""
    del revision  # the copy's name says "upgrade"; the revision is in the copy itself
    if database.path is not None:
        _take(database.path, "upgrade", damaged=False)
        return
    if not _may_dump(UnitOfWork(database, actor=Actor(SeatSettings().current_manager_id)), upgrading=True):
        return
    tool = _dump_tool(database, quiet=True)
    if tool is not None:
        _take_dump(database, tool, "upgrade")


def daily_backup(
    uow: UnitOfWork, *, now: datetime | None = None, settings: SeatSettings | None = None
) -> BackupInfo | None:
    """The first start of a day takes a copy; None when the folder holds one of today already, or
    when a server base has no ``pg_dump`` here (its administrator keeps its backups), or when this
    seat's manager may not export the whole server base (the seats that may keep its copies)."""
    when = now or datetime.now()
    if uow.database.path is None and not _may_dump(uow):
        return None
    if any(name.created.date() == when.date() for _path, name in _named(backup_folder(settings), _stem(uow.database))):
        return None
    if uow.database.path is None and _dump_tool(uow.database, quiet=True) is None:
        return None
    return take_backup(uow, "daily", now=when, settings=settings)


def list_backups(uow: UnitOfWork, *, settings: SeatSettings | None = None, verify: bool = True) -> list[BackupInfo]:
    """The copies of this base in the backup folder, newest first, each checked (unless *verify*
    is False: then ``ok`` only says the file is there)."""
    return _listed(_stem(uow.database), settings, verify=verify)


def newest_good_backup(base: Path, *, settings: SeatSettings | None = None) -> BackupInfo | None:
    """The newest copy of the base at *base* that SQLite finds intact (for a damaged base)."""
    for info in _listed(base.stem, settings, verify=False):
        checked = _info(info.path, info.created, info.reason, inspect_copy(info.path))
        if checked.ok:
            return checked
    return None


def check_backup(path: Path) -> BackupInfo:
    """What *path* is as a backup (any file: a copy of another seat, a file the user picked)."""
    name = parse_backup_name(path.name)
    try:
        created = name.created if name else datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        created = datetime.fromtimestamp(0)
    return _info(path, created, name.reason if name else "manual", _inspect(path))


def verified_backup(path: Path) -> BackupInfo:
    """*path* checked as a backup; ``BackupRefused`` (with why, in the user's words) unless it is an
    intact SalesDesk base."""
    info = check_backup(path)
    if not info.ok:
        raise BackupRefused(msg("err.backup_not_verified", file=path, problem=_problem_text(info.problem)))
    return info


def restore_backup(
    uow: UnitOfWork, source: Path, *, now: datetime | None = None, settings: SeatSettings | None = None
) -> RestoreResult:
    """Put the copy *source* in place of the base: check it, copy the base as it is now, replace
    the file atomically, bring an older copy's schema up to date. The window hears of it as a change
    of the whole base.

    Raises ``BackupRefused`` for a file that is not an intact SalesDesk base (nothing is changed),
    ``StoreError`` when another program has the base open; for a server base, ``BackupRefused``
    saying what its administrator does instead (:func:`ensure_restorable`)."""
    database = uow.database
    ensure_restorable(uow, source)
    base = _base_path(database)
    source = source.expanduser()
    if source.resolve() == base.resolve():
        raise BackupRefused(msg("err.backup_is_base", file=source))
    restored = verified_backup(source)
    damaged = database.damage is not None
    safety = _take(base, "restore", damaged=damaged, now=now, settings=settings, rotate=False)
    replace_base(database, source)
    log.info("restored the base from a %s copy", restored.reason)
    if not damaged:
        upgrade(database, before_upgrade)
        with uow:
            uow.record("base", 0, "restored")
            uow.commit()
    return RestoreResult(restored, safety)


def ensure_restorable(uow: UnitOfWork, source: Path) -> None:
    """``BackupRefused`` for a base on a server: a restore would replace a base other seats are
    using. Its administrator restores a dump into a new, empty database (the message says how)."""
    if uow.database.path is None:
        raise BackupRefused(msg("err.backup_server_restore", file=source))


def restore_note(uow: UnitOfWork) -> str | None:
    """What the backups list says about restoring this base (a server base: who does it), or None."""
    return None if uow.database.path is not None else str(msg("backup.server_restore_note"))


def restore_damaged(base: Path, source: Path, *, settings: SeatSettings | None = None) -> RestoreResult:
    """Restore the base at *base* that failed its check at start (opened read-only meanwhile)."""
    database = open_database(resolve_url(base), migrate=False, create=False)
    try:
        return restore_backup(UnitOfWork(database), source, settings=settings)
    finally:
        database.dispose()


def rotate(folder: Path, stem: str, keep: Retention, now: datetime) -> list[Path]:
    """Remove the copies of base *stem* in *folder* that the rotation rules no longer keep."""
    named = _named(folder, stem)
    kept = to_keep((name.created for _path, name in named), keep, now)
    removed = []
    for path, name in named:
        if name.created not in kept:
            try:
                path.unlink()
                Path(f"{path}-wal").unlink(missing_ok=True)
            except OSError as exc:
                log.warning("an old backup could not be removed: %s", exc.strerror)
                continue
            removed.append(path)
    if removed:
        log.info("rotation removed %d old backups", len(removed))
    return removed


# -- inside -------------------------------------------------------------------------------------------


def _base_path(database: Database) -> Path:
    if database.path is None:
        raise StoreError(msg("err.backup_not_sqlite"))
    return database.path


def _stem(database: Database) -> str:
    """What the copies of this base are named after: its file's name, or its database and server."""
    if database.path is not None:
        return database.path.stem
    return server_backup.stem(database.engine.url)


def may_keep_copies(uow: UnitOfWork) -> bool:
    """Whether this seat may keep copies of its base: always for a file base (the file is here
    already), for a server base only when its manager may export the whole base."""
    return uow.database.path is not None or _may_dump(uow)


def _may_dump(uow: UnitOfWork, *, upgrading: bool = False) -> bool:
    """Whether this seat keeps copies of a server base: a dump is the whole shared base, so only a
    seat whose manager may export the whole base takes the daily and before-upgrade ones. Logged
    without names when it does not."""
    try:
        allowed = permissions.rights(uow).may_export_all
    except Exception:  # noqa: BLE001 — a schema before the rules (being upgraded): nobody was restricted
        if not upgrading:
            raise
        allowed = True
    if not allowed:
        log.info("no copy of the server base on this seat: its manager may not export the whole base")
    return allowed


def _dump_tool(database: Database, *, quiet: bool = False) -> server_backup.Tool | None:
    """The ``pg_dump`` that can copy this server base; without one, None when *quiet*, else a
    ``StoreError`` in the user's words."""
    major = server_backup.server_major(database)
    tool = server_backup.find_tool("pg_dump", major)
    if tool is None and not quiet:
        raise StoreError(msg("err.backup_server_keeps", major=major))
    if tool is None:
        log.info("no pg_dump %d or newer here: the server's administrator keeps the backups", major)
    return tool


def _take_dump(
    database: Database,
    tool: server_backup.Tool | None,
    reason: str,
    *,
    dest: Path | None = None,
    now: datetime | None = None,
    settings: SeatSettings | None = None,
) -> BackupInfo:
    """A server base's copy: as :func:`_take`, with ``pg_dump`` doing the copying."""
    assert tool is not None  # _dump_tool raised otherwise
    when = (now or datetime.now()).replace(microsecond=0)
    stem = server_backup.stem(database.engine.url)
    folder = backup_folder(settings) if dest is None else dest
    try:
        target = _target(folder, dest, stem, when, reason, DUMP_SUFFIX)
        clients = _count_clients(database)
        server_backup.dump(database, target, tool)
    except OSError as exc:
        raise StoreError(msg("err.backup_write", where=folder, reason=exc.strerror or exc)) from exc
    paths.make_private_file(target)
    check = server_backup.inspect_dump(target)
    if not check.ok:
        target.unlink(missing_ok=True)
        raise StoreError(msg("err.backup_failed_check", where=target, problem=_problem_text(check.problem)))
    info = _info(target, when, reason, CopyCheck(True, clients, None, None))
    log.info("backup taken with pg_dump %d (%s): %d bytes", tool.major, reason, info.bytes)
    if dest is None:
        _rotate_quietly(folder, stem, settings, when)
    return info


def _count_clients(database: Database) -> int:
    """The clients (not in the trash) the base holds as its dump begins (a dump's table of contents
    does not say)."""
    uow = UnitOfWork(database)
    with uow.reading():
        return uow.clients.count_live()


def _target(folder: Path, dest: Path | None, stem: str, when: datetime, reason: str, suffix: str) -> Path:
    """The new file a copy is written to: a free name in the backup folder or in *dest* (a folder),
    or *dest* itself (a new file)."""
    if dest is None:
        paths.make_private_dir(folder)
        return _free_name(folder, stem, when, reason, suffix)
    if dest.is_dir():
        return _free_name(dest, stem, when, reason, suffix)
    if dest.exists() or os.path.lexists(dest):
        raise BackupRefused(msg("err.backup_target_exists", file=dest))
    if not dest.parent.is_dir():
        raise BackupRefused(msg("err.backup_target_folder", file=dest))
    return dest


def _take(
    base: Path,
    reason: str,
    *,
    damaged: bool,
    dest: Path | None = None,
    now: datetime | None = None,
    settings: SeatSettings | None = None,
    rotate: bool = True,
) -> BackupInfo:
    when = (now or datetime.now()).replace(microsecond=0)
    reason = "damaged" if damaged else reason
    folder = backup_folder(settings) if dest is None else dest
    try:
        target = _target(folder, dest, base.stem, when, reason, SUFFIX)
        (copy_raw if damaged else copy_base)(base, target)
    except OSError as exc:
        raise StoreError(msg("err.backup_write", where=folder, reason=exc.strerror or exc)) from exc
    paths.make_private_file(target)
    check = inspect_copy(target, thorough=False)  # the full check runs when a copy is offered back
    if not check.ok and not damaged:
        target.unlink(missing_ok=True)
        raise StoreError(msg("err.backup_failed_check", where=target, problem=_problem_text(check.problem)))
    info = _info(target, when, reason, check)
    log.info("backup taken (%s): %d clients, %d bytes", reason, info.clients or 0, info.bytes)
    if rotate and dest is None:
        _rotate_quietly(folder, base.stem, settings, when)
    return info


def _rotate_quietly(folder: Path, stem: str, settings: SeatSettings | None, now: datetime) -> None:
    try:
        rotate(folder, stem, retention(settings), now)
    except OSError as exc:  # the copy is made; an old one left over is no reason to fail
        log.warning("backups were not rotated: %s", exc.strerror)


def _free_name(folder: Path, stem: str, when: datetime, reason: str, suffix: str = SUFFIX) -> Path:
    for number in range(1000):
        target = folder / backup_file_name(stem, when, reason, number, suffix)
        if not os.path.lexists(target):
            return target
    raise StoreError(msg("err.backup_write", where=folder, reason="too many copies in one second"))


def _named(folder: Path, stem: str) -> list[tuple[Path, Any]]:
    """The copies of base *stem* in *folder* with what their names say, newest first."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    named = []
    for path in entries:
        name = parse_backup_name(path.name)
        if name is not None and name.stem == stem and path.is_file():
            named.append((path, name))
    named.sort(key=lambda item: (item[1].created, item[1].number), reverse=True)
    return named


def _inspect(path: Path) -> CopyCheck:
    """A copy checked the way its kind is: a file base's copy by SQLite, a dump by its archive."""
    if path.name.endswith(DUMP_SUFFIX):
        return server_backup.inspect_dump(path)
    return inspect_copy(path)


def _listed(stem: str, settings: SeatSettings | None, *, verify: bool) -> list[BackupInfo]:
    result = []
    for path, name in _named(backup_folder(settings), stem):
        check = _inspect(path) if verify else CopyCheck(True, None, None, None)
        result.append(_info(path, name.created, name.reason, check))
    return result


def _info(path: Path, created: datetime, reason: str, check: CopyCheck) -> BackupInfo:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(path, created, reason, size, check.clients, check.ok, check.problem)


def _problem_text(problem: str | None) -> str:
    """A copy's problem in the user's words (SQLite's own words for damage)."""
    if problem is None:
        return ""
    if problem == "foreign" or problem == "new":
        return str(msg("backup.problem.foreign"))
    if problem in ("empty", "missing", "folder", "unreadable"):
        return str(msg("backup.problem." + problem))
    if problem.startswith("newer:"):
        return str(msg("backup.problem.newer"))
    return str(msg("backup.problem.damaged", damage=problem[:200]))
