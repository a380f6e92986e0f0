"""A base on a database server: its URL, what a connection attempt says, what is there.

Everything here speaks the server's own terms (SQLAlchemy URLs, libpq's error codes), so the
services and the window above deal in plain values: the parts of an address, a password, and one
of a few kinds of answer a person can act on.

The password is never kept in the URL the program stores or shows: :func:`without_password` strips
it, :func:`hidden` masks it for a message, and :func:`with_password` puts it back for the one
moment a connection is made (services/credentials.py fetches it from the system keyring). libpq's
``~/.pgpass`` works too: a URL without a password makes psycopg ask libpq, which reads that file.
Options such as ``sslmode`` and ``sslrootcert`` ride in the URL's query (``?sslmode=verify-full``)
and reach libpq unchanged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_SECONDS = 10
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


@dataclass(frozen=True)
class ServerAddress:
    """Where a server base is: what the Connect form shows, and ``options`` (sslmode and the rest)
    as the URL's query gives them."""

    host: str
    port: int
    database: str
    user: str
    options: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The name the password goes under in the keyring: ``user@host:port/database``."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def sslmode(self) -> str:
        return self.options.get("sslmode", "prefer")


def is_server_url(url: str) -> bool:
    return url.startswith("postgresql")


def make_server_url(address: ServerAddress, password: str | None = None) -> str:
    """A URL for *address* (with *password* only when given: for connecting, never for keeping)."""
    url = make_url(f"{DRIVER}://").set(
        username=address.user or None,
        password=password or None,
        host=address.host,
        port=address.port,
        database=address.database,
        query={k: v for k, v in address.options.items() if v},
    )
    return url.render_as_string(hide_password=False)


