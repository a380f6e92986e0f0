"""Sales plans (issue 16): what a head expects a manager to win in a month or a quarter, in one
currency, and how a plan and the open pipeline are counted against a period.

The rules (documented for users in docs/plans_and_hooks.md):

* A plan belongs to a manager, a currency and a **month** ("2026-12") or a **quarter** ("2026-Q4").
  Setting it again replaces it; an amount of 0 is a plan of zero (kept, shown as "plan 0", never a
  percentage), which is not the same as no plan.
* A report's period is counted in **whole months**: from the first day of the month of its start to
  the last day of the month of its end. The plan of a period is the sum of the plans of its months.
* The plan of a month is its monthly plan when one is set; otherwise a third of its quarter's plan
  (kopecks rounded half up, the third month taking what is left, so that the three months add up to
  the quarter exactly). A monthly plan therefore overrides its month's share of the quarter.
* The forecast to the end of a period is what was won in it, plus — while the period has not ended —
  the open deals of the manager in that currency, each weighted by its stage (``STAGE_WEIGHTS``)
  and by the share of them that can close before the period ends (``closing_share``): the days
  left in the period, today included, over the office's median sales cycle (``SalesCycle``), at
  most 1. Deals carry no expected closing date, so without that share a month's forecast counted
  the whole pipeline, however long the office takes to win a deal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from salesdesk.domain.model import DealStage

# Share of an open deal's amount a forecast counts, by stage (per cent).
STAGE_WEIGHTS: dict[DealStage, int] = {
    DealStage.NEW: 10,
    DealStage.NEGOTIATION: 30,
    DealStage.PROPOSAL: 60,
}

# The sales cycle the forecast divides by: the median days from opening to winning of the deals won
# in the last CYCLE_DAYS_BACK days (the latest MAX_CYCLE_DEALS of them: a median of 5,000 is as
# good as one of 200,000, and a million-deal base reads them in milliseconds); with fewer than
# MIN_CYCLE_DEALS of them, DEFAULT_CYCLE_DAYS.
DEFAULT_CYCLE_DAYS = 60
MIN_CYCLE_DEALS = 20
MAX_CYCLE_DEALS = 5000
CYCLE_DAYS_BACK = 365

MAX_PLAN_MINOR = 10**17  # a plan in kopecks fits a signed 64-bit column with room to add
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_QUARTER = re.compile(r"^\s*(\d{4})-?[QqКк](\d)\s*$")


@dataclass(frozen=True, slots=True, order=True)
class PlanPeriod:
    """A month (``months`` 1) or a quarter (``months`` 3), by its first day."""

    start: date
    months: int = 1

    @property
    def quarterly(self) -> bool:
        return self.months == 3

    @property
    def code(self) -> str:
        """ "2026-12" or "2026-Q4": how the base stores it and the command line writes it."""
        if self.quarterly:
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year:04d}-{self.start.month:02d}"

    @property
    def label(self) -> str:
        """ "12.2026" or "Q4 2026" for a table."""
        if self.quarterly:
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year:04d}"
        return f"{self.start.month:02d}.{self.start.year:04d}"

    def month_starts(self) -> list[date]:
        return [add_months(self.start, i) for i in range(self.months)]


def month(year: int, month_number: int) -> PlanPeriod:
    return PlanPeriod(date(year, month_number, 1), 1)


def quarter(year: int, number: int) -> PlanPeriod:
    return PlanPeriod(date(year, (number - 1) * 3 + 1, 1), 3)


def parse_month(text: str) -> PlanPeriod | None:
    """ "2026-12" → December 2026; None when it is not a month."""
    found = _MONTH.match(text)
    if found is None:
        return None
    year, number = int(found.group(1)), int(found.group(2))
    if not 1 <= number <= 12 or not 1900 <= year <= 9999:
        return None
    return month(year, number)


def parse_quarter(text: str) -> PlanPeriod | None:
    """ "2026-Q4" (or "2026Q4", "2026-К4") → the fourth quarter of 2026; None otherwise."""
    found = _QUARTER.match(text)
    if found is None:
        return None
    year, number = int(found.group(1)), int(found.group(2))
    if not 1 <= number <= 4 or not 1900 <= year <= 9999:
        return None
    return quarter(year, number)


def parse_code(code: str) -> PlanPeriod:
    """A stored code back to its period (the base holds only what ``PlanPeriod.code`` wrote)."""
    found = parse_quarter(code) or parse_month(code)
    if found is None:
        raise ValueError(f"not a plan period: {code!r}")
    return found


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_end(day: date) -> date:
    return date.fromordinal(add_months(day, 1).toordinal() - 1)


def whole_months(start: date, end: date) -> tuple[date, date]:
    """[start, end] widened to whole months: the first day of *start*'s month to the last of *end*'s."""
    return start.replace(day=1), month_end(end)


def months_between(start: date, end: date) -> list[date]:
    """First days of the months [start, end] touches."""
    out, cursor = [], start.replace(day=1)
    while cursor <= end:
        out.append(cursor)
        cursor = add_months(cursor, 1)
    return out


@dataclass(frozen=True, slots=True)
class Plan:
    """One plan as stored."""

    id: int
    manager_id: int
    manager_name: str
    currency: str
    period: PlanPeriod
    amount_minor: int


def quarter_share(amount_minor: int, month_index: int) -> int:
    """The part of a quarter's plan that falls on its *month_index*-th month (0, 1, 2): a third,
    half up, the last month taking the rest, so the three add up to the quarter."""
    third = int((Decimal(amount_minor) / 3).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return amount_minor - 2 * third if month_index == 2 else third


def plan_for_months(plans: list[Plan], months: list[date]) -> int | None:
    """The plan of *months* (first days) from one manager's plans in one currency: the monthly plan
    of each month, else its share of the quarter's; None when none of the months has any plan."""
    monthly = {p.period.start: p.amount_minor for p in plans if not p.period.quarterly}
    quarterly = {p.period.start: p.amount_minor for p in plans if p.period.quarterly}
    total, found = 0, False
    for first in months:
        if first in monthly:
            total += monthly[first]
            found = True
            continue
        quarter_start = date(first.year, (first.month - 1) // 3 * 3 + 1, 1)
        if quarter_start in quarterly:
            total += quarter_share(quarterly[quarter_start], first.month - quarter_start.month)
            found = True
    return total if found else None


def weighted_minor(stage: DealStage, amount_minor: int, share: Fraction = Fraction(1)) -> int:
    """Open deals' amount as the forecast counts it: times the stage's weight and *share* (the part
    that closes in time, ``closing_share``), half up to a kopeck."""
    exact = Fraction(amount_minor * STAGE_WEIGHTS.get(stage, 0), 100) * share
    whole = int(abs(exact) + Fraction(1, 2))  # half up (away from zero), as Money rounds
    return whole if exact >= 0 else -whole


@dataclass(frozen=True, slots=True)
class SalesCycle:
    """How long the office takes to win a deal: the median days from a won deal's opening to its
    closing over the last ``CYCLE_DAYS_BACK`` days (``deals`` of them, the latest
    ``MAX_CYCLE_DEALS`` at most), rounded half up to a whole day, at least 1;
    ``DEFAULT_CYCLE_DAYS`` when fewer than ``MIN_CYCLE_DEALS`` were won."""

    days: int
    deals: int

    @property
    def measured(self) -> bool:
        return self.deals >= MIN_CYCLE_DEALS


def sales_cycle(median: Fraction | float | None, deals: int) -> SalesCycle:
    """The cycle from the median of the won deals' days (None: none won) and how many there were."""
    if median is None or deals < MIN_CYCLE_DEALS:
        return SalesCycle(DEFAULT_CYCLE_DAYS, deals)
    whole = int(Fraction(median) + Fraction(1, 2))
    return SalesCycle(max(1, whole), deals)


def days_left(today: date, end: date) -> int:
    """Calendar days from *today* to *end*, both included (0 once *end* has passed): a deal can still
    be won today."""
    return max(0, (end - today).days + 1)


def closing_share(today: date, start: date, end: date, cycle_days: int) -> Fraction:
    """The part of an open deal the forecast of [start, end] counts: the chance that it closes in
    the period, taking its closing day as equally likely on each of the *cycle_days* days from
    today (today included). For the current period that is min(1, days left / cycle); for a period
    that is over, 0 (the forecast is the fact); for a period that has not begun, the part of the
    cycle that falls in it. The deal's age is not used (see docs/plans_and_hooks.md)."""
    cycle = max(1, cycle_days)
    first = max(start, today)
    if end < first:
        return Fraction(0)
    lo = (first - today).days  # offsets in days from today, [lo, hi)
    hi = (end - today).days + 1
    return Fraction(max(0, min(hi, cycle) - min(lo, cycle)), cycle)
