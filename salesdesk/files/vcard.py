"""Reading and writing vCard (.vcf) files: contact cards as phones, Outlook and mail programs export them.

Pure: bytes in, ``Card`` values out (``parse_cards``), and ``Card`` values in, text out
(``format_cards``); ``read_cards`` and ``write_cards`` add the file around them.

Reading accepts vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350) as real exporters write them: folded
lines (a leading space or tab), quoted-printable values with soft line breaks and a CHARSET
(UTF-8, windows-1251 and the rest Python knows), escaped commas, semicolons and new lines, a group
before the property name (``item1.TEL``), bare 2.1 types (``TEL;CELL;PREF:``), ``tel:`` and
``mailto:`` values, and birthdays as ``1985-03-14``, ``19850314``, ``1985-03-14T00:00:00Z``,
``--0314`` / ``--03-14`` (no year) and Apple's ``1604-03-14`` with ``X-APPLE-OMIT-YEAR``.

Files are untrusted: the size is capped before anything is read, a file with NUL bytes or without
a single ``BEGIN:VCARD`` is refused, the number of cards and the length of each value are capped,
and photos, logos, sounds and keys (base64 blobs) are dropped while reading, never decoded.

Writing produces vCard 3.0 in UTF-8 with CRLF line ends, lines folded at 75 octets (never inside a
character) and text escaped; non-ASCII values carry ``CHARSET=UTF-8`` so that Outlook reads them.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from salesdesk.files.errors import FileProblem, write_problem
from salesdesk.files.writing import Replacement


@dataclass(frozen=True)
class VCardLimits:
    file_bytes: int = 50 * 1024 * 1024
    cards: int = 100_000
    value_chars: int = 32_767  # a longer name, note… makes the card's row an error, not a cut value
    line_bytes: int = 4 * 1024 * 1024  # one unfolded line of a property we keep


DEFAULT_VCARD_LIMITS = VCardLimits()


@dataclass(frozen=True)
class Phone:
    number: str
    types: tuple[str, ...] = ()  # upper case: CELL, WORK, HOME, VOICE, FAX, PREF…


@dataclass(frozen=True)
class Birthday:
    month: int
    day: int
    year: int | None = None

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.year is not None else None


@dataclass(frozen=True)
class Card:
    full_name: str = ""
    family: str = ""
    given: str = ""
    middle: str = ""
    org: str = ""
    title: str = ""
    phones: tuple[Phone, ...] = ()
    emails: tuple[str, ...] = ()
    birthday: Birthday | None = None
    bad_birthday: str = ""  # a BDAY that is not a date, kept so that it can be reported
    note: str = ""
    uid: str = ""
    line: int = 1  # the line of its BEGIN:VCARD, 1-based
    too_long: tuple[str, ...] = ()  # properties whose value passed the limit (the card is then refused)

    def name(self) -> str:
        """FN, or a name made of N (Russian order for Cyrillic names), or the organisation."""
        if self.full_name.strip():
            return " ".join(self.full_name.split())
        russian = _cyrillic(self.family)
        parts = (self.family, self.given, self.middle) if russian else (self.given, self.middle, self.family)
        made = " ".join(p.strip() for p in parts if p.strip())
        return " ".join(made.split()) or " ".join(self.org.split())


class NotVCard(ValueError):
    """The bytes are not a vCard file; ``key`` names the message (``file.not_vcard``…)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


# Reading ---------------------------------------------------------------------------------------------

_SKIPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY", "AGENT"})
_KEPT = frozenset({"BEGIN", "END", "VERSION", "FN", "N", "TEL", "EMAIL", "ORG", "TITLE", "BDAY", "NOTE", "UID"})
_NAME = re.compile(rb"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")
_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})


