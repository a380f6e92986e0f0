"""Enrich the base from the tax service's open data (issue 16): the SME register (category, main
OKVED code, region), the average headcount and the revenue of clients whose INN is in the base.

The file streams once (files/register.py); only records whose INN is in the base are kept, so memory
is bounded by the base, not by the multi-gigabyte file. While it streams, the register-wide
headcount of every business is counted by OKVED section and region (domain/register.py) and kept
as the register's quartiles. Then the clients are written in batches of BATCH, one transaction
each, audited (with the file's name as the source) and told to the change bus.

What the register says is kept beside the card (client_register), each part with the file and the
date it describes. The client's industry is the class of the main OKVED code (created under its
section when the base does not have it yet) — but only when the card has no industry, or has the
one an earlier register file set: an industry someone chose is never changed; the disagreement is
reported (``conflicts``). When the file is a whole SME register (a ZIP archive, as the tax service
publishes it), every legal entity and sole trader of the base it does not list is flagged
(``not_in_register``): it may have grown, closed or stopped reporting. One XML file of the register
is a part of it (the archive holds dozens): it flags nobody and leaves the register-wide quartiles
(``part``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from salesdesk.domain.completeness import with_present
from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.freshness import Source
from salesdesk.domain.model import ClientKind
from salesdesk.domain.okved import SECTION_NAMES, class_code, section_of
from salesdesk.domain.register import QuartileCounter, Quartiles, SmeCategory, position_text, quartiles_of
from salesdesk.files.register import RegisterFile
from salesdesk.files.register import RegisterRecord as RegisterRecord  # the window gets it from here
from salesdesk.services.common import Cancelled, Reporter, SilentReporter, utcnow
from salesdesk.services.freshness import confirm_fields
from salesdesk.services.reference import okved_industry
from salesdesk.store import UnitOfWork
from salesdesk.store.register import REGISTER_COLUMNS, Benchmark

BATCH = 1000  # clients per transaction
STEP = 4000  # records between two progress reports (and checks of Cancel)
NAME_LIMIT = 300  # an industry's name (schema: industries.name)
_OKVED_PREFIX = re.compile(r"^(?:[A-U]|\d{2}(?:\.\d{1,2}){0,2})$")
REGISTER_KINDS = (ClientKind.LEGAL.value, ClientKind.SOLE_TRADER.value)


@dataclass(frozen=True, slots=True)
class IndustryConflict:
    """A client whose industry was chosen by someone and differs from the register's."""

    client_id: int
    industry_id: int | None
    okved_code: str
    okved_name: str


@dataclass(frozen=True, slots=True)
class EnrichResult:
    read: int  # records in the file
    matched: int  # clients of the base the file describes (a head office and each branch: one each)
    updated: int  # of those, clients whose data changed
    not_in_register: int  # clients with an INN the SME register does not list (0 for other files)
    conflicts: tuple[IndustryConflict, ...] = ()
    dry_run: bool = False
    industries_added: tuple[str, ...] = field(default=())
    part: bool = False  # one XML file of the SME register: clients not in it were not flagged
    older: int = 0  # clients whose card has newer figures than the file's: left as they were (not in the JSON)

    def as_json(self) -> dict[str, int]:
        return {
            "read": self.read,
            "matched": self.matched,
            "updated": self.updated,
            "not_in_register": self.not_in_register,
        }


@dataclass(slots=True)
class _Found:
    """What the file said of one client (the last record of each kind wins)."""

    sme: RegisterRecord | None = None
    headcount: RegisterRecord | None = None
    revenue: RegisterRecord | None = None


