"""A shared base on a PostgreSQL server: checking a connection, connecting, moving a base up.

* :func:`check` — what the Connect form's "Check connection" says: it works (a SalesDesk base with
  N clients, an older one that will be upgraded, an empty one that will be set up), or why not
  (wrong password, server not reachable, no such database, someone else's tables, a newer program's
  base), in the user's words.
* :func:`open_server` — open (set up or upgrade) the base at an address; the password goes to the
  system keyring (services/credentials.py), the URL without it to the settings.
* :func:`move_to` — ``salesdesk migrate-to`` and the window's "Move this computer's base to the
  server": the single-seat base copied into an empty server database (store/transfer.py), every
  table counted and checksummed on both sides, and the seat switched to the server base.

The source base is only ever read. A move that fails midway leaves nothing on the server (its one
transaction is rolled back): the target stays an empty base at this program's schema, and the move
can simply be run again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.errors import StoreError, UserError
from salesdesk.domain.messages import Message, msg
from salesdesk.services import credentials, permissions
from salesdesk.services.common import Cancelled, Reporter, SilentReporter
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, servers, transfer
from salesdesk.store.servers import ServerAddress as ServerAddress  # the window's form fills one
from salesdesk.store.uow import NOBODY, ActorSource

log = logging.getLogger(__name__)

SSL_MODES = servers.SSL_MODES


@dataclass(frozen=True)
class CheckResult:
    """What "Check connection" found: ``kind`` ("salesdesk", "older", "empty") and the sentence."""

    kind: str
    message: Message
    clients: int | None = None


def _known_revisions() -> set[str]:
    from salesdesk.store.database import HEAD_REVISION, _known_revisions

    return {HEAD_REVISION} | _known_revisions()


def check(address: ServerAddress, password: str | None) -> CheckResult:
    """Try the address once, writing nothing; a ``StoreError`` says why it does not work."""
    url = servers.make_server_url(address, password or credentials.remembered(address))
    found = servers.probe(url, _known_revisions())
    if found.kind == "newer":
        raise StoreError(msg("err.server_newer", database=address.database, revision=found.revision))
    if found.kind == "foreign":
        raise StoreError(msg("err.server_foreign", database=address.database))
    if found.kind == "empty":
        return CheckResult("empty", msg("server.empty"))
    from salesdesk.store.database import HEAD_REVISION

    clients = found.clients or 0
    if found.revision != HEAD_REVISION:
        return CheckResult("older", msg("server.older", clients=clients), clients)
    return CheckResult("salesdesk", msg("server.ok", clients=clients), clients)


@dataclass
class ServerBase:
    """A base the window can switch to: open, its URL without the password, a note on where the
    password is kept when it is not in the keyring (None: kept there, or none given), and the seat's
    manager in it (found by name; None when not there)."""

    database: Database
    url: str
    password_note: Message | None = None
    manager_id: int | None = None


def server_url(address: ServerAddress, password: str | None) -> str:
    """The URL to connect to *address* with (the password in it only for that moment)."""
    return servers.make_server_url(address, password or credentials.remembered(address))


def manager_named(database: Database, name: str | None) -> int | None:
    """The id of the manager called *name* in *database* (the seat's manager after a switch)."""
    if not name:
        return None
    from salesdesk.domain.text import fold
    from salesdesk.services import reference
    from salesdesk.store import UnitOfWork

    wanted = fold(name)
    for manager in reference.list_managers(UnitOfWork(database), include_inactive=True):
        if fold(manager.name) == wanted:
            return manager.id
    return None


def password_note(address: ServerAddress) -> Message:
    """What to tell the user when the password cannot be remembered: the ~/.pgpass line."""
    return msg("server.no_keyring", line=credentials.pgpass_line(address), pgpass=credentials.pgpass_path())


def _keep_password(address: ServerAddress, password: str) -> Message | None:
    """Keep *password* in the keyring; when it cannot be, what to tell the user (None: kept)."""
    refused = credentials.remember(address, password)
    if refused == "no keyring":
        return password_note(address)
    if refused is not None:
        return msg("server.keyring_failed", reason=refused)
    return None


def open_server(
    address: ServerAddress, password: str | None, *, remember: bool = True, manager_name: str | None = None
) -> ServerBase:
    """Open the base at *address* (an empty one is set up, an older one upgraded) and keep the
    password in the keyring when *remember* (a typed one with *remember* off is forgotten there); the
    settings are not changed here (:func:`use_server`)."""
    typed = password
    password = password or credentials.remembered(address)
    url = servers.make_server_url(address, password)
    database = open_database(url)
    note: Message | None = None
    if typed and not remember:
        credentials.forget(address)
    if password and remember:
        note = _keep_password(address, password)
    return ServerBase(database, servers.without_password(url), note, manager_named(database, manager_name))


def use_server(url: str, settings: SeatSettings | None = None) -> None:
    """From the next start on, this seat opens the server base at *url* (kept without password)."""
    (settings or SeatSettings()).server_url = servers.without_password(url)


def use_local(settings: SeatSettings | None = None) -> None:
    """From the next start on, this seat opens this computer's base again."""
    (settings or SeatSettings()).server_url = None


def open_local(manager_name: str | None = None) -> ServerBase:
    """This computer's base (the default file in the data folder), to switch back to."""
    from salesdesk import paths
    from salesdesk.services.backups import before_upgrade
    from salesdesk.store import resolve_url

    paths.make_private_dir(paths.data_dir())
    database = open_database(resolve_url(paths.default_database()), create=True, before_upgrade=before_upgrade)
    return ServerBase(database, database.url, None, manager_named(database, manager_name))


class ServerUnavailable(StoreError):
    """At the start, the server base the settings name cannot be opened: the window offers this
    computer's base instead (``open_local``) rather than not starting."""

    def __init__(self, message: Message, open_local: Callable[[], Any]) -> None:
        super().__init__(message)
        self.open_local = open_local


def address_of(url: str) -> ServerAddress:
    return servers.address_of(url)


def hidden(url: str) -> str:
    return servers.hidden(url)


# -- moving a base up ------------------------------------------------------------------------------


class MoveRefused(StoreError):
    """The target is not an empty server database (or is the source): nothing was copied."""


@dataclass(frozen=True)
class MoveResult:
    """The move done: where to (no password), and each table's rows on both sides."""

    url: str
    tables: tuple[transfer.TableCheck, ...]
    password_note: Message | None = None  # the password given was kept nowhere: where to put it

    @property
    def ok(self) -> bool:
        return all(t.match for t in self.tables)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": self.ok,
            "tables": {t.table: {"source": t.source, "target": t.target, "match": t.match} for t in self.tables},
        }
        if self.password_note is not None:
            out["password_note"] = str(self.password_note)
        return out


