"""Writing spreadsheets: .xlsx with openpyxl in write-only mode, and .csv.

Memory does not grow with the number of rows (rows stream to the file). No user text ever
becomes a formula (DOMAIN.md §4): in .xlsx a text starting with "=" is written as a text cell
(and one that starts with an apostrophe before a formula character or another apostrophe gets one
more, see ``looks_guarded``); in .csv any cell starting with = + - @ tab CR LF (also in their
full-width forms) or with an apostrophe gets a leading apostrophe, which spreadsheets show as text
and our import removes again. Identifiers and phones are text cells, dates are dates, money is a
number with a format. Every sheet prints the same way (``print_setup``): landscape, as wide as
the page, the header row on every page, the title and the date at the top.
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
from salesdesk.domain.messages import msg
from salesdesk.files import temporary as temp_files
from salesdesk.files.errors import FileProblem

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
MONEY_FORMAT = "#,##0.00"
TEXT_FORMAT = "@"


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 14
    kind: str = "text"  # "text", "number", "money", "date", "datetime", "percent", "identifier", "wrap"


def print_setup(sheet: Any, title: str, *, header_rows: tuple[int, int] = (1, 1),
                printed: date | None = None) -> None:
    """How an openpyxl sheet (ordinary or write-only) prints: landscape A4, fitted to the page width
    and as many pages down as it takes, the header rows repeated on every page, the title and the
    date in the page header and "page N of M" at the foot. One place for every sheet we write
    (the exported base, the error file of an import, reports)."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # no limit down the page
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.6, header=0.3, footer=0.3)
    day = (printed or date.today()).strftime("%d.%m.%Y")
    # "&" starts a code in a page header; 255 characters is Excel's limit for the whole header
    sheet.oddHeader.left.text = xml_safe(title).replace("&", "&&")[:200]
    sheet.oddHeader.right.text = day
    sheet.oddFooter.center.text = str(msg("print.page_of"))


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

    def __init__(self, path: Path, title: str = "") -> None:
        from openpyxl import Workbook

        temp_files.keep_openpyxl_files_here()  # the rows wait in a file: ours, not the system's
        self.path = path
        self.title = title  # printed at the top of each page, before the sheet's name
        self.book = Workbook(write_only=True)
        if title:
            self.book.properties.title = title
        self._sheets: list[XlsxSheet] = []

    def sheet(self, title: str, columns: Sequence[Column]) -> XlsxSheet:
        raw = self.book.create_sheet(title=sheet_title(title))
        # a write-only sheet writes its properties with its first row: set up the print before
        print_setup(raw, f"{self.title} — {title}" if self.title else title)
        sheet = XlsxSheet(raw, columns)
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
        temp_files.remove_stale(folder)
        handle, temporary = tempfile.mkstemp(prefix=temp_files.own_prefix(), suffix=".xlsx", dir=folder)
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
            # identifiers are written as text; the column's format keeps what is typed into it later text too
            if column.kind == "identifier":
                sheet.column_dimensions[get_column_letter(index)].number_format = TEXT_FORMAT
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
        # long texts (the reason of an error file) wrap inside their column instead of running on
        self._wrapped = {i for i, c in enumerate(self.columns) if c.kind == "wrap"}
        self._wrap = Alignment(vertical="top", wrap_text=True)

    def append(self, values: Sequence[Any]) -> None:
        if self._wrapped:
            # spreadsheets do not grow a row for wrapped text they did not lay out themselves
            lines = max((_lines(values[i], self.columns[i].width) for i in self._wrapped if i < len(values)),
                        default=1)
            if lines > 1:
                self.sheet.row_dimensions[self.rows + 2].height = 15.0 * lines + 2
        row: list[Any] = []
        for index, value in enumerate(values):
            if value is None or value == "":
                row.append(None)
            elif isinstance(value, str):
                value = xml_safe(value)
                if looks_guarded(value):  # typed that way: one more, as the import takes one off
                    value = "'" + value
                if value.startswith("=") or index in self._wrapped:
                    cell = self._cell(self.sheet, value=value)
                    cell.data_type = "s"  # never a formula
                    if index in self._wrapped:
                        cell.alignment = self._wrap
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
                keep_types: bool = False, kinds: Sequence[str] = (), book_title: str = "") -> Path:
    """A one-sheet workbook (the import's error file), laid out like an export: columns as wide as
    their contents, the header frozen, the print set up. With *keep_types*, cells keep what they
    were in the source (a number stays a number) except text, which is always text; *kinds* names
    columns that are "identifier" (INN, phone: always text) by position."""
    values = [[_cell_value(v, keep_types) for v in row] for row in rows]  # an error file is small
    columns = []
    for index, header in enumerate(headers):
        kind = kinds[index] if index < len(kinds) else "text"
        longest = max([len(line) * 1.2 for line in (header or "").split("\n")]  # the header is bold
                      + [_shown_length(row[index]) for row in values if index < len(row)] + [0])
        columns.append(Column(header or "", width=float(max(10, min(60, round(longest) + 3))), kind=kind))
    book = XlsxBook(path, book_title)
    sheet = book.sheet(title, columns)
    for row in values:
        sheet.append([_identifier_text(v) if i < len(kinds) and kinds[i] == "identifier" else v
                      for i, v in enumerate(row)])
    book.close()
    return path


def _lines(value: Any, width: float) -> int:
    """About how many lines *value* takes wrapped in a column *width* characters wide."""
    if not isinstance(value, str) or not value:
        return 1
    import textwrap

    return sum(max(1, len(textwrap.wrap(part, max(1, int(width) - 2)))) for part in value.split("\n"))


def _shown_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).split("\n")), default=0)


def _identifier_text(value: Any) -> Any:
    """An identifier or phone as the text a person reads: 7707083893.0 is "7707083893"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


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
        self._temporary = path.with_name(f"{temp_files.own_prefix()}{path.name}.part")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp_files.remove_stale(path.parent)
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
