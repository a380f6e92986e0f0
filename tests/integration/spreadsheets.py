"""Spreadsheet files built by hand for the import tests: hostile, broken or simply unusual.

Everything is generated at test time and kept small on disk; the helpers that stand for huge
inputs (a zip bomb, a million-row sheet) never hold the big data in memory.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
    '<sheets><sheet name="Клиенты" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)

# Billion laughs: nine levels of ten references each, 3 * 10**9 characters once expanded.
LAUGHS_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + '<!ENTITY lolz "&lol9;">]>'
)


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (Excel's column names)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def inline_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def sheet_xml(rows: Iterable[tuple[int, Sequence[str]]], *, doctype: str = "", merged: Sequence[str] = ()) -> str:
    """A worksheet of inline-string cells; *rows* are (row number, texts from column A)."""
    body = "".join(
        f'<row r="{number}">'
        + "".join(
            inline_cell(f"{column_letter(i)}{number}", text) for i, text in enumerate(texts, start=1) if text != ""
        )
        + "</row>"
        for number, texts in rows
    )
    merges = (
        (f'<mergeCells count="{len(merged)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merged) + "</mergeCells>")
        if merged
        else ""
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<worksheet xmlns="{MAIN_NS}"><sheetData>{body}</sheetData>{merges}</worksheet>'
    )


def shared_strings_xml(strings: Sequence[str], *, doctype: str = "") -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)  # raw: entity references must survive
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<sst xmlns="{MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )


def raw_xlsx(path: Path, sheet: str, *, shared_strings: str | None = None) -> Path:
    """The smallest workbook Excel accepts, with the given sheet XML (and shared strings)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", shared_strings or shared_strings_xml([]))
    return path


def workbook(path: Path, rows: Sequence[Sequence[object]], title: str = "Лист1") -> Path:
    """An ordinary workbook written by openpyxl, as a user's Excel file would be."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def zip_of_zeros(
    path: Path, size: int, *, compresslevel: int = 1, name: str = "xl/worksheets/sheet1.xml", chunk: int = 8 << 20
) -> Path:
    """An xlsx-looking archive whose *name* entry inflates to *size* zero bytes (a zip bomb).

    Written in chunks through the deflate stream, so the big data never exists in memory.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zeros = bytes(chunk)
        with archive.open(name, "w", force_zip64=True) as entry:
            left = size
            while left > 0:
                entry.write(zeros[: min(chunk, left)])
                left -= chunk
    return path


# OLE2 (compound file) --------------------------------------------------------------------------------

_ENDOFCHAIN, _FREESECT, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
_SECTOR = 512


