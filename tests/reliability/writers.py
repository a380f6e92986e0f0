"""A writer process for the concurrency tests: ``python writers.py DB KIND COUNT TAG [SECONDS]``.

It opens the base, prints "ready" and waits for a line on stdin (so the writers really start
together), then runs COUNT
operations of KIND ("add": one client each, "import": a CSV of 50 new clients each, "edit": a new
note on one of the clients numbered 1..EDITED in turn, "deal": one deal of client 1) and prints one
JSON line: how many were tried and stored, the messages of those refused, and the seconds it took.
Given SECONDS, it stops early once that much time has passed (the benchmark's timed runs).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from salesdesk.domain.errors import UserError
from salesdesk.domain.model import ClientFields, DealFields, Money
from salesdesk.services import clients, deals, importing
from salesdesk.store import UnitOfWork, open_database, resolve_url

ROWS_PER_IMPORT = 50
EDITED = 20  # "edit" goes round clients 1..EDITED, which the base must hold


def main() -> None:
    db, kind, count, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    seconds = float(sys.argv[5]) if len(sys.argv) > 5 else None
    database = open_database(resolve_url(db), create=False)
    folder = Path(db).parent
    print("ready", flush=True)
    sys.stdin.readline()
    stored, tried, refused = 0, 0, []
    start = time.perf_counter()
    for n in range(count):
        if seconds is not None and time.perf_counter() - start >= seconds:
            break
        tried += 1
        try:
            if kind == "add":
                clients.create_client(UnitOfWork(database), ClientFields(name=f"{tag} клиент {n}"))
                stored += 1
            elif kind == "edit":
                client = clients.get_client(UnitOfWork(database), n % EDITED + 1)
                fields = ClientFields(**{f.name: getattr(client, f.name) for f in dataclass_fields(ClientFields)})
                fields = replace(fields, notes=f"{tag} правка {n}")
                clients.update_client(UnitOfWork(database), client.id, client.version, fields)
                stored += 1
            elif kind == "deal":
                deal = DealFields(title=f"{tag} сделка {n}", amount=Money(Decimal("1250.50")), opened_on=date.today())
                deals.add_deal(UnitOfWork(database), 1, deal)
                stored += 1
            else:
                source = folder / f"{tag}-{n}.csv"
                lines = ["Название;Город"] + [f"{tag} импорт {n}-{i};Тверь" for i in range(ROWS_PER_IMPORT)]
                source.write_text("\n".join(lines) + "\n", encoding="utf-8")
                options = importing.ImportOptions(on_duplicate=importing.DuplicatePolicy.CREATE)
                result = importing.run_import(UnitOfWork(database), source, options)
                stored += result.created
        except UserError as exc:
            refused.append(str(exc))
    database.dispose()
    elapsed = time.perf_counter() - start
    print(json.dumps({"tried": tried, "stored": stored, "refused": refused, "seconds": elapsed}, ensure_ascii=False))


if __name__ == "__main__":
    main()
