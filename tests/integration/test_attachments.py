"""Files on a client (issue 15 item 5): the exact bytes in and out on both databases, the hash
checked on the way out, the size limit, hostile names, the trash, erasure, the audit trail, a move
to a server, and the three commands."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text, update

from salesdesk.domain.attachments import MAX_BYTES, clean_name, safe_file_name
from salesdesk.domain.audit import AuditQuery
from salesdesk.domain.errors import NotFoundError, UserError, ValidationError
from salesdesk.domain.model import ClientFields, ClientKind, DealFields, Money
from salesdesk.services import attachments as files
from salesdesk.services import audit, clients, deals, erasure
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url, transfer
from salesdesk.store import schema as s
from tests import server as test_server
from tests.integration.test_cli import new_base, run

EVERY_BYTE = bytes(range(256)) * 3
PDF = b"%PDF-1.4\n" + bytes(range(256)) + b"\n%%EOF\n"


def test_every_byte_value_an_empty_file_and_a_large_one_come_back_exactly(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    big = bytes(range(256)) * (4 * 1024 * 8)  # 8 MB
    ids = {
        data: files.attach_bytes(uow(), client, name, data)
        for name, data in (("Договор.pdf", EVERY_BYTE), ("пусто.txt", b""), ("прайс.xlsx", big))
    }
    for data, ident in ids.items():
        content = files.read_content(uow(), ident)
        assert content.data == data
        assert content.attachment.size == len(data)
    listed = files.list_files(uow(), client)
    assert sorted(a.name for a in listed) == ["Договор.pdf", "прайс.xlsx", "пусто.txt"]
    assert {a.id: a.size for a in listed} == {ids[d]: len(d) for d in ids}


def test_a_file_whose_bytes_changed_in_the_base_is_refused_not_handed_out(
    database: Database, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], tmp_path: Path
) -> None:
    ident = files.attach_bytes(uow(), add_client("Альфа"), "скан.pdf", PDF)
    with database.engine.begin() as conn:
        conn.execute(update(s.attachments).where(s.attachments.c.id == ident).values(content=PDF[:-1] + b"X"))
    with pytest.raises(UserError) as raised:
        files.read_content(uow(), ident)
    assert "скан.pdf" in str(raised.value) and "checksum" in str(raised.value)
    with pytest.raises(UserError):
        files.save_copy(uow(), ident, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_a_file_over_the_limit_is_refused_in_words_and_nothing_is_stored(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], tmp_path: Path
) -> None:
    client = add_client("Бета")
    big = tmp_path / "скан.tiff"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ValidationError) as raised:
        files.attach_path(uow(), client, big)
    assert "скан.tiff" in str(raised.value) and "at most 20 MB" in str(raised.value)
    exactly = tmp_path / "ровно.bin"
    with exactly.open("wb") as handle:
        handle.truncate(MAX_BYTES)
    ident = files.attach_path(uow(), client, exactly)
    assert [a.id for a in files.list_files(uow(), client)] == [ident]


@pytest.mark.parametrize(
    ("given", "shown", "saved"),
    [
        ("../../etc/passwd", "passwd", "passwd"),
        ("C:\\Windows\\system32\\evil.exe", "evil.exe", "evil.exe"),
        ("счёт\x00\x1b[31m.pdf", "счёт [31m.pdf", "счёт [31m.pdf"),
        ("CON.txt", "CON.txt", "_CON.txt"),
        ("nul", "nul", "_nul"),
        ("a:b*c?.doc", "a:b*c?.doc", "a_b_c_.doc"),
        (".bashrc", ".bashrc", "bashrc"),
        ("...", "file", "file"),
        ("имя.pdf. ", "имя.pdf.", "имя.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf", "x" * 196 + ".pdf"),
        ("a\u202egnp.exe", "agnp.exe", "agnp.exe"),
    ],
)
def test_hostile_names_are_cleaned_when_shown_and_when_saved(given: str, shown: str, saved: str) -> None:
    assert clean_name(given) == shown
    assert safe_file_name(given) == saved


def test_save_a_copy_writes_the_bytes_refuses_to_overwrite_and_names_a_file_in_a_folder(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], tmp_path: Path
) -> None:
    ident = files.attach_bytes(uow(), add_client("Гамма"), "../CON.pdf", EVERY_BYTE)
    target = tmp_path / "copy.pdf"
    assert files.save_copy(uow(), ident, target) == target
    assert target.read_bytes() == EVERY_BYTE
    target.write_bytes(b"mine")
    with pytest.raises(ValidationError, match="already exists"):
        files.save_copy(uow(), ident, target)
    assert target.read_bytes() == b"mine"
    files.save_copy(uow(), ident, target, overwrite=True)
    assert target.read_bytes() == EVERY_BYTE
    folder = tmp_path / "папка"
    folder.mkdir()
    assert files.save_copy(uow(), ident, folder) == folder / "_CON.pdf"
    assert sorted(p.name for p in folder.iterdir()) == ["_CON.pdf"]


def test_a_copy_for_opening_is_private_read_only_and_inside_the_given_folder(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], tmp_path: Path
) -> None:
    ident = files.attach_bytes(uow(), add_client("Дельта"), "../../прайс.xlsx", PDF)
    opened = files.copy_for_opening(uow(), ident, tmp_path / "tmp")
    assert opened.read_bytes() == PDF
    assert opened.name == "прайс.xlsx"
    assert opened.resolve().is_relative_to((tmp_path / "tmp").resolve())
    assert opened.stat().st_mode & 0o777 == 0o400
    assert opened.parent.stat().st_mode & 0o777 == 0o700


def test_rename_trash_restore_are_in_the_audit_trail_by_name_never_bytes(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("Эпсилон")
    ident = files.attach_bytes(uow(), client, "скан.pdf", b"SECRET-BYTES")
    files.rename_file(uow(), ident, "Договор №5.pdf")
    files.trash_file(uow(), ident)
    assert files.list_files(uow(), client) == []
    assert [a.id for a in files.list_files(uow(), client, include_deleted=True)] == [ident]
    files.restore_file(uow(), ident)
    assert [a.name for a in files.list_files(uow(), client)] == ["Договор №5.pdf"]
    trail = [r for r in audit.changes(uow(), AuditQuery(client_id=client)) if r.entity == "attachment"]
    assert sorted((r.action, r.field, r.old, r.new) for r in trail) == sorted(
        [
            ("create", None, None, "скан.pdf"),
            ("edit", "name", "скан.pdf", "Договор №5.pdf"),
            ("trash", None, None, None),
            ("restore", None, None, None),
        ]
    )
    assert all("SECRET" not in str(r) for r in trail)


def test_a_file_on_a_deal_belongs_to_the_deals_client_only(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    one, other = add_client("Один"), add_client("Другой")
    deal = deals.add_deal(
        uow(), one, DealFields(title="Поставка", amount=Money.of("1000"), opened_on=date(2026, 1, 1))
    ).id
    ident = files.attach_bytes(uow(), one, "спецификация.pdf", PDF, deal_id=deal)
    assert files.get_file(uow(), ident).deal_id == deal
    with pytest.raises(NotFoundError):
        files.attach_bytes(uow(), other, "чужое.pdf", PDF, deal_id=deal)


def test_emptying_the_trash_erases_the_bytes_of_a_trashed_file_and_keeps_the_others(
    database: Database, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("Зета")
    gone = files.attach_bytes(uow(), client, "удалить.pdf", b"GONE-MARKER-" * 100)
    kept = files.attach_bytes(uow(), client, "оставить.pdf", b"KEPT")
    files.trash_file(uow(), gone, now=datetime.now(UTC) - timedelta(days=1))
    result = erasure.empty_trash(uow())
    assert result.total >= 1
    with pytest.raises(NotFoundError):
        files.read_content(uow(), gone)
    assert files.read_content(uow(), kept).data == b"KEPT"
    if database.is_sqlite:
        assert database.path is not None
        assert b"GONE-MARKER-" not in database.path.read_bytes()


def test_erasing_a_client_erases_its_files(uow: Callable[[], UnitOfWork], add_client: Callable[..., int]) -> None:
    client = add_client("Иванов Пётр Сергеевич", kind=ClientKind.PERSON)
    ident = files.attach_bytes(uow(), client, "паспорт.jpg", b"\xff\xd8 photo")
    erasure.erase_client(uow(), client, ground="request")
    with pytest.raises(NotFoundError):
        files.get_file(uow(), ident)


def test_a_trashed_client_takes_no_new_files(uow: Callable[[], UnitOfWork], add_client: Callable[..., int]) -> None:
    client = add_client("Эта")
    clients.trash_client(uow(), client)
    with pytest.raises(UserError, match="trash"):
        files.attach_bytes(uow(), client, "a.pdf", b"x")


@pytest.fixture
def target_url(tmp_path: Path) -> Iterator[str]:
    if test_server.ON_POSTGRES:
        url = test_server.server().empty()
        yield url
        test_server.server().drop(url)
    else:
        yield resolve_url(tmp_path / "target.sqlite")


def test_moving_a_base_to_a_server_carries_the_exact_bytes(tmp_path: Path, target_url: str) -> None:
    source = open_database(resolve_url(tmp_path / "source.sqlite"))
    client = clients.create_client(UnitOfWork(source), ClientFields(name="Омега")).id
    ids = [files.attach_bytes(UnitOfWork(source), client, n, d) for n, d in (("a.bin", EVERY_BYTE), ("b", b""))]
    target = open_database(target_url)
    try:
        checks = transfer.copy_base(source, target)
        assert all(c.match for c in checks)
        assert [files.read_content(UnitOfWork(target), i).data for i in ids] == [EVERY_BYTE, b""]
        with target.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM attachments")).scalar() == 2
    finally:
        target.dispose()
        source.dispose()


# -- the command line ---------------------------------------------------------------------------------


def test_attach_list_and_save_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    code, out, _ = run(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»", "--json")
    assert code == 0
    client = json.loads(out)["id"]
    source = tmp_path / "все байты.bin"
    source.write_bytes(EVERY_BYTE)
    code, out, _ = run(capsys, "--db", db, "attach", str(client), str(source), "--json")
    assert code == 0
    attached = json.loads(out)
    assert list(attached) == ["id"]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run(capsys, "--db", db, "attach", str(client), str(empty), "--json")[0] == 0
    code, out, _ = run(capsys, "--db", db, "attachments", str(client), "--json")
    assert code == 0
    listed = json.loads(out)
    assert [set(item) for item in listed] == [{"id", "name", "bytes", "added"}] * 2
    assert {item["name"]: item["bytes"] for item in listed} == {"все байты.bin": 768, "empty.txt": 0}
    datetime.fromisoformat(listed[0]["added"])
    out_file = tmp_path / "back.bin"
    code, out, err = run(capsys, "--db", db, "attachment", "save", str(attached["id"]), "-o", str(out_file))
    assert code == 0, err
    assert out_file.read_bytes() == EVERY_BYTE
    code, _, err = run(capsys, "--db", db, "attachment", "save", str(attached["id"]), "-o", str(out_file))
    assert code == 2 and "--force" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db, "attachment", "save", str(attached["id"]), "-o", str(out_file), "--force")
    assert code == 0, err


def test_the_command_line_refuses_bad_input_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = json.loads(run(capsys, "--db", db, "client", "add", "--name", "Бета", "--json")[1])["id"]
    code, _, err = run(capsys, "--db", db, "attach", str(client), str(tmp_path / "нет.pdf"))
    assert code == 2 and "нет.pdf" in err and "Traceback" not in err
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    code, _, err = run(capsys, "--db", db, "attach", str(client), str(big))
    assert code == 2 and "20 MB" in err
    code, _, err = run(capsys, "--db", db, "attach", "999", str(tmp_path))
    assert code == 2 and "Traceback" not in err
    code, _, err = run(capsys, "--db", db, "attachments", "999", "--json")
    assert code == 2 and "999" in err
    code, _, err = run(capsys, "--db", db, "attachment", "save", "77", "-o", str(tmp_path / "x"))
    assert code == 2 and "77" in err
    assert run(capsys, "--db", db, "attachments", str(client), "--json")[1].strip() == "[]"


@pytest.mark.sqlite_only
def test_a_backup_of_the_base_carries_the_files_exactly(tmp_path: Path) -> None:
    from salesdesk.services import backups

    database = open_database(resolve_url(tmp_path / "base.sqlite"))
    try:
        client = clients.create_client(UnitOfWork(database), ClientFields(name="Сигма")).id
        ident = files.attach_bytes(UnitOfWork(database), client, "договор.pdf", EVERY_BYTE)
        info = backups.take_backup(UnitOfWork(database), dest=tmp_path / "copy.sqlite")
        assert info.ok
    finally:
        database.dispose()
    copy = open_database(resolve_url(tmp_path / "copy.sqlite"))
    try:
        assert files.read_content(UnitOfWork(copy), ident).data == EVERY_BYTE
    finally:
        copy.dispose()


def test_the_spreadsheet_export_lists_the_files_by_name_size_and_hash(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], tmp_path: Path
) -> None:
    import openpyxl

    from salesdesk.services import exporting

    client = add_client("Тау")
    ident = files.attach_bytes(uow(), client, "договор.pdf", EVERY_BYTE)
    trashed = files.attach_bytes(uow(), client, "старое.pdf", b"old")
    files.trash_file(uow(), trashed)
    path = tmp_path / "export.xlsx"
    exporting.export_clients(uow(), path)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[-2:] == ["Files", "Change history"]
    rows = list(book["Files"].iter_rows(values_only=True))
    stored = files.get_file(uow(), ident)
    assert rows[1][:5] == (client, "Тау", ident, "договор.pdf", len(EVERY_BYTE))
    assert rows[1][6] == stored.sha256 and len(rows) == 2


def test_emptying_the_trash_on_the_command_line_says_how_many_files_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = json.loads(run(capsys, "--db", db, "client", "add", "--name", "Каппа", "--json")[1])["id"]
    source = tmp_path / "скан.pdf"
    source.write_bytes(PDF)
    ident = json.loads(run(capsys, "--db", db, "attach", str(client), str(source), "--json")[1])["id"]
    database = open_database(resolve_url(db))
    try:
        files.trash_file(UnitOfWork(database), ident)
    finally:
        database.dispose()
    code, _, err = run(capsys, "--db", db, "trash", "empty")
    assert code == 2 and "1 file." in err
    code, out, _ = run(capsys, "--db", db, "trash", "empty", "--yes", "--json")
    assert code == 0 and json.loads(out)["removed"]["attachment"] == 1
