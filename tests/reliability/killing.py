"""``kill -9`` at random moments: the scenarios shared by tests/reliability/test_kill.py and
benchmarks/reliability.py.

Every scenario runs the real command line (``python -m salesdesk …``) in its own session, kills it
with SIGKILL at a moment drawn from a seeded random generator, and then looks at what is left:

* the base: ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` finds nothing;
* an import: all or nothing (the client count is the count before, or before + the rows imported);
* saves: every client whose number was printed is in the base (an acknowledged write is never lost);
* an upgrade: the base is at the old revision or at the head, and the next start finishes it;
* processes: the killed command's workers (found by its session, which they inherit) are gone a
  few seconds later (Linux only: read from /proc);
* files: no ``.part`` / ``.salesdesk-*`` next to an export target and nothing in the temporary
  folder after the next run.

The moment is drawn between a share of a calibration run's duration (the same command, not
killed, measured once per scenario on this machine), so that kills land during the work and not
only while Python starts.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: a share of the calibration run between which kills are drawn: after start-up, before the end
EARLY, LATE = 0.3, 0.85
ORPHAN_GRACE_S = 5.0  # how long the workers of a killed command may take to notice and exit


# Running the command line ---------------------------------------------------------------------


@dataclass
class Sandbox:
    """A folder with the data folder and the temporary folder the commands run with."""

    folder: Path

    def __post_init__(self) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def tmp(self) -> Path:
        return self.folder / "tmp"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "SALESDESK_DB"}
        env.update(
            SALESDESK_DATA_DIR=str(self.data),
            TMPDIR=str(self.tmp),
            TEMP=str(self.tmp),
            TMP=str(self.tmp),
            PYTHONPATH=str(ROOT),
            LANG="en_US.UTF-8",
            PYTHONUTF8="1",
        )
        return env

    def start(self, *args: str) -> subprocess.Popen[str]:
        # A session of its own: the workers it starts keep its session id after it dies. No pipes:
        # workers that outlive it would hold them open, and reading them would never end.
        return subprocess.Popen(
            [sys.executable, "-m", "salesdesk", *args],
            env=self.env(),
            cwd=self.folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "salesdesk", *args],
            env=self.env(),
            cwd=self.folder,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def ok(self, *args: str, timeout: float = 300) -> str:
        done = self.run(*args, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"salesdesk {' '.join(args)} exited {done.returncode}: {done.stderr}")
        return done.stdout

    def timed(self, *args: str) -> float:
        """Seconds one unkilled run takes (the calibration of a scenario)."""
        start = time.perf_counter()
        self.ok(*args)
        return time.perf_counter() - start

    def init(self, path: Path) -> Path:
        self.ok("init", str(path))
        return path


# Processes ------------------------------------------------------------------------------------


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, session id) of a live process, from /proc; None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[3])


def procfs() -> bool:
    return sys.platform.startswith("linux") and Path("/proc/self/stat").exists()


def session_members(sid: int) -> set[int]:
    """Live (not zombie) processes of session *sid*: what a killed command left running."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[2] == sid and stat[0] != "Z":
                found.add(int(entry.name))
    return found


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[1] == pid and stat[0] != "Z":
                found.add(int(entry.name))
    return found


def running(pid: int) -> bool:
    found = _stat(pid)
    return found is not None and found[0] not in "ZX"  # a zombie has exited; it only waits to be reaped


def descendants(pid: int) -> set[int]:
    """Every live process below *pid* (children, their children, …)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = _stat(int(entry))
            if found is not None:
                parents[int(entry)] = found[1]
    found_now: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found_now
        found_now |= frontier
    return found_now


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def wait_gone(pids: Iterable[int], timeout: float) -> set[int]:
    """Wait until every process of *pids* has exited, at most *timeout* seconds; those still running.

    The kernel wakes the wait as each one exits (a pidfd turns readable), so nothing polls."""
    fds: dict[int, int] = {}
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            fds[os.pidfd_open(pid)] = pid
    try:
        poller = select.poll()
        for fd in fds:
            poller.register(fd, select.POLLIN)
        waiting = dict(fds)
        deadline = time.monotonic() + timeout
        while waiting and (left := deadline - time.monotonic()) > 0:
            for fd, _event in poller.poll(left * 1000):
                poller.unregister(fd)
                waiting.pop(fd, None)
        return {pid for pid in waiting.values() if running(pid)}
    finally:
        for fd in fds:
            os.close(fd)


def wait_until(condition: Callable[[], bool], timeout: float, watch: int, step: float = 0.05) -> bool:
    """Until *condition* holds, look again every *step* seconds or as soon as process *watch* exits
    (its pidfd wakes the wait), at most *timeout* seconds; True when it held.

    What is awaited here is another process's work (a worker started, a file begun), which sends no
    signal; the process's own exit is the one event there is, and it ends the wait at once."""
    deadline = time.monotonic() + timeout
    try:
        fd: int | None = os.pidfd_open(watch)
    except ProcessLookupError:
        fd = None
    poller = select.poll()
    if fd is not None:
        poller.register(fd, select.POLLIN)
    try:
        while not condition():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            poller.poll(min(step, left) * 1000)
        return True
    finally:
        if fd is not None:
            os.close(fd)


