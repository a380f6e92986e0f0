"""What the client list does with its rows: open a client in the card, move a selection to the
trash and back, undo that.

Each action is one service call through the window's ``Operations`` (a selection is trashed in one
transaction); a store error lands in the window's notice bar; the list, the card and the agenda
learn what changed from the change bus, so nothing here refreshes another widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QTimer, Slot

from salesdesk.domain.errors import UserError
from salesdesk.services import clients

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow


class ClientListActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ops = window.operations
        self.table, self.model, self.card = window.table, window.model, window.card
        self._selecting = False  # a selection made by the program, not the user
        self._undo: tuple[str, Callable[[], object]] | None = None

    # Selection and the card ----------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.client_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_row(self, row: int) -> None:
        self._selecting = True
        try:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        finally:
            self._selecting = False

    @Slot()
    def on_model_reset(self) -> None:
        """A new list is shown: the card's client stays selected if the list still shows it."""
        if self.card.client_id is not None:
            row = self.model.row_of(self.card.client_id)
            if row is not None:
                self.select_row(row)
        self.w.update_actions()

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        ident = self.model.client_id(current.row())
        if ident is None or ident == self.card.client_id:
            return
        if not self.card.maybe_leave():
            # stay on the changed card: put the selection back where it was
            back = self.model.row_of(self.card.client_id) if self.card.client_id is not None else None
            QTimer.singleShot(0, self, lambda: self.select_row(back) if back is not None else None)
            return
        self.show_in_card(ident)

    def show_in_card(self, client_id: int) -> None:
        """Read the client into the card; a store error or a client gone: the notice bar, an empty card."""

        def refused(exc: UserError) -> bool:
            self.w.notice.show_message(str(exc), kind="error")
            self.card.show_empty()
            return True

        self.ops.run(lambda: self.card.show_client(client_id), on_error=refused)
        self.w.update_actions()

    @Slot(int)
    def open_client(self, client_id: int) -> None:
        """Show a client (from a reminder or a duplicate warning) and select it if listed."""
        if client_id == self.card.client_id:
            return
        if not self.card.maybe_leave():
            return
        self.show_in_card(client_id)
        self.select_when_found(client_id)

    def select_when_found(self, client_id: int) -> None:
        """Find where the list shows *client_id* (on a worker) and select that row."""
        query, uow = self.model.query, self.ops.uow  # the list being shown, not what the search box holds
        self.ops.read_slow(
            lambda: clients.position_of(uow(), query, client_id), lambda row: self._select_opened(client_id, row)
        )

    @Slot(int, bool)
    def on_card_client_saved(self, client_id: int, created: bool) -> None:
        """A new client is selected in the list (the list itself learnt of it from the change bus)."""
        if created:
            self.select_when_found(client_id)

    def _select_opened(self, client_id: int, row: int | None) -> None:
        if row is None or self.card.client_id != client_id:
            self.table.clearSelection()
            return
        self.select_row(row)

    def step(self, delta: int) -> None:
        current = self.table.currentIndex()
        row = (current.row() if current.isValid() else -1) + delta
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    # Trash, restore, undo --------------------------------------------------------------------

    def trash_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if self.card.client_id in ids and not self.card.maybe_leave():
            return
        first = self.model.row_at(self.table.selectionModel().selectedRows()[0].row())
        uow = self.ops.uow
        if not self.ops.run(lambda: clients.trash_clients(uow(), ids)):  # one transaction for all
            return
        if self.card.client_id in ids:
            self.card.show_empty()
        if len(ids) == 1 and first is not None:
            text = self.tr("“%s” moved to the trash.") % first.name
        else:
            text = self.tr("%Ln client(s) moved to the trash.", "", len(ids))
        self._offer_undo(text, lambda: self._restore(ids))

    def _restore(self, ids: list[int]) -> bool:
        uow = self.ops.uow
        if not self.ops.run(lambda: clients.restore_clients(uow(), ids)):
            return False
        if len(ids) == 1 and not self.w.trash_view_action.isChecked():
            self.open_client(ids[0])
        return True

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self._restore(ids):
            self.w.notice.show_message(
                self.tr("%Ln client(s) restored.", "", len(ids)), kind="success", timeout_ms=4000
            )

    def _offer_undo(self, text: str, undo: Callable[[], object]) -> None:
        self._undo = (text, undo)
        self.w.undo_action.setEnabled(True)
        self.w.undo_action.setText(self.tr("&Undo: move to trash"))
        self.w.notice.show_message(text, action=self.tr("Undo"), callback=self.undo, timeout_ms=20_000)

    def undo(self) -> None:
        if self._undo is None:
            return
        _text, action = self._undo
        self._undo = None
        self.w.undo_action.setEnabled(False)
        self.w.undo_action.setText(self.tr("&Undo"))
        self.w.notice.hide()
        action()
