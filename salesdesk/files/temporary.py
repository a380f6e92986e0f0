"""Temporary files that a killed SalesDesk cannot leave lying around for long.

Every temporary file SalesDesk makes carries the id of the process that made it in its name:
``openpyxl.<pid>-*`` and ``salesdesk-<pid>-*`` (copies of files being read) in the program's own temporary folder
(``paths.tmp_dir()``, the owner's only), ``.salesdesk-<pid>-*`` next to a file being written
(renamed over it once complete). A process killed mid-way (``kill -9``, a power cut) cannot delete
them; the next start cleans the temporary folder and the data folder, and the next file written
into a folder cleans that folder. Only files whose process is gone and which are older than this
process's start are removed: a second SalesDesk running at the same time keeps its own.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from salesdesk import paths

STARTED = time.time()  # files changed after this may belong to a SalesDesk on another machine (a shared folder)
PREFIX = ".salesdesk-"
_NEXT_TO_TARGET = re.compile(r"^\.salesdesk-(\d+)-")  # a user's own files never start so
_IN_TMP = re.compile(r"^(?:\.salesdesk-|salesdesk-|openpyxl\.)(\d+)-")  # the folder is ours alone
log = logging.getLogger(__name__)


def own_prefix(prefix: str = PREFIX) -> str:
    """The start of a temporary file's name that says which process it belongs to."""
    return f"{prefix}{os.getpid()}-"


def private_dir() -> Path:
    """The program's temporary folder, made if missing (0700 on POSIX)."""
    folder = paths.tmp_dir()
    paths.make_private_dir(folder)
    return folder


def private_file(prefix: str = "salesdesk-", suffix: str = "") -> Path:
    """A new, empty file of this process in the program's temporary folder (0600); in the system's
    if that folder cannot be made (a read-only home): better than not exporting at all."""
    try:
        folder: Path | None = private_dir()
    except OSError as exc:
        log.warning("no temporary folder in the data folder, using the system's: errno %s", exc.errno)
        folder = None
    handle, name = tempfile.mkstemp(prefix=own_prefix(prefix), suffix=suffix, dir=folder)
    os.close(handle)
    return Path(name)


def private_folder() -> Path:
    """A new folder of this process inside the program's temporary folder (0700), for a library
    that names its own temporary files (xlsxwriter's rows); in the system's if that folder cannot
    be made. A killed process's folder is removed at the next start like its files."""
    try:
        parent: Path | None = private_dir()
    except OSError as exc:
        log.warning("no temporary folder in the data folder, using the system's: errno %s", exc.errno)
        parent = None
    return Path(tempfile.mkdtemp(prefix=own_prefix("salesdesk-"), dir=parent))


def openpyxl_temporary_file(suffix: str = "") -> str:
    """Where openpyxl's write-only mode keeps a worksheet while it is written (it has the rows:
    names, INNs, phones): our own folder instead of the system's. Replaces
    ``openpyxl.worksheet._writer.create_temporary_file`` (see ``keep_openpyxl_files_here``)."""
    from openpyxl.worksheet import _writer

    name = str(private_file("openpyxl.", suffix))
    _writer.ALL_TEMP_FILES.append(name)  # openpyxl removes it when done (or at exit) through this list
    return name


def keep_openpyxl_files_here() -> None:
    """Make openpyxl write its worksheets into the program's temporary folder (once per process)."""
    from openpyxl.worksheet import _writer

    if getattr(_writer, "create_temporary_file", None) is not openpyxl_temporary_file:
        _writer.create_temporary_file = openpyxl_temporary_file


def remove_stale(folder: Path, names: re.Pattern[str] = _NEXT_TO_TARGET) -> int:
    """Remove the temporary files in *folder* that a SalesDesk process now gone left there; how many.
    *names*: what our temporary files are called there, the process id in the first group.

    Failures are ignored: what cannot be removed now is tried again next time."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        found = names.match(entry.name)
        if found is None or int(found.group(1)) == os.getpid():
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
            if not (is_folder or entry.is_file(follow_symlinks=False)) or entry.stat().st_mtime >= STARTED:
                continue
            if process_alive(int(found.group(1))):
                continue
            if is_folder:
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


def clean_at_start() -> int:
    """What killed SalesDesks left in the temporary folder and the data folder (the next start)."""
    return remove_stale(paths.tmp_dir(), _IN_TMP) + remove_stale(paths.data_dir())


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs now (a reused id counts as alive: nothing is removed)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process
        return True
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(ctypes.get_last_error() == 5)  # type: ignore[attr-defined]  # access denied: it exists
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
