"""The import wizard: file and sheet, column mapping, what to do with duplicates, preview, result.

Reading, planning and importing run on worker threads through the import service; the wizard
only shows what they report. Nothing is written before the last step, and a cancelled import
leaves the base as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QUrl, Slot
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from salesdesk import paths
from salesdesk.domain.errors import UserError
from salesdesk.domain.messages import msg
from salesdesk.domain.spreadsheet import TARGETS, guess_mapping, text_of
from salesdesk.services import importing, vcards
from salesdesk.services.common import UowFactory
from salesdesk.services.importing import DuplicatePolicy, Fate, ImportOptions, ImportPlan, ImportResult, NameMismatch
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.progress import QtReporter
from salesdesk.ui.settings import dialog_start, remember_dialog_folder
from salesdesk.ui.widgets import ERROR_COLOR, MUTED, WARNING_COLOR
from salesdesk.ui.workers import Latest, Runner

SPREADSHEETS = ("xlsx", "xls", "ods", "csv")
IMPORTABLE = (*SPREADSHEETS, "vcf")  # and contact cards
translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls by this name
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

_TARGET_LABELS = {
    "client_no": "field.client_no",
    "contact_name": "field.contact",
    "contact_position": "field.position",
    "contact_phone": "import.target.contact_phone",
    "contact_email": "import.target.contact_email",
    "contact_birth_date": "field.birth_date",
    "industry": "field.industry",
    "owner": "field.owner",
}


def target_label(target: str) -> str:
    return str(msg(_TARGET_LABELS.get(target, f"field.{target}")))


def mappings_dir() -> Path:
    return paths.data_dir() / "mappings"


class _State:
    """What the pages share: the file, what was read from it, the user's choices."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.sheets: tuple[str, ...] = ()
        self.rows: list[list[Any]] = []
        self.header_row = 0
        self.mapping: dict[int, str] = {}
        self.policy = DuplicatePolicy.UPDATE_EMPTY
        # a client matched under a clearly different name keeps its name unless the user says otherwise
        self.name_mismatch = NameMismatch.KEEP
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.cards = 0  # a .vcf file: how many contact cards it holds (0: a spreadsheet)
        self.client_id: int | None = None  # a .vcf file's cards become this client's contact persons

    @property
    def vcard(self) -> bool:
        return self.path is not None and vcards.is_vcard(self.path)

    def plan_import(self, uow: UowFactory) -> ImportPlan:
        assert self.path is not None
        if self.vcard:
            return vcards.plan_vcard_import(uow(), self.path, self.options(), client_id=self.client_id)
        return importing.plan_import(uow(), self.path, self.options())

    def run_import(self, uow: UowFactory, reporter: QtReporter) -> ImportResult:
        assert self.path is not None
        if self.vcard:
            return vcards.run_vcard_import(
                uow(), self.path, self.options(), client_id=self.client_id, reporter=reporter
            )
        return importing.run_import(uow(), self.path, self.options(), reporter=reporter)

    def options(self) -> ImportOptions:
        return ImportOptions(
            sheet=self.sheet,
            header_row=self.header_row,
            mapping=dict(self.mapping),
            on_duplicate=self.policy,
            on_name_mismatch=self.name_mismatch,
        )

    sheet: str | None = None


