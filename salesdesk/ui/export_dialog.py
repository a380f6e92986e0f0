"""Export: which clients (all, the current filter, the selection) and in which format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.numbers import count_text
from salesdesk.services import exporting
from salesdesk.services.common import UowFactory
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.settings import dialog_start, remember_dialog_folder
from salesdesk.ui.widgets import MUTED


@dataclass(frozen=True)
class ExportChoice:
    scope: str  # "all", "filter" or "selection"
    path: Path


class ExportDialog(QDialog):
    """Which clients and which format; then where, refusing a place no export may go (the open base
    or another database, a device, a read-only file) with the reason, the dialog staying open."""

    def __init__(
        self, shown: int, total: int, selected: int, parent: QWidget | None = None, *, uow: UowFactory | None = None
    ) -> None:
        super().__init__(parent)
        self._uow = uow
        self.setWindowTitle(self.tr("Export clients"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        scope_box = QGroupBox(self.tr("Which clients"))
        scope_layout = QVBoxLayout(scope_box)
        self.scope = QButtonGroup(self)
        self.all_button = QRadioButton(self.tr("The whole base (%1)").replace("%1", count_text(total)))
        self.filter_button = QRadioButton(self.tr("Those shown now (%1)").replace("%1", count_text(shown)))
        self.selection_button = QRadioButton(self.tr("The selected ones (%1)").replace("%1", count_text(selected)))
        for button, scope in (
            (self.all_button, "all"),
            (self.filter_button, "filter"),
            (self.selection_button, "selection"),
        ):
            button.setProperty("scope", scope)
            self.scope.addButton(button)
            scope_layout.addWidget(button)
        self.filter_button.setEnabled(shown != total)
        self.selection_button.setEnabled(selected > 0)
        (
            self.selection_button if selected > 1 else self.filter_button if shown != total else self.all_button
        ).setChecked(True)
        layout.addWidget(scope_box)
        format_box = QGroupBox(self.tr("Format"))
        format_layout = QVBoxLayout(format_box)
        self.xlsx = QRadioButton(
            self.tr(
                "Excel workbook (.xlsx): clients, contact persons, deals, reminders, contact history, "
                "files (a list), change history"
            )
        )
        self.csv = QRadioButton(self.tr("CSV (.csv): the client list only, for other programs"))
        self.xlsx.setChecked(True)
        format_layout.addWidget(self.xlsx)
        format_layout.addWidget(self.csv)
        note = QLabel(self.tr("The workbook can be imported back into SalesDesk with nothing lost."))
        note.setWordWrap(True)
        note.setStyleSheet(MUTED)
        format_layout.addWidget(note)
        layout.addWidget(format_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.path: Path | None = None

    @Slot()
    def accept(self) -> None:
        suffix = ".csv" if self.csv.isChecked() else ".xlsx"
        name = self.tr("Clients %1").replace("%1", QDate.currentDate().toString("yyyy-MM-dd")) + suffix
        kind = self.tr("CSV (*.csv)") if suffix == ".csv" else self.tr("Excel workbook (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export clients"), dialog_start("export", name), kind)
        if not chosen:
            return
        remember_dialog_folder("export", chosen)
        path = Path(chosen)
        path = path if path.suffix.lower() == suffix else path.with_suffix(suffix)
        try:
            exporting.check_target(path, self._uow() if self._uow is not None else None)
        except ValidationError as exc:
            Inform.error(self, self.tr("Export clients"), str(exc))
            return
        self.path = path
        super().accept()

    def choice(self) -> ExportChoice | None:
        checked = self.scope.checkedButton()
        if self.path is None or checked is None:
            return None
        return ExportChoice(str(checked.property("scope")), self.path)

    @classmethod
    def ask(
        cls, parent: QWidget, shown: int, total: int, selected: int, *, uow: UowFactory | None = None
    ) -> ExportChoice | None:
        dialog = cls(shown, total, selected, parent, uow=uow)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
