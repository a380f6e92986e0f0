"""Reading spreadsheets people bring: .xlsx, .xls, .ods (python-calamine) and .csv.

Files are untrusted. The format is decided by the content, not the name; zip containers are
measured before anything is unpacked (entry count, total size, compression ratio); password
protection, renamed files and corrupt archives get their own message; rows, columns and cell
length are capped so that a hostile file costs bounded time and memory (docs/spreadsheets.md).
"""

from __future__ import annotations

import codecs
import csv
import io
import shutil
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TypeVar
from xml.etree.ElementTree import ParseError

from defusedxml import DTDForbidden, EntitiesForbidden

from salesdesk.files import temporary
from salesdesk.files.errors import FileProblem
from salesdesk.files.extent import Extent, TooBig, TooMuchText, measure_xlsx, ods_sheets
from salesdesk.files.isolated import run_isolated
from salesdesk.files.writing import looks_guarded

Cell = str | float | int | bool | date | datetime | time | None
T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 200 * 1024 * 1024
    unpacked_bytes: int = 1024 * 1024 * 1024
    compression_ratio: int = 150  # a real sheet compresses 5-20x; bombs 1000x and more
    zip_entries: int = 5_000
    rows: int = 250_000
    columns: int = 200
    cells: int = 6_000_000  # rows x columns of the used area: what the reader holds in memory
    cell_chars: int = 32_767  # Excel's own limit
    # the text the reader may hold: 6,000,000 cells of 33 characters; a shared string shown by
    # many cells is copied into each (a 23 KB file asked for gigabytes)
    characters: int = 200_000_000
    # the address space and the time of the process that reads an .xls, which nothing measures
    # beforehand (files/isolated.py): 6 million cells of text (65,000 rows of 92, a 339 MB file)
    # took 2.2 GB and 8 s
    reader_bytes: int = 3 * 1024 * 1024 * 1024
    reader_seconds: float = 180.0


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Cell]]  # as read; trailing empty rows removed
    merged: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()


@dataclass(frozen=True)
class Workbook:
    path: Path
    kind: str  # "xlsx", "xls", "ods", "csv"
    sheet_names: tuple[str, ...]


