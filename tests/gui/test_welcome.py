"""The first start (issue 13): the welcome once, the seat's manager chosen or added in it, and the
demo base — its own file, opened in place of the user's base, which stays byte for byte as it was."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from salesdesk import paths
from salesdesk.domain.model import ClientFields, ReminderFields
from salesdesk.services import bases, clients, reference, reminders
from salesdesk.services.bases import OpenBase
from salesdesk.store import Database, UnitOfWork
from salesdesk.ui import welcome
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from salesdesk.ui.settings_dialog import SettingsDialog
from salesdesk.ui.welcome import DEMO, EMPTY, IMPORT, WelcomeDialog
from tests.gui.conftest import shown_names, wait_loaded

Uow = Callable[[], UnitOfWork]


@pytest.fixture
def base(database: Database, db_path: Path) -> OpenBase:
    return OpenBase(database, str(db_path))


@pytest.fixture
def open_window(qtbot: QtBot, base: OpenBase, settings: Settings) -> Iterator[Callable[[], MainWindow]]:
    """A window as application.run opens it: on an ``OpenBase``, with its welcome installed."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(base, settings)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        welcome.install(window, base)
        window.show()
        window.start()
        wait_loaded(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.wait_for_jobs()
    base.open_home()


class Answers(list[tuple[int | None, str]]):
    """Answers the welcome gives, in order (then "start empty"); ``shown`` lists each showing."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[int | None, str]] = []


@pytest.fixture
def welcomes(monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()

    def answer(cls: type[WelcomeDialog], parent: object, uow: Uow, **_kwargs: object) -> tuple[int | None, str]:
        shown = answers.shown
        shown.append(answers[len(shown)] if len(shown) < len(answers) else (None, EMPTY))
        return shown[-1]

    monkeypatch.setattr(WelcomeDialog, "welcome", classmethod(answer))
    return answers


def fingerprint(path: Path) -> dict[str, str]:
    """The base's file and its WAL, byte for byte."""
    return {
        suffix: hashlib.sha256(Path(str(path) + suffix).read_bytes()).hexdigest()
        for suffix in ("", "-wal")
        if Path(str(path) + suffix).exists()
    }


def test_the_first_start_shows_the_welcome_once(
    open_window: Callable[[], MainWindow], settings: Settings, welcomes: Answers, tmp_path: Path
) -> None:
    window = open_window()
    window.welcome.first_start()
    window.welcome.first_start()  # the same start, or anything asking again: not shown twice
    assert len(welcomes.shown) == 1
    # the second start: a new window, the settings read again from the file
    second = Settings(tmp_path / "settings.ini")
    assert not second.welcome_due
    window.welcome.settings = second
    window.welcome.first_start()
    assert len(welcomes.shown) == 1


def test_the_welcome_sets_the_seats_manager(
    open_window: Callable[[], MainWindow], settings: Settings, welcomes: Answers, uow: Uow
) -> None:
    chosen = reference.ensure_manager(uow(), "Петрова Анна").id
    welcomes.append((chosen, EMPTY))
    window = open_window()
    window.welcome.first_start()
    assert settings.current_manager_id == chosen
    settings.sync()
    assert Settings(Path(settings.q.fileName())).current_manager_id == chosen  # kept for the next start


def test_picking_or_adding_a_manager_in_the_welcome(qtbot: QtBot, uow: Uow) -> None:
    anna = reference.ensure_manager(uow(), "Петрова Анна").id
    dialog = WelcomeDialog(uow)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Welcome to SalesDesk"
    assert [b.text() for b in dialog.choice_buttons.values()] == [
        "Import a spreadsheet…",
        "Start with an empty base",
        "Explore demo data",
    ]
    assert all(b.isEnabled() for b in dialog.choice_buttons.values())  # a manager is welcome, not required
    dialog.managers.setCurrentRow(0)
    dialog.choice_buttons[DEMO].click()
    assert (dialog.result(), dialog.chosen, dialog.choice) == (WelcomeDialog.DialogCode.Accepted, anna, DEMO)

    added = WelcomeDialog(uow)
    qtbot.addWidget(added)
    added.name.setText("Сидоров Олег")
    added.choice_buttons[IMPORT].click()
    new = [m for m in reference.list_managers(uow(), include_inactive=False) if m.name == "Сидоров Олег"]
    assert len(new) == 1 and added.chosen == new[0].id and added.choice == IMPORT

    nobody = WelcomeDialog(uow)
    qtbot.addWidget(nobody)
    nobody.choice_buttons[EMPTY].click()
    assert nobody.chosen is None and nobody.choice == EMPTY


def test_the_welcome_offers_an_empty_base_only_on_an_empty_one(
    qtbot: QtBot, uow: Uow, add_client: Callable[..., int]
) -> None:
    add_client("ООО «Ромашка»")
    add_client("ООО «Лютик»")
    dialog = WelcomeDialog(uow)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.choice_buttons.values()]
    assert "Start with an empty base" not in texts and "Go to my clients (2)" in texts
    dialog.choice_buttons[EMPTY].click()  # the base stays as it is
    assert dialog.choice == EMPTY


