"""What spreadsheet columns mean and what their cells hold, as people actually fill them in.

Headers are matched from Russian and English names and their common variants ("Наименование",
"Название организации", "Тел.", "Эл. почта", "Contact person"). Cells are turned into the text the
rules expect: identifiers that Excel stored as numbers lose their ".0" and, only where the
checksum then holds, regain a lost leading zero (docs/spreadsheets.md); dates come from Excel serials,
dd.mm.yyyy or ISO; whitespace is trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from salesdesk.domain.requisites import identifier_from_cell, lost_digits, restore_leading_zero
from salesdesk.domain.text import clean_notes, collapse_spaces, fold

# Target fields of a client row. "contact_*" go to a contact person attached to the client.
CLIENT_TARGETS = (
    "name",
    "full_name",
    "kind",
    "inn",
    "kpp",
    "ogrn",
    "phone",
    "email",
    "legal_address",
    "postal_address",
    "city",
    "industry",
    "status",
    "source",
    "owner",
    "tags",
    "notes",
    "bank_name",
    "bik",
    "account",
    "corr_account",
)
CONTACT_TARGETS = ("contact_name", "contact_position", "contact_phone", "contact_email", "contact_birth_date")
TARGETS = CLIENT_TARGETS + CONTACT_TARGETS + ("client_no",)
IDENTIFIERS = ("inn", "kpp", "ogrn", "bik", "account", "corr_account")

_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "наименование",
        "название",
        "компания",
        "название организации",
        "наименование организации",
        "организация",
        "клиент",
        "контрагент",
        "краткое наименование",
        "название компании",
        "фирма",
        "name",
        "company",
        "company name",
        "client",
        "client name",
        "account name",
        "organization",
        "organisation",
        "short name",
    ),
    "full_name": (
        "полное наименование",
        "полное название",
        "юридическое наименование",
        "полное наименование организации",
        "legal name",
        "full legal name",
        "registered name",
    ),
    "kind": (
        "вид",
        "вид клиента",
        "тип клиента",
        "тип",
        "правовая форма",
        "kind",
        "client kind",
        "client type",
        "type",
    ),
    "inn": ("инн", "инн организации", "инн клиента", "инн контрагента", "inn", "tax id", "taxpayer id"),
    "kpp": ("кпп", "kpp"),
    "ogrn": ("огрн", "огрнип", "огрн огрнип", "огрн/огрнип", "ogrn", "ogrnip", "ogrn/ogrnip", "registration number"),
    "phone": (
        "телефон",
        "тел",
        "тел.",
        "телефоны",
        "телефон организации",
        "контактный телефон",
        "рабочий телефон",
        "номер телефона",
        "phone",
        "phone number",
        "telephone",
        "tel",
        "tel.",
        "company phone",
    ),
    "email": (
        "e-mail",
        "email",
        "e mail",
        "эл. почта",
        "эл почта",
        "электронная почта",
        "почта",
        "адрес электронной почты",
        "e-mail организации",
        "mail",
        "email address",
        "e-mail address",
    ),
    "legal_address": (
        "юридический адрес",
        "юр. адрес",
        "юр адрес",
        "адрес",
        "адрес регистрации",
        "legal address",
        "address",
        "registered address",
    ),
    "postal_address": (
        "почтовый адрес",
        "фактический адрес",
        "адрес доставки",
        "postal address",
        "mailing address",
        "actual address",
    ),
    "city": ("город", "населенный пункт", "населённый пункт", "city", "town"),
    "industry": (
        "отрасль",
        "сфера",
        "сфера деятельности",
        "вид деятельности",
        "оквэд",
        "отрасль оквэд",
        "industry",
        "sector",
        "okved",
    ),
    "status": ("статус", "статус клиента", "status", "stage", "client status"),
    "source": ("источник", "откуда пришел", "откуда пришёл", "канал", "source", "lead source", "channel"),
    "owner": (
        "ответственный",
        "менеджер",
        "ответственный менеджер",
        "owner",
        "manager",
        "account manager",
        "sales rep",
    ),
    "tags": ("метки", "теги", "тэги", "метка", "тег", "tags", "labels"),
    "notes": (
        "примечание",
        "примечания",
        "комментарий",
        "комментарии",
        "заметки",
        "заметка",
        "описание",
        "notes",
        "note",
        "comment",
        "comments",
        "description",
    ),
    "bank_name": ("банк", "наименование банка", "bank", "bank name"),
    "bik": ("бик", "бик банка", "bik", "bic"),
    "account": (
        "расчетный счет",
        "расчётный счёт",
        "расчетный счёт",
        "р/с",
        "р с",
        "рс",
        "счет",
        "счёт",
        "settlement account",
        "account",
        "bank account",
    ),
    "corr_account": (
        "корр. счет",
        "корр счет",
        "корреспондентский счет",
        "корреспондентский счёт",
        "к/с",
        "к с",
        "кс",
        "корр. счёт",
        "correspondent account",
        "corr. account",
    ),
    "contact_name": (
        "контактное лицо",
        "фио",
        "ф.и.о.",
        "фио контакта",
        "контакт",
        "представитель",
        "contact",
        "contact person",
        "contact name",
        "full name",
        "person",
    ),
    "contact_position": ("должность", "должность контакта", "position", "job title", "title", "role"),
    "contact_phone": (
        "телефон контакта",
        "телефон контактного лица",
        "мобильный",
        "мобильный телефон",
        "моб. телефон",
        "моб телефон",
        "сотовый",
        "contact phone",
        "mobile",
        "mobile phone",
        "cell",
    ),
    "contact_email": ("e-mail контакта", "email контакта", "почта контакта", "contact email", "contact e-mail"),
    "contact_birth_date": ("дата рождения", "день рождения", "др", "birth date", "birthday", "date of birth", "dob"),
    "client_no": ("№", "№ клиента", "номер клиента", "client no.", "client no", "client id", "id клиента", "no."),
}

# Sheets of a SalesDesk export besides the clients: their columns, in Russian and English.
SHEET_KINDS = {
    "contacts": ("контактные лица", "контакты", "contact persons", "contacts"),
    "deals": ("сделки", "deals"),
    "reminders": ("напоминания", "reminders"),
    "interactions": ("история контактов", "история", "contact history", "history", "interactions"),
    # the audit trail of a full export: never imported (the trail tells what happened in the base
    # it came from), never taken for the clients
    "changes": ("история изменений", "change history", "changes"),
}
_SHEET_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "contacts": {
        "client_no": ("№ клиента", "client no."),
        "full_name": ("фио", "full name"),
        "position": ("должность", "position"),
        "birth_date": ("дата рождения", "birth date"),
        "phones": ("телефоны", "phones"),
        "emails": ("e-mail", "эл. почта", "e-mails"),
        "is_primary": ("основной", "main"),
        "note": ("примечание", "note"),
    },
    "deals": {
        "client_no": ("№ клиента", "client no."),
        "title": ("сделка", "deal"),
        "stage": ("стадия", "stage"),
        "amount": ("сумма", "amount"),
        "currency": ("валюта", "currency"),
        "opened_on": ("открыта", "opened"),
        "closed_on": ("закрыта", "closed"),
        "contract_end": ("окончание договора", "contract ends"),
        "lost_reason": ("причина проигрыша", "reason lost"),
        "owner": ("ответственный", "owner"),
    },
    "reminders": {
        "client_no": ("№ клиента", "client no."),
        "due_at": ("срок", "due"),
        "text": ("текст", "text"),
        "recurrence": ("повтор", "repeat"),
        "done_at": ("выполнено", "done"),
        "manager": ("менеджер", "manager"),
    },
    "interactions": {
        "client_no": ("№ клиента", "client no."),
        "occurred_at": ("когда", "when"),
        "kind": ("вид", "kind"),
        "summary": ("содержание", "summary"),
        "result": ("итог", "result"),
        "manager": ("менеджер", "manager"),
    },
}


def sheet_kind(name: str) -> str | None:
    """Which part of a SalesDesk export a sheet holds, by its name ("Контактные лица", "Deals", "История контактов")."""
    # "Сделки (2)": a sheet an export went on in (not "Сделки (2023)", a user's sheet of a year)
    key = header_key(re.sub(r"\s*\(\d{1,3}\)\s*$", "", name))
    return next((kind for kind, names in SHEET_KINDS.items() if key in {header_key(n) for n in names}), None)


def sheet_mapping(kind: str, headers: Sequence[str]) -> dict[int, str]:
    aliases = {header_key(a): field for field, names in _SHEET_ALIASES[kind].items() for a in names}
    return {i: aliases[header_key(h)] for i, h in enumerate(headers) if header_key(h) in aliases}


def header_key(text: str) -> str:
    """A header as compared with the aliases: folded, punctuation as single spaces."""
    return " ".join(re.split(r"[\W_]+", fold(text))).strip()


_LOOKUP = {header_key(alias): target for target, aliases in _ALIASES.items() for alias in aliases}


def target_of(header: str) -> str | None:
    """The field a header names, if it is one we know."""
    key = header_key(header)
    if not key:
        return None
    return _LOOKUP.get(key)


def guess_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Column index -> target field; each field taken by its first column only."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        target = target_of(header)
        if target is not None and target not in taken:
            mapping[index] = target
            taken.add(target)
    return mapping


def find_header_row(rows: Sequence[Sequence[object]], look: int = 20) -> int | None:
    """The row (0-based) among the first *look* that names the most known columns (at least two)."""
    best, best_count = None, 1
    for index, row in enumerate(rows[:look]):
        count = len(guess_mapping([text_of(c) for c in row]))
        if count > best_count:
            best, best_count = index, count
    return best


# Cells --------------------------------------------------------------------------------------------


def text_of(cell: object) -> str:
    """Text of any cell: numbers without a spurious ".0", dates as dd.mm.yyyy, spaces collapsed."""
    if type(cell) is str:  # nearly every cell: decided before the other types are tried
        return collapse_spaces(cell)
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "да" if cell else "нет"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    if isinstance(cell, datetime):
        return cell.strftime("%d.%m.%Y %H:%M") if (cell.hour, cell.minute) != (0, 0) else cell.strftime("%d.%m.%Y")
    if isinstance(cell, date):
        return cell.strftime("%d.%m.%Y")
    return collapse_spaces(str(cell))


@dataclass(frozen=True, slots=True)
class Identifier:
    value: str
    repaired_from: str | None = None  # the text before a leading zero was restored
    lost_digits: bool = False  # the spreadsheet rounded it (too long for a double, or shown in exponent form)


# A number in exponent form, as a spreadsheet shows a long number and as it saves it to CSV:
# "7,70708E+09", "7.70708E+09", "7.70708e9". Only six significant digits are left of it.
_EXPONENT = re.compile(r"^\s*[+-]?\d+(?:[.,]\d*)?\s*[eE]\s*[+-]?\d+\s*$")


_SPACES_AND_DASHES = re.compile(r"[\s\u00a0\-]")


def identifier_of(cell: object, field: str) -> Identifier:
    """An identifier cell as text; a lost leading zero restored only where the checksum holds."""
    if cell is None or cell == "":
        return Identifier("")
    # A KPP may hold Latin capitals ("01000E000" is a KPP), and nine digits are never shown in
    # exponent form by a spreadsheet: the exponent reading is for the long, all-digit identifiers.
    exponent = field != "kpp" and isinstance(cell, str) and _EXPONENT.match(cell) is not None
    if lost_digits(cell) or exponent:
        return Identifier(identifier_from_cell(cell), lost_digits=True)
    text = identifier_from_cell(cell)
    text = _SPACES_AND_DASHES.sub("", text)
    fixed = restore_leading_zero(field, text)
    if fixed is not None:
        return Identifier(fixed, repaired_from=text)
    return Identifier(text)


def phone_of(cell: object) -> str:
    """A phone cell: 84951234567.0 (a number) becomes "84951234567"; text stays as typed."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, int) and not isinstance(cell, bool):
        return str(cell)
    return text_of(cell)


