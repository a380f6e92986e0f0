"""The workbook writer of exports (files/writing.py, xlsxwriter in constant-memory mode): each kind of
value lands as the cell a spreadsheet user expects, nothing typed becomes a formula, a link or a
number, and a failed or abandoned workbook leaves no file of its rows behind."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from salesdesk.files import temporary
from salesdesk.files.writing import EXCEL_CELL_CHARS, Column, XlsxBook


def _write(path: Path, rows: list[list[object]], columns: list[Column]) -> None:
    book = XlsxBook(path, "Клиентская база")
    sheet = book.sheet("Клиенты", columns)
    for row in rows:
        sheet.append(row)
    book.close()


def test_each_value_is_the_cell_a_spreadsheet_user_expects(tmp_path: Path) -> None:
    columns = [
        Column("Название", 30),
        Column("ИНН", 14, "identifier"),
        Column("Сумма", 14, "money"),
        Column("Дата", 12, "date"),
        Column("Время", 16, "datetime"),
        Column("Примечание", 40, "wrap"),
        Column("Прочее", 10),
    ]
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    long_note = "д" * (EXCEL_CELL_CHARS + 10)
    rows: list[list[object]] = [
        ['=HYPERLINK("http://x")', "0012345678", Decimal("1234.50"), date(2026, 2, 28), when, "a\nb\nc", True],
        ["'=1+1", "7707083893", 5, None, None, long_note, date(2026, 1, 2)],
        ["https://example.com", "", "", "", "", "тест\x07звонок", 3.5],
    ]
    path = tmp_path / "выгрузка.xlsx"
    _write(path, rows, columns)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == [c.title for c in columns]
    first, second, third = sheet[2], sheet[3], sheet[4]
    assert first[0].value == '=HYPERLINK("http://x")' and first[0].data_type == "s"  # text, never a formula
    assert second[0].value == "''=1+1"  # typed with an apostrophe: one more, as the import takes one off
    assert third[0].value == "https://example.com" and third[0].hyperlink is None  # not made a link
    assert first[1].value == "0012345678" and first[1].data_type == "s"  # identifiers keep their zeros
    assert sheet.column_dimensions["B"].number_format == "@"
    assert first[2].value == 1234.5 and first[2].number_format == "#,##0.00"
    assert second[2].value == 5
    assert first[3].value == datetime(2026, 2, 28) and first[3].number_format == "DD.MM.YYYY"
    assert first[4].value == when.astimezone().replace(tzinfo=None) and first[4].number_format == "DD.MM.YYYY HH:MM"
    assert second[6].value == datetime(2026, 1, 2) and second[6].number_format == "DD.MM.YYYY"  # a date anywhere
    assert first[5].alignment.wrap_text and sheet.row_dimensions[2].height >= 45  # three lines, grown
    assert first[6].value is True and third[6].value == 3.5
    assert third[1].value is None  # empty stays empty
    assert third[5].value == "тестзвонок"  # a control character no XML may hold is left out
    cut = second[5].value
    assert len(cut) == EXCEL_CELL_CHARS and cut.endswith("…")  # Excel's limit: cut visibly
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G4"
    assert openpyxl.load_workbook(path).properties.title == "Клиентская база"


def test_nothing_of_the_rows_stays_in_the_temporary_folder(tmp_path: Path) -> None:
    folder = temporary.private_dir()
    before = set(os.listdir(folder))
    _write(tmp_path / "a.xlsx", [["ООО «Ёлка»"]] * 100, [Column("Название")])
    assert set(os.listdir(folder)) == before
    book = XlsxBook(tmp_path / "b.xlsx")
    book.sheet("Клиенты", [Column("Название")]).append(["ООО «Ёлка»"])
    assert set(os.listdir(folder)) != before  # the rows wait in a folder of this process ...
    book.abort()
    assert set(os.listdir(folder)) == before and not (tmp_path / "b.xlsx").exists()  # ... and go with it


def test_a_workbook_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    folder = temporary.private_dir()
    before = set(os.listdir(folder))
    target = tmp_path / "нет такой папки" / "a.xlsx"
    with pytest.raises(Exception, match="no folder"):
        _write(target, [["ООО «Ёлка»"]], [Column("Название")])
    assert set(os.listdir(folder)) == before and not target.parent.exists()


def test_a_cell_of_emoji_is_cut_to_what_excel_counts(tmp_path: Path) -> None:
    """Notes may hold 20,000 characters; 20,000 emoji are 40,000 UTF-16 units, which Excel counts
    against its 32,767 (the file would open with 'We found a problem with some content')."""
    path = tmp_path / "emoji.xlsx"
    _write(path, [["😀" * 20_000], ["д" * 20_000]], [Column("Примечание", 40)])
    sheet = openpyxl.load_workbook(path).active
    cut, whole = sheet["A2"].value, sheet["A3"].value
    assert len(cut.encode("utf-16-le")) // 2 <= EXCEL_CELL_CHARS and cut.endswith("…")
    assert cut[:-1] == "😀" * len(cut[:-1])  # whole emoji only
    assert whole == "д" * 20_000  # within the limit: untouched


@pytest.mark.parametrize("wrapped", [False, True])  # the fast row writer and xlsxwriter's own, cell by cell
def test_a_sheet_full_to_excels_last_row_goes_on_in_the_next_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wrapped: bool
) -> None:
    from salesdesk.domain.spreadsheet import sheet_kind
    from salesdesk.files import writing

    monkeypatch.setattr(writing, "_EXCEL_ROWS", 3)  # a header and two rows a sheet
    book = XlsxBook(tmp_path / "x.xlsx", "База")
    title = "История контактов и ещё длинное имя"  # past 31 characters: cut, the part's number kept
    sheet = book.sheet(title, [Column("№", 6), Column("Текст", 20, "wrap" if wrapped else "text")])
    other = book.sheet("Сделки", [Column("№", 6)])
    for n in range(1, 8):
        sheet.append([n, f"строка {n}"])
    other.append([1])
    book.close()
    read = openpyxl.load_workbook(tmp_path / "x.xlsx", read_only=True)
    assert read.sheetnames == [
        "История контактов и ещё длинное",
        "Сделки",
        "История контактов и ещё дли (2)",
        "История контактов и ещё дли (3)",
        "История контактов и ещё дли (4)",
    ]
    rows = [r for name in read.sheetnames if name != "Сделки" for r in read[name].iter_rows(values_only=True)]
    assert [r for r in rows if r[0] != "№"] == [(n, f"строка {n}") for n in range(1, 8)]
    assert all(r == ("№", "Текст") for r in rows if r[0] == "№") and len(rows) == 7 + 4
    read.close()
    assert sheet_kind("История контактов (2)") == "interactions" and sheet_kind("Сделки (12)") == "deals"
    assert sheet_kind("Сделки (2023)") is None  # a sheet of a year is a user's own, not a part of ours
