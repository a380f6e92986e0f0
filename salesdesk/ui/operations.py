"""One way through the window: every user action that reads or writes the base runs here.

An action is one service call, so one transaction (the service opens and commits its own unit of
work). ``Operations.run`` calls it — on the GUI thread when it is short, on a worker with a busy
indicator when it may be slow — and routes what comes back:

- the answer to ``on_done``;
- a ``UserError`` (validation, stale edit, busy, read-only, disk full, damaged base) to the place
  the user works: the caller's ``on_error`` (a field, a dialog) if it takes it, else the notice bar;
- any other exception, a bug, to ``sys.excepthook`` (the crash dialog, ``ui/crash.py``).

What the action changed reaches every subscriber through ``ChangeBus.changed``: the unit of work
tells its listeners after a commit, the bus turns their records into one ``Changes`` value and emits
it on the GUI thread — after the action returned, before ``on_done`` runs. Widgets refresh from that
signal, never one another by hand. A commit made on a worker (an import, a slow action) reaches the
bus by a queued signal.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from salesdesk.domain.changes import Change, Changes
from salesdesk.domain.errors import UserError
from salesdesk.services.common import UowFactory
from salesdesk.ui.workers import Runner

T = TypeVar("T")

# Where a UserError goes when the caller does not take it itself: a sentence to show.
Notify = Callable[[str], None]
# The caller's own place for an error (fields, a dialog); True when it showed it.
ErrorHandler = Callable[[UserError], bool]


class ChangeBus(QObject):
    """The one signal that says what changed in the base, emitted on the GUI thread."""

    changed = Signal(object)  # Changes
    _arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending = Changes()
        self._holding = 0  # an operation is running on the GUI thread: its changes wait for its end
        self._arrived.connect(self.flush, Qt.ConnectionType.QueuedConnection)

    def watching(self, factory: UowFactory) -> UowFactory:
        """A factory of units of work that tell this bus what they committed."""

        def make() -> Any:
            unit = factory()
            unit.listeners.append(self.publish)
            return unit

        return make

    def publish(self, records: tuple[Change, ...] | Changes) -> None:
        """Called by a unit of work after its commit, on whatever thread it ran."""
        changes = records if isinstance(records, Changes) else Changes.of(records)
        if not changes:
            return
        with self._lock:
            self._pending = self._pending | changes
        if QThread.currentThread() is not self.thread():
            self._arrived.emit()  # queued: delivered on the GUI thread
        elif not self._holding:
            self.flush()

    def hold(self) -> None:
        self._holding += 1

    def release(self) -> None:
        self._holding -= 1
        if not self._holding:
            self.flush()

    @Slot()
    def flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, Changes()
        if pending:
            self.changed.emit(pending)


class Operations(QObject):
    """Runs user actions: one service call each, errors to where the user works, changes to the bus."""

    busy_changed = Signal(bool)  # a slow action started or ended (a progress indicator follows it)

    def __init__(
        self,
        uow: UowFactory,
        runner: Runner,
        notify: Notify,
        parent: QObject | None = None,
        *,
        bus: ChangeBus | None = None,
    ) -> None:
        super().__init__(parent)
        if bus is None:
            self.bus = ChangeBus(self)
            self.uow = self.bus.watching(uow)  # every unit made from it reports its commits to the bus
        else:  # *uow* already reports to *bus* (see ``elsewhere``)
            self.bus, self.uow = bus, uow
        self.runner = runner
        self.notify = notify
        self._slow = 0

    def elsewhere(self, notify: Notify, parent: QObject | None = None) -> Operations:
        """The same runner and bus, with errors shown in another place (a card's own notice bar)."""
        return Operations(self.uow, self.runner, notify, parent, bus=self.bus)

    def run(
        self,
        action: Callable[[], T],
        on_done: Callable[[T], object] | None = None,
        *,
        on_error: ErrorHandler | None = None,
    ) -> bool:
        """Run a short action now, on the GUI thread. True when it succeeded."""
        self.bus.hold()
        try:
            result = action()
        except UserError as exc:
            self.bus.release()
            self._route(exc, on_error)
            return False
        except Exception:  # a bug: the crash dialog, and the window stays as it was
            self.bus.release()
            sys.excepthook(*sys.exc_info())
            return False
        self.bus.release()  # subscribers refresh before the caller goes on
        if on_done is not None:
            on_done(result)
        return True

    def run_slow(
        self,
        action: Callable[[], T],
        on_done: Callable[[T], object] | None = None,
        *,
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Run an action that may take long on a worker; ``busy_changed`` shows progress meanwhile."""
        self._set_slow(+1)

        def done(result: T) -> None:
            self._set_slow(-1)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException, trace: str) -> None:
            self._set_slow(-1)
            if isinstance(exc, UserError):
                self._route(exc, on_error)
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        self.runner.start(action, done, failed)

    def read(
        self, query: Callable[[], T], on_done: Callable[[T], object], *, on_error: ErrorHandler | None = None
    ) -> bool:
        """A read the user waits for (a refresh after an action): errors as for any action."""
        return self.run(query, on_done, on_error=on_error)

    @property
    def slow_running(self) -> bool:
        return self._slow > 0

    def _set_slow(self, delta: int) -> None:
        before = self._slow > 0
        self._slow += delta
        if (self._slow > 0) != before:
            self.busy_changed.emit(self._slow > 0)

    def _route(self, exc: UserError, on_error: ErrorHandler | None) -> None:
        if on_error is not None and on_error(exc):
            return
        self.notify(str(exc))
