"""The export's rows as they were built before issue 17 — from the domain objects the repositories
read, one label looked up per cell: the reference ``test_export_fast.py`` compares today's export
with, byte for byte, and the floor ``benchmarks/bench_excel.py`` feeds its bare dumps."""

from __future__ import annotations

from typing import Any

from salesdesk.domain.attachments import Attachment
from salesdesk.domain.birthdays import birth_cell
from salesdesk.domain.messages import msg
from salesdesk.domain.model import Client, ContactPerson, Deal, Interaction, Recurrence, Reminder


def _t(key: str) -> str:
    return str(msg(key))


def client_row(c: Client) -> list[Any]:
    return [
        c.id,
        c.name,
        c.full_name,
        c.kind.label,
        c.status.label,
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


def contact_row(client: Client, p: ContactPerson) -> list[Any]:
    return [
        client.id,
        client.name,
        p.full_name,
        p.position,
        birth_cell(p.birth_date),  # "12.03" when the year is unknown, never a date of 1604
        "; ".join(p.phones),
        ", ".join(p.emails),
        _t("export.yes") if p.is_primary else "",
        p.note,
    ]


def deal_row(client: Client, d: Deal) -> list[Any]:
    return [
        client.id,
        client.name,
        d.title,
        d.stage.label,
        d.amount.amount,
        d.amount.currency,
        d.opened_on,
        d.closed_on,
        d.contract_end,
        d.lost_reason,
        d.owner_name,
    ]


def reminder_row(client: Client, r: Reminder, managers: dict[int, str]) -> list[Any]:
    repeat = "" if r.recurrence is Recurrence.NONE else r.recurrence.label
    return [client.id, client.name, r.due_at, r.text, repeat, r.done_at, managers.get(r.manager_id or 0, "")]


def interaction_row(client: Client, i: Interaction) -> list[Any]:
    return [client.id, client.name, i.occurred_at, i.kind.label, i.summary, i.result, i.manager_name]


def file_row(client: Client, f: Attachment) -> list[Any]:
    return [client.id, client.name, f.id, f.name, f.size, f.created_at, f.sha256]
