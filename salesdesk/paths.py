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
