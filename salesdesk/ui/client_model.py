"""The client table's model: rows fetched lazily from the services, a page at a time.

It holds only plain ``ClientRow`` values in a bounded page cache (never ORM objects), asks the
database to sort and filter (``ClientQuery``), and reads the second half of the list from the
end, so showing row 99,999 costs what row 0 costs. A new query (a search keystroke, a filter, a
header click) has its first page read on a worker thread; the answer replaces the model in one
reset, and only then is the list counted, on a worker too: the rows grow to the total and the
status bar shows it when the count comes (issue 17: at 1,000,000 clients a count can take longer
than the page). Answers to superseded queries are dropped; a count superseded before a worker
took it is not run, and one superseded while it runs is stopped (SQLite's progress handler, a
cancel request to PostgreSQL).

Until the count comes the row count is provisional (``total_known`` is False): a full first page
of the same query read again keeps the last list's size (so a list read again after a client was
added stays where the manager was; a new search or sort starts from its first page), pages past
the first are read by offset from the start (never from a guessed end), and a page that comes back
short ends the list there. Code that takes the figures as real — "everyone the list shows", the
export's counts — goes through ``settle()``, which counts at once if needed (a user's explicit
action) on a worker behind a progress dialog. A count that failed leaves the figures unknown
(``counts_unknown``); the list then grows a page at a time as its last page comes back full.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import UserError
from salesdesk.domain.model import ClientKind, ClientStatus
from salesdesk.domain.queries import ClientQuery, ClientRow, ClientSort
from salesdesk.services import clients
from salesdesk.services.common import Cancelled, Reporter, UowFactory
from salesdesk.ui import paging
from salesdesk.ui.columns import TableColumn
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import short_datetime
from salesdesk.ui.workers import Latest, Runner

PAGE = paging.PAGE

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(TableColumn[ClientSort]):
    context = "ClientTable"


COLUMNS: tuple[Column, ...] = (
    Column("name", ClientSort.NAME, str(QT_TRANSLATE_NOOP("ClientTable", "Name"))),
    Column("status", ClientSort.STATUS, str(QT_TRANSLATE_NOOP("ClientTable", "Status"))),
    Column("phone", ClientSort.PHONE, str(QT_TRANSLATE_NOOP("ClientTable", "Phone"))),
    Column("next_reminder", ClientSort.NEXT_REMINDER, str(QT_TRANSLATE_NOOP("ClientTable", "Next reminder"))),
    Column("owner", ClientSort.OWNER, str(QT_TRANSLATE_NOOP("ClientTable", "Owner"))),
    Column("inn", ClientSort.INN, str(QT_TRANSLATE_NOOP("ClientTable", "INN"))),
    Column("city", ClientSort.CITY, str(QT_TRANSLATE_NOOP("ClientTable", "City"))),
    Column("industry", ClientSort.INDUSTRY, str(QT_TRANSLATE_NOOP("ClientTable", "Industry"))),
    Column("kind", ClientSort.KIND, str(QT_TRANSLATE_NOOP("ClientTable", "Kind"))),
    Column("completeness", ClientSort.COMPLETENESS, str(QT_TRANSLATE_NOOP("ClientTable", "Completeness")), right=True),
)
COLUMN_OF = {c.key: i for i, c in enumerate(COLUMNS)}


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a finished query reports first: its first page (the count comes after, ``Counts``)."""

    query: ClientQuery
    first: tuple[ClientRow, ...]


def load_snapshot(uow: UowFactory, query: ClientQuery) -> Snapshot:
    """Runs on a worker thread: the first page alone, not counted."""
    return Snapshot(query, clients.first_rows(uow(), query, limit=PAGE))


@dataclass(frozen=True, slots=True)
class Counts:
    """What the count read after a page reports: the list's size and the status bar's figures."""

    query: ClientQuery
    total: int
    base_total: int
    average: float | None


def load_counts(
    uow: UowFactory, query: ClientQuery, base_total: int | None, cancelled: Callable[[], bool] | None = None
) -> Counts | None:
    """Runs on a worker thread: count and average; the base size only if not known. None when
    *cancelled* said so before the count was done (the list was typed over)."""
    found = clients.list_counts(uow(), query, with_base_total=base_total is None, cancelled=cancelled)
    if found is None:
        return None
    base = found.base_total if found.base_total is not None else base_total
    assert base is not None
    return Counts(query, found.total, base, found.average)


class ClientTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)  # the first page of a query is being read
    counting_changed = Signal(bool)  # the list shown is being counted (its page is there)
    counts_changed = Signal(int, int, object)  # shown, whole base, average completeness or None
    counts_unknown = Signal()  # the count failed: the figures of the list shown are not known
    load_failed = Signal(str)
    page_failed = Signal(str)  # a page of rows could not be read (once, until one is read again): why

    def __init__(
        self, uow: UowFactory, runner: Runner, parent: QObject | None = None, *, operations: Operations | None = None
    ) -> None:
        super().__init__(parent)
        self._uow = uow
        self._latest = Latest(runner)
        self._count_latest = Latest(runner)
        self._count_asked = 0  # the newest count asked for; a count superseded before it starts is skipped
        self._query = ClientQuery()
        self._asked = self._query  # the newest query asked for (its answer may still be on its way)
        self._base_total: int | None = None  # the whole base's size as last counted (None: another list's)
        self._base_known = False  # ... and counted for the list shown now
        self.total_known = True  # rowCount() is the list's real size (False: provisional until the count)
        self._count_failed = False  # the count of the list shown failed: its size is found by reading on
        self._closing = False  # the window is closing: no count starts, late answers are dropped
        self._settling = False  # an action waits for the list's count (settle)
        self._rows: paging.PagedRows[ClientRow] = paging.PagedRows(
            lambda offset, limit, total: clients.rows_at(
                self._uow(), self._query, offset, limit, total=total if self.total_known else None
            ),
            PAGE,
            paging.MAX_PAGES,
        )
        self._pages = paging.PageLoader(
            self, self._rows, runner, self._page_reader, self.page_failed.emit, arrived=self._page_arrived
        )
        self._now = datetime.now(UTC)
        self._locale = QLocale()
        self.loading = False
        self.counting = False
        # reads go through the operations: a UserError becomes load_failed (the window's notice bar),
        # a bug the crash dialog; the window's bus tells what a commit changed (alone: a bus of its own)
        self._ops = operations or Operations(uow, runner, self.load_failed.emit, self)
        self._ops.bus.changed.connect(self._on_changes)

    # Query -----------------------------------------------------------------------------------

    @property
    def query(self) -> ClientQuery:
        return self._query

    @property
    def asked(self) -> ClientQuery:
        """The newest query asked for (its answer may still be on its way)."""
        return self._asked

    def set_query(self, query: ClientQuery, *, recount: bool = False) -> None:
        """Start loading *query*; the table keeps showing the old rows until the answer comes.

        The first page is read alone and shown when it comes; the list is counted after it
        (``_on_snapshot``), so typing never waits for a count. The size of the whole base is read
        again only when asked (*recount*: after something was added or removed) or when switching
        between the base and the trash; a search keystroke does not change it.
        """
        if query.trash != self._query.trash:
            self._base_total = None
        if recount or query.trash != self._query.trash:
            self._base_known = False
        self._asked = query
        self._count_asked += 1  # a count for an older query is not wanted any more
        self._set_loading(True)
        self._ops.read_slow(
            lambda: load_snapshot(self._uow, query),
            self._on_snapshot,
            on_error=self._on_error,
            on_failure=self._page_not_read,
            latest=self._latest,
        )

    def reload(self) -> None:
        """Count and read the list asked for last again (clients were added or removed)."""
        self.set_query(self._asked, recount=True)

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        """Subscribed to the change bus: clients added or removed, the list counts and pages again;
        clients changed, only their rows are read again (where they are shown)."""
        if changes.membership:
            self.reload()
        elif changes.clients:
            ids = sorted(changes.clients)
            self._ops.read(lambda: self.refresh_clients(ids), lambda _done: None)

    def close(self) -> None:
        """The window is closing: no count starts any more, answers on their way are dropped, and
        a count running now is stopped (SQLite's progress handler) rather than waited for."""
        self._closing = True
        self._count_asked += 1
        self._latest.drop()
        self._count_latest.drop()
        self._set_loading(False)
        self._set_counting(False)

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        """The first page: shown at once; then the list is counted. A page that is not full is
        the whole list; a full one of the same list read again keeps its size until the count comes
        (it stays where the manager was after a client was added; ``total_known`` is False), a new
        search or sort starts from its first page (the old size would show rows it does not have)."""
        if self._closing:
            return
        first = len(snapshot.first)
        full = first >= PAGE
        again = snapshot.query == self._query  # the same list read again, not a new search or sort
        self.beginResetModel()
        self._query = snapshot.query
        self._rows.reset(max(self._rows.total, first) if full and again else first, snapshot.first)
        self.total_known = not full
        self._count_failed = False
        self._pages.reset()
        self._now = datetime.now(UTC)
        self.endResetModel()
        self._set_loading(False)
        self._count(snapshot.query)

    def _page_not_read(self) -> None:
        self._set_loading(False)
        self._set_counting(False)

    def _count(self, query: ClientQuery) -> None:
        if self._closing:
            return
        self._count_asked += 1
        mine, known = self._count_asked, self._base_total if self._base_known else None
        self._set_counting(True)

        def superseded() -> bool:
            return mine != self._count_asked

        def work() -> tuple[int, Counts | None]:
            if superseded():  # typed over while waiting for a worker: not started
                return mine, None
            return mine, load_counts(self._uow, query, known, superseded)  # typed over while counting: stopped

        def refused(exc: UserError) -> bool:
            return True if superseded() or self._closing else self._on_error(exc)

        def not_read() -> None:
            if not superseded() and not self._closing:
                self._count_not_read()

        # bound method: the answer is for this model and is dropped if it is gone meanwhile
        self._ops.read_slow(work, self._on_counts, on_error=refused, on_failure=not_read, latest=self._count_latest)

    def _count_not_read(self) -> None:
        """The count failed (a busy base, a lost server; the notice bar says why): the figures are
        not known, and the list grows as its pages come back full (``_page_arrived``)."""
        self._count_failed = True
        self._set_counting(False)
        self.counts_unknown.emit()
        total = self._rows.total
        last = (total - 1) // PAGE
        if total and self._rows.held(last):  # the last page is there already (the first one, often)
            self._page_arrived(last, len(self._rows.pages[last]))

    def _on_counts(self, answer: tuple[int, Counts | None]) -> None:
        mine, counts = answer
        if self._closing or counts is None or mine != self._count_asked or counts.query != self._query:
            return
        self._apply_counts(counts)

    def _apply_counts(self, counts: Counts) -> None:
        shown = self._rows.total
        if counts.total > shown:
            self.beginInsertRows(_ROOT, shown, counts.total - 1)
            self._rows.total = counts.total
            self.endInsertRows()
        elif counts.total < shown:  # the base changed between the two reads (the bus will tell)
            self.beginRemoveRows(_ROOT, counts.total, shown - 1)
            self._rows.total = counts.total
            self.endRemoveRows()
        self._base_total = counts.base_total
        self._base_known = True
        self.total_known = True
        self._count_failed = False
        self._set_counting(False)
        self.counts_changed.emit(counts.total, counts.base_total, counts.average)

    def settle(self, parent: QWidget, title: str, then: Callable[[int, int], object]) -> None:
        """Call *then(rows of the list shown, clients of the whole base or trash)* with the real
        figures, for an action that takes them as real (acting on "everyone the list shows", the
        export's choices). Known: at once. While the list is being counted (seconds at a million
        clients) it is counted on a worker behind a progress dialog with Cancel — the window is
        drawn and the list takes the answer — and *then* follows; if the list shown changed
        meanwhile (a search typed just before), the new one is counted and *then* gets its figures.
        Not called if the user cancels, the count fails (the notice bar says why), the window
        closes, or another action is already waiting for a count (a second Ctrl+E)."""
        if self.total_known and self._base_known and not self.counting:
            then(self._rows.total, self._base_total or 0)
            return
        if self._settling:
            return
        self._settling = True
        self._count_asked += 1  # this count replaces the list's own, which stops
        mine = self._count_asked
        self._set_counting(True)
        uow, query, known = self._uow, self._query, self._base_total if self._base_known else None

        def work(reporter: Reporter) -> Counts:
            def stop() -> bool:  # Cancel pressed, or the window closing (it does not wait for this count)
                return reporter.cancelled() or self._closing

            counts = load_counts(uow, query, known, stop)
            if counts is None or stop():  # a cancel as the count ended: no action either
                raise Cancelled()
            return counts

        def done(counts: Counts) -> None:
            self._settling = False
            if self._closing:
                return
            if counts.query != self._query:  # another list is shown now: the action is for it
                self.settle(parent, title, then)
                return
            if mine == self._count_asked:  # no newer count of the list came meanwhile
                self._apply_counts(counts)
                then(counts.total, counts.base_total)
            elif self.total_known and self._base_known and not self.counting:
                then(self._rows.total, self._base_total or 0)  # the newer figures, already shown
            else:
                self.settle(parent, title, then)

        def cancelled(_exc: Cancelled) -> None:
            self._settling = False
            if not self._closing and query == self._query and mine == self._count_asked:
                self._count(query)  # the status bar still wants the figures: counted as usual

        def failed() -> None:  # a refusal (the notice bar says why) or a bug (the crash dialog)
            self._settling = False
            if not self._closing and query == self._query and mine == self._count_asked:
                self._count_not_read()

        label = QCoreApplication.translate("ClientTableModel", "Counting the clients of the list…")
        self._ops.run_long(
            parent, title, label, work, done, on_error=self._on_error, on_cancelled=cancelled, on_failure=failed
        )

    def reach(self, row: int) -> None:
        """*row* is known to be in the list (its position was read) but lies past the rows the
        list has while its size is not known (a count that failed): the list grows to it."""
        total = self._rows.total
        if self.total_known or row < total:
            return
        self.beginInsertRows(_ROOT, total, row)
        self._rows.total = row + 1
        self.endInsertRows()

    def _page_arrived(self, number: int, size: int) -> None:
        """A page read while the size is not known: one that comes back short ends the list there;
        after a failed count, a full last page lets the list grow by a page."""
        if self.total_known:
            return
        end = number * PAGE + size
        total = self._rows.total
        if size < PAGE and end < total:
            self.beginRemoveRows(_ROOT, end, total - 1)
            self._rows.total = end
            self.endRemoveRows()
        elif self._count_failed and size == PAGE and end >= total:
            self.beginInsertRows(_ROOT, total, end + PAGE - 1)
            self._rows.total = end + PAGE
            self.endInsertRows()

    def _on_error(self, exc: UserError) -> bool:
        self.load_failed.emit(str(exc))
        return True

    @property
    def base_total(self) -> int:
        """How many clients the whole base (or the whole trash) holds, as last counted (it may be
        out of date while the list is counted: ``settle`` for a figure taken as real)."""
        return self._base_total or 0

    @property
    def base_known(self) -> bool:
        """``base_total`` was counted for the list shown now (not for the trash or before a change)."""
        return self._base_known

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _set_counting(self, counting: bool) -> None:
        if counting != self.counting:
            self.counting = counting
            self.counting_changed.emit(counting)

    # Rows ------------------------------------------------------------------------------------

    def _page_reader(self) -> paging.Fetch[ClientRow]:
        """How to read a page of the list shown now, on a worker."""
        uow, query, known = self._uow, self._query, self.total_known
        # a provisional size is never used to read from the end: the window is read by offset
        return lambda offset, limit, total: clients.rows_at(uow(), query, offset, limit, total=total if known else None)

    @property
    def fetching(self) -> bool:
        """Pages the view asked for are being read."""
        return self._pages.busy

    def row_at(self, row: int) -> ClientRow | None:
        """The row at *row* for an action on a chosen row; a page not held is read at once (an
        indexed window of a few milliseconds, never a full scan). Painting uses ``data()``,
        which never reads."""
        return self._rows.row(row)

    def client_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def row_of(self, client_id: int) -> int | None:
        """The row showing *client_id*, if it is in a loaded page."""
        return next((index for index, item in self._rows.loaded() if item.id == client_id), None)

    def refresh_clients(self, ids: Sequence[int]) -> None:
        """Re-read rows of these clients where they are shown (after a save elsewhere)."""
        wanted = set(ids)
        fresh = {r.id: r for r in clients.client_rows(self._uow(), list(wanted))}
        for index, item in self._rows.loaded():
            if item.id in fresh:
                self._rows.replace(index, fresh[item.id])
                self.dataChanged.emit(self.index(index, 0), self.index(index, len(COLUMNS) - 1))

    # Qt model interface -----------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._rows.total

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[section].align)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        row = self._pages.row(index.row())
        if row is None:  # its page is on its way (or could not be read)
            return paging.PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "completeness" and row.missing:
            from salesdesk.ui.texts import missing_items

            return QCoreApplication.translate("ClientTable", "Missing: %s") % ", ".join(missing_items(row.missing))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[index.column()].align)
        if role == Qt.ItemDataRole.ForegroundRole and key == "next_reminder" and self._overdue(row):
            return QBrush(QColor("#b3261e"))
        return None

    def _overdue(self, row: ClientRow) -> bool:
        return row.next_reminder_at is not None and row.next_reminder_at < self._now

    def _display(self, row: ClientRow, key: str) -> str:
        if key == "name":
            return row.name
        if key == "kind":
            return ClientKind(row.kind).label
        if key == "inn":
            return row.inn
        if key == "city":
            return row.city
        if key == "industry":
            return row.industry_name
        if key == "status":
            return ClientStatus(row.status).label
        if key == "owner":
            return row.owner_name
        if key == "phone":
            return row.phone
        if key == "next_reminder":
            if row.next_reminder_at is None:
                return ""
            return short_datetime(self._locale, row.next_reminder_at)
        if key == "completeness":
            return f"{row.completeness} %"
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(dataclasses.replace(self._query, sort=COLUMNS[column].sort, descending=descending))
