"""Repositories: each turns one aggregate into rows and back, inside the caller's transaction.

They take and return domain values only. Every UPDATE names the ``version`` it read and fails
with ``StaleEditError`` if someone else saved in between; every write sets ``updated_at``.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Select, String, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from salesdesk.domain.derived import ClientDerived
from salesdesk.domain.duplicates import IdentityIndex, name_key
from salesdesk.domain.emails import normalize_email
from salesdesk.domain.errors import NotFoundError, StaleEditError
from salesdesk.domain.model import (
    CLIENT_FIELD_NAMES,
    Client,
    ClientFields,
    ClientKind,
    ClientStatus,
    ContactFields,
    ContactPerson,
    Deal,
    DealFields,
    DealStage,
    Industry,
    IndustryFields,
    Interaction,
    InteractionFields,
    InteractionKind,
    Manager,
    ManagerFields,
    Money,
    Recurrence,
    Reminder,
    ReminderFields,
    Role,
)
from salesdesk.domain.phones import parse_phone
from salesdesk.domain.queries import ClientRow, DuplicateHit
from salesdesk.domain.text import fold
from salesdesk.store import schema as s
from salesdesk.store.freshness import FreshnessRepository

# SQLAlchemy 2.0 and 2.1 type Row differently (a tuple type vs. a type-var tuple); rows here
# are read by column name, so their element types do not matter.
AnyRow = Any
TAG_SEPARATOR = "\n"  # tags are single-line, so a newline can separate them in one column


ID_CHUNK = 500  # ids per IN (...): under every database's limit on parameters (SQLite's is 32,766)
# values per JSON array an IN (...) reads on SQLite (ClientRepository._holding): a few statements
# for an import's 100,000 keys, and the lookup's memory stays small (one array held at a time)
JSON_CHUNK = 10_000


def id_chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    """*ids* in lists of at most ID_CHUNK, for ``column.in_(chunk)``."""
    ids = list(ids)
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start : start + ID_CHUNK]


def _now() -> datetime:
    return datetime.now(UTC)


def _check_updated(result_rowcount: int, what: str, ident: int, exists: bool) -> None:
    if result_rowcount == 1:
        return
    if exists:
        raise StaleEditError(what, ident)
    raise NotFoundError(what, ident)


E = TypeVar("E")


class _Repository(ABC, Generic[E]):
    """A table of versioned rows read as entities of type E: `_select` is the query an entity is read
    with (the names it shows joined in), `_entity` turns one of its rows into the entity."""

    table: Any
    what: str

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _select(self) -> Select[Any]:
        return select(self.table)

    @abstractmethod
    def _entity(self, row: AnyRow) -> E:
        """The entity one row of `_select` stands for; each repository says how."""

    def get(self, ident: int) -> E:
        """One row, in the trash or not; NotFoundError when there is no such row."""
        row = self.conn.execute(self._select().where(self.table.c.id == ident)).first()
        if row is None:
            raise NotFoundError(self.what, ident)
        return self._entity(row)

    def _live_by_client(self, client_ids: Sequence[int], *order: Any) -> dict[int, list[E]]:
        """The live rows of many clients at once (the export reads in chunks), by client id, each
        client's in `order`."""
        c = self.table.c
        out: dict[int, list[E]] = {}
        for chunk in id_chunks(client_ids):
            query = self._select().where(c.client_id.in_(chunk), c.deleted_at.is_(None)).order_by(c.client_id, *order)
            for row in self.conn.execute(query):
                out.setdefault(row._mapping["client_id"], []).append(self._entity(row))
        return out

    def _exists(self, ident: int) -> bool:
        return self.conn.execute(select(self.table.c.id).where(self.table.c.id == ident)).first() is not None

    def _versioned_update(self, ident: int, expected_version: int, values: dict[str, Any]) -> int:
        t = self.table
        new_version = expected_version + 1
        result = self.conn.execute(
            update(t)
            .where(t.c.id == ident, t.c.version == expected_version)
            .values({"updated_at": _now(), **values, "version": new_version})
        )
        _check_updated(result.rowcount, self.what, ident, self._exists(ident))
        return new_version

    def set_deleted(self, ident: int, expected_version: int, deleted_at: datetime | None) -> int:
        """Move to the trash (a time) or restore (None)."""
        return self._versioned_update(ident, expected_version, {"deleted_at": deleted_at})

    def version_of(self, ident: int) -> int:
        version = self.conn.execute(select(self.table.c.version).where(self.table.c.id == ident)).scalar()
        if version is None:
            raise NotFoundError(self.what, ident)
        return int(version)

    def client_of(self, ident: int) -> int:
        """The client a contact, deal, interaction or reminder belongs to."""
        client_id = self.conn.execute(select(self.table.c.client_id).where(self.table.c.id == ident)).scalar()
        if client_id is None:
            raise NotFoundError(self.what, ident)
        return int(client_id)


# Clients -----------------------------------------------------------------------------------------


