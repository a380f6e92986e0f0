"""Editing a deal, and logging a contact (with "log the result and plan the next contact")."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import FieldProblem
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
from salesdesk.domain.numbers import money_text
from salesdesk.domain.text import parse_amount
from salesdesk.domain.validation import amount_problem
from salesdesk.services import deals, history, reference
from salesdesk.services.common import UowFactory
from salesdesk.ui.conflict_dialog import plain_text
from salesdesk.ui.dialogs import HookDialog
from salesdesk.ui.forms import FormDialog
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import MUTED, DateField, FieldGrid


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DealDialog(FormDialog):
    """Add or edit a deal; checks as you type; a won deal with a contract end plans its renewal."""

    def __init__(
        self,
        uow: UowFactory,
        client_id: int,
        deal: Deal | None,
        renewal_days: int,
        default_owner: int | None,
        parent: QWidget | None = None,
        *,
        ops: Operations | None = None,
    ) -> None:
        super().__init__(uow, ops, parent, fallback="title")
        self.client_id = client_id
        self.deal = deal
        self.renewal_days = renewal_days
        self.saved_id: int | None = None
        self.saved: deals.DealSaved | None = None  # what the save did (a won deal may make the client active)
        self.setWindowTitle(self.tr("New deal") if deal is None else deal.title)
        self.setMinimumWidth(500)
        grid = QGridLayout()
        form = FieldGrid(grid)
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
        self.opened = DateField()
        self.opened.set_value(date.today())
        self.closed = DateField()
        self.closed.set_value(date.today())
        self.contract_end = DateField()
        no_end = self.tr("no end date")
        self.contract_end.line.setPlaceholderText(no_end)
        wide = self.contract_end.line.fontMetrics().horizontalAdvance(no_end) + 24
        self.contract_end.line.setMinimumWidth(max(self.contract_end.line.minimumWidth(), wide))
        self.contract_end.line.setMaximumWidth(max(self.contract_end.line.maximumWidth(), wide))
        self.owner = QComboBox()
        self.owner.addItem(self.tr("— not set —"), None)
        managers: list[list[Manager]] = []  # a list that cannot be read: the error shows, the deal can still be saved
        self.ops.read(lambda: reference.list_managers(self.uow(), include_inactive=False), managers.append)
        for manager in managers[0] if managers else ():
            self.owner.addItem(manager.name, manager.id)
        self.renewal_note = QLabel()
        self.renewal_note.setWordWrap(True)
        self.renewal_note.setStyleSheet(MUTED)
        rows: list[tuple[str, str, object]] = [
            (self.tr("Deal:"), "title", self.title),
            (self.tr("Amount:"), "amount", amount_row),
            (self.tr("Stage:"), "stage", self.stage),
            (self.tr("Reason lost:"), "lost_reason", self.lost_reason),
            (self.tr("Opened on:"), "opened_on", self.opened),
            (self.tr("Closed on:"), "closed_on", self.closed),
            (self.tr("Contract ends:"), "contract_end", self.contract_end),
            (self.tr("Owner:"), "owner_id", self.owner),
        ]
        for label, key, widget in rows:
            form.add(label, widget, self.form.new(key))  # type: ignore[arg-type]
        labels = {key: label.rstrip(":") for label, key, _widget in rows}
        self.left.watch("amount", self.amount)
        for key, watched in (
            ("title", self.title),
            ("lost_reason", self.lost_reason),
            ("opened_on", self.opened),
            ("closed_on", self.closed),
            ("contract_end", self.contract_end),
        ):
            self.left.watch(key, watched)
        form.add_wide(self.renewal_note)
        self.buttons = self.lay_out(grid)
        if deal is not None:
            self.title.setText(deal.title)
            self.amount.setText(QLocale().toString(float(deal.amount.amount), "f", 2))
            self.currency.setCurrentText(deal.amount.currency)
            self.stage.setCurrentIndex(self.stage.findData(deal.stage.value))
            self.lost_reason.setText(deal.lost_reason)
            self.opened.set_value(deal.opened_on)
            if deal.closed_on is not None:
                self.closed.set_value(deal.closed_on)
            self.contract_end.set_value(deal.contract_end)
            self.owner.setCurrentIndex(max(0, self.owner.findData(deal.owner_id)))
            self.watch_conflicts(deals.deal_fields(deal), labels)
        else:
            self.owner.setCurrentIndex(max(0, self.owner.findData(default_owner)))
        for edit in (self.title, self.amount, self.lost_reason):
            edit.textChanged.connect(self._validate)
        for combo in (self.currency, self.stage, self.owner):
            combo.currentIndexChanged.connect(self._validate)
        for dates in (self.opened, self.closed, self.contract_end):
            dates.changed.connect(self._validate)
        self._validate()

    def _amount(self) -> Decimal | None:
        return parse_amount(self.amount.text())

    def _typing_problems(self) -> list[tuple[str, str]]:
        """What cannot even be read: an amount that is no number, a date that is no date."""
        out: list[tuple[str, str]] = []
        amount = self._amount()
        if amount is None:
            out.append(("amount", self.tr("Amount: write a number, e.g. 125000,50")))
        elif (problem := amount_problem(amount, typed=self.amount.text())) is not None:
            out.append(("amount", str(problem)))  # 1e30 or 0.001: refused, never rounded into another sum
        stage = DealStage(self.stage.currentData())
        dates = [
            ("opened_on", self.opened, self.tr("Opened on"), True),
            ("contract_end", self.contract_end, self.tr("Contract ends"), False),
        ]
        if stage.closed:
            dates.append(("closed_on", self.closed, self.tr("Closed on"), True))
        for key, field, name, required in dates:
            value = field.value()
            if isinstance(value, str) or (value is None and required):
                out.append(
                    (key, self.tr("%1: write the date as dd.mm.yyyy, e.g. 15.03.2027 or 15032027").replace("%1", name))
                )
        return out

    def fields(self) -> DealFields | None:
        if self._typing_problems():
            return None
        amount = self._amount()
        assert amount is not None
        stage = DealStage(self.stage.currentData())
        opened, closed, ends = self.opened.value(), self.closed.value(), self.contract_end.value()
        assert isinstance(opened, date) and not isinstance(ends, str) and not isinstance(closed, str)
        return DealFields(
            title=self.title.text(),
            amount=Money.of(amount, self.currency.currentText()),
            stage=stage,
            lost_reason=self.lost_reason.text() if stage is DealStage.LOST else "",
            opened_on=opened,
            closed_on=closed if stage.closed else None,
            contract_end=ends,
            owner_id=self.owner.currentData(),
        )

    @Slot()
    def _validate(self) -> bool:
        stage = DealStage(self.stage.currentData())
        self.lost_reason.setEnabled(stage is DealStage.LOST)
        self.closed.setEnabled(stage.closed)
        self.form.clear()
        fields = self.fields()
        problems: list[FieldProblem] = []
        typing = self._typing_problems()
        for key, text in typing:
            self.form.show(key, text)
        if fields is not None:
            problems = deals.check_deal(fields)
        for problem in problems:
            self.form.show(problem.field, str(problem))
        if fields is not None and not problems and fields.stage is DealStage.WON and fields.contract_end is not None:
            self.renewal_note.setText(
                str(deals.renewal_note(fields.contract_end, self.renewal_days, datetime.now(UTC)))
            )
        else:
            self.renewal_note.setText("")
        return fields is not None and not problems

    def store(self) -> deals.DealSaved:
        fields = self.fields()
        assert fields is not None  # Save checked the fields first
        if self.deal is None:
            return deals.add_deal(self.uow(), self.client_id, fields, renewal_days=self.renewal_days)
        return deals.update_deal(self.uow(), self.deal.id, self.deal.version, fields, renewal_days=self.renewal_days)

    def _saved(self, result: deals.DealSaved) -> None:
        self.saved = result
        self.saved_id = result.id

    def saved_now(self) -> tuple[DealFields, int]:
        assert self.deal is not None
        deal = deals.get_deal(self.uow(), self.deal.id)
        return deals.deal_fields(deal), deal.version

    def store_over(self, fields: DealFields, version: int) -> deals.DealSaved:
        assert self.deal is not None
        return deals.update_deal(self.uow(), self.deal.id, version, fields, renewal_days=self.renewal_days)

    def describe(self, key: str, value: object) -> str:
        if key == "owner_id":
            index = self.owner.findData(value)
            return self.owner.itemText(index) if index >= 0 else plain_text(key, value)
        if isinstance(value, Money):
            return money_text(value)
        return plain_text(key, value)

    @classmethod
    def edit(
        cls,
        parent: QWidget,
        uow: UowFactory,
        client_id: int,
        deal: Deal | None,
        renewal_days: int,
        default_owner: int | None,
        *,
        ops: Operations | None = None,
    ) -> deals.DealSaved | None:
        """The saved deal, or None if the dialog was cancelled (saved through *ops*: the caller's
        runner and change bus)."""
        dialog = cls(uow, client_id, deal, renewal_days, default_owner, parent, ops=ops)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


class LogDialog(FormDialog):
    """Record a call, meeting, letter or note; optionally close a reminder and plan the next contact."""

    def __init__(
        self,
        uow: UowFactory,
        client_id: int,
        *,
        client_name: str = "",
        reminder_id: int | None = None,
        reminder_text: str = "",
        manager_id: int | None = None,
        parent: QWidget | None = None,
        ops: Operations | None = None,
    ) -> None:
        super().__init__(uow, ops, parent, fallback="summary")
        self.client_id = client_id
        self.reminder_id = reminder_id
        self.manager_id = manager_id
        self.logged: history.Logged | None = None
        self.setWindowTitle(self.tr("Log a contact") + (f" — {client_name}" if client_name else ""))
        self.setMinimumWidth(540)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.kind = QComboBox()
        for kind in InteractionKind:
            self.kind.addItem(kind.label, kind.value)
        now = QDateTime.currentDateTime()
        self.when = DateField()
        self.when.set_value(date.today())
        self.when_time = QTimeEdit(now.time())
        self.when_time.setDisplayFormat("HH:mm")
        self.when_message = self.form.new("occurred_at")
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addWidget(self.when_time)
        when_row.addStretch(1)
        when_box = QVBoxLayout()
        when_box.setSpacing(1)
        when_box.addLayout(when_row)
        when_box.addWidget(self.when_message)
        self.summary = QPlainTextEdit(reminder_text)
        self.summary.setFixedHeight(80)
        self.summary.setPlaceholderText(self.tr("What was it about?"))
        self.result_edit = QLineEdit()
        self.result_edit.setPlaceholderText(self.tr("What came of it (optional)"))
        self.summary_message = self.form.new("summary")
        summary_box = QVBoxLayout()
        summary_box.addWidget(self.summary)
        summary_box.addWidget(self.summary_message)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("When:"), when_box)
        form.addRow(self.tr("Summary:"), summary_box)
        form.addRow(self.tr("Result:"), self.result_edit)
        # a contact that got through confirms the card's phone or e-mail (issue 16: fresh data)
        self.reached = QCheckBox()
        self.reached.setChecked(True)
        form.addRow("", self.reached)
        # a long reminder text is shortened in the checkbox (it cannot wrap); the tooltip has it whole
        short = self.fontMetrics().elidedText(" ".join(reminder_text.split()), Qt.TextElideMode.ElideRight, 300)
        self.close_reminder = QCheckBox(self.tr("Mark the reminder “%1” done").replace("%1", short))
        self.close_reminder.setChecked(reminder_id is not None)
        self.close_reminder.setVisible(reminder_id is not None)
        self.plan = QCheckBox(self.tr("Plan the next contact"))
        self.plan.setChecked(reminder_id is not None)
        # the preview goes on its own line under the checkbox: in Russian both are long
        self.plan_label = QLabel()
        self.plan_label.setStyleSheet(MUTED)
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_label.setIndent(self.plan.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6)
        self._next = history.NextContact(reminder_text or self.tr("Get back to the client"), months=3)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan)
        plan_row.addStretch(1)
        self.plan_button = QPushButton(self.tr("When…"))
        plan_row.addWidget(self.plan_button)
        body = QVBoxLayout()
        body.addLayout(form)
        body.addWidget(self.close_reminder)
        body.addLayout(plan_row)
        body.addWidget(self.plan_label)
        self.close_reminder.setToolTip(reminder_text)
        self.buttons = self.lay_out(body)
        self.summary.textChanged.connect(self._validate)
        self.when.left.connect(self._check_when)
        self.when.changed.connect(self.when_message.clear_problem)
        self.plan.toggled.connect(self._show_plan)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._show_plan()
        self._on_kind_current_index_changed()
        self._validate()

    @Slot()
    def _on_kind_current_index_changed(self) -> None:
        kind = InteractionKind(self.kind.currentData())
        if kind is InteractionKind.EMAIL:
            self.reached.setText(self.tr("They answered: the e-mail is confirmed"))
        else:
            self.reached.setText(self.tr("Got through: the phone is confirmed"))
        self.reached.setVisible(kind is not InteractionKind.NOTE)
        self.reached.setToolTip(
            self.tr("The card's data stay fresh: a contact that got through confirms the phone or e-mail")
        )

    @Slot()
    def _show_plan(self) -> None:
        plan = self._next
        if plan.on is not None:
            when = QLocale().toString(_qdate(plan.on), QLocale.FormatType.ShortFormat)
        else:
            when = HookDialog.in_months_text(plan.months or 3).lower()
        self.plan_label.setText(f"{when}: {plan.text}" if self.plan.isChecked() else "")
        self.plan_label.setVisible(self.plan.isChecked())
        self.plan_button.setEnabled(self.plan.isChecked())

    @Slot()
    def _on_plan_button_clicked(self) -> None:
        choice = HookDialog.ask(self, text=self._next.text, months=self._next.months or 3)
        if choice is not None:
            self._next = history.NextContact(
                choice.text, months=choice.months, on=choice.on, recurrence=choice.recurrence
            )
            self._show_plan()

    @Slot()
    def _validate(self) -> bool:
        ok = bool(self.summary.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    @Slot()
    def _check_when(self) -> bool:
        if isinstance(self.when.value(), date):
            self.when_message.clear_problem()
            return True
        self.when_message.show_problem(
            self.tr("Write the date as dd.mm.yyyy, e.g. 15.03.2027 or 15032027"), blocking=True
        )
        return False

    def fields(self) -> InteractionFields:
        day = self.when.value()
        assert isinstance(day, date)
        moment = QDateTime(_qdate(day), self.when_time.time()).toSecsSinceEpoch()
        return InteractionFields(
            kind=InteractionKind(self.kind.currentData()),
            occurred_at=datetime.fromtimestamp(moment, UTC),
            summary=self.summary.toPlainText(),
            result=self.result_edit.text(),
            manager_id=self.manager_id,
        )

    def accept(self) -> None:
        if self._check_when():
            super().accept()

    def store(self) -> history.Logged:
        """The contact, the reminder closed and the next one planned: one service call, one transaction."""
        return history.log_and_plan(
            self.uow(),
            self.client_id,
            self.fields(),
            close_reminder=self.reminder_id if self.close_reminder.isChecked() else None,
            plan=self._next if self.plan.isChecked() else None,
            manager_id=self.manager_id,
            reached=self.reached.isChecked(),  # a note confirms nothing whatever it says
        )

    def _saved(self, result: history.Logged) -> None:
        self.logged = result

    @classmethod
    def log(cls, parent: QWidget, uow: UowFactory, client_id: int, **options: object) -> bool:
        dialog = cls(uow, client_id, parent=parent, **options)  # type: ignore[arg-type]
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog.exec() == QDialog.DialogCode.Accepted
