"""Deals with their renewal reminder, the history of contacts, and the Deals list."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.model import (
    ClientStatus,
    Deal,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    Recurrence,
    ReminderFields,
)
from salesdesk.domain.queries import DealQuery, DealSort
from salesdesk.domain.text import fold, sort_key
from salesdesk.services import clients as clients_service
from salesdesk.services import deals, history, reference, reminders
from salesdesk.store import UnitOfWork

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
Uow = Callable[[], UnitOfWork]


def won(
    title: str = "Годовой договор", ends: date | None = date(2027, 6, 30), amount: str = "1200000.00", **extra: object
) -> DealFields:
    values: dict[str, object] = {"stage": DealStage.WON, "closed_on": date(2026, 7, 1), **extra}
    return DealFields(title=title, amount=Money.of(amount), opened_on=date(2026, 6, 1), contract_end=ends, **values)  # type: ignore[arg-type]


def test_a_won_deal_with_a_contract_end_plans_the_renewal(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    saved = deals.add_deal(uow(), client, won(), renewal_days=30, now=NOW)
    [renewal] = reminders.reminders_of(uow(), client)
    assert renewal.deal_id == saved.id
    assert renewal.due_at.astimezone().date() == date(2027, 5, 31)  # 30 days before 30 June
    assert "Offer new terms: Годовой договор (contract ends 30.06.2027)" == renewal.text


def test_the_renewal_follows_the_deal(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    saved = deals.add_deal(uow(), client, won(), renewal_days=30, now=NOW)
    moved = deals.update_deal(uow(), saved.id, 1, won(ends=date(2027, 9, 30)), renewal_days=60, now=NOW)
    [renewal] = reminders.reminders_of(uow(), client)
    # 60 days before 30 September is Sunday 1 August: the Friday before
    assert renewal.due_at.astimezone().date() == date(2027, 7, 30)
    lost = dict(stage=DealStage.LOST, lost_reason="Ушли к конкуренту")
    deals.update_deal(uow(), saved.id, moved.version, won(**lost), now=NOW)  # type: ignore[arg-type]
    assert reminders.reminders_of(uow(), client) == []


def test_a_contract_ending_soon_is_due_today_not_in_the_past(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    deals.add_deal(uow(), client, won(ends=date(2026, 12, 10)), renewal_days=30, now=NOW)
    [renewal] = reminders.reminders_of(uow(), client)
    assert renewal.due_at.astimezone().date() == NOW.astimezone().date()


def test_a_closed_renewal_is_not_reopened_and_trash_removes_an_open_one(
    uow: Uow, add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    saved = deals.add_deal(uow(), client, won(), now=NOW)
    [renewal] = reminders.reminders_of(uow(), client)
    reminders.complete_reminder(uow(), renewal.id, now=NOW)
    version = deals.update_deal(uow(), saved.id, 1, won(title="Годовой договор №2"), now=NOW).version
    assert [r.done for r in reminders.reminders_of(uow(), client)] == [True]  # offered already: no second one
    deals.trash_deal(uow(), saved.id, now=NOW)
    deals.restore_deal(uow(), saved.id)
    assert [r.done for r in reminders.reminders_of(uow(), client)] == [True]
    # the contract was extended: its new end plans the next renewal
    later = date(2028, 6, 30)
    deals.update_deal(uow(), saved.id, version + 2, won(ends=later), now=NOW)
    items = reminders.reminders_of(uow(), client)
    assert sorted(r.done for r in items) == [False, True]
    assert next(r for r in items if not r.done).due_at.astimezone().date() == later - timedelta(days=30)
    deals.trash_deal(uow(), saved.id, now=NOW)
    assert [r.done for r in reminders.reminders_of(uow(), client)] == [True]  # the open one goes with the deal


def test_deal_rules(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    with pytest.raises(ValidationError, match="Reason lost: required"):
        deals.add_deal(uow(), client, won(stage=DealStage.LOST), now=NOW)  # type: ignore[arg-type]
    open_deal = DealFields(
        title="Поставка",
        amount=Money.of("10"),
        stage=DealStage.PROPOSAL,
        opened_on=date(2026, 1, 1),
        closed_on=date(2026, 2, 1),
    )
    assert [p.field for p in deals.check_deal(open_deal)] == ["closed_on"]
    early = DealFields(
        title="Поставка", amount=Money.of("10"), opened_on=date(2026, 5, 1), contract_end=date(2026, 4, 1)
    )
    assert [p.field for p in deals.check_deal(early)] == ["contract_end"]
    # won without a date: closed today, as the manager means
    saved = deals.add_deal(
        uow(),
        client,
        DealFields(title="Разовая", amount=Money.of("99.99"), stage=DealStage.WON, opened_on=date(2026, 11, 1)),
        now=NOW,
    )
    assert deals.get_deal(uow(), saved.id).closed_on == NOW.astimezone().date()


def test_log_and_plan_closes_the_reminder_and_plans_the_next_in_one_step(
    uow: Uow, add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    prompt = reminders.add_reminder(
        uow(), client, ReminderFields(due_at=NOW - timedelta(days=1), text="Предложить новые условия")
    ).id
    call = InteractionFields(
        kind=InteractionKind.CALL, occurred_at=NOW, summary="Обсудили продление", result="Согласны на 5 % скидки"
    )
    logged = history.log_and_plan(
        uow(), client, call, close_reminder=prompt, plan=history.NextContact("Прислать договор", months=1), now=NOW
    )
    items = {r.id: r for r in reminders.reminders_of(uow(), client)}
    assert items[prompt].done and logged.next_reminder_id is not None
    assert items[logged.next_reminder_id].text == "Прислать договор"
    assert items[logged.next_reminder_id].due_at.astimezone().date() == date(2026, 12, 30)
    entries = history.timeline(uow(), client)
    kinds = [(e.kind.value, e.subtype) for e in entries]
    assert ("interaction", "call") in kinds and ("reminder", "done") in kinds and ("reminder", "open") in kinds
    assert entries == sorted(entries, key=lambda e: e.when, reverse=True)


def test_a_failed_step_leaves_no_half_done_work(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    prompt = reminders.add_reminder(uow(), client, ReminderFields(due_at=NOW, text="x")).id
    call = InteractionFields(kind=InteractionKind.CALL, occurred_at=NOW, summary="Звонок")
    with pytest.raises(ValidationError):
        history.log_and_plan(
            uow(), client, call, close_reminder=prompt, plan=history.NextContact("  ", months=1), now=NOW
        )
    assert not reminders.get_reminder(uow(), prompt).done
    assert history.timeline(uow(), client)[0].kind.value == "reminder"


def test_a_repeating_reminder_answered_moves_on(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    prompt = reminders.add_reminder(
        uow(),
        client,
        ReminderFields(due_at=datetime(2026, 11, 29, 7, 0, tzinfo=UTC), text="Сверка", recurrence=Recurrence.MONTHLY),
    ).id
    history.log_and_plan(
        uow(),
        client,
        InteractionFields(kind=InteractionKind.NOTE, occurred_at=NOW, summary="Сверка сделана"),
        close_reminder=prompt,
        now=NOW,
    )
    following = [r for r in reminders.reminders_of(uow(), client) if not r.done]
    assert [r.due_at.astimezone().date() for r in following] == [date(2026, 12, 29)]


def test_the_deals_list_filters_sorts_and_totals_in_the_database(uow: Uow, add_client: Callable[..., int]) -> None:
    anna = reference.create_manager(uow(), ManagerFields(name="Анна")).id
    construction = reference.find_industry(uow(), "F").id
    first = add_client("ООО «Ромашка»", industry_id=construction)
    second = add_client("ООО «Ёлка»")
    deals.add_deal(uow(), first, won(amount="100.10", owner_id=anna), now=NOW)
    deals.add_deal(
        uow(),
        first,
        DealFields(title="Поставка", amount=Money.of("50.05"), stage=DealStage.PROPOSAL, opened_on=date(2026, 9, 1)),
        now=NOW,
    )
    deals.add_deal(
        uow(), second, DealFields(title="Склад", amount=Money.of("1000", "USD"), opened_on=date(2026, 10, 1)), now=NOW
    )
    everything = deals.deals_view(uow(), DealQuery(), limit=10)
    assert [r.title for r in everything.rows] == ["Склад", "Поставка", "Годовой договор"]  # newest opened first
    assert everything.complete
    totals = deals.deal_totals(uow(), DealQuery())
    assert (totals.count, totals.amounts) == (3, (Money.of("1000", "USD"), Money.of("150.15")))
    assert deals.deal_totals(uow(), DealQuery(industry_id=construction)).amounts == (Money.of("150.15"),)
    won_only = deals.deals_view(uow(), DealQuery(stages=frozenset({DealStage.WON}), owner_id=anna), limit=10)
    assert [r.amount.amount for r in won_only.rows] == [Decimal("100.10")]
    by_amount = deals.deal_rows_at(uow(), DealQuery(sort=DealSort.AMOUNT, descending=False), 1, 2, total=3)
    assert [r.title for r in by_amount] == ["Годовой договор", "Склад"]
    assert [r.client_name for r in deals.deals_view(uow(), DealQuery(client_text="ёлк"), limit=5).rows] == [
        "ООО «Ёлка»"
    ]


def test_every_window_of_the_deals_list_is_the_same_list(uow: Uow, add_client: Callable[..., int]) -> None:
    """Whatever the filter, sort and direction, the windows the table reads (from the front and,
    past the middle, from the end) join up to the list a person would make by hand, without the
    deals of trashed clients or trashed deals, and the count and sums agree with it."""
    rng = random.Random(7)
    managers = [reference.create_manager(uow(), ManagerFields(name=n)).id for n in ("Анна", "Борис", "Вера")]
    industries = [reference.find_industry(uow(), code).id for code in ("F", "G")]
    names = ["ООО «Ромашка»", "ООО «Ёлка»", "ИП Ромашкин", "АО «Берёза»", "ООО «Сосна»", "ЗАО «Дуб»"]
    clients = {add_client(name, industry_id=rng.choice([*industries, None])): name for name in names}
    stages = list(DealStage)
    made = []
    for _ in range(70):
        client = rng.choice(list(clients))
        stage = rng.choice(stages)
        opened = date(2026, 1, 1) + timedelta(days=rng.randrange(300))
        closed = opened + timedelta(days=rng.randrange(30)) if stage.closed else None
        fields = DealFields(
            title=f"Сделка {rng.randrange(20):02d}",
            amount=Money.of(str(rng.randrange(1, 50) * 10)),
            stage=stage,
            lost_reason="Дорого" if stage is DealStage.LOST else "",
            opened_on=opened,
            closed_on=closed,
            owner_id=rng.choice([*managers, None]),
            contract_end=opened + timedelta(days=365) if rng.random() < 0.3 else None,
        )
        made.append(deals.add_deal(uow(), client, fields, now=NOW).id)
    trashed_client = next(iter(clients))
    clients_service.trash_client(uow(), trashed_client)
    for ident in made[:5]:
        deals.trash_deal(uow(), ident, now=NOW)
    every = [d for c in clients if c != trashed_client for d in deals.deals_of(uow(), c)]
    industry_of = {c: clients_service.get_client(uow(), c).industry_id for c in clients if c != trashed_client}
    owners = {m.id: m.name for m in reference.list_managers(uow())}

    def key(deal: Deal, sort: DealSort) -> Any:
        owner = owners.get(deal.owner_id) if deal.owner_id is not None else None
        return {
            DealSort.OPENED: deal.opened_on,
            DealSort.AMOUNT: deal.amount.minor,
            DealSort.TITLE: deal.title,
            DealSort.STAGE: stages.index(deal.stage),
            DealSort.CLIENT: sort_key(clients[deal.client_id]),
            DealSort.OWNER: fold(owner) if owner else None,
            DealSort.CLOSED: deal.closed_on,
            DealSort.CONTRACT_END: deal.contract_end,
        }[sort]

    queries = [
        DealQuery(),
        DealQuery(stages=frozenset({DealStage.WON, DealStage.LOST})),
        DealQuery(owner_id=managers[0]),
        DealQuery(industry_id=industries[0]),
        DealQuery(client_text="ромаш"),
        DealQuery(opened_from=date(2026, 3, 1), opened_to=date(2026, 6, 30), owner_id=managers[1]),
    ]
    for base in queries:
        for sort in DealSort:
            for descending in (True, False):
                query = dataclasses.replace(base, sort=sort, descending=descending)
                shown = [
                    d
                    for d in every
                    if (not query.stages or d.stage in query.stages)
                    and (query.owner_id is None or d.owner_id == query.owner_id)
                    and (query.industry_id is None or industry_of[d.client_id] == query.industry_id)
                    and (not query.client_text or "ромаш" in fold(clients[d.client_id]))
                    and (query.opened_from is None or d.opened_on >= query.opened_from)
                    and (query.opened_to is None or d.opened_on <= query.opened_to)
                ]
                known = sorted(
                    (d for d in shown if key(d, sort) is not None),
                    key=lambda d: (key(d, sort), d.id),
                    reverse=descending,
                )
                blank = sorted((d for d in shown if key(d, sort) is None), key=lambda d: d.id, reverse=descending)
                shown = known + blank  # no closing date, contract end or owner: last either way
                first = deals.deals_view(uow(), query, limit=4)
                assert [r.id for r in first.rows] == [d.id for d in shown[:4]]
                assert first.complete == (len(shown) <= 4)
                total = deals.deal_totals(uow(), query).count
                assert total == len(shown), query
                windows = [
                    r.id
                    for offset in range(0, total, 4)
                    for r in deals.deal_rows_at(uow(), query, offset, 4, total=total)
                ]
                assert windows == [d.id for d in shown], query
                sums = deals.deal_totals(uow(), query)
                assert sum((m.amount for m in sums.amounts), Decimal(0)) == sum(
                    (d.amount.amount for d in shown), Decimal(0)
                )


def test_totals_keep_every_currency_apart(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    for amount, currency in (("10.50", "RUB"), ("5", "GBP"), ("7", "GBP"), ("1", "CHF"), ("2", "USD")):
        deals.add_deal(
            uow(),
            client,
            DealFields(title="Поставка", amount=Money.of(amount, currency), opened_on=date(2026, 1, 1)),
            now=NOW,
        )
    totals = deals.deal_totals(uow(), DealQuery())
    assert totals.count == 5
    assert totals.amounts == (Money.of("12", "GBP"), Money.of("10.50"), Money.of("2", "USD"), Money.of("1", "CHF"))


def test_a_repeating_reminder_closed_from_another_card_repeats_on_its_own_client(
    uow: Uow, add_client: Callable[..., int]
) -> None:
    mine, theirs = add_client("ООО «Ромашка»"), add_client("ООО «Ёлка»")
    prompt = reminders.add_reminder(
        uow(),
        theirs,
        ReminderFields(due_at=datetime(2026, 11, 29, 7, 0, tzinfo=UTC), text="Сверка", recurrence=Recurrence.MONTHLY),
    ).id
    call = InteractionFields(kind=InteractionKind.CALL, occurred_at=NOW, summary="Звонок")
    history.log_and_plan(uow(), mine, call, close_reminder=prompt, now=NOW)
    assert not reminders.reminders_of(uow(), mine)
    again = [r for r in reminders.reminders_of(uow(), theirs) if not r.done]
    assert [r.text for r in again] == ["Сверка"]


@pytest.mark.parametrize("before", [ClientStatus.LEAD, ClientStatus.PROSPECT])
def test_a_deal_created_won_makes_a_lead_or_prospect_active(
    uow: Uow, add_client: Callable[..., int], before: ClientStatus
) -> None:
    client = add_client("ООО «Ромашка»", status=before)
    version = clients_service.get_client(uow(), client).version
    saved = deals.add_deal(uow(), client, won(), now=NOW)
    assert saved.client_was is before and saved.client_id == client
    after = clients_service.get_client(uow(), client)
    assert after.status is ClientStatus.ACTIVE and after.version == version + 1  # an open card sees the change


@pytest.mark.parametrize("before", [ClientStatus.ACTIVE, ClientStatus.FORMER])
def test_a_won_deal_leaves_an_active_or_former_client_as_it_is(
    uow: Uow, add_client: Callable[..., int], before: ClientStatus
) -> None:
    client = add_client("ООО «Ромашка»", status=before)
    saved = deals.add_deal(uow(), client, won(), now=NOW)
    assert saved.client_was is None
    assert clients_service.get_client(uow(), client).status is before


def test_an_open_deal_leaves_a_lead_a_lead_until_it_is_won(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    open_deal = won(ends=None, stage=DealStage.PROPOSAL, closed_on=None)
    saved = deals.add_deal(uow(), client, open_deal, now=NOW)
    assert saved.client_was is None and clients_service.get_client(uow(), client).status is ClientStatus.LEAD
    moved = deals.update_deal(uow(), saved.id, saved.version, won(), now=NOW)
    assert moved.client_was is ClientStatus.LEAD
    assert clients_service.get_client(uow(), client).status is ClientStatus.ACTIVE


def test_editing_a_deal_won_before_does_not_change_the_status_again(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    saved = deals.add_deal(uow(), client, won(), now=NOW)
    client_now = clients_service.get_client(uow(), client)
    clients_service.update_client(
        uow(), client, client_now.version, dataclasses.replace(client_now.fields(), status=ClientStatus.LEAD)
    )
    edited = deals.update_deal(uow(), saved.id, saved.version, won(amount="5.00"), now=NOW)
    assert edited.client_was is None  # the user set it back to a lead: their choice stays
    assert clients_service.get_client(uow(), client).status is ClientStatus.LEAD


def test_undo_puts_the_previous_status_back(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»", status=ClientStatus.PROSPECT)
    saved = deals.add_deal(uow(), client, won(), now=NOW)
    assert saved.client_was is not None
    assert deals.undo_activation(uow(), client, saved.client_was, now=NOW)
    assert clients_service.get_client(uow(), client).status is ClientStatus.PROSPECT
    [deal] = deals.deals_of(uow(), client)
    assert deal.stage is DealStage.WON  # only the status goes back; the deal stays won


def test_undo_leaves_a_status_the_user_changed_since(uow: Uow, add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    deals.add_deal(uow(), client, won(), now=NOW)
    current = clients_service.get_client(uow(), client)
    clients_service.update_client(
        uow(), client, current.version, dataclasses.replace(current.fields(), status=ClientStatus.FORMER)
    )
    assert not deals.undo_activation(uow(), client, ClientStatus.LEAD, now=NOW)
    assert clients_service.get_client(uow(), client).status is ClientStatus.FORMER
