"""The Reports tab's page: it builds the Reports panel when first opened (its charts module is
heavy to load) and shows the report asked for from the Reports menu with one computation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from salesdesk.ui.operations import Operations
from salesdesk.ui.reference_lists import ReferenceLists
from salesdesk.ui.workers import Runner

if TYPE_CHECKING:
    from salesdesk.ui.prospects_dialog import ProspectsDialog
    from salesdesk.ui.reports_panel import ReportsPanel


class ReportsPage(QWidget):
    def __init__(
        self,
        runner: Runner,
        operations: Operations,
        reference: ReferenceLists,
        *,
        owner: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__()
        self._runner, self._ops, self._reference = runner, operations, reference
        self._owner = owner  # the seat's manager: prospects found in the register become theirs
        self.prospects_dialog: ProspectsDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # below the reports: the prospect finder over a register file of the tax service (issue 16)
        self.prospects_button = QPushButton(self.tr("Find prospects in the tax register…"))
        self.prospects_button.clicked.connect(self.find_prospects)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 0, 6, 6)
        bar.addWidget(self.prospects_button)
        bar.addStretch(1)
        layout.addLayout(bar)
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
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, self.panel, 1)
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

    @Slot()
    def find_prospects(self) -> None:
        from salesdesk.ui.prospects_dialog import ProspectsDialog

        # one dialog, kept (with the last file and search) while the window lives
        if self.prospects_dialog is None:
            self.prospects_dialog = ProspectsDialog(self._ops, self._owner, self)
        self.prospects_dialog.exec()
