"""The reports as SQL: every sum, count and average is computed by the database.

Each method returns a few plain rows (named tuples of ints and strings) that the reports service
turns into a ``Report``; no method reads the detail rows into Python, because at 1,000,000 deals
that alone would take longer than the one second a report may take. Money stays integer kopecks
(``amount_minor``) all the way, summed per currency; the service picks the report currency.

A *sale* is a won deal, not in the trash, of a client not in the trash, dated by ``closed_on``.
Conditions are written so that SQLite can use the indexes it has: ``stage = 'won' AND closed_on
BETWEEN ...`` is a range of ``ix_deals_stage_closed_on``, the latest contact of a client is a
range of ``ix_interactions_client_id_occurred_at``. "Client not in the trash" is a ``NOT IN``
over the (few) trashed clients rather than a join, so a million deals do not each look up their
client's row.

What differs between databases (turning a date into a month key, finding an item in a
comma-separated list) is in the small ``_`` helpers at the bottom, keyed on the dialect name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Float, Integer, String, case, cast, exists, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from salesdesk.domain.completeness import ITEMS
from salesdesk.domain.freshness import ITEMS as FRESH_ITEMS
from salesdesk.domain.freshness import total_weight
from salesdesk.domain.freshness import weight as fresh_weight
from salesdesk.domain.model import ClientKind, DealStage
from salesdesk.domain.reports import Period
from salesdesk.store import schema as s

WON = DealStage.WON.value
LOST = DealStage.LOST.value
OPEN_STAGES = tuple(stage.value for stage in DealStage if not stage.closed)


class CurrencyTotal(NamedTuple):
    currency: str
    deals: int
    amount_minor: int


class Bucket(NamedTuple):
    """Sales in one currency of one month, quarter or year; *key* is "2026-03", "2026-Q1" or "2026"."""

    currency: str
    key: str
    deals: int
    amount_minor: int


class GroupTotal(NamedTuple):
    """Sales in one currency of one manager or industry; *ident* None means "none set"."""

    currency: str
    ident: int | None
    name: str | None
    deals: int
    amount_minor: int


class StageTotal(NamedTuple):
    currency: str
    stage: str
    deals: int
    amount_minor: int


class SleepingClient(NamedTuple):
    client_id: int
    name: str
    owner_name: str | None
    last_interaction: datetime | None
    revenue_minor: int
    open_deals: int


class SleepingClients(NamedTuple):
    rows: list[SleepingClient]  # the first *limit*, highest revenue first
    total: int  # how many clients sleep in all


class ReminderLoad(NamedTuple):
    manager_id: int | None
    manager_name: str | None
    overdue: int
    upcoming: int
    later: int


class CompletenessGroup(NamedTuple):
    owner_id: int | None
    owner_name: str | None
    clients: int
    score_sum: int
    below: int
    missing: tuple[int, ...]  # clients missing each item, in ``completeness.ITEMS`` order
    # freshness (issue 16), with the cutoff the query was given; all zero without one
    needs_checking: int = 0  # clients with a filled item confirmed before the cutoff
    stale: tuple[int, ...] = ()  # clients whose item is stale, in ``freshness.ITEMS`` order
    penalty: float = 0.0  # what stale items take off the sum of scores (each counts half)


class SourceCount(NamedTuple):
    source: str
    clients: int


class MonthSources(NamedTuple):
    month: str  # "2026-03"
    counts: tuple[int, ...]  # one per source asked for
    total: int


class ManagerName(NamedTuple):
    id: int
    name: str


class ReportQueries:
    """Read-only aggregate queries for the reports, inside the caller's transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name

    # Sales ----------------------------------------------------------------------------------
    #
    # Each query returns every currency, so that one pass both finds the report currency and
    # gives its figures. Grouping first by currency and day (and owner), then by bucket, lets a
    # covering index ordered by stage, currency and date stream the groups without a sort.

    def sales_by_period(self, start: date, end: date, period: Period, *, manager_id: int | None = None) -> list[Bucket]:
        """Sales closed in [start, end] per currency and month, quarter or year (only buckets with
        sales)."""
        d = s.deals.c
        days = (
            select(d.currency, d.closed_on, func.count().label("n"), func.sum(d.amount_minor).label("amount"))
            .where(*_sale_conditions(start, end, manager_id))
            .group_by(d.currency, d.closed_on)
            .subquery("days")
        )
        key = _period_key(self.dialect, days.c.closed_on, period).label("bucket")
        stmt = (
            select(days.c.currency, key, func.sum(days.c.n), func.sum(days.c.amount))
            .group_by(days.c.currency, key)
            .order_by(days.c.currency, key)
        )
        return [Bucket(str(currency), str(k), int(n), int(total)) for currency, k, n, total in self.conn.execute(stmt)]

    def sales_by_manager(self, start: date, end: date) -> list[GroupTotal]:
        """Sales closed in [start, end] per currency and deal owner (None: no owner), the largest
        amount first."""
        d, m = s.deals.c, s.managers
        days = (
            select(
                d.currency, d.closed_on, d.owner_id, func.count().label("n"), func.sum(d.amount_minor).label("amount")
            )
            .where(*_sale_conditions(start, end, None))
            .group_by(d.currency, d.closed_on, d.owner_id)
            .subquery("days")
        )
        totals = (
            select(
                days.c.currency,
                days.c.owner_id.label("ident"),
                func.sum(days.c.n).label("n"),
                func.sum(days.c.amount).label("amount"),
            )
            .group_by(days.c.currency, days.c.owner_id)
            .subquery("totals")
        )
        stmt = (
            select(totals.c.currency, totals.c.ident, m.c.name, totals.c.n, totals.c.amount)
            .select_from(totals.outerjoin(m, m.c.id == totals.c.ident))
            .order_by(totals.c.amount.desc(), m.c.name_norm, totals.c.ident)
        )
        return _group_rows(self.conn.execute(stmt))

    def sales_by_industry(self, start: date, end: date, *, manager_id: int | None = None) -> list[GroupTotal]:
        """Sales closed in [start, end] per currency and industry of the client, the largest first."""
        d, c, i = s.deals.c, s.clients.c, s.industries
        # Sum per client first: the client's row (its industry) is then read once per client,
        # not once per deal.
        per_client = (
            select(d.client_id, d.currency, func.count().label("n"), func.sum(d.amount_minor).label("amount"))
            .where(*_sale_conditions(start, end, manager_id))
            .group_by(d.client_id, d.currency)
            .subquery("per_client")
        )
        totals = (
            select(
                per_client.c.currency,
                c.industry_id.label("ident"),
                func.sum(per_client.c.n).label("n"),
                func.sum(per_client.c.amount).label("amount"),
            )
            .select_from(per_client.join(s.clients, c.id == per_client.c.client_id))
            .group_by(per_client.c.currency, c.industry_id)
            .subquery("totals")
        )
        stmt = (
            select(totals.c.currency, totals.c.ident, i.c.name, totals.c.n, totals.c.amount)
            .select_from(totals.outerjoin(i, i.c.id == totals.c.ident))
            .order_by(totals.c.amount.desc(), i.c.name_norm, totals.c.ident)
        )
        return _group_rows(self.conn.execute(stmt))

    # Pipeline -------------------------------------------------------------------------------

    def pipeline(
        self, start: date | None, end: date | None, *, manager_id: int | None = None, by_closed: bool = False
    ) -> list[StageTotal]:
        """Deals opened (*by_closed*: won or lost) in [start, end] (None: no bound) per currency and
        stage; counted by the date closed, open deals have no date and are not counted."""
        d = s.deals.c
        conditions = [d.deleted_at.is_(None), _live_client(d.client_id)]
        day = d.closed_on if by_closed else d.opened_on
        if by_closed:
            conditions.append(d.stage.in_([WON, LOST]))
            conditions.append(d.closed_on.is_not(None))
        if start is not None:
            conditions.append(day >= start)
        if end is not None:
            conditions.append(day <= end)
        if manager_id is not None:
            conditions.append(d.owner_id == manager_id)
        # Currency first: no index starts with it, so SQLite never walks ix_deals_stage_closed_on
        # just to get the stages in order (a million look-ups); a covering index on (stage,
        # currency, ...) still serves it, in either order.
        stmt = (
            select(d.currency, d.stage, func.count(), func.sum(d.amount_minor))
            .where(*conditions)
            .group_by(d.currency, d.stage)
        )
        return [
            StageTotal(str(currency), str(stage), int(n), int(total))
            for currency, stage, n, total in self.conn.execute(stmt)
        ]

    # Clients that went quiet ----------------------------------------------------------------

    def won_currencies(self) -> list[CurrencyTotal]:
        """All sales ever per currency (what "past revenue" is counted in), the most first."""
        d = s.deals.c
        stmt = (
            select(d.currency, func.count(), func.sum(d.amount_minor))
            .where(*_sale_conditions(None, None, None))
            .group_by(d.currency)
        )
        found = [CurrencyTotal(str(c), int(n), int(total)) for c, n, total in self.conn.execute(stmt)]
        found.sort(key=lambda x: (-x.deals, x.currency))
        return found

    def sleeping_clients(
        self, cutoff: datetime, currency: str, *, limit: int, owner_id: int | None = None
    ) -> SleepingClients:
        """Live clients with no contact since *cutoff* (or none ever), by past revenue.

        Everything runs per client through indexes: "no contact since" is a range probe of
        ``ix_interactions_client_id_occurred_at``, the revenue a sum over the client's own deals,
        and the clients are read from the covering ``ix_clients_live_sort_key``. Names, the
        latest contact and open deals are looked up only for the *limit* rows shown.
        """
        c, d, i, m = s.clients.c, s.deals.c, s.interactions.c, s.managers
        contacted = exists().where(i.client_id == c.id, i.occurred_at >= cutoff, i.deleted_at.is_(None))
        revenue = (
            select(func.coalesce(func.sum(d.amount_minor), 0))
            .where(d.client_id == c.id, d.stage == WON, d.currency == currency, d.deleted_at.is_(None))
            .scalar_subquery()
            .label("revenue")
        )
        conditions = [c.deleted_at.is_(None), ~contacted]
        if owner_id is not None:
            conditions.append(c.owner_id == owner_id)
        top = (
            select(c.id, c.sort_key, revenue, func.count().over().label("total"))
            .where(*conditions)
            .order_by(revenue.desc(), c.sort_key, c.id)
            .limit(limit)
            .subquery("top")
        )
        shown = s.clients.alias("shown")
        last = select(func.max(i.occurred_at)).where(i.client_id == top.c.id, i.deleted_at.is_(None)).scalar_subquery()
        open_deals = (
            select(func.count())
            .where(d.client_id == top.c.id, d.deleted_at.is_(None), d.stage.in_(OPEN_STAGES))
            .scalar_subquery()
        )
        stmt = (
            select(top.c.id, shown.c.name, m.c.name, last.label("last_at"), top.c.revenue, open_deals, top.c.total)
            .select_from(top.join(shown, shown.c.id == top.c.id).outerjoin(m, m.c.id == shown.c.owner_id))
            .order_by(top.c.revenue.desc(), top.c.sort_key, top.c.id)
        )
        found = self.conn.execute(stmt).all()
        rows = [
            SleepingClient(int(ident), str(name), owner, last_at, int(revenue), int(open_count))
            for ident, name, owner, last_at, revenue, open_count, _total in found
        ]
        return SleepingClients(rows, int(found[0][-1]) if found else 0)

    # Reminders ------------------------------------------------------------------------------

    def reminders_by_manager(self, now: datetime, soon: datetime) -> list[ReminderLoad]:
        """Open reminders of live clients per manager: overdue (before *now*), due before *soon*,
        and later."""
        r, m = s.reminders.c, s.managers
        loads = (
            select(
                r.manager_id.label("ident"),
                func.sum(case((r.effective_due < now, 1), else_=0)).label("overdue"),
                func.sum(case((r.effective_due < now, 0), (r.effective_due < soon, 1), else_=0)).label("upcoming"),
                func.sum(case((r.effective_due >= soon, 1), else_=0)).label("later"),
            )
            .where(r.done_at.is_(None), r.deleted_at.is_(None), _live_client(r.client_id))
            .group_by(r.manager_id)
            .subquery("loads")
        )
        stmt = select(loads.c.ident, m.c.name, loads.c.overdue, loads.c.upcoming, loads.c.later).select_from(
            loads.outerjoin(m, m.c.id == loads.c.ident)
        )
        return [
            ReminderLoad(ident, name, int(overdue), int(upcoming), int(later))
            for ident, name, overdue, upcoming, later in self.conn.execute(stmt)
        ]

    # Completeness ---------------------------------------------------------------------------

    def completeness_by_manager(self, threshold: int, stale_before: datetime | None = None) -> list[CompletenessGroup]:
        """Live clients per owner: how many, the sum of their scores, how many score below
        *threshold*, and how many miss each completeness item; with *stale_before*, also how many
        have a filled item confirmed before it, per item, and the points stale items take off the
        scores (half an item's weight over the kind's total). One statement."""
        c, m, f = s.clients.c, s.managers, s.confirmations.c
        missing = [
            func.sum(case((_has_item(self.dialect, c.missing, item), 1), else_=0)).label(f"m{n}")
            for n, item in enumerate(ITEMS)
        ]
        checking = (
            func.sum(case((c.confirmed_oldest < stale_before, 1), else_=0))
            if stale_before is not None
            else literal(0, Integer, literal_execute=True)
        )
        groups = (
            select(
                c.owner_id.label("ident"),
                func.count().label("n"),
                func.sum(c.completeness).label("total"),
                func.sum(case((c.completeness < threshold, 1), else_=0)).label("below"),
                checking.label("checking"),
                *missing,
            )
            .where(c.deleted_at.is_(None))
            .group_by(c.owner_id)
            .subquery("groups")
        )
        columns: list[Any] = [
            groups.c.ident,
            m.c.name,
            groups.c.n,
            groups.c.total,
            groups.c.below,
            groups.c.checking,
            *(groups.c[f"m{n}"] for n in range(len(ITEMS))),
        ]
        source: Any = groups.outerjoin(m, m.c.id == groups.c.ident)
        if stale_before is not None:
            # per client first (the confirmations' key in client order, no sort), then per owner: the
            # stale rows are many, the clients with any far fewer (about 2x faster at 100k clients)
            weight = case(*((f.item == item, _lit(fresh_weight(item))) for item in FRESH_ITEMS), else_=0)
            per_client = (
                select(
                    f.client_id.label("client_id"),
                    *(
                        func.sum(case((f.item == item, 1), else_=0)).label(f"s{n}")
                        for n, item in enumerate(FRESH_ITEMS)
                    ),
                    func.sum(weight).label("weight"),
                )
                .where(f.confirmed_at < stale_before)
                .group_by(f.client_id)
                .subquery("per_client")
            )
            total = case(*((c.kind == kind.value, _lit(total_weight(kind))) for kind in ClientKind), else_=_lit(100))
            stale = (
                select(
                    c.owner_id.label("ident"),
                    *(func.sum(per_client.c[f"s{n}"]).label(f"s{n}") for n in range(len(FRESH_ITEMS))),
                    func.sum(cast(per_client.c.weight * 50, Float) / total).label("penalty"),
                )
                .select_from(per_client.join(s.clients, c.id == per_client.c.client_id))
                .where(c.deleted_at.is_(None))
                .group_by(c.owner_id)
                .subquery("stale")
            )
            source = source.outerjoin(stale, groups.c.ident.is_not_distinct_from(stale.c.ident))
            columns += [*(stale.c[f"s{n}"] for n in range(len(FRESH_ITEMS))), stale.c.penalty]
        found = []
        width = len(ITEMS)
        for row in self.conn.execute(select(*columns).select_from(source)):
            stale_counts: tuple[int, ...] = ()
            penalty = 0.0
            if stale_before is not None:
                stale_counts = tuple(int(x or 0) for x in row[6 + width : 6 + width + len(FRESH_ITEMS)])
                penalty = float(row[-1] or 0)
            found.append(
                CompletenessGroup(
                    row[0],
                    row[1],
                    int(row[2]),
                    int(row[3]),
                    int(row[4]),
                    tuple(int(x) for x in row[6 : 6 + width]),
                    int(row[5] or 0),
                    stale_counts,
                    penalty,
                )
            )
        return found

    # New clients ----------------------------------------------------------------------------

    def new_client_sources(self, start: datetime, end: datetime, *, owner_id: int | None = None) -> list[SourceCount]:
        """Live clients created in [start, end) per source, the most first (ties by source)."""
        c = s.clients.c
        n = func.count().label("n")
        stmt = (
            select(c.source, n)
            .where(*_created_conditions(start, end, owner_id))
            .group_by(c.source)
            .order_by(n.desc(), c.source)
        )
        return [SourceCount(str(source), int(count)) for source, count in self.conn.execute(stmt)]

    def new_clients_by_month(
        self,
        start: datetime,
        end: datetime,
        sources: Sequence[str],
        *,
        utc_offset_seconds: int = 0,
        owner_id: int | None = None,
    ) -> list[MonthSources]:
        """Live clients created in [start, end) per month (of local time, *utc_offset_seconds* ahead
        of UTC): one count per source in *sources*, and all sources together."""
        c = s.clients.c
        key = _moment_month_key(self.dialect, c.created_at, utc_offset_seconds).label("month")
        per_source = [func.sum(case((c.source == source, 1), else_=0)) for source in sources]
        stmt = (
            select(key, *per_source, func.count())
            .where(*_created_conditions(start, end, owner_id))
            .group_by(key)
            .order_by(key)
        )
        return [
            MonthSources(str(row[0]), tuple(int(x) for x in row[1:-1]), int(row[-1])) for row in self.conn.execute(stmt)
        ]

    # Reference ------------------------------------------------------------------------------

    def active_managers(self) -> list[ManagerName]:
        """Managers who should appear in a per-manager report even with nothing to count."""
        m = s.managers.c
        stmt = select(m.id, m.name).where(m.deleted_at.is_(None), m.active.is_(True)).order_by(m.name_norm, m.id)
        return [ManagerName(int(ident), str(name)) for ident, name in self.conn.execute(stmt)]


