"""File → Connect to a server…: a shared base on a PostgreSQL server, for someone who is not a
programmer (issue 14).

The form asks what the server's administrator hands over — server, port, database, user, password,
and whether the connection is encrypted (SSL) — and "Check connection" says in the user's words
whether it works (wrong password, server not answering, no such database, an empty base that will be
set up, a newer program's base). "Connect" opens the base and the window switches to it; the seat
remembers it for the next start (the URL without the password; the password in the system keyring,
or where there is none, the dialog says how to use ~/.pgpass). "Move this computer's base to the
server" copies the single-seat base into an empty server database (services/connecting.py
``move_to``) with a progress dialog, then switches the window to it. File → Back to this computer's
base returns to the local file.

At the start, when the server base of the settings cannot be opened, :func:`offer_local_base`
offers this computer's base instead of not starting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.changes import Change, Changes
from salesdesk.domain.errors import UserError
from salesdesk.services import bases, connecting, credentials
from salesdesk.services.common import Cancelled, Reporter, UowFactory
from salesdesk.settings import SeatSettings
from salesdesk.ui.dialogs import Confirm, Inform
from salesdesk.ui.operations import Operations

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow

CONNECT, MOVE = "connect", "move"


@dataclass
class ConnectChoice:
    """What the dialog ended with: a base opened (``CONNECT``, ``opened`` set) or a move asked for."""

    action: str
    address: connecting.ServerAddress
    password: str
    remember: bool
    opened: connecting.ServerBase | None = None


class ConnectDialog(QDialog):
    """The form; ``choice`` is set when it is accepted."""

    def __init__(
        self,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        current: str | None = None,
        can_move: bool = True,
    ) -> None:
        super().__init__(parent)
        self.operations = operations
        self.choice: ConnectChoice | None = None
        self.manager_name: str | None = None
        self._busy = False
        self._can_move = can_move
        self.setWindowTitle(self.tr("Connect to a server"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Work on a shared base on a PostgreSQL server, together with the other seats of the office. "
                "The server's administrator gives you these details."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. server.office.local or 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        row = QHBoxLayout()
        row.addWidget(self.host, 1)
        row.addWidget(QLabel(self.tr("Port:")))
        row.addWidget(self.port)
        server_label = QLabel(self.tr("&Server:"))
        server_label.setBuddy(self.host)
        form.addRow(server_label, row)
        self.database = QLineEdit()
        self.database.setPlaceholderText("salesdesk")
        form.addRow(self.tr("&Database:"), self.database)
        self.user = QLineEdit()
        form.addRow(self.tr("&User:"), self.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password:"), self.password)
        self.ssl = QComboBox()
        for mode, label in (
            ("prefer", self.tr("If the server offers it")),
            ("require", self.tr("Always")),
            ("verify-full", self.tr("Always, checking the server's certificate")),
            ("disable", self.tr("Never (only inside a trusted network)")),
        ):
            self.ssl.addItem(label, mode)
        form.addRow(self.tr("&Encryption (SSL):"), self.ssl)
        self.remember = QCheckBox(self.tr("Remember the password in the system's password store"))
        self.keyring = credentials.keyring_available()
        self.remember.setChecked(self.keyring)
        self.remember.setEnabled(self.keyring)
        form.addRow("", self.remember)
        self.keyring_note = QLabel(
            self.tr(
                "There is no system password store on this computer, so the password is not remembered. "
                "To connect without typing it at every start, put the line "
                "<tt>server:port:database:user:password</tt> into the file <tt>%1</tt> "
                "(readable by you only: <tt>chmod 600</tt>)."
            ).replace("%1", str(credentials.pgpass_path()))
        )
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(not self.keyring)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(60)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.check_button = QPushButton(self.tr("C&heck connection"))
        self.move_button = QPushButton(self.tr("&Move this computer's base to the server…"))
        self.move_button.setToolTip(
            self.tr("Copy every client, deal and reminder of this computer's base into the empty server database")
        )
        self.move_button.setEnabled(can_move)
        self.connect_button = self.buttons.addButton(self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.connect_button.clicked.connect(self.open_base)
        self.check_button.clicked.connect(self.check)
        self.move_button.clicked.connect(self.ask_move)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.move_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.buttons)
        if current:
            self.fill(current)

    def fill(self, url: str) -> None:
        """The form filled from a server URL (the one the seat uses); never a password."""
        try:
            address = connecting.address_of(url)
        except UserError:
            return
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        index = self.ssl.findData(address.sslmode)
        if index >= 0:
            self.ssl.setCurrentIndex(index)

    def address(self) -> connecting.ServerAddress | None:
        host, database, user = (w.text().strip() for w in (self.host, self.database, self.user))
        if not host or not database or not user:
            self._say(self.tr("Fill in the server, the database and the user."), kind="error")
            (self.host if not host else self.database if not database else self.user).setFocus()
            return None
        mode = str(self.ssl.currentData())
        return connecting.ServerAddress(host, self.port.value(), database, user, {"sslmode": mode})

    # Check ------------------------------------------------------------------------------------

    @Slot()
    def check(self) -> None:
        address = self.address()
        if address is None or self._busy:
            return
        password = self.password.text()
        self._start(self.tr("Checking the connection…"))
        self.operations.run_slow(
            lambda: connecting.check(address, password), self._on_checked, on_error=self._on_failed
        )

    def _on_checked(self, result: connecting.CheckResult) -> None:
        self._stop()
        self._say(str(result.message), kind="success")

    def _on_failed(self, exc: UserError) -> bool:
        self._stop()
        self._say(str(exc), kind="error")
        return True

    # Connect ----------------------------------------------------------------------------------

    @Slot()
    def open_base(self) -> None:
        address = self.address()
        if address is None or self._busy:
            return
        password, remember = self.password.text(), self.remember.isChecked()
        self._start(self.tr("Connecting…"))
        name = self.manager_name
        self.operations.run_slow(
            lambda: connecting.open_server(address, password, remember=remember, manager_name=name),
            lambda opened: self._on_opened(address, password, remember, opened),
            on_error=self._on_failed,
        )

    def _on_opened(
        self, address: connecting.ServerAddress, password: str, remember: bool, opened: connecting.ServerBase
    ) -> None:
        self._stop()
        self.choice = ConnectChoice(CONNECT, address, password, remember, opened)
        super().accept()

    @Slot()
    def ask_move(self) -> None:
        address = self.address()
        if address is None or self._busy:
            return
        self.choice = ConnectChoice(MOVE, address, self.password.text(), self.remember.isChecked())
        super().accept()

    def reject(self) -> None:
        if not self._busy:  # a connection being made ends first (its worker holds no window)
            super().reject()

    # ------------------------------------------------------------------------------------------

    def _start(self, text: str) -> None:
        self._busy = True
        for button in (self.check_button, self.move_button, self.connect_button):
            button.setEnabled(False)
        self._say(text, kind="info")

    def _stop(self) -> None:
        self._busy = False
        self.check_button.setEnabled(True)
        self.connect_button.setEnabled(True)
        self.move_button.setEnabled(self._can_move)

    def _say(self, text: str, *, kind: str) -> None:
        colour = {"error": "#b00020", "success": "#1b6e20", "info": "palette(text)"}[kind]
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(text)
        self.status.setProperty("kind", kind)

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        operations: Operations,
        *,
        current: str | None,
        can_move: bool,
        manager_name: str | None = None,
    ) -> ConnectChoice | None:
        dialog = cls(operations, parent, current=current, can_move=can_move)
        dialog.manager_name = manager_name
        dialog.exec()
        return dialog.choice


class ConnectActions(QObject):
    """File → Connect to a server… and File → Back to this computer's base, for one window."""

    def __init__(self, window: MainWindow, base: bases.OpenBase) -> None:
        super().__init__(window)
        self.w = window
        self.base = base
        self.connect_action = QAction(self.tr("Connect to a &server…"), self)
        self.connect_action.setStatusTip(self.tr("Work on a shared base on a PostgreSQL server"))
        self.connect_action.triggered.connect(self.connect_to_server)
        self.local_action = QAction(self.tr("Back to this &computer's base"), self)
        self.local_action.triggered.connect(self.back_to_local)
        anchor = window.open_base_action  # File → Open base…, then these two
        menu = next((o for o in anchor.associatedObjects() if isinstance(o, QMenu)), None)
        if menu is not None:
            following = menu.actions()[menu.actions().index(anchor) + 1]
            menu.insertAction(following, self.connect_action)
            menu.insertAction(following, self.local_action)
        self.server_label = QLabel()
        self.server_label.setStyleSheet("color:#1b4f8a; font-weight:bold;")
        window.statusBar().addPermanentWidget(self.server_label)
        self._show_state()

    @Slot()
    def connect_to_server(self) -> None:
        if self.base.in_demo:
            Inform.error(
                self.w,
                "SalesDesk",
                self.tr("The demo base is open: go back to your base first (File → Back to my base)."),
            )
            return
        if not self.w.card.maybe_leave():
            return
        current = self._seat().server_url or (self.base.home_label if self.base.on_server else None)
        choice = ConnectDialog.ask(
            self.w,
            self.w.operations,
            current=current,
            can_move=not self.base.on_server,
            manager_name=self._manager_name(),
        )
        if choice is None:
            return
        if choice.action == MOVE:
            self.move(choice)
            return
        assert choice.opened is not None
        self._switch(choice.opened)

    def move(self, choice: ConnectChoice) -> None:
        where = f"{choice.address.host}:{choice.address.port}/{choice.address.database}"
        if not Confirm.ask(
            self.w,
            self.tr("Move the base to the server"),
            self.tr(
                "Copy this computer's base into the empty database %1? Every table is compared after the "
                "copy; this computer's base is only read and stays as it is. The window then works on the "
                "server base."
            ).replace("%1", where),
        ):
            return
        source = self.base.home
        address, password, remember = choice.address, choice.password, choice.remember
        url = connecting.server_url(address, password)
        name = self._manager_name()
        actor = Actor(self.w.settings.current_manager_id, Via.WINDOW)  # may they copy the whole base out?

        def work(reporter: Reporter) -> tuple[connecting.MoveResult, connecting.ServerBase]:
            # the password is kept (or its note shown, _switch) by open_server below
            moved = connecting.move_to(source, url, reporter=reporter, switch=False, remember=False, actor=actor)
            return moved, connecting.open_server(address, password, remember=remember, manager_name=name)

        self.w.operations.run_long(
            self.w,
            self.tr("Move the base to the server"),
            self.tr("Copying the base to %1…").replace("%1", where),
            work,
            self._on_moved,
            on_error=self._refused,
            on_cancelled=self._on_cancelled,
        )

    def _on_moved(self, result: tuple[connecting.MoveResult, connecting.ServerBase]) -> None:
        moved, opened = result
        self._switch(opened)
        rows = sum(t.target for t in moved.tables)
        self.w.notice.show_message(
            self.tr("The base has moved to the server: %Ln row(s) copied, every table matches.", "", rows),
            kind="success",
            timeout_ms=15_000,
        )

    @Slot()
    def back_to_local(self) -> None:
        if not self.base.on_server or not self.w.card.maybe_leave():
            return
        name = self._manager_name()
        self.w.operations.run_slow(lambda: connecting.open_local(name), self._on_local_opened, on_error=self._refused)

    def _on_local_opened(self, opened: connecting.ServerBase) -> None:
        self._swap(opened)
        connecting.use_local(self._seat())

    def _switch(self, opened: connecting.ServerBase) -> None:
        self._swap(opened)
        connecting.use_server(opened.url, self._seat())
        if opened.password_note is not None:
            Inform.error(self.w, self.tr("The password"), str(opened.password_note))

    def _seat(self) -> SeatSettings:
        """The window's settings file, as the services read and write it."""
        return SeatSettings(Path(self.w.settings.q.fileName()))

    def _manager_name(self) -> str | None:
        try:
            return self.base.home_manager_name(self.w.settings.current_manager_id)
        except UserError:
            return None

    def _swap(self, opened: connecting.ServerBase) -> None:
        """Wait for the window's reads, switch the base, and let every part read again; the seat's
        manager is the same person in the new base (None when not there: the window asks)."""
        self.w.card.show_empty()
        self.w.wait_for_jobs()
        self.w.other_seats.stop()  # it hears the base being left
        self.base.switch_home(opened.database, connecting.hidden(opened.url))
        self.w.other_seats.start()  # and now the new one's other seats (nothing on a local base)
        self.w.settings.demo_manager = None
        self.w.settings.current_manager_id = opened.manager_id
        self.w.settings.sync()
        self.w.uow_label = self.base.label
        self._show_state()
        self.w.reminder_notices.manager_changed()
        self.w.operations.bus.publish(Changes.of([Change("base", 0, "refresh")]))

    def _show_state(self) -> None:
        on_server = self.base.on_server
        self.local_action.setVisible(on_server)
        if on_server:
            address = connecting.address_of(self.base.home_label)
            self.server_label.setText(self.tr("Server: %1").replace("%1", f"{address.host}/{address.database}"))
            self.server_label.setToolTip(self.base.home_label)
        self.server_label.setVisible(on_server)

    def _refused(self, exc: UserError) -> bool:
        Inform.error(self.w, "SalesDesk", str(exc))
        return True

    def _on_cancelled(self, exc: Cancelled) -> None:
        self.w.notice.show_message(str(exc), kind="info", timeout_ms=5000)


