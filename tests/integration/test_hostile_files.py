"""Hostile and broken files brought to the import: each one gets a clear message and changes nothing.

A user picks whatever file is at hand: a scan saved as PDF, a Word document renamed to .xlsx, a
workbook with a password, a half-downloaded attachment, or a file built to hurt (an XML or zip
bomb). The import must refuse each with a sentence that names the file, in bounded time and
memory, and leave the base exactly as it was (rows, versions, and a consistent search index).
"""

from __future__ import annotations

import base64
import hashlib
import os
import random
import shutil
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from salesdesk.domain.model import ClientKind
from salesdesk.files import temporary
from salesdesk.files.errors import FileProblem
from salesdesk.files.extent import CHUNK, MAX_TAG, Extent, xlsx_extent
from salesdesk.files.reading import Limits
from salesdesk.services import clients, contacts, importing
from salesdesk.services.importing import Fate, ImportOptions
from salesdesk.store import Database, UnitOfWork
from tests.contents import assert_search_index_whole
from tests.integration import spreadsheets as sheets

Uow = Callable[[], UnitOfWork]
MEGABYTE = 1024 * 1024
MAX_PYTHON_MEMORY = 100 * MEGABYTE
# A hang guard, not a speed check (speed is measured in benchmarks/): a refused file must not be read
# to its end or decompressed without a bound. Generous, so that a loaded machine does not fail it.
MAX_SECONDS = 60.0

HEADER = ["Наименование", "ИНН", "Телефон"]


@dataclass
class Base:
    """Two clients already in the base, and a check that an import left them alone."""

    database: Database
    before: list[tuple[object, ...]]
    industries: int = 0

    def rows(self) -> list[tuple[object, ...]]:
        with self.database.engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.exec_driver_sql(
                    "SELECT id, version, name, inn, phone, updated_at FROM clients ORDER BY id"
                ).all()
            ]

    def assert_unchanged(self) -> None:
        assert self.rows() == self.before
        with self.database.engine.begin() as conn:  # raises if the FTS index and its table disagree
            assert_search_index_whole(conn)
            assert conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM industries").scalar() == self.industries


@pytest.fixture
def base(database: Database, add_client: Callable[..., int]) -> Base:
    add_client("ООО «Ёлка»", inn="7707083893", phone="+7 495 123-45-67")
    add_client("ИП Сидоров", kind=ClientKind.SOLE_TRADER, inn="776263190162", ogrn="304770095754380")
    found = Base(database, [])
    found.before = found.rows()
    with database.engine.connect() as conn:
        found.industries = conn.exec_driver_sql("SELECT count(*) FROM industries").scalar_one()
    return found


def assert_sentence(problem: FileProblem, name: str) -> str:
    """The message is a sentence for a person: it names the file and leaves no placeholder."""
    message = str(problem)
    assert name in message, message
    assert message[0].isupper() or message[0] in "“«", message
    assert len(message.split()) >= 4 and "{" not in message and "Traceback" not in message, message
    return message


