"""The Deals tab: every deal of the office, filtered and sorted by the database, read a page at a
time like the client table, with the count and sum of what is shown."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import UserError
from salesdesk.domain.model import DealStage, Industry, Manager
from salesdesk.domain.queries import DealQuery, DealRow, DealSort, DealTotals
from salesdesk.domain.validation import MAX_SEARCH
from salesdesk.domain.views import ViewList, ViewState, deal_filters
from salesdesk.services import deals
from salesdesk.services.common import UowFactory
from salesdesk.ui import paging
from salesdesk.ui.columns import TableColumn
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.views_bar import ViewsBar
from salesdesk.ui.widgets import ERROR_COLOR, MUTED, industry_label, money_text, refill_combo
from salesdesk.ui.workers import Latest, Runner

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class _Column(TableColumn[DealSort]):
    context = "DealTable"


COLUMNS = (
    _Column("opened", DealSort.OPENED, str(QT_TRANSLATE_NOOP("DealTable", "Opened"))),
    _Column("client", DealSort.CLIENT, str(QT_TRANSLATE_NOOP("DealTable", "Client"))),
    _Column("title", DealSort.TITLE, str(QT_TRANSLATE_NOOP("DealTable", "Deal"))),
    _Column("stage", DealSort.STAGE, str(QT_TRANSLATE_NOOP("DealTable", "Stage"))),
    _Column("amount", DealSort.AMOUNT, str(QT_TRANSLATE_NOOP("DealTable", "Amount")), right=True),
    _Column("closed", DealSort.CLOSED, str(QT_TRANSLATE_NOOP("DealTable", "Closed"))),
    _Column("contract_end", DealSort.CONTRACT_END, str(QT_TRANSLATE_NOOP("DealTable", "Contract ends"))),
    _Column("owner", DealSort.OWNER, str(QT_TRANSLATE_NOOP("DealTable", "Owner"))),
)
DEAL_ROLE = Qt.ItemDataRole.UserRole + 1


class DealTableModel(QAbstractTableModel):
    count_changed = Signal(int)  # the first rows are there: how many in all (-1: counting); the sums follow
    totals_changed = Signal(object)  # DealTotals
    load_failed = Signal(str)  # the rows or the sums could not be read: why, in the user's words
    page_failed = Signal(str)  # a later page of rows could not be read (once, until one is read again): why

    def __init__(
        self, uow: UowFactory, runner: Runner, parent: QObject | None = None, *, operations: Operations | None = None
    ) -> None:
        super().__init__(parent)
        self._uow = uow
        # its reads go through the operations: a UserError becomes load_failed, a bug the crash dialog
        self._ops = operations or Operations(uow, runner, self.load_failed.emit, self)
        self._latest = Latest(runner)
        # Adding up a million deals takes up to a second: on a thread of its own, so it never delays
        # the next page, and a question that a newer filter made stale is dropped before it starts.
        totals_pool = QThreadPool(self)
        totals_pool.setMaxThreadCount(1)
        self._latest_totals = Latest(Runner(self, totals_pool))
        self.query = DealQuery()  # the query the rows shown answer
        self.asked = self.query  # the newest query asked for (its answer may still be on its way)
        self._rows: paging.PagedRows[DealRow] = paging.PagedRows(
            lambda offset, limit, total: deals.deal_rows_at(self._uow(), self.query, offset, limit, total=total)
        )
        self._pages = paging.PageLoader(self, self._rows, runner, self._page_reader, self.page_failed.emit)
        self._locale = QLocale()
        self.loading = False

    def set_query(self, query: DealQuery) -> None:
        self.asked = query
        self.loading = True
        uow = self._uow
        self._ops.read_slow(
            lambda: (query, deals.deals_view(uow(), query, limit=paging.PAGE)),
            self._on_loaded,
            on_error=self._on_error,
            on_failure=self._on_failure,
            latest=self._latest,
        )

    def reload(self) -> None:
        """Read the list asked for last again (its deals or their clients changed)."""
        self.set_query(self.asked)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the sums being added up (on closing, and in tests)."""
        return self._latest_totals.runner.wait(msecs)

    def _on_loaded(self, answer: tuple[DealQuery, deals.DealsView]) -> None:
        """The first page is shown at once; the list's length comes with the totals, a moment later
        on a million deals (until then the view holds the rows it has)."""
        query, view = answer
        self.beginResetModel()
        self.query = query
        self._rows.reset(len(view.rows), view.rows)
        self._pages.reset()
        self.endResetModel()
        self.loading = False
        self.count_changed.emit(len(view.rows) if view.complete else -1)
        uow, latest = self._uow, self._latest_totals
        mine = latest.generation + 1

        def add_up() -> tuple[DealQuery, DealTotals] | None:
            if latest.generation != mine:
                return None  # a newer filter came while this one waited
            return query, deals.deal_totals(uow(), query)

        self._ops.read_slow(
            add_up, self._on_totals, on_error=self._on_error, on_failure=self._on_failure, latest=latest
        )

    def _on_failure(self) -> None:
        self.loading = False

    def _on_error(self, exc: UserError) -> bool:
        self.load_failed.emit(str(exc))  # the panel's status line
        return True

    def _on_totals(self, answer: tuple[DealQuery, DealTotals] | None) -> None:
        if answer is None or answer[0] != self.query:
            return
        totals = answer[1]
        shown = self._rows.total
        if totals.count > shown:
            self.beginInsertRows(_ROOT, shown, totals.count - 1)
            self._rows.total = totals.count
            self.endInsertRows()
        elif totals.count < shown:  # deals went away in between: read the list again
            self.beginResetModel()
            self._rows.reset(totals.count, [])
            self._pages.reset()
            self.endResetModel()
        self.totals_changed.emit(totals)

    def _page_reader(self) -> paging.Fetch[DealRow]:
        """How to read a page of the list shown now, on a worker."""
        uow, query = self._uow, self.query
        return lambda offset, limit, total: deals.deal_rows_at(uow(), query, offset, limit, total=total)

    @property
    def fetching(self) -> bool:
        """Pages the view asked for are being read."""
        return self._pages.busy

    def deal_at(self, row: int) -> DealRow | None:
        """The deal at *row* for an action on it (read at once if its page is not held); painting
        uses ``data()``, which never reads."""
        return self._rows.row(row)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._rows.total

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].title()
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._pages.row(index.row())
        if row is None:  # its page is on its way (or could not be read)
            return paging.PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "stage" and row.stage is DealStage.LOST:
            return row.title
        if role == DEAL_ROLE:
            return row.id
        return None

    def _text(self, row: DealRow, key: str) -> str:
        if key == "opened":
            return self._date(row.opened_on)
        if key == "client":
            return row.client_name
        if key == "title":
            return row.title
        if key == "stage":
            return row.stage.label
        if key == "amount":
            return money_text(self._locale, row.amount.amount, row.amount.currency)
        if key == "closed":
            return self._date(row.closed_on)
        if key == "contract_end":
            return self._date(row.contract_end)
        return row.owner_name

    def _date(self, value: date | None) -> str:
        if value is None:
            return ""
        return self._locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        query = dataclasses.replace(
            self.asked, sort=COLUMNS[column].sort, descending=order == Qt.SortOrder.DescendingOrder
        )
        if query != self.asked:  # Qt also calls this when sorting is switched on: no million-deal read for that
            self.set_query(query)


