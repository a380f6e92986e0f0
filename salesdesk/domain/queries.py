"""What a face may ask of the client list, and the plain rows it gets back.

A ``ClientQuery`` is a value (filters, search text, sort); the store turns it into SQL, the
window keeps it as its current state, and an export reuses it to write "the current filter".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from salesdesk.domain.model import ClientKind, ClientStatus, DealStage, Money


class ClientSort(StrEnum):
    RELEVANCE = "relevance"  # search rank; the same as NAME when there is no search text
    NAME = "name"
    KIND = "kind"
    INN = "inn"
    CITY = "city"
    INDUSTRY = "industry"
    STATUS = "status"
    OWNER = "owner"
    PHONE = "phone"
    NEXT_REMINDER = "next_reminder"
    COMPLETENESS = "completeness"
    CREATED = "created"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class ClientQuery:
    text: str = ""
    statuses: frozenset[ClientStatus] = frozenset()
    kinds: frozenset[ClientKind] = frozenset()
    industry_id: int | None = None
    owner_id: int | None = None
    tag: str = ""
    overdue_only: bool = False
    completeness_below: int | None = None
    no_inn: bool = False  # only clients whose INN is not filled in
    dormant_days: int | None = None  # only clients with no contact (call, meeting, …) in so many days
    needs_checking: bool = False  # a filled requisite or channel not confirmed for the base's months
    ids: frozenset[int] | None = None  # a selection; None means no restriction
    trash: bool = False  # the trash instead of the live base
    sort: ClientSort = ClientSort.RELEVANCE
    descending: bool = False
    now: datetime | None = field(default=None, compare=False)  # for "overdue" and "dormant"; set by services


@dataclass(frozen=True, slots=True)
class ClientRow:
    """One line of the client table: everything a list shows, nothing it does not."""

    id: int
    version: int
    name: str
    kind: ClientKind
    inn: str
    city: str
    industry_name: str
    status: ClientStatus
    owner_name: str
    phone: str
    email: str
    next_reminder_at: datetime | None
    completeness: int
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClientPage:
    rows: tuple[ClientRow, ...]
    total: int  # rows matching the query, not only this page
    offset: int


@dataclass(frozen=True, slots=True)
class DuplicateHit:
    """Another client that already holds one of this card's identifiers."""

    client_id: int
    name: str
    field: str  # "inn", "phone", "email" or "name"
    value: str


# Deals across all clients (the Deals tab) ---------------------------------------------------------


class DealSort(StrEnum):
    OPENED = "opened"
    CLOSED = "closed"
    CLIENT = "client"
    TITLE = "title"
    STAGE = "stage"
    AMOUNT = "amount"
    OWNER = "owner"
    CONTRACT_END = "contract_end"


@dataclass(frozen=True, slots=True)
class DealQuery:
    stages: frozenset[DealStage] = frozenset()
    owner_id: int | None = None
    industry_id: int | None = None
    opened_from: date | None = None
    opened_to: date | None = None
    client_text: str = ""  # a client name or part of it
    sort: DealSort = DealSort.OPENED
    descending: bool = True


@dataclass(frozen=True, slots=True)
class DealRow:
    id: int
    client_id: int
    client_name: str
    title: str
    stage: DealStage
    amount: Money
    opened_on: date
    closed_on: date | None
    contract_end: date | None
    owner_name: str
    industry_name: str


@dataclass(frozen=True, slots=True)
class DealTotals:
    count: int
    amounts: tuple[Money, ...]  # one per currency, largest first
