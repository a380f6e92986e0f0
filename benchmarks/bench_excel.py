"""Spreadsheet import and export against their floors, measured in the same run.

    python benchmarks/bench_excel.py [--rows 100000] [--quick]

Import (targets: ≤ 2× the floor, and faster than pandas.read_excel merely reading the file):
  * the file: a manager's sheet of N clients as Excel keeps it — INNs stored as numbers (some
    with their leading zero lost), phones in five formats, contact persons, ~1 % duplicates and
    ~1 % bad rows; written once with openpyxl, not timed;
  * floor = a bare python-calamine read of the sheet + a bare sqlite3 executemany of the same
    rows into a plain table;
  * ours = salesdesk's run_import into an empty base: header detection, mapping, every rule of
    the card, leading-zero repair, duplicate matching, derived columns, search index, error file;
  * pandas.read_excel(path) reading the same file (openpyxl engine), nothing else.

Export (target: ≤ 1.0× a bare xlsxwriter constant-memory dump of the same rows, memory flat):
  * ours = export_clients of the imported base (all seven sheets; it reads the base too);
  * floor = the same rows of clients and contact persons, already in memory, written cell by cell
    to a constant-memory xlsxwriter workbook and saved; openpyxl's write-only dump of the same rows
    beside it (the writer before issue 17);
  * memory: tracemalloc peak of exporting N/10 clients and N clients — it must not grow.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

import common
from common import heading, median, ratio, table, timed, verdict

sys.path.insert(0, str(common.REPO))

FIRST = ("Иван", "Пётр", "Анна", "Мария", "Сергей", "Ольга", "Дмитрий", "Елена", "Алексей", "Наталья")
LAST = ("Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков")
WORDS = (
    "Ромашка",
    "Вектор",
    "Альянс",
    "Ёлка",
    "Север",
    "Техно",
    "Строй",
    "Гарант",
    "Меридиан",
    "Волна",
    "Орион",
    "Интер",
    "Союз",
    "Прогресс",
    "Импульс",
    "Каскад",
    "Регион",
    "Сфера",
    "Лидер",
    "Эталон",
)
POSITIONS = ("Директор", "Главный бухгалтер", "Менеджер по закупкам", "Коммерческий директор", "Инженер")
HEADER = [
    "Наименование",
    "ИНН",
    "КПП",
    "Телефон",
    "Эл. почта",
    "Город",
    "Контактное лицо",
    "Должность",
    "Отрасль",
    "Статус",
]


_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "h",
            "ts",
            "ch",
            "sh",
            "sch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def latin(word: str) -> str:
    """Domains as companies register them: transliterated."""
    return "".join(_LATIN.get(ch, ch) for ch in word.lower())


def inn10(rng: random.Random, region: int) -> str:
    from salesdesk.domain.requisites import inn_check_digits

    stem = f"{region:02d}{rng.randrange(10_000_000):07d}"
    return stem + inn_check_digits(stem)


def phone(rng: random.Random) -> Any:
    area = rng.choice(("495", "499", "812", "343", "916", "903", "926"))
    digits = f"{rng.randrange(10_000_000):07d}"
    shape = rng.randrange(5)
    if shape == 0:
        return f"8 ({area}) {digits[:3]}-{digits[3:5]}-{digits[5:]}"
    if shape == 1:
        return f"+7 {area} {digits}"
    if shape == 2:
        return float(f"8{area}{digits}")  # typed as a number: Excel keeps a number
    if shape == 3:
        return f"{area} {digits[:3]} {digits[3:5]} {digits[5:]}"
    return f"+7({area}){digits[:3]}-{digits[3:5]}-{digits[5:]}"


def make_rows(count: int, seed: int) -> list[list[Any]]:
    rng = random.Random(seed)
    rows: list[list[Any]] = []
    for i in range(count):
        if rows and rng.random() < 0.01:  # a duplicate of an earlier row, as people paste twice
            twin = list(rng.choice(rows))
            twin[6], twin[7] = f"{rng.choice(LAST)}а {rng.choice(FIRST)}", rng.choice(POSITIONS)
            rows.append(twin)
            continue
        region = rng.choice((77, 78, 50, 66, 2, 3, 5, 16))
        inn = inn10(rng, region)
        inn_cell: Any = float(inn) if rng.random() < 0.7 else inn  # most sheets keep INNs as numbers
        kpp = f"{inn[:4]}01001"
        name = f"ООО «{rng.choice(WORDS)} {rng.choice(WORDS)}-{i}»"
        email = f"info{i}@{latin(rng.choice(WORDS))}-{i % 97}.ru" if rng.random() < 0.7 else ""
        row = [
            name,
            inn_cell,
            float(kpp) if rng.random() < 0.5 else kpp,
            phone(rng),
            email,
            rng.choice(("Москва", "Санкт-Петербург", "Екатеринбург", "Уфа", "Казань")),
            f"{rng.choice(LAST)} {rng.choice(FIRST)}",
            rng.choice(POSITIONS),
            rng.choice(("F", "G", "C", "J", "")),
            rng.choice(("Лид", "Действующий", "Потенциальный", "")),
        ]
        if rng.random() < 0.01:  # a bad row: wrong check digit or a phone without an area code
            row[1] = inn[:-1] + str((int(inn[-1]) + 1) % 10)
            row[3] = "123-45-67"
        rows.append(row)
    return rows


def write_file(path: Path, rows: list[list[Any]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Клиенты")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def floor_read(path: Path) -> list[list[Any]]:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python()


def floor_insert(folder: Path, rows: list[list[Any]]) -> None:
    path = folder / "floor.sqlite"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"CREATE TABLE clients (id INTEGER PRIMARY KEY, {', '.join(f'c{i}' for i in range(len(HEADER)))})")
    marks = ", ".join("?" for _ in HEADER)
    conn.executemany(
        f"INSERT INTO clients ({', '.join(f'c{i}' for i in range(len(HEADER)))}) VALUES ({marks})",
        [tuple(str(c) if c is not None else None for c in r) for r in rows[1:]],
    )
    conn.commit()
    conn.close()


def ours_import(folder: Path, path: Path, run: int) -> Any:
    from salesdesk.services import importing
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    database = open_database(resolve_url(folder / f"ours-{run}.sqlite"))
    try:
        return importing.run_import(UnitOfWork(database), path, error_dir=folder)
    finally:
        database.dispose()


def child_import(file: Path, base: Path, error_dir: Path) -> None:
    """Run in a child process (``--child-import``): import *file* into *base*, print what it cost."""
    import json
    import resource
    import time

    start, cpu = time.perf_counter(), time.process_time()
    result = ours_import_into(base, file, error_dir)
    own = resource.getrusage(resource.RUSAGE_SELF)
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker processes deriving columns
    print(
        json.dumps(
            {
                "inside_s": time.perf_counter() - start,
                "cpu_s": time.process_time() - cpu,
                "helpers_cpu_s": helpers.ru_utime + helpers.ru_stime,
                "peak_mb": own.ru_maxrss / 1024,
                "helpers_peak_mb": helpers.ru_maxrss / 1024,
                "created": result.created,
                "updated": result.updated,
                "skipped": result.skipped,
                "rejected": result.rejected,
                "repaired": result.repaired,
            }
        )
    )


def ours_import_into(base: Path, path: Path, error_dir: Path) -> Any:
    from salesdesk.services import importing
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    database = open_database(resolve_url(base))
    try:
        return importing.run_import(UnitOfWork(database), path, error_dir=error_dir)
    finally:
        database.dispose()


def import_process(file: Path, base: Path, error_dir: Path) -> tuple[float, dict[str, Any]]:
    """Our import as a whole process, as LibreOffice is timed: wall seconds, and what the child said
    (its own CPU, its helpers' CPU, its peak RSS from ru_maxrss)."""
    import json
    import subprocess
    import time

    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child-import", str(file), str(base), str(error_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def libreoffice_process(file: Path, folder: Path, profile: Path) -> tuple[float, float]:
    """``soffice --headless --convert-to csv`` of *file*: wall seconds and the CPU seconds it took
    (its own user profile, so another LibreOffice running on the machine is not asked instead)."""
    import resource
    import shutil
    import subprocess
    import time

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise FileNotFoundError("soffice")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(folder),
            str(file),
        ],
        capture_output=True,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def demo_base(count: int, seed: int) -> Path:
    """A demo base of *count* clients, built once and kept in the system's temporary folder."""
    cached = Path(tempfile.gettempdir()) / f"salesdesk-bench-demo-{count}-{seed}.sqlite"
    if not cached.exists():
        print(f"building a demo base of {count:,} clients in {cached} (once; kept for later runs)", flush=True)
        building = cached.with_suffix(".building")
        building.unlink(missing_ok=True)
        common.build_demo_base(building, count, seed)
        building.rename(cached)
    return cached


