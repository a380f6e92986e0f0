"""What can go wrong on a server base while working is said in the user's words, never a crash:
the connection lost, a record another seat holds for longer than the wait, a read-only server
(a standby), a right the server does not grant. Classified by SQLSTATE (store/servers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from salesdesk.domain.errors import StoreError
from salesdesk.domain.model import ClientFields
from salesdesk.services import clients
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, servers
from tests import server as test_server
from tests.integration.test_cli import run

pytestmark = pytest.mark.postgres_only


def _admin(url: str, sql: str) -> None:
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


@pytest.fixture
def reopened(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], Database]]:
    """Open the test's base again after the server's settings for it changed (new connections)."""
    opened: list[Database] = []

    def reopen() -> Database:
        database = open_database(db_url)
        opened.append(database)
        return database

    yield reopen
    for database in opened:
        database.dispose()


def test_a_read_only_server_is_said_so_and_nothing_is_half_saved(
    db_url: str, reopened: Callable[[], Database], capsys: pytest.CaptureFixture[str]
) -> None:
    name = make_url(db_url).database
    _admin(db_url, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    try:
        database = reopened()
        with pytest.raises(StoreError, match="only allows reading"):
            clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»"))
        code, _out, err = run(capsys, "--db", db_url, "--lang", "ru", "client", "add", "--name", "ООО «Ромашка»")
        assert code == 1 and "только чтение" in err and "Traceback" not in err  # 1: not the input's fault
    finally:
        _admin(db_url, f'ALTER DATABASE "{name}" RESET default_transaction_read_only')


def test_a_record_another_seat_holds_is_waited_for_then_said_so(
    db_url: str, reopened: Callable[[], Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(servers, "LOCK_TIMEOUT_MS", 300)  # the program waits 10 s
    database = reopened()
    client = clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ёлка»"))
    other_seat = create_engine(db_url, poolclass=NullPool)
    with other_seat.connect() as conn, conn.begin():
        conn.execute(text("SELECT id FROM clients WHERE id = :id FOR UPDATE"), {"id": client.id})
        with pytest.raises(StoreError, match=r"Another seat is changing this record.*0\.3 s"):
            clients.update_client(UnitOfWork(database), client.id, client.version, ClientFields(name="ООО «Ёлка-2»"))
    other_seat.dispose()
    # and once the other seat is done, the same save goes through
    clients.update_client(UnitOfWork(database), client.id, client.version, ClientFields(name="ООО «Ёлка-2»"))
    assert clients.get_client(UnitOfWork(database), client.id).name == "ООО «Ёлка-2»"


def test_a_connection_lost_mid_transaction_is_said_so_and_the_next_one_works(
    db_url: str, reopened: Callable[[], Database]
) -> None:
    database = reopened()
    clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ёлка»"))
    with pytest.raises(StoreError, match="connection to the base's server .* was lost"):
        with UnitOfWork(database) as uow:
            name = make_url(db_url).database
            _admin(db_url, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
            uow.clients.get(1)
    assert clients.get_client(UnitOfWork(database), 1).name == "ООО «Ёлка»"  # the pool connects again


def test_a_right_the_server_does_not_grant_is_named(db_url: str, reopened: Callable[[], Database]) -> None:
    name = make_url(db_url).database
    role = f"{name}_reader"
    _admin(db_url, f'CREATE ROLE "{role}" LOGIN')
    engine = create_engine(db_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
    engine.dispose()
    try:
        database = open_database(make_url(db_url).set(username=role).render_as_string(hide_password=False))
        try:
            with pytest.raises(StoreError, match=f"does not allow the user “{role}” this change"):
                clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»"))
        finally:
            database.dispose()
    finally:
        engine = create_engine(db_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}" CASCADE'))
        engine.dispose()
        _admin(db_url, f'DROP ROLE "{role}"')


def test_a_query_the_servers_time_limit_stops_is_said_in_words(db_url: str, reopened: Callable[[], Database]) -> None:
    """An administrator's statement_timeout (ALTER ROLE … SET) cancels a long report: a message, not
    an internal error (found in review: 57014 ended as exit 3)."""
    database = reopened()
    with pytest.raises(StoreError, match="ran longer than the server's setting allows"):
        with UnitOfWork(database).reading() as uow:
            uow.clients.conn.execute(text("SET LOCAL statement_timeout = 1"))  # as ALTER ROLE … SET would
            uow.clients.conn.execute(text("SELECT pg_sleep(0.2)"))  # a report at 100,000 clients


def test_a_user_who_may_not_create_tables_is_told_what_the_administrator_can_do(db_url: str) -> None:
    """PostgreSQL 15 gives an ordinary user no CREATE on schema public: the first seat cannot set the
    base up, and is told so — not that the server does not let it in (found in review)."""
    empty = test_server.server().empty()
    name = make_url(empty).database
    role = f"{name}_seat"
    _admin(empty, f'CREATE ROLE "{role}" LOGIN')
    engine = create_engine(empty, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    engine.dispose()
    try:
        with pytest.raises(StoreError, match=f"may not create tables in the database “{name}”.*GRANT CREATE"):
            open_database(make_url(empty).set(username=role).render_as_string(hide_password=False))
    finally:
        test_server.server().drop(empty)
        _admin(db_url, f'DROP ROLE "{role}"')


@pytest.mark.parametrize("where", ["--db", "migrate-to"])
def test_a_password_given_as_a_url_option_is_kept_out_of_settings_and_output(
    where: str, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """libpq takes ``?password=``: it is treated as the URL's password everywhere (found in review:
    it reached settings.ini, the output and pg_dump's arguments)."""
    secret = "TopSecret1"
    if where == "--db":
        code, out, err = run(capsys, "--db", f"{db_url}?password={secret}", "check")
        assert code == 0
    else:
        source = tmp_path / "one.sqlite"
        assert run(capsys, "init", str(source))[0] == 0
        code, out, err = run(
            capsys, "--db", str(source), "migrate-to", f"{test_server.server().empty()}?password={secret}"
        )
        assert code == 0, err
        assert secret not in (SeatSettings().server_url or "")
    assert secret not in out + err
    assert all(secret not in p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*.ini"))


def test_a_move_refused_for_a_foreign_table_keeps_a_url_options_password_out_of_its_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check under the copy's lock named the target by its URL as the engine renders it, which
    hides a password in the URL's place but not one given as ``?password=`` (found in review)."""
    secret = "TopSecret1"
    target = test_server.server().migrated()
    try:
        engine = create_engine(target, poolclass=NullPool)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id integer)"))
        engine.dispose()
        source = tmp_path / "one.sqlite"
        assert run(capsys, "init", str(source))[0] == 0
        code, out, err = run(capsys, "--db", str(source), "migrate-to", f"{target}?password={secret}")
        assert (code, out) == (2, "")
        assert "invoices" in err and secret not in err
    finally:
        test_server.server().drop(target)


def test_the_addresss_own_connection_options_are_kept_beside_the_wait_for_locks(db_url: str) -> None:
    """An office's address may carry its own server settings (``?options=-c search_path=…``): they were
    replaced by SalesDesk's lock wait, so the base was opened with settings nobody asked for."""
    url = make_url(db_url).update_query_dict({"options": "-c statement_timeout=7000"})
    database = open_database(url.render_as_string(hide_password=False))
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "7s"
            assert conn.execute(text("SHOW lock_timeout")).scalar() == "10s"  # SalesDesk's wait still set
    finally:
        database.engine.dispose()
    own_wait = make_url(db_url).update_query_dict({"options": "-c lock_timeout=3000", "connect_timeout": "3"})
    args = servers.connect_args(own_wait.render_as_string(hide_password=False))
    assert args == {"connect_timeout": "3", "options": "-c lock_timeout=3000"}  # theirs, not doubled
