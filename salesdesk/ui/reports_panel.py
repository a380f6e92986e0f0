"""The Reports tab: pick a report on the left, set its parameters, read the chart and the table,
save it as an Excel workbook with a native chart.

Every report is computed by the database on a worker thread (``services.reports``); the panel only
shows the ``Report`` value it gets back, the same value the command line prints and the workbook
holds, so the three faces can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain import okved
from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import UserError
from salesdesk.domain.hooks import MAX_HOOK_DAYS
from salesdesk.domain.model import Industry, Manager
from salesdesk.domain.numbers import count_text
from salesdesk.domain.reports import ChartKind, ColumnKind, CountedBy, Period, Report, ReportParameters
from salesdesk.services import reports
from salesdesk.services.common import UowFactory
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.settings import dialog_start, remember_dialog_folder
from salesdesk.ui.widgets import MUTED, NoticeBar, refill_combo, scaled_font
from salesdesk.ui.workers import Latest, Runner

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_DELAY_MS = 250  # parameters settle (a date typed digit by digit) before the report runs
MAX_TIME_CATEGORIES = 60  # months, quarters, years: five years by month still read as a trend
MAX_RANKED_CATEGORIES = 12  # managers, industries, clients: the largest, as the table is sorted; all in the table
HORIZONTAL_AFTER = 6  # more ranked bars than this lie on their side, so that long names can be read
LABEL_CHARACTERS = 30  # a longer category name is shortened on the chart (the table has it in full)
FIRST_COLUMN_WIDEST = 260  # px: a name column of a wide report is not squeezed below what it shows


# The table ----------------------------------------------------------------------------------------


FIRST_COLUMN_WIDEST = 260  # px: a name column of a wide report is not squeezed below what it shows


class ReportTableModel(QAbstractTableModel):
    """A report's rows as a table; the totals row (if any) stays last whatever the sort."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self._rows: list[tuple[Any, ...]] = []
        self._locale = QLocale()

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.report = report
        self._rows = list(report.rows) if report is not None else []
        self.endResetModel()

    def _has_totals(self) -> bool:
        return self.report is not None and self.report.totals is not None and bool(self._rows)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() or self.report is None:
            return 0
        return len(self._rows) + (1 if self._has_totals() else 0)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self.report is None else len(self.report.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.report is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.report.columns):
            return None
        column = self.report.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is not ColumnKind.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _cell(self, row: int, column: int) -> Any:
        assert self.report is not None
        if row < len(self._rows):
            return self._rows[row][column]
        assert self.report.totals is not None
        return self.report.totals[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        column = self.report.columns[index.column()]
        value = self._cell(index.row(), index.column())
        totals = index.row() >= len(self._rows)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(value, column.kind)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column.kind is ColumnKind.TEXT and value:
            if column.key == "missing":  # "ИНН (12), Телефон (8), …": the whole list, one field a line
                return str(value).replace("), ", ")\n")
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is not ColumnKind.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and totals:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def text(self, value: Any, kind: ColumnKind) -> str:
        """A cell as the user's locale writes it: 1 250 000,50; 45,3 %; 29.11.2026."""
        if value is None or value == "":
            return "—" if kind is not ColumnKind.TEXT else ""
        if kind is ColumnKind.MONEY:
            return self._locale.toString(float(value), "f", 2)
        if kind is ColumnKind.PERCENT:
            return self._locale.toString(float(value), "f", 1) + " %"
        if kind is ColumnKind.INTEGER and isinstance(value, int | Decimal | float):
            return self._locale.toString(int(value))
        if kind is ColumnKind.DATE and isinstance(value, date):
            return self._locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.report is None or not 0 <= column < len(self.report.columns):
            return
        self.layoutAboutToBeChanged.emit()
        # empty cells last either way; text compared case-blind
        present = [r for r in self._rows if r[column] is not None and r[column] != ""]
        empty = [r for r in self._rows if r[column] is None or r[column] == ""]

        def key(row: tuple[Any, ...]) -> Any:
            value = row[column]
            return value.casefold() if isinstance(value, str) else value

        present.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = present + empty
        self.layoutChanged.emit()


# The chart ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scale:
    divisor: float
    suffix: str  # e.g. "тыс." / "thousand"


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float | Decimal) else 0.0


