""" "Who are you?": the small question that tells the program which manager sits at this seat, so
that the reminders panel and the start-up notice count this manager's reminders, not the office's.

Asked once, at the first start with no manager chosen; after that the reminders panel offers it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import UserError
from salesdesk.services import reference
from salesdesk.services.common import UowFactory
from salesdesk.ui.widgets import MUTED, FieldMessage


class WhoAreYouDialog(QDialog):
    """The office's managers to choose from, and a name field to add oneself."""

    def __init__(self, uow: UowFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Who are you?"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Choose yourself: the Reminders panel and the start-up notice will show your "
                "reminders, and new clients will be yours. You can change it later in Settings."
            )
        )
        intro.setWordWrap(True)
        self.managers = QListWidget()
        for manager in reference.list_managers(uow(), include_inactive=False):
            item = QListWidgetItem(manager.name)
            item.setData(Qt.ItemDataRole.UserRole, manager.id)
            self.managers.addItem(item)
        # a list of a few names: as tall as it needs, up to about eight rows
        rows = min(max(self.managers.count(), 1), 8)
        self.managers.setFixedHeight(
            self.managers.sizeHintForRow(0) * rows + 2 * self.managers.frameWidth() + 4 if self.managers.count() else 0
        )
        self.managers.setVisible(self.managers.count() > 0)
        self.add_label = QLabel(
            self.tr("Not in the list? Add me:") if self.managers.count() else self.tr("No managers yet. Add me:")
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Surname and first name"))
        self.name_message = FieldMessage()
        hint = QLabel(self.tr("Not now: everyone's reminders are shown; the Reminders panel will offer this again."))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("That's me"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not now"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.managers)
        layout.addWidget(self.add_label)
        layout.addWidget(self.name)
        layout.addWidget(self.name_message)
        layout.addWidget(hint)
        layout.addStretch(1)  # spare height below the question, not between a label and its field
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.managers.itemSelectionChanged.connect(self._on_managers_item_selection_changed)
        self.managers.itemDoubleClicked.connect(self.accept)
        self.name.textChanged.connect(self._on_name_text_changed)
        self._update_ok()

    @Slot()
    def _on_managers_item_selection_changed(self) -> None:
        if self.managers.selectedItems() and self.name.text():
            self.name.blockSignals(True)  # one choice at a time: the list or a new name
            self.name.clear()
            self.name.blockSignals(False)
        self._update_ok()

    @Slot(str)
    def _on_name_text_changed(self, text: str) -> None:
        if text.strip():
            self.managers.clearSelection()
        self.name_message.clear_problem()
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.managers.selectedItems()) or bool(self.name.text().strip())
        )

    def accept(self) -> None:
        selected = self.managers.selectedItems()
        if selected:
            self.chosen = int(selected[0].data(Qt.ItemDataRole.UserRole))
        elif self.name.text().strip():
            try:  # a name already in the list is that manager, not a second one
                self.chosen = reference.ensure_manager(self.uow(), self.name.text()).id
            except UserError as exc:
                self.name_message.show_problem(str(exc), blocking=True)
                return
        else:
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UowFactory) -> int | None:
        """The manager chosen or added, or None for "not now"."""
        dialog = cls(uow, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen
        return None
