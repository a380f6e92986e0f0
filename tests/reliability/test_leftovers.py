"""What a SalesDesk killed with ``kill -9`` leaves behind, and how the next run cleans it.

Worker processes of a bulk load (and multiprocessing's resource tracker) exit with their parent
instead of staying for minutes. Temporary files carry the process id in their name; the ones
with rows in them (openpyxl's worksheets) live in the program's own temporary folder, never in the
system's; the next start cleans that folder, and the next export into a folder cleans the
half-written files a killed export left there. The programs run as real processes, each with a
temporary folder (TMPDIR) and a data folder of its own, so other programs' files do not count.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from salesdesk.files import temporary
from tests.reliability.killing import command_line, descendants, wait_gone, wait_until

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="processes are read from /proc (Linux)")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TMPDIR": str(system_tmp),
        "SALESDESK_DATA_DIR": str(tmp_path / "data"),
    }


def salesdesk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@contextmanager
def start(env: dict[str, str], *args: str) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "salesdesk", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


@pytest.fixture
def base(env: dict[str, str], tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite"
    salesdesk(env, "init", str(path))
    return path


@pytest.mark.slow
def test_the_worker_processes_of_a_demo_load_exit_when_it_is_killed(env: dict[str, str], base: Path) -> None:
    with start(env, "--db", str(base), "demo", "--clients", "30000") as process:
        assert wait_until(
            lambda: any("spawn_main" in command_line(p) for p in descendants(process.pid)), 120, watch=process.pid
        ), "no worker process started"
        family = descendants(process.pid)  # the workers and the resource tracker
        assert len(family) >= 2, [command_line(p) for p in family]
        process.send_signal(signal.SIGKILL)
        process.wait()
        left = wait_gone(family, 5)
        assert not left, f"still running 5 s after the kill: {[command_line(p) for p in left]}"


@pytest.fixture
def filled(env: dict[str, str], base: Path) -> Path:
    salesdesk(env, "--db", str(base), "demo", "--clients", "3000")
    return base


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_killed_half_way_leaves_nothing_the_next_run_does_not_clean(
    env: dict[str, str], filled: Path, tmp_path: Path, suffix: str
) -> None:
    target_folder = tmp_path / "Выгрузки"
    target_folder.mkdir()
    target = target_folder / f"Клиенты{suffix}"
    data_tmp = Path(env["SALESDESK_DATA_DIR"]) / "tmp"
    system_tmp = Path(env["TMPDIR"])

    def half_written() -> list[str]:
        return sorted(n for n in os.listdir(target_folder) if n.startswith(".salesdesk-"))

    with start(env, "--db", str(filled), "export", str(target)) as process:
        # .xlsx: the workbook is being saved next to the target while the rows wait in xlsxwriter's files
        assert wait_until(lambda: bool(half_written()), 60, watch=process.pid), "no temporary file was begun"
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed = process.pid
    left = half_written()
    assert left and all(n.startswith(f".salesdesk-{killed}-") for n in left), left
    assert not target.exists()
    assert os.listdir(system_tmp) == []  # the rows never went there
    if suffix == ".xlsx":
        assert [n for n in os.listdir(data_tmp) if n.startswith(f"salesdesk-{killed}-")]  # a folder of its files
        assert data_tmp.stat().st_mode & 0o777 == 0o700

    salesdesk(env, "--db", str(filled), "check")  # the next start cleans the program's own folder
    assert not data_tmp.exists() or os.listdir(data_tmp) == []
    assert half_written() == left  # ... but not someone's export folder: the next export into it does

    salesdesk(env, "--db", str(filled), "export", str(target))
    assert half_written() == [] and target.exists()
    assert os.listdir(system_tmp) == []


def test_a_temporary_file_of_a_running_salesdesk_is_kept(tmp_path: Path) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        ours = tmp_path / f".salesdesk-{os.getpid()}-a.xlsx"
        running_one = tmp_path / f".salesdesk-{other.pid}-b.xlsx"
        dead = tmp_path / ".salesdesk-999999999-c.csv.part"
        dead_openpyxl = tmp_path / "openpyxl.999999999-xyz"  # only in the program's own folder
        users = tmp_path / ".salesdesk-notes.txt"  # not named by us: a user's file
        report = tmp_path / "salesdesk-2024-отчёт.xlsx"  # nor this
        for path in (ours, running_one, dead, dead_openpyxl, users, report):
            path.write_text("x")
            os.utime(path, (temporary.STARTED - 60, temporary.STARTED - 60))
        fresh = tmp_path / ".salesdesk-999999998-d.xlsx"  # changed after this process started: another machine's?
        fresh.write_text("x")
        assert temporary.remove_stale(tmp_path) == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            p.name for p in (ours, running_one, dead_openpyxl, users, report, fresh)
        )
    finally:
        other.communicate(b"")
