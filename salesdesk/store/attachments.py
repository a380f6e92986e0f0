"""Files on a client: rows of ``attachments``, the bytes read only when asked for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, insert, select

from salesdesk.domain.attachments import Attachment
from salesdesk.domain.errors import NotFoundError
from salesdesk.store import schema as s
from salesdesk.store.repositories import AnyRow, _Repository

_LISTED = [c for c in s.attachments.c if c.name != "content"]


class AttachmentRepository(_Repository[Attachment]):
    table = s.attachments
    what = "attachment"

    def _select(self) -> Select[Any]:
        return select(*_LISTED)

    def _entity(self, row: AnyRow) -> Attachment:
        m = row._mapping
        return Attachment(
            id=m["id"],
            version=m["version"],
            client_id=m["client_id"],
            deal_id=m["deal_id"],
            name=m["name"],
            size=int(m["size"]),
            sha256=m["sha256"],
            created_at=m["created_at"],
            deleted_at=m["deleted_at"],
        )

    def list_for(self, client_id: int, *, include_deleted: bool = False) -> list[Attachment]:
        c = self.table.c
        query = self._select().where(c.client_id == client_id)
        if not include_deleted:
            query = query.where(c.deleted_at.is_(None))
        return [self._entity(r) for r in self.conn.execute(query.order_by(c.created_at.desc(), c.id.desc()))]

    def list_for_clients(self, client_ids: Sequence[int]) -> dict[int, list[Attachment]]:
        """The live files of many clients (the export), each client's oldest first."""
        return self._live_by_client(client_ids, self.table.c.created_at, self.table.c.id)

    def add(self, client_id: int, deal_id: int | None, name: str, content: bytes, sha256: str, now: datetime) -> int:
        result = self.conn.execute(
            insert(self.table).values(
                client_id=client_id,
                deal_id=deal_id,
                name=name,
                size=len(content),
                sha256=sha256,
                content=content,
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])

    def content(self, ident: int) -> bytes:
        value = self.conn.execute(select(self.table.c.content).where(self.table.c.id == ident)).scalar()
        if value is None:
            raise NotFoundError(self.what, ident)
        return bytes(value)

    def rename(self, ident: int, expected_version: int, name: str) -> int:
        return self._versioned_update(ident, expected_version, {"name": name})
