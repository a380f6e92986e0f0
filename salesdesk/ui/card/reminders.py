"""The card's Reminders tab: the client's reminders; plan the next contact (the "hook"), done,
delete with Undo. After the reminders panel or a dialog changed them, the card hands the tab the
new list (`show_reminders`), and nothing else of the card is read again."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from salesdesk.domain.model import Recurrence, Reminder
from salesdesk.services import reminders
from salesdesk.ui.card.lists import CardContext, ListTab, clear, selected_id
from salesdesk.ui.dialogs import HookChoice, hook_menu
from salesdesk.ui.widgets import short_datetime


class RemindersTab(ListTab):
    def __init__(self, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        self.view, self.model = context.list_view(
            "reminders", [self.tr("Due"), self.tr("Reminder"), self.tr("Repeat"), self.tr("State")], 1, keep=(0,)
        )
        row = QHBoxLayout()
        self.hook_button = QPushButton(self.tr("Remind me…"))
        self.hook_button.setMenu(hook_menu(self, self._hook))
        self.done_button = QPushButton(self.tr("Done"))
        self.delete_button = QPushButton(self.tr("Delete"))
        row.addWidget(self.hook_button)
        row.addWidget(self.done_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def fill(self) -> None:
        locale = QLocale()
        now = datetime.now(UTC)
        clear(self.model)
        for item in self.card.reminders if self.card else ():
            if item.done:
                state = self.tr("done")
            elif item.effective_due < now:
                state = self.tr("overdue")
            elif item.snoozed_until and item.snoozed_until > item.due_at:
                state = self.tr("snoozed")
            else:
                state = ""
            due = QStandardItem(short_datetime(locale, item.effective_due))
            due.setData(item.id, Qt.ItemDataRole.UserRole)
            repeat = "" if item.recurrence is Recurrence.NONE else item.recurrence.label
            self.model.appendRow([due, QStandardItem(item.text), QStandardItem(repeat), QStandardItem(state)])
        self.hook_button.setEnabled(self.card is not None)
        self._update_buttons()
        self.fit(self.view)

    def show_reminders(self, items: tuple[Reminder, ...]) -> None:
        """The client's reminders as read again (only they changed)."""
        if self.card is not None:
            self.show_card(dataclasses.replace(self.card, reminders=items))

    @Slot()
    def _update_buttons(self) -> None:
        ident = selected_id(self.view)
        reminder = next((r for r in self.card.reminders if r.id == ident), None) if self.card else None
        self.done_button.setEnabled(reminder is not None and not reminder.done)
        self.delete_button.setEnabled(reminder is not None)

    def _hook(self, choice: HookChoice | None, months: int | None) -> None:
        if self.client is None or (choice is None and months is None):
            return  # no client, or the dialog was cancelled
        uow, client_id, manager = self.uow, self.client.id, self.context.current_manager()
        if choice is not None:
            self.ops.run(
                lambda: reminders.hook(
                    uow(),
                    client_id,
                    choice.text,
                    months=choice.months,
                    on=choice.on,
                    recurrence=choice.recurrence,
                    manager_id=manager,
                )
            )
        else:
            text = self.tr("Get back to the client")
            self.ops.run(lambda: reminders.hook(uow(), client_id, text, months=months, manager_id=manager))

    def hook(self, months: int) -> None:
        """Plan the next contact in *months* (the quick "remind me in 3 months")."""
        self._hook(None, months)

    @Slot()
    def _on_done_button_clicked(self) -> None:
        ident = selected_id(self.view)
        if ident is not None:
            uow = self.uow
            self.ops.run(lambda: reminders.complete_reminder(uow(), ident))

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        ident = selected_id(self.view)
        if ident is not None:
            uow = self.uow
            self.trash_with_undo(
                lambda: reminders.trash_reminder(uow(), ident),
                lambda: reminders.restore_reminder(uow(), ident),
                self.tr("Reminder deleted."),
            )
