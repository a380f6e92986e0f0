"""The streaming reader of the tax service's register files (files/register.py)."""

from __future__ import annotations

import tracemalloc
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from salesdesk.domain.messages import set_language
from salesdesk.files.errors import FileProblem
from salesdesk.files.register import RegisterFile, read_register
from tests.register_files import OGRNIP, Company, Trader, headcount_xml, inn, register_xml, revenue_xml, write_zip

ROMASHKA = Company(inn("770123456"), 'ООО "Ромашка"', short="Ромашка", category=2, okved="62.01")
VASILEK = Company(inn("500123456"), "АО «Василёк»", region="50", town="ХИМКИ", category=3, okved="46.90")
PETROV = Trader(inn("7801123456"), "Петров", "Пётр", "Петрович", region="78")


@pytest.mark.parametrize("encoding", ["cp1251", "utf-8"])
def test_a_bare_xml_file_reads_legal_entities_and_sole_traders(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "data-10112026-structure-10012026.xml"
    path.write_bytes(register_xml([ROMASHKA, PETROV, VASILEK], encoding))
    records = list(read_register(path))
    assert [r.inn for r in records] == [ROMASHKA.inn, PETROV.inn, VASILEK.inn]
    company, trader, third = records
    assert company.kind == "legal" and company.name == 'ООО "Ромашка"' and company.short_name == "Ромашка"
    assert company.category == 2 and company.region == "77" and company.place == "МОСКВА"
    assert company.okved_code == "62.01"
    assert company.okved_name == "Разработка компьютерного программного обеспечения"
    assert company.included_on == date(2016, 8, 10) and company.as_of == date(2026, 11, 10)
    assert trader.kind == "sole_trader" and trader.name == "Петров Пётр Петрович"
    assert trader.ogrn == OGRNIP and trader.region == "78" and trader.okved_code == "47.91"
    assert third.place == "ХИМКИ" and third.category == 3
    assert company.headcount == 1  # the ССЧР attribute of Документ


def test_a_zip_of_several_files_and_the_companion_sets(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "register.zip",
        {
            "VO_RRMSPSV_1.xml": register_xml([ROMASHKA, PETROV], "cp1251"),
            "VO_RRMSPSV_2.xml": register_xml([VASILEK], "utf-8"),
            "SSCHR.xml": headcount_xml([(ROMASHKA.inn, "Ромашка", 14)]),
            "REVEXP.xml": revenue_xml([(ROMASHKA.inn, "Ромашка", "12500000.50", "9000000")], "utf-8"),
        },
    )
    register = RegisterFile(path)
    records = list(register.records())
    assert register.done_bytes == register.total_bytes > 0
    assert [r.inn for r in records] == [ROMASHKA.inn, PETROV.inn, VASILEK.inn, ROMASHKA.inn, ROMASHKA.inn]
    assert records[3].headcount == 14 and records[3].okved_code == ""
    assert records[4].revenue == Decimal("12500000.50") and records[4].expenses == Decimal("9000000")


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    """Reading five times as many businesses takes no more memory: nothing is kept per business."""

    def peak(count: int) -> int:
        path = tmp_path / f"r{count}.xml"
        path.write_bytes(register_xml([ROMASHKA, PETROV] * (count // 2)))
        tracemalloc.start()
        try:
            read = sum(1 for _ in read_register(path))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            assert read == count

    small, large = peak(4000), peak(20000)
    assert large < small * 1.3


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n'
    + '<Файл><Документ КатСубМСП="1"><ОргВклМСП НаимОрг="&lol4;" ИННЮЛ="7701234567"/></Документ></Файл>'.encode()
)
EXTERNAL = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    + '<Файл><Документ><ОргВклМСП НаимОрг="&e;" ИННЮЛ="7701234567"/></Документ></Файл>'.encode()
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (BILLION_LAUGHS, "DTD"),
        (EXTERNAL, "DTD"),
        (b"<html><body>not a register</body></html>", "not a tax service register"),
        (register_xml([ROMASHKA])[:-40], "damaged or not XML"),
        (b"\x00\x01binary junk" * 50, "damaged or not XML"),
        (
            '<?xml version="1.0" encoding="UTF-8"?><Файл><Документ><ОргВклМСП НаимОрг="'.encode()
            + b"x" * (17 * 1024 * 1024)
            + '" ИННЮЛ="7701234567"/></Документ></Файл>'.encode(),
            "longer than 16 MB",
        ),
        (b"<?xml version='1.0' encoding='x-unknown-1'?><\xd0\xa4></\xd0\xa4>", "damaged or not XML"),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "not-register",
        "truncated",
        "binary",
        "huge-attribute",
        "unknown-encoding",
    ],
)
def test_hostile_xml_is_refused_with_a_message(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "hostile.xml"
    path.write_bytes(content)
    with pytest.raises(FileProblem) as caught:
        list(read_register(path))
    assert expected in str(caught.value) and "hostile.xml" in str(caught.value)


def test_hostile_archives_are_refused(tmp_path: Path, lang: None) -> None:
    damaged = tmp_path / "damaged.zip"
    good = write_zip(tmp_path / "good.zip", {"a.xml": register_xml([ROMASHKA] * 200)})
    data = bytearray(good.read_bytes())
    data[200:260] = b"\xff" * 60  # inside the deflated data
    damaged.write_bytes(bytes(data))
    with pytest.raises(FileProblem, match="damaged"):
        list(read_register(damaged))

    mixed = write_zip(tmp_path / "mixed.zip", {"a.xml": register_xml([ROMASHKA]), "readme.exe": b"MZ"})
    with pytest.raises(FileProblem, match="readme.exe"):
        RegisterFile(mixed)

    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:100])
    with pytest.raises(FileProblem, match="damaged"):
        list(read_register(cut))

    bomb = write_zip(tmp_path / "bomb.zip", {"a.xml": register_xml([]) + b" " * (64 << 20)})
    with pytest.raises(FileProblem, match="unpacks to an unreasonable size"):
        RegisterFile(bomb)

    renamed = write_zip(tmp_path / "renamed.zip", {"a.xml": b"PK\x03\x04 this is no xml"})
    set_language("ru")
    with pytest.raises(FileProblem, match="повреждён"):
        list(read_register(renamed))


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="not found"):
        RegisterFile(tmp_path / "nowhere.zip")
    (tmp_path / "empty.xml").write_bytes(b"")
    with pytest.raises(FileProblem, match="empty"):
        RegisterFile(tmp_path / "empty.xml")
    assert zipfile.is_zipfile(write_zip(tmp_path / "z.zip", {"a.xml": register_xml([])}))
    assert list(read_register(tmp_path / "z.zip")) == []
