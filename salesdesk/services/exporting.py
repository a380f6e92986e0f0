"""Exporting the client base — everything, the current filter or a selection — to .xlsx or .csv.

The workbook has a sheet of clients and sheets of their contact persons, deals, reminders,
contact history (calls, meetings, e-mails, notes) and change history (the audit trail: who changed
what, when, before → after; the import reads past it), tied by the client's number, so that it
imports back into an empty base with nothing lost and into the same base as "no changes". Rows
are read and written in chunks, so memory does not grow with the size of the base.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from salesdesk.domain.attachments import Attachment
from salesdesk.domain.audit import AuditRecord, action_label, display_value, entity_label, field_label, via_label
from salesdesk.domain.birthdays import birth_cell
from salesdesk.domain.errors import UserError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import (
    ClientKind,
    ClientStatus,
    DealStage,
    InteractionKind,
    Recurrence,
)
from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.files import targets
from salesdesk.files.errors import write_problem
from salesdesk.files.writing import Column, CsvWriter, XlsxBook, rows_per_sheet
from salesdesk.services import permissions
from salesdesk.services.common import Cancelled, Reporter, SilentReporter
from salesdesk.store import UnitOfWork
from salesdesk.store.export_rows import ClientCells, DealCells, InteractionCells, PersonCells, ReminderCells

CHUNK = 1_000
ID = "identifier"  # a text column: what is typed into it later keeps its leading zeros too


@dataclass(frozen=True)
class ExportResult:
    path: Path
    clients: int
    contacts: int
    deals: int
    reminders: int
    interactions: int = 0
    changes: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "clients": self.clients,
            "contacts": self.contacts,
            "deals": self.deals,
            "reminders": self.reminders,
            "interactions": self.interactions,
            "changes": self.changes,
        }


def _t(key: str) -> str:
    return str(msg(key))


def _client_columns() -> list[Column]:
    f = "field."
    return [
        Column(_t("export.no"), 8, "number"),
        Column(_t(f + "name"), 34),
        Column(_t(f + "full_name"), 40),
        Column(_t(f + "kind"), 14),
        Column(_t(f + "status"), 14),
        Column(_t(f + "inn"), 14, ID),
        Column(_t(f + "kpp"), 12, ID),
        Column(_t("export.ogrn"), 17, ID),
        Column(_t(f + "phone"), 20, ID),
        Column(_t(f + "email"), 26),
        Column(_t(f + "legal_address"), 40),
        Column(_t(f + "postal_address"), 40),
        Column(_t(f + "city"), 16),
        Column(_t(f + "industry"), 30),
        Column(_t(f + "owner"), 20),
        Column(_t(f + "source"), 16),
        Column(_t(f + "tags"), 18),
        Column(_t(f + "bank_name"), 26),
        Column(_t(f + "bik"), 12, ID),
        Column(_t(f + "account"), 24, ID),
        Column(_t(f + "corr_account"), 24, ID),
        Column(_t(f + "notes"), 40),
        Column(_t("export.completeness"), 12, "number"),
        Column(_t("export.created"), 17, "datetime"),
    ]


def _contact_columns() -> list[Column]:
    return [
        Column(_t("export.client_no"), 10, "number"),
        Column(_t("export.client"), 30),
        Column(_t("field.full_name_person"), 32),
        Column(_t("field.position"), 26),
        Column(_t("field.birth_date"), 14, "date"),
        Column(_t("export.phones"), 30),
        Column(_t("export.emails"), 30),
        Column(_t("export.primary"), 10),
        Column(_t("export.note"), 30),
    ]


def _deal_columns() -> list[Column]:
    return [
        Column(_t("export.client_no"), 10, "number"),
        Column(_t("export.client"), 30),
        Column(_t("export.deal"), 34),
        Column(_t("field.stage"), 14),
        Column(_t("field.amount"), 16, "money"),
        Column(_t("field.currency"), 9),
        Column(_t("export.opened"), 13, "date"),
        Column(_t("export.closed"), 13, "date"),
        Column(_t("field.contract_end"), 16, "date"),
        Column(_t("field.lost_reason"), 30),
        Column(_t("field.owner"), 20),
    ]


def _reminder_columns() -> list[Column]:
    return [
        Column(_t("export.client_no"), 10, "number"),
        Column(_t("export.client"), 30),
        Column(_t("field.due_at"), 17, "datetime"),
        Column(_t("field.text"), 40),
        Column(_t("field.recurrence"), 16),
        Column(_t("export.done"), 17, "datetime"),
        Column(_t("field.manager"), 20),
    ]


def _interaction_columns() -> list[Column]:
    return [
        Column(_t("export.client_no"), 10, "number"),
        Column(_t("export.client"), 30),
        Column(_t("field.occurred_at"), 17, "datetime"),
        Column(_t("export.interaction_kind"), 12),
        Column(_t("field.summary"), 50),
        Column(_t("field.result"), 40),
        Column(_t("field.manager"), 20),
    ]


def _file_columns() -> list[Column]:
    return [
        Column(_t("export.client_no"), 10, "number"),
        Column(_t("export.client"), 30),
        Column(_t("export.file_no"), 10, "number"),
        Column(_t("export.file_name"), 40),
        Column(_t("export.file_bytes"), 12, "number"),
        Column(_t("export.file_added"), 17, "datetime"),
        Column("SHA-256", 66),
    ]


def _change_columns() -> list[Column]:
    return [
        Column(_t("export.client_no"), 10, "number"),
        Column(_t("audit.at"), 17, "datetime"),
        Column(_t("audit.manager"), 20),
        Column(_t("audit.what"), 18),
        Column(_t("audit.entity_id"), 10, "number"),
        Column(_t("audit.action"), 14),
        Column(_t("audit.field"), 20),
        Column(_t("audit.old"), 30),
        Column(_t("audit.new"), 30),
        Column(_t("audit.via"), 24),
    ]


def change_row(r: AuditRecord) -> list[Any]:
    if r.erased:
        old = new = _t("audit.erased")
    else:
        old, new = display_value(r.entity, r.field, r.old), display_value(r.entity, r.field, r.new)
    return [
        r.client_id,
        r.at,
        r.manager or "",
        entity_label(r.entity),
        r.entity_id,
        action_label(r.action),
        field_label(r.entity, r.field),
        old,
        new,
        via_label(r),
    ]


_CODED_FIELDS = frozenset({"kind", "status", "stage", "recurrence", "is_primary"})


class _Named(Protocol):
    """What a row of another sheet shows of its client."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