@dataclass
class Kill:
    """What one kill hit: whether the command was still running, and what it left running."""

    killed: bool
    returncode: int | None
    orphans: set[int] = field(default_factory=set)


def kill_at(
    proc: subprocess.Popen[str], delay: float, *, when: Callable[[], bool] | None = None, grace: float = ORPHAN_GRACE_S
) -> Kill:
    """SIGKILL *proc* after *delay* seconds (or, given *when*, as soon as that holds, at the latest
    after *delay*); then wait up to *grace* seconds for the processes of its session to go and
    return those still there. A command that finished first is not killed."""
    deadline = time.monotonic() + delay
    wait_until(
        lambda: proc.poll() is not None or (when is not None and when()) or time.monotonic() >= deadline,
        timeout=delay + 1,
        watch=proc.pid,
        step=0.01,
    )
    if proc.poll() is not None:
        return Kill(False, proc.returncode)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    orphans: set[int] = set()
    if procfs():
        wait_gone(session_members(proc.pid), grace)
        orphans = session_members(proc.pid)
    return Kill(True, proc.returncode, orphans)


def reap(pids: Iterable[int]) -> None:
    """Kill what a killed command left behind (processes this harness started, by their ids)."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# What is left ---------------------------------------------------------------------------------


def consistency(db: Path) -> list[str]:
    """Problems SQLite finds in *db* (opened as the next program would: the WAL is replayed)."""
    conn = sqlite3.connect(db)
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [] if integrity == ["ok"] else integrity
        problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        conn.close()


def scalar(db: Path, sql: str) -> object:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(sql).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def clients(db: Path) -> int:
    return int(scalar(db, "SELECT count(*) FROM clients"))  # type: ignore[arg-type]


def revision(db: Path) -> str:
    return str(scalar(db, "SELECT version_num FROM alembic_version"))


def leftovers(folder: Path) -> list[str]:
    """Temporary files of a writer next to a target: ``.part`` and ``.salesdesk-*``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part") or p.name.startswith(".salesdesk-"))


def temporary_files(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir())


# Building the inputs --------------------------------------------------------------------------


def demo_base(box: Sandbox, path: Path, count: int) -> Path:
    box.init(path)
    box.ok("--db", str(path), "demo", "--clients", str(count))
    return path


