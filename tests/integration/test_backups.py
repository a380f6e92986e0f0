"""Backups and restore through the services and the command line, on real SQLite files."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.cli import main
from salesdesk.domain.backups import BackupRefused, Retention, backup_file_name, parse_backup_name, to_keep
from salesdesk.domain.errors import StoreError
from salesdesk.services import backups, clients
from salesdesk.services.demo import load_demo
from salesdesk.settings import KEY_KEEP_DAILY, SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

# Copies of the SQLite file (its online backup API, integrity_check, putting a copy in place of the
# file); a server base's copies are pg_dump's: tests/integration/test_server_backups.py.
pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "tests" / "reliability" / "writers.py"


def checksum(path: Path) -> str:
    """A digest of every row of every ordinary table (the data, not the pages)."""
    digest = hashlib.sha256()
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
    conn.close()
    return digest.hexdigest()


def live_clients(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM clients WHERE deleted_at IS NULL").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def seat(tmp_path: Path) -> SeatSettings:
    return SeatSettings(tmp_path / "settings.ini")


@pytest.fixture
def filled(uow: Callable[[], UnitOfWork]) -> Callable[[], UnitOfWork]:
    load_demo(uow(), 60, seed=7)
    return uow


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# Taking a copy --------------------------------------------------------------------------------------


def test_a_backup_is_checked_named_with_date_and_time_and_private(
    filled: Callable[[], UnitOfWork], seat: SeatSettings, umask_022: None
) -> None:
    when = datetime(2026, 12, 6, 21, 18, 5)
    info = backups.take_backup(filled(), "manual", now=when, settings=seat)
    assert info.path.name == "base-2026-12-06_211805-manual.sqlite"
    assert info.path.parent == seat.backup_folder
    assert info.ok and info.clients == 60 and info.bytes == info.path.stat().st_size
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(seat.backup_folder.stat().st_mode) == 0o700
    # one self-contained file: nothing beside it, and SQLite reads it on its own
    assert sorted(p.name for p in seat.backup_folder.iterdir()) == [info.path.name]
    assert live_clients(info.path) == 60
    reader = sqlite3.connect(info.path)  # a rollback-journal file: even open, nothing appears beside it
    try:
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert sorted(p.name for p in seat.backup_folder.iterdir()) == [info.path.name]
    finally:
        reader.close()


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_the_default_folder_is_backups_in_the_data_folder(tmp_path: Path) -> None:
    assert SeatSettings(tmp_path / "s.ini").backup_folder == Path(os.environ["SALESDESK_DATA_DIR"]) / "backups"


def test_a_backup_taken_while_another_process_writes_verifies(
    db_path: Path, database: Database, seat: SeatSettings
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), "add", "100000", "w", "6"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "ready"
        writer.stdin.write("go\n")
        writer.stdin.flush()
        taken = []
        for n in range(12):
            taken.append(backups.take_backup(UnitOfWork(database), now=datetime(2026, 1, 1, 10, 0, n), settings=seat))
            if writer.poll() is not None:
                break
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
    finally:
        if writer.poll() is None:
            writer.kill()
    stored = json.loads(out.strip().splitlines()[-1])["stored"]
    counts = [info.clients for info in taken]
    assert all(info.ok for info in taken)
    assert counts == sorted(counts)  # each copy is one moment of the base, later copies hold more
    assert counts[-1] is not None and counts[-1] > 0  # taken while the writer was writing
    for info in taken:  # SQLite itself agrees with our check
        with sqlite3.connect(info.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.close()
    assert live_clients(db_path) == stored


def test_a_backup_into_a_named_file_or_folder_is_not_rotated(filled: Callable[[], UnitOfWork], tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    info = backups.take_backup(filled(), dest=target)
    assert info.path == target and info.ok
    with pytest.raises(BackupRefused, match="already exists"):
        backups.take_backup(filled(), dest=target)
    folder = tmp_path / "usb"
    folder.mkdir()
    assert backups.take_backup(filled(), dest=folder).path.parent == folder


# Rotation -------------------------------------------------------------------------------------------


def test_rotation_over_a_simulated_year_keeps_7_days_4_weeks_12_months(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], seat: SeatSettings
) -> None:
    day = date(2026, 1, 1)
    last = date(2026, 12, 31)
    while day <= last:
        add_client(f"Клиент {day.isoformat()}")
        morning = datetime.combine(day, datetime.min.time()).replace(hour=9)
        assert backups.daily_backup(uow(), now=morning, settings=seat) is not None
        assert backups.daily_backup(uow(), now=morning + timedelta(hours=5), settings=seat) is None  # once a day
        day += timedelta(days=1)
    kept = sorted(parse_backup_name(p.name).created.date() for p in seat.backup_folder.iterdir())  # type: ignore[union-attr]
    last_7 = [last - timedelta(days=n) for n in range(7)]
    assert set(last_7) <= set(kept)
    # the newest copy of each of the 4 last ISO weeks: Sundays (the last week ends on Thursday 31st)
    assert {date(2026, 12, 31), date(2026, 12, 27), date(2026, 12, 20), date(2026, 12, 13)} <= set(kept)
    # the newest copy of each of the 12 months: the last day of each
    month_ends = {date(2026, m + 1, 1) - timedelta(days=1) for m in range(1, 12)} | {date(2026, 12, 31)}
    assert month_ends <= set(kept)
    assert len(kept) == len(set(last_7) | {date(2026, 12, 27), date(2026, 12, 20), date(2026, 12, 13)} | month_ends)
    # each kept copy holds the base of its day
    newest = max(seat.backup_folder.iterdir())
    assert live_clients(newest) == 365


def test_rotation_numbers_come_from_the_settings(seat: SeatSettings) -> None:
    seat.set_keep(KEY_KEEP_DAILY, 2)
    assert backups.retention(seat) == Retention(daily=2, weekly=4, monthly=12)
    stamps = [datetime(2026, 3, d, 12) for d in range(1, 11)]
    kept = to_keep(stamps, Retention(daily=2, weekly=0, monthly=0), now=datetime(2026, 3, 20))
    assert kept == {datetime(2026, 3, 10, 12), datetime(2026, 3, 9, 12)}


def test_copies_of_today_survive_until_tomorrow() -> None:
    now = datetime(2026, 3, 10, 18)
    stamps = [datetime(2026, 3, 10, h) for h in (9, 12, 17)]
    assert to_keep(stamps, Retention(1, 0, 0), now) == set(stamps)


def test_names_round_trip_and_foreign_names_are_not_backups() -> None:
    name = backup_file_name("база", datetime(2026, 2, 3, 4, 5, 6), "trash", 2)
    parsed = parse_backup_name(name)
    assert parsed is not None and (parsed.stem, parsed.reason, parsed.number) == ("база", "trash", 2)
    assert parse_backup_name("base.sqlite") is None
    assert parse_backup_name("base-2026-13-40_000000-daily.sqlite") is None


# Restore --------------------------------------------------------------------------------------------


def test_restore_round_trip_gives_back_the_same_rows(
    db_path: Path, filled: Callable[[], UnitOfWork], add_client: Callable[..., int], seat: SeatSettings
) -> None:
    before = checksum(db_path)
    copy = backups.take_backup(filled(), now=datetime(2026, 5, 1, 9), settings=seat)
    clients.trash_clients(filled(), [1, 2, 3])
    add_client("ООО «После копии»")
    changed = checksum(db_path)
    assert changed != before

    result = backups.restore_backup(filled(), copy.path, now=datetime(2026, 5, 1, 12), settings=seat)

    assert checksum(db_path) == before
    assert live_clients(db_path) == 60 == result.restored.clients
    assert checksum(result.safety.path) == changed  # the state before the restore is kept
    assert result.safety.ok and result.safety.reason == "restore"
    assert not Path(f"{db_path}-wal").exists() or clients.get_client(filled(), 1).deleted_at is None
    # the program goes on working on the restored base
    assert clients.get_client(filled(), 1).deleted_at is None
    add_client("ООО «Снова работаем»")
    assert live_clients(db_path) == 61
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_a_restore_refuses_a_foreign_or_damaged_file_and_changes_nothing(
    db_path: Path, filled: Callable[[], UnitOfWork], seat: SeatSettings, tmp_path: Path
) -> None:
    before = checksum(db_path)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a base")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    damaged = backups.take_backup(filled(), dest=tmp_path / "damaged.sqlite").path
    data = bytearray(damaged.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200
    damaged.write_bytes(bytes(data))
    for bad, words in ((text, "not a SalesDesk base"), (other, "not a SalesDesk base"), (damaged, "damaged")):
        with pytest.raises(BackupRefused, match=words):
            backups.restore_backup(filled(), bad, settings=seat)
    with pytest.raises(BackupRefused, match="the base itself"):
        backups.restore_backup(filled(), db_path, settings=seat)
    assert checksum(db_path) == before
    assert not seat.backup_folder.exists()  # not even a safety copy was taken


def test_a_restore_waits_for_no_one_and_refuses_while_another_program_has_the_base_open(
    db_path: Path, filled: Callable[[], UnitOfWork], seat: SeatSettings
) -> None:
    copy = backups.take_backup(filled(), settings=seat)
    clients.trash_clients(filled(), [1])
    before = checksum(db_path)
    other = sqlite3.connect(db_path)  # another seat
    other.execute("SELECT count(*) FROM clients").fetchone()
    try:
        with pytest.raises(StoreError, match="open in another program"):
            backups.restore_backup(filled(), copy.path, settings=seat)
    finally:
        other.close()
    assert checksum(db_path) == before


def test_a_damaged_base_is_restored_from_the_newest_good_copy(
    db_path: Path, database: Database, seat: SeatSettings
) -> None:
    load_demo(UnitOfWork(database), 40, seed=3)
    good = backups.take_backup(UnitOfWork(database), now=datetime(2026, 4, 1, 9), settings=seat)
    newer = backups.take_backup(UnitOfWork(database), now=datetime(2026, 4, 2, 9), settings=seat)
    data = bytearray(newer.path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 300] = b"\x00\xff" * 150
    newer.path.write_bytes(bytes(data))
    database.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    base = bytearray(db_path.read_bytes())
    base[4096 * 3 : 4096 * 3 + 300] = b"\x00\xff" * 150
    db_path.write_bytes(bytes(base))
    assert open_database(resolve_url(db_path), create=False).damage is not None

    offered = backups.newest_good_backup(db_path, settings=seat)
    assert offered is not None and offered.path == good.path
    result = backups.restore_damaged(db_path, offered.path, settings=seat)

    assert result.safety.reason == "damaged" and result.safety.path.read_bytes() == bytes(base)
    reopened = open_database(resolve_url(db_path), create=False)
    try:
        assert reopened.damage is None and reopened.check().ok
        assert clients.search_clients(UnitOfWork(reopened), "", limit=100).total == 40
    finally:
        reopened.dispose()


def test_restoring_a_copy_from_before_an_upgrade_brings_its_schema_up_to_date(
    db_path: Path, filled: Callable[[], UnitOfWork], seat: SeatSettings, tmp_path: Path
) -> None:
    from tests.integration.test_migrations import _upgrade_to

    old = tmp_path / "old" / "base.sqlite"
    old.parent.mkdir()
    _upgrade_to(old, "0001_initial")
    from salesdesk.store.database import HEAD_REVISION

    backups.restore_backup(filled(), old, settings=seat)
    assert filled().database.revision() == HEAD_REVISION
    assert live_clients(db_path) == 0
    assert [p for p in seat.backup_folder.iterdir() if p.name.endswith("-upgrade.sqlite")]


# The command line -----------------------------------------------------------------------------------


@pytest.fixture
def cli_base(tmp_path: Path) -> str:
    db = str(tmp_path / "cli.sqlite")
    assert main(["init", db]) == 0
    assert main(["--db", db, "demo", "--clients", "12"]) == 0
    return db


def test_cli_backup_backups_restore_json_shapes(cli_base: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", cli_base, "backup", "--json")
    assert code == 0
    made = json.loads(out)
    assert set(made) == {"path", "clients", "bytes"} and made["clients"] == 12
    assert made["bytes"] == Path(made["path"]).stat().st_size
    assert run(capsys, "--db", cli_base, "client", "trash", "1")[0] == 0
    code, out, _ = run(capsys, "--db", cli_base, "backup", "--json")
    second = json.loads(out)

    code, out, _ = run(capsys, "--db", cli_base, "backups", "--json")
    listed = json.loads(out)
    assert code == 0 and [b["path"] for b in listed] == [second["path"], made["path"]]  # newest first
    assert all(set(b) == {"path", "created", "bytes", "clients", "ok"} for b in listed)
    assert [b["clients"] for b in listed] == [11, 12] and all(b["ok"] for b in listed)
    datetime.fromisoformat(listed[0]["created"])

    code, out, err = run(capsys, "--db", cli_base, "restore", made["path"], "--yes", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == {"restored", "safety_copy", "clients"} and result["restored"] == made["path"]
    assert Path(result["safety_copy"]).exists() and result["clients"] == 12
    code, out, _ = run(capsys, "--db", cli_base, "check")
    assert code == 0 and "clients: 12" in out


def test_cli_restore_refuses_what_is_not_a_backup_with_exit_2(
    cli_base: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff" + b"\0" * 500)
    before = checksum(Path(cli_base))
    capsys.readouterr()
    for lang, words in (("en", "not a verified SalesDesk backup"), ("ru", "не проверенная копия базы SalesDesk")):
        code, out, err = run(capsys, "--lang", lang, "--db", cli_base, "restore", str(foreign), "--yes")
        assert code == 2 and words in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", cli_base, "restore", str(tmp_path / "missing.sqlite"), "--yes")
    assert code == 2 and "there is no such file" in err
    code, _, err = run(capsys, "--db", cli_base, "restore", str(tmp_path), "--yes")
    assert code == 2 and "it is a folder" in err
    assert checksum(Path(cli_base)) == before


def test_cli_restore_without_yes_asks_nothing_when_no_one_can_answer(
    cli_base: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--db", cli_base, "backup", "--json")
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115 - closed with the test
    code, _, err = run(capsys, "--db", cli_base, "restore", json.loads(out)["path"])
    sys.stdin.close()
    assert code == 2 and "--yes" in err


def test_cli_backup_to_a_taken_file_is_refused(
    cli_base: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "taken.sqlite"
    taken.write_text("keep me")
    code, _, err = run(capsys, "--db", cli_base, "backup", str(taken))
    assert code == 2 and "already exists" in err and taken.read_text() == "keep me"


def test_copies_before_upgrades_go_to_the_backup_folder_and_rotate_instead_of_piling_up(tmp_path: Path) -> None:
    from salesdesk import app
    from tests.integration.test_migrations import _upgrade_to

    base = tmp_path / "office.sqlite"
    _upgrade_to(base, "0001_initial")
    folder = SeatSettings().backup_folder
    folder.mkdir(parents=True)
    old = [
        folder / backup_file_name("office", datetime(2020 + m // 12, m % 12 + 1, 1, 8), "upgrade") for m in range(40)
    ]
    for path in old:
        path.write_bytes(b"")
    app.open_store(str(base)).dispose()
    names = sorted(p.name for p in folder.iterdir())
    made = [n for n in names if n not in {p.name for p in old}]
    assert len(made) == 1 and made[0].endswith("-upgrade.sqlite")  # the copy of this upgrade
    # 12 months are kept: this one and the 11 newest of the old copies; the rest are gone
    assert len(names) == 12 and set(names) - set(made) == {p.name for p in old[-11:]}
    assert live_clients(folder / made[0]) == 0 and backups.check_backup(folder / made[0]).ok
