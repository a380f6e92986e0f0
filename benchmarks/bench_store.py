"""Store benchmark: creating 100k demo clients, and search latency on a 100k base.

Targets (from the issue):
  * creating 100k demo clients takes at most 3x a bare sqlite3 executemany of the same rows;
  * 100,000 demo clients in well under a minute (``load_demo`` end to end);
  * a search for a name prefix, an INN prefix or phone digits returns its first page in at most
    20 ms median at 100k clients.

Every figure is printed next to a baseline measured in the same run on the same machine, because
the machine is shared and noisy; nothing here is a pass/fail test. Run:

    .venv/bin/python benchmarks/bench_store.py            # 100,000 clients (~5 minutes)
    .venv/bin/python benchmarks/bench_store.py --quick    # 10,000 clients
"""

from __future__ import annotations

import argparse
import dataclasses
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
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
    now_s,
    percentile,
    print_environment,
    ratio,
    rss_mb,
    table,
    timed,
    verdict,
    write_results,
)

from salesdesk.domain.model import ClientBundle, ManagerFields
from salesdesk.domain.search import parse_query
from salesdesk.domain.text import words
from salesdesk.services import clients
from salesdesk.services.demo import BATCH, DEMO_MANAGERS, load_demo
from salesdesk.services.demo_data import generate_bundles
from salesdesk.services.derivation import derived_batches
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url
from salesdesk.store.listing import NAME_WEIGHT, OTHER_WEIGHT, fts_expression

CLIENT_TABLES = ("clients", "client_tags")
CHILD_TABLES = ("contacts", "contact_channels", "deals", "interactions", "reminders")
FTS_TRIGGERS = ("clients_fts_insert", "clients_fts_delete", "clients_fts_update")
REFERENCE_TABLES = ("managers", "industries")

SEARCH_TARGET_MS = 20.0
LOAD_TARGET_RATIO = 3.0
DEMO_TARGET_S = 60.0
# Query kinds: (key, label, how many, whether the 20 ms target applies)
KINDS = (
    ("name", "name prefix, 3-6 letters", 200, True),
    ("inn", "INN prefix, 4-8 digits", 200, True),
    ("phone", "phone digits", 200, True),
    ("email", "e-mail", 100, False),
    ("contact", "contact surname", 100, False),
    ("prefix1", "1-letter prefix (typing)", 40, False),
    ("prefix2", "2-letter prefix (typing)", 40, False),
)


# Loading ------------------------------------------------------------------------------------


def open_fresh(path: Path) -> Database:
    """A new, migrated base with the demo managers (as ``load_demo`` would create them)."""
    database = open_database(resolve_url(path))
    with UnitOfWork(database) as uow:
        for name in DEMO_MANAGERS:
            if uow.managers.find(name) is None:
                uow.managers.add(ManagerFields(name=name), FIXED_NOW)
        uow.commit()
    return database


def reference_ids(database: Database) -> tuple[list[int], list[int]]:
    with UnitOfWork(database) as uow:
        managers = [m.id for name in DEMO_MANAGERS if (m := uow.managers.find(name)) is not None]
        industries = [i.id for i in uow.industries.list()]
    return managers, industries