# The columns of a card and of what is derived from it, in the order ``card_values`` gives them.
CLIENT_VALUE_COLUMNS: tuple[str, ...] = (
    *CLIENT_FIELD_NAMES,
    "phone_e164",
    "email_norm",
    "completeness",
    "missing",
    "sort_key",
    "search_name",
    "search_other",
    "name_key",
)
_FIELD_VALUES = attrgetter(*CLIENT_FIELD_NAMES)
_KIND, _STATUS, _CITY, _TAGS = (CLIENT_FIELD_NAMES.index(n) for n in ("kind", "status", "city", "tags"))


def card_values(fields: ClientFields, derived: ClientDerived) -> list[Any]:
    """Column values of a client card in ``CLIENT_VALUE_COLUMNS`` order (the bulk loader writes a
    hundred thousand of them: read in C, no dict each)."""
    values = list(_FIELD_VALUES(fields))
    values[_KIND] = fields.kind.value
    values[_STATUS] = fields.status.value
    values[_CITY] = derived.city
    values[_TAGS] = TAG_SEPARATOR.join(fields.tags)
    values += (
        derived.phone_e164,
        derived.email_norm,
        derived.completeness,
        ",".join(derived.missing),
        derived.sort_key,
        derived.search_name,
        derived.search_other,
        derived.name_key,
    )
    return values


def client_values(fields: ClientFields, derived: ClientDerived) -> dict[str, Any]:
    """Column values of a client card (shared with the bulk loader)."""
    return dict(zip(CLIENT_VALUE_COLUMNS, card_values(fields, derived), strict=True))


_CLIENT_COLUMNS = [s.clients.c[name] for name in CLIENT_FIELD_NAMES] + [
    s.clients.c.id,
    s.clients.c.version,
    s.clients.c.phone_e164,
    s.clients.c.completeness,
    s.clients.c.missing,
    s.clients.c.next_reminder_at,
    s.clients.c.created_at,
    s.clients.c.updated_at,
    s.clients.c.deleted_at,
    s.industries.c.name.label("industry_name"),
    s.managers.c.name.label("owner_name"),
]

CLIENT_ROW_COLUMNS = (
    s.clients.c.id,
    s.clients.c.version,
    s.clients.c.name,
    s.clients.c.kind,
    s.clients.c.inn,
    s.clients.c.city,
    s.industries.c.name.label("industry_name"),
    s.clients.c.status,
    s.managers.c.name.label("owner_name"),
    s.clients.c.phone,
    s.clients.c.email,
    s.clients.c.next_reminder_at,
    s.clients.c.completeness,
    s.clients.c.missing,
)

CLIENTS_WITH_NAMES = s.clients.outerjoin(s.industries, s.industries.c.id == s.clients.c.industry_id).outerjoin(
    s.managers, s.managers.c.id == s.clients.c.owner_id
)


def _split(text: str, sep: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(sep) if part)


def client_row(row: AnyRow) -> ClientRow:
    m = row._mapping
    return ClientRow(
        id=m["id"],
        version=m["version"],
        name=m["name"],
        kind=ClientKind(m["kind"]),
        inn=m["inn"],
        city=m["city"],
        industry_name=m["industry_name"] or "",
        status=ClientStatus(m["status"]),
        owner_name=m["owner_name"] or "",
        phone=m["phone"],
        email=m["email"],
        next_reminder_at=m["next_reminder_at"],
        completeness=m["completeness"],
        missing=_split(m["missing"], ","),
    )