def build_chart(report: Report, scales: tuple[_Scale, _Scale, _Scale]) -> QChart | None:
    """A Qt chart of the report's ChartSpec; None when the report has no chart or nothing to draw."""
    spec = report.chart
    if spec is None or spec.kind is ChartKind.NONE or not report.rows:
        return None
    chart = QChart()
    chart.setTitle(spec.title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    category = report.column(spec.category)
    over_time = spec.over_time
    rows = report.rows[: MAX_TIME_CATEGORIES if over_time else MAX_RANKED_CATEGORIES]
    categories = [_label(row[category]) for row in rows]
    series_columns = [report.column(key) for key in spec.series]
    if spec.kind is ChartKind.PIE:
        pie = QPieSeries()
        values = [_number(row[series_columns[0]]) for row in rows]
        whole = sum(values) or 1.0
        for label, value in zip(categories, values, strict=True):
            if value > 0:
                part = pie.append(f"{label} — {100 * value / whole:.0f} %", value)
                part.setLabelVisible(value / whole >= 0.04)  # tiny slices keep their label in the legend only
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart
    largest = max((abs(_number(row[c])) for row in rows for c in series_columns), default=0.0)
    money = all(report.columns[c].kind is ColumnKind.MONEY for c in series_columns)
    scale = scales[0]
    if money and largest >= 10_000_000:
        scale = scales[2]
    elif money and largest >= 10_000:
        scale = scales[1]
    lying = spec.kind is ChartKind.BAR and not over_time and len(rows) > HORIZONTAL_AFTER
    if lying:  # the first (largest) row on top
        rows, categories = rows[::-1], categories[::-1]
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    axis_x.setTruncateLabels(False)  # names are shortened above, to the same length everywhere
    if not lying and len(categories) > 12:
        axis_x.setLabelsAngle(-60)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.0f" if largest / scale.divisor >= 10 or largest == 0 else "%.1f")
    if scale.suffix:
        axis_y.setTitleText(scale.suffix)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignLeft if lying else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignBottom if lying else Qt.AlignmentFlag.AlignLeft)
    attached: list[QAbstractAxis] = [axis_x, axis_y]
    if spec.kind is ChartKind.LINE:
        for c in series_columns:
            line = QLineSeries()
            line.setName(report.columns[c].title)
            for x, row in enumerate(rows):
                line.append(x, _number(row[c]) / scale.divisor)
            chart.addSeries(line)
            for axis in attached:
                line.attachAxis(axis)
    else:
        bars = QHorizontalBarSeries() if lying else QBarSeries()
        for c in series_columns:
            bar_set = QBarSet(report.columns[c].title)
            bar_set.append([_number(row[c]) / scale.divisor for row in rows])
            bars.append(bar_set)
        chart.addSeries(bars)
        for axis in attached:
            bars.attachAxis(axis)
    axis_y.setMin(min(0.0, axis_y.min()))
    axis_y.applyNiceNumbers()
    chart.legend().setVisible(len(series_columns) > 1)
    if len(rows) < len(report.rows):
        chart.setTitle(f"{spec.title} · {shown_of(len(rows), len(report.rows))}")
    return chart


def _label(value: Any) -> str:
    text = str(value) if value not in (None, "") else "—"
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1].rstrip() + "…"


def shown_of(shown: int, total: int) -> str:
    return (
        QCoreApplication.translate("ReportsPanel", "the first %1 of %2; all are in the table")
        .replace("%1", count_text(shown))
        .replace("%2", count_text(total))
    )


# The parameters -----------------------------------------------------------------------------------


class Preset(Enum):
    LAST_12_MONTHS = "last_12_months"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CUSTOM = "custom"


def _months_back(day: date, months: int) -> date:
    """The first day of the month *months* before *day*'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def preset_range(preset: Preset, today: date) -> tuple[date, date] | None:
    """The dates a preset means, both days included; None for a custom period."""
    month_start = today.replace(day=1)
    quarter_start = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    if preset is Preset.LAST_12_MONTHS:
        return _months_back(today, 11), today
    if preset is Preset.THIS_MONTH:
        return month_start, today
    if preset is Preset.LAST_MONTH:
        return _months_back(today, 1), month_start - timedelta(days=1)
    if preset is Preset.THIS_QUARTER:
        return quarter_start, today
    if preset is Preset.LAST_QUARTER:
        return _months_back(quarter_start, 3), quarter_start - timedelta(days=1)
    if preset is Preset.THIS_YEAR:
        return date(today.year, 1, 1), today
    if preset is Preset.LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(edit: QDateEdit) -> date:
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())


def file_name_for(report: Report, today: date) -> str:
    """A file name a person recognises: the report's title and the day, nothing a file system refuses."""
    title = re.sub(r'[\\/:*?"<>|«»]+', "", report.title).strip(" .") or report.name
    return f"{title} {today:%Y-%m-%d}.xlsx"


