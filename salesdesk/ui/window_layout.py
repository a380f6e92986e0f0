"""What the main window remembers between runs: its place and size (``ui/geometry.py`` decides
where it may open), the docks, the list's columns and sort-free header, the splitter, the card's
column widths and the filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from salesdesk.ui.geometry import place_window

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow


def restore_layout(window: MainWindow) -> None:
    settings = window.settings
    _restore_geometry(window)
    state = settings.bytes("window/state")
    if state is not None:
        window.restoreState(state)
    header = settings.bytes("window/header")
    if header is not None:
        window.table.horizontalHeader().restoreState(header)
    splitter = settings.bytes("window/splitter")
    if splitter is not None:
        window.splitter.restoreState(splitter)
    window.card.restore_column_widths(settings.column_widths("card/columns"))
    # A restored header may carry an old sort; the query decides the order.
    window.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)


def _restore_geometry(window: MainWindow) -> None:
    """Fit the screen at the first start; later, what the user left, clamped to the screen."""
    settings = window.settings
    saved = settings.rect("window/normal")
    maximized = settings.flag("window/maximized")
    legacy = settings.bytes("window/geometry")  # what earlier versions saved
    if saved is None and legacy is not None and window.restoreGeometry(legacy):
        saved, maximized = window.normalGeometry(), window.isMaximized()
    screen = (
        QGuiApplication.screenAt(saved.center()) if saved is not None else None
    ) or QGuiApplication.primaryScreen()
    placement = place_window(screen.availableGeometry(), saved, maximized=maximized)
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    window.setGeometry(placement.rect)
    if placement.maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def save_layout(window: MainWindow) -> None:
    settings = window.settings
    settings.set_rect("window/normal", window.normalGeometry() if window.isMaximized() else window.geometry())
    settings.set_flag("window/maximized", window.isMaximized())
    settings.q.remove("window/geometry")  # the earlier form, read once by _restore_geometry
    if window.reminders_stepped_aside:
        window.reminders_dock.show()  # it stepped aside for the charts only; remember it as the user left it
    settings.set_bytes("window/state", window.saveState())
    settings.set_bytes("window/header", window.table.horizontalHeader().saveState())
    settings.set_bytes("window/splitter", window.splitter.saveState())
    settings.set_column_widths("card/columns", window.card.column_widths())
    settings.set_mapping("window/filters", window.filters.state())
    settings.sync()
