"""The client card: a shell around one tab per part of the client (requisites, contacts, history,
deals, reminders), the header and the Save / Revert buttons.

The shell loads a client (one read through `Operations.read`) and hands each tab its part; it owns
what concerns the card as a whole: whether the typed requisites differ from the saved ones and can
be saved, saving them (one service call), a card saved elsewhere meanwhile (`StaleEdit`), asking
before leaving a changed card, and what the change bus says about the client shown. The tabs act
on their own lists (see `lists.py`); the window uses only the public methods and signals here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import StaleEditError, UserError, ValidationError
from salesdesk.domain.model import Client, ClientFields, Industry, Manager, Reminder
from salesdesk.services import cards, clients, reference, reminders
from salesdesk.services.common import SaveResult, UowFactory
from salesdesk.ui.card.contacts import ContactsTab
from salesdesk.ui.card.deals import DealsTab
from salesdesk.ui.card.editor import CardEditor
from salesdesk.ui.card.header import DuplicateWarning
from salesdesk.ui.card.history import HistoryTab
from salesdesk.ui.card.lists import CardContext
from salesdesk.ui.card.reminders import RemindersTab
from salesdesk.ui.card.requisites import RequisitesTab
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import MUTED, NoticeBar, scaled_font
from salesdesk.ui.workers import Runner


class StaleEdit:
    """Someone saved the same card meanwhile: keep mine, take theirs, or decide later."""

    @classmethod
    def ask(cls, parent: QWidget, text: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("StaleEdit", "The card was changed elsewhere"))
        box.setText(text)
        keep = box.addButton(
            QCoreApplication.translate("StaleEdit", "Save mine over it"), QMessageBox.ButtonRole.AcceptRole
        )
        theirs = box.addButton(
            QCoreApplication.translate("StaleEdit", "Load the saved version"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "overwrite" if clicked is keep else "reload" if clicked is theirs else "cancel"


class ClientCard(CardEditor):
    client_saved = Signal(int, bool)  # client id, newly created
    card_changed = Signal(int)  # contacts or reminders of this client changed
    open_client_requested = Signal(int)

    def __init__(
        self,
        uow: UowFactory,
        runner: Runner,
        current_manager: Callable[[], int | None],
        parent: QWidget | None = None,
        renewal_days: Callable[[], int] = lambda: 30,
        *,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        # the window's runner and change bus; errors of the card's actions go to the card's notice bar
        own = operations or Operations(uow, runner, lambda _text: None, self)
        self.ops = own.elsewhere(self._notify_error, self)
        self.uow = self.ops.uow
        self.ops.bus.changed.connect(self.on_changes)
        self.current_manager = current_manager
        self.notice = NoticeBar()
        self.context = CardContext(self.ops, self.notice, current_manager, renewal_days)
        self.duplicates_label = DuplicateWarning(runner)
        self.duplicates_label.open_client_requested.connect(self.open_client_requested)
        self.duplicates_label.timer.timeout.connect(self._check_duplicates)
        self._industries: list[Industry] = []
        self._managers: list[Manager] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        new_keys = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
        self.placeholder = QLabel(
            self.tr("Select a client in the list to see the card,\nor create a new one (%1).").replace("%1", new_keys)
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(MUTED)
        scaled_font(self.placeholder, 1.1)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        self.save_action = QAction(self.tr("&Save client"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self._on_save_button_clicked)
        self.revert_action = QAction(self.tr("&Revert changes"), self)
        self.revert_action.triggered.connect(self._on_revert_button_clicked)
        self.show_empty()

    def _build_tabs(self, tabs: QTabWidget) -> None:
        """The tabs, each a view and its controller (called once, when the editor is first built)."""
        self.requisites = RequisitesTab()
        self.contacts = ContactsTab(self.context)
        self.history = HistoryTab(self.context)
        self.deals = DealsTab(self.context)
        self.reminders = RemindersTab(self.context)
        tabs.addTab(self.requisites, self.tr("Requisites"))
        tabs.addTab(self.contacts, self.tr("Contacts"))
        tabs.addTab(self.history, self.tr("History"))
        tabs.addTab(self.deals, self.tr("Deals"))
        tabs.addTab(self.reminders, self.tr("Reminders"))
        for tab in (self.contacts, self.history, self.deals, self.reminders):
            tab.wants_focus.connect(lambda tab=tab: self.tabs.setCurrentWidget(tab))
        self.requisites.set_reference(self._industries, self._managers)

    def column_widths(self) -> dict[str, dict[int, int]]:
        """The widths the user dragged in the card's lists, by list name, for the window to keep."""
        return self.context.column_widths()

    def restore_column_widths(self, widths: dict[str, dict[int, int]]) -> None:
        """Give the lists back the widths the user dragged in an earlier run (now, or when built)."""
        self.context.restore_column_widths(widths)

    # Showing a client -----------------------------------------------------------------------

    def reload_reference(self) -> None:
        """Read the industry and manager lists afresh (the card used on its own, as in tests)."""
        uow = self.uow
        self.ops.read(
            lambda: (reference.list_industries(uow()), reference.list_managers(uow())),
            lambda lists: self.set_reference(*lists),
        )

    def set_reference(self, industries: list[Industry], managers: list[Manager]) -> None:
        """The industry and manager lists the window has read (at start and after they were edited)."""
        self._industries, self._managers = industries, managers
        if self._editor_built:
            self.requisites.set_reference(industries, managers)

    def show_client(self, client_id: int) -> None:
        """Load and show a client (the caller has already asked about unsaved changes). A client that
        cannot be read raises the `UserError` for the caller to show where the user is (the list)."""
        failed: list[UserError] = []

        def keep(exc: UserError) -> bool:
            failed.append(exc)
            return True

        uow = self.uow
        if not self.ops.read(lambda: cards.load_card(uow(), client_id), self._show_card, on_error=keep) and failed:
            raise failed[0]

    def _open(self, client_id: int) -> bool:
        """Show *client_id* again (after a save, Revert, or a stale edit): errors to the card's notice bar."""
        uow = self.uow
        return self.ops.read(lambda: cards.load_card(uow(), client_id), self._show_card)

    def _show_card(self, card: cards.Card) -> None:
        self.ensure_editor()
        if not self._industries and not self._managers:
            self.reload_reference()
        self.requisites.touched = set(ClientFields.__dataclass_fields__)
        self._show(card, card.client.fields())
        self.notice.hide()
        self._check_duplicates()

    def new_client(self, name: str = "") -> None:
        self.ensure_editor()
        if not self._industries and not self._managers:
            self.reload_reference()
        self.requisites.touched = set()
        fields = ClientFields(name=name, owner_id=self.current_manager())
        self._show(None, fields, baseline=ClientFields(name="", owner_id=fields.owner_id))
        self.notice.hide()
        self.duplicates_label.hide()
        self.tabs.setCurrentIndex(0)
        self.requisites.widgets["name"].setFocus()

    def _show(self, card: cards.Card | None, fields: ClientFields, baseline: ClientFields | None = None) -> None:
        self._card = card
        self._client = card.client if card else None
        self._fill(fields)
        if baseline is not None:
            self._baseline = baseline
        self._fill_lists()
        self.stack.setCurrentIndex(1)
        self.requisites.to_top()
        self._after_edit()

    def _fill_lists(self) -> None:
        for tab in (self.contacts, self.history, self.deals, self.reminders):
            tab.show_card(self._card)

    def _reload_lists(self) -> None:
        """After contacts, deals or history changed: they change the score, the search text and the
        lists, not the card itself, so whatever is typed in the form stays."""
        assert self._client is not None
        typed, dirty, status_before = self.collect(), self._dirty, self._client.status
        self._card = cards.load_card(self.uow(), self._client.id)
        self._client = self._card.client
        self._fill_lists()
        if self._client.status is not status_before and typed.status is status_before:
            # a won deal (or its Undo) changed the status: the form follows, unless the user chose one
            typed = dataclasses.replace(typed, status=self._client.status)
            if not dirty:
                self._fill(self._client.fields())
        if dirty:
            baseline = self._client.fields()
            self._fill(typed)
            self._baseline = baseline
        self._after_edit()
        self.card_changed.emit(self._client.id)

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """Subscribed to the window's change bus: what of this client changed (by the card, a dialog,
        the reminders panel, a worker) is read again; the card's own actions refresh nothing by hand."""
        parts = changes.parts_of(self.client_id)
        if parts & {"contacts", "deals", "history", "status"}:
            self.ops.read(self._reload_lists, lambda _none: None)  # every tab, keeping what is typed
        elif "reminders" in parts:
            self.ops.read(self.refresh_reminders, lambda _none: None)

    def refresh_reminders(self) -> None:
        if self._client is None:
            return
        items = tuple(reminders.reminders_of(self.uow(), self._client.id))
        if self._card is not None:
            self._card = dataclasses.replace(self._card, reminders=items)
        self.reminders.show_reminders(items)
        self.card_changed.emit(self._client.id)

    # What the window asks of the tabs -----------------------------------------------------------

    def add_deal(self) -> None:
        """The "new deal" dialog for the client shown (the Client menu's New deal)."""
        if self._client is None:
            return
        self.tabs.setCurrentWidget(self.deals)
        self.deals.add_button.click()

    def show_deal(self, deal_id: int) -> None:
        """Open the Deals tab on *deal_id* (from the Deals list of the whole office)."""
        self.tabs.setCurrentWidget(self.deals)
        self.deals.show_deal(deal_id)

    def log_contact(self, reminder: Reminder | None = None) -> bool:
        """The "log a contact" dialog; with a reminder it also closes it and plans the next contact."""
        return self._editor_built and self.history.log_contact(reminder)

    def hook(self, months: int) -> None:
        """Plan the next contact in *months* (the quick "remind me in 3 months")."""
        if self._editor_built:
            self.reminders.hook(months)

    # Saving ---------------------------------------------------------------------------------

    def _notify_error(self, text: str) -> None:
        """Where an action of the card shows an error no field or dialog took."""
        self.notice.show_message(text, kind="error")

    def save(self, *, expected_version: int | None = None) -> bool:
        """Save the card; True on success. Typed data stays in the form whatever goes wrong."""
        fields = self.collect()
        self.requisites.touched = set(ClientFields.__dataclass_fields__)
        created, client, uow = self._client is None, self._client, self.uow
        resolved: list[bool] = []

        def store() -> SaveResult:
            if client is None:
                return clients.create_client(uow(), fields)
            version = expected_version if expected_version is not None else client.version
            return clients.update_client(uow(), client.id, version, fields)

        def not_saved(exc: UserError) -> bool:
            if isinstance(exc, StaleEditError):  # saved elsewhere meanwhile: the user decides
                resolved.append(self._resolve_stale(str(exc)))
                return True
            if isinstance(exc, ValidationError):
                self.requisites.show_problems(list(exc.problems))
            self.notice.show_message(self.tr("Not saved: %s") % str(exc), kind="error")
            return True

        results: list[SaveResult] = []
        if not self.ops.run(store, results.append, on_error=not_saved):
            return bool(resolved and resolved[0])
        if self._open(results[0].id):
            self.notice.show_message(self.tr("Saved."), kind="success", timeout_ms=2500)
        self.client_saved.emit(results[0].id, created)
        return True

    def _resolve_stale(self, text: str) -> bool:
        assert self._client is not None
        choice = StaleEdit.ask(self, text)
        if choice == "overwrite":
            client_id, uow = self._client.id, self.uow
            current: list[Client] = []
            if not self.ops.run(lambda: clients.get_client(uow(), client_id), current.append):
                return False
            return self.save(expected_version=current[0].version)
        if choice == "reload":
            return self._open(self._client.id)
        return False

    # Duplicates ----------------------------------------------------------------------------

    @Slot()
    def _check_duplicates(self) -> None:
        if self.stack.currentIndex() != 1:
            return
        fields = self.collect()
        people = tuple(p.fields() for p in self._card.contacts) if self._card else ()
        exclude, uow = self.client_id, self.uow
        self.duplicates_label.check(lambda: clients.find_duplicates(uow(), fields, people, exclude_id=exclude))
