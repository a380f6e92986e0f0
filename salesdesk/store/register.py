"""What the tax service's register says of clients (client_register) and the register-wide
quartiles (register_benchmarks): the queries of services/enrichment.py and the card."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update

from salesdesk.domain.okved import DIVISION_SECTION
from salesdesk.store import schema as s
from salesdesk.store.repositories import id_chunks

REGISTER_COLUMNS = (
    "category",
    "okved_code",
    "okved_name",
    "region",
    "place",
    "source",
    "as_of",
    "headcount",
    "headcount_source",
    "headcount_as_of",
    "revenue",
    "expenses",
    "revenue_source",
    "revenue_as_of",
    "not_in_register",
    "industry_set",
)


@dataclass(frozen=True, slots=True)
class BaseClient:
    """A live client of the base with an INN, as enrichment matches it."""

    id: int
    kind: str
    industry_id: int | None
    industry_code: str


@dataclass(frozen=True, slots=True)
class Benchmark:
    section: str
    region: str
    measure: str
    count: int
    q1: int
    median: int
    q3: int
    source: str
    as_of: date | None


class RegisterQueries:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def clients_by_inn(self) -> dict[str, list[BaseClient]]:
        """Live clients with an INN, by INN, in id order: a head office and its branches share one
        (different KPPs), and the register describes them all."""
        c, i = s.clients.c, s.industries.c
        query = (
            select(c.id, c.inn, c.kind, c.industry_id, i.code)
            .select_from(s.clients.outerjoin(s.industries, i.id == c.industry_id))
            .where(c.deleted_at.is_(None), c.inn != "")
            .order_by(c.id)
        )
        found: dict[str, list[BaseClient]] = {}
        for row in self.conn.execute(query):
            found.setdefault(row.inn, []).append(BaseClient(row.id, row.kind, row.industry_id, row.code or ""))
        return found

    def rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        r = s.client_register
        out: dict[int, dict[str, Any]] = {}
        for chunk in id_chunks(ids):
            for row in self.conn.execute(select(r).where(r.c.client_id.in_(chunk))):
                out[row.client_id] = dict(row._mapping)
        return out

    def of_client(self, client_id: int) -> dict[str, Any] | None:
        r = s.client_register
        row = self.conn.execute(select(r).where(r.c.client_id == client_id)).first()
        return dict(row._mapping) if row is not None else None

    def write(self, rows: Iterable[dict[str, Any]], existing: set[int], now: datetime) -> None:
        """Each row (a ``client_id`` and every column of REGISTER_COLUMNS) inserted or written over."""
        r = s.client_register
        new = [{**row, "checked_at": now} for row in rows if row["client_id"] not in existing]
        old = [
            {**{f"b_{k}": v for k, v in row.items()}, "b_checked_at": now}
            for row in rows
            if row["client_id"] in existing
        ]
        if new:
            self.conn.execute(insert(r), new)
        if old:
            statement = (
                update(r)
                .where(r.c.client_id == bindparam("b_client_id"))
                .values({name: bindparam(f"b_{name}") for name in (*REGISTER_COLUMNS, "checked_at")})
            )
            self.conn.execute(statement, old)

    def flagged_ids(self) -> list[int]:
        r = s.client_register
        return [row[0] for row in self.conn.execute(select(r.c.client_id).where(r.c.not_in_register))]

    def replace_benchmarks(self, measure: str, rows: Sequence[Benchmark]) -> None:
        b = s.register_benchmarks
        self.conn.execute(delete(b).where(b.c.measure == measure))
        if rows:
            self.conn.execute(
                insert(b),
                [
                    {
                        "section": x.section,
                        "region": x.region,
                        "measure": x.measure,
                        "count": x.count,
                        "q1": x.q1,
                        "median": x.median,
                        "q3": x.q3,
                        "source": x.source,
                        "as_of": x.as_of,
                    }
                    for x in rows
                ],
            )

    def benchmarks(self, section: str | None = None, region: str | None = None) -> list[Benchmark]:
        b = s.register_benchmarks
        query = select(b).order_by(b.c.section, b.c.region, b.c.measure)
        if section is not None:
            query = query.where(b.c.section == section)
        if region is not None:
            query = query.where(b.c.region == region)
        return [Benchmark(**row._mapping) for row in self.conn.execute(query)]

    def base_values(
        self, region: str | None = None, section: str | None = None
    ) -> list[tuple[str, str, int | None, int | None]]:
        """(OKVED code, region, headcount, revenue) of every live client the register describes
        (in *region* and the OKVED *section* only, when given: the card asks for its own)."""
        c, r = s.clients.c, s.client_register.c
        query = (
            select(r.okved_code, r.region, r.headcount, r.revenue)
            .select_from(s.client_register.join(s.clients, c.id == r.client_id))
            .where(c.deleted_at.is_(None), r.okved_code != "")
        )
        if region is not None:
            query = query.where(r.region == region)
        if section is not None:
            divisions = [f"{d:02d}" for d, letter in DIVISION_SECTION.items() if letter == section]
            query = query.where(or_(*(r.okved_code.startswith(d) for d in divisions)))
        return [(row.okved_code, row.region, row.headcount, row.revenue) for row in self.conn.execute(query)]

    def inns(self) -> set[str]:
        """Every INN in the base, the trash included (a prospect already there, even trashed, is not new)."""
        c = s.clients.c
        return {row[0] for row in self.conn.execute(select(c.inn).where(c.inn != ""))}
