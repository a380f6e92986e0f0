"""Small reusable widgets: the in-window notice bar, the message under a form field, a label that
elides to a few lines, list columns that fit their content, and the date field."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QGraphicsDropShadowEffect,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from salesdesk.domain import numbers
from salesdesk.domain.birthdays import year_known
from salesdesk.domain.model import Industry, Money
from salesdesk.domain.okved import section_of
from salesdesk.domain.spreadsheet import date_from_text

MUTED = "color: #5f6368;"  # secondary text that stays readable (palette(mid) is ~1.7:1 on grey)
ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Stylesheets ignore font-size percentages in Qt; scale the widget's own font instead."""
    font = widget.font()
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    widget.setFont(font)


def mark_problem(widget: QWidget, level: str | None) -> None:
    """Outline a field that has a problem ("error" or "warning"); None clears it."""
    if widget.property("problem") == level:
        return
    widget.setProperty("problem", level)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


FIELD_STYLESHEET = (
    f'QLineEdit[problem="error"], QPlainTextEdit[problem="error"] {{ border: 1px solid {ERROR_COLOR}; }}'
    f'QLineEdit[problem="warning"] {{ border: 1px solid {WARNING_COLOR}; }}'
)


def money_text(locale: QLocale, amount: Decimal, currency: str) -> str:
    """An amount as the user's language writes money: one rule for the whole program
    (domain.numbers.money_text); *locale* is kept for the callers and agrees with it."""
    return numbers.money_text(Money(amount, currency))


_STYLES = {
    "info": "background:#e8f0fe; border:1px solid #aecbfa; color:#174ea6;",
    "warning": "background:#fef7e0; border:1px solid #f9d67a; color:#7a4f01;",
    "error": "background:#fce8e6; border:1px solid #f4b4ae; color:#a50e0e;",
    "success": "background:#e6f4ea; border:1px solid #a8dab5; color:#0d652d;",
}


class NoticeBar(QFrame):
    """A dismissable message inside the window, with an optional action ("Undo", "Show").

    Used where a desktop would show a notification but there may be no system tray, and for
    undo after a delete; it never blocks the user the way a modal dialog does.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.action_button = QPushButton()
        self.action_button.setFlat(False)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close"))
        layout.addWidget(self.label)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.close_button.clicked.connect(self.hide)
        self._callback: Callable[[], object] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(
        self,
        text: str,
        *,
        kind: str = "info",
        action: str | None = None,
        callback: Callable[[], object] | None = None,
        timeout_ms: int = 0,
    ) -> None:
        self.setStyleSheet(
            f"#NoticeBar {{{_STYLES.get(kind, _STYLES['info'])} border-radius:4px;}}"
            " #NoticeBar QLabel { border: none; background: transparent; }"
        )
        self.label.setText(text)
        self.action_button.setVisible(action is not None)
        self.action_button.setText(action or "")
        self._callback = callback
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    @Slot()
    def _on_action_button_clicked(self) -> None:
        callback = self._callback
        self.hide()
        if callback is not None:
            callback()


class BottomOverlay(QWidget):
    """Notices shown over the bottom of *anchor* instead of taking a place in a layout: a notice
    that appears or closes must not move the fields under the user's pointer. The overlay is as
    tall as its visible notices and hides when none is shown, so it covers nothing else."""

    MARGIN = 8
    covered = Signal(int)  # how much of the anchor's bottom the notices cover now (0 when none)

    def __init__(self, anchor: QWidget) -> None:
        host = anchor.parentWidget()
        assert host is not None
        super().__init__(host)
        self.anchor = anchor
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(12)
        shadow.setOffset(0, 2)
        shadow.setColor(QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)
        anchor.installEventFilter(self)
        self.hide()

    def add(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.place()  # a notice shown or closed: the overlay shows or hides with it, now
        if kind in (QEvent.Type.ShowToParent, QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self, self.place)  # and again once the notice has its new text and size
        return super().eventFilter(watched, event)

    @Slot()
    def place(self) -> None:
        items = (self._layout.itemAt(i) for i in range(self._layout.count()))
        shown = [w for item in items if item is not None and (w := item.widget()) is not None and not w.isHidden()]
        if not shown:
            self.hide()
            self._cover(0)
            return
        width = max(120, self.anchor.width() - 2 * self.MARGIN)
        height = (
            self._layout.totalHeightForWidth(width)
            if self._layout.hasHeightForWidth()
            else self._layout.sizeHint().height()
        )
        bottom = self.anchor.geometry().bottom() - self.MARGIN
        self.setGeometry(self.anchor.geometry().left() + self.MARGIN, bottom - height + 1, width, height)
        self.show()
        self.raise_()
        self._cover(height + self.MARGIN)

    def _cover(self, height: int) -> None:
        if height != getattr(self, "_covered", 0):
            self._covered = height
            self.covered.emit(height)


class FieldMessage(QLabel):
    """The line under a form field that says what is wrong with it, in the user's words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # a wrapped label must be allowed to grow downwards, or a two-line message is clipped
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        scaled_font(self, 0.92)
        self.hide()

    def show_problem(self, text: str, *, blocking: bool) -> None:
        self.setStyleSheet(f"color:{ERROR_COLOR if blocking else WARNING_COLOR};")
        self.setText(text)
        self.show()
        self.updateGeometry()

    def clear_problem(self) -> None:
        self.clear()
        self.hide()


