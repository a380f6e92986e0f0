"""The audit trail's table: written by the unit of work at commit, read by the faces, scrubbed by
erasure.

Writing takes the entries of one transaction (``domain/audit.py``) and adds them with its actor and
time, a chunk of executemany at a time (on SQLite straight to the driver, as ``bulk.py`` does: an
import of 100,000 clients writes 100,000 entries). An edit of a reference (industry, owner, manager, deal) is
kept by name, as it read at the time, not by an id that may later name something else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, case, func, insert, or_, select, update

from salesdesk.domain.audit import Actor, AuditQuery, AuditRecord, Entry, matches_text
from salesdesk.store import schema as s
from salesdesk.store.repositories import id_chunks

EVERYTHING = AuditQuery()

# entries written per statement: an import's 100,000 are not all turned into rows at once
WRITE_CHUNK = 5_000
_COLUMNS = ("at", "manager_id", "via", "source", "entity", "entity_id", "client_id", "action", "field", "old", "new")

# The tables of entities that belong to a client, to find the card of an entry that did not say.
_OWNED: dict[str, Table] = {
    "contact": s.contacts,
    "deal": s.deals,
    "interaction": s.interactions,
    "reminder": s.reminders,
}

# Fields that hold an id: the trail keeps the name it stood for.
_REFERENCES: dict[str, tuple[Table, str]] = {
    "industry_id": (s.industries, "name"),
    "owner_id": (s.managers, "name"),
    "manager_id": (s.managers, "name"),
    "deal_id": (s.deals, "title"),
}


class AuditRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._names: dict[tuple[str, str], str] = {}

    # Writing ---------------------------------------------------------------------------------------

    def write(self, actor: Actor, at: datetime, entries: Iterable[Entry]) -> None:
        """Add *entries* as made by *actor* at *at*, inside the caller's transaction, in order, a
        chunk at a time."""
        manager_id, via, source = actor.manager_id, str(actor.via), actor.source
        sqlite = self.conn.dialect.name == "sqlite"
        stamp: Any = at
        if sqlite:
            bind = self._processor("at")
            stamp = bind(at) if bind is not None else at
        names = ", ".join(f'"{c}"' for c in _COLUMNS)
        marks = ", ".join("?" for _ in _COLUMNS)
        pending = iter(entries)
        while chunk := list(islice(pending, WRITE_CHUNK)):
            rows = []
            for e in chunk:
                client_id = e.client_id if e.client_id is not None else self._client_of(e.entity, e.entity_id)
                old, new = e.old, e.new
                if e.field in _REFERENCES:
                    old, new = self._name_of(e.field, old), self._name_of(e.field, new)
                rows.append(
                    (stamp, manager_id, via, source, e.entity, e.entity_id, client_id, str(e.action), e.field, old, new)
                )
            if sqlite:
                self.conn.exec_driver_sql(f"INSERT INTO audit ({names}) VALUES ({marks})", rows)
            else:
                self.conn.execute(insert(s.audit), [dict(zip(_COLUMNS, row, strict=True)) for row in rows])

    def _processor(self, column: str) -> Callable[[Any], Any] | None:
        dialect = self.conn.dialect
        processor: Callable[[Any], Any] | None = s.audit.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        return processor

    def _client_of(self, entity: str, ident: int) -> int | None:
        table = _OWNED.get(entity)
        if table is None:
            return None
        found = self.conn.execute(select(table.c.client_id).where(table.c.id == ident)).scalar()
        return None if found is None else int(found)

    def _name_of(self, field: str, value: str | None) -> str | None:
        if value is None or not value.isdigit():
            return value
        key = (field, value)
        if key not in self._names:
            table, column = _REFERENCES[field]
            name = self.conn.execute(select(table.c[column]).where(table.c.id == int(value))).scalar()
            self._names[key] = str(name) if name is not None else f"#{value}"
        return self._names[key]

    # Reading ---------------------------------------------------------------------------------------

    def read(self, query: AuditQuery = EVERYTHING) -> list[AuditRecord]:
        """Entries newest first, filtered as *query* asks (the text filter reads the user's words)."""
        a, m = s.audit.c, s.managers.c
        statement = (
            select(s.audit, m.name.label("manager_name"))
            .select_from(s.audit.outerjoin(s.managers, m.id == a.manager_id))
            .order_by(a.at.desc(), a.id)  # newest change first; one change's fields in the card's order
        )
        if query.client_id is not None:
            statement = statement.where(a.client_id == query.client_id, _since_erased("client", query.client_id))
        if query.entity is not None:
            statement = statement.where(a.entity == query.entity)
        if query.entity_id is not None:
            statement = statement.where(a.entity_id == query.entity_id)
            if query.entity is not None:
                statement = statement.where(_since_erased(query.entity, query.entity_id))
        if query.since is not None:
            statement = statement.where(a.at >= query.since)
        if query.field is not None:
            statement = statement.where(a.field == query.field)
        if query.manager_id is not None:
            statement = statement.where(a.manager_id == query.manager_id)
        if query.limit is not None and not query.text:
            statement = statement.limit(query.limit)
        records = []
        for row in self.conn.execute(statement):
            record = _record(row._mapping)
            if query.text and not matches_text(record, query.text):
                continue
            records.append(record)
            if query.limit is not None and len(records) >= query.limit:
                break
        return records

    def for_clients(self, client_ids: Sequence[int]) -> dict[int, list[AuditRecord]]:
        """The entries of these cards, by client, each card's oldest first (the export)."""
        a, m = s.audit.c, s.managers.c
        out: dict[int, list[AuditRecord]] = {}
        for chunk in id_chunks(client_ids):
            statement = (
                select(s.audit, m.name.label("manager_name"))
                .select_from(s.audit.outerjoin(s.managers, m.id == a.manager_id))
                .where(a.client_id.in_(chunk))
                .order_by(a.client_id, a.id)
            )
            for row in self.conn.execute(statement):
                out.setdefault(int(row.client_id), []).append(_record(row._mapping))
        return out

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(s.audit)).scalar_one())

    def managers_of(self, client_id: int) -> list[tuple[int, str]]:
        """The managers who changed this card, by name (the view's "who" filter)."""
        a, m = s.audit.c, s.managers.c
        rows = self.conn.execute(
            select(m.id, m.name).where(m.id.in_(select(a.manager_id).where(a.client_id == client_id))).order_by(m.name)
        )
        return [(int(r.id), str(r.name)) for r in rows]

    # Erasure ---------------------------------------------------------------------------------------

    def scrub(self, entity: str, ids: Sequence[int]) -> int:
        """Replace by "erased" the values of every entry about these records (an erased person's
        data must not survive in the trail); the entries themselves stay. Returns how many."""
        a = s.audit.c
        done = 0
        for chunk in id_chunks(ids):
            result = self.conn.execute(
                update(s.audit)
                .where(a.entity == entity, a.entity_id.in_(chunk))
                .values(old=None, new=None, erased=True)
            )
            done += result.rowcount
        return done

    def scrub_clients(self, client_ids: Sequence[int]) -> int:
        """Scrub every entry of these cards: the client's own and its contacts', deals', history's
        and reminders' (erasing a private-person client)."""
        a = s.audit.c
        done = 0
        for chunk in id_chunks(client_ids):
            result = self.conn.execute(
                update(s.audit)
                .where(or_(a.client_id.in_(chunk), (a.entity == "client") & a.entity_id.in_(chunk)))
                .values(old=None, new=None, erased=True)
            )
            done += result.rowcount
        return done


def _record(row: Any) -> AuditRecord:
    return AuditRecord(
        id=int(row["id"]),
        at=row["at"],
        manager_id=row["manager_id"],
        manager=row["manager_name"],
        via=row["via"],
        source=row["source"],
        entity=row["entity"],
        entity_id=int(row["entity_id"]),
        client_id=row["client_id"],
        action=row["action"],
        field=row["field"],
        old=row["old"],
        new=row["new"],
        erased=bool(row["erased"]),
    )


def _since_erased(entity: str, ident: int) -> Any:
    """The entries of this record's present life. SQLite gives a deleted top number again to the
    next new row: when a record was erased and a new one was then made with its number, what came
    before the erasure was about the erased record, not the new one. An erased record whose number
    was not given again keeps its whole (scrubbed) trail."""
    a = s.audit.c
    mine = (a.entity == entity, a.entity_id == ident)
    erased = func.coalesce(select(func.max(a.id)).where(*mine, a.action == "erase").scalar_subquery(), 0)
    made = func.coalesce(
        select(func.max(a.id)).where(*mine, a.action.in_(("create", "import")), a.field.is_(None)).scalar_subquery(), 0
    )
    return a.id > case((made > erased, erased), else_=0)
