"""Reviewer's reproductions for issue 16 (branch review16)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from salesdesk.domain.model import ClientFields, ClientKind
from salesdesk.domain.reports import ReportParameters
from salesdesk.services import clients, enrichment, freshness
from salesdesk.services.reports import run_report
from salesdesk.store import UnitOfWork
from tests.integration.test_plans import LATER, Office
from tests.integration.test_plans import office as office  # noqa: F401 (the fixture)
from tests.register_files import Company, inn, register_xml

Uow = Callable[[], UnitOfWork]

ROMASHKA = Company(inn("770123456"), 'ООО "Ромашка"', category=2, okved="62.01")


def _file(tmp_path: Path, *items: Company) -> Path:
    path = tmp_path / "register.xml"
    path.write_bytes(register_xml(list(items), "utf-8"))
    return path


def test_enrichment_confirms_the_inn_it_matched(uow: Uow, tmp_path: Path) -> None:
    """Issue 16 item 3: an enrichment confirms what it vouches for (the INN it matched by)."""
    ident = clients.create_client(uow(), ClientFields(name="Ромашка", inn=ROMASHKA.inn, kind=ClientKind.LEGAL)).id
    old = datetime(2020, 1, 1, tzinfo=UTC)
    with uow() as u:
        u.freshness.backdate([ident], ["inn"], old)
        u.commit()
    enrichment.enrich(uow(), _file(tmp_path, ROMASHKA), now=datetime(2026, 12, 1, tzinfo=UTC))
    fresh = freshness.client_freshness(uow(), ident, now=datetime(2026, 12, 1, tzinfo=UTC))
    assert "inn" not in fresh.stale, fresh.confirmations["inn"]


def test_branches_sharing_an_inn_are_all_enriched(uow: Uow, tmp_path: Path) -> None:
    """A head office and its branch share the INN (different KPP): the register describes both."""
    head = clients.create_client(
        uow(), ClientFields(name="Ромашка", inn=ROMASHKA.inn, kpp="770101001", kind=ClientKind.LEGAL)
    ).id
    branch = clients.create_client(
        uow(), ClientFields(name="Ромашка, филиал", inn=ROMASHKA.inn, kpp="780143001", kind=ClientKind.LEGAL)
    ).id
    result = enrichment.enrich(uow(), _file(tmp_path, ROMASHKA))
    with uow().reading() as u:
        rows = {i: u.register.of_client(i) for i in (head, branch)}
    assert rows[head] is not None
    assert rows[branch] is not None, f"the branch got nothing; {result.as_json()}"
    assert result.as_json() == {"read": 1, "matched": 2, "updated": 2, "not_in_register": 0}


def test_a_deal_view_named_like_a_client_view_is_found_for_the_deal_list(uow: Uow) -> None:
    """Names are unique per list only, so 'deal list --view NAME' must look in the deals' views."""
    from salesdesk.domain.views import ViewList, ViewState
    from salesdesk.services import views

    views.save_view(uow(), ViewList.CLIENTS, "Мои", ViewState())
    deal_view = views.save_view(uow(), ViewList.DEALS, "Мои", ViewState())
    assert views.find_view_of(uow(), "Мои", ViewList.DEALS).id == deal_view


@pytest.mark.parametrize(
    "body",
    [
        lambda i: __import__("tests.register_files").register_files.headcount_xml([(i, "Ромашка", "Infinity")]),
        lambda i: __import__("tests.register_files").register_files.headcount_xml([(i, "Ромашка", "1e30")]),
        lambda i: __import__("tests.register_files").register_files.revenue_xml([(i, "Ромашка", "1e30", "5")]),
    ],
    ids=["headcount-infinity", "headcount-1e30", "revenue-1e30"],
)
def test_a_hostile_number_in_a_register_file_is_not_a_crash(uow: Uow, tmp_path: Path, body: Callable) -> None:
    """A number no register writes (Infinity, 10^30) is left out, not an OverflowError or a
    database error at the write (the CLI said 'Internal error', exit 3)."""
    ident = clients.create_client(uow(), ClientFields(name="Ромашка", inn=ROMASHKA.inn, kind=ClientKind.LEGAL)).id
    path = tmp_path / "numbers.xml"
    path.write_bytes(body(ROMASHKA.inn))
    enrichment.enrich(uow(), path)
    with uow().reading() as u:
        row = u.register.of_client(ident)
    assert row is None or (row["headcount"] is None and row["revenue"] is None)