def industry_label(industry: Industry) -> str:
    """How an industry reads in every list: "G — Торговля …", or just the name of the office's own."""
    if not industry.code:
        return industry.name
    # an OKVED class (62.01) sits under its section (J) in the sorted lists: indented there
    indent = "\u2003" if len(industry.code) > 1 and section_of(industry.code) is not None else ""
    return f"{indent}{industry.code} — {industry.name}"


def refill_combo(combo: QComboBox, first_text: str, items: Iterable[tuple[str, object]]) -> bool:
    """Give a reference list (industries, managers) new items after *first_text* ("all" or "not set",
    data None), keeping the chosen item if it is still there, without emitting any signal. True if
    the choice survived (or there was none)."""
    current = combo.currentData()
    quiet = combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(first_text, None)
        for text, ident in items:
            combo.addItem(text, ident)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
    finally:
        combo.blockSignals(quiet)
    return current is None or index >= 0


def birthday_text(birth: date, locale: QLocale | None = None) -> str:
    """A birth date in words: "12 марта 1985", or "12 марта" when the year is not known (the
    domain keeps such a date in the year YEAR_UNKNOWN, which is never shown)."""
    locale = locale or QLocale()
    day = QDate(birth.year, birth.month, birth.day)
    return locale.toString(day, "d MMMM yyyy" if year_known(birth) else "d MMMM")


