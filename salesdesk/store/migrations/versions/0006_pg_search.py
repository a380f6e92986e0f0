"""PostgreSQL: a trigram index behind the client search, and names sorted by code point as on SQLite.

SQLite searches through its FTS5 table (revision 0002). PostgreSQL matches the same folded columns
by word prefix with LIKE (``store/listing.py``); without an index that reads every client for every
keystroke. This adds a GIN index over ``' ' || search_name || ' ' || search_other`` with pg_trgm's
``gin_trgm_ops``, which answers ``LIKE '% term%'`` (a word starting with the term) from the index;
LIKE stays the judge of every row, so the answers are exactly those of the unindexed search.
The choice and the figures behind it are in docs/phones_and_search.md.

pg_trgm is a trusted extension (a database owner may create it since PostgreSQL 13), but a server
may not ship it or its administrator may forbid it: then the migration says so in the log and goes
on without the index (the search gives the same answers, only slower at 100,000 clients). It never
fails the opening of the base for that.

``sort_key`` is collated "C" on PostgreSQL: the list sorted by name and the "names starting with"
range (one or two letters typed) then follow code points, as SQLite's BINARY does, whatever locale
the server's databases were made with (under ru_RU or ICU a range such as >= 'ив' and < 'ив' || U+10FFFF
is not "starts with", and Latin names would sort after Cyrillic ones on one seat type only).

And ``ix_clients_inn`` / ``ix_clients_phone_e164`` become (column, id) on PostgreSQL. A SQLite index
ends with the rowid, so the list sorted by INN or phone (ties broken by id) comes out of the index
in order; PostgreSQL's did not, and it sorted every client sharing the first value (the 19,000
without an INN at 100,000 demo clients: 19-190 ms for the first page, 0.1 ms with the id).

A no-op on SQLite.

Revision ID: 0006_pg_search
Revises: 0005_erasures
"""

import logging

from alembic import op
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

revision = "0006_pg_search"
down_revision = "0005_erasures"
branch_labels = None
depends_on = None

log = logging.getLogger("salesdesk.store.migrations")

TRIGRAM_INDEX = "ix_clients_search_trgm"
# The expression the search's LIKE reads (store/listing.py, search_text); PostgreSQL uses the index
# only for this very expression.
SEARCH_TEXT = "(' ' || search_name || ' ' || search_other)"
# Sort keys of the client list whose index gets the id as its tie-breaker on PostgreSQL.
ID_TIED = ("inn", "phone_e164")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    op.execute('ALTER TABLE clients ALTER COLUMN sort_key TYPE VARCHAR(300) COLLATE "C"')
    for column in ID_TIED:
        op.execute(f"DROP INDEX IF EXISTS ix_clients_{column}")
        op.execute(f"CREATE INDEX ix_clients_{column} ON clients ({column}, id)")
    schema = trigram_schema(conn)
    if schema is None:
        return
    op.execute(f'CREATE INDEX {TRIGRAM_INDEX} ON clients USING gin ({SEARCH_TEXT} "{schema}".gin_trgm_ops)')


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
    for column in ID_TIED:
        op.execute(f"DROP INDEX IF EXISTS ix_clients_{column}")
        op.execute(f"CREATE INDEX ix_clients_{column} ON clients ({column})")
    op.execute('ALTER TABLE clients ALTER COLUMN sort_key TYPE VARCHAR(300) COLLATE "default"')


def trigram_schema(conn: Connection) -> str | None:
    """The schema of pg_trgm's operator class, creating the extension if the server lets us; None
    (logged) when it cannot be had."""
    schema = _opclass_schema(conn)
    if schema is not None:
        return schema
    available = conn.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar()
    if available is None:
        log.warning(
            "pg_trgm is not installed on this PostgreSQL server: the client search works without "
            "its index (slower on a large base); ask the administrator for the postgresql-contrib package"
        )
        return None
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as exc:
        log.warning(
            "cannot create the pg_trgm extension (%s): the client search works without its index "
            "(slower on a large base); a database owner or superuser can run CREATE EXTENSION pg_trgm",
            str(exc.orig).strip().splitlines()[0] if exc.orig is not None else exc,
        )
        return None
    return _opclass_schema(conn)


def _opclass_schema(conn: Connection) -> str | None:
    return conn.exec_driver_sql(
        "SELECT n.nspname FROM pg_opclass o JOIN pg_namespace n ON n.oid = o.opcnamespace "
        "JOIN pg_am a ON a.oid = o.opcmethod WHERE o.opcname = 'gin_trgm_ops' AND a.amname = 'gin' LIMIT 1"
    ).scalar()
