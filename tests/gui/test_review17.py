"""Review of issue 17 (fastsearch): the count after the page."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from salesdesk.services import demo
from salesdesk.store import UnitOfWork
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
    qtbot.waitUntil(lambda: window.model.rowCount() == 1000 and not getattr(window.model, "counting", False), timeout=20_000)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: not window.model.fetching, timeout=10_000)
    top_before = table.rowAt(0)
    assert top_before > 900
    with qtbot.waitSignal(window.model.counts_changed, timeout=20_000):
        window.model.reload()
    wait_loaded(qtbot, window)
    assert window.model.rowCount() == 1000
    assert table.rowAt(0) == top_before
