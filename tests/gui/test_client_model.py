"""The client table model on its own, without a view (docs/architecture.md: models tested with no view)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientStatus
from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.services import clients, demo
from salesdesk.store import UnitOfWork
from salesdesk.ui import client_model, paging
from salesdesk.ui.client_model import COLUMN_OF, ClientTableModel
from salesdesk.ui.paging import PLACEHOLDER
from salesdesk.ui.workers import Runner


@pytest.fixture
def model(qtbot: QtBot, uow: Callable[[], UnitOfWork]) -> ClientTableModel:
    runner = Runner()
    model = ClientTableModel(uow, runner)
    model._test_runner = runner  # type: ignore[attr-defined]  # keep it alive with the model
    return model


EVERYONE = ClientQuery()


def load(qtbot: QtBot, model: ClientTableModel, query: ClientQuery = EVERYONE) -> None:
    with qtbot.waitSignal(model.counts_changed, timeout=10_000):
        model.set_query(query)


def shown(qtbot: QtBot, model: QAbstractItemModel, row: int, column: int = 0) -> str:
    """What the cell shows once its page has been read (painting never waits for the base)."""
    index = model.index(row, column)
    qtbot.waitUntil(lambda: index.data() != PLACEHOLDER, timeout=10_000)
    return str(index.data())


def test_the_model_passes_qt_model_tester(
    qtbot: QtBot,
    qtmodeltester,
    model: ClientTableModel,  # type: ignore[no-untyped-def]
    uow: Callable[[], UnitOfWork],
) -> None:
    demo.load_demo(uow(), 300, seed=7)
    load(qtbot, model)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_lazily_and_memory_stays_bounded(
    qtbot: QtBot, model: ClientTableModel, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    model._rows.page, model._rows.max_pages = 20, 3
    monkeypatch.setattr(client_model, "PAGE", 20)
    demo.load_demo(uow(), 250, seed=3)
    load(qtbot, model)
    assert model.rowCount() == 250
    assert len(model._rows.pages) == 1  # only the first page so far
    names = [shown(qtbot, model, r) for r in range(model.rowCount())]
    assert len(set(zip(names, range(250), strict=True))) == 250 and all(names)
    assert len(model._rows.pages) <= 3  # scrolling through everything kept three pages at most
    last = shown(qtbot, model, 249)
    every = [r.name for r in clients.rows_at(uow(), ClientQuery(), 0, 300)]
    assert last == every[-1] and names == every


def test_sorting_is_done_by_the_database(qtbot: QtBot, model: ClientTableModel, add_client: Callable[..., int]) -> None:
    for name, status in (
        ("ООО «Вега»", ClientStatus.FORMER),
        ("АО «Альфа»", ClientStatus.ACTIVE),
        ("ИП Борисов", ClientStatus.LEAD),
    ):
        add_client(name, status=status)
    load(qtbot, model)
    assert [model.index(r, 0).data() for r in range(3)] == ["АО «Альфа»", "ИП Борисов", "ООО «Вега»"]
    with qtbot.waitSignal(model.counts_changed, timeout=10_000):
        model.sort(COLUMN_OF["status"], Qt.SortOrder.AscendingOrder)
    assert [model.index(r, COLUMN_OF["status"]).data() for r in range(3)] == ["Lead", "Active", "Former"]
    assert model.query.sort is ClientSort.STATUS
    with qtbot.waitSignal(model.counts_changed, timeout=10_000):
        model.sort(COLUMN_OF["name"], Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "ООО «Вега»"


def test_a_stale_answer_never_replaces_a_newer_one(
    qtbot: QtBot, model: ClientTableModel, add_client: Callable[..., int]
) -> None:
    add_client("ООО «Ромашка»")
    add_client("ООО «Василёк»")
    with qtbot.waitSignal(model.counts_changed, timeout=10_000):
        for text in ("р", "ро", "ром", "вас"):  # typed quickly: only the last one counts
            model.set_query(ClientQuery(text=text))
    qtbot.waitUntil(lambda: not model.loading)
    assert model.query.text == "вас"
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["ООО «Василёк»"]


def test_completeness_and_reminder_cells(
    qtbot: QtBot, model: ClientTableModel, add_client: Callable[..., int], uow: Callable[[], UnitOfWork]
) -> None:
    from datetime import UTC, datetime, timedelta

    from salesdesk.domain.model import ReminderFields
    from salesdesk.services import reminders

    ident = add_client("ООО «Ромашка»", inn="7707083893")
    reminders.add_reminder(uow(), ident, ReminderFields(due_at=datetime.now(UTC) - timedelta(days=1), text="x"))
    load(qtbot, model)
    cell = model.index(0, COLUMN_OF["completeness"])
    assert cell.data().endswith("%")
    assert "Missing:" in cell.data(Qt.ItemDataRole.ToolTipRole)
    reminder = model.index(0, COLUMN_OF["next_reminder"])
    assert reminder.data() and reminder.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_an_answer_for_a_model_destroyed_meanwhile_is_dropped(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    """A tab closed while its list loads: the answer arrives for a deleted C++ object and is
    dropped quietly (pytest-qt fails the test on any exception raised in a slot)."""
    import threading

    import shiboken6

    add_client("ООО «Ромашка»")
    runner = Runner()
    release, asked = threading.Event(), threading.Event()

    def slow_uow() -> UnitOfWork:
        asked.set()
        assert release.wait(10)
        return uow()

    model = ClientTableModel(slow_uow, runner)
    model.set_query(EVERYONE)
    assert asked.wait(10)  # the worker is in flight
    shiboken6.delete(model)
    assert not shiboken6.isValid(model)
    release.set()
    assert runner.wait(10_000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)  # the answer was delivered to no one


@pytest.mark.parametrize("kind", ["busy", "bug"])
def test_painting_never_reads_the_base_and_a_failed_page_shows_placeholders_and_one_notice(
    qtbot: QtBot, model: ClientTableModel, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    error = StoreError(msg("err.db_busy")) if kind == "busy" else RuntimeError("a bug in the page read")
    model._rows.page = 20
    monkeypatch.setattr(client_model, "PAGE", 20)
    monkeypatch.setattr(paging, "RETRY_AFTER_S", 0.05)  # painting again soon asks again, and fails again
    demo.load_demo(uow(), 250, seed=5)
    load(qtbot, model)
    real = clients.rows_at
    reads: list[bool] = []  # was it read on the GUI thread?

    def broken(*args: object, **kwargs: object) -> object:
        reads.append(threading.current_thread() is threading.main_thread())
        raise error

    monkeypatch.setattr(clients, "rows_at", broken)
    told: list[str] = []
    model.page_failed.connect(told.append)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()
    view.scrollToBottom()
    view.grab()  # painting the last rows: no read on this thread, so nothing can raise here
    cells = [model.index(r, c).data() for r in range(200, 250) for c in range(model.columnCount())]
    assert set(cells) == {PLACEHOLDER}
    assert model.index(249, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    qtbot.waitUntil(lambda: bool(told) and not model.fetching, timeout=5000)
    for _ in range(3):  # scrolling over the failed rows again, later: asked again, still not one more notice
        seen = len(reads)
        qtbot.waitUntil(
            lambda seen=seen: (
                (view.grab(), model.index(249, 0).data())[1] == PLACEHOLDER and len(reads) > seen and not model.fetching
            ),
            timeout=5000,
        )
    expected = "The database is busy" if kind == "busy" else "an internal error (see the log)"
    assert not any(reads)  # never read while painting
    assert len(told) == 1 and expected.lower() in told[0].lower()
    monkeypatch.setattr(clients, "rows_at", real)  # the base answers again: a later scroll shows the rows
    every = [r.name for r in real(uow(), ClientQuery(), 0, 300)]
    assert shown(qtbot, model, 249) == every[-1]
    assert shown(qtbot, model, 210) == every[210]


def test_a_page_answer_for_a_list_replaced_meanwhile_is_dropped(
    qtbot: QtBot, model: ClientTableModel, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    model._rows.page = 20
    monkeypatch.setattr(client_model, "PAGE", 20)
    demo.load_demo(uow(), 100, seed=9)
    load(qtbot, model)
    assert model.index(90, 0).data() == PLACEHOLDER  # asked for; the answer is on its way
    load(qtbot, model, ClientQuery(sort=ClientSort.NAME, descending=True))
    every = [r.name for r in clients.rows_at(uow(), ClientQuery(sort=ClientSort.NAME, descending=True), 0, 100)]
    assert shown(qtbot, model, 90) == every[90]


def _held_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, list[ClientQuery], list[tuple[ClientQuery, clients.ListCounts | None]]]:
    """Counts wait for the returned event (as a count of 1,000,000 clients takes its time); the
    lists hold the query of every count that started, and each query with what it answered."""
    gate: threading.Event = threading.Event()
    ran: list[ClientQuery] = []
    answers: list[tuple[ClientQuery, clients.ListCounts | None]] = []
    original = clients.list_counts

    def held(
        uow: UnitOfWork, query: ClientQuery, *, with_base_total: bool, cancelled: Callable[[], bool] | None = None
    ) -> clients.ListCounts | None:
        ran.append(query)
        assert gate.wait(10)
        found = original(uow, query, with_base_total=with_base_total, cancelled=cancelled)
        answers.append((query, found))
        return found

    monkeypatch.setattr(clients, "list_counts", held)
    return gate, ran, answers


def test_the_first_page_is_shown_before_the_list_is_counted(
    qtbot: QtBot, model: ClientTableModel, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    model._rows.page = 20
    monkeypatch.setattr(client_model, "PAGE", 20)
    demo.load_demo(uow(), 250, seed=3)
    gate, _ran, _answers = _held_counts(monkeypatch)
    counted: list[tuple[int, int]] = []
    model.counts_changed.connect(lambda shown, base, _avg: counted.append((shown, base)))
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.set_query(EVERYONE)
    # the page is there while the count still runs: its rows, no total yet
    assert model.rowCount() == 20 and model.counting and not model.loading and counted == []
    every = [r.name for r in clients.rows_at(uow(), EVERYONE, 0, 250)]
    assert [shown(qtbot, model, r) for r in range(20)] == every[:20]
    with qtbot.waitSignal(model.counts_changed, timeout=10_000):
        gate.set()
    assert counted == [(250, 250)] and model.rowCount() == 250 and not model.counting
    assert shown(qtbot, model, 249) == every[-1]


def test_a_count_for_a_list_typed_over_is_dropped(
    qtbot: QtBot, model: ClientTableModel, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    model._rows.page = 20
    monkeypatch.setattr(client_model, "PAGE", 20)
    demo.load_demo(uow(), 250, seed=3)
    gate, ran, answers = _held_counts(monkeypatch)
    counted: list[int] = []
    model.counts_changed.connect(lambda shown, _base, _avg: counted.append(shown))
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.set_query(EVERYONE)
    qtbot.waitUntil(lambda: len(ran) == 1, timeout=10_000)  # counting everyone, held
    narrower = ClientQuery(statuses=frozenset({ClientStatus.ACTIVE}))
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.set_query(narrower)
    expected = clients.count_clients(uow(), narrower)
    with qtbot.waitSignal(model.counts_changed, timeout=10_000):
        gate.set()
    qtbot.waitUntil(lambda: len(answers) == len(ran), timeout=10_000)
    assert counted == [expected] and model.rowCount() == expected and model.query == narrower
    # the count of everyone, typed over while it waited, was not run (SQLite's would have been
    # stopped where it was, PostgreSQL's cancelled on the server: test_search_fast.py)
    assert ran[0] == EVERYONE and dict(answers)[EVERYONE] is None


def test_a_count_for_a_model_destroyed_meanwhile_is_dropped(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list closed while its count runs (the page came already): the count's answer is for a
    deleted C++ object and is dropped quietly, as the page's is."""
    import shiboken6

    add_client("ООО «Ромашка»")
    gate, ran, _answers = _held_counts(monkeypatch)
    runner = Runner()
    model = ClientTableModel(uow, runner)
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.set_query(EVERYONE)
    qtbot.waitUntil(lambda: len(ran) == 1, timeout=10_000)  # the count is in flight
    shiboken6.delete(model)
    gate.set()
    assert runner.wait(10_000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)  # delivered to no one, no exception
