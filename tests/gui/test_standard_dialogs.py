"""Issue 9, item 4: Qt's own dialogs speak the window's language, and file dialogs start in
Documents and remember the last folder for each purpose (import, export, reports)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from salesdesk.domain.reports import Report
from salesdesk.store import UnitOfWork
from salesdesk.ui import i18n
from salesdesk.ui.export_dialog import ExportDialog
from salesdesk.ui.import_wizard import ImportWizard
from salesdesk.ui.qt_strings import GAPS
from salesdesk.ui.reports_panel import ReportsPanel
from salesdesk.ui.settings import FOLDER_PURPOSES, Settings, documents_folder
from salesdesk.ui.workers import Runner


@pytest.fixture
def language(qapp: QApplication, lang: None) -> Iterator[Callable[[str], None]]:
    yield lambda code: i18n.install(qapp, code) and None
    i18n.install(qapp, "en")


def _file_dialog_labels(qtbot: QtBot, mode: QFileDialog.AcceptMode) -> set[str]:
    dialog = QFileDialog(None, "", str(Path.cwd()), "Excel (*.xlsx);;CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog, as on Linux desktops
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    return {label.text() for label in dialog.findChildren(QLabel) if label.text()}


def _buttons(standard: QDialogButtonBox.StandardButton) -> list[str]:
    box = QDialogButtonBox(standard)
    texts = [button.text() for button in box.buttons()]
    box.deleteLater()
    return texts


def test_qt_ships_its_russian_translation_where_we_load_it_from() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_ru.qm").is_file()


def test_russian_window_gets_russian_standard_dialogs(qtbot: QtBot, language: Callable[[str], None]) -> None:
    language("ru")
    assert _buttons(QDialogButtonBox.StandardButton.Cancel) == ["Отмена"]
    assert _buttons(QDialogButtonBox.StandardButton.Save) == ["Сохранить"]
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        assert _file_dialog_labels(qtbot, mode) == {"&Папка:", "&Имя файла:", "&Тип файлов:"}
    assert QCoreApplication.translate("QFileDialog", "Open") == "Открыть"


def test_our_file_fills_only_what_qts_translation_lacks(qapp: QApplication, language: Callable[[str], None]) -> None:
    language("ru")
    for context, source in GAPS:
        assert QCoreApplication.translate(context, source) != source
    # where Qt has a translation, Qt's wins (its file is searched first)
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Имя файла:"


def test_english_window_keeps_english_dialogs(qtbot: QtBot, language: Callable[[str], None]) -> None:
    language("ru")
    language("en")
    assert _buttons(QDialogButtonBox.StandardButton.Cancel) == ["Cancel"]
    assert _file_dialog_labels(qtbot, QFileDialog.AcceptMode.AcceptOpen) == {
        "&Look in:",
        "File &name:",
        "Files of &type:",
    }


# Where file dialogs start ---------------------------------------------------------------------------


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with a Documents folder in it."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs: Qt's default names
    assert documents_folder() == home / "Documents"
    return home / "Documents"


def test_each_purpose_starts_in_documents_and_remembers_its_own_folder(tmp_path: Path, documents: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert [settings.folder_for(p) for p in FOLDER_PURPOSES] == [documents] * 3
    imports, exports = tmp_path / "из 1С", tmp_path / "выгрузки"
    imports.mkdir()
    exports.mkdir()
    settings.remember_folder("import", imports / "клиенты.xlsx")
    settings.remember_folder("export", exports)
    settings.sync()
    again = Settings(tmp_path / "settings.ini")  # the next run
    assert again.folder_for("import") == imports
    assert again.folder_for("export") == exports
    assert again.folder_for("reports") == documents
    exports.rmdir()  # a folder that is gone: back to Documents
    assert again.folder_for("export") == documents
    with pytest.raises(ValueError):
        settings.folder_for("somewhere")


class _FileDialogs:
    """Stands in for QFileDialog's static functions: records where each dialog started."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[Path] = []
        self.answers: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._ask)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)

    def _ask(self, _parent: object, _title: str, start: str, _filters: str = "") -> tuple[str, str]:
        self.started.append(Path(start))
        return (self.answers.pop(0) if self.answers else ""), ""


def test_the_three_file_dialogs_start_where_their_purpose_was_last(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = _FileDialogs(monkeypatch)
    imports, exports, reports = (tmp_path / name for name in ("входящие", "выгрузки", "отчёты"))
    for folder in (imports, exports, reports):
        folder.mkdir()

    wizard = ImportWizard(uow, Runner(), None)
    qtbot.addWidget(wizard)
    wizard.file_page.browse.click()  # cancelled: nothing remembered
    assert dialogs.started[-1] == documents
    dialogs.answers.append(str(imports / "нет такого.xlsx"))
    wizard.file_page.browse.click()
    wizard.file_page.browse.click()
    assert dialogs.started[-1] == imports

    export = ExportDialog(shown=1, total=1, selected=0)
    qtbot.addWidget(export)
    export.accept()  # cancelled
    assert dialogs.started[-1].parent == documents  # a suggested file name in Documents
    dialogs.answers.append(str(exports / "Клиенты.xlsx"))
    export.accept()
    assert export.path == exports / "Клиенты.xlsx"
    second = ExportDialog(shown=1, total=1, selected=0)
    qtbot.addWidget(second)
    second.accept()
    assert dialogs.started[-1].parent == exports

    panel = ReportsPanel(uow, Runner())
    qtbot.addWidget(panel)
    report = Report(name="sales_by_period", title="Продажи по месяцам", parameters=(), columns=(), rows=())
    assert panel.ask_path(report) is None
    assert dialogs.started[-1].parent == documents  # not the export's folder: each purpose has its own
    dialogs.answers.append(str(reports / "Продажи.xlsx"))
    assert panel.ask_path(report) == reports / "Продажи.xlsx"
    panel.ask_path(report)
    assert dialogs.started[-1].parent == reports
    assert dialogs.started[-1].name.startswith("Продажи по месяцам")
