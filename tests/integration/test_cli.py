"""The command line through its entry point, as scripts use it."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from salesdesk import __version__, paths
from salesdesk.cli import main
from salesdesk.store.database import HEAD_REVISION
from tests import server as test_server


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def new_base(path: Path) -> str:
    """A base made the one way a named base is made: ``salesdesk init PATH`` (on the PostgreSQL run,
    ``salesdesk init URL`` on an empty database of the test server; the URL is returned instead)."""
    where = test_server.server().empty() if test_server.ON_POSTGRES else str(path)
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["init", where]) == 0
    if not test_server.ON_POSTGRES:
        assert where in out.getvalue()
    return where


def test_add_then_search_the_done_when_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "client",
        "add",
        "--name",
        "ООО «Ёлка»",
        "--inn",
        "7707083893",
        "--phone",
        "8 (495) 123-45-67",
        "--json",
    )
    assert code == 0
    new_id = json.loads(out)["id"]
    code, out, _ = run(capsys, "--db", db, "search", "елка", "--json")
    assert code == 0
    hits = json.loads(out)
    assert [(h["id"], h["name"], h["inn"], h["phone"]) for h in hits] == [
        (new_id, "ООО «Ёлка»", "7707083893", "8 (495) 123-45-67")
    ]
    assert 0 < hits[0]["completeness"] < 100


def test_invalid_inn_exits_2_naming_the_field_and_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "client", "add", "--name", "Тест", "--inn", "7707083894")
    assert (code, out) == (2, "")
    assert "ИНН 7707083894: неверная контрольная цифра" in err
    code, out, _ = run(capsys, "--db", db, "search", "тест", "--json")
    assert json.loads(out) == []


def test_options_work_before_and_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "after.sqlite")
    code, _, err = run(capsys, "client", "add", "--name", "X", "--inn", "1", "--db", db, "--lang", "en")
    assert code == 2 and "INN 1: must be 10 digits" in err
    assert run(capsys, "client", "add", "--name", "ООО «После»", "--db", db)[0] == 0
    code, out, _ = run(capsys, "search", "после", "--json", "--db", db)
    assert code == 0 and [r["name"] for r in json.loads(out)] == ["ООО «После»"]


def test_without_db_the_base_lives_in_the_user_data_folder(
    capsys: pytest.CaptureFixture[str], _isolated_data_dir: Path
) -> None:
    code, out, _ = run(capsys, "client", "add", "--name", "ООО «Ромашка»")
    assert code == 0
    assert (_isolated_data_dir / "salesdesk.sqlite").exists()


def test_default_folder_comes_from_platformdirs() -> None:
    expected = Path(platformdirs.user_data_dir("SalesDesk", appauthor=False))
    assert paths.data_dir({}) == expected
    assert paths.default_database({}) == expected / "salesdesk.sqlite"
    assert paths.database_target(None, {"SALESDESK_DB": "/srv/base.sqlite"}) == "/srv/base.sqlite"
    assert paths.database_target("cli.sqlite", {"SALESDESK_DB": "/srv/base.sqlite"}) == "cli.sqlite"


def test_environment_variable_chooses_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = new_base(tmp_path / "env.sqlite")
    monkeypatch.setenv("SALESDESK_DB", target)
    assert run(capsys, "client", "add", "--name", "Env")[0] == 0
    monkeypatch.delenv("SALESDESK_DB")
    code, out, _ = run(capsys, "--db", target, "search", "env", "--json")
    assert code == 0 and [r["name"] for r in json.loads(out)] == ["Env"]


def test_owner_and_industry_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    assert run(capsys, "--db", db, "manager", "add", "Анна Смирнова")[0] == 0
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "client",
        "add",
        "--name",
        "ООО «Стройка»",
        "--industry",
        "F",
        "--owner",
        "анна смирнова",
        "--json",
    )
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "client", "show", str(json.loads(out)["id"]), "--json")
    card = json.loads(out)
    assert (card["industry_name"], card["owner_name"]) == ("Строительство", "Анна Смирнова")
    code, _, err = run(capsys, "--db", db, "client", "add", "--name", "Y", "--owner", "Никто")
    assert code == 2 and "Никто" in err


def test_trash_restore_and_not_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    _, out, _ = run(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»")
    ident = out.strip()
    assert run(capsys, "--db", db, "client", "trash", ident)[0] == 0
    assert json.loads(run(capsys, "--db", db, "search", "ромашка", "--json")[1]) == []
    assert run(capsys, "--db", db, "client", "restore", ident)[0] == 0
    assert len(json.loads(run(capsys, "--db", db, "search", "ромашка", "--json")[1])) == 1
    code, _, err = run(capsys, "--db", db, "client", "show", "999")
    assert code == 1 and "999" in err


def test_check_reports_integrity_and_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", new_base(tmp_path / "x.sqlite"), "check")
    assert code == 0
    assert "integrity: ok" in out and "schema: 0018_live_list_covering (expected 0018_live_list_covering)" in out


def test_a_broken_file_is_a_clear_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"\x00garbage" * 1000)
    code, _, err = run(capsys, "--db", str(broken), "check")
    assert code == 1 and "not a SalesDesk database" in err and "Traceback" not in err


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    env = {**os.environ, "SALESDESK_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"SalesDesk {__version__}")


# Deals and the contact log -------------------------------------------------------------------------


def _client(capsys: pytest.CaptureFixture[str], db: str) -> int:
    code, out, _ = run(capsys, "--db", db, "client", "add", "--name", "ООО «Ромашка»", "--json")
    assert code == 0
    return int(json.loads(out)["id"])


def test_a_won_deal_with_a_contract_end_plans_its_renewal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    assert run(capsys, "--db", db, "manager", "add", "Иванова Анна")[0] == 0
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "deal",
        "add",
        str(client),
        "--title",
        "Годовое обслуживание",
        "--amount",
        "1 250 000,50",
        "--stage",
        "won",
        "--closed",
        "15.01.2026",
        "--opened",
        "2026-01-10",
        "--contract-end",
        "31.12.2026",
        "--owner",
        "Иванова Анна",
        "--renewal-days",
        "10",
        "--json",
    )
    assert code == 0
    added = json.loads(out)
    assert added["renewal_reminder"]["due_at"].startswith("2026-12-21")
    assert "Годовое обслуживание" in added["renewal_reminder"]["text"]
    code, out, _ = run(capsys, "--db", db, "deal", "list", "--stage", "won", "--owner", "Иванова Анна", "--json")
    assert code == 0
    assert [
        (d["id"], d["amount"], d["currency"], d["opened_on"], d["closed_on"], d["owner"]) for d in json.loads(out)
    ] == [(added["id"], "1250000.50", "RUB", "2026-01-10", "2026-01-15", "Иванова Анна")]
    code, out, _ = run(capsys, "--db", db, "deal", "list", "--stage", "lost", "--json")
    assert json.loads(out) == []


def test_the_renewal_lead_time_defaults_to_the_windows_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], _isolated_data_dir: Path
) -> None:
    from salesdesk.ui.settings import Settings

    Settings().renewal_days = 45
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "deal",
        "add",
        str(client),
        "--title",
        "Аренда",
        "--amount",
        "1000",
        "--stage",
        "won",
        "--contract-end",
        "2030-03-31",
        "--json",
    )
    assert code == 0 and json.loads(out)["renewal_reminder"]["due_at"].startswith("2030-02-14")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--amount", "сто тысяч"), "Сумма «сто тысяч»: не сумма денег"),
        (("--amount", "5", "--opened", "31.02.2026"), "Дата открытия «31.02.2026»: неверная дата"),
        (("--amount", "5", "--stage", "lost"), "Причина проигрыша"),
        (("--amount", "5", "--owner", "Никто"), "Никто"),
    ],
)
def test_a_deal_that_cannot_be_saved_exits_2_in_the_users_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: tuple[str, ...], message: str
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "deal", "add", str(client), "--title", "Сделка", *options)
    assert (code, out) == (2, "") and message in err
    assert json.loads(run(capsys, "--db", db, "deal", "list", "--json")[1]) == []


def test_log_a_call_close_the_reminder_and_plan_the_next(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from salesdesk.services import history, reminders
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "log",
        str(client),
        "Позвонить насчёт КП",
        "--kind",
        "note",
        "--next-on",
        "01.12.2030",
        "--json",
    )
    assert code == 0
    first = json.loads(out)
    assert first["next_reminder"] is not None and first["closed_reminder"] is None
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "log",
        str(client),
        "Обсудили продление",
        "--result",
        "Ждут КП",
        "--at",
        "28.11.2026 15:30",
        "--close-reminder",
        str(first["next_reminder"]),
        "--next-in",
        "3",
        "--next",
        "Предложить новые условия",
        "--json",
    )
    assert code == 0
    second = json.loads(out)
    database = open_database(resolve_url(db))
    try:
        planned = reminders.reminders_of(UnitOfWork(database), client)
        entries = history.timeline(UnitOfWork(database), client)
    finally:
        database.dispose()
    by_id = {r.id: r for r in planned}
    assert by_id[first["next_reminder"]].done_at is not None
    assert by_id[second["next_reminder"]].text == "Предложить новые условия"
    assert by_id[second["next_reminder"]].done_at is None
    call = next(e for e in entries if e.title == "Обсудили продление")
    assert call.when.astimezone().strftime("%d.%m.%Y %H:%M") == "28.11.2026 15:30"


def test_log_refuses_a_time_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "log", str(client), "Звонок", "--at", "вчера вечером")
    assert (code, out) == (2, "") and "Когда «вчера вечером»: неверная дата" in err
    code, _, err = run(capsys, "--db", db, "--lang", "ru", "log", "999", "Звонок")
    assert code == 1 and "999" in err


# Reports ------------------------------------------------------------------------------------------


def test_report_list_names_every_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from salesdesk.services.reports import REPORTS

    code, out, _ = run(capsys, "--db", new_base(tmp_path / "x.sqlite"), "report", "--list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(REPORTS)


def test_a_report_to_json_to_a_workbook_and_to_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    for amount, day in (("1 000,10", "15.07.2026"), ("2000", "30.09.2026"), ("500", "01.10.2026")):
        assert (
            run(
                capsys,
                "--db",
                db,
                "deal",
                "add",
                str(client),
                "--title",
                "Поставка",
                "--amount",
                amount,
                "--stage",
                "won",
                "--opened",
                day,
                "--closed",
                day,
            )[0]
            == 0
        )
    period = ("--from", "01.07.2026", "--to", "2026-09-30")
    code, out, _ = run(capsys, "--db", db, "report", "sales-by-manager", *period, "--json")
    assert code == 0
    data = json.loads(out)
    amount = [c["key"] for c in data["columns"]].index("amount")
    assert data["totals"][amount] == "3000.10"
    saved = tmp_path / "отчёт"
    code, out, _ = run(capsys, "--db", db, "report", "sales_by_manager", *period, "-o", str(saved))
    assert code == 0 and out.strip() == str(saved.with_suffix(".xlsx"))
    from openpyxl import load_workbook

    assert len(load_workbook(saved.with_suffix(".xlsx")).active._charts) == 1
    code, out, _ = run(capsys, "--db", db, "--lang", "ru", "report", "sales_by_manager", *period)
    assert code == 0
    assert out.splitlines()[0] == "Продажи по менеджерам"
    assert "3\u00a0000,10" in out.splitlines()[-1]  # the totals line, as a Russian reader writes money


def test_the_pipeline_counts_by_the_date_chosen_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    # Opened in June, won in July: July counts it by the date closed, not by the date opened.
    assert (
        run(
            capsys,
            "--db",
            db,
            "deal",
            "add",
            str(client),
            "--title",
            "Поставка",
            "--amount",
            "100",
            "--stage",
            "won",
            "--opened",
            "15.06.2026",
            "--closed",
            "10.07.2026",
        )[0]
        == 0
    )
    july = ("--from", "01.07.2026", "--to", "31.07.2026")
    counts = {}
    for basis in ("opened", "closed"):
        code, out, _ = run(capsys, "--db", db, "report", "pipeline", *july, "--by-date", basis, "--json")
        assert code == 0
        data = json.loads(out)
        assert data["counted_by"] == basis
        counts[basis] = {row[0]: row[1] for row in data["rows"]}
    assert counts["opened"]["Won"] == 0 and counts["closed"]["Won"] == 1
    code, out, _ = run(capsys, "--db", db, "--lang", "ru", "report", "pipeline", *july, "--by-date", "closed")
    assert code == 0 and "Считается по: дате закрытия сделки (выиграна или проиграна)" in out
    code, out, _ = run(capsys, "--db", db, "report", "--list")
    assert "--by-date opened|closed" in next(line for line in out.splitlines() if line.startswith("pipeline"))


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (("nope",), 1, "nope"),
        ((), 1, "--list"),
        (("sales_by_manager", "--by", "industry"), 1, "manager"),
        (("sales_by_manager", "--from", "32.13.2026"), 2, "32.13.2026"),
        (("sales_by_period", "--from", "01.10.2026", "--to", "01.07.2026"), 2, "01.10.2026"),
        (("sleeping_clients", "--manager", "Никто"), 2, "Никто"),
        (("pipeline", "--by-date", "shipped"), 2, "opened or closed, not “shipped”"),
        (("sales_by_period", "--by-date", "opened"), 1, "no choice of date"),
    ],
)
def test_a_report_that_cannot_be_computed_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: tuple[str, ...], code: int, message: str
) -> None:
    got, out, err = run(capsys, "--db", new_base(tmp_path / "x.sqlite"), "report", *options)
    assert (got, out) == (code, "") and message in err


def test_a_won_deal_makes_a_lead_an_active_client_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)  # a new client is a lead
    code, out, err = run(
        capsys, "--db", db, "deal", "add", str(client), "--title", "Поставка", "--amount", "500", "--stage", "won"
    )
    assert code == 0 and out.strip().isdigit()
    assert "Deal won: ООО «Ромашка» is now an active client (was: lead)" in err
    code, out, _ = run(capsys, "--db", db, "client", "show", str(client), "--json")
    assert json.loads(out)["status"] == "active"
    code, out, err = run(
        capsys, "--db", db, "deal", "add", str(client), "--title", "Ещё", "--amount", "5", "--stage", "won", "--json"
    )
    assert code == 0 and json.loads(out)["client_status"] is None and "active client" not in err


def test_a_won_deal_tells_a_script_what_the_client_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    code, out, _ = run(capsys, "--db", db, "client", "add", "--name", "ИП Петров", "--status", "prospect", "--json")
    client = int(json.loads(out)["id"])
    code, out, err = run(
        capsys,
        "--db",
        db,
        "--lang",
        "ru",
        "deal",
        "add",
        str(client),
        "--title",
        "Аудит",
        "--amount",
        "5",
        "--stage",
        "won",
    )
    assert code == 0 and "Сделка выиграна: клиент ИП Петров теперь действующий (был: потенциальный)." in err
    code, out, _ = run(capsys, "--db", db, "client", "add", "--name", "ИП Сидоров", "--status", "prospect", "--json")
    client = int(json.loads(out)["id"])
    code, out, _ = run(
        capsys, "--db", db, "deal", "add", str(client), "--title", "Сервис", "--amount", "5", "--stage", "won", "--json"
    )
    assert code == 0 and json.loads(out)["client_status"] == {"was": "prospect", "now": "active"}


def test_deal_add_says_the_renewal_sentence_the_window_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 9, item 15: the planned day and the day off it avoided, in the deal editor's words."""
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    deal = (
        "deal",
        "add",
        str(client),
        "--title",
        "Годовое обслуживание",
        "--amount",
        "100",
        "--stage",
        "won",
        "--opened",
        "10.01.2026",
        "--closed",
        "15.01.2026",
        "--contract-end",
        "17.01.2030",
        "--renewal-days",
        "10",
    )
    code, _, err = run(capsys, "--db", db, "--lang", "ru", *deal)
    assert code == 0
    assert (
        "Напоминание предложить новые условия придёт в понедельник, 31 декабря 2029 года"
        " — 7 января выходной." in err.splitlines()
    )
    code, _, err = run(capsys, "--db", db, "--lang", "en", *deal)
    assert (
        "A reminder to offer new terms will come on Monday, 31 December 2029 — 7 January is a day off."
        in err.splitlines()
    )


