"""The bulk path (demo data, import) writes exactly what single edits write."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from salesdesk.domain.derived import derive
from salesdesk.domain.model import (
    ClientBundle,
    ClientFields,
    ContactFields,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    Money,
    ReminderFields,
)
from salesdesk.services import cards, clients, demo, derivation
from salesdesk.services.common import Cancelled, cycle_collection_paused
from salesdesk.store import Database, UnitOfWork
from tests.contents import assert_search_index_whole

NOW = datetime(2026, 11, 29, 10, 30, tzinfo=UTC)


def bundle(name: str) -> ClientBundle:
    return ClientBundle(
        client=ClientFields(name=name, inn="7707083893", phone="8 (495) 123-45-67", tags=("VIP",)),
        contacts=(
            ContactFields(
                full_name="Петрова Мария",
                position="Бухгалтер",
                birth_date=date(1980, 2, 29),
                phones=("+7 916 123-45-67",),
                emails=("m@romashka.ru",),
                is_primary=True,
            ),
        ),
        deals=(
            DealFields(
                title="Поставка",
                amount=Money.of("1234567.89"),
                stage=DealStage.WON,
                opened_on=date(2026, 1, 10),
                closed_on=date(2026, 2, 1),
                contract_end=date(2027, 2, 1),
            ),
        ),
        interactions=(InteractionFields(kind=InteractionKind.CALL, occurred_at=NOW, summary="Звонок"),),
        reminders=(ReminderFields(due_at=NOW, text="Перезвонить"),),
    )


def test_bulk_rows_read_back_like_single_edits(uow: Callable[[], UnitOfWork]) -> None:
    with uow() as work:
        b = bundle("ООО «Ромашка»")
        [ident] = work.bulk.add([(b, derive(b.client, b.contacts))], NOW)
        work.commit()
    card = cards.load_card(uow(), ident)
    assert card.client.tags == ("VIP",) and card.client.phone_e164 == "+74951234567"
    assert card.client.created_at == NOW and card.client.next_reminder_at == NOW
    assert card.contacts[0].birth_date == date(1980, 2, 29) and card.contacts[0].phones == ("+7 916 123-45-67",)
    assert card.contacts[0].is_primary is True
    assert card.deals[0].amount == Money.of("1234567.89") and card.deals[0].contract_end == date(2027, 2, 1)
    assert card.interactions[0].occurred_at == NOW and card.reminders[0].due_at == NOW
    assert [r.id for r in clients.search_clients(uow(), "петрова").rows] == [ident]
    assert [h.client_id for h in clients.find_duplicates(uow(), ClientFields(name="x", phone="89161234567"))] == [ident]


def test_search_index_is_whole_after_a_bulk_load_and_triggers_are_back(
    database: Database, uow: Callable[[], UnitOfWork]
) -> None:
    clients.create_client(uow(), ClientFields(name="ООО «До загрузки»"))
    demo.load_demo(uow(), 300, seed=5)
    clients.create_client(uow(), ClientFields(name="ООО «После загрузки»"))
    if database.is_sqlite:  # the FTS5 index and the triggers a bulk load takes off and puts back
        with database.engine.connect() as conn:
            assert_search_index_whole(conn)
            triggers = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='trigger'").scalar()
        assert triggers == 3
    assert clients.search_clients(uow(), "после загрузки").total == 1
    assert clients.search_clients(uow(), "до загрузки").total == 1
    assert clients.count_clients(uow()) == 302


def test_a_cancelled_load_leaves_the_base_and_its_triggers_as_they_were(
    database: Database, uow: Callable[[], UnitOfWork]
) -> None:
    clients.create_client(uow(), ClientFields(name="ООО «Единственный»"))

    class CancelAfterFirstBatch:
        calls = 0

        def progress(self, done: int, total: int) -> None:
            self.calls += 1

        def cancelled(self) -> bool:
            return self.calls >= 1

    with pytest.raises(Cancelled):
        demo.load_demo(uow(), 12_000, seed=1, reporter=CancelAfterFirstBatch())
    assert clients.count_clients(uow()) == 1
    with database.engine.connect() as conn:
        if database.is_sqlite:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='trigger'").scalar() == 3
        assert conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar() == 0
    clients.create_client(uow(), ClientFields(name="ООО «Второй»"))
    assert clients.search_clients(uow(), "второй").total == 1


def _batches(count: int, size: int) -> list[list[ClientBundle]]:
    from salesdesk.services.demo_data import generate_bundles

    made = list(
        generate_bundles(
            count, seed=7, now=datetime(2026, 11, 1, tzinfo=UTC), manager_ids=[1, 2], industry_ids=[1, 2, 3]
        )
    )
    return [made[i : i + size] for i in range(0, count, size)]


def test_a_worker_process_derives_exactly_what_this_process_would() -> None:
    batches = _batches(60, 25)
    with derivation.derived_batches(iter(batches), 60, threshold=0) as ready:  # threshold 0: a worker process
        got = list(ready)
    assert [[b for b, _ in batch] for batch in got] == batches  # every bundle, in order
    assert [[d for _, d in batch] for batch in got] == [
        [derive(b.client, b.contacts) for b in batch] for batch in batches
    ]


def test_leaving_early_stops_the_worker_process_and_loses_nothing_shown() -> None:
    batches = _batches(100, 10)
    with derivation.derived_batches(iter(batches), 100, threshold=0) as ready:
        first = next(ready)
    assert [b for b, _ in first] == batches[0]


def test_the_cycle_collector_is_paused_during_a_bulk_load_and_restored_after() -> None:
    import gc

    assert gc.isenabled()
    with cycle_collection_paused():
        with cycle_collection_paused():  # nested, or a second load at the same time
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_a_worker_process_runs_its_blocks_with_the_cycle_collector_paused_as_this_process_does() -> None:
    import gc
    import os

    with derivation.bulk_workers(1, threshold=0) as workers:
        assert workers.count
        where, first, second = workers.run(os.getpid), workers.run(gc.isenabled), workers.run(gc.isenabled)
        assert where is not None and first is not None and second is not None
        assert where.result(timeout=60) != os.getpid()  # it did run in the worker
        assert (first.result(timeout=60), second.result(timeout=60)) == (False, False)
        # and on again after each: asked straight of the pool, not through run()
        assert workers._pool is not None and workers._pool.submit(gc.isenabled).result(timeout=60) is True


def test_a_worker_that_dies_costs_time_not_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    submitted: list[int] = []

    class DyingPool:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            pass

        def submit(self, *_args: object) -> Future[object]:
            submitted.append(1)
            future: Future[object] = Future()
            future.set_exception(BrokenProcessPool("killed"))
            return future

        def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
            pass

    monkeypatch.setattr(derivation, "ProcessPoolExecutor", DyingPool)
    batches = _batches(60, 10)
    with derivation.derived_batches(iter(batches), 60, threshold=0) as ready:
        got = list(ready)
    assert [[b for b, _ in batch] for batch in got] == batches
    assert [[d for _, d in batch] for batch in got] == [
        [derive(b.client, b.contacts) for b in batch] for batch in batches
    ]
    assert len(submitted) <= 3 < len(batches)  # only what was on its way; the rest are derived here


def test_reading_children_of_more_clients_than_sqlite_has_parameters(uow: Callable[[], UnitOfWork]) -> None:
    ident = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»")).id
    many = [*range(100_000, 140_000), ident]  # an import that matched 40,000 stored clients asks like this
    with uow() as unit:
        # SQLite's default limit on parameters (32,766; builds may raise it): set it, as on such a build
        if unit.clients.conn.dialect.name == "sqlite":
            unit.clients.conn.connection.driver_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
        assert unit.deals.list_for_clients(many) == {}
        assert unit.reminders.list_for_clients(many) == {}
        assert unit.contacts.list_for_clients(many) == {}
        assert set(unit.clients.get_many(many)) == {ident}


def test_blocks_checked_by_a_worker_that_dies_are_checked_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """``in_blocks`` lets each block go once done; a block whose worker died is still at hand."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class HalfDyingPool:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            self.calls = 0

        def submit(self, fn: Callable[..., object], *args: object) -> Future[object]:
            self.calls += 1
            future: Future[object] = Future()
            if self.calls % 2:
                future.set_result(fn(*args))
            else:
                future.set_exception(BrokenProcessPool("killed"))
            return future

        def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
            pass

    monkeypatch.setattr(derivation, "ProcessPoolExecutor", HalfDyingPool)
    blocks = [(list(range(i, i + 5)),) for i in range(0, 60, 5)]

    def doubled(values: list[int]) -> list[int]:
        return [2 * v for v in values]

    with derivation.bulk_workers(60, threshold=0) as workers:
        got = list(derivation.in_blocks(workers, doubled, iter(list(blocks))))
    assert got == [2 * v for v in range(60)]
