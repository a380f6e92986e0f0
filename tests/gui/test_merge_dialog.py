"""Merging duplicates in the window: the merge dialog, the Find duplicates view, Merge with… from
the card's duplicate warning, and Undo in the notice bar (issue 15)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ContactFields
from salesdesk.services import clients, contacts, merging
from salesdesk.store import UnitOfWork
from salesdesk.ui.duplicates_dialog import DuplicatesDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.merge_dialog import MergeDialog
from salesdesk.ui.operations import Operations
from tests.gui.conftest import shown_names

Uow = Callable[[], UnitOfWork]


@pytest.fixture
def pair(add_client: Callable[..., int], uow: Uow) -> tuple[int, int]:
    keep = add_client("ООО «Каскад»", inn="7707083893", city="Москва")
    other = add_client("Каскад", phone="+7 495 111-22-33", email="info@kaskad.ru", city="Тула")
    contacts.add_contact(uow(), other, ContactFields(full_name="Петров Пётр"))
    return keep, other


def buttons(dialog: MergeDialog, name: str) -> tuple[bool, bool]:
    group = dialog.groups[name]
    return group.button(1).isChecked(), group.button(2).isChecked()


def test_the_dialog_shows_both_cards_and_merges_the_chosen_values(
    qtbot: QtBot, uow: Uow, pair: tuple[int, int]
) -> None:
    keep, other = pair
    dialog = MergeDialog(uow, keep, other)
    qtbot.addWidget(dialog)
    assert dialog.merge_button.isEnabled()
    assert buttons(dialog, "name") == (True, False)  # the kept card's value by default
    assert buttons(dialog, "phone") == (False, True)  # an empty field filled from the other
    assert buttons(dialog, "city") == (True, False)
    assert "kpp" not in dialog.groups  # neither card has it
    assert "contact persons 1" in dialog.moving.text()
    dialog.groups["city"].button(2).setChecked(True)  # the user prefers the other card's city
    dialog.merge_button.click()
    assert dialog.merged is not None and dialog.result() == MergeDialog.DialogCode.Accepted
    card = clients.get_client(uow(), keep)
    assert (card.name, card.city, card.phone) == ("ООО «Каскад»", "Тула", "+7 495 111-22-33")
    assert clients.get_client(uow(), other).deleted_at is not None


def test_keep_the_other_card_instead_swaps_the_columns(qtbot: QtBot, uow: Uow, pair: tuple[int, int]) -> None:
    keep, other = pair
    dialog = MergeDialog(uow, keep, other)
    qtbot.addWidget(dialog)
    dialog.swap_button.click()
    qtbot.waitUntil(lambda: dialog.keep is not None and dialog.keep.id == other)
    assert buttons(dialog, "name") == (True, False) and dialog.groups["name"].button(1).text() == "Каскад"
    assert buttons(dialog, "inn") == (False, True)  # the other (now: the first) card's INN fills the gap


def test_a_stale_card_is_refused_in_the_dialog(qtbot: QtBot, uow: Uow, pair: tuple[int, int]) -> None:
    keep, other = pair
    dialog = MergeDialog(uow, keep, other)
    qtbot.addWidget(dialog)
    card = clients.get_client(uow(), other)
    clients.update_client(uow(), other, card.version, card.fields())  # another seat saved it meanwhile
    dialog.merge_button.click()
    assert dialog.merged is None and dialog.problem.isVisibleTo(dialog) and dialog.problem.text()
    assert clients.get_client(uow(), other).deleted_at is None


def test_find_duplicates_lists_groups_and_merges_the_chosen_pair(
    qtbot: QtBot, uow: Uow, pair: tuple[int, int], qtmodeltester: object
) -> None:
    asked: list[tuple[int, int]] = []
    undone: list[merging.Merged] = []

    def merge(keep_id: int, other_id: int, _parent: object) -> merging.Merged:
        asked.append((keep_id, other_id))
        card, other = clients.get_client(uow(), keep_id), clients.get_client(uow(), other_id)
        return merging.merge_clients(uow(), keep_id, card.version, other_id, other.version)

    dialog = DuplicatesDialog(uow, merge, undo=lambda m: undone.append(m) is None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert dialog.model.index(0, 1).data() == "same name"
    assert "Каскад" in dialog.model.index(0, 2).data() and "1 group" in dialog.status.text()
    assert dialog.members.count() == 2 and dialog.merge_button.isEnabled()
    dialog.members.item(1).setSelected(True)  # one chosen: which two is unclear
    assert not dialog.merge_button.isEnabled()
    dialog.members.item(0).setSelected(True)
    dialog.merge_button.click()
    assert asked == [tuple(sorted(pair, reverse=True))]  # the first chosen is kept
    assert dialog.notice.isVisibleTo(dialog) and dialog.notice.action_button.text() == "Undo"
    dialog.notice.action_button.click()
    assert [m.kept for m in undone] == [max(pair)]


def test_merge_from_the_cards_warning_then_undo(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    uow: Uow,
    pair: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keep, other = pair

    def answer(
        cls: type[MergeDialog], parent: object, uow_: Uow, keep_id: int, other_id: int, *, operations: Operations
    ) -> tuple[merging.Merged, str, str] | None:
        dialog = cls(uow_, keep_id, other_id, operations=operations)
        dialog.merge_button.click()
        assert dialog.keep is not None and dialog.other is not None and dialog.merged is not None
        return dialog.merged, dialog.keep.name, dialog.other.name

    monkeypatch.setattr(MergeDialog, "ask", classmethod(answer))
    window = make_window()
    window.open_client(keep)
    qtbot.waitUntil(lambda: window.card.client_id == keep)
    window.card._check_duplicates()
    qtbot.waitUntil(lambda: "merge:" in window.card.duplicates_label.text(), timeout=5000)
    window.card.duplicates_label.linkActivated.emit(f"merge:{other}")
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Каскад»"], timeout=5000)  # the bus told the list
    assert window.notice.isVisible() and "merged into" in window.notice.label.text()
    assert window.card.client_id == keep
    window.notice.action_button.click()  # Undo
    qtbot.waitUntil(lambda: set(shown_names(window)) == {"ООО «Каскад»", "Каскад"}, timeout=5000)
    assert clients.get_client(uow(), keep).phone == ""
    assert [p.full_name for p in contacts.list_contacts(uow(), other)] == ["Петров Пётр"]


def test_the_trash_view_refuses_to_restore_a_merged_card_and_names_the_kept_one(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Uow, add_client: Callable[..., int]
) -> None:
    keep, other = add_client("ООО «Ромашка»"), add_client("Ромашка")
    k, o = clients.get_client(uow(), keep), clients.get_client(uow(), other)
    merging.merge_clients(uow(), keep, k.version, other, o.version)
    window = make_window()
    window.trash_view_action.trigger()
    qtbot.waitUntil(lambda: shown_names(window) == ["Ромашка"], timeout=5000)
    window.table.setCurrentIndex(window.model.index(0, 0))
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: "merged into “ООО «Ромашка»”" in window.notice.label.text(), timeout=5000)
    assert shown_names(window) == ["Ромашка"]  # still in the trash, not an empty card back in the list
    assert clients.get_client(uow(), other).deleted_at is not None
