"""The 21 sections of OKVED 2 (ОК 029-2014), shipped as the starting list of industries."""

from __future__ import annotations

SECTIONS: tuple[tuple[str, str], ...] = (
    ("A", "Сельское, лесное хозяйство, охота, рыболовство и рыбоводство"),
    ("B", "Добыча полезных ископаемых"),
    ("C", "Обрабатывающие производства"),
    ("D", "Обеспечение электрической энергией, газом и паром; кондиционирование воздуха"),
    ("E", "Водоснабжение; водоотведение, сбор и утилизация отходов, ликвидация загрязнений"),
    ("F", "Строительство"),
    ("G", "Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов"),
    ("H", "Транспортировка и хранение"),
    ("I", "Деятельность гостиниц и предприятий общественного питания"),
    ("J", "Деятельность в области информации и связи"),
    ("K", "Деятельность финансовая и страховая"),
    ("L", "Деятельность по операциям с недвижимым имуществом"),
    ("M", "Деятельность профессиональная, научная и техническая"),
    ("N", "Деятельность административная и сопутствующие дополнительные услуги"),
    ("O", "Государственное управление и обеспечение военной безопасности; социальное обеспечение"),
    ("P", "Образование"),
    ("Q", "Деятельность в области здравоохранения и социальных услуг"),
    ("R", "Деятельность в области культуры, спорта, организации досуга и развлечений"),
    ("S", "Предоставление прочих видов услуг"),
    ("T", "Деятельность домашних хозяйств как работодателей; производство товаров и услуг для себя"),
    ("U", "Деятельность экстерриториальных организаций и органов"),
)


# Which section each two-digit division belongs to (ОК 029-2014, the division ranges of each
# section; docs/register.md). Numbers in the gaps (04, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89) are
# not divisions of OKVED 2.
_SECTION_DIVISIONS: tuple[tuple[str, int, int], ...] = (
    ("A", 1, 3),
    ("B", 5, 9),
    ("C", 10, 33),
    ("D", 35, 35),
    ("E", 36, 39),
    ("F", 41, 43),
    ("G", 45, 47),
    ("H", 49, 53),
    ("I", 55, 56),
    ("J", 58, 63),
    ("K", 64, 66),
    ("L", 68, 68),
    ("M", 69, 75),
    ("N", 77, 82),
    ("O", 84, 84),
    ("P", 85, 85),
    ("Q", 86, 88),
    ("R", 90, 93),
    ("S", 94, 96),
    ("T", 97, 98),
    ("U", 99, 99),
)
DIVISION_SECTION: dict[int, str] = {
    division: section for section, first, last in _SECTION_DIVISIONS for division in range(first, last + 1)
}
SECTION_NAMES: dict[str, str] = dict(SECTIONS)


def section_of(code: str) -> str | None:
    """The section letter of an OKVED code: itself for a section, from the division otherwise
    ("62.01" -> "J"); None for what is not an OKVED 2 code."""
    code = code.strip().upper()
    if len(code) == 1:
        return code if code in SECTION_NAMES else None
    head = code[:2]
    if not head.isdigit() or (len(code) > 2 and code[2] != "."):
        return None
    return DIVISION_SECTION.get(int(head))


def class_code(code: str) -> str:
    """*code* cut to the class level (XX.XX) kept by SalesDesk: "62.01.1" -> "62.01"; a section,
    division or group ("J", "62", "62.0") is kept as it is; "" for what is not an OKVED code."""
    code = code.strip().upper()
    if section_of(code) is None:
        return ""
    parts = code.split(".")
    if len(parts) > 2:
        parts = parts[:2]
    if not all(part.isdigit() for part in parts[1:]) or any(len(p) > 2 for p in parts[1:]):
        return ""
    return ".".join(parts)


def sort_key(code: str) -> tuple[str, int, str]:
    """Sections in their order, each followed by the codes below it ("J", "58.11", "62.01", "K")."""
    section = section_of(code) or "~"
    return (section, 0 if len(code.strip()) == 1 else 1, code)
