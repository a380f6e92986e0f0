"""Other seats' changes, for a window that wants to hear them (issue 14: seats see each other).

On a PostgreSQL base several seats work at once; what one commits is sent to the others
(``store/notify.py``). :func:`follow_other_seats` starts hearing it for the base a unit-of-work
factory opens and hands each change set, as the same ``Change`` records a local commit gives, to
*deliver* (with ``OTHER_SEAT`` added, so a card being edited knows the news is not its own) — on a
background thread: the window's change bus takes it to the GUI thread. On a
SQLite base there is nobody else and it returns None.
"""

from __future__ import annotations

from collections.abc import Callable

from salesdesk.domain.changes import OTHER_SEAT, Change
from salesdesk.services.common import UowFactory
from salesdesk.store.notify import ChangeListener, tells_other_seats

Deliver = Callable[[tuple[Change, ...]], None]


class Following:
    """Hearing the other seats of one base; ``stop()`` ends it (its thread and connection)."""

    def __init__(self, listener: ChangeListener) -> None:
        self._listener = listener

    @property
    def running(self) -> bool:
        return self._listener.running

    def stop(self) -> None:
        self._listener.stop()


def follow_other_seats(
    uow: UowFactory, deliver: Deliver, *, connected: Callable[[], object] | None = None
) -> Following | None:
    """Start hearing what the other seats of *uow*'s base commit; None on a single-seat base.
    *connected* is called (on the listener's thread) each time it listens (tests wait for it)."""
    database = uow().database  # making a unit of work opens nothing
    if not tells_other_seats(database):
        return None
    listener = ChangeListener(database, lambda records: deliver((*records, OTHER_SEAT)), connected=connected)
    listener.start()
    return Following(listener)
