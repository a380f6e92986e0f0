"""Small reusable widgets: the in-window notice bar and the message under a form field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QWidget

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

    action_triggered = Signal()

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
        self._callback: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, *, kind: str = "info", action: str | None = None,
                     callback: Callable[[], None] | None = None, timeout_ms: int = 0) -> None:
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
        self.action_triggered.emit()
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
        self.hide()

    def show_problem(self, text: str, *, blocking: bool) -> None:
        color = "#b3261e" if blocking else "#8a5300"
        self.setStyleSheet(f"color:{color}; font-size: 90%;")
        self.setText(text)
        self.show()
        self.updateGeometry()

    def clear_problem(self) -> None:
        self.clear()
        self.hide()
