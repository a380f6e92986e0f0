"""Sales plans (issue 16): a head sets what each manager should win in a month or a quarter, per
currency; the window's "my month" panel shows a manager where they stand.

Setting a plan is a head's right (anyone's while the base has no head, as for roles:
``permissions``), audited (entity "plan") and announced on the change bus like every change. The
counting rules (whole months, quarters as thirds, stage weights) are in ``domain/plans.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import DealStage, Money
from salesdesk.domain.plans import (
    CYCLE_DAYS_BACK,
    MAX_CYCLE_DEALS,
    MAX_PLAN_MINOR,
    Plan,
    PlanPeriod,
    SalesCycle,
    closing_share,
    month_end,
    plan_for_months,
    sales_cycle,
    weighted_minor,
)
from salesdesk.domain.validation import amount_problem
from salesdesk.services.common import utcnow
from salesdesk.services.permissions import NotAllowed, _heads_text, _rights_in
from salesdesk.store import UnitOfWork

_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class PlanSet:
    """What ``set_plan`` did: the plan's id, and its amount before (None: there was none)."""

    plan_id: int
    before: Money | None
    after: Money


def _check(amount: Decimal, currency: str) -> str:
    problems = []
    code = currency.strip().upper()
    if not _CURRENCY.match(code):
        problems.append(FieldProblem("currency", msg("err.choice", field=msg("field.currency"), value=currency[:10])))
    problem = amount_problem(amount)
    if problem is not None:
        problems.append(problem)
    elif amount < 0:
        problems.append(FieldProblem("amount", msg("plan.err.negative")))
    elif Money.of(amount, "RUB").minor > MAX_PLAN_MINOR:
        problems.append(FieldProblem("amount", msg("err.amount_range", field=msg("field.amount"), value=str(amount))))
    if problems:
        raise ValidationError(problems)
    return code


def set_plan(
    uow: UnitOfWork,
    manager_id: int,
    period: PlanPeriod,
    amount: Decimal,
    currency: str = "RUB",
    *,
    now: datetime | None = None,
) -> PlanSet:
    """Set (or replace) *manager_id*'s plan for *period* in *currency*. ``NotAllowed`` unless the
    seat's manager is a head (or the base has none); ``ValidationError`` for a negative amount, a
    currency that is not three letters; ``NotFoundError`` for a manager who is not there."""
    code = _check(amount, currency)
    with uow:
        _require_head(uow)
        done = _put(uow, manager_id, period, Money.of(amount, code), now or utcnow())
        uow.commit()
    return done


def set_plans(
    uow: UnitOfWork,
    items: Sequence[tuple[int, PlanPeriod, str, Decimal | None]],
    *,
    now: datetime | None = None,
) -> int:
    """The plan dialog's Save: several plans (manager, period, currency, amount) in one transaction,
    all or none; an amount of None takes that plan away. Returns how many plans changed."""
    checked = [
        (manager_id, period, _check(amount if amount is not None else Decimal(0), currency), amount)
        for manager_id, period, currency, amount in items
    ]
    moment = now or utcnow()
    changed = 0
    with uow:
        _require_head(uow)
        for manager_id, period, code, amount in checked:
            if amount is None:
                current = uow.plans.find(manager_id, code, period.code)
                if current is not None:
                    _remove(uow, current)
                    changed += 1
                continue
            done = _put(uow, manager_id, period, Money.of(amount, code), moment)
            changed += done.before != done.after
        uow.commit()
    return changed


def _put(uow: UnitOfWork, manager_id: int, period: PlanPeriod, money: Money, now: datetime) -> PlanSet:
    manager = uow.managers.get(manager_id)
    current = uow.plans.find(manager_id, money.currency, period.code)
    before = None if current is None else Money.from_minor(current.amount_minor, money.currency)
    if before == money:
        assert current is not None
        return PlanSet(current.id, before, money)
    plan_id, created = uow.plans.put(manager_id, money.currency, period.code, money.minor, now)
    if created:
        label = f"{manager.name} · {period.label} · {money.currency}"
        uow.record("plan", plan_id, "created", after={"name": label, "amount": str(money.amount)})
    else:
        uow.record(
            "plan",
            plan_id,
            "updated",
            before={"amount": str(before.amount) if before else ""},
            after={"amount": str(money.amount)},
        )
    return PlanSet(plan_id, before, money)


def _remove(uow: UnitOfWork, plan: Plan) -> None:
    uow.plans.remove(plan.id)
    amount = str(Money.from_minor(plan.amount_minor, plan.currency).amount)
    uow.record("plan", plan.id, "trashed", before={"amount": amount})


