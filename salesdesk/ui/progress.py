"""Long operations (demo data, import, export, reports) on a worker thread, with a progress
dialog and Cancel. The service gets a ``Reporter``; cancelling makes the service raise
``Cancelled`` and its unit of work roll back."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from salesdesk.services.common import Reporter
from salesdesk.ui.workers import Failed, Runner


class QtReporter(QObject):
    """A ``Reporter`` whose progress crosses to the GUI thread as a queued signal."""

    progressed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


# The tasks under way. A task is Python's, kept here until it ends and then let go: it was a child of
# the window removed by ``deleteLater``, and Qt's destruction of it later asked PySide for Python
# overrides on a wrapper no longer valid — a segmentation fault, seen in the test run on PostgreSQL
# (a demo load failing at its commit). Its dialog, a plain Qt widget, still goes by ``deleteLater``.
_RUNNING: set[ProgressTask] = set()


class ProgressTask(QObject):
    """One long operation: its dialog, its reporter, and what to do when it ends."""

    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        title: str,
        label: str,
        work: Callable[[Reporter], Any],
        on_done: Callable[[Any], None],
        on_error: Failed,
        *,
        cancellable: bool = True,
    ) -> None:
        super().__init__()
        _RUNNING.add(self)
        self.reporter = QtReporter()
        self.dialog = QProgressDialog(label, QCoreApplication.translate("ProgressTask", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._cancellable = cancellable
        if not cancellable:  # a job that cannot stop half-way (an undo) offers no Cancel
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self._on_dialog_canceled)
        # QProgressDialog shows itself after the minimum duration only once a value is set: a job
        # that reports no progress (counting a list) would otherwise never show it, or its Cancel
        self.dialog.setValue(0)
        self.reporter.progressed.connect(self._on_reporter_progressed)
        self._on_done = on_done
        self._on_error = on_error
        runner.start(lambda: work(self.reporter), self._finished, self._failed)

    @Slot(int, int)
    def _on_reporter_progressed(self, done: int, total: int) -> None:
        if total > 0 and shiboken6.isValid(self.dialog):  # the window may have gone while the work runs
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    @Slot()
    def _on_dialog_canceled(self) -> None:
        if not self._cancellable:  # Esc on a dialog without Cancel: the job goes on, and says so
            return
        self.reporter.cancel()
        self.dialog.setLabelText(QCoreApplication.translate("ProgressTask", "Cancelling…"))

    def _close(self) -> bool:
        """Let go of the task; False when its window went while it ran (the answer then goes
        nowhere, as any answer for a deleted widget)."""
        _RUNNING.discard(self)  # freed by Python once the caller's slot returns
        self.reporter.progressed.disconnect(self._on_reporter_progressed)
        if not shiboken6.isValid(self.dialog):
            return False
        self.dialog.canceled.disconnect(self._on_dialog_canceled)
        self.dialog.close()
        self.dialog.deleteLater()
        return True

    def _finished(self, result: Any) -> None:
        if self._close():
            self._on_done(result)

    def _failed(self, exc: BaseException, trace: str) -> None:
        if self._close():
            self._on_error(exc, trace)
