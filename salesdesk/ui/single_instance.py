"""One window per base and user: a second start on the same base hands its file to the running
window, which comes to the front, and ends at once (issue 13).

The running window listens on a local socket (``QLocalServer``; a Unix socket in the temporary
folder, a named pipe on Windows) named by ``desktop.instance_key`` — a hash of the base's resolved
path or URL and the user. A start first tries to connect to it: answered, it sends one line of JSON
(``{"file": "/abs/path.xlsx"}`` or ``{"file": null}``) and exits with status 0. Unanswered, it is
the first: a socket file left by a crashed start is removed (``QLocalServer.removeServer``) and
it listens itself. Another base (File → Open base…) has another key, so another window.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

CONNECT_MS = 1000  # a running window's socket answers at once: the kernel accepts for it
ANSWER_MS = 3000  # its "ok" comes when its event loop runs; the start ends after this either way
MAX_MESSAGE = 64 * 1024
RETRY_MS = 300  # a file waits while a dialog is open (the wizard would stack on it)


class Window(Protocol):
    """What the hand-over needs of the main window."""

    def import_file(self, path: Path | None) -> None: ...


def hand_over(key: str, file: Path | None) -> bool:
    """Give *file* (or just the wish to be seen) to a window already open under *key*; False when
    none answers (this start is the first)."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps({"file": None if file is None else str(file)}).encode() + b"\n")
    socket.waitForBytesWritten(CONNECT_MS)
    socket.waitForReadyRead(ANSWER_MS)  # the window's "ok"; connected was enough to know it is there
    socket.disconnectFromServer()
    return True


def _answers(key: str) -> bool:
    """Someone listens under *key* (a live window, not a socket file a crash left behind)."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    alive = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return alive


class InstanceServer(QObject):
    """The first start's side: listens under the key, and brings each arrival to the window — the
    window to the front, a file into the import wizard once no dialog is open over the window."""

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        self.server.newConnection.connect(self._on_new_connection)
        self.window: QWidget | None = None
        self.pending: list[Path] = []
        self.taken = False  # another start on the same base listens already (see listen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self._deliver)

    def listen(self) -> bool:
        """Listen under the key; a socket left by a crashed start (nobody answered on it) is
        removed first. False when another start listens already (``taken``: hand over to it) or the
        system refuses (the window still opens, on its own)."""
        # Qt on Unix replaces an existing socket file when it listens, a live one too: ask first
        if _answers(self.key):  # not stale: another start got there first a moment ago
            self.taken = True
            return False
        if self.server.listen(self.key):
            return True
        QLocalServer.removeServer(self.key)
        if self.server.listen(self.key):
            log.info("a stale single-instance socket was replaced")
            return True
        log.warning("single instance: cannot listen: %s", self.server.errorString())
        return False

    def close(self) -> None:
        self.server.close()

    def receive(self, file: Path | None) -> None:
        """A file to import (the first start's own or a second start's) and/or a wish to be seen."""
        if file is not None:
            self.pending.append(file)
        if self.window is not None:
            self._bring_to_front()
            self._deliver()

    def attach(self, window: QWidget) -> None:
        """The window is up: what arrived while the base was opening is delivered now."""
        self.window = window
        QTimer.singleShot(0, self._deliver)

    # ------------------------------------------------------------------------------------------

    def _on_new_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket, buffer)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer.extend(bytes(socket.readAll().data()))
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE:
                socket.abort()
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        buffer.clear()
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        try:
            message = json.loads(line.decode("utf-8"))
            file = message.get("file") if isinstance(message, dict) else None
        except (UnicodeDecodeError, ValueError):
            log.warning("single instance: an unreadable message was ignored")
            return
        log.info("a second start on this base handed over %s", "a file to import" if file else "no file")
        self.receive(Path(file) if isinstance(file, str) and file else None)

    def _bring_to_front(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.setWindowState(
                (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
            )
        window.show()
        window.raise_()
        window.activateWindow()
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            modal.raise_()
            modal.activateWindow()

    def _deliver(self) -> None:
        window = self.window
        if window is None or not self.pending:
            return
        if QApplication.activeModalWidget() is not None:  # a question or a wizard is open: after it
            self._timer.start()
            return
        first_run = getattr(window, "welcome", None)  # ui/welcome.py: the demo base may be open
        if first_run is not None and first_run.base is not None and first_run.base.in_demo:
            first_run.back_home()  # a file handed to this base goes into it, never into the demo base
            if first_run.base.in_demo:  # the user stayed (a changed card kept): try again shortly
                self._timer.start()
                return
        file = self.pending.pop(0)
        log.info("the import wizard opens on a file handed over at start")
        if self.pending:
            self._timer.start()
        window.import_file(file)  # type: ignore[attr-defined]  # MainWindow
