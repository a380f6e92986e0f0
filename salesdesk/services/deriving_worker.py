"""What a worker process of a bulk load runs (see services/derivation.py).

It imports the domain only, so a worker starts without the database layer or Qt.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

from salesdesk.domain.derived import ClientDerived, derive
from salesdesk.domain.model import ClientFields, ContactFields
from salesdesk.processes import exit_with_parent, ignore_interrupts

R = TypeVar("R")


def start_worker() -> None:
    """The initializer of a worker process: see the two functions it calls."""
    ignore_interrupts()
    exit_with_parent()


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
