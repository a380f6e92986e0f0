"""Deals (sales) of a client: record, edit, trash, restore — and the renewal "hook".

A won deal with a contract end date gets a reminder N days before the end to offer new terms:
the reminder the office lives by. It follows the deal: moving the contract end moves it, losing
or reopening the deal removes it, and a reminder the manager already closed is left alone.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from salesdesk.domain.errors import FieldProblem
from salesdesk.domain.messages import Message, msg
from salesdesk.domain.model import ClientStatus, Deal, DealFields, DealStage, ReminderFields
from salesdesk.domain.queries import DealQuery, DealRow, DealTotals
from salesdesk.domain.reminders import WORKDAY_START, local_at
from salesdesk.domain.validation import deal_problems, validate_deal
from salesdesk.domain.workdays import DayText, PlannedDay, plan_on_working_day
from salesdesk.services.common import SaveResult, check_references, set_deleted, utcnow
from salesdesk.services.reminders import reminder_values
from salesdesk.store import UnitOfWork

DEFAULT_RENEWAL_DAYS = 30


def check_deal(fields: DealFields) -> list[FieldProblem]:
    """Problems of a deal as typed so far, without saving (the editor calls this per keystroke)."""
    return deal_problems(_closing_date(fields, date.today()))


def _closing_date(fields: DealFields, today: date) -> DealFields:
    """A deal marked won or lost without a date closed today: what the manager means."""
    if fields.stage.closed and fields.closed_on is None:
        return dataclasses.replace(fields, closed_on=today)
    return fields


@dataclass(frozen=True, slots=True)
class DealSaved(SaveResult):
    """A saved deal; when winning it made a lead or prospect an active client, what the client was
    (for the notice that says so and its Undo)."""

    client_id: int = 0
    client_was: ClientStatus | None = None


# A won deal makes these an active client; an active or former client keeps its status.
BECOME_ACTIVE_WHEN_WON = frozenset({ClientStatus.LEAD, ClientStatus.PROSPECT})


def add_deal(
    uow: UnitOfWork,
    client_id: int,
    fields: DealFields,
    *,
    renewal_days: int = DEFAULT_RENEWAL_DAYS,
    now: datetime | None = None,
) -> DealSaved:
    now = now or utcnow()
    cleaned = validate_deal(_closing_date(fields, now.astimezone().date()))
    with uow:
        uow.clients.version_of(client_id)
        check_references(uow, owner_id=cleaned.owner_id)
        deal_id = uow.deals.add(client_id, cleaned, now)
        _sync_renewal(uow, deal_id, client_id, cleaned, renewal_days, now)
        was = _activate_if_won(uow, client_id, cleaned, now)
        uow.record("deal", deal_id, "created", client=client_id, after=cleaned)
        uow.record("client", client_id, "deals")
        uow.commit()
    return DealSaved(deal_id, 1, client_id=client_id, client_was=was)


def update_deal(
    uow: UnitOfWork,
    deal_id: int,
    expected_version: int,
    fields: DealFields,
    *,
    renewal_days: int = DEFAULT_RENEWAL_DAYS,
    now: datetime | None = None,
) -> DealSaved:
    now = now or utcnow()
    cleaned = validate_deal(_closing_date(fields, now.astimezone().date()))
    with uow:
        check_references(uow, owner_id=cleaned.owner_id)
        before = _fields(uow.deals.get(deal_id))
        stage_before = before.stage
        version = uow.deals.update(deal_id, expected_version, cleaned, now)
        client_id = uow.deals.client_of(deal_id)
        _sync_renewal(uow, deal_id, client_id, cleaned, renewal_days, now)
        # only the move to won: editing the amount of a deal won long ago leaves the status alone
        was = _activate_if_won(uow, client_id, cleaned, now) if stage_before is not DealStage.WON else None
        uow.record("deal", deal_id, "updated", client=client_id, before=before, after=cleaned)
        uow.record("client", client_id, "deals")
        uow.commit()
    return DealSaved(deal_id, version, client_id=client_id, client_was=was)


def _activate_if_won(uow: UnitOfWork, client_id: int, deal: DealFields, now: datetime) -> ClientStatus | None:
    """Inside an open unit of work: a won deal makes a lead or prospect an active client. Returns
    the status it had (None when nothing changed)."""
    if deal.stage is not DealStage.WON:
        return None
    was = uow.clients.status_of(client_id)
    if was not in BECOME_ACTIVE_WHEN_WON:
        return None
    uow.clients.set_status(client_id, ClientStatus.ACTIVE, now)
    uow.record("client", client_id, "status", before={"status": was}, after={"status": ClientStatus.ACTIVE})
    return was


def undo_activation(uow: UnitOfWork, client_id: int, was: ClientStatus, *, now: datetime | None = None) -> bool:
    """Undo what a won deal did to the client's status: back to *was*, if it is still active (a
    status the user changed since is theirs and stays). True when it was restored."""
    with uow:
        if uow.clients.status_of(client_id) is not ClientStatus.ACTIVE:
            return False
        uow.clients.set_status(client_id, was, now or utcnow())
        uow.record("client", client_id, "status", before={"status": ClientStatus.ACTIVE}, after={"status": was})
        uow.commit()
    return True


def _set_deleted(uow: UnitOfWork, deal_id: int, when: datetime | None, renewal_days: int = DEFAULT_RENEWAL_DAYS) -> int:
    def renewal(_ident: int, client_id: int) -> None:
        # a deal in the trash wants no renewal; one brought back wants its reminder again
        fields = _fields(uow.deals.get(deal_id)) if when is None else None
        _sync_renewal(uow, deal_id, client_id, fields, renewal_days, utcnow())

    return set_deleted(uow, lambda u: u.deals, "deal", [deal_id], when, client_part="deals", then=renewal)[0]


def trash_deal(uow: UnitOfWork, deal_id: int, *, now: datetime | None = None) -> int:
    """Move a deal to the trash; its pending renewal reminder goes with it."""
    return _set_deleted(uow, deal_id, now or utcnow())


def restore_deal(uow: UnitOfWork, deal_id: int, *, renewal_days: int = DEFAULT_RENEWAL_DAYS) -> int:
    return _set_deleted(uow, deal_id, None, renewal_days)


def get_deal(uow: UnitOfWork, deal_id: int) -> Deal:
    with uow.reading():
        return uow.deals.get(deal_id)


def deals_of(uow: UnitOfWork, client_id: int) -> list[Deal]:
    with uow.reading():
        return uow.deals.list_for(client_id)


@dataclass(frozen=True, slots=True)
class DealsView:
    """What the Deals tab shows at once for a query: its first rows. Whether there are more is
    known (``complete``); how many, with their sums, is ``deal_totals``, asked next."""

    rows: tuple[DealRow, ...]
    complete: bool  # these are all the deals the query shows


def deals_view(uow: UnitOfWork, query: DealQuery, *, limit: int) -> DealsView:
    with uow.reading():
        rows = tuple(uow.deal_listing.rows(query, offset=0, limit=limit + 1))
    return DealsView(rows[:limit], complete=len(rows) <= limit)


def deal_totals(uow: UnitOfWork, query: DealQuery) -> DealTotals:
    """The count and the sums per currency of the deals *query* shows (asked after the rows: on a
    million deals adding them up takes longer than finding the first page)."""
    with uow.reading():
        return uow.deal_listing.totals(query)


def deal_rows_at(uow: UnitOfWork, query: DealQuery, offset: int, limit: int, total: int | None = None) -> list[DealRow]:
    with uow.reading():
        return uow.deal_listing.rows(query, offset=offset, limit=limit, total=total)


def renewal_plan(contract_end: date, renewal_days: int, now: datetime) -> PlannedDay:
    """The day to offer new terms: *renewal_days* before the contract ends, or the working day
    before that when it is a weekend or a public holiday; never in the past (a contract ending
    sooner than that is due today)."""
    return plan_on_working_day(contract_end - timedelta(days=renewal_days), not_before=now.astimezone().date())


def renewal_due(contract_end: date, renewal_days: int, now: datetime) -> datetime:
    """When the renewal reminder comes: the start of the working day ``renewal_plan`` chose."""
    return local_at(renewal_plan(contract_end, renewal_days, now).day, WORKDAY_START)


def renewal_note(contract_end: date, renewal_days: int, now: datetime) -> Message:
    """The sentence the deal editor shows under the contract end: when the reminder will come, and
    which day off it avoided."""
    plan = renewal_plan(contract_end, renewal_days, now)
    if plan.moved_from is None:
        return msg("deal.renewal_note", on=DayText(plan.day))
    return msg("deal.renewal_note_moved", on=DayText(plan.day), off=DayText(plan.moved_from, with_weekday=False))


def _sync_renewal(
    uow: UnitOfWork, deal_id: int, client_id: int, deal: DealFields | None, renewal_days: int, now: datetime
) -> None:
    pending = uow.reminders.open_for_deal(deal_id)
    if deal is None or deal.stage is not DealStage.WON or deal.contract_end is None:
        for reminder in pending:
            uow.reminders.set_deleted(reminder.id, reminder.version, now)
            uow.record("reminder", reminder.id, "trashed", client=client_id)
        return
    due = renewal_due(deal.contract_end, renewal_days, now)
    text = str(msg("deal.renewal_text", title=deal.title, ends=deal.contract_end.strftime("%d.%m.%Y")))
    if pending:
        first = pending[0]
        if (first.due_at, first.text) != (due, text):
            fields = ReminderFields(
                due_at=due, text=text, recurrence=first.recurrence, manager_id=first.manager_id, deal_id=deal_id
            )
            uow.reminders.update(first.id, first.version, fields, now=now, done_at=None, snoozed_until=None)
            uow.record(
                "reminder",
                first.id,
                "updated",
                client=client_id,
                before=reminder_values(first),
                after=reminder_values(fields),
            )
        return
    if any(done.due_at == due for done in uow.reminders.done_for_deal(deal_id)):
        return  # this renewal was offered already; a new contract end plans the next one
    renewal = ReminderFields(due_at=due, text=text, manager_id=deal.owner_id, deal_id=deal_id)
    ident = uow.reminders.add(client_id, renewal, now)
    uow.record("reminder", ident, "created", client=client_id, after=renewal)


def _fields(deal: Deal) -> DealFields:
    return DealFields(
        title=deal.title,
        amount=deal.amount,
        stage=deal.stage,
        lost_reason=deal.lost_reason,
        opened_on=deal.opened_on,
        closed_on=deal.closed_on,
        contract_end=deal.contract_end,
        owner_id=deal.owner_id,
    )


def deal_fields(deal: Deal) -> DealFields:
    """The editable part of a saved deal: what an edit starts from (the conflict dialog compares it)."""
    return _fields(deal)