class _Clock:
    """Seconds spent in named steps (added up; steps may run on two threads)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._lock = threading.Lock()

    def add(self, name: str, seconds: float) -> None:
        with self._lock:
            self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def wrap(self, obj: Any, attribute: str, name: str) -> None:
        """Time calls of obj.attribute (an instance attribute shadows the method for this object only)."""
        method = getattr(obj, attribute, None)
        if method is None:
            return

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            start = now_s()
            try:
                return method(*args, **kwargs)
            finally:
                self.add(name, now_s() - start)

        setattr(obj, attribute, timed_call)


def load_ours(database: Database, bundles: Sequence[ClientBundle], *, children: bool) -> dict[str, Any]:
    """The program's bulk path, as ``load_demo`` drives it: ``derived_batches`` (a worker process
    derives each batch of 5,000 while this one writes the one before), ``BulkLoader.add``, one unit
    of work, ``analyze``, commit. Without *children*, contacts, deals, history and reminders are
    left out of the rows (the search text still comes from the whole card, as it would)."""
    clock = _Clock()

    def batches() -> Iterator[list[ClientBundle]]:
        source = iter(bundles)
        while chunk := list(islice(source, BATCH)):
            yield chunk

    def rows(batch: list[tuple[ClientBundle, Any]]) -> list[tuple[ClientBundle, Any]]:
        if children:
            return batch
        return [(dataclasses.replace(b, contacts=(), deals=(), interactions=(), reminders=()), d) for b, d in batch]

    uow = UnitOfWork(database)
    ids: list[int] = []
    start = now_s()
    with uow:
        bulk = uow.bulk
        # Break the time inside BulkLoader.add down by step (instrumentation only; no behaviour changes).
        clock.wrap(bulk, "_tags", "  tags")
        clock.wrap(bulk, "_contacts", "  contacts + channels")
        clock.wrap(bulk, "_children", "  deals, interactions, reminders")
        with derived_batches(batches(), len(bundles)) as ready:
            while True:
                wait_start = now_s()
                batch = next(ready, None)
                clock.add("waiting for derive", now_s() - wait_start)
                if batch is None:
                    break
                add_start = now_s()
                ids.extend(bulk.add(rows(batch), FIXED_NOW))
                clock.add("BulkLoader.add", now_s() - add_start)
        step_start = now_s()
        bulk.analyze()
        clock.add("analyze", now_s() - step_start)
        step_start = now_s()
        uow.commit()
        clock.add("commit", now_s() - step_start)
    seconds = now_s() - start
    steps = dict(clock.seconds)
    inner = sum(v for k, v in steps.items() if k.startswith("  "))
    steps["  clients + search index"] = steps.get("BulkLoader.add", 0.0) - inner
    return {"seconds": seconds, "clients": len(ids), "steps": steps}


def read_rows(path: Path, tables: Sequence[str]) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every row of *tables* exactly as stored (the baseline inserts these very rows)."""
    con = sqlite3.connect(path)
    try:
        found = {}
        for name in tables:
            cursor = con.execute(f'SELECT * FROM "{name}"')
            columns = [d[0] for d in cursor.description]
            found[name] = (columns, cursor.fetchall())
        return found
    finally:
        con.close()


def bare_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the settings the program's engine uses (store/database.py)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA cache_size = -32000")
    return con


def load_bare(
    path: Path,
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
    tables: Sequence[str],
    reference: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
) -> dict[str, Any]:
    """BASELINE: the same schema (made by the migrations), FTS triggers dropped, then one
    transaction of bare executemany calls with the rows the program wrote."""
    open_database(resolve_url(path)).dispose()
    con = bare_connect(path)
    try:
        for trigger in FTS_TRIGGERS:
            con.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        con.execute("BEGIN")  # reference rows (managers, industries) are set-up, not measured
        for name, (columns, data) in reference.items():
            names = ", ".join(f'"{c}"' for c in columns)
            con.executemany(f'INSERT OR REPLACE INTO "{name}" ({names}) VALUES ({", ".join("?" * len(columns))})', data)
        con.execute("COMMIT")
        per_table: dict[str, float] = {}
        count = 0
        start = now_s()
        con.execute("BEGIN")
        for name in tables:
            columns, data = rows[name]
            names = ", ".join(f'"{c}"' for c in columns)
            sql = f'INSERT INTO "{name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
            per_table[name], _ = timed(lambda sql=sql, data=data: con.executemany(sql, data))
            count += len(data)
        commit_s, _ = timed(lambda: con.execute("COMMIT"))
        seconds = now_s() - start
        per_table["commit"] = commit_s
        return {"seconds": seconds, "rows": count, "steps": per_table}
    finally:
        con.close()


