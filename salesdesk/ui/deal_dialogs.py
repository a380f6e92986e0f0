"""Editing a deal, and logging a contact (with "log the result and plan the next contact")."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import FieldProblem, UserError, ValidationError
from salesdesk.domain.model import (
    CURRENCIES,
    Deal,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    Manager,
    Money,
)
from salesdesk.domain.text import parse_amount
from salesdesk.services import deals, history, reference
from salesdesk.services.common import UowFactory
from salesdesk.ui.dialogs import HookDialog, Inform
from salesdesk.ui.widgets import MUTED, FieldMessage


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(edit: QDateEdit) -> date:
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())


class _OptionalDate(QWidget):
    """A date that may be left out: a checkbox and a date field."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)

    def value(self) -> date | None:
        return _date(self.edit) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(_qdate(value))


class DealDialog(QDialog):
    """Add or edit a deal; checks as you type; a won deal with a contract end plans its renewal."""

    def __init__(self, uow: UowFactory, client_id: int, deal: Deal | None, renewal_days: int,
                 default_owner: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.client_id = client_id
        self.deal = deal
        self.renewal_days = renewal_days
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New deal") if deal is None else deal.title)
        self.setMinimumWidth(480)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.title = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(QLocale().toString(1250000.5, "f", 2))
        self.currency = QComboBox()
        self.currency.addItems(list(CURRENCIES))
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency)
        self.stage = QComboBox()
        for stage in DealStage:
            self.stage.addItem(stage.label, stage.value)
        self.lost_reason = QLineEdit()
        self.opened = QDateEdit(QDate.currentDate())
        self.opened.setCalendarPopup(True)
        self.closed = QDateEdit(QDate.currentDate())
        self.closed.setCalendarPopup(True)
        self.contract_end = _OptionalDate(self.tr("has an end date"))
        self.owner = QComboBox()
        self.owner.addItem(self.tr("— not set —"), None)
        managers: list[Manager] = reference.list_managers(uow(), include_inactive=False)
        for manager in managers:
            self.owner.addItem(manager.name, manager.id)
        self.renewal_note = QLabel()
        self.renewal_note.setWordWrap(True)
        self.renewal_note.setStyleSheet(MUTED)
        self.messages: dict[str, FieldMessage] = {}
        rows: list[tuple[str, str, object]] = [
            (self.tr("Deal:"), "title", self.title), (self.tr("Amount:"), "amount", amount_row),
            (self.tr("Stage:"), "stage", self.stage), (self.tr("Reason lost:"), "lost_reason", self.lost_reason),
            (self.tr("Opened on:"), "opened_on", self.opened), (self.tr("Closed on:"), "closed_on", self.closed),
            (self.tr("Contract:"), "contract_end", self.contract_end), (self.tr("Owner:"), "owner_id", self.owner),
        ]
        for label, key, widget in rows:
            box = QVBoxLayout()
            box.setSpacing(1)
            if isinstance(widget, QHBoxLayout):
                box.addLayout(widget)
            else:
                box.addWidget(widget)  # type: ignore[arg-type]
            message = FieldMessage()
            box.addWidget(message)
            self.messages[key] = message
            form.addRow(label, box)
        form.addRow("", self.renewal_note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if deal is not None:
            self.title.setText(deal.title)
            self.amount.setText(QLocale().toString(float(deal.amount.amount), "f", 2))
            self.currency.setCurrentText(deal.amount.currency)
            self.stage.setCurrentIndex(self.stage.findData(deal.stage.value))
            self.lost_reason.setText(deal.lost_reason)
            self.opened.setDate(_qdate(deal.opened_on))
            if deal.closed_on is not None:
                self.closed.setDate(_qdate(deal.closed_on))
            self.contract_end.set_value(deal.contract_end)
            self.owner.setCurrentIndex(max(0, self.owner.findData(deal.owner_id)))
        else:
            self.owner.setCurrentIndex(max(0, self.owner.findData(default_owner)))
        for edit in (self.title, self.amount, self.lost_reason):
            edit.textChanged.connect(self._validate)
        for combo in (self.currency, self.stage, self.owner):
            combo.currentIndexChanged.connect(self._validate)
        for dates in (self.opened, self.closed, self.contract_end.edit):
            dates.dateChanged.connect(self._validate)
        self.contract_end.check.toggled.connect(self._validate)
        self._validate()

    def _amount(self) -> Decimal | None:
        return parse_amount(self.amount.text())

    def fields(self) -> DealFields | None:
        amount = self._amount()
        if amount is None:
            return None
        stage = DealStage(self.stage.currentData())
        return DealFields(
            title=self.title.text(), amount=Money.of(amount, self.currency.currentText()), stage=stage,
            lost_reason=self.lost_reason.text() if stage is DealStage.LOST else "", opened_on=_date(self.opened),
            closed_on=_date(self.closed) if stage.closed else None, contract_end=self.contract_end.value(),
            owner_id=self.owner.currentData(),
        )

    @Slot()
    def _validate(self) -> bool:
        stage = DealStage(self.stage.currentData())
        self.lost_reason.setEnabled(stage is DealStage.LOST)
        self.closed.setEnabled(stage.closed)
        for message in self.messages.values():
            message.clear_problem()
        fields = self.fields()
        problems: list[FieldProblem] = []
        if fields is None:
            self.messages["amount"].show_problem(self.tr("Amount: write a number, e.g. 125000,50"), blocking=True)
        else:
            problems = deals.check_deal(fields)
        for problem in problems:
            self.messages.get(problem.field, self.messages["title"]).show_problem(str(problem), blocking=True)
        if fields is not None and fields.stage is DealStage.WON and fields.contract_end is not None:
            self.renewal_note.setText(str(deals.renewal_note(fields.contract_end, self.renewal_days,
                                                             datetime.now(UTC))))
        else:
            self.renewal_note.setText("")
        valid = fields is not None and not problems
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(valid)
        return valid

    def accept(self) -> None:
        fields = self.fields()
        if fields is None or not self._validate():
            return
        try:
            if self.deal is None:
                self.saved_id = deals.add_deal(self.uow(), self.client_id, fields, renewal_days=self.renewal_days).id
            else:
                self.saved_id = deals.update_deal(self.uow(), self.deal.id, self.deal.version, fields,
                                                  renewal_days=self.renewal_days).id
        except ValidationError as exc:
            for problem in exc.problems:
                self.messages.get(problem.field, self.messages["title"]).show_problem(str(problem), blocking=True)
            return
        except UserError as exc:
            Inform.error(self, self.tr("Deal"), str(exc))
            return
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget, uow: UowFactory, client_id: int, deal: Deal | None, renewal_days: int,
             default_owner: int | None) -> bool:
        dialog = cls(uow, client_id, deal, renewal_days, default_owner, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog.exec() == QDialog.DialogCode.Accepted


class LogDialog(QDialog):
    """Record a call, meeting, letter or note; optionally close a reminder and plan the next contact."""

    def __init__(self, uow: UowFactory, client_id: int, *, client_name: str = "", reminder_id: int | None = None,
                 reminder_text: str = "", manager_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.client_id = client_id
        self.reminder_id = reminder_id
        self.manager_id = manager_id
        self.logged: history.Logged | None = None
        self.setWindowTitle(self.tr("Log a contact") + (f" — {client_name}" if client_name else ""))
        self.setMinimumWidth(500)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.kind = QComboBox()
        for kind in InteractionKind:
            self.kind.addItem(kind.label, kind.value)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.summary = QPlainTextEdit(reminder_text)
        self.summary.setFixedHeight(80)
        self.summary.setPlaceholderText(self.tr("What was it about?"))
        self.result_edit = QLineEdit()
        self.result_edit.setPlaceholderText(self.tr("What came of it (optional)"))
        self.summary_message = FieldMessage()
        summary_box = QVBoxLayout()
        summary_box.addWidget(self.summary)
        summary_box.addWidget(self.summary_message)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("When:"), self.when)
        form.addRow(self.tr("Summary:"), summary_box)
        form.addRow(self.tr("Result:"), self.result_edit)
        self.close_reminder = QCheckBox(self.tr("Mark the reminder “%1” done").replace("%1", reminder_text))
        self.close_reminder.setChecked(reminder_id is not None)
        self.close_reminder.setVisible(reminder_id is not None)
        self.plan = QCheckBox(self.tr("Plan the next contact"))
        self.plan.setChecked(reminder_id is not None)
        self.plan_label = QLabel()
        self.plan_label.setStyleSheet(MUTED)
        self._next = history.NextContact(reminder_text or self.tr("Get back to the client"), months=3)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan)
        plan_row.addWidget(self.plan_label, 1)
        self.plan_button = QPushButton(self.tr("When…"))
        plan_row.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.close_reminder)
        layout.addLayout(plan_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary.textChanged.connect(self._validate)
        self.plan.toggled.connect(self._show_plan)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self._show_plan()
        self._validate()

    @Slot()
    def _show_plan(self) -> None:
        plan = self._next
        if plan.on is not None:
            when = QLocale().toString(_qdate(plan.on), QLocale.FormatType.ShortFormat)
        else:
            when = HookDialog.in_months_text(plan.months or 3).lower()
        self.plan_label.setText(f"{when}: {plan.text}" if self.plan.isChecked() else "")
        self.plan_button.setEnabled(self.plan.isChecked())

    @Slot()
    def _on_plan_button_clicked(self) -> None:
        choice = HookDialog.ask(self, text=self._next.text, months=self._next.months or 3)
        if choice is not None:
            self._next = history.NextContact(choice.text, months=choice.months, on=choice.on,
                                             recurrence=choice.recurrence)
            self._show_plan()

    @Slot()
    def _validate(self) -> bool:
        ok = bool(self.summary.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    def fields(self) -> InteractionFields:
        moment = self.when.dateTime().toSecsSinceEpoch()
        return InteractionFields(kind=InteractionKind(self.kind.currentData()),
                                 occurred_at=datetime.fromtimestamp(moment, UTC),
                                 summary=self.summary.toPlainText(), result=self.result_edit.text(),
                                 manager_id=self.manager_id)

    def accept(self) -> None:
        if not self._validate():
            return
        try:
            self.logged = history.log_and_plan(
                self.uow(), self.client_id, self.fields(),
                close_reminder=self.reminder_id if self.close_reminder.isChecked() else None,
                plan=self._next if self.plan.isChecked() else None, manager_id=self.manager_id)
        except ValidationError as exc:
            self.summary_message.show_problem(str(exc), blocking=True)
            return
        except UserError as exc:
            Inform.error(self, self.tr("Log a contact"), str(exc))
            return
        super().accept()

    @classmethod
    def log(cls, parent: QWidget, uow: UowFactory, client_id: int, **options: object) -> bool:
        dialog = cls(uow, client_id, parent=parent, **options)  # type: ignore[arg-type]
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog.exec() == QDialog.DialogCode.Accepted
