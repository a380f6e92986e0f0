"""Moving a single-seat base up to a server (``salesdesk migrate-to``; store/transfer.py,
services/connecting.py): nothing lost, a non-empty target refused, the password never stored.

The copy itself is database-neutral (a SQLite base copied into another SQLite file here on the
SQLite run); the command and the server's refusals need the server (postgres_only).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import inspect, select, text

from salesdesk.cli import main
from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.errors import StoreError
from salesdesk.domain.model import ClientFields, IndustryFields
from salesdesk.services import clients, connecting, credentials, demo, erasure, reference
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url, transfer
from salesdesk.store.servers import address_of, password_of
from tests import server as test_server

postgres_only = pytest.mark.postgres_only


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in the test's memory: never the system's."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def full_base(path: Path) -> Database:
    """A SQLite base with a bit of everything: demo clients, contacts and their channels, deals,
    history, reminders, tags; an industry with notes; edits and trash in the audit trail; an
    erased contact person."""
    database = open_database(resolve_url(path))
    who = reference.ensure_manager(UnitOfWork(database), "Анна Смирнова").id

    def uow() -> UnitOfWork:
        return UnitOfWork(database, actor=lambda: Actor(who, Via.COMMAND_LINE))

    demo.load_demo(uow(), 60, seed=7)
    industry = reference.list_industries(uow())[0]
    reference.update_industry(
        uow(),
        industry.id,
        industry.version,
        IndustryFields(code=industry.code, name=industry.name, notes="Заметки: ёлки, «кавычки»"),
    )
    client = clients.get_client(uow(), 3)
    edited = dataclasses.replace(client.fields(), notes="Правка\nвторая")
    clients.update_client(uow(), client.id, client.version, edited)
    clients.trash_client(uow(), 5)
    with database.engine.connect() as conn:
        contact_id = conn.execute(text("SELECT min(id) FROM contacts")).scalar()
    erasure.erase_contact(uow(), int(contact_id), ground="request", manager_id=who)
    return database


def rows_of(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in primary key order, as the values the store reads."""
    out = {}
    with database.engine.connect() as conn:
        for table in transfer.tables():
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]
    return out


@pytest.fixture
def target_url(tmp_path: Path) -> Iterator[str]:
    """An empty database to move into: on the server when the suite runs there, else a new file."""
    if test_server.ON_POSTGRES:
        url = test_server.server().empty()
        yield url
        test_server.server().drop(url)
    else:
        yield resolve_url(tmp_path / "target.sqlite")


def test_every_table_arrives_with_its_ids_and_contents(tmp_path: Path, target_url: str) -> None:
    source = full_base(tmp_path / "source.sqlite")
    before = (tmp_path / "source.sqlite").read_bytes()
    target = open_database(target_url)
    seen: list[tuple[str, int, int]] = []
    try:
        transfer.refuse_unless_empty(target)
        checks = transfer.copy_base(source, target, batch=50, progress=lambda t, d, n: seen.append((t, d, n)))
        expected, copied = rows_of(source), rows_of(target)
    finally:
        target.dispose()
        source.dispose()
    assert {c.table for c in checks} == set(expected)
    for name, rows in expected.items():
        assert copied[name] == rows, name
    assert all(c.match for c in checks)
    wanted = {"clients", "contacts", "contact_channels", "deals", "interactions", "reminders", "audit", "erasures"}
    assert all(expected[name] for name in wanted | {"client_tags", "industries", "managers"})
    assert any(row[-1] is not None for row in expected["clients"])  # something in the trash
    assert any("ёлки" in str(row) for row in expected["industries"])
    assert seen[-1][1] == seen[-1][2] == sum(len(r) for r in expected.values())
    assert (tmp_path / "source.sqlite").read_bytes() == before or _same_rows(tmp_path / "source.sqlite", expected)


def _same_rows(path: Path, expected: dict[str, list[tuple[Any, ...]]]) -> bool:
    database = open_database(resolve_url(path), migrate=False)
    try:
        return rows_of(database) == expected
    finally:
        database.dispose()


