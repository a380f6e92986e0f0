"""Phone numbers (docs/phones_and_search.md) and e-mail addresses as the card editor and the search see them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain import messages
from salesdesk.domain.emails import check_email, normalize_email
from salesdesk.domain.phones import check_phone, parse_phone, query_digits, search_forms


@pytest.fixture
def lang() -> Iterator[None]:
    before = messages.language()
    yield
    messages.set_language(before)


MOSCOW_FORMS = [
    "8 (495) 123-45-67",
    "+7 495 1234567",
    "84951234567",
    "495 123 45 67",
    "８ (４９５) １２３-４５-６７",  # full-width digits and brackets, pasted from a PDF
    "+7(495)123-45-67",
    "7 495 123 45 67",
    " 8 495 123 45 67\u00a0",
]


@pytest.mark.parametrize("raw", MOSCOW_FORMS)
def test_common_ways_of_writing_a_moscow_number_give_one_e164(raw: str) -> None:
    phone = parse_phone(raw)
    assert phone.valid
    assert phone.e164 == "+74951234567"
    assert phone.region == "RU"
    assert phone.raw == raw  # what the user typed is kept as typed
    assert check_phone(raw) is None


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("8 916 123 45 67", "+79161234567"),
        ("+7 916 123-45-67", "+79161234567"),
        ("8 800 555 35 35", "+78005553535"),
        ("8(800)2000600", "+78002000600"),
    ],
)
def test_mobile_and_toll_free_numbers(raw: str, e164: str) -> None:
    assert parse_phone(raw).e164 == e164
    assert check_phone(raw) is None


@pytest.mark.parametrize(
    ("raw", "extension"),
    [
        ("+7 495 123-45-67 доб. 123", "123"),
        ("8 495 1234567 доб 123", "123"),
        ("8 (495) 123-45-67доб.123", "123"),
        ("8 (495) 123-45-67, доб. 123", "123"),
        ("8 495 123 45 67 ДОБ 5", "5"),
        ("8(495)123-45-67 добавочный 7", "7"),
        ("+7 (495) 123-45-67 вн. 45", "45"),
        ("+7 495 123 45 67 ext. 12", "12"),
        ("+7 (495) 123 45 67 x123", "123"),
        ("+7 (495) 1234567\u00a0доб. 2", "2"),
    ],
)
def test_extension_is_split_off_and_the_number_stays_valid(raw: str, extension: str) -> None:
    phone = parse_phone(raw)
    assert phone.e164 == "+74951234567"
    assert phone.extension == extension
    assert check_phone(raw) is None


def test_extension_in_brackets_is_accepted_like_parse_phone_accepts_it() -> None:
    raw = "8-495-123-45-67 (доб. 123)"
    phone = parse_phone(raw)
    assert phone.e164 == "+74951234567" and phone.extension == "123"
    assert check_phone(raw) is None


def test_kazakhstan_number_is_valid_with_a_non_blocking_warning(lang: None) -> None:
    phone = parse_phone("+7 727 250 00 00")
    assert phone.valid and phone.e164 == "+77272500000"
    assert phone.region == "KZ"
    problem = check_phone("+7 727 250 00 00")
    assert problem is not None and not problem.blocking
    messages.set_language("ru")
    assert str(problem) == "Телефон «+7 727 250 00 00»: номер не российский (KZ)"


def test_kazakhstan_number_written_with_8_also_warns() -> None:
    problem = check_phone("8 (727) 250 00 00")
    assert problem is not None and not problem.blocking
    assert problem.message.key == "warn.phone_foreign"


def test_plus_8_typo_gives_the_non_blocking_plus_8_warning(lang: None) -> None:
    problem = check_phone("+8 495 123 45 67")
    assert problem is not None and not problem.blocking
    messages.set_language("ru")
    assert "+8 — это не Россия" in str(problem)
    messages.set_language("en")
    assert "+8 is not Russia" in str(problem)


def test_plus_8_typo_in_full_width_characters_gives_the_same_warning() -> None:
    problem = check_phone("＋８ ４９５ １２３ ４５ ６７")
    assert problem is not None and not problem.blocking
    assert problem.message.key == "warn.phone_plus8"


def test_foreign_number_warns_with_its_region() -> None:
    problem = check_phone("+375 29 123 45 67")
    assert problem is not None and not problem.blocking
    assert problem.message.params["region"] == "BY"


@pytest.mark.parametrize("raw", ["123-45-67", "+7 495 123 45 6", "+7 495 123 45 678", "+74951234567;+74951234568"])
def test_number_without_area_code_or_of_wrong_length_is_blocking(lang: None, raw: str) -> None:
    assert not parse_phone(raw).valid
    assert parse_phone(raw).e164 is None
    problem = check_phone(raw)
    assert problem is not None and problem.blocking
    messages.set_language("ru")
    assert "нужен код города или оператора" in str(problem)


@pytest.mark.parametrize(
    "raw", ["8 495 ABC 45 67", "телефон 8 495 123 45 67", "8 495 123 45 67 x", "+7 495 123 45 67 доб."]
)
def test_letters_in_a_phone_are_blocking(lang: None, raw: str) -> None:
    problem = check_phone(raw)
    assert problem is not None and problem.blocking
    messages.set_language("en")
    assert "letters in a phone number" in str(problem)


def test_empty_phone_is_not_valid_and_has_no_search_forms() -> None:
    assert not parse_phone("").valid
    assert not parse_phone("   ").valid
    assert search_forms("") == []


@given(st.text(max_size=40))
@settings(deadline=None)
def test_parse_phone_never_raises_and_e164_is_plus_digits(raw: str) -> None:
    phone = parse_phone(raw)
    assert phone.raw == raw
    if phone.e164 is not None:
        assert phone.e164.startswith("+") and phone.e164[1:].isdigit()


# Search forms ------------------------------------------------------------------------------------


def found(query: str, stored: str) -> bool:
    """The search index matches query terms as prefixes of stored words."""
    term = query_digits(query)
    assert term is not None, query
    return any(form.startswith(term) for form in search_forms(stored))


def test_search_forms_of_a_moscow_number() -> None:
    forms = search_forms("8 (495) 123-45-67")
    for form in ("84951234567", "74951234567", "4951234567", "1234567"):
        assert form in forms
    assert len(forms) == len(set(forms))
    assert all(form.isdigit() for form in forms)


@pytest.mark.parametrize("stored", MOSCOW_FORMS)
@pytest.mark.parametrize(
    "query",
    [
        "4951234567",
        "8 495 123 45 67",
        "+7(495)123-45-67",
        "+7 495 1234567",
        "84951234567",
        "74951234567",
        "123-45-67",
        "(495) 123",
    ],
)
def test_a_number_typed_in_any_common_format_finds_the_stored_number(stored: str, query: str) -> None:
    assert found(query, stored)


def test_a_different_number_is_not_found() -> None:
    assert not found("8 495 765 43 21", "8 (495) 123-45-67")
    assert not found("8 916 123 45 67", "8 (495) 123-45-67")


@pytest.mark.parametrize("query", ["8 495 123", "8 (495)", "8495"])
def test_a_partly_typed_number_starting_with_8_finds_a_number_stored_with_plus_7(query: str) -> None:
    assert found(query, "+7 495 123-45-67")


@pytest.mark.parametrize(
    ("query", "digits"),
    [
        ("4951234567", "4951234567"),
        ("8 495 123 45 67", "84951234567"),
        ("+7(495)123-45-67", "74951234567"),
        ("89161234567", "89161234567"),
        ("123-45-67", "1234567"),
        ("８４９５", "8495"),
        ("(495)", "495"),
    ],
)
def test_query_digits_of_phone_like_queries(query: str, digits: str) -> None:
    assert query_digits(query) == digits


@pytest.mark.parametrize("query", ["ромашка", "ООО 123", "ivan@mail.ru", "", "   ", "+", "12/34", "№ 5"])
def test_query_digits_refuses_queries_that_are_not_phone_numbers(query: str) -> None:
    assert query_digits(query) is None


# E-mails -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "ivan@romashka.ru",
        " Ivan.Petrov@Romashka.RU ",
        "ivan@почта.рф",
        "иван@почта.рф",
        "i.petrov+crm@mail.ru",
        "ivan@romashka.ru\u00a0",
    ],
)
def test_valid_addresses(address: str) -> None:
    assert check_email(address) is None


@pytest.mark.parametrize(
    ("address", "ru_reason", "en_reason"),
    [
        ("ivanromashka.ru", "нет знака @", "there is no @ sign"),
        ("ivan@", "после @ нет домена", "there is no domain after the @"),
        ("ivan @romashka.ru", "в адресе пробел", "the address contains a space"),
        ("ivan@romashka", "неверный домен", "the domain is not valid"),
        ("ivan@-romashka.ru", "неверный домен", "the domain is not valid"),
        ("ivan..petrov@romashka.ru", "неверный адрес", "not a valid address"),
        ("@romashka.ru", "неверный адрес", "not a valid address"),
    ],
)
def test_invalid_addresses_give_the_reason_in_the_users_language(
    lang: None, address: str, ru_reason: str, en_reason: str
) -> None:
    problem = check_email(address, "emails")
    assert problem is not None and problem.blocking
    assert problem.field == "emails"
    messages.set_language("ru")
    assert str(problem) == f"E-mail «{address.strip()}»: {ru_reason}"
    messages.set_language("en")
    assert str(problem) == f"E-mail “{address.strip()}”: {en_reason}"


def test_normalised_email_matches_duplicates_typed_differently() -> None:
    assert normalize_email(" Ivan.Petrov@Romashka.RU ") == "ivan.petrov@romashka.ru"
    assert normalize_email("IVAN@ПОЧТА.РФ") == normalize_email("ivan@почта.рф")
    assert normalize_email("ivan@romashka.ru") != normalize_email("ivan@romashka.com")
