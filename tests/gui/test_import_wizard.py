"""The import wizard and export, driven through their widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ClientFields
from salesdesk.services import clients, exporting
from salesdesk.services.importing import DuplicatePolicy, Fate
from salesdesk.store import UnitOfWork
from salesdesk.ui.export_dialog import ExportChoice, ExportDialog
from salesdesk.ui.import_wizard import ImportWizard
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.workers import Runner
from tests.gui.conftest import shown_names
from tests.integration import spreadsheets as sheets


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    rows = [
        ["Клиенты на 1 декабря"],
        ["Компания", "ИНН", "Тел.", "Контактное лицо", "Должность"],
        ["ООО «Ёлка»", 7707083893, "8 (495) 123-45-67", "Иванов Иван", "Директор"],
        ["ООО «Башкирия»", 274062111, "+7 347 222-33-44", "", ""],
        ["АО «Ошибка»", 7707083894, "", "", ""],
        ["Ёлка", "7707083893", "", "Петрова Мария", "Бухгалтер"],
    ]
    for row in rows:
        book.active.append(row)
    path = tmp_path / "клиенты.xlsx"
    book.save(path)
    return path


def wizard_for(qtbot: QtBot, uow: Callable[[], UnitOfWork], path: Path) -> ImportWizard:
    runner = Runner()
    wizard = ImportWizard(uow, runner, None, path)
    wizard._test_runner = runner  # type: ignore[attr-defined]
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=10_000)
    return wizard


def test_the_wizard_recognises_maps_previews_and_imports(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], sheet: Path
) -> None:
    wizard = wizard_for(qtbot, uow, sheet)
    assert "4 row(s) below the header; 5 column(s) recognised" in wizard.file_page.status.text()
    assert wizard.windowTitle() == "Import clients from a spreadsheet"
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.header_row.value() == 2  # the title row above the headers was skipped
    assert [mapping.combos[i].currentData() for i in range(5)] == [
        "name",
        "inn",
        "phone",
        "contact_name",
        "contact_position",
    ]
    assert mapping.table.item(1, 3).text() == "274062111"  # the example shows the cell as stored
    mapping.combos[0].setCurrentIndex(0)  # "do not import" the names: the wizard refuses to go on
    assert not mapping.isComplete() and "name" in mapping.problem.text()
    mapping.combos[0].setCurrentIndex(mapping.combos[0].findData("name"))
    assert mapping.isComplete()
    wizard.next()
    wizard.options_page.group.buttons()[1].setChecked(True)  # overwrite
    wizard.next()
    assert wizard.state.policy is DuplicatePolicy.OVERWRITE
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert "2 new client(s), 1 update(s)" in preview.summary.text()
    assert (
        "1 row(s) with errors" in preview.summary.text()
        and "Leading zeros restored in 1 row(s)" in preview.summary.text()
    )
    assert clients.count_clients(uow()) == 0  # the preview wrote nothing
    preview.show_filter.setCurrentIndex(1)  # errors only
    assert preview.model.rowCount() == 1
    assert "wrong check digit" in preview.model.index(0, 3).data()
    wizard.next()
    result_page = wizard.result_page
    qtbot.waitUntil(result_page.isComplete, timeout=10_000)
    result = wizard.state.result
    assert result is not None and (result.created, result.rejected, result.repaired) == (2, 1, 1)
    assert result_page.open_errors.isVisibleTo(wizard)
    # "overwrite": the later row of the same client (same INN) had the last word on the name
    assert sorted(r.name for r in clients.list_clients(uow()).rows) == ["Ёлка", "ООО «Башкирия»"]
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_broken_file_says_why_on_the_first_page(qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path) -> None:
    broken = tmp_path / "отчёт.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    wizard = ImportWizard(uow, Runner(), None)
    qtbot.addWidget(wizard)
    wizard.file_page.open(broken)
    qtbot.waitUntil(lambda: "damaged" in wizard.file_page.status.text(), timeout=10_000)
    assert not wizard.file_page.isComplete()


def test_an_xls_the_reader_cannot_hold_is_refused_and_the_window_stays(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    # a 5.6 KB .xls stating four billion rows: its reader, run in-process, aborted the program
    strings = ["Наименование", "ООО «Ёлка»"]
    cells = [sheets.xls_text(0, 0, 0), sheets.xls_text(1, 0, 1)]
    crafted = sheets.xls_workbook(
        tmp_path / "старая база.xls", strings, [sheets.xls_dimensions(0, 0xFFFF_FFFF, 0, 1), *cells]
    )
    wizard = ImportWizard(uow, Runner(), None)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open(crafted)
    qtbot.waitUntil(lambda: "the .xlsx format" in wizard.file_page.status.text(), timeout=30_000)
    assert "“старая база.xls”" in wizard.file_page.status.text() and not wizard.file_page.isComplete()
    # the same wizard goes on with an ordinary .xls
    wizard.file_page.open(sheets.xls_workbook(tmp_path / "клиенты.xls", strings, cells))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=30_000)
    assert "1 row(s) below the header" in wizard.file_page.status.text()


def test_a_mapping_saved_in_the_wizard_is_offered_next_time(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Фирма-покупатель", "Налоговый номер"])
    book.active.append(["ООО «Ёлка»", "7707083893"])
    path = tmp_path / "odd.xlsx"
    book.save(path)
    wizard = wizard_for(qtbot, uow, path)
    wizard.next()
    page = wizard.mapping_page
    page.combos[0].setCurrentIndex(page.combos[0].findData("name"))
    page.combos[1].setCurrentIndex(page.combos[1].findData("inn"))
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Покупатели", True))
    page.save_button.click()
    again = wizard_for(qtbot, uow, path)
    again.next()
    saved = again.mapping_page.saved
    saved.setCurrentIndex(saved.findText("Покупатели"))
    saved.activated.emit(saved.currentIndex())
    assert [again.mapping_page.combos[i].currentData() for i in range(2)] == ["name", "inn"]


def test_dropping_a_spreadsheet_on_the_window_opens_the_wizard(
    qtbot: QtBot, make_window: Callable[[], MainWindow], sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    opened: list[Path | None] = []
    monkeypatch.setattr(window, "import_file", opened.append)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(sheet))])
    assert window._dropped_file(data) == sheet
    data.setUrls([QUrl.fromLocalFile(str(sheet.with_suffix(".pdf")))])
    assert window._dropped_file(data) is None
    assert window.empty_import_button.isVisible()


def test_export_of_the_selection_from_the_window(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Callable[[], UnitOfWork],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("ООО «Ромашка»", "ООО «Ёлка»", "АО «Вега»"):
        clients.create_client(uow(), ClientFields(name=name))
    window = make_window()
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(2, 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    target = tmp_path / "выбранные.xlsx"
    asked: list[tuple[int, int, int]] = []

    def answer(cls, parent, shown, total, selected, **_options):  # type: ignore[no-untyped-def]
        asked.append((shown, total, selected))
        return ExportChoice("selection", target)

    monkeypatch.setattr(ExportDialog, "ask", classmethod(answer))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and window.notice.isVisible(), timeout=10_000)
    assert asked == [(3, 3, 2)]
    names = [r[1] for r in openpyxl.load_workbook(target, read_only=True).worksheets[0].values][1:]
    assert names == [shown_names(window)[0], shown_names(window)[2]]
    assert "2 client(s) exported" in window.notice.label.text() or "2 clients exported" in window.notice.label.text()


def test_export_dialog_offers_what_makes_sense(qtbot: QtBot) -> None:
    dialog = ExportDialog(shown=10, total=10, selected=0)
    qtbot.addWidget(dialog)
    assert not dialog.filter_button.isEnabled() and not dialog.selection_button.isEnabled()
    assert dialog.all_button.isChecked() and dialog.xlsx.isChecked()
    _ = exporting  # the service the dialog's choice goes to


def _type_path(wizard: ImportWizard, text: str) -> None:
    edit = wizard.file_page.path_edit
    edit.setFocus()
    edit.setText(text)
    edit.editingFinished.emit()  # what Enter or leaving the field does


def test_a_typed_or_pasted_path_is_read_and_a_wrong_one_says_why(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], sheet: Path, tmp_path: Path
) -> None:
    wizard = ImportWizard(uow, Runner(), None)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    assert not page.path_edit.isReadOnly()
    _type_path(wizard, str(tmp_path / "нет такого.xlsx"))
    assert "not found" in page.status.text() and "нет такого.xlsx" in page.status.text()
    assert not page.isComplete()
    _type_path(wizard, str(tmp_path))
    assert "is a folder" in page.status.text() and not page.isComplete()
    letter = tmp_path / "письмо.docx"
    letter.write_bytes(b"PK\x03\x04")
    _type_path(wizard, str(letter))
    assert ".docx files cannot be imported" in page.status.text() and not page.isComplete()
    _type_path(wizard, f'  "{sheet}"  ')  # Windows' "Copy as path" puts it in quotes
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert wizard.state.path == sheet and "4 row(s) below the header" in page.status.text()
    _type_path(wizard, QUrl.fromLocalFile(str(sheet)).toString())  # a file:// URL: the same file, nothing to do
    assert page.isComplete() and wizard.state.path == sheet


def test_a_match_under_another_name_is_flagged_and_the_user_chooses(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    elka = clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893")).id
    book = openpyxl.Workbook()
    book.active.append(["Наименование", "ИНН", "Город"])
    book.active.append(["ПАО Сбербанк", "7707083893", "Москва"])
    book.active.append(["ООО «Новая»", "", "Тула"])
    path = tmp_path / "sber.xlsx"
    book.save(path)
    wizard = wizard_for(qtbot, uow, path)
    wizard.next()
    wizard.next()
    wizard.options_page.group.buttons()[1].setChecked(True)  # even "update the card from the file"
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert preview.names_box.isVisibleTo(wizard)
    assert "1 row(s) match a client by INN, phone or e-mail, but the name is different" in preview.names_label.text()
    assert preview.names_choice.currentText() == "keep the name in the base"
    flagged = preview.model.index(0, 3).data()
    assert "same INN, different name: “ООО «Ёлка»” in the base" in flagged
    preview.show_filter.setCurrentIndex(preview.show_filter.count() - 1)  # only those rows
    assert preview.model.rowCount() == 1 and preview.model.index(0, 1).data() == "ПАО Сбербанк"

    preview.names_choice.setCurrentIndex(2)  # skip these rows
    preview.names_choice.activated.emit(2)
    qtbot.waitUntil(
        lambda: (
            preview.isComplete() and wizard.state.plan is not None and wizard.state.plan.rows[0].fate is Fate.SKIPPED
        ),
        timeout=10_000,
    )
    preview.names_choice.setCurrentIndex(0)  # keep the name: the card is filled in, its name stays
    preview.names_choice.activated.emit(0)
    qtbot.waitUntil(
        lambda: (
            preview.isComplete() and wizard.state.plan is not None and wizard.state.plan.rows[0].fate is Fate.UPDATE
        ),
        timeout=10_000,
    )
    wizard.next()
    qtbot.waitUntil(wizard.result_page.isComplete, timeout=10_000)
    card = clients.get_client(uow(), elka)
    assert (card.name, card.city) == ("ООО «Ёлка»", "Москва")


def test_the_name_question_reads_right_for_one_row_in_russian(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path, qapp: object, lang: None
) -> None:
    """«1 строка совпадает … Для них:» — "them" of one row; the question is asked about the name instead."""
    from PySide6.QtCore import QLocale

    from salesdesk.ui import i18n

    clients.create_client(uow(), ClientFields(name="ООО «Ёлка»", inn="7707083893"))
    book = openpyxl.Workbook()
    book.active.append(["Наименование", "ИНН"])
    book.active.append(["ПАО Сбербанк", "7707083893"])
    path = tmp_path / "sber.xlsx"
    book.save(path)
    before = QLocale()
    i18n.install(qapp, "ru")  # type: ignore[arg-type]
    try:
        wizard = wizard_for(qtbot, uow, path)
        wizard.next()
        wizard.next()
        wizard.next()
        preview = wizard.preview_page
        qtbot.waitUntil(preview.isComplete, timeout=10_000)
        text = preview.names_label.text()
    finally:
        for translator in i18n._installed:
            qapp.removeTranslator(translator)  # type: ignore[attr-defined]
        i18n._installed.clear()
        QLocale.setDefault(before)
    assert text.startswith("1 строка совпадает с клиентом по ИНН")
    assert "Для них" not in text and text.endswith("Как быть с названием:")
