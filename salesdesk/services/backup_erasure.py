"""Erasing a person "also from the backups" (issue 12, item 5): each copy in the backup folder is
rewritten without them.

The base is erased first (``services/erasure.py``); then, for each copy of this base in the backup
folder, newest first:

1. the copy is checked (``integrity_check``); a damaged one, or one written by a newer program, is
   skipped;
2. a private working copy is made beside it (``store.backup.start_rewrite``) and opened the way the
   program opens a base: an older schema is upgraded, as a restore would (no extra copy is taken:
   the backup itself is that copy);
3. the record must be the same person: the same number *and* the same name (compared folded, as
   the program compares names) as the base had before the erasure. Numbers can be given again in a
   copy taken before a deletion, so a copy where the number is someone else's is skipped and
   reported; a copy without the number did not hold the person (taken before they were added);
4. the person is erased with the same service code as in the base (the trail scrubbed, the rows
   deleted, the search index merged, ``VACUUM`` with ``secure_delete``);
5. the working copy is checked again, given the backup's date and owner-only mode and put in the
   backup's place with ``os.replace`` (``store.backup.finish_rewrite``). Until then the backup is
   never touched: a copy that cannot be rewritten or does not verify is left as it was, and named
   to the user — it still holds the data until it rotates out.

A base on a PostgreSQL server is copied by ``pg_dump`` (``services/backups.py``), and an archive
cannot be rewritten without one person. So "also from the backups" there first takes a fresh copy of
the base as it is after the erasure (when this computer has a usable ``pg_dump`` and the manager
may export the whole base, as for any copy of it), then deletes this seat's older copies of that
base, which hold the person; without a fresh copy the seat is left with none, and the result says so.

The base's erasure record gets one more line: entity "backups", the erasure's record number, the
same ground, and how many copies were rewritten (never the data).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from salesdesk.domain.errors import NotFoundError, StoreError, ValidationError
from salesdesk.domain.text import fold
from salesdesk.services import backups, erasure, permissions
from salesdesk.services.backups import _base_path, _named, _stem, backup_folder
from salesdesk.services.common import utcnow
from salesdesk.settings import SeatSettings
from salesdesk.store import UnitOfWork, open_database, resolve_url
from salesdesk.store.backup import discard_rewrite, finish_rewrite, inspect_copy, start_rewrite

log = logging.getLogger(__name__)


def backups_to_rewrite(uow: UnitOfWork, *, settings: SeatSettings | None = None) -> int:
    """How many copies of this base the backup folder holds (for "Also erase from the backups
    (N copies)"): a file base's copies are rewritten, a server base's dumps deleted
    (:func:`copies_are_dumps`)."""
    return len(_named(backup_folder(settings), _stem(uow.database)))


def copies_are_dumps(uow: UnitOfWork) -> bool:
    """Whether this base's copies are a server's dumps (deleted, not rewritten, when erasing)."""
    return uow.database.path is None


def erase_everywhere(
    uow: UnitOfWork,
    entity: str,
    ident: int,
    *,
    ground: str,
    manager_id: int | None = None,
    from_backups: bool = False,
    settings: SeatSettings | None = None,
    now: datetime | None = None,
) -> erasure.ErasureResult:
    """Erase contact person or client *ident* (*entity* "contact" or "client") for good, and with
    *from_backups* rewrite every copy in the backup folder without them too."""
    now = now or utcnow()
    plan = erasure.plan_erasure(uow, entity, ident)  # the name as the base has it, before it goes
    erase = erasure.erase_contact if entity == "contact" else erasure.erase_client
    result = erase(uow, ident, ground=ground, manager_id=manager_id, now=now)
    if not from_backups:
        return result
    with uow.reading():
        manager = erasure.manager_name(uow, manager_id)
    outcome = erase_from_backups(
        uow, entity, ident, plan.name, ground=ground, manager=manager, settings=settings, now=now
    )
    with uow:
        uow.erasure.record(
            erased_at=now,
            manager=manager,
            entity="backups",
            entity_id=result.record_id,
            ground=ground,
            removed=len(outcome.deleted) if outcome.dumps else len(outcome.rewritten),
        )
        uow.commit()
    return replace(result, backups=outcome)


def erase_from_backups(
    uow: UnitOfWork,
    entity: str,
    ident: int,
    name: str,
    *,
    ground: str,
    manager: str,
    settings: SeatSettings | None = None,
    now: datetime | None = None,
) -> erasure.BackupsRewritten:
    """Rewrite each copy of this base in the backup folder without record *ident* named *name*."""
    with uow.reading():
        permissions.require_erase(uow)
    if uow.database.path is None:
        return _replace_dumps(uow, settings=settings)
    base = _base_path(uow.database)
    rewritten: list[str] = []
    without: list[str] = []
    skipped: list[tuple[str, str]] = []
    for path, _name in _named(backup_folder(settings), base.stem):
        outcome = _rewrite_one(uow, path, entity, ident, name, ground=ground, manager=manager, now=now)
        if outcome == "rewritten":
            rewritten.append(path.name)
        elif outcome == "without":
            without.append(path.name)
        else:
            skipped.append((path.name, outcome))
    log.info(
        "erasure from backups: %d rewritten, %d without the record, %d skipped",
        len(rewritten),
        len(without),
        len(skipped),
    )
    return erasure.BackupsRewritten(tuple(rewritten), tuple(without), tuple(skipped))


def _replace_dumps(uow: UnitOfWork, *, settings: SeatSettings | None) -> erasure.BackupsRewritten:
    """A server base: a fresh copy taken after the erasure (when it can be), then this seat's older
    copies of the base deleted; what could not be deleted is named ("failed")."""
    older = [path for path, _name in _named(backup_folder(settings), _stem(uow.database))]
    fresh: str | None = None
    if backups.may_keep_copies(uow):
        try:
            fresh = backups.take_backup(uow, "manual", settings=settings).path.name
        except StoreError as exc:  # no usable pg_dump here, or it failed: the old copies go all the same
            log.info("no fresh copy before deleting the old ones: %s", type(exc).__name__)
    deleted: list[str] = []
    skipped: list[tuple[str, str]] = []
    for path in older:
        if path.name == fresh:
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            pass  # the fresh copy's rotation removed it already: gone all the same
        except OSError as exc:
            log.warning("an old copy of the server base could not be deleted: %s", exc.strerror)
            skipped.append((path.name, "undeleted"))
            continue
        deleted.append(path.name)
    log.info("erasure from server backups: %d deleted, fresh copy %s", len(deleted), "taken" if fresh else "none")
    return erasure.BackupsRewritten((), (), tuple(skipped), tuple(deleted), fresh, dumps=True)


def _rewrite_one(
    uow: UnitOfWork,
    path: Path,
    entity: str,
    ident: int,
    name: str,
    *,
    ground: str,
    manager: str,
    now: datetime | None,
) -> str:
    """ "rewritten", "without", or why the copy was skipped ("damaged", "newer", "other", "failed")."""
    check = inspect_copy(path)
    if not check.ok:
        return "newer" if (check.problem or "").startswith("newer:") else "damaged"
    try:
        temporary = start_rewrite(path)
    except (OSError, StoreError) as exc:
        log.warning("a backup could not be copied to be rewritten: %s", type(exc).__name__)
        return "failed"
    try:
        # Opened as the program opens a base: an older copy is upgraded (as a restore would), with
        # no copy of its own taken first — the backup it came from is that copy.
        database = open_database(resolve_url(temporary), create=False, before_upgrade=lambda _d, _r: None)
        try:
            copy = UnitOfWork(database, actor=uow.actor)
            try:
                plan = erasure.plan_erasure(copy, entity, ident)
            except NotFoundError:
                discard_rewrite(temporary)
                return "without"
            except ValidationError:  # the number is a company here: not the same person
                discard_rewrite(temporary)
                return "other"
            if fold(plan.name) != fold(name):
                discard_rewrite(temporary)
                return "other"
            erase = erasure.erase_contact if entity == "contact" else erasure.erase_client
            erase(copy, ident, ground=ground, manager=manager, now=now)
        finally:
            database.dispose()
    except Exception as exc:  # noqa: BLE001 — the base is erased already; one copy must not stop the rest
        discard_rewrite(temporary)
        log.warning("a backup could not be rewritten: %s", type(exc).__name__)
        return "failed"
    final = finish_rewrite(temporary, path)
    if not final.ok:
        log.warning("a rewritten backup did not verify (%s); the backup is left as it was", final.problem)
        return "failed"
    return "rewritten"
