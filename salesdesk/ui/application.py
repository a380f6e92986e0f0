"""Start-up of the window: Qt application, language, the database, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProxyStyle, QStyle

from salesdesk import __version__
from salesdesk.domain.backups import DamagedBase
from salesdesk.domain.errors import UserError
from salesdesk.domain.messages import msg
from salesdesk.services.common import UowFactory
from salesdesk.ui import desktop_integration, i18n, single_instance
from salesdesk.ui.crash import install_excepthook
from salesdesk.ui.settings import Settings


def make_app(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(["salesdesk", *argv])
    app.setApplicationName("SalesDesk")
    app.setOrganizationName("SalesDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(desktop_integration.app_icon())
    app.setDesktopFileName("salesdesk")  # the menu entry of --install-desktop (Wayland matches it)
    app.setStyle(_Style())
    return app


class _Style(QProxyStyle):
    """The platform's style, without icons on dialog buttons (a green tick on "OK" looks dated)."""

    def styleHint(
        self, hint: QStyle.StyleHint, option: object = None, widget: object = None, data: object = None
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, data)  # type: ignore[arg-type]


def run(
    connect: Callable[[], tuple[UowFactory, str]],
    argv: list[str],
    *,
    instance: str | None = None,
    to_import: Path | None = None,
) -> int:
    """Open the window on the database that *connect* opens; returns the exit status. With
    *instance* (the base's single-instance key), a window already open under it gets *to_import*
    and comes to the front instead, and this returns 0 at once (ui/single_instance.py)."""
    app = make_app(argv)
    if instance is not None and single_instance.hand_over(instance, to_import):
        print(msg("start.handed_over"))
        return 0
    arrivals = single_instance.InstanceServer(instance or "", app)
    if instance is not None and not arrivals.listen() and arrivals.taken:
        # two starts at once: the other one listens now, so this one hands over after all
        if single_instance.hand_over(instance, to_import):
            print(msg("start.handed_over"))
            return 0
    arrivals.receive(to_import)
    settings = Settings()
    i18n.install(app, settings.language)
    install_excepthook()
    try:
        try:
            uow, label = connect()
        except DamagedBase as exc:  # the newest good backup is offered; refused, the message below
            from salesdesk.ui.backups_dialog import offer_restore

            if not offer_restore(exc):
                raise
            uow, label = connect()
    except UserError as exc:
        from salesdesk.services.connecting import ServerUnavailable

        if not isinstance(exc, ServerUnavailable):
            QMessageBox.critical(
                None, "SalesDesk", QCoreApplication.translate("Start", "Cannot open the base:\n%s") % exc
            )
            return 1
        from salesdesk.ui.connect_dialog import offer_local_base

        opened = offer_local_base(exc)  # the server is down or refuses: this computer's base instead?
        if opened is None:
            return 1
        uow, label = opened
    from salesdesk.services.bases import OpenBase
    from salesdesk.ui import backups_dialog, connect_dialog, welcome
    from salesdesk.ui.main_window import MainWindow

    window = MainWindow(uow, settings)
    window.uow_label = label
    first_run = welcome.install(window, uow if isinstance(uow, OpenBase) else None)  # File → Open the demo base
    connect_dialog.install(window, uow if isinstance(uow, OpenBase) else None)  # File → Connect to a server…
    window.show()
    window.start()
    window.other_seats.start()  # a server base: other seats' changes reach this window (issue 14)
    QTimer.singleShot(0, window, lambda: backups_dialog.start_daily_backup(window))  # on a worker
    QTimer.singleShot(0, window, first_run.first_start)  # the welcome, once the window is up, not before it
    arrivals.attach(window)  # a file to import: after any question at start
    code = app.exec()
    arrivals.close()
    # Jobs a late answer started after the window's own wait: let them end before Python and Qt
    # tear down, or a worker still running aborts the process (exit 134) on the way out.
    QThreadPool.globalInstance().waitForDone(30_000)
    sys.stdout.flush()
    return code
