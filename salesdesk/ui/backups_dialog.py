"""File → Backups: the copies of the base with their date, size, client count and check; back up now,
restore one, choose the folder and how many copies rotation keeps. Also the start-up's daily copy
(on a worker) and the offer of the newest good copy when the base is damaged at start.

Everything that touches a file runs through ``services.backups``; listing checks each copy on a
worker, one after another, so the list shows at once and fills in its "check" column.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Slot
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk import settings as seat
from salesdesk.domain.backups import DamagedBase
from salesdesk.domain.errors import UserError
from salesdesk.domain.messages import msg
from salesdesk.services import backups
from salesdesk.services.backups import BackupInfo, RestoreResult
from salesdesk.ui.dialogs import Confirm, Inform

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

COLUMNS = ("date", "reason", "size", "clients", "check")


def _seat_of(window: MainWindow) -> seat.SeatSettings:
    return seat.SeatSettings(Path(window.settings.q.fileName()))


def _date_text(moment: datetime) -> str:
    shown = QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def _size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def action(window: MainWindow) -> QAction:
    """The File menu's "Backups…" item."""
    item = QAction(QCoreApplication.translate("BackupsDialog", "&Backups…"), window)
    item.setStatusTip(QCoreApplication.translate("BackupsDialog", "Copies of the base: back up now or go back to one"))
    item.triggered.connect(lambda: BackupsDialog.open_for(window))
    return item


def start_daily_backup(window: MainWindow) -> None:
    """The first start of a day copies the base, on a worker: the window does not wait for it.
    A copy that fails shows in the window's notice bar; the base is not touched."""
    settings = _seat_of(window)
    window.operations.run_slow(lambda: backups.daily_backup(window.uow(), settings=settings), _daily_done)


def _daily_done(info: BackupInfo | None) -> None:
    if info is not None:
        log.info("the daily backup is taken")


def offer_restore(damaged: DamagedBase, parent: QWidget | None = None) -> bool:
    """At start, a damaged base: offer its newest good copy. True when it was restored."""
    try:
        good = backups.newest_good_backup(damaged.path)
    except UserError:
        return False
    if good is None:
        return False
    text = QCoreApplication.translate(
        "BackupsDialog",
        "The base %1 is damaged (SQLite's check says: %4).\n\nThe newest good backup is of %2 (%3 clients). "
        "Restore it? The damaged base is kept as a copy in the backup folder.",
    )
    text = (
        text.replace("%1", str(damaged.path))
        .replace("%4", damaged.damage or "?")
        .replace("%2", _date_text(good.created))
        .replace("%3", str(good.clients))
    )
    if not Confirm.ask(parent, QCoreApplication.translate("BackupsDialog", "The base is damaged"), text):  # type: ignore[arg-type]
        return False
    try:
        backups.restore_damaged(damaged.path, good.path)
    except UserError as exc:
        Inform.error(parent, "SalesDesk", str(exc))  # type: ignore[arg-type]
        return False
    return True


