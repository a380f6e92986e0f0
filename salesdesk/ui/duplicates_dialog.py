"""Edit → Find duplicates…: likely duplicate clients across the base, most certain first.

The groups come from `merging.duplicate_groups` on a worker (`Operations.read_slow`); the table's
model holds them as plain values. Choosing a group lists its clients; "Merge…" opens the merge
dialog for the two chosen (or the group's first two), through the window's `MergeActions`, and the
list is read again after a merge or an Undo (the change bus).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.messages import msg
from salesdesk.services import merging
from salesdesk.services.common import UowFactory
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.widgets import MUTED, NoticeBar
from salesdesk.ui.workers import Latest

Index = QModelIndex | QPersistentModelIndex


def reasons_text(group: merging.DuplicateGroup) -> str:
    return ", ".join(str(msg("duplicates.reason." + r)) for r in group.reasons)


class DuplicateGroupsModel(QAbstractTableModel):
    """Groups of likely duplicates: score, why, the clients' names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[merging.DuplicateGroup] = []

    def set_groups(self, groups: list[merging.DuplicateGroup]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        group = self.groups[index.row()]
        if index.column() == 0:
            return str(group.score)
        if index.column() == 1:
            return reasons_text(group)
        return " · ".join(group.names) if role == Qt.ItemDataRole.DisplayRole else "\n".join(group.names)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Score"), self.tr("Why"), self.tr("Clients"))[section]


class DuplicatesDialog(QDialog):
    """The "Find duplicates" view: groups, the chosen group's clients, Merge…"""

    def __init__(
        self,
        uow: UowFactory,
        merge: Callable[[int, int, QWidget], merging.Merged | None],
        parent: QWidget | None = None,
        *,
        undo: Callable[[merging.Merged], bool] | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find duplicates"))
        self.ops = operations_for(self, self._show_status, operations, uow)
        self.uow = self.ops.uow
        self.merge = merge
        self.undo = undo
        self.latest = Latest(self.ops.runner)
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Looking for duplicates…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = DuplicateGroupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_merge_clicked)
        splitter.addWidget(self.table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Clients of the chosen group (choose two to merge; the first is kept):"))
        hint.setStyleSheet(MUTED)
        lower_layout.addWidget(hint)
        self.members = QListWidget()
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.members.itemSelectionChanged.connect(self._update_buttons)
        lower_layout.addWidget(self.members)
        splitter.addWidget(lower)
        splitter.setSizes([380, 160])
        layout.addWidget(splitter, 1)
        self.notice = NoticeBar()  # "merged… Undo" here too: the window's own bar is behind this dialog
        self.notice.hide()
        layout.addWidget(self.notice)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = self.buttons.addButton(self.tr("Merge…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ops.bus.changed.connect(self._on_bus_changed)
        self.resize(900, 600)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        uow = self.uow
        self.status.setText(self.tr("Looking for duplicates…"))
        self.ops.read_slow(lambda: merging.duplicate_groups(uow()), self._show_groups, latest=self.latest)

    def _show_groups(self, groups: list[merging.DuplicateGroup]) -> None:
        self.model.set_groups(groups)
        if groups:
            self.status.setText(self.tr("%n group(s) of likely duplicates, most certain first.", "", len(groups)))
            self.table.selectRow(0)
        else:
            self.status.setText(self.tr("No likely duplicates found."))
            self.members.clear()
        self._update_buttons()

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.members.clear()
        if not current.isValid():
            return
        group = self.model.groups[current.row()]
        for ident, name in zip(group.ids, group.names, strict=True):
            number = self.tr("No. %d") % ident
            item = QListWidgetItem(f"{name}  ·  {number}")
            item.setData(Qt.ItemDataRole.UserRole, ident)
            self.members.addItem(item)
        self._update_buttons()

    def pair(self) -> tuple[int, int] | None:
        """The two clients to merge: the two chosen, else the group's first two."""
        chosen = [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.members.selectedItems()]
        if len(chosen) == 2:
            return chosen[0], chosen[1]
        if not chosen and self.members.count() >= 2:
            return (
                int(self.members.item(0).data(Qt.ItemDataRole.UserRole)),
                int(self.members.item(1).data(Qt.ItemDataRole.UserRole)),
            )
        return None

    @Slot()
    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(self.pair() is not None)

    @Slot()
    def _on_merge_clicked(self) -> None:
        pair = self.pair()
        if pair is None:
            return
        merged = self.merge(pair[0], pair[1], self)
        if merged is not None and self.undo is not None:
            undo = self.undo
            self.notice.show_message(
                self.tr("Merged: No. %1 into No. %2.")
                .replace("%1", str(merged.trashed))
                .replace("%2", str(merged.kept)),
                action=self.tr("Undo"),
                callback=lambda: undo(merged),
            )

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.membership:  # a merge or its Undo (a card to or from the trash)
            self.reload()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    @classmethod
    def show_for(
        cls,
        parent: QWidget,
        uow: UowFactory,
        merge: Callable[[int, int, QWidget], merging.Merged | None],
        undo: Callable[[merging.Merged], bool],
        operations: Operations,
    ) -> None:
        dialog = cls(uow, merge, parent, undo=undo, operations=operations)
        dialog.exec()
