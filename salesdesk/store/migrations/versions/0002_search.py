"""Full-text search over clients (SQLite FTS5), kept in step with the clients table by triggers.

The index reads the folded ``search_name`` / ``search_other`` columns that the store fills from
the domain's search document, so case, ё and phone formats are already dealt with; unicode61
only splits words. Other databases search those columns directly (see store/search.py).

Revision ID: 0002_search
Revises: 0001_initial
"""

from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
        INSERT INTO clients_fts(rowid, search_name, search_other)
        VALUES (new.id, new.search_name, new.search_other);
    END""",
    """CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
        INSERT INTO clients_fts(clients_fts, rowid, search_name, search_other)
        VALUES ('delete', old.id, old.search_name, old.search_other);
    END""",
    """CREATE TRIGGER clients_fts_update AFTER UPDATE OF search_name, search_other ON clients BEGIN
        INSERT INTO clients_fts(clients_fts, rowid, search_name, search_other)
        VALUES ('delete', old.id, old.search_name, old.search_other);
        INSERT INTO clients_fts(rowid, search_name, search_other)
        VALUES (new.id, new.search_name, new.search_other);
    END""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE clients_fts USING fts5("
        "search_name, search_other, content='clients', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.execute("INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("clients_fts_insert", "clients_fts_delete", "clients_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS clients_fts")
