"""How fresh a card's data is: when each requisite and contact channel was last confirmed.

A filled field is not yet a true one: a phone typed three years ago may ring nowhere. Each item of
completeness that is a requisite or a way to reach the client (``ITEMS``) remembers when it was last
confirmed — typed anew, carried by an import row, a call or meeting that got through, an e-mail
exchanged, an enrichment from a register, or the manager's explicit "Confirm". An item not confirmed
for ``months`` months (the base's setting, 12 by default) is *stale* and counts half in the score.

The phone item is the card's, whichever phone fills it (the company's or a contact person's): a call
that got through to anyone of the client confirms that the client can be reached by phone. The same
holds for e-mail. What an item holds is remembered as a fingerprint (short hashes of its values), so
that a save can tell a value typed anew (confirms) from the same value saved again (does not) and
from a value removed (does not either) — without keeping the values a second time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from salesdesk.domain.completeness import WEIGHTS
from salesdesk.domain.emails import check_email, normalize_email
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields
from salesdesk.domain.phones import parse_phone
from salesdesk.domain.text import fold

# the completeness items that can go stale: requisites and contact channels (not the industry, the
# manager or "someone with a position", which no call or register confirms)
ITEMS: tuple[str, ...] = ("inn", "kpp", "ogrn", "full_name", "legal_address", "phone", "email")
DEFAULT_MONTHS = 12
MIN_MONTHS, MAX_MONTHS = 1, 120
SETTING_KEY = "stale_months"  # in the base's own settings: the same for every seat of a shared base

_WEIGHT = {item: weight for item, weight, _ in WEIGHTS}
_KINDS = {item: kinds for item, _, kinds in WEIGHTS}


class Source(StrEnum):
    """What confirmed an item last."""

    EDIT = "edit"  # typed on the card (or in a contact person), a new value
    CONFIRM = "confirm"  # the manager's "Confirm" on the card
    IMPORT = "import"  # an import row carried the same or a new value
    CALL = "call"  # a call or meeting that got through (the phone)
    EMAIL = "email"  # an e-mail exchanged (the e-mail)
    ENRICHMENT = "enrichment"  # a register or another outside source
    KNOWN = "known"  # from what the base knew when freshness arrived (the card's last change)

    @property
    def label(self) -> str:
        return str(msg(f"fresh.source.{self.value}"))


@dataclass(frozen=True, slots=True)
class Confirmation:
    item: str
    confirmed_at: datetime
    source: Source


def _short(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:10]


def fingerprints(
    client: ClientFields, contacts: Iterable[ContactFields], missing: Iterable[str]
) -> tuple[tuple[str, str], ...]:
    """(item, fingerprint) for each freshness item the card has filled (applies to its kind and is
    not missing), in ``ITEMS`` order. The fingerprint is the sorted short hashes of the item's values."""
    gone = set(missing)
    contacts = tuple(contacts)
    out = []
    for item in ITEMS:
        if client.kind not in _KINDS[item] or item in gone:
            continue
        out.append((item, " ".join(sorted({_short(v) for v in _values(item, client, contacts)}))))
    return tuple(out)


def _values(item: str, client: ClientFields, contacts: Sequence[ContactFields]) -> list[str]:
    if item == "phone":
        numbers = (parse_phone(p) for p in (client.phone, *(p for c in contacts for p in c.phones)) if p)
        return [n.e164 or "" for n in numbers if n.valid]
    if item == "email":
        mails = (e for e in (client.email, *(e for c in contacts for e in c.emails)) if e)
        return [normalize_email(e) for e in mails if check_email(e) is None]
    return [fold(str(getattr(client, item)))]


def is_new(before: str, after: str) -> bool:
    """Whether *after* holds a value *before* did not (typed anew); removing one is not new."""
    return bool(set(after.split()) - set(before.split()))


def cutoff(now: datetime, months: int) -> datetime:
    """The moment before which a confirmation is stale: *months* calendar months before *now*
    (the 31st falls back to the month's last day)."""
    year, month = divmod(now.year * 12 + (now.month - 1) - months, 12)
    day = min(now.day, _days_in(year, month + 1))
    return now.replace(year=year, month=month + 1, day=day)


def _days_in(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def stale_items(confirmations: Iterable[Confirmation], before: datetime) -> tuple[str, ...]:
    """The items confirmed before *before*, in ``ITEMS`` order."""
    old = {c.item for c in confirmations if c.confirmed_at < before}
    return tuple(item for item in ITEMS if item in old)


def fresh_score(kind: ClientKind, missing: Iterable[str], stale: Iterable[str]) -> int:
    """The card's score when each stale item counts half of its weight."""
    gone = set(missing)
    half = set(stale) - gone
    total = sum(weight for _, weight, kinds in WEIGHTS if kind in kinds)
    if not total:
        return 100
    gained = sum(weight for item, weight, kinds in WEIGHTS if kind in kinds and item not in gone)
    lost = sum(_WEIGHT[item] for item in half if kind in _KINDS[item])
    return round(100 * (gained - lost / 2) / total)


def total_weight(kind: ClientKind) -> int:
    return sum(weight for _, weight, kinds in WEIGHTS if kind in kinds)


def weight(item: str) -> int:
    return _WEIGHT[item]


def months_from(text: str | None) -> int:
    """The stored setting as a number; the default for nothing stored or nonsense."""
    try:
        months = int(text or "")
    except ValueError:
        return DEFAULT_MONTHS
    return months if MIN_MONTHS <= months <= MAX_MONTHS else DEFAULT_MONTHS
