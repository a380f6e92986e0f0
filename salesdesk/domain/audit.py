"""The audit trail as plain values: who changed what, when, through which face, before → after.

A service says what it changes through the unit of work (``uow.record(entity, id, action, ...)``);
for an edit it also gives the values before and after. The unit of work turns those records into
``Entry`` values and writes them in the same transaction as the change, with the ``Actor`` its face
gave it (the seat's manager; the window, the command line, or the import of a named file). A
rolled-back change leaves no entry. Faces read the trail back as ``AuditRecord`` values.

Values are kept as text, exactly as stored (an enum as its code, a date in ISO form); the faces turn
them into the user's words (``field_label``, ``display_value``). Erasing a person (152-FZ) replaces
the values of their entries: ``AuditRecord.erased`` is then true and ``old``/``new`` are gone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from salesdesk.domain.messages import msg

# The entities whose changes are recorded (reference lists are not: their names live in the cards'
# entries anyway).
AUDITED = frozenset({"client", "contact", "deal", "interaction", "reminder", "attachment", "plan"})
# What an erased value reads as in the command line's JSON and the export.
ERASED = "erased"
# Longest text kept for a created record's label (its name, a reminder's text).
LABEL_LIMIT = 200


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    TRASH = "trash"
    RESTORE = "restore"
    MERGE = "merge"
    IMPORT = "import"
    ERASE = "erase"

    @property
    def label(self) -> str:
        return str(msg(f"audit.action.{self.value}"))


# The unit of work's change records (``domain/changes.py``) and the trail's action for each; records
# not named here ("contacts", "deals", "history", "reminders": a part of a card changed) are told
# by the entry of the part itself.
ACTION_OF_RECORD: Mapping[str, Action] = {
    "created": Action.CREATE,
    "updated": Action.EDIT,
    "status": Action.EDIT,
    "done": Action.EDIT,
    "reopened": Action.EDIT,
    "snoozed": Action.EDIT,
    "trashed": Action.TRASH,
    "restored": Action.RESTORE,
    "imported": Action.IMPORT,
    "merged": Action.MERGE,
    "erased": Action.ERASE,
}


class Via(StrEnum):
    """The face a change came through."""

    WINDOW = "window"
    COMMAND_LINE = "cli"
    OTHER = "other"  # a program using the services directly (tests, scripts)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes the changes of a unit of work and through what; given by the face."""

    manager_id: int | None = None
    via: Via = Via.OTHER
    source: str = ""  # the file's name when the change is an import of it

    def importing(self, file_name: str) -> Actor:
        return dataclasses.replace(self, source=file_name)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row a transaction adds to the trail (the actor and the time are the transaction's)."""

    entity: str
    entity_id: int
    client_id: int | None
    action: Action
    field: str | None = None
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str | None
    new: str | None


def value_text(value: object) -> str | None:
    """A field's value as the trail keeps it: exact text, ``None`` for nothing."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple | list):
        return "\n".join(str(v) for v in value)
    if dataclasses.is_dataclass(value) and hasattr(value, "amount") and hasattr(value, "currency"):
        return f"{format(value.amount, 'f')} {value.currency}"
    return str(value)


def _values(obj: object) -> dict[str, Any]:
    if isinstance(obj, Mapping):
        return dict(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    raise TypeError(f"cannot compare {type(obj).__name__} values")


def field_changes(before: object, after: object) -> tuple[FieldChange, ...]:
    """The fields whose value differs, in the order of *after*'s fields. Only fields both sides
    have are compared (an entity read back has more than the fields a person edits)."""
    old, new = _values(before), _values(after)
    changes = []
    for name, value in new.items():
        if name not in old:
            continue
        was, now = value_text(old[name]), value_text(value)
        if was != now:
            changes.append(FieldChange(name, was, now))
    return tuple(changes)


_LABEL_FIELDS = ("name", "full_name", "title", "summary", "text")


def label_of(fields: object) -> str | None:
    """What a created record is called (a client's name, a deal's title), for its entry."""
    if fields is None:
        return None
    values = _values(fields)
    for name in _LABEL_FIELDS:
        text = values.get(name)
        if isinstance(text, str) and text:
            return text[:LABEL_LIMIT]
    return None


def entries_for(
    entity: str,
    ident: int,
    record_action: str,
    *,
    client_id: int | None,
    before: object = None,
    after: object = None,
) -> list[Entry]:
    """The trail's entries for one change record: none for what is not audited or for an edit that
    changed nothing; one per changed field for an edit; else one, named by its label."""
    action = ACTION_OF_RECORD.get(record_action)
    if entity not in AUDITED or action is None:
        return []
    if entity == "client":
        client_id = ident
    if before is not None and after is not None:
        changes = field_changes(before, after)
        if changes:
            return [Entry(entity, ident, client_id, action, c.field, c.old, c.new) for c in changes]
        if action is Action.EDIT:
            return []
    label = label_of(after) if action in (Action.CREATE, Action.IMPORT) else None
    return [Entry(entity, ident, client_id, action, None, None, label)]


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One entry as the faces read it."""

    id: int
    at: datetime
    manager_id: int | None
    manager: str | None
    via: str
    source: str
    entity: str
    entity_id: int
    client_id: int | None
    action: str
    field: str | None
    old: str | None
    new: str | None
    erased: bool = False

    @property
    def via_code(self) -> str:
        """``window``, ``cli``, ``other``, or ``import:<file name>``."""
        return f"import:{self.source}" if self.source else self.via

    def as_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "manager": self.manager,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "action": self.action,
            "field": self.field,
            "old": ERASED if self.erased and self.old is None and self.field else self.old,
            "new": ERASED if self.erased else self.new,
            "via": self.via_code,
        }


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """What a face asks of the trail; every part optional."""

    client_id: int | None = None
    entity: str | None = None  # with entity_id: the entries about one record (a person's export)
    entity_id: int | None = None
    since: datetime | None = None
    field: str | None = None
    manager_id: int | None = None
    text: str = ""
    limit: int | None = None


