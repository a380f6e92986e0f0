"""Client cards and contact persons through the services, on a real SQLite file."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from salesdesk.domain.errors import NotFoundError, StaleEditError, ValidationError
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields, ManagerFields
from salesdesk.domain.queries import ClientQuery
from salesdesk.services import clients, contacts, reference
from salesdesk.store import UnitOfWork

SBER = ClientFields(
    name="ПАО Сбербанк",
    inn="7707083893",
    kpp="773601001",
    ogrn="1027700132195",
    bik="044525225",
    corr_account="30101810400000000225",
)


def test_create_and_read_back_a_card(uow: Callable[[], UnitOfWork]) -> None:
    result = clients.create_client(uow(), dataclasses.replace(SBER, tags=("VIP", "Банк", "vip")))
    card = clients.get_client(uow(), result.id)
    assert (card.name, card.inn, card.kpp, card.ogrn, card.version) == (
        "ПАО Сбербанк",
        "7707083893",
        "773601001",
        "1027700132195",
        1,
    )
    assert card.tags == ("VIP", "Банк")  # the same tag twice, in another case, is one tag
    assert card.kind is ClientKind.LEGAL
    assert "inn" not in card.missing and "phone" in card.missing


def test_what_people_paste_is_cleaned_before_the_rules_run(uow: Callable[[], UnitOfWork]) -> None:
    pasted = ClientFields(
        name="  ООО\u00a0«Ромашка»  ", inn="7707 083 893", kpp="7736ab001 ", phone=" 8 (495) 123-45-67 "
    )
    card = clients.get_client(uow(), clients.create_client(uow(), pasted).id)
    assert (card.name, card.inn, card.kpp, card.phone) == (
        "ООО «Ромашка»",
        "7707083893",
        "7736AB001",
        "8 (495) 123-45-67",
    )
    assert card.phone_e164 == "+74951234567"


def test_invalid_card_is_refused_with_every_field_named_and_nothing_saved(uow: Callable[[], UnitOfWork]) -> None:
    bad = ClientFields(name="", inn="7707083894", kpp="7736АБ001", email="ivan@")
    with pytest.raises(ValidationError) as caught:
        clients.create_client(uow(), bad)
    assert caught.value.fields() == {"name", "inn", "kpp", "email"}
    assert "7707083894: wrong check digit" in str(caught.value)
    assert clients.count_clients(uow()) == 0


def test_edit_bumps_the_version_and_a_stale_edit_is_refused(uow: Callable[[], UnitOfWork]) -> None:
    created = clients.create_client(uow(), SBER)
    first = clients.update_client(uow(), created.id, 1, dataclasses.replace(SBER, city="Москва"))
    assert first.version == 2
    with pytest.raises(StaleEditError, match="changed elsewhere"):
        clients.update_client(uow(), created.id, 1, dataclasses.replace(SBER, city="Казань"))
    assert clients.get_client(uow(), created.id).city == "Москва"


def test_editing_a_missing_client_says_not_found(uow: Callable[[], UnitOfWork]) -> None:
    with pytest.raises(NotFoundError):
        clients.update_client(uow(), 404, 1, SBER)


def test_trash_hides_and_restore_brings_back(uow: Callable[[], UnitOfWork]) -> None:
    ident = clients.create_client(uow(), SBER).id
    clients.trash_client(uow(), ident)
    assert clients.search_clients(uow(), "сбербанк").total == 0
    assert clients.list_clients(uow(), ClientQuery(trash=True)).total == 1
    assert clients.find_duplicates(uow(), SBER) == []
    clients.restore_client(uow(), ident)
    assert clients.search_clients(uow(), "сбербанк").total == 1


def test_a_reference_to_a_missing_industry_is_refused(uow: Callable[[], UnitOfWork]) -> None:
    with pytest.raises(ValidationError):
        clients.create_client(uow(), dataclasses.replace(SBER, industry_id=9999))


def test_industry_and_owner_show_by_name(uow: Callable[[], UnitOfWork]) -> None:
    industry = reference.find_industry(uow(), "K")
    owner = reference.create_manager(uow(), ManagerFields(name="Анна Смирнова")).id
    ident = clients.create_client(uow(), dataclasses.replace(SBER, industry_id=industry.id, owner_id=owner)).id
    card = clients.get_client(uow(), ident)
    assert card.industry_name.startswith("Деятельность финансовая")
    assert card.owner_name == "Анна Смирнова"


def test_contacts_update_completeness_and_search(uow: Callable[[], UnitOfWork]) -> None:
    ident = clients.create_client(uow(), SBER).id
    before = clients.get_client(uow(), ident)
    assert "contact_position" in before.missing

    person = ContactFields(
        full_name="Петрова Мария Ивановна",
        position="Главный бухгалтер",
        birth_date=date(1980, 2, 29),
        phones=("+7 916 123-45-67",),
        emails=("m.petrova@sberbank.ru",),
        is_primary=True,
    )
    contact_id = contacts.add_contact(uow(), ident, person).id
    after = clients.get_client(uow(), ident)
    assert after.completeness > before.completeness
    assert "contact_position" not in after.missing and "phone" not in after.missing
    assert after.version == before.version  # the card itself did not change: no false conflict
    assert [r.id for r in clients.search_clients(uow(), "петрова").rows] == [ident]
    assert [r.id for r in clients.search_clients(uow(), "9161234567").rows] == [ident]

    stored = contacts.list_contacts(uow(), ident)[0]
    assert stored.age(date(2026, 2, 28)) == 45 and stored.age(date(2026, 3, 1)) == 46

    contacts.trash_contact(uow(), contact_id)
    assert clients.get_client(uow(), ident).completeness == before.completeness
    assert clients.search_clients(uow(), "петрова").total == 0
    contacts.restore_contact(uow(), contact_id)
    assert clients.search_clients(uow(), "петрова").total == 1


def test_only_one_primary_contact(uow: Callable[[], UnitOfWork]) -> None:
    ident = clients.create_client(uow(), SBER).id
    first = contacts.add_contact(uow(), ident, ContactFields(full_name="Иванов Иван", is_primary=True)).id
    second = contacts.add_contact(uow(), ident, ContactFields(full_name="Сидоров Пётр", is_primary=True)).id
    people = {p.id: p.is_primary for p in contacts.list_contacts(uow(), ident)}
    assert people == {first: False, second: True}


def test_invalid_contact_is_refused(uow: Callable[[], UnitOfWork]) -> None:
    ident = clients.create_client(uow(), SBER).id
    with pytest.raises(ValidationError) as caught:
        contacts.add_contact(
            uow(), ident, ContactFields(full_name="Иванов", phones=("123-45-67",), birth_date=date(2100, 1, 1))
        )
    assert caught.value.fields() == {"phones", "birth_date"}
    assert contacts.list_contacts(uow(), ident) == []


def test_duplicates_by_inn_phone_email_and_name(uow: Callable[[], UnitOfWork]) -> None:
    first = clients.create_client(
        uow(), dataclasses.replace(SBER, phone="8 (495) 500-55-50", email="Info@Sberbank.ru")
    ).id
    other = clients.create_client(uow(), ClientFields(name="ООО «Ромашка»")).id
    contacts.add_contact(uow(), other, ContactFields(full_name="Иванов", phones=("+7 916 000-11-22",)))

    candidate = ClientFields(name="Сбербанк", inn="7707083893", phone="+74955005550", email="info@sberbank.ru")
    hits = {(h.client_id, h.field) for h in clients.find_duplicates(uow(), candidate)}
    assert hits == {(first, "inn"), (first, "phone"), (first, "email"), (first, "name")}

    by_contact_phone = ClientFields(name="Новый", phone="8 916 000 11 22")
    assert [(h.client_id, h.field) for h in clients.find_duplicates(uow(), by_contact_phone)] == [(other, "phone")]
    # a card is not a duplicate of itself
    assert clients.find_duplicates(uow(), candidate, exclude_id=first) == []


def test_a_branch_with_another_kpp_is_not_a_duplicate(uow: Callable[[], UnitOfWork]) -> None:
    clients.create_client(uow(), SBER)
    branch = ClientFields(name="Сбербанк, филиал", inn="7707083893", kpp="784201001")
    assert clients.find_duplicates(uow(), branch) == []
    same = ClientFields(name="Сбербанк, офис", inn="7707083893", kpp="773601001")
    assert [h.field for h in clients.find_duplicates(uow(), same)] == ["inn"]


def test_failed_unit_of_work_leaves_nothing(uow: Callable[[], UnitOfWork]) -> None:
    work = uow()
    with pytest.raises(RuntimeError), work:
        work.managers.add(ManagerFields(name="Временный"), __import__("datetime").datetime.now().astimezone())
        raise RuntimeError("crash in the middle of an action")
    assert reference.list_managers(uow()) == []


def test_commit_tells_listeners_what_changed(database) -> None:  # type: ignore[no-untyped-def]
    seen = []
    ident = clients.create_client(UnitOfWork(database, listeners=[seen.append]), SBER).id
    assert [(c.entity, c.ident, c.action) for c in seen[0]] == [("client", ident, "created")]


def test_industries_crud_and_notes(uow: Callable[[], UnitOfWork]) -> None:
    from salesdesk.domain.model import IndustryFields

    created = reference.create_industry(
        uow(), IndustryFields(code="46.90", name="Оптовая торговля", notes="Сезонность: пик в сентябре")
    )
    with pytest.raises(ValidationError, match="already exists"):
        reference.create_industry(uow(), IndustryFields(code="46.90", name="Ещё одна"))
    reference.update_industry(
        uow(), created.id, 1, IndustryFields(code="46.90", name="Оптовая торговля", notes="Пик в сентябре и марте")
    )
    found = reference.find_industry(uow(), "оптовая ТОРГОВЛЯ")
    assert (found.id, found.notes, found.version) == (created.id, "Пик в сентябре и марте", 2)
    reference.trash_industry(uow(), created.id)
    assert created.id not in [i.id for i in reference.list_industries(uow())]
    reference.restore_industry(uow(), created.id)
    assert created.id in [i.id for i in reference.list_industries(uow())]


def test_several_clients_go_to_the_trash_and_back_in_one_transaction(uow: Callable[[], UnitOfWork]) -> None:
    ids = [clients.create_client(uow(), ClientFields(name=name)).id for name in ("ООО «А»", "ООО «Б»")]
    with pytest.raises(NotFoundError):
        clients.trash_clients(uow(), [*ids, 999_999])  # one is gone: none moves
    assert {r.id for r in clients.list_clients(uow()).rows} == set(ids)
    clients.trash_clients(uow(), ids)
    assert clients.list_clients(uow()).rows == ()
    clients.restore_clients(uow(), ids)
    assert {r.id for r in clients.list_clients(uow()).rows} == set(ids)


def test_many_tags_together_longer_than_the_column_are_refused_in_words(uow: Callable[[], UnitOfWork]) -> None:
    """Each tag may have 50 characters, the column holds 1,000 of them together: SQLite stored more
    silently, a server refused it as an internal error, and such a base could not move up (review)."""
    tags = tuple(f"Тег номер {i} с длинным описанием выставки" for i in range(30))
    with pytest.raises(ValidationError) as refused:
        clients.create_client(uow(), ClientFields(name="ООО «Теги»", tags=tags))
    assert [str(p) for p in refused.value.problems] == ["Tags: at most 1,000 characters"]
    fitting = tags[:20]  # 20 × ~42 + separators: under 1,000
    ident = clients.create_client(uow(), ClientFields(name="ООО «Теги»", tags=fitting)).id
    assert clients.get_client(uow(), ident).tags == fitting
