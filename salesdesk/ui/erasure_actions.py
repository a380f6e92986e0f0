"""Erasing for good, emptying the trash, and a person's data on request, in the window (issue 12).

Kept out of the main window and the card, which hold only a few lines that call this module:

* ``WindowErasure`` — "Empty the trash…" (Edit menu, and a button beside the "Trash" label in the
  trash view) and "Erase this client…" (Client menu, for a private person or a sole trader);
* ``add_person_actions`` — "Export everything about this person…" and "Erase this person…" on
  the card's list of contact persons (its context menu).

Every erasure asks first in ``EraseDialog``: what will go, the ground (kept in the erasure record),
that backups taken before still hold the data until they rotate out, and — when the backup folder
holds copies — "Also erase from the backups (N copies)", which rewrites each copy without the
person (``services/backup_erasure.py``); a server base's copies cannot be rewritten, so there the
option says that they will be deleted once a new copy is taken. The work runs on a worker (``Operations.run_slow``: the
files are rewritten), the result (with the copies that could not be rewritten, by name) goes to the
notice, and the lists learn of it from the change bus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.messages import msg
from salesdesk.services import backup_erasure, erasure
from salesdesk.services.common import UowFactory
from salesdesk.services.person_export import export_person
from salesdesk.settings import SeatSettings
from salesdesk.ui.operations import Operations
from salesdesk.ui.settings import dialog_start, remember_dialog_folder


@dataclass(frozen=True)
class EraseChoice:
    """What the manager confirmed: the ground, and whether to rewrite the backups too."""

    ground: str
    from_backups: bool = False


class EraseDialog(QDialog):
    """The confirmation of an erasure: what goes, on what ground, what backups still hold, and the
    offer to erase from them too (shown when the backup folder holds *backups* copies)."""

    def __init__(
        self, parent: QWidget | None, title: str, summary: str, *, grounds: bool, backups: int = 0, dumps: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._grounds = grounds
        self._backups = backups
        layout = QVBoxLayout(self)
        text = QLabel(summary)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.ground = QComboBox()
        for code in erasure.GROUNDS:
            self.ground.addItem(erasure.ground_label(code), code)
        if grounds:
            form = QFormLayout()
            form.addRow(self.tr("Ground:"), self.ground)
            layout.addLayout(form)
        note = QLabel(str(msg("erasure.backups_note")))
        note.setWordWrap(True)
        note.setStyleSheet("color:#a50e0e;")
        layout.addWidget(note)
        if dumps:  # a server base's copies (pg_dump archives): deleted, a fresh one taken first
            self.from_backups = QCheckBox(
                self.tr("Also erase from the backups: %n copies on this computer will be deleted", "", backups)
            )
            self.from_backups.setToolTip(
                self.tr(
                    "A new copy of the base, without this data, is taken first (when this computer can); "
                    "then this computer's older copies of the base are deleted."
                )
            )
        else:
            self.from_backups = QCheckBox(self.tr("Also erase from the backups (%n copies)", "", backups))
            self.from_backups.setToolTip(
                self.tr(
                    "Each copy in the backup folder is rewritten without this data. A copy that cannot be "
                    "rewritten is left as it was and named in the result."
                )
            )
        self.from_backups.setVisible(backups > 0)
        layout.addWidget(self.from_backups)
        self.dumps_note = QLabel(self.tr("A copy cannot be rewritten without the person; a new copy is taken first."))
        self.dumps_note.setWordWrap(True)
        self.dumps_note.setVisible(dumps and backups > 0)
        layout.addWidget(self.dumps_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = buttons.addButton(self.tr("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def choice(self) -> EraseChoice:
        ground = str(self.ground.currentData()) if self._grounds else "trash"
        return EraseChoice(ground, self._backups > 0 and self.from_backups.isChecked())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        summary: str,
        *,
        grounds: bool = True,
        backups: int = 0,
        dumps: bool = False,
    ) -> EraseChoice | None:
        """The ground chosen ("trash" for the trash) and whether to erase from the *backups* copies
        too (*dumps*: a server base's, deleted rather than rewritten), or None when the user
        cancelled."""
        dialog = cls(parent, title, summary, grounds=grounds, backups=backups, dumps=dumps)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()


class PersonFile:
    """Where "Export everything about this person" writes; a dialog tests replace."""

    @classmethod
    def ask(cls, parent: QWidget, name: str) -> Path | None:
        title = QCoreApplication.translate("Erasure", "Export everything about this person")
        kind = QCoreApplication.translate("Erasure", "Excel workbook (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(parent, title, dialog_start("export", f"{name}.xlsx"), kind)
        if not chosen:
            return None
        remember_dialog_folder("export", chosen)
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


def _erase(
    parent: QWidget,
    ops: Operations,
    uow: UowFactory,
    entity: str,
    ident: int,
    manager: Callable[[], int | None],
    done: Callable[[str], object],
) -> None:
    """Ask, then erase contact person or client *ident* on a worker; *done* gets the message."""
    seat = _seat(parent)
    asked: list[tuple[erasure.ErasurePlan, int, bool]] = []

    def read() -> tuple[erasure.ErasurePlan, int, bool]:
        copies = backup_erasure.backups_to_rewrite(uow(), settings=seat)
        return erasure.plan_erasure(uow(), entity, ident), copies, backup_erasure.copies_are_dumps(uow())

    if not ops.read(read, asked.append):
        return
    plan, copies, dumps = asked[0]
    title = (
        QCoreApplication.translate("Erasure", "Erase this person")
        if entity == "contact"
        else QCoreApplication.translate("Erasure", "Erase this client")
    )
    choice = EraseDialog.ask(parent, title, plan.summary(), backups=copies, dumps=dumps)
    if choice is None:
        return
    manager_id = manager()

    def finished(result: erasure.ErasureResult) -> None:
        text = str(msg("erasure.done", entity=msg(f"erasure.entity.{entity}"), id=ident, record=result.record_id))
        if result.mentions:
            text += " " + str(msg("erasure.mentions", n=result.mentions))
        if result.backups is not None:
            text += " " + " ".join(result.backups.messages())
        done(text)

    ops.run_slow(
        lambda: backup_erasure.erase_everywhere(
            uow(),
            entity,
            ident,
            ground=choice.ground,
            manager_id=manager_id,
            from_backups=choice.from_backups,
            settings=seat,
        ),
        finished,
    )


def _seat(parent: QWidget) -> SeatSettings | None:
    """The seat's settings of the window *parent* is in (where its backup folder is), or None for
    the default ones."""
    q = getattr(getattr(parent.window(), "settings", None), "q", None)
    return SeatSettings(Path(q.fileName())) if q is not None else None


class WindowErasure(QObject):
    """The main window's "Empty the trash…" and "Erase this client…"."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.empty_trash_action = QAction(self.tr("&Empty the trash…"), window)
        self.empty_trash_action.setStatusTip(self.tr("Erase for good everything in the trash"))
        self.empty_trash_action.triggered.connect(self.empty_trash)
        self.empty_trash_button = QToolButton()
        self.empty_trash_button.setDefaultAction(self.empty_trash_action)
        self.empty_trash_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.empty_trash_button.hide()
        self.erase_client_action = QAction(self.tr("E&rase this client…"), window)
        self.erase_client_action.setStatusTip(self.tr("Erase a private person or sole trader for good (152-FZ)"))
        self.erase_client_action.triggered.connect(self.erase_client)

    def show_trash(self, shown: bool) -> None:
        """The trash view is shown (or not): its "Empty the trash…" button with it."""
        self.empty_trash_button.setVisible(shown)

    def _notify(self, text: str) -> None:
        self.window.notice.show_message(text)

    def empty_trash(self) -> None:
        ops: Operations = self.window.operations
        uow: UowFactory = self.window.uow
        contents: list[dict[str, int]] = []
        if not ops.read(lambda: erasure.trash_contents(uow()), contents.append):
            return
        counts = contents[0]
        if sum(counts.values()) == 0:
            self._notify(str(msg("trash.empty_nothing")))
            return
        summary = str(
            msg(
                "trash.contents",
                clients=counts["client"],
                contacts=counts["contact"],
                deals=counts["deal"],
                reminders=counts["reminder"],
                interactions=counts["interaction"],
                files=counts["attachment"],
            )
        )
        if EraseDialog.ask(self.window, self.tr("Empty the trash"), summary, grounds=False) is None:
            return
        manager_id = self.window.current_manager()

        def emptied(result: erasure.TrashEmptied) -> None:
            if self.window.trash_view_action.isChecked():
                self.window.card.show_empty()  # the card of a client that was in the trash is gone
            self._notify(str(msg("trash.emptied", n=result.total)))

        ops.run_slow(lambda: erasure.empty_trash(uow(), manager_id=manager_id), emptied)

    def erase_client(self) -> None:
        card = self.window.card
        client_id = card.client_id
        if client_id is None:
            self._notify(self.tr("Open the card of the client to erase first."))
            return

        def erased(text: str) -> None:
            if card.client_id == client_id:
                card.show_empty()
            self._notify(text)

        _erase(
            self.window,
            self.window.operations,
            self.window.uow,
            "client",
            client_id,
            self.window.current_manager,
            erased,
        )


def add_person_actions(card: Any, view: QAbstractItemView) -> tuple[QAction, QAction]:
    """ "Export everything about this person…" and "Erase this person…" in the context menu of the
    card's list of contact persons (*view*: its rows carry the contact's id in column 0's UserRole)."""

    def selected() -> int | None:
        rows = view.selectionModel().selectedRows() if view.selectionModel() is not None else []
        value = rows[0].siblingAtColumn(0).data(Qt.ItemDataRole.UserRole) if rows else None
        return int(value) if value is not None else None

    def name_of(ident: int) -> str:
        index = next(iter(view.selectionModel().selectedRows()), None)
        return str(index.siblingAtColumn(0).data()) if index is not None else str(ident)

    def notify(text: str) -> None:
        card.notice.show_message(text)

    def export() -> None:
        ident = selected()
        if ident is None:
            return
        path = PersonFile.ask(card, name_of(ident))
        if path is None:
            return
        card.ops.run_slow(
            lambda: export_person(card.uow(), ident, path),
            lambda result: notify(
                str(msg("person.exported", path=result.path, clients=result.clients, interactions=result.interactions))
            ),
        )

    def erase() -> None:
        ident = selected()
        if ident is not None:
            _erase(card, card.ops, card.uow, "contact", ident, card.current_manager, notify)

    export_action = QAction(QCoreApplication.translate("Erasure", "E&xport everything about this person…"), view)
    export_action.triggered.connect(export)
    erase_action = QAction(QCoreApplication.translate("Erasure", "E&rase this person…"), view)
    erase_action.triggered.connect(erase)
    view.addActions([export_action, erase_action])
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def update() -> None:
        has = selected() is not None
        export_action.setEnabled(has)
        erase_action.setEnabled(has)

    view.selectionModel().selectionChanged.connect(update)
    view.model().modelReset.connect(update)
    update()
    return export_action, erase_action