def inspect_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Check that *path* is a spreadsheet we can read safely; name its sheets."""
    kind = _kind(path, limits)
    if kind == "csv":
        return Workbook(path, kind, (path.stem,))
    if kind == "ods":
        # measured before python-calamine opens it: it reads every sheet of an .ods at once
        names = tuple(name for name, _extent in _ods_sheets(path, limits))
        if not names:
            raise FileProblem("file.no_sheets", path)
        return Workbook(path, kind, names)
    if kind == "xls":
        names = _xls_sheet_names(path, limits)
    else:
        with _calamine(path, kind) as book:
            names = _worksheets(book)
    if not names:
        raise FileProblem("file.no_sheets", path)
    return Workbook(path, kind, names)


def read_sheet(
    path: Path, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS, *, book: Workbook | None = None
) -> Sheet:
    """All rows of one sheet (the first if *sheet* is None), within *limits*. *book*: what
    ``inspect_file`` said of this file already, so reading several sheets checks it once."""
    book = book or inspect_file(path, limits)
    if book.kind == "csv":
        return Sheet(book.sheet_names[0], _read_csv(path, limits))
    name = sheet if sheet is not None else book.sheet_names[0]
    if name not in book.sheet_names:
        raise FileProblem("file.no_such_sheet", path, sheet=name, sheets=", ".join(book.sheet_names))
    if book.kind == "xls":
        return _isolated(path, limits, _xls_sheet, name, limits)
    _check_extent(path, book.kind, name, limits)
    with _calamine(path, book.kind) as workbook:
        return _sheet(workbook, path, name, limits)


def _worksheets(book: object) -> tuple[str, ...]:
    return tuple(m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet"))  # type: ignore[attr-defined]


def _sheet(workbook: object, path: Path, name: str, limits: Limits) -> Sheet:
    try:
        data = workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
    except BaseException as exc:  # calamine reports broken sheet XML as several error types
        if _stopping(exc):
            raise
        raise FileProblem("file.corrupt", path) from exc
    # .height/.width are counts (total_* are the index of the last row/column)
    _check_size(path, data.height, data.width, limits)
    try:
        rows = [_tidy(row, limits) for row in _rows(data)]
    except BaseException as exc:
        if _stopping(exc):
            raise
        raise FileProblem("file.corrupt", path) from exc
    merged = tuple(tuple(r) for r in (data.merged_cell_ranges or ()))
    return Sheet(name, _trim(rows), merged)


# An .xls is read in a child process (files/isolated.py): python-calamine opens every sheet of it
# at once and trusts the sizes the file states, so a damaged or crafted one could stop the program.


def _isolated(path: Path, limits: Limits, fn: Callable[..., T], *args: object) -> T:
    with _named_as(path, "xls") as target:
        return run_isolated(path, limits.reader_bytes, limits.reader_seconds, fn, str(target), *args)


def _xls_sheet_names(path: Path, limits: Limits) -> tuple[str, ...]:
    """The sheets of an .xls, from the child process the first time: an import asks for them at
    each of its steps (the headers, the preview, the import), each time a process more (0.5 s).
    Kept while the file stays as it was (its size and time of change)."""
    try:
        info = path.stat()
        key = (str(path.resolve()), info.st_size, info.st_mtime_ns)
    except OSError:  # gone or locked since it was looked at: the reading says which
        return _isolated(path, limits, _xls_names)
    names = _XLS_NAMES.get(key)
    if names is None:
        names = _isolated(path, limits, _xls_names)
        if len(_XLS_NAMES) >= 16:  # a handful of files in a session; the window may read from two threads
            _XLS_NAMES.clear()
        _XLS_NAMES[key] = names
    return names


_XLS_NAMES: dict[tuple[str, int, int], tuple[str, ...]] = {}


def _xls_names(target: str) -> tuple[str, ...]:
    with _calamine(Path(target)) as book:
        return _worksheets(book)


def _xls_sheet(target: str, name: str, limits: Limits) -> Sheet:
    with _calamine(Path(target)) as workbook:
        return _sheet(workbook, Path(target), name, limits)


def _check_size(path: Path, rows: int, columns: int, limits: Limits) -> None:
    if rows > limits.rows + 1:  # the header row comes on top of the data rows
        raise FileProblem("file.too_many_rows", path, rows=rows, limit=limits.rows)
    if columns > limits.columns:
        raise FileProblem("file.too_many_columns", path, columns=columns, limit=limits.columns)
    if rows * columns > limits.cells:
        raise FileProblem("file.too_many_cells", path, rows=rows, columns=columns)


def _check_extent(path: Path, kind: str, sheet: str, limits: Limits) -> None:
    """Measure the sheet in its XML before the reader builds it (see files/extent.py)."""
    if kind != "xlsx":
        return  # .ods is measured when inspected; CSV row by row; .xls is not (docs/spreadsheets.md)
    try:
        with zipfile.ZipFile(path) as archive:
            extent, characters = measure_xlsx(archive, sheet, limits.characters)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FileProblem("file.corrupt", path) from exc
    _check_size(path, extent.rows, extent.columns, limits)
    if characters > limits.characters:
        raise FileProblem("file.too_much_text", path, characters=characters, limit=limits.characters)


def _ods_sheets(path: Path, limits: Limits) -> list[tuple[str, Extent]]:
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = ods_sheets(archive, Extent(limits.rows + 1, limits.columns), limits.cells, limits.characters)
    except TooMuchText as exc:
        raise FileProblem("file.too_much_text", path, characters=exc.characters, limit=limits.characters) from exc
    except TooBig as exc:
        _check_size(path, exc.extent.rows, exc.extent.columns, limits)
        raise FileProblem("file.too_many_cells", path, rows=exc.extent.rows, columns=exc.extent.columns) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, EntitiesForbidden, DTDForbidden, ParseError) as exc:
        raise FileProblem("file.corrupt", path) from exc
    return sheets


def _rows(data: object) -> Iterator[list[Cell]]:
    for row in data.iter_rows():  # type: ignore[attr-defined]
        yield list(row)


def _tidy(row: Sequence[Cell], limits: Limits) -> list[Cell]:
    """Text cells: at most Excel's cell length, without the apostrophe that guards a formula.

    Only a text that starts with an apostrophe or is too long is touched; the rest (nearly every
    cell) is tested in the loop itself, without a call per cell."""
    limit = limits.cell_chars
    out = row if isinstance(row, list) else list(row)
    for i, cell in enumerate(out):
        if isinstance(cell, str) and cell and (cell[0] == "'" or len(cell) > limit):
            cell = _unguard(cell)  # first: a guarded text of the full length keeps its last character
            if len(cell) > limit:
                cell = cell[:limit]
            if out is row:
                out = list(row)
            out[i] = cell
    return out


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    while rows and all(c in ("", None) for c in rows[-1]):
        rows.pop()
    return rows


# Format detection ---------------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def _kind(path: Path, limits: Limits) -> str:
    if path.is_dir():  # opening it would say "Is a directory" (or "Permission denied" on Windows)
        raise FileProblem("file.is_folder", path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(65536)
    except FileNotFoundError as exc:
        raise FileProblem("file.not_found", path) from exc
    except PermissionError as exc:
        raise FileProblem("file.locked", path) from exc
    except OSError as exc:
        raise FileProblem("file.unreadable", path, reason=exc.strerror or str(exc)) from exc
    if size == 0:
        raise FileProblem("file.empty", path)
    if size > limits.file_bytes:
        megabyte = 1024 * 1024
        raise FileProblem("file.too_big", path, size_mb=size // megabyte, limit_mb=limits.file_bytes // megabyte)
    if head.startswith(_ZIP):
        return _zip_kind(path, limits)
    if head.startswith(_OLE2):
        # An encrypted .xlsx is an OLE2 file holding an "EncryptedPackage" stream; its directory
        # can sit anywhere in the file, so the whole (size-capped) file is searched.
        if _encrypted(path):
            raise FileProblem("file.password", path)
        return "xls"
    if head.lstrip()[:16].lower().startswith(_NOT_SPREADSHEETS) or b"\x00" in head[:4096]:
        raise FileProblem("file.not_spreadsheet", path)
    return "csv"


# Files that are text (no NUL bytes) or common binaries but certainly not a table of clients.
_NOT_SPREADSHEETS = (
    b"%pdf-",
    b"\x89png",
    b"gif8",
    b"\xff\xd8\xff",
    b"{\\rtf",
    b"<!doctype html",
    b"<html",
    b"<?xml",
    b"pk\x05\x06",
    b"\x1f\x8b",
    b"bm",
    b"rar!",
    b"7z\xbc\xaf",
)


def _encrypted(path: Path) -> bool:
    marker = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as handle:
        tail = b""
        while block := handle.read(1 << 20):
            if marker in tail + block:
                return True
            tail = block[-len(marker) :]
    return False


def _zip_kind(path: Path, limits: Limits) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
            if len(entries) > limits.zip_entries:
                raise FileProblem("file.zip_bomb", path)
            unpacked = sum(e.file_size for e in entries)
            if unpacked > limits.unpacked_bytes:
                raise FileProblem("file.zip_bomb", path)
            for entry in entries:
                ratio = entry.file_size / max(entry.compress_size, 1)
                if entry.file_size > 1_000_000 and ratio > limits.compression_ratio:
                    raise FileProblem("file.zip_bomb", path)
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return "xlsx"
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
    except zipfile.BadZipFile as exc:
        raise FileProblem("file.corrupt", path) from exc
    raise FileProblem("file.not_spreadsheet", path)


@contextmanager
def _named_as(path: Path, kind: str | None) -> Iterator[Path]:
    """*path*, or a private copy of it named as a *kind* file: calamine picks its reader by the
    file name, and the format is decided by the content (an .xlsx saved as ".xls", an .ods named
    ".xlsx" open as what they are). The copy is removed afterwards."""
    if kind is None or path.suffix.lower() == f".{kind}":
        yield path
        return
    copy = temporary.private_file(suffix=f".{kind}")  # ours: a killed program's copy is cleaned
    try:
        shutil.copyfile(path, copy)
        yield copy
    finally:
        copy.unlink(missing_ok=True)


@contextmanager
def _calamine(path: Path, kind: str | None = None) -> Iterator[object]:
    """A workbook opened by python-calamine (as a *kind* file, see ``_named_as``), its errors
    turned into the user's words."""
    import python_calamine

    with _named_as(path, kind) as target:
        try:
            book = python_calamine.CalamineWorkbook.from_path(str(target))
        except python_calamine.PasswordError as exc:
            raise FileProblem("file.password", path) from exc
        except PermissionError as exc:
            raise FileProblem("file.locked", path) from exc
        except BaseException as exc:  # ZipError, XmlError, CalamineError and plain ValueErrors
            if _stopping(exc):
                raise
            raise FileProblem("file.corrupt", path) from exc
        try:
            yield book
        finally:
            book.close()


