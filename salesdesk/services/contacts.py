"""Contact persons of a client: add, edit, trash, restore, list.

Every change recomputes the client's completeness and search text in the same transaction, so
the client list never shows a stale score.
"""

from __future__ import annotations

from datetime import date, datetime

from salesdesk.domain.errors import FieldProblem
from salesdesk.domain.model import ContactFields, ContactPerson
from salesdesk.domain.validation import clean_contact, contact_problems, validate_contact
from salesdesk.services.clients import refresh_derived
from salesdesk.services.common import SaveResult, set_deleted, utcnow
from salesdesk.store import UnitOfWork


def _today(now: datetime) -> date:
    return now.astimezone().date()


def check_contact(fields: ContactFields, today: date) -> list[FieldProblem]:
    """Every problem of a contact person as typed so far, without saving (for the editor)."""
    return contact_problems(clean_contact(fields), today)


def add_contact(uow: UnitOfWork, client_id: int, fields: ContactFields, *, now: datetime | None = None) -> SaveResult:
    now = now or utcnow()
    cleaned, warnings = validate_contact(fields, _today(now))
    with uow:
        uow.clients.version_of(client_id)  # NotFoundError if the client is gone
        contact_id = uow.contacts.add(client_id, cleaned, now)
        if cleaned.is_primary:
            uow.contacts.clear_primary(client_id, except_id=contact_id)
        refresh_derived(uow, client_id, now)
        uow.record("contact", contact_id, "created", client=client_id, after=cleaned)
        uow.record("client", client_id, "contacts")
        uow.commit()
    return SaveResult(contact_id, 1, tuple(warnings))


def update_contact(
    uow: UnitOfWork, contact_id: int, expected_version: int, fields: ContactFields, *, now: datetime | None = None
) -> SaveResult:
    now = now or utcnow()
    cleaned, warnings = validate_contact(fields, _today(now))
    with uow:
        before = uow.contacts.get(contact_id).fields()
        version = uow.contacts.update(contact_id, expected_version, cleaned, now)
        client_id = uow.contacts.client_of(contact_id)
        if cleaned.is_primary:
            uow.contacts.clear_primary(client_id, except_id=contact_id)
        refresh_derived(uow, client_id, now)
        uow.record("contact", contact_id, "updated", client=client_id, before=before, after=cleaned)
        uow.record("client", client_id, "contacts")
        uow.commit()
    return SaveResult(contact_id, version, tuple(warnings))


def _set_deleted(uow: UnitOfWork, contact_id: int, when: datetime | None) -> int:
    # the client's phone, e-mail and completeness come from its contacts: derive them again
    return set_deleted(
        uow,
        lambda u: u.contacts,
        "contact",
        [contact_id],
        when,
        client_part="contacts",
        then=lambda _ident, client_id: refresh_derived(uow, client_id),
    )[0]


def trash_contact(uow: UnitOfWork, contact_id: int, *, now: datetime | None = None) -> int:
    return _set_deleted(uow, contact_id, now or utcnow())


def restore_contact(uow: UnitOfWork, contact_id: int) -> int:
    return _set_deleted(uow, contact_id, None)


def get_contact(uow: UnitOfWork, contact_id: int) -> ContactPerson:
    """A contact person as saved now (the conflict dialog compares it with what was opened)."""
    with uow.reading():
        return uow.contacts.get(contact_id)


def list_contacts(uow: UnitOfWork, client_id: int, *, include_deleted: bool = False) -> list[ContactPerson]:
    with uow.reading():
        return uow.contacts.list_for(client_id, include_deleted=include_deleted)
