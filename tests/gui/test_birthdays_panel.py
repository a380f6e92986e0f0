"""The Birthdays group of the reminders panel, the automatic birthday reminder it has made, and the
setting in the Settings dialog (off by default)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ContactFields
from salesdesk.services import contacts, reminders
from salesdesk.store import UnitOfWork
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from salesdesk.ui.settings_dialog import SettingsDialog

Uow = Callable[[], UnitOfWork]


def group_rows(window: MainWindow, title: str) -> list[list[str]]:
    model = window.reminders.model
    for group in range(model.rowCount()):
        header = model.item(group, 0)
        if header.text().startswith(title):
            return [[header.child(r, c).text() for c in range(3)] for r in range(header.rowCount())]
    return []


def born_today(years: int) -> date:
    today = date.today()
    return today.replace(year=today.year - years) if (today.month, today.day) != (2, 29) else date(1984, 2, 29)


def test_the_panel_lists_this_weeks_birthdays_and_opens_the_client(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Uow, add_client: Callable[..., int]
) -> None:
    romashka = add_client("ООО «Ромашка»")
    birth = born_today(40)
    contacts.add_contact(uow(), romashka, ContactFields(full_name="Иванов Иван", birth_date=birth))
    later = date.today() + timedelta(days=3)
    contacts.add_contact(uow(), romashka, ContactFields(full_name="Петрова Ольга", birth_date=later.replace(year=1990)))
    contacts.add_contact(
        uow(), romashka, ContactFields(full_name="Нескоро", birth_date=date.today() - timedelta(days=2))
    )
    window = make_window()
    qtbot.waitUntil(lambda: bool(group_rows(window, "Birthdays")), timeout=5000)
    rows = group_rows(window, "Birthdays")
    turned = date.today().year - birth.year
    assert rows[0] == ["Today", "ООО «Ромашка»", f"Иванов Иван turns {turned}"]
    assert rows[1][2] == f"Петрова Ольга turns {later.year - 1990}" and len(rows) == 2
    assert not window.reminders.empty_label.isVisible() and window.reminders.open_button.isVisible()
    assert not window.reminders.done_button.isVisible()  # no reminders: nothing to mark done
    panel = window.reminders
    panel.view.setCurrentIndex(panel.model.item(0, 0).child(0, 0).index())
    assert panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.open_client_requested) as opened:
        panel.open_button.click()
    assert opened.args == [romashka]
    # a person added elsewhere reaches the panel by the change bus
    window.operations.run(
        lambda: contacts.add_contact(window.uow(), romashka, ContactFields(full_name="Новый", birth_date=birth))
    )
    qtbot.waitUntil(lambda: len(group_rows(window, "Birthdays")) == 3, timeout=5000)


def test_the_automatic_reminder_is_made_once_when_the_seat_asks(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Uow, add_client: Callable[..., int], settings: Settings
) -> None:
    romashka = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), romashka, ContactFields(full_name="Иванов Иван", birth_date=born_today(40)))
    settings.birthday_days = 2
    window = make_window()
    panel = window.reminders
    qtbot.waitUntil(lambda: panel.agenda is not None and bool(panel.agenda.all), timeout=5000)
    [made] = panel.agenda.all  # due now: the day to remind was today or, the program closed, before
    assert made.client_id == romashka and made.text.startswith("Birthday on ") and "Иванов Иван" in made.text
    assert len(group_rows(window, "Birthdays")) == 1  # the birthday itself is listed as well
    window.reminders._planned = None  # as if the day changed: the service still makes none twice
    with qtbot.waitSignal(window.operations.busy_changed, check_params_cb=lambda busy: not busy):
        assert window.reminders.plan_birthdays()
    assert len(reminders.reminders_of(uow(), romashka)) == 1
    assert not window.reminders.plan_birthdays()  # the same day, days and manager: not asked again


def test_no_reminder_is_made_by_default(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Uow, add_client: Callable[..., int]
) -> None:
    romashka = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), romashka, ContactFields(full_name="Иванов Иван", birth_date=born_today(40)))
    window = make_window()
    qtbot.waitUntil(lambda: bool(group_rows(window, "Birthdays")), timeout=5000)
    assert reminders.reminders_of(uow(), romashka) == []


def test_the_setting_is_off_by_default_and_kept(qtbot: QtBot, uow: Uow, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "seat.ini")
    dialog = SettingsDialog(uow, settings)
    qtbot.addWidget(dialog)
    assert dialog.birthday_days.value() == 0 and dialog.birthday_days.text() == "do not remind"
    dialog.birthday_days.setValue(3)
    assert dialog.birthday_days.text() == "3 day(s)"
    dialog.accept()
    assert Settings(tmp_path / "seat.ini").birthday_days == 3
