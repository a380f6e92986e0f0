"""The fast row writer refuses what xlsxwriter's own write_number refuses (a Decimal NaN or infinity)
instead of writing a cell Excel calls damaged."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from salesdesk.files.writing import Column, XlsxBook


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_a_decimal_that_is_not_a_number_is_refused_as_write_number_refuses_it(tmp_path: Path, value: Decimal) -> None:
    """xlsxwriter's write_number refuses NaN/inf (append_cells raises TypeError, nothing written);
    the fast path only checks floats with isfinite and writes <v>NAN</v> / <v>INFINITY</v>, a
    cell Excel reports as a damaged file (PostgreSQL's numeric holds 'NaN' and 'Infinity')."""
    columns = [Column("name"), Column("amount", kind="money")]
    cell_by_cell = XlsxBook(tmp_path / "slow.xlsx")
    with pytest.raises((TypeError, ValueError)):
        cell_by_cell.sheet("S", columns).append_cells(["x", value])
    cell_by_cell.abort()
    book = XlsxBook(tmp_path / "fast.xlsx")
    try:
        book.sheet("S", columns).append(["x", value])
    except (TypeError, ValueError):
        book.abort()
        return
    book.close()
    with zipfile.ZipFile(tmp_path / "fast.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    cell = xml[xml.index('<c r="B2"') :][:40]
    pytest.fail(f"written where xlsxwriter refuses: {cell}")
