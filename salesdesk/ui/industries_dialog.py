"""The industries reference: OKVED sections and the office's own, with notes on each market
(trends, key players, seasonality) that every manager reads before calling a client of it."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.model import Industry, IndustryFields
from salesdesk.domain.numbers import count_text, number_text
from salesdesk.domain.register import Quartiles, roubles_text
from salesdesk.services import enrichment, reference
from salesdesk.services.common import SaveResult, UowFactory
from salesdesk.services.enrichment import IndustryBenchmark
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.widgets import MUTED, FieldMessage, industry_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class IndustriesDialog(QDialog):
    """Reads and saves through the window's operations: a refusal or a store error is shown under
    the form, never as a crash; what it saved reaches the window's lists by the change bus."""

    def __init__(self, uow: UowFactory, parent: QWidget | None = None, *, operations: Operations | None = None) -> None:
        super().__init__(parent)
        self.ops = operations_for(self, self._show_problem, operations, uow)
        self.uow = self.ops.uow
        self.setWindowTitle(self.tr("Industries"))
        self.resize(820, 520)
        self.changed = False
        self.industries: list[Industry] = []
        self.current: Industry | None = None
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("Add…"))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.add_button)
        right = QWidget()
        form = QFormLayout(right)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. G or 46.90"))
        self.code.setMaximumWidth(120)
        self.name = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(
            self.tr("What to know about this market: trends, key players, seasonality, who decides on purchases…")
        )
        self.message = FieldMessage()
        hint = QLabel(self.tr("Managers see these notes on the cards of clients in this industry."))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED)
        form.addRow(self.tr("OKVED code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow("", self.message)
        form.addRow("", hint)
        # numbers for the notes: revenue and headcount by region, of the base and of the register
        self.benchmarks = QLabel()
        self.benchmarks.setWordWrap(True)
        self.benchmarks.setTextFormat(Qt.TextFormat.RichText)
        self.benchmarks.hide()
        form.addRow(self.tr("Benchmarks:"), self.benchmarks)
        buttons_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.delete_button = QPushButton(self.tr("Remove from the list"))
        buttons_row.addWidget(self.delete_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.save_button)
        form.addRow(buttons_row)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.list.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        for edit in (self.code, self.name):
            edit.textEdited.connect(self._on_edited)
        self.notes.textChanged.connect(self._on_edited)
        self._load()
        # the list as wide as the longest name needs (Russian OKVED names are long), within reason
        left_width = min(max(300, self.list.sizeHintForColumn(0) + 30), 520)
        splitter.setSizes([left_width, 480])
        self.resize(left_width + 520, 560)

    def _show_problem(self, text: str) -> None:
        self.message.show_problem(text, blocking=True)

    def _load(self, select: int | None = None) -> None:
        uow = self.uow
        self.ops.read(lambda: reference.list_industries(uow()), lambda found: self._fill(found, select))

    def _fill(self, industries: list[Industry], select: int | None) -> None:
        self.industries = industries
        self.model.clear()
        for industry in self.industries:
            label = industry_label(industry)
            item = QStandardItem(label)
            item.setData(industry.id, ID_ROLE)
            # the list elides long OKVED names: the tooltip has the whole name, then the notes
            item.setToolTip(label + ("\n\n" + industry.notes if industry.notes else ""))
            self.model.appendRow(item)
        row = next((i for i, x in enumerate(self.industries) if x.id == select), 0)
        if self.industries:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._show(self.industries[row] if self.industries else None)

    def _show(self, industry: Industry | None) -> None:
        self.current = industry
        for widget in (self.code, self.name, self.notes):
            widget.blockSignals(True)
        self.code.setText(industry.code if industry else "")
        self.name.setText(industry.name if industry else "")
        self.notes.setPlainText(industry.notes if industry else "")
        for widget in (self.code, self.name, self.notes):
            widget.blockSignals(False)
        self.message.clear_problem()
        self.save_button.setEnabled(False)
        self.delete_button.setEnabled(industry is not None)
        self.benchmarks.hide()
        if industry is not None and industry.code:
            uow, code = self.uow, industry.code
            self.ops.read(lambda: enrichment.industry_benchmarks(uow(), code), self._show_benchmarks)

    def _show_benchmarks(self, found: list[IndustryBenchmark]) -> None:
        """Quartiles (Q1 / median / Q3) per region: of the base's clients, and of the register."""
        if not found:
            return
        measures = {"revenue": self.tr("revenue"), "headcount": self.tr("headcount")}

        def numbers(q: Quartiles | None, measure: str) -> str:
            if q is None:
                return "—"
            shown = (
                (roubles_text(v) for v in (q.q1, q.median, q.q3))
                if measure == "revenue"
                else (number_text(v) for v in (q.q1, q.median, q.q3))
            )
            return " / ".join(shown) + " " + self.tr("(%1)").replace("%1", count_text(q.count))

        rows = [
            "<tr><th align=left>{}</th><th align=left>{}</th><th align=left>{}</th><th align=left>{}</th></tr>".format(
                html.escape(self.tr("Region")),
                "",
                html.escape(self.tr("Base: Q1 / median / Q3 (clients)")),
                html.escape(self.tr("Register: Q1 / median / Q3 (businesses)")),
            )
        ]
        for b in found[:40]:
            rows.append(
                f"<tr><td>{html.escape(b.region)}</td><td>{html.escape(measures[b.measure])}</td>"
                f"<td>{html.escape(numbers(b.base, b.measure))}</td>"
                f"<td>{html.escape(numbers(b.register, b.measure))}</td></tr>"
            )
        self.benchmarks.setText("<table cellspacing=4>" + "".join(rows) + "</table>")
        self.benchmarks.show()

    @Slot(QItemSelection, QItemSelection)
    def _on_list_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            ident = indexes[0].data(ID_ROLE)
            self._show(next((x for x in self.industries if x.id == ident), None))

    @Slot()
    def _on_edited(self) -> None:
        self.save_button.setEnabled(bool(self.name.text().strip()))

    def _fields(self) -> IndustryFields:
        return IndustryFields(code=self.code.text(), name=self.name.text(), notes=self.notes.toPlainText())

    @Slot()
    def _on_save_button_clicked(self) -> None:
        uow, current, fields = self.uow, self.current, self._fields()
        if current is None:
            self.ops.run(lambda: reference.create_industry(uow(), fields), self._on_saved)
        else:
            ident, version = current.id, current.version
            self.ops.run(lambda: reference.update_industry(uow(), ident, version, fields), self._on_saved)

    def _on_saved(self, saved: SaveResult) -> None:
        self.changed = True
        self._load(select=saved.id)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.list.clearSelection()
        self._show(None)
        self.name.setFocus()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        if self.current is not None:
            uow, ident = self.uow, self.current.id
            self.ops.run(lambda: reference.trash_industry(uow(), ident), self._on_removed)

    def _on_removed(self, _result: object) -> None:
        self.changed = True
        self._load()

    @classmethod
    def edit(cls, parent: QWidget, uow: UowFactory, *, operations: Operations | None = None) -> bool:
        dialog = cls(uow, parent, operations=operations)
        dialog.exec()
        return dialog.changed