def refused(uow: Uow, path: Path, key: str, options: ImportOptions | None = None) -> str:
    """Import *path*, expect FileProblem *key*, in bounded Python memory and time; the message."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(FileProblem) as caught:
            importing.run_import(uow(), path, options or ImportOptions(), error_dir=path.parent)
        seconds = time.monotonic() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.key == key, str(caught.value)
    assert peak < MAX_PYTHON_MEMORY, f"{peak / MEGABYTE:.0f} MB of Python memory"
    assert seconds < MAX_SECONDS, f"{seconds:.1f} s"
    return assert_sentence(caught.value, f"“{path.name}”")


def ordinary_xlsx(path: Path, rows: int = 200) -> Path:
    return sheets.workbook(
        path,
        [HEADER]
        + [
            [f"ООО «Клиент {i}»", "7707083893" if i == 0 else "", f"+7 495 000-{i // 100:02d}-{i % 100:02d}"]
            for i in range(rows)
        ],
    )


# Not a spreadsheet at all ------------------------------------------------------------------------------


def _png(path: Path) -> None:
    header = struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + header + random.Random(1).randbytes(3000))


def _jpeg(path: Path) -> None:
    path.write_bytes(
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + random.Random(2).randbytes(3000)
        + b"\xff\xd9"
    )


def _pdf_with_an_image(path: Path) -> None:
    # A scanned page: an uncompressed image stream of black pixels, as simple scanners write.
    pixels = bytes(3 * 32 * 32)
    path.write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /XObject /Subtype /Image /Width 32 /Height 32"
        b" /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length "
        + str(len(pixels)).encode()
        + b" >>\nstream\n"
        + pixels
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def _noise(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(64 * 1024))


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/'
            'xml"/></Types>',
        )
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Договор'
            "</w:t></w:r></w:p></w:body></w:document>",
        )


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("скан.png", _png),
        ("фото.jpg", _jpeg),
        ("скан.pdf", _pdf_with_an_image),
        ("шум.xlsx", _noise),
        ("шум.csv", _noise),
        ("Договор.xlsx", _docx),
        ("Договор.docx", _docx),
    ],
    ids=["png", "jpeg", "scanned pdf", "noise named xlsx", "noise named csv", "docx renamed to xlsx", "docx"],
)
def test_a_picture_a_document_or_noise_is_not_a_spreadsheet(
    uow: Uow, base: Base, tmp_path: Path, name: str, make: Callable[[Path], None]
) -> None:
    path = tmp_path / name
    make(path)
    message = refused(uow, path, "file.not_spreadsheet")
    assert "xlsx" in message and "CSV" in message  # it says what would do
    base.assert_unchanged()


def test_a_text_only_pdf_is_not_a_spreadsheet(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = tmp_path / "Счёт.pdf"
    path.write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    refused(uow, path, "file.not_spreadsheet")
    base.assert_unchanged()


@pytest.mark.parametrize("name", ["Клиенты.xlsx", "Клиенты.csv"], ids=["xlsx", "csv"])
def test_an_empty_file_is_refused(uow: Uow, base: Base, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    refused(uow, path, "file.empty")
    base.assert_unchanged()


def test_a_file_that_is_gone_is_refused(uow: Uow, base: Base, tmp_path: Path) -> None:
    refused(uow, tmp_path / "Удалённый.xlsx", "file.not_found")
    base.assert_unchanged()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads any file whatever its permissions; needs a POSIX non-root user",
)
def test_a_file_that_cannot_be_read_is_refused(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = ordinary_xlsx(tmp_path / "Закрытый.xlsx")
    path.chmod(0)
    try:
        refused(uow, path, "file.locked")
    finally:
        path.chmod(0o600)
    base.assert_unchanged()


# Passwords --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "options"),
    [("Защищённая.xlsx", {}), ("Большая защищённая.xlsx", {"package_bytes": 100_000, "directory_last": True})],
    ids=["stream names near the start", "directory after 64 KB"],
)
def test_a_password_protected_workbook_is_refused_with_the_password_message(
    uow: Uow, base: Base, tmp_path: Path, name: str, options: dict[str, object]
) -> None:
    path = sheets.encrypted_workbook(tmp_path / name, **options)  # type: ignore[arg-type]
    assert len(path.read_bytes()) < 120_000
    message = refused(uow, path, "file.password")
    assert "password" in message
    base.assert_unchanged()


@pytest.mark.libreoffice
@pytest.mark.skipif(sheets.soffice_path() is None, reason="LibreOffice (soffice) is not on PATH")
def test_workbooks_libreoffice_saved_with_a_password_are_refused(uow: Uow, base: Base, tmp_path: Path) -> None:
    source = ordinary_xlsx(tmp_path / "source.xlsx", rows=5000)
    profile = tmp_path / "profile"
    for name, filter_name in (("Защищённая.xlsx", "Calc MS Excel 2007 XML"), ("Защищённая.xls", "MS Excel 97")):
        path = sheets.save_with_password(profile, source, tmp_path / name, filter_name, "секрет")
        raw = path.read_bytes()
        assert raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2, not a zip: really encrypted
        if name.endswith(".xlsx"):  # LibreOffice writes the directory last: past the 64 KB the reader scans
            assert raw.find("EncryptedPackage".encode("utf-16-le")) > 65_536
        refused(uow, path, "file.password")
    base.assert_unchanged()


# Damaged archives -------------------------------------------------------------------------------------


def _cut_in_half(raw: bytes, sheet: zipfile.ZipInfo) -> bytes:
    return raw[: len(raw) // 2]


def _cut_the_end(raw: bytes, sheet: zipfile.ZipInfo) -> bytes:
    return raw[:-100]  # the central directory is at the end: a download that stopped short


def _flip_sheet_bytes(raw: bytes, sheet: zipfile.ZipInfo) -> bytes:
    damaged = bytearray(raw)
    middle = sheet.header_offset + 30 + len(sheet.filename) + sheet.compress_size // 2
    for i in range(middle, middle + 64):
        damaged[i] ^= 0xFF
    return bytes(damaged)


def _misplace_the_sheet(raw: bytes, sheet: zipfile.ZipInfo) -> bytes:
    damaged = bytearray(raw)
    entry = raw.find(b"PK\x01\x02")
    while raw[entry + 46 : entry + 46 + len(sheet.filename)] != sheet.filename.encode():
        entry = raw.find(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", damaged, entry + 42, sheet.header_offset + 7)  # where its local header is
    return bytes(damaged)


@pytest.mark.parametrize(
    "damage",
    [_cut_in_half, _cut_the_end, _flip_sheet_bytes, _misplace_the_sheet],
    ids=[
        "cut in half",
        "last 100 bytes missing",
        "bytes flipped in the sheet data",
        "directory points to the wrong place",
    ],
)
def test_a_damaged_workbook_is_refused_as_damaged(
    uow: Uow, base: Base, tmp_path: Path, damage: Callable[[bytes, zipfile.ZipInfo], bytes]
) -> None:
    good = ordinary_xlsx(tmp_path / "good.xlsx", rows=2000)
    with zipfile.ZipFile(good) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    path = tmp_path / "Клиенты (повреждён).xlsx"
    path.write_bytes(damage(good.read_bytes(), sheet))
    message = refused(uow, path, "file.corrupt")
    assert "save it again" in message
    base.assert_unchanged()


# Bombs ------------------------------------------------------------------------------------------------

_SHARED_NAME = '<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData>'
_QUADRATIC_DTD = f'<!DOCTYPE q [<!ENTITY big "{"Ха" * 50_000}">]>'


def _laughs_in_sheet(path: Path) -> None:
    sheet = sheets.sheet_xml([(1, HEADER)], doctype=sheets.LAUGHS_DTD).replace(
        "</sheetData>", '<row r="2"><c r="A2" t="inlineStr"><is><t>&lolz;</t></is></c></row></sheetData>'
    )
    sheets.raw_xlsx(path, sheet)


def _laughs_in_shared_strings(path: Path) -> None:
    sheet = sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", _SHARED_NAME)
    sheets.raw_xlsx(path, sheet, shared_strings=sheets.shared_strings_xml(["&lolz;"], doctype=sheets.LAUGHS_DTD))


def _quadratic_blowup(path: Path) -> None:
    sheet = sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", _SHARED_NAME)
    sheets.raw_xlsx(path, sheet, shared_strings=sheets.shared_strings_xml(["&big;" * 20_000], doctype=_QUADRATIC_DTD))


@pytest.mark.parametrize(
    "make",
    [_laughs_in_sheet, _laughs_in_shared_strings, _quadratic_blowup],
    ids=[
        "billion laughs in sheet1.xml",
        "billion laughs in sharedStrings.xml",
        "quadratic blowup in sharedStrings.xml",
    ],
)
def test_an_xml_bomb_never_expands(
    uow: Uow, base: Base, tmp_path: Path, db_path: Path, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "Бомба.xlsx"
    make(path)
    assert path.stat().st_size < 10_000
    tracemalloc.start()
    start = time.monotonic()
    try:
        result = importing.run_import(uow(), path, error_dir=tmp_path)
    except FileProblem as problem:
        assert problem.key == "file.corrupt", str(problem)
        assert_sentence(problem, "“Бомба.xlsx”")
        result = None
    finally:
        seconds, peak = time.monotonic() - start, tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < MAX_PYTHON_MEMORY and seconds < MAX_SECONDS, (peak / MEGABYTE, seconds)
    if result is None:
        base.assert_unchanged()
    else:  # read as harmless text: the entity reference was not expanded into a huge name
        longest = max(len(r.name) for r in clients.list_clients(uow(), limit=1000).rows)
        assert longest < 1000
    # The reader is native code that tracemalloc cannot see: measure the whole process too.
    child = sheets.import_in_child(db_path, path, memory_mb=1024)
    assert child.outcome in ("refused", "imported"), child
    assert child.peak_mb < 300 and child.seconds < MAX_SECONDS, child


def test_a_zip_bomb_is_refused_before_it_is_unpacked(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = sheets.zip_of_zeros(tmp_path / "Бомба.xlsx", (1 << 30) + (32 << 20), compresslevel=1)
    assert path.stat().st_size < 8 * MEGABYTE  # a few megabytes that unpack to more than a gigabyte
    message = refused(uow, path, "file.zip_bomb")
    assert "malicious" in message
    base.assert_unchanged()


def test_a_zip_whose_directory_claims_a_huge_entry_is_refused(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = sheets.raw_xlsx(tmp_path / "Огромная.xlsx", sheets.sheet_xml([(1, HEADER), (2, ["ООО «Ёлка»"])]))
    raw = bytearray(path.read_bytes())
    entry = raw.find(b"PK\x01\x02")
    while raw[entry + 46 : entry + 46 + 24] != b"xl/worksheets/sheet1.xml":
        entry = raw.find(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", raw, entry + 24, 0xFFFF0000)  # uncompressed size: 4 GB
    path.write_bytes(bytes(raw))
    refused(uow, path, "file.zip_bomb")
    base.assert_unchanged()


def test_a_zip_with_thousands_of_entries_is_refused(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = sheets.raw_xlsx(tmp_path / "Много частей.xlsx", sheets.sheet_xml([(1, HEADER)]))
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(5_001):
            archive.writestr(f"xl/media/image{i}.png", b"")
    refused(uow, path, "file.zip_bomb")
    base.assert_unchanged()


def test_a_zip_that_lies_about_its_sizes_stops_at_the_declared_size(base: Base, tmp_path: Path, db_path: Path) -> None:
    # The directory says the sheet is as small as its compressed data; it inflates to 300 MB of text.
    path = tmp_path / "Враньё.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in (
            ("[Content_Types].xml", sheets.CONTENT_TYPES),
            ("_rels/.rels", sheets.ROOT_RELS),
            ("xl/workbook.xml", sheets.WORKBOOK),
            ("xl/_rels/workbook.xml.rels", sheets.WORKBOOK_RELS),
            ("xl/sharedStrings.xml", sheets.shared_strings_xml([])),
        ):
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
            entry.write(
                f'<worksheet xmlns="{sheets.MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'.encode()
            )
            chunk = "Я".encode() * (4 << 20)
            for _ in range(36):
                entry.write(chunk)
            entry.write(b"</t></is></c></row></sheetData></worksheet>")
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", raw, sheet.header_offset + 22, sheet.compress_size)
    central = raw.rfind(b"PK\x01\x02" + raw[sheet.header_offset + 4 : sheet.header_offset + 10])
    while raw[central + 46 : central + 46 + 24] != b"xl/worksheets/sheet1.xml":
        central = raw.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", raw, central + 24, sheet.compress_size)
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size < 2 * MEGABYTE  # passes the zip checks

    child = sheets.import_in_child(db_path, path, memory_mb=1024)
    assert (child.outcome, child.key) == ("refused", "file.corrupt"), child
    assert child.peak_mb < 300 and child.seconds < MAX_SECONDS, child
    base.assert_unchanged()


# Huge sheets ------------------------------------------------------------------------------------------


def test_a_small_file_with_a_cell_in_row_one_million_is_refused(
    uow: Uow, base: Base, tmp_path: Path, db_path: Path
) -> None:
    path = sheets.raw_xlsx(
        tmp_path / "Миллион.xlsx", sheets.sheet_xml([(1, HEADER), (2, ["ООО «Ёлка»"]), (1_000_000, ["конец"])])
    )
    assert path.stat().st_size < 5_000
    message = refused(uow, path, "file.too_many_rows")
    assert "250,000" in message and "Split the file" in message
    child = sheets.import_in_child(db_path, path, memory_mb=1024)
    assert (child.outcome, child.key) == ("refused", "file.too_many_rows") and child.peak_mb < 300, child
    base.assert_unchanged()


@pytest.mark.slow
def test_a_genuinely_long_sheet_is_refused_with_the_row_limit(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = tmp_path / "Длинная.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Клиенты")
    sheet.append(HEADER)
    for i in range(300_000):
        sheet.append([i])
    book.save(path)
    message = refused(uow, path, "file.too_many_rows")
    assert "at most 250,000" in message
    base.assert_unchanged()


def test_a_long_csv_is_refused_with_the_row_limit(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = tmp_path / "Длинная.csv"
    path.write_text("Наименование;ИНН\n" + "".join(f"ООО «Клиент {i}»;\n" for i in range(1_500)), encoding="utf-8")
    message = refused(uow, path, "file.too_many_rows", ImportOptions(limits=Limits(rows=1_000)))
    assert "has 1,000+ rows; at most 1,000" in message
    base.assert_unchanged()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_sheet_of_five_hundred_columns_is_refused(uow: Uow, base: Base, tmp_path: Path, suffix: str) -> None:
    header = HEADER + [f"Столбец {i}" for i in range(497)]
    path = tmp_path / f"Широкая{suffix}"
    if suffix == ".csv":
        path.write_text(";".join(header) + "\nООО «Ёлка»;7707083893\n", encoding="utf-8")
    else:
        sheets.raw_xlsx(path, sheets.sheet_xml([(1, header), (2, ["ООО «Ёлка»", "7707083893"])]))
    message = refused(uow, path, "file.too_many_columns")
    assert "at most 200" in message
    base.assert_unchanged()


@pytest.mark.parametrize(
    ("rows", "key", "expected"),
    [
        ([(1, HEADER + [f"Столбец {i}" for i in range(497)])], "file.too_many_columns", "has 500 columns"),
        ([(1, HEADER + [f"Столбец {i}" for i in range(198)])], "file.too_many_columns", "has 201 columns"),
        ([(1, HEADER), (1_000_000, ["конец"])], "file.too_many_rows", "has 1,000,000 rows"),
    ],
    ids=["500 columns", "201 columns", "row 1,000,000"],
)
def test_the_size_in_the_message_is_the_size_of_the_sheet(
    uow: Uow, tmp_path: Path, rows: list[tuple[int, list[str]]], key: str, expected: str
) -> None:
    path = sheets.raw_xlsx(tmp_path / "Большая.xlsx", sheets.sheet_xml(rows))
    assert expected in refused(uow, path, key)


def _corner(path: Path) -> None:
    sheets.raw_xlsx(
        path,
        sheets.sheet_xml([(1, HEADER)]).replace(
            "</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>.</t></is></c></row></sheetData>'
        ),
    )


def _far_and_wide(path: Path) -> None:
    sheets.raw_xlsx(
        path,
        sheets.sheet_xml([(1, HEADER)]).replace(
            "</sheetData>", '<row r="1000000"><c r="GR1000000" t="inlineStr"><is><t>.</t></is></c></row></sheetData>'
        ),
    )


def _padded_far_cell(padding: int) -> str:
    """A cell at XFD1048576 whose reference sits after an attribute of *padding* random letters (so
    that it does not compress like a zip bomb), cutting the tag across the 1 MiB blocks the extent
    scan reads."""
    noise = base64.b64encode(random.Random(padding).randbytes(padding * 3 // 4 + 3)).decode()[:padding]
    return sheets.sheet_xml([(1, HEADER)]).replace(
        "</sheetData>",
        f'<row r="2"><c x="{noise}" r="XFD1048576" t="inlineStr"><is><t>.</t></is></c></row></sheetData>',
    )


@pytest.mark.parametrize(
    ("padding", "key"),
    [(CHUNK - 300, "file.too_many_rows"), (CHUNK + 10, "file.too_many_rows"), (MAX_TAG + CHUNK, "file.corrupt")],
    ids=["reference across the block boundary", "tag longer than a block", "endless tag"],
)
def test_a_far_cell_hidden_in_a_padded_tag_is_still_seen(
    uow: Uow, base: Base, tmp_path: Path, padding: int, key: str
) -> None:
    path = sheets.raw_xlsx(tmp_path / "Набивка.xlsx", _padded_far_cell(padding))
    refused(uow, path, key)
    base.assert_unchanged()


def test_a_far_cell_behind_a_fake_reference_is_still_seen(base: Base, tmp_path: Path, db_path: Path) -> None:
    # an attribute before the real r= holds a fake one; the reader goes by the real one (XFD1048576:
    # 17 billion cells), so the measuring must not take the fake one for the reference
    far = (
        """<row x=' r="2"' r="1048576"><c x=' r="A2"' r="XFD1048576" t="inlineStr"><is><t>.</t></is></c></row>"""
        "</sheetData>"
    )
    path = sheets.raw_xlsx(tmp_path / "Подмена.xlsx", sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", far))
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", "file.too_many_rows") and child.peak_mb < 300, child
    base.assert_unchanged()


def _retargeted(
    path: Path, old: str, new: str, *, moved: dict[str, str] | None = None, added: dict[str, str] | None = None
) -> Path:
    """A copy of the workbook *path* whose relationship to *old* points at *new*, parts renamed
    as *moved* says and parts *added*."""
    copy_path = path.with_name(path.stem + " 2" + path.suffix)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy_path, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(f'Target="{old}"'.encode(), f'Target="{new}"'.encode())
            copy.writestr((moved or {}).get(item.filename, item.filename), data)
        for name, text in (added or {}).items():
            copy.writestr(name, text)
    return copy_path


def _unnumbered_sheet(rows: str, prefix: str = "") -> str:
    """A worksheet whose rows and cells may leave out their references: the reader places them
    one after the other."""
    ns = f' xmlns:{prefix[:-1]}="{sheets.MAIN_NS}"' if prefix else ""
    head = "".join(f'<{prefix}c t="inlineStr"><is><t>{text}</t></is></{prefix}c>' for text in HEADER)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<worksheet xmlns="{sheets.MAIN_NS}"{ns}><sheetData>'
        f"<{prefix}row>{head}</{prefix}row>{rows}</sheetData></worksheet>"
    )


def _noise(count: int) -> list[str]:
    """Attribute values that do not compress, so the file is no zip bomb: only its cells lie."""
    rng = random.Random(count)
    return [base64.b64encode(rng.randbytes(6)).decode() for _ in range(count)]


WIDE_ROW = "<row>" + "<c/>" * 16_383 + '<c t="inlineStr"><is><t>.</t></is></c></row>'


@pytest.mark.parametrize(
    ("make", "prefix", "key"),
    [
        (lambda: "".join(f'<row s="{n}"/>' for n in _noise(260_000)) + WIDE_ROW, "", "file.too_many_rows"),
        (
            lambda: "".join(f'<x:row s="{n}"/>' for n in _noise(260_000)) + "<x:row><x:c/></x:row>",
            "x:",
            "file.too_many_rows",
        ),
        (lambda: WIDE_ROW, "", "file.too_many_columns"),
        (lambda: """<row x=' r="2"'>""" + """<c x=' r="A2"'/>""" * 5_000 + "</row>", "", "file.too_many_columns"),
    ],
    ids=["260,000 rows and 16,384 cells", "prefixed tags", "16,384 cells in a row", "fake references in a value"],
)
def test_rows_and_cells_without_references_count(
    base: Base, tmp_path: Path, db_path: Path, make: Callable[[], str], prefix: str, key: str
) -> None:
    # a few bytes each: 2 MB of .xlsx asked the reader for 136 GB before they were counted
    path = sheets.raw_xlsx(tmp_path / "Без адресов.xlsx", _unnumbered_sheet(make(), prefix))
    assert path.stat().st_size < 3_000_000
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", key) and child.peak_mb < 300, child
    base.assert_unchanged()


def test_cells_without_references_are_counted_per_row_across_the_blocks_of_the_scan(tmp_path: Path) -> None:
    # two rows of 150 unnumbered cells each, behind 3 MB of numbered cells in the same row: the
    # scan's blocks end inside the rows, and the widest row is 151 cells (A, then 150), not 300
    run = 300_000  # numbered cells: more than three blocks of the scan
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * 150
    first = "<row>" + cells + '<c r="A1"/>' * run + "</row>"
    second = '<row r="2">' + '<c r="A2"/>' * run + cells + "</row>"
    xml = sheets.sheet_xml([]).replace("<sheetData></sheetData>", f"<sheetData>{first}{second}</sheetData>")
    assert len(first) > 3 * CHUNK
    path = sheets.raw_xlsx(tmp_path / "Широкие края.xlsx", xml)
    with zipfile.ZipFile(path) as archive:
        assert xlsx_extent(archive, "Клиенты") == Extent(rows=3, columns=151)  # python-calamine: 2 × 151


def test_a_sheet_without_references_imports_cell_for_cell(uow: Uow, base: Base, tmp_path: Path) -> None:
    # some programs write no r= at all: each row after the one before, each cell after the one before
    def row(*texts: str) -> str:
        return "<row>" + "".join(f'<c t="inlineStr"><is><t>{t}</t></is></c>' for t in texts) + "</row>"

    body = row("ООО «Ромашка»", "", "+7 916 111-22-33") + row("ООО «Вектор»") + '<row r="6">' + row("ИП Петров")[5:]
    path = sheets.raw_xlsx(tmp_path / "Без адресов.xlsx", _unnumbered_sheet(body))
    result = importing.run_import(uow(), path, error_dir=tmp_path)
    assert (result.created, result.rejected) == (3, 0)
    found = {c.name: c.phone for c in clients.search_clients(uow(), "ООО").rows}
    assert found["ООО «Ромашка»"] == "+7 916 111-22-33" and found["ООО «Вектор»"] == ""


@pytest.mark.parametrize(
    ("reference", "key"),
    [("xfd2", "file.too_many_columns"), ("ZZZZ2", "file.too_many_columns"), ("xfd1048576", "file.too_many_rows")],
)
def test_a_far_cell_written_in_small_letters_or_four_is_still_seen(
    base: Base, tmp_path: Path, db_path: Path, reference: str, key: str
) -> None:
    # the reader takes both for references: xfd2 is column 16,384, ZZZZ2 column 475,254
    far = f'<row r="2"><c r="{reference}"><v>1</v></c></row></sheetData>'
    path = sheets.raw_xlsx(tmp_path / "Буквы.xlsx", sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", far))
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", key) and child.peak_mb < 300, child
    base.assert_unchanged()


@pytest.mark.parametrize("target", ["Worksheets/Sheet1.xml", "worksheets/../worksheets/SHEET1.XML", "missing.xml"])
def test_a_sheet_part_named_in_another_case_is_measured_too(
    base: Base, tmp_path: Path, db_path: Path, target: str
) -> None:
    # the reader finds the part whatever the case of its name; a part nobody finds is a damaged file
    far = '<row r="2"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    path = sheets.raw_xlsx(tmp_path / "Регистр.xlsx", sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", far))
    moved = _retargeted(path, "worksheets/sheet1.xml", target)
    child = sheets.import_in_child(db_path, moved, memory_mb=1024, timeout=60)
    expected = "file.corrupt" if target == "missing.xml" else "file.too_many_rows"
    assert (child.outcome, child.key) == ("refused", expected) and child.peak_mb < 300, child
    base.assert_unchanged()


def _long_shared_string(rows: int) -> tuple[str, str]:
    """A sheet whose header is followed by *rows* cells showing one shared string of nearly a
    million characters (the table kept under the size from which its compression ratio is checked)."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{sheets.MAIN_NS}"><si><t>'
    tail = "</t></si></sst>"
    table = head + "a" * (999_000 - len(head.encode()) - len(tail)) + tail
    shown = "".join(f'<row r="{i}"><c r="A{i}" t="s"><v>0</v></c></row>' for i in range(2, rows + 2))
    return sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", f"{shown}</sheetData>"), table


