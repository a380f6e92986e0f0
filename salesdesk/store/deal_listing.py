"""All deals as one list (the Deals tab): filters, sorting and paging done by the database.

Like the client list, a window in the second half is read from the end, so the last of a
million deals costs what the first does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from salesdesk.domain.model import DealStage, Money
from salesdesk.domain.queries import DealQuery, DealRow, DealSort, DealTotals
from salesdesk.domain.text import fold
from salesdesk.store import schema as s

_STAGE_ORDER = {stage.value: i for i, stage in enumerate(DealStage)}

_ROW_COLUMNS = (
    s.deals.c.id, s.deals.c.client_id, s.clients.c.name.label("client_name"), s.deals.c.title, s.deals.c.stage,
    s.deals.c.amount_minor, s.deals.c.currency, s.deals.c.opened_on, s.deals.c.closed_on, s.deals.c.contract_end,
    s.managers.c.name.label("owner_name"), s.industries.c.name.label("industry_name"),
)
_SOURCE = (s.deals.join(s.clients, s.clients.c.id == s.deals.c.client_id)
           .outerjoin(s.managers, s.managers.c.id == s.deals.c.owner_id)
           .outerjoin(s.industries, s.industries.c.id == s.clients.c.industry_id))


def _row(row: Any) -> DealRow:
    m = row._mapping
    return DealRow(id=m["id"], client_id=m["client_id"], client_name=m["client_name"], title=m["title"],
                   stage=DealStage(m["stage"]), amount=Money.from_minor(m["amount_minor"], m["currency"]),
                   opened_on=m["opened_on"], closed_on=m["closed_on"], contract_end=m["contract_end"],
                   owner_name=m["owner_name"] or "", industry_name=m["industry_name"] or "")


class DealListing:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def rows(self, query: DealQuery, *, offset: int, limit: int, total: int | None = None) -> list[DealRow]:
        if total is not None and offset > total // 2:
            count = min(limit, total - offset)
            stmt = self._ordered(query, select(*_ROW_COLUMNS).select_from(_SOURCE), reverse=True)
            found = [_row(r) for r in self.conn.execute(stmt.offset(max(0, total - offset - limit)).limit(count))]
            found.reverse()
            return found
        stmt = self._ordered(query, select(*_ROW_COLUMNS).select_from(_SOURCE))
        return [_row(r) for r in self.conn.execute(stmt.offset(offset).limit(limit))]

    def totals(self, query: DealQuery) -> DealTotals:
        """How many deals the query shows and their sum per currency (the status bar)."""
        d = s.deals.c
        stmt = self._filtered(query, select(d.currency, func.count(), func.sum(d.amount_minor))
                              .select_from(self._source(query))).group_by(d.currency)
        sums = [(currency, int(count), int(total or 0)) for currency, count, total in self.conn.execute(stmt)]
        sums.sort(key=lambda item: -item[2])
        return DealTotals(sum(c for _, c, _ in sums), tuple(Money.from_minor(t, cur) for cur, _, t in sums))

    @staticmethod
    def _source(query: DealQuery) -> Any:
        # totals need clients only (trashed clients' deals, name and industry filters), not the names
        # of managers and industries that the rows show
        return s.deals.join(s.clients, s.clients.c.id == s.deals.c.client_id)

    def _filtered(self, query: DealQuery, stmt: Select[Any]) -> Select[Any]:
        d, c = s.deals.c, s.clients.c
        conditions: list[ColumnElement[bool]] = [d.deleted_at.is_(None), c.deleted_at.is_(None)]
        if query.stages:
            conditions.append(d.stage.in_(sorted(x.value for x in query.stages)))
        if query.owner_id is not None:
            conditions.append(d.owner_id == query.owner_id)
        if query.industry_id is not None:
            conditions.append(c.industry_id == query.industry_id)
        if query.opened_from is not None:
            conditions.append(d.opened_on >= query.opened_from)
        if query.opened_to is not None:
            conditions.append(d.opened_on <= query.opened_to)
        if query.client_text.strip():
            key = fold(query.client_text)
            conditions.append(c.sort_key.like(f"%{key.replace('%', '').replace('_', '')}%"))
        return stmt.where(and_(*conditions))

    def _ordered(self, query: DealQuery, stmt: Select[Any], *, reverse: bool = False) -> Select[Any]:
        d = s.deals.c
        by_sort: dict[DealSort, list[Any]] = {
            DealSort.OPENED: [d.opened_on],
            DealSort.CLOSED: [d.closed_on],
            DealSort.CLIENT: [s.clients.c.sort_key],
            DealSort.TITLE: [d.title],
            DealSort.STAGE: [case(_STAGE_ORDER, value=d.stage, else_=99)],
            DealSort.AMOUNT: [d.amount_minor],
            DealSort.OWNER: [s.managers.c.name_norm],
            DealSort.CONTRACT_END: [d.contract_end],
        }
        keys = by_sort[query.sort]
        descending = query.descending != reverse
        ordered = [k.desc() if descending else k.asc() for k in keys]
        if query.sort in (DealSort.CLOSED, DealSort.CONTRACT_END):
            ordered = [o.nulls_first() if reverse else o.nulls_last() for o in ordered]
        tie = d.id.desc() if descending else d.id.asc()
        return self._filtered(query, stmt).order_by(*ordered, tie)
