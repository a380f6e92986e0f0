"""PostgreSQL beside SQLite at 100,000 clients: search per keystroke, import, list windows, reports.

Issue 14, item 6. One run builds the same base twice — a SQLite file and a database on a
PostgreSQL server — with the program's own ``load_demo`` (same seed, so the same clients), and
times on both, one after the other, what a seat does:

  * search, first page per keystroke: a Russian name word typed letter by letter (in mixed case,
    ё for е half the time), an INN typed digit by digit from 4 digits, a mobile number's digits
    from 3; each keystroke is ``list_clients`` (first 100 rows and the total, as the window asks);
  * the client list's windows: the first page, a page in the middle and the last page (read from
    the end, as the window does), sorted by name and by city (no index on either database);
  * every report (``run_report``, default parameters);
  * importing a 100,000-row .xlsx the script writes (the real ``run_import``) into an empty base.

After the load the server database is VACUUM ANALYZEd, the state autovacuum brings it to within a
minute or so (statistics, the visibility map for index-only scans); measured before that, a run's
figures depended on whether autovacuum had come by (the list's count 20 ms or 107 ms, a report 13
or 97 ms). SQLite's load ends with PRAGMA optimize, as the program's does.

The SQLite figures are the baseline, measured in the same run on the same machine; the table gives
PostgreSQL's figure beside them and the ratio. Nothing here is a pass/fail test.

The server is never started here. Give a URL of a role that may create databases (the script makes
``salesdesk_bench_<pid>_demo`` and ``…_import`` there and drops them at the end unless ``--keep``)
with ``--db`` or ``SALESDESK_BENCH_DB``; a throwaway cluster for this is::

    tools/pg_test_cluster.sh start
    SALESDESK_BENCH_DB=postgresql+psycopg://salesdesk@127.0.0.1:54329/salesdesk_test \\
        .venv/bin/python benchmarks/bench_postgres.py                 # 100,000 clients, ~7 minutes
    … benchmarks/bench_postgres.py --clients 20000                    # ~1.5 minutes
    … benchmarks/bench_postgres.py --skip-import                      # without the two imports (~4 minutes)

Most of the time goes into building the two bases and the two imports (each about twice as long on
the server as on SQLite); the figures of a run are in docs/phones_and_search.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from common import (
    FIXED_NOW,
    Sampler,
    add_size_options,
    client_count,
    environment,
    heading,
    median,
    ms,
    print_environment,
    ratio,
    table,
    timed,
    write_results,
)

from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.domain.reports import ReportParameters
from salesdesk.services import clients, importing
from salesdesk.services.demo import load_demo
from salesdesk.services.reports import REPORTS, run_report
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

ENGINES = ("sqlite", "postgresql")


class Server:
    """Scratch databases on the server named by the URL (made here, dropped at the end)."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.made: list[str] = []

    def fresh(self, suffix: str) -> str:
        name = f"salesdesk_bench_{os.getpid()}_{suffix}"
        self._execute(f'DROP DATABASE IF EXISTS "{name}"')
        self._execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        self.made.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def settle(self, url: str) -> None:
        """VACUUM ANALYZE a database: the state autovacuum leaves it in within a minute or so of a
        big load (statistics, and the visibility map the covering indexes need for index-only
        scans). Measured before it, the figures depend on whether autovacuum came by yet."""
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE)")
        engine.dispose()

    def version(self) -> str:
        with self.admin.connect() as conn:
            return str(conn.exec_driver_sql("SHOW server_version").scalar())

    def drop_all(self) -> None:
        for name in self.made:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.dispose()

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)


def best_of(fn: Callable[[], Any], runs: int) -> float:
    """Median seconds of *fn* over *runs* calls after one warm-up call."""
    fn()
    return median([timed(fn)[0] for _ in range(runs)])


# Search ---------------------------------------------------------------------------------------


