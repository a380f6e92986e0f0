"""Files on a client: the size limit, the content hash, and what a file may be called.

A file's bytes are kept inside the base; a file's *name* is text someone else chose (a scanner, a
mail program, a colleague), so it is cleaned twice: once when attached (a name to show: no folders,
no control characters, not endless) and again whenever it becomes a file on this computer (a name
every file system accepts, Windows' reserved names and characters included). Nothing is ever run.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

# The largest file a client may carry. A scanned contract or a price list is well under it; a base
# that is copied whole (backups, a server) should not grow by hundreds of megabytes per file.
MAX_BYTES = 20 * 1024 * 1024
# Longest name kept (characters); the extension is kept when a longer one is cut.
NAME_LIMIT = 200
# What a name that cleans to nothing is called.
FALLBACK_NAME = "file"

_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*]')


@dataclass(frozen=True, slots=True)
class Attachment:
    """One file on a client (without its bytes: they are read only to open or save it)."""

    id: int
    version: int
    client_id: int
    deal_id: int | None
    name: str
    size: int
    sha256: str
    created_at: datetime
    deleted_at: datetime | None = None

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "bytes": self.size, "added": self.created_at.isoformat()}


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cut(name: str, limit: int) -> str:
    if len(name) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    if dot and stem and 0 < len(ext) <= 16:
        return stem[: limit - len(ext) - 1].rstrip() + "." + ext
    return name[:limit].rstrip()


def clean_name(name: str) -> str:
    """The name a file is shown under: its last path part, without control or format characters,
    spaces squeezed, at most NAME_LIMIT characters; FALLBACK_NAME when nothing is left."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in name)
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn"))
    name = " ".join(name.split())
    name = _cut(name, NAME_LIMIT)
    return name if name.strip(". ") else FALLBACK_NAME


def safe_file_name(name: str) -> str:
    """*name* as a file on any computer: clean_name, then no characters Windows refuses, no
    trailing dots or spaces, no leading dot (a hidden file), and not a reserved device name."""
    name = _NOT_IN_FILE_NAMES.sub("_", clean_name(name))
    name = name.strip(" ").rstrip(".").lstrip(".").strip(" ")
    if not name:
        name = FALLBACK_NAME
    stem = name.split(".", 1)[0].rstrip(" ")
    if stem.upper() in _WINDOWS_RESERVED:
        name = "_" + name
    return _cut(name, NAME_LIMIT)
