"""The Reports tab, driven as the office uses it: a report for the last quarter, its chart, its
table, the workbook; the office head's completeness report from the Reports menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCharts import QHorizontalBarSeries
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.messages import msg
from salesdesk.domain.model import DealFields, DealStage, ManagerFields, Money
from salesdesk.domain.reports import ChartKind, ChartSpec, ColumnKind, CountedBy, Report, ReportColumn
from salesdesk.services import deals, reference
from salesdesk.store import UnitOfWork
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.reports_panel import (
    SORT_ROLE,
    Preset,
    ReportsPanel,
    ReportTableModel,
    build_chart,
    file_name_for,
    preset_range,
)

Window = Callable[[], MainWindow]


def _report(
    rows: Sequence[tuple[object, ...]],
    totals: tuple[object, ...] | None = ("Итого", Decimal("30.00"), 3),
    chart: ChartSpec | None = None,
) -> Report:
    return Report(
        name="sales_by_manager",
        title="Продажи по менеджерам",
        parameters=(("Период", "2026"),),
        columns=(
            ReportColumn("manager", "Менеджер"),
            ReportColumn("amount", "Сумма", ColumnKind.MONEY),
            ReportColumn("deals", "Сделок", ColumnKind.INTEGER),
        ),
        rows=tuple(rows),
        totals=totals,
        chart=chart,
    )  # type: ignore[arg-type]


# Pieces without a window ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("preset", "today", "span"),
    [
        (Preset.LAST_QUARTER, date(2026, 11, 29), (date(2026, 7, 1), date(2026, 9, 30))),
        (Preset.LAST_QUARTER, date(2026, 2, 10), (date(2025, 10, 1), date(2025, 12, 31))),
        (Preset.THIS_QUARTER, date(2026, 11, 29), (date(2026, 10, 1), date(2026, 11, 29))),
        (Preset.LAST_MONTH, date(2026, 1, 15), (date(2025, 12, 1), date(2025, 12, 31))),
        (Preset.LAST_MONTH, date(2024, 3, 31), (date(2024, 2, 1), date(2024, 2, 29))),
        (Preset.THIS_MONTH, date(2026, 11, 29), (date(2026, 11, 1), date(2026, 11, 29))),
        (Preset.LAST_12_MONTHS, date(2026, 11, 29), (date(2025, 12, 1), date(2026, 11, 29))),
        (Preset.THIS_YEAR, date(2026, 11, 29), (date(2026, 1, 1), date(2026, 11, 29))),
        (Preset.LAST_YEAR, date(2026, 11, 29), (date(2025, 1, 1), date(2025, 12, 31))),
        (Preset.CUSTOM, date(2026, 11, 29), None),
    ],
)
def test_period_presets_mean_the_calendar_periods(preset: Preset, today: date, span: tuple[date, date] | None) -> None:
    assert preset_range(preset, today) == span


def test_the_table_writes_numbers_as_the_locale_does_and_keeps_totals_last(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ReportTableModel()
    model.set_report(
        _report([("Смирнова", Decimal("10.00"), 1), ("Козлов", Decimal("20.00"), 2), ("Абрамова", None, 0)])
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    model.sort(1, Qt.SortOrder.DescendingOrder)
    column = [model.index(r, 0).data() for r in range(4)]
    assert column == ["Козлов", "Смирнова", "Абрамова", "Итого"]  # an empty amount last, totals after all
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(2, 1).data() == "—" and model.index(0, 1).data(SORT_ROLE) == Decimal("20.00")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(4)] == ["Абрамова", "Козлов", "Смирнова", "Итого"]
    model.set_report(_report([], totals=("Итого", Decimal(0), 0)))
    assert model.rowCount() == 0  # no totals row under an empty table


def test_a_long_ranked_chart_lies_on_its_side_and_shows_the_largest(qtbot: QtBot) -> None:
    rows = [(f"Менеджер {i:02d}", Decimal(1000 - i), 1) for i in range(20)]
    chart = build_chart(
        _report(rows, chart=ChartSpec(ChartKind.BAR, "manager", ("amount",), "Продажи")), ReportsPanel.scales()
    )
    assert chart is not None
    [series] = chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    [bars] = series.barSets()
    assert bars.count() == 12 and bars.at(11) == 1000.0  # the largest on top: the last set of a lying chart
    assert "12" in chart.title() and "20" in chart.title()
    assert (
        build_chart(_report([], chart=ChartSpec(ChartKind.BAR, "manager", ("amount",))), ReportsPanel.scales()) is None
    )


def test_the_file_name_is_the_title_and_the_day() -> None:
    report = _report([])
    assert file_name_for(report, date(2026, 11, 29)) == "Продажи по менеджерам 2026-11-29.xlsx"
    odd = Report(name="x", title="«Спящие» клиенты: A/B", parameters=(), columns=(), rows=())
    assert file_name_for(odd, date(2026, 1, 2)) == "Спящие клиенты AB 2026-01-02.xlsx"


# The window ---------------------------------------------------------------------------------------


def _wait_report(qtbot: QtBot, panel: ReportsPanel, name: str) -> Report:
    qtbot.waitUntil(
        lambda: (
            not panel.busy and panel.report is not None and panel.report.name == name and not panel._timer.isActive()
        ),
        timeout=10_000,
    )
    assert panel.report is not None
    return panel.report


def test_sales_by_industry_for_the_last_quarter_to_a_workbook_with_its_chart(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start, end = preset_range(Preset.LAST_QUARTER, date.today()) or (date.min, date.min)
    trade = next(i for i in reference.list_industries(uow()) if i.code == "G")
    client = add_client("ООО «Ромашка»", industry_id=trade.id)
    for amount, day in (("1250000.50", start), ("99.50", end), ("7000", end + timedelta(days=1))):
        deals.add_deal(
            uow(),
            client,
            DealFields(title="Поставка", amount=Money.of(amount), stage=DealStage.WON, opened_on=day, closed_on=day),
        )
    window = make_window()
    window.open_report("sales_by_industry")
    panel = window.reports_panel
    assert panel is not None and window.tabs.currentWidget() is window.reports_page
    assert not window.reminders_dock.isVisible()  # it steps aside for the chart
    panel.preset.setCurrentIndex(panel.preset.findData(Preset.LAST_QUARTER))
    report = _wait_report(qtbot, panel, "sales_by_industry")
    assert report.parameters and panel.parameters().date_from == start
    assert panel.model.index(0, 0).data() == f"{trade.code} — {trade.name}"
    assert panel.model.index(0, 1).data(SORT_ROLE) == Decimal("1250100.00")  # the deal after the quarter is out
    assert panel.chart_stack.currentWidget() is panel.chart_view and panel.chart_view.chart().series()
    saved = tmp_path / "Продажи по отраслям.xlsx"
    monkeypatch.setattr(panel, "ask_path", lambda report: saved)
    panel.export_button.click()
    qtbot.waitUntil(lambda: saved.exists() and panel.export_button.isEnabled(), timeout=10_000)
    assert saved.name in panel.notice.label.text()
    from openpyxl import load_workbook

    sheet = load_workbook(saved).active
    assert len(sheet._charts) == 1
    assert any(cell.value == f"{trade.code} — {trade.name}" for row in sheet.iter_rows() for cell in row)
    window.tabs.setCurrentIndex(0)
    assert window.reminders_dock.isVisible()  # back where the user had it


def test_completeness_by_manager_from_the_reports_menu(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    anna = reference.create_manager(uow(), ManagerFields(name="Анна Смирнова")).id
    add_client(
        "ООО «Полная карточка»",
        owner_id=anna,
        inn="7707083893",
        phone="+7 495 123-45-67",
        email="info@example.ru",
        city="Москва",
    )
    add_client("ООО «Пустая»", owner_id=anna)
    window = make_window()
    action = next(a for a in window.reports_menu.actions() if a.text() == reports_title("completeness_by_manager"))
    action.trigger()
    panel = window.reports_panel
    assert panel is not None
    report = _wait_report(qtbot, panel, "completeness_by_manager")
    names = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert "Анна Смирнова" in names
    assert panel._groups["threshold"].isVisible() and not panel._groups["date_from"].isVisible()
    assert report.rows and panel.export_button.isEnabled()


def reports_title(name: str) -> str:
    from salesdesk.services.reports import REPORTS

    return REPORTS[name].title


def test_a_period_that_ends_before_it_starts_is_said_in_words(qtbot: QtBot, make_window: Window) -> None:
    window = make_window()
    window.open_report("sales_by_manager")
    panel = window.reports_panel
    assert panel is not None
    _wait_report(qtbot, panel, "sales_by_manager")
    panel.date_from.setDate(panel.date_to.date().addDays(5))
    qtbot.waitUntil(lambda: panel.report is None and not panel.busy, timeout=10_000)
    assert panel.preset.currentData() is Preset.CUSTOM
    start, end = panel.date_from.date().toString("dd.MM.yyyy"), panel.date_to.date().toString("dd.MM.yyyy")
    assert panel.chart_stack.currentWidget() is panel.empty
    assert panel.empty.text() == str(msg("report.err.period", start=start, end=end))
    assert panel.model.rowCount() == 0 and not panel.export_button.isEnabled()
    panel.preset.setCurrentIndex(panel.preset.findData(Preset.THIS_YEAR))  # and back to a period that makes sense
    _wait_report(qtbot, panel, "sales_by_manager")


def test_the_pipeline_counts_by_the_date_the_user_chooses_and_says_so(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    today = date.today()
    # Opened long before this year, won today: a deal of this year only by the date closed.
    deals.add_deal(
        uow(),
        client,
        DealFields(
            title="Поставка",
            amount=Money.of("1000"),
            stage=DealStage.WON,
            opened_on=date(today.year - 2, 1, 1),
            closed_on=today,
        ),
    )
    window = make_window()
    window.open_report("pipeline")
    panel = window.reports_panel
    assert panel is not None
    _wait_report(qtbot, panel, "pipeline")
    assert panel._groups["counted_by"].isVisible()
    panel.preset.setCurrentIndex(panel.preset.findData(Preset.THIS_YEAR))
    qtbot.waitUntil(
        lambda: (
            not panel.busy
            and not panel._timer.isActive()
            and panel.report is not None
            and panel.parameters().date_from == date(today.year, 1, 1)
        ),
        timeout=10_000,
    )
    report = _wait_report(qtbot, panel, "pipeline")
    won = str(DealStage.WON.label)
    assert not any(row[0] == won and row[1] for row in report.rows)
    assert str(msg("report.counted_by.opened")) in panel.status.text()
    panel.counted_by.setCurrentIndex(panel.counted_by.findData(CountedBy.CLOSED))
    qtbot.waitUntil(
        lambda: panel.report is not None and panel.report.counted_by is CountedBy.CLOSED and not panel.busy,
        timeout=10_000,
    )
    assert panel.model.index(0, 0).data() == won and panel.model.index(0, 1).data() == "1"
    assert str(msg("report.counted_by.closed")) in panel.status.text()
    window.open_report("sales_by_manager")
    report = _wait_report(qtbot, panel, "sales_by_manager")
    assert not panel._groups["counted_by"].isVisible() and report.counted_by is CountedBy.CLOSED
    assert str(msg("report.counted_by.won")) in panel.status.text()


def test_a_wide_reports_name_column_keeps_its_width_and_the_table_scrolls(qtbot: QtBot, make_window: Window) -> None:
    """Hooks has ten columns: stretched into what was left, its names column shrank to "Предлож…"."""
    window = make_window()
    window.open_report("pipeline")
    panel = window.reports_panel
    assert panel is not None
    _wait_report(qtbot, panel, "pipeline")
    table, header = panel.table, panel.table.horizontalHeader()
    assert header.sectionResizeMode(0) == header.ResizeMode.Stretch  # a narrow report: names take the rest
    money = tuple(ReportColumn(f"m{i}", f"Сумма за период {i}", ColumnKind.MONEY) for i in range(9))
    wide = Report(
        name="hooks",
        title="Доходные зацепки",
        parameters=(),
        columns=(ReportColumn("name", "Вид напоминания или менеджер"), *money),
        rows=(("Константинопольская Анастасия", *(Decimal("123456789.00"),) * 9),),
        totals=None,
    )  # type: ignore[arg-type]
    panel.model.set_report(wide)
    panel._fit_columns(wide)
    widths = [table.columnWidth(c) for c in range(panel.model.columnCount())]
    assert sum(widths) > table.viewport().width()  # wider than the window: it scrolls ...
    assert header.sectionResizeMode(0) == header.ResizeMode.Interactive
    table.resizeColumnToContents(0)
    assert widths[0] >= min(table.columnWidth(0), 260)  # ... and the names are not squeezed


def test_a_double_click_on_a_section_shows_its_okved_classes(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork]
) -> None:
    from salesdesk.domain.model import ClientFields, IndustryFields
    from salesdesk.services import clients

    software = reference.create_industry(uow(), IndustryFields(code="62.01", name="Разработка ПО")).id
    client = clients.create_client(uow(), ClientFields(name="ООО «Код»", industry_id=software)).id
    closed = date.today()
    deals.add_deal(
        uow(),
        client,
        DealFields(
            title="Внедрение", amount=Money(Decimal("300.00")), stage=DealStage.WON, opened_on=closed, closed_on=closed
        ),
    )
    window = make_window()
    window.open_report("sales_by_industry")
    panel = window.reports_panel
    assert panel is not None
    _wait_report(qtbot, panel, "sales_by_industry")
    section = panel.params.section
    assert panel.params.groups["section"].isVisible() and section.currentData() == ""
    [row] = [r for r in range(panel.model.rowCount()) if str(panel.model.index(r, 0).data()).startswith("J — ")]
    panel.table.doubleClicked.emit(panel.model.index(row, 1))
    assert section.currentData() == "J"
    qtbot.waitUntil(
        lambda: not panel.busy and panel.report is not None and panel.report.rows[0][0] == "62.01 — Разработка ПО",
        timeout=10_000,
    )
    panel.table.doubleClicked.emit(panel.model.index(0, 0))  # a class: nothing deeper
    assert section.currentData() == "J"
