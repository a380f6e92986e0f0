"""Contact persons whose birthday falls on given month-days, and the note that a person's birthday
reminder of a year was made.

The month-day of a date is taken differently by each database (SQLite ``strftime('%m-%d')``,
PostgreSQL ``to_char(…, 'MM-DD')``); that difference lives here and nowhere else. The window of
days is turned into its month-days by the domain (salesdesk/domain/birthdays.py), so one ``IN``
over a short list finds every candidate in a single pass over the persons with a birth date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.sql.elements import ColumnElement

from salesdesk.store import schema as s


class BirthRow(NamedTuple):
    contact_id: int
    name: str
    client_id: int
    client: str
    owner_id: int | None
    birth_date: date


class BirthdayQueries:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def born_on(self, month_days: Sequence[tuple[int, int]], *, owner_id: int | None = None) -> list[BirthRow]:
        """Live persons of live clients born on one of *month_days* (any year); with *owner_id*,
        only of that manager's clients."""
        if not month_days:
            return []
        c, cl = s.contacts.c, s.clients.c
        keys = [f"{month:02d}-{day:02d}" for month, day in month_days]
        query = (
            select(c.id, c.full_name, c.client_id, cl.name, cl.owner_id, c.birth_date)
            .select_from(s.contacts.join(s.clients, cl.id == c.client_id))
            .where(
                c.birth_date.is_not(None),
                c.deleted_at.is_(None),
                cl.deleted_at.is_(None),
                self._month_day(c.birth_date).in_(keys),
            )
            .order_by(c.id)
        )
        if owner_id is not None:
            query = query.where(cl.owner_id == owner_id)
        return [BirthRow(*row) for row in self.conn.execute(query)]

    def _month_day(self, column: Any) -> ColumnElement[str]:
        if self.conn.dialect.name == "postgresql":
            return func.to_char(column, "MM-DD")
        return func.strftime("%m-%d", column)

    # Which birthday reminders were made: one row of the base's settings per person and year, so a
    # second seat, a second start or a changed "days before" never makes another one.

    @staticmethod
    def _key(contact_id: int, year: int) -> str:
        return f"birthday_reminder/{contact_id}/{year}"

    def reminded(self, contact_id: int, year: int) -> bool:
        t = s.base_settings
        return self.conn.execute(select(t.c.key).where(t.c.key == self._key(contact_id, year))).first() is not None

    def note_reminded(self, contact_id: int, year: int, reminder_id: int) -> None:
        self.conn.execute(insert(s.base_settings).values(key=self._key(contact_id, year), value=str(reminder_id)))
