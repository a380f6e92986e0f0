"""Start-up of the window (filled in by the main-window work)."""

from __future__ import annotations


def run(db: str | None, argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(["salesdesk", *argv])
    label = QLabel("SalesDesk")
    label.show()
    return app.exec()
