"""What the audit trail costs an import, trail on against trail off in the same run.

    python benchmarks/bench_audit.py [--rows 100000] [--quick] [--repeat 2]

Target (issue 12): the audit trail adds at most 20 % to a 100,000-row import.

  * the file: the same manager's sheet as ``bench_excel.py`` (INNs as numbers, five phone
    formats, contact persons, ~1 % duplicates, ~1 % bad rows), written once, not timed;
  * **new clients**: ``run_import`` into an empty base, once with the trail (one "import" entry per
    created client, named by the file) and once without (``UnitOfWork(trail=False)``, which only
    this benchmark uses), alternating, each into a fresh base; medians of ``--repeat`` runs;
  * **updates**: the same file with every city changed, imported with ``--on-duplicate overwrite``
    into a copy of a base that already holds those clients: every client gets a field-level entry
    (city: before → after), the worst case for the trail's size.

Printed: seconds of each side, entries written, the ratio with/without (target ≤ 1.20), and the
size the trail adds to the base file. On a shared machine two whole imports differ by more than
the trail costs, so the script also times the trail's own work inside each trail-on run (building
the entries and writing them: ``UnitOfWork.record``/``record_imported`` and
``AuditRepository.write``) and prints it as a share of that run.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import common
from bench_excel import make_rows, write_file
from common import heading, median, table, timed, verdict

sys.path.insert(0, str(common.REPO))

TARGET = 1.20
CITIES = ("Тверь", "Тула", "Калуга", "Рязань", "Владимир")


TRAIL_SECONDS = [0.0]  # time spent inside the trail's own code during the current run


def _timing(owner: Any, name: str) -> None:
    """Wrap ``owner.name`` so that the time spent in it adds to TRAIL_SECONDS."""
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def timed_call(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            TRAIL_SECONDS[0] += time.perf_counter() - start

    setattr(owner, name, timed_call)


def instrument() -> None:
    from salesdesk.store.audit import AuditRepository
    from salesdesk.store.uow import UnitOfWork

    _timing(AuditRepository, "write")
    _timing(UnitOfWork, "record_imported")
    _timing(UnitOfWork, "record")


def run_import(base: Path, path: Path, *, trail: bool, overwrite: bool = False) -> tuple[Any, int, int, float]:
    """Import *path* into *base*; the result, the entries in the trail, the file's size after, and
    the seconds spent in the trail's own code."""
    from salesdesk.domain.audit import Actor, Via
    from salesdesk.services import importing
    from salesdesk.services.importing import DuplicatePolicy, ImportOptions
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    database = open_database(resolve_url(base))
    TRAIL_SECONDS[0] = 0.0
    try:
        options = ImportOptions(on_duplicate=DuplicatePolicy.OVERWRITE if overwrite else DuplicatePolicy.UPDATE_EMPTY)
        unit = UnitOfWork(database, actor=Actor(1, Via.COMMAND_LINE), trail=trail)
        result = importing.run_import(unit, path, options, error_dir=base.parent)
        with UnitOfWork(database).reading() as uow:
            entries = uow.audit.count()
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.dispose()
    return result, entries, base.stat().st_size, TRAIL_SECONDS[0]


def _share(times: list[float], inside: list[float]) -> float:
    shares = [t / total for t, total in zip(inside, times, strict=True)]
    print(f"  the trail's own work in each trail-on run: {', '.join(f'{t:.2f}' for t in inside)} s", end="")
    print(f" = {', '.join(f'{100 * x:.1f} %' for x in shares)} of the run")
    return median(shares)


