"""Backups of a base on a PostgreSQL server: the server's own pg_dump into the seat's backup folder,
or, without one, a clear "the server's administrator keeps the backups" (and no daily or upgrade
copy, without a word). A copy is put back by the administrator, never over a shared base."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from salesdesk.cli import main
from salesdesk.domain.audit import Actor
from salesdesk.domain.backups import BackupRefused, backup_file_name, parse_backup_name
from salesdesk.domain.errors import StoreError
from salesdesk.services import backups, permissions
from salesdesk.services.demo import load_demo
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, server_backup
from salesdesk.store.database import HEAD_REVISION, MIGRATIONS_DIR
from tests import server as test_server

postgres_only = pytest.mark.postgres_only


@pytest.fixture
def seat(tmp_path: Path) -> SeatSettings:
    return SeatSettings(tmp_path / "settings.ini")


@pytest.fixture
def filled(uow: Callable[[], UnitOfWork]) -> Callable[[], UnitOfWork]:
    load_demo(uow(), 40, seed=3)
    return uow


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def no_pg_dump(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A computer without PostgreSQL's client programs."""
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    monkeypatch.setattr(server_backup, "_PLACES", ())


def rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


@postgres_only
def test_a_server_base_is_dumped_into_the_backup_folder_named_private_and_restorable(
    filled: Callable[[], UnitOfWork], database: Database, seat: SeatSettings, db_url: str, umask_022: None
) -> None:
    when = datetime(2026, 12, 6, 21, 18, 5)
    info = backups.take_backup(filled(), "manual", now=when, settings=seat)
    assert info.path.parent == seat.backup_folder
    name = parse_backup_name(info.path.name)
    assert name is not None and name.suffix == ".pgdump" and name.created == when and name.reason == "manual"
    assert info.path.name.startswith(f"{database.engine.url.database}@")
    assert info.ok and info.clients == 40 and info.bytes == info.path.stat().st_size > 0
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert [i.path for i in backups.list_backups(filled(), settings=seat)] == [info.path]
    assert backups.check_backup(info.path).ok

    # What the administrator does with it: pg_restore into a new, empty database gives the same rows.
    target = test_server.server().empty()
    tool = server_backup.find_tool("pg_restore", 0)
    assert tool is not None
    plain = target.replace("postgresql+psycopg://", "postgresql://")
    subprocess.run([str(tool.path), "--no-owner", f"--dbname={plain}", str(info.path)], check=True)
    query = "SELECT id, name, inn FROM clients ORDER BY id"
    assert rows(target, query) == rows(db_url, query)
    assert rows(target, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    test_server.server().drop(target)


@postgres_only
def test_dumps_rotate_as_file_copies_do_and_a_daily_one_is_taken_once_a_day(
    uow: Callable[[], UnitOfWork], seat: SeatSettings
) -> None:
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(10):
        backups.take_backup(uow(), "daily", now=start + timedelta(days=day), settings=seat)
    kept = backups.list_backups(uow(), settings=seat, verify=False)
    assert len(kept) == 7  # the newest of each of the last 7 days (and the weeks and months among them)
    today = start + timedelta(days=10, hours=1)
    assert backups.daily_backup(uow(), now=today, settings=seat) is not None
    assert backups.daily_backup(uow(), now=today + timedelta(hours=2), settings=seat) is None


@postgres_only
def test_without_pg_dump_a_backup_asked_for_says_the_administrator_keeps_them(
    uow: Callable[[], UnitOfWork], seat: SeatSettings, no_pg_dump: None, lang: None
) -> None:
    with pytest.raises(StoreError, match="kept by the server's administrator"):
        backups.take_backup(uow(), "manual", settings=seat)
    assert backups.daily_backup(uow(), settings=seat) is None  # no copy, no error, no noise
    assert not seat.backup_folder.exists() or not list(seat.backup_folder.iterdir())


@postgres_only
def test_a_pg_dump_older_than_the_server_is_not_used(
    uow: Callable[[], UnitOfWork], seat: SeatSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_backup, "server_major", lambda _database: 99)
    with pytest.raises(StoreError, match="pg_dump of version 99 or newer"):
        backups.take_backup(uow(), "manual", settings=seat)
    assert backups.daily_backup(uow(), settings=seat) is None


@postgres_only
def test_cli_without_pg_dump_says_so_in_russian_with_exit_1(
    db_url: str, no_pg_dump: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "ru", "--db", db_url, "backup"]) == 1
    err = capsys.readouterr().err
    assert "делает администратор сервера" in err and "Traceback" not in err