def install(window: MainWindow, base: bases.OpenBase | None) -> ConnectActions | None:
    """Give *window* its File → Connect to a server… (only a window on an ``OpenBase`` can switch)."""
    if base is None:
        return None
    actions = ConnectActions(window, base)
    window.connect_actions = actions  # type: ignore[attr-defined]
    return actions


class LocalInstead:
    """At the start: the server base did not open; this computer's base instead, or quit?"""

    @classmethod
    def ask(cls, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "SalesDesk", text)
        box.setInformativeText(
            QCoreApplication.translate(
                "Start",
                "Open this computer's base for now? The next start tries the server again; "
                "File → Connect to a server… changes it.",
            )
        )
        local = box.addButton(
            QCoreApplication.translate("Start", "Open this computer's base"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QCoreApplication.translate("Start", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(local)
        box.exec()
        return box.clickedButton() is local


def offer_local_base(exc: connecting.ServerUnavailable) -> tuple[UowFactory, str] | None:
    """The server base did not open at the start: this computer's base if the user wants it."""
    if not LocalInstead.ask(str(exc)):
        return None
    try:
        return exc.open_local()  # type: ignore[no-any-return]
    except UserError as error:
        QMessageBox.critical(
            None, "SalesDesk", QCoreApplication.translate("Start", "Cannot open the base:\n%s") % error
        )
        return None
