"""The Calendar tab in the real window: what it shows, "mine / all managers", dragging a
reminder to another day (saved through the service, every view follows the change bus), a
double-click that opens the client, and "Export to calendar (.ics)…" (never a real dialog)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ManagerFields, ReminderFields
from salesdesk.services import reference, reminders
from salesdesk.services.calendar import EventKind
from salesdesk.store import UnitOfWork
from salesdesk.ui.calendar_page import CalendarFile, CalendarPage, Span
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from tests.unit.test_ical import parse_ics

Window = Callable[[], MainWindow]
Uow = Callable[[], UnitOfWork]
TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


@pytest.fixture
def office(uow: Uow, add_client: Callable[..., int]) -> dict[str, int]:
    anna = reference.create_manager(uow(), ManagerFields(name="Иванова Анна")).id
    oleg = reference.create_manager(uow(), ManagerFields(name="Петров Олег")).id
    romashka = add_client("ООО «Ромашка»", owner_id=anna)
    elka = add_client("ООО «Ёлка»", owner_id=oleg)
    mine = reminders.add_reminder(uow(), romashka, ReminderFields(due_at=at(TODAY, 10), text="Выставить счёт")).id
    theirs = reminders.add_reminder(uow(), elka, ReminderFields(due_at=at(TODAY, 11), text="Позвонить")).id
    return {"anna": anna, "oleg": oleg, "romashka": romashka, "elka": elka, "mine": mine, "theirs": theirs}


def open_calendar(qtbot: QtBot, window: MainWindow) -> CalendarPage:
    page = window.calendar_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    page.grid.resize(980, 620)
    return page


def shown(page: CalendarPage) -> dict[tuple[EventKind, int], date]:
    return {(e.kind, e.ident): e.day for e in page.grid.events.get(TODAY, []) + page.grid.events.get(TOMORROW, [])}


def test_the_tab_shows_the_month_and_each_view(qtbot: QtBot, make_window: Window, office: dict[str, int]) -> None:
    window = make_window()
    page = open_calendar(qtbot, window)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Calendar"
    assert shown(page) == {(EventKind.REMINDER, office["mine"]): TODAY, (EventKind.REMINDER, office["theirs"]): TODAY}
    chip = page.grid.chip_of(EventKind.REMINDER, office["mine"])
    assert chip is not None and "ООО «Ромашка»" in chip.text and "Выставить счёт" in chip.text
    assert "Иванова Анна" in page.legend.text() and "Петров Олег" in page.legend.text()
    page.week_button.click()
    qtbot.waitUntil(lambda: page.grid.span is Span.WEEK and len(page.grid.cells) == 7)
    page.day_button.click()
    qtbot.waitUntil(lambda: len(page.grid.cells) == 1 and page.grid.cells[0].day == TODAY)
    page.next_button.click()
    qtbot.waitUntil(lambda: page.grid.cells[0].day == TOMORROW and not page.grid.chips)


def test_mine_and_all_managers(qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int]) -> None:
    settings.current_manager_id = office["oleg"]
    window = make_window()
    page = open_calendar(qtbot, window)
    page.mine_button.click()
    qtbot.waitUntil(lambda: set(shown(page)) == {(EventKind.REMINDER, office["theirs"])})
    page.all_button.click()
    qtbot.waitUntil(lambda: len(shown(page)) == 2)


def test_who_sits_here_changed_while_the_tab_was_hidden(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int]
) -> None:
    window = make_window()
    page = open_calendar(qtbot, window)
    assert len(shown(page)) == 2 and not page.mine_button.isEnabled()
    window.tabs.setCurrentIndex(0)
    settings.current_manager_id = office["anna"]  # chosen in Settings meanwhile
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: set(shown(page)) == {(EventKind.REMINDER, office["mine"])})
    assert page.mine_button.isEnabled() and page.mine_button.isChecked()


def test_dragging_a_reminder_to_another_day_reschedules_it(
    qtbot: QtBot, make_window: Window, uow: Uow, office: dict[str, int]
) -> None:
    window = make_window()
    page = open_calendar(qtbot, window)
    grid = page.grid
    chip = grid.chip_of(EventKind.REMINDER, office["mine"])
    target = next(c for c in grid.cells if c.day == TOMORROW)
    assert chip is not None
    start, end = chip.rect.center(), target.rect.center()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, start + QPoint(12, 4))
    qtbot.mouseMove(grid, end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: shown(page).get((EventKind.REMINDER, office["mine"])) == TOMORROW, timeout=5000)
    moved = reminders.get_reminder(uow(), office["mine"])
    assert moved.due_at == at(TOMORROW, 10)  # the same time of day
    assert reminders.get_reminder(uow(), office["theirs"]).due_at == at(TODAY, 11)  # the other stays
    # the reminders panel heard of it through the change bus
    qtbot.waitUntil(
        lambda: (
            window.reminders.agenda is not None
            and any(r.id == office["mine"] and r.due_at == at(TOMORROW, 10) for r in window.reminders.agenda.all)
        )
    )


def test_a_stale_drag_is_refused_with_a_message(
    qtbot: QtBot, make_window: Window, uow: Uow, office: dict[str, int]
) -> None:
    window = make_window()
    page = open_calendar(qtbot, window)
    event = next(e for e in page.shown if e.ident == office["mine"])
    current = reminders.get_reminder(uow(), office["mine"])  # someone else edits it meanwhile
    reminders.update_reminder(
        uow(), office["mine"], current.version, ReminderFields(due_at=at(TODAY, 15), text=current.text)
    )
    page.reschedule(event, TOMORROW)
    assert reminders.get_reminder(uow(), office["mine"]).due_at == at(TODAY, 15)  # their edit kept
    assert page.notice.isVisible() and page.notice.label.text()  # in sight, on the calendar itself
    qtbot.waitUntil(lambda: shown(page).get((EventKind.REMINDER, office["mine"])) == TODAY)


def test_double_click_opens_the_client(qtbot: QtBot, make_window: Window, office: dict[str, int]) -> None:
    window = make_window()
    page = open_calendar(qtbot, window)
    chip = page.grid.chip_of(EventKind.REMINDER, office["theirs"])
    assert chip is not None
    qtbot.mouseDClick(page.grid, Qt.MouseButton.LeftButton, pos=chip.rect.center())
    qtbot.waitUntil(lambda: window.card.client_id == office["elka"], timeout=5000)
    assert window.tabs.currentIndex() == 0


def test_export_button_writes_an_ics(
    qtbot: QtBot, make_window: Window, office: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "my.ics"
    monkeypatch.setattr(CalendarFile, "ask", classmethod(lambda cls, parent: target))
    window = make_window()
    page = open_calendar(qtbot, window)
    page.export_button.click()
    qtbot.waitUntil(target.exists, timeout=5000)
    qtbot.waitUntil(lambda: "my.ics" in page.notice.label.text(), timeout=5000)  # said once it is written
    uids = {e["UID"] for e in parse_ics(target.read_bytes())}
    assert {f"reminder-{office['mine']}@salesdesk", f"reminder-{office['theirs']}@salesdesk"} <= uids
