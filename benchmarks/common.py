"""Shared pieces of the benchmarks: statistics, tables, the environment, results files, demo bases.

The benchmarks run as scripts (``python benchmarks/bench_store.py``), so this module is imported
as ``common`` from the script's own folder. It imports no Qt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
FULL, QUICK = 100_000, 10_000
SEED = 2026
# Demo data is generated relative to this moment, so that every run builds the same base.
FIXED_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"^[а-яё]+$", re.IGNORECASE)


# Command line ---------------------------------------------------------------------------------


def add_size_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--clients", type=int, default=None, help=f"clients in the base (default {FULL:,})")
    parser.add_argument("--quick", action="store_true", help=f"a {QUICK:,}-client base, for development")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the demo data and of the query sets")
    parser.add_argument("--tmp", type=Path, default=None, help="where the temporary bases go (default: system temp)")
    parser.add_argument("--no-json", action="store_true", help="do not write benchmarks/results/*.json")


def client_count(args: argparse.Namespace) -> int:
    if args.clients is not None:
        return int(args.clients)
    return QUICK if args.quick else FULL


# Timing and statistics ------------------------------------------------------------------------


def now_s() -> float:
    return time.perf_counter()


def ms(seconds: float) -> float:
    return seconds * 1000.0


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between the closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "median": median(values),
        "p95": percentile(values, 95),
        "min": min(values, default=float("nan")),
        "max": max(values, default=float("nan")),
    }


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = now_s()
    result = fn()
    return now_s() - start, result


def sql_median(path: Path, sql: str, runs: int) -> float:
    """Median seconds of one bare SQL question on the file at *path* (a baseline), after a warm-up."""
    con = sqlite3.connect(path)
    try:
        con.execute(sql).fetchall()
        return median([timed(lambda: con.execute(sql).fetchall())[0] for _ in range(runs)])
    finally:
        con.close()


def ratio(ours: float, base: float) -> float:
    return ours / base if base > 0 else float("inf")


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISS"


# Output ---------------------------------------------------------------------------------------


def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}".replace(",", " ")
    if isinstance(value, float):
        if value != value:  # NaN
            return "—"
        if abs(value) >= 10_000:
            return f"{value:,.0f}".replace(",", " ")
        return f"{value:.{digits}f}"
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, digits: int = 1) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [[fmt(v, digits) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(values, widths, strict=True))
        )

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def heading(text: str) -> None:
    print()
    print(text)
    print("=" * len(text))


def environment() -> dict[str, Any]:
    """What the figures depend on: versions, cores, load (the machine is shared)."""
    import sqlalchemy

    info: dict[str, Any] = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "loadavg": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }
    try:
        info["commit"] = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "diff", "HEAD", "--", "salesdesk"], capture_output=True, check=False
        ).stdout
        info["salesdesk_modified"] = bool(dirty)
        # which state of the working tree was measured, when it had uncommitted changes
        info["salesdesk_diff_sha1"] = hashlib.sha1(dirty).hexdigest()[:10] if dirty else None
    except OSError:
        pass
    return info


def print_environment(info: dict[str, Any]) -> None:
    load = info.get("loadavg")
    load_text = " ".join(f"{x:.2f}" for x in load) if load else "?"
    print(
        f"Python {info['python']}, SQLite {info['sqlite']}, SQLAlchemy {info['sqlalchemy']}, "
        f"{info['cpus']} CPUs, load average {load_text}, commit {info.get('commit', '?')}"
        + (
            f" + uncommitted changes in salesdesk/ (diff {info['salesdesk_diff_sha1']})"
            if info.get("salesdesk_modified")
            else ""
        )
    )


def write_results(name: str, clients: int, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = RESULTS / f"{name}-{clients}-{stamp}.json"
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return target


def rss_mb(pid: int | None = None) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


# Demo bases -----------------------------------------------------------------------------------


def build_demo_base(path: Path, count: int, seed: int, now: datetime | None = FIXED_NOW) -> float:
    """A fresh base of *count* demo clients made by the program's own ``load_demo``; seconds taken.

    *now* None means the real clock (reminders then fall due around today, as in real use)."""
    from salesdesk.services.demo import load_demo
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    database = open_database(resolve_url(path))
    try:
        seconds, _ = timed(lambda: load_demo(UnitOfWork(database), count, seed=seed, now=now))
    finally:
        database.dispose()
    return seconds


# Query sets drawn from a base -----------------------------------------------------------------


class Sampler:
    """Random rows of a base (fixed seed), read with plain sqlite3."""

    def __init__(self, path: Path, seed: int) -> None:
        self.con = sqlite3.connect(path)
        self.rng = random.Random(seed)
        self.max_client = int(self.con.execute("SELECT max(id) FROM clients").fetchone()[0] or 0)
        self.max_contact = int(self.con.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0])

    def close(self) -> None:
        self.con.close()

    def client_value(self, column: str, where: str = "1") -> str:
        """*column* of a random client (one that satisfies *where*)."""
        for _ in range(1000):
            ident = self.rng.randint(1, self.max_client)
            row = self.con.execute(f"SELECT {column} FROM clients WHERE id = ? AND ({where})", (ident,)).fetchone()
            if row and row[0]:
                return str(row[0])
        raise RuntimeError(f"no client with {column} where {where}")

    def contact_name(self) -> str:
        for _ in range(1000):
            ident = self.rng.randint(1, self.max_contact)
            row = self.con.execute("SELECT full_name FROM contacts WHERE id = ?", (ident,)).fetchone()
            if row and row[0]:
                return str(row[0])
        raise RuntimeError("no contacts")

    def name_word(self, min_len: int = 3, cyrillic: bool = False) -> str:
        """A random word (as written) of a random client's name, legal forms left out."""
        from salesdesk.domain.text import LEGAL_FORMS, fold

        for _ in range(1000):
            candidates = [
                w
                for w in _WORD.findall(self.client_value("name"))
                if len(w) >= min_len and fold(w) not in LEGAL_FORMS and (not cyrillic or _CYRILLIC.match(w))
            ]
            if candidates:
                return self.rng.choice(candidates)
        raise RuntimeError("no usable words in client names")

    def mixed_case(self, text: str) -> str:
        style = self.rng.randrange(4)
        if style == 0:
            return text.lower()
        if style == 1:
            return text.upper()
        if style == 2:
            return text[:1].upper() + text[1:].lower()
        return "".join(c.upper() if self.rng.random() < 0.5 else c.lower() for c in text)

    def yo_variant(self, text: str) -> str:
        """Half the time, write е as ё and ё as е (people do both; the search must not care)."""
        if self.rng.random() < 0.5:
            return text
        table = str.maketrans("еЕёЁ", "ёЁеЕ")
        return text.translate(table)
