"""What the search index holds for a client, and how a typed query becomes index terms.

The store indexes two folded texts per client: the name (ranked higher) and everything else
(identifiers, phone digits in several forms, e-mails, contact persons). Queries are folded the
same way, so "ЁЛКА", "елка" and "Ёлка" meet, and phone digits typed in any format match.
Apostrophes, hyphens, dashes and dots inside a word are folded out as ё is: the index holds such
a word whole and in its parts, a query word whole, so "дартаньян", "д'артаньян" and "Д’Артаньян"
find «д'Артаньян», and "иванов" and "ивановпетров" find "Иванов-Петров".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from salesdesk.domain.model import ClientFields, ContactFields
from salesdesk.domain.phones import query_digits, search_forms
from salesdesk.domain.text import LEGAL_FORM_WORDS, LEGAL_FORMS, index_words, search_words, strip_legal_form, words


@dataclass(frozen=True, slots=True)
class SearchDocument:
    name: str
    other: str


def search_document(client: ClientFields, contacts: Iterable[ContactFields] = ()) -> SearchDocument:
    contacts = tuple(contacts)
    # The full legal name without its legal form: "общество с ограниченной ответственностью" on half the
    # base would make "общ…" match everyone and take a third of the index.
    name = " ".join(index_words(f"{client.name} {strip_legal_form(client.full_name)}"))
    digit_terms: list[str] = list(search_forms(client.phone)) if client.phone else []
    for contact in contacts:
        for phone in contact.phones:
            digit_terms.extend(search_forms(phone))
    # phone forms are digits already: they skip the folding that text needs
    other = " ".join([*index_words(other_text(client, contacts)), *digit_terms])
    return SearchDocument(name, other)


def other_text(client: ClientFields, contacts: Iterable[ContactFields] = ()) -> str:
    """The text of the card (identifiers, city, e-mails, contact persons) that ``search_document``
    indexes besides the name and the phone numbers."""
    text_parts: list[str] = [client.inn, client.ogrn, client.kpp, client.city, client.email]
    for contact in contacts:
        text_parts.append(contact.full_name)
        text_parts.extend(contact.emails)
    return " ".join(p for p in text_parts if p)


NAME_PREFIX_LENGTH = 2


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Terms every match must contain as prefixes of its words; empty means "everything".

    One or two letters typed alone mean "names starting with": as the first keystrokes of a
    search they would match half the base anywhere in its text, and a phone-book list by name
    is what a person expects to see at that point.
    """

    terms: tuple[str, ...]
    name_prefix: str | None = None

    @property
    def empty(self) -> bool:
        return not self.terms and self.name_prefix is None


def parse_query(text: str) -> SearchQuery:
    phone = query_digits(text)
    if phone is not None and len(phone) >= 3:
        return SearchQuery((phone,))
    if "@" in text:
        return SearchQuery(tuple(_email_terms(text)))
    terms = search_words(text)
    meaningful = [t for t in terms if t not in LEGAL_FORMS and t not in LEGAL_FORM_WORDS]
    # "ООО Ромашка" is about "ромашка"; but a search for just "ооо" still means something.
    terms = meaningful or terms
    if len(terms) == 1 and len(terms[0]) <= NAME_PREFIX_LENGTH:
        return SearchQuery((), name_prefix=terms[0])
    return SearchQuery(tuple(terms))


def _email_terms(text: str) -> list[str]:
    """ "ivan@romashka.ru" looks for ivan and romashka: the top-level domain ("ru", "com") is on
    half the base and would only slow the search down."""
    mailbox, _, domain = text.partition("@")
    labels = domain.split(".")
    if len(labels) > 1:
        labels = labels[:-1]
    return words(mailbox) + words(" ".join(labels))


def guess_city(address: str) -> str:
    """The city in a Russian address such as "123456, г. Москва, ул. Ленина, д. 1"."""
    for part in address.split(","):
        part = part.strip()
        for prefix in ("г. ", "г.", "г ", "город "):
            if part.startswith(prefix) and len(part) > len(prefix):
                return part[len(prefix) :].strip()
    return ""
