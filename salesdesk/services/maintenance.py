"""Health of the database: integrity and schema version (``salesdesk check``)."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.store import Database


@dataclass(frozen=True, slots=True)
class HealthReport:
    url: str
    integrity: str
    revision: str | None
    expected_revision: str
    clients: int | None  # None when the base is damaged

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.revision == self.expected_revision


def check_database(database: Database) -> HealthReport:
    from salesdesk.store import UnitOfWork

    report = database.check()
    clients: int | None = None
    if report.integrity == "ok":
        with UnitOfWork(database).reading() as uow:
            clients = uow.clients.count_live()
    return HealthReport(database.url, report.integrity, report.revision, report.head, clients)
