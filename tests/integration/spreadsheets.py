"""Spreadsheet files built by hand for the import tests: hostile, broken or simply unusual.

Everything is generated at test time and kept small on disk; the helpers that stand for huge
inputs (a zip bomb, a million-row sheet) never hold the big data in memory.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable, Sequence
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

# Billion laughs: ten levels of ten references each, 3 * 10**9 characters once expanded.
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
        f'<row r="{number}">' + "".join(inline_cell(f"{column_letter(i)}{number}", text)
                                        for i, text in enumerate(texts, start=1) if text != "") + "</row>"
        for number, texts in rows)
    merges = (f'<mergeCells count="{len(merged)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merged)
              + "</mergeCells>") if merged else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<worksheet xmlns="{MAIN_NS}"><sheetData>{body}</sheetData>{merges}</worksheet>')


def shared_strings_xml(strings: Sequence[str], *, doctype: str = "") -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)  # raw: entity references must survive
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<sst xmlns="{MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')


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


def zip_of_zeros(path: Path, size: int, *, name: str = "xl/worksheets/sheet1.xml", chunk: int = 8 << 20) -> Path:
    """An xlsx-looking archive whose *name* entry inflates to *size* zero bytes (a zip bomb).

    Written in chunks through the deflate stream, so the big data never exists in memory.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zeros = bytes(chunk)
        with archive.open(name, "w", force_zip64=True) as entry:
            left = size
            while left > 0:
                entry.write(zeros[:min(chunk, left)])
                left -= chunk
    return path


# OLE2 (compound file) --------------------------------------------------------------------------------

_ENDOFCHAIN, _FREESECT, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
_SECTOR = 512


def _directory_entry(name: str, kind: int, *, child: int = _NOSTREAM, right: int = _NOSTREAM,
                     start: int = _ENDOFCHAIN, size: int = 0) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _NOSTREAM, right, child) + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size))


def encrypted_workbook(path: Path, package_bytes: int = 4096) -> Path:
    """What Excel writes for a workbook with an opening password: an OLE2 compound file holding
    "EncryptionInfo" and "EncryptedPackage" streams (ECMA-376 part 2 "agile" layout, contents random).

    Streams are at least 4096 bytes so they live in ordinary sectors (no mini stream needed).
    """
    import random

    rng = random.Random(7)
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    info = info.ljust(4096, b"\0")
    package = struct.pack("<Q", package_bytes) + rng.randbytes(package_bytes)
    package = package.ljust(max(4096, -(-len(package) // _SECTOR) * _SECTOR), b"\0")
    sectors_info, sectors_package = len(info) // _SECTOR, len(package) // _SECTOR
    # Layout: sector 0 FAT, sector 1 directory, then EncryptionInfo, then EncryptedPackage.
    total = 2 + sectors_info + sectors_package
    fat_sectors = -(-(total + 1) // 128)
    first = fat_sectors  # FAT sectors come first
    directory = first
    info_start = directory + 1
    package_start = info_start + sectors_info
    fat = [_FATSECT] * fat_sectors + [_ENDOFCHAIN]
    fat += [info_start + i + 1 for i in range(sectors_info - 1)] + [_ENDOFCHAIN]
    fat += [package_start + i + 1 for i in range(sectors_package - 1)] + [_ENDOFCHAIN]
    fat += [_FREESECT] * (fat_sectors * 128 - len(fat))
    difat = list(range(fat_sectors)) + [_FREESECT] * (109 - fat_sectors)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, fat_sectors, directory, 0, 4096, _ENDOFCHAIN, 0,
                                       _ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    entries = (_directory_entry("Root Entry", 5, child=1)
               + _directory_entry("EncryptionInfo", 2, right=2, start=info_start, size=len(info))
               + _directory_entry("EncryptedPackage", 2, start=package_start, size=package_bytes + 8)
               + _directory_entry("", 0))
    path.write_bytes(header + struct.pack(f"<{len(fat)}I", *fat) + entries + info + package)
    return path


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
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES}>'
               f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{rows_xml}'
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return path