def enrich(
    uow: UnitOfWork,
    path: Path,
    *,
    dry_run: bool = False,
    reporter: Reporter | None = None,
    now: datetime | None = None,
) -> EnrichResult:
    """Read *path* (a register ZIP or XML) and fill the clients it describes; with *dry_run*, say
    what would change and change nothing."""
    reporter = reporter or SilentReporter()
    now = now or utcnow()
    register = RegisterFile(path)  # refuses what is not a register file before anything else
    with uow.reading():
        base = uow.register.clients_by_inn()
    found: dict[int, _Found] = {}
    headcounts = QuartileCounter()
    counts = headcounts.groups
    sections: dict[str, str | None] = {}  # section_of, once per distinct code (a few thousand)
    read = 0
    sme_file = False
    latest: date | None = None
    for raw in register.raw():
        # the loop runs millions of times: only what every record needs is decoded here
        read += 1
        if read % STEP == 0:
            reporter.progress(register.done_bytes, register.total_bytes)
            if reporter.cancelled():
                raise Cancelled()
        code = raw.okved_code
        sme = bool(code) or raw.category is not None
        if sme:
            if not sme_file:
                sme_file, latest = True, raw.as_of
            headcount = raw.headcount
            if headcount is not None:
                region = raw.region
                section = sections.get(code, "")
                if section == "":
                    section = sections[code] = section_of(code)
                if section is not None and region:
                    group = counts.get((section, region))
                    if group is None:
                        group = counts[(section, region)] = Counter()
                    group[headcount] += 1
        holders = base.get(raw.inn)
        if holders is None:
            continue
        record = raw.record()
        for client in holders:  # a head office and its branches: one INN, the same record
            entry = found.get(client.id)
            if entry is None:
                entry = found[client.id] = _Found()
            if sme:
                entry.sme = record
            if record.headcount is not None:
                entry.headcount = record
            if record.revenue is not None:
                entry.revenue = record
    reporter.progress(register.total_bytes, register.total_bytes)
    if reporter.cancelled():
        raise Cancelled()
    missing: set[int] = set()
    # one XML file unpacked from the archive is a part of the register: who is not in it may be in
    # another part, so only a whole archive says who is not in the register (and gives its quartiles)
    part = sme_file and not register.is_archive
    sme_file = sme_file and not part
    if sme_file:
        # listed by the headcount or revenue set of the same archive is not listed by the SME register
        missing = {
            c.id
            for holders in base.values()
            for c in holders
            if c.kind in REGISTER_KINDS and (c.id not in found or found[c.id].sme is None)
        }
    benchmarks = [
        Benchmark(section, region, "headcount", q.count, q.q1, q.median, q.q3, path.name, latest)
        for (section, region), q in sorted(headcounts.results().items())
    ]
    result = _write(
        uow, path.name, found, missing, benchmarks if sme_file else None, read, dry_run, reporter, now, latest
    )
    return replace(result, part=part)