def read_cards(path: Path, limits: VCardLimits = DEFAULT_VCARD_LIMITS) -> list[Card]:
    """The cards of the file at *path*; ``FileProblem`` saying why when there are none to read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise FileProblem("file.not_found", path) from exc
    except OSError as exc:
        raise FileProblem("file.unreadable", path, reason=exc.strerror or str(exc)) from exc
    if size > limits.file_bytes:
        raise FileProblem(
            "file.too_big", path, size_mb=round(size / 1024 / 1024, 1), limit_mb=limits.file_bytes // 1024 // 1024
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.file_bytes + 1)
    except OSError as exc:
        raise FileProblem("file.unreadable", path, reason=exc.strerror or str(exc)) from exc
    if not data.strip():
        raise FileProblem("file.empty", path)
    try:
        return parse_cards(data, limits)
    except NotVCard as exc:
        raise FileProblem(
            exc.key,
            path,
            limit=limits.cards,
            size_mb=round(len(data) / 1024 / 1024, 1),
            limit_mb=limits.file_bytes // 1024 // 1024,
        ) from exc


def parse_cards(data: bytes, limits: VCardLimits = DEFAULT_VCARD_LIMITS) -> list[Card]:
    """Every card in *data*; ``NotVCard`` when it is not a vCard file (binary, no card) or has too many."""
    if len(data) > limits.file_bytes:
        raise NotVCard("file.too_big")
    if b"\x00" in data:
        raise NotVCard("file.not_vcard")  # binary (or UTF-16, which no phone writes)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    cards: list[Card] = []
    builder: _Builder | None = None
    for number, name, params, raw in _properties(data, limits):
        if name == "BEGIN" and raw.strip().upper() == b"VCARD":
            builder = _Builder(number, limits)
            continue
        if builder is None:
            continue
        if name == "END" and raw.strip().upper() == b"VCARD":
            cards.append(builder.card())
            builder = None
            if len(cards) > limits.cards:
                raise NotVCard("file.too_many_cards")
            continue
        builder.take(name, params, raw)
    if builder is not None and builder.seen:  # the last card lost its END (a file cut short): keep it
        cards.append(builder.card())
    if not cards:
        raise NotVCard("file.not_vcard")
    if len(cards) > limits.cards:
        raise NotVCard("file.too_many_cards")
    return cards


def _physical_lines(data: bytes) -> Iterator[bytes]:
    start = 0
    size = len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        line = data[start:end]
        if line.endswith(b"\r"):
            line = line[:-1]
        yield line
        start = end + 1


def _properties(data: bytes, limits: VCardLimits) -> Iterator[tuple[int, str, dict[str, list[str]], bytes]]:
    """(line number, property name, parameters, raw value) of each logical line, unfolded.

    Lines of properties we do not use (photos above all) are passed over without being joined."""
    current: list[bytes] | None = None
    current_size = 0
    current_line = 0
    skipping = False
    quoted = False  # the current line is quoted-printable: a trailing "=" joins the next line
    for number, line in enumerate(_physical_lines(data), start=1):
        continued = line[:1] in (b" ", b"\t")
        if current is not None and quoted and current[-1].endswith(b"="):
            current[-1] = current[-1][:-1]
            piece = line.lstrip(b" \t") if continued else line
            current_size += len(piece)
            if current_size <= limits.line_bytes:
                current.append(piece)
            continue
        if continued:
            if skipping or current is None:
                continue
            current_size += len(line) - 1
            if current_size <= limits.line_bytes:
                current.append(line[1:])
            continue
        if current is not None:
            yield from _property(current_line, b"".join(current), current_size > limits.line_bytes)
        current, current_size, skipping, quoted = None, 0, False, False
        match = _NAME.match(line)
        if not match:
            continue
        name = match.group(1).upper().decode("ascii")
        if name not in _KEPT:
            skipping = True  # PHOTO, LOGO, X-… : never joined, never decoded
            continue
        current, current_size, current_line = [line], len(line), number
        head = line.split(b":", 1)[0].upper()
        quoted = b"QUOTED-PRINTABLE" in head
    if current is not None:
        yield from _property(current_line, b"".join(current), current_size > limits.line_bytes)


def _property(number: int, line: bytes, too_long: bool) -> Iterator[tuple[int, str, dict[str, list[str]], bytes]]:
    colon = _colon(line)
    if colon < 0:
        return
    head, value = line[:colon], line[colon + 1 :]
    parts = _split_unquoted(head.decode("latin-1"), ";")
    name = parts[0].rsplit(".", 1)[-1].upper()
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        if "=" in part:
            key, _, text = part.partition("=")
            key = key.strip().upper()
            values = [v.strip() for chunk in _split_unquoted(text, ",") for v in chunk.strip().strip('"').split(",")]
        else:
            bare = part.strip().strip('"').upper()
            key, values = ("ENCODING" if bare in _ENCODINGS else "TYPE"), [bare]
        params.setdefault(key, []).extend(v for v in values if v)
    if too_long:
        params["X-TOO-LONG"] = ["1"]
    yield number, name, params, value


def _colon(line: bytes) -> int:
    """Where the value starts: the first colon outside double quotes."""
    colon = line.find(b":")
    if colon < 0 or b'"' not in line[:colon]:
        return colon  # the usual case, found without walking a long value byte by byte
    inside = False
    for index, byte in enumerate(line):
        if byte == 0x22:
            inside = not inside
        elif byte == 0x3A and not inside:
            return index
    return -1


def _split_unquoted(text: str, sep: str) -> list[str]:
    if '"' not in text:
        return text.split(sep)
    parts: list[str] = []
    current: list[str] = []
    inside = False
    for char in text:
        if char == '"':
            inside = not inside
        if char == sep and not inside:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _decoded(params: dict[str, list[str]], raw: bytes) -> str:
    encoding = (params.get("ENCODING") or [""])[0].upper()
    if encoding == "QUOTED-PRINTABLE":
        raw = quopri.decodestring(raw)
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    try:
        return raw.decode(charset)
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251", errors="replace")  # old Windows exports say nothing of their code page


def _split_structured(text: str, sep: str = ";") -> list[str]:
    """Components split on unescaped *sep*, each unescaped."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append("\\" + following)
        elif char == sep:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(char)
    parts.append(unescape("".join(current)))
    return parts


