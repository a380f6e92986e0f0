"""Search benchmark (issue 17): the first page of a search at 100,000 and 1,000,000 clients.

Per query kind (1-3 letter name prefixes, longer name words, two words, INN/OGRN prefixes,
phone digits, e-mail, contact names; and 3-6 letters in one manager's clients, the "My clients"
filter), on SQLite and on PostgreSQL:

* **page**: what the window asks first, ``clients.first_rows`` (200 rows in relevance order, no
  count) — target ≤ 20 ms p95 at 1,000,000 clients;
* **count**: what it asks after the page, ``clients.list_counts`` (the total and the average);
* **before**: today's statement for the same page before issue 17 (the whole order sorted in SQL,
  then LIMIT) and the count that came with it, measured in the same run on the same base;
* **floor**: bare sqlite3 reading 200 whole rows along the name index (`sort_key >= ?`), the cost
  of getting 200 rows out of this file at all, measured in the same run; ratios are to it (on
  PostgreSQL the same statement through bare psycopg on the server).

Wall and CPU time (``time.process_time`` of this process: SQLite runs in it; for PostgreSQL the
server's share is not in it) are printed side by side: the machine may be shared.

Bases are cached (``--cache``, default /tmp/bench1m): ``demo-<N>-<seed>.sqlite`` is built once by
``load_demo`` (a million clients take 20-40 minutes) and reused. For PostgreSQL (``--postgres URL``)
a database of its own is made on the server and filled from the SQLite base's reference tables and
clients (COPY; the search reads only the clients table), then VACUUM ANALYZEd; ``--keep`` keeps it
and prints its URL, ``--pg-url`` reuses one kept before.

    .venv/bin/python benchmarks/bench_search.py --quick
    .venv/bin/python benchmarks/bench_search.py --sizes 100000 1000000 \\
        --postgres postgresql+psycopg://salesdesk@127.0.0.1:54329/salesdesk_test
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from common import (
    FIXED_NOW,
    QUICK,
    SEED,
    Sampler,
    build_demo_base,
    environment,
    heading,
    median,
    percentile,
    print_environment,
    table,
    write_results,
)
from sqlalchemy import select

from salesdesk.domain.queries import ClientQuery
from salesdesk.services import clients
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url
from salesdesk.store import schema as s

PAGE = 200  # the window's first page (salesdesk/ui/paging.py PAGE)
TARGET_MS = 20.0
KINDS = (
    ("prefix1", "name, 1 letter"),
    ("prefix2", "name, 2 letters"),
    ("prefix3", "name, 3 letters"),
    ("word", "name, 4-6 letters"),
    ("two", "two words"),
    ("inn", "INN prefix, 4-8 digits"),
    ("ogrn", "OGRN prefix, 5-9 digits"),
    ("phone", "phone digits"),
    ("email", "e-mail"),
    ("contact", "contact name"),
    ("mine", "3-6 letters, one manager's"),
)


def phone_query(national: str, style: int) -> str:
    """A 10-digit national number typed the ways people type it (as bench_store.py does)."""
    n = national
    return (f"8 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}", f"+7 {n[:3]} {n[3:]}", n, n[3:])[style % 4]


# Query sets -----------------------------------------------------------------------------------


def query_sets(path: Path, seed: int, per_kind: int) -> dict[str, list[str]]:
    sampler = Sampler(path, seed)
    rng = sampler.rng
    try:

        def word(n: int | None = None, least: int = 3) -> str:
            w = sampler.name_word(min_len=least)
            cut = w[:n] if n is not None else w[: rng.randint(4, min(6, len(w)))]
            return sampler.yo_variant(sampler.mixed_case(cut))

        sets: dict[str, list[str]] = {
            "prefix1": [word(1) for _ in range(per_kind)],
            "prefix2": [word(2) for _ in range(per_kind)],
            "prefix3": [word(3) for _ in range(per_kind)],
            "word": [word(least=4) for _ in range(per_kind)],
            "two": [f"{word(least=4)} {word(rng.randint(1, 4))}" for _ in range(per_kind)],
            "inn": [sampler.client_value("inn")[: rng.randint(4, 8)] for _ in range(per_kind)],
            "ogrn": [sampler.client_value("ogrn", "ogrn <> ''")[: rng.randint(5, 9)] for _ in range(per_kind)],
            "phone": [
                phone_query(sampler.client_value("phone_e164", "phone_e164 LIKE '+7%'")[2:], i) for i in range(per_kind)
            ],
            "email": [sampler.client_value("email", "email <> ''") for _ in range(per_kind)],
            "contact": [sampler.contact_name().split()[0] for _ in range(per_kind)],
            # the list filtered to one manager's clients (the owner with most clients), as "My clients"
            "mine": [word(rng.randint(3, 6)) for _ in range(per_kind)],
        }
        return sets
    finally:
        sampler.close()


# Measuring ------------------------------------------------------------------------------------


def clock(fn: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """Median wall and CPU milliseconds of *runs* calls (after one warm-up call), and the answer."""
    answer = fn()
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        answer = fn()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return median(walls), median(cpus), answer


def before_page(database: Database, query: ClientQuery) -> int:
    """The page and count as the window read them before issue 17: the whole order in SQL, LIMIT."""
    uow = UnitOfWork(database)
    with uow.reading():
        listing = uow.listing
        stmt = listing._ordered(query, select(s.clients.c.id), joins_needed=False).limit(PAGE)
        ids = list(listing.conn.execute(stmt).scalars())
        listing.rows_by_ids(ids)
        total, _average = listing.count_and_average(query)
    return total


def floor_sqlite(path: Path, runs: int) -> tuple[float, float]:
    """Bare sqlite3: 200 whole rows along the name index, from a few starting points."""
    con = sqlite3.connect(path)
    try:
        starts = ["а", "в", "к", "м", "п", "с", "т", "a", "m"]
        sql = "SELECT * FROM clients WHERE deleted_at IS NULL AND sort_key >= ? ORDER BY sort_key LIMIT 200"
        walls, cpus = [], []
        for start in starts:
            wall, cpu, _ = clock(lambda st=start: con.execute(sql, (st,)).fetchall(), runs)
            walls.append(wall)
            cpus.append(cpu)
        return median(walls), median(cpus)
    finally:
        con.close()


def floor_postgres(url: str, runs: int) -> tuple[float, float]:
    """The same bare read on the server (one statement over the socket, no ORM): its floor."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            starts = ["а", "в", "к", "м", "п", "с", "т", "a", "m"]
            sql = "SELECT * FROM clients WHERE deleted_at IS NULL AND sort_key >= %s ORDER BY sort_key LIMIT 200"
            walls, cpus = [], []
            for start in starts:
                wall, cpu, _ = clock(lambda st=start: conn.exec_driver_sql(sql, (st,)).all(), runs)
                walls.append(wall)
                cpus.append(cpu)
            return median(walls), median(cpus)
    finally:
        engine.dispose()


