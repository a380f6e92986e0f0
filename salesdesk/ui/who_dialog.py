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

from salesdesk.domain.model import Manager
from salesdesk.services import reference
from salesdesk.services.common import UowFactory
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.widgets import MUTED, FieldMessage


class WhoAreYouDialog(QDialog):
    """The office's managers to choose from, and a name field to add oneself."""

    def __init__(self, uow: UowFactory, parent: QWidget | None = None, *, operations: Operations | None = None) -> None:
        super().__init__(parent)
        self.name_message = FieldMessage()
        # reads and the added name go through the operations: an error shows under the name field
        self.ops = operations_for(self, self._show_problem, operations, uow)
        self.uow = self.ops.uow
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Who are you?"))
        self.setMinimumWidth(460)
        self.intro = intro = QLabel(
            self.tr(
                "Choose yourself: the Reminders panel and the start-up notice will show your "
                'reminders, new clients will be yours, and "My clients" in the list shows them. '
                "You can change it later in Settings or with the button in the status bar."
            )
        )
        intro.setWordWrap(True)
        self.managers = QListWidget()
        self.ops.read(lambda: reference.list_managers(self.uow(), include_inactive=False), self._fill)
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
        self.hint = hint = QLabel(
            self.tr("Not now: everyone's reminders are shown; the Reminders panel will offer this again.")
        )
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

    def _fill(self, managers: list[Manager]) -> None:
        for manager in managers:
            item = QListWidgetItem(f"{manager.name} — {manager.role.label}")  # the sign-in says the role
            item.setData(Qt.ItemDataRole.UserRole, manager.id)
            self.managers.addItem(item)

    def _show_problem(self, text: str) -> None:
        self.name_message.show_problem(text, blocking=True)

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
            uow, name = self.uow, self.name.text()
            # a name already in the list is that manager, not a second one
            if not self.ops.run(lambda: reference.ensure_manager(uow(), name), self._chose):
                return
        else:
            return
        super().accept()

    def _chose(self, manager: Manager) -> None:
        self.chosen = manager.id

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UowFactory, *, operations: Operations | None = None) -> int | None:
        """The manager chosen or added, or None for "not now"."""
        dialog = cls(uow, parent, operations=operations)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen
        return None
