"""Saved views (issue 15 item 3): kept per manager in the base, checked on every read, counted through
the lists' own SQL; the new filters "without INN" and "no contact for N days". SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.messages import set_language
from salesdesk.domain.model import (
    ClientFields,
    ClientStatus,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
)
from salesdesk.domain.queries import ClientQuery
from salesdesk.domain.views import (
    DOC_VERSION,
    ViewDamaged,
    ViewList,
    ViewState,
    client_filters,
    client_query,
    deal_filters,
    load_state,
    to_document,
)
from salesdesk.services import clients, deals, history, reference, views
from salesdesk.store import Database, UnitOfWork
from salesdesk.store import schema as s

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def as_(database: Database, manager_id: int | None) -> Callable[[], UnitOfWork]:
    return lambda: UnitOfWork(database, actor=Actor(manager_id, Via.WINDOW))


@pytest.fixture
def office(database: Database) -> dict[str, int]:
    """Two managers; clients with and without an INN, contacted lately or long ago; two deals."""
    nobody = UnitOfWork(database)
    ids = {name: reference.create_manager(nobody, ManagerFields(name=name)).id for name in ("Белов Пётр", "Кузнецова")}
    petr, anna = ids["Белов Пётр"], ids["Кузнецова"]

    def client(name: str, **fields: object) -> int:
        return clients.create_client(UnitOfWork(database), ClientFields(name=name, **fields)).id  # type: ignore[arg-type]

    ids["with_inn"] = client("ООО «Ромашка»", inn="7707083893", owner_id=petr, status=ClientStatus.ACTIVE)
    ids["no_inn_lead"] = client("ООО «Лютик»", owner_id=petr, status=ClientStatus.LEAD)
    ids["no_inn_anna"] = client("ИП Сидоров", owner_id=anna, status=ClientStatus.ACTIVE)
    ids["never"] = client("АО «Тишина»", inn="7728168971", owner_id=anna, status=ClientStatus.ACTIVE)
    for key, days in (("with_inn", 10), ("no_inn_anna", 200)):
        history.log_interaction(
            UnitOfWork(database),
            ids[key],
            InteractionFields(kind=InteractionKind.CALL, occurred_at=NOW - timedelta(days=days), summary="звонок"),
        )
    for stage, title in ((DealStage.NEW, "Поставка"), (DealStage.WON, "Монтаж")):
        deals.add_deal(
            UnitOfWork(database),
            ids["with_inn"],
            DealFields(title=title, amount=Money.of(1000), stage=stage, opened_on=date(2026, 11, 1)),
        )
    return ids


def counts(uow: Callable[[], UnitOfWork], which: ViewList | None = None) -> dict[object, int | None]:
    return {c.view.id: c.count for c in views.views_with_counts(uow(), which, now=NOW)}


def test_new_filters_run_in_the_store(database: Database, office: dict[str, int]) -> None:
    with UnitOfWork(database).reading() as u:
        assert set(u.listing.ids(ClientQuery(no_inn=True))) == {office["no_inn_lead"], office["no_inn_anna"]}
        dormant = set(u.listing.ids(ClientQuery(dormant_days=90, now=NOW)))
        # contacted 200 days ago or never: dormant; 10 days ago: not
        assert dormant == {office["no_inn_lead"], office["no_inn_anna"], office["never"]}
        # contacted 200 days ago is not dormant over 300 days
        assert set(u.listing.ids(ClientQuery(dormant_days=300, now=NOW))) == dormant - {office["no_inn_anna"]}
        assert u.listing.count(ClientQuery(dormant_days=5, now=NOW)) == 4


def test_shipped_views_are_counted_for_the_signed_in_manager(database: Database, office: dict[str, int]) -> None:
    petr = as_(database, office["Белов Пётр"])
    found = counts(petr)
    assert found["mine"] == 2  # Пётр's two clients
    assert found["no_inn"] == 2
    assert found["hot_leads"] == 1
    assert found["dormant_90"] == 2  # active, not contacted for 90 days: Сидоров (200 days), «Тишина» (never)
    assert found["open_deals"] == 1 and found["won_deals"] == 1
    assert counts(as_(database, office["Кузнецова"]))["mine"] == 2
    assert set(counts(petr, ViewList.DEALS)) == {"open_deals", "won_deals", "contracts_ending"}


def test_a_view_round_trips_and_belongs_to_its_manager(database: Database, office: dict[str, int]) -> None:
    petr, anna = as_(database, office["Белов Пётр"]), as_(database, office["Кузнецова"])
    state = ViewState(
        client_filters(scope="mine", no_inn=True, tag="опт"),
        text="лютик",
        columns=("name", "inn", "owner"),
        sort="completeness",
        descending=True,
        widths={"name": 300, "inn": 90},
    )
    ident = views.save_view(petr(), ViewList.CLIENTS, "  Мои  горячие лиды ", state)
    (mine,) = [v for v in views.list_views(petr(), ViewList.CLIENTS) if v.id == ident]
    assert mine.name == "Мои горячие лиды" and mine.state == state and not mine.shipped
    assert ident not in {v.id for v in views.list_views(anna())}  # Анна does not see Пётр's view
    # the same name (any case) for the same manager and list is refused; another manager may take it
    with pytest.raises(ValidationError, match="already"):
        views.save_view(petr(), ViewList.CLIENTS, "мои ГОРЯЧИЕ лиды", state)
    views.save_view(anna(), ViewList.CLIENTS, "Мои горячие лиды", state)
    views.save_view(petr(), ViewList.DEALS, "Мои горячие лиды", ViewState(deal_filters(stage="open")))
    # nobody else may change it
    with pytest.raises(NotFoundError):
        views.rename_view(anna(), ident, "Чужой")
    assert views.rename_view(petr(), ident, "Без ИНН, мои") == "Без ИНН, мои"
    views.update_view(petr(), ident, ViewState(client_filters(status="lead")))
    (renamed,) = [v for v in views.list_views(petr()) if v.id == ident]
    assert renamed.name == "Без ИНН, мои" and renamed.state == ViewState(client_filters(status="lead"))
    assert counts(petr)[ident] == 1
    views.delete_view(petr(), ident)
    assert ident not in {v.id for v in views.list_views(petr())}


def test_shipped_views_cannot_be_changed_and_their_names_are_taken(database: Database, office: dict[str, int]) -> None:
    petr = as_(database, office["Белов Пётр"])
    for action in (
        lambda: views.delete_view(petr(), "no_inn"),
        lambda: views.rename_view(petr(), "no_inn", "Другое"),
        lambda: views.update_view(petr(), "no_inn", ViewState()),
    ):
        with pytest.raises(ValidationError, match="Without INN"):
            action()
    for name in ("Без ИНН", "without inn"):  # either language, either list
        for which in ViewList:
            with pytest.raises(ValidationError):
                views.save_view(petr(), which, name, ViewState())
    with pytest.raises(ValidationError):
        views.save_view(petr(), ViewList.CLIENTS, "   ", ViewState())
    with pytest.raises(ValidationError):
        views.save_view(petr(), ViewList.CLIENTS, "я" * 101, ViewState())


def test_a_damaged_view_is_listed_with_its_problem_never_a_crash(database: Database, office: dict[str, int]) -> None:
    petr = as_(database, office["Белов Пётр"])
    ids = [views.save_view(petr(), ViewList.CLIENTS, f"вид {n}", ViewState()) for n in range(4)]
    documents = [
        "{not json",
        json.dumps({"version": DOC_VERSION + 1, "filters": {}}),
        json.dumps({"version": 1, "filters": {"status": "hot"}}),
        json.dumps({"version": 1, "filters": {"no_inn": "yes"}}),
    ]
    with database.engine.begin() as conn:
        for ident, document in zip(ids, documents, strict=True):
            conn.execute(update(s.views).where(s.views.c.id == ident).values(document=document))
    set_language("ru")
    listed = {v.id: v for v in views.list_views(petr())}
    assert all(listed[i].state is None for i in ids)
    assert "повреждён" in listed[ids[0]].problem
    assert "более новой версией" in listed[ids[1]].problem
    assert "status" in listed[ids[2]].problem
    assert all(counts(petr)[i] is None for i in ids)
    views.delete_view(petr(), ids[0])  # a damaged view can still be deleted


def test_unknown_columns_are_left_out_and_known_ones_kept() -> None:
    document = json.dumps(
        {"version": 1, "columns": ["name", "future", "inn"], "widths": {"name": 200, "future": 90, "inn": 5}}
    )
    state = load_state(ViewList.CLIENTS, document)
    assert state.columns == ("name", "inn") and state.widths == {"name": 200}
    assert load_state(ViewList.CLIENTS, to_document(ViewList.CLIENTS, state)) == state
    with pytest.raises(ViewDamaged):
        load_state(ViewList.CLIENTS, json.dumps({"version": 1, "list": "deals"}))
    with pytest.raises(ViewDamaged):
        load_state(ViewList.CLIENTS, "[1, 2]")


def test_a_value_whose_switch_is_off_does_not_count_as_a_change() -> None:
    view = ViewState(client_filters(status="lead"))
    assert view.same_as(ViewState(client_filters(status="lead", threshold=70, dormant_days=30)))
    assert not view.same_as(ViewState(client_filters(status="lead", below=True)))
    assert not view.same_as(ViewState(client_filters(status="lead"), text="ёлка"))
    with_columns = ViewState(client_filters(), columns=("name", "inn"), sort="inn", widths={"name": 200})
    assert with_columns.same_as(ViewState(client_filters(), columns=("name", "inn"), sort="inn", widths={"name": 200}))
    assert not with_columns.same_as(ViewState(client_filters(), columns=("inn", "name"), sort="inn"))
    assert not with_columns.same_as(
        ViewState(client_filters(), columns=("name", "inn"), sort="inn", widths={"name": 201})
    )
    # a view that leaves columns, sort and widths open matches any
    assert ViewState(client_filters()).same_as(with_columns)


def test_find_view_by_either_language_or_number(database: Database, office: dict[str, int]) -> None:
    petr = as_(database, office["Белов Пётр"])
    ident = views.save_view(petr(), ViewList.CLIENTS, "Спящие оптовики", ViewState())
    assert views.find_view(petr(), "Без ИНН").id == "no_inn"
    assert views.find_view(petr(), "WITHOUT INN").id == "no_inn"
    assert views.find_view(petr(), "спящие ОПТОВИКИ").id == ident
    assert views.find_view(petr(), str(ident)).id == ident
    with pytest.raises(ValidationError, match="Нет такого|No view"):
        views.find_view(petr(), "Нет такого")


def test_saving_records_a_view_change_for_the_bus(database: Database, office: dict[str, int]) -> None:
    heard: list[object] = []
    uow = UnitOfWork(database, actor=Actor(office["Белов Пётр"], Via.WINDOW), listeners=[heard.append])
    ident = views.save_view(uow, ViewList.CLIENTS, "Мой вид", ViewState())
    assert any(getattr(r, "entity", None) == "view" and r.ident == ident for batch in heard for r in batch)  # type: ignore[attr-defined]


def test_a_view_keeps_the_needs_checking_filter(uow: Callable[[], UnitOfWork]) -> None:
    """Saved views and fresh data arrived together: the "needs checking" switch of the filter bar was
    dropped from a saved view as a key it did not know, so the view showed every client."""
    state = ViewState(client_filters(checking=True))
    assert client_query(state, me=None).needs_checking
    assert not client_query(ViewState(client_filters()), me=None).needs_checking
    saved = views.save_view(uow(), ViewList.CLIENTS, "Проверить данные", state)
    assert next(v for v in views.list_views(uow(), ViewList.CLIENTS) if v.id == saved).state.filters["checking"]
