"""Client cards: create, edit, trash and restore, look up, list, search, find duplicates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from salesdesk.domain.completeness import Completeness, completeness
from salesdesk.domain.derived import derive
from salesdesk.domain.emails import normalize_email
from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import Client, ClientFields, ContactFields
from salesdesk.domain.phones import parse_phone
from salesdesk.domain.queries import ClientPage, ClientQuery, ClientRow, DuplicateHit
from salesdesk.domain.text import sort_key
from salesdesk.domain.validation import clean_client, client_problems, validate_client
from salesdesk.services.common import SaveResult, Trashable, check_references, set_deleted, utcnow
from salesdesk.store import UnitOfWork
from salesdesk.store.listing import CountCancelled

ALL = ClientQuery()


def check_client(fields: ClientFields) -> list[FieldProblem]:
    """Every problem of a card as typed so far (blocking and warnings), without saving.

    The card editor calls this on each keystroke; it touches no database.
    """
    return client_problems(clean_client(fields))


def card_completeness(fields: ClientFields, contacts: Sequence[ContactFields] = ()) -> Completeness:
    """The score of a card being typed, as it would be once saved: an INN pasted with spaces counts,
    an INN that would be refused does not."""
    return completeness(clean_client(fields), contacts)


def create_client(uow: UnitOfWork, fields: ClientFields, *, now: datetime | None = None) -> SaveResult:
    cleaned, warnings = validate_client(fields)
    now = now or utcnow()
    with uow:
        check_references(uow, industry_id=cleaned.industry_id, owner_id=cleaned.owner_id)
        client_id = uow.clients.add(cleaned, derive(cleaned), now)
        uow.record("client", client_id, "created", after=cleaned)
        uow.commit()
    return SaveResult(client_id, 1, tuple(warnings))


def update_client(
    uow: UnitOfWork, client_id: int, expected_version: int, fields: ClientFields, *, now: datetime | None = None
) -> SaveResult:
    """Save an edited card; ``StaleEditError`` if it changed since *expected_version* was read."""
    cleaned, warnings = validate_client(fields)
    now = now or utcnow()
    with uow:
        check_references(uow, industry_id=cleaned.industry_id, owner_id=cleaned.owner_id)
        contacts = uow.contacts.list_for(client_id)
        before = uow.clients.get(client_id).fields()
        version = uow.clients.update(client_id, expected_version, cleaned, derive(cleaned, contacts), now)
        uow.record("client", client_id, "updated", before=before, after=cleaned)
        uow.commit()
    return SaveResult(client_id, version, tuple(warnings))


def get_client(uow: UnitOfWork, client_id: int) -> Client:
    with uow.reading():
        return uow.clients.get(client_id)


def trash_client(uow: UnitOfWork, client_id: int, *, now: datetime | None = None) -> int:
    """Move a client to the trash (hidden everywhere, restorable); returns the new version."""
    return set_deleted(uow, _clients, "client", [client_id], now or utcnow())[0]


def restore_client(uow: UnitOfWork, client_id: int) -> int:
    """Bring a client back from the trash; refused for a card merged into another (see
    ``restore_clients``)."""
    return restore_clients(uow, [client_id])[0]


def trash_clients(uow: UnitOfWork, client_ids: Sequence[int], *, now: datetime | None = None) -> None:
    """Move several clients to the trash in one transaction: all of them, or none on an error."""
    set_deleted(uow, _clients, "client", client_ids, now or utcnow())


def restore_clients(uow: UnitOfWork, client_ids: Sequence[int]) -> list[int]:
    """Bring several clients back in one transaction (all of them, or none); their new versions.

    A card merged into another went to the trash empty (its contacts, deals, history and files moved
    to the kept card): brought back it would be an empty shell beside the kept one, so it is refused
    with a pointer to the kept card. Undo of the merge (``merging.unmerge``) is the way back, and it
    does not come through here."""
    versions = []
    with uow:
        for client_id in client_ids:
            into = uow.merging.merged_into(client_id)
            if into is not None:
                name = uow.clients.get(client_id).name
                keep = uow.clients.get(into).name
                problem = msg("err.restore_merged", name=name, id=client_id, keep=keep, keep_id=into)
                raise ValidationError([FieldProblem("", problem)])
            versions.append(uow.clients.set_deleted(client_id, uow.clients.version_of(client_id), None))
            uow.record("client", client_id, "restored")
        uow.commit()
    return versions


def _clients(uow: UnitOfWork) -> Trashable:
    return uow.clients


def list_clients(uow: UnitOfWork, query: ClientQuery = ALL, *, offset: int = 0, limit: int = 100) -> ClientPage:
    with uow.reading():
        return uow.listing.page(query, offset=offset, limit=limit)


def rows_at(uow: UnitOfWork, query: ClientQuery, offset: int, limit: int, total: int | None = None) -> list[ClientRow]:
    """A window of the list in display order (the client table fetches pages with this)."""
    with uow.reading():
        return uow.listing.rows(query, offset=offset, limit=limit, total=total)


def position_of(uow: UnitOfWork, query: ClientQuery, client_id: int) -> int | None:
    """The row at which the client table shows *client_id* for *query*, if it shows it."""
    with uow.reading():
        return uow.listing.position_of(query, client_id)


def search_clients(uow: UnitOfWork, text: str, *, offset: int = 0, limit: int = 20) -> ClientPage:
    """Ranked search by name, INN/OGRN prefix, phone digits, e-mail or contact name."""
    return list_clients(uow, ClientQuery(text=text), offset=offset, limit=limit)


def count_clients(uow: UnitOfWork, query: ClientQuery = ALL) -> int:
    with uow.reading():
        return uow.listing.count(query)


def client_ids(uow: UnitOfWork, query: ClientQuery) -> list[int]:
    with uow.reading():
        return uow.listing.ids(query)


def client_rows(uow: UnitOfWork, ids: Sequence[int]) -> list[ClientRow]:
    with uow.reading():
        return uow.listing.rows_by_ids(ids)


def average_completeness(uow: UnitOfWork, query: ClientQuery = ALL) -> float | None:
    with uow.reading():
        return uow.listing.average_completeness(query)


@dataclass(frozen=True, slots=True)
class ListView:
    """What the client table shows for a query: its first rows and the status bar's counts."""

    rows: tuple[ClientRow, ...]
    total: int
    average: float | None
    base_total: int | None  # the whole base (live or trash); None when not asked for


