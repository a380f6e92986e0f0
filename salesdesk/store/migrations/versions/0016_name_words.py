"""PostgreSQL: the words of every client's name in a table of their own, under a b-tree (issue 17).

On PostgreSQL the search's order is "the name has a word starting with the first term", then the
name's sort key (``store/listing.py``, ``_order_keys``). The trigram index finds every match, and
all of them were fetched from the table to be sorted before the first row could be shown: typing
three letters at 1,000,000 clients took 0.1-0.3 s (``сан`` matches 105,757 clients). The clients
whose name has a word starting with the term come first, and they are few (0.2-0.9 % of a base
for a three-letter prefix); but along the sort-key index they lie too sparse to be walked.

``client_name_words`` holds each distinct word of ``search_name`` (``search_name`` split at its
spaces, exactly the words ``LIKE 'term%' OR LIKE '% term%'`` can start in) with the client's id
and sort key; a word of more than 100 characters is kept cut to its first 100 (an index entry must
stay under PostgreSQL's b-tree limit of 2,704 bytes, and a name of 4-byte characters reached it),
and a search term of more than 100 characters does not use the table. Its index
``(word text_pattern_ops, sort_key, client_id)`` gives the clients a name word of which starts
with the term, with their sort keys, without reading the clients table, and those whose word is
the term itself already in order (``ООО``: 584,769 entries at 1,000,000 demo clients): the first
page of such a search sorts only the entries of the longer words (``_name_words_first``).

Triggers keep it: after an INSERT on ``clients`` the new rows' words, once per statement from its
transition table (a bulk load inserts the words of a batch in one statement); after an UPDATE that
changes a row's ``search_name`` or ``sort_key``, that row's words again (a row trigger with a WHEN
condition: an UPDATE of other columns, an owner changed for 100,000 clients, costs nothing; an id
changed with the name — never done by the program — leaves no old word under either id). A
deleted client's words go with it (the foreign key cascades; TRUNCATE … CASCADE empties it too).
Existing clients get their words here (1,000,000 clients: 31 s on the server).

A no-op on SQLite, whose search ranks by bm25 through FTS5 and has no use for the table.

Revision ID: 0016_name_words
Revises: 0015_name_key
"""

from alembic import op

# the table's name and the longest word it keeps whole (store/schema.py: NAME_WORDS_TABLE,
# NAME_WORD_MAX), as they were when this migration was written
_MAX = 100

revision = "0016_name_words"
down_revision = "0015_name_key"
branch_labels = None
depends_on = None

# A row's words: search_name split at its spaces (empty pieces of doubled spaces left out), each
# once, cut to _MAX characters.
_WORDS_OF = (
    f"SELECT DISTINCT n.id, left(w.word, {_MAX}), n.sort_key FROM {{rows}} n"
    " CROSS JOIN LATERAL unnest(string_to_array(n.search_name, ' ')) AS w(word) WHERE w.word <> ''"
)

_STATEMENTS = (
    # no seat writes a client between the fill and the triggers (a seat of the previous version may
    # be open on the base while this runs): its words would be missed
    "LOCK TABLE clients IN SHARE ROW EXCLUSIVE MODE",
    # sort_key is collated "C" as in clients (0006): the same order as the list's
    "CREATE TABLE client_name_words (client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE"
    ' ON UPDATE CASCADE, word TEXT NOT NULL, sort_key VARCHAR(300) COLLATE "C" NOT NULL)',
    f"INSERT INTO client_name_words (client_id, word, sort_key) {_WORDS_OF.format(rows='clients')}",
    "CREATE INDEX ix_client_name_words_word ON client_name_words (word text_pattern_ops, sort_key, client_id)",
    "CREATE INDEX ix_client_name_words_client_id ON client_name_words (client_id)",
    "CREATE FUNCTION salesdesk_name_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    f" INSERT INTO client_name_words (client_id, word, sort_key) {_WORDS_OF.format(rows='new_rows')};"
    " RETURN NULL; END $$",
    "CREATE FUNCTION salesdesk_name_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    # NEW.id too: when the id changed, the foreign key's cascade has moved the old words there first
    " DELETE FROM client_name_words WHERE client_id IN (OLD.id, NEW.id);"
    " INSERT INTO client_name_words (client_id, word, sort_key)"
    f" SELECT DISTINCT NEW.id, left(w.word, {_MAX}), NEW.sort_key"
    " FROM unnest(string_to_array(NEW.search_name, ' ')) AS w(word)"
    " WHERE w.word <> ''; RETURN NULL; END $$",
    "CREATE TRIGGER tr_clients_name_words_inserted AFTER INSERT ON clients REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION salesdesk_name_words_inserted()",
    # a row's own trigger, and only when its words or sort key change: an UPDATE of other columns
    # (an owner changed for 100,000 clients) costs nothing here
    "CREATE TRIGGER tr_clients_name_words_updated AFTER UPDATE OF search_name, sort_key ON clients FOR EACH ROW"
    " WHEN (NEW.search_name IS DISTINCT FROM OLD.search_name OR NEW.sort_key IS DISTINCT FROM OLD.sort_key)"
    " EXECUTE FUNCTION salesdesk_name_words_updated()",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS tr_clients_name_words_updated ON clients")
    op.execute("DROP TRIGGER IF EXISTS tr_clients_name_words_inserted ON clients")
    op.execute("DROP FUNCTION IF EXISTS salesdesk_name_words_updated()")
    op.execute("DROP FUNCTION IF EXISTS salesdesk_name_words_inserted()")
    op.execute("DROP TABLE IF EXISTS client_name_words")
