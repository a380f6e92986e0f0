"""Importing a client base from a spreadsheet: read, map columns, check, match duplicates, apply.

``plan_import`` reads the file and decides each row's fate without writing anything (the wizard's
preview and the command line's --dry-run). ``run_import`` makes the same plan and applies it in
one transaction on the caller's thread (the window runs it on a worker): a cancel, an error or a
crash leaves the base as it was. Rows that break a rule are not imported; they go to an error
file (the original row plus the reason) that the user can fix and import again. Importing the
same file twice changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from salesdesk.domain import messages, okved
from salesdesk.domain.birthdays import birth_of
from salesdesk.domain.derived import derive
from salesdesk.domain.duplicates import IdentityIndex, Match, name_key, names_differ
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.freshness import Source, fingerprints
from salesdesk.domain.messages import msg
from salesdesk.domain.model import (
    CLIENT_FIELD_NAMES,
    Client,
    ClientBundle,
    ClientFields,
    ClientKind,
    ClientStatus,
    ContactFields,
    DealFields,
    DealStage,
    IndustryFields,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    PastReminder,
    Recurrence,
    ReminderFields,
)
from salesdesk.domain.records import evolve
from salesdesk.domain.spreadsheet import (
    TARGETS,
    date_of,
    find_header_row,
    guess_mapping,
    notes_of,
    sheet_kind,
    sheet_mapping,
    split_list,
    text_of,
)
from salesdesk.domain.text import collapse_spaces, fold, parse_amount
from salesdesk.domain.validation import (
    amount_problem,
    clean_contact,
    contact_problems,
    validate_deal,
)
from salesdesk.files.errors import FileProblem, RefusedTarget, write_problem
from salesdesk.files.reading import DEFAULT_LIMITS, Cell, Limits, Sheet, Workbook, inspect_file, read_sheet
from salesdesk.files.targets import check_folder
from salesdesk.services.common import Cancelled, Reporter, SilentReporter, cycle_collection_paused, utcnow
from salesdesk.services.derivation import Workers, bulk_workers, derived_batches, in_blocks
from salesdesk.services.freshness import confirm_fields
from salesdesk.services.reference import okved_industry
from salesdesk.services.sheet_rows import Row, choices, parse_block, reachable
from salesdesk.store import UnitOfWork

BATCH = 2_000


class DuplicatePolicy(StrEnum):
    UPDATE_EMPTY = "update-empty"  # fill the fields the stored card leaves empty
    OVERWRITE = "overwrite"  # the file's non-empty values replace the stored ones
    SKIP = "skip"  # leave the stored card alone
    CREATE = "create"  # create a new client anyway


class NameMismatch(StrEnum):
    """What to do with a row that matches a client by INN, phone or e-mail under a clearly different name."""

    KEEP = "keep"  # the same client: its stored name (and full name) stay, the rest follows the policy
    RENAME = "rename"  # the same client, renamed as the file says
    SKIP = "skip"  # leave the row out


class Fate(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    ERROR = "error"


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    header_row: int | None = None  # 0-based; None: found automatically
    mapping: Mapping[int, str] | None = None  # column index -> target; None: from the headers
    on_duplicate: DuplicatePolicy = DuplicatePolicy.UPDATE_EMPTY
    limits: Limits = DEFAULT_LIMITS
    # None: the stored name is replaced only under OVERWRITE (the user asked the file to win)
    on_name_mismatch: NameMismatch | None = None

    def name_mismatch(self) -> NameMismatch:
        if self.on_name_mismatch is not None:
            return self.on_name_mismatch
        return NameMismatch.RENAME if self.on_duplicate is DuplicatePolicy.OVERWRITE else NameMismatch.KEEP


@dataclass(frozen=True, slots=True)  # one per row of the file: slots keep 100,000 of them small
class RowReport:
    line: int  # as the spreadsheet numbers it (1-based)
    fate: Fate
    name: str
    reasons: tuple[str, ...] = ()  # why the row was rejected, in the user's words
    repaired: tuple[str, ...] = ()  # e.g. "ИНН 274062111 → 0274062111"
    duplicate_of: str = ""  # "№12 ООО «Ёлка» (ИНН)" or "строка 7 (телефон)"
    changed: tuple[str, ...] = ()  # fields an update fills or replaces
    client_id: int | None = None  # the stored client the row matched
    name_in_base: str = ""  # set when the row matched by INN, phone or e-mail but the names clearly differ
    matched_by: str = ""  # "inn", "phone", "email", "name" or "client_no"

    @property
    def name_differs(self) -> bool:
        return bool(self.name_in_base)

    def flag(self) -> str:
        """ "ИНН совпадает, а название другое: в базе «ООО «Ёлка»»", or nothing."""
        if not self.name_in_base:
            return ""
        return str(msg("import.name_differs", field=msg(f"field.{self.matched_by}"), stored=self.name_in_base))

    def as_json(self) -> dict[str, Any]:
        reason = "; ".join(self.reasons) if self.reasons else (self.flag() or None)
        return {
            "line": self.line,
            "fate": self.fate.value,
            "name": self.name,
            "reason": reason,
            "id": self.client_id,
            "duplicate_of": self.duplicate_of or None,
            "name_differs": self.name_differs,
            "name_in_base": self.name_in_base or None,
            "changed": list(self.changed),
            "repaired": list(self.repaired),
        }


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    sheet: str
    sheet_names: tuple[str, ...]
    header_row: int
    headers: tuple[str, ...]
    mapping: Mapping[int, str]
    rows: tuple[RowReport, ...]
    new_industries: tuple[str, ...] = ()
    new_managers: tuple[str, ...] = ()
    extra_sheets: Mapping[str, int] = field(default_factory=dict)  # contacts/deals/reminders rows found

    def count(self, fate: Fate) -> int:
        return sum(1 for r in self.rows if r.fate is fate)

    @property
    def names_differ(self) -> int:
        """Rows matched to a client by INN, phone or e-mail whose names clearly differ."""
        return sum(1 for r in self.rows if r.name_in_base)

    @property
    def repaired(self) -> int:
        return sum(1 for r in self.rows if r.repaired and r.fate is not Fate.ERROR)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int  # duplicates left alone, and rows that would change nothing
    rejected: int
    repaired: int
    error_file: Path | None
    plan: ImportPlan
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        """The summary and each row's fate, so that a script can show what the wizard's preview shows."""
        return {
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "repaired": self.repaired,
            "names_differ": self.plan.names_differ,
            "error_file": str(self.error_file) if self.error_file else None,
            "rows": [r.as_json() for r in self.plan.rows],
        }


# Mappings saved for reuse -------------------------------------------------------------------------


def mapping_by_header(headers: Sequence[str], mapping: Mapping[int, str]) -> dict[str, str]:
    """A mapping keyed by header text, so it can be saved and reused on the next file."""
    return {headers[i]: target for i, target in mapping.items() if i < len(headers) and headers[i]}


def save_mapping(path: Path, headers: Sequence[str], mapping: Mapping[int, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": "salesdesk-mapping/1", "columns": mapping_by_header(headers, mapping)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def load_mapping(path: Path) -> dict[str, str]:
    """Header text -> target field, from a file written by ``save_mapping`` (or by hand)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileProblem("file.not_found", path) from exc
    except (OSError, ValueError) as exc:
        raise FileProblem("file.bad_mapping", path, reason=str(exc)) from exc
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in columns.items()):
        raise FileProblem("file.bad_mapping", path, reason='expected {"columns": {"header": "field"}}')
    unknown = sorted(set(columns.values()) - set(TARGETS))
    if unknown:
        raise FileProblem("file.bad_mapping", path, reason="unknown fields: " + ", ".join(unknown))
    return dict(columns)