class ImportWizard(QWizard):
    def __init__(
        self,
        uow: UowFactory,
        runner: Runner,
        parent: QWidget | None = None,
        path: Path | None = None,
        *,
        operations: Operations | None = None,
        client: tuple[int, str] | None = None,
    ) -> None:
        """*client* (id, name): a .vcf file's cards may become its contact persons (the card's Contacts tab)."""
        super().__init__(parent)
        # every read and the import itself go through the operations: a UserError is shown on the
        # page at work, a bug in the crash dialog; what the import added reaches the window by the bus
        self.ops = operations_for(self, self._show_error, operations, uow, runner)
        self.uow = self.ops.uow
        self.runner = runner
        self.state = _State()
        self.client = client
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 620)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.options_page = OptionsPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.options_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.options_id, self.preview_id = self.pageIds()[2], self.pageIds()[3]
        self.show_kind()
        if path is not None:
            self.file_page.open(path)

    def show_kind(self) -> None:
        """The title says what is imported: clients from a spreadsheet, or contact cards (.vcf) as
        clients or as one client's contact persons; before a file is chosen, only "Import"."""
        state = self.state
        if state.path is None:
            title = self.tr("Import clients or contact cards")
        elif not state.vcard:
            title = self.tr("Import clients from a spreadsheet")
        elif state.client_id is not None and self.client is not None:
            title = self.tr("Import contact persons of %1 from contact cards (.vcf)").replace(
                "%1", f"«{self.client[1]}»"
            )
        else:
            title = self.tr("Import contact cards (.vcf) as clients")
        self.setWindowTitle(title)

    def _show_error(self, text: str) -> None:
        """A UserError no page took (none today: each page shows its own)."""
        Inform.error(self, self.windowTitle(), text)

    def reject(self) -> None:
        if self.result_page.running:
            self.result_page.cancel()
            return
        super().reject()


# 1. File and sheet ---------------------------------------------------------------------------------


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._latest = Latest(wizard.runner)  # another file or sheet chosen meanwhile: only its answer counts
        self.setTitle(self.tr("Which file?"))
        self.setSubTitle(
            self.tr(
                "Excel (.xlsx, .xls), LibreOffice (.ods) or CSV (the first row with column names is found by "
                "itself), or contact cards from a phone or Outlook (.vcf)."
            )
        )
        layout = QFormLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Type or paste the path of the file, or choose it"))
        self.path_edit.setClearButtonEnabled(True)
        self.browse = QPushButton(self.tr("Choose…"))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout.addRow(self.tr("File:"), row)
        self.sheet = QComboBox()
        layout.addRow(self.tr("Sheet:"), self.sheet)
        # a .vcf file instead of a sheet: what its cards become
        self.cards_as = QComboBox()
        self.cards_as.addItem(self.tr("new clients (private persons)"), None)
        if wizard.client is not None:
            ident, name = wizard.client
            self.cards_as.addItem(self.tr("contact persons of %1").replace("%1", f"«{name}»"), ident)
            self.cards_as.setCurrentIndex(1)
        layout.addRow(self.tr("Cards become:"), self.cards_as)
        self.cards_as.setVisible(False)
        layout.labelForField(self.cards_as).setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addRow("", self.status)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.path_edit.editingFinished.connect(self._on_path_edit_editing_finished)
        self.sheet.currentIndexChanged.connect(self._on_sheet_current_index_changed)
        self.cards_as.currentIndexChanged.connect(self._on_cards_as_current_index_changed)
        self._loading = False

    @Slot(int)
    def _on_cards_as_current_index_changed(self, _index: int) -> None:
        self.w.state.client_id = self.cards_as.currentData()
        self.w.show_kind()

    def nextId(self) -> int:
        """A .vcf file has no columns to map; its cards onto one client need no duplicate policy either."""
        if not self.w.state.vcard:
            return super().nextId()
        return self.w.preview_id if self.w.state.client_id is not None else self.w.options_id

    def _show_vcard(self, shown: bool) -> None:
        layout = self.layout()
        assert isinstance(layout, QFormLayout)
        for widget, visible in ((self.sheet, not shown), (self.cards_as, shown)):
            widget.setVisible(visible)
            label = layout.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    @Slot()
    def _on_browse_clicked(self) -> None:
        filters = self.tr(
            "Spreadsheets and contact cards (*.xlsx *.xls *.ods *.csv *.vcf);;"
            "Spreadsheets (*.xlsx *.xls *.ods *.csv);;Contact cards (*.vcf);;All files (*)"
        )
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import clients"), dialog_start("import"), filters)
        remember_dialog_folder("import", chosen)
        if chosen:
            self.open(Path(chosen))

    @Slot()
    def _on_path_edit_editing_finished(self) -> None:
        path = typed_path(self.path_edit.text())
        if path is None or path == self.w.state.path:
            return
        problem = importing.source_problem(path)
        if problem is not None:
            self._latest.drop()  # a file read before this one no longer counts
            self.w.state.path = None
            self.w.show_kind()
            self.w.state.rows = []
            self.sheet.clear()
            self.status.setStyleSheet(f"color: {ERROR_COLOR};")
            self.status.setText(str(problem))
            self.completeChanged.emit()
            return
        self.open(path)

    def open(self, path: Path) -> None:
        self.w.state.path = path
        self.w.state.sheet = None
        self.path_edit.setText(str(path))
        self._read()

    @Slot(int)
    def _on_sheet_current_index_changed(self, _index: int) -> None:
        if not self._loading and self.sheet.currentText():
            self.w.state.sheet = self.sheet.currentText()
            self._read()

    def _read(self) -> None:
        state = self.w.state
        assert state.path is not None
        path, options = state.path, ImportOptions(sheet=state.sheet)
        self.status.setStyleSheet(MUTED)
        self.status.setText(self.tr("Reading the file…"))
        state.rows = []
        state.cards = 0
        self._show_vcard(state.vcard)
        state.client_id = self.cards_as.currentData() if state.vcard else None
        self.w.show_kind()
        self.completeChanged.emit()
        if state.vcard:
            self.w.ops.read_slow(
                lambda: vcards.card_count(path),
                self._on_cards_read,
                on_error=self._on_refused,
                on_failure=self._on_failed,
                latest=self._latest,
            )
            return
        self.w.ops.read_slow(
            lambda: importing.read_headers(path, options),
            self._on_read,
            on_error=self._on_refused,
            on_failure=self._on_failed,
            latest=self._latest,
        )

    def _on_read(self, answer: tuple[Any, tuple[str, ...], int, dict[int, str]]) -> None:
        sheet, names, header_row, mapping = answer
        state = self.w.state
        state.sheets, state.rows, state.header_row, state.mapping = names, sheet.rows, header_row, mapping
        state.sheet = sheet.name
        self._loading = True
        self.sheet.clear()
        self.sheet.addItems(list(names))
        self.sheet.setCurrentText(sheet.name)
        self._loading = False
        data_rows = max(0, len(sheet.rows) - header_row - 1)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("%1: %Ln row(s) below the header; %2 column(s) recognised.", "", data_rows)
            .replace("%1", sheet.name)
            .replace("%2", str(len(mapping)))
        )
        self.completeChanged.emit()

    def _on_cards_read(self, count: int) -> None:
        self.w.state.cards = count
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%Ln contact card(s) in the file.", "", count))
        self.completeChanged.emit()

    def _on_failed(self) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOR};")
        self.status.setText(self.tr("The file cannot be read."))
        self.completeChanged.emit()

    def _on_refused(self, exc: UserError) -> bool:
        self.status.setText(str(exc))
        return True

    def isComplete(self) -> bool:
        return bool(self.w.state.rows) or self.w.state.cards > 0