def bench_load(tmp: Path, count: int, seed: int, repeat: int) -> dict[str, Any]:
    heading(f"Creating {count:,} demo clients")
    runs: list[dict[str, Any]] = []
    ours_all_path = tmp / "ours-all-0.sqlite"
    generation_s = None
    for attempt in range(repeat):
        all_path = tmp / f"ours-all-{attempt}.sqlite"
        clients_path = tmp / f"ours-clients-{attempt}.sqlite"
        ours_all_db = open_fresh(all_path)
        ours_clients_db = open_fresh(clients_path)
        if reference_ids(ours_all_db) != reference_ids(ours_clients_db):
            raise RuntimeError("the two fresh bases disagree on reference ids")
        managers, industries = reference_ids(ours_all_db)
        seconds, bundles = timed(
            lambda m=managers, i=industries: list(
                generate_bundles(count, seed=seed, now=FIXED_NOW, manager_ids=m, industry_ids=i)
            )
        )
        generation_s = seconds if generation_s is None else min(generation_s, seconds)
        print(
            f"[{attempt + 1}/{repeat}] generated {count:,} bundles in {seconds:.1f} s (not part of either side); "
            f"RSS {rss_mb():.0f} MB",
            flush=True,
        )
        ours_all = load_ours(ours_all_db, bundles, children=True)
        print(f"  OURS, everything:     {ours_all['seconds']:.1f} s", flush=True)
        ours_clients = load_ours(ours_clients_db, bundles, children=False)
        print(f"  OURS, clients only:   {ours_clients['seconds']:.1f} s", flush=True)
        del bundles
        ours_all_db.dispose()
        ours_clients_db.dispose()
        rows = read_rows(all_path, CLIENT_TABLES + CHILD_TABLES)
        reference = read_rows(all_path, REFERENCE_TABLES)
        bare_clients = load_bare(tmp / f"bare-clients-{attempt}.sqlite", rows, CLIENT_TABLES, reference)
        print(f"  BASELINE, clients:    {bare_clients['seconds']:.1f} s", flush=True)
        bare_all = load_bare(tmp / f"bare-all-{attempt}.sqlite", rows, CLIENT_TABLES + CHILD_TABLES, reference)
        print(f"  BASELINE, everything: {bare_all['seconds']:.1f} s", flush=True)
        counts = {name: len(data) for name, (_cols, data) in rows.items()}
        del rows
        runs.append(
            {
                "ours_all": ours_all,
                "ours_clients": ours_clients,
                "bare_clients": bare_clients,
                "bare_all": bare_all,
                "rows": counts,
            }
        )
        clients_path.unlink()
        if attempt:  # the first run's base stays for the search benchmark
            all_path.unlink()
        for stale in tmp.glob(f"bare-*-{attempt}.sqlite*"):
            stale.unlink()

    counts = runs[0]["rows"]
    client_rows = counts["clients"] + counts["client_tags"]
    all_rows = sum(counts.values())

    def med(key: str) -> float:
        return median([r[key]["seconds"] for r in runs])

    o_cl, b_cl, o_all, b_all = med("ours_clients"), med("bare_clients"), med("ours_all"), med("bare_all")
    print()
    print("Rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(
        table(
            ["what", "rows", "OURS s", "OURS rows/s", "BASELINE s", "BASELINE rows/s", "OURS/BASELINE", "target"],
            [
                [
                    "clients (+ their tags)",
                    client_rows,
                    o_cl,
                    round(client_rows / o_cl),
                    b_cl,
                    round(client_rows / b_cl),
                    ratio(o_cl, b_cl),
                    f"≤ {LOAD_TARGET_RATIO:.0f}x {verdict(ratio(o_cl, b_cl) <= LOAD_TARGET_RATIO)}",
                ],
                [
                    "everything",
                    all_rows,
                    o_all,
                    round(all_rows / o_all),
                    b_all,
                    round(all_rows / b_all),
                    ratio(o_all, b_all),
                    f"≤ {LOAD_TARGET_RATIO:.0f}x {verdict(ratio(o_all, b_all) <= LOAD_TARGET_RATIO)}",
                ],
            ],
            digits=2,
        )
    )
    print(
        "OURS = derived_batches (a worker process derives) + BulkLoader.add in batches of 5,000, one unit of "
        "work, search index filled, analyze, commit.\nBASELINE = one transaction of bare sqlite3 executemany of "
        "the same rows, same schema and indexes, FTS triggers dropped (no search index), same pragmas."
    )
    print(
        f"Clients per second, everything: OURS {counts['clients'] / o_all:,.0f}, "
        f"BASELINE {counts['clients'] / b_all:,.0f}"
    )
    last = runs[-1]
    print()
    print("Where OURS spends its time in this process (last run; deriving runs in a worker process alongside):")
    step_rows = []
    for name in sorted(set(last["ours_all"]["steps"]) | set(last["ours_clients"]["steps"]), key=_step_order):
        step_rows.append([name, last["ours_all"]["steps"].get(name), last["ours_clients"]["steps"].get(name)])
    print(table(["step", "everything s", "clients only s"], step_rows, digits=2))
    print(
        "BASELINE per table (everything run): "
        + ", ".join(f"{k} {v:.2f} s" for k, v in last["bare_all"]["steps"].items())
    )

    heading(f"load_demo end to end ({count:,} clients, generation included)")
    demo_path = tmp / "demo.sqlite"
    database = open_database(resolve_url(demo_path))
    demo_s, result = timed(lambda: load_demo(UnitOfWork(database), count, seed=seed, now=FIXED_NOW))
    database.dispose()
    demo_path.unlink()
    rate = result.clients / demo_s
    full_estimate = 100_000 / rate
    print(
        table(
            ["what", "clients", "seconds", "clients/s", "100k at this rate, s", "target"],
            [
                [
                    "load_demo",
                    result.clients,
                    demo_s,
                    round(rate),
                    full_estimate,
                    f"well under {DEMO_TARGET_S:.0f} s {verdict(full_estimate < DEMO_TARGET_S)}",
                ]
            ],
        )
    )
    return {
        "runs": runs,
        "generation_s": generation_s,
        "rows": counts,
        "median_s": {"ours_clients": o_cl, "bare_clients": b_cl, "ours_all": o_all, "bare_all": b_all},
        "ratio_clients": ratio(o_cl, b_cl),
        "ratio_all": ratio(o_all, b_all),
        "load_demo_s": demo_s,
        "load_demo_clients": result.clients,
        "ours_all_path": str(ours_all_path),
    }


