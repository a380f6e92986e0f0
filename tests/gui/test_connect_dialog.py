"""File → Connect to a server… (issue 14): the form and its check in the user's words (Russian
too), connecting switches the window and remembers the base without its password, moving this
computer's base up from the window, going back, and a start whose server is down."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from salesdesk import gui, paths
from salesdesk.domain import messages
from salesdesk.domain.model import ClientFields, Role
from salesdesk.services import clients, connecting, demo, permissions, reference
from salesdesk.services.bases import OpenBase
from salesdesk.settings import SeatSettings
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url
from salesdesk.store.servers import address_of, make_server_url
from salesdesk.ui import connect_dialog, i18n
from salesdesk.ui.connect_dialog import CONNECT, MOVE, ConnectChoice, ConnectDialog
from salesdesk.ui.dialogs import Confirm, Inform
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from tests import server as test_server
from tests.gui.conftest import wait_loaded
from tests.integration.test_moving_up import MemoryKeyring

CLOSED = "postgresql+psycopg://anna@127.0.0.1:1/office"  # nothing listens on port 1


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def russian(qapp: QApplication, lang: None) -> Iterator[None]:
    i18n.install(qapp, "ru")
    messages.set_language("ru")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Database]:
    """This computer's base: always a SQLite file (the window's home before it connects)."""
    database = open_database(resolve_url(paths.default_database()))
    yield database
    database.dispose()


@pytest.fixture
def window(qtbot: QtBot, local: Database, settings: Settings) -> Iterator[MainWindow]:
    base = OpenBase(local, local.url)
    window = MainWindow(base, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    connect_dialog.install(window, base)
    window.show()
    window.start()
    wait_loaded(qtbot, window)
    yield window
    window.wait_for_jobs()


def file_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return menu


def test_the_form_speaks_russian_and_asks_for_what_is_missing(qtbot: QtBot, window: MainWindow, russian: None) -> None:
    dialog = ConnectDialog(window.operations, window, can_move=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Подключение к серверу"
    assert dialog.check_button.text() == "Про&верить подключение"
    assert dialog.connect_button.text() == "По&дключиться"
    assert "Перенести базу" in dialog.move_button.text()
    assert [dialog.ssl.itemData(i) for i in range(dialog.ssl.count())] == [
        "prefer",
        "require",
        "verify-full",
        "disable",
    ]
    dialog.check()
    assert dialog.status.text() == "Заполните сервер, базу данных и пользователя."
    assert dialog.check_button.isEnabled() and dialog.choice is None


def test_a_server_that_does_not_answer_is_said_so_without_the_password(
    qtbot: QtBot, window: MainWindow, russian: None
) -> None:
    dialog = ConnectDialog(window.operations, window, current=CLOSED)
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()) == (
        "127.0.0.1",
        1,
        "office",
        "anna",
    )
    dialog.password.setText("Тайна-7")
    dialog.check()
    assert not dialog.check_button.isEnabled()  # one check at a time
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=20_000)
    assert dialog.status.text().startswith("Сервер 127.0.0.1:1 не отвечает")
    assert "Тайна" not in dialog.status.text()
    assert dialog.choice is None


def test_without_a_keyring_the_form_tells_how_to_use_pgpass(qtbot: QtBot, window: MainWindow, russian: None) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = ConnectDialog(window.operations, window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
        assert dialog.keyring_note.isVisible()
        assert ".pgpass" in dialog.keyring_note.text() and "chmod 600" in dialog.keyring_note.text()
    finally:
        keyring.set_keyring(before)


def test_file_menu_has_connect_and_back_only_when_on_a_server(window: MainWindow) -> None:
    texts = [a.text() for a in file_menu(window).actions()]
    assert "Connect to a &server…" in texts
    assert not window.connect_actions.local_action.isVisible()  # type: ignore[attr-defined]


def test_a_start_whose_server_is_down_offers_this_computers_base(
    monkeypatch: pytest.MonkeyPatch, local: Database
) -> None:
    clients.create_client(UnitOfWork(local), ClientFields(name="Локальный клиент"))
    SeatSettings().server_url = CLOSED
    caught: list[connecting.ServerUnavailable] = []

    def fake_run(connect, argv, **options):  # type: ignore[no-untyped-def]
        try:
            connect()
        except connecting.ServerUnavailable as exc:
            caught.append(exc)
        return 1

    import salesdesk.ui.application as application

    monkeypatch.setattr(application, "run", fake_run)
    gui.run_gui(None)
    assert len(caught) == 1
    text = str(caught[0])
    assert "127.0.0.1:1" in text and "does not answer" in text
    uow, label = caught[0].open_local()
    try:
        assert label.endswith("salesdesk.sqlite")
        assert clients.count_clients(uow()) == 1
    finally:
        uow.home.dispose()  # type: ignore[attr-defined]
    assert SeatSettings().server_url == CLOSED  # the next start tries the server again


# -- with a server -----------------------------------------------------------------------------------


def answer_with(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, fill: Callable[[ConnectDialog], None]) -> None:
    """ConnectDialog.ask as a user would answer it, without a modal loop."""

    def ask(cls, parent, operations, **options):  # type: ignore[no-untyped-def]
        dialog = cls(operations, parent, current=options.get("current"), can_move=options.get("can_move", True))
        dialog.manager_name = options.get("manager_name")
        qtbot.addWidget(dialog)
        fill(dialog)
        qtbot.waitUntil(lambda: dialog.choice is not None or dialog.status.property("kind") == "error", timeout=30_000)
        return dialog.choice

    monkeypatch.setattr(ConnectDialog, "ask", classmethod(ask))


@pytest.mark.postgres_only
def test_connecting_switches_the_window_and_remembers_the_base_without_its_password(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    settings: Settings,
) -> None:
    url = test_server.server().migrated()
    server_base = open_database(url)
    clients.create_client(UnitOfWork(server_base), ClientFields(name="Клиент на сервере"))
    server_base.dispose()
    address = address_of(url)

    def fill(dialog: ConnectDialog) -> None:
        dialog.fill(url)
        dialog.ssl.setCurrentIndex(dialog.ssl.findData("prefer"))
        dialog.password.setText("Пароль-9")  # trust auth takes any
        dialog.open_base()

    answer_with(monkeypatch, qtbot, fill)
    window.connect_actions.connect_to_server()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and not window.model.loading, timeout=10_000)
    actions = window.connect_actions  # type: ignore[attr-defined]
    assert actions.base.on_server and actions.local_action.isVisible()
    assert actions.server_label.text() == f"Server: {address.host}/{address.database}"
    stored = Path(settings.q.fileName()).read_text(encoding="utf-8")
    assert "Пароль" not in stored and "%D0%9F" not in stored
    chosen = connecting.ServerAddress(address.host, address.port, address.database, address.user, {"sslmode": "prefer"})
    assert SeatSettings(Path(settings.q.fileName())).server_url == make_server_url(chosen)
    assert memory_keyring.passwords == {("SalesDesk", address.key): "Пароль-9"}
    assert window.other_seats.following  # the server's other seats are heard from now on
    # and back to this computer's base
    actions.back_to_local()
    qtbot.waitUntil(lambda: not actions.base.on_server, timeout=10_000)
    assert SeatSettings(Path(settings.q.fileName())).server_url is None
    assert not actions.local_action.isVisible()
    assert not window.other_seats.following  # a base of one seat has nobody to hear
    test_server.server().drop(url)


@pytest.mark.postgres_only
def test_moving_this_computers_base_up_from_the_window(
    qtbot: QtBot,
    window: MainWindow,
    local: Database,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    settings: Settings,
) -> None:
    demo.load_demo(UnitOfWork(local), 40, seed=3)
    before = clients.count_clients(UnitOfWork(local))
    url = test_server.server().empty()
    address = address_of(url)
    monkeypatch.setattr(
        ConnectDialog,
        "ask",
        classmethod(lambda cls, *a, **k: ConnectChoice(MOVE, address, "", True)),
    )
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    shown: list[str] = []
    monkeypatch.setattr(Inform, "error", classmethod(lambda cls, parent, title, text: shown.append(text)))
    window.connect_actions.connect_to_server()  # type: ignore[attr-defined]
    actions = window.connect_actions  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: actions.base.on_server, timeout=60_000)
    assert shown == []
    qtbot.waitUntil(lambda: window.model.base_total == before, timeout=10_000)
    assert SeatSettings(Path(settings.q.fileName())).server_url == url
    assert "every table matches" in window.notice.label.text()
    assert clients.count_clients(UnitOfWork(local)) == before  # this computer's base kept as it was
    test_server.server().drop(url)


def test_a_manager_who_may_not_export_all_is_told_the_base_cannot_be_moved(
    qtbot: QtBot, window: MainWindow, local: Database, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    """The move copies the whole base out: the same right as exporting all of it (refused before
    the server is asked anything, so no server is needed here)."""
    anna = reference.ensure_manager(UnitOfWork(local), "Анна Смирнова").id
    boris = reference.ensure_manager(UnitOfWork(local), "Борис Козлов").id
    permissions.set_role(UnitOfWork(local), anna, Role.HEAD)
    settings.current_manager_id = boris
    monkeypatch.setattr(
        ConnectDialog,
        "ask",
        classmethod(lambda cls, *a, **k: ConnectChoice(MOVE, address_of(CLOSED), "", False)),
    )
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    shown: list[str] = []
    monkeypatch.setattr(Inform, "error", classmethod(lambda cls, parent, title, text: shown.append(text)))
    window.connect_actions.connect_to_server()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "Анна Смирнова" in shown[0] and "export" in shown[0]
    assert not window.connect_actions.base.on_server  # type: ignore[attr-defined]
    assert SeatSettings(Path(settings.q.fileName())).server_url is None


def test_choices_are_plain_values() -> None:
    choice = ConnectChoice(CONNECT, address_of(CLOSED), "", False)
    assert choice.opened is None and choice.address.key == "anna@127.0.0.1:1/office"