def unescape(text: str) -> str:
    """``\\n`` → new line, ``\\,`` → ``,``, ``\\;`` → ``;``, ``\\\\`` → ``\\`` (RFC 6350 3.4)."""
    if "\\" not in text:
        return text
    return _ESCAPED.sub(_unescaped, text)


_ESCAPED = re.compile(r"\\(.?)", re.S)


def _unescaped(found: re.Match[str]) -> str:
    char = found.group(1)
    return "\n" if char in ("n", "N") else char


_BDAY = (
    re.compile(r"^(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})(?:T.*)?$"),
    re.compile(r"^--(?P<m>\d{2})-?(?P<d>\d{2})$"),
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"),
)


def parse_birthday(text: str, omit_year: str = "") -> Birthday | None:
    """A BDAY value in any of the forms phones write; None when it is not a date."""
    text = text.strip()
    for pattern in _BDAY:
        found = pattern.match(text)
        if found is None:
            continue
        parts = found.groupdict()
        year = int(parts["y"]) if parts.get("y") else None
        month, day = int(parts["m"]), int(parts["d"])
        if year is not None and omit_year and str(year) == omit_year.strip():
            year = None
        try:
            date(year if year is not None else 2000, month, day)  # 2000: a leap year, 29 February is a birthday
        except ValueError:
            return None
        return Birthday(month, day, year)
    return None


@dataclass
class _Builder:
    line: int
    limits: VCardLimits
    seen: bool = False
    values: dict[str, str] = field(default_factory=dict)
    n: tuple[str, str, str] = ("", "", "")
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    birthday: Birthday | None = None
    bad_birthday: str = ""
    too_long: list[str] = field(default_factory=list)

    def take(self, name: str, params: dict[str, list[str]], raw: bytes) -> None:
        self.seen = True
        text = _decoded(params, raw)
        if "X-TOO-LONG" in params or len(text) > self.limits.value_chars:
            self.too_long.append(name)
            return
        if name == "N":
            parts = _split_structured(text) + ["", "", ""]
            self.n = (parts[0].strip(), parts[1].strip(), parts[2].strip())
        elif name == "TEL":
            number = unescape(text).strip()
            if number.lower().startswith("tel:"):
                number = number[4:]
            types = tuple(dict.fromkeys(t.upper() for t in params.get("TYPE", ())))
            if number:
                self.phones.append(Phone(number, types))
        elif name == "EMAIL":
            email = unescape(text).strip()
            if email.lower().startswith("mailto:"):
                email = email[7:]
            if email:
                self.emails.append(email)
        elif name == "ORG":
            self.values["ORG"] = " ".join(p.strip() for p in _split_structured(text) if p.strip())
        elif name == "BDAY":
            value = unescape(text).strip()
            omit = (params.get("X-APPLE-OMIT-YEAR") or [""])[0]
            self.birthday = parse_birthday(value, omit)
            self.bad_birthday = "" if self.birthday is not None or not value else value
        elif name == "NOTE":
            note = unescape(text).strip()
            if note:
                self.notes.append(note)
        elif name in ("FN", "TITLE", "UID"):
            self.values[name] = unescape(text).strip()

    def card(self) -> Card:
        return Card(
            full_name=self.values.get("FN", ""),
            family=self.n[0],
            given=self.n[1],
            middle=self.n[2],
            org=self.values.get("ORG", ""),
            title=self.values.get("TITLE", ""),
            phones=tuple(self.phones),
            emails=tuple(self.emails),
            birthday=self.birthday,
            bad_birthday=self.bad_birthday,
            note="\n".join(self.notes),
            uid=self.values.get("UID", ""),
            line=self.line,
            too_long=tuple(dict.fromkeys(self.too_long)),
        )


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


