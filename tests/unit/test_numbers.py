"""One way to write money and counts for people: domain.numbers and the catalogue's count fields."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesdesk.domain import messages
from salesdesk.domain.model import Money
from salesdesk.domain.numbers import count_text, money_text, plural

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("count", "ru", "en"),
    [
        (1, "1 клиент", "1 client"),
        (2, "2 клиента", "2 clients"),
        (5, "5 клиентов", "5 clients"),
        (11, "11 клиентов", "11 clients"),
        (21, "21 клиент", "21 clients"),
        (3002, f"3{NBSP}002 клиента", "3,002 clients"),
        (10904, f"10{NBSP}904 клиента", "10,904 clients"),
        (12, "12 клиентов", "12 clients"),
        (111, "111 клиентов", "111 clients"),
        (0, "0 клиентов", "0 clients"),
    ],
)
def test_counts_are_grouped_and_take_their_plural_form(count: int, ru: str, en: str) -> None:
    assert f"{count_text(count, 'ru')} {plural(count, 'клиент|клиента|клиентов', 'ru')}" == ru
    assert f"{count_text(count, 'en')} {plural(count, 'client|clients', 'en')}" == en


@pytest.mark.parametrize(
    ("count", "ru", "en"),
    [
        (1, "1 клиент выгружен", "1 client exported"),
        (2, "2 клиента выгружено", "2 clients exported"),
        (5, "5 клиентов выгружено", "5 clients exported"),
        (11, "11 клиентов выгружено", "11 clients exported"),
        (21, "21 клиент выгружен", "21 clients exported"),
        (3002, f"3{NBSP}002 клиента выгружено", "3,002 clients exported"),
        (10904, f"10{NBSP}904 клиента выгружено", "10,904 clients exported"),
    ],
)
def test_catalogue_messages_group_counts_and_choose_plurals(count: int, ru: str, en: str) -> None:
    message = messages.msg(
        "cli.export.done", file="x.xlsx", clients=count, contacts=1, deals=2, reminders=5, interactions=count
    )
    assert message.render("ru").startswith(ru + " в x.xlsx: 1 контактное лицо, 2 сделки, 5 напоминаний, ")
    assert message.render("en").startswith(en + " to x.xlsx: 1 contact person, 2 deals, 5 reminders, ")


def test_an_id_in_a_message_is_never_grouped() -> None:
    assert messages.render("cli.number", {"id": 10904}, "ru") == "№10904"
    assert messages.render("err.not_found", {"what": "Клиент", "id": 10904}, "ru").startswith("Клиент №10904 ")


def test_a_count_given_as_text_is_grouped_when_it_is_digits_and_kept_otherwise() -> None:
    text = messages.render("file.too_many_rows", {"file": "a.xlsx", "rows": "1000001+", "limit": 1_000_000}, "ru")
    assert text.startswith(
        f"В таблице «a.xlsx» 1{NBSP}000{NBSP}001+ строк; за один раз можно загрузить до 1{NBSP}000{NBSP}000."
    )
    assert messages.render("cli.check.clients", {"n": "много"}, "ru") == "Клиентов в базе: много"


@pytest.mark.parametrize(
    ("money", "ru", "en"),
    [
        (Money.of(Decimal("1250000.50")), f"1{NBSP}250{NBSP}000,50{NBSP}₽", "₽1,250,000.50"),
        (Money.of(Decimal("1250.5"), "USD"), f"1{NBSP}250,50{NBSP}$", "$1,250.50"),
        (Money.of(Decimal("0.5"), "EUR"), f"0,50{NBSP}€", "€0.50"),
        (Money.of(Decimal("1250"), "CNY"), f"1{NBSP}250,00{NBSP}CNY", f"CNY{NBSP}1,250.00"),
        (Money.of(Decimal("-5"), "RUB"), f"-5,00{NBSP}₽", "-₽5.00"),
    ],
)
def test_money_reads_by_one_rule_per_language(money: Money, ru: str, en: str) -> None:
    assert money_text(money, "ru") == ru
    assert money_text(money, "en") == en


def test_money_follows_the_language_of_messages(lang: None) -> None:
    messages.set_language("ru")
    assert money_text(Money.of(Decimal("1250000.50"))) == f"1{NBSP}250{NBSP}000,50{NBSP}₽"
    messages.set_language("en")
    assert money_text(Money.of(Decimal("1250000.50"))) == "₽1,250,000.50"


@pytest.mark.parametrize(
    ("count", "ru", "en"),
    [
        (1, "1 запись истории контактов", "1 contact history entry"),
        (2, "2 записи истории контактов", "2 contact history entries"),
        (5, "5 записей истории контактов", "5 contact history entries"),
        (21, "21 запись истории контактов", "21 contact history entries"),
        (3002, f"3{NBSP}002 записи истории контактов", "3,002 contact history entries"),
    ],
)
def test_the_export_summary_counts_the_contact_history(count: int, ru: str, en: str) -> None:
    """Issue 9, item 6: the workbook holds the interactions, and the summary says how many."""
    message = messages.msg(
        "cli.export.done", file="x.xlsx", clients=1, contacts=1, deals=2, reminders=5, interactions=count
    )
    assert message.render("ru").endswith("5 напоминаний, " + ru)
    assert message.render("en").endswith("5 reminders, " + en)
