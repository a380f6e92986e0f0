"""Derived columns of many new cards at once (demo data, spreadsheet import), on another core.

``derive`` (completeness, search text, sort key, E.164) is pure Python and costs about as much as
everything else a bulk load does in this process together. Python threads share one core for
it, so for big loads the batches go to a worker process, while this process parses, matches and
writes the batches before them. Small loads, and any machine where a worker process cannot start,
derive on a helper thread as before: the result is the same either way, only the time differs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from salesdesk.domain.derived import ClientDerived, derive
from salesdesk.domain.model import ClientBundle, ClientFields, ContactFields
from salesdesk.services.common import prefetched

log = logging.getLogger(__name__)

PROCESS_THRESHOLD = 20_000  # fewer cards than this: starting a process (about a second) does not pay
Derived = list[tuple[ClientBundle, ClientDerived]]


def derive_all(cards: list[tuple[ClientFields, tuple[ContactFields, ...]]]) -> list[ClientDerived]:
    """What a worker process runs for one batch (module level, so that it can be sent there)."""
    return [derive(client, contacts) for client, contacts in cards]


def _here(batch: list[ClientBundle]) -> Derived:
    return [(b, derive(b.client, b.contacts)) for b in batch]


@contextmanager
def derived_batches(batches: Iterable[list[ClientBundle]], expected: int,
                    *, threshold: int = PROCESS_THRESHOLD) -> Iterator[Iterator[Derived]]:
    """The bundles of each batch with their derived columns, in order, computed ahead of the caller.

    *expected* is about how many bundles will come; from *threshold* on, a worker process does the
    deriving. The caller may stop early (a cancel): work in flight is dropped.
    """
    if expected < threshold:
        with prefetched(_here(batch) for batch in batches) as ready:
            yield ready
        return
    workers = max(1, min(4, (os.cpu_count() or 2) - 1))
    # "spawn" everywhere: forking a process that runs Qt and database threads is not safe
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def sent() -> Iterator[tuple[list[ClientBundle], Future[list[ClientDerived]] | None]]:
        for batch in batches:
            try:
                future = pool.submit(derive_all, [(b.client, tuple(b.contacts)) for b in batch])
            except (BrokenProcessPool, RuntimeError, OSError):
                future = None  # no worker: this batch is derived here
            yield batch, future

    def received(ready: Iterator[tuple[list[ClientBundle], Future[list[ClientDerived]] | None]]) -> Iterator[Derived]:
        for batch, future in ready:
            if future is None:
                yield _here(batch)
                continue
            try:
                found = future.result()
            except (BrokenProcessPool, OSError) as exc:
                log.warning("deriving in a worker process failed, deriving here: %s", exc)
                yield _here(batch)
                continue
            yield list(zip(batch, found, strict=True))

    try:
        # at most *depth* batches wait in the queue, so memory stays bounded however long the load
        with prefetched(sent(), depth=workers + 1) as queued:
            yield received(queued)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
