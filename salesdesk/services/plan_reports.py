"""The Plan and fact and Hooks reports (issue 16), registered in ``services.reports.REPORTS``.

Plan and fact: per manager and currency, the plan of the period's whole months, what was won, the
percentage, and the forecast to the period's end (won + the open pipeline weighted by stage and by
the share that can close before the period ends, from the office's median sales cycle:
``services.plans.forecast_basis``); the office the same, per currency. Currencies are never added
together: a manager with plans or sales in two currencies has a row for each, and the office a line
per currency.

Hooks: of the reminders done in the period, how many were followed by an interaction within N
days and by a won deal within M days, the money those deals brought and the median days from the
hook to the money, per kind of reminder (``domain/hooks.py``) and per manager. The money column is
in the currency with the most credited deals; the others are written beside it, never summed.

The rules of both are in docs/plans_and_hooks.md; ``domain/plans.py`` and ``domain/hooks.py`` hold them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from salesdesk.domain.hooks import ALL_KINDS, classify, median_days
from salesdesk.domain.model import DealStage, Money
from salesdesk.domain.numbers import currency_text, money_text
from salesdesk.domain.plans import (
    MIN_CYCLE_DEALS,
    STAGE_WEIGHTS,
    PlanPeriod,
    days_left,
    month,
    months_between,
    plan_for_months,
    quarter,
    weighted_minor,
    whole_months,
)
from salesdesk.domain.reminders import local_at
from salesdesk.domain.reports import Cell, ChartKind, ChartSpec, ColumnKind, Report
from salesdesk.services.plans import forecast_basis

# The reports module imports this one at the end, for its registry, once these helpers exist.
from salesdesk.services.reports import (
    _column,
    _last_months,
    _money,
    _percent,
    _range_text,
    _report,
    _Run,
    _t,
)

DEFAULT_CURRENCY = "RUB"


# Plan and fact ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    name: str
    active: bool = True
    plan: int | None = None
    won: int = 0
    deals: int = 0
    open_weighted: int = 0


def plan_fact_period(run: _Run) -> tuple[date, date]:
    """The period in whole months; none given: the month of today."""
    p = run.params
    today = run.today
    start = p.date_from or (p.date_to or today)
    end = p.date_to or (today if p.date_from is None else max(p.date_from, today))
    return whole_months(start, end)


def _periods_touching(months: list[date]) -> list[PlanPeriod]:
    found: list[PlanPeriod] = []
    for first in months:
        for period in (month(first.year, first.month), quarter(first.year, (first.month - 1) // 3 + 1)):
            if period not in found:
                found.append(period)
    return found


def plan_fact(run: _Run) -> Report:
    p, uow = run.params, run.uow
    start, end = plan_fact_period(run)
    months = months_between(start, end)
    ended = end < run.today
    plans = uow.plans.read([x.code for x in _periods_touching(months)])
    won = uow.plan_queries.won(start, end)
    basis = forecast_basis(uow, run.today, start, end)
    pipeline = [] if ended else uow.plan_queries.open_pipeline()
    managers = {m.id: m for m in uow.plan_queries.managers()}
    lines: dict[tuple[int | None, str], _Line] = {}

    def line(owner: int | None, currency: str) -> _Line:
        key = (owner, currency)
        if key not in lines:
            who = managers.get(owner) if owner is not None else None
            name = who.name if who is not None else _t("report.no_manager")
            lines[key] = _Line(name, who.active if who is not None else True)
        return lines[key]

    by_plan: dict[tuple[int, str], list] = defaultdict(list)  # type: ignore[type-arg]
    for plan in plans:
        by_plan[(plan.manager_id, plan.currency)].append(plan)
    for (owner, currency), found in by_plan.items():
        amount = plan_for_months(found, months)
        if amount is not None:
            line(owner, currency).plan = amount
    for w in won:
        entry = line(w.owner_id, w.currency)
        entry.won += w.amount_minor
        entry.deals += w.deals
    for o in pipeline:
        line(o.owner_id, o.currency).open_weighted += weighted_minor(DealStage(o.stage), o.amount_minor, basis.share)
    counts: dict[str, int] = defaultdict(int)
    for (_, currency), entry in lines.items():
        counts[currency] += 1 + entry.deals
    main = min(counts, key=lambda c: (-counts[c], c != DEFAULT_CURRENCY, c)) if counts else DEFAULT_CURRENCY
    # every active manager has a line, in the main currency at least
    for m in managers.values():
        if m.active and not any(owner == m.id for owner, _ in lines):
            line(m.id, main)
    if p.manager_id is not None:
        lines = {k: v for k, v in lines.items() if k[0] == p.manager_id}
    currencies = sorted({c for _, c in lines}, key=lambda c: (c != main, c)) or [main]
    several = len(currencies) > 1

    def status(entry: _Line) -> str:
        if entry.plan is None:
            return _t("plan.status.none")
        if entry.plan == 0:
            return _t("plan.status.zero")
        if entry.won >= entry.plan:
            return _t("plan.status.done")
        if entry.won + entry.open_weighted >= entry.plan:
            return _t("plan.status.on_track")
        return _t("plan.status.behind")

    def cells(name: str, currency: str, entry: _Line) -> tuple[Cell, ...]:
        forecast = entry.won + entry.open_weighted
        return (
            name,
            currency,
            None if entry.plan is None else _money(entry.plan),
            _money(entry.won),
            entry.deals,
            _percent(entry.won, entry.plan) if entry.plan else None,
            _money(forecast),
            _percent(forecast, entry.plan) if entry.plan else None,
            status(entry),
        )

    def order(item: tuple[tuple[int | None, str], _Line]) -> tuple[object, ...]:
        (owner, currency), entry = item
        share = Decimal(entry.won) / entry.plan if entry.plan else None
        return (currency != main, currency, owner is None, share is None, -(share or 0), entry.name.casefold())

    rows: list[tuple[Cell, ...]] = []
    for (_owner, currency), entry in sorted(lines.items(), key=order):
        name = entry.name if entry.active else _t("plan.left", name=entry.name)
        if several and currency != main:
            name = f"{name} · {currency}"
        rows.append(cells(name, currency, entry))
    office: list[tuple[Cell, ...]] = []
    for currency in currencies:
        group = [e for (_, c), e in lines.items() if c == currency]
        plans_here = [e.plan for e in group if e.plan is not None]
        total = _Line(
            _t("report.total") if not several else _t("plan.office_currency", currency=currency),
            plan=sum(plans_here) if plans_here else None,
            won=sum(e.won for e in group),
            deals=sum(e.deals for e in group),
            open_weighted=sum(e.open_weighted for e in group),
        )
        office.append(cells(total.name, currency, total))
    totals = None
    if several:
        rows.extend(office)
    elif office:
        totals = office[0]
    columns = [
        _column("manager", "report.col.manager"),
        _column("currency", "report.col.currency"),
        _column("plan", "report.col.plan", ColumnKind.MONEY),
        _column("won", "report.col.won", ColumnKind.MONEY),
        _column("deals", "report.col.deals", ColumnKind.INTEGER),
        _column("percent", "report.col.percent_of_plan", ColumnKind.PERCENT),
        _column("forecast", "report.col.forecast", ColumnKind.MONEY),
        _column("forecast_percent", "report.col.forecast_percent", ColumnKind.PERCENT),
        _column("status", "report.col.plan_status"),
    ]
    weights = ", ".join(f"{stage.label} {weight} %" for stage, weight in STAGE_WEIGHTS.items())
    notes = [_t("plan.note.months"), _t("plan.note.quarters")]
    parameters = [(_t("report.param.period"), _range_text(start, end))]
    if basis.cycle is None:
        notes.append(_t("plan.note.ended"))
    else:
        cycle = basis.cycle
        share = _whole_percent(basis.share)
        notes.append(_t("plan.note.forecast", weights=weights))
        notes.append(
            _t("plan.note.cycle", days=cycle.days, left=days_left(run.today, end), share=share)
            if start <= run.today
            else _t("plan.note.cycle_ahead", days=cycle.days, share=share)
        )
        if cycle.measured:
            cycle_text = _t("plan.param.cycle", days=cycle.days, deals=cycle.deals)
        else:
            cycle_text = _t("plan.param.cycle_default", days=cycle.days, deals=cycle.deals, least=MIN_CYCLE_DEALS)
        parameters.append((_t("plan.param.cycle_name"), cycle_text))
        parameters.append((_t("plan.param.share"), f"{share} %"))
    if several:
        notes.append(_t("plan.note.currencies"))
    if several:
        chart = ChartSpec(ChartKind.BAR, "manager", ("percent", "forecast_percent"), _t("plan.chart.percent"))
    else:
        chart = ChartSpec(
            ChartKind.BAR, "manager", ("plan", "won", "forecast"), _t("plan.chart.money", currency=currency_text(main))
        )
    return _report(run, parameters, columns, rows, totals, chart, notes)


# Hooks ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Paid:
    """Hooks of one kind and manager that won deals followed, as the database added them up: in one
    currency, their nearest deal *days* after them (``PlanQueries.credited_groups``)."""

    kind: str
    manager_id: int | None
    currency: str
    days: int
    hooks: int  # the hooks themselves (a hook with deals in two currencies is counted on one row)
    deals: int
    amount_minor: int


@dataclass(slots=True)
class _Group:
    hooks: int = 0
    followed: int = 0
    paid: int = 0
    deals: int = 0
    money: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    days: list[int] = field(default_factory=list)  # per hook that paid: the days to its money

    def count(self, hooks: int, followed: int) -> None:
        self.hooks += hooks
        self.followed += followed

    def add_paid(self, paid: _Paid) -> None:
        self.paid += paid.hooks
        self.deals += paid.deals
        self.days.extend([paid.days] * paid.hooks)
        self.money[paid.currency] += paid.amount_minor


@dataclass(slots=True)
class _Hooks:
    counts: list[tuple[str, int | None, int, int]]  # (kind, manager, hooks, followed)
    paid: list[_Paid]


def collect_hooks(run: _Run, start: date, end: date) -> _Hooks:
    """The hooks of [start, end]: counted (and followed) per text and manager, and the deals credited
    to them, by the database (the rules: ``domain/hooks.py``)."""
    p, q = run.params, run.uow.plan_queries
    start_at, end_at = local_at(start, time(0)), local_at(end + timedelta(days=1), time(0))
    offset = run.now.astimezone().utcoffset() or timedelta(0)
    kinds: dict[str, str] = {}

    def kind(text: str) -> str:
        found = kinds.get(text)
        if found is None:
            found = kinds[text] = classify(text).code
        return found

    counts = [
        (kind(c.text), c.manager_id, c.hooks, c.followed)
        for c in q.hook_counts(start_at, end_at, p.interaction_days)
        if p.manager_id is None or c.manager_id == p.manager_id
    ]
    paid = [
        _Paid(kind(g.text), g.manager_id, g.currency, g.days, g.hooks, g.deals, g.amount_minor)
        for g in q.credited_groups(start_at, end_at, p.deal_days, int(offset.total_seconds()))
        if p.manager_id is None or g.manager_id == p.manager_id
    ]
    return _Hooks(counts, paid)


def hooks(run: _Run) -> Report:
    p = run.params
    start, end = _last_months(p, run.today)
    found = collect_hooks(run, start, end)
    managers = {m.id: m for m in run.uow.plan_queries.managers()}
    by_kind: dict[str, _Group] = defaultdict(_Group)
    by_manager: dict[int | None, _Group] = defaultdict(_Group)
    everything = _Group()
    for kind_code, who, hook_count, followed in found.counts:
        for group in (by_kind[kind_code], by_manager[who], everything):
            group.count(hook_count, followed)
    money_count: dict[str, int] = defaultdict(int)  # credited deals per currency
    for paid in found.paid:
        for group in (by_kind[paid.kind], by_manager[paid.manager_id], everything):
            group.add_paid(paid)
        money_count[paid.currency] += paid.deals
    main = (
        min(money_count, key=lambda c: (-money_count[c], c != DEFAULT_CURRENCY, c)) if money_count else DEFAULT_CURRENCY
    )

    def cells(section: str, name: str, g: _Group) -> tuple[Cell, ...]:
        others = "; ".join(
            money_text(Money.from_minor(amount, currency))
            for currency, amount in sorted(g.money.items())
            if currency != main and amount
        )
        return (
            name,
            section,
            g.hooks,
            g.followed,
            _percent(g.followed, g.hooks),
            g.paid,
            _percent(g.paid, g.hooks),
            _money(g.money.get(main, 0)),
            others,
            _whole(median_days(g.days)),
        )

    def ranked(groups: Iterable[tuple[str, _Group]]) -> list[tuple[str, _Group]]:
        return sorted(groups, key=lambda x: (-x[1].money.get(main, 0), -x[1].paid, -x[1].hooks, x[0].casefold()))

    kinds = {k.code: k.label for k in ALL_KINDS}
    rows = [cells(_t("hook.section.kind"), name, g) for name, g in ranked((kinds[c], g) for c, g in by_kind.items())]

    def manager_name(ident: int | None) -> str:
        who = managers.get(ident) if ident is not None else None
        if who is None:
            return _t("report.no_manager")
        return who.name if who.active else _t("plan.left", name=who.name)

    rows += [
        cells(_t("hook.section.manager"), name, g)
        for name, g in ranked((manager_name(i), g) for i, g in by_manager.items())
    ]
    columns = [
        _column("name", "report.col.hook_name"),
        _column("section", "report.col.hook_section"),
        _column("hooks", "report.col.hooks", ColumnKind.INTEGER),
        _column("followed", "report.col.hook_followed", ColumnKind.INTEGER, days=p.interaction_days),
        _column("followed_share", "report.col.hook_followed_share", ColumnKind.PERCENT),
        _column("paid", "report.col.hook_paid", ColumnKind.INTEGER, days=p.deal_days),
        _column("paid_share", "report.col.hook_paid_share", ColumnKind.PERCENT),
        _column("amount", "report.col.hook_amount", ColumnKind.MONEY, currency=main),
        _column("other_currencies", "report.col.other_currencies"),
        _column("median_days", "report.col.hook_median_days", ColumnKind.INTEGER),
    ]
    totals = cells("", _t("report.total"), everything)
    notes = [
        _t("hook.note.rules", interaction_days=p.interaction_days, deal_days=p.deal_days),
        _t("hook.note.once"),
        _t("hook.note.kinds"),
    ]
    parameters = [
        (_t("report.param.period"), _range_text(start, end)),
        (_t("report.param.interaction_days"), str(p.interaction_days)),
        (_t("report.param.deal_days"), str(p.deal_days)),
        (_t("report.param.currency"), main),
    ]
    chart = ChartSpec(ChartKind.BAR, "name", ("amount",), _t("hook.chart", currency=currency_text(main)))
    return _report(run, parameters, columns, rows, totals, chart, notes)


def _whole_percent(share: Fraction) -> int:
    """A share as whole per cent, half up."""
    return int(share * 100 + Fraction(1, 2))


def _whole(value: float | None) -> int | None:
    if value is None:
        return None
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
