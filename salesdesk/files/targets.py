"""Where SalesDesk may write a file the user named: never over a database, a device or a folder.

One check for every file written to a path the user chose (the exported base, a report, the
import's file of rejected rows), in the window and on the command line alike. Refused are:
the open base and its ``-wal``/``-shm``/``-journal`` companions (compared by real path, so a
link or another spelling of the same file is caught), any other SQLite file (by its header: a
SalesDesk base is a SQLite file, and no database is ever written over) and its companions, a
device, a pipe or a socket, a folder, and a file whose permission bits forbid writing. A normal
existing file may be replaced: the window's save dialog asks first, the command line was told to.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from salesdesk.files.errors import RefusedTarget, writable_by_mode

SQLITE_HEADER = b"SQLite format 3\x00"
WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
COMPANIONS = ("-wal", "-shm", "-journal")


def check_target(path: Path, *, base: Path | None = None, field: str = "file") -> None:
    """Raise ``RefusedTarget`` when *path* must not be written (see the module's docstring);
    *base* is the open database, *field* the option the path came from (for the message)."""
    if base is not None and _same_file(path, base, companions=True):
        raise RefusedTarget("target.open_base", path, field)
    try:
        info = path.stat()
    except (OSError, ValueError):  # nothing there (or a name the system cannot hold): the writer will say
        return
    if stat.S_ISDIR(info.st_mode):
        raise RefusedTarget("err.output_is_folder", path, field, example=path / _example_name(path, field))
    if not stat.S_ISREG(info.st_mode):
        raise RefusedTarget("target.device", path, field)
    if is_database(path):
        raise RefusedTarget("target.database", path, field)
    if not writable_by_mode(info):
        raise RefusedTarget("target.read_only", path, field)


def check_folder(folder: Path, *, field: str = "error_dir") -> None:
    """A folder the user named for SalesDesk's files: refused when it is something else."""
    try:
        info = folder.stat()
    except (OSError, ValueError):
        return  # missing: made when needed, or the writer says why it cannot be
    if not stat.S_ISDIR(info.st_mode):
        raise RefusedTarget("target.not_a_folder", folder, field)


def is_database(path: Path) -> bool:
    """A SQLite file by its first bytes, or the journal, WAL or shared memory of one."""
    head = _head(path, len(SQLITE_HEADER))
    if head == SQLITE_HEADER or head[:4] in WAL_MAGIC:
        return True
    for suffix in COMPANIONS:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            return _head(path.with_name(path.name[: -len(suffix)]), len(SQLITE_HEADER)) == SQLITE_HEADER
    return False


def _same_file(path: Path, base: Path, *, companions: bool) -> bool:
    candidates = [base] + ([base.with_name(base.name + s) for s in COMPANIONS] if companions else [])
    real = os.path.realpath(path)
    for candidate in candidates:
        if os.path.normcase(real) == os.path.normcase(os.path.realpath(candidate)):
            return True
        try:
            if os.path.samefile(path, candidate):  # a hard link, or a case-insensitive disk
                return True
        except (OSError, ValueError):
            continue
    return False


def _head(path: Path, size: int) -> bytes:
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # opening a pipe would wait for a writer
            return b""
        with path.open("rb") as handle:
            return handle.read(size)
    except (OSError, ValueError):
        return b""


def _example_name(path: Path, field: str) -> str:
    return "report.xlsx" if field == "output" else "clients.xlsx"
