"""Saving over another seat's change (issue 14): what changed, and the user's choice.

Shown when a save finds that someone else saved the same card (or deal, or contact person) after it
was opened. A table names each field either side changed — what is saved now ("Saved by the other
seat") beside what is typed ("Yours") — with the fields both changed marked. The user chooses:

- **Keep theirs (reload)**: what is typed here is dropped and the saved version shown;
- **Save mine over theirs**: saved again on the current version; the user's values win only in the
  fields the user changed, the other seat's other changes stay (``domain/conflicts.py``);
- **Cancel**: back to editing, nothing saved and nothing lost.

``ConflictDialog.ask`` returns the choice (tests replace it, as every ``ask``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.conflicts import Conflict

THEIRS, MINE, CANCEL = "theirs", "mine", "cancel"
# The name a field has on the form, and how one of its values reads there.
Label = Callable[[str], str]
Describe = Callable[[str, Any], str]


def plain_text(_field: str, value: Any) -> str:
    """A value as it reads in a cell: lists joined, nothing as a dash."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictDialog", "yes")
            if value
            else QCoreApplication.translate("ConflictDialog", "no")
        )
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    label = getattr(value, "label", None)  # the domain's enums say themselves
    text = str(label if isinstance(label, str) else value)
    return text if len(text) <= 120 else text[:119] + "…"


class ConflictDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, name: str, found: Conflict[Any], label: Label, describe: Describe = plain_text
    ) -> None:
        super().__init__(parent)
        self.choice = CANCEL
        self.setWindowTitle(self.tr("Changed on another seat"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("<b>“%s” was changed on another seat after you opened it.</b>") % _html(name)
            + "<br>"
            + self.tr("Your changes are not saved yet. Here is what each side changed:")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved by the other seat"), self.tr("Yours")])
        clashes, mine = set(found.clashes), set(found.my_fields)
        untouched = self.tr("(you did not change it)")
        for field in found.fields:
            row = [
                QStandardItem(label(field) + (" ⚠" if field in clashes else "")),
                QStandardItem(describe(field, getattr(found.theirs, field))),
                QStandardItem(describe(field, getattr(found.mine, field)) if field in mine else untouched),
            ]
            if field not in mine:  # theirs stays whatever the user chooses
                row[2].setForeground(self.palette().placeholderText())
            if field in clashes:
                for item in row:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            for item in row:
                item.setEditable(False)
                item.setToolTip(item.text())
            self.model.appendRow(row)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(min(60 + 30 * len(found.fields), 260))
        layout.addWidget(self.table, 1)
        lines = []
        if clashes:
            lines.append(self.tr("⚠ Both of you changed this field."))
        lines.append(
            self.tr(
                "“Save mine over theirs” saves your values in the fields you changed and keeps the other "
                "seat's changes to the rest."
            )
        )
        note = QLabel("<br>".join(lines))
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox()
        self.theirs_button = self._button(self.tr("Keep theirs (reload)"), THEIRS)
        self.mine_button = self._button(self.tr("Save mine over theirs"), MINE)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        cancel.setDefault(True)  # Enter changes nothing by accident
        layout.addWidget(self.buttons)

    def _button(self, text: str, choice: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: self.choose(choice))
        return button

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, found: Conflict[Any], label: Label, describe: Describe = plain_text
    ) -> str:
        """THEIRS, MINE or CANCEL."""
        dialog = cls(parent, name, found, label, describe)
        dialog.exec()
        return dialog.choice


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
