"""Derived columns of many new cards at once (demo data, spreadsheet import), on another core.

``derive`` (completeness, search text, sort key, E.164) is pure Python and costs about as much as
everything else a bulk load does in this process together. Python threads share one core for
it, so for big loads the batches go to a worker process, while this process parses, matches and
writes the batches before them. Small loads derive on a helper thread, and so does a big one
whose worker cannot start or dies: the result is the same either way, only the time differs.

An import knows its cards long before it writes them: ``deriving_ahead`` starts the worker while
the sheet is still being parsed and ``Ahead`` sends it each accepted row's card as it comes, so
the worker derives on the other core while this process parses and plans. When the batches are
written, a card whose input is exactly what was sent (``derivation_input``: the industry and the
owner only as set or not) takes that result; any other (rows merged into one client, a card
whose industry was not the row's) is derived then, as before.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from salesdesk.domain.derived import ClientDerived, derivation_input, derive
from salesdesk.domain.model import ClientBundle, ClientFields, ContactFields
from salesdesk.services.common import prefetched
from salesdesk.services.deriving_worker import derive_all, derive_pickled, start_worker

log = logging.getLogger(__name__)

PROCESS_THRESHOLD = 20_000  # fewer cards than this: starting a process (about a second) does not pay
Derived = list[tuple[ClientBundle, ClientDerived]]
# a batch, the future of its cards sent to a worker (the ones not derived yet), and what is known
_Sent = tuple[list[ClientBundle], "Future[list[ClientDerived]] | None", list[ClientDerived | None]]
_Card = tuple[ClientFields, tuple[ContactFields, ...]]
AHEAD_BATCH = 2_000


def _here(batch: list[ClientBundle]) -> Derived:
    return [(b, derive(b.client, b.contacts)) for b in batch]


def _workers() -> int:
    """One writer takes the batches in order, so more than two workers would only wait."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 2)
    return max(1, min(2, cpus - 1))


def _pool(workers: int) -> ProcessPoolExecutor:
    # "spawn" everywhere: forking a process that runs Qt and database threads is not safe
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker
    )


