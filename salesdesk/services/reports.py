"""Reports: sales, the pipeline, sleeping clients, reminders, completeness and new clients.

Every face (the Reports tab, ``salesdesk report``, the .xlsx export) gets the same ``Report``
value from ``run_report``; the numbers come from SQL aggregates in ``store/reports.py`` and this
module only puts them in order, names them in the user's language and does the arithmetic that
must be exact: money is summed as integer kopecks and becomes ``Decimal`` with two places;
averages and percentages are rounded half up (to a kopeck, to a tenth of a per cent), as an
accountant rounds, not to even as Python's ``round`` does.

Money reports are in one currency: the one with the most deals in the period (RUB in practice).
Deals in other currencies are left out and a note under the table says how many and how much,
because adding roubles to dollars would be wrong and converting them needs rates we do not have.

Periods are calendar dates of the office; a missing bound means the last 12 months up to today
(the pipeline: all time). The previous period of "sales by period" is the same number of months,
quarters or years just before, bucket by bucket, so March is compared with the March a year
earlier when twelve months are shown, and a partial last month with the same part of its month.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Protocol, cast

from dateutil.relativedelta import relativedelta

from salesdesk.domain import okved
from salesdesk.domain.completeness import ITEMS, WEIGHTS
from salesdesk.domain.errors import FieldProblem, UserError, ValidationError
from salesdesk.domain.freshness import ITEMS as FRESH_ITEMS
from salesdesk.domain.freshness import cutoff as stale_cutoff
from salesdesk.domain.hooks import MAX_HOOK_DAYS
from salesdesk.domain.messages import Message, msg, number_text
from salesdesk.domain.model import DealStage, Industry, Money
from salesdesk.domain.numbers import currency_text, money_text
from salesdesk.domain.reminders import local_at
from salesdesk.domain.reports import (
    Cell,
    ChartKind,
    ChartSpec,
    ColumnKind,
    CountedBy,
    Period,
    Report,
    ReportColumn,
    ReportParameters,
)
from salesdesk.files.report_xlsx import write_report
from salesdesk.services.common import utcnow
from salesdesk.store import UnitOfWork
from salesdesk.store.reports import Bucket, CompletenessGroup, CurrencyTotal, GroupTotal, ReportQueries, period_key

DEFAULT_CURRENCY = "RUB"
NO_NAME = "—"  # a manager, industry or owner that is not set
SOON_DAYS = 7  # reminders: "due soon" means within this many days
SLEEPING_LIMIT = 500  # rows of the sleeping-clients report
TOP_SOURCES = 5  # new clients: sources shown as columns; the rest go to "other"
MAX_DAYS = 36_500

_KOPECK = Decimal(1)
_TENTH = Decimal("0.1")
_STEP_MONTHS = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}
_WEIGHT = {item: weight for item, weight, _ in WEIGHTS}


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """A report of the registry: its name, title, the parameters it reads, and how it is built."""

    name: str
    title_key: str
    uses: tuple[str, ...]  # fields of ReportParameters it reads, in the order a form shows them
    build: Callable[[_Run], Report]
    by_choices: tuple[str, ...] = ()  # what ``ReportParameters.by`` (``--by``) may say
    # The date that puts a record into the period; a report with "counted_by" in *uses* lets the
    # person choose between OPENED and CLOSED, this being the default.
    counted_by: CountedBy = CountedBy.NOW

    @property
    def title(self) -> str:
        return str(msg(self.title_key))


@dataclass(frozen=True, slots=True)
class _Run:
    """One report being built: the queries of an open unit of work and the resolved inputs."""

    info: ReportInfo
    uow: UnitOfWork
    params: ReportParameters
    now: datetime

    @property
    def queries(self) -> ReportQueries:
        return self.uow.reports

    @property
    def today(self) -> date:
        return self.now.astimezone().date()

    @property
    def counted_by(self) -> CountedBy:
        if "counted_by" in self.info.uses and self.params.counted_by is not None:
            return self.params.counted_by
        return self.info.counted_by


# Public ---------------------------------------------------------------------------------------


def list_reports() -> list[tuple[str, str]]:
    """(name, title) of every report, in the order the Reports tab lists them."""
    return [(info.name, info.title) for info in REPORTS.values()]


def run_report(
    uow: UnitOfWork, name: str, params: ReportParameters | None = None, *, now: datetime | None = None
) -> Report:
    """Compute report *name* with *params* in one read transaction.

    ``UserError`` for an unknown name or parameters that make no sense (a period that ends before
    it starts, a grouping the report does not have); ``NotFoundError`` for a manager that is gone.
    """
    info = REPORTS.get(name)
    if info is None:
        raise UserError(msg("report.err.unknown", name=name, names=", ".join(REPORTS)))
    params = params or ReportParameters()
    _check(info, params)
    with uow.reading():
        return info.build(_Run(info, uow, params, now or utcnow()))


def export_report(report: Report, path: Path, uow: UnitOfWork | None = None) -> Path:
    """Save *report* as an .xlsx workbook with its table, parameters and a native Excel chart.

    ``RefusedTarget`` when *path* must not be written (the open base of *uow*, another database,
    a device, a folder, a read-only file); ``FileProblem`` saying what happened when writing fails."""
    from salesdesk.files.targets import check_target

    check_target(path, base=uow.database.path if uow is not None else None, field="output")
    return write_report(report, path)


def report_as_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON values (money and percentages as strings, so nothing is rounded
    by a float on the way), for ``salesdesk report --json``."""

    def value(cell: Cell) -> Any:
        if isinstance(cell, Decimal):
            return str(cell)
        if isinstance(cell, date):
            return cell.isoformat()
        return cell

    return {
        "name": report.name,
        "title": report.title,
        "parameters": [{"label": label, "value": text} for label, text in report.parameters],
        "columns": [{"key": c.key, "title": c.title, "kind": c.kind.value} for c in report.columns],
        "rows": [[value(cell) for cell in row] for row in report.rows],
        "totals": None if report.totals is None else [value(cell) for cell in report.totals],
        "notes": list(report.notes),
        "counted_by": None if report.counted_by is None else report.counted_by.value,
    }