def test_one_record_that_is_no_card_does_not_refuse_every_prospect(uow: Uow, tmp_path: Path) -> None:
    """A register record with a wrong INN check digit or no name (the file is the tax service's,
    the user cannot fix it) is left out of the prospects; the others are found and added."""
    good = Company(inn("770123457"), "ООО «Хорошая»", okved="62.01")
    wrong_inn = Company("7701234567", "ООО «Плохой ИНН»", okved="62.01")
    no_name = Company(inn("770123458"), "", okved="62.01")
    path = tmp_path / "register.xml"
    path.write_bytes(register_xml([wrong_inn, good, no_name], "utf-8"))
    found = enrichment.find_prospects(uow(), path, enrichment.ProspectQuery(okved="62"))
    assert [r.inn for r in found] == [good.inn]
    ids = enrichment.add_prospects(uow(), path.name, found, owner_id=None)
    assert len(ids) == 1


def test_a_deal_is_credited_once_across_adjacent_periods(office: Office) -> None:
    """docs/plans_and_hooks.md: 'Each deal is credited once: to the latest hook of its client done
    on or before its closing day'. k3 has a proposal done on 5 March and a follow-up on 10 March
    before its deal of 12 March: the report of 1-7 March credits the deal to the proposal (the
    follow-up is outside it), the report of 8-15 March to the follow-up, so the deal is in both
    and the two halves count more paying hooks than the whole."""
    whole = _paid(office, date(2026, 3, 1), date(2026, 3, 15))
    halves = _paid(office, date(2026, 3, 1), date(2026, 3, 7)) + _paid(office, date(2026, 3, 8), date(2026, 3, 15))
    assert halves == whole


def _paid(office: Office, start: date, end: date) -> int:
    result = run_report(office.uow(), "hooks", ReportParameters(date_from=start, date_to=end), now=LATER)
    assert result.totals is not None
    return int(result.totals[5])  # type: ignore[arg-type]


OLD = datetime(2020, 1, 1, tzinfo=UTC)
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _stale_card(uow: Uow, name: str, **fields: str) -> int:
    ident = clients.create_client(uow(), ClientFields(name=name, kind=ClientKind.LEGAL, **fields)).id  # type: ignore[arg-type]
    with uow() as u:
        u.freshness.backdate([ident], ["phone", "email"], OLD)
        u.commit()
    return ident


def test_undo_of_a_merge_puts_back_the_confirmations(uow: Uow) -> None:
    """The kept card's phone was last confirmed in 2020 (stale); the merge takes the other card's
    phone, Undo puts the old one back — and the old phone must be as stale as before, not counted
    as confirmed at the moment of the Undo."""
    from salesdesk.services import merging

    keep = _stale_card(uow, "Ромашка", phone="+7 495 111-11-11")
    other = _stale_card(uow, "Ромашка ООО", phone="+7 495 222-22-22")
    k, o = clients.get_client(uow(), keep), clients.get_client(uow(), other)
    done = merging.merge_clients(uow(), keep, k.version, other, o.version, {"phone": "other"}, now=NOW)
    merging.unmerge(uow(), done, now=NOW)
    fresh = freshness.client_freshness(uow(), keep, now=NOW)
    assert fresh.confirmations["phone"].confirmed_at == OLD


def test_undo_of_a_merge_puts_back_both_cards_confirmations_exactly(uow: Uow) -> None:
    """The other card's phone is its contact person's: the merge moves the person away (its phone
    row goes), Undo moves them back — every confirmation row of both cards, and the cards' oldest
    date, are as before the merge."""
    from sqlalchemy import select

    from salesdesk.domain.model import ContactFields
    from salesdesk.services import contacts, merging
    from salesdesk.store import schema

    keep = _stale_card(uow, "Ромашка", phone="+7 495 111-11-11", email="a@romashka.ru")
    other = _stale_card(uow, "Ромашка ООО")
    contacts.add_contact(uow(), other, ContactFields(full_name="Иванова Анна", phones=("+7 495 333-33-33",)))
    with uow() as u:
        u.freshness.backdate([other], ["phone"], OLD)
        u.commit()

    def state() -> object:
        with uow().reading() as u:
            oldest = dict(
                u.freshness.conn.execute(select(schema.clients.c.id, schema.clients.c.confirmed_oldest)).all()
            )
            return {i: (u.freshness.snapshot(i), oldest[i]) for i in (keep, other)}

    before = state()
    k, o = clients.get_client(uow(), keep), clients.get_client(uow(), other)
    done = merging.merge_clients(uow(), keep, k.version, other, o.version, {"email": "other"}, now=NOW)
    merging.unmerge(uow(), done, now=NOW)
    assert state() == before