def typed_path(text: str) -> Path | None:
    """A path as people paste it: in quotes (Windows' "Copy as path"), as a file:// URL, with ~."""
    text = text.strip().strip('"').strip("'").strip()
    if not text:
        return None
    if text.lower().startswith("file:"):
        text = QUrl(text).toLocalFile() or text
    return Path(text).expanduser()


# 2. Columns ----------------------------------------------------------------------------------------


class MappingPage(QWizardPage):
    SAMPLES = 3

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("What is in each column?"))
        self.setSubTitle(
            self.tr("Check what SalesDesk recognised and change it where needed. A client needs at least a name.")
        )
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Column names are in row:")))
        self.header_row = QSpinBox()
        self.header_row.setMinimum(1)
        top.addWidget(self.header_row)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Saved mapping:")))
        self.saved = QComboBox()
        self.saved.setMinimumContentsLength(14)
        top.addWidget(self.saved)
        self.save_button = QPushButton(self.tr("Save as…"))
        top.addWidget(self.save_button)
        layout.addLayout(top)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.problem)
        self.header_row.valueChanged.connect(self._on_header_row_value_changed)
        self.saved.activated.connect(self._on_saved_activated)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        state = self.w.state
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(state.rows)))
        self.header_row.setValue(state.header_row + 1)
        self.header_row.blockSignals(False)
        self._fill_saved()
        self._build()

    def _headers(self) -> list[str]:
        state = self.w.state
        return importing.header_texts(state.rows, state.header_row)

    def _build(self) -> None:
        state = self.w.state
        headers = self._headers()
        width = max([len(headers)] + [len(r) for r in state.rows[state.header_row + 1 : state.header_row + 50]])
        # a QTableWidget is fine here: one row per spreadsheet column, a handful of cells
        self.table.clear()
        self.table.setRowCount(width)
        self.table.setColumnCount(2 + self.SAMPLES)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Goes to")]
            + [self.tr("Example %1").replace("%1", str(i + 1)) for i in range(self.SAMPLES)]
        )
        samples = [r for r in state.rows[state.header_row + 1 :] if any(c not in ("", None) for c in r)][: self.SAMPLES]
        self.combos = []
        for column in range(width):
            title = (
                headers[column]
                if column < len(headers) and headers[column]
                else self.tr("Column %1").replace("%1", _column_letter(column))
            )
            self.table.setItem(column, 0, QTableWidgetItem(title))
            combo = QComboBox()
            combo.addItem(self.tr("— do not import —"), None)
            for target in TARGETS:
                combo.addItem(target_label(target), target)
            combo.setCurrentIndex(max(0, combo.findData(state.mapping.get(column))))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._on_combo_changed(c))
            self.table.setCellWidget(column, 1, combo)
            self.combos.append(combo)
            for i, sample in enumerate(samples):
                value = text_of(sample[column]) if column < len(sample) else ""
                self.table.setItem(column, 2 + i, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._check()

    def _on_combo_changed(self, column: int) -> None:
        target = self.combos[column].currentData()
        mapping = self.w.state.mapping
        if target is None:
            mapping.pop(column, None)
        else:
            for other, other_target in list(mapping.items()):  # one column per field
                if other_target == target and other != column:
                    mapping.pop(other)
                    self.combos[other].blockSignals(True)
                    self.combos[other].setCurrentIndex(0)
                    self.combos[other].blockSignals(False)
            mapping[column] = target
        self._check()

    @Slot(int)
    def _on_header_row_value_changed(self, value: int) -> None:
        state = self.w.state
        state.header_row = value - 1
        state.mapping = guess_mapping(self._headers())
        self._build()

    def _check(self) -> None:
        ok = "name" in self.w.state.mapping.values()
        self.problem.setText("" if ok else str(msg("file.no_name_column")))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return "name" in self.w.state.mapping.values()

    def _fill_saved(self) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("— none —"), None)
        folder = mappings_dir()
        for file in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            self.saved.addItem(file.stem, str(file))

    @Slot(int)
    def _on_saved_activated(self, _index: int) -> None:
        chosen = self.saved.currentData()
        if not chosen:
            return
        try:
            saved = importing.load_mapping(Path(chosen))
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        self.w.state.mapping = importing.apply_saved_mapping(self._headers(), saved)
        self._build()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name of this mapping:"))
        name = "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip()
        if not ok or not name:
            return
        importing.save_mapping(mappings_dir() / f"{name}.json", self._headers(), self.w.state.mapping)
        self._fill_saved()
        self.saved.setCurrentText(name)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# 3. Duplicates -------------------------------------------------------------------------------------


class OptionsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Clients that are already in the base"))
        self.setSubTitle(
            self.tr(
                "A row is the same client when the INN (and KPP of a branch), a phone, an e-mail "
                "or the name matches — never when both INNs are known and differ."
            )
        )
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        choices = (
            (
                DuplicatePolicy.UPDATE_EMPTY,
                self.tr("Fill in what the card is missing"),
                self.tr(
                    "Fields empty in the card are taken from the file; nothing filled in is changed. "
                    "Importing the same file again changes nothing."
                ),
            ),
            (
                DuplicatePolicy.OVERWRITE,
                self.tr("Update the card from the file"),
                self.tr("Values in the file replace the card's; empty cells leave the card as it is."),
            ),
            (DuplicatePolicy.SKIP, self.tr("Leave such clients alone"), self.tr("Only new clients are added.")),
            (
                DuplicatePolicy.CREATE,
                self.tr("Add them as new clients anyway"),
                self.tr("Every row becomes a client, even if the base has one like it."),
            ),
        )
        grid = QGridLayout()
        for row, (policy, title, hint) in enumerate(choices):
            button = QRadioButton(title)
            button.setProperty("policy", policy.value)
            self.group.addButton(button)
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(MUTED)
            grid.addWidget(button, row * 2, 0)
            grid.addWidget(note, row * 2 + 1, 0)
            if policy is DuplicatePolicy.UPDATE_EMPTY:
                button.setChecked(True)
        layout.addLayout(grid)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        checked = self.group.checkedButton()
        self.w.state.policy = DuplicatePolicy(checked.property("policy")) if checked else DuplicatePolicy.UPDATE_EMPTY
        return True