_EXCEL_EPOCH = date(1899, 12, 30)
# Excel counts 29 February 1900, a day that never was (Lotus 1-2-3 did); serials before it start a day later.
_EARLY_EPOCH = date(1899, 12, 31)
_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y.%m.%d")


def date_of(cell: object) -> date | None | str:
    """A date cell: a date, an Excel serial number, or text in a common form.

    Returns None for an empty cell and the text itself when it is not a date (so the caller can
    say which value was wrong).
    """
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if 1 <= cell < 61:
            return _EARLY_EPOCH + timedelta(days=min(int(cell), 59))  # serial 60 is that day: take the 28th
        if 61 <= cell < 2958466:  # Excel's serial range up to 9999-12-31
            return _EXCEL_EPOCH + timedelta(days=int(cell))
        return str(cell)
    text = collapse_spaces(str(cell))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    typed = date_from_text(text)
    return typed if typed is not None else text


_DMY_RE = re.compile(r"^(\d{1,2})[./,\- ](\d{1,2})[./,\- ](\d{4}|\d{2})$")
_YMD_RE = re.compile(r"^(\d{4})[./\- ](\d{1,2})[./\- ](\d{1,2})$")


def date_from_text(text: str) -> date | None | str:
    """A date as a person types it: 15.03.1985, 15/03/1985, 15-03-85, 1985-03-15, or digits only
    (15031985, 150385, and 19850315 when the day-first reading is no date).

    None for empty text; the text itself when it is not a date. Two-digit years follow the usual
    rule of spreadsheets: 00-68 are 2000-2068, 69-99 are 1969-1999.
    """
    text = text.strip()
    if not text:
        return None
    candidates: list[tuple[str, str, str]] = []
    if match := _DMY_RE.match(text):
        candidates.append((match[1], match[2], match[3]))
    elif match := _YMD_RE.match(text):
        candidates.append((match[3], match[2], match[1]))
    elif text.isascii() and text.isdigit():
        if len(text) == 8:
            candidates += [(text[:2], text[2:4], text[4:]), (text[6:], text[4:6], text[:4])]
        elif len(text) == 6:
            candidates.append((text[:2], text[2:4], text[4:]))
    for day, month, year in candidates:
        full_year = int(year) if len(year) == 4 else (2000 if int(year) <= 68 else 1900) + int(year)
        try:
            return date(full_year, int(month), int(day))
        except ValueError:
            continue
    return text


def notes_of(cell: object) -> str:
    """A notes cell: line breaks kept (a note is written in paragraphs), the ends trimmed."""
    if isinstance(cell, str):
        return clean_notes(cell)
    return text_of(cell)


def split_list(text: str) -> tuple[str, ...]:
    """Tags and the like: separated by commas, semicolons or new lines."""
    return tuple(part.strip() for part in _LIST_SEPARATOR.split(text) if part.strip())


_LIST_SEPARATOR = re.compile(r"[,;\n]")
