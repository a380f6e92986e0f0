"""A CSV has the same cell limit as a workbook, checked while it is read, in bounded memory.

A 150 MB CSV of 250,000 rows x 199 columns is inside the limits on size, rows and columns, but
not on cells (rows x columns, ``Limits.cells``, as for .xlsx): before, its dry run read the whole
file into one string, built every row and grew past 4.9 GB. Now the file is streamed, the cells
are counted record by record and the file is refused as soon as it crosses the limit. The import
runs in a child process so that its peak memory (VmHWM) and its temporary files can be measured:
the child's temporary folder is one of the test's own, so other programs' files do not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from salesdesk.files.errors import FileProblem
from salesdesk.files.reading import DEFAULT_LIMITS, Limits, read_sheet
from tests.integration.spreadsheets import ROOT

_CHILD = """
import json, sys, time
from pathlib import Path

from salesdesk.domain import messages
from salesdesk.files.errors import FileProblem
from salesdesk.files.reading import Limits
from salesdesk.services import importing
from salesdesk.store import UnitOfWork, open_database, resolve_url

database_path, path, cells = sys.argv[1:4]
messages.set_language("en")
database = open_database(resolve_url(Path(database_path)), create=True)
options = importing.ImportOptions(limits=Limits(cells=int(cells)) if int(cells) else Limits())
start = time.monotonic()
try:
    importing.run_import(UnitOfWork(database), Path(path), options, dry_run=True)
    outcome = {"outcome": "read"}
except FileProblem as problem:
    outcome = {"outcome": "refused", "key": problem.key, "message": str(problem)}
outcome["seconds"] = time.monotonic() - start
with open("/proc/self/status") as status:
    outcome["peak_mb"] = next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:"))
database.dispose()
print(json.dumps(outcome))
"""

linux_only = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is read from /proc")

# A hang guard, not a speed check (speed is measured in benchmarks/): the refusal comes from counting,
# not from reading the whole file. Generous, so that a loaded machine does not fail it.
HANG_GUARD = 60.0


@dataclass(frozen=True)
class DryRun:
    outcome: str
    key: str
    message: str
    seconds: float
    peak_mb: int
    temporary: list[str]  # what the child left in its temporary folder or next to the file


def dry_run_in_child(tmp_path: Path, csv_path: Path, cells: int = 0, timeout: float = 120) -> DryRun:
    temporary = tmp_path / "child-tmp"
    temporary.mkdir()
    data = tmp_path / "child-data"
    before = set(os.listdir(csv_path.parent))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary), "SALESDESK_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path / "base.sqlite"), str(csv_path), str(cells)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    left = sorted(os.listdir(temporary)) + sorted(set(os.listdir(csv_path.parent)) - before - {"base.sqlite"})
    if (data / "tmp").exists():
        left += sorted(os.listdir(data / "tmp"))
    return DryRun(
        found["outcome"], found.get("key", ""), found.get("message", ""), found["seconds"], found["peak_mb"], left
    )


def write_csv(path: Path, rows: int, columns: int) -> Path:
    """A plausible export of another program: a header, then rows of short values."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(";".join(["Наименование", "ИНН", "Телефон"] + [f"Поле {i}" for i in range(columns - 3)]) + "\r\n")
        filler = ";".join(str(i % 97) for i in range(columns - 3))
        for row in range(rows):
            handle.write(f"ООО «Клиент {row}»;{7_700_000_000 + row};+7 900 {row:07d};{filler}\r\n")
    return path


def test_a_csv_past_the_cell_limit_is_refused_with_the_workbooks_message(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "Широкая.csv", 300, 40)  # 301 x 40 = 12,040 cells
    with pytest.raises(FileProblem) as refused:
        read_sheet(path, limits=Limits(cells=10_000))
    assert refused.value.key == "file.too_many_cells"
    assert "is too large: 251+ rows × 40 columns" in str(refused.value)  # 251 x 40 is the first past 10,000


def test_a_csv_exactly_at_the_cell_limit_is_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "Ровно.csv", 249, 40)  # the header and 249 rows: 250 x 40 = 10,000 cells
    sheet = read_sheet(path, limits=Limits(cells=10_000))
    assert len(sheet.rows) == 250 and sheet.rows[-1][:2] == ["ООО «Клиент 248»", "7700000248"]


def test_a_csv_with_a_bom_or_in_windows_1251_still_reads(tmp_path: Path) -> None:
    text = "Наименование;ИНН\r\nООО «Ёлка»;7707083893\r\n"
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    windows = tmp_path / "windows.csv"
    windows.write_bytes(text.encode("cp1251"))
    for path in (bom, windows):
        assert read_sheet(path).rows == [["Наименование", "ИНН"], ["ООО «Ёлка»", "7707083893"]]


@linux_only
def test_a_long_wide_csv_is_refused_quickly_in_bounded_memory_leaving_no_temporary_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "Выгрузка.csv", 200_000, 50)  # 10 million cells, 20 MB
    child = dry_run_in_child(tmp_path, path, cells=100_000)
    assert (child.outcome, child.key) == ("refused", "file.too_many_cells"), child
    assert "2,001+ rows × 50 columns" in child.message
    # the interpreter with SalesDesk imported is about 60 MB; the file is neither copied nor built
    assert child.peak_mb < 150 and child.seconds < HANG_GUARD, child
    assert child.temporary == [], child


@linux_only
@pytest.mark.slow
def test_the_real_size_csv_of_the_report_is_refused_within_seconds(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "Выгрузка.csv", 250_000, 199)  # about 150 MB, inside the size limit
    assert path.stat().st_size < DEFAULT_LIMITS.file_bytes
    child = dry_run_in_child(tmp_path, path)
    assert (child.outcome, child.key) == ("refused", "file.too_many_cells"), child
    assert "30,151+ rows × 199 columns" in child.message  # 30,151 x 199 is the first past 6,000,000
    # what is held is the 6 million cells the limit allows (about 440 MB), not the 50 million of the file
    assert child.peak_mb < 700 and child.seconds < HANG_GUARD, child
    assert child.temporary == [], child
