"""Files on a client (issue 15): a scanned contract, a requisites card, a price list, kept inside the
base (the bytes in a BLOB, BYTEA on PostgreSQL) so that a backup, a copy to a server and the server
itself carry them. ``sha256`` is the content's hash, checked whenever the bytes are read back.

A file belongs to a client (and goes with it when the client is erased or its trash is emptied); it
may also name one of the client's deals (a deal deleted for good leaves the file on the client).

Revision ID: 0009_attachments
Revises: 0007_seats
"""

import sqlalchemy as sa
from alembic import op

from salesdesk.store.types import UtcDateTime

revision = "0009_attachments"
down_revision = "0008_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_attachments_client_id_clients"),
            nullable=False,
        ),
        sa.Column(
            "deal_id",
            sa.Integer,
            sa.ForeignKey("deals.id", ondelete="SET NULL", name="fk_attachments_deal_id_deals"),
            nullable=True,
        ),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("deleted_at", UtcDateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
    )
    op.create_index("ix_attachments_client_id", "attachments", ["client_id"])
    op.create_index(
        "ix_attachments_deal_id",
        "attachments",
        ["deal_id"],
        sqlite_where=sa.text("deal_id IS NOT NULL"),
        postgresql_where=sa.text("deal_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_attachments_deal_id", table_name="attachments")
    op.drop_index("ix_attachments_client_id", table_name="attachments")
    op.drop_table("attachments")
