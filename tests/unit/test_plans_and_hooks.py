"""The rules of plans and hooks (issue 16): periods, thirds of a quarter, stage weights, and the
kind of a reminder from its words."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from salesdesk.domain.hooks import classify, median_days
from salesdesk.domain.model import DealStage
from salesdesk.domain.plans import (
    DEFAULT_CYCLE_DAYS,
    Plan,
    closing_share,
    days_left,
    month,
    parse_code,
    parse_month,
    parse_quarter,
    plan_for_months,
    quarter,
    quarter_share,
    sales_cycle,
    weighted_minor,
    whole_months,
)


def test_periods_are_read_and_written() -> None:
    assert parse_month("2026-3") == month(2026, 3) and month(2026, 3).code == "2026-03"
    assert parse_quarter("2026-Q4") == parse_quarter("2026q4") == parse_quarter("2026-К4") == quarter(2026, 4)
    assert quarter(2026, 4).code == "2026-Q4" and quarter(2026, 4).label == "Q4 2026"
    assert parse_code("2026-Q1") == quarter(2026, 1) and parse_code("2026-12") == month(2026, 12)
    for bad in ("2026-13", "2026-00", "26-12", "декабрь", "2026-Q5", "2026-Q0", ""):
        assert parse_month(bad) is None and (parse_quarter(bad) is None), bad
    assert whole_months(date(2026, 2, 10), date(2026, 2, 3)) == (date(2026, 2, 1), date(2026, 2, 28))


def test_a_quarter_splits_into_thirds_that_add_up() -> None:
    for amount in (0, 1, 2, 100, 240_000_001, 240_000_002, 999_999_999_999):
        parts = [quarter_share(amount, i) for i in range(3)]
        assert sum(parts) == amount and max(parts) - min(parts) <= 2, amount


def _plan(code: str, minor: int) -> Plan:
    return Plan(1, 1, "Анна", "RUB", parse_code(code), minor)


def test_a_monthly_plan_replaces_its_share_of_the_quarter() -> None:
    plans = [_plan("2026-Q1", 300), _plan("2026-02", 1000)]
    months = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert plan_for_months(plans, months) == 100 + 1000 + 100
    assert plan_for_months(plans, [date(2026, 4, 1)]) is None  # no plan is not a plan of 0
    assert plan_for_months([_plan("2026-04", 0)], [date(2026, 4, 1)]) == 0


def test_open_deals_are_weighted_by_stage() -> None:
    assert weighted_minor(DealStage.NEW, 1000) == 100
    assert weighted_minor(DealStage.NEGOTIATION, 1000) == 300
    assert weighted_minor(DealStage.PROPOSAL, 1005) == 603  # 602.5 half up
    assert weighted_minor(DealStage.WON, 1000) == 0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Позвонить по поводу продления договора", "renewal"),
        ("Пролонгация контракта", "renewal"),
        ("Renew the annual licence", "renewal"),
        ("Выслать новый прайс", "price_list"),
        ("Send the new PRICE LIST", "price_list"),
        ("Отправить коммерческое предложение", "proposal"),
        ("Предложить новые условия", "proposal"),
        ("Send a quote", "proposal"),
        ("Напомнить об оплате", "payment"),
        ("Запросить акт сверки", "payment"),
        ("Выставить счёт", "payment"),
        ("Chase the invoice", "payment"),
        ("Поздравить с годовщиной сотрудничества", "greeting"),
        ("Договориться о встрече", "meeting"),
        ("Перезвонить после отпуска директора", "follow_up"),
        ("Follow up after the exhibition", "follow_up"),
        ("Уточнить потребность на следующий квартал", "follow_up"),
        ("Узнать результат тендера", "follow_up"),
        ("Обед", "other"),
        ("", "other"),
        ("Расчёт", "other"),  # "счет" only at the start of a word
    ],
)
def test_a_reminder_s_kind_comes_from_its_words(text: str, kind: str) -> None:
    assert classify(text).code == kind


def test_median_days() -> None:
    assert median_days([]) is None
    assert median_days([18, 2]) == 10.0
    assert median_days([1, 5, 40]) == 5.0


def test_the_share_of_the_pipeline_a_forecast_counts() -> None:
    march = (date(2026, 3, 1), date(2026, 3, 31))
    # 5 days left (27-31, today included) of a 50-day cycle: 10 %
    assert days_left(date(2026, 3, 27), march[1]) == 5
    assert closing_share(date(2026, 3, 27), *march, 50) == Fraction(1, 10)
    # more days left than the cycle: all of it; the last day: one day's worth; over: nothing
    assert closing_share(date(2026, 3, 1), *march, 20) == 1
    assert closing_share(date(2026, 3, 31), *march, 50) == Fraction(1, 50)
    assert closing_share(date(2026, 4, 1), *march, 50) == 0 and days_left(date(2026, 4, 1), march[1]) == 0
    # a period ahead: the part of the cycle from today that falls in it (1-30 April from 27 March)
    assert closing_share(date(2026, 3, 27), date(2026, 4, 1), date(2026, 4, 30), 50) == Fraction(30, 50)
    assert closing_share(date(2026, 3, 27), date(2026, 6, 1), date(2026, 6, 30), 50) == 0
    assert closing_share(date(2026, 3, 27), *march, 0) == 1  # a cycle is at least a day


def test_the_sales_cycle_and_its_default() -> None:
    assert sales_cycle(Fraction(101, 2), 22).days == 51  # 50.5 days, half up
    assert sales_cycle(Fraction(47), 20).measured
    few = sales_cycle(Fraction(5), 19)
    assert (few.days, few.deals, few.measured) == (DEFAULT_CYCLE_DAYS, 19, False)
    assert sales_cycle(None, 0).days == DEFAULT_CYCLE_DAYS
    assert sales_cycle(Fraction(0), 30).days == 1  # won the day they were opened: never divide by 0


def test_weighting_by_stage_and_share_rounds_half_up_once() -> None:
    assert weighted_minor(DealStage.PROPOSAL, 100_000_000, Fraction(1, 10)) == 6_000_000
    # 10 % of 5 kopecks × 1/2 = 0.25 kopeck → 0; × 1 = 0.5 → 1
    assert weighted_minor(DealStage.NEW, 5, Fraction(1, 2)) == 0 and weighted_minor(DealStage.NEW, 5) == 1
    assert weighted_minor(DealStage.WON, 100) == 0  # a stage without a weight
