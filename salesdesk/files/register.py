"""Reading the tax service's open-data register files (Реестр МСП and its companion sets).

The Federal Tax Service publishes, monthly, the register of small and medium businesses and two
sets in the same packaging: the average headcount (СведССЧР) and the revenue and expenses
(СведДохРасх) of organisations. Each is a ZIP of XML files (or, once unpacked, a bare XML file),
declared windows-1251 or UTF-8: a root ``Файл`` holding many ``Документ`` elements, one per
business. docs/register.md describes the elements read here.

A monthly archive unpacks to many gigabytes, so the reader streams: expat is fed a megabyte at a
time and only its start-tag callback is used (everything the register says is in attributes), so
no tree is built at all and memory holds one block and the records read from it — it does not grow
with the file. This is faster than ``xml.etree.iterparse`` (which builds and clears elements) and
than lxml's (whose element proxies cost more than they save here); benchmarks/bench_enrich.py
measures it against both. The files are untrusted: a DTD (and so any entity: the "billion laughs",
external files), an unknown root, a member of the archive that is not XML, broken XML, a tag longer
than MAX_TAG (expat would hold it whole) or a damaged archive each stop the reading with a
:class:`~salesdesk.files.errors.FileProblem` that names the file.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO
from xml.parsers import expat

from salesdesk.files.errors import FileProblem

ZIP_MAGIC = b"PK\x03\x04"
MAX_RATIO = 1000
MAX_MEMBERS = 100_000  # the monthly register has a few thousand files
BLOCK = 1 << 20
MAX_TAG = 16 << 20  # no register writes a tag this long; a hostile file may
MAX_COUNT = 2**31 - 1  # a headcount no register writes beyond (the column is a 32-bit integer)
MAX_MONEY = Decimal(10) ** 15  # roubles: no revenue comes near; the column is a 64-bit integer
MAX_FIELD = 1000  # characters kept of any one attribute (the longest real name is ~ 500)


# not frozen: a frozen dataclass is slower to build, and millions are built per file
@dataclass(slots=True)
class RegisterRecord:
    """One ``Документ``: a business as the register (or a companion set) describes it."""

    inn: str
    kind: str = ""  # "legal" (ОргВклМСП / СведНП), "sole_trader" (ИПВклМСП); "" when not said
    name: str = ""
    short_name: str = ""
    ogrn: str = ""
    category: int | None = None  # КатСубМСП: 1 micro, 2 small, 3 medium
    included_on: date | None = None  # ДатаВклМСП
    as_of: date | None = None  # ДатаСост: the date the data describe
    region: str = ""  # КодРегион, two digits
    place: str = ""  # the town or settlement (else the region's name)
    okved_code: str = ""  # main activity
    okved_name: str = ""
    headcount: int | None = None  # СведССЧР КолРаб
    revenue: Decimal | None = None  # СведДохРасх СумДоход
    expenses: Decimal | None = None  # СведДохРасх СумРасход


class _Refused(Exception):
    """Raised inside the parser's callbacks to stop it; turned into a FileProblem outside."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class RegisterFile:
    """A register file to stream: ``records()`` yields what it holds; ``total_bytes`` and
    ``done_bytes`` say how far the reading is (XML bytes, unpacked)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done_bytes = 0
        self.members: list[str] = []
        self.total_bytes = 0
        self._zip = self._inspect()

    @property
    def is_archive(self) -> bool:
        """A ZIP archive as the tax service publishes it (the whole set); an XML file is one part."""
        return self._zip

    def _inspect(self) -> bool:
        path = self.path
        try:
            if path.is_dir():
                raise FileProblem("file.is_folder", path)
            with path.open("rb") as stream:
                head = stream.read(4)
            size = path.stat().st_size
        except FileNotFoundError as exc:
            raise FileProblem("file.not_found", path) from exc
        except OSError as exc:
            raise FileProblem("file.unreadable", path, reason=exc.strerror or str(exc)) from exc
        if not head:
            raise FileProblem("file.empty", path)
        if head != ZIP_MAGIC:
            self.members = [path.name]
            self.total_bytes = size
            return False
        try:
            with zipfile.ZipFile(path) as archive:
                infos = [info for info in archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise FileProblem("register.corrupt", path) from exc
        if len(infos) > MAX_MEMBERS:
            raise FileProblem("register.too_many_members", path, n=len(infos), limit=MAX_MEMBERS)
        if not infos:
            raise FileProblem("register.empty_archive", path)
        for info in infos:
            if info.flag_bits & 0x1:
                raise FileProblem("register.encrypted", path)
            if not info.filename.lower().endswith(".xml"):
                raise FileProblem("register.not_xml_member", path, member=info.filename)
            if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
                # the register's XML packs 10-30 times; a thousandfold member is a bomb (zipfile
                # never unpacks past the size the archive states, so the stated sizes are what count)
                raise FileProblem("file.zip_bomb", path)
        self.members = [info.filename for info in infos]
        self.total_bytes = sum(info.file_size for info in infos)
        return True

    def _advance(self, n: int) -> None:
        self.done_bytes += n

    def records(self) -> Iterator[RegisterRecord]:
        """Every ``Документ`` of every XML file, in file order."""
        return (raw.record() for raw in self.raw())

    def raw(self) -> Iterator[RawRecord]:
        """The same, undecoded until asked (see RawRecord): what the fast passes use."""
        if not self._zip:
            try:
                with self.path.open("rb") as stream:
                    yield from self._parse(stream, self.path.name)
            except OSError as exc:
                raise FileProblem("file.unreadable", self.path, reason=exc.strerror or str(exc)) from exc
            return
        try:
            with zipfile.ZipFile(self.path) as archive:
                for member in self.members:
                    with archive.open(member) as stream:
                        yield from self._parse(stream, member)
        except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, zlib.error, OSError) as exc:
            # damaged deflate data and CRC mismatches surface as zlib errors and BadZipFile
            raise FileProblem("register.corrupt", self.path) from exc

    def _parse(self, stream: IO[bytes], member: str) -> Iterator[RawRecord]:
        reader = _DocumentReader()
        parser = reader.parser
        since_tag_end = 0
        try:
            while True:
                block = stream.read(BLOCK)
                self.done_bytes += len(block)
                if not block:
                    parser.Parse(b"", True)
                    break
                # expat holds a whole start tag until its ">": a file with a gigabyte-long attribute
                # would hold a gigabyte, so a tag (or text) longer than MAX_TAG is refused
                last = block.rfind(b">")
                since_tag_end = since_tag_end + len(block) if last < 0 else len(block) - last - 1
                if since_tag_end > MAX_TAG:
                    raise _Refused("register.huge_tag")
                parser.Parse(block, False)
                if reader.records:
                    yield from reader.records
                    reader.records.clear()
            reader.finish()
            yield from reader.records
        except _Refused as refused:
            raise FileProblem(refused.key, self.path, member=member) from None
        except expat.ExpatError as exc:
            reason = expat.ErrorString(exc.code) if exc.code else str(exc)
            raise FileProblem("register.bad_xml", self.path, member=member, line=exc.lineno, reason=reason) from exc
        except LookupError as exc:  # an encoding Python does not know
            raise FileProblem("register.bad_xml", self.path, member=member, line=1, reason=str(exc)) from exc
        if not reader.seen_root:
            raise FileProblem("register.not_register", self.path, member=member)


def read_register(path: Path) -> Iterator[RegisterRecord]:
    """Shorthand: every record of the register file at *path*."""
    return RegisterFile(path).records()


class _DocumentReader:
    """Expat callbacks that turn the start tags of each ``Документ`` into a RegisterRecord.

    Everything the register says is in attributes, so only start tags are handled (no end-tag
    callback, no tree): a ``Документ`` is complete when the next one starts or the file ends."""

    def __init__(self) -> None:
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._refuse_dtd
        parser.EntityDeclHandler = self._refuse_dtd
        parser.ExternalEntityRefHandler = self._refuse_dtd
        parser.StartElementHandler = self._root
        self.parser = parser
        self.records: list[RawRecord] = []
        self.seen_root = False
        self._doc: dict[str, str] | None = None
        self._parts: dict[str, dict[str, str]] = {}

    def _refuse_dtd(self, *_args: object) -> int:
        raise _Refused("register.dtd")

    def _root(self, tag: str, attrs: dict[str, str]) -> None:
        if tag != "Файл":
            raise _Refused("register.not_register")
        self.seen_root = True
        self.parser.StartElementHandler = self._start

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        # called for every element of a multi-gigabyte file: kept to a comparison and a store
        if tag == "Документ":
            if self._doc is not None:
                self._finish_document()
            self._doc = attrs
            self._parts = {}
        else:
            self._parts[tag] = attrs

    def finish(self) -> None:
        if self._doc is not None:
            self._finish_document()
            self._doc = None

    def _finish_document(self) -> None:
        parts = self._parts
        org = parts.get("ОргВклМСП") or parts.get("СведНП")
        if org is not None:
            inn, kind = _digits(org.get("ИННЮЛ")), "legal"
        else:
            trader = parts.get("ИПВклМСП")
            if trader is None:
                return
            inn, kind = _digits(trader.get("ИННФЛ")), "sole_trader"
        if inn:
            self.records.append(RawRecord(self._doc or {}, parts, inn, kind))


class RawRecord:
    """One ``Документ`` as read, decoded only as far as asked: its INN and kind at once, the few
    values every record is counted by on demand, the whole :class:`RegisterRecord` by ``record()``
    (most records of a register are not the base's clients, and building them all would cost as
    much as the parsing)."""

    __slots__ = ("_doc", "_parts", "inn", "kind")

    def __init__(self, doc: dict[str, str], parts: dict[str, dict[str, str]], inn: str, kind: str) -> None:
        self._doc = doc
        self._parts = parts
        self.inn = inn
        self.kind = kind

    @property
    def category(self) -> int | None:
        value = self._doc.get("КатСубМСП")
        return int(value) if value in ("1", "2", "3") else None

    @property
    def okved_code(self) -> str:
        main = self._parts.get("СвОКВЭДОсн")
        return _text(main.get("КодОКВЭД"))[:8] if main is not None else ""

    @property
    def region(self) -> str:
        where = self._parts.get("СведМН")
        return _digits(where.get("КодРегион"))[:2] if where is not None else ""

    @property
    def headcount(self) -> int | None:
        people = self._parts.get("СведССЧР")
        return _int(people.get("КолРаб")) if people is not None else _int(self._doc.get("ССЧР"))

    @property
    def as_of(self) -> date | None:
        return _date(self._doc.get("ДатаСост"))

    def record(self) -> RegisterRecord:
        found = _record(self._doc, self._parts)
        assert found is not None  # a RawRecord has an INN
        return found


def _text(value: str | None) -> str:
    return value[:MAX_FIELD].strip() if value else ""


def _date(value: str | None) -> date | None:
    """dd.mm.yyyy as the register writes dates (ISO yyyy-mm-dd accepted too)."""
    if not value:
        return None
    try:
        if len(value) == 10 and value[2] == "." and value[5] == ".":
            return date(int(value[6:]), int(value[3:5]), int(value[:2]))
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    if not value:
        return None
    try:
        number = int(Decimal(value.strip()))
    except (InvalidOperation, ValueError, OverflowError):  # "Infinity" is an OverflowError
        return None
    return number if 0 <= number <= MAX_COUNT else None


def _money(value: str | None) -> Decimal | None:
    if not value:
        return None
    try:
        amount = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and abs(amount) < MAX_MONEY else None


def _digits(value: str | None) -> str:
    text = (value or "").strip()
    return text if text.isdigit() and len(text) <= 15 else ""


def _record(doc: dict[str, str], parts: dict[str, dict[str, str]]) -> RegisterRecord | None:
    kind = name = short = ogrn = ""
    inn = ""
    org = parts.get("ОргВклМСП") or parts.get("СведНП")
    trader = parts.get("ИПВклМСП")
    if org is not None:
        kind = "legal"
        inn = _digits(org.get("ИННЮЛ"))
        name = _text(org.get("НаимОрг"))
        short = _text(org.get("НаимОргСокр"))
        ogrn = _digits(org.get("ОГРН"))
    elif trader is not None:
        kind = "sole_trader"
        inn = _digits(trader.get("ИННФЛ"))
        ogrn = _digits(trader.get("ОГРНИП"))
        fio = parts.get("ФИОИП")
        if fio is not None:
            name = _text(" ".join(fio.get(part) or "" for part in ("Фамилия", "Имя", "Отчество")))
    if not inn:
        return None
    where = parts.get("СведМН")
    main = parts.get("СвОКВЭДОсн")
    people = parts.get("СведССЧР")
    money = parts.get("СведДохРасх")
    category = doc.get("КатСубМСП")
    return RegisterRecord(
        inn=inn,
        kind=kind,
        name=name,
        short_name=short,
        ogrn=ogrn,
        category=int(category) if category in ("1", "2", "3") else None,
        included_on=_date(doc.get("ДатаВклМСП")),
        as_of=_date(doc.get("ДатаСост")),
        region=_digits(where.get("КодРегион"))[:2] if where is not None else "",
        place=_place(parts) if where is not None else "",
        okved_code=_text(main.get("КодОКВЭД"))[:8] if main is not None else "",
        okved_name=_text(main.get("НаимОКВЭД")) if main is not None else "",
        # the companion set's КолРаб; newer SME register files also carry it as ССЧР on Документ
        headcount=_int(people.get("КолРаб")) if people is not None else _int(doc.get("ССЧР")),
        revenue=_money(money.get("СумДоход")) if money is not None else None,
        expenses=_money(money.get("СумРасход")) if money is not None else None,
    )


def _place(parts: dict[str, dict[str, str]]) -> str:
    """The most precise place name under ``СведМН``: a town, else a settlement, else the region."""
    for tag in ("Город", "НаселПункт", "Район", "Регион"):
        element = parts.get(tag)
        if element is not None:
            name = _text(element.get("Наим"))
            if name:
                kind = _text(element.get("Тип"))
                return f"{kind} {name}".strip() if tag == "Регион" and kind else name
    return ""
