"""The controller of the card's requisites: which client is being edited, whether what is typed
differs from what is saved and can be saved, Save (one service call through the card's
`Operations`), a card another seat saved meanwhile (`ConflictDialog`: what each side changed, keep theirs, save
mine over theirs, or go on editing), and asking before leaving a changed card.

The view is `RequisitesTab` (the fields) and `CardPage` (the header, the state line, Save and
Revert); the card shell tells this controller which client it shows and shows it again after a save.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from salesdesk.domain.conflicts import conflict
from salesdesk.domain.errors import StaleEditError, UserError, ValidationError
from salesdesk.domain.model import Client, ClientFields
from salesdesk.services import cards, clients
from salesdesk.services.common import SaveResult
from salesdesk.ui.card.page import CardPage
from salesdesk.ui.card.requisites import RequisitesTab
from salesdesk.ui.conflict_dialog import MINE, THEIRS, ConflictDialog
from salesdesk.ui.dialogs import LeaveChoice, UnsavedChanges
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import NoticeBar


class CardEditing(QObject):
    dirty_changed = Signal(bool)
    saved = Signal(int, bool)  # client id, newly created

    def __init__(
        self,
        ops: Operations,
        notice: NoticeBar,
        actions: tuple[QAction, QAction],
        reopen: Callable[[int], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.notice = ops, notice
        self.save_action, self.revert_action = actions
        self.reopen = reopen  # show a client again, errors to the card's notice bar; True if shown
        self.client: Client | None = None  # None: a new card (or none shown)
        self.card: cards.Card | None = None
        self.baseline: ClientFields | None = None  # what the form held when shown or saved
        self.dirty = False
        self.requisites: RequisitesTab | None = None
        self.page: CardPage | None = None

    def attach(self, requisites: RequisitesTab, page: CardPage) -> None:
        """The views, once the card's editor page is built."""
        self.requisites, self.page = requisites, page
        self.set_dirty(self.dirty)

    def _form(self) -> RequisitesTab:
        assert self.requisites is not None, "the editor page is built before a client is shown"
        return self.requisites

    def fill(self, fields: ClientFields) -> None:
        """Show *fields* as the saved state of the form."""
        form = self._form()
        form.fill(fields, self.client.industry_name if self.client is not None else None)
        self.baseline = form.collect()

    def after_edit(self) -> None:
        """Check what is typed; say whether it changed and can be saved; the header follows."""
        fields = self._form().check()
        self.set_dirty(self.baseline is not None and fields != self.baseline)
        assert self.page is not None
        people = [p.fields() for p in self.card.contacts] if self.card else []
        freshness = self.card.freshness if self.card else None
        self.page.header.show_fields(fields, self.client, people, dirty=self.dirty, freshness=freshness)
        self._form().show_stale(self.page.header.stale)

    @property
    def blocking(self) -> bool:
        return self.requisites is not None and self.requisites.blocking

    def set_dirty(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty and not self.blocking)
        self.revert_action.setEnabled(dirty)
        if self.page is not None:
            self.page.show_state(dirty, self.blocking)
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)

    def maybe_leave(self) -> bool:
        """Before showing another client or closing: True if it is fine to leave this card."""
        if not self.dirty:
            return True
        assert self.page is not None
        name = self.page.header.name_of(self._form().collect(), self.client)
        choice = UnsavedChanges.ask(self.page, name, can_save=not self.blocking)
        if choice is LeaveChoice.SAVE and not self.blocking:
            return self.save()
        if choice is LeaveChoice.DISCARD:
            self.set_dirty(False)
            return True
        return False

    def save(self, *, expected_version: int | None = None, fields: ClientFields | None = None) -> bool:
        """Save the card (or *fields*, what the conflict dialog merged); True on success. Typed data
        stays in the form whatever goes wrong."""
        form = self._form()
        typed = form.collect()
        fields = fields if fields is not None else typed
        form.touched = set(ClientFields.__dataclass_fields__)
        created, client, uow = self.client is None, self.client, self.ops.uow
        resolved: list[bool] = []

        def store() -> SaveResult:
            if client is None:
                return clients.create_client(uow(), fields)
            version = expected_version if expected_version is not None else client.version
            return clients.update_client(uow(), client.id, version, fields)

        def not_saved(exc: UserError) -> bool:
            if isinstance(exc, StaleEditError):  # saved elsewhere meanwhile: the user decides
                resolved.append(self._resolve_stale(typed))
                return True
            if isinstance(exc, ValidationError):
                form.show_problems(list(exc.problems))
            self.notice.show_message(self.tr("Not saved: %s") % str(exc), kind="error")
            return True

        results: list[SaveResult] = []
        if not self.ops.run(store, results.append, on_error=not_saved):
            return bool(resolved and resolved[0])
        if self.reopen(results[0].id):
            self.notice.show_message(self.tr("Saved."), kind="success", timeout_ms=2500)
        self.saved.emit(results[0].id, created)
        return True

    def _resolve_stale(self, typed: ClientFields) -> bool:
        """Another seat saved the card since it was opened: show what each side changed and do what
        the user chooses (domain/conflicts.py, ui/conflict_dialog.py). True when saved."""
        assert self.client is not None and self.page is not None
        client_id, uow, started = self.client.id, self.ops.uow, self.client
        current: list[Client] = []
        if not self.ops.read(lambda: clients.get_client(uow(), client_id), current.append):
            return False  # gone meanwhile (in the trash, erased): the notice bar says so
        found = conflict(started.fields(), current[0].fields(), self.baseline or started.fields(), typed)
        form = self._form()
        name = self.page.header.name_of(typed, self.client)
        choice = ConflictDialog.ask(self.page, name, found, form.label_of, form.describe)
        if choice == MINE:
            return self.save(expected_version=current[0].version, fields=found.merged())
        if choice == THEIRS:
            return self.reopen(client_id)  # what is typed here is dropped; the card is as saved
        return False
