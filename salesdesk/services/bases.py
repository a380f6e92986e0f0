"""Which base the window works on: the user's own, or the demo base beside it (issue 13).

"Explore demo data" never writes into the user's base. The demo goes into its own file,
``demo.sqlite`` in the data folder, made the way ``salesdesk init`` makes a base and filled by
:func:`salesdesk.services.demo.load_demo`; the window then works on it until the user goes back
to their base (or the program is closed: the next start opens their base again).

:class:`OpenBase` is the window's unit-of-work factory. Every part of the window keeps the factory
it was given, so switching bases changes what the factory opens, not the factory: the window waits
for its background jobs, switches, and announces one "whole base" change on the change bus, which
every list, panel and report answers by reading again.

The seat's manager is an id in the user's base. In the demo base the same person is the manager
with the same name (added there when the demo base is filled), so new demo clients, reminders and
audit entries are theirs, and nothing in the demo base points at an id it does not have.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from salesdesk import paths
from salesdesk.domain.audit import Actor, Via
from salesdesk.services import demo, reference
from salesdesk.services.common import Reporter
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

DEMO_FILE = "demo.sqlite"
DEMO_CLIENTS = 1000
"""How many clients "Explore demo data" puts in a new demo base (about two seconds here)."""


def demo_path() -> Path:
    """The demo base: its own file in the data folder, never the user's base."""
    return paths.data_dir() / DEMO_FILE


@dataclass(frozen=True)
class DemoBase:
    """The demo base, ready to open: where it is, how many clients the filling added (0 when it
    was there already), and the seat's manager in it (None when the seat has none)."""

    path: Path
    added: int
    manager_id: int | None


def prepare_demo(
    manager_name: str | None,
    *,
    path: Path | None = None,
    count: int | None = None,
    reporter: Reporter | None = None,
) -> DemoBase:
    """Make the demo base if it is not there yet (an empty base, then *count* demo clients) and
    make sure the seat's manager (by name) is one of its managers. An existing demo base keeps what
    the user did in it. Runs on a worker: it opens its own connection and closes it."""
    target = path or demo_path()
    fresh = not target.exists()
    paths.make_private_dir(target.parent)
    database = open_database(resolve_url(target), create=True)
    try:
        added = 0
        if fresh or _is_empty(database):
            added = demo.load_demo(UnitOfWork(database), count or DEMO_CLIENTS, reporter=reporter).clients
        manager_id = None
        if manager_name:
            manager_id = reference.ensure_manager(UnitOfWork(database), manager_name).id
    except BaseException:
        database.dispose()
        if fresh:  # a demo base cut short (cancelled, disk full) is not kept half-made
            for suffix in ("", "-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    database.dispose()
    paths.make_private_file(target)
    return DemoBase(target, added, manager_id)


def _is_empty(database: Database) -> bool:
    uow = UnitOfWork(database)
    with uow.reading():
        return uow.clients.count_live() == 0


def manager_name(uow: UnitOfWork, manager_id: int | None) -> str | None:
    """The name of the seat's manager in the user's base (to find the same person in the demo)."""
    if manager_id is None:
        return None
    for manager in reference.list_managers(uow, include_inactive=True):
        if manager.id == manager_id:
            return manager.name
    return None


class OpenBase:
    """The window's factory of units of work, on the user's base or, for a while, the demo base.

    *database* is the user's base as the window opened it; *label* says where it lives. The audit
    trail's actor is the seat's manager (read when an entry is written: the seat may change it) in
    the user's base, the same person's demo id in the demo base.
    """

    def __init__(self, database: Database, label: str, *, seat: Callable[[], SeatSettings] = SeatSettings) -> None:
        self.home, self.home_label = database, label
        self.database = database
        self.demo: DemoBase | None = None
        self._seat = seat

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.database, actor=self.actor)

    def actor(self) -> Actor:
        manager = self.demo.manager_id if self.demo is not None else self._seat().current_manager_id
        return Actor(manager, Via.WINDOW)

    @property
    def in_demo(self) -> bool:
        return self.demo is not None

    @property
    def label(self) -> str:
        return str(self.demo.path) if self.demo is not None else self.home_label

    def home_manager_name(self, manager_id: int | None) -> str | None:
        """The name of the seat's manager *manager_id*, read in the user's base."""
        return manager_name(UnitOfWork(self.home), manager_id)

    def open_demo(self, prepared: DemoBase) -> None:
        """Work on the demo base from now on (the window waited for its jobs first)."""
        opened = open_database(resolve_url(prepared.path), create=False)
        if self.database is not self.home:
            self.database.dispose()
        self.database, self.demo = opened, prepared

    @property
    def on_server(self) -> bool:
        """Whether the user's base is a base on a server (File → Connect to a server…)."""
        return not self.home.is_sqlite

    def switch_home(self, database: Database, label: str) -> None:
        """The user's base is *database* from now on (a server base connected to, or this computer's
        base again); the one it replaces is closed. The window waited for its jobs first."""
        old = {id(self.home): self.home, id(self.database): self.database}
        self.home, self.home_label = database, label
        self.database, self.demo = database, None
        for replaced in old.values():
            if replaced is not database:
                replaced.dispose()

    def open_home(self) -> None:
        """Back to the user's base; the demo base's connections are closed."""
        if self.database is not self.home:
            self.database.dispose()
        self.database, self.demo = self.home, None
