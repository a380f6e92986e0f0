"""The record of erasures: when, by whom, which record and on what ground, never the data itself.

Revision ID: 0004_erasures
Revises: 0003_search_punctuation
"""

import sqlalchemy as sa
from alembic import op

from salesdesk.store.types import UtcDateTime

revision = "0004_erasures"
down_revision = "0003_search_punctuation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("erased_at", UtcDateTime, nullable=False),
        sa.Column("manager", sa.String(300), nullable=False, server_default=""),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=True),
        sa.Column("ground", sa.String(30), nullable=False),
        sa.Column("removed", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_erasures_erased_at", "erasures", ["erased_at"])


def downgrade() -> None:
    op.drop_index("ix_erasures_erased_at", table_name="erasures")
    op.drop_table("erasures")
