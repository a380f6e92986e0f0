"""Merging two client cards: the dialog that shows them side by side with a choice per field, and
the window's merge action with its Undo.

`MergeDialog` reads both cards (`merging.merge_preview`), shows each field that either card fills
as two radio buttons (by default the kept card's value, an empty one taken from the other), and
merges with one service call through the window's `Operations`; the change bus tells the list,
the card and the panels. `MergeActions` is what the window and the "Find duplicates" view call:
leave the card being edited safely, ask, then offer Undo in the notice bar (`merging.unmerge`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.audit import field_label
from salesdesk.domain.model import CLIENT_FIELD_NAMES, Client
from salesdesk.services import merging
from salesdesk.services.common import UowFactory
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.widgets import MUTED, FieldMessage, scaled_font

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow

VALUE_LIMIT = 80  # characters of a value shown beside its radio button (all of it in the tooltip)


def value_text(client: Client, name: str) -> str:
    """A field's value as the card shows it: names for the industry and owner, labels for codes."""
    if name == "industry_id":
        return client.industry_name
    if name == "owner_id":
        return client.owner_name
    value = getattr(client, name)
    if name == "tags":
        return ", ".join(value)
    label = getattr(value, "label", None)
    return str(label) if label is not None else str(value or "")


class MergeDialog(QDialog):
    """Two cards side by side: keep the left one, choose per field, merge."""

    def __init__(
        self,
        uow: UowFactory,
        keep_id: int,
        other_id: int,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge clients"))
        self.ops = operations_for(self, self._show_problem, operations, uow)
        self.uow = self.ops.uow
        self.merged: merging.Merged | None = None
        self.keep: Client | None = None
        self.other: Client | None = None
        self.groups: dict[str, QButtonGroup] = {}
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "The card on the left is kept. Choose which value stays in each field; the other card's "
                "contact persons, deals, history and reminders move onto the kept card, and the other card "
                "goes to the trash. Undo puts everything back."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.swap_button = QPushButton(self.tr("Keep the other card instead"))
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        layout.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.fields_area = QScrollArea()
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.fields_area, 1)
        self.moving = QLabel()
        self.moving.setWordWrap(True)
        layout.addWidget(self.moving)
        self.problem = FieldMessage()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 620)
        self._load(keep_id, other_id)

    def _load(self, keep_id: int, other_id: int) -> None:
        uow = self.uow
        self.ops.read(lambda: merging.merge_preview(uow(), keep_id, other_id), self._show)

    def _show(self, preview: tuple[Client, Client, dict[str, int]]) -> None:
        keep, other, counts = preview
        self.keep, self.other = keep, other
        defaults = merging.merged_fields(keep.fields(), other.fields())
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, client, caption in ((1, keep, self.tr("Kept")), (2, other, self.tr("Goes to the trash"))):
            number = self.tr("No. %d") % client.id
            head = QLabel(f"{caption}: {client.name} · {number}")
            head.setWordWrap(True)
            scaled_font(head, 1.05, bold=True)
            grid.addWidget(head, 0, column)
        self.groups = {}
        row = 1
        for name in CLIENT_FIELD_NAMES:
            mine, theirs = value_text(keep, name), value_text(other, name)
            if not mine and not theirs:
                continue
            label = QLabel(field_label("client", name))
            label.setStyleSheet(MUTED)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            for column, text, side in ((1, mine, merging.KEEP), (2, theirs, merging.OTHER)):
                button = QRadioButton(_short(text) if text else self.tr("(empty)"))
                button.setToolTip(text)
                button.setProperty("side", side)
                group.addButton(button, column)
                grid.addWidget(button, row, column)
            chosen_other = name != "tags" and getattr(defaults, name) != getattr(keep, name)
            group.button(2 if chosen_other else 1).setChecked(True)
            if name == "tags" and mine != theirs and theirs:
                joined = QRadioButton(self.tr("Both cards': %1").replace("%1", _short(", ".join(defaults.tags))))
                joined.setToolTip(self.tr("Tags of both cards"))
                joined.setProperty("side", "")
                group.addButton(joined, 3)
                grid.addWidget(joined, row + 1, 1, 1, 2)
                joined.setChecked(True)
                row += 1
            if mine == theirs:
                group.button(2).setEnabled(False)
            self.groups[name] = group
            row += 1
        grid.setRowStretch(row, 1)
        self.fields_area.setWidget(grid_host)
        self.moving.setText(
            self.tr("Moving onto the kept card: contact persons %1, deals %2, history entries %3, reminders %4.")
            .replace("%1", str(counts["contacts"]))
            .replace("%2", str(counts["deals"]))
            .replace("%3", str(counts["interactions"]))
            .replace("%4", str(counts["reminders"]))
        )
        self.merge_button.setEnabled(True)
        self.problem.hide()

    def choice(self) -> dict[str, str]:
        """The side chosen for each shown field (tags of both: not named, so they are joined)."""
        chosen = {}
        for name, group in self.groups.items():
            button = group.checkedButton()
            side = button.property("side") if button is not None else ""
            if side:
                chosen[name] = str(side)
        return chosen

    @Slot()
    def _on_swap_button_clicked(self) -> None:
        if self.keep is not None and self.other is not None:
            self.merge_button.setEnabled(False)
            self._load(self.other.id, self.keep.id)

    @Slot()
    def _on_merge(self) -> None:
        keep, other = self.keep, self.other
        if keep is None or other is None:
            return
        uow, choice = self.uow, self.choice()
        self.ops.run(
            lambda: merging.merge_clients(uow(), keep.id, keep.version, other.id, other.version, choice),
            self._on_merged,
        )

    def _on_merged(self, merged: merging.Merged) -> None:
        self.merged = merged
        self.accept()

    def _show_problem(self, text: str) -> None:
        self.problem.show_problem(text, blocking=True)

    @classmethod
    def ask(
        cls, parent: QWidget, uow: UowFactory, keep_id: int, other_id: int, *, operations: Operations | None = None
    ) -> tuple[merging.Merged, str, str] | None:
        """Show the dialog; what the merge did and the two names, or None if the user cancelled."""
        dialog = cls(uow, keep_id, other_id, parent, operations=operations)
        dialog.exec()
        if dialog.merged is None or dialog.keep is None or dialog.other is None:
            return None
        return dialog.merged, dialog.keep.name, dialog.other.name


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 1] + "…"


