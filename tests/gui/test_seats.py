"""Several seats in the window (issue 14): the signed-in manager and their role in the status bar,
"My clients" / "All clients" in the list's filter bar (a manager of a base with a head starts on
their own, a head on everyone's; the seat remembers the choice), erasing disabled with the reason
where the base does not allow it, and the roles dialog (a head changes roles and rules)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.domain.audit import Actor, Via
from salesdesk.domain.changes import Change, Changes
from salesdesk.domain.model import ClientFields, ManagerFields, Role
from salesdesk.services import clients, permissions, reference
from salesdesk.store import Database, UnitOfWork
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.export_dialog import ExportChoice, ExportDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.roles_dialog import RolesDialog
from salesdesk.ui.settings import Settings
from salesdesk.ui.who_dialog import WhoAreYouDialog
from tests.gui.conftest import shown_names, wait_loaded

Window = Callable[[], MainWindow]


@pytest.fixture
def uow(database: Database, settings: Settings) -> Callable[[], UnitOfWork]:
    """The window's units of work act as the seat's signed-in manager, as in the program."""
    return lambda: UnitOfWork(database, actor=lambda: Actor(settings.current_manager_id, Via.WINDOW))


@pytest.fixture
def office(database: Database) -> dict[str, int]:
    """Anna is the head; Oleg a manager; a client of each."""
    nobody = UnitOfWork(database)
    anna = reference.create_manager(nobody, ManagerFields(name="Иванова Анна")).id
    oleg = reference.create_manager(UnitOfWork(database), ManagerFields(name="Петров Олег")).id
    permissions.set_role(UnitOfWork(database), anna, Role.HEAD)
    clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ромашка»", owner_id=anna))
    clients.create_client(UnitOfWork(database), ClientFields(name="ООО «Ёлка»", owner_id=oleg))
    return {"anna": anna, "oleg": oleg}


def test_a_manager_starts_on_my_clients_and_may_not_erase(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int]
) -> None:
    settings.current_manager_id = office["oleg"]
    window = make_window()
    assert window.seat.button.text() == "At this seat: Петров Олег · Manager"
    assert window.filters.scope.currentText() == "My clients"
    assert shown_names(window) == ["ООО «Ёлка»"]
    assert not window.erasure.empty_trash_action.isEnabled()
    assert not window.erasure.erase_client_action.isEnabled()
    assert "Only a head (Иванова Анна) may erase" in window.erasure.erase_client_action.statusTip()
    window.filters.scope.setCurrentIndex(window.filters.scope.findData("all"))
    wait_loaded(qtbot, window)
    assert sorted(shown_names(window)) == ["ООО «Ёлка»", "ООО «Ромашка»"]
    window.filters.clear()  # "Clear filters" keeps the view
    assert window.filters.scope.currentData() == "all"
    window.save_layout()
    again = make_window()  # the seat remembers the choice
    assert again.filters.scope.currentData() == "all" and len(shown_names(again)) == 2


def test_a_head_starts_on_all_clients_and_may_erase(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int]
) -> None:
    settings.current_manager_id = office["anna"]
    window = make_window()
    assert window.seat.button.text() == "At this seat: Иванова Анна · Head"
    assert window.filters.scope.currentData() == "all" and len(shown_names(window)) == 2
    assert window.erasure.erase_client_action.isEnabled() and window.erasure.empty_trash_action.isEnabled()
    window.filters.scope.setCurrentIndex(window.filters.scope.findData("mine"))
    wait_loaded(qtbot, window)
    assert shown_names(window) == ["ООО «Ромашка»"]
    assert not window.filters.owner.isEnabled()  # "My clients" is the owner already


def test_signing_in_as_another_manager_changes_the_status_bar_and_the_view(
    qtbot: QtBot, make_window: Window, settings: Settings, office: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    assert window.seat.button.text() == "Who are you?"
    assert window.filters.scope.currentData() == "all" and not window.filters.scope.isEnabled()
    monkeypatch.setattr(WhoAreYouDialog, "ask", classmethod(lambda cls, *a, **k: office["oleg"]))
    window.seat.button.click()
    assert window.seat.button.text() == "At this seat: Петров Олег · Manager"
    wait_loaded(qtbot, window)
    assert window.filters.scope.currentData() == "mine" and shown_names(window) == ["ООО «Ёлка»"]
    assert not window.erasure.erase_client_action.isEnabled()


def test_the_sign_in_shows_each_managers_role(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], office: dict[str, int]
) -> None:
    dialog = WhoAreYouDialog(uow)
    qtbot.addWidget(dialog)
    shown = [dialog.managers.item(i).text() for i in range(dialog.managers.count())]
    assert shown == ["Иванова Анна — Head", "Петров Олег — Manager"]


def test_a_head_sets_roles_and_rules_and_a_manager_only_reads_them(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork], settings: Settings, office: dict[str, int]
) -> None:
    settings.current_manager_id = office["oleg"]
    as_manager = RolesDialog(uow)
    qtbot.addWidget(as_manager)
    assert "Only a head (Иванова Анна)" in as_manager.note.text()
    assert not as_manager.may_export.isEnabled() and not as_manager.roles[office["oleg"]][1].isEnabled()
    settings.current_manager_id = office["anna"]
    window = make_window()
    dialog = RolesDialog(uow, window, operations=window.operations)
    qtbot.addWidget(dialog)
    combo = dialog.roles[office["oleg"]][1]
    combo.setCurrentIndex(combo.findData(Role.HEAD))
    dialog.may_erase.setChecked(True)
    dialog.accept()
    rights = permissions.rights(uow(), office["oleg"])
    assert rights.is_head and rights.rules.managers_may_erase and not rights.rules.managers_may_export
    assert window.seat.button.text() == "At this seat: Иванова Анна · Head"  # she still is


def test_the_window_hears_its_manager_made_a_head(
    qtbot: QtBot, make_window: Window, database: Database, settings: Settings, office: dict[str, int]
) -> None:
    settings.current_manager_id = office["oleg"]
    window = make_window()
    assert not window.erasure.empty_trash_action.isEnabled()
    # Anna, at another seat, makes Oleg a head; her change reaches this window's change bus
    permissions.set_role(UnitOfWork(database, actor=Actor(office["anna"], Via.WINDOW)), office["oleg"], Role.HEAD)
    window.operations.bus.publish(Changes.of([Change("manager", office["oleg"], "updated")]))
    assert window.seat.button.text() == "At this seat: Петров Олег · Head"
    assert window.erasure.empty_trash_action.isEnabled()


def test_settings_opens_roles_and_rules(
    qtbot: QtBot,
    uow: Callable[[], UnitOfWork],
    settings: Settings,
    office: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from salesdesk.ui.settings_dialog import SettingsDialog

    opened: list[bool] = []
    monkeypatch.setattr(RolesDialog, "edit", classmethod(lambda cls, *a, **k: opened.append(True) or True))
    settings.current_manager_id = office["anna"]
    dialog = SettingsDialog(uow, settings)
    qtbot.addWidget(dialog)
    assert dialog.manager.currentText() == "Иванова Анна — Head"
    dialog.roles_button.click()
    assert opened == [True]


def test_a_manager_exports_my_clients_and_is_told_why_not_the_whole_base(
    qtbot: QtBot,
    make_window: Window,
    settings: Settings,
    office: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(Inform, "error", classmethod(lambda cls, parent, title, text: shown.append(text)))
    settings.current_manager_id = office["oleg"]
    window = make_window()
    assert "only a head (Иванова Анна) exports the whole base" in window.export_action.statusTip()
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, *a, **k: ExportChoice("all", tmp_path / "all.xlsx"))
    )
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, *a, **k: ExportChoice("filter", tmp_path / "mine.xlsx"))
    )
    window.export_action.trigger()  # the list shows "My clients"
    qtbot.waitUntil(lambda: "exported" in window.notice.label.text(), timeout=10_000)
    assert len(shown) == 1 and "A manager exports only their own clients" in shown[0]
    assert not (tmp_path / "all.xlsx").exists() and (tmp_path / "mine.xlsx").exists()
