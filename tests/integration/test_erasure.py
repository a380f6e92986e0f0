"""Erasure of personal data and emptying the trash, proven on the raw bytes of the base (issue 12).

The scans read the database file and its write-ahead log as bytes and look for the erased values
in UTF-8 — the Cyrillic name as typed and as the search index folds it, the phone as typed and in
E.164 digits, the e-mail. Each scan has its control: the same scan finds them before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.domain.audit import AuditQuery
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import (
    ClientFields,
    ClientKind,
    ContactFields,
    DealFields,
    Interaction,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    ReminderFields,
)
from salesdesk.services import audit, clients, contacts, deals, demo, erasure, history, reference, reminders
from salesdesk.store import Database, UnitOfWork, open_database
from tests.contents import contents

NAME = "Смородинова Агата Всеволодовна"
PHONE = "+7 915 482-19-73"
EMAIL = "agata.smorodinova@example.ru"
PERSON = "Куприянов Ерофей Тихонович"
PERSON_PHONE = "8 (903) 771-25-48"
PERSON_EMAIL = "erofey.kupriyanov@example.ru"


def traces(where: Path | Database, *values: str) -> set[str]:
    """Which of *values* appear in the bytes of the base or its -wal (UTF-8); for a base on a server
    (whose files are the server's), in the text of any of its rows."""
    if isinstance(where, Database) and not where.is_sqlite:
        data = repr(contents(where)).encode("utf-8")
        return {v for v in values if v.encode("utf-8") in data or repr(v).encode("utf-8")[1:-1] in data}
    path = where.path if isinstance(where, Database) else where
    assert path is not None
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    if wal.exists():
        data += wal.read_bytes()
    return {v for v in values if v.encode("utf-8") in data}


def entries_of(uow: Callable[[], UnitOfWork], client_id: int) -> list[Interaction]:
    with uow().reading() as unit:
        return unit.interactions.list_for(client_id)


def contact_traces() -> tuple[str, ...]:
    # as typed; as the search index folds it; the phone's digits as stored for matching
    return (NAME, "смородинова", "Смородинова", PHONE, "79154821973", EMAIL)


def person_traces() -> tuple[str, ...]:
    return (PERSON, "куприянов", "Куприянов", PERSON_PHONE, "79037712548", PERSON_EMAIL, "Ерофей")


@pytest.fixture
def company(uow: Callable[[], UnitOfWork]) -> tuple[int, int]:
    """A company with one contact person whom a call is linked to; (client id, contact id)."""
    client_id = clients.create_client(uow(), ClientFields(name="ООО «Вектор»", inn="7707083893")).id
    contact_id = contacts.add_contact(
        uow(), client_id, ContactFields(full_name=NAME, position="бухгалтер", phones=(PHONE,), emails=(EMAIL,))
    ).id
    history.log_interaction(
        uow(),
        client_id,
        InteractionFields(
            kind=InteractionKind.CALL,
            occurred_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
            summary="обсудили счёт",
            contact_id=contact_id,
        ),
    )
    return client_id, contact_id


@pytest.fixture
def private_person(uow: Callable[[], UnitOfWork]) -> int:
    client_id = clients.create_client(
        uow(), ClientFields(name=PERSON, kind=ClientKind.PERSON, phone=PERSON_PHONE, email=PERSON_EMAIL)
    ).id
    deals.add_deal(
        uow(),
        client_id,
        DealFields(title="Ремонт кухни", amount=Money.of("150000"), opened_on=datetime(2026, 3, 1).date()),
    )
    reminders.add_reminder(
        uow(), client_id, ReminderFields(due_at=datetime(2026, 4, 1, 9, 0, tzinfo=UTC), text="перезвонить Ерофею")
    )
    history.log_interaction(
        uow(),
        client_id,
        InteractionFields(
            kind=InteractionKind.MEETING, occurred_at=datetime(2026, 3, 3, 12, 0, tzinfo=UTC), summary="замер"
        ),
    )
    return client_id


@pytest.mark.sqlite_only  # the bytes of the SQLite file and its -wal
def test_erasing_a_contact_person_leaves_no_byte_of_them_in_the_file_or_its_log(
    db_path: Path, uow: Callable[[], UnitOfWork], company: tuple[int, int]
) -> None:
    client_id, contact_id = company
    assert traces(db_path, *contact_traces()) == set(contact_traces())  # the control: the scan finds them
    manager = reference.create_manager(uow(), ManagerFields(name="Орлова Нина")).id

    result = erasure.erase_contact(uow(), contact_id, ground="request", manager_id=manager)

    assert traces(db_path, *contact_traces()) == set()
    assert result.log_emptied and result.removed["contact"] == 1
    with pytest.raises(NotFoundError), uow().reading() as unit:
        unit.contacts.get(contact_id)
    assert contacts.list_contacts(uow(), client_id) == []
    assert "ООО «Вектор»".encode() in db_path.read_bytes()  # the company itself stays
    entries = entries_of(uow, client_id)
    assert [e.summary for e in entries] == ["обсудили счёт"] and entries[0].contact_id is None
    assert clients.search_clients(uow(), "смородинова").total == 0
    assert clients.search_clients(uow(), "вектор").total == 1


def test_erasing_a_private_person_client_takes_everything_of_theirs(
    db_path: Path, uow: Callable[[], UnitOfWork], private_person: int, company: tuple[int, int]
) -> None:
    base = uow().database
    assert traces(base, *person_traces()) == set(person_traces())

    result = erasure.erase_client(uow(), private_person, ground="consent_withdrawn")

    assert traces(base, *person_traces()) == set()
    assert traces(base, "Ремонт кухни", "замер") == set()  # their deal and history are gone too
    assert result.removed == {"client": 1, "contact": 0, "deal": 1, "reminder": 1, "interaction": 1, "attachment": 0}
    with pytest.raises(NotFoundError):
        clients.get_client(uow(), private_person)
    assert clients.count_clients(uow()) == 1


def test_the_erasure_record_says_who_what_and_why_but_holds_no_personal_data(
    db_path: Path, uow: Callable[[], UnitOfWork], private_person: int
) -> None:
    manager = reference.create_manager(uow(), ManagerFields(name="Орлова Нина")).id
    when = datetime(2026, 5, 4, 8, 30, tzinfo=UTC)
    erasure.erase_client(uow(), private_person, ground="request", manager_id=manager, now=when)

    [record] = erasure.erasure_records(uow())
    assert (record.erased_at, record.manager, record.entity, record.entity_id, record.ground, record.removed) == (
        when,
        "Орлова Нина",
        "client",
        private_person,
        "request",
        4,
    )
    values = repr(record)
    for value in person_traces():
        assert value not in values


def test_a_company_is_not_erased_as_a_person(uow: Callable[[], UnitOfWork], company: tuple[int, int]) -> None:
    with pytest.raises(ValidationError, match="company"):
        erasure.erase_client(uow(), company[0], ground="request")
    assert clients.count_clients(uow()) == 1


def test_a_sole_trader_is_a_person(uow: Callable[[], UnitOfWork]) -> None:
    ident = clients.create_client(uow(), ClientFields(name="ИП Петров Пётр", kind=ClientKind.SOLE_TRADER)).id
    assert erasure.plan_erasure(uow(), "client", ident).counts["client"] == 1
    erasure.erase_client(uow(), ident, ground="purpose_achieved")
    assert clients.count_clients(uow()) == 0


def test_an_unknown_ground_is_refused_before_anything_changes(
    uow: Callable[[], UnitOfWork], private_person: int
) -> None:
    with pytest.raises(ValidationError):
        erasure.erase_client(uow(), private_person, ground="because")
    assert clients.get_client(uow(), private_person).name == PERSON


def test_the_audit_trail_keeps_no_erased_value_and_records_the_erasure(
    uow: Callable[[], UnitOfWork], private_person: int
) -> None:
    before = audit.changes(uow(), AuditQuery(client_id=private_person))
    assert any(r.new and PERSON in r.new for r in before)  # the control: the trail held the name
    erasure.erase_client(uow(), private_person, ground="request")
    after = audit.changes(uow(), AuditQuery(client_id=private_person))
    assert {r.id for r in before} <= {r.id for r in after}  # the entries stay: when, who, what kind
    for r in after:
        assert r.old is None and r.new is None, r
    old_entries = [r for r in after if r.id in {b.id for b in before}]
    assert old_entries and all(r.erased for r in old_entries)
    assert [(r.entity, r.entity_id, r.action) for r in after if r.action == "erase"] == [
        ("client", private_person, "erase")
    ]


def test_mentions_of_the_name_elsewhere_are_counted_not_changed(
    uow: Callable[[], UnitOfWork], company: tuple[int, int]
) -> None:
    client_id, contact_id = company
    other = clients.create_client(uow(), ClientFields(name="ООО «Ромашка»")).id
    history.log_interaction(
        uow(),
        other,
        InteractionFields(
            kind=InteractionKind.NOTE,
            occurred_at=datetime(2026, 3, 5, 9, 0, tzinfo=UTC),
            summary="рекомендовала нас СМОРОДИНОВА из Вектора",
        ),
    )
    plan = erasure.plan_erasure(uow(), "contact", contact_id)
    assert (plan.mentions, plan.unlinked) == (1, 1)
    result = erasure.erase_contact(uow(), contact_id, ground="request")
    assert result.mentions == 1
    assert entries_of(uow, other)[0].summary == "рекомендовала нас СМОРОДИНОВА из Вектора"


# -- the trash --------------------------------------------------------------------------------------------


def test_emptying_the_trash_erases_trashed_clients_and_parts_and_runs_the_backup_first(
    db_path: Path, uow: Callable[[], UnitOfWork], private_person: int, company: tuple[int, int]
) -> None:
    client_id, contact_id = company
    clients.trash_client(uow(), private_person)
    contacts.trash_contact(uow(), contact_id)
    assert traces(uow().database, PERSON, NAME) == {PERSON, NAME}
    order: list[str] = []

    def backup() -> None:
        order.append("backup")
        assert erasure.trash_contents(uow())["client"] == 1  # nothing deleted yet

    result = erasure.empty_trash(uow(), before=backup)

    assert order == ["backup"]
    assert result.removed == {"client": 1, "contact": 1, "deal": 1, "reminder": 1, "interaction": 1, "attachment": 0}
    assert traces(uow().database, *person_traces(), *contact_traces()) == set()
    assert clients.count_clients(uow()) == 1  # the live company stays
    [record] = erasure.erasure_records(uow())
    assert (record.entity, record.entity_id, record.ground, record.removed) == ("trash", None, "trash", 5)
    assert erasure.trash_contents(uow()) == dict.fromkeys(
        ("client", "contact", "deal", "reminder", "interaction", "attachment"), 0
    )


def test_an_empty_trash_takes_no_backup_and_writes_no_record(
    uow: Callable[[], UnitOfWork], private_person: int
) -> None:
    calls: list[int] = []
    result = erasure.empty_trash(uow(), before=lambda: calls.append(1))
    assert (result.total, result.record_id, calls) == (0, None, [])
    assert erasure.erasure_records(uow()) == []


def test_automatic_emptying_takes_only_what_is_older_than_the_setting(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    start = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    old, recent, live = add_client("Старый"), add_client("Недавний"), add_client("Живой")
    clients.trash_client(uow(), old, now=start)
    clients.trash_client(uow(), recent, now=start + timedelta(days=25))
    now = start + timedelta(days=31)

    assert erasure.empty_old_trash(uow(), None, now=now) is None  # off by default
    assert erasure.empty_old_trash(uow(), 0, now=now) is None
    result = erasure.empty_old_trash(uow(), 30, now=now)

    assert result is not None and result.removed["client"] == 1
    with pytest.raises(NotFoundError):
        clients.get_client(uow(), old)
    assert clients.get_client(uow(), recent).deleted_at is not None  # 6 days in the trash: stays
    assert clients.get_client(uow(), live).deleted_at is None
    assert erasure.erasure_records(uow())[0].ground == "trash_age"


# -- item 7: a changed card ------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # the bytes of the SQLite file after secure_delete
def test_a_changed_name_and_phone_are_gone_from_the_file_after_the_next_start(
    db_path: Path, database: Database, uow: Callable[[], UnitOfWork]
) -> None:
    old = ("Зебрушкина Злата", "зебрушкина", "+7 916 205-33-81", "79162053381")
    # a base of some size: the search index spans pages, and freed ones must be wiped too
    demo.load_demo(uow(), 2000, seed=7)
    fields = ClientFields(name="Зебрушкина Злата", kind=ClientKind.PERSON, phone="+7 916 205-33-81")
    saved = clients.create_client(uow(), fields)
    database.dispose()  # the last connection closes: SQLite copies the log into the file
    assert traces(db_path, *old) == set(old)

    changed = ClientFields(name="Ли Ян", kind=ClientKind.PERSON, phone="+7 495 100-00-00")
    clients.update_client(uow(), saved.id, saved.version, changed)
    erasure.tidy_at_start(uow(), trash_days=None)  # what the window does as it starts
    database.dispose()

    # the search index's forms (folded name, the phone's digits) are gone; the values as typed are
    # kept on purpose by the audit trail, the card's "Changes" (before → after), until an erasure
    assert traces(db_path, "зебрушкина", "79162053381") == set()
    trail = audit.changes(uow(), AuditQuery(client_id=saved.id))
    assert {(r.field, r.old) for r in trail if r.action == "edit"} >= {("name", "Зебрушкина Злата")}
    assert "Ли Ян".encode() in db_path.read_bytes()


@pytest.mark.sqlite_only  # free pages of the SQLite file (secure_delete, VACUUM)
def test_an_erasure_also_wipes_what_an_older_version_left_in_free_pages(
    db_path: Path, database: Database, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A base written before secure_delete was on keeps old values in its free space; the VACUUM
    after an erasure rewrites the file without them."""
    from salesdesk.store import database as store_database

    monkeypatch.setattr(store_database, "SECURE_DELETE", "OFF")  # as SalesDesk before issue 12
    database.dispose()  # connections opened from now on write without it
    demo.load_demo(uow(), 300, seed=3)
    old = ("Зебрушкина Злата", "зебрушкина", "zlata@zebra.example", "+7 916 205-33-81")
    fields = ClientFields(name=old[0], kind=ClientKind.PERSON, email=old[2], phone=old[3], notes="пусто " * 400)
    saved = clients.create_client(uow(), fields)
    clients.update_client(uow(), saved.id, saved.version, ClientFields(name="Ли Ян", kind=ClientKind.PERSON))
    database.dispose()
    raw = sqlite3.connect(db_path)  # an older version kept no audit trail either: its rows go (freed pages)
    raw.execute("DELETE FROM audit")
    raw.commit()
    raw.close()
    assert traces(db_path, *old) == set(old)  # the control: an older version left them in free space

    monkeypatch.setattr(store_database, "SECURE_DELETE", "ON")  # this version
    person = clients.create_client(uow(), ClientFields(name=PERSON, kind=ClientKind.PERSON)).id
    erasure.erase_client(uow(), person, ground="request")

    assert traces(db_path, *old, *person_traces()) == set()


# -- after an erasure, a new record may get the erased one's number ------------------------------------


@pytest.mark.sqlite_only  # SQLite gives a deleted top number again; a server's sequence never does
def test_a_new_client_with_an_erased_clients_number_does_not_inherit_its_trail(
    uow: Callable[[], UnitOfWork], private_person: int
) -> None:
    erasure.erase_client(uow(), private_person, ground="request")
    newcomer = clients.create_client(uow(), ClientFields(name="ООО «Новая»")).id
    assert newcomer == private_person  # SQLite gives a deleted top number again: the case at hand
    shown = audit.changes(uow(), AuditQuery(client_id=newcomer))
    assert [(r.entity, r.action, r.new) for r in shown] == [("client", "create", "ООО «Новая»")]
    card = audit.client_changes(uow(), newcomer)
    assert [r.action for r in card.records] == ["create"]
    # the erased record's entries are still in the whole trail, scrubbed, with its erasure
    everything = audit.changes(uow(), AuditQuery())
    assert any(r.entity_id == private_person and r.action == "erase" for r in everything)
    before_erasure = [r for r in everything if r.client_id == private_person and r.id < card.records[0].id]
    assert before_erasure and all(r.erased for r in before_erasure if r.action != "erase")


@pytest.mark.sqlite_only  # SQLite gives a deleted top number again; a server's sequence never does
def test_a_new_contact_with_an_erased_contacts_number_does_not_inherit_its_trail(
    uow: Callable[[], UnitOfWork], company: tuple[int, int]
) -> None:
    client_id, contact_id = company
    erasure.erase_contact(uow(), contact_id, ground="request")
    newcomer = contacts.add_contact(uow(), client_id, ContactFields(full_name="Иванов Пётр")).id
    assert newcomer == contact_id
    shown = audit.changes(uow(), AuditQuery(entity="contact", entity_id=newcomer))
    assert [(r.action, r.new) for r in shown] == [("create", "Иванов Пётр")]


def test_emptying_the_trash_of_a_base_without_a_file_needs_no_backup_and_records_each_erasure() -> None:
    """A base that is not a file (a server's, an in-memory one) has no file to copy: emptying the
    trash must not fail on the backup; every record that goes gets its "erase" entry."""
    database = open_database("sqlite://")
    try:
        unit: Callable[[], UnitOfWork] = lambda: UnitOfWork(database)  # noqa: E731
        gone = clients.create_client(unit(), ClientFields(name="ООО «Уходящая»")).id
        kept = clients.create_client(unit(), ClientFields(name="ООО «Остаётся»")).id
        person = contacts.add_contact(unit(), kept, ContactFields(full_name="Сидорова Анна")).id
        clients.trash_client(unit(), gone)
        contacts.trash_contact(unit(), person)
        result = erasure.empty_trash(unit())
        assert result.removed["client"] == 1 and result.removed["contact"] == 1
        erased = {(r.entity, r.entity_id) for r in audit.changes(unit(), AuditQuery()) if r.action == "erase"}
        assert erased == {("client", gone), ("contact", person)}
    finally:
        database.dispose()


@pytest.mark.sqlite_only  # the copy of the file taken before the trash is emptied (a server base takes none)
def test_a_backup_that_fails_at_start_keeps_the_trash_and_still_tidies_the_index(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.domain.errors import StoreError
    from salesdesk.services import backups

    old = add_client("ООО «Старая»")
    start = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    clients.trash_client(uow(), old, now=start)

    def no_room(*_args: object, **_kwargs: object) -> None:
        raise StoreError(msg("err.disk_full", where="backups"))

    merged: list[int] = []
    monkeypatch.setattr(backups, "take_backup", no_room)
    real_enter = UnitOfWork.__enter__

    def counting_enter(self: UnitOfWork) -> UnitOfWork:  # every unit's index merge is counted
        unit = real_enter(self)
        original = unit.erasure.merge_search_index
        unit.erasure.merge_search_index = lambda: (merged.append(1), original())[1]  # type: ignore[method-assign]
        return unit

    monkeypatch.setattr(UnitOfWork, "__enter__", counting_enter)
    assert erasure.tidy_at_start(uow(), trash_days=30, now=start + timedelta(days=31)) is None
    assert clients.get_client(uow(), old).deleted_at is not None  # nothing deleted without its copy
    assert merged == [1]  # the index was merged all the same


def test_the_plan_names_the_files_a_client_erasure_takes_and_they_are_gone(
    db_path: Path, uow: Callable[[], UnitOfWork], private_person: int, company: tuple[int, int]
) -> None:
    from salesdesk.services import attachments

    attachments.attach_bytes(uow(), private_person, "Паспорт Куприянова.pdf", b"%PDF " + "Ерофей".encode() * 300)
    trashed = attachments.attach_bytes(uow(), private_person, "Старый договор.pdf", b"%PDF old contract")
    attachments.trash_file(uow(), trashed)
    attachments.attach_bytes(uow(), company[0], "Реквизиты Вектора.pdf", b"%PDF vector")

    plan = erasure.plan_erasure(uow(), "client", private_person)
    text = plan.summary()
    assert "Паспорт Куприянова.pdf (4 KB)" in text and "Старый договор.pdf (17 B)" in text
    assert "2 files attached to the client (those in the trash too) are erased with it" in text
    person_plan = erasure.plan_erasure(uow(), "contact", company[1])
    assert "The client's 1 file is not changed: Реквизиты Вектора.pdf" in person_plan.summary()

    result = erasure.erase_client(uow(), private_person, ground="consent_withdrawn")
    assert result.removed["attachment"] == 2
    assert traces(uow().database, "old contract") == set()  # the bytes of the trashed one are gone too
    assert [f.name for f in attachments.list_files(uow(), company[0])] == ["Реквизиты Вектора.pdf"]
