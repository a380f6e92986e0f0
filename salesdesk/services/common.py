"""Small things every service needs: the clock, save results, reference checks."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from queue import Empty, Full, Queue
from typing import Protocol, TypeVar

from salesdesk.domain.errors import FieldProblem, NotFoundError, UserError, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.store import UnitOfWork

T = TypeVar("T")

# How faces get units of work: one fresh unit per user action.
UowFactory = Callable[[], UnitOfWork]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save did: the row, its new version, and warnings that did not stop it."""

    id: int
    version: int
    warnings: tuple[FieldProblem, ...] = ()


class Trashable(Protocol):
    """A repository whose rows go to the trash and come back (every one but the listings)."""

    def set_deleted(self, ident: int, expected_version: int, deleted_at: datetime | None) -> int: ...

    def version_of(self, ident: int) -> int: ...

    def client_of(self, ident: int) -> int: ...


def set_deleted(
    uow: UnitOfWork,
    repository: Callable[[UnitOfWork], Trashable],
    what: str,
    ids: Sequence[int],
    when: datetime | None,
    *,
    client_part: str | None = None,
    then: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Move rows to the trash (`when` is the time) or bring them back (None), all in one transaction;
    returns their new versions. `client_part` names the part of the owning client's card that changes
    (its history, reminders...); `then(ident, client_id)` does what else goes with it, before commit."""
    action = "trashed" if when is not None else "restored"
    versions = []
    with uow:
        rows = repository(uow)
        for ident in ids:
            versions.append(rows.set_deleted(ident, rows.version_of(ident), when))
            client_id = rows.client_of(ident) if client_part is not None or then is not None else 0
            if then is not None:
                then(ident, client_id)
            uow.record(what, ident, action, client=client_id or None)
            if client_part is not None:
                uow.record("client", client_id, client_part)
        uow.commit()
    return versions


def check_references(uow: UnitOfWork, *, industry_id: int | None = None, owner_id: int | None = None) -> None:
    """Refuse a card pointing at an industry or manager that is gone (another seat deleted it)."""
    problems = []
    if industry_id is not None:
        try:
            uow.industries.get(industry_id)
        except NotFoundError:
            problems.append(FieldProblem("industry_id", msg("err.unknown_industry", value=industry_id)))
    if owner_id is not None:
        try:
            uow.managers.get(owner_id)
        except NotFoundError:
            problems.append(FieldProblem("owner_id", msg("err.unknown_manager", value=owner_id)))
    if problems:
        raise ValidationError(problems)


class Reporter(Protocol):
    """Where a long operation reports progress and learns that the user pressed Cancel.

    The window passes one that emits Qt signals from the worker thread; the command line one that
    prints; tests one that cancels on cue.
    """

    def progress(self, done: int, total: int) -> None: ...

    def cancelled(self) -> bool: ...


class SilentReporter:
    def progress(self, done: int, total: int) -> None:
        pass

    def cancelled(self) -> bool:
        return False


class Cancelled(UserError):
    """The user cancelled; the transaction was rolled back and nothing changed."""

    def __init__(self) -> None:
        super().__init__(msg("err.cancelled"))


_END = object()


@contextmanager
def prefetched(source: Iterator[T], depth: int = 2) -> Iterator[Iterator[T]]:
    """Produce items of *source* on a helper thread while the caller consumes them.

    For bulk loads: building the next batch (Python) overlaps with writing the current one
    (SQLite releases the GIL while it works), so the two cores are both busy. The producer stops
    when the caller leaves the block, early or not; its errors reach the caller.
    """
    queue: Queue[object] = Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in source:
                while not stop.is_set():
                    try:
                        queue.put(item, timeout=0.1)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            queue.put(_END)
        except BaseException as exc:  # handed to the consumer, which re-raises it
            queue.put(exc)

    thread = threading.Thread(target=produce, name="prefetch", daemon=True)
    thread.start()

    def consume() -> Iterator[T]:
        while True:
            item = queue.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]

    try:
        yield consume()
    finally:
        stop.set()
        while thread.is_alive():
            try:
                queue.get(timeout=0.1)
            except Empty:
                pass
        thread.join()


_paused = 0  # bulk loads running now
_was_enabled = True  # the collector's state before the first of them
_paused_lock = threading.Lock()


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector off while a bulk load builds hundreds of thousands of objects that
    all live to its end: each full collection walks every one of them, over and over, for nothing
    (the cards are plain data without cycles). Nested and concurrent uses turn it back on only when
    the last one ends, and only if it was on before."""
    global _paused, _was_enabled
    with _paused_lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
