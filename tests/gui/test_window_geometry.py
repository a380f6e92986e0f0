"""Issue 9, item 3: the window opens on the screen — fitted at the first start, restored and
clamped later — instead of a fixed 1280×760 that puts the status bar below a 1366×768 screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QMargins, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk.store import UnitOfWork
from salesdesk.ui.geometry import FRAME, PREFERRED, place_window
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings

LAPTOP = QRect(0, 0, 1366, 768 - 40)  # 1366×768 with a 40 px task bar at the bottom
BIG = QRect(0, 0, 1920, 1080 - 40)
SECOND = QRect(1920, 0, 1366, 768)  # a second screen to the right of the big one


def inside(rect: QRect, area: QRect, frame: QMargins = FRAME) -> bool:
    return area.contains(rect.marginsAdded(frame))


def test_first_start_on_a_small_screen_is_maximised_and_fits_unmaximised_too() -> None:
    placed = place_window(LAPTOP, None)
    assert placed.maximized
    assert inside(placed.rect, LAPTOP)
    assert placed.rect.height() > 600  # not a postage stamp once un-maximised


def test_first_start_on_a_big_screen_is_the_preferred_size_centred() -> None:
    placed = place_window(BIG, None)
    assert not placed.maximized
    assert placed.rect.size() == PREFERRED
    assert inside(placed.rect, BIG)
    inner = BIG.marginsRemoved(FRAME)
    assert abs(placed.rect.center().x() - inner.center().x()) <= 1
    assert abs(placed.rect.center().y() - inner.center().y()) <= 1


def test_the_old_fixed_size_does_not_fit_a_laptop_screen() -> None:
    # what every start did before: the status bar ended below the screen's edge
    assert not inside(QRect(43, 0, 1280, 760), LAPTOP)


def test_later_start_restores_what_the_user_left() -> None:
    left = QRect(200, 150, 1100, 700)
    placed = place_window(BIG, left, maximized=False)
    assert placed.rect == left and not placed.maximized
    assert place_window(BIG, left, maximized=True) == place_window(BIG, left, maximized=True)
    assert place_window(BIG, left, maximized=True).maximized


@pytest.mark.parametrize(
    "left",
    [
        QRect(300, 200, 1600, 900),  # left big on the monitor, now on the laptop's own screen
        QRect(-500, -300, 1000, 600),  # partly off the top-left edge
        QRect(1200, 600, 800, 500),  # partly off the bottom-right edge
        QRect(5000, 3000, 900, 600),  # on a screen that is gone
    ],
)
def test_later_start_is_clamped_to_the_screen_it_opens_on(left: QRect) -> None:
    placed = place_window(LAPTOP, left)
    assert inside(placed.rect, LAPTOP), placed.rect
    assert placed.rect.width() == min(left.width(), LAPTOP.width() - FRAME.left() - FRAME.right())
    assert placed.rect.height() == min(left.height(), LAPTOP.height() - FRAME.top() - FRAME.bottom())


def test_a_window_on_a_second_screen_stays_there() -> None:
    left = QRect(2000, 100, 1000, 600)
    assert place_window(SECOND, left).rect == left


# The real window, offscreen (its screen is the offscreen platform's) ------------------------------


def _window(qtbot: QtBot, uow: Callable[[], UnitOfWork], settings: Settings) -> MainWindow:
    window = MainWindow(uow, settings)
    qtbot.addWidget(window)
    return window


def test_main_window_first_start_fits_the_screen(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], settings: Settings
) -> None:
    available = QApplication.primaryScreen().availableGeometry()
    window = _window(qtbot, uow, settings)
    expected = place_window(available, None)
    assert window.isMaximized() == expected.maximized
    assert window.normalGeometry() == expected.rect
    assert inside(window.normalGeometry(), available)


def test_main_window_restores_and_clamps_what_was_saved(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], settings: Settings
) -> None:
    available = QApplication.primaryScreen().availableGeometry()
    first = _window(qtbot, uow, settings)
    first.setWindowState(first.windowState() & ~first.windowState().WindowMaximized)
    left = QRect(available.left() + 20, available.top() + 40, 740, 500)  # the offscreen screen is small
    first.setGeometry(left)
    first.save_layout()
    assert place_window(available, left).rect == left
    again = _window(qtbot, uow, settings)
    assert not again.isMaximized()
    assert again.geometry() == left

    settings.set_rect(
        "window/normal",
        QRect(available.right() - 100, available.bottom() - 100, available.width() * 2, available.height() * 2),
    )
    settings.set_flag("window/maximized", False)
    clamped = _window(qtbot, uow, settings)
    assert inside(clamped.geometry(), available)
