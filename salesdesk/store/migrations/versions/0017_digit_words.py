"""PostgreSQL: the first six digits of every digit word of a client in a table of their own (issue 17).

A search for an INN, OGRN or KPP prefix of three to six digits (``7720``, ``10302``) matches
thousands of clients at 1,000,000: the trigram index offers them (a digit has only 1,000
trigrams, each in a large share of the rows) and every one was fetched from the table to be
sorted by name before the first row could be shown — 11 ms for the bitmap, 16 ms for the rows,
p95 24-34 ms for a page. A term of seven digits or more already goes to the index by its last
seven digits (``store/listing.py``, ``_like_term``) and finds a handful of rows.

``client_digit_words`` holds, for each client, each distinct word of its search text
(``search_name`` and ``search_other`` split at their spaces: an INN, OGRN, KPP, every phone form,
a house number, an e-mail's mailbox of digits) that starts with an ASCII digit, cut to its leading
digits, at most six — exactly what a term of up to six digits can start: a word starts with such
a term if and only if those digits do. Beside it the client's id and sort key, under
a b-tree on ``(word text_pattern_ops, sort_key, client_id)``, so that the clients matching such a
term come by name order without reading the clients table (``ClientListing._digit_words_first``).
At 1,000,000 demo clients: 13,002,049 entries, 1.6 GB with its two indexes beside a 2.3 GB base
(the price of the speed: +70 % at that size, 1.6 KB a client); this migration takes about a minute there.

Triggers keep it as 0016's keep the name words: after an INSERT the new rows' words, once per
statement from its transition table; after an UPDATE that changes a row's ``search_name``,
``search_other`` or ``sort_key``, that row's words again. A deleted client's words go with it (the
foreign key cascades).

A no-op on SQLite, whose search ranks by bm25 through FTS5.

Revision ID: 0017_digit_words
Revises: 0016_name_words
"""

from alembic import op

# the table's name and how many characters of a word it keeps (store/schema.py: DIGIT_WORDS_TABLE,
# DIGIT_WORD_LEN), as they were when this migration was written
_LEN = 6

revision = "0017_digit_words"
down_revision = "0016_name_words"
branch_labels = None
depends_on = None

# A row's digit words: its search text split at spaces, the words starting with an ASCII digit, each
# cut to its leading digits, at most _LEN of them (a KPP 77010A001 or an e-mail 12345shop@… keep
# 77010 and 12345: a term of digits can start no more of them), each once.
_WORD = f"substring(w.word from '^[0-9]{{1,{_LEN}}}')"


def _words_of(rows: str) -> str:
    return (
        f"SELECT DISTINCT n.id, {_WORD}, n.sort_key FROM {rows} n CROSS JOIN LATERAL"
        " unnest(string_to_array(n.search_name || ' ' || n.search_other, ' ')) AS w(word) WHERE w.word ~ '^[0-9]'"
    )


_STATEMENTS = (
    # no seat writes a client between the fill and the triggers (a seat of the previous version may
    # be open on the base while this runs): its words would be missed
    "LOCK TABLE clients IN SHARE ROW EXCLUSIVE MODE",
    # sort_key is collated "C" as in clients (0006): the same order as the list's
    "CREATE TABLE client_digit_words (client_id INTEGER NOT NULL, word TEXT NOT NULL,"
    ' sort_key VARCHAR(300) COLLATE "C" NOT NULL)',
    f"INSERT INTO client_digit_words (client_id, word, sort_key) {_words_of('clients')}",
    # the foreign key after the rows: checked in one pass, not once for each of 13,000,000 rows
    "ALTER TABLE client_digit_words ADD CONSTRAINT client_digit_words_client_id_fkey FOREIGN KEY (client_id)"
    " REFERENCES clients (id) ON DELETE CASCADE ON UPDATE CASCADE",
    "CREATE INDEX ix_client_digit_words_word ON client_digit_words (word text_pattern_ops, sort_key, client_id)",
    "CREATE INDEX ix_client_digit_words_client_id ON client_digit_words (client_id)",
    "CREATE FUNCTION salesdesk_digit_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    f" INSERT INTO client_digit_words (client_id, word, sort_key) {_words_of('new_rows')};"
    " RETURN NULL; END $$",
    "CREATE FUNCTION salesdesk_digit_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    # NEW.id too: when the id changed, the foreign key's cascade has moved the old words there first
    " DELETE FROM client_digit_words WHERE client_id IN (OLD.id, NEW.id);"
    " INSERT INTO client_digit_words (client_id, word, sort_key)"
    f" SELECT DISTINCT NEW.id, {_WORD}, NEW.sort_key"
    " FROM unnest(string_to_array(NEW.search_name || ' ' || NEW.search_other, ' ')) AS w(word)"
    " WHERE w.word ~ '^[0-9]'; RETURN NULL; END $$",
    "CREATE TRIGGER tr_clients_digit_words_inserted AFTER INSERT ON clients REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION salesdesk_digit_words_inserted()",
    "CREATE TRIGGER tr_clients_digit_words_updated AFTER UPDATE OF search_name, search_other, sort_key ON clients"
    " FOR EACH ROW WHEN (NEW.search_name IS DISTINCT FROM OLD.search_name"
    " OR NEW.search_other IS DISTINCT FROM OLD.search_other OR NEW.sort_key IS DISTINCT FROM OLD.sort_key)"
    " EXECUTE FUNCTION salesdesk_digit_words_updated()",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS tr_clients_digit_words_updated ON clients")
    op.execute("DROP TRIGGER IF EXISTS tr_clients_digit_words_inserted ON clients")
    op.execute("DROP FUNCTION IF EXISTS salesdesk_digit_words_updated()")
    op.execute("DROP FUNCTION IF EXISTS salesdesk_digit_words_inserted()")
    op.execute("DROP TABLE IF EXISTS client_digit_words")
