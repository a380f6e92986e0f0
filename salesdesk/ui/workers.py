"""Running service calls off the GUI thread and getting the answer back on it.

A worker never touches widgets: it calls a service (which opens its own unit of work) and the
result or error travels back by a queued signal to a relay object living in the GUI thread.
``Latest`` drops answers that a newer request has made obsolete (a search keystroke superseded
by the next one). An answer for a Qt object deleted meanwhile (a tab closed while its list loaded)
is dropped too: the receiver is the object whose method gets the answer, or the one named.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from salesdesk.domain.errors import UserError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException, str], None]


class _Relay(QObject):
    """Lives in the GUI thread; its slots run there because the signals cross threads queued."""

    finished = Signal(object)
    failed = Signal(object, str)

    def __init__(self, runner: Runner, on_done: Done, on_error: Failed | None, receiver: QObject | None) -> None:
        super().__init__()
        self.runner = runner
        self.on_done = on_done
        self.on_error = on_error
        self.receiver = receiver
        self.finished.connect(self._on_finished)
        self.failed.connect(self._on_failed)

    def _receiver_gone(self) -> bool:
        return self.receiver is not None and not shiboken6.isValid(self.receiver)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self.runner._release(self)
        if self._receiver_gone():
            log.debug("an answer for a deleted %s was dropped", type(self.receiver).__name__)
            return
        self.on_done(result)

    @Slot(object, str)
    def _on_failed(self, exc: BaseException, trace: str) -> None:
        self.runner._release(self)
        if not isinstance(exc, UserError):  # a bug or a broken base: the log has it, whoever shows what
            log.error("background job failed:\n%s", trace)
        if self.on_error is not None and not self._receiver_gone():
            self.on_error(exc, trace)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI thread, which decides what the user sees
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.finished.emit(result)


class Runner(QObject):
    """Starts jobs on a thread pool and keeps their relays alive until they report."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def start(
        self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None, *, receiver: QObject | None = None
    ) -> None:
        """Run *fn* on the pool; *on_done* or *on_error* gets the answer in the GUI thread, unless
        *receiver* (by default the QObject whose method *on_done* is) has been deleted by then."""
        relay = _Relay(self, on_done, on_error, receiver if receiver is not None else _owner(on_done))
        self._relays.add(relay)
        self.pool.start(_Job(fn, relay))

    def _release(self, relay: _Relay) -> None:
        self._relays.discard(relay)

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running jobs (on shutdown and in tests)."""
        return self.pool.waitForDone(msecs)


class Latest:
    """Numbered requests; only the answer to the newest one is delivered."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.generation = 0

    def start(
        self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None, *, receiver: QObject | None = None
    ) -> int:
        self.generation += 1
        mine = self.generation

        def deliver(result: Any) -> None:
            if mine == self.generation:
                on_done(result)

        def fail(exc: BaseException, trace: str) -> None:
            if on_error is not None and mine == self.generation:
                on_error(exc, trace)

        self.runner.start(fn, deliver, fail, receiver=receiver if receiver is not None else _owner(on_done))
        return mine

    def drop(self) -> None:
        """Nobody wants the answers on their way any more (the page they were for was left)."""
        self.generation += 1


def _owner(callback: Callable[..., Any]) -> QObject | None:
    """The Qt object a bound method belongs to, if it is one."""
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None