def apply_saved_mapping(headers: Sequence[str], saved: Mapping[str, str]) -> dict[int, str]:
    return {i: saved[h] for i, h in enumerate(headers) if h in saved}


def header_texts(rows: Sequence[Sequence[Cell]], header_row: int) -> list[str]:
    """The headers of a sheet's *rows* as the wizard and saved mappings name them."""
    return [text_of(c) for c in rows[header_row]] if header_row < len(rows) else []


# Reading and parsing rows --------------------------------------------------------------------------

_STAGES = choices(DealStage, "stage")
_RECURRENCES = choices(Recurrence, "recurrence")
_INTERACTION_KINDS = choices(InteractionKind, "interaction")
PARSE_BLOCK = 5_000  # rows a worker process checks at a time


def _parse_rows(sheet: Sheet, header_row: int, mapping: Mapping[int, str], workers: Workers) -> list[Row]:
    """Every row below the header checked (services/sheet_rows.py), blocks of them on the
    *workers* of a big load; in order, the same wherever they were checked.

    The rows below the header leave *sheet* for the blocks, and each block goes as soon as it is
    checked: the cells of a block a worker checked come back as new objects, and the ones read
    here would otherwise stay until the whole sheet is done (35 MB at 100,000 rows)."""
    rows = sheet.rows
    language = messages.language()
    blocks = [
        (language, rows[i : i + PARSE_BLOCK], i + 1, mapping) for i in range(header_row + 1, len(rows), PARSE_BLOCK)
    ]
    del rows[header_row + 1 :]
    blocks.reverse()
    return list(in_blocks(workers, parse_block, (blocks.pop() for _ in range(len(blocks)))))


# Planning -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pending:
    """What will be written for one client: a new bundle or an update of a stored card."""

    line: int
    fields: ClientFields
    contacts: Sequence[ContactFields]  # a tuple until a second contact person comes
    industry: str
    owner: str
    client_no: str
    base: Client | None = None  # the stored card an update applies to
    # a new client of a plain sheet has none of the rest: empty tuples shared by all, not six
    # empty lists each (100,000 rows), made lists only where a SalesDesk export's sheets add some
    changed: AbstractSet[str] = frozenset()
    deals: Sequence[DealFields] = ()
    deal_owners: Sequence[str] = ()  # names, resolved when applied
    reminders: Sequence[PastReminder] = ()
    reminder_managers: Sequence[str] = ()
    interactions: Sequence[InteractionFields] = ()
    interaction_managers: Sequence[str] = ()
    report: int | None = None  # index of the row report that speaks for this client
    # what the file's rows carried for a stored card, per freshness item: hashes of the values
    # (made when the first comes: a new client has none, 100,000 empty dicts took 6 MB)
    carried: dict[str, set[str]] | None = None


@dataclass
class _Extras:
    """Rows of the other sheets of a SalesDesk export, by the client № they belong to."""

    contacts: dict[str, list[ContactFields]] = field(default_factory=dict)
    deals: dict[str, list[tuple[DealFields, str]]] = field(default_factory=dict)  # with the owner's name
    reminders: dict[str, list[tuple[PastReminder, str]]] = field(default_factory=dict)  # with the manager's
    interactions: dict[str, list[tuple[InteractionFields, str]]] = field(default_factory=dict)  # with the manager's
    counts: dict[str, int] = field(default_factory=dict)