class _Rows:
    """The rows of each sheet as the functions above build them, with the words they look up in the
    message catalogue (kinds, statuses, stages, the trail's entities, actions, fields and values)
    looked up once per export instead of once per cell: half the time of reading the base went to
    rendering the same few labels again (issue 17). The language does not change during an export."""

    def __init__(self, managers: dict[int, str]) -> None:
        self._managers = managers
        self._yes = _t("export.yes")
        self._labels: dict[Any, str] = {}
        self._entity = functools.cache(entity_label)
        self._action = functools.cache(action_label)
        self._field = functools.cache(field_label)
        self._values: dict[tuple[str, str, str], str] = {}  # a coded field's values (kinds, stages …)
        self._vias: dict[tuple[str, str], str] = {}
        self._erased = _t("audit.erased")

    def _label(self, member: Any) -> str:
        label = self._labels.get(member)
        if label is None:
            label = self._labels[member] = member.label
        return label

    def _code(self, kind: type[Any], code: str) -> str:
        label = self._labels.get((kind, code))
        if label is None:
            label = self._labels[(kind, code)] = kind(code).label
        return label

    def client(self, c: ClientCells) -> list[Any]:
        return [
            c.id,
            c.name,
            c.full_name,
            self._code(ClientKind, c.kind),
            self._code(ClientStatus, c.status),
            c.inn,
            c.kpp,
            c.ogrn,
            c.phone,
            c.email,
            c.legal_address,
            c.postal_address,
            c.city,
            c.industry_name,
            c.owner_name,
            c.source,
            ", ".join(c.tags),
            c.bank_name,
            c.bik,
            c.account,
            c.corr_account,
            c.notes,
            c.completeness,
            c.created_at,
        ]

    def contact(self, client: _Named, p: PersonCells) -> list[Any]:
        return [
            client.id,
            client.name,
            p.full_name,
            p.position,
            birth_cell(p.birth_date),
            "; ".join(p.phones),
            ", ".join(p.emails),
            self._yes if p.is_primary else "",
            p.note,
        ]

    def deal(self, client: _Named, d: DealCells) -> list[Any]:
        return [
            client.id,
            client.name,
            d.title,
            self._code(DealStage, d.stage),
            d.amount.amount,
            d.amount.currency,
            d.opened_on,
            d.closed_on,
            d.contract_end,
            d.lost_reason,
            d.owner_name,
        ]

    def reminder(self, client: _Named, r: ReminderCells) -> list[Any]:
        repeat = "" if r.recurrence == Recurrence.NONE.value else self._code(Recurrence, r.recurrence)
        return [client.id, client.name, r.due_at, r.text, repeat, r.done_at, self._managers.get(r.manager_id or 0, "")]

    def interaction(self, client: _Named, i: InteractionCells) -> list[Any]:
        return [
            client.id,
            client.name,
            i.occurred_at,
            self._code(InteractionKind, i.kind),
            i.summary,
            i.result,
            i.manager_name,
        ]

    def file(self, client: _Named, f: Attachment) -> list[Any]:
        return [client.id, client.name, f.id, f.name, f.size, f.created_at, f.sha256]

    def _value(self, entity: str, field: str | None, value: str | None) -> str:
        """``display_value``, kept for the fields whose few values read as labels (a name or a note
        is looked at once: keeping them would grow with the base)."""
        if value is None or field not in _CODED_FIELDS:
            return display_value(entity, field, value)
        key = (entity, field, value)
        shown = self._values.get(key)
        if shown is None:
            shown = self._values[key] = display_value(entity, field, value)
        return shown

    def change(self, r: AuditRecord) -> list[Any]:
        if r.erased:
            old = new = self._erased
        else:
            old, new = self._value(r.entity, r.field, r.old), self._value(r.entity, r.field, r.new)
        via = self._vias.get((r.source, r.via))
        if via is None:
            via = self._vias[(r.source, r.via)] = via_label(r)
        return [
            r.client_id,
            r.at,
            r.manager or "",
            self._entity(r.entity),
            r.entity_id,
            self._action(r.action),
            self._field(r.entity, r.field),
            old,
            new,
            via,
        ]


