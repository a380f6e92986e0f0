"""Fresh data (issue 16): when each filled requisite and contact channel of a card was last confirmed.

A table ``confirmations`` (one row per client and filled item, domain/freshness.py) and a column
``clients.confirmed_oldest`` (the oldest of a card's confirmations, indexed among live clients, so
that "needs checking" is a range of an index). Existing cards get their dates from what the base
knows: the card's last change (``updated_at``), and for the phone and the e-mail also the last change
of a contact person who holds one. The fingerprints are computed with the same domain function a save
uses, so that saving a card unchanged after the upgrade confirms nothing.

Revision ID: 0013_freshness
Revises: 0009_attachments
"""

from collections import defaultdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection, text

from salesdesk.domain.freshness import Source, fingerprints
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields
from salesdesk.store.types import UtcDateTime

revision = "0013_freshness"
down_revision = "0011_plans"
branch_labels = None
depends_on = None

_CHUNK = 5_000


def upgrade() -> None:
    op.create_table(
        "confirmations",
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("clients.id", ondelete="CASCADE", name="fk_confirmations_client_id_clients"),
            nullable=False,
        ),
        sa.Column("item", sa.String(20), nullable=False),
        sa.Column("confirmed_at", UtcDateTime, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("fingerprint", sa.String(400), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("client_id", "item", name="pk_confirmations"),
        sqlite_with_rowid=False,
    )
    op.add_column("clients", sa.Column("confirmed_oldest", UtcDateTime, nullable=True))
    fill(op.get_bind())
    op.create_index(
        "ix_clients_confirmed_oldest",
        "clients",
        ["confirmed_oldest"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_clients_confirmed_oldest", table_name="clients")
    # a plain DROP COLUMN, not a batch copy of the table: that would drop the search index's
    # triggers with it (see 0008_merge)
    op.get_bind().execute(sa.text("ALTER TABLE clients DROP COLUMN confirmed_oldest"))
    op.drop_table("confirmations")


_clients = sa.table(
    "clients",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("name", sa.String),
    sa.column("full_name", sa.String),
    sa.column("inn", sa.String),
    sa.column("kpp", sa.String),
    sa.column("ogrn", sa.String),
    sa.column("legal_address", sa.String),
    sa.column("phone", sa.String),
    sa.column("email", sa.String),
    sa.column("missing", sa.String),
    sa.column("updated_at", UtcDateTime),
    sa.column("confirmed_oldest", UtcDateTime),
)
_contacts = sa.table(
    "contacts",
    sa.column("id", sa.Integer),
    sa.column("client_id", sa.Integer),
    sa.column("full_name", sa.String),
    sa.column("updated_at", UtcDateTime),
    sa.column("deleted_at", UtcDateTime),
)
_confirmations = sa.table(
    "confirmations",
    sa.column("client_id", sa.Integer),
    sa.column("item", sa.String),
    sa.column("confirmed_at", UtcDateTime),
    sa.column("source", sa.String),
    sa.column("fingerprint", sa.String),
)


def fill(conn: Connection) -> None:
    """A confirmation for every filled item of every card, dated by what the base knows."""
    channels: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for contact_id, kind, value in conn.execute(
        text("SELECT contact_id, kind, value FROM contact_channels ORDER BY contact_id, position")
    ).all():
        channels[contact_id][0 if kind == "phone" else 1].append(value)
    people: dict[int, list[ContactFields]] = defaultdict(list)
    touched: dict[int, datetime] = {}  # client -> the newest change of a contact person with a channel
    k = _contacts.c
    for contact_id, client_id, full_name, updated in conn.execute(
        sa.select(k.id, k.client_id, k.full_name, k.updated_at).where(k.deleted_at.is_(None))
    ).all():
        phones, emails = channels.get(contact_id, ([], []))
        people[client_id].append(ContactFields(full_name=full_name, phones=tuple(phones), emails=tuple(emails)))
        if (phones or emails) and (client_id not in touched or updated > touched[client_id]):
            touched[client_id] = updated
    c = _clients.c
    cards = conn.execute(
        sa.select(
            c.id,
            c.kind,
            c.name,
            c.full_name,
            c.inn,
            c.kpp,
            c.ogrn,
            c.legal_address,
            c.phone,
            c.email,
            c.missing,
            c.updated_at,
        )
    ).all()
    rows: list[dict[str, Any]] = []
    oldest: list[dict[str, Any]] = []
    for ident, kind, name, full_name, inn, kpp, ogrn, address, phone, email, missing, updated in cards:
        try:
            client_kind = ClientKind(kind)
        except ValueError:
            continue
        card = ClientFields(
            name=name,
            kind=client_kind,
            full_name=full_name,
            inn=inn,
            kpp=kpp,
            ogrn=ogrn,
            legal_address=address,
            phone=phone,
            email=email,
        )
        dates = []
        for item, fingerprint in fingerprints(card, people.get(ident, ()), [m for m in missing.split(",") if m]):
            moment = updated
            if item in ("phone", "email") and ident in touched and touched[ident] > moment:
                moment = touched[ident]
            dates.append(moment)
            rows.append(
                {
                    "client_id": ident,
                    "item": item,
                    "confirmed_at": moment,
                    "source": Source.KNOWN.value,
                    "fingerprint": fingerprint,
                }
            )
        if dates:
            oldest.append({"ident": ident, "oldest": min(dates)})
        if len(rows) >= _CHUNK:
            _write(conn, rows, oldest)
    _write(conn, rows, oldest)


def _write(conn: Connection, rows: list[dict[str, Any]], oldest: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(_confirmations), rows)
    if oldest:
        conn.execute(
            sa.update(_clients)
            .where(_clients.c.id == sa.bindparam("ident"))
            .values(confirmed_oldest=sa.bindparam("oldest", type_=UtcDateTime)),
            oldest,
        )
    rows.clear()
    oldest.clear()