def _write(
    uow: UnitOfWork,
    source: str,
    found: dict[int, _Found],
    missing: set[int],
    benchmarks: list[Benchmark] | None,
    read: int,
    dry_run: bool,
    reporter: Reporter,
    now: datetime,
    latest: date | None = None,
) -> EnrichResult:
    ids = sorted(set(found) | missing)
    updated = 0
    older = 0
    conflicts: list[IndustryConflict] = []
    added: list[str] = []
    batches = [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)] or [[]]
    for number, batch in enumerate(batches):
        if reporter.cancelled():
            raise Cancelled()  # the batches written so far stay: each was whole
        with uow.importing(source):
            industries = {x.code: x for x in uow.industries.list()}
            codes = {x.id: x.code for x in industries.values()}
            existing = uow.register.rows(batch)
            cards = uow.bulk_edit.rows(batch)
            rows: list[dict[str, Any]] = []
            card_rows = []
            for ident in batch:
                card = cards.get(ident)
                if card is None or card.deleted_at is not None:
                    continue
                old = existing.get(ident)
                # only an SME register says who is not in it: a headcount or revenue file leaves the flag
                flagged = ident in missing if benchmarks is not None else bool(old and old["not_in_register"])
                if old and _before(latest, old["as_of"]):  # an older SME register says nothing of today
                    flagged = bool(old["not_in_register"])
                new, kept = _merged(old, found.get(ident), flagged, source)
                older += kept
                if ident in found:  # the register vouches for the INN it was matched by
                    confirm_fields(uow, ident, ["inn"], Source.ENRICHMENT, now)
                new_card = card
                entry = found.get(ident)
                if entry is not None and entry.sme is not None and not (old and _before(entry.sme.as_of, old["as_of"])):
                    code = class_code(entry.sme.okved_code)
                    if code:
                        target = industries.get(code)
                        if target is None:
                            target_id = _add_industry(uow, code, entry.sme.okved_name, now)
                            added.append(code)
                            industries = {x.code: x for x in uow.industries.list()}
                            codes = {x.id: x.code for x in industries.values()}
                        else:
                            target_id = target.id
                        current = card.industry_id
                        by_register = bool(old and old["industry_set"]) and (
                            class_code(codes.get(current or 0, "")) == class_code(old["okved_code"] if old else "")
                        )
                        if current is None or by_register:
                            new["industry_set"] = True
                            if current != target_id:
                                new_card = _with_industry(card, target_id, now)
                        elif current == target_id or codes.get(current, "") == section_of(code):
                            pass  # the same class, or its section chosen by hand: no disagreement
                        else:
                            new["industry_set"] = False
                            conflicts.append(
                                IndustryConflict(ident, current, entry.sme.okved_code, entry.sme.okved_name)
                            )
                changed_data = old is None or any(old.get(k) != new[k] for k in REGISTER_COLUMNS)
                if not changed_data and new_card is card:
                    continue
                rows.append({"client_id": ident, **new})
                if new_card is not card:
                    card_rows.append(new_card)
                if ident in found:
                    updated += 1
                before = _audited(old, card.industry_id)
                after = _audited(new, new_card.industry_id)
                uow.record("client", ident, "updated", before=before, after=after)
                uow.record("client", ident, "register")  # the open card shows the new data
            uow.register.write(rows, set(existing), now)
            uow.bulk_edit.write(card_rows, now)
            if benchmarks is not None and number == len(batches) - 1:
                uow.register.replace_benchmarks("headcount", benchmarks)
            if not dry_run:
                uow.commit()
        reporter.progress(number + 1, len(batches))
    return EnrichResult(
        read=read,
        matched=len(found),
        updated=updated,
        not_in_register=len(missing),
        conflicts=tuple(conflicts),
        dry_run=dry_run,
        industries_added=tuple(dict.fromkeys(added)),
        older=older,
    )


def _before(as_of: date | None, stored: date | None) -> bool:
    """Whether a file describing *as_of* is older than what the card has (*stored*): it never
    replaces newer figures, whatever order the files are read in."""
    return as_of is not None and stored is not None and as_of < stored


def _merged(
    old: dict[str, Any] | None, entry: _Found | None, flagged: bool, source: str
) -> tuple[dict[str, Any], bool]:
    """The client's register row after this file, and whether the file was older than some of it
    (that part kept as it was)."""
    new: dict[str, Any] = {k: (old[k] if old else None) for k in REGISTER_COLUMNS}
    if old is None:
        new.update(
            okved_code="",
            okved_name="",
            region="",
            place="",
            source="",
            headcount_source="",
            revenue_source="",
            not_in_register=False,
            industry_set=False,
        )
    new["not_in_register"] = flagged
    if entry is None:
        return new, False
    kept = False
    if entry.sme is not None and _before(entry.sme.as_of, old["as_of"] if old else None):
        kept = True
    elif entry.sme is not None:
        r = entry.sme
        new.update(
            category=r.category,
            okved_code=r.okved_code[:10],
            okved_name=r.okved_name[:500],
            region=r.region,
            place=r.place[:200],
            source=source[:260],
            as_of=r.as_of,
            not_in_register=False,
        )
    if entry.headcount is not None and _before(entry.headcount.as_of, old["headcount_as_of"] if old else None):
        kept = True
    elif entry.headcount is not None:
        r = entry.headcount
        new.update(headcount=r.headcount, headcount_source=source[:260], headcount_as_of=r.as_of)
    if entry.revenue is not None and _before(entry.revenue.as_of, old["revenue_as_of"] if old else None):
        kept = True
    elif entry.revenue is not None:
        r = entry.revenue
        new.update(
            revenue=_roubles(r.revenue),
            expenses=_roubles(r.expenses),
            revenue_source=source[:260],
            revenue_as_of=r.as_of,
        )
    return new, kept


