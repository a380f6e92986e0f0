"""Where SalesDesk keeps its files: one module owns every path.

Defaults come from platformdirs (``~/.local/share/SalesDesk`` on Linux, ``%LOCALAPPDATA%\\SalesDesk``
on Windows). ``SALESDESK_DATA_DIR`` moves everything (tests and portable installs use it);
``SALESDESK_DB`` or ``--db`` choose another database file or a SQLAlchemy URL.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "SalesDesk"
ENV_DATA_DIR = "SALESDESK_DATA_DIR"
ENV_DB = "SALESDESK_DB"
DATABASE_FILE = "salesdesk.sqlite"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    override = env.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_database(environ: Mapping[str, str] | None = None) -> Path:
    return data_dir(environ) / DATABASE_FILE


def log_dir(environ: Mapping[str, str] | None = None) -> Path:
    return data_dir(environ) / "logs"


def database_target(cli_value: str | None, environ: Mapping[str, str] | None = None) -> str:
    """What the user asked for, in order: ``--db``, ``SALESDESK_DB``, the default file."""
    env = os.environ if environ is None else environ
    return cli_value or env.get(ENV_DB) or str(default_database(env))


def is_default_database(cli_value: str | None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the base in use is the default file (neither ``--db`` nor ``SALESDESK_DB`` given)."""
    env = os.environ if environ is None else environ
    return not cli_value and not env.get(ENV_DB)


def make_private_dir(folder: Path) -> None:
    """Create *folder* (and its parents) for SalesDesk's own files: owner's only on POSIX (0700).

    A folder SalesDesk made earlier with the umask's mode is tightened too; a folder of someone
    else's (a shared drive) is left as it is."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        info = folder.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o077:
            folder.chmod(0o700)


def make_private_file(path: Path) -> None:
    """Make a file SalesDesk wrote the owner's only (0600 on POSIX); a no-op elsewhere."""
    if os.name == "posix":
        try:
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except OSError:
            pass


def in_data_dir(path: Path, environ: Mapping[str, str] | None = None) -> bool:
    """Whether *path* is inside the data folder (there, everything SalesDesk writes is private)."""
    try:
        path.resolve().relative_to(data_dir(environ).resolve())
    except ValueError:
        return False
    return True


def tmp_dir(environ: Mapping[str, str] | None = None) -> Path:
    """SalesDesk's own temporary folder (the owner's only): workbooks being written, copies of files
    being read. Not the system's, where what a killed program left would lie around for anyone."""
    return data_dir(environ) / "tmp"
