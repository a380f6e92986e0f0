"""Values the store keeps next to a client card so that lists can sort, filter and search fast.

They are always recomputed from the card and its contact persons by ``derive``; nothing else
writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from salesdesk.domain.completeness import completeness
from salesdesk.domain.duplicates import name_key
from salesdesk.domain.emails import normalize_email
from salesdesk.domain.freshness import fingerprints
from salesdesk.domain.model import ClientFields, ContactFields
from salesdesk.domain.phones import parse_phone
from salesdesk.domain.records import Record
from salesdesk.domain.search import guess_city, search_document
from salesdesk.domain.text import fold, sort_key


@dataclass(frozen=True, slots=True)
class ClientDerived(Record):
    phone_e164: str | None
    email_norm: str | None
    city: str
    completeness: int
    missing: tuple[str, ...]
    sort_key: str
    search_name: str
    search_other: str
    tags_norm: tuple[str, ...]
    name_key: str  # the name as duplicates are matched by (an import looks it up in the base)
    # (item, fingerprint) of the filled requisites and channels (domain/freshness.py)
    fresh: tuple[tuple[str, str], ...] = ()


def derive(client: ClientFields, contacts: Iterable[ContactFields] = ()) -> ClientDerived:
    contacts = tuple(contacts)
    score = completeness(client, contacts)
    city = client.city or guess_city(client.legal_address) or guess_city(client.postal_address)
    document = search_document(client, contacts)
    return ClientDerived(
        phone_e164=parse_phone(client.phone).e164 if client.phone else None,
        email_norm=normalize_email(client.email) if client.email else None,
        city=city,
        completeness=score.score,
        missing=score.missing,
        sort_key=sort_key(client.name),
        search_name=document.name,
        search_other=document.other,
        tags_norm=tuple(dict.fromkeys(fold(t) for t in client.tags)),
        name_key=name_key(client.name),
        fresh=fingerprints(client, contacts, score.missing),
    )
