"""The audit trail (issue 12, items 4 and 8): every kind of change to a client, contact person, deal,
interaction and reminder leaves an entry with who, when, through what and before → after, written
in the transaction of the change; the command line lists it; the export carries it as a sheet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.audit import Actor, AuditQuery, AuditRecord, Via
from salesdesk.domain.errors import StaleEditError
from salesdesk.domain.model import (
    ClientFields,
    ClientStatus,
    ContactFields,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    ReminderFields,
)
from salesdesk.domain.reminders import Snooze
from salesdesk.services import audit, clients, contacts, deals, exporting, history, importing, reference, reminders
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url
from tests.integration.test_cli import new_base, run

JSON_KEYS = {"at", "manager", "entity", "entity_id", "action", "field", "old", "new", "via"}


def trail(database: Database, **query: object) -> list[AuditRecord]:
    """The trail in the order it was written."""
    return sorted(audit.changes(UnitOfWork(database), AuditQuery(**query)), key=lambda r: r.id)  # type: ignore[arg-type]


def triples(records: list[AuditRecord]) -> list[tuple[str, str, str | None]]:
    return [(r.entity, r.action, r.field) for r in records]


@pytest.fixture
def manager(database: Database) -> int:
    return reference.create_manager(UnitOfWork(database), ManagerFields(name="Иванова Анна")).id


@pytest.fixture
def window(database: Database, manager: int) -> Callable[[], UnitOfWork]:
    """Units of work as the window makes them (gui.run_gui): the seat's manager, the window."""
    return lambda: UnitOfWork(database, actor=lambda: Actor(manager, Via.WINDOW))


# Every kind of change, every entity ----------------------------------------------------------------


def test_every_kind_of_change_to_every_entity_leaves_an_entry_with_who_and_through_what(
    database: Database, window: Callable[[], UnitOfWork], manager: int
) -> None:
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»", city="Москва")).id
    card = clients.get_client(window(), cid)
    clients.update_client(
        window(), cid, card.version, ClientFields(name="ООО «Ромашка»", city="Тверь", inn="7707083893")
    )
    clients.trash_client(window(), cid)
    clients.restore_client(window(), cid)

    person = contacts.add_contact(window(), cid, ContactFields(full_name="Сидоров Иван", phones=("+7 916 123-45-67",)))
    contacts.update_contact(
        window(),
        person.id,
        1,
        ContactFields(full_name="Сидоров Иван", phones=("+7 916 765-43-21",), position="Директор"),
    )
    contacts.trash_contact(window(), person.id)
    contacts.restore_contact(window(), person.id)

    deal = deals.add_deal(
        window(), cid, DealFields(title="Бумага", amount=Money.of("1000"), opened_on=date(2026, 3, 1))
    )
    won = DealFields(title="Бумага", amount=Money.of("1500.50"), stage=DealStage.WON, opened_on=date(2026, 3, 1))
    deals.update_deal(window(), deal.id, 1, won, now=now)
    deals.trash_deal(window(), deal.id)
    deals.restore_deal(window(), deal.id)

    logged = history.log_interaction(
        window(), cid, InteractionFields(kind=InteractionKind.CALL, occurred_at=now, summary="Позвонили")
    )
    history.trash_interaction(window(), logged.id)
    history.restore_interaction(window(), logged.id)

    due = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    reminder = reminders.add_reminder(window(), cid, ReminderFields(due_at=due, text="Перезвонить"))
    reminders.update_reminder(window(), reminder.id, 1, ReminderFields(due_at=due, text="Перезвонить в среду"))
    reminders.snooze_reminder(window(), reminder.id, Snooze.TOMORROW, now=now)
    reminders.complete_reminder(window(), reminder.id, now=now)
    reminders.reopen_reminder(window(), reminder.id, now=now)
    reminders.trash_reminder(window(), reminder.id)
    reminders.restore_reminder(window(), reminder.id)

    records = trail(database)
    assert triples(records) == [
        ("client", "create", None),
        ("client", "edit", "inn"),
        ("client", "edit", "city"),
        ("client", "trash", None),
        ("client", "restore", None),
        ("contact", "create", None),
        ("contact", "edit", "position"),
        ("contact", "edit", "phones"),
        ("contact", "trash", None),
        ("contact", "restore", None),
        ("deal", "create", None),
        ("client", "edit", "status"),  # the won deal made the lead an active client
        ("deal", "edit", "amount"),
        ("deal", "edit", "stage"),
        ("deal", "edit", "closed_on"),
        ("deal", "trash", None),
        ("deal", "restore", None),
        ("interaction", "create", None),
        ("interaction", "trash", None),
        ("interaction", "restore", None),
        ("reminder", "create", None),
        ("reminder", "edit", "text"),
        ("reminder", "edit", "snoozed_until"),
        ("reminder", "edit", "done_at"),
        ("reminder", "edit", "done_at"),
        ("reminder", "trash", None),
        ("reminder", "restore", None),
    ]
    assert {(r.manager_id, r.manager, r.via, r.source) for r in records} == {(manager, "Иванова Анна", "window", "")}
    assert {r.client_id for r in records} == {cid}  # every entry belongs to the card
    by_field = {(r.entity, r.field): r for r in records if r.field}
    assert (by_field["client", "city"].old, by_field["client", "city"].new) == ("Москва", "Тверь")
    assert (by_field["client", "inn"].old, by_field["client", "inn"].new) == ("", "7707083893")
    assert (by_field["contact", "phones"].old, by_field["contact", "phones"].new) == (
        "+7 916 123-45-67",
        "+7 916 765-43-21",
    )
    assert (by_field["deal", "amount"].old, by_field["deal", "amount"].new) == ("1000.00 RUB", "1500.50 RUB")
    assert (by_field["deal", "stage"].old, by_field["deal", "stage"].new) == ("new", "won")
    assert (by_field["client", "status"].old, by_field["client", "status"].new) == ("lead", "active")
    assert (by_field["reminder", "text"].old, by_field["reminder", "text"].new) == (
        "Перезвонить",
        "Перезвонить в среду",
    )
    assert records[0].new == "ООО «Ромашка»" and records[5].new == "Сидоров Иван"  # what was created


