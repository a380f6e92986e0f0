"""Saved views of a list (issue 15): the chooser above the client table and the deals list.

Each view is shown with how many rows it holds now; the counts are read on a worker
(``Operations.read_slow`` with a ``Latest``) and again, a moment later, when the change bus says
clients, deals, views or managers changed — never while the user types. Choosing a view hands its
state to the list (``apply``); the list tells the bar when the user changes anything (``touch``), and
"changed" shows when the list no longer shows what the chosen view says. Save view / Save as… /
Rename… / Delete… are one service call each (``services/views.py``) through the operations; the views
shipped with the program cannot be changed, renamed or deleted (Save view then saves a copy).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.errors import UserError
from salesdesk.domain.views import MAX_NAME, View, ViewCount, ViewList, ViewState
from salesdesk.services import views
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import ERROR_COLOR
from salesdesk.ui.workers import Latest

RECOUNT_DELAY_MS = 400  # a burst of changes (a bulk action, another seat's import) counts once
CHECK_DELAY_MS = 120  # dragging a column's edge: the "changed" mark is checked once it rests
WARNING_COLOR = "#b06000"


def ask_name(parent: QWidget, title: str, label: str, text: str) -> str | None:
    """The name of a view, or None when cancelled (tests replace this)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.resize(max(dialog.sizeHint().width(), 360), dialog.sizeHint().height())
    line = dialog.findChild(QLineEdit)
    if line is not None:
        line.setMaxLength(MAX_NAME)
    return dialog.textValue() if dialog.exec() else None