def _merge(current: ClientFields, incoming: ClientFields, policy: DuplicatePolicy) -> tuple[ClientFields, set[str]]:
    changes: dict[str, Any] = {}
    for name in CLIENT_FIELD_NAMES:
        if name in ("kind", "status", "industry_id", "owner_id"):
            continue  # decided by the stored card; the reference fields are handled by name
        new, old = getattr(incoming, name), getattr(current, name)
        if name == "tags":
            merged = tuple(dict.fromkeys((*old, *new)))
            if merged != old:
                changes[name] = merged
            continue
        if not new or new == old:
            continue
        if policy is DuplicatePolicy.OVERWRITE or not old:
            changes[name] = new
    if policy is DuplicatePolicy.OVERWRITE:
        for name in ("kind", "status"):
            if getattr(incoming, name) != getattr(current, name) and _explicit(incoming, name):
                changes[name] = getattr(incoming, name)
    return dataclasses.replace(current, **changes), set(changes)


def _explicit(fields: ClientFields, name: str) -> bool:
    # kind/status always have a value; only replace them when the file's value is not the default
    return not (name == "status" and fields.status is ClientStatus.LEAD) and not (
        name == "kind" and fields.kind is ClientKind.LEGAL
    )


class _Planner:
    def __init__(self, uow: UnitOfWork, options: ImportOptions, reporter: Reporter) -> None:
        self.uow = uow
        self.options = options
        self.reporter = reporter
        self.index = IdentityIndex()  # filled by plan() with the stored clients the rows may be
        industries = uow.industries.list()
        self.industries = {fold(i.name): i.id for i in industries}
        self.industries.update({i.code.upper(): i.id for i in industries if i.code})
        self.managers = {fold(m.name): m.id for m in uow.managers.list()}
        self.pending: dict[int, _Pending] = {}  # new clients, by the line of the row that brought them
        self.base_pending: dict[int, _Pending] = {}  # updates, by stored client id
        self.by_number: dict[str, _Pending] = {}  # by the client № of a SalesDesk export
        self.reports: list[RowReport] = []
        # what the error file needs once the rows are planned: the rejected rows, the widest row
        self.rejected: list[Row] = []
        self.widest = 0
        self.new_industries: dict[str, None] = {}
        self.new_managers: dict[str, None] = {}
        self.contact_names: dict[int, set[str]] = {}
        self.numbered: dict[int, Client] = {}
        # the folded names of a new client's contact persons, by its line, once a row adds one: a
        # sheet of a big client's 5,000 contact persons, one a row, made this set 5,000 times (11 s)
        self._new_contact_names: dict[int, set[str]] = {}

    def plan(self, rows: list[Row], extras: _Extras) -> None:
        """Plan *rows*, using them up: an accepted row goes once planned (its new client stays in
        ``pending``), a rejected one stays in ``rejected`` for the error file."""
        self._load_index(rows)
        matched_ids = [int(r.client_no) for r in rows if r.client_no.isdigit()]
        for row in rows:
            if not row.problems and row.client is not None:
                match = self._match(row)
                if match is not None and match.key[0] == "base":
                    matched_ids.append(match.key[1])
        stored = self.uow.clients.get_many(sorted(set(matched_ids)))
        self.numbered = {number: client for number, client in stored.items()}
        self.contact_names = self.uow.contacts.names_for(sorted(stored))
        total = len(rows)
        rows.reverse()  # taken from the end, in the file's order
        for done in range(1, total + 1):
            if done % 5000 == 0:
                if self.reporter.cancelled():
                    raise Cancelled()
                self.reporter.progress(done, total)
            row = rows.pop()
            report = self._plan_row(row, stored)
            self.reports.append(report)
            self.widest = max(self.widest, row.width, len(row.raw))
            if report.fate is Fate.ERROR:
                self.rejected.append(row)
        self._attach(extras)
        self.index = IdentityIndex()  # no more matching: its keys (60 MB at 100,000 rows) go before the writing

    def _load_index(self, rows: list[Row]) -> None:
        """The stored clients that hold an identifier of a row, not the whole base: the rows' INNs,
        phones, e-mails and names are looked up in the base (a hash join), so an import into a base
        of a million clients reads only the few that can match."""
        inns: set[str] = set()
        phones: set[str] = set()
        emails: set[str] = set()
        names: set[str] = set()
        if self.options.on_duplicate is not DuplicatePolicy.CREATE:
            for row in rows:
                if row.problems or row.client is None:
                    continue  # a rejected row is never matched
                row_phones, row_emails, name = self._keys(row)
                inns.add(row.client.inn)
                phones.update(row_phones)
                emails.update(row_emails)
                names.add(name)
        self.uow.clients.identity_index(self.index, inns=inns, phones=phones, emails=emails, names=names)

    @staticmethod
    def _keys(row: Row) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        """Phones, e-mails and name key of an accepted row: worked out when it was checked, or
        here once (planning asks twice)."""
        assert row.client is not None
        if row.keys is None:
            phones, emails = reachable(row.client, row.contact)
            row.keys = (phones, emails, name_key(row.client.name))
        return row.keys

    def _match(self, row: Row) -> Match | None:
        """The stored client or earlier row this (accepted) row is, if any.

        A SalesDesk export numbers its clients: a row whose № is a stored client with the same name
        and INN is that client (an export coming home), and two rows with different numbers are
        two clients even if they share a name.
        """
        client, number = row.client, row.client_no
        assert client is not None
        if number.isdigit() and (same := self.numbered.get(int(number))) is not None:
            if name_key(same.name) == name_key(client.name) and same.inn == client.inn:
                return Match(("base", same.id), "client_no", number)
        phones, emails, name = self._keys(row)
        match = self.index.match(inn=client.inn, kpp=client.kpp, phones=phones, emails=emails, name=name)
        if match is not None and match.key[0] == "row" and number:
            other = self.pending.get(match.key[1])
            if other is not None and other.client_no and other.client_no != number:
                return None
        return match

    def _remember(self, row: Row) -> None:
        client = row.client
        assert client is not None
        phones, emails, name = self._keys(row)
        self.index.add(("row", row.line), inn=client.inn, kpp=client.kpp, phones=phones, emails=emails, name=name)

    def _known_industry(self, text: str) -> bool:
        return text.upper() in self.industries or fold(text) in self.industries

    def _note_reference(self, industry: str, owner: str) -> None:
        if industry and not self._known_industry(industry):
            self.new_industries[industry] = None
        if owner and fold(owner) not in self.managers:
            self.new_managers[owner] = None

    def _new(self, row: Row, report_index: int) -> _Pending:
        assert row.client is not None
        pending = _Pending(
            row.line,
            row.client,
            (row.contact,) if row.contact else (),
            row.industry,
            row.owner,
            row.client_no,
            report=report_index,
        )
        self.pending[row.line] = pending
        if row.client_no:
            self.by_number.setdefault(row.client_no, pending)
        self._note_reference(row.industry, row.owner)
        return pending

    def _plan_row(self, row: Row, stored: Mapping[int, Client]) -> RowReport:
        name = row.client.name if row.client else ""
        repaired = tuple(row.repaired)
        if row.problems or row.client is None:
            return RowReport(row.line, Fate.ERROR, name, tuple(row.problems), repaired)
        policy = self.options.on_duplicate
        match = None if policy is DuplicatePolicy.CREATE else self._match(row)
        here = len(self.reports)
        if match is None or (match.key[0] == "base" and match.key[1] not in stored):
            self._new(row, here)
            self._remember(row)
            return RowReport(row.line, Fate.NEW, name, repaired=repaired)
        where, ident = match.key
        field_label = str(msg(f"field.{match.field}"))
        target: _Pending | None
        if where == "row":
            target = self.pending[ident]
            of = str(msg("import.row_ref", line=ident, field=field_label))
            stored_name, client_id = target.fields.name, None
        else:
            client = stored[ident]
            target = self.base_pending.get(ident)
            of = str(msg("import.client_ref", id=ident, name=client.name, field=field_label))
            stored_name, client_id = (target.fields if target is not None else client).name, ident
        differs = match.field in ("inn", "phone", "email") and names_differ(stored_name, row.client.name)
        choice = self.options.name_mismatch() if differs else NameMismatch.RENAME
        report = functools.partial(
            RowReport,
            row.line,
            name=name,
            repaired=repaired,
            duplicate_of=of,
            client_id=client_id,
            name_in_base=stored_name if differs else "",
            matched_by=match.field,
        )
        if choice is NameMismatch.SKIP:  # not taken for that client, so nothing of the row's goes to it
            return report(Fate.SKIPPED)
        if target is None:
            target = _Pending(row.line, client.fields(), [], "", "", "", base=client, report=here)
            self.base_pending[ident] = target
        if row.client_no:
            self.by_number.setdefault(row.client_no, target)
        if policy is DuplicatePolicy.SKIP:
            return report(Fate.SKIPPED)
        incoming = row.client
        if differs and choice is NameMismatch.KEEP:  # the file's name is not this client's: it stays out
            incoming = dataclasses.replace(incoming, name=target.fields.name, full_name="")
        merged, changed = _merge(target.fields, incoming, policy)
        if differs and choice is NameMismatch.RENAME:  # asked for in so many words: the file's name wins
            renamed = dataclasses.replace(merged, name=incoming.name, full_name=incoming.full_name or merged.full_name)
            changed |= {n for n in ("name", "full_name") if getattr(renamed, n) != getattr(merged, n)}
            merged = renamed
        target.fields = merged
        if target.base is not None:  # what the row vouches for confirms the stored card's fields
            for item, hashes in fingerprints(incoming, [row.contact] if row.contact else [], ()):
                if hashes:
                    if target.carried is None:
                        target.carried = {}
                    target.carried.setdefault(item, set()).update(hashes.split())
        changed |= self._reference_changes(target, row, policy)
        if row.contact is not None and self._add_contact(target, row.contact):
            changed.add("contacts")
        target.changed |= changed
        return report(Fate.UPDATE if changed else Fate.UNCHANGED, changed=tuple(sorted(changed)))

    def _add_contact(self, target: _Pending, contact: ContactFields) -> bool:
        known: set[str]
        if target.base is not None:
            known = self.contact_names.setdefault(target.base.id, set())
        elif target.line in self._new_contact_names:
            known = self._new_contact_names[target.line]
        else:  # worked out once per new client, then kept: every row of its contact persons asks
            known = self._new_contact_names[target.line] = {fold(c.full_name) for c in target.contacts}
        if fold(contact.full_name) in known:
            return False
        contacts = target.contacts
        if not isinstance(contacts, list):  # the one row's contact person until now
            contacts = target.contacts = list(contacts)
        contacts.append(contact)
        known.add(fold(contact.full_name))
        return True

    def _reference_changes(self, target: _Pending, row: Row, policy: DuplicatePolicy) -> set[str]:
        changed = set()
        for attr, text in (("industry", row.industry), ("owner", row.owner)):
            if not text:
                continue
            if target.base is None:
                current = getattr(target, attr)
            else:
                current = target.base.industry_name if attr == "industry" else target.base.owner_name
            same = fold(current) == fold(text) or (
                attr == "industry"
                and target.base is not None
                and target.base.industry_id is not None
                and self.industries.get(text.upper()) == target.base.industry_id
            )
            if same or (current and policy is not DuplicatePolicy.OVERWRITE):
                continue
            setattr(target, attr, text)
            self._note_reference(text if attr == "industry" else "", text if attr == "owner" else "")
            changed.add(attr)
        return changed

    def _add_missing(
        self,
        incoming: Iterable[tuple[Any, str]],
        present: Iterable[Any],
        key: Callable[[Any], Any],
        items: list[Any],
        names: list[str],
    ) -> bool:
        """Append the (item, manager name) pairs of *incoming* whose key none of *present* has."""
        seen = {key(p) for p in present}
        added = False
        for item, name in incoming:
            if key(item) not in seen:
                seen.add(key(item))
                items.append(item)
                names.append(name)
                self._note_reference("", name)
                added = True
        return added

    def _attach(self, extras: _Extras) -> None:
        """Give each client the contact persons, deals and reminders filed under its № elsewhere."""
        stored_ids = sorted(p.base.id for p in self.by_number.values() if p.base is not None)
        deals = self.uow.deals.list_for_clients(stored_ids) if stored_ids else {}
        reminders = self.uow.reminders.list_for_clients(stored_ids) if stored_ids else {}
        history = self.uow.interactions.list_for_clients(stored_ids) if stored_ids else {}
        for number, target in self.by_number.items():
            changed: set[str] = set()
            for contact in extras.contacts.get(number, ()):
                if self._add_contact(target, contact):
                    changed.add("contacts")
            stored_deals = deals.get(target.base.id, ()) if target.base else ()
            target.deals, target.deal_owners = list(target.deals), list(target.deal_owners)
            if self._add_missing(
                extras.deals.get(number, ()),
                [*stored_deals, *target.deals],
                _deal_key,
                target.deals,
                target.deal_owners,
            ):
                changed.add("deals")
            stored_reminders = reminders.get(target.base.id, ()) if target.base else ()
            target.reminders, target.reminder_managers = list(target.reminders), list(target.reminder_managers)
            if self._add_missing(
                extras.reminders.get(number, ()),
                [*stored_reminders, *target.reminders],
                _reminder_key,
                target.reminders,
                target.reminder_managers,
            ):
                changed.add("reminders")
            stored_history = history.get(target.base.id, ()) if target.base else ()
            target.interactions = list(target.interactions)
            target.interaction_managers = list(target.interaction_managers)
            if self._add_missing(
                extras.interactions.get(number, ()),
                [*stored_history, *target.interactions],
                _interaction_key,
                target.interactions,
                target.interaction_managers,
            ):
                changed.add("interactions")
            if changed and target.base is not None:
                target.changed |= changed
                if target.report is not None:
                    report = self.reports[target.report]
                    fate = Fate.UPDATE if report.fate in (Fate.UNCHANGED, Fate.UPDATE) else report.fate
                    self.reports[target.report] = dataclasses.replace(
                        report, fate=fate, changed=tuple(sorted(set(report.changed) | changed))
                    )