def test_export_says_how_many_history_entries_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_base(tmp_path / "x.sqlite")
    client = _client(capsys, db)
    for summary in ("Звонок", "Встреча в офисе"):
        assert run(capsys, "--db", db, "log", str(client), summary)[0] == 0
    target = tmp_path / "база.xlsx"
    code, out, _ = run(capsys, "--db", db, "--lang", "ru", "export", str(target))
    assert code == 0 and out.strip().endswith("0 напоминаний, 2 записи истории контактов")
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "export", str(target))
    assert code == 0 and out.strip().endswith("0 reminders, 2 contact history entries")


def test_a_csv_export_does_not_claim_the_base_has_no_deals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV holds the clients only: its summary said «0 сделок, 0 напоминаний» of a base full of them."""
    db = new_base(tmp_path / "x.sqlite")
    assert run(capsys, "--db", db, "demo", "--clients", "20")[0] == 0
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "export", str(tmp_path / "out.csv"))
    assert code == 0 and "Traceback" not in err
    assert "20 клиентов выгружено" in out
    assert "0 сделок" not in out and "в CSV — только клиенты" in out
    code, out, _ = run(capsys, "--db", db, "--lang", "ru", "export", str(tmp_path / "out.xlsx"))
    assert code == 0 and "сдел" in out and "в CSV" not in out


def test_a_deal_closed_last_week_can_be_recorded_without_its_opening_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`deal add --stage won --closed <a past day>` was refused: the opening defaulted to today."""
    from datetime import date, timedelta

    db = new_base(tmp_path / "x.sqlite")
    client = run(capsys, "--db", db, "client", "add", "--name", "ООО «Ёлка»")[1].strip()
    closed = (date.today() - timedelta(days=5)).strftime("%d.%m.%Y")
    code, out, err = run(
        capsys,
        "--db",
        db,
        "--lang",
        "ru",
        "deal",
        "add",
        client,
        "--title",
        "Поставка",
        "--amount",
        "1 250 000,50",
        "--stage",
        "won",
        "--closed",
        closed,
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "deal", "list", "--json")
    [deal] = json.loads(out)
    assert deal["opened_on"] == deal["closed_on"] == (date.today() - timedelta(days=5)).isoformat()


