"""Wiring: logging and the database the user chose (for the command line and the window alike).

No Qt here: the window is opened by :mod:`salesdesk.gui`, so the command line starts fast and runs
on machines without a display (an import-linter contract and tests/integration/test_no_qt.py hold
this).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from salesdesk import paths
from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.store import Database, open_database, resolve_url
from salesdesk.store.database import upgrade

log = logging.getLogger("salesdesk")


def setup_logging(*, verbose: bool = False) -> None:
    """Warnings and errors go to a rotating file in the data folder (the crash dialog points at it)."""
    root = logging.getLogger()
    if any(getattr(h, "_salesdesk", False) for h in root.handlers):
        return
    try:
        paths.make_private_dir(paths.data_dir())
        folder = paths.log_dir()
        paths.make_private_dir(folder)
        handler: logging.Handler = _PrivateRotatingFileHandler(
            folder / "salesdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler._salesdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log is the owner's only (it names files and ids); rotated files keep the mode."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        paths.make_private_file(Path(self.baseFilename))
        return stream


def clean_leftovers() -> None:
    """At the start: remove the temporary files a killed SalesDesk left in its temporary folder and
    in the data folder (files of a SalesDesk still running are kept, see files/temporary.py)."""
    from salesdesk.files import temporary

    try:
        removed = temporary.clean_at_start()
    except OSError as exc:  # never a reason not to start
        log.warning("temporary files left by an earlier run were not removed: %s", exc.errno)
        return
    if removed:
        log.info("removed %d temporary files left by an earlier run", removed)


def open_store(db: str | None) -> Database:
    """Open the database named by ``--db``, ``SALESDESK_DB`` or the default file.

    Only the default file is made when it is missing (the first start); a base named by the user
    must exist (``salesdesk init PATH`` or the window's "New base…" makes one)."""
    target = database_target(db)
    default = paths.is_default_database(db) and not stored_server_in_use(db)
    if default:
        paths.make_private_dir(paths.data_dir())
    if "://" not in target and paths.in_data_dir(Path(target)):
        for suffix in ("", "-wal", "-shm"):  # made by an older SalesDesk with the umask's mode
            paths.make_private_file(Path(target + suffix))
    from salesdesk.services.backups import before_upgrade
    from salesdesk.services.credentials import url_for_connecting

    return open_database(url_for_connecting(resolve_url(target)), create=default, before_upgrade=before_upgrade)


def database_target(db: str | None) -> str:
    """The base to open, in order: ``--db``, ``SALESDESK_DB``, the server base the seat connected to
    (File → Connect to a server…, ``migrate-to``; its URL without the password), the default file."""
    if db or os.environ.get(paths.ENV_DB):
        return paths.database_target(db)
    from salesdesk.settings import SeatSettings

    return SeatSettings().server_url or paths.database_target(None)


def stored_server_in_use(db: str | None) -> bool:
    """Whether the base to open is the server base the settings name (not one given by hand)."""
    return not db and not os.environ.get(paths.ENV_DB) and database_target(db) != paths.database_target(None)


def create_store(target: str | Path) -> str:
    """Make a new, empty base (``salesdesk init``) at *target*: a file path, or the URL of a database
    on a server (made by its administrator; here given this program's tables). An existing file, or a
    server database that holds tables already, is left alone. Returns where the base is."""
    if "://" in str(target):
        database = open_database(str(target), migrate=False)
        try:
            if database.has_tables():
                raise StoreError(msg("err.db_server_not_empty", where=database.url))
            upgrade(database)
            return database.url
        finally:
            database.dispose()
    path = Path(target).expanduser().resolve()
    if path.exists():
        raise StoreError(msg("err.db_exists", where=path))
    open_database(resolve_url(path), create=True).dispose()
    return str(path)


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when a window cannot open: an X11/Wayland system (Linux, the BSDs) with no display and
    no Qt platform chosen by hand. Qt itself would abort (exit 134) with a message about xcb plugins.
    Windows and macOS always have a screen to draw on."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system.startswith(("win", "cygwin", "darwin")):
        return False
    return not any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
