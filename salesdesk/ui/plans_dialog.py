"""Sales plans (issue 16): a grid of managers × months (or quarters) of a year in one currency,
typed like a spreadsheet. A head saves every changed cell in one transaction
(``plans.set_plans``); anyone else sees the plans read-only, with who can change them.

An emptied cell takes that plan away (no plan, which is not a plan of 0). Cells keep what was typed
while the year, currency or months/quarters switch, so nothing typed is lost before Save.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.model import Manager, Money
from salesdesk.domain.numbers import number_text
from salesdesk.domain.plans import Plan, PlanPeriod, month, plan_for_months, quarter
from salesdesk.domain.text import parse_amount
from salesdesk.domain.validation import amount_problem
from salesdesk.services import permissions, plans, reference
from salesdesk.services.permissions import Rights, Rules
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import MUTED

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
CURRENCIES = ("RUB", "USD", "EUR", "CNY")
_EDITED = QColor("#fff4c2")
_BAD = QColor("#ffd6d6")


@dataclass(frozen=True, slots=True)
class _Row:
    id: int
    name: str


class PlanGridModel(QAbstractTableModel):
    """Managers down, the year's months or quarters across, and the year's plan last (read-only:
    the months' plans, quarters counted as thirds where a month has none)."""

    edits_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self.saved: dict[tuple[int, str, str], int] = {}  # (manager, period code, currency) -> kopecks
        self.edits: dict[tuple[int, str, str], str] = {}  # what was typed, as typed
        self.year, self.currency, self.quarterly = 2026, "RUB", False
        self.editable = True
        self._plans: list[Plan] = []

    def load(self, managers: list[Manager], found: list[Plan]) -> None:
        self.beginResetModel()
        self._plans = found
        self.saved = {(p.manager_id, p.period.code, p.currency): p.amount_minor for p in found}
        with_plans = {p.manager_id for p in found}
        self.rows = [
            _Row(m.id, m.name if m.active else self.tr("%1 (left)").replace("%1", m.name))
            for m in managers
            if m.active or m.id in with_plans
        ]
        self.endResetModel()

    def show(self, year: int, currency: str, quarterly: bool) -> None:
        self.beginResetModel()
        self.year, self.currency, self.quarterly = year, currency, quarterly
        self.endResetModel()

    def periods(self) -> list[PlanPeriod]:
        if self.quarterly:
            return [quarter(self.year, n) for n in range(1, 5)]
        return [month(self.year, n) for n in range(1, 13)]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.periods()) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.rows[section].name if 0 <= section < len(self.rows) else None
        periods = self.periods()
        if section == len(periods):
            return self.tr("Year")
        if self.quarterly:
            return self.tr("Q%1").replace("%1", str(section + 1))
        return month_names()[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() < len(self.periods()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _key(self, index: Index) -> tuple[int, str, str]:
        return (self.rows[index.row()].id, self.periods()[index.column()].code, self.currency)

    def text_of(self, key: tuple[int, str, str]) -> str:
        if key in self.edits:
            return self.edits[key]
        saved = self.saved.get(key)
        return "" if saved is None else _amount_text(saved, key[2])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() == len(self.periods()):
            return self._year_data(index.row(), role)
        key = self._key(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text_of(key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key in self.edits and self._changed(key):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(_BAD if self.problem(key) else _EDITED)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.problem(key) or self.tr("Changed; saved with Save")
        return None

    def _year_data(self, row: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        manager = self.rows[row].id
        mine = [p for p in self._plans if p.manager_id == manager and p.currency == self.currency]
        months = [month(self.year, n).start for n in range(1, 13)]
        total = plan_for_months(mine, months)
        return "—" if total is None else _amount_text(total, self.currency)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.flags(index) & Qt.ItemFlag.ItemIsEditable) or role != Qt.ItemDataRole.EditRole:
            return False
        key = self._key(index)
        self.edits[key] = str(value).strip()
        if not self._changed(key):
            del self.edits[key]
        self.dataChanged.emit(index, index)
        self.edits_changed.emit()
        return True

    def _changed(self, key: tuple[int, str, str]) -> bool:
        typed = self.edits.get(key)
        if typed is None:
            return False
        amount = self.amount(key)
        saved = self.saved.get(key)
        if amount is None and typed:
            return True  # not a number: kept, shown in red
        return (None if amount is None else Money.of(amount, key[2]).minor) != saved

    def amount(self, key: tuple[int, str, str]) -> Decimal | None:
        typed = self.edits.get(key, "")
        return parse_amount(typed) if typed else None

    def problem(self, key: tuple[int, str, str]) -> str:
        typed = self.edits.get(key, "")
        if not typed:
            return ""
        amount = parse_amount(typed)
        if amount is None:
            return self.tr("Not an amount: %1").replace("%1", typed)
        found = amount_problem(amount)
        if found is not None:
            return str(found)
        if amount < 0:
            return self.tr("A plan cannot be negative")
        return ""

    def problems(self) -> list[str]:
        return [p for key in self.edits if (p := self.problem(key))]

    def changes(self) -> list[tuple[int, PlanPeriod, str, Decimal | None]]:
        from salesdesk.domain.plans import parse_code

        return [
            (manager, parse_code(code), currency, self.amount((manager, code, currency)))
            for (manager, code, currency) in self.edits
        ]


def _amount_text(minor: int, currency: str) -> str:
    """An amount for a cell: kopecks only when there are some ("17 900 000", "1 250,50")."""
    amount = Money.from_minor(minor, currency).amount
    return number_text(amount, 0 if amount == amount.to_integral_value() else 2)


def month_names() -> list[str]:
    return [
        QCoreApplication.translate("PlanGridModel", "Jan"),
        QCoreApplication.translate("PlanGridModel", "Feb"),
        QCoreApplication.translate("PlanGridModel", "Mar"),
        QCoreApplication.translate("PlanGridModel", "Apr"),
        QCoreApplication.translate("PlanGridModel", "May"),
        QCoreApplication.translate("PlanGridModel", "Jun"),
        QCoreApplication.translate("PlanGridModel", "Jul"),
        QCoreApplication.translate("PlanGridModel", "Aug"),
        QCoreApplication.translate("PlanGridModel", "Sep"),
        QCoreApplication.translate("PlanGridModel", "Oct"),
        QCoreApplication.translate("PlanGridModel", "Nov"),
        QCoreApplication.translate("PlanGridModel", "Dec"),
    ]


class PlansDialog(QDialog):
    """Sales plans of a year: pick the year, the currency and months or quarters; type the amounts."""

    def __init__(self, operations: Operations, parent: QWidget | None = None, *, current_year: int) -> None:
        super().__init__(parent)
        self.ops = operations.elsewhere(self._show_error, self)
        uow = self.ops.uow
        self.setWindowTitle(self.tr("Sales plans"))
        self.resize(1320, 420)
        read: list[tuple[Rights, list[Manager], list[Plan]]] = []
        self.ops.read(
            lambda: (permissions.rights(uow()), reference.list_managers(uow()), plans.list_plans(uow())), read.append
        )
        self.rights, managers, found = read[0] if read else (Rights(None, False, Rules()), [], [])
        self.model = PlanGridModel(self)
        self.model.editable = self.rights.may_set_roles
        self.model.load(managers, found)

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(current_year)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.setMaxVisibleItems(10)
        for code in dict.fromkeys([*CURRENCIES, *(p.currency for p in found)]):
            self.currency.addItem(code)
        self.months_button = QRadioButton(self.tr("by month"))
        self.quarters_button = QRadioButton(self.tr("by quarter"))
        self.months_button.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.months_button)
        self.mode.addButton(self.quarters_button)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Currency:")))
        top.addWidget(self.currency)
        top.addSpacing(12)
        top.addWidget(self.months_button)
        top.addWidget(self.quarters_button)
        top.addStretch(1)

        self.table = QTableView()
        self.table.setObjectName("PlanGrid")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self._fit_year_column)

        self.note = QLabel(self._note_text())
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MUTED)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.year.valueChanged.connect(self._on_choice_changed)
        self.currency.currentTextChanged.connect(self._on_choice_changed)
        self.mode.buttonClicked.connect(self._on_choice_changed)
        self.model.edits_changed.connect(self._update_save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_choice_changed()

    @Slot()
    def _fit_year_column(self) -> None:
        """The year's total is read whole; the months share the rest."""
        header = self.table.horizontalHeader()
        last = self.model.columnCount() - 1
        if last > 0:
            header.setSectionResizeMode(last, QHeaderView.ResizeMode.ResizeToContents)

    def _note_text(self) -> str:
        base = self.tr(
            "A quarter's plan is split evenly over its months; a monthly plan replaces its month's share. "
            "An empty cell is no plan; 0 is a plan of zero."
        )
        if not self.rights.may_set_roles:
            return self.tr("Only a head (%1) sets the plans.").replace("%1", ", ".join(self.rights.heads)) + " " + base
        return base

    @Slot()
    def _on_choice_changed(self, *_args: object) -> None:
        code = self.currency.currentText().strip().upper()[:3]
        self.model.show(self.year.value(), code, self.quarters_button.isChecked())
        self._update_save()

    @Slot()
    def _update_save(self) -> None:
        problems = self.model.problems()
        self.message.setText("\n".join(problems[:3]))
        self.message.setVisible(bool(problems))
        self.save_button.setEnabled(self.model.editable and bool(self.model.edits) and not problems)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def accept(self) -> None:
        changes = self.model.changes()
        if not changes:
            super().accept()
            return
        uow = self.ops.uow
        if self.ops.run(lambda: plans.set_plans(uow(), changes)):
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget, operations: Operations, *, current_year: int) -> bool:
        """Open the dialog (tests replace this)."""
        return cls(operations, parent, current_year=current_year).exec() == QDialog.DialogCode.Accepted