def test_explore_demo_data_opens_a_demo_base_and_leaves_mine_untouched(
    qtbot: QtBot,
    open_window: Callable[[], MainWindow],
    settings: Settings,
    base: OpenBase,
    uow: Uow,
    add_client: Callable[..., int],
    db_path: Path,
    welcomes: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bases, "DEMO_CLIENTS", 40)
    me = reference.ensure_manager(uow(), "Петрова Анна").id
    add_client("ООО «Моя фирма»")
    settings.current_manager_id = me
    window = open_window()
    assert shown_names(window) == ["ООО «Моя фирма»"]
    window.wait_for_jobs()
    before = fingerprint(db_path)

    welcomes.append((me, DEMO))
    settings.welcome_due = True
    window.welcome.first_start()  # "Explore demo data" in the welcome
    qtbot.waitUntil(lambda: base.in_demo, timeout=30_000)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.model.base_total == 40, timeout=10_000)
    assert "ООО «Моя фирма»" not in shown_names(window)
    assert "Demo base" in window.windowTitle()
    assert window.welcome.demo_label.isVisible()
    assert window.notice.isVisible() and "your data is not affected" in window.notice.label.text()
    assert window.welcome.home_action.isVisible() and not window.welcome.demo_action.isEnabled()
    assert bases.demo_path().exists() and bases.demo_path().parent == paths.data_dir()

    # working in the demo: the seat's manager there is the same person, so a new reminder is theirs
    demo_me = window.current_manager()
    assert demo_me is not None
    assert [m.name for m in reference.list_managers(window.uow(), include_inactive=False) if m.id == demo_me] == [
        "Петрова Анна"
    ]
    created = clients.create_client(window.uow(), ClientFields(name="ООО «Проба»"))
    reminders.add_reminder(
        window.uow(),
        created.id,
        ReminderFields(due_at=datetime(2030, 1, 9, 10, 0, tzinfo=UTC), text="Позвонить", manager_id=demo_me),
    )
    qtbot.waitUntil(lambda: window.model.base_total == 41, timeout=10_000)
    assert settings.q.value("user/manager_id") in (me, str(me))  # the seat's own setting is kept

    window.wait_for_jobs()
    assert fingerprint(db_path) == before  # my base, byte for byte

    window.welcome.home_action.trigger()  # File → Back to my base
    assert not base.in_demo
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Моя фирма»"], timeout=10_000)
    assert window.windowTitle() == "SalesDesk[*]" and not window.welcome.demo_label.isVisible()
    assert window.current_manager() == me
    window.wait_for_jobs()
    assert fingerprint(db_path) == before


def test_the_empty_lists_demo_button_opens_the_demo_base(
    qtbot: QtBot,
    open_window: Callable[[], MainWindow],
    base: OpenBase,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bases, "DEMO_CLIENTS", 30)
    window = open_window()
    menus = {m.title(): [a.text() for a in m.actions()] for m in window.menuBar().findChildren(QMenu)}
    assert "Open the &demo base" in menus["&File"] and "Load &demo data…" not in menus["&File"]
    assert "&Welcome…" in menus["&Help"]
    assert window.empty_demo_button.isVisible() and window.empty_demo_button.text() == "Explore demo data"
    window.wait_for_jobs()
    before = fingerprint(db_path)
    qtbot.mouseClick(window.empty_demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: base.in_demo, timeout=30_000)
    qtbot.waitUntil(lambda: window.model.base_total == 30, timeout=10_000)
    window.wait_for_jobs()
    assert fingerprint(db_path) == before
    # the demo base is kept: opening it again after going home shows what was there
    window.welcome.back_home()
    window.welcome.demo_action.trigger()
    qtbot.waitUntil(lambda: base.in_demo, timeout=30_000)
    qtbot.waitUntil(lambda: window.model.base_total == 30, timeout=10_000)


def test_settings_can_show_the_welcome_again(
    qtbot: QtBot, open_window: Callable[[], MainWindow], settings: Settings, base: OpenBase, welcomes: Answers
) -> None:
    settings.asked_who = True  # a seat that was asked before: no welcome at its start
    window = open_window()
    window.welcome.first_start()
    assert welcomes.shown == []
    dialog = SettingsDialog(base, settings, window, operations=window.operations)
    qtbot.addWidget(dialog)
    assert not dialog.show_welcome.isChecked()
    dialog.show_welcome.setChecked(True)
    dialog.accept()
    window.welcome.first_start()  # the next start
    assert len(welcomes.shown) == 1
    window.welcome.first_start()
    assert len(welcomes.shown) == 1
    window.welcome.welcome_action.trigger()  # Help → Welcome…: at once, any time
    assert len(welcomes.shown) == 2


def test_a_file_handed_over_while_the_demo_base_is_open_goes_into_my_base(
    qtbot: QtBot,
    open_window: Callable[[], MainWindow],
    base: OpenBase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`salesdesk клиенты.xlsx` started again on my base, while the window shows the demo base: the
    window goes back to my base before the import wizard opens on the file."""
    from salesdesk.ui.single_instance import InstanceServer

    monkeypatch.setattr(bases, "DEMO_CLIENTS", 20)
    window = open_window()
    window.welcome.demo_action.trigger()  # File → Open the demo base
    qtbot.waitUntil(lambda: base.in_demo, timeout=30_000)
    wait_loaded(qtbot, window)
    opened: list[tuple[Path, bool]] = []
    monkeypatch.setattr(window, "import_file", lambda path: opened.append((path, base.in_demo)))
    arrivals = InstanceServer("salesdesk-test-demo-handover", window)
    arrivals.window = window
    arrivals.receive(tmp_path / "клиенты.xlsx")
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == [(tmp_path / "клиенты.xlsx", False)]  # opened on my base, not the demo one
