"""The Calendar tab: day, week and month views of reminders, calls and meetings, contract ends and
birthdays (``services/calendar.py``), coloured by kind (the chip) and owner (its stripe), with a
legend. "My / all managers" as in the reminders panel. Dragging a reminder onto another day
reschedules it (``calendar.reschedule``: version-checked, audited, the change bus refreshes every
view); a double-click opens the client. "Export to calendar (.ics)…" writes the coming days.

The grid is painted by hand (``CalendarGrid``): the cells and chips are laid out once per data or
size change and the paint only draws the rectangles kept, so a month of a 100,000-client base draws
in a few milliseconds (benchmarks/bench_calendar.py). The data is read on a worker.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QRect, QSize, Qt, QTime, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.messages import msg
from salesdesk.domain.model import Industry, Manager
from salesdesk.services import calendar
from salesdesk.services.calendar import CalendarEvent, EventKind
from salesdesk.ui.operations import Operations
from salesdesk.ui.settings import dialog_start, remember_dialog_folder
from salesdesk.ui.widgets import NoticeBar
from salesdesk.ui.workers import Latest

KIND_COLORS = {
    EventKind.REMINDER: QColor("#d2e3fc"),
    EventKind.CALL: QColor("#ceead6"),
    EventKind.MEETING: QColor("#fde293"),
    EventKind.CONTRACT_END: QColor("#fad2cf"),
    EventKind.BIRTHDAY: QColor("#e9d2fd"),
}
OWNER_COLORS = ("#1a73e8", "#188038", "#e37400", "#a142f4", "#d93025", "#007b83", "#9e6a03", "#c5221f", "#5f6368")
NOBODY_COLOR = QColor("#9aa0a6")
SWATCH = "&nbsp;" * 4
MOST_LINES = 150  # a day or week view grows to show this many events a day; more: "+N more"


def owner_color(owner_id: int | None) -> QColor:
    """The stripe of an owner's events: the same colour for the same manager on every run."""
    if owner_id is None:
        return NOBODY_COLOR
    return QColor(OWNER_COLORS[owner_id % len(OWNER_COLORS)])  # neighbouring ids: different colours


class Span(IntEnum):
    DAY = 0
    WEEK = 1
    MONTH = 2


def span_days(span: Span, anchor: date, first_weekday: int) -> tuple[date, date]:
    """The first and last day a view of *anchor* shows (a month: whole weeks, six of them)."""
    if span is Span.DAY:
        return anchor, anchor
    if span is Span.WEEK:
        start = anchor - timedelta(days=(anchor.weekday() - first_weekday) % 7)
        return start, start + timedelta(days=6)
    first = anchor.replace(day=1)
    start = first - timedelta(days=(first.weekday() - first_weekday) % 7)
    return start, start + timedelta(days=41)


@dataclass(slots=True)
class Chip:
    rect: QRect
    event: CalendarEvent
    text: str
    shown: str  # the text elided to the chip's width (once per layout, not per paint)


@dataclass(slots=True)
class Cell:
    rect: QRect
    day: date
    more: int = 0  # events that did not fit


