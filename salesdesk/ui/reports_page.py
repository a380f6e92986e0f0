"""The Reports tab's page: it builds the Reports panel when first opened (its charts module is
heavy to load) and shows the report asked for from the Reports menu with one computation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from salesdesk.ui.operations import Operations
from salesdesk.ui.reference_lists import ReferenceLists
from salesdesk.ui.workers import Runner

if TYPE_CHECKING:
    from salesdesk.ui.reports_panel import ReportsPanel


class ReportsPage(QWidget):
    def __init__(self, runner: Runner, operations: Operations, reference: ReferenceLists) -> None:
        super().__init__()
        self._runner, self._ops, self._reference = runner, operations, reference
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel: ReportsPanel | None = None
        self._asked: str | None = None  # asked from the menu before the tab was open

    def build(self) -> ReportsPanel:
        if self.panel is None:
            from salesdesk.ui.reports_panel import ReportsPanel

            # it subscribes to the change bus itself; the reference lists bring it the managers
            self.panel = ReportsPanel(self._ops.uow, self._runner, operations=self._ops)
            self.panel.set_reference(self._reference.industries, self._reference.managers)
            self._reference.changed.connect(self.panel.set_reference)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self.panel)
        return self.panel

    def ask(self, name: str, *, open_now: bool) -> None:
        """Report *name* is wanted: at once if the tab is open, else as it opens (one computation)."""
        if open_now:
            self.build().select(name)
        else:
            self._asked = name

    def opened(self) -> None:
        """The tab was chosen: build the panel the first time, show what the menu asked for."""
        asked, self._asked = self._asked, None
        if self.panel is None:
            panel = self.build()
            if asked is None:
                panel.start()
        if asked is not None:
            assert self.panel is not None
            self.panel.select(asked)
