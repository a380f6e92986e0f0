"""What a report is, independently of how it is computed (SQL in the store), shown (Qt charts)
or saved (an Excel workbook with a native chart).

A report is a titled table of typed columns, the parameters it was computed with, optional
totals, and a chart description naming which column gives the categories and which give the
series. Every face renders the same value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class ColumnKind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    MONEY = "money"  # Decimal, two places
    PERCENT = "percent"  # a number 0..100 with one decimal
    DATE = "date"


class ChartKind(StrEnum):
    BAR = "bar"  # grouped bars: categories along the axis, one bar per series
    LINE = "line"
    PIE = "pie"  # one series only
    NONE = "none"


class CountedBy(StrEnum):
    """Which date puts a record into a report's period; every report says it (issue 9, item 12),
    because the same period counted by another date gives other numbers."""

    OPENED = "opened"  # deals by the day they were opened
    CLOSED = "closed"  # deals by the day they were won or lost
    LAST_CONTACT = "last_contact"  # clients by their latest interaction
    DUE = "due"  # reminders by their due time, as of now
    NOW = "now"  # the state of the cards when computed; no date of the past
    CREATED = "created"  # clients by the day they were added
    DONE = "done"  # reminders by the day they were marked done (hooks)


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class ReportColumn:
    key: str
    title: str  # in the user's language
    kind: ColumnKind = ColumnKind.TEXT


@dataclass(frozen=True, slots=True)
class ChartSpec:
    kind: ChartKind
    category: str  # column key of the categories (months, managers, stages…)
    series: tuple[str, ...]  # column keys of the values
    title: str = ""
    # Categories are months, quarters or years in order: every one is drawn, standing up. Otherwise
    # they are ranked (largest first): a face may draw only the first ones, lying down when many.
    over_time: bool = False


@dataclass(frozen=True, slots=True)
class ReportParameters:
    """What a person chooses before running a report; each report uses the ones it needs."""

    date_from: date | None = None
    date_to: date | None = None
    period: Period = Period.MONTH
    by: str = ""  # e.g. "manager" or "industry" for "sales by …"
    days: int = 90  # "sleeping" clients: no interaction for this many days
    threshold: int = 50  # completeness: "clients below N %"
    manager_id: int | None = None
    # Pipeline: count deals by the date opened or closed; None is the report's own default.
    counted_by: CountedBy | None = None
    # Hooks: an interaction within this many days of a reminder done, a won deal within that many.
    interaction_days: int = 14
    deal_days: int = 90
    # Sales by industry: "" the sections (an OKVED class counts in its section); a section's letter
    # ("J") drills into it: its classes, one row each.
    section: str = ""


Cell = str | int | Decimal | float | date | None


@dataclass(frozen=True, slots=True)
class Report:
    name: str  # the registry key, e.g. "sales_by_period"
    title: str
    parameters: tuple[tuple[str, str], ...]  # (label, value) as shown above the table, in the user's words
    columns: tuple[ReportColumn, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[Cell, ...] | None = None
    chart: ChartSpec | None = None
    notes: tuple[str, ...] = field(default=())  # e.g. "amounts in RUB only; 3 deals in USD left out"
    counted_by: CountedBy | None = None  # the date that puts a record into the period (also in parameters)

    def column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)