@pytest.mark.parametrize("name", ["\x1b[31mкрасный\x1b]0;title\x07", "x" * 100_000])
def test_an_unknown_report_name_is_echoed_short_and_without_terminal_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """`report <name>` printed the typed name raw: escape codes reached the terminal, 100 000 characters too."""
    db = new_base(tmp_path / "x.sqlite")
    code, out, err = run(capsys, "--db", db, "--lang", "ru", "report", name)
    assert (code, out) == (1, "")
    assert "Нет отчёта" in err and "pipeline" in err
    assert "\x1b" not in err and "\x07" not in err and len(err) < 400


def test_deal_list_refuses_a_period_that_ends_before_it_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`deal list --from 01.01.2027 --to 01.01.2026` printed «Показано 0 из 0 сделок», as if there were none."""
    db = new_base(tmp_path / "x.sqlite")
    code, out, err = run(
        capsys, "--db", db, "--lang", "ru", "deal", "list", "--from", "01.01.2027", "--to", "01.01.2026"
    )
    assert (code, out) == (2, "")
    assert "Начало периода (01.01.2027) позже его конца (01.01.2026)" in err


@pytest.mark.postgres_only
def test_init_sets_up_an_empty_server_database_and_refuses_one_with_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The URL was once taken for a file path: a SQLite base appeared in a folder named
    "postgresql+psycopg:" in the working folder, and the server database stayed empty."""
    monkeypatch.chdir(tmp_path)
    url = test_server.server().empty()
    code, out, _ = run(capsys, "init", url)
    assert code == 0 and url.rsplit("/", 1)[-1] in out
    assert list(tmp_path.iterdir()) == []
    code, out, _ = run(capsys, "--db", url, "check")
    assert code == 0 and HEAD_REVISION in out
    code, _, err = run(capsys, "init", url)
    assert code == 1 and "holds tables already" in err
    test_server.server().drop(url)


def test_report_sales_by_industry_drills_into_a_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = new_base(tmp_path / "x.sqlite")
    code, out, _ = run(capsys, "--db", base, "--lang", "ru", "report", "sales_by_industry", "--section", "j", "--json")
    assert code == 0 and "J — Деятельность в области информации и связи" in out
    code, _, err = run(capsys, "--db", base, "report", "sales_by_industry", "--section", "Я")
    assert code == 2 and "OKVED section “Я” not found" in err and "Traceback" not in err
