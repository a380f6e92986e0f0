"""The fast export (issue 17 item 3) writes the very file today's export wrote.

The reference below is the export as it was before issue 17, pinned here: every client, contact
person, deal, reminder, interaction, file and trail entry read through the repositories as domain
objects, its rows built by the module's row functions (one catalogue look-up per label), and every
cell written by an xlsxwriter ``write_*`` call (``XlsxSheet.append_cells``). The new path must give
the same bytes in every part of the workbook but its creation time, on a base with everything in
it and with the values that take the rare roads: formulas, typed guards, text past Excel's limit
counted in UTF-16, control characters, xlsxwriter's own escapes, whitespace at the ends, Cyrillic.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from salesdesk.domain.model import ClientFields, ClientStatus, ContactFields, InteractionFields, InteractionKind
from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.files.writing import Column, XlsxBook
from salesdesk.services import attachments, clients, contacts, demo, exporting, history
from salesdesk.store import Database, UnitOfWork
from tests import export_reference as reference

Uow = Callable[[], UnitOfWork]

HUGE = "Ж" * 20_000 + "😀" * 7_000  # 34,000 UTF-16 units in 27,000 characters: cut at 32,767 units
HOSTILE = [
    "=1+2",
    '=HYPERLINK("http://evil")',
    "'=guarded as typed",
    "''two apostrophes",
    "+7 495 123-45-67",
    "@SUM(A1)",
    "a & b < c > d",
    "<r>rich?</r>",
    "  spaces at both ends  ",
    "tab\tinside and\r\nnew lines\n",
    "bell\x07 and vertical tab\x0b dropped",
    "_x0041_ is Excel's escape",
    "ООО «Ёлка» — ЁЖИК ёжик",
    "\u00a0no-break space at the start",
    "emoji 😀 beyond the basic plane",
    "\x01",
]


def reference_export(uow: UnitOfWork, path: Path, ids: list[int] | None = None) -> None:
    """Today's ``export_clients`` of the whole base (or of *ids*), before issue 17 (kept verbatim
    but the writer)."""
    e = exporting
    with uow.reading():
        chosen = ids if ids is not None else uow.listing.ids(ClientQuery(sort=ClientSort.NAME))
        managers = {m.id: m.name for m in uow.managers.list()}
        book = XlsxBook(path, e._t("export.title"))
        clients_sheet = book.sheet(e._t("export.sheet.clients"), e._client_columns())
        contacts_sheet = book.sheet(e._t("export.sheet.contacts"), e._contact_columns())
        deals_sheet = book.sheet(e._t("export.sheet.deals"), e._deal_columns())
        reminders_sheet = book.sheet(e._t("export.sheet.reminders"), e._reminder_columns())
        history_sheet = book.sheet(e._t("export.sheet.interactions"), e._interaction_columns())
        files_sheet = book.sheet(e._t("export.sheet.files"), e._file_columns())
        changes_sheet = book.sheet(e._t("export.sheet.changes"), e._change_columns())
        for start in range(0, len(chosen), e.CHUNK):
            chunk = chosen[start : start + e.CHUNK]
            people = uow.contacts.list_for_clients(chunk)
            deals = uow.deals.list_for_clients(chunk)
            reminders = uow.reminders.list_for_clients(chunk)
            interactions = uow.interactions.list_for_clients(chunk)
            trail = uow.audit.for_clients(chunk)
            attached = uow.attachments.list_for_clients(chunk)
            found = uow.clients.get_many(chunk)
            for client in (found[i] for i in chunk if i in found):
                clients_sheet.append_cells(reference.client_row(client))
                for person in people.get(client.id, ()):
                    contacts_sheet.append_cells(reference.contact_row(client, person))
                for deal in deals.get(client.id, ()):
                    deals_sheet.append_cells(reference.deal_row(client, deal))
                for reminder in reminders.get(client.id, ()):
                    reminders_sheet.append_cells(reference.reminder_row(client, reminder, managers))
                for interaction in interactions.get(client.id, ()):
                    history_sheet.append_cells(reference.interaction_row(client, interaction))
                for item in attached.get(client.id, ()):
                    files_sheet.append_cells(reference.file_row(client, item))
                for record in trail.get(client.id, ()):
                    changes_sheet.append_cells(e.change_row(record))
        book.close()


def parts(path: Path) -> dict[str, bytes]:
    """Every part of the workbook but the one holding its creation time."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def assert_same_file(ours: Path, reference: Path) -> None:
    mine, theirs = parts(ours), parts(reference)
    assert list(mine) == list(theirs)
    different = [name for name in mine if mine[name] != theirs[name]]
    assert different == []