def _stopping(exc: BaseException) -> bool:
    """Ctrl+C or an exit, which go on as they were; any other failure of the reader means the file
    is damaged — python-calamine's panics too (a check inside the reader that the file failed,
    such as a stream shorter than its sectors), which derive from BaseException."""
    return isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit))


# CSV ----------------------------------------------------------------------------------------------


def _read_csv(path: Path, limits: Limits) -> list[list[Cell]]:
    """The records of a CSV, streamed from the file: rows, columns and cells are counted as they
    come, so a file past a limit is refused as soon as it crosses it, before its rows are built
    (docs/spreadsheets.md); nothing but the rows kept is held in memory (no copy of the file, decoded or
    not, and no temporary file)."""
    encoding, skip = _encoding(path)
    try:
        with path.open("rb") as raw:
            raw.seek(skip)
            delimiter = _delimiter(codecs.getincrementaldecoder(encoding)().decode(raw.read(65536)))
            raw.seek(skip)
            with io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
                return _trim(_csv_rows(csv.reader(text, delimiter=delimiter), limits, path))
    except csv.Error as exc:  # a NUL byte, an unterminated quote at the end of a damaged file
        raise FileProblem("file.corrupt", path) from exc
    except UnicodeDecodeError as exc:  # changed since it was checked
        raise FileProblem("file.encoding", path) from exc
    except OSError as exc:
        raise FileProblem("file.unreadable", path, reason=exc.strerror or str(exc)) from exc


