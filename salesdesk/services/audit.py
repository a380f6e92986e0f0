"""The audit trail for the faces: read it (the card's "Changes" view, ``salesdesk changes``, the
export) and scrub an erased person's values out of it.

The trail is written by the unit of work itself (``store/uow.py``): services only say what they
change (``uow.record``), with the values before and after an edit.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from salesdesk.domain.audit import AuditQuery, AuditRecord, fields_in, matches_text
from salesdesk.store import UnitOfWork

EVERYTHING = AuditQuery()


def changes(uow: UnitOfWork, query: AuditQuery = EVERYTHING) -> list[AuditRecord]:
    """Entries newest first, as *query* asks (a client's, since a day, a field, a manager, a text)."""
    with uow.reading():
        return uow.audit.read(query)


@dataclass(frozen=True, slots=True)
class ClientChanges:
    """What the card's "Changes" view shows: the entries asked for, and the choices of its filters
    (every field and manager of the card's trail, whatever the filter)."""

    records: tuple[AuditRecord, ...]
    fields: tuple[tuple[str, str], ...]  # (entity, field)
    managers: tuple[tuple[int, str], ...]  # (id, name)


def client_changes(
    uow: UnitOfWork,
    client_id: int,
    *,
    fields: Collection[str] | None = None,
    manager_id: int | None = None,
    text: str = "",
) -> ClientChanges:
    """A card's entries; *fields* (field codes), *manager_id* and *text* narrow them."""
    with uow.reading():
        everything = uow.audit.read(AuditQuery(client_id=client_id))
        managers = uow.audit.managers_of(client_id)
    chosen = [
        r
        for r in everything
        if (fields is None or r.field in fields) and (manager_id is None or r.manager_id == manager_id)
    ]
    if text.strip():
        chosen = [r for r in chosen if matches_text(r, text.strip())]
    return ClientChanges(tuple(chosen), tuple(fields_in(everything)), tuple(managers))


def erase_from_trail(uow: UnitOfWork, entity: str, ids: Sequence[int]) -> int:
    """For erasure (152-FZ): inside the caller's open unit of work, replace by "erased" every value
    the trail holds about these records; for ``entity == "client"`` also everything about their
    cards (contact persons, deals, history, reminders). The entries stay (when, who, what kind of
    change); returns how many were scrubbed. The caller then records ``(entity, id, "erased")``,
    which adds the erasure's own entry at commit."""
    if entity == "client":
        return uow.audit.scrub_clients(ids)
    return uow.audit.scrub(entity, ids)
