"""Files made by another program: LibreOffice as the user's spreadsheet, in both directions.

A manager keeps the client list in a spreadsheet program, which stores INNs typed as digits as
numbers (a region 01-09 INN loses its leading zero) and phones in whatever form they were typed.
Here LibreOffice turns a CSV into .xlsx, .xls and .ods exactly as it would for a person, and the
import must repair the zeros, normalise the phones, merge duplicates and explain every rejected
row — the same base from all three formats. The other way round, LibreOffice must open what we
export: our .xlsx as CSV and PDF, and our .csv with its Cyrillic intact.

All conversions run once per module, batched (about 1-2 s each, see docs/qt_on_linux.md).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

from salesdesk.domain import messages
from salesdesk.files.reading import read_sheet
from salesdesk.services import demo, exporting, importing
from salesdesk.services.importing import Fate, ImportResult
from salesdesk.store import UnitOfWork, open_database, resolve_url
from tests.integration import spreadsheets as sheets

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        sheets.soffice_path() is None, reason="LibreOffice (soffice) is not on PATH; CI installs libreoffice-calc-nogui"
    ),
]

CSV_IN = "CSV:59,34,76,1"  # semicolons, double quotes, UTF-8, from line 1 (without it: ???)
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1"

# What a manager typed: INNs and one phone as bare digits (so the spreadsheet makes numbers of
# them), phones in five forms, two duplicates and four rows that break a rule.
CLIENTS_CSV = """\
Наименование;ИНН;КПП;Телефон;Город;Р/с;БИК;Примечание
ООО «Башкирия»;0274062111;027401001;8 (495) 123-45-67;Уфа;;;регион 02: ИНН и КПП с нулём
ПАО Сбербанк;7707083893;773601001;+7 495 1234568;Москва;;;
ИП Ёлкин;023148909438;;84951234569;Стерлитамак;;;телефон числом
ООО «Ромашка»;;;495 123 45 60;Москва;;;
ООО «Вега»;7736050003;;+7(916)123-45-67 доб. 12;Москва;;;с добавочным
ООО «Башкирия» (дубль);0274062111;;;;;;тот же ИНН
ООО «Ромашка»;;;+7 (495) 123-45-60;;;;тот же телефон
АО «Ошибка»;7707083894;;;Тула;;;
;7707083893;;;;;;без названия
ООО «Счёт»;;;;;40702810900000000001;044525225;счёт числом
ООО «Без кода»;;;123-45-67;Казань;;;
"""

# The base every format must give: (name, INN, KPP, phone as typed, E.164, city, notes).
EXPECTED_BASE = [
    ("ИП Ёлкин", "023148909438", "", "84951234569", "+74951234569", "Стерлитамак", "телефон числом"),
    (
        "ООО «Башкирия»",
        "0274062111",
        "027401001",
        "8 (495) 123-45-67",
        "+74951234567",
        "Уфа",
        "регион 02: ИНН и КПП с нулём",
    ),
    ("ООО «Вега»", "7736050003", "", "+7(916)123-45-67 доб. 12", "+79161234567", "Москва", "с добавочным"),
    ("ООО «Ромашка»", "", "", "495 123 45 60", "+74951234560", "Москва", "тот же телефон"),
    ("ПАО Сбербанк", "7707083893", "773601001", "+7 495 1234568", "+74951234568", "Москва", ""),
]

ERROR_REASONS = {
    "АО «Ошибка»": "INN 7707083894: wrong check digit",
    None: "Name: required",
    "ООО «Счёт»": "its digits are lost",
    "ООО «Без кода»": "Phone",
}


@dataclass
class Converted:
    folder: Path
    out: Path
    runs: dict[str, tuple[int, str]] = field(default_factory=dict)  # what -> (exit code, stderr)
    base_inns: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # demo: id -> (name, INN, KPP)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Converted]:
    """Our files and LibreOffice's conversions of them, made once for the module."""
    folder = tmp_path_factory.mktemp("libreoffice")
    before = messages.language()
    messages.set_language("en")
    try:
        found = Converted(folder, folder / "lo")
        (folder / "clients.csv").write_text(CLIENTS_CSV, encoding="utf-8")

        database = open_database(resolve_url(folder / "demo.sqlite"))
        try:
            demo.load_demo(UnitOfWork(database), 200, seed=5)
            exporting.export_clients(UnitOfWork(database), folder / "export.xlsx")
            exporting.export_clients(UnitOfWork(database), folder / "export.csv")
            with database.engine.connect() as conn:
                found.base_inns = {
                    r[0]: (r[1], r[2], r[3]) for r in conn.exec_driver_sql("SELECT id, name, inn, kpp FROM clients")
                }
        finally:
            database.dispose()

        profile = folder / "profile"
        jobs = {  # one soffice call per target format; several files per call where they share it
            "csv to xlsx": ((f"--infilter={CSV_IN}", "--convert-to", "xlsx"), ("clients.csv", "export.csv")),
            "csv to xls": ((f"--infilter={CSV_IN}", "--convert-to", "xls"), ("clients.csv",)),
            "csv to ods": ((f"--infilter={CSV_IN}", "--convert-to", "ods"), ("clients.csv",)),
            "xlsx to csv": (("--convert-to", CSV_OUT), ("export.xlsx",)),
            "xlsx to pdf": (("--convert-to", "pdf"), ("export.xlsx",)),
        }
        for what, (options, files) in jobs.items():
            done = sheets.soffice(profile, *options, "--outdir", str(found.out), *(str(folder / f) for f in files))
            found.runs[what] = (done.returncode, done.stderr)
        yield found
    finally:
        messages.set_language(before)


