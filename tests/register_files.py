"""Small register files of the tax service, built in the real format for tests (never downloaded).

``Company`` and ``Trader`` describe one ``Документ`` of the SME register; ``register_xml`` writes a
``Файл`` of them, ``headcount_xml`` and ``revenue_xml`` the companion sets; ``write_zip`` packs
several into an archive as the tax service does.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from salesdesk.domain.requisites import inn_check_digits, ogrn_check_digit


def inn(stem: str) -> str:
    """A valid INN from its 9-digit (organisation) or 10-digit (person) stem."""
    return stem + inn_check_digits(stem)


OGRN = "102770000000" + ogrn_check_digit("102770000000")
OGRNIP = "30477000000000" + ogrn_check_digit("30477000000000")


@dataclass(frozen=True)
class Company:
    inn: str
    name: str
    short: str = ""
    ogrn: str = OGRN
    category: int = 1
    region: str = "77"
    town: str = "МОСКВА"
    okved: str = "62.01"
    okved_name: str = "Разработка компьютерного программного обеспечения"
    included: str = "10.08.2016"
    as_of: str = "10.11.2026"


@dataclass(frozen=True)
class Trader:
    inn: str
    surname: str
    first: str
    middle: str = ""
    ogrnip: str = OGRNIP
    category: int = 1
    region: str = "78"
    okved: str = "47.91"
    okved_name: str = "Торговля розничная по почте или по информационно-коммуникационной сети Интернет"
    included: str = "01.08.2016"
    as_of: str = "10.11.2026"


def _a(value: str) -> str:
    return quoteattr(value)


def _document(n: int, item: Company | Trader) -> str:
    head = (
        f'<Документ ИдДок="{n:08d}-0000-0000-0000-000000000000" ДатаСост={_a(item.as_of)} '
        f'ДатаВклМСП={_a(item.included)} ВидСубМСП="{1 if isinstance(item, Company) else 2}" '
        f'КатСубМСП="{item.category}" ПризНовМСП="2" СведСоцПред="2" ССЧР="1">'
    )
    if isinstance(item, Company):
        who = (
            f"<ОргВклМСП НаимОрг={_a(item.name)} НаимОргСокр={_a(item.short or item.name)} "
            f"ИННЮЛ={_a(item.inn)} ОГРН={_a(item.ogrn)}/>"
        )
        where = (
            f'<СведМН КодРегион={_a(item.region)}><Регион Тип="ГОРОД" Наим="МОСКВА"/>'
            f'<Город Тип="ГОРОД" Наим={_a(item.town)}/></СведМН>'
        )
    else:
        who = (
            f"<ИПВклМСП ИННФЛ={_a(item.inn)} ОГРНИП={_a(item.ogrnip)}>"
            f"<ФИОИП Фамилия={_a(item.surname)} Имя={_a(item.first)} Отчество={_a(item.middle)}/></ИПВклМСП>"
        )
        where = f'<СведМН КодРегион={_a(item.region)}><Регион Тип="ГОРОД" Наим="САНКТ-ПЕТЕРБУРГ"/></СведМН>'
    activity = (
        f'<СвОКВЭД><СвОКВЭДОсн КодОКВЭД={_a(item.okved)} НаимОКВЭД={_a(item.okved_name)} ВерсОКВЭД="2014"/>'
        '<СвОКВЭДДоп КодОКВЭД="63.11" НаимОКВЭД="Деятельность по обработке данных" ВерсОКВЭД="2014"/></СвОКВЭД>'
    )
    return f"{head}\n  {who}\n  {where}\n  {activity}\n</Документ>\n"


def _file(kind: str, body: str, encoding: str) -> bytes:
    declared = "windows-1251" if encoding == "cp1251" else "UTF-8"
    text = (
        f'<?xml version="1.0" encoding="{declared}"?>\n'
        f'<Файл ИдФайл="VO_RRMSPSV_0000_9965_20261110_test" ВерсФорм="4.02" ТипИнф="{kind}" '
        f'ВерсПрог="test" КолДок="1">\n<ИдОтпр><ФИООтв Фамилия="Иванов" Имя="Иван"/></ИдОтпр>\n{body}</Файл>\n'
    )
    return text.encode(encoding)


def register_xml(items: Sequence[Company | Trader], encoding: str = "cp1251") -> bytes:
    body = "".join(_document(n, item) for n, item in enumerate(items, 1))
    return _file("РЕЕСТРМСП", body, encoding)


def headcount_xml(rows: Iterable[tuple[str, str, int]], encoding: str = "cp1251") -> bytes:
    """(INN, name, КолРаб) per organisation."""
    body = "".join(
        f'<Документ ИдДок="{n}" ДатаДок="01.06.2026" ДатаСост="31.12.2025">'
        f'<СведНП НаимОрг={_a(name)} ИННЮЛ={_a(inn)}/><СведССЧР КолРаб="{count}"/></Документ>\n'
        for n, (inn, name, count) in enumerate(rows, 1)
    )
    return _file("ССЧР", body, encoding)


def revenue_xml(rows: Iterable[tuple[str, str, str, str]], encoding: str = "cp1251") -> bytes:
    """(INN, name, СумДоход, СумРасход) per organisation."""
    body = "".join(
        f'<Документ ИдДок="{n}" ДатаДок="01.06.2026" ДатаСост="31.12.2025">'
        f"<СведНП НаимОрг={_a(name)} ИННЮЛ={_a(inn)}/>"
        f'<СведДохРасх СумДоход="{income}" СумРасход="{spent}"/></Документ>\n'
        for n, (inn, name, income, spent) in enumerate(rows, 1)
    )
    return _file("ДОХРАСХ", body, encoding)


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path
