"""What a worker process of a bulk load runs (see services/derivation.py).

It imports the domain only, so a worker starts without the database layer or Qt.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable
from typing import TypeVar

from salesdesk.domain.derived import ClientDerived, derive
from salesdesk.domain.model import ClientFields, ContactFields

R = TypeVar("R")


def start_worker() -> None:
    """The initializer of a worker process: see the two functions it calls."""
    ignore_interrupts()
    exit_with_parent()


def ignore_interrupts() -> None:
    """Ctrl+C is for the program, which cancels the load and shuts its workers down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def exit_with_parent() -> None:
    """Exit as soon as the program that started this worker is gone (``kill -9``, a crash).

    Otherwise the workers keep each other alive through the pipes of their queue and stay for
    minutes, with multiprocessing's resource tracker (which exits once they have). A thread waits
    on the parent's sentinel: the end of a pipe (a process handle on Windows) that only the parent
    holds, ready when the parent exits. Not Linux's PR_SET_PDEATHSIG: it fires when the *thread*
    that started the worker ends, and the pool starts its workers on a helper thread that ends
    before the last batches are derived.
    """
    parent = multiprocessing.parent_process()
    if parent is None:  # not started by multiprocessing
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)  # no clean-up to do: the work in flight was for a program that is gone

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def collection_paused(fn: Callable[..., R], *args: object) -> R:
    """*fn(*args)* with Python's cycle collector off, as the program runs its own share of a bulk
    load (services/common.py cycle_collection_paused): a block of rows builds tens of thousands of
    objects that live to its end, and each collection on the way walks them all (parsing a block
    took 15 % longer). The collector comes back on after; a cycle the block left is collected then."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return fn(*args)
    finally:
        if enabled:
            gc.enable()


def derive_all(cards: list[tuple[ClientFields, tuple[ContactFields, ...]]]) -> list[ClientDerived]:
    """The derived columns of one batch of cards, in order."""
    return [derive(client, contacts) for client, contacts in cards]
