"""Help → About SalesDesk: version, where the base and the data folder are, Qt and Python versions,
licence — as text a person can select and copy into a letter to whoever helps them (issue 13)."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from salesdesk import __version__, desktop


class AboutDialog(QDialog):
    def __init__(self, base: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SalesDesk"))
        heading = QLabel(f"<h3>SalesDesk {__version__}</h3>")
        summary = QLabel(
            self.tr(
                "The client base and sales of a small office: clients and their requisites, "
                "contact persons, reminders, deals."
            )
        )
        summary.setWordWrap(True)
        self.details = QPlainTextEdit(self.text(base))
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumWidth(560)
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 7)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def text(self, base: str) -> str:
        lines = (
            (self.tr("Version"), __version__),
            (self.tr("Base"), desktop.base_identity(base) if base else self.tr("not open")),
            (self.tr("Data folder"), str(desktop.data_folder())),
            ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
            ("Python", f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
            (self.tr("Licence"), desktop.LICENCE),
        )
        width = max(len(label) for label, _ in lines) + 2
        return "\n".join(f"{label + ':':<{width}}{value}" for label, value in lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"SalesDesk {__version__}\n{self.details.toPlainText()}")

    @classmethod
    def show_for(cls, parent: QWidget, base: str) -> None:
        cls(base, parent).exec()
