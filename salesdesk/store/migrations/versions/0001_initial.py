"""The client base: managers, industries (with the 21 OKVED sections), clients, contacts,
interactions, deals and reminders.

Revision ID: 0001_initial
Revises:
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from salesdesk.store.types import UtcDateTime

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

SECTIONS = (
    ("A", "Сельское, лесное хозяйство, охота, рыболовство и рыбоводство"),
    ("B", "Добыча полезных ископаемых"),
    ("C", "Обрабатывающие производства"),
    ("D", "Обеспечение электрической энергией, газом и паром; кондиционирование воздуха"),
    ("E", "Водоснабжение; водоотведение, сбор и утилизация отходов, ликвидация загрязнений"),
    ("F", "Строительство"),
    ("G", "Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов"),
    ("H", "Транспортировка и хранение"),
    ("I", "Деятельность гостиниц и предприятий общественного питания"),
    ("J", "Деятельность в области информации и связи"),
    ("K", "Деятельность финансовая и страховая"),
    ("L", "Деятельность по операциям с недвижимым имуществом"),
    ("M", "Деятельность профессиональная, научная и техническая"),
    ("N", "Деятельность административная и сопутствующие дополнительные услуги"),
    ("O", "Государственное управление и обеспечение военной безопасности; социальное обеспечение"),
    ("P", "Образование"),
    ("Q", "Деятельность в области здравоохранения и социальных услуг"),
    ("R", "Деятельность в области культуры, спорта, организации досуга и развлечений"),
    ("S", "Предоставление прочих видов услуг"),
    ("T", "Деятельность домашних хозяйств как работодателей; производство товаров и услуг для себя"),
    ("U", "Деятельность экстерриториальных организаций и органов"),
)


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("deleted_at", UtcDateTime, nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "managers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("name_norm", sa.String(300), nullable=False),
        sa.Column("email", sa.String(320), nullable=False, server_default=""),
        sa.Column("active", sa.Boolean, nullable=False, server_default="1"),
        *_stamps(),
        sa.UniqueConstraint("name_norm", name="uq_managers_name_norm"),
    )
    industries = op.create_table(
        "industries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(10), nullable=False, server_default=""),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("name_norm", sa.String(300), nullable=False),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        *_stamps(),
    )
    op.create_index("ix_industries_code", "industries", ["code"])
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("full_name", sa.String(500), nullable=False, server_default=""),
        sa.Column("inn", sa.String(12), nullable=False, server_default=""),
        sa.Column("kpp", sa.String(9), nullable=False, server_default=""),
        sa.Column("ogrn", sa.String(15), nullable=False, server_default=""),
        sa.Column("legal_address", sa.String(500), nullable=False, server_default=""),
        sa.Column("postal_address", sa.String(500), nullable=False, server_default=""),
        sa.Column("city", sa.String(100), nullable=False, server_default=""),
        sa.Column("phone", sa.String(100), nullable=False, server_default=""),
        sa.Column("phone_e164", sa.String(20), nullable=True),
        sa.Column("email", sa.String(320), nullable=False, server_default=""),
        sa.Column("email_norm", sa.String(320), nullable=True),
        sa.Column("bank_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("bik", sa.String(9), nullable=False, server_default=""),
        sa.Column("account", sa.String(20), nullable=False, server_default=""),
        sa.Column("corr_account", sa.String(20), nullable=False, server_default=""),
        sa.Column(
            "industry_id",
            sa.Integer,
            sa.ForeignKey("industries.id", ondelete="SET NULL", name="fk_clients_industry_id_industries"),
            nullable=True,
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("source", sa.String(100), nullable=False, server_default=""),
        sa.Column(
            "owner_id",
            sa.Integer,
            sa.ForeignKey("managers.id", ondelete="SET NULL", name="fk_clients_owner_id_managers"),
            nullable=True,
        ),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("tags", sa.String(1000), nullable=False, server_default=""),
        sa.Column("completeness", sa.Integer, nullable=False, server_default="0"),
        sa.Column("missing", sa.String(300), nullable=False, server_default=""),
        sa.Column("next_reminder_at", UtcDateTime, nullable=True),
        sa.Column("sort_key", sa.String(300), nullable=False),
        sa.Column("search_name", sa.Text, nullable=False, server_default=""),
        sa.Column("search_other", sa.Text, nullable=False, server_default=""),
        *_stamps(),
    )
    op.create_index(
        "ix_clients_live_sort_key",
        "clients",
        ["sort_key", "id", "completeness"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_clients_trashed",
        "clients",
        ["id"],
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.create_index("ix_clients_inn", "clients", ["inn"])
    op.create_index("ix_clients_phone_e164", "clients", ["phone_e164"])
    op.create_index("ix_clients_email_norm", "clients", ["email_norm"])
    op.create_index("ix_clients_industry_id", "clients", ["industry_id"])
    op.create_index("ix_clients_owner_id", "clients", ["owner_id"])
    op.create_index("ix_clients_status", "clients", ["status"])
    op.create_index("ix_clients_completeness", "clients", ["completeness", "id"])
    op.create_index("ix_clients_next_reminder_at", "clients", ["next_reminder_at"])
    op.create_table(
        "client_tags",
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_client_tags_client_id_clients"),
            primary_key=True,
        ),
        sa.Column("tag_norm", sa.String(50), primary_key=True),
    )
    op.create_index("ix_client_tags_tag_norm", "client_tags", ["tag_norm"])
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_contacts_client_id_clients"),
            nullable=False,
        ),
        sa.Column("full_name", sa.String(300), nullable=False),
        sa.Column("position", sa.String(200), nullable=False, server_default=""),
        sa.Column("birth_date", sa.Date, nullable=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("is_primary", sa.Boolean, nullable=False, server_default="0"),
        *_stamps(),
    )
    op.create_index("ix_contacts_client_id", "contacts", ["client_id"])
    op.create_table(
        "contact_channels",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "contact_id",
            sa.Integer,
            sa.ForeignKey("contacts.id", ondelete="CASCADE", name="fk_contact_channels_contact_id_contacts"),
            nullable=False,
        ),
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_contact_channels_client_id_clients"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("value", sa.String(320), nullable=False),
        sa.Column("value_norm", sa.String(320), nullable=True),
    )
    op.create_index("ix_contact_channels_contact_id", "contact_channels", ["contact_id"])
    op.create_index("ix_contact_channels_kind_value_norm", "contact_channels", ["kind", "value_norm"])
    op.create_table(
        "interactions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_interactions_client_id_clients"),
            nullable=False,
        ),
        sa.Column(
            "contact_id",
            sa.Integer,
            sa.ForeignKey("contacts.id", ondelete="SET NULL", name="fk_interactions_contact_id_contacts"),
            nullable=True,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("occurred_at", UtcDateTime, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=False, server_default=""),
        sa.Column(
            "manager_id",
            sa.Integer,
            sa.ForeignKey("managers.id", ondelete="SET NULL", name="fk_interactions_manager_id_managers"),
            nullable=True,
        ),
        *_stamps(),
    )
    op.create_index("ix_interactions_client_id_occurred_at", "interactions", ["client_id", "occurred_at", "deleted_at"])
    op.create_table(
        "deals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_deals_client_id_clients"),
            nullable=False,
        ),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("amount_minor", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False, server_default="RUB"),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("lost_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("contract_end", sa.Date, nullable=True),
        sa.Column(
            "owner_id",
            sa.Integer,
            sa.ForeignKey("managers.id", ondelete="SET NULL", name="fk_deals_owner_id_managers"),
            nullable=True,
        ),
        *_stamps(),
    )
    op.create_index("ix_deals_client_id", "deals", ["client_id", "stage", "currency", "amount_minor", "deleted_at"])
    op.create_index(
        "ix_deals_stage_closed_on",
        "deals",
        ["stage", "closed_on", "currency", "owner_id", "client_id", "amount_minor", "deleted_at"],
    )
    op.create_index(
        "ix_deals_pipeline",
        "deals",
        ["stage", "currency", "opened_on", "owner_id", "client_id", "amount_minor"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_deals_live_opened",
        "deals",
        ["opened_on", "id", "stage", "owner_id", "client_id", "currency", "amount_minor"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_deals_live_amount",
        "deals",
        ["amount_minor", "id", "stage", "owner_id", "client_id", "opened_on"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index("ix_deals_owner_id", "deals", ["owner_id"])
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_reminders_client_id_clients"),
            nullable=False,
        ),
        sa.Column(
            "deal_id",
            sa.Integer,
            sa.ForeignKey("deals.id", ondelete="SET NULL", name="fk_reminders_deal_id_deals"),
            nullable=True,
        ),
        sa.Column("due_at", UtcDateTime, nullable=False),
        sa.Column("text", sa.String(2000), nullable=False),
        sa.Column("recurrence", sa.String(20), nullable=False, server_default="none"),
        sa.Column("done_at", UtcDateTime, nullable=True),
        sa.Column("snoozed_until", UtcDateTime, nullable=True),
        sa.Column("effective_due", UtcDateTime, nullable=False),
        sa.Column("anchor_at", UtcDateTime, nullable=True),
        sa.Column(
            "manager_id",
            sa.Integer,
            sa.ForeignKey("managers.id", ondelete="SET NULL", name="fk_reminders_manager_id_managers"),
            nullable=True,
        ),
        *_stamps(),
    )
    op.create_index("ix_reminders_client_id", "reminders", ["client_id"])
    op.create_index("ix_reminders_effective_due", "reminders", ["effective_due"])

    now = datetime.now(UTC)
    op.bulk_insert(
        industries,
        [
            {
                "code": code,
                "name": name,
                "name_norm": name.casefold(),
                "notes": "",
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
            for code, name in SECTIONS
        ],
    )


def downgrade() -> None:
    for table in (
        "reminders",
        "deals",
        "interactions",
        "contact_channels",
        "contacts",
        "client_tags",
        "clients",
        "industries",
        "managers",
    ):
        op.drop_table(table)
