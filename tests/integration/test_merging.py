"""Merging duplicate cards, Undo of a merge, and the base-wide search for duplicates (issue 15)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.domain.errors import StaleEditError, UserError, ValidationError
from salesdesk.domain.model import (
    ContactFields,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    Money,
    ReminderFields,
)
from salesdesk.domain.requisites import inn_check_digits
from salesdesk.services import attachments, audit, clients, contacts, deals, history, merging, reminders
from salesdesk.store import UnitOfWork
from tests.integration.test_cli import new_base, run

Uow = Callable[[], UnitOfWork]
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def inn(stem: str) -> str:
    """A valid company INN from a 9-digit stem."""
    return stem + inn_check_digits(stem)


def fill(uow: Uow, client_id: int, who: str) -> None:
    """A contact person, a deal, a call, a reminder and a file on the card."""
    contacts.add_contact(
        uow(), client_id, ContactFields(full_name=f"{who} Иван", phones=("+7 912 000-00-0" + who[-1],), is_primary=True)
    )
    deals.add_deal(
        uow(),
        client_id,
        DealFields(title=f"Поставка {who}", amount=Money.of("1000"), stage=DealStage.NEW, opened_on=NOW.date()),
    )
    history.log_interaction(
        uow(), client_id, InteractionFields(kind=InteractionKind.CALL, occurred_at=NOW, summary=f"Звонок {who}")
    )
    reminders.add_reminder(uow(), client_id, ReminderFields(due_at=NOW + timedelta(days=3), text=f"Перезвонить {who}"))
    attachments.attach_bytes(uow(), client_id, f"Договор {who}.pdf", b"%PDF-1.4 " + who.encode())


def snapshot(uow: Uow, client_id: int) -> tuple[object, ...]:
    with uow().reading() as u:
        client = u.clients.get(client_id)
        return (
            client.fields(),
            client.deleted_at,
            client.completeness,
            client.next_reminder_at,
            u.merging.merged_into(client_id),
            sorted((p.id, p.is_primary) for p in u.contacts.list_for(client_id, include_deleted=True)),
            u.merging.child_counts(client_id),
        )


def test_merge_moves_everything_and_undo_restores_both_exactly(uow: Uow, add_client: Callable[..., int]) -> None:
    keep = add_client("ООО «Ромашка»", inn=inn("770123456"), phone="", email="", tags=("опт",))
    other = add_client("Ромашка", phone="+7 495 123-45-67", email="info@romashka.ru", city="Тверь", tags=("Опт", "VIP"))
    fill(uow, keep, "К1")
    fill(uow, other, "О2")
    before_keep, before_other = snapshot(uow, keep), snapshot(uow, other)
    k, o = clients.get_client(uow(), keep), clients.get_client(uow(), other)

    merged = merging.merge_clients(uow(), keep, k.version, other, o.version)

    card = clients.get_client(uow(), keep)
    assert card.name == "ООО «Ромашка»" and card.inn == k.inn  # K's values stay
    assert card.phone == "+7 495 123-45-67" and card.email == "info@romashka.ru"  # empty ones filled from O
    assert card.tags == ("опт", "VIP")  # joined, case-insensitively
    assert merged.counts() == {"contacts": 1, "deals": 1, "interactions": 1, "reminders": 1}
    people = contacts.list_contacts(uow(), keep)
    assert len(people) == 2 and [p.is_primary for p in people].count(True) == 1  # K's primary stays the one
    assert len(deals.deals_of(uow(), keep)) == 2
    assert sorted(a.name for a in attachments.list_files(uow(), keep)) == ["Договор К1.pdf", "Договор О2.pdf"]
    trashed = clients.get_client(uow(), other)
    assert trashed.deleted_at is not None and merging.merged_into(uow(), other) == keep
    with uow().reading() as u:
        assert u.merging.child_counts(other) == dict.fromkeys(u.merging.child_counts(other), 0)
    entries = audit.client_changes(uow(), other).records
    assert any(e.action == "merge" and e.field == "merged_into" and f"№{keep}" in (e.new or "") for e in entries)
    assert any(e.action == "merge" and e.field == "merged_from" for e in audit.client_changes(uow(), keep).records)

    merging.unmerge(uow(), merged)

    assert snapshot(uow, keep) == before_keep
    assert snapshot(uow, other) == before_other


def test_choice_per_field_and_the_version_checks(uow: Uow, add_client: Callable[..., int]) -> None:
    keep = add_client("Альфа", city="Москва", notes="старые")
    other = add_client("ООО «Альфа»", city="Тула", notes="новые")
    k, o = clients.get_client(uow(), keep), clients.get_client(uow(), other)
    with pytest.raises(StaleEditError):
        merging.merge_clients(uow(), keep, k.version, other, o.version - 1 or 99)
    with pytest.raises(StaleEditError):
        merging.merge_clients(uow(), keep, k.version + 1, other, o.version)
    with pytest.raises(ValidationError):
        merging.merge_clients(uow(), keep, k.version, keep, k.version)
    with pytest.raises(ValidationError):
        merging.merge_clients(uow(), keep, k.version, other, o.version, {"city": "theirs"})
    assert clients.get_client(uow(), other).deleted_at is None  # nothing happened

    merged = merging.merge_clients(uow(), keep, k.version, other, o.version, {"name": "other", "city": "other"})
    card = clients.get_client(uow(), keep)
    assert (card.name, card.city, card.notes) == ("ООО «Альфа»", "Тула", "старые")
    clients.update_client(uow(), keep, card.version, card.fields())  # edited after the merge
    with pytest.raises(StaleEditError):
        merging.unmerge(uow(), merged)  # Undo would overwrite that edit
    with pytest.raises(ValidationError):  # the trashed card cannot be merged again
        merging.merge_clients(uow(), keep, card.version + 1, other, merged.trashed_version)


def test_find_duplicates_by_each_reason_and_never_across_valid_inns(uow: Uow, add_client: Callable[..., int]) -> None:
    a_inn, b_inn = inn("770123456"), inn("500100732")
    same_inn = [add_client("Бета", inn=a_inn, kpp="770101001"), add_client("Бета-М", inn=a_inn, kpp="770101001")]
    branch = add_client("Бета филиал", inn=a_inn, kpp="771201001")  # another KPP: a branch
    phone = [add_client("Гамма", phone="8 (812) 555-12-12"), add_client("Дельта", phone="+7 812 555 1212")]
    # group companies share the switchboard: different valid INNs are never offered by phone
    add_client("Сигма", inn=inn("780200001"), phone="+7 343 100-20-30")
    add_client("Сигма Урал", inn=inn("660100002"), phone="+7 343 100-20-30")
    email = [add_client("Эпсилон", email="Office@Eps.ru"), add_client("Зета", email="office@eps.ru")]
    name = [add_client("ООО «Омега»"), add_client("ООО Омега"), add_client("Омега")]
    add_client("АО «Омега»")  # another legal form: another firm (but "Омега" alone may be either)
    twin = [add_client("Лютик", inn=a_inn.replace("7", "7")), add_client("Лютик", inn=b_inn)]
    near = [add_client("Северное сияние"), add_client("Северное сиянье")]
    groups = merging.duplicate_groups(uow())
    found = {g.ids: g for g in groups}
    assert found[tuple(same_inn)].reason == "inn" and found[tuple(same_inn)].score >= 95
    assert not any(branch in ids for ids in found)
    assert found[tuple(phone)].reason == "phone"
    assert found[tuple(email)].reason == "email"
    assert found[tuple(name)].reason == "name"
    assert any(g.reason == "name" and len(g.ids) == 2 and name[2] in g.ids for g in groups)  # АО + bare
    assert tuple(twin) not in found  # same name, different valid INNs
    assert found[tuple(near)].reason == "similar_name"
    assert not any(len({clients.get_client(uow(), i).inn for i in ids} - {""}) > 1 for ids in found)
    assert [g.score for g in groups] == sorted((g.score for g in groups), reverse=True)
    clients.trash_client(uow(), phone[1])
    assert tuple(phone) not in {g.ids for g in merging.duplicate_groups(uow())}  # only live cards


def test_command_line_duplicates_and_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    ids = []
    for name in ("ООО «Каскад»", "Каскад"):
        code, out, _ = run(capsys, "--db", db, "client", "add", "--name", name, "--email", "sales@kaskad.ru", "--json")
        ids.append(json.loads(out)["id"])
    code, out, _ = run(capsys, "--db", db, "duplicates", "--json")
    assert code == 0 and json.loads(out) == [{"ids": ids, "reason": "email", "score": 90}]
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "client", "merge", str(ids[0]), str(ids[1]))
    assert code == 2 and "Каскад" in err and "--yes" in err and out == ""
    code, out, _ = run(capsys, "--db", db, "duplicates", "--json")
    assert len(json.loads(out)) == 1  # nothing was merged
    code, out, _ = run(capsys, "--db", db, "client", "merge", str(ids[0]), str(ids[1]), "--yes", "--json")
    assert code == 0
    assert json.loads(out) == {
        "kept": ids[0],
        "trashed": ids[1],
        "moved": {"contacts": 0, "deals": 0, "interactions": 0, "reminders": 0},
    }
    code, out, _ = run(capsys, "--db", db, "duplicates", "--json")
    assert json.loads(out) == []
    code, _, err = run(capsys, "--db", db, "client", "merge", str(ids[0]), str(ids[1]), "--yes")
    assert code == 2 and "корзин" not in err and "trash" in err  # in the trash now: a clear refusal
    code, _, err = run(capsys, "--db", db, "client", "merge", str(ids[0]), "999", "--yes")
    assert code == 2 and "999" in err


def test_a_merged_card_is_not_restored_empty_from_the_trash(
    tmp_path: Path, uow: Uow, add_client: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    """Its contacts, deals and files are on the kept card: restored from the trash it would be an empty
    shell, so the restore is refused with a pointer to the kept card (Undo of the merge is the way)."""
    keep = add_client("ООО «Ромашка»")
    other = add_client("Ромашка")
    lone = add_client("Лютик")
    fill(uow, other, "О2")
    k, o = clients.get_client(uow(), keep), clients.get_client(uow(), other)
    merging.merge_clients(uow(), keep, k.version, other, o.version)
    clients.trash_client(uow(), lone)

    with pytest.raises(UserError) as refused:
        clients.restore_client(uow(), other)
    assert "ООО «Ромашка»" in str(refused.value) and f"#{keep}" in str(refused.value)
    with pytest.raises(UserError):  # one merged card among several: none is restored
        clients.restore_clients(uow(), [lone, other])
    assert clients.get_client(uow(), other).deleted_at is not None
    assert clients.get_client(uow(), lone).deleted_at is not None
    clients.restore_client(uow(), lone)  # an ordinary trashed card comes back as before
    assert clients.get_client(uow(), lone).deleted_at is None
    assert len(contacts.list_contacts(uow(), keep)) == 1  # the data stays on the kept card


def test_command_line_refuses_to_restore_a_merged_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    ids = []
    for name in ("ООО «Каскад»", "Каскад"):
        code, out, _ = run(capsys, "--db", db, "client", "add", "--name", name, "--json")
        ids.append(json.loads(out)["id"])
    assert run(capsys, "--db", db, "client", "merge", str(ids[0]), str(ids[1]), "--yes")[0] == 0
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "client", "restore", str(ids[1]))
    assert code == 2 and "объединён с «ООО «Каскад»»" in err and "Правка → Отменить" in err


def test_near_names_with_a_typo_in_the_first_letters_are_found(uow: Uow, add_client: Callable[..., int]) -> None:
    """The near-name pass compared only names sharing their first three letters, so a typo there
    ("Ромашка", "Рамашка") sorted them apart and the pair was never offered."""
    early = [add_client("ООО «Ромашка»"), add_client("Рамашка")]
    added = [add_client("Северное сияние"), add_client("Ссеверное сияние")]  # a letter typed twice
    stores = [add_client("Северное сияние 1"), add_client("Северное сияние 2")]  # two stores, not a typo
    branches = [add_client("Лютик", inn=inn("770123456")), add_client("Лютек", inn=inn("500100732"))]
    short = [add_client("Вектор"), add_client("Сектор")]  # six letters, one differs: two firms
    found = {g.ids: g for g in merging.duplicate_groups(uow())}
    assert found[tuple(early)].reason == "similar_name"
    assert found[tuple(added)].reason == "similar_name"
    assert found[tuple(early)].score < found[tuple(added)].score  # a short name is less sure
    for ids in (stores, branches, short):  # different valid INNs are never paired by name alone
        assert tuple(ids) not in found


def test_the_common_start_of_two_names_is_counted_exactly() -> None:
    from os.path import commonprefix

    from salesdesk.services.merging import _common_start

    words = ["", "а", "аб", "ромашка", "рамашка", "ромашки", "ромашка плюс", "северное сияние", "северное сиянье"]
    for one in words:
        for two in words:
            assert _common_start(one, two) == len(commonprefix((one, two))), (one, two)