def _step_order(name: str) -> tuple[int, str]:
    order = [
        "waiting for derive",
        "BulkLoader.add",
        "  clients + search index",
        "  tags",
        "  contacts + channels",
        "  deals, interactions, reminders",
        "analyze",
        "commit",
    ]
    return (order.index(name) if name in order else len(order), name)


# Searching ----------------------------------------------------------------------------------


def phone_query(national: str, style: int) -> str:
    """A 10-digit national number typed the ways people type it."""
    n = national
    return (f"8 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}", f"+7 {n[:3]} {n[3:]}", n, n[3:])[style % 4]


def query_sets(path: Path, seed: int) -> dict[str, list[str]]:
    sampler = Sampler(path, seed)
    try:
        sets: dict[str, list[str]] = {}
        sets["name"] = [
            sampler.yo_variant(sampler.mixed_case((w := sampler.name_word())[: sampler.rng.randint(3, min(6, len(w)))]))
            for _ in range(200)
        ]
        sets["inn"] = [sampler.client_value("inn")[: sampler.rng.randint(4, 8)] for _ in range(200)]
        sets["phone"] = [
            phone_query(sampler.client_value("phone_e164", "phone_e164 LIKE '+7%'")[2:], i) for i in range(200)
        ]
        sets["email"] = [sampler.client_value("email", "email <> ''") for _ in range(100)]
        sets["contact"] = [sampler.contact_name().split()[0] for _ in range(100)]
        sets["prefix1"] = [sampler.name_word().lower()[:1] for _ in range(40)]
        sets["prefix2"] = [sampler.name_word().lower()[:2] for _ in range(40)]
        return sets
    finally:
        sampler.close()


