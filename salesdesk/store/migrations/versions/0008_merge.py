"""Merging duplicates (issue 15): a card merged into another goes to the trash with a link to the
card it was merged into, ``clients.merged_into`` (NULL for every other card). A plain integer, not
a foreign key: the link is information for the trash and Undo, and emptying the trash or erasing
the kept card must not be held up by it.

Revision ID: 0008_merge
Revises: 0007_seats
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_merge"
down_revision = "0007_seats"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("merged_into", sa.Integer(), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch operation: SQLite's batch mode
    # copies the table and drops the old one, and with it the triggers that keep the search index
    # in step (0002_search) — a base taken down and up again would stop updating its index.
    op.get_bind().execute(sa.text("ALTER TABLE clients DROP COLUMN merged_into"))