def old_base(path: Path, count: int) -> Path:
    """A base at the first schema revision with *count* clients: opening it runs the upgrade."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from salesdesk.store import resolve_url
    from salesdesk.store.database import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(resolve_url(path))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_initial")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.executemany(
        "INSERT INTO clients (kind, name, status, sort_key, search_name, search_other, version, created_at,"
        " updated_at) VALUES ('legal', ?, 'lead', ?, ?, '', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
        ((f"ООО «Клиент {n}»", f"клиент {n}", f"ооо клиент {n}") for n in range(count)),
    )
    raw.commit()
    raw.close()
    return path


def delays(rng: random.Random, duration: float, count: int, late: float = LATE) -> list[float]:
    """*count* random moments within a run that takes *duration* seconds."""
    return [rng.uniform(EARLY * duration, late * duration) for _ in range(count)]


# The five scenarios ---------------------------------------------------------------------------


@dataclass
class Outcome:
    """One kill and what it left."""

    scenario: str
    killed: bool
    problems: list[str] = field(default_factory=list)  # what integrity / foreign-key checks found
    partial: bool = False  # an import (or demo load, or upgrade) neither done nor undone
    lost: int = 0  # acknowledged writes not in the base
    orphans: set[int] = field(default_factory=set)
    leftovers: list[str] = field(default_factory=list)  # temporary files after the next run
    after: str = ""  # what the next run said, when it failed


def _fresh(pristine: Path, work: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    work.write_bytes(pristine.read_bytes())
    return work


def _outcome(scenario: str, kill: Kill, db: Path) -> Outcome:
    reap(kill.orphans)
    return Outcome(scenario, kill.killed, consistency(db), orphans=kill.orphans)


def kill_imports(box: Sandbox, rng: random.Random, kills: int, source: Path) -> list[Outcome]:
    """Import *source* into an empty base, killed at random: 0 or all of its rows are there."""
    pristine = box.init(box.folder / "import-empty.sqlite")
    work = box.folder / "import.sqlite"
    duration = box.timed("--db", str(_fresh(pristine, work)), "import", str(source), "--on-duplicate", "create")
    rows = clients(work)
    found = []
    for delay in delays(rng, duration, kills):
        proc = box.start("--db", str(_fresh(pristine, work)), "import", str(source), "--on-duplicate", "create")
        outcome = _outcome("import", kill_at(proc, delay), work)
        outcome.partial = clients(work) not in (0, rows)
        found.append(outcome)
    return found


def kill_saves(box: Sandbox, rng: random.Random, kills: int, acknowledged_first: int = 1) -> list[Outcome]:
    """A loop of ``client add``: after a kill, every client whose number was printed is there."""
    db = box.init(box.folder / "saves.sqlite")
    duration = box.timed("--db", str(db), "client", "add", "--name", "ООО «Калибровка»")
    acknowledged = {int(scalar(db, "SELECT max(id) FROM clients"))}  # type: ignore[arg-type]
    found = []
    # a save is short, and its calibration run can be slower than the next: end the window earlier
    for n, delay in enumerate(delays(rng, duration, kills, late=0.8)):
        for m in range(acknowledged_first):
            out = box.ok("--db", str(db), "client", "add", "--name", f"ООО «Цикл {n}-{m}»", "--json")
            acknowledged.add(int(json.loads(out.strip().splitlines()[-1])["id"]))
        proc = box.start("--db", str(db), "client", "add", "--name", f"ООО «Убитый {n}»", "--json")
        outcome = _outcome("save", kill_at(proc, delay), db)
        stored = {int(r) for r in _column(db, "SELECT id FROM clients")}
        outcome.lost = len(acknowledged - stored)
        outcome.partial = len(stored - acknowledged) > 1  # at most the killed one, whole, unacknowledged
        acknowledged |= stored  # the killed one, if it got in, now counts as stored
        found.append(outcome)
    return found


def _column(db: Path, sql: str) -> list[object]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute(sql)]
    finally:
        conn.close()


def kill_demo_loads(box: Sandbox, rng: random.Random, kills: int, count: int) -> list[Outcome]:
    """``demo --clients N`` (one transaction) killed at random: 0 or N clients."""
    pristine = box.init(box.folder / "demo-empty.sqlite")
    work = box.folder / "demo.sqlite"
    duration = box.timed("--db", str(_fresh(pristine, work)), "demo", "--clients", str(count))
    found = []
    for delay in delays(rng, duration, kills):
        proc = box.start("--db", str(_fresh(pristine, work)), "demo", "--clients", str(count))
        outcome = _outcome("demo", kill_at(proc, delay), work)
        outcome.partial = clients(work) not in (0, count)
        found.append(outcome)
    return found


def kill_loads_with_workers(box: Sandbox, rng: random.Random, kills: int, count: int = 20_000) -> list[Outcome]:
    """``demo --clients N`` (N from 20,000: worker processes derive columns) killed at a random
    moment once its workers run: none of them, nor multiprocessing's resource tracker, is left."""
    pristine = box.init(box.folder / "workers-empty.sqlite")
    work = box.folder / "workers.sqlite"
    return _kill_while_workers_run(
        box, rng, kills, pristine, work, ("demo", "--clients", str(count)), count, "workers", late=1.0
    )


def _kill_while_workers_run(
    box: Sandbox,
    rng: random.Random,
    kills: int,
    pristine: Path,
    work: Path,
    command: tuple[str, ...],
    rows: int,
    scenario: str,
    late: float,
) -> list[Outcome]:
    """*command* on a fresh copy of *pristine*, killed between 0.2 and *late* seconds after its
    worker processes appear: none of them is left, and the base holds none of its *rows* or all."""
    found = []
    for _ in range(kills):
        proc = box.start("--db", str(_fresh(pristine, work)), *command)
        working = wait_until(
            lambda p=proc: p.poll() is not None or len(session_members(p.pid)) > 1,  # type: ignore[misc]
            timeout=120,
            watch=proc.pid,
        )
        outcome = _outcome(scenario, kill_at(proc, rng.uniform(0.2, late)), work)
        outcome.partial = clients(work) not in (0, rows)
        if not working or not outcome.killed:
            outcome.after = f"{command[0]} started no worker process before it ended"
        found.append(outcome)
    return found