class BareSearch:
    """BASELINE: the same MATCH expression, straight to FTS5 with plain sqlite3 on the same file."""

    def __init__(self, path: Path) -> None:
        self.con = bare_connect(path)

    def first_page(self, expression: str) -> list[Any]:
        return self.con.execute(
            "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ? LIMIT 20", (expression,)
        ).fetchall()

    def ranked_and_counted(self, expression: str) -> tuple[list[Any], int]:
        """What any ranked first page with an exact total costs in FTS5 itself (no joins, no ORM)."""
        page = self.con.execute(
            f"SELECT rowid FROM clients_fts WHERE clients_fts MATCH ? "
            f"ORDER BY bm25(clients_fts, {NAME_WEIGHT}, {OTHER_WEIGHT}) LIMIT 20",
            (expression,),
        ).fetchall()
        total = self.con.execute(
            "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH ?", (expression,)
        ).fetchone()[0]
        return page, int(total)

    def close(self) -> None:
        self.con.close()


def match_expression(text: str) -> tuple[str, bool]:
    """The FTS5 MATCH expression our store builds for *text*, and whether the store searches by
    name prefix instead (then there is no MATCH in OURS; BASE matches the typed letters as an FTS
    prefix, which is what a bare full-text search for them costs)."""
    parsed = parse_query(text)
    if parsed.terms:
        return fts_expression(parsed.terms), False
    return fts_expression(words(text)), getattr(parsed, "name_prefix", None) is not None


def bench_search(path: Path, seed: int, repeat: int) -> dict[str, Any]:
    heading("Search: first page of 20 and the total, on the OURS base")
    sets = query_sets(path, seed)
    database = open_database(resolve_url(path))
    bare = BareSearch(path)

    def ours(text: str) -> Callable[[], Any]:
        return lambda: clients.search_clients(UnitOfWork(database), text, limit=20)

    try:
        # Warm up: every query once through both paths (page cache, statement caches, pool).
        for texts in sets.values():
            for text in texts:
                ours(text)()
                expression, _ = match_expression(text)
                bare.first_page(expression)
                bare.ranked_and_counted(expression)
        results: dict[str, list[dict[str, Any]]] = {}
        for key, texts in sets.items():
            measured = []
            for text in texts:
                expression, by_name = match_expression(text)
                samples: dict[str, list[float]] = {"ours": [], "bare": [], "ranked": []}
                total = 0
                for _ in range(repeat):  # interleaved, so a noisy moment hits all three alike
                    seconds, page = timed(ours(text))
                    samples["ours"].append(seconds)
                    total = page.total
                    samples["bare"].append(timed(lambda e=expression: bare.first_page(e))[0])
                    samples["ranked"].append(timed(lambda e=expression: bare.ranked_and_counted(e))[0])
                measured.append(
                    {
                        "text": text,
                        "match": expression,
                        "name_prefix_mode": by_name,
                        "total": total,
                        **{k: ms(median(v)) for k, v in samples.items()},
                    }
                )
            results[key] = measured
            print(f"  {key}: {len(texts)} queries measured", flush=True)
    finally:
        bare.close()
        database.dispose()

    rows = []
    summaries: dict[str, Any] = {}
    overall: dict[str, list[float]] = {"ours": [], "bare": [], "ranked": []}
    for key, label, _n, targeted in KINDS:
        items = results[key]
        values = {k: [m[k] for m in items] for k in ("ours", "bare", "ranked")}
        if not key.startswith("prefix"):
            for k, v in values.items():
                overall[k].extend(v)
        summaries[key] = _summarize(values, [m["total"] for m in items])
        rows.append(_search_row(label, summaries[key], targeted))
    summaries["overall"] = _summarize(
        overall, [m["total"] for k in results if not k.startswith("prefix") for m in results[k]]
    )
    rows.insert(5, _search_row("overall (the five kinds above)", summaries["overall"], False))
    print()
    print(
        table(
            [
                "query kind",
                "n",
                "matches med",
                "OURS med ms",
                "OURS p95 ms",
                "BASE med ms",
                "BASE p95 ms",
                "ratio med",
                "FTS rank+count med ms",
                "target (median)",
            ],
            rows,
        )
    )
    print(
        f"Each query: median of {repeat} runs. OURS = clients.search_clients(UnitOfWork(db), text, limit=20) "
        "(ranked first page + total count).\nBASE = bare sqlite3 'SELECT rowid FROM clients_fts WHERE "
        "clients_fts MATCH ? LIMIT 20' with the same MATCH expression.\nFTS rank+count = the same MATCH "
        "ordered by bm25 plus a count(*) in plain sqlite3: what ranking every match and counting them all "
        "costs in FTS5 itself."
    )
    by_name = {k: sum(1 for m in results[k] if m["name_prefix_mode"]) for k in results}
    if any(by_name.values()):
        print(
            "Name-prefix mode (OURS lists names starting with the letters, no full-text MATCH; BASE still runs "
            "the bare FTS prefix match): " + ", ".join(f"{k} {v} of {len(results[k])}" for k, v in by_name.items() if v)
        )
    slowest = sorted((m for k in results for m in results[k]), key=lambda m: -m["ours"])[:8]
    print()
    print("Slowest queries (OURS):")
    print(
        table(
            ["query", "MATCH", "matches", "OURS ms", "BASE ms", "FTS rank+count ms"],
            [[repr(m["text"]), m["match"], m["total"], m["ours"], m["bare"], m["ranked"]] for m in slowest],
        )
    )
    return {"summaries": summaries, "queries": results, "repeat": repeat}


