"""Reports benchmark: every report and its .xlsx export on 100k clients, 1M deals, 500k contacts.

(Issue 16 adds Plan and fact and Hooks to the registry, so they are measured with the others; the
base gets 200,000 reminders done — two per client, half of them some days before a won deal of
the client — for the Hooks report, and a second baseline: a bare scan of the reminders done.)

Targets (from the issue): with 100,000 clients, 1,000,000 deals and 500,000 interactions every
report computes in at most 1 s (aggregation in SQL) and exports in at most 2 s.

The base: ``load_demo`` makes the 100,000 clients (with their own deals, history and reminders),
then plain sqlite3 ``executemany`` tops the deals up to 1,000,000 and the interactions up to
500,000 in the migrated schema, spread over three years with realistic stages, owners and
amounts, and spreads the clients' creation dates over the same three years (demo clients are all
created "now"). That set-up is not timed. ``--db PATH`` keeps the base there and reuses it on the
next run (building it takes a few minutes).

Each report runs through ``run_report`` (a fresh unit of work each time, as the window does)
once to warm up, then ``--runs`` times; the median is shown. The export is ``export_report`` of
that result, timed the same way. Beside them, a baseline measured in the same run: a bare
sqlite3 ``SELECT count(*), sum(amount_minor) FROM deals WHERE stage = 'won'`` over the same
file, the cheapest full aggregate of the deals there is.

Fresh data (issue 16): the completeness report now also counts stale fields (a second grouped
part over the stale rows of ``confirmations``, in the same statement) and the client list has a
"needs checking" filter. Both are timed beside the completeness query as it was before (the
baseline, measured in the same run on the same base): the query, the whole report, and the filter's
count and first page as the window reads them (``clients.list_view``). The demo's confirmations
date from each client's arrival, its calls and its letters, so about half the base is stale.

``--try-index "CREATE INDEX ..."`` (repeatable) copies the base, creates the index(es) in the
copy, and times the reports again there, to measure what an index would give before anyone
adds it to the migrations. ``--plans`` prints SQLite's query plan of every statement a report
runs.

    .venv/bin/python benchmarks/bench_reports.py --db /tmp/reports-100k.sqlite
    .venv/bin/python benchmarks/bench_reports.py --quick            # 10k / 100k / 50k
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from common import (
    FIXED_NOW,
    add_size_options,
    build_demo_base,
    client_count,
    environment,
    heading,
    median,
    ms,
    print_environment,
    ratio,
    sql_median,
    table,
    timed,
    verdict,
    write_results,
)
from sqlalchemy import event

from salesdesk.domain.reports import ReportParameters
from salesdesk.services.reports import REPORTS, export_report, run_report
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

COMPUTE_TARGET_S = 1.0
EXPORT_TARGET_S = 2.0
DEALS_PER_CLIENT = 10  # 1,000,000 deals for 100,000 clients
INTERACTIONS_PER_CLIENT = 5  # 500,000 interactions
DONE_REMINDERS_PER_CLIENT = 2  # 200,000 reminders done: the hooks
BASELINE_SQL = "SELECT count(*), sum(amount_minor) FROM deals WHERE stage = 'won'"
HOOKS_BASELINE_SQL = "SELECT count(*), max(length(text)) FROM reminders WHERE done_at IS NOT NULL"
_HOOK_TEXTS = (
    "Позвонить по поводу продления договора",
    "Выслать новый прайс",
    "Отправить коммерческое предложение",
    "Напомнить об оплате",
    "Договориться о встрече",
    "Перезвонить после отпуска директора",
    "Поздравить с годовщиной сотрудничества",
    "Обед с клиентом",
)

_STAGES = (("new", 8), ("negotiation", 7), ("proposal", 8), ("won", 47), ("lost", 30))
_TITLES = (
    "Поставка оборудования",
    "Годовой договор обслуживания",
    "Поставка расходных материалов",
    "Монтаж системы вентиляции",
    "Разработка сайта",
    "Аренда техники",
    "Перевозка грузов",
    "Лицензии на ПО",
    "Поставка мебели",
    "Сервисный контракт",
)
_KINDS = (("call", 45), ("email", 25), ("meeting", 15), ("note", 15))
_SUMMARIES = (
    "Обсудили условия поставки",
    "Отправили коммерческое предложение",
    "Встреча в офисе клиента",
    "Уточнили объём заказа",
    "Напомнили об оплате счёта",
)


# Building the base ------------------------------------------------------------------------------


def _stamp(moment: datetime) -> str:
    """A UTC moment as SQLAlchemy stores it in SQLite (what the program reads back)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _weighted(rng: random.Random, choices: Sequence[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def build_base(path: Path, clients: int, deals: int, interactions: int, seed: int) -> dict[str, float]:
    """A migrated base with *clients* demo clients, topped up to *deals* and *interactions*."""
    seconds: dict[str, float] = {}
    seconds["load_demo"] = build_demo_base(path, clients, seed)
    rng = random.Random(seed)
    today = FIXED_NOW.date()
    con = sqlite3.connect(path)
    try:
        owners = dict(con.execute("SELECT id, owner_id FROM clients").fetchall())
        managers = [m for (m,) in con.execute("SELECT id FROM managers")]
        ids = list(owners)
        have_deals = con.execute("SELECT count(*) FROM deals").fetchone()[0]
        have_contacts = con.execute("SELECT count(*) FROM interactions").fetchone()[0]
        stamp = _stamp(FIXED_NOW)

        def deal_rows() -> Any:
            for _ in range(max(0, deals - have_deals)):
                client = rng.choice(ids)
                owner = owners[client] if owners[client] is not None and rng.random() < 0.85 else rng.choice(managers)
                stage = _weighted(rng, _STAGES)
                opened = today - timedelta(days=rng.randrange(1095))
                closed = None
                if stage in ("won", "lost"):
                    closed = min(today, opened + timedelta(days=3 + rng.randrange(120)))
                # Log-uniform 10,000-5,000,000 roubles, mostly round sums; one deal in a hundred in dollars.
                amount = int(math.exp(math.log(10_000) + rng.random() * math.log(500))) * 100
                if rng.random() < 0.3:
                    amount += rng.randrange(100)
                currency = "USD" if rng.random() < 0.01 else "RUB"
                yield (
                    client,
                    rng.choice(_TITLES),
                    amount,
                    currency,
                    stage,
                    "Дорого" if stage == "lost" else "",
                    opened.isoformat(),
                    closed.isoformat() if closed else None,
                    owner,
                    1,
                    stamp,
                    stamp,
                )

        def contact_rows() -> Any:
            midnight = datetime(today.year, today.month, today.day, tzinfo=UTC)
            for _ in range(max(0, interactions - have_contacts)):
                client = rng.choice(ids)
                # Office hours in Moscow (06:00-15:00 UTC) on a day of the last two years, never in the future.
                day = midnight - timedelta(days=rng.randrange(730))
                moment = day + timedelta(seconds=21_600 + rng.randrange(32_400))
                if moment > FIXED_NOW:
                    moment -= timedelta(days=1)
                manager = owners[client] if owners[client] is not None and rng.random() < 0.8 else rng.choice(managers)
                yield (
                    client,
                    _weighted(rng, _KINDS),
                    _stamp(moment),
                    rng.choice(_SUMMARIES),
                    "",
                    manager,
                    1,
                    stamp,
                    stamp,
                )

        def created_rows() -> Any:
            for ident in ids:
                moment = FIXED_NOW - timedelta(days=rng.randrange(1095), seconds=rng.randrange(86_400))
                yield (_stamp(moment), ident)

        start = datetime.now()
        with con:
            con.executemany(
                "INSERT INTO deals (client_id, title, amount_minor, currency, stage, lost_reason, opened_on, "
                "closed_on, owner_id, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                deal_rows(),
            )
        seconds["deals"] = (datetime.now() - start).total_seconds()
        start = datetime.now()
        with con:
            con.executemany(
                "INSERT INTO interactions (client_id, kind, occurred_at, summary, result, manager_id, version, "
                "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                contact_rows(),
            )
            # Demo clients are all created "now"; an office's base grew over the years.
            con.executemany("UPDATE clients SET created_at = ? WHERE id = ?", created_rows())
        seconds["interactions"] = (datetime.now() - start).total_seconds()
        start = datetime.now()
        have_done = con.execute("SELECT count(*) FROM reminders WHERE done_at IS NOT NULL").fetchone()[0]
        won = con.execute("SELECT client_id, closed_on, owner_id FROM deals WHERE stage = 'won'").fetchall()

        def done_rows() -> Any:
            for number in range(max(0, clients * DONE_REMINDERS_PER_CLIENT - have_done)):
                if number % 2 == 0 and won:  # a hook some days before a sale of its client
                    client, closed, owner = rng.choice(won)
                    day = date.fromisoformat(closed) - timedelta(days=1 + rng.randrange(75))
                else:
                    client = rng.choice(ids)
                    owner = owners[client]
                    day = today - timedelta(days=1 + rng.randrange(1094))
                done = datetime(day.year, day.month, day.day, 7, tzinfo=UTC) + timedelta(seconds=rng.randrange(32_400))
                yield (
                    client,
                    _stamp(done),
                    rng.choice(_HOOK_TEXTS),
                    "none",
                    _stamp(done),
                    _stamp(done),
                    owner,
                    1,
                    stamp,
                    stamp,
                )

        with con:
            con.executemany(
                "INSERT INTO reminders (client_id, due_at, text, recurrence, done_at, effective_due, manager_id, "
                "version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                done_rows(),
            )
        seconds["hooks"] = (datetime.now() - start).total_seconds()
    finally:
        con.close()
    return seconds


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {
            name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("clients", "deals", "interactions", "reminders", "plans")
        }
    finally:
        con.close()


# Measuring --------------------------------------------------------------------------------------


def measure(database: Database, folder: Path, runs: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name in REPORTS:

        def compute(name: str = name) -> Any:
            return run_report(UnitOfWork(database), name, ReportParameters(), now=FIXED_NOW)

        report = compute()
        compute_s = [timed(compute)[0] for _ in range(runs)]
        target = folder / f"{name}.xlsx"
        export_report(report, target)
        export_s = [timed(lambda report=report, target=target: export_report(report, target))[0] for _ in range(runs)]
        out[name] = {
            "compute_s": compute_s,
            "export_s": export_s,
            "rows": len(report.rows),
            "compute_median_s": median(compute_s),
            "export_median_s": median(export_s),
        }
    return out


def measure_freshness(database: Database, runs: int) -> dict[str, Any]:
    """The completeness report and "needs checking" next to the completeness query before issue 16."""
    from salesdesk.domain.freshness import cutoff
    from salesdesk.domain.queries import ClientQuery
    from salesdesk.services import clients

    before = cutoff(FIXED_NOW, 12)
    checking = ClientQuery(needs_checking=True, now=FIXED_NOW)

    def old_query() -> Any:
        with UnitOfWork(database).reading() as unit:
            return unit.reports.completeness_by_manager(50)

    def new_query() -> Any:
        with UnitOfWork(database).reading() as unit:
            return unit.reports.completeness_by_manager(50, before)

    cases = {
        "completeness query before issue 16 (baseline)": old_query,
        "completeness query with stale fields": new_query,
        "completeness report (run_report)": lambda: run_report(
            UnitOfWork(database), "completeness_by_manager", ReportParameters(), now=FIXED_NOW
        ),
        "needs checking: count": lambda: clients.count_clients(UnitOfWork(database), checking),
        "needs checking: first page + count": lambda: clients.list_view(
            UnitOfWork(database), checking, limit=100, with_base_total=False
        ),
    }
    out: dict[str, Any] = {}
    for name, case in cases.items():
        case()
        out[name] = median([timed(case)[0] for _ in range(runs)])
    out["needs_checking_clients"] = clients.count_clients(UnitOfWork(database), checking)
    return out


def freshness_table(found: dict[str, Any]) -> str:
    base_s = found["completeness query before issue 16 (baseline)"]
    rows = [
        (name, ms(seconds), ratio(seconds, base_s), verdict(seconds <= COMPUTE_TARGET_S))
        for name, seconds in found.items()
        if name != "needs_checking_clients"
    ]
    return table(("case", "ms", "× baseline", "≤1 s"), rows)


def print_plans(database: Database) -> None:
    """SQLite's plan of each statement every report runs (captured as the report runs)."""
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        captured.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    try:
        for name in REPORTS:
            captured.clear()
            run_report(UnitOfWork(database), name, ReportParameters(), now=FIXED_NOW)
            heading(f"Plans: {name}")
            with database.engine.connect() as conn:
                for statement, parameters in list(captured):
                    if not statement.lstrip().upper().startswith("SELECT"):
                        continue
                    print(" ".join(statement.split())[:300])
                    for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters):
                        print("   ", row[-1])
    finally:
        event.remove(database.engine, "before_cursor_execute", capture)


def results_table(found: dict[str, dict[str, Any]], base_s: float) -> str:
    rows = []
    for name, r in found.items():
        compute, export = r["compute_median_s"], r["export_median_s"]
        rows.append(
            (
                name,
                r["rows"],
                ms(compute),
                verdict(compute <= COMPUTE_TARGET_S),
                ratio(compute, base_s),
                ms(export),
                verdict(export <= EXPORT_TARGET_S),
            )
        )
    return table(("report", "rows", "compute ms", "≤1 s", "× baseline", "export ms", "≤2 s"), rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_size_options(parser)
    parser.add_argument("--db", type=Path, default=None, help="keep the base here; reuse it if it exists")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per report and export (median shown)")
    parser.add_argument("--plans", action="store_true", help="print the query plans of every report")
    parser.add_argument(
        "--try-index",
        action="append",
        default=[],
        metavar="SQL",
        help="CREATE INDEX to try in a copy of the base (repeatable)",
    )
    args = parser.parse_args(argv)
    clients = client_count(args)
    deals, contacts = clients * DEALS_PER_CLIENT, clients * INTERACTIONS_PER_CLIENT
    info = environment()
    print(
        f"SalesDesk reports benchmark: {clients:,} clients, {deals:,} deals, {contacts:,} interactions, "
        f"seed {args.seed}"
    )
    print_environment(info)
    results: dict[str, Any] = {"benchmark": "reports", "clients": clients, "seed": args.seed, "environment": info}
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-", dir=args.tmp) as folder:
        tmp = Path(folder)
        path = args.db or tmp / "reports.sqlite"
        if path.exists():
            print(f"Reusing {path}")
        else:
            print(f"Building {path} (not timed) ...", flush=True)
            results["build_s"] = build_base(path, clients, deals, contacts, args.seed)
            print("  " + ", ".join(f"{k} {v:.0f} s" for k, v in results["build_s"].items()))
        results["rows"] = counts(path)
        print("  " + ", ".join(f"{k} {v:,}" for k, v in results["rows"].items()))
        size_mb = path.stat().st_size / 2**20
        print(f"  file {size_mb:,.0f} MB")

        database = open_database(resolve_url(path))
        try:
            if args.plans:
                print_plans(database)
            base_s = sql_median(path, BASELINE_SQL, args.runs)
            hooks_base_s = sql_median(path, HOOKS_BASELINE_SQL, args.runs)
            found = measure(database, tmp, args.runs)
            fresh = measure_freshness(database, args.runs)
        finally:
            database.dispose()
        results["freshness"] = fresh
        results["baseline_s"], results["reports"] = base_s, found
        heading(f"Reports (median of {args.runs} after a warm-up)")
        results["hooks_baseline_s"] = hooks_base_s
        print(f"BASELINE: bare sqlite3 `{BASELINE_SQL}`: {ms(base_s):.1f} ms")
        print(f"BASELINE (hooks): bare sqlite3 `{HOOKS_BASELINE_SQL}`: {ms(hooks_base_s):.1f} ms")
        print(results_table(found, base_s))
        heading(f"Fresh data: the completeness report and 'needs checking' (median of {args.runs})")
        print(f"clients needing checking: {fresh['needs_checking_clients']:,}")
        print(freshness_table(fresh))

        if args.try_index:
            copy = tmp / "indexed.sqlite"
            print()
            print(f"Copying the base to try {len(args.try_index)} index(es) ...", flush=True)
            shutil.copyfile(path, copy)
            con = sqlite3.connect(copy)
            for sql in args.try_index:
                seconds, _ = timed(lambda sql=sql: con.execute(sql))
                print(f"  {sql}  ({seconds:.1f} s)")
            con.commit()
            con.close()
            indexed = open_database(resolve_url(copy))
            try:
                if args.plans:
                    print_plans(indexed)
                base_indexed = sql_median(copy, BASELINE_SQL, args.runs)
                with_index = measure(indexed, tmp, args.runs)
            finally:
                indexed.dispose()
            heading("With the index(es)")
            print(results_table(with_index, base_indexed))
            rows = [
                (
                    name,
                    ms(found[name]["compute_median_s"]),
                    ms(with_index[name]["compute_median_s"]),
                    ratio(found[name]["compute_median_s"], with_index[name]["compute_median_s"]),
                )
                for name in found
            ]
            print()
            print(table(("report", "without ms", "with ms", "gain ×"), rows))
            results["try_index"] = {"sql": args.try_index, "reports": with_index, "baseline_s": base_indexed}
    results["environment"]["loadavg_end"] = environment()["loadavg"]
    if not args.no_json:
        print(f"Results: {write_results('reports', clients, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
