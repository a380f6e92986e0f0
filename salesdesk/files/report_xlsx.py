"""A report as an Excel workbook: title, parameters, a formatted table and a native chart.

The chart is a real Excel chart (openpyxl ``BarChart``/``LineChart``/``PieChart``) whose series
point at the table's cells, so a person can restyle it, and it follows if they correct a number.
That needs an ordinary (not write-only) workbook; reports are a few hundred rows at most, so
memory is no concern here.

Layout of the one sheet, top to bottom: the title; the parameters as label/value pairs; a blank
row; the table (bold header with a fill, frozen, with an autofilter; money, percentages and
dates as numbers with formats); the totals row in bold; the notes. The chart stands to the right
of the table, level with its header.

User text (client, manager and source names) is always written as a text cell, never as a
formula, even when it begins with "=" (docs/spreadsheets.md).
"""

from __future__ import annotations

import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from salesdesk.domain.messages import msg
from salesdesk.domain.reports import Cell, ChartKind, ColumnKind, Report, ReportColumn
from salesdesk.files.writing import print_setup, save_workbook, sheet_title

MONEY_FORMAT = "#,##0.00"
INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"  # cells hold fractions (12.5 % is 0.125), so Excel's own percent arithmetic works
DATE_FORMAT = "DD.MM.YYYY"
MAX_CHART_CATEGORIES = 30  # more ranked bars than this cannot be read; the table comes sorted by importance
MAX_TIME_CATEGORIES = 120  # months, quarters, years: all of them (ten years by month), in order
HORIZONTAL_AFTER = 12  # ranked bar charts with more categories than this lie on their side
TURN_AFTER = 24  # a time axis with more categories than this has its labels read upwards
LABEL_POINTS = 9  # axis labels and titles
LYING_WIDTH_CM = 26.0
LYING_LABELS_SHARE = 0.4  # of a horizontal bar chart's width, for the names (and the axis title)
LYING_LABEL_CHARACTERS = 40  # where a 9 pt name wraps in that share
LYING_BOTTOM_CM = 1.8  # the value axis labels and title below the bars
MAX_CHART_CM = 34.0  # wider than this, labels of a standing chart read upwards
PLOT_MARGIN_CM = 3.5  # the value axis, its title and the chart's border
LINE_CM = 0.4  # one line of a 9 pt label
CHARACTERS_PER_CM = 5.0  # of a 9 pt label
HEADER_FILL = "E8EEF7"
_FORMATS = {
    ColumnKind.MONEY: MONEY_FORMAT,
    ColumnKind.INTEGER: INTEGER_FORMAT,
    ColumnKind.PERCENT: PERCENT_FORMAT,
    ColumnKind.DATE: DATE_FORMAT,
}
_AXIS_FORMATS = {ColumnKind.MONEY: "#,##0", ColumnKind.INTEGER: "#,##0", ColumnKind.PERCENT: "0%"}