def _summarize(values: dict[str, list[float]], totals: list[int]) -> dict[str, Any]:
    return {
        "n": len(values["ours"]),
        "matches_median": median(totals),
        **{f"{k}_median": median(v) for k, v in values.items()},
        **{f"{k}_p95": percentile(v, 95) for k, v in values.items()},
        "ratio_median": ratio(median(values["ours"]), median(values["bare"])),
    }


def _search_row(label: str, s: dict[str, Any], targeted: bool) -> list[Any]:
    target = f"≤ {SEARCH_TARGET_MS:.0f} ms {verdict(s['ours_median'] <= SEARCH_TARGET_MS)}" if targeted else "—"
    return [
        label,
        s["n"],
        s["matches_median"],
        s["ours_median"],
        s["ours_p95"],
        s["bare_median"],
        s["bare_p95"],
        s["ratio_median"],
        s["ranked_median"],
        target,
    ]


# Main ---------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_size_options(parser)
    parser.add_argument("--repeat", type=int, default=1, help="load runs (fresh bases each); medians are shown")
    parser.add_argument("--search-repeat", type=int, default=3, help="runs of each search query (median taken)")
    parser.add_argument("--skip-load", action="store_true", help="search only, on a base made by load_demo")
    args = parser.parse_args(argv)
    count = client_count(args)
    info = environment()
    print(f"SalesDesk store benchmark, {count:,} clients, seed {args.seed}")
    print_environment(info)
    started = now_s()
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-", dir=args.tmp) as folder:
        tmp = Path(folder)
        results: dict[str, Any] = {"benchmark": "store", "clients": count, "seed": args.seed, "environment": info}
        if args.skip_load:
            path = tmp / "demo.sqlite"
            database = open_database(resolve_url(path))
            load_demo(UnitOfWork(database), count, seed=args.seed, now=FIXED_NOW)
            database.dispose()
        else:
            results["load"] = load = bench_load(tmp, count, args.seed, max(1, args.repeat))
            path = Path(load.pop("ours_all_path"))
        results["search"] = bench_search(path, args.seed, max(1, args.search_repeat))
    results["environment"]["loadavg_end"] = environment()["loadavg"]
    results["wall_s"] = now_s() - started
    print()
    print(
        f"Done in {results['wall_s']:.0f} s; load average at the end "
        + " ".join(f"{x:.2f}" for x in results["environment"]["loadavg_end"] or ())
    )
    if not args.no_json:
        print(f"Results: {write_results('store', count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
