"""Hostile values for every command-line option of every command: never an internal error.

Each command runs in-process through ``salesdesk.cli.main`` on a base made by ``init`` (with one
client, one manager and one reminder, so that ids 1 exist), with one or two of its options or
arguments replaced by a hostile value: huge and negative numbers, NaN and infinities, 1e309 and
1e-400, dates outside any calendar a sales office uses, 100,000-character strings, terminal escape
codes, control characters, invisible Unicode, empty text. Whatever happens, the exit status is 0, 1
or 2 (never 3, an internal error), stderr holds no traceback, and a refusal (exit 2) leaves the
base's content exactly as it was.

Every example is recorded rather than asserted at once, so a failure lists every problem found,
with the value that caused it, instead of hypothesis's single shrunk example.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.cli import main

HUGE_INTS = [
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "-9223372036854775809",
    "1" + "0" * 30,
    "-1",
    "0",
    "-0",
    "1000000",
    "-1000000",
    "99999999999999999999999999999999999999999",
]
NUMBER_TEXTS = [
    "NaN",
    "nan",
    "-nan",
    "sNaN",
    "inf",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "1e-400",
    "1e30",
    "9" * 40,
    "-" + "9" * 40,
    "0.001",
    "1e5",
    "0x10",
    "1_000",
    "١٢٣",
    "１２３",
    "12.5",
    "1,5",
]
DATE_TEXTS = [
    "31.12.9999",
    "9999-12-31",
    "01.01.0001",
    "0001-01-01",
    "31.12.1899",
    "01.01.1000",
    "00.00.0000",
    "29.02.2023",
    "32.13.2020",
    "1.1.1",
    "99999999",
    "31.12.2101",
    "01.01.3000",
    "2026-02-30",
    "01.01.1900 25:61",
    "2026-01-01 99:99",
    "2026-01-01 12:00:00.000000000001",
]
TEXTS = [
    "",
    " ",
    "-",
    "--",
    "—",
    ".",
    "'",
    '"',
    "%",
    "_",
    "*",
    "\\",
    "' OR 1=1 --",
    "x" * 100_000,
    "Ж" * 100_001,
    "\x1b[31mкрасный\x1b[0m",
    "\x1b]0;title\x07",
    "\x00",
    "a\x00b",
    "\x07\x08\x7f",
    "\u0085\u009b31m",
    "\u200b",
    "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad",
    "\u202e\u2066",
    "\ud800",
    "\U0010ffff",
    "🙂" * 3,
    "\n",
    "a\r\nb",
    "\t",
    "%s%n",
    "{0}{name}",
    "a/../../etc/passwd",
    "NUL",
    "con",
    "Ё" * 301,
]

HOSTILE = st.one_of(
    st.sampled_from(HUGE_INTS + NUMBER_TEXTS + DATE_TEXTS + TEXTS),
    st.integers().map(str),
    st.text(max_size=40),
)
# `demo --clients` in range makes that many clients: keep in-range values small so the run stays
# bounded; out-of-range ones are the point.
# File names stay inside the test's folder: an absolute one would write wherever it points.
PATHS = HOSTILE.map(lambda v: "./" + v if v.startswith("/") else v)


def _slow_demo(text: str) -> bool:
    try:
        return 3 < int(text) <= 1_000_000
    except ValueError:
        return False


DEMO_COUNTS = st.one_of(
    st.sampled_from([t for t in (*HUGE_INTS, *NUMBER_TEXTS, "1000001", "3") if not _slow_demo(t)]),
    st.integers(max_value=3).map(str),
    st.integers(min_value=1_000_001).map(str),
)


@dataclass(frozen=True)
class Command:
    """A command that works with *valid*; *options* name what can be replaced by a hostile value
    (an option, or ``#N`` for the Nth positional argument)."""

    words: tuple[str, ...]
    valid: dict[str, str]
    positional: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    values: dict[str, st.SearchStrategy[str]] = field(default_factory=dict)

    def argv(self, db: str, hostile: dict[str, str], flags: frozenset[str]) -> list[str]:
        options = {**self.valid, **{k: v for k, v in hostile.items() if not k.startswith("#")}}
        args = [f"{k}={v}" for k, v in options.items()] + sorted(flags)
        positional = [hostile.get(f"#{n}", value) for n, value in enumerate(self.positional)]
        return ["--db", db, *self.words, *args, *(["--", *positional] if positional else [])]

    @property
    def targets(self) -> list[str]:
        return [*self.valid, *(f"#{n}" for n in range(len(self.positional)))]


CLIENT_OPTIONS = {
    o: ""
    for o in (
        "--full-name",
        "--inn",
        "--kpp",
        "--ogrn",
        "--phone",
        "--email",
        "--address",
        "--city",
        "--industry",
        "--source",
        "--owner",
        "--tag",
        "--notes",
    )
}
COMMANDS: dict[str, Command] = {
    "client add": Command(
        ("client", "add"),
        {"--name": "ООО «Ромашка»", "--kind": "legal", "--status": "lead", **CLIENT_OPTIONS},
        flags=("--json",),
    ),
    "client show": Command(("client", "show"), {}, ("1",), flags=("--json",)),
    "client trash": Command(("client", "trash"), {}, ("1",)),
    "client restore": Command(("client", "restore"), {}, ("1",)),
    "manager add": Command(("manager", "add"), {"--email": ""}, ("Пётр Сидоров",)),
    "manager list": Command(("manager", "list"), {"--lang": "en"}),
    "search": Command(("search",), {"--limit": "20"}, ("ромашка",), flags=("--json",)),
    "import": Command(
        ("import",),
        {"--sheet": "Лист1", "--on-duplicate": "skip", "--error-dir": "errors", "--mapping": "mapping.json"},
        ("clients.csv",),
        flags=("--dry-run", "--json"),
        values={"--error-dir": PATHS, "--mapping": PATHS, "#0": PATHS},
    ),
    "export": Command(("export",), {"--search": ""}, ("out.xlsx",), flags=("--json",), values={"#0": PATHS}),
    "demo": Command(("demo",), {"--clients": "2", "--seed": "1"}, values={"--clients": DEMO_COUNTS}),
    "check": Command(("check",), {"--lang": "ru", "--db": "base.sqlite"}, values={"--db": PATHS}),
    "init": Command(("init",), {}, ("new.sqlite",), values={"#0": PATHS}),
    "deal add": Command(
        ("deal", "add"),
        {
            "--title": "Поставка",
            "--amount": "1 250 000,50",
            "--currency": "RUB",
            "--stage": "won",
            "--lost-reason": "",
            "--opened": "01.02.2026",
            "--closed": "03.02.2026",
            "--contract-end": "01.02.2027",
            "--owner": "Анна",
            "--renewal-days": "30",
        },
        ("1",),
        flags=("--json",),
    ),
    "deal list": Command(
        ("deal", "list"),
        {
            "--stage": "won",
            "--owner": "",
            "--industry": "",
            "--client": "ром",
            "--from": "01.01.2026",
            "--to": "31.12.2026",
            "--limit": "50",
        },
        flags=("--json",),
    ),
    "log": Command(
        ("log",),
        {
            "--kind": "call",
            "--result": "",
            "--at": "05.02.2026 10:00",
            "--manager": "Анна",
            "--close-reminder": "1",
            "--next-in": "3",
            "--next": "позвонить",
        },
        ("1", "Обсудили поставку"),
        flags=("--json",),
    ),
    "log next-on": Command(("log",), {"--next-on": "01.06.2026"}, ("1", "Звонок")),
    "report": Command(
        ("report",),
        {
            "--from": "01.01.2026",
            "--to": "31.12.2026",
            "--by": "month",
            "--manager": "",
            "--days": "90",
            "--threshold": "60",
            "-o": "report.xlsx",
        },
        ("sales_by_period",),
        flags=("--json", "--list"),
        values={"-o": PATHS},
    ),
    "report pipeline": Command(("report",), {"--by-date": "opened", "--manager": "Анна"}, ("pipeline",)),
    "report sleeping": Command(("report",), {"--days": "90"}, ("sleeping_clients",)),
    "report completeness": Command(("report",), {"--threshold": "60"}, ("completeness_by_manager",)),
}


def content(path: Path) -> list[str]:
    """What the base holds, as SQL: robust to SQLite touching its header or WAL on a read."""
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return list(conn.iterdump())


def call(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse refusing a value: exit 2 with its usage message
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A base made by ``init`` with client 1, manager «Анна», reminder 1 and a CSV to import."""
    monkeypatch.chdir(tmp_path)  # hostile relative paths (export, init, --error-dir) land here
    path = tmp_path / "base.sqlite"
    for argv in (
        ["init", str(path)],
        ["--db", str(path), "client", "add", "--name", "ООО «Ромашка»"],
        ["--db", str(path), "manager", "add", "Анна"],
        ["--db", str(path), "log", "1", "Звонок", "--manager", "Анна", "--next-in", "1"],
    ):
        code, err = call(argv)
        assert code == 0, (argv, err)
    (tmp_path / "mapping.json").write_text('{"columns": {"Наименование": "name", "ИНН": "inn"}}', encoding="utf-8")
    (tmp_path / "clients.csv").write_text("Наименование;ИНН\nООО «Берёза»;7707083893\n", encoding="utf-8")
    return path


@dataclass
class Findings:
    tried: int = 0
    by_code: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def summary(self, name: str) -> str:
        lines = [
            f"{name}: {self.tried} runs, exit codes {dict(sorted(self.by_code.items()))}, "
            f"{len(self.problems)} problems:"
        ]
        return "\n".join([*lines, *self.problems])


def _short(value: str) -> str:
    return repr(value) if len(value) <= 60 else f"{value[:20]!r}…({len(value)} characters)"


def probe(command: Command, db: Path) -> Callable[[st.DataObject], None]:
    findings = Findings()

    def run_once(data: st.DataObject) -> None:
        targets = data.draw(st.lists(st.sampled_from(command.targets), min_size=1, max_size=2, unique=True))
        hostile = {t: data.draw(command.values.get(t, HOSTILE)) for t in targets}
        flags = frozenset(data.draw(st.sets(st.sampled_from(command.flags))) if command.flags else ())
        argv = command.argv(str(db), hostile, flags)
        before = content(db)
        code, err = call(argv)
        findings.tried += 1
        findings.by_code[code] = findings.by_code.get(code, 0) + 1
        said = " ".join(f"{k}={_short(v)}" for k, v in hostile.items())
        if code not in (0, 1, 2):
            findings.problems.append(f"  exit {code}: {' '.join(command.words)} {said}  stderr: {err.strip()[:200]!r}")
        elif "Traceback" in err:
            findings.problems.append(f"  traceback: {' '.join(command.words)} {said}")
        elif code == 2 and content(db) != before:
            findings.problems.append(f"  refused but changed the base: {' '.join(command.words)} {said}")

    run_once.findings = findings  # type: ignore[attr-defined]
    return run_once


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_hostile_values_never_cause_an_internal_error(name: str, base: Path) -> None:
    command = COMMANDS[name]
    run_once = probe(command, base)

    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def hostile(data: st.DataObject) -> None:
        run_once(data)

    hostile()
    findings: Findings = run_once.findings  # type: ignore[attr-defined]
    assert findings.tried >= 30
    assert not findings.problems, findings.summary(name)


# The values the issue found, each once: they must be refused (exit 2) naming the field.
REFUSED = [
    (["client", "show", "9223372036854775808"], "ID"),
    (["client", "trash", "99999999999999999999999999999999999999999"], "ID"),
    (["client", "restore", "--", "-1"], "ID"),
    (["search", "--limit", "9223372036854775808", "ромашка"], "--limit"),
    (["search", "--limit", "0", "ромашка"], "--limit"),
    (["search", "x" * 100_000], "Search text"),
    (["export", "--search", "x" * 201, "out.xlsx"], "Search text"),
    (["deal", "list", "--client", "x" * 100_000], "Client filter"),
    (["deal", "list", "--limit", "18446744073709551616"], "--limit"),
    (["log", "1", "Звонок", "--next-in", "1000000"], "--next-in"),
    (["log", "1", "Звонок", "--next-in=-3"], "--next-in"),
    (["log", "1", "Звонок", "--close-reminder", "9223372036854775808"], "--close-reminder"),
    (["log", "1", "Звонок", "--at", "01.01.1899 10:00"], "When"),
    (["log", "1", "Звонок", "--next-on", "31.12.9999"], "Due"),
    (["deal", "add", "1", "--title", "Поставка", "--amount", "100", "--renewal-days", "366"], "--renewal-days"),
    (["deal", "add", "1", "--title", "Поставка", "--amount", "100", "--renewal-days=-1"], "--renewal-days"),
    *(
        (["deal", "add", "1", "--title", "Поставка", "--amount", amount], "Amount")
        for amount in ("1e30", "1e309", "9" * 40, "NaN", "Infinity", "1e-400", "0.001", "-1e309")
    ),
    (["deal", "add", "1", "--title", "Поставка", "--amount", "100", "--opened", "31.12.1899"], "Opened on"),
    (["deal", "add", "1", "--title", "Поставка", "--amount", "100", "--opened", "31.12.9999"], "Opened on"),
    (
        [
            "deal",
            "add",
            "1",
            "--title",
            "Поставка",
            "--amount",
            "100",
            "--stage",
            "won",
            "--contract-end",
            "31.12.9999",
        ],
        "Contract",
    ),
    (["deal", "list", "--from", "01.01.0001"], "Opened on"),
    (["report", "sales_by_period", "--to", "31.12.9999"], "To"),
    (["report", "sleeping_clients", "--days", "9223372036854775808"], "--days"),
    (["report", "completeness_by_manager", "--threshold", "101"], "--threshold"),
    (["demo", "--clients", "1000001"], "--clients"),
    (["demo", "--clients", "0"], "--clients"),
    (["client", "add", "--name", "\u200b\u200f\u2060\ufeff\u00ad"], "Name"),
    (["client", "add", "--name", "ООО «Ромашка»", "--inn", "-"], "INN"),
    (["manager", "add", "\u200b"], "name"),
    (["init", "a\x00b"], "PATH"),
    (["init", "Ё" * 301], "PATH"),
    (["init", "~no-such-user-here/b.sqlite"], "PATH"),
    (["import", "x" * 100_000], "FILE"),
    (["export", "--", "out\x00.xlsx"], "FILE"),
    (["report", "pipeline", "-o", "Ж" * 300], "--output"),
    (["check", "--db", "Ж" * 100_001], "--db"),
]


@pytest.mark.parametrize(("argv", "field"), REFUSED, ids=lambda v: _short(" ".join(v) if isinstance(v, list) else v))
def test_the_hostile_values_found_are_refused_naming_the_field(argv: list[str], field: str, base: Path) -> None:
    before = content(base)
    code, err = call(["--db", str(base), *argv])
    assert (code, "Traceback" in err) == (2, False), err
    assert field.casefold() in err.casefold()
    assert content(base) == before


def test_escape_codes_from_an_imported_file_never_reach_the_terminal(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base.parent / "red.csv").write_text(
        "Наименование;Город\n\x1b[31mООО «Берёза»\x1b[0m;Тверь\x07\n", encoding="utf-8"
    )
    assert call(["--db", str(base), "import", str(base.parent / "red.csv")])[0] == 0
    code = main(["--db", str(base), "search", "берёза"])
    out, _ = capsys.readouterr()
    assert code == 0 and "ООО «Берёза»" in out
    assert "\x1b" not in out and "\x07" not in out and "[31m" not in out


@pytest.mark.parametrize(
    "command", [["client", "show", "1"], ["search", "Ромашка"], ["report", "sleeping_clients", "--days", "1"]]
)
def test_a_base_that_holds_escape_codes_prints_them_harmless(
    base: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """An old base may hold controls stored before they were stripped: the CLI shows them as \\x1b."""
    with contextlib.closing(sqlite3.connect(base)) as conn:
        # a year old, so the sleeping-clients report lists it too
        conn.execute(
            "UPDATE clients SET name = ?, created_at = '2025-01-10 09:00:00.000000' WHERE id = 1",
            ("\x1b[2JООО «Ромашка»",),
        )
        conn.execute("UPDATE interactions SET occurred_at = '2025-01-10 09:00:00.000000' WHERE client_id = 1")
        conn.commit()
    assert main(["--db", str(base), *command]) == 0
    out, _ = capsys.readouterr()
    assert "\x1b" not in out and "\\x1b[2JООО «Ромашка»" in out


@pytest.mark.usefixtures("lang")
@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["search", "--limit", "0", "ромашка"], "аргумент --limit: допустимо от 1 до 10000: 0"),
        (["log", "1", "Звонок", "--next-in", "1000000"], "аргумент --next-in: допустимо от 1 до 120: 1000000"),
        (["deal", "add", "1", "--title", "Поставка", "--amount", "1e30"], "сумма не больше 1 000 000 000 000 000"),
        (["deal", "add", "1", "--title", "Поставка", "--amount", "0,001"], "не больше двух знаков после запятой"),
        (["deal", "list", "--from", "31.12.1899"], "дата должна быть между 01.01.1900 и 31.12.2100"),
        (["search", "я" * 201], "Текст поиска: не длиннее 200 символов"),
    ],
)
def test_refusals_speak_russian(argv: list[str], says: str, base: Path) -> None:
    code, err = call(["--lang", "ru", "--db", str(base), *argv])
    assert code == 2 and says in err, err
