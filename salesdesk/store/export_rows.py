"""The base read for the spreadsheet export as plain tuples (issue 17): the same values the
repositories give (``ClientRepository.get_many``, the ``list_for_clients`` of contact persons,
deals, reminders and the contact history, ``AuditRepository.for_clients``), without building a
domain object per row — for 100,000 clients that was more time than writing the workbook. Clients,
contact persons and the trail read only the columns the export writes; deals, reminders and the
history are read by their repository's own SQL, so that rows tied in its order come in the same order.

``tests/integration/test_export_fast.py`` compares the export made this way with the export made
from the repositories' objects, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from salesdesk.domain.audit import AuditRecord
from salesdesk.domain.model import Money
from salesdesk.store import schema as s
from salesdesk.store.repositories import (
    CLIENTS_WITH_NAMES,
    TAG_SEPARATOR,
    DealRepository,
    InteractionRepository,
    ReminderRepository,
    id_chunks,
)


class ClientCells(NamedTuple):
    """A client as the export's Clients sheet needs it; kind and status are their codes."""

    id: int
    name: str
    full_name: str
    kind: str
    status: str
    inn: str
    kpp: str
    ogrn: str
    phone: str
    email: str
    legal_address: str
    postal_address: str
    city: str
    industry_name: str
    owner_name: str
    source: str
    tags: tuple[str, ...]
    bank_name: str
    bik: str
    account: str
    corr_account: str
    notes: str
    completeness: int
    created_at: datetime


class PersonCells(NamedTuple):
    """A live contact person as the Contact persons sheet needs it; phones and e-mails in order."""

    full_name: str
    position: str
    birth_date: date | None
    note: str
    is_primary: bool
    phones: tuple[str, ...]
    emails: tuple[str, ...]


class DealCells(NamedTuple):
    """A live deal as the Deals sheet needs it; the stage is its code."""

    title: str
    stage: str
    amount: Money
    opened_on: date | None
    closed_on: date | None
    contract_end: date | None
    lost_reason: str
    owner_name: str


class ReminderCells(NamedTuple):
    """A live reminder as the Reminders sheet needs it; the recurrence is its code."""

    due_at: datetime
    text: str
    recurrence: str
    done_at: datetime | None
    manager_id: int | None


class InteractionCells(NamedTuple):
    """A live entry of the contact history as its sheet needs it; the kind is its code."""

    occurred_at: datetime
    kind: str
    summary: str
    result: str
    manager_name: str


_c, _i, _m = s.clients.c, s.industries.c, s.managers.c
_CLIENT = select(
    _c.id,
    _c.name,
    _c.full_name,
    _c.kind,
    _c.status,
    _c.inn,
    _c.kpp,
    _c.ogrn,
    _c.phone,
    _c.email,
    _c.legal_address,
    _c.postal_address,
    _c.city,
    _i.name,
    _m.name,
    _c.source,
    _c.tags,
    _c.bank_name,
    _c.bik,
    _c.account,
    _c.corr_account,
    _c.notes,
    _c.completeness,
    _c.created_at,
).select_from(CLIENTS_WITH_NAMES)