@pytest.mark.parametrize("renamed", [False, True], ids=["sharedStrings.xml", "the table elsewhere"])
def test_a_long_shared_string_in_many_cells_is_refused_before_it_is_copied(
    base: Base, tmp_path: Path, db_path: Path, renamed: bool
) -> None:
    # 4,000 cells showing a string of a million characters: the reader copies it into each, 4 billion
    sheet, table = _long_shared_string(4_000)
    path = sheets.raw_xlsx(tmp_path / "Длинная строка.xlsx", sheet, shared_strings=table)
    if renamed:  # the relationship names another part for the table; the reader follows it
        path = _retargeted(
            path, "sharedStrings.xml", "strings/Text.xml", moved={"xl/sharedStrings.xml": "xl/strings/Text.xml"}
        )
    assert path.stat().st_size < 40_000
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", "file.too_much_text") and child.peak_mb < 300, child
    assert "Split the file" in child.message
    base.assert_unchanged()


@pytest.mark.parametrize(
    ("cell", "cdata"),
    [
        ('<c t="s"><v>x</v></c>', False),
        ('<c t="s"><v xml:space="preserve">0</v></c>', False),
        ('<c t="s"><v>0</v></c>', True),
        ('<c t="s"><v>1</v></c>', False),
    ],
    ids=["a number the reader takes for 0", "a <v> with an attribute", "the string in CDATA", "a prefixed <si>"],
)
def test_a_long_shared_string_shown_in_ways_the_counting_cannot_read_is_still_refused(
    base: Base, tmp_path: Path, db_path: Path, cell: str, cdata: bool
) -> None:
    # 900,000 characters that do not compress shown by 4,000 cells, each written so that a cell's
    # string cannot be read from it; the reader shows the long string in each
    text = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(900_000 // 64))
    item = f"<si><t><![CDATA[{text}]]></t></si>" if cdata else f"<si><t>{text}</t></si>"
    if "<v>1</v>" in cell:  # the long string second, behind a prefix of any characters
        item = f"<si><t>a</t></si><é:si><t>{text}</t></é:si>"
    table = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{sheets.MAIN_NS}">{item}</sst>'
    xml = sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", f"<row>{cell}</row>" * 4_000 + "</sheetData>")
    path = sheets.raw_xlsx(tmp_path / "Строки.xlsx", xml, shared_strings=table)
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", "file.too_much_text") and child.peak_mb < 300, child
    base.assert_unchanged()


def test_a_long_shared_string_in_a_few_cells_imports(uow: Uow, base: Base, tmp_path: Path) -> None:
    sheet, table = _long_shared_string(2)  # two rows whose name is far past a cell's 32,767 characters
    path = sheets.raw_xlsx(tmp_path / "Две строки.xlsx", sheet, shared_strings=table)
    result = importing.run_import(uow(), path, error_dir=tmp_path)
    assert (result.created, result.rejected) == (0, 2)  # read, and each row refused on its own


VALUE = "<v>1</v>"


@pytest.mark.parametrize(
    "rows",
    [
        "<%:row/>" * 30_000 + "<%:row>" + f"<%:c>{VALUE}</%:c>" * 16_384 + "</%:row>",
        '<row é=""/>' * 30_000 + "<row>" + f'<c é="">{VALUE}</c>' * 16_384 + "</row>",
        '<row r="30000">' + (f"<c>{VALUE}</c>" * 100 + "<!--<row>-->") * 164 + "</row>",
    ],
    ids=["a prefix of any characters", "an attribute of any name", "<row in comments between cells"],
)
def test_tags_the_reader_takes_are_counted_however_they_are_written(
    base: Base, tmp_path: Path, db_path: Path, rows: str
) -> None:
    # each a few KB asking the reader for 15.7 GB before: a tag the measuring did not recognise
    # counted for nothing, and a "<row" in a comment started a new row for it, not for the reader
    xml = sheets.sheet_xml([(1, HEADER)]).replace("</sheetData>", rows + "</sheetData>")
    path = sheets.raw_xlsx(tmp_path / "Теги.xlsx", xml)
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert child.outcome == "refused" and child.key.startswith("file.too_many_") and child.peak_mb < 300, child
    base.assert_unchanged()


@pytest.mark.parametrize(
    ("target", "hostile"),
    [
        ("worksheets/x/../sheet1.xml", "xl/worksheets/x/../sheet1.xml"),
        ("worksheets//sheet1.xml", "xl/worksheets//sheet1.xml"),
        ("./worksheets/sheet1.xml", "xl/./worksheets/sheet1.xml"),
    ],
)
def test_a_sheet_part_named_as_written_and_tidied_is_measured_both_ways(
    base: Base, tmp_path: Path, db_path: Path, target: str, hostile: str
) -> None:
    # the archive holds a harmless sheet under the tidy name and a far cell under the name as
    # written: the reader opens the latter
    benign = sheets.sheet_xml([(1, HEADER), (2, ["ООО «Ёлка»"])])
    far = sheets.sheet_xml([(1, HEADER)]).replace(
        "</sheetData>", f'<row r="1048576"><c r="XFD1048576">{VALUE}</c></row></sheetData>'
    )
    path = sheets.raw_xlsx(tmp_path / "Две части.xlsx", benign)
    doubled = _retargeted(path, "worksheets/sheet1.xml", target, added={hostile: far})
    child = sheets.import_in_child(db_path, doubled, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", "file.too_many_rows") and child.peak_mb < 300, child
    base.assert_unchanged()


STRING_VALUE = (
    '<table:table-cell office:value-type="string" office:string-value="{}" table:number-columns-repeated="200"/>'
)
SPACES = '<table:table-cell office:value-type="string"><text:p>x<text:s text:c="{}"/>y</text:p></table:table-cell>'


@pytest.mark.parametrize(
    "rows",
    [
        sheets.ods_row(sheets.ods_cell("a" * 900_000, 10), 1_000),
        sheets.ods_row(SPACES.format(10_000_000), 1_000),
        sheets.ods_row(SPACES.format(300_000_000)),
    ],
    ids=["a long cell repeated 10,000 times", "a run of ten million spaces repeated", "300 million spaces"],
)
def test_an_ods_whose_cells_hold_too_much_text_is_refused_before_it_is_read(
    base: Base, tmp_path: Path, db_path: Path, rows: str
) -> None:
    # 1-2 KB each: the reader writes out every repeat and every space
    path = sheets.raw_ods(tmp_path / "Текст.ods", sheets.ods_row(sheets.ods_cell("Наименование")) + rows)
    assert path.stat().st_size < 5_000
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", "file.too_much_text") and child.peak_mb < 300, child
    base.assert_unchanged()


@pytest.mark.parametrize(
    "row",
    [
        sheets.ods_row(STRING_VALUE.format("a" * 900_000), 20),
        sheets.ods_row(SPACES.format("&#49;0000000"), 1_000),
    ],
    ids=["the text as an attribute, repeated", "a run of spaces written with an entity"],
)
def test_an_ods_whose_text_the_reader_takes_from_elsewhere_is_refused_too(
    base: Base, tmp_path: Path, db_path: Path, row: str
) -> None:
    path = sheets.raw_ods(tmp_path / "Текст 2.ods", sheets.ods_row(sheets.ods_cell("Наименование")) + row)
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    assert (child.outcome, child.key) == ("refused", "file.too_much_text") and child.peak_mb < 300, child
    base.assert_unchanged()


def test_an_ods_with_a_few_spaces_written_as_a_run_imports(uow: Uow, base: Base, tmp_path: Path) -> None:
    named = SPACES.replace(">x<", ">ООО<").replace(">y<", ">Ромашка<").format(1)
    header = sheets.ods_row("".join(sheets.ods_cell(text) for text in HEADER))
    path = sheets.raw_ods(tmp_path / "Пробелы.ods", header + sheets.ods_row(named))
    result = importing.run_import(uow(), path, error_dir=tmp_path)
    assert result.created == 1
    assert [c.name for c in clients.search_clients(uow(), "ромашка").rows] == ["ООО Ромашка"]


def test_rows_with_a_height_of_their_own_and_no_cells_import(uow: Uow, base: Base, tmp_path: Path) -> None:
    # Excel writes a row whose height was changed even when it is empty: 40,000 of them (1.8 MB of
    # XML, more than one block of the extent scan without a single cell) after three clients
    tall = "".join(f'<row r="{n}" ht="40" customHeight="1"/>' for n in range(5, 40_005))
    xml = sheets.sheet_xml([(1, HEADER), (2, ["ООО «Ромашка»"]), (3, ["ООО «Вектор»"]), (4, ["ИП Петров"])])
    path = sheets.raw_xlsx(tmp_path / "Высокие строки.xlsx", xml.replace("</sheetData>", tall + "</sheetData>"))
    assert len(xml) + len(tall) > 1.5 * CHUNK
    result = importing.run_import(uow(), path, error_dir=tmp_path)
    assert (result.created, result.rejected) == (3, 0)


def _repeated_ods_cells(path: Path) -> None:
    # 860 bytes: one row of 100 cells, repeated 200,000 times (within the row and column caps).
    sheets.raw_ods(
        path,
        sheets.ods_row(sheets.ods_cell("Наименование") + sheets.ods_cell("ИНН"))
        + sheets.ods_row(sheets.ods_cell("ООО", 100), 200_000),
    )


@pytest.mark.parametrize(
    "make",
    [_corner, _far_and_wide, _repeated_ods_cells],
    ids=["cell at XFD1048576", "cell at GR1000000", "ods cells repeated 20 million times"],
)
def test_a_tiny_file_with_a_huge_used_range_costs_bounded_memory(
    base: Base, tmp_path: Path, db_path: Path, make: Callable[[Path], None]
) -> None:
    path = tmp_path / ("Огромная.ods" if make is _repeated_ods_cells else "Огромная.xlsx")
    make(path)
    assert path.stat().st_size < 5_000
    child = sheets.import_in_child(db_path, path, memory_mb=1024, timeout=60)
    base.assert_unchanged()
    assert child.outcome in ("refused", "imported"), child
    assert child.seconds < MAX_SECONDS, child


# Excel 97-2003 (.xls): read in a process of its own ---------------------------------------------------
# python-calamine trusts the sizes an .xls states and aborts the whole process when it cannot have the
# memory they ask for; nothing measures an .xls beforehand, so it is read in a child process with a
# memory limit (files/isolated.py) and a reader that dies is a refusal.


def _xls_far_cell() -> tuple[list[str], list[bytes]]:
    return [HEADER[0], "ООО «Ёлка»"], [
        sheets.xls_text(0, 0, 0),
        sheets.xls_text(1, 0, 1),
        sheets.xls_number(65_535, 65_535, 1.0),  # column 65,535: an .xls has 256
    ]


def _xls_lying_size() -> tuple[list[str], list[bytes]]:
    return [HEADER[0], "ООО «Ёлка»"], [
        sheets.xls_dimensions(0, 0xFFFF_FFFF, 0, 0xFFFF),  # four billion rows stated
        sheets.xls_text(0, 0, 0),
        sheets.xls_text(1, 0, 1),
    ]


def _xls_long_text_everywhere() -> tuple[list[str], list[bytes]]:
    # one string of 4,000 characters, shown by every cell of 65,535 rows and three columns: the reader
    # copies it into each (2.4 GB) from a file of 2.7 MB
    return [HEADER[0], "Я" * 4_000], [sheets.xls_text(0, 0, 0)] + [
        sheets.xls_text(row, column, 1) for row in range(1, 65_536) for column in range(3)
    ]


@pytest.mark.parametrize(
    "made", [_xls_far_cell, _xls_lying_size, _xls_long_text_everywhere], ids=["far cell", "lying size", "long text"]
)
def test_an_xls_the_reader_cannot_hold_is_refused_and_the_program_goes_on(
    base: Base, tmp_path: Path, db_path: Path, made: Callable[[], tuple[list[str], list[bytes]]]
) -> None:
    strings, cells = made()
    path = sheets.xls_workbook(tmp_path / "Старая база.xls", strings, cells)
    assert path.stat().st_size < 3 * MEGABYTE
    # the importing process has 1 GB of address space, and so has the reader it starts: before the
    # reader had a process of its own, the import died with it ("memory allocation failed")
    child = sheets.import_in_child(db_path, path, memory_mb=1024)
    assert (child.outcome, child.key) == ("refused", "file.reader_failed"), child
    assert "“Старая база.xls”" in child.message and "save it again in the .xlsx format" in child.message, child
    assert child.peak_mb < 300 and child.seconds < MAX_SECONDS, child
    base.assert_unchanged()


def test_the_command_line_refuses_such_an_xls_in_the_users_words_and_exits_2(tmp_path: Path) -> None:
    strings, cells = _xls_lying_size()
    path = sheets.xls_workbook(tmp_path / "Старая база.xls", strings, cells)
    database = str(tmp_path / "база.sqlite")
    program = [sys.executable, "-m", "salesdesk", "--lang", "ru", "--db", database]
    subprocess.run([*program, "init", database], capture_output=True, check=True, timeout=120)
    done = subprocess.run(
        [*program, "import", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RUST_BACKTRACE": "1"},
    )
    assert done.returncode == 2, done
    assert "Не удалось прочитать «Старая база.xls»" in done.stderr and "в формате .xlsx" in done.stderr, done
    # nothing of the reader's own dying reaches the person: no allocation failure, no backtrace
    for word in ("memory allocation", "backtrace", "panicked", "Traceback"):
        assert word not in done.stdout + done.stderr, done


def test_a_damaged_xls_is_refused_and_the_program_goes_on(uow: Uow, base: Base, tmp_path: Path) -> None:
    # the sheet's stream claims fewer bytes than an ordinary sector holds, so the reader looks for it
    # in a mini stream the file does not have and panics (a BaseException, not an Exception, which
    # went past the reading's error handling before); in the reader's process a panic may as well
    # be the memory running out, and the message names both
    path = sheets.xls_workbook(tmp_path / "Обрывок.xls", [HEADER[0]], [sheets.xls_text(0, 0, 0)])
    raw = bytearray(path.read_bytes())
    entry = raw.find("Workbook".encode("utf-16-le"))
    struct.pack_into("<Q", raw, entry + 120, 900)  # the stream's size in its directory entry
    path.write_bytes(bytes(raw))
    message = refused(uow, path, "file.reader_failed")
    assert "damaged" in message
    base.assert_unchanged()


def test_an_ordinary_xls_imports_cell_for_cell(uow: Uow, base: Base, tmp_path: Path) -> None:
    names = ["ООО «Вега»", "ИП Петров Пётр Ильич", "Ёлки-палки"]
    cells = [sheets.xls_text(0, column, column) for column in range(len(HEADER))]
    for row, _name in enumerate(names, start=1):
        cells.append(sheets.xls_text(row, 0, len(HEADER) + row - 1))
        cells.append(sheets.xls_text(row, 2, len(HEADER) + len(names) + row - 1))
    phones = [f"+7 495 765-43-{n:02d}" for n in range(len(names))]
    path = sheets.xls_workbook(tmp_path / "Клиенты.xls", [*HEADER, *names, *phones], cells)
    result = importing.run_import(uow(), path, error_dir=tmp_path)
    assert (result.created, result.rejected) == (3, 0)
    listed = {r.name: r.id for r in clients.list_clients(uow(), limit=100).rows}
    for name, phone in zip(names, phones, strict=True):
        assert clients.get_client(uow(), listed[name]).phone == phone


# Unusual but honest sheets ----------------------------------------------------------------------------


def test_an_empty_sheet_is_refused(uow: Uow, base: Base, tmp_path: Path) -> None:
    path = tmp_path / "Пустая.xlsx"
    openpyxl.Workbook().save(path)
    message = refused(uow, path, "file.sheet_empty")
    assert "“Sheet”" in message
    blank = tmp_path / "Пустая.csv"
    blank.write_text("\r\n\r\n\r\n", encoding="utf-8")
    refused(uow, blank, "file.sheet_empty")
    base.assert_unchanged()


def test_a_merged_two_row_header_still_imports(uow: Uow, base: Base, tmp_path: Path) -> None:
    # "Контактное лицо" merged over two columns, with ФИО and Должность in the row below it.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Наименование", "Контактное лицо", None, "ИНН"])
    sheet.append([None, "ФИО", "Должность", None])
    sheet.append(["ООО «Вега»", "Иванов Иван", "Директор", "7736050003"])
    sheet.append(["ИП Ёлкин", "Петров Пётр", "Бухгалтер", "023148909438"])
    for merged in ("A1:A2", "B1:C1", "D1:D2"):
        sheet.merge_cells(merged)
    path = tmp_path / "Объединённые.xlsx"
    book.save(path)

    result = importing.run_import(uow(), path, error_dir=tmp_path)
    # The first row names the most columns; the sub-header row below it has no name, so it is
    # rejected (and shows up in the error file) while the clients come in with their contacts.
    assert result.plan.header_row == 0
    assert result.plan.mapping == {0: "name", 1: "contact_name", 3: "inn"}
    assert [(r.line, r.fate) for r in result.plan.rows] == [(2, Fate.ERROR), (3, Fate.NEW), (4, Fate.NEW)]
    assert result.plan.rows[0].reasons == ("Name: required",)
    assert (result.created, result.rejected) == (2, 1)
    [vega] = clients.search_clients(uow(), "вега").rows
    assert [p.full_name for p in contacts.list_contacts(uow(), vega.id)] == ["Иванов Иван"]
    assert result.error_file is not None
    errors = list(openpyxl.load_workbook(result.error_file, read_only=True).active.values)
    assert errors[1][:3] == (None, "ФИО", "Должность")


def test_a_cell_of_32767_characters_rejects_only_its_row(uow: Uow, base: Base, tmp_path: Path) -> None:
    longest = "Я" * 32_767  # Excel's own limit for a cell
    path = sheets.workbook(
        tmp_path / "Длинные ячейки.xlsx",
        [
            ["Наименование", "ИНН", "Примечание"],
            [longest, "7736050003", "имя длиннее 300 символов"],
            ["ООО «Короткое»", "", "обычная строка"],
            ["ООО «Заметки»", "", "П" * 32_767],
        ],
    )
    tracemalloc.start()
    try:
        result = importing.run_import(uow(), path, error_dir=tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MAX_PYTHON_MEMORY
    assert (result.created, result.rejected) == (1, 2)
    reasons = {r.line: r.reasons for r in result.plan.rows if r.fate is Fate.ERROR}
    assert reasons == {2: ("Name: at most 300 characters",), 4: ("Notes: at most 20,000 characters",)}
    assert clients.search_clients(uow(), "короткое").total == 1
    assert result.error_file is not None
    errors = list(openpyxl.load_workbook(result.error_file, read_only=True).active.values)
    assert errors[1][0] == longest and errors[1][-1] == "Name: at most 300 characters"  # the cell, whole
    assert len(errors[2][2]) == 32_767


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1251", ";"), ("utf-8", "\t"), ("utf-8-sig", ",")],
    ids=["Windows-1251 with semicolons", "UTF-8 with tabs", "UTF-8 with BOM and commas"],
)
def test_a_csv_in_a_russian_encoding_keeps_its_cyrillic(
    uow: Uow, base: Base, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    rows = [
        ["Наименование", "ИНН", "Телефон", "Город", "Примечание"],
        ["ООО «Вега»", "7736050003", "8 (495) 123-45-99", "Москва", "Ёмкость, «кавычки» и № 5"],
        ["ИП Ёлкин Ёжик Щукович", "023148909438", "", "Стерлитамак", "эюя ЁЪЫ"],
    ]
    path = tmp_path / "Выгрузка из 1С.csv"
    path.write_bytes(
        "\r\n".join(delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in rows).encode(encoding)
    )
    result = importing.run_import(uow(), path, error_dir=tmp_path)
    assert (result.created, result.rejected) == (2, 0)
    ids = {r.name: r.id for r in clients.list_clients(uow(), limit=100).rows}
    for name, _inn, _phone, city, notes in rows[1:]:
        card = clients.get_client(uow(), ids[name])
        assert (card.name, card.city, card.notes) == (name, city, notes)
    with base.database.engine.begin() as conn:
        assert_search_index_whole(conn)


@pytest.mark.parametrize(
    ("made_as", "named"),
    [("xlsx", "xls"), ("ods", "xlsx"), ("ods", "xls"), ("xls", "xlsx"), ("xls", "ods")],
    ids=["xlsx named xls", "ods named xlsx", "ods named xls", "xls named xlsx", "xls named ods"],
)
def test_a_spreadsheet_with_the_wrong_extension_imports_by_its_content(
    uow: Uow, base: Base, tmp_path: Path, made_as: str, named: str
) -> None:
    path = tmp_path / f"Клиенты.{named}"
    if made_as == "xlsx":
        sheets.workbook(path, [HEADER, ["ООО «Вега»", "7736050003", ""]])
    elif made_as == "xls":  # read in a process of its own, from a copy named .xls that goes afterwards
        strings = [*HEADER, "ООО «Вега»", "7736050003"]
        sheets.xls_workbook(
            path,
            strings,
            [sheets.xls_text(0, c, c) for c in range(3)] + [sheets.xls_text(1, 0, 3), sheets.xls_text(1, 1, 4)],
        )
    else:
        sheets.raw_ods(
            path,
            sheets.ods_row("".join(sheets.ods_cell(h) for h in HEADER))
            + sheets.ods_row(sheets.ods_cell("ООО «Вега»") + sheets.ods_cell("7736050003")),
        )
    assert importing.run_import(uow(), path, error_dir=tmp_path).created == 1
    assert not list(temporary.private_dir().glob(f"{temporary.own_prefix('salesdesk-')}*")), "a copy was left"


def test_the_same_files_with_the_right_extension_import(uow: Uow, base: Base, tmp_path: Path) -> None:
    ods = sheets.raw_ods(
        tmp_path / "Клиенты.ods",
        sheets.ods_row("".join(sheets.ods_cell(h) for h in HEADER))
        + sheets.ods_row(sheets.ods_cell("ООО «Вега»") + sheets.ods_cell("7736050003")),
    )
    assert importing.run_import(uow(), ods, error_dir=tmp_path).created == 1
    xlsx = sheets.workbook(tmp_path / "Клиенты.xlsx", [HEADER, ["ООО «Альфа»", "", "+7 495 765-43-21"]])
    assert importing.run_import(uow(), xlsx, error_dir=tmp_path).created == 1
    # and without any extension at all, as a mail attachment may arrive
    bare = tmp_path / "Клиенты"
    shutil.copy(xlsx, bare)
    assert importing.run_import(uow(), bare, error_dir=tmp_path).plan.count(Fate.UNCHANGED) == 1
