"""The command line of issue 12's erasure: `trash empty`, `erase contact|client`, `person export`;
the automatic emptying at the window's start; and the person workbook's content."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from salesdesk.cli import main
from salesdesk.domain.model import ClientFields, ClientKind, ContactFields, InteractionFields, InteractionKind
from salesdesk.gui import tidy_at_start
from salesdesk.services import clients, contacts, erasure, history
from salesdesk.settings import SeatSettings
from salesdesk.store import UnitOfWork, open_database, resolve_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", str(path)]) == 0
    return path


def _with(path: Path, fn):  # type: ignore[no-untyped-def]
    database = open_database(resolve_url(path))
    try:
        return fn(lambda: UnitOfWork(database))
    finally:
        database.dispose()


def _fill(path: Path) -> dict[str, int]:
    def fill(uow):  # type: ignore[no-untyped-def]
        company = clients.create_client(uow(), ClientFields(name="ООО «Вектор»", phone="+7 495 123-45-67")).id
        other = clients.create_client(uow(), ClientFields(name="АО «Полюс»")).id
        person = clients.create_client(uow(), ClientFields(name="Куприянов Ерофей", kind=ClientKind.PERSON)).id
        agata = contacts.add_contact(
            uow(),
            company,
            ContactFields(
                full_name="Смородинова Агата",
                position="бухгалтер",
                phones=("+7 915 482-19-73",),
                emails=("agata@example.ru",),
                note='=HYPERLINK("http://x")',
            ),
        ).id
        # the same person at another client: same phone
        twin = contacts.add_contact(
            uow(), other, ContactFields(full_name="Смородинова А.", position="директор", phones=("8 915 482 19 73",))
        ).id
        at = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
        for client_id, summary, contact_id in (
            (company, "сверка актов", agata),
            (other, "звонила смородинова, просила КП", None),
            (other, "встреча с директором", twin),
            (company, "про другое", None),
            (company, "передали счёт СМОРОДИНОВОЙ", None),
        ):
            history.log_interaction(
                uow(),
                client_id,
                InteractionFields(kind=InteractionKind.CALL, occurred_at=at, summary=summary, contact_id=contact_id),
            )
        return {"company": company, "other": other, "person": person, "agata": agata, "twin": twin}

    return _with(path, fill)  # type: ignore[no-any-return]


def test_erase_without_yes_says_what_would_go_and_changes_nothing(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _fill(base)
    before = base.read_bytes()
    code, out, err = run(capsys, "--db", str(base), "erase", "client", str(ids["person"]))
    assert code == 2 and out == ""
    assert f"client #{ids['person']}" in err and "Куприянов Ерофей" in err and "--yes" in err
    assert "Backups" in err  # the rotating backups still hold it
    code, _, err = run(capsys, "--db", str(base), "erase", "contact", str(ids["agata"]))
    assert code == 2 and "Смородинова Агата" in err
    assert base.read_bytes() == before


def test_erase_with_yes_prints_json_and_the_person_is_gone(base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill(base)
    code, out, err = run(capsys, "--db", str(base), "erase", "contact", str(ids["agata"]), "--yes", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["erased"] == "contact" and data["id"] == ids["agata"] and data["removed"]["contact"] == 1
    assert data["mentions_left"] == 2  # "звонила смородинова", "…СМОРОДИНОВОЙ" stay as written
    code, out, err = run(
        capsys, "--db", str(base), "erase", "client", str(ids["person"]), "--yes", "--ground", "unlawful"
    )
    assert code == 0 and "Erased for good" in out
    records = _with(base, lambda uow: erasure.erasure_records(uow()))
    assert [(r.entity, r.entity_id, r.ground) for r in records] == [
        ("client", ids["person"], "unlawful"),
        ("contact", ids["agata"], "request"),
    ]
    code, out, _ = run(capsys, "--db", str(base), "erasures", "--json")
    listed = json.loads(out)
    assert code == 0 and [(e["entity"], e["entity_id"], e["ground"], e["removed"]) for e in listed] == [
        ("client", ids["person"], "unlawful", 1),
        ("contact", ids["agata"], "request", 1),
    ]
    assert "Смородинова" not in out and "Куприянов" not in out  # the record holds no personal data
    code, out, _ = run(capsys, "--db", str(base), "--lang", "ru", "erasures")
    assert code == 0 and "обработка неправомерна" in out and "контактное лицо №" in out


@pytest.mark.parametrize("what", ["contact", "client"])
def test_erase_an_unknown_number_is_bad_input(base: Path, capsys: pytest.CaptureFixture[str], what: str) -> None:
    code, out, err = run(capsys, "--db", str(base), "erase", what, "999", "--yes")
    assert code == 2 and out == "" and "999" in err and "Traceback" not in err


def test_erase_a_company_is_refused(base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill(base)
    code, _, err = run(capsys, "--db", str(base), "erase", "client", str(ids["company"]), "--yes")
    assert code == 2 and "company" in err


def test_erase_speaks_russian(base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill(base)
    code, _, err = run(capsys, "--db", str(base), "--lang", "ru", "erase", "client", str(ids["person"]))
    assert code == 2 and "безвозвратно" in err and "резервные копии" in err.lower()


def test_trash_empty(base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill(base)
    code, out, _ = run(capsys, "--db", str(base), "trash", "empty", "--yes", "--json")
    assert code == 0 and json.loads(out) == {
        "removed": {"client": 0, "contact": 0, "deal": 0, "reminder": 0, "interaction": 0, "attachment": 0},
        "record": None,
    }
    _with(base, lambda uow: clients.trash_client(uow(), ids["company"]))
    code, out, err = run(capsys, "--db", str(base), "trash", "empty")
    assert code == 2 and "1 client" in err and "--yes" in err
    code, out, _ = run(capsys, "--db", str(base), "trash", "empty", "--yes", "--json")
    data = json.loads(out)
    assert code == 0 and data["removed"]["client"] == 1 and data["removed"]["contact"] == 1 and data["record"] == 1
    assert _with(base, lambda uow: clients.count_clients(uow())) == 2


def test_the_window_start_empties_old_trash_only_when_the_setting_is_on(base: Path) -> None:
    ids = _fill(base)
    start = datetime(2026, 1, 10, tzinfo=UTC)
    _with(base, lambda uow: clients.trash_client(uow(), ids["company"], now=start))
    database = open_database(resolve_url(base))
    try:
        tidy_at_start(database, now=start + timedelta(days=400))  # off by default: nothing goes
        assert clients.get_client(UnitOfWork(database), ids["company"]).deleted_at is not None
        SeatSettings().trash_days = 30
        tidy_at_start(database, now=start + timedelta(days=29))
        assert clients.get_client(UnitOfWork(database), ids["company"]).deleted_at is not None
        tidy_at_start(database, now=start + timedelta(days=31))
        assert clients.count_clients(UnitOfWork(database)) == 2
        assert [r.ground for r in erasure.erasure_records(UnitOfWork(database))] == ["trash_age"]
    finally:
        database.dispose()


def test_the_person_workbook_holds_their_fields_clients_history_and_an_audit_sheet(
    base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _fill(base)
    target = tmp_path / "агата.xlsx"
    code, out, err = run(capsys, "--db", str(base), "person", "export", str(ids["agata"]), "-o", str(target), "--json")
    assert code == 0, err
    assert json.loads(out) == {"file": str(target), "clients": 2, "interactions": 4, "audit": 2}

    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Person", "Clients", "History mentions", "Audit trail", "Clients' files"]
    fields = {row[0]: row[1] for row in book["Person"].iter_rows(min_row=2, values_only=True)}
    assert fields["Full name"] == "Смородинова Агата"
    assert fields["Position"] == "бухгалтер"
    assert fields["Phones"] == "+7 915 482-19-73" and fields["E-mails"] == "agata@example.ru"
    note = book["Person"].cell(row=[*fields].index("Note") + 2, column=2)
    assert note.value == '=HYPERLINK("http://x")' and note.data_type == "s"  # text, never a formula
    clients_rows = [row for row in book["Clients"].iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1], r[6]) for r in clients_rows] == [
        (ids["company"], "ООО «Вектор»", "бухгалтер"),
        (ids["other"], "АО «Полюс»", "директор"),
    ]
    mentions = sorted((r[4], r[7]) for r in book["History mentions"].iter_rows(min_row=2, values_only=True))
    assert mentions == [
        ("встреча с директором", "link to the person"),
        ("звонила смородинова, просила КП", "name in the text"),
        ("передали счёт СМОРОДИНОВОЙ", "name in the text"),
        ("сверка актов", "link to the person"),
    ]
    audit = list(book["Audit trail"].iter_rows(values_only=True))
    assert audit[0][:3] == ("When", "Manager", "Record") and len(audit) == 3  # both rows' creation


def test_the_person_workbook_lists_the_files_of_their_clients(
    base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from salesdesk.services import attachments

    ids = _fill(base)

    def attach(uow):  # type: ignore[no-untyped-def]
        from salesdesk.domain.birthdays import YEAR_UNKNOWN

        agata = next(c for c in contacts.list_contacts(uow(), ids["company"]) if c.id == ids["agata"])
        born = dataclasses.replace(agata.fields(), birth_date=date(YEAR_UNKNOWN, 3, 12))
        contacts.update_contact(uow(), ids["agata"], agata.version, born)
        attachments.attach_bytes(uow(), ids["company"], "Доверенность Смородиновой.pdf", b"%PDF 1234567")
        old = attachments.attach_bytes(uow(), ids["other"], "Старая анкета.docx", b"PK old")
        attachments.trash_file(uow(), old)
        attachments.attach_bytes(uow(), ids["person"], "Чужой файл.pdf", b"%PDF other person")

    _with(base, attach)
    target = tmp_path / "p.xlsx"
    assert run(capsys, "--db", str(base), "person", "export", str(ids["agata"]), "-o", str(target))[0] == 0
    book = openpyxl.load_workbook(target)
    fields = {row[0]: row[1] for row in book["Person"].iter_rows(min_row=2, values_only=True)}
    assert fields["Birth date"] == "12.03 (year unknown)"  # never the year 1604 the base keeps for it
    rows = list(book["Clients' files"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Client No.", "Client", "File", "File no.", "Size, bytes")
    assert sorted((r[0], r[2], r[4], r[6]) for r in rows[1:]) == [
        (ids["company"], "Доверенность Смородиновой.pdf", 12, None),
        (ids["other"], "Старая анкета.docx", 6, "yes"),
    ]  # the files of her two clients (one in the trash), not another client's


def test_the_person_workbook_carries_the_audit_entries_about_them_on_every_client(
    base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _fill(base)

    def promote(uow):  # type: ignore[no-untyped-def]
        agata = next(c for c in contacts.list_contacts(uow(), ids["company"]) if c.id == ids["agata"])
        fields = dataclasses.replace(agata.fields(), position="главный бухгалтер")
        contacts.update_contact(uow(), ids["agata"], agata.version, fields)

    _with(base, promote)
    target = tmp_path / "p.xlsx"
    assert run(capsys, "--db", str(base), "person", "export", str(ids["agata"]), "-o", str(target))[0] == 0
    rows = list(openpyxl.load_workbook(target)["Audit trail"].iter_rows(min_row=2, values_only=True))
    # newest first: the edit of the position, then the creation of both contact rows of the person
    # (when, who, what, record, action, field, before, after, through what)
    assert [(r[3], r[4], r[5], r[6], r[7]) for r in rows[:1]] == [
        (ids["agata"], "edited", "Position", "бухгалтер", "главный бухгалтер")
    ]
    assert sorted((r[3], r[4]) for r in rows[1:]) == sorted([(ids["agata"], "created"), (ids["twin"], "created")])
    assert {r[2] for r in rows} == {"Contact person"}


def test_person_export_of_an_unknown_number_is_bad_input(
    base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(base), "person", "export", "77", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "77" in err and not (tmp_path / "x.xlsx").exists()


def test_a_busy_base_at_start_does_not_keep_the_window_from_opening(
    base: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from salesdesk.domain.errors import StoreError
    from salesdesk.domain.messages import msg

    def busy(*_args: object, **_kwargs: object) -> None:
        raise StoreError(msg("err.db_busy", where="base.sqlite", code="SQLITE_BUSY"))

    monkeypatch.setattr(erasure, "tidy_at_start", busy)
    database = open_database(resolve_url(base))
    try:
        tidy_at_start(database)  # no exception: logged, tried again at the next start
    finally:
        database.dispose()
    assert "tidying at start skipped: StoreError" in caplog.text and "base.sqlite" not in caplog.text
