"""Every command-line command runs without loading Qt; only the window does.

The commands run in a fresh interpreter (pytest-qt has loaded PySide6 in this one), one after the
other, and after each the script looks for any module whose name starts with PySide6 or shiboken6.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from salesdesk.cli import _HANDLERS

SCRIPT = r"""
import contextlib, io, json, sys
from salesdesk.cli import main

def qt_loaded():
    return sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))

folder, commands = sys.argv[1], json.loads(sys.argv[2])
results = []
for words in commands:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main([w.replace("{dir}", folder) for w in words])
    results.append({"words": words, "code": code, "qt": qt_loaded()})

# the window, last (it loads Qt for good): the same detector must see it
import salesdesk.gui
import salesdesk.ui.application as application
application.run = lambda connect, argv, **options: 0
code = main(["--db", folder + "/base.sqlite"])
results.append({"words": ["(window)"], "code": code, "qt": qt_loaded()})
print(json.dumps(results))
"""

COMMANDS = [
    ["init", "{dir}/base.sqlite"],
    ["--db", "{dir}/base.sqlite", "manager", "add", "Иванова Анна"],
    ["--db", "{dir}/base.sqlite", "manager", "list"],
    ["--db", "{dir}/base.sqlite", "manager", "role", "Иванова Анна", "head"],
    ["--db", "{dir}/base.sqlite", "manager", "me", "Иванова Анна"],
    ["--db", "{dir}/base.sqlite", "manager", "rules", "--export", "yes"],
    ["--db", "{dir}/base.sqlite", "plan", "set", "--manager", "Иванова Анна", "--month", "2026-12", "--amount", "5"],
    ["--db", "{dir}/base.sqlite", "plan", "list"],
    ["--db", "{dir}/base.sqlite", "client", "add", "--name", "ООО «Ромашка»", "--inn", "7707083893"],
    ["--db", "{dir}/base.sqlite", "client", "show", "1"],
    ["--db", "{dir}/base.sqlite", "client", "confirm", "1"],
    ["--db", "{dir}/base.sqlite", "client", "set", "1", "--status", "active", "--json"],
    [
        "--db",
        "{dir}/base.sqlite",
        "deal",
        "add",
        "1",
        "--title",
        "Аренда",
        "--amount",
        "1000",
        "--stage",
        "won",
        "--contract-end",
        "2030-03-31",
    ],
    ["--db", "{dir}/base.sqlite", "deal", "list"],
    ["--db", "{dir}/base.sqlite", "log", "1", "Позвонили"],
    ["--db", "{dir}/base.sqlite", "search", "Ромашка"],
    ["--db", "{dir}/base.sqlite", "export", "{dir}/clients.xlsx"],
    ["--db", "{dir}/base.sqlite", "import", "{dir}/clients.xlsx", "--dry-run"],
    ["--db", "{dir}/base.sqlite", "report", "--list"],
    ["--db", "{dir}/base.sqlite", "report", "pipeline", "-o", "{dir}/pipeline.xlsx"],
    ["--db", "{dir}/base.sqlite", "attach", "1", "{dir}/clients.xlsx"],
    ["--db", "{dir}/base.sqlite", "attachments", "1", "--json"],
    ["--db", "{dir}/base.sqlite", "attachment", "save", "1", "-o", "{dir}/attached.xlsx"],
    ["--db", "{dir}/base.sqlite", "client", "trash", "1"],
    ["--db", "{dir}/base.sqlite", "client", "restore", "1"],
    ["--db", "{dir}/base.sqlite", "demo", "--clients", "5"],
    ["--db", "{dir}/base.sqlite", "duplicates", "--json"],
    ["--db", "{dir}/base.sqlite", "views", "--json"],
    ["--db", "{dir}/base.sqlite", "client", "list", "--view", "no_inn"],
    ["--db", "{dir}/base.sqlite", "client", "merge", "3", "4", "--yes", "--json"],
    ["--db", "{dir}/base.sqlite", "backup", "{dir}/copy.sqlite"],
    ["--db", "{dir}/base.sqlite", "backups"],
    ["--db", "{dir}/base.sqlite", "restore", "{dir}/copy.sqlite", "--yes"],
    ["--db", "{dir}/base.sqlite", "check"],
    ["--db", "{dir}/base.sqlite", "changes", "--client", "1", "--json"],
    ["--db", "{dir}/base.sqlite", "birthdays", "--days", "30", "--json"],
    ["--db", "{dir}/base.sqlite", "person", "export", "1", "-o", "{dir}/person.xlsx"],
    ["--db", "{dir}/base.sqlite", "calendar", "export", "{dir}/calendar.ics"],
    ["--db", "{dir}/base.sqlite", "erase", "contact", "1", "--yes"],
    ["--db", "{dir}/base.sqlite", "client", "add", "--name", "Петров Пётр", "--kind", "person"],
    ["--db", "{dir}/base.sqlite", "erase", "client", "7", "--yes"],
    ["--db", "{dir}/base.sqlite", "client", "trash", "2"],
    ["--db", "{dir}/base.sqlite", "trash", "empty", "--yes"],
    ["--db", "{dir}/base.sqlite", "erasures"],
    # without a server, moving up is refused (exit 2) before any connection: it still loads no Qt
    ["--db", "{dir}/base.sqlite", "migrate-to", "{dir}/elsewhere.sqlite"],
]
EXIT = {"migrate-to": 2}


def _covered(words: list[str]) -> tuple[str, str | None]:
    rest = words[2:] if words[0] == "--db" else words
    return (
        rest[0],
        rest[1]
        if rest[0] in ("client", "manager", "plan", "deal", "trash", "erase", "person", "calendar", "attachment")
        else None,
    )


def test_the_list_covers_every_command() -> None:
    assert {_covered(w) for w in COMMANDS} == set(_HANDLERS) | {("init", None)}


def test_no_command_loads_qt_and_the_window_does(tmp_path: Path) -> None:
    env = {**os.environ, "SALESDESK_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SALESDESK_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), json.dumps(COMMANDS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout.splitlines()[-1])
    *commands, window = results
    assert [(r["words"], r["code"]) for r in commands] == [(w, EXIT.get(_covered(w)[0], 0)) for w in COMMANDS]
    assert [(r["words"], r["qt"]) for r in commands] == [(w, []) for w in COMMANDS]
    assert window["code"] == 0 and "PySide6.QtWidgets" in window["qt"]  # the detector sees Qt
