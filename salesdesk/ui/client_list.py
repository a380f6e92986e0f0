"""The Clients tab's list: the search box, the saved views (ui/views_bar.py), the filters, the client
table (or, when nothing is shown, a sentence and the buttons that help), the notices over its bottom
edge, and the counts for the status bar.

It turns what the search box and the filters say into a ``ClientQuery`` for the model and shows
what comes back; what the list does with its rows is ``ClientListActions`` (ui/list_actions.py).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QLocale, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.domain.validation import MAX_SEARCH
from salesdesk.domain.views import ViewList, ViewState
from salesdesk.ui.client_model import COLUMN_OF, COLUMNS, ClientTableModel
from salesdesk.ui.filters import FilterBar
from salesdesk.ui.operations import Operations
from salesdesk.ui.views_bar import ViewsBar
from salesdesk.ui.widgets import BottomOverlay, NoticeBar, scaled_font

SEARCH_DELAY_MS = 180
# the table's columns as wide as their usual content on a 1366-pixel screen
WIDTHS = {
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


class ClientListPane(QWidget):
    def __init__(
        self, model: ClientTableModel, parent: QWidget | None = None, *, operations: Operations | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._trash = False  # the trash is shown, not the base
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        self.search_row = search_row = QHBoxLayout()  # others add to it (the trash's own button)
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
        # "With selected (N)…": owner, status, industry, tags, a reminder, export, trash for many
        # at once (its menu is filled by ClientListActions, ui/list_actions.py)
        self.bulk_button = QToolButton()
        self.bulk_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.bulk_button.setToolTip(self.tr("Change, export or trash all the selected clients at once"))
        search_row.addWidget(self.bulk_button)
        layout.addLayout(search_row)
        self.filters = FilterBar()
        # saved views (issue 15): with the window's operations only (a pane made alone has none)
        self.views: ViewsBar | None = None
        if operations is not None:
            self.views = ViewsBar(ViewList.CLIENTS, operations, self.view_state)
            layout.addWidget(self.views)
        layout.addWidget(self.filters)
        self.table = self._build_table()
        self.empty = self._build_empty()
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
        # for the window's status bar
        self.counts_label = QLabel()
        self.loading_label = QLabel(self.tr("Searching…"))
        self.loading_label.hide()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, context=Qt.ShortcutContext.WidgetShortcut
        )
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search_timer.timeout.connect(self.apply_query)
        self.filters.changed.connect(self.apply_query)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.counts_unknown.connect(self._on_model_counts_unknown)
        # "Searching…" until the list is there and counted (the rows come first, the count after)
        self.model.loading_changed.connect(self._show_busy)
        self.model.counting_changed.connect(self._show_busy)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.page_failed.connect(self._on_model_load_failed)
        self.model.modelReset.connect(self._on_model_reset)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._on_header_context_menu_requested)
        self.empty_clear_button.clicked.connect(self.clear_search_and_filters)
        if self.views is not None:
            views_bar = self.views
            views_bar.apply_requested.connect(self.apply_view)
            header = self.table.horizontalHeader()
            self.search.textChanged.connect(views_bar.touch)
            self.filters.changed.connect(views_bar.touch)
            self.model.modelReset.connect(views_bar.touch)  # a new sort arrived
            header.sectionMoved.connect(views_bar.touch)
            header.sectionResized.connect(views_bar.touch)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Shift/Ctrl: act on many
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # "With selected (N)" menu
        # No sort indicator before sorting is enabled: Qt would otherwise ask the model to sort by the
        # first column at once, a whole extra query while the window is still being built.
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for i, column in enumerate(COLUMNS):
            header.resizeSection(i, WIDTHS.get(column.key, 120))
        # Shown later only if the user asks (the header's context menu): nearly every client is a company.
        header.setSectionHidden(COLUMN_OF["kind"], True)
        return table

    def _build_empty(self) -> QWidget:
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
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
        return empty

    @Slot(int)
    def _on_notices_covered(self, height: int) -> None:
        self.table_stack.setContentsMargins(0, 0, 0, height)

    # Query ----------------------------------------------------------------------------------

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_trash(self, on: bool) -> None:
        """The trash instead of the base (or back): the list is asked again."""
        self._trash = on
        self.apply_query()

    def current_query(self) -> ClientQuery:
        base = dataclasses.replace(self.model.query, text=self.search.text(), trash=self._trash)
        return self.filters.apply(base)

    @Slot()
    def apply_query(self) -> None:
        """Show what the search box and filters ask for."""
        self.search_timer.stop()
        self.model.set_query(self.current_query())

    def clear_search_and_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.clear()

    # Saved views ----------------------------------------------------------------------------

    def view_state(self) -> ViewState:
        """What the list shows now, as a saved view keeps it."""
        header = self.table.horizontalHeader()
        visible = [
            header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))
        ]
        query = self.model.asked
        return ViewState(
            filters=self.filters.view_filters(),
            text=self.search.text(),
            columns=tuple(COLUMNS[i].key for i in visible),
            sort=query.sort.value,
            descending=query.descending,
            widths={COLUMNS[i].key: header.sectionSize(i) for i in visible},
        )

    @Slot(object)
    def apply_view(self, state: ViewState) -> None:
        """Show a saved view: its search, filters, columns in their order, widths and sort; then one
        question for the list."""
        self.search.blockSignals(True)
        self.search.setText(state.text)
        self.search.blockSignals(False)
        self.filters.restore(dict(state.filters))
        header = self.table.horizontalHeader()
        if state.columns:
            shown = [COLUMN_OF[key] for key in state.columns if key in COLUMN_OF]
            for i in range(len(COLUMNS)):
                header.setSectionHidden(i, i not in shown)
            for visual, logical in enumerate(shown):
                header.moveSection(header.visualIndex(logical), visual)
        for key, width in state.widths.items():
            if key in COLUMN_OF:
                header.resizeSection(COLUMN_OF[key], width)
        query = self.current_query()
        if state.sort:
            try:
                query = dataclasses.replace(query, sort=ClientSort(state.sort), descending=state.descending)
            except ValueError:
                pass  # a sort this version does not know: the list keeps its own
        self.search_timer.stop()
        self.model.set_query(query)
        if self.views is not None:
            self.views.touch()

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

    @Slot()
    def _on_model_counts_unknown(self) -> None:
        """The count failed (the notice bar says why): the last list's figures do not stand for this one."""
        self.counts_label.clear()

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
        # the rows (or their absence) show at once; the count only words the empty state (an empty
        # base or nothing found), so a list found after an empty one is not hidden until it is counted
        # (the trash's words do not depend on the base's size)
        if self.model.rowCount():
            self.table_stack.setCurrentIndex(0)
        elif self.model.base_known or query.trash:
            self._update_empty_state(0, self.model.base_total)
        header = self.table.horizontalHeader()
        column = next((i for i, c in enumerate(COLUMNS) if c.sort == query.sort), -1)
        header.blockSignals(True)
        header.setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(False)

    @Slot(bool)
    def _show_busy(self, _busy: bool) -> None:
        self.loading_label.setVisible(self.model.loading or self.model.counting)
        # the rows of a new search are there and its count is not: the figures shown are the last
        # list's, greyed until the count replaces them
        self.counts_label.setEnabled(not self.model.counting)

    @Slot(str)
    def _on_model_load_failed(self, text: str) -> None:
        self.notice.show_message(self.tr("Could not load the list: %s") % text, kind="error")

    # Columns --------------------------------------------------------------------------------

    def fill_columns_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(column.title())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(column.key != "name")  # the name always shows
            action.toggled.connect(lambda on, i=i: self._show_column(i, on))

    def _show_column(self, logical: int, on: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(logical, not on)
        if self.views is not None:
            self.views.touch()

    @Slot(QPoint)
    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self.fill_columns_menu(menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
