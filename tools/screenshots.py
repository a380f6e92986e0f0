"""Screenshots of the real SalesDesk window on demo data, for the documentation and for review.

Usage (from the repository root)::

    python tools/screenshots.py [--lang ru|en|both] [--out docs/screenshots]

What it does:

* Without ``DISPLAY`` it starts its own ``Xvfb :NN -screen 0 1366x768x24`` (the small office
  screen issue 9 was tried on) on a free display
  number and stops it at the end. Without Xvfb it warns and falls back to
  ``QT_QPA_PLATFORM=offscreen`` (the pictures are the same widgets, rendered in memory).
* Everything runs in a temporary data folder (``SALESDESK_DATA_DIR`` is set before ``salesdesk``
  is imported), with a fresh demo base of 3,000 clients (seed 2026) and a second, empty base;
  the user's real data folder and settings are never opened. The folder is deleted at the end.
* It starts the real ``MainWindow`` the way the program does (``make_app``, ``Settings``,
  ``i18n.install``), waits for loading with Qt event loops (no sleeping), drives the window
  through its widgets and saves ``window.grab()`` pictures. A dialog is grabbed after ``show()``
  and drawn over the window picture, centred, as the user sees it.

Pictures, for each language ``<lang>`` (existing files are overwritten):

* ``main_<lang>.png`` -- the window at 1366x768, a legal entity with a full card selected, the
  reminders panel with the manager's own ("Mine") reminders, overdue first, and the start-up notice
  floating over the bottom of the list;
* ``who_<lang>.png`` -- the "Who are you?" question of a first start;
* ``long_name_<lang>.png`` -- a card whose very long name takes two lines, elided;
* ``import_<lang>.png`` -- the import preview, a row matched by INN under another name flagged;
* ``search_<lang>.png`` -- a Russian name prefix typed into the search box, the list filtered;
* ``card_error_<lang>.png`` -- the card with an INN whose check digit is wrong: the message under
  the field, Save disabled;
* ``contacts_<lang>.png`` -- the Contacts tab, and the contact dialog with a birth date and the age;
* ``hook_<lang>.png`` -- the "next contact" dialog over the card's reminders and the panel;
* ``empty_<lang>.png`` -- the window on an empty base;
* ``narrow_<lang>.png`` -- the window at 900x640;
* ``settings_<lang>.png`` -- the Settings dialog;
* ``deals_<lang>.png`` -- the Deals tab: every deal of the office with its filters and totals;
* ``reports_<lang>.png`` -- the Reports tab: sales by industry for the last quarter, chart and table;
* ``pipeline_<lang>.png`` -- the pipeline, with its choice of the date deals are counted by and the
  "Counted by" part of its parameters line;
* ``completeness_<lang>.png`` -- the report on how well each manager keeps the base;
* ``plan_fact_<lang>.png`` -- Plan and fact for the current month: the forecast and the sales
  cycle it used in the parameters line.

With a C/POSIX locale the process uses ``LANG=en_GB.UTF-8`` (Qt would otherwise format English
dates as "29 11 2026"); Russian formats come from ``i18n.install`` either way.
The Russian interface needs ``salesdesk/resources/i18n/salesdesk_ru.qm``; without it the Russian
run shows English strings (the data and the core's messages are still Russian) and says so.
Each picture is quantised to 256 colours with imagemagick's ``convert`` when it is installed
(under ~100 KB each), so the README's pictures keep the repository light.
Exit status: 0 when every picture was saved, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from salesdesk.store import Database
    from salesdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots"
SCREEN = "1366x768x24"
MAIN_SIZE = (1366, 768)
NARROW_SIZE = (900, 640)
DEMO_CLIENTS = 3000
DEMO_SEED = 2026
LONG_NAME = (
    "Общество с ограниченной ответственностью «Научно-производственное объединение "
    "„Северо-Западная строительно-монтажная и проектно-изыскательская компания по развитию "
    "транспортной инфраструктуры, жилищно-коммунального хозяйства и энергетики“»"
)
# Search prefixes to try, in order; the first that finds a handful of clients is typed.
SEARCH_PREFIXES = ("Строй", "Волг", "Смирн", "Агро", "Сиб", "Иван")
TIMEOUT_MS = 20_000
SETTLE_MS = 150


def say(text: str) -> None:
    print(f"screenshots: {text}", flush=True)


# Display ---------------------------------------------------------------------------------------


def _free_display(start: int = 99, stop: int = 300) -> Iterator[int]:
    for number in range(start, stop):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            yield number


class VirtualDisplay:
    """An Xvfb server of our own; ``-displayfd`` tells us when it accepts connections."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.name = ""
        self._pipe: int | None = None

    def start(self, executable: str) -> bool:
        for attempt, number in enumerate(_free_display()):
            if attempt >= 5:
                break
            read_end, write_end = os.pipe()
            try:
                command = [
                    executable,
                    f":{number}",
                    "-screen",
                    "0",
                    SCREEN,
                    "-nolisten",
                    "tcp",
                    "-displayfd",
                    str(write_end),
                ]
                process = subprocess.Popen(
                    command,
                    pass_fds=(write_end,),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            finally:
                os.close(write_end)
            answer = self._read_line(read_end)
            if answer and process.poll() is None:
                # The read end stays open while the server runs: Xvfb may still write to it, and a
                # write to a closed pipe would kill it with SIGPIPE.
                self.process, self.name, self._pipe = process, f":{answer}", read_end
                return True
            os.close(read_end)
            self._stop(process)  # the number was taken after all, or the server failed: try the next
        return False

    @staticmethod
    def _read_line(fd: int, timeout_s: float = 15) -> str:
        """The display number Xvfb writes (with a newline) once it accepts connections."""
        data = b""
        while not data.endswith(b"\n"):
            ready, _, _ = select.select([fd], [], [], timeout_s)
            chunk = os.read(fd, 32) if ready else b""
            if not chunk:
                break
            data += chunk
        return data.decode().strip()

    @staticmethod
    def _stop(process: subprocess.Popen[bytes]) -> None:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)

    def stop(self) -> None:
        if self.process is not None:
            self._stop(self.process)
            self.process = None
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None