@postgres_only
def test_cli_backup_and_backups_json_on_a_server(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["--db", db_url, "backup", "--json"]) == 0
    taken = json.loads(capsys.readouterr().out)
    assert taken["path"].endswith("-manual.pgdump") and taken["clients"] == 0
    assert main(["--db", db_url, "backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["path"], c["ok"]) for c in listed] == [(taken["path"], True)]


@postgres_only
def test_a_restore_over_a_server_base_is_refused_with_what_to_do_and_changes_nothing(
    filled: Callable[[], UnitOfWork], seat: SeatSettings, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    info = backups.take_backup(filled(), "manual", settings=seat)
    before = rows(db_url, "SELECT count(*) FROM clients")
    with pytest.raises(BackupRefused, match="pg_restore"):
        backups.restore_backup(filled(), info.path, settings=seat)
    assert main(["--db", db_url, "restore", "--yes", str(info.path)]) == 2
    assert "server's administrator" in capsys.readouterr().err
    assert rows(db_url, "SELECT count(*) FROM clients") == before
    assert backups.restore_note(filled()) is not None


@postgres_only
def test_upgrading_an_older_server_base_dumps_it_first(seat: SeatSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command
    from alembic.config import Config

    url = test_server.server().empty()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004_audit")
    engine.dispose()
    monkeypatch.setattr(backups, "backup_folder", lambda settings=None: seat.backup_folder)
    database = open_database(url, before_upgrade=backups.before_upgrade)
    try:
        assert database.revision() == HEAD_REVISION
    finally:
        database.dispose()
    copies = list(seat.backup_folder.iterdir())
    assert [parse_backup_name(p.name).reason for p in copies] == ["upgrade"]  # type: ignore[union-attr]
    assert server_backup.inspect_dump(copies[0]).ok
    test_server.server().drop(url)


def test_the_password_goes_to_pg_dump_in_its_environment_never_its_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs on either database: no server is reached (the program itself is stood in for)."""
    seen: dict[str, Any] = {}

    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        seen["args"], seen["env"] = args, kwargs["env"]
        Path(args[3].removeprefix("--file=")).write_bytes(b"PGDMP")
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(server_backup.subprocess, "run", run)
    engine = create_engine("postgresql+psycopg://anna:s3cr%40t@db.office:5433/sales?sslmode=require")
    tool = server_backup.Tool(Path("/usr/bin/pg_dump"), 15)
    server_backup.dump(Database(engine), tmp_path / "copy.pgdump", tool)
    assert not any("s3cr" in arg for arg in seen["args"])
    assert "--no-password" in seen["args"]
    assert "--dbname=postgresql://anna@db.office:5433/sales?sslmode=require" in seen["args"]
    assert seen["env"]["PGPASSWORD"] == "s3cr@t"
    assert os.environ.get("PGPASSWORD") != "s3cr@t"  # only the child's
    assert server_backup.stem(engine.url) == "sales@db.office_5433"
    engine.dispose()


def _office(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """A base with a head (Анна) and a manager (Борис); a private person of Анна's, client No. 1."""
    for name in ("Анна Смирнова", "Борис Козлов"):
        assert main(["--db", db, "manager", "add", name]) == 0
    assert main(["--db", db, "manager", "role", "Анна Смирнова", "head"]) == 0
    owner = ["--owner", "Анна Смирнова", "--kind", "person"]
    assert main(["--db", db, "client", "add", "--name", "Тихонов Юрий Юрьевич", *owner]) == 0
    capsys.readouterr()


def _dump_text(path: Path) -> str:
    tool = server_backup.find_tool("pg_restore", 0)
    assert tool is not None
    return subprocess.run(
        [str(tool.path), "-a", "-t", "clients", "-f", "-", str(path)], capture_output=True, text=True, check=True
    ).stdout


@postgres_only
@pytest.mark.skipif(server_backup.find_tool("pg_dump", 0) is None, reason="no pg_dump here")
def test_erasing_from_the_backups_of_a_server_base_takes_a_fresh_dump_then_deletes_the_older_ones(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from salesdesk.services import backup_erasure, erasure

    _office(capsys, db_url)
    assert main(["--db", db_url, "manager", "me", "Анна Смирнова"]) == 0
    assert main(["--db", db_url, "backup"]) == 0
    (old,) = list(backups.backup_folder().glob("*.pgdump"))
    assert "Тихонов" in _dump_text(old)
    database = open_database(db_url)
    try:
        assert backup_erasure.backups_to_rewrite(UnitOfWork(database)) == 1  # the window offers it
        assert backup_erasure.copies_are_dumps(UnitOfWork(database))
    finally:
        database.dispose()
    capsys.readouterr()
    code = main(["--lang", "ru", "--db", db_url, "erase", "client", "1", "--yes", "--from-backups"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert not old.exists()
    (fresh,) = list(backups.backup_folder().glob("*.pgdump"))
    assert "Тихонов" not in _dump_text(fresh) and server_backup.inspect_dump(fresh).ok
    assert "удалены: 1 копия" in out and fresh.name in out and "SQLite" not in out + err
    database = open_database(db_url)
    try:
        records = erasure.erasure_records(UnitOfWork(database))
    finally:
        database.dispose()
    assert [(r.entity, r.removed) for r in records][0] == ("backups", 1)  # the record counts the deleted copies


@postgres_only
def test_without_pg_dump_erasing_from_the_backups_of_a_server_base_deletes_them_and_says_none_is_left(
    db_url: str, seat: SeatSettings, no_pg_dump: None, lang: None
) -> None:
    from salesdesk.domain.model import ClientFields, ClientKind
    from salesdesk.services import backup_erasure, clients

    database = open_database(db_url)
    try:
        uow = UnitOfWork(database)
        client = clients.create_client(uow, ClientFields(name="Тихонов Юрий Юрьевич", kind=ClientKind.PERSON))
        stem = server_backup.stem(database.engine.url)
        seat.backup_folder.mkdir(parents=True)
        older = seat.backup_folder / backup_file_name(stem, datetime(2026, 12, 1, 9), "daily", suffix=".pgdump")
        older.write_bytes(b"PGDMP and the person")
        assert parse_backup_name(older.name) is not None
        assert backup_erasure.backups_to_rewrite(uow, settings=seat) == 1
        result = backup_erasure.erase_everywhere(
            uow, "client", client.id, ground="request", from_backups=True, settings=seat
        )
    finally:
        database.dispose()
    assert not older.exists() and list(seat.backup_folder.iterdir()) == []
    assert result.backups is not None and result.backups.deleted == (older.name,) and result.backups.fresh is None
    text = " ".join(result.backups.messages())
    assert "deleted: 1 copy" in text and "now has no copy" in text


@postgres_only
def test_a_manager_who_may_not_export_the_whole_server_base_takes_no_copy_of_it(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _office(capsys, db_url)
    assert main(["--db", db_url, "manager", "me", "Борис Козлов"]) == 0
    capsys.readouterr()
    assert main(["--lang", "ru", "--db", db_url, "backup"]) == 2
    err = capsys.readouterr().err
    assert "Анна Смирнова" in err and "Traceback" not in err
    database = open_database(db_url)
    try:
        uow = UnitOfWork(database, actor=Actor(SeatSettings().current_manager_id))
        with pytest.raises(permissions.NotAllowed):
            backups.take_backup(uow, "manual")
        assert backups.daily_backup(uow) is None  # silently: this seat keeps no copy of the shared base
        backups.before_upgrade(database, HEAD_REVISION)
    finally:
        database.dispose()
    folder = backups.backup_folder()
    assert not folder.exists() or not list(folder.iterdir())
    # the head's seat keeps them
    assert main(["--db", db_url, "manager", "me", "Анна Смирнова"]) == 0
    assert main(["--db", db_url, "backup"]) == 0
