"""The tables, as SQLAlchemy Core metadata.

Migrations (``store/migrations``) are the only thing that creates or changes these tables; a test
compares a migrated database with this metadata so that the two cannot drift apart.

Conventions: every editable row has ``version`` (optimistic locking: an UPDATE names the version
it read) and ``deleted_at`` (the trash). Money is an integer of minor units (kopecks), never a
float. ``sort_key`` / ``search_*`` / ``*_norm`` columns hold domain-normalised text, because SQLite
folds case for ASCII only.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from salesdesk.store.types import UtcDateTime

# Tables outside this metadata, made by migrations for one database only and kept by triggers from
# the clients' own columns (empty whenever clients is): SQLite's FTS5 index (``clients_fts`` and
# its shadow tables, 0002), PostgreSQL's words of the names (0016) and its digit words (0017;
# store/listing.py).
FTS_TABLES_PREFIX = "clients_fts"
NAME_WORDS_TABLE = "client_name_words"
DIGIT_WORDS_TABLE = "client_digit_words"
# The digit words are kept cut to their leading digits, at most this many: a term of up to this many
# digits starts a word exactly when it starts those digits.
DIGIT_WORD_LEN = 6
# The longest name word the table keeps whole: longer ones are kept cut to this many characters, so
# that an index entry stays under PostgreSQL's b-tree limit (2,704 bytes) with a 300-character sort
# key of 4-byte characters beside it; a search term longer than this never takes that table.
NAME_WORD_MAX = 100

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _stamps() -> list[Column[object]]:
    return [
        Column("version", Integer, nullable=False, server_default="1"),
        Column("created_at", UtcDateTime, nullable=False),
        Column("updated_at", UtcDateTime, nullable=False),
        Column("deleted_at", UtcDateTime, nullable=True),
    ]


managers = Table(
    "managers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("name_norm", String(300), nullable=False, unique=True),
    Column("email", String(320), nullable=False, server_default=""),
    Column("active", Boolean, nullable=False, server_default="1"),
    # "manager" or "head" (domain/model.py Role; issue 14: several seats)
    Column("role", String(20), nullable=False, server_default="manager"),
    *_stamps(),
)

# The base's own settings, shared by every seat (what managers who are not heads may do).
base_settings = Table(
    "base_settings",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", String(300), nullable=False, server_default=""),
)

industries = Table(
    "industries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(10), nullable=False, server_default=""),
    Column("name", String(300), nullable=False),
    Column("name_norm", String(300), nullable=False),
    Column("notes", Text, nullable=False, server_default=""),
    *_stamps(),
    Index("ix_industries_code", "code"),
)

clients = Table(
    "clients",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("name", String(300), nullable=False),
    Column("full_name", String(500), nullable=False, server_default=""),
    Column("inn", String(12), nullable=False, server_default=""),
    Column("kpp", String(9), nullable=False, server_default=""),
    Column("ogrn", String(15), nullable=False, server_default=""),
    Column("legal_address", String(500), nullable=False, server_default=""),
    Column("postal_address", String(500), nullable=False, server_default=""),
    Column("city", String(100), nullable=False, server_default=""),
    Column("phone", String(100), nullable=False, server_default=""),
    Column("phone_e164", String(20), nullable=True),
    Column("email", String(320), nullable=False, server_default=""),
    Column("email_norm", String(320), nullable=True),
    Column("bank_name", String(200), nullable=False, server_default=""),
    Column("bik", String(9), nullable=False, server_default=""),
    Column("account", String(20), nullable=False, server_default=""),
    Column("corr_account", String(20), nullable=False, server_default=""),
    Column("industry_id", Integer, ForeignKey("industries.id", ondelete="SET NULL"), nullable=True),
    Column("status", String(20), nullable=False),
    Column("source", String(100), nullable=False, server_default=""),
    Column("owner_id", Integer, ForeignKey("managers.id", ondelete="SET NULL"), nullable=True),
    Column("notes", Text, nullable=False, server_default=""),
    Column("tags", String(1000), nullable=False, server_default=""),
    Column("completeness", Integer, nullable=False, server_default="0"),
    Column("missing", String(300), nullable=False, server_default=""),
    Column("next_reminder_at", UtcDateTime, nullable=True),
    # code-point order on PostgreSQL as on SQLite, whatever the server's locale (migration 0006)
    Column("sort_key", String(300).with_variant(String(300, collation="C"), "postgresql"), nullable=False),
    Column("search_name", Text, nullable=False, server_default=""),
    Column("search_other", Text, nullable=False, server_default=""),
    # the card this one was merged into (it is then in the trash); NULL otherwise (migration 0008)
    Column("merged_into", Integer, nullable=True),
    # the oldest confirmation of its filled requisites and channels (table ``confirmations``), NULL when
    # none is filled: "needs checking" is a range of the index below (migration 0013)
    Column("confirmed_oldest", UtcDateTime, nullable=True),
    # the name as duplicate matching compares it (domain/duplicates.name_key), so that an import
    # finds the stored clients of its rows' names through an index (migration 0015)
    Column("name_key", Text, nullable=False, server_default=""),
    *_stamps(),
    # The live list in name order, with what its status bar counts: a covering index, so counting
    # and averaging a range of names never touches the table. deleted_at (NULL in every entry) is
    # there for SQLite's planner, which otherwise takes the index for one that needs the table and
    # prefers a narrower one that does (migration 0018).
    Index(
        "ix_clients_live_sort_key",
        "sort_key",
        "id",
        "completeness",
        "deleted_at",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
    # the few clients in the trash, whose deals lists and totals leave out
    Index(
        "ix_clients_trashed",
        "id",
        sqlite_where=text("deleted_at IS NOT NULL"),
        postgresql_where=text("deleted_at IS NOT NULL"),
    ),
    # On PostgreSQL these two are (column, id), as SQLite's are implicitly (column, rowid): the list
    # sorted by INN or phone then comes out of the index (migration 0006_pg_search).
    Index("ix_clients_inn", "inn"),
    Index("ix_clients_phone_e164", "phone_e164"),
    Index("ix_clients_email_norm", "email_norm"),
    Index("ix_clients_industry_id", "industry_id"),
    Index("ix_clients_owner_id", "owner_id"),
    Index("ix_clients_status", "status"),
    Index("ix_clients_completeness", "completeness", "id"),
    Index("ix_clients_next_reminder_at", "next_reminder_at"),
    Index(
        "ix_clients_confirmed_oldest",
        "confirmed_oldest",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
    Index(
        "ix_clients_live_name_key",
        "name_key",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
)

# When each filled requisite and contact channel of a card was last confirmed (domain/freshness.py):
# one row per client and filled item; ``fingerprint`` tells a value typed anew from the same one saved
# again (short hashes, not the values). On SQLite the rows are kept in key order (WITHOUT ROWID), so
# the report's pass over them in client order reads no second b-tree.
confirmations = Table(
    "confirmations",
    metadata,
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True),
    Column("item", String(20), primary_key=True),
    Column("confirmed_at", UtcDateTime, nullable=False),
    Column("source", String(20), nullable=False),
    Column("fingerprint", String(400), nullable=False, server_default=""),
    sqlite_with_rowid=False,
)

client_tags = Table(
    "client_tags",
    metadata,
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_norm", String(50), primary_key=True),
    Index("ix_client_tags_tag_norm", "tag_norm"),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
    Column("full_name", String(300), nullable=False),
    Column("position", String(200), nullable=False, server_default=""),
    Column("birth_date", Date, nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Column("is_primary", Boolean, nullable=False, server_default="0"),
    *_stamps(),
    Index("ix_contacts_client_id", "client_id"),
)

# Phones and e-mails of contact persons, one row each, so duplicates can be found by index.
contact_channels = Table(
    "contact_channels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", Integer, ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False),
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),  # "phone" | "email"
    Column("position", Integer, nullable=False),
    Column("value", String(320), nullable=False),
    Column("value_norm", String(320), nullable=True),  # E.164 or normalised e-mail
    Index("ix_contact_channels_contact_id", "contact_id"),
    Index("ix_contact_channels_client_id", "client_id"),  # deleting a client checks its channels here
    Index("ix_contact_channels_kind_value_norm", "kind", "value_norm"),
)

interactions = Table(
    "interactions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
    Column("contact_id", Integer, ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True),
    Column("kind", String(20), nullable=False),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("summary", Text, nullable=False),
    Column("result", Text, nullable=False, server_default=""),
    Column("manager_id", Integer, ForeignKey("managers.id", ondelete="SET NULL"), nullable=True),
    *_stamps(),
    # covering for the card's history and for "sleeping" clients (last contact per client)
    Index("ix_interactions_client_id_occurred_at", "client_id", "occurred_at", "deleted_at"),
    # deleting a contact person unlinks their entries (ON DELETE SET NULL) without reading them all
    Index(
        "ix_interactions_contact_id",
        "contact_id",
        sqlite_where=text("contact_id IS NOT NULL"),
        postgresql_where=text("contact_id IS NOT NULL"),
    ),
)

deals = Table(
    "deals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(300), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False, server_default="RUB"),
    Column("stage", String(20), nullable=False),
    Column("lost_reason", Text, nullable=False, server_default=""),
    Column("opened_on", Date, nullable=False),
    Column("closed_on", Date, nullable=True),
    Column("contract_end", Date, nullable=True),
    Column("owner_id", Integer, ForeignKey("managers.id", ondelete="SET NULL"), nullable=True),
    *_stamps(),
    # The reports aggregate a million deals from these covering indexes, never reading the table:
    # won deals by closing day (sales), revenue per client (sleeping clients), open deals (pipeline).
    Index("ix_deals_client_id", "client_id", "stage", "currency", "amount_minor", "deleted_at"),
    Index(
        "ix_deals_stage_closed_on",
        "stage",
        "closed_on",
        "currency",
        "owner_id",
        "client_id",
        "amount_minor",
        "deleted_at",
    ),
    Index(
        "ix_deals_pipeline",
        "stage",
        "currency",
        "opened_on",
        "owner_id",
        "client_id",
        "amount_minor",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
    # The Deals tab walks these in its order (newest first, or by amount) and filters inside the
    # index, so the first page of a million deals is read without a sort.
    Index(
        "ix_deals_live_opened",
        "opened_on",
        "id",
        "stage",
        "owner_id",
        "client_id",
        "currency",
        "amount_minor",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
    Index(
        "ix_deals_live_amount",
        "amount_minor",
        "id",
        "stage",
        "owner_id",
        "client_id",
        "opened_on",
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    ),
    Index("ix_deals_owner_id", "owner_id"),
)

reminders = Table(
    "reminders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
    Column("deal_id", Integer, ForeignKey("deals.id", ondelete="SET NULL"), nullable=True),
    Column("due_at", UtcDateTime, nullable=False),
    Column("text", String(2000), nullable=False),
    Column("recurrence", String(20), nullable=False, server_default="none"),
    Column("done_at", UtcDateTime, nullable=True),
    Column("snoozed_until", UtcDateTime, nullable=True),
    Column("effective_due", UtcDateTime, nullable=False),
    Column("anchor_at", UtcDateTime, nullable=True),  # first due time of a repeating series
    Column("manager_id", Integer, ForeignKey("managers.id", ondelete="SET NULL"), nullable=True),
    *_stamps(),
    Index("ix_reminders_client_id", "client_id"),
    Index("ix_reminders_effective_due", "effective_due"),
    # the Hooks report (issue 16): a client's reminders done in a window, without reading the rows
    Index("ix_reminders_client_id_done_at", "client_id", "done_at", "deleted_at"),
    # deleting a deal unlinks its reminders (ON DELETE SET NULL) without reading them all
    Index(
        "ix_reminders_deal_id",
        "deal_id",
        sqlite_where=text("deal_id IS NOT NULL"),
        postgresql_where=text("deal_id IS NOT NULL"),
    ),
)

# Sales plans (issue 16): what a head expects a manager to win in a month ("2026-12") or a quarter
# ("2026-Q4") in one currency; one plan per manager, currency and period (setting it again replaces it).
plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("manager_id", Integer, ForeignKey("managers.id", ondelete="CASCADE"), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("period", String(7), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    UniqueConstraint("manager_id", "currency", "period"),
)

# What was erased, when, by whom and on what ground (152-FZ art. 21; Roskomnadzor order № 179):
# never the erased values themselves. ``entity`` is "contact", "client" or "trash" (an emptying of
# the trash, then ``entity_id`` is NULL and ``removed`` counts the rows that went).
# Files on a client (issue 15), kept inside the base so that a backup and a server carry them. The
# bytes are read only when a file is opened or saved (never with the list); ``sha256`` is checked then.
attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
    Column("deal_id", Integer, ForeignKey("deals.id", ondelete="SET NULL"), nullable=True),
    Column("name", String(255), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    *_stamps(),
    Index("ix_attachments_client_id", "client_id"),
    Index(
        "ix_attachments_deal_id",
        "deal_id",
        sqlite_where=text("deal_id IS NOT NULL"),
        postgresql_where=text("deal_id IS NOT NULL"),
    ),
)

# Saved views of the client table and the deals list (issue 15; domain/views.py): a manager's named
# filters, search, columns, sort and widths, as a checked JSON document. ``owner_id`` 0 is a view
# saved where nobody was signed in; the views shipped with the program are not stored.
views = Table(
    "views",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("owner_id", Integer, nullable=False, server_default="0"),
    Column("list", String(10), nullable=False),
    Column("name", String(100), nullable=False),
    Column("name_norm", String(100), nullable=False),
    Column("document", Text, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_views_owner_id_list_name_norm", "owner_id", "list", "name_norm", unique=True),
)

erasures = Table(
    "erasures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("erased_at", UtcDateTime, nullable=False),
    Column("manager", String(300), nullable=False, server_default=""),
    Column("entity", String(20), nullable=False),
    Column("entity_id", Integer, nullable=True),
    Column("ground", String(30), nullable=False),
    Column("removed", Integer, nullable=False, server_default="0"),
    Index("ix_erasures_erased_at", "erased_at"),
)

# The audit trail (domain/audit.py): one row per changed field (or per created, trashed, restored,
# imported or erased record), written in the transaction of the change. No foreign keys: the trail
# outlives what it tells of. ``client_id`` is the card the entry belongs to (the card's "Changes"
# view); ``erased`` says a person's data was erased and ``old``/``new`` no longer hold it.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("manager_id", Integer, nullable=True),
    Column("via", String(20), nullable=False),
    Column("source", String(300), nullable=False, server_default=""),
    Column("entity", String(20), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Column("client_id", Integer, nullable=True),
    Column("action", String(20), nullable=False),
    Column("field", String(40), nullable=True),
    Column("old", Text, nullable=True),
    Column("new", Text, nullable=True),
    Column("erased", Boolean, nullable=False, server_default="0"),
    Index("ix_audit_client_id", "client_id"),
    Index("ix_audit_entity_entity_id", "entity", "entity_id"),
)

# What the tax service's open data say of a client (issue 16; services/enrichment.py), one row per
# client the register files were read for. Each group keeps the file it came from and the date the
# data describe: the SME register (category, main OKVED code, region), the headcount set and the
# revenue set. ``not_in_register``: the last SME register read did not list this client's INN.
# ``industry_set``: the client's industry was set from the register (so a newer file may change it;
# an industry the user chose is never changed).
client_register = Table(
    "client_register",
    metadata,
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True),
    Column("category", Integer, nullable=True),
    Column("okved_code", String(10), nullable=False, server_default=""),
    Column("okved_name", String(500), nullable=False, server_default=""),
    Column("region", String(2), nullable=False, server_default=""),
    Column("place", String(200), nullable=False, server_default=""),
    Column("source", String(260), nullable=False, server_default=""),
    Column("as_of", Date, nullable=True),
    Column("headcount", Integer, nullable=True),
    Column("headcount_source", String(260), nullable=False, server_default=""),
    Column("headcount_as_of", Date, nullable=True),
    Column("revenue", BigInteger, nullable=True),  # whole roubles
    Column("expenses", BigInteger, nullable=True),
    Column("revenue_source", String(260), nullable=False, server_default=""),
    Column("revenue_as_of", Date, nullable=True),
    Column("not_in_register", Boolean, nullable=False, server_default="0"),
    Column("industry_set", Boolean, nullable=False, server_default="0"),
    Column("checked_at", UtcDateTime, nullable=False),
    # the card's benchmark: the base's clients of one region and section (domain/okved.py)
    Index("ix_client_register_region", "region", "okved_code"),
    Index(
        "ix_client_register_missing",
        "client_id",
        sqlite_where=text("not_in_register"),
        postgresql_where=text("not_in_register"),
    ),
)

# Quartiles of a whole register file by OKVED section and region, kept from the last file read
# (the base's own quartiles are computed when asked: domain/benchmarks.py).
register_benchmarks = Table(
    "register_benchmarks",
    metadata,
    Column("section", String(1), primary_key=True),
    Column("region", String(2), primary_key=True),
    Column("measure", String(10), primary_key=True),  # "headcount" or "revenue"
    Column("count", Integer, nullable=False),
    Column("q1", BigInteger, nullable=False),  # people, or whole roubles
    Column("median", BigInteger, nullable=False),
    Column("q3", BigInteger, nullable=False),
    Column("source", String(260), nullable=False, server_default=""),
    Column("as_of", Date, nullable=True),
)
