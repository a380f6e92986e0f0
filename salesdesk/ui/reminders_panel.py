"""The reminders panel: what is overdue, due today, this week and later, the contact persons'
birthdays of the coming week, and the notifier that tells the user when a reminder comes due while
the program runs.

With the seat's setting on, the panel also has the automatic birthday reminders made (at the first
load and again when the day changes, services/birthdays.py makes each only once).

Both show the current manager's reminders ("who I am" in Settings), or with the panel's switch every
manager's; the texts that count them say whose they count, and live here only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QLocale, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.birthdays import DEFAULT_DAYS as BIRTHDAY_DAYS
from salesdesk.domain.birthdays import Birthday
from salesdesk.domain.changes import Changes
from salesdesk.domain.model import Recurrence, Reminder
from salesdesk.domain.numbers import count_text
from salesdesk.domain.reminders import Snooze
from salesdesk.services import birthdays, reminders
from salesdesk.services.common import UowFactory
from salesdesk.ui.dialogs import HookChoice, Inform, hook_menu
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import MUTED, short_datetime
from salesdesk.ui.workers import Latest, Runner

# The soonest reminders listed; the group titles still count all of them. A few hundred are what a
# person can act on today, and building thousands of rows would hold the window up at start.
SHOWN = 300
REMINDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BIRTHDAY_CLIENT_ROLE = Qt.ItemDataRole.UserRole + 2  # a birthday row: the client to open
BIRTHDAY_CONTACT_ROLE = Qt.ItemDataRole.UserRole + 3  # … and whose birthday it is
OVERDUE_COLOR = QColor("#b3261e")
BIRTHDAY_COLOR = QColor("#8e24aa")
DAY_CHECK_MS = 10 * 60 * 1000  # how often the panel looks whether the day (or the setting) changed


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the panel shows: the agenda and the birthdays from *today* through a week ahead."""

    agenda: reminders.Agenda
    birthdays: tuple[Birthday, ...]
    today: date


def load(uow: UowFactory, manager: int | None) -> Loaded:
    today = datetime.now().astimezone().date()
    return Loaded(
        reminders.agenda(uow(), manager_id=manager, limit=SHOWN),
        tuple(birthdays.upcoming(uow(), today, BIRTHDAY_DAYS, manager_id=manager)),
        today,
    )


