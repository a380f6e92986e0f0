"""salesdesk enrich and salesdesk prospects (issue 16), on both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.test_cli import new_base, run
from tests.register_files import Company, Trader, headcount_xml, inn, register_xml, write_zip

ROMASHKA = Company(inn("770123456"), 'ООО "Ромашка"', short="Ромашка", category=2, okved="62.01")
PETROV = Trader(inn("7801123456"), "Петров", "Пётр", "Петрович", region="78", okved="62.01")
NEW_ONE = Company(
    inn("771111111"), "ООО «Новые»", short="Новые", category=1, okved="62.02", okved_name="Консультирование"
)
FAR = Company(inn("540111111"), "ООО «Далёкие»", region="54", okved="62.01")
SHOP = Company(inn("772222222"), "ООО «Лавка»", okved="47.91", okved_name="Торговля по почте")


def _file(tmp_path: Path) -> Path:
    return write_zip(
        tmp_path / "data.zip",
        {
            "a.xml": register_xml([ROMASHKA, PETROV, NEW_ONE], "cp1251"),
            "b.xml": register_xml([FAR, SHOP], "utf-8"),
            "c.xml": headcount_xml([(ROMASHKA.inn, "Ромашка", 14)]),
        },
    )


def test_enrich_json_and_the_client_shows_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    code, out, err = run(capsys, "client", "add", "--name", "Ромашка", "--inn", ROMASHKA.inn, "--db", db)
    assert code == 0, err
    code, out, err = run(capsys, "client", "add", "--name", "Ушли", "--inn", inn("770999999"), "--db", db)
    path = _file(tmp_path)
    code, out, err = run(capsys, "enrich", str(path), "--dry-run", "--json", "--db", db)
    assert code == 0, err
    assert json.loads(out) == {"read": 6, "matched": 1, "updated": 1, "not_in_register": 1}
    code, out, err = run(capsys, "enrich", str(path), "--db", db, "--lang", "ru")
    assert code == 0, err
    assert "обновлено: 1" in out and "нет в реестре МСП: 1" in out and "62.01" in out
    code, out, err = run(capsys, "enrich", str(path), "--json", "--db", db)
    assert json.loads(out)["updated"] == 0


@pytest.mark.parametrize(
    "content",
    [b"not xml at all", b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a/>', b"PK\x03\x04broken"],
)
def test_a_bad_file_is_exit_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(content)
    for command in (["enrich", str(bad)], ["prospects", str(bad), "--okved", "62"]):
        code, out, err = run(capsys, *command, "--db", db)
        assert code == 2 and "bad.zip" in err and "Traceback" not in err
    code, out, err = run(capsys, "enrich", str(tmp_path / "missing.zip"), "--db", db)
    assert code == 2 and "not found" in err


def test_prospects_lists_the_matching_companies_not_in_the_base_and_adds_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    run(capsys, "client", "add", "--name", "Ромашка", "--inn", ROMASHKA.inn, "--db", db)
    path = _file(tmp_path)
    code, out, err = run(capsys, "prospects", str(path), "--okved", "62", "--region", "77", "--json", "--db", db)
    assert code == 0, err
    assert [p["inn"] for p in json.loads(out)] == [NEW_ONE.inn]
    code, out, err = run(capsys, "prospects", str(path), "--okved", "J", "--json", "--db", db)
    assert [p["inn"] for p in json.loads(out)] == [PETROV.inn, NEW_ONE.inn, FAR.inn]
    code, out, err = run(capsys, "prospects", str(path), "--okved", "J", "--category", "small", "--json", "--db", db)
    assert json.loads(out) == []
    code, out, err = run(capsys, "prospects", str(path), "--okved", "62", "--limit", "2", "--add", "--db", db)
    assert code == 0, err
    assert "2" in out and "Prospect" in out
    code, out, err = run(capsys, "search", "Петров", "--json", "--db", db)
    found = json.loads(out)
    assert found and found[0]["status"] == "prospect" and found[0]["inn"] == PETROV.inn
    code, out, err = run(capsys, "prospects", str(path), "--okved", "62", "--json", "--db", db)
    assert [p["inn"] for p in json.loads(out)] == [FAR.inn]  # the added ones are in the base now
    code, out, err = run(capsys, "prospects", str(path), "--okved", "6x", "--db", db)
    assert code == 2 and "OKVED" in err
    code, out, err = run(
        capsys, "prospects", str(path), "--okved", "62.01", "--region", "54", "--add", "--json", "--db", db
    )
    assert [(p["inn"], p["id"] > 0) for p in json.loads(out)] == [(FAR.inn, True)]


def test_the_text_says_an_older_file_left_the_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Last year's revenue file read after this year's: the text says why nothing was updated."""
    from tests.register_files import revenue_xml

    db = new_base(tmp_path / "x.sqlite")
    code, out, err = run(capsys, "client", "add", "--name", "Ромашка", "--inn", ROMASHKA.inn, "--db", db)
    assert code == 0, err
    newer = tmp_path / "revenue-2025.xml"
    newer.write_bytes(revenue_xml([(ROMASHKA.inn, "Ромашка", "2000000", "1")]))
    older = tmp_path / "revenue-2024.xml"
    older.write_bytes(newer.read_bytes().replace("31.12.2025".encode("cp1251"), "31.12.2024".encode("cp1251")))
    assert run(capsys, "enrich", str(newer), "--db", db)[0] == 0
    code, out, err = run(capsys, "enrich", str(older), "--db", db, "--lang", "en")
    assert code == 0, err
    assert "updated: 0" in out and "1 client has newer figures than the file's: left as they were" in out
    code, out, err = run(capsys, "enrich", str(older), "--db", db, "--lang", "ru")
    assert "У 1 клиента в карточке данные новее, чем в файле: оставлены как были" in out


