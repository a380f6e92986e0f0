"""Fresh data (issue 16 item 3): what confirms a card's requisites and channels, the stale setting,
"needs checking", the stale part of the completeness report, and the migration's dates."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.freshness import Source, cutoff, fresh_score
from salesdesk.domain.model import (
    ClientFields,
    ClientKind,
    ContactFields,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Role,
)
from salesdesk.domain.queries import ClientQuery
from salesdesk.domain.reports import ReportParameters
from salesdesk.services import cards, clients, contacts, freshness, history, importing, permissions, reference
from salesdesk.services.reports import run_report
from salesdesk.store import UnitOfWork
from salesdesk.store.database import open_database, resolve_url

Uow = Callable[[], UnitOfWork]

OLD = datetime(2024, 1, 10, 9, 0, tzinfo=UTC)  # long before "now": stale under any setting up to 30 months
LATER = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

FULL = ClientFields(
    name="ООО «Ромашка»",
    kind=ClientKind.LEGAL,
    full_name="Общество с ограниченной ответственностью «Ромашка»",
    inn="7707083893",
    kpp="773601001",
    ogrn="1027700132195",
    legal_address="Москва, ул. Вавилова, 19",
    phone="+7 495 123-45-67",
    email="info@romashka.ru",
)


def confirmed(uow: Uow, client_id: int) -> dict[str, tuple[datetime, Source]]:
    with uow().reading() as unit:
        return {item: (c.confirmed_at, c.source) for item, c in unit.freshness.of_client(client_id).items()}


def stale(uow: Uow, client_id: int) -> tuple[str, ...]:
    freshness_ = cards.load_card(uow(), client_id).freshness
    assert freshness_ is not None
    return freshness_.stale


def test_a_new_card_confirms_what_it_holds_and_an_unchanged_save_confirms_nothing(uow: Uow) -> None:
    ident = clients.create_client(uow(), FULL, now=OLD).id
    assert {item: at for item, (at, _s) in confirmed(uow, ident).items()} == dict.fromkeys(
        ("inn", "kpp", "ogrn", "full_name", "legal_address", "phone", "email"), OLD
    )
    assert stale(uow, ident) == ("inn", "kpp", "ogrn", "full_name", "legal_address", "phone", "email")
    # saved again as it was (another field edited): nothing of the seven is confirmed
    version = clients.update_client(uow(), ident, 1, FULL.__class__(**{**_as_dict(FULL), "notes": "x"}), now=LATER)
    assert {at for at, _s in confirmed(uow, ident).values()} == {OLD}
    # the phone typed anew (formatted differently is the same number: not new) ...
    same_number = ClientFields(**{**_as_dict(FULL), "notes": "x", "phone": "8 (495) 123-45-67"})
    version = clients.update_client(uow(), ident, version.version, same_number, now=LATER)
    assert confirmed(uow, ident)["phone"][0] == OLD
    # ... a new number is confirmed by the edit, the rest stays as it was
    new_number = ClientFields(**{**_as_dict(FULL), "notes": "x", "phone": "+7 495 765-43-21"})
    clients.update_client(uow(), ident, version.version, new_number, now=LATER)
    assert confirmed(uow, ident)["phone"] == (LATER, Source.EDIT)
    assert confirmed(uow, ident)["inn"] == (OLD, Source.EDIT)
    assert "phone" not in stale(uow, ident) and "inn" in stale(uow, ident)


def _as_dict(fields: ClientFields) -> dict[str, object]:
    return {name: getattr(fields, name) for name in ClientFields.__dataclass_fields__}


def test_an_emptied_field_loses_its_date_and_filling_it_again_confirms_it(uow: Uow) -> None:
    ident = clients.create_client(uow(), FULL, now=OLD).id
    emptied = ClientFields(**{**_as_dict(FULL), "email": ""})
    version = clients.update_client(uow(), ident, 1, emptied, now=LATER).version
    assert "email" not in confirmed(uow, ident)
    clients.update_client(uow(), ident, version, FULL, now=LATER)
    assert confirmed(uow, ident)["email"] == (LATER, Source.EDIT)


def test_the_cards_confirm_dates_the_filled_fields_now(uow: Uow) -> None:
    ident = clients.create_client(uow(), ClientFields(name="ИП Иванов", phone="+7 912 000-11-22"), now=OLD).id
    assert freshness.confirm_on_card(uow(), ident, now=LATER) == ["phone"]  # nothing else is filled
    assert confirmed(uow, ident) == {"phone": (LATER, Source.CONFIRM)}
    card = cards.load_card(uow(), ident)
    assert card.freshness is not None and card.freshness.stale == ()


def test_a_call_that_got_through_confirms_the_phone_and_an_answered_email_the_email(uow: Uow) -> None:
    ident = clients.create_client(uow(), FULL, now=OLD).id
    call = InteractionFields(kind=InteractionKind.CALL, occurred_at=LATER, summary="Не дозвонились")
    history.log_interaction(uow(), ident, call, now=NOW)  # not reached: nothing confirmed
    assert confirmed(uow, ident)["phone"][0] == OLD
    call = InteractionFields(kind=InteractionKind.CALL, occurred_at=LATER, summary="Обсудили поставку")
    history.log_interaction(uow(), ident, call, reached=True, now=NOW)
    assert confirmed(uow, ident)["phone"] == (LATER, Source.CALL)  # dated when it happened
    assert confirmed(uow, ident)["email"][0] == OLD
    letter = InteractionFields(kind=InteractionKind.EMAIL, occurred_at=NOW, summary="Прислали реквизиты")
    history.log_and_plan(uow(), ident, letter, reached=True, now=NOW)
    assert confirmed(uow, ident)["email"] == (NOW, Source.EMAIL)
    # a note confirms nothing
    note = InteractionFields(kind=InteractionKind.NOTE, occurred_at=NOW, summary="Заметка")
    history.log_interaction(uow(), ident, note, reached=True, now=NOW)
    assert confirmed(uow, ident)["inn"][0] == OLD


def test_a_contact_persons_new_phone_confirms_the_cards_phone_and_a_call_to_them_too(uow: Uow) -> None:
    ident = clients.create_client(uow(), ClientFields(name="ООО «Лютик»"), now=OLD).id
    assert confirmed(uow, ident) == {}
    person = contacts.add_contact(
        uow(), ident, ContactFields(full_name="Пётр Сидоров", phones=("+7 903 111-22-33",)), now=OLD
    ).id
    assert confirmed(uow, ident)["phone"][0] == OLD
    call = InteractionFields(kind=InteractionKind.CALL, occurred_at=LATER, summary="Созвонились", contact_id=person)
    history.log_interaction(uow(), ident, call, reached=True, now=NOW)
    assert confirmed(uow, ident)["phone"] == (LATER, Source.CALL)


def test_confirm_fields_for_enrichment_runs_inside_the_callers_unit_and_never_goes_back(uow: Uow) -> None:
    ident = clients.create_client(uow(), ClientFields(name="ООО «Ромашка»", inn="7707083893"), now=LATER).id
    unit = uow()
    with unit:
        assert freshness.confirm_fields(unit, ident, ["inn", "kpp"], "enrichment", NOW) == ["inn"]  # no KPP
        assert freshness.confirm_fields(unit, ident, ["inn"], Source.ENRICHMENT, OLD) == ["inn"]  # not back
        unit.commit()
    assert confirmed(uow, ident) == {"inn": (NOW, Source.ENRICHMENT)}
    with uow() as unit, pytest.raises(ValueError):
        freshness.confirm_fields(unit, ident, ["bik"], "enrichment", NOW)


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_an_import_row_with_the_same_value_confirms_it_and_one_with_another_value_does_not(
    uow: Uow, tmp_path: Path
) -> None:
    ident = clients.create_client(uow(), FULL, now=OLD).id
    source = _csv(
        tmp_path / "сверка.csv",
        [
            ["Название", "ИНН", "Телефон", "E-mail"],
            # the same INN and phone (written otherwise), another e-mail the stored card does not take
            ["ООО «Ромашка»", "7707083893", "8 495 123 45 67", "other@romashka.ru"],
        ],
    )
    result = importing.run_import(uow(), source, error_dir=tmp_path, now=NOW)
    assert result.updated == 0  # nothing changed on the card, and still:
    got = confirmed(uow, ident)
    assert got["inn"] == (NOW, Source.IMPORT) and got["phone"] == (NOW, Source.IMPORT)
    assert got["email"][0] == OLD and got["kpp"][0] == OLD


def test_needs_checking_lists_the_cards_with_a_stale_field_by_the_bases_months(uow: Uow) -> None:
    old = clients.create_client(uow(), ClientFields(name="Старый", phone="+7 495 000-00-01"), now=OLD).id
    clients.create_client(uow(), ClientFields(name="Свежий", phone="+7 495 000-00-02"), now=LATER)
    clients.create_client(uow(), ClientFields(name="Пустой"), now=OLD)  # nothing filled: nothing to check
    recent = clients.create_client(uow(), ClientFields(name="Полгода", phone="+7 495 000-00-03"), now=OLD).id
    with uow() as unit:
        freshness.confirm_fields(unit, recent, ["phone"], Source.CALL, datetime(2026, 5, 1, tzinfo=UTC))
        unit.commit()
    query = ClientQuery(needs_checking=True, now=NOW)
    assert [r.name for r in clients.list_clients(uow(), query).rows] == ["Старый"]
    assert clients.count_clients(uow(), query) == 1
    freshness.set_stale_months(uow(), 6)
    assert freshness.stale_months(uow()) == 6
    assert [r.id for r in clients.list_clients(uow(), query).rows] == [recent, old]
    with pytest.raises(ValidationError, match="1 to 120"):
        freshness.set_stale_months(uow(), 0)
    clients.trash_client(uow(), old)
    assert clients.count_clients(uow(), query) == 1


def test_the_stale_months_are_a_heads_setting_once_the_base_has_heads(uow: Uow) -> None:
    head = reference.create_manager(uow(), ManagerFields(name="Глава")).id
    permissions.set_role(uow(), head, Role.HEAD)
    unit = uow()
    with pytest.raises(ValidationError):
        freshness.set_stale_months(unit, 3)  # a unit of work without a manager is not the head
    assert freshness.stale_months(uow()) == 12


def test_the_completeness_report_counts_stale_fields_half_and_names_them(uow: Uow) -> None:
    anna = reference.create_manager(uow(), ManagerFields(name="Анна")).id
    # a person with phone and e-mail: 40 points in all (industry 10, phone 15, e-mail 10, owner 5)
    person = ClientFields(
        name="Иван Петров", kind=ClientKind.PERSON, phone="+7 912 000-00-01", email="ivan@mail.ru", owner_id=anna
    )
    stale_one = clients.create_client(uow(), person, now=OLD).id  # 30 of 40 = 75 %; phone and e-mail stale
    fresh = clients.create_client(uow(), ClientFields(**{**_as_dict(person), "name": "Свежий"}), now=LATER).id
    card = cards.load_card(uow(), stale_one).freshness
    assert card is not None and card.stale == ("phone", "email")
    assert card.score == fresh_score(ClientKind.PERSON, ("industry",), ("phone", "email")) == 44  # (30 - 12.5) / 40
    result = run_report(uow(), "completeness_by_manager", ReportParameters(threshold=50), now=NOW)
    assert [c.title for c in result.columns][5:] == ["Needs checking", "Most often stale"]
    # Анна: 75 + 75 = 150 points, the stale card loses (15 + 10) / 2 / 40 * 100 = 31.25 -> 118.75 / 2
    assert result.rows[0] == ("Анна", 2, Decimal("59.4"), 0, "Industry (2)", 1, "Phone (1), E-mail (1)")
    assert result.totals is not None and result.totals[5:] == (1, "Phone (1), E-mail (1)")
    assert any("12 months" in note and cutoff(NOW, 12).strftime("%d.%m.%Y") in note for note in result.notes)
    assert fresh != stale_one


@pytest.mark.sqlite_only
def test_the_migration_dates_existing_fields_by_the_cards_last_change(tmp_path: Path) -> None:
    from tests.integration.test_migrations import _upgrade_to

    path = tmp_path / "old.sqlite"
    _upgrade_to(path, "0012_register")
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO clients (id, kind, name, status, sort_key, search_name, search_other, inn, phone, missing,"
        " completeness, version, created_at, updated_at) VALUES (1, 'legal', 'ООО «Ёлка»', 'lead', 'елка',"
        " 'ооо елка', '', '7707083893', '+7 495 123-45-67',"
        " 'contact_position,kpp,ogrn,legal_address,industry,email,full_name,owner', 30, 1,"
        " '2023-01-01 00:00:00', '2023-05-06 07:08:09')"
    )
    raw.commit()
    raw.close()
    database = open_database(resolve_url(path))
    try:
        uow: Uow = lambda: UnitOfWork(database)  # noqa: E731
        when = datetime(2023, 5, 6, 7, 8, 9, tzinfo=UTC)
        assert confirmed(uow, 1) == {"inn": (when, Source.KNOWN), "phone": (when, Source.KNOWN)}
        assert [r.id for r in clients.list_clients(uow(), ClientQuery(needs_checking=True)).rows] == [1]
        # the fingerprints came from the same rule a save uses: saving the card as it is confirms nothing
        client = clients.get_client(uow(), 1)
        clients.update_client(uow(), 1, client.version, client.fields(), now=NOW)
        assert confirmed(uow, 1)["inn"] == (when, Source.KNOWN)
    finally:
        database.dispose()


@pytest.mark.postgres_only
def test_the_migration_dates_existing_fields_on_a_server_base_too() -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from tests import server as test_server

    url = test_server.server().empty()
    database = open_database(url)
    try:
        uow: Uow = lambda: UnitOfWork(database)  # noqa: E731
        ident = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893"), now=NOW).id
        contacts.add_contact(uow(), ident, ContactFields(full_name="Анна", emails=("a@elka.ru",)), now=NOW)
    finally:
        database.dispose()
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:  # as 0012 left it, the card last changed long ago
        conn.exec_driver_sql("DROP TABLE client_digit_words")  # what 0017 adds
        conn.exec_driver_sql("DROP FUNCTION salesdesk_digit_words_inserted() CASCADE")
        conn.exec_driver_sql("DROP FUNCTION salesdesk_digit_words_updated() CASCADE")
        conn.exec_driver_sql("DROP TABLE client_name_words")  # what 0016 adds
        conn.exec_driver_sql("DROP FUNCTION salesdesk_name_words_inserted() CASCADE")
        conn.exec_driver_sql("DROP FUNCTION salesdesk_name_words_updated() CASCADE")
        conn.exec_driver_sql("DROP INDEX ix_clients_live_name_key")  # what 0015 adds
        conn.exec_driver_sql("ALTER TABLE clients DROP COLUMN name_key")
        conn.exec_driver_sql("DROP TABLE confirmations")
        conn.exec_driver_sql("ALTER TABLE clients DROP COLUMN confirmed_oldest")
        conn.exec_driver_sql("UPDATE clients SET updated_at = '2023-05-06 07:08:09'")
        conn.exec_driver_sql("UPDATE contacts SET updated_at = '2024-02-03 04:05:06'")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0012_register'")
    engine.dispose()
    database = open_database(url)
    try:
        uow = lambda: UnitOfWork(database)  # noqa: E731
        assert confirmed(uow, ident) == {
            "inn": (datetime(2023, 5, 6, 7, 8, 9, tzinfo=UTC), Source.KNOWN),
            "email": (datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC), Source.KNOWN),  # the person's last change
        }
        assert clients.count_clients(uow(), ClientQuery(needs_checking=True)) == 1
    finally:
        database.dispose()
        test_server.server().drop(url)


def test_the_command_line_shows_stale_fields_confirms_them_and_logs_a_call_that_got_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from salesdesk.store import open_database as opened
    from tests.integration.test_cli import new_base, run

    db = new_base(tmp_path / "cli.sqlite")
    database = opened(db if "://" in db else resolve_url(Path(db)))
    try:
        ident = clients.create_client(UnitOfWork(database), FULL, now=OLD).id
    finally:
        database.dispose()
    code, out, _ = run(capsys, "--db", db, "client", "show", str(ident), "--json")
    shown = json.loads(out)
    assert code == 0 and shown["stale"] == ["inn", "kpp", "ogrn", "full_name", "legal_address", "phone", "email"]
    assert shown["completeness"] == 70 and shown["fresh_completeness"] == 35  # every filled item counts half
    code, out, _ = run(capsys, "--db", db, "client", "show", str(ident))
    assert "Not confirmed for 12 months or longer: INN (10.01.2024)" in out
    code, out, _ = run(capsys, "--db", db, "log", str(ident), "Созвонились", "--reached")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "client", "confirm", str(ident), "--field", "inn", "--json")
    assert (code, json.loads(out)) == (0, {"confirmed": ["inn"]})
    code, out, _ = run(capsys, "--db", db, "client", "show", str(ident), "--json")
    assert json.loads(out)["stale"] == ["kpp", "ogrn", "full_name", "legal_address", "email"]
    with pytest.raises(SystemExit) as refused:
        run(capsys, "--db", db, "client", "confirm", str(ident), "--field", "bik")
    assert refused.value.code == 2 and "bik" in capsys.readouterr().err


def test_the_demo_base_has_stale_fields_and_phones_its_calls_confirmed(uow: Uow) -> None:
    from salesdesk.services import demo

    demo.load_demo(uow(), 300, seed=7, now=NOW)
    checking = clients.count_clients(uow(), ClientQuery(needs_checking=True, now=NOW))
    assert 0 < checking < 300  # some old cards need checking, not all
    with uow().reading() as unit:
        sources = {c.source for i in range(1, 301) for c in unit.freshness.of_client(i).values()}
    assert Source.CALL in sources and Source.IMPORT in sources