def remove_plan(uow: UnitOfWork, plan_id: int) -> None:
    """Take a plan away (the months then have no plan, which is not a plan of 0)."""
    with uow:
        _require_head(uow)
        found = [p for p in uow.plans.read() if p.id == plan_id]
        if found:
            _remove(uow, found[0])
        uow.commit()


def list_plans(uow: UnitOfWork, periods: list[PlanPeriod] | None = None) -> list[Plan]:
    """Plans of *periods* (every plan when None), by manager, currency and period."""
    with uow.reading():
        return uow.plans.read(None if periods is None else [p.code for p in periods])


def may_set_plans(uow: UnitOfWork) -> bool:
    """Whether the seat's manager may set plans (the plan dialog opens read-only otherwise)."""
    with uow.reading():
        return _rights_in(uow).may_set_roles


def _require_head(uow: UnitOfWork) -> None:
    found = _rights_in(uow)
    if not found.may_set_roles:
        raise NotAllowed(msg("err.not_allowed.plans", heads=_heads_text(found)))


# The forecast's share -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForecastBasis:
    """What a forecast of [start, end] made on *today* counts of the open pipeline: ``share`` of
    each deal's stage-weighted amount, from the office's sales ``cycle`` (None: the period is over,
    the forecast is the fact)."""

    cycle: SalesCycle | None
    share: Fraction


def forecast_basis(uow: UnitOfWork, today: date, start: date, end: date) -> ForecastBasis:
    """Inside an open unit of work: the office's sales cycle over the last year (read only while the
    period is not over) and the share of the open pipeline that can close in [start, end]."""
    if end < today:
        return ForecastBasis(None, Fraction(0))
    median, deals = uow.plan_queries.won_cycle(today - timedelta(days=CYCLE_DAYS_BACK), today, MAX_CYCLE_DEALS)
    cycle = sales_cycle(median, deals)
    return ForecastBasis(cycle, closing_share(today, start, end, cycle.days))


# My month ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonthStanding:
    """One currency of a manager's month: plan (None: no plan), won so far, the forecast."""

    currency: str
    plan_minor: int | None
    won_minor: int
    forecast_minor: int

    @property
    def percent(self) -> int | None:
        """Won as a whole per cent of the plan; None with no plan or a plan of 0."""
        if not self.plan_minor:
            return None
        return int((Decimal(self.won_minor) * 100 / self.plan_minor).to_integral_value())


@dataclass(frozen=True, slots=True)
class MyMonth:
    """What the "my month" panel shows a manager."""

    manager_id: int
    month: date  # first day
    days_left: int  # calendar days after today to the month's end
    standings: tuple[MonthStanding, ...]  # the plan's currencies first, then others with a sale
    in_proposal: int  # the manager's open deals at the proposal stage
    cycle_days: int | None = None  # the sales cycle the forecast used (None: not read)


def my_month(uow: UnitOfWork, manager_id: int, today: date) -> MyMonth:
    """*manager_id*'s month of *today*: the plan, what is won, forecast, deals in proposal."""
    first, last = today.replace(day=1), month_end(today)
    with uow.reading():
        plans = [p for p in uow.plans.read(None, manager_id=manager_id)]
        won = uow.plan_queries.won(first, last, manager_id=manager_id)
        pipeline = uow.plan_queries.open_pipeline(manager_id=manager_id)
        basis = forecast_basis(uow, today, first, last)
    currencies: list[str] = []
    for currency in [p.currency for p in plans] + [w.currency for w in won]:
        if currency not in currencies:
            currencies.append(currency)
    standings = []
    for currency in currencies:
        plan = plan_for_months([p for p in plans if p.currency == currency], [first])
        won_minor = sum(w.amount_minor for w in won if w.currency == currency)
        if plan is None and not won_minor:
            continue  # a plan of another month only
        open_minor = sum(
            weighted_minor(DealStage(o.stage), o.amount_minor, basis.share) for o in pipeline if o.currency == currency
        )
        standings.append(MonthStanding(currency, plan, won_minor, won_minor + open_minor))
    standings.sort(key=lambda s: (s.plan_minor is None, s.currency != "RUB", s.currency))
    in_proposal = sum(o.deals for o in pipeline if o.stage == DealStage.PROPOSAL.value)
    cycle = basis.cycle.days if basis.cycle is not None else None
    return MyMonth(manager_id, first, (last - today).days, tuple(standings), in_proposal, cycle)
