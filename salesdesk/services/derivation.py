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
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from salesdesk.domain.derived import ClientDerived, derive
from salesdesk.domain.model import ClientBundle
from salesdesk.services.common import prefetched
from salesdesk.services.deriving_worker import derive_all, start_worker

log = logging.getLogger(__name__)

PROCESS_THRESHOLD = 20_000  # fewer cards than this: starting a process (about a second) does not pay
Derived = list[tuple[ClientBundle, ClientDerived]]
_Sent = tuple[list[ClientBundle], "Future[list[ClientDerived]] | None", Derived | None]


def _here(batch: list[ClientBundle]) -> Derived:
    return [(b, derive(b.client, b.contacts)) for b in batch]


def _workers() -> int:
    """One writer takes the batches in order, so more than two workers would only wait."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 2)
    return max(1, min(2, cpus - 1))


@contextmanager
def derived_batches(
    batches: Iterable[list[ClientBundle]], expected: int, *, threshold: int = PROCESS_THRESHOLD
) -> Iterator[Iterator[Derived]]:
    """The bundles of each batch with their derived columns, in order, computed ahead of the caller.

    *expected* is about how many bundles will come; from *threshold* on, worker processes do the
    deriving. The caller may stop early (a cancel): work in flight is dropped.
    """
    if expected < threshold:
        with prefetched(_here(batch) for batch in batches) as ready:
            yield ready
        return
    workers = _workers()
    # "spawn" everywhere: forking a process that runs Qt and database threads is not safe
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker
    )
    broken = threading.Event()

    def give_up(exc: BaseException) -> None:
        if not broken.is_set():
            broken.set()
            log.warning("no worker process for the derived columns, computing them here: %r", exc)

    def sent() -> Iterator[_Sent]:  # on the prefetch thread
        for batch in batches:
            if not broken.is_set():
                try:
                    yield batch, pool.submit(derive_all, [(b.client, tuple(b.contacts)) for b in batch]), None
                    continue
                except (BrokenProcessPool, RuntimeError, OSError) as exc:
                    give_up(exc)
            yield batch, None, _here(batch)

    def received(queued: Iterator[_Sent]) -> Iterator[Derived]:
        for batch, future, done in queued:
            if future is None:
                assert done is not None
                yield done
                continue
            try:
                found = future.result()
            except (BrokenProcessPool, OSError) as exc:
                give_up(exc)
                yield _here(batch)  # only the few batches that were on their way
                continue
            yield list(zip(batch, found, strict=True))

    finished = False
    try:
        # at most workers + 1 batches wait in the queue, so memory stays bounded however long the load
        with prefetched(sent(), depth=workers + 1) as queued:
            yield received(queued)
        finished = True
    finally:
        # after an error or a cancel, do not wait for the batches the workers are still deriving
        pool.shutdown(wait=finished, cancel_futures=True)
