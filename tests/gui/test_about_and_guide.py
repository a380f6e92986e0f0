"""Issue 13, item 5: Help → About SalesDesk (version, base, data folder, Qt and Python versions,
licence, as text to copy) and Help → User guide (the local guide in the window's language), and
the window's icon in every size there is."""

from __future__ import annotations

import platform
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk import __version__, desktop, paths
from salesdesk.domain import messages
from salesdesk.ui import i18n
from salesdesk.ui.about_dialog import AboutDialog
from salesdesk.ui.desktop_integration import app_icon
from salesdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def russian(qapp: QApplication, lang: None) -> Iterator[None]:
    i18n.install(qapp, "ru")
    yield
    i18n.install(qapp, "en")


def test_the_about_box_in_russian_names_everything_someone_helping_would_ask(
    qtbot: QtBot, russian: None, db_path: Path
) -> None:
    dialog = AboutDialog(f"sqlite:///{db_path}")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "О программе SalesDesk"
    text = dialog.details.toPlainText()
    lines = dict(line.split(":", 1) for line in text.splitlines())
    assert lines["Версия"].strip() == __version__
    assert lines["База"].strip() == str(db_path.resolve())
    assert lines["Папка данных"].strip() == str(paths.data_dir())
    assert qVersion() in lines["Qt"]
    assert platform.python_version() in lines["Python"]
    assert lines["Лицензия"].strip() == "MIT"
    assert dialog.details.isReadOnly()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert __version__ in copied and str(db_path.resolve()) in copied


def test_the_licence_shown_is_the_package_s(qapp: QApplication) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert desktop.LICENCE == project["license"]["text"]


def test_the_help_menu_opens_the_guide_in_the_window_s_language(
    make_window: Callable[[], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: None
) -> None:
    window = make_window()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "user_guide_ru.md").write_text("# Руководство", encoding="utf-8")
    (docs / "user_guide_en.md").write_text("# Guide", encoding="utf-8")
    monkeypatch.setattr(desktop, "docs_folders", lambda: [docs])
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.guide_action in help_menu.actions() and window.about_action in help_menu.actions()
    messages.set_language("ru")
    window.guide_action.trigger()
    assert opened[-1] == QUrl.fromLocalFile(str(docs / "user_guide_ru.md"))
    (docs / "user_guide_ru.html").write_text("<h1>Руководство</h1>", encoding="utf-8")
    window.guide_action.trigger()  # the HTML build of the guide when there is one
    assert opened[-1] == QUrl.fromLocalFile(str(docs / "user_guide_ru.html"))
    messages.set_language("en")
    window.guide_action.trigger()
    assert opened[-1] == QUrl.fromLocalFile(str(docs / "user_guide_en.md"))


def test_the_guide_in_the_other_language_or_none(tmp_path: Path) -> None:
    (tmp_path / "user_guide_en.md").write_text("# Guide", encoding="utf-8")
    assert desktop.user_guide("ru", [tmp_path / "missing", tmp_path]) == tmp_path / "user_guide_en.md"
    assert desktop.user_guide("ru", [tmp_path / "missing"]) is None


def test_a_missing_guide_says_where_it_was_looked_for(
    make_window: Callable[[], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    monkeypatch.setattr(desktop, "docs_folders", lambda: [tmp_path / "nowhere"])
    said: list[str] = []
    monkeypatch.setattr("salesdesk.ui.desktop_integration.Inform.error", lambda parent, title, text: said.append(text))
    window.guide_action.trigger()
    assert len(said) == 1 and str(tmp_path / "nowhere") in said[0]


def test_the_window_icon_has_every_size_there_is(qapp: QApplication) -> None:
    icons = desktop.icon_files()
    assert "scalable" in icons  # the SVG; the packaged build adds salesdesk-<N>.png sizes beside it
    icon = app_icon()
    assert not icon.isNull()
    for size in (name for name in icons if name != "scalable"):
        side = int(size.split("x")[0])
        assert icon.pixmap(side, side).width() == side
