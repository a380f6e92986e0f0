"""The deals table model and the import preview's plan model on their own, without a window: they
pass Qt's model tester, and the deals table never reads the base while it is painted."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.domain.queries import DealQuery
from salesdesk.services import clients, deals, demo
from salesdesk.services.importing import Fate, RowReport
from salesdesk.store import UnitOfWork
from salesdesk.ui import client_model, paging
from salesdesk.ui.deals_panel import DealsPanel, DealTableModel
from salesdesk.ui.import_wizard import PlanModel
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.paging import PLACEHOLDER
from salesdesk.ui.workers import Runner

SMALL_PAGE = 20


@pytest.fixture
def model(qtbot: QtBot, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch) -> Iterator[DealTableModel]:
    demo.load_demo(uow(), 120, seed=11)
    monkeypatch.setattr(paging, "PAGE", SMALL_PAGE)
    runner = Runner()
    model = DealTableModel(uow, runner)
    model._test_runner = runner  # type: ignore[attr-defined]  # keep it alive with the model
    model._rows.page = SMALL_PAGE
    with qtbot.waitSignal(model.totals_changed, timeout=10_000):
        model.set_query(DealQuery())
    assert model.rowCount() > 3 * SMALL_PAGE  # several pages, only the first read so far
    yield model
    model.wait()
    runner.wait()


def all_deals(uow: Callable[[], UnitOfWork], count: int) -> list[str]:
    return [row.title for row in deals.deal_rows_at(uow(), DealQuery(), 0, count)]


def test_the_deals_model_passes_qt_model_tester(qtbot: QtBot, qtmodeltester, model: DealTableModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model, force_py=True)


def test_a_deals_page_arrives_after_painting_and_shows_the_real_rows(
    qtbot: QtBot, model: DealTableModel, uow: Callable[[], UnitOfWork]
) -> None:
    count = model.rowCount()
    last = model.index(count - 1, 2)
    assert last.data() == PLACEHOLDER and last.data(Qt.ItemDataRole.ToolTipRole) is None
    with qtbot.waitSignal(model.dataChanged, timeout=10_000):
        pass
    assert last.data() == all_deals(uow, count)[-1]


def test_a_deals_page_that_cannot_be_read_shows_placeholders_and_says_so_once(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.load_demo(uow(), 120, seed=11)
    monkeypatch.setattr(paging, "PAGE", SMALL_PAGE)
    monkeypatch.setattr(paging, "RETRY_AFTER_S", 0.05)
    panel = DealsPanel(uow, Runner())
    qtbot.addWidget(panel)
    panel.model._rows.page = SMALL_PAGE
    panel.resize(900, 500)
    panel.show()
    with qtbot.waitSignal(panel.model.totals_changed, timeout=10_000):
        panel.apply()
    real = deals.deal_rows_at
    reads: list[bool] = []  # was it read on the GUI thread?

    def busy(*_args: object, **_kwargs: object) -> list[object]:
        reads.append(threading.current_thread() is threading.main_thread())
        raise StoreError(msg("err.db_busy"))

    # no page read started before the base turns busy is still on its way: one arriving would be
    # "read again" and rightly allow a second notice (seen on the slower PostgreSQL run)
    qtbot.waitUntil(lambda: not panel.model.fetching, timeout=10_000)
    monkeypatch.setattr(deals, "deal_rows_at", busy)
    told: list[str] = []
    panel.model.page_failed.connect(told.append)
    panel.table.scrollToBottom()
    for _ in range(3):  # painted again and again over the failed rows: asked again, one notice
        seen = len(reads)
        qtbot.waitUntil(
            lambda seen=seen: (panel.table.grab(), len(reads) > seen)[1] and not panel.model.fetching, timeout=5000
        )
    count = panel.model.rowCount()
    cells = [panel.model.index(r, c).data() for r in range(count - 10, count) for c in range(panel.model.columnCount())]
    assert set(cells) == {PLACEHOLDER}
    assert not any(reads) and len(told) == 1
    assert "Could not read the deals" in panel.status.text() and "busy" in panel.status.text()
    monkeypatch.setattr(deals, "deal_rows_at", real)
    last = panel.model.index(count - 1, 2)
    qtbot.waitUntil(lambda: last.data() != PLACEHOLDER, timeout=10_000)
    assert last.data() == all_deals(uow, count)[-1]
    panel.model.wait()


def test_the_plan_model_passes_qt_model_tester(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PlanModel()
    qtmodeltester.check(model, force_py=True)  # empty, before the plan is made
    model.set_rows(
        [
            RowReport(2, Fate.NEW, "ООО «Ромашка»"),
            RowReport(3, Fate.ERROR, "", reasons=("ИНН: неверная контрольная цифра",)),
            RowReport(4, Fate.UPDATE, "ООО «Ёлка»", changed=("phone",), name_in_base="ООО «Ель»"),
            RowReport(5, Fate.SKIPPED, "ИП Борисов", duplicate_of="строка 2 (телефон)"),
            RowReport(6, Fate.UNCHANGED, "АО «Альфа»", repaired=("ИНН 274062111 → 0274062111",)),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 2).data() == "error, not imported"


def test_the_window_says_once_that_client_rows_could_not_be_read(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.load_demo(uow(), 150, seed=4)
    monkeypatch.setattr(client_model, "PAGE", SMALL_PAGE)
    monkeypatch.setattr(paging, "RETRY_AFTER_S", 0.05)
    window = make_window()
    window.model._rows.page = SMALL_PAGE
    window.model.reload()
    qtbot.waitUntil(lambda: not window.model.loading and window.model.rowCount() == 150, timeout=10_000)
    reads: list[bool] = []

    def busy(*_args: object, **_kwargs: object) -> list[object]:
        reads.append(threading.current_thread() is threading.main_thread())
        raise StoreError(msg("err.db_busy"))

    qtbot.waitUntil(lambda: not window.model.fetching, timeout=10_000)  # as in the deals test above
    monkeypatch.setattr(clients, "rows_at", busy)
    shown: list[str] = []
    window.notice.label.setText("")
    window.model.page_failed.connect(lambda _text: shown.append(window.notice.label.text()))
    window.table.scrollToBottom()
    for _ in range(3):
        seen = len(reads)
        qtbot.waitUntil(
            lambda seen=seen: (window.table.grab(), len(reads) > seen)[1] and not window.model.fetching, timeout=5000
        )
    window.model.reload()  # the list read again (its first page still answers) while the rest cannot be
    qtbot.waitUntil(lambda: not window.model.loading, timeout=10_000)
    window.table.scrollToBottom()
    seen = len(reads)
    qtbot.waitUntil(lambda: (window.table.grab(), len(reads) > seen)[1] and not window.model.fetching, timeout=5000)
    assert window.table.model().index(149, 0).data() == PLACEHOLDER
    assert not any(reads) and len(shown) == 1
    assert window.notice.isVisible() and "Could not load the list" in window.notice.label.text()
    assert "busy" in window.notice.label.text()
