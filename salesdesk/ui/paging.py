"""The page cache behind the big tables: rows fetched a page at a time, a bounded number kept.

Both the client table and the deals table hold plain rows here. Painting never reads the base:
``data()`` looks only in the cache (``PageLoader.row``); a page it lacks is read on a worker and
shown with ``dataChanged`` when it comes, a placeholder until then. A page that could not be read
(the base busy or damaged, or a bug) stays a placeholder, the model says why once, and a later
scroll asks again.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QCoreApplication

from salesdesk.domain.errors import UserError
from salesdesk.ui.workers import Runner

Row = TypeVar("Row")

PAGE = 200
MAX_PAGES = 40  # at most 8,000 rows in memory, whatever the size of the list
PLACEHOLDER = "…"  # what a cell shows while its page is being read (or could not be)
RETRY_AFTER_S = 1.0  # a page that failed is asked for again when painted after this long

Fetch = Callable[[int, int, int], Sequence[Row]]


class PagedRows(Generic[Row]):
    def __init__(self, fetch: Fetch[Row], page: int = PAGE, max_pages: int = MAX_PAGES) -> None:
        """*fetch(offset, limit, total)* returns the rows of one window in display order."""
        self.fetch = fetch
        self.page = page
        self.max_pages = max_pages
        self.total = 0
        self.pages: OrderedDict[int, list[Row]] = OrderedDict()

    def reset(self, total: int, first: Sequence[Row]) -> None:
        self.total = total
        self.pages = OrderedDict({0: list(first)}) if first else OrderedDict()

    def row(self, index: int) -> Row | None:
        """The row at *index*, read at once if its page is not held (for an action on a chosen
        row, never for painting: see ``PageLoader``)."""
        if not 0 <= index < self.total:
            return None
        number = index // self.page
        if number not in self.pages:
            self.put(number, self.fetch(number * self.page, self.page, self.total))
        return self.cached(index)

    def held(self, number: int) -> bool:
        return number in self.pages

    def cached(self, index: int) -> Row | None:
        """The row at *index* if its page is held; never reads."""
        number = index // self.page
        rows = self.pages.get(number)
        if rows is None:
            return None
        self.pages.move_to_end(number)
        offset = index - number * self.page
        return rows[offset] if offset < len(rows) else None

    def put(self, number: int, rows: Sequence[Row]) -> None:
        self.pages[number] = list(rows)
        self.pages.move_to_end(number)
        while len(self.pages) > self.max_pages:
            self.pages.popitem(last=False)

    def loaded(self) -> list[tuple[int, Row]]:
        """(index, row) of every row held now."""
        return [(number * self.page + i, row) for number, rows in self.pages.items() for i, row in enumerate(rows)]

    def replace(self, index: int, row: Row) -> None:
        rows = self.pages.get(index // self.page)
        if rows is not None:
            rows[index % self.page] = row


def failure_text(exc: BaseException) -> str:
    """Why a page could not be read, in the user's words (a bug is in the log, not on screen)."""
    if isinstance(exc, UserError):
        return str(exc)
    return QCoreApplication.translate("PageLoader", "an internal error (see the log)")


class PageLoader(Generic[Row]):
    """Reads the pages a view paints on a worker, so that ``data()`` never touches the base.

    *reader()* is called on the GUI thread when a page is wanted and returns the fetch for the
    query shown now (so a page read on a worker answers the query it was asked for); *failed*
    gets one sentence when a page cannot be read, once until a page is read again; *arrived*
    (optional) hears of every page read, with how many rows it held (the client table's list of a
    size not yet known ends or grows by it).
    """

    def __init__(
        self,
        model: QAbstractItemModel,
        rows: PagedRows[Row],
        runner: Runner,
        reader: Callable[[], Fetch[Row]],
        failed: Callable[[str], None],
        arrived: Callable[[int, int], None] | None = None,
    ) -> None:
        self.model = model
        self.arrived = arrived  # (page number, rows it held) after a page was put in the cache
        self.rows = rows
        self.runner = runner
        self.reader = reader
        self.failed = failed
        self.generation = 0
        self.pending: set[int] = set()
        self.failed_at: dict[int, float] = {}
        self.told = False

    @property
    def busy(self) -> bool:
        """Pages are being read."""
        return bool(self.pending)

    def reset(self) -> None:
        """The list was replaced: answers on their way are for the old one. (Whether the user was
        told stays: a list re-read while the base is busy does not repeat the notice.)"""
        self.generation += 1
        self.pending.clear()
        self.failed_at.clear()

    def row(self, index: int) -> Row | None:
        """The row at *index* if its page is held; otherwise None, and the page is asked for.
        Near the end of a page the next one is asked for too, so scrolling on finds it there."""
        rows = self.rows
        if not 0 <= index < rows.total:
            return None
        number = index // rows.page
        if not rows.held(number):
            self.request(number)
            return None
        following = number + 1
        if (
            index - number * rows.page >= rows.page * 3 // 4
            and following * rows.page < rows.total
            and not rows.held(following)
        ):
            self.request(following)
        return rows.cached(index)

    def request(self, number: int) -> None:
        if number in self.pending:
            return
        failed_at = self.failed_at.get(number)
        if failed_at is not None and time.monotonic() - failed_at < RETRY_AFTER_S:
            return
        fetch, page, total, generation = self.reader(), self.rows.page, self.rows.total, self.generation
        self.pending.add(number)
        self.runner.start(
            lambda: fetch(number * page, page, total),
            lambda found: self._arrived(generation, number, found),
            lambda exc, _trace: self._not_read(generation, number, exc),
            receiver=self.model,
        )

    def _arrived(self, generation: int, number: int, found: Sequence[Row]) -> None:
        if generation != self.generation:
            return
        self.pending.discard(number)
        self.failed_at.pop(number, None)
        self.told = False
        self.rows.put(number, found)
        first = number * self.rows.page
        last = min(self.rows.total, first + self.rows.page) - 1
        columns = self.model.columnCount()
        if last >= first and columns:
            self.model.dataChanged.emit(self.model.index(first, 0), self.model.index(last, columns - 1))
        if self.arrived is not None:
            self.arrived(number, len(found))

    def _not_read(self, generation: int, number: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self.pending.discard(number)
        self.failed_at[number] = time.monotonic()
        if not self.told:
            self.told = True
            self.failed(failure_text(exc))