def test_a_merge_keeps_the_other_cards_confirmation_of_what_it_brings(uow: Uow) -> None:
    """The kept card has no e-mail; the other's, unconfirmed since 2020, fills it: nobody checked it
    by merging, so it stays stale on the kept card."""
    from salesdesk.services import merging

    keep = _stale_card(uow, "Ромашка")
    other = _stale_card(uow, "Ромашка ООО", email="old@romashka.ru")
    k, o = clients.get_client(uow(), keep), clients.get_client(uow(), other)
    merging.merge_clients(uow(), keep, k.version, other, o.version, now=NOW)
    fresh = freshness.client_freshness(uow(), keep, now=NOW)
    assert "email" in fresh.stale, fresh.confirmations.get("email")


def test_a_headcount_file_does_not_clear_the_not_in_register_flag(uow: Uow, tmp_path: Path) -> None:
    """The SME register no longer lists a client (it grew); the headcount set, read next, covers every
    organisation — it says nothing of the SME register, so the client stays flagged."""
    from tests.register_files import headcount_xml, write_zip

    grown = inn("770999999")
    ident = clients.create_client(uow(), ClientFields(name="Выросли", inn=grown, kind=ClientKind.LEGAL)).id
    sme = write_zip(tmp_path / "sme.zip", {"sme.xml": register_xml([ROMASHKA])})  # a whole register
    assert enrichment.enrich(uow(), sme).not_in_register == 1
    people = tmp_path / "headcount.xml"
    people.write_bytes(headcount_xml([(grown, "Выросли", 350)]))
    enrichment.enrich(uow(), people)
    with uow().reading() as u:
        row = u.register.of_client(ident)
        flagged = u.register.flagged_ids()
    assert row is not None and row["headcount"] == 350
    assert flagged == [ident]


def test_a_client_only_in_the_headcount_set_of_an_sme_archive_is_flagged(uow: Uow, tmp_path: Path) -> None:
    """One archive with the SME register and the headcount set: a client the headcount set lists
    but the SME register does not is 'not in the register' (it grew out of it)."""
    from tests.register_files import headcount_xml, write_zip

    grown = inn("770999999")
    ident = clients.create_client(uow(), ClientFields(name="Выросли", inn=grown, kind=ClientKind.LEGAL)).id
    archive = write_zip(
        tmp_path / "data.zip",
        {"sme.xml": register_xml([ROMASHKA]), "people.xml": headcount_xml([(grown, "Выросли", 350)])},
    )
    result = enrichment.enrich(uow(), archive)
    with uow().reading() as u:
        flagged = u.register.flagged_ids()
    assert (result.not_in_register, flagged) == (1, [ident])


def test_an_older_revenue_file_read_later_does_not_replace_newer_figures(uow: Uow, tmp_path: Path) -> None:
    """Revenue for 2025 read, then last year's file (ДатаСост 31.12.2024): the card keeps 2025's."""
    from tests.register_files import revenue_xml

    ident = clients.create_client(uow(), ClientFields(name="Ромашка", inn=ROMASHKA.inn, kind=ClientKind.LEGAL)).id
    newer = tmp_path / "revenue-2025.xml"
    newer.write_bytes(revenue_xml([(ROMASHKA.inn, "Ромашка", "2000000", "1")]))
    older = tmp_path / "revenue-2024.xml"
    older.write_bytes(
        revenue_xml([(ROMASHKA.inn, "Ромашка", "1000000", "1")]).replace(
            "31.12.2025".encode("cp1251"), "31.12.2024".encode("cp1251")
        )
    )
    enrichment.enrich(uow(), newer)
    result = enrichment.enrich(uow(), older)
    with uow().reading() as u:
        row = u.register.of_client(ident)
    assert row is not None and (row["revenue"], str(row["revenue_as_of"])) == (2000000, "2025-12-31")
    assert (result.matched, result.updated, result.older) == (1, 0, 1)


