"""Reading spreadsheets people bring: .xlsx, .xls, .ods (python-calamine) and .csv.

Files are untrusted. The format is decided by the content, not the name; zip containers are
measured before anything is unpacked (entry count, total size, compression ratio); password
protection, renamed files and corrupt archives get their own message; rows, columns and cell
length are capped so that a hostile file costs bounded time and memory (DOMAIN.md §5).
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from salesdesk.files.errors import FileProblem
from salesdesk.files.writing import DANGEROUS_START

Cell = str | float | int | bool | date | datetime | time | None


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 200 * 1024 * 1024
    unpacked_bytes: int = 1024 * 1024 * 1024
    compression_ratio: int = 150  # a real sheet compresses 5-20x; bombs 1000x and more
    zip_entries: int = 5_000
    rows: int = 250_000
    columns: int = 200
    cell_chars: int = 32_767  # Excel's own limit


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
    with _calamine(path) as book:
        names = tuple(m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet"))
    if not names:
        raise FileProblem("file.no_sheets", path)
    return Workbook(path, kind, names)


def read_sheet(path: Path, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Sheet:
    """All rows of one sheet (the first if *sheet* is None), within *limits*."""
    book = inspect_file(path, limits)
    if book.kind == "csv":
        return Sheet(book.sheet_names[0], _read_csv(path, limits))
    name = sheet if sheet is not None else book.sheet_names[0]
    if name not in book.sheet_names:
        raise FileProblem("file.no_such_sheet", path, sheet=name, sheets=", ".join(book.sheet_names))
    with _calamine(path) as workbook:
        try:
            data = workbook.get_sheet_by_name(name)
        except Exception as exc:  # calamine reports broken sheet XML as several error types
            raise FileProblem("file.corrupt", path) from exc
        if data.total_height > limits.rows + 50:
            raise FileProblem("file.too_many_rows", path, rows=data.total_height, limit=limits.rows)
        if data.total_width > limits.columns:
            raise FileProblem("file.too_many_columns", path, columns=data.total_width, limit=limits.columns)
        try:
            rows = [_clip(row, limits) for row in _rows(data)]
        except Exception as exc:
            raise FileProblem("file.corrupt", path) from exc
        merged = tuple(tuple(r) for r in (data.merged_cell_ranges or ()))
    return Sheet(name, _trim(rows), merged)


def _rows(data: object) -> Iterator[list[Cell]]:
    for row in data.iter_rows():  # type: ignore[attr-defined]
        yield list(row)


def _clip(row: list[Cell], limits: Limits) -> list[Cell]:
    return [c[: limits.cell_chars] if isinstance(c, str) and len(c) > limits.cell_chars else c for c in row]


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    while rows and all(c in ("", None) for c in rows[-1]):
        rows.pop()
    return rows


# Format detection ---------------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def _kind(path: Path, limits: Limits) -> str:
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
        # An encrypted .xlsx is an OLE2 file holding an "EncryptedPackage" stream.
        if "EncryptedPackage".encode("utf-16-le") in head or b"EncryptionInfo" in head:
            raise FileProblem("file.password", path)
        return "xls"
    if b"\x00" in head[:4096]:
        raise FileProblem("file.not_spreadsheet", path)
    return "csv"


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


class _calamine:
    """Open a workbook with python-calamine, turning its errors into the user's words."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book: object = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        import python_calamine

        try:
            self.book = python_calamine.CalamineWorkbook.from_path(str(self.path))
        except python_calamine.PasswordError as exc:
            raise FileProblem("file.password", self.path) from exc
        except PermissionError as exc:
            raise FileProblem("file.locked", self.path) from exc
        except Exception as exc:  # ZipError, XmlError, CalamineError and plain ValueErrors
            raise FileProblem("file.corrupt", self.path) from exc
        return self.book

    def __exit__(self, *exc: object) -> None:
        close = getattr(self.book, "close", None)
        if close is not None:
            close()


# CSV ----------------------------------------------------------------------------------------------


def _read_csv(path: Path, limits: Limits) -> list[list[Cell]]:
    raw = path.read_bytes()
    text = _decode(raw, path)
    dialect_delimiter = _delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect_delimiter)
    rows: list[list[Cell]] = []
    for row in reader:
        if len(rows) >= limits.rows + 1:
            raise FileProblem("file.too_many_rows", path, rows=f"{limits.rows}+", limit=limits.rows)
        if len(row) > limits.columns:
            raise FileProblem("file.too_many_columns", path, columns=len(row), limit=limits.columns)
        rows.append(_clip([_unguard(cell) for cell in row], limits))
    return _trim(rows)


def _unguard(cell: str) -> str:
    """Remove the apostrophe a CSV export puts before text that would otherwise run as a formula."""
    if len(cell) > 1 and cell[0] == "'" and unicodedata.normalize("NFKC", cell[1]).startswith(DANGEROUS_START):
        return cell[1:]
    return cell


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM) if it decodes cleanly, else Windows-1251 (Excel's Russian CSV)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise FileProblem("file.encoding", path) from exc


def _delimiter(sample: str) -> str:
    """The one of ; , tab that splits the first lines into the same number of columns most often."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score = ";", -1.0
    for candidate in (";", ",", "\t"):
        counts = [len(next(csv.reader([line], delimiter=candidate))) for line in lines] or [1]
        widest = max(counts)
        if widest < 2:
            continue
        score = counts.count(widest) / len(counts) + widest / 1000
        if score > best_score:
            best, best_score = candidate, score
    return best
