"""The card's editor page: the header, the tabs, the notices over the bottom of the tabs, and the
state line with Revert and Save. A view only: the card says what the buttons may do (`show_state`)
and listens to their clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QPushButton,
    QStyle,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.card.header import CardHeader
from salesdesk.ui.card.requisites import RequisitesTab
from salesdesk.ui.widgets import ERROR_COLOR, MUTED, BottomOverlay, scaled_font

# completeness item -> (tab, field widget key)
ITEM_TARGETS = {
    "contact_position": ("contacts", None),
    "industry": ("requisites", "industry_id"),
    "owner": ("requisites", "owner_id"),
}


class CardPlaceholder(QLabel):
    """What the card shows while no client is chosen."""

    def __init__(self) -> None:
        super().__init__()
        new_keys = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
        self.setText(
            self.tr("Select a client in the list to see the card,\nor create a new one (%1).").replace("%1", new_keys)
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(MUTED)
        scaled_font(self, 1.1)
        self.setWordWrap(True)


class _NarrowTabMargins(QProxyStyle):
    """The application's style with a smaller margin beside each tab's title."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: object = None, widget: object = None) -> int:  # noqa: N802
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return CardTabBar.SPACE
        return super().pixelMetric(metric, option, widget)  # type: ignore[arg-type]


class CardTabBar(QTabBar):
    """The card's seven tabs, their titles never cut. The style's margin beside each title is
    narrowed (the seven Russian titles did not fit beside the list of a 1366-pixel window and were
    cut to "Конта…", "Исто…"); on a narrower card the bar scrolls with its arrows rather than cutting
    a title."""

    SPACE = 12  # pixels of margin per tab, both sides together (Fusion's own: about 24)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = _NarrowTabMargins()
        self._style.setParent(self)
        self.setStyle(self._style)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setUsesScrollButtons(True)
        self.setExpanding(False)


class CardPage(QWidget):
    def __init__(self, requisites: RequisitesTab, tabs: list[tuple[QWidget, str]], notices: list[QWidget]) -> None:
        super().__init__()
        self.requisites = requisites
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.header = CardHeader()
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setTabBar(CardTabBar(self.tabs))
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        for tab, title in tabs:
            self.tabs.addTab(tab, title)
        # over the bottom of the tabs, not in the layout: a notice must not move the fields
        self.notices = BottomOverlay(self.tabs)
        for notice in notices:
            self.notices.add(notice)
        # the end of the form can still be scrolled out from under the notices
        self.notices.covered.connect(self._on_notices_covered)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the card (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Drop the changes and show what is saved"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet(MUTED)
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    @Slot(int)
    def _on_notices_covered(self, height: int) -> None:
        page = self.requisites.widget()
        if page is not None:
            page.setContentsMargins(0, 0, 0, height)

    def show_state(self, dirty: bool, blocking: bool) -> None:
        """Changed or not, and whether the changes can be saved."""
        self.save_button.setEnabled(dirty and not blocking)
        self.revert_button.setEnabled(dirty)
        if dirty and blocking:
            self.state_label.setStyleSheet(f"color: {ERROR_COLOR};")
            self.state_label.setText(self.tr("Fix the marked fields to save."))
        elif dirty:
            self.state_label.setStyleSheet(MUTED)
            self.state_label.setText(self.tr("Changed, not saved."))
        else:
            self.state_label.setText("")

    def go_to(self, item: str, contacts: QWidget, add_contact: QWidget | None) -> None:
        """Where a missing completeness item (a link in the header) is filled in."""
        tab, key = ITEM_TARGETS.get(item, ("requisites", item))
        if tab == "contacts":
            self.tabs.setCurrentWidget(contacts)
            if add_contact is not None:
                add_contact.setFocus()
            return
        self.tabs.setCurrentWidget(self.requisites)
        self.requisites.focus(key or item)
