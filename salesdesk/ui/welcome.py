"""The first start (issue 13): a short welcome, and the demo base the window can switch to.

The welcome asks two things. Who you are: pick yourself among the office's managers or add
yourself (the "who are you?" dialog, ui/who_dialog.py, with the welcome's words) — new clients and
reminders are yours. Then how to begin: import a spreadsheet (the import wizard), start with an
empty base, or explore demo data. It is shown once, at the first start (nobody chosen and never
asked); Help → Welcome… shows it again, and Settings can have it shown at the next start. The
manager is changed later in Settings.

The demo data goes into its own base, ``demo.sqlite`` in the data folder (services/bases.py),
which the window opens in place of the user's base until File → Back to my base (or the next
start). While it is open the title and a notice say so; the user's base file is not touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QPushButton, QWidget

from salesdesk.domain.changes import Change, Changes
from salesdesk.domain.errors import UserError
from salesdesk.domain.numbers import count_text
from salesdesk.services import bases, clients
from salesdesk.services.common import Cancelled, UowFactory
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.operations import Operations
from salesdesk.ui.who_dialog import WhoAreYouDialog

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow

IMPORT, EMPTY, DEMO = "import", "empty", "demo"


class WelcomeDialog(WhoAreYouDialog):
    """Who you are (the office's managers, or a name to add), then three ways to begin."""

    def __init__(self, uow: UowFactory, parent: QWidget | None = None, *, operations: Operations | None = None) -> None:
        self.choice = EMPTY
        super().__init__(uow, parent, operations=operations)
        self.setWindowTitle(self.tr("Welcome to SalesDesk"))
        self.setMinimumWidth(560)
        self.intro.setText(
            self.tr(
                "<b>Who are you?</b> Choose yourself or add yourself as a manager: new clients and "
                "reminders will be yours, and the Reminders panel will show yours first."
            )
        )
        self.hint.setText(
            self.tr(
                "<b>How would you like to begin?</b> The demo data goes into a separate demo base; "
                "your own base is not touched. All of this can be changed later in Settings."
            )
        )
        self.hint.setStyleSheet("")
        self.buttons.clear()
        self.choice_buttons: dict[str, QPushButton] = {}
        for choice, text in (
            (IMPORT, self.tr("Import a spreadsheet…")),
            (EMPTY, self.tr("Start with an empty base")),
            (DEMO, self.tr("Explore demo data")),
        ):
            button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _checked=False, c=choice: self.choose(c))
            self.choice_buttons[choice] = button
        self.choice_buttons[EMPTY].setDefault(True)
        # "an empty base" only when it is one: a base that has clients already (a second seat, the
        # welcome shown again from Help) is kept as it is, and the button says so
        self.ops.read(lambda: clients.count_clients(self.uow()), self._show_base_size)

    def _show_base_size(self, count: int) -> None:
        if count:
            self.choice_buttons[EMPTY].setText(self.tr("Go to my clients (%1)").replace("%1", count_text(count)))

    def _update_ok(self) -> None:
        """Every way to begin stays open: choosing a manager is welcome, not required."""

    def choose(self, choice: str) -> None:
        """Begin this way, with the manager chosen or typed (if any)."""
        self.choice = choice
        if self.managers.selectedItems() or self.name.text().strip():
            super().accept()  # sets ``chosen`` (adding a typed name); a refused name keeps it open
        else:
            super(WhoAreYouDialog, self).accept()  # no manager: the choice alone

    @classmethod
    def welcome(
        cls, parent: QWidget | None, uow: UowFactory, *, operations: Operations | None = None
    ) -> tuple[int | None, str]:
        """The manager chosen or added (None: not chosen) and how to begin (closed: empty)."""
        dialog = cls(uow, parent, operations=operations)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen, dialog.choice
        return None, EMPTY