def keystroke_sets(path: Path, seed: int, words: int) -> dict[str, list[list[str]]]:
    """Per kind, *words* sequences of what the search box holds after each keystroke."""
    sampler = Sampler(path, seed)
    try:
        names = []
        for _ in range(words):
            word = sampler.yo_variant(sampler.mixed_case(sampler.name_word(min_len=7, cyrillic=True)))
            names.append([word[:i] for i in range(1, min(len(word), 8) + 1)])
        inns = [[inn[:i] for i in range(4, 11)] for inn in (sampler.client_value("inn") for _ in range(words))]
        phones = []
        for _ in range(words):
            national = sampler.client_value("phone_e164", "phone_e164 LIKE '+79%'")[2:]
            phones.append([national[:i] for i in range(3, 11)])
        return {"name": names, "inn": inns, "phone": phones}
    finally:
        sampler.close()


def bench_search(databases: dict[str, Database], sets: dict[str, list[list[str]]], runs: int) -> list[dict[str, Any]]:
    rows = []
    for kind, sequences in sets.items():
        for step in range(max(len(s) for s in sequences)):
            typed = [s[step] for s in sequences if step < len(s)]
            found: dict[str, Any] = {"kind": kind, "length": len(typed[0]), "example": typed[0]}
            for engine, database in databases.items():
                times, matches = [], []
                for text in typed:
                    query = ClientQuery(text=text)
                    page = clients.list_clients(UnitOfWork(database), query, limit=100)
                    times.append(
                        best_of(lambda d=database, q=query: clients.list_clients(UnitOfWork(d), q, limit=100), runs)
                    )
                    matches.append(page.total)
                found[engine] = median(times)
                found["matches"] = median(matches)
            rows.append(found)
    return rows


# The list's windows ---------------------------------------------------------------------------


