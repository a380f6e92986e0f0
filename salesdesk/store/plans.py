"""Sales plans and the figures the Plan and fact and Hooks reports read (issue 16), as SQL.

``PlanRepository`` (``uow.plans``) keeps the ``plans`` table: one amount per manager, currency and
period code ("2026-12", "2026-Q4"). ``PlanQueries`` (``uow.plan_queries``) are the aggregates: won
deals and the open pipeline per manager and currency, the reminders done in a period with the first
interaction after each, and the won deals of their clients. Like ``store/reports.py`` nothing reads
detail rows it could sum in the database, except the done reminders and the deals that may follow
them, which the hooks' rules (one deal credited to one hook) need one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, delete, func, insert, select, update

from salesdesk.domain.plans import Plan, parse_code
from salesdesk.store import schema as s
from salesdesk.store.reports import OPEN_STAGES, WON, _live_client


class OpenTotal(NamedTuple):
    owner_id: int | None
    currency: str
    stage: str
    deals: int
    amount_minor: int


class WonTotal(NamedTuple):
    owner_id: int | None
    currency: str
    deals: int
    amount_minor: int


class DoneReminder(NamedTuple):
    id: int
    client_id: int
    manager_id: int | None  # the reminder's manager, else its client's owner
    text: str
    done_at: datetime
    next_interaction: datetime | None  # the first interaction at or after done_at


class WonDeal(NamedTuple):
    id: int
    client_id: int
    closed_on: date
    currency: str
    amount_minor: int


class ManagerRow(NamedTuple):
    id: int
    name: str
    active: bool


class PlanRepository:
    """The ``plans`` table, inside the caller's transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _select(self) -> Select[Any]:
        p, m = s.plans.c, s.managers.c
        return select(p.id, p.manager_id, m.name, p.currency, p.period, p.amount_minor).join_from(
            s.plans, s.managers, m.id == p.manager_id
        )

    def read(self, codes: Sequence[str] | None = None, *, manager_id: int | None = None) -> list[Plan]:
        """Plans of the period codes given (all when None), by manager name, currency, period."""
        p, m = s.plans.c, s.managers.c
        stmt = self._select()
        if codes is not None:
            stmt = stmt.where(p.period.in_(list(codes)))
        if manager_id is not None:
            stmt = stmt.where(p.manager_id == manager_id)
        stmt = stmt.order_by(m.name_norm, p.manager_id, p.currency, p.period)
        return [
            Plan(int(i), int(mid), str(name), str(cur), parse_code(str(code)), int(amount))
            for i, mid, name, cur, code, amount in self.conn.execute(stmt)
        ]

    def find(self, manager_id: int, currency: str, code: str) -> Plan | None:
        found = self.read([code], manager_id=manager_id)
        return next((plan for plan in found if plan.currency == currency), None)

    def put(self, manager_id: int, currency: str, code: str, amount_minor: int, now: datetime) -> tuple[int, bool]:
        """Set the plan (insert or replace); (its id, whether it was new)."""
        table = s.plans
        current = self.find(manager_id, currency, code)
        if current is not None:
            self.conn.execute(
                update(table)
                .where(table.c.id == current.id)
                .values(amount_minor=amount_minor, updated_at=now, version=table.c.version + 1)
            )
            return current.id, False
        new_id = self.conn.execute(
            insert(table)
            .values(
                manager_id=manager_id,
                currency=currency,
                period=code,
                amount_minor=amount_minor,
                created_at=now,
                updated_at=now,
            )
            .returning(table.c.id)
        ).scalar_one()
        return int(new_id), True

    def remove(self, plan_id: int) -> None:
        self.conn.execute(delete(s.plans).where(s.plans.c.id == plan_id))

    # Demo data: a history of plans and of reminders done, for clients the bulk loader just added.

    def won_since(self, client_ids: Sequence[int], since: date) -> list[tuple[int, date, date, int | None]]:
        """(client, opened_on, closed_on, owner) of the won deals closed since *since* of clients
        whose ids lie between the smallest and the largest of *client_ids*."""
        if not client_ids:
            return []
        d = s.deals.c
        stmt = (
            select(d.client_id, d.opened_on, d.closed_on, d.owner_id)
            .where(
                d.stage == WON,
                d.closed_on >= since,
                d.client_id.between(min(client_ids), max(client_ids)),
                d.deleted_at.is_(None),
            )
            .order_by(d.id)
        )
        return [(int(c), o, cl, None if w is None else int(w)) for c, o, cl, w in self.conn.execute(stmt)]

    def created_at(self, client_ids: Sequence[int]) -> dict[int, datetime]:
        """When each client whose id lies between the smallest and largest of *client_ids* came."""
        if not client_ids:
            return {}
        c = s.clients.c
        stmt = select(c.id, c.created_at).where(c.id.between(min(client_ids), max(client_ids)))
        return {int(i): at for i, at in self.conn.execute(stmt)}

    def add_done_reminders(self, rows: Sequence[tuple[int, int | None, str, datetime, datetime]]) -> None:
        """Reminders already done: (client, manager, text, due_at, done_at)."""
        if not rows:
            return
        self.conn.execute(
            insert(s.reminders),
            [
                {
                    "client_id": client,
                    "manager_id": manager,
                    "text": text,
                    "due_at": due,
                    "effective_due": due,
                    "done_at": done,
                    "recurrence": "none",
                    "version": 1,
                    "created_at": due,
                    "updated_at": done,
                }
                for client, manager, text, due, done in rows
            ],
        )


