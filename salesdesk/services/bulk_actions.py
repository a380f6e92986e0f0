"""Act on many clients at once (issue 15): set the owner, status or industry, add or remove tags,
plan a reminder for each, move them to the trash — for a selection or everyone a filter shows.

One call is one transaction: every chosen client changes, or none (an error, Cancel). Each client
that really changes gets a new version and its own entries in the audit trail (field by field, as
an edit in the card); the change bus hears of the whole action at once, after the commit, with a
summary record ("base", 0, "bulk") so that every list reads again (a filtered list loses a client
whose owner or status no longer fits, without re-reading 10,000 rows one by one). What the
action did is kept in a ``BulkUndo``: ``undo`` puts every card back as it was (unless someone
edited it since) and trashes the reminders it planned, again in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from salesdesk.domain.completeness import with_present
from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientKind, ClientStatus, ReminderFields
from salesdesk.domain.queries import ClientQuery
from salesdesk.domain.text import collapse_spaces, fold
from salesdesk.domain.validation import LIMITS, validate_reminder
from salesdesk.services.common import Cancelled, Reporter, SilentReporter, check_references, utcnow
from salesdesk.store import UnitOfWork
from salesdesk.store.bulk_edit import BulkRow
from salesdesk.store.repositories import TAG_SEPARATOR, id_chunks

STEP = 500  # clients per progress report (and per check of Cancel)


@dataclass(frozen=True, slots=True)
class BulkChange:
    """What to do to each chosen client; parts left empty are left as they are."""

    owner_id: int | None = None
    no_owner: bool = False  # take the owner away: nobody's clients (owner_id is then None)
    status: ClientStatus | None = None
    industry_id: int | None = None
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    reminder: ReminderFields | None = None
    trash: bool = False

    @property
    def empty(self) -> bool:
        return self == BulkChange()

    @property
    def edits_card(self) -> bool:
        return (
            self.owner_id is not None
            or self.no_owner
            or self.status is not None
            or self.industry_id is not None
            or bool(self.add_tags or self.remove_tags)
        )


@dataclass(frozen=True, slots=True)
class BulkUndo:
    """How to take a bulk action back: each changed card as it was, the version it got, the
    reminders it planned."""

    before: tuple[BulkRow, ...] = ()
    versions: dict[int, int] = field(default_factory=dict)
    reminders: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class BulkResult:
    changed: int  # clients that changed (a card edited, a reminder planned, moved to the trash)
    chosen: int  # clients asked for
    undo: BulkUndo


def chosen_ids(uow: UnitOfWork, ids: Sequence[int] = (), query: ClientQuery | None = None) -> list[int]:
    """*ids* and everyone *query* shows, once each, in that order."""
    found = list(ids)
    if query is not None:
        with uow.reading():
            found.extend(uow.listing.ids(query))
    return list(dict.fromkeys(found))


def clean_tag(text: str) -> str:
    """A tag as a card keeps it; ``ValidationError`` for an empty or too long one."""
    tag = collapse_spaces(text)
    if not tag:
        raise ValidationError([FieldProblem("tags", msg("err.bulk.tag_empty"))])
    if len(tag) > LIMITS["tag"]:
        raise ValidationError([FieldProblem("tags", msg("err.bulk.tag_long", value=tag, n=LIMITS["tag"]))])
    return tag


def apply(
    uow: UnitOfWork,
    ids: Sequence[int],
    change: BulkChange,
    *,
    now: datetime | None = None,
    reporter: Reporter | None = None,
) -> BulkResult:
    """Do *change* to each client of *ids* in one transaction (see the module's note)."""
    if change.empty:
        raise ValidationError([FieldProblem("bulk", msg("err.bulk.nothing"))])
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise ValidationError([FieldProblem("bulk", msg("err.bulk.none_chosen"))])
    now = now or utcnow()
    reporter = reporter or SilentReporter()
    add_tags = tuple(dict.fromkeys(clean_tag(t) for t in change.add_tags))
    remove_norm = {fold(clean_tag(t)) for t in change.remove_tags}
    reminder = validate_reminder(change.reminder) if change.reminder is not None else None
    with uow:
        check_references(uow, industry_id=change.industry_id, owner_id=change.owner_id)
        rows = uow.bulk_edit.rows(ids)
        _check_chosen(ids, rows, trashing=change.trash)
        before: list[BulkRow] = []
        after: list[BulkRow] = []
        done = 0
        for chunk in id_chunks(ids):
            for ident in chunk:
                old = rows[ident]
                new = _changed(old, change, add_tags, remove_norm, now)
                if new != old:
                    new = replace(new, version=old.version + 1)
                    before.append(old)
                    after.append(new)
                    _record(uow, old, new)
            done += len(chunk)
            _step(reporter, done, len(ids) * 2)
        uow.bulk_edit.write(after, now)
        if change.add_tags or change.remove_tags:
            tagged = [r.id for r in after]
            uow.bulk_edit.tags_replace(tagged, {r.id: _norms(r.tag_list) for r in after})
        planned: list[int] = []
        if reminder is not None:
            live = [i for i in ids if rows[i].deleted_at is None]
            planned = uow.bulk_edit.add_reminders(live, reminder, now)
            for rid, cid in zip(planned, live, strict=True):
                uow.record("reminder", rid, "created", client=cid, after=reminder)
                uow.record("client", cid, "reminders")
        if after or planned:
            # the lists filter and sort by what changed: they read again rather than re-read rows
            uow.record("base", 0, "bulk")
        _step(reporter, len(ids) * 2, len(ids) * 2)
        uow.commit()
    changed = {r.id for r in after} | ({i for i in ids if rows[i].deleted_at is None} if planned else set())
    return BulkResult(len(changed), len(ids), BulkUndo(tuple(before), {r.id: r.version for r in after}, tuple(planned)))


def undo(uow: UnitOfWork, token: BulkUndo, *, now: datetime | None = None) -> int:
    """Take a bulk action back in one transaction; returns how many cards were put back (one edited
    since, here or elsewhere, keeps that edit). The reminders it planned go to the trash."""
    now = now or utcnow()
    with uow:
        current = uow.bulk_edit.rows([r.id for r in token.before])
        back: list[BulkRow] = []
        for old in token.before:
            now_row = current.get(old.id)
            if now_row is None or now_row.version != token.versions.get(old.id):
                continue
            back.append(replace(old, version=now_row.version + 1))
            _record(uow, now_row, old)
        uow.bulk_edit.write(back, now)
        uow.bulk_edit.tags_replace([r.id for r in back], {r.id: _norms(r.tag_list) for r in back})
        if token.reminders:
            for cid in uow.bulk_edit.trash_reminders(token.reminders, now):
                uow.record("client", cid, "reminders")
            for rid in token.reminders:
                uow.record("reminder", rid, "trashed")
        uow.record("base", 0, "bulk")
        uow.commit()
    return len(back)


def _check_chosen(ids: Sequence[int], rows: dict[int, BulkRow], *, trashing: bool) -> None:
    missing = [i for i in ids if i not in rows]
    if missing:
        raise ValidationError([FieldProblem("bulk", msg("err.bulk.unknown", ids=_numbers(missing), n=len(missing)))])
    if not trashing:
        trashed = [i for i in ids if rows[i].deleted_at is not None]
        if trashed:
            raise ValidationError(
                [FieldProblem("bulk", msg("err.bulk.in_trash", ids=_numbers(trashed), n=len(trashed)))]
            )


def _numbers(ids: Sequence[int]) -> str:
    shown = ", ".join(str(msg("cli.number", id=i)) for i in ids[:5])
    return shown + (" …" if len(ids) > 5 else "")


def _changed(
    row: BulkRow, change: BulkChange, add_tags: tuple[str, ...], remove_norm: set[str], now: datetime
) -> BulkRow:
    new = row
    present = []
    absent = []
    if change.owner_id is not None and row.owner_id != change.owner_id:
        new = replace(new, owner_id=change.owner_id)
        present.append("owner")
    elif change.no_owner and row.owner_id is not None:
        new = replace(new, owner_id=None)
        absent.append("owner")
    if change.industry_id is not None and row.industry_id != change.industry_id:
        new = replace(new, industry_id=change.industry_id)
        present.append("industry")
    if change.status is not None and row.status != change.status.value:
        new = replace(new, status=change.status.value)
    if present or absent:
        missing = row.missing.split(",") if row.missing else ()
        score = with_present(ClientKind(row.kind), missing, present, absent)
        new = replace(new, completeness=score.score, missing=",".join(score.missing))
    if add_tags or remove_norm:
        tags = [t for t in row.tag_list if fold(t) not in remove_norm]
        have = {fold(t) for t in tags}
        tags.extend(t for t in add_tags if fold(t) not in have)
        text = TAG_SEPARATOR.join(tags)
        if text != row.tags:
            if len(text) > LIMITS["tags"]:
                raise ValidationError(
                    [FieldProblem("tags", msg("err.bulk.tags_full", name=row.name, n=LIMITS["tags"]))]
                )
            new = replace(new, tags=text)
    if change.trash and row.deleted_at is None:
        new = replace(new, deleted_at=now)
    return new


def _record(uow: UnitOfWork, old: BulkRow, new: BulkRow) -> None:
    """The change of one card for the change bus and the trail (each field that changed)."""
    if (old.deleted_at is None) != (new.deleted_at is None):
        uow.record("client", old.id, "trashed" if new.deleted_at is not None else "restored")
    before = {"owner_id": old.owner_id, "status": old.status, "industry_id": old.industry_id, "tags": old.tag_list}
    after = {"owner_id": new.owner_id, "status": new.status, "industry_id": new.industry_id, "tags": new.tag_list}
    if before != after:
        uow.record("client", old.id, "updated", before=before, after=after)


def _norms(tags: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold(t) for t in tags))


def _step(reporter: Reporter, done: int, total: int) -> None:
    if reporter.cancelled():
        raise Cancelled
    reporter.progress(done, total)
