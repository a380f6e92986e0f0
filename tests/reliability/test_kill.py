"""``kill -9`` of the command line at random moments (seeded, a few kills per scenario).

After every kill the base passes SQLite's integrity and foreign-key checks, an import or a demo
load is all or nothing, no acknowledged save is lost, an interrupted upgrade is finished by the
next start, and an export leaves the base as it was. The scenarios live in killing.py, shared with
benchmarks/reliability.py, which runs them at a larger scale and prints figures.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.reliability import killing
from tests.reliability.killing import Outcome, Sandbox

# About SQLite files: kill -9 of a program writing a SQLite file; the file's integrity checks after.
pytestmark = pytest.mark.sqlite_only

SEED = 20261206
KILLS = 3


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two thousand clients with their contacts, deals and reminders, as SalesDesk exports them."""
    return killing.source_workbook(Sandbox(tmp_path_factory.mktemp("source")), 2000)


def _copy_of_source(workbook: Path, folder: Path) -> Path:
    """The demo base the workbook was exported from (closed, so its WAL is folded in)."""
    db = folder / "base.sqlite"
    db.write_bytes(workbook.with_suffix(".sqlite").read_bytes())
    return db


def _rng(name: str) -> random.Random:
    return random.Random(f"{SEED}-{name}")


def _assert_safe(outcomes: list[Outcome]) -> None:
    assert any(o.killed for o in outcomes), "every command finished before its kill: nothing was tested"
    for o in outcomes:
        assert o.problems == [], o
        assert not o.partial, o
        assert o.lost == 0, o
        assert o.after == "", o


@pytest.mark.slow
def test_a_killed_import_is_all_or_nothing(tmp_path: Path, workbook: Path) -> None:
    _assert_safe(killing.kill_imports(Sandbox(tmp_path), _rng("import"), KILLS, workbook))


@pytest.mark.slow
def test_a_killed_save_loses_no_acknowledged_client(tmp_path: Path) -> None:
    _assert_safe(killing.kill_saves(Sandbox(tmp_path), _rng("save"), KILLS))


@pytest.mark.slow
def test_a_killed_demo_load_is_all_or_nothing(tmp_path: Path) -> None:
    _assert_safe(killing.kill_demo_loads(Sandbox(tmp_path), _rng("demo"), KILLS, 5000))


@pytest.mark.slow
def test_a_killed_upgrade_is_finished_by_the_next_start(tmp_path: Path) -> None:
    _assert_safe(killing.kill_upgrades(Sandbox(tmp_path), _rng("upgrade"), KILLS, 10_000))


@pytest.mark.slow
def test_a_killed_export_leaves_the_base_as_it_was(tmp_path: Path, workbook: Path) -> None:
    box = Sandbox(tmp_path)
    db = _copy_of_source(workbook, tmp_path)
    _assert_safe(killing.kill_exports(box, _rng("export"), KILLS, db, then_export=False))


@pytest.mark.slow
def test_a_killed_export_leaves_no_temporary_file_after_the_next_one(tmp_path: Path, workbook: Path) -> None:
    box = Sandbox(tmp_path)
    db = _copy_of_source(workbook, tmp_path)
    # killed while its temporary file is there (when one appears next to the target)
    outcomes = killing.kill_exports(box, _rng("export-leftovers"), 1, db, target_appears=True)
    assert outcomes[0].killed
    assert outcomes[0].leftovers == []


@pytest.mark.slow
@pytest.mark.skipif(not killing.procfs(), reason="reads processes from /proc (Linux)")
def test_the_workers_of_a_killed_load_exit(tmp_path: Path) -> None:
    """From 20,000 cards a load derives columns in worker processes: killed while they work,
    none of them (nor multiprocessing's resource tracker) outlives the command."""
    (outcome,) = killing.kill_loads_with_workers(Sandbox(tmp_path), _rng("orphans"), 1)
    assert outcome.killed and outcome.after == "", outcome
    assert outcome.problems == [] and not outcome.partial
    assert outcome.orphans == set()


@pytest.mark.slow
@pytest.mark.skipif(not killing.procfs(), reason="reads processes from /proc (Linux)")
def test_the_workers_of_a_killed_big_import_exit(tmp_path: Path) -> None:
    """From 20,000 rows an import checks them in worker processes: killed while they work, none
    of them outlives the command, and the base holds none of the rows or all."""
    outcomes = killing.kill_imports_with_workers(Sandbox(tmp_path), _rng("import-orphans"), 2)
    for outcome in outcomes:
        assert outcome.killed and outcome.after == "", outcome
        assert outcome.problems == [] and not outcome.partial
        assert outcome.orphans == set()