# Checks and common pieces -----------------------------------------------------------------------


def _check(info: ReportInfo, params: ReportParameters) -> None:
    if params.by:
        if not info.by_choices:
            raise UserError(msg("report.err.no_by", report=info.name, value=params.by))
        if params.by not in info.by_choices:
            raise UserError(msg("report.err.by", report=info.name, value=params.by, choices=", ".join(info.by_choices)))
    if params.counted_by is not None and params.counted_by is not info.counted_by and "counted_by" not in info.uses:
        raise UserError(msg("report.err.no_counted_by", report=info.name, basis=counted_by_text(info)))
    if params.date_from is not None and params.date_to is not None and params.date_from > params.date_to:
        # a period that ends before it starts is bad input (the command line's exit 2), for every report
        start, end = _date_text(params.date_from), _date_text(params.date_to)
        raise _bad("period", msg("report.err.period", start=start, end=end))
    if "days" in info.uses and not 1 <= params.days <= MAX_DAYS:
        raise UserError(msg("report.err.days", limit=MAX_DAYS))
    for key in ("interaction_days", "deal_days"):
        if key in info.uses and not 0 <= getattr(params, key) <= MAX_HOOK_DAYS:
            raise UserError(msg("report.err.hook_days", limit=MAX_HOOK_DAYS))
    if "threshold" in info.uses and not 0 <= params.threshold <= 100:
        raise UserError(msg("report.err.threshold"))


def _bad(field: str, message: Message) -> ValidationError:
    return ValidationError([FieldProblem(field, message)])


def counted_by_text(info: ReportInfo, basis: CountedBy | None = None) -> str:
    """The date *info* counts by (*basis* if chosen) in the user's words: "the date the deal was won"."""
    basis = basis or info.counted_by
    if basis is CountedBy.CLOSED and "counted_by" not in info.uses:
        return _t("report.counted_by.won")  # sales reports: only won deals have a sale date
    return _t(f"report.counted_by.{basis.value}")


def parse_counted_by(text: str) -> CountedBy:
    """``--by-date opened|closed`` (or the Russian words) as a ``CountedBy``; ``UserError`` otherwise."""
    words = {
        "opened": CountedBy.OPENED,
        "open": CountedBy.OPENED,
        "открытия": CountedBy.OPENED,
        "closed": CountedBy.CLOSED,
        "close": CountedBy.CLOSED,
        "закрытия": CountedBy.CLOSED,
    }
    found = words.get(text.strip().casefold())
    if found is None:
        raise ValidationError([FieldProblem("counted_by", msg("report.err.counted_by", value=text))])
    return found


def _t(key: str, **params: Any) -> str:
    return str(msg(key, **params))