@contextmanager
def display() -> Iterator[str]:
    """Make sure Qt has somewhere to draw; yields a description of where."""
    if os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        yield f"the existing display {os.environ['DISPLAY']}"
        return
    executable = shutil.which("Xvfb")
    server = VirtualDisplay()
    if executable is None or not server.start(executable):
        reason = "Xvfb is not installed" if executable is None else "Xvfb did not start"
        say(
            f"WARNING: {reason} (apt-get install xvfb); falling back to QT_QPA_PLATFORM=offscreen. "
            "The widgets are the same, but fonts and styles may differ slightly from a real X display."
        )
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        yield "offscreen rendering"
        return
    os.environ["DISPLAY"] = server.name
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    previous = signal.signal(signal.SIGTERM, lambda _signo, _frame: sys.exit(128 + signal.SIGTERM))
    try:
        yield f"Xvfb {server.name} ({SCREEN})"
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)


# Waiting without sleeping ----------------------------------------------------------------------


def pump(ms: int = SETTLE_MS) -> None:
    """Let Qt run for *ms* milliseconds: queued layouts, paints, worker answers."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], what: str, timeout_ms: int = TIMEOUT_MS) -> None:
    from PySide6.QtCore import QElapsedTimer

    clock = QElapsedTimer()
    clock.start()
    while not condition():
        if clock.hasExpired(timeout_ms):
            raise TimeoutError(f"timed out after {timeout_ms} ms waiting for {what}")
        pump(20)


def window_idle(window: MainWindow) -> bool:
    return (
        not window.model.loading
        and not window.runner.busy
        and not window.list_pane.search_timer.isActive()
        # the card checks for duplicates when its warning's timer (restarted on every edit) runs
        # out, on the runner (covered by runner.busy above)
        and not window.card.duplicates_label.timer.isActive()
    )


def type_text(widget: QWidget, text: str) -> None:
    """Type like a person, one key at a time; Cyrillic goes as Key_unknown with the text."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def press(widget: QWidget, key: Any) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


