"""The card's "Changes" tab: who changed what of this client, when, before → after.

A table model of plain ``AuditRecord`` values and a widget with three filters (field, manager,
text). It reads through ``Operations`` and follows the change bus: a commit that touches the shown
client reads its trail again (at once when the tab is shown, else when it is next shown).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.audit import (
    AuditRecord,
    action_label,
    display_value,
    entity_label,
    field_label,
    via_label,
)
from salesdesk.domain.changes import Changes
from salesdesk.domain.messages import msg
from salesdesk.services import audit
from salesdesk.services.audit import ClientChanges
from salesdesk.ui.operations import Operations

AnyIndex = QModelIndex | QPersistentModelIndex

AT, WHO, WHAT, FIELD, OLD, NEW, VIA = range(7)


class ChangesModel(QAbstractTableModel):
    """The entries of one card, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRecord] = []

    def set_records(self, records: tuple[AuditRecord, ...] | list[AuditRecord]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> AuditRecord:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Field"),
            self.tr("Before"),
            self.tr("After"),
            self.tr("Through"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (OLD, NEW):
            return self._text(r, index.column()) or None
        if role == Qt.ItemDataRole.ForegroundRole and r.erased and index.column() in (OLD, NEW):
            from PySide6.QtGui import QPalette

            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _text(self, r: AuditRecord, column: int) -> str:
        if column == AT:
            return r.at.astimezone().strftime("%d.%m.%Y %H:%M")
        if column == WHO:
            return r.manager or str(msg("audit.no_manager"))
        if column == WHAT:
            what = entity_label(r.entity)
            if r.entity != "client":
                what += f" {msg('cli.number', id=r.entity_id)}"
            return f"{what}: {action_label(r.action)}"
        if column == FIELD:
            return field_label(r.entity, r.field)
        if column in (OLD, NEW):
            if r.erased:
                return str(msg("audit.erased"))
            value = r.old if column == OLD else r.new
            return _one_line(display_value(r.entity, r.field, value))
        return via_label(r)


def _one_line(text: str) -> str:
    return " ".join(text.split("\n")) if "\n" in text else text


class ChangesView(QWidget):
    """The "Changes" tab of a client card; ``show_client`` says whose."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = operations
        self._client_id: int | None = None
        self._stale = False
        self.model = ChangesModel(self)

        self.field_filter = QComboBox()
        self.field_filter.setAccessibleName(self.tr("Field"))
        self.manager_filter = QComboBox()
        self.manager_filter.setAccessibleName(self.tr("Who"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Find in changes…"))
        self.text_filter.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Field:")))
        filters.addWidget(self.field_filter, 1)
        filters.addWidget(QLabel(self.tr("Who:")))
        filters.addWidget(self.manager_filter, 1)
        filters.addWidget(self.text_filter, 2)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty_label = QLabel(self.tr("No changes recorded yet."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self._reset_filters(ClientChanges((), (), ()))

        self.field_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.manager_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.text_filter.textChanged.connect(self._on_filter_changed)
        self.ops.bus.changed.connect(self._on_changes)

    @property
    def client_id(self) -> int | None:
        return self._client_id

    def show_client(self, client_id: int | None) -> None:
        """Show this client's changes (None: a card not saved yet, nothing to show)."""
        changed = client_id != self._client_id
        self._client_id = client_id
        if changed:
            self.text_filter.blockSignals(True)
            self.text_filter.clear()
            self.text_filter.blockSignals(False)
            self._reset_filters(ClientChanges((), (), ()))
        if client_id is None:
            self.model.set_records(())
            self._update_empty()
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        field = self.field_filter.currentData()
        manager = self.manager_filter.currentData()
        text = self.text_filter.text()
        self._stale = False
        self.ops.read(
            lambda: audit.client_changes(
                self.ops.uow(),
                client_id,
                fields=frozenset(field) if field else None,
                manager_id=manager,
                text=text,
            ),
            self._show,
        )

    def _show(self, found: ClientChanges) -> None:
        self._reset_filters(found)
        self.model.set_records(found.records)
        if found.records:
            self.table.resizeColumnsToContents()
        self._update_empty()

    def _update_empty(self) -> None:
        nothing = self.model.rowCount() == 0
        self.empty_label.setVisible(nothing)
        self.empty_label.setText(
            self.tr("No changes recorded yet.") if not self._filtered() else self.tr("No changes match the filter.")
        )

    def _filtered(self) -> bool:
        return bool(
            self.field_filter.currentData() or self.manager_filter.currentData() or self.text_filter.text().strip()
        )

    def _reset_filters(self, found: ClientChanges) -> None:
        """The filters' choices from the card's whole trail, keeping what is chosen."""
        field, manager = self.field_filter.currentData(), self.manager_filter.currentData()
        for combo in (self.field_filter, self.manager_filter):
            combo.blockSignals(True)
            combo.clear()
        self.field_filter.addItem(self.tr("All fields"), None)
        # one choice per name: "Phone" stands for a client's phone and a contact person's phones
        codes: dict[str, list[str]] = {}
        for entity, code in found.fields:
            codes.setdefault(field_label(entity, code), []).append(code)
        for label in sorted(codes, key=str.casefold):
            self.field_filter.addItem(label, sorted(set(codes[label])))
        self.manager_filter.addItem(self.tr("Everyone"), None)
        for ident, name in found.managers:
            self.manager_filter.addItem(name, ident)
        for combo, value in ((self.field_filter, field), (self.manager_filter, manager)):
            at = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)

    @Slot()
    def _on_filter_changed(self) -> None:
        self.reload()

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if self._client_id is None or not (changes.whole_base or self._client_id in changes.clients):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()
