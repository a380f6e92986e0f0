"""The seat's settings that the command line needs too, read and written without Qt.

The file is the window's ``settings.ini`` in the data folder, in the INI format QSettings writes
(the window keeps using QSettings for everything else it remembers: geometry, column widths,
folders). This module reads and writes that format with :mod:`configparser`, minding how QSettings
lays it out:

* a key ``group/name`` is the entry ``name`` in the section ``[group]``; a key without a group lives
  in ``[General]``; deeper keys keep their later slashes as backslashes (``[a]`` ``b\\c=``);
* keys are escaped (``%20`` for a space, ``%U041A`` for a letter outside Latin-1), values may be
  quoted (``"a, b"``), hold C escapes (``\\n``, ``\\"``, ``\\x41``), be a list (``a, b`` unquoted), or
  be an opaque Qt type (``@ByteArray(…)``, ``@Variant(…)``, ``@Rect(…)``; a string that starts with
  ``@`` is written ``@@…``);
* there is no ``DEFAULT`` section, no interpolation, and case matters.

Rewriting the file keeps every entry this module does not own byte for byte (values are kept as
the raw text QSettings wrote), so the window's geometry and the rest survive a change made from
the command line. A file that cannot be parsed is read as "nothing set" and is never overwritten.
"""

from __future__ import annotations

import configparser
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from salesdesk import paths

FILE_NAME = "settings.ini"

LANGUAGES = ("system", "ru", "en")
KEY_LANGUAGE = "ui/language"
KEY_MANAGER = "user/manager_id"
KEY_RENEWAL_DAYS = "deals/renewal_days"
DEFAULT_RENEWAL_DAYS = 30
KEY_BACKUP_FOLDER = "backups/folder"
KEY_KEEP_DAILY = "backups/keep_daily"
KEY_KEEP_WEEKLY = "backups/keep_weekly"
KEY_KEEP_MONTHLY = "backups/keep_monthly"
# Copies rotation keeps by default: the newest of each of the last 7 days, 4 weeks, 12 months.
DEFAULT_KEEP = {KEY_KEEP_DAILY: 7, KEY_KEEP_WEEKLY: 4, KEY_KEEP_MONTHLY: 12}
MAX_KEEP = 1000
# Empty the trash of what has been in it more than N days, at each start of the window; 0: never.
KEY_TRASH_DAYS = "trash/empty_after_days"
MAX_TRASH_DAYS = 3650
# The base on a server this seat works on (File → Connect to a server…, salesdesk migrate-to), as a
# URL WITHOUT its password (that is in the system keyring or ~/.pgpass); empty: this computer's base.
KEY_SERVER_URL = "base/server_url"

_GENERAL = "General"
_NO_DEFAULT_SECTION = " no default section "  # QSettings escapes spaces, so no real section has it


def settings_path() -> Path:
    return paths.data_dir() / FILE_NAME


# -- what a stored value means ------------------------------------------------------------------------


def language_of(value: object) -> str:
    text = str(value) if value is not None else ""
    return text if text in LANGUAGES else "system"


