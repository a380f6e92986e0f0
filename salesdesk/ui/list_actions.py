"""What the client list does with its rows: open a client in the card, move a selection to the
trash and back, act on many at once ("With selected (N)…": owner, status, industry, tags, a
reminder for each, export, trash), undo that.

Each action is one service call through the window's ``Operations`` (a selection is trashed in one
transaction); a store error lands in the window's notice bar; the list, the card and the agenda
learn what changed from the change bus, so nothing here refreshes another widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPoint, QTimer, Slot
from PySide6.QtWidgets import QMenu

from salesdesk.domain.errors import UserError
from salesdesk.domain.model import ClientStatus, ReminderFields
from salesdesk.domain.queries import ClientQuery
from salesdesk.domain.reminders import contact_due
from salesdesk.services import bulk_actions, clients
from salesdesk.services.bulk_actions import BulkChange, BulkResult, BulkUndo
from salesdesk.services.common import Cancelled, Reporter, utcnow
from salesdesk.ui.bulk_dialog import NO_OWNER, BulkDialog, BulkKind, kind_title
from salesdesk.ui.dialogs import HookDialog

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
        self._wanted: int | None = None  # a client to select once the list being counted has its rows
        pane = window.list_pane
        self.bulk_menu = QMenu(pane)
        self.bulk_menu.aboutToShow.connect(lambda: self.fill_bulk_menu(self.bulk_menu))
        pane.bulk_button.setMenu(self.bulk_menu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.selectionModel().selectionChanged.connect(self._update_bulk_button)
        self.model.modelReset.connect(self._update_bulk_button)
        self.model.counts_changed.connect(self._on_counts)
        self.model.counts_unknown.connect(self._on_counts)  # a failed count: looked for in the rows there are
        self._update_bulk_button()

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
        self._wanted = None
        if row is None or self.card.client_id != client_id:
            self.table.clearSelection()
            return
        if row >= self.model.rowCount() and self.model.counting:
            # below the rows the list has until its count comes (its first page): selected then
            self._wanted = client_id
            return
        self.model.reach(row)  # the count failed: the list grows to the row it is known to have
        self.select_row(row)

    @Slot()
    def _on_counts(self) -> None:
        """The list has all its rows (or its count failed: the rows it has): a client waiting to
        be selected is looked for again, once."""
        wanted, self._wanted = self._wanted, None
        if wanted is not None and wanted == self.card.client_id:
            self.select_when_found(wanted)

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

    def _offer_undo(self, text: str, undo: Callable[[], object], what: str = "") -> None:
        self._undo = (text, undo)
        self.w.undo_action.setEnabled(True)
        self.w.undo_action.setText(what or self.tr("&Undo: move to trash"))
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

    # Acting on many ----------------------------------------------------------------------------

    def selected_count(self) -> int:
        return len(self.table.selectionModel().selectedRows())

    @Slot()
    def _update_bulk_button(self) -> None:
        button = self.w.list_pane.bulk_button
        n = self.selected_count()
        button.setText(self.tr("With selected (%Ln)…", "", n))
        button.setEnabled(n > 0 and not self.model.query.trash)

    @Slot(QPoint)
    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        if self.model.query.trash or not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self.table)
        self.fill_bulk_menu(menu)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def fill_bulk_menu(self, menu: QMenu) -> None:
        """The actions on the selected clients (the context menu and the "With selected" button)."""
        menu.clear()
        n = self.selected_count()
        title = menu.addAction(self.tr("With selected (%Ln):", "", n))
        title.setEnabled(False)
        for kind in BulkKind:
            if kind in (BulkKind.REMINDER, BulkKind.EXPORT):
                menu.addSeparator()
            action = menu.addAction(kind_title(kind))
            action.setEnabled(n > 0)
            action.setData(kind.value)
            action.triggered.connect(lambda _checked=False, k=kind: self.act_on_many(k))

    def act_on_many(self, kind: BulkKind, *, choice: object = None, all_shown: bool | None = None) -> None:
        """Ask what to set (unless *choice* is given: tests, a menu that knows), then change every
        chosen client in one transaction with a progress dialog, and offer Undo."""
        if kind is BulkKind.EXPORT:
            self.w.file_actions.export()  # its dialog offers "the selected ones" (the export's own checks)
            return
        if not self.model.total_known:
            # the list is being counted (its rows are the first page's): all the rows selected means
            # "everyone the list shows" only beside its real size, counted first (the user asked)
            self.model.settle(
                self.w,
                kind_title(kind).rstrip("…"),
                lambda shown, _base: self._act_counted(kind, choice, all_shown, shown),
            )
            return
        self._act_counted(kind, choice, all_shown, self.model.rowCount())

    def _act_counted(self, kind: BulkKind, choice: object, all_shown: bool | None, shown: int) -> None:
        """``act_on_many`` once the list's size is known: *shown* rows (the count may have dropped
        rows that were selected)."""
        selected = self.selected_count()
        if kind is BulkKind.TRASH:
            change = BulkChange(trash=True)
            all_shown = bool(all_shown)
        elif kind is BulkKind.REMINDER:
            if choice is None:
                hook = HookDialog.ask(self.w, text=self.tr("Get back to the client"))
                if hook is None:
                    return
                due = contact_due(utcnow(), months=hook.months, on=hook.on)
                choice = ReminderFields(due_at=due, text=hook.text, recurrence=hook.recurrence)
            assert isinstance(choice, ReminderFields)
            change = BulkChange(reminder=choice)
            all_shown = bool(all_shown)
        else:
            if choice is None:
                reference = self.w.reference
                asked = BulkDialog.ask(
                    self.w, kind, selected, shown, managers=reference.managers, industries=reference.industries
                )
                if asked is None:
                    return
                choice, all_shown = asked.value, asked.all_shown
            change = _change_of(kind, choice)
        if not self.card.maybe_leave():
            return
        everyone = bool(all_shown) or (selected == shown and shown > 0)
        ids = [] if everyone else self.selected_ids()
        if not everyone and not ids:
            return  # the list was read again meanwhile and nothing is selected any more
        query = self.model.query if everyone else None
        self._run_bulk(kind, ids, query, change)

    def _run_bulk(self, kind: BulkKind, ids: list[int], query: ClientQuery | None, change: BulkChange) -> None:
        uow = self.ops.uow

        def work(reporter: Reporter) -> BulkResult:
            chosen = bulk_actions.chosen_ids(uow(), ids, query)
            return bulk_actions.apply(uow(), chosen, change, reporter=reporter)

        self.ops.run_long(
            self.w,
            kind_title(kind).rstrip("…"),
            self.tr("Changing the clients…"),
            work,
            lambda result: self._bulk_done(kind, result),
            on_cancelled=self._bulk_cancelled,
        )

    def _bulk_cancelled(self, _exc: Cancelled) -> None:
        self.w.notice.show_message(self.tr("Cancelled: no client was changed."), timeout_ms=6000)

    def _bulk_done(self, kind: BulkKind, result: BulkResult) -> None:
        if kind is BulkKind.TRASH:
            if self.card.client_id in {r.id for r in result.undo.before}:
                self.card.show_empty()
            text = self.tr("%Ln client(s) moved to the trash.", "", result.changed)
        elif kind is BulkKind.REMINDER:
            text = self.tr("A reminder planned for %Ln client(s).", "", result.changed)
        else:
            text = self.tr("%Ln client(s) changed.", "", result.changed)
        if not result.changed:
            self.w.notice.show_message(self.tr("Nothing to change: they all have it already."), timeout_ms=6000)
            return
        token = result.undo
        self._show_again(token)
        self._offer_undo(
            text, lambda: self._undo_bulk(token), self.tr("&Undo: change of %Ln client(s)", "", result.changed)
        )

    def _undo_bulk(self, token: BulkUndo) -> None:
        uow = self.ops.uow
        self.ops.run_long(
            self.w,
            self.tr("Undo"),
            self.tr("Putting the clients back…"),
            lambda _reporter: bulk_actions.undo(uow(), token),
            lambda back: self._undone(token, back),
            cancellable=False,  # one transaction that puts every client back or none
        )

    def _undone(self, token: BulkUndo, back: int) -> None:
        self._show_again(token)
        self.w.notice.show_message(
            self.tr("%Ln client(s) put back as they were.", "", back), kind="success", timeout_ms=4000
        )

    def _show_again(self, token: BulkUndo) -> None:
        """The card shows a client this seat just changed in bulk: read it again. (The card reads
        again by itself only what another seat saved, since its own saves need no reading; the
        card was left before the change, so nothing typed is lost.)"""
        shown = self.card.client_id
        if shown is not None and shown in {r.id for r in token.before}:
            self.show_in_card(shown)


def _change_of(kind: BulkKind, value: object) -> BulkChange:
    if kind is BulkKind.OWNER:
        assert isinstance(value, int)
        return BulkChange(no_owner=True) if value == NO_OWNER else BulkChange(owner_id=value)
    if kind is BulkKind.STATUS:
        return BulkChange(status=ClientStatus(str(value)))
    if kind is BulkKind.INDUSTRY:
        assert isinstance(value, int)
        return BulkChange(industry_id=value)
    if kind is BulkKind.ADD_TAG:
        return BulkChange(add_tags=(str(value),))
    return BulkChange(remove_tags=(str(value),))
