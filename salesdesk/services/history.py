"""The history of work with a client: calls, meetings, letters and notes; and the card's timeline.

``log_and_plan`` is the office's daily routine in one step: note what came of a contact, close
the reminder that prompted it and plan the next contact — in one transaction, so a failure
leaves neither a closed reminder without its note nor a note without its next step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from salesdesk.domain.model import Deal, Interaction, InteractionFields, Recurrence, Reminder, ReminderFields
from salesdesk.domain.numbers import money_text
from salesdesk.domain.reminders import contact_due
from salesdesk.domain.validation import validate_interaction, validate_reminder
from salesdesk.services.common import SaveResult, set_deleted, utcnow
from salesdesk.services.freshness import confirm_by_interaction
from salesdesk.services.reminders import mark_done
from salesdesk.store import UnitOfWork


def log_interaction(
    uow: UnitOfWork,
    client_id: int,
    fields: InteractionFields,
    *,
    reached: bool = False,
    now: datetime | None = None,
) -> SaveResult:
    """Log a contact. A call or meeting that *reached* the client confirms the card's phone, an
    e-mail its e-mail (services/freshness.py), dated when it happened."""
    cleaned = validate_interaction(fields)
    now = now or utcnow()
    with uow:
        uow.clients.version_of(client_id)
        ident = uow.interactions.add(client_id, cleaned, now)
        uow.record("interaction", ident, "created", client=client_id, after=cleaned)
        confirm_by_interaction(uow, client_id, cleaned, reached, now)
        uow.record("client", client_id, "history")
        uow.commit()
    return SaveResult(ident, 1)


def trash_interaction(uow: UnitOfWork, interaction_id: int, *, now: datetime | None = None) -> int:
    return _set_deleted(uow, interaction_id, now or utcnow())


def restore_interaction(uow: UnitOfWork, interaction_id: int) -> int:
    return _set_deleted(uow, interaction_id, None)


def _set_deleted(uow: UnitOfWork, interaction_id: int, when: datetime | None) -> int:
    return set_deleted(uow, lambda u: u.interactions, "interaction", [interaction_id], when, client_part="history")[0]


@dataclass(frozen=True, slots=True)
class NextContact:
    """When to get back to the client: in N months or on a date, with what to do."""

    text: str
    months: int | None = None
    on: date | None = None
    recurrence: Recurrence = Recurrence.NONE

    def due(self, now: datetime) -> datetime:
        return contact_due(now, months=self.months or 1, on=self.on)


@dataclass(frozen=True, slots=True)
class Logged:
    interaction_id: int
    closed_reminder_id: int | None
    next_reminder_id: int | None


def log_and_plan(
    uow: UnitOfWork,
    client_id: int,
    fields: InteractionFields,
    *,
    close_reminder: int | None = None,
    plan: NextContact | None = None,
    manager_id: int | None = None,
    reached: bool = False,
    now: datetime | None = None,
) -> Logged:
    """Record a contact, close the reminder it answered (a repeating one moves on), plan the next;
    a contact that *reached* the client confirms its phone or e-mail (as ``log_interaction``)."""
    now = now or utcnow()
    cleaned = validate_interaction(fields)
    following = None
    if plan is not None:
        following = validate_reminder(
            ReminderFields(due_at=plan.due(now), text=plan.text, recurrence=plan.recurrence, manager_id=manager_id)
        )
    with uow:
        uow.clients.version_of(client_id)
        interaction_id = uow.interactions.add(client_id, cleaned, now)
        uow.record("interaction", interaction_id, "created", client=client_id, after=cleaned)
        confirm_by_interaction(uow, client_id, cleaned, reached, now)
        if close_reminder is not None:
            mark_done(uow, uow.reminders.get(close_reminder), now)
        next_id = None
        if following is not None:
            next_id = uow.reminders.add(client_id, following, now)
            uow.record("reminder", next_id, "created", client=client_id, after=following)
            uow.record("client", client_id, "reminders")
        uow.record("client", client_id, "history")
        uow.commit()
    return Logged(interaction_id, close_reminder, next_id)


# The card's timeline --------------------------------------------------------------------------------


class EntryKind(StrEnum):
    INTERACTION = "interaction"
    DEAL = "deal"
    REMINDER = "reminder"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: datetime
    kind: EntryKind
    ident: int
    title: str  # what happened, in a line
    detail: str  # the result, amount, state…
    subtype: str  # the interaction kind, the deal stage, or "done"/"open" for a reminder
    who: str = ""


def timeline(uow: UnitOfWork, client_id: int, limit: int = 500) -> list[TimelineEntry]:
    """Interactions, deals and reminders of a client, newest first."""
    with uow.reading():
        interactions = uow.interactions.list_for(client_id, limit=limit)
        deals = uow.deals.list_for(client_id)
        reminders = uow.reminders.list_for(client_id)
    return build_timeline(interactions, deals, reminders, limit)


def build_timeline(
    interactions: Sequence[Interaction], deals: Sequence[Deal], reminders: Sequence[Reminder], limit: int = 500
) -> list[TimelineEntry]:
    """The card's timeline from what it already holds: contacts, deals (on their closing or opening
    day) and reminders (when done, or when due), newest first."""
    entries = [
        TimelineEntry(i.occurred_at, EntryKind.INTERACTION, i.id, i.summary, i.result, i.kind.value, i.manager_name)
        for i in interactions
    ]
    for deal in deals:
        day = deal.closed_on or deal.opened_on
        entries.append(
            TimelineEntry(
                _local_midday(day),
                EntryKind.DEAL,
                deal.id,
                deal.title,
                money_text(deal.amount),
                deal.stage.value,
                deal.owner_name,
            )
        )
    for reminder in reminders:
        when = reminder.done_at or reminder.effective_due
        entries.append(
            TimelineEntry(when, EntryKind.REMINDER, reminder.id, reminder.text, "", "done" if reminder.done else "open")
        )
    entries.sort(key=lambda e: (e.when, e.kind.value, e.ident), reverse=True)
    return entries[:limit]


def _local_midday(day: date) -> datetime:
    return datetime.combine(day, time(12, 0)).astimezone()