def check_target(path: Path, uow: UnitOfWork | None = None, *, field: str = "file") -> None:
    """Refuse a path no export, report or error file may be written to: the open base (of *uow*)
    or any other database, a device, a folder, a read-only file (``RefusedTarget``, a
    ``ValidationError``: exit 2 on the command line, a message in the window's dialog)."""
    targets.check_target(path, base=uow.database.path if uow is not None else None, field=field)


def export_clients(
    uow: UnitOfWork,
    path: Path,
    *,
    query: ClientQuery | None = None,
    ids: Sequence[int] | None = None,
    reporter: Reporter | None = None,
) -> ExportResult:
    """Write the clients of *query* (or exactly *ids*, or everyone) to *path* (.xlsx or .csv).

    ``RefusedTarget`` before anything is read when *path* must not be written (``check_target``);
    ``FileProblem`` saying what happened when writing fails, and then no file, whole or partial."""
    check_target(path, uow)
    reporter = reporter or SilentReporter()
    csv = path.suffix.lower() == ".csv"
    counts = {"clients": 0, "contacts": 0, "deals": 0, "reminders": 0, "interactions": 0, "changes": 0}
    with uow.reading():
        chosen = list(ids) if ids is not None else uow.listing.ids(query or ClientQuery(sort=ClientSort.NAME))
        permissions.require_export_of(uow, chosen)  # a manager of a base with a head: own clients only
        if not csv and len(chosen) >= rows_per_sheet():
            # the import reads the clients from one sheet: refused before anything is written
            raise UserError(msg("export.err.too_many_clients", n=len(chosen), most=rows_per_sheet() - 1))
        managers = {m.id: m.name for m in uow.managers.list()}
        rows = _Rows(managers)
        if csv:
            writer = CsvWriter(path, [c.title for c in _client_columns()])
            try:
                for chunk in _chunks(chosen, reporter):
                    for client in _in_order(uow.export_rows.clients(chunk), chunk):
                        writer.append(rows.client(client))
                        counts["clients"] += 1
            except BaseException:
                writer.abort()  # a cancelled or failed export leaves no half-written file
                raise
            writer.close()
        else:
            book = XlsxBook(path, _t("export.title"))
            try:
                clients_sheet = book.sheet(_t("export.sheet.clients"), _client_columns())
                contacts_sheet = book.sheet(_t("export.sheet.contacts"), _contact_columns())
                deals_sheet = book.sheet(_t("export.sheet.deals"), _deal_columns())
                reminders_sheet = book.sheet(_t("export.sheet.reminders"), _reminder_columns())
                history_sheet = book.sheet(_t("export.sheet.interactions"), _interaction_columns())
                # the files' names, sizes and hashes: their bytes travel in a backup or a move to a
                # server, never in a spreadsheet (a cell holds 32,767 characters)
                files_sheet = book.sheet(_t("export.sheet.files"), _file_columns())
                changes_sheet = book.sheet(_t("export.sheet.changes"), _change_columns())
                for chunk in _chunks(chosen, reporter):
                    people = uow.export_rows.people(chunk)
                    deals = uow.export_rows.deals(chunk)
                    reminders = uow.export_rows.reminders(chunk)
                    history = uow.export_rows.interactions(chunk)
                    trail = uow.export_rows.trail(chunk)
                    attached = uow.attachments.list_for_clients(chunk)
                    for client in _in_order(uow.export_rows.clients(chunk), chunk):
                        clients_sheet.append(rows.client(client))
                        counts["clients"] += 1
                        for person in people.get(client.id, ()):
                            contacts_sheet.append(rows.contact(client, person))
                            counts["contacts"] += 1
                        for deal in deals.get(client.id, ()):
                            deals_sheet.append(rows.deal(client, deal))
                            counts["deals"] += 1
                        for reminder in reminders.get(client.id, ()):
                            reminders_sheet.append(rows.reminder(client, reminder))
                            counts["reminders"] += 1
                        for interaction in history.get(client.id, ()):
                            history_sheet.append(rows.interaction(client, interaction))
                            counts["interactions"] += 1
                        for item in attached.get(client.id, ()):
                            files_sheet.append(rows.file(client, item))
                        for record in trail.get(client.id, ()):
                            changes_sheet.append(rows.change(record))
                            counts["changes"] += 1
                book.close()
            except OSError as exc:  # the sheets stream through temporary files as they fill
                book.abort()
                raise write_problem(exc, path) from exc
            except BaseException:
                book.abort()  # a cancelled export leaves nothing half-written behind
                raise
    return ExportResult(path, **counts)


def _chunks(ids: list[int], reporter: Reporter) -> Iterator[list[int]]:
    """Ids in chunks, reporting progress and honouring Cancel as they are consumed."""
    for start in range(0, len(ids), CHUNK):
        if reporter.cancelled():
            raise Cancelled()
        yield ids[start : start + CHUNK]
        reporter.progress(min(start + CHUNK, len(ids)), len(ids))


def _in_order(found: dict[int, ClientCells], chunk: list[int]) -> list[ClientCells]:
    return [found[i] for i in chunk if i in found]
