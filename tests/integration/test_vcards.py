"""Contact cards (.vcf) in and out: private-person clients, contact persons of a chosen client, the
same preview and duplicate rules as a spreadsheet, and an export that reads back the same."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from salesdesk.domain.model import ClientFields, ClientKind, ContactFields
from salesdesk.services import clients, contacts, vcards
from salesdesk.services.importing import Fate
from salesdesk.store import UnitOfWork
from tests.integration.test_cli import new_base, run

Uow = Callable[[], UnitOfWork]

CARDS = (
    b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
    b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD=D0=BE=D0=B2;=D0=98=D0=B2=D0=B0=D0=BD;;;\r\n"
    b"TEL;CELL;PREF:+7 916 123-45-67\r\nEMAIL:ivan@example.ru\r\nBDAY:--0314\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Smith\r\nORG:Acme\\, Inc.\r\nTITLE:CEO\r\n"
    b"TEL;TYPE=WORK:+7 495 123-45-67\r\nBDAY:1985-03-14\r\nNOTE:likes tea\\, not coffee\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Day\r\nBDAY:1985-13-14\r\nEND:VCARD\r\n"
)


def cards_file(tmp_path: Path, data: bytes = CARDS, name: str = "phone.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def contacts_of(uow: Uow, client_id: int) -> list[ContactFields]:
    return [c.fields() for c in contacts.list_contacts(uow(), client_id)]


def test_cards_become_private_person_clients_and_a_second_import_changes_nothing(uow: Uow, tmp_path: Path) -> None:
    path = cards_file(tmp_path)
    preview = vcards.plan_vcard_import(uow(), path)
    assert [(r.line, r.fate) for r in preview.rows] == [(1, Fate.NEW), (8, Fate.NEW), (17, Fate.ERROR)]
    assert "1985-13-14" in preview.rows[2].reasons[0]
    assert clients.list_clients(uow()).total == 0  # a preview writes nothing

    result = vcards.run_vcard_import(uow(), path, error_dir=tmp_path)
    assert (result.created, result.rejected) == (2, 1)
    assert result.error_file is not None and result.error_file.exists()
    found = {c.name: c for c in clients.list_clients(uow()).rows}
    assert set(found) == {"Иванов Иван", "Anna Smith"}
    ivan = clients.get_client(uow(), found["Иванов Иван"].id)
    assert ivan.kind is ClientKind.PERSON
    [person] = contacts_of(uow, ivan.id)
    assert person.phones == ("+7 916 123-45-67",) and person.emails == ("ivan@example.ru",)
    assert person.birth_date is None and "14.03" in person.note  # no year: kept in the note, not lost
    [anna] = contacts_of(uow, found["Anna Smith"].id)
    assert (anna.position, anna.birth_date, anna.note) == (
        "CEO, Acme, Inc.",
        date(1985, 3, 14),
        "likes tea, not coffee",
    )

    again = vcards.run_vcard_import(uow(), path, error_dir=tmp_path)
    assert (again.created, again.updated, again.skipped) == (0, 0, 2)
    assert clients.list_clients(uow()).total == 2


def test_cards_onto_a_chosen_client_skip_people_it_has(
    uow: Uow, add_client: Callable[..., int], tmp_path: Path
) -> None:
    ident = add_client("ООО «Ёлка»")
    contacts.add_contact(uow(), ident, ContactFields(full_name="Anna Smith", position="CEO"))
    result = vcards.run_vcard_import(uow(), cards_file(tmp_path), client_id=ident, error_dir=tmp_path)
    assert [r.fate for r in result.plan.rows] == [Fate.NEW, Fate.UNCHANGED, Fate.ERROR]
    assert result.created == 1
    assert sorted(c.full_name for c in contacts_of(uow, ident)) == ["Anna Smith", "Иванов Иван"]
    assert clients.list_clients(uow()).total == 1  # no client was made of a card


def test_export_then_import_gives_the_same_contacts(uow: Uow, add_client: Callable[..., int], tmp_path: Path) -> None:
    source = add_client("ООО «Ёлка, Палка; и Ко»")
    people = [
        ContactFields(
            full_name="Константинопольский Константин Константинович",
            position="Главный специалист по работе с ключевыми клиентами",
            birth_date=date(1980, 2, 29),
            phones=("+7 916 123-45-67", "+7 495 765-43-21"),
            emails=("k@example.ru", "konst@example.com"),
            note="строка 1\nстрока 2, с запятой; и точкой с запятой \\ и чертой",
        ),
        ContactFields(full_name="Anna Smith", position="CEO", emails=("anna@example.com",)),
    ]
    for person in people:
        contacts.add_contact(uow(), source, person)
    path = tmp_path / "out.vcf"
    exported = vcards.export_contacts(uow(), path, client_ids=[source])
    assert (exported.clients, exported.contacts) == (1, 2)
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))

    target = add_client("ООО «Ёлка, Палка; и Ко»", inn="7707083893")
    vcards.run_vcard_import(uow(), path, client_id=target)
    key = lambda c: c.full_name  # noqa: E731
    assert sorted(contacts_of(uow, target), key=key) == sorted(contacts_of(uow, source), key=key)


def test_cli_import_and_export_of_vcf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "base.sqlite")
    path = cards_file(tmp_path)
    code, out, _err = run(capsys, "--db", db, "import", str(path), "--dry-run", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["dry_run"], data["created"], data["rejected"]) == (True, 2, 1)
    code, out, _err = run(capsys, "--db", db, "import", str(path), "--error-dir", str(tmp_path))
    assert code == 0 and "2 new clients" in out
    code, out, _err = run(capsys, "--db", db, "export", str(tmp_path / "all.vcf"), "--search", "Anna", "--json")
    assert code == 0
    assert json.loads(out)["contacts"] == 1
    assert b"FN:Anna Smith" in (tmp_path / "all.vcf").read_bytes()
    # onto a chosen client, in Russian
    code, out, _err = run(
        capsys, "--db", db, "--lang", "ru", "import", str(path), "--client", "1", "--error-dir", str(tmp_path)
    )
    assert code == 0 and "1 новое контактное лицо" in out


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--client", "999"], 1, "#999"),
        (["--sheet", "Лист1"], 2, "--sheet"),
    ],
)
def test_cli_vcf_import_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, words: str
) -> None:
    db = new_base(tmp_path / "base.sqlite")
    got, out, err = run(capsys, "--db", db, "import", str(cards_file(tmp_path)), *args)
    assert got == code
    assert words in out + err and "Traceback" not in err


def test_cli_binary_vcf_and_client_with_a_spreadsheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "base.sqlite")
    binary = cards_file(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00binary", "photo.vcf")
    code, _out, err = run(capsys, "--db", db, "import", str(binary))
    assert code == 2 and "not a vCard file" in err  # the file is wrong: bad input
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Наименование\nООО Ромашка\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", db, "import", str(sheet), "--client", "1")
    assert code == 2 and "--client" in err
    assert "Traceback" not in err


def test_a_person_client_without_contacts_is_a_card(uow: Uow, tmp_path: Path) -> None:
    clients.create_client(uow(), ClientFields(name="Петров Пётр", kind=ClientKind.PERSON, phone="+7 916 000-00-01"))
    path = tmp_path / "people.vcf"
    result = vcards.export_contacts(uow(), path)
    assert result.contacts == 1
    text = path.read_bytes().decode("utf-8")
    assert "FN;CHARSET=UTF-8:Петров Пётр\r\n" in text and "ORG" not in text
