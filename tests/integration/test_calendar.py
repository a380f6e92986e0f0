"""The calendar through the services and the command line: what falls on which day, whose it is,
rescheduling a reminder by a day, and the iCalendar export read back by a strict parser."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest

from salesdesk.cli import main
from salesdesk.domain.audit import Actor, AuditQuery, Via
from salesdesk.domain.errors import StaleEditError
from salesdesk.domain.model import (
    ContactFields,
    DealFields,
    InteractionFields,
    InteractionKind,
    ManagerFields,
    Money,
    ReminderFields,
    Role,
)
from salesdesk.services import audit, calendar, contacts, deals, history, permissions, reference, reminders
from salesdesk.services.calendar import EventKind
from salesdesk.services.permissions import NotAllowed
from salesdesk.store import Database, UnitOfWork
from tests.integration.test_cli import new_base, run
from tests.unit.test_ical import parse_ics

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 31)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


@pytest.fixture
def office(uow: Callable[[], UnitOfWork], add_client: Callable[..., int]) -> dict[str, int]:
    anna = reference.create_manager(uow(), ManagerFields(name="Анна")).id
    boris = reference.create_manager(uow(), ManagerFields(name="Борис")).id
    mine = add_client("ООО «Ромашка»", owner_id=anna)
    theirs = add_client("ИП Васильев", owner_id=boris)
    ids = {"anna": anna, "boris": boris, "mine": mine, "theirs": theirs}
    ids["reminder"] = reminders.add_reminder(
        uow(), mine, ReminderFields(due_at=local(date(2027, 3, 10), 10, 30), text="Позвонить; обсудить, цены")
    ).id
    ids["other_reminder"] = reminders.add_reminder(
        uow(), theirs, ReminderFields(due_at=local(date(2027, 3, 11), 9), text="Счёт")
    ).id
    reminders.add_reminder(uow(), mine, ReminderFields(due_at=local(date(2027, 4, 2), 9), text="Not in March"))
    ids["meeting"] = history.log_interaction(
        uow(),
        mine,
        InteractionFields(kind=InteractionKind.MEETING, occurred_at=local(date(2027, 3, 12), 15), summary="Встреча"),
    ).id
    history.log_interaction(
        uow(), mine, InteractionFields(kind=InteractionKind.NOTE, occurred_at=local(date(2027, 3, 12), 16), summary="x")
    )
    ids["deal"] = deals.add_deal(
        uow(),
        theirs,
        DealFields(
            title="Обслуживание",
            amount=Money.of(Decimal("1000")),
            opened_on=date(2026, 1, 10),
            contract_end=date(2027, 3, 20),
        ),
    ).id
    ids["leap"] = contacts.add_contact(
        uow(), mine, ContactFields(full_name="Ирина Петрова", birth_date=date(1996, 2, 29))
    ).id
    ids["march"] = contacts.add_contact(
        uow(), theirs, ContactFields(full_name="Олег Сидоров", birth_date=date(1980, 3, 5))
    ).id
    return ids


def test_each_kind_falls_on_its_local_day(uow: Callable[[], UnitOfWork], office: dict[str, int]) -> None:
    found = calendar.events(uow(), FIRST, LAST)
    seen = {(e.kind, e.ident): e for e in found}
    assert seen[(EventKind.REMINDER, office["reminder"])].day == date(2027, 3, 10)
    assert seen[(EventKind.REMINDER, office["reminder"])].at == local(date(2027, 3, 10), 10, 30)
    assert seen[(EventKind.MEETING, office["meeting"])].day == date(2027, 3, 12)
    assert seen[(EventKind.CONTRACT_END, office["deal"])].day == date(2027, 3, 20)
    birthday = seen[(EventKind.BIRTHDAY, office["march"])]
    assert (birthday.day, birthday.turns) == (date(2027, 3, 5), 47)
    assert {e.kind for e in found} == set(EventKind) - {EventKind.CALL}  # the note is no meeting
    assert all(FIRST <= e.day <= LAST for e in found)  # April's reminder and the February birthday stay out
    assert [e.day for e in found] == sorted(e.day for e in found)


def test_29_february_falls_on_28_february_in_other_years(uow: Callable[[], UnitOfWork], office: dict[str, int]) -> None:
    in_2027 = [e for e in calendar.events(uow(), date(2027, 2, 1), date(2027, 2, 28)) if e.kind is EventKind.BIRTHDAY]
    assert [(e.ident, e.day, e.turns) for e in in_2027] == [(office["leap"], date(2027, 2, 28), 31)]
    in_2028 = [e for e in calendar.events(uow(), date(2028, 2, 1), date(2028, 3, 1)) if e.kind is EventKind.BIRTHDAY]
    assert [(e.ident, e.day) for e in in_2028] == [(office["leap"], date(2028, 2, 29))]


def test_one_managers_calendar(uow: Callable[[], UnitOfWork], office: dict[str, int]) -> None:
    annas = calendar.events(uow(), FIRST, LAST, manager_id=office["anna"])
    assert {e.client_id for e in annas} == {office["mine"]}
    assert all(e.owner_id == office["anna"] for e in annas)
    boris = calendar.events(uow(), FIRST, LAST, manager_id=office["boris"])
    assert {(e.kind, e.ident) for e in boris} == {
        (EventKind.REMINDER, office["other_reminder"]),
        (EventKind.CONTRACT_END, office["deal"]),
        (EventKind.BIRTHDAY, office["march"]),
    }


def test_rescheduling_keeps_the_time_of_day_and_is_audited(
    uow: Callable[[], UnitOfWork], office: dict[str, int]
) -> None:
    before = reminders.get_reminder(uow(), office["reminder"])
    saved = calendar.reschedule(uow(), office["reminder"], before.version, date(2027, 3, 17))
    after = reminders.get_reminder(uow(), office["reminder"])
    assert after.due_at == local(date(2027, 3, 17), 10, 30)
    assert saved.version == before.version + 1
    trail = audit.changes(uow(), AuditQuery())
    assert [(r.action, r.field) for r in trail if r.entity == "reminder" and r.entity_id == office["reminder"]] == [
        ("edit", "due_at"),
        ("create", None),
    ]
    with pytest.raises(StaleEditError):  # someone else moved it meanwhile: the old version is refused
        calendar.reschedule(uow(), office["reminder"], before.version, date(2027, 3, 18))
    assert reminders.get_reminder(uow(), office["reminder"]).due_at == local(date(2027, 3, 17), 10, 30)


def test_export_is_valid_icalendar_with_stable_uids(
    uow: Callable[[], UnitOfWork], office: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "cal.ics"
    now = datetime(2027, 3, 1, 6, 0, tzinfo=UTC)
    result = calendar.export_calendar(uow(), target, days=31, now=now)
    data = target.read_bytes()
    events = parse_ics(data)
    assert result.events == len(events) == 5
    by_uid = {e["UID"]: e for e in events}
    reminder = by_uid[f"reminder-{office['reminder']}@salesdesk"]
    assert reminder["DTSTART"] == local(date(2027, 3, 10), 10, 30).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert "Позвонить; обсудить, цены" in reminder["SUMMARY"]
    assert by_uid[f"contract-end-{office['deal']}@salesdesk"]["DTSTART;VALUE=DATE"] == "20270320"
    assert by_uid[f"birthday-{office['march']}-2027@salesdesk"]["DTEND;VALUE=DATE"] == "20270306"
    assert all(e["DTSTAMP"] == "20270301T060000Z" for e in events)
    again = tmp_path / "again.ics"
    calendar.export_calendar(uow(), again, days=31, now=now)
    assert {e["UID"] for e in parse_ics(again.read_bytes())} == set(by_uid)  # a re-export updates, never duplicates


def test_cli_calendar_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = new_base(tmp_path / "base.sqlite")
    code, out, err = run(capsys, "--db", base, "client", "add", "--name", "ООО «Ромашка»")
    assert code == 0, err
    target = tmp_path / "week"
    code, out, err = run(capsys, "--db", base, "calendar", "export", str(target), "--days", "7")
    assert code == 0, err
    assert "week.ics" in out
    assert parse_ics((tmp_path / "week.ics").read_bytes()) == []
    code, out, err = run(capsys, "--db", base, "calendar", "export", str(target), "--manager", "Никто")
    assert code != 0 and "Никто" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as refused:
        main(["--db", base, "calendar", "export", str(target), "--days", "0"])
    assert refused.value.code == 2 and "--days" in capsys.readouterr().err
    code, out, err = run(capsys, "--db", base, "calendar", "export", str(tmp_path))
    assert code == 2 and "Traceback" not in err


def test_a_manager_who_may_export_only_their_own_clients(
    database: Database, uow: Callable[[], UnitOfWork], office: dict[str, int], tmp_path: Path
) -> None:
    permissions.set_role(uow(), office["boris"], Role.HEAD)  # with a head, the base's rules apply
    as_anna = UnitOfWork(database, actor=Actor(office["anna"], Via.COMMAND_LINE))
    calendar.export_calendar(as_anna, tmp_path / "mine.ics", manager_id=office["anna"], days=3660)
    assert parse_ics((tmp_path / "mine.ics").read_bytes())
    as_anna = UnitOfWork(database, actor=Actor(office["anna"], Via.COMMAND_LINE))
    with pytest.raises(NotAllowed):
        calendar.export_calendar(as_anna, tmp_path / "all.ics", days=3660)
    assert not (tmp_path / "all.ics").exists()


def test_a_birthday_without_a_year_shows_no_age_and_each_year_of_a_long_export(
    uow: Callable[[], UnitOfWork], office: dict[str, int], tmp_path: Path
) -> None:
    """The calendar reads birthdays the way the reminders panel does (services/birthdays.py): a
    person whose birth year is unknown (kept as 1604, as phones do) turns no age — the calendar's
    own query gave them 423 — and a range of two years has both birthdays."""
    mine = contacts.get_contact(uow(), office["leap"]).client_id
    unknown = contacts.add_contact(uow(), mine, ContactFields(full_name="Аня Без Года", birth_date=date(1604, 3, 7)))
    span = calendar.events(uow(), date(2027, 3, 1), date(2028, 3, 31))
    found = [e for e in span if e.kind is EventKind.BIRTHDAY and e.ident == unknown.id]
    assert [(e.day, e.turns) for e in found] == [(date(2027, 3, 7), None), (date(2028, 3, 7), None)]
