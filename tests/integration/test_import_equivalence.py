"""The fast import gives the results today's import gave, row for row (issue 17).

The import now looks up in the base only the stored clients that hold one of its rows' INNs,
phones, e-mails or name keys (``_Planner._load_index``, a hash join per key kind) instead of
loading every live client's identifiers. The reference kept here is the straightforward way: every
live client of the base in the identity index, in id order. Both run on the same generated files —
every kind of defect a manager's spreadsheet has (bad INN check digits, lost leading zeros, INNs as
numbers, phones in many shapes and bad ones, duplicates inside the file and against the base, a
base whose clients share identifiers, trashed clients and contact persons, bad dates, hostile and
huge values, empty rows, extra sheets) — into two identical bases, under every duplicate policy;
the plan, the report of each row and every table the import writes must be the same.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, text

from salesdesk.domain import duplicates
from salesdesk.domain.duplicates import IdentityIndex
from salesdesk.domain.requisites import inn_check_digits
from salesdesk.services import clients, importing
from salesdesk.services.importing import DuplicatePolicy, ImportOptions, NameMismatch
from salesdesk.store import Database, UnitOfWork, open_database, repositories, resolve_url, schema
from tests import server as test_server

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
HEADER = [
    "Наименование",
    "ИНН",
    "КПП",
    "Телефон",
    "Эл. почта",
    "Город",
    "Контактное лицо",
    "Должность",
    "Телефон контакта",
    "Дата рождения",
    "Отрасль",
    "Статус",
    "Ответственный",
    "Теги",
]
WORDS = ("Ромашка", "Вектор", "Ёлка", "Север", "Техно", "Альянс", "Орион", "Каскад")
FORMS = ("ООО", "АО", "ООО", "ИП", "")
CITIES = ("Москва", "  Санкт-Петербург ", "Уфа", "Казань\u00a0", "")
PEOPLE = ("Иванов Иван", "Петрова Анна", "Сидоров Пётр", "Кузнецова Ольга", "")


def inn10(rng: random.Random) -> str:
    stem = f"{rng.choice((77, 78, 2, 3, 5)):02d}{rng.randrange(10_000_000):07d}"
    return stem + inn_check_digits(stem)


def inn12(rng: random.Random) -> str:
    stem = f"{rng.choice((77, 50, 2)):02d}{rng.randrange(100_000_000):08d}"
    return stem + inn_check_digits(stem)


def phone(rng: random.Random) -> Any:
    area = rng.choice(("495", "812", "916", "903", "343"))
    digits = f"{rng.randrange(10_000_000):07d}"
    shapes = [
        f"8 ({area}) {digits[:3]}-{digits[3:5]}-{digits[5:]}",
        f"+7 {area} {digits}",
        float(f"8{area}{digits}"),  # typed as a number
        f"{area} {digits[:3]} {digits[3:5]} {digits[5:]}",
        f"+7({area}){digits[:3]}-{digits[3:5]}-{digits[5:]} доб. 12",
        "123-45-67",  # no area code: refused
        "+49 30 1234567",  # a foreign number
        "позвонить Ивану",  # letters
        "８ ４９５ １２３ ４５ ６７",  # full-width digits
        "",
    ]
    return rng.choice(shapes[:5]) if rng.random() < 0.85 else rng.choice(shapes[5:])  # most are good


def name(rng: random.Random, i: int) -> str:
    form = rng.choice(FORMS)
    core = f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
    return f"{form} «{core}»" if form else core


def make_rows(rng: random.Random, count: int, pool: list[list[Any]]) -> list[list[Any]]:
    """*count* rows with every kind of defect; *pool*: rows of the base, some of which come again."""
    rows: list[list[Any]] = []
    for i in range(count):
        roll = rng.random()
        if pool and roll < 0.12:  # a client of the base again, changed a little
            row = list(rng.choice(pool))
            row[5] = rng.choice(CITIES)
            if rng.random() < 0.3:
                row[0] = name(rng, i)  # same INN or phone, another name
            if rng.random() < 0.4:
                row[1] = ""  # matched by phone, e-mail or name instead
                if rng.random() < 0.5:
                    row[3] = ""
            if rng.random() < 0.3 and row[6] and row[8]:  # the phone of the stored client's contact person
                row[0], row[1], row[3], row[4], row[8] = name(rng, i), "", row[8], "", ""
            rows.append(row)
            continue
        if rows and roll < 0.22:  # a duplicate inside the file
            row = list(rng.choice(rows))
            row[6] = rng.choice(PEOPLE)
            if rng.random() < 0.5:
                row[2] = ""  # KPP left out
            roll = rng.random()
            if roll < 0.5:
                row[1] = ""  # no INN: matched by phone, e-mail or name
            if roll < 0.3:
                row[3] = ""
            if roll < 0.15:
                row[4] = ""
            rows.append(row)
            continue
        if roll < 0.25:
            rows.append([None] * len(HEADER))  # an empty row
            continue
        sole = rng.random() < 0.2
        inn = inn12(rng) if sole else inn10(rng)
        inn_cell: Any = inn
        kind = rng.random()
        if kind < 0.3:
            inn_cell = float(inn)  # kept as a number; a leading zero (region 02-05) is lost
        elif kind < 0.35:
            inn_cell = inn[:-1] + str((int(inn[-1]) + 1) % 10)  # wrong check digit
        elif kind < 0.38:
            inn_cell = f"{float(inn):.5E}"  # shown in exponent form: digits lost
        elif kind < 0.42:
            inn_cell = inn.lstrip("0")  # leading zero lost in text
        elif kind < 0.45:
            inn_cell = ""
        birth = rng.choice(["15.03.1985", "1985-03-15", "31.02.1990", "когда-то", "01.01.2199", *[""] * 5])
        long_name = rng.random() < 0.02
        row = [
            ("Я" * 600) if long_name else (f"ИП {rng.choice(PEOPLE) or 'Орлов Олег'}" if sole else name(rng, i)),
            inn_cell,
            "" if sole else rng.choice([f"{inn[:4]}01001", float(f"{inn[:4]}01001"), "77010100", ""]),
            phone(rng),
            rng.choice([f"info{i % 50}@{rng.choice(WORDS).lower()}.ru", "Sales@Example.COM ", "не почта", ""]),
            rng.choice(CITIES),
            rng.choice(PEOPLE),
            rng.choice(("Директор", "Бухгалтер", "", '=HYPERLINK("x")')),
            phone(rng),
            birth,
            rng.choice(("62.01", "Торговля", "J", "01.02.2024", "", "62.01 Разработка ПО")),
            rng.choice(("Лид", "Действующий", "active", "непонятно", "")),
            rng.choice(("Смирнова Елена", "Орлов", "", "")),
            rng.choice(("vip, опт", "опт;опт", "", "тег\u200b, " + "x" * 200)),
        ]
        rows.append(row)
    return rows


def write_book(path: Path, rows: list[list[Any]], *, extra_sheets: bool) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Клиенты"
    sheet.append(["Список клиентов на 07.12.2026"])  # a title row above the header
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if extra_sheets:
        notes = book.create_sheet("Заметки")
        notes.append(["что-то", "ещё"])
        book.create_sheet("Пустой")
    book.save(path)


def other_url(tmp_path: Path) -> Iterator[str]:
    if not test_server.ON_POSTGRES:
        yield resolve_url(tmp_path / "reference.sqlite")
        return
    url = test_server.server().migrated()
    yield url
    test_server.server().drop(url)


@pytest.fixture
def reference_database(tmp_path: Path) -> Iterator[Database]:
    for url in other_url(tmp_path):
        database = open_database(url)
        yield database
        database.dispose()


def seed(database: Database, folder: Path, rng: random.Random) -> list[list[Any]]:
    """The same base in both: clients from a file (some sharing identifiers), some trashed."""
    pool = [r for r in make_rows(rng, 60, []) if r[0]]
    # stored clients that share a phone, an e-mail or a name with another stored client
    for row in pool[:6]:
        twin = list(row)
        twin[0], twin[1], twin[2] = name(rng, 0), "", ""
        pool.append(twin)
    path = folder / "seed.xlsx"
    write_book(path, pool, extra_sheets=False)
    importing.run_import(
        UnitOfWork(database), path, ImportOptions(on_duplicate=DuplicatePolicy.CREATE), error_dir=folder, now=NOW
    )
    with database.engine.connect() as conn:
        live = [int(i) for i in conn.execute(text("SELECT id FROM clients ORDER BY id")).scalars()]
    for ident in live[::9]:
        clients.trash_client(UnitOfWork(database), ident, now=NOW)
    return pool


def dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    tables = (
        "clients",
        "contacts",
        "contact_channels",
        "confirmations",
        "client_tags",
        "industries",
        "managers",
        "deals",
        "reminders",
        "interactions",
    )
    out: dict[str, list[tuple[Any, ...]]] = {}
    with database.engine.connect() as conn:
        for table in tables:
            rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()
            out[table] = sorted((tuple((k, _value(k, v)) for k, v in sorted(r.items())) for r in rows), key=str)
    return out


def _value(column: str, value: object) -> str:
    """A stamp the import set (NOW, LATER) is compared; one the clock set elsewhere (the base's
    own industries, the trash) is not the import's doing."""
    shown = str(value)
    if (
        column.endswith("_at")
        and value is not None
        and not shown.startswith(("2026-12-07 09:00:00", "2026-12-07 10:00:00"))
    ):
        return "(clock)"
    return shown


