"""The rules a client card, a contact, a deal and an industry must satisfy before they are saved.

Also the value types the rules lean on: ``Money`` (deal amounts) and ``age_on`` (birth dates).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain import messages
from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.model import (
    ClientFields,
    ClientKind,
    ContactFields,
    DealFields,
    DealStage,
    IndustryFields,
    ManagerFields,
    Money,
    ReminderFields,
    age_on,
)
from salesdesk.domain.validation import (
    LIMITS,
    clean_client,
    client_problems,
    require_valid,
    validate_client,
    validate_contact,
    validate_deal,
    validate_industry,
    validate_manager,
    validate_reminder,
)

TODAY = date(2024, 5, 10)
SBER = ClientFields(
    name="ПАО Сбербанк",
    full_name="Публичное акционерное общество «Сбербанк России»",
    inn="7707083893",
    kpp="773601001",
    ogrn="1027700132195",
    bik="044525225",
    corr_account="30101810400000000225",
    account="40702810200000012345",
    phone="8 (495) 123-45-67",
    email="info@sberbank.ru",
)
SOLE_TRADER = ClientFields(name="ИП Иванов", kind=ClientKind.SOLE_TRADER, inn="776263190162", ogrn="304770095754380")


@pytest.fixture
def lang() -> Iterator[None]:
    before = messages.language()
    yield
    messages.set_language(before)


def problems_of(fields: ClientFields) -> dict[str, FieldProblem]:
    found = client_problems(clean_client(fields))
    by_field = {p.field: p for p in found}
    assert len(by_field) == len(found), "one problem per field is what the editor can show"
    return by_field


def rendered(problem: FieldProblem, language: str) -> str:
    return problem.message.render(language)


# Clients: kind rules -----------------------------------------------------------------------------


def test_complete_legal_entity_and_sole_trader_have_no_problems() -> None:
    assert problems_of(SBER) == {}
    assert problems_of(SOLE_TRADER) == {}
    assert problems_of(ClientFields(name="Иванов И. И.", kind=ClientKind.PERSON, inn="501057927324")) == {}


def test_legal_entity_with_a_12_digit_inn_is_refused(lang: None) -> None:
    problem = problems_of(dataclasses.replace(SBER, inn="776263190162"))["inn"]
    assert problem.blocking
    assert rendered(problem, "ru") == "ИНН 776263190162: у организации ИНН из 10 цифр"
    assert rendered(problem, "en") == "INN 776263190162: a company has a 10-digit INN"


@pytest.mark.parametrize("kind", [ClientKind.SOLE_TRADER, ClientKind.PERSON])
def test_sole_trader_and_person_with_a_10_digit_inn_are_refused(kind: ClientKind) -> None:
    problem = problems_of(ClientFields(name="x", kind=kind, inn="7707083893"))["inn"]
    assert problem.blocking
    assert "12" in rendered(problem, "ru")


@pytest.mark.parametrize(("kind", "ru_label"), [(ClientKind.SOLE_TRADER, "ИП"), (ClientKind.PERSON, "Физлицо")])
def test_kpp_is_refused_for_anyone_but_a_company(kind: ClientKind, ru_label: str) -> None:
    problem = problems_of(ClientFields(name="x", kind=kind, kpp="773601001"))["kpp"]
    assert problem.blocking
    assert rendered(problem, "ru") == f"КПП: не заполняется для вида «{ru_label}»"


def test_person_with_ogrn_is_refused(lang: None) -> None:
    problem = problems_of(ClientFields(name="x", kind=ClientKind.PERSON, ogrn="304770095754380"))["ogrn"]
    assert problem.blocking
    assert rendered(problem, "ru") == "ОГРН: не заполняется для вида «Физлицо»"
    assert rendered(problem, "en") == "OGRN: does not apply to a Private person"


def test_legal_entity_with_an_ogrnip_is_told_it_needs_an_ogrn() -> None:
    problem = problems_of(dataclasses.replace(SBER, ogrn="304770095754380"))["ogrn"]
    assert problem.blocking
    assert rendered(problem, "ru") == "ОГРНИП 304770095754380: у организации указывается ОГРН"
    assert rendered(problem, "en") == "OGRNIP 304770095754380: a company has an OGRN"


def test_sole_trader_with_an_ogrn_is_told_it_needs_an_ogrnip() -> None:
    problem = problems_of(dataclasses.replace(SOLE_TRADER, ogrn="1027700132195"))["ogrn"]
    assert problem.blocking
    assert rendered(problem, "ru") == "ОГРН 1027700132195: у ИП указывается ОГРНИП"


def test_wrong_ogrn_of_the_right_length_gets_the_check_digit_message() -> None:
    problem = problems_of(dataclasses.replace(SBER, ogrn="1027700132196"))["ogrn"]
    assert rendered(problem, "ru") == "ОГРН 1027700132196: неверная контрольная цифра"
    problem = problems_of(dataclasses.replace(SOLE_TRADER, ogrn="304770095754381"))["ogrn"]
    assert rendered(problem, "ru") == "ОГРНИП 304770095754381: неверная контрольная цифра"


def test_wrong_settlement_account_is_blocking_and_treasury_bik_only_warns() -> None:
    assert problems_of(dataclasses.replace(SBER, account="40702810300000012345"))["account"].blocking
    cleaned, warnings = validate_client(dataclasses.replace(SBER, bik="024501901", account="", corr_account=""))
    assert [w.field for w in warnings] == ["bik"]
    assert not warnings[0].blocking


# Clients: cleaning -------------------------------------------------------------------------------


def test_clean_client_trims_what_people_paste_from_excel_and_1c() -> None:
    cleaned = clean_client(
        ClientFields(
            name="\u00a0ООО\u00a0\u00a0«Ромашка» ",
            city=" Москва\u00a0",
            inn=" 7707\u00a0083-893 ",
            kpp="7736ab001",
            ogrn="1027-7001-32195",
            bik="０４４５２５２２５",
            phone="\u00a08 (495) 123-45-67\u00a0",
            email=" info@romashka.ru\u00a0",
            tags=("VIP", " vip ", "\u00a0", "Опт", "опт\u00a0"),
            notes="\n  строка 1\n  строка 2  \n",
        )
    )
    assert cleaned.name == "ООО «Ромашка»"
    assert cleaned.city == "Москва"
    assert cleaned.inn == "7707083893"
    assert cleaned.kpp == "7736AB001"
    assert cleaned.ogrn == "1027700132195"
    assert cleaned.bik == "044525225"
    assert cleaned.phone == "8 (495) 123-45-67"
    assert cleaned.email == "info@romashka.ru"
    assert cleaned.tags == ("VIP", "Опт")
    assert cleaned.notes == "строка 1\n  строка 2"
    assert client_problems(cleaned) == []


def test_cyrillic_letters_in_kpp_are_reported_after_cleaning(lang: None) -> None:
    problem = problems_of(dataclasses.replace(SBER, kpp="7736аб001"))["kpp"]
    assert rendered(problem, "ru") == "КПП «7736АБ001»: в 5–6 позициях русские буквы, нужны латинские"


@pytest.mark.parametrize("name", ["", "   ", "\u00a0\u00a0", "\t\n"])
def test_name_is_required(lang: None, name: str) -> None:
    problem = problems_of(ClientFields(name=name))["name"]
    assert problem.blocking
    assert rendered(problem, "ru") == "Название: обязательное поле"
    assert rendered(problem, "en") == "Name: required"


@pytest.mark.parametrize(
    "field", ["name", "full_name", "legal_address", "postal_address", "city", "bank_name", "source", "notes"]
)
def test_text_fields_have_a_length_limit(field: str) -> None:
    limit = LIMITS[field]
    base = ClientFields(name="x")
    assert field not in problems_of(dataclasses.replace(base, **{field: "я" * limit}))
    problem = problems_of(dataclasses.replace(base, **{field: "я" * (limit + 1)}))[field]
    assert problem.blocking
    assert f"не длиннее {limit:,} символов".replace(",", "\u00a0") in rendered(problem, "ru")  # grouped: 20 000


def test_a_tag_longer_than_the_limit_is_refused() -> None:
    assert "tags" not in problems_of(ClientFields(name="x", tags=("я" * LIMITS["tag"],)))
    assert problems_of(ClientFields(name="x", tags=("я" * (LIMITS["tag"] + 1),)))["tags"].blocking


def test_validate_client_raises_with_every_blocking_field_and_a_readable_message(lang: None) -> None:
    messages.set_language("ru")
    bad = ClientFields(name=" ", inn="7707083894", phone="123-45-67", email="ivan", kpp="7736АБ001")
    with pytest.raises(ValidationError) as caught:
        validate_client(bad)
    assert caught.value.fields() == {"name", "inn", "phone", "email", "kpp"}
    text = str(caught.value)
    assert "Название: обязательное поле" in text
    assert "ИНН 7707083894: неверная контрольная цифра" in text


def test_validate_client_returns_the_cleaned_card_and_its_warnings() -> None:
    cleaned, warnings = validate_client(dataclasses.replace(SBER, name=" ПАО  Сбербанк ", phone="+7 727 250 00 00"))
    assert cleaned.name == "ПАО Сбербанк"
    assert [(w.field, w.blocking) for w in warnings] == [("phone", False)]


def test_require_valid_passes_warnings_through_and_raises_on_blocking() -> None:
    warning = FieldProblem("bik", messages.msg("warn.bik_unusual", value="054525225"), blocking=False)
    assert require_valid([warning]) == [warning]
    blocking = FieldProblem("name", messages.msg("err.required", field=messages.msg("field.name")))
    with pytest.raises(ValidationError) as caught:
        require_valid([warning, blocking])
    assert caught.value.problems == (blocking,)


# Contacts ----------------------------------------------------------------------------------------


def test_contact_is_cleaned_and_empty_phones_and_emails_are_dropped() -> None:
    cleaned, warnings = validate_contact(
        ContactFields(
            full_name=" Иванов\u00a0 Иван ",
            position=" директор ",
            phones=("8 495 123 45 67", " ", "\u00a0"),
            emails=(" ivan@romashka.ru ", ""),
        ),
        TODAY,
    )
    assert cleaned.full_name == "Иванов Иван"
    assert cleaned.position == "директор"
    assert cleaned.phones == ("8 495 123 45 67",)
    assert cleaned.emails == ("ivan@romashka.ru",)
    assert warnings == []


def test_birth_date_in_the_future_is_refused(lang: None) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_contact(ContactFields(full_name="Иванов", birth_date=date(2024, 5, 11)), TODAY)
    assert caught.value.fields() == {"birth_date"}
    messages.set_language("ru")
    assert str(caught.value) == "Дата рождения 2024-05-11: дата рождения в будущем"


def test_birth_date_today_and_long_ago_but_plausible_are_accepted() -> None:
    validate_contact(ContactFields(full_name="Иванов", birth_date=TODAY), TODAY)
    validate_contact(ContactFields(full_name="Иванов", birth_date=date(1900, 1, 1)), TODAY)
    with pytest.raises(ValidationError):
        validate_contact(ContactFields(full_name="Иванов", birth_date=date(1899, 12, 31)), TODAY)


def test_contact_needs_a_name() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_contact(ContactFields(full_name="  ", position="директор"), TODAY)
    assert caught.value.fields() == {"full_name"}
    assert caught.value.problems[0].message.render("ru") == "ФИО: обязательное поле"


def test_contact_phone_rules() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_contact(ContactFields(full_name="Иванов", phones=("8 495 123 45 67", "123-45-67")), TODAY)
    assert caught.value.fields() == {"phones"}
    assert "123-45-67" in caught.value.problems[0].message.render("ru")
    _, warnings = validate_contact(ContactFields(full_name="Иванов", phones=("+7 727 250 00 00",)), TODAY)
    assert [(w.field, w.blocking) for w in warnings] == [("phones", False)]


def test_contact_email_rules() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_contact(ContactFields(full_name="Иванов", emails=("ivan",)), TODAY)
    assert caught.value.fields() == {"emails"}


def test_contact_name_and_note_length_limits() -> None:
    with pytest.raises(ValidationError):
        validate_contact(ContactFields(full_name="я" * (LIMITS["name"] + 1)), TODAY)
    with pytest.raises(ValidationError):
        validate_contact(ContactFields(full_name="Иванов", note="я" * (LIMITS["note"] + 1)), TODAY)
    validate_contact(ContactFields(full_name="я" * LIMITS["name"], note="я" * LIMITS["note"]), TODAY)


# Deals -------------------------------------------------------------------------------------------


def deal(**changes: object) -> DealFields:
    base = DealFields(title="Поставка бумаги", amount=Money.of("150000"), opened_on=date(2024, 1, 10))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_lost_deal_needs_a_reason(lang: None, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(deal(stage=DealStage.LOST, lost_reason=reason))
    assert caught.value.fields() == {"lost_reason"}
    messages.set_language("ru")
    assert str(caught.value) == "Причина проигрыша: обязательное поле"


def test_a_lost_deal_with_a_reason_and_a_won_deal_without_one_are_fine() -> None:
    assert validate_deal(deal(stage=DealStage.LOST, lost_reason="  дорого ")).lost_reason == "дорого"
    assert validate_deal(deal(stage=DealStage.WON, closed_on=date(2024, 2, 1))).stage is DealStage.WON


def test_negative_amount_is_refused_and_zero_is_allowed() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(deal(amount=Money.of("-0.01")))
    assert caught.value.fields() == {"amount"}
    assert validate_deal(deal(amount=Money.of(0))).amount == Money.of("0.00")


def test_deal_title_currency_and_dates() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(deal(title="  ", amount=Money.of(1, "RUBL"), closed_on=date(2024, 1, 9)))
    assert caught.value.fields() == {"title", "currency", "closed_on"}
    assert validate_deal(deal(title="  Поставка\u00a0 бумаги ")).title == "Поставка бумаги"
    won = deal(stage=DealStage.WON, closed_on=date(2024, 1, 10))  # a closing date belongs to a closed deal
    assert validate_deal(won).closed_on == date(2024, 1, 10)


def test_a_deal_closed_before_it_opened_says_so(lang: None) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(deal(stage=DealStage.WON, opened_on=date(2026, 11, 29), closed_on=date(2026, 11, 20)))
    assert caught.value.fields() == {"closed_on"}
    messages.set_language("en")
    assert "20.11.2026: before the deal was opened (29.11.2026)" in str(caught.value)
    messages.set_language("ru")
    assert "20.11.2026: раньше даты открытия сделки (29.11.2026)" in str(caught.value)


def test_not_a_number_amount_is_a_validation_error_not_a_crash() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(deal(amount=Money.of("NaN")))
    assert caught.value.fields() == {"amount"}


def test_currency_must_be_a_latin_iso_code() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(deal(amount=Money(Decimal("1.00"), "РУБ")))
    assert caught.value.fields() == {"currency"}


# Industries, managers, reminders -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "stored"),
    [
        ("F", "F"),
        ("f", "F"),
        ("46.90", "46.90"),
        (" 46.90 ", "46.90"),
        ("46", "46"),
        ("01.11.1", "01.11.1"),
        ("46.90.12", "46.90.12"),
        ("", ""),
    ],
)
def test_okved_codes_that_are_accepted(code: str, stored: str) -> None:
    assert validate_industry(IndustryFields(code=code, name="Торговля")).code == stored


@pytest.mark.parametrize("code", ["ZZ", "V", "4", "46.", "46..9", "A1", "46.900", "46,90"])
def test_okved_codes_that_are_refused(lang: None, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_industry(IndustryFields(code=code, name="Торговля"))
    assert caught.value.fields() == {"code"}
    messages.set_language("ru")
    assert str(caught.value).startswith("Код ОКВЭД: недопустимое значение «")


def test_industry_needs_a_name() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_industry(IndustryFields(code="F", name="\u00a0"))
    assert caught.value.problems[0].message.render("ru") == "Название отрасли: обязательное поле"


def test_manager_rules() -> None:
    assert validate_manager(ManagerFields(name=" Петров\u00a0 П. ", email=" p@romashka.ru ")) == ManagerFields(
        name="Петров П.", email="p@romashka.ru"
    )
    with pytest.raises(ValidationError) as caught:
        validate_manager(ManagerFields(name="", email="bad"))
    assert caught.value.fields() == {"name", "email"}


def test_reminder_needs_a_text_within_the_limit() -> None:
    due = datetime(2024, 6, 1, 9, tzinfo=UTC)
    assert validate_reminder(ReminderFields(due_at=due, text="  позвонить ")).text == "позвонить"
    for text in ("  ", "я" * (LIMITS["text"] + 1)):
        with pytest.raises(ValidationError) as caught:
            validate_reminder(ReminderFields(due_at=due, text=text))
        assert caught.value.fields() == {"text"}


# Money -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        ("100", "100.00"),
        (100, "100.00"),
        ("1234.5", "1234.50"),
        (Decimal("99.999"), "100.00"),
        ("1e3", "1000.00"),
        ("0.004", "0.00"),
        ("1234567890123.456", "1234567890123.46"),
    ],
)
def test_money_of_keeps_two_places_as_decimal(value: object, amount: str) -> None:
    money = Money.of(value)  # type: ignore[arg-type]
    assert isinstance(money.amount, Decimal)
    assert str(money.amount) == amount
    assert money.currency == "RUB"


def test_money_of_upper_cases_the_currency() -> None:
    assert Money.of("1", "usd") == Money(Decimal("1.00"), "USD")


@pytest.mark.parametrize(("value", "amount"), [("1.005", "1.01"), ("0.125", "0.13"), ("-0.125", "-0.13")])
def test_money_of_rounds_half_a_kopeck_up(value: str, amount: str) -> None:
    assert Money.of(value).amount == Decimal(amount)


@given(minor=st.integers(min_value=-(10**15), max_value=10**15))
def test_minor_units_round_trip(minor: int) -> None:
    money = Money.from_minor(minor)
    assert money.minor == minor
    assert Money.of(money.amount) == money
    assert isinstance(money.amount, Decimal)


@given(amount=st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_money_with_two_places_round_trips_through_minor_units(amount: Decimal) -> None:
    money = Money.of(amount)
    assert Money.from_minor(money.minor) == money


def test_minor_units_of_an_amount_with_more_places_round_first() -> None:
    assert Money(Decimal("1.999")).minor == 200
    assert Money.from_minor(12345).amount == Decimal("123.45")


def test_from_minor_and_of_agree_on_the_currency() -> None:
    assert Money.from_minor(12345, "usd") == Money.of("123.45", "usd")


# age_on ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1980, 5, 10), date(2024, 5, 9), 43),
        (date(1980, 5, 10), date(2024, 5, 10), 44),
        (date(2000, 2, 29), date(2001, 2, 28), 0),
        (date(2000, 2, 29), date(2001, 3, 1), 1),
        (date(2000, 2, 29), date(2004, 2, 28), 3),
        (date(2000, 2, 29), date(2004, 2, 29), 4),
        (date(1999, 12, 31), date(2000, 1, 1), 0),
    ],
)
def test_age_on(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_age_of_an_unknown_birth_date_is_unknown() -> None:
    assert age_on(None, TODAY) is None