def test_the_checksum_sees_a_changed_value_that_keeps_the_count(tmp_path: Path, target_url: str) -> None:
    """The comparison is not a row count only: one value changed on one side changes the sum."""
    source = full_base(tmp_path / "source.sqlite")
    target = open_database(target_url)
    try:
        transfer.copy_base(source, target)
        with target.engine.begin() as conn:
            conn.execute(text("UPDATE clients SET notes = 'иначе' WHERE id = 7"))
        with source.engine.connect() as s, target.engine.connect() as t:
            table = next(x for x in transfer.tables() if x.name == "clients")
            left, right = transfer.checksum(s, table), transfer.checksum(t, table)
    finally:
        target.dispose()
        source.dispose()
    assert left[0] == right[0] and left[1] != right[1]


def test_a_target_with_rows_is_refused(tmp_path: Path, target_url: str) -> None:
    source = full_base(tmp_path / "source.sqlite")
    target = open_database(target_url)
    try:
        clients.create_client(UnitOfWork(target), ClientFields(name="Уже есть"))
        with pytest.raises(StoreError, match="not empty"):
            transfer.refuse_unless_empty(target)
    finally:
        target.dispose()
        source.dispose()


def test_a_failure_midway_leaves_nothing_in_the_target(tmp_path: Path, target_url: str) -> None:
    source = full_base(tmp_path / "source.sqlite")
    target = open_database(target_url)

    def stop(table: str, done: int, total: int) -> None:
        if table == "contacts" and done:
            raise RuntimeError("the server went away")

    try:
        with pytest.raises(RuntimeError):
            transfer.copy_base(source, target, batch=20, progress=stop)
        transfer.refuse_unless_empty(target)  # still empty: the move can be run again
        checks = transfer.copy_base(source, target)
    finally:
        target.dispose()
        source.dispose()
    assert all(c.match for c in checks)


# -- the command, on a server -----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@postgres_only
def test_migrate_to_moves_the_base_and_switches_the_seat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring
) -> None:
    source_path = tmp_path / "office.sqlite"
    full_base(source_path).dispose()
    expected = _rows_at(resolve_url(source_path))
    url = test_server.server().empty()
    code, out, err = run(capsys, "--db", str(source_path), "migrate-to", url, "--json")
    assert (code, err.count("{")) == (0, 0), err
    result = json.loads(out)
    assert result["ok"] is True
    assert set(result["tables"]) == set(expected)
    for name, rows in expected.items():
        assert result["tables"][name] == {"source": len(rows), "target": len(rows), "match": True}
    assert _rows_at(url) == expected
    assert SeatSettings().server_url == url
    # the next command (no --db) works on the server base, and new ids come after the copied ones
    code, out, _ = run(capsys, "client", "add", "--name", "После переезда")
    assert code == 0 and int(out) == max(r[0] for r in expected["clients"]) + 1
    code, out, _ = run(capsys, "check")
    assert "127.0.0.1" in out or url.split("@")[-1].split("/")[0] in out
    test_server.server().drop(url)


@postgres_only
def test_migrate_to_refuses_a_base_in_use_and_foreign_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source_path = tmp_path / "office.sqlite"
    full_base(source_path).dispose()
    used = test_server.server().migrated()
    database = open_database(used)
    clients.create_client(UnitOfWork(database), ClientFields(name="Чужой клиент"))
    database.dispose()
    code, out, err = run(capsys, "--db", str(source_path), "migrate-to", used)
    assert (code, out) == (2, "")
    assert "not empty" in err and "clients" in err
    foreign = test_server.server().empty()
    engine_db = open_database(foreign, migrate=False)
    with engine_db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer)"))
    engine_db.dispose()
    code, out, err = run(capsys, "--lang", "ru", "--db", str(source_path), "migrate-to", foreign)
    assert (code, out) == (2, "")
    assert "чужие таблицы" in err
    assert SeatSettings().server_url is None  # nothing switched
    for url in (used, foreign):
        test_server.server().drop(url)


