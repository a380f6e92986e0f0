"""Plans and hooks in the window (issue 16): the Plan and fact report with its Sales plans dialog,
the Hooks report's parameters, and the "my month" panel in the status bar following the change bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.model import DealFields, DealStage, ManagerFields, Money, ReminderFields, Role
from salesdesk.domain.plans import month
from salesdesk.services import deals, permissions, plans, reference, reminders
from salesdesk.store import Database, UnitOfWork
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.operations import Operations
from salesdesk.ui.plans_dialog import PlansDialog
from salesdesk.ui.reports_panel import SORT_ROLE, Preset, ReportsPanel
from salesdesk.ui.settings import Settings

Window = Callable[[], MainWindow]


def _office(database: Database, settings: Settings, *, head: bool = True) -> dict[str, int]:
    uow = lambda: UnitOfWork(database)  # noqa: E731
    ids = {name: reference.create_manager(uow(), ManagerFields(name=name)).id for name in ("Анна", "Борис")}
    permissions.set_role(uow(), ids["Анна"], Role.HEAD)
    settings.current_manager_id = ids["Анна" if head else "Борис"]
    return ids


def _won(database: Database | Callable[[], UnitOfWork], client: int, owner: int, amount: str, day: date) -> None:
    fields = DealFields(
        title="Поставка", amount=Money.of(amount), stage=DealStage.WON, opened_on=day, closed_on=day, owner_id=owner
    )
    uow = database() if callable(database) else UnitOfWork(database)
    deals.add_deal(uow, client, fields)


def _wait(qtbot: QtBot, panel: ReportsPanel, name: str) -> None:
    qtbot.waitUntil(
        lambda: (
            not panel.busy and panel.report is not None and panel.report.name == name and not panel._timer.isActive()
        ),
        timeout=10_000,
    )


def _row(panel: ReportsPanel, name: str) -> int:
    return next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == name)


def test_plan_and_fact_with_plans_set_in_the_dialog(
    qtbot: QtBot, make_window: Window, database: Database, settings: Settings, add_client: Callable[..., int]
) -> None:
    ids = _office(database, settings)
    today = date.today()
    head = UnitOfWork(database, actor=Actor(ids["Анна"], Via.WINDOW))
    plans.set_plan(head, ids["Анна"], month(today.year, today.month), Decimal("1000"))
    client = add_client("ООО «Ромашка»")
    _won(database, client, ids["Анна"], "600", today)
    _won(database, client, ids["Борис"], "50", today)
    window = make_window()
    window.open_report("plan_fact")
    panel = window.reports_panel
    assert panel is not None
    assert panel.preset.currentData() == Preset.THIS_MONTH  # plans are monthly: the first look is this month
    assert panel.plans_button.isVisibleTo(panel) and not panel.params.groups["deal_days"].isVisibleTo(panel)
    _wait(qtbot, panel, "plan_fact")
    anna = _row(panel, "Анна")
    assert panel.model.index(anna, 2).data(SORT_ROLE) == Decimal("1000.00")
    assert panel.model.index(anna, 5).data() == panel.model.text(Decimal("60.0"), panel.report.columns[5].kind)  # type: ignore[union-attr]
    boris = _row(panel, "Борис")
    assert panel.model.index(boris, 2).data() == "—" and panel.model.index(boris, 8).data() == "no plan"

    # the window's units of work act as the seat's head (as gui.run_gui makes them)
    as_head = Operations(
        window.operations.bus.watching(lambda: UnitOfWork(database, actor=Actor(ids["Анна"], Via.WINDOW))),
        window.runner,
        window.notice.show_message,
        window,
        bus=window.operations.bus,
    )
    dialog = PlansDialog(as_head, window, current_year=today.year)
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled() is False
    grid = dialog.model
    row = next(r for r in range(grid.rowCount()) if grid.headerData(r, Qt.Orientation.Vertical) == "Борис")
    cell = grid.index(row, today.month - 1)
    assert grid.data(cell) == ""
    grid.setData(cell, "много")
    assert not dialog.save_button.isEnabled() and "Not an amount: много" in dialog.message.text()
    grid.setData(cell, "1 000,50")
    assert dialog.save_button.isEnabled() and not dialog.message.isVisible()
    anna_cell = grid.index(next(r for r in range(grid.rowCount()) if r != row), today.month - 1)
    assert grid.data(anna_cell) == "1,000"  # whole amounts without kopecks
    dialog.accept()
    assert dialog.result() == PlansDialog.DialogCode.Accepted
    # the commit reached the report through the change bus: Борис has a plan now
    qtbot.waitUntil(
        lambda: not panel.busy and panel.model.index(_row(panel, "Борис"), 2).data(SORT_ROLE) == Decimal("1000.50"),
        timeout=10_000,
    )
    assert [p.amount_minor for p in plans.list_plans(UnitOfWork(database)) if p.manager_name == "Борис"] == [100_050]


def test_a_manager_who_is_not_a_head_sees_the_plans_read_only(
    qtbot: QtBot, make_window: Window, database: Database, settings: Settings
) -> None:
    _office(database, settings, head=False)
    window = make_window()
    as_boris = Operations(
        lambda: UnitOfWork(database, actor=Actor(settings.current_manager_id, Via.WINDOW)),
        window.runner,
        window.notice.show_message,
        window,
        bus=window.operations.bus,
    )
    dialog = PlansDialog(as_boris, window, current_year=2026)
    qtbot.addWidget(dialog)
    cell = dialog.model.index(0, 0)
    assert not (dialog.model.flags(cell) & Qt.ItemFlag.ItemIsEditable)
    assert "Only a head (Анна) sets the plans." in dialog.note.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.model.setData(cell, "5")  # nothing typed where nothing may be set
    dialog.quarters_button.click()
    assert dialog.model.columnCount() == 5 and dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Q1"


def test_my_month_in_the_status_bar_follows_the_deals(
    qtbot: QtBot, make_window: Window, database: Database, settings: Settings, add_client: Callable[..., int]
) -> None:
    ids = _office(database, settings)
    today = date.today()
    plans.set_plan(
        UnitOfWork(database, actor=Actor(ids["Анна"], Via.WINDOW)),
        ids["Анна"],
        month(today.year, today.month),
        Decimal("1000"),
    )
    client = add_client("ООО «Ромашка»")
    _won(database, client, ids["Анна"], "600", today)
    deals.add_deal(
        UnitOfWork(database),
        client,
        DealFields(title="Ещё", amount=Money.of("10"), stage=DealStage.PROPOSAL, opened_on=today, owner_id=ids["Анна"]),
    )
    window = make_window()
    panel = window.my_month
    qtbot.waitUntil(lambda: panel.shown is not None and not panel.busy, timeout=10_000)
    assert panel.isVisible()
    left = (date(today.year + today.month // 12, today.month % 12 + 1, 1) - timedelta(days=1) - today).days
    # (the English plural forms come from the .qm the program installs; tests run without it)
    assert panel.label.text().replace("(s)", "s").replace("1 deals", "1 deal").replace("1 days", "1 day") == (
        f"My month: 60 % of plan · {left} day{'' if left == 1 else 's'} left · 1 deal in proposal"
    )
    assert panel.bar.value() == 60
    # the tip names the sales cycle the forecast used: the default, as only one deal was won
    assert "(sales cycle 60 day" in panel.toolTip()
    # a deal won in the window (through the bus) moves the panel
    window.operations.run(lambda: _won(window.operations.uow, client, ids["Анна"], "100", today))
    qtbot.waitUntil(lambda: panel.label.text().startswith("My month: 70 % of plan"), timeout=10_000)
    with qtbot.waitSignal(window.tabs.currentChanged, timeout=5000):
        qtbot.mouseClick(panel, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.reports_page
    reports_panel = window.reports_panel
    assert reports_panel is not None
    _wait(qtbot, reports_panel, "plan_fact")


def test_hooks_report_and_its_days_in_the_window(
    qtbot: QtBot, make_window: Window, database: Database, settings: Settings, add_client: Callable[..., int]
) -> None:
    ids = _office(database, settings)
    client = add_client("ООО «Ромашка»")
    now = datetime.now(UTC) - timedelta(days=20)
    added = reminders.add_reminder(
        UnitOfWork(database), client, ReminderFields(due_at=now, text="Выслать новый прайс", manager_id=ids["Анна"])
    )
    reminders.complete_reminder(UnitOfWork(database), added.id, now=now)
    _won(database, client, ids["Анна"], "500", (now + timedelta(days=5)).astimezone().date())
    window = make_window()
    window.open_report("hooks")
    panel = window.reports_panel
    assert panel is not None
    assert panel.params.groups["deal_days"].isVisibleTo(panel) and not panel.plans_button.isVisibleTo(panel)
    panel.preset.setCurrentIndex(panel.preset.findData(Preset.LAST_12_MONTHS))
    _wait(qtbot, panel, "hooks")
    assert panel.model.index(0, 0).data() == "Price list"
    assert panel.model.index(0, 7).data(SORT_ROLE) == Decimal("500.00")
    panel.params.deal_days.setValue(3)  # the deal came 5 days after: no longer counted
    qtbot.waitUntil(
        lambda: (
            not panel.busy
            and panel.report is not None
            and panel.report.columns[5].title == "Won deal ≤ 3 d"
            and panel.model.index(0, 7).data(SORT_ROLE) == Decimal("0.00")
        ),
        timeout=10_000,
    )