class Welcome(QObject):
    """The welcome and the demo base for one window; *bases* is the window's ``OpenBase`` (None
    when the window was given a plain factory: then there is no demo base to switch to)."""

    def __init__(self, window: MainWindow, base: bases.OpenBase | None) -> None:
        super().__init__(window)
        self.w = window
        self.base = base
        self.settings = window.settings
        self.welcome_action = QAction(self.tr("&Welcome…"), self)
        self.welcome_action.triggered.connect(self.show_welcome)
        self.demo_action = QAction(self.tr("Open the &demo base"), self)
        self.demo_action.setStatusTip(self.tr("Demo clients in a separate base; your base is not touched"))
        self.demo_action.triggered.connect(self.explore_demo)
        self.home_action = QAction(self.tr("&Back to my base"), self)
        self.home_action.triggered.connect(self.back_home)
        self.demo_label = QLabel(self.tr("Demo base"))
        self.demo_label.setStyleSheet("color:#8a5300; font-weight:bold;")
        self.demo_label.hide()
        window.statusBar().addPermanentWidget(self.demo_label)
        self._was_demo = False
        if base is not None:  # the demo goes into its own base, never into the user's
            _replace(window.demo_action, self.demo_action)
            window.empty_demo_button.clicked.disconnect()
            window.empty_demo_button.clicked.connect(self.explore_demo)
            window.empty_demo_button.setText(self.tr("Explore demo data"))
        _insert_after(window.demo_action if base is None else self.demo_action, self.home_action)
        _insert_after(window.about_action, self.welcome_action, before=True)
        self._show_state()

    # The welcome ------------------------------------------------------------------------------

    def first_start(self) -> None:
        """At the start: the welcome, once (first start, or asked for again in Settings)."""
        if not self.settings.welcome_due:
            return
        self.settings.welcome_due = False
        self.settings.asked_who = True  # the panel's "who are you?" does not ask again at start
        self.settings.sync()
        self.show_welcome()

    @Slot()
    def show_welcome(self) -> None:
        notices = self.w.reminder_notices
        notices._asking_who = True  # the start-up notice waits to count the chosen manager's reminders
        try:
            chosen, choice = WelcomeDialog.welcome(self.w, self.w.uow, operations=self.w.operations)
        finally:
            notices._asking_who = False
        notices._announced_overdue = False
        if chosen is not None:
            self.settings.current_manager_id = chosen
            self.settings.sync()
        notices.manager_changed()
        if choice == IMPORT:
            self.w.import_file(None)
        elif choice == DEMO:
            self.explore_demo()

    # The demo base ----------------------------------------------------------------------------

    @Slot()
    def explore_demo(self) -> None:
        """Make (if needed) and open the demo base in place of the user's base."""
        if self.base is None:
            self.w.file_actions.load_demo()
            return
        if self.base.in_demo or not self.w.card.maybe_leave():
            return
        base = self.base
        try:
            name = base.home_manager_name(self.settings.current_manager_id)
        except UserError as exc:
            self._refused(exc)
            return
        self.w.operations.run_long(
            self.w,
            self.tr("Demo base"),
            self.tr("Preparing the demo base…"),
            lambda reporter: bases.prepare_demo(name, reporter=reporter),
            self._open_demo,
            on_error=self._refused,
            on_cancelled=self._on_cancelled,
        )

    def _open_demo(self, prepared: bases.DemoBase) -> None:
        assert self.base is not None
        self._switch(lambda: self.base.open_demo(prepared) if self.base else None, prepared.manager_id)

    @Slot()
    def back_home(self) -> None:
        if self.base is None or not self.base.in_demo or not self.w.card.maybe_leave():
            return
        self._switch(self.base.open_home, None)

    def _switch(self, switch: object, demo_manager: int | None) -> None:
        """Wait for the window's reads, switch the base, and let every part read again."""
        assert self.base is not None and callable(switch)
        self.w.card.show_empty()
        self.w.wait_for_jobs()
        hearing = self.w.other_seats.following
        self.w.other_seats.stop()  # it hears the base being left; started again for the new one
        try:
            switch()
        except UserError as exc:
            if hearing:
                self.w.other_seats.start()
            self._refused(exc)
            return
        if hearing or not self.base.in_demo:
            self.w.other_seats.start()
        self.settings.demo_manager = (demo_manager,) if self.base.in_demo else None
        self.w.uow_label = self.base.label
        self._show_state()
        self.w.reminder_notices.manager_changed()
        self.w.operations.bus.publish(Changes.of([Change("base", 0, "refresh")]))

    def _show_state(self) -> None:
        demo = self.base is not None and self.base.in_demo
        self.w.setWindowTitle(self.tr("SalesDesk — Demo base[*]") if demo else "SalesDesk[*]")
        self.demo_label.setVisible(demo)
        self.home_action.setVisible(demo)
        self.demo_action.setEnabled(not demo)
        self.w.empty_demo_button.setEnabled(not demo)
        if demo:
            self.w.notice.show_message(
                self.tr("Demo base — your data is not affected."),
                kind="warning",
                action=self.tr("Back to my base"),
                callback=self.back_home,
                timeout_ms=0,
            )
        elif self._was_demo:
            self.w.notice.hide()
        self._was_demo = demo

    def _refused(self, exc: UserError) -> bool:
        Inform.error(self.w, "SalesDesk", str(exc))
        return True

    def _on_cancelled(self, exc: Cancelled) -> None:
        self.w.notice.show_message(str(exc), kind="info", timeout_ms=5000)


def _menu_of(action: QAction) -> QMenu | None:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            return owner
    return None


def _replace(old: QAction, new: QAction) -> None:
    """Put *new* where *old* is in its menu, and take *old* out."""
    menu = _menu_of(old)
    if menu is not None:
        menu.insertAction(old, new)
        menu.removeAction(old)


def _insert_after(anchor: QAction, action: QAction, *, before: bool = False) -> None:
    menu = _menu_of(anchor)
    if menu is None:
        return
    if before:
        menu.insertAction(anchor, action)
        return
    actions = menu.actions()
    following = actions[actions.index(anchor) + 1] if actions.index(anchor) + 1 < len(actions) else None
    if following is None:
        menu.addAction(action)
    else:
        menu.insertAction(following, action)


def install(window: MainWindow, base: bases.OpenBase | None) -> Welcome:
    """Give *window* its welcome and demo base (called once, after the window is built)."""
    first_run = Welcome(window, base)
    window.welcome = first_run  # type: ignore[attr-defined]
    return first_run
