"""The card's History tab: calls, meetings, letters, deals and reminders on one time line; log a
contact (LogDialog: one transaction with closing a reminder and planning the next), delete an entry."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from salesdesk.domain.model import DealStage, InteractionKind, Reminder
from salesdesk.services import history
from salesdesk.ui.card.lists import CardContext, ListTab, clear, one_line
from salesdesk.ui.deal_dialogs import LogDialog
from salesdesk.ui.widgets import MUTED, short_datetime


class HistoryTab(ListTab):
    def __init__(self, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.log_button = QPushButton(self.tr("Log a contact…"))
        self.log_button.setToolTip(self.tr("A call, meeting, letter or note; and the next contact"))
        self.delete_button = QPushButton(self.tr("Delete"))
        row.addWidget(self.log_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        self.view, self.model = context.list_view(
            "history",
            [self.tr("When"), self.tr("What"), self.tr("Summary"), self.tr("Result"), self.tr("Who")],
            2,
            keep=(0,),
        )
        self.empty = QLabel(self.tr("Nothing recorded yet: log calls, meetings and letters here."))
        self.empty.setStyleSheet(MUTED)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def fill(self) -> None:
        locale = QLocale()
        clear(self.model)
        card = self.card
        entries = history.build_timeline(card.interactions, card.deals, card.reminders) if card else []
        for entry in entries:
            when = QStandardItem(short_datetime(locale, entry.when))
            when.setData(f"{entry.kind.value}:{entry.ident}", Qt.ItemDataRole.UserRole)
            what = QStandardItem(self._entry_kind(entry))
            self.model.appendRow([when, what, one_line(entry.title), one_line(entry.detail), QStandardItem(entry.who)])
        self.empty.setVisible(self.model.rowCount() == 0)
        self.log_button.setEnabled(card is not None)
        self._update_buttons()
        self.fit(self.view)

    def _entry_kind(self, entry: history.TimelineEntry) -> str:
        if entry.kind is history.EntryKind.INTERACTION:
            return InteractionKind(entry.subtype).label
        if entry.kind is history.EntryKind.DEAL:
            return self.tr("Deal · %1").replace("%1", DealStage(entry.subtype).label)
        return self.tr("Reminder · done") if entry.subtype == "done" else self.tr("Reminder")

    def log_contact(self, reminder: Reminder | None = None) -> bool:
        """The "log a contact" dialog; with a reminder it also closes it and plans the next contact."""
        client = self.client
        if client is None:
            return False
        return LogDialog.log(  # one transaction (history.log_and_plan); the change bus brings the tabs up to date
            self,
            self.uow,
            client.id,
            client_name=client.name,
            reminder_id=reminder.id if reminder else None,
            reminder_text=reminder.text if reminder else "",
            manager_id=self.context.current_manager(),
            ops=self.ops,
        )

    @Slot()
    def _on_log_button_clicked(self) -> None:
        if self.log_contact():
            self.wants_focus.emit()

    def _selected_entry(self) -> tuple[str, int] | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        kind, _, ident = str(rows[0].siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)).partition(":")
        return kind, int(ident)

    @Slot()
    def _update_buttons(self) -> None:
        entry = self._selected_entry()
        self.delete_button.setEnabled(entry is not None and entry[0] == history.EntryKind.INTERACTION.value)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        entry = self._selected_entry()
        if entry is None or entry[0] != history.EntryKind.INTERACTION.value:
            return
        ident, uow = entry[1], self.uow
        self.trash_with_undo(
            lambda: history.trash_interaction(uow(), ident),
            lambda: history.restore_interaction(uow(), ident),
            self.tr("Entry deleted."),
        )
