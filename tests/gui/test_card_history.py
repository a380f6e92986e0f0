"""The card's History tab on its own: the time line, what may be deleted, logging a contact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from salesdesk.domain.model import DealFields, InteractionFields, InteractionKind, Money
from salesdesk.services import deals, history
from salesdesk.store import UnitOfWork
from salesdesk.ui.card.history import HistoryTab
from salesdesk.ui.deal_dialogs import LogDialog
from tests.gui.card_tabs import Bench, bench_fixture, column, select_row  # noqa: F401 (the fixture)


def call(summary: str) -> InteractionFields:
    return InteractionFields(
        kind=InteractionKind.CALL, occurred_at=datetime(2026, 3, 2, 10, tzinfo=UTC), summary=summary
    )


def test_shows_calls_and_deals_on_one_line_and_deletes_only_calls(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    history.log_interaction(uow(), client, call("Уточнили реквизиты"))
    deals.add_deal(uow(), client, DealFields(title="Поставка", amount=Money.of("100"), opened_on=date(2026, 1, 10)))
    tab = bench.show(HistoryTab(bench.context), client)
    assert column(tab, 2) == ["Уточнили реквизиты", "Поставка"] and tab.empty.isHidden()
    assert column(tab, 1)[1].startswith("Deal · ")
    select_row(tab, 1)
    assert not tab.delete_button.isEnabled()  # a deal is deleted on the Deals tab
    select_row(tab, 0)
    tab.delete_button.click()
    assert column(tab, 2) == ["Поставка"] and bench.notice.label.text() == "Entry deleted."
    bench.notice.action_button.click()
    assert len(history.timeline(uow(), client)) == 2 and bench.crashes == []


def test_log_a_contact_goes_through_the_cards_operations(
    bench: Bench, add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = add_client("ООО «Ромашка»")
    tab = bench.show(HistoryTab(bench.context), client)
    focus: list[bool] = []
    tab.wants_focus.connect(lambda: focus.append(True))

    def log(cls, parent, uow_factory, client_id, **options):  # type: ignore[no-untyped-def]
        assert options["ops"] is bench.ops and options["client_name"] == "ООО «Ромашка»"
        dialog = cls(uow_factory, client_id, parent=parent, **options)
        dialog.summary.setPlainText("Договорились о встрече")
        dialog.accept()
        return dialog.logged is not None

    monkeypatch.setattr(LogDialog, "log", classmethod(log))
    tab.log_button.click()
    assert column(tab, 2) == ["Договорились о встрече"] and focus == [True]


def test_no_log_for_a_client_not_saved_yet(bench: Bench) -> None:
    tab = HistoryTab(bench.context)
    bench.qtbot.addWidget(tab)
    tab.show_card(None)
    assert not tab.log_button.isEnabled() and not tab.log_contact() and not tab.empty.isHidden()
