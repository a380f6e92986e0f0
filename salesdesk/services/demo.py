"""Fill a base with realistic demo data: to try the program, for screenshots, for benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from salesdesk.domain.model import ManagerFields
from salesdesk.services.common import Cancelled, Reporter, SilentReporter, cycle_collection_paused, utcnow
from salesdesk.services.demo_data import generate_bundles
from salesdesk.services.derivation import derived_batches
from salesdesk.store import UnitOfWork

DEMO_MANAGERS = ("Анна Смирнова", "Дмитрий Козлов", "Елена Васильева", "Игорь Новиков", "Ольга Морозова")
BATCH = 5_000


@dataclass(frozen=True, slots=True)
class DemoResult:
    clients: int
    first_id: int | None


def load_demo(
    uow: UnitOfWork, count: int, *, seed: int = 2026, now: datetime | None = None, reporter: Reporter | None = None
) -> DemoResult:
    """Add *count* generated clients (with contacts, deals, history, reminders) in one transaction.

    The generator makes valid requisites by construction (tests prove it on samples), so rows go
    straight to the bulk loader; derived columns (completeness, search text) are computed as for
    any card.
    """
    reporter = reporter or SilentReporter()
    now = now or utcnow()
    ids: list[int] = []
    with cycle_collection_paused(), uow:
        manager_ids = []
        for name in DEMO_MANAGERS:
            found = uow.managers.find(name)
            manager_ids.append(found.id if found else uow.managers.add(ManagerFields(name=name), now))
        industry_ids = [i.id for i in uow.industries.list()]
        bundles = generate_bundles(count, seed=seed, now=now, manager_ids=manager_ids, industry_ids=industry_ids)
        batches = iter(lambda: list(islice(bundles, BATCH)), [])
        with derived_batches(batches, count) as ready:
            for batch in ready:
                if reporter.cancelled():
                    raise Cancelled()
                added = uow.bulk.add(batch, now)
                # the demo's calls and letters vouch for its phones and e-mails; requisites entered
                # long ago and never checked since stay stale, as in a real office (issue 16)
                uow.freshness.confirm_from_history(added)
                ids.extend(added)
                reporter.progress(len(ids), count)
        _plans_and_hooks(uow, manager_ids, ids, now, seed)
        uow.bulk.analyze()
        uow.record("base", 0, "demo")
        uow.commit()
    return DemoResult(len(ids), ids[0] if ids else None)


# Plans and hooks (issue 16): six months of plans per manager, near what each sold, and a reminder
# done before most won deals of the last year (and before some that never paid), so that Plan and
# fact and Hooks have something to show. A random stream of its own keeps the bundles as they were.
_HOOK_TEXTS = (
    "Позвонить по поводу продления договора",
    "Выслать новый прайс",
    "Отправить коммерческое предложение",
    "Предложить новые условия",
    "Договориться о встрече",
    "Перезвонить после отпуска директора",
    "Напомнить об оплате",
    "Поздравить с годовщиной сотрудничества",
)
_PAYING_WEIGHTS = (30, 14, 22, 10, 8, 8, 4, 4)
_IDLE_WEIGHTS = (8, 14, 10, 8, 10, 20, 18, 12)


def _plans_and_hooks(uow: UnitOfWork, manager_ids: list[int], client_ids: list[int], now: datetime, seed: int) -> None:
    import random
    from datetime import time, timedelta

    from salesdesk.domain.plans import add_months, month_end
    from salesdesk.domain.reminders import local_at

    if not client_ids or not manager_ids:
        return
    rng = random.Random(seed * 31 + 16)
    today = now.astimezone().date()
    this_month = today.replace(day=1)
    for back in range(6, -1, -1):
        first = add_months(this_month, -back)
        sold = {
            w.owner_id: w.amount_minor for w in uow.plan_queries.won(first, month_end(first)) if w.currency == "RUB"
        }
        for manager in manager_ids:
            if back == 0:  # this month: a little above what the last three months brought on average
                earlier = [
                    sum(
                        w.amount_minor
                        for w in uow.plan_queries.won(add_months(first, -k), month_end(add_months(first, -k)))
                        if w.owner_id == manager and w.currency == "RUB"
                    )
                    for k in (1, 2, 3)
                ]
                base = sum(earlier) / 3
            else:
                base = sold.get(manager, 0)
            amount = int(base * rng.uniform(0.85, 1.3) / 1_000_000) * 1_000_000  # whole ten thousands
            if amount > 0:
                code = f"{first.year:04d}-{first.month:02d}"
                uow.plans.put(manager, "RUB", code, amount, now)
    since = add_months(this_month, -12)
    rows = []
    for client, opened, closed, owner in uow.plans.won_since(client_ids, since):
        if rng.random() > 0.6:
            continue
        day = max(closed - timedelta(days=rng.randint(2, 75)), opened + timedelta(days=1))
        if day >= today:
            continue
        done = local_at(day, time(10 + rng.randint(0, 7), 15 * rng.randint(0, 3)))
        text = rng.choices(_HOOK_TEXTS, _PAYING_WEIGHTS)[0]
        rows.append((client, owner, text, done - timedelta(hours=2), done))
    idle = rng.sample(client_ids, min(len(client_ids), max(1, len(rows) * 2)))
    came = uow.plans.created_at(client_ids)
    for client in idle:
        start = max(since, came[client].astimezone().date() + timedelta(days=1))
        span = (today - start).days
        if span < 2:
            continue
        day = start + timedelta(days=rng.randint(0, span - 1))
        done = local_at(day, time(9 + rng.randint(0, 8), 15 * rng.randint(0, 3)))
        text = rng.choices(_HOOK_TEXTS, _IDLE_WEIGHTS)[0]
        rows.append((client, rng.choice(manager_ids), text, done - timedelta(hours=3), done))
    uow.plans.add_done_reminders(rows)
