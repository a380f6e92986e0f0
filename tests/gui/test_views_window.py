"""Saved views in the window (issue 15 item 3): choosing one shows its filters, search, columns, sort
and widths; Save as / Save / Rename / Delete; the count of each; the "changed" mark; a damaged view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from salesdesk.domain.model import ClientFields, ClientStatus, DealFields, DealStage, Money
from salesdesk.domain.queries import ClientSort, DealSort
from salesdesk.domain.views import ViewList, ViewState
from salesdesk.services import clients, deals, views
from salesdesk.store import Database, UnitOfWork
from salesdesk.store import schema as s
from salesdesk.ui import views_bar
from salesdesk.ui.client_model import COLUMN_OF
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.views_bar import ViewsBar
from tests.gui.conftest import shown_names, wait_loaded

Window = Callable[[], MainWindow]


@pytest.fixture
def base(add_client: Callable[..., int]) -> dict[str, int]:
    return {
        "elka": add_client("ООО «Ёлка»", inn="7707083893", status=ClientStatus.ACTIVE),
        "romashka": add_client("ООО «Ромашка»", inn="5010579273", status=ClientStatus.LEAD),
        "vasilek": add_client("ООО «Василёк»", status=ClientStatus.LEAD),
    }


def bar_of(window: MainWindow) -> ViewsBar:
    bar = window.list_pane.views
    assert bar is not None
    return bar


def wait_counted(qtbot: QtBot, bar: ViewsBar, view_id: int | str, count: int) -> None:
    qtbot.waitUntil(lambda: bar.count_of(view_id) == count, timeout=10_000)


def item_text(bar: ViewsBar, view_id: int | str) -> str:
    return str(bar.combo.itemText(bar.combo.findData(view_id)))


def test_choosing_a_shipped_view_filters_the_table_and_shows_counts(
    qtbot: QtBot, make_window: Window, base: dict[str, int]
) -> None:
    window = make_window()
    bar = bar_of(window)
    wait_counted(qtbot, bar, "no_inn", 1)
    assert item_text(bar, "no_inn") == "Without INN (1)"
    assert item_text(bar, "hot_leads") == "Hot leads (2)"
    bar.choose("no_inn")
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Василёк»"], timeout=10_000)
    assert window.filters.no_inn.isChecked() and not bar.mark.isVisible()
    bar.choose("hot_leads")
    qtbot.waitUntil(lambda: sorted(shown_names(window)) == ["ООО «Василёк»", "ООО «Ромашка»"], timeout=10_000)
    assert not window.filters.no_inn.isChecked() and window.model.query.sort is ClientSort.NEXT_REMINDER
    # the user changes a filter: the view is marked changed; shipped views cannot be saved over
    window.filters.status.setCurrentIndex(window.filters.status.findData(ClientStatus.ACTIVE))
    qtbot.waitUntil(lambda: bar.modified)
    assert not bar.save_action.isEnabled() and not bar.delete_action.isEnabled()


def test_save_choose_rename_delete_a_view(
    qtbot: QtBot, make_window: Window, base: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    bar = bar_of(window)
    wait_counted(qtbot, bar, "no_inn", 1)
    header = window.table.horizontalHeader()
    # the list as the manager likes it: leads, sorted by INN descending, INN first, no phone, wide names
    window.filters.status.setCurrentIndex(window.filters.status.findData(ClientStatus.LEAD))
    header.setSectionHidden(COLUMN_OF["phone"], True)
    header.moveSection(header.visualIndex(COLUMN_OF["inn"]), 0)
    header.resizeSection(COLUMN_OF["name"], 333)
    window.table.sortByColumn(COLUMN_OF["inn"], window.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    qtbot.waitUntil(lambda: window.model.query.sort is ClientSort.INN and window.model.query.descending)
    wait_loaded(qtbot, window)
    monkeypatch.setattr(views_bar, "ask_name", lambda *_a: "Мои горячие лиды")
    bar.save_as()
    qtbot.waitUntil(lambda: isinstance(bar.chosen, int) and bar.count_of(bar.chosen) == 2, timeout=10_000)
    ident = bar.chosen
    assert item_text(bar, ident) == "Мои горячие лиды (2)" and not bar.modified
    # everything back as it was, then the view again
    window.list_pane.clear_search_and_filters()
    header.setSectionHidden(COLUMN_OF["phone"], False)
    header.moveSection(header.visualIndex(COLUMN_OF["inn"]), 5)
    header.resizeSection(COLUMN_OF["name"], 150)
    window.table.sortByColumn(COLUMN_OF["name"], header.sortIndicatorOrder().AscendingOrder)
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3 and window.model.query.sort is ClientSort.NAME)
    qtbot.waitUntil(lambda: bar.modified)
    assert isinstance(ident, int)
    bar.choose(ident)
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ромашка»", "ООО «Василёк»"], timeout=10_000)
    assert window.model.query.sort is ClientSort.INN and window.model.query.descending
    assert header.isSectionHidden(COLUMN_OF["phone"]) and header.visualIndex(COLUMN_OF["inn"]) == 0
    assert header.sectionSize(COLUMN_OF["name"]) == 333
    qtbot.waitUntil(lambda: not bar.modified)
    # Save view keeps a change in the chosen view
    header.resizeSection(COLUMN_OF["name"], 280)
    qtbot.waitUntil(lambda: bar.modified)
    bar.save()
    qtbot.waitUntil(lambda: not bar.modified)
    (saved,) = [v for v in views.list_views(window.uow()) if v.id == ident]
    assert saved.state is not None and saved.state.widths["name"] == 280
    # rename and delete
    monkeypatch.setattr(views_bar, "ask_name", lambda *_a: "Лиды по ИНН")
    bar.rename()
    qtbot.waitUntil(lambda: item_text(bar, ident) == "Лиды по ИНН (2)", timeout=10_000)
    monkeypatch.setattr(views_bar, "confirm_delete", lambda *_a: True)
    bar.delete()
    qtbot.waitUntil(lambda: bar.combo.findData(ident) == -1, timeout=10_000)
    assert bar.chosen is None and bar.combo.currentIndex() == -1


def test_a_taken_name_is_refused_in_a_message_and_nothing_saved(
    qtbot: QtBot, make_window: Window, base: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    bar = bar_of(window)
    wait_counted(qtbot, bar, "no_inn", 1)
    said: list[str] = []
    monkeypatch.setattr(views_bar, "ask_name", lambda *_a: "без инн")
    monkeypatch.setattr(views_bar.QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    bar.save_as()
    assert said and "already" in said[0]
    assert [v for v in views.list_views(window.uow()) if not v.shipped] == []


def test_counts_follow_changes_and_a_damaged_view_says_so(
    qtbot: QtBot, make_window: Window, base: dict[str, int], database: Database
) -> None:
    ident = views.save_view(UnitOfWork(database), ViewList.CLIENTS, "Сломанный", ViewState())
    with database.engine.begin() as conn:
        conn.execute(update(s.views).where(s.views.c.id == ident).values(document="{oops"))
    window = make_window()
    bar = bar_of(window)
    wait_counted(qtbot, bar, "no_inn", 1)
    assert item_text(bar, ident) == "Сломанный — damaged"
    names = shown_names(window)
    bar.choose(ident)
    assert bar.mark.isVisible() and "damaged" in bar.mark.text()
    assert shown_names(window) == names  # nothing changed, nothing crashed
    uow = window.uow  # the window's units of work report to its change bus
    window.operations.run(lambda: clients.create_client(uow(), ClientFields(name="ООО «Новая»")), lambda _i: None)
    wait_counted(qtbot, bar, "no_inn", 2)


def test_deals_views(qtbot: QtBot, make_window: Window, base: dict[str, int], database: Database) -> None:
    for stage, title in ((DealStage.NEW, "Поставка"), (DealStage.WON, "Монтаж"), (DealStage.WON, "Ремонт")):
        deals.add_deal(
            UnitOfWork(database),
            base["elka"],
            DealFields(title=title, amount=Money.of(100), stage=stage, opened_on=date(2026, 11, 1)),
        )
    window = make_window()
    window.tabs.setCurrentWidget(window.deals_panel)
    panel = window.deals_panel
    wait_counted(qtbot, panel.views, "won_deals", 2)
    assert item_text(panel.views, "open_deals").endswith("(1)")
    panel.views.choose("won_deals")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and panel.model.query.sort is DealSort.CLOSED)
    assert panel.stage.currentData() == "won" and not panel.views.modified
    panel.stage.setCurrentIndex(0)
    qtbot.waitUntil(lambda: panel.views.modified)
