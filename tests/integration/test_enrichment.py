"""Enrichment from the tax service's register files (services/enrichment.py), on both databases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from salesdesk.domain.audit import AuditQuery
from salesdesk.domain.changes import Change
from salesdesk.domain.model import ClientFields, ClientKind, IndustryFields
from salesdesk.domain.queries import ClientQuery
from salesdesk.domain.register import Quartiles
from salesdesk.services import audit, clients, enrichment, reference
from salesdesk.services.common import Cancelled
from salesdesk.store import UnitOfWork
from tests.register_files import Company, Trader, headcount_xml, inn, register_xml, revenue_xml, write_zip

Uow = Callable[[], UnitOfWork]

ROMASHKA = Company(inn("770123456"), 'ООО "Ромашка"', category=2, okved="62.01")
VASILEK = Company(inn("500123456"), "АО «Василёк»", region="50", category=3, okved="46.90", okved_name="Торговля")
PETROV = Trader(inn("7801123456"), "Петров", "Пётр", "Петрович", region="78")
STRANGER = Company(inn("771111111"), "ООО «Чужие»", okved="62.02", okved_name="Консультирование")


def _archive(tmp_path: Path) -> Path:
    return write_zip(
        tmp_path / "data-10112026.zip",
        {
            "VO_RRMSPSV_1.xml": register_xml([ROMASHKA, PETROV, STRANGER], "cp1251"),
            "VO_RRMSPSV_2.xml": register_xml([VASILEK], "utf-8"),
            "SSCHR.xml": headcount_xml([(ROMASHKA.inn, "Ромашка", 14), (VASILEK.inn, "Василёк", 120)]),
            "REVEXP.xml": revenue_xml([(ROMASHKA.inn, "Ромашка", "12500000.50", "9000000")], "utf-8"),
        },
    )


def _client(uow: Uow, name: str, inn_: str, kind: ClientKind = ClientKind.LEGAL, **more: object) -> int:
    return clients.create_client(uow(), ClientFields(name=name, inn=inn_, kind=kind, **more)).id  # type: ignore[arg-type]


def test_enrich_fills_the_clients_the_file_lists_and_flags_the_others(uow: Uow, tmp_path: Path) -> None:
    romashka = _client(uow, "Ромашка", ROMASHKA.inn)
    petrov = _client(uow, "ИП Петров", PETROV.inn, ClientKind.SOLE_TRADER)
    gone = _client(uow, "Закрылись", inn("770999999"))
    _client(uow, "Без ИНН", "")
    heard: list[tuple[Change, ...]] = []
    unit = uow()
    unit.listeners.append(heard.append)

    result = enrichment.enrich(unit, _archive(tmp_path))

    assert result.as_json() == {"read": 7, "matched": 2, "updated": 2, "not_in_register": 1}
    with uow().reading() as u:
        row = u.register.of_client(romashka)
        flagged = u.register.flagged_ids()
        industry = u.industries.get(u.clients.get(romashka).industry_id)  # type: ignore[arg-type]
    assert row is not None
    assert (row["category"], row["okved_code"], row["region"], row["headcount"], row["revenue"]) == (
        2,
        "62.01",
        "77",
        14,
        12500000,
    )
    assert row["source"] == row["headcount_source"] == row["revenue_source"] == "data-10112026.zip"
    assert str(row["as_of"]) == "2026-11-10" and row["industry_set"]
    assert (industry.code, industry.name) == ("62.01", "Разработка компьютерного программного обеспечения")
    assert flagged == [gone]
    assert "62.01" in result.industries_added
    assert any(c.entity == "client" and c.ident == petrov for batch in heard for c in batch)
    trail = audit.changes(uow(), AuditQuery(client_id=romashka))
    assert any(e.field == "sme_category" and e.new == "2" and e.source == "data-10112026.zip" for e in trail)


def test_an_industry_chosen_by_hand_is_kept_and_reported(uow: Uow, tmp_path: Path) -> None:
    mine = reference.create_industry(uow(), IndustryFields(code="", name="Наши айтишники")).id
    romashka = _client(uow, "Ромашка", ROMASHKA.inn, industry_id=mine)
    result = enrichment.enrich(uow(), _archive(tmp_path))
    assert [(c.client_id, c.okved_code) for c in result.conflicts] == [(romashka, "62.01")]
    assert clients.get_client(uow(), romashka).industry_id == mine


def test_a_newer_file_updates_what_the_register_set_but_not_what_was_chosen(uow: Uow, tmp_path: Path) -> None:
    romashka = _client(uow, "Ромашка", ROMASHKA.inn)
    first = tmp_path / "a.xml"
    first.write_bytes(register_xml([ROMASHKA]))
    enrichment.enrich(uow(), first)
    moved = tmp_path / "b.xml"
    moved.write_bytes(
        register_xml([Company(ROMASHKA.inn, ROMASHKA.name, okved="63.11", okved_name="Обработка данных")])
    )
    result = enrichment.enrich(uow(), moved)
    assert result.updated == 1 and not result.conflicts
    card = clients.get_client(uow(), romashka)
    assert card.industry_name == "Обработка данных"
    again = enrichment.enrich(uow(), moved)
    assert again.as_json() == {"read": 1, "matched": 1, "updated": 0, "not_in_register": 0}


def test_dry_run_changes_nothing(uow: Uow, tmp_path: Path) -> None:
    romashka = _client(uow, "Ромашка", ROMASHKA.inn)
    result = enrichment.enrich(uow(), _archive(tmp_path), dry_run=True)
    assert result.as_json()["updated"] == 1
    with uow().reading() as u:
        assert u.register.of_client(romashka) is None
        assert u.register.benchmarks() == []
    assert clients.get_client(uow(), romashka).industry_id is None


def test_register_wide_headcount_quartiles_are_kept(uow: Uow, tmp_path: Path) -> None:
    many = [Company(inn(f"77{n:07d}"), f"Фирма {n}", okved="62.01", region="77") for n in range(1, 9)]  # ССЧР="1" each
    path = write_zip(tmp_path / "r.zip", {"r.xml": register_xml(many)})  # the whole register: its quartiles
    enrichment.enrich(uow(), path)
    with uow().reading() as u:
        kept = u.register.benchmarks()
    assert [(b.section, b.region, b.measure, b.count, b.median) for b in kept] == [("J", "77", "headcount", 8, 1)]


def test_cancel_while_reading_changes_nothing(uow: Uow, tmp_path: Path) -> None:
    romashka = _client(uow, "Ромашка", ROMASHKA.inn)
    path = tmp_path / "big.xml"
    path.write_bytes(register_xml([ROMASHKA] * (enrichment.STEP + 10)))

    class CancelAtOnce:
        def progress(self, done: int, total: int) -> None:
            pass

        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        enrichment.enrich(uow(), path, reporter=CancelAtOnce())
    with uow().reading() as u:
        assert u.register.of_client(romashka) is None


def test_the_card_says_where_revenue_and_headcount_stand(uow: Uow, tmp_path: Path) -> None:
    firms = [Company(inn(f"77{n:07d}"), f"Фирма {n}", okved="62.01", region="77") for n in range(1, 6)]
    ids = [_client(uow, f.name, f.inn) for f in firms]
    path = write_zip(
        tmp_path / "r.zip",
        {
            "smp.xml": register_xml(firms),
            "rev.xml": revenue_xml([(f.inn, f.name, str(n * 1_000_000), "0") for n, f in enumerate(firms, 1)]),
        },
    )
    enrichment.enrich(uow(), path)
    top = enrichment.register_facts(uow(), ids[-1])
    bottom = enrichment.register_facts(uow(), ids[0])
    assert top is not None and bottom is not None
    assert top.revenue == 5_000_000 and top.section == "J" and top.category is not None
    texts = [s.text for s in top.standings]
    assert "revenue in the top quarter of the base's clients of its industry in the region" in texts
    assert [s.position for s in bottom.standings if s.measure == "revenue"] == ["bottom"]
    notes = enrichment.industry_benchmarks(uow(), "J")
    revenue = next(b for b in notes if b.measure == "revenue")
    assert (revenue.region, revenue.base) == ("77", Quartiles(5, 2_000_000, 3_000_000, 4_000_000))
    headcount = next(b for b in notes if b.measure == "headcount")
    assert headcount.register == Quartiles(5, 1, 1, 1)


def test_the_list_filters_clients_not_in_the_register_and_drills_from_section_to_class(
    uow: Uow, tmp_path: Path
) -> None:
    romashka = _client(uow, "Ромашка", ROMASHKA.inn)
    gone = _client(uow, "Закрылись", inn("770999999"))
    enrichment.enrich(uow(), _archive(tmp_path))
    assert clients.client_ids(uow(), ClientQuery(not_in_register=True)) == [gone]
    industries = {x.code: x for x in reference.list_industries(uow())}
    section_j, class_6201 = industries["J"], industries["62.01"]
    assert clients.client_ids(uow(), ClientQuery(industry_id=section_j.id)) == [romashka]
    assert clients.client_ids(uow(), ClientQuery(industry_id=class_6201.id)) == [romashka]
    assert clients.client_ids(uow(), ClientQuery(industry_id=industries["G"].id)) == []
    codes = [x.code for x in reference.list_industries(uow())]
    assert codes.index("J") < codes.index("62.01") < codes.index("K")  # the class under its section


def test_an_import_keeps_okved_classes_under_their_section(uow: Uow, tmp_path: Path) -> None:
    from salesdesk.services import importing

    sheet = tmp_path / "clients.csv"
    sheet.write_text(
        "Наименование;Отрасль\nООО «Код»;62.01 Разработка ПО\nООО «Глубже»;62.01.1\nООО «Почта»;47.91\n"
        "ООО «Своё»;Наши айтишники\n",
        encoding="utf-8",
    )
    result = importing.run_import(uow(), sheet, error_dir=tmp_path)
    assert result.created == 4
    by_code = {x.code: x for x in reference.list_industries(uow())}
    assert by_code["62.01"].name == "Разработка ПО" and by_code["47.91"].name == "OKVED 47.91"
    names = {c.name: c.industry_name for c in map(lambda i: clients.get_client(uow(), i), range(1, 5))}
    assert names == {
        "ООО «Код»": "Разработка ПО",
        "ООО «Глубже»": "Разработка ПО",
        "ООО «Почта»": "OKVED 47.91",
        "ООО «Своё»": "Наши айтишники",
    }
    assert sorted(clients.client_ids(uow(), ClientQuery(industry_id=by_code["J"].id))) == [1, 2]


def test_a_section_chosen_by_hand_is_no_conflict_with_its_class(uow: Uow, tmp_path: Path) -> None:
    section_j = next(x for x in reference.list_industries(uow()) if x.code == "J")
    romashka = _client(uow, "Ромашка", ROMASHKA.inn, industry_id=section_j.id)
    result = enrichment.enrich(uow(), _archive(tmp_path))
    assert result.conflicts == () and clients.get_client(uow(), romashka).industry_id == section_j.id