def export_rows(database: Any) -> list[tuple[str, list[list[Any]]]]:
    """Every row of every sheet our export writes, read beforehand the way the export reads them:
    what the bare dump gets for free. Timed on its own, it is the reading part of our export."""
    from salesdesk.domain.queries import ClientQuery, ClientSort
    from salesdesk.services import exporting as e
    from salesdesk.store import UnitOfWork

    sheets: dict[str, list[list[Any]]] = {
        k: [] for k in ("clients", "contacts", "deals", "reminders", "history", "files", "changes")
    }
    with UnitOfWork(database).reading() as uow:
        ids = uow.listing.ids(ClientQuery(sort=ClientSort.NAME))
        managers = {m.id: m.name for m in uow.managers.list()}
        for start in range(0, len(ids), e.CHUNK):
            chunk = ids[start : start + e.CHUNK]
            people = uow.contacts.list_for_clients(chunk)
            deals = uow.deals.list_for_clients(chunk)
            reminders = uow.reminders.list_for_clients(chunk)
            history = uow.interactions.list_for_clients(chunk)
            trail = uow.audit.for_clients(chunk)
            attached = uow.attachments.list_for_clients(chunk)
            clients = uow.clients.get_many(chunk)
            for client in (clients[i] for i in chunk if i in clients):
                sheets["clients"].append(e._client_row(client))
                sheets["contacts"] += [e._contact_row(client, p) for p in people.get(client.id, ())]
                sheets["deals"] += [e._deal_row(client, d) for d in deals.get(client.id, ())]
                sheets["reminders"] += [e._reminder_row(client, r, managers) for r in reminders.get(client.id, ())]
                sheets["history"] += [e._interaction_row(client, i) for i in history.get(client.id, ())]
                sheets["files"] += [e._file_row(client, f) for f in attached.get(client.id, ())]
                sheets["changes"] += [e.change_row(r) for r in trail.get(client.id, ())]
    return list(sheets.items())


