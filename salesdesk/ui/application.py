"""Start-up of the window: Qt application, language, the database, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesk import __version__
from salesdesk.domain.errors import UserError
from salesdesk.services.common import UowFactory
from salesdesk.ui import i18n
from salesdesk.ui.crash import install_excepthook
from salesdesk.ui.settings import Settings

ICON = i18n.TRANSLATIONS.parent / "icons" / "salesdesk.svg"


def make_app(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(["salesdesk", *argv])
    app.setApplicationName("SalesDesk")
    app.setOrganizationName("SalesDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(ICON)))
    return app


def run(connect: Callable[[], tuple[UowFactory, str]], argv: list[str]) -> int:
    """Open the window on the database that *connect* opens; returns the exit status."""
    app = make_app(argv)
    settings = Settings()
    i18n.install(app, settings.language)
    install_excepthook()
    try:
        uow, label = connect()
    except UserError as exc:
        QMessageBox.critical(None, "SalesDesk", QCoreApplication.translate("Start", "Cannot open the base:\n%s")
                             % exc)
        return 1
    from salesdesk.ui.main_window import MainWindow

    window = MainWindow(uow, settings)
    window.uow_label = label
    window.show()
    window.start()
    code = app.exec()
    sys.stdout.flush()
    return code
