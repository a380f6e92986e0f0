"""Roles and the base's rules in a base of several seats (issue 14): enforced by the services
themselves, whoever calls them (the window, the command line), on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.messages import set_language
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields, ManagerFields, Role
from salesdesk.services import clients, contacts, erasure, exporting, permissions, person_export, reference
from salesdesk.services.permissions import NotAllowed, Rules
from salesdesk.store import Database, UnitOfWork


@pytest.fixture
def office(database: Database) -> dict[str, int]:
    """A head, two managers, and a client of each manager."""
    nobody = UnitOfWork(database)
    ids = {
        name: reference.create_manager(nobody, ManagerFields(name=name)).id
        for name in ("Воронцова Ирина", "Белов Пётр", "Кузнецов Олег")
    }
    permissions.set_role(UnitOfWork(database), ids["Воронцова Ирина"], Role.HEAD)  # no head yet: anyone may
    ids["petr_client"] = clients.create_client(
        nobody, ClientFields(name="ООО «Ромашка»", owner_id=ids["Белов Пётр"])
    ).id
    ids["oleg_client"] = clients.create_client(
        nobody, ClientFields(name="ООО «Василёк»", owner_id=ids["Кузнецов Олег"])
    ).id
    return ids


def as_(database: Database, manager_id: int | None) -> Callable[[], UnitOfWork]:
    return lambda: UnitOfWork(database, actor=Actor(manager_id, Via.WINDOW))


def exported_names(path: Path) -> list[str]:
    sheet = load_workbook(path, read_only=True).worksheets[0]
    return [str(row[1]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[1]]


def test_a_base_without_a_head_restricts_nobody(database: Database, tmp_path: Path) -> None:
    nobody = UnitOfWork(database)
    petr = reference.create_manager(nobody, ManagerFields(name="Белов Пётр")).id
    clients.create_client(nobody, ClientFields(name="ООО «Ромашка»"))
    found = permissions.rights(as_(database, petr)())
    assert not found.has_head and found.may_export_all and found.may_erase and found.may_set_roles
    result = exporting.export_clients(as_(database, petr)(), tmp_path / "all.xlsx")
    assert result.clients == 1


def test_a_manager_exports_only_own_clients_unless_the_base_allows(
    database: Database, office: dict[str, int], tmp_path: Path
) -> None:
    set_language("ru")
    petr, head = as_(database, office["Белов Пётр"]), as_(database, office["Воронцова Ирина"])
    with pytest.raises(NotAllowed) as refused:
        exporting.export_clients(petr(), tmp_path / "all.xlsx")
    assert "1 чужой клиент" in str(refused.value) and "Воронцова Ирина" in str(refused.value)
    assert not (tmp_path / "all.xlsx").exists()
    mine = exporting.export_clients(petr(), tmp_path / "mine.xlsx", ids=[office["petr_client"]])
    assert mine.clients == 1 and exported_names(tmp_path / "mine.xlsx") == ["ООО «Ромашка»"]
    assert exporting.export_clients(head(), tmp_path / "head.xlsx").clients == 2
    with pytest.raises(NotAllowed):  # a manager does not change the rules
        permissions.set_rules(petr(), Rules(managers_may_export=True))
    permissions.set_rules(head(), Rules(managers_may_export=True))
    assert exporting.export_clients(petr(), tmp_path / "all.xlsx").clients == 2


def test_a_seat_where_nobody_signed_in_is_restricted_in_a_base_with_a_head(
    database: Database, office: dict[str, int], tmp_path: Path
) -> None:
    with pytest.raises(NotAllowed):
        exporting.export_clients(as_(database, None)(), tmp_path / "all.csv")


def test_the_person_export_of_another_managers_contact_is_the_rules(
    database: Database, office: dict[str, int], tmp_path: Path
) -> None:
    nobody = UnitOfWork(database)
    person = contacts.add_contact(nobody, office["oleg_client"], ContactFields(full_name="Сидорова Анна")).id
    with pytest.raises(NotAllowed):
        person_export.export_person(as_(database, office["Белов Пётр"])(), person, tmp_path / "p.xlsx")
    assert not (tmp_path / "p.xlsx").exists()
    # the owner's own person passes the check (what the export then writes: tests/integration/test_erasure.py)
    with UnitOfWork(database, actor=Actor(office["Кузнецов Олег"], Via.WINDOW)).reading() as unit:
        permissions.require_export_of(unit, [office["oleg_client"]])


def test_erasing_is_a_heads_unless_the_base_allows(database: Database, office: dict[str, int]) -> None:
    set_language("en")
    nobody = UnitOfWork(database)
    person_client = clients.create_client(
        nobody, ClientFields(name="Ерофеев Тихон", kind=ClientKind.PERSON, owner_id=office["Белов Пётр"])
    ).id
    clients.trash_clients(nobody, [office["oleg_client"]])
    petr, head = as_(database, office["Белов Пётр"]), as_(database, office["Воронцова Ирина"])
    with pytest.raises(NotAllowed) as refused:
        erasure.empty_trash(petr(), before=lambda: None)
    assert "Only a head (Воронцова Ирина) may erase" in str(refused.value)
    with pytest.raises(NotAllowed):
        erasure.erase_client(petr(), person_client, ground="request")
    assert erasure.trash_contents(nobody)["client"] == 1  # nothing went
    assert clients.get_client(nobody, person_client).name == "Ерофеев Тихон"
    permissions.set_rules(head(), Rules(managers_may_erase=True))
    assert erasure.empty_trash(petr(), before=lambda: None).total >= 1
    clients.trash_clients(nobody, [office["petr_client"]])
    permissions.set_rules(head(), Rules())
    with pytest.raises(NotAllowed):
        erasure.empty_trash(petr(), before=lambda: None)
    assert erasure.empty_trash(head(), before=lambda: None).total >= 1


def test_only_a_head_sets_roles_and_the_last_head_stays(database: Database, office: dict[str, int]) -> None:
    petr, head = as_(database, office["Белов Пётр"]), as_(database, office["Воронцова Ирина"])
    with pytest.raises(NotAllowed):
        permissions.set_role(petr(), office["Белов Пётр"], Role.HEAD)
    with pytest.raises(NotAllowed):
        permissions.set_role(head(), office["Воронцова Ирина"], Role.MANAGER)
    permissions.set_role(head(), office["Белов Пётр"], Role.HEAD)
    assert permissions.rights(petr()).is_head
    permissions.set_role(petr(), office["Воронцова Ирина"], Role.MANAGER)
    roles = {m.name: m.role for m in reference.list_managers(UnitOfWork(database))}
    assert roles == {"Воронцова Ирина": Role.MANAGER, "Белов Пётр": Role.HEAD, "Кузнецов Олег": Role.MANAGER}


def test_the_command_line_acts_as_the_seats_manager_and_exits_2_when_not_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.integration.test_cli import new_base, run

    db = new_base(tmp_path / "office.sqlite")
    for name in ("Воронцова Ирина", "Белов Пётр"):
        assert run(capsys, "--db", db, "manager", "add", name)[0] == 0
    assert run(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»", "--owner", "Воронцова Ирина")[0] == 0
    assert run(capsys, "--db", db, "manager", "role", "Воронцова Ирина", "head")[0] == 0
    code, out, _ = run(capsys, "--db", db, "--lang", "ru", "manager", "me", "Белов Пётр")
    assert code == 0 and "Белов Пётр (Менеджер)" in out
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "export", str(tmp_path / "all.xlsx"))
    assert code == 2 and "только своих клиентов" in err and "Воронцова Ирина" in err and "Traceback" not in err
    assert not (tmp_path / "all.xlsx").exists()
    code, _, err = run(capsys, "--db", db, "--lang", "en", "manager", "rules", "--export", "yes")
    assert code == 2 and "Only a head (Воронцова Ирина)" in err
    code, _, err = run(capsys, "--db", db, "--lang", "en", "trash", "empty", "--yes")
    assert code == 0  # nothing in the trash: nothing to refuse
    assert run(capsys, "--db", db, "manager", "me", "Воронцова Ирина")[0] == 0
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "manager", "rules", "--export", "yes")
    assert code == 0 and "Managers may export the whole base: yes" in out
    code, out, _ = run(capsys, "--db", db, "--lang", "ru", "manager", "list")
    assert "Воронцова Ирина  (Руководитель)" in out and "Белов Пётр  (Менеджер)" in out
    assert run(capsys, "--db", db, "manager", "me", "Белов Пётр")[0] == 0
    assert run(capsys, "--db", db, "export", str(tmp_path / "all.xlsx"))[0] == 0
