"""Backup benchmark: a copy of a 100,000-client base, its size, and a restore.

Target (issue 12): the daily backup of a 100,000-client base takes at most 2x a bare ``sqlite3``
``.backup`` of the same file, measured in the same run. "Ours" is what the program does for every
copy: SQLite's online backup API into a private temporary file, switch of the copy to a rollback
journal, fsync, rename, then the check (``PRAGMA integrity_check`` and a count of clients) and the
rotation of the folder. The baselines are the ``sqlite3`` command-line shell's ``.backup`` (a new
process each time, as a script would run it) and, as a second baseline, Python's
``sqlite3.Connection.backup(pages=-1)`` alone. Where ``sqlite3`` is not installed only the second is
measured. Restore: ``restore_backup`` end to end (check of the chosen copy, a safety copy of the
base, the atomic replace, reopening) and the replace alone.

    .venv/bin/python benchmarks/bench_backup.py                       # 100,000 clients (~3 min)
    .venv/bin/python benchmarks/bench_backup.py --quick               # 10,000 clients
    .venv/bin/python benchmarks/bench_backup.py --db /tmp/b100k.sqlite  # keep/reuse the base
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import (
    add_size_options,
    build_demo_base,
    client_count,
    environment,
    heading,
    median,
    print_environment,
    ratio,
    table,
    timed,
    verdict,
    write_results,
)

from salesdesk.services import backups
from salesdesk.settings import SeatSettings
from salesdesk.store import UnitOfWork, open_database, resolve_url
from salesdesk.store.backup import copy_base, inspect_copy, replace_base

TARGET_RATIO = 2.0


def _bare_cli(source: Path, target: Path) -> None:
    subprocess.run(["sqlite3", str(source), f".backup '{target}'"], check=True, capture_output=True)


def _bare_python(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dest = sqlite3.connect(target)
    try:
        src.backup(dest, pages=-1)
    finally:
        dest.close()
        src.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_size_options(parser)
    parser.add_argument("--db", type=Path, default=None, help="keep the base here; reuse it if it exists")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (median shown)")
    args = parser.parse_args(argv)
    clients = client_count(args)
    info = environment()
    print(f"SalesDesk backup benchmark: {clients:,} clients, seed {args.seed}")
    print_environment(info)
    has_cli = shutil.which("sqlite3") is not None
    results: dict[str, Any] = {"benchmark": "backup", "clients": clients, "environment": info, "sqlite3_cli": has_cli}
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-", dir=args.tmp) as scratch:
        folder = Path(scratch)
        path = args.db or folder / "base.sqlite"
        if path.exists():
            print(f"Reusing {path}")
        else:
            print(f"Building {path} (not timed) ...", flush=True)
            results["build_s"] = build_demo_base(path, clients, args.seed)
        database = open_database(resolve_url(path))
        seat = SeatSettings(folder / "settings.ini")
        seat.backup_folder = folder / "backups"
        try:
            with sqlite3.connect(path) as conn:  # a settled file: every case copies the same pages
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            base_bytes = path.stat().st_size
            cases: dict[str, list[float]] = {"cli": [], "python": [], "ours": [], "copy": [], "check": [], "full": []}
            for run in range(args.runs + 1):  # the first run warms the page cache and is not kept
                keep = run > 0
                if has_cli:
                    target = folder / f"cli-{run}.sqlite"
                    seconds, _ = timed(lambda target=target: _bare_cli(path, target))
                    target.unlink()
                    if keep:
                        cases["cli"].append(seconds)
                target = folder / f"py-{run}.sqlite"
                seconds, _ = timed(lambda target=target: _bare_python(path, target))
                target.unlink()
                if keep:
                    cases["python"].append(seconds)
                seconds, made = timed(lambda: backups.take_backup(UnitOfWork(database), "daily", settings=seat))
                assert made.ok and made.clients == clients, made
                backup_bytes = made.bytes
                if keep:
                    cases["ours"].append(seconds)
                target = folder / f"parts-{run}.sqlite"
                copy_s, _ = timed(lambda target=target: copy_base(path, target))
                check_s, check = timed(lambda target=target: inspect_copy(target, thorough=False))
                full_s, full = timed(lambda target=target: inspect_copy(target))
                assert check.ok and full.ok
                target.unlink()
                if keep:
                    cases["copy"].append(copy_s)
                    cases["check"].append(check_s)
                    cases["full"].append(full_s)
            chosen = backups.list_backups(UnitOfWork(database), settings=seat, verify=False)[-1].path
            restore_runs: list[float] = []
            replace_runs: list[float] = []
            for _ in range(max(1, args.runs // 2)):
                seconds, _result = timed(lambda: backups.restore_backup(UnitOfWork(database), chosen, settings=seat))
                restore_runs.append(seconds)
                seconds, _ = timed(lambda: replace_base(database, chosen))
                replace_runs.append(seconds)
        finally:
            database.dispose()
    medians = {k: median(v) for k, v in cases.items() if v}
    baseline = medians.get("cli", medians["python"])
    results.update(
        runs=args.runs,
        seconds=cases,
        medians=medians,
        restore_s=restore_runs,
        replace_s=replace_runs,
        base_bytes=base_bytes,
        backup_bytes=backup_bytes,
    )
    heading(f"Backup of {clients:,} clients (median of {args.runs} runs after a warm-up)")
    rows = []
    if "cli" in medians:
        rows.append(("bare sqlite3 CLI .backup (baseline)", medians["cli"], "", ""))
    rows.append(("bare Python backup(pages=-1)", medians["python"], f"{ratio(medians['python'], baseline):.2f}", ""))
    rows.append(
        (
            "ours: copy only (API, journal, fsync, rename)",
            medians["copy"],
            f"{ratio(medians['copy'], baseline):.2f}",
            "",
        )
    )
    rows.append(
        (
            "ours: check after writing (quick_check, count)",
            medians["check"],
            f"{ratio(medians['check'], baseline):.2f}",
            "",
        )
    )
    rows.append(
        ("full integrity_check + count (list, restore)", medians["full"], f"{ratio(medians['full'], baseline):.2f}", "")
    )
    ours_ratio = ratio(medians["ours"], baseline)
    rows.append(
        (
            "ours: take_backup (copy + check + rotate)",
            medians["ours"],
            f"{ours_ratio:.2f}",
            verdict(ours_ratio <= TARGET_RATIO),
        )
    )
    print(table(("case", "seconds", "x baseline", f"target <= {TARGET_RATIO:.0f}x"), rows, digits=3))
    heading("Size and restore")
    print(f"base file: {base_bytes / 1e6:.1f} MB; backup: {backup_bytes / 1e6:.1f} MB")
    print(f"restore_backup end to end (check, safety copy, replace, reopen): median {median(restore_runs):.3f} s")
    print(f"replace alone (copy into place, fsync, rename): median {median(replace_runs):.3f} s")
    if not args.no_json:
        print(f"\nresults: {write_results('backup', clients, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
