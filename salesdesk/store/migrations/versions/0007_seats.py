"""Several seats (issue 14): a role for each manager ("manager" or "head") and the base's own
settings (what a manager who is not a head may do: export the whole base, erase).

An existing base with exactly one manager makes that manager its head, so the person who has
always used it keeps every right. A base with several managers gets no head: a base without a head
restricts nobody (as before), and anyone may appoint the first head in Settings; from then on only a
head changes roles and the base's settings (docs/user_guide_*.md, "Several seats").

Revision ID: 0007_seats
Revises: 0005_erasures
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_seats"
down_revision = "0006_pg_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("managers", sa.Column("role", sa.String(20), nullable=False, server_default="manager"))
    op.create_table(
        "base_settings",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.String(300), nullable=False, server_default=""),
    )
    bind = op.get_bind()
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM managers WHERE deleted_at IS NULL"))]
    if len(ids) == 1:
        bind.execute(sa.text("UPDATE managers SET role = 'head' WHERE id = :id"), {"id": ids[0]})


def downgrade() -> None:
    op.drop_table("base_settings")
    with op.batch_alter_table("managers") as batch:
        batch.drop_column("role")
