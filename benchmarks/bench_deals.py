"""Deals list benchmark: the Deals tab's filters, sorting and jumps on 1,000,000 deals.

Target (from the issue): the deals list scrolls and filters as smoothly as the client table. The
client table's targets are the yardstick: a filter change shows its first page within 50 ms (p95),
and jumping to the last row is instant (under 50 ms here too).

The base is the reports benchmark's (100,000 clients, 1,000,000 deals, 500,000 interactions), built
the same way and reusable with ``--db``. Each case is what the tab does: ``deals_view`` (the first
page, shown at once) for a filter or sort; ``deal_totals`` (the count for the scroll bar and the
sums per currency for the status line, asked on a worker thread after the rows are shown); and
``deal_rows_at`` for a jump to the last or the middle row. Each runs once to warm up, then
``--runs`` times. The baseline, measured in the same run: a bare sqlite3 first page of the default
order, ``SELECT … FROM deals ORDER BY opened_on DESC, id DESC LIMIT 100``.

    .venv/bin/python benchmarks/bench_deals.py --db /tmp/reports-100k.sqlite
    .venv/bin/python benchmarks/bench_deals.py --quick
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench_reports import DEALS_PER_CLIENT, INTERACTIONS_PER_CLIENT, build_base, counts
from common import (
    FIXED_NOW,
    add_size_options,
    client_count,
    environment,
    heading,
    median,
    ms,
    percentile,
    print_environment,
    ratio,
    sql_median,
    table,
    timed,
    verdict,
    write_results,
)

from salesdesk.domain.model import DealStage
from salesdesk.domain.queries import DealQuery, DealSort
from salesdesk.services import deals, reference
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

PAGE = 100  # rows the tab reads at a time (ui.paging.PAGE)
TARGET_S = 0.050
BASELINE_SQL = (
    "SELECT id, client_id, title, stage, amount_minor, currency, opened_on FROM deals "
    "WHERE deleted_at IS NULL ORDER BY opened_on DESC, id DESC LIMIT 100"
)


def cases(database: Database) -> dict[str, DealQuery]:
    """The filters and sorts a manager uses, on real owners and industries of the base."""
    uow = UnitOfWork(database)
    owner = reference.list_managers(uow)[0].id
    industry = next(i.id for i in reference.list_industries(UnitOfWork(database)) if i.code == "G")
    quarter_end = date(FIXED_NOW.year, (FIXED_NOW.month - 1) // 3 * 3 + 1, 1) - timedelta(days=1)
    quarter_start = date(quarter_end.year, quarter_end.month - 2, 1)
    open_stages = frozenset({DealStage.NEW, DealStage.NEGOTIATION, DealStage.PROPOSAL})
    return {
        "all, newest first": DealQuery(),
        "stage won": DealQuery(stages=frozenset({DealStage.WON})),
        "open stages": DealQuery(stages=open_stages),
        "one owner": DealQuery(owner_id=owner),
        "one industry": DealQuery(industry_id=industry),
        "last quarter": DealQuery(opened_from=quarter_start, opened_to=quarter_end),
        "client name 'ром'": DealQuery(client_text="ром"),
        "won, owner, quarter": DealQuery(
            stages=frozenset({DealStage.WON}), owner_id=owner, opened_from=quarter_start, opened_to=quarter_end
        ),
        "sort by amount": DealQuery(sort=DealSort.AMOUNT),
        "sort by client": DealQuery(sort=DealSort.CLIENT, descending=False),
    }


def measure(database: Database, runs: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, query in cases(database).items():

        def view(query: DealQuery = query) -> deals.DealsView:
            return deals.deals_view(UnitOfWork(database), query, limit=PAGE)

        view()
        view_s = [timed(view)[0] for _ in range(runs)]
        totals_s = [timed(lambda query=query: deals.deal_totals(UnitOfWork(database), query))[0] for _ in range(runs)]
        total = deals.deal_totals(UnitOfWork(database), query).count

        def jump(offset: int, query: DealQuery = query, total: int = total) -> Callable[[], Any]:
            return lambda: deals.deal_rows_at(UnitOfWork(database), query, offset, PAGE, total=total)

        last, middle = jump(max(0, total - PAGE)), jump(total // 2)
        last()
        last_s = [timed(last)[0] for _ in range(runs)]
        middle_s = [timed(middle)[0] for _ in range(runs)]
        out[name] = {"deals": total, "view_s": view_s, "totals_s": totals_s, "last_s": last_s, "middle_s": middle_s}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_size_options(parser)
    parser.add_argument("--db", type=Path, default=None, help="keep the base here; reuse it if it exists")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per case (median and p95 shown)")
    args = parser.parse_args(argv)
    clients = client_count(args)
    n_deals, contacts = clients * DEALS_PER_CLIENT, clients * INTERACTIONS_PER_CLIENT
    info = environment()
    print(f"SalesDesk deals list benchmark: {clients:,} clients, {n_deals:,} deals, seed {args.seed}")
    print_environment(info)
    results: dict[str, Any] = {"benchmark": "deals", "clients": clients, "seed": args.seed, "environment": info}
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-", dir=args.tmp) as folder:
        path = args.db or Path(folder) / "reports.sqlite"
        if path.exists():
            print(f"Reusing {path}")
        else:
            print(f"Building {path} (not timed) ...", flush=True)
            results["build_s"] = build_base(path, clients, n_deals, contacts, args.seed)
        results["rows"] = counts(path)
        print("  " + ", ".join(f"{k} {v:,}" for k, v in results["rows"].items()))
        database = open_database(resolve_url(path))
        try:
            base_s = sql_median(path, BASELINE_SQL, args.runs)
            found = measure(database, args.runs)
        finally:
            database.dispose()
    results["baseline_s"], results["cases"] = base_s, found
    heading(f"Deals list (median and p95 of {args.runs} after a warm-up)")
    print(f"BASELINE: bare sqlite3 first page, newest first: {ms(base_s):.2f} ms")
    rows = []
    for name, r in found.items():
        view_p95 = percentile(r["view_s"], 95)
        last = median(r["last_s"])
        rows.append(
            (
                name,
                f"{r['deals']:,}",
                ms(median(r["view_s"])),
                ms(view_p95),
                verdict(view_p95 <= TARGET_S),
                ratio(median(r["view_s"]), base_s),
                ms(last),
                verdict(last <= TARGET_S),
                ms(median(r["middle_s"])),
                ms(median(r["totals_s"])),
            )
        )
    print(
        table(
            (
                "filter / sort",
                "deals",
                "view ms",
                "p95 ms",
                "≤50 ms",
                "× baseline",
                "last ms",
                "≤50 ms",
                "middle ms",
                "sums ms",
            ),
            rows,
        )
    )
    print(
        "view: the first page, what the table waits for (the count comes with the sums);\n"
        "sums: the count and the status line's totals per currency, asked after the rows are shown"
    )
    results["environment"]["loadavg_end"] = environment()["loadavg"]
    print(f"\nresults: {write_results('deals', clients, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