def short_datetime(locale: QLocale, moment: datetime) -> str:
    """A moment in local time, as the user's locale writes it briefly ("29.11.2026 13:45")."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return locale.toString(local, QLocale.FormatType.ShortFormat)


class ElidedLabel(QLabel):
    """A label of at most *max_lines* lines: longer text wraps, then ends in "…", and the whole
    text is in the tooltip. A 5,000-character client name must not push the form off the screen."""

    def __init__(self, max_lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._max_lines = max_lines
        self.setWordWrap(False)  # the lines are broken here, so that the label never asks for more
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        self._full = text
        self._relayout()

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def sizeHint(self) -> QSize:
        lines = max(1, super().text().count("\n") + 1)
        margins = self.contentsMargins()
        return QSize(200, lines * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        return QSize(50, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout()

    def _relayout(self) -> None:
        width = max(self.contentsRect().width(), 50)
        text = " ".join(self._full.split())  # a name pasted with line breaks still reads as one
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines: list[str] = []
        end = 0
        layout.beginLayout()
        while len(lines) < self._max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, end = line.textStart(), line.textStart() + line.textLength()
            lines.append(text[start:end])
        layout.endLayout()
        if end < len(text) and lines:
            rest = text[len("".join(lines[:-1])) :]
            lines[-1] = self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, width)
        shown = "\n".join(line.rstrip() for line in lines)
        QLabel.setText(self, shown)
        self.setToolTip(self._full if end < len(text) or text != self._full else "")
        self.updateGeometry()


class FullTextDelegate(QStyledItemDelegate):
    """List cells show "…" when their text does not fit; the tooltip then gives the whole text."""

    def helpEvent(self, event: QEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: object) -> bool:
        from PySide6.QtCore import QModelIndex

        assert isinstance(index, QModelIndex)
        if event.type() == QEvent.Type.ToolTip and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            needed = option.fontMetrics.horizontalAdvance(text) + 12
            if text and (needed > option.rect.width() or "\n" in text):
                QToolTip.showText(event.globalPos(), text, view)  # type: ignore[attr-defined]
                return True
        return super().helpEvent(event, view, option, index)  # type: ignore[arg-type]


class FittedColumns(QObject):
    """Columns of a read-only list that fit their content, one column (a name, a title) taking the
    spare width. A column the user has dragged keeps the user's width from then on."""

    MIN_WIDTH = 60
    CAP = 320

    def __init__(self, view: QTreeView, stretch: int, keep: tuple[int, ...] = (), share: float = 0.4) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.keep = keep
        self.share = share  # of the list's width the name column may claim before the others
        self.user_widths: dict[int, int] = {}
        self._fitting = False
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        header.sectionResized.connect(self._on_header_section_resized)
        view.setItemDelegate(FullTextDelegate(view))
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.viewport().installEventFilter(self)

    @Slot(int, int, int)
    def _on_header_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting:
            self.user_widths[column] = new

    def restore(self, widths: dict[int, int]) -> None:
        """Take the widths the user dragged in an earlier run (columns that exist, readable widths)."""
        model = self.view.model()
        count = model.columnCount() if model is not None else 0
        self.user_widths = {
            c: max(w, self.view.header().minimumSectionSize()) for c, w in widths.items() if 0 <= c < count
        }
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def _header_width(self, column: int) -> int:
        return min(self.view.header().sectionSizeHint(column), self.CAP)

    def content_width(self, column: int) -> int:
        return max(self.view.sizeHintForColumn(column), self.view.header().sectionSizeHint(column))

    def fit(self) -> None:
        """Give every column its width again (after the rows changed, or the list was resized).

        Columns the user dragged keep their width; the *keep* columns (a date, an amount) get their
        content; the name column gets its content or at least its *share* of the list; the other
        columns share what is left, the widest giving way first down to a readable minimum, their
        cells elided with the whole text in the tooltip. Spare width goes to the name column."""
        model = self.view.model()
        if model is None:
            return
        count = model.columnCount()
        available = self.view.viewport().width()
        widths = {c: self.user_widths[c] for c in range(count) if c in self.user_widths}
        for column in self.keep:
            if column < count and column not in widths:
                widths[column] = min(self.content_width(column), self.CAP)
        name_content = self.content_width(self.stretch)
        name = widths.get(self.stretch, min(name_content, max(int(available * self.share), 120)))
        free = {c: min(self.content_width(c), self.CAP) for c in range(count) if c not in widths and c != self.stretch}
        budget = available - name - sum(w for c, w in widths.items() if c != self.stretch)
        if free and sum(free.values()) > budget:
            level = max(self.MIN_WIDTH, _water_level(list(free.values()), budget))
            # a column never gives way below its own header: "Результат" cut to "Результат" minus a
            # letter reads as a fault, an elided cell with its tooltip does not (the list scrolls instead)
            free = {c: min(w, max(level, self._header_width(c))) for c, w in free.items()}
        widths.update(free)
        if self.stretch not in self.user_widths:
            others = sum(w for c, w in widths.items() if c != self.stretch)
            name = max(name, available - others)
        widths[self.stretch] = name
        self._fitting = True
        try:
            header = self.view.header()
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False


