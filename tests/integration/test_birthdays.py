"""Birthdays through the services and the command line, on SQLite and PostgreSQL: the query by
month and day, the persons it leaves out, the automatic reminder (once per person and year)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from salesdesk.cli import main
from salesdesk.domain.audit import AuditQuery
from salesdesk.domain.birthdays import YEAR_UNKNOWN
from salesdesk.domain.model import ContactFields, ManagerFields
from salesdesk.domain.reminders import WORKDAY_START, local_at
from salesdesk.services import audit, birthdays, clients, contacts, erasure, reference, reminders
from salesdesk.store import UnitOfWork
from tests.integration.test_cli import new_base, run

TODAY = date(2026, 12, 28)  # a week that crosses into the next year


def person(uow: Callable[[], UnitOfWork], client_id: int, name: str, birth: date | None) -> int:
    return contacts.add_contact(uow(), client_id, ContactFields(full_name=name, birth_date=birth)).id


@pytest.fixture
def office(uow: Callable[[], UnitOfWork], add_client: Callable[..., int]) -> dict[str, int]:
    anna = reference.create_manager(uow(), ManagerFields(name="Анна")).id
    romashka = add_client("ООО «Ромашка»", owner_id=anna)
    lutik = add_client("ООО «Лютик»")
    return {
        "anna": anna,
        "romashka": romashka,
        "lutik": lutik,
        "today": person(uow, romashka, "Иванов Иван", date(1980, 12, 28)),
        "new_year": person(uow, lutik, "Петрова Ольга", date(1991, 1, 2)),
        "no_year": person(uow, romashka, "Сидоров Пётр", date(YEAR_UNKNOWN, 12, 31)),
        "past": person(uow, lutik, "Вчерашний", date(1970, 12, 27)),
        "later": person(uow, lutik, "Нескоро", date(1970, 1, 5)),
        "no_birth": person(uow, lutik, "Без даты", None),
    }


def test_upcoming_birthdays_sorted_by_date_across_the_new_year(
    uow: Callable[[], UnitOfWork], office: dict[str, int]
) -> None:
    found = birthdays.upcoming(uow(), TODAY, 7)
    assert [(b.name, b.date, b.turns) for b in found] == [
        ("Иванов Иван", date(2026, 12, 28), 46),
        ("Сидоров Пётр", date(2026, 12, 31), None),
        ("Петрова Ольга", date(2027, 1, 2), 36),
    ]
    assert found[0].client == "ООО «Ромашка»" and found[0].client_id == office["romashka"]
    assert [b.name for b in birthdays.upcoming(uow(), TODAY, 7, manager_id=office["anna"])] == [
        "Иванов Иван",
        "Сидоров Пётр",
    ]


def test_29_february_on_28_february_of_a_common_year(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ИП Високосный")
    person(uow, client, "Касьян", date(1984, 2, 29))
    found = birthdays.upcoming(uow(), date(2027, 2, 28), 0)
    assert [(b.name, b.date, b.turns) for b in found] == [("Касьян", date(2027, 2, 28), 43)]
    assert birthdays.upcoming(uow(), date(2028, 2, 28), 0) == []
    assert [b.date for b in birthdays.upcoming(uow(), date(2028, 2, 28), 1)] == [date(2028, 2, 29)]


def test_persons_in_the_trash_erased_or_of_trashed_clients_are_not_listed(
    uow: Callable[[], UnitOfWork], office: dict[str, int]
) -> None:
    contacts.trash_contact(uow(), office["today"])
    erasure.erase_contact(uow(), office["no_year"], ground="request")
    assert [b.name for b in birthdays.upcoming(uow(), TODAY, 7)] == ["Петрова Ольга"]
    clients.trash_client(uow(), office["lutik"])
    assert birthdays.upcoming(uow(), TODAY, 7) == []


def test_the_automatic_reminder_is_made_once_for_the_owner_and_in_the_trail(
    uow: Callable[[], UnitOfWork], office: dict[str, int]
) -> None:
    now = datetime(2026, 12, 27, 12, 0, tzinfo=UTC)
    made = birthdays.plan_reminders(uow(), 3, today=TODAY, now=now)
    assert len(made) == 2  # 28 and 31 December; 2 January is more than 3 days ahead
    planned = {r.text: r for r in map(lambda i: reminders.get_reminder(uow(), i), made)}
    assert set(planned) == {
        "Birthday on 28.12: Иванов Иван turns 46",
        "Birthday on 31.12: Сидоров Пётр",
    }
    due = {r.text.split(":")[0]: r.due_at for r in planned.values()}
    assert due["Birthday on 31.12"] == local_at(date(2026, 12, 28), WORKDAY_START)  # 3 days before, the day's start
    assert due["Birthday on 28.12"] == datetime(2026, 12, 27, 13, 0, tzinfo=UTC)  # late: the next full hour
    assert {r.manager_id for r in planned.values()} == {office["anna"]}  # the client's owner
    trail = audit.changes(uow(), AuditQuery(client_id=office["romashka"]))
    assert {r.entity_id for r in trail if r.entity == "reminder" and r.action == "create"} == set(made)
    # again (another start, another seat, more days): nothing twice; the new one in range is made
    reminders.trash_reminder(uow(), made[0])
    assert birthdays.plan_reminders(uow(), 3, today=TODAY, now=now) == []
    again = birthdays.plan_reminders(uow(), 7, today=TODAY, now=now)
    assert [reminders.get_reminder(uow(), i).text for i in again] == ["Birthday on 02.01: Петрова Ольга turns 36"]
    assert reminders.get_reminder(uow(), again[0]).manager_id is None  # the client has no owner


def test_cli_birthdays_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "b.sqlite")
    assert run(capsys, "client", "add", "--db", db, "--name", "ООО «Ромашка»")[0] == 0
    database_uow = _uow_of(db)
    today = date.today()
    born = person(database_uow, 1, "Сегодняшний", today.replace(year=1984))
    person(database_uow, 1, "Без года", today.replace(year=YEAR_UNKNOWN))
    code, out, err = run(capsys, "birthdays", "--db", db, "--days", "0", "--json")
    assert code == 0, err
    row = {"client_id": 1, "client": "ООО «Ромашка»", "date": today.isoformat()}
    assert json.loads(out) == [  # one day: by name
        {"contact_id": born + 1, "name": "Без года", **row, "turns": None},
        {"contact_id": born, "name": "Сегодняшний", **row, "turns": today.year - 1984},
    ]
    assert list(json.loads(out)[0]) == ["contact_id", "name", "client_id", "client", "date", "turns"]
    code, out, _err = run(capsys, "birthdays", "--db", db, "--lang", "ru")
    assert code == 0 and "Сегодняшний" in out and f"исполняется {today.year - 1984}" in out
    with pytest.raises(SystemExit) as exited:
        main(["birthdays", "--db", db, "--days", "400"])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "--days" in err and "Traceback" not in err


def _uow_of(db: str) -> Callable[[], UnitOfWork]:
    from salesdesk.app import open_store

    database = open_store(db)
    return lambda: UnitOfWork(database)