def plain_sheet(path: Path, rows: int) -> Path:
    """A manager's plain client sheet of *rows* rows (name, INN, phone, city), written directly."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Клиенты")
    sheet.append(["Наименование", "Телефон", "Город"])
    for n in range(rows):
        sheet.append([f"ООО «Проба {n}»", f"+7 495 {n // 10_000:03d}-{n % 10_000 // 100:02d}-{n % 100:02d}", "Тверь"])
    book.save(path)
    return path


def kill_imports_with_workers(box: Sandbox, rng: random.Random, kills: int, rows: int = 50_000) -> list[Outcome]:
    """``import`` of a sheet of N rows (from 20,000 the rows are checked in worker processes, which
    then derive the columns) killed at a random moment once its workers run: none of them is left,
    and the base holds none of the rows or all. 50,000 rows: the import must outlast the latest
    kill (2 s after its workers appear) on a fast machine; 25,000 rows took only 2.3 s from there
    once the import got faster, and a kill could come after the end."""
    source = plain_sheet(box.folder / "big.xlsx", rows)
    pristine = box.init(box.folder / "import-workers-empty.sqlite")
    work = box.folder / "import-workers.sqlite"
    command = ("import", str(source))
    return _kill_while_workers_run(box, rng, kills, pristine, work, command, rows, "import-workers", late=2.0)


def kill_upgrades(box: Sandbox, rng: random.Random, kills: int, count: int) -> list[Outcome]:
    """Opening a base of the first revision (``check``) upgrades it; killed at random, the base
    is at the old revision or the head, and the next ``check`` finishes with every client there."""
    from salesdesk.store.database import HEAD_REVISION

    folder = box.folder / "upgrade"
    folder.mkdir(exist_ok=True)
    pristine = old_base(box.folder / "old.sqlite", count)
    work = folder / "base.sqlite"

    def clear() -> Path:
        for old in folder.iterdir():
            old.unlink()
        return _fresh(pristine, work)

    duration = box.timed("--db", str(clear()), "check")
    found = []
    for delay in delays(rng, duration, kills):
        proc = box.start("--db", str(clear()), "check")
        outcome = _outcome("upgrade", kill_at(proc, delay), work)
        outcome.partial = revision(work) not in ("0001_initial", HEAD_REVISION)
        after = box.run("--db", str(work), "check")
        if after.returncode != 0 or revision(work) != HEAD_REVISION or clients(work) != count:
            outcome.after = f"exit {after.returncode}: {after.stderr.strip()[-300:]}"
            outcome.partial = True
        outcome.problems += consistency(work)
        found.append(outcome)
    return found


def kill_exports(
    box: Sandbox,
    rng: random.Random,
    kills: int,
    db: Path,
    *,
    suffix: str = ".xlsx",
    target_appears: bool = False,
    then_export: bool = True,
) -> list[Outcome]:
    """``export`` killed at random (or, with *target_appears*, once something appears in the
    target's folder): the base is unharmed, and (*then_export*) after the next export has run no
    temporary file is left next to the target or in the temporary folder."""
    folder = box.folder / "exports"
    folder.mkdir(exist_ok=True)
    target = folder / f"clients{suffix}"
    before, known = clients(db), set(temporary_files(box.tmp))
    duration = box.timed("--db", str(db), "export", str(target))
    found = []
    for delay in delays(rng, duration, kills):
        target.unlink(missing_ok=True)
        when = (lambda: any(folder.iterdir())) if target_appears else None
        proc = box.start("--db", str(db), "export", str(target))
        outcome = _outcome("export", kill_at(proc, delay, when=when), db)
        outcome.partial = clients(db) != before
        if not then_export:
            found.append(outcome)
            continue
        after = box.run("--db", str(db), "export", str(target))
        if after.returncode != 0:
            outcome.after = f"exit {after.returncode}: {after.stderr.strip()[-300:]}"
        outcome.leftovers = leftovers(folder) + sorted(set(temporary_files(box.tmp)) - known)
        for name in outcome.leftovers:  # each counted once, by the kill that left it
            known.add(name)
            with contextlib.suppress(OSError):
                (folder / name).unlink()
        found.append(outcome)
    return found


def source_workbook(box: Sandbox, rows: int) -> Path:
    """An .xlsx of *rows* clients (with contacts, deals, reminders) written by SalesDesk's export."""
    db = demo_base(box, box.folder / "source.sqlite", rows)
    target = box.folder / "source.xlsx"
    box.ok("--db", str(db), "export", str(target))
    return target
