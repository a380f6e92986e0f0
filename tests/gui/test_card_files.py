"""The card's Files tab on its own: attach (button and drag and drop), open, save a copy, rename,
delete with Undo, and a file over the limit refused in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from salesdesk.domain.attachments import MAX_BYTES
from salesdesk.services import attachments
from salesdesk.store import UnitOfWork
from salesdesk.ui.card.files import FileChooser, FilesTab
from tests.gui.card_tabs import Bench, bench_fixture, column, select_row  # noqa: F401 (the fixture)

DATA = bytes(range(256)) * 4


class Chooser(FileChooser):
    """The tab's dialogs, answered by the test."""

    to_attach: list[Path] = []
    save_to: Path | None = None
    name: str | None = None
    opened: list[Path] = []

    @staticmethod
    def files_to_attach(parent: object) -> list[Path]:
        return Chooser.to_attach

    @staticmethod
    def where_to_save(parent: object, name: str) -> Path | None:
        return Chooser.save_to

    @staticmethod
    def new_name(parent: object, name: str) -> str | None:
        return Chooser.name

    @staticmethod
    def open_with_system(path: Path) -> bool:
        Chooser.opened.append(path)
        return True


@pytest.fixture
def tab(bench: Bench, add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch) -> FilesTab:
    monkeypatch.setattr(FilesTab, "chooser", Chooser)
    Chooser.opened = []
    client = add_client("ООО «Ромашка»")
    made = bench.show(FilesTab(bench.context), client)
    assert isinstance(made, FilesTab)
    return made


def wait_rows(bench: Bench, tab: FilesTab, n: int) -> None:
    bench.qtbot.waitUntil(lambda: tab.model.rowCount() == n and not tab.ops.slow_running)


def test_attach_open_save_rename_delete_and_undo(bench: Bench, tab: FilesTab, tmp_path: Path) -> None:
    assert tab.model.rowCount() == 0 and not tab.empty.isHidden()
    assert not tab.open_button.isEnabled()
    source = tmp_path / "Договор.pdf"
    source.write_bytes(DATA)
    Chooser.to_attach = [source]
    tab.attach_button.click()
    wait_rows(bench, tab, 1)
    assert column(tab, 0) == ["Договор.pdf"] and column(tab, 1) == ["1 KB"] and tab.empty.isHidden()
    select_row(tab, 0)
    assert tab.open_button.isEnabled()
    tab.open_button.click()
    assert len(Chooser.opened) == 1 and Chooser.opened[0].read_bytes() == DATA
    Chooser.save_to = tmp_path / "copy.pdf"
    tab.save_button.click()
    assert (tmp_path / "copy.pdf").read_bytes() == DATA
    assert "copy.pdf" in bench.notice.label.text()
    Chooser.name = "Договор №5.pdf"
    tab.rename_button.click()
    assert column(tab, 0) == ["Договор №5.pdf"]
    select_row(tab, 0)
    tab.delete_button.click()
    assert tab.model.rowCount() == 0
    assert bench.notice.label.text() == "File “Договор №5.pdf” deleted."
    bench.notice.action_button.click()
    assert column(tab, 0) == ["Договор №5.pdf"] and bench.crashes == [] and bench.errors == []


def test_files_dropped_on_the_tab_are_attached_and_a_folder_is_not(
    bench: Bench, tab: FilesTab, tmp_path: Path, uow: Callable[[], UnitOfWork]
) -> None:
    one, two = tmp_path / "прайс.xlsx", tmp_path / "пусто.txt"
    one.write_bytes(DATA)
    two.write_bytes(b"")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(one)), QUrl.fromLocalFile(str(two)), QUrl.fromLocalFile(str(tmp_path))])
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    tab.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    tab.dropEvent(drop)
    wait_rows(bench, tab, 2)
    assert sorted(column(tab, 0)) == ["прайс.xlsx", "пусто.txt"]
    assert {f.name: attachments.read_content(uow(), f.id).data for f in tab.files} == {
        "прайс.xlsx": DATA,
        "пусто.txt": b"",
    }
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/a.pdf")])
    refused = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, web, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    tab.dragEnterEvent(refused)
    assert not refused.isAccepted()