@postgres_only
def test_the_password_goes_to_the_keyring_never_the_settings_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring
) -> None:
    source_path = tmp_path / "office.sqlite"
    full_base(source_path).dispose()
    url = test_server.server().empty()
    with_secret = url.replace("salesdesk@", "salesdesk:Секрет-42@", 1)  # trust auth: any password is taken
    code, out, err = run(capsys, "--db", str(source_path), "migrate-to", with_secret)
    assert code == 0, err
    assert "Секрет-42" not in out + err
    stored = SeatSettings().path.read_text(encoding="utf-8")
    assert "Секрет" not in stored and "42@" not in stored
    assert SeatSettings().server_url == url
    key = address_of(url).key
    assert memory_keyring.passwords == {("SalesDesk", key): "Секрет-42"}
    assert password_of(credentials.url_for_connecting(url)) == "Секрет-42"
    test_server.server().drop(url)


def test_without_a_keyring_the_user_is_told_about_pgpass(no_keyring: None) -> None:
    address = connecting.ServerAddress("db.office.local", 5432, "sales", "anna")
    assert not credentials.keyring_available()
    assert credentials.remember(address, "x") == "no keyring"
    note = str(connecting.password_note(address))
    assert "db.office.local:5432:sales:anna:PASSWORD" in note and ".pgpass" in note


@postgres_only
def test_check_says_why_a_connection_does_not_work(lang: None) -> None:
    good = address_of(test_server.server().empty())
    assert connecting.check(good, None).kind == "empty"
    missing = dataclasses.replace(good, database="no_such_base_here")
    with pytest.raises(StoreError, match="has no database"):
        connecting.check(missing, None)
    nobody = dataclasses.replace(good, user="nobody_here")
    with pytest.raises(StoreError, match="does not let the user"):
        connecting.check(nobody, "secret")
    closed = dataclasses.replace(good, port=1)
    with pytest.raises(StoreError, match="does not answer") as caught:
        connecting.check(closed, "secret")
    assert "secret" not in str(caught.value)


def _rows_at(url: str) -> dict[str, list[tuple[Any, ...]]]:
    database = open_database(url, migrate=False)
    try:
        return rows_of(database)
    finally:
        database.dispose()


@postgres_only
def test_connecting_keeps_the_password_only_when_asked(memory_keyring: MemoryKeyring) -> None:
    url = test_server.server().empty()
    address = address_of(url)
    opened = connecting.open_server(address, "первый", remember=True)
    opened.database.dispose()
    assert memory_keyring.passwords == {("SalesDesk", address.key): "первый"}
    assert password_of(opened.url) is None
    opened = connecting.open_server(address, None)  # the kept one is used
    opened.database.dispose()
    opened = connecting.open_server(address, "второй", remember=False)  # unticked: forgotten there
    opened.database.dispose()
    assert memory_keyring.passwords == {}
    test_server.server().drop(url)