def hostile_base(uow: Uow, database: Database) -> None:
    """Demo clients with everything (contacts, deals, reminders, history, a trail), plus cards, contact
    persons, history, trail entries and files holding every hostile value, some planted in the base
    as an older program or another tool could have left them."""
    demo.load_demo(uow(), 40, seed=7, now=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    for index, hostile in enumerate(HOSTILE):
        made = clients.create_client(
            uow(), ClientFields(name=f"Клиент {index} {hostile.strip() or 'пусто'}"[:200], city="Москва")
        ).id
        card = clients.get_client(uow(), made)
        clients.update_client(
            uow(),
            made,
            card.version,
            ClientFields(name=card.name, city="Казань", notes="было", status=ClientStatus.ACTIVE),
        )
        contacts.add_contact(uow(), made, ContactFields(full_name=f"Иванов Иван {index}", birth_date=date(1980, 5, 17)))
        history.log_interaction(
            uow(),
            made,
            InteractionFields(
                kind=InteractionKind.CALL, occurred_at=datetime(2026, 1, 5, 10, 30, tzinfo=UTC), summary="звонок"
            ),
        )
        attachments.attach_bytes(uow(), made, f"файл {index}.txt", hostile.encode())
    with database.engine.begin() as conn:  # values no form lets through, as a base may hold them
        ids = [row[0] for row in conn.execute(text("SELECT id FROM clients ORDER BY id DESC LIMIT 16"))]
        for ident, value in zip(ids, HOSTILE, strict=True):
            values = {
                "huge": HUGE,
                "notes": HUGE if ident == ids[0] else value,
                "v": value,
                "w": value,
                "v3": value * 3,
                "id": ident,
            }
            conn.execute(
                text("UPDATE clients SET notes = :notes, full_name = :v, legal_address = :v3 WHERE id = :id"), values
            )
            conn.execute(text("UPDATE contacts SET note = :v, position = :w WHERE client_id = :id"), values)
            conn.execute(text("UPDATE interactions SET summary = :v WHERE client_id = :id"), values)
            conn.execute(
                text("UPDATE audit SET old = :huge, new = :v WHERE client_id = :id AND field = 'notes'"), values
            )
        conn.execute(
            text("UPDATE contacts SET birth_date = :d WHERE id = (SELECT min(id) FROM contacts)"),
            {"d": date(1604, 3, 12)},
        )
    with UnitOfWork(database) as work:  # an erased trail, as erasure leaves it
        work.audit.scrub_clients(ids[-2:])
        work.commit()


def test_the_export_writes_the_same_workbook_as_before_issue_17(uow: Uow, database: Database, tmp_path: Path) -> None:
    hostile_base(uow, database)
    result = exporting.export_clients(uow(), tmp_path / "new.xlsx")
    reference_export(uow(), tmp_path / "reference.xlsx")
    assert result.clients == 56 and result.deals > 0 and result.reminders > 0 and result.changes > 56
    assert_same_file(result.path, tmp_path / "reference.xlsx")


def test_the_same_workbook_in_russian(uow: Uow, database: Database, tmp_path: Path, lang: None) -> None:
    hostile_base(uow, database)
    exporting.export_clients(uow(), tmp_path / "new.xlsx")
    reference_export(uow(), tmp_path / "reference.xlsx")
    assert_same_file(tmp_path / "new.xlsx", tmp_path / "reference.xlsx")


@pytest.mark.parametrize("kind", ["text", "identifier", "number", "money", "date", "datetime", "percent"])
def test_a_sheet_written_row_by_row_is_the_sheet_written_cell_by_cell(tmp_path: Path, kind: str) -> None:
    """Every kind of value in every kind of column, empty cells and rows, a value of a kind the fast
    writer leaves to xlsxwriter (a bool, a time zone, an object) in the middle of fast rows."""
    values: list[object] = [
        *HOSTILE,
        HUGE,
        "",
        None,
        0,
        -17,
        10**15 + 1,
        2.5,
        1e-7,
        Decimal("1500.00"),
        Decimal("-0.01"),
        date(2026, 12, 7),
        date(1900, 2, 28),
        datetime(2026, 12, 7, 6, 5, 30),
        datetime(2026, 12, 7, 23, 59, tzinfo=UTC),
        True,
        ClientSort.NAME,
        Path("a & b"),
    ]
    rows = [[values[(r * 3 + c) % len(values)] for c in range(r % 4 + 1)] for r in range(len(values) * 4)]
    rows.insert(5, [None, "", None])
    rows.insert(9, [])

    def write(path: Path, cell_by_cell: bool) -> None:
        book = XlsxBook(path, "Заголовок & title")
        for copy in range(2):  # two sheets filled in turns: format indexes are given as rows go out
            sheet = book.sheet(
                f"Лист {copy}", [Column("№", 8, "number"), Column("x", 20, kind), Column("y"), Column("z")]
            )
            other = book.sheet(f"Другой {copy}", [Column("a", 10, "date"), Column("b", 10, kind)])
            for row in rows:
                (sheet.append_cells if cell_by_cell else sheet.append)(row)
                (other.append_cells if cell_by_cell else other.append)(row[:2])
        book.close()

    write(tmp_path / "fast.xlsx", cell_by_cell=False)
    write(tmp_path / "cells.xlsx", cell_by_cell=True)
    assert_same_file(tmp_path / "fast.xlsx", tmp_path / "cells.xlsx")


def test_the_csv_export_is_the_same_as_before_issue_17(uow: Uow, database: Database, tmp_path: Path) -> None:
    from salesdesk.files.writing import CsvWriter

    hostile_base(uow, database)
    exporting.export_clients(uow(), tmp_path / "new.csv")
    work = uow()
    with work.reading():
        chosen = work.listing.ids(ClientQuery(sort=ClientSort.NAME))
        writer = CsvWriter(tmp_path / "reference.csv", [c.title for c in exporting._client_columns()])
        found = work.clients.get_many(chosen)
        for ident in chosen:
            writer.append(reference.client_row(found[ident]))
        writer.close()
    assert (tmp_path / "new.csv").read_bytes() == (tmp_path / "reference.csv").read_bytes()


def test_a_chosen_few_in_the_order_given_and_a_search_are_the_same_as_before(
    uow: Uow, database: Database, tmp_path: Path
) -> None:
    """The selection's order is kept (the ids as given), a search's clients only."""
    hostile_base(uow, database)
    work = uow()
    with work.reading():
        every = work.listing.ids(ClientQuery(sort=ClientSort.NAME))
    chosen = every[::-3]
    exporting.export_clients(uow(), tmp_path / "chosen.xlsx", ids=chosen)
    exporting.export_clients(uow(), tmp_path / "search.xlsx", query=ClientQuery(text="клиент", sort=ClientSort.NAME))
    work = uow()
    with work.reading():
        found = work.listing.ids(ClientQuery(text="клиент", sort=ClientSort.NAME))
    assert 0 < len(found) < len(every)
    for name, ids in (("chosen", chosen), ("search", found)):  # today's reading and writing of exactly those
        reference_export(uow(), tmp_path / f"{name}-reference.xlsx", ids=ids)
        assert_same_file(tmp_path / f"{name}.xlsx", tmp_path / f"{name}-reference.xlsx")
