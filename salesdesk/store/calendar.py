"""What the calendar shows in a range of days, read in a few indexed queries: open reminders
(by their effective due time), calls and meetings of the contact history, contract ends of deals
(birthdays come from store/birthdays.py, shared with the reminders panel). Rows are plain tuples for
``services/calendar.py`` to shape."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from salesdesk.store import schema as s

# (id, client_id, client name, when, text, manager or owner id, version)
Row = tuple[Any, ...]


class CalendarQueries:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def reminders(self, start: datetime, end: datetime, manager_id: int | None) -> list[Row]:
        """Open reminders of live clients coming due in [start, end)."""
        r, c = s.reminders.c, s.clients.c
        query = (
            select(
                r.id, r.client_id, c.name, r.effective_due, r.text, r.manager_id, c.owner_id, r.version, r.recurrence
            )
            .select_from(s.reminders.join(s.clients, c.id == r.client_id))
            .where(
                r.effective_due >= start,
                r.effective_due < end,
                r.done_at.is_(None),
                r.deleted_at.is_(None),
                c.deleted_at.is_(None),
            )
        )
        if manager_id is not None:
            query = query.where(or_(r.manager_id == manager_id, and_(r.manager_id.is_(None), c.owner_id == manager_id)))
        return [tuple(x) for x in self.conn.execute(query.order_by(r.effective_due, r.id))]

    def interactions(self, start: datetime, end: datetime, kinds: Sequence[str], manager_id: int | None) -> list[Row]:
        """Calls and meetings (the kinds given) of live clients in [start, end)."""
        i, c = s.interactions.c, s.clients.c
        query = (
            select(i.id, i.client_id, c.name, i.occurred_at, i.summary, i.manager_id, c.owner_id, i.kind)
            .select_from(s.interactions.join(s.clients, c.id == i.client_id))
            .where(
                i.occurred_at >= start,
                i.occurred_at < end,
                i.kind.in_(list(kinds)),
                i.deleted_at.is_(None),
                c.deleted_at.is_(None),
            )
        )
        if manager_id is not None:
            query = query.where(or_(i.manager_id == manager_id, and_(i.manager_id.is_(None), c.owner_id == manager_id)))
        return [tuple(x) for x in self.conn.execute(query.order_by(i.occurred_at, i.id))]

    def contract_ends(self, first: date, last: date, manager_id: int | None) -> list[Row]:
        """Deals of live clients whose contract ends on a day in [first, last]."""
        d, c = s.deals.c, s.clients.c
        query = (
            select(d.id, d.client_id, c.name, d.contract_end, d.title, d.owner_id, c.owner_id)
            .select_from(s.deals.join(s.clients, c.id == d.client_id))
            .where(
                d.contract_end >= first,
                d.contract_end <= last,
                d.deleted_at.is_(None),
                c.deleted_at.is_(None),
            )
        )
        if manager_id is not None:
            query = query.where(or_(d.owner_id == manager_id, and_(d.owner_id.is_(None), c.owner_id == manager_id)))
        return [tuple(x) for x in self.conn.execute(query.order_by(d.contract_end, d.id))]