def _ratios(times: dict[bool, list[float]], by_median: float, by_best: float) -> None:
    """Each run's seconds (a shared machine's load shows as one slow run) and both ratios: of the
    medians, and of the best runs (the least disturbed by other work)."""
    for trail in (False, True):
        print(f"  runs, trail {'on ' if trail else 'off'}: {', '.join(f'{t:.1f}' for t in times[trail])} s")
    print(f"with / without, medians: {by_median:.3f}  (target ≤ {TARGET:.2f})  {verdict(by_median <= TARGET)}")
    print(f"with / without, best runs: {by_best:.3f}  (target ≤ {TARGET:.2f})  {verdict(by_best <= TARGET)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=None, help="rows in the file (default 100,000)")
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=common.SEED)
    parser.add_argument("--skip-updates", action="store_true", help="measure the import of new clients only")
    parser.add_argument("--no-json", action="store_true")
    args = parser.parse_args()
    instrument()
    count = args.rows or (10_000 if args.quick else 100_000)
    info = common.environment()
    common.print_environment(info)
    results: dict[str, Any] = {"rows": count, "environment": info}
    with tempfile.TemporaryDirectory(prefix="salesdesk-audit-bench-") as tmp:
        folder = Path(tmp)
        rows = make_rows(count, args.seed)
        path = folder / "клиенты.xlsx"
        write_file(path, rows)
        changed = [[*row[:5], CITIES[i % len(CITIES)], *row[6:]] for i, row in enumerate(rows)]
        update_path = folder / "клиенты-новые-города.xlsx"
        write_file(update_path, changed)

        heading(f"Import of {count:,} new clients: trail on and off")
        times: dict[bool, list[float]] = {True: [], False: []}
        facts: dict[bool, tuple[Any, int, int, float]] = {}
        inside: list[float] = []
        for run in range(args.repeat):
            for trail in (True, False) if run % 2 == 0 else (False, True):
                base = folder / f"new-{trail}-{run}.sqlite"
                seconds, fact = timed(lambda: run_import(base, path, trail=trail))  # noqa: B023 - used at once
                times[trail].append(seconds)
                facts[trail] = fact
                if trail:
                    inside.append(fact[3])
                if run or not trail:
                    base.unlink()
                    Path(f"{base}-wal").unlink(missing_ok=True)
                    Path(f"{base}-shm").unlink(missing_ok=True)
        ratio_new = median(times[True]) / median(times[False])
        best_new = min(times[True]) / min(times[False])
        created = facts[True][0].created
        print(
            table(
                ["", "seconds", "clients created", "trail entries", "base MB"],
                [
                    [
                        "trail off",
                        median(times[False]),
                        facts[False][0].created,
                        facts[False][1],
                        facts[False][2] / 1e6,
                    ],
                    ["trail on", median(times[True]), created, facts[True][1], facts[True][2] / 1e6],
                ],
            )
        )
        _ratios(times, ratio_new, best_new)
        share_new = _share(times[True], inside)
        results["new"] = {
            "on": times[True],
            "off": times[False],
            "ratio": ratio_new,
            "entries": facts[True][1],
            "trail_seconds": inside,
            "trail_share": share_new,
        }

        if not args.skip_updates:
            heading(f"Re-import of {count:,} rows, every city changed (overwrite): trail on and off")
            seed_base = folder / "new-True-0.sqlite"
            up: dict[bool, list[float]] = {True: [], False: []}
            up_facts: dict[bool, tuple[Any, int, int, float]] = {}
            up_inside: list[float] = []
            for run in range(args.repeat):
                for trail in (True, False) if run % 2 == 0 else (False, True):
                    base = folder / f"update-{trail}-{run}.sqlite"
                    shutil.copy(seed_base, base)
                    seconds, fact = timed(
                        lambda: run_import(base, update_path, trail=trail, overwrite=True)  # noqa: B023
                    )
                    up[trail].append(seconds)
                    up_facts[trail] = fact
                    if trail:
                        up_inside.append(fact[3])
                    base.unlink()
                    Path(f"{base}-wal").unlink(missing_ok=True)
                    Path(f"{base}-shm").unlink(missing_ok=True)
            ratio_up = median(up[True]) / median(up[False])
            best_up = min(up[True]) / min(up[False])
            print(
                table(
                    ["", "seconds", "clients updated", "trail entries (whole base)"],
                    [
                        ["trail off", median(up[False]), up_facts[False][0].updated, up_facts[False][1]],
                        ["trail on", median(up[True]), up_facts[True][0].updated, up_facts[True][1]],
                    ],
                )
            )
            _ratios(up, ratio_up, best_up)
            share_up = _share(up[True], up_inside)
            results["updates"] = {
                "on": up[True],
                "off": up[False],
                "ratio": ratio_up,
                "entries": up_facts[True][1],
                "trail_seconds": up_inside,
                "trail_share": share_up,
            }
    if not args.no_json:
        print(f"\nresults: {common.write_results('audit', count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
