"""Everything the card editor shows for one client, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.domain.model import Client, ContactPerson, Deal, Interaction, Reminder
from salesdesk.services.freshness import CardFreshness, card_freshness
from salesdesk.store import UnitOfWork


@dataclass(frozen=True, slots=True)
class Card:
    client: Client
    contacts: tuple[ContactPerson, ...]
    interactions: tuple[Interaction, ...]
    deals: tuple[Deal, ...]
    reminders: tuple[Reminder, ...]
    freshness: CardFreshness | None = None  # which filled fields are stale (None: not read)


def load_card(uow: UnitOfWork, client_id: int) -> Card:
    with uow.reading():
        client = uow.clients.get(client_id)
        return Card(
            client=client,
            contacts=tuple(uow.contacts.list_for(client_id)),
            interactions=tuple(uow.interactions.list_for(client_id)),
            deals=tuple(uow.deals.list_for(client_id)),
            reminders=tuple(uow.reminders.list_for(client_id)),
            freshness=card_freshness(uow, client),
        )