class ReportParameterBar(QWidget):
    """The parameters a report reads, in one row; each report shows only those it uses. A preset
    ("last 12 months", "this quarter") sets both dates; a date typed makes the preset "Dates I choose"."""

    changed = Signal()  # a parameter changed: the panel computes again once they settle

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting_dates = False
        self.preset = QComboBox()
        for preset, text in (
            (Preset.LAST_12_MONTHS, self.tr("Last 12 months")),
            (Preset.THIS_MONTH, self.tr("This month")),
            (Preset.LAST_MONTH, self.tr("Last month")),
            (Preset.THIS_QUARTER, self.tr("This quarter")),
            (Preset.LAST_QUARTER, self.tr("Last quarter")),
            (Preset.THIS_YEAR, self.tr("This year")),
            (Preset.LAST_YEAR, self.tr("Last year")),
            (Preset.CUSTOM, self.tr("Dates I choose")),
        ):
            self.preset.addItem(text, preset)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.period = QComboBox()
        for period, text in (
            (Period.MONTH, self.tr("by month")),
            (Period.QUARTER, self.tr("by quarter")),
            (Period.YEAR, self.tr("by year")),
        ):
            self.period.addItem(text, period)
        self.counted_by = QComboBox()
        self.counted_by.setObjectName("CountedBy")
        self.counted_by.addItem(self.tr("date opened"), CountedBy.OPENED)
        self.counted_by.addItem(self.tr("date closed"), CountedBy.CLOSED)
        self.counted_by.setToolTip(
            self.tr("Sales reports count won deals by the date closed; count by it here to get the same numbers")
        )
        self.manager = QComboBox()
        self.manager.addItem(self.tr("All managers"), None)
        self.manager.setMinimumContentsLength(14)
        # Sales by industry: the sections, or the OKVED classes of one of them (a double-click on a
        # section's row chooses it too)
        self.section = QComboBox()
        self.section.setObjectName("Section")
        self.section.addItem(self.tr("All sections"), "")
        for letter, name in okved.SECTIONS:
            self.section.addItem(f"{letter} — {name}", letter)
        self.section.setMinimumContentsLength(16)
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.view().setMinimumWidth(420)
        self.days = QSpinBox()
        self.days.setRange(1, reports.MAX_DAYS)
        self.days.setValue(ReportParameters().days)
        self._on_days_value_changed(self.days.value())
        self.days.valueChanged.connect(self._on_days_value_changed)
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setValue(ReportParameters().threshold)
        self.threshold.setSuffix(" %")
        # Hooks (issue 16): what counts as "followed by" an interaction and by a won deal
        self.interaction_days = QSpinBox()
        self.interaction_days.setObjectName("InteractionDays")
        self.interaction_days.setRange(0, MAX_HOOK_DAYS)
        self.interaction_days.setValue(ReportParameters().interaction_days)
        self.deal_days = QSpinBox()
        self.deal_days.setObjectName("DealDays")
        self.deal_days.setRange(0, MAX_HOOK_DAYS)
        self.deal_days.setValue(ReportParameters().deal_days)
        for spin in (self.interaction_days, self.deal_days):
            spin.setSuffix(" " + self.tr("d.", "days, short"))

        self.groups: dict[str, QWidget] = {}
        self.row = params = QHBoxLayout(self)
        params.setContentsMargins(0, 0, 0, 0)
        for key, label, widgets in (
            ("date_from", self.tr("Period:"), (self.preset, self.date_from, QLabel("—"), self.date_to)),
            ("period", "", (self.period,)),
            ("counted_by", self.tr("Count deals by"), (self.counted_by,)),
            ("manager_id", self.tr("Manager:"), (self.manager,)),
            ("section", self.tr("Section:"), (self.section,)),
            ("days", self.tr("No contact for more than"), (self.days,)),
            ("threshold", self.tr("Cards filled below"), (self.threshold,)),
            ("interaction_days", self.tr("Interaction in"), (self.interaction_days,)),
            ("deal_days", self.tr("Won deal in"), (self.deal_days,)),
        ):
            group = QWidget()
            row = QHBoxLayout(group)
            row.setContentsMargins(0, 0, 8, 0)
            if label:
                row.addWidget(QLabel(label))
            for widget in widgets:
                row.addWidget(widget)
            self.groups[key] = group
            params.addWidget(group)
        params.addStretch(1)
        self._apply_preset(Preset.LAST_12_MONTHS)
        self.preset.currentIndexChanged.connect(self._on_preset_current_index_changed)
        for combo in (self.period, self.counted_by, self.manager, self.section):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.days, self.threshold, self.interaction_days, self.deal_days):
            spin.valueChanged.connect(self.changed)

    def show_for(self, uses: Iterable[str]) -> None:
        """Only the parameters the chosen report reads are shown."""
        wanted = set(uses)
        for key, group in self.groups.items():
            group.setVisible(key in wanted)

    def set_managers(self, managers: list[Manager]) -> bool:
        """False when the manager chosen is no longer there (the choice went back to all)."""
        return refill_combo(self.manager, self.tr("All managers"), [(m.name, m.id) for m in managers])

    def parameters(self, *, chooses_date: bool) -> ReportParameters:
        """What is chosen; the date deals are counted by only for a report that asks (*chooses_date*)."""
        return ReportParameters(
            date_from=_date(self.date_from),
            date_to=_date(self.date_to),
            period=Period(self.period.currentData()),
            manager_id=self.manager.currentData(),
            counted_by=CountedBy(self.counted_by.currentData()) if chooses_date else None,
            days=self.days.value(),
            threshold=self.threshold.value(),
            interaction_days=self.interaction_days.value(),
            deal_days=self.deal_days.value(),
            section=self.section.currentData() or "",
        )

    def _apply_preset(self, preset: Preset) -> None:
        span = preset_range(preset, date.today())
        if span is None:
            return
        self._setting_dates = True
        self.date_from.setDate(_qdate(span[0]))
        self.date_to.setDate(_qdate(span[1]))
        self._setting_dates = False

    @Slot(int)
    def _on_days_value_changed(self, value: int) -> None:
        self.days.setSuffix(" " + self.tr("day(s)", "", value))

    @Slot(int)
    def _on_preset_current_index_changed(self, _index: int) -> None:
        self._apply_preset(Preset(self.preset.currentData()))
        self.changed.emit()

    @Slot(QDate)
    def _on_date_edit_date_changed(self, _date: QDate) -> None:
        if not self._setting_dates:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM))
            self.preset.blockSignals(False)
        self.changed.emit()


