"""Search keys fold apostrophes, hyphens, dashes and dots out: recompute them for existing clients.

«дартаньян» did not find «д'Артаньян»: the stored ``search_name`` / ``search_other`` split words
at every mark. The domain now indexes such words whole and in their parts, and the sort key drops
an apostrophe inside a word; this recomputes those three columns of every client from the card
and its contact persons, with the same domain functions a save uses.

Fast for a big base: everything is read in three queries, only changed rows are written (one
executemany), and on SQLite the full-text index is rebuilt once instead of row by row through
the update trigger (docs/phones_and_search.md). Phone numbers are not parsed again (the slowest part of a
search document, and this change leaves their digit forms alone): a stored ``search_other``
in revision 0002's form, its words followed by the phones' digit forms, keeps those digits.

Revision ID: 0003_search_punctuation
Revises: 0002_search
"""

import re
from collections import defaultdict

from alembic import op
from sqlalchemy import Connection, text

from salesdesk.domain.model import ClientFields, ContactFields
from salesdesk.domain.search import other_text, search_document
from salesdesk.domain.text import fold, index_words, sort_key

revision = "0003_search_punctuation"
down_revision = "0002_search"
branch_labels = None
depends_on = None

_UPDATE_TRIGGER = "clients_fts_update"
_OLD_NON_WORD = re.compile(r"[\W_]+")  # revision 0002 split words at every mark


def upgrade() -> None:
    recompute_search_keys(op.get_bind())


def downgrade() -> None:
    # The previous program searches the new keys as well as its own (they hold every old word).
    pass


def recompute_search_keys(conn: Connection) -> int:
    """Bring every client's sort key and search columns up to the domain's rules; the number
    of clients whose keys changed."""
    channels: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for contact_id, kind, value in conn.execute(
        text("SELECT contact_id, kind, value FROM contact_channels ORDER BY contact_id, position")
    ):
        channels[contact_id][0 if kind == "phone" else 1].append(value)
    people: dict[int, list[ContactFields]] = defaultdict(list)
    for contact_id, client_id, full_name in conn.execute(
        text(
            "SELECT id, client_id, full_name FROM contacts WHERE deleted_at IS NULL "
            "ORDER BY client_id, is_primary DESC, id"
        )
    ):
        phones, emails = channels.get(contact_id, ([], []))
        people[client_id].append(ContactFields(full_name=full_name, phones=tuple(phones), emails=tuple(emails)))
    changed = []
    rows = conn.execute(
        text(
            "SELECT id, name, full_name, inn, ogrn, kpp, city, email, phone, sort_key, search_name, search_other "
            "FROM clients"
        )
    )
    for ident, name, full_name, inn, ogrn, kpp, city, email, phone, old_key, old_name, old_other in rows:
        card = ClientFields(
            name=name, full_name=full_name, inn=inn, ogrn=ogrn, kpp=kpp, city=city, email=email, phone=phone
        )
        contacts = people.get(ident, ())
        words = other_text(card, contacts)
        old_words = [w for w in _OLD_NON_WORD.split(fold(words)) if w]
        stored = old_other.split()
        phones = stored[len(old_words) :]
        if stored[: len(old_words)] == old_words and all(t.isdigit() for t in phones):  # 0002's form
            other = " ".join([*index_words(words), *phones])
            document_name = search_document(ClientFields(name=name, full_name=full_name)).name
        else:  # written some other way: the whole document again
            document = search_document(card, contacts)
            other, document_name = document.other, document.name
        key = sort_key(name)
        if (key, document_name, other) != (old_key, old_name, old_other):
            changed.append({"id": ident, "k": key, "n": document_name, "o": other})
    if not changed:
        return 0
    sqlite = conn.dialect.name == "sqlite"
    trigger = None
    if sqlite:
        trigger = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"), {"name": _UPDATE_TRIGGER}
        ).scalar()
        if trigger is not None:
            conn.execute(text(f'DROP TRIGGER "{_UPDATE_TRIGGER}"'))
    conn.execute(text("UPDATE clients SET sort_key = :k, search_name = :n, search_other = :o WHERE id = :id"), changed)
    if sqlite and trigger is not None:
        conn.execute(text("INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')"))
        conn.exec_driver_sql(trigger)
    return len(changed)
