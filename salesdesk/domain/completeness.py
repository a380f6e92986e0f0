"""How completely a client card is filled in, 0-100 %, and what is missing.

The office uses the score to see who keeps the base well, so the weights favour what a manager
needs to do business with the client: requisites, someone to talk to and a way to reach them.
Fields that do not apply to a client kind (KPP for a private person) neither count nor go missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from salesdesk.domain.emails import check_email
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields
from salesdesk.domain.phones import parse_phone
from salesdesk.domain.requisites import check_inn, check_kpp, check_ogrn, check_ogrnip

# (item, weight, kinds it applies to). The item is also the field the editor jumps to.
WEIGHTS: tuple[tuple[str, int, frozenset[ClientKind]], ...] = (
    ("inn", 15, frozenset({ClientKind.LEGAL, ClientKind.SOLE_TRADER})),
    ("kpp", 5, frozenset({ClientKind.LEGAL})),
    ("ogrn", 10, frozenset({ClientKind.LEGAL, ClientKind.SOLE_TRADER})),
    ("full_name", 5, frozenset({ClientKind.LEGAL, ClientKind.SOLE_TRADER})),
    ("legal_address", 10, frozenset({ClientKind.LEGAL, ClientKind.SOLE_TRADER})),
    ("industry", 10, frozenset(ClientKind)),
    ("contact_position", 15, frozenset({ClientKind.LEGAL, ClientKind.SOLE_TRADER})),
    ("phone", 15, frozenset(ClientKind)),
    ("email", 10, frozenset(ClientKind)),
    ("owner", 5, frozenset(ClientKind)),
)
ITEMS: tuple[str, ...] = tuple(item for item, _, _ in WEIGHTS)


@dataclass(frozen=True, slots=True)
class Completeness:
    score: int  # 0..100
    missing: tuple[str, ...]  # items from ITEMS, heaviest first


def completeness(client: ClientFields, contacts: Iterable[ContactFields] = ()) -> Completeness:
    contacts = list(contacts)
    present = {
        "inn": _inn_fits(client),
        "kpp": bool(client.kpp) and check_kpp(client.kpp) is None,
        "ogrn": _ogrn_fits(client),
        "full_name": bool(client.full_name.strip()),
        "legal_address": bool(client.legal_address.strip()),
        "industry": client.industry_id is not None,
        "contact_position": any(c.full_name.strip() and c.position.strip() for c in contacts),
        "phone": _has_phone(client.phone, (p for c in contacts for p in c.phones)),
        "email": _has_email(client.email, (e for c in contacts for e in c.emails)),
        "owner": client.owner_id is not None,
    }
    total = gained = 0
    missing: list[tuple[int, str]] = []
    for item, weight, kinds in WEIGHTS:
        if client.kind not in kinds:
            continue
        total += weight
        if present[item]:
            gained += weight
        else:
            missing.append((weight, item))
    missing.sort(key=lambda pair: -pair[0])
    score = round(100 * gained / total) if total else 100
    return Completeness(score, tuple(item for _, item in missing))


def _inn_fits(client: ClientFields) -> bool:
    expected = 10 if client.kind is ClientKind.LEGAL else 12
    return len(client.inn) == expected and check_inn(client.inn) is None


def _ogrn_fits(client: ClientFields) -> bool:
    if not client.ogrn:
        return False
    check = check_ogrn if client.kind is ClientKind.LEGAL else check_ogrnip
    return check(client.ogrn) is None


def _has_phone(first: str, others: Iterable[str]) -> bool:
    return any(parse_phone(p).valid for p in (first, *others) if p)


def _has_email(first: str, others: Iterable[str]) -> bool:
    return any(check_email(e) is None for e in (first, *others) if e)


def with_present(
    kind: ClientKind, missing: Iterable[str], now_present: Iterable[str], now_missing: Iterable[str] = ()
) -> Completeness:
    """A stored score after items became filled (a bulk change set the owner or the industry) or
    empty (it took the owner away), from what the card missed before: the other items are as they
    were, so no need to read them."""
    gone = set(now_present)
    still = [item for item in missing if item not in gone]
    still.extend(item for item in dict.fromkeys(now_missing) if item not in still)
    total = sum(weight for _, weight, kinds in WEIGHTS if kind in kinds)
    lost = sum(weight for item, weight, kinds in WEIGHTS if kind in kinds and item in still)
    order = {item: -weight for item, weight, _ in WEIGHTS}
    still.sort(key=lambda item: order.get(item, 0))
    return Completeness(round(100 * (total - lost) / total) if total else 100, tuple(still))
