"""Fresh data (issue 16): confirming a card's requisites and contact channels, and the stale setting.

What confirms an item (domain/freshness.py):

- typing a new value (the card, a contact person): every save passes through the store's
  ``FreshnessRepository.sync``; saving the card with the field unchanged confirms nothing;
- the card's "Confirm" (``confirm_on_card``): the manager checked the stale fields;
- an import row that carries the same or a new value (``services/importing.py``);
- a call or meeting that got through confirms the phone, an e-mail logged confirms the e-mail
  (``services/history.py``);
- an enrichment from a register: call ``confirm_fields`` inside the enrichment's unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.freshness import (
    ITEMS,
    MAX_MONTHS,
    MIN_MONTHS,
    SETTING_KEY,
    Confirmation,
    Source,
    cutoff,
    fresh_score,
    stale_items,
)
from salesdesk.domain.messages import msg
from salesdesk.domain.model import Client, InteractionFields, InteractionKind
from salesdesk.services.common import utcnow
from salesdesk.services.permissions import require_setting
from salesdesk.store import UnitOfWork


@dataclass(frozen=True, slots=True)
class CardFreshness:
    """What the card shows of its freshness."""

    months: int
    before: datetime  # confirmations older than this are stale
    confirmations: Mapping[str, Confirmation]
    stale: tuple[str, ...]  # items, in ``ITEMS`` order
    score: int  # the completeness with each stale item at half its weight


def confirm_fields(
    uow: UnitOfWork, client_id: int, fields: Iterable[str], source: Source | str, when: datetime
) -> list[str]:
    """Confirm the client's *fields* (items of ``domain.freshness.ITEMS``: "inn", "kpp", "ogrn",
    "full_name", "legal_address", "phone", "email") as checked at *when* by *source* (a ``Source``
    or its value, e.g. "enrichment"). Runs INSIDE the caller's open unit of work and does not commit.

    Only filled fields are confirmed (an empty one has nothing to confirm); a date never moves
    backwards. Returns the fields confirmed; records ``("client", id, "freshness")`` when any was,
    so the window shows the card and lists again. Unknown field names are a ``ValueError`` (a bug).
    """
    asked = list(fields)
    unknown = [f for f in asked if f not in ITEMS]
    if unknown:
        raise ValueError(f"not a freshness item: {unknown}")
    confirmed = uow.freshness.confirm(client_id, asked, Source(source), when)
    if confirmed:
        uow.record("client", client_id, "freshness")
    return confirmed


def confirm_on_card(
    uow: UnitOfWork, client_id: int, fields: Iterable[str] = ITEMS, *, now: datetime | None = None
) -> list[str]:
    """The card's "Confirm": the manager checked these fields (all of them by default) just now."""
    with uow:
        uow.clients.version_of(client_id)  # NotFoundError if the client is gone
        confirmed = confirm_fields(uow, client_id, fields, Source.CONFIRM, now or utcnow())
        uow.commit()
    return confirmed


def confirm_by_interaction(
    uow: UnitOfWork, client_id: int, fields: InteractionFields, reached: bool, now: datetime
) -> None:
    """Inside the logging unit of work: a call or meeting that got through (*reached*) confirms the
    phone, an e-mail that got an answer the e-mail — dated when it happened (never in the future)."""
    when = min(fields.occurred_at, now)
    if not reached:
        return
    if fields.kind is InteractionKind.EMAIL:
        confirm_fields(uow, client_id, ["email"], Source.EMAIL, when)
    elif fields.kind in (InteractionKind.CALL, InteractionKind.MEETING):
        confirm_fields(uow, client_id, ["phone"], Source.CALL, when)


def card_freshness(uow: UnitOfWork, client: Client, *, now: datetime | None = None) -> CardFreshness:
    """Inside an open (reading) unit of work: the card's confirmations and what of them is stale."""
    months = uow.freshness.months()
    before = cutoff(now or utcnow(), months)
    confirmations = uow.freshness.of_client(client.id)
    stale = stale_items(confirmations.values(), before)
    return CardFreshness(months, before, confirmations, stale, fresh_score(client.kind, client.missing, stale))


def client_freshness(uow: UnitOfWork, client_id: int, *, now: datetime | None = None) -> CardFreshness:
    """One client's confirmations and what of them is stale (``salesdesk client show``)."""
    with uow.reading():
        return card_freshness(uow, uow.clients.get(client_id), now=now)


def stale_months(uow: UnitOfWork) -> int:
    """Months after which a confirmation is stale (the base's setting, the same for every seat)."""
    with uow.reading():
        return uow.freshness.months()


def set_stale_months(uow: UnitOfWork, months: int) -> None:
    """Change the base's setting; a head's right on a base with heads (like the base's other rules)."""
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise ValidationError([FieldProblem("stale_months", msg("fresh.err.months", low=MIN_MONTHS, high=MAX_MONTHS))])
    with uow:
        require_setting(uow)
        if uow.freshness.months() != months:
            uow.base_settings.set(SETTING_KEY, str(months))
            uow.record("base", 0, "freshness")  # everything shown counts stale fields again
        uow.commit()
