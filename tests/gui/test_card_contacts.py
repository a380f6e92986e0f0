"""The card's Contacts tab on its own: its list, its buttons, remove with Undo, the dialog it opens."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from salesdesk.domain.model import ContactFields
from salesdesk.services import contacts
from salesdesk.store import UnitOfWork
from salesdesk.ui.card.contacts import ContactsTab
from salesdesk.ui.dialogs import Confirm, ContactDialog
from tests.gui.card_tabs import Bench, bench_fixture, column, select_row  # noqa: F401 (the fixture)


def test_lists_the_contacts_and_enables_what_a_selection_allows(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), client, ContactFields(full_name="Иванов Иван", position="Директор", is_primary=True))
    contacts.add_contact(uow(), client, ContactFields(full_name="Петрова Анна", phones=("+7 916 123-45-67",)))
    tab = bench.show(ContactsTab(bench.context), client)
    assert sorted(column(tab, 0)) == ["Петрова Анна", "★ Иванов Иван"]
    assert tab.add_button.isEnabled() and not tab.edit_button.isEnabled() and not tab.remove_button.isEnabled()
    assert tab.hint.isHidden()
    select_row(tab, 0)
    assert tab.edit_button.isEnabled() and tab.remove_button.isEnabled()


def test_a_new_client_has_no_contacts_yet(bench: Bench) -> None:
    tab = ContactsTab(bench.context)
    bench.qtbot.addWidget(tab)
    tab.show_card(None)
    assert tab.model.rowCount() == 0 and not tab.add_button.isEnabled() and not tab.hint.isHidden()


def test_remove_moves_to_the_trash_and_undo_brings_back(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = add_client("ООО «Ромашка»")
    contacts.add_contact(uow(), client, ContactFields(full_name="Иванов Иван"))
    tab = bench.show(ContactsTab(bench.context), client)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    select_row(tab, 0)
    tab.remove_button.click()
    assert tab.model.rowCount() == 0 and contacts.list_contacts(uow(), client) == []
    assert bench.notice.label.text() == "Иванов Иван removed."
    bench.notice.action_button.click()
    assert column(tab, 0) == ["Иванов Иван"] and bench.crashes == []


def test_add_opens_the_dialog_with_the_cards_operations(
    bench: Bench, add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog saves through the card's runner and change bus: the new person shows at once."""
    client = add_client("ООО «Ромашка»")
    tab = bench.show(ContactsTab(bench.context), client)
    seen: list[object] = []

    def add(cls, parent, uow_factory, client_id, contact=None, *, ops=None):  # type: ignore[no-untyped-def]
        seen.append(ops)
        dialog = cls(uow_factory, client_id, contact, parent, ops=ops)
        dialog.full_name.setText("Сидоров Пётр")
        dialog.accept()
        return dialog.saved_id is not None

    monkeypatch.setattr(ContactDialog, "edit", classmethod(add))
    tab.add_button.click()
    assert seen == [bench.ops] and column(tab, 0) == ["Сидоров Пётр"]
