"""Erasing personal data for good (152-FZ art. 21) and emptying the trash.

Everything else only moves rows to the trash. Here rows are deleted, the search index is written
afresh and the file rewritten (``store/erasure.py``), so an erased person's name, phone and e-mail
cannot be read from the database file or its write-ahead log. Each erasure, and each emptying of
the trash, leaves a line in the erasure record: when, which manager, which record (entity and
number) and on what ground — never the erased values.

What is erased:

* **a contact person** — their row, phones and e-mails; their words in the client's search text
  (the client's derived columns are computed again without them). History entries linked to them
  stay (they are the client's history) and lose the link; their text is not touched, so a name
  written into it stays — the plan counts such entries (``mentions``) so the manager can edit them.
* **a client who is a person** — a private person or a sole trader (an ИП is a natural person; his
  name, INN and OGRNIP are personal data): the card and everything that belongs to it (contact
  persons, deals, reminders, history, tags). A company is not a person: erase its contact persons.

Inside the erasing transaction the audit trail's entries about every row that goes lose their
values ("erased"; ``services.audit.erase_from_trail``) and each erased record gets an "erase" entry
of its own. Emptying the trash takes a verified backup first (``services.backups.take_backup``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from salesdesk.domain.errors import FieldProblem, NotFoundError, UserError, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientKind
from salesdesk.domain.text import fold
from salesdesk.services import audit, backups, permissions
from salesdesk.services.attachments import size_text
from salesdesk.services.clients import refresh_derived
from salesdesk.services.common import utcnow
from salesdesk.store import UnitOfWork
from salesdesk.store.erasure import ErasureRecord, Removed, make_bytes_gone

log = logging.getLogger(__name__)

# Grounds for erasing a person (152-FZ art. 21): a code, never free text that could hold data.
GROUNDS = ("request", "consent_withdrawn", "purpose_achieved", "unlawful")
# Grounds the trash writes: emptied by hand, or by the automatic emptying after N days.
TRASH_GROUNDS = ("trash", "trash_age")
# Client kinds that are a person (erasable as a whole).
PERSON_KINDS = frozenset({ClientKind.PERSON, ClientKind.SOLE_TRADER})


def ground_label(code: str) -> str:
    return str(msg(f"erasure.ground.{code}"))


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure would take, for the confirmation (shown to the manager, never logged)."""

    entity: str  # "contact" | "client"
    id: int
    name: str
    client_id: int
    client_name: str
    counts: dict[str, int]  # entity -> rows that go
    mentions: int  # history entries of other clients whose text still names the person
    unlinked: int  # history entries that stay and lose their link to the contact person
    # (name, bytes) of the files attached to the client: erased with a client; a contact person's
    # erasure leaves the client's files as they are (they may hold the person's data: said so)
    files: tuple[tuple[str, int], ...] = ()

    def summary(self) -> str:
        key = "erasure.plan.contact" if self.entity == "contact" else "erasure.plan.client"
        text = str(
            msg(
                key,
                id=self.id,
                name=self.name,
                client=self.client_name,
                client_id=self.client_id,
                contacts=self.counts.get("contact", 0),
                deals=self.counts.get("deal", 0),
                reminders=self.counts.get("reminder", 0),
                interactions=self.counts.get("interaction", 0),
                unlinked=self.unlinked,
            )
        )
        if self.files:
            shown = "; ".join(f"{name} ({size_text(size)})" for name, size in self.files[:FILES_LISTED])
            if len(self.files) > FILES_LISTED:
                shown += " " + str(msg("erasure.plan.files_more", n=len(self.files) - FILES_LISTED))
            key = "erasure.plan.files_erased" if self.entity == "client" else "erasure.plan.files_kept"
            text += " " + str(msg(key, n=len(self.files), files=shown))
        return text


