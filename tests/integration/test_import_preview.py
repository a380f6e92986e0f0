"""What an import says before it writes: a dry run that writes nothing, numbers a spreadsheet
mangled, and rows that match a client under another name."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from salesdesk.cli import main
from salesdesk.domain import messages
from salesdesk.domain.duplicates import names_differ
from salesdesk.domain.model import ClientFields
from salesdesk.services import clients, importing
from salesdesk.services.importing import DuplicatePolicy, Fate, ImportOptions, NameMismatch
from salesdesk.store import UnitOfWork

Uow = Callable[[], UnitOfWork]
HEADER = ["Наименование", "ИНН", "ОГРН", "Р/с", "Телефон", "Город"]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def russian() -> object:
    before = messages.language()
    messages.set_language("ru")
    yield None
    messages.set_language(before)


# A dry run writes nothing anywhere -------------------------------------------------------------------


def test_a_dry_run_writes_no_error_file_and_its_json_lists_every_rows_fate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], uow: Uow, db_url: str
) -> None:
    elka = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893")).id
    folder = tmp_path / "in"
    folder.mkdir()
    source = workbook(
        folder / "base.xlsx",
        [
            ["ООО «Новая»", "", "", "", "+7 495 111-22-33", ""],
            ["ООО «Ёлка»", "7707083893", "", "", "", "Москва"],
            ["АО «Ошибка»", "7707083894", "", "", "", ""],
        ],
    )
    before = sorted(p.name for p in folder.iterdir())
    code = main(["--db", db_url, "import", str(source), "--dry-run", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == before  # no "… — не загружено.xlsx"
    answer = json.loads(out)
    assert answer["dry_run"] is True and answer["error_file"] is None
    rows = {r["line"]: r for r in answer["rows"]}
    assert (rows[2]["fate"], rows[2]["id"], rows[2]["reason"]) == ("new", None, None)
    assert (rows[3]["fate"], rows[3]["id"]) == ("update", elka)
    assert rows[4]["fate"] == "error" and "7707083894" in rows[4]["reason"]
    assert clients.count_clients(uow()) == 1


def test_a_dry_run_in_the_service_writes_nothing_even_with_an_error_folder(tmp_path: Path, uow: Uow) -> None:
    source = workbook(tmp_path / "base.xlsx", [["АО «Ошибка»", "7707083894", "", "", "", ""]])
    errors = tmp_path / "errors"
    result = importing.run_import(uow(), source, dry_run=True, error_dir=errors)
    assert result.rejected == 1 and result.error_file is None and result.as_json()["dry_run"] is True
    assert not errors.exists() and not [p for p in tmp_path.iterdir() if "загружено" in p.name]
    real = importing.run_import(uow(), source, error_dir=errors)
    assert real.error_file is not None and real.error_file.exists() and real.as_json()["dry_run"] is False


# Numbers a spreadsheet mangled ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "cell", "field"),
    [
        (1, "7,70708E+09", "ИНН"),
        (1, "7.70708E+09", "ИНН"),
        (1, "7.70708e9", "ИНН"),
        (1, " 7,70708E+9 ", "ИНН"),
        (2, "1,0277E+12", "ОГРН"),
        (3, 4.0702810138e19, "Расчётный счёт"),
        (3, "4,07028E+19", "Расчётный счёт"),
    ],
)
def test_a_number_the_spreadsheet_rounded_is_refused_saying_what_happened(
    tmp_path: Path, uow: Uow, russian: None, column: int, cell: object, field: str
) -> None:
    row: list[object] = ["ООО «Ёлка»", "", "", "", "", ""]
    row[column] = cell
    plan = importing.plan_import(uow(), workbook(tmp_path / "mangled.xlsx", [row]))
    (report,) = plan.rows
    assert report.fate is Fate.ERROR
    (reason,) = report.reasons
    assert "округлённое число" in reason and "цифры потеряны" in reason and "как текст" not in reason
    assert "Текстовый" in reason and "заново" in reason and field.split()[0].casefold() in reason.casefold()
    assert "только цифры" not in reason


def test_a_whole_number_cell_is_still_read_as_the_identifier(tmp_path: Path, uow: Uow) -> None:
    # what Excel keeps of an INN and an OGRN typed as numbers: exact, so they come in
    plan = importing.plan_import(
        uow(), workbook(tmp_path / "numbers.xlsx", [["ООО «Ёлка»", 7707083893.0, 1027700132195.0, "", "", ""]])
    )
    assert [r.fate for r in plan.rows] == [Fate.NEW]


def test_the_lost_digits_reason_in_english(tmp_path: Path, uow: Uow) -> None:
    before = messages.language()
    messages.set_language("en")
    try:
        plan = importing.plan_import(uow(), workbook(tmp_path / "mangled.xlsx", [["X", "7,70708E+09", "", "", "", ""]]))
    finally:
        messages.set_language(before)
    (reason,) = plan.rows[0].reasons
    assert "rounded number" in reason and "digits are lost" in reason and "Format the column as text" in reason


# Same INN, different name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        ("ПАО Сбербанк", "ООО «Ёлка»", True),
        ("ООО «Север»", "АО «Юг»", True),
        ("ООО «Ёлка»", "Елка", False),
        ("ООО «Ёлка»", "ООО «Ёлка» (дубль)", False),
        ("Публичное акционерное общество «Сбербанк России»", "ПАО Сбербанк", False),
        ("ИП Сидоров", "Сидоров Иван Петрович", False),
        ("ООО «Ромашка»", "ООО Ромашкa", False),  # a Latin "a": a typo, not another firm
        ("ООО «Рога и копыта»", "ООО Рога и Копыта", False),
        ("", "ООО «Ёлка»", False),
    ],
)
def test_names_clearly_differ_only_without_legal_forms_quotes_and_typos(first: str, second: str, differ: bool) -> None:
    assert names_differ(first, second) is differ
    assert names_differ(second, first) is differ


SBER_WITH_ELKAS_INN = [["ПАО Сбербанк", "7707083893", "", "", "", "Москва"]]


@pytest.mark.parametrize("policy", list(DuplicatePolicy))
def test_a_match_by_inn_under_another_name_is_flagged_and_never_renames_by_default(
    tmp_path: Path, uow: Uow, russian: None, policy: DuplicatePolicy
) -> None:
    elka = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893")).id
    source = workbook(tmp_path / "sber.xlsx", SBER_WITH_ELKAS_INN)
    options = ImportOptions(on_duplicate=policy, on_name_mismatch=NameMismatch.KEEP)
    plan = importing.plan_import(uow(), source, options)
    (row,) = plan.rows
    if policy is DuplicatePolicy.CREATE:  # no matching at all: a new client
        assert row.fate is Fate.NEW and not row.name_differs
    else:
        assert row.name_differs and row.name_in_base == "ООО «Ёлка»" and row.client_id == elka
        assert row.flag() == "ИНН совпадает, а название другое: в базе «ООО «Ёлка»»"
        assert plan.names_differ == 1
    importing.run_import(uow(), source, options)
    card = clients.get_client(uow(), elka)
    assert card.name == "ООО «Ёлка»"


def test_update_empty_keeps_the_name_and_overwrite_renames_as_asked(tmp_path: Path, uow: Uow) -> None:
    elka = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893")).id
    source = workbook(tmp_path / "sber.xlsx", SBER_WITH_ELKAS_INN)
    importing.run_import(uow(), source)  # the default policy: fill in what is missing
    card = clients.get_client(uow(), elka)
    assert (card.name, card.city) == ("ООО «Ёлка»", "Москва")
    importing.run_import(uow(), source, ImportOptions(on_duplicate=DuplicatePolicy.OVERWRITE))
    assert clients.get_client(uow(), elka).name == "ПАО Сбербанк"


def test_the_wizards_choices_rename_or_skip(tmp_path: Path, uow: Uow) -> None:
    elka = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893")).id
    source = workbook(tmp_path / "sber.xlsx", SBER_WITH_ELKAS_INN)
    skipped = importing.run_import(uow(), source, ImportOptions(on_name_mismatch=NameMismatch.SKIP))
    assert skipped.plan.rows[0].fate is Fate.SKIPPED and clients.get_client(uow(), elka).city == ""
    importing.run_import(uow(), source, ImportOptions(on_name_mismatch=NameMismatch.RENAME))
    assert clients.get_client(uow(), elka).name == "ПАО Сбербанк"


def test_a_match_under_the_same_name_is_not_flagged(tmp_path: Path, uow: Uow) -> None:
    clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893"))
    plan = importing.plan_import(uow(), workbook(tmp_path / "elka.xlsx", [["Ёлка", "7707083893", "", "", "", ""]]))
    assert not plan.rows[0].name_differs and plan.names_differ == 0


def test_the_command_line_shows_the_flag_in_its_summary_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], uow: Uow, db_url: str
) -> None:
    clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893", phone="+7 495 123-45-67"))
    source = workbook(tmp_path / "sber.xlsx", [["ПАО Сбербанк", "", "", "", "8 (495) 123-45-67", ""]])
    code = main(["--db", db_url, "--lang", "ru", "import", str(source), "--dry-run"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Телефон совпадает, а название другое: в базе «ООО «Ёлка»»" in err
    assert "совпадает ИНН, телефон или e-mail, а название другое: 1" in out
    main(["--db", db_url, "import", str(source), "--dry-run", "--json"])
    out, _ = capsys.readouterr()
    answer = json.loads(out)
    assert answer["names_differ"] == 1
    assert answer["rows"][0]["name_differs"] is True and answer["rows"][0]["name_in_base"] == "ООО «Ёлка»"
