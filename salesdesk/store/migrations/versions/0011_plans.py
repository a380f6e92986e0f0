"""Sales plans (issue 16): what a head expects a manager to win in a month or a quarter, per
currency. One row per manager, currency and period ("2026-12" or "2026-Q4"); amounts in kopecks.
And an index of the reminders done per client, for the Hooks report (each won deal looks up the
latest reminder of its client done before it: a range of this index, not a read of the rows).

Revision ID: 0011_plans
Revises: 0009_attachments
"""

import sqlalchemy as sa
from alembic import op

from salesdesk.store.types import UtcDateTime

revision = "0011_plans"
down_revision = "0010_views"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "manager_id",
            sa.Integer,
            sa.ForeignKey("managers.id", ondelete="CASCADE", name="fk_plans_manager_id_managers"),
            nullable=False,
        ),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("amount_minor", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_plans"),
        sa.UniqueConstraint("manager_id", "currency", "period", name="uq_plans_manager_id_currency_period"),
    )
    op.create_index("ix_reminders_client_id_done_at", "reminders", ["client_id", "done_at", "deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_reminders_client_id_done_at", table_name="reminders")
    op.drop_table("plans")
