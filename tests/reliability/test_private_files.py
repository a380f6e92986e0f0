"""Under the usual umask 022, what SalesDesk keeps in its data folder is the owner's only.

The data folder is 0700; the base, its -wal and -shm, the copy made before an upgrade, the log
and anything exported or saved into the data folder are 0600. A file exported elsewhere keeps the
user's umask, like any new file of theirs.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from salesdesk import app
from salesdesk.domain.model import ClientFields
from salesdesk.services import clients, exporting, reports
from salesdesk.store import UnitOfWork, resolve_url
from salesdesk.store.database import MIGRATIONS_DIR

# About SQLite files: file modes of the base, its -wal/-shm and the copy of the file.
pytestmark = [pytest.mark.sqlite_only, pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_first_start_makes_a_private_folder_base_and_log(tmp_path: Path) -> None:
    data = tmp_path / "SalesDesk"
    env = {**os.environ, "SALESDESK_DATA_DIR": str(data)}
    env.pop("SALESDESK_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "client", "add", "--name", "ООО «Ромашка»"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        umask=0o022,
    )
    assert done.returncode == 0, done.stderr
    assert mode(data) == 0o700
    assert mode(data / "salesdesk.sqlite") == 0o600
    assert mode(data / "logs") == 0o700
    assert mode(data / "logs" / "salesdesk.log") == 0o600


def test_wal_shm_exports_and_reports_inside_the_data_folder_are_private(
    _isolated_data_dir: Path, tmp_path: Path, umask_022: None
) -> None:
    _isolated_data_dir.chmod(0o755)  # as an older SalesDesk left it
    database = app.open_store(None)
    try:
        assert mode(_isolated_data_dir) == 0o700
        clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»", inn="7707083893"))
        base = _isolated_data_dir / "salesdesk.sqlite"
        for suffix in ("", "-wal", "-shm"):
            assert mode(Path(f"{base}{suffix}")) == 0o600, suffix
        inside = _isolated_data_dir / "exports"
        inside.mkdir()  # an export goes into a folder that is there; it makes none
        exporting.export_clients(UnitOfWork(database), inside / "clients.xlsx")
        exporting.export_clients(UnitOfWork(database), inside / "clients.csv")
        report = reports.run_report(UnitOfWork(database), "pipeline")
        reports.export_report(report, inside / "pipeline.xlsx")
        assert {p.name: mode(p) for p in inside.iterdir()} == {
            "clients.xlsx": 0o600,
            "clients.csv": 0o600,
            "pipeline.xlsx": 0o600,
        }
        outside = tmp_path / "desk"
        outside.mkdir()
        exporting.export_clients(UnitOfWork(database), outside / "clients.xlsx")
        exporting.export_clients(UnitOfWork(database), outside / "clients.csv")
        reports.export_report(report, outside / "pipeline.xlsx")
        assert {p.name: mode(p) for p in outside.iterdir()} == {
            "clients.xlsx": 0o644,
            "clients.csv": 0o644,
            "pipeline.xlsx": 0o644,
        }
    finally:
        database.dispose()


def test_the_copy_before_an_upgrade_is_private(_isolated_data_dir: Path, umask_022: None) -> None:
    from alembic import command
    from alembic.config import Config

    base = _isolated_data_dir / "salesdesk.sqlite"
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(resolve_url(base))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_initial")
    engine.dispose()
    assert mode(base) == 0o644  # as an older SalesDesk made it
    app.open_store(None).dispose()
    copies = list((_isolated_data_dir / "backups").glob("salesdesk-*-upgrade.sqlite"))
    assert len(copies) == 1 and mode(copies[0]) == 0o600
    assert mode(_isolated_data_dir / "backups") == 0o700
    assert mode(base) == 0o600