def _deal_key(deal: DealFields) -> tuple[str, date, Money]:
    return fold(deal.title), deal.opened_on, deal.amount


def _reminder_key(reminder: ReminderFields) -> tuple[str, int]:
    return fold(reminder.text), int(reminder.due_at.timestamp()) // 60


def _interaction_key(interaction: InteractionFields) -> tuple[str, str, int]:
    return interaction.kind.value, fold(interaction.summary), int(interaction.occurred_at.timestamp()) // 60


def _client_sheet(path: Path, options: ImportOptions) -> tuple[Sheet, Workbook]:
    book = inspect_file(path, options.limits)
    name = options.sheet
    if name is None:
        # a SalesDesk export keeps its clients on the first sheet that is not contacts/deals/reminders
        name = next((n for n in book.sheet_names if sheet_kind(n) is None), book.sheet_names[0])
    sheet = read_sheet(path, name, options.limits, book=book)
    if not sheet.rows:
        raise FileProblem("file.sheet_empty", path, sheet=sheet.name)
    return sheet, book


SOURCE_TYPES = (".xlsx", ".xls", ".ods", ".csv", ".txt", ".vcf")  # .vcf: services/vcards.py


def source_problem(path: Path) -> FileProblem | None:
    """What is wrong with a path a person typed or pasted, before anything is read: missing, a
    folder, or a type we do not import. None if it is worth reading."""
    if path.is_dir():
        return FileProblem("file.is_folder", path)
    if not path.is_file():
        return FileProblem("file.not_found", path)
    if not path.suffix:
        return FileProblem("file.not_spreadsheet", path)
    if path.suffix.lower() not in SOURCE_TYPES:
        return FileProblem("file.unsupported_type", path, suffix=path.suffix.lower())
    return None


