"""Acting on many clients at once (issue 15, item 2): one transaction, one Undo, the trail records
each client, completeness follows, the command line's `client set` and its refusals. Runs on SQLite
and on PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from salesdesk.domain.audit import AuditQuery
from salesdesk.domain.changes import Change
from salesdesk.domain.completeness import completeness
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.model import ClientFields, ClientStatus, IndustryFields, ManagerFields, ReminderFields
from salesdesk.domain.queries import ClientQuery
from salesdesk.services import audit, bulk_actions, clients, reference, reminders
from salesdesk.services.bulk_actions import BulkChange
from salesdesk.services.common import Cancelled
from salesdesk.store import UnitOfWork
from tests.integration.test_cli import new_base, run

Uow = Callable[[], UnitOfWork]


def _base(uow: Uow, n: int = 3) -> tuple[list[int], int, int]:
    owner = reference.create_manager(uow(), ManagerFields(name="Петрова Анна")).id
    industry = reference.create_industry(uow(), IndustryFields(code="", name="Проба")).id
    ids = [
        clients.create_client(uow(), ClientFields(name=f"ООО Клиент {i}", tags=("старый", "VIP") if i else ())).id
        for i in range(n)
    ]
    return ids, owner, industry


def test_owner_status_industry_tags_in_one_go_with_completeness_and_the_trail(uow: Uow) -> None:
    ids, owner, industry = _base(uow)
    heard: list[tuple[Change, ...]] = []

    def watched() -> UnitOfWork:
        unit = uow()
        unit.listeners.append(heard.append)
        return unit

    change = BulkChange(
        owner_id=owner,
        status=ClientStatus.ACTIVE,
        industry_id=industry,
        add_tags=("  Выставка  2026 ",),
        remove_tags=("vip",),
    )
    result = bulk_actions.apply(watched(), ids, change)
    assert (result.changed, result.chosen) == (3, 3)
    assert len(heard) == 1  # one commit: the window hears once
    assert {r.ident for r in heard[0] if r.entity == "client"} == set(ids)
    for ident in ids:
        client = clients.get_client(uow(), ident)
        assert (client.owner_id, client.status, client.industry_id) == (owner, ClientStatus.ACTIVE, industry)
        expected = ("старый", "Выставка 2026") if ident != ids[0] else ("Выставка 2026",)
        assert client.tags == expected
        score = completeness(client.fields())  # the stored score is the one a card edit would store
        assert (client.completeness, client.missing) == (score.score, score.missing)
        assert client.version == 2
    # the tag search table follows: the new tag finds all three, the removed one none
    assert clients.count_clients(uow(), ClientQuery(tag="выставка 2026")) == 3
    assert clients.count_clients(uow(), ClientQuery(tag="vip")) == 0
    trail = audit.changes(uow(), AuditQuery(client_id=ids[1]))
    fields = {(r.action, r.field): (r.old, r.new) for r in trail}
    assert fields[("edit", "owner_id")] == (None, "Петрова Анна")
    assert fields[("edit", "status")] == ("lead", "active")
    assert fields[("edit", "industry_id")] == (None, "Проба")
    assert fields[("edit", "tags")] == ("старый\nVIP", "старый\nВыставка 2026")


def test_take_the_owner_away_with_completeness_the_trail_and_undo(uow: Uow) -> None:
    ids, owner, _industry = _base(uow)
    bulk_actions.apply(uow(), ids[:2], BulkChange(owner_id=owner))
    result = bulk_actions.apply(uow(), ids, BulkChange(no_owner=True))
    assert result.changed == 2  # the third had nobody already
    for ident in ids:
        client = clients.get_client(uow(), ident)
        assert client.owner_id is None
        score = completeness(client.fields())  # the owner counts as missing again
        assert (client.completeness, client.missing) == (score.score, score.missing)
    trail = audit.changes(uow(), AuditQuery(client_id=ids[0]))
    assert ("Петрова Анна", None) in [(r.old, r.new) for r in trail if r.field == "owner_id"]
    assert bulk_actions.undo(uow(), result.undo) == 2
    assert [clients.get_client(uow(), i).owner_id for i in ids] == [owner, owner, None]


def test_undo_puts_every_card_back_but_keeps_a_later_edit(uow: Uow) -> None:
    ids, owner, industry = _base(uow)
    was = {i: clients.get_client(uow(), i) for i in ids}
    result = bulk_actions.apply(uow(), ids, BulkChange(owner_id=owner, industry_id=industry, remove_tags=("VIP",)))
    # someone edits one card after the bulk change: Undo leaves that card as they made it
    edited = clients.get_client(uow(), ids[2])
    clients.update_client(uow(), ids[2], edited.version, dataclasses.replace(edited.fields(), city="Тверь"))
    assert bulk_actions.undo(uow(), result.undo) == 2
    for ident in ids[:2]:
        now = clients.get_client(uow(), ident)
        assert (now.owner_id, now.industry_id, now.tags, now.completeness, now.missing) == (
            was[ident].owner_id,
            was[ident].industry_id,
            was[ident].tags,
            was[ident].completeness,
            was[ident].missing,
        )
        assert now.version == 3
    assert clients.get_client(uow(), ids[2]).owner_id == owner
    assert clients.count_clients(uow(), ClientQuery(tag="vip")) == 1  # ids[1] has VIP back


def test_a_reminder_for_each_and_its_undo(uow: Uow) -> None:
    ids, _owner, _industry = _base(uow)
    due = datetime(2030, 5, 4, 9, 0, tzinfo=UTC)
    result = bulk_actions.apply(uow(), ids, BulkChange(reminder=ReminderFields(due_at=due, text="Позвонить")))
    assert result.changed == 3 and len(result.undo.reminders) == 3
    for ident in ids:
        assert [r.text for r in reminders.reminders_of(uow(), ident)] == ["Позвонить"]
        assert clients.get_client(uow(), ident).version == 1  # the card itself did not change
    assert {r.next_reminder_at for r in clients.client_rows(uow(), ids)} == {due}
    bulk_actions.undo(uow(), result.undo)
    for ident in ids:
        assert reminders.reminders_of(uow(), ident) == []
    assert {r.next_reminder_at for r in clients.client_rows(uow(), ids)} == {None}


def test_trash_many_and_undo(uow: Uow) -> None:
    ids, _owner, _industry = _base(uow)
    result = bulk_actions.apply(uow(), ids[:2], BulkChange(trash=True))
    assert result.changed == 2
    assert clients.count_clients(uow()) == 1
    kinds = [r.action for r in audit.changes(uow(), AuditQuery(client_id=ids[0]))]
    assert kinds[0] == "trash"
    bulk_actions.undo(uow(), result.undo)
    assert clients.count_clients(uow()) == 3


def test_all_or_nothing_and_clear_refusals(uow: Uow) -> None:
    ids, owner, _industry = _base(uow)
    crowded_tags = tuple("т" * 48 + f"{i:02}" for i in range(19))  # 968 of the 1,000 characters
    crowded = clients.create_client(uow(), ClientFields(name="Много меток", tags=crowded_tags)).id
    with pytest.raises(ValidationError, match="Много меток"):
        bulk_actions.apply(uow(), [*ids, crowded], BulkChange(owner_id=owner, add_tags=("м" * 40,)))
    assert all(clients.get_client(uow(), i).owner_id is None for i in ids)  # nothing changed
    with pytest.raises(ValidationError, match="#999"):
        bulk_actions.apply(uow(), [ids[0], 999], BulkChange(owner_id=owner))
    with pytest.raises(ValidationError, match="Nothing to change"):
        bulk_actions.apply(uow(), ids, BulkChange())
    clients.trash_client(uow(), ids[0])
    with pytest.raises(ValidationError, match="in the trash"):
        bulk_actions.apply(uow(), ids, BulkChange(owner_id=owner))


def test_cancel_rolls_everything_back(uow: Uow) -> None:
    ids, owner, _industry = _base(uow)

    class CancelAtOnce:
        def progress(self, done: int, total: int) -> None:
            pass

        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        bulk_actions.apply(uow(), ids, BulkChange(owner_id=owner), reporter=CancelAtOnce())
    assert all(clients.get_client(uow(), i).owner_id is None for i in ids)


def test_unchanged_clients_are_not_counted_nor_versioned(uow: Uow) -> None:
    ids, owner, _industry = _base(uow)
    bulk_actions.apply(uow(), ids[:1], BulkChange(owner_id=owner))
    result = bulk_actions.apply(uow(), ids, BulkChange(owner_id=owner))
    assert result.changed == 2
    assert clients.get_client(uow(), ids[0]).version == 2


# Command line ----------------------------------------------------------------------------------


def test_cli_client_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    assert run(capsys, "--db", db, "manager", "add", "Иванов Пётр")[0] == 0
    made = []
    for name in ("ООО Ромашка", "ООО Ромашка-2", "ИП Лютик"):
        code, out, _ = run(capsys, "--db", db, "client", "add", "--name", name, "--json")
        made.append(json.loads(out)["id"])
    code, out, err = run(
        capsys, "--db", db, "client", "set", str(made[2]), "--search", "Ромашка", "--owner", "Иванов Пётр",
        "--status", "active", "--add-tag", "Выставка", "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out) == {"changed": 3}
    code, out, _ = run(capsys, "--db", db, "client", "show", str(made[0]), "--json")
    shown = json.loads(out)
    assert (shown["owner_name"], shown["status"], shown["tags"]) == ("Иванов Пётр", "active", ["Выставка"])
    code, out, _ = run(capsys, "--db", db, "client", "set", *map(str, made), "--remove-tag", "выставка", "--json")
    assert json.loads(out) == {"changed": 3}
    code, out, _ = run(capsys, "--db", db, "client", "set", str(made[0]), "--status", "active", "--json")
    assert json.loads(out) == {"changed": 0}
    code, out, _ = run(capsys, "--db", db, "client", "set", *map(str, made[:2]), "--no-owner", "--json")
    assert json.loads(out) == {"changed": 2}
    code, out, _ = run(capsys, "--db", db, "client", "show", str(made[0]), "--json")
    assert json.loads(out)["owner_name"] in (None, "")
    code, _, err = run_exit(capsys, "--db", db, "client", "set", "1", "--owner", "Иванов Пётр", "--no-owner")
    assert code == 2 and "--no-owner" in err  # one or the other


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["1", "--owner", "Никто Такой"], "Никто Такой"),
        (["1", "--industry", "ZZ99"], "ZZ99"),
        (["1", "--status", "hot"], "hot"),
        (["1", "77", "--status", "active"], "#77"),
        (["--status", "active"], "--search"),
        (["1"], "Nothing to change"),
        (["1", "--add-tag", "   "], "empty"),
    ],
)
def test_cli_client_set_refuses_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], named: str
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    run(capsys, "--db", db, "client", "add", "--name", "ООО Ромашка")
    code, out, err = run_exit(capsys, "--db", db, "client", "set", *args)
    assert code == 2, err
    assert named in err and "Traceback" not in err
    code, out, _ = run(capsys, "--db", db, "client", "show", "1", "--json")
    assert json.loads(out)["version"] == 1  # nothing changed


def run_exit(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """As ``run``, for input argparse itself refuses (it exits)."""
    try:
        return run(capsys, *args)
    except SystemExit as exc:
        out, err = capsys.readouterr()
        return int(exc.code or 0), out, err