def confirm_delete(parent: QWidget, name: str) -> bool:
    """Delete the view *name*? (tests replace this)"""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ViewsBar", "Delete view"),
        QCoreApplication.translate("ViewsBar", "Delete the view “%1”? The clients and deals stay as they are.").replace(
            "%1", name
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


class ViewsBar(QWidget):
    apply_requested = Signal(object)  # ViewState: the list shows it

    def __init__(
        self, which: ViewList, ops: Operations, capture: Callable[[], ViewState], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.which = which
        self.ops = ops
        self.capture = capture
        self.counted: list[ViewCount] = []
        self.chosen: int | str | None = None
        self._latest = Latest(ops.runner)
        self._stale = True
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("View:"))
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.combo.view().setMinimumWidth(320)
        self.combo.setPlaceholderText(self.tr("Choose a saved view…"))
        self.combo.setToolTip(self.tr("Saved views: filters, search, columns, sort and widths under a name"))
        label.setBuddy(self.combo)
        self.mark = QLabel()
        self.mark.setStyleSheet(f"color: {WARNING_COLOR};")
        self.mark.hide()
        self.menu_button = QToolButton()
        self.menu_button.setText(self.tr("Views"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.menu_button)
        self.save_action = menu.addAction(self.tr("Save view"))
        self.save_as_action = menu.addAction(self.tr("Save as new view…"))
        menu.addSeparator()
        self.rename_action = menu.addAction(self.tr("Rename view…"))
        self.delete_action = menu.addAction(self.tr("Delete view…"))
        self.menu_button.setMenu(menu)
        for widget in (label, self.combo, self.menu_button, self.mark):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self.reload)
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_DELAY_MS)
        self._check.timeout.connect(self.check)
        self.combo.activated.connect(self._on_combo_activated)
        self.save_action.triggered.connect(self.save)
        self.save_as_action.triggered.connect(self.save_as)
        self.rename_action.triggered.connect(self.rename)
        self.delete_action.triggered.connect(self.delete)
        ops.bus.changed.connect(self._on_changes)
        self._update_actions()

    # Reading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the views and count each, on a worker."""
        self._recount.stop()
        self._stale = False
        uow, which = self.ops.uow, self.which
        self.ops.read_slow(lambda: views.views_with_counts(uow(), which), self._fill, latest=self._latest)

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if not (
            changes.views
            or changes.clients
            or changes.whole_base
            or changes.membership
            or "manager" in changes.reference
            or (self.which is ViewList.DEALS and changes.deals)
        ):
            return
        if self.isVisible():
            self._recount.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _fill(self, counted: list[ViewCount]) -> None:
        self.counted = counted
        locale = QLocale()
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            shipped = True
            for item in counted:
                view = item.view
                if shipped and not view.shipped:
                    self.combo.insertSeparator(self.combo.count())
                    shipped = False
                if item.count is None:
                    text = self.tr("%1 — damaged").replace("%1", view.name)
                else:
                    text = f"{view.name} ({locale.toString(item.count)})"
                self.combo.addItem(text, view.id)
                index = self.combo.count() - 1
                if view.problem:
                    self.combo.setItemData(index, view.problem, Qt.ItemDataRole.ToolTipRole)
            self.combo.setCurrentIndex(self.combo.findData(self.chosen) if self.chosen is not None else -1)
        finally:
            self.combo.blockSignals(False)
        if self.chosen is not None and self.current_view() is None:  # deleted elsewhere
            self.chosen = None
        self.check()

    def current_view(self) -> View | None:
        return next((c.view for c in self.counted if c.view.id == self.chosen), None)

    def count_of(self, view_id: int | str) -> int | None:
        return next((c.count for c in self.counted if c.view.id == view_id), None)

    # Choosing --------------------------------------------------------------------------------

    @Slot(int)
    def _on_combo_activated(self, index: int) -> None:
        view_id = self.combo.itemData(index)
        if view_id is not None:
            self.choose(view_id)

    def choose(self, view_id: int | str) -> None:
        """Show the view *view_id* in the list (a damaged one says why and changes nothing)."""
        self.chosen = view_id
        self.combo.setCurrentIndex(self.combo.findData(view_id))
        view = self.current_view()
        if view is not None and view.state is not None:
            self.apply_requested.emit(view.state)
        self.check()

    def touch(self) -> None:
        """The list changed (filters, search, columns, sort, widths): check the mark a moment later."""
        if self.chosen is not None:
            self._check.start()

    @Slot()
    def check(self) -> None:
        self._check.stop()
        view = self.current_view()
        if view is None:
            self.mark.hide()
        elif view.state is None:
            self.mark.setStyleSheet(f"color: {ERROR_COLOR};")
            self.mark.setText(view.problem)
            self.mark.setToolTip("")
            self.mark.show()
        else:
            self.mark.setStyleSheet(f"color: {WARNING_COLOR};")
            self.mark.setText(self.tr("• changed"))
            self.mark.setToolTip(self.tr("The list no longer shows what the view says: “Save view” keeps it"))
            self.mark.setVisible(not view.state.same_as(self.capture()))
        self._update_actions()

    @property
    def modified(self) -> bool:
        return self.mark.isVisible() and self.mark.text() == self.tr("• changed")

    def _update_actions(self) -> None:
        view = self.current_view()
        own = view is not None and not view.shipped
        self.save_action.setEnabled(own)
        self.rename_action.setEnabled(own)
        self.delete_action.setEnabled(own)
        reason = self.tr("Views that come with the program cannot be changed; save your own with “Save as new view…”")
        for action in (self.save_action, self.rename_action, self.delete_action):
            action.setToolTip("" if own or view is None else reason)

    # Saving ----------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Put what the list shows into the chosen view (one of the user's own)."""
        view = self.current_view()
        if view is None or view.shipped:
            self.save_as()
            return
        uow, state, ident = self.ops.uow, self.capture(), view.id
        self.ops.run(lambda: views.update_view(uow(), ident, state), lambda _none: self._saved(ident))

    @Slot()
    def save_as(self) -> None:
        view = self.current_view()
        name = ask_name(
            self,
            self.tr("Save as new view"),
            self.tr("Name of the view (for example “Hot leads in Kazan”):"),
            "" if view is None or view.shipped else view.name,
        )
        if name is None:
            return
        uow, state, which = self.ops.uow, self.capture(), self.which
        self.ops.run(lambda: views.save_view(uow(), which, name, state), self._saved, on_error=self._refused)

    def _saved(self, ident: int | str) -> None:
        self.chosen = ident
        self.reload()  # the bus asks too, later: the new view is chosen at once

    def _refused(self, exc: UserError) -> bool:
        QMessageBox.warning(self, self.tr("Views"), str(exc))
        return True

    @Slot()
    def rename(self) -> None:
        view = self.current_view()
        if view is None or view.shipped:
            return
        name = ask_name(self, self.tr("Rename view"), self.tr("New name of the view:"), view.name)
        if name is None or name == view.name:
            return
        uow, ident = self.ops.uow, view.id
        self.ops.run(lambda: views.rename_view(uow(), ident, name), lambda _n: self.reload(), on_error=self._refused)

    @Slot()
    def delete(self) -> None:
        view = self.current_view()
        if view is None or view.shipped or not confirm_delete(self, view.name):
            return
        uow, ident = self.ops.uow, view.id
        self.chosen = None
        self.ops.run(lambda: views.delete_view(uow(), ident), lambda _none: self.reload())