class ExportRows:
    """``uow.export_rows``: what the export writes, read in chunks of client ids."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def clients(self, ids: Sequence[int]) -> dict[int, ClientCells]:
        """The clients of *ids* by id (missing ids left out), in the trash or not, as ``get_many``."""
        found: dict[int, ClientCells] = {}
        for chunk in id_chunks(ids):
            for row in self.conn.execute(_CLIENT.where(_c.id.in_(chunk))):
                values = list(row)
                values[13] = values[13] or ""  # industry and owner: "" when none, as on the card
                values[14] = values[14] or ""
                values[16] = tuple(part for part in values[16].split(TAG_SEPARATOR) if part)
                found[values[0]] = ClientCells(*values)
        return found

    def people(self, client_ids: Sequence[int]) -> dict[int, list[PersonCells]]:
        """Live contact persons of these clients by client id, each client's primary first, as
        ``ContactRepository.list_for_clients``."""
        k, ch = s.contacts.c, s.contact_channels.c
        rows = [
            row
            for chunk in id_chunks(client_ids)
            for row in self.conn.execute(
                select(k.id, k.client_id, k.full_name, k.position, k.birth_date, k.note, k.is_primary)
                .where(k.client_id.in_(chunk), k.deleted_at.is_(None))
                .order_by(k.client_id, k.is_primary.desc(), k.id)
            )
        ]
        channels: dict[int, tuple[list[str], list[str]]] = {}
        for chunk in id_chunks([row[0] for row in rows]):
            for contact_id, kind, value in self.conn.execute(
                select(ch.contact_id, ch.kind, ch.value)
                .where(ch.contact_id.in_(chunk))
                .order_by(ch.contact_id, ch.position)
            ):
                phones, emails = channels.setdefault(contact_id, ([], []))
                if kind == "phone":
                    phones.append(value)
                elif kind == "email":
                    emails.append(value)
        out: dict[int, list[PersonCells]] = {}
        none: tuple[list[str], list[str]] = ([], [])
        for ident, client_id, full_name, position, birth_date, note, is_primary in rows:
            phones, emails = channels.get(ident, none)
            out.setdefault(client_id, []).append(
                PersonCells(full_name, position, birth_date, note, bool(is_primary), tuple(phones), tuple(emails))
            )
        return out

    def _live(self, repository: Any, client_ids: Sequence[int], *order: Any) -> Iterator[Any]:
        """The rows ``_Repository._live_by_client`` reads, by the same SQL (so ties in *order* come
        in the same order), before they become entities."""
        c = repository.table.c
        for chunk in id_chunks(client_ids):
            query = repository._select().where(c.client_id.in_(chunk), c.deleted_at.is_(None))
            yield from self.conn.execute(query.order_by(c.client_id, *order))

    def deals(self, client_ids: Sequence[int]) -> dict[int, list[DealCells]]:
        """As ``DealRepository.list_for_clients``."""
        out: dict[int, list[DealCells]] = {}
        d = s.deals.c
        for row in self._live(DealRepository(self.conn), client_ids, d.opened_on, d.id):
            out.setdefault(row.client_id, []).append(
                DealCells(
                    row.title,
                    row.stage,
                    Money.from_minor(row.amount_minor, row.currency),
                    row.opened_on,
                    row.closed_on,
                    row.contract_end,
                    row.lost_reason,
                    row.owner_name or "",
                )
            )
        return out

    def reminders(self, client_ids: Sequence[int]) -> dict[int, list[ReminderCells]]:
        """As ``ReminderRepository.list_for_clients``."""
        out: dict[int, list[ReminderCells]] = {}
        r = s.reminders.c
        for row in self._live(ReminderRepository(self.conn), client_ids, r.effective_due):
            out.setdefault(row.client_id, []).append(
                ReminderCells(row.due_at, row.text, row.recurrence, row.done_at, row.manager_id)
            )
        return out

    def interactions(self, client_ids: Sequence[int]) -> dict[int, list[InteractionCells]]:
        """As ``InteractionRepository.list_for_clients``."""
        out: dict[int, list[InteractionCells]] = {}
        i = s.interactions.c
        for row in self._live(InteractionRepository(self.conn), client_ids, i.occurred_at, i.id):
            out.setdefault(row.client_id, []).append(
                InteractionCells(row.occurred_at, row.kind, row.summary, row.result, row.manager_name or "")
            )
        return out

    def trail(self, client_ids: Sequence[int]) -> dict[int, list[AuditRecord]]:
        """The trail's entries of these cards by client, each card's oldest first, as
        ``AuditRepository.for_clients`` (its rows read by position, not by name)."""
        a, m = s.audit.c, s.managers.c
        out: dict[int, list[AuditRecord]] = {}
        statement = select(
            a.id,
            a.at,
            a.manager_id,
            m.name,
            a.via,
            a.source,
            a.entity,
            a.entity_id,
            a.client_id,
            a.action,
            a.field,
            a.old,
            a.new,
            a.erased,
        ).select_from(s.audit.outerjoin(s.managers, m.id == a.manager_id))
        for chunk in id_chunks(client_ids):
            query = statement.where(a.client_id.in_(chunk)).order_by(a.client_id, a.id)
            for (
                ident,
                at,
                manager_id,
                manager,
                via,
                source,
                entity,
                entity_id,
                client_id,
                action,
                field,
                old,
                new,
                erased,
            ) in self.conn.execute(query):
                out.setdefault(int(client_id), []).append(
                    AuditRecord(
                        id=int(ident),
                        at=at,
                        manager_id=manager_id,
                        manager=manager,
                        via=via,
                        source=source,
                        entity=entity,
                        entity_id=int(entity_id),
                        client_id=client_id,
                        action=action,
                        field=field,
                        old=old,
                        new=new,
                        erased=bool(erased),
                    )
                )
        return out
