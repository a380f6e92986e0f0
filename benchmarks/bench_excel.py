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
  * the base: the imported one above (clients, their contact persons, the trail), or with
    --clients N a demo base of N clients with everything (contacts, deals, reminders, history, the
    trail), built once by the program's own demo loader and kept in --cache (default
    /tmp/bench1m_export/demo-N.sqlite) for the next run;
  * ours = export_clients of the whole base (all seven sheets; it reads the base too);
  * floor = the same rows, read beforehand by the export's reading before issue 17 (repositories,
    domain objects, row functions; not timed) a block of clients at a time, written with
    ``write_row`` to a constant-memory xlsxwriter workbook and saved (timed: the writing only);
    openpyxl's write-only dump of the same rows beside it (the writer before issue 18's xlsxwriter);
  * wall and CPU seconds (time.process_time) of each, medians of --repeat runs; the ratio against
    the floor of the same run stays honest on a loaded machine;
  * where ours goes: its reading alone (the export's own reading, rows built, nothing written);
  * memory: tracemalloc peak of exporting a tenth of the clients and all of them (up to 100,000),
    and the peak RSS of a fresh process exporting a tenth and all — neither may grow with N.

    python benchmarks/bench_excel.py --export-only                 # the imported 100,000 clients
    python benchmarks/bench_excel.py --export-only --clients 100000 --repeat 3
    python benchmarks/bench_excel.py --export-only --clients 1000000 --repeat 1
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
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


CHAIN_PHONE, CHAIN_EMAIL, CHAIN_INN = "8 800 555-35-35", "info@set-magazinov.ru", "7707083893"


def make_rows(count: int, seed: int, *, chain: bool = False) -> list[list[Any]]:
    """*count* client rows; *chain*: the branches of one chain, each with its own name, all with the
    chain's call-centre phone and e-mail, and every fourth with the chain's INN and a KPP of its
    own (duplicate matching meets one phone, e-mail or INN held by every row before it)."""
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
        if chain:
            row[3], row[4] = CHAIN_PHONE, CHAIN_EMAIL
            if i % 4 == 0:  # a branch of the chain's own company: its INN, a KPP of its own
                row[1], row[2] = CHAIN_INN, f"{CHAIN_INN[:4]}{i % 100_000:05d}"
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

    from salesdesk.services import importing
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    helper_peaks = watch_helpers()
    start, cpu = time.perf_counter(), time.process_time()
    database = open_database(resolve_url(base))  # a big base's bounded quick check is part of opening it
    opened = time.perf_counter()
    try:
        result = importing.run_import(UnitOfWork(database), file, error_dir=error_dir)
    finally:
        database.dispose()
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker processes deriving columns
    print(
        json.dumps(
            {
                "inside_s": time.perf_counter() - start,
                "open_s": opened - start,
                "import_s": time.perf_counter() - opened,
                "cpu_s": time.process_time() - cpu,
                "helpers_cpu_s": helpers.ru_utime + helpers.ru_stime,
                "peak_mb": own_peak_mb(),
                "helpers_peak_mb": max(helper_peaks.values(), default=0.0),
                "created": result.created,
                "updated": result.updated,
                "skipped": result.skipped,
                "rejected": result.rejected,
                "repaired": result.repaired,
            }
        )
    )


def watch_helpers() -> dict[int, float]:
    """The high-water mark (VmHWM, MB) of each process this one starts, by pid, kept up to date
    by a thread four times a second (Linux; empty elsewhere). Its own CPU, a few milliseconds a
    second, counts in this process' CPU."""
    import os
    import threading
    import time

    peaks: dict[int, float] = {}
    me = str(os.getpid())

    def watch() -> None:
        while True:
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/stat") as stat:
                        if stat.read().rsplit(")", 1)[1].split()[1] != me:
                            continue
                    with open(f"/proc/{entry}/status") as status:
                        for line in status:
                            if line.startswith("VmHWM:"):
                                peaks[int(entry)] = int(line.split()[1]) / 1024
                except (OSError, IndexError, ValueError):
                    continue
            time.sleep(0.25)

    if os.path.isdir("/proc"):
        threading.Thread(target=watch, daemon=True).start()
    return peaks


def own_peak_mb() -> float:
    """This process' own high-water mark of resident memory. Not ``ru_maxrss``: a child forked
    from this benchmark starts its count at the parent's size at the fork and keeps it over the
    exec (the parent holds the generated rows, 340 MB, more than the import's own peak)."""
    import resource

    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def import_process(file: Path, base: Path, error_dir: Path) -> tuple[float, dict[str, Any]]:
    """Our import as a whole process, as LibreOffice is timed: wall seconds, and what the child said
    (its own CPU, its helpers' CPU, its own peak RSS, its biggest helper's)."""
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


EXPORT_BLOCK = 20_000  # clients whose rows the floor holds in memory at a time


def export_blocks(database: Any, block: int = EXPORT_BLOCK, *, new_reading: bool = False) -> Any:
    """Every row of every sheet our export writes, read the way the export read them before issue
    17 (repositories, domain objects, the row functions), *block* clients at a time: seven lists of
    rows per block, datetimes already without their zone (what the bare dumps get for free). With
    *new_reading*, read the export's own way (the same rows, tests/integration/test_export_fast.py):
    quicker to feed the dumps at a million clients."""
    if new_reading:
        yield from _new_blocks(database, block)
        return
    from salesdesk.domain.queries import ClientQuery, ClientSort
    from salesdesk.services import exporting as e
    from salesdesk.store import UnitOfWork
    from tests import export_reference as reference  # the rows as built before issue 17

    def naive(row: list[Any]) -> list[Any]:
        return [v.astimezone().replace(tzinfo=None) if isinstance(v, datetime) and v.tzinfo else v for v in row]

    with UnitOfWork(database).reading() as uow:
        ids = uow.listing.ids(ClientQuery(sort=ClientSort.NAME))
        managers = {m.id: m.name for m in uow.managers.list()}
        for first in range(0, len(ids), block):
            sheets: list[list[list[Any]]] = [[] for _ in range(7)]
            for start in range(first, min(first + block, len(ids)), e.CHUNK):
                chunk = ids[start : start + e.CHUNK]
                people = uow.contacts.list_for_clients(chunk)
                deals = uow.deals.list_for_clients(chunk)
                reminders = uow.reminders.list_for_clients(chunk)
                history = uow.interactions.list_for_clients(chunk)
                trail = uow.audit.for_clients(chunk)
                attached = uow.attachments.list_for_clients(chunk)
                clients = uow.clients.get_many(chunk)
                for client in (clients[i] for i in chunk if i in clients):
                    sheets[0].append(naive(reference.client_row(client)))
                    sheets[1] += [naive(reference.contact_row(client, p)) for p in people.get(client.id, ())]
                    sheets[2] += [naive(reference.deal_row(client, d)) for d in deals.get(client.id, ())]
                    sheets[3] += [
                        naive(reference.reminder_row(client, r, managers)) for r in reminders.get(client.id, ())
                    ]
                    sheets[4] += [naive(reference.interaction_row(client, i)) for i in history.get(client.id, ())]
                    sheets[5] += [naive(reference.file_row(client, f)) for f in attached.get(client.id, ())]
                    sheets[6] += [naive(e.change_row(r)) for r in trail.get(client.id, ())]
            yield sheets


SHEETS = ("clients", "contacts", "deals", "reminders", "history", "files", "changes")


class Clock:
    """Wall and CPU seconds of the parts timed, added up."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> Clock:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


def floor_dumps(
    folder: Path, database: Any, run: int, *, openpyxl: bool = True, new_reading: bool = False
) -> dict[str, Any]:
    """The bare xlsxwriter and openpyxl dumps of the same rows, fed block by block: the reading
    (untimed for them) is timed apart, as what our export does beside writing."""
    import xlsxwriter
    from openpyxl import Workbook

    reading, bare, pyxl = Clock(), Clock(), Clock()
    with bare:
        book = xlsxwriter.Workbook(str(folder / f"b{run}.xlsx"), {"constant_memory": True})
        sheets = [book.add_worksheet(title) for title in SHEETS]
    with pyxl:
        other = Workbook(write_only=True)
        others = [other.create_sheet(title) for title in SHEETS]
    rows = [0] * len(SHEETS)
    blocks = export_blocks(database, new_reading=new_reading)
    while True:
        with reading:
            block = next(blocks, None)
        if block is None:
            break
        with bare:
            for index, block_rows in enumerate(block):
                sheet, at = sheets[index], rows[index]
                for offset, row in enumerate(block_rows):
                    sheet.write_row(at + offset, 0, row)
        with pyxl:
            for index, block_rows in enumerate(block if openpyxl else ()):
                append = others[index].append
                for row in block_rows:
                    append(row)
        for index, block_rows in enumerate(block):
            rows[index] += len(block_rows)
        del block
    with bare:
        book.close()
    with pyxl:
        if openpyxl:
            other.save(folder / f"p{run}.xlsx")
    return {"reading": reading, "bare": bare, "openpyxl": pyxl, "rows": rows}


def _new_blocks(database: Any, block: int) -> Any:
    from salesdesk.domain.queries import ClientQuery, ClientSort
    from salesdesk.services import exporting as e
    from salesdesk.store import UnitOfWork

    def naive(row: list[Any]) -> list[Any]:
        return [v.astimezone().replace(tzinfo=None) if isinstance(v, datetime) and v.tzinfo else v for v in row]

    with UnitOfWork(database).reading() as uow:
        ids = uow.listing.ids(ClientQuery(sort=ClientSort.NAME))
        rows = e._Rows({m.id: m.name for m in uow.managers.list()})
        for first in range(0, len(ids), block):
            sheets: list[list[list[Any]]] = [[] for _ in range(7)]
            for start in range(first, min(first + block, len(ids)), e.CHUNK):
                chunk = ids[start : start + e.CHUNK]
                people = uow.export_rows.people(chunk)
                deals = uow.export_rows.deals(chunk)
                reminders = uow.export_rows.reminders(chunk)
                history = uow.export_rows.interactions(chunk)
                trail = uow.export_rows.trail(chunk)
                attached = uow.attachments.list_for_clients(chunk)
                found = uow.export_rows.clients(chunk)
                for client in (found[i] for i in chunk if i in found):
                    sheets[0].append(naive(rows.client(client)))
                    sheets[1] += [naive(rows.contact(client, p)) for p in people.get(client.id, ())]
                    sheets[2] += [naive(rows.deal(client, d)) for d in deals.get(client.id, ())]
                    sheets[3] += [naive(rows.reminder(client, r)) for r in reminders.get(client.id, ())]
                    sheets[4] += [naive(rows.interaction(client, i)) for i in history.get(client.id, ())]
                    sheets[5] += [naive(rows.file(client, f)) for f in attached.get(client.id, ())]
                    sheets[6] += [naive(rows.change(r)) for r in trail.get(client.id, ())]
            yield sheets


def ours_reading(database: Any) -> int:
    """What our export reads and builds, nothing written: its rows, counted."""
    from salesdesk.domain.queries import ClientQuery, ClientSort
    from salesdesk.services import exporting as e
    from salesdesk.store import UnitOfWork

    count = 0
    with UnitOfWork(database).reading() as uow:
        ids = uow.listing.ids(ClientQuery(sort=ClientSort.NAME))
        rows = e._Rows({m.id: m.name for m in uow.managers.list()})
        for start in range(0, len(ids), e.CHUNK):
            chunk = ids[start : start + e.CHUNK]
            people = uow.export_rows.people(chunk)
            deals = uow.export_rows.deals(chunk)
            reminders = uow.export_rows.reminders(chunk)
            history = uow.export_rows.interactions(chunk)
            trail = uow.export_rows.trail(chunk)
            attached = uow.attachments.list_for_clients(chunk)
            found = uow.export_rows.clients(chunk)
            for client in (found[i] for i in chunk if i in found):
                built = [rows.client(client)]
                built += [rows.contact(client, p) for p in people.get(client.id, ())]
                built += [rows.deal(client, d) for d in deals.get(client.id, ())]
                built += [rows.reminder(client, r) for r in reminders.get(client.id, ())]
                built += [rows.interaction(client, i) for i in history.get(client.id, ())]
                built += [rows.file(client, f) for f in attached.get(client.id, ())]
                built += [rows.change(r) for r in trail.get(client.id, ())]
                count += len(built)
    return count


_CHILD = """
import sys
from pathlib import Path

def peak_mb():  # this process' own high-water mark (ru_maxrss would carry the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.services import exporting
from salesdesk.store import UnitOfWork, open_database, resolve_url
database = open_database(resolve_url(Path(sys.argv[1])))
with UnitOfWork(database).reading() as uow:
    ids = uow.listing.ids(ClientQuery(sort=ClientSort.NAME))
ids = ids[: len(ids) // int(sys.argv[3])]
before = peak_mb()
exporting.export_clients(UnitOfWork(database), Path(sys.argv[2]), ids=ids)
print(before, peak_mb())
"""


def child_rss(base: Path, out: Path, divisor: int) -> tuple[float, float]:
    """Peak RSS (MB) of a fresh process before and after exporting 1/*divisor* of the clients."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(base), str(out), str(divisor)],
        capture_output=True,
        text=True,
        check=True,
        cwd=common.REPO,
    )
    before, after = done.stdout.split()
    return float(before), float(after)


def demo_base(cache: Path, clients: int, seed: int) -> Path:
    """A demo base of *clients* clients with everything, built once and kept in *cache*."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"demo-{clients}.sqlite"
    if not path.exists():
        building = cache / f"demo-{clients}.building.sqlite"
        for leftover in cache.glob(building.name + "*"):
            leftover.unlink()
        print(f"building a demo base of {clients:,} clients in {cache} (kept for the next run) …", flush=True)
        seconds = common.build_demo_base(building, clients, seed)
        print(f"built in {seconds:.0f} s", flush=True)
        os.replace(building, path)
    return path


def measure_export(
    base: Path, folder: Path, repeat: int, *, openpyxl: bool = True, new_reading: bool = False
) -> dict[str, Any]:
    from salesdesk.domain.queries import ClientQuery
    from salesdesk.services import exporting
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    database = open_database(resolve_url(base))
    ours: list[Clock] = []
    floors: list[dict[str, Any]] = []
    reading: list[Clock] = []
    result = None
    for run in range(repeat):
        with Clock() as clock:
            result = exporting.export_clients(UnitOfWork(database), folder / f"o{run}.xlsx")
        ours.append(clock)
        floors.append(floor_dumps(folder, database, run, openpyxl=openpyxl, new_reading=new_reading))
        with Clock() as clock:
            ours_reading(database)
        reading.append(clock)
        for name in ("o", "b", "p"):
            (folder / f"{name}{run}.xlsx").unlink(missing_ok=True)
    assert result is not None
    written = sum(floors[0]["rows"])

    def med(clocks: list[Clock], what: str) -> float:
        return median([getattr(c, what) for c in clocks])

    part = {k: [f[k] for f in floors] for k in ("bare", "openpyxl", "reading")}
    lines = [
        ["floor: xlsxwriter constant-memory dump (write_row)", *(med(part["bare"], w) for w in ("wall", "cpu"))],
        ["openpyxl write-only dump (the writer before)", *(med(part["openpyxl"], w) for w in ("wall", "cpu"))],
        ["ours: export_clients (reads the base too)", *(med(ours, w) for w in ("wall", "cpu"))],
        ["  of which its reading alone (rows built, not written)", *(med(reading, w) for w in ("wall", "cpu"))],
        [
            "reading the export's own way, for the dumps"
            if new_reading
            else "reading before issue 17 (objects, rows), for the dumps",
            *(med(part["reading"], w) for w in ("wall", "cpu")),
        ],
    ]
    if not openpyxl:
        del lines[1]
    print(f"{written:,} rows: {', '.join(f'{n} {c:,}' for n, c in zip(SHEETS, floors[0]['rows'], strict=True) if c)}")
    print(table(["", "wall s", "CPU s"], lines, digits=2))
    wall_ratio = ratio(med(ours, "wall"), med(part["bare"], "wall"))
    cpu_ratio = ratio(med(ours, "cpu"), med(part["bare"], "cpu"))
    print(
        f"\nours / floor = {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU  (target ≤ 1.0)  "
        f"{verdict(max(wall_ratio, cpu_ratio) <= 1.0)}"
    )
    print(
        (
            f"openpyxl / floor = {ratio(med(part['openpyxl'], 'cpu'), med(part['bare'], 'cpu')):.2f} CPU; "
            if openpyxl
            else ""
        )
        + f"ours' writing ≈ ours − its reading = {med(ours, 'cpu') - med(reading, 'cpu'):.2f} s CPU"
    )

    with UnitOfWork(database).reading() as uow:
        every = uow.listing.ids(ClientQuery())
    traced = every[:100_000]
    peaks = []
    for share in (traced[: len(traced) // 10], traced):
        tracemalloc.start()
        exporting.export_clients(UnitOfWork(database), folder / "m.xlsx", ids=share)
        peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
    (folder / "m.xlsx").unlink(missing_ok=True)
    database.dispose()
    rss = [child_rss(base, folder / f"rss{d}.xlsx", d) for d in (10, 1)]
    print(
        f"memory peak (tracemalloc): {peaks[0]:.1f} MB for {len(traced) // 10:,} clients, "
        f"{peaks[1]:.1f} MB for {len(traced):,}  {verdict(peaks[1] < peaks[0] * 2)}"
    )
    print(
        f"peak RSS of a fresh process: {rss[0][1]:.0f} MB exporting {len(every) // 10:,} clients, "
        f"{rss[1][1]:.0f} MB exporting {len(every):,} (the process alone, opened base: {rss[1][0]:.0f} MB)  "
        f"{verdict(rss[1][1] - rss[1][0] < 2 * max(1.0, rss[0][1] - rss[0][0]) + 50)}"
    )
    return {
        "base": str(base),
        "rows": written,
        "rows_by_sheet": dict(zip(SHEETS, floors[0]["rows"], strict=True)),
        "outcome": result.as_json(),
        "ours": {"wall_s": [c.wall for c in ours], "cpu_s": [c.cpu for c in ours]},
        "ours_reading": {"wall_s": [c.wall for c in reading], "cpu_s": [c.cpu for c in reading]},
        **{k: {"wall_s": [c.wall for c in v], "cpu_s": [c.cpu for c in v]} for k, v in part.items()},
        "ratio_wall": wall_ratio,
        "ratio_cpu": cpu_ratio,
        "tracemalloc_peak_mb": peaks,
        "rss_mb": rss,
    }


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
    parser.add_argument(
        "--chain", action="store_true", help="every row shares one phone and e-mail (a chain's branches)"
    )
    parser.add_argument("--child-import", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--clients", type=int, default=None, help="export a demo base of N clients instead")
    parser.add_argument("--no-openpyxl", action="store_true", help="skip openpyxl's dump (1,000,000 clients)")
    parser.add_argument("--new-reading", action="store_true", help="feed the dumps by the export's own reading")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/bench1m_export"), help="where demo bases are kept")
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
        if not (args.export_only and args.clients is not None):  # the demo base needs no file
            write_file(path, make_rows(count, args.seed, chain=args.chain))
        if args.export_only and args.clients is None:
            ours_import(folder, path, 0)
        elif not args.export_only:
            shape = ", every row with the same phone and e-mail" if args.chain else ""
            heading(f"Import of {count:,} rows ({path.stat().st_size / 1e6:.1f} MB{shape})")
            results["import"] = measure_import(args, folder, path, count)

        if args.import_only:
            return _finish(args, count, results)
        if args.clients is not None:
            base = demo_base(args.cache, args.clients, args.seed)
            heading(f"Export of a demo base of {args.clients:,} clients")
        else:
            base = folder / "ours-0.sqlite"
            heading(f"Export of the imported base ({count:,} rows)")
        results["export"] = measure_export(
            base, folder, args.repeat, openpyxl=not args.no_openpyxl, new_reading=args.new_reading
        )
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
    helpers_peak = max(c["helpers_peak_mb"] for c in children)
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
        f"peak RSS {peak:.0f} MB (its own VmHWM; target ≤ 300)  {verdict(peak <= 300)}; "
        f"its worker process' peak {helpers_peak:.0f} MB beside it"
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
        "helpers_peak_mb": helpers_peak,
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
    cached = demo_base(args.cache, args.into, args.seed)
    big = folder / "big.sqlite"
    shutil.copyfile(cached, big)
    wall, child = import_process(path, big, folder)
    big.unlink()
    open_empty = median([c["open_s"] for c in empty])
    import_empty = median([c["import_s"] for c in empty])
    cpu_empty = median([c["cpu_s"] + c["helpers_cpu_s"] for c in empty])
    cpu_big = child["cpu_s"] + child["helpers_cpu_s"]
    print(
        table(
            ["base", "wall s", "opening s", "import itself s", "CPU s", "µs/row (import)", "peak MB"],
            [
                [
                    "empty",
                    empty_s,
                    open_empty,
                    import_empty,
                    cpu_empty,
                    import_empty / count * 1e6,
                    max(c["peak_mb"] for c in empty),
                ],
                [
                    f"{args.into:,} clients",
                    wall,
                    child["open_s"],
                    child["import_s"],
                    cpu_big,
                    child["import_s"] / count * 1e6,
                    child["peak_mb"],
                ],
            ],
            digits=2,
        )
    )
    slower = ratio(wall, empty_s)
    per_row = ratio(child["import_s"], import_empty)
    print(
        f"into {args.into:,} / into empty: per row (the import itself) {per_row:.2f}; whole process {slower:.2f} wall, "
        f"{ratio(cpu_big, cpu_empty):.2f} CPU (opening a big base includes its quick check, at most 3 s)"
    )
    return {"base": args.into, "wall_s": wall, "child": child, "ratio_wall": slower, "ratio_per_row": per_row}


def _finish(args: argparse.Namespace, count: int, results: dict[str, Any]) -> int:
    if not args.no_json:  # named by the clients of the demo base exported, else by the sheet's rows
        print(f"\nresults: {common.write_results('excel', args.clients or count, results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