def _roubles(value: Any) -> int | None:
    return None if value is None else int(value.to_integral_value())


def _audited(row: dict[str, Any] | None, industry_id: int | None) -> dict[str, Any]:
    row = row or {}
    return {
        "industry_id": industry_id,
        "sme_category": row.get("category"),
        "okved": row.get("okved_code") or "",
        "region": row.get("region") or "",
        "headcount": row.get("headcount"),
        "revenue": row.get("revenue"),
        "not_in_register": bool(row.get("not_in_register")),
    }


def _add_industry(uow: UnitOfWork, code: str, name: str, now: datetime) -> int:
    """The industry of OKVED class *code*: one in the trash with the code is brought back, never a
    second industry with the same code."""
    section = section_of(code) or ""
    ident, action = okved_industry(uow, code, (name or SECTION_NAMES.get(section, code))[:NAME_LIMIT], now)
    if action != "found":
        uow.record("industry", ident, action)
    return ident


def _with_industry(card: Any, industry_id: int, now: datetime) -> Any:
    score = with_present(ClientKind(card.kind), card.missing.split(",") if card.missing else (), ["industry"])
    return replace(
        card,
        industry_id=industry_id,
        version=card.version + 1,
        completeness=score.score,
        missing=",".join(score.missing),
    )


# Prospect finder -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProspectQuery:
    okved: str  # a code prefix: "62", "62.01", "J" (a whole section)
    region: str = ""  # two digits
    category: int | None = None  # 1 micro, 2 small, 3 medium
    limit: int = 20

    def __post_init__(self) -> None:
        # as typed or pasted: fullwidth or other compatibility digits ("７７") are the digits they
        # show (NFKC), spaces around go — a region that matched nothing silently is no search
        for name in ("okved", "region"):
            object.__setattr__(self, name, unicodedata.normalize("NFKC", getattr(self, name)).strip())


def prospect_query_problems(query: ProspectQuery) -> list[FieldProblem]:
    """What is wrong with a prospect search, in the user's words."""
    from salesdesk.domain.messages import msg

    problems = []
    code = query.okved.strip().upper()
    if section_of(code) is None or not _OKVED_PREFIX.match(code):
        problems.append(FieldProblem("okved", msg("register.bad_okved", value=query.okved)))
    if query.region and not (len(query.region) == 2 and query.region.isascii() and query.region.isdigit()):
        problems.append(FieldProblem("region", msg("register.bad_region", value=query.region)))
    return problems


def prospect_json(record: RegisterRecord) -> dict[str, Any]:
    return {
        "inn": record.inn,
        "ogrn": record.ogrn,
        "name": record.name,
        "short_name": record.short_name,
        "kind": record.kind,
        "category": record.category,
        "okved": record.okved_code,
        "okved_name": record.okved_name,
        "region": record.region,
        "place": record.place,
    }


