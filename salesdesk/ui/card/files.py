"""The card's Files tab (issue 15): the files kept with the client — a scanned contract, a
requisites card, a price list. Attach (button or drag and drop onto the tab), open (a read-only copy
in SalesDesk's private temporary folder, opened by the program the system chooses), save a copy,
rename, delete with Undo. The bytes stay inside the base (services/attachments.py); nothing here runs
a file itself: the system's own handler opens a copy, as a double click in a file manager would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent, QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk import paths
from salesdesk.domain.attachments import MAX_BYTES, Attachment, safe_file_name
from salesdesk.services import attachments
from salesdesk.ui.card.lists import CardContext, ListTab, clear, selected_id
from salesdesk.ui.widgets import MUTED


class FileChooser:
    """The dialogs of the tab, in one place that tests replace (pytest-qt: never click real modals)."""

    @staticmethod
    def files_to_attach(parent: QWidget) -> list[Path]:
        chosen, _ = QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("FilesTab", "Attach files"))
        return [Path(name) for name in chosen]

    @staticmethod
    def where_to_save(parent: QWidget, name: str) -> Path | None:
        start = str(Path.home() / safe_file_name(name))
        chosen, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("FilesTab", "Save a copy"), start)
        return Path(chosen) if chosen else None

    @staticmethod
    def new_name(parent: QWidget, name: str) -> str | None:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("FilesTab", "Rename file"),
            QCoreApplication.translate("FilesTab", "New name:"),
            QLineEdit.EchoMode.Normal,
            name,
        )
        return text if ok else None

    @staticmethod
    def open_with_system(path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FilesTab(ListTab):
    chooser = FileChooser

    def __init__(self, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.files: list[Attachment] = []
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.show_deleted.setToolTip(self.tr("Files deleted from this client, until the trash is emptied"))
        self.attach_button.setToolTip(self.tr("Attach files to this client (or drag them onto this tab)"))
        self.open_button.setToolTip(self.tr("Open a copy with the program this computer uses for such files"))
        self.save_button.setToolTip(self.tr("Save a copy of the file on this computer"))
        for button in (self.attach_button, self.open_button, self.save_button, self.rename_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        # a second row: five buttons fill the card's width at 1366x768 in Russian already
        deleted_row = QHBoxLayout()
        deleted_row.addWidget(self.show_deleted)
        deleted_row.addWidget(self.restore_button)
        deleted_row.addStretch(1)
        headers = [self.tr("File"), self.tr("Size"), self.tr("Added")]
        self.view, self.model = context.list_view("files", headers, 0, keep=(1,))
        limit = MAX_BYTES // (1024 * 1024)
        self.empty = QLabel(
            self.tr("No files yet. Drag files here or press Attach… (up to %1 MB each).").replace("%1", str(limit))
        )
        self.empty.setStyleSheet(MUTED)
        self.empty.setWordWrap(True)
        layout.addLayout(row)
        layout.addLayout(deleted_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.setAcceptDrops(True)
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.show_deleted.toggled.connect(self._on_show_deleted_toggled)
        self.view.doubleClicked.connect(self._on_open_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def fill(self) -> None:
        client = self.client
        if client is None:
            self._show_files([])
            return
        uow, client_id, deleted = self.uow, client.id, self.show_deleted.isChecked()
        self.ops.read(lambda: attachments.list_files(uow(), client_id, include_deleted=deleted), self._show_files)

    def _show_files(self, found: list[Attachment]) -> None:
        self.files = found
        locale = QLocale()
        chosen = selected_id(self.view)
        clear(self.model)
        for item in found:
            name = QStandardItem(item.name)
            name.setData(item.id, Qt.ItemDataRole.UserRole)
            name.setToolTip(item.name)
            if item.deleted_at is not None:
                name.setText(self.tr("%1 (deleted)").replace("%1", item.name))
                font = name.font()
                font.setStrikeOut(True)
                name.setFont(font)
            size = QStandardItem(attachments.size_text(item.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            added = QDateTime.fromSecsSinceEpoch(int(item.created_at.timestamp()))
            when = QStandardItem(locale.toString(added.toLocalTime(), QLocale.FormatType.ShortFormat))
            self.model.appendRow([name, size, when])
            if item.id == chosen:
                self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        self.empty.setVisible(not found)
        self.attach_button.setEnabled(self.client is not None)
        self.setAcceptDrops(self.client is not None)
        self._update_buttons()
        self.fit(self.view)

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self._selected()
        live = chosen is not None and chosen.deleted_at is None
        for button in (self.open_button, self.save_button, self.rename_button, self.delete_button):
            button.setEnabled(live)
        self.restore_button.setVisible(self.show_deleted.isChecked())
        self.restore_button.setEnabled(chosen is not None and chosen.deleted_at is not None)

    def _selected(self) -> Attachment | None:
        ident = selected_id(self.view)
        return next((f for f in self.files if f.id == ident), None)

    # Attaching ------------------------------------------------------------------------------------

    def attach_paths(self, chosen: list[Path]) -> None:
        """Attach each file (one operation each: a file refused for its size says so and the others
        are still attached)."""
        client = self.client
        if client is None:
            return
        uow, client_id = self.uow, client.id

        def attach(path: Path) -> Callable[[], int]:
            return lambda: attachments.attach_path(uow(), client_id, path)

        for path in chosen:
            self.ops.run_slow(attach(path))

    @Slot()
    def _on_attach_button_clicked(self) -> None:
        chosen = self.chooser.files_to_attach(self)
        if chosen:
            self.attach_paths(chosen)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.client is not None and _local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if self.client is not None and _local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        dropped = _local_files(event.mimeData().urls())
        if self.client is None or not dropped:
            event.ignore()
            return
        event.acceptProposedAction()
        self.wants_focus.emit()
        self.attach_paths(dropped)

    # Acting on one file ---------------------------------------------------------------------------

    @Slot()
    def _on_open_button_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        uow, folder = self.uow, paths.tmp_dir()

        def opened(copy: Path) -> None:
            if not self.chooser.open_with_system(copy):
                self.context.notice.show_message(
                    self.tr("No program on this computer opens “%1”. Save a copy and open it from there.").replace(
                        "%1", chosen.name
                    ),
                    kind="warning",
                )

        self.ops.run(lambda: attachments.copy_for_opening(uow(), chosen.id, folder), opened)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        target = self.chooser.where_to_save(self, chosen.name)
        if target is None:
            return
        uow = self.uow

        def saved(path: Path) -> None:
            self.context.notice.show_message(self.tr("Saved: %1").replace("%1", str(path)), kind="success")

        # the save dialog has asked about replacing an existing file already
        self.ops.run(lambda: attachments.save_copy(uow(), chosen.id, target, overwrite=True), saved)

    @Slot()
    def _on_rename_button_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        name = self.chooser.new_name(self, chosen.name)
        if name is None or name == chosen.name:
            return
        uow = self.uow
        self.ops.run(lambda: attachments.rename_file(uow(), chosen.id, name))

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        uow = self.uow
        self.trash_with_undo(
            lambda: attachments.trash_file(uow(), chosen.id),
            lambda: attachments.restore_file(uow(), chosen.id),
            self.tr("File “%1” deleted.").replace("%1", chosen.name),
        )

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.deleted_at is None:
            return
        uow = self.uow
        self.ops.run(lambda: attachments.restore_file(uow(), chosen.id))

    @Slot(bool)
    def _on_show_deleted_toggled(self, _checked: bool) -> None:
        self.fill()


def _local_files(urls: list[QUrl]) -> list[Path]:
    """The local files among dropped URLs (a folder or a web link is not a file to attach)."""
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and Path(url.toLocalFile()).is_file()]
