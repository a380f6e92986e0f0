"""Writing spreadsheets: .xlsx with xlsxwriter in constant-memory mode (reports with charts with
openpyxl), and .csv.

Memory does not grow with the number of rows (rows stream to the file). No user text ever
becomes a formula (docs/spreadsheets.md): in .xlsx a text starting with "=" is written as a text cell
(and one that starts with an apostrophe before a formula character or another apostrophe gets one
more, see ``looks_guarded``); in .csv any cell starting with = + - @ tab CR LF (also in their
full-width forms) or with an apostrophe gets a leading apostrophe, which spreadsheets show as text
and our import removes again. Identifiers and phones are text cells, dates are dates, money is a
number with a format. Every sheet prints the same way (``print_setup``): landscape, as wide as
the page, the header row on every page, the title and the date at the top.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from salesdesk import paths
from salesdesk.domain.messages import msg
from salesdesk.files import temporary as temp_files
from salesdesk.files.errors import write_problem

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
MONEY_FORMAT = "#,##0.00"
TEXT_FORMAT = "@"
EXCEL_CELL_CHARS = 32_767  # the most a cell holds; only a change-history entry of two long notes comes near


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 14
    kind: str = "text"  # "text", "number", "money", "date", "datetime", "percent", "identifier", "wrap"


# About how many characters of column width a landscape A4 page holds at 100 % with our margins,
# and the smallest scale a printed sheet may shrink to before it takes another page across.
PAGE_WIDTH_CHARS = 150
SMALLEST_PRINT_SCALE = 0.6


def pages_across(width_chars: float) -> int:
    """Pages side by side a sheet of this total column width prints on: one while it fits at a
    readable scale; a wide sheet (the whole base's clients, 20-odd columns) takes two or three
    instead of shrinking to a size nobody can read."""
    readable = PAGE_WIDTH_CHARS / SMALLEST_PRINT_SCALE
    return max(1, math.ceil(width_chars / readable))


def print_setup(
    sheet: Any,
    title: str,
    *,
    header_rows: tuple[int, int] = (1, 1),
    printed: date | None = None,
    width_chars: float = 0,
) -> None:
    """How an openpyxl sheet (ordinary or write-only) prints: landscape A4, fitted to the page width
    (to as many pages across as keep it readable, see ``pages_across``) and as many pages down as it
    takes, the header rows repeated on every page, the title and the date in the page header and
    "page N of M" at the foot. One place for every sheet we write (the exported base, the error file
    of an import, reports)."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    across = pages_across(width_chars)
    sheet.page_setup.fitToWidth = across
    if across > 1:  # the pages of one band of rows come one after another, each with the row's name
        sheet.page_setup.pageOrder = "overThenDown"
        sheet.print_title_cols = "A:B"
    sheet.page_setup.fitToHeight = 0  # no limit down the page
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.6, header=0.3, footer=0.3)
    day = (printed or date.today()).strftime("%d.%m.%Y")
    sheet.oddHeader.left.text = _header_title(title)
    sheet.oddHeader.right.text = day
    sheet.oddFooter.center.text = str(msg("print.page_of"))


def _header_title(title: str) -> str:
    # "&" starts a code in a page header; 255 characters is Excel's limit for the whole header
    return xml_safe(title)[:120].replace("&", "&&")


