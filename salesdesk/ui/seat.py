"""The seat's signed-in manager in the window (issue 14, several seats): who it is and in what role
(a button in the status bar that opens "Who are you?"), and what the base lets them do — the
window disables what the services would refuse (erasing) and says why.

The rights are read at start, when a manager or the base's rules change (the change bus), and
when another manager signs in at this seat. The services check them again on every action
(services/permissions.py): hiding a button is a courtesy, not the guard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QToolButton

from salesdesk.domain.changes import Changes
from salesdesk.services import permissions
from salesdesk.services.permissions import Rights

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow


class SeatRights(QObject):
    """The signed-in manager's rights as last read; ``changed`` when they are read again."""

    changed = Signal(object)  # Rights

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.rights: Rights | None = None
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setToolTip(self.tr("Who works at this seat: click to choose another manager"))
        self.button.clicked.connect(self._on_button_clicked)
        window.operations.bus.changed.connect(self._on_changes)

    def reload(self) -> None:
        # as the services see it: the unit of work's actor (in the demo base, the same person's id there)
        uow = self.w.uow
        self.w.operations.read(lambda: permissions.rights(uow()), self._set)

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if "manager" in changes.reference or changes.whole_base:
            self.reload()

    @Slot()
    def _on_button_clicked(self) -> None:
        self.w.reminder_notices.ask_who_you_are()

    def _set(self, rights: Rights) -> None:
        self.rights = rights
        manager = rights.manager
        if manager is None:
            self.button.setText(self.tr("Who are you?"))
        else:
            # the role is said only where roles matter: a base with a head
            role = f" · {manager.role.label}" if rights.has_head else ""
            self.button.setText(self.tr("At this seat: %1").replace("%1", manager.name + role))
        self._apply(rights)
        self.changed.emit(rights)

    def _apply(self, rights: Rights) -> None:
        erasure = self.w.erasure
        heads = ", ".join(rights.heads)
        why = (
            ""
            if rights.may_erase
            else self.tr("Only a head (%1) may erase in this base; a head can allow it in Settings.").replace(
                "%1", heads
            )
        )
        for action, tip in (
            (erasure.empty_trash_action, self.tr("Erase for good everything in the trash")),
            (erasure.erase_client_action, self.tr("Erase a private person or sole trader for good (152-FZ)")),
        ):
            action.setEnabled(rights.may_erase)
            action.setStatusTip(why or tip)
            action.setToolTip(why or action.text().replace("&", ""))
        export_tip = (
            self.tr("Save clients to Excel or CSV")
            if rights.may_export_all
            else self.tr("Save your own clients to Excel or CSV (only a head (%1) exports the whole base)").replace(
                "%1", heads
            )
        )
        self.w.export_action.setStatusTip(export_tip)
        self.w.filters.set_me(rights.manager.id if rights.manager else None, mine_by_default=rights.restricted)

    def me(self) -> int | None:
        return self.rights.manager.id if self.rights is not None and self.rights.manager is not None else None
