"""Cells as spreadsheets really hold them, generated: identifiers, any text, dates, CSV guards.

Properties, each over many generated cells:
(a) an identifier cell — a number, a float, text with spaces, NBSP or dashes, with or without a
    lost leading zero — never turns into a wrong-but-valid identifier;
(b) whatever a person typed as a client's name or note survives the trip through a workbook or a
    CSV (ours or theirs) exactly as the card would have stored it;
(c) date cells — Excel serials, dd.mm.yyyy, ISO text, real dates — mean the right day;
(d) the CSV guard never lets a cell start like a formula, and our reader takes it off again.
The bugs these properties found are pinned by small explicit tests below.
"""

from __future__ import annotations

import csv
import gc
import io
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import text as sql_text

from salesdesk.domain.model import ClientFields
from salesdesk.domain.requisites import check_kpp, inn_check_digits, is_valid_inn, ogrn_check_digit
from salesdesk.domain.spreadsheet import date_of, identifier_of
from salesdesk.domain.text import collapse_spaces
from salesdesk.domain.validation import clean_client, client_problems
from salesdesk.files.reading import read_sheet
from salesdesk.files.writing import DANGEROUS_START, CsvWriter, csv_safe, looks_guarded
from salesdesk.services import clients, exporting, importing
from salesdesk.services.importing import DuplicatePolicy, ImportOptions
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url

Uow = Callable[[], UnitOfWork]
DB_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
FAST_SETTINGS = settings(max_examples=300, deadline=None)
CREATE = ImportOptions(on_duplicate=DuplicatePolicy.CREATE)  # keep every row: names may repeat

# (a) Identifiers ----------------------------------------------------------------------------------------

DIGITS = "0123456789"
REGIONS = st.integers(1, 99).map(lambda r: f"{r:02d}")  # no region 00: two lost zeros are not a case


def _inn10(region: str, rest: str) -> str:
    return region + rest + inn_check_digits(region + rest)


def _inn12(region: str, rest: str) -> str:
    return region + rest + inn_check_digits(region + rest)