def address_of(url: str) -> ServerAddress:
    """The parts of a server URL; a malformed one is a ``StoreError`` saying so."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(msg("err.server_url", url=hidden(url))) from exc
    if not parsed.drivername.startswith("postgresql"):
        raise StoreError(msg("err.server_url", url=hidden(url)))
    options = {k: v if isinstance(v, str) else ",".join(v) for k, v in parsed.query.items()}
    return ServerAddress(
        parsed.host or "localhost", parsed.port or DEFAULT_PORT, parsed.database or "", parsed.username or "", options
    )


def _lifted(parsed: URL) -> URL:
    """libpq also takes the password as a query option (``?password=…``): moved where every other
    function here looks for it, so it is kept out of settings, messages and process lists alike."""
    if "password" not in parsed.query:
        return parsed
    value = parsed.query["password"]
    password = value[-1] if isinstance(value, tuple) else value
    return parsed.difference_update_query(["password"])._replace(password=parsed.password or password)


def normalised(url: str) -> str:
    """*url* with a password given as a query option moved to its place (see ``_lifted``)."""
    try:
        return _lifted(make_url(url)).render_as_string(hide_password=False)
    except ArgumentError:
        return url


def password_of(url: str) -> str | None:
    try:
        password = _lifted(make_url(url)).password
        return None if password is None else str(password)
    except ArgumentError:
        return None


def without_password(url: str) -> str:
    """*url* with no password in it: what the settings keep."""
    try:
        # URL.set() takes None as "leave it": the tuple's own _replace really takes it out
        return _lifted(make_url(url))._replace(password=None).render_as_string(hide_password=False)
    except ArgumentError:
        return hidden(url)


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def hidden(url: str) -> str:
    """*url* as it may be shown or logged: the password replaced by ``***``."""
    try:
        return _lifted(make_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        if "@" in url and "://" in url:  # user:secret@host → user:***@host
            scheme, rest = url.split("://", 1)
            credentials, _, host = rest.rpartition("@")
            user = credentials.split(":", 1)[0]
            return f"{scheme}://{user}:***@{host}"
        return url


@dataclass(frozen=True)
class Probe:
    """What is at a server address: ``kind`` is "salesdesk" (a SalesDesk base at this program's
    revision or an older one it will upgrade), "empty" (no tables: it will be set up), "newer" (made by
    a newer SalesDesk: ``revision``), "foreign" (tables that are not SalesDesk's); ``clients`` counts
    a SalesDesk base's clients."""

    kind: str
    revision: str | None = None
    clients: int | None = None


def probe(url: str, known_revisions: set[str]) -> Probe:
    """Connect to *url* once and look, writing nothing; a refusal is a ``StoreError`` in the user's
    words (wrong password, server not reachable, no such database)."""
    engine = create_engine(url, poolclass=NullPool, connect_args=connect_args(url))
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            if not names:
                return Probe("empty")
            if "alembic_version" not in names:
                return Probe("foreign")
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision is None:
                return Probe("empty" if names == {"alembic_version"} else "foreign")
            if str(revision) not in known_revisions:
                return Probe("newer", str(revision))
            clients = conn.execute(text("SELECT count(*) FROM clients")).scalar() if "clients" in names else 0
            return Probe("salesdesk", str(revision), int(clients or 0))
    except DBAPIError as exc:
        raise connection_error(url, exc) from exc
    finally:
        engine.dispose()


LOCK_TIMEOUT_MS = 10_000


def connect_args(url: str) -> dict[str, Any]:
    """A server that does not answer is given up on after a while, not waited for forever.

    What the address itself asks for wins: its own ``connect_timeout``, and its own ``options``
    (a search_path, a role's settings) are kept, SalesDesk's lock_timeout added after them unless
    they set one themselves."""
    if not is_server_url(url):
        return {}
    query = make_url(url).query
    theirs = query.get("options")
    own = " ".join(theirs) if isinstance(theirs, tuple) else (theirs or "")
    # A write behind another seat's lock waits as long as a SQLite writer waits for the file
    # (BUSY_TIMEOUT), then says so (err.server_waited) instead of hanging the window.
    options = own if "lock_timeout" in own else f"{own} -c lock_timeout={LOCK_TIMEOUT_MS}".strip()
    timeout = query.get("connect_timeout") or CONNECT_TIMEOUT_SECONDS
    return {"connect_timeout": timeout, "options": options}


# libpq's SQLSTATEs a person can act on; an unreachable server has none (the connection never began).
_STATES = {
    "28P01": "err.server_password",  # invalid_password
    "28000": "err.server_not_allowed",  # invalid_authorization_specification (pg_hba.conf, no such role)
    "3D000": "err.server_no_database",  # invalid_catalog_name
    "42501": "err.server_not_allowed",  # insufficient_privilege
    "53300": "err.server_busy",  # too_many_connections
    "57P03": "err.server_busy",  # cannot_connect_now (starting up)
    "57014": "err.server_time_limit",  # query_canceled: the server's statement_timeout
}


# SQLSTATEs met while working on an open server base (not while connecting), by class or by code.
_WORK_STATES = {
    "08": "err.server_lost",  # connection_exception and its subclasses
    "57P01": "err.server_lost",  # admin_shutdown: the server was stopped, or the session terminated
    "57P02": "err.server_lost",  # crash_shutdown
    "57P03": "err.server_busy",  # cannot_connect_now
    "53300": "err.server_busy",  # too_many_connections
    "55P03": "err.server_waited",  # lock_not_available: lock_timeout ran out behind another seat
    "40P01": "err.server_waited",  # deadlock_detected: the server chose this transaction to give way
    "25006": "err.server_read_only",  # read_only_sql_transaction (a standby, default_transaction_read_only)
    "53100": "err.server_disk_full",  # disk_full
    "57014": "err.server_time_limit",  # query_canceled: the server's statement_timeout
    "42501": "err.server_forbidden",  # insufficient_privilege
}


def work_error(url: str, exc: BaseException, *, lock_seconds: float) -> StoreError | None:
    """A ``StoreError`` for what went wrong on an open server base that a person can act on (the
    connection lost, a lock waited for too long, a read-only or full server, a right missing); None
    for anything else, which stays a bug. Classified by SQLSTATE, never by the wording; a connection
    that broke has no SQLSTATE, only the driver's OperationalError."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None)
    key = None
    if state:
        key = _WORK_STATES.get(str(state)) or _WORK_STATES.get(str(state)[:2])
    elif type(orig).__name__ == "OperationalError" and type(orig).__module__.startswith("psycopg"):
        key = "err.server_lost"
    if key is None:
        return None
    address = address_of(url)
    log.warning("server error %s", state or type(orig).__name__)
    return StoreError(
        msg(
            key,
            where=f"{address.host}:{address.port}",
            user=address.user,
            code=state or "",
            seconds=f"{lock_seconds:g}",
        )
    )


def connection_error(url: str, exc: BaseException) -> StoreError:
    """A ``StoreError`` for a failed connection to a server, in the user's words; the URL in it has
    no password."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None)
    address = address_of(url)
    where = f"{address.host}:{address.port}"
    key = _STATES.get(str(state)) if state else None
    statement = str(getattr(exc, "statement", "") or "").lstrip().upper()
    if state == "42501" and statement.startswith(("CREATE", "ALTER")):
        key = "err.server_cannot_set_up"  # connected, but may not make the tables (PostgreSQL 15's default)
    if key is None and state is None:
        key = _key_of_words(str(orig))
    if key is None:
        log.warning("server refused the connection: SQLSTATE %s", state)
        reason = state or str(orig).strip().splitlines()[-1][:300]
        return StoreError(msg("err.db_open", where=hidden(url), reason=reason))
    return StoreError(msg(key, where=where, database=address.database, user=address.user))


# A refused connection comes with no SQLSTATE (libpq hands psycopg only the text of the server's
# FATAL message, in the server's language: English or Russian here), so these words are the only
# sign of why. Checked in order; the first that appears decides.
_WORDS = (
    ("no password supplied", "err.server_password_needed"),
    ("password authentication failed", "err.server_password"),
    ("не прошёл проверку подлинности", "err.server_password"),
    ("не прошел проверку подлинности", "err.server_password"),
    ("pg_hba.conf", "err.server_not_allowed"),
    ("role", "err.server_not_allowed"),
    ("роль", "err.server_not_allowed"),
    ("database", "err.server_no_database"),
    ("база данных", "err.server_no_database"),
    ("does not support ssl", "err.server_no_ssl"),
    ("не поддерживает ssl", "err.server_no_ssl"),
    ("certificate", "err.server_certificate"),
    ("сертификат", "err.server_certificate"),
    ("too many clients", "err.server_busy"),
    ("starting up", "err.server_busy"),
    ("connection refused", "err.server_unreachable"),
    ("could not translate host name", "err.server_unreachable"),
    ("name or service not known", "err.server_unreachable"),
    ("timeout expired", "err.server_unreachable"),
    ("no route to host", "err.server_unreachable"),
    ("network is unreachable", "err.server_unreachable"),
    ("could not connect", "err.server_unreachable"),
    ("connection timed out", "err.server_unreachable"),
)


def _key_of_words(text_value: str) -> str | None:
    lowered = text_value.lower()
    fatal = lowered.split("fatal:", 1)[-1]  # the server's own words, past libpq's "connection to … failed"
    for words, key in _WORDS:
        if words in (fatal if key.startswith(("err.server_no", "err.server_not")) else lowered):
            return key
    return None
