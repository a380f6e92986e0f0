"""Dialogs. Each has an ``ask()``-style classmethod so that tests can replace the question
without clicking through a real modal dialog (pytest-qt's advice)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.birthdays import birth_without_year, year_known
from salesdesk.domain.model import ContactFields, ContactPerson, Recurrence, age_on
from salesdesk.domain.spreadsheet import date_from_text, split_list
from salesdesk.services import contacts
from salesdesk.services.common import SaveResult, UowFactory
from salesdesk.ui.forms import FormDialog
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import DateField, FieldGrid, FieldMessage, birthday_text


class LeaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChanges:
    @classmethod
    def ask(cls, parent: QWidget, name: str, *, can_save: bool = True) -> LeaveChoice:
        """Save, discard or stay; a card with errors cannot be saved, so it offers to go back instead."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question if can_save else QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("UnsavedChanges", "Unsaved changes"))
        if can_save:
            box.setText(QCoreApplication.translate("UnsavedChanges", "Save the changes to “%s”?") % name)
            box.setInformativeText(
                QCoreApplication.translate("UnsavedChanges", "If you don't save, your changes will be lost.")
            )
            box.setStandardButtons(
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
            )
            box.setDefaultButton(QMessageBox.StandardButton.Save)
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Save:
                return LeaveChoice.SAVE
            if answer == QMessageBox.StandardButton.Discard:
                return LeaveChoice.DISCARD
            return LeaveChoice.CANCEL
        box.setText(QCoreApplication.translate("UnsavedChanges", "The changes to “%s” cannot be saved yet.") % name)
        box.setInformativeText(
            QCoreApplication.translate(
                "UnsavedChanges", "Some fields are marked as wrong. Go back to fix them, or discard the changes."
            )
        )
        back = box.addButton(
            QCoreApplication.translate("UnsavedChanges", "Back to the card"), QMessageBox.ButtonRole.RejectRole
        )
        discard = box.addButton(QMessageBox.StandardButton.Discard)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return LeaveChoice.DISCARD if box.clickedButton() is discard else LeaveChoice.CANCEL


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes


class Inform:
    """A message the user must read (an error that stopped an action)."""

    @classmethod
    def error(cls, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


# The "hook": when to get back to the client --------------------------------------------------


@dataclass(frozen=True)
class HookChoice:
    text: str
    months: int | None
    on: date | None
    recurrence: Recurrence


class HookDialog(QDialog):
    """Plan the next contact: in 1/3/6/12 months or on a date, optionally repeating."""

    MONTHS = (1, 3, 6, 12)

    def __init__(self, parent: QWidget | None = None, *, text: str = "", months: int = 3) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Next contact"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.text_edit = QLineEdit(text or self.tr("Get back to the client"))
        form.addRow(self.tr("Reminder:"), self.text_edit)
        when = QGridLayout()
        self.group = QButtonGroup(self)
        self.month_buttons: dict[int, QRadioButton] = {}
        for i, n in enumerate(self.MONTHS):
            button = QRadioButton(self.in_months_text(n))
            self.group.addButton(button)
            self.month_buttons[n] = button
            when.addWidget(button, i // 2, i % 2)
        self.date_button = QRadioButton(self.tr("On a date:"))
        self.group.addButton(self.date_button)
        self.date_edit = DateField()
        self.date_edit.set_value(QDate.currentDate().addMonths(1).toPython())  # type: ignore[arg-type]
        when.addWidget(self.date_button, 2, 0)
        when.addWidget(self.date_edit, 2, 1)
        self.date_message = FieldMessage()
        when.addWidget(self.date_message, 3, 0, 1, 2)
        form.addRow(self.tr("When:"), when)
        self.recurrence = QComboBox()
        for option in Recurrence:
            self.recurrence.addItem(option.label, option)
        form.addRow(self.tr("Repeat:"), self.recurrence)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.month_buttons.get(months, self.month_buttons[3]).setChecked(True)
        self.date_edit.changed.connect(self._on_date_edit_changed)
        self.date_edit.left.connect(self._check)
        self.group.buttonToggled.connect(self._check)
        self.text_edit.textChanged.connect(self._check)

    @staticmethod
    def in_months_text(months: int) -> str:
        texts = {
            1: QCoreApplication.translate("HookDialog", "In a month"),
            3: QCoreApplication.translate("HookDialog", "In 3 months"),
            6: QCoreApplication.translate("HookDialog", "In 6 months"),
            12: QCoreApplication.translate("HookDialog", "In a year"),
        }
        return texts[months]

    @Slot()
    def _on_date_edit_changed(self) -> None:
        self.date_button.setChecked(True)
        self.date_message.clear_problem()  # said again when the user leaves the field or presses OK

    def _date_problem(self) -> str | None:
        if not self.date_button.isChecked():
            return None
        chosen = self.date_edit.value()
        if not isinstance(chosen, date):
            return self.tr("Write the date as dd.mm.yyyy, e.g. 15.03.2027 or 15032027")
        if chosen < date.today():
            return self.tr("The date has passed: choose today or later")
        return None

    @Slot()
    def _check(self) -> bool:
        problem = self._date_problem()
        if problem is None:
            self.date_message.clear_problem()
        elif not self.date_edit.line.hasFocus():
            self.date_message.show_problem(problem, blocking=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text_edit.text().strip()))
        return problem is None and bool(self.text_edit.text().strip())

    def accept(self) -> None:
        problem = self._date_problem()
        if problem is not None:
            self.date_message.show_problem(problem, blocking=True)
            return
        super().accept()

    def choice(self) -> HookChoice:
        recurrence = Recurrence(self.recurrence.currentData())
        chosen = self.date_edit.value()
        if self.date_button.isChecked() and isinstance(chosen, date):
            return HookChoice(self.text_edit.text().strip(), None, chosen, recurrence)
        months = next(n for n, b in self.month_buttons.items() if b.isChecked())
        return HookChoice(self.text_edit.text().strip(), months, None, recurrence)

    @classmethod
    def ask(cls, parent: QWidget, *, text: str = "", months: int = 3) -> HookChoice | None:
        dialog = cls(parent, text=text, months=months)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def hook_menu(parent: QWidget, plan: Callable[[HookChoice | None, int | None], None]) -> QMenu:
    """The "hook" menu: in 1 / 3 / 6 / 12 months, or a date and repetition of one's choosing."""
    menu = QMenu(parent)
    texts = {months: HookDialog.in_months_text(months) for months in HookDialog.MONTHS}
    for months, text in texts.items():
        action = menu.addAction(text)
        action.setData(months)
        action.triggered.connect(lambda _c=False, m=months: plan(None, m))
    menu.addSeparator()
    other = menu.addAction(QCoreApplication.translate("HookDialog", "On a date or repeating…"))
    other.triggered.connect(lambda: plan(HookDialog.ask(parent), None))
    return menu


# Contact persons ------------------------------------------------------------------------------


class ContactDialog(FormDialog):
    """Add or edit one contact person; checks as you type and saves through the services."""

    def __init__(
        self,
        uow: UowFactory,
        client_id: int,
        contact: ContactPerson | None = None,
        parent: QWidget | None = None,
        *,
        ops: Operations | None = None,
    ) -> None:
        super().__init__(uow, ops, parent, fallback="note")
        self.client_id = client_id
        self.contact = contact
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Contact person") if contact is None else contact.full_name)
        self.setMinimumWidth(480)
        grid = QGridLayout()
        rows = FieldGrid(grid)
        self.full_name = QLineEdit()
        self.position = QLineEdit()
        self.birth_date = DateField()
        # A birthday whose year nobody knows (a client mentioned the day; a phone's card has none):
        # typed as day and month, kept in the year YEAR_UNKNOWN, shown with no year and no age.
        self.no_year = QCheckBox(self.tr("year unknown"))
        self.no_year.setToolTip(self.tr("Only the day and month are known: type them as dd.mm, e.g. 12.03"))
        self.age_label = QLabel()
        self.phones = QPlainTextEdit()
        self.phones.setPlaceholderText(self.tr("One number per line, e.g. +7 916 123-45-67"))
        self.phones.setFixedHeight(60)
        self.emails = QPlainTextEdit()
        self.emails.setPlaceholderText(self.tr("One address per line"))
        self.emails.setFixedHeight(48)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.primary = QCheckBox(self.tr("Main contact for this client"))
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_date)
        birth_row.addWidget(self.no_year)
        birth_row.addWidget(self.age_label, 1)
        labels = {"is_primary": self.primary.text()}
        for label, key, widget, field in (
            (self.tr("Full name:"), "full_name", self.full_name, None),
            (self.tr("Position:"), "position", self.position, None),
            (self.tr("Birth date:"), "birth_date", self.birth_date, birth_row),
            (self.tr("Phones:"), "phones", self.phones, None),
            (self.tr("E-mails:"), "emails", self.emails, None),
            (self.tr("Note:"), "note", self.note, None),
        ):
            label_widget = rows.add(
                label,
                field if field is not None else widget,
                self.form.new(key),
                top=isinstance(widget, QPlainTextEdit),
            )
            labels[key] = label.rstrip(":")
            label_widget.setBuddy(widget.focusProxy() or widget)
            self.left.watch(key, widget)
        rows.add_wide(self.primary)
        self.buttons = self.lay_out(grid)
        if contact is not None:
            self.full_name.setText(contact.full_name)
            self.position.setText(contact.position)
            self._show_birth(contact.birth_date)
            self.phones.setPlainText("\n".join(contact.phones))
            self.emails.setPlainText("\n".join(contact.emails))
            self.note.setPlainText(contact.note)
            self.primary.setChecked(contact.is_primary)
            self.watch_conflicts(contact.fields(), labels)
        for edit in (self.full_name, self.position):
            edit.textChanged.connect(self._validate)
        self.birth_date.changed.connect(self._validate)
        self.birth_date.left.connect(self._on_birth_date_left)
        self.no_year.toggled.connect(self._on_no_year_toggled)
        for plain in (self.phones, self.emails, self.note):
            plain.textChanged.connect(self._validate)
        self._validate()

    def _show_birth(self, birth: date | None) -> None:
        unknown = birth is not None and not year_known(birth)
        self.no_year.setChecked(unknown)
        if unknown and birth is not None:
            self.birth_date.line.setText(birth.strftime("%d.%m"))
        else:
            self.birth_date.set_value(birth)

    def _birth(self) -> date | None | str:
        if self.no_year.isChecked():
            return birth_without_year(self.birth_date.text())  # 12.03, 1203, or a date whose year goes
        return self.birth_date.value()  # 15031985, 15.03.1985, 1985-03-15: the domain's reading

    @Slot()
    def _on_birth_date_left(self) -> None:
        birth = self._birth()
        if self.no_year.isChecked() and isinstance(birth, date):
            self.birth_date.line.setText(birth.strftime("%d.%m"))  # what was understood: no year

    @Slot(bool)
    def _on_no_year_toggled(self, checked: bool) -> None:
        self.birth_date.line.setPlaceholderText(
            self.tr("dd.mm") if checked else QCoreApplication.translate("DateField", "dd.mm.yyyy")
        )
        typed = date_from_text(self.birth_date.text())
        if checked and isinstance(typed, date):
            self.birth_date.line.setText(typed.strftime("%d.%m"))  # the year typed is dropped, as asked
        self._validate()

    def fields(self) -> ContactFields | None:
        birth = self._birth()
        if isinstance(birth, str):
            return None
        return ContactFields(
            full_name=self.full_name.text(),
            position=self.position.text(),
            birth_date=birth,
            phones=tuple(_lines(self.phones.toPlainText(), ";")),
            emails=split_list(self.emails.toPlainText()),
            note=self.note.toPlainText(),
            is_primary=self.primary.isChecked(),
        )

    @Slot()
    def _validate(self) -> bool:
        self.form.clear()
        fields = self.fields()
        today = date.today()
        blocking = False
        if fields is None:
            if self.no_year.isChecked():
                self.form.show("birth_date", self.tr("Birth date: write the day and month as dd.mm, e.g. 25.03"))
            else:
                self.form.show(
                    "birth_date",
                    self.tr(
                        "Birth date: write it as dd.mm.yyyy, e.g. 25.03.1980 or 25031980 "
                        "(or tick “year unknown” and write 25.03)"
                    ),
                )
            self.age_label.clear()
            blocking = True
            fields = ContactFields(
                full_name=self.full_name.text(),
                phones=tuple(_lines(self.phones.toPlainText(), ";")),
                emails=split_list(self.emails.toPlainText()),
            )
        else:
            age = age_on(fields.birth_date, today)
            if age is not None:
                self.age_label.setText(self.tr("Age: %n", "", age))
            elif fields.birth_date is not None and not year_known(fields.birth_date):
                self.age_label.setText(birthday_text(fields.birth_date))  # "12 марта": the day, no year
            else:
                self.age_label.clear()
        for problem in contacts.check_contact(fields, today):
            self.form.show(problem.field, str(problem), blocking=problem.blocking)
            blocking = blocking or problem.blocking
        return not blocking

    def store(self) -> SaveResult:
        fields = self.fields()
        assert fields is not None  # Save checked the fields first
        if self.contact is None:
            return contacts.add_contact(self.uow(), self.client_id, fields)
        return contacts.update_contact(self.uow(), self.contact.id, self.contact.version, fields)

    def _saved(self, result: SaveResult) -> None:
        self.saved_id = result.id

    def saved_now(self) -> tuple[ContactFields, int]:
        assert self.contact is not None
        person = contacts.get_contact(self.uow(), self.contact.id)
        return person.fields(), person.version

    def store_over(self, fields: ContactFields, version: int) -> SaveResult:
        assert self.contact is not None
        return contacts.update_contact(self.uow(), self.contact.id, version, fields)

    @classmethod
    def edit(
        cls,
        parent: QWidget,
        uow: UowFactory,
        client_id: int,
        contact: ContactPerson | None = None,
        *,
        ops: Operations | None = None,
    ) -> bool:
        """Show the dialog; True when a contact was saved (through *ops*: the card's runner and bus)."""
        dialog = cls(uow, client_id, contact, parent, ops=ops)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog.exec() == QDialog.DialogCode.Accepted


def _lines(text: str, separators: str) -> list[str]:
    """One phone per line; *separators* also split (phones keep commas: "..., доб. 12")."""
    for separator in separators:
        text = text.replace(separator, "\n")
    return [line.strip() for line in text.splitlines() if line.strip()]
