"""Contact cards (.vcf) in the window: the import wizard takes them (as private persons, or as a
client's contact persons from its Contacts tab), a dropped .vcf opens it, and the Contacts tab
writes the client's people to a .vcf file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ContactFields
from salesdesk.services import clients, contacts
from salesdesk.store import UnitOfWork
from salesdesk.ui.card.contacts import ContactsTab
from salesdesk.ui.import_wizard import ImportWizard
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.workers import Runner
from tests.gui.card_tabs import Bench, bench_fixture, column  # noqa: F401 (the fixture)

CARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Иванов Иван\r\nTEL;TYPE=CELL:+7 916 123-45-67\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Петрова Анна\r\nEMAIL:anna@example.ru\r\nEND:VCARD\r\n"
).encode()


@pytest.fixture
def vcf(tmp_path: Path) -> Path:
    path = tmp_path / "телефон.vcf"
    path.write_bytes(CARDS)
    return path


def wizard_on(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], path: Path, client: tuple[int, str] | None = None
) -> ImportWizard:
    wizard = ImportWizard(uow, Runner(), None, client=client)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    return wizard


def test_the_wizard_imports_cards_as_private_persons(qtbot: QtBot, uow: Callable[[], UnitOfWork], vcf: Path) -> None:
    wizard = wizard_on(qtbot, uow, vcf)
    page = wizard.file_page
    assert wizard.windowTitle() == "Import contact cards (.vcf) as clients"  # not "…from a spreadsheet"
    assert "2 contact card(s) in the file" in page.status.text()
    assert page.cards_as.isVisibleTo(wizard) and not page.sheet.isVisibleTo(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.options_page  # no columns to map
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert "2 new client(s)" in preview.summary.text()
    assert clients.count_clients(uow()) == 0
    wizard.next()
    qtbot.waitUntil(wizard.result_page.isComplete, timeout=10_000)
    assert sorted(r.name for r in clients.list_clients(uow()).rows) == ["Иванов Иван", "Петрова Анна"]


def test_the_wizard_adds_cards_to_the_client_it_was_opened_for(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], vcf: Path
) -> None:
    ident = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), ident, ContactFields(full_name="Петрова Анна"))
    wizard = wizard_on(qtbot, uow, vcf, client=(ident, "ООО «Ромашка»"))
    assert wizard.state.client_id == ident
    assert wizard.windowTitle() == "Import contact persons of «ООО «Ромашка»» from contact cards (.vcf)"
    wizard.file_page.cards_as.setCurrentIndex(0)
    assert wizard.windowTitle() == "Import contact cards (.vcf) as clients"
    wizard.file_page.cards_as.setCurrentIndex(1)
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page  # people join one client: no duplicate policy to choose
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    assert "1 new contact person(s), 0 update(s), 1 already in the base" in wizard.preview_page.summary.text()
    model = wizard.preview_page.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Contact person"
    assert model.index(0, 2).data() == "new contact person"
    wizard.next()
    qtbot.waitUntil(wizard.result_page.isComplete, timeout=10_000)
    assert sorted(c.full_name for c in contacts.list_contacts(uow(), ident)) == ["Иванов Иван", "Петрова Анна"]
    assert clients.count_clients(uow()) == 1


def test_a_dropped_vcf_opens_the_wizard(make_window: Callable[[], MainWindow], vcf: Path) -> None:
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(vcf))])
    assert window._dropped_file(data) == vcf


def test_the_contacts_tab_exports_the_clients_people(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], tmp_path: Path
) -> None:
    ident = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), ident, ContactFields(full_name="Иванов Иван", position="Директор"))
    tab = bench.show(ContactsTab(bench.context), ident)
    assert tab.export_button.isEnabled() and tab.import_button.isEnabled()
    target = tmp_path / "ромашка.vcf"
    tab.export_to(target)
    text = target.read_bytes().decode("utf-8")
    assert "FN;CHARSET=UTF-8:Иванов Иван\r\n" in text and "ORG;CHARSET=UTF-8:ООО «Ромашка»\r\n" in text
    assert "1 contact person(s) exported to ромашка.vcf." in bench.notice.label.text()
    assert bench.crashes == []
