"""Files that are not a healthy SalesDesk base: never changed, never a traceback.

A foreign SQLite file (another program's, with or without Alembic) is identified before any
pragma that writes, and stays byte for byte as it was. A damaged base is opened read-only: ``check``
prints what SQLite reports and exits 1, reads still work where they can, writes are refused.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from salesdesk.domain.errors import StoreError
from salesdesk.domain.model import ClientFields
from salesdesk.services import clients, importing
from salesdesk.store import UnitOfWork, open_database, resolve_url
from salesdesk.store.database import APPLICATION_ID
from tests.integration.spreadsheets import workbook
from tests.reliability.conftest import run, sha256

# About SQLite files: foreign and damaged SQLite files.
pytestmark = pytest.mark.sqlite_only


def _foreign_plain(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
        "INSERT INTO notes (text) VALUES ('купить хлеб'), ('позвонить маме');"
    )
    conn.close()
    return path


def _foreign_alembic(path: Path) -> Path:
    """Another program's Alembic-managed base: its revision is not in SalesDesk's chain."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES ('4f2a9c1be0d7');"
        "CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT);"
        "INSERT INTO users (login) VALUES ('admin');"
    )
    conn.close()
    return path


def _foreign_wal(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(
        "CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT);INSERT INTO photos (file) VALUES ('a.jpg');"
    )
    conn.close()
    return path


FOREIGN = {"plain": _foreign_plain, "alembic": _foreign_alembic, "wal": _foreign_wal}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_a_foreign_file_stays_byte_for_byte_untouched(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FOREIGN[kind](tmp_path / "other.db")
    before, files = sha256(path), sorted(tmp_path.iterdir())
    for command in (["check"], ["search", "хлеб"], ["client", "add", "--name", "ООО «Ромашка»"]):
        code, _, err = run(capsys, "--db", str(path), *command)
        assert code == 1, command
        assert "is not a SalesDesk database" in err and "Traceback" not in err
    with pytest.raises(StoreError, match="is not a SalesDesk database"):
        open_database(resolve_url(path))
    assert sha256(path) == before
    assert sorted(tmp_path.iterdir()) == files  # no -wal, -shm or copy left beside it


def test_a_base_of_a_newer_salesdesk_is_named_so_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "newer.sqlite"
    open_database(resolve_url(path)).dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.commit()
    conn.close()
    before = sha256(path)
    code, _, err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "made by a newer SalesDesk (0099_future)" in err
    assert sha256(path) == before


def test_a_salesdesk_base_carries_its_application_id(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite"
    open_database(resolve_url(path)).dispose()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def test_an_old_base_without_application_id_is_still_ours(tmp_path: Path) -> None:
    """Bases made before application_id was set are recognised by revision and tables."""
    path = tmp_path / "old.sqlite"
    database = open_database(resolve_url(path))
    clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Старая»"))
    database.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    database = open_database(resolve_url(path))
    try:
        assert clients.count_clients(UnitOfWork(database)) == 1
    finally:
        database.dispose()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def _damaged_base(path: Path, table: str = "clients") -> Path:
    """A base of 300 clients with the root page of *table* overwritten."""
    database = open_database(resolve_url(path))
    for n in range(300):
        clients.create_client(UnitOfWork(database), ClientFields(name=f"Клиент {n}", city="Тверь"))
    database.dispose()  # the last connection checkpoints the WAL into the file
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\x5a" * page_size
    path.write_bytes(bytes(data))
    return path


def test_check_reports_the_damage_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _damaged_base(tmp_path / "base.sqlite")
    before = sha256(path)
    code, out, err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "Traceback" not in out + err
    assert "integrity: ok" not in out and "btreeInitPage" in out
    assert sha256(path) == before


def test_a_damaged_base_is_opened_read_only_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged_base(tmp_path / "base.sqlite")
    before = sha256(path)
    for command in (["search", "Клиент"], ["client", "add", "--name", "ООО «Новая»"], ["manager", "add", "Анна"]):
        code, _, err = run(capsys, "--db", str(path), *command)
        assert code == 1, command
        assert "is damaged" in err and "Traceback" not in err
    database = open_database(resolve_url(path))
    try:
        assert database.read_only and database.damage is not None
        with pytest.raises(StoreError, match="is damaged; nothing is written"):
            clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Новая»"))
    finally:
        database.dispose()
    assert sha256(path) == before


def test_a_dry_run_import_only_reads_so_it_works_on_a_damaged_base(tmp_path: Path) -> None:
    """A dry run writes nothing, so it is a reading unit of work: it must not ask for the write lock
    (which a damaged, read-only base refuses and a second seat's import would have to wait for)."""
    path = _damaged_base(tmp_path / "base.sqlite", table="interactions")
    source = workbook(tmp_path / "new.xlsx", [["Название", "Город"], ["ООО «Новая»", "Тула"]])
    before = sha256(path)
    database = open_database(resolve_url(path))
    try:
        assert database.read_only
        result = importing.run_import(UnitOfWork(database), source, dry_run=True)
    finally:
        database.dispose()
    assert result.dry_run and result.created == 1
    assert sha256(path) == before


def test_a_read_that_meets_the_damage_does_not_speak_of_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`search` (or `deal list`) on a base with a damaged table answered "nothing is written to it":
    the user asked for a list, and wonders what was to be written. Say what failed: reading that part."""
    path = _damaged_base(tmp_path / "base.sqlite")
    code, out, err = run(capsys, "--db", str(path), "--lang", "ru", "search", "Клиент")
    assert code == 1 and "Traceback" not in err
    assert "не прочитать" in err and "не записываются" not in err.splitlines()[-1]


def test_a_damaged_base_is_refused_by_the_window_with_what_to_do(tmp_path: Path) -> None:
    from salesdesk import gui

    path = _damaged_base(tmp_path / "base.sqlite")
    opened: list[object] = []

    def fake_run(connect, argv, **options):  # type: ignore[no-untyped-def]
        try:
            opened.append(connect())
        except StoreError as exc:
            opened.append(str(exc))
        return 1

    import salesdesk.ui.application as application

    real = application.run
    application.run = fake_run
    try:
        gui.run_gui(str(path))
    finally:
        application.run = real
    assert len(opened) == 1 and isinstance(opened[0], str)
    assert "is damaged" in opened[0] and "export" in opened[0]


def test_check_of_a_damaged_base_says_what_it_means_in_russian_and_keeps_it_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite's report can run to hundreds of English lines: a Russian summary first, ten of its
    lines, then how many more there are."""
    path = _damaged_base(tmp_path / "base.sqlite")
    code, out, _ = run(capsys, "--lang", "ru", "--db", str(path), "check")
    assert code == 1
    assert "Целостность: база повреждена — SQLite нашла" in out and "сохраните данные командой export" in out
    report_lines = [line for line in out.splitlines() if line.startswith("  ")]
    assert 1 <= len(report_lines) <= 11