class ClientRepository(_Repository[Client]):
    table = s.clients
    what = "client"

    def not_owned_by(self, client_ids: Sequence[int], manager_id: int | None) -> int:
        """How many of *client_ids* (clients) are not owned by *manager_id*."""
        c = s.clients.c
        count = 0
        for start in range(0, len(client_ids), 500):
            chunk = list(client_ids[start : start + 500])
            mine = 0
            if manager_id is not None:
                query = select(func.count()).select_from(s.clients).where(c.id.in_(chunk), c.owner_id == manager_id)
                mine = self.conn.execute(query).scalar_one()
            count += len(chunk) - int(mine)
        return count

    def _select(self) -> Select[Any]:
        return select(*_CLIENT_COLUMNS).select_from(CLIENTS_WITH_NAMES)

    def _entity(self, row: AnyRow) -> Client:
        m = dict(row._mapping)
        m["kind"] = ClientKind(m["kind"])
        m["status"] = ClientStatus(m["status"])
        m["tags"] = _split(m["tags"], TAG_SEPARATOR)
        m["missing"] = _split(m["missing"], ",")
        m["industry_name"] = m["industry_name"] or ""
        m["owner_name"] = m["owner_name"] or ""
        return Client(**m)

    def add(self, fields: ClientFields, derived: ClientDerived, now: datetime) -> int:
        values = client_values(fields, derived)
        ident = self.conn.execute(
            insert(s.clients).values(**values, version=1, created_at=now, updated_at=now)
        ).inserted_primary_key
        assert ident is not None
        self._write_tags(int(ident[0]), derived.tags_norm)
        FreshnessRepository(self.conn).sync(int(ident[0]), derived.fresh, now)
        return int(ident[0])

    def update(
        self, ident: int, expected_version: int, fields: ClientFields, derived: ClientDerived, now: datetime
    ) -> int:
        version = self._versioned_update(ident, expected_version, {**client_values(fields, derived), "updated_at": now})
        self._write_tags(ident, derived.tags_norm)
        FreshnessRepository(self.conn).sync(ident, derived.fresh, now)
        return version

    def write_derived(self, ident: int, derived: ClientDerived, now: datetime | None = None) -> None:
        """Refresh the derived columns after a contact person changed (no version bump: the card
        itself did not change, and bumping would make an open editor report a false conflict)."""
        self.conn.execute(
            update(s.clients)
            .where(s.clients.c.id == ident)
            .values(
                completeness=derived.completeness,
                missing=",".join(derived.missing),
                search_name=derived.search_name,
                search_other=derived.search_other,
            )
        )
        # a contact person's new phone or e-mail confirms the card's phone or e-mail item
        FreshnessRepository(self.conn).sync(ident, derived.fresh, now or datetime.now(UTC))

    def _write_tags(self, ident: int, tags_norm: Sequence[str]) -> None:
        self.conn.execute(delete(s.client_tags).where(s.client_tags.c.client_id == ident))
        if tags_norm:
            self.conn.execute(insert(s.client_tags), [{"client_id": ident, "tag_norm": t} for t in tags_norm])

    def status_of(self, ident: int) -> ClientStatus:
        status = self.conn.execute(select(s.clients.c.status).where(s.clients.c.id == ident)).scalar()
        if status is None:
            raise NotFoundError("client", ident)
        return ClientStatus(status)

    def set_status(self, ident: int, status: ClientStatus, now: datetime) -> int:
        """Change the status alone (a won deal makes a lead active); a new version, as any card edit."""
        return self._versioned_update(ident, self.version_of(ident), {"status": status.value, "updated_at": now})

    def set_next_reminder(self, ident: int, when: datetime | None) -> None:
        self.conn.execute(update(s.clients).where(s.clients.c.id == ident).values(next_reminder_at=when))

    def is_deleted(self, ident: int) -> bool:
        row = self.conn.execute(select(s.clients.c.deleted_at).where(s.clients.c.id == ident)).first()
        if row is None:
            raise NotFoundError("client", ident)
        return row[0] is not None

    def name_of(self, ident: int) -> str:
        name = self.conn.execute(select(s.clients.c.name).where(s.clients.c.id == ident)).scalar()
        if name is None:
            raise NotFoundError("client", ident)
        return str(name)

    def duplicates(
        self,
        *,
        inn: str = "",
        kpp: str = "",
        phones_e164: Iterable[str] = (),
        emails: Iterable[str] = (),
        sort_key: str = "",
        exclude_id: int | None = None,
    ) -> list[DuplicateHit]:
        """Live clients already holding one of these identifiers, via indexed columns only.

        INN alone identifies a company, except that branches share the INN and differ by KPP:
        with a KPP given, a client with the same INN and another KPP is not a duplicate.
        """
        c = s.clients.c
        hits: list[DuplicateHit] = []
        live = c.deleted_at.is_(None)
        not_self: ColumnElement[bool] = c.id != exclude_id if exclude_id is not None else c.id.is_not(None)

        def add(rows: Iterable[AnyRow], field: str, value: str) -> None:
            for r in rows:
                if not any(h.client_id == r.id and h.field == field for h in hits):
                    hits.append(DuplicateHit(r.id, r.name, field, value))

        if inn:
            cond = and_(c.inn == inn, live, not_self)
            if kpp:
                cond = and_(cond, or_(c.kpp == kpp, c.kpp == ""))
            add(self.conn.execute(select(c.id, c.name).where(cond).limit(20)), "inn", inn)
        for e164 in dict.fromkeys(p for p in phones_e164 if p):
            add(
                self.conn.execute(select(c.id, c.name).where(c.phone_e164 == e164, live, not_self).limit(20)),
                "phone",
                e164,
            )
            add(self._by_channel("phone", e164, exclude_id), "phone", e164)
        for email in dict.fromkeys(normalize_email(e) for e in emails if e):
            add(
                self.conn.execute(select(c.id, c.name).where(c.email_norm == email, live, not_self).limit(20)),
                "email",
                email,
            )
            add(self._by_channel("email", email, exclude_id), "email", email)
        if sort_key:
            add(
                self.conn.execute(select(c.id, c.name).where(c.sort_key == sort_key, live, not_self).limit(20)),
                "name",
                sort_key,
            )
        return hits

    def _by_channel(self, kind: str, value_norm: str, exclude_id: int | None) -> Sequence[AnyRow]:
        ch, c, p = s.contact_channels.c, s.clients.c, s.contacts.c
        query = (
            select(c.id, c.name)
            .select_from(
                s.contact_channels.join(s.clients, c.id == ch.client_id).join(s.contacts, p.id == ch.contact_id)
            )
            .where(ch.kind == kind, ch.value_norm == value_norm, c.deleted_at.is_(None), p.deleted_at.is_(None))
            .distinct()
            .limit(20)
        )
        if exclude_id is not None:
            query = query.where(c.id != exclude_id)
        return self.conn.execute(query).all()

    def get_many(self, ids: Sequence[int]) -> dict[int, Client]:
        """Cards by id (missing ids are left out), read in chunks that every database accepts."""
        found: dict[int, Client] = {}
        for chunk in id_chunks(ids):
            rows = self.conn.execute(self._select().where(s.clients.c.id.in_(chunk)))
            for row in rows:
                client = self._entity(row)
                found[client.id] = client
        return found

    def identity_index(
        self,
        index: IdentityIndex,
        *,
        inns: Iterable[str] | None = None,
        phones: Iterable[str] | None = None,
        emails: Iterable[str] | None = None,
        names: Iterable[str] | None = None,
    ) -> None:
        """Fill *index* with live clients' INN/KPP, phones, e-mails (contacts' too) and name key.

        Without the keyword arguments: every live client. With them (the identifiers an import's
        rows carry: INNs, E.164 phones, normalised e-mails, name keys): only the clients holding
        at least one of them, found through the columns' indexes (a hash join, not the whole base
        in memory), each with all its identifiers, so that every lookup of one of those keys sees
        exactly the holders the whole base would give. Clients come in id order, then their
        contact persons' channels in channel id order, as the index keeps its holders in the
        order added."""
        c, ch, p = s.clients.c, s.contact_channels.c, s.contacts.c
        live = c.deleted_at.is_(None)
        chosen: list[int] | None = None
        if inns is not None or phones is not None or emails is not None or names is not None:
            if self.conn.execute(select(c.id).where(live).limit(1)).first() is None:
                return  # a new base (an office's first import): nobody to match, no keys to look up
            found: set[int] = set()
            for column, values in ((c.inn, inns), (c.phone_e164, phones), (c.email_norm, emails), (c.name_key, names)):
                found.update(r.id for r in self._holding(select(c.id).where(live), column, values))
            for kind, values in (("phone", phones), ("email", emails)):
                of_kind = select(ch.client_id).where(ch.kind == kind)
                found.update(r.client_id for r in self._holding(of_kind, ch.value_norm, values))
            chosen = sorted(found)
        stored = select(c.id, c.inn, c.kpp, c.phone_e164, c.email_norm, c.name).where(live).order_by(c.id)
        rows: list[Any] = list(self.conn.execute(stored)) if chosen is None else self._holding(stored, c.id, chosen)
        for ident, inn, kpp, phone, email, name in rows:
            index.add(
                ("base", ident),
                inn=inn,
                kpp=kpp,
                phones=(phone,) if phone else (),
                emails=(email,) if email else (),
                name=name_key(name),
            )
        channels = (
            select(ch.id, ch.client_id, ch.kind, ch.value_norm)
            .select_from(
                s.contact_channels.join(s.clients, c.id == ch.client_id).join(s.contacts, p.id == ch.contact_id)
            )
            .where(live, p.deleted_at.is_(None), ch.value_norm.is_not(None))
        )
        held: list[Any] = (
            list(self.conn.execute(channels)) if chosen is None else self._holding(channels, ch.client_id, chosen)
        )
        held.sort(key=lambda r: r[0])
        for _id, client_id, kind, value in held:
            if kind == "phone":
                index.add(("base", client_id), phones=(value,))
            else:
                index.add(("base", client_id), emails=(value,))

    def _holding(self, query: Select[Any], column: ColumnElement[Any], values: Iterable[Any] | None) -> list[Any]:
        """*query*'s rows whose *column* holds one of *values* (empty ones left out), in its order.

        On SQLite the values travel as JSON arrays of ``JSON_CHUNK`` that ``json_each`` lays out,
        each looked up in the column's index: one statement per 10,000 values. 500 at a time
        (``IN``), an import's 100,000 rows made a thousand statements, 0.55 s of it spent building
        them. Lists of parameters elsewhere: other databases, a SQLite without JSON (before 3.38),
        and values holding a NUL character, which ``json_each`` would cut short there."""
        distinct = sorted({v for v in values or () if v})
        found: list[Any] = []  # in the order of *query* within each chunk; the chunks go in order of the values
        as_json = self.conn.dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 38)  # JSON built in
        if as_json and not any(isinstance(v, str) and "\x00" in v for v in distinct):
            # the array is a parameter of the execution, not of the statement: SQLAlchemy keeps
            # statements in its cache, and would keep a value built into one (1.7 MB a chunk)
            listed = func.json_each(bindparam("listed", type_=String)).table_valued("value")
            statement = query.where(column.in_(select(listed.c.value)))
            for start in range(0, len(distinct), JSON_CHUNK):
                found.extend(self.conn.execute(statement, {"listed": json.dumps(distinct[start : start + JSON_CHUNK])}))
            return found
        for start in range(0, len(distinct), ID_CHUNK):
            found.extend(self.conn.execute(query.where(column.in_(distinct[start : start + ID_CHUNK]))))
        return found

    def count_live(self) -> int:
        return int(
            self.conn.execute(
                select(func.count()).select_from(s.clients).where(s.clients.c.deleted_at.is_(None))
            ).scalar_one()
        )


