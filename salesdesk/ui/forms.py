"""What every form dialog (contact person, deal, contact log) does the same way: the messages under
its fields, shown once the user has left a field or pressed Save, and Save / Cancel at the bottom."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout

from salesdesk.domain.errors import FieldProblem
from salesdesk.ui.widgets import FieldMessage, LeftFields


class FieldMessages:
    """The message under each field of a form, by field key. A problem shows once the user has left
    its field or pressed Save (not on opening); a problem for a field the form does not have goes
    under `fallback`."""

    def __init__(self, changed: Callable[[], object], parent: QObject, fallback: str) -> None:
        self.messages: dict[str, FieldMessage] = {}
        self.left = LeftFields(changed, parent)
        self.fallback = fallback

    def new(self, key: str) -> FieldMessage:
        message = FieldMessage()
        self.messages[key] = message
        return message

    def clear(self) -> None:
        for message in self.messages.values():
            message.clear_problem()

    def show(self, key: str, text: str, *, blocking: bool = True) -> None:
        """While the user types: under the field, once it has been left, the first problem only."""
        key = key if key in self.messages else self.fallback
        if self.left.shows(key) and not self.messages[key].text():
            self.messages[key].show_problem(text, blocking=blocking)

    def show_refused(self, problems: Iterable[FieldProblem]) -> None:
        """What the service refused to save, under each field at once."""
        for problem in problems:
            self.messages.get(problem.field, self.messages[self.fallback]).show_problem(str(problem), blocking=True)


def save_cancel(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel, wired to the dialog's accept() and reject()."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def lay_out_form(dialog: QDialog, fields: QLayout) -> QDialogButtonBox:
    """The fields on top, Save and Cancel at the bottom; returns the buttons."""
    buttons = save_cancel(dialog)
    layout = QVBoxLayout(dialog)
    layout.addLayout(fields)
    layout.addStretch(1)
    layout.addWidget(buttons)
    return buttons
