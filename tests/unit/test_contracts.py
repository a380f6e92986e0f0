"""The import-linter contracts in pyproject.toml really hold: each one breaks when a forbidden
import is added to a copy of the tree, and the unchanged copy passes.

lint-imports runs in the copy (cwd) with PYTHONPATH pointing at it, so grimp analyses the copied
package, not the installed one; the reported line number (past the end of the original file)
proves the copy was read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("tree")
    shutil.copytree(
        ROOT / "salesdesk", copy / "salesdesk", ignore=shutil.ignore_patterns("__pycache__", "*.qm", "resources")
    )
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def _copy(pristine: Path, tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(pristine, tree)
    return tree


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_unchanged_tree_keeps_every_contract(pristine: Path, tmp_path: Path) -> None:
    result = _lint(_copy(pristine, tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


SPREADSHEETS = "Spreadsheets (openpyxl, xlsxwriter, calamine, csv) only in files/"

CASES = [
    # (file to append to, the forbidden import, the contract that must break)
    ("services/common.py", "import PySide6", "Qt only in ui/ and the GUI entry"),
    ("app.py", "from PySide6 import QtCore", "Qt only in ui/ and the GUI entry"),
    ("settings.py", "import PySide6.QtCore", "Qt only in ui/ and the GUI entry"),
    ("domain/model.py", "import shiboken6", "Qt only in ui/ and the GUI entry"),
    ("files/reading.py", "import sqlalchemy", "SQLAlchemy, Alembic and sqlite3 only in store/"),
    ("services/clients.py", "import alembic", "SQLAlchemy, Alembic and sqlite3 only in store/"),
    ("cli.py", "import sqlite3", "SQLAlchemy, Alembic and sqlite3 only in store/"),
    ("services/common.py", "import openpyxl", "Spreadsheets (openpyxl, xlsxwriter, calamine, csv) only in files/"),
    (
        "store/repositories.py",
        "import python_calamine",
        "Spreadsheets (openpyxl, xlsxwriter, calamine, csv) only in files/",
    ),
    ("cli.py", "import csv", "Spreadsheets (openpyxl, xlsxwriter, calamine, csv) only in files/"),
    ("ui/reports_page.py", "import xlsxwriter", "Spreadsheets (openpyxl, xlsxwriter, calamine, csv) only in files/"),
    ("cli.py", "import salesdesk.ui.texts", "The command line never imports the window"),
    ("app.py", "from salesdesk.ui import geometry", "The command line never imports the window"),
    ("gui.py", "import salesdesk.ui.crash", "The command line never imports the window"),
    ("store/uow.py", "import salesdesk.services", "Layers: cli/app/gui -> ui -> services -> store|files -> domain"),
    ("domain/model.py", "import salesdesk.store", "Layers: cli/app/gui -> ui -> services -> store|files -> domain"),
    (
        "ui/card/shell.py",
        "import salesdesk.store.repositories",
        "The window reaches the store and files only through services",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("file", "line", "contract"), CASES, ids=[f"{f}: {i}" for f, i, _ in CASES])
def test_a_forbidden_import_breaks_its_contract(
    pristine: Path, tmp_path: Path, file: str, line: str, contract: str
) -> None:
    tree = _copy(pristine, tmp_path)
    target = tree / "salesdesk" / file
    text = target.read_text(encoding="utf-8")
    appended_at = text.count("\n") + 1 + (0 if text.endswith("\n") else 1)
    target.write_text(text + ("" if text.endswith("\n") else "\n") + line + "\n", encoding="utf-8")
    result = _lint(tree)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert f"{contract} BROKEN" in out, out
    assert f"(l.{appended_at})" in out or f"l.{appended_at}" in out, out  # the copy was analysed
    broken = [row.partition(" BROKEN")[0] for row in out.splitlines() if " BROKEN" in row]
    assert broken == [contract], broken  # only that contract: each says one thing
