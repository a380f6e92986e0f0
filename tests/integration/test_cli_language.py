"""The command line speaks the user's language: Russian under a Russian locale, --lang overrides;
argparse's own words, every help text, labels, tables and summaries; JSON keys stay English."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from salesdesk import cli, cli_texts
from salesdesk.cli import main
from salesdesk.domain import messages
from salesdesk.domain.model import Money
from salesdesk.domain.numbers import money_text
from tests.integration.test_cli import new_base

NBSP = "\u00a0"
CYRILLIC = re.compile("[А-Яа-яЁё]")


@pytest.fixture
def russian_locale(monkeypatch: pytest.MonkeyPatch, lang: None) -> None:
    for name in ("SALESDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    monkeypatch.setenv("COLUMNS", "1000")  # argparse wraps to the terminal: one help entry, one line


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # --help and argparse's errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def _every_command() -> list[tuple[str, ...]]:
    with cli_texts.speaking():
        return list(_commands(cli._parser()))


NOT_WORDS = re.compile(
    r"--?[a-z][\w-]*"  # option names
    r"|\{[^}]*\}"  # choices, {ru,en}
    r"|\b[A-Z][A-Z0-9_]*(\.[a-z]+)?\b"  # metavars: FILE, PATH_OR_URL, FILE.json
)


def untranslated(help_text: str, command_words: set[str]) -> list[str]:
    """Lines of a help text that carry no Russian but English words besides names and metavars."""
    found = []
    for line in help_text.splitlines():
        if CYRILLIC.search(line):
            continue
        rest = NOT_WORDS.sub(" ", line)
        words = [w for w in re.findall(r"[A-Za-z]{2,}", rest) if w not in command_words]
        if words:
            found.append(line)
    return found


def test_every_help_line_is_russian_under_a_russian_locale(
    russian_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = _every_command()
    assert len(commands) > 15  # the walk found the subcommands
    words = {"salesdesk", *(w for c in commands for w in c)}
    for command in commands:
        code, out, err = run(capsys, *command, "--help")
        assert code == 0 and not err
        assert out.startswith("использование: salesdesk"), command
        assert "показать эту справку и выйти" in out
        assert untranslated(out, words) == [], command


def test_the_help_walk_catches_an_english_line(
    russian_locale: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(cli_texts.RUSSIAN, "what happened")
    _code, out, _err = run(capsys, "log", "--help")
    assert [line.split() for line in untranslated(out, {"salesdesk", "log"})] == [["SUMMARY", "what", "happened"]]


def test_help_is_english_with_lang_en(russian_locale: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "client", "add", "--help")
    assert code == 0
    assert out.startswith("usage: salesdesk client add")
    assert "options:" in out and "show this help message and exit" in out and "full legal name" in out
    assert not CYRILLIC.search(out.replace("ООО «Ромашка»", ""))


def test_argparse_errors_speak_russian_and_exit_2(
    russian_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "x.sqlite")
    code, out, err = run(capsys, "--db", db, "client", "add", "--name", "Х", "--kind", "ooo")
    assert (code, out) == (2, "")
    assert "ошибка: аргумент --kind: недопустимое значение 'ooo' (выберите из: 'legal'" in err
    code, _, err = run(capsys, "--db", db, "client", "show")
    assert code == 2 and "не указаны обязательные аргументы: ID" in err
    code, _, err = run(capsys, "--db", db, "search", "х", "--limit", "много")
    assert code == 2 and "аргумент --limit: не целое число: много" in err
    code, _, err = run(capsys, "--db", db, "--lang", "en", "search", "x", "--limit", "lots")
    assert code == 2 and "error: argument --limit: not a whole number: lots" in err
    assert "Traceback" not in err


def test_the_real_program_reads_lang_from_the_environment(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "SALESDESK_LANG")}
    env.update(LANG="ru_RU.UTF-8", COLUMNS="200")
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--help"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0
    assert done.stdout.startswith("использование: salesdesk") and "параметры:" in done.stdout
    env["LC_ALL"] = "en_US.UTF-8"  # LC_ALL wins over LANG, as everywhere
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--help"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.startswith("usage: salesdesk")


@pytest.fixture
def base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = new_base(tmp_path / "base.sqlite")
    assert (
        run(
            capsys,
            "--db",
            db,
            "client",
            "add",
            "--name",
            "ООО «Ромашка»",
            "--inn",
            "7707083893",
            "--phone",
            "+7 495 123-45-67",
        )[0]
        == 0
    )
    return db


def test_client_show_and_check_in_russian_and_english(
    russian_locale: None, base: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", base, "client", "show", "1")
    assert code == 0
    assert out.splitlines() == [
        "ООО «Ромашка»  (№1, Организация, Лид)",
        "  ИНН: 7707083893",
        "  Телефон: +7 495 123-45-67",
        "  Заполненность: 30 %",
    ]
    code, out, _ = run(capsys, "--db", base, "--lang", "en", "client", "show", "1")
    assert out.splitlines()[:2] == ["ООО «Ромашка»  (#1, Company, Lead)", "  INN: 7707083893"]
    code, out, _ = run(capsys, "--db", base, "client", "show", "1", "--json")
    assert json.loads(out)["inn"] == "7707083893"  # JSON keys stay English
    code, out, _ = run(capsys, "--db", base, "check")
    assert code == 0
    assert "Целостность: в порядке" in out and "Клиентов в базе: 1" in out and "Версия схемы:" in out


def test_search_and_deal_list_have_headers_in_the_language(
    russian_locale: None, base: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", base, "search", "ромашка")
    assert code == 0
    assert out.splitlines()[0].split() == ["№", "Название", "ИНН", "Телефон", "Заполн."]
    assert err.strip() == "Показано 1 из 1"
    assert run(capsys, "--db", base, "deal", "add", "1", "--title", "Обслуживание", "--amount", "1250000,50")[0] == 0
    code, out, err = run(capsys, "--db", base, "deal", "list")
    assert out.splitlines()[0].split() == ["№", "Открыта", "Клиент", "Сделка", "Стадия", "Сумма"]
    assert out.splitlines()[1].endswith(f"1{NBSP}250{NBSP}000,50{NBSP}₽")
    assert err.strip() == f"Показано 1 из 1 сделки  1{NBSP}250{NBSP}000,50{NBSP}₽"
    code, out, err = run(capsys, "--db", base, "--lang", "en", "deal", "list")
    assert out.splitlines()[0].split() == ["No.", "Opened", "Client", "Deal", "Stage", "Amount"]
    assert err.strip() == "Showing 1 of 1 deal  ₽1,250,000.50"


def test_the_import_summary_reads_in_russian(
    russian_locale: None, base: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "клиенты.csv"
    source.write_text("Название,ИНН\nООО «Берёзка»,7736207543\nИП Тест,12345\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", base, "import", str(source), "--error-dir", str(tmp_path))
    assert code == 0
    assert out.splitlines()[:5] == [
        "Загружено:",
        "  1 новый клиент",
        "  0 обновлено",
        "  0 пропущено (дубли и без изменений)",
        "  1 строка с ошибками",
    ]
    code, out, _ = run(capsys, "--db", base, "--lang", "en", "import", str(source), "--dry-run", "--json")
    assert set(json.loads(out)) >= {"created", "updated", "skipped", "rejected"}


def test_the_export_summary_groups_and_declines_counts(
    russian_locale: None, base: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", base, "export", str(tmp_path / "база.xlsx"))
    assert code == 0
    assert out.strip() == (
        f"1 клиент выгружен в {tmp_path / 'база.xlsx'}: 0 контактных лиц, 0 сделок, "
        "0 напоминаний, 0 записей истории контактов"
    )


def test_one_amount_reads_the_same_in_history_cli_report_and_window(
    russian_locale: None, base: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deal of 1 250 000,50 in dollars (so the rouble report names it in its note)."""
    from salesdesk.services import history
    from salesdesk.store import UnitOfWork, open_database, resolve_url
    from salesdesk.ui.widgets import money_text as window_money_text

    for currency in ("RUB", "USD"):
        assert (
            run(
                capsys,
                "--db",
                base,
                "deal",
                "add",
                "1",
                "--title",
                "Поставка",
                "--amount",
                "1 250 000,50",
                "--currency",
                currency,
                "--stage",
                "won",
            )[0]
            == 0
        )
    messages.set_language("ru")
    expected = f"1{NBSP}250{NBSP}000,50{NBSP}$"
    assert money_text(Money.of("1250000.50", "USD")) == expected
    _, out, _ = run(capsys, "--db", base, "deal", "list")
    assert out.splitlines()[1].endswith(expected)
    _, out, _ = run(capsys, "--db", base, "report", "sales_by_manager")
    assert f"USD — 1 сделка на {expected}" in out
    database = open_database(resolve_url(base))
    try:
        entries = history.timeline(UnitOfWork(database), 1)
    finally:
        database.dispose()
    assert {e.detail for e in entries} == {expected, f"1{NBSP}250{NBSP}000,50{NBSP}₽"}
    from PySide6.QtCore import QLocale

    assert window_money_text(QLocale(), Money.of("1250000.50", "USD").amount, "USD") == expected