def find_prospects(
    uow: UnitOfWork, path: Path, query: ProspectQuery, *, reporter: Reporter | None = None
) -> list[RegisterRecord]:
    """Businesses of the register file at *path* that match *query* and whose INN is not in the base
    (the trash included), in file order, at most ``query.limit``: the reading stops there."""
    reporter = reporter or SilentReporter()
    register = RegisterFile(path)
    with uow.reading():
        known = uow.register.inns()
    wanted = query.okved.strip().upper()
    section = wanted if len(wanted) == 1 else ""
    found: list[RegisterRecord] = []
    seen: set[str] = set()
    for read, raw in enumerate(register.raw(), 1):
        if read % STEP == 0:
            reporter.progress(register.done_bytes, register.total_bytes)
            if reporter.cancelled():
                raise Cancelled()
        code = raw.okved_code
        if not code or raw.inn in known or raw.inn in seen:
            continue
        if section:
            if section_of(code) != section:
                continue
        elif not code.startswith(wanted):
            continue
        if query.region and raw.region != query.region:
            continue
        if query.category is not None and raw.category != query.category:
            continue
        record = raw.record()
        try:  # a record that could not become a card (a wrong INN, no name) is no prospect
            _prospect_card(record, None)
        except ValidationError:
            continue
        found.append(record)
        seen.add(record.inn)
        if len(found) >= query.limit:
            break
    reporter.progress(register.total_bytes, register.total_bytes)
    return found


def _prospect_card(record: RegisterRecord, owner_id: int | None) -> Any:
    """The new client a prospect becomes, validated (``ValidationError`` for a record of the file
    that is no card: a wrong INN, no name)."""
    from salesdesk.domain.messages import msg
    from salesdesk.domain.model import ClientFields, ClientStatus
    from salesdesk.domain.validation import validate_client

    kind = ClientKind.SOLE_TRADER if record.kind == "sole_trader" else ClientKind.LEGAL
    name = record.short_name or record.name
    if kind is ClientKind.SOLE_TRADER:
        name = str(msg("register.trader_name", name=record.name))
    fields = ClientFields(
        kind=kind,
        name=name[:NAME_LIMIT],
        full_name=record.name[:500] if kind is ClientKind.LEGAL else "",
        inn=record.inn,
        ogrn=record.ogrn,
        city=record.place.title()[:100],
        status=ClientStatus.PROSPECT,
        source=str(msg("register.source"))[:100],
        owner_id=owner_id,
    )
    cleaned, _warnings = validate_client(fields)
    return cleaned


def add_prospects(
    uow: UnitOfWork,
    source: str,
    prospects: list[RegisterRecord],
    *,
    owner_id: int | None,
    now: datetime | None = None,
) -> list[int]:
    """Each prospect as a new client (status "prospect") with its requisites, industry (the class of
    its main OKVED code) and region's place, owned by *owner_id*, with a first reminder to call on
    the next working day; all in one transaction. Returns the new clients' ids."""
    from salesdesk.domain.derived import derive
    from salesdesk.domain.messages import msg
    from salesdesk.domain.model import ReminderFields
    from salesdesk.domain.validation import validate_reminder
    from salesdesk.domain.workdays import is_working_day

    now = now or utcnow()
    day = now.date() + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    due = datetime.combine(day, time(7, 0), tzinfo=UTC)  # 10:00 in Moscow
    cards = [(record, _prospect_card(record, owner_id)) for record in prospects]
    ids: list[int] = []
    with uow.importing(source):
        industries = {x.code: x.id for x in uow.industries.list()}
        for record, cleaned in cards:
            code = class_code(record.okved_code)
            industry_id = industries.get(code) if code else None
            if code and industry_id is None:
                industry_id = industries[code] = _add_industry(uow, code, record.okved_name, now)
            card = replace(cleaned, industry_id=industry_id)
            ident = uow.clients.add(card, derive(card), now)
            uow.record("client", ident, "created", after=card)
            reminder = validate_reminder(
                ReminderFields(
                    due_at=due, text=str(msg("register.first_reminder", name=card.name)), manager_id=owner_id
                )
            )
            reminder_id = uow.reminders.add(ident, reminder, now)
            uow.record("reminder", reminder_id, "created", client=ident, after=reminder)
            ids.append(ident)
        uow.commit()
    return ids


# What the card shows -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a client's revenue or headcount stands among others of its section and region."""

    measure: str  # "revenue" or "headcount"
    among: str  # "region" (the base's clients) or "register" (the whole register file)
    position: str  # "top", "upper", "lower", "bottom"
    quartiles: Quartiles

    @property
    def text(self) -> str:
        return position_text(self.position, self.measure, self.among)


