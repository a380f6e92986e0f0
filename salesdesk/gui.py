"""The GUI entry: ``salesdesk`` with no command opens the window through :func:`run_gui`.

This and ``salesdesk/ui/`` are the only places allowed to reach Qt (see the import-linter
contracts in pyproject.toml). The window is imported inside :func:`run_gui`, so importing this
module loads no Qt; the command line imports it only when no command was given.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from salesdesk.app import database_target, no_display, open_store, stored_server_in_use
from salesdesk.desktop import instance_key
from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.backups import DamagedBase
from salesdesk.domain.errors import UserError
from salesdesk.domain.messages import msg
from salesdesk.services.common import UowFactory
from salesdesk.settings import SeatSettings
from salesdesk.store import Database

log = logging.getLogger(__name__)


def _window_actor() -> Actor:
    return Actor(SeatSettings().current_manager_id, Via.WINDOW)


def run_gui(db: str | None, argv: Sequence[str] = (), *, to_import: Path | None = None) -> int:
    """The window on the base *db* names (with the import of *to_import* when given). When a
    window is open on that base already (same user), it gets the file and comes to the front, and
    this start ends at once with status 0."""
    if no_display():
        print(msg("start.no_display"), file=sys.stderr)
        return 1
    from salesdesk.services.bases import OpenBase
    from salesdesk.ui.application import run

    def connect() -> tuple[UowFactory, str]:
        try:
            database = open_store(db)
        except UserError as exc:
            if not stored_server_in_use(db):
                raise
            from salesdesk.services import connecting

            where = connecting.hidden(database_target(db))
            log.warning("the server base of the settings did not open")
            raise connecting.ServerUnavailable(
                msg("server.start_failed", where=where, reason=str(exc)),
                lambda: opened(connecting.open_local().database),
            ) from exc
        return opened(database)

    def opened(database: Database) -> tuple[UowFactory, str]:
        if database.damage is not None:  # the window would offer editing it; refuse with what to do
            damage, where = database.damage_summary, database.path
            database.dispose()
            assert where is not None  # only a SQLite file is checked
            raise DamagedBase(msg("err.db_damaged_window", where=where, damage=damage), where, damage or "")
        tidy_at_start(database)
        # the trail names this seat's manager (read when a change is saved: the seat may switch) and
        # the window; an import started here names its file. File → Open the demo base switches
        # what this factory opens (services/bases.py).
        return OpenBase(database, database.url), database.url

    key = instance_key(database_target(db))
    return run(connect, list(argv), instance=key, to_import=to_import)


def tidy_at_start(database: Database, *, now: datetime | None = None) -> None:
    """Once as the window starts: the trash empties itself of what is older than the setting
    (``trash/empty_after_days``, off by default) and the search index is tidied (issue 12). A
    failure (the base busy in another seat) does not keep the window from opening; the next
    start tries again."""
    from salesdesk.services import erasure
    from salesdesk.settings import SeatSettings
    from salesdesk.store import UnitOfWork

    seat = SeatSettings()
    try:
        erasure.tidy_at_start(
            UnitOfWork(database, actor=_window_actor),
            trash_days=seat.trash_days,
            manager_id=seat.current_manager_id,
            now=now,
        )
    except UserError as exc:
        log.warning("tidying at start skipped: %s", type(exc).__name__)
