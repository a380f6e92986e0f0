"""Writing spreadsheets: .xlsx with openpyxl in write-only mode, and .csv.

Memory does not grow with the number of rows (rows stream to the file). No user text ever
becomes a formula (DOMAIN.md §4): in .xlsx a text starting with "=" is written as a text cell
(and one that starts with an apostrophe before a formula character or another apostrophe gets one
more, see ``looks_guarded``); in .csv any cell starting with = + - @ tab CR LF (also in their
full-width forms) or with an apostrophe gets a leading apostrophe, which spreadsheets show as text
and our import removes again. Identifiers and phones are text cells, dates are dates, money is a
number with a format.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from salesdesk import paths
from salesdesk.files.errors import FileProblem

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
MONEY_FORMAT = "#,##0.00"


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 14
    kind: str = "text"  # "text", "number", "money", "date", "datetime", "percent"


def csv_safe(value: str) -> str:
    """Text that a spreadsheet will not run as a formula when it opens the CSV.

    A text that starts with an apostrophe itself gets one more, so that reading the guard back off
    (files/reading.py) returns exactly what was typed.
    """
    if value and (value[0] == "'" or formula_start(value)):
        return "'" + value
    return value


def formula_start(char: str) -> bool:
    """Whether a text starting with *char* could run as a formula (full-width forms included)."""
    return unicodedata.normalize("NFKC", char[:1]).startswith(DANGEROUS_START)


def looks_guarded(value: str) -> bool:
    """An apostrophe before a formula character or before another apostrophe: how a guarded CSV
    cell reads, also once a spreadsheet has opened and saved it, so the import takes that first
    apostrophe off (files/reading.py). A text typed that way is written with one more."""
    return len(value) > 1 and value[0] == "'" and (value[1] == "'" or formula_start(value[1]))


# Characters XML 1.0 cannot hold (openpyxl refuses them): dropped, as no spreadsheet could show them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(value: str) -> str:
    return _ILLEGAL.sub("", value) if _ILLEGAL.search(value) else value


class XlsxBook:
    """A workbook written sheet by sheet, row by row; ``close()`` puts it in place atomically."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook

        self.path = path
        self.book = Workbook(write_only=True)
        self._sheets: list[XlsxSheet] = []

    def sheet(self, title: str, columns: Sequence[Column]) -> XlsxSheet:
        sheet = XlsxSheet(self.book.create_sheet(title=sheet_title(title)), columns)
        self._sheets.append(sheet)
        return sheet

    def close(self) -> None:
        for sheet in self._sheets:
            sheet.finish()
        save_workbook(self.book, self.path)


def save_workbook(book: Any, path: Path) -> None:
    """Save an openpyxl workbook through a temporary file in the same folder, so a failure never
    leaves half a file, with the permissions any new file of the user gets (not mkstemp's 0600)."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".salesdesk-", suffix=".xlsx", dir=folder)
        os.close(handle)
        try:
            book.save(temporary)
            os.chmod(temporary, new_file_mode(path))
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except PermissionError as exc:
        raise FileProblem("file.locked", path) from exc
    except OSError as exc:
        raise FileProblem("file.write_failed", path, reason=exc.strerror or str(exc)) from exc


def _read_umask() -> int:
    mask = os.umask(0)  # reading the mask means setting it: done once, at import, before any worker thread
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def new_file_mode(path: Path) -> int:
    """A file written into SalesDesk's data folder is the owner's only; elsewhere the user's umask
    decides, as for any new file of theirs."""
    return 0o600 if paths.in_data_dir(path) else 0o666 & ~_UMASK


class XlsxSheet:
    def __init__(self, sheet: Any, columns: Sequence[Column]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        self.sheet = sheet
        self.columns = list(columns)
        self.rows = 0
        self._cell = WriteOnlyCell
        for index, column in enumerate(self.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        fill = PatternFill("solid", fgColor="E8EEF7")
        wrap = Alignment(vertical="center", wrap_text=True)
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(sheet, value=column.title)
            cell.data_type = "s"
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
            header.append(cell)
        sheet.append(header)
        # Columns whose cells need a format or a forced type; the rest are appended as plain values.
        self._formats = {i: {"money": MONEY_FORMAT, "date": DATE_FORMAT, "datetime": DATETIME_FORMAT,
                             "percent": "0"}.get(c.kind) for i, c in enumerate(self.columns)}

    def append(self, values: Sequence[Any]) -> None:
        row: list[Any] = []
        for index, value in enumerate(values):
            if value is None or value == "":
                row.append(None)
            elif isinstance(value, str):
                value = xml_safe(value)
                if looks_guarded(value):  # typed that way: one more, as the import takes one off
                    value = "'" + value
                if value.startswith("="):
                    cell = self._cell(self.sheet, value=value)
                    cell.data_type = "s"  # never a formula
                    row.append(cell)
                else:
                    row.append(value)
            elif isinstance(value, date | datetime | Decimal | int | float) and self._formats.get(index):
                if isinstance(value, datetime) and value.tzinfo is not None:
                    value = value.astimezone().replace(tzinfo=None)  # spreadsheets have no time zones
                cell = self._cell(self.sheet, value=value)
                cell.number_format = self._formats[index]
                row.append(cell)
            else:
                row.append(value)
        self.sheet.append(row)
        self.rows += 1

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        if self.columns:
            self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.rows + 1}"


def write_table(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
                keep_types: bool = False) -> Path:
    """A one-sheet workbook (the import's error file). With *keep_types*, cells keep what they were
    in the source (a number stays a number) except text, which is always text."""
    book = XlsxBook(path)
    sheet = book.sheet(title, [Column(h or "", width=max(10, min(40, len(h or "") + 4))) for h in headers])
    for row in rows:
        sheet.append([_cell_value(v, keep_types) for v in row])
    book.close()
    return path


def _cell_value(value: Any, keep_types: bool) -> Any:
    if keep_types and isinstance(value, bool | int | float | date | datetime | Decimal):
        return value
    return "" if value is None else str(value)


def sheet_title(title: str, fallback: str = "Sheet") -> str:
    """Excel's rules for sheet names: at most 31 characters, none of []:*?/\\, no quote at the ends."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("' ") or fallback
    return cleaned[:31]


class CsvWriter:
    """UTF-8 with BOM (so Excel reads Cyrillic), semicolons (Excel's separator in Russia)."""

    def __init__(self, path: Path, headers: Sequence[str]) -> None:
        self.path = path
        self._temporary = path.with_name(f".{path.name}.part")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self._temporary.open("w", encoding="utf-8-sig", newline="")
        except PermissionError as exc:
            raise FileProblem("file.locked", path) from exc
        except OSError as exc:
            raise FileProblem("file.write_failed", path, reason=exc.strerror or str(exc)) from exc
        self._writer = csv.writer(self._handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        self._writer.writerow([csv_safe(h) for h in headers])

    def append(self, values: Sequence[Any]) -> None:
        self._writer.writerow([_csv_text(v) for v in values])

    def abort(self) -> None:
        self._handle.close()
        self._temporary.unlink(missing_ok=True)

    def close(self) -> None:
        self._handle.close()
        try:
            os.chmod(self._temporary, new_file_mode(self.path))
            os.replace(self._temporary, self.path)
        except PermissionError as exc:
            self._temporary.unlink(missing_ok=True)
            raise FileProblem("file.locked", self.path) from exc


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d.%m.%Y %H:%M") if value.tzinfo else value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return csv_safe(str(value))