class ReportsPanel(QWidget):
    """The Reports tab. It subscribes to the change bus itself: a change to clients, deals, reminders
    or the reference lists computes the report shown again — at once if the tab is shown, else when
    it is shown next."""

    def __init__(
        self, uow: UowFactory, runner: Runner, parent: QWidget | None = None, *, operations: Operations | None = None
    ) -> None:
        super().__init__(parent)
        self.notice = NoticeBar()
        self.ops = operations_for(self, self._show_error, operations, uow, runner)
        self._uow = self.ops.uow
        self._latest = Latest(runner)
        self._stale = False  # the base changed while the tab was hidden: compute again when shown
        self._plans_seen = False  # Plan and fact was shown once (its first period is this month)
        self.ops.bus.changed.connect(self._on_changes)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.report: Report | None = None
        self.busy = False  # a computation is on its way (tests and screenshots wait for it)
        self._scales = self.scales()

        self.list = QListWidget()
        self.list.setObjectName("ReportList")
        self.list.setMinimumWidth(200)
        self.list.setMaximumWidth(280)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        for name, title in reports.list_reports():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)

        self.title = QLabel()
        scaled_font(self.title, 1.3, bold=True)
        self.title.setWordWrap(True)

        # parameters: each report shows only those it reads
        self.params = params_bar = ReportParameterBar()
        # its widgets, by the names the rest of the panel (and its tests) use
        self.preset, self.date_from, self.date_to = params_bar.preset, params_bar.date_from, params_bar.date_to
        self.period, self.counted_by, self.manager = params_bar.period, params_bar.counted_by, params_bar.manager
        self.days, self.threshold, self._groups = params_bar.days, params_bar.threshold, params_bar.groups
        params = params_bar.row
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setEnabled(False)
        self.export_button.setToolTip(self.tr("Save this report as an Excel workbook with its chart and table"))
        params.addWidget(self.export_button)
        self.plans_button = QPushButton(self.tr("Sales plans…"))
        self.plans_button.setObjectName("PlansButton")
        self.plans_button.setToolTip(self.tr("Set each manager's plan by month or quarter"))
        self.plans_button.setVisible(False)
        params.insertWidget(params.count() - 1, self.plans_button)

        self.status = QLabel()
        self.status.setStyleSheet(MUTED)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(180)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(MUTED)
        self.chart_stack = QStackedWidget()
        self.chart_stack.addWidget(self.chart_view)
        self.chart_stack.addWidget(self.empty)

        self.model = ReportTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("ReportTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.chart_stack)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(params_bar)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.splitter, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)
        layout.addWidget(right, 1)

        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        params_bar.changed.connect(self._schedule)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.plans_button.clicked.connect(self._on_plans_button_clicked)

    @staticmethod
    def scales() -> tuple[_Scale, _Scale, _Scale]:
        """How money axes count: in units, thousands or millions (the axis says which)."""
        return (
            _Scale(1.0, ""),
            _Scale(1e3, QCoreApplication.translate("ReportsPanel", "thousands")),
            _Scale(1e6, QCoreApplication.translate("ReportsPanel", "millions")),
        )

    # What is chosen ---------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        """Sales by industry, all sections: a section's row opens its OKVED classes."""
        report = self.report
        if report is None or report.name != "sales_by_industry" or self.params.section.currentData():
            return
        name = str(self.model.index(index.row(), 0).data() or "")
        letter = name.split(" — ", 1)[0]
        found = self.params.section.findData(letter) if len(letter) == 1 else -1
        if found > 0:
            self.params.section.setCurrentIndex(found)  # "changed": the report runs again

    def set_reference(self, _industries: list[Industry], managers: list[Manager]) -> None:
        """The reference lists were read (``ReferenceLists.changed``): the manager choice follows."""
        self.set_managers(managers)

    def set_managers(self, managers: list[Manager]) -> None:
        if not self.params.set_managers(managers):
            self._schedule()  # the manager asked for is gone: the report is for all of them now

    def select(self, name: str) -> None:
        """Show report *name* (as the list would), computed afresh."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                if row == self.list.currentRow():
                    self.run()
                else:
                    self.list.setCurrentRow(row)
                return
        raise KeyError(name)

    def start(self) -> None:
        """The tab was opened for the first time: show the first report."""
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def parameters(self) -> ReportParameters:
        name = self.current_name()
        return self.params.parameters(chooses_date=name is not None and "counted_by" in reports.REPORTS[name].uses)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_list_current_item_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        name = str(current.data(Qt.ItemDataRole.UserRole))
        info = reports.REPORTS[name]
        self.title.setText(info.title)
        self.params.show_for(info.uses)
        self.plans_button.setVisible(name == "plan_fact")
        if name == "plan_fact" and not self._plans_seen:
            # plans are by month: the first look is at this month, not the last twelve
            self._plans_seen = True
            if self.preset.currentData() == Preset.LAST_12_MONTHS:
                self.params.blockSignals(True)
                self.preset.setCurrentIndex(self.preset.findData(Preset.THIS_MONTH))
                self.params.blockSignals(False)
        self.run()

    @Slot()
    def _schedule(self) -> None:
        if self.current_name() is not None:
            self._timer.start()

    # Running -------------------------------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        self._timer.stop()
        name = self.current_name()
        if name is None:
            return
        params = self.parameters()
        uow = self._uow
        self.busy = True
        self.status.setText(self.tr("Computing…"))
        self.export_button.setEnabled(False)
        self._stale = False
        self.ops.read_slow(
            lambda: reports.run_report(uow(), name, params),
            self._on_report_computed,
            on_error=self._on_report_failed,
            on_failure=self._clear_report,
            latest=self._latest,
        )

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        """What a report counts changed: the report shown is computed again (when the tab is seen)."""
        if not (
            changes.clients
            or changes.deals
            or changes.reminders
            or changes.reference
            or changes.whole_base
            or changes.ids("plan")
        ):
            return
        if self.isVisible() and self.current_name() is not None:
            self.run()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.current_name() is not None:
            self.run()

    def _on_report_computed(self, report: Report) -> None:
        self.busy = False
        self.report = report
        self.notice.hide()
        self.model.set_report(report)
        self._fit_columns(report)
        lines = [f"{label}: {value}" for label, value in report.parameters]
        self.status.setText(" · ".join(lines + list(report.notes)))
        self._show_chart(
            build_chart(report, self._scales),
            self.tr("Nothing to show for these parameters.")
            if not report.rows
            else self.tr("This report is a table only."),
        )
        self.export_button.setEnabled(True)

    def _show_chart(self, chart: QChart | None, otherwise: str) -> None:
        """The chart, or in its place a sentence saying why there is none."""
        old = self.chart_view.chart()
        self.chart_view.setChart(chart if chart is not None else QChart())
        if old is not None:
            old.deleteLater()  # the view does not delete a chart it no longer shows
        self.empty.setText(otherwise)
        self.chart_stack.setCurrentWidget(self.chart_view if chart is not None else self.empty)

    def _fit_columns(self, report: Report) -> None:
        """Numbers as wide as they need; the first name column takes the rest (names elide, with a tip)."""
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 16, 320))
        first_text = next((i for i, c in enumerate(report.columns) if c.kind is ColumnKind.TEXT), None)
        if first_text is None:
            return
        others = sum(self.table.columnWidth(c) for c in range(self.model.columnCount()) if c != first_text)
        wanted = min(self.table.columnWidth(first_text), FIRST_COLUMN_WIDEST)
        if others + wanted <= self.table.viewport().width():
            header.setSectionResizeMode(first_text, QHeaderView.ResizeMode.Stretch)  # it takes the rest
        else:  # a wide report (Hooks: ten columns): the names keep their width and the table scrolls
            self.table.setColumnWidth(first_text, wanted)

    def _clear_report(self) -> None:
        """The report could not be computed (a UserError or a bug): nothing stale stays shown."""
        self.busy = False
        self.report = None  # what was shown is not what the parameters now say
        self.model.set_report(None)
        self.status.setText("")
        self._show_chart(None, self.tr("The report could not be computed; details are in the log."))

    def _on_report_failed(self, exc: UserError) -> bool:
        self._show_chart(None, str(exc))  # in the chart's place, where the user looks
        return True

    def _show_error(self, text: str) -> None:
        self.notice.show_message(text, kind="error")

    # Plans ---------------------------------------------------------------------------------------

    @Slot()
    def _on_plans_button_clicked(self) -> None:
        """The plan dialog; what it saves reaches this report through the change bus."""
        from salesdesk.ui.plans_dialog import PlansDialog

        PlansDialog.ask(self, self.ops, current_year=date.today().year)

    # Export -------------------------------------------------------------------------------------

    @Slot()
    def _on_export_button_clicked(self) -> None:
        report = self.report
        if report is None:
            return
        path = self.ask_path(report)
        if path is None:
            return
        from salesdesk.services.exporting import check_target

        uow = self._uow
        # the open base, a database, a device, a read-only file: said at once, nothing started
        if not self.ops.read(lambda: check_target(path, uow(), field="output"), lambda _ok: None):
            return
        self.export_button.setEnabled(False)
        self.notice.show_message(self.tr("Saving %1…").replace("%1", path.name))
        self.ops.run_slow(
            lambda: reports.export_report(report, path, uow()),
            self._on_report_exported,
            on_failure=self._on_export_failed,
        )

    def ask_path(self, report: Report) -> Path | None:
        """Where to save; a dialog that tests replace."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the report"),
            dialog_start("reports", file_name_for(report, date.today())),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return None
        remember_dialog_folder("reports", chosen)
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def _on_report_exported(self, path: Path) -> None:
        self.export_button.setEnabled(self.report is not None)
        self.notice.show_message(
            self.tr("The report is saved to %1.").replace("%1", path.name),
            kind="success",
            action=self.tr("Open"),
            callback=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            timeout_ms=30_000,
        )

    def _on_export_failed(self) -> None:
        """Before the error is shown in the notice bar (a UserError) or the crash dialog (a bug)."""
        self.export_button.setEnabled(self.report is not None)
        self.notice.hide()