class RemindersPanel(QWidget):
    open_client_requested = Signal(int)
    log_requested = Signal(object)  # Reminder: record the contact it asked for
    overdue_count_changed = Signal(int)
    scope_changed = Signal(bool)  # the user switched: True for every manager's reminders
    who_requested = Signal()  # "Who are you?" asked from the panel (no manager chosen yet)

    def __init__(
        self,
        uow: UowFactory,
        runner: Runner,
        current_manager: Callable[[], int | None],
        parent: QWidget | None = None,
        *,
        show_all: bool = False,
        operations: Operations | None = None,
        birthday_days: Callable[[], int] = lambda: 0,
    ) -> None:
        """*birthday_days*: the seat's setting, how many days ahead of a birthday its reminder is
        made (0: none are)."""
        super().__init__(parent)
        # every action goes through the window's operations; alone (tests), the panel makes its own
        self.ops = operations or Operations(
            uow, runner, lambda text: Inform.error(self, self.tr("Reminder"), text), self
        )
        self.uow = self.ops.uow
        self.ops.bus.changed.connect(self._on_changes)
        self.current_manager = current_manager
        self._show_all = show_all  # as the user left the switch; with no manager chosen all are shown
        self._latest = Latest(runner)
        self.agenda: reminders.Agenda | None = None
        self.birthdays: tuple[Birthday, ...] = ()
        self.birthday_days = birthday_days
        self._shown_day: date | None = None
        self._planned: tuple[date, int, int | None] | None = None  # the last day, days and manager planned for
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(DAY_CHECK_MS)
        self.day_timer.timeout.connect(self._on_day_timer_timeout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.mine_button = QToolButton()
        self.mine_button.setText(self.tr("My reminders"))
        self.all_button = QToolButton()
        self.all_button.setText(self.tr("All managers"))
        self.scope_group = QButtonGroup(self)
        for ident, button in enumerate((self.mine_button, self.all_button)):
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.scope_group.addButton(button, ident)
        bold = QFont()
        bold.setBold(True)
        self.mine_button.setFont(bold)  # the switch is the panel's header: it says whose reminders these are
        self.all_button.setFont(bold)
        self.who_button = QPushButton(self.tr("Who are you?…"))
        self.who_button.setToolTip(self.tr("Choose yourself to see your own reminders"))
        self.view = QTreeView()
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("When"), self.tr("Client"), self.tr("Reminder")])
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setRootIsDecorated(False)
        self.view.setIndentation(0)
        self.view.setItemsExpandable(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.header().setStretchLastSection(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty_label = QLabel(
            self.tr("No reminders. Plan the next contact from a client's card: Reminders → Remind me…")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(MUTED)
        buttons = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark the reminder done (a repeating one moves to its next date)"))
        self.snooze_button = QPushButton(self.tr("Snooze"))
        self.snooze_button.setMenu(self._snooze_menu())
        self.next_button = QPushButton(self.tr("Next contact"))
        self.next_button.setToolTip(self.tr("Mark done and plan the next contact with this client"))
        self.next_button.setMenu(hook_menu(self, self._on_next_chosen))
        self.open_button = QPushButton(self.tr("Open client"))
        self.log_button = QPushButton(self.tr("Log the result…"))
        self.log_button.setToolTip(self.tr("Record what came of it, close the reminder and plan the next contact"))
        for widget in (self.mine_button, self.all_button, self.who_button):
            buttons.addWidget(widget)
        buttons.addSpacing(12)
        for widget in (self.log_button, self.done_button, self.snooze_button, self.next_button, self.open_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.view.doubleClicked.connect(self._on_open_button_clicked)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.scope_group.idClicked.connect(self._on_scope_group_id_clicked)
        self.who_button.clicked.connect(self.who_requested)
        self.update_scope()
        self._update_buttons()
        self.day_timer.start()

    def _snooze_menu(self) -> QMenu:
        menu = QMenu(self)
        for option, text in (
            (Snooze.HOUR, self.tr("For an hour")),
            (Snooze.TOMORROW, self.tr("Until tomorrow")),
            (Snooze.NEXT_WEEK, self.tr("Until next week")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, o=option: self.snooze(o))
        return menu

    # Whose reminders -------------------------------------------------------------------------

    def manager_filter(self) -> int | None:
        """The manager whose reminders are shown; None for every manager's."""
        manager = self.current_manager()
        return None if self._show_all or manager is None else manager

    def update_scope(self) -> None:
        """After "who I am" changed: the switch, and the offer to choose when nobody is chosen."""
        chosen = self.current_manager() is not None
        self.mine_button.setEnabled(chosen)
        self.mine_button.setToolTip("" if chosen else self.tr("Choose who you are first"))
        self.who_button.setVisible(not chosen)
        showing_all = self.manager_filter() is None
        self.all_button.setChecked(showing_all)
        self.mine_button.setChecked(not showing_all)

    @Slot(int)
    def _on_scope_group_id_clicked(self, ident: int) -> None:
        show_all = self.scope_group.button(ident) is self.all_button
        if show_all == self._show_all:
            return
        self._show_all = show_all
        self.update_scope()
        self.scope_changed.emit(show_all)
        self.refresh()

    def overdue_notice(self, count: int) -> str:
        """The start-up notice: whose overdue reminders it counts."""
        if self.agenda is not None and self.agenda.manager_id is not None:
            return self.tr("You have %Ln overdue reminder(s). They are at the top of the Reminders panel.", "", count)
        return self.tr(
            "There are %Ln overdue reminder(s) in the office. They are at the top of the Reminders panel.", "", count
        )

    def overdue_status(self, count: int) -> str:
        """The status bar's count (empty when nothing is overdue)."""
        if not count:
            return ""
        if self.agenda is not None and self.agenda.manager_id is not None:
            return self.tr("My overdue reminders: %Ln", "", count)
        return self.tr("Overdue in the office: %Ln", "", count)

    # Loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the agenda and the birthdays on a worker thread (after the birthday reminders due
        today are made, when the seat asks for them: read before they are, the agenda would be
        stale)."""
        if not self.plan_birthdays(then=self._load):
            self._load()

    def _load(self) -> None:
        uow = self.uow
        manager = self.manager_filter()
        self._latest.start(lambda: load(uow, manager), self._show)

    def refresh_now(self) -> None:
        """Reload synchronously (after an action of this user: the answer is wanted at once)."""
        uow, manager = self.uow, self.manager_filter()
        self.ops.read(lambda: load(uow, manager), self._show)

    def plan_birthdays(self, then: Callable[[], None] | None = None) -> bool:
        """The automatic birthday reminders, once a day (and again when the setting or "who I am"
        changed): for this seat's manager's clients, or every client when nobody is chosen. On a
        worker (the first day on a large base may make hundreds); *then* runs when they are made,
        or failed to be. False when there was nothing to do (*then* is not called)."""
        days = self.birthday_days()
        today = datetime.now().astimezone().date()
        manager = self.current_manager()
        if days <= 0 or self._planned == (today, days, manager):
            return False
        self._planned = (today, days, manager)
        uow = self.uow
        after = then or (lambda: None)
        self.ops.run_slow(
            lambda: birthdays.plan_reminders(uow(), days, manager_id=manager),
            lambda _made: after(),
            on_failure=after,
        )
        return True

    @Slot()
    def _on_day_timer_timeout(self) -> None:
        if self._shown_day is not None and self._shown_day != datetime.now().astimezone().date():
            self.refresh()  # a new day: today's birthdays, and its reminders made
        else:
            self.plan_birthdays()

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        """Reminders, clients (their names) or contact persons changed, here or anywhere: the
        agenda and the birthdays are read again."""
        if changes.reminders or changes.clients or changes.ids("contact") or changes.whole_base:
            self.refresh_now()

    def _show(self, loaded: Loaded) -> None:
        selected = self.selected()
        selected_client = self.selected_birthday_client()
        agenda = loaded.agenda
        self.agenda = agenda
        self.birthdays = loaded.birthdays
        self._shown_day = loaded.today
        self.model.removeRows(0, self.model.rowCount())
        locale = QLocale()
        groups = (
            (self.tr("Overdue"), agenda.overdue, True),
            (self.tr("Today"), agenda.today, False),
            (self.tr("This week"), agenda.this_week, False),
            (self.tr("Later"), agenda.later, False),
        )
        bold = QFont()
        bold.setBold(True)
        for title, items, overdue in groups:
            if items is agenda.this_week:  # the week's birthdays after today's work, before hundreds later
                self._add_birthdays(loaded, locale, bold)
            if not items:
                continue
            count = agenda.overdue_total if overdue else len(items)
            header = QStandardItem(f"{title} ({count_text(count)})")
            header.setFont(bold)
            header.setSelectable(False)
            if overdue:
                header.setForeground(QBrush(OVERDUE_COLOR))
            row = [header, _plain(""), _plain("")]
            for item in items:
                row[0].appendRow(self._row(item, locale, overdue))
            self.model.appendRow(row)
            self.view.setFirstColumnSpanned(self.model.rowCount() - 1, self.model.invisibleRootItem().index(), True)
        hidden = agenda.open_total - len(agenda.all)
        if hidden > 0:
            more = QStandardItem(self.tr("… and %Ln more further ahead", "", hidden))
            more.setSelectable(False)
            more.setForeground(QBrush(QColor("#5f6368")))
            self.model.appendRow([more, _plain(""), _plain("")])
            self.view.setFirstColumnSpanned(self.model.rowCount() - 1, self.model.invisibleRootItem().index(), True)
        self.view.expandAll()
        for column in (0, 1):
            self.view.resizeColumnToContents(column)
        anything = bool(agenda.all or loaded.birthdays)
        self.empty_label.setVisible(not anything)
        self.view.setVisible(anything)
        for widget in (self.log_button, self.done_button, self.snooze_button, self.next_button):
            widget.setVisible(bool(agenda.all))
        self.open_button.setVisible(anything)
        if selected is not None:
            self._select(selected.id)
        elif selected_client is not None:
            self._select_birthday(*selected_client)
        self._update_buttons()
        self.overdue_count_changed.emit(agenda.overdue_total)

    def _row(self, item: Reminder, locale: QLocale, overdue: bool) -> list[QStandardItem]:
        text = item.text + (f"  ↻ {item.recurrence.label}" if item.recurrence is not Recurrence.NONE else "")
        cells = [_plain(short_datetime(locale, item.effective_due)), _plain(item.client_name), _plain(text)]
        for cell in cells:
            cell.setData(item.id, REMINDER_ID_ROLE)
            cell.setToolTip(f"{item.client_name}\n{item.text}")
        if overdue:
            cells[0].setForeground(QBrush(OVERDUE_COLOR))  # the date says it; a red wall would not
        return cells

    def _add_birthdays(self, loaded: Loaded, locale: QLocale, bold: QFont) -> None:
        if not loaded.birthdays:
            return
        title = self.tr("Birthdays")
        header = QStandardItem(f"{title} ({count_text(len(loaded.birthdays))})")
        header.setFont(bold)
        header.setSelectable(False)
        header.setForeground(QBrush(BIRTHDAY_COLOR))
        for birthday in loaded.birthdays[:SHOWN]:  # the soonest; the title counts them all
            header.appendRow(self._birthday_row(birthday, locale, loaded.today))
        self.model.appendRow([header, _plain(""), _plain("")])
        self.view.setFirstColumnSpanned(self.model.rowCount() - 1, self.model.invisibleRootItem().index(), True)

    def _birthday_row(self, birthday: Birthday, locale: QLocale, today: date) -> list[QStandardItem]:
        if birthday.date == today:
            when = self.tr("Today")
        else:
            when = locale.toString(
                QDate(birthday.date.year, birthday.date.month, birthday.date.day), "ddd d MMM"
            )  # the weekday: "this Friday" at a glance
        if birthday.turns is None:
            what = birthday.name
        else:
            what = self.tr("%1 turns %2").replace("%1", birthday.name).replace("%2", str(birthday.turns))
        cells = [_plain(when), _plain(birthday.client), _plain(what)]
        for cell in cells:
            cell.setData(birthday.client_id, BIRTHDAY_CLIENT_ROLE)
            cell.setData(birthday.contact_id, BIRTHDAY_CONTACT_ROLE)
            cell.setToolTip(f"{birthday.client}\n{what}")
        if birthday.date == today:
            cells[0].setForeground(QBrush(BIRTHDAY_COLOR))
        return cells

    def _select_birthday(self, client_id: int, contact_id: int) -> None:
        for group in range(self.model.rowCount()):
            parent = self.model.item(group, 0)
            for row in range(parent.rowCount()):
                cell = parent.child(row, 0)
                if (cell.data(BIRTHDAY_CLIENT_ROLE), cell.data(BIRTHDAY_CONTACT_ROLE)) == (client_id, contact_id):
                    self.view.setCurrentIndex(parent.child(row, 0).index())
                    return

    def selected_birthday_client(self) -> tuple[int, int] | None:
        """The (client, contact person) of the birthday row chosen, if one is."""
        index = self.view.currentIndex()
        if not index.isValid() or index.data(BIRTHDAY_CLIENT_ROLE) is None:
            return None
        return int(index.data(BIRTHDAY_CLIENT_ROLE)), int(index.data(BIRTHDAY_CONTACT_ROLE))

    def _select(self, reminder_id: int) -> None:
        for group in range(self.model.rowCount()):
            parent = self.model.item(group, 0)
            for row in range(parent.rowCount()):
                if parent.child(row, 0).data(REMINDER_ID_ROLE) == reminder_id:
                    self.view.setCurrentIndex(parent.child(row, 0).index())
                    return

    # Actions --------------------------------------------------------------------------------

    def selected(self) -> Reminder | None:
        index = self.view.currentIndex()
        ident = index.data(REMINDER_ID_ROLE) if index.isValid() else None
        if ident is None or self.agenda is None:
            return None
        return next((r for r in self.agenda.all if r.id == ident), None)

    @Slot()
    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for widget in (self.log_button, self.done_button, self.snooze_button, self.next_button):
            widget.setEnabled(has)
        self.open_button.setEnabled(has or self.selected_birthday_client() is not None)

    def _act(self, action: Callable[[Reminder], object]) -> None:
        """One action on the selected reminder: one service call; the agenda, the card and the list
        learn what changed from the change bus."""
        item = self.selected()
        if item is not None:
            self.ops.run(lambda: action(item))

    @Slot()
    def _on_done_button_clicked(self) -> None:
        self._act(lambda item: reminders.complete_reminder(self.uow(), item.id))

    def snooze(self, option: Snooze) -> None:
        self._act(lambda item: reminders.snooze_reminder(self.uow(), item.id, option))

    def _on_next_chosen(self, choice: HookChoice | None, months: int | None) -> None:
        """Done, and the next contact planned: the office's "hook" in one step."""
        if choice is None and months is None:
            return

        def done_and_next(item: Reminder) -> None:  # one transaction: both happen or neither
            if choice is not None:
                reminders.complete_and_plan(
                    self.uow(),
                    item.id,
                    choice.text,
                    months=choice.months,
                    on=choice.on,
                    recurrence=choice.recurrence,
                    manager_id=self.current_manager(),
                )
            else:
                reminders.complete_and_plan(
                    self.uow(), item.id, item.text, months=months, manager_id=self.current_manager()
                )

        self._act(done_and_next)

    def next_contact(self, months: int) -> None:
        self._on_next_chosen(None, months)

    @Slot()
    def _on_log_button_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self.log_requested.emit(item)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_client_requested.emit(item.client_id)
        elif (birthday := self.selected_birthday_client()) is not None:
            self.open_client_requested.emit(birthday[0])

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Log the result…"), self._on_log_button_clicked)
        menu.addAction(self.tr("Open client"), self._on_open_button_clicked)
        menu.addAction(self.tr("Done"), self._on_done_button_clicked)
        menu.addMenu(self.snooze_button.menu()).setText(self.tr("Snooze"))
        menu.addMenu(self.next_button.menu()).setText(self.tr("Next contact"))
        menu.exec(self.view.viewport().mapToGlobal(pos))


def _plain(text: str) -> QStandardItem:
    return QStandardItem(text)  # the view has no edit triggers: items need no flags of their own


class ReminderNotifier(QObject):
    """Watches the clock while the program runs and reports reminders as they come due."""

    reminders_due = Signal(list)  # list[Reminder]

    def __init__(
        self,
        uow: UowFactory,
        runner: Runner,
        interval_ms: int = 30_000,
        parent: QObject | None = None,
        *,
        manager: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.uow = uow
        self.manager = manager  # whose reminders to report: the panel's choice (None: everyone's)
        self._runner = runner  # every check covers its own window of time: none is dropped
        self._since = datetime.now(UTC)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self._since = datetime.now(UTC)
        self.timer.start()

    @Slot()
    def check(self, now: datetime | None = None) -> None:
        """Report reminders that came due since the last check (on a worker thread)."""
        start, end = self._since, now or datetime.now(UTC)
        self._since = end
        uow, manager = self.uow, self.manager()
        self._runner.start(lambda: reminders.due_between(uow(), start, end, manager_id=manager), self._report)

    def _report(self, due: list[Reminder]) -> None:
        if due:
            self.reminders_due.emit(due)