@dataclass(frozen=True)
class BackupsRewritten:
    """What erasing "also from the backups" did to each copy in the backup folder
    (``services/backup_erasure.py``): file names only, never the erased values."""

    rewritten: tuple[str, ...]  # rewritten without the person, and verified
    without: tuple[str, ...]  # did not hold the record (taken before it was made): nothing to do
    skipped: tuple[tuple[str, str], ...]  # (file name, why) — left as they were, still holding the data
    # A server base's copies (pg_dump archives) cannot be rewritten: the older ones are deleted
    # after a fresh copy is taken (*fresh*, None when none could be), ``dumps`` says so.
    deleted: tuple[str, ...] = ()
    fresh: str | None = None
    dumps: bool = False

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "backups_rewritten": len(self.rewritten),
            "backups_without": len(self.without),
            "backups_skipped": [{"file": name, "reason": why} for name, why in self.skipped],
        }
        if self.dumps:
            out.update({"backups_deleted": len(self.deleted), "backup_taken": self.fresh})
        return out

    def messages(self) -> list[str]:
        """What to tell the user, in their words."""
        if self.dumps:
            first = str(msg("erasure.backups_deleted", n=len(self.deleted)))
            after = msg("erasure.backup_fresh", file=self.fresh) if self.fresh else msg("erasure.backup_none_left")
            out = [f"{first} {after}"]
        else:
            out = [str(msg("erasure.backups_rewritten", n=len(self.rewritten)))]
        if self.skipped:
            reasons = "; ".join(f"{name} ({msg('erasure.backup_skip.' + why)})" for name, why in self.skipped)
            out.append(str(msg("erasure.backups_skipped", n=len(self.skipped), files=reasons)))
        return out


@dataclass(frozen=True)
class ErasureResult:
    entity: str
    id: int
    record_id: int
    removed: dict[str, int]
    mentions: int
    log_emptied: bool
    backups: BackupsRewritten | None = None  # when asked to erase from the backups too

    def as_json(self) -> dict[str, Any]:
        out = {
            "erased": self.entity,
            "id": self.id,
            "record": self.record_id,
            "removed": self.removed,
            "mentions_left": self.mentions,
        }
        if self.backups is not None:
            out.update(self.backups.as_json())
        return out


@dataclass(frozen=True)
class TrashEmptied:
    removed: dict[str, int]
    record_id: int | None  # None when the trash was empty (nothing erased, nothing recorded)

    @property
    def total(self) -> int:
        return sum(self.removed.values())

    def as_json(self) -> dict[str, Any]:
        return {"removed": self.removed, "record": self.record_id}


FILES_LISTED = 10  # the plan names this many files; the rest are counted


def _files(uow: UnitOfWork, client_id: int, *, include_deleted: bool) -> tuple[tuple[str, int], ...]:
    return tuple((f.name, f.size) for f in uow.attachments.list_for(client_id, include_deleted=include_deleted))


def _counts(removed: Removed) -> dict[str, int]:
    return {e: removed.count(e) for e in ("client", "contact", "deal", "reminder", "interaction", "attachment")}


def manager_name(uow: UnitOfWork, manager_id: int | None) -> str:
    if manager_id is None:
        return ""
    try:
        return uow.managers.get(manager_id).name
    except NotFoundError:
        return ""


def _check_ground(ground: str) -> None:
    if ground not in GROUNDS:
        raise ValidationError([FieldProblem("ground", msg("erasure.err.ground", value=ground[:40]))])


_ENDINGS = "аяоеиыуюьй"  # a Russian surname's last vowel changes with its case: Смородинова, -ой, -у


def name_needles(name: str) -> list[str]:
    """How a name may be written into a note, for SQL to find (it folds ASCII case only): whole, and
    the surname (its first word) without a changing last vowel (Смородинова → Смородинов finds
    «Смородиновой»), as typed, capitalised, in small and in capital letters."""
    words = name.split()
    out = [name]
    if words and len(words[0]) >= 3:
        surname = words[0]
        if len(surname) >= 5 and surname[-1].lower() in _ENDINGS:
            surname = surname[:-1]
        out += [surname, surname[:1].upper() + surname[1:].lower(), surname.lower(), surname.upper()]
    return list(dict.fromkeys(n for n in out if n))


def _mentioning(uow: UnitOfWork, name: str, contact_ids: Sequence[int]) -> list[int]:
    """History entries linked to these contact persons or naming the person (case and ё folded)."""
    ids = uow.erasure.interactions_mentioning(name_needles(name), contact_ids)
    if not ids:
        return []
    linked = set(uow.erasure.interactions_mentioning([], contact_ids)) if contact_ids else set()
    words = [fold(n) for n in name_needles(name)]
    out = []
    for ident in ids:
        if ident in linked:
            out.append(ident)
            continue
        entry = uow.interactions.get(ident)
        text = fold(entry.summary + " " + entry.result)
        if any(w and w in text for w in words):
            out.append(ident)
    return out


