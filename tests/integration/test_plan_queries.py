"""The SQL behind Plan and fact and Hooks (issue 16), on SQLite and on PostgreSQL: the office's sales
cycle (a median computed from grouped days), and the Hooks report's crediting of won deals to
reminders — the statement that adds the credited deals up in the database is compared with the one
it replaced (kept here as the reference) on a generated base full of edge cases.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any, NamedTuple

import pytest
from sqlalchemy import Connection, func, insert, select, update

from salesdesk.domain.model import ClientFields, ManagerFields
from salesdesk.services import clients, reference
from salesdesk.store import Database, UnitOfWork
from salesdesk.store import schema as s
from salesdesk.store.plans import CreditedGroup, _day_minus, _days_between, _done_ever, _done_in, _local_day, _who
from salesdesk.store.reports import WON, _live_client

MOMENT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _deal_row(client: int, amount: int, stage: str, opened: date, closed: date | None, **extra: Any) -> dict[str, Any]:
    return {
        "client_id": client,
        "title": "Поставка",
        "amount_minor": amount,
        "currency": extra.pop("currency", "RUB"),
        "stage": stage,
        "opened_on": opened,
        "closed_on": closed,
        "owner_id": extra.pop("owner_id", None),
        "created_at": MOMENT,
        "updated_at": MOMENT,
        "deleted_at": extra.pop("deleted_at", None),
    }


def _clients(database: Database, count: int, owners: list[int | None]) -> list[int]:
    uow = lambda: UnitOfWork(database)  # noqa: E731
    return [
        clients.create_client(uow(), ClientFields(name=f"ООО «Клиент {n}»", owner_id=owners[n % len(owners)])).id
        for n in range(count)
    ]


def _cycle(database: Database, since: date, until: date, latest: int = 5000) -> tuple[Fraction | None, int]:
    uow = UnitOfWork(database)
    with uow.reading():
        return uow.plan_queries.won_cycle(since, until, latest)


def test_the_sales_cycle_is_the_median_of_the_won_deals_of_the_year(database: Database) -> None:
    client, trashed_client = _clients(database, 2, [None])
    day = date(2026, 3, 1)
    rows = []
    # 11 deals of 40 days and 11 of 61: 22 in all, the middle two are 40 and 61 → 50.5
    for n in range(11):
        rows.append(_deal_row(client, 100, WON, day - timedelta(days=n + 40), day - timedelta(days=n)))
        rows.append(_deal_row(client, 100, WON, day - timedelta(days=n + 61), day - timedelta(days=n)))
    # none of these count: too old, in the trash, of a client in the trash, not won, closed before
    # it was opened (typed wrong), and won after the day asked about
    far = [
        _deal_row(client, 1, WON, date(2024, 1, 1), date(2025, 2, 28)),
        _deal_row(client, 1, WON, day - timedelta(days=900), day, deleted_at=MOMENT),
        _deal_row(trashed_client, 1, WON, day - timedelta(days=900), day),
        _deal_row(client, 1, "lost", day - timedelta(days=900), day),
        _deal_row(client, 1, "proposal", day - timedelta(days=900), None),
        _deal_row(client, 1, WON, day, day - timedelta(days=3)),
        _deal_row(client, 1, WON, day - timedelta(days=900), day + timedelta(days=1)),
    ]
    with database.engine.begin() as conn:
        conn.execute(insert(s.deals), rows + far)
        conn.execute(update(s.clients).where(s.clients.c.id == trashed_client).values(deleted_at=MOMENT))
    assert _cycle(database, day - timedelta(days=365), day) == (Fraction(101, 2), 22)
    # one more of 61 days: 23 deals, the middle one is 61
    with database.engine.begin() as conn:
        conn.execute(insert(s.deals), [_deal_row(client, 100, WON, day - timedelta(days=61), day)])
    assert _cycle(database, day - timedelta(days=365), day) == (Fraction(61), 23)
    assert _cycle(database, date(2020, 1, 1), date(2020, 12, 31)) == (None, 0)
    # with a limit, the latest by closing day, then by id: a deal of 10 days closed on 1 March
    # comes first, then the 61-day one added before it
    with database.engine.begin() as conn:
        conn.execute(insert(s.deals), [_deal_row(client, 100, WON, day - timedelta(days=10), day)])
    assert _cycle(database, day - timedelta(days=365), day, latest=1) == (Fraction(10), 1)
    assert _cycle(database, day - timedelta(days=365), day, latest=2) == (Fraction(71, 2), 2)
    assert _cycle(database, day - timedelta(days=365), day - timedelta(days=1), latest=2) == (Fraction(101, 2), 2)


# Hooks: the crediting statement against the one it replaced ---------------------------------------


class OldCredited(NamedTuple):
    hook_id: int
    text: str
    manager_id: int | None
    currency: str
    deals: int
    amount_minor: int
    min_days: int


def _old_credited_sales(
    conn: Connection, start: datetime, end: datetime, deal_days: int, utc_offset_seconds: int
) -> list[OldCredited]:
    """``PlanQueries.credited_sales`` as it was before the Hooks report was made faster: one row per
    reminder and currency, added up in Python by the report — with the crediting rule as it is now:
    a deal goes to its client's latest hook whenever it was done, and is counted in the period of
    that hook only (before, the latest hook within the report's period, so a deal could count in two
    adjacent periods)."""
    dialect = conn.dialect.name
    r, d = s.reminders.c, s.deals.c
    hook_day = _local_day(dialect, r.done_at, utc_offset_seconds, 0)
    hook = (
        select(r.id)
        .where(
            r.client_id == d.client_id,
            *_done_ever(),
            hook_day <= d.closed_on,
            hook_day >= _day_minus(dialect, d.closed_on, deal_days),
        )
        .order_by(r.done_at.desc(), r.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    credited = (
        select(d.closed_on, d.currency, d.amount_minor, hook.label("hook"))
        .where(
            d.stage == WON,
            d.deleted_at.is_(None),
            d.closed_on >= start.date() - timedelta(days=1),
            d.closed_on <= (end + timedelta(days=deal_days + 1)).date(),
            _live_client(d.client_id),
        )
        .subquery("credited")
    )
    days = _days_between(dialect, credited.c.closed_on, _local_day(dialect, r.done_at, utc_offset_seconds, 0))
    who = _who()
    stmt = (
        select(r.id, r.text, who, credited.c.currency, func.count(), func.sum(credited.c.amount_minor), func.min(days))
        .select_from(credited.join(s.reminders, r.id == credited.c.hook))
        .where(*_done_in(start, end))
        .group_by(r.id, r.text, who, credited.c.currency)
    )
    return [
        OldCredited(int(i), str(t), None if w is None else int(w), str(c), int(n), int(a), int(m))
        for i, t, w, c, n, a, m in conn.execute(stmt)
    ]


def _as_groups(old: list[OldCredited]) -> dict[tuple[str, int | None, str, int], tuple[int, int, int]]:
    """The old rows added up the way the new statement adds them: per text, manager, currency and the
    hook's days to its nearest deal (any currency); a hook counted once, on its smallest currency."""
    by_hook: dict[int, list[OldCredited]] = defaultdict(list)
    for row in old:
        by_hook[row.hook_id].append(row)
    groups: dict[tuple[str, int | None, str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    for rows in by_hook.values():
        days = min(r.min_days for r in rows)
        first = min(r.currency for r in rows)
        for r in rows:
            group = groups[(r.text, r.manager_id, r.currency, days)]
            group[0] += r.currency == first
            group[1] += r.deals
            group[2] += r.amount_minor
    return {k: (v[0], v[1], v[2]) for k, v in groups.items()}


def _new_groups(found: list[CreditedGroup]) -> dict[tuple[str, int | None, str, int], tuple[int, int, int]]:
    out = {(g.text, g.manager_id, g.currency, g.days): (g.hooks, g.deals, g.amount_minor) for g in found}
    assert len(out) == len(found)  # one row per group
    return out


def _generated_base(database: Database, seed: int) -> None:
    """60 clients with reminders done and won deals around them: ties to the microsecond, moments on
    local and UTC midnights, deals on the hook's day, the last day of the window and the one after,
    before the hook, in three currencies, in the trash; reminders in the trash, without a manager;
    clients in the trash and without an owner."""
    rng = random.Random(seed)
    uow = lambda: UnitOfWork(database)  # noqa: E731
    managers = [reference.create_manager(uow(), ManagerFields(name=n)).id for n in ("Анна", "Борис", "Вера")]
    ids = _clients(database, 60, [*managers, None])
    texts = ("Позвонить по поводу продления", "Выслать прайс", "Follow up", "Обед", "Отправить КП")
    first = datetime(2026, 1, 1, tzinfo=UTC)
    reminders: list[dict[str, Any]] = []
    deals: list[dict[str, Any]] = []
    for client in ids:
        moments: list[datetime] = []
        for _ in range(rng.randrange(5)):
            kind = rng.randrange(4)
            day = first + timedelta(days=rng.randrange(-20, 100))
            if kind == 0 and moments:
                moment = moments[-1]  # the same microsecond as the one before
            elif kind == 1:
                moment = day.replace(hour=21)  # local midnight at UTC+3
            elif kind == 2:
                moment = day  # UTC midnight
            else:
                moment = day + timedelta(seconds=rng.randrange(86_400), microseconds=rng.randrange(10**6))
            moments.append(moment)
            reminders.append(
                {
                    "client_id": client,
                    "text": rng.choice(texts),
                    "due_at": moment,
                    "effective_due": moment,
                    "done_at": moment,
                    "recurrence": "none",
                    "manager_id": rng.choice([*managers, None]),
                    "version": 1,
                    "created_at": moment,
                    "updated_at": moment,
                    "deleted_at": MOMENT if rng.random() < 0.1 else None,
                }
            )
        for _ in range(rng.randrange(6)):
            if moments and rng.random() < 0.7:
                base = rng.choice(moments).date()
                closed = base + timedelta(days=rng.choice([0, 0, 1, 2, 6, 7, 8, 30, 89, 90, 91, -1]))
            else:
                closed = first.date() + timedelta(days=rng.randrange(-30, 200))
            deals.append(
                _deal_row(
                    client,
                    rng.randrange(1, 10**9),
                    WON if rng.random() < 0.85 else "lost",
                    closed - timedelta(days=rng.randrange(100)),
                    closed,
                    currency=rng.choice(["RUB", "RUB", "RUB", "USD", "EUR"]),
                    deleted_at=MOMENT if rng.random() < 0.05 else None,
                )
            )
    with database.engine.begin() as conn:
        conn.execute(insert(s.reminders), reminders)
        conn.execute(insert(s.deals), deals)
        for client in rng.sample(ids, 4):
            conn.execute(update(s.clients).where(s.clients.c.id == client).values(deleted_at=MOMENT))


@pytest.mark.parametrize("seed", [1, 2])
def test_the_hooks_crediting_statement_gives_what_the_old_one_gave(database: Database, seed: int) -> None:
    _generated_base(database, seed)
    windows = [
        (datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)),
        (datetime(2026, 1, 10, 21, tzinfo=UTC), datetime(2026, 2, 14, 21, tzinfo=UTC)),
    ]
    compared = 0
    for start, end in windows:
        for deal_days in (90, 7, 0):
            for offset in (0, 3 * 3600, -5 * 3600):
                uow = UnitOfWork(database)
                with uow.reading():
                    new = uow.plan_queries.credited_groups(start, end, deal_days, offset)
                with database.engine.connect() as conn:
                    old = _old_credited_sales(conn, start, end, deal_days, offset)
                assert _new_groups(new) == _as_groups(old), (start, end, deal_days, offset)
                compared += len(old)
    assert compared > 200  # the base did credit deals, in many ways
