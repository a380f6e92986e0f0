"""Each part of the window subscribes to the change bus itself and reads again only what changed:
the client list, the Deals tab, the Reports tab and the reference lists. Each test fails when that
part's subscription is removed (nobody else refreshes it by hand)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ClientFields, DealFields, DealStage, IndustryFields, ManagerFields, Money
from salesdesk.domain.queries import ClientQuery
from salesdesk.services import clients, deals, reference
from salesdesk.store import UnitOfWork
from salesdesk.ui.client_model import ClientTableModel
from salesdesk.ui.deals_panel import DealsPanel
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.operations import Operations
from salesdesk.ui.reports_panel import ReportsPanel
from salesdesk.ui.workers import Runner


@pytest.fixture
def ops(qtbot: QtBot, uow: Callable[[], UnitOfWork]) -> Iterator[Operations]:
    runner = Runner()
    yield Operations(uow, runner, lambda _text: None)
    runner.wait()


def _names(model: ClientTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _loaded_model(qtbot: QtBot, ops: Operations) -> ClientTableModel:
    model = ClientTableModel(ops.uow, ops.runner, operations=ops)
    model.set_query(ClientQuery())
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=5000)
    return model


def test_a_commit_touching_one_client_rereads_only_its_row(
    qtbot: QtBot, ops: Operations, add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    elka = add_client("ООО «Ёлка»")
    add_client("ООО «Ромашка»")
    model = _loaded_model(qtbot, ops)
    assert _names(model) == ["ООО «Ёлка»", "ООО «Ромашка»"]
    asked: list[list[int]] = []
    real = clients.client_rows

    def spy(unit: UnitOfWork, ids: list[int]) -> object:
        asked.append(list(ids))
        return real(unit, ids)

    monkeypatch.setattr(clients, "client_rows", spy)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    changed_rows: list[int] = []
    model.dataChanged.connect(lambda top, bottom, *_roles: changed_rows.extend(range(top.row(), bottom.row() + 1)))
    ops.run(lambda: clients.update_client(ops.uow(), elka, 1, ClientFields(name="ООО «Ёлка-2»")))
    assert asked == [[elka]]  # one read, of that client only
    assert changed_rows == [0] and resets == [] and not model.loading  # no recount, no reset
    assert _names(model) == ["ООО «Ёлка-2»", "ООО «Ромашка»"]


def test_a_client_added_or_trashed_recounts_the_list(
    qtbot: QtBot, ops: Operations, add_client: Callable[..., int]
) -> None:
    elka = add_client("ООО «Ёлка»")
    model = _loaded_model(qtbot, ops)
    counts: list[tuple[int, int]] = []
    model.counts_changed.connect(lambda shown, total, _average: counts.append((shown, total)))
    ops.run(lambda: clients.create_client(ops.uow(), ClientFields(name="ООО «Ромашка»")))
    qtbot.waitUntil(lambda: counts == [(2, 2)], timeout=5000)
    assert _names(model) == ["ООО «Ёлка»", "ООО «Ромашка»"]
    ops.run(lambda: clients.trash_clients(ops.uow(), [elka]))
    qtbot.waitUntil(lambda: counts[-1] == (1, 1), timeout=5000)
    assert _names(model) == ["ООО «Ромашка»"]


def _deal(title: str) -> DealFields:
    return DealFields(title=title, amount=Money.of("1000"), stage=DealStage.NEW, opened_on=date.today())


def test_a_deal_change_reloads_the_deals_tab_when_shown_and_lazily_when_hidden(
    qtbot: QtBot, ops: Operations, add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = add_client("ООО «Ёлка»")
    deals.add_deal(ops.uow(), client, _deal("Поставка"))
    reads: list[int] = []
    real = deals.deals_view

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(deals, "deals_view", counted)
    panel = DealsPanel(ops.uow, ops.runner, operations=ops)
    qtbot.addWidget(panel)
    assert reads == []  # nothing is read before the tab is shown
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.model.loading, timeout=5000)
    assert len(reads) == 1
    ops.run(lambda: deals.add_deal(ops.uow(), client, _deal("Монтаж")))  # shown: read again at once
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and not panel.model.loading, timeout=5000)
    panel.hide()
    ops.run(lambda: deals.add_deal(ops.uow(), client, _deal("Обслуживание")))  # hidden: not yet
    assert len(reads) == 2 and not panel.model.loading and panel.model.rowCount() == 2
    panel.show()  # shown again: read once, now
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3 and not panel.model.loading, timeout=5000)
    assert len(reads) == 3
    panel.model.wait()


def test_a_change_computes_the_report_shown_again_and_a_hidden_one_when_shown(
    qtbot: QtBot, ops: Operations, add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ёлка»")
    panel = ReportsPanel(ops.uow, ops.runner, operations=ops)
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    qtbot.waitUntil(lambda: not panel.busy and panel.report is not None, timeout=5000)
    first = panel.report
    ops.run(lambda: deals.add_deal(ops.uow(), client, _deal("Поставка")))
    assert panel.busy  # computing again
    qtbot.waitUntil(lambda: not panel.busy and panel.report is not first, timeout=5000)
    panel.hide()
    second = panel.report
    ops.run(lambda: deals.add_deal(ops.uow(), client, _deal("Монтаж")))
    assert not panel.busy and panel.report is second  # hidden: not computed for nobody
    panel.show()
    assert panel.busy
    qtbot.waitUntil(lambda: not panel.busy and panel.report is not second, timeout=5000)


def test_a_reference_change_refills_the_filters(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    add_client("ООО «Ёлка»")
    window = make_window()

    def offered(combo: object) -> list[str]:
        return [combo.itemText(i) for i in range(combo.count())]  # type: ignore[attr-defined]

    assert not any("Пчеловодство" in text for text in offered(window.filters.industry))
    window.operations.run(lambda: reference.create_industry(window.uow(), IndustryFields(code="", name="Пчеловодство")))
    assert any("Пчеловодство" in text for text in offered(window.filters.industry))
    assert any("Пчеловодство" in text for text in offered(window.deals_panel.industry))
    window.operations.run(lambda: reference.create_manager(window.uow(), ManagerFields(name="Пётр Сидоров")))
    assert "Пётр Сидоров" in offered(window.filters.owner)
    assert "Пётр Сидоров" in offered(window.deals_panel.owner)


def test_refresh_reads_again_what_another_seat_changed(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    """View → Refresh is one "whole base" change on the bus: the list counts again, the card shows
    the base's version, the Deals tab reads again when shown."""
    from PySide6.QtWidgets import QLineEdit

    from tests.gui.conftest import shown_names

    elka = add_client("ООО «Ёлка»")
    window = make_window()
    window.open_client(elka)
    qtbot.waitUntil(lambda: window.card.client_id == elka)
    # another seat: units of work the window's bus does not hear
    clients.update_client(uow(), elka, 1, ClientFields(name="ООО «Ель»"))
    sosna = clients.create_client(uow(), ClientFields(name="ООО «Сосна»")).id
    deals.add_deal(uow(), sosna, _deal("Поставка"))
    assert shown_names(window) == ["ООО «Ёлка»"]
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ель»", "ООО «Сосна»"], timeout=5000)
    name = window.card.requisites.widgets["name"]
    assert isinstance(name, QLineEdit) and name.text() == "ООО «Ель»"
    window.tabs.setCurrentWidget(window.deals_panel)
    qtbot.waitUntil(lambda: window.deals_panel.model.rowCount() == 1, timeout=5000)
