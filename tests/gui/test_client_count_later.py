"""The client list's count after its first page (issue 17): until the count comes, the row count
and the base's size are provisional, and nothing may take them for real figures.

Each test holds the count on its way (``clients.list_counts`` waits on a gate) or breaks it, and
checks what the manager sees or what an action does meanwhile."""

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
from tests.gui.conftest import hold_counts, wait_loaded


def test_the_list_keeps_its_place_when_another_client_is_added(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork]
) -> None:
    """A manager deep in a list of 1,000 clients (row ~980) when the list is read again because a
    client was added or removed (model.reload, as the change bus does): the list stays where it
    was — its first page alone (200 rows) must not pull the view up to row ~185."""
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


def test_rows_past_the_first_page_load_and_are_right_while_the_list_is_counted(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The list of 1,000 is read again after a client that sorts last was added, and its count is
    slow: the manager at the bottom sees the rows load (not placeholders), and they are the list's
    rows by position — not read back from the end of a size that is only provisional (1,000 while
    the list has 1,001), which would show every row shifted by one."""
    from salesdesk.ui.paging import PLACEHOLDER

    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    table, model = window.table, window.model
    qtbot.waitUntil(lambda: model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    add_client("Яяяя последний клиент")
    gate, original = hold_counts(monkeypatch)
    try:
        with qtbot.waitSignal(model.modelReset, timeout=20_000):
            model.reload()
        assert model.counting and model.rowCount() == 1000
        table.scrollToBottom()
        table.viewport().repaint()
        qtbot.waitUntil(lambda: model.data(model.index(999, 0)) != PLACEHOLDER, timeout=10_000)
        shown = [model.data(model.index(row, 0)) for row in (800, 950, 999)]
        assert model.counting
    finally:
        gate.set()
    expected = [clients.rows_at(uow(), model.query, row, 1)[0].name for row in (800, 950, 999)]
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert shown == expected
    assert model.rowCount() == 1001


def test_select_all_and_trash_while_the_list_is_counted_trashes_only_what_was_selected(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1,000 clients; after a search that found nothing the search is cleared, and the count after
    the first page is slow (a big base). The manager presses Ctrl+A over the 200 rows shown and
    moves the selection to the trash: those 200 clients, not the whole list (all the rows selected
    means "everyone the list shows" only once the list's size is known)."""
    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.model.counting, timeout=20_000)
    window.list_pane.search.setText("щщщщщщ")
    window.list_pane.apply_query()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0 and not window.model.counting, timeout=20_000)
    gate, original = hold_counts(monkeypatch)
    try:
        window.list_pane.search.setText("")
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.list_pane.apply_query()
        assert window.model.counting and window.model.rowCount() == 200
        window.table.selectAll()
        selected = len(window.table.selectionModel().selectedRows())
        assert selected == 200
        monkeypatch.setattr(clients, "list_counts", original)  # the action's own count is not held
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
    """A search that found nothing shows 'No clients match'; the next search's first page is shown
    as soon as it is there, not hidden behind that message until its count (slow in a big base)
    arrives."""
    demo.load_demo(uow(), 300, seed=5)
    window = make_window()
    window.list_pane.search.setText("щщщщщщ")
    window.list_pane.apply_query()
    qtbot.waitUntil(lambda: window.table_stack.currentWidget() is window.empty, timeout=20_000)
    gate, original = hold_counts(monkeypatch)
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
    """A new client that sorts last (row 1,000 of 1,001): the window reads the list again (the bus)
    and selects the new client where the list shows it (select_when_found). Its position comes
    while the list is counted, when the list has no row 1,000 yet: it is selected once the count
    has come."""
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
    """The page of a new search came and its count failed (a busy base, a lost server): the status
    bar must not show the previous list's 'N of M' as current (enabled, not greyed) beside the new
    list, and the rest of the list (1,000 clients, not only the first page's 200) can be reached."""
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
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and not window.model.counting, timeout=20_000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    stale = window.list_pane.counts_label.text() == before and window.list_pane.counts_label.isEnabled()
    assert not stale, before
    for _ in range(10):  # scrolling on: the list grows a page at a time while its last page is full
        window.table.scrollToBottom()
        window.table.viewport().repaint()
        qtbot.waitUntil(lambda: not window.model.fetching, timeout=10_000)
    assert window.model.rowCount() == 1000