def test_the_export_writes_a_birthday_without_a_year_as_typed(uow: Uow, tmp_path: Path) -> None:
    """A birthday typed as '12.03' is kept in the year 1604 (never shown); the whole-base export's
    Contacts sheet writes it as a date of 1604: a serial before Excel's 1900 epoch, which Excel shows
    as ##### (openpyxl reads it back as 11.03.1604). The person workbook writes '12.03 (year unknown)'."""
    import openpyxl

    from salesdesk.domain.birthdays import YEAR_UNKNOWN
    from salesdesk.domain.model import ContactFields
    from salesdesk.services import contacts, exporting

    ident = clients.create_client(uow(), ClientFields(name="Ромашка", kind=ClientKind.LEGAL)).id
    contacts.add_contact(uow(), ident, ContactFields(full_name="Иванова Анна", birth_date=date(YEAR_UNKNOWN, 3, 12)))
    path = tmp_path / "base.xlsx"
    exporting.export_clients(uow(), path)
    book = openpyxl.load_workbook(path)
    values = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not any(getattr(v, "year", 2000) < 1900 for v in values)


def test_a_birthday_without_a_year_comes_back_from_the_export_as_it_was(uow: Uow, tmp_path: Path) -> None:
    """Export, then import into an empty base: the birthday is still 12 March of an unknown year
    (the export's "12.03" is read back as a day and a month), and a whole date stays whole."""
    from salesdesk.domain.birthdays import YEAR_UNKNOWN
    from salesdesk.domain.model import ContactFields
    from salesdesk.services import contacts, exporting, importing
    from salesdesk.store import open_database, resolve_url
    from tests import server as test_server

    ident = clients.create_client(uow(), ClientFields(name="Ромашка", kind=ClientKind.LEGAL)).id
    contacts.add_contact(uow(), ident, ContactFields(full_name="Иванова Анна", birth_date=date(YEAR_UNKNOWN, 3, 12)))
    contacts.add_contact(uow(), ident, ContactFields(full_name="Петров Олег", birth_date=date(1985, 2, 28)))
    path = tmp_path / "base.xlsx"
    exporting.export_clients(uow(), path)
    url = test_server.server().migrated() if test_server.ON_POSTGRES else resolve_url(tmp_path / "target.sqlite")
    target = open_database(url)
    try:
        result = importing.run_import(UnitOfWork(target), path, error_dir=tmp_path)
        assert (result.created, result.rejected) == (1, 0)
        people = contacts.list_contacts(UnitOfWork(target), 1)
        assert sorted((p.full_name, p.birth_date) for p in people) == [
            ("Иванова Анна", date(YEAR_UNKNOWN, 3, 12)),
            ("Петров Олег", date(1985, 2, 28)),
        ]
    finally:
        target.dispose()
        if test_server.ON_POSTGRES:
            test_server.server().drop(url)


def test_one_xml_file_of_the_register_flags_nobody(uow: Uow, tmp_path: Path) -> None:
    """The tax service's archive holds dozens of XML files: one of them, unpacked and read alone, is
    a part of the register — a client in another part is not 'not in the register'. A client it does
    list is still enriched, a flag an earlier whole archive set stays, and the register-wide quartiles
    of the whole archive are kept."""
    from tests.register_files import write_zip

    elsewhere = inn("500123456")
    other_part = Company(elsewhere, "АО «Василёк»", region="50", category=3, okved="46.90")
    romashka = clients.create_client(uow(), ClientFields(name="Ромашка", inn=ROMASHKA.inn, kind=ClientKind.LEGAL)).id
    vasilek = clients.create_client(uow(), ClientFields(name="Василёк", inn=elsewhere, kind=ClientKind.LEGAL)).id
    gone = clients.create_client(uow(), ClientFields(name="Ушли", inn=inn("770999999"), kind=ClientKind.LEGAL)).id
    whole = write_zip(tmp_path / "data.zip", {"1.xml": register_xml([ROMASHKA]), "2.xml": register_xml([other_part])})
    assert enrichment.enrich(uow(), whole).not_in_register == 1
    with uow().reading() as u:
        quartiles = u.register.benchmarks()
    assert quartiles, "the whole archive gives the register-wide quartiles"
    result = enrichment.enrich(uow(), _file(tmp_path, ROMASHKA))
    assert (result.not_in_register, result.part, result.matched) == (0, True, 1)
    with uow().reading() as u:
        assert u.register.flagged_ids() == [gone]
        assert u.register.of_client(romashka) is not None and u.register.of_client(vasilek) is not None
        assert u.register.benchmarks() == quartiles


