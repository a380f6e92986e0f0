"""Everything the base holds about one contact person, in one workbook (152-FZ art. 14).

Sheets: the person's fields; the clients they belong to (their own client, and any other client
with a contact person who has one of their phones or e-mails — the same person there); the history
entries that mention them (linked to them, or whose text contains their full name or surname —
its last vowel left out, so «Смородиновой» counts for Смородинова — case and ё folded); and the
audit trail's entries about them (the same person's rows on every client; values erased before
show as "erased"); and the files attached to their clients (name, size, when added — the files
themselves stay in the base: they are the client's documents, which may hold the person's data, and
each can be saved from the client's Files tab or with `salesdesk attachment save`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from salesdesk.domain.audit import AuditQuery
from salesdesk.domain.birthdays import year_known
from salesdesk.domain.messages import msg
from salesdesk.domain.text import fold
from salesdesk.files.errors import write_problem
from salesdesk.files.writing import Column, XlsxBook
from salesdesk.services import permissions
from salesdesk.services.erasure import name_needles
from salesdesk.services.exporting import change_row, check_target
from salesdesk.store import UnitOfWork


@dataclass(frozen=True)
class PersonExport:
    path: Path
    clients: int
    interactions: int
    audit: int

    def as_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "clients": self.clients, "interactions": self.interactions, "audit": self.audit}


def _t(key: str) -> str:
    return str(msg(key))


def _birth_text(birth: date | None) -> str:
    """The birth date as the person would read it: "12.03 (year unknown)" rather than the year
    YEAR_UNKNOWN the base keeps for it."""
    if birth is None:
        return ""
    if not year_known(birth):
        return str(msg("person.birth_no_year", date=birth.strftime("%d.%m")))
    return birth.strftime("%d.%m.%Y")


def export_person(uow: UnitOfWork, contact_id: int, path: Path) -> PersonExport:
    """Write everything about contact person *contact_id* to *path* (.xlsx). ``NotFoundError`` when
    there is no such person, ``RefusedTarget`` for a path no export may be written to."""
    check_target(path, uow)
    with uow.reading():
        person = uow.contacts.get(contact_id)
        permissions.require_export_of(uow, [person.client_id])  # another manager's person: the rules say
        same = [contact_id, *uow.erasure.contacts_sharing_channels(contact_id)]
        people = [uow.contacts.get(i) for i in same]
        client_ids = list(dict.fromkeys(p.client_id for p in people))
        found = uow.clients.get_many(client_ids)
        clients = [found[i] for i in client_ids if i in found]
        names = {c.id: c.name for c in clients}
        candidates = uow.erasure.interactions_mentioning(name_needles(person.full_name), same)
        words = [fold(n) for n in name_needles(person.full_name)]
        history = []
        for ident in candidates:
            entry = uow.interactions.get(ident)
            linked = entry.contact_id in same
            if linked or any(w in fold(entry.summary + " " + entry.result) for w in words):
                history.append((entry, linked))
        extra = {e.client_id for e, _ in history} - set(names)
        if extra:
            names.update({i: c.name for i, c in uow.clients.get_many(sorted(extra)).items()})
        files = [f for i in client_ids for f in uow.attachments.list_for(i, include_deleted=True)]
        trail = [r for i in same for r in uow.audit.read(AuditQuery(entity="contact", entity_id=i))]
        trail.sort(key=lambda r: (r.at, r.id), reverse=True)
        audit = [change_row(r)[1:] for r in trail]  # without the client's number: the person's own rows

    book = XlsxBook(path, _t("person.title"))
    try:
        sheet = book.sheet(
            _t("person.sheet.person"), [Column(_t("person.col.field"), 28), Column(_t("person.col.value"), 50)]
        )
        for key, value in (
            ("person.col.number", person.id),
            ("field.full_name_person", person.full_name),
            ("field.position", person.position),
            ("field.birth_date", _birth_text(person.birth_date)),
            ("export.phones", "; ".join(person.phones)),
            ("export.emails", ", ".join(person.emails)),
            ("export.note", person.note),
            ("export.client", names.get(person.client_id, "")),
            ("person.col.in_trash", _t("export.yes") if person.deleted_at else ""),
            ("export.created", person.created_at.astimezone().strftime("%d.%m.%Y %H:%M")),
            ("person.col.updated", person.updated_at.astimezone().strftime("%d.%m.%Y %H:%M")),
        ):
            sheet.append([_t(key), value])
        clients_sheet = book.sheet(
            _t("person.sheet.clients"),
            [
                Column(_t("export.client_no"), 10, "number"),
                Column(_t("field.name"), 34),
                Column(_t("field.kind"), 14),
                Column(_t("field.inn"), 14, "identifier"),
                Column(_t("field.phone"), 20, "identifier"),
                Column(_t("field.email"), 26),
                Column(_t("field.position"), 26),
                Column(_t("person.col.contact_no"), 12, "number"),
            ],
        )
        for other in people:
            client = found.get(other.client_id)
            if client is not None:
                clients_sheet.append(
                    [
                        client.id,
                        client.name,
                        client.kind.label,
                        client.inn,
                        client.phone,
                        client.email,
                        other.position,
                        other.id,
                    ]
                )
        history_sheet = book.sheet(
            _t("person.sheet.history"),
            [
                Column(_t("export.client_no"), 10, "number"),
                Column(_t("export.client"), 30),
                Column(_t("field.occurred_at"), 17, "datetime"),
                Column(_t("export.interaction_kind"), 12),
                Column(_t("field.summary"), 50),
                Column(_t("field.result"), 40),
                Column(_t("field.manager"), 20),
                Column(_t("person.col.how"), 18),
            ],
        )
        for entry, linked in history:
            history_sheet.append(
                [
                    entry.client_id,
                    names.get(entry.client_id, ""),
                    entry.occurred_at,
                    entry.kind.label,
                    entry.summary,
                    entry.result,
                    entry.manager_name,
                    _t("person.how.link" if linked else "person.how.name"),
                ]
            )
        audit_sheet = book.sheet(
            _t("person.sheet.audit"),
            [
                Column(_t("person.col.at"), 17, "datetime"),
                Column(_t("field.manager"), 20),
                Column(_t("person.col.entity"), 14),
                Column(_t("person.col.entity_id"), 10, "number"),
                Column(_t("person.col.action"), 14),
                Column(_t("person.col.field"), 20),
                Column(_t("person.col.old"), 30),
                Column(_t("person.col.new"), 30),
                Column(_t("person.col.via"), 20),
            ],
        )
        for row in audit:
            audit_sheet.append(row)
        files_sheet = book.sheet(
            _t("person.sheet.files"),
            [
                Column(_t("export.client_no"), 10, "number"),
                Column(_t("export.client"), 30),
                Column(_t("person.col.file"), 40),
                Column(_t("person.col.file_id"), 10, "number"),
                Column(_t("person.col.bytes"), 14, "number"),
                Column(_t("person.col.added"), 17, "datetime"),
                Column(_t("person.col.in_trash"), 10),
            ],
        )
        for file in files:
            files_sheet.append(
                [
                    file.client_id,
                    names.get(file.client_id, ""),
                    file.name,
                    file.id,
                    file.size,
                    file.created_at,
                    _t("export.yes") if file.deleted_at else "",
                ]
            )
        book.close()
    except OSError as exc:
        book.abort()
        raise write_problem(exc, path) from exc
    except BaseException:
        book.abort()
        raise
    return PersonExport(path, len(clients), len(history), len(audit))
