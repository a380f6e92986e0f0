"""The main window: client table with search and filters, the card beside it, reminders below.

It wires widgets together and reacts to their signals; every read and write goes through the
services, long ones on worker threads.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QLocale, QMimeData, QModelIndex, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk import __version__
from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import UserError
from salesdesk.domain.model import Industry, Manager, Reminder
from salesdesk.domain.queries import ClientQuery
from salesdesk.domain.validation import MAX_SEARCH
from salesdesk.services import clients, demo, reference
from salesdesk.services.common import Cancelled, UowFactory
from salesdesk.ui.card import ClientCard
from salesdesk.ui.client_model import COLUMN_OF, COLUMNS, ClientTableModel
from salesdesk.ui.deals_panel import DealsPanel
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.erasure_actions import WindowErasure
from salesdesk.ui.filters import FilterBar
from salesdesk.ui.geometry import place_window
from salesdesk.ui.operations import Operations
from salesdesk.ui.progress import ProgressTask
from salesdesk.ui.reminders_panel import ReminderNotifier, RemindersPanel
from salesdesk.ui.settings import Settings
from salesdesk.ui.widgets import BottomOverlay, NoticeBar, scaled_font
from salesdesk.ui.workers import Runner

if TYPE_CHECKING:
    from salesdesk.ui.reports_panel import ReportsPanel

SEARCH_DELAY_MS = 180


class MainWindow(QMainWindow):
    def __init__(
        self, uow: UowFactory, settings: Settings, *, runner: Runner | None = None, notify_interval_ms: int = 30_000
    ) -> None:
        super().__init__()
        self.settings = settings
        self.runner = runner or Runner(self)
        # every action goes through these; every unit of work made here reports its commits to the
        # change bus, from which the list, the deals, the reminders and the card refresh
        self.operations = Operations(uow, self.runner, self._notify_error, self)
        self.uow = uow = self.operations.uow
        self.setWindowTitle("SalesDesk[*]")  # [*] shows the unsaved-changes marker
        self.setAcceptDrops(True)  # drop a spreadsheet on the window to import it
        self.setMinimumSize(720, 480)  # the size and place come from _restore_layout (ui/geometry.py)
        self.model = ClientTableModel(uow, self.runner, self)
        self._selecting = False  # a selection made by the program, not the user
        self._announced_overdue = False  # the start-up notice is shown once
        self._asking_who = False  # "who are you?" is open: the notice waits to count the right reminders
        self._deals_loaded = False  # the Deals tab reads its list when first opened
        self._managers: list[Manager] = []  # as last read, for the Reports tab built later
        self._reading_reports = False  # the Reports tab is open (the reminders panel steps aside)
        self._reminders_were_shown = True
        self._report_asked: str | None = None
        self.uow_label = ""  # where the base lives, for the About box
        self._build_central()
        self.card = ClientCard(
            uow,
            self.runner,
            self.current_manager,
            renewal_days=lambda: self.settings.renewal_days,
            operations=self.operations,
        )
        self.card.setMinimumWidth(440)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        self.reminders = RemindersPanel(
            uow, self.runner, self.current_manager, show_all=settings.all_reminders, operations=self.operations
        )
        self.reminders_dock = QDockWidget(self.tr("Reminders"), self)
        self.reminders_dock.setObjectName("RemindersDock")
        self.reminders_dock.setWidget(self.reminders)
        self.reminders_dock.toggleViewAction().setText(self.tr("&Reminders panel"))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.reminders_dock)
        self.resizeDocks([self.reminders_dock], [190], Qt.Orientation.Vertical)
        self.notifier = ReminderNotifier(
            uow, self.runner, notify_interval_ms, self, manager=self.reminders.manager_filter
        )
        self.tray: QSystemTrayIcon | None = None
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._restore_layout()

    # Building -------------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left.setMinimumWidth(380)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 0)
        search_row = QHBoxLayout()
        self.search = QLineEdit()
        find_keys = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
        self.search.setPlaceholderText(
            self.tr("Search: name, INN, phone, e-mail, contact person (%1)").replace("%1", find_keys)
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(MAX_SEARCH)  # the command line refuses longer; SQLite cannot match them
        search_row.addWidget(self.search, 1)
        self.trash_label = QLabel(self.tr("Trash"))
        self.trash_label.setStyleSheet("color:#a50e0e; font-weight:600;")
        self.trash_label.hide()
        search_row.addWidget(self.trash_label)
        self.erasure = WindowErasure(self)  # "Empty the trash…", "Erase this client…" (issue 12)
        search_row.addWidget(self.erasure.empty_trash_button)
        layout.addLayout(search_row)
        self.filters = FilterBar()
        layout.addWidget(self.filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # No sort indicator before sorting is enabled: Qt would otherwise ask the model to sort by the
        # first column at once, a whole extra query while the window is still being built.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widths = {
            "name": 250,
            "kind": 100,
            "inn": 105,
            "city": 115,
            "industry": 170,
            "status": 125,
            "owner": 130,
            "phone": 140,
            "next_reminder": 125,
            "completeness": 80,
        }
        for i, column in enumerate(COLUMNS):
            header.resizeSection(i, widths.get(column.key, 120))
        # Shown later only if the user asks (the header's context menu): nearly every client is a company.
        header.setSectionHidden(COLUMN_OF["kind"], True)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        scaled_font(self.empty_label, 1.2)
        empty_layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.empty_new_button = QPushButton(self.tr("Create a client"))
        self.empty_demo_button = QPushButton(self.tr("Load demo data"))
        self.empty_import_button = QPushButton(self.tr("Import from Excel…"))
        self.empty_clear_button = QPushButton(self.tr("Clear search and filters"))
        for button in (
            self.empty_new_button,
            self.empty_import_button,
            self.empty_demo_button,
            self.empty_clear_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        empty_layout.addLayout(buttons)
        empty_layout.addStretch(2)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty)
        layout.addWidget(self.table_stack, 1)
        # over the bottom of the list, not in the layout: a notice appearing or closing must not move
        # the row under the pointer, and the top rows (where a click is likely) stay uncovered
        self.notice = NoticeBar()
        self.notices = BottomOverlay(self.table_stack)
        self.notices.add(self.notice)
        # the list ends above the notice (its top rows stay put): a row chosen while the notice is up
        # is scrolled into view above it, and the last rows can be scrolled out from under it
        self.notices.covered.connect(self._on_notices_covered)
        self.splitter.addWidget(left)
        self.deals_panel = DealsPanel(self.uow, self.runner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Clients"))
        self.tabs.addTab(self.deals_panel, self.tr("Deals"))
        # the Reports tab is built when first opened: its charts module is heavy to load
        self.reports_page = QWidget()
        reports_layout = QVBoxLayout(self.reports_page)
        reports_layout.setContentsMargins(0, 0, 0, 0)
        self.reports_panel: ReportsPanel | None = None
        self.tabs.addTab(self.reports_page, self.tr("Reports"))
        self.setCentralWidget(self.tabs)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New client"), self.new_client, QKeySequence.StandardKey.New, self.tr("Create a client card")
        )
        self.delete_action = self._action(
            self.tr("Move to &trash"),
            self.trash_selected,
            QKeySequence(Qt.Key.Key_Delete),
            self.tr("Move the selected clients to the trash"),
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.restore_action = self._action(self.tr("&Restore from trash"), self.restore_selected)
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self._undo: tuple[str, Callable[[], object]] | None = None
        self.find_action = self._action(self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        self.trash_view_action = self._action(self.tr("Show the &trash"), self._on_trash_view_toggled)
        self.trash_view_action.setCheckable(True)
        self.demo_action = self._action(self.tr("Load &demo data…"), self.load_demo)
        self.import_action = self._action(
            self.tr("&Import from a spreadsheet…"),
            lambda: self.import_file(None),
            "Ctrl+I",
            self.tr("Add clients from Excel, LibreOffice or CSV"),
        )
        self.export_action = self._action(
            self.tr("&Export…"), self.export, "Ctrl+E", self.tr("Save clients to Excel or CSV")
        )
        self.settings_action = self._action(
            self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("&About SalesDesk"), self.about)
        self.hook_action = self._action(
            self.tr("Remind me in &3 months"),
            lambda: self.card.hook(3),
            "Ctrl+R",
            self.tr("Plan the next contact with this client in three months"),
        )
        self.log_action = self._action(
            self.tr("&Log a contact…"),
            lambda: self.card.log_contact(),
            "Ctrl+L",
            self.tr("Record a call, meeting, letter or note and plan the next contact"),
        )
        self.deal_action = self._action(self.tr("New &deal…"), lambda: self.card.add_deal(), "Ctrl+D")
        self.industries_action = self._action(self.tr("&Industries…"), self.open_industries)
        self.next_client_action = self._action(self.tr("Ne&xt client"), lambda: self._step(1), "Ctrl+Down")
        self.previous_client_action = self._action(self.tr("Pre&vious client"), lambda: self._step(-1), "Ctrl+Up")
        self.tab_actions = [
            self._action(text, functools.partial(self.tabs.setCurrentIndex, i), f"Ctrl+{i + 1}")
            for i, text in enumerate((self.tr("C&lients"), self.tr("&Deals"), self.tr("&Reports")))
        ]
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.search,
            self._on_search_escape,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.industries_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.restore_action)
        edit_menu.addAction(self.erasure.empty_trash_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions(self.tab_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.reminders_dock.toggleViewAction())
        self.columns_menu = self.view_menu.addMenu(self.tr("&Columns"))
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.view_menu.addAction(self.trash_view_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)
        client_menu = bar.addMenu(self.tr("&Client"))
        client_menu.addAction(self.new_action)
        client_menu.addAction(self.card.save_action)
        client_menu.addAction(self.card.revert_action)
        client_menu.addSeparator()
        client_menu.addAction(self.log_action)
        client_menu.addAction(self.deal_action)
        client_menu.addAction(self.hook_action)
        client_menu.addSeparator()
        client_menu.addAction(self.next_client_action)
        client_menu.addAction(self.previous_client_action)
        client_menu.addSeparator()
        client_menu.addAction(self.delete_action)
        client_menu.addAction(self.erasure.erase_client_action)
        self.reports_menu = bar.addMenu(self.tr("&Reports"))
        from salesdesk.services.reports import list_reports

        for name, title in list_reports():
            self.reports_menu.addAction(title, functools.partial(self.open_report, name))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.addActions([self.card.save_action, self.card.revert_action])

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color:#b3261e;")
        self.loading_label = QLabel(self.tr("Searching…"))
        self.loading_label.hide()
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.loading_label)
        self.statusBar().addPermanentWidget(self.overdue_label)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search_timer.timeout.connect(self.apply_query)
        self.filters.changed.connect(self.apply_query)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.loading_changed.connect(self.loading_label.setVisible)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.page_failed.connect(self._on_model_load_failed)
        self.model.modelReset.connect(self._on_model_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._on_header_context_menu_requested)
        self.card.client_saved.connect(self._on_card_client_saved)
        self.operations.bus.changed.connect(self._on_changes)
        self.card.open_client_requested.connect(self.open_client)
        self.card.dirty_changed.connect(self._on_card_dirty_changed)
        self.reminders.open_client_requested.connect(self.open_client)
        self.reminders.log_requested.connect(self._on_reminders_log_requested)
        self.deals_panel.open_deal_requested.connect(self._on_deals_panel_open_deal_requested)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.reminders.overdue_count_changed.connect(self._on_reminders_overdue_count_changed)
        self.reminders.scope_changed.connect(self._on_reminders_scope_changed)
        self.reminders.who_requested.connect(self.ask_who_you_are)
        self.notifier.reminders_due.connect(self.notify_due)
        self.empty_new_button.clicked.connect(self.new_client)
        self.empty_demo_button.clicked.connect(self.load_demo)
        self.empty_import_button.clicked.connect(lambda: self.import_file(None))
        self.empty_clear_button.clicked.connect(self.clear_search_and_filters)

    # Start and layout -----------------------------------------------------------------------

    def start(self) -> None:
        """Load reference lists, the first page, the agenda; tell about overdue reminders."""
        self.reload_reference()
        self.filters.restore(self.settings.mapping("window/filters"))
        self.apply_query()
        # the agenda loads once the client list is in: the list is what the user looks at first
        self.model.counts_changed.connect(self._load_agenda_once)
        self.notifier.start()
        self._update_actions()

    @Slot()
    def _load_agenda_once(self) -> None:
        self.model.counts_changed.disconnect(self._load_agenda_once)
        self.reminders.refresh()

    def reload_reference(self) -> None:
        """Read the industry and manager lists (at start, and when the change bus says they changed)."""
        uow = self.uow
        self.operations.read(
            lambda: (reference.list_industries(uow()), reference.list_managers(uow())), self._set_reference
        )

    def _set_reference(self, lists: tuple[list[Industry], list[Manager]]) -> None:
        industries, managers = lists
        self.filters.set_reference(industries, managers)
        self.deals_panel.set_reference(industries, managers)
        self._managers = managers
        if self.reports_panel is not None:
            self.reports_panel.set_managers(managers)
        self.card.set_reference(industries, managers)

    @Slot(int)
    def _on_notices_covered(self, height: int) -> None:
        self.table_stack.setContentsMargins(0, 0, 0, height)

    def _restore_layout(self) -> None:
        self._restore_geometry()
        state = self.settings.bytes("window/state")
        if state is not None:
            self.restoreState(state)
        header = self.settings.bytes("window/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        splitter = self.settings.bytes("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.card.restore_column_widths(self.settings.column_widths("card/columns"))
        # A restored header may carry an old sort; the query decides the order.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def _restore_geometry(self) -> None:
        """Fit the screen at the first start; later, what the user left, clamped to the screen."""
        saved = self.settings.rect("window/normal")
        maximized = self.settings.flag("window/maximized")
        legacy = self.settings.bytes("window/geometry")  # what earlier versions saved
        if saved is None and legacy is not None and self.restoreGeometry(legacy):
            saved, maximized = self.normalGeometry(), self.isMaximized()
        screen = (
            QGuiApplication.screenAt(saved.center()) if saved is not None else None
        ) or QGuiApplication.primaryScreen()
        placement = place_window(screen.availableGeometry(), saved, maximized=maximized)
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMaximized)
        self.setGeometry(placement.rect)
        if placement.maximized:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_layout(self) -> None:
        self.settings.set_rect("window/normal", self.normalGeometry() if self.isMaximized() else self.geometry())
        self.settings.set_flag("window/maximized", self.isMaximized())
        self.settings.q.remove("window/geometry")  # the earlier form, read once by _restore_geometry
        if self._reading_reports and self._reminders_were_shown:
            self.reminders_dock.show()  # it stepped aside for the charts only; remember it as the user left it
        self.settings.set_bytes("window/state", self.saveState())
        self.settings.set_bytes("window/header", self.table.horizontalHeader().saveState())
        self.settings.set_bytes("window/splitter", self.splitter.saveState())
        self.settings.set_column_widths("card/columns", self.card.column_widths())
        self.settings.set_mapping("window/filters", self.filters.state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.card.maybe_leave():
            event.ignore()
            return
        self.notifier.timer.stop()
        self.save_layout()
        self.wait_for_jobs()
        if self.tray is not None:
            self.tray.hide()
        event.accept()

    def wait_for_jobs(self, msecs: int = 10_000) -> None:
        """Let background reads finish before the base is closed (on quitting, and in tests)."""
        self.runner.wait(msecs)
        self.deals_panel.model.wait(msecs)

    def current_manager(self) -> int | None:
        return self.settings.current_manager_id

    # Query ----------------------------------------------------------------------------------

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    @Slot()
    def _on_search_escape(self) -> None:
        self.search.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_query(self) -> ClientQuery:
        base = dataclasses.replace(self.model.query, text=self.search.text(), trash=self.trash_view_action.isChecked())
        return self.filters.apply(base)

    @Slot()
    def apply_query(self, recount: bool = False) -> None:
        """Show what the search box and filters ask for; *recount* after clients were added or removed."""
        self.search_timer.stop()
        self.model.set_query(self.current_query(), recount=recount)
        if recount:
            self._deals_changed()

    def _deals_changed(self) -> None:
        """Clients or their deals changed: the Deals tab reads its list again when it is next shown."""
        if self.tabs.currentWidget() is self.deals_panel:
            self.deals_panel.model.reload()
        else:
            self._deals_loaded = False

    def refresh(self) -> None:
        self.reload_reference()
        self.apply_query(recount=True)
        self.reminders.refresh()
        if self.card.client_id is not None and not self.card.dirty:
            self._show_in_card(self.card.client_id)

    def clear_search_and_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.clear()

    @Slot(int, int, object)
    def _on_model_counts_changed(self, shown: int, base_total: int, average: object) -> None:
        trash = self.model.query.trash
        locale = QLocale()
        # nothing to filter in an empty base: the filters wait until there is something
        self.filters.setEnabled(base_total > 0 or self.filters.active())
        if trash:
            text = self.tr("%1 of %Ln in the trash", "", base_total)
        elif base_total == 0:
            text = self.tr("The base is empty")
        else:
            text = self.tr("%1 of %Ln client(s)", "", base_total)
        text = text.replace("%1", locale.toString(shown))
        if isinstance(average, float):
            text += " · " + self.tr("average completeness %1 %").replace("%1", str(round(average)))
        self.counts_label.setText(text)
        self._update_empty_state(shown, base_total)

    def _update_empty_state(self, shown: int, base_total: int) -> None:
        if shown:
            self.table_stack.setCurrentIndex(0)
            return
        trash = self.model.query.trash
        filtered = bool(self.search.text().strip()) or self.filters.active()
        if trash and not filtered:
            self.empty_label.setText(self.tr("The trash is empty."))
        elif base_total == 0 and not trash:
            self.empty_label.setText(
                self.tr("The client base is empty.\nCreate the first client, or load demo data to try the program.")
            )
        else:
            self.empty_label.setText(self.tr("No clients match the search and filters."))
        empty_base = base_total == 0 and not trash
        self.empty_new_button.setVisible(empty_base)
        self.empty_new_button.setDefault(empty_base)
        self.empty_demo_button.setVisible(empty_base)
        self.empty_import_button.setVisible(empty_base)
        self.empty_clear_button.setVisible(filtered)
        self.table_stack.setCurrentIndex(1)

    @Slot()
    def _on_model_reset(self) -> None:
        query = self.model.query
        self.trash_label.setVisible(query.trash)
        self.erasure.show_trash(query.trash)
        header = self.table.horizontalHeader()
        column = next((i for i, c in enumerate(COLUMNS) if c.sort == query.sort), -1)
        header.blockSignals(True)
        header.setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(False)
        # keep the card's client selected if the new result still shows it
        if self.card.client_id is not None:
            row = self.model.row_of(self.card.client_id)
            if row is not None:
                self._select_row(row)
        self._update_actions()

    @Slot(str)
    def _on_model_load_failed(self, text: str) -> None:
        self.notice.show_message(self.tr("Could not load the list: %s") % text, kind="error")

    # Selection and the card ----------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        self._selecting = True
        try:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        finally:
            self._selecting = False

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        ident = self.model.client_id(current.row())
        if ident is None or ident == self.card.client_id:
            return
        if not self.card.maybe_leave():
            # stay on the changed card: put the selection back where it was
            back = self.model.row_of(self.card.client_id) if self.card.client_id is not None else None
            QTimer.singleShot(0, lambda: self._select_row(back) if back is not None else None)
            return
        self._show_in_card(ident)

    def _show_in_card(self, client_id: int) -> None:
        try:
            self.card.show_client(client_id)
        except UserError as exc:
            self.notice.show_message(str(exc), kind="error")
            self.card.show_empty()
        self._update_actions()

    @Slot(int)
    def open_client(self, client_id: int) -> None:
        """Show a client (from a reminder or a duplicate warning) and select it if listed."""
        if client_id == self.card.client_id:
            return
        if not self.card.maybe_leave():
            return
        self._show_in_card(client_id)
        query = self.model.query
        uow = self.uow
        self.runner.start(
            lambda: clients.position_of(uow(), query, client_id), lambda row: self._select_opened(client_id, row)
        )

    def _select_opened(self, client_id: int, row: int | None) -> None:
        if row is None or self.card.client_id != client_id:
            self.table.clearSelection()
            return
        self._select_row(row)

    def _step(self, delta: int) -> None:
        current = self.table.currentIndex()
        row = (current.row() if current.isValid() else -1) + delta
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    def new_client(self) -> None:
        if not self.card.maybe_leave():
            return
        if self.trash_view_action.isChecked():
            self.trash_view_action.setChecked(False)
            self.apply_query()
        self.table.clearSelection()
        self.card.new_client()
        self._update_actions()

    @Slot(int, bool)
    def _on_card_client_saved(self, client_id: int, created: bool) -> None:
        """A new client is selected in the list (the list itself learnt of it from the change bus)."""
        if created:
            query = self.model.query  # the list being shown, not what the search box holds this instant
            uow = self.uow
            self.runner.start(
                lambda: clients.position_of(uow(), query, client_id), lambda row: self._select_opened(client_id, row)
            )

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        """What a commit changed: the list and the Deals tab read again only what it touched. (The
        reminders panel and the card subscribe themselves.)"""
        if changes.reference:
            self.reload_reference()
        if changes.membership:
            self.apply_query(recount=True)  # the Deals tab too
            return
        if changes.clients:
            self.operations.read(lambda: self.model.refresh_clients(sorted(changes.clients)), lambda _r: None)
        if changes.clients or changes.deals:
            self._deals_changed()  # a renamed client, a deal of it
        if self.reports_panel is not None and self.tabs.currentWidget() is self.reports_page:
            self.reports_panel.run()

    def _notify_error(self, text: str) -> None:
        """Where an action's error goes when no field or dialog of it takes it."""
        self.notice.show_message(text, kind="error")

    @Slot(bool)
    def _on_card_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)

    @Slot(int)
    def _on_reminders_overdue_count_changed(self, count: int) -> None:
        self.overdue_label.setText(self.reminders.overdue_status(count))
        if self._announced_overdue or self._asking_who:
            return
        self._announced_overdue = True
        if count:
            self.notice.show_message(
                self.reminders.overdue_notice(count),
                kind="warning",
                action=self.tr("Show"),
                callback=self._show_reminders,
                timeout_ms=30_000,
            )

    @Slot(bool)
    def _on_reminders_scope_changed(self, show_all: bool) -> None:
        self.settings.all_reminders = show_all
        self.settings.sync()

    def ask_who_you_are_once(self) -> None:
        """At the first start with nobody chosen as "who I am": ask once; later the panel offers it."""
        if self.settings.current_manager_id is not None or self.settings.asked_who:
            return
        self.settings.asked_who = True
        self.settings.sync()
        # the start-up notice counts the reminders of whoever is chosen, even if it was shown already
        self._announced_overdue = False
        self.ask_who_you_are()

    @Slot()
    def ask_who_you_are(self) -> None:
        from salesdesk.ui.who_dialog import WhoAreYouDialog

        self._asking_who = True
        try:
            chosen = WhoAreYouDialog.ask(self, self.uow)
        finally:
            self._asking_who = False
        if chosen is not None:
            self.settings.current_manager_id = chosen
            self.settings.sync()
            self.reload_reference()  # a manager added in the dialog joins the lists
        self._manager_changed()

    def _manager_changed(self) -> None:
        self.reminders.update_scope()
        self.reminders.refresh()

    def _show_reminders(self) -> None:
        self.reminders_dock.show()
        self.reminders_dock.raise_()
        self.reminders.view.setFocus()

    # Selection-wide actions -----------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.client_id(r) for r in rows]
        return [i for i in ids if i is not None]

    @Slot()
    def _update_actions(self) -> None:
        selected = self.table.selectionModel().hasSelection()  # no rows read: Ctrl+A on 100k clients
        trash = self.trash_view_action.isChecked()
        self.delete_action.setEnabled(selected and not trash)
        self.restore_action.setEnabled(selected and trash)
        for action in (self.hook_action, self.log_action, self.deal_action):
            action.setEnabled(self.card.client_id is not None)

    def trash_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if self.card.client_id in ids and not self.card.maybe_leave():
            return
        first = self.model.row_at(self.table.selectionModel().selectedRows()[0].row())
        uow = self.uow
        if not self.operations.run(lambda: clients.trash_clients(uow(), ids)):  # one transaction for all
            return
        if self.card.client_id in ids:
            self.card.show_empty()
        if len(ids) == 1 and first is not None:
            text = self.tr("“%s” moved to the trash.") % first.name
        else:
            text = self.tr("%Ln client(s) moved to the trash.", "", len(ids))
        self._offer_undo(text, lambda: self._restore(ids))

    def _restore(self, ids: list[int]) -> bool:
        uow = self.uow
        if not self.operations.run(lambda: clients.restore_clients(uow(), ids)):
            return False
        if len(ids) == 1 and not self.trash_view_action.isChecked():
            self.open_client(ids[0])
        return True

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self._restore(ids):
            self.notice.show_message(self.tr("%Ln client(s) restored.", "", len(ids)), kind="success", timeout_ms=4000)

    def _offer_undo(self, text: str, undo: Callable[[], object]) -> None:
        self._undo = (text, undo)
        self.undo_action.setEnabled(True)
        self.undo_action.setText(self.tr("&Undo: move to trash"))
        self.notice.show_message(text, action=self.tr("Undo"), callback=self.undo, timeout_ms=20_000)

    def undo(self) -> None:
        if self._undo is None:
            return
        _text, action = self._undo
        self._undo = None
        self.undo_action.setEnabled(False)
        self.undo_action.setText(self.tr("&Undo"))
        self.notice.hide()
        action()

    @Slot()
    def _on_trash_view_toggled(self) -> None:
        if not self.card.maybe_leave():
            self.trash_view_action.setChecked(not self.trash_view_action.isChecked())
            return
        self.card.show_empty()
        self.apply_query()

    # Columns --------------------------------------------------------------------------------

    @Slot()
    def _fill_columns_menu(self) -> None:
        self._columns_menu(self.columns_menu)

    def _columns_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(column.title())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(column.key != "name")  # the name always shows
            action.toggled.connect(lambda on, i=i: header.setSectionHidden(i, not on))

    @Slot(QPoint)
    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self._columns_menu(menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    # Reminders coming due --------------------------------------------------------------------

    @Slot(list)
    def notify_due(self, due: list[Reminder]) -> None:
        """A reminder came due while the program runs: the tray if there is one, else in-window."""
        self.reminders.refresh()
        if len(due) == 1:
            text = self.tr("Reminder: %1 — %2").replace("%1", due[0].client_name).replace("%2", due[0].text)
        else:
            text = self.tr("%Ln reminder(s) came due.", "", len(due))
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.windowIcon(), self)
                self.tray.messageClicked.connect(self._show_reminders)
            self.tray.show()
            self.tray.showMessage("SalesDesk", text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        first = due[0].client_id
        self.notice.show_message(
            "🔔 " + text, kind="warning", action=self.tr("Open"), callback=lambda: self.open_client(first)
        )
        QApplication.alert(self, 0)  # flash the taskbar entry when the window is not active

    # Other actions ---------------------------------------------------------------------------

    def load_demo(self) -> None:
        count, ok = QInputDialog.getInt(
            self, self.tr("Demo data"), self.tr("How many demo clients to add to this base?"), 1000, 10, 200_000, 100
        )
        if not ok:
            return
        uow = self.uow
        ProgressTask(
            self,
            self.runner,
            self.tr("Demo data"),
            self.tr("Adding demo clients…"),
            lambda reporter: demo.load_demo(uow(), count, reporter=reporter),
            self._on_demo_loaded,
            self._on_long_task_failed,
        )

    def _on_demo_loaded(self, result: demo.DemoResult) -> None:
        # the list, the agenda and the card learnt of the new clients from the change bus
        self.notice.show_message(
            self.tr("%Ln demo client(s) added.", "", result.clients), kind="success", timeout_ms=5000
        )

    def _on_long_task_failed(self, exc: BaseException, trace: str) -> None:
        if isinstance(exc, Cancelled):
            self.notice.show_message(str(exc), kind="info", timeout_ms=5000)
        elif isinstance(exc, UserError):
            Inform.error(self, "SalesDesk", str(exc))
        else:  # the worker's relay has logged it
            from salesdesk.ui.crash import show_crash

            show_crash(self, exc, trace)

    # Import and export ---------------------------------------------------------------------------

    def import_file(self, path: Path | None) -> None:
        """Open the import wizard (on *path* when a file was dropped on the window)."""
        if not self.card.maybe_leave():
            return
        from salesdesk.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.uow, self.runner, self, path)  # what it adds reaches the lists by the change bus
        wizard.exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_file(path))  # leave the drop handler before the wizard opens

    @staticmethod
    def _dropped_file(data: QMimeData) -> Path | None:
        from salesdesk.ui.import_wizard import SPREADSHEETS

        urls = [u for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        if len(urls) != 1:
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower().lstrip(".") in SPREADSHEETS else None

    def export(self) -> None:
        from salesdesk.ui.export_dialog import ExportDialog

        selected = len(self.table.selectionModel().selectedRows())
        choice = ExportDialog.ask(self, self.model.rowCount(), self.model.base_total, selected, uow=self.uow)
        if choice is None:
            return
        from salesdesk.services import exporting

        query = self.model.query if choice.scope == "filter" else ClientQuery()
        chosen = self.selected_ids() if choice.scope == "selection" else None
        uow = self.uow
        ProgressTask(
            self,
            self.runner,
            self.tr("Export"),
            self.tr("Writing %1…").replace("%1", choice.path.name),
            lambda reporter: exporting.export_clients(uow(), choice.path, query=query, ids=chosen, reporter=reporter),
            self._on_exported,
            self._on_long_task_failed,
        )

    def _on_exported(self, result: object) -> None:
        from salesdesk.services.exporting import ExportResult

        assert isinstance(result, ExportResult)
        path = result.path
        self.notice.show_message(
            self.tr("%Ln client(s) exported to %1.", "", result.clients).replace("%1", path.name),
            kind="success",
            action=self.tr("Open"),
            callback=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            timeout_ms=30_000,
        )

    # Deals and history ---------------------------------------------------------------------------

    @Slot(object)
    def _on_reminders_log_requested(self, reminder: Reminder) -> None:
        """ "Log the result": open the client, record the contact, close the reminder, plan the next."""
        self.tabs.setCurrentIndex(0)
        self.open_client(reminder.client_id)
        if self.card.client_id == reminder.client_id:
            self.card.log_contact(reminder)  # what it changed reaches the row and the agenda by the change bus

    @Slot(int, int)
    def _on_deals_panel_open_deal_requested(self, client_id: int, deal_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.open_client(client_id)
        if self.card.client_id == client_id:
            self.card.show_deal(deal_id)

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.deals_panel and not self._deals_loaded:
            self._deals_loaded = True
            self.deals_panel.apply()
        reading = self.tabs.widget(index) is self.reports_page
        if reading != self._reading_reports:  # charts need the height; the reminders come back after
            self._reading_reports = reading
            if reading:
                self._reminders_were_shown = self.reminders_dock.isVisible()
                self.reminders_dock.hide()
            elif self._reminders_were_shown:
                self.reminders_dock.show()
        if reading:
            asked, self._report_asked = self._report_asked, None
            if self.reports_panel is None:
                self._build_reports_panel()
                assert self.reports_panel is not None
                if asked is None:
                    self.reports_panel.start()
            elif asked is None:
                self.reports_panel.run()  # the base may have changed since it was last shown
            if asked is not None:
                self.reports_panel.select(asked)

    def _build_reports_panel(self) -> ReportsPanel:
        if self.reports_panel is None:
            from salesdesk.ui.reports_panel import ReportsPanel

            self.reports_panel = ReportsPanel(self.uow, self.runner)
            self.reports_panel.set_managers(self._managers)
            layout = self.reports_page.layout()
            assert layout is not None
            layout.addWidget(self.reports_panel)
        return self.reports_panel

    def open_report(self, name: str) -> None:
        """Show report *name* in the Reports tab (from the Reports menu)."""
        if self.tabs.currentWidget() is self.reports_page:
            self._build_reports_panel().select(name)
        else:
            self._report_asked = name  # the tab shows it as it opens: one computation, not two
            self.tabs.setCurrentWidget(self.reports_page)

    def open_industries(self) -> None:
        from salesdesk.ui.industries_dialog import IndustriesDialog

        if IndustriesDialog.edit(self, self.uow):
            self.reload_reference()

    def open_settings(self) -> None:
        from salesdesk.ui.settings_dialog import SettingsDialog

        if SettingsDialog.edit(self, self.uow, self.settings):
            self.reload_reference()
            self._manager_changed()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About SalesDesk"),
            self.tr(
                "<h3>SalesDesk %1</h3><p>The client base and sales of a small office: clients "
                "and their requisites, contact persons, reminders, deals.</p>"
                "<p>Database: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", self.uow_label),
        )