# Conditions -------------------------------------------------------------------------------------


def _live_client(client_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """The client is not in the trash: a probe into the small set of trashed clients, which the
    database builds once, instead of a lookup of every row's client."""
    c = s.clients.c
    return client_id.not_in(select(c.id).where(c.deleted_at.is_not(None)))


def _sale_conditions(start: date | None, end: date | None, manager_id: int | None) -> list[ColumnElement[bool]]:
    d = s.deals.c
    conditions = [d.stage == WON, d.deleted_at.is_(None), _live_client(d.client_id)]
    if start is not None:
        conditions.append(d.closed_on >= start)
    if end is not None:
        conditions.append(d.closed_on <= end)
    if manager_id is not None:
        conditions.append(d.owner_id == manager_id)
    return conditions


def _created_conditions(start: datetime, end: datetime, owner_id: int | None) -> list[ColumnElement[bool]]:
    c = s.clients.c
    conditions = [c.deleted_at.is_(None), c.created_at >= start, c.created_at < end]
    if owner_id is not None:
        conditions.append(c.owner_id == owner_id)
    return conditions


def _group_rows(rows: Any) -> list[GroupTotal]:
    return [
        GroupTotal(str(currency), None if ident is None else int(ident), name, int(n), int(amount))
        for currency, ident, name, n, amount in rows
    ]


# What differs between databases ---------------------------------------------------------------


def _period_key(dialect: str, day: ColumnElement[Any], period: Period) -> ColumnElement[str]:
    """ "2026-03", "2026-Q1" or "2026" of a DATE column (``period_key`` in Python gives the same)."""
    if dialect == "postgresql":
        pattern = {Period.MONTH: "YYYY-MM", Period.QUARTER: 'YYYY-"Q"Q', Period.YEAR: "YYYY"}[period]
        return func.to_char(day, literal(pattern, literal_execute=True))
    # SQLite keeps dates as ISO text: "2026-03-15". The positions are written into the SQL
    # (literal_execute) so that GROUP BY and the select list hold the very same expression.
    year = func.substr(day, _lit(1), _lit(4))
    if period is Period.YEAR:
        return year
    if period is Period.MONTH:
        return func.substr(day, _lit(1), _lit(7))
    month = cast(func.substr(day, _lit(6), _lit(2)), Integer)
    quarter = cast((month + _lit(2)) // _lit(3), String)
    return year.concat(literal("-Q", literal_execute=True)).concat(quarter)


def _moment_month_key(dialect: str, moment: ColumnElement[Any], offset_seconds: int) -> ColumnElement[str]:
    """ "2026-03" of a timestamp stored in UTC, as a clock *offset_seconds* ahead of UTC reads it."""
    if dialect == "postgresql":
        shifted = moment + func.make_interval(0, 0, 0, 0, 0, 0, literal(offset_seconds, literal_execute=True))
        return func.to_char(shifted, literal("YYYY-MM", literal_execute=True))
    if offset_seconds:
        moment = func.datetime(moment, literal(f"{offset_seconds:+d} seconds", literal_execute=True))
    return func.substr(moment, _lit(1), _lit(7))


def _has_item(dialect: str, listed: ColumnElement[Any], item: str) -> ColumnElement[bool]:
    """Whether the comma-separated *listed* column names *item* (items are plain identifiers)."""
    wrapped = literal(",", literal_execute=True).concat(listed).concat(literal(",", literal_execute=True))
    needle = literal(f",{item},", literal_execute=True)
    if dialect == "postgresql":
        return func.strpos(wrapped, needle) > 0
    return func.instr(wrapped, needle) > 0


def _lit(value: int) -> ColumnElement[int]:
    return literal(value, Integer, literal_execute=True)


def period_key(day: date, period: Period) -> str:
    """The key ``sales_by_period`` gives the bucket holding *day*."""
    if period is Period.YEAR:
        return f"{day.year:04d}"
    if period is Period.QUARTER:
        return f"{day.year:04d}-Q{(day.month + 2) // 3}"
    return f"{day.year:04d}-{day.month:02d}"


__all__ = [
    "Bucket",
    "CompletenessGroup",
    "CurrencyTotal",
    "GroupTotal",
    "ManagerName",
    "MonthSources",
    "ReminderLoad",
    "ReportQueries",
    "SleepingClient",
    "SleepingClients",
    "SourceCount",
    "StageTotal",
    "period_key",
]
