"""The card's Files tab (issue 15): the files kept with the client or one of its deals — a scanned
contract, a requisites card, a price list. "Files of:" chooses the whole client (every file, each
with its deal if it has one) or one deal (its files only; Attach… and a drop then attach to that
deal); the Deals tab's "Files…" opens the tab on the deal selected there. Attach (button or drag
and drop onto the tab), open (a read-only copy in SalesDesk's private temporary folder, opened by
the program the system chooses), save a copy, rename, delete with Undo. The bytes stay inside the
base (services/attachments.py); nothing here runs a file itself: the system's own handler opens a
copy, as a double click in a file manager would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent, QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
        self.deal_label = QLabel(self.tr("Files of:"))
        self.deal_choice = QComboBox()
        self.deal_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.deal_choice.setMaximumWidth(320)  # a long deal title must not push the row off the card
        self.deal_choice.setToolTip(
            self.tr("The whole client, or one of its deals: Attach… adds files to what is chosen")
        )
        self.deal_label.setBuddy(self.deal_choice)
        deleted_row.addWidget(self.deal_label)
        deleted_row.addWidget(self.deal_choice)
        deleted_row.addSpacing(12)
        deleted_row.addWidget(self.show_deleted)
        deleted_row.addWidget(self.restore_button)
        deleted_row.addStretch(1)
        headers = [self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("Deal")]
        self.view, self.model = context.list_view("files", headers, 0, keep=(1,))
        self.empty = QLabel()
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
        self.deal_choice.currentIndexChanged.connect(self._on_deal_choice_current_index_changed)
        self.view.doubleClicked.connect(self._on_open_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def chosen_deal(self) -> int | None:
        """The deal whose files the tab shows and attaches to (None: the whole client)."""
        value = self.deal_choice.currentData()
        return int(value) if value is not None else None

    def show_deal(self, deal_id: int | None) -> None:
        """Show the files of *deal_id* (None: of the whole client)."""
        index = self.deal_choice.findData(deal_id)
        self.deal_choice.setCurrentIndex(max(index, 0))  # a deal no longer there: the whole client
        self._show_files(self.files)

    def _fill_deals(self) -> None:
        chosen = self.chosen_deal()
        self.deal_choice.blockSignals(True)
        self.deal_choice.clear()
        self.deal_choice.addItem(self.tr("the whole client"), None)
        for deal in self.card.deals if self.card else ():
            self.deal_choice.addItem(self.tr("deal “%1”").replace("%1", deal.title), deal.id)
        self.deal_choice.setCurrentIndex(max(self.deal_choice.findData(chosen), 0))
        self.deal_choice.blockSignals(False)
        self.deal_choice.setEnabled(self.deal_choice.count() > 1)

    def fill(self) -> None:
        self._fill_deals()
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
        deal = self.chosen_deal()
        titles = {d.id: d.title for d in self.card.deals} if self.card else {}
        shown = [f for f in found if deal is None or f.deal_id == deal]
        clear(self.model)
        for item in shown:
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
            of_deal = QStandardItem(titles.get(item.deal_id, "") if item.deal_id is not None else "")
            self.model.appendRow([name, size, when, of_deal])
            if item.id == chosen:
                self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        limit = str(MAX_BYTES // (1024 * 1024))
        if deal is None:
            empty = self.tr("No files yet. Drag files here or press Attach… (up to %1 MB each).")
        else:
            empty = self.tr("No files on this deal yet. Drag files here or press Attach… (up to %1 MB each).")
        self.empty.setText(empty.replace("%1", limit))
        self.empty.setVisible(not shown)
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
        uow, client_id, deal_id = self.uow, client.id, self.chosen_deal()

        def attach(path: Path) -> Callable[[], int]:
            return lambda: attachments.attach_path(uow(), client_id, path, deal_id=deal_id)

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

    @Slot(int)
    def _on_deal_choice_current_index_changed(self, _index: int) -> None:
        self._show_files(self.files)


def _local_files(urls: list[QUrl]) -> list[Path]:
    """The local files among dropped URLs (a folder or a web link is not a file to attach)."""
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and Path(url.toLocalFile()).is_file()]
