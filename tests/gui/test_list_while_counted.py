"""The client list while it is being counted (issue 17, second review): a new search deep in a long
list, a count that fails, the dialogs told the real selection, a new client found."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.services import clients, demo
from salesdesk.store import UnitOfWork
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.paging import PLACEHOLDER
from tests.gui.conftest import hold_counts


def _found(uow: Callable[[], UnitOfWork], text: str) -> int:
    """How many clients a search finds in the demo base (about 586 of 1,000 for 'ооо': the demo's
    random draws depend on the moment it is made, so the figure is asked, not written down)."""
    total = clients.search_clients(uow(), text).total
    assert 200 < total < 1000  # more than a page, fewer than the list before it
    return total


def test_a_new_search_typed_deep_in_a_long_list_shows_its_rows_before_its_count(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A manager at the bottom of a list of 1,000 types a search that finds 586 ('ооо'); the count
    is slow (a big base). The first page is there, but the list keeps the last list's 1,000 rows and
    the view stays at row ~980: the manager sees placeholders of rows the search does not have, and
    every page under the view is read by OFFSET from the start (0.5 s a page at 1,000,000 clients)."""
    demo.load_demo(uow(), 1000, seed=5)
    found = _found(uow, "ооо")
    window = make_window()
    table, model = window.table, window.model
    qtbot.waitUntil(lambda: model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: not model.fetching, timeout=10_000)
    assert table.rowAt(0) > 900
    gate, _original = hold_counts(monkeypatch)
    try:
        window.list_pane.search.setText("ооо")
        with qtbot.waitSignal(model.modelReset, timeout=20_000):
            window.list_pane.apply_query()
        assert model.counting
        top = table.rowAt(0)
        shown = model.data(model.index(top, 0))
        rows = model.rowCount()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy and not model.counting, timeout=20_000)
    assert model.rowCount() == found
    assert shown != PLACEHOLDER, f"row {top} of the new search is a placeholder"
    assert rows <= found, f"the search of {found} clients shows {rows} rows until its count"


