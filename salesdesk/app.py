"""Wiring: logging, the database the user chose, and the Qt application.

Qt is imported only when the window is really opened, so the command line starts fast and runs
on machines without a display.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Mapping, Sequence

from salesdesk import paths
from salesdesk.domain.messages import msg
from salesdesk.services.common import UowFactory
from salesdesk.store import Database, open_database, resolve_url

log = logging.getLogger("salesdesk")


def setup_logging(*, verbose: bool = False) -> None:
    """Warnings and errors go to a rotating file in the data folder (the crash dialog points at it)."""
    root = logging.getLogger()
    if any(getattr(h, "_salesdesk", False) for h in root.handlers):
        return
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "salesdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler._salesdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def open_store(db: str | None) -> Database:
    """Open the database named by ``--db``, ``SALESDESK_DB`` or the default file."""
    return open_database(resolve_url(paths.database_target(db)))


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when a window cannot open: an X11/Wayland system (Linux, the BSDs) with no display and
    no Qt platform chosen by hand. Qt itself would abort (exit 134) with a message about xcb plugins.
    Windows and macOS always have a screen to draw on."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system.startswith(("win", "cygwin", "darwin")):
        return False
    return not any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(db: str | None, argv: Sequence[str] = ()) -> int:
    if no_display():
        print(msg("start.no_display"), file=sys.stderr)
        return 1
    from salesdesk.store import UnitOfWork
    from salesdesk.ui.application import run

    def connect() -> tuple[UowFactory, str]:
        database = open_store(db)
        return (lambda: UnitOfWork(database)), database.url

    return run(connect, list(argv))
