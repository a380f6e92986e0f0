"""Saved views (issue 15): the ``views`` table. The document is kept as the domain wrote it and read
back as text; ``domain/views.py`` checks it. Names are unique per manager and list (``name_norm``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from salesdesk.store import schema as s


@dataclass(frozen=True, slots=True)
class StoredView:
    id: int
    owner_id: int
    list: str
    name: str
    document: str
    version: int


class ViewRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def list(self, owner_id: int, which: str | None = None) -> list[StoredView]:
        v = s.views.c
        stmt = select(v.id, v.owner_id, v.list, v.name, v.document, v.version).where(v.owner_id == owner_id)
        if which is not None:
            stmt = stmt.where(v.list == which)
        return [StoredView(*row) for row in self.conn.execute(stmt.order_by(v.list, v.name_norm, v.id))]

    def get(self, ident: int) -> StoredView | None:
        v = s.views.c
        row = self.conn.execute(
            select(v.id, v.owner_id, v.list, v.name, v.document, v.version).where(v.id == ident)
        ).first()
        return None if row is None else StoredView(*row)

    def name_taken(self, owner_id: int, which: str, name_norm: str, exclude_id: int | None = None) -> bool:
        v = s.views.c
        stmt = select(v.id).where(v.owner_id == owner_id, v.list == which, v.name_norm == name_norm)
        if exclude_id is not None:
            stmt = stmt.where(v.id != exclude_id)
        return self.conn.execute(stmt.limit(1)).first() is not None

    def add(self, owner_id: int, which: str, name: str, name_norm: str, document: str, now: datetime) -> int:
        result = self.conn.execute(
            insert(s.views).values(
                owner_id=owner_id,
                list=which,
                name=name,
                name_norm=name_norm,
                document=document,
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])

    def change(self, ident: int, now: datetime, **values: str) -> None:
        v = s.views.c
        self.conn.execute(update(s.views).where(v.id == ident).values(**values, updated_at=now, version=v.version + 1))

    def remove(self, ident: int) -> None:
        self.conn.execute(delete(s.views).where(s.views.c.id == ident))