def test_a_save_that_changes_nothing_leaves_no_entry(database: Database, window: Callable[[], UnitOfWork]) -> None:
    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»")).id
    clients.update_client(window(), cid, 1, ClientFields(name="ООО «Ромашка»"))
    assert triples(trail(database)) == [("client", "create", None)]


def test_a_reference_is_kept_by_the_name_it_had(
    database: Database, window: Callable[[], UnitOfWork], manager: int
) -> None:
    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»")).id
    clients.update_client(window(), cid, 1, ClientFields(name="ООО «Ромашка»", owner_id=manager))
    reference.update_manager(UnitOfWork(database), manager, 1, ManagerFields(name="Петрова Анна"))
    owner = trail(database)[-1]
    assert (owner.field, owner.old, owner.new) == ("owner_id", None, "Иванова Анна")


# Same transaction ------------------------------------------------------------------------------------


def test_a_change_that_rolls_back_writes_no_entry(database: Database, window: Callable[[], UnitOfWork]) -> None:
    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»")).id
    with pytest.raises(StaleEditError):  # someone saved in between: nothing of this edit is kept
        clients.update_client(window(), cid, 7, ClientFields(name="ООО «Лютик»", city="Тверь"))
    unit = window()
    with unit:
        unit.clients.set_status(cid, ClientStatus.ACTIVE, datetime.now(UTC))
        unit.record("client", cid, "status", before={"status": "lead"}, after={"status": "active"})
    assert triples(trail(database)) == [("client", "create", None)]
    assert clients.get_client(window(), cid).status is ClientStatus.LEAD


def test_an_entry_that_cannot_be_written_takes_the_change_with_it(
    database: Database, window: Callable[[], UnitOfWork]
) -> None:
    """The entry is written inside the transaction, before its commit: both or neither."""
    with database.engine.begin() as conn:
        if database.is_sqlite:
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'no'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$"
                " BEGIN RAISE EXCEPTION 'no'; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
            )
    try:
        with pytest.raises(Exception, match="no"):
            clients.create_client(window(), ClientFields(name="ООО «Ромашка»"))
        assert clients.count_clients(window()) == 0
    finally:  # a server database is emptied and handed on: its schema must be as it was
        with database.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER refuse_audit" + ("" if database.is_sqlite else " ON audit"))
            if not database.is_sqlite:
                conn.exec_driver_sql("DROP FUNCTION refuse_audit()")


# Exact values ----------------------------------------------------------------------------------------

HOSTILE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=200
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=HOSTILE, after=HOSTILE)
def test_old_and_new_values_are_exactly_what_was_stored(
    database: Database, window: Callable[[], UnitOfWork], before: str, after: str
) -> None:
    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»", notes=before)).id
    stored_before = clients.get_client(window(), cid).notes
    clients.update_client(window(), cid, 1, ClientFields(name="ООО «Ромашка»", notes=after))
    stored_after = clients.get_client(window(), cid).notes
    edits = [r for r in trail(database, client_id=cid) if r.action == "edit"]
    if stored_before == stored_after:
        assert edits == []
    else:
        assert [(r.field, r.old, r.new) for r in edits] == [("notes", stored_before, stored_after)]


# The command line ---------------------------------------------------------------------------------------


