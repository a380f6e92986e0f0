"""The page cache behind the big tables: rows fetched a page at a time, a bounded number kept.

Both the client table and the deals table hold plain rows here and ask their service for a page
when the view needs a row it does not have.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Row = TypeVar("Row")

PAGE = 200
MAX_PAGES = 40  # at most 8,000 rows in memory, whatever the size of the list


class PagedRows(Generic[Row]):
    def __init__(self, fetch: Callable[[int, int, int], Sequence[Row]], page: int = PAGE,
                 max_pages: int = MAX_PAGES) -> None:
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
        if not 0 <= index < self.total:
            return None
        number = index // self.page
        rows = self.pages.get(number)
        if rows is None:
            rows = list(self.fetch(number * self.page, self.page, self.total))
            self.pages[number] = rows
            while len(self.pages) > self.max_pages:
                self.pages.popitem(last=False)
        else:
            self.pages.move_to_end(number)
        offset = index - number * self.page
        return rows[offset] if offset < len(rows) else None

    def loaded(self) -> list[tuple[int, Row]]:
        """(index, row) of every row held now."""
        return [(number * self.page + i, row) for number, rows in self.pages.items() for i, row in enumerate(rows)]

    def replace(self, index: int, row: Row) -> None:
        rows = self.pages.get(index // self.page)
        if rows is not None:
            rows[index % self.page] = row
