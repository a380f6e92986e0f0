"""What the tax service's open data say of clients (issue 16): the SME register's category, main
OKVED code and region, the headcount and the revenue, each with the file and date it came from
(``client_register``), and the quartiles of the last register file read by OKVED section and region
(``register_benchmarks``). See services/enrichment.py and docs/register.md.

Revision ID: 0012_register
Revises: 0009_attachments
"""

import sqlalchemy as sa
from alembic import op

from salesdesk.store.types import UtcDateTime

revision = "0012_register"
down_revision = "0011_plans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    false = sa.text("false") if op.get_bind().dialect.name == "postgresql" else sa.text("0")
    op.create_table(
        "client_register",
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_client_register_client_id_clients"),
            nullable=False,
        ),
        sa.Column("category", sa.Integer, nullable=True),
        sa.Column("okved_code", sa.String(10), nullable=False, server_default=""),
        sa.Column("okved_name", sa.String(500), nullable=False, server_default=""),
        sa.Column("region", sa.String(2), nullable=False, server_default=""),
        sa.Column("place", sa.String(200), nullable=False, server_default=""),
        sa.Column("source", sa.String(260), nullable=False, server_default=""),
        sa.Column("as_of", sa.Date, nullable=True),
        sa.Column("headcount", sa.Integer, nullable=True),
        sa.Column("headcount_source", sa.String(260), nullable=False, server_default=""),
        sa.Column("headcount_as_of", sa.Date, nullable=True),
        sa.Column("revenue", sa.BigInteger, nullable=True),
        sa.Column("expenses", sa.BigInteger, nullable=True),
        sa.Column("revenue_source", sa.String(260), nullable=False, server_default=""),
        sa.Column("revenue_as_of", sa.Date, nullable=True),
        sa.Column("not_in_register", sa.Boolean, nullable=False, server_default=false),
        sa.Column("industry_set", sa.Boolean, nullable=False, server_default=false),
        sa.Column("checked_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("client_id", name="pk_client_register"),
    )
    op.create_index("ix_client_register_region", "client_register", ["region", "okved_code"])
    op.create_index(
        "ix_client_register_missing",
        "client_register",
        ["client_id"],
        sqlite_where=sa.text("not_in_register"),
        postgresql_where=sa.text("not_in_register"),
    )
    op.create_table(
        "register_benchmarks",
        sa.Column("section", sa.String(1), nullable=False),
        sa.Column("region", sa.String(2), nullable=False),
        sa.Column("measure", sa.String(10), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("q1", sa.BigInteger, nullable=False),
        sa.Column("median", sa.BigInteger, nullable=False),
        sa.Column("q3", sa.BigInteger, nullable=False),
        sa.Column("source", sa.String(260), nullable=False, server_default=""),
        sa.Column("as_of", sa.Date, nullable=True),
        sa.PrimaryKeyConstraint("section", "region", "measure", name="pk_register_benchmarks"),
    )


def downgrade() -> None:
    op.drop_table("register_benchmarks")
    op.drop_index("ix_client_register_missing", table_name="client_register")
    op.drop_index("ix_client_register_region", table_name="client_register")
    op.drop_table("client_register")