def test_cli_changes_lists_each_change_as_json_with_the_seat_manager_and_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    assert run(capsys, "--db", db, "manager", "add", "Петров Пётр")[0] == 0
    SeatSettings().current_manager_id = 1
    assert run(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»", "--city", "Москва")[0] == 0
    assert run(capsys, "--db", db, "client", "trash", "1")[0] == 0
    assert run(capsys, "--db", db, "client", "restore", "1")[0] == 0
    assert run(capsys, "--db", db, "deal", "add", "1", "--title", "Бумага", "--amount", "1 000,50")[0] == 0
    assert run(capsys, "--db", db, "log", "1", "Позвонили", "--next-in", "2")[0] == 0
    code, out, err = run(capsys, "--db", db, "changes", "--client", "1", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert all(set(item) == JSON_KEYS for item in listed)
    assert {(i["manager"], i["via"]) for i in listed} == {("Петров Пётр", "cli")}
    assert sorted((i["entity"], i["action"]) for i in listed) == sorted(
        [
            ("client", "create"),
            ("client", "trash"),
            ("client", "restore"),
            ("deal", "create"),
            ("interaction", "create"),
            ("reminder", "create"),
        ]
    )
    created = next(i for i in listed if i["action"] == "create" and i["entity"] == "client")
    assert (created["entity_id"], created["field"], created["old"], created["new"]) == (1, None, None, "ООО «Ромашка»")
    assert datetime.fromisoformat(created["at"]).tzinfo is not None
    # newest first
    assert [i["at"] for i in listed] == sorted((i["at"] for i in listed), reverse=True)


def test_cli_changes_since_a_day_and_for_a_client(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    run(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»")
    run(capsys, "--db", db, "client", "add", "--name", "ООО «Лютик»")
    tomorrow = (date.today() + timedelta(days=1)).strftime("%d.%m.%Y")
    code, out, _ = run(capsys, "--db", db, "changes", "--since", tomorrow, "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, "--db", db, "changes", "--since", date.today().isoformat(), "--json")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run(capsys, "--db", db, "changes", "--client", "2", "--json")
    assert [i["new"] for i in json.loads(out)] == ["ООО «Лютик»"]
    code, out, _ = run(capsys, "--db", db, "changes")
    assert code == 0 and "Client #2: created  ООО «Лютик»  (command line)" in out


@pytest.mark.parametrize("since", ["вчера", "32.13.2026", "2026-02-30", "01.01.1800"])
def test_cli_changes_refuses_a_bad_since_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], since: str
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    code, out, err = run(capsys, "--db", db, "changes", "--since", since)
    assert code == 2 and out == "" and "Traceback" not in err
    assert "Since" in err and since in err


def test_cli_changes_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: None) -> None:
    db = new_base(tmp_path / "x.sqlite")
    run(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»", "--city", "Москва")
    code, out, _ = run(capsys, "--lang", "ru", "--db", db, "changes")
    assert code == 0 and "Клиент №1: создание  ООО «Ромашка»  (командная строка)" in out


# Import --------------------------------------------------------------------------------------------


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    return path


def test_an_import_is_one_entry_per_created_client_named_by_its_file_through_either_face(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    database: Database,
    db_url: str,
    window: Callable[[], UnitOfWork],
) -> None:
    source = _csv(
        tmp_path / "клиенты.csv",
        [["Название", "ИНН", "Город"], ["ООО «Ромашка»", "7707083893", "Москва"], ["ООО «Лютик»", "", "Тверь"]],
    )
    result = importing.run_import(window(), source)  # the window's import wizard calls this
    assert result.created == 2
    records = trail(database)
    assert [(r.entity, r.action, r.field, r.new, r.via, r.source) for r in records] == [
        ("client", "import", None, "ООО «Ромашка»", "window", "клиенты.csv"),
        ("client", "import", None, "ООО «Лютик»", "window", "клиенты.csv"),
    ]
    assert records[0].via_code == "import:клиенты.csv"

    update = _csv(
        tmp_path / "update.csv", [["Название", "ИНН", "Телефон"], ["ООО «Ромашка»", "7707083893", "+7 495 123-45-67"]]
    )
    db = db_url
    code, _, err = run(capsys, "--db", db, "import", str(update))
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--db", db, "changes", "--client", "1", "--json")
    newest = json.loads(out)[0]
    assert (newest["action"], newest["field"], newest["old"], newest["new"], newest["via"]) == (
        "import",
        "phone",
        "",
        "+7 495 123-45-67",
        "import:update.csv",
    )


def test_a_dry_run_or_a_cancelled_import_leaves_no_entry(
    tmp_path: Path, database: Database, window: Callable[[], UnitOfWork]
) -> None:
    source = _csv(tmp_path / "c.csv", [["Название", "ИНН"], ["ООО «Ромашка»", "7707083893"]])
    importing.run_import(window(), source, dry_run=True)

    class Cancelling:
        def progress(self, done: int, total: int) -> None:
            pass

        def cancelled(self) -> bool:
            return True

    with pytest.raises(importing.Cancelled):
        importing.run_import(window(), source, reporter=Cancelling())
    assert trail(database) == []


# Export ----------------------------------------------------------------------------------------------


def test_the_full_export_carries_the_trail_as_its_own_sheet_and_imports_back_past_it(
    tmp_path: Path, database: Database, window: Callable[[], UnitOfWork]
) -> None:
    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»", city="Москва")).id
    clients.update_client(window(), cid, 1, ClientFields(name="ООО «Ромашка»", city="Тверь"))
    contacts.add_contact(window(), cid, ContactFields(full_name="Сидоров Иван"))
    exported = exporting.export_clients(UnitOfWork(database), tmp_path / "всё.xlsx")
    assert exported.changes == 3

    book = openpyxl.load_workbook(exported.path, read_only=True)
    assert book.sheetnames[-1] == "Change history"
    rows = list(book["Change history"].values)
    assert rows[0] == (
        "Client No.",
        "When",
        "Who",
        "What",
        "Record No.",
        "Action",
        "Field",
        "Before",
        "After",
        "Through",
    )
    assert [r[:1] + r[2:] for r in rows[1:]] == [
        (cid, "Иванова Анна", "Client", cid, "created", None, None, "ООО «Ромашка»", "window"),
        (cid, "Иванова Анна", "Client", cid, "edited", "City", "Москва", "Тверь", "window"),
        (cid, "Иванова Анна", "Contact person", 1, "created", None, None, "Сидоров Иван", "window"),
    ]
    assert isinstance(rows[1][1], datetime)

    target = open_database(resolve_url(tmp_path / "target.sqlite"))
    try:
        result = importing.run_import(UnitOfWork(target), exported.path)
        assert (result.created, result.rejected) == (1, 0)
        again = clients.get_client(UnitOfWork(target), 1)
        assert (again.name, again.city) == ("ООО «Ромашка»", "Тверь")
        assert [c.full_name for c in contacts.list_contacts(UnitOfWork(target), 1)] == ["Сидоров Иван"]
    finally:
        target.dispose()


def test_the_export_sheet_is_in_the_users_language(
    tmp_path: Path, database: Database, window: Callable[[], UnitOfWork], lang: None
) -> None:
    from salesdesk.domain import messages

    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»")).id
    clients.update_client(window(), cid, 1, ClientFields(name="ООО «Ромашка»", status=ClientStatus.ACTIVE))
    messages.set_language("ru")
    exported = exporting.export_clients(UnitOfWork(database), tmp_path / "всё.xlsx")
    rows = list(openpyxl.load_workbook(exported.path, read_only=True)["История изменений"].values)
    assert rows[2][5:] == ("правка", "Статус", "Лид", "Действующий", "окно программы")


# Erasure's part ------------------------------------------------------------------------------------------


def test_erase_from_trail_replaces_a_persons_values_and_keeps_the_entries(
    database: Database, window: Callable[[], UnitOfWork]
) -> None:
    cid = clients.create_client(window(), ClientFields(name="ООО «Ромашка»")).id
    other = clients.create_client(window(), ClientFields(name="ООО «Лютик»")).id
    person = contacts.add_contact(window(), cid, ContactFields(full_name="Сидоров Иван", phones=("+79161234567",)))
    contacts.update_contact(window(), person.id, 1, ContactFields(full_name="Сидоров Иван", phones=("+79167654321",)))
    unit = window()
    with unit:
        assert audit.erase_from_trail(unit, "contact", [person.id]) == 2
        unit.record("contact", person.id, "erased", client=cid)
        unit.commit()
    records = trail(database, client_id=cid)
    about = trail(database, entity="contact", entity_id=person.id)  # what a person's export reads
    assert about == [r for r in records if r.entity == "contact"]
    assert [(r.action, r.erased, r.old, r.new) for r in about] == [
        ("create", True, None, None),
        ("edit", True, None, None),
        ("erase", False, None, None),
    ]
    assert about[1].as_json()["old"] == about[1].as_json()["new"] == "erased"
    with database.engine.connect() as conn:
        stored = ",".join(conn.exec_driver_sql("SELECT coalesce(old, '') || coalesce(new, '') FROM audit").scalars())
    assert "Сидоров" not in stored and "7916" not in stored

    unit = window()
    with unit:
        assert audit.erase_from_trail(unit, "client", [cid]) == len(records)
        unit.commit()
    assert all(r.erased for r in trail(database, client_id=cid))
    assert [r.new for r in trail(database, client_id=other)] == ["ООО «Лютик»"]  # another card untouched
