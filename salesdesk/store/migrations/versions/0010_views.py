"""Saved views (issue 15): a manager's named filters, search text, columns, sort and column widths of
the client table or the deals list, kept in the base so that they follow the manager to another seat
of a shared base. ``document`` is a versioned JSON document (domain/views.py) checked on every read.

Revision ID: 0010_views
Revises: 0009_attachments
"""

import sqlalchemy as sa
from alembic import op

from salesdesk.store.types import UtcDateTime

revision = "0010_views"
down_revision = "0009_attachments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "views",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner_id", sa.Integer, nullable=False, server_default="0"),
        sa.Column("list", sa.String(10), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("name_norm", sa.String(100), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_views"),
    )
    op.create_index("ix_views_owner_id_list_name_norm", "views", ["owner_id", "list", "name_norm"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_views_owner_id_list_name_norm", table_name="views")
    op.drop_table("views")
