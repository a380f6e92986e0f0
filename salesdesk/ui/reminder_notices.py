"""What the window says about reminders: the overdue count in the status bar, the start-up notice,
"who are you?" (whose reminders count), and reminders that come due while the program runs (the
tray if there is one, else the notice bar)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from salesdesk.domain.model import Reminder

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow


class ReminderNotices(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.reminders, self.settings = window.reminders, window.settings
        self.tray: QSystemTrayIcon | None = None
        self._announced_overdue = False  # the start-up notice is shown once
        self._asking_who = False  # "who are you?" is open: the notice waits to count the right reminders
        self.reminders.overdue_count_changed.connect(self._on_reminders_overdue_count_changed)
        self.reminders.scope_changed.connect(self._on_reminders_scope_changed)
        self.reminders.who_requested.connect(self.ask_who_you_are)
        window.notifier.reminders_due.connect(self.notify_due)

    @Slot(int)
    def _on_reminders_overdue_count_changed(self, count: int) -> None:
        self.w.overdue_label.setText(self.reminders.overdue_status(count))
        if self._announced_overdue or self._asking_who:
            return
        self._announced_overdue = True
        if count:
            self.w.notice.show_message(
                self.reminders.overdue_notice(count),
                kind="warning",
                action=self.tr("Show"),
                callback=self.show_reminders,
                timeout_ms=30_000,
            )

    @Slot(bool)
    def _on_reminders_scope_changed(self, show_all: bool) -> None:
        self.settings.all_reminders = show_all
        self.settings.sync()

    def ask_who_you_are_once(self) -> None:
        """At the first start with nobody chosen as "who I am": ask once; later the panel offers it."""
        if self.settings.current_manager_id is not None or self.settings.asked_who:
            return
        self.settings.asked_who = True
        self.settings.sync()
        # the start-up notice counts the reminders of whoever is chosen, even if it was shown already
        self._announced_overdue = False
        self.ask_who_you_are()

    @Slot()
    def ask_who_you_are(self) -> None:
        from salesdesk.ui.who_dialog import WhoAreYouDialog

        self._asking_who = True
        try:
            chosen = WhoAreYouDialog.ask(self.w, self.w.uow, operations=self.w.operations)
        finally:
            self._asking_who = False
        if chosen is not None:  # a manager added in the dialog joined the lists by the change bus
            self.settings.current_manager_id = chosen
            self.settings.sync()
        self.manager_changed()

    def manager_changed(self) -> None:
        """Another manager sits at this seat: the panel counts and shows that manager's reminders,
        the status bar names them, the list's "My clients" is theirs."""
        self.w.seat.reload()
        self.reminders.update_scope()
        self.reminders.refresh()
        self.w.my_month.refresh()

    def show_reminders(self) -> None:
        self.w.reminders_dock.show()
        self.w.reminders_dock.raise_()
        self.reminders.view.setFocus()

    @Slot(list)
    def notify_due(self, due: list[Reminder]) -> None:
        """A reminder came due while the program runs: the tray if there is one, else in-window."""
        self.reminders.refresh()  # the clock moved them into another group, no commit did
        if len(due) == 1:
            text = self.tr("Reminder: %1 — %2").replace("%1", due[0].client_name).replace("%2", due[0].text)
        else:
            text = self.tr("%Ln reminder(s) came due.", "", len(due))
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.w.windowIcon(), self)
                self.tray.messageClicked.connect(self.show_reminders)
            self.tray.show()
            self.tray.showMessage("SalesDesk", text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        first = due[0].client_id
        self.w.notice.show_message(
            "🔔 " + text, kind="warning", action=self.tr("Open"), callback=lambda: self.w.open_client(first)
        )
        QApplication.alert(self.w, 0)  # flash the taskbar entry when the window is not active
