"""Erasure benchmark (issue 12, items 5 and 7): what ``secure_delete`` costs, and how long erasing takes.

``secure_delete`` is ON on every connection that writes (``store/database.py``), so a changed or
deleted value is overwritten in its page instead of staying readable in free space. This measures
what that costs where the program writes most, against the same work with it OFF (and fully ON) in
the same run:

  * a bulk load of N demo clients (``load_demo``: the same ``store/bulk.py`` path an import uses);
  * card saves that change the name and phone (``update_client``; an import that updates existing
    clients does the same row by row), three rounds of 500 with the modes alternating on one base.

Then, on the loaded base: erasing one contact person, erasing one private-person client, emptying a
trash holding 1 % of the clients, and the tidy-up at start (merging the search index).

    .venv/bin/python benchmarks/bench_erasure.py            # 100,000 clients (~3 minutes)
    .venv/bin/python benchmarks/bench_erasure.py --quick    # 10,000 clients
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import (
    add_size_options,
    build_demo_base,
    client_count,
    environment,
    heading,
    median,
    print_environment,
    ratio,
    table,
    timed,
    write_results,
)

from salesdesk.domain.model import ClientFields, ClientKind
from salesdesk.services import clients, erasure
from salesdesk.store import UnitOfWork, open_database, resolve_url
from salesdesk.store import database as store_database

SAVES = 500  # card saves per round
ROUNDS = 3  # rounds of saves, the modes alternating on the same base
MODES = ("OFF", "ON")  # PRAGMA secure_delete values; the program uses ON


def _saves(path: Path, offset: int) -> float:
    """Seconds for SAVES card saves (name and phone changed) of clients offset.. on the base at *path*,
    with the secure_delete mode set now."""
    database = open_database(resolve_url(path))
    try:
        with UnitOfWork(database).reading() as uow:
            ids = uow.listing.ids(clients.ALL)[offset : offset + SAVES]
        cards = [clients.get_client(UnitOfWork(database), i) for i in ids]

        def run() -> None:
            for n, card in enumerate(cards):
                fields = card.fields()
                changed = ClientFields(**{**vars_of(fields), "name": f"{fields.name} {n}", "phone": "+7 495 100-00-00"})
                clients.update_client(UnitOfWork(database), card.id, card.version, changed)

        seconds, _ = timed(run)
    finally:
        database.dispose()
    return seconds


def vars_of(fields: ClientFields) -> dict[str, Any]:
    return {name: getattr(fields, name) for name in ClientFields.__dataclass_fields__}


def _erasures(path: Path, count: int) -> dict[str, float]:
    database = open_database(resolve_url(path))
    out: dict[str, float] = {}
    try:
        with UnitOfWork(database).reading() as uow:
            ids = uow.listing.ids(clients.ALL)
            contact = next(p.id for i in ids[:200] for p in uow.contacts.list_for(i))
        out["tidy at start (merge the search index after the saves)"], _ = timed(
            lambda: erasure.tidy_at_start(UnitOfWork(database), trash_days=None)
        )
        out["erase a contact person"], _ = timed(
            lambda: erasure.erase_contact(UnitOfWork(database), contact, ground="request")
        )
        person = clients.create_client(
            UnitOfWork(database),
            ClientFields(name="Куприянов Ерофей", kind=ClientKind.PERSON, phone="+7 903 771-25-48"),
        ).id
        out["erase a private-person client"], _ = timed(
            lambda: erasure.erase_client(UnitOfWork(database), person, ground="request")
        )
        clients.trash_clients(UnitOfWork(database), ids[-max(1, count // 100) :])
        out[f"empty the trash ({max(1, count // 100):,} clients)"], _ = timed(
            lambda: erasure.empty_trash(UnitOfWork(database))
        )
    finally:
        database.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_options(parser)
    args = parser.parse_args()
    count = client_count(args)
    info = environment()
    print_environment(info)
    results: dict[str, Any] = {"environment": info, "clients": count}
    with tempfile.TemporaryDirectory(dir=args.tmp) as folder:
        loads: dict[str, float] = {}
        for mode in MODES:
            store_database.SECURE_DELETE = mode
            loads[mode] = build_demo_base(Path(folder) / f"base-{mode}.sqlite", count, args.seed)
        (Path(folder) / "base-OFF.sqlite").unlink()
        base = Path(folder) / "base-ON.sqlite"
        saves: dict[str, list[float]] = {mode: [] for mode in MODES}
        offset = 0
        for _round in range(ROUNDS):
            for mode in MODES:  # alternating on one base: the machine's load changes as it runs
                store_database.SECURE_DELETE = mode
                saves[mode].append(_saves(base, offset))
                offset += SAVES
        off_saves, on_saves = median(saves["OFF"]), median(saves["ON"])
        heading(f"secure_delete at {count:,} clients (the program uses ON)")
        rows = [
            (
                "bulk load (load_demo: the import's new rows)",
                loads["OFF"],
                loads["ON"],
                ratio(loads["ON"], loads["OFF"]),
            ),
            (
                f"{SAVES:,} card saves (median of {ROUNDS}; an import's updates)",
                off_saves,
                on_saves,
                ratio(on_saves, off_saves),
            ),
        ]
        print(table(("work", "OFF, s", "ON, s", "ON / OFF"), rows, digits=2))
        results["secure_delete"] = {"load": loads, "saves": saves}
        store_database.SECURE_DELETE = "ON"
        heading(f"erasing at {count:,} clients (secure_delete ON)")
        erasures = _erasures(base, count)
        print(table(("what", "s"), list(erasures.items()), digits=2))
        results["erasure"] = erasures
    if not args.no_json:
        print(f"\nresults: {write_results('erasure', count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
