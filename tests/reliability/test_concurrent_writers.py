"""Two processes writing to one base at once: every operation is stored, none refused as busy.

Writing units of work take SQLite's write lock when they begin (BEGIN IMMEDIATE), so a second
writer waits for the first (up to the busy timeout) instead of failing when it tries to upgrade a
read lock, which SQLite refuses at once.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk.domain.model import ClientFields
from salesdesk.services import clients
from salesdesk.store import UnitOfWork, open_database, resolve_url
from tests.reliability.writers import EDITED

# About SQLite files: SQLite's write lock (BEGIN IMMEDIATE, busy timeout) between processes on one file.
pytestmark = pytest.mark.sqlite_only

WRITER = Path(__file__).with_name("writers.py")
ROOT = Path(__file__).resolve().parents[2]


def _run_together(db: Path, jobs: list[tuple[str, int, str]]) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(db), kind, str(count), tag],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for kind, count, tag in jobs
    ]
    try:
        for proc in procs:  # every writer has opened the base before any starts writing
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=240)
            assert proc.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()


def _count(db: Path) -> int:
    database = open_database(resolve_url(db), create=False)
    try:
        return clients.count_clients(UnitOfWork(database))
    finally:
        database.dispose()


@pytest.mark.slow
def test_two_loops_of_client_add_store_every_client(tmp_path: Path) -> None:
    db = tmp_path / "base.sqlite"
    open_database(resolve_url(db)).dispose()
    results = _run_together(db, [("add", 60, "А"), ("add", 60, "Б")])
    assert [r["refused"] for r in results] == [[], []]
    assert [r["stored"] for r in results] == [60, 60]
    assert _count(db) == 120


@pytest.mark.slow
def test_an_import_finishes_while_another_process_adds_clients(tmp_path: Path) -> None:
    db = tmp_path / "base.sqlite"
    open_database(resolve_url(db)).dispose()
    adds, imports = _run_together(db, [("add", 60, "А"), ("import", 4, "Б")])
    assert adds["refused"] == [] and imports["refused"] == []
    assert (adds["stored"], imports["stored"]) == (60, 4 * 50)
    assert _count(db) == 60 + 4 * 50


def _seed_clients(db: Path, count: int) -> None:
    database = open_database(resolve_url(db), create=False)
    try:
        for n in range(count):
            clients.create_client(UnitOfWork(database), ClientFields(name=f"ООО «Правка {n}»"))
    finally:
        database.dispose()


@pytest.mark.slow
def test_an_import_a_loop_of_edits_and_a_loop_of_deals_all_finish_and_store_everything(tmp_path: Path) -> None:
    """Three writers at once: every edit, every deal and every imported row is stored, none is
    refused, and the base shows each of them (an edit bumps its card's version by one)."""
    db = tmp_path / "base.sqlite"
    open_database(resolve_url(db)).dispose()
    _seed_clients(db, EDITED)
    imports, edits, deals_ = _run_together(db, [("import", 4, "И"), ("edit", 60, "П"), ("deal", 60, "С")])
    assert (imports["refused"], edits["refused"], deals_["refused"]) == ([], [], [])
    assert (imports["stored"], edits["stored"], deals_["stored"]) == (4 * 50, 60, 60)
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM clients").fetchone() == (EDITED + 4 * 50,)
        versions = raw.execute("SELECT sum(version - 1) FROM clients WHERE id <= ?", (EDITED,)).fetchone()
        assert versions == (60,)  # no edit lost, none applied twice
        notes = dict(raw.execute("SELECT id, notes FROM clients WHERE id <= ?", (EDITED,)).fetchall())
        assert notes == {n % EDITED + 1: f"П правка {n}" for n in range(60 - EDITED, 60)}  # the last of each
        assert raw.execute("SELECT count(*) FROM deals WHERE client_id = 1").fetchone() == (60,)
