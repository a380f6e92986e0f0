"""Erasing a person "also from the backups" (issue 12, item 5): each copy in the backup folder is
rewritten without them, proven on the raw bytes of every copy (with the control that the same scan
found them before); copies that are not the same person, damaged, or of an older schema."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from salesdesk.cli import main
from salesdesk.domain.model import ContactFields, ManagerFields
from salesdesk.services import backups, contacts, erasure, reference
from salesdesk.services.backup_erasure import backups_to_rewrite, erase_everywhere
from salesdesk.settings import SeatSettings
from salesdesk.store import UnitOfWork
from salesdesk.store.backup import inspect_copy
from salesdesk.store.database import HEAD_REVISION
from tests.integration import test_erasure
from tests.integration.test_erasure import EMAIL, NAME, PHONE, contact_traces, person_traces, traces

# Each copy of the SQLite file is rewritten (a server base's copies are pg_dump archives, which the
# server's administrator keeps; the option is not offered for them).
pytestmark = pytest.mark.sqlite_only

# The fixtures of the erasure tests: a company with a contact person, a private person with deals.
company = test_erasure.company
private_person = test_erasure.private_person


@pytest.fixture
def seat(tmp_path: Path) -> SeatSettings:
    return SeatSettings(tmp_path / "settings.ini")


def _take(uow: Callable[[], UnitOfWork], seat: SeatSettings, day: int) -> Path:
    return backups.take_backup(uow(), "daily", now=datetime(2026, 5, day, 9, 0), settings=seat).path


def _state(path: Path) -> tuple[bytes, int, int]:
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, info.st_mode & 0o777


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT full_name FROM contacts ORDER BY id")]
    finally:
        conn.close()


def test_every_backup_is_rewritten_without_the_person_and_keeps_its_name_date_and_mode(
    db_path: Path,
    uow: Callable[[], UnitOfWork],
    company: tuple[int, int],
    seat: SeatSettings,
) -> None:
    client_id, contact_id = company
    contacts.add_contact(uow(), client_id, ContactFields(full_name="Лаптев Остап", phones=("+7 916 000-11-22",)))
    copies = [_take(uow, seat, day) for day in (1, 2, 3)]
    for copy in copies:  # the control: the scan finds the person in every copy before
        assert traces(copy, *contact_traces()) == set(contact_traces())
    before = {copy: _state(copy) for copy in copies}
    assert backups_to_rewrite(uow(), settings=seat) == 3
    manager = reference.create_manager(uow(), ManagerFields(name="Орлова Нина")).id

    result = erase_everywhere(
        uow(), "contact", contact_id, ground="request", manager_id=manager, from_backups=True, settings=seat
    )

    assert result.backups is not None
    assert sorted(result.backups.rewritten) == sorted(c.name for c in copies) and result.backups.skipped == ()
    assert traces(db_path, *contact_traces()) == set()
    assert sorted(p.name for p in seat.backup_folder.iterdir()) == sorted(c.name for c in copies)  # no -wal, no temp
    for copy in copies:
        assert traces(copy, *contact_traces()) == set()
        data, mtime, mode = _state(copy)
        assert data != before[copy][0] and mtime == before[copy][1] and mode == 0o600
        check = inspect_copy(copy)
        assert check.ok and check.clients == 1
        assert _names(copy) == ["Лаптев Остап"]  # only the erased person went
        assert data[18:20] == b"\x01\x01"  # a rollback journal again: one file that opens on its own
    records = erasure.erasure_records(uow())
    assert [(r.entity, r.removed) for r in records][:1] == [("backups", 3)]
    assert records[0].entity_id == result.record_id and records[0].manager == "Орлова Нина"
    assert result.as_json()["backups_rewritten"] == 3 and result.as_json()["backups_skipped"] == []


def test_without_the_option_the_backups_still_hold_the_person(
    uow: Callable[[], UnitOfWork],
    company: tuple[int, int],
    seat: SeatSettings,
) -> None:
    _client_id, contact_id = company
    copy = _take(uow, seat, 1)
    result = erase_everywhere(uow(), "contact", contact_id, ground="request", settings=seat)
    assert result.backups is None and "backups_rewritten" not in result.as_json()
    assert traces(copy, *contact_traces()) == set(contact_traces())


def test_a_private_person_client_is_erased_from_the_backups(
    uow: Callable[[], UnitOfWork],
    private_person: int,
    seat: SeatSettings,
) -> None:
    copy = _take(uow, seat, 1)
    assert traces(copy, *person_traces()) == set(person_traces())
    result = erase_everywhere(uow(), "client", private_person, ground="request", from_backups=True, settings=seat)
    assert result.backups is not None and result.backups.rewritten == (copy.name,)
    assert traces(copy, *person_traces()) == set()


def test_a_copy_where_the_number_is_someone_else_is_skipped_untouched(
    uow: Callable[[], UnitOfWork],
    company: tuple[int, int],
    seat: SeatSettings,
) -> None:
    client_id, agata = company
    erasure.erase_contact(uow(), agata, ground="request")
    # A copy taken while the number belonged to someone else; the number is then given again.
    ostap = contacts.add_contact(uow(), client_id, ContactFields(full_name="Лаптев Остап")).id
    old = _take(uow, seat, 1)
    erasure.erase_contact(uow(), ostap, ground="request")
    again = contacts.add_contact(uow(), client_id, ContactFields(full_name=NAME, phones=(PHONE,), emails=(EMAIL,))).id
    assert again == ostap  # SQLite gave the number again
    new = _take(uow, seat, 2)
    untouched = _state(old)

    result = erase_everywhere(uow(), "contact", again, ground="request", from_backups=True, settings=seat)

    assert result.backups is not None
    assert result.backups.rewritten == (new.name,) and result.backups.skipped == ((old.name, "other"),)
    assert _state(old) == untouched and _names(old) == ["Лаптев Остап"]
    assert traces(new, *contact_traces()) == set()
    assert any(old.name in line for line in result.backups.messages())


def test_a_copy_taken_before_the_person_was_added_is_left_alone(
    uow: Callable[[], UnitOfWork], company: tuple[int, int], seat: SeatSettings
) -> None:
    client_id, _agata = company
    copy = _take(uow, seat, 1)
    untouched = _state(copy)
    later = contacts.add_contact(uow(), client_id, ContactFields(full_name="Лаптев Остап")).id

    result = erase_everywhere(uow(), "contact", later, ground="request", from_backups=True, settings=seat)

    assert result.backups is not None
    assert (result.backups.rewritten, result.backups.without, result.backups.skipped) == ((), (copy.name,), ())
    assert _state(copy) == untouched and erasure.erasure_records(uow())[0].removed == 0


def test_a_damaged_copy_is_skipped_untouched_and_the_others_are_rewritten(
    uow: Callable[[], UnitOfWork],
    company: tuple[int, int],
    seat: SeatSettings,
) -> None:
    _client_id, contact_id = company
    damaged = _take(uow, seat, 1)
    good = _take(uow, seat, 2)
    with open(damaged, "r+b") as handle:  # a page in the middle overwritten: integrity_check fails
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 2000)
    untouched = _state(damaged)
    assert not inspect_copy(damaged).ok

    result = erase_everywhere(uow(), "contact", contact_id, ground="request", from_backups=True, settings=seat)

    assert result.backups is not None
    assert result.backups.rewritten == (good.name,) and result.backups.skipped == ((damaged.name, "damaged"),)
    assert _state(damaged) == untouched
    assert traces(good, *contact_traces()) == set()
    assert erasure.erasure_records(uow())[0].removed == 1
    assert (
        "1 copy could not be rewritten; they still hold the data until they rotate out"
        in (result.backups.messages()[1])
    )


def test_a_copy_of_an_older_schema_is_upgraded_and_rewritten(
    uow: Callable[[], UnitOfWork],
    company: tuple[int, int],
    seat: SeatSettings,
) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from salesdesk.store import resolve_url
    from salesdesk.store.database import MIGRATIONS_DIR

    _client_id, contact_id = company
    old = _take(uow, seat, 1)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(resolve_url(old))
    with engine.begin() as conn:  # the copy as a program before the erasure record would have made it
        config.attributes["connection"] = conn
        command.downgrade(config, "0004_audit")
    engine.dispose()
    assert inspect_copy(old).revision == "0004_audit" and traces(old, *contact_traces()) == set(contact_traces())
    others = set(os.listdir(seat.backup_folder))

    result = erase_everywhere(uow(), "contact", contact_id, ground="request", from_backups=True, settings=seat)

    assert result.backups is not None and result.backups.rewritten == (old.name,)
    check = inspect_copy(old)
    assert check.ok and check.revision == HEAD_REVISION
    assert traces(old, *contact_traces()) == set()
    assert set(os.listdir(seat.backup_folder)) == others  # no copy of the copy was taken to upgrade it


# The command line -----------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_erase_from_backups_json_and_exit_codes(
    db_path: Path,
    uow: Callable[[], UnitOfWork],
    company: tuple[int, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _client_id, contact_id = company
    base = str(db_path)
    assert run(capsys, "--db", base, "backup")[0] == 0
    copies = list(SeatSettings().backup_folder.iterdir())
    assert len(copies) == 1 and traces(copies[0], *contact_traces()) == set(contact_traces())

    code, out, _err = run(
        capsys, "--db", base, "erase", "contact", str(contact_id), "--yes", "--from-backups", "--json"
    )

    assert code == 0
    shown = json.loads(out)
    assert shown["backups_rewritten"] == 1 and shown["backups_skipped"] == [] and shown["backups_without"] == 0
    assert traces(copies[0], *contact_traces()) == set()
    code, out, _ = run(capsys, "--db", base, "erasures")
    assert code == 0 and "backups, for record #" in out and "1 copy" in out


def test_cli_a_copy_left_as_it_was_gives_exit_1_and_names_it(
    db_path: Path,
    uow: Callable[[], UnitOfWork],
    company: tuple[int, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _client_id, contact_id = company
    base = str(db_path)
    assert run(capsys, "--db", base, "backup")[0] == 0
    [copy] = list(SeatSettings().backup_folder.iterdir())
    with open(copy, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 2000)

    code, out, err = run(capsys, "--db", base, "erase", "contact", str(contact_id), "--yes", "--from-backups", "--json")
    assert code == 1
    assert json.loads(out)["backups_skipped"] == [{"file": copy.name, "reason": "damaged"}]
    assert copy.name in err and "still hold the data" in err
    assert traces(db_path, *contact_traces()) == set()  # the base is erased all the same

    other = contacts.add_contact(uow(), _client_id, ContactFields(full_name="Лаптев Остап")).id
    code, out, _err = run(capsys, "--db", base, "erase", "contact", str(other), "--yes", "--from-backups")
    assert code == 1 and "Backups rewritten without this data: 0 copies." in out and copy.name in out


def test_cli_without_the_option_says_the_backups_still_hold_it(
    db_path: Path,
    company: tuple[int, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _client_id, contact_id = company
    assert run(capsys, "--db", str(db_path), "backup")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "erase", "contact", str(contact_id), "--yes")
    assert code == 0 and "still hold this data until they rotate out" in out
    [copy] = list(SeatSettings().backup_folder.iterdir())
    assert traces(copy, *contact_traces()) == set(contact_traces())