def bench_windows(databases: dict[str, Database], count: int, runs: int) -> list[dict[str, Any]]:
    rows = []
    for sort in (ClientSort.NAME, ClientSort.CITY):
        query = ClientQuery(sort=sort)
        for label, offset in (("first page", 0), ("middle", count // 2), ("last page", max(0, count - 100))):
            found: dict[str, Any] = {"what": f"by {sort.value}, {label}"}
            for engine, database in databases.items():
                total = clients.count_and_average(UnitOfWork(database), query)[0]
                found[engine] = best_of(
                    lambda d=database, q=query, o=offset, t=total: clients.rows_at(UnitOfWork(d), q, o, 100, total=t),
                    runs,
                )
            rows.append(found)
    found = {"what": "count and average (status bar)"}
    for engine, database in databases.items():
        found[engine] = best_of(lambda d=database: clients.count_and_average(UnitOfWork(d), ClientQuery()), runs)
    rows.append(found)
    return rows


# Reports --------------------------------------------------------------------------------------


def bench_reports(databases: dict[str, Database], runs: int) -> list[dict[str, Any]]:
    rows = []
    for name in REPORTS:
        found: dict[str, Any] = {"what": name}
        for engine, database in databases.items():
            found[engine] = best_of(
                lambda d=database, n=name: run_report(UnitOfWork(d), n, ReportParameters(), now=FIXED_NOW), runs
            )
        rows.append(found)
    return rows


# Import ---------------------------------------------------------------------------------------


def bench_import(urls: dict[str, str], sheet: Path, folder: Path) -> list[dict[str, Any]]:
    found: dict[str, Any] = {"what": "import"}
    for engine, url in urls.items():
        database = open_database(url)
        try:
            seconds, result = timed(lambda d=database: importing.run_import(UnitOfWork(d), sheet, error_dir=folder))
        finally:
            database.dispose()
        found[engine] = seconds
        found[f"{engine}_added"] = result.created
    return [found]


# Main -----------------------------------------------------------------------------------------


def _print(rows: list[dict[str, Any]], first: str, unit: str = "ms") -> None:
    scale = ms if unit == "ms" else (lambda x: x)
    print(
        table(
            [first, f"SQLite {unit}", f"PostgreSQL {unit}", "PG / SQLite"],
            [
                [r["what"], scale(r["sqlite"]), scale(r["postgresql"]), ratio(r["postgresql"], r["sqlite"])]
                for r in rows
            ],
            digits=2,
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_size_options(parser)
    parser.add_argument("--db", default=os.environ.get("SALESDESK_BENCH_DB"), help="PostgreSQL server URL")
    parser.add_argument("--runs", type=int, default=3, help="timed calls per figure (the median is shown)")
    parser.add_argument("--words", type=int, default=5, help="words, INNs and numbers typed per kind")
    parser.add_argument("--skip-import", action="store_true", help="leave out the two 100,000-row imports")
    parser.add_argument("--keep", action="store_true", help="keep the server databases (their URLs are printed)")
    args = parser.parse_args(argv)
    if not args.db or not args.db.startswith("postgresql"):
        print("give a PostgreSQL URL: --db URL or SALESDESK_BENCH_DB (tools/pg_test_cluster.sh start)", file=sys.stderr)
        return 2
    count = client_count(args)
    info = environment()
    server = Server(args.db)
    info["postgresql"] = server.version()
    print_environment(info)
    print(f"PostgreSQL {info['postgresql']}; {count:,} clients; median of {args.runs} runs after a warm-up")
    results: dict[str, Any] = {"environment": info, "clients": count}
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp_name:
        tmp = Path(tmp_name)
        urls = {"sqlite": resolve_url(tmp / "demo.sqlite"), "postgresql": server.fresh("demo")}
        databases: dict[str, Database] = {}
        try:
            heading(f"Building the bases: load_demo of {count:,} clients (not a target, for scale)")
            build = []
            for engine in ENGINES:
                databases[engine] = open_database(urls[engine])
                seconds, _ = timed(
                    lambda d=databases[engine]: load_demo(UnitOfWork(d), count, seed=args.seed, now=FIXED_NOW)
                )
                build.append(seconds)
            server.settle(urls["postgresql"])
            print(
                table(
                    ["", "SQLite s", "PostgreSQL s", "PG / SQLite"], [["load_demo", *build, ratio(build[1], build[0])]]
                )
            )
            results["load_demo_s"] = dict(zip(ENGINES, build, strict=True))

            heading("Search: first page (100 rows and the total) per keystroke, median over the typed words")
            sets = keystroke_sets(tmp / "demo.sqlite", args.seed, args.words)
            search = bench_search(databases, sets, args.runs)
            print(
                table(
                    ["typed", "e.g.", "matches", "SQLite ms", "PostgreSQL ms", "PG / SQLite"],
                    [
                        [
                            f"{r['kind']}, {r['length']} chars",
                            r["example"],
                            r["matches"],
                            ms(r["sqlite"]),
                            ms(r["postgresql"]),
                            ratio(r["postgresql"], r["sqlite"]),
                        ]
                        for r in search
                    ],
                    digits=2,
                )
            )
            results["search"] = search

            heading("The client list's windows: 100 rows (rows_at, as the window reads them)")
            windows = bench_windows(databases, count, args.runs)
            _print(windows, "window")
            results["windows"] = windows

            heading("Reports (run_report, default parameters)")
            report_rows = bench_reports(databases, args.runs)
            _print(report_rows, "report")
            results["reports"] = report_rows
        finally:
            for database in databases.values():
                database.dispose()

        if not args.skip_import:
            from bench_excel import make_rows, write_file

            heading(f"Import of a {count:,}-row .xlsx (run_import into an empty base, one run each)")
            sheet = tmp / "clients.xlsx"
            write_file(sheet, make_rows(count, args.seed))
            import_urls = {"sqlite": resolve_url(tmp / "import.sqlite"), "postgresql": server.fresh("import")}
            imports = bench_import(import_urls, sheet, tmp)
            row = imports[0]
            print(
                table(
                    ["", "SQLite s", "PostgreSQL s", "PG / SQLite", "added (SQLite / PG)"],
                    [
                        [
                            "run_import",
                            row["sqlite"],
                            row["postgresql"],
                            ratio(row["postgresql"], row["sqlite"]),
                            f"{row['sqlite_added']} / {row['postgresql_added']}",
                        ]
                    ],
                    digits=1,
                )
            )
            results["import"] = imports
    if args.keep:
        print("kept:", ", ".join(server.made))
        server.admin.dispose()
    else:
        server.drop_all()
    if not args.no_json:
        print(f"\nresults: {write_results('postgres', count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