# Contact persons ---------------------------------------------------------------------------------


class ContactRepository(_Repository[ContactPerson]):
    table = s.contacts
    what = "contact"

    def list_for(self, client_id: int, *, include_deleted: bool = False) -> list[ContactPerson]:
        query = select(s.contacts).where(s.contacts.c.client_id == client_id)
        if not include_deleted:
            query = query.where(s.contacts.c.deleted_at.is_(None))
        rows = self.conn.execute(query.order_by(s.contacts.c.is_primary.desc(), s.contacts.c.id)).all()
        channels = self._channels([r.id for r in rows])
        return [self._person(r, channels.get(r.id, {})) for r in rows]

    def _entity(self, row: AnyRow) -> ContactPerson:
        ident = row._mapping["id"]
        return self._person(row, self._channels([ident]).get(ident, {}))

    def _channels(self, ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
        out: dict[int, dict[str, list[str]]] = {}
        if not ids:
            return out
        ch = s.contact_channels.c
        for chunk in id_chunks(ids):
            rows = self.conn.execute(
                select(ch.contact_id, ch.kind, ch.value)
                .where(ch.contact_id.in_(chunk))
                .order_by(ch.contact_id, ch.position)
            )
            for contact_id, kind, value in rows:
                out.setdefault(contact_id, {}).setdefault(kind, []).append(value)
        return out

    @staticmethod
    def _person(row: AnyRow, channels: dict[str, list[str]]) -> ContactPerson:
        m = row._mapping
        return ContactPerson(
            id=m["id"],
            client_id=m["client_id"],
            version=m["version"],
            full_name=m["full_name"],
            position=m["position"],
            birth_date=m["birth_date"],
            note=m["note"],
            is_primary=bool(m["is_primary"]),
            phones=tuple(channels.get("phone", ())),
            emails=tuple(channels.get("email", ())),
            created_at=m["created_at"],
            updated_at=m["updated_at"],
            deleted_at=m["deleted_at"],
        )

    def add(self, client_id: int, fields: ContactFields, now: datetime) -> int:
        result = self.conn.execute(
            insert(s.contacts).values(
                client_id=client_id,
                full_name=fields.full_name,
                position=fields.position,
                birth_date=fields.birth_date,
                note=fields.note,
                is_primary=fields.is_primary,
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        ident = int(result.inserted_primary_key[0])
        self._write_channels(ident, client_id, fields)
        return ident

    def update(self, ident: int, expected_version: int, fields: ContactFields, now: datetime) -> int:
        version = self._versioned_update(
            ident,
            expected_version,
            {
                "full_name": fields.full_name,
                "position": fields.position,
                "birth_date": fields.birth_date,
                "note": fields.note,
                "is_primary": fields.is_primary,
                "updated_at": now,
            },
        )
        client_id = self.client_of(ident)
        self._write_channels(ident, client_id, fields)
        return version

    def list_for_clients(self, client_ids: Sequence[int]) -> dict[int, list[ContactPerson]]:
        """Live contact persons of many clients at once (the export reads in chunks)."""
        k = s.contacts.c
        rows = [
            row
            for chunk in id_chunks(client_ids)
            for row in self.conn.execute(
                select(s.contacts)
                .where(k.client_id.in_(chunk), k.deleted_at.is_(None))
                .order_by(k.client_id, k.is_primary.desc(), k.id)
            )
        ]
        channels = self._channels([r.id for r in rows])
        out: dict[int, list[ContactPerson]] = {}
        for row in rows:
            out.setdefault(row.client_id, []).append(self._person(row, channels.get(row.id, {})))
        return out

    def names_for(self, client_ids: Sequence[int]) -> dict[int, set[str]]:
        """Folded names of the live contact persons of these clients (to avoid adding one twice)."""
        out: dict[int, set[str]] = {}
        for chunk in id_chunks(client_ids):
            rows = self.conn.execute(
                select(s.contacts.c.client_id, s.contacts.c.full_name).where(
                    s.contacts.c.client_id.in_(chunk), s.contacts.c.deleted_at.is_(None)
                )
            )
            for client_id, name in rows:
                out.setdefault(client_id, set()).add(fold(name))
        return out

    def clear_primary(self, client_id: int, except_id: int | None) -> None:
        query = update(s.contacts).where(s.contacts.c.client_id == client_id, s.contacts.c.is_primary.is_(True))
        if except_id is not None:
            query = query.where(s.contacts.c.id != except_id)
        self.conn.execute(query.values(is_primary=False))

    def _write_channels(self, ident: int, client_id: int, fields: ContactFields) -> None:
        self.conn.execute(delete(s.contact_channels).where(s.contact_channels.c.contact_id == ident))
        rows = [
            {
                "contact_id": ident,
                "client_id": client_id,
                "kind": "phone",
                "position": i,
                "value": phone,
                "value_norm": parse_phone(phone).e164,
            }
            for i, phone in enumerate(fields.phones)
        ] + [
            {
                "contact_id": ident,
                "client_id": client_id,
                "kind": "email",
                "position": i,
                "value": email,
                "value_norm": normalize_email(email),
            }
            for i, email in enumerate(fields.emails)
        ]
        if rows:
            self.conn.execute(insert(s.contact_channels), rows)


# Reference data ----------------------------------------------------------------------------------


class IndustryRepository(_Repository[Industry]):
    table = s.industries
    what = "industry"

    def list(self, *, include_deleted: bool = False) -> list[Industry]:
        query = select(s.industries)
        if not include_deleted:
            query = query.where(s.industries.c.deleted_at.is_(None))
        rows = self.conn.execute(query.order_by(s.industries.c.code, s.industries.c.name_norm))
        return [self._entity(r) for r in rows]

    def _entity(self, row: AnyRow) -> Industry:
        return Industry(
            id=row.id, version=row.version, code=row.code, name=row.name, notes=row.notes, deleted_at=row.deleted_at
        )

    def find(self, code_or_name: str) -> Industry | None:
        """By OKVED code ("F", "46.90") or by name, case-insensitively; live ones only."""
        key = code_or_name.strip()
        i = s.industries.c
        row = self.conn.execute(
            select(s.industries)
            .where(or_(i.code == key.upper(), i.name_norm == fold(key)), i.deleted_at.is_(None))
            .order_by(i.id)
            .limit(1)
        ).first()
        return self._entity(row) if row else None

    def trashed_with_code(self, code: str) -> int | None:
        """The industry in the trash with this OKVED code (the latest trashed), if there is one."""
        i = s.industries.c
        query = select(i.id).where(i.code == code, i.deleted_at.is_not(None)).order_by(i.deleted_at.desc(), i.id.desc())
        found = self.conn.execute(query.limit(1)).scalar()
        return None if found is None else int(found)

    def code_taken(self, code: str, exclude_id: int | None) -> bool:
        query = select(s.industries.c.id).where(s.industries.c.code == code, s.industries.c.deleted_at.is_(None))
        if exclude_id is not None:
            query = query.where(s.industries.c.id != exclude_id)
        return self.conn.execute(query.limit(1)).first() is not None

    def add(self, fields: IndustryFields, now: datetime) -> int:
        result = self.conn.execute(
            insert(s.industries).values(
                code=fields.code,
                name=fields.name,
                name_norm=fold(fields.name),
                notes=fields.notes,
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])

    def update(self, ident: int, expected_version: int, fields: IndustryFields, now: datetime) -> int:
        return self._versioned_update(
            ident,
            expected_version,
            {
                "code": fields.code,
                "name": fields.name,
                "name_norm": fold(fields.name),
                "notes": fields.notes,
                "updated_at": now,
            },
        )


class ManagerRepository(_Repository[Manager]):
    table = s.managers
    what = "manager"

    def list(self, *, include_inactive: bool = True) -> list[Manager]:
        query = select(s.managers).where(s.managers.c.deleted_at.is_(None))
        if not include_inactive:
            query = query.where(s.managers.c.active.is_(True))
        return [self._entity(r) for r in self.conn.execute(query.order_by(s.managers.c.name_norm))]

    def _entity(self, row: AnyRow) -> Manager:
        return Manager(
            id=row.id,
            version=row.version,
            name=row.name,
            email=row.email,
            active=bool(row.active),
            role=Role(row.role) if row.role in Role._value2member_map_ else Role.MANAGER,
        )

    def find(self, name: str) -> Manager | None:
        row = self.conn.execute(select(s.managers).where(s.managers.c.name_norm == fold(name))).first()
        return self._entity(row) if row else None

    def add(self, fields: ManagerFields, now: datetime) -> int:
        result = self.conn.execute(
            insert(s.managers).values(
                name=fields.name,
                name_norm=fold(fields.name),
                email=fields.email,
                active=fields.active,
                role=str(fields.role),
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])

    def has_head(self) -> bool:
        """Whether any manager of the base (not in the trash) is a head."""
        m = s.managers.c
        query = select(m.id).where(m.role == str(Role.HEAD), m.deleted_at.is_(None)).limit(1)
        return self.conn.execute(query).first() is not None

    def heads(self) -> builtins.list[Manager]:
        m = s.managers.c
        query = select(s.managers).where(m.role == str(Role.HEAD), m.deleted_at.is_(None)).order_by(m.name_norm)
        return [self._entity(r) for r in self.conn.execute(query)]

    def set_role(self, ident: int, role: Role, now: datetime) -> None:
        self.get(ident)  # NotFoundError for no such manager
        m = s.managers.c
        self.conn.execute(
            update(s.managers).where(m.id == ident).values(role=str(role), version=m.version + 1, updated_at=now)
        )

    def update(self, ident: int, expected_version: int, fields: ManagerFields, now: datetime) -> int:
        return self._versioned_update(
            ident,
            expected_version,
            {
                "name": fields.name,
                "name_norm": fold(fields.name),
                "email": fields.email,
                "active": fields.active,
                "updated_at": now,
            },
        )


class BaseSettingsRepository:
    """The base's own settings (``base_settings``): text values by key, shared by every seat."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, key: str) -> str | None:
        row = self.conn.execute(select(s.base_settings.c.value).where(s.base_settings.c.key == key)).first()
        return None if row is None else str(row.value)

    def set(self, key: str, value: str) -> None:
        table = s.base_settings
        done = self.conn.execute(update(table).where(table.c.key == key).values(value=value))
        if done.rowcount == 0:
            self.conn.execute(insert(table).values(key=key, value=value))


# Reminders ---------------------------------------------------------------------------------------


def _effective(due_at: datetime, snoozed_until: datetime | None) -> datetime:
    return snoozed_until if snoozed_until is not None and snoozed_until > due_at else due_at


def _whose(manager_id: int) -> ColumnElement[bool]:
    """A manager's reminders: those assigned to them, and those assigned to nobody on their clients
    (a reminder planned before anyone chose who they are belongs with the client's manager)."""
    r = s.reminders.c
    return or_(r.manager_id == manager_id, and_(r.manager_id.is_(None), s.clients.c.owner_id == manager_id))


class ReminderRepository(_Repository[Reminder]):
    table = s.reminders
    what = "reminder"

    def _select(self) -> Select[Any]:
        r = s.reminders
        return select(r, s.clients.c.name.label("client_name")).select_from(
            r.join(s.clients, s.clients.c.id == r.c.client_id)
        )

    def _entity(self, row: AnyRow) -> Reminder:
        m = row._mapping
        return Reminder(
            id=m["id"],
            client_id=m["client_id"],
            version=m["version"],
            due_at=m["due_at"],
            text=m["text"],
            recurrence=Recurrence(m["recurrence"]),
            manager_id=m["manager_id"],
            deal_id=m["deal_id"],
            client_name=m["client_name"],
            done_at=m["done_at"],
            snoozed_until=m["snoozed_until"],
            anchor_at=m["anchor_at"],
            created_at=m["created_at"],
            updated_at=m["updated_at"],
            deleted_at=m["deleted_at"],
        )

    def list_for_clients(self, client_ids: Sequence[int]) -> dict[int, list[Reminder]]:
        return self._live_by_client(client_ids, s.reminders.c.effective_due)

    def list_for(self, client_id: int, *, include_done: bool = True) -> list[Reminder]:
        r = s.reminders.c
        query = self._select().where(r.client_id == client_id, r.deleted_at.is_(None))
        if not include_done:
            query = query.where(r.done_at.is_(None))
        return [self._entity(x) for x in self.conn.execute(query.order_by(r.done_at.is_not(None), r.effective_due))]

    def open_until(
        self, until: datetime | None, *, after: datetime | None = None, manager_id: int | None = None, limit: int = 1000
    ) -> list[Reminder]:
        """Open reminders of live clients, soonest first, due no later than *until* (None: all) and
        later than *after* (None: however long ago)."""
        r = s.reminders.c
        query = self._select().where(r.done_at.is_(None), r.deleted_at.is_(None), s.clients.c.deleted_at.is_(None))
        if until is not None:
            query = query.where(r.effective_due <= until)
        if after is not None:
            query = query.where(r.effective_due > after)
        if manager_id is not None:
            query = query.where(_whose(manager_id))
        return [self._entity(x) for x in self.conn.execute(query.order_by(r.effective_due, r.id).limit(limit))]

    def count_open_before(self, moment: datetime | None, *, manager_id: int | None = None) -> int:
        """Open reminders of live clients due before *moment* (None: all open ones)."""
        r = s.reminders.c
        query = (
            select(func.count())
            .select_from(s.reminders.join(s.clients, s.clients.c.id == r.client_id))
            .where(r.done_at.is_(None), r.deleted_at.is_(None), s.clients.c.deleted_at.is_(None))
        )
        if moment is not None:
            query = query.where(r.effective_due < moment)
        if manager_id is not None:
            query = query.where(_whose(manager_id))
        return int(self.conn.execute(query).scalar_one())

    def add(
        self,
        client_id: int,
        fields: ReminderFields,
        now: datetime,
        *,
        anchor_at: datetime | None = None,
        done_at: datetime | None = None,
    ) -> int:
        """A new reminder; *done_at* for one that was already dealt with (an import of past work)."""
        result = self.conn.execute(
            insert(s.reminders).values(
                client_id=client_id,
                deal_id=fields.deal_id,
                due_at=fields.due_at,
                text=fields.text,
                recurrence=fields.recurrence.value,
                manager_id=fields.manager_id,
                effective_due=fields.due_at,
                anchor_at=anchor_at,
                done_at=done_at,
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        ident = int(result.inserted_primary_key[0])
        self.refresh_client(client_id)
        return ident

    def update(
        self,
        ident: int,
        expected_version: int,
        fields: ReminderFields,
        *,
        now: datetime,
        done_at: datetime | None = None,
        snoozed_until: datetime | None = None,
    ) -> int:
        version = self._versioned_update(
            ident,
            expected_version,
            {
                "due_at": fields.due_at,
                "text": fields.text,
                "recurrence": fields.recurrence.value,
                "manager_id": fields.manager_id,
                "deal_id": fields.deal_id,
                "done_at": done_at,
                "snoozed_until": snoozed_until,
                "effective_due": _effective(fields.due_at, snoozed_until),
                "updated_at": now,
            },
        )
        self.refresh_client(self.client_of(ident))
        return version

    def set_deleted(self, ident: int, expected_version: int, deleted_at: datetime | None) -> int:
        version = super().set_deleted(ident, expected_version, deleted_at)
        self.refresh_client(self.client_of(ident))
        return version

    def open_for_deal(self, deal_id: int) -> list[Reminder]:
        """Open reminders planned for a deal (the renewal "hook" of a won deal)."""
        r = s.reminders.c
        query = self._select().where(r.deal_id == deal_id, r.done_at.is_(None), r.deleted_at.is_(None))
        return [self._entity(x) for x in self.conn.execute(query.order_by(r.id))]

    def done_for_deal(self, deal_id: int) -> list[Reminder]:
        """Reminders planned for a deal that the manager has already dealt with."""
        r = s.reminders.c
        query = self._select().where(r.deal_id == deal_id, r.done_at.is_not(None), r.deleted_at.is_(None))
        return [self._entity(x) for x in self.conn.execute(query.order_by(r.id))]

    def refresh_client(self, client_id: int) -> None:
        """Keep ``clients.next_reminder_at`` (what the client table sorts and filters on) right."""
        r = s.reminders.c
        soonest = (
            select(func.min(r.effective_due))
            .where(r.client_id == client_id, r.done_at.is_(None), r.deleted_at.is_(None))
            .scalar_subquery()
        )
        self.conn.execute(update(s.clients).where(s.clients.c.id == client_id).values(next_reminder_at=soonest))


# History and deals -------------------------------------------------------------------------------


class InteractionRepository(_Repository[Interaction]):
    table = s.interactions
    what = "interaction"

    def _select(self) -> Select[Any]:
        i = s.interactions
        return select(i, s.managers.c.name.label("manager_name")).select_from(
            i.outerjoin(s.managers, s.managers.c.id == i.c.manager_id)
        )

    def list_for(self, client_id: int, limit: int = 500) -> list[Interaction]:
        i = s.interactions
        rows = self.conn.execute(
            self._select()
            .where(i.c.client_id == client_id, i.c.deleted_at.is_(None))
            .order_by(i.c.occurred_at.desc(), i.c.id.desc())
            .limit(limit)
        )
        return [self._entity(r) for r in rows]

    def list_for_clients(self, client_ids: Sequence[int]) -> dict[int, list[Interaction]]:
        """The history of many clients at once (export), oldest first, by client id."""
        return self._live_by_client(client_ids, s.interactions.c.occurred_at, s.interactions.c.id)

    def _entity(self, row: AnyRow) -> Interaction:
        m = row._mapping
        return Interaction(
            id=m["id"],
            client_id=m["client_id"],
            version=m["version"],
            kind=InteractionKind(m["kind"]),
            occurred_at=m["occurred_at"],
            summary=m["summary"],
            result=m["result"],
            manager_id=m["manager_id"],
            contact_id=m["contact_id"],
            manager_name=m["manager_name"] or "",
            created_at=m["created_at"],
        )

    def add(self, client_id: int, fields: InteractionFields, now: datetime) -> int:
        result = self.conn.execute(
            insert(s.interactions).values(
                client_id=client_id,
                kind=fields.kind.value,
                occurred_at=fields.occurred_at,
                summary=fields.summary,
                result=fields.result,
                manager_id=fields.manager_id,
                contact_id=fields.contact_id,
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])


class DealRepository(_Repository[Deal]):
    table = s.deals
    what = "deal"

    def _select(self) -> Select[Any]:
        d = s.deals
        return select(d, s.clients.c.name.label("client_name"), s.managers.c.name.label("owner_name")).select_from(
            d.join(s.clients, s.clients.c.id == d.c.client_id).outerjoin(s.managers, s.managers.c.id == d.c.owner_id)
        )

    def list_for(self, client_id: int) -> list[Deal]:
        d = s.deals
        rows = self.conn.execute(
            self._select()
            .where(d.c.client_id == client_id, d.c.deleted_at.is_(None))
            .order_by(d.c.opened_on.desc(), d.c.id.desc())
        )
        return [self._entity(r) for r in rows]

    def list_for_clients(self, client_ids: Sequence[int]) -> dict[int, list[Deal]]:
        return self._live_by_client(client_ids, s.deals.c.opened_on, s.deals.c.id)

    def _entity(self, row: AnyRow) -> Deal:
        m = row._mapping
        return Deal(
            id=m["id"],
            client_id=m["client_id"],
            version=m["version"],
            title=m["title"],
            amount=Money.from_minor(m["amount_minor"], m["currency"]),
            stage=DealStage(m["stage"]),
            lost_reason=m["lost_reason"],
            opened_on=m["opened_on"],
            closed_on=m["closed_on"],
            contract_end=m["contract_end"],
            owner_id=m["owner_id"],
            client_name=m["client_name"],
            owner_name=m["owner_name"] or "",
            created_at=m["created_at"],
            updated_at=m["updated_at"],
            deleted_at=m["deleted_at"],
        )

    @staticmethod
    def values(fields: DealFields) -> dict[str, Any]:
        return {
            "title": fields.title,
            "amount_minor": fields.amount.minor,
            "currency": fields.amount.currency,
            "stage": fields.stage.value,
            "lost_reason": fields.lost_reason,
            "opened_on": fields.opened_on,
            "closed_on": fields.closed_on,
            "contract_end": fields.contract_end,
            "owner_id": fields.owner_id,
        }

    def add(self, client_id: int, fields: DealFields, now: datetime) -> int:
        result = self.conn.execute(
            insert(s.deals).values(
                client_id=client_id, **self.values(fields), version=1, created_at=now, updated_at=now
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])

    def update(self, ident: int, expected_version: int, fields: DealFields, now: datetime) -> int:
        return self._versioned_update(ident, expected_version, {**self.values(fields), "updated_at": now})