INN10 = st.builds(_inn10, REGIONS, st.text(DIGITS, min_size=7, max_size=7))
INN12 = st.builds(_inn12, REGIONS, st.text(DIGITS, min_size=8, max_size=8))
KPP = st.builds(
    lambda region, office, reason, number: region + office + reason + number,
    REGIONS,
    st.text(DIGITS, min_size=2, max_size=2),
    st.text(DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    st.text(DIGITS, min_size=3, max_size=3),
)
BIK = st.text(DIGITS, min_size=7, max_size=7).map(lambda rest: "04" + rest)
IDENTIFIERS = st.one_of(
    INN10.map(lambda v: ("inn", v)),
    INN12.map(lambda v: ("inn", v)),
    KPP.map(lambda v: ("kpp", v)),
    BIK.map(lambda v: ("bik", v)),
)
SEPARATORS = st.sampled_from([" ", "\u00a0", "-", "  ", " - "])


@st.composite
def spread(draw: st.DrawFn, text: str) -> str:
    """*text* with spaces, NBSPs or dashes between some digits, as people paste identifiers."""
    out = []
    for index, char in enumerate(text):
        if index and draw(st.integers(0, 3)) == 0:
            out.append(draw(SEPARATORS))
        out.append(char)
    return draw(st.sampled_from(["", " ", "\u00a0"])) + "".join(out) + draw(st.sampled_from(["", " ", "\u00a0"]))


@st.composite
def as_cell(draw: st.DrawFn, value: str) -> object:
    """*value* as a spreadsheet may hand it over: text as typed, or a number (zero lost)."""
    forms: list[st.SearchStrategy[object]] = [st.just(value), spread(value)]
    if value.isdigit():
        number = int(value)
        forms += [
            st.just(number),
            st.just(float(number)),
            st.just(str(number)),
            st.just(f"{number}.0"),
            spread(str(number)),
        ]
    return draw(st.one_of(forms))


def _valid(field: str, value: str) -> bool:
    if field == "inn":
        return is_valid_inn(value)
    if field == "kpp":
        return check_kpp(value) is None
    return len(value) == 9 and value.isdigit() and value.startswith("04")


@FAST_SETTINGS
@given(st.data(), IDENTIFIERS)
@example(None, ("inn", "0274062111")).via("docs/spreadsheets.md: Bashkortostan, stored as 274062111")
@example(None, ("inn", "023148909438")).via("docs/requisites.md: a synthetic sole trader in region 02")
@example(None, ("kpp", "027401001")).via("a KPP stored as 27401001")
@example(None, ("bik", "044525225")).via("Sberbank's BIK stored as 44525225")
def test_an_identifier_cell_gives_back_exactly_the_identifier(
    data: st.DataObject | None, identifier: tuple[str, str]
) -> None:
    field, original = identifier
    assert _valid(field, original)
    cells = (
        [
            original,
            int(original) if original.isdigit() else original,
            float(original) if original.isdigit() else original,
        ]
        if data is None
        else [data.draw(as_cell(original))]
    )
    for cell in cells:
        found = identifier_of(cell, field)
        assert found.value == original, (cell, found)
        assert not found.lost_digits
        if found.repaired_from is not None:  # a repair restores exactly the one zero that was lost
            assert original.startswith("0") and found.repaired_from == original[1:]


@FAST_SETTINGS
@given(
    st.sampled_from(["inn", "kpp", "bik"]),
    st.integers(1, 11).flatmap(lambda n: st.text(DIGITS, min_size=n, max_size=n)),
    st.sampled_from([str, int, float]),
)
def test_a_repair_only_ever_adds_one_zero_and_gives_a_valid_identifier(
    field: str, digits: str, form: Callable[[str], object]
) -> None:
    cell = form(digits)
    found = identifier_of(cell, field)
    typed = str(int(digits)) if form is not str else digits
    if found.repaired_from is None:
        assert found.value == typed  # as it was (the rules then judge it)
    else:
        assert found.repaired_from == typed and found.value == "0" + typed and _valid(field, found.value)
        assert len(found.value) in {"inn": (10, 12), "kpp": (9,), "bik": (9,)}[field]


@FAST_SETTINGS
@given(st.sampled_from(["1", "5"]), st.text(DIGITS, min_size=11, max_size=11), st.sampled_from([str, int, float]))
def test_an_ogrn_is_never_padded(first: str, rest: str, form: Callable[[str], object]) -> None:
    ogrn = first + rest + ogrn_check_digit(first + rest)
    found = identifier_of(form(ogrn), "ogrn")
    assert (found.value, found.repaired_from, found.lost_digits) == (ogrn, None, False)


@FAST_SETTINGS
@given(
    st.text(DIGITS, min_size=20, max_size=20).filter(lambda a: not a.startswith("0")),
    st.sampled_from(["account", "corr_account"]),
)
def test_an_account_stored_as_a_number_is_reported_never_fixed(account: str, field: str) -> None:
    found = identifier_of(float(account), field)  # what a spreadsheet keeps of 20 digits: a double
    assert found.lost_digits and found.repaired_from is None
    assert found.value != account and not found.value.isdigit()


# (b) Text a person typed ---------------------------------------------------------------------------------

FORMULA_STARTS = st.sampled_from(
    [
        "=",
        "+",
        "-",
        "@",
        "\t",
        "\r",
        "\n",
        "＝",
        "＋",
        "－",
        "＠",
        "﹦",
        "﹢",
        "=-",
        "=HYPERLINK(",
        "=cmd|' /C calc'!A0",
        "@SUM(",
        "+7 ",
        "-1",
        " =",
        "'",
        "''",
    ]
)
FULL_WIDTH = st.text(st.sampled_from("ＡＢＣａｂｃ０１２９＝＋－＠　（）「」ーＯＯＯ«»№"), max_size=30)
ANY_CHARACTER = st.characters(blacklist_categories=("Cs",))  # controls, full-width, combining, RTL...
CYRILLIC = st.text(
    st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ «»-.,0123"),
    min_size=1,
    max_size=30,
)
TEXT = st.one_of(
    st.text(ANY_CHARACTER, max_size=40),
    st.builds(lambda start, rest: start + rest, FORMULA_STARTS, st.text(ANY_CHARACTER, max_size=20)),
    FULL_WIDTH,
    CYRILLIC,
    st.text(ANY_CHARACTER, min_size=250, max_size=300),  # up to the 300-character limit of a name
)
LONG_NOTE = st.text(ANY_CHARACTER, min_size=1000, max_size=3000)


def _no_xlsx_controls(text: str) -> str:
    """openpyxl cannot write these control characters at all (nor can Excel hold them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _for(kind: str, text: str) -> str:
    """What can be in a cell of *kind* at all: xlsx holds no control characters, and a NUL makes
    a CSV a binary file (refused as not a spreadsheet)."""
    return _no_xlsx_controls(text) if kind == "xlsx" else text.replace("\0", "")


def _rows(kind: str) -> st.SearchStrategy[list[tuple[str, str]]]:
    """Rows of (name, note) a person could type in a *kind* file, with names the card accepts."""
    names = TEXT.map(lambda t: _for(kind, t)).filter(lambda t: 0 < len(collapse_spaces(t)) <= 300)
    notes = st.one_of(TEXT, LONG_NOTE).map(lambda t: _for(kind, t))
    return st.lists(st.tuples(names, notes), min_size=1, max_size=6)


def _as_read(kind: str, typed: str) -> str:
    """A workbook cell that starts with an apostrophe before a formula character or another
    apostrophe reads as a CSV guard that a spreadsheet kept (files/writing.looks_guarded): the
    import takes that apostrophe off. A person types such a cell only on purpose (three keys in
    Excel, whose own leading apostrophe is not part of the value)."""
    return typed[1:] if kind == "xlsx" and looks_guarded(typed) else typed


def _card(name: str, notes: str) -> ClientFields | None:
    """What the card editor would store for this typing, or None if it would refuse it."""
    card = clean_client(ClientFields(name=name, notes=notes))
    if any(p.blocking for p in client_problems(card)):
        return None
    return card


def _same_note(stored: str, expected: str) -> None:
    assert stored == expected


def _new_rows(database: Database, after: int) -> list[tuple[int, str, str]]:
    with database.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(  # type: ignore[misc]
                sql_text("SELECT id, name, notes FROM clients WHERE id > :after ORDER BY id"), {"after": after}
            ).all()
        ]


def _last_id(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM clients").scalar_one())


def _typed_workbook(path: Path, rows: list[tuple[str, str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Наименование", "Примечание", "Город"])
    for number, (name, notes) in enumerate(rows, start=2):
        sheet.append([name, notes, "Москва"])
        for cell in sheet[number][:2]:
            cell.data_type = "s"  # typed text, even "=1+2": what a person typing an apostrophe gets
    book.save(path)
    return path


def _typed_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    writer = CsvWriter(path, ["Наименование", "Примечание", "Город"])
    for name, notes in rows:
        writer.append([name, notes, "Москва"])
    writer.close()
    return path


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_what_a_person_typed_in_a_spreadsheet_is_what_the_card_stores(
    uow: Uow, database: Database, tmp_path: Path, kind: str
) -> None:
    files = iter(range(10**6))

    @DB_SETTINGS
    @given(_rows(kind))
    def check(rows: list[tuple[str, str]]) -> None:
        cards = [_card(_as_read(kind, n), _as_read(kind, t)) for n, t in rows]
        assume(all(cards))
        path = tmp_path / f"typed{next(files)}.{kind}"
        (_typed_workbook if kind == "xlsx" else _typed_csv)(path, rows)
        last = _last_id(database)
        result = importing.run_import(uow(), path, CREATE, error_dir=tmp_path)
        assert (result.created, result.rejected) == (len(rows), 0), result.plan.rows
        stored = _new_rows(database, last)
        assert [name for _, name, _ in stored] == [c.name for c in cards if c]
        for (_, _, notes), card in zip(stored, cards, strict=True):
            assert card is not None
            _same_note(notes, card.notes)

    check()


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_our_export_imports_back_unchanged(tmp_path: Path, kind: str) -> None:
    source = open_database(resolve_url(tmp_path / "source.sqlite"))
    target = open_database(resolve_url(tmp_path / "target.sqlite"))
    files = iter(range(10**6))

    # In xlsx no control characters: the card takes them, but exporting them is a BUG (see
    # test_a_name_with_a_control_character_can_be_exported).
    @DB_SETTINGS
    @given(_rows(kind))
    def check(rows: list[tuple[str, str]]) -> None:
        assume(all(_card(n, t) for n, t in rows))
        ids = [clients.create_client(UnitOfWork(source), ClientFields(name=n, notes=t)).id for n, t in rows]
        stored = [(c.name, c.notes) for c in (clients.get_client(UnitOfWork(source), i) for i in ids)]
        path = exporting.export_clients(UnitOfWork(source), tmp_path / f"export{next(files)}.{kind}", ids=ids).path
        last = _last_id(target)
        result = importing.run_import(UnitOfWork(target), path, CREATE, error_dir=tmp_path)
        assert (result.created, result.rejected) == (len(rows), 0), result.plan.rows
        back = _new_rows(target, last)
        assert [name for _, name, _ in back] == [name for name, _ in stored]
        for (_, _, notes), (_, expected) in zip(back, stored, strict=True):
            _same_note(notes, expected)

    try:
        check()
    finally:
        source.dispose()
        target.dispose()


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_note_keeps_its_line_breaks_through_an_import(uow: Uow, tmp_path: Path, kind: str) -> None:
    note = "Звонить после 15:00\nбухгалтер — Мария\n\nадрес:  склад №2"
    path = (_typed_workbook if kind == "xlsx" else _typed_csv)(tmp_path / f"notes.{kind}", [("ООО «Ёлка»", note)])
    importing.run_import(uow(), path, error_dir=tmp_path)
    [row] = clients.list_clients(uow()).rows
    assert clients.get_client(uow(), row.id).notes == note


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_text_starting_with_an_apostrophe_survives_a_round_trip(uow: Uow, tmp_path: Path, kind: str) -> None:
    # an apostrophe before a formula character reads like our own guard: the export adds one more
    clients.create_client(uow(), ClientFields(name="'=Цитата", notes="'+ плюс"))
    clients.create_client(uow(), ClientFields(name="'@", notes="'обычный текст"))
    path = exporting.export_clients(uow(), tmp_path / f"out.{kind}").path
    rows = read_sheet(path).rows
    notes = rows[0].index("Notes")
    assert sorted((r[1], r[notes]) for r in rows[1:]) == [("'=Цитата", "'+ плюс"), ("'@", "'обычный текст")]
    clients.create_client(uow(), ClientFields(name="''двойной", notes="'"))
    target = tmp_path / "back.sqlite"
    back = open_database(resolve_url(target))
    try:
        path = exporting.export_clients(uow(), tmp_path / f"all.{kind}").path
        assert importing.run_import(UnitOfWork(back), path, CREATE, error_dir=tmp_path).created == 3
        assert sorted(
            (c.name, clients.get_client(UnitOfWork(back), c.id).notes)
            for c in clients.list_clients(UnitOfWork(back)).rows
        ) == [("''двойной", "'"), ("'=Цитата", "'+ плюс"), ("'@", "'обычный текст")]
    finally:
        back.dispose()


@contextmanager
def _openpyxl_left_behind() -> Iterator[None]:
    """Collect what a failed write-only workbook leaves behind while the test still runs.

    When openpyxl raises mid-write, its row generators stay open; their finalizers, run by a later
    garbage collection inside pytest's own ast.parse of the traceback, trip a CPython 3.11.7 bug
    ("SystemError: AST constructor recursion depth mismatch") and abort the whole session.
    """
    try:
        yield
    finally:
        gc.collect()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_name_with_a_control_character_can_be_exported(uow: Uow, tmp_path: Path) -> None:
    source = tmp_path / "1c.csv"
    source.write_text("Наименование;Примечание\nООО «Звонок\x07»;вкладка\x0bстрока\n", encoding="utf-8")
    assert importing.run_import(uow(), source, error_dir=tmp_path).created == 1
    with _openpyxl_left_behind():
        path = exporting.export_clients(uow(), tmp_path / "out.xlsx").path
    assert read_sheet(path).rows[1][1].startswith("ООО «Звонок")  # type: ignore[union-attr]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_rejected_row_with_a_control_character_still_gets_an_error_file(uow: Uow, tmp_path: Path) -> None:
    source = tmp_path / "1c.csv"
    source.write_text("Наименование;ИНН\nООО «Звонок\x07»;7707083894\nООО «Норма»;7707083893\n", encoding="utf-8")
    with _openpyxl_left_behind():
        result = importing.run_import(uow(), source, error_dir=tmp_path)
    assert (result.created, result.rejected) == (1, 1) and result.error_file is not None


def test_a_small_csv_with_a_multi_line_note_is_read_with_its_delimiter(uow: Uow, tmp_path: Path) -> None:
    path = tmp_path / "Клиенты.csv"
    path.write_text(
        'Наименование;Примечание;Город\nООО «Ёлка»;"Доставка: пн, вт, ср, чт, пт\nпосле 15:00";Москва\n',
        encoding="utf-8",
    )
    result = importing.run_import(uow(), path, error_dir=tmp_path)
    assert result.created == 1


# (c) Dates -------------------------------------------------------------------------------------------------

EPOCH = date(1899, 12, 30)
DATES = st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31))  # Excel's 29.02.1900 is fictitious


def _serial(day: date) -> int:
    return (day - EPOCH).days


@FAST_SETTINGS
@given(DATES, st.floats(0, 0.999, allow_nan=False))
def test_a_date_cell_in_any_common_form_means_that_day(day: date, fraction: float) -> None:
    forms: list[object] = [
        day,
        datetime.combine(day, time(13, 45)),
        _serial(day),
        float(_serial(day)),
        _serial(day) + fraction,
        day.strftime("%d.%m.%Y"),
        f"{day.day}.{day.month}.{day.year}",
        day.isoformat(),
        day.strftime("%d/%m/%Y"),
        f" {day.strftime('%d.%m.%Y')}\u00a0",
    ]
    for cell in forms:
        assert date_of(cell) == day, cell


@settings(max_examples=15, deadline=None)
@given(st.lists(DATES, min_size=1, max_size=8))
def test_dates_written_by_a_spreadsheet_read_back_as_the_same_days(
    tmp_path_factory: pytest.TempPathFactory, days: list[date]
) -> None:
    path = tmp_path_factory.mktemp("dates") / "dates.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Дата", "Серийный номер", "Текст", "ISO"])
    for day in days:
        sheet.append([day, _serial(day), day.strftime("%d.%m.%Y"), day.isoformat()])
        for cell in sheet[sheet.max_row][2:]:
            cell.data_type = "s"
    book.save(path)
    rows = read_sheet(path).rows[1:]
    assert [[date_of(c) for c in row] for row in rows] == [[day] * 4 for day in days]


def test_the_first_serials_of_1900_are_excel_s_days() -> None:
    assert (date_of(1), date_of(59), date_of(61)) == (date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1))


def test_text_that_is_not_a_date_is_handed_back_for_the_message() -> None:
    for text in ("31.02.2024", "завтра", "2024-13-01", "1.1"):
        assert date_of(text) == text
    assert date_of(None) is None and date_of("") is None
    assert date_of(-5) == "-5" and date_of(3_000_000) == "3000000"
    assert date_of(1) != date_of(2) and date_of(2958465) == date(9999, 12, 31)
    assert date_of(_serial(date(2024, 2, 29)) + 0.5) == date(2024, 2, 29)
    assert date_of(datetime(2024, 2, 29, 23, 59)) == date(2024, 2, 29)


# (d) The CSV guard --------------------------------------------------------------------------------------------


@FAST_SETTINGS
@given(st.one_of(st.text(ANY_CHARACTER), st.builds(lambda s, r: s + r, FORMULA_STARTS, st.text(ANY_CHARACTER))))
@example("＝1+1").via("full-width equals sign, docs/spreadsheets.md")
@example("﹦1+1").via("small equals sign: NFKC makes it '='")
@example("\u2a75").via("two equals signs in one character")
def test_csv_safe_never_starts_like_a_formula(text: str) -> None:
    safe = csv_safe(text)
    assert not unicodedata.normalize("NFKC", safe).startswith(DANGEROUS_START)
    assert safe in (text, "'" + text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(ANY_CHARACTER.filter(lambda c: c != "\0")),
            st.builds(
                lambda s, r: s + r, FORMULA_STARTS, st.text(ANY_CHARACTER.filter(lambda c: c != "\0"), max_size=10)
            ),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_our_csv_reader_gives_back_what_the_csv_writer_guarded(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    path = tmp_path_factory.mktemp("csv") / "cells.csv"
    writer = CsvWriter(path, ["Наименование", "Примечание", "Город"])
    for text in texts:
        writer.append([text, text, "Москва"])
    writer.close()
    raw = path.read_text(encoding="utf-8-sig")
    for row in list(csv.reader(io.StringIO(raw, newline=""), delimiter=";"))[1:]:
        assert not any(unicodedata.normalize("NFKC", c).startswith(DANGEROUS_START) for c in row)
    rows = read_sheet(path).rows
    assert [row[:2] for row in rows[1:]] == [[t, t] for t in texts]