def move_to(
    source: Database,
    url: str,
    *,
    reporter: Reporter | None = None,
    settings: SeatSettings | None = None,
    switch: bool = True,
    remember: bool = True,
    actor: ActorSource = NOBODY,
) -> MoveResult:
    """Copy *source* into the empty server database at *url* and (with *switch*) make it this
    seat's base. Refused (``StoreError``) when *url* is not a server, is the source itself, or holds
    anything; ``NotAllowed`` when *actor* (the seat's manager) may not export the whole base (the
    move copies all of it). The source is never written."""
    reporter = reporter or SilentReporter()
    if not servers.is_server_url(url):
        raise MoveRefused(msg("err.move_not_server", url=servers.hidden(url)))
    uow = UnitOfWork(source, actor=actor)
    with uow.reading():
        permissions.require_export_all(uow)
    connecting = credentials.url_for_connecting(url)
    if servers.hidden(source.url) == servers.hidden(connecting):
        raise MoveRefused(msg("err.move_same", url=servers.hidden(url)))
    found = servers.probe(connecting, _known_revisions())  # before anything is written there
    if found.kind == "foreign":
        raise MoveRefused(msg("err.move_target_foreign", where=servers.hidden(url), tables="…"))
    if found.kind == "newer":
        raise MoveRefused(msg("err.server_newer", database=servers.address_of(url).database, revision=found.revision))
    target = open_database(connecting)  # sets up an empty database (the schema's own transaction)
    try:
        try:
            transfer.refuse_unless_empty(target)
        except transfer.TargetNotEmpty as exc:
            raise MoveRefused(exc.message) from exc

        def progress(table: str, done: int, total: int) -> None:
            if reporter.cancelled():
                raise Cancelled()
            reporter.progress(done, total)

        try:
            checks = transfer.copy_base(source, target, progress=progress)
        except transfer.TargetNotEmpty as exc:  # a row saved there since the check above
            raise MoveRefused(exc.message) from exc
        except UserError:
            raise
        except Exception as exc:
            log.exception("moving the base failed")
            raise StoreError(msg("err.move_failed", reason=type(exc).__name__, where=servers.hidden(url))) from exc
    finally:
        target.dispose()
    note: Message | None = None
    password = servers.password_of(url)
    if password and remember:
        note = _keep_password(servers.address_of(url), password)
    if switch:
        use_server(url, settings)
    return MoveResult(servers.without_password(url), tuple(checks), note)
