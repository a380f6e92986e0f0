"""Saved views (issue 15): the count of every view the chooser shows, at 100,000 clients.

    python benchmarks/bench_views.py [--quick] [--clients N] [--repeat 5]

The chooser above the client table (and the Deals list) shows each view with how many rows it holds;
the counts are read on a worker when the window opens and again after a change. Measured here:

  * the base: the program's demo data (``load_demo``; clients, deals, history), plus three views a
    manager saved (leads in one industry, a tag, a search word) — not timed;
  * timed: ``services.views.views_with_counts`` for the client list and for the deals list, as the
    window's two choosers ask it (the shipped views and the manager's own, one COUNT each), median of
    ``--repeat`` runs after one warm-up; and each client view's COUNT alone;
  * baseline, in the same run: a bare ``SELECT count(*) FROM clients WHERE deleted_at IS NULL`` in
    sqlite3 (what counting the live clients costs without any filter).

There is no number in the issue; the chooser must not hold the list up: the counts run off the GUI
thread, and the bar reads them again at most once per 0.4 s of changes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import common
from common import (
    FIXED_NOW,
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
    write_results,
)

sys.path.insert(0, str(common.REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_options(parser)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (the median is reported)")
    args = parser.parse_args()
    count = client_count(args)
    info = environment()
    print_environment(info)
    results: dict[str, Any] = {"environment": info, "clients": count}
    from salesdesk.domain.audit import Actor, Via
    from salesdesk.domain.views import ViewList, ViewState, client_filters
    from salesdesk.services import reference, views
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    with tempfile.TemporaryDirectory(dir=args.tmp) as folder:
        base = Path(folder) / "base.sqlite"
        build_s = build_demo_base(base, count, args.seed)
        database = open_database(resolve_url(base))
        try:
            manager = reference.list_managers(UnitOfWork(database))[0].id

            def uow() -> UnitOfWork:
                return UnitOfWork(database, actor=Actor(manager, Via.WINDOW))

            for name, state in (
                ("Лиды в торговле", ViewState(client_filters(status="lead", industry=1))),
                ("Опт", ViewState(client_filters(tag="опт"))),
                ("Строй", ViewState(client_filters(), text="строй")),
            ):
                views.save_view(uow(), ViewList.CLIENTS, name, state)
            timings: dict[str, list[float]] = {"clients": [], "deals": []}
            cpu: list[float] = []
            counted: dict[str, Any] = {}
            for which in (ViewList.CLIENTS, ViewList.DEALS):
                views.views_with_counts(uow(), which, now=FIXED_NOW)  # warm the file cache
                for _ in range(args.repeat):
                    started = time.process_time()
                    seconds, found = timed(lambda which=which: views.views_with_counts(uow(), which, now=FIXED_NOW))
                    cpu.append(time.process_time() - started)
                    timings[which.value].append(seconds)
                    counted.update({f"{c.view.name}": c.count for c in found})
            each: list[tuple[str, float]] = []
            for item in views.views_with_counts(uow(), ViewList.CLIENTS, now=FIXED_NOW):
                view = item.view
                runs = []
                for _ in range(args.repeat):

                    def one(view: views.View = view) -> int | None:
                        with uow().reading() as u:
                            return views.count_of(u, view, now=FIXED_NOW)

                    runs.append(timed(one)[0])
                each.append((f"  {view.name} ({item.count:,})", median(runs)))
        finally:
            database.dispose()
        baseline = sql_median(base, "SELECT count(*) FROM clients WHERE deleted_at IS NULL", args.repeat)
    heading(f"Counts of every saved view at {count:,} clients")
    clients_s, deals_s = median(timings["clients"]), median(timings["deals"])
    print(
        table(
            ("what", "s"),
            [
                ("building the base (not timed)", build_s),
                (f"client views with counts (median of {args.repeat}), wall clock", clients_s),
                (f"deals views with counts (median of {args.repeat}), wall clock", deals_s),
                ("  CPU time of this process, median of all runs", median(cpu)),
                *each,
                ("baseline: SELECT count(*) of the live clients (sqlite3)", baseline),
            ],
            digits=3,
        )
    )
    results.update(
        clients=timings["clients"], deals=timings["deals"], cpu=cpu, each=dict(each), baseline=baseline, counts=counted
    )
    if not args.no_json:
        print(f"\nresults: {write_results('views', count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
