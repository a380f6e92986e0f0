"""A writer process for the concurrency tests: ``python writers.py DB KIND COUNT TAG``.

It opens the base, prints "ready" and waits for a line on stdin (so the writers really start
together), then runs COUNT
operations of KIND ("add": one client each, "import": a CSV of 50 new clients each) and prints one
JSON line: how many were stored and the messages of those refused.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from salesdesk.domain.errors import UserError
from salesdesk.domain.model import ClientFields
from salesdesk.services import clients, importing
from salesdesk.store import UnitOfWork, open_database, resolve_url

ROWS_PER_IMPORT = 50


def main() -> None:
    db, kind, count, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    database = open_database(resolve_url(db), create=False)
    folder = Path(db).parent
    print("ready", flush=True)
    sys.stdin.readline()
    stored, refused = 0, []
    for n in range(count):
        try:
            if kind == "add":
                clients.create_client(UnitOfWork(database), ClientFields(name=f"{tag} клиент {n}"))
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
    print(json.dumps({"stored": stored, "refused": refused}, ensure_ascii=False))


if __name__ == "__main__":
    main()
