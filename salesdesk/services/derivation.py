"""Derived columns of many new cards at once (demo data, spreadsheet import), on another core.

``derive`` (completeness, search text, sort key, E.164) is pure Python and costs about as much as
everything else a bulk load does in this process together. Python threads share one core for
it, so for big loads the batches go to a worker process, while this process parses, matches and
writes the batches before them. Small loads derive on a helper thread, and so does a big one
whose worker cannot start or dies: the result is the same either way, only the time differs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TypeVar

from salesdesk.domain.derived import ClientDerived, derive
from salesdesk.domain.model import ClientBundle
from salesdesk.services.common import prefetched
from salesdesk.services.deriving_worker import collection_paused, derive_all, start_worker

log = logging.getLogger(__name__)

PROCESS_THRESHOLD = 20_000  # fewer cards than this: starting a process (about a second) does not pay
Derived = list[tuple[ClientBundle, ClientDerived]]
_Sent = tuple[list[ClientBundle], "Future[list[ClientDerived]] | None", Derived | None]
T = TypeVar("T")
R = TypeVar("R")


def _here(batch: list[ClientBundle]) -> Derived:
    return [(b, derive(b.client, b.contacts)) for b in batch]


def _workers() -> int:
    """One writer takes the batches in order, so more than two workers would only wait."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 2)
    return max(1, min(2, cpus - 1))


class Workers:
    """The worker processes of one bulk load, or none (a small load, or no process could start).

    ``run`` hands them a function call and returns its future; None means "do it here": there is
    no pool, or it broke (a worker killed, a process that cannot start), after which nothing more
    is sent. The work is the same either way, only where it runs differs.
    """

    def __init__(self, processes: bool) -> None:
        self.count = _workers() if processes else 0
        self._broken = threading.Event()
        self._pool: ProcessPoolExecutor | None = None
        if processes:
            # "spawn" everywhere: forking a process that runs Qt and database threads is not safe
            self._pool = ProcessPoolExecutor(
                max_workers=self.count, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker
            )

    def run(self, fn: Callable[..., T], *args: object) -> Future[T] | None:
        if self._pool is None or self._broken.is_set():
            return None
        try:
            return self._pool.submit(collection_paused, fn, *args)
        except (BrokenProcessPool, RuntimeError, OSError) as exc:
            self.give_up(exc)
            return None

    def give_up(self, exc: BaseException) -> None:
        if not self._broken.is_set():
            self._broken.set()
            log.warning("no worker process for the bulk load, working here: %r", exc)

    def close(self, wait: bool) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)


@contextmanager
def bulk_workers(expected: int, *, threshold: int | None = None) -> Iterator[Workers]:
    """Worker processes for a load of about *expected* cards or rows: from *threshold* on
    (``PROCESS_THRESHOLD`` unless given), none below it.

    Leaving the block after an error or a cancel does not wait for the work still in flight.
    """
    workers = Workers(expected >= (PROCESS_THRESHOLD if threshold is None else threshold))
    finished = False
    try:
        yield workers
        finished = True
    finally:
        workers.close(wait=finished)


def in_blocks(workers: Workers, fn: Callable[..., list[R]], blocks: Iterable[tuple[object, ...]]) -> Iterator[R]:
    """``fn(*block)`` of every block, in order. With worker processes, all blocks but every
    (workers + 1)-th are sent to them at once and this process does the rest meanwhile, so every
    core has a share; without, all are done here."""
    share = workers.count + 1
    sent: list[tuple[tuple[object, ...], Future[list[R]] | None] | None] = [
        (block, workers.run(fn, *block) if n % share else None) for n, block in enumerate(blocks)
    ]
    for n, entry in enumerate(sent):
        assert entry is not None
        block, future = entry
        sent[n] = None  # a block goes once it is done (the caller may have handed it over)
        if future is not None:
            try:
                yield from future.result()
                continue
            except (BrokenProcessPool, OSError) as exc:
                workers.give_up(exc)
        yield from fn(*block)


@contextmanager
def derived_batches(
    batches: Iterable[list[ClientBundle]],
    expected: int,
    *,
    threshold: int | None = None,
    workers: Workers | None = None,
) -> Iterator[Iterator[Derived]]:
    """The bundles of each batch with their derived columns, in order, computed ahead of the caller.

    *expected* is about how many bundles will come; from *threshold* on, worker processes do the
    deriving: the caller's *workers* if it has them, else ones started here. The caller may stop
    early (a cancel): work in flight is dropped.
    """
    if workers is None:
        with bulk_workers(expected, threshold=threshold) as own:
            with derived_batches(batches, expected, workers=own) as ready:
                yield ready
        return
    if not workers.count:
        with prefetched(_here(batch) for batch in batches) as ready:
            yield ready
        return

    def sent() -> Iterator[_Sent]:  # on the prefetch thread
        for batch in batches:
            future = workers.run(derive_all, [(b.client, tuple(b.contacts)) for b in batch])
            yield batch, future, None if future is not None else _here(batch)

    def received(queued: Iterator[_Sent]) -> Iterator[Derived]:
        for batch, future, done in queued:
            if future is None:
                assert done is not None
                yield done
                continue
            try:
                found = future.result()
            except (BrokenProcessPool, OSError) as exc:
                workers.give_up(exc)
                yield _here(batch)  # only the few batches that were on their way
                continue
            yield list(zip(batch, found, strict=True))

    # at most workers + 1 batches wait in the queue, so memory stays bounded however long the load
    with prefetched(sent(), depth=workers.count + 1) as queued:
        yield received(queued)
