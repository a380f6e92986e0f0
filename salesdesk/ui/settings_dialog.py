"""Settings: interface language, who I am (the current manager), the office's managers, their roles
and the base's rules (ui/roles_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk import settings as seat
from salesdesk.domain.birthdays import MAX_DAYS_BEFORE
from salesdesk.domain.errors import UserError
from salesdesk.domain.freshness import DEFAULT_MONTHS, MAX_MONTHS, MIN_MONTHS
from salesdesk.domain.model import Manager, ManagerFields
from salesdesk.services import freshness, reference
from salesdesk.services.common import UowFactory
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.settings import Settings
from salesdesk.ui.widgets import MUTED


class SettingsDialog(QDialog):
    """Reads and adds managers through the window's operations: an error is a message box over
    this dialog, never a crash; a manager added reaches the window's lists by the change bus."""

    def __init__(
        self,
        uow: UowFactory,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = operations_for(self, self._show_error, operations, uow)
        self.uow = self.ops.uow
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem(self.tr("As in the system"), "system")
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language:"), self.language)
        self.language_note = QLabel(self.tr("The new language applies after a restart."))
        self.language_note.setStyleSheet(MUTED)
        self.language_note.hide()
        form.addRow("", self.language_note)
        manager_row = QHBoxLayout()
        self.manager = QComboBox()
        self.add_manager_button = QPushButton(self.tr("New manager…"))
        manager_row.addWidget(self.manager, 1)
        manager_row.addWidget(self.add_manager_button)
        form.addRow(self.tr("I am:"), manager_row)
        hint = QLabel(
            self.tr(
                "New clients and reminders are assigned to this manager; the Reminders panel and the "
                "start-up notice count this manager's reminders."
            )
        )
        hint.setStyleSheet(MUTED)
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.roles_button = QPushButton(self.tr("Roles and rules…"))
        self.roles_button.setToolTip(
            self.tr("Who is a head, and whether the other managers may export the whole base or erase")
        )
        roles_row = QHBoxLayout()
        roles_row.addWidget(self.roles_button)
        roles_row.addStretch(1)
        form.addRow(self.tr("Several seats:"), roles_row)
        self.renewal_days = QSpinBox()
        self.renewal_days.setRange(1, 365)
        self.renewal_days.setValue(settings.renewal_days)
        self.renewal_days.setMaximumWidth(120)
        self._on_renewal_days_value_changed(self.renewal_days.value())
        self.renewal_days.valueChanged.connect(self._on_renewal_days_value_changed)
        form.addRow(self.tr("Offer new terms before a contract ends:"), self.renewal_days)
        self.birthday_days = QSpinBox()  # 0 is "off": no birthday reminders are made (the default)
        self.birthday_days.setRange(0, MAX_DAYS_BEFORE)
        self.birthday_days.setSpecialValueText(self.tr("do not remind"))
        self.birthday_days.setValue(settings.birthday_days)
        self.birthday_days.setMaximumWidth(160)
        self.birthday_days.setToolTip(
            self.tr(
                "A reminder for the client's manager this many days before a contact person's birthday, once a year"
            )
        )
        self._on_birthday_days_value_changed(self.birthday_days.value())
        self.birthday_days.valueChanged.connect(self._on_birthday_days_value_changed)
        form.addRow(self.tr("Remind of birthdays ahead by:"), self.birthday_days)
        self.trash_days = QSpinBox()  # 0 is "never": the trash keeps everything until emptied by hand
        self.trash_days.setRange(0, seat.MAX_TRASH_DAYS)
        self.trash_days.setSpecialValueText(self.tr("never"))
        self.trash_days.setValue(settings.trash_days or 0)
        self.trash_days.setMaximumWidth(120)
        self._on_trash_days_value_changed(self.trash_days.value())
        self.trash_days.valueChanged.connect(self._on_trash_days_value_changed)
        form.addRow(self.tr("Empty the trash of what is older than:"), self.trash_days)
        # the base's setting, not the seat's: every seat of a shared base counts stale fields alike
        self.stale_months = QSpinBox()
        self.stale_months.setRange(MIN_MONTHS, MAX_MONTHS)
        self.stale_months.setValue(DEFAULT_MONTHS)
        self.stale_months.setMaximumWidth(140)
        self.stale_months.setToolTip(
            self.tr(
                "A requisite, phone or e-mail nobody has confirmed for this long counts half in the card's "
                "completeness and shows under “Needs checking”. The same for every seat of the base."
            )
        )
        self._stored_months = DEFAULT_MONTHS
        self.stale_months.valueChanged.connect(self._on_stale_months_value_changed)
        form.addRow(self.tr("Data need checking after:"), self.stale_months)
        # the first start's welcome (ui/welcome.py), again at the next start; Help → Welcome… shows it now
        self.show_welcome = QCheckBox(self.tr("Show the welcome at the next start"))
        self.show_welcome.setChecked(settings.welcome_due)
        form.addRow("", self.show_welcome)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_manager_button.clicked.connect(self._on_add_manager_button_clicked)
        self.roles_button.clicked.connect(self._on_roles_button_clicked)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self._fill_managers(settings.current_manager_id)
        uow_ = self.uow
        self.ops.read(lambda: freshness.stale_months(uow_()), self._show_stale_months)

    def _show_stale_months(self, months: int) -> None:
        self._stored_months = months
        self.stale_months.setValue(months)
        self._on_stale_months_value_changed(months)

    @Slot(int)
    def _on_stale_months_value_changed(self, value: int) -> None:
        self.stale_months.setSuffix(" " + self.tr("month(s)", "", value))

    @Slot(int)
    def _on_renewal_days_value_changed(self, value: int) -> None:
        # a numerus text without %n: Qt still picks the plural form that fits the number shown
        self.renewal_days.setSuffix(" " + self.tr("day(s)", "", value))

    @Slot(int)
    def _on_birthday_days_value_changed(self, value: int) -> None:
        self.birthday_days.setSuffix(" " + self.tr("day(s)", "", value) if value else "")

    def _show_error(self, text: str) -> None:
        Inform.error(self, self.tr("Settings"), text)

    @Slot(int)
    def _on_trash_days_value_changed(self, value: int) -> None:
        self.trash_days.setSuffix(" " + self.tr("day(s)", "", value) if value else "")

    def _fill_managers(self, selected: int | None) -> None:
        uow = self.uow
        self.ops.read(
            lambda: reference.list_managers(uow(), include_inactive=False),
            lambda managers: self._show_managers(managers, selected),
        )

    @Slot()
    def _on_roles_button_clicked(self) -> None:
        from salesdesk.ui.roles_dialog import RolesDialog

        if RolesDialog.edit(self, self.uow, operations=self.ops):
            self._fill_managers(self.manager.currentData())

    def _show_managers(self, managers: list[Manager], selected: int | None) -> None:
        self.manager.clear()
        self.manager.addItem(self.tr("— not chosen —"), None)
        for manager in managers:
            self.manager.addItem(f"{manager.name} — {manager.role.label}", manager.id)
        self.manager.setCurrentIndex(max(0, self.manager.findData(selected)))

    @Slot(int)
    def _on_language_current_index_changed(self, _index: int) -> None:
        self.language_note.setVisible(self.language.currentData() != self.settings.language)

    @Slot()
    def _on_add_manager_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New manager"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        uow = self.uow

        def refused(exc: UserError) -> bool:
            Inform.error(self, self.tr("New manager"), str(exc))
            return True

        self.ops.run(
            lambda: reference.create_manager(uow(), ManagerFields(name=name)),
            lambda added: self._fill_managers(added.id),
            on_error=refused,
        )

    def accept(self) -> None:
        months = self.stale_months.value()
        if months != self._stored_months:
            uow = self.uow

            def refused(exc: UserError) -> bool:
                Inform.error(self, self.tr("Settings"), str(exc))
                return True

            if not self.ops.run(lambda: freshness.set_stale_months(uow(), months), on_error=refused):
                return  # a manager who is not a head: said, and the dialog stays open
            self._stored_months = months
        self.settings.language = self.language.currentData()
        self.settings.current_manager_id = self.manager.currentData()
        self.settings.renewal_days = self.renewal_days.value()
        self.settings.trash_days = self.trash_days.value() or None
        self.settings.birthday_days = self.birthday_days.value()
        self.settings.welcome_due = self.show_welcome.isChecked()
        self.settings.sync()
        super().accept()

    @classmethod
    def edit(
        cls, parent: QWidget, uow: UowFactory, settings: Settings, *, operations: Operations | None = None
    ) -> bool:
        return cls(uow, settings, parent, operations=operations).exec() == QDialog.DialogCode.Accepted
