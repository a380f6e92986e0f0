"""Issue 13, item 4: one window per base and user. A second start on the same base hands its file to
the running window and ends at once with status 0; a socket left by a crashed start does not keep a
new one from starting; another base is another window (File → Open base… starts it)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from salesdesk.desktop import instance_key
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.single_instance import RETRY_MS, InstanceServer

UNIX = sys.platform.startswith("linux")


def _socket_path(key: str) -> Path:
    return Path(QDir.tempPath()) / key  # where QLocalServer puts a plain name on Unix


def _listening(key: str) -> bool:
    """Whether something accepts connections on the key's Unix socket (without Qt's help)."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(str(_socket_path(key)))
        return True
    except OSError:
        return False
    finally:
        probe.close()


def _env(lang: str = "en") -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", SALESDESK_LANG="", LANGUAGE="", LC_ALL="", LANG="C.UTF-8")
    env.pop("SALESDESK_DB", None)
    return env


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes a test starts; any left running at its end are killed."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


@pytest.fixture
def base(db_path: Path, database: object) -> Path:
    """A real base on disk (the ``database`` fixture made it)."""
    return db_path


def test_a_second_start_hands_its_file_to_the_running_window_and_exits_0(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    base: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    started: list[subprocess.Popen[str]],
) -> None:
    window = make_window()
    opened: list[Path | None] = []
    monkeypatch.setattr(window, "import_file", opened.append)
    server = InstanceServer(instance_key(str(base)))
    assert server.listen()
    server.attach(window)
    elsewhere = tmp_path / "папка"
    elsewhere.mkdir()
    sheet = elsewhere / "клиенты.csv"
    sheet.write_text("name\nООО «Ромашка»\n", encoding="utf-8")
    # the second start: another process, its own folder, the file named relatively
    second = subprocess.Popen(
        [sys.executable, "-m", "salesdesk", "--lang", "en", "--db", str(base), "клиенты.csv"],
        cwd=elsewhere,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started.append(second)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    out, err = second.communicate(timeout=10)
    assert second.returncode == 0, err[-2000:]
    assert "already open on this base" in out
    qtbot.waitUntil(lambda: opened == [sheet], timeout=10_000)  # the running window's import wizard
    server.close()


def test_a_start_on_another_base_is_not_handed_over(
    qtbot: QtBot, make_window: Callable[[], MainWindow], base: Path, tmp_path: Path
) -> None:
    assert instance_key(str(base)) != instance_key(str(tmp_path / "другая.sqlite"))
    assert instance_key(str(base)) == instance_key(str(base.parent / "." / base.name))
    assert instance_key(str(base)) == instance_key(f"sqlite:///{base}")
    assert instance_key(str(base), "anna") != instance_key(str(base), "boris")  # and another user


def test_two_seats_of_a_server_base_on_one_computer_each_get_a_window(tmp_path: Path) -> None:
    """Two data folders are two seats (issue 14's "done when"): the second seat of a shared server
    base is not handed over to the first seat's window; a second start of the same seat still is."""
    url = "postgresql+psycopg://anna@db.office.local/salesdesk"
    seat_a, seat_b = tmp_path / "seat-a", tmp_path / "seat-b"
    assert instance_key(url, "anna", seat_a) != instance_key(url, "anna", seat_b)
    assert instance_key(url, "anna", seat_a) == instance_key(url, "anna", seat_a / ".." / "seat-a")


@pytest.mark.skipif(not UNIX, reason="Unix sockets: a named pipe on Windows leaves nothing behind")
def test_two_real_starts_on_one_base_and_a_stale_socket(
    qtbot: QtBot, base: Path, tmp_path: Path, started: list[subprocess.Popen[str]]
) -> None:
    key = instance_key(str(base))
    # a first start that crashed (killed, power cut) left its socket behind: nobody listens on it
    QDir().mkpath(QDir.tempPath())
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(_socket_path(key)))
    stale.close()
    assert _socket_path(key).exists() and not _listening(key)
    first = subprocess.Popen(
        [sys.executable, "-m", "salesdesk", "--db", str(base)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started.append(first)
    qtbot.waitUntil(lambda: _listening(key) or first.poll() is not None, timeout=60_000)
    assert first.poll() is None, first.communicate(timeout=10)[1][-2000:]
    sheet = tmp_path / "клиенты.csv"
    sheet.write_text("name\nООО «Ромашка»\n", encoding="utf-8")
    second = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--lang", "ru", "--db", str(base), str(sheet)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert second.returncode == 0, second.stderr[-2000:]
    assert "SalesDesk уже открыт на этой базе" in second.stdout
    assert first.poll() is None  # the first window is still there
    log = Path(os.environ["SALESDESK_DATA_DIR"]) / "logs" / "salesdesk.log"
    qtbot.waitUntil(
        lambda: log.is_file() and "handed over a file to import" in log.read_text(encoding="utf-8"), timeout=10_000
    )
    text = log.read_text(encoding="utf-8")
    assert str(sheet) not in text and "клиенты" not in text  # the log names no file of the user's
    first.kill()  # like a crash: the socket file stays behind; the next test's start replaces it
    first.communicate(timeout=30)
    QLocalServer.removeServer(key)  # tidy the temporary folder


def test_a_start_with_a_missing_file_says_so_and_exits_2(base: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--lang", "ru", "--db", str(base), str(tmp_path / "нет.xlsx")],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Нет такого файла для загрузки" in done.stderr and "Traceback" not in done.stderr


def test_open_base_starts_salesdesk_on_the_chosen_base(
    make_window: Callable[[], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    other = tmp_path / "филиал.sqlite"
    launched: list[list[str]] = []
    window.desktop.launch = lambda command: launched.append(list(command))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.open_base_action.trigger()
    assert launched == [[sys.executable, "-m", "salesdesk", "--db", str(other)]]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the packaged program starts itself
    window.open_base_action.trigger()
    assert launched[-1] == [sys.executable, "--db", str(other)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))  # cancelled
    window.open_base_action.trigger()
    assert len(launched) == 2
    assert window.open_base_action in window.menuBar().actions()[0].menu().actions()


def test_a_handed_file_waits_for_an_open_question_and_a_minimized_window_comes_back(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    opened: list[Path | None] = []
    monkeypatch.setattr(window, "import_file", opened.append)
    server = InstanceServer("")  # not listening: the delivery alone
    server.attach(window)
    question = QDialog(window)
    question.setModal(True)
    question.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is question)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    sheet = tmp_path / "клиенты.xlsx"
    server.receive(sheet)
    assert not window.isMinimized()  # the window is back from the task bar
    for _ in range(2):  # the delivery looks again while the question is open: the wizard waits
        with qtbot.waitSignal(server._timer.timeout, timeout=5 * RETRY_MS):
            pass
        assert opened == []
    question.accept()
    qtbot.waitUntil(lambda: opened == [sheet])
    server.receive(None)  # a start without a file only brings the window forward
    assert opened == [sheet]


def test_a_start_that_loses_the_race_does_not_take_the_live_socket_over(qtbot: QtBot) -> None:
    """Two starts at once both find nobody; the first listens. The second must see that the socket
    is alive (not a crash's leftover) and hand over, instead of removing it and opening a window."""
    from salesdesk.ui.single_instance import InstanceServer, hand_over

    key = f"salesdesk-test-race-{os.getpid()}"
    first = InstanceServer(key)
    assert first.listen()
    second = InstanceServer(key)
    try:
        assert not second.listen() and second.taken
        assert first.server.isListening()
        assert hand_over(key, None)  # the first still answers
    finally:
        second.close()
        first.close()
