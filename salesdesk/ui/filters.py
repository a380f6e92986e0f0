"""The filters above the client table: whose clients (mine or all), status, industry, owner, tag,
overdue, completeness, without an INN, no contact for N days, needs checking (stale data, issue 16).

"My clients" / "All clients" is the seat's view rather than a filter (issue 14, several seats): "Clear
filters" keeps it, the seat remembers it, and until the user chooses, a manager of a base with a head
starts on "My clients" and everyone else on "All clients" (ui/seat.py says which)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from salesdesk.domain.model import ClientStatus, Industry, Manager
from salesdesk.domain.queries import ClientQuery
from salesdesk.domain.views import MAX_DORMANT_DAYS, ViewList, check_filters
from salesdesk.ui.widgets import industry_label, refill_combo


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Combos size to a few characters, not to their longest item ("Потенциальный", full OKVED
        # names): the filter row must not decide how narrow the client list can get.
        self.scope = self._combo(9)
        self.scope.addItem(self.tr("All clients"), "all")
        self.scope.addItem(self.tr("My clients"), "mine")
        self.scope.setToolTip(self.tr("Your own clients or everyone's"))
        self._me: int | None = None  # the seat's signed-in manager
        self._scope_chosen = False  # the user chose (or the seat remembered): defaults no longer apply
        self.status = self._combo(10)
        self.status.addItem(self.tr("All statuses"), None)
        for status in ClientStatus:
            self.status.addItem(status.label, status)
        self.industry = self._combo(10)
        self.owner = self._combo(10)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(self.tr("Tag"))
        self.tag.setMinimumWidth(70)
        self.tag.setMaximumWidth(120)
        self.tag.setClearButtonEnabled(True)
        # The rarer filters live behind "More": a checkbox and a threshold in a drop-down.
        self.more = QPushButton(self.tr("More"))
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(8, 6, 8, 6)
        self.overdue = QCheckBox(self.tr("Only with an overdue reminder"))
        below_row = QHBoxLayout()
        self.below = QCheckBox(self.tr("Completeness below"))
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setValue(50)
        self.threshold.setSuffix(" %")
        below_row.addWidget(self.below)
        below_row.addWidget(self.threshold)
        self.no_inn = QCheckBox(self.tr("Without an INN"))
        dormant_row = QHBoxLayout()
        self.dormant = QCheckBox(self.tr("No contact for more than"))
        self.dormant_days = QSpinBox()
        self.dormant_days.setRange(1, MAX_DORMANT_DAYS)
        self.dormant_days.setValue(90)
        self.dormant_days.setSuffix(" " + self.tr("days"))
        dormant_row.addWidget(self.dormant)
        dormant_row.addWidget(self.dormant_days)
        # a filled requisite or channel not confirmed for the base's months (domain/freshness.py)
        self.checking = QCheckBox(self.tr("Needs checking"))
        self.checking.setToolTip(
            self.tr(
                "Clients with a filled requisite, phone or e-mail that nobody has confirmed for the months "
                "set in Settings: call them, or check the card and press Confirm"
            )
        )
        panel_layout.addWidget(self.overdue)
        panel_layout.addLayout(below_row)
        panel_layout.addWidget(self.no_inn)
        panel_layout.addLayout(dormant_row)
        panel_layout.addWidget(self.checking)
        menu = QMenu(self.more)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(panel)
        menu.addAction(holder)
        self.more.setMenu(menu)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setAutoRaise(True)
        for widget in (self.scope, self.status, self.industry, self.owner, self.tag, self.more, self.clear_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.set_reference([], [])
        self._tag_timer = QTimer(self)
        self._tag_timer.setSingleShot(True)
        self._tag_timer.setInterval(300)
        self._tag_timer.timeout.connect(self._emit)
        for combo in (self.status, self.industry, self.owner):
            combo.currentIndexChanged.connect(self._emit)
        self.overdue.toggled.connect(self._emit)
        self.below.toggled.connect(self._emit)
        self.checking.toggled.connect(self._emit)
        self.threshold.valueChanged.connect(self._on_threshold_value_changed)
        self.no_inn.toggled.connect(self._emit)
        self.dormant.toggled.connect(self._emit)
        self.dormant_days.valueChanged.connect(self._on_dormant_days_value_changed)
        self.tag.textChanged.connect(lambda _t: self._tag_timer.start())
        self.clear_button.clicked.connect(self.clear)
        self.scope.currentIndexChanged.connect(self._on_scope_current_index_changed)
        self._quiet = False
        self._update_scope()
        self._update_clear()

    def mine(self) -> bool:
        """The list shows only the signed-in manager's clients."""
        return self.scope.currentData() == "mine" and self._me is not None

    def set_me(self, manager_id: int | None, *, mine_by_default: bool) -> None:
        """Who is signed in at this seat; *mine_by_default*: "My clients" unless the user chose."""
        before = (self._me, self.mine())
        self._me = manager_id
        if not self._scope_chosen:
            self._quiet = True
            try:
                self.scope.setCurrentIndex(1 if mine_by_default and manager_id is not None else 0)
            finally:
                self._quiet = False
        self._update_scope()
        if (self._me, self.mine()) != before and (self.mine() or before[1]):
            self._emit()

    @Slot(int)
    def _on_scope_current_index_changed(self, _index: int) -> None:
        if not self._quiet:
            self._scope_chosen = True
        self._update_scope()
        self._emit()

    def _update_scope(self) -> None:
        self.scope.setEnabled(self._me is not None or self.scope.currentIndex() != 0)
        self.scope.setToolTip(
            self.tr("Your own clients or everyone's")
            if self._me is not None
            else self.tr("Choose who you are (the button in the status bar) to see your own clients")
        )
        self.owner.setEnabled(not self.mine())  # "My clients" is the owner already

    def set_reference(self, industries: list[Industry], managers: list[Manager]) -> None:
        self._quiet = True
        try:
            refill_combo(self.industry, self.tr("All industries"), [(industry_label(i), i.id) for i in industries])
            refill_combo(self.owner, self.tr("All owners"), [(m.name, m.id) for m in managers])
        finally:
            self._quiet = False

    @Slot()
    def _emit(self) -> None:
        self._update_clear()
        if not self._quiet:
            self.changed.emit()

    @Slot(int)
    def _on_threshold_value_changed(self, _value: int) -> None:
        if self.below.isChecked():
            self._emit()

    @Slot(int)
    def _on_dormant_days_value_changed(self, _value: int) -> None:
        if self.dormant.isChecked():
            self._emit()

    @staticmethod
    def _combo(characters: int) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(characters)
        combo.view().setMinimumWidth(280)  # the open list still shows whole names
        return combo

    def _update_clear(self) -> None:
        self.clear_button.setVisible(self.active())
        boxes = (self.overdue, self.below, self.no_inn, self.dormant, self.checking)
        extras = sum(int(box.isChecked()) for box in boxes)
        self.more.setText(self.tr("More (%1)").replace("%1", str(extras)) if extras else self.tr("More"))

    def active(self) -> bool:
        return any(
            (
                self.status.currentIndex() > 0,
                self.industry.currentIndex() > 0,
                self.owner.currentIndex() > 0,
                bool(self.tag.text().strip()),
                self.overdue.isChecked(),
                self.below.isChecked(),
                self.no_inn.isChecked(),
                self.dormant.isChecked(),
                self.checking.isChecked(),
            )
        )

    @Slot()
    def clear(self) -> None:
        self._quiet = True
        try:
            self.status.setCurrentIndex(0)
            self.industry.setCurrentIndex(0)
            self.owner.setCurrentIndex(0)
            self.tag.clear()
            self.overdue.setChecked(False)
            self.below.setChecked(False)
            self.no_inn.setChecked(False)
            self.dormant.setChecked(False)
            self.checking.setChecked(False)
        finally:
            self._quiet = False
        self._tag_timer.stop()
        self._emit()

    def apply(self, query: ClientQuery) -> ClientQuery:
        status = _status(self.status.currentData())
        return dataclasses.replace(
            query,
            statuses=frozenset({status}) if status is not None else frozenset(),
            industry_id=self.industry.currentData(),
            owner_id=self._me if self.mine() else self.owner.currentData(),
            tag=self.tag.text().strip(),
            overdue_only=self.overdue.isChecked(),
            completeness_below=self.threshold.value() if self.below.isChecked() else None,
            no_inn=self.no_inn.isChecked(),
            dormant_days=self.dormant_days.value() if self.dormant.isChecked() else None,
            needs_checking=self.checking.isChecked(),
        )

    def state(self) -> dict[str, Any]:
        status = _status(self.status.currentData())
        state: dict[str, Any] = {"scope": self.scope.currentData()} if self._scope_chosen else {}
        return state | {
            "status": status.value if status else "",
            "industry": self.industry.currentData() or 0,
            "owner": self.owner.currentData() or 0,
            "tag": self.tag.text(),
            "overdue": self.overdue.isChecked(),
            "below": self.below.isChecked(),
            "threshold": self.threshold.value(),
            "no_inn": self.no_inn.isChecked(),
            "dormant": self.dormant.isChecked(),
            "dormant_days": self.dormant_days.value(),
            "checking": self.checking.isChecked(),
        }

    def view_filters(self) -> dict[str, Any]:
        """The filters as a saved view keeps them (domain/views.py): every key, "whose" included."""
        return check_filters(ViewList.CLIENTS, self.state() | {"scope": self.scope.currentData()})

    def restore(self, state: dict[str, Any]) -> None:
        self._quiet = True
        try:
            self.status.setCurrentIndex(max(0, self.status.findData(_status(state.get("status")))))
            self.industry.setCurrentIndex(max(0, self.industry.findData(_int(state.get("industry")))))
            self.owner.setCurrentIndex(max(0, self.owner.findData(_int(state.get("owner")))))
            self.tag.setText(str(state.get("tag") or ""))
            self.overdue.setChecked(_bool(state.get("overdue")))
            self.below.setChecked(_bool(state.get("below")))
            self.threshold.setValue(_int(state.get("threshold")) or 50)
            self.no_inn.setChecked(_bool(state.get("no_inn")))
            self.dormant.setChecked(_bool(state.get("dormant")))
            self.dormant_days.setValue(_int(state.get("dormant_days")) or 90)
            self.checking.setChecked(_bool(state.get("checking")))
            if state.get("scope") in ("all", "mine"):
                self.scope.setCurrentIndex(self.scope.findData(state["scope"]))
                self._scope_chosen = True
        finally:
            self._quiet = False
        self._tag_timer.stop()
        self._update_scope()
        self._update_clear()


def _status(value: Any) -> ClientStatus | None:
    if value is None:
        return None
    try:
        return ClientStatus(str(value))
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    try:
        return int(value) or None
    except (TypeError, ValueError):
        return None


def _bool(value: Any) -> bool:
    return value in (True, "true", "1", 1)
