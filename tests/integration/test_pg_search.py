"""The client search and the name order on a PostgreSQL server (migration 0006_pg_search).

The answers themselves are tested on both databases by test_search.py; here is what only a server
has: the trigram index behind the search, a server without pg_trgm, a server whose locale does not
sort by code point.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from salesdesk.domain.model import ClientFields, ContactFields
from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.services import clients, contacts
from salesdesk.store import Database, UnitOfWork, open_database
from tests import server as test_server

pytestmark = pytest.mark.postgres_only

NAMES = ["ООО «Ёлка»", "Яблоко", "ИП Иванов И.И.", "Ивушка", "Zebra Ltd", "apple", "Ива-Трейд", "ёжик", "Эхо", "ив"]


def _admin() -> Iterator[Callable[[str], None]]:
    engine = create_engine(test_server.URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)

    def execute(sql: str) -> None:
        with engine.connect() as conn:
            conn.execute(text(sql))

    yield execute
    engine.dispose()


admin = pytest.fixture(_admin)


def _fill(database: Database) -> None:
    for name in NAMES:
        clients.create_client(UnitOfWork(database), ClientFields(name=name, inn="7707083893" if "Ив" in name else ""))
    found = clients.search_clients(UnitOfWork(database), "эхо").rows
    contacts.add_contact(UnitOfWork(database), found[0].id, ContactFields(full_name="Ёлкина Анна"))


def _answers(database: Database) -> dict[str, list[str]]:
    """What the list shows for a set of typed queries and for the name order."""
    queries = ["", "и", "ив", "ива", "ивушк", "елк", "ЁЛКИНА", "7707", "трейд", "ива трейд", "а", "z", "ап"]
    result = {}
    for typed in queries:
        names = [r.name for r in clients.search_clients(UnitOfWork(database), typed, limit=100).rows]
        # Ranked by relevance from the third letter: bm25 on SQLite, name matches first on PostgreSQL,
        # so the order among equal matches may differ; which clients are found may not.
        result[typed] = names if len(typed) <= 2 else sorted(names)
    for descending in (False, True):
        query = ClientQuery(sort=ClientSort.NAME, descending=descending)
        result[f"name order {descending}"] = [r.name for r in clients.rows_at(UnitOfWork(database), query, 0, 100)]
    return result


@pytest.fixture
def sqlite_answers(tmp_path) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    database = open_database(f"sqlite:///{tmp_path / 'base.sqlite'}")
    try:
        _fill(database)
        return _answers(database)
    finally:
        database.dispose()


def _plan(database: Database, typed: str) -> str:
    """PostgreSQL's plan for the search's condition on what *typed* becomes (sequential scans off: a
    test base is tiny, and the planner would rather read the table than any index)."""
    from sqlalchemy import and_, select

    from salesdesk.domain.search import parse_query
    from salesdesk.store import schema as s
    from salesdesk.store.listing import _like_term

    terms = parse_query(typed).terms
    with database.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        stmt = select(s.clients.c.id).where(and_(*(_like_term(t) for t in terms)))
        compiled = stmt.compile(conn)
        return "\n".join(conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params).scalars())


@pytest.mark.parametrize("typed", ["ромаш", "ромаш 0274", "4951234567", "info@romashka.ru"])
def test_the_search_reads_the_trigram_index(database: Database, add_client: Callable[..., int], typed: str) -> None:
    add_client("ООО «Ромашка»", inn="0274062111", phone="8 (495) 123-45-67", email="info@romashka.ru")
    assert "ix_clients_search_trgm" in _plan(database, typed)
    assert [r.name for r in clients.search_clients(UnitOfWork(database), typed).rows] == ["ООО «Ромашка»"]


def test_without_pg_trgm_the_base_opens_and_finds_the_same(
    admin: Callable[[str], None], sqlite_answers: dict[str, list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    """A seat whose role may not create extensions (no CREATE on the database): the migration says
    so in the log and the base opens without the index, with the same answers."""
    url = test_server.server().empty()
    role = f"sd_noext_{os.getpid()}"
    name = make_url(url).database
    admin(f'CREATE ROLE "{role}" LOGIN')
    try:
        admin(f'GRANT CONNECT ON DATABASE "{name}" TO "{role}"')
        engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as conn:
            conn.execute(text(f'GRANT CREATE, USAGE ON SCHEMA public TO "{role}"'))
        engine.dispose()
        with caplog.at_level(logging.WARNING):
            database = open_database(make_url(url).set(username=role).render_as_string(hide_password=False))
        try:
            assert any("pg_trgm" in r.getMessage() for r in caplog.records), caplog.records
            with database.engine.connect() as conn:
                indexes = conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'clients'")
                assert "ix_clients_search_trgm" not in set(indexes.scalars())
            _fill(database)
            assert _answers(database) == sqlite_answers
        finally:
            database.dispose()
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture
def russian_database(admin: Callable[[str], None]) -> Iterator[Database]:
    """A base in a database made with a Russian ICU locale (skipped where the server has no ICU)."""
    engine = create_engine(test_server.URL, poolclass=NullPool)
    with engine.connect() as conn:
        icu = conn.exec_driver_sql("SELECT count(*) FROM pg_collation WHERE collprovider = 'i'").scalar()
    engine.dispose()
    if not icu:
        pytest.skip("this PostgreSQL server was built without ICU")
    name = f"sd{os.getpid()}_icu_ru"
    admin(f'DROP DATABASE IF EXISTS "{name}"')
    admin(
        f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' "
        "LOCALE_PROVIDER icu ICU_LOCALE 'ru-RU'"
    )
    try:
        database = open_database(make_url(test_server.URL).set(database=name).render_as_string(hide_password=False))
        try:
            yield database
        finally:
            database.dispose()
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_names_sort_and_match_by_code_point_whatever_the_server_locale(
    russian_database: Database, sqlite_answers: dict[str, list[str]]
) -> None:
    """A server whose databases are made with a Russian ICU locale: PostgreSQL would sort Cyrillic
    before Latin and read the "names starting with" range its own way; the list is SQLite's."""
    _fill(russian_database)
    assert _answers(russian_database) == sqlite_answers


