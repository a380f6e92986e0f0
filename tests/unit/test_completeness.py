"""How complete a client card is, and the values derived from a card for lists and search."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain import messages
from salesdesk.domain.completeness import ITEMS, WEIGHTS, Completeness, completeness
from salesdesk.domain.derived import derive
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields

DIRECTOR = ContactFields(full_name="Иванов Иван", position="Генеральный директор")
FULL_LEGAL = ClientFields(
    name="ООО «Ромашка»",
    full_name="Общество с ограниченной ответственностью «Ромашка»",
    inn="7707083893",
    kpp="773601001",
    ogrn="1027700132195",
    legal_address="123456, г. Москва, ул. Ленина, д. 1",
    postal_address="123456, г. Москва, а/я 10",
    industry_id=1,
    phone="8 (495) 123-45-67",
    email="info@romashka.ru",
    owner_id=1,
)
WEIGHT = {item: weight for item, weight, _ in WEIGHTS}
LEGAL_TOTAL = sum(weight for _, weight, kinds in WEIGHTS if ClientKind.LEGAL in kinds)


def expected_legal_score(missing: tuple[str, ...]) -> int:
    """The score is the share of the applicable weight that is present, in whole per cent."""
    return round(100 * (LEGAL_TOTAL - sum(WEIGHT[item] for item in missing)) / LEGAL_TOTAL)


def test_every_item_is_a_field_the_editor_can_label() -> None:
    for item in ITEMS:
        assert messages.has(f"field.{item}"), item


def test_full_legal_card_scores_100_with_nothing_missing() -> None:
    result = completeness(FULL_LEGAL, [DIRECTOR])
    assert result.score == 100
    assert result.missing == ()


def test_empty_card_scores_0_and_lists_missing_items_heaviest_first() -> None:
    result = completeness(ClientFields(name="ООО «Ромашка»"))
    assert result.score == 0
    assert set(result.missing) == set(ITEMS)
    weights = [WEIGHT[item] for item in result.missing]
    assert weights == sorted(weights, reverse=True)
    assert set(result.missing[:3]) == {"inn", "contact_position", "phone"}


def test_person_card_ignores_company_only_items() -> None:
    person = ClientFields(
        name="Петров П.",
        kind=ClientKind.PERSON,
        phone="+7 916 123-45-67",
        email="p@mail.ru",
        postal_address="Москва",
        industry_id=1,
        owner_id=1,
    )
    result = completeness(person)
    assert result.score == 100
    assert result.missing == ()
    for item in ("inn", "kpp", "ogrn", "full_name", "legal_address", "contact_position"):
        assert item not in completeness(ClientFields(name="x", kind=ClientKind.PERSON)).missing


def test_person_score_is_not_raised_by_company_requisites() -> None:
    bare = completeness(ClientFields(name="x", kind=ClientKind.PERSON))
    with_requisites = completeness(
        ClientFields(name="x", kind=ClientKind.PERSON, kpp="773601001", ogrn="1027700132195")
    )
    assert with_requisites == bare


def test_sole_trader_has_no_kpp_item() -> None:
    trader = ClientFields(
        name="ИП Иванов",
        kind=ClientKind.SOLE_TRADER,
        full_name="ИП Иванов Иван Иванович",
        inn="776263190162",
        ogrn="304770095754380",
        legal_address="г. Москва",
        industry_id=1,
        phone="8 916 123 45 67",
        email="i@mail.ru",
        owner_id=1,
    )
    assert completeness(trader, [DIRECTOR]) == Completeness(100, ())
    assert "kpp" not in completeness(ClientFields(name="x", kind=ClientKind.SOLE_TRADER)).missing


def test_a_contact_counts_only_with_a_name_and_a_position() -> None:
    card = FULL_LEGAL
    assert completeness(card, [DIRECTOR]).score == 100
    assert completeness(card, []).missing == ("contact_position",)
    assert completeness(card, [ContactFields(full_name="Иванов")]).missing == ("contact_position",)
    assert completeness(card, [ContactFields(full_name=" ", position="директор")]).missing == ("contact_position",)
    assert completeness(card, [ContactFields(full_name="Иванов"), DIRECTOR]).missing == ()


def test_an_invalid_phone_does_not_count_but_a_contacts_valid_phone_does() -> None:
    card = dataclasses.replace(FULL_LEGAL, phone="123-45-67")
    assert "phone" in completeness(card, [DIRECTOR]).missing
    contact = dataclasses.replace(DIRECTOR, phones=("+7 916 123-45-67",))
    assert "phone" not in completeness(card, [contact]).missing


def test_an_invalid_email_does_not_count_but_a_contacts_valid_email_does() -> None:
    card = dataclasses.replace(FULL_LEGAL, email="info@")
    assert "email" in completeness(card, [DIRECTOR]).missing
    contact = dataclasses.replace(DIRECTOR, emails=("ivanov@romashka.ru",))
    assert "email" not in completeness(card, [contact]).missing


@pytest.mark.parametrize(("field", "value"), [("inn", "7707083894"), ("kpp", "7736АБ001")])
def test_a_wrong_requisite_does_not_count(field: str, value: str) -> None:
    card = dataclasses.replace(FULL_LEGAL, **{field: value})
    result = completeness(card, [DIRECTOR])
    assert result.missing == (field,)
    assert 0 < result.score == expected_legal_score((field,)) < 100


@pytest.mark.parametrize(
    ("kind", "ogrn"),
    [
        (ClientKind.LEGAL, "123"),
        (ClientKind.LEGAL, "1027700132196"),
        (ClientKind.LEGAL, "304770095754380"),
        (ClientKind.SOLE_TRADER, "1027700132195"),
    ],
)
def test_a_wrong_ogrn_does_not_count(kind: ClientKind, ogrn: str) -> None:
    assert "ogrn" in completeness(ClientFields(name="x", kind=kind, ogrn=ogrn)).missing


@pytest.mark.parametrize(("kind", "inn"), [(ClientKind.LEGAL, "776263190162"), (ClientKind.SOLE_TRADER, "7707083893")])
def test_an_inn_of_the_wrong_kind_does_not_count(kind: ClientKind, inn: str) -> None:
    assert "inn" in completeness(ClientFields(name="x", kind=kind, inn=inn)).missing


def test_the_postal_address_is_not_scored_the_legal_one_is() -> None:
    card = dataclasses.replace(FULL_LEGAL, postal_address="")
    assert completeness(card, [DIRECTOR]).score == 100
    card = dataclasses.replace(FULL_LEGAL, postal_address="", legal_address="  ")
    assert set(completeness(card, [DIRECTOR]).missing) == {"legal_address"}


def test_whitespace_only_text_does_not_count() -> None:
    card = dataclasses.replace(FULL_LEGAL, full_name="   ")
    assert completeness(card, [DIRECTOR]).missing == ("full_name",)


items = st.sets(
    st.sampled_from(["inn", "kpp", "ogrn", "full_name", "legal_address", "industry", "phone", "email", "owner"])
)


@given(filled=items, with_contact=st.booleans())
def test_filling_one_more_item_never_lowers_the_score(filled: set[str], with_contact: bool) -> None:
    def card(present: set[str]) -> ClientFields:
        return ClientFields(
            name="x",
            inn=FULL_LEGAL.inn if "inn" in present else "",
            kpp=FULL_LEGAL.kpp if "kpp" in present else "",
            ogrn=FULL_LEGAL.ogrn if "ogrn" in present else "",
            full_name=FULL_LEGAL.full_name if "full_name" in present else "",
            legal_address=FULL_LEGAL.legal_address if "legal_address" in present else "",
            postal_address=FULL_LEGAL.postal_address if "postal_address" in present else "",
            industry_id=1 if "industry" in present else None,
            phone=FULL_LEGAL.phone if "phone" in present else "",
            email=FULL_LEGAL.email if "email" in present else "",
            owner_id=1 if "owner" in present else None,
        )

    contacts = [DIRECTOR] if with_contact else []
    before = completeness(card(filled), contacts)
    assert 0 <= before.score <= 100
    assert before.score == expected_legal_score(before.missing)
    for extra in {"inn", "kpp", "ogrn", "phone", "email", "owner"} - filled:
        after = completeness(card(filled | {extra}), contacts)
        assert after.score > before.score
        assert extra not in after.missing


# derive ------------------------------------------------------------------------------------------


def test_derive_fills_list_and_search_columns() -> None:
    derived = derive(
        dataclasses.replace(FULL_LEGAL, email=" Info@Romashka.RU ", tags=("VIP", "vip", "Ёлки")), [DIRECTOR]
    )
    assert derived.phone_e164 == "+74951234567"
    assert derived.email_norm == "info@romashka.ru"
    assert derived.city == "Москва"
    assert derived.sort_key == "ромашка"
    assert derived.completeness == 100
    assert derived.missing == ()
    assert derived.tags_norm == ("vip", "елки")
    assert "ромашка" in derived.search_name.split()
    assert "иванов" in derived.search_other.split()
    assert "4951234567" in derived.search_other.split()


def test_derive_stores_no_e164_for_an_invalid_phone_and_nothing_for_empty_fields() -> None:
    derived = derive(ClientFields(name="x", phone="123-45-67"))
    assert derived.phone_e164 is None
    assert derived.email_norm is None
    assert derived.city == ""
    assert derive(ClientFields(name="x")).phone_e164 is None


def test_derive_prefers_the_typed_city_then_legal_then_postal_address() -> None:
    assert derive(ClientFields(name="x", city="Химки", legal_address="г. Москва")).city == "Химки"
    assert derive(ClientFields(name="x", legal_address="ул. Ленина", postal_address="г. Тула, а/я 1")).city == "Тула"