class BackupsDialog(QDialog):
    """The list of copies and what can be done with them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.operations = window.operations.elsewhere(self._show_error, self)
        self.operations.busy_changed.connect(lambda _busy: self._update_buttons())
        self.seat = _seat_of(window)
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumSize(640, 420)
        self._rows: list[BackupInfo] = []
        self._checking = 0  # the generation of the current list: a stale check's answer is dropped

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("Choose &folder…"))
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)

        self.keep_days = self._keep_box(seat.KEY_KEEP_DAILY)
        self.keep_weeks = self._keep_box(seat.KEY_KEEP_WEEKLY)
        self.keep_months = self._keep_box(seat.KEY_KEEP_MONTHLY)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep the newest copy of the last")))
        for box, label in (
            (self.keep_days, self.tr("days,")),
            (self.keep_weeks, self.tr("weeks,")),
            (self.keep_months, self.tr("months")),
        ):
            keep_row.addWidget(box)
            keep_row.addWidget(QLabel(label))
        keep_row.addStretch(1)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Why"), self.tr("Size"), self.tr("Clients"), self.tr("Check")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore this copy…"))
        self.restore_button.clicked.connect(self.restore_selected)
        # A base on a server: its copies (pg_dump's) are put back by the server's administrator.
        self.restore_note = QLabel(backups.restore_note(self.operations.uow()) or "")
        self.restore_note.setWordWrap(True)
        self.restore_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_note.setVisible(bool(self.restore_note.text()))
        self.restore_button.setToolTip(self.restore_note.text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addLayout(keep_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.restore_note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._show_folder()
        self.reload()

    @classmethod
    def open_for(cls, window: MainWindow) -> None:
        dialog = cls(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    # what is shown ----------------------------------------------------------------------------

    def _keep_box(self, key: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 366)
        box.setValue(self.seat.keep(key))
        box.valueChanged.connect(lambda value, key=key: self.seat.set_keep(key, value))
        return box

    def _show_folder(self) -> None:
        self.folder_label.setText(self.tr("Copies are kept in: %1").replace("%1", str(self.seat.backup_folder)))

    def reload(self) -> None:
        """List the copies at once, then check each on a worker, newest first."""
        self._checking += 1
        try:
            self._rows = backups.list_backups(self.operations.uow(), settings=self.seat, verify=False)
        except UserError as exc:
            self._rows = []
            self._show_error(str(exc))
        self.model.removeRows(0, self.model.rowCount())
        for info in self._rows:
            self.model.appendRow(self._items(info, checked=False))
        if not self._rows:
            self.status.setText(self.tr("No backups of this base yet."))
        self._update_buttons()
        self._check_next(0, self._checking)

    def _items(self, info: BackupInfo, *, checked: bool) -> list[QStandardItem]:
        check = self.tr("checking…")
        if checked:
            check = self.tr("verified") if info.ok else self.tr("does not verify")
        clients = QLocale().toString(info.clients) if info.clients is not None else "…" if not checked else "—"
        texts = [
            _date_text(info.created),
            str(msg("backup.reason." + info.reason)),
            _size_text(info.bytes),
            clients,
            check,
        ]
        items = [QStandardItem(text) for text in texts]
        for column in (2, 3):
            items[column].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        items[0].setToolTip(str(info.path))
        return items

    def _check_next(self, row: int, generation: int) -> None:
        if row >= len(self._rows) or generation != self._checking:
            if generation == self._checking:
                self._update_buttons()
            return
        path = self._rows[row].path

        def checked(info: BackupInfo) -> None:
            if generation != self._checking:
                return
            self._rows[row] = info
            for column, item in enumerate(self._items(info, checked=True)):
                self.model.setItem(row, column, item)
            self._check_next(row + 1, generation)

        self.window_.runner.start(lambda: backups.check_backup(path), checked)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._rows):
            return None
        return self._rows[rows[0].row()]

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected()
        verified = chosen is not None and chosen.ok and chosen.clients is not None
        self.restore_button.setEnabled(verified and not self.operations.slow_running)
        self.backup_button.setEnabled(not self.operations.slow_running)

    def _show_error(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020")

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("")

    # actions ----------------------------------------------------------------------------------

    @Slot()
    def back_up_now(self) -> None:
        self._show_status(self.tr("Backing up…"))
        self.operations.run_slow(
            lambda: backups.take_backup(self.operations.uow(), "manual", settings=self.seat),
            self._on_backed_up,
            on_error=self._on_refused,
        )
        self._update_buttons()

    def _on_refused(self, error: UserError) -> bool:
        """Why no copy was made (a server base this manager may not copy, no pg_dump): said here."""
        self._show_error(str(error))
        return True

    def _on_backed_up(self, info: BackupInfo) -> None:
        self.reload()
        self._show_status(
            self.tr("Backup saved: %1 (%2 clients).").replace("%1", info.path.name).replace("%2", str(info.clients))
        )

    @Slot()
    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.ok or chosen.clients is None:  # as the button: a verified copy
            return
        text = (
            self.tr(
                "Go back to the copy of %1 (%2 clients)?\n\nEverything entered since then is replaced. "
                "The base as it is now is copied first, so this can be undone from this list."
            )
            .replace("%1", _date_text(chosen.created))
            .replace("%2", str(chosen.clients))
        )
        if not Confirm.ask(self, self.tr("Restore a backup"), text):
            return
        # The checks of the list read copies, not the base: they stop chaining, nobody waits for them.
        # The window's own reads of the base finish within the restore's wait for the only connection.
        self._checking += 1
        self._show_status(self.tr("Restoring…"))
        self.operations.run_slow(
            lambda: backups.restore_backup(self.operations.uow(), chosen.path, settings=self.seat), self._on_restored
        )
        self._update_buttons()

    def _on_restored(self, result: RestoreResult) -> None:
        self.reload()
        self._show_status(
            self.tr("The base is back to %1. The base as it was is saved as %2.")
            .replace("%1", _date_text(result.restored.created))
            .replace("%2", result.safety.path.name)
        )

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), str(self.seat.backup_folder))
        if chosen:
            self.choose_folder(Path(chosen))

    def choose_folder(self, folder: Path) -> None:
        self.seat.backup_folder = folder
        self._show_folder()
        self.reload()
