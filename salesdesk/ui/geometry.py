"""Where the main window opens: the rule, kept free of widgets so it can be tested on its own.

The first start fits the window to the screen's available area (the screen minus task bars):
maximised when the screen is small, a comfortable size centred on it otherwise. Later starts
restore what the user left, moved and shrunk so the whole window (title bar and status bar
included) is on the screen it opens on now — a laptop taken from a big monitor to its own
1366×768 screen must not open with the status bar below the edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMargins, QPoint, QRect, QSize

PREFERRED = QSize(1280, 800)
"""The first-start size on a screen with room for it (the window's contents, without its frame)."""
ROOM = 40
"""Desktop left around the preferred size on each side; a screen with less room gets maximised."""
FRAME = QMargins(1, 30, 1, 1)
"""A window manager's frame (title bar on top), as far as it is known before the window is shown."""


@dataclass(frozen=True)
class Placement:
    rect: QRect
    """The window's normal geometry (its contents, without the frame): what it shows when not
    maximised."""
    maximized: bool


def place_window(
    available: QRect, saved: QRect | None = None, *, maximized: bool = False, frame: QMargins = FRAME
) -> Placement:
    """Where to open on a screen whose available area is *available*, given the normal geometry
    the user left last time (*saved*, None at the first start) and whether it was maximised."""
    inner = available.marginsRemoved(frame)  # where the contents may go so the frame fits too
    if saved is None or saved.isEmpty():
        if available.width() < PREFERRED.width() + 2 * ROOM or available.height() < PREFERRED.height() + 2 * ROOM:
            return Placement(QRect(inner), True)  # un-maximised it still fits
        rect = QRect(QPoint(0, 0), PREFERRED)
        rect.moveCenter(inner.center())
        return Placement(rect, False)
    size = QSize(min(saved.width(), inner.width()), min(saved.height(), inner.height()))
    x = min(max(saved.x(), inner.left()), inner.left() + inner.width() - size.width())
    y = min(max(saved.y(), inner.top()), inner.top() + inner.height() - size.height())
    return Placement(QRect(QPoint(x, y), size), maximized)
