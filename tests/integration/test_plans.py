"""Plans, Plan and fact, Hooks (issue 16) on a small base whose every figure is worked out by hand,
on SQLite and on PostgreSQL; then the command line (``plan set``, ``report plan_fact|hooks``) and
the JSON it prints.

The office: Анна (plans in roubles and dollars, a quarterly plan too), Борис (a plan of 0), Вера
(left the office, a plan and a sale), Глеб (no plan, nothing sold). Today is 15 March 2026 for the
plans; the hooks are read for 1–15 March with deals up to the end of June.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.messages import set_language
from salesdesk.domain.model import (
    ClientFields,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    ReminderFields,
    Role,
)
from salesdesk.domain.plans import month, quarter
from salesdesk.domain.reports import ReportParameters
from salesdesk.services import clients, deals, history, permissions, plans, reference, reminders
from salesdesk.services.permissions import NotAllowed
from salesdesk.services.reports import report_as_json, run_report
from salesdesk.store import Database, UnitOfWork
from tests.integration.test_cli import new_base, run

TODAY = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
LATER = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
MARCH = ReportParameters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
HOOKS_MARCH = ReportParameters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 15))


def at(month_: int, day: int, hour: int = 12) -> datetime:
    return datetime(2026, month_, day, hour, 0, tzinfo=UTC)


def d(text: str) -> Decimal:
    return Decimal(text)


@dataclass
class Office:
    uow: Callable[[], UnitOfWork]
    ids: dict[str, int]


def _deal(
    uow: Callable[[], UnitOfWork], client: int, owner: int | None, amount: str, stage: DealStage, **kw: object
) -> int:
    currency = str(kw.pop("currency", "RUB"))
    fields = DealFields(
        title="Поставка",
        amount=Money.of(Decimal(amount), currency),
        stage=stage,
        opened_on=date(2026, 1, 5),
        owner_id=owner,
        **kw,  # type: ignore[arg-type]
    )
    return deals.add_deal(uow(), client, fields, now=LATER).id


def _done(uow: Callable[[], UnitOfWork], client: int, who: int, text: str, when: datetime) -> int:
    added = reminders.add_reminder(uow(), client, ReminderFields(due_at=when, text=text, manager_id=who), now=when)
    reminders.complete_reminder(uow(), added.id, now=when)
    return added.id


@pytest.fixture
def office(database: Database) -> Office:
    uow = lambda: UnitOfWork(database)  # noqa: E731
    ids = {
        name: reference.create_manager(uow(), ManagerFields(name=name)).id for name in ("Анна", "Борис", "Вера", "Глеб")
    }
    permissions.set_role(uow(), ids["Анна"], Role.HEAD)  # no head yet: anyone may appoint one
    head = lambda: UnitOfWork(database, actor=Actor(ids["Анна"], Via.WINDOW))  # noqa: E731
    plans.set_plan(head(), ids["Анна"], month(2026, 3), d("1000000"))
    plans.set_plan(head(), ids["Анна"], quarter(2026, 1), d("2400000.01"))
    plans.set_plan(head(), ids["Анна"], month(2026, 3), d("10000"), "usd")
    plans.set_plan(head(), ids["Борис"], month(2026, 3), d("0"))
    plans.set_plan(head(), ids["Вера"], month(2026, 3), d("300000"))
    for name in ("k1", "k2", "k3", "k4", "k5"):
        ids[name] = clients.create_client(uow(), ClientFields(name=f"ООО «{name}»", owner_id=ids["Анна"])).id
    a, b, v = ids["Анна"], ids["Борис"], ids["Вера"]
    won = DealStage.WON
    # Plan and fact (March): Анна 600 000 won, 100 000 in February, $5 000; open 500 000 proposal, 100 000 new
    _deal(uow, ids["k5"], a, "600000", won, closed_on=date(2026, 3, 5))
    _deal(uow, ids["k5"], a, "100000", won, closed_on=date(2026, 2, 27))
    _deal(uow, ids["k5"], a, "5000", won, closed_on=date(2026, 3, 10), currency="USD")
    _deal(uow, ids["k5"], a, "500000", DealStage.PROPOSAL)
    _deal(uow, ids["k5"], a, "100000", DealStage.NEW)
    _deal(uow, ids["k5"], b, "50000", won, closed_on=date(2026, 3, 2))
    _deal(uow, ids["k5"], v, "200000", won, closed_on=date(2026, 3, 1))
    trashed = _deal(uow, ids["k5"], a, "999999", won, closed_on=date(2026, 3, 6))
    deals.trash_deal(uow(), trashed, now=LATER)
    # Hooks (their deals have no owner: the plan-and-fact's "No owner" line). k1: a renewal, a call
    # 3 days later, won 18 days later (and a deal won before: not counted)
    _done(uow, ids["k1"], a, "Позвонить по поводу продления договора", at(3, 2))
    history.log_interaction(
        uow(), ids["k1"], InteractionFields(kind=InteractionKind.CALL, occurred_at=at(3, 5), summary="Звонок")
    )
    _deal(uow, ids["k1"], None, "400000", won, closed_on=date(2026, 3, 20))
    _deal(uow, ids["k1"], None, "999", won, closed_on=date(2026, 3, 1))
    # k2: a price list, nothing followed within the days (a deal 119 days later)
    _done(uow, ids["k2"], b, "Выслать новый прайс", at(3, 3))
    _deal(uow, ids["k2"], None, "70000", won, closed_on=date(2026, 6, 30))
    # k3: a proposal (a call logged the same moment), then a follow-up that takes the deal 2 days on
    _done(uow, ids["k3"], a, "Отправить коммерческое предложение", at(3, 5))
    history.log_interaction(
        uow(), ids["k3"], InteractionFields(kind=InteractionKind.CALL, occurred_at=at(3, 5), summary="КП")
    )
    _done(uow, ids["k3"], a, "Follow up after the director's holiday", at(3, 10))
    _deal(uow, ids["k3"], None, "1000", won, closed_on=date(2026, 3, 12), currency="USD")
    # k4: a greeting done, reopened, done again two days later; a deal won between: before the hook
    greeting = _done(uow, ids["k4"], v, "Поздравить с днём рождения", at(3, 6))
    reminders.reopen_reminder(uow(), greeting, now=at(3, 7))
    reminders.complete_reminder(uow(), greeting, now=at(3, 8))
    _deal(uow, ids["k4"], None, "10000", won, closed_on=date(2026, 3, 7))
    # a reminder done and then trashed counts nowhere
    gone = _done(uow, ids["k4"], v, "Выслать прайс", at(3, 9))
    reminders.trash_reminder(uow(), gone, now=at(3, 9))
    version = reference.get_manager(uow(), v).version
    reference.update_manager(uow(), v, version, ManagerFields(name="Вера", active=False))
    return Office(uow, ids)


def _rows(report: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in report.rows]  # type: ignore[attr-defined]


def test_plan_and_fact_for_a_month_in_two_currencies(office: Office) -> None:
    result = run_report(office.uow(), "plan_fact", MARCH, now=TODAY)
    assert [c.key for c in result.columns] == [
        "manager",
        "currency",
        "plan",
        "won",
        "deals",
        "percent",
        "forecast",
        "forecast_percent",
        "status",
    ]
    assert _rows(result) == [
        # 200 000 / 300 000 = 66.7 %; she left, and nothing is open
        ("Вера (left)", "RUB", d("300000.00"), d("200000.00"), 1, d("66.7"), d("200000.00"), d("66.7"), "behind"),
        # 600 000 / 1 000 000; forecast 600 000 + (60 % of 500 000 + 10 % of 100 000) × 17/60: 17 days
        # left (15-31 March) of the default 60-day cycle (the base won fewer than 20 deals) = 687 833.33
        ("Анна", "RUB", d("1000000.00"), d("600000.00"), 1, d("60.0"), d("687833.33"), d("68.8"), "behind"),
        ("Борис", "RUB", d("0.00"), d("50000.00"), 1, None, d("50000.00"), None, "plan is 0"),
        ("Глеб", "RUB", None, d("0.00"), 0, None, d("0.00"), None, "no plan"),
        # deals of nobody: 400 000 + 999 + 10 000 (the June one is outside)
        ("No owner", "RUB", None, d("410999.00"), 3, None, d("410999.00"), None, "no plan"),
        ("Анна · USD", "USD", d("10000.00"), d("5000.00"), 1, d("50.0"), d("5000.00"), d("50.0"), "behind"),
        ("No owner · USD", "USD", None, d("1000.00"), 1, None, d("1000.00"), None, "no plan"),
        # the office, per currency: plan 1 000 000 + 0 + 300 000; won 850 000 + 410 999 = 97.0 %;
        # forecast 937 833.33 + 410 999 = 103.8 %
        (
            "Office total, RUB",
            "RUB",
            d("1300000.00"),
            d("1260999.00"),
            6,
            d("97.0"),
            d("1348832.33"),
            d("103.8"),
            "on track",
        ),
        ("Office total, USD", "USD", d("10000.00"), d("6000.00"), 2, d("60.0"), d("6000.00"), d("60.0"), "behind"),
    ]
    assert result.totals is None  # two currencies are never one total
    assert result.chart is not None and result.chart.series == ("percent", "forecast_percent")
    assert any("never added up" in note for note in result.notes)


def test_a_quarter_is_split_in_thirds_and_a_monthly_plan_replaces_its_third(office: Office) -> None:
    # January-February: two thirds of 2 400 000.01 = 800 000.00 each (the last third takes the kopeck)
    jan_feb = ReportParameters(date_from=date(2026, 1, 10), date_to=date(2026, 2, 3))
    result = run_report(office.uow(), "plan_fact", jan_feb, now=TODAY)
    anna = next(r for r in result.rows if r[0] == "Анна")
    # the period is over: the forecast is what was won (the 100 000 of 27 February)
    assert anna[2:8] == (d("1600000.00"), d("100000.00"), 1, d("6.3"), d("100000.00"), d("6.3"))
    assert ("Period", "01.01.2026 to 28.02.2026") in result.parameters
    assert any("forecast is what was won" in n for n in result.notes)
    whole = run_report(
        office.uow(), "plan_fact", ReportParameters(date_from=date(2026, 1, 1), date_to=TODAY.date()), now=TODAY
    )
    anna = next(r for r in whole.rows if r[0] == "Анна")
    assert anna[2:4] == (d("2600000.00"), d("700000.00"))  # 800 000 + 800 000 + March's own 1 000 000


def test_one_manager_and_one_currency_give_a_totals_row_and_a_money_chart(office: Office) -> None:
    params = ReportParameters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31), manager_id=office.ids["Борис"])
    result = run_report(office.uow(), "plan_fact", params, now=TODAY)
    assert [r[0] for r in result.rows] == ["Борис"]
    assert result.totals is not None and result.totals[:4] == ("Total", "RUB", d("0.00"), d("50000.00"))
    assert result.chart is not None and result.chart.series == ("plan", "won", "forecast")


def test_plan_and_fact_as_json(office: Office) -> None:
    found = report_as_json(run_report(office.uow(), "plan_fact", MARCH, now=TODAY))
    assert set(found) == {"name", "title", "parameters", "columns", "rows", "totals", "notes", "counted_by"}
    assert found["name"] == "plan_fact" and found["counted_by"] == "closed"
    assert found["rows"][1] == ["Анна", "RUB", "1000000.00", "600000.00", 1, "60.0", "687833.33", "68.8", "behind"]
    assert found["rows"][3][2] is None and found["rows"][3][8] == "no plan"


def test_my_month(office: Office) -> None:
    mine = plans.my_month(office.uow(), office.ids["Анна"], TODAY.date())
    assert mine.days_left == 16 and mine.in_proposal == 1 and mine.month == date(2026, 3, 1)
    rub, usd = mine.standings
    assert (rub.currency, rub.plan_minor, rub.won_minor, rub.forecast_minor, rub.percent) == (
        "RUB",
        100_000_000,
        60_000_000,
        68_783_333,  # the same forecast as Plan and fact's (17 days of a 60-day cycle)
        60,
    )
    assert (usd.currency, usd.percent) == ("USD", 50)
    gleb = plans.my_month(office.uow(), office.ids["Глеб"], TODAY.date())
    assert gleb.standings == () and gleb.in_proposal == 0
    boris = plans.my_month(office.uow(), office.ids["Борис"], TODAY.date())
    assert boris.standings[0].plan_minor == 0 and boris.standings[0].percent is None


def test_only_a_head_sets_plans_and_each_setting_is_audited(office: Office, database: Database) -> None:
    boris = lambda: UnitOfWork(database, actor=Actor(office.ids["Борис"], Via.WINDOW))  # noqa: E731
    with pytest.raises(NotAllowed, match="Only a head \\(Анна\\) sets the sales plans"):
        plans.set_plan(boris(), office.ids["Борис"], month(2026, 4), d("1"))
    assert not plans.may_set_plans(boris())
    head = lambda: UnitOfWork(database, actor=Actor(office.ids["Анна"], Via.WINDOW))  # noqa: E731
    assert plans.may_set_plans(head())
    done = plans.set_plan(head(), office.ids["Борис"], month(2026, 3), d("75000"))
    assert done.before == Money.of(0) and done.after == Money.of(75000)
    with office.uow().reading() as uow:
        trail = [(r.entity, r.action, r.field, r.old, r.new, r.manager) for r in uow.audit.read() if r.entity == "plan"]
    assert trail[0] == ("plan", "edit", "amount", "0.00", "75000.00", "Анна")
    assert ("plan", "create", None, None, "Борис · 03.2026 · RUB", "Анна") in trail
    with pytest.raises(Exception, match="cannot be negative"):
        plans.set_plan(head(), office.ids["Борис"], month(2026, 3), d("-1"))
    plans.remove_plan(head(), done.plan_id)
    assert [p for p in plans.list_plans(office.uow(), [month(2026, 3)]) if p.manager_name == "Борис"] == []


def test_a_plan_change_is_announced(office: Office, database: Database) -> None:
    heard: list[object] = []
    unit = UnitOfWork(database, actor=Actor(office.ids["Анна"], Via.WINDOW))
    unit.listeners.append(heard.append)
    plans.set_plan(unit, office.ids["Глеб"], month(2026, 3), d("5"))
    assert [(c.entity, c.action) for c in heard[0]] == [("plan", "created")]  # type: ignore[attr-defined]


def test_hooks_by_kind_and_manager(office: Office) -> None:
    result = run_report(office.uow(), "hooks", HOOKS_MARCH, now=LATER)
    assert [c.key for c in result.columns] == [
        "name",
        "section",
        "hooks",
        "followed",
        "followed_share",
        "paid",
        "paid_share",
        "amount",
        "other_currencies",
        "median_days",
    ]
    kind, manager = "Kind", "Manager"
    assert _rows(result) == [
        ("Renewal", kind, 1, 1, d("100.0"), 1, d("100.0"), d("400000.00"), "", 18),
        ("Follow-up", kind, 1, 0, d("0.0"), 1, d("100.0"), d("0.00"), "$1,000.00", 2),
        # the greeting: done twice is one hook, and the deal of 7 March came before its last doing
        ("Greeting", kind, 1, 0, d("0.0"), 0, d("0.0"), d("0.00"), "", None),
        ("Price list", kind, 1, 0, d("0.0"), 0, d("0.0"), d("0.00"), "", None),
        # the proposal's deal went to the later follow-up: each deal is credited once
        ("Proposal", kind, 1, 1, d("100.0"), 0, d("0.0"), d("0.00"), "", None),
        ("Анна", manager, 3, 2, d("66.7"), 2, d("66.7"), d("400000.00"), "$1,000.00", 10),
        ("Борис", manager, 1, 0, d("0.0"), 0, d("0.0"), d("0.00"), "", None),
        ("Вера (left)", manager, 1, 0, d("0.0"), 0, d("0.0"), d("0.00"), "", None),
    ]
    assert result.totals == ("Total", "", 5, 2, d("40.0"), 2, d("40.0"), d("400000.00"), "$1,000.00", 10)
    assert ("Currency", "RUB") in result.parameters


def test_hooks_with_shorter_windows(office: Office) -> None:
    params = ReportParameters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 15), interaction_days=2, deal_days=10)
    result = run_report(office.uow(), "hooks", params, now=LATER)
    assert result.totals is not None
    # k1's call came 3 days after (not within 2), its deal 18 days after (not within 10): only the
    # dollars of k3 are left, so the money column is in dollars now
    assert result.totals[2:9] == (5, 1, d("20.0"), 1, d("20.0"), d("1000.00"), "")
    assert ("Currency", "USD") in result.parameters
    assert result.columns[3].title == "Interaction ≤ 2 d"


def test_hooks_of_one_manager_as_json(office: Office) -> None:
    params = ReportParameters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 15), manager_id=office.ids["Борис"])
    found = report_as_json(run_report(office.uow(), "hooks", params, now=LATER))
    assert found["counted_by"] == "done"
    assert found["rows"] == [
        ["Price list", "Kind", 1, 0, "0.0", 0, "0.0", "0.00", "", None],
        ["Борис", "Manager", 1, 0, "0.0", 0, "0.0", "0.00", "", None],
    ]


def test_the_reports_in_russian(office: Office) -> None:
    set_language("ru")
    try:
        hooks = run_report(office.uow(), "hooks", HOOKS_MARCH, now=LATER)
        assert hooks.rows[0][:2] == ("Продление", "Вид")
        assert hooks.rows[1][8] == "1\u00a0000,00\u00a0$"
        facts = run_report(office.uow(), "plan_fact", MARCH, now=TODAY)
        assert [r[8] for r in facts.rows[:4]] == ["отстаёт", "отстаёт", "план 0", "нет плана"]
        assert facts.rows[0][0] == "Вера (не работает)"
    finally:
        set_language("en")


# The forecast and the office's sales cycle ----------------------------------------------------------


def _cycle_office(database: Database, won: int, cycle_days: int) -> dict[str, int]:
    """Анна with a March plan of 1 000 000, *won* deals won in February after *cycle_days* days each,
    100 000 won in March, and 1 000 000 open at the proposal stage."""
    uow = lambda: UnitOfWork(database)  # noqa: E731
    anna = reference.create_manager(uow(), ManagerFields(name="Анна")).id
    plans.set_plan(uow(), anna, month(2026, 3), d("1000000"))
    client = clients.create_client(uow(), ClientFields(name="ООО «Цикл»", owner_id=anna)).id

    def deal(amount: str, stage: DealStage, closed: date | None, opened: date) -> None:
        fields = DealFields(
            title="Поставка", amount=Money.of(d(amount)), stage=stage, opened_on=opened, closed_on=closed, owner_id=anna
        )
        deals.add_deal(uow(), client, fields, now=LATER)

    for n in range(won):
        closed = date(2026, 2, 1) + timedelta(days=n % 28)
        deal("1000", DealStage.WON, closed, closed - timedelta(days=cycle_days))
    deal("100000", DealStage.WON, date(2026, 3, 16), date(2026, 3, 16) - timedelta(days=cycle_days))
    deal("1000000", DealStage.PROPOSAL, None, date(2026, 3, 1))
    return {"Анна": anna, "client": client}


def _anna(result: object) -> tuple[object, ...]:
    return next(r for r in _rows(result) if r[0] == "Анна")


def test_the_forecast_counts_the_pipeline_as_far_as_the_sales_cycle_lets_it_close(database: Database) -> None:
    office = _cycle_office(database, won=20, cycle_days=50)  # 21 deals won in the last 12 months
    today = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)  # 27-31 March: 5 days left
    result = run_report(UnitOfWork(database), "plan_fact", MARCH, now=today)
    # 100 000 won + 60 % of 1 000 000 × 5 days / 50-day cycle = 100 000 + 60 000
    assert _anna(result)[3:9] == (d("100000.00"), 1, d("10.0"), d("160000.00"), d("16.0"), "behind")
    assert ("Sales cycle", "50 days (the median of 21 deals won in 12 months)") in result.parameters
    assert ("Open deals counted at", "10 %") in result.parameters
    assert any("5 days are left in the period (today included)" in n for n in result.notes)
    mine = plans.my_month(UnitOfWork(database), office["Анна"], today.date())
    assert mine.standings[0].forecast_minor == 16_000_000 and mine.cycle_days == 50
    # on the 1st, 31 days of a 50-day cycle: 60 % × 1 000 000 × 31/50 = 372 000
    early = run_report(UnitOfWork(database), "plan_fact", MARCH, now=datetime(2026, 3, 1, 9, tzinfo=UTC))
    assert _anna(early)[6] == d("100000.00") + d("372000.00")
    set_language("ru")
    try:
        russian = run_report(UnitOfWork(database), "plan_fact", MARCH, now=today)
        assert ("Средний цикл сделки", "50 дней (медиана по 21 выигранной сделке за 12 месяцев)") in russian.parameters
        assert any("средний (медианный) цикл сделки — 50 дней" in n for n in russian.notes)
    finally:
        set_language("en")


def test_with_few_won_deals_the_cycle_is_the_default_60_days(database: Database) -> None:
    _cycle_office(database, won=18, cycle_days=5)  # 19 won deals: too few for a median
    today = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    result = run_report(UnitOfWork(database), "plan_fact", MARCH, now=today)
    # 600 000 × 5/60 = 50 000
    assert _anna(result)[6] == d("150000.00")
    assert (
        "Sales cycle",
        "60 days (the default: 19 deals won in 12 months, the median needs at least 20)",
    ) in result.parameters


def test_a_period_that_is_over_forecasts_the_fact_and_one_ahead_its_part_of_the_cycle(database: Database) -> None:
    _cycle_office(database, won=20, cycle_days=50)
    february = ReportParameters(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28))
    today = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    over = run_report(UnitOfWork(database), "plan_fact", february, now=today)
    office_line = over.totals
    assert office_line is not None and office_line[3] == office_line[6] == d("20000.00")  # won = forecast
    assert not any(name == "Sales cycle" for name, _ in over.parameters)
    assert any("forecast is what was won" in n for n in over.notes)
    # April, seen on 27 March: of the 50 days from today, 30 (1-30 April) fall in it: 60 % × 60 %
    april = ReportParameters(date_from=date(2026, 4, 1), date_to=date(2026, 4, 30))
    ahead = run_report(UnitOfWork(database), "plan_fact", april, now=today)
    assert ahead.totals is not None and ahead.totals[6] == d("360000.00")
    assert ("Open deals counted at", "60 %") in ahead.parameters
    assert any("has not begun" in n for n in ahead.notes)


# The command line ----------------------------------------------------------------------------------


def test_plan_set_and_the_reports_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = new_base(tmp_path / "plans.sqlite")
    assert run(capsys, "--db", db, "manager", "add", "Иванов Иван")[0] == 0
    code, out, _ = run(
        capsys, "--db", db, "plan", "set", "--manager", "Иванов Иван", "--month", "2026-12", "--amount", "1 250 000,50"
    )
    assert code == 0 and "2026-12" in out and "1,250,000.50" in out
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "plan",
        "set",
        "--manager",
        "Иванов Иван",
        "--quarter",
        "2027-Q1",
        "--amount",
        "3000",
        "--currency",
        "usd",
        "--json",
    )
    assert code == 0
    assert json.loads(out) == {
        "id": 2,
        "manager": "Иванов Иван",
        "period": "2027-Q1",
        "currency": "USD",
        "amount": "3000.00",
        "before": None,
    }
    code, out, _ = run(capsys, "--db", db, "plan", "list", "--json")
    assert [(p["period"], p["currency"], p["amount"]) for p in json.loads(out)] == [
        ("2026-12", "RUB", "1250000.50"),
        ("2027-Q1", "USD", "3000.00"),
    ]
    for bad, says in (
        (("--month", "2026-13"), "Give a month (--month YYYY-MM) or a quarter"),
        (("--quarter", "2026-Q5"), "“2026-Q5” is neither"),
        (("--month", "2026-12", "--quarter", "2026-Q4"), "either --month or --quarter"),
        ((), "either --month or --quarter"),
    ):
        code, out, err = run(capsys, "--db", db, "plan", "set", "--manager", "Иванов Иван", "--amount", "5", *bad)
        assert code == 2 and says in err and "Traceback" not in err, bad
    code, _, err = run(capsys, "--db", db, "plan", "set", "--manager", "Никто", "--month", "2026-12", "--amount", "5")
    assert code == 2 and "Никто" in err
    code, _, err = run(
        capsys, "--db", db, "plan", "set", "--manager", "Иванов Иван", "--month", "2026-12", "--amount", "много"
    )
    assert code == 2 and "много" in err
    code, out, _ = run(
        capsys, "--db", db, "report", "plan_fact", "--from", "2026-12-01", "--to", "2026-12-31", "--json"
    )
    found = json.loads(out)
    assert code == 0 and found["rows"][0][:4] == ["Иванов Иван", "RUB", "1250000.50", "0.00"]
    assert found["totals"][0] == "Total"
    code, out, _ = run(capsys, "--db", db, "report", "hooks", "--interaction-days", "3", "--deal-days", "30", "--json")
    found = json.loads(out)
    assert code == 0 and found["rows"] == [] and found["totals"][2] == 0
    assert found["columns"][3]["title"] == "Interaction ≤ 3 d"
    with pytest.raises(SystemExit) as refused:
        run(capsys, "--db", db, "report", "hooks", "--deal-days", "-1")
    assert refused.value.code == 2 and "must be from 0 to 3650" in capsys.readouterr().err
    book = tmp_path / "plan.xlsx"
    code, out, _ = run(capsys, "--db", db, "report", "plan_fact", "-o", str(book))
    assert code == 0 and book.stat().st_size > 3000
    code, out, _ = run(capsys, "--db", db, "report", "hooks")
    assert code == 0 and "Hooks that pay" in out


def test_the_dialog_s_save_sets_several_plans_at_once_or_none(office: Office, database: Database) -> None:
    head = lambda: UnitOfWork(database, actor=Actor(office.ids["Анна"], Via.WINDOW))  # noqa: E731
    gleb, boris = office.ids["Глеб"], office.ids["Борис"]
    with pytest.raises(Exception, match="cannot be negative"):
        plans.set_plans(head(), [(gleb, month(2026, 4), "RUB", d("100")), (boris, month(2026, 4), "RUB", d("-1"))])
    assert [p for p in plans.list_plans(office.uow(), [month(2026, 4)])] == []  # nothing half-done
    changed = plans.set_plans(
        head(),
        [
            (gleb, month(2026, 4), "RUB", d("100")),
            (boris, month(2026, 3), "RUB", None),  # taken away: March has no plan for him now
            (office.ids["Анна"], month(2026, 3), "RUB", d("1000000")),  # the same as before: no change
        ],
    )
    assert changed == 2
    march = {(p.manager_name, p.currency) for p in plans.list_plans(office.uow(), [month(2026, 3)])}
    assert ("Борис", "RUB") not in march and ("Анна", "RUB") in march
    with office.uow().reading() as uow:
        actions = [r.action for r in uow.audit.read() if r.entity == "plan"]
    assert sorted(actions[:2]) == ["create", "trash"]  # one commit; the unchanged plan wrote nothing
