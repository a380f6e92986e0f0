"""Reliability figures: kills, concurrent writers, hostile values, bad bases, file-system faults.

Runs the scenarios of tests/reliability at a larger scale and prints one table per part:

1. ``kill -9`` at random moments (seeded) during an import, a loop of saves, a demo load, a schema
   upgrade and an export (tests/reliability/killing.py): kills that hit a running command,
   inconsistent bases, partial imports/loads/upgrades, lost acknowledged saves, orphan processes,
   temporary leftovers after the next export.
2. Two and three writers at once for a while (tests/reliability/writers.py): operations tried,
   stored, refused with a message, lost. Baseline: the same loop of ``client add`` alone; the
   ratio is its throughput next to a second writer over its throughput alone.
3. Hostile values for every option and argument of every command (enumerated from salesdesk.cli's
   parser), run in-process against a small base: exit codes, tracebacks, internal errors (exit 3),
   bases changed by a refused command. Paths stay relative to a scratch folder (never a device).
4. Damaged, foreign, not-a-database, read-only and missing bases, each under ``check``,
   ``search``, ``client add`` and ``export``: exit codes, clear messages, tracebacks, files changed.
5. File-system faults when writing (export .xlsx/.csv, report -o): a read-only folder, a missing
   folder, a full disk (a 2 MB tmpfs, mounted when permitted), with leftovers counted.

Usage: ``python benchmarks/reliability.py [--quick] [--seed S]``. Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from common import REPO, environment, heading, print_environment, table

sys.path.insert(0, str(REPO))

from tests.reliability import killing  # noqa: E402
from tests.reliability.killing import Outcome, Sandbox  # noqa: E402

WRITER = REPO / "tests" / "reliability" / "writers.py"


# 1. Kills -------------------------------------------------------------------------------------


def kills(root: Path, rng: random.Random, quick: bool) -> dict[str, Any]:
    heading("kill -9 at random moments")
    per = 2 if quick else 8
    rows = 2_000 if quick else 20_000  # from 20,000 cards a load starts worker processes
    demo = 5_000 if quick else 20_000
    old = 10_000 if quick else 50_000  # a smaller first-revision base upgrades before a kill can land
    source_box = Sandbox(root / "kill-source")
    workbook = killing.source_workbook(source_box, rows)
    runs: dict[str, list[Outcome]] = {
        f"import {rows:,} rows": killing.kill_imports(Sandbox(root / "kill-import"), rng, per, workbook),
        "client add (save)": killing.kill_saves(Sandbox(root / "kill-save"), rng, per),
        f"demo --clients {demo:,}": killing.kill_demo_loads(Sandbox(root / "kill-demo"), rng, per, demo),
        f"upgrade of {old:,} clients": killing.kill_upgrades(Sandbox(root / "kill-upgrade"), rng, per, old),
        "demo --clients 20,000, workers running": killing.kill_loads_with_workers(
            Sandbox(root / "kill-workers"), rng, 1 if quick else 4
        ),
        "import 50,000 rows, workers checking": killing.kill_imports_with_workers(
            Sandbox(root / "kill-import-workers"), rng, 1 if quick else 4
        ),
    }
    export_box = Sandbox(root / "kill-export")
    db = export_box.folder / "base.sqlite"
    db.write_bytes(workbook.with_suffix(".sqlite").read_bytes())
    runs[f"export {rows:,} clients"] = killing.kill_exports(export_box, rng, per, db)
    body, total = [], Counter()
    for name, outcomes in runs.items():
        row = Counter(
            kills=len(outcomes),
            hit=sum(o.killed for o in outcomes),
            inconsistent=sum(bool(o.problems) for o in outcomes),
            partial=sum(o.partial for o in outcomes),
            lost=sum(o.lost for o in outcomes),
            orphans=sum(len(o.orphans) for o in outcomes),
            leftovers=sum(len(o.leftovers) for o in outcomes),
            next_failed=sum(bool(o.after) for o in outcomes),
        )
        total.update(row)
        body.append([name, *(row[k] for k in KILL_COLUMNS)])
    body.append(["all", *(total[k] for k in KILL_COLUMNS)])
    print(table(["scenario", *KILL_COLUMNS], body))
    for name, outcomes in runs.items():
        for o in outcomes:
            for what in (o.problems, o.leftovers, [o.after] if o.after else []):
                if what:
                    print(f"  {name}: {what}")
    print(
        "hit = killed while running (the others had finished); orphans = processes of the killed command"
        f" still alive {killing.ORPHAN_GRACE_S:.0f} s later; leftovers = temporary files after the next export"
    )
    return dict(total)


KILL_COLUMNS = ["kills", "hit", "inconsistent", "partial", "lost", "orphans", "leftovers", "next_failed"]


# 2. Concurrent writers ------------------------------------------------------------------------


def _writers(db: Path, jobs: list[tuple[str, str]], seconds: float) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(db), kind, "1000000", tag, str(seconds)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for kind, tag in jobs
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc, (kind, tag) in zip(procs, jobs, strict=True):
        out, err = proc.communicate(timeout=seconds + 300)
        lines = out.strip().splitlines()
        failed = {"tried": 0, "stored": 0, "refused": [err]}
        result = json.loads(lines[-1]) if proc.returncode == 0 and lines else failed
        results.append({**result, "kind": kind, "tag": tag, "exit": proc.returncode})
    return results


def _found(db: Path, kind: str, tag: str) -> int:
    """What the base holds of one writer's work, to compare with what it says it stored."""
    from tests.reliability.writers import EDITED

    conn = sqlite3.connect(db)
    try:
        if kind == "add":
            return conn.execute("SELECT count(*) FROM clients WHERE name LIKE ?", (f"{tag} клиент %",)).fetchone()[0]
        if kind == "import":
            return conn.execute("SELECT count(*) FROM clients WHERE name LIKE ?", (f"{tag} импорт %",)).fetchone()[0]
        if kind == "edit":
            return conn.execute("SELECT sum(version - 1) FROM clients WHERE id <= ?", (EDITED,)).fetchone()[0] or 0
        return conn.execute("SELECT count(*) FROM deals WHERE title LIKE ?", (f"{tag} сделка %",)).fetchone()[0]
    finally:
        conn.close()


