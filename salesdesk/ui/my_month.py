"""The "my month" panel (issue 16): in the status bar, the seat's manager sees their month at a
glance — "62 % of plan · 9 days left · 3 deals in proposal" — with a thin bar of the plan done.
A click opens the Plan and fact report. It reads on a worker and follows the change bus (a deal, a
plan, the whole base, the managers); "who I am" changing calls ``refresh``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QWidget

from salesdesk.domain.changes import Changes
from salesdesk.domain.model import Money
from salesdesk.domain.numbers import money_text
from salesdesk.services import plans
from salesdesk.services.plans import MyMonth
from salesdesk.ui.operations import Operations
from salesdesk.ui.workers import Latest


class MyMonthPanel(QFrame):
    open_requested = Signal()  # show the Plan and fact report

    def __init__(
        self,
        operations: Operations,
        current_manager: Callable[[], int | None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MyMonth")
        self.ops = operations
        self.current_manager = current_manager
        self.today = today
        self._latest = Latest(operations.runner)
        self.shown: MyMonth | None = None
        self.busy = False
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(80)
        self.bar.setFixedHeight(8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 8, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()
        self.ops.bus.changed.connect(self._on_changes)

    def refresh(self) -> None:
        manager = self.current_manager()
        if manager is None:
            self.shown = None
            self.hide()
            return
        uow, today = self.ops.uow, self.today()
        self.busy = True
        self.ops.read_slow(
            lambda: plans.my_month(uow(), manager, today),
            self._show,
            on_failure=self._stop,
            latest=self._latest,
        )

    def _stop(self) -> None:
        self.busy = False

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.deals or changes.ids("plan") or changes.whole_base or changes.ids("manager") or changes.clients:
            self.refresh()

    def _show(self, mine: MyMonth) -> None:
        self.busy = False
        self.shown = mine
        parts = []
        first = mine.standings[0] if mine.standings else None
        if first is None or first.plan_minor is None:
            parts.append(self.tr("My month: no plan"))
            self.bar.hide()
        elif first.percent is None:
            parts.append(self.tr("My month: plan is 0"))
            self.bar.hide()
        else:
            parts.append(self.tr("My month: %1 % of plan").replace("%1", str(first.percent)))
            self.bar.setValue(min(first.percent, 100))
            self.bar.show()
        parts.append(self.tr("%n day(s) left", "", mine.days_left))
        if mine.in_proposal:
            parts.append(self.tr("%n deal(s) in proposal", "", mine.in_proposal))
        self.label.setText(" · ".join(parts))
        self.setToolTip(self._details(mine))
        self.show()

    def _details(self, mine: MyMonth) -> str:
        lines = []
        for s in mine.standings:
            plan = (
                self.tr("no plan") if s.plan_minor is None else money_text(Money.from_minor(s.plan_minor, s.currency))
            )
            lines.append(
                self.tr("Plan %1 · won %2 · forecast %3")
                .replace("%1", plan)
                .replace("%2", money_text(Money.from_minor(s.won_minor, s.currency)))
                .replace("%3", money_text(Money.from_minor(s.forecast_minor, s.currency)))
            )
        if mine.standings and mine.cycle_days is not None:
            # the head sees the same rule in Plan and fact's notes; the panel names the cycle used
            lines.append(
                self.tr(
                    "Forecast: open deals by stage, as far as they can close before the month ends "
                    "(sales cycle %n day(s))",
                    "",
                    mine.cycle_days,
                )
            )
        lines.append(self.tr("Click to open Plan and fact"))
        return "\n".join(lines)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit()
        super().mousePressEvent(event)
