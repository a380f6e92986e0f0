"""The audit trail: who changed what, when, through which face, before → after (issue 12).

A new table only; existing rows get no history (the trail starts with the upgrade).

Revision ID: 0004_audit
Revises: 0003_search_punctuation
"""

import sqlalchemy as sa
from alembic import op

from salesdesk.store.types import UtcDateTime

revision = "0004_audit"
down_revision = "0003_search_punctuation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("manager_id", sa.Integer, nullable=True),
        sa.Column("via", sa.String(20), nullable=False),
        sa.Column("source", sa.String(300), nullable=False, server_default=""),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("client_id", sa.Integer, nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(40), nullable=True),
        sa.Column("old", sa.Text, nullable=True),
        sa.Column("new", sa.Text, nullable=True),
        sa.Column("erased", sa.Boolean, nullable=False, server_default="0"),
    )
    op.create_index("ix_audit_client_id", "audit", ["client_id"])
    op.create_index("ix_audit_entity_entity_id", "audit", ["entity", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_entity_entity_id", "audit")
    op.drop_index("ix_audit_client_id", "audit")
    op.drop_table("audit")