class PlanQueries:
    """Read-only aggregates for the Plan and fact and Hooks reports."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def managers(self) -> list[ManagerRow]:
        m = s.managers.c
        stmt = select(m.id, m.name, m.active).where(m.deleted_at.is_(None)).order_by(m.name_norm, m.id)
        return [ManagerRow(int(i), str(name), bool(active)) for i, name, active in self.conn.execute(stmt)]

    def won(self, start: date, end: date, *, manager_id: int | None = None) -> list[WonTotal]:
        """Won deals closed in [start, end] per deal owner and currency."""
        d = s.deals.c
        conditions = [
            d.stage == WON,
            d.deleted_at.is_(None),
            d.closed_on >= start,
            d.closed_on <= end,
            _live_client(d.client_id),
        ]
        if manager_id is not None:
            conditions.append(d.owner_id == manager_id)
        stmt = (
            select(d.owner_id, d.currency, func.count(), func.sum(d.amount_minor))
            .where(*conditions)
            .group_by(d.owner_id, d.currency)
        )
        return [
            WonTotal(None if o is None else int(o), str(c), int(n), int(a)) for o, c, n, a in self.conn.execute(stmt)
        ]

    def open_pipeline(self, *, manager_id: int | None = None) -> list[OpenTotal]:
        """Open deals (new, negotiation, proposal) per owner, currency and stage."""
        d = s.deals.c
        conditions = [d.stage.in_(OPEN_STAGES), d.deleted_at.is_(None), _live_client(d.client_id)]
        if manager_id is not None:
            conditions.append(d.owner_id == manager_id)
        stmt = (
            select(d.owner_id, d.currency, d.stage, func.count(), func.sum(d.amount_minor))
            .where(*conditions)
            .group_by(d.owner_id, d.currency, d.stage)
        )
        return [
            OpenTotal(None if o is None else int(o), str(c), str(st), int(n), int(a))
            for o, c, st, n, a in self.conn.execute(stmt)
        ]

    def done_reminders(self, start: datetime, end: datetime) -> list[DoneReminder]:
        """Reminders marked done in [start, end) (not in the trash, of clients not in the trash),
        each with the first interaction with its client at or after the moment it was done."""
        r, c, i = s.reminders.c, s.clients.c, s.interactions.c
        first_after = (
            select(func.min(i.occurred_at))
            .where(i.client_id == r.client_id, i.occurred_at >= r.done_at, i.deleted_at.is_(None))
            .scalar_subquery()
        )
        stmt = (
            select(
                r.id,
                r.client_id,
                func.coalesce(r.manager_id, c.owner_id),
                r.text,
                r.done_at,
                first_after,
            )
            .join_from(s.reminders, s.clients, c.id == r.client_id)
            .where(
                r.done_at.is_not(None),
                r.done_at >= start,
                r.done_at < end,
                r.deleted_at.is_(None),
                c.deleted_at.is_(None),
            )
            .order_by(r.done_at, r.id)
        )
        return [
            DoneReminder(int(ident), int(client), None if who is None else int(who), str(text), done, nxt)
            for ident, client, who, text, done, nxt in self.conn.execute(stmt)
        ]

    def won_after(self, start: datetime, end: datetime, first: date, last: date) -> list[WonDeal]:
        """Won deals closed in [first, last] of the clients with a reminder done in [start, end)."""
        r, d = s.reminders.c, s.deals.c
        clients = select(r.client_id).where(r.done_at.is_not(None), r.done_at >= start, r.done_at < end)
        stmt = (
            select(d.id, d.client_id, d.closed_on, d.currency, d.amount_minor)
            .where(
                d.stage == WON,
                d.deleted_at.is_(None),
                d.closed_on >= first,
                d.closed_on <= last,
                d.client_id.in_(clients),
            )
            .order_by(d.client_id, d.closed_on, d.id)
        )
        return [WonDeal(int(i), int(c), day, str(cur), int(a)) for i, c, day, cur, a in self.conn.execute(stmt)]