# -- in the user's words ------------------------------------------------------------------------------

# Fields whose label differs from ``field.<name>`` in the message catalogue, by entity.
_FIELD_KEYS: Mapping[tuple[str, str], str] = {
    ("client", "industry_id"): "field.industry",
    ("client", "owner_id"): "field.owner",
    ("contact", "full_name"): "field.full_name_person",
    ("contact", "phones"): "field.phone",
    ("contact", "emails"): "field.email",
    ("contact", "note"): "field.notes",
    ("contact", "is_primary"): "audit.field.is_primary",
    ("deal", "owner_id"): "field.owner",
    ("interaction", "manager_id"): "field.manager",
    ("interaction", "contact_id"): "field.contact",
    ("interaction", "kind"): "audit.field.interaction_kind",
    ("reminder", "manager_id"): "field.manager",
    ("reminder", "deal_id"): "audit.field.deal",
    ("reminder", "done_at"): "audit.field.done_at",
    ("reminder", "snoozed_until"): "audit.field.snoozed_until",
}


def field_label(entity: str, field: str | None) -> str:
    """A field's name in the user's language ("Телефон", "Phone"); the code itself if unknown."""
    if not field:
        return ""
    key = _FIELD_KEYS.get((entity, field), f"field.{field}")
    try:
        return str(msg(key))
    except KeyError:
        return field


def entity_label(entity: str) -> str:
    try:
        return str(msg(f"audit.entity.{entity}"))
    except KeyError:
        return entity


def action_label(action: str) -> str:
    try:
        return Action(action).label
    except ValueError:
        return action


_ENUM_PREFIXES: Mapping[str, str] = {
    "kind": "kind",
    "status": "status",
    "stage": "stage",
    "recurrence": "recurrence",
}


def display_value(entity: str, field: str | None, value: str | None) -> str:
    """A stored value as a person reads it: labels for codes, yes/no, dates as dd.mm.yyyy."""
    if value is None:
        return ""
    if field == "kind" and entity == "interaction":
        return _message_or(f"interaction.{value}", value)
    prefix = _ENUM_PREFIXES.get(field or "")
    if prefix is not None:
        return _message_or(f"{prefix}.{value}", value)
    if value in ("true", "false") and field == "is_primary":
        return str(msg("audit.yes" if value == "true" else "audit.no"))
    return _date_text(value)


def _message_or(key: str, fallback: str) -> str:
    try:
        return str(msg(key))
    except KeyError:
        return fallback


def _date_text(value: str) -> str:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    if len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        return moment.strftime("%d.%m.%Y %H:%M")
    return value


def via_label(record: AuditRecord) -> str:
    if record.source:
        return str(msg("audit.via.import", file=record.source))
    return _message_or(f"audit.via.{record.via}", record.via)


def matches_text(record: AuditRecord, text: str) -> bool:
    """Does the entry hold *text* (case folded) in its field's name, values or manager?"""
    needle = text.casefold()
    haystack = (
        field_label(record.entity, record.field),
        display_value(record.entity, record.field, record.old),
        display_value(record.entity, record.field, record.new),
        record.old or "",
        record.new or "",
        record.manager or "",
    )
    return any(needle in part.casefold() for part in haystack)


def fields_in(records: Sequence[AuditRecord]) -> list[tuple[str, str]]:
    """(entity, field) pairs the entries name, first seen first (the view's field filter)."""
    seen: dict[tuple[str, str], None] = {}
    for record in records:
        if record.field:
            seen.setdefault((record.entity, record.field), None)
    return list(seen)