def _seed_clients(db: Path, count: int) -> None:
    from salesdesk.domain.model import ClientFields
    from salesdesk.services import clients
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    database = open_database(resolve_url(db), create=False)
    try:
        for n in range(count):
            clients.create_client(UnitOfWork(database), ClientFields(name=f"ООО «Правка {n}»"))
    finally:
        database.dispose()


def concurrent(root: Path, quick: bool) -> dict[str, Any]:
    from tests.reliability.writers import EDITED

    heading("writers at once")
    seconds = 5.0 if quick else 20.0
    box = Sandbox(root / "writers")
    scenarios = {
        "1 writer: client add (baseline)": [("add", "A")],
        "2 writers: client add + client add": [("add", "A"), ("add", "B")],
        "3 writers: import + edits + deal adds": [("import", "I"), ("edit", "E"), ("deal", "D")],
    }
    body, totals, rate = [], Counter(), {}
    for name, jobs in scenarios.items():
        db = box.init(box.folder / f"{len(jobs)}.sqlite")
        if any(kind == "edit" for kind, _ in jobs):
            _seed_clients(db, EDITED)
        results = _writers(db, jobs, seconds)
        for r in results:
            per_op = 50 if r["kind"] == "import" else 1  # an import stores 50 clients
            found = _found(db, r["kind"], r["tag"])
            lost = r["stored"] - found
            row = Counter(tried=r["tried"], stored=r["stored"] // per_op, refused=len(r["refused"]), lost=lost)
            totals.update(row)
            ops = r["stored"] / per_op / r["seconds"] if r.get("seconds") else 0.0
            if r["kind"] == "add" and r["tag"] == "A":
                rate[len(jobs)] = ops
            body.append(
                [
                    f"{name}: {r['kind']}",
                    row["tried"],
                    row["stored"],
                    row["refused"],
                    row["lost"],
                    ops,
                    "; ".join(sorted(set(r["refused"])))[:60],
                ]
            )
        problems = killing.consistency(db)
        totals["inconsistent"] += bool(problems)
    print(table(["writer", "tried", "stored", "refused", "lost", "ops/s", "refusal messages"], body))
    print(f"each run lasts {seconds:.0f} s; edits go round {EDITED} cards; an import is 50 rows")
    if 1 in rate and 2 in rate:
        print(
            f"client add next to a second writer: {rate[2]:.1f} ops/s vs {rate[1]:.1f} alone"
            f" (ratio {rate[2] / rate[1]:.2f}; about 0.5 is fair sharing of one write lock)"
        )
    return {**totals, "ratio_two_vs_alone": rate.get(2, 0) / rate[1] if rate.get(1) else None}


# 3. Hostile values ----------------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "-",
    "--",
    "0",
    "-1",
    "00",
    "1.5",
    "2147483648",
    str(2**63),
    str(2**64),
    "9" * 40,
    "1e30",
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "-0",
    "1e-400",
    "0,001",
    "1 250 000,50",
    "31.12.9999",
    "01.01.1800",
    "0000-00-00",
    "29.02.2026",
    "\x1b[31mкрасный\x1b[0m",
    "\u200b\u200b",
    "\u202eevil",
    "x" * 100_000,
    "%",
    "_",
    "*",
    "'; DROP TABLE clients;--",
    '"',
    "\\",
    "Ёлка",
    "ООО «Ромашка»",
    "\t\n",
    "\x00x".replace("\x00", "\x01"),
    "a\nb",
    "🙂" * 50,
]