def test_a_period_that_ends_before_it_starts_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`salesdesk report NAME --from X --to Y` with X after Y: exit 2 (bad input) with the message, for
    every report, hooks and plan_fact among them (it was exit 1, the code of a refusal)."""
    from salesdesk.services.reports import REPORTS
    from tests.integration.test_cli import new_base, run

    db = new_base(tmp_path / "x.sqlite")
    assert {"hooks", "plan_fact"} <= set(REPORTS)
    for name in REPORTS:
        code, _out, err = run(capsys, "report", name, "--from", "10.03.2026", "--to", "01.03.2026", "--db", db)
        assert code == 2 and "after it ends" in err and "Traceback" not in err, (name, code, err)
    code, _out, err = run(
        capsys, "report", "hooks", "--from", "10.03.2026", "--to", "1.3.2026", "--db", db, "--lang", "ru"
    )
    assert code == 2 and "Начало периода (10.03.2026) позже его конца (01.03.2026)" in err


def _trashed_6201(uow: Uow) -> int:
    from salesdesk.domain.model import IndustryFields
    from salesdesk.services import reference

    ident = reference.create_industry(uow(), IndustryFields(code="62.01", name="Разработка ПО")).id
    reference.trash_industry(uow(), ident)
    return ident


def _codes(uow: Uow) -> list[str]:
    from salesdesk.services import reference

    return [x.code for x in reference.list_industries(uow(), include_deleted=True) if x.code == "62.01"]


def test_enrichment_brings_back_the_trashed_industry_of_the_code(uow: Uow, tmp_path: Path) -> None:
    """62.01 is in the trash: the register's 62.01 brings it back, never a second industry 62.01."""
    trashed = _trashed_6201(uow)
    ident = clients.create_client(uow(), ClientFields(name="Ромашка", inn=ROMASHKA.inn, kind=ClientKind.LEGAL)).id
    result = enrichment.enrich(uow(), _file(tmp_path, ROMASHKA))
    assert _codes(uow) == ["62.01"]
    assert clients.get_client(uow(), ident).industry_id == trashed
    assert result.industries_added == ("62.01",)


def test_an_import_brings_back_the_trashed_industry_of_the_code(uow: Uow, tmp_path: Path) -> None:
    from salesdesk.services import importing

    trashed = _trashed_6201(uow)
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Наименование;Отрасль\nООО «Код»;62.01 Разработка ПО\n", encoding="utf-8")
    assert importing.run_import(uow(), sheet, error_dir=tmp_path).created == 1
    assert _codes(uow) == ["62.01"]
    assert clients.get_client(uow(), 1).industry_id == trashed


def test_restoring_an_industry_whose_code_is_taken_is_refused(uow: Uow) -> None:
    from salesdesk.domain.errors import ValidationError
    from salesdesk.domain.model import IndustryFields
    from salesdesk.services import reference

    trashed = _trashed_6201(uow)
    reference.create_industry(uow(), IndustryFields(code="62.01", name="Программы"))
    with pytest.raises(ValidationError, match="62.01"):
        reference.restore_industry(uow(), trashed)
    assert len(_codes(uow)) == 2 and len([x for x in reference.list_industries(uow()) if x.code == "62.01"]) == 1


def test_a_date_in_the_industry_column_is_no_okved_class(uow: Uow, tmp_path: Path) -> None:
    """'01.02.2024' was read as OKVED class 01.02 named '24': a date is neither an industry nor a
    code — the row goes to the error file with a message, the others are imported, no industry made."""
    from salesdesk.services import importing, reference

    assert importing.okved_of("01.02.2024") is None
    assert importing.okved_of("01.02.24") == ("01.02", "") and importing.okved_of("62.01 ПО") == ("62.01", "ПО")
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Наименование;Отрасль\nООО «Дата»;01.02.2024\nООО «Код»;62.01\nООО «Иная»;2024-02-01\n")
    result = importing.run_import(uow(), sheet, error_dir=tmp_path)
    assert (result.created, result.rejected) == (1, 2)
    assert sorted(x.code for x in reference.list_industries(uow(), include_deleted=True) if "." in x.code) == ["62.01"]
    assert not [x for x in reference.list_industries(uow()) if x.name in ("24", "01.02.2024")]
    plan = importing.plan_import(uow(), sheet)
    problems = [p for r in plan.rows for p in r.reasons]
    assert any("“01.02.2024” is a date, not an industry or an OKVED code" in p for p in problems), problems
