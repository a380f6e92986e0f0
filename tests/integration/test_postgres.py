"""What only a PostgreSQL server has: several seats opening one base at once (tests/server.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from salesdesk.store.database import HEAD_REVISION
from tests import server as test_server

pytestmark = pytest.mark.postgres_only


SEAT = """
import sys
from salesdesk.store import open_database
database = open_database(sys.argv[1])
print(database.revision())
database.dispose()
"""


@pytest.mark.parametrize("seats", [2, 5])
def test_seats_opening_a_new_base_at_once_all_open_it(seats: int) -> None:
    """Before the advisory lock, two seats (two programs) opening a fresh database failed 3 times in
    6 on a duplicate key in alembic_version: both saw no schema and both created it."""
    for _ in range(3):
        url = test_server.server().empty()
        programs = [
            subprocess.Popen(
                [sys.executable, "-c", SEAT, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(seats)
        ]
        results = [(p.wait(timeout=120), *p.communicate()) for p in programs]
        assert [(code, out.strip()) for code, out, _ in results] == [(0, HEAD_REVISION)] * seats, results
        test_server.server().drop(url)
