"""Reports on a small fixed base whose every figure was worked out by hand.

The base (``office``) has three managers (one without clients, plus an inactive one), twelve
clients with known cards, deals in roubles with kopecks and one in dollars, contacts and
reminders at known moments, and a client, a deal, a contact and reminders in the trash that
must count nowhere. Each test states the arithmetic next to the literal it expects.

Then every report is exported to .xlsx and read back with openpyxl (a native chart whose ranges
are the table's cells; numbers as numbers with formats; "=1+2" as text), and LibreOffice turns
the workbooks into PDF and CSV as a person's spreadsheet program would.

One moment is "now" everywhere: Monday 2 March 2026, 12:00 UTC, which is 2 March on any clock
from UTC-11 to UTC+11; every stored time is at midday for the same reason.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter, quote_sheetname

from salesdesk.domain.errors import UserError
from salesdesk.domain.model import (
    ClientFields,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    ReminderFields,
)
from salesdesk.domain.reports import ColumnKind, CountedBy, Period, Report, ReportParameters
from salesdesk.services import clients, reference, reminders
from salesdesk.services.reports import (
    REPORTS,
    export_report,
    list_reports,
    parse_counted_by,
    report_as_json,
    run_report,
)
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
JAN_FEB = ReportParameters(date_from=date(2026, 1, 1), date_to=date(2026, 2, 28))
EMPTY_2020 = ReportParameters(date_from=date(2020, 1, 1), date_to=date(2020, 2, 29))
NAMES = (
    "sales_by_period",
    "sales_by_manager",
    "sales_by_industry",
    "pipeline",
    "sleeping_clients",
    "reminders_by_manager",
    "completeness_by_manager",
    "new_clients",
    "plan_fact",
    "hooks",
)

UowFactory = Callable[[], UnitOfWork]


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def rub(text: str) -> Money:
    return Money.of(Decimal(text))


def d(text: str) -> Decimal:
    return Decimal(text)


# The fixed base --------------------------------------------------------------------------------


@dataclass
class Office:
    uow: UowFactory
    ids: dict[str, int]


def _deal(
    uow: UowFactory,
    client_id: int,
    amount: Money,
    stage: DealStage,
    opened: date,
    closed: date | None = None,
    owner: int | None = None,
    *,
    trashed: bool = False,
) -> int:
    with uow() as work:
        ident = work.deals.add(
            client_id,
            DealFields(
                title=f"Сделка {amount.amount}",
                amount=amount,
                stage=stage,
                opened_on=opened,
                closed_on=closed,
                owner_id=owner,
                lost_reason="Дорого" if stage is DealStage.LOST else "",
            ),
            NOW,
        )
        if trashed:
            work.deals.set_deleted(ident, 1, NOW)
        work.commit()
    return ident


def _contact(uow: UowFactory, client_id: int, when: datetime, *, trashed: bool = False) -> None:
    with uow() as work:
        ident = work.interactions.add(
            client_id, InteractionFields(kind=InteractionKind.CALL, occurred_at=when, summary="Звонок"), NOW
        )
        if trashed:
            work.interactions.set_deleted(ident, 1, NOW)
        work.commit()


def _reminder(uow: UowFactory, client_id: int, due: datetime, manager: int | None) -> int:
    return reminders.add_reminder(
        uow(), client_id, ReminderFields(due_at=due, text="Позвонить", manager_id=manager), now=NOW
    ).id


def build_office(uow: UowFactory) -> dict[str, int]:
    ids: dict[str, int] = {}
    for key, name, active in (
        ("anna", "Анна", True),
        ("boris", "Борис", True),
        ("vera", "Вера", True),
        ("gleb", "Глеб", False),
    ):
        ids[key] = reference.create_manager(uow(), ManagerFields(name=name, active=active), now=NOW).id
    manufacturing = reference.find_industry(uow(), "C").id  # "Обрабатывающие производства"
    trade = reference.find_industry(uow(), "G")
    ids["trade"] = trade.id
    a, b = ids["anna"], ids["boris"]
    # (key, card, created at). Completeness of a company: INN 15, KPP 5, OGRN 10, full name 5,
    # legal address 10, industry 10, contact with position 15, phone 15, e-mail 10, owner 5.
    cards = (
        (
            "alfa",
            ClientFields(
                name="ООО «Альфа»",
                full_name="Общество «Альфа»",
                inn="7707083893",
                kpp="773601001",
                ogrn="1027700132195",
                legal_address="Москва, ул. Вавилова, 19",
                industry_id=manufacturing,
                phone="+7 495 123-45-67",
                email="info@alfa.ru",
                owner_id=a,
                source="Сайт",
            ),
            at(2026, 1, 10),
        ),  # 100 - contact with position 15 = 85
        (
            "beta",
            ClientFields(
                name="ООО «Бета»", industry_id=trade.id, phone="+7 495 123-45-68", owner_id=a, source="Рекомендация"
            ),
            at(2026, 1, 20),
        ),  # industry 10 + phone 15 + owner 5 = 30
        ("formula", ClientFields(name="=1+2", owner_id=b, source="Сайт"), at(2026, 2, 5)),  # owner 5
        (
            "gamma",
            ClientFields(
                name="ООО «Гамма»",
                industry_id=manufacturing,
                phone="+7 495 123-45-69",
                email="gamma@example.ru",
                owner_id=b,
                source="Выставка",
            ),
            at(2026, 2, 10),
        ),  # industry 10 + phone 15 + e-mail 10 + owner 5 = 40
        ("delta", ClientFields(name="Дельта", source=""), at(2026, 2, 15)),  # 0
        ("yozh", ClientFields(name="Ёж", owner_id=a, source="Тендер"), at(2026, 1, 25)),  # 5
        ("zhuk", ClientFields(name="Жук", owner_id=b, source="Соцсети"), at(2026, 2, 18)),  # 5
        ("zeta", ClientFields(name="Зета", source="Холодный звонок"), at(2026, 2, 22)),  # 0
        ("iva", ClientFields(name="Ива", source="Рекомендация"), at(2026, 2, 25)),  # 0
        ("kappa", ClientFields(name="Каппа", owner_id=a, source="Сайт"), at(2026, 1, 28)),  # 5
        ("old", ClientFields(name="Старый", source="Сайт"), at(2025, 12, 15)),  # 0, created before the period
        ("trashed", ClientFields(name="Удалённый", owner_id=a, source="Сайт"), at(2026, 2, 20)),  # in the trash
    )
    for key, card, created in cards:
        ids[key] = clients.create_client(uow(), card, now=created).id

    # Deals. D-numbers are the ones the tests' arithmetic refers to.
    deals = (
        ("D1", "alfa", rub("1234.56"), DealStage.WON, date(2025, 12, 1), date(2026, 1, 15), a),
        ("D2", "alfa", rub("1234.56"), DealStage.WON, date(2026, 1, 5), date(2026, 1, 20), a),
        ("D3", "beta", rub("10000.00"), DealStage.WON, date(2026, 1, 10), date(2026, 2, 10), b),  # owner B, client A's
        ("D4", "gamma", rub("0.01"), DealStage.WON, date(2026, 2, 1), date(2026, 2, 28), b),  # last day of the period
        ("D5", "alfa", Money.of(Decimal("500.00"), "USD"), DealStage.WON, date(2026, 1, 15), date(2026, 2, 5), a),
        ("D6", "beta", rub("3000.00"), DealStage.WON, date(2025, 11, 1), date(2025, 12, 10), None),
        ("D7", "gamma", rub("2000.00"), DealStage.WON, date(2025, 11, 1), date(2025, 11, 30), b),
        ("D8", "trashed", rub("99999.99"), DealStage.WON, date(2026, 1, 2), date(2026, 1, 25), a),
        ("D10", "beta", rub("4000.00"), DealStage.LOST, date(2026, 1, 12), date(2026, 2, 1), a),
        ("D11", "gamma", rub("1500.00"), DealStage.NEW, date(2026, 2, 15), None, b),
        ("D12", "yozh", rub("2500.50"), DealStage.NEGOTIATION, date(2026, 1, 20), None, a),
        ("D13", "formula", rub("100.00"), DealStage.LOST, date(2025, 10, 1), date(2025, 10, 20), b),
        ("D14", "iva", rub("800.00"), DealStage.PROPOSAL, date(2026, 2, 20), None, None),
        ("D15", "alfa", rub("5000.00"), DealStage.WON, date(2026, 2, 10), date(2026, 3, 1), a),  # after Feb
        ("D16", "formula", rub("100.00"), DealStage.WON, date(2026, 2, 1), date(2026, 2, 14), None),
    )
    for name, client, amount, stage, opened, closed, owner in deals:
        ids[name] = _deal(uow, ids[client], amount, stage, opened, closed, owner)
    ids["D9"] = _deal(
        uow, ids["alfa"], rub("777.77"), DealStage.WON, date(2026, 1, 3), date(2026, 1, 31), a, trashed=True
    )

    # Contacts ("sleeping" is no contact since 2 Dec 2025 12:00 with days=90).
    _contact(uow, ids["alfa"], at(2026, 2, 20))
    _contact(uow, ids["beta"], at(2025, 11, 1))
    _contact(uow, ids["beta"], at(2025, 6, 1))
    _contact(uow, ids["gamma"], at(2025, 12, 3))
    _contact(uow, ids["yozh"], at(2026, 1, 10), trashed=True)  # a trashed contact is no contact
    _contact(uow, ids["yozh"], at(2025, 9, 15))
    _contact(uow, ids["kappa"], at(2025, 12, 2))  # exactly 90 days before now: still awake

    # Reminders (now 2 Mar 12:00; "soon" until 9 Mar 12:00).
    _reminder(uow, ids["alfa"], at(2026, 2, 25, 9), a)  # R1 overdue
    _reminder(uow, ids["beta"], at(2026, 3, 2, 11, 59), a)  # R2 overdue by a minute
    _reminder(uow, ids["beta"], at(2026, 3, 2, 12, 0), a)  # R3 due right now: soon, not overdue
    _reminder(uow, ids["gamma"], at(2026, 3, 9, 11, 59), b)  # R4 soon
    _reminder(uow, ids["gamma"], at(2026, 3, 9, 12, 0), b)  # R5 later
    done = _reminder(uow, ids["formula"], at(2026, 2, 1), b)  # R6 done: not counted
    reminders.complete_reminder(uow(), done, now=NOW)
    binned = _reminder(uow, ids["zhuk"], at(2026, 4, 1), b)  # R7 in the trash: not counted
    reminders.trash_reminder(uow(), binned, now=NOW)
    _reminder(uow, ids["trashed"], at(2026, 2, 1), a)  # R8 of a trashed client: not counted
    _reminder(uow, ids["delta"], at(2026, 1, 15), None)  # R9 overdue, nobody's
    snoozed = _reminder(uow, ids["iva"], at(2026, 2, 20, 9), b)  # R10 snoozed to 5 Mar: soon
    with uow() as work:
        work.reminders.update(
            snoozed,
            1,
            ReminderFields(due_at=at(2026, 2, 20, 9), text="Позвонить", manager_id=b),
            now=NOW,
            snoozed_until=at(2026, 3, 5),
        )
        work.commit()

    clients.trash_client(uow(), ids["trashed"], now=NOW)
    return ids


@pytest.fixture(scope="module")
def office_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, int]]]:
    database = open_database(resolve_url(tmp_path_factory.mktemp("reports") / "office.sqlite"))
    ids = build_office(lambda: UnitOfWork(database))
    yield database, ids
    database.dispose()


@pytest.fixture
def office(office_database: tuple[Database, dict[str, int]]) -> Office:
    database, ids = office_database
    return Office(lambda: UnitOfWork(database), ids)


def report(office: Office, name: str, params: ReportParameters | None = None) -> Report:
    return run_report(office.uow(), name, params or ReportParameters(), now=NOW)


def column(result: Report, key: str) -> list[object]:
    index = result.column(key)
    return [row[index] for row in result.rows]


# The registry ----------------------------------------------------------------------------------


def test_every_report_is_listed_with_its_title() -> None:
    assert [name for name, _ in list_reports()] == list(NAMES)
    assert dict(list_reports())["pipeline"] == "Pipeline by stage"
    assert set(REPORTS) == set(NAMES)


def test_parameters_that_make_no_sense_are_refused_in_plain_words(office: Office) -> None:
    with pytest.raises(UserError, match="no report “sales”"):
        report(office, "sales")
    with pytest.raises(UserError, match="starts .01.03.2026. after it ends .01.02.2026."):
        report(office, "sales_by_manager", ReportParameters(date_from=date(2026, 3, 1), date_to=date(2026, 2, 1)))
    with pytest.raises(UserError, match="cannot be grouped by “week”"):
        report(office, "sales_by_period", ReportParameters(by="week"))
    with pytest.raises(UserError, match="no choice of grouping"):
        report(office, "pipeline", ReportParameters(by="manager"))
    with pytest.raises(UserError, match="Days without contact"):
        report(office, "sleeping_clients", ReportParameters(days=0))


# Sales -----------------------------------------------------------------------------------------


def test_sales_by_month_with_the_previous_period(office: Office) -> None:
    result = report(office, "sales_by_period", JAN_FEB)
    assert [c.kind for c in result.columns] == [
        ColumnKind.TEXT,
        ColumnKind.MONEY,
        ColumnKind.INTEGER,
        ColumnKind.TEXT,
        ColumnKind.MONEY,
        ColumnKind.INTEGER,
        ColumnKind.PERCENT,
    ]
    assert result.rows == (
        # Jan: D1 + D2 = 1234.56 + 1234.56; before, Nov 2025: D7 2000.00; (2469.12 - 2000) / 2000 = 23.456 %
        ("01.2026", d("2469.12"), 2, "11.2025", d("2000.00"), 1, d("23.5")),
        # Feb: D3 + D4 + D16 = 10000.00 + 0.01 + 100.00 (D5 is in dollars); Dec 2025: D6 3000.00;
        # (10100.01 - 3000) / 3000 = 236.667 %
        ("02.2026", d("10100.01"), 3, "12.2025", d("3000.00"), 1, d("236.7")),
    )
    # 2469.12 + 10100.01 = 12569.13 over 5 sales; 5000.00 over 2 before; (12569.13 - 5000) / 5000 = 151.38 %
    assert result.totals == ("Total", d("12569.13"), 5, None, d("5000.00"), 2, d("151.4"))
    assert ("Compared with", "01.11.2025 to 31.12.2025") in result.parameters  # two months back, whole months
    assert ("Currency", "RUB") in result.parameters
    # D5 (500.00 USD, closed 5 Feb) is left out and said so; D8 (trashed client) and D9 (trashed deal) silently.
    assert result.notes == ("Amounts are in RUB; deals in other currencies are left out: USD: 1 deal for $500.00",)
    assert result.chart is not None and result.chart.series == ("amount", "previous_amount")


def test_sales_by_quarter_compare_with_the_quarters_before(office: Office) -> None:
    params = ReportParameters(date_from=date(2025, 10, 1), date_to=date(2026, 3, 31), by="quarter")
    result = report(office, "sales_by_period", params)
    assert result.rows == (
        # Q4 2025: D7 2000.00 + D6 3000.00; the two quarters before (Q2, Q3 2025) sold nothing
        ("Q4 2025", d("5000.00"), 2, "Q2 2025", d("0.00"), 0, None),
        # Q1 2026: 12569.13 of Jan-Feb + D15 5000.00 closed on 1 March
        ("Q1 2026", d("17569.13"), 6, "Q3 2025", d("0.00"), 0, None),
    )
    assert result.totals == ("Total", d("22569.13"), 8, None, d("0.00"), 0, None)
    params = ReportParameters(date_from=date(2025, 1, 1), date_to=date(2026, 12, 31), period=Period.YEAR)
    assert [row[:3] for row in report(office, "sales_by_period", params).rows] == [
        ("2025", d("5000.00"), 2),
        ("2026", d("17569.13"), 6),
    ]


def test_sales_by_period_defaults_to_the_last_twelve_months(office: Office) -> None:
    result = report(office, "sales_by_period")
    assert [row[0] for row in result.rows][:2] == ["04.2025", "05.2025"]
    assert len(result.rows) == 12 and result.rows[-1][0] == "03.2026"
    assert result.parameters[0] == ("Period", "01.04.2025 to 02.03.2026")
    # March so far: D15 5000.00 (1 March); the same two days of March 2025 sold nothing.
    assert result.rows[-1][1:3] == (d("5000.00"), 1)


def test_sales_by_manager_with_averages_rounded_half_up(office: Office) -> None:
    result = report(office, "sales_by_manager", JAN_FEB)
    assert result.rows == (
        # Борис: D3 + D4 = 10000.01 in 2; average 5000.005 -> 5000.01 (half up, not to even);
        # share 10000.01 / 12569.13 = 79.56 %
        ("Борис", d("10000.01"), 2, d("5000.01"), d("79.6")),
        # Анна: D1 + D2 = 2469.12; average 1234.56; 2469.12 / 12569.13 = 19.64 %
        ("Анна", d("2469.12"), 2, d("1234.56"), d("19.6")),
        # nobody: D16 100.00; 100 / 12569.13 = 0.796 %
        ("No owner", d("100.00"), 1, d("100.00"), d("0.8")),
    )
    # 12569.13 / 5 = 2513.826 -> 2513.83
    assert result.totals == ("Total", d("12569.13"), 5, d("2513.83"), d("100.0"))
    assert result.notes and "USD: 1 deal for $500.00" in result.notes[0]


def test_sales_by_industry_of_the_client(office: Office) -> None:
    result = report(office, "sales_by_industry", JAN_FEB)
    trade = "G — Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов"
    assert result.rows == (
        (trade, d("10000.00"), 1, d("10000.00"), d("79.6")),  # D3 (Бета); 10000 / 12569.13 = 79.56 %
        # D1 + D2 + D4 = 2469.13 in 3 (Альфа, Гамма); 2469.13 / 3 = 823.043
        ("C — Обрабатывающие производства", d("2469.13"), 3, d("823.04"), d("19.6")),
        ("No industry", d("100.00"), 1, d("100.00"), d("0.8")),  # D16 ("=1+2" has no industry)
    )
    assert result.totals == ("Total", d("12569.13"), 5, d("2513.83"), d("100.0"))
    # Limited to Анна's deals: D1 + D2 only.
    anna = report(
        office,
        "sales_by_industry",
        ReportParameters(date_from=date(2026, 1, 1), date_to=date(2026, 2, 28), manager_id=office.ids["anna"]),
    )
    assert anna.rows == (("C — Обрабатывающие производства", d("2469.12"), 2, d("1234.56"), d("100.0")),)
    assert ("Manager", "Анна") in anna.parameters


def test_the_currency_with_the_most_sales_is_the_report_currency(tmp_path: Path) -> None:
    database = open_database(resolve_url(tmp_path / "one.sqlite"))
    try:
        uow: UowFactory = lambda: UnitOfWork(database)  # noqa: E731
        manager = reference.create_manager(uow(), ManagerFields(name="Мария"), now=NOW).id
        solo = clients.create_client(uow(), ClientFields(name="ООО «Соло»", owner_id=manager), now=NOW).id
        usd = "USD"
        _deal(uow, solo, Money.of(Decimal("100.00"), usd), DealStage.WON, date(2026, 1, 1), date(2026, 1, 10), manager)
        _deal(uow, solo, Money.of(Decimal("50.50"), usd), DealStage.WON, date(2026, 2, 1), date(2026, 2, 10), manager)
        _deal(uow, solo, rub("1000.00"), DealStage.WON, date(2026, 1, 1), date(2026, 1, 15), manager)
        result = run_report(uow(), "sales_by_manager", JAN_FEB, now=NOW)
    finally:
        database.dispose()
    # Two sales in dollars against one in roubles: dollars. 100.00 + 50.50 = 150.50; average 75.25.
    assert result.rows == (("Мария", d("150.50"), 2, d("75.25"), d("100.0")),)
    assert ("Currency", "USD") in result.parameters
    assert result.notes == ("Amounts are in USD; deals in other currencies are left out: RUB: 1 deal for ₽1,000.00",)


# Pipeline --------------------------------------------------------------------------------------


def test_pipeline_counts_every_stage_and_the_conversion(office: Office) -> None:
    result = report(office, "pipeline", JAN_FEB)
    # Opened in Jan-Feb: D2, D3, D4, D15, D16 won; D10 lost; D11 new; D12 negotiation; D14 proposal
    # (D1 opened in December; D5 is in dollars; D8 and D9 are in the trash): 9 deals.
    assert result.rows == (
        ("New", 1, d("1500.00"), d("11.1"), None),  # 1 / 9 = 11.11 %
        ("Negotiation", 1, d("2500.50"), d("11.1"), None),
        ("Proposal", 1, d("800.00"), d("11.1"), None),
        # 1234.56 + 10000.00 + 0.01 + 5000.00 + 100.00 = 16334.57; 5 / 9 = 55.56 %; 5 / (5 + 1) = 83.33 %
        ("Won", 5, d("16334.57"), d("55.6"), d("83.3")),
        ("Lost", 1, d("4000.00"), d("11.1"), d("16.7")),  # 1 / 6 = 16.67 %
    )
    # 1500.00 + 2500.50 + 800.00 + 16334.57 + 4000.00 = 25135.07
    assert result.totals == ("Total", 9, d("25135.07"), d("100.0"), d("83.3"))
    assert result.notes[0] == "Conversion (won ÷ (won + lost)): 83.3 %"


def test_pipeline_of_all_time_counts_old_lost_deals_too(office: Office) -> None:
    result = report(office, "pipeline")
    assert result.parameters[0] == ("Period", "all time")
    won, lost = result.rows[3], result.rows[4]
    # Won ever: D1 D2 D3 D4 D6 D7 D15 D16 = 1234.56 * 2 + 10000 + 0.01 + 3000 + 2000 + 5000 + 100 = 22569.13
    assert won == ("Won", 8, d("22569.13"), d("61.5"), d("80.0"))  # 8 / 13 = 61.54 %; 8 / (8 + 2) = 80 %
    assert lost == ("Lost", 2, d("4100.00"), d("15.4"), d("20.0"))  # D10 4000 + D13 100; 2 / 13 = 15.38 %
    assert result.totals == ("Total", 13, d("31469.63"), d("100.0"), d("80.0"))  # + 1500 + 2500.50 + 800


def test_pipeline_counted_by_the_date_closed_agrees_with_sales(office: Office) -> None:
    by_closed = ReportParameters(date_from=date(2026, 1, 1), date_to=date(2026, 2, 28), counted_by=CountedBy.CLOSED)
    result = report(office, "pipeline", by_closed)
    # Closed in Jan-Feb: D1, D2, D3, D4, D16 won (D15 closed on 1 March); D10 lost. Open deals have
    # no closing date: their stages are not rows.
    assert result.rows == (
        ("Won", 5, d("12569.13"), d("83.3"), d("83.3")),  # 1234.56 * 2 + 10000.00 + 0.01 + 100.00
        ("Lost", 1, d("4000.00"), d("16.7"), d("16.7")),
    )
    assert result.counted_by is CountedBy.CLOSED
    assert ("Counted by", "the date the deal was closed (won or lost)") in result.parameters
    assert result.notes[-1] == "Open deals have no closing date and are not counted by the date closed"
    # The same period and date: as many won deals as the sales reports count.
    sales = report(office, "sales_by_period", JAN_FEB)
    assert sales.totals is not None and sales.totals[2] == result.rows[0][1]
    assert ("Counted by", "the date the deal was won") in sales.parameters
    opened = report(office, "pipeline", JAN_FEB)
    assert opened.counted_by is CountedBy.OPENED
    assert ("Counted by", "the date the deal was opened") in opened.parameters


def test_every_report_says_which_date_it_counts_by(office: Office, lang: None) -> None:
    from salesdesk.domain import messages

    expected = {
        "sales_by_period": "closed",
        "sales_by_manager": "closed",
        "sales_by_industry": "closed",
        "pipeline": "opened",
        "sleeping_clients": "last_contact",
        "reminders_by_manager": "due",
        "completeness_by_manager": "now",
        "new_clients": "created",
        "plan_fact": "closed",
        "hooks": "done",
    }
    for name in NAMES:
        result = report(office, name)
        labels = [label for label, _ in result.parameters]
        assert "Counted by" in labels, name
        assert report_as_json(result)["counted_by"] == expected[name]
    messages.set_language("ru")
    result = report(office, "pipeline", ReportParameters(counted_by=CountedBy.CLOSED))
    assert ("Считается по", "дате закрытия сделки (выиграна или проиграна)") in result.parameters


def test_a_date_to_count_by_is_chosen_only_where_there_is_a_choice(office: Office) -> None:
    with pytest.raises(UserError, match="no choice of date: it counts by the date the deal was won"):
        report(office, "sales_by_period", ReportParameters(counted_by=CountedBy.OPENED))
    assert report(office, "sales_by_period", ReportParameters(counted_by=CountedBy.CLOSED)).rows
    with pytest.raises(UserError, match="counted by the date opened or closed, not “shipped”"):
        parse_counted_by("shipped")
    assert parse_counted_by(" Closed ") is CountedBy.CLOSED


# Sleeping clients ------------------------------------------------------------------------------


def test_sleeping_clients_by_past_revenue(office: Office) -> None:
    result = report(office, "sleeping_clients", ReportParameters(days=90))
    assert result.rows == (
        # Бета: last contact 1 Nov 2025, 121 days ago; revenue D3 + D6 = 10000 + 3000; D10 was lost
        ("ООО «Бета»", "Анна", date(2025, 11, 1), 121, d("13000.00"), 0),
        ("=1+2", "Борис", None, None, d("100.00"), 0),  # D16; never contacted
        # No revenue: by name as a Russian reader sorts (the legal form and ё do not count).
        ("Дельта", "—", None, None, d("0.00"), 0),
        ("Ёж", "Анна", date(2025, 9, 15), 168, d("0.00"), 1),  # the trashed contact of 10 Jan does not count
        ("Жук", "Борис", None, None, d("0.00"), 0),
        ("Зета", "—", None, None, d("0.00"), 0),
        ("Ива", "—", None, None, d("0.00"), 1),  # D14 proposal is open
        ("Старый", "—", None, None, d("0.00"), 0),
    )  # Альфа (20 Feb), Гамма (3 Dec) and Каппа (2 Dec 12:00, exactly 90 days) are awake.
    assert result.totals == ("Total", None, None, None, d("13100.00"), 2)
    assert result.notes == (
        "Sleeping clients: 8",
        "An empty last contact means the client was never contacted",
        "Amounts are in RUB; deals in other currencies are left out: USD: 1 deal for $500.00",
    )
    only_boris = report(office, "sleeping_clients", ReportParameters(manager_id=office.ids["boris"]))
    assert [row[0] for row in only_boris.rows] == ["=1+2", "Жук"]


# Reminders -------------------------------------------------------------------------------------


def test_reminders_overdue_soon_and_later_per_manager(office: Office) -> None:
    result = report(office, "reminders_by_manager")
    assert [c.title for c in result.columns] == ["Manager", "Overdue", "Next 7 days", "Later", "Total"]
    assert result.rows == (
        ("Анна", 2, 1, 0, 3),  # R1, R2 overdue; R3 due this very minute; R8 belongs to a trashed client
        ("Борис", 0, 2, 1, 3),  # R4 and R10 (snoozed to 5 Mar) soon; R5 at 9 Mar 12:00 later; R6 done, R7 trashed
        ("Вера", 0, 0, 0, 0),  # an active manager with nothing open still shows; inactive Глеб does not
        ("No owner", 1, 0, 0, 1),  # R9 is nobody's
    )
    assert result.totals == ("Total", 3, 3, 1, 7)


# Completeness ----------------------------------------------------------------------------------


def test_completeness_by_manager(office: Office) -> None:
    result = report(office, "completeness_by_manager", ReportParameters(threshold=50))
    assert result.rows == (
        # Анна: Альфа 85, Бета 30, Ёж 5, Каппа 5 = 125 / 4 = 31.25 -> 31.3 (half up); 3 below 50.
        # Missing: contact with position 4 times; INN, KPP, OGRN, full name, legal address, e-mail
        # 3 times each (INN weighs most, then OGRN, legal address and e-mail, in card order).
        ("Анна", 4, d("31.3"), 3, "Contact person with position (4), INN (3), OGRN (3)", 0, ""),
        # Борис: "=1+2" 5, Гамма 40, Жук 5 = 50 / 3 = 16.67; INN and contact 3 times each (same weight,
        # card order), then OGRN.
        ("Борис", 3, d("16.7"), 3, "INN (3), Contact person with position (3), OGRN (3)", 0, ""),
        ("Вера", 0, None, 0, None, 0, None),  # no clients at all
        # Without an owner: Дельта, Зета, Ива, Старый with empty cards (0 each).
        ("No owner", 4, d("0.0"), 4, "INN (4), Contact person with position (4), Phone (4)", 0, ""),
    )
    # 11 live clients; (125 + 50 + 0) / 11 = 15.909; 3 + 3 + 4 below; contact missing 4 + 3 + 4 = 11,
    # INN 3 + 3 + 4 = 10, OGRN 10 (KPP, full name and legal address are also 10 but weigh less or come later)
    assert result.totals == (
        "Total",
        11,
        d("15.9"),
        10,
        "Contact person with position (11), INN (10), OGRN (10)",
        0,
        "",
    )
    assert [c.title for c in result.columns][3] == "Below 50 %"


# New clients -----------------------------------------------------------------------------------


def test_new_clients_by_source_and_month_with_an_other_bucket(office: Office) -> None:
    result = report(office, "new_clients", JAN_FEB)
    # In Jan-Feb: Сайт 3 (Альфа, Каппа, "=1+2"), Рекомендация 2 (Бета, Ива), and one each of Тендер,
    # Выставка, none, Соцсети, Холодный звонок. Ties go by the source's text: "" < Выставка < Соцсети
    # < Тендер < Холодный звонок, so the last two make "Other". Старый (December) and the trashed
    # client do not count.
    assert [c.title for c in result.columns] == [
        "Month",
        "Сайт",
        "Рекомендация",
        "Not stated",
        "Выставка",
        "Соцсети",
        "Other",
        "Total",
    ]
    assert result.rows == (
        ("01.2026", 2, 1, 0, 0, 0, 1, 4),  # Альфа, Каппа; Бета; Ёж (Тендер)
        ("02.2026", 1, 1, 1, 1, 1, 1, 6),  # "=1+2"; Ива; Дельта; Гамма; Жук; Зета (Холодный звонок)
    )
    assert result.totals == ("Total", 3, 2, 1, 1, 1, 2, 10)
    assert result.notes == ("“Other” adds up the remaining sources (2)",)
    assert result.chart is not None
    assert result.chart.series == ("source_1", "source_2", "source_3", "source_4", "source_5", "other")


# Empty periods and an empty base ---------------------------------------------------------------


def test_an_empty_period_gives_zero_totals(office: Office) -> None:
    by_month = report(office, "sales_by_period", EMPTY_2020)
    assert [row[:3] for row in by_month.rows] == [("01.2020", d("0.00"), 0), ("02.2020", d("0.00"), 0)]
    assert by_month.totals == ("Total", d("0.00"), 0, None, d("0.00"), 0, None)
    for name in ("sales_by_manager", "sales_by_industry"):
        empty = report(office, name, EMPTY_2020)
        assert empty.rows == ()
        assert empty.totals == ("Total", d("0.00"), 0, None, None)
        assert empty.notes == ()
    pipeline = report(office, "pipeline", EMPTY_2020)
    assert [row[1] for row in pipeline.rows] == [0, 0, 0, 0, 0]
    assert pipeline.totals == ("Total", 0, d("0.00"), None, None)
    assert pipeline.notes == ("No closed deals, so there is no conversion to show",)
    new = report(office, "new_clients", EMPTY_2020)
    assert [c.key for c in new.columns] == ["month", "total"]
    assert new.rows == (("01.2020", 0), ("02.2020", 0)) and new.totals == ("Total", 0)


@pytest.fixture
def empty_base(tmp_path: Path) -> Iterator[UowFactory]:
    database = open_database(resolve_url(tmp_path / "empty.sqlite"))
    yield lambda: UnitOfWork(database)
    database.dispose()


def test_an_empty_base_gives_empty_reports(empty_base: UowFactory) -> None:
    results = {name: run_report(empty_base(), name, ReportParameters(), now=NOW) for name in NAMES}
    for name in (
        "sales_by_manager",
        "sales_by_industry",
        "sleeping_clients",
        "reminders_by_manager",
        "completeness_by_manager",
    ):
        assert results[name].rows == (), name
    assert results["sleeping_clients"].totals == ("Total", None, None, None, d("0.00"), 0)
    assert results["reminders_by_manager"].totals == ("Total", 0, 0, 0, 0)
    assert results["completeness_by_manager"].totals == ("Total", 0, None, 0, None, 0, None)
    assert len(results["sales_by_period"].rows) == 12


# Russian ---------------------------------------------------------------------------------------


def test_a_report_reads_in_russian(office: Office, lang: None) -> None:
    from salesdesk.domain import messages

    messages.set_language("ru")
    result = report(
        office,
        "sales_by_period",
        ReportParameters(date_from=date(2025, 10, 1), date_to=date(2026, 3, 31), period=Period.QUARTER),
    )
    assert result.title == "Продажи по периодам"
    assert result.rows[0][0] == "4 кв. 2025"
    assert result.parameters[0] == ("Период", "с 01.10.2025 по 31.03.2026")
    assert result.notes == ("Суммы — в RUB; сделки в других валютах не учтены: USD — 1 сделка на 500,00\u00a0$",)


def test_json_keeps_money_exact(office: Office) -> None:
    data = report_as_json(report(office, "sales_by_manager", JAN_FEB))
    assert data["rows"][0] == ["Борис", "10000.01", 2, "5000.01", "79.6"]
    assert data["columns"][1] == {"key": "amount", "title": "Amount", "kind": "money"}


# Export ----------------------------------------------------------------------------------------

_FORMATS = {
    ColumnKind.MONEY: "#,##0.00",
    ColumnKind.INTEGER: "#,##0",
    ColumnKind.PERCENT: "0.0%",
    ColumnKind.DATE: "DD.MM.YYYY",
}


def _all_reports(uow: UowFactory) -> dict[str, Report]:
    params = {
        "sales_by_period": JAN_FEB,
        "sales_by_manager": JAN_FEB,
        "sales_by_industry": JAN_FEB,
        "pipeline": JAN_FEB,
        "new_clients": JAN_FEB,
    }
    return {name: run_report(uow(), name, params.get(name, ReportParameters()), now=NOW) for name in NAMES}


def _header_row(sheet: object, result: Report) -> int:
    titles = [c.title for c in result.columns]
    for row in sheet.iter_rows(min_row=1, max_row=40):  # type: ignore[attr-defined]
        if [cell.value for cell in row[: len(titles)]] == titles:
            return int(row[0].row)
    raise AssertionError("no header row")


def cells(letter: str, first: int, last: int) -> str:
    """A column range as a chart reference spells it (one cell without the colon)."""
    return f"${letter}${first}" if first == last else f"${letter}${first}:${letter}${last}"


def check_workbook(path: Path, result: Report) -> None:
    """The workbook shows *result*: title, parameters, typed cells, totals, notes, a chart on the table."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet["A1"].value == result.title
    for offset, (label, value) in enumerate(result.parameters):
        assert (sheet.cell(row=2 + offset, column=1).value, sheet.cell(row=2 + offset, column=2).value) == (
            label,
            value,
        )
    header = _header_row(sheet, result)
    first = header + 1
    assert sheet.freeze_panes == f"A{first}"
    for r, row in enumerate(result.rows):
        for c, (col, value) in enumerate(zip(result.columns, row, strict=True)):
            cell = sheet.cell(row=first + r, column=c + 1)
            if value is None or value == "":
                assert cell.value is None
            elif col.kind is ColumnKind.TEXT:
                assert cell.value == value and cell.data_type == "s"
            elif col.kind is ColumnKind.DATE:
                assert cell.value.date() == value and cell.number_format == _FORMATS[col.kind]
            else:
                assert isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
                expected = float(value) / (100 if col.kind is ColumnKind.PERCENT else 1)  # type: ignore[arg-type]
                assert cell.value == pytest.approx(expected, abs=1e-9), (col.key, r)
                assert cell.number_format == _FORMATS[col.kind]
    last = header + max(1, len(result.rows))
    totals_row = last + 1
    assert result.totals is not None
    assert sheet.cell(row=totals_row, column=1).value == result.totals[0]
    assert sheet.cell(row=totals_row, column=1).font.bold
    assert sheet.auto_filter.ref == f"A{header}:{get_column_letter(len(result.columns))}{last}"
    notes = [sheet.cell(row=totals_row + 2 + i, column=1).value for i in range(len(result.notes))]
    assert notes == list(result.notes)
    # The chart: native, titled, each series a column of the table with its header as its name.
    assert len(sheet._charts) == 1
    chart = sheet._charts[0]
    assert result.chart is not None
    keys = [c.key for c in result.columns]
    shown_last = header + max(1, min(len(result.rows), 30))
    sheet_name = quote_sheetname(sheet.title)
    assert len(chart.series) == len(result.chart.series)
    for series, key in zip(chart.series, result.chart.series, strict=True):
        letter = get_column_letter(keys.index(key) + 1)
        assert series.val.numRef.f == f"{sheet_name}!{cells(letter, first, shown_last)}"
        assert series.tx.strRef.f.replace("$", "") == f"{sheet_name}!{letter}{header}"
        category = get_column_letter(keys.index(result.chart.category) + 1)
        reference = series.cat.numRef or series.cat.strRef
        assert reference.f == f"{sheet_name}!{cells(category, first, shown_last)}"
    assert chart.title is not None


