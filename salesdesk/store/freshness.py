"""When each filled requisite and contact channel of a card was last confirmed (``confirmations``).

``FreshnessRepository`` (``uow.freshness``) keeps one row per client and filled item
(domain/freshness.py) and the card's ``clients.confirmed_oldest`` beside it. Every write of a card's
derived columns passes through ``sync`` (``ClientRepository.add``/``update``/``write_derived`` and the
bulk loader), so a field filled or typed anew is confirmed by that write, a field emptied loses its
row, and the same value saved again changes nothing. ``confirm`` moves dates forward for what a call,
an e-mail, an import, an enrichment or the manager's "Confirm" vouched for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from salesdesk.domain.freshness import ITEMS, SETTING_KEY, Confirmation, Source, is_new, months_from
from salesdesk.store import schema as s


@dataclass(frozen=True, slots=True)
class StoredConfirmation:
    """One row of ``confirmations`` as stored, fingerprint included."""

    item: str
    confirmed_at: datetime
    source: str
    fingerprint: str


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

    def snapshot(self, client_id: int) -> tuple[StoredConfirmation, ...]:
        """The card's rows exactly as stored (a merge keeps them for its Undo)."""
        f = s.confirmations.c
        rows = self.conn.execute(
            select(f.item, f.confirmed_at, f.source, f.fingerprint).where(f.client_id == client_id).order_by(f.item)
        )
        return tuple(StoredConfirmation(str(i), at, str(src), str(fp)) for i, at, src, fp in rows)

    def restore(self, client_id: int, rows: Sequence[StoredConfirmation]) -> None:
        """Put the card's rows back exactly as *rows* (from ``snapshot``), and its oldest date."""
        self.conn.execute(delete(s.confirmations).where(s.confirmations.c.client_id == client_id))
        if rows:
            self.conn.execute(
                insert(s.confirmations),
                [
                    {
                        "client_id": client_id,
                        "item": r.item,
                        "confirmed_at": r.confirmed_at,
                        "source": r.source,
                        "fingerprint": r.fingerprint,
                    }
                    for r in rows
                ],
            )
        self.refresh_oldest([client_id])

    def set_dates(self, client_id: int, dates: Mapping[str, tuple[datetime, str]]) -> None:
        """Date the card's *items* exactly (item -> (when, source)), backwards too: a merge carries
        the other card's confirmation of what it brings."""
        for item, (when, source) in dates.items():
            self._set(client_id, item, confirmed_at=when, source=source)
        if dates:
            self.refresh_oldest([client_id])

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