def _options() -> list[tuple[tuple[str, ...], str, list[str]]]:
    """(command words, option or positional name, minimal other arguments) for every option."""
    import argparse as ap

    from salesdesk.cli import _parser

    required = {
        ("client", "add"): ["--name", "ООО «Тест»"],
        ("deal", "add"): ["1", "--title", "Т", "--amount", "10"],
        ("log",): ["1", "звонок"],
        ("client", "show"): ["1"],
        ("client", "trash"): ["1"],
        ("client", "restore"): ["1"],
        ("search",): ["ёлка"],
        ("manager", "add"): ["Иванов"],
        ("import",): ["in.csv"],
        ("export",): ["out.xlsx"],
        ("report",): ["sales_by_period"],
        ("init",): ["new.sqlite"],
    }
    found = []

    def walk(parser: ap.ArgumentParser, words: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, ap._SubParsersAction)]
        if subs:
            for name, sub in subs[0].choices.items():
                walk(sub, (*words, name))
            return
        positionals = 0
        for action in parser._actions:
            if isinstance(action, (ap._HelpAction, ap._VersionAction)) or action.nargs == 0:
                continue
            if action.option_strings:
                found.append((words, action.option_strings[-1], required.get(words, [])))
            else:  # a positional: named by its place among the positionals
                found.append((words, f"#{positionals}:{action.dest}", required.get(words, [])))
                positionals += 1

    walk(_parser(), ())
    return found


def _argv(words: tuple[str, ...], option: str, base: list[str], value: str) -> list[str]:
    if option.startswith("-"):
        return [*words, *base, option, value]
    # a positional ("#N:name"): the hostile value takes the place of the N-th one of the minimal arguments
    index = int(option[1 : option.index(":")])
    rest = list(base)
    places = [i for i, w in enumerate(rest) if not w.startswith("-") and (i == 0 or not rest[i - 1].startswith("-"))]
    if index < len(places):
        rest[places[index]] = value
        return [*words, *rest]
    return [*words, value, *rest]


def _fingerprint(db: Path) -> tuple[Any, ...]:
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'"
                " AND name NOT LIKE 'clients_fts%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return tuple((t, conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in sorted(tables)) + (
            conn.execute("SELECT sum(version) FROM clients").fetchone(),
        )
    finally:
        conn.close()


class _TooLong(BaseException):
    """Raised by the alarm in a command that runs too long (a BaseException: main() lets it pass)."""