def read_headers(
    path: Path, options: ImportOptions = ImportOptions()
) -> tuple[Sheet, tuple[str, ...], int, dict[int, str]]:
    """The chosen sheet, all sheet names, the header row and the guessed mapping (for the wizard)."""
    sheet, book = _client_sheet(path, options)
    names = book.sheet_names
    header_row = options.header_row if options.header_row is not None else find_header_row(sheet.rows)
    if header_row is None:
        header_row = 0
        mapping: dict[int, str] = {}
    else:
        mapping = guess_mapping([text_of(c) for c in sheet.rows[header_row]])
    return sheet, names, header_row, mapping


def plan_import(
    uow: UnitOfWork, path: Path, options: ImportOptions = ImportOptions(), reporter: Reporter | None = None
) -> ImportPlan:
    """What importing *path* would do, row by row; nothing is written."""
    with cycle_collection_paused(), ExitStack() as stack, uow.reading():
        plan, _planner, _workers = _plan(uow, path, options, reporter or SilentReporter(), stack)
    return plan


def _plan(
    uow: UnitOfWork, path: Path, options: ImportOptions, reporter: Reporter, stack: ExitStack
) -> tuple[ImportPlan, _Planner, Workers]:
    """The plan of importing *path*; the worker processes it started (if the sheet is big) stay
    for the writing until *stack* closes."""
    sheet, book = _client_sheet(path, options)
    names = book.sheet_names
    header_row = options.header_row if options.header_row is not None else find_header_row(sheet.rows)
    if header_row is None and options.mapping is None:
        raise FileProblem("file.no_header", path, sheet=sheet.name)
    header_row = header_row or 0
    headers = tuple(text_of(c) for c in sheet.rows[header_row]) if header_row < len(sheet.rows) else ()
    mapping = dict(options.mapping) if options.mapping is not None else guess_mapping(headers)
    if "name" not in mapping.values():
        raise FileProblem("file.no_name_column", path)
    workers = stack.enter_context(bulk_workers(len(sheet.rows) - header_row - 1))
    rows = _parse_rows(sheet, header_row, mapping, workers)
    sheet_name = sheet.name
    del sheet  # the cells of the accepted rows go now, before planning and writing need the memory
    extras = _read_extras(book, sheet_name, options) if "client_no" in mapping.values() else _Extras()
    planner = _Planner(uow, options, reporter)
    with uow.bulk.small_page_cache():  # the lookups need little of it; the writing wants it all
        planner.plan(rows, extras)  # uses the rows up
    plan = ImportPlan(
        path,
        sheet_name,
        names,
        header_row,
        headers,
        mapping,
        tuple(planner.reports),
        tuple(planner.new_industries),
        tuple(planner.new_managers),
        dict(extras.counts),
    )
    return plan, planner, workers


