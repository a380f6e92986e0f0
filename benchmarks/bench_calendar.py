"""Calendar benchmark: drawing the month view at 100,000 clients.

Target (from the issue): the calendar's month view draws in at most 100 ms with 100,000 clients.

The base: ``load_demo`` with 100,000 clients on the real clock (their reminders, calls, meetings,
contract ends and contact persons' birthdays fall around today, as in real use); not timed.
``--db PATH`` keeps it and reuses it on the next run.

Measured, offscreen (QT_QPA_PLATFORM=offscreen), at 1366×600:

* reading the month (``calendar.events`` for the 42 days the month view shows, a fresh unit of
  work each time, as the tab does on a worker) — for information: it never runs on the GUI thread;
* drawing the month view: ``CalendarGrid.show_events`` with that month, then a synchronous
  render of the whole widget (``grab()``: the layout of cells and chips and the paint), the median
  and the worst of ``--runs``;
* the same for the week and day views;
* the baseline, measured in the same run: a bare ``QCalendarWidget`` of the same size, repainted
  the same way (``grab()`` renders its child table too; a month grid with no events at all).

    .venv/bin/python benchmarks/bench_calendar.py --db /tmp/calendar-100k.sqlite
    .venv/bin/python benchmarks/bench_calendar.py --quick            # 10,000 clients
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import (  # noqa: E402
    add_size_options,
    build_demo_base,
    client_count,
    environment,
    heading,
    median,
    ms,
    print_environment,
    ratio,
    table,
    timed,
    verdict,
    write_results,
)

from salesdesk.services import calendar  # noqa: E402
from salesdesk.store import UnitOfWork, open_database, resolve_url  # noqa: E402

DRAW_TARGET_MS = 100.0
SIZE = (1366, 600)


def repaint_times(widget: Any, prepare: Callable[[], None], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        seconds, _ = timed(lambda: (prepare(), widget.grab()))  # renders it and its children, as a paint does
        times.append(seconds)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_size_options(parser)
    parser.add_argument("--db", type=Path, default=None, help="keep the base here; reuse it if it exists")
    parser.add_argument("--runs", type=int, default=20, help="timed repaints per view (median shown)")
    args = parser.parse_args(argv)
    clients = client_count(args)
    info = environment()
    print(f"SalesDesk calendar benchmark: {clients:,} clients, seed {args.seed}")
    print_environment(info)
    results: dict[str, Any] = {"benchmark": "calendar", "clients": clients, "seed": args.seed, "environment": info}

    from PySide6.QtWidgets import QApplication, QCalendarWidget

    from salesdesk.ui.calendar_page import CalendarGrid, Span, span_days

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-", dir=args.tmp) as folder:
        path = args.db or Path(folder) / "calendar.sqlite"
        if path.exists():
            print(f"Reusing {path}")
        else:
            print(f"Building {path} (not timed) ...", flush=True)
            results["build_s"] = build_demo_base(path, clients, args.seed, now=None)
            print(f"  {results['build_s']:.0f} s")
        database = open_database(resolve_url(path))
        try:
            today = date.today()
            grid = CalendarGrid()
            grid.resize(*SIZE)
            grid.show()
            rows: list[list[Any]] = []
            views: dict[str, Any] = {}
            for span, name in ((Span.MONTH, "month"), (Span.WEEK, "week"), (Span.DAY, "day")):
                first, last = span_days(span, today, 0)
                calendar.events(UnitOfWork(database), first, last)  # warm up
                reads = [timed(lambda f=first, la=last: calendar.events(UnitOfWork(database), f, la)) for _ in range(3)]
                found = reads[-1][1]
                grid.show_events(span, today, found)
                grid.resize(*SIZE)
                app.processEvents()
                draws = repaint_times(grid, lambda s=span, f=found: grid.show_events(s, today, f), args.runs)
                views[name] = {
                    "events": len(found),
                    "read_ms": ms(median([r[0] for r in reads])),
                    "draw_ms": ms(median(draws)),
                    "draw_max_ms": ms(max(draws)),
                }
                rows.append(
                    [name, len(found), views[name]["read_ms"], views[name]["draw_ms"], views[name]["draw_max_ms"]]
                )
            bare = QCalendarWidget()
            bare.resize(*SIZE)
            bare.show()
            app.processEvents()
            base_draws = repaint_times(bare, lambda: None, args.runs)
            baseline_ms = ms(median(base_draws))
            rows.append(["BASELINE bare QCalendarWidget", 0, "", baseline_ms, ms(max(base_draws))])
        finally:
            database.dispose()
    heading("Calendar views (read on a worker; draw = layout + paint on the GUI thread)")
    print(table(["view", "events", "read ms (worker)", "draw ms med", "draw ms max"], rows))
    month = views["month"]["draw_ms"]
    print(
        f"\nMonth view draws in {month:.1f} ms (baseline {baseline_ms:.1f} ms, ×{ratio(month, baseline_ms):.1f}); "
        f"target ≤ {DRAW_TARGET_MS:.0f} ms {verdict(month <= DRAW_TARGET_MS)}"
    )
    results.update(views=views, baseline_ms=baseline_ms, target_ms=DRAW_TARGET_MS)
    if not args.no_json:
        print(f"written {write_results('calendar', clients, results)}")
    return 0 if month <= DRAW_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