def _alarm(_signum: int, _frame: object) -> None:
    raise _TooLong()


CASE_LIMIT_S = 10


def hostile(root: Path, rng: random.Random, quick: bool) -> dict[str, Any]:
    from salesdesk.cli import main

    heading("hostile values for every command-line option")
    box = Sandbox(root / "hostile")
    db = killing.demo_base(box, box.folder / "base.sqlite", 50)
    (box.folder / "in.csv").write_text("Название;Город\nООО «Импорт»;Тверь\n", encoding="utf-8")
    options = _options()
    common = ("--db", "--lang")  # the same option on every command: tried on the first one
    cases = [(w, o, b, v) for w, o, b in options for v in HOSTILE if o not in common]
    cases += [(w, o, b, v) for w, o, b in options[: len(common)] for v in HOSTILE]
    if quick:
        cases = rng.sample(cases, 250)
    exits: Counter[str] = Counter()
    tracebacks, internal, changed, too_long, examples = 0, 0, 0, 0, []
    alarm = hasattr(signal, "SIGALRM")
    if alarm:
        signal.signal(signal.SIGALRM, _alarm)
    old_cwd, old_env = os.getcwd(), dict(os.environ)
    os.environ.update(SALESDESK_DATA_DIR=str(box.data), SALESDESK_DB=str(db), TMPDIR=str(box.tmp))
    os.chdir(box.folder)
    try:
        for words, option, base, value in cases:
            argv = _argv(words, option, base, value)
            before = _fingerprint(db)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                if alarm:
                    signal.alarm(CASE_LIMIT_S)
                try:
                    code = main(argv)
                except SystemExit as exc:  # argparse refusing a value
                    code = exc.code if isinstance(exc.code, int) else 2
                except _TooLong:
                    code, too_long = "timeout", too_long + 1
                except BaseException as exc:  # noqa: BLE001 - a traceback is what is being counted
                    code, tracebacks = -1, tracebacks + 1
                    err.write(f"Traceback: {exc!r}")
                finally:
                    if alarm:
                        signal.alarm(0)
            exits[str(code)] += 1
            text = err.getvalue()
            if "Traceback" in text and code != -1:
                tracebacks += 1
            if code == 3:
                internal += 1
            if code not in (0, -1, "timeout") and _fingerprint(db) != before:
                changed += 1
            if code in (3, -1, "timeout") and len(examples) < 12:
                examples.append(f"salesdesk {' '.join(words)} {option} {value[:30]!r} -> exit {code}")
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)
    print(
        table(
            ["figure", "value"],
            [
                ["options and arguments", len(options)],
                ["values tried", len(cases)],
                *[[f"exit {k}", v] for k, v in sorted(exits.items())],
                ["tracebacks", tracebacks],
                ["internal errors (exit 3)", internal],
                [f"still running after {CASE_LIMIT_S} s (stopped)", too_long],
                ["base changed by a refused command", changed],
            ],
        )
    )
    for line in examples:
        print("  " + line)
    return {
        "tried": len(cases),
        "exits": dict(exits),
        "tracebacks": tracebacks,
        "internal": internal,
        "changed": changed,
        "too_long": too_long,
    }


# 4. Bad bases ---------------------------------------------------------------------------------


def _verdict(done: subprocess.CompletedProcess[str]) -> tuple[bool, bool]:
    """(a clear message: refused with exit 1/2 and a short text; a traceback)."""
    traceback = "Traceback" in done.stderr or "Exception ignored" in done.stderr
    said = done.stderr.strip() or done.stdout.strip()  # `check` reports the damage on stdout
    clear = done.returncode in (1, 2) and bool(said) and not traceback
    return clear, traceback