class MergeActions(QObject):
    """The window's "Merge with…": leave the card safely, ask, show the kept card, offer Undo."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ops = window.operations

    def merge(self, keep_id: int, other_id: int, parent: QWidget | None = None) -> merging.Merged | None:
        """What the merge did, or None when nothing was merged (the user cancelled or stayed)."""
        if self.w.card.client_id in (keep_id, other_id) and not self.w.card.maybe_leave():
            return None
        answer = MergeDialog.ask(parent or self.w, self.ops.uow, keep_id, other_id, operations=self.ops)
        if answer is None:
            return None
        merged, kept_name, other_name = answer
        self.w.open_client(merged.kept)
        self.w.notice.show_message(
            self.merged_text(kept_name, other_name),
            action=self.tr("Undo"),
            callback=lambda: self.undo(merged),
            timeout_ms=30_000,
        )
        return merged

    def merged_text(self, kept_name: str, other_name: str) -> str:
        text = self.tr("“%1” was merged into “%2” and moved to the trash.")
        return text.replace("%1", other_name).replace("%2", kept_name)

    def undo(self, merged: merging.Merged) -> bool:
        """Undo *merged*; a refusal (either card changed since) goes to the window's notice bar."""
        uow = self.ops.uow
        if not self.ops.run(lambda: merging.unmerge(uow(), merged)):
            return False
        self.w.notice.show_message(self.tr("The merge was undone."), kind="success", timeout_ms=4000)
        self.w.open_client(merged.kept)
        return True