def bare_xlsxwriter_dump(path: Path, sheets: list[tuple[str, list[list[Any]]]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for title, rows in sheets:
        sheet = book.add_worksheet(title)
        for r, row in enumerate(rows):
            sheet.write_row(
                r,
                0,
                [
                    v.astimezone().replace(tzinfo=None) if hasattr(v, "tzinfo") and getattr(v, "tzinfo", None) else v
                    for v in row
                ],
            )
    book.close()


def bare_dump(path: Path, sheets: list[tuple[str, list[list[Any]]]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(
                [
                    v.astimezone().replace(tzinfo=None) if hasattr(v, "tzinfo") and getattr(v, "tzinfo", None) else v
                    for v in row
                ]
            )
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=None, help="rows in the file (default 100,000)")
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=common.SEED)
    parser.add_argument("--no-json", action="store_true")
    parser.add_argument("--import-only", action="store_true", help="measure the import, skip the export")
    parser.add_argument("--export-only", action="store_true", help="import once untimed, measure the export")
    parser.add_argument(
        "--into",
        type=int,
        default=None,
        help="also import the file into a demo base of this many clients (e.g. 1000000; built once, kept in /tmp)",
    )
    parser.add_argument("--no-pandas", action="store_true", help="skip pandas.read_excel (slow)")
    parser.add_argument("--child-import", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_import:
        child_import(*args.child_import)
        return 0
    count = args.rows or (10_000 if args.quick else 100_000)
    info = common.environment()
    common.print_environment(info)
    results: dict[str, Any] = {"rows": count, "environment": info}
    with tempfile.TemporaryDirectory(prefix="salesdesk-excel-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "клиенты.xlsx"
        rows = make_rows(count, args.seed)
        write_file(path, rows)
        if args.export_only:
            ours_import(folder, path, 0)
        else:
            heading(f"Import of {count:,} rows ({path.stat().st_size / 1e6:.1f} MB)")
            results["import"] = measure_import(args, folder, path, count)

        if args.import_only:
            return _finish(args, count, results)
        heading("Export of the imported base")
        from salesdesk.services import exporting
        from salesdesk.store import UnitOfWork, open_database, resolve_url

        database = open_database(resolve_url(folder / "ours-0.sqlite"))
        read_e = []
        for _ in range(args.repeat):
            seconds, sheets = timed(lambda: export_rows(database))
            read_e.append(seconds)
        written = sum(len(r) for _, r in sheets)
        ours_e, bare_e, openpyxl_e = [], [], []
        for run in range(args.repeat):
            ours_e.append(timed(lambda: exporting.export_clients(UnitOfWork(database), folder / f"o{run}.xlsx"))[0])  # noqa: B023
            bare_e.append(timed(lambda: bare_xlsxwriter_dump(folder / f"b{run}.xlsx", sheets))[0])  # noqa: B023
            openpyxl_e.append(timed(lambda: bare_dump(folder / f"p{run}.xlsx", sheets))[0])  # noqa: B023
        export_ratio = ratio(median(ours_e), median(bare_e))
        print(
            table(
                ["", "seconds", "rows/s"],
                [
                    ["floor: xlsxwriter constant-memory dump", median(bare_e), written / median(bare_e)],
                    ["reading the base into those rows", median(read_e), written / median(read_e)],
                    ["openpyxl write-only dump (the writer before)", median(openpyxl_e), written / median(openpyxl_e)],
                    ["ours: export_clients (reads the base too)", median(ours_e), written / median(ours_e)],
                ],
                digits=2,
            )
        )
        print(f"\nours / floor = {export_ratio:.2f}  (target ≤ 1.0)  {verdict(export_ratio <= 1.0)}")
        inherent = median(read_e) + median(bare_e)
        print(
            f"ours / (reading + floor) = {median(ours_e) / inherent:.2f}: what the export adds to reading the base"
            f" and the bare dump (formats, text guards, wrapped rows, print set-up, atomic save)"
        )
        peaks = []
        from salesdesk.domain.queries import ClientQuery

        with UnitOfWork(database) as uow:
            every = uow.listing.ids(ClientQuery())
        for share in (every[: len(every) // 10], every):
            tracemalloc.start()
            exporting.export_clients(UnitOfWork(database), folder / "m.xlsx", ids=share)
            peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
            tracemalloc.stop()
        print(
            f"memory peak (tracemalloc): {peaks[0]:.1f} MB for {len(every) // 10:,} clients, "
            f"{peaks[1]:.1f} MB for {len(every):,}  {verdict(peaks[1] < peaks[0] * 2)}"
        )
        database.dispose()
        results["export"] = {
            "ours_s": ours_e,
            "bare_s": bare_e,
            "read_s": read_e,
            "openpyxl_s": openpyxl_e,
            "ratio": export_ratio,
            "rows": written,
            "peak_mb": peaks,
        }
    return _finish(args, count, results)


def measure_import(args: argparse.Namespace, folder: Path, path: Path, count: int) -> dict[str, Any]:
    """Ours as a whole process next to LibreOffice converting the same file to CSV, the bare floor
    and pandas, each run in turn so that the machine's load falls on all of them alike."""
    read_s, insert_s, pandas_s, lo_s, lo_cpu, ours_s, children = [], [], [], [], [], [], []
    profile = folder / "lo-profile"
    has_lo = True
    try:
        libreoffice_process(path, folder / "lo", profile)  # the first start makes the profile: untimed
    except (FileNotFoundError, OSError, RuntimeError) as exc:
        print(f"LibreOffice not measured: {exc!r}")
        has_lo = False
    for run in range(args.repeat):
        seconds, sheet_rows = timed(lambda: floor_read(path))
        read_s.append(seconds)
        insert_s.append(timed(lambda: floor_insert(folder, sheet_rows))[0])  # noqa: B023 - used at once
        if has_lo:
            wall, cpu = libreoffice_process(path, folder / "lo", profile)
            lo_s.append(wall)
            lo_cpu.append(cpu)
        base = folder / f"ours-{run}.sqlite"
        wall, child = import_process(path, base, folder)
        ours_s.append(wall)
        children.append(child)
    if not args.no_pandas:
        import pandas

        for _ in range(max(1, args.repeat - 1)):
            pandas_s.append(timed(lambda: pandas.read_excel(path))[0])
    floor = median(read_s) + median(insert_s)
    ours = median(ours_s)
    cpu = median([c["cpu_s"] for c in children])
    helpers = median([c["helpers_cpu_s"] for c in children])
    peak = max(c["peak_mb"] for c in children)
    rows = [
        ["floor: calamine read", median(read_s), "", count / median(read_s)],
        ["floor: sqlite3 executemany", median(insert_s), "", count / median(insert_s)],
        ["floor (sum)", floor, "", count / floor],
    ]
    if lo_s:
        rows.append(["LibreOffice: soffice --convert-to csv", median(lo_s), median(lo_cpu), count / median(lo_s)])
    rows.append(["ours: salesdesk import (whole process)", ours, cpu + helpers, count / ours])
    if pandas_s:
        rows.append(["pandas.read_excel (read only)", median(pandas_s), "", count / median(pandas_s)])
    print(table(["", "wall s", "CPU s", "rows/s"], rows, digits=2))
    print(
        f"\nours: CPU {cpu:.2f} s in the importing process + {helpers:.2f} s in its helper processes; "
        f"peak RSS {peak:.0f} MB (ru_maxrss; target ≤ 300)  {verdict(peak <= 300)}"
    )
    out: dict[str, Any] = {
        "read_s": read_s,
        "insert_s": insert_s,
        "floor_s": floor,
        "ours_s": ours_s,
        "ours_children": children,
        "pandas_s": pandas_s,
        "libreoffice_s": lo_s,
        "libreoffice_cpu_s": lo_cpu,
        "peak_mb": peak,
        "ratio_floor": ratio(ours, floor),
    }
    print(f"ours / floor = {ratio(ours, floor):.2f}")
    if lo_s:
        wall_ratio = ratio(ours, median(lo_s))
        cpu_ratio = ratio(cpu + helpers, median(lo_cpu))
        print(
            f"ours / LibreOffice = {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU  (target ≤ 2, ambition ≤ 1)  "
            f"{verdict(wall_ratio <= 2)}"
        )
        out.update(ratio_libreoffice=wall_ratio, ratio_libreoffice_cpu=cpu_ratio)
    if pandas_s:
        faster = verdict(ours < median(pandas_s))
        print(f"ours vs pandas.read_excel = {ours / median(pandas_s):.2f}  (target < 1)  {faster}")
    first = children[0]
    print(
        f"created {first['created']:,}, updated {first['updated']:,}, skipped {first['skipped']:,}, "
        f"rejected {first['rejected']:,}, repaired {first['repaired']:,}"
    )
    if args.into:
        out["into"] = measure_into(args, folder, path, count, ours, children)
    return out


def measure_into(
    args: argparse.Namespace, folder: Path, path: Path, count: int, empty_s: float, empty: list[dict[str, Any]]
) -> dict[str, Any]:
    """The same import into a copy of a demo base of ``--into`` clients, once, beside the empty base."""
    import shutil

    heading(f"Import of the same {count:,} rows into a base of {args.into:,} demo clients")
    cached = demo_base(args.into, args.seed)
    big = folder / "big.sqlite"
    shutil.copyfile(cached, big)
    wall, child = import_process(path, big, folder)
    big.unlink()
    inside_empty = median([c["inside_s"] for c in empty])
    cpu_empty = median([c["cpu_s"] + c["helpers_cpu_s"] for c in empty])
    cpu_big = child["cpu_s"] + child["helpers_cpu_s"]
    print(
        table(
            ["base", "wall s", "import itself s", "CPU s", "µs/row (wall)", "peak MB"],
            [
                ["empty", empty_s, inside_empty, cpu_empty, empty_s / count * 1e6, max(c["peak_mb"] for c in empty)],
                [f"{args.into:,} clients", wall, child["inside_s"], cpu_big, wall / count * 1e6, child["peak_mb"]],
            ],
            digits=2,
        )
    )
    slower = ratio(wall, empty_s)
    print(f"into {args.into:,} / into empty = {slower:.2f} wall, {ratio(cpu_big, cpu_empty):.2f} CPU")
    return {"base": args.into, "wall_s": wall, "child": child, "ratio_wall": slower}


def _finish(args: argparse.Namespace, count: int, results: dict[str, Any]) -> int:
    if not args.no_json:
        print(f"\nresults: {common.write_results('excel', count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