def test_libreoffice_converts_every_file_without_complaint(converted: Converted) -> None:
    for what, (code, stderr) in converted.runs.items():
        assert code == 0, (what, stderr)
        assert "error" not in stderr.lower(), (what, stderr)
    for name in ("clients.xlsx", "clients.xls", "clients.ods", "export.xlsx", "export.csv", "export.pdf"):
        assert (converted.out / name).stat().st_size > 0, name
    pdf = (converted.out / "export.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:]
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2  # 200 clients do not fit on one page


def _import(folder: Path, path: Path) -> tuple[ImportResult, list[tuple[str, ...]]]:
    database = open_database(resolve_url(folder / f"{path.suffix[1:]}.sqlite"))
    try:
        result = importing.run_import(UnitOfWork(database), path, error_dir=folder / path.suffix[1:])
        with database.engine.connect() as conn:
            stored = [
                tuple(r)
                for r in conn.exec_driver_sql(
                    "SELECT name, inn, kpp, phone, phone_e164, city, notes FROM clients ORDER BY name"
                ).all()
            ]
    finally:
        database.dispose()
    return result, stored


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_csv_saved_by_libreoffice_imports_with_repairs_merges_and_an_error_file(
    converted: Converted, tmp_path: Path, kind: str
) -> None:
    path = converted.out / f"clients.{kind}"
    cells = read_sheet(path).rows
    # LibreOffice made numbers of the digits: the leading zeros are gone from the file itself.
    assert [float(c) for c in cells[1][1:3]] == [274062111, 27401001]
    assert float(cells[3][3]) == 84951234569 and isinstance(cells[2][3], str)

    result, stored = _import(tmp_path, path)
    assert (result.created, result.updated, result.rejected, result.repaired) == (5, 0, 4, 3)
    reports = {r.line: r for r in result.plan.rows}
    assert reports[2].repaired == ("INN 274062111 → 0274062111", "KPP 27401001 → 027401001")
    assert reports[4].repaired == ("INN 23148909438 → 023148909438",)
    assert (reports[7].fate, reports[7].duplicate_of) == (Fate.UNCHANGED, "row 2 (INN)")  # the zero restored first
    assert (reports[8].fate, reports[8].duplicate_of, reports[8].changed) == (Fate.UPDATE, "row 5 (Phone)", ("notes",))
    assert stored == EXPECTED_BASE

    assert result.error_file is not None
    errors = list(openpyxl.load_workbook(result.error_file, read_only=True).active.values)
    assert errors[0][:2] == ("Наименование", "ИНН") and errors[0][-1] == "Error"
    by_name = {row[0]: row for row in errors[1:]}
    assert set(by_name) == set(ERROR_REASONS)
    for name, reason in ERROR_REASONS.items():
        assert reason in by_name[name][-1], (name, by_name[name][-1])
    assert by_name["АО «Ошибка»"][1] == "7707083894"  # its digits as text, so they do not run together


def test_the_three_formats_and_the_csv_itself_give_the_same_base(converted: Converted, tmp_path: Path) -> None:
    bases = {kind: _import(tmp_path, converted.out / f"clients.{kind}")[1] for kind in ("xlsx", "xls", "ods")}
    result, original = _import(tmp_path, converted.folder / "clients.csv")
    assert result.repaired == 0  # typed as text in the CSV, nothing needed repair
    assert bases == {"xlsx": original, "xls": original, "ods": original}
    assert original == EXPECTED_BASE


def test_libreoffice_writes_our_xlsx_as_csv_with_leading_zeros_and_cyrillic(converted: Converted) -> None:
    text = (converted.out / "export.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    header = rows[0]
    number, name, inn, kpp = (header.index(h) for h in ("No.", "Name", "INN", "KPP"))
    written = {int(r[number]): (r[name], r[inn], r[kpp]) for r in rows[1:]}
    assert written == converted.base_inns  # every identifier a text cell: zeros kept
    assert sum(1 for _, i, _ in written.values() if i.startswith("0")) >= 5
    assert sum(1 for _, _, k in written.values() if k.startswith("0")) >= 5
    assert all(re.search("[А-Яа-яЁё]", n) for n, _, _ in written.values() if n.startswith(("ООО", "АО", "ИП")))


def test_libreoffice_reads_our_csv_with_its_cyrillic(converted: Converted) -> None:
    ours = list(
        csv.reader((converted.folder / "export.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";")
    )
    theirs = list(openpyxl.load_workbook(converted.out / "export.xlsx", read_only=True).worksheets[0].values)
    assert list(theirs[0]) == ours[0]
    name = ours[0].index("Name")
    assert [row[name] for row in theirs[1:]] == [row[name] for row in ours[1:]]
    assert sorted(n for n, _, _ in converted.base_inns.values()) == sorted(row[name] for row in ours[1:])


def test_our_csv_saved_again_by_libreoffice_imports_with_its_identifiers(converted: Converted, tmp_path: Path) -> None:
    # A person opens our CSV in LibreOffice and saves it as .xlsx: INNs, KPPs and BIKs become
    # numbers (zeros lost, then repaired) and 20-digit accounts become doubles (digits lost: those
    # rows are refused with the reason, never "fixed").
    result, _stored = _import(tmp_path, converted.out / "export.xlsx")
    assert result.created + result.rejected == 200 and result.created > 0 and result.repaired > 0
    for report in result.plan.rows:
        if report.fate is Fate.ERROR:
            assert any("its digits are lost" in reason for reason in report.reasons), report
    database = open_database(resolve_url(tmp_path / "xlsx.sqlite"))
    try:
        with database.engine.connect() as conn:
            imported = {tuple(r) for r in conn.exec_driver_sql("SELECT name, inn, kpp FROM clients")}
    finally:
        database.dispose()
    assert len(imported) == result.created
    assert imported <= set(converted.base_inns.values())  # every INN and KPP as it was, zeros included


def test_phones_of_our_csv_come_back_unchanged_through_libreoffice(converted: Converted, tmp_path: Path) -> None:
    _result, _stored = _import(tmp_path, converted.out / "export.xlsx")
    database = open_database(resolve_url(tmp_path / "xlsx.sqlite"))
    try:
        with database.engine.connect() as conn:
            phones = [r[0] for r in conn.exec_driver_sql("SELECT phone FROM clients WHERE phone <> ''")]
    finally:
        database.dispose()
    assert phones and [p for p in phones if p.startswith("'")] == []