def _directory_entry(
    name: str, kind: int, *, child: int = _NOSTREAM, right: int = _NOSTREAM, start: int = _ENDOFCHAIN, size: int = 0
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _NOSTREAM, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


def compound_file(path: Path, streams: Sequence[tuple[str, bytes]], *, directory_last: bool = False) -> Path:
    """An OLE2 compound file, the container of an .xls and of an encrypted .xlsx, holding
    *streams* (at most three). Each is at least 4096 bytes long, padded with zeros, so that it
    lives in ordinary sectors (a shorter one belongs in the mini stream, which this file has none
    of). With *directory_last* the directory sector follows the streams, as LibreOffice writes it."""
    assert 1 <= len(streams) <= 3, "one directory sector holds the root and three streams"
    padded = [data.ljust(max(4096, -(-len(data) // _SECTOR) * _SECTOR), b"\0") for _name, data in streams]
    counts = [len(data) // _SECTOR for data in padded]
    fat_count = -(-(sum(counts) + 1 + 4) // 127)  # sectors the FAT needs to map everything
    starts, sector = [], fat_count + (0 if directory_last else 1)
    for count in counts:
        starts.append(sector)
        sector += count
    directory = sector if directory_last else fat_count
    fat = [_FREESECT] * (fat_count * 128)
    for sector in range(fat_count):
        fat[sector] = _FATSECT
    fat[directory] = _ENDOFCHAIN
    for start, count in zip(starts, counts, strict=True):
        for sector in range(start, start + count - 1):
            fat[sector] = sector + 1
        fat[start + count - 1] = _ENDOFCHAIN
    difat = list(range(fat_count)) + [_FREESECT] * (109 - fat_count)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, fat_count, directory, 0, 4096, _ENDOFCHAIN, 0, _ENDOFCHAIN, 0)
        + struct.pack("<109I", *difat)
    )
    entries = _directory_entry("Root Entry", 5, child=1)
    for n, ((name, data), start) in enumerate(zip(streams, starts, strict=True), start=1):
        following = n + 1 if n < len(streams) else _NOSTREAM
        entries += _directory_entry(name, 2, right=following, start=start, size=max(len(data), 4096))
    entries = entries.ljust(_SECTOR, b"\0")
    sectors = {start: data for start, data in zip(starts, padded, strict=True)} | {directory: entries}
    body = b"".join(sectors[start] for start in sorted(sectors))
    path.write_bytes(header + struct.pack(f"<{len(fat)}I", *fat) + body)
    return path


def encrypted_workbook(path: Path, package_bytes: int = 4096, *, directory_last: bool = False) -> Path:
    """What Excel writes for a workbook with an opening password: an OLE2 compound file holding
    "EncryptionInfo" and "EncryptedPackage" streams (ECMA-376 part 2; the contents here are random)."""
    info = (struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>').ljust(4096, b"\0")
    package = struct.pack("<Q", package_bytes) + random.Random(7).randbytes(package_bytes)
    return compound_file(path, [("EncryptionInfo", info), ("EncryptedPackage", package)], directory_last=directory_last)


# Excel 97-2003 (.xls, BIFF8): just enough records for python-calamine to read a sheet.


def biff(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def xls_text(row: int, column: int, string: int) -> bytes:
    """LABELSST: a cell showing the *string*-th shared string."""
    return biff(0x00FD, struct.pack("<HHHI", row, column, 0, string))


def xls_number(row: int, column: int, value: float) -> bytes:
    return biff(0x0203, struct.pack("<HHHd", row, column, 0, value))


def xls_dimensions(first_row: int, last_row: int, first_column: int, last_column: int) -> bytes:
    """DIMENSIONS: the used area as the file states it (last row and column past the end)."""
    return biff(0x0200, struct.pack("<IIHHH", first_row, last_row, first_column, last_column, 0))


def xls_workbook(path: Path, strings: Sequence[str], cells: Sequence[bytes], sheet: str = "Клиенты") -> Path:
    """An .xls of one sheet: its shared *strings* and its cell records (``xls_text``, ``xls_number``,
    ``xls_dimensions``)."""

    def unicode(text: str, width: str) -> bytes:  # an XLUnicodeString, stored as UTF-16
        return struct.pack(width, len(text)) + b"\1" + text.encode("utf-16-le")

    beginning = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    cell_format = biff(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    shared = biff(0x00FC, struct.pack("<II", len(strings), len(strings)) + b"".join(unicode(t, "<H") for t in strings))
    end = biff(0x000A, b"")

    def book(sheet_at: int) -> bytes:
        sheet_entry = biff(0x0085, struct.pack("<IBB", sheet_at, 0, 0) + unicode(sheet, "<B"))
        return beginning + biff(0x0042, struct.pack("<H", 1200)) + cell_format * 16 + sheet_entry + shared + end

    globals_ = book(len(book(0)))
    sheet_stream = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06)) + b"".join(cells) + end
    return compound_file(path, [("Workbook", globals_ + sheet_stream)])


# OpenDocument ------------------------------------------------------------------------------------------

ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)


def ods_cell(text: str, repeat: int = 1) -> str:
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{repeated}><text:p>{escape(text)}</text:p></table:table-cell>'


def ods_row(cells: str, repeat: int = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{cells}</table:table-row>"


def raw_ods(path: Path, rows_xml: str, *, sheet: str = "Клиенты") -> Path:
    """A minimal .ods whose one table holds *rows_xml* (``table:table-row`` elements)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES}>'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{rows_xml}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return path


# An import in a child process ----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, sys, time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no address-space cap and no peak to report
    resource = None
database_path, path, error_dir, memory = sys.argv[1:5]
if resource is not None and int(memory):
    resource.setrlimit(resource.RLIMIT_AS, (int(memory), int(memory)))
from salesdesk.domain import messages
from salesdesk.files.errors import FileProblem
from salesdesk.services import importing
from salesdesk.store import UnitOfWork, open_database, resolve_url

messages.set_language("en")
database = open_database(resolve_url(Path(database_path)))
start = time.monotonic()
try:
    importing.run_import(UnitOfWork(database), Path(path), error_dir=Path(error_dir))
    outcome = {"outcome": "imported"}
except FileProblem as problem:
    outcome = {"outcome": "refused", "key": problem.key, "message": str(problem)}
outcome["seconds"] = time.monotonic() - start
outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 if resource else 0
try:  # Linux: ru_maxrss survives exec, so it counts the test process that started this one; VmHWM does not
    with open("/proc/self/status") as status:
        outcome["peak_mb"] = next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
database.dispose()
print(json.dumps(outcome))
"""


@dataclass(frozen=True)
class ChildImport:
    outcome: str  # "imported", "refused" or "died"
    key: str = ""  # the FileProblem's key when refused
    message: str = ""
    seconds: float = 0.0
    peak_mb: int = 0  # the child's peak resident memory
    reason: str = ""  # why it died


def import_in_child(database: Path, path: Path, *, memory_mb: int = 1024, timeout: float = 60) -> ChildImport:
    """Run the import of *path* into *database* in a separate Python with its address space capped.

    The spreadsheet reader is native code: a hostile file can allocate memory that tracemalloc
    never sees, or abort the interpreter outright. A child process measures the first and
    survives the second; the outcome says which happened ("imported", "refused", "died").
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RUST_BACKTRACE": "0"}
    command = [sys.executable, "-c", _CHILD, str(database), str(path), str(path.parent), str(memory_mb << 20)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return ChildImport("died", reason=f"still running after {timeout} s")
    if done.returncode != 0:
        return ChildImport("died", reason=f"exit code {done.returncode}: {done.stderr.strip()[-300:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return ChildImport(
        found["outcome"], found.get("key", ""), found.get("message", ""), found["seconds"], found["peak_mb"]
    )


# LibreOffice ---------------------------------------------------------------------------------------------

_PASSWORD_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(source As String, target As String, filterName As String, secret As String)
    On Error GoTo Failed
    Dim load(0) As New com.sun.star.beans.PropertyValue
    load(0).Name = &quot;Hidden&quot;
    load(0).Value = True
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
    Dim save(2) As New com.sun.star.beans.PropertyValue
    save(0).Name = &quot;FilterName&quot;
    save(0).Value = filterName
    If filterName = &quot;MS Excel 97&quot; Then
        save(1).Name = &quot;Password&quot;
        save(1).Value = secret
    Else
        Dim encryption(1) As New com.sun.star.beans.NamedValue
        encryption(0).Name = &quot;OOXPassword&quot;
        encryption(0).Value = secret
        encryption(1).Name = &quot;CryptoType&quot;
        encryption(1).Value = &quot;Standard&quot;
        save(1).Name = &quot;EncryptionData&quot;
        save(1).Value = encryption()
    End If
    save(2).Name = &quot;Overwrite&quot;
    save(2).Value = True
    doc.storeToURL(ConvertToURL(target), save())
    doc.close(True)
    Exit Sub
Failed:
    f = FreeFile
    Open target &amp; &quot;.error&quot; For Output As #f
    Print #f, Error$ &amp; &quot; (line &quot; &amp; Erl &amp; &quot;)&quot;
    Close #f
End Sub
</script:module>
"""


def soffice_path() -> str | None:
    return shutil.which("soffice")


def soffice(profile: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run headless LibreOffice with a private profile (docs/qt_on_linux.md)."""
    program = soffice_path()
    assert program is not None, "soffice is not on PATH"
    return subprocess.run(
        [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def save_with_password(profile: Path, source: Path, target: Path, filter_name: str, secret: str) -> Path:
    """Let LibreOffice save *source* as *target* with an opening password, through a Basic macro
    (its --convert-to cannot pass a password in this version)."""
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.exists() or "SaveWithPassword" not in module.read_text(encoding="utf-8"):
        soffice(profile, "--terminate_after_init")  # creates the profile; it would overwrite the module
        module.parent.mkdir(parents=True, exist_ok=True)
        module.write_text(_PASSWORD_MACRO, encoding="utf-8")
    done = soffice(
        profile,
        f'macro:///Standard.Module1.SaveWithPassword("{source}","{target}","{filter_name}","{secret}")',
        timeout=60,
    )
    failure = target.with_name(target.name + ".error")
    assert not failure.exists(), failure.read_text(encoding="utf-8")
    assert done.returncode == 0 and target.exists(), done.stderr
    return target
