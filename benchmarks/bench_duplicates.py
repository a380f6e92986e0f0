""" "Find duplicates" over the whole base (issue 15): the groups the window and
``salesdesk duplicates`` show, at 100,000 clients.

    python benchmarks/bench_duplicates.py [--quick] [--clients N] [--repeat 3]

Target (issue 15): "Find duplicates" over 100,000 clients ≤ 3 s.

  * the base: the program's demo data (``load_demo``), then about 1 % of its clients copied once
    more as they would come from a second spreadsheet (same INN/KPP, phone and e-mail, the name
    without its legal form) and 0.5 % copied with one letter of the name changed (a typo, no INN,
    no phone: found only by the near-name pass), and 0.5 % with the second letter changed (the
    near-name pass finds them in its second order, by the names' ends) — written with plain SQL,
    not timed;
  * timed: ``services.merging.duplicate_groups`` (its SQL grouping on INN+KPP, phone, e-mail and
    name key, the INN rule, the bounded near-name pass, the ranking), median of ``--repeat`` runs;
  * baseline, in the same run: one bare ``GROUP BY phone_e164 HAVING count(*) > 1`` in sqlite3.

Printed: seconds of each part (wall clock, and the CPU time of the process: on a shared 2-core
machine under load the two differ by the time spent waiting for a core), the groups found by
reason, and the verdict against 3 s of wall clock.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import common
from common import (
    add_size_options,
    build_demo_base,
    client_count,
    environment,
    heading,
    median,
    print_environment,
    sql_median,
    table,
    timed,
    verdict,
    write_results,
)

sys.path.insert(0, str(common.REPO))

TARGET_S = 3.0
_COLUMNS = (
    "kind, name, full_name, inn, kpp, ogrn, legal_address, postal_address, city, phone, phone_e164, email, "
    "email_norm, bank_name, bik, account, corr_account, industry_id, status, source, owner_id, notes, tags, "
    "completeness, missing, next_reminder_at, sort_key, search_name, search_other, version, created_at, updated_at"
)


def add_duplicates(path: Path) -> dict[str, int]:
    """Copies of some clients as a second spreadsheet would bring them; how many of each kind."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        with con:
            bare_name = _COLUMNS.replace("name, full_name", "sort_key, full_name", 1)
            same = con.execute(
                f"INSERT INTO clients ({_COLUMNS}) SELECT {bare_name} FROM clients "
                "WHERE id % 100 = 7 AND deleted_at IS NULL"
            ).rowcount
            typo = con.execute(
                f"INSERT INTO clients ({_COLUMNS}) SELECT "
                + _COLUMNS.replace("name, full_name", "substr(name, 1, length(name) - 1) || 'ы', full_name", 1)
                .replace("inn, kpp", "'', ''", 1)
                .replace("phone, phone_e164", "'', NULL", 1)
                .replace("email, email_norm", "'', NULL", 1)
                .replace("sort_key,", "substr(sort_key, 1, length(sort_key) - 1) || 'ы',", 1)
                + " FROM clients WHERE id % 200 = 11 AND deleted_at IS NULL AND length(sort_key) > 8"
            ).rowcount
            # a typo in the second letter: sorts apart from the original, found by the second order
            early = con.execute(
                f"INSERT INTO clients ({_COLUMNS}) SELECT "
                + _COLUMNS.replace("inn, kpp", "'', ''", 1)
                .replace("phone, phone_e164", "'', NULL", 1)
                .replace("email, email_norm", "'', NULL", 1)
                .replace("sort_key,", "substr(sort_key, 1, 1) || 'ы' || substr(sort_key, 3),", 1)
                + " FROM clients WHERE id % 200 = 13 AND deleted_at IS NULL AND length(sort_key) > 8"
            ).rowcount
            # the stored name key, as a save writes it (an import matches names by it)
            from salesdesk.domain.duplicates import name_key

            con.create_function("name_key", 1, name_key, deterministic=True)
            con.execute("UPDATE clients SET name_key = name_key(name) WHERE name_key = '' AND name <> ''")
    finally:
        con.close()
    return {"copied": same, "typos": typo, "early_typos": early}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_options(parser)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the median is reported)")
    args = parser.parse_args()
    count = client_count(args)
    info = environment()
    print_environment(info)
    results: dict[str, Any] = {"environment": info, "clients": count}
    from salesdesk.services import merging
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    with tempfile.TemporaryDirectory(dir=args.tmp) as folder:
        base = Path(folder) / "base.sqlite"
        build_s = build_demo_base(base, count, args.seed)
        added = add_duplicates(base)
        database = open_database(resolve_url(base))
        try:
            merging.duplicate_groups(UnitOfWork(database))  # warm the file cache, as a second click would
            runs, cpu = [], []
            groups: list[merging.DuplicateGroup] = []
            for _ in range(args.repeat):
                started = time.process_time()
                seconds, groups = timed(lambda: merging.duplicate_groups(UnitOfWork(database)))
                cpu.append(time.process_time() - started)
                runs.append(seconds)
        finally:
            database.dispose()
        baseline = sql_median(
            base,
            "SELECT phone_e164 FROM clients WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL "
            "GROUP BY phone_e164 HAVING count(*) > 1",
            args.repeat,
        )
    took = median(runs)
    reasons = Counter(g.reason for g in groups)
    heading(
        f"Find duplicates at {count:,} clients (+{added['copied']:,} copies, +{added['typos']:,} typos, "
        f"+{added['early_typos']:,} typos in the first letters)"
    )
    print(
        table(
            ("what", "s"),
            [
                ("building the base (not timed)", build_s),
                (f"duplicate_groups (median of {args.repeat}), wall clock", took),
                ("  the same, CPU time of this process (SQLite's included)", median(cpu)),
                ("baseline: one GROUP BY phone_e164 (sqlite3)", baseline),
            ],
            digits=3,
        )
    )
    print(table(("reason", "groups"), sorted(reasons.items())))
    print(f"\nduplicate_groups ≤ {TARGET_S} s: {verdict(took <= TARGET_S)} ({took:.2f} s, {len(groups):,} groups)")
    results.update(runs=runs, cpu=cpu, median=took, baseline=baseline, groups=dict(reasons), added=added)
    if not args.no_json:
        print(f"\nresults: {write_results('duplicates', count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
