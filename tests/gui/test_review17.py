"""Review of issue 17 (fastsearch): the count after the page."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.services import clients, demo
from salesdesk.store import UnitOfWork
from salesdesk.ui.bulk_dialog import BulkKind
from salesdesk.ui.main_window import MainWindow
from tests.gui.conftest import wait_loaded


def test_the_list_keeps_its_place_when_another_client_is_added(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork]
) -> None:
    """A manager deep in a list of 1,000 clients (row ~900): the list is read again because a
    client was added or removed (model.reload, as the change bus does). Before issue 17 the list
    stayed where it was; the first page alone (200 rows) must not pull the view up to row ~200."""
    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    table = window.table
    qtbot.waitUntil(
        lambda: window.model.rowCount() == 1000 and not getattr(window.model, "counting", False), timeout=20_000
    )
    table.scrollToBottom()
    qtbot.waitUntil(lambda: not window.model.fetching, timeout=10_000)
    top_before = table.rowAt(0)
    assert top_before > 900
    with qtbot.waitSignal(window.model.counts_changed, timeout=20_000):
        window.model.reload()
    wait_loaded(qtbot, window)
    assert window.model.rowCount() == 1000
    assert table.rowAt(0) == top_before


def test_select_all_and_trash_while_the_list_is_counted_trashes_only_what_was_selected(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1,000 clients; the count after the first page is slow (a big base). The manager presses
    Ctrl+A over the 200 rows shown and moves the selection to the trash: 200 clients, not the whole
    list (selected == rowCount() is taken for 'everyone the list shows')."""
    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.model.counting, timeout=20_000)
    gate = threading.Event()
    original = clients.list_counts

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(clients, "list_counts", held)
    try:
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.model.reload()
        assert window.model.counting and window.model.rowCount() == 200
        window.table.selectAll()
        selected = len(window.table.selectionModel().selectedRows())
        assert selected == 200
        window.list_actions.act_on_many(BulkKind.TRASH)
        qtbot.waitUntil(lambda: clients.count_clients(uow()) < 1000, timeout=20_000)
    finally:
        gate.set()
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert 1000 - clients.count_clients(uow()) == selected


def test_the_rows_of_a_search_are_visible_before_its_count_after_a_search_that_found_nothing(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A search that found nothing shows 'No clients match'; the next search's page is there but
    stays hidden behind that message until its count (slow in a big base) arrives."""
    demo.load_demo(uow(), 300, seed=5)
    window = make_window()
    window.list_pane.search.setText("щщщщщщ")
    window.list_pane.apply_query()
    qtbot.waitUntil(lambda: window.table_stack.currentWidget() is window.empty, timeout=20_000)
    gate = threading.Event()
    original = clients.list_counts

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(clients, "list_counts", held)
    try:
        window.list_pane.search.setText("")
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.list_pane.apply_query()
        assert window.model.rowCount() == 200 and window.model.counting
        visible = window.table_stack.currentWidget() is window.table
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert visible


def test_a_client_saved_new_is_selected_in_the_list_also_while_the_list_is_counted(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new client that sorts below the first page (row 1,000 of 1,001): the window re-reads the
    list (the bus) and selects the new client where the list shows it (select_when_found). While
    the count runs the model has only the first page's 200 rows, so the row is not there to select."""
    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    ident = add_client("Яяяя последний клиент")
    gate = threading.Event()
    original = getattr(clients, "list_counts", None)

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(20)
        assert original is not None
        return original(*args, **kwargs)

    monkeypatch.setattr(clients, "list_counts", held, raising=False)
    try:
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.model.reload()
        window.list_actions.show_in_card(ident)
        qtbot.waitUntil(lambda: window.card.client_id == ident, timeout=10_000)
        position = clients.position_of(uow(), window.model.query, ident)
        assert position is not None and position >= 200
        answered: list[object] = []
        select_opened = window.list_actions._select_opened
        monkeypatch.setattr(window.list_actions, "_select_opened", lambda *a: (answered.append(a), select_opened(*a)))
        window.list_actions.select_when_found(ident)
        qtbot.waitUntil(lambda: answered != [], timeout=20_000)  # the position came while counting
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert window.table.currentIndex().row() == position


def test_a_count_that_fails_does_not_leave_the_last_lists_figures_standing_for_the_new_one(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page of a new search came, its count failed (the server went away, a busy base): the
    status bar shows the previous list's 'N of M' as current (enabled, not greyed), beside 200 rows of
    a list that has 1,000."""
    from salesdesk.domain.errors import StoreError
    from salesdesk.domain.messages import msg

    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    window.list_pane.search.setText("щщщщщщ")
    window.list_pane.apply_query()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0 and not window.model.counting, timeout=20_000)
    before = window.list_pane.counts_label.text()

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError(msg("err.db_busy"))

    monkeypatch.setattr(clients, "list_counts", broken)
    window.list_pane.search.setText("")
    window.list_pane.apply_query()
    qtbot.waitUntil(lambda: window.model.rowCount() == 200 and not window.model.counting, timeout=20_000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    stale = window.list_pane.counts_label.text() == before and window.list_pane.counts_label.isEnabled()
    assert not stale, before


def test_the_export_dialog_while_the_list_is_counted_names_the_real_figures(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File → Export right after the list was read again (a client added, Refresh): the dialog is
    built from model.rowCount() and model.base_total, which are 200 and 0 until the count comes —
    'The whole base (0)', 'Those shown now (200)' for a base of 1,000 whose export writes 1,000."""
    from salesdesk.ui.export_dialog import ExportDialog

    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    gate = threading.Event()
    original = clients.list_counts

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(clients, "list_counts", held)
    try:
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.model.reload()
        dialog = ExportDialog(window.model.rowCount(), window.model.base_total, 0, window)
        texts = (dialog.all_button.text(), dialog.filter_button.text())
        dialog.deleteLater()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert "1,000" in texts[0], texts


def test_no_count_starts_after_the_window_closed(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window closes while a list's page is read (a client was just added): closeEvent waits for
    the page job, then the page's answer is delivered and starts the count, a new worker job after
    the window waited for its jobs (while the program quits and the base is closed)."""
    demo.load_demo(uow(), 300, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    original = clients.first_rows
    gate = threading.Event()

    def slow(*a: Any, **k: Any) -> Any:
        gate.wait(5)
        return original(*a, **k)

    monkeypatch.setattr(clients, "first_rows", slow)
    started: list[object] = []
    orig_count = clients.list_counts
    monkeypatch.setattr(clients, "list_counts", lambda *a, **k: (started.append(1), orig_count(*a, **k))[1])
    window.model.reload()
    threading.Timer(0.3, gate.set).start()
    window.close()  # waits for the page job
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not window.model.loading, timeout=5000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    assert started == [], "a count ran after the window closed and waited for its jobs"