class CalendarGrid(QWidget):
    """The painted grid of days and their events."""

    open_client_requested = Signal(int)
    move_requested = Signal(object, object)  # CalendarEvent, date
    day_requested = Signal(object)  # date: show this day (a double-click on an empty place)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span = Span.MONTH
        self.anchor = date.today()
        self.first_weekday = 0
        self.events: dict[date, list[CalendarEvent]] = {}
        self.cells: list[Cell] = []
        self.chips: list[Chip] = []
        self._dirty = True
        self._pressed: Chip | None = None
        self._press_at = QPoint()
        self._dragging = False
        self._drop_day: date | None = None
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 300)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(900, 600)

    def show_events(self, span: Span, anchor: date, events: Sequence[CalendarEvent]) -> None:
        self.span, self.anchor = span, anchor
        by_day: dict[date, list[CalendarEvent]] = defaultdict(list)
        for event in events:
            by_day[event.day].append(event)
        self.events = dict(by_day)
        if span is Span.MONTH:
            self.setMinimumHeight(300)
        else:  # a busy day or week grows and the page scrolls, so no event is left out of sight
            most = min(max((len(items) for items in self.events.values()), default=0), MOST_LINES)
            line = QFontMetrics(self.font()).height() + 4
            self.setMinimumHeight(max(300, self._header_height() + (most + 2) * line + 4))
        self._dirty = True
        self.update()

    def days(self) -> tuple[date, date]:
        return span_days(self.span, self.anchor, self.first_weekday)

    # Layout -------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._dirty = True
        super().resizeEvent(event)

    def layout_cells(self) -> None:
        """Place the day cells and the chips that fit; paint and clicks use what is kept here."""
        self._dirty = False
        self.cells, self.chips = [], []
        first, last = self.days()
        count = (last - first).days + 1
        columns = 7 if count >= 7 else 1
        rows = max(1, count // columns)
        header = self._header_height()
        width, height = self.width(), self.height() - header
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 4
        locale = QLocale()
        for index in range(count):
            day = first + timedelta(days=index)
            row, column = divmod(index, columns)
            left = column * width // columns
            top = header + row * height // rows
            rect = QRect(left, top, (column + 1) * width // columns - left, header + (row + 1) * height // rows - top)
            cell = Cell(rect, day)
            self.cells.append(cell)
            items = self.events.get(day, [])
            y = rect.top() + line + 2
            room = (rect.bottom() - 2 - y) // line
            shown = items if len(items) <= room else items[: max(room - 1, 0)]
            for event in shown:
                chip_rect = QRect(rect.left() + 3, y, rect.width() - 6, line - 2)
                text = self._chip_text(event, locale)
                elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, chip_rect.width() - 9)
                self.chips.append(Chip(chip_rect, event, text, elided))
                y += line
            cell.more = len(items) - len(shown)

    def _header_height(self) -> int:
        return 0 if self.span is Span.DAY else QFontMetrics(self.font()).height() + 8

    def _chip_text(self, event: CalendarEvent, locale: QLocale) -> str:
        if event.kind is EventKind.BIRTHDAY:
            age = f" ({event.turns})" if event.turns is not None else ""  # no age when the year is not known
            return f"{event.title}{age} — {event.client_name}"
        if event.kind is EventKind.CONTRACT_END:
            return f"{event.title} — {event.client_name}"
        at = ""
        if event.at is not None:
            at = locale.toString(QTime(event.at.hour, event.at.minute), QLocale.FormatType.ShortFormat)
        return f"{at} {event.client_name}: {event.title}"

    # Painting -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._dirty:
            self.layout_cells()
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        locale = QLocale()
        today = date.today()
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = QColor("#5f6368")
        bold = QFont(self.font())
        bold.setBold(True)
        header = self._header_height()
        if header:
            columns = 7 if len(self.cells) >= 7 else 1
            for cell in self.cells[:columns]:
                name = locale.dayName(cell.day.isoweekday(), QLocale.FormatType.ShortFormat)
                painter.setPen(muted)
                painter.drawText(
                    QRect(cell.rect.left(), 0, cell.rect.width(), header), Qt.AlignmentFlag.AlignCenter, name
                )
        for cell in self.cells:
            rect = cell.rect
            outside = self.span is Span.MONTH and cell.day.month != self.anchor.month
            if outside:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            if cell.day == self._drop_day:
                painter.fillRect(rect, QColor("#e8f0fe"))
            painter.setPen(grid_pen)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.setFont(bold if cell.day == today else self.font())
            painter.setPen(QColor("#1a73e8") if cell.day == today else (muted if outside else text_color))
            painter.drawText(
                rect.adjusted(4, 2, -4, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                self._day_title(cell.day, locale),
            )
            if cell.more:
                painter.setPen(muted)
                painter.drawText(
                    rect.adjusted(4, 0, -4, -2),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                    self.tr("+%n more", "", cell.more),
                )
        painter.setFont(self.font())
        exposed = event.rect()
        for chip in self.chips:
            if not chip.rect.intersects(exposed):
                continue  # in a scroll area only the part in sight is painted
            faded = self._dragging and self._pressed is not None and chip.event == self._pressed.event
            painter.fillRect(
                chip.rect, KIND_COLORS[chip.event.kind].lighter(115) if faded else KIND_COLORS[chip.event.kind]
            )
            painter.fillRect(
                QRect(chip.rect.left(), chip.rect.top(), 4, chip.rect.height()), owner_color(chip.event.owner_id)
            )
            painter.setPen(muted if faded else QColor("#202124"))
            text_rect = chip.rect.adjusted(7, 0, -2, 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, chip.shown)
        painter.end()

    def _day_title(self, day: date, locale: QLocale) -> str:
        if self.span is Span.MONTH:
            if day.day == 1:
                return f"{day.day} {locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"
            return str(day.day)
        if self.span is Span.WEEK:  # the weekday is in the header above
            return f"{day.day} {locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"
        return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)

    # Mouse --------------------------------------------------------------------------------------

    def chip_at(self, pos: QPoint) -> Chip | None:
        if self._dirty:
            self.layout_cells()
        return next((c for c in self.chips if c.rect.contains(pos)), None)

    def cell_at(self, pos: QPoint) -> Cell | None:
        if self._dirty:
            self.layout_cells()
        return next((c for c in self.cells if c.rect.contains(pos)), None)

    def chip_of(self, kind: EventKind, ident: int) -> Chip | None:
        if self._dirty:
            self.layout_cells()
        return next((c for c in self.chips if c.event.kind is kind and c.event.ident == ident), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.chip_at(event.position().toPoint())
            self._press_at = event.position().toPoint()
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pressed is not None and self._pressed.event.movable:
            if not self._dragging and (pos - self._press_at).manhattanLength() >= QApplication.startDragDistance():
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                cell = self.cell_at(pos)
                self._drop_day = cell.day if cell is not None else None
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and self._pressed is not None:
            cell = self.cell_at(event.position().toPoint())
            moving = self._pressed.event
            if cell is not None and cell.day != moving.day:
                self.move_requested.emit(moving, cell.day)
        self._pressed, self._dragging, self._drop_day = None, False, None
        self.unsetCursor()
        self.update()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        chip = self.chip_at(pos)
        if chip is not None:
            self.open_client_requested.emit(chip.event.client_id)
        elif (cell := self.cell_at(pos)) is not None and self.span is not Span.DAY:
            self.day_requested.emit(cell.day)
        super().mouseDoubleClickEvent(event)

    def event(self, event: object) -> bool:  # a tooltip with the whole text of a chip
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QHelpEvent
        from PySide6.QtWidgets import QToolTip

        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            chip = self.chip_at(event.pos())
            if chip is not None:
                QToolTip.showText(event.globalPos(), f"{chip.event.kind.label}\n{chip.text}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]


class CalendarPage(QWidget):
    """The tab: a bar (period, views, whose, export), the legend and the grid."""

    open_client_requested = Signal(int)
    scope_changed = Signal(bool)  # True: every manager's

    def __init__(
        self,
        operations: Operations,
        current_manager: Callable[[], int | None],
        parent: QWidget | None = None,
        *,
        show_all: bool = False,
    ) -> None:
        super().__init__(parent)
        self.notice = NoticeBar()  # errors (a reminder moved meanwhile elsewhere) show here, in sight
        self.ops = operations.elsewhere(lambda text: self.notice.show_message(text, kind="error"), self)
        self.uow = self.ops.uow
        self.current_manager = current_manager
        self._show_all = show_all
        self._latest = Latest(self.ops.runner)
        self._managers: dict[int, str] = {}
        self.shown: list[CalendarEvent] = []
        self.loaded = False
        self._read_for: int | None = None  # whose events the last read asked for
        self.grid = CalendarGrid()
        self.grid.first_weekday = QLocale().firstDayOfWeek().value - 1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("Earlier"))
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Later"))
        self.period_label = QLabel()
        bold = QFont()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.period_label.setFont(bold)
        self.span_group = QButtonGroup(self)
        self.day_button = QToolButton()
        self.day_button.setText(self.tr("Day"))
        self.week_button = QToolButton()
        self.week_button.setText(self.tr("Week"))
        self.month_button = QToolButton()
        self.month_button.setText(self.tr("Month"))
        self.mine_button = QToolButton()
        self.mine_button.setText(self.tr("Mine"))
        self.all_button = QToolButton()
        self.all_button.setText(self.tr("All managers"))
        self.scope_group = QButtonGroup(self)
        for ident, button in enumerate((self.day_button, self.week_button, self.month_button)):
            button.setCheckable(True)
            self.span_group.addButton(button, ident)
        for ident, button in enumerate((self.mine_button, self.all_button)):
            button.setCheckable(True)
            self.scope_group.addButton(button, ident)
        self.month_button.setChecked(True)
        self.export_button = QPushButton(self.tr("Export to calendar (.ics)…"))
        self.export_button.setToolTip(self.tr("Save the coming 90 days for a phone, Outlook or Thunderbird"))
        for widget in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addWidget(self.period_label)
        bar.addStretch(1)
        for widget in (self.day_button, self.week_button, self.month_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.mine_button)
        bar.addWidget(self.all_button)
        bar.addSpacing(12)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.grid)
        layout.addWidget(self.scroll_area, 1)
        self.hint = QLabel(self.tr("Drag a reminder to another day to move it; double-click opens the client."))
        self.hint.setStyleSheet("color: #5f6368")
        layout.addWidget(self.hint)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.today_button.clicked.connect(self._on_today_button_clicked)
        self.span_group.idClicked.connect(self._on_span_group_id_clicked)
        self.scope_group.idClicked.connect(self._on_scope_group_id_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.grid.open_client_requested.connect(self.open_client_requested)
        self.grid.move_requested.connect(self.reschedule)
        self.grid.day_requested.connect(self._on_grid_day_requested)
        self.ops.bus.changed.connect(self._on_changes)
        self.update_scope()
        self._show_period()

    # Whose, which days --------------------------------------------------------------------------

    def manager_filter(self) -> int | None:
        manager = self.current_manager()
        return None if self._show_all or manager is None else manager

    def update_scope(self) -> None:
        chosen = self.current_manager() is not None
        self.mine_button.setEnabled(chosen)
        self.mine_button.setToolTip("" if chosen else self.tr("Choose who you are first"))
        showing_all = self.manager_filter() is None
        self.all_button.setChecked(showing_all)
        self.mine_button.setChecked(not showing_all)

    @Slot(int)
    def _on_scope_group_id_clicked(self, ident: int) -> None:
        self._show_all = ident == 1
        self.update_scope()
        self.scope_changed.emit(self._show_all)
        self.refresh()

    @Slot(int)
    def _on_span_group_id_clicked(self, ident: int) -> None:
        self.set_span(Span(ident))

    def set_span(self, span: Span, anchor: date | None = None) -> None:
        self.grid.span = span
        if anchor is not None:
            self.grid.anchor = anchor
        self.span_group.button(int(span)).setChecked(True)
        self._show_period()
        self.refresh()

    def step(self, direction: int) -> None:
        anchor, span = self.grid.anchor, self.grid.span
        if span is Span.DAY:
            anchor += timedelta(days=direction)
        elif span is Span.WEEK:
            anchor += timedelta(days=7 * direction)
        else:
            month = anchor.month - 1 + direction
            anchor = date(anchor.year + month // 12, month % 12 + 1, 1)
        self.grid.anchor = anchor
        self._show_period()
        self.refresh()

    @Slot()
    def _on_today_button_clicked(self) -> None:
        self.grid.anchor = date.today()
        self._show_period()
        self.refresh()

    @Slot(object)
    def _on_grid_day_requested(self, day: date) -> None:
        self.set_span(Span.DAY, day)

    def _show_period(self) -> None:
        locale = QLocale()
        first, last = self.grid.days()
        anchor = self.grid.anchor
        if self.grid.span is Span.MONTH:
            text = f"{locale.standaloneMonthName(anchor.month)} {anchor.year}"
        elif self.grid.span is Span.WEEK:
            text = f"{_date_text(locale, first)} — {_date_text(locale, last)}"
        else:
            text = f"{locale.dayName(anchor.isoweekday())}, {_date_text(locale, anchor)}"
        self.period_label.setText(text[:1].upper() + text[1:])

    # Loading ------------------------------------------------------------------------------------

    def set_reference(self, _industries: list[Industry], managers: list[Manager]) -> None:
        self._managers = {m.id: m.name for m in managers}
        self._show_legend()

    def showEvent(self, event: QShowEvent) -> None:
        """Whoever sits at this seat may have changed in Settings while the tab was hidden."""
        super().showEvent(event)
        self.update_scope()
        if self.loaded and self.manager_filter() != self._read_for:
            self.refresh()

    def refresh(self) -> None:
        """Read the days shown on a worker; the newest read wins."""
        uow, manager = self.uow, self.manager_filter()
        self._read_for = manager
        first, last = self.grid.days()
        span, anchor = self.grid.span, self.grid.anchor
        self.ops.read_slow(
            lambda: calendar.events(uow(), first, last, manager_id=manager),
            lambda found: self._show(span, anchor, found),
            latest=self._latest,
        )

    def _show(self, span: Span, anchor: date, found: list[CalendarEvent]) -> None:
        self.loaded = True
        self.shown = found
        self.grid.show_events(span, anchor, found)
        self._show_legend()

    def _show_legend(self) -> None:
        kinds = "".join(
            f'<span style="background:{KIND_COLORS[k].name()}">{SWATCH}</span>&nbsp;{k.label}&nbsp;&nbsp; '
            for k in EventKind
        )
        owners = sorted({e.owner_id for e in self.shown}, key=lambda o: (o is None, self._managers.get(o or 0, "")))
        nobody = self.tr("nobody")
        people = "".join(
            f'<span style="background:{owner_color(o).name()}">&nbsp;&nbsp;</span>&nbsp;'
            f"{self._managers.get(o, '?') if o is not None else nobody}&nbsp;&nbsp; "
            for o in owners
        )
        self.legend.setText(kinds + (f"&nbsp;&nbsp;|&nbsp;&nbsp;{people}" if people else ""))

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if self.loaded and (changes.reminders or changes.clients or changes.deals or changes.whole_base):
            self.refresh()

    # Acting -------------------------------------------------------------------------------------

    def reschedule(self, event: CalendarEvent, day: date) -> None:
        """Reschedule a reminder to *day* (its time of day kept)."""
        if not event.movable:
            return
        uow = self.uow
        self.ops.run(lambda: calendar.reschedule(uow(), event.ident, event.version, day))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        path = CalendarFile.ask(self)
        if path is None:
            return
        uow, manager = self.uow, self.manager_filter()
        self.ops.run_slow(
            lambda: calendar.export_calendar(uow(), path, manager_id=manager),
            lambda result: self.notice.show_message(
                str(msg("calendar.exported", path=result.path, events=result.events)), timeout_ms=8000
            ),
        )


class CalendarFile:
    """Where "Export to calendar (.ics)…" writes; a dialog tests replace."""

    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        title = QCoreApplication.translate("CalendarPage", "Export to calendar")
        kind = QCoreApplication.translate("CalendarPage", "iCalendar file (*.ics)")
        chosen, _ = QFileDialog.getSaveFileName(parent, title, dialog_start("export", "salesdesk.ics"), kind)
        if not chosen:
            return None
        remember_dialog_folder("export", chosen)
        path = Path(chosen)
        return path if path.suffix.lower() == ".ics" else path.with_suffix(".ics")


def _date_text(locale: QLocale, day: date) -> str:
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
