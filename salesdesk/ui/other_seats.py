"""The window hears the other seats of a server base (issue 14): what another manager commits
reaches this window's change bus, and every list, card, panel and report refreshes from it exactly
as after a change made here.

``OtherSeats.start()`` begins hearing the base the window's unit-of-work factory opens now (on
SQLite nothing starts: one seat); ``stop()`` ends it, its thread and connection, when the window
closes or before the base is switched (File → Open the demo base and back start it again).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from salesdesk.services import change_feed
from salesdesk.ui.operations import Operations


class OtherSeats(QObject):
    def __init__(self, operations: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self._following: change_feed.Following | None = None

    @property
    def following(self) -> bool:
        """True while this window hears another seat's changes (a server base)."""
        return self._following is not None and self._following.running

    def start(self) -> bool:
        """Hear the other seats of the base open now (again after a switch); True on a server base.
        The bus takes what arrives on the listener's thread to the GUI thread."""
        self.stop()
        self._following = change_feed.follow_other_seats(self.operations.uow, self.operations.bus.publish)
        return self._following is not None

    def stop(self) -> None:
        following, self._following = self._following, None
        if following is not None:
            following.stop()
