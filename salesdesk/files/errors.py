"""Problems with a file, in the words of the person who chose it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

from salesdesk.domain.errors import FieldProblem, UserError, ValidationError
from salesdesk.domain.messages import msg

# Windows: another program holds the file open without sharing it (Excel does), or has locked part of it.
SHARING_VIOLATIONS = frozenset({32, 33})
DISK_FULL = frozenset(code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None)


# Problems of the moment or the machine, not of the file: another program holds it, the disk is
# full or read-only, no permission, an input/output error. Every other problem is the file's.
CIRCUMSTANCES = frozenset(
    {
        "file.locked",
        "file.unreadable",
        "file.write_failed",
        "file.disk_full",
        "file.read_only_disk",
        "file.no_permission",
        "file.no_permission_file",
        "file.no_folder",
    }
)


class FileProblem(UserError):
    """The file cannot be used (missing, locked, not a spreadsheet, hostile…); nothing changed."""

    def __init__(self, key: str, path: Path, **params: Any) -> None:
        super().__init__(msg(key, file=path.name, **params))
        self.key = key
        self.path = path
        self.params = params
        self.bad_input = key not in CIRCUMSTANCES


class RefusedTarget(ValidationError):
    """A path SalesDesk will not write to (a database, a device, a folder, a read-only file): the
    choice is wrong, not the moment, so the command line treats it like any bad input (exit 2)."""

    def __init__(self, key: str, path: Path, field: str = "file", **params: Any) -> None:
        super().__init__([FieldProblem(field, msg(key, where=path, file=path.name, **params))])
        self.key = key
        self.path = path


def writable_by_mode(info: os.stat_result) -> bool:
    """Whether the permission bits let this process write, read from the bits themselves:
    ``os.access`` says yes to everything for root, and root is who a 0444 file must stop too.
    For root, a file is writable when anyone may write it; on Windows, when it is not read-only."""
    mode = info.st_mode
    if os.name == "nt" or not hasattr(os, "geteuid"):
        return bool(mode & stat.S_IWRITE)
    uid = os.geteuid()
    if uid == 0:
        return bool(mode & 0o222)
    if info.st_uid == uid:
        return bool(mode & stat.S_IWUSR)
    if info.st_gid == os.getegid() or info.st_gid in os.getgroups():
        return bool(mode & stat.S_IWGRP)
    return bool(mode & stat.S_IWOTH)


def write_problem(exc: OSError, path: Path) -> FileProblem:
    """What stopped writing *path*, said as what really happened: another program holds the file,
    the disk is full, the folder is missing or may not be written to, the disk is read-only."""
    folder = path.parent
    shown = folder if str(folder) else Path(".")
    if getattr(exc, "winerror", None) in SHARING_VIOLATIONS:
        return FileProblem("file.locked", path)
    if exc.errno in DISK_FULL:
        return FileProblem("file.disk_full", path)
    if exc.errno == errno.EROFS:
        return FileProblem("file.read_only_disk", path, folder=shown)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not folder.is_dir():
        return FileProblem("file.not_a_folder" if folder.exists() else "file.no_folder", path, folder=shown)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        target = _stat(path)
        if target is not None and stat.S_ISREG(target.st_mode) and not writable_by_mode(target):
            return FileProblem("file.no_permission_file", path)
        home = _stat(folder)
        if home is not None and not writable_by_mode(home):
            return FileProblem("file.no_permission", path, folder=shown)
        if target is not None and stat.S_ISREG(target.st_mode):
            # allowed by its permissions and yet refused: another program has it open (Excel, on Windows)
            return FileProblem("file.locked", path)
        return FileProblem("file.no_permission", path, folder=shown)
    return FileProblem("file.write_failed", path, reason=exc.strerror or str(exc))


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except (OSError, ValueError):
        return None