def full_index(self: importing._Planner, rows: list[Any]) -> None:
    """Today's way: every live client of the base in the identity index."""
    self.uow.clients.identity_index(self.index)


@pytest.mark.parametrize(
    ("seed_value", "policy", "mismatch"),
    [
        (1, DuplicatePolicy.UPDATE_EMPTY, None),
        (2, DuplicatePolicy.OVERWRITE, None),
        (3, DuplicatePolicy.SKIP, None),
        (4, DuplicatePolicy.CREATE, None),
        (5, DuplicatePolicy.UPDATE_EMPTY, NameMismatch.SKIP),
        (6, DuplicatePolicy.UPDATE_EMPTY, NameMismatch.RENAME),
    ],
)
def test_new_path_gives_what_the_reference_gives(
    tmp_path: Path,
    database: Database,
    reference_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    seed_value: int,
    policy: DuplicatePolicy,
    mismatch: NameMismatch | None,
) -> None:
    pools = [seed(db, tmp_path, random.Random(seed_value)) for db in (database, reference_database)]
    assert pools[0] == pools[1]
    rows = make_rows(random.Random(seed_value * 100), 400, pools[0])
    path = tmp_path / "клиенты.xlsx"
    write_book(path, rows, extra_sheets=True)
    options = ImportOptions(on_duplicate=policy, on_name_mismatch=mismatch)

    with monkeypatch.context() as patched:
        patched.setattr(importing, "BATCH", 37)  # many batches, each indexed for search on its own
        new = importing.run_import(UnitOfWork(database), path, options, error_dir=tmp_path / "new", now=LATER)
    with monkeypatch.context() as patched:
        patched.setattr(importing._Planner, "_load_index", full_index)
        old = importing.run_import(UnitOfWork(reference_database), path, options, error_dir=tmp_path / "old", now=LATER)

    assert new.as_json() | {"error_file": None} == old.as_json() | {"error_file": None}
    assert (new.plan.new_industries, new.plan.new_managers) == (old.plan.new_industries, old.plan.new_managers)
    # the file is defect-rich enough to mean something: every fate and kind of match is there
    fates = {r.fate for r in new.plan.rows}
    assert {importing.Fate.NEW, importing.Fate.ERROR} <= fates
    if policy is not DuplicatePolicy.CREATE:
        assert len({r.matched_by for r in new.plan.rows} - {""}) >= 2  # matched by two kinds of key at least
        assert any(r.client_id for r in new.plan.rows)  # matched stored clients
        assert any(r.duplicate_of and not r.client_id for r in new.plan.rows)  # matched earlier rows
    assert new.repaired and new.rejected
    assert dump(database) == dump(reference_database)
    if database.engine.dialect.name == "sqlite":  # FTS5 compares its index with the clients' columns
        with database.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 1)")
    # the search index, filled batch by batch, finds every client the import created
    created = [r for r in new.as_json()["rows"] if r["fate"] == "new"]
    assert created
    names = {w for r in created for w in r["name"].replace("«", " ").replace("»", " ").split()}
    for word in sorted(w for w in names if len(w) >= 4 and not w.isupper())[:12]:  # no legal forms
        found = [clients.search_clients(UnitOfWork(db), word, limit=1000) for db in (database, reference_database)]
        assert [row.id for row in found[0].rows] == [row.id for row in found[1].rows]
        assert found[0].total == found[1].total > 0
    with UnitOfWork(database).reading() as uow:
        every = uow.clients.count_live()
    for row in created[:: max(1, len(created) // 20)]:
        page = clients.search_clients(UnitOfWork(database), row["name"], limit=every)
        assert page.total >= 1, row["name"]
    for result, folder in ((new, "new"), (old, "old")):
        assert result.error_file is not None and result.error_file.parent == tmp_path / folder
    rejected = [openpyxl.load_workbook(r.error_file, read_only=True) for r in (new, old) if r.error_file]
    assert [list(b.worksheets[0].values) for b in rejected[:1]] == [list(b.worksheets[0].values) for b in rejected[1:]]


def test_the_index_holds_only_the_stored_clients_a_row_can_match(
    tmp_path: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into a big base the plan reads the clients whose identifiers the file carries, not all."""
    seed(database, tmp_path, random.Random(7))
    path = tmp_path / "one.xlsx"
    write_book(path, [["ООО «Совсем Новый»", "", "", "", "", "", "", "", "", "", "", "", "", ""]], extra_sheets=False)
    held: list[int] = []
    original = importing._Planner._load_index

    def spy(self: importing._Planner, rows: list[Any]) -> None:
        original(self, rows)
        held.append(len(self.index.inn_of) + len(self.index.by_name))

    monkeypatch.setattr(importing._Planner, "_load_index", spy)
    result = importing.plan_import(UnitOfWork(database), path)
    assert [r.fate for r in result.rows] == [importing.Fate.NEW]
    assert held == [0]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_rows_checked_in_worker_processes_give_what_rows_checked_here_give(
    tmp_path: Path,
    database: Database,
    reference_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """A big sheet's rows are checked a block at a time in worker processes (and a share here);
    the plan, every row's report in the program's language, the error file and the tables are
    what checking every row here gives."""
    from salesdesk.domain import messages
    from salesdesk.services import derivation

    pools = [seed(db, tmp_path, random.Random(11)) for db in (database, reference_database)]
    rows = make_rows(random.Random(1100), 300, pools[0])
    path = tmp_path / "клиенты.xlsx"
    write_book(path, rows, extra_sheets=True)
    monkeypatch.setattr(messages, "_language", language)
    sent: list[int] = []
    run = derivation.Workers.run

    def counted(self: derivation.Workers, fn: Any, *args: object) -> Any:
        future = run(self, fn, *args)
        sent.append(future is not None)
        return future

    with monkeypatch.context() as patched:
        patched.setattr(derivation, "PROCESS_THRESHOLD", 0)
        patched.setattr(importing, "PARSE_BLOCK", 37)  # blocks end mid-way through duplicates and bad rows
        patched.setattr(derivation.Workers, "run", counted)
        far = importing.run_import(UnitOfWork(database), path, error_dir=tmp_path / "far", now=LATER)
    here = importing.run_import(UnitOfWork(reference_database), path, error_dir=tmp_path / "here", now=LATER)

    assert sum(sent) >= 4  # blocks of rows (and batches of cards) went to a worker process
    assert far.as_json() | {"error_file": None} == here.as_json() | {"error_file": None}
    problems = [p for r in far.plan.rows for p in (*r.reasons, *r.repaired)]
    said, other = ("ИНН", "INN") if language == "ru" else ("INN", "ИНН")
    assert any(said in p for p in problems) and not any(other in p for p in problems)
    assert dump(database) == dump(reference_database)
    rejected = [openpyxl.load_workbook(r.error_file, read_only=True) for r in (far, here) if r.error_file]
    assert len(rejected) == 2
    assert list(rejected[0].worksheets[0].values) == list(rejected[1].worksheets[0].values)


def test_the_stored_name_key_follows_the_name_on_every_save(tmp_path: Path, database: Database) -> None:
    """``clients.name_key`` (what an import finds stored clients by) is written with the card: an
    import's new and updated clients, a card created and renamed by hand."""
    from salesdesk.domain.duplicates import name_key
    from salesdesk.domain.model import ClientFields

    pool = seed(database, tmp_path, random.Random(21))
    path = tmp_path / "клиенты.xlsx"
    write_book(path, make_rows(random.Random(2100), 120, pool), extra_sheets=False)
    importing.run_import(
        UnitOfWork(database), path, ImportOptions(on_name_mismatch=NameMismatch.RENAME), error_dir=tmp_path, now=LATER
    )
    made = clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ёлка»"))
    clients.update_client(UnitOfWork(database), made.id, made.version, ClientFields(name="АО  «Квант-2»"))
    with database.engine.connect() as conn:
        stored = conn.execute(text("SELECT name, name_key FROM clients")).all()
    assert len(stored) > 20
    assert [key for _, key in stored] == [name_key(name) for name, _ in stored]
    assert ("АО «Квант-2»", "ао квант 2") in [tuple(r) for r in stored]


@pytest.mark.parametrize("one_statement", [True, False], ids=["json-array", "in-chunks"])
def test_a_lookup_by_keys_finds_the_holders_the_whole_base_gives(
    tmp_path: Path, database: Database, monkeypatch: pytest.MonkeyPatch, one_statement: bool
) -> None:
    """Every key looked up has the holders, in the order, that reading the whole base gives: keys
    sent as JSON arrays (SQLite) and as lists of parameters (other databases, or a SQLite without
    JSON), both cut into chunks small enough that the holders come from several statements."""
    seed(database, tmp_path, random.Random(11))
    if not one_statement:
        monkeypatch.setattr("sqlite3.sqlite_version_info", (3, 37, 0))
        monkeypatch.setattr(repositories, "ID_CHUNK", 3)
    else:
        monkeypatch.setattr(repositories, "JSON_CHUNK", 4)
    rng = random.Random(12)
    whole, part = IdentityIndex(), IdentityIndex()
    with UnitOfWork(database).reading() as uow:
        uow.clients.identity_index(whole)
        asked = {
            kind: [k for k in sorted(held) if rng.random() < 0.7] + ["", "нет-такого", "+70000000000"]
            for kind, held in (
                ("inns", whole.by_inn),
                ("phones", whole.by_phone),
                ("emails", whole.by_email),
                ("names", whole.by_name),
            )
        }
        uow.clients.identity_index(part, **asked)
    assert all(len(keys) >= 3 + 2 for keys in asked.values())  # two real keys of each kind at least
    for kind, index_of in (("inns", "by_inn"), ("phones", "by_phone"), ("emails", "by_email"), ("names", "by_name")):
        for key in asked[kind]:
            assert getattr(part, index_of).get(key) == getattr(whole, index_of).get(key), (kind, key)
    assert set(part.inn_of.items()) <= set(whole.inn_of.items())


def test_a_key_with_a_nul_character_is_matched_exactly(tmp_path: Path, database: Database) -> None:
    """SQLite's json_each cuts a text short at a NUL character: such keys go as parameters.
    (PostgreSQL keeps no NUL in a text at all; an import's keys never hold one either.)"""
    if database.engine.dialect.name != "sqlite":
        pytest.skip("a SQLite matter: PostgreSQL refuses a NUL in a text")
    seed(database, tmp_path, random.Random(13))
    with database.engine.begin() as conn:
        ident = conn.execute(text("SELECT min(id) FROM clients WHERE deleted_at IS NULL")).scalar_one()
        conn.execute(text("UPDATE clients SET inn = 'a' WHERE id = :id"), {"id": ident})
    c = schema.clients.c
    with UnitOfWork(database).reading() as uow:
        assert uow.clients._holding(select(c.id), c.inn, ["a\x00"]) == []
        assert [r.id for r in uow.clients._holding(select(c.id), c.inn, ["a", "a\x00"])] == [ident]


@pytest.mark.parametrize("policy", [DuplicatePolicy.UPDATE_EMPTY, DuplicatePolicy.OVERWRITE, DuplicatePolicy.SKIP])
def test_a_chain_whose_branches_share_identifiers_imports_as_without_crowds(
    tmp_path: Path,
    database: Database,
    reference_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    policy: DuplicatePolicy,
) -> None:
    """Rows sharing a call-centre phone, an office e-mail, a name or an INN (branches with their
    own KPPs; with and without INNs, in a base that holds some of them) are matched through the
    index's crowds as by reading every holder: the same fates, matches and tables."""
    pools = [seed(db, tmp_path, random.Random(21)) for db in (database, reference_database)]
    rng = random.Random(22)
    rows: list[list[Any]] = []
    for i in range(240):
        inn = (inn10(rng) if rng.random() < 0.85 else inn12(rng)) if rng.random() < 0.6 else ""
        kpp = ""
        if rng.random() < 0.3:  # a branch of one company: the same INN, its own KPP or none
            inn, kpp = "7707083893", rng.choice(["", "770701001", f"7707{i % 7:02d}001", f"7707{i:05d}"])
        name = rng.choice(["ООО «Ромашка»", "ИП Иванов", f"ООО «Филиал {i}»", f"ООО «Филиал {i // 3}»"])
        phone_cell = rng.choice(["8 800 555-35-35", "+7 495 123-45-67", f"8 916 {rng.randrange(10**7):07d}"])
        mail = rng.choice(["info@chain.ru", "", f"b{i}@chain.ru"])
        rows.append([name, inn, kpp, phone_cell, mail, "", rng.choice(PEOPLE), "", "", "", "", "", "", ""])
    rows.extend(list(r) for r in pools[0][:10])  # stored clients come again
    path = tmp_path / "сеть.xlsx"
    write_book(path, rows, extra_sheets=False)
    options = ImportOptions(on_duplicate=policy)
    with monkeypatch.context() as patched:
        patched.setattr(duplicates, "CROWDED", 3)
        new = importing.run_import(UnitOfWork(database), path, options, error_dir=tmp_path / "new", now=LATER)
    with monkeypatch.context() as patched:
        patched.setattr(duplicates, "CROWDED", 10**9)  # no crowds: every holder read
        old = importing.run_import(UnitOfWork(reference_database), path, options, error_dir=tmp_path / "old", now=LATER)
    assert new.as_json() | {"error_file": None} == old.as_json() | {"error_file": None}
    assert sum(1 for r in new.plan.rows if r.duplicate_of or r.client_id) > 30  # the crowds were used
    assert dump(database) == dump(reference_database)
