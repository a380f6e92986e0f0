"""Acting on many clients at once (issue 15, item 2) against a bare UPDATE, in the same run.

    python benchmarks/bench_bulk.py [--selected 10000] [--clients 12000] [--repeat 3]

Target (issue 15): any bulk action over 10,000 selected clients ≤ 5 s, with progress.

  * the base: ``--clients`` demo clients made by the program's own ``load_demo`` (not timed);
    ``--selected`` of them (every client but the last ones) are the selection;
  * **baseline**: plain ``sqlite3``, one ``executemany("UPDATE clients SET owner_id = ? WHERE id = ?")``
    over the selection and a commit: the least any bulk change of a column can cost;
  * **each action** through ``bulk_actions.apply`` (one transaction: read the rows, write each card
    with a new version, completeness, the tag table, the audit trail's entries per client, the
    change records) — owner, status, industry, add a tag, remove it, a reminder for each, move to
    the trash — and ``bulk_actions.undo`` of the owner change; a fresh copy of the base for each
    repetition, medians of ``--repeat``;
  * progress: how many times the action reported progress (the window's dialog moves on each).

Printed: seconds of each, the ratio to the baseline, the verdict against 5 s.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import common
from common import FIXED_NOW, build_demo_base, heading, median, table, timed, verdict

sys.path.insert(0, str(common.REPO))

TARGET_SECONDS = 5.0


class Counting:
    """A reporter that counts the progress reports (never cancels)."""

    def __init__(self) -> None:
        self.reports = 0

    def progress(self, done: int, total: int) -> None:
        self.reports += 1

    def cancelled(self) -> bool:
        return False


def baseline(path: Path, ids: list[int], owner: int) -> float:
    con = sqlite3.connect(path)
    try:
        seconds, _ = timed(
            lambda: (
                con.executemany("UPDATE clients SET owner_id = ? WHERE id = ?", [(owner, i) for i in ids]),
                con.commit(),
            )
        )
    finally:
        con.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--selected", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=12_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=common.SEED)
    args = parser.parse_args()

    from salesdesk.domain.model import ClientStatus, IndustryFields, ManagerFields, ReminderFields
    from salesdesk.services import bulk_actions, reference
    from salesdesk.services.bulk_actions import BulkChange
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    info = common.environment()
    common.print_environment(info)
    work = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
    try:
        source = work / "base.sqlite"
        built = build_demo_base(source, args.clients, args.seed)
        database = open_database(resolve_url(source))
        owner = reference.create_manager(UnitOfWork(database), ManagerFields(name="Новый Владелец")).id
        industry = reference.create_industry(UnitOfWork(database), IndustryFields(code="", name="Новая отрасль")).id
        database.dispose()
        con = sqlite3.connect(source)
        ids = [int(r[0]) for r in con.execute("SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY id")]
        con.close()
        ids = ids[: args.selected]
        print(f"base: {args.clients:,} demo clients built in {built:.1f} s; selection: {len(ids):,} clients")

        due = FIXED_NOW + timedelta(days=7)
        actions: dict[str, BulkChange] = {
            "owner": BulkChange(owner_id=owner),
            "status": BulkChange(status=ClientStatus.FORMER),
            "industry": BulkChange(industry_id=industry),
            "add a tag": BulkChange(add_tags=("Выставка 2026",)),
            "remove a tag": BulkChange(remove_tags=("Выставка 2026",)),
            "reminder for each": BulkChange(reminder=ReminderFields(due_at=due, text="Позвонить после выставки")),
            "move to the trash": BulkChange(trash=True),
        }
        figures: dict[str, list[float]] = {name: [] for name in ["baseline", *actions, "undo (owner)"]}
        reports: dict[str, int] = {}
        for run in range(args.repeat):
            copy = work / f"run{run}.sqlite"
            shutil.copy(source, copy)
            figures["baseline"].append(baseline(copy, ids, owner))
            shutil.copy(source, copy)
            database = open_database(resolve_url(copy))
            try:
                undo_token: Any = None
                for name, change in actions.items():
                    counter = Counting()
                    call: Callable[[], Any] = functools.partial(
                        bulk_actions.apply, UnitOfWork(database), ids, change, reporter=counter
                    )
                    seconds, result = timed(call)
                    figures[name].append(seconds)
                    reports[name] = counter.reports
                    if name == "owner":
                        undo_token = result.undo
                        seconds, _ = timed(functools.partial(bulk_actions.undo, UnitOfWork(database), undo_token))
                        figures["undo (owner)"].append(seconds)
                        bulk_actions.apply(UnitOfWork(database), ids, change)  # as it was, for what follows
            finally:
                database.dispose()

        heading(f"Bulk actions over {len(ids):,} selected clients (SQLite, medians of {args.repeat})")
        base = median(figures["baseline"])
        rows = []
        for name, values in figures.items():
            seconds = median(values)
            rows.append(
                [
                    name,
                    seconds,
                    common.ratio(seconds, base) if name != "baseline" else 1.0,
                    reports.get(name, "—"),
                    "—" if name == "baseline" else verdict(seconds <= TARGET_SECONDS),
                ]
            )
        print(table(["action", "seconds", "× bare UPDATE", "progress reports", "≤ 5 s"], rows, digits=2))
        common.write_results("bulk", len(ids), {"environment": info, "figures": figures, "reports": reports})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