def test_the_password_is_taken_out_of_every_url_that_is_kept_or_shown() -> None:
    from salesdesk.store import servers

    url = "postgresql+psycopg://anna:Секрет-1@db.office:5433/office?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    kept = servers.without_password(url)
    assert "Секрет" not in kept and "%D0%A1" not in kept
    address = address_of(kept)
    assert address == address_of(url)
    assert (address.key, address.sslmode, address.options["sslrootcert"]) == (
        "anna@db.office:5433/office",
        "verify-full",
        "/etc/ca.pem",
    )
    assert "Секрет" not in servers.hidden(url) and "***" in servers.hidden(url)
    SeatSettings().server_url = url
    assert (
        SeatSettings().server_url
        == "postgresql+psycopg://anna@db.office:5433/office?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    )
    assert "Секрет" not in SeatSettings().path.read_text(encoding="utf-8")


# -- review of issue 14: a colleague's row, the right to copy the base out, the password, a refused row


def test_a_row_saved_in_the_target_after_the_check_is_refused_never_deleted(tmp_path: Path, target_url: str) -> None:
    """The early check runs on another connection with nothing locked; the copy checks again under
    its own lock and refuses rather than deleting what a colleague saved in between."""
    source = full_base(tmp_path / "source.sqlite")
    target = open_database(target_url)
    try:
        transfer.refuse_unless_empty(target)
        clients.create_client(UnitOfWork(target), ClientFields(name="ООО «Сохранённое коллегой»"))
        with pytest.raises(transfer.TargetNotEmpty, match="not empty.*clients"):
            transfer.copy_base(source, target)
        names = [c.name for c in clients.list_clients(UnitOfWork(target)).rows]
    finally:
        target.dispose()
        source.dispose()
    assert names == ["ООО «Сохранённое коллегой»"]


def test_an_industry_added_in_the_target_after_the_check_is_refused_never_deleted(
    tmp_path: Path, target_url: str
) -> None:
    """Only the industries the migrations seeded, untouched, make way for the source's own."""
    source = full_base(tmp_path / "source.sqlite")
    target = open_database(target_url)
    try:
        transfer.refuse_unless_empty(target)
        reference.create_industry(UnitOfWork(target), IndustryFields(code="", name="Своя отрасль коллеги"))
        with pytest.raises(transfer.TargetNotEmpty, match="industries"):
            transfer.copy_base(source, target)
        names = {i.name for i in reference.list_industries(UnitOfWork(target))}
    finally:
        target.dispose()
        source.dispose()
    assert "Своя отрасль коллеги" in names


@postgres_only
def test_migrate_to_refuses_when_another_seat_saved_in_the_target_after_its_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source_path = tmp_path / "office.sqlite"
    full_base(source_path).dispose()
    url = test_server.server().empty()
    checked = transfer.refuse_unless_empty

    def then_another_seat_saves(database: Database) -> None:
        checked(database)
        other = open_database(url)  # a colleague's window on the new, empty server base
        try:
            clients.create_client(UnitOfWork(other), ClientFields(name="ООО «Сохранённое коллегой»"))
        finally:
            other.dispose()

    monkeypatch.setattr(transfer, "refuse_unless_empty", then_another_seat_saves)
    code, out, err = run(capsys, "--db", str(source_path), "migrate-to", url)
    assert (code, out) == (2, "")
    assert "not empty" in err and "clients" in err
    assert [r[2] for r in _rows_at(url)["clients"]] == ["ООО «Сохранённое коллегой»"]
    assert SeatSettings().server_url is None
    test_server.server().drop(url)


@postgres_only
def test_while_the_copy_runs_no_other_seat_can_write_to_the_target(tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    source = full_base(tmp_path / "source.sqlite")
    url = test_server.server().empty()
    target = open_database(url)
    other = open_database(url)
    tried: list[str] = []

    def a_colleague_saves(table: str, done: int, total: int) -> None:
        if tried:
            return
        with other.engine.connect() as conn, conn.begin():
            conn.execute(text("SET LOCAL lock_timeout = '50ms'"))
            try:
                conn.execute(text("INSERT INTO managers (name, name_norm) VALUES ('Коллега', 'коллега')"))
            except OperationalError as exc:
                tried.append(type(exc.orig).__name__)
            else:
                tried.append("written")

    try:
        checks = transfer.copy_base(source, target, progress=a_colleague_saves)
    finally:
        other.dispose()
        target.dispose()
        source.dispose()
    assert tried == ["LockNotAvailable"]
    assert all(c.match for c in checks)
    test_server.server().drop(url)


def _office(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """A base with a head (Анна) and a manager (Борис); this seat signed in as Борис; Анна's clients."""
    for name in ("Анна Смирнова", "Борис Козлов"):
        assert run(capsys, "--db", db, "manager", "add", name)[0] == 0
    assert run(capsys, "--db", db, "manager", "role", "Анна Смирнова", "head")[0] == 0
    for name in ("ООО «Альфа»", "ООО «Бета»"):
        assert run(capsys, "--db", db, "client", "add", "--name", name, "--owner", "Анна Смирнова")[0] == 0
    assert run(capsys, "--db", db, "manager", "me", "Борис Козлов")[0] == 0


def test_a_manager_who_may_not_export_all_may_not_move_the_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The move copies every client of every manager: it needs the right to export the whole base
    (checked before anything is asked of the server)."""
    from salesdesk.services.permissions import NotAllowed

    source_path = tmp_path / "office.sqlite"
    assert run(capsys, "init", str(source_path))[0] == 0
    _office(capsys, str(source_path))
    source = open_database(resolve_url(source_path))
    boris = SeatSettings().current_manager_id
    try:
        with pytest.raises(NotAllowed, match="Анна Смирнова"):
            connecting.move_to(source, "postgresql+psycopg://boris@127.0.0.1:1/nowhere", actor=Actor(boris, Via.WINDOW))
    finally:
        source.dispose()
    assert SeatSettings().server_url is None


@postgres_only
def test_migrate_to_by_a_manager_who_may_not_export_is_refused_and_copies_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source_path = tmp_path / "office.sqlite"
    assert run(capsys, "init", str(source_path))[0] == 0
    _office(capsys, str(source_path))
    url = test_server.server().empty()
    code, out, err = run(capsys, "--lang", "ru", "--db", str(source_path), "migrate-to", url, "--json")
    assert (code, out) == (2, "")
    assert "Анна Смирнова" in err
    database = open_database(url, migrate=False)
    try:
        with database.engine.connect() as conn:
            assert inspect(conn).get_table_names() == []  # nothing asked of the server
    finally:
        database.dispose()
    assert SeatSettings().server_url is None
    assert run(capsys, "--db", str(source_path), "manager", "me", "Анна Смирнова")[0] == 0  # the head may
    code, out, err = run(capsys, "--db", str(source_path), "migrate-to", url, "--json")
    assert code == 0, err
    assert json.loads(out)["tables"]["clients"] == {"source": 2, "target": 2, "match": True}
    test_server.server().drop(url)


@postgres_only
def test_migrate_to_without_a_keyring_says_where_to_keep_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_keyring: None
) -> None:
    source_path = tmp_path / "office.sqlite"
    assert run(capsys, "init", str(source_path))[0] == 0
    url = test_server.server().empty()
    with_secret = url.replace("salesdesk@", "salesdesk:TopSecret1@", 1)  # trust auth: any password is taken
    code, out, err = run(capsys, "--db", str(source_path), "migrate-to", with_secret, "--json")
    assert code == 0, err
    note = json.loads(out)["password_note"]
    assert str(credentials.pgpass_path()) in note and ":PASSWORD" in note
    assert str(credentials.pgpass_path()) in err
    assert "TopSecret1" not in out + err
    assert SeatSettings().server_url == url
    test_server.server().drop(url)


@postgres_only
def test_a_row_the_server_refuses_is_named_with_its_table_and_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite keeps a value longer than its column; the server refuses it (DataError): the move
    names the row to correct instead of only "DataError", and leaves the target empty."""
    source_path = tmp_path / "office.sqlite"
    full_base(source_path).dispose()
    database = open_database(resolve_url(source_path))
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE clients SET name = :long WHERE id = 7"), {"long": "Очень длинное имя " * 30})
    database.dispose()
    url = test_server.server().empty()
    code, out, err = run(capsys, "--db", str(source_path), "migrate-to", url)
    assert code == 1
    assert "row 7 of the table “clients”" in err and "“name”: 540 characters" in err and "300" in err, err
    code, out, err = run(capsys, "--lang", "ru", "--db", str(source_path), "migrate-to", url)
    assert code == 1 and "запись №7 таблицы «clients»" in err, err
    database = open_database(url, migrate=False)
    try:
        transfer.refuse_unless_empty(database)  # still empty: run again once the row is corrected
    finally:
        database.dispose()
    assert SeatSettings().server_url is None
    test_server.server().drop(url)
