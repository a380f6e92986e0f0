"""The main window: client table with search and filters, the card beside it, reminders below.

It keeps the layout and the menus and wires the parts together. Behaviour lives in the parts: the
list's actions in ``ClientListActions`` (ui/list_actions.py), the File menu's jobs in
``FileActions`` (ui/file_actions.py), the reference lists in ``ReferenceLists``; each tab and panel
subscribes to the change bus itself. Every read and write goes through ``Operations``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
)

from salesdesk.domain.changes import Change, Changes
from salesdesk.domain.model import Reminder
from salesdesk.services.common import UowFactory
from salesdesk.ui import backups_dialog, window_layout
from salesdesk.ui.about_dialog import AboutDialog
from salesdesk.ui.calendar_page import CalendarPage
from salesdesk.ui.card import ClientCard
from salesdesk.ui.client_list import ClientListPane
from salesdesk.ui.client_model import ClientTableModel
from salesdesk.ui.deals_panel import DealsPanel
from salesdesk.ui.desktop_integration import DesktopActions
from salesdesk.ui.duplicates_dialog import DuplicatesDialog
from salesdesk.ui.erasure_actions import WindowErasure
from salesdesk.ui.file_actions import FileActions
from salesdesk.ui.list_actions import ClientListActions
from salesdesk.ui.merge_dialog import MergeActions
from salesdesk.ui.my_month import MyMonthPanel
from salesdesk.ui.operations import Operations
from salesdesk.ui.other_seats import OtherSeats
from salesdesk.ui.reference_lists import ReferenceLists
from salesdesk.ui.reminder_notices import ReminderNotices
from salesdesk.ui.reminders_panel import ReminderNotifier, RemindersPanel
from salesdesk.ui.reports_page import ReportsPage
from salesdesk.ui.seat import SeatRights
from salesdesk.ui.settings import Settings
from salesdesk.ui.workers import Runner

if TYPE_CHECKING:
    from salesdesk.ui.reports_panel import ReportsPanel


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
        # on a server base, what other seats commit reaches the same bus (started by ui/application.py)
        self.other_seats = OtherSeats(self.operations, self)
        self.setWindowTitle("SalesDesk[*]")  # [*] shows the unsaved-changes marker
        self.setAcceptDrops(True)  # drop a spreadsheet on the window to import it
        self.setMinimumSize(720, 480)  # the size and place: ui/window_layout.py, ui/geometry.py
        self.model = ClientTableModel(uow, self.runner, self, operations=self.operations)
        self.reference = ReferenceLists(self.operations, self)  # read at start and when the bus says so
        self._reading_reports = False  # the Reports tab is open (the reminders panel steps aside)
        self._reminders_were_shown = True
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
            uow,
            self.runner,
            self.current_manager,
            show_all=settings.all_reminders,
            operations=self.operations,
            birthday_days=lambda: self.settings.birthday_days,
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
        self.list_actions = ClientListActions(self)
        self.merge_actions = MergeActions(self)  # merging duplicates (issue 15)
        self.file_actions = FileActions(self)
        self._build_actions()
        self.seat = SeatRights(self)  # who signed in here and what the base lets them do (issue 14)
        self._build_menus()
        self._build_status_bar()
        self.reminder_notices = ReminderNotices(self)
        self._connect()
        window_layout.restore_layout(self)

    # Building -------------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.list_pane = left = ClientListPane(self.model, operations=self.operations)
        # the parts of the list tests and the other parts of the window reach
        self.search, self.filters, self.table, self.notice = left.search, left.filters, left.table, left.notice
        self.table_stack, self.empty, self.empty_label = left.table_stack, left.empty, left.empty_label
        self.trash_label = left.trash_label
        self.erasure = WindowErasure(self)  # "Empty the trash…", "Erase this client…" (issue 12)
        left.search_row.addWidget(self.erasure.empty_trash_button)
        self.model.modelReset.connect(lambda: self.erasure.show_trash(self.model.query.trash))
        self.empty_new_button, self.empty_demo_button = left.empty_new_button, left.empty_demo_button
        self.empty_import_button, self.empty_clear_button = left.empty_import_button, left.empty_clear_button
        self.counts_label = left.counts_label
        self.splitter.addWidget(left)
        self.deals_panel = DealsPanel(self.uow, self.runner, operations=self.operations)  # reads when first shown
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Clients"))
        self.tabs.addTab(self.deals_panel, self.tr("Deals"))
        # the Reports tab is built when first opened: its charts module is heavy to load
        self.reports_page = ReportsPage(self.runner, self.operations, self.reference, owner=self.current_manager)
        self.tabs.addTab(self.reports_page, self.tr("Reports"))
        # the Calendar tab reads its days when first opened, then follows the change bus
        self.calendar_page = CalendarPage(self.operations, self.current_manager, show_all=self.settings.all_reminders)
        self.tabs.addTab(self.calendar_page, self.tr("Calendar"))
        self.setCentralWidget(self.tabs)

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
            self.list_actions.trash_selected,
            QKeySequence(Qt.Key.Key_Delete),
            self.tr("Move the selected clients to the trash"),
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.restore_action = self._action(self.tr("&Restore from trash"), self.list_actions.restore_selected)
        self.undo_action = self._action(self.tr("&Undo"), self.list_actions.undo, QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.find_action = self._action(self.tr("&Find"), self.list_pane.focus_search, QKeySequence.StandardKey.Find)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        self.trash_view_action = self._action(self.tr("Show the &trash"), self._on_trash_view_toggled)
        self.trash_view_action.setCheckable(True)
        self.demo_action = self._action(self.tr("Load &demo data…"), self.file_actions.load_demo)
        self.import_action = self._action(
            self.tr("&Import from a spreadsheet…"),
            lambda: self.import_file(None),
            "Ctrl+I",
            self.tr("Add clients from Excel, LibreOffice or CSV, or contact cards from a .vcf file"),
        )
        self.export_action = self._action(
            self.tr("&Export…"), self.file_actions.export, "Ctrl+E", self.tr("Save clients to Excel or CSV")
        )
        self.export_vcard_action = self._action(
            self.tr("Export contacts to &vCard…"),
            self.file_actions.export_vcard,
            tip=self.tr("Save the contact persons of the selected clients (or of all shown) to a .vcf file"),
        )
        self.enrich_action = self._action(
            self.tr("En&rich from open data…"),
            self.file_actions.enrich,
            tip=self.tr(
                "Fill clients' SME category, OKVED activity, region, headcount and revenue from a file of the "
                "tax service's open data (.zip or .xml)"
            ),
        )
        self.settings_action = self._action(
            self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("&About SalesDesk"), self.about)
        self.desktop = DesktopActions(self)
        self.open_base_action = self._action(
            self.tr("Open &base…"), self.desktop.open_base, tip=self.tr("Open another base in a window of its own")
        )
        self.guide_action = self._action(
            self.tr("User &guide"), self.desktop.open_user_guide, QKeySequence.StandardKey.HelpContents
        )
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
        self.next_client_action = self._action(self.tr("Ne&xt client"), lambda: self.list_actions.step(1), "Ctrl+Down")
        self.previous_client_action = self._action(
            self.tr("Pre&vious client"), lambda: self.list_actions.step(-1), "Ctrl+Up"
        )
        self.tab_actions = [
            self._action(text, functools.partial(self.tabs.setCurrentIndex, i), f"Ctrl+{i + 1}")
            for i, text in enumerate(
                (self.tr("C&lients"), self.tr("&Deals"), self.tr("&Reports"), self.tr("Cal&endar"))
            )
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_base_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_vcard_action)
        file_menu.addAction(self.enrich_action)
        file_menu.addSeparator()
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.industries_action)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(backups_dialog.action(self))
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        self.duplicates_action = self._action(self.tr("Find d&uplicates…"), self.find_duplicates)
        edit_menu.addAction(self.duplicates_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.restore_action)
        edit_menu.addAction(self.erasure.empty_trash_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions(self.tab_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.reminders_dock.toggleViewAction())
        self.columns_menu = self.view_menu.addMenu(self.tr("&Columns"))
        self.columns_menu.aboutToShow.connect(lambda: self.list_pane.fill_columns_menu(self.columns_menu))
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
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)
        self.addActions([self.card.save_action, self.card.revert_action])

    def _build_status_bar(self) -> None:
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color:#b3261e;")
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.list_pane.loading_label)
        self.statusBar().addPermanentWidget(self.overdue_label)
        # the seat's manager's month against the plan (issue 16); a click opens Plan and fact
        self.my_month = MyMonthPanel(self.operations, self.current_manager)
        self.my_month.open_requested.connect(lambda: self.open_report("plan_fact"))
        self.statusBar().addPermanentWidget(self.my_month)
        self.statusBar().addPermanentWidget(self.seat.button)

    def _connect(self) -> None:
        self.model.modelReset.connect(self.list_actions.on_model_reset)  # after the pane's own answer
        self.table.selectionModel().currentRowChanged.connect(self.list_actions.on_current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        self.card.client_saved.connect(self.list_actions.on_card_client_saved)
        for follower in (self.filters, self.deals_panel, self.card):
            self.reference.changed.connect(follower.set_reference)
        self.card.open_client_requested.connect(self.open_client)
        self.card.merge_requested.connect(self.merge_actions.merge)
        self.card.dirty_changed.connect(self.setWindowModified)  # the [*] in the title
        self.reminders.open_client_requested.connect(self.open_client)
        self.calendar_page.open_client_requested.connect(self._on_calendar_open_client_requested)
        self.reference.changed.connect(self.calendar_page.set_reference)
        self.reminders.log_requested.connect(self._on_reminders_log_requested)
        self.deals_panel.open_deal_requested.connect(self._on_deals_panel_open_deal_requested)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.empty_new_button.clicked.connect(self.new_client)
        self.empty_demo_button.clicked.connect(self.file_actions.load_demo)
        self.empty_import_button.clicked.connect(lambda: self.import_file(None))

    # Start and layout -----------------------------------------------------------------------

    def start(self) -> None:
        """Load reference lists, the first page, the agenda; tell about overdue reminders."""
        self.reload_reference()
        self.filters.restore(self.settings.mapping("window/filters"))
        self.seat.reload()  # after the remembered view: "My clients" is the default only until one is chosen
        self.list_pane.apply_query()
        # the agenda loads once the client list is in: the list is what the user looks at first
        self.model.counts_changed.connect(self._load_agenda_once)
        self.model.counts_unknown.connect(self._load_agenda_once)  # a count that failed: the list is in all the same
        self.notifier.start()
        self.update_actions()

    @Slot()
    def _load_agenda_once(self) -> None:
        self.model.counts_changed.disconnect(self._load_agenda_once)
        self.model.counts_unknown.disconnect(self._load_agenda_once)
        self.reminders.refresh()
        self.my_month.refresh()

    def reload_reference(self) -> None:
        """Read the industry and manager lists (at start; later the change bus says when they changed)."""
        self.reference.reload()

    @property
    def reminders_stepped_aside(self) -> bool:
        """The reminders dock is hidden only while the Reports tab's charts need the height."""
        return self._reading_reports and self._reminders_were_shown

    def save_layout(self) -> None:
        window_layout.save_layout(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.card.maybe_leave():
            event.ignore()
            return
        self.notifier.timer.stop()
        self.other_seats.stop()
        self.save_layout()
        self.model.close()  # no count starts from a late page, a running one is stopped, not waited for
        self.wait_for_jobs()
        if self.reminder_notices.tray is not None:
            self.reminder_notices.tray.hide()
        event.accept()

    def wait_for_jobs(self, msecs: int = 10_000) -> None:
        """Let background reads finish before the base is closed (on quitting, and in tests)."""
        self.runner.wait(msecs)
        self.deals_panel.model.wait(msecs)

    def current_manager(self) -> int | None:
        return self.settings.current_manager_id

    # Other actions ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """View → Refresh: what another program or seat may have changed is read again everywhere, as
        after an import — one "whole base" change on the bus, which every part answers for itself."""
        self.operations.bus.publish(Changes.of([Change("base", 0, "refresh")]))
        if self.card.client_id is not None and not self.card.dirty:
            # the bus keeps what is typed in the card; an untouched card shows the base's version
            self.list_actions.show_in_card(self.card.client_id)

    # Delegated to the list's actions (menus, buttons and tests call them on the window) ------------

    @Slot(int)
    def open_client(self, client_id: int) -> None:
        self.list_actions.open_client(client_id)

    def find_duplicates(self) -> None:
        DuplicatesDialog.show_for(self, self.uow, self.merge_actions.merge, self.merge_actions.undo, self.operations)

    def import_file(self, path: Path | None) -> None:
        self.file_actions.import_file(path)

    def new_client(self) -> None:
        if not self.card.maybe_leave():
            return
        if self.trash_view_action.isChecked():
            self.trash_view_action.setChecked(False)
            self.list_pane.show_trash(False)
        self.table.clearSelection()
        self.card.new_client()
        self.update_actions()

    def _notify_error(self, text: str) -> None:
        """Where an action's error goes when no field or dialog of it takes it."""
        self.notice.show_message(text, kind="error")

    def ask_who_you_are_once(self) -> None:
        self.reminder_notices.ask_who_you_are_once()

    @Slot()
    def update_actions(self) -> None:
        selected = self.table.selectionModel().hasSelection()  # no rows read: Ctrl+A on 100k clients
        trash = self.trash_view_action.isChecked()
        self.delete_action.setEnabled(selected and not trash)
        self.restore_action.setEnabled(selected and trash)
        for action in (self.hook_action, self.log_action, self.deal_action):
            action.setEnabled(self.card.client_id is not None)

    @Slot()
    def _on_trash_view_toggled(self) -> None:
        if not self.card.maybe_leave():
            self.trash_view_action.setChecked(not self.trash_view_action.isChecked())
            return
        self.card.show_empty()
        self.list_pane.show_trash(self.trash_view_action.isChecked())

    # Dropping a spreadsheet on the window -------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, self, lambda: self.import_file(path))  # leave the drop handler before the wizard opens

    _dropped_file = staticmethod(FileActions.dropped_file)

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
    def _on_calendar_open_client_requested(self, client_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.open_client(client_id)

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        reading = self.tabs.widget(index) is self.reports_page
        if reading != self._reading_reports:  # charts need the height; the reminders come back after
            self._reading_reports = reading
            if reading:
                self._reminders_were_shown = self.reminders_dock.isVisible()
                self.reminders_dock.hide()
            elif self._reminders_were_shown:
                self.reminders_dock.show()
        if reading:
            self.reports_page.opened()
        if self.tabs.widget(index) is self.calendar_page and not self.calendar_page.loaded:
            self.calendar_page.refresh()

    @property
    def reports_panel(self) -> ReportsPanel | None:
        return self.reports_page.panel

    def open_report(self, name: str) -> None:
        """Show report *name* in the Reports tab (from the Reports menu)."""
        self.reports_page.ask(name, open_now=self.tabs.currentWidget() is self.reports_page)
        self.tabs.setCurrentWidget(self.reports_page)

    def open_industries(self) -> None:
        from salesdesk.ui.industries_dialog import IndustriesDialog

        IndustriesDialog.edit(self, self.uow, operations=self.operations)  # the change bus tells the lists

    def open_settings(self) -> None:
        from salesdesk.ui.settings_dialog import SettingsDialog

        if SettingsDialog.edit(self, self.uow, self.settings, operations=self.operations):
            self.reminder_notices.manager_changed()

    def about(self) -> None:
        AboutDialog.show_for(self, self.uow_label)
