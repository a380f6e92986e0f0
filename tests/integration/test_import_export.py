"""Import and export of the client base through the services, with real files."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from salesdesk.domain.model import ClientFields, ClientKind
from salesdesk.files.errors import FileProblem
from salesdesk.services import clients, demo, exporting, importing
from salesdesk.services.common import Cancelled
from salesdesk.services.importing import DuplicatePolicy, Fate, ImportOptions
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

Uow = Callable[[], UnitOfWork]


def workbook(path: Path, rows: list[list[object]], title: str = "Лист1") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


MANAGERS_SHEET = [
    ["Список клиентов отдела продаж"],  # a title above the header, as people do
    [],
    ["Наименование", "ИНН", "КПП", "Тел.", "Эл. почта", "Контактное лицо", "Должность", "Отрасль", "Статус"],
    [
        "ООО «Ёлка»",
        7707083893,
        773601001,
        "8 (495) 123-45-67",
        "info@elka.ru",
        "Иванов Иван",
        "Директор",
        "Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов",
        "Действующий",
    ],
    ["ИП Сидоров", "776263190162", None, 89161234567, "", "", "", "F", ""],
    ["ООО «Башкирия»", 274062111, 27401001, "+7 (347) 222-33-44", "", "", "", "", "Лид"],  # lost zeros
    ["АО «Ошибка»", 7707083894, "", "123-45-67", "не почта", "", "", "", ""],  # three wrong fields
    ["ООО «Ёлка» (дубль)", "7707083893", "773601001", "", "", "Петрова Мария", "Бухгалтер", "", ""],
    ["", "", "", "", "", "", "", "", ""],
    ["ООО «Без ИНН»", "", "", "+7 495 555-66-77", "", "", "", "Совсем новая отрасль", "prospect"],
]


def test_a_managers_spreadsheet_imports_with_repairs_duplicates_and_an_error_file(uow: Uow, tmp_path: Path) -> None:
    path = workbook(tmp_path / "Клиенты.xlsx", MANAGERS_SHEET)
    result = importing.run_import(uow(), path)
    assert (result.created, result.updated, result.rejected, result.repaired) == (4, 0, 1, 1)
    fates = {r.line: r.fate for r in result.plan.rows}
    assert fates == {4: Fate.NEW, 5: Fate.NEW, 6: Fate.NEW, 7: Fate.ERROR, 8: Fate.UPDATE, 10: Fate.NEW}
    assert result.plan.header_row == 2

    repaired = next(r for r in result.plan.rows if r.line == 6)
    assert repaired.repaired == ("INN 274062111 → 0274062111", "KPP 27401001 → 027401001")
    [bashkiria] = clients.search_clients(uow(), "башкирия").rows
    assert bashkiria.inn == "0274062111"

    [elka] = clients.search_clients(uow(), "ёлка").rows
    card = clients.get_client(uow(), elka.id)
    assert card.status.value == "active" and card.industry_name.startswith("Торговля")
    from salesdesk.services import contacts

    assert sorted(p.full_name for p in contacts.list_contacts(uow(), elka.id)) == ["Иванов Иван", "Петрова Мария"]
    sidorov = clients.get_client(uow(), clients.search_clients(uow(), "сидоров").rows[0].id)
    assert (sidorov.kind, sidorov.phone, sidorov.phone_e164, sidorov.industry_name) == (
        ClientKind.SOLE_TRADER,
        "89161234567",
        "+79161234567",
        "Строительство",
    )
    assert clients.search_clients(uow(), "без инн").rows[0].industry_name == "Совсем новая отрасль"

    assert result.error_file is not None and result.error_file.exists()
    errors = openpyxl.load_workbook(result.error_file, read_only=True)
    rows = list(errors.active.values)
    assert rows[0][-1] == "Error" and rows[0][:2] == ("Наименование", "ИНН")
    assert rows[1][0] == "АО «Ошибка»" and rows[1][1] == "7707083894"  # the original digits, as text
    reason = rows[1][-1]
    assert "INN 7707083894: wrong check digit" in reason and "Phone" in reason and "E-mail" in reason


def test_the_same_file_twice_changes_nothing_the_second_time(uow: Uow, tmp_path: Path, database: Database) -> None:
    path = workbook(tmp_path / "base.xlsx", MANAGERS_SHEET)
    importing.run_import(uow(), path)
    with database.engine.connect() as conn:
        before = conn.exec_driver_sql("SELECT id, version, updated_at FROM clients ORDER BY id").all()
    again = importing.run_import(uow(), path)
    assert (again.created, again.updated, again.skipped) == (0, 0, 5)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT id, version, updated_at FROM clients ORDER BY id").all() == before


@pytest.mark.parametrize(
    ("policy", "expected_city", "created"),
    [
        (DuplicatePolicy.UPDATE_EMPTY, "Москва", 0),
        (DuplicatePolicy.OVERWRITE, "Тула", 0),
        (DuplicatePolicy.SKIP, "Москва", 0),
        (DuplicatePolicy.CREATE, "Москва", 1),
    ],
)
def test_duplicate_policies(
    uow: Uow, tmp_path: Path, policy: DuplicatePolicy, expected_city: str, created: int
) -> None:
    ident = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893", city="Москва")).id
    path = workbook(
        tmp_path / "x.xlsx",
        [["Название", "ИНН", "Город", "Примечание"], ["Ёлка", "7707083893", "Тула", "Новый комментарий"]],
    )
    result = importing.run_import(uow(), path, ImportOptions(on_duplicate=policy))
    assert result.created == created
    card = clients.get_client(uow(), ident)
    assert card.city == expected_city
    assert card.notes == ("" if policy in (DuplicatePolicy.SKIP, DuplicatePolicy.CREATE) else "Новый комментарий")


def test_dry_run_and_preview_write_nothing(uow: Uow, tmp_path: Path) -> None:
    path = workbook(tmp_path / "base.xlsx", MANAGERS_SHEET)
    plan = importing.plan_import(uow(), path)
    assert plan.count(Fate.NEW) == 4 and plan.new_industries == ("Совсем новая отрасль",)
    result = importing.run_import(uow(), path, dry_run=True)
    assert result.created == 4
    assert clients.count_clients(uow()) == 0


def test_a_cancelled_import_leaves_the_base_as_it_was(uow: Uow, tmp_path: Path, database: Database) -> None:
    source = open_database(resolve_url(tmp_path / "source.sqlite"))
    demo.load_demo(UnitOfWork(source), 4500, seed=11)
    exported = exporting.export_clients(UnitOfWork(source), tmp_path / "big.xlsx").path
    source.dispose()
    clients.create_client(uow(), ClientFields(name="ООО «Было до импорта»"))
    indexes = _indexes(database)

    class CancelWhileWriting:
        def __init__(self) -> None:
            self.calls = 0

        def progress(self, done: int, total: int) -> None:
            self.calls += 1

        def cancelled(self) -> bool:
            return self.calls >= 1  # after the first batch went in

    with pytest.raises(Cancelled):
        importing.run_import(uow(), exported, reporter=CancelWhileWriting())
    assert clients.count_clients(uow()) == 1
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM managers").scalar() == 0
    assert _indexes(database) == indexes
    # and the base works as before: a card is found by the indexes that came back
    ident = clients.create_client(uow(), ClientFields(name="ООО «После отмены»", inn="7707083893")).id
    assert [c.id for c in clients.search_clients(uow(), "7707083893").rows] == [ident]


def _indexes(database: Database) -> list[tuple[str, str]]:
    """Every index of the base with its definition."""
    with database.engine.connect() as conn:
        if database.is_sqlite:
            query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        else:
            query = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
        return [(str(name), str(sql)) for name, sql in conn.exec_driver_sql(query)]


def test_export_round_trips_into_an_empty_base_and_back_home_as_no_changes(tmp_path: Path) -> None:
    source = open_database(resolve_url(tmp_path / "source.sqlite"))
    target = open_database(resolve_url(tmp_path / "target.sqlite"))
    try:
        demo.load_demo(UnitOfWork(source), 400, seed=3)
        exported = exporting.export_clients(UnitOfWork(source), tmp_path / "export.xlsx")
        assert exported.clients == 400 and exported.contacts > 0 and exported.deals > 0

        indexes = _indexes(target)
        result = importing.run_import(UnitOfWork(target), exported.path)
        assert (result.created, result.rejected, result.updated) == (400, 0, 0)
        assert _snapshot(source) == _snapshot(target)
        assert _indexes(target) == indexes

        home = importing.run_import(UnitOfWork(source), exported.path)
        assert (home.created, home.updated, home.rejected, home.skipped) == (0, 0, 0, 400)
        again = importing.run_import(UnitOfWork(target), exported.path)
        assert (again.created, again.updated) == (0, 0)
    finally:
        source.dispose()
        target.dispose()


def test_the_demo_base_round_trips_with_its_contact_history_and_again_changes_nothing(tmp_path: Path) -> None:
    """Every client, contact person, deal, reminder and interaction comes back, counts and content."""
    source = open_database(resolve_url(tmp_path / "source.sqlite"))
    target = open_database(resolve_url(tmp_path / "target.sqlite"))
    try:
        demo.load_demo(UnitOfWork(source), 300, seed=5)
        exported = exporting.export_clients(UnitOfWork(source), tmp_path / "export.xlsx")
        counts = _counts(source)
        assert counts["interactions"] > 0 and exported.interactions == counts["interactions"]
        assert (exported.clients, exported.contacts, exported.deals, exported.reminders) == (
            counts["clients"],
            counts["contacts"],
            counts["deals"],
            counts["reminders"],
        )

        importing.run_import(UnitOfWork(target), exported.path)
        assert _counts(target) == counts
        assert _snapshot(target) == _snapshot(source)

        before = _snapshot(target)
        again = importing.run_import(UnitOfWork(target), exported.path)
        assert (again.created, again.updated, again.rejected) == (0, 0, 0)
        assert _counts(target) == counts and _snapshot(target) == before
    finally:
        source.dispose()
        target.dispose()


def _counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as conn:
        return {
            table: conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").scalar_one()
            for table in ("clients", "contacts", "deals", "reminders", "interactions")
        }


def _snapshot(database: Database) -> list[object]:
    queries = [
        "SELECT kind, name, full_name, inn, kpp, ogrn, phone, email, legal_address, postal_address, city, status,"
        " source, tags, notes, bank_name, bik, account, corr_account, completeness, missing,"
        " (SELECT name FROM industries i WHERE i.id = c.industry_id),"
        " (SELECT name FROM managers m WHERE m.id = c.owner_id)"
        " FROM clients c ORDER BY inn, name, phone",
        "SELECT c.inn, c.name, p.full_name, p.position, p.birth_date, p.is_primary, p.note FROM contacts p"
        " JOIN clients c ON c.id = p.client_id ORDER BY 1, 2, 3",
        "SELECT c.inn, c.name, d.title, d.amount_minor, d.currency, d.stage, d.opened_on, d.closed_on, d.contract_end,"
        " d.lost_reason, (SELECT name FROM managers m WHERE m.id = d.owner_id)"
        " FROM deals d JOIN clients c ON c.id = d.client_id ORDER BY 1, 2, 3, 7",
        "SELECT c.inn, c.name, r.text, r.due_at, r.recurrence, r.done_at,"
        " (SELECT name FROM managers m WHERE m.id = r.manager_id) FROM reminders r JOIN clients c"
        " ON c.id = r.client_id ORDER BY 1, 2, 4, 3",
        "SELECT c.inn, c.name, i.occurred_at, i.kind, i.summary, i.result,"
        " (SELECT name FROM managers m WHERE m.id = i.manager_id) FROM interactions i JOIN clients c"
        " ON c.id = i.client_id ORDER BY 1, 2, 3, 4, 5",
        "SELECT value, value_norm FROM contact_channels ORDER BY 1",
        "SELECT name FROM managers ORDER BY 1",
    ]
    with database.engine.connect() as conn:
        return [conn.exec_driver_sql(q).all() for q in queries]


def test_csv_export_is_injection_safe_and_imports_back(uow: Uow, tmp_path: Path) -> None:
    for name, notes in (('=HYPERLINK("http://evil")', "+cmd"), ("@SUM(A1)", "-1"), ("ＯＯＯ ＝1+1", "\tтаб")):
        clients.create_client(uow(), ClientFields(name=name, notes=notes, phone="+7 495 123-45-67"))
    path = exporting.export_clients(uow(), tmp_path / "клиенты.csv").path
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    cells = [cell for row in csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";") for cell in row]
    dangerous = [c for c in cells if c and c[0] in "=+-@\t"]
    assert dangerous == []
    assert '\'=HYPERLINK("http://evil")' in cells and "'+7 495 123-45-67" in cells
    other = open_database(resolve_url(tmp_path / "other.sqlite"))
    try:
        result = importing.run_import(UnitOfWork(other), path)
        assert result.created == 3
        names = sorted(r.name for r in clients.list_clients(UnitOfWork(other)).rows)
        assert '=HYPERLINK("http://evil")' in names
    finally:
        other.dispose()


def test_xlsx_export_never_writes_a_formula_and_keeps_identifiers_as_text(uow: Uow, tmp_path: Path) -> None:
    clients.create_client(
        uow(), ClientFields(name="=1+2", inn="0274062111", phone="84951234567", notes="=cmd|' /C calc'!A0")
    )
    path = exporting.export_clients(uow(), tmp_path / "out.xlsx").path
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert [ws.title for ws in book.worksheets] == [
        "Clients",
        "Contact persons",
        "Deals",
        "Reminders",
        "Contact history",
        "Files",
        "Change history",
    ]
    trail = book["Change history"]
    created = {trail[1][i].value: cell for i, cell in enumerate(trail[2])}
    assert created["After"].value == "=1+2" and created["After"].data_type == "s"  # the trail too
    header = [c.value for c in sheet[1]]
    row = {header[i]: cell for i, cell in enumerate(sheet[2])}
    assert row["Name"].value == "=1+2" and row["Name"].data_type == "s"
    assert row["Notes"].data_type == "s"
    assert row["INN"].value == "0274062111" and row["INN"].data_type == "s"
    assert row["Phone"].value == "84951234567" and row["Phone"].data_type == "s"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet[1][0].font.bold


def test_export_of_a_filter_and_of_a_selection(uow: Uow, tmp_path: Path) -> None:
    from salesdesk.domain.queries import ClientQuery

    ids = [clients.create_client(uow(), ClientFields(name=n)).id for n in ("ООО «Ромашка»", "ООО «Ёлка»", "АО «Вега»")]
    by_filter = exporting.export_clients(uow(), tmp_path / "f.xlsx", query=ClientQuery(text="ромашка"))
    by_selection = exporting.export_clients(uow(), tmp_path / "s.xlsx", ids=ids[1:])
    assert (by_filter.clients, by_selection.clients) == (1, 2)
    names = [r[1] for r in openpyxl.load_workbook(by_selection.path, read_only=True).worksheets[0].values][1:]
    assert names == ["ООО «Ёлка»", "АО «Вега»"]


def test_russian_export_headers_import_in_english_too(uow: Uow, tmp_path: Path, lang: None) -> None:
    from salesdesk.domain import messages

    clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893", kind=ClientKind.LEGAL))
    messages.set_language("ru")
    path = exporting.export_clients(uow(), tmp_path / "ru.xlsx").path
    assert openpyxl.load_workbook(path, read_only=True).sheetnames[0] == "Клиенты"
    messages.set_language("en")
    plan = importing.plan_import(uow(), path)
    assert set(plan.mapping.values()) >= {
        "client_no",
        "name",
        "inn",
        "kind",
        "status",
        "industry",
        "owner",
        "account",
        "corr_account",
        "ogrn",
    }
    assert plan.count(Fate.UNCHANGED) == 1


def test_saved_mapping_is_reused(uow: Uow, tmp_path: Path) -> None:
    path = workbook(tmp_path / "odd.xlsx", [["Фирма-покупатель", "Налоговый номер"], ["ООО «Ёлка»", "7707083893"]])
    with pytest.raises(FileProblem, match="header row"):
        importing.run_import(uow(), path)
    mapping_file = tmp_path / "mappings" / "Покупатели.json"
    importing.save_mapping(mapping_file, ["Фирма-покупатель", "Налоговый номер"], {0: "name", 1: "inn"})
    saved = importing.load_mapping(mapping_file)
    assert json.loads(mapping_file.read_text(encoding="utf-8"))["columns"] == {
        "Фирма-покупатель": "name",
        "Налоговый номер": "inn",
    }
    options = ImportOptions(
        header_row=0, mapping=importing.apply_saved_mapping(["Фирма-покупатель", "Налоговый номер"], saved)
    )
    assert importing.run_import(uow(), path, options).created == 1


def test_a_mapping_file_that_is_not_ours_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"columns": {"ИНН": "passport"}}', encoding="utf-8")
    with pytest.raises(FileProblem, match="passport"):
        importing.load_mapping(bad)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("name", ["база.xlsx", "база.csv"])
def test_an_export_gets_the_permissions_of_any_new_file(uow: Uow, tmp_path: Path, name: str) -> None:
    clients.create_client(uow(), ClientFields(name="ООО «Ёлка»"))
    mask = os.umask(0o022)
    os.umask(mask)
    path = exporting.export_clients(uow(), tmp_path / name).path
    # as any new file of the user (0644 with the usual mask: a colleague can read it), not 0600
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize("typed", ["1 250 000,50", "1,250,000.50", "1\u202f250\u202f000,50", 1250000.5])
def test_a_deal_amount_typed_as_people_type_it_comes_in(typed: object) -> None:
    deal = importing._deal_of({"title": "Поставка", "amount": typed, "currency": "RUB"})
    assert deal is not None and str(deal.amount.amount) == "1250000.50"


def test_an_export_with_four_sheets_is_checked_once_on_its_way_back(
    uow: Uow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.files import reading

    clients.create_client(uow(), ClientFields(name="ООО «Ёлка»"))
    path = exporting.export_clients(uow(), tmp_path / "база.xlsx").path
    checked: list[Path] = []
    real = reading.inspect_file

    def counted(*args: Any, **kwargs: Any) -> reading.Workbook:
        checked.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "inspect_file", counted)
    monkeypatch.setattr(importing, "inspect_file", counted)
    assert importing.run_import(uow(), path, error_dir=tmp_path).skipped == 1  # home again: no changes
    assert checked == [path]  # not once more per sheet (an .ods is parsed whole each time)


def test_a_reminder_due_at_midnight_comes_back_at_midnight(tmp_path: Path) -> None:
    """The spreadsheet reader gives a moment at 00:00 back as a bare date; the import must not move
    it to the working day's start (a round trip used to shift such reminders to 9:00)."""
    from datetime import datetime, timedelta

    from salesdesk.domain.model import ReminderFields
    from salesdesk.services import reminders

    source = open_database(resolve_url(tmp_path / "source.sqlite"), create=True)
    target = open_database(resolve_url(tmp_path / "target.sqlite"), create=True)
    try:
        client = clients.create_client(UnitOfWork(source), ClientFields(name="ООО «Полночь»")).id
        midnight = (datetime.now().astimezone() + timedelta(days=2)).replace(hour=0, minute=0, second=0, microsecond=0)
        reminders.add_reminder(UnitOfWork(source), client, ReminderFields(due_at=midnight, text="Позвонить"))
        exported = exporting.export_clients(UnitOfWork(source), tmp_path / "export.xlsx")
        importing.run_import(UnitOfWork(target), exported.path)
        back = clients.list_clients(UnitOfWork(target), limit=10).rows[0].id
        (reminder,) = reminders.reminders_of(UnitOfWork(target), back)
        assert reminder.due_at == midnight
    finally:
        source.dispose()
        target.dispose()