def list_view(uow: UnitOfWork, query: ClientQuery, *, limit: int, with_base_total: bool) -> ListView:
    """One read transaction for a keystroke: first page, count and average, maybe the base size."""
    with uow.reading():
        rows = tuple(uow.listing.rows(query, offset=0, limit=limit))
        total, average = uow.listing.count_and_average(query)
        base_total = uow.listing.count(ClientQuery(trash=query.trash)) if with_base_total else None
    return ListView(rows, total, average, base_total)


def first_rows(uow: UnitOfWork, query: ClientQuery, *, limit: int) -> tuple[ClientRow, ...]:
    """The first rows of the list for *query*, without counting: the window shows them at once
    and asks for ``list_counts`` after (issue 17: a count at 1,000,000 clients takes longer than
    the page)."""
    with uow.reading():
        return tuple(uow.listing.rows(query, offset=0, limit=limit))


@dataclass(frozen=True, slots=True)
class ListCounts:
    """The status bar's figures for a query: how many it shows, their average completeness, and
    the size of the whole base (live or trash; None when not asked for)."""

    total: int
    average: float | None
    base_total: int | None


def list_counts(
    uow: UnitOfWork, query: ClientQuery, *, with_base_total: bool, cancelled: Callable[[], bool] | None = None
) -> ListCounts | None:
    """The status bar's figures for *query*; None when *cancelled* said so while counting (SQLite
    stops the count where it is: the window's count for a list typed over)."""
    try:
        with uow.reading():
            total, average = uow.listing.count_and_average(query, cancelled=cancelled)
            base_total = uow.listing.count(ClientQuery(trash=query.trash)) if with_base_total else None
    except CountCancelled:
        return None
    return ListCounts(total, average, base_total)


def count_and_average(uow: UnitOfWork, query: ClientQuery = ALL) -> tuple[int, float | None]:
    """Clients shown for *query* and their average completeness (the status bar), in one query."""
    with uow.reading():
        return uow.listing.count_and_average(query)


def find_duplicates(
    uow: UnitOfWork, fields: ClientFields, contacts: Sequence[ContactFields] = (), *, exclude_id: int | None = None
) -> list[DuplicateHit]:
    """Other live clients that already hold this card's INN (+KPP), a phone, an e-mail or name."""
    cleaned = clean_client(fields)
    phones = [parse_phone(p).e164 for p in (cleaned.phone, *(p for c in contacts for p in c.phones)) if p]
    emails = [normalize_email(e) for e in (cleaned.email, *(e for c in contacts for e in c.emails)) if e]
    with uow.reading():
        return uow.clients.duplicates(
            inn=cleaned.inn,
            kpp=cleaned.kpp,
            phones_e164=[p for p in phones if p],
            emails=emails,
            sort_key=sort_key(cleaned.name) if cleaned.name else "",
            exclude_id=exclude_id,
        )


def refresh_derived(uow: UnitOfWork, client_id: int, now: datetime | None = None) -> None:
    """Recompute completeness and the search text after the client's contact persons changed (a
    phone or e-mail typed anew there confirms the card's phone or e-mail at *now*).

    Runs inside the caller's unit of work.
    """
    client = uow.clients.get(client_id)
    uow.clients.write_derived(client_id, derive(client.fields(), uow.contacts.list_for(client_id)), now)