# Pictures --------------------------------------------------------------------------------------


def with_dialog(window: QWidget, dialog: QWidget) -> Any:
    """The window's picture with *dialog* drawn over it, centred, with a plain title strip."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPalette

    picture = window.grab().toImage()
    inner = dialog.grab()
    title_height = 26
    width, height = inner.width() + 2, inner.height() + title_height + 2
    left = max(0, (picture.width() - width) // 2)
    top = max(0, (picture.height() - height) // 2)
    frame = QRect(left, top, width, height)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for spread, alpha in ((8, 18), (5, 28), (2, 40)):
        painter.fillRect(frame.adjusted(-spread, -spread + 4, spread, spread + 4), QColor(0, 0, 0, alpha))
    palette = dialog.palette()
    painter.fillRect(frame, palette.color(QPalette.ColorRole.Window).darker(112))
    painter.setPen(QColor("#8a8a8a"))
    painter.drawRect(frame.adjusted(0, 0, -1, -1))
    font = QFont(dialog.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    painter.drawText(
        QRect(left + 10, top, width - 20, title_height),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        dialog.windowTitle(),
    )
    painter.drawPixmap(QPoint(left + 1, top + title_height + 1), inner)
    painter.end()
    return picture


@dataclass(frozen=True)
class Picks:
    """The demo clients the pictures show, chosen from the first page of the list."""

    main: int
    contacts: int
    contact_person: int
    search_text: str
    manager: int | None  # who "I" am in the pictures: the main client's manager
    long_name: int


def pick_clients(uow: Callable[[], Any]) -> Picks:
    from salesdesk.domain.model import ClientKind
    from salesdesk.domain.queries import ClientQuery
    from salesdesk.services import cards, clients

    rows = clients.list_clients(uow(), ClientQuery(), offset=0, limit=200).rows
    scored: list[tuple[tuple[int, ...], int, Any]] = []
    for index, row in enumerate(rows):
        card = cards.load_card(uow(), row.id)
        people = card.contacts
        with_birthday = [p for p in people if p.birth_date and p.position]
        score = (
            int(row.kind == ClientKind.LEGAL),
            int(row.completeness == 100),
            int(2 <= len(people) <= 3),
            int(bool(with_birthday)),
            int(bool(card.deals)),
            int(bool(card.interactions)),
            int(any(not r.done for r in card.reminders)),
            -index,
        )
        scored.append((score, row.id, card))
    if not scored:
        raise RuntimeError("the demo base is empty")
    scored.sort(key=lambda item: item[0], reverse=True)
    main_id = scored[0][1]
    contact_client = next(
        (
            (ident, card)
            for score, ident, card in scored
            if 2 <= len(card.contacts) <= 3 and any(p.birth_date for p in card.contacts)
        ),
        (scored[0][1], scored[0][2]),
    )
    person = next((p for p in contact_client[1].contacts if p.birth_date), None) or contact_client[1].contacts[0]
    text = SEARCH_PREFIXES[0]
    for prefix in SEARCH_PREFIXES:
        if 3 <= clients.count_clients(uow(), ClientQuery(text=prefix)) <= 60:
            text = prefix
            break
    from salesdesk.domain.model import ClientFields

    long_name = clients.create_client(uow(), ClientFields(name=LONG_NAME, inn="7802312751", city="Санкт-Петербург")).id
    return Picks(main_id, contact_client[0], person.id, text, scored[0][2].client.owner_id, long_name)


def shrink(path: Path) -> None:
    """Keep the repository light: a window picture in 256 colours, without metadata, is a third of
    the size and looks the same (flat colours, no photographs). Needs imagemagick's ``convert``."""
    convert = shutil.which("convert")
    if convert is None:
        return
    subprocess.run(
        [convert, str(path), "-strip", "-dither", "None", "-colors", "256", f"PNG8:{path}"],
        check=False,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


# The session -----------------------------------------------------------------------------------


class Shooter:
    """One language: opens windows on the bases, drives them, saves the pictures."""

    def __init__(
        self,
        app: QApplication,
        lang: str,
        demo_db: Database,
        empty_db: Database,
        picks: Picks,
        out: Path,
        scratch: Path,
    ) -> None:
        self.app = app
        self.lang = lang
        self.demo_db = demo_db
        self.empty_db = empty_db
        self.picks = picks
        self.out = out
        self.scratch = scratch
        self.saved: list[Path] = []
        self.failed: list[str] = []

    def save(self, name: str, image: Any) -> None:
        path = self.out / f"{name}_{self.lang}.png"
        if not image.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        shrink(path)
        self.saved.append(path)
        say(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({image.width()}x{image.height()})")

    def open_window(self, db: Database, tag: str, size: tuple[int, int] = MAIN_SIZE) -> MainWindow:
        from salesdesk.store import UnitOfWork
        from salesdesk.ui.main_window import MainWindow
        from salesdesk.ui.settings import Settings

        settings = Settings(self.scratch / f"settings-{self.lang}-{tag}.ini")
        settings.language = self.lang
        # "I" am the main client's manager in the demo base; nobody is chosen yet in the empty one
        settings.current_manager_id = self.picks.manager if db is self.demo_db else None
        settings.asked_who = True  # the question has a picture of its own
        window = MainWindow(lambda: UnitOfWork(db), settings)
        window.resize(*size)
        window.show()
        window.start()
        if self.app.platformName() != "offscreen":  # an active window paints its selection in colour
            window.activateWindow()
            window.raise_()
        wait_until(lambda: window_idle(window) and window.reminders.agenda is not None, "the first page")
        pump()
        return window

    def close_window(self, window: MainWindow) -> None:
        window.card._set_dirty(False)  # no "save the changes?" question
        window.runner.wait(10_000)
        window.close()
        window.deleteLater()
        pump(50)

    def select(self, window: MainWindow, client_id: int) -> None:
        row = window.model.row_of(client_id)
        if row is not None:
            window.table.setFocus()
            window.table.setCurrentIndex(window.model.index(row, 0))
        else:
            window.open_client(client_id)
        wait_until(lambda: window.card.client_id == client_id and window_idle(window), f"client {client_id}")
        pump()

    def shot(self, name: str, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # one broken picture should not stop the others
            self.failed.append(f"{name}_{self.lang}: {exc}")
            say(f"FAILED {name}_{self.lang}: {exc!r}")

    # The pictures ----------------------------------------------------------------------------

    def run(self) -> None:
        window = self.open_window(self.demo_db, "demo")
        try:
            self.shot("main", lambda: self.main(window))
            self.shot("who", lambda: self.who(window))
            self.shot("long_name", lambda: self.long_name(window))
            self.shot("import", lambda: self.import_preview(window))
            self.shot("import_refused", lambda: self.import_refused(window))
            self.shot("search", lambda: self.search(window))
            self.shot("card_error", lambda: self.card_error(window))
            self.shot("contacts", lambda: self.contacts(window))
            self.shot("hook", lambda: self.hook(window))
            self.shot("settings", lambda: self.settings(window))
            self.shot("deals", lambda: self.deals(window))
            self.shot("reports", lambda: self.reports(window))
            self.shot("pipeline", lambda: self.pipeline(window))
            self.shot("completeness", lambda: self.completeness(window))
            self.shot("plan_fact", lambda: self.plan_fact(window))
            self.shot("narrow", lambda: self.narrow(window))
        finally:
            self.close_window(window)
        self.shot("empty", self.empty)

    def main(self, window: MainWindow) -> None:
        self.select(window, self.picks.main)
        window.card.tabs.setCurrentIndex(0)
        self._select_first_overdue(window)
        window.table.setFocus()
        pump()
        self.save("main", window.grab().toImage())
        window.notice.hide()  # shown once is enough: the other pictures show what is under it
        pump(50)

    def who(self, window: MainWindow) -> None:
        from salesdesk.ui.who_dialog import WhoAreYouDialog

        dialog = WhoAreYouDialog(window.uow, window)
        dialog.show()
        pump()
        self.save("who", with_dialog(window, dialog))
        dialog.reject()
        dialog.deleteLater()
        pump(50)

    def long_name(self, window: MainWindow) -> None:
        self.select(window, self.picks.long_name)
        window.card.tabs.setCurrentIndex(0)
        pump()
        self.save("long_name", window.grab().toImage())

    def import_preview(self, window: MainWindow) -> None:
        import openpyxl

        from salesdesk.ui.import_wizard import ImportWizard

        main = window.card  # the main client: a row of the file carries its INN under another name
        self.select(window, self.picks.main)
        inn = main.requisites.line("inn").text()
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["Наименование", "ИНН", "Телефон", "Город", "Контактное лицо"])
        sheet.append(["ПАО «Сбербанк»", inn, "+7 495 500-55-50", "Москва", "Кузнецова Ольга"])
        sheet.append(["ООО «Берёзка»", "7736207543", "8 (812) 123-45-67", "Санкт-Петербург", "Петров Иван"])
        sheet.append(["ИП Соколов Андрей Викторович", "", "+7 916 555-12-34", "Тверь", ""])
        sheet.append(["АО «Ошибка»", "7707083894", "", "Казань", ""])
        sheet.append(["ООО «Ромашка-Трейд»", "", "", "Самара", "Лаврентьева Александра"])
        for name, city in (
            ("ООО «Северный ветер»", "Архангельск"),
            ("АО «Уралкабель-Сервис»", "Екатеринбург"),
            ("ИП Михайлова Е.В.", "Калуга"),
            ("ООО «ТехноПарк-Юг»", "Краснодар"),
            ("ООО «Волжские мастерские»", "Самара"),
            ("ЗАО «Балтийский берег»", "Калининград"),
        ):
            sheet.append([name, "", "", city, ""])
        path = self.scratch / f"import-{self.lang}.xlsx"
        book.save(path)
        wizard = ImportWizard(window.uow, window.runner, window, path)
        wizard.show()
        wait_until(wizard.file_page.isComplete, "the file read")
        wizard.next()
        wizard.next()
        wizard.next()
        preview = wizard.preview_page
        wait_until(preview.isComplete, "the import preview")
        pump()
        self.save("import", with_dialog(window, wizard))
        wizard.reject()
        wizard.deleteLater()
        pump(50)

    def import_refused(self, window: MainWindow) -> None:
        """The wizard's first page with an .xls its reader cannot hold (files/isolated.py)."""
        from salesdesk.ui.import_wizard import ImportWizard
        from tests.integration.spreadsheets import xls_dimensions, xls_text, xls_workbook

        cells = [xls_dimensions(0, 0xFFFF_FFFF, 0, 1), xls_text(0, 0, 0), xls_text(1, 0, 1)]
        path = xls_workbook(self.scratch / f"Клиенты 2009-{self.lang}.xls", ["Наименование", "ООО «Ёлка»"], cells)
        wizard = ImportWizard(window.uow, window.runner, window)
        wizard.show()
        wizard.file_page.open(path)
        wait_until(lambda: path.name in wizard.file_page.status.text(), "the refusal")
        pump()
        self.save("import_refused", with_dialog(window, wizard))
        wizard.reject()
        wizard.deleteLater()
        pump(50)

    def search(self, window: MainWindow) -> None:
        text = self.picks.search_text
        type_text(window.search, text)
        wait_until(lambda: window.model.query.text == text and window_idle(window), "the search result")
        if window.model.rowCount():
            window.table.setCurrentIndex(window.model.index(0, 0))
            wait_until(
                lambda: window.card.client_id == window.model.client_id(0) and window_idle(window),
                "the first found client",
            )
        window.search.setFocus()
        window.search.end(False)
        pump()
        self.save("search", window.grab().toImage())
        window.search.clear()
        wait_until(lambda: window.model.query.text == "" and window_idle(window), "the full list again")

    def card_error(self, window: MainWindow) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLineEdit

        self.select(window, self.picks.main)
        card = window.card
        card.tabs.setCurrentIndex(0)
        inn = card.requisites.line("inn")
        assert isinstance(inn, QLineEdit)
        inn.setFocus()
        press(inn, Qt.Key.Key_End)
        last = inn.text()[-1:] or "0"
        press(inn, Qt.Key.Key_Backspace)
        type_text(inn, str((int(last) + 1) % 10) if last.isdigit() else "1")
        wait_until(lambda: card.requisites.messages["inn"].isVisible(), "the message under INN")
        wait_until(lambda: window_idle(window), "the duplicate check")
        pump()
        if card.save_button.isEnabled():
            say("NOTE: Save is still enabled with a wrong INN check digit")
        self.save("card_error", window.grab().toImage())
        card._on_revert_button_clicked()
        wait_until(lambda: not card.dirty and window_idle(window), "the card reverted")

    def contacts(self, window: MainWindow) -> None:
        from PySide6.QtCore import Qt

        from salesdesk.store import UnitOfWork
        from salesdesk.ui.dialogs import ContactDialog

        self.select(window, self.picks.contacts)
        card = window.card
        card.tabs.setCurrentIndex(1)
        shown = window.card._card  # the card as the editor holds it (contact persons included)
        person = next((p for p in shown.contacts if p.id == self.picks.contact_person), None) if shown else None
        if person is None:
            raise RuntimeError("the chosen contact person is not on the card")
        tab = card.contacts
        model = tab.model
        for row in range(model.rowCount()):
            if model.index(row, 0).data(Qt.ItemDataRole.UserRole) == person.id:
                tab.view.setCurrentIndex(model.index(row, 0))
        tab.view.setFocus()
        pump()
        db = self.demo_db
        dialog = ContactDialog(lambda: UnitOfWork(db), self.picks.contacts, person, window)
        dialog.show()
        wait_until(lambda: bool(dialog.age_label.text()), "the age in the contact dialog", 3000)
        pump()
        self.save("contacts", with_dialog(window, dialog))
        dialog.reject()
        dialog.deleteLater()
        pump(50)

    def hook(self, window: MainWindow) -> None:
        from salesdesk.ui.dialogs import HookDialog

        self.select(window, self.picks.main)
        window.card.tabs.setCurrentIndex(4)
        self._select_first_overdue(window)
        pump()
        dialog = HookDialog(window)
        dialog.show()
        pump()
        self.save("hook", with_dialog(window, dialog))
        dialog.reject()
        dialog.deleteLater()
        window.card.tabs.setCurrentIndex(0)
        pump(50)

    def settings(self, window: MainWindow) -> None:
        from salesdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(window.uow, window.settings, window)
        dialog.show()
        pump()
        self.save("settings", with_dialog(window, dialog))
        dialog.reject()
        dialog.deleteLater()
        pump(50)

    def deals(self, window: MainWindow) -> None:
        window.tabs.setCurrentIndex(1)
        panel = window.deals_panel
        wait_until(lambda: not panel.model.loading and panel.model.rowCount() > 0, "the deals list")
        pump()
        self.save("deals", window.grab().toImage())

    def _report(self, window: MainWindow, name: str, picture: str, preset: str | None = None) -> None:
        from salesdesk.ui.reports_panel import Preset

        window.open_report(name)
        panel = window.reports_panel
        assert panel is not None
        if preset is not None:
            panel.preset.setCurrentIndex(panel.preset.findData(Preset(preset)))
            panel.run()
        wait_until(
            lambda: not panel.busy and panel.report is not None and panel.report.name == name, f"the report {name}"
        )
        pump(300)
        self.save(picture, window.grab().toImage())

    def reports(self, window: MainWindow) -> None:
        self._report(window, "sales_by_industry", "reports", preset="last_quarter")

    def pipeline(self, window: MainWindow) -> None:
        window.open_report("pipeline")
        panel = window.reports_panel
        assert panel is not None
        wait_until(
            lambda: not panel.busy and panel.report is not None and panel.report.name == "pipeline", "the pipeline"
        )
        pump(300)
        self.save("pipeline", window.grab().toImage())

    def completeness(self, window: MainWindow) -> None:
        self._report(window, "completeness_by_manager", "completeness")
        window.tabs.setCurrentIndex(0)
        pump()

    def plan_fact(self, window: MainWindow) -> None:
        self._report(window, "plan_fact", "plan_fact", preset="this_month")
        window.tabs.setCurrentIndex(0)
        pump()

    def narrow(self, window: MainWindow) -> None:
        self.select(window, self.picks.main)
        window.card.tabs.setCurrentIndex(0)
        window.resize(*NARROW_SIZE)
        wait_until(lambda: (window.width(), window.height()) == NARROW_SIZE, "the narrow size", 5000)
        pump(300)
        self.save("narrow", window.grab().toImage())
        window.resize(*MAIN_SIZE)
        pump()

    def empty(self) -> None:
        window = self.open_window(self.empty_db, "empty")
        try:
            wait_until(lambda: window.table_stack.currentWidget() is window.empty, "the empty state", 5000)
            pump()
            self.save("empty", window.grab().toImage())
        finally:
            self.close_window(window)

    @staticmethod
    def _select_first_overdue(window: MainWindow) -> None:
        panel = window.reminders
        group = panel.model.item(0, 0)
        if group is not None and group.rowCount():
            panel.view.setCurrentIndex(group.child(0, 0).index())


# Start -----------------------------------------------------------------------------------------


def russian_ui_loaded() -> bool:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", "&File") != "&File"


def run(langs: list[str], out: Path) -> int:
    scratch = Path(tempfile.mkdtemp(prefix="salesdesk-screenshots-"))
    os.environ["SALESDESK_DATA_DIR"] = str(scratch / "data")
    os.environ.pop("SALESDESK_DB", None)
    sys.path.insert(0, str(ROOT))  # the working tree, not an installed copy
    databases: list[Database] = []
    try:
        from salesdesk import paths

        if not paths.data_dir().resolve().is_relative_to(scratch.resolve()):
            raise RuntimeError(f"refusing to run: the data folder is {paths.data_dir()}, not a temporary one")
        from salesdesk.services.demo import load_demo
        from salesdesk.store import UnitOfWork, open_database, resolve_url
        from salesdesk.ui import i18n
        from salesdesk.ui.application import make_app

        app = make_app([])
        demo_db = open_database(resolve_url(scratch / "demo.sqlite"))
        databases.append(demo_db)
        result = load_demo(UnitOfWork(demo_db), DEMO_CLIENTS, seed=DEMO_SEED)
        empty_db = open_database(resolve_url(scratch / "empty.sqlite"))
        databases.append(empty_db)
        say(f"demo base: {result.clients} clients in {scratch}")
        picks = pick_clients(lambda: UnitOfWork(demo_db))
        say(f"showing client {picks.main}, contacts of client {picks.contacts}, search {picks.search_text!r}")
        out.mkdir(parents=True, exist_ok=True)
        saved: list[Path] = []
        failed: list[str] = []
        for lang in langs:
            i18n.install(app, lang)
            if lang == "ru" and not russian_ui_loaded():
                qm = i18n.TRANSLATIONS / "salesdesk_ru.qm"
                say(
                    f"WARNING: {qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm} is "
                    f"{'missing' if not qm.exists() else 'not loaded'}: the Russian pictures show English "
                    "interface strings"
                )
            shooter = Shooter(app, lang, demo_db, empty_db, picks, out, scratch)
            shooter.run()
            saved += shooter.saved
            failed += shooter.failed
        say(f"{len(saved)} pictures saved in {out}")
        for line in failed:
            say(f"failed: {line}")
        return 1 if failed else 0
    finally:
        for database in databases:
            database.dispose()
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--lang", choices=("ru", "en", "both"), default="both", help="interface language(s) (default: %(default)s)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="folder for the PNG files (default: docs/screenshots)"
    )
    args = parser.parse_args(argv)
    langs = ["ru", "en"] if args.lang == "both" else [args.lang]
    if os.environ.get("LANG", "C").split(".")[0] in ("", "C", "POSIX") and not os.environ.get("LC_ALL"):
        # A C locale formats dates as "29 11 2026"; the pictures show what an office machine shows.
        os.environ["LANG"] = "en_GB.UTF-8"
    with display() as where:
        say(f"drawing on {where}")
        return run(langs, args.out.resolve())


if __name__ == "__main__":
    sys.exit(main())
