"""The card's "Changes" tab (issue 12, item 4): a change made in the window is recorded with the
seat's manager and "window", and the tab shows who, when, field, before → after, filterable, in
Russian and English."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk import gui
from salesdesk.domain import messages
from salesdesk.domain.model import ClientFields, ContactFields, ManagerFields
from salesdesk.services import clients, contacts, reference
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork
from salesdesk.ui import i18n
from salesdesk.ui.card import ClientCard
from salesdesk.ui.changes_view import AT, FIELD, NEW, OLD, VIA, WHAT, WHO, ChangesView
from salesdesk.ui.workers import Runner
from tests.gui.conftest import type_text


@pytest.fixture
def window_uow(database: Database) -> Callable[[], UnitOfWork]:
    """Units of work exactly as ``gui.run_gui`` makes them for the window."""
    return lambda: UnitOfWork(database, actor=gui._window_actor)


@pytest.fixture
def anna(database: Database) -> int:
    ident = reference.create_manager(UnitOfWork(database), ManagerFields(name="Иванова Анна")).id
    SeatSettings().current_manager_id = ident  # the seat works as Anna (the window's settings)
    return ident


@pytest.fixture
def card(qtbot: QtBot, window_uow: Callable[[], UnitOfWork], anna: int) -> Iterator[ClientCard]:
    runner = Runner()
    widget = ClientCard(window_uow, runner, lambda: anna)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    yield widget
    widget._set_dirty(False)
    widget.duplicates_label.stop()  # an answer still on its way must not reach the card once it is gone
    runner.wait(5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def cells(view: ChangesView, column: int) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def open_tab(card: ClientCard) -> ChangesView:
    card.tabs.setCurrentWidget(card.changes_view)
    return card.changes_view


def test_an_edit_saved_in_the_card_shows_who_when_and_before_after(
    qtbot: QtBot, card: ClientCard, window_uow: Callable[[], UnitOfWork], qtmodeltester: object
) -> None:
    cid = clients.create_client(window_uow(), ClientFields(name="ООО «Ромашка»", city="Москва")).id
    card.show_client(cid)
    city = card.requisites.widgets["city"]
    city.clear()  # type: ignore[attr-defined]
    type_text(city, "Тверь")
    assert card.save()
    view = open_tab(card)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert cells(view, WHO) == ["Иванова Анна", "Иванова Анна"]
    assert cells(view, WHAT) == ["Client: edited", "Client: created"]
    assert cells(view, FIELD) == ["City", ""]
    assert (cells(view, OLD), cells(view, NEW)) == (["Москва", ""], ["Тверь", "ООО «Ромашка»"])
    assert cells(view, VIA) == ["window", "window"]
    assert all(cells(view, AT))
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]


def test_a_change_made_elsewhere_reaches_the_tab_through_the_change_bus(
    qtbot: QtBot, card: ClientCard, window_uow: Callable[[], UnitOfWork]
) -> None:
    cid = clients.create_client(window_uow(), ClientFields(name="ООО «Ромашка»")).id
    card.show_client(cid)
    view = open_tab(card)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    card.ops.run(lambda: contacts.add_contact(card.uow(), cid, ContactFields(full_name="Сидоров Иван")))
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert cells(view, WHAT)[0] == "Contact person #1: created" and cells(view, NEW)[0] == "Сидоров Иван"


def test_the_filters_narrow_by_field_manager_and_text(
    qtbot: QtBot, card: ClientCard, database: Database, window_uow: Callable[[], UnitOfWork], anna: int
) -> None:
    cid = clients.create_client(window_uow(), ClientFields(name="ООО «Ромашка»", city="Москва")).id
    clients.update_client(window_uow(), cid, 1, ClientFields(name="ООО «Ромашка»", city="Тверь", inn="7707083893"))
    petr = reference.create_manager(UnitOfWork(database), ManagerFields(name="Петров Пётр")).id
    SeatSettings().current_manager_id = petr
    clients.update_client(window_uow(), cid, 2, ClientFields(name="ООО «Ромашка»", city="Тула", inn="7707083893"))
    card.show_client(cid)
    view = open_tab(card)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    fields = [view.field_filter.itemText(i) for i in range(view.field_filter.count())]
    assert fields == ["All fields", "City", "INN"]
    view.field_filter.setCurrentIndex(fields.index("City"))
    qtbot.waitUntil(lambda: cells(view, NEW) == ["Тула", "Тверь"])
    managers = [view.manager_filter.itemText(i) for i in range(view.manager_filter.count())]
    assert managers == ["Everyone", "Иванова Анна", "Петров Пётр"]
    view.manager_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: cells(view, NEW) == ["Тверь"])
    view.field_filter.setCurrentIndex(0)
    view.manager_filter.setCurrentIndex(0)
    type_text(view.text_filter, "тул")
    qtbot.waitUntil(lambda: cells(view, NEW) == ["Тула"])
    view.text_filter.clear()
    type_text(view.text_filter, "нет такого")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.empty_label.isVisible() and view.empty_label.text() == "No changes match the filter."


def test_a_new_card_has_no_changes_to_show(qtbot: QtBot, card: ClientCard) -> None:
    card.new_client("ООО «Новая»")
    view = open_tab(card)
    assert view.model.rowCount() == 0 and view.empty_label.isVisible()
    assert view.empty_label.text() == "No changes recorded yet."


def test_the_tab_speaks_russian(
    qtbot: QtBot, qapp: QApplication, card: ClientCard, window_uow: Callable[[], UnitOfWork], lang: None
) -> None:
    i18n.install(qapp, "ru")
    messages.set_language("ru")
    cid = clients.create_client(window_uow(), ClientFields(name="ООО «Ромашка»")).id
    clients.update_client(window_uow(), cid, 1, ClientFields(name="ООО «Ромашка»", city="Тверь"))
    card2 = ClientCard(window_uow, card.ops.runner, lambda: None)
    qtbot.addWidget(card2)
    card2.show()
    card2.show_client(cid)
    view = open_tab(card2)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Когда", "Кто", "Что", "Поле", "Было", "Стало", "Откуда"]
    assert cells(view, WHAT) == ["Клиент: правка", "Клиент: создание"]
    assert cells(view, FIELD)[0] == "Город" and cells(view, VIA)[0] == "окно программы"
    assert card2.tabs.tabText(card2.tabs.indexOf(view)) == "Изменения"
    card2.duplicates_label.stop()
