"""The rules a client card, a contact person and the reference data must satisfy.

One function per entity returns every problem at once (so the card editor can mark each field and
an import can write each reason to the error file); ``require_valid`` turns blocking problems into
a ``ValidationError``. ``clean_*`` trims what people paste in (non-breaking spaces, stray blanks)
before any rule runs, so that what is stored is what was checked.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from salesdesk.domain import requisites
from salesdesk.domain.birthdays import year_known
from salesdesk.domain.emails import check_email
from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import (
    ClientFields,
    ClientKind,
    ContactFields,
    DealFields,
    DealStage,
    IndustryFields,
    InteractionFields,
    ManagerFields,
    ReminderFields,
)
from salesdesk.domain.phones import check_phone
from salesdesk.domain.records import evolve
from salesdesk.domain.text import clean_notes, collapse_spaces, visible

LIMITS = {
    "name": 300,
    "full_name": 500,
    "legal_address": 500,
    "postal_address": 500,
    "city": 100,
    "bank_name": 200,
    "source": 100,
    "notes": 20_000,
    "tag": 50,
    "tags": 1_000,  # all of a card's tags together, as the column keeps them (one per line)
    "position": 200,
    "note": 5_000,
    "text": 2_000,
    "title": 300,
    "summary": 10_000,
    "lost_reason": 1_000,
}
# The ranges every input is checked against where it enters (window, command line, import).
MAX_ID = 2**63 - 1  # SQLite's largest INTEGER
MAX_LIMIT = 10_000  # rows one listing prints
MAX_NEXT_IN_MONTHS = 120
MAX_RENEWAL_DAYS = 365
MAX_REPORT_DAYS = 36_500
MAX_DEMO_CLIENTS = 1_000_000
MAX_SEARCH = 200  # characters of a search or filter text
MAX_AMOUNT = Decimal(10) ** 15  # money: |amount| up to a quadrillion, kopecks at most
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)
_OKVED_RE = re.compile(r"^(?:[A-U]|\d{2}(?:\.\d{1,2}){0,2})$")
_OLDEST_BIRTH = FIRST_DAY
# Message objects render lazily in the current language, so they can be made once.
_KIND_GEN = {kind: msg(f"kind_gen.{kind.value}") for kind in ClientKind}
_KIND_LABEL = {kind: msg(f"kind.{kind.value}") for kind in ClientKind}
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")  # ISO 4217


def require_valid(problems: Iterable[FieldProblem]) -> list[FieldProblem]:
    """Raise ``ValidationError`` if any problem blocks; return the warnings otherwise."""
    problems = list(problems)
    if any(p.blocking for p in problems):
        raise ValidationError(problems)
    return problems


def _label(field: str) -> object:
    return msg(f"field.{field}")


def _required(field: str, value: str, label_key: str | None = None) -> FieldProblem | None:
    if not visible(value):
        return FieldProblem(field, msg("err.required", field=msg(label_key or f"field.{field}")))
    return None


def _length(field: str, value: str, limit_key: str | None = None, label_key: str | None = None) -> FieldProblem | None:
    limit = LIMITS[limit_key or field]
    if len(value) > limit:
        return FieldProblem(field, msg("err.too_long", field=msg(label_key or f"field.{field}"), limit=limit))
    return None


def _shown(value: object) -> str:
    """A value as a message quotes it: long ones cut, so a refusal stays readable."""
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def amount_problem(value: Decimal, field: str = "amount", typed: str | None = None) -> FieldProblem | None:
    """Money must be a number within ±10^15 with at most two decimal places (kopecks): NaN,
    infinities, 1e30 and 1e-400 are refused, never rounded into something else."""
    shown = _shown(typed if typed is not None else value)
    if not value.is_finite():
        return FieldProblem(field, msg("err.amount", field=_label(field), value=shown))
    if abs(value) > MAX_AMOUNT:
        return FieldProblem(field, msg("err.amount_range", field=_label(field), value=shown))
    if value != 0 and value.normalize().as_tuple().exponent < -2:  # type: ignore[operator]
        return FieldProblem(field, msg("err.amount_cents", field=_label(field), value=shown))
    return None


def date_problem(value: date | datetime | None, field: str, label_key: str | None = None) -> FieldProblem | None:
    """Dates run from 01.01.1900 to 31.12.2100: anything else is a typing slip, and would
    overflow date arithmetic (a reminder 30 days before 31.12.9999 is fine, 30 days after is not)."""
    if value is None:
        return None
    day = value.date() if isinstance(value, datetime) else value
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return FieldProblem(
        field,
        msg(
            "err.date_range",
            field=msg(label_key or f"field.{field}"),
            value=day.strftime("%d.%m.%Y") if day.year >= 1000 else day.isoformat(),
            first=FIRST_DAY.strftime("%d.%m.%Y"),
            last=LAST_DAY.strftime("%d.%m.%Y"),
        ),
    )


def search_problem(text: str, field: str = "search") -> FieldProblem | None:
    """A search or filter text: at most MAX_SEARCH characters (a longer one is no search, and
    SQLite refuses LIKE patterns past 50,000 bytes)."""
    if len(text) > MAX_SEARCH:
        return FieldProblem(field, msg("err.too_long", field=_label(field), limit=MAX_SEARCH))
    return None


def _ids(value: str) -> str:
    """Identifiers arrive with spaces, dashes and full-width digits from copy and paste."""
    if value.isascii() and value.isalnum():
        return value  # already clean: the usual case in bulk imports
    return _ID_NOISE.sub("", value).translate(_FULLWIDTH_DIGITS)


_ID_NOISE = re.compile(r"[\s\-\u00a0]")


_FULLWIDTH_DIGITS = {0xFF10 + i: ord("0") + i for i in range(10)}


# Clients -----------------------------------------------------------------------------------------


_TEXT_FIELDS = ("name", "full_name", "legal_address", "postal_address", "city", "phone", "email", "bank_name", "source")
_ID_FIELDS = ("inn", "ogrn", "bik", "account", "corr_account")


def clean_client(fields: ClientFields) -> ClientFields:
    changes: dict[str, object] = {}
    for name in _TEXT_FIELDS:
        value = getattr(fields, name)
        if (cleaned := collapse_spaces(value)) is not value:
            changes[name] = cleaned
    for name in _ID_FIELDS:
        value = getattr(fields, name)
        if (cleaned := _ids(value)) is not value:
            # "-" or "—" alone is no number: keep it, so the rule refuses it rather than storing nothing
            changes[name] = cleaned if cleaned or not visible(value) else collapse_spaces(value)
    kpp = _ids(fields.kpp).upper() or (collapse_spaces(fields.kpp) if visible(fields.kpp) else "")
    if kpp != fields.kpp:
        changes["kpp"] = kpp
    notes = clean_notes(fields.notes)
    if notes != fields.notes:
        changes["notes"] = notes
    if fields.tags:
        tags: list[str] = []
        for tag in fields.tags:
            tag = collapse_spaces(tag)
            if tag and tag.casefold() not in {t.casefold() for t in tags}:
                tags.append(tag)
        if tuple(tags) != fields.tags:
            changes["tags"] = tuple(tags)
    # a card that is clean already (most rows of an import) comes back as it is
    return evolve(fields, **changes) if changes else fields


def client_problems(fields: ClientFields) -> list[FieldProblem]:
    """Every problem of a (cleaned) client card, blocking ones and warnings."""
    f = fields
    out: list[FieldProblem | None] = [_required("name", f.name)]
    for name in ("name", "full_name", "legal_address", "postal_address", "city", "bank_name", "source", "notes"):
        out.append(_length(name, getattr(f, name)))
    out.extend(_length("tags", tag, "tag") for tag in f.tags)
    out.append(_length("tags", "\n".join(f.tags)))  # one per line in the column (store: TAG_SEPARATOR)
    kind_gen = _KIND_GEN[f.kind]
    kind_label = _KIND_LABEL[f.kind]

    if f.inn:
        problem = requisites.check_inn(f.inn)
        if problem is None:
            expected = 10 if f.kind is ClientKind.LEGAL else 12
            if len(f.inn) != expected:
                problem = FieldProblem("inn", msg("err.inn_for_kind", value=f.inn, kind=kind_gen, expected=expected))
        out.append(problem)

    if f.kpp:
        if f.kind is ClientKind.LEGAL:
            out.append(requisites.check_kpp(f.kpp))
        else:
            out.append(FieldProblem("kpp", msg("err.not_for_kind", field=_label("kpp"), kind=kind_label)))

    if f.ogrn:
        if f.kind is ClientKind.LEGAL:
            problem = requisites.check_ogrn(f.ogrn)
            if problem is not None and len(f.ogrn) == 15 and requisites.check_ogrnip(f.ogrn) is None:
                problem = FieldProblem(
                    "ogrn",
                    msg(
                        "err.ogrn_for_kind",
                        field=_label("ogrnip"),
                        value=f.ogrn,
                        kind=kind_gen,
                        expected=_label("ogrn"),
                    ),
                )
            out.append(problem)
        elif f.kind is ClientKind.SOLE_TRADER:
            problem = requisites.check_ogrnip(f.ogrn)
            if problem is not None and len(f.ogrn) == 13 and requisites.check_ogrn(f.ogrn) is None:
                problem = FieldProblem(
                    "ogrn",
                    msg(
                        "err.ogrn_for_kind",
                        field=_label("ogrn"),
                        value=f.ogrn,
                        kind=kind_gen,
                        expected=_label("ogrnip"),
                    ),
                )
            out.append(problem)
        else:
            out.append(FieldProblem("ogrn", msg("err.not_for_kind", field=_label("ogrn"), kind=kind_label)))

    if f.bik:
        out.append(requisites.check_bik(f.bik))
    if f.account:
        out.append(requisites.check_settlement_account(f.account, f.bik))
    if f.corr_account:
        out.append(requisites.check_correspondent_account(f.corr_account, f.bik))
    if f.phone:
        out.append(check_phone(f.phone))
    if f.email:
        out.append(check_email(f.email))
    return [p for p in out if p is not None]


def validate_client(fields: ClientFields) -> tuple[ClientFields, list[FieldProblem]]:
    """Clean and check a card; raise on blocking problems, return the cleaned card and warnings."""
    cleaned = clean_client(fields)
    return cleaned, require_valid(client_problems(cleaned))


# Contact persons ---------------------------------------------------------------------------------


def clean_contact(fields: ContactFields) -> ContactFields:
    return evolve(
        fields,
        full_name=collapse_spaces(fields.full_name),
        position=collapse_spaces(fields.position),
        phones=tuple(p for p in (collapse_spaces(x) for x in fields.phones) if p),
        emails=tuple(e for e in (collapse_spaces(x) for x in fields.emails) if e),
        note=clean_notes(fields.note),
    )


def contact_problems(fields: ContactFields, today: date) -> list[FieldProblem]:
    f = fields
    out: list[FieldProblem | None] = [
        _required("full_name", f.full_name, "field.full_name_person"),
        _length("full_name", f.full_name, "name", "field.full_name_person"),
        _length("position", f.position),
        _length("note", f.note, label_key="field.notes"),
    ]
    if f.birth_date is not None:
        if f.birth_date > today:
            out.append(
                FieldProblem(
                    "birth_date", msg("err.future_birth", field=_label("birth_date"), value=f.birth_date.isoformat())
                )
            )
        elif f.birth_date < _OLDEST_BIRTH and year_known(f.birth_date):  # the same first day as every date
            out.append(
                FieldProblem(
                    "birth_date", msg("err.too_old", field=_label("birth_date"), value=f.birth_date.isoformat())
                )
            )
    out.extend(check_phone(p, "phones") for p in f.phones)
    out.extend(check_email(e, "emails") for e in f.emails)
    return [p for p in out if p is not None]


def validate_contact(fields: ContactFields, today: date) -> tuple[ContactFields, list[FieldProblem]]:
    cleaned = clean_contact(fields)
    return cleaned, require_valid(contact_problems(cleaned, today))


# Reference data, reminders, deals ----------------------------------------------------------------


def validate_industry(fields: IndustryFields) -> IndustryFields:
    cleaned = dataclasses.replace(
        fields,
        code=collapse_spaces(fields.code).upper(),
        name=collapse_spaces(fields.name),
        notes=clean_notes(fields.notes),
    )
    problems: list[FieldProblem | None] = [
        _required("name", cleaned.name, "field.industry_name"),
        _length("name", cleaned.name, label_key="field.industry_name"),
        _length("notes", cleaned.notes),
    ]
    if cleaned.code and not _OKVED_RE.match(cleaned.code):
        problems.append(FieldProblem("code", msg("err.choice", field=_label("okved"), value=cleaned.code)))
    require_valid(p for p in problems if p is not None)
    return cleaned


def validate_manager(fields: ManagerFields) -> ManagerFields:
    cleaned = dataclasses.replace(fields, name=collapse_spaces(fields.name), email=collapse_spaces(fields.email))
    problems = [
        _required("name", cleaned.name, "field.manager_name"),
        _length("name", cleaned.name, label_key="field.manager_name"),
    ]
    if cleaned.email:
        problems.append(check_email(cleaned.email))
    require_valid(p for p in problems if p is not None)
    return cleaned


def validate_reminder(fields: ReminderFields) -> ReminderFields:
    cleaned = dataclasses.replace(fields, text=clean_notes(fields.text))
    require_valid(
        p
        for p in (
            _required("text", cleaned.text),
            _length("text", cleaned.text),
            date_problem(cleaned.due_at, "due_at"),
        )
        if p
    )
    return cleaned


def validate_deal(fields: DealFields) -> DealFields:
    cleaned = dataclasses.replace(
        fields, title=collapse_spaces(fields.title), lost_reason=clean_notes(fields.lost_reason)
    )
    problems: list[FieldProblem | None] = [
        _required("title", cleaned.title),
        _length("title", cleaned.title),
        _length("lost_reason", cleaned.lost_reason),
    ]
    problems.append(amount_problem(cleaned.amount.amount))
    if cleaned.amount.amount.is_finite() and cleaned.amount.amount < 0:
        problems.append(
            FieldProblem("amount", msg("err.choice", field=_label("amount"), value=str(cleaned.amount.amount)))
        )
    out_of_range = [
        p
        for name in ("opened_on", "closed_on", "contract_end")
        if (p := date_problem(getattr(cleaned, name), name)) is not None
    ]
    problems.extend(out_of_range)
    if not _CURRENCY_RE.match(cleaned.amount.currency):
        problems.append(
            FieldProblem("currency", msg("err.choice", field=_label("currency"), value=cleaned.amount.currency))
        )
    if cleaned.stage is DealStage.LOST:
        problems.append(_required("lost_reason", cleaned.lost_reason))
    if out_of_range:
        require_valid(p for p in problems if p is not None)  # out-of-range days: no comparisons
    if cleaned.closed_on is not None and cleaned.closed_on < cleaned.opened_on:
        problems.append(
            FieldProblem(
                "closed_on",
                msg(
                    "err.closed_before_opened",
                    field=_label("closed_on"),
                    value=cleaned.closed_on.strftime("%d.%m.%Y"),
                    opened=cleaned.opened_on.strftime("%d.%m.%Y"),
                ),
            )
        )
    if cleaned.closed_on is not None and not cleaned.stage.closed:
        problems.append(FieldProblem("closed_on", msg("err.closed_on_open_deal", field=_label("closed_on"))))
    if cleaned.contract_end is not None and cleaned.contract_end < cleaned.opened_on:
        problems.append(
            FieldProblem(
                "contract_end",
                msg(
                    "err.contract_before_opened",
                    field=_label("contract_end"),
                    value=cleaned.contract_end.strftime("%d.%m.%Y"),
                ),
            )
        )
    require_valid(p for p in problems if p is not None)
    return cleaned


def deal_problems(fields: DealFields) -> list[FieldProblem]:
    """Every problem of a deal as typed so far (the deal editor checks as the user types)."""
    try:
        validate_deal(fields)
    except ValidationError as exc:
        return list(exc.problems)
    return []


def validate_interaction(fields: InteractionFields) -> InteractionFields:
    cleaned = dataclasses.replace(fields, summary=clean_notes(fields.summary), result=clean_notes(fields.result))
    problems = [
        _required("summary", cleaned.summary),
        _length("summary", cleaned.summary),
        _length("result", cleaned.result, "text", "field.result"),
        date_problem(cleaned.occurred_at, "occurred_at"),
    ]
    if cleaned.occurred_at.tzinfo is None:
        raise ValueError("interaction times must be timezone-aware")
    require_valid(p for p in problems if p is not None)
    return cleaned