def test_the_first_page_from_the_name_words_is_the_general_statements_under_a_russian_locale(
    russian_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first page of a search read from the table of name words (migration 0016) compares its
    words with ``=``, ``~>~`` and LIKE and its sort keys collated "C": under a Russian ICU locale
    too it gives the general statement's rows in the general statement's order."""
    import random

    from sqlalchemy import select

    from salesdesk.services.demo import load_demo
    from salesdesk.store import listing as listing_module
    from salesdesk.store import schema as s

    database = russian_database
    load_demo(UnitOfWork(database), 120, seed=11)
    for i, typed in enumerate([*NAMES, "Ёлка Елка ЕЛКАЕЛКА", "Alpha ALPHABET альфа", "Абв Где", "абв-где"] * 2):
        clients.create_client(UnitOfWork(database), ClientFields(name=typed, full_name=f"Абв {i}"))
    unit = UnitOfWork(database)
    with unit.reading():
        listing = unit.listing
        words = [w for (n,) in listing.conn.execute(select(s.clients.c.search_name)) for w in n.split() if w]
        rng = random.Random(3)
        queries = ["елка", "ЁЛКА", "alph", "абв", "абв где", "ива трейд", "ооо"]
        queries += [w[: rng.randint(3, max(3, len(w)))] for w in rng.sample(words, 60)]
        answered = 0
        for k in (1, 256):
            monkeypatch.setattr(listing_module, "RANKED_K_MIN", k)
            for typed in queries:
                query = ClientQuery(text=typed)
                for offset, limit in ((0, 1), (0, 5), (3, 40)):
                    fast = listing._ranked_window(query, offset=offset, limit=limit)
                    stmt = listing._ordered(query, select(s.clients.c.id), joins_needed=False)
                    expected = list(listing.conn.execute(stmt.offset(offset).limit(limit)).scalars())
                    if fast is not None:
                        answered += 1
                        assert fast == expected, (typed, k, offset, limit)
        assert answered > len(queries)


@pytest.mark.parametrize("sort", [ClientSort.NAME, ClientSort.INN, ClientSort.PHONE])
@pytest.mark.parametrize("descending", [False, True])
def test_the_first_page_by_an_indexed_column_needs_no_sort(
    database: Database, add_client: Callable[..., int], sort: ClientSort, descending: bool
) -> None:
    """SQLite's indexes end with the rowid, so ties come out in id order; PostgreSQL's INN and phone
    indexes end with the id for the same reason (at 100,000 demo clients 19,000 have no INN: the
    first page sorted by INN took 19-190 ms to sort them, 0.1 ms from the index)."""
    from sqlalchemy import select

    from salesdesk.store import schema as s
    from salesdesk.store.listing import ClientListing

    for i in range(3):
        add_client(f"ООО «Фирма {i}»")
    with database.engine.connect() as conn:
        for setting in ("enable_seqscan", "enable_sort", "enable_incremental_sort"):
            conn.exec_driver_sql(f"SET {setting} = off")
        stmt = ClientListing(conn)._ordered(ClientQuery(sort=sort, descending=descending), select(s.clients.c.id))
        compiled = stmt.limit(100).compile(conn)
        plan = "\n".join(conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params).scalars())
    assert "Sort" not in plan, plan


def test_a_bulk_load_leaves_the_search_index_merged_and_the_planner_informed(database: Database) -> None:
    """GIN keeps new entries in a pending list that every search reads through until autovacuum
    merges it; after an import or demo data the store merges it at once and refreshes statistics."""
    from salesdesk.services.demo import load_demo

    load_demo(UnitOfWork(database), 60, seed=7)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE relname = 'clients'").scalar() == 60
        assert conn.exec_driver_sql("SELECT gin_clean_pending_list('ix_clients_search_trgm'::regclass)").scalar() == 0


def test_a_base_at_0005_is_upgraded_and_its_clients_are_found_through_the_index() -> None:
    """A server base with clients, as the previous program left it: migration 0006 adds the index
    over the clients already there, and they are found and listed as before."""
    from salesdesk.store.database import HEAD_REVISION

    url = test_server.server().empty()
    database = open_database(url)
    try:
        _fill(database)
    finally:
        database.dispose()
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:  # back to what 0005 made: what 0006 to 0017 add, taken away
        conn.exec_driver_sql("DROP TABLE client_digit_words")  # what 0017 adds
        conn.exec_driver_sql("DROP FUNCTION salesdesk_digit_words_inserted() CASCADE")
        conn.exec_driver_sql("DROP FUNCTION salesdesk_digit_words_updated() CASCADE")
        conn.exec_driver_sql("DROP TABLE client_name_words")  # what 0016 adds
        conn.exec_driver_sql("DROP FUNCTION salesdesk_name_words_inserted() CASCADE")
        conn.exec_driver_sql("DROP FUNCTION salesdesk_name_words_updated() CASCADE")
        conn.exec_driver_sql("DROP INDEX ix_clients_live_name_key")
        conn.exec_driver_sql("ALTER TABLE clients DROP COLUMN name_key")
        conn.exec_driver_sql("DROP TABLE confirmations")
        conn.exec_driver_sql("ALTER TABLE clients DROP COLUMN confirmed_oldest")
        conn.exec_driver_sql("DROP TABLE plans")
        conn.exec_driver_sql("DROP INDEX ix_reminders_client_id_done_at")
        conn.exec_driver_sql("DROP TABLE register_benchmarks")
        conn.exec_driver_sql("DROP TABLE client_register")
        conn.exec_driver_sql("DROP TABLE attachments")
        conn.exec_driver_sql("DROP TABLE views")
        conn.exec_driver_sql("ALTER TABLE clients DROP COLUMN merged_into")
        conn.exec_driver_sql("DROP TABLE base_settings")
        conn.exec_driver_sql("ALTER TABLE managers DROP COLUMN role")
        conn.exec_driver_sql("DROP INDEX ix_clients_search_trgm")
        conn.exec_driver_sql('ALTER TABLE clients ALTER COLUMN sort_key TYPE VARCHAR(300) COLLATE "default"')
        for column in ("inn", "phone_e164"):
            conn.exec_driver_sql(f"DROP INDEX ix_clients_{column}")
            conn.exec_driver_sql(f"CREATE INDEX ix_clients_{column} ON clients ({column})")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005_erasures'")
    engine.dispose()
    database = open_database(url)
    try:
        assert database.revision() == HEAD_REVISION
        assert "ix_clients_search_trgm" in _plan(database, "ивушк")
        with database.engine.connect() as conn:  # 0016 and 0017 gave the clients already there their words
            names = conn.exec_driver_sql("SELECT id, search_name, search_other FROM clients").all()
            words = conn.exec_driver_sql("SELECT client_id, word FROM client_name_words").all()
            digits = conn.exec_driver_sql("SELECT client_id, word FROM client_digit_words").all()
        assert sorted(words) == sorted({(i, w) for i, name, _ in names for w in name.split(" ") if w}) != []
        expected = {
            (i, leading.group())  # a word's leading ASCII digits, at most six
            for i, name, other in names
            for w in f"{name} {other}".split(" ")
            if (leading := re.match("[0-9]{1,6}", w))
        }
        assert sorted(digits) == sorted(expected) != []
        assert [r.name for r in clients.search_clients(UnitOfWork(database), "ивушк").rows] == ["Ивушка"]
    finally:
        database.dispose()
        test_server.server().drop(url)
