"""The name key of every client in a column with an index (issue 17: import into a big base).

Duplicate matching compares names by their key (``domain/duplicates.name_key``: folded words,
punctuation and quotes ignored). An import asks the base for the stored clients that hold its
rows' INNs, phones and e-mails through their columns' indexes; names had no stored key, so every
live client's name was read and keyed in Python — 4.7 s of CPU per import at 1,000,000 clients,
whatever the size of the file. ``clients.name_key`` is written with the other derived columns on
every save (``domain/derived.py``), and ``ix_clients_live_name_key`` makes the name a lookup like
the others. Existing cards get their key here, computed by the same function, in blocks: at
1,000,000 clients on SQLite the upgrade took 25 s with the copy the program keeps before it
(a 3.7 GB file); a PostgreSQL base of 100,000 clients 15 s (the server rewrites every row).

Revision ID: 0015_name_key
Revises: 0014_search_fast
"""

import sqlalchemy as sa
from alembic import op

from salesdesk.domain.duplicates import name_key

revision = "0015_name_key"
down_revision = "0014_search_fast"
branch_labels = None
depends_on = None

_BLOCK = 10_000


def upgrade() -> None:
    op.add_column("clients", sa.Column("name_key", sa.Text, nullable=False, server_default=""))
    conn = op.get_bind()
    last = 0
    while True:
        # by id, a block at a time: a million names are never all in memory
        block = conn.execute(
            sa.text("SELECT id, name FROM clients WHERE id > :last ORDER BY id LIMIT :n"), {"last": last, "n": _BLOCK}
        ).all()
        if not block:
            break
        keyed = [{"i": ident, "k": key} for ident, name in block if (key := name_key(name or ""))]
        if keyed:
            conn.execute(sa.text("UPDATE clients SET name_key = :k WHERE id = :i"), keyed)
        last = block[-1][0]
    op.create_index(
        "ix_clients_live_name_key",
        "clients",
        ["name_key"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_clients_live_name_key", table_name="clients")
    # a plain DROP COLUMN, not a batch copy of the table: that would drop the search index's
    # triggers with it (see 0008_merge)
    op.get_bind().execute(sa.text("ALTER TABLE clients DROP COLUMN name_key"))
