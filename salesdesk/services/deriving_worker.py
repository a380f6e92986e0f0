"""What a worker process of a bulk load runs (see services/derivation.py).

It imports the domain only, so a worker starts without the database layer or Qt.
"""

from __future__ import annotations

import signal

from salesdesk.domain.derived import ClientDerived, derive
from salesdesk.domain.model import ClientFields, ContactFields


def ignore_interrupts() -> None:
    """Ctrl+C is for the program, which cancels the load and shuts its workers down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def derive_all(cards: list[tuple[ClientFields, tuple[ContactFields, ...]]]) -> list[ClientDerived]:
    """The derived columns of one batch of cards, in order."""
    return [derive(client, contacts) for client, contacts in cards]