def _xlsxwriter_print_setup(sheet: Any, title: str, *, width_chars: float, printed: date | None = None) -> None:
    """``print_setup``'s rules for a sheet xlsxwriter writes (the exported base, error files)."""
    across = pages_across(width_chars)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(across, 0)  # as many pages down as it takes
    sheet.repeat_rows(0)
    if across > 1:  # the pages of one band of rows come one after another, each with the row's name
        sheet.print_across()
        sheet.repeat_columns(0, 1)
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)
    day = (printed or date.today()).strftime("%d.%m.%Y")
    sheet.set_header(f"&L{_header_title(title)}&R{day}", {"margin": 0.3})
    sheet.set_footer(f"&C{msg('print.page_of')}", {"margin": 0.3})


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
    """A workbook written sheet by sheet, row by row, with xlsxwriter in constant-memory mode (one
    row in memory per sheet, the rows waiting in files of this process in the program's own
    temporary folder); ``close()`` puts it in place atomically, ``abort()`` (or a failing
    ``close()``) lets go of everything written so far."""

    def __init__(self, path: Path, title: str = "") -> None:
        import xlsxwriter

        self.path = path
        self.title = title  # printed at the top of each page, before the sheet's name
        self._folder = temp_files.private_folder()  # the rows are names, INNs, phones: ours, not the system's
        self.book = xlsxwriter.Workbook(
            None,
            {
                "constant_memory": True,
                "tmpdir": str(self._folder),
                # what a person typed stays text: never a formula, a link or a number
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        if title:
            self.book.set_properties({"title": title})
        self._formats = _Formats(self.book)
        self._sheets: list[XlsxSheet] = []

    def sheet(self, title: str, columns: Sequence[Column], part: int = 1) -> XlsxSheet:
        """A sheet named *title*; one that fills Excel's last row goes on in "*title* (2)", "(3)"…
        at the end of the book (the import reads them as one), so no row is ever left out."""
        suffix = f" ({part})" if part > 1 else ""
        raw = self.book.add_worksheet(sheet_title(title)[: 31 - len(suffix)].rstrip() + suffix)
        shown = f"{self.title} — {title}{suffix}" if self.title else title + suffix
        _xlsxwriter_print_setup(raw, shown, width_chars=sum(c.width for c in columns))
        sheet = XlsxSheet(raw, columns, self._formats)
        sheet._continue = lambda: self.sheet(title, columns, part + 1)
        self._sheets.append(sheet)
        return sheet

    def close(self) -> None:
        from xlsxwriter.exceptions import FileCreateError

        try:
            for sheet in self._sheets:
                sheet.finish()
            target = Replacement(self.path)
        except BaseException:
            self.abort()
            raise
        stream = _LetGoStream(target.stream)
        self.book.filename = stream
        try:
            self.book.close()
        except FileCreateError as exc:  # xlsxwriter's wrapper of the OSError that happened
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
            stream.let_go()
            self.abort()
            target.discard()
            raise write_problem(cause, self.path) from cause
        except OSError as exc:
            stream.let_go()
            self.abort()
            target.discard()
            raise write_problem(exc, self.path) from exc
        except BaseException:
            stream.let_go()
            self.abort()
            target.discard()
            raise
        self._remove_folder()
        target.finish()

    def abort(self) -> None:
        """Let go of what was written, quietly: the reason is being reported already."""
        for sheet in self.book.worksheets():
            with contextlib.suppress(Exception):
                sheet._opt_close()
        self.book.fileclosed = True  # nothing to finish at exit
        self._remove_folder()

    def _remove_folder(self) -> None:
        import shutil

        shutil.rmtree(self._folder, ignore_errors=True)


class _LetGoStream:
    """The file a workbook's zip archive is written to, which can be let go of half-written.

    xlsxwriter leaves its archive open when writing fails (a full disk); the collector then closes
    it later on a file already removed and prints "Exception ignored … seek of closed file". Once
    let go, this stream takes whatever the archive still does and passes nothing on."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream: BinaryIO | None = stream
        self._end = 0  # where the archive believes it is, once let go: its own sums stay in range

    def let_go(self) -> None:
        self._stream = None

    def write(self, data: bytes) -> int:
        if self._stream is None:
            self._end += len(data)
            return len(data)
        written = self._stream.write(data)
        self._end = self._stream.tell()
        return written

    def tell(self) -> int:
        return self._end if self._stream is None else self._stream.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._stream is None:
            self._end = offset if whence == 0 else self._end + offset
            return self._end
        return self._stream.seek(offset, whence)

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.flush()

    def seekable(self) -> bool:
        return True


class _Formats:
    """The cell formats of one workbook, made once (xlsxwriter keeps a format per workbook)."""

    def __init__(self, book: Any) -> None:
        self.header = book.add_format(
            {"bold": True, "bg_color": "#E8EEF7", "text_wrap": True, "valign": "vcenter", "border": 0}
        )
        self.text = book.add_format({"num_format": TEXT_FORMAT})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.by_kind = {
            "money": book.add_format({"num_format": MONEY_FORMAT}),
            "date": book.add_format({"num_format": DATE_FORMAT}),
            "datetime": book.add_format({"num_format": DATETIME_FORMAT}),
            "percent": book.add_format({"num_format": "0"}),
        }


class Replacement:
    """A new file written under a temporary name in the target's own folder (so that the rename
    that puts it in place is atomic) and renamed over the target only once it is complete.

    Nothing half-written is ever left: a failure removes the temporary file and is reported as
    what really happened (``files.errors.write_problem``). The folder must exist: a file is never
    put into a folder the user did not choose, and a mistyped one is said to be missing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # through a link, the file it points to is replaced and the link stays a link
        self._final = Path(os.path.realpath(path)) if path.is_symlink() else path
        # named with our process id, so that the next export into this folder (or the next start)
        # can tell a leftover of a killed SalesDesk from a file of one still running
        temp_files.remove_stale(self._final.parent)
        try:
            handle, name = tempfile.mkstemp(prefix=temp_files.own_prefix(), suffix=path.suffix, dir=self._final.parent)
        except OSError as exc:
            raise write_problem(exc, self._final) from exc
        self.temporary = Path(name)
        self.stream: BinaryIO = os.fdopen(handle, "wb")

    def finish(self) -> Path:
        try:
            self.stream.close()  # the last buffered bytes: a full disk may only show now
            os.chmod(self.temporary, new_file_mode(self._final))
            os.replace(self.temporary, self._final)
        except OSError as exc:
            self.discard()
            raise write_problem(exc, self._final) from exc
        return self.path

    def discard(self) -> None:
        """Let go of the temporary file; quietly, as the reason is being reported already."""
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()  # a buffered file closes its descriptor even when the flush fails
        with contextlib.suppress(OSError):
            self.temporary.unlink(missing_ok=True)


def save_workbook(book: Any, path: Path) -> None:
    """Save an openpyxl workbook through a temporary file in the same folder, so a failure never
    leaves half a file, with the permissions any new file of the user gets (not mkstemp's 0600).
    A failure is a ``FileProblem`` saying what happened; everything is closed in order first, so
    nothing complains again when Python exits."""
    try:
        target = Replacement(path)
    except BaseException:
        _abandon(book)
        raise
    try:
        _write_zip(book, target.stream)
    except OSError as exc:
        _abandon(book)
        target.discard()
        raise write_problem(exc, path) from exc
    except BaseException:
        _abandon(book)
        target.discard()
        raise
    target.finish()


def _write_zip(book: Any, stream: BinaryIO) -> None:
    """openpyxl's own ``save_workbook``, except that the zip archive is always closed before its
    file, also when writing fails (openpyxl leaves it to the garbage collector, which then tries
    to finish the archive on a closed or full file and prints "Exception ignored")."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if book.write_only and not book.worksheets:
        book.create_sheet()
    book.properties.modified = datetime.now(UTC).replace(tzinfo=None)
    archive = ZipFile(stream, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(book, archive).write_data()
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            archive.close()  # lets go of the stream whatever happens; the file is removed anyway
        raise
    archive.close()  # the central directory: on a full disk this raises, and the archive is let go


def _abandon(book: Any) -> None:
    """Close the sheets of a write-only workbook that was not saved and remove their temporary
    files, quietly: left open, each would be finished at exit on a closed file ("Exception
    ignored … I/O operation on closed file")."""
    if not getattr(book, "write_only", False):
        return
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    for sheet in book.worksheets:
        if not sheet.closed:
            with contextlib.suppress(Exception):
                sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            writer.close()
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.remove(out)
            if out in ALL_TEMP_FILES:
                ALL_TEMP_FILES.remove(out)


def _read_umask() -> int:
    mask = os.umask(0)  # reading the mask means setting it: done once, at import, before any worker thread
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def new_file_mode(path: Path) -> int:
    """A file written into SalesDesk's data folder is the owner's only; elsewhere the user's umask
    decides, as for any new file of theirs."""
    return 0o600 if paths.in_data_dir(path) else 0o666 & ~_UMASK


def excel_cell_text(value: str) -> str:
    """*value* cut to what an Excel cell holds, with "…" where it was cut. Excel counts UTF-16 units:
    an emoji or another character beyond the basic plane is two of them."""
    encoded = value.encode("utf-16-le")
    if len(encoded) <= 2 * EXCEL_CELL_CHARS:
        return value
    # a pair cut in half is dropped whole ("ignore"), never left as half a character
    return encoded[: 2 * (EXCEL_CELL_CHARS - 1)].decode("utf-16-le", errors="ignore") + "…"


def _grow_dimensions(sheet: Any, row: int, first: int, last: int) -> None:
    """The used range xlsxwriter keeps per cell (its <dimension>), grown here once per row."""
    if sheet.dim_rowmin is None or row < sheet.dim_rowmin:
        sheet.dim_rowmin = row
    if sheet.dim_rowmax is None or row > sheet.dim_rowmax:
        sheet.dim_rowmax = row
    if sheet.dim_colmin is None or first < sheet.dim_colmin:
        sheet.dim_colmin = first
    if sheet.dim_colmax is None or last > sheet.dim_colmax:
        sheet.dim_colmax = last


class XlsxSheet:
    """One sheet of an ``XlsxBook``, filled a row at a time by ``append``.

    A row of the plain kinds (text, whole and decimal numbers, dates and times) is rendered here
    straight into the sheet's row file as the XML xlsxwriter itself writes for it — byte for byte,
    format indexes taken in the same order — about five times faster than a ``write_*`` call per
    cell (issue 17). A row holding anything else, and every row of a sheet with wrapped columns,
    goes through xlsxwriter cell by cell (``append_cells``); a text needing escapes, whitespace kept
    or control characters is written by xlsxwriter's own cell writer. ``tests/integration/
    test_export_fast.py`` holds the two ways to the same bytes."""

    def __init__(self, sheet: Any, columns: Sequence[Column], formats: _Formats) -> None:
        self.sheet = sheet
        self.columns = list(columns)
        self.rows = 0
        self._continue: Callable[[], XlsxSheet] | None = None  # the next sheet of the book, made on demand
        self._next: XlsxSheet | None = None  # the rows past Excel's last row go there
        self._formats = formats
        for index, column in enumerate(self.columns):
            # identifiers are written as text; the column's format keeps what is typed into it later text too
            sheet.set_column(index, index, column.width, formats.text if column.kind == "identifier" else None)
        sheet.freeze_panes(1, 0)
        for index, column in enumerate(self.columns):
            sheet.write_string(0, index, xml_safe(column.title), formats.header)
        # the format of a number or date cell by column (dates get one wherever they are)
        self._number_format = [formats.by_kind.get(c.kind) for c in self.columns]
        # long texts (the reason of an error file) wrap inside their column instead of running on
        self._wrapped = {i for i, c in enumerate(self.columns) if c.kind == "wrap"}
        # the rows rendered here follow xlsxwriter's own internals: only with a version they were
        # checked against (tests/integration/test_export_fast.py), else its write_* per cell
        self._fast = not self._wrapped and getattr(sheet, "constant_memory", False) and _checked_xlsxwriter()
        if self._fast:
            from xlsxwriter.utility import xl_col_to_name
            from xlsxwriter.worksheet import CellDatetimeTuple, CellNumberTuple, CellStringTuple

            self._cell_kinds = (CellStringTuple, CellNumberTuple, CellDatetimeTuple)
            # rows of the default height, as xlsxwriter writes them: <row r="N">
            self._plain_rows = sheet.excel_version != 2010 and sheet.default_row_height == sheet.original_row_height
            self._letters = [f'<c r="{xl_col_to_name(i)}' for i in range(len(self.columns))]
            self._column_format = [
                sheet.col_info[i].column_format if i in sheet.col_info else None for i in range(len(self.columns))
            ]
            self._style: dict[tuple[int, int], str] = {}  # (column, format) → ' s="N"', resolved at first use
            self._styles: dict[tuple[int, int], str] = {}  # (column, kind of value) → ' s="N"', once indexed

    def append(self, values: Sequence[Any]) -> None:
        if self.rows + 1 >= rows_per_sheet():  # Excel's last row is taken: the sheet goes on in the next
            if self._next is None:
                if self._continue is None:
                    raise ValueError("a sheet past Excel's last row with no sheet to go on in")
                self._next = self._continue()
            self._next.append(values)
            return
        if self._fast and len(values) <= len(self.columns):
            done = self._render(values)
            if done is None:  # a format without its index yet: the row waits, as in xlsxwriter
                done = self._append_fast(values)
            if done:
                return
        self.append_cells(values)

    def _style_of(self, index: int, kind: int, cell_format: Any) -> str | None:
        """The style attribute of a cell of *kind* (0 text, 1 number, 2 date and time, 3 date) in
        column *index* once its format has its index (kept from then on), else None."""
        effective = cell_format if cell_format is not None else self._column_format[index]
        if effective is not None and effective.xf_index is None:
            return None
        style = f' s="{effective.xf_index}"' if effective is not None else ""
        self._styles[(index, kind)] = style
        return style

    def _render(self, values: Sequence[Any]) -> bool | None:
        """The row written out at once, as ``_flush`` would write it when the next row comes: the
        same bytes as long as every format its cells take has its index already (formats get their
        indexes in the order cells go out). False (nothing written) for a row left to
        ``append_cells``, None for one that has to wait (``_append_fast``)."""
        row = self.rows + 1
        sheet = self.sheet
        if not self._plain_rows:  # rows of another height: xlsxwriter writes their <row>
            return None
        styles = self._styles
        number_format, by_kind = self._number_format, self._formats.by_kind
        letters = self._letters
        number = f'{row + 1}"'
        out: list[str] = []
        first = last = -1
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                style = styles.get((index, 0))
                if style is None and (style := self._style_of(index, 0, None)) is None:
                    return None
                if _NEEDS_CARE.search(value):  # also every character _cell_text drops
                    text = _cell_text(value)
                    if _NEEDS_CARE.search(text):  # escapes, kept whitespace, control characters
                        out.append(self._cell_xml(row, index, self._cell_kinds[0](text, None)))
                        first = index if first < 0 else first
                        last = index
                        continue
                else:
                    text = value
                    if text[0] == "'" and looks_guarded(text):  # typed that way: one more, the import takes one off
                        text = "'" + text
                    if len(text) > EXCEL_CELL_CHARS // 2:
                        text = excel_cell_text(text)
                out.append(f'{letters[index]}{number}{style} t="inlineStr"><is><t>{text}</t></is></c>')
            elif kind is int or (kind is Decimal and value.is_finite()) or (kind is float and math.isfinite(value)):
                style = styles.get((index, 1))
                if style is None and (style := self._style_of(index, 1, number_format[index])) is None:
                    return None
                out.append(f"{letters[index]}{number}{style}><v>{value:.16G}</v></c>")
            elif kind is datetime or kind is date:
                code = 2 if kind is datetime else 3
                style = styles.get((index, code))
                if style is None:
                    cell_format = number_format[index] or by_kind["datetime" if code == 2 else "date"]
                    if (style := self._style_of(index, code, cell_format)) is None:
                        return None
                if kind is datetime and value.tzinfo is not None:
                    value = value.astimezone().replace(tzinfo=None)  # spreadsheets have no time zones
                out.append(f"{letters[index]}{number}{style}><v>{sheet._convert_date_time(value):.16G}</v></c>")
            else:
                return False
            if first < 0:
                first = index
            last = index
        if out:
            if sheet.table or sheet.row_info:  # a row xlsxwriter keeps goes out first
                self._flush(row)
            else:
                sheet.previous_row = row
            _grow_dimensions(sheet, row, first, last)
            sheet.fh.write(f'<row r="{row + 1}">{"".join(out)}</row>')
        self.rows += 1
        return True

    def append_cells(self, values: Sequence[Any]) -> None:
        """The row written through xlsxwriter's ``write_*``, one call per cell."""
        row = self.rows + 1
        sheet = self.sheet
        if self._wrapped:
            # spreadsheets do not grow a row for wrapped text they did not lay out themselves
            lines = max((_lines(values[i], self.columns[i].width) for i in self._wrapped if i < len(values)), default=1)
            if lines > 1:
                sheet.set_row(row, 15.0 * lines + 2)
        formats = self._number_format
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                value = _cell_text(value)
                sheet.write_string(row, index, value, self._formats.wrap if index in self._wrapped else None)
            elif isinstance(value, bool):
                sheet.write_boolean(row, index, value)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(row, index, value, formats[index] if index < len(formats) else None)
            elif isinstance(value, datetime):
                if value.tzinfo is not None:
                    value = value.astimezone().replace(tzinfo=None)  # spreadsheets have no time zones
                kind = formats[index] if index < len(formats) and formats[index] else self._formats.by_kind["datetime"]
                sheet.write_datetime(row, index, value, kind)
            elif isinstance(value, date):
                kind = formats[index] if index < len(formats) and formats[index] else self._formats.by_kind["date"]
                sheet.write_datetime(row, index, value, kind)
            else:
                sheet.write_string(row, index, xml_safe(str(value)))
        self.rows += 1

    def _append_fast(self, values: Sequence[Any]) -> bool:
        """The row put in xlsxwriter's table of the current row as its ``write_*`` calls would put it,
        the row before written out by ``_flush`` as xlsxwriter's ``_write_single_row`` would; False
        (nothing done) when a value is of a kind left to ``append_cells``."""
        row = self.rows + 1
        sheet = self.sheet
        number_format = self._number_format
        by_kind = self._formats.by_kind
        string_cell, number_cell, datetime_cell = self._cell_kinds
        cells: dict[int, Any] = {}
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                cells[index] = string_cell(_cell_text(value), None)
            elif kind is int or (kind is Decimal and value.is_finite()) or (kind is float and math.isfinite(value)):
                cells[index] = number_cell(value, number_format[index])
            elif kind is datetime or kind is date:
                if kind is datetime and value.tzinfo is not None:
                    value = value.astimezone().replace(tzinfo=None)  # spreadsheets have no time zones
                style = number_format[index] or by_kind["datetime" if kind is datetime else "date"]
                cells[index] = datetime_cell(sheet._convert_date_time(value), style)
            else:
                return False
        if cells:
            if row > sheet.previous_row:  # what xlsxwriter does at a row's first cell: the row before goes out
                self._flush(row)
            first, last = min(cells), max(cells)
            _grow_dimensions(sheet, row, first, last)
            sheet.table[row] = cells
        self.rows += 1
        return True

    def _flush(self, current: int) -> None:
        """xlsxwriter's ``_write_single_row(current)``: the row kept so far written to the sheet's
        row file, the table emptied; the plain cells rendered here, anything else by xlsxwriter."""
        sheet = self.sheet
        row = sheet.previous_row
        cells = sheet.table.get(row)
        if not cells or row in sheet.row_info or row in sheet.comments or not self._plain_rows:
            sheet._write_single_row(current)
            return
        sheet.previous_row = current
        number = f'{row + 1}"'
        out = []
        letters = self._letters
        for index in range(sheet.dim_colmin, sheet.dim_colmax + 1):
            cell = cells.get(index)
            if cell is None:
                continue
            kind = cell.__class__.__name__
            if kind == "String" and not _NEEDS_CARE.search(cell.string):
                style = self._s(index, cell.format)
                out.append(f'{letters[index]}{number}{style} t="inlineStr"><is><t>{cell.string}</t></is></c>')
            elif kind == "Number" or kind == "Datetime":
                out.append(f"{letters[index]}{number}{self._s(index, cell.format)}><v>{cell.number:.16G}</v></c>")
            else:  # escapes, kept whitespace, control characters, other kinds: xlsxwriter's own writer
                out.append(self._cell_xml(row, index, cell))
        sheet.fh.write(f'<row r="{row + 1}">{"".join(out)}</row>')
        sheet.table.clear()

    def _s(self, index: int, cell_format: Any) -> str:
        """The style attribute of a cell: its own format, else its column's (as xlsxwriter's
        ``_write_cell``); its index is asked of xlsxwriter when the cell is written out, so the
        indexes come in the same order as before."""
        key = (index, id(cell_format))
        style = self._style.get(key)
        if style is None:
            effective = cell_format if cell_format is not None else self._column_format[index]
            style = f' s="{effective._get_xf_index()}"' if effective is not None else ""
            self._style[key] = style
        return style

    def _cell_xml(self, row: int, index: int, cell: Any) -> str:
        """One cell as xlsxwriter's ``_write_cell`` writes it."""
        sheet, real = self.sheet, self.sheet.fh
        sheet.fh = buffer = io.StringIO()
        try:
            sheet._write_cell(row, index, cell)
        finally:
            sheet.fh = real
        return buffer.getvalue()

    def finish(self) -> None:
        if self.columns:
            self.sheet.autofilter(0, 0, self.rows, len(self.columns) - 1)


_EXCEL_ROWS = 1_048_576  # rows of a sheet, the header's among them


_CHECKED_XLSXWRITER = ("3.3.",)  # versions whose row file the fast path writes byte for byte (3.3.1 checked)


def _checked_xlsxwriter() -> bool:
    import xlsxwriter

    return str(xlsxwriter.__version__).startswith(_CHECKED_XLSXWRITER)


def rows_per_sheet() -> int:
    """Excel's rows per sheet (a function, so a test can make the limit small)."""
    return _EXCEL_ROWS


# A text the plain inline-string template would write differently from xlsxwriter: XML escapes,
# control characters and "_xHHHH_" (escaped by Excel's rule), leading or trailing whitespace (kept
# with xml:space), a rich string's "<r>".
_NEEDS_CARE = re.compile(r"[&<>\x00-\x1f]|_x[0-9a-fA-F]{4}_|^\s|\s$")


def _cell_text(value: str) -> str:
    """A text as a cell gets it: characters XML cannot hold dropped, a typed guard kept by one more
    apostrophe (the import takes one off), cut at Excel's limit visibly."""
    value = xml_safe(value)
    if looks_guarded(value):  # typed that way: one more, as the import takes one off
        value = "'" + value
    if len(value) > EXCEL_CELL_CHARS // 2:  # Excel's limit: cut visibly, never silently
        value = excel_cell_text(value)
    return value


def write_table(
    path: Path,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    keep_types: bool = False,
    kinds: Sequence[str] = (),
    book_title: str = "",
) -> Path:
    """A one-sheet workbook (the import's error file), laid out like an export: columns as wide as
    their contents, the header frozen, the print set up. With *keep_types*, cells keep what they
    were in the source (a number stays a number) except text, which is always text; *kinds* names
    columns that are "identifier" (INN, phone: always text) by position."""
    values = [[_cell_value(v, keep_types) for v in row] for row in rows]  # an error file is small
    columns = []
    for index, header in enumerate(headers):
        kind = kinds[index] if index < len(kinds) else "text"
        longest = max(
            [len(line) * 1.2 for line in (header or "").split("\n")]  # the header is bold
            + [_shown_length(row[index]) for row in values if index < len(row)]
            + [0]
        )
        columns.append(Column(header or "", width=float(max(10, min(60, round(longest) + 3))), kind=kind))
    book = XlsxBook(path, book_title)
    sheet = book.sheet(title, columns)
    for row in values:
        sheet.append(
            [_identifier_text(v) if i < len(kinds) and kinds[i] == "identifier" else v for i, v in enumerate(row)]
        )
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
    """UTF-8 with BOM (so Excel reads Cyrillic), semicolons (Excel's separator in Russia).

    Written like a workbook (``Replacement``): beside the target under a temporary name, renamed
    at ``close()``; ``abort()`` or any failure leaves nothing behind and says what happened."""

    def __init__(self, path: Path, headers: Sequence[str]) -> None:
        self.path = path
        self._target = Replacement(path)
        self._handle = io.TextIOWrapper(self._target.stream, encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        self._write([csv_safe(h) for h in headers])

    def append(self, values: Sequence[Any]) -> None:
        self._write([_csv_text(v) for v in values])

    def _write(self, cells: list[str]) -> None:
        try:
            self._writer.writerow(cells)
        except OSError as exc:
            self.abort()
            raise write_problem(exc, self.path) from exc

    def abort(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._handle.close()
        self._target.discard()

    def close(self) -> None:
        try:
            self._handle.close()
        except OSError as exc:
            self.abort()
            raise write_problem(exc, self.path) from exc
        self._target.finish()


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