def test_a_file_over_the_limit_is_refused_in_words(bench: Bench, tab: FilesTab, tmp_path: Path, qtbot: QtBot) -> None:
    big = tmp_path / "скан.tiff"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    Chooser.to_attach = [big]
    tab.attach_button.click()
    qtbot.waitUntil(lambda: bool(bench.errors))
    assert "скан.tiff" in bench.errors[0] and "20 MB" in bench.errors[0]
    assert tab.model.rowCount() == 0 and bench.crashes == []


def test_a_deleted_file_is_shown_on_request_and_restored(
    bench: Bench, tab: FilesTab, uow: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    assert tab.card is not None
    ident = attachments.attach_bytes(uow(), tab.card.client.id, "прайс.xlsx", DATA)
    tab.fill()
    attachments.trash_file(uow(), ident)
    tab.fill()
    assert tab.model.rowCount() == 0 and tab.restore_button.isHidden()
    tab.show_deleted.setChecked(True)
    assert column(tab, 0) == ["прайс.xlsx (deleted)"] and not tab.restore_button.isHidden()
    select_row(tab, 0)
    assert tab.restore_button.isEnabled() and not tab.open_button.isEnabled() and not tab.delete_button.isEnabled()
    tab.restore_button.click()
    assert column(tab, 0) == ["прайс.xlsx"] and not tab.restore_button.isEnabled()
    assert [f.id for f in attachments.list_files(uow(), tab.card.client.id)] == [ident] and bench.crashes == []


def test_files_of_a_deal_are_attached_shown_and_handled_on_their_own(
    bench: Bench,
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import date

    from salesdesk.domain.model import DealFields, DealStage, Money
    from salesdesk.services import deals

    monkeypatch.setattr(FilesTab, "chooser", Chooser)
    client = add_client("ООО «Лютик»")
    deal = deals.add_deal(
        uow(),
        client,
        DealFields(title="Поставка 2027", amount=Money.of("1000"), stage=DealStage.NEW, opened_on=date(2026, 12, 1)),
    ).id
    attachments.attach_bytes(uow(), client, "Реквизиты.pdf", b"%PDF client")
    tab = bench.show(FilesTab(bench.context), client)
    assert isinstance(tab, FilesTab)
    wait_rows(bench, tab, 1)
    assert [tab.deal_choice.itemText(i) for i in range(tab.deal_choice.count())] == [
        "the whole client",
        "deal “Поставка 2027”",
    ]
    tab.show_deal(deal)
    assert tab.model.rowCount() == 0 and "No files on this deal yet" in tab.empty.text()
    source = tmp_path / "Договор поставки.pdf"
    source.write_bytes(DATA)
    Chooser.to_attach = [source]
    tab.attach_button.click()  # onto the deal chosen
    wait_rows(bench, tab, 1)
    assert column(tab, 0) == ["Договор поставки.pdf"] and column(tab, 3) == ["Поставка 2027"]
    [on_deal] = [f for f in attachments.list_files(uow(), client) if f.deal_id == deal]
    assert on_deal.name == "Договор поставки.pdf"
    select_row(tab, 0)
    Chooser.name = "Договор поставки (подписан).pdf"
    tab.rename_button.click()  # the same actions as on the client's files
    bench.qtbot.waitUntil(lambda: column(tab, 0) == ["Договор поставки (подписан).pdf"])
    tab.show_deal(None)
    assert sorted(zip(column(tab, 0), column(tab, 3), strict=True)) == [
        ("Договор поставки (подписан).pdf", "Поставка 2027"),
        ("Реквизиты.pdf", ""),
    ]


def test_the_deals_tab_opens_the_files_of_the_selected_deal(
    qtbot: QtBot, make_window: Callable[[], object], add_client: Callable[..., int], uow: Callable[[], UnitOfWork]
) -> None:
    from datetime import date

    from salesdesk.domain.model import DealFields, DealStage, Money
    from salesdesk.services import deals
    from salesdesk.ui.main_window import MainWindow

    client = add_client("ООО «Лютик»")
    deal = deals.add_deal(
        uow(),
        client,
        DealFields(title="Поставка 2027", amount=Money.of("1000"), stage=DealStage.NEW, opened_on=date(2026, 12, 1)),
    ).id
    window = make_window()
    assert isinstance(window, MainWindow)
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.client_id == client)
    card = window.card
    card.show_deal(deal)
    assert card.deals.files_button.isEnabled()
    card.deals.files_button.click()
    assert card.tabs.currentWidget() is card.files and card.files.chosen_deal() == deal