def test_the_export_dialog_while_the_list_is_counted_names_the_real_figures(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File → Export right after the list was read again (a client added, Refresh) and while it is
    counted: the dialog must offer the real figures, not the provisional 'The whole base (0)' and
    'Those shown now (200)' for a base of 1,000 whose 'shown' export writes 1,000."""
    from salesdesk.ui.export_dialog import ExportDialog

    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    window.list_pane.search.setText("щщщщщщ")
    window.list_pane.apply_query()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0 and not window.model.counting, timeout=20_000)
    asked: list[tuple[int, int]] = []

    def answer(cls: type[ExportDialog], _parent: object, shown: int, total: int, *_a: Any, **_k: Any) -> None:
        asked.append((shown, total))

    monkeypatch.setattr(ExportDialog, "ask", classmethod(answer))
    gate, original = hold_counts(monkeypatch)
    try:
        window.list_pane.search.setText("")
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.list_pane.apply_query()
        window.model.reload()  # a client added meanwhile: the base's size is counted again
        qtbot.waitUntil(lambda: window.model.counting and not window.model.loading, timeout=20_000)
        assert window.model.rowCount() == 200
        threads: list[bool] = []

        def own(*args: Any, **kwargs: Any) -> Any:  # the action's own count: not held, off the window's thread
            threads.append(threading.current_thread() is threading.main_thread())
            return original(*args, **kwargs)

        monkeypatch.setattr(clients, "list_counts", own)
        window.file_actions.export()
        window.file_actions.export()  # Ctrl+E again before the count came: one dialog all the same
        assert asked == []  # not before the count: the window goes on being drawn meanwhile
    finally:
        gate.set()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert asked == [(1000, 1000)]
    assert threads == [False]


def test_no_count_starts_after_the_window_closed(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window closes while a list's page is read (a client was just added): closeEvent waits for
    the page job; the page's answer, delivered after that, must not start a count — a worker job
    after the window waited for its jobs, while the program quits and the base is closed."""
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


def test_the_agenda_loads_also_when_the_first_count_fails(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reminders and the month's figures load once the client list is in — which was told only
    by a count that succeeded: a busy base at start-up left the agenda empty for the whole session."""
    from salesdesk.domain.errors import StoreError
    from salesdesk.domain.messages import msg
    from salesdesk.ui.reminders_panel import RemindersPanel

    demo.load_demo(uow(), 50, seed=5)
    refreshed: list[bool] = []
    whole = RemindersPanel.refresh

    def counted(self: RemindersPanel) -> None:
        refreshed.append(True)
        whole(self)

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError(msg("err.db_busy"))

    monkeypatch.setattr(RemindersPanel, "refresh", counted)
    monkeypatch.setattr(clients, "list_counts", broken)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and not window.model.counting, timeout=20_000)
    qtbot.waitUntil(lambda: bool(refreshed), timeout=10_000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)


def test_cancelling_the_count_before_an_export_opens_no_dialog_and_the_list_is_counted_still(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At a million clients the count before the export's dialog takes seconds: it runs behind a
    progress dialog ("Counting the clients of the list…") whose Cancel leaves the export unasked,
    and the status bar still gets the list's figures."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from salesdesk.ui.export_dialog import ExportDialog

    demo.load_demo(uow(), 1000, seed=5)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    asked: list[object] = []
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
    gate, original = hold_counts(monkeypatch)
    try:
        window.model.reload()
        qtbot.waitUntil(lambda: window.model.counting and not window.model.loading, timeout=20_000)
        window.file_actions.export()
        made = window.findChildren(QProgressDialog)  # this window's (an earlier test's may linger)
        assert len(made) == 1
        # armed to show after its minimum duration: Qt shows a progress dialog then only once a
        # value was set, and a count reports no progress (else it came after 4 s, Qt's default)
        assert made[0].minimumDuration() < 1000 and made[0].value() == made[0].minimum()

        def dialog() -> QProgressDialog | None:
            found = [w for w in window.findChildren(QProgressDialog) if w.isVisible()]
            return found[0] if found else None

        qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
        shown = dialog()
        assert shown is not None and shown.labelText() == "Counting the clients of the list…"
        button = shown.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # as the manager does
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy and not window.model.counting, timeout=20_000)
    assert asked == []
    assert window.model.total_known and window.model.rowCount() == 1000


def test_a_search_typed_just_before_export_gets_the_export_of_the_list_it_shows(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Export pressed while the list is counted, and a search lands before that count comes (its
    timer fired under the progress dialog): the export dialog opens for the list shown now, with
    its figures — not silently never."""
    from salesdesk.ui.export_dialog import ExportDialog

    demo.load_demo(uow(), 1000, seed=5)
    found = clients.search_clients(uow(), "ооо").total
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not window.runner.busy, timeout=20_000)
    asked: list[tuple[int, int]] = []

    def answer(cls: type[ExportDialog], _parent: object, shown: int, total: int, *_a: Any, **_k: Any) -> None:
        asked.append((shown, total))

    monkeypatch.setattr(ExportDialog, "ask", classmethod(answer))
    gates = [threading.Event(), threading.Event()]  # the list's own count, then the export's
    calls: list[int] = []
    original = clients.list_counts

    def held(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= len(gates):
            gates[len(calls) - 1].wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(clients, "list_counts", held)
    try:
        window.model.reload()
        qtbot.waitUntil(lambda: len(calls) == 1, timeout=20_000)
        window.file_actions.export()  # counts the whole base, held
        qtbot.waitUntil(lambda: len(calls) == 2, timeout=20_000)
        gates[0].set()  # the list's own count (superseded) lets its worker go
        window.list_pane.search.setText("ооо")
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.list_pane.apply_query()
    finally:
        for gate in gates:
            gate.set()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert asked == [(found, 1000)]
