"""What an import holds while it works, and that holding less changed nothing it gives (issue 17).

The import's peak memory at 100,000 rows is bounded by what it keeps at once (benchmarks/
bench_excel.py measures it): equal texts of a block of rows are one object, a row planned and
accepted goes (its new client stays with the planner), a client goes once written, and the trail's
entries of the created clients are made when the commit writes them, a chunk at a time. Each of
these is checked here together with the result it must leave unchanged: the error file as wide as
the widest row, the trail in the order the changes were recorded, every created client counted.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from salesdesk.domain.audit import AuditQuery, AuditRecord
from salesdesk.services import audit, importing, sheet_rows
from salesdesk.services.importing import ImportOptions
from salesdesk.store import Database, UnitOfWork, bulk
from salesdesk.store import audit as audit_store

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    return path


def trail(database: Database) -> list[AuditRecord]:
    return sorted(audit.changes(UnitOfWork(database), AuditQuery()), key=lambda r: r.id)


def test_equal_texts_of_a_block_are_one_object_and_the_rows_read_the_same() -> None:
    mapping = {0: "name", 1: "city", 2: "contact_name", 3: "contact_position"}
    # the same texts as different objects, as a reader gives them
    cells = [
        ["".join(["ООО «Север", f"-{n}»"]), "".join(["Моск", "ва"]), "Иванов Иван", "".join(["дирек", "тор"])]
        for n in range(3)
    ]
    rows = sheet_rows.parse_rows(cells, 2, mapping)
    assert [r.client.city if r.client else None for r in rows] == ["Москва"] * 3
    assert rows[0].client is not None and rows[2].client is not None
    assert rows[0].client.city is rows[2].client.city
    assert rows[0].contact is not None and rows[2].contact is not None
    assert rows[0].contact.position is rows[2].contact.position == "директор"
    assert [r.client.name for r in rows if r.client] == ["ООО «Север-0»", "ООО «Север-1»", "ООО «Север-2»"]


def test_planning_uses_the_rows_up_keeping_only_the_rejected(database: Database) -> None:
    mapping = {0: "name", 1: "inn"}
    rows = sheet_rows.parse_rows(
        [["ООО «Ромашка»", "7707083893"], ["ООО «Лютик»", "123"], ["ООО «Вектор»", ""]], 2, mapping
    )
    with UnitOfWork(database).reading() as uow:
        planner = importing._Planner(uow, ImportOptions(), importing.SilentReporter())
        planner.plan(rows, importing._Extras())
    assert rows == []
    assert [r.line for r in planner.rejected] == [3]
    assert [r.fate for r in planner.reports] == [importing.Fate.NEW, importing.Fate.ERROR, importing.Fate.NEW]
    assert sorted(planner.pending) == [2, 4]


def test_the_error_file_is_as_wide_as_the_widest_row_even_an_accepted_one(tmp_path: Path, database: Database) -> None:
    """An accepted row with cells past the header makes the file of rejected rows that wide: its
    columns line up with the sheet the manager fixes them in."""
    source = _csv(
        tmp_path / "клиенты.csv",
        [
            ["Название", "ИНН"],
            ["ООО «Ромашка»", "7707083893", "", "", "лишнее"],
            ["ООО «Лютик»", "123"],
        ],
    )
    result = importing.run_import(UnitOfWork(database), source, error_dir=tmp_path / "errors")
    assert (result.created, result.rejected) == (1, 1)
    assert result.error_file is not None
    sheet = openpyxl.load_workbook(result.error_file, read_only=True).worksheets[0]
    values = [list(r) for r in sheet.values]
    assert len(values[0]) == len(values[1]) == 6  # five columns as the widest row, then the reason
    assert values[1][:2] == ["ООО «Лютик»", "123"]
    assert values[1][5]


@pytest.mark.parametrize("chunk", [1, 2, 1000])
def test_the_trail_is_written_in_the_order_recorded_whatever_the_chunk(
    database: Database, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(audit_store, "WRITE_CHUNK", chunk)
    with UnitOfWork(database) as uow:
        uow.record("client", 7, "created", after={"name": "ООО «Первый»"})
        uow.record_imported([101, 102, 103], ["ООО «А»", "ООО «Б»", "ООО «В»"])
        uow.record("client", 8, "trashed")
        uow.record_imported([104], ["ООО «Г»"])
        uow.commit()
    assert [(r.entity_id, r.action, r.new) for r in trail(database)] == [
        (7, "create", "ООО «Первый»"),
        (101, "import", "ООО «А»"),
        (102, "import", "ООО «Б»"),
        (103, "import", "ООО «В»"),
        (8, "trash", None),
        (104, "import", "ООО «Г»"),
    ]


def test_a_rolled_back_import_leaves_no_entry_and_the_next_commit_only_its_own(database: Database) -> None:
    unit = UnitOfWork(database)
    with unit as uow:
        uow.record_imported([101, 102], ["ООО «А»", "ООО «Б»"])
        uow.rollback()
    with unit as uow:  # the same unit again, as the window's are
        uow.record("client", 7, "created", after={"name": "ООО «После»"})
        uow.commit()
    with pytest.raises(RuntimeError), UnitOfWork(database) as uow:
        uow.record_imported([103], ["ООО «В»"])
        raise RuntimeError("the import stopped")
    with UnitOfWork(database) as uow:
        uow.record("client", 8, "trashed")
        uow.commit()
    assert [(r.entity_id, r.action) for r in trail(database)] == [(7, "create"), (8, "trash")]


def test_a_big_import_counts_and_names_every_client_it_lets_go_batch_by_batch(
    tmp_path: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH", 3)  # the written batches go while the next are made
    monkeypatch.setattr(audit_store, "WRITE_CHUNK", 4)
    names = [f"ООО «Клиент {n}»" for n in range(11)]
    source = _csv(tmp_path / "клиенты.csv", [["Название", "Город"], *([name, "Уфа"] for name in names)])
    left: list[int] = []
    apply = importing._apply

    def spy(uow: UnitOfWork, planner: importing._Planner, *args: object) -> None:
        apply(uow, planner, *args)  # type: ignore[arg-type]
        left.append(len(planner.pending))

    monkeypatch.setattr(importing, "_apply", spy)
    result = importing.run_import(UnitOfWork(database), source)
    assert left == [0]  # none kept once written
    assert (result.created, result.rejected) == (11, 0)
    assert [r.new for r in trail(database)] == names
    with UnitOfWork(database).reading() as uow:
        assert uow.clients.count_live() == 11


def test_planning_looks_up_with_a_small_page_cache_and_the_writing_has_it_all_back(
    tmp_path: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into a big base the lookups would fill SQLite's whole cache before the writing (30 MB)."""
    if database.engine.dialect.name != "sqlite":
        pytest.skip("the page cache is SQLite's; on a server it is the server's")
    source = _csv(tmp_path / "клиенты.csv", [["Название", "ИНН"], ["ООО «Ромашка»", "7707083893"]])
    seen: list[tuple[str, int]] = []
    load_index, apply = importing._Planner._load_index, importing._apply

    def spy_index(self: importing._Planner, rows: list[sheet_rows.Row]) -> None:
        seen.append(("plan", int(self.uow.clients.conn.exec_driver_sql("PRAGMA cache_size").scalar_one())))
        load_index(self, rows)

    def spy_apply(uow: UnitOfWork, *args: object) -> None:
        seen.append(("write", int(uow.clients.conn.exec_driver_sql("PRAGMA cache_size").scalar_one())))
        apply(uow, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importing._Planner, "_load_index", spy_index)
    monkeypatch.setattr(importing, "_apply", spy_apply)
    assert importing.run_import(UnitOfWork(database), source).created == 1
    assert seen == [("plan", -bulk.LOOKUP_CACHE_KB), ("write", -32000)]
