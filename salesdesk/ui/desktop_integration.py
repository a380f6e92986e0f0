"""The window on the desktop: its icon, File → Open base… (another base in another window) and
Help → User guide (issue 13). What does not need Qt is in ``salesdesk/desktop.py``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QFileDialog, QWidget

from salesdesk import desktop
from salesdesk.domain import messages
from salesdesk.ui.dialogs import Inform

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """The program's icon in every size there is: the SVG and each ``salesdesk-<N>.png``."""
    icon = QIcon()
    for path in desktop.icon_files().values():
        icon.addFile(str(path))
    return icon


class DesktopActions(QObject):
    """The window's menu items that reach outside it. *launch* starts a process (tests replace it)."""

    def __init__(self, window: QWidget, launch: Callable[[Sequence[str]], None] | None = None) -> None:
        super().__init__(window)
        self.w = window
        self.launch = desktop.launch if launch is None else launch

    def open_base(self) -> None:
        """File → Open base…: the chosen base in a new SalesDesk of its own (its own single
        instance; this one stays on its base). The base already open here comes to the front."""
        name, _ = QFileDialog.getOpenFileName(
            self.w,
            self.tr("Open base"),
            str(desktop.data_folder()),
            self.tr("SalesDesk bases (*.sqlite *.db);;All files (*)"),
        )
        if not name:
            return
        try:
            self.launch(desktop.open_base_command(Path(name)))
        except OSError as exc:
            Inform.error(self.w, "SalesDesk", self.tr("Cannot start SalesDesk:\n%1").replace("%1", str(exc)))

    def open_user_guide(self) -> None:
        """Help → User guide: the local guide in the window's language, in the system's viewer."""
        guide = desktop.user_guide(messages.language())
        if guide is None:
            folders = "\n".join(str(f) for f in desktop.docs_folders())
            Inform.error(
                self.w,
                self.tr("User guide"),
                self.tr("The user guide was not found. It is looked for in:\n%1").replace("%1", folders),
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide))):
            Inform.error(
                self.w,
                self.tr("User guide"),
                self.tr("No program opened the user guide. Open it yourself:\n%1").replace("%1", str(guide)),
            )
