"""Reference data: industries (OKVED with the office's notes on each market) and managers."""

from __future__ import annotations

from datetime import datetime

from salesdesk.domain import okved
from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import Industry, IndustryFields, Manager, ManagerFields
from salesdesk.domain.validation import validate_industry, validate_manager
from salesdesk.services.common import SaveResult, set_deleted, utcnow
from salesdesk.store import UnitOfWork

# Industries --------------------------------------------------------------------------------------


def list_industries(uow: UnitOfWork, *, include_deleted: bool = False) -> list[Industry]:
    with uow.reading():
        found = uow.industries.list(include_deleted=include_deleted)
    # sections in their order, each with its OKVED classes below it; the office's own (no code) last
    return sorted(found, key=lambda x: (0, *okved.sort_key(x.code)) if x.code else (1, "", 0, ""))


def find_industry(uow: UnitOfWork, code_or_name: str) -> Industry:
    """By OKVED code or exact name; ``NotFoundError``-like validation error when there is none."""
    with uow.reading():
        found = uow.industries.find(code_or_name)
    if found is None:
        raise ValidationError([FieldProblem("industry", msg("err.unknown_industry", value=code_or_name))])
    return found


def _code_free(uow: UnitOfWork, fields: IndustryFields, exclude_id: int | None) -> None:
    if fields.code and uow.industries.code_taken(fields.code, exclude_id):
        raise ValidationError([FieldProblem("code", msg("err.industry_exists", value=fields.code))])


def create_industry(uow: UnitOfWork, fields: IndustryFields, *, now: datetime | None = None) -> SaveResult:
    cleaned = validate_industry(fields)
    with uow:
        _code_free(uow, cleaned, None)
        ident = uow.industries.add(cleaned, now or utcnow())
        uow.record("industry", ident, "created")
        uow.commit()
    return SaveResult(ident, 1)


def update_industry(
    uow: UnitOfWork, industry_id: int, expected_version: int, fields: IndustryFields, *, now: datetime | None = None
) -> SaveResult:
    cleaned = validate_industry(fields)
    with uow:
        _code_free(uow, cleaned, industry_id)
        version = uow.industries.update(industry_id, expected_version, cleaned, now or utcnow())
        uow.record("industry", industry_id, "updated")
        uow.commit()
    return SaveResult(industry_id, version)


def trash_industry(uow: UnitOfWork, industry_id: int, *, now: datetime | None = None) -> int:
    """Hide an industry from choice lists; clients keep it until someone changes their card."""
    return set_deleted(uow, lambda u: u.industries, "industry", [industry_id], now or utcnow())[0]


def restore_industry(uow: UnitOfWork, industry_id: int) -> int:
    """Bring an industry back from the trash; refused when a live one has its OKVED code (a code is
    one industry)."""
    with uow.reading():
        industry = uow.industries.get(industry_id)
        if industry.deleted_at is not None:
            _code_free(uow, IndustryFields(code=industry.code, name=industry.name), industry_id)
    return set_deleted(uow, lambda u: u.industries, "industry", [industry_id], None)[0]


def okved_industry(uow: UnitOfWork, code: str, name: str, now: datetime) -> tuple[int, str]:
    """The industry of OKVED class *code* for an import or an enrichment, inside the caller's unit of
    work: the live one, else the one in the trash brought back (never a second industry with the
    code), else a new one named *name*. Returns its id and what happened: "found", "restored" or
    "created" (the caller records it)."""
    live = uow.industries.find(code)
    if live is not None and live.code == code:
        return live.id, "found"
    trashed = uow.industries.trashed_with_code(code)
    if trashed is not None:
        uow.industries.set_deleted(trashed, uow.industries.version_of(trashed), None)
        return trashed, "restored"
    return uow.industries.add(validate_industry(IndustryFields(code=code, name=name)), now), "created"


# Managers ----------------------------------------------------------------------------------------


def list_managers(uow: UnitOfWork, *, include_inactive: bool = True) -> list[Manager]:
    with uow.reading():
        return uow.managers.list(include_inactive=include_inactive)


def create_manager(uow: UnitOfWork, fields: ManagerFields, *, now: datetime | None = None) -> SaveResult:
    cleaned = validate_manager(fields)
    with uow:
        if uow.managers.find(cleaned.name) is not None:
            raise ValidationError([FieldProblem("name", msg("err.manager_exists", value=cleaned.name))])
        ident = uow.managers.add(cleaned, now or utcnow())
        uow.record("manager", ident, "created")
        uow.commit()
    return SaveResult(ident, 1)


def update_manager(
    uow: UnitOfWork, manager_id: int, expected_version: int, fields: ManagerFields, *, now: datetime | None = None
) -> SaveResult:
    cleaned = validate_manager(fields)
    with uow:
        other = uow.managers.find(cleaned.name)
        if other is not None and other.id != manager_id:
            raise ValidationError([FieldProblem("name", msg("err.manager_exists", value=cleaned.name))])
        version = uow.managers.update(manager_id, expected_version, cleaned, now or utcnow())
        uow.record("manager", manager_id, "updated")
        uow.commit()
    return SaveResult(manager_id, version)


def find_manager(uow: UnitOfWork, name: str) -> Manager:
    with uow.reading():
        found = uow.managers.find(name)
    if found is None:
        raise ValidationError([FieldProblem("owner", msg("err.unknown_manager", value=name))])
    return found


def get_manager(uow: UnitOfWork, manager_id: int) -> Manager:
    with uow.reading():
        return uow.managers.get(manager_id)


def ensure_manager(uow: UnitOfWork, name: str, *, now: datetime | None = None) -> Manager:
    """The manager called *name*, created if this is the first time the name is used."""
    cleaned = validate_manager(ManagerFields(name=name))
    with uow:
        found = uow.managers.find(cleaned.name)
        if found is None:
            ident = uow.managers.add(cleaned, now or utcnow())
            uow.record("manager", ident, "created")
            found = uow.managers.get(ident)
            uow.commit()
    return found
