"""What every form shares: a field row with its message under it, the messages of a form's fields,
and the form dialog (contact person, deal, contact log) that saves only when its fields are valid,
with one service call through `Operations`, and stays open with what was typed when the save fails.

The card's Requisites tab uses `form_row` for its rows; the dialogs use `FieldMessages` and
`FormDialog` (Save / Cancel at the bottom; an error that is no field's — busy, read-only, disk full
— in a line above them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from salesdesk.domain.conflicts import conflict
from salesdesk.domain.errors import FieldProblem, StaleEditError, UserError, ValidationError
from salesdesk.services.common import UowFactory
from salesdesk.ui.conflict_dialog import MINE, THEIRS, ConflictDialog, plain_text
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import FieldMessage, LeftFields
from salesdesk.ui.workers import Runner


def form_row(form: QFormLayout, label: str, widget: QWidget, message: FieldMessage) -> QLabel:
    """A labelled field with its message right under it; returns the label."""
    box = QVBoxLayout()
    box.setSpacing(1)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(widget)
    box.addWidget(message)
    label_widget = QLabel(label)
    label_widget.setBuddy(widget)
    form.addRow(label_widget, box)
    return label_widget


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


class FormDialog(QDialog):
    """A dialog that edits one thing and saves it with one service call.

    Save checks the fields first (`_validate`, every message shown); then `store()` runs through the
    dialog's `Operations`: the answer goes to `_saved()` and the dialog closes; a refused field goes
    under that field, any other `UserError` (busy, read-only, disk full, changed elsewhere) to the
    line above the buttons, and the dialog stays open with what was typed; a bug goes to the crash
    dialog. Given no `ops` (a dialog used on its own, as in tests), it makes its own runner.

    A dialog that edits something saved (a contact person, a deal) calls `watch_conflicts` once
    filled and implements `saved_now` and `store_over`: when another seat saved the same thing
    meanwhile, Save shows the `ConflictDialog` — keep theirs (the dialog closes), save mine over
    theirs (the fields the user changed over the saved version), or go on editing."""

    started: Any = None  # the saved values when the dialog opened; None: nothing to conflict with
    baseline: Any = None  # what the form showed then

    def __init__(self, uow: UowFactory, ops: Operations | None, parent: QWidget | None, *, fallback: str) -> None:
        super().__init__(parent)
        own = ops if ops is not None else Operations(uow, Runner(), lambda _text: None, self)
        self.ops = own.elsewhere(self.show_error, self)
        self.uow = self.ops.uow
        self.form = FieldMessages(self._validate, self, fallback=fallback)
        self.messages, self.left = self.form.messages, self.form.left
        self.error = FieldMessage()  # what stopped the save and is no field's

    def lay_out(self, fields: QLayout, buttons: QDialogButtonBox | None = None) -> QDialogButtonBox:
        """The fields on top, the error line, Save and Cancel at the bottom; returns the buttons."""
        buttons = buttons or save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        return buttons

    def _validate(self) -> bool:
        """Check the fields and show their messages; True when Save may go on. Each dialog
        implements it and ``store`` (Qt's metaclass rules out ``abc``; tests/gui/test_card_tabs_complete.py
        checks every dialog has its own)."""
        raise NotImplementedError

    def store(self) -> Any:
        """The one service call that saves what the dialog holds."""
        raise NotImplementedError

    def _saved(self, result: Any) -> None:
        """What the save answered (kept for the caller)."""

    def show_error(self, text: str) -> None:
        self.error.show_problem(text, blocking=True)

    def watch_conflicts(self, started: Any, labels: dict[str, str]) -> None:
        """*started*: the saved values the form was filled from; *labels*: each field's name."""
        self.started, self.baseline, self.conflict_labels = started, self.fields(), labels

    def fields(self) -> Any:
        """What the form holds as the service's dataclass (None while it cannot be read)."""
        raise NotImplementedError

    def saved_now(self) -> tuple[Any, int]:
        """The saved values and version as they are now (one service read)."""
        raise NotImplementedError

    def store_over(self, fields: Any, version: int) -> Any:
        """Save *fields* over *version* (after "Save mine over theirs")."""
        raise NotImplementedError

    def describe(self, key: str, value: Any) -> str:
        """A value as the conflict dialog shows it."""
        return plain_text(key, value)

    def _resolve_conflict(self) -> None:
        typed = self.fields()
        now: list[tuple[Any, int]] = []
        if typed is None or not self.ops.read(self.saved_now, now.append):
            return  # gone meanwhile: the line above the buttons says so
        theirs, version = now[0]
        found = conflict(self.started, theirs, self.baseline, typed)
        labels = self.conflict_labels
        choice = ConflictDialog.ask(self, self.windowTitle(), found, lambda f: labels.get(f, f), self.describe)
        if choice == MINE:
            if self.ops.run(lambda: self.store_over(found.merged(), version), self._saved, on_error=self.refused):
                super().accept()
        elif choice == THEIRS:
            self.reject()  # the card shows the saved version (the change bus brought it)

    def refused(self, exc: UserError) -> bool:
        if isinstance(exc, StaleEditError) and self.started is not None:
            self._resolve_conflict()
            return True
        if isinstance(exc, ValidationError):
            self.form.show_refused(exc.problems)
        else:
            self.show_error(str(exc))
        return True

    def accept(self) -> None:
        self.left.show_all()
        self.error.clear_problem()
        if not self._validate():
            return
        if self.ops.run(self.store, self._saved, on_error=self.refused):
            super().accept()
