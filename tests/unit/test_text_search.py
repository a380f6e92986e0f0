"""Folding, sorting and search terms (docs/phones_and_search.md): what a Russian user types must find what is stored.

The store matches every query term as a prefix of a word of the folded search columns (FTS5
``"term"*``); ``finds`` below models exactly that, so these tests speak about what the user
finds without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.model import ClientFields, ContactFields
from salesdesk.domain.search import SearchQuery, guess_city, parse_query, search_document
from salesdesk.domain.text import (
    clean_notes,
    collapse_spaces,
    digits,
    fold,
    index_words,
    parse_amount,
    search_words,
    sort_key,
    words,
)


def finds(query: str, client: ClientFields, contacts: Iterable[ContactFields] = ()) -> bool:
    document = search_document(client, contacts)
    stored = f"{document.name} {document.other}".split()
    return all(any(word.startswith(term) for word in stored) for term in parse_query(query).terms)


# fold / words / digits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ЁЛКА", "елка"),
        ("Ёлка", "елка"),
        ("елка", "елка"),
        ("ООО «РОМАШКА»", "ооо «ромашка»"),
        ("ＲＯＭＡＳＨＫＡ １２３", "romashka 123"),  # full-width Latin and digits
        ("  Иванов\u00a0 \t Иван\n", "иванов иван"),
        ("Straße", "strasse"),
    ],
)
def test_fold_ignores_case_width_yo_and_spacing(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ ", max_size=30))
def test_fold_is_the_same_for_upper_lower_and_yo_spellings(text: str) -> None:
    assert fold(text.upper()) == fold(text.lower()) == fold(text.replace("ё", "е").replace("Ё", "Е"))
    assert "ё" not in fold(text)
    assert fold(fold(text)) == fold(text)


def test_words_drop_punctuation_and_split_hyphenated_names() -> None:
    assert words("ООО «Ромашка-Плюс», г. Москва; ivan@romashka.ru") == [
        "ооо",
        "ромашка",
        "плюс",
        "г",
        "москва",
        "ivan",
        "romashka",
        "ru",
    ]
    assert words("Иванов-Петров") == ["иванов", "петров"]
    assert words("snake_case") == ["snake", "case"]
    assert words(" -- «» ") == []


def test_digits_keeps_only_digits_including_full_width() -> None:
    assert digits("+7 (495) 123-45-67") == "74951234567"
    assert digits("８ (４９５)") == "8495"
    assert digits("нет цифр") == ""


def test_collapse_spaces_trims_non_breaking_spaces_from_excel() -> None:
    assert collapse_spaces("\u00a0ООО\u00a0\u00a0Ромашка  \t") == "ООО Ромашка"


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("Первый абзац.\r\n\r\nВторой.", "Первый абзац.\n\nВторой."),  # Windows line breaks
        ("строка\rстрока", "строка\nстрока"),  # an old Mac line break, as Excel may keep it
        ("  отступ  сохраняется \n\tи табуляция\n\n", "отступ  сохраняется\n\tи табуляция"),
        ("без переносов", "без переносов"),
    ],
)
def test_clean_notes_keeps_paragraphs_and_unifies_line_breaks(typed: str, kept: str) -> None:
    assert clean_notes(typed) == kept


# sort_key ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "ООО «Ромашка»",
        "Ромашка",
        "«Ромашка»",
        'ЗАО "Ромашка"',
        "ООО  «Ромашка»",
        "ооо, «РОМАШКА»",
        "ООО«Ромашка»",
        "Общество с ограниченной ответственностью «Ромашка»",
        "ПАО „Ромашка“",
    ],
)
def test_sort_key_drops_legal_form_and_quotes(name: str) -> None:
    assert sort_key(name) == "ромашка"


def test_sort_key_of_a_sole_trader_is_the_surname() -> None:
    assert sort_key("ИП Яковлев А.В.") == "яковлев а.в."
    assert sort_key("Индивидуальный предприниматель Ёлкин") == "елкин"


def test_sort_key_keeps_a_name_that_is_only_a_legal_form() -> None:
    assert sort_key("ООО") == "ооо"
    assert sort_key("ИП") == "ип"


def test_sorting_russian_names_puts_yo_among_ye_and_ignores_legal_forms() -> None:
    names = [
        "ООО «Ромашка»",
        "Ёлка",
        "Елена",
        "Жук",
        "Ежевика",
        'ЗАО "Альфа"',
        "ИП Яковлев",
        "Ёж",
        "Яблоко",
        "Евгений",
        "Ёмкость",
        "АО Бета",
        "Дельта",
    ]
    assert sorted(names, key=sort_key) == [
        'ЗАО "Альфа"',
        "АО Бета",
        "Дельта",
        "Евгений",
        "Ёж",
        "Ежевика",
        "Елена",
        "Ёлка",
        "Ёмкость",
        "Жук",
        "ООО «Ромашка»",
        "Яблоко",
        "ИП Яковлев",
    ]


def test_sort_key_orders_cyrillic_letters_alphabetically() -> None:
    alphabet = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
    shuffled = [letter.upper() + "ом" for letter in reversed(alphabet)]
    assert [n[0].lower() for n in sorted(shuffled, key=sort_key)] == list(alphabet)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ООО «Открытое небо»", "открытое небо"),
        ("ООО «С новым годом»", "с новым годом"),
        ("ООО «Общество книголюбов»", "общество книголюбов"),
    ],
)
def test_sort_key_keeps_words_of_the_name_that_happen_to_be_legal_form_words(name: str, key: str) -> None:
    assert sort_key(name) == key


# parse_query -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("ООО Ромашка", ("ромашка",)),
        ("ооо «ромашка»", ("ромашка",)),
        ("ип иванов", ("иванов",)),
        ("ООО", ("ооо",)),  # a query of only a legal form still means something
        ("ЁЛКА", ("елка",)),
        ("Иванов-Петров", ("ивановпетров",)),  # joined; the index holds it joined and in parts
        ("a.b.c", ("abc",)),
        ("Д’Артаньян", ("дартаньян",)),
        ("NEAR(", ("near",)),
        ("AND OR NOT", ("and", "or", "not")),
        ("8 495 123 45 67", ("84951234567",)),
        ("+7(495)123-45-67", ("74951234567",)),
        ("ivan@romashka.ru", ("ivan", "romashka")),  # the top-level domain is left out
    ],
)
def test_parse_query(query: str, terms: tuple[str, ...]) -> None:
    assert parse_query(query).terms == terms


@pytest.mark.parametrize("query", ['"', "*", "'", "«»", "-", "", "   ", "()", "^", ":"])
def test_query_of_only_punctuation_is_empty(query: str) -> None:
    assert parse_query(query) == SearchQuery(())
    assert parse_query(query).empty


@pytest.mark.parametrize(
    "query",
    [
        "Иванов-Петров",
        "a.b",
        '"',
        "*",
        "NEAR(",
        "AND OR NOT",
        'ромашка" OR "1"="1',
        "col:val",
        "foo*",
        "^start",
        "a+b",
        "NEAR(a b, 5)",
        "{x y}: z",
        "ооо «ромашка» -плюс",
    ],
)
def test_hostile_fts_text_gives_only_letter_and_digit_terms(query: str) -> None:
    for term in parse_query(query).terms:
        assert term and term.isalnum(), term


@given(st.text(max_size=40))
def test_any_text_gives_only_folded_letter_and_digit_terms(query: str) -> None:
    for term in parse_query(query).terms:
        assert term, query
        assert term.isalnum(), (query, term)
        assert term == fold(term)


# What a user finds -------------------------------------------------------------------------------

ROMASHKA = ClientFields(
    name="ООО «Ромашка»",
    full_name="Общество с ограниченной ответственностью «Ромашка»",
    inn="7707083893",
    kpp="773601001",
    ogrn="1027700132195",
    city="Москва",
    phone="8 (495) 123-45-67",
    email="info@romashka.ru",
)
CONTACTS = (
    ContactFields(full_name="Ёлкин Пётр Сергеевич", phones=("+7 916 123-45-67",), emails=("p.elkin@romashka.ru",)),
)


@pytest.mark.parametrize(
    "query",
    [
        "ромашка",
        "РОМАШКА",
        "ром",
        "ООО Ромашка",
        "ооо «ромашка»",
        "7707083893",
        "770708",
        "773601001",
        "1027700132195",
        "8 (495) 123-45-67",
        "+7 495 123 45 67",
        "4951234567",
        "123-45-67",
        "москва",
        "info@romashka.ru",
        "елкин",
        "ЁЛКИН",
        "петр",
        "89161234567",
        "+7 (916) 123-45-67",
        "p.elkin",
        "",
        "  ",
    ],
)
def test_a_client_is_found_by_what_a_user_would_type(query: str) -> None:
    assert finds(query, ROMASHKA, CONTACTS)


@pytest.mark.parametrize("query", ["лютик", "ромашка лютик", "7707083894", "8 495 765 43 21", "сидоров"])
def test_a_client_is_not_found_by_something_it_does_not_have(query: str) -> None:
    assert not finds(query, ROMASHKA, CONTACTS)


name_alphabet = st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗЛМНОПРСТЯabcxyzXYZ -.,«»\"'"))


@given(name=st.text(alphabet=name_alphabet, min_size=1, max_size=30))
def test_a_client_is_found_by_typing_its_own_name(name: str) -> None:
    client = ClientFields(name=name)
    assert finds(name, client)
    assert finds(name.upper(), client)
    assert finds(name.replace("ё", "е").replace("Ё", "Е"), client)


# Punctuation inside words: apostrophes, hyphens and dashes, quotes, dots -------------------------

ARTAGNAN = ClientFields(name="ИП д'Артаньян Ш.", full_name="Индивидуальный предприниматель д'Артаньян Шарль")
DOUBLE = ContactFields(full_name="Иванов-Петров Сергей Юрьевич", emails=("s.ivanov-petrov@mail.ru",))


@pytest.mark.parametrize(
    "query",
    [
        "дартаньян",
        "д'артаньян",
        "Д’Артаньян",
        "Дʼартаньян",
        "д`артаньян",
        "ДАРТАНЬЯН",
        "дарт",
        "артаньян",
        "д'арт",
        "шарль д'артаньян",
        "«д'Артаньян»",
    ],
)
def test_an_apostrophe_is_folded_out_however_it_is_typed(query: str) -> None:
    assert finds(query, ARTAGNAN)


@pytest.mark.parametrize(
    "query",
    [
        "иванов",
        "петров",
        "ивановпетров",
        "Иванов-Петров",
        "иванов–петров",
        "иванов—петров",
        "иванов петров",
        "ИВАНОВ-ПЕТ",
        "s.ivanov-petrov",
        "ivanovpetrov",
        "s.ivanov-petrov@mail.ru",
    ],
)
def test_a_hyphenated_name_is_found_whole_joined_and_by_its_parts(query: str) -> None:
    assert finds(query, ClientFields(name="ООО «Ромашка»"), [DOUBLE])


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("елка", "ООО „Ёлка“"),
        ("елка", 'ООО "Ёлка"'),
        ("ии", "ИП Иванов И.И."),
        ("иванов и.и.", "ИП Иванов И.И."),
        ("ростов-на-дону", "Ростов-на-Дону Трейд"),
        ("ростовнадону", "Ростов-на-Дону Трейд"),
        ("дону", "Ростов-на-Дону Трейд"),
        ("romashka.ru", "romashka.ru"),
        ("romashkaru", "Romashka.ru"),
    ],
)
def test_quotes_and_dots_are_folded_out(query: str, name: str) -> None:
    assert finds(query, ClientFields(name=name))


def test_index_and_query_words() -> None:
    assert index_words("д'Артаньян") == ["д", "артаньян", "дартаньян"]
    assert index_words("Иванов-Петров") == ["иванов", "петров", "ивановпетров"]
    assert index_words("Ромашка — Опт") == ["ромашка", "опт"]  # a dash between words joins nothing
    assert search_words("Д’Артаньян") == search_words("дʼартаньян") == ["дартаньян"]
    assert search_words("Ромашка — Опт") == ["ромашка", "опт"]


def test_an_apostrophe_inside_a_name_does_not_split_its_sort_key() -> None:
    assert sort_key("д'Артаньян") == sort_key("Д’Артаньян") == sort_key("Дартаньян") == "дартаньян"
    assert sort_key("ООО 'Ромашка'") == "ромашка"  # apostrophes as quotes still go


def test_typing_a_12_digit_inn_digit_by_digit_never_loses_the_client() -> None:
    client = ClientFields(name="ИП Иванов", inn="776263190162")
    for n in range(3, 13):
        assert finds("776263190162"[:n], client), n


def test_a_client_with_a_numeric_name_is_found_by_its_name() -> None:
    assert finds("36.6", ClientFields(name="36.6"))


# guess_city --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "city"),
    [
        ("123456, г. Москва, ул. Ленина, д. 1", "Москва"),
        ("г.Санкт-Петербург, Невский пр., д. 1", "Санкт-Петербург"),
        ("Московская обл., город Химки, ул. Мира", "Химки"),
        ("Москва, ул. Ленина", ""),
        ("", ""),
    ],
)
def test_guess_city(address: str, city: str) -> None:
    assert guess_city(address) == city


def test_guess_city_of_an_address_written_without_the_dot() -> None:
    assert guess_city("123456, г Москва, ул Ленина, д 1") == "Москва"


# amounts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1 250 000,50", "1250000.50"),
        ("1250000.50", "1250000.50"),
        ("1,250,000.50", "1250000.50"),
        ("1.250.000,50", "1250000.50"),
        ("99", "99"),
        ("12,5", "12.5"),
        ("сто", None),
        ("", None),
    ],
)
def test_amounts_as_people_type_them(typed: str, value: str | None) -> None:
    assert parse_amount(typed) == (Decimal(value) if value else None)