def _csv_rows(reader: Iterator[list[str]], limits: Limits, path: Path) -> list[list[Cell]]:
    """The rows of *reader* until a limit is crossed. The rest of the file is not read, so the
    refusal names the rows read so far with a "+" ("30,151+ rows")."""
    rows: list[list[Cell]] = []
    width = 0
    for record in reader:
        if len(rows) > limits.rows + 1:
            raise FileProblem("file.too_many_rows", path, rows=f"{limits.rows}+", limit=limits.rows)
        if len(record) > limits.columns:
            raise FileProblem("file.too_many_columns", path, columns=len(record), limit=limits.columns)
        width = max(width, len(record))
        if (len(rows) + 1) * width > limits.cells:  # the same rectangle as the used area of a workbook
            raise FileProblem("file.too_many_cells", path, rows=f"{len(rows) + 1}+", columns=width)
        rows.append(_tidy(record, limits))
    return rows


def _unguard(cell: str) -> str:
    """Remove the apostrophe that guards text which would otherwise run as a formula.

    Our CSV export writes it, and doubles an apostrophe the text itself starts with; a spreadsheet
    that opened such a CSV and was saved keeps the guard as part of the text, so workbooks are
    unguarded too. Only before a formula character or another apostrophe (``looks_guarded``):
    our workbooks write a text typed that way with one apostrophe more.
    """
    if looks_guarded(cell):
        return cell[1:]
    return cell


def _encoding(path: Path) -> tuple[str, int]:
    """UTF-8 (with or without BOM) if the whole file decodes cleanly, else Windows-1251 (Excel's
    Russian CSV): the codec and how many bytes of BOM to skip. Checked block by block, so memory does
    not grow with the file."""
    with path.open("rb") as handle:
        skip = 3 if handle.read(3) == b"\xef\xbb\xbf" else 0
    for encoding in ("utf-8", "cp1251"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as handle:
                handle.seek(skip)
                while block := handle.read(1 << 20):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding, skip
    raise FileProblem("file.encoding", path)


def _delimiter(sample: str) -> str:
    """The one of ; , tab that splits the first records into the same number of columns most often.

    Records are read with the csv module itself, so a quoted note with commas and line breaks in
    it counts as one field.
    """
    best, best_score = ";", -1.0
    for candidate in (";", ",", "\t"):
        records = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
        try:
            counts = [len(r) for r, _ in zip(records, range(50), strict=False) if any(f.strip() for f in r)] or [1]
        except csv.Error:
            continue
        widest = max(counts)
        if widest < 2:
            continue
        score = counts.count(widest) / len(counts) + widest / 1000
        if score > best_score:
            best, best_score = candidate, score
    return best