def write_report(report: Report, path: Path) -> Path:
    """Write *report* to *path* (.xlsx), replacing it atomically; ``FileProblem`` if that fails."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(report.title, "Report")
    book.properties.title = report.title
    _ReportSheet(sheet, report).write()
    save_workbook(book, path)
    return path


class _ReportSheet:
    """Where each part of one report goes on its sheet, and the writing of it."""

    def __init__(self, sheet: Any, report: Report) -> None:
        self.sheet = sheet
        self.report = report
        self.width = max(1, len(report.columns))
        self.header_row = 1 + len(report.parameters) + 2  # title, parameters, a blank row
        self.first_row = self.header_row + 1
        # An empty table keeps one blank row, so that the chart's ranges still name real cells.
        self.last_row = self.header_row + max(1, len(report.rows))
        self.totals_row = self.last_row + 1 if report.totals is not None else None

    def write(self) -> None:
        from openpyxl.styles import Font

        ws = self.sheet
        title = ws.cell(row=1, column=1)
        _put_text(title, self.report.title)
        title.font = Font(bold=True, size=14)
        for offset, (label, value) in enumerate(self.report.parameters):
            label_cell = ws.cell(row=2 + offset, column=1)
            _put_text(label_cell, label)
            label_cell.font = Font(bold=True)
            _put_text(ws.cell(row=2 + offset, column=2), value)
        self._table()
        notes = list(self.report.notes)
        chart_rows = self._chart()
        if chart_rows is not None:
            notes.append(str(msg("report.note.chart_rows", count=chart_rows)))
        notes_row = (self.totals_row or self.last_row) + 2
        for offset, note in enumerate(notes):
            cell = ws.cell(row=notes_row + offset, column=1)
            _put_text(cell, note)
            cell.font = Font(italic=True)
        self._page_setup()

    def _table(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter

        ws, columns = self.sheet, self.report.columns
        bold = Font(bold=True)
        fill = PatternFill("solid", fgColor=HEADER_FILL)
        thin = Side(style="thin", color="808080")
        for index, column in enumerate(columns, start=1):
            cell = ws.cell(row=self.header_row, column=index)
            _put_text(cell, column.title)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            cell.border = Border(bottom=thin)
        # Text after a column of right-aligned numbers would touch them: indent it a little.
        indent = Alignment(indent=1)
        for offset, row in enumerate(self.report.rows):
            for index, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
                cell = ws.cell(row=self.first_row + offset, column=index)
                _put(cell, column, value)
                if index > 1 and column.kind is ColumnKind.TEXT:
                    cell.alignment = indent
        if self.totals_row is not None and self.report.totals is not None:
            for index, (column, value) in enumerate(zip(columns, self.report.totals, strict=True), start=1):
                cell = ws.cell(row=self.totals_row, column=index)
                _put(cell, column, value)
                cell.font = bold
                cell.border = Border(top=thin)
        last_letter = get_column_letter(self.width)
        ws.freeze_panes = ws.cell(row=self.first_row, column=1).coordinate
        ws.auto_filter.ref = f"A{self.header_row}:{last_letter}{self.last_row}"
        lines = 1
        for index, column in enumerate(columns, start=1):
            width = self._column_width(index, column)
            ws.column_dimensions[get_column_letter(index)].width = width
            lines = max(lines, len(textwrap.wrap(column.title, max(1, int(width) - 2))))
        # Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
        ws.row_dimensions[self.header_row].height = 15.0 * lines + 2

    def _column_width(self, index: int, column: ReportColumn) -> float:
        values = [row[index - 1] for row in self.report.rows]
        if self.report.totals is not None:
            values.append(self.report.totals[index - 1])
        longest = max((len(_shown(column.kind, v)) for v in values), default=0)
        # The header wraps, so it needs about half its length; the first column also holds the
        # parameter labels.
        longest_word = max((len(word) for word in column.title.split()), default=0)
        wanted = max(longest + 2, longest_word + 3, min(len(column.title), 24) // 2 + 4, 10)
        if index == 1:
            wanted = max(wanted, *(len(label) + 2 for label, _ in self.report.parameters), 0)
        return float(min(wanted, 60))

    def _chart(self) -> int | None:
        """Add the chart; the number of rows it shows if it had to leave some out."""
        from openpyxl.chart import BarChart, LineChart, PieChart, Reference, Series

        spec = self.report.chart
        if spec is None or spec.kind is ChartKind.NONE or not spec.series:
            return None
        keys = [c.key for c in self.report.columns]
        category = keys.index(spec.category) + 1
        series_columns = [keys.index(key) + 1 for key in spec.series]
        if spec.kind is ChartKind.PIE:
            series_columns = series_columns[:1]
        shown = min(len(self.report.rows), MAX_TIME_CATEGORIES if spec.over_time else MAX_CHART_CATEGORIES)
        last = self.first_row + max(shown, 1) - 1
        chart: Any
        if spec.kind is ChartKind.PIE:
            chart = PieChart()
        elif spec.kind is ChartKind.LINE:
            chart = LineChart()
        else:
            chart = BarChart()
            chart.type = "col"
            chart.grouping = "clustered"
        for column in series_columns:
            values = Reference(self.sheet, min_col=column, min_row=self.header_row, max_row=last)
            chart.series.append(Series(values, title_from_data=True))
        categories = Reference(self.sheet, min_col=category, min_row=self.first_row, max_row=last)
        _set_categories(chart, categories, text=self.report.columns[category - 1].kind is not ColumnKind.DATE)
        chart.title = spec.title or self.report.title
        chart.title.overlay = False  # above the plot, never on it
        if len(series_columns) == 1 and spec.kind is not ChartKind.PIE:
            chart.legend = None
        elif chart.legend is not None:
            chart.legend.position = "b"
            chart.legend.overlay = False
        labels = [_category_text(row[category - 1]) for row in self.report.rows[:shown]]
        lying = spec.kind is ChartKind.BAR and shown > HORIZONTAL_AFTER and not spec.over_time
        if lying:
            # Many long names: horizontal bars, first row on top, so the names stay readable.
            chart.type = "bar"
            chart.x_axis.scaling.orientation = "maxMin"
        if spec.kind is not ChartKind.PIE:
            self._axes(chart, category, series_columns, lying=lying, turned=_turned(labels, lying))
        if spec.kind is ChartKind.PIE:  # no axis: the slices' names are in the legend
            chart.width, chart.height = 16.0, 9.0
        else:
            chart.width, chart.height = _chart_size(labels, lying=lying, legend=chart.legend is not None)
        if lying:
            chart.layout = _lying_layout(labels, chart.legend is not None)  # openpyxl puts it on the plot area
        anchor = self.sheet.cell(row=self.header_row, column=self.width + 2).coordinate
        self.sheet.add_chart(chart, anchor)
        return shown if len(self.report.rows) > shown else None

    def _axes(self, chart: Any, category: int, series_columns: list[int], *, lying: bool, turned: bool) -> None:
        """Axis titles, number formats and labels that LibreOffice Calc and Excel both draw in full.

        LibreOffice hides every other category label that would touch its neighbour unless the
        labels' text rotation is given explicitly as 0 (then it wraps them instead), and it ignores
        ``tickLblSkip``; Excel thins labels unless ``tickLblSkip`` is 1. Both are written. Large
        money is counted in thousands or millions (the axis title says which), so that the value
        labels stay short enough not to be cut at the chart's edge.
        """
        from openpyxl.chart.axis import ChartLines

        columns = self.report.columns
        value_columns = [columns[i - 1] for i in series_columns]
        kinds = {c.kind for c in value_columns}
        if len(value_columns) == 1 or ColumnKind.MONEY in kinds:
            value_title = value_columns[0].title
        elif kinds == {ColumnKind.PERCENT}:
            value_title = str(msg("report.axis.percent"))
        else:
            value_title = str(msg("report.axis.count"))
        number_format = _AXIS_FORMATS.get(value_columns[0].kind, "General")
        if value_columns[0].kind is ColumnKind.MONEY:
            largest = max(
                (
                    abs(float(v))
                    for row in self.report.rows
                    for i in series_columns
                    if isinstance(v := row[i - 1], int | float | Decimal)
                ),
                default=0.0,
            )
            for limit, scaled_format, key in (
                (100_000_000, "#,##0,,", "report.axis.millions"),
                (100_000, "#,##0,", "report.axis.thousands"),
            ):
                if largest >= limit:
                    number_format = scaled_format  # each trailing comma divides by a thousand
                    value_title = str(msg(key, title=value_title))
                    break
        x, y = chart.x_axis, chart.y_axis
        # Names beside horizontal bars need no heading (the chart's title says what they are), and
        # LibreOffice would wrap them into the heading's place.
        x.title = None if lying else columns[category - 1].title
        y.title = value_title
        for axis in (x, y):
            if axis.title is not None:
                axis.title.overlay = False  # beside the labels, never over them
                axis.title.tx.rich.p[0].pPr.defRPr = _font(LABEL_POINTS)
            # openpyxl 3.1 marks axes as deleted unless told otherwise; Excel then draws none.
            axis.delete = False
            axis.tickLblPos = "nextTo"
        x.axPos, y.axPos = ("l", "b") if lying else ("b", "l")
        if lying:
            y.crosses = "max"  # the first row is on top, so the value axis goes below the last
        x.tickLblSkip = 1  # every category is labelled
        x.tickMarkSkip = 1
        x.noMultiLvlLbl = True
        x.txPr = _label_text(-90 if turned else 0)
        y.txPr = _label_text(None)
        y.numFmt = number_format
        y.majorGridlines = ChartLines()

    def _page_setup(self) -> None:
        print_setup(self.sheet, self.report.title, header_rows=(self.header_row, self.header_row))


def _set_categories(chart: Any, categories: Any, *, text: bool) -> None:
    """Categories from the table's cells; names as a string reference, as Excel writes them
    (openpyxl writes a number reference, which spreadsheets read as numbers first)."""
    from openpyxl.chart.data_source import AxDataSource, NumRef, StrRef

    for series in chart.series:
        series.cat = (
            AxDataSource(strRef=StrRef(f=str(categories))) if text else AxDataSource(numRef=NumRef(f=str(categories)))
        )


def _category_text(value: Cell) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return "00.00.0000"
    return str(value)


def _turned(labels: list[str], lying: bool) -> bool:
    """Labels that would not fit side by side even wrapped at their spaces read upwards instead,
    one per category, rather than being thinned out or broken inside a word."""
    if lying or not labels:
        return False
    return PLOT_MARGIN_CM + len(labels) * _category_cm(labels) > MAX_CHART_CM


def _category_cm(labels: list[str]) -> float:
    """The width one category needs: its longest word (labels wrap only between words)."""
    longest_word = max((len(word) for label in labels for word in label.split()), default=1)
    return max(1.2, 0.2 * longest_word + 0.4)


def _chart_size(labels: list[str], *, lying: bool, legend: bool) -> tuple[float, float]:
    """Width and height in cm that give every category label room, wrapped as the spreadsheet wraps it."""
    count = max(len(labels), 1)
    extra = 1.0 if legend else 0.0
    if lying:
        return LYING_WIDTH_CM, _lying_top_cm(legend) + _lying_plot_cm(labels) + LYING_BOTTOM_CM
    if _turned(labels, lying):
        longest = max(len(label) for label in labels)
        return max(16.0, PLOT_MARGIN_CM + 0.45 * count), 9.0 + extra + 0.2 * longest
    width = min(MAX_CHART_CM, max(16.0, PLOT_MARGIN_CM + count * _category_cm(labels)))
    # Each category gets an equal part of the plot's width; its label wraps to fit.
    characters = max(4, int((width - PLOT_MARGIN_CM) / count * CHARACTERS_PER_CM))
    lines = max((len(textwrap.wrap(label, characters)) or 1 for label in labels), default=1)
    return width, 9.0 + extra + LINE_CM * (lines - 1)


def _lying_plot_cm(labels: list[str]) -> float:
    """The height of horizontal bars whose names, wrapped to the space left of them, all fit."""
    lines = max((len(textwrap.wrap(label, LYING_LABEL_CHARACTERS)) or 1 for label in labels), default=1)
    return max(len(labels), 1) * (LINE_CM * lines + 0.1)


def _lying_top_cm(legend: bool) -> float:
    return 2.2 + (1.0 if legend else 0.0)  # the chart's title


def _lying_layout(labels: list[str], legend: bool) -> Any:
    """Where the plot of horizontal bars stands: its left part is kept for the names. A fixed plot
    area is also what makes LibreOffice wrap long names into that part instead of letting them
    push the plot (and the axis title) aside."""
    from openpyxl.chart.layout import Layout, ManualLayout

    top, plot = _lying_top_cm(legend), _lying_plot_cm(labels)
    height = top + plot + LYING_BOTTOM_CM
    return Layout(
        manualLayout=ManualLayout(
            layoutTarget="inner",
            xMode="edge",
            yMode="edge",
            x=LYING_LABELS_SHARE,
            y=top / height,
            w=1 - LYING_LABELS_SHARE - 0.04,
            h=plot / height,
        )
    )


def _font(points: int, *, bold: bool = False) -> Any:
    from openpyxl.drawing.text import CharacterProperties

    return CharacterProperties(sz=points * 100, b=bold)


def _label_text(rotation: int | None) -> Any:
    """Text properties of axis labels: the size, and an explicit rotation (degrees) if given."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import Paragraph, ParagraphProperties, RichTextProperties

    body = RichTextProperties() if rotation is None else RichTextProperties(rot=rotation * 60_000, vert="horz")
    # No text run: openpyxl adds an empty one unless given a list, and the labels have no text of their own.
    return RichText(
        bodyPr=body,
        p=[Paragraph(pPr=ParagraphProperties(defRPr=_font(LABEL_POINTS)), r=[], endParaRPr=_font(LABEL_POINTS))],
    )


def _put(cell: Any, column: ReportColumn, value: Cell) -> None:
    if value is None:
        return
    if isinstance(value, str):
        _put_text(cell, value)
        return
    if column.kind is ColumnKind.PERCENT and isinstance(value, Decimal | int | float):
        cell.value = Decimal(value) / 100 if not isinstance(value, float) else value / 100
    else:
        cell.value = value
    number_format = _FORMATS.get(column.kind)
    if number_format is not None:
        cell.number_format = number_format


def _put_text(cell: Any, text: str) -> None:
    """Text as a text cell: never a formula, whatever it starts with."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"


def _shown(kind: ColumnKind, value: Cell) -> str:
    """About what a spreadsheet shows for *value*, to size the column."""
    if value is None:
        return ""
    if kind is ColumnKind.MONEY and isinstance(value, Decimal | int | float):
        return f"{value:,.2f}"
    if kind is ColumnKind.PERCENT:
        return f"{value}%"
    if kind is ColumnKind.DATE:
        return "00.00.0000"
    return str(value)