def manager_of(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def renewal_days_of(value: object) -> int:
    if value is None:
        return DEFAULT_RENEWAL_DAYS
    try:
        return max(1, int(str(value)))
    except ValueError:
        return DEFAULT_RENEWAL_DAYS


def keep_of(value: object, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return min(MAX_KEEP, max(0, int(str(value))))
    except ValueError:
        return default


def default_backup_folder() -> Path:
    return paths.data_dir() / "backups"


def trash_days_of(value: object) -> int | None:
    """Days after which the trash empties itself; None when off (the default, or anything else)."""
    try:
        days = int(str(value))
    except ValueError:
        return None
    return days if 1 <= days <= MAX_TRASH_DAYS else None


def without_password(url: str) -> str:
    """*url* with any password taken out of it (``user:secret@host`` → ``user@host``): the settings
    file never holds one, whoever asks to store the URL."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    credentials, _, host = parts.netloc.rpartition("@")
    user = credentials.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


# -- the file ------------------------------------------------------------------------------------------


class SeatSettings:
    """The settings file at *path* (default: ``settings.ini`` in the data folder), read afresh on
    every access so a change the window made a moment ago is seen."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()

    @property
    def language(self) -> str:
        return language_of(self.value(KEY_LANGUAGE))

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self.set_value(KEY_LANGUAGE, value)

    @property
    def current_manager_id(self) -> int | None:
        return manager_of(self.value(KEY_MANAGER))

    @current_manager_id.setter
    def current_manager_id(self, value: int | None) -> None:
        self.set_value(KEY_MANAGER, "" if value is None else str(int(value)))

    @property
    def renewal_days(self) -> int:
        return renewal_days_of(self.value(KEY_RENEWAL_DAYS))

    @renewal_days.setter
    def renewal_days(self, value: int) -> None:
        self.set_value(KEY_RENEWAL_DAYS, str(int(value)))

    @property
    def backup_folder(self) -> Path:
        """Where backups go: the folder the user chose, else ``backups`` in the data folder."""
        chosen = self.value(KEY_BACKUP_FOLDER)
        return Path(chosen).expanduser() if chosen else default_backup_folder()

    @backup_folder.setter
    def backup_folder(self, value: Path | None) -> None:
        self.set_value(KEY_BACKUP_FOLDER, "" if value is None else str(value))

    def keep(self, key: str) -> int:
        """How many copies a rotation rule keeps (``KEY_KEEP_DAILY`` and the others)."""
        return keep_of(self.value(key), DEFAULT_KEEP[key])

    def set_keep(self, key: str, value: int) -> None:
        if key not in DEFAULT_KEEP:
            raise ValueError(f"unknown rotation rule {key!r}")
        self.set_value(key, str(min(MAX_KEEP, max(0, int(value)))))

    @property
    def trash_days(self) -> int | None:
        """Days after which the trash empties itself at the window's start; None: never (default)."""
        return trash_days_of(self.value(KEY_TRASH_DAYS))

    @trash_days.setter
    def trash_days(self, value: int | None) -> None:
        self.set_value(KEY_TRASH_DAYS, str(int(value)) if value else "0")

    @property
    def server_url(self) -> str | None:
        """The server base this seat works on (no password in it), None for this computer's base."""
        value = self.value(KEY_SERVER_URL)
        return without_password(value) if value and "://" in value else None

    @server_url.setter
    def server_url(self, value: str | None) -> None:
        self.set_value(KEY_SERVER_URL, without_password(value) if value else "")

    def value(self, key: str) -> str | None:
        """The text stored under *key*; ``None`` when it is missing, is a list or a Qt type."""
        parser = self._read()
        if parser is None:
            return None
        section, option = _split_key(key)
        raw = parser.get(section, option, fallback=None) if parser.has_section(section) else None
        return None if raw is None else _unescaped_text(raw)

    def set_value(self, key: str, text: str) -> None:
        parser = self._read()
        if parser is None:
            if self.path.exists():
                raise OSError(f"{self.path} is not a settings file; left as it is")
            parser = _parser()
        section, option = _split_key(key)
        if not parser.has_section(section):
            parser.add_section(section)
        parser.set(section, option, _escaped_text(text))
        self._write(parser)

    def _read(self) -> configparser.RawConfigParser | None:
        parser = _parser()
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return parser
        except (OSError, UnicodeDecodeError):
            return None
        try:
            parser.read_string(text, source=str(self.path))
        except configparser.Error:
            return None
        return parser

    def _write(self, parser: configparser.RawConfigParser) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".ini", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                _write_like_qsettings(parser, stream)
            os.replace(temporary, self.path)  # whole or not at all, as QSettings (QSaveFile) does
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def _parser() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(
        delimiters=("=",),
        comment_prefixes=(";", "#"),
        inline_comment_prefixes=None,
        strict=False,
        empty_lines_in_values=False,
        default_section=_NO_DEFAULT_SECTION,
        interpolation=None,
        allow_no_value=True,
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    return parser


def _write_like_qsettings(parser: configparser.RawConfigParser, stream: object) -> None:
    lines: list[str] = []
    for section in parser.sections():
        if lines:
            lines.append("")
        lines.append(f"[{section}]")
        for option, raw in parser.items(section, raw=True):
            lines.append(f"{option}={'' if raw is None else raw}")
    stream.write("\n".join(lines) + "\n")  # type: ignore[attr-defined]


# -- QSettings' escaping -------------------------------------------------------------------------------


def _escaped_key(name: str) -> str:
    out = []
    for ch in name:
        if ch == "/":
            out.append("\\")
        elif ch.isascii() and (ch.isalnum() or ch in "_-."):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"%{ord(ch):02X}")
        else:
            out.append(f"%U{ord(ch):04X}")
    return "".join(out)


def _split_key(key: str) -> tuple[str, str]:
    group, slash, rest = key.partition("/")
    if not slash:
        return _GENERAL, _escaped_key(key)
    section = _escaped_key(group)
    if section == _GENERAL:
        section = "%General"  # QSettings' own escape for a group really named General
    return section, _escaped_key(rest)


_ESCAPES = {
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    '"': '\\"',
    "\\": "\\\\",
}


def _escaped_text(text: str) -> str:
    """A string value as QSettings writes it (UTF-8, C escapes, quoted when needed)."""
    if "\0" in text:
        text = f"@String({text})"  # how QSettings keeps a string with a NUL in it
    elif text.startswith("@"):
        text = "@" + text
    out = []
    needs_quotes = False
    hex_escape_before = False  # a hex digit after \x1 or \0 must be escaped too, or it would join it
    for ch in text:
        if ch in ";,=":
            needs_quotes = True
        if hex_escape_before and ch in "0123456789abcdefABCDEF":
            out.append(f"\\x{ord(ch):x}")
            continue
        hex_escape_before = False
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
            hex_escape_before = ch == "\0"
        elif ord(ch) <= 0x1F:
            out.append(f"\\x{ord(ch):x}")
            hex_escape_before = True
        else:
            out.append(ch)
    result = "".join(out)
    if needs_quotes or result.startswith(" ") or result.endswith(" "):
        result = f'"{result}"'
    return result


_UNESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    '"': '"',
    "\\": "\\",
    "'": "'",
    "?": "?",
}


def _unescaped_text(raw: str) -> str | None:
    """The string a QSettings value stands for; ``None`` for a list or a Qt type (not text)."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt in _UNESCAPES:
                current.append(_UNESCAPES[nxt])
                i += 1
            elif nxt == "x":
                j = i + 2
                while j < len(raw) and raw[j] in "0123456789abcdefABCDEF":
                    j += 1
                current.append(chr(int(raw[i + 2 : j] or "0", 16)))
                i = j - 1
            elif nxt in "01234567":
                j = i + 1
                while j < len(raw) and j < i + 4 and raw[j] in "01234567":
                    j += 1
                current.append(chr(int(raw[i + 1 : j], 8)))
                i = j - 1
            else:
                current.append(nxt)
                i += 1
        elif ch == "," and not quoted:
            parts.append("".join(current).strip())
            current = []
        elif ch in " \t" and not quoted and not current:
            pass  # spaces before an unquoted value
        else:
            current.append(ch)
        i += 1
    if parts:
        return None  # a list
    text = "".join(current)
    if not raw.lstrip().startswith('"'):
        text = text.rstrip(" \t")
    if text.startswith("@@"):
        return text[1:]
    if text.startswith("@String(") and text.endswith(")"):
        return text[len("@String(") : -1]
    if text.startswith("@"):
        return None  # @ByteArray(…), @Variant(…), @Rect(…), @Invalid()…
    return text
