"""Reports → Find prospects in the tax register…: companies of a register file of the chosen
industry, region and category that are not in the base yet, and adding them as prospects (issue 16).

The file is read on a worker with progress and Cancel (``Operations.run_long``); adding is one
transaction (``enrichment.add_prospects``) whose new clients reach the list by the change bus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import UserError, ValidationError
from salesdesk.domain.register import SmeCategory
from salesdesk.services import enrichment
from salesdesk.services.common import Cancelled
from salesdesk.services.enrichment import RegisterRecord
from salesdesk.ui.file_actions import RegisterFileChoice
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import MUTED, NoticeBar


class ProspectsDialog(QDialog):
    def __init__(self, operations: Operations, owner: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = operations
        self.owner = owner
        self.path: Path | None = None
        self.found: list[RegisterRecord] = []
        self.setWindowTitle(self.tr("Find prospects in the tax register"))
        self.resize(900, 560)
        self.notice = NoticeBar()
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setStyleSheet(MUTED)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        self.okved = QLineEdit()
        self.okved.setPlaceholderText(self.tr("e.g. 62.01, 62 or J"))
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("two digits, e.g. 77; empty: any"))
        self.region.setMaxLength(2)
        self.category = QComboBox()
        self.category.addItem(self.tr("Any"), None)
        for category in SmeCategory:
            self.category.addItem(category.label, int(category))
        self.limit = QSpinBox()
        self.limit.setRange(1, 1000)
        self.limit.setValue(20)
        form = QFormLayout()
        form.addRow(self.tr("Register file:"), file_row)
        form.addRow(self.tr("OKVED code:"), self.okved)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow(self.tr("SME category:"), self.category)
        form.addRow(self.tr("At most:"), self.limit)
        self.find_button = QPushButton(self.tr("Find"))
        self.add_button = QPushButton(self.tr("Add to the base as prospects"))
        self.add_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.find_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("INN"), self.tr("OKVED"), self.tr("Region"), self.tr("Category"), self.tr("Name")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.find_button.clicked.connect(self._on_find_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)

    def query(self) -> enrichment.ProspectQuery:
        return enrichment.ProspectQuery(
            okved=self.okved.text().strip(),
            region=self.region.text().strip(),
            category=self.category.currentData(),
            limit=self.limit.value(),
        )

    @Slot()
    def _on_choose_button_clicked(self) -> None:
        path = RegisterFileChoice.ask(self)
        if path is not None:
            self.path = path
            self.file_label.setText(path.name)

    @Slot()
    def _on_find_button_clicked(self) -> None:
        self.notice.hide()
        if self.path is None:
            self.notice.show_message(self.tr("Choose a register file first."), kind="warning")
            return
        query = self.query()
        problems = enrichment.prospect_query_problems(query)
        if problems:
            self.notice.show_message(str(ValidationError(problems)), kind="warning")
            return
        uow, path = self.ops.uow, self.path
        self.find_button.setEnabled(False)
        self.ops.run_long(
            self,
            self.windowTitle(),
            self.tr("Reading %1…").replace("%1", path.name),
            lambda reporter: enrichment.find_prospects(uow(), path, query, reporter=reporter),
            self._show,
            on_error=self._refused,
            on_cancelled=self._cancelled,
        )

    def _show(self, found: list[RegisterRecord]) -> None:
        self.find_button.setEnabled(True)
        self.found = found
        self.model.removeRows(0, self.model.rowCount())
        for record in found:
            category = SmeCategory(record.category).label if record.category else ""
            row = [record.inn, record.okved_code, record.region, category, record.name]
            items = [QStandardItem(text) for text in row]
            items[1].setToolTip(record.okved_name)
            items[4].setToolTip(f"{record.name}\n{record.place}")
            self.model.appendRow(items)
        self.add_button.setEnabled(bool(found))
        if not found:
            self.notice.show_message(
                self.tr("The file has no matching companies that are not in the base already."), kind="info"
            )

    def _refused(self, exc: UserError) -> bool:
        self.find_button.setEnabled(True)
        self.notice.show_message(str(exc), kind="error")
        return True

    def _cancelled(self, exc: Cancelled) -> None:
        self.find_button.setEnabled(True)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        if not self.found or self.path is None:
            return
        uow, found, source, owner = self.ops.uow, list(self.found), self.path.name, self.owner()
        self.ops.run(
            lambda: enrichment.add_prospects(uow(), source, found, owner_id=owner),
            self._added,
            on_error=self._refused,
        )

    def _added(self, ids: list[int]) -> None:
        self.found = []
        self.model.removeRows(0, self.model.rowCount())
        self.add_button.setEnabled(False)
        self.notice.show_message(
            self.tr("%Ln prospect(s) added, each with a first reminder.", "", len(ids)), kind="success"
        )

    def shown_inns(self) -> list[str]:
        return [self.model.item(r, 0).text() for r in range(self.model.rowCount())]