def test_one_xml_file_of_the_register_says_it_flags_nobody(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    run(capsys, "client", "add", "--name", "Ромашка", "--inn", ROMASHKA.inn, "--db", db)
    run(capsys, "client", "add", "--name", "Ушли", "--inn", inn("770999999"), "--db", db)
    part = tmp_path / "VO_RRMSPSV_0001.xml"
    part.write_bytes(register_xml([ROMASHKA]))
    code, out, err = run(capsys, "enrich", str(part), "--json", "--db", db)
    assert code == 0, err
    assert json.loads(out) == {"read": 1, "matched": 1, "updated": 1, "not_in_register": 0}
    code, out, err = run(capsys, "enrich", str(part), "--db", db, "--lang", "en")
    assert "This file is one part of the SME register" in out and "not in it are not flagged" in out
    code, out, err = run(capsys, "enrich", str(part), "--db", db, "--lang", "ru")
    assert "Это одна часть реестра МСП" in out


def test_a_damaged_archive_is_told_to_download_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A register archive is downloaded, not saved from Excel: a damaged one (cut short, or its
    compressed data broken) is to be downloaded again."""
    db = new_base(tmp_path / "x.sqlite")
    whole = _file(tmp_path).read_bytes()
    cut = tmp_path / "bad.zip"
    cut.write_bytes(whole[: len(whole) // 2])  # the directory at the end is gone
    broken = tmp_path / "broken.zip"
    start = whole.index(b"PK\x03\x04") + 30 + len("a.xml")  # inside the first member's data
    broken.write_bytes(whole[:start] + bytes(b ^ 0xFF for b in whole[start : start + 40]) + whole[start + 40 :])
    for path in (cut, broken):
        code, out, err = run(capsys, "enrich", str(path), "--db", db, "--lang", "en")
        assert code == 2 and path.name in err, err
        assert "download it again from the tax service's site" in err and "Excel" not in err
        code, out, err = run(capsys, "enrich", str(path), "--db", db, "--lang", "ru")
        assert "скачайте его заново с сайта налоговой службы" in err and "Excel" not in err


def test_a_region_in_fullwidth_digits_is_the_region(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--region ７７` (fullwidth digits, as a Japanese or Chinese keyboard types them) matched nothing
    in silence: it is region 77; digits that are no two ASCII digits even so are refused."""
    from salesdesk.services import enrichment

    db = new_base(tmp_path / "x.sqlite")
    path = _file(tmp_path)
    code, out, err = run(capsys, "prospects", str(path), "--okved", "６２", "--region", "７７", "--json", "--db", db)
    assert code == 0, err
    assert [p["inn"] for p in json.loads(out)] == [ROMASHKA.inn, NEW_ONE.inn]
    assert enrichment.ProspectQuery(okved="62", region=" ７７ ").region == "77"
    code, out, err = run(capsys, "prospects", str(path), "--okved", "62", "--region", "٧٧", "--db", db)
    assert code == 2 and "٧٧" in err


def test_many_hand_chosen_industries_are_summed_up_not_listed_one_by_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a big base the register disagrees with hundreds of hand-chosen industries: the text names
    the first twenty and says how many more there are, instead of a line per client."""
    db = new_base(tmp_path / "x.sqlite")
    companies = [Company(inn(f"7701{n:05d}"), f"ООО «Фирма {n}»", okved="62.01") for n in range(23)]
    for company in companies:
        code, out, err = run(
            capsys, "client", "add", "--name", company.name, "--inn", company.inn, "--industry", "G", "--db", db
        )
        assert code == 0, err
    path = tmp_path / "register.xml"
    path.write_bytes(register_xml(companies))
    code, out, err = run(capsys, "enrich", str(path), "--dry-run", "--db", db, "--lang", "en")
    assert code == 0, err
    lines = [line for line in err.splitlines() if "chosen by hand" in line]  # not the progress line
    assert len(lines) == 21 and all("was chosen by hand and kept" in line for line in lines[:20])
    assert lines[20] == "… and 3 more clients whose industry was chosen by hand were left as they were"
    code, out, err = run(capsys, "enrich", str(path), "--dry-run", "--db", db, "--lang", "ru")
    assert "… и ещё у 3 клиентов отрасль выбрана вручную и оставлена" in err.splitlines()
