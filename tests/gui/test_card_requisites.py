"""The card's Requisites tab on its own: fill and read back, the kind's fields, messages under the
fields, what counts as the user's edit, reference lists."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ClientFields, ClientKind, ClientStatus, Industry, Manager
from salesdesk.services import clients
from salesdesk.ui.card.requisites import RequisitesTab
from tests.gui.conftest import type_text


def make(qtbot: QtBot) -> RequisitesTab:
    tab = RequisitesTab()
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_what_is_filled_reads_back_the_same(qtbot: QtBot) -> None:
    tab = make(qtbot)
    tab.set_reference(
        [Industry(id=4, version=1, name="Торговля", code="G")], [Manager(id=2, version=1, name="Анна Смирнова")]
    )
    fields = ClientFields(
        name="ООО «Ромашка»",
        kind=ClientKind.LEGAL,
        status=ClientStatus.ACTIVE,
        inn="7707083893",
        city="Тверь",
        tags=("VIP", "Опт"),
        notes="Две строки\nзаметки",
        industry_id=4,
        owner_id=2,
    )
    tab.fill(fields)
    assert tab.collect() == fields
    assert tab.widgets["industry_id"].currentText() == "G — Торговля"  # type: ignore[attr-defined]


def test_an_industry_in_the_trash_still_shows_on_its_client(qtbot: QtBot) -> None:
    tab = make(qtbot)
    tab.set_reference([], [])
    tab.fill(ClientFields(name="ООО «Ромашка»", industry_id=9), trashed_industry="Строительство")
    assert tab.collect().industry_id == 9
    assert tab.widgets["industry_id"].currentText() == "Строительство"  # type: ignore[attr-defined]


def test_the_kind_decides_the_ogrn_label_and_the_kpp(qtbot: QtBot) -> None:
    tab = make(qtbot)
    tab.fill(ClientFields(name="ИП Петров", kind=ClientKind.SOLE_TRADER))
    tab.apply_kind()
    assert tab.labels["ogrn"].text() == "OGRNIP:" and not tab.line("kpp").isEnabled()
    kind = tab.widgets["kind"]
    kind.setCurrentIndex(kind.findData(ClientKind.LEGAL))  # type: ignore[attr-defined]
    assert tab.labels["ogrn"].text() == "OGRN:" and tab.line("kpp").isEnabled()


def test_only_the_users_typing_counts_as_an_edit_and_untouched_required_fields_wait(qtbot: QtBot) -> None:
    tab = make(qtbot)
    edits: list[str] = []
    tab.edited.connect(edits.append)
    tab.fill(ClientFields(name=""))
    assert edits == []
    tab.show_problems(clients.check_client(tab.collect()))
    assert tab.messages["name"].isHidden()  # a new card is not an error yet
    type_text(tab.line("inn"), "7707083894")
    assert edits == ["inn"] * 10 and tab.touched == {"inn"}
    tab.show_problems(clients.check_client(tab.collect()))
    assert not tab.messages["inn"].isHidden() and tab.messages["name"].isHidden()
    tab.touched.add("name")
    tab.show_problems(clients.check_client(tab.collect()))
    assert not tab.messages["name"].isHidden()


def test_industry_notes_show_under_the_industry(qtbot: QtBot) -> None:
    tab = make(qtbot)
    notes = "Сезон закупок — весна. " * 30
    tab.set_reference([Industry(id=4, version=1, name="Торговля", code="G", notes=notes)], [])
    tab.show_industry_notes(4)
    assert not tab.industry_notes.isHidden() and tab.industry_notes.text().endswith("…")
    assert tab.industry_notes.toolTip() == notes
    tab.show_industry_notes(None)
    assert tab.industry_notes.isHidden()
