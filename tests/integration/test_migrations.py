"""Opening databases: new files, files at the previous revision, files that are not ours."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from salesdesk.domain.errors import StoreError
from salesdesk.domain.model import ClientFields
from salesdesk.domain.phones import search_forms
from salesdesk.domain.text import fold
from salesdesk.services import clients
from salesdesk.store import UnitOfWork, open_database, resolve_url
from salesdesk.store.database import HEAD_REVISION, MIGRATIONS_DIR
from salesdesk.store.schema import metadata


def _upgrade_to(path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(resolve_url(path))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()


def test_head_constant_matches_the_migration_scripts() -> None:
    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD_REVISION


def test_a_new_file_gets_the_whole_schema_and_the_okved_sections(db_path: Path) -> None:
    database = open_database(resolve_url(db_path))
    try:
        assert database.revision() == HEAD_REVISION
        with UnitOfWork(database) as uow:
            codes = [i.code for i in uow.industries.list()]
        assert codes == list("ABCDEFGHIJKLMNOPQRSTU")
        assert database.check().ok
    finally:
        database.dispose()
    assert db_path.exists()


def test_migrated_schema_is_exactly_the_metadata(db_path: Path) -> None:
    database = open_database(resolve_url(db_path))
    try:
        with database.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
        # The FTS5 table and its shadow tables are SQLite-only and deliberately not in the metadata.
        diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("clients_fts"))]
        assert diff == []
    finally:
        database.dispose()


def test_file_at_previous_revision_is_backed_up_then_upgraded_and_searchable(db_path: Path) -> None:
    _upgrade_to(db_path, "0001_initial")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO clients (kind, name, status, sort_key, search_name, search_other, version, created_at,"
        " updated_at) VALUES ('legal', 'ООО «Ёлка»', 'lead', 'елка', 'ооо елка', '7707083893', 1,"
        " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    raw.commit()
    raw.close()

    database = open_database(resolve_url(db_path))
    try:
        assert database.revision() == HEAD_REVISION
        backups = list((db_path.parent / "backups").glob("base-*-upgrade.sqlite"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_initial",)
            assert copy.execute("SELECT name FROM clients").fetchall() == [("ООО «Ёлка»",)]
        page = clients.search_clients(UnitOfWork(database), "ЁЛКА")
        assert [row.name for row in page.rows] == ["ООО «Ёлка»"]
    finally:
        database.dispose()


def test_opening_a_current_file_makes_no_backup(db_path: Path) -> None:
    open_database(resolve_url(db_path)).dispose()
    open_database(resolve_url(db_path)).dispose()
    assert not (db_path.parent / "backups").exists()


def test_a_file_from_a_newer_program_is_refused_untouched(db_path: Path) -> None:
    open_database(resolve_url(db_path)).dispose()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer SalesDesk"):
        open_database(resolve_url(db_path))
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Это не база данных, а список покупок\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="not a SalesDesk database"):
        open_database(resolve_url(path))


def test_someone_elses_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    with pytest.raises(StoreError, match="not a SalesDesk database"):
        open_database(resolve_url(path))
    with sqlite3.connect(path) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["invoices"]


@pytest.mark.sqlite_only  # SQLite's PRAGMAs
def test_sqlite_settings_are_applied(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_url_resolution_keeps_urls_and_makes_paths_absolute(tmp_path: Path) -> None:
    assert resolve_url("postgresql+psycopg://u@host/db") == "postgresql+psycopg://u@host/db"
    url = resolve_url(tmp_path / "Клиенты" / "база.sqlite")
    assert url.startswith("sqlite:///") and url.endswith("база.sqlite")


def _old_words(text: str) -> str:
    """The search words revision 0002 stored: split at every mark, apostrophes and hyphens included."""
    return " ".join(w for w in re.split(r"[\W_]+", fold(text)) if w)


def test_a_base_of_the_previous_revision_is_searchable_without_punctuation(db_path: Path) -> None:
    _upgrade_to(db_path, "0002_search")
    raw = sqlite3.connect(db_path)
    stamps = "1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'"
    for ident, name, key in (
        (1, "ИП д'Артаньян Ш.", "д артаньян ш."),
        (2, "Иванов-Петров Сергей", "иванов-петров сергей"),
        (3, "ООО «Ромашка»", "ромашка"),
    ):
        raw.execute(
            "INSERT INTO clients (id, kind, name, status, sort_key, search_name, search_other, version,"
            f" created_at, updated_at) VALUES (?, 'legal', ?, 'lead', ?, ?, '', {stamps})",
            (ident, name, key, _old_words(name)),
        )
    raw.execute(
        f"INSERT INTO contacts (id, client_id, full_name, version, created_at, updated_at) VALUES "
        f"(1, 3, 'О’Брайен Анна', {stamps})"
    )
    raw.execute(
        "INSERT INTO contact_channels (contact_id, client_id, kind, position, value, value_norm) VALUES "
        "(1, 3, 'email', 0, 'a.obrien@romashka.ru', 'a.obrien@romashka.ru')"
    )
    old_other = " ".join([_old_words("О’Брайен Анна a.obrien@romashka.ru"), *search_forms("8 (495) 123-45-67")])
    raw.execute("UPDATE clients SET phone = '8 (495) 123-45-67', search_other = ? WHERE id = 3", (old_other,))
    raw.commit()
    # what the old keys find: not «д'Артаньян» by "дартаньян"
    assert raw.execute("SELECT rowid FROM clients_fts WHERE clients_fts MATCH '\"дартаньян\"*'").fetchall() == []
    raw.close()

    database = open_database(resolve_url(db_path))
    try:
        assert database.revision() == HEAD_REVISION

        def names(text: str) -> list[str]:
            return [row.name for row in clients.search_clients(UnitOfWork(database), text).rows]

        for typed in ("дартаньян", "д'артаньян", "Д’Артаньян", "артаньян"):
            assert names(typed) == ["ИП д'Артаньян Ш."], typed
        for typed in ("иванов", "ивановпетров", "Иванов-Петров", "петров"):
            assert names(typed) == ["Иванов-Петров Сергей"], typed
        for typed in ("обрайен", "о'брайен", "aobrien", "obrien", "a.obrien@romashka.ru", "4951234567", "123-45-67"):
            assert names(typed) == ["ООО «Ромашка»"], typed  # contact persons and their e-mails too
        assert names("да") == ["ИП д'Артаньян Ш."]  # the sort key, by which one or two letters list names
        with database.engine.connect() as conn:
            conn.exec_driver_sql("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 1)")
            triggers = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars().all()
        assert sorted(triggers) == ["clients_fts_delete", "clients_fts_insert", "clients_fts_update"]
        # and the index still follows an edit after the upgrade (the update trigger is back)
        card = clients.get_client(UnitOfWork(database), 1)
        fields = card.fields()
        clients.update_client(
            UnitOfWork(database),
            1,
            card.version,
            ClientFields(**{**{n: getattr(fields, n) for n in fields.__dataclass_fields__}, "name": "ИП Портос"}),
        )
        assert names("дартаньян") == [] and names("портос") == ["ИП Портос"]
    finally:
        database.dispose()


def test_a_base_at_0003_gets_an_empty_audit_trail_and_records_from_then_on(db_path: Path) -> None:
    """Issue 12: revision 0004 adds the audit table; the clients stay, no history is invented."""
    _upgrade_to(db_path, "0003_search_punctuation")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO clients (kind, name, status, sort_key, search_name, search_other, version, created_at,"
        " updated_at) VALUES ('legal', 'ООО «Ёлка»', 'lead', 'елка', 'ооо елка', '', 1,"
        " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    raw.commit()
    raw.close()
    database = open_database(resolve_url(db_path))
    try:
        assert database.revision() == HEAD_REVISION == "0018_live_list_covering"
        with UnitOfWork(database).reading() as uow:
            assert uow.audit.count() == 0
        clients.update_client(UnitOfWork(database), 1, 1, ClientFields(name="ООО «Ёлка»", city="Тверь"))
        with UnitOfWork(database).reading() as uow:
            assert [(r.action, r.field, r.old, r.new) for r in uow.audit.read()] == [("edit", "city", "", "Тверь")]
    finally:
        database.dispose()


@pytest.mark.parametrize(("names", "heads"), [(["Белов Пётр"], ["Белов Пётр"]), (["Белов Пётр", "Ким Анна"], [])])
def test_0007_makes_the_only_manager_of_a_base_its_head(db_path: Path, names: list[str], heads: list[str]) -> None:
    """Issue 14: the one person who used a base keeps every right; a base of several managers gets
    no head (and so restricts nobody) until one is appointed."""
    _upgrade_to(db_path, "0005_erasures")
    raw = sqlite3.connect(db_path)
    for name in names:
        raw.execute(
            "INSERT INTO managers (name, name_norm, email, active, version, created_at, updated_at)"
            " VALUES (?, ?, '', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            (name, fold(name)),
        )
    raw.commit()
    raw.close()
    database = open_database(resolve_url(db_path))
    try:
        with UnitOfWork(database).reading() as uow:
            assert [m.name for m in uow.managers.heads()] == heads
            assert uow.base_settings.get("managers_may_export") is None  # off until a head allows it
    finally:
        database.dispose()


def test_a_base_at_0007_gets_an_empty_attachments_table_and_keeps_its_clients(db_path: Path) -> None:
    """Issue 15: revision 0009 adds the files of clients; nothing else changes."""
    _upgrade_to(db_path, "0007_seats")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO clients (kind, name, status, sort_key, search_name, search_other, version, created_at,"
        " updated_at) VALUES ('legal', 'ООО «Ёлка»', 'lead', 'елка', 'ооо елка', '', 1,"
        " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    raw.commit()
    raw.close()
    database = open_database(resolve_url(db_path))
    try:
        assert database.revision() == HEAD_REVISION
        from salesdesk.services import attachments

        assert attachments.list_files(UnitOfWork(database), 1) == []
        ident = attachments.attach_bytes(UnitOfWork(database), 1, "скан.pdf", bytes(range(256)))
        assert attachments.read_content(UnitOfWork(database), ident).data == bytes(range(256))
    finally:
        database.dispose()


def test_a_base_at_0009_gets_an_empty_plans_table_and_keeps_its_managers(db_path: Path) -> None:
    """Issue 16: revision 0011 adds the sales plans; a manager of the old base gets one at once, and
    the same plan set again replaces it (one per manager, currency and period)."""
    _upgrade_to(db_path, "0009_attachments")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO managers (name, name_norm, email, active, role, version, created_at, updated_at)"
        " VALUES ('Белов Пётр', 'белов петр', '', 1, 'head', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    raw.commit()
    raw.close()
    database = open_database(resolve_url(db_path))
    try:
        assert database.revision() == HEAD_REVISION
        from decimal import Decimal

        from salesdesk.domain.audit import Actor, Via
        from salesdesk.domain.plans import month
        from salesdesk.services import plans

        head = lambda: UnitOfWork(database, actor=Actor(1, Via.COMMAND_LINE))  # noqa: E731
        assert plans.list_plans(head()) == []
        plans.set_plan(head(), 1, month(2026, 12), Decimal("100"))
        plans.set_plan(head(), 1, month(2026, 12), Decimal("200"))
        assert [(p.manager_name, p.period.code, p.amount_minor) for p in plans.list_plans(head())] == [
            ("Белов Пётр", "2026-12", 20_000)
        ]
    finally:
        database.dispose()


def test_a_base_at_0014_gets_the_name_key_of_every_client_and_an_import_matches_by_it(
    db_path: Path, tmp_path: Path
) -> None:
    """Issue 17: revision 0015 stores each client's name key (live and trashed) so that an import
    finds stored clients by name through an index; the old ones are matched as before."""
    from salesdesk.domain.duplicates import name_key
    from salesdesk.services import importing

    _upgrade_to(db_path, "0014_search_fast")
    raw = sqlite3.connect(db_path)
    names = ["ООО «Ёлка-М»", "ИП Сидоров И.И.", "  АО   Квант ", "", "«д'Артаньян»"]
    for number, name in enumerate(names):
        raw.execute(
            "INSERT INTO clients (kind, name, status, sort_key, search_name, search_other, version, created_at,"
            " updated_at, deleted_at) VALUES ('legal', ?, 'lead', '', '', '', 1, '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00', ?)",
            (name, "2026-02-01 00:00:00" if number == 2 else None),
        )
    raw.commit()
    raw.close()
    database = open_database(resolve_url(db_path))
    try:
        assert database.revision() == HEAD_REVISION
        with database.engine.connect() as conn:
            stored = conn.exec_driver_sql("SELECT name, name_key FROM clients ORDER BY id").all()
        assert [tuple(r) for r in stored] == [(n, name_key(n)) for n in names]
        assert stored[0][1] == "ооо елка м" and stored[3][1] == ""
        book = openpyxl.Workbook()
        book.active.append(["Наименование", "Город"])
        book.active.append(["ООО Ёлка М", "Тверь"])  # the same key, typed otherwise
        book.active.append(["АО «Квант»", "Уфа"])  # the stored one is in the trash: a new client
        path = tmp_path / "клиенты.xlsx"
        book.save(path)
        plan = importing.plan_import(UnitOfWork(database), path)
        assert [(r.fate, r.client_id, r.matched_by) for r in plan.rows] == [
            (importing.Fate.UPDATE, 1, "name"),
            (importing.Fate.NEW, None, ""),
        ]
    finally:
        database.dispose()