# -- erasing a person ---------------------------------------------------------------------------------


def _contact_plan(uow: UnitOfWork, contact_id: int) -> ErasurePlan:
    person = uow.contacts.get(contact_id)
    client = uow.clients.get(person.client_id)
    linked = uow.erasure.linked_interactions(contact_id)
    named = set(_mentioning(uow, person.full_name, [])) - set(linked)
    return ErasurePlan(
        "contact",
        contact_id,
        person.full_name,
        client.id,
        client.name,
        {"contact": 1},
        mentions=len(named),
        unlinked=len(linked),
        files=_files(uow, client.id, include_deleted=False),
    )


def _client_plan(uow: UnitOfWork, client_id: int) -> ErasurePlan:
    client = uow.clients.get(client_id)
    if client.kind not in PERSON_KINDS:
        raise ValidationError([FieldProblem("client", msg("erasure.err.company", id=client_id))])
    removed = uow.erasure.parts_of_client(client_id)
    own = set(removed.ids.get("interaction", ()))
    named = set(_mentioning(uow, client.name, [])) - own
    files = _files(uow, client_id, include_deleted=True)  # those in the trash go too
    return ErasurePlan("client", client_id, client.name, client_id, client.name, _counts(removed), len(named), 0, files)


def plan_erasure(uow: UnitOfWork, entity: str, ident: int) -> ErasurePlan:
    """What erasing this contact person or client would take (``NotFoundError`` if there is none;
    ``ValidationError`` for a client that is a company)."""
    with uow.reading():
        return _contact_plan(uow, ident) if entity == "contact" else _client_plan(uow, ident)


def erase_contact(
    uow: UnitOfWork,
    contact_id: int,
    *,
    ground: str,
    manager_id: int | None = None,
    manager: str | None = None,
    now: datetime | None = None,
) -> ErasureResult:
    """Erase a contact person for good; the file is rewritten before this returns. *manager*, when
    given, is the name the erasure record keeps instead of *manager_id*'s (a backup rewritten
    after the base: the base's manager)."""
    _check_ground(ground)
    now = now or utcnow()
    with uow:
        permissions.require_erase(uow)
        plan = _contact_plan(uow, contact_id)
        removed = Removed()
        removed.add("contact", [contact_id])
        _scrub_audit_trail(uow, removed)
        client_id = uow.erasure.delete_contact(contact_id)
        refresh_derived(uow, client_id)  # the client's search text, phone, completeness without them
        record_id = uow.erasure.record(
            erased_at=now,
            manager=manager_name(uow, manager_id) if manager is None else manager,
            entity="contact",
            entity_id=contact_id,
            ground=ground,
            removed=removed.total,
        )
        uow.erasure.merge_search_index()
        uow.record("contact", contact_id, "erased", client=client_id)  # the trail's "erase" entry
        uow.record("client", client_id, "contacts")
        uow.record("client", client_id, "history")
        uow.commit()
    emptied = make_bytes_gone(uow.database)
    log.info("erased contact %s (record %s)", contact_id, record_id)
    return ErasureResult("contact", contact_id, record_id, _counts(removed), plan.mentions, emptied)


def erase_client(
    uow: UnitOfWork,
    client_id: int,
    *,
    ground: str,
    manager_id: int | None = None,
    manager: str | None = None,
    now: datetime | None = None,
) -> ErasureResult:
    """Erase a client who is a person, and everything of theirs, for good (*manager* as in
    :func:`erase_contact`)."""
    _check_ground(ground)
    now = now or utcnow()
    with uow:
        permissions.require_erase(uow)
        plan = _client_plan(uow, client_id)
        removed = uow.erasure.parts_of_client(client_id)
        _scrub_audit_trail(uow, removed)
        uow.erasure.delete_removed(removed)
        record_id = uow.erasure.record(
            erased_at=now,
            manager=manager_name(uow, manager_id) if manager is None else manager,
            entity="client",
            entity_id=client_id,
            ground=ground,
            removed=removed.total,
        )
        uow.erasure.merge_search_index()
        uow.record("client", client_id, "erased")  # the trail's "erase" entry; the lists count again
        uow.commit()
    emptied = make_bytes_gone(uow.database)
    log.info("erased client %s (record %s)", client_id, record_id)
    return ErasureResult("client", client_id, record_id, _counts(removed), plan.mentions, emptied)


