"""How big a sheet really is, measured in its XML before a reader builds it in memory.

python-calamine builds the whole rectangle from the first to the last cell that the sheet names.
A 2 KB .xlsx naming cell XFD1048576 would make it ask for half a terabyte; an 860-byte .ods can
repeat a cell twenty million times. So the sheet's XML is streamed once and its real extent —
the last row and column that hold something, repeats counted — is checked against the limits
first. The stated <dimension> is not trusted; only the cells are.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from defusedxml import ElementTree

CHUNK = 1 << 20
MAX_TAG = 4 * CHUNK  # no spreadsheet writes a tag (or a text between two tags) this long

# A row's reference (no letters) or a cell's, in one pass over the XML: every attribute r="…"
# anywhere, in either quotes and with spaces around "=", counts, whatever element holds it. That
# errs on the large side only: a tag cannot hide its real r= behind a fake one in an attribute
# before it (<row x=' r="1"' r="260000">), which a pattern reading the first r= of each <row> or
# <c> would take for row 1.
# Letters in either case and any number of them: the reader takes "xfd1048576" and "ZZZZ1"
# (column 475,254) as references too.
_REFERENCE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]*)(\d+)")
# A row or a cell without an attribute r, read attribute by attribute (quotes and all, so an
# r="…" inside another attribute's value is no reference): the reader puts such a row after the
# row before it and such a cell after the cell before it in its row — a few bytes each, so
# 260,000 empty rows and a row of 16,384 empty cells, without a single reference, were a 2 MB
# file that asked the reader for 136 GB.
# Any prefix and any attribute name the reader's XML parser takes (not only ASCII letters): a tag
# this does not recognise would count for nothing.
_NAME = rb"""[^\s<>/:="']+"""
_ATTRIBUTES_BUT_R = rb"""(?=[\s/>])(?:\s+(?!r\s*=)""" + _NAME + rb"""\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>"""
_UNNUMBERED = re.compile(rb"<(?:" + _NAME + rb":)?(row|c)" + _ATTRIBUTES_BUT_R)
_UNNUMBERED_PLAIN = re.compile(rb"<(row|c)" + _ATTRIBUTES_BUT_R)  # twice as fast where no tag has a prefix
_PREFIXED = re.compile(rb"<" + _NAME + rb":(?:row|c)(?=[\s/>])")
_ROW_START = re.compile(rb"<(?:" + _NAME + rb":)?row(?=[\s/>])")
# A comment, CDATA, a processing instruction or a "<" inside an attribute's value: text that may
# hold "<row" the reader does not take for a row, so a block with one is not split into rows.
_OPAQUE = re.compile(rb"""<!|<\?(?!xml[\s?])|=\s*(?:"[^"]*<|'[^']*<)""")

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


@dataclass(frozen=True)
class Extent:
    rows: int  # the last row that holds something (1-based), 0 for an empty sheet
    columns: int  # the last column that holds something (1-based)


class TooBig(Exception):
    """The measuring itself stopped early: the sheet is past *limit* already."""

    def __init__(self, extent: Extent) -> None:
        super().__init__(extent)
        self.extent = extent


class TooMuchText(Exception):
    """The measuring stopped early: the cells hold more characters than *limit* already."""

    def __init__(self, characters: int) -> None:
        super().__init__(characters)
        self.characters = characters


def column_number(letters: bytes | str) -> int:
    number = 0
    for ch in (letters if isinstance(letters, str) else letters.decode("ascii")).upper():
        number = number * 26 + (ord(ch) - 64)
    return number


def xlsx_extent(archive: zipfile.ZipFile, sheet: str) -> Extent:
    """The extent of sheet *sheet* of an .xlsx (see ``measure_xlsx``)."""
    return measure_xlsx(archive, sheet, None)[0]


def measure_xlsx(archive: zipfile.ZipFile, sheet: str, max_characters: int | None) -> tuple[Extent, int]:
    """The extent of sheet *sheet* of an .xlsx, from the row and cell references of its XML and
    its rows and cells without one — never smaller than what the reader will build — and, with
    *max_characters*, about how many characters its shared strings put into its cells (never
    fewer; ``_shared_text``). Each part the sheet may be is read once, the shared strings' second
    pass only where the first cannot rule the limit out."""
    members, table = _xlsx_parts(archive, sheet)
    if not members:  # the reader finds nothing to read either, or finds it where this cannot look
        raise ValueError("the sheet's part is not where its workbook says")
    measured = [_measure(archive, member) for member in members]
    extent = Extent(max(e.rows for e, _ in measured), max(e.columns for e, _ in measured))
    if max_characters is None or table is None:
        return extent, 0
    characters = max(
        _shared_text(archive, member, table, showing, max_characters)
        for member, (_, showing) in zip(members, measured, strict=True)
    )
    return extent, characters


def _measure(archive: zipfile.ZipFile, member: str) -> tuple[Extent, int]:
    """The part's extent, and how many of its cells may show a shared string (every t=\"s\" ends
    in s\" or s', whatever its spaces and prefix: more, never fewer)."""
    rows = columns = showing = 0
    unnumbered_rows = widest_run = run = 0  # rows without r; the most cells without r in one row
    with archive.open(member) as stream:
        for chunk in _chunks(stream):
            showing += chunk.count(b's"') + chunk.count(b"s'")
            unnumbered = (_UNNUMBERED if _PREFIXED.search(chunk) else _UNNUMBERED_PLAIN).findall(chunk)
            unnumbered_rows += unnumbered.count(b"row")
            # (whether the block hides "<row" text is asked only where cells without r are about)
            opaque = (b"c" in unnumbered or run > 0) and _OPAQUE.search(chunk) is not None
            if b"c" in unnumbered and opaque:  # where its rows begin is not sure: one row of them all
                run += unnumbered.count(b"c")
                widest_run = max(widest_run, run)
            elif b"c" in unnumbered:
                # each row's cells without r, the first part going on with the row open before
                parts = [_UNNUMBERED.findall(part).count(b"c") for part in _ROW_START.split(chunk)]
                run += parts[0]
                widest_run = max(widest_run, run, *parts[1:])
                if len(parts) > 1:
                    run = parts[-1]
            elif run and not opaque and _ROW_START.search(chunk):
                run = 0  # the row that had them ended in this block
            # findall, zip and set run in C; the many cells of a chunk share a handful of columns
            # and their row's number, so only the distinct ones are converted
            found = _REFERENCE.findall(chunk)
            if found:
                letters, numbers = zip(*found, strict=True)
                rows = max(rows, max(map(int, set(numbers))))
                # a chunk may hold rows and no cell (empty rows with a height of their own)
                columns = max(columns, max(map(column_number, set(letters) - {b""}), default=0))
    # such a row or cell goes at most one past the furthest reference before it
    return Extent(rows + unnumbered_rows, columns + widest_run), showing


# A cell that shows a shared string (t="s") and the string's number; and where each string of
# the table begins. The reader copies a shared string into every cell that shows it.
_SHARED_CELL = re.compile(
    rb"""\bt\s*=\s*["']s["'][^>]*>(?:(?!</(?:""" + _NAME + rb""":)?c>).)*?<(?:""" + _NAME + rb""":)?v>\s*(\d+)""",
    re.DOTALL,
)
_SHARED_ITEM = re.compile(rb"<(?:" + _NAME + rb":)?si(?=[\s/>])")
_MARKUP = re.compile(rb"<[^>]*>")
_HIDING = re.compile(rb"<!|<\?(?!xml[\s?])")


def _shared_text(archive: zipfile.ZipFile, member: str, table: str, showing: int, limit: int) -> int:
    """About how many characters the shared strings put into *member*'s cells, *showing* of which
    may show one — never fewer. First a bound: each of them times the longest string's bytes in
    the XML. Only when that could pass *limit*, cell by cell: each string by its characters (tags
    left out, entities as written), times the cells that show it; a cell whose number is not
    read, or is past the table, counts as the longest."""
    if not showing:
        return 0
    data = archive.read(table)
    items = _SHARED_ITEM.split(data)[1:]
    lengths = [len(item) for item in items]  # bytes, markup included: more than the characters
    longest = max(lengths, default=0)
    # a comment, a processing instruction or CDATA in the table may hide "<si" or text from the
    # counting below: then every cell that may show a string is taken to show the longest
    if showing * longest <= limit or _HIDING.search(data) is not None:
        return showing * longest
    # cell by cell, each string by its characters (tags left out; an entity counts as written)
    lengths = [len(_MARKUP.sub(b"", item).decode("utf-8", "replace")) for item in items]
    shown: Counter[int] = Counter()
    with archive.open(member) as stream:
        for chunk in _chunks(stream):
            shown.update(map(int, _SHARED_CELL.findall(chunk)))
    read = sum(shown.values())
    exact = sum(lengths[index] * times if index < len(lengths) else longest * times for index, times in shown.items())
    # a cell whose number this does not read (the reader takes "x", "", "-0", a <v> with
    # attributes, a number too long, for string 0), or one cut by the end of a block: the longest
    return exact + max(0, showing - read) * longest


def _chunks(stream: object) -> Iterator[bytes]:
    """The XML in blocks of about CHUNK bytes, each cut before its last "<", so that no tag is split
    between two blocks however much padding a hostile file puts inside it (ValueError past MAX_TAG)."""
    tail = b""
    while True:
        block = stream.read(CHUNK)  # type: ignore[attr-defined]
        if not block:
            if tail:
                yield tail
            return
        data = tail + block
        cut = data.rfind(b"<")
        if cut <= 0:  # one tag so far, still open
            if len(data) > MAX_TAG:
                raise ValueError("a tag longer than any spreadsheet writes")
            tail = data
            continue
        yield data[:cut]
        tail = data[cut:]


def _xlsx_parts(archive: zipfile.ZipFile, sheet: str) -> tuple[list[str], str | None]:
    """The XML files that may be sheet *sheet* and the shared strings', through workbook.xml and
    its relationships (the shared strings also where Excel puts them). Names are matched without
    regard to case, as the reader matches them (a relationship to "Worksheets/Sheet1.xml" is the
    part xl/worksheets/sheet1.xml to it), and a target is taken both as written and tidied
    ("x/../sheet1.xml", "./", "//", "\\"): an archive may hold a part under each, and whichever
    the reader opens is measured."""
    names = {name.lower(): name for name in archive.namelist()}

    def read(name: str) -> bytes:
        return archive.read(names[name.lower()])

    def parts(target: str) -> list[str]:
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        written = (path, path.replace("\\", "/"))
        found = (names.get(p.lower()) for p in (*written, *(posixpath.normpath(w) for w in written)))
        return list(dict.fromkeys(name for name in found if name is not None))

    def part(target: str) -> str | None:
        return next(iter(parts(target)), None)

    default_shared = names.get("xl/sharedstrings.xml")
    try:
        workbook = ElementTree.fromstring(read("xl/workbook.xml"))
        relations = ElementTree.fromstring(read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return [], default_shared
    listed = list(relations.iter(f"{_NS_PKG_REL}Relationship"))
    targets = {r.get("Id"): r.get("Target", "") for r in listed}
    shared = next((part(r.get("Target", "")) for r in listed if r.get("Type", "").endswith("/sharedStrings")), None)
    shared = shared or default_shared
    for element in workbook.iter(f"{_NS_MAIN}sheet"):
        if element.get("name") == sheet:
            return parts(targets.get(element.get(f"{_NS_REL}id"), "")), shared
    return [], shared


_SPACE_RUN = re.compile(rb"""c\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _count(value: tuple[bytes, bytes]) -> int:
    """The number an attribute c="…" says, entities read as the XML parser reads them ("&#49;0"
    is 10); 0 for anything else."""
    text = html.unescape((value[0] or value[1]).decode("utf-8", "replace")).strip()
    return int(text) if text.isascii() and text.isdigit() else 0


def ods_sheets(
    archive: zipfile.ZipFile, limit: Extent, max_cells: int, max_characters: int | None = None
) -> list[tuple[str, Extent]]:
    """Every sheet of an .ods with its extent, repeats included; stops once one is past the limits.

    python-calamine reads a whole .ods when it opens it, so this runs before it does. LibreOffice
    pads sheets with huge repeats of empty cells and rows; only cells that hold a value or text
    count towards the extent, as they do for the reader. So do the characters the reader writes
    out beyond those of the file (repeated cells, and runs of spaces: ``<text:s text:c="N"/>`` is N
    spaces to it), up to *max_characters*: a cell of 900,000 characters repeated 10,000 times is a
    1.8 KB file.
    """
    spaces, space_count, paragraph = f"{{{_TEXT}}}s", f"{{{_TEXT}}}c", f"{{{_TEXT}}}p"
    characters = 0
    if max_characters is not None:
        # What the reader writes out beyond what the file holds (text written once costs what the
        # file's own size allows): each run of spaces, counted from the bytes (any attribute
        # c="N" counts: more, never less), and a repeated cell's text again for each repeat, below
        with archive.open("content.xml") as stream:
            for chunk in _chunks(stream):
                characters += sum(map(_count, _SPACE_RUN.findall(chunk)))
        if characters > max_characters:
            raise TooMuchText(characters)
    sheets: list[tuple[str, Extent]] = []
    name = ""
    rows = columns = row_number = 0
    row_repeat = row_columns = column = 0
    row_has_content = False
    with archive.open("content.xml") as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if tag == f"{{{_TABLE}}}table":
                if event == "start":
                    name = element.get(f"{{{_TABLE}}}name", "")
                    rows = columns = row_number = 0
                else:
                    sheets.append((name, Extent(rows, columns)))
                    element.clear()
            elif tag == f"{{{_TABLE}}}table-row":
                if event == "start":
                    row_repeat = int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                    row_columns, row_has_content, column = 0, False, 0
                else:
                    if row_has_content:
                        rows = row_number + row_repeat
                        columns = max(columns, row_columns)
                        if rows > limit.rows or columns > limit.columns or rows * columns > max_cells:
                            raise TooBig(Extent(rows, columns))
                    row_number += row_repeat
                    element.clear()
            elif tag in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell") and event == "end":
                repeat = int(element.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
                filled = element.get(f"{{{_OFFICE}}}value-type") is not None or any(
                    child.tag == f"{{{_TEXT}}}p" for child in element
                )
                column += repeat
                if filled:
                    row_columns, row_has_content = column, True
                    if max_characters is not None and repeat * row_repeat > 1:
                        # its text, its values written as attributes (office:string-value, a date
                        # the reader gives back as written), a line between paragraphs, its spaces
                        text = sum(map(len, element.itertext())) + sum(
                            sum(map(len, node.attrib.values())) + (node.tag == paragraph) for node in element.iter()
                        )
                        text += sum(int(s.get(space_count, "1")) for s in element.iter(spaces))
                        characters += text * (repeat * row_repeat - 1)
                        if characters > max_characters:
                            raise TooMuchText(characters)
                element.clear()
    return sheets