def busiest_owner(database: Database) -> int | None:
    """The manager with the most clients: the "mine" kind's filter."""
    from sqlalchemy import func

    uow = UnitOfWork(database)
    with uow.reading():
        c = s.clients.c
        stmt = select(c.owner_id).where(c.owner_id.is_not(None)).group_by(c.owner_id)
        return uow.listing.conn.execute(stmt.order_by(func.count().desc()).limit(1)).scalar()


def measure(database: Database, sets: dict[str, list[str]], runs: int, with_before: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    owner = busiest_owner(database)
    for key, _label in KINDS:
        items = []
        for text in sets[key]:
            query = ClientQuery(text=text, owner_id=owner if key == "mine" else None)
            page_wall, page_cpu, rows = clock(
                lambda q=query: clients.first_rows(UnitOfWork(database), q, limit=PAGE), runs
            )
            count_wall, count_cpu, counts = clock(
                lambda q=query: clients.list_counts(UnitOfWork(database), q, with_base_total=False), runs
            )
            item = {
                "text": text,
                "rows": len(rows),
                "matches": counts.total,
                "page_ms": page_wall,
                "page_cpu_ms": page_cpu,
                "count_ms": count_wall,
                "count_cpu_ms": count_cpu,
            }
            if with_before:
                before_wall, before_cpu, _ = clock(lambda q=query: before_page(database, q), max(1, runs // 2))
                item["before_ms"], item["before_cpu_ms"] = before_wall, before_cpu
            items.append(item)
        out[key] = items
        print(f"    {key}: {len(items)} queries", flush=True)
    return out


def summarize(items: list[dict[str, Any]], field: str) -> tuple[float, float]:
    values = [i[field] for i in items if field in i]
    return median(values), percentile(values, 95)


def report(
    title: str,
    measured: dict[str, Any],
    floor: tuple[float, float] | None,
    floor_text: str = "bare sqlite3, 200 whole rows along the name index",
) -> list[list[Any]]:
    heading(title)
    rows = []
    for key, label in KINDS:
        items = measured[key]
        page_med, page_p95 = summarize(items, "page_ms")
        cpu_med, cpu_p95 = summarize(items, "page_cpu_ms")
        count_med, count_p95 = summarize(items, "count_ms")
        before_med, before_p95 = summarize(items, "before_ms")
        rows.append(
            [
                label,
                len(items),
                median([i["matches"] for i in items]),
                page_med,
                page_p95,
                cpu_p95,
                count_med,
                count_p95,
                before_med,
                before_p95,
                (page_p95 / floor[0]) if floor else None,
                f"{'OK' if page_p95 <= TARGET_MS else 'MISS'}",
            ]
        )
    print(
        table(
            [
                "query kind",
                "n",
                "matches med",
                "page med ms",
                "page p95 ms",
                "page p95 CPU ms",
                "count med ms",
                "count p95 ms",
                "before med ms",
                "before p95 ms",
                "page p95 / floor",
                f"≤ {TARGET_MS:.0f} ms p95",
            ],
            rows,
        )
    )
    if floor:
        print(
            f"floor (bare sqlite3, 200 whole rows along the name index): {floor[0]:.2f} ms wall, {floor[1]:.2f} ms CPU"
        )
    return rows


# PostgreSQL -----------------------------------------------------------------------------------


def fill_postgres(server_url: str, sqlite_path: Path, name: str) -> str:
    """A database of its own on the server, at head, holding the SQLite base's reference tables and
    clients (COPY), VACUUM ANALYZEd; returns its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    admin = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    admin.dispose()
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    open_database(url).dispose()  # migrated to head
    source = sqlite3.connect(sqlite_path)
    engine = create_engine(url, poolclass=NullPool)
    tables = ["industries", "managers", "clients"]
    with engine.begin() as conn:
        for name_ in ("clients", "managers", "industries"):
            conn.execute(text(f"DELETE FROM {name_}"))
        raw = conn.connection.driver_connection
        assert raw is not None
        for table_name in tables:
            pg_columns = [c.name for c in s.metadata.tables[table_name].columns]
            cursor = source.execute(f"SELECT {', '.join(pg_columns)} FROM {table_name}")
            types = {c.name: _python_type(c.type) for c in s.metadata.tables[table_name].columns}
            with raw.cursor().copy(f"COPY {table_name} ({', '.join(pg_columns)}) FROM STDIN") as copy:
                for row in cursor:
                    copy.write_row([_pg_value(v, types[col]) for v, col in zip(row, pg_columns, strict=True)])
            print(f"    copied {table_name}", flush=True)
        for table_name in tables:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table_name}))"
                )
            )
    engine.dispose()
    settle = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with settle.connect() as conn:
        conn.exec_driver_sql("VACUUM (ANALYZE)")
    settle.dispose()
    source.close()
    return url


def _python_type(kind: Any) -> type:
    try:
        return kind.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return object


def _pg_value(value: Any, kind: type) -> Any:
    if value is None:
        return None
    if kind is bool:
        return bool(value)
    return value


# Main -----------------------------------------------------------------------------------------


def base_for(cache: Path, count: int, seed: int) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"demo-{count}-{seed}.sqlite"
    if not path.exists():
        partial = cache / f"demo-{count}-{seed}.partial.sqlite"
        for leftover in cache.glob(partial.name + "*"):
            leftover.unlink()
        print(f"  building {path} with load_demo (cached for later runs)...", flush=True)
        seconds = build_demo_base(partial, count, seed, now=FIXED_NOW)
        partial.rename(path)
        print(f"  built in {seconds:.0f} s", flush=True)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="clients in the bases")
    parser.add_argument("--quick", action="store_true", help=f"one {QUICK:,}-client base, fewer queries")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/bench1m"), help="where the built bases are kept")
    parser.add_argument("--queries", type=int, default=40, help="queries per kind")
    parser.add_argument("--runs", type=int, default=3, help="timed calls per query (median)")
    parser.add_argument("--postgres", help="PostgreSQL server URL: measure there too")
    parser.add_argument("--pg-url", help="a database filled by an earlier --keep run (skips the COPY)")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL databases made here")
    parser.add_argument("--no-before", action="store_true", help="leave out today's statement (before issue 17)")
    parser.add_argument("--no-json", action="store_true")
    args = parser.parse_args(argv)
    sizes = [QUICK] if args.quick else args.sizes
    per_kind = 10 if args.quick else args.queries
    info = environment()
    print(f"SalesDesk search benchmark, sizes {', '.join(f'{n:,}' for n in sizes)}, seed {args.seed}")
    print_environment(info)
    results: dict[str, Any] = {"benchmark": "search", "environment": info, "sizes": {}}
    for count in sizes:
        heading(f"{count:,} clients")
        path = base_for(args.cache, count, args.seed)
        database = open_database(resolve_url(path))  # migrated to head if the cached base is older
        sets = query_sets(path, args.seed + count, per_kind)
        floor = floor_sqlite(path, args.runs)
        print("  SQLite:", flush=True)
        start_cpu = time.process_time()
        measured = measure(database, sets, args.runs, not args.no_before)
        database.dispose()
        entry: dict[str, Any] = {"sqlite": measured, "floor_ms": floor, "sqlite_cpu_s": time.process_time() - start_cpu}
        rows = {"sqlite": report(f"SQLite, {count:,} clients (ms)", measured, floor)}
        if args.postgres or args.pg_url:
            url = args.pg_url if args.pg_url and len(sizes) == 1 else None
            if url is None:
                assert args.postgres
                print("  PostgreSQL: filling a database from the SQLite base (COPY)...", flush=True)
                started = time.perf_counter()
                url = fill_postgres(args.postgres, path, f"salesdesk_bench_search_{count}")
                print(f"  filled in {time.perf_counter() - started:.0f} s", flush=True)
            server = open_database(url)
            measured_pg = measure(server, sets, args.runs, not args.no_before)
            server.dispose()
            floor_pg = floor_postgres(url, args.runs)
            entry["postgresql"] = measured_pg
            entry["floor_pg_ms"] = floor_pg
            rows["postgresql"] = report(
                f"PostgreSQL, {count:,} clients (ms; CPU is this process's only, the server works apart)",
                measured_pg,
                floor_pg,
                "bare psycopg on the server, the same 200 rows along the name index",
            )
            if args.keep:
                print(f"kept: {url}")
            elif not args.pg_url:
                from sqlalchemy import create_engine
                from sqlalchemy.pool import NullPool

                admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT", poolclass=NullPool)
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "salesdesk_bench_search_{count}" WITH (FORCE)')
                admin.dispose()
        entry["rows"] = rows
        results["sizes"][count] = entry
    results["environment"]["loadavg_end"] = environment()["loadavg"]
    print("\nload average at the end: " + " ".join(f"{x:.2f}" for x in results["environment"]["loadavg_end"] or ()))
    if not args.no_json:
        print(f"Results: {write_results('search', max(sizes), results)}")
    return 0


if __name__ == "__main__":
    random.seed(SEED)
    sys.exit(main())
