"""Spreadsheets people open and print: the exported base, the error file of an import, reports.

Every sheet prints landscape, fitted to the page width, with its header row on every page and the
title and date at the top; the error file is laid out like an export. ``test_libreoffice_prints``
converts an export to PDF with LibreOffice and checks the pages it makes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from salesdesk.domain.model import ClientFields
from salesdesk.services import clients, demo, exporting, importing
from salesdesk.services.reports import REPORTS, export_report, run_report
from salesdesk.store import UnitOfWork

Uow = Callable[[], UnitOfWork]
TODAY = date.today().strftime("%d.%m.%Y")


def check_printed(sheet: Any, title: str, header_row: int = 1, across: int = 1) -> None:
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (int(setup.fitToWidth or 1), int(setup.fitToHeight)) == (across, 0)  # 1 when left out: the default
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert title in sheet.oddHeader.left.text.replace("&&", "&")
    assert sheet.oddHeader.right.text == TODAY
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text


def test_every_sheet_of_an_exported_base_prints_with_its_header(uow: Uow, tmp_path: Path) -> None:
    demo.load_demo(uow(), 30, seed=2)
    book = openpyxl.load_workbook(exporting.export_clients(uow(), tmp_path / "base.xlsx").path)
    assert len(book.worksheets) == 7  # the change history (issue 12) and the files (issue 15) print like the rest
    for sheet in book.worksheets:
        # the clients' 24 columns printed on one page width came out too small to read: two or three across
        across = 3 if sheet.title == "Clients" else 1
        check_printed(sheet, sheet.title, across=across)
        assert sheet.oddHeader.left.text.startswith("Client base — ")
        if across > 1:
            assert sheet.page_setup.pageOrder == "overThenDown" and sheet.print_title_cols == "$A:$B"


def test_the_error_file_is_laid_out_like_an_export(uow: Uow, tmp_path: Path) -> None:
    clients.create_client(uow(), ClientFields(name="ООО «Было»"))
    source = tmp_path / "base.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Наименование", "ИНН", "Телефон", "Р/с", "Примечание"])
    sheet.append(["АО «Ошибка» с длинным названием", 7707083894, 84951234567, 40702810138250123017.0, "x"])
    sheet.append(["ООО «Хорошо»", "7707083893", "", "", ""])
    book.save(source)
    result = importing.run_import(uow(), source)
    assert result.error_file is not None
    errors = openpyxl.load_workbook(result.error_file).active
    assert errors.freeze_panes == "A2"
    header = [c.value for c in errors[1]]
    assert header[:5] == ["Наименование", "ИНН", "Телефон", "Р/с", "Примечание"]
    name, inn, phone = (c.value for c in errors[2][:3])
    assert (inn, phone) == ("7707083894", "84951234567")  # text, as typed: nothing runs together
    assert errors["B2"].data_type == "s" and errors["C2"].data_type == "s"
    widths = {letter: errors.column_dimensions[letter].width for letter in "ABCDEF"}
    assert widths["A"] >= len(name) and widths["B"] >= len(inn) and widths["C"] >= len(phone)
    assert widths["F"] >= 40 and errors["F2"].alignment.wrap_text  # the reason: long text, wrapped
    assert widths["A"] >= len("Наименование") * 1.2  # a bold header fits too
    assert errors.row_dimensions[2].height >= 30  # the row is as tall as its wrapped reason
    for letter in "BCD":
        assert errors.column_dimensions[letter].number_format == "@"  # what is typed in later stays text
    check_printed(errors, "base.xlsx")


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_prints_with_its_table_header_on_each_page(uow: Uow, tmp_path: Path, name: str) -> None:
    demo.load_demo(uow(), 30, seed=4)
    result = run_report(uow(), name)
    sheet = openpyxl.load_workbook(export_report(result, tmp_path / "report.xlsx")).active
    header_row = 1 + len(result.parameters) + 2
    assert [c.value for c in sheet[header_row]][: len(result.columns)] == [c.title for c in result.columns]
    check_printed(sheet, result.title, header_row)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None, reason="needs LibreOffice and poppler-utils"
)
def test_libreoffice_prints_the_base_landscape_and_readable(uow: Uow, tmp_path: Path) -> None:
    demo.load_demo(uow(), 300, seed=6)
    path = exporting.export_clients(uow(), tmp_path / "base.xlsx").path
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    info = subprocess.run(["pdfinfo", str(tmp_path / "base.pdf")], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    width, height = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width > height  # landscape
    # 300 clients of 24 columns three pages wide, the other sheets one: some dozens of pages, not thousands
    assert pages < 100
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "base.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    clients_pages = [p for p in text if "Client base — Clients" in p]
    assert len(clients_pages) >= 2
    # the header row on every page, and the client's name on the pages across too
    assert all("Name" in page.split() for page in clients_pages)
    assert sum("INN" in page for page in clients_pages) * 3 == len(clients_pages)  # one band: three pages