def _water_level(widths: list[int], budget: int) -> int:
    """The largest L such that sum(min(w, L)) <= budget."""
    ordered = sorted(widths)
    spent = 0
    for i, width in enumerate(ordered):
        left = len(ordered) - i
        if spent + width * left > budget:
            return max(0, (budget - spent) // left)
        spent += width
    return ordered[-1] if ordered else 0


class DateField(QWidget):
    """Where a date is typed: digits with or without separators (15031985, 150385, 15.03.1985,
    15/03/1985, 1985-03-15), read by the domain's rules, and a calendar button beside them."""

    changed = Signal()
    left = Signal()  # the user left the field: the time to show its problem

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.line.setToolTip(self.tr("Type the date with or without dots, e.g. 15031985 or 15.03.1985"))
        width = self.line.fontMetrics().horizontalAdvance("00.00.00000") + 24
        self.line.setMinimumWidth(width)
        self.line.setMaximumWidth(width + 40)
        self.button = QToolButton()
        self.button.setText("▦")  # a calendar; DejaVu has this glyph, not the emoji
        self.button.setToolTip(self.tr("Choose on a calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.button.setMenu(menu)
        self._menu = menu
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        self.line.textChanged.connect(self.changed)
        self.line.editingFinished.connect(self._on_line_editing_finished)

    def value(self) -> date | None | str:
        """The date typed; None when empty; the text itself when it is not a date."""
        return date_from_text(self.line.text())

    def set_value(self, value: date | None) -> None:
        self.line.setText("" if value is None else value.strftime("%d.%m.%Y"))

    def text(self) -> str:
        return self.line.text()

    @Slot()
    def _on_line_editing_finished(self) -> None:
        value = self.value()
        if isinstance(value, date):
            self.set_value(value)  # 15031985 reads back as 15.03.1985: the user sees what was understood
        self.left.emit()

    @Slot()
    def _on_menu_about_to_show(self) -> None:
        value = self.value()
        day = value if isinstance(value, date) else date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    @Slot(QDate)
    def _on_calendar_clicked(self, day: QDate) -> None:
        self.set_value(date(day.year(), day.month(), day.day()))
        self._menu.hide()
        self.left.emit()


class LeftFields(QObject):
    """Which fields of a dialog may show their problem: a message appears once the user has left
    the field (or pressed Save), not while the dialog has only just opened."""

    def __init__(self, changed: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._changed = changed
        self._keys: dict[QObject, str] = {}
        self.left: set[str] = set()
        self.all = False

    def watch(self, key: str, widget: QWidget) -> None:
        target = widget.line if isinstance(widget, DateField) else widget
        self._keys[target] = key
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While a dialog is torn down its fields still lose focus, and Qt may ask this filter after
        # Python has already cleared the object: then there is nothing to note.
        keys: dict[QObject, str] | None = self.__dict__.get("_keys")
        if keys is not None and event.type() == QEvent.Type.FocusOut and watched in keys:
            key = keys[watched]
            if key not in self.left:
                self.left.add(key)
                # after the field's own editingFinished; dropped if the dialog is gone by then
                QTimer.singleShot(0, self, self._changed)
        return False

    def show_all(self) -> None:
        self.all = True

    def shows(self, key: str) -> bool:
        return self.all or key in self.left


class FieldGrid:
    """Label, field and the message under the field on a grid: the label stays beside its field
    whatever message appears, and a hidden message leaves no gap."""

    def __init__(self, grid: QGridLayout) -> None:
        self.grid = grid
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        self._row = 0

    def add(
        self, label: str, field: QWidget | QLayout, message: FieldMessage | None = None, *, top: bool = False
    ) -> QLabel:
        label_widget = QLabel(label)
        align = Qt.AlignmentFlag.AlignRight | (Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(label_widget, self._row, 0, align)
        if isinstance(field, QWidget):
            self.grid.addWidget(field, self._row, 1)
            label_widget.setBuddy(field.focusProxy() or field)
        else:
            self.grid.addLayout(field, self._row, 1)
        if top:
            label_widget.setContentsMargins(0, 4, 0, 0)
        self._row += 1
        if message is not None:
            self.grid.addWidget(message, self._row, 1)
            self._row += 1
        return label_widget

    def add_wide(self, widget: QWidget | QLayout) -> None:
        if isinstance(widget, QWidget):
            self.grid.addWidget(widget, self._row, 1)
        else:
            self.grid.addLayout(widget, self._row, 1)
        self._row += 1