class DealsPanel(QWidget):
    """The Deals tab. It subscribes to the change bus itself: when clients or deals change, the list
    is read again if the tab is shown, else once it is shown next (its first read, too, waits for that)."""

    open_deal_requested = Signal(int, int)  # client id, deal id

    def __init__(
        self, uow: UowFactory, runner: Runner, parent: QWidget | None = None, *, operations: Operations | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = operations_for(self, self._on_model_load_failed, operations, uow, runner)
        self.uow = self.ops.uow
        self.model = DealTableModel(self.uow, runner, self, operations=self.ops)
        self._stale = True  # not read since the deals changed (or never): read when shown
        self.ops.bus.changed.connect(self._on_changes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        self.views = ViewsBar(ViewList.DEALS, self.ops, self.view_state)  # saved views (issue 15)
        layout.addWidget(self.views)
        filters = QHBoxLayout()
        self.client = QLineEdit()
        self.client.setPlaceholderText(self.tr("Client name"))
        self.client.setClearButtonEnabled(True)
        self.client.setMaxLength(MAX_SEARCH)  # a longer LIKE pattern is more than SQLite accepts
        self.client.setMaximumWidth(220)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), None)
        self.stage.addItem(self.tr("Open (not won or lost)"), "open")
        for stage in DealStage:
            self.stage.addItem(stage.label, stage.value)
        self.owner = QComboBox()
        self.industry = QComboBox()
        for combo in (self.owner, self.industry):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.period = QCheckBox(self.tr("Opened from"))
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-12))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.clear = QToolButton()
        self.clear.setText(self.tr("Clear filters"))
        self.clear.setAutoRaise(True)
        for widget in (
            self.client,
            self.stage,
            self.owner,
            self.industry,
            self.period,
            self.date_from,
            QLabel(self.tr("to")),
            self.date_to,
            self.clear,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # the query's order
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # the deal's title gets the room: on a 1366-pixel screen it is read whole, the manager's name needs less
        for i, width in enumerate((95, 240, 330, 110, 130, 95, 110, 140)):
            header.resizeSection(i, width)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setStyleSheet(MUTED)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply)
        self.client.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.stage, self.owner, self.industry):
            combo.currentIndexChanged.connect(self.apply)
        self.period.toggled.connect(self._on_period_toggled)
        for edit in (self.date_from, self.date_to):  # typing a date: ask once it is typed, not per digit
            edit.dateChanged.connect(lambda _d: self._timer.start())
        self.clear.clicked.connect(self._on_clear_clicked)
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.totals_changed.connect(self._on_model_totals_changed)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.page_failed.connect(self._on_model_load_failed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.views.apply_requested.connect(self.apply_view)
        self.client.textChanged.connect(self.views.touch)
        for combo in (self.stage, self.owner, self.industry):
            combo.currentIndexChanged.connect(self.views.touch)
        self.period.toggled.connect(self.views.touch)
        self.model.modelReset.connect(self.views.touch)
        header.sectionMoved.connect(self.views.touch)
        header.sectionResized.connect(self.views.touch)
        self.set_reference([], [])

    # Saved views ------------------------------------------------------------------------------

    def _visible_columns(self) -> list[int]:
        header = self.table.horizontalHeader()
        order = (header.logicalIndex(v) for v in range(header.count()))
        return [i for i in order if not header.isSectionHidden(i)]

    def view_state(self) -> ViewState:
        """What the list shows now, as a saved view keeps it (the last column stretches to the
        window's edge: its width is the window's, not a choice, and is not kept)."""
        header = self.table.horizontalHeader()
        stage = self.stage.currentData()
        visible = self._visible_columns()
        dated = self.period.isChecked()
        query = self.model.asked
        return ViewState(
            filters=deal_filters(
                client=self.client.text(),
                stage=stage or "",
                owner=self.owner.currentData() or 0,
                industry=self.industry.currentData() or 0,
                period=dated,
                # the dates only when they filter: the unused ones move with the calendar
                **{"from": self.date_from.date().toString(Qt.DateFormat.ISODate) if dated else ""},
                to=self.date_to.date().toString(Qt.DateFormat.ISODate) if dated else "",
            ),
            columns=tuple(COLUMNS[i].key for i in visible),
            sort=query.sort.value,
            descending=query.descending,
            widths={COLUMNS[i].key: header.sectionSize(i) for i in visible[:-1]},
        )

    @Slot(object)
    def apply_view(self, state: ViewState) -> None:
        f = deal_filters(**state.filters)
        widgets = (self.stage, self.owner, self.industry, self.client, self.period, self.date_from, self.date_to)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.client.setText(f["client"])
            self.stage.setCurrentIndex(max(0, self.stage.findData(f["stage"] or None)))
            self.owner.setCurrentIndex(max(0, self.owner.findData(f["owner"] or None)))
            self.industry.setCurrentIndex(max(0, self.industry.findData(f["industry"] or None)))
            self.period.setChecked(f["period"])
            for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
                if f[key]:
                    edit.setDate(QDate.fromString(f[key], Qt.DateFormat.ISODate))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._enable_dates(f["period"])
        header = self.table.horizontalHeader()
        keys = [c.key for c in COLUMNS]
        if state.columns:
            shown = [keys.index(k) for k in state.columns if k in keys]
            for i in range(len(COLUMNS)):
                header.setSectionHidden(i, i not in shown)
            for visual, logical in enumerate(shown):
                header.moveSection(header.visualIndex(logical), visual)
        for key, width in state.widths.items():
            if key in keys:
                header.resizeSection(keys.index(key), width)
        query = self.query()
        if state.sort:
            try:
                query = dataclasses.replace(query, sort=DealSort(state.sort), descending=state.descending)
            except ValueError:
                pass  # a sort this version does not know: the list keeps its own
        self._timer.stop()
        self._stale = False
        self.model.set_query(query)
        header.blockSignals(True)
        header.setSortIndicator(
            keys.index(next(c.key for c in COLUMNS if c.sort == query.sort)),
            Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)
        self.views.touch()

    @Slot(QPoint)
    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(column.title())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(column.key != "title")  # the deal's title always shows
            action.toggled.connect(lambda on, i=i: self._show_column(i, on))
        menu.exec(header.mapToGlobal(pos))

    def _show_column(self, logical: int, on: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(logical, not on)
        self.views.touch()

    def set_reference(self, industries: list[Industry], managers: list[Manager]) -> None:
        refill_combo(self.owner, self.tr("All owners"), [(m.name, m.id) for m in managers])
        refill_combo(self.industry, self.tr("All industries"), [(industry_label(i), i.id) for i in industries])

    def query(self) -> DealQuery:
        stage = self.stage.currentData()
        if stage == "open":
            stages = frozenset(s for s in DealStage if not s.closed)
        elif stage:
            stages = frozenset({DealStage(stage)})
        else:
            stages = frozenset()
        dated = self.period.isChecked()
        return dataclasses.replace(
            self.model.asked,
            stages=stages,
            owner_id=self.owner.currentData(),
            industry_id=self.industry.currentData(),
            opened_from=self.date_from.date().toPython() if dated else None,  # type: ignore[arg-type]
            opened_to=self.date_to.date().toPython() if dated else None,  # type: ignore[arg-type]
            client_text=self.client.text().strip(),
        )

    @Slot()
    def apply(self) -> None:
        self._timer.stop()
        self._stale = False
        self.model.set_query(self.query())

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        """A deal, or a client (its name, its trash), changed: read again now if shown, else when shown."""
        if not (changes.deals or changes.clients or changes.whole_base):
            return
        if self.isVisible():
            self._stale = False
            self.model.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.apply()

    @Slot(bool)
    def _on_period_toggled(self, on: bool) -> None:
        self._enable_dates(on)
        self.apply()

    def _enable_dates(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    @Slot()
    def _on_clear_clicked(self) -> None:
        """Every filter back to "all", then one question for the list (not one per filter)."""
        for widget in (self.stage, self.owner, self.industry, self.client, self.period):
            widget.blockSignals(True)
        try:
            for combo in (self.stage, self.owner, self.industry):
                combo.setCurrentIndex(0)
            self.client.clear()
            self.period.setChecked(False)
        finally:
            for widget in (self.stage, self.owner, self.industry, self.client, self.period):
                widget.blockSignals(False)
        self._enable_dates(False)
        self.apply()

    @Slot(int)
    def _on_model_count_changed(self, count: int) -> None:
        self.status.setStyleSheet(MUTED)
        if count < 0:
            self.status.setText(self.tr("Counting the deals…"))
        else:
            self.status.setText(self.tr("%Ln deal(s)", "", count) + (" · " + self.tr("adding up…") if count else ""))

    @Slot(str)
    def _on_model_load_failed(self, reason: str) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOR};")
        self.status.setText(self.tr("Could not read the deals: %1").replace("%1", reason))

    @Slot(object)
    def _on_model_totals_changed(self, totals: DealTotals) -> None:
        locale = QLocale()
        sums = ", ".join(money_text(locale, m.amount, m.currency) for m in totals.amounts[:3])
        count = totals.count
        text = self.tr("%Ln deal(s)", "", count)
        self.status.setText(text + (" · " + sums if sums else ""))

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        number = index.row()
        self.ops.read(lambda: self.model.deal_at(number), self._open_deal)

    def _open_deal(self, row: DealRow | None) -> None:
        if row is not None:
            self.open_deal_requested.emit(row.client_id, row.id)
