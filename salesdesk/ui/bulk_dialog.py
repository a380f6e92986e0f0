""" "With selected (N)…": the dialog that asks for the one value a bulk action sets (an owner, a
status, an industry, a tag) and for whom — the selected clients or everyone the filter shows.

It only asks; ``ClientListActions.act_on_many`` (ui/list_actions.py) runs the change through the
window's operations with a progress dialog and offers Undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.model import ClientStatus, Industry, Manager
from salesdesk.domain.numbers import count_text
from salesdesk.domain.validation import LIMITS


class BulkKind(StrEnum):
    OWNER = "owner"
    STATUS = "status"
    INDUSTRY = "industry"
    ADD_TAG = "add_tag"
    REMOVE_TAG = "remove_tag"
    REMINDER = "reminder"
    EXPORT = "export"
    TRASH = "trash"


def kind_title(kind: BulkKind) -> str:
    """The menu's words for each action."""
    return {
        BulkKind.OWNER: QCoreApplication.translate("BulkDialog", "Change the owner…"),
        BulkKind.STATUS: QCoreApplication.translate("BulkDialog", "Change the status…"),
        BulkKind.INDUSTRY: QCoreApplication.translate("BulkDialog", "Change the industry…"),
        BulkKind.ADD_TAG: QCoreApplication.translate("BulkDialog", "Add a tag…"),
        BulkKind.REMOVE_TAG: QCoreApplication.translate("BulkDialog", "Remove a tag…"),
        BulkKind.REMINDER: QCoreApplication.translate("BulkDialog", "Plan a reminder for each…"),
        BulkKind.EXPORT: QCoreApplication.translate("BulkDialog", "Export…"),
        BulkKind.TRASH: QCoreApplication.translate("BulkDialog", "Move to the trash"),
    }[kind]


@dataclass(frozen=True, slots=True)
class BulkChoice:
    value: object  # a manager's or industry's id, a ClientStatus, a tag
    all_shown: bool  # everyone the filter shows, not only the selection


NO_OWNER = -1  # the owner choice that takes the owner away (manager ids are positive)


class BulkDialog(QDialog):
    """Asks for the value of *kind* (owner, status, industry, a tag to add or remove) and whom."""

    def __init__(
        self,
        kind: BulkKind,
        selected: int,
        shown: int,
        *,
        managers: list[Manager] = (),  # type: ignore[assignment]
        industries: list[Industry] = (),  # type: ignore[assignment]
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(kind_title(kind).rstrip("…"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.combo = QComboBox()
        self.tag_edit = QLineEdit()
        if kind is BulkKind.OWNER:
            for m in managers:
                if m.active:
                    self.combo.addItem(m.name, m.id)
            if self.combo.count():
                self.combo.insertSeparator(self.combo.count())
            # The owner taken away (a manager who left, clients nobody looks after yet).
            self.combo.addItem(self.tr("— nobody (no owner) —"), NO_OWNER)
            form.addRow(self.tr("New owner:"), self.combo)
        elif kind is BulkKind.STATUS:
            for s in ClientStatus:
                self.combo.addItem(s.label, s)
            form.addRow(self.tr("New status:"), self.combo)
        elif kind is BulkKind.INDUSTRY:
            for i in industries:
                self.combo.addItem(f"{i.code} {i.name}".strip(), i.id)
            form.addRow(self.tr("New industry:"), self.combo)
        else:
            self.tag_edit.setMaxLength(LIMITS["tag"])
            self.tag_edit.setPlaceholderText(self.tr("e.g. Exhibition 2026"))
            form.addRow(self.tr("Tag:") if kind is BulkKind.ADD_TAG else self.tr("Tag to remove:"), self.tag_edit)
        layout.addLayout(form)
        self.selection_button = QRadioButton(self.tr("The selected clients (%1)").replace("%1", count_text(selected)))
        self.all_button = QRadioButton(
            self.tr("Everyone the search and filters show (%1)").replace("%1", count_text(shown))
        )
        group = QButtonGroup(self)
        group.addButton(self.selection_button)
        group.addButton(self.all_button)
        self.selection_button.setEnabled(selected > 0)
        (self.selection_button if selected > 0 else self.all_button).setChecked(True)
        layout.addWidget(QLabel(self.tr("For whom:")))
        layout.addWidget(self.selection_button)
        layout.addWidget(self.all_button)
        self.all_button.setVisible(shown > selected)
        note = QLabel(self.tr("All of them change at once; Undo puts them back."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tag_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = (
            bool(self.tag_edit.text().strip())
            if self.kind in (BulkKind.ADD_TAG, BulkKind.REMOVE_TAG)
            else (self.combo.count() > 0)
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> BulkChoice:
        if self.kind in (BulkKind.ADD_TAG, BulkKind.REMOVE_TAG):
            value: object = self.tag_edit.text().strip()
        else:
            value = self.combo.currentData()
        return BulkChoice(value, self.all_button.isChecked())

    @classmethod
    def ask(cls, parent: QWidget, kind: BulkKind, selected: int, shown: int, **lists: list) -> BulkChoice | None:  # type: ignore[type-arg]
        dialog = cls(kind, selected, shown, parent=parent, **lists)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
