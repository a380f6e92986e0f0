"""Numbers, money and counts as a person reads them, in Russian or English.

One place writes every amount and every count a person reads — the card's history, notices, the
command line, reports and their notes, exports' headers — so the same amount reads the same
everywhere. No Qt here: the window's ``QLocale`` agrees with these rules (Russian groups with a
no-break space U+00A0, as ``QLocale(Russian)`` does), and the window calls these functions too.

The rules:

* Russian: digits grouped by three with a no-break space, a decimal comma; money is the amount,
  a no-break space, then the currency's sign: ``1 250 000,50 ₽``, ``1 250,00 $``; a currency
  without a sign of its own is written with its code: ``1 250,00 CNY``.
* English: digits grouped with commas, a decimal point; money is the sign, then the amount with
  nothing between (as English writes dollars): ``₽1,250,000.50``, ``$1,250.00``; a currency
  without a sign: ``CNY 1,250.00``.
* Counts are whole numbers grouped the same way (``3 002``, ``10,904``) and choose the plural form
  of the words beside them: Russian one/few/many (1 клиент, 2 клиента, 5 клиентов, 11 клиентов,
  21 клиент), English one/other.
"""

from __future__ import annotations

from decimal import Decimal

from salesdesk.domain import messages
from salesdesk.domain.model import Money

NBSP = "\u00a0"

# Currencies with a sign of their own; others are written with their ISO code.
CURRENCY_SIGNS = {"RUB": "₽", "USD": "$", "EUR": "€", "GBP": "£"}


def _lang(lang: str | None) -> str:
    return lang or messages.language()


def number_text(value: Decimal | int, places: int = 0, lang: str | None = None) -> str:
    """A number as the language writes it: ``1 234,56`` in Russian, ``1,234.56`` in English."""
    text = f"{value:,.{places}f}"
    return text.replace(",", NBSP).replace(".", ",") if _lang(lang) == "ru" else text


def count_text(count: int, lang: str | None = None) -> str:
    """A count grouped by thousands: ``10 904`` in Russian, ``10,904`` in English."""
    return number_text(count, 0, lang)


def plural_index(count: int, lang: str | None = None) -> int:
    """Which plural form a count takes: Russian 0 one (1, 21), 1 few (2–4, 22), 2 many (5–20, 11);
    English 0 one (1), 1 other."""
    n = abs(count)
    if _lang(lang) == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


def plural(count: int, forms: str, lang: str | None = None) -> str:
    """The form of *forms* ("клиент|клиента|клиентов", "client|clients") that fits *count*; a form
    missing at the end falls back to the last one given."""
    options = forms.split("|")
    return options[min(plural_index(count, lang), len(options) - 1)]


def money_text(money: Money, lang: str | None = None) -> str:
    """An amount of money as a person reads it (see the module's rules): ``1 250 000,50 ₽``,
    ``₽1,250,000.50``. For reading, never for parsing or a spreadsheet cell."""
    lang = _lang(lang)
    amount = money.amount
    digits = number_text(abs(amount), 2, lang)
    minus = "-" if amount < 0 else ""
    sign = CURRENCY_SIGNS.get(money.currency)
    if lang == "ru":
        return f"{minus}{digits}{NBSP}{sign or money.currency}"
    if sign is None:
        return f"{minus}{money.currency}{NBSP}{digits}"
    return f"{minus}{sign}{digits}"


def currency_text(currency: str) -> str:
    """How a column header or a note names a currency: its sign (₽, $, €) or its code."""
    return CURRENCY_SIGNS.get(currency.upper(), currency.upper())
