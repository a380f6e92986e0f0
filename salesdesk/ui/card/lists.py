"""What the card's list tabs (contacts, history, deals, reminders) share: the context a tab works in,
read-only lists whose columns fit their contents, the selected row, and "move to the trash, offer Undo".

A tab is a view and its controller in one small class: it shows its part of a `cards.Card`, and its
buttons each run one service call through the card's `Operations` (errors to the card's notice bar,
bugs to the crash dialog). A tab never refreshes itself after an action: the change bus tells the
card, and the card hands every tab the client as read again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from salesdesk.domain.model import Client
from salesdesk.services import cards
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import FittedColumns, NoticeBar


class CardContext:
    """What every tab of one card needs: the card's operations, its notice bar, the seat's manager and
    renewal lead days, and the column widths of its lists (kept across runs by the window)."""

    def __init__(
        self,
        ops: Operations,
        notice: NoticeBar,
        current_manager: Callable[[], int | None],
        renewal_days: Callable[[], int],
    ) -> None:
        self.ops = ops
        self.notice = notice
        self.current_manager = current_manager
        self.renewal_days = renewal_days
        self.fitters: dict[QTreeView, FittedColumns] = {}
        self.kept_widths: dict[str, dict[int, int]] = {}  # from an earlier run, by list name

    def list_view(
        self, name: str, headers: list[str], stretch: int, keep: tuple[int, ...] = (), share: float = 0.4
    ) -> tuple[QTreeView, QStandardItemModel]:
        """A read-only list: the columns fit their contents, the *stretch* column takes the spare
        room, and a width the user dragged is kept (across restarts: see column_widths)."""
        view = QTreeView()
        view.setObjectName(name)
        model = QStandardItemModel(0, len(headers), view)
        model.setHorizontalHeaderLabels(headers)
        view.setModel(model)
        view.setRootIsDecorated(False)
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fitters[view] = FittedColumns(view, stretch, keep, share)
        if name in self.kept_widths:
            self.fitters[view].restore(self.kept_widths[name])
        return view, model

    def column_widths(self) -> dict[str, dict[int, int]]:
        widths = dict(self.kept_widths)  # lists not built in this run keep what they had
        widths.update((view.objectName(), dict(fitter.user_widths)) for view, fitter in self.fitters.items())
        return widths

    def restore_column_widths(self, widths: dict[str, dict[int, int]]) -> None:
        self.kept_widths = {name: dict(columns) for name, columns in widths.items()}
        for view, fitter in self.fitters.items():
            fitter.restore(self.kept_widths.get(view.objectName(), {}))


class ListTab(QWidget):
    """One tab of the card: shows its part of the client's card and acts on it."""

    wants_focus = Signal()  # an action of the tab wants the tab in front (the card raises it)

    def __init__(self, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ops = context.ops
        self.uow = context.ops.uow
        self.card: cards.Card | None = None

    @property
    def client(self) -> Client | None:
        return self.card.client if self.card is not None else None

    def show_card(self, card: cards.Card | None) -> None:
        """The client as read (None: a new client, not saved yet)."""
        self.card = card
        self.fill()

    def fill(self) -> None:
        """Show this tab's part of ``self.card``: each tab implements it (Qt's metaclass rules out
        ``abc``; tests/gui/test_card_tabs_complete.py checks every tab has its own)."""
        raise NotImplementedError

    def fit(self, view: QTreeView) -> None:
        self.context.fitters[view].fit()

    def trash_with_undo(self, trash: Callable[[], object], restore: Callable[[], object], message: str) -> None:
        """One path for every list on the card: move the row to the trash and offer Undo for a while;
        each is one operation, and the list shows what changed by the change bus."""
        if not self.ops.run(trash):
            return
        undo = QCoreApplication.translate("ListTab", "Undo")
        self.context.notice.show_message(message, action=undo, callback=lambda: self.ops.run(restore), timeout_ms=15000)


def selected_id(view: QTreeView) -> int | None:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    value = rows[0].siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
    return int(value) if value is not None else None


def clear(model: QStandardItemModel) -> None:
    model.removeRows(0, model.rowCount())


def date_text(locale: QLocale, value: date | None) -> str:
    if value is None:
        return ""
    from PySide6.QtCore import QDate

    return locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def one_line(text: str) -> QStandardItem:
    """A summary written in paragraphs reads as one line in a list; the tooltip has all of it."""
    # Only line breaks and runs of ordinary white space fold: the no-break spaces of an amount
    # ("1 250 000,50 ₽") keep it from wrapping apart.
    item = QStandardItem(re.sub(r"[ \t\r\n\f\v]+", " ", text).strip())
    if "\n" in text.strip():
        item.setToolTip(text)
    return item
