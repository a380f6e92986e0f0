"""All deals as one list (the Deals tab): filters, sorting and paging done by the database.

A page is found in two steps: the ids of its deals, from the deals table alone (filters by client are an
``IN`` over the clients they allow, so a million deals are walked in an index's order without a
join; only sorting by client or owner reads those tables too), then those deals with their client,
owner and industry names. A window in the second half is read from the end, so the last of a million
deals costs what the first does. The count and the sums (for the scroll bar and the status line) are
a separate question, so the window shows the first page at once and learns the length of the list a
moment later.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, literal_column, select
from sqlalchemy.sql.elements import ColumnElement

from salesdesk.domain.model import CURRENCIES, DealStage, Money
from salesdesk.domain.queries import DealQuery, DealRow, DealSort, DealTotals
from salesdesk.domain.text import fold
from salesdesk.store import schema as s

_STAGE_ORDER = {stage.value: i for i, stage in enumerate(DealStage)}

_ROW_COLUMNS = (
    s.deals.c.id,
    s.deals.c.client_id,
    s.clients.c.name.label("client_name"),
    s.deals.c.title,
    s.deals.c.stage,
    s.deals.c.amount_minor,
    s.deals.c.currency,
    s.deals.c.opened_on,
    s.deals.c.closed_on,
    s.deals.c.contract_end,
    s.managers.c.name.label("owner_name"),
    s.industries.c.name.label("industry_name"),
)
_SOURCE = (
    s.deals.join(s.clients, s.clients.c.id == s.deals.c.client_id)
    .outerjoin(s.managers, s.managers.c.id == s.deals.c.owner_id)
    .outerjoin(s.industries, s.industries.c.id == s.clients.c.industry_id)
)
# The orders a big list is walked in without sorting: newest first, or by amount (an index each).
_WALKED = frozenset({DealSort.OPENED, DealSort.AMOUNT})
FEW_CLIENTS = 200  # a client filter this narrow reads the chosen clients' deals and sorts them


def _row(row: Any) -> DealRow:
    m = row._mapping
    return DealRow(
        id=m["id"],
        client_id=m["client_id"],
        client_name=m["client_name"],
        title=m["title"],
        stage=DealStage(m["stage"]),
        amount=Money.from_minor(m["amount_minor"], m["currency"]),
        opened_on=m["opened_on"],
        closed_on=m["closed_on"],
        contract_end=m["contract_end"],
        owner_name=m["owner_name"] or "",
        industry_name=m["industry_name"] or "",
    )


class DealListing:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._sqlite = conn.dialect.name == "sqlite"

    def rows(self, query: DealQuery, *, offset: int, limit: int, total: int | None = None) -> list[DealRow]:
        """The deals at positions offset … offset + limit - 1 of the list, in its order."""
        reverse = total is not None and offset > total // 2
        if reverse:
            assert total is not None
            limit = min(limit, total - offset)
            offset = max(0, total - offset - limit)
        if limit <= 0:
            return []
        ids_query = self._ordered(query, select(s.deals.c.id), reverse=reverse).offset(offset).limit(limit)
        ids = [ident for (ident,) in self.conn.execute(ids_query)]
        if reverse:
            ids.reverse()
        found = {
            r.id: r
            for r in map(
                _row, self.conn.execute(select(*_ROW_COLUMNS).select_from(_SOURCE).where(s.deals.c.id.in_(ids)))
            )
        }
        return [found[i] for i in ids if i in found]

    def count(self, query: DealQuery) -> int:
        """How many deals the query shows (a saved view's count), without adding up their sums."""
        stmt = self._filtered(query, select(func.count()).select_from(s.deals))
        return int(self.conn.execute(stmt).scalar_one())

    def totals(self, query: DealQuery) -> DealTotals:
        """How many deals the query shows and their sum per currency (the scroll bar and the status
        line), in one pass over an index. Grouping a million rows by currency would sort them all;
        instead the pass adds up each usual currency apart, and only deals in other currencies (if
        an import brought any) are grouped in a second, small question."""
        d = s.deals.c
        columns: list[Any] = [func.count()]
        for code in CURRENCIES:
            columns += [func.count(case((d.currency == code, 1))), func.sum(case((d.currency == code, d.amount_minor)))]
        found = self.conn.execute(self._filtered(query, select(*columns).select_from(s.deals))).one()
        count = int(found[0])
        sums = [
            (code, int(found[1 + 2 * i]), int(found[2 + 2 * i] or 0))
            for i, code in enumerate(CURRENCIES)
            if found[1 + 2 * i]
        ]
        if count != sum(n for _, n, _ in sums):
            stmt = self._filtered(
                query,
                select(d.currency, func.count(), func.sum(d.amount_minor))
                .select_from(s.deals)
                .where(d.currency.not_in(CURRENCIES)),
            ).group_by(d.currency)
            sums += [(currency, int(n), int(total or 0)) for currency, n, total in self.conn.execute(stmt)]
        sums.sort(key=lambda item: -item[2])
        return DealTotals(count, tuple(Money.from_minor(t, cur) for cur, _, t in sums))

    def _filtered(
        self, query: DealQuery, stmt: Select[Any], *, walk: bool = False, joined: bool = False
    ) -> Select[Any]:
        """*stmt* limited to the deals *query* shows. With *walk*, the conditions are written so that
        SQLite reads the index of the list's order and checks them inside it, instead of reading
        every matching deal through another index and sorting them (a unary "+" keeps a term from
        choosing the index; it only drops the column's affinity, which these values do not need).
        *joined*: *stmt* reads the clients table already (sorting by client), so client conditions
        are plain terms on it."""
        d, c = s.deals.c, s.clients.c

        def term(column: Any) -> Any:
            return literal_column(f"+deals.{column.name}", column.type) if walk and self._sqlite else column

        conditions: list[ColumnElement[bool]] = [d.deleted_at.is_(None)]
        if query.stages:
            conditions.append(term(d.stage).in_(sorted(x.value for x in query.stages)))
        if query.owner_id is not None:
            conditions.append(term(d.owner_id) == query.owner_id)
        opened = term(d.opened_on) if query.sort is not DealSort.OPENED else d.opened_on
        if query.opened_from is not None:
            conditions.append(opened >= query.opened_from)
        if query.opened_to is not None:
            conditions.append(opened <= query.opened_to)
        chosen: list[ColumnElement[bool]] = []
        if query.industry_id is not None:
            chosen.append(c.industry_id == query.industry_id)
        if query.client_text.strip():
            key = fold(query.client_text).replace("%", "").replace("_", "")
            chosen.append(c.sort_key.like(f"%{key}%"))
        if joined:  # walking the clients in name order, each with its deals
            conditions += [c.deleted_at.is_(None), *chosen]
        elif chosen:  # the live clients these filters allow
            allowed = select(c.id).where(c.deleted_at.is_(None), *chosen)
            few = walk and self._sqlite and self._at_most(allowed, FEW_CLIENTS)
            conditions.append((d.client_id if few else term(d.client_id)).in_(allowed))
        else:  # every deal but those of clients in the trash (a handful, from a small index)
            conditions.append(d.client_id.not_in(select(c.id).where(c.deleted_at.is_not(None))))
        return stmt.where(and_(*conditions))

    def _at_most(self, chosen: Select[Any], limit: int) -> bool:
        found = self.conn.execute(select(func.count()).select_from(chosen.limit(limit + 1).subquery())).scalar_one()
        return int(found) <= limit

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
        if query.sort in (DealSort.CLOSED, DealSort.CONTRACT_END, DealSort.OWNER):  # the blank ones last
            ordered = [o.nulls_first() if reverse else o.nulls_last() for o in ordered]
        tie = d.id.desc() if descending else d.id.asc()
        if query.sort is DealSort.CLIENT:  # clients first: their name index gives the order
            stmt = stmt.select_from(s.clients.join(s.deals, s.clients.c.id == d.client_id))
        elif query.sort is DealSort.OWNER:
            stmt = stmt.select_from(s.deals.outerjoin(s.managers, s.managers.c.id == d.owner_id))
        return self._filtered(query, stmt, walk=query.sort in _WALKED, joined=query.sort is DealSort.CLIENT).order_by(
            *ordered, tie
        )