# 4. Preview ----------------------------------------------------------------------------------------


class PlanModel(QAbstractTableModel):
    """Each row's fate, for the preview (plain values; up to a few hundred thousand rows)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[importing.RowReport] = []
        self.people = False  # the rows are contact cards joining one client as its contact persons

    def set_rows(self, rows: list[importing.RowReport], *, people: bool = False) -> None:
        self.beginResetModel()
        self.rows = rows
        self.people = people
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                translate("ImportWizard", "Row"),
                translate("ImportWizard", "Contact person") if self.people else translate("ImportWizard", "Client"),
                translate("ImportWizard", "What happens"),
                translate("ImportWizard", "Details"),
            )
            return titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            fate = (
                translate("ImportWizard", "new contact person")
                if self.people and row.fate is Fate.NEW
                else fate_text(row.fate)
            )
            return (str(row.line), row.name, fate, details(row))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.fate is Fate.ERROR and index.column() >= 2:
            return QBrush(QColor(ERROR_COLOR))
        if role == Qt.ItemDataRole.ForegroundRole and row.name_differs and index.column() >= 2:
            return QBrush(QColor(WARNING_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return details(row)
        return None


_CHILDREN = {
    "contacts": lambda _c: translate("ImportWizard", "contact persons"),
    "deals": lambda _c: translate("ImportWizard", "deals"),
    "reminders": lambda _c: translate("ImportWizard", "reminders"),
}


NAMES_DIFFER = "names-differ"  # the preview's filter of rows matched under another name


def fate_text(fate: Fate) -> str:
    texts = {
        Fate.NEW: translate("ImportWizard", "new client"),
        Fate.UPDATE: translate("ImportWizard", "update"),
        Fate.UNCHANGED: translate("ImportWizard", "already in the base"),
        Fate.SKIPPED: translate("ImportWizard", "duplicate, skipped"),
        Fate.ERROR: translate("ImportWizard", "error, not imported"),
    }
    return texts[fate]


def details(row: importing.RowReport) -> str:
    parts = [row.flag()] if row.name_differs else []
    parts += row.reasons
    if row.duplicate_of:
        parts.append(translate("ImportWizard", "same as %1").replace("%1", row.duplicate_of))
    if row.changed:
        parts.append(
            translate("ImportWizard", "fills: %1").replace(
                "%1", ", ".join(_CHILDREN.get(c, target_label)(c) for c in row.changed)
            )
        )
    if row.repaired:
        parts.append(translate("ImportWizard", "repaired: %1").replace("%1", "; ".join(row.repaired)))
    return "; ".join(parts)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._latest = Latest(wizard.runner)  # Back and Next again: only the newest check counts
        self.setTitle(self.tr("Preview: nothing is written yet"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # rows matched by INN, phone or e-mail under a clearly different name: the user decides
        self.names_box = QWidget()
        names = QHBoxLayout(self.names_box)
        names.setContentsMargins(0, 0, 0, 0)
        self.names_label = QLabel()
        self.names_label.setWordWrap(True)
        self.names_label.setStyleSheet(f"color: {WARNING_COLOR};")
        names.addWidget(self.names_label, 1)
        self.names_choice = QComboBox()
        for text, choice in (
            (self.tr("keep the name in the base"), NameMismatch.KEEP),
            (self.tr("rename the client as in the file"), NameMismatch.RENAME),
            (self.tr("skip these rows"), NameMismatch.SKIP),
        ):
            self.names_choice.addItem(text, choice.value)
        names.addWidget(self.names_choice)
        self.names_box.hide()
        layout.addWidget(self.names_box)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        self.show_filter = QComboBox()
        for text, fates in (
            (self.tr("all rows"), None),
            (self.tr("errors"), {Fate.ERROR}),
            (self.tr("new clients"), {Fate.NEW}),
            (self.tr("updates and duplicates"), {Fate.UPDATE, Fate.UNCHANGED, Fate.SKIPPED}),
            (self.tr("same INN, phone or e-mail, different name"), NAMES_DIFFER),
        ):
            self.show_filter.addItem(text, fates)
        filters.addWidget(self.show_filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.model = PlanModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        layout.addWidget(self.view, 1)
        self.show_filter.currentIndexChanged.connect(self._apply_filter)
        self.names_choice.activated.connect(self._on_names_choice_activated)

    def initializePage(self) -> None:
        self.names_choice.setCurrentIndex(max(0, self.names_choice.findData(self.w.state.name_mismatch.value)))
        self._check()

    @Slot(int)
    def _on_names_choice_activated(self, _index: int) -> None:
        choice = NameMismatch(self.names_choice.currentData())
        if choice is not self.w.state.name_mismatch:
            self.w.state.name_mismatch = choice
            self._check()  # the fates of those rows change: check again

    def _check(self) -> None:
        self.w.state.plan = None
        self.model.set_rows([])
        self.summary.setText(self.tr("Checking every row…"))
        self.summary.setStyleSheet("")
        self.progress.show()
        state, uow = self.w.state, self.w.uow
        self.completeChanged.emit()
        self.w.ops.read_slow(
            lambda: state.plan_import(uow),
            self._on_planned,
            on_error=self._on_refused,
            on_failure=self._on_failed,
            latest=self._latest,
        )

    def cleanupPage(self) -> None:
        self._latest.drop()  # Back: a check still running is for options that may change now
        super().cleanupPage()

    def _on_planned(self, plan: ImportPlan) -> None:
        self.w.state.plan = plan
        self.progress.hide()
        self.summary.setText(self.summary_text(plan))
        differ = plan.names_differ
        self.names_box.setVisible(differ > 0)
        self.names_label.setText(
            self.tr(
                "%n row(s) match a client by INN, phone or e-mail, but the name is different. For them:", "", differ
            )
        )
        self._apply_filter()
        self.view.resizeColumnsToContents()
        self.completeChanged.emit()

    def _on_failed(self) -> None:
        self.progress.hide()
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.setText(self.tr("The file cannot be checked."))

    def _on_refused(self, exc: UserError) -> bool:
        self.summary.setText(str(exc))
        return True

    @Slot()
    def _apply_filter(self) -> None:
        plan = self.w.state.plan
        if plan is None:
            return
        fates = self.show_filter.currentData()
        people = self.w.state.vcard and self.w.state.client_id is not None
        if fates == NAMES_DIFFER:
            self.model.set_rows([r for r in plan.rows if r.name_differs], people=people)
            return
        self.model.set_rows([r for r in plan.rows if fates is None or r.fate in fates], people=people)

    def isComplete(self) -> bool:
        return self.w.state.plan is not None

    def summary_text(self, plan: ImportPlan) -> str:
        # page.tr with a count: lupdate marks plural forms only for tr(), and reads only a plain name as the count
        new, updates, unchanged = plan.count(Fate.NEW), plan.count(Fate.UPDATE), plan.count(Fate.UNCHANGED)
        skipped, errors, repaired = plan.count(Fate.SKIPPED), plan.count(Fate.ERROR), plan.repaired
        contacts = self.w.state.vcard and self.w.state.client_id is not None
        parts = [
            self.tr("%Ln new contact person(s)", "", new) if contacts else self.tr("%Ln new client(s)", "", new),
            self.tr("%Ln update(s)", "", updates),
            self.tr("%Ln already in the base", "", unchanged),
            self.tr("%Ln duplicate(s) skipped", "", skipped),
            self.tr("%Ln row(s) with errors", "", errors),
        ]
        text = ", ".join(parts)
        if repaired:
            text += ". " + self.tr("Leading zeros restored in %Ln row(s).", "", repaired)
        if plan.new_industries:
            text += " " + translate("ImportWizard", "New industries: %1.").replace("%1", ", ".join(plan.new_industries))
        if plan.new_managers:
            text += " " + translate("ImportWizard", "New managers: %1.").replace("%1", ", ".join(plan.new_managers))
        if plan.extra_sheets:
            extra = translate(
                "ImportWizard",
                "Also from the other sheets: %1 contact person(s), %2 deal(s), "
                "%3 reminder(s), %4 entries of contact history.",
            )
            for key, marker in (("contacts", "%1"), ("deals", "%2"), ("reminders", "%3"), ("interactions", "%4")):
                extra = extra.replace(marker, str(plan.extra_sheets.get(key, 0)))
            text += " " + extra
        return text

    def validatePage(self) -> bool:
        plan = self.w.state.plan
        return plan is not None and (plan.count(Fate.NEW) + plan.count(Fate.UPDATE)) > 0 or self._nothing_to_do()

    def _nothing_to_do(self) -> bool:
        self.summary.setText(self.summary.text() + "\n" + self.tr("There is nothing to import."))
        return False


# 5. Result -----------------------------------------------------------------------------------------


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Importing"))
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.open_errors = QPushButton(self.tr("Open the file of rows not imported"))
        self.open_errors.hide()
        layout.addWidget(self.open_errors, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.open_errors.clicked.connect(self._on_open_errors_clicked)
        self.reporter: QtReporter | None = None
        self.running = False
        self.finished_ok = False
        self.on_imported: Callable[[ImportResult], None] | None = None

    def initializePage(self) -> None:
        state, uow = self.w.state, self.w.uow
        self.reporter = QtReporter()
        self.reporter.progressed.connect(self._on_reporter_progressed)
        reporter = self.reporter
        self.running, self.finished_ok = True, False
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("Writing to the base… You can cancel: nothing is kept until the end."))
        self.open_errors.hide()
        self.completeChanged.emit()
        self.w.ops.run_slow(
            lambda: state.run_import(uow, reporter),
            self._on_done,
            on_error=self._on_refused,
            on_failure=self._on_failed,
        )

    @Slot(int, int)
    def _on_reporter_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def cancel(self) -> None:
        if self.reporter is not None:
            self.reporter.cancel()
            self.summary.setText(self.tr("Cancelling…"))

    def _on_done(self, result: ImportResult) -> None:
        self.running, self.finished_ok = False, True
        self.w.state.result = result
        self.progress.hide()
        created, updated, skipped, rejected = result.created, result.updated, result.skipped, result.rejected
        repaired = result.repaired
        text = (
            ", ".join(
                (
                    self.tr("Done: %Ln new contact person(s)", "", created)
                    if self.w.state.vcard and self.w.state.client_id is not None
                    else self.tr("Done: %Ln new client(s)", "", created),
                    self.tr("%Ln updated", "", updated),
                    self.tr("%Ln skipped", "", skipped),
                    self.tr("%Ln not imported", "", rejected),
                )
            )
            + "."
        )
        if repaired:
            text += " " + self.tr("Leading zeros restored in %Ln row(s).", "", repaired)
        if result.error_file is not None:
            text += "\n" + self.tr(
                "Rows not imported, with the reason for each, are in %1. Fix them there and import that file again."
            ).replace("%1", str(result.error_file))
            self.open_errors.show()
        self.summary.setText(text)
        self.completeChanged.emit()
        if self.on_imported is not None:
            self.on_imported(result)

    def _on_failed(self) -> None:
        """The import stopped (cancelled, refused, or a bug, which the crash dialog shows next)."""
        self.running = False
        self.progress.hide()
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.setText(self.tr("The import stopped because of an internal error; the base was not changed."))
        self.finished_ok = True  # the user can close the wizard
        self.completeChanged.emit()

    def _on_refused(self, exc: UserError) -> bool:
        """Cancelled, the base busy or full, the file unreadable: said on the page."""
        self.summary.setText(str(exc))
        return True

    @Slot()
    def _on_open_errors_clicked(self) -> None:
        result = self.w.state.result
        if result is not None and result.error_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.error_file)))

    def isComplete(self) -> bool:
        return self.finished_ok
