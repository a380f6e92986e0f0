"""Contact cards (.vcf): importing them as contact persons or private-person clients, exporting contacts.

Importing goes through the spreadsheet import's planner (``services.importing``): the same preview
(``ImportPlan``, a row per card), the same duplicate rules (a private person matched by phone,
e-mail or name; a contact person of the same name on a client is not added twice), the same error
file of rejected cards, one transaction, the audit trail and the change signal. Nothing on a card
that SalesDesk keeps is lost: a birthday without a year and a second organisation go to the note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientFields, ClientKind, ClientStatus, ContactFields, ContactPerson
from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.domain.text import fold
from salesdesk.domain.validation import clean_client, clean_contact, client_problems, contact_problems
from salesdesk.files.vcard import Birthday, Card, Phone, read_cards, write_cards
from salesdesk.services import importing, permissions
from salesdesk.services.common import Reporter, SilentReporter, cycle_collection_paused, utcnow
from salesdesk.services.exporting import check_target
from salesdesk.services.importing import (
    Fate,
    ImportOptions,
    ImportPlan,
    ImportResult,
    RowReport,
    _Extras,
    _Pending,
    _Planner,
)
from salesdesk.services.sheet_rows import Row
from salesdesk.store import UnitOfWork

SUFFIX = ".vcf"
_DEFAULTS = ImportOptions()


def is_vcard(path: Path) -> bool:
    return path.suffix.lower() in (".vcf", ".vcard")


# Importing ---------------------------------------------------------------------------------------------


def _headers() -> tuple[str, ...]:
    """The columns of the error file of rejected cards (and of the preview's raw values)."""
    keys = ("field.full_name_person", "field.phone", "field.email", "field.org", "field.position", "field.birth_date")
    return (*(str(msg(k)) for k in keys), str(msg("field.notes")))


def _birthday_text(birthday: Birthday | None, bad: str) -> str:
    if birthday is None:
        return bad
    if birthday.year is None:
        return f"{birthday.day:02d}.{birthday.month:02d}"
    return f"{birthday.day:02d}.{birthday.month:02d}.{birthday.year:04d}"


def _raw(card: Card) -> list[Any]:
    return [
        card.name(),
        "; ".join(p.number for p in card.phones),
        "; ".join(card.emails),
        card.org,
        card.title,
        _birthday_text(card.birthday, card.bad_birthday),
        card.note,
    ]


def card_count(path: Path) -> int:
    """How many cards *path* holds (``FileProblem`` when it is not a vCard file): the wizard's first look."""
    return len(read_cards(path))


def contact_of(card: Card, client_name: str = "") -> ContactFields:
    """The contact person a card describes; the organisation joins the position when it is not
    *client_name*, and a birthday without a year is written into the note (there is no such date)."""
    position = card.title
    if card.org and fold(card.org) != fold(client_name):
        position = ", ".join(p for p in (card.title, card.org) if p)
    note = card.note
    if card.birthday is not None and card.birthday.year is None:
        day = str(msg("vcard.birthday_no_year", date=_birthday_text(card.birthday, "")))
        note = "\n".join(p for p in (note, day) if p)
    return clean_contact(
        ContactFields(
            full_name=card.name(),
            position=position,
            birth_date=card.birthday.as_date() if card.birthday is not None else None,
            phones=tuple(dict.fromkeys(p.number for p in card.phones)),
            emails=tuple(dict.fromkeys(card.emails)),
            note=note,
        )
    )


def _row(card: Card, client_name: str | None, today: date) -> Row:
    """A card as the planner's row: a private-person client (*client_name* None) or a contact person."""
    row = Row(card.line, _raw(card))
    if card.too_long:
        row.problems.extend(str(msg("vcard.too_long", field=name, limit=32_767)) for name in card.too_long)
    if card.bad_birthday:
        row.problems.append(str(msg("err.date", field=msg("field.birth_date"), value=card.bad_birthday[:40])))
    contact = contact_of(card, client_name or card.name())
    row.contact = contact
    row.problems.extend(str(p) for p in contact_problems(contact, today) if p.blocking)
    if client_name is None:
        client = clean_client(
            ClientFields(
                name=card.name(),
                kind=ClientKind.PERSON,
                status=ClientStatus.LEAD,
                phone=contact.phones[0] if contact.phones else "",
                email=contact.emails[0] if contact.emails else "",
            )
        )
        row.problems.extend(str(p) for p in client_problems(client) if p.blocking and str(p) not in row.problems)
        row.client = client
    row.problems = list(dict.fromkeys(row.problems))
    return row


def plan_vcard_import(
    uow: UnitOfWork,
    path: Path,
    options: ImportOptions = _DEFAULTS,
    *,
    client_id: int | None = None,
    reporter: Reporter | None = None,
) -> ImportPlan:
    """What importing the cards of *path* would do, card by card; nothing is written."""
    with cycle_collection_paused(), uow.reading():
        plan, _planner, _rows = _plan(uow, path, options, client_id, reporter or SilentReporter())
    return plan


def _plan(
    uow: UnitOfWork, path: Path, options: ImportOptions, client_id: int | None, reporter: Reporter
) -> tuple[ImportPlan, _Planner, list[Row]]:
    cards = read_cards(path)
    today = date.today()
    planner = _Planner(uow, options, reporter)
    if client_id is None:
        rows = [_row(card, None, today) for card in cards]
        planner.plan(rows, _Extras())  # uses the rows up: the rejected ones stay with the planner
        rows = planner.rejected
    else:
        client = uow.clients.get(client_id)  # NotFoundError: "client #N not found"
        rows = [_row(card, client.name, today) for card in cards]
        target = _Pending(rows[0].line if rows else 0, client.fields(), [], "", "", "", base=client, report=0)
        planner.base_pending[client.id] = target
        planner.contact_names = uow.contacts.names_for([client.id])
        of = str(msg("import.client_ref", id=client.id, name=client.name, field=msg("field.full_name_person")))
        for row in rows:
            assert row.contact is not None
            name = row.contact.full_name
            if row.problems:
                planner.reports.append(RowReport(row.line, Fate.ERROR, name, tuple(row.problems)))
            elif planner._add_contact(target, row.contact):
                target.changed |= {"contacts"}
                planner.reports.append(RowReport(row.line, Fate.NEW, name, client_id=client.id))
            else:  # a contact person of that name is on the card already (or earlier in the file)
                planner.reports.append(RowReport(row.line, Fate.UNCHANGED, name, duplicate_of=of, client_id=client.id))
    plan = ImportPlan(
        path,
        path.stem,
        (path.stem,),
        0,
        _headers(),
        {},
        tuple(planner.reports),
        tuple(planner.new_industries),
        tuple(planner.new_managers),
    )
    return plan, planner, rows


def run_vcard_import(
    uow: UnitOfWork,
    path: Path,
    options: ImportOptions = _DEFAULTS,
    *,
    client_id: int | None = None,
    reporter: Reporter | None = None,
    dry_run: bool = False,
    error_dir: Path | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Import the cards of *path* onto client *client_id* (contact persons) or as private-person
    clients (*client_id* None); with *dry_run* only plan. One transaction, as a spreadsheet's."""
    from salesdesk.files.targets import check_folder

    reporter = reporter or SilentReporter()
    now = now or utcnow()
    if error_dir is not None and not dry_run:
        check_folder(error_dir)
    with cycle_collection_paused(), uow.reading() if dry_run else uow.importing(path.name):
        plan, planner, rows = _plan(uow, path, options, client_id, reporter)
        created = len(planner.pending)  # the writing lets them go as they are written
        error_file = (
            importing._write_error_file(uow, path, plan, rows, planner.widest, error_dir)
            if plan.count(Fate.ERROR) and not dry_run
            else None
        )
        if not dry_run:
            importing._apply(uow, planner, reporter, now)
            if client_id is not None and plan.count(Fate.NEW):
                uow.record("client", client_id, "contacts")
            uow.record("base", 0, "import")
            uow.commit()
    if client_id is None:
        updated = sum(1 for p in planner.base_pending.values() if p.changed)
    else:  # contact persons: the count is of cards that became contacts
        created, updated = plan.count(Fate.NEW), 0
    skipped = plan.count(Fate.SKIPPED) + plan.count(Fate.UNCHANGED)
    return ImportResult(created, updated, skipped, plan.count(Fate.ERROR), plan.repaired, error_file, plan, dry_run)


# Exporting ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VCardExportResult:
    path: Path
    clients: int
    contacts: int

    def as_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "clients": self.clients, "contacts": self.contacts}


def card_of(person: ContactPerson | ContactFields, client_name: str, uid: str = "") -> Card:
    """The card of a contact person of the client *client_name* (its organisation, unless it is the person)."""
    birth = person.birth_date
    return Card(
        full_name=person.full_name,
        org="" if fold(client_name) == fold(person.full_name) else client_name,
        title=person.position,
        phones=tuple(Phone(p) for p in person.phones),
        emails=tuple(person.emails),
        birthday=Birthday(birth.month, birth.day, birth.year) if birth is not None else None,
        note=person.note,
        uid=uid,
    )


def export_contacts(
    uow: UnitOfWork,
    path: Path,
    *,
    query: ClientQuery | None = None,
    client_ids: Sequence[int] | None = None,
    contact_ids: Sequence[int] | None = None,
) -> VCardExportResult:
    """Write the contact persons of the clients of *query* (or of *client_ids*, or only the
    *contact_ids* of them) to *path* as vCard 3.0; a private person without contact persons is a
    card of their own. The file is written whole or not at all."""
    check_target(path, uow)
    cards: list[Card] = []
    clients_done = 0
    with uow.reading():
        chosen = (
            list(client_ids) if client_ids is not None else uow.listing.ids(query or ClientQuery(sort=ClientSort.NAME))
        )
        permissions.require_export_of(uow, chosen)
        wanted = set(contact_ids) if contact_ids is not None else None
        for start in range(0, len(chosen), 1000):
            chunk = chosen[start : start + 1000]
            people = uow.contacts.list_for_clients(chunk)
            stored = uow.clients.get_many(chunk)
            for ident in chunk:
                client = stored.get(ident)
                if client is None:
                    continue
                persons = [p for p in people.get(ident, ()) if wanted is None or p.id in wanted]
                alone = client.kind is ClientKind.PERSON and (client.phone or client.email)
                if not persons and wanted is None and alone:
                    fields = ContactFields(
                        full_name=client.name,
                        phones=(client.phone,) if client.phone else (),
                        emails=(client.email,) if client.email else (),
                    )
                    cards.append(card_of(fields, client.name, f"salesdesk-client-{client.id}"))
                for person in persons:
                    cards.append(card_of(person, client.name, f"salesdesk-contact-{person.id}"))
                if persons or (cards and cards[-1].uid == f"salesdesk-client-{client.id}"):
                    clients_done += 1
    count = write_cards(path, cards)
    return VCardExportResult(path, clients_done, count)