def _date_text(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def _range_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return _t("report.param.all_time")
    if start is None:
        assert end is not None
        return _t("report.param.open_start", end=_date_text(end))
    if end is None:
        return _t("report.param.open_end", start=_date_text(start))
    return _t("report.param.range", start=_date_text(start), end=_date_text(end))


def _money(minor: int) -> Decimal:
    return Decimal(minor).scaleb(-2)


def _average(minor_sum: int, count: int) -> Decimal | None:
    """The average of *count* amounts totalling *minor_sum* kopecks, rounded half up to a kopeck."""
    if count == 0:
        return None
    return (Decimal(minor_sum) / count).quantize(_KOPECK, rounding=ROUND_HALF_UP).scaleb(-2)


def _percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """*part* of *whole* in per cent, one decimal, half up; None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def _change(current: int, previous: int) -> Decimal | None:
    return _percent(current - previous, previous)


def _last_months(params: ReportParameters, today: date) -> tuple[date, date]:
    """The period asked for; a missing start is the first day of the 12th month back."""
    end = params.date_to or today
    start = params.date_from or (end.replace(day=1) - relativedelta(months=11))
    if start > end:
        raise _bad("period", msg("report.err.period", start=_date_text(start), end=_date_text(end)))
    return start, end


def _bucket_starts(start: date, end: date, period: Period) -> list[date]:
    """First days of the months, quarters or years that [start, end] touches."""
    step = _STEP_MONTHS[period]
    first_month = 1 if period is Period.YEAR else (start.month - 1) // step * step + 1
    cursor = date(start.year, first_month, 1)
    starts = []
    while cursor <= end:
        starts.append(cursor)
        cursor += relativedelta(months=step)
    return starts


def _bucket_label(day: date, period: Period) -> str:
    if period is Period.YEAR:
        return f"{day.year:04d}"
    if period is Period.QUARTER:
        return _t("report.label.quarter", quarter=(day.month + 2) // 3, year=day.year)
    return f"{day.month:02d}.{day.year:04d}"


class _Counted(Protocol):
    @property
    def currency(self) -> str: ...
    @property
    def deals(self) -> int: ...
    @property
    def amount_minor(self) -> int: ...


def _by_currency(rows: Iterable[_Counted]) -> list[CurrencyTotal]:
    """Deals and amounts per currency, added up from a report's (few) aggregate rows."""
    return [_total(group, currency) for currency, group in _grouped(rows).items()]


def _grouped(rows: Iterable[_Counted]) -> dict[str, list[_Counted]]:
    found: dict[str, list[_Counted]] = {}
    for row in rows:
        found.setdefault(row.currency, []).append(row)
    return found


def _total(rows: Iterable[_Counted], currency: str) -> CurrencyTotal:
    listed = list(rows)
    return CurrencyTotal(currency, sum(r.deals for r in listed), sum(r.amount_minor for r in listed))


def _pick_currency(*totals: Iterable[CurrencyTotal]) -> tuple[str, list[CurrencyTotal]]:
    """The report currency (the most deals; RUB wins a tie) and what the other currencies hold."""
    counts: dict[str, list[int]] = {}
    for total in (t for group in totals for t in group):
        entry = counts.setdefault(total.currency, [0, 0])
        entry[0] += total.deals
        entry[1] += total.amount_minor
    if not counts:
        return DEFAULT_CURRENCY, []
    currency = min(counts, key=lambda c: (-counts[c][0], c != DEFAULT_CURRENCY, c))
    others = [CurrencyTotal(c, n, amount) for c, (n, amount) in sorted(counts.items()) if c != currency]
    return currency, others


def _currency_notes(currency: str, others: Sequence[CurrencyTotal]) -> tuple[str, ...]:
    if not others:
        return ()
    listed = "; ".join(
        _t(
            "report.note.currency_item",
            currency=o.currency,
            count=o.deals,
            amount=money_text(Money.from_minor(o.amount_minor, o.currency)),
        )
        for o in others
    )
    return (_t("report.note.currency", currency=currency, others=listed),)


def _common_parameters(run: _Run) -> list[tuple[str, str]]:
    """The lines every report ends its parameters with: the manager it is limited to, when."""
    lines = [(_t("report.param.counted_by"), counted_by_text(run.info, run.counted_by))]
    if "manager_id" in run.info.uses and run.params.manager_id is not None:
        lines.append((_t("report.param.manager"), run.uow.managers.get(run.params.manager_id).name))
    lines.append((_t("report.param.computed"), run.now.astimezone().strftime("%d.%m.%Y %H:%M")))
    return lines


def _column(key: str, title_key: str, kind: ColumnKind = ColumnKind.TEXT, **params: Any) -> ReportColumn:
    return ReportColumn(key, _t(title_key, **params), kind)


def _report(
    run: _Run,
    parameters: Sequence[tuple[str, str]],
    columns: Sequence[ReportColumn],
    rows: Iterable[Sequence[Cell]],
    totals: Sequence[Cell] | None,
    chart: ChartSpec | None,
    notes: Iterable[str] = (),
) -> Report:
    return Report(
        name=run.info.name,
        title=run.info.title,
        parameters=tuple(parameters) + tuple(_common_parameters(run)),
        columns=tuple(columns),
        rows=tuple(tuple(row) for row in rows),
        counted_by=run.counted_by,
        totals=None if totals is None else tuple(totals),
        chart=chart,
        notes=tuple(notes),
    )


# Sales ------------------------------------------------------------------------------------------


def _sales_by_period(run: _Run) -> Report:
    p, q = run.params, run.queries
    period = Period(p.by) if p.by else p.period
    start, end = _last_months(p, run.today)
    starts = _bucket_starts(start, end, period)
    # The previous period: as many buckets back, the same stretch of each (half-open ends, so a
    # period ending on the last day of February ends on the last day of December two months back).
    shift = relativedelta(months=_STEP_MONTHS[period] * len(starts))
    previous_start = start - shift
    previous_end = end + timedelta(days=1) - shift - timedelta(days=1)
    current_rows = q.sales_by_period(start, end, period, manager_id=p.manager_id)
    previous_rows = q.sales_by_period(previous_start, previous_end, period, manager_id=p.manager_id)
    currency, others = _pick_currency(_by_currency(current_rows), _by_currency(previous_rows))
    current = {b.key: b for b in current_rows if b.currency == currency}
    previous = {b.key: b for b in previous_rows if b.currency == currency}
    rows = []
    for bucket in starts:
        earlier = bucket - shift
        now_amount, now_count = _bucket_values(current, period_key(bucket, period))
        then_amount, then_count = _bucket_values(previous, period_key(earlier, period))
        rows.append(
            (
                _bucket_label(bucket, period),
                _money(now_amount),
                now_count,
                _bucket_label(earlier, period),
                _money(then_amount),
                then_count,
                _change(now_amount, then_amount),
            )
        )
    total = _total(current.values(), currency)
    total_before = _total(previous.values(), currency)
    columns = [
        _column("period", "report.col.period"),
        _column("amount", "report.col.amount", ColumnKind.MONEY),
        _column("deals", "report.col.deals", ColumnKind.INTEGER),
        _column("previous_period", "report.col.previous_period"),
        _column("previous_amount", "report.col.previous_amount", ColumnKind.MONEY),
        _column("previous_deals", "report.col.previous_deals", ColumnKind.INTEGER),
        _column("change", "report.col.change", ColumnKind.PERCENT),
    ]
    totals = (
        _t("report.total"),
        _money(total.amount_minor),
        total.deals,
        None,
        _money(total_before.amount_minor),
        total_before.deals,
        _change(total.amount_minor, total_before.amount_minor),
    )
    parameters = [
        (_t("report.param.period"), _range_text(start, end)),
        (_t("report.param.previous"), _range_text(previous_start, previous_end)),
        (_t("report.param.grouping"), _t(f"report.period.{period.value}")),
        (_t("report.param.currency"), currency),
    ]
    chart = ChartSpec(
        ChartKind.BAR,
        "period",
        ("amount", "previous_amount"),
        _t("report.chart.sales", currency=currency_text(currency)),
        over_time=True,
    )
    return _report(run, parameters, columns, rows, totals, chart, _currency_notes(currency, others))


def _bucket_values(found: dict[str, Bucket], key: str) -> tuple[int, int]:
    bucket = found.get(key)
    return (0, 0) if bucket is None else (bucket.amount_minor, bucket.deals)


def _sales_by_group(run: _Run, *, by_industry: bool) -> Report:
    p, q = run.params, run.queries
    start, end = _last_months(p, run.today)
    known = run.uow.industries.list(include_deleted=True) if by_industry else []  # read once per report
    all_groups = (
        _by_section(run, known, q.sales_by_industry(start, end, manager_id=p.manager_id))
        if by_industry
        else q.sales_by_manager(start, end)
    )
    currency, others = _pick_currency(_by_currency(all_groups))
    groups = [g for g in all_groups if g.currency == currency]
    total = _total(groups, currency)
    nobody = _t("report.no_industry" if by_industry else "report.no_manager")
    rows = [
        (
            g.name if g.ident is not None and g.name is not None else nobody,
            _money(g.amount_minor),
            g.deals,
            _average(g.amount_minor, g.deals),
            _percent(g.amount_minor, total.amount_minor),
        )
        for g in groups
    ]
    key = "industry" if by_industry else "manager"
    columns = [
        _column(key, f"report.col.{key}"),
        _column("amount", "report.col.amount", ColumnKind.MONEY),
        _column("deals", "report.col.deals", ColumnKind.INTEGER),
        _column("average", "report.col.average_deal", ColumnKind.MONEY),
        _column("share", "report.col.share", ColumnKind.PERCENT),
    ]
    totals = (
        _t("report.total"),
        _money(total.amount_minor),
        total.deals,
        _average(total.amount_minor, total.deals),
        Decimal(100).quantize(_TENTH) if total.deals else None,
    )
    parameters = [(_t("report.param.period"), _range_text(start, end)), (_t("report.param.currency"), currency)]
    if by_industry:
        shown = p.section.strip().upper()
        where = f"{shown} — {_section_name(known, shown)}" if shown else _t("report.param.all_sections")
        parameters.insert(1, (_t("report.param.section"), where))
    chart = ChartSpec(ChartKind.BAR, key, ("amount",), _t("report.chart.sales", currency=currency_text(currency)))
    return _report(run, parameters, columns, rows, totals, chart, _currency_notes(currency, others))


def _section_name(industries: Iterable[Industry], letter: str) -> str:
    """A section as the base names it (its own industry of that letter), else OKVED's name."""
    for industry in industries:
        if industry.code.upper() == letter and industry.deleted_at is None:
            return industry.name
    return okved.SECTION_NAMES.get(letter, letter)


def _by_section(run: _Run, known: Sequence[Industry], groups: list[GroupTotal]) -> list[GroupTotal]:
    """Sales by industry folded by OKVED section (issue 16): without a section chosen, a class
    ("62.01") counts in its section ("J"), one row per section and per industry of the office's own
    (no code); with one (``params.section``), the rows are that section's classes and the section
    itself ("no class"), so a head drills from the section to its classes."""
    industries = {i.id: i for i in known}
    chosen = run.params.section.strip().upper()
    if chosen and chosen not in okved.SECTION_NAMES:
        raise ValidationError([FieldProblem("section", msg("report.err.section", value=chosen[:20]))])
    names = {letter: _section_name(industries.values(), letter) for letter in okved.SECTION_NAMES}
    sums: dict[tuple[str, object], list[Any]] = {}
    for group in groups:
        industry = industries.get(group.ident) if group.ident is not None else None
        code = industry.code.upper() if industry is not None else ""
        section = okved.section_of(code) if code else None
        if chosen:
            if section != chosen:
                continue
            if len(code) == 1:
                key: object = group.ident
                name = _t("report.section_itself", name=group.name or code)
            else:
                key, name = group.ident, f"{code} — {group.name}"
        elif section is not None:
            key, name = section, f"{section} — {names[section]}"
        else:
            key, name = group.ident, group.name or ""
        ident = 0 if section is not None and not chosen else group.ident  # 0: a section, named; None: no industry
        total = sums.setdefault((group.currency, key), [ident, name, 0, 0])
        total[2] += group.deals
        total[3] += group.amount_minor
    folded = [GroupTotal(cur, ident, name, deals, amount) for (cur, _key), (ident, name, deals, amount) in sums.items()]
    folded.sort(key=lambda g: (-g.amount_minor, g.name or "", g.currency))
    return folded


def _sales_by_manager(run: _Run) -> Report:
    return _sales_by_group(run, by_industry=False)


def _sales_by_industry(run: _Run) -> Report:
    return _sales_by_group(run, by_industry=True)


# Pipeline ---------------------------------------------------------------------------------------


def _pipeline(run: _Run) -> Report:
    p, q = run.params, run.queries
    start, end = p.date_from, p.date_to  # nothing given: every deal ever opened (or closed)
    by_closed = run.counted_by is CountedBy.CLOSED
    stages = q.pipeline(start, end, manager_id=p.manager_id, by_closed=by_closed)
    currency, others = _pick_currency(_by_currency(stages))
    found = {t.stage: t for t in stages if t.currency == currency}
    count = {stage: found[stage.value].deals if stage.value in found else 0 for stage in DealStage}
    amount = {stage: found[stage.value].amount_minor if stage.value in found else 0 for stage in DealStage}
    all_deals, all_amount = sum(count.values()), sum(amount.values())
    won, lost = count[DealStage.WON], count[DealStage.LOST]
    rows = [
        (
            stage.label,
            count[stage],
            _money(amount[stage]),
            _percent(count[stage], all_deals),
            _percent(count[stage], won + lost) if stage.closed else None,
        )
        for stage in DealStage
        if stage.closed or not by_closed
    ]
    conversion = _percent(won, won + lost)
    columns = [
        _column("stage", "report.col.stage"),
        _column("deals", "report.col.deals", ColumnKind.INTEGER),
        _column("amount", "report.col.amount", ColumnKind.MONEY),
        _column("share", "report.col.share_of_deals", ColumnKind.PERCENT),
        _column("conversion", "report.col.share_of_closed", ColumnKind.PERCENT),
    ]
    totals = (_t("report.total"), all_deals, _money(all_amount), _percent(all_deals, all_deals), conversion)
    notes = [
        _t("report.note.conversion", value=number_text(conversion, 1))
        if conversion is not None
        else _t("report.note.no_conversion"),
        *_currency_notes(currency, others),
    ]
    if by_closed:
        notes.append(_t("report.note.open_not_counted"))
    parameters = [(_t("report.param.period"), _range_text(start, end)), (_t("report.param.currency"), currency)]
    chart = ChartSpec(
        ChartKind.BAR, "stage", ("amount",), _t("report.chart.pipeline", currency=currency_text(currency))
    )
    return _report(run, parameters, columns, rows, totals, chart, notes)


# Sleeping clients -------------------------------------------------------------------------------


def _sleeping_clients(run: _Run) -> Report:
    p, q = run.params, run.queries
    currency, others = _pick_currency(q.won_currencies())
    found = q.sleeping_clients(run.now - timedelta(days=p.days), currency, limit=SLEEPING_LIMIT, owner_id=p.manager_id)
    today = run.today
    rows = []
    for client in found.rows:
        last_day = None if client.last_interaction is None else client.last_interaction.astimezone().date()
        rows.append(
            (
                client.name,
                client.owner_name or NO_NAME,
                last_day,
                None if last_day is None else (today - last_day).days,
                _money(client.revenue_minor),
                client.open_deals,
            )
        )
    columns = [
        _column("client", "report.col.client"),
        _column("owner", "report.col.owner"),
        _column("last_contact", "report.col.last_contact", ColumnKind.DATE),
        _column("days_since", "report.col.days_since", ColumnKind.INTEGER),
        _column("revenue", "report.col.revenue", ColumnKind.MONEY),
        _column("open_deals", "report.col.open_deals", ColumnKind.INTEGER),
    ]
    totals = (
        _t("report.total"),
        None,
        None,
        None,
        _money(sum(c.revenue_minor for c in found.rows)),
        sum(c.open_deals for c in found.rows),
    )
    notes = [
        _t("report.note.sleeping_shown", shown=len(found.rows), total=found.total)
        if found.total > len(found.rows)
        else _t("report.note.sleeping_total", total=found.total)
    ]
    if any(c.last_interaction is None for c in found.rows):
        notes.append(_t("report.note.never_contacted"))
    notes.extend(_currency_notes(currency, others))
    parameters = [(_t("report.param.days"), str(p.days)), (_t("report.param.currency"), currency)]
    chart = ChartSpec(
        ChartKind.BAR, "client", ("revenue",), _t("report.chart.revenue", currency=currency_text(currency))
    )
    return _report(run, parameters, columns, rows, totals, chart, notes)


# Reminders --------------------------------------------------------------------------------------


def _reminders_by_manager(run: _Run) -> Report:
    q = run.queries
    loads = {load.manager_id: load for load in q.reminders_by_manager(run.now, run.now + timedelta(days=SOON_DAYS))}
    # Every active manager is listed, so that a manager with nothing open shows as such.
    names = {m.id: m.name for m in q.active_managers()}
    names.update({ident: load.manager_name or NO_NAME for ident, load in loads.items() if ident is not None})
    rows: list[tuple[str, int, int, int, int]] = []
    for ident, name in names.items():
        load = loads.get(ident)
        overdue, upcoming, later = (0, 0, 0) if load is None else (load.overdue, load.upcoming, load.later)
        rows.append((name, overdue, upcoming, later, overdue + upcoming + later))
    rows.sort(key=lambda row: (-row[1], -row[4], row[0]))
    nobody = loads.get(None)
    if nobody is not None:  # reminders nobody is assigned to go last
        rows.append(
            (
                _t("report.no_manager"),
                nobody.overdue,
                nobody.upcoming,
                nobody.later,
                nobody.overdue + nobody.upcoming + nobody.later,
            )
        )
    columns = [
        _column("manager", "report.col.manager"),
        _column("overdue", "report.col.overdue", ColumnKind.INTEGER),
        _column("upcoming", "report.col.upcoming", ColumnKind.INTEGER, days=SOON_DAYS),
        _column("later", "report.col.later", ColumnKind.INTEGER),
        _column("total", "report.col.total", ColumnKind.INTEGER),
    ]
    totals = (
        _t("report.total"),
        sum(r[1] for r in rows),
        sum(r[2] for r in rows),
        sum(r[3] for r in rows),
        sum(r[4] for r in rows),
    )
    parameters = [(_t("report.param.upcoming"), str(SOON_DAYS))]
    chart = ChartSpec(ChartKind.BAR, "manager", ("overdue", "upcoming", "later"), _t("report.chart.reminders"))
    return _report(run, parameters, columns, rows, totals, chart)


# Completeness -----------------------------------------------------------------------------------


def _completeness_by_manager(run: _Run) -> Report:
    """Per manager: clients, the average score (a stale field counts half), cards below the
    threshold, what is missing most, cards that need checking and what is stale most."""
    p, q = run.params, run.queries
    months = run.uow.freshness.months()
    before = stale_cutoff(run.now, months)
    groups = {g.owner_id: g for g in q.completeness_by_manager(p.threshold, before)}
    names = {m.id: m.name for m in q.active_managers()}
    names.update({ident: g.owner_name or NO_NAME for ident, g in groups.items() if ident is not None})

    def line(name: str, group: CompletenessGroup) -> tuple[Cell, ...]:
        return (
            name,
            group.clients,
            _fresh_average(group.score_sum, group.penalty, group.clients),
            group.below,
            _most_missing(group.missing),
            group.needs_checking,
            _most_stale(group.stale),
        )

    named: list[tuple[Cell, ...]] = []
    for ident, name in names.items():
        group = groups.get(ident)
        named.append((name, 0, None, 0, None, 0, None) if group is None else line(name, group))
    # The best-kept base first; managers without clients last.
    named.sort(key=lambda row: (row[2] is None, -(cast(Decimal, row[2]) or 0), cast(str, row[0])))
    rows: list[tuple[Cell, ...]] = list(named)
    nobody = groups.get(None)
    if nobody is not None:
        rows.append(line(_t("report.no_manager"), nobody))
    all_clients = sum(g.clients for g in groups.values())
    all_missing = tuple(sum(g.missing[i] for g in groups.values()) for i in range(len(ITEMS)))
    all_stale = tuple(sum(g.stale[i] for g in groups.values() if g.stale) for i in range(len(FRESH_ITEMS)))
    totals = (
        _t("report.total"),
        all_clients,
        _fresh_average(sum(g.score_sum for g in groups.values()), sum(g.penalty for g in groups.values()), all_clients),
        sum(g.below for g in groups.values()),
        _most_missing(all_missing) if all_clients else None,
        sum(g.needs_checking for g in groups.values()),
        _most_stale(all_stale) if all_clients else None,
    )
    columns = [
        _column("manager", "report.col.manager"),
        _column("clients", "report.col.clients", ColumnKind.INTEGER),
        _column("average", "report.col.average_completeness", ColumnKind.PERCENT),
        _column("below", "report.col.below", ColumnKind.INTEGER, threshold=p.threshold),
        _column("missing", "report.col.most_missing"),
        _column("needs_checking", "report.col.needs_checking", ColumnKind.INTEGER),
        _column("stale", "report.col.most_stale"),
    ]
    parameters = [
        (_t("report.param.threshold"), str(p.threshold)),
        (_t("report.param.stale_months"), str(months)),
    ]
    chart = ChartSpec(ChartKind.BAR, "manager", ("average",), _t("report.chart.completeness"))
    notes = [_t("report.note.missing"), str(msg("report.note.stale", months=months, date=_date_text(before.date())))]
    return _report(run, parameters, columns, rows, totals, chart, notes)


def _fresh_average(score_sum: int, penalty: float, clients: int) -> Decimal | None:
    """The average score with stale fields at half weight, one decimal."""
    return _percent(Decimal(score_sum) - Decimal(repr(round(penalty, 6))), clients * 100)


def _most_stale(counts: Sequence[int], top: int = 3) -> str:
    """The *top* items most often stale, "Phone (30), E-mail (12)"; ties go to the heavier item."""
    order = sorted((i for i, n in enumerate(counts) if n > 0), key=lambda i: (-counts[i], -_WEIGHT[FRESH_ITEMS[i]], i))
    return ", ".join(f"{_t('field.' + FRESH_ITEMS[i])} ({counts[i]})" for i in order[:top])


def _most_missing(counts: Sequence[int], top: int = 3) -> str:
    """The *top* items most often missing, "INN (12), Phone (8)"; ties go to the heavier item."""
    order = sorted((i for i, n in enumerate(counts) if n > 0), key=lambda i: (-counts[i], -_WEIGHT[ITEMS[i]], i))
    return ", ".join(f"{_t('field.' + ITEMS[i])} ({counts[i]})" for i in order[:top])


# New clients ------------------------------------------------------------------------------------


def _new_clients(run: _Run) -> Report:
    p, q = run.params, run.queries
    start, end = _last_months(p, run.today)
    # Local calendar days, as the office counts them; stored times are UTC.
    start_at, end_at = local_at(start, time(0)), local_at(end + timedelta(days=1), time(0))
    offset = run.now.astimezone().utcoffset() or timedelta(0)
    sources = q.new_client_sources(start_at, end_at, owner_id=p.manager_id)
    top, rest = sources[:TOP_SOURCES], sources[TOP_SOURCES:]
    months = {
        m.month: m
        for m in q.new_clients_by_month(
            start_at,
            end_at,
            [s.source for s in top],
            utc_offset_seconds=int(offset.total_seconds()),
            owner_id=p.manager_id,
        )
    }
    rows: list[tuple[Cell, ...]] = []
    for month in _bucket_starts(start, end, Period.MONTH):
        found = months.get(period_key(month, Period.MONTH))
        counts = found.counts if found is not None else (0,) * len(top)
        total = found.total if found is not None else 0
        other = (total - sum(counts),) if rest else ()
        rows.append((_bucket_label(month, Period.MONTH), *counts, *other, total))
    columns = [_column("month", "report.col.month")]
    columns += [
        ReportColumn(f"source_{i + 1}", s.source or _t("report.no_source"), ColumnKind.INTEGER)
        for i, s in enumerate(top)
    ]
    if rest:
        columns.append(_column("other", "report.col.other_sources", ColumnKind.INTEGER))
    columns.append(_column("total", "report.col.total", ColumnKind.INTEGER))
    other_total = (sum(s.clients for s in rest),) if rest else ()
    totals = (_t("report.total"), *(s.clients for s in top), *other_total, sum(s.clients for s in sources))
    series = tuple(c.key for c in columns[1:-1]) or ("total",)
    notes = [_t("report.note.other_sources", count=len(rest))] if rest else []
    parameters = [(_t("report.param.period"), _range_text(start, end))]
    chart = ChartSpec(ChartKind.BAR, "month", series, _t("report.chart.new_clients"), over_time=True)
    return _report(run, parameters, columns, rows, totals, chart, notes)


# The registry -----------------------------------------------------------------------------------

# Plan and fact, Hooks (issue 16) live in their own module, which reads this one's helpers.
from salesdesk.services import plan_reports  # noqa: E402

_PERIOD = ("date_from", "date_to")
REPORTS: dict[str, ReportInfo] = {
    info.name: info
    for info in (
        ReportInfo(
            "sales_by_period",
            "report.sales_by_period.title",
            (*_PERIOD, "period", "manager_id"),
            _sales_by_period,
            by_choices=tuple(p.value for p in Period),
            counted_by=CountedBy.CLOSED,
        ),
        ReportInfo(
            "sales_by_manager",
            "report.sales_by_manager.title",
            _PERIOD,
            _sales_by_manager,
            by_choices=("manager",),
            counted_by=CountedBy.CLOSED,
        ),
        ReportInfo(
            "sales_by_industry",
            "report.sales_by_industry.title",
            (*_PERIOD, "manager_id", "section"),
            _sales_by_industry,
            by_choices=("industry",),
            counted_by=CountedBy.CLOSED,
        ),
        ReportInfo(
            "pipeline",
            "report.pipeline.title",
            (*_PERIOD, "counted_by", "manager_id"),
            _pipeline,
            counted_by=CountedBy.OPENED,
        ),
        ReportInfo(
            "sleeping_clients",
            "report.sleeping_clients.title",
            ("days", "manager_id"),
            _sleeping_clients,
            counted_by=CountedBy.LAST_CONTACT,
        ),
        ReportInfo(
            "reminders_by_manager",
            "report.reminders_by_manager.title",
            (),
            _reminders_by_manager,
            counted_by=CountedBy.DUE,
        ),
        ReportInfo(
            "completeness_by_manager", "report.completeness_by_manager.title", ("threshold",), _completeness_by_manager
        ),
        ReportInfo(
            "new_clients",
            "report.new_clients.title",
            (*_PERIOD, "manager_id"),
            _new_clients,
            by_choices=("source",),
            counted_by=CountedBy.CREATED,
        ),
        ReportInfo(
            "plan_fact",
            "report.plan_fact.title",
            (*_PERIOD, "manager_id"),
            lambda run: plan_reports.plan_fact(run),
            counted_by=CountedBy.CLOSED,
        ),
        ReportInfo(
            "hooks",
            "report.hooks.title",
            (*_PERIOD, "interaction_days", "deal_days", "manager_id"),
            lambda run: plan_reports.hooks(run),
            counted_by=CountedBy.DONE,
        ),
    )
}
