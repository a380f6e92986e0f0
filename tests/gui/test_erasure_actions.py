"""The window's erasure actions (issue 12): "Empty the trash…" in the trash view, "Erase this
client…" in the Client menu, and "Export everything about this person…" / "Erase this person…"
on the card's contact persons. The confirmation dialog is replaced (``EraseDialog.ask``) and
checked for what it tells the user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from salesdesk.domain.errors import NotFoundError
from salesdesk.domain.model import ClientKind, ContactFields
from salesdesk.services import backups, clients, contacts, erasure
from salesdesk.settings import SeatSettings
from salesdesk.store import UnitOfWork, server_backup
from salesdesk.ui.erasure_actions import EraseChoice, EraseDialog, PersonFile
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from tests.gui.conftest import shown_names


class Asked:
    """Stands in for the confirmation: records what it was shown (and how many backup copies it
    offered to erase from), answers as told."""

    def __init__(self, answer: str | None, from_backups: bool = False) -> None:
        self.answer = answer
        self.from_backups = from_backups
        self.shown: list[tuple[str, str, bool]] = []
        self.offered: list[int] = []
        self.dumps: list[bool] = []

    def __call__(
        self,
        _cls: object,
        _parent: object,
        title: str,
        summary: str,
        *,
        grounds: bool = True,
        backups: int = 0,
        dumps: bool = False,
    ) -> EraseChoice | None:
        self.shown.append((title, summary, grounds))
        self.offered.append(backups)
        self.dumps.append(dumps)
        return None if self.answer is None else EraseChoice(self.answer, self.from_backups)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Asked]:
    def make(answer: str | None, from_backups: bool = False) -> Asked:
        stand_in = Asked(answer, from_backups)
        monkeypatch.setattr(EraseDialog, "ask", classmethod(stand_in))
        return stand_in

    return make


def _open(qtbot: QtBot, window: MainWindow, ident: int, name: str) -> None:
    window.table.setCurrentIndex(window.model.index(shown_names(window).index(name), 0))
    qtbot.waitUntil(lambda: window.card.client_id == ident, timeout=5000)


def _select_contact(window: MainWindow, row: int = 0) -> None:
    view = window.card.contacts.view
    view.selectionModel().select(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_empty_the_trash_from_the_trash_view(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    asked: Callable[..., Asked],
) -> None:
    add_client("ООО «Ромашка»")
    gone = add_client("ООО «Василёк»")
    clients.trash_client(uow(), gone)
    window = make_window()
    assert not window.erasure.empty_trash_button.isVisible()
    window.trash_view_action.trigger()
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Василёк»"], timeout=5000)
    assert window.erasure.empty_trash_button.isVisible()

    answer = asked(None)  # Cancel: nothing goes
    window.erasure.empty_trash_button.click()
    [(title, summary, grounds)] = answer.shown
    assert title == "Empty the trash" and "1 client" in summary and not grounds
    assert erasure.trash_contents(uow())["client"] == 1

    asked("trash")
    window.erasure.empty_trash_button.click()
    qtbot.waitUntil(lambda: shown_names(window) == [], timeout=10_000)
    qtbot.waitUntil(lambda: "erased for good" in window.notice.label.text(), timeout=5000)
    with pytest.raises(NotFoundError):
        clients.get_client(uow(), gone)
    assert [r.entity for r in erasure.erasure_records(uow())] == ["trash"]


def test_erase_this_client_for_a_private_person(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    asked: Callable[..., Asked],
) -> None:
    add_client("ООО «Ромашка»")
    person = add_client("Куприянов Ерофей", kind=ClientKind.PERSON)
    window = make_window()
    _open(qtbot, window, person, "Куприянов Ерофей")
    answer = asked("consent_withdrawn")
    window.erasure.erase_client_action.trigger()
    [(title, summary, grounds)] = answer.shown
    assert title == "Erase this client" and "Куприянов Ерофей" in summary and grounds
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ромашка»"], timeout=10_000)
    qtbot.waitUntil(lambda: window.card.client_id is None, timeout=5000)  # the erased card is not left on screen
    [record] = erasure.erasure_records(uow())
    assert (record.entity, record.entity_id, record.ground) == ("client", person, "consent_withdrawn")


def test_erase_this_client_refuses_a_company_where_the_user_works(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    asked: Callable[..., Asked],
) -> None:
    company = add_client("ООО «Ромашка»")
    window = make_window()
    _open(qtbot, window, company, "ООО «Ромашка»")
    answer = asked("request")
    window.erasure.erase_client_action.trigger()
    assert answer.shown == []  # refused before asking
    assert window.notice.isVisible() and "is a company, not a person" in window.notice.label.text()
    assert shown_names(window) == ["ООО «Ромашка»"]


def test_the_contact_persons_menu_exports_and_erases_a_person(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    asked: Callable[..., Asked],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    company = add_client("ООО «Ромашка»")
    agata = contacts.add_contact(
        uow(), company, ContactFields(full_name="Смородинова Агата", phones=("+7 915 482-19-73",))
    ).id
    window = make_window()
    _open(qtbot, window, company, "ООО «Ромашка»")
    view = window.card.contacts.view
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    export_action, erase_action = view.actions()[-2:]
    assert (export_action.text(), erase_action.text()) == (
        "E&xport everything about this person…",
        "E&rase this person…",
    )
    assert not erase_action.isEnabled()  # nothing chosen yet
    _select_contact(window)
    assert export_action.isEnabled() and erase_action.isEnabled()

    target = tmp_path / "агата.xlsx"
    monkeypatch.setattr(PersonFile, "ask", classmethod(lambda _cls, _parent, name: target))
    export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: not window.operations.slow_running, timeout=10_000)
    book = openpyxl.load_workbook(target)
    assert "Смородинова Агата" in [row[1] for row in book["Person"].iter_rows(values_only=True)]

    answer = asked("request")
    erase_action.trigger()
    assert "Смородинова Агата" in answer.shown[0][1]
    qtbot.waitUntil(lambda: window.card.contacts.model.rowCount() == 0, timeout=10_000)
    with pytest.raises(NotFoundError), uow().reading() as unit:
        unit.contacts.get(agata)
    assert erasure.erasure_records(uow())[0].entity == "contact"


def test_the_confirmation_names_what_goes_the_grounds_and_the_backups(qtbot: QtBot) -> None:
    dialog = EraseDialog(None, "Erase this person", "контактное лицо №5 «Смородинова Агата»", grounds=True)
    qtbot.addWidget(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Смородинова Агата" in labels and "Backups of the base taken before" in labels
    assert dialog.ground.count() == len(erasure.GROUNDS) and dialog.ground.currentData() == "request"
    assert dialog.erase_button.text() == "Erase for good"


def test_the_confirmation_offers_to_erase_from_the_backups_when_there_are_copies(qtbot: QtBot) -> None:
    dialog = EraseDialog(None, "Erase this person", "контактное лицо №5 «Смородинова Агата»", grounds=True, backups=3)
    qtbot.addWidget(dialog)
    assert dialog.from_backups.isVisibleTo(dialog) and not dialog.from_backups.isChecked()  # off unless asked
    assert dialog.from_backups.text() == "Also erase from the backups (3 copies)"
    assert dialog.choice() == EraseChoice("request", False)
    dialog.from_backups.setChecked(True)
    assert dialog.choice() == EraseChoice("request", True)
    none = EraseDialog(None, "Erase this person", "…", grounds=True, backups=0)
    qtbot.addWidget(none)
    none.from_backups.setChecked(True)
    assert not dialog.dumps_note.isVisibleTo(dialog) and not none.dumps_note.isVisibleTo(none)
    assert not none.from_backups.isVisibleTo(none) and none.choice().from_backups is False


def test_the_confirmation_on_a_server_base_says_its_copies_will_be_deleted_after_a_new_one(qtbot: QtBot) -> None:
    dialog = EraseDialog(None, "Erase this person", "…", grounds=True, backups=2, dumps=True)
    qtbot.addWidget(dialog)
    assert dialog.from_backups.isVisibleTo(dialog)
    assert dialog.from_backups.text() == "Also erase from the backups: 2 copies on this computer will be deleted"
    assert dialog.dumps_note.isVisibleTo(dialog)
    assert dialog.dumps_note.text() == "A copy cannot be rewritten without the person; a new copy is taken first."
    dialog.from_backups.setChecked(True)
    assert dialog.choice() == EraseChoice("request", True)


@pytest.mark.postgres_only  # a server base's copies are pg_dump archives
@pytest.mark.skipif(server_backup.find_tool("pg_dump", 0) is None, reason="no pg_dump here")
def test_erase_this_person_also_from_the_backups_of_a_server_base_replaces_its_dumps(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    asked: Callable[..., Asked],
    settings: Settings,
) -> None:
    company = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), company, ContactFields(full_name="Смородинова Агата", phones=("+7 915 482-19-73",)))
    seat = SeatSettings(Path(settings.q.fileName()))
    copy = backups.take_backup(uow(), settings=seat).path
    window = make_window()
    _open(qtbot, window, company, "ООО «Ромашка»")
    _select_contact(window)
    answer = asked("request", from_backups=True)
    window.card.contacts.view.actions()[-1].trigger()
    assert answer.offered == [1] and answer.dumps == [True]  # offered, as copies to be deleted
    qtbot.waitUntil(lambda: "were deleted: 1 copy." in window.card.notice.label.text(), timeout=20_000)
    assert "A new copy, without this data, was taken first" in window.card.notice.label.text()
    assert not copy.exists()
    assert len(backups.list_backups(uow(), settings=seat, verify=False)) == 1
    assert [r.entity for r in erasure.erasure_records(uow())] == ["backups", "contact"]


@pytest.mark.sqlite_only  # rewrites the copies of the SQLite file (a server's dumps are not rewritten)
def test_erase_this_person_also_from_the_backups_rewrites_them_on_a_worker(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    asked: Callable[..., Asked],
    settings: Settings,
) -> None:
    company = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), company, ContactFields(full_name="Смородинова Агата", phones=("+7 915 482-19-73",)))
    seat = SeatSettings(Path(settings.q.fileName()))
    copy = backups.take_backup(uow(), settings=seat).path
    assert "Смородинова".encode() in copy.read_bytes()  # the control
    window = make_window()
    _open(qtbot, window, company, "ООО «Ромашка»")
    _select_contact(window)
    answer = asked("request", from_backups=True)
    window.card.contacts.view.actions()[-1].trigger()
    assert answer.offered == [1]
    qtbot.waitUntil(
        lambda: "Backups rewritten without this data: 1 copy." in window.card.notice.label.text(), timeout=10_000
    )
    assert "Смородинова".encode() not in copy.read_bytes()
    assert [r.entity for r in erasure.erasure_records(uow())] == ["backups", "contact"]


def test_the_automatic_emptying_is_set_in_settings_and_the_start_reads_it(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    from salesdesk.settings import SeatSettings
    from salesdesk.ui.settings import Settings
    from salesdesk.ui.settings_dialog import SettingsDialog

    path = tmp_path / "settings.ini"
    dialog = SettingsDialog(uow, Settings(path))
    qtbot.addWidget(dialog)
    assert dialog.trash_days.value() == 0 and dialog.trash_days.text() == "never"  # off by default
    dialog.trash_days.setValue(30)
    assert dialog.trash_days.text() == "30 day(s)"
    dialog.accept()
    assert SeatSettings(path).trash_days == 30  # what gui.tidy_at_start reads
    dialog = SettingsDialog(uow, Settings(path))
    qtbot.addWidget(dialog)
    dialog.trash_days.setValue(0)
    dialog.accept()
    assert SeatSettings(path).trash_days is None
