"""The client card: a small shell around one view + controller per tab (requisites, contacts,
history, deals, reminders), the header and Save / Revert (`page.py`).

The shell loads a client (one read through `Operations.read`) and hands each tab its part, hears
what the change bus says about the client shown, and answers what the window asks (the public
methods and signals here). The requisites' changed/savable state, Save and leaving a changed card
are `CardEditing`'s (editing.py); the list tabs act on their own lists (lists.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import UserError
from salesdesk.domain.model import Client, ClientFields, Industry, Manager, Reminder
from salesdesk.services import cards, clients, freshness, reference, reminders
from salesdesk.services.common import UowFactory
from salesdesk.ui.card.contacts import ContactsTab
from salesdesk.ui.card.deals import DealsTab
from salesdesk.ui.card.editing import CardEditing
from salesdesk.ui.card.files import FilesTab
from salesdesk.ui.card.header import DuplicateWarning
from salesdesk.ui.card.history import HistoryTab
from salesdesk.ui.card.lists import CardContext
from salesdesk.ui.card.page import CardPage, CardPlaceholder
from salesdesk.ui.card.reminders import RemindersTab
from salesdesk.ui.card.requisites import RequisitesTab
from salesdesk.ui.changes_view import ChangesView
from salesdesk.ui.erasure_actions import add_person_actions
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import NoticeBar
from salesdesk.ui.workers import Runner


class ClientCard(QWidget):
    client_saved = Signal(int, bool)  # client id, newly created
    card_changed = Signal(int)  # contacts or reminders of this client changed
    open_client_requested = Signal(int)
    merge_requested = Signal(int, int)  # keep this card, merge that one into it
    dirty_changed = Signal(bool)

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
        self.duplicates_label.merge_requested.connect(self._on_duplicates_label_merge_requested)
        self.duplicates_label.timer.timeout.connect(self._check_duplicates)
        self.save_action = QAction(self.tr("&Save client"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self._on_save_button_clicked)
        self.revert_action = QAction(self.tr("&Revert changes"), self)
        self.revert_action.triggered.connect(self._on_revert_button_clicked)
        self.editing = CardEditing(self.ops, self.notice, (self.save_action, self.revert_action), self._open, self)
        self.editing.dirty_changed.connect(self.dirty_changed)
        self.editing.saved.connect(self.client_saved)
        self._industries: list[Industry] = []
        self._managers: list[Manager] = []
        self._editor_built = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.placeholder = CardPlaceholder()
        self.stack.addWidget(self.placeholder)
        self.show_empty()

    def ensure_editor(self) -> None:
        """Build the editor page, once, when the first client is shown or created. It is most of the
        window's widgets (50-100 ms of start-up on these machines), and the window starts with the
        placeholder anyway."""
        if self._editor_built:
            return
        self._editor_built = True
        self.requisites = RequisitesTab()
        self.contacts = ContactsTab(self.context)
        self.history = HistoryTab(self.context)
        self.deals = DealsTab(self.context)
        self.reminders = RemindersTab(self.context)
        self.files = FilesTab(self.context)  # issue 15: files kept with the client
        tabs = [(self.requisites, self.tr("Requisites")), (self.contacts, self.tr("Contacts"))]
        tabs += [(self.history, self.tr("History")), (self.deals, self.tr("Deals"))]
        tabs.append((self.reminders, self.tr("Reminders")))
        tabs.append((self.files, self.tr("Files")))
        self.changes_view = ChangesView(self.ops)  # the card's audit trail (issue 12)
        tabs.append((self.changes_view, self.tr("Changes")))
        add_person_actions(self, self.contacts.view)  # export and erase a person (issue 12)
        self.page = CardPage(self.requisites, tabs, [self.duplicates_label, self.notice])
        self.header, self.tabs = self.page.header, self.page.tabs
        self.save_button, self.revert_button = self.page.save_button, self.page.revert_button
        for tab in (self.contacts, self.history, self.deals, self.reminders, self.files):
            tab.wants_focus.connect(lambda tab=tab: self.tabs.setCurrentWidget(tab))
        self.requisites.edited.connect(self._on_requisites_edited)
        self.header.missing_clicked.connect(self._on_header_missing_clicked)  # go and fill it in
        self.header.confirm_clicked.connect(self._on_header_confirm_clicked)  # the stale fields are right
        self.requisites.confirm_requested.connect(self._on_requisites_confirm_requested)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.requisites.set_reference(self._industries, self._managers)
        self.stack.addWidget(self.page)
        self.editing.attach(self.requisites, self.page)

    def column_widths(self) -> dict[str, dict[int, int]]:
        """The widths the user dragged in the card's lists, by list name, for the window to keep."""
        return self.context.column_widths()

    def restore_column_widths(self, widths: dict[str, dict[int, int]]) -> None:
        """Give the lists back the widths the user dragged in an earlier run (now, or when built)."""
        self.context.restore_column_widths(widths)

    @property
    def _client(self) -> Client | None:
        return self.editing.client

    @property
    def _card(self) -> cards.Card | None:
        return self.editing.card

    @property
    def client_id(self) -> int | None:
        return self._client.id if self._client else None

    @property
    def is_new(self) -> bool:
        return self._client is None and self.stack.currentIndex() == 1

    @property
    def dirty(self) -> bool:
        return self.editing.dirty

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

    def show_empty(self) -> None:
        self.editing.client, self.editing.card, self.editing.baseline = None, None, None
        self._set_dirty(False)
        self.stack.setCurrentIndex(0)
        self.save_action.setEnabled(False)
        self.revert_action.setEnabled(False)

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
        self._prepare()
        self.requisites.touched = set(ClientFields.__dataclass_fields__)
        self._show(card, card.client.fields())
        self.changes_view.show_client(card.client.id)
        self.notice.hide()
        self._check_duplicates()

    def new_client(self, name: str = "") -> None:
        self._prepare()
        self.requisites.touched = set()
        fields = ClientFields(name=name, owner_id=self.current_manager())
        self._show(None, fields, baseline=ClientFields(name="", owner_id=fields.owner_id))
        self.changes_view.show_client(None)
        self.notice.hide()
        self.duplicates_label.hide()
        self.tabs.setCurrentIndex(0)
        self.requisites.widgets["name"].setFocus()

    def _prepare(self) -> None:
        self.ensure_editor()
        if not self._industries and not self._managers:
            self.reload_reference()

    def _show(self, card: cards.Card | None, fields: ClientFields, baseline: ClientFields | None = None) -> None:
        self.editing.card = card
        self.editing.client = card.client if card else None
        self.editing.fill(fields)
        if baseline is not None:
            self.editing.baseline = baseline
        self._fill_lists()
        self.stack.setCurrentIndex(1)
        self.requisites.to_top()
        self.editing.after_edit()

    def collect(self) -> ClientFields:
        """The card as typed right now."""
        return self.requisites.collect()

    def _fill_lists(self) -> None:
        for tab in (self.contacts, self.history, self.deals, self.reminders, self.files):
            tab.show_card(self._card)

    def _reload_lists(self) -> None:
        """After contacts, deals or history changed: they change the score, the search text and the
        lists, not the card itself, so whatever is typed in the form stays."""
        assert self._client is not None
        editing = self.editing
        typed, dirty, status_before = self.collect(), editing.dirty, self._client.status
        started_from = self._client
        editing.card = card = cards.load_card(self.uow(), self._client.id)
        editing.client = client = card.client
        if dirty and _edited_elsewhere(started_from, client):
            # another seat saved the card itself while it is being edited here: keep the version
            # (and what the form started from) the user began with, so Save shows the conflict
            editing.card = card = dataclasses.replace(card, client=started_from)
            editing.client = started_from
            self._fill_lists()
            editing.after_edit()
            self._tell_edited_elsewhere()
            self.card_changed.emit(client.id)
            return
        self._fill_lists()
        if client.status is not status_before and typed.status is status_before:
            # a won deal (or its Undo) changed the status: the form follows, unless the user chose one
            typed = dataclasses.replace(typed, status=client.status)
            if not dirty:
                editing.fill(client.fields())
        if dirty:
            editing.fill(typed)
            editing.baseline = client.fields()
        editing.after_edit()
        self.card_changed.emit(client.id)

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """Subscribed to the window's change bus: what of this client changed (by the card, a dialog,
        the reminders panel, a worker) is read again; the card's own actions refresh nothing by hand."""
        parts = changes.parts_of(self.client_id)
        if "updated" in parts and changes.from_other_seat and self._client is not None:
            # another seat saved this card: shown at once when nothing is typed here; else what is
            # typed stays (with the version it was opened at) and Save shows the conflict dialog
            if self.dirty:
                self.ops.read(self._reload_lists, lambda _none: None)
                return
            version = self._client.version
            if self._open(self._client.id) and self._client is not None and self._client.version != version:
                self.notice.show_message(self.tr("Updated: another seat changed this client."), timeout_ms=4000)
        elif parts & {"contacts", "deals", "history", "status", "freshness"}:
            self.ops.read(self._reload_lists, lambda _none: None)  # every tab, keeping what is typed
        elif "reminders" in parts:
            self.ops.read(self.refresh_reminders, lambda _none: None)
        if "files" in parts and "updated" not in parts and not parts & {"contacts", "deals", "history", "status"}:
            self.files.fill()  # only the files changed: the other tabs stay as they are

    @Slot()
    def _on_header_confirm_clicked(self) -> None:
        self.confirm(list(self.header.stale))

    @Slot(str)
    def _on_requisites_confirm_requested(self, item: str) -> None:
        self.confirm([item])

    def confirm(self, items: list[str]) -> None:
        """The manager checked these fields: confirmed now (the bus shows the card again)."""
        if self._client is None or not items:
            return
        uow, client_id = self.uow, self._client.id
        self.ops.run(lambda: freshness.confirm_on_card(uow(), client_id, items), lambda _done: None)

    def _tell_edited_elsewhere(self) -> None:
        self.notice.show_message(
            self.tr("Another seat has changed this client. When you save, you will see what changed and choose."),
            kind="warning",
        )

    def refresh_reminders(self) -> None:
        if self._client is None:
            return
        items = tuple(reminders.reminders_of(self.uow(), self._client.id))
        if self._card is not None:
            self.editing.card = dataclasses.replace(self._card, reminders=items)
        self.reminders.show_reminders(items)
        self.card_changed.emit(self._client.id)

    # What the window asks of the tabs -----------------------------------------------------------

    def add_deal(self) -> None:
        """The "new deal" dialog for the client shown (the Client menu's New deal)."""
        if self._client is not None:
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

    # Editing --------------------------------------------------------------------------------

    @Slot(str)
    def _on_requisites_edited(self, _key: str) -> None:
        self.editing.after_edit()
        self.duplicates_label.timer.start()

    def _set_dirty(self, dirty: bool) -> None:
        self.editing.set_dirty(dirty)

    @Slot(str)
    def _on_header_missing_clicked(self, item: str) -> None:
        self.page.go_to(item, self.contacts, self.contacts.add_button if self._client is not None else None)

    @Slot()
    def _check_duplicates(self) -> None:
        if self.stack.currentIndex() != 1:
            return
        fields = self.collect()
        people = tuple(p.fields() for p in self._card.contacts) if self._card else ()
        exclude, uow = self.client_id, self.uow
        self.duplicates_label.can_merge = exclude is not None
        self.duplicates_label.check(lambda: clients.find_duplicates(uow(), fields, people, exclude_id=exclude))

    @Slot(int)
    def _on_duplicates_label_merge_requested(self, other_id: int) -> None:
        if self.client_id is not None:
            self.merge_requested.emit(self.client_id, other_id)

    # Saving and leaving -----------------------------------------------------------------------

    def maybe_leave(self) -> bool:
        """Before showing another client or closing: True if it is fine to leave this card."""
        return self.editing.maybe_leave()

    def save(self, *, expected_version: int | None = None) -> bool:
        """Save the card; True on success. Typed data stays in the form whatever goes wrong."""
        return self.editing.save(expected_version=expected_version)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self.editing.dirty:
            self.editing.save()

    @Slot()
    def _on_revert_button_clicked(self) -> None:
        if self._client is not None:
            self._open(self._client.id)
        elif self.editing.baseline is not None:
            self.new_client()

    def _notify_error(self, text: str) -> None:
        """Where an action of the card shows an error no field or dialog took."""
        self.notice.show_message(text, kind="error")


def _edited_elsewhere(before: Client, now: Client) -> bool:
    """Whether the card itself (not only its status, which a won deal changes) was saved again."""
    return dataclasses.replace(before.fields(), status=now.status) != now.fields()
