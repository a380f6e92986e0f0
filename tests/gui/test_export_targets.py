"""The window's export and report saving: a place no file may go is refused in the dialog with the
reason (the dialog stays open for another choice); a write that fails says what happened in a
message, never in the crash dialog."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from salesdesk.store import Database, UnitOfWork
from salesdesk.ui import crash
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.export_dialog import ExportChoice, ExportDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.reports_panel import ReportsPanel
from salesdesk.ui.workers import Runner

Window = Callable[[], MainWindow]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the user was shown in a message box; a crash dialog fails the test."""
    texts: list[str] = []
    monkeypatch.setattr(Inform, "error", classmethod(lambda cls, parent, title, text: texts.append(text)))

    def no_crash(*args: object) -> None:
        raise AssertionError(f"the crash dialog was shown: {args!r}")

    monkeypatch.setattr(crash, "show_crash", no_crash)
    return texts


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only  # the base's own file behind a workbook's name
def test_the_export_dialog_refuses_the_open_base_and_a_read_only_file(
    qtbot: QtBot,
    uow: Callable[[], UnitOfWork],
    database: Database,
    tmp_path: Path,
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = database.path
    assert base is not None
    link = tmp_path / "Клиенты.xlsx"  # the base behind a workbook's name
    link.symlink_to(base)
    protected = tmp_path / "Договоры.xlsx"
    protected.write_bytes(b"PK\x03\x04 protected")
    protected.chmod(0o444)
    before = _fingerprint(base), _fingerprint(protected)
    dialog = ExportDialog(shown=1, total=1, selected=0, uow=uow)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(monkeypatch, link)
    dialog.save_button.click()
    assert shown and "is the open SalesDesk database" in shown[-1]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted and dialog.choice() is None
    _choose(monkeypatch, protected)
    dialog.save_button.click()
    assert "is read-only" in shown[-1] and dialog.isVisible()
    fine = tmp_path / "Выгрузка.xlsx"
    _choose(monkeypatch, fine)
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.choice() == ExportChoice("all", fine)
    assert len(shown) == 2 and (_fingerprint(base), _fingerprint(protected)) == before


def test_an_export_that_cannot_be_written_says_why_not_a_crash(
    qtbot: QtBot,
    make_window: Window,
    add_client: Callable[..., int],
    tmp_path: Path,
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_client("ООО «Ёлка»")
    window = make_window()
    target = tmp_path / "нет такой папки" / "Клиенты.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *args, **kwargs: ExportChoice("all", target)))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(shown) and not window.runner.busy, timeout=10_000)
    assert "there is no folder" in shown[0] and str(target.parent) in shown[0]
    assert not target.parent.exists() and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_report_export_refuses_and_fails_with_the_reason(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = ReportsPanel(uow, Runner())
    qtbot.addWidget(panel)
    panel.show()
    panel.select("pipeline")  # computed, and nothing else on its way that could change the report
    qtbot.waitUntil(lambda: not panel.busy and panel.report is not None and not panel._timer.isActive(), timeout=10_000)
    protected = tmp_path / "Воронка.xlsx"
    protected.write_bytes(b"PK\x03\x04 last month")
    protected.chmod(0o444)
    monkeypatch.setattr(panel, "ask_path", lambda report: protected)
    panel.export_button.click()
    assert "is read-only" in panel.notice.label.text() and panel.export_button.isEnabled()
    assert protected.read_bytes() == b"PK\x03\x04 last month"
    missing = tmp_path / "нет такой папки" / "Воронка.xlsx"
    monkeypatch.setattr(panel, "ask_path", lambda report: missing)
    panel.export_button.click()
    qtbot.waitUntil(lambda: "there is no folder" in panel.notice.label.text(), timeout=10_000)
    assert panel.export_button.isEnabled() and not missing.parent.exists() and shown == []


def test_the_workbook_choice_names_every_sheet_the_export_writes(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path, qapp: object, lang: None
) -> None:
    """The contact history became a sheet of its own, but the dialog still promised "clients, contact
    persons, deals, reminders": a user looking for the calls would think they are not exported."""
    import openpyxl
    from PySide6.QtCore import QLocale

    from salesdesk.domain import messages
    from salesdesk.services import exporting
    from salesdesk.ui import i18n

    before = QLocale()
    i18n.install(qapp, "ru")  # type: ignore[arg-type]
    try:
        dialog = ExportDialog(shown=1, total=1, selected=0, uow=uow)
        qtbot.addWidget(dialog)
        text = dialog.xlsx.text().lower()
        messages.set_language("ru")
        path = exporting.export_clients(uow(), tmp_path / "база.xlsx").path
    finally:
        for translator in i18n._installed:
            qapp.removeTranslator(translator)  # type: ignore[attr-defined]
        i18n._installed.clear()
        QLocale.setDefault(before)
    sheets = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert len(sheets) == 7  # the change history (issue 12) and the list of files (issue 15) too
    assert [s for s in sheets if s.lower() not in text] == []
