"""Entities of the client base as frozen dataclasses.

``*Fields`` classes hold what a person edits; the entity classes add what the store assigns (id,
version, timestamps) and what is derived (E.164 phone, completeness). Services take the former
and return the latter, so no face ever holds a live database object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from salesdesk.domain.birthdays import YEAR_UNKNOWN
from salesdesk.domain.messages import msg
from salesdesk.domain.records import Record


class ClientKind(StrEnum):
    LEGAL = "legal"
    SOLE_TRADER = "sole_trader"
    PERSON = "person"

    @property
    def label(self) -> str:
        return str(msg(f"kind.{self.value}"))


class ClientStatus(StrEnum):
    LEAD = "lead"
    PROSPECT = "prospect"
    ACTIVE = "active"
    FORMER = "former"

    @property
    def label(self) -> str:
        return str(msg(f"status.{self.value}"))


class Role(StrEnum):
    """A manager's role in a base of several seats: a head sees, exports and erases everything and
    sets the others' roles and the base's rules (services/permissions.py)."""

    MANAGER = "manager"
    HEAD = "head"

    @property
    def label(self) -> str:
        return str(msg(f"role.{self.value}"))


class InteractionKind(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    NOTE = "note"

    @property
    def label(self) -> str:
        return str(msg(f"interaction.{self.value}"))


class DealStage(StrEnum):
    NEW = "new"
    NEGOTIATION = "negotiation"
    PROPOSAL = "proposal"
    WON = "won"
    LOST = "lost"

    @property
    def label(self) -> str:
        return str(msg(f"stage.{self.value}"))

    @property
    def closed(self) -> bool:
        return self in (DealStage.WON, DealStage.LOST)


class Recurrence(StrEnum):
    NONE = "none"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        return str(msg(f"recurrence.{self.value}"))


# Clients -----------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class ClientFields(Record):
    """Everything a person can type into a client card (company-level phone and e-mail included)."""

    name: str
    kind: ClientKind = ClientKind.LEGAL
    full_name: str = ""
    inn: str = ""
    kpp: str = ""
    ogrn: str = ""  # OGRN for a company, OGRNIP for a sole trader
    legal_address: str = ""
    postal_address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    bank_name: str = ""
    bik: str = ""
    account: str = ""
    corr_account: str = ""
    industry_id: int | None = None
    status: ClientStatus = ClientStatus.LEAD
    source: str = ""
    owner_id: int | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Client(ClientFields):
    id: int
    version: int
    phone_e164: str | None = None
    completeness: int = 0
    missing: tuple[str, ...] = ()
    industry_name: str = ""
    owner_name: str = ""
    next_reminder_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    def fields(self) -> ClientFields:
        """The editable part, e.g. to start an edit from what is stored."""
        return ClientFields(**{name: getattr(self, name) for name in CLIENT_FIELD_NAMES})


CLIENT_FIELD_NAMES: tuple[str, ...] = tuple(ClientFields.__dataclass_fields__)


# Contact persons ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class ContactFields(Record):
    full_name: str
    position: str = ""
    birth_date: date | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    note: str = ""
    is_primary: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class ContactPerson(ContactFields):
    id: int
    client_id: int
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    def age(self, on: date) -> int | None:
        return age_on(self.birth_date, on)

    def fields(self) -> ContactFields:
        return ContactFields(**{name: getattr(self, name) for name in CONTACT_FIELD_NAMES})


CONTACT_FIELD_NAMES: tuple[str, ...] = tuple(ContactFields.__dataclass_fields__)


def age_on(birth: date | None, on: date) -> int | None:
    """Full years on *on*; someone born on 29 February turns a year older on 1 March."""
    if birth is None or on < birth or birth.year == YEAR_UNKNOWN:
        return None
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


# Reference data ----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class IndustryFields:
    code: str
    name: str
    notes: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Industry(IndustryFields):
    id: int
    version: int
    deleted_at: datetime | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ManagerFields:
    name: str
    email: str = ""
    active: bool = True
    role: Role = Role.MANAGER


@dataclass(frozen=True, kw_only=True, slots=True)
class Manager(ManagerFields):
    id: int
    version: int


# History, deals, reminders -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class InteractionFields:
    kind: InteractionKind
    occurred_at: datetime
    summary: str
    result: str = ""
    manager_id: int | None = None
    contact_id: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Interaction(InteractionFields):
    id: int
    client_id: int
    version: int
    manager_name: str = ""
    created_at: datetime


# The currencies the deal editor offers, the usual one first; others can come from an import.
CURRENCIES = ("RUB", "USD", "EUR", "CNY", "KZT", "BYN")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with its currency; always Decimal, two places (kopecks/cents), half up."""

    amount: Decimal
    currency: str = "RUB"

    @staticmethod
    def of(amount: Decimal | int | str, currency: str = "RUB") -> Money:
        if isinstance(amount, float):
            raise TypeError("money is never a float; pass a Decimal, an int or the typed text")
        value = Decimal(amount)
        if value.is_finite():
            value = value.quantize(_CENT, rounding=ROUND_HALF_UP)
            if value == 0:
                value = abs(value)  # no "-0.00"
        return Money(value, currency.upper())

    @property
    def minor(self) -> int:
        return int(self.amount.quantize(_CENT, rounding=ROUND_HALF_UP) * 100)

    @staticmethod
    def from_minor(minor: int, currency: str = "RUB") -> Money:
        return Money((Decimal(minor) / 100).quantize(_CENT), currency.upper())


_CENT = Decimal("0.01")


@dataclass(frozen=True, kw_only=True, slots=True)
class DealFields:
    title: str
    amount: Money
    stage: DealStage = DealStage.NEW
    lost_reason: str = ""
    opened_on: date
    closed_on: date | None = None
    contract_end: date | None = None
    owner_id: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Deal(DealFields):
    id: int
    client_id: int
    version: int
    client_name: str = ""
    owner_name: str = ""
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ReminderFields:
    due_at: datetime
    text: str
    recurrence: Recurrence = Recurrence.NONE
    manager_id: int | None = None
    deal_id: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Reminder(ReminderFields):
    id: int
    client_id: int
    version: int
    client_name: str = ""
    done_at: datetime | None = None
    snoozed_until: datetime | None = None
    anchor_at: datetime | None = None  # first due time of a repeating series
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    @property
    def effective_due(self) -> datetime:
        """When the reminder next wants attention: its due time, or the snooze if later."""
        if self.snoozed_until is not None and self.snoozed_until > self.due_at:
            return self.snoozed_until
        return self.due_at

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True, kw_only=True, slots=True)
class PastReminder(ReminderFields):
    """A reminder brought in from elsewhere (an export being imported) that may already be done."""

    done_at: datetime | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ClientBundle:
    """A new client with everything that comes with it, for bulk creation (demo data, import)."""

    client: ClientFields
    contacts: tuple[ContactFields, ...] = ()
    deals: tuple[DealFields, ...] = ()
    interactions: tuple[InteractionFields, ...] = ()
    reminders: tuple[ReminderFields, ...] = ()
    # When the client came into the base (demo data spread over two years); None: now.
    created_at: datetime | None = None