def bad_bases(root: Path) -> dict[str, Any]:
    heading("damaged, foreign, read-only and missing bases")
    box = Sandbox(root / "bases")
    healthy = killing.demo_base(box, box.folder / "healthy.sqlite", 300)
    bases: dict[str, Path | None] = {}
    damaged = box.folder / "damaged.sqlite"
    damaged.write_bytes(healthy.read_bytes())
    conn = sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root_page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'clients'").fetchone()[0]
    conn.close()
    data = bytearray(damaged.read_bytes())
    data[(root_page - 1) * page : root_page * page] = b"\x5a" * page
    damaged.write_bytes(bytes(data))
    bases["damaged (a page overwritten)"] = damaged
    foreign = box.folder / "foreign.sqlite"
    with contextlib.closing(sqlite3.connect(foreign)) as conn:
        conn.executescript(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);INSERT INTO notes VALUES (1, 'хлеб');"
        )
    bases["another program's SQLite file"] = foreign
    text = box.folder / "notes.sqlite"
    text.write_text("это не база\n" * 100, encoding="utf-8")
    bases["not a database (text)"] = text
    read_only = box.folder / "readonly.sqlite"
    read_only.write_bytes(healthy.read_bytes())
    read_only.chmod(0o444)
    bases["read-only file" + (" (root: permissions do not apply)" if os.geteuid() == 0 else "")] = read_only
    bases["missing file"] = box.folder / "no" / "such.sqlite"
    commands = [
        ["check"],
        ["search", "клиент"],
        ["client", "add", "--name", "ООО «Новый»"],
        ["export", str(box.folder / "out" / "x.xlsx")],
    ]
    (box.folder / "out").mkdir()
    body, totals, notes = [], Counter(), []
    for name, path in bases.items():
        assert path is not None
        exits, clear, tracebacks, changed = Counter(), 0, 0, 0
        for command in commands:
            before = path.read_bytes() if path.exists() else None
            done = box.run("--db", str(path), *command)
            exits[done.returncode] += 1
            is_clear, tb = _verdict(done)
            ok_exit = done.returncode == 0 and not tb
            clear += is_clear or ok_exit
            if not (is_clear or ok_exit):
                notes.append(
                    f"  {name}: {command[0]} -> exit {done.returncode}: "
                    f"{(done.stderr.strip() or done.stdout.strip())[-150:]!r}"
                )
            tracebacks += tb
            after = path.read_bytes() if path.exists() else None
            changed += (before != after) and not (ok_exit and name.startswith("read-only"))
        totals.update(tried=len(commands), clear=clear, tracebacks=tracebacks, changed=changed)
        body.append(
            [name, len(commands), " ".join(f"{k}:{v}" for k, v in sorted(exits.items())), clear, tracebacks, changed]
        )
    print(table(["base", "commands", "exit codes", "clear or done", "tracebacks", "file changed"], body))
    for note in notes:
        print(note)
    print("commands: check, search, client add, export; a read-only or healthy base may answer 0 (a read works)")
    return dict(totals)


# 5. File-system faults ------------------------------------------------------------------------


def _mount(point: Path, options: str) -> str | None:
    """Mount a tmpfs at *point*; None when done, else why not."""
    if not sys.platform.startswith("linux"):
        return "not Linux"
    point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True, text=True)
    return None if done.returncode == 0 else (done.stderr.strip() or f"mount exited {done.returncode}")


def _umount(point: Path) -> None:
    subprocess.run(["umount", str(point)], capture_output=True, check=False)