# Writing ---------------------------------------------------------------------------------------------

_PATRONYMIC = ("вич", "вна", "ична", "чна", "оглы", "кызы")


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, given, middle) for N: "Иванов Иван Иванович" and "Иванов Иван" are Russian order,
    "Anna Smith" is given-family; anything else goes whole into the family name."""
    words = full_name.split()
    if len(words) == 3 and (_cyrillic(full_name) or words[2].lower().endswith(_PATRONYMIC)):
        return words[0], words[1], words[2]
    if len(words) == 2:
        return (words[0], words[1], "") if _cyrillic(full_name) else (words[1], words[0], "")
    return " ".join(words), "", ""


def escape(text: str) -> str:
    """Text for a vCard value: backslash, comma, semicolon and new lines escaped (RFC 6350 3.4)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str, width: int = 75) -> str:
    """*line* folded so that no line is longer than *width* octets in UTF-8 (CRLF not counted), cut
    between characters only; continuation lines start with one space, which counts."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = width
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [" "], 1, width
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def _content_line(name: str, value: str, params: Sequence[str] = ()) -> str:
    head = ";".join([name, *params])
    if not value.isascii():
        head += ";CHARSET=UTF-8"  # Outlook reads a .vcf as its own code page without it
    return fold(f"{head}:{value}") + "\r\n"


def format_card(card: Card) -> str:
    """One vCard 3.0 card, CRLF line ends, folded and escaped."""
    name = card.name()
    family, given, middle = (card.family, card.given, card.middle)
    if not (family or given or middle):
        family, given, middle = split_name(name)
    lines = ["BEGIN:VCARD\r\n", "VERSION:3.0\r\n"]
    lines.append(_content_line("N", ";".join(escape(p) for p in (family, given, middle, "", ""))))
    lines.append(_content_line("FN", escape(name)))
    if card.org:
        lines.append(_content_line("ORG", escape(card.org)))
    if card.title:
        lines.append(_content_line("TITLE", escape(card.title)))
    for phone in card.phones:
        types = ",".join(phone.types) or "VOICE"
        lines.append(_content_line("TEL", escape(phone.number), [f"TYPE={types}"]))
    for email in card.emails:
        lines.append(_content_line("EMAIL", escape(email), ["TYPE=INTERNET"]))
    if card.birthday is not None:
        b = card.birthday
        text = f"{b.year:04d}-{b.month:02d}-{b.day:02d}" if b.year is not None else f"--{b.month:02d}{b.day:02d}"
        lines.append(_content_line("BDAY", text))
    if card.note:
        lines.append(_content_line("NOTE", escape(card.note)))
    if card.uid:
        lines.append(_content_line("UID", escape(card.uid)))
    lines.append("END:VCARD\r\n")
    return "".join(lines)


def format_cards(cards: Iterable[Card]) -> str:
    return "".join(format_card(c) for c in cards)


def write_cards(path: Path, cards: Iterable[Card]) -> int:
    """Write *cards* to *path* (UTF-8, no BOM) as a whole or not at all; how many were written."""
    target = Replacement(path)
    count = 0
    try:
        for card in cards:
            target.stream.write(format_card(card).encode("utf-8"))
            count += 1
    except OSError as exc:
        target.discard()
        raise write_problem(exc, path) from exc
    except BaseException:
        target.discard()
        raise
    target.finish()
    return count
