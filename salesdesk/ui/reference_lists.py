"""The office's reference lists (industries, managers) as the window last read them.

One object reads them — at start, and when the change bus says an industry or a manager changed —
and tells every widget that offers them (the client filters, the Deals tab's filters, the Reports
tab's manager choice, the card's combos) by its ``changed`` signal. Only the list that changed is
read again; each widget keeps its own choice if it is still there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from salesdesk.domain.changes import Changes
from salesdesk.domain.model import Industry, Manager
from salesdesk.services import reference
from salesdesk.ui.operations import Operations


class ReferenceLists(QObject):
    changed = Signal(list, list)  # industries, managers

    def __init__(self, operations: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = operations
        self.industries: list[Industry] = []
        self.managers: list[Manager] = []
        operations.bus.changed.connect(self._on_changes)

    def reload(self, which: frozenset[str] = frozenset({"industry", "manager"})) -> None:
        """Read the lists named in *which* ("industry", "manager"); a store error goes to the notice bar."""
        uow = self.ops.uow

        def read() -> tuple[list[Industry] | None, list[Manager] | None]:
            return (
                reference.list_industries(uow()) if "industry" in which else None,
                reference.list_managers(uow()) if "manager" in which else None,
            )

        self.ops.read(read, self._set)

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.reference:
            self.reload(changes.reference)

    def _set(self, lists: tuple[list[Industry] | None, list[Manager] | None]) -> None:
        industries, managers = lists
        if industries is not None:
            self.industries = industries
        if managers is not None:
            self.managers = managers
        self.changed.emit(self.industries, self.managers)
