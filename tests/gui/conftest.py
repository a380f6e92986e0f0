"""Fixtures for window tests: settings in tmp_path, a window on the real base of tests/conftest.py
(database, uow, add_client), and a way to type Russian text that does not crash Qt (qtbot.keyClicks
aborts on non-ASCII)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.store import UnitOfWork
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings


@pytest.fixture(autouse=True)
def _qt_garbage_collected_between_tests(qapp: QApplication) -> Iterator[None]:
    """Python's collector frees what a test left in reference cycles (a panel whose slots are its own
    bound methods, a bench's notice bar) at a moment of its choosing; inside a later test's event loop
    that would destroy Qt objects while Qt delivers events. So during a window test the collector
    waits; between tests, after pytest-qt has closed the test's widgets, the test's work is finished,
    its deletions are done, and only then is the garbage collected, with no event on its way. (The
    segmentation faults of CI's PostgreSQL runs turned out to be the program's own: a progress task
    removed by deleteLater, see salesdesk/ui/progress.py; this keeps the tests' order from mattering
    and makes the window suite faster.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        QThreadPool.globalInstance().waitForDone(30_000)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        gc.collect(0)  # with the collector off, all the test made is still in the youngest generation
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if was_enabled:
            gc.enable()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot: QtBot, uow: Callable[[], UnitOfWork], settings: Settings) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(uow, settings)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        window.activateWindow()  # keys and focus go to the active window only (it matters under Xvfb)
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        window.start()
        wait_loaded(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.card._set_dirty(False)  # no "save changes?" question while the test tears down
        window.wait_for_jobs()


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.model.loading and not window.runner.busy, timeout=10_000)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a person, one key at a time, Cyrillic included (see docs/qt_on_linux.md)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def shown_names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def hold_counts(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, Callable[..., Any]]:
    """Counts of the client list wait (up to 20 s) until the returned gate is set, as at a
    million clients; also returned: the count itself, for a test to put back or call."""
    from salesdesk.services import clients

    gate = threading.Event()
    original = clients.list_counts

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(clients, "list_counts", held)
    return gate, original