def test_every_report_exports_with_a_native_chart_on_its_table(office: Office, tmp_path: Path) -> None:
    for name, result in _all_reports(office.uow).items():
        path = export_report(result, tmp_path / f"{name}.xlsx")
        assert path.exists() and not list(tmp_path.glob(".salesdesk-*"))
        check_workbook(path, result)


def test_text_that_looks_like_a_formula_stays_text(office: Office, tmp_path: Path) -> None:
    result = report(office, "sleeping_clients")
    sheet = openpyxl.load_workbook(export_report(result, tmp_path / "sleeping.xlsx")).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == "=1+2"]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_empty_reports_export_with_a_valid_chart(empty_base: UowFactory, tmp_path: Path) -> None:
    for name, result in _all_reports(empty_base).items():
        check_workbook(export_report(result, tmp_path / f"{name}.xlsx"), result)


def test_a_locked_file_is_a_problem_a_person_can_act_on(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    opened = tmp_path / "pipeline.xlsx"  # the last one, open in Excel: writable by its mode, yet refused
    opened.write_bytes(b"the report of last week")
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserError, match="in use by another program"):
        export_report(report(office, "pipeline"), opened)
    assert list(tmp_path.iterdir()) == [opened] and opened.read_bytes() == b"the report of last week"


# LibreOffice -----------------------------------------------------------------------------------

CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1"


def _soffice(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    program = shutil.which("soffice")
    assert program is not None
    return subprocess.run(
        [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _plain_number(text: str) -> str:
    """A number as LibreOffice showed it ("12,569.13", "12 569,13", "151.4%") in one spelling."""
    text = text.replace("\u00a0", "").replace(" ", "").rstrip("%")
    if re.fullmatch(r"-?[\d,]*\.\d+|-?[\d,]+", text):
        return text.replace(",", "")
    if re.fullmatch(r"-?[\d.]*,\d+", text):
        return text.replace(".", "").replace(",", ".")
    return text


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH; CI installs libreoffice-calc-nogui"
)
def test_libreoffice_opens_every_report_as_pdf_and_csv(office: Office, empty_base: UowFactory, tmp_path: Path) -> None:
    results: dict[str, Report] = {}
    for prefix, uow in (("office", office.uow), ("empty", empty_base)):
        for name, result in _all_reports(uow).items():
            results[f"{prefix}-{name}"] = result
            export_report(result, tmp_path / f"{prefix}-{name}.xlsx")
    books = sorted(str(p) for p in tmp_path.glob("*.xlsx"))
    profile = tmp_path / "profile"
    for target, folder in (("pdf", tmp_path / "pdf"), (CSV_OUT, tmp_path / "csv")):
        done = _soffice(profile, "--convert-to", target, "--outdir", str(folder), *books)
        assert done.returncode == 0, done.stderr
    for stem, result in results.items():
        pdf = tmp_path / "pdf" / f"{stem}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000, stem
        with (tmp_path / "csv" / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            lines = list(csv.reader(handle))
        assert lines[0][0] == result.title
        totals = next(line for line in lines if line and line[0] == "Total")
        assert result.totals is not None
        for value, shown in zip(result.totals[1:], totals[1:], strict=False):
            if isinstance(value, int | Decimal):
                assert _plain_number(shown) == str(value), (stem, value, shown)


# Charts a spreadsheet draws in full -------------------------------------------------------------

_LONG_NAME = "Деятельность по операциям с недвижимым имуществом и предоставлению прочих услуг"


def _chart_report(name: str, labels: list[str], *, over_time: bool, top: int = 60_000_000) -> Report:
    """A report of money by *labels*, the largest *top* roubles (the demo office's scale)."""
    from salesdesk.domain.reports import ChartKind, ChartSpec, ReportColumn

    amounts = [Decimal(top - i * (top // (2 * len(labels)))) for i in range(len(labels))]
    return Report(
        name=name,
        title="Продажи",
        parameters=(("Период", "2025–2026"),),
        columns=(ReportColumn("group", "Отрасль"), ReportColumn("amount", "Сумма", ColumnKind.MONEY)),
        rows=tuple(zip(labels, amounts, strict=True)),
        totals=("Итого", sum(amounts)),
        chart=ChartSpec(ChartKind.BAR, "group", ("amount",), "Диаграмма продаж", over_time=over_time),
    )


def _ranked_labels() -> list[str]:
    # A number first in each name, so that each one can be found in the page's text.
    return [f"№{i:02d} {_LONG_NAME if i % 2 else 'Строительство'}" for i in range(1, 21)]


def _months() -> list[str]:
    return [f"{m:02d}.{y}" for y in (2025, 2026) for m in range(1, 13)]


def test_chart_axes_label_every_category_with_grouped_numbers_and_titles_aside(tmp_path: Path, lang: None) -> None:
    from salesdesk.domain import messages

    messages.set_language("ru")
    for result, lying in (
        (_chart_report("ranked", _ranked_labels(), over_time=False), True),
        (_chart_report("months", _months(), over_time=True), False),
        (_chart_report("small", ["Анна", "Борис"], over_time=False, top=9_000), False),
    ):
        sheet = openpyxl.load_workbook(export_report(result, tmp_path / f"{result.name}.xlsx")).active
        chart = sheet._charts[0]
        x, y = chart.x_axis, chart.y_axis
        assert (x.tickLblSkip, x.tickMarkSkip) == (1, 1), result.name  # Excel: no label left out
        # LibreOffice: an explicit rotation lets it wrap labels instead of hiding every other one.
        assert x.txPr.bodyPr.rot is not None, result.name
        assert chart.series[0].cat.strRef is not None  # names are text, not numbers
        assert y.numFmt.formatCode.startswith("#,##0") and not y.numFmt.sourceLinked  # grouped as the reader's locale
        assert chart.title.overlay is False and chart.title.layout is None
        for axis in (x, y):
            assert axis.delete is False
            if axis.title is not None:
                assert axis.title.overlay is False and axis.title.layout is None
        if result.name == "small":
            assert y.numFmt.formatCode == "#,##0" and y.title.tx.rich.p[0].r[0].t == "Сумма"
        else:  # 60 000 000 is written as 60 000 thousand: short enough not to be cut at the edge
            assert y.numFmt.formatCode == "#,##0," and y.title.tx.rich.p[0].r[0].t == "Сумма, тыс."
        if lying:
            assert chart.type == "bar" and x.scaling.orientation == "maxMin" and y.crosses == "max"
            layout = chart.layout.manualLayout  # the names keep the left part of the chart
            assert layout.layoutTarget == "inner" and 0.3 <= layout.x <= 0.5
            assert _height_cm(chart) >= 0.8 * len(result.rows)  # two lines of a wrapped name a bar
        else:
            assert chart.type == "col"
    months = openpyxl.load_workbook(tmp_path / "months.xlsx").active._charts[0]
    assert months.x_axis.txPr.bodyPr.rot == -90 * 60_000  # 24 months read upwards, each one
    assert months.anchor.ext.width / 360_000 >= 0.4 * 24


def _height_cm(chart: object) -> float:
    return float(chart.anchor.ext.height) / 360_000  # type: ignore[attr-defined]  # EMU


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext is not on PATH; CI installs them",
)
def test_libreoffice_draws_every_category_label_and_whole_grouped_values(tmp_path: Path, lang: None) -> None:
    import os

    from salesdesk.domain import messages

    messages.set_language("ru")
    results = [
        _chart_report("ranked", _ranked_labels(), over_time=False),
        _chart_report("months", _months(), over_time=True),
    ]
    books = [str(export_report(result, tmp_path / f"{result.name}.xlsx")) for result in results]
    program = shutil.which("soffice")
    assert program is not None
    # A Russian reader's LibreOffice: it groups digits with a space.
    environment = {**os.environ, "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8"}
    done = subprocess.run(
        [
            program,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *books,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    for result in results:
        pdf = tmp_path / f"{result.name}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        lines = [line.strip() for line in text.splitlines()]
        for row in result.rows:
            label = str(row[0])
            key = label.split()[0]
            # Once in the table, once on the chart's axis (the page header's date 06.12.2026 is not "12.2026").
            found = len(re.findall(rf"(?<![\w.]){re.escape(key)}(?![\w.])", text))
            assert found == 2, (result.name, label, found)
            if result.name == "ranked":
                words = set(text.split())
                assert set(label.split()) <= words  # a long name is wrapped, not cut
        values = [line for line in lines if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})*", line)]
        assert any(re.fullmatch(r"60[ \u00a0\u202f]000", v) for v in values), (result.name, values)


def test_sales_by_industry_drills_from_the_section_to_its_okved_classes(uow: UowFactory) -> None:
    """Issue 16: industries keep OKVED classes (62.01) under their sections. The report counts a
    class in its section; with a section chosen it lists that section's classes, the section's own
    clients as "no class"; a letter that is no section is refused in words."""
    from salesdesk.domain.model import IndustryFields

    it = reference.find_industry(uow(), "J").id  # the sections come with every base
    software = reference.create_industry(uow(), IndustryFields(code="62.01", name="Разработка ПО"), now=NOW).id
    hosting = reference.create_industry(uow(), IndustryFields(code="63.11", name="Хостинг"), now=NOW).id
    trade = reference.create_industry(uow(), IndustryFields(code="47.91", name="Торговля по почте"), now=NOW).id
    own = reference.create_industry(uow(), IndustryFields(code="", name="Свои клиенты"), now=NOW).id
    for name, industry, amount in (
        ("ООО «Связь»", it, "100.00"),
        ("ООО «Код»", software, "300.00"),
        ("ООО «Код-2»", software, "200.00"),
        ("ООО «Сервер»", hosting, "50.00"),
        ("ООО «Почта»", trade, "70.00"),
        ("ООО «Своё»", own, "10.00"),
    ):
        client = clients.create_client(uow(), ClientFields(name=name, industry_id=industry), now=NOW).id
        _deal(uow, client, rub(amount), DealStage.WON, date(2026, 1, 5), date(2026, 1, 20))
    period = ReportParameters(date_from=date(2026, 1, 1), date_to=date(2026, 1, 31))
    sections = run_report(uow(), "sales_by_industry", period, now=NOW)
    assert [(r[0], r[1], r[2]) for r in sections.rows] == [
        (
            "J — Деятельность в области информации и связи",
            d("650.00"),
            4,
        ),  # the section's own client and its two classes
        ("G — Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов", d("70.00"), 1),
        ("Свои клиенты", d("10.00"), 1),  # the office's own industry, no code: a row of its own
    ]
    drilled = run_report(uow(), "sales_by_industry", replace(period, section="j"), now=NOW)
    assert [(r[0], r[1], r[2]) for r in drilled.rows] == [
        ("62.01 — Разработка ПО", d("500.00"), 2),
        ("Деятельность в области информации и связи — no class", d("100.00"), 1),
        ("63.11 — Хостинг", d("50.00"), 1),
    ]
    assert drilled.totals is not None and drilled.totals[1] == d("650.00")
    assert ("OKVED section", "J — Деятельность в области информации и связи") in drilled.parameters
    with pytest.raises(UserError, match="OKVED section “Я” not found"):
        run_report(uow(), "sales_by_industry", replace(period, section="Я"), now=NOW)


def test_sales_by_industry_reads_the_industries_once(uow: UowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list of industries (every OKVED class the register brought, thousands on a big base) was
    read twice per report: once to fold the rows, once to name the chosen section."""
    from salesdesk.store.repositories import IndustryRepository

    reads: list[bool] = []
    whole = IndustryRepository.list

    def counted(self: IndustryRepository, *, include_deleted: bool = False) -> list[Any]:
        reads.append(include_deleted)
        return whole(self, include_deleted=include_deleted)

    monkeypatch.setattr(IndustryRepository, "list", counted)
    period = ReportParameters(date_from=date(2026, 1, 1), date_to=date(2026, 1, 31), section="J")
    report = run_report(uow(), "sales_by_industry", period, now=NOW)
    assert ("OKVED section", "J — Деятельность в области информации и связи") in report.parameters
    assert len(reads) == 1