def fs_faults(root: Path) -> dict[str, Any]:
    heading("file-system faults when writing")
    box = Sandbox(root / "faults")
    db = killing.demo_base(box, box.folder / "base.sqlite", 3000)
    targets: dict[str, Path] = {}
    skipped: list[str] = []
    missing = box.folder / "no" / "such" / "folder"
    targets["missing folder"] = missing
    read_only = box.folder / "ro"
    why = _mount(read_only, "size=2m,ro")
    if why is None:
        targets["read-only folder (ro tmpfs)"] = read_only
    elif os.geteuid() != 0:
        read_only.mkdir(exist_ok=True)
        read_only.chmod(0o555)
        targets["read-only folder (chmod 555)"] = read_only
    else:
        skipped.append(f"read-only folder: skipped: {why}")
    full = box.folder / "full"
    why = _mount(full, "size=2m")
    if why is None:
        filler = full / "filler"
        with open(filler, "wb") as handle:  # leave about 64 KB, less than any export of 3,000 clients
            handle.write(b"\0" * (2 * 1024 * 1024 - 64 * 1024))
        targets["full disk (2 MB tmpfs, 64 KB free)"] = full
    else:
        skipped.append(f"full disk: skipped: {why}")
    commands = {
        "export .xlsx": lambda d: ["export", str(d / "clients.xlsx")],
        "export .csv": lambda d: ["export", str(d / "clients.csv")],
        "report -o": lambda d: ["report", "sales_by_period", "-o", str(d / "report.xlsx")],
    }
    body, totals = [], Counter()
    try:
        for name, folder in targets.items():
            for label, command in commands.items():
                before = set(os.listdir(folder)) if folder.exists() else set()
                done = box.run("--db", str(db), *command(folder))
                clear, tb = _verdict(done)
                after = set(os.listdir(folder)) if folder.exists() else set()
                written = Path(command(folder)[-1]).name
                succeeded = done.returncode == 0 and not tb and written in after
                left = sorted(after - before - ({written} if succeeded else set()))
                totals.update(
                    tried=1, clear=clear or succeeded, tracebacks=tb, leftovers=len(left), succeeded=succeeded
                )
                message = done.stderr.strip().splitlines()[-1][:70] if done.stderr.strip() else ""
                outcome = "written" if succeeded else ("clear" if clear else "NOT CLEAR")
                body.append([f"{name}: {label}", done.returncode, outcome, tb, len(left), message])
    finally:
        for point in (read_only, full):
            _umount(point)
    print(table(["target", "exit", "outcome", "traceback", "leftovers", "message (last line)"], body))
    for line in skipped:
        print("  " + line)
    print(
        "/dev/full is not used: an export to a device path would replace the device node (defect 1) on a shared machine"
    )
    return dict(totals)


# Main -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer kills, smaller bases, shorter writer runs")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the kill moments and of the value sample")
    args = parser.parse_args()
    print_environment(environment())
    rng = random.Random(args.seed)
    start = time.perf_counter()
    summary: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="salesdesk-reliability-") as scratch:
        root = Path(scratch)
        summary["kills"] = kills(root, rng, args.quick)
        summary["writers"] = concurrent(root, args.quick)
        summary["hostile"] = hostile(root, rng, args.quick)
        summary["bases"] = bad_bases(root)
        summary["faults"] = fs_faults(root)
        for path in root.rglob("*"):  # read-only files and folders made above must go too
            with contextlib.suppress(OSError):
                path.chmod(0o700)
        shutil.rmtree(root, ignore_errors=True)
    heading("summary (the issue's done-when figures)")
    k, w, h, b, f = (summary[x] for x in ("kills", "writers", "hostile", "bases", "faults"))
    print(
        table(
            ["figure", "value", "target"],
            [
                ["kills (hit a running command)", f"{k['kills']} ({k['hit']})", "—"],
                ["inconsistent bases after a kill", k["inconsistent"] + w.get("inconsistent", 0), 0],
                ["partial imports / loads / upgrades", k["partial"], 0],
                ["lost writes (kills + writers)", k["lost"] + w.get("lost", 0), 0],
                ["writes refused with a message", w.get("refused", 0), 0],
                ["orphan processes after a kill", k["orphans"], 0],
                ["temporary leftovers (kills + faults)", k["leftovers"] + f.get("leftovers", 0), 0],
                ["hostile values tried", h["tried"], "—"],
                [
                    "tracebacks (values + bases + faults)",
                    h["tracebacks"] + b.get("tracebacks", 0) + f.get("tracebacks", 0),
                    0,
                ],
                ["internal errors from bad input (exit 3)", h["internal"], 0],
                ["hostile values still running after the limit", h["too_long"], 0],
                ["bases changed by a refused command", h["changed"] + b.get("changed", 0), 0],
                ["fs faults: clear message or written / tried", f"{f.get('clear', 0)} / {f.get('tried', 0)}", "all"],
            ],
        )
    )
    print(f"\n{time.perf_counter() - start:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