class Ahead:
    """Derived columns of the cards an import will most likely write, worked out by a worker
    process while the import still parses and plans (see the module's text).

    The results wait as the worker's pickles, a batch at a time (about 370 bytes a card instead of
    1,300 as objects), and are unpickled a batch at a time when written: an import of 100,000
    rows holds about 40 MB for them instead of 130."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self._cards: list[_Card] = []
        self._waiting: deque[tuple[list[_Card], Future[bytes]]] = deque()
        self._where: dict[_Card, tuple[int, int]] = {}  # card -> (batch, position in it)
        self._pickled: list[bytes | None] = []
        self._open: dict[int, list[ClientDerived]] = {}  # the batches unpickled last
        self._broken = False

    def send(self, client: ClientFields, contacts: tuple[ContactFields, ...]) -> None:
        """A card as it will be written if nothing changes it (its industry and owner as set or not)."""
        self._cards.append((derivation_input(client), contacts))
        if len(self._cards) >= AHEAD_BATCH:
            self.flush()

    def flush(self) -> None:
        cards, self._cards = self._cards, []
        if not cards or self._broken:
            return
        try:
            self._waiting.append((cards, self.pool.submit(derive_pickled, cards)))
        except (BrokenProcessPool, RuntimeError, OSError) as exc:
            self._give_up(exc)

    def known(self, batch: list[ClientBundle]) -> list[ClientDerived | None]:
        """What was derived ahead for each bundle of *batch* whose input is exactly the one sent;
        None for the rest. Each result is handed out once (an identical card gets its own)."""
        self.flush()
        out: list[ClientDerived | None] = []
        for bundle in batch:
            key = (derivation_input(bundle.client), tuple(bundle.contacts))
            where = self._where.pop(key, None)
            while where is None and self._waiting:
                self._collect(*self._waiting.popleft())
                where = self._where.pop(key, None)
            out.append(None if where is None else self._result(*where))
        return out

    def _result(self, number: int, position: int) -> ClientDerived:
        found = self._open.get(number)
        if found is None:
            pickled = self._pickled[number]
            assert pickled is not None
            found = pickle.loads(pickled)  # noqa: S301 - our own worker's pickle
            if len(self._open) >= 2:  # the batches are written in about the order they were sent
                self._open.pop(next(iter(self._open)))
            self._open[number] = found
        return found[position]

    def _collect(self, cards: list[_Card], future: Future[bytes]) -> None:
        try:
            pickled = future.result()
        except (BrokenProcessPool, OSError, RuntimeError) as exc:  # derived when written, as without
            self._give_up(exc)
            return
        number = len(self._pickled)
        self._pickled.append(pickled)
        for position, card in enumerate(cards):
            self._where.setdefault(card, (number, position))

    def _give_up(self, exc: BaseException) -> None:
        if not self._broken:
            self._broken = True
            log.warning("no worker process to derive columns ahead, deriving them when written: %r", exc)


@contextmanager
def deriving_ahead(*, threshold: int = PROCESS_THRESHOLD) -> Iterator[Callable[[int], Ahead | None]]:
    """A starter of ``Ahead``: called with about how many cards will come, it starts a worker
    process from *threshold* on (None below it). The worker is shut down when the block ends; after
    an error or a cancel without waiting for the work in flight."""
    pools: list[ProcessPoolExecutor] = []

    def start(expected: int) -> Ahead | None:
        if expected < threshold:
            return None
        try:
            pools.append(_pool(_workers()))
        except (RuntimeError, OSError) as exc:
            log.warning("no worker process to derive columns ahead: %r", exc)
            return None
        return Ahead(pools[-1])

    finished = False
    try:
        yield start
        finished = True
    finally:
        for pool in pools:
            pool.shutdown(wait=finished, cancel_futures=True)


@contextmanager
def derived_batches(
    batches: Iterable[list[ClientBundle]],
    expected: int,
    *,
    threshold: int = PROCESS_THRESHOLD,
    ahead: Ahead | None = None,
) -> Iterator[Iterator[Derived]]:
    """The bundles of each batch with their derived columns, in order, computed ahead of the caller.

    *expected* is about how many bundles will come; from *threshold* on, worker processes do the
    deriving. With *ahead*, what it derived already is taken and its worker derives the rest.
    The caller may stop early (a cancel): work in flight is dropped.
    """
    if expected < threshold and ahead is None:
        with prefetched(_here(batch) for batch in batches) as ready:
            yield ready
        return
    workers = _workers()
    own = ahead is None
    pool = _pool(workers) if ahead is None else ahead.pool
    broken = threading.Event()

    def give_up(exc: BaseException) -> None:
        if not broken.is_set():
            broken.set()
            log.warning("no worker process for the derived columns, computing them here: %r", exc)

    def sent() -> Iterator[_Sent]:  # on the prefetch thread
        for batch in batches:
            known: list[ClientDerived | None] = ahead.known(batch) if ahead is not None else [None] * len(batch)
            rest = [(b.client, tuple(b.contacts)) for b, d in zip(batch, known, strict=True) if d is None]
            if not rest:
                yield batch, None, known
                continue
            if not broken.is_set():
                try:
                    yield batch, pool.submit(derive_all, rest), known
                    continue
                except (BrokenProcessPool, RuntimeError, OSError) as exc:
                    give_up(exc)
            yield batch, None, [d for _, d in _filled(batch, known, None)]  # derived here, on this thread

    def received(queued: Iterator[_Sent]) -> Iterator[Derived]:
        for batch, future, known in queued:
            if future is None:
                yield _filled(batch, known, None)
                continue
            try:
                found = future.result()
            except (BrokenProcessPool, OSError) as exc:
                give_up(exc)
                yield _filled(batch, known, None)  # only the few batches that were on their way
                continue
            yield _filled(batch, known, found)

    finished = False
    try:
        # at most workers + 1 batches wait in the queue, so memory stays bounded however long the load
        with prefetched(sent(), depth=workers + 1) as queued:
            yield received(queued)
        finished = True
    finally:
        # after an error or a cancel, do not wait for the batches the workers are still deriving
        if own:
            pool.shutdown(wait=finished, cancel_futures=True)


def _filled(batch: list[ClientBundle], known: list[ClientDerived | None], rest: list[ClientDerived] | None) -> Derived:
    """The batch with its derived columns: the known ones, then *rest* in order for the others
    (derived here when *rest* is None)."""
    others = iter(rest) if rest is not None else None
    out: Derived = []
    for bundle, derived in zip(batch, known, strict=True):
        if derived is None:
            derived = next(others) if others is not None else derive(bundle.client, bundle.contacts)
        out.append((bundle, derived))
    if others is not None and next(others, None) is not None:
        raise RuntimeError("a worker returned more derived cards than it was sent")
    return out
