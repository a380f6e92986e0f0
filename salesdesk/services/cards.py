"""Everything the card editor shows for one client, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.domain.model import Client, ContactPerson, Deal, Interaction, Reminder
from salesdesk.services.enrichment import RegisterFacts, register_facts_in
from salesdesk.store import UnitOfWork


@dataclass(frozen=True, slots=True)
class Card:
    client: Client
    contacts: tuple[ContactPerson, ...]
    interactions: tuple[Interaction, ...]
    deals: tuple[Deal, ...]
    reminders: tuple[Reminder, ...]
    register: RegisterFacts | None = None  # what the tax service's open data said (issue 16)


def load_card(uow: UnitOfWork, client_id: int) -> Card:
    with uow.reading():
        return Card(
            client=uow.clients.get(client_id),
            contacts=tuple(uow.contacts.list_for(client_id)),
            interactions=tuple(uow.interactions.list_for(client_id)),
            deals=tuple(uow.deals.list_for(client_id)),
            reminders=tuple(uow.reminders.list_for(client_id)),
            register=register_facts_in(uow, client_id),
        )
