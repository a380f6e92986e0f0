"""One row of a client sheet read into a card and a contact person, with its problems and repairs.

Pure work on cell values, no base and no file: the import runs it here for a small sheet and in
worker processes for a big one (services/derivation.py), a block of rows each, with the same result.
It imports the domain only, so a worker starts without the database layer or Qt.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from salesdesk.domain import messages
from salesdesk.domain.birthdays import birth_of
from salesdesk.domain.duplicates import name_key
from salesdesk.domain.emails import normalize_email
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientFields, ClientKind, ClientStatus, ContactFields
from salesdesk.domain.phones import parse_phone
from salesdesk.domain.records import Record
from salesdesk.domain.spreadsheet import identifier_of, notes_of, phone_of, split_list, text_of
from salesdesk.domain.text import fold
from salesdesk.domain.validation import clean_client, clean_contact, client_problems, contact_problems

E = TypeVar("E", bound=StrEnum)
Cell = object  # a value as the sheet's reader gives it (files/reading.py Cell)


@dataclass(slots=True)
class Row(Record):
    line: int
    raw: Sequence[Cell]  # the row as read; let go (empty) once the row is accepted: only rejected rows are written back
    client: ClientFields | None = None
    contact: ContactFields | None = None
    industry: str = ""
    owner: str = ""
    client_no: str = ""
    problems: list[str] = field(default_factory=list)
    repaired: Sequence[str] = ()
    # phones (E.164), e-mails and name key that duplicates are matched by, worked out right after
    # the row is checked: its phones are still in parse_phone's cache then, not by planning time
    keys: tuple[tuple[str, ...], tuple[str, ...], str] | None = None
    width: int = 0  # cells the row had as read (the file of rejected rows is as wide as the widest)


def choices(enum: type[E], prefix: str) -> dict[str, E]:
    """Codes and labels in both languages, folded: "Действующий", "active", "Active" -> ACTIVE."""
    found: dict[str, E] = {}
    for member in enum:
        found[fold(member.value)] = member
        found[fold(member.value.replace("_", " "))] = member
        for lang in messages.LANGUAGES:
            found[fold(messages.render(f"{prefix}.{member.value}", lang=lang))] = member
    return found


KINDS = choices(ClientKind, "kind")
KINDS.update({fold(x): ClientKind.LEGAL for x in ("юрлицо", "юр. лицо", "юридическое лицо", "организация", "ооо")})
KINDS.update({fold(x): ClientKind.SOLE_TRADER for x in ("индивидуальный предприниматель", "ип")})
KINDS.update({fold(x): ClientKind.PERSON for x in ("физическое лицо", "физ. лицо", "частное лицо")})
STATUSES = choices(ClientStatus, "status")


def _problem(field_key: str, key: str, **params: Any) -> str:
    return str(msg(key, field=msg(field_key), **params))


def parse_rows(raw_rows: Sequence[list[Cell]], first_line: int, mapping: Mapping[int, str]) -> list[Row]:
    """The rows of a sheet below its header, *first_line* being the line number (1-based, as the
    spreadsheet numbers it) of the first; empty rows are left out."""
    rows: list[Row] = []
    shared: dict[str, str] = {}
    for offset, raw in enumerate(raw_rows, start=first_line):
        if all(c in ("", None) for c in raw):
            continue
        raw = [shared.setdefault(c, c) if type(c) is str else c for c in raw]
        row = parse_row(offset, raw, mapping)
        row.width = len(raw)
        if not row.problems and row.client is not None:
            phones, emails = reachable(row.client, row.contact)
            row.keys = (phones, emails, name_key(row.client.name))
            row.raw = ()  # accepted: its cells are never written back (the planner rejects no other row)
        rows.append(row)
    return rows


def parse_block(
    language: str, raw_rows: Sequence[list[Cell]], first_line: int, mapping: Mapping[int, str]
) -> list[Row]:
    """``parse_rows`` in a worker process: the problems are worded in the program's *language*."""
    messages.set_language(language)
    return parse_rows(raw_rows, first_line, mapping)