@dataclass(frozen=True, slots=True)
class RegisterFacts:
    """What the register files said of one client, with their sources, for the card."""

    category: SmeCategory | None
    okved_code: str
    okved_name: str
    section: str | None
    region: str
    place: str
    source: str
    as_of: date | None
    headcount: int | None
    headcount_source: str
    headcount_as_of: date | None
    revenue: int | None
    expenses: int | None
    revenue_source: str
    revenue_as_of: date | None
    not_in_register: bool
    checked_at: datetime
    standings: tuple[Standing, ...] = ()


def register_facts_in(uow: UnitOfWork, client_id: int) -> RegisterFacts | None:
    """Inside an open (reading) unit of work: the client's register facts, or None."""
    row = uow.register.of_client(client_id)
    if row is None:
        return None
    section = section_of(row["okved_code"]) if row["okved_code"] else None
    region = row["region"]
    standings: list[Standing] = []
    if section and region:
        values = uow.register.base_values(region, section)
        for measure in ("revenue", "headcount"):
            mine = row[measure]
            if mine is None:
                continue
            found = quartiles_of(x for v in values if (x := _value(v, measure)) is not None)
            if found is not None and (position := found.position(mine)) is not None:
                standings.append(Standing(measure, "region", position, found))
        for benchmark in uow.register.benchmarks(section, region):
            mine = row[benchmark.measure]
            if mine is None:
                continue
            wide = Quartiles(benchmark.count, benchmark.q1, benchmark.median, benchmark.q3)
            if (position := wide.position(mine)) is not None:
                standings.append(Standing(benchmark.measure, "register", position, wide))
    category = row["category"]
    return RegisterFacts(
        category=SmeCategory(category) if category in (1, 2, 3) else None,
        okved_code=row["okved_code"],
        okved_name=row["okved_name"],
        section=section,
        region=region,
        place=row["place"],
        source=row["source"],
        as_of=row["as_of"],
        headcount=row["headcount"],
        headcount_source=row["headcount_source"],
        headcount_as_of=row["headcount_as_of"],
        revenue=row["revenue"],
        expenses=row["expenses"],
        revenue_source=row["revenue_source"],
        revenue_as_of=row["revenue_as_of"],
        not_in_register=bool(row["not_in_register"]),
        checked_at=row["checked_at"],
        standings=tuple(standings),
    )


def register_facts(uow: UnitOfWork, client_id: int) -> RegisterFacts | None:
    with uow.reading():
        return register_facts_in(uow, client_id)


def _value(row: tuple[str, str, int | None, int | None], measure: str) -> int | None:
    return row[2] if measure == "headcount" else row[3]


@dataclass(frozen=True, slots=True)
class IndustryBenchmark:
    """One region's distribution for an industry section: of the base's clients and, when a
    register file was read, of the whole register."""

    region: str
    measure: str
    base: Quartiles | None
    register: Quartiles | None


def industry_benchmarks(uow: UnitOfWork, code: str) -> list[IndustryBenchmark]:
    """For the section of *code* (a section or a class), per region and measure, the quartiles of
    the base's clients and of the last register file read (for the industry notes)."""
    section = section_of(code)
    if section is None:
        return []
    with uow.reading():
        values = uow.register.base_values(section=section)
        wide = {(b.region, b.measure): b for b in uow.register.benchmarks(section)}
    regions = sorted({v[1] for v in values if v[1]} | {r for r, _m in wide})
    out = []
    for region in regions:
        for measure in ("revenue", "headcount"):
            base = quartiles_of(x for v in values if v[1] == region and (x := _value(v, measure)) is not None)
            kept = wide.get((region, measure))
            register = Quartiles(kept.count, kept.q1, kept.median, kept.q3) if kept else None
            if base is not None or register is not None:
                out.append(IndustryBenchmark(region, measure, base, register))
    return out
