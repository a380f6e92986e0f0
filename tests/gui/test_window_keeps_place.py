"""What stays where the user put it (issue 9, items 17 and 20): the main window's notices float over
the list instead of pushing its rows down, and the widths dragged in the card's lists outlive a
restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ContactFields
from salesdesk.services import contacts
from salesdesk.store import UnitOfWork
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from tests.gui.conftest import shown_names, wait_loaded

Window = Callable[[], MainWindow]


def test_a_notice_does_not_move_the_rows(qtbot: QtBot, make_window: Window, add_client: Callable[..., int]) -> None:
    for name in ("ООО «Ёлка»", "ООО «Ромашка»", "ООО «Василёк»"):
        add_client(name)
    window = make_window()
    top = window.table.visualRect(window.model.index(0, 0)).topLeft()
    where = window.table.viewport().mapToGlobal(top)
    window.notice.show_message("3 клиента перемещены в корзину.", action="Вернуть", callback=lambda: None)
    QCoreApplication.sendPostedEvents()
    assert window.notice.isVisible()
    assert window.table.viewport().mapToGlobal(window.table.visualRect(window.model.index(0, 0)).topLeft()) == where
    # the notice lies over the bottom of the list, clear of its first row
    notice_top = window.notice.mapToGlobal(QPoint(0, 0)).y()
    assert notice_top > where.y() + window.table.verticalHeader().defaultSectionSize()
    window.notice.close_button.click()
    QCoreApplication.sendPostedEvents()
    assert not window.notice.isVisible()
    assert window.table.viewport().mapToGlobal(window.table.visualRect(window.model.index(0, 0)).topLeft()) == where


def test_the_card_lists_keep_the_users_widths_across_restarts(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], tmp_path: Path
) -> None:
    ident = add_client("ООО «Ромашка»")
    contacts.add_contact(
        uow(),
        ident,
        ContactFields(full_name="Лаврентьева Александра Константиновна", position="Главный бухгалтер", is_primary=True),
    )

    def start() -> MainWindow:
        window = MainWindow(uow, Settings(tmp_path / "kept.ini"))
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        window.start()
        wait_loaded(qtbot, window)
        row = shown_names(window).index("ООО «Ромашка»")
        window.table.setCurrentIndex(window.model.index(row, 0))
        qtbot.waitUntil(lambda: window.card.header.title.text().endswith("ООО «Ромашка»"))
        window.card.tabs.setCurrentIndex(1)
        QCoreApplication.sendPostedEvents()
        return window

    first = start()
    header = first.card.contacts.view.header()
    assert header.sectionSize(1) != 77
    header.resizeSection(1, 77)  # the user drags the Position column narrower
    first.close()
    again = start()
    assert again.card.contacts.view.header().sectionSize(1) == 77
    again.wait_for_jobs()


def test_a_row_chosen_while_a_notice_is_up_is_shown_above_it(
    qtbot: QtBot, make_window: Window, add_client: Callable[..., int]
) -> None:
    for number in range(60):
        add_client(f"ООО «Клиент {number:02}»")
    window = make_window()
    window.notice.show_message("Добавлено 60 клиентов.", kind="success")
    QCoreApplication.sendPostedEvents()
    last = window.model.index(window.model.rowCount() - 1, 0)
    window.table.setCurrentIndex(last)  # e.g. opened from a reminder: the list scrolls to it
    window.table.scrollTo(last)
    QCoreApplication.sendPostedEvents()
    row_bottom = window.table.viewport().mapToGlobal(window.table.visualRect(last).bottomLeft()).y()
    assert window.table.visualRect(last).isValid()
    assert row_bottom < window.notice.mapToGlobal(QPoint(0, 0)).y()