def test_export_while_counted_offers_the_selected_rows_the_list_really_has(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1,000 clients, then a search finding 586 whose count is slow: the list shows 1,000 rows
    (the last size) and Ctrl+A selects them all. Export counts first (the list becomes 586, the
    selection with it), but the dialog is told the selection counted before: 'Selected (1,000)'
    beside 'Those shown now (586)'."""
    from salesdesk.ui import export_dialog

    demo.load_demo(uow(), 1000, seed=5)
    found = _found(uow, "ооо")
    window = make_window()
    model = window.model
    qtbot.waitUntil(lambda: model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    asked: list[tuple[int, int, int]] = []

    def ask(cls: Any, parent: Any, shown: int, total: int, selected: int, **kwargs: Any) -> None:
        asked.append((shown, total, selected))
        return None

    monkeypatch.setattr(export_dialog.ExportDialog, "ask", classmethod(ask))  # type: ignore[arg-type]
    gate, _original = hold_counts(monkeypatch)
    try:
        window.list_pane.search.setText("ооо")
        with qtbot.waitSignal(model.modelReset, timeout=20_000):
            window.list_pane.apply_query()
        assert model.counting
        window.table.selectAll()
        monkeypatch.undo()  # the export's own count is not held
        monkeypatch.setattr(export_dialog.ExportDialog, "ask", classmethod(ask))  # type: ignore[arg-type]
        window.file_actions.export()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert asked
    shown, total, selected = asked[0]
    assert shown == found and total == 1000
    assert selected <= shown, f"the dialog offers {selected} selected of a list of {shown}"


def test_a_bulk_change_while_counted_is_asked_with_the_selection_the_list_really_has(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As the export: Ctrl+A over the provisional 1,000 rows of a search of 586, then 'Change
    status…': act_on_many counts first (the list becomes 586) but asks the dialog with the
    selection counted before, 'for 1,000 selected of 586'."""
    from salesdesk.ui import bulk_dialog
    from salesdesk.ui.bulk_dialog import BulkKind

    demo.load_demo(uow(), 1000, seed=5)
    found = _found(uow, "ооо")
    window = make_window()
    model = window.model
    qtbot.waitUntil(lambda: model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    asked: list[tuple[int, int]] = []

    def ask(cls: Any, parent: Any, kind: Any, selected: int, shown: int, **lists: Any) -> None:
        asked.append((selected, shown))
        return None

    gate, _original = hold_counts(monkeypatch)
    try:
        window.list_pane.search.setText("ооо")
        with qtbot.waitSignal(model.modelReset, timeout=20_000):
            window.list_pane.apply_query()
        assert model.counting
        window.table.selectAll()
        monkeypatch.undo()  # the action's own count is not held
        monkeypatch.setattr(bulk_dialog.BulkDialog, "ask", classmethod(ask))  # type: ignore[arg-type]
        window.list_actions.act_on_many(BulkKind.STATUS)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert asked
    selected, shown = asked[0]
    assert shown == found
    assert selected <= shown, f"the dialog is asked for {selected} selected of a list of {shown}"


def test_a_search_whose_count_fails_deep_in_a_long_list_is_not_read_back_page_by_page(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At the bottom of 1,000 clients the manager types 'ооо' (586) and its count fails (a busy
    base). The list kept 1,000 provisional rows and the view stayed at the bottom: an empty page
    there cut the list by one page, the view landed on the new bottom, read that page by OFFSET,
    cut again… — a page read per 200 rows of the last list's size (at 1,000,000 clients: ~4,400
    reads of ~0.5 s each). A new search starts from its first page; scrolled to, it ends where it ends."""
    from salesdesk.domain.errors import StoreError
    from salesdesk.domain.messages import msg

    demo.load_demo(uow(), 1000, seed=5)
    found = _found(uow, "ооо")
    window = make_window()
    table, model = window.table, window.model
    qtbot.waitUntil(lambda: model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: not model.fetching, timeout=10_000)

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError(msg("err.db_busy"))

    read: list[int] = []
    original = clients.rows_at

    def counted(uow_: Any, query: Any, offset: int, limit: int, **kwargs: Any) -> Any:
        if query.text:
            read.append(offset)
        return original(uow_, query, offset, limit, **kwargs)

    monkeypatch.setattr(clients, "list_counts", broken)
    monkeypatch.setattr(clients, "rows_at", counted)
    window.list_pane.search.setText("ооо")
    with qtbot.waitSignal(model.counts_unknown, timeout=20_000):
        window.list_pane.apply_query()
    for _ in range(10):  # a new search starts at its top; scrolling on, the list grows to its end
        table.scrollToBottom()
        table.viewport().repaint()
        qtbot.waitUntil(lambda: not model.fetching and not window.runner.busy, timeout=10_000)
    assert model.rowCount() == found
    past_the_end = [offset for offset in read if offset >= found]
    assert len(past_the_end) <= 1, f"pages past the list's end read one after another: {past_the_end}"


def test_a_client_saved_new_is_selected_also_when_the_count_of_the_list_fails(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As test_a_client_saved_new_is_selected_in_the_list_also_while_the_list_is_counted, but the
    count then fails (a busy base): the client waiting to be selected (list_actions._wanted) waits
    for counts_changed only, so the new client is never selected — and the next count that
    succeeds, whenever it comes, jumps the selection to it."""
    from salesdesk.domain.errors import StoreError
    from salesdesk.domain.messages import msg

    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    ident = add_client("Яяяя последний клиент")
    gate = threading.Event()

    def held_then_broken(*_args: Any, **_kwargs: Any) -> Any:
        gate.wait(20)
        raise StoreError(msg("err.db_busy"))

    monkeypatch.setattr(clients, "list_counts", held_then_broken)
    try:
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.model.reload()
        window.list_actions.show_in_card(ident)
        qtbot.waitUntil(lambda: window.card.client_id == ident, timeout=10_000)
        position = clients.position_of(uow(), window.model.query, ident)
        assert position is not None and position >= 200
        answered: list[object] = []
        select_opened = window.list_actions._select_opened
        monkeypatch.setattr(window.list_actions, "_select_opened", lambda *a: (answered.append(a), select_opened(*a)))  # type: ignore[func-returns-value]
        window.list_actions.select_when_found(ident)
        qtbot.waitUntil(lambda: answered != [], timeout=20_000)  # the position came while counting
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy and not window.model.counting, timeout=20_000)
    assert window.table.currentIndex().row() == position
