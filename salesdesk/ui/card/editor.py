"""The editing half of the client card: its page (header, tabs, notices, Save / Revert) and whether
the typed requisites differ from the saved ones and can be saved.

`ClientCard` (shell.py) builds on this with loading, saving and the change bus. Kept apart so that
each class stays small: this one knows the form and the buttons, never the services that write.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from salesdesk.domain.model import Client, ClientFields
from salesdesk.services import cards, clients
from salesdesk.ui.card.contacts import ContactsTab
from salesdesk.ui.card.header import CardHeader, DuplicateWarning
from salesdesk.ui.card.requisites import RequisitesTab
from salesdesk.ui.dialogs import LeaveChoice, UnsavedChanges
from salesdesk.ui.widgets import ERROR_COLOR, MUTED, BottomOverlay, NoticeBar

# completeness item -> (tab, field widget key)
ITEM_TARGETS = {
    "contact_position": ("contacts", None),
    "industry": ("requisites", "industry_id"),
    "owner": ("requisites", "owner_id"),
}


class CardEditor(QWidget):
    """The card's page and its changed / savable state; see ClientCard for the rest."""

    dirty_changed = Signal(bool)
    # set by ClientCard before anything here runs
    stack: QStackedWidget
    notice: NoticeBar
    duplicates_label: DuplicateWarning
    requisites: RequisitesTab
    contacts: ContactsTab
    save_action: QAction
    revert_action: QAction

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: Client | None = None
        self._card: cards.Card | None = None
        self._baseline: ClientFields | None = None
        self._dirty = False
        self._blocking = False
        self._editor_built = False

    def _build_tabs(self, tabs: QTabWidget) -> None:
        raise NotImplementedError

    def ensure_editor(self) -> None:
        """Build the editor page, once, when the first client is shown or created. It is most of the
        window's widgets (50-100 ms of start-up on these machines), and the window starts with the
        placeholder anyway."""
        if self._editor_built:
            return
        self._editor_built = True
        editor = QWidget()
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(8, 4, 4, 4)
        self.header = CardHeader()
        self.header.missing_clicked.connect(self._on_header_missing_clicked)
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.tabs, 1)
        self._build_tabs(self.tabs)
        self.requisites.edited.connect(self._on_requisites_edited)
        # over the bottom of the tabs, not in the layout: a notice must not move the fields
        self.notices = BottomOverlay(self.tabs)
        self.notices.add(self.duplicates_label)
        self.notices.add(self.notice)
        # the end of the form can still be scrolled out from under the notices
        self.notices.covered.connect(self._on_notices_covered)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the card (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Drop the changes and show what is saved"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet(MUTED)
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.stack.addWidget(editor)
        self._set_dirty(self._dirty)

    @Slot(int)
    def _on_notices_covered(self, height: int) -> None:
        page = self.requisites.widget()
        if page is not None:
            page.setContentsMargins(0, 0, 0, height)

    @property
    def client_id(self) -> int | None:
        return self._client.id if self._client else None

    @property
    def is_new(self) -> bool:
        return self._client is None and self.stack.currentIndex() == 1

    @property
    def dirty(self) -> bool:
        return self._dirty

    def show_empty(self) -> None:
        self._client = None
        self._card = None
        self._baseline = None
        self._set_dirty(False)
        self.stack.setCurrentIndex(0)
        self.save_action.setEnabled(False)
        self.revert_action.setEnabled(False)

    def _fill(self, fields: ClientFields) -> None:
        trashed = self._client.industry_name if self._client is not None else None
        self.requisites.fill(fields, trashed)
        self._baseline = self.collect()

    def collect(self) -> ClientFields:
        """The card as typed right now."""
        return self.requisites.collect()

    # Editing --------------------------------------------------------------------------------

    @Slot(str)
    def _on_requisites_edited(self, _key: str) -> None:
        self._after_edit()
        self.duplicates_label.timer.start()

    def _after_edit(self) -> None:
        fields = self.collect()
        self.requisites.show_industry_notes(fields.industry_id)
        self.requisites.apply_kind()
        problems = clients.check_client(fields)
        self.requisites.show_problems(problems)
        self._blocking = any(p.blocking for p in problems)
        self._set_dirty(self._baseline is not None and fields != self._baseline)
        self._show_header(fields)

    def _header_name(self, fields: ClientFields) -> str:
        """The stored name while a saved card is edited (a cleared or half-typed name is not the
        client's name yet); the typed one on a new card."""
        if self._client is not None:
            return self._client.name
        return fields.name.strip() or self.tr("New client")

    def _show_header(self, fields: ClientFields) -> None:
        parts = [fields.kind.label, fields.status.label]
        if self._client is not None:
            parts.append(self.tr("No. %d") % self._client.id)
        # the value as it would be saved: "7707 083 893" counts, an INN that would be refused does not
        people = [p.fields() for p in self._card.contacts] if self._card else ()
        title = ("● " if self._dirty else "") + self._header_name(fields)
        self.header.show_client(title, parts, clients.card_completeness(fields, people))

    def _set_dirty(self, dirty: bool) -> None:
        can_save = dirty and not self._blocking
        self.save_action.setEnabled(can_save)
        self.revert_action.setEnabled(dirty)
        if self._editor_built:
            self.save_button.setEnabled(can_save)
            self.revert_button.setEnabled(dirty)
            if dirty and self._blocking:
                self.state_label.setStyleSheet(f"color: {ERROR_COLOR};")
                self.state_label.setText(self.tr("Fix the marked fields to save."))
            elif dirty:
                self.state_label.setStyleSheet(MUTED)
                self.state_label.setText(self.tr("Changed, not saved."))
            else:
                self.state_label.setText("")
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    @Slot(str)
    def _on_header_missing_clicked(self, item: str) -> None:
        tab, key = ITEM_TARGETS.get(item, ("requisites", item))
        if tab == "contacts":
            self.tabs.setCurrentIndex(1)
            if self._client is not None:
                self.contacts.add_button.setFocus()
            return
        self.tabs.setCurrentIndex(0)
        self.requisites.focus(key or item)

    # Leaving --------------------------------------------------------------------------------

    def save(self, *, expected_version: int | None = None) -> bool:
        raise NotImplementedError

    def maybe_leave(self) -> bool:
        """Before showing another client or closing: True if it is fine to leave this card."""
        if not self._dirty:
            return True
        choice = UnsavedChanges.ask(self, self._header_name(self.collect()), can_save=not self._blocking)
        if choice is LeaveChoice.SAVE and not self._blocking:
            return self.save()
        if choice is LeaveChoice.DISCARD:
            self._set_dirty(False)
            return True
        return False

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self._dirty:
            self.save()

    @Slot()
    def _on_revert_button_clicked(self) -> None:
        if self._client is not None:
            self._open(self._client.id)
        elif self._baseline is not None:
            self.new_client()

    def _open(self, client_id: int) -> bool:
        raise NotImplementedError

    def new_client(self, name: str = "") -> None:
        raise NotImplementedError
