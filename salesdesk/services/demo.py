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
        uow.bulk.analyze()
        uow.record("base", 0, "demo")
        uow.commit()
    return DemoResult(len(ids), ids[0] if ids else None)
