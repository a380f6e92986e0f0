"""What a bug looks like to the user: a dialog that says so, points at the log, and leaves the
window (and everything typed in it) as it was."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from salesdesk import paths

log = logging.getLogger("salesdesk.crash")


def show_crash(parent: QWidget | None, exc: BaseException, trace: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Crash", "Something went wrong"))
    box.setText(
        QCoreApplication.translate(
            "Crash", "SalesDesk ran into an internal error. What you typed is still in the window; save it if you can."
        )
    )
    log_file = paths.log_dir() / "salesdesk.log"
    box.setInformativeText(QCoreApplication.translate("Crash", "Details are in the log: %s") % log_file)
    box.setDetailedText(trace)
    box.exec()


def install_excepthook() -> None:
    """Unexpected errors in slots go to the log and a dialog instead of killing the program."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        trace = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unhandled error:\n%s", trace)
        if QApplication.instance() is not None:
            show_crash(QApplication.activeWindow(), exc, trace)
        else:
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
