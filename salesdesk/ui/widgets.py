"""Small reusable widgets: the in-window notice bar and the message under a form field."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Slot
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QWidget

from salesdesk.domain import numbers
from salesdesk.domain.model import Industry, Money

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

    def show_message(self, text: str, *, kind: str = "info", action: str | None = None,
                     callback: Callable[[], object] | None = None, timeout_ms: int = 0) -> None:
        self.setStyleSheet(f"#NoticeBar {{{_STYLES.get(kind, _STYLES['info'])} border-radius:4px;}}"
                           " #NoticeBar QLabel { border: none; background: transparent; }")
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
    return f"{industry.code} — {industry.name}" if industry.code else industry.name


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


def short_datetime(locale: QLocale, moment: datetime) -> str:
    """A moment in local time, as the user's locale writes it briefly ("29.11.2026 13:45")."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return locale.toString(local, QLocale.FormatType.ShortFormat)