def _scrub_audit_trail(uow: UnitOfWork, removed: Removed) -> None:
    """The audit trail's entries about these rows lose their values (the entries themselves stay)."""
    for entity, ids in removed.ids.items():
        audit.erase_from_trail(uow, entity, ids)


# -- the trash -------------------------------------------------------------------------------------------


def trash_contents(
    uow: UnitOfWork, *, older_than_days: int | None = None, now: datetime | None = None
) -> dict[str, int]:
    """How many rows emptying the trash would remove, by entity."""
    cutoff = _cutoff(older_than_days, now)
    with uow.reading():
        return _counts(uow.erasure.in_trash(cutoff))


def _cutoff(older_than_days: int | None, now: datetime | None) -> datetime | None:
    if older_than_days is None:
        return None
    return (now or utcnow()) - timedelta(days=older_than_days)


def empty_trash(
    uow: UnitOfWork,
    *,
    before: Callable[[], object] | None = None,
    older_than_days: int | None = None,
    manager_id: int | None = None,
    now: datetime | None = None,
) -> TrashEmptied:
    """Delete for good what is in the trash (only what went there more than *older_than_days* ago,
    if given) and rewrite the file. When there is something to delete, a verified backup is taken
    first (reason "trash"; a failed copy raises and nothing is deleted); *before*, when given,
    runs instead of it (tests, a caller with its own copy)."""
    now = now or utcnow()
    cutoff = _cutoff(older_than_days, now)
    with uow.reading():
        waiting = uow.erasure.in_trash(cutoff).total
        if waiting:
            permissions.require_erase(uow)  # before the backup copy is taken
    if waiting == 0:
        return TrashEmptied(_counts(Removed()), None)
    if before is not None:
        before()
    elif uow.database.path is not None and not uow.database.read_only:
        backups.take_backup(uow, "trash")  # a verified copy first (a base in a file; a server keeps its own)
    with uow:
        permissions.require_erase(uow)  # again, under the write lock: a head may have changed the rules
        removed = uow.erasure.in_trash(cutoff)  # again, under the write lock
        _scrub_audit_trail(uow, removed)
        uow.erasure.delete_removed(removed)
        record_id = uow.erasure.record(
            erased_at=now,
            manager=manager_name(uow, manager_id),
            entity="trash",
            entity_id=None,
            ground="trash" if older_than_days is None else "trash_age",
            removed=removed.total,
        )
        uow.erasure.merge_search_index()
        for entity, ids in removed.ids.items():  # the trail's "erase" entry of every record that went
            for ident in ids:
                uow.record(entity, ident, "erased")
        uow.record("base", 0, "trash_emptied")
        uow.commit()
    make_bytes_gone(uow.database)
    log.info("emptied the trash: %s rows", removed.total)
    return TrashEmptied(_counts(removed), record_id)


def empty_old_trash(
    uow: UnitOfWork,
    days: int | None,
    *,
    before: Callable[[], object] | None = None,
    manager_id: int | None = None,
    now: datetime | None = None,
) -> TrashEmptied | None:
    """The automatic emptying at start: what has been in the trash more than *days* days goes.
    None when it is off (*days* is None or 0) or the base is read-only."""
    if not days or uow.database.read_only:
        return None
    return empty_trash(uow, before=before, older_than_days=days, manager_id=manager_id, now=now)


def tidy_at_start(
    uow: UnitOfWork,
    *,
    trash_days: int | None,
    before: Callable[[], object] | None = None,
    manager_id: int | None = None,
    now: datetime | None = None,
) -> TrashEmptied | None:
    """What the window does once as it starts: the automatic emptying of the trash (when the
    setting is on), and the search index merged, so the words of cards changed since the last start
    do not stay readable in its old segments (issue 12, item 7; 0.3 s at 100,000 clients)."""
    if uow.database.read_only:
        return None
    try:
        emptied = empty_old_trash(uow, trash_days, before=before, manager_id=manager_id, now=now)
    except UserError as exc:  # no copy could be taken (a full disk, a busy base): the index is still tidied
        log.warning("the trash was not emptied at start: %s", type(exc).__name__)
        emptied = None
    if emptied is None or emptied.record_id is None:  # emptying merges the index itself
        with uow:
            uow.erasure.merge_search_index()
            uow.commit()
    return emptied


def erasure_records(uow: UnitOfWork, limit: int = 1000) -> list[ErasureRecord]:
    with uow.reading():
        return uow.erasure.records(limit)
