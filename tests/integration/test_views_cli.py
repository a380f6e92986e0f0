"""The command line's saved views (issue 15 item 3): ``salesdesk views [--json]``, ``client list
--view NAME``, ``deal list --view NAME``; an unknown or damaged view exits 2 with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.views import ViewList, ViewState, client_filters
from salesdesk.services import reference, views
from salesdesk.store import UnitOfWork
from salesdesk.store import schema as s
from salesdesk.store.database import open_database, resolve_url
from tests.integration.test_cli import new_base, run


@pytest.fixture
def base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = new_base(tmp_path / "views.sqlite")
    assert run(capsys, "--db", db, "manager", "add", "Белов Пётр")[0] == 0
    assert run(capsys, "--db", db, "manager", "me", "Белов Пётр")[0] == 0
    for name, extra in (
        ("ООО «Ёлка»", ["--inn", "7707083893", "--owner", "Белов Пётр"]),
        ("ООО «Лютик»", ["--owner", "Белов Пётр"]),
        ("ИП Сидоров", []),
    ):
        assert run(capsys, "--db", db, "client", "add", "--name", name, *extra)[0] == 0
    assert run(capsys, "--db", db, "deal", "add", "1", "--title", "Поставка", "--amount", "1000")[0] == 0
    return db


def test_views_json_lists_every_view_with_its_count(base: str, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(resolve_url(base))
    try:
        petr = reference.find_manager(UnitOfWork(database), "Белов Пётр").id
        own = views.save_view(
            UnitOfWork(database, actor=Actor(petr, Via.WINDOW)),
            ViewList.CLIENTS,
            "Мои без ИНН",
            ViewState(client_filters(scope="mine", no_inn=True)),
        )
    finally:
        database.dispose()
    code, out, _ = run(capsys, "--db", base, "--lang", "ru", "views", "--json")
    assert code == 0
    listed = json.loads(out)
    assert all(set(item) == {"id", "list", "name", "count"} for item in listed)
    by_id = {item["id"]: item for item in listed}
    assert by_id["no_inn"] == {"id": "no_inn", "list": "clients", "name": "Без ИНН", "count": 2}
    assert by_id["mine"]["count"] == 2 and by_id["open_deals"]["count"] == 1
    assert by_id[own] == {"id": own, "list": "clients", "name": "Мои без ИНН", "count": 1}
    code, out, _ = run(capsys, "--db", base, "--lang", "ru", "views")
    assert code == 0 and "Мои без ИНН" in out and "Без ИНН" in out
    code, out, _ = run(capsys, "--db", base, "client", "list", "--view", "мои без инн", "--json")
    assert code == 0 and [r["name"] for r in json.loads(out)] == ["ООО «Лютик»"]


def test_client_and_deal_lists_by_view(base: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", base, "client", "list", "--view", "Без ИНН", "--json")
    assert code == 0 and sorted(r["name"] for r in json.loads(out)) == ["ИП Сидоров", "ООО «Лютик»"]
    code, out, _ = run(capsys, "--db", base, "client", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 3
    code, out, _ = run(capsys, "--db", base, "deal", "list", "--view", "Open deals", "--json")
    assert code == 0 and [d["title"] for d in json.loads(out)] == ["Поставка"]
    code, out, _ = run(capsys, "--db", base, "deal", "list", "--view", "won_deals", "--json")
    assert code == 0 and json.loads(out) == []


def test_unknown_wrong_or_damaged_view_exits_2(base: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", base, "--lang", "ru", "client", "list", "--view", "Нет такого")
    assert code == 2 and "Нет вида «Нет такого»" in err and "Traceback" not in err and out == ""
    code, _, err = run(capsys, "--db", base, "client", "list", "--view", "Open deals")
    assert code == 2 and "other list" in err
    database = open_database(resolve_url(base))
    try:
        ident = views.save_view(UnitOfWork(database), ViewList.DEALS, "Сломанный", ViewState())
        with database.engine.begin() as conn:
            conn.execute(update(s.views).where(s.views.c.id == ident).values(document="[]"))
    finally:
        database.dispose()
    # saved where nobody was signed in: not Пётр's; as nobody, it is listed as damaged and refused
    code, out, _ = run(capsys, "--db", base, "views", "--json")
    assert code == 0 and ident not in {v["id"] for v in json.loads(out)}
    database = open_database(resolve_url(base))
    try:
        with database.engine.begin() as conn:
            conn.execute(update(s.views).where(s.views.c.id == ident).values(owner_id=1))
    finally:
        database.dispose()
    code, out, _ = run(capsys, "--db", base, "views", "--json")
    assert code == 0 and {"id": ident, "list": "deals", "name": "Сломанный", "count": None} in json.loads(out)
    code, out, err = run(capsys, "--db", base, "deal", "list", "--view", "Сломанный")
    assert code == 2 and "cannot be shown" in err and "damaged" in err