# Applying -----------------------------------------------------------------------------------------


def run_import(
    uow: UnitOfWork,
    path: Path,
    options: ImportOptions = ImportOptions(),
    *,
    reporter: Reporter | None = None,
    dry_run: bool = False,
    error_dir: Path | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Import *path*; with *dry_run* only plan and write nothing (neither the base nor an error file)."""
    reporter = reporter or SilentReporter()
    now = now or utcnow()
    if error_dir is not None and not dry_run:
        check_folder(error_dir)  # a file or a device given as the folder: said before any work
    # a dry run only reads: no write lock (a second seat is not kept waiting, a read-only base works)
    # the trail names the file: "import of clients.xlsx", whichever face started it
    with cycle_collection_paused(), ExitStack() as stack, uow.reading() if dry_run else uow.importing(path.name):
        plan, planner, workers = _plan(uow, path, options, reporter, stack)
        created = len(planner.pending)  # the writing lets them go as they are written
        updated = sum(1 for p in planner.base_pending.values() if p.changed)
        # the rejected rows are saved first: if their file cannot be written, nothing is imported
        # and the user is told why, instead of rows silently going missing
        # a dry run writes nothing anywhere: the rejected rows are in the plan it returns
        error_file = (
            _write_error_file(uow, path, plan, planner.rejected, planner.widest, error_dir)
            if plan.count(Fate.ERROR) and not dry_run
            else None
        )
        planner.rejected.clear()  # their cells are in the error file: let them go before the writing
        if not dry_run:
            _apply(uow, planner, reporter, now, workers)
            uow.record("base", 0, "import")
            uow.commit()
    skipped = plan.count(Fate.SKIPPED) + plan.count(Fate.UNCHANGED)
    return ImportResult(created, updated, skipped, plan.count(Fate.ERROR), plan.repaired, error_file, plan, dry_run)


# the code ends where digits and dots end: "01.02.2024" is no code followed by a name "24"
_OKVED_TEXT = re.compile(r"^(\d{2}(?:\.\d{1,2}){0,2})(?![\d.])(?:\s*[—–-]?\s*(.*))?$")


def okved_of(text: str) -> tuple[str, str] | None:
    """An industry cell that is an OKVED code (with its name after it, or not): the code cut to
    its class and the name; None for a plain name."""
    found = _OKVED_TEXT.match(text.strip())
    if found is None:
        return None
    code = okved.class_code(found.group(1))
    return (code, collapse_spaces(found.group(2) or "")[:300]) if code and len(code) > 2 else None


def _apply(
    uow: UnitOfWork, planner: _Planner, reporter: Reporter, now: datetime, workers: Workers | None = None
) -> None:
    industries, managers = planner.industries, planner.managers
    for name in planner.new_industries:
        okved = okved_of(name)
        if okved is None:
            industries[fold(name)] = uow.industries.add(IndustryFields(code="", name=name), now)
            continue
        # "62.01", "62.01.1 Разработка ПО": an OKVED class, kept with its code under its section
        code, title = okved
        ident = industries.get(code)
        if ident is None:  # one in the trash with the code is brought back: a code is one industry
            ident, action = okved_industry(uow, code, title or str(msg("register.okved_class", code=code))[:300], now)
            if action == "restored":
                uow.record("industry", ident, action)
        industries[code] = industries[name.upper()] = industries[fold(name)] = ident
    for name in planner.new_managers:
        managers[fold(name)] = uow.managers.add(ManagerFields(name=name), now)

    def resolve(pending: _Pending) -> ClientFields:
        industry_id = pending.fields.industry_id
        if pending.industry:
            industry_id = industries.get(pending.industry.upper()) or industries.get(fold(pending.industry))
        owner_id = managers.get(fold(pending.owner)) if pending.owner else pending.fields.owner_id
        fields = pending.fields
        if industry_id == fields.industry_id and owner_id == fields.owner_id:
            return fields
        return evolve(fields, industry_id=industry_id, owner_id=owner_id)

    def children(
        pending: _Pending,
    ) -> tuple[tuple[DealFields, ...], tuple[PastReminder, ...], tuple[InteractionFields, ...]]:
        deals = tuple(
            dataclasses.replace(d, owner_id=managers.get(fold(o)) if o else None)
            for d, o in zip(pending.deals, pending.deal_owners, strict=True)
        )
        reminders = tuple(
            dataclasses.replace(r, manager_id=managers.get(fold(m)) if m else None)
            for r, m in zip(pending.reminders, pending.reminder_managers, strict=True)
        )
        history = tuple(
            dataclasses.replace(i, manager_id=managers.get(fold(m)) if m else None)
            for i, m in zip(pending.interactions, pending.interaction_managers, strict=True)
        )
        return deals, reminders, history

    # the new clients leave the planner: each batch of them goes once it is written (50 MB at
    # 100,000 rows while the base's page cache fills)
    new = list(planner.pending.values())
    planner.pending.clear()
    planner.by_number.clear()
    expected = len(new)
    total = expected + sum(1 for p in planner.base_pending.values() if p.changed)
    done = 0

    def bundle(pending: _Pending) -> ClientBundle:
        deals, reminders, history = children(pending)
        return ClientBundle(
            client=resolve(pending),
            contacts=tuple(pending.contacts),
            deals=deals,
            reminders=reminders,
            interactions=history,
        )

    def batches() -> Iterator[list[ClientBundle]]:
        while new:
            chunk = new[:BATCH]
            del new[:BATCH]
            yield [bundle(p) for p in chunk]

    # the search index: its triggers off for the whole import, each batch indexed as it is written (store/bulk.py)
    with derived_batches(batches(), expected, workers=workers) as ready, uow.bulk.search_index_deferred():
        for batch in ready:
            if reporter.cancelled():
                raise Cancelled()
            ids = uow.bulk.add(batch, now)
            uow.record_imported(ids, [b.client.name for b, _ in batch])
            done += len(batch)
            reporter.progress(done, total)
    changed = {ident: p for ident, p in planner.base_pending.items() if p.changed}
    for ident, pending in changed.items():
        for contact in pending.contacts:
            uow.contacts.add(ident, contact, now)
        deals, reminders, history = children(pending)
        for deal in deals:
            uow.deals.add(ident, deal, now)
        for reminder in reminders:
            uow.reminders.add(ident, reminder, now, done_at=reminder.done_at)
        for interaction in history:
            uow.interactions.add(ident, interaction, now)
    vouched = {ident: p for ident, p in planner.base_pending.items() if p.carried}
    # everyone's contacts, new ones included, at once
    people = uow.contacts.list_for_clients(sorted(set(changed) | set(vouched)))
    for ident, pending in changed.items():
        assert pending.base is not None
        fields = resolve(pending)
        contacts = [c.fields() for c in people.get(ident, ())]
        uow.clients.update(ident, pending.base.version, fields, derive(fields, contacts), now)
        uow.record("client", ident, "imported", before=pending.base.fields(), after=fields)
        done += 1
        if done % 500 == 0:
            if reporter.cancelled():
                raise Cancelled()
            reporter.progress(done, total)
    for ident, pending in vouched.items():
        # a row that carries the same value as the card (or the new one the card took) confirms it
        fields = resolve(pending)
        held = dict(derive(fields, [c.fields() for c in people.get(ident, ())]).fresh)
        carried = pending.carried or {}
        same = [item for item, hashes in carried.items() if hashes <= set(held.get(item, "").split())]
        if same:
            confirm_fields(uow, ident, same, Source.IMPORT, now)
    uow.bulk.analyze()


# The other sheets of a SalesDesk export -------------------------------------------------------------


def _read_extras(book: Workbook, clients_sheet: str, options: ImportOptions) -> _Extras:
    """Contact persons, deals, reminders and contact history of a SalesDesk export, filed by client №.

    Rows that break a rule are left out: the clients they belong to still come in.
    """
    extras = _Extras()
    today = date.today()
    for name in book.sheet_names:
        kind = sheet_kind(name)
        if kind is None or kind == "changes" or name == clients_sheet:
            continue
        sheet = read_sheet(book.path, name, options.limits, book=book)
        if not sheet.rows:
            continue
        mapping = sheet_mapping(kind, [text_of(c) for c in sheet.rows[0]])
        count = 0
        for raw in sheet.rows[1:]:
            values = {target: raw[i] if i < len(raw) else None for i, target in mapping.items()}
            number = text_of(values.get("client_no"))
            if not number:
                continue
            if kind == "contacts":
                contact = _contact_of(values, today)
                if contact is not None:
                    extras.contacts.setdefault(number, []).append(contact)
                    count += 1
            elif kind == "deals":
                deal = _deal_of(values)
                if deal is not None:
                    extras.deals.setdefault(number, []).append((deal, text_of(values.get("owner"))))
                    count += 1
            elif kind == "interactions":
                interaction = _interaction_of(values)
                if interaction is not None:
                    extras.interactions.setdefault(number, []).append((interaction, text_of(values.get("manager"))))
                    count += 1
            else:
                reminder = _reminder_of(values)
                if reminder is not None:
                    extras.reminders.setdefault(number, []).append((reminder, text_of(values.get("manager"))))
                    count += 1
        extras.counts[kind] = extras.counts.get(kind, 0) + count  # a kind may go on over several sheets
    return extras


def _contact_of(values: Mapping[str, Cell], today: date) -> ContactFields | None:
    birth = birth_of(values.get("birth_date"))
    contact = clean_contact(
        ContactFields(
            full_name=text_of(values.get("full_name")),
            position=text_of(values.get("position")),
            birth_date=birth if isinstance(birth, date) else None,
            phones=tuple(p.strip() for p in text_of(values.get("phones")).split(";") if p.strip()),
            emails=split_list(text_of(values.get("emails"))),
            note=text_of(values.get("note")),
            is_primary=fold(text_of(values.get("is_primary"))) in ("да", "yes", "1", "true"),
        )
    )
    if any(p.blocking for p in contact_problems(contact, today)):
        return None
    return contact


def _deal_of(values: Mapping[str, Cell]) -> DealFields | None:
    opened = date_of(values.get("opened_on"))
    closed = date_of(values.get("closed_on"))
    ends = date_of(values.get("contract_end"))
    try:
        amount = Money.of(_decimal(values.get("amount")), text_of(values.get("currency")) or "RUB")
        deal = validate_deal(
            DealFields(
                title=text_of(values.get("title")),
                amount=amount,
                stage=_STAGES.get(fold(text_of(values.get("stage"))), DealStage.NEW),
                lost_reason=text_of(values.get("lost_reason")),
                opened_on=opened if isinstance(opened, date) else date.today(),
                closed_on=closed if isinstance(closed, date) else None,
                contract_end=ends if isinstance(ends, date) else None,
            )
        )
    except (InvalidOperation, ValueError, ValidationError):
        return None
    return deal


def _reminder_of(values: Mapping[str, Cell]) -> PastReminder | None:
    due = _moment(values.get("due_at"))
    text = text_of(values.get("text"))
    if due is None or not text:
        return None
    return PastReminder(
        due_at=due,
        text=text,
        recurrence=_RECURRENCES.get(fold(text_of(values.get("recurrence"))), Recurrence.NONE),
        done_at=_moment(values.get("done_at")),
    )


def _interaction_of(values: Mapping[str, Cell]) -> InteractionFields | None:
    when = _moment(values.get("occurred_at"))
    summary = notes_of(values.get("summary"))
    if when is None or not summary:
        return None
    kind = _INTERACTION_KINDS.get(fold(text_of(values.get("kind"))), InteractionKind.NOTE)
    return InteractionFields(kind=kind, occurred_at=when, summary=summary, result=notes_of(values.get("result")))


def _decimal(cell: Cell) -> Decimal:
    """An amount cell: a number as Excel keeps it, or text as people type it (``parse_amount``)."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        amount: Decimal | None = Decimal(str(cell))
    else:
        amount = parse_amount(text_of(cell))
    if amount is None or amount_problem(amount) is not None:  # 1e30 or 0.001: refused, not rounded
        raise ValueError(cell)
    return amount


def _moment(cell: Cell) -> datetime | None:
    """A date-time cell of our export, in local time.

    A date alone is the start of that day: the spreadsheet reader gives a moment at midnight back as
    a plain date, so inventing another time (9:00) would move every such reminder of a round trip."""
    if isinstance(cell, datetime):
        return cell.astimezone()  # a naive one is taken as local time
    if isinstance(cell, date):
        return datetime.combine(cell, time(0, 0)).astimezone()
    text = text_of(cell)
    for fmt in ("%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).astimezone()
        except ValueError:
            continue
    return None


# The error file -------------------------------------------------------------------------------------


def _write_error_file(
    uow: UnitOfWork, path: Path, plan: ImportPlan, rows: list[Row], widest: int, error_dir: Path | None
) -> Path:
    """The file of the rejected *rows* (others may be among them), as wide as the widest row of
    the sheet (*widest*, or the rows' own) and the header."""
    from salesdesk.files.targets import check_target
    from salesdesk.files.writing import write_table

    rejected = {r.line: r for r in plan.rows if r.fate is Fate.ERROR}
    width = max([len(plan.headers), widest] + [max(r.width, len(r.raw)) for r in rows])
    headers = list(plan.headers) + [""] * (width - len(plan.headers))
    reason_header = str(msg("import.error_column"))
    data = [
        list(r.raw) + [""] * (width - len(r.raw)) + ["; ".join(rejected[r.line].reasons)]
        for r in rows
        if r.line in rejected
    ]
    folder = error_dir or path.parent
    target = folder / str(msg("import.error_file_name", stem=path.stem))
    # identifiers and phones as text, so that they do not run together as numbers and keep their zeros
    kinds = ["identifier" if plan.mapping.get(i) in _TEXT_TARGETS else "text" for i in range(width)] + ["wrap"]

    def write(to: Path) -> None:
        check_target(to, base=uow.database.path, field="error_dir")
        _make_folder_for(to)
        write_table(
            to,
            str(msg("import.error_sheet")),
            [*headers, reason_header],
            data,
            keep_types=True,
            kinds=kinds,
            book_title=path.name,
        )

    try:
        write(target)
    except (FileProblem, RefusedTarget):
        if error_dir is not None:  # the user named that folder: they are told, nothing is imported
            raise
        from salesdesk import paths

        target = paths.data_dir() / "imports" / target.name
        write(target)
    return target


def _make_folder_for(path: Path) -> None:
    """Make the folder of the file of rejected rows (the one named by --error-dir, or SalesDesk's
    own under the data folder); ``FileProblem`` saying why when it cannot be made."""
    from salesdesk import paths

    folder = path.parent
    try:
        if paths.in_data_dir(folder):
            paths.make_private_dir(folder)
        else:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_problem(exc, path) from exc


_TEXT_TARGETS = frozenset(
    {"inn", "kpp", "ogrn", "bik", "account", "corr_account", "phone", "contact_phone", "client_no"}
)
