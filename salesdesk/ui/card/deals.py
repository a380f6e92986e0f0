"""The card's Deals tab: the client's deals; new and edit (DealDialog), delete with Undo; a won deal
that made a lead or prospect an active client says so, with Undo."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from salesdesk.domain.model import ClientStatus, Deal
from salesdesk.services import deals
from salesdesk.ui.card.lists import CardContext, ListTab, clear, date_text, selected_id
from salesdesk.ui.deal_dialogs import DealDialog
from salesdesk.ui.widgets import MUTED, money_text


class DealsTab(ListTab):
    files_wanted = Signal(int)  # "Files…": the Files tab, on this deal's files

    def __init__(self, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New deal…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.files_button = QPushButton(self.tr("Files…"))
        self.files_button.setToolTip(self.tr("The files of this deal: attach, open, save a copy, rename, delete"))
        for button in (self.add_button, self.edit_button, self.delete_button, self.files_button):
            row.addWidget(button)
        row.addStretch(1)
        headers = [self.tr("Deal"), self.tr("Stage"), self.tr("Amount"), self.tr("Opened"), self.tr("Closed")]
        self.view, self.model = context.list_view("deals", [*headers, self.tr("Contract ends")], 0, keep=(2,))
        self.empty = QLabel(self.tr("No deals with this client yet."))
        self.empty.setStyleSheet(MUTED)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.files_button.clicked.connect(self._on_files_button_clicked)
        self.view.doubleClicked.connect(self._on_edit_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def fill(self) -> None:
        locale = QLocale()
        clear(self.model)
        for deal in self.card.deals if self.card else ():
            amount = QStandardItem(money_text(locale, deal.amount.amount, deal.amount.currency))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            title = QStandardItem(deal.title)
            title.setData(deal.id, Qt.ItemDataRole.UserRole)
            stage = QStandardItem(deal.stage.label)
            if deal.lost_reason:
                stage.setToolTip(deal.lost_reason)
            dates = (deal.opened_on, deal.closed_on, deal.contract_end)
            self.model.appendRow([title, stage, amount, *(QStandardItem(date_text(locale, d)) for d in dates)])
        self.empty.setVisible(self.model.rowCount() == 0)
        self.add_button.setEnabled(self.card is not None)
        self._update_buttons()
        self.fit(self.view)

    @Slot()
    def _update_buttons(self) -> None:
        has = selected_id(self.view) is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.files_button.setEnabled(has)

    @Slot()
    def _on_files_button_clicked(self) -> None:
        deal = self._selected()
        if deal is not None:
            self.files_wanted.emit(deal.id)

    def _selected(self) -> Deal | None:
        ident = selected_id(self.view)
        if self.card is None or ident is None:
            return None
        return next((d for d in self.card.deals if d.id == ident), None)

    def show_deal(self, deal_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(Qt.ItemDataRole.UserRole) == deal_id:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self._edit(None)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        deal = self._selected()
        if deal is not None:
            self._edit(deal)

    def _edit(self, deal: Deal | None) -> None:
        if self.client is None:
            return
        days, owner = self.context.renewal_days(), self.context.current_manager()
        saved = DealDialog.edit(self, self.uow, self.client.id, deal, days, owner, ops=self.ops)
        if saved is not None:
            self._tell_activated(saved)

    def _tell_activated(self, saved: deals.DealSaved) -> None:
        """A won deal made a lead or prospect an active client: say so, with Undo."""
        was = saved.client_was
        if was is None or self.client is None:
            return
        client_id = saved.client_id
        self.context.notice.show_message(
            self.tr("Deal won: %1 is now an active client (was: %2).")
            .replace("%1", self.client.name)
            .replace("%2", was.label.lower()),
            kind="success",
            action=self.tr("Undo"),
            callback=lambda: self._undo_activation(client_id, was),
            timeout_ms=15000,
        )

    def _undo_activation(self, client_id: int, was: ClientStatus) -> None:
        uow = self.uow
        self.ops.run(lambda: deals.undo_activation(uow(), client_id, was))

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        deal = self._selected()
        if deal is None:
            return
        uow, days = self.uow, self.context.renewal_days
        self.trash_with_undo(
            lambda: deals.trash_deal(uow(), deal.id),
            lambda: deals.restore_deal(uow(), deal.id, renewal_days=days()),
            self.tr("Deal “%1” deleted.").replace("%1", deal.title),
        )