def parse_row(line: int, raw: list[Cell], mapping: Mapping[int, str]) -> Row:
    row = Row(line, raw)
    repaired: list[str] = []
    values: dict[str, Any] = {}
    by_target = {target: raw[i] if i < len(raw) else None for i, target in mapping.items()}
    for target in ("name", "full_name", "legal_address", "postal_address", "city", "source", "bank_name"):
        values[target] = text_of(by_target.get(target))
    values["notes"] = notes_of(by_target.get("notes"))
    for target in ("inn", "kpp", "ogrn", "bik", "account", "corr_account"):
        cell = by_target.get(target)
        identifier = identifier_of(cell, target)
        if identifier.lost_digits:
            row.problems.append(str(msg("import.lost_digits", field=msg(f"field.{target}"), value=text_of(cell))))
            identifier = dataclasses.replace(identifier, value="")  # one reason for the row is enough
        elif identifier.repaired_from is not None:
            repaired.append(f"{msg(f'field.{target}')} {identifier.repaired_from} → {identifier.value}")
        values[target] = identifier.value
    values["phone"] = phone_of(by_target.get("phone"))
    values["email"] = text_of(by_target.get("email"))
    values["tags"] = split_list(text_of(by_target.get("tags")))
    kind_text = text_of(by_target.get("kind"))
    if kind_text:
        kind = KINDS.get(fold(kind_text))
        if kind is None:
            row.problems.append(_problem("field.kind", "err.choice", value=kind_text))
            kind = ClientKind.LEGAL
    else:
        kind = infer_kind(values)
    values["kind"] = kind
    status_text = text_of(by_target.get("status"))
    status = STATUSES.get(fold(status_text)) if status_text else ClientStatus.LEAD
    if status is None:
        row.problems.append(_problem("field.status", "err.choice", value=status_text))
        status = ClientStatus.LEAD
    values["status"] = status
    row.industry = text_of(by_target.get("industry"))
    if looks_like_date(by_target.get("industry")):
        # a date is neither an industry nor an OKVED code ("01.02.2024" is not class 01.02 named "24"):
        # most likely the wrong column was chosen; the row goes to the error file as it was
        row.problems.append(_problem("field.industry", "err.industry_date", value=row.industry))
    row.owner = text_of(by_target.get("owner"))
    row.client_no = text_of(by_target.get("client_no"))

    contact_name = text_of(by_target.get("contact_name"))
    contact_phone = phone_of(by_target.get("contact_phone"))
    contact_email = text_of(by_target.get("contact_email"))
    if contact_name:
        birth = birth_of(by_target.get("contact_birth_date"))
        if isinstance(birth, str):
            row.problems.append(_problem("field.birth_date", "err.date", value=birth))
            birth = None
        row.contact = clean_contact(
            ContactFields(
                full_name=contact_name,
                position=text_of(by_target.get("contact_position")),
                birth_date=birth,
                phones=(contact_phone,) if contact_phone else (),
                emails=(contact_email,) if contact_email else (),
            )
        )
    else:
        # a contact's phone or e-mail with no contact name still reaches the client
        values["phone"] = values["phone"] or contact_phone
        values["email"] = values["email"] or contact_email

    client = clean_client(ClientFields(**values))
    row.client = client
    row.repaired = tuple(repaired)  # most rows: the one empty tuple, not a list each (100,000 rows)
    for problem in client_problems(client):
        if problem.blocking:
            row.problems.append(str(problem))
    if row.contact is not None:
        for problem in contact_problems(row.contact, date.today()):
            if problem.blocking:
                row.problems.append(str(problem))
    return row


def infer_kind(values: Mapping[str, Any]) -> ClientKind:
    """Without a kind column: 12-digit INN or a 15-digit OGRNIP or a name starting "ИП" is a sole
    trader; anything else is taken for a company (the card can say otherwise later)."""
    name = fold(values.get("name") or "")
    if name.startswith(("ип ", "индивидуальный предприниматель")) or len(values.get("ogrn") or "") == 15:
        return ClientKind.SOLE_TRADER
    if len(values.get("inn") or "") == 12:
        return ClientKind.SOLE_TRADER if values.get("ogrn") else ClientKind.PERSON
    return ClientKind.LEGAL


def reachable(client: ClientFields, contact: ContactFields | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    phones = tuple(parse_phone(p).e164 or "" for p in (client.phone, *(contact.phones if contact else ())))
    emails = tuple(normalize_email(e) for e in (client.email, *(contact.emails if contact else ())) if e)
    return phones, emails


_FULL_DATE = re.compile(r"^\d{1,2}[./\-]\d{1,2}[./\-]\d{4}$|^\d{4}[./\-]\d{1,2}[./\-]\d{1,2}$")


def looks_like_date(cell: object) -> bool:
    """A date cell, or text that is a whole date with a four-digit year (01.02.2024, 2024-02-01)."""
    if isinstance(cell, date):
        return True
    return isinstance(cell, str) and _FULL_DATE.match(cell.strip()) is not None
