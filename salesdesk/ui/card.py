"""The client card: requisites, contact persons, history, deals and reminders of one client.

Fields are checked as the user types (the same domain rules the store enforces), with the message
under the field. Save is enabled only when something changed and nothing blocks; leaving a
changed card asks first. Duplicates (INN, phone, e-mail, name) are looked up on a worker thread
and shown as links to the other client.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import FieldProblem, StaleEditError, UserError, ValidationError
from salesdesk.domain.model import (
    Client,
    ClientFields,
    ClientKind,
    ClientStatus,
    ContactPerson,
    Deal,
    DealStage,
    Industry,
    InteractionKind,
    Manager,
    Recurrence,
    Reminder,
)
from salesdesk.domain.queries import DuplicateHit
from salesdesk.services import cards, clients, contacts, deals, history, reference, reminders
from salesdesk.services.common import SaveResult, UowFactory
from salesdesk.ui.changes_view import ChangesView
from salesdesk.ui.deal_dialogs import DealDialog, LogDialog
from salesdesk.ui.dialogs import (
    Confirm,
    ContactDialog,
    HookChoice,
    LeaveChoice,
    UnsavedChanges,
    hook_menu,
)
from salesdesk.ui.erasure_actions import add_person_actions
from salesdesk.ui.operations import Operations
from salesdesk.ui.texts import item_label
from salesdesk.ui.widgets import (
    ERROR_COLOR,
    FIELD_STYLESHEET,
    MUTED,
    BottomOverlay,
    ElidedLabel,
    FieldMessage,
    FittedColumns,
    NoticeBar,
    industry_label,
    mark_problem,
    money_text,
    refill_combo,
    scaled_font,
    short_datetime,
)
from salesdesk.ui.workers import Latest, Runner

TEXT_FIELDS = (
    "name",
    "full_name",
    "inn",
    "kpp",
    "ogrn",
    "legal_address",
    "postal_address",
    "city",
    "phone",
    "email",
    "bank_name",
    "bik",
    "account",
    "corr_account",
    "source",
)
# completeness item -> (tab, field widget key)
ITEM_TARGETS = {
    "contact_position": ("contacts", None),
    "industry": ("requisites", "industry_id"),
    "owner": ("requisites", "owner_id"),
}


class StaleEdit:
    """Someone saved the same card meanwhile: keep mine, take theirs, or decide later."""

    @classmethod
    def ask(cls, parent: QWidget, text: str) -> str:
        from PySide6.QtWidgets import QMessageBox

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


class ClientCard(QWidget):
    client_saved = Signal(int, bool)  # client id, newly created
    card_changed = Signal(int)  # contacts or reminders of this client changed
    open_client_requested = Signal(int)
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
        self.renewal_days = renewal_days
        self._duplicates = Latest(runner)
        # an answer still on its way when the card is deleted (the window closed) goes nowhere
        latest = self._duplicates
        self.destroyed.connect(lambda *_: latest.drop())
        self._client: Client | None = None
        self._card: cards.Card | None = None
        self._baseline: ClientFields | None = None
        self._loading = False
        self._touched: set[str] = set()
        self._dirty = False
        self._blocking = False
        self._industries: list[Industry] = []
        self._managers: list[Manager] = []
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self._labels: dict[str, QLabel] = {}
        self._fitters: dict[QTreeView, FittedColumns] = {}
        self._kept_widths: dict[str, dict[int, int]] = {}  # from an earlier run, by list name
        self._build()
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(350)
        self._duplicate_timer.timeout.connect(self._check_duplicates)
        self.show_empty()

    # Building -------------------------------------------------------------------------------

    def _build(self) -> None:
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
        self._editor_built = False

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
        self.title = ElidedLabel(max_lines=2)  # a 5,000-character name must not push the form down
        scaled_font(self.title, 1.4, bold=True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(MUTED)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        score_row = QHBoxLayout()
        self.score_bar = QProgressBar()
        self.score_bar.setRange(0, 100)
        self.score_bar.setFixedWidth(110)
        self.score_bar.setFormat("%p %")
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.linkActivated.connect(self._on_missing_label_link_activated)
        score_row.addWidget(self.score_bar)
        score_row.addWidget(self.missing_label, 1)
        layout.addLayout(score_row)

        self.duplicates_label = QLabel()
        self.duplicates_label.setWordWrap(True)
        self.duplicates_label.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates_label.setStyleSheet(
            "background:#fef7e0; border:1px solid #f9d67a; color:#7a4f01; border-radius:4px; padding:4px;"
        )
        self.duplicates_label.linkActivated.connect(self._on_duplicates_label_link_activated)
        self.duplicates_label.hide()
        self.notice = NoticeBar()

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_requisites(), self.tr("Requisites"))
        self.tabs.addTab(self._build_contacts(), self.tr("Contacts"))
        self.tabs.addTab(self._build_history(), self.tr("History"))
        self.tabs.addTab(self._build_deals(), self.tr("Deals"))
        self.tabs.addTab(self._build_reminders(), self.tr("Reminders"))
        self.changes_view = ChangesView(self.ops)  # issue 12: the card's audit trail
        self.tabs.addTab(self.changes_view, self.tr("Changes"))
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
        self._fill_reference_combos()
        self._set_dirty(self._dirty)

    def column_widths(self) -> dict[str, dict[int, int]]:
        """The widths the user dragged in the card's lists, by list name, for the window to keep."""
        widths = dict(self._kept_widths)  # lists not built in this run keep what they had
        widths.update((view.objectName(), dict(fitter.user_widths)) for view, fitter in self._fitters.items())
        return widths

    def restore_column_widths(self, widths: dict[str, dict[int, int]]) -> None:
        """Give the lists back the widths the user dragged in an earlier run (now, or when the
        editor is built)."""
        self._kept_widths = {name: dict(columns) for name, columns in widths.items()}
        for view, fitter in self._fitters.items():
            fitter.restore(self._kept_widths.get(view.objectName(), {}))

    @Slot(int)
    def _on_notices_covered(self, height: int) -> None:
        page = self.requisites_scroll.widget()
        if page is not None:
            page.setContentsMargins(0, 0, 0, height)

    def _field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        message = FieldMessage()
        box.addWidget(message)
        label_widget = QLabel(label)
        label_widget.setBuddy(widget)
        form.addRow(label_widget, box)
        self.widgets[key] = widget
        self.messages[key] = message
        self._labels[key] = label_widget
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, k=key: self._on_field_edited(k))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, k=key: self._on_field_edited(k))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda k=key: self._on_field_edited(k))

    def _section(self, form: QFormLayout, title: str) -> None:
        label = QLabel(title)
        label.setStyleSheet("margin-top: 8px;")
        scaled_font(label, 1.0, bold=True)
        form.addRow(label)

    def _build_requisites(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # in a narrow card the labels go above their fields instead of squeezing them
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        page.setStyleSheet(FIELD_STYLESHEET)
        line = QLineEdit
        self._field(form, "name", self.tr("&Name:"), line())
        kind = QComboBox()
        for kind_option in ClientKind:
            kind.addItem(kind_option.label, kind_option)
        self._field(form, "kind", self.tr("&Kind:"), kind)
        status = QComboBox()
        for status_option in ClientStatus:
            status.addItem(status_option.label, status_option)
        self._field(form, "status", self.tr("S&tatus:"), status)
        self._field(form, "full_name", self.tr("Full le&gal name:"), line())
        self._field(form, "inn", self.tr("&INN:"), line())
        self._field(form, "kpp", self.tr("KPP:"), line())
        self._field(form, "ogrn", self.tr("OGRN:"), line())
        self._field(form, "industry_id", self.tr("Ind&ustry:"), QComboBox())
        # the office's notes on the client's market, right where the manager looks
        self.industry_notes = QLabel()
        self.industry_notes.setWordWrap(True)
        self.industry_notes.setStyleSheet(MUTED)
        self.industry_notes.hide()
        form.addRow("", self.industry_notes)
        self._field(form, "owner_id", self.tr("&Owner:"), QComboBox())
        self._section(form, self.tr("Contact details"))
        self._field(form, "phone", self.tr("&Phone:"), line())
        self._field(form, "email", self.tr("E-&mail:"), line())
        self._field(form, "legal_address", self.tr("&Legal address:"), line())
        self._field(form, "postal_address", self.tr("Postal address:"), line())
        self._field(form, "city", self.tr("City:"), line())
        self._section(form, self.tr("Bank details"))
        self._field(form, "bank_name", self.tr("Bank:"), line())
        self._field(form, "bik", self.tr("BIK:"), line())
        self._field(form, "account", self.tr("Account:"), line())
        self._field(form, "corr_account", self.tr("Corr. account:"), line())
        self._section(form, self.tr("Other"))
        self._field(form, "source", self.tr("Source:"), line())
        tags = line()
        tags.setPlaceholderText(self.tr("Comma-separated, e.g. VIP, Wholesale"))
        self._field(form, "tags", self.tr("Tags:"), tags)
        notes = QPlainTextEdit()
        notes.setFixedHeight(90)
        self._field(form, "notes", self.tr("Notes:"), notes)
        for key, hint in (
            ("inn", self.tr("10 digits for a company, 12 for a sole trader or a person")),
            ("kpp", self.tr("9 characters, companies only")),
            ("phone", self.tr("Any format, e.g. 8 (495) 123-45-67")),
            ("bik", self.tr("9 digits, starts with 04")),
        ):
            self.widgets[key].setPlaceholderText(hint)  # type: ignore[attr-defined]
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        self.requisites_scroll = scroll
        return scroll

    def _list_view(
        self, name: str, headers: list[str], stretch: int, keep: tuple[int, ...] = (), share: float = 0.4
    ) -> tuple[QTreeView, QStandardItemModel]:
        """A read-only list: the columns fit their contents, the *stretch* column takes the spare
        room, and a width the user dragged is kept (across restarts: see column_widths)."""
        view = QTreeView()
        view.setObjectName(name)
        model = QStandardItemModel(0, len(headers), view)
        model.setHorizontalHeaderLabels(headers)
        view.setModel(model)
        view.setRootIsDecorated(False)
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._fitters[view] = FittedColumns(view, stretch, keep, share)
        if name in self._kept_widths:
            self._fitters[view].restore(self._kept_widths[name])
        return view, model

    def _build_contacts(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.contacts_view, self.contacts_model = self._list_view(
            "contacts",
            [self.tr("Full name"), self.tr("Position"), self.tr("Age"), self.tr("Phones"), self.tr("E-mails")],
            0,
            share=0.5,
        )
        self.contacts_hint = QLabel(self.tr("Save the new card first, then add its contact persons."))
        self.contacts_hint.setWordWrap(True)
        row = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("Add…"))
        self.edit_contact_button = QPushButton(self.tr("Edit…"))
        self.remove_contact_button = QPushButton(self.tr("Remove"))
        for button in (self.add_contact_button, self.edit_contact_button, self.remove_contact_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(self.contacts_hint)
        layout.addWidget(self.contacts_view, 1)
        layout.addLayout(row)
        self.add_contact_button.clicked.connect(self._on_add_contact_button_clicked)
        self.edit_contact_button.clicked.connect(self._on_edit_contact_button_clicked)
        self.remove_contact_button.clicked.connect(self._on_remove_contact_button_clicked)
        self.contacts_view.doubleClicked.connect(self._on_edit_contact_button_clicked)
        self.contacts_view.selectionModel().selectionChanged.connect(self._update_contact_buttons)
        add_person_actions(self, self.contacts_view)  # export and erase a person (issue 12)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.log_button = QPushButton(self.tr("Log a contact…"))
        self.log_button.setToolTip(self.tr("A call, meeting, letter or note; and the next contact"))
        self.delete_entry_button = QPushButton(self.tr("Delete"))
        row.addWidget(self.log_button)
        row.addWidget(self.delete_entry_button)
        row.addStretch(1)
        self.history_view, self.history_model = self._list_view(
            "history",
            [self.tr("When"), self.tr("What"), self.tr("Summary"), self.tr("Result"), self.tr("Who")],
            2,
            keep=(0,),
        )
        self.history_empty = QLabel(self.tr("Nothing recorded yet: log calls, meetings and letters here."))
        self.history_empty.setStyleSheet(MUTED)
        layout.addLayout(row)
        layout.addWidget(self.history_empty)
        layout.addWidget(self.history_view, 1)
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self.delete_entry_button.clicked.connect(self._on_delete_entry_button_clicked)
        self.history_view.selectionModel().selectionChanged.connect(self._update_history_buttons)
        return page

    def _build_deals(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.add_deal_button = QPushButton(self.tr("New deal…"))
        self.edit_deal_button = QPushButton(self.tr("Edit…"))
        self.delete_deal_button = QPushButton(self.tr("Delete"))
        for button in (self.add_deal_button, self.edit_deal_button, self.delete_deal_button):
            row.addWidget(button)
        row.addStretch(1)
        self.deals_view, self.deals_model = self._list_view(
            "deals",
            [
                self.tr("Deal"),
                self.tr("Stage"),
                self.tr("Amount"),
                self.tr("Opened"),
                self.tr("Closed"),
                self.tr("Contract ends"),
            ],
            0,
            keep=(2,),
        )
        self.deals_empty = QLabel(self.tr("No deals with this client yet."))
        self.deals_empty.setStyleSheet(MUTED)
        layout.addLayout(row)
        layout.addWidget(self.deals_empty)
        layout.addWidget(self.deals_view, 1)
        self.add_deal_button.clicked.connect(self._on_add_deal_button_clicked)
        self.edit_deal_button.clicked.connect(self._on_edit_deal_button_clicked)
        self.delete_deal_button.clicked.connect(self._on_delete_deal_button_clicked)
        self.deals_view.doubleClicked.connect(self._on_edit_deal_button_clicked)
        self.deals_view.selectionModel().selectionChanged.connect(self._update_deal_buttons)
        return page

    def _build_reminders(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.reminders_view, self.reminders_model = self._list_view(
            "reminders", [self.tr("Due"), self.tr("Reminder"), self.tr("Repeat"), self.tr("State")], 1, keep=(0,)
        )
        row = QHBoxLayout()
        self.hook_button = QPushButton(self.tr("Remind me…"))
        self.hook_button.setMenu(hook_menu(self, self._hook))
        self.reminder_done_button = QPushButton(self.tr("Done"))
        self.reminder_delete_button = QPushButton(self.tr("Delete"))
        row.addWidget(self.hook_button)
        row.addWidget(self.reminder_done_button)
        row.addWidget(self.reminder_delete_button)
        row.addStretch(1)
        layout.addWidget(self.reminders_view, 1)
        layout.addLayout(row)
        self.reminder_done_button.clicked.connect(self._on_reminder_done_button_clicked)
        self.reminder_delete_button.clicked.connect(self._on_reminder_delete_button_clicked)
        self.reminders_view.selectionModel().selectionChanged.connect(self._update_reminder_buttons)
        return page

    # Showing a client -----------------------------------------------------------------------

    @property
    def client_id(self) -> int | None:
        return self._client.id if self._client else None

    @property
    def is_new(self) -> bool:
        return self._client is None and self.stack.currentIndex() == 1

    @property
    def dirty(self) -> bool:
        return self._dirty

    def reload_reference(self) -> None:
        """Read the industry and manager lists afresh (the card used on its own, as in tests)."""
        self.set_reference(reference.list_industries(self.uow()), reference.list_managers(self.uow()))

    def set_reference(self, industries: list[Industry], managers: list[Manager]) -> None:
        """The industry and manager lists the window has read (at start and after they were edited)."""
        self._industries, self._managers = industries, managers
        self._fill_reference_combos()

    def _fill_reference_combos(self) -> None:
        if not self._editor_built:
            return  # ensure_editor fills them
        for key, items in (
            ("industry_id", [(industry_label(i), i.id) for i in self._industries]),
            ("owner_id", [(m.name, m.id) for m in self._managers if m.active]),
        ):
            combo = self.widgets[key]
            assert isinstance(combo, QComboBox)
            refill_combo(combo, self.tr("— not set —"), items)

    def show_empty(self) -> None:
        self._client = None
        self._card = None
        self._baseline = None
        self._set_dirty(False)
        self.stack.setCurrentIndex(0)
        self.save_action.setEnabled(False)
        self.revert_action.setEnabled(False)

    def show_client(self, client_id: int) -> None:
        """Load and show a client (the caller has already asked about unsaved changes)."""
        card = cards.load_card(self.uow(), client_id)
        self.ensure_editor()
        if not self._industries and not self._managers:
            self.reload_reference()
        self._card = card
        self._client = card.client
        self._touched = set(ClientFields.__dataclass_fields__)
        self._fill(card.client.fields())
        self._fill_lists(card)
        self.notice.hide()
        self.stack.setCurrentIndex(1)
        self.requisites_scroll.verticalScrollBar().setValue(0)
        self._after_edit()
        self._check_duplicates()
        self.changes_view.show_client(client_id)

    def new_client(self, name: str = "") -> None:
        self.ensure_editor()
        if not self._industries and not self._managers:
            self.reload_reference()
        self._card = None
        self._client = None
        self._touched = set()
        fields = ClientFields(name=name, owner_id=self.current_manager())
        self._fill(fields)
        self._baseline = ClientFields(name="", owner_id=fields.owner_id)
        self._fill_lists(None)
        self.changes_view.show_client(None)
        self.notice.hide()
        self.duplicates_label.hide()
        self.stack.setCurrentIndex(1)
        self.tabs.setCurrentIndex(0)
        self.requisites_scroll.verticalScrollBar().setValue(0)
        self._after_edit()
        self.widgets["name"].setFocus()

    def _fill(self, fields: ClientFields) -> None:
        self._loading = True
        try:
            for key in TEXT_FIELDS:
                widget = self.widgets[key]
                assert isinstance(widget, QLineEdit)
                widget.setText(getattr(fields, key))
                widget.setCursorPosition(0)
            self._line("tags").setText(", ".join(fields.tags))
            notes = self.widgets["notes"]
            assert isinstance(notes, QPlainTextEdit)
            notes.setPlainText(fields.notes)
            choices: tuple[tuple[str, object], ...] = (
                ("kind", fields.kind),
                ("status", fields.status),
                ("industry_id", fields.industry_id),
                ("owner_id", fields.owner_id),
            )
            for key, value in choices:
                combo = self.widgets[key]
                assert isinstance(combo, QComboBox)
                index = combo.findData(value)
                if index < 0 and key == "industry_id" and value is not None and self._client is not None:
                    # an industry that was moved to the trash still shows on the clients that have it
                    combo.addItem(self._client.industry_name, value)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self._baseline = self.collect()

    def _line(self, key: str) -> QLineEdit:
        widget = self.widgets[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def collect(self) -> ClientFields:
        """The card as typed right now."""
        values: dict[str, Any] = {key: self._line(key).text() for key in TEXT_FIELDS}
        values["tags"] = tuple(t.strip() for t in self._line("tags").text().split(",") if t.strip())
        notes = self.widgets["notes"]
        assert isinstance(notes, QPlainTextEdit)
        values["notes"] = notes.toPlainText()
        for key in ("kind", "status", "industry_id", "owner_id"):
            combo = self.widgets[key]
            assert isinstance(combo, QComboBox)
            values[key] = combo.currentData()
        # Qt hands enum item data back as plain strings
        values["kind"] = ClientKind(values["kind"])
        values["status"] = ClientStatus(values["status"])
        return ClientFields(**values)

    def _fill_lists(self, card: cards.Card | None) -> None:
        locale = QLocale()
        today = date.today()
        self.contacts_model.removeRows(0, self.contacts_model.rowCount())
        for person in card.contacts if card else ():
            age = person.age(today)
            name = QStandardItem(("★ " if person.is_primary else "") + person.full_name)
            name.setData(person.id, Qt.ItemDataRole.UserRole)
            self.contacts_model.appendRow(
                [
                    name,
                    QStandardItem(person.position),
                    QStandardItem("" if age is None else str(age)),
                    QStandardItem(", ".join(person.phones)),
                    QStandardItem(", ".join(person.emails)),
                ]
            )
        saved = card is not None
        self.contacts_hint.setVisible(not saved)
        self.contacts_view.setEnabled(saved)
        self.add_contact_button.setEnabled(saved)
        self._update_contact_buttons()

        self._fill_history(card)

        self.deals_model.removeRows(0, self.deals_model.rowCount())
        for deal in card.deals if card else ():
            amount = QStandardItem(money_text(locale, deal.amount.amount, deal.amount.currency))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            title = QStandardItem(deal.title)
            title.setData(deal.id, Qt.ItemDataRole.UserRole)
            stage = QStandardItem(deal.stage.label)
            if deal.lost_reason:
                stage.setToolTip(deal.lost_reason)
            dates = (deal.opened_on, deal.closed_on, deal.contract_end)
            self.deals_model.appendRow([title, stage, amount, *(QStandardItem(_date_text(locale, d)) for d in dates)])
        self.deals_empty.setVisible(self.deals_model.rowCount() == 0)
        self.add_deal_button.setEnabled(saved)
        self.log_button.setEnabled(saved)
        self._update_deal_buttons()
        self._fill_reminders(card.reminders if card else ())
        for fitter in self._fitters.values():
            fitter.fit()

    def _fill_history(self, card: cards.Card | None) -> None:
        locale = QLocale()
        self.history_model.removeRows(0, self.history_model.rowCount())
        entries = history.build_timeline(card.interactions, card.deals, card.reminders) if card else []
        for entry in entries:
            when = QStandardItem(short_datetime(locale, entry.when))
            when.setData(f"{entry.kind.value}:{entry.ident}", Qt.ItemDataRole.UserRole)
            what = QStandardItem(self._entry_kind(entry))
            self.history_model.appendRow(
                [when, what, _one_line(entry.title), _one_line(entry.detail), QStandardItem(entry.who)]
            )
        self.history_empty.setVisible(self.history_model.rowCount() == 0)
        self._update_history_buttons()

    def _entry_kind(self, entry: history.TimelineEntry) -> str:
        if entry.kind is history.EntryKind.INTERACTION:
            return InteractionKind(entry.subtype).label
        if entry.kind is history.EntryKind.DEAL:
            return self.tr("Deal · %1").replace("%1", DealStage(entry.subtype).label)
        return self.tr("Reminder · done") if entry.subtype == "done" else self.tr("Reminder")

    def _fill_reminders(self, items: tuple[Reminder, ...]) -> None:
        locale = QLocale()
        now = datetime.now(UTC)
        self.reminders_model.removeRows(0, self.reminders_model.rowCount())
        for item in items:
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
            self.reminders_model.appendRow(
                [
                    due,
                    QStandardItem(item.text),
                    QStandardItem("" if item.recurrence is Recurrence.NONE else item.recurrence.label),
                    QStandardItem(state),
                ]
            )
        saved = self._client is not None
        self.hook_button.setEnabled(saved)
        self._update_reminder_buttons()

    # Editing --------------------------------------------------------------------------------

    def _on_field_edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        if key == "kind":
            self._apply_kind()
        self._after_edit()
        self._duplicate_timer.start()

    def _apply_kind(self) -> None:
        kind = self.collect().kind
        self._labels["ogrn"].setText(self.tr("OGRNIP:") if kind is ClientKind.SOLE_TRADER else self.tr("OGRN:"))
        self._line("kpp").setEnabled(kind is ClientKind.LEGAL or bool(self._line("kpp").text()))
        self._line("ogrn").setEnabled(kind is not ClientKind.PERSON or bool(self._line("ogrn").text()))

    def _after_edit(self) -> None:
        fields = self.collect()
        notes = next((i.notes for i in self._industries if i.id == fields.industry_id), "")
        self.industry_notes.setText(notes if len(notes) <= 400 else notes[:400] + "…")
        self.industry_notes.setToolTip(notes)
        self.industry_notes.setVisible(bool(notes))
        self._apply_kind()
        problems = clients.check_client(fields)
        self._show_problems(problems)
        self._blocking = any(p.blocking for p in problems)
        self._set_dirty(self._baseline is not None and fields != self._baseline)
        self._show_header(fields)

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        for message in self.messages.values():
            message.clear_problem()
        shown: dict[str, str] = {}
        for problem in problems:
            key = problem.field
            if problem.message.key == "err.required" and key not in self._touched:
                continue  # a new, untouched card is not an error yet
            if key in self.messages and key not in shown:
                self.messages[key].show_problem(str(problem), blocking=problem.blocking)
                shown[key] = "error" if problem.blocking else "warning"
        for key, widget in self.widgets.items():
            mark_problem(widget, shown.get(key))

    def _header_name(self, fields: ClientFields) -> str:
        """The stored name while a saved card is edited (a cleared or half-typed name is not the
        client's name yet); the typed one on a new card."""
        if self._client is not None:
            return self._client.name
        return fields.name.strip() or self.tr("New client")

    def _show_header(self, fields: ClientFields) -> None:
        self.title.setText(("● " if self._dirty else "") + self._header_name(fields))
        parts = [fields.kind.label, fields.status.label]
        if self._client is not None:
            parts.append(self.tr("No. %d") % self._client.id)
        self.subtitle.setText(" · ".join(parts))
        # the value as it would be saved: "7707 083 893" counts, an INN that would be refused does not
        score = clients.card_completeness(fields, [p.fields() for p in self._card.contacts] if self._card else ())
        self.score_bar.setValue(score.score)
        missing = list(score.missing)
        if missing:
            shown = missing[:4]
            links = ", ".join(f'<a href="{item}">{item_label(item)}</a>' for item in shown)
            if len(missing) > len(shown):
                links += " " + self.tr("and %n more", "", len(missing) - len(shown))
            self.missing_label.setText(self.tr("Missing: %s") % links)
            self.missing_label.setToolTip(", ".join(item_label(i) for i in missing))
        else:
            self.missing_label.setText(self.tr("The card is complete."))
            self.missing_label.setToolTip("")

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
    def _on_missing_label_link_activated(self, item: str) -> None:
        tab, key = ITEM_TARGETS.get(item, ("requisites", item))
        if tab == "contacts":
            self.tabs.setCurrentIndex(1)
            if self._client is not None:
                self.add_contact_button.setFocus()
            return
        self.tabs.setCurrentIndex(0)
        widget = self.widgets.get(key or item)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # Duplicates ----------------------------------------------------------------------------

    @Slot()
    def _check_duplicates(self) -> None:
        if self.stack.currentIndex() != 1:
            return
        fields = self.collect()
        people = tuple(p.fields() for p in self._card.contacts) if self._card else ()
        exclude = self.client_id
        uow = self.uow
        self._duplicates.start(
            lambda: clients.find_duplicates(uow(), fields, people, exclude_id=exclude), self._show_duplicates
        )

    def _show_duplicates(self, hits: list[DuplicateHit]) -> None:
        if not hits:
            self.duplicates_label.hide()
            return
        lines = []
        for hit in hits[:5]:
            link = f'<a href="{hit.client_id}">{_html(hit.name)}</a>'
            if hit.field == "inn":
                lines.append(self.tr("INN %1 already belongs to %2").replace("%1", hit.value).replace("%2", link))
            elif hit.field == "phone":
                lines.append(self.tr("Phone %1 is already on %2").replace("%1", hit.value).replace("%2", link))
            elif hit.field == "email":
                lines.append(self.tr("E-mail %1 is already on %2").replace("%1", _html(hit.value)).replace("%2", link))
            else:
                lines.append(self.tr("A client with this name exists: %1").replace("%1", link))
        self.duplicates_label.setText("⚠ " + "<br>".join(lines))
        self.duplicates_label.show()

    @Slot(str)
    def _on_duplicates_label_link_activated(self, link: str) -> None:
        self.open_client_requested.emit(int(link))

    # Saving ---------------------------------------------------------------------------------

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
            self.show_client(self._client.id)
        elif self._baseline is not None:
            self.new_client()

    def _notify_error(self, text: str) -> None:
        """Where an action of the card shows an error no field or dialog took."""
        self.notice.show_message(text, kind="error")

    def save(self, *, expected_version: int | None = None) -> bool:
        """Save the card; True on success. Typed data stays in the form whatever goes wrong."""
        fields = self.collect()
        self._touched = set(ClientFields.__dataclass_fields__)
        created = self._client is None
        client = self._client
        uow = self.uow
        resolved: list[bool] = []

        def store() -> SaveResult:
            if client is None:
                return clients.create_client(uow(), fields)
            version = expected_version if expected_version is not None else client.version
            return clients.update_client(uow(), client.id, version, fields)

        def not_saved(exc: UserError) -> bool:
            if isinstance(exc, StaleEditError):
                resolved.append(self._resolve_stale(str(exc)))
                return True
            if isinstance(exc, ValidationError):
                self._show_problems(list(exc.problems))
            self.notice.show_message(self.tr("Not saved: %s") % str(exc), kind="error")
            return True

        results: list[SaveResult] = []
        if not self.ops.run(store, results.append, on_error=not_saved):
            return bool(resolved and resolved[0])
        result = results[0]
        self.show_client(result.id)
        self.notice.show_message(self.tr("Saved."), kind="success", timeout_ms=2500)
        self.client_saved.emit(result.id, created)
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
            self.show_client(self._client.id)
            return True
        return False

    # Contacts -------------------------------------------------------------------------------

    def _selected_id(self, view: QTreeView) -> int | None:
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    @Slot()
    def _update_contact_buttons(self) -> None:
        has = self._selected_id(self.contacts_view) is not None
        self.edit_contact_button.setEnabled(has)
        self.remove_contact_button.setEnabled(has)

    def _contact(self, ident: int | None) -> ContactPerson | None:
        if self._card is None or ident is None:
            return None
        return next((p for p in self._card.contacts if p.id == ident), None)

    @Slot()
    def _on_add_contact_button_clicked(self) -> None:
        if self._client is not None:
            ContactDialog.edit(self, self.uow, self._client.id)  # the change bus brings the new list

    @Slot()
    def _on_edit_contact_button_clicked(self) -> None:
        person = self._contact(self._selected_id(self.contacts_view))
        if self._client is not None and person is not None:
            ContactDialog.edit(self, self.uow, self._client.id, person)

    @Slot()
    def _on_remove_contact_button_clicked(self) -> None:
        person = self._contact(self._selected_id(self.contacts_view))
        if person is None:
            return
        if not Confirm.ask(
            self, self.tr("Remove contact person"), self.tr("Remove %s from this client's contacts?") % person.full_name
        ):
            return
        self._trash_with_undo(
            lambda: contacts.trash_contact(self.uow(), person.id),
            lambda: contacts.restore_contact(self.uow(), person.id),
            self.tr("%s removed.") % person.full_name,
        )

    def _trash_with_undo(self, trash: Callable[[], object], restore: Callable[[], object], message: str) -> None:
        """One path for every list on the card: move the row to the trash and offer Undo for a while;
        each is one operation (errors to the card's notice bar), and the list shows what changed by
        the change bus."""
        if not self.ops.run(trash):
            return
        self.notice.show_message(
            message, action=self.tr("Undo"), callback=lambda: self.ops.run(restore), timeout_ms=15000
        )

    # Deals and history ------------------------------------------------------------------------

    @Slot()
    def _update_deal_buttons(self) -> None:
        has = self._selected_id(self.deals_view) is not None
        self.edit_deal_button.setEnabled(has)
        self.delete_deal_button.setEnabled(has)

    def _deal(self, ident: int | None) -> Deal | None:
        if self._card is None or ident is None:
            return None
        return next((d for d in self._card.deals if d.id == ident), None)

    @Slot()
    def _on_add_deal_button_clicked(self) -> None:
        if self._client is None:
            return
        saved = DealDialog.edit(self, self.uow, self._client.id, None, self.renewal_days(), self.current_manager())
        if saved is not None:
            self._tell_activated(saved)

    @Slot()
    def _on_edit_deal_button_clicked(self) -> None:
        deal = self._deal(self._selected_id(self.deals_view))
        if self._client is None or deal is None:
            return
        saved = DealDialog.edit(self, self.uow, self._client.id, deal, self.renewal_days(), self.current_manager())
        if saved is not None:
            self._tell_activated(saved)

    def _tell_activated(self, saved: deals.DealSaved) -> None:
        """A won deal made a lead or prospect an active client: say so, with Undo."""
        was = saved.client_was
        if was is None or self._client is None:
            return
        client_id = saved.client_id
        self.notice.show_message(
            self.tr("Deal won: %1 is now an active client (was: %2).")
            .replace("%1", self._client.name)
            .replace("%2", was.label.lower()),
            kind="success",
            action=self.tr("Undo"),
            callback=lambda: self._undo_activation(client_id, was),
            timeout_ms=15000,
        )

    def _undo_activation(self, client_id: int, was: ClientStatus) -> None:
        uow = self.uow
        self.ops.run(lambda: deals.undo_activation(uow(), client_id, was))

    def add_deal(self) -> None:
        """The "new deal" dialog for the client shown (the Client menu's New deal)."""
        if self._client is None:
            return
        self.tabs.setCurrentIndex(3)
        self.add_deal_button.click()

    def show_deal(self, deal_id: int) -> None:
        """Open the Deals tab on *deal_id* (from the Deals list of the whole office)."""
        self.tabs.setCurrentIndex(3)
        for row in range(self.deals_model.rowCount()):
            if self.deals_model.item(row, 0).data(Qt.ItemDataRole.UserRole) == deal_id:
                self.deals_view.setCurrentIndex(self.deals_model.index(row, 0))
                return

    @Slot()
    def _on_delete_deal_button_clicked(self) -> None:
        deal = self._deal(self._selected_id(self.deals_view))
        if deal is None:
            return
        self._trash_with_undo(
            lambda: deals.trash_deal(self.uow(), deal.id),
            lambda: deals.restore_deal(self.uow(), deal.id, renewal_days=self.renewal_days()),
            self.tr("Deal “%1” deleted.").replace("%1", deal.title),
        )

    def log_contact(self, reminder: Reminder | None = None) -> bool:
        """The "log a contact" dialog; with a reminder it also closes it and plans the next contact."""
        if self._client is None:
            return False
        done = LogDialog.log(
            self,
            self.uow,
            self._client.id,
            client_name=self._client.name,
            reminder_id=reminder.id if reminder else None,
            reminder_text=reminder.text if reminder else "",
            manager_id=self.current_manager(),
        )
        return done  # one transaction (history.log_and_plan); the change bus brings the tabs up to date

    @Slot()
    def _on_log_button_clicked(self) -> None:
        if self.log_contact():
            self.tabs.setCurrentIndex(2)

    def _selected_entry(self) -> tuple[str, int] | None:
        rows = self.history_view.selectionModel().selectedRows()
        if not rows:
            return None
        kind, _, ident = str(rows[0].siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)).partition(":")
        return kind, int(ident)

    @Slot()
    def _update_history_buttons(self) -> None:
        entry = self._selected_entry()
        self.delete_entry_button.setEnabled(entry is not None and entry[0] == history.EntryKind.INTERACTION.value)

    @Slot()
    def _on_delete_entry_button_clicked(self) -> None:
        entry = self._selected_entry()
        if entry is None or entry[0] != history.EntryKind.INTERACTION.value:
            return
        ident = entry[1]
        self._trash_with_undo(
            lambda: history.trash_interaction(self.uow(), ident),
            lambda: history.restore_interaction(self.uow(), ident),
            self.tr("Entry deleted."),
        )

    def _reload_lists(self) -> None:
        """After contacts, deals or history changed: they change the score, the search text and the
        lists, not the card itself, so whatever is typed in the form stays."""
        assert self._client is not None
        typed = self.collect()
        dirty = self._dirty
        status_before = self._client.status
        self._card = cards.load_card(self.uow(), self._client.id)
        self._client = self._card.client
        self._fill_lists(self._card)
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

    # Reminders ------------------------------------------------------------------------------

    @Slot()
    def _update_reminder_buttons(self) -> None:
        ident = self._selected_id(self.reminders_view)
        reminder = next((r for r in self._card.reminders if r.id == ident), None) if self._card else None
        self.reminder_done_button.setEnabled(reminder is not None and not reminder.done)
        self.reminder_delete_button.setEnabled(reminder is not None)

    def _hook(self, choice: HookChoice | None, months: int | None) -> None:
        if self._client is None:
            return
        if choice is None and months is None:
            return  # the dialog was cancelled
        uow, client_id, manager = self.uow, self._client.id, self.current_manager()
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

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """Subscribed to the window's change bus: what of this client changed (by the card, a dialog,
        the reminders panel, a worker) is read again; the card's own actions refresh nothing by hand."""
        parts = changes.parts_of(self.client_id)
        if parts & {"contacts", "deals", "history", "status"}:
            self.ops.run(self._reload_lists)  # every tab, keeping what is typed in the form
        elif "reminders" in parts:
            self.ops.run(self.refresh_reminders)

    def refresh_reminders(self) -> None:
        if self._client is None:
            return
        items = tuple(reminders.reminders_of(self.uow(), self._client.id))
        if self._card is not None:
            self._card = dataclasses.replace(self._card, reminders=items)
        self._fill_reminders(items)
        self._fitters[self.reminders_view].fit()
        self.card_changed.emit(self._client.id)

    @Slot()
    def _on_reminder_done_button_clicked(self) -> None:
        ident = self._selected_id(self.reminders_view)
        if ident is not None:
            uow = self.uow
            self.ops.run(lambda: reminders.complete_reminder(uow(), ident))

    @Slot()
    def _on_reminder_delete_button_clicked(self) -> None:
        ident = self._selected_id(self.reminders_view)
        if ident is not None:
            self._trash_with_undo(
                lambda: reminders.trash_reminder(self.uow(), ident),
                lambda: reminders.restore_reminder(self.uow(), ident),
                self.tr("Reminder deleted."),
            )


def _date_text(locale: QLocale, value: date | None) -> str:
    if value is None:
        return ""
    from PySide6.QtCore import QDate

    return locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def _one_line(text: str) -> QStandardItem:
    """A summary written in paragraphs reads as one line in a list; the tooltip has all of it."""
    # Only line breaks and runs of ordinary white space fold: the no-break spaces of an amount
    # ("1 250 000,50 ₽") keep it from wrapping apart.
    item = QStandardItem(re.sub(r"[ \t\r\n\f\v]+", " ", text).strip())
    if "\n" in text.strip():
        item.setToolTip(text)
    return item


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
