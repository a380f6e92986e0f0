"""The main window as a manager uses it: find, open, fix, save, delete and undo, reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ClientStatus, ReminderFields
from salesdesk.domain.reminders import Snooze
from salesdesk.services import clients, reminders
from salesdesk.store import UnitOfWork
from salesdesk.ui.client_model import COLUMN_OF
from salesdesk.ui.dialogs import LeaveChoice, UnsavedChanges
from salesdesk.ui.main_window import MainWindow
from tests.gui.conftest import shown_names, type_text, wait_loaded

Window = Callable[[], MainWindow]


@pytest.fixture
def base(add_client: Callable[..., int]) -> dict[str, int]:
    return {
        "elka": add_client("ООО «Ёлка»", inn="7707083893", phone="8 (495) 123-45-67", status=ClientStatus.ACTIVE),
        "romashka": add_client("ООО «Ромашка»", inn="5010579273"),
        "vasilek": add_client("ООО «Василёк»"),
    }


def select(qtbot: QtBot, window: MainWindow, name: str) -> None:
    row = shown_names(window).index(name)
    window.table.setCurrentIndex(window.model.index(row, 0))
    qtbot.waitUntil(lambda: window.card.header.title.text().endswith(name))


def field(window: MainWindow, key: str) -> QLineEdit:
    widget = window.card.requisites.widgets[key]
    assert isinstance(widget, QLineEdit)
    return widget


def test_an_empty_base_says_what_to_do(make_window: Window) -> None:
    window = make_window()
    assert window.table_stack.currentWidget() is window.empty
    assert "empty" in window.empty_label.text()
    assert window.empty_new_button.isVisible() and window.empty_demo_button.isVisible()
    assert window.counts_label.text() == "The base is empty"
    assert not window.filters.isEnabled()


def test_typing_russian_in_the_search_box_filters_the_table(
    qtbot: QtBot, make_window: Window, base: dict[str, int]
) -> None:
    window = make_window()
    assert shown_names(window) == ["ООО «Василёк»", "ООО «Ёлка»", "ООО «Ромашка»"]
    type_text(window.search, "ёлк")
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ёлка»"], timeout=5000)
    # the rows first, the count after them (issue 17)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("1 of 3"), timeout=5000)
    window.search.clear()
    type_text(window.search, "4951234567")
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ёлка»"], timeout=5000)
    type_text(window.search, "999")
    qtbot.waitUntil(lambda: window.table_stack.currentWidget() is window.empty, timeout=5000)
    assert window.empty_clear_button.isVisible()
    window.empty_clear_button.click()
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=5000)


def test_ctrl_f_focuses_search_and_escape_clears_it(qtbot: QtBot, make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    window.find_action.trigger()
    qtbot.waitUntil(window.search.hasFocus, timeout=5000)
    window.search.setText("ром")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""


def test_filters_and_header_sorting(qtbot: QtBot, make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    status = window.filters.status
    status.setCurrentIndex(status.findData(ClientStatus.ACTIVE))
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ёлка»"], timeout=5000)
    window.filters.clear()
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=5000)
    header = window.table.horizontalHeader()
    name_header = QPoint(header.sectionViewportPosition(COLUMN_OF["name"]) + 10, 5)
    for _ in range(2):  # the first click sorts ascending, the second descending
        with qtbot.waitSignal(window.model.counts_changed, timeout=10_000):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_header)
    assert shown_names(window) == ["ООО «Ромашка»", "ООО «Ёлка»", "ООО «Василёк»"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_fixing_an_inn_in_the_card_with_the_message_next_to_the_field(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    window = make_window()
    select(qtbot, window, "ООО «Ромашка»")
    card = window.card
    assert not card.save_button.isEnabled()
    inn = field(window, "inn")
    inn.clear()
    type_text(inn, "7707083894")
    message = card.requisites.messages["inn"]
    assert message.isVisible() and "wrong check digit" in message.text()
    assert not card.save_button.isEnabled() and card.revert_button.isEnabled()
    inn.clear()
    type_text(inn, "7707083893")
    assert not message.isVisible()
    assert card.save_button.isEnabled()
    assert card.header.title.text().startswith("●")  # the dirty marker
    qtbot.waitUntil(lambda: card.duplicates_label.isVisible(), timeout=5000)
    assert "ООО «Ёлка»" in card.duplicates_label.text()  # the INN belongs to another client
    card.save_action.trigger()
    assert not card.dirty and not card.save_button.isEnabled()
    assert clients.get_client(uow(), base["romashka"]).inn == "7707083893"
    row = shown_names(window).index("ООО «Ромашка»")
    assert window.model.index(row, COLUMN_OF["inn"]).data() == "7707083893"


def test_the_duplicate_link_opens_the_other_client(qtbot: QtBot, make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    window.new_action.trigger()
    type_text(field(window, "name"), "Ёлка-2")
    type_text(field(window, "inn"), "7707083893")
    window.card._check_duplicates()
    qtbot.waitUntil(lambda: window.card.duplicates_label.isVisible(), timeout=5000)
    window.card.maybe_leave = lambda: True  # type: ignore[method-assign]
    window.card.duplicates_label.linkActivated.emit(str(base["elka"]))
    qtbot.waitUntil(lambda: window.card.client_id == base["elka"], timeout=5000)
    qtbot.waitUntil(lambda: window.table.currentIndex().row() == shown_names(window).index("ООО «Ёлка»"))


def test_leaving_a_changed_card_asks_first(
    qtbot: QtBot,
    make_window: Window,
    base: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    uow: Callable[[], UnitOfWork],
) -> None:
    window = make_window()
    select(qtbot, window, "ООО «Ромашка»")
    type_text(field(window, "city"), "Тула")
    answers = [LeaveChoice.CANCEL]
    asked: list[str] = []
    monkeypatch.setattr(
        UnsavedChanges, "ask", classmethod(lambda cls, parent, name, **_: (asked.append(name), answers.pop(0))[1])
    )
    window.table.setCurrentIndex(window.model.index(shown_names(window).index("ООО «Ёлка»"), 0))
    assert asked == ["ООО «Ромашка»"]
    assert window.card.client_id == base["romashka"] and field(window, "city").text() == "Тула"
    qtbot.waitUntil(lambda: window.table.currentIndex().row() == shown_names(window).index("ООО «Ромашка»"))

    answers.append(LeaveChoice.SAVE)
    window.table.setCurrentIndex(window.model.index(shown_names(window).index("ООО «Ёлка»"), 0))
    assert window.card.client_id == base["elka"]
    assert clients.get_client(uow(), base["romashka"]).city == "Тула"

    type_text(field(window, "city"), "Москва")
    answers.append(LeaveChoice.DISCARD)
    window.table.setCurrentIndex(window.model.index(shown_names(window).index("ООО «Василёк»"), 0))
    assert window.card.client_id == base["vasilek"]
    assert clients.get_client(uow(), base["elka"]).city == ""


def test_new_client_with_ctrl_n_appears_selected(qtbot: QtBot, make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    window.new_action.trigger()
    assert window.card.is_new and not window.card.save_button.isEnabled()
    assert not window.card.requisites.messages["name"].isVisible()  # no error before the user typed anything
    type_text(field(window, "name"), "ООО «Берёзка»")
    assert window.card.save_button.isEnabled()
    window.card.save_action.trigger()
    qtbot.waitUntil(lambda: "ООО «Берёзка»" in shown_names(window), timeout=5000)
    qtbot.waitUntil(
        lambda: window.table.currentIndex().row() == shown_names(window).index("ООО «Берёзка»"), timeout=5000
    )
    assert window.card.client_id is not None and not window.card.is_new


def test_delete_to_trash_and_undo(qtbot: QtBot, make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    select(qtbot, window, "ООО «Ромашка»")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Василёк»", "ООО «Ёлка»"], timeout=5000)
    assert window.notice.isVisible() and "trash" in window.notice.label.text()
    assert window.undo_action.isEnabled()
    window.notice.action_button.click()
    qtbot.waitUntil(lambda: "ООО «Ромашка»" in shown_names(window), timeout=5000)
    assert not window.undo_action.isEnabled()


def test_the_trash_view_restores(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    clients.trash_client(uow(), base["vasilek"])
    window = make_window()
    window.trash_view_action.trigger()
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Василёк»"], timeout=5000)
    assert window.trash_label.isVisible()
    window.table.setCurrentIndex(window.model.index(0, 0))
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: shown_names(window) == [], timeout=5000)
    # the empty state's words come with the count, which follows the rows (issue 17)
    qtbot.waitUntil(lambda: "The trash is empty." in window.empty_label.text(), timeout=5000)


def test_remind_me_in_three_months_shows_in_the_panel(qtbot: QtBot, make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    select(qtbot, window, "ООО «Ромашка»")
    window.hook_action.trigger()  # Client → Remind me in 3 months (Ctrl+R)
    assert window.card.reminders.model.rowCount() == 1
    qtbot.waitUntil(
        lambda: window.reminders.agenda is not None and len(window.reminders.agenda.later) == 1, timeout=5000
    )
    assert window.reminders.agenda.later[0].client_name == "ООО «Ромашка»"
    row = shown_names(window).index("ООО «Ромашка»")
    qtbot.waitUntil(lambda: bool(window.model.index(row, COLUMN_OF["next_reminder"]).data()), timeout=5000)


def _first_reminder_row(window: MainWindow) -> None:
    group = window.reminders.model.item(0, 0)
    window.reminders.view.setCurrentIndex(group.child(0, 0).index())


def test_overdue_reminders_are_announced_then_done_and_snoozed(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    past = datetime.now(UTC) - timedelta(days=2)
    reminders.add_reminder(uow(), base["elka"], ReminderFields(due_at=past, text="Выставить счёт"))
    reminders.add_reminder(uow(), base["romashka"], ReminderFields(due_at=past, text="Позвонить"))
    window = make_window()
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=5000)
    assert "There are 2 overdue reminder(s) in the office" in window.notice.label.text()  # nobody chosen: all
    assert window.overdue_label.text() == "Overdue in the office: 2"
    assert window.reminders.model.item(0, 0).text() == "Overdue (2)"

    _first_reminder_row(window)
    window.reminders.done_button.click()
    assert len(window.reminders.agenda.overdue) == 1
    _first_reminder_row(window)
    window.reminders.snooze(Snooze.TOMORROW)
    assert (
        len(window.reminders.agenda.overdue) == 0
        and len(window.reminders.agenda.this_week + window.reminders.agenda.later) == 1
    )


def test_next_contact_closes_the_reminder_and_plans_another(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    reminders.add_reminder(
        uow(),
        base["elka"],
        ReminderFields(due_at=datetime.now(UTC) - timedelta(hours=1), text="Предложить новые условия"),
    )
    window = make_window()
    qtbot.waitUntil(lambda: window.reminders.agenda is not None and bool(window.reminders.agenda.overdue))
    _first_reminder_row(window)
    window.reminders.next_contact(6)
    agenda = window.reminders.agenda
    assert agenda is not None and not agenda.overdue and len(agenda.later) == 1
    assert agenda.later[0].text == "Предложить новые условия"


def test_double_click_on_a_reminder_opens_the_client(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    reminders.add_reminder(
        uow(), base["vasilek"], ReminderFields(due_at=datetime.now(UTC) + timedelta(days=3), text="Встреча")
    )
    window = make_window()
    qtbot.waitUntil(lambda: window.reminders.agenda is not None and bool(window.reminders.agenda.all))
    _first_reminder_row(window)
    window.reminders.view.doubleClicked.emit(window.reminders.view.currentIndex())
    qtbot.waitUntil(lambda: window.card.client_id == base["vasilek"], timeout=5000)


def test_a_reminder_coming_due_shows_a_notice_when_there_is_no_tray(
    qtbot: QtBot, make_window: Window, base: dict[str, int], uow: Callable[[], UnitOfWork]
) -> None:
    window = make_window()
    window.notice.hide()
    soon = datetime.now(UTC) + timedelta(seconds=30)
    reminders.add_reminder(uow(), base["elka"], ReminderFields(due_at=soon, text="Позвонить директору"))
    with qtbot.waitSignal(window.notifier.reminders_due, timeout=5000):
        window.notifier.check(now=soon + timedelta(seconds=1))
    assert window.notice.isVisible()
    assert "ООО «Ёлка»" in window.notice.label.text() and "Позвонить директору" in window.notice.label.text()


def test_layout_and_filters_are_remembered(qtbot: QtBot, make_window: Window, base: dict[str, int]) -> None:
    window = make_window()
    header = window.table.horizontalHeader()
    header.setSectionHidden(COLUMN_OF["owner"], True)
    header.moveSection(header.visualIndex(COLUMN_OF["city"]), 1)
    window.filters.overdue.setChecked(True)
    window.close()
    again = make_window()
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(COLUMN_OF["owner"])
    assert header.visualIndex(COLUMN_OF["city"]) == 1
    assert again.filters.overdue.isChecked()
    wait_loaded(qtbot, again)


def test_the_window_reads_the_industry_and_manager_lists_once(
    qtbot: QtBot, make_window: Window, base: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.services import reference

    calls: list[str] = []

    def counting(name: str) -> Callable[..., object]:
        real = getattr(reference, name)

        def counted(*args: object, **kwargs: object) -> object:
            calls.append(name)
            return real(*args, **kwargs)

        return counted

    for name in ("list_industries", "list_managers"):
        monkeypatch.setattr(reference, name, counting(name))
    window = make_window()
    window.open_client(base["vasilek"])
    qtbot.waitUntil(lambda: window.card.client_id == base["vasilek"], timeout=5000)
    window.tabs.setCurrentWidget(window.reports_page)
    assert sorted(calls) == ["list_industries", "list_managers"]
    industry = window.card.requisites.widgets["industry_id"]
    assert isinstance(industry, QComboBox) and industry.count() > 20  # the card got them from the window


def test_the_rows_come_before_the_count_which_greys_the_old_figures_meanwhile(
    qtbot: QtBot, make_window: Window, base: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: a search shows its rows at once; "Searching…" stays and the status bar's old
    figures are greyed until the count (slow at a million clients) replaces them."""
    import threading

    window = make_window()
    wait_loaded(qtbot, window)
    assert window.counts_label.text().startswith("3 of 3") and window.counts_label.isEnabled()
    gate = threading.Event()
    original = clients.list_counts

    def held(*args: object, **kwargs: object) -> object:
        assert gate.wait(10)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(clients, "list_counts", held)
    type_text(window.search, "ёлк")
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ёлка»"], timeout=5000)
    assert window.model.counting and window.list_pane.loading_label.isVisibleTo(window)
    assert window.counts_label.text().startswith("3 of 3") and not window.counts_label.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("1 of 3"), timeout=5000)
    assert window.counts_label.isEnabled() and not window.list_pane.loading_label.isVisibleTo(window)
