"""When each filled requisite and contact channel of a card was last confirmed (``confirmations``).

``FreshnessRepository`` (``uow.freshness``) keeps one row per client and filled item
(domain/freshness.py) and the card's ``clients.confirmed_oldest`` beside it. Every write of a card's
derived columns passes through ``sync`` (``ClientRepository.add``/``update``/``write_derived`` and the
bulk loader), so a field filled or typed anew is confirmed by that write, a field emptied loses its
row, and the same value saved again changes nothing. ``confirm`` moves dates forward for what a call,
an e-mail, an import, an enrichment or the manager's "Confirm" vouched for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from salesdesk.domain.freshness import ITEMS, SETTING_KEY, Confirmation, Source, is_new, months_from
from salesdesk.store import schema as s


class FreshnessRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def of_client(self, client_id: int) -> dict[str, Confirmation]:
        f = s.confirmations.c
        rows = self.conn.execute(select(f.item, f.confirmed_at, f.source).where(f.client_id == client_id))
        return {item: Confirmation(item, at, _source(source)) for item, at, source in rows}

    def sync(
        self, client_id: int, fresh: Sequence[tuple[str, str]], now: datetime, source: Source = Source.EDIT
    ) -> None:
        """Bring the card's rows to *fresh* ((item, fingerprint) of what is filled now)."""
        f = s.confirmations.c
        stored = {
            str(item): str(fingerprint)
            for item, fingerprint in self.conn.execute(select(f.item, f.fingerprint).where(f.client_id == client_id))
        }
        wanted = dict(fresh)
        gone = [item for item in stored if item not in wanted]
        touched = bool(gone)
        if gone:
            self.conn.execute(delete(s.confirmations).where(f.client_id == client_id, f.item.in_(gone)))
        for item, fingerprint in wanted.items():
            if item not in stored:
                self.conn.execute(
                    insert(s.confirmations).values(
                        client_id=client_id, item=item, confirmed_at=now, source=source.value, fingerprint=fingerprint
                    )
                )
                touched = True
            elif is_new(stored[item], fingerprint):
                self._set(client_id, item, confirmed_at=now, source=source.value, fingerprint=fingerprint)
                touched = True
            elif stored[item] != fingerprint:  # a value removed: remembered, confirms nothing
                self._set(client_id, item, fingerprint=fingerprint)
        if touched:
            self.refresh_oldest([client_id])

    def confirm(self, client_id: int, items: Iterable[str], source: Source, when: datetime) -> list[str]:
        """Date the card's filled *items* at *when* (never backwards); the items that are filled."""
        f = s.confirmations.c
        asked = [item for item in ITEMS if item in set(items)]
        if not asked:
            return []
        present = list(self.conn.execute(select(f.item).where(f.client_id == client_id, f.item.in_(asked))).scalars())
        if present:
            self.conn.execute(
                update(s.confirmations)
                .where(f.client_id == client_id, f.item.in_(present), f.confirmed_at < when)
                .values(confirmed_at=when, source=source.value)
            )
            self.refresh_oldest([client_id])
        return [item for item in ITEMS if item in present]

    def refresh_oldest(self, client_ids: Sequence[int]) -> None:
        f = s.confirmations.c
        oldest = select(func.min(f.confirmed_at)).where(f.client_id == s.clients.c.id).scalar_subquery()
        for start in range(0, len(client_ids), 500):
            chunk = list(client_ids[start : start + 500])
            self.conn.execute(update(s.clients).where(s.clients.c.id.in_(chunk)).values(confirmed_oldest=oldest))

    def months(self) -> int:
        """Months after which a confirmation is stale: the base's setting, else the default."""
        row = self.conn.execute(select(s.base_settings.c.value).where(s.base_settings.c.key == SETTING_KEY)).first()
        return months_from(None if row is None else str(row.value))

    def backdate(self, client_ids: Sequence[int], items: Sequence[str], when: datetime) -> None:
        """Date these clients' *items* at *when* as known before (the demo base's old data)."""
        f = s.confirmations.c
        for start in range(0, len(client_ids), 500):
            chunk = list(client_ids[start : start + 500])
            self.conn.execute(
                update(s.confirmations)
                .where(and_(f.client_id.in_(chunk), f.item.in_(list(items))))
                .values(confirmed_at=when, source=Source.KNOWN.value)
            )
        self.refresh_oldest(client_ids)

    def confirm_from_history(self, client_ids: Sequence[int]) -> None:
        """Date these clients' phone and e-mail by their newest call or meeting and e-mail in the
        history, where that is newer (the demo base: its history is written in bulk, not logged)."""
        f, i = s.confirmations.c, s.interactions.c
        for item, kinds, source in (("phone", ("call", "meeting"), Source.CALL), ("email", ("email",), Source.EMAIL)):
            newest = (
                select(func.max(i.occurred_at))
                .where(i.client_id == f.client_id, i.kind.in_(kinds), i.deleted_at.is_(None))
                .scalar_subquery()
            )
            for start in range(0, len(client_ids), 500):
                chunk = list(client_ids[start : start + 500])
                self.conn.execute(
                    update(s.confirmations)
                    .where(f.client_id.in_(chunk), f.item == item, newest > f.confirmed_at)
                    .values(confirmed_at=newest, source=source.value)
                )
        self.refresh_oldest(client_ids)

    def _set(self, client_id: int, item: str, **values: object) -> None:
        f = s.confirmations.c
        self.conn.execute(update(s.confirmations).where(f.client_id == client_id, f.item == item).values(**values))


def _source(text: str) -> Source:
    try:
        return Source(text)
    except ValueError:
        return Source.KNOWN
