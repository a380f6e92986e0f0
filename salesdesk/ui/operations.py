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
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from salesdesk.domain.changes import Change, Changes
from salesdesk.domain.errors import UserError
from salesdesk.services.common import Cancelled, Reporter, UowFactory
from salesdesk.ui.workers import Latest, Runner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from salesdesk.ui.progress import ProgressTask

T = TypeVar("T")

# Where a UserError goes when the caller does not take it itself: a sentence to show.
Notify = Callable[[str], None]
# The caller's own place for an error (fields, a dialog); True when it showed it.
ErrorHandler = Callable[[UserError], bool]
# What a caller undoes on any failure, a UserError or a bug (a spinner stopped, a button enabled).
Cleanup = Callable[[], object]


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
        on_failure: Cleanup | None = None,
    ) -> None:
        """Run an action that may take long on a worker; ``busy_changed`` shows progress meanwhile."""
        self._set_slow(+1)

        def done(result: T) -> None:
            self._set_slow(-1)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException, trace: str) -> None:
            self._set_slow(-1)
            self._failed(exc, on_error, on_failure)

        self.runner.start(action, done, failed)

    def read_slow(
        self,
        query: Callable[[], T],
        on_done: Callable[[T], object],
        *,
        on_error: ErrorHandler | None = None,
        on_failure: Cleanup | None = None,
        latest: Latest | None = None,
    ) -> None:
        """A read on a worker that the user does not wait on (a list, a report, a file's headers):
        no busy indicator; with *latest*, only the answer to the newest read of that kind arrives."""

        def failed(exc: BaseException, trace: str) -> None:
            self._failed(exc, on_error, on_failure)

        def done(result: T) -> None:
            on_done(result)

        receiver = _owner(on_done)
        if latest is not None:
            latest.start(query, done, failed, receiver=receiver)
        else:
            self.runner.start(query, done, failed, receiver=receiver)

    def run_long(
        self,
        parent: QWidget,
        title: str,
        label: str,
        work: Callable[[Reporter], T],
        on_done: Callable[[T], object],
        *,
        on_error: ErrorHandler | None = None,
        on_cancelled: Callable[[Cancelled], object] | None = None,
        on_failure: Cleanup | None = None,
        cancellable: bool = True,
    ) -> ProgressTask:
        """A long job with a progress dialog and Cancel (demo data, export): the service gets a
        ``Reporter``; Cancel rolls its transaction back and *on_cancelled* hears of it; any other
        ``UserError`` goes where the user works, a bug to the crash dialog (*on_failure* runs
        first for either). A job that ignores its reporter is not *cancellable*: no Cancel."""
        from salesdesk.ui.progress import ProgressTask

        def failed(exc: BaseException, trace: str) -> None:
            if isinstance(exc, Cancelled) and on_cancelled is not None:
                on_cancelled(exc)
            else:
                self._failed(exc, on_error, on_failure)

        def done(result: T) -> None:
            on_done(result)

        return ProgressTask(parent, self.runner, title, label, work, done, failed, cancellable=cancellable)

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

    def _failed(self, exc: BaseException, on_error: ErrorHandler | None, on_failure: Cleanup | None) -> None:
        if on_failure is not None:
            on_failure()
        if isinstance(exc, UserError):
            self._route(exc, on_error)
        else:  # a bug on a worker: the relay logged it; the crash dialog says so
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _route(self, exc: UserError, on_error: ErrorHandler | None) -> None:
        if on_error is not None and on_error(exc):
            return
        self.notify(str(exc))


def operations_for(
    owner: QObject,
    notify: Notify,
    operations: Operations | None,
    uow: UowFactory,
    runner: Runner | None = None,
) -> Operations:
    """The window's *operations* with errors shown in *owner*'s own place (*notify*); a panel or
    dialog made alone (in a test) gets a runner and a change bus of its own."""
    if operations is not None:
        return operations.elsewhere(notify, owner)
    return Operations(uow, runner or Runner(owner), notify, owner)


def _owner(callback: Callable[..., Any] | None) -> QObject | None:
    """The Qt object a bound method belongs to: its answer is dropped if that object is gone."""
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None