def test_a_row_matches_the_client_of_its_own_name_among_those_sharing_an_email(uow: Uow, tmp_path: Path) -> None:
    """A sole trader and the person behind it share an e-mail. Importing the base's own rows again
    matched the person's row to the sole trader ("same e-mail, different name") and filled the sole
    trader's empty fields from the person's row: a second import of one file changed the base."""
    trader = clients.create_client(
        uow(), ClientFields(name="ИП Суворов А.А.", kind=ClientKind.SOLE_TRADER, email="suvorov@example.ru")
    ).id
    person = clients.create_client(
        uow(),
        ClientFields(
            name="Суворов Александр Александрович", kind=ClientKind.PERSON, email="suvorov@example.ru", city="Тула"
        ),
    ).id
    path = workbook(
        tmp_path / "again.xlsx",
        [["Название", "E-mail", "Город"], ["Суворов Александр Александрович", "suvorov@example.ru", "Тула"]],
    )
    plan = importing.plan_import(uow(), path)
    assert [(r.fate, r.client_id, r.name_differs) for r in plan.rows] == [(Fate.UNCHANGED, person, False)]
    result = importing.run_import(uow(), path)
    assert (result.created, result.updated) == (0, 0)
    assert clients.get_client(uow(), trader).city == ""


def test_a_sheet_past_excels_last_row_goes_on_in_the_next_and_comes_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A million clients have more contact persons, deals and history than Excel's 1,048,576 rows:
    the rows past the last one were dropped without a word. Now a sheet goes on in "… (2)", "(3)",
    and the import reads them as one (the limit made small here)."""
    from salesdesk.domain.errors import UserError
    from salesdesk.files import writing

    source = open_database(resolve_url(tmp_path / "source.sqlite"))
    target = open_database(resolve_url(tmp_path / "target.sqlite"))
    try:
        demo.load_demo(UnitOfWork(source), 30, seed=5)
        counts = _counts(source)
        monkeypatch.setattr(writing, "_EXCEL_ROWS", 31)  # a header and 30 rows a sheet
        assert counts["contacts"] > 30
        exported = exporting.export_clients(UnitOfWork(source), tmp_path / "export.xlsx")
        assert (exported.contacts, exported.interactions) == (counts["contacts"], counts["interactions"])
        book = openpyxl.load_workbook(exported.path, read_only=True)
        names = book.sheetnames
        assert any(n.endswith(" (2)") and "онтакт" in n for n in names) or "Contact persons (2)" in names, names
        assert all(book[n].max_row <= 31 for n in names)
        book.close()

        importing.run_import(UnitOfWork(target), exported.path)
        assert _counts(target) == counts
        assert _snapshot(target) == _snapshot(source)

        monkeypatch.setattr(writing, "_EXCEL_ROWS", 30)  # 30 clients do not fit one sheet: refused, no file
        with pytest.raises(UserError, match="save them as CSV|сохраните их в CSV"):
            exporting.export_clients(UnitOfWork(source), tmp_path / "too_many.xlsx")
        assert not (tmp_path / "too_many.xlsx").exists()
        assert exporting.export_clients(UnitOfWork(source), tmp_path / "all.csv").clients == 30
    finally:
        source.dispose()
        target.dispose()


def test_a_sheet_of_one_clients_contact_persons_keeps_each_person_once(uow: Uow, tmp_path: Path) -> None:
    """A big client's contact persons, one a row, its INN on each: one client with every person
    once — a name written again in other case or with е for ё is the same person — new or stored."""
    header = ["Наименование", "ИНН", "Контактное лицо", "Должность"]
    people = ["Иванов Пётр", "Петрова Анна", "ИВАНОВ ПЁТР", "Иванов Петр", "Сидоров Олег", "петрова  анна"]
    rows = [["ПАО «Банк»", "7707083893", person, f"должность {i}"] for i, person in enumerate(people)]
    first = importing.run_import(uow(), workbook(tmp_path / "a.xlsx", [header, *rows]), error_dir=tmp_path)
    assert (first.created, first.rejected) == (1, 0)
    more = [["ПАО «Банк»", "7707083893", p, ""] for p in ["иванов пётр", "Кузнецова Ольга", "КУЗНЕЦОВА ОЛЬГА"]]
    second = importing.run_import(uow(), workbook(tmp_path / "b.xlsx", [header, *more]), error_dir=tmp_path)
    assert second.updated == 1
    (row,) = clients.list_clients(uow()).rows
    with uow().reading() as unit:
        names = [c.full_name for c in unit.contacts.list_for(row.id)]
    assert names == ["Иванов Пётр", "Петрова Анна", "Сидоров Олег", "Кузнецова Ольга"]
