"""The card's Deals tab on its own: the list, a deal to show, delete with Undo, a won deal's notice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from salesdesk.domain.model import ClientStatus, DealFields, DealStage, Money
from salesdesk.services import clients, deals
from salesdesk.store import UnitOfWork
from salesdesk.ui.card.deals import DealsTab
from salesdesk.ui.deal_dialogs import DealDialog
from tests.gui.card_tabs import Bench, bench_fixture, column, select_row  # noqa: F401 (the fixture)


def deal(title: str, amount: str = "100", stage: DealStage = DealStage.NEW) -> DealFields:
    closed = date(2026, 2, 1) if stage.closed else None
    return DealFields(title=title, amount=Money.of(amount), stage=stage, opened_on=date(2026, 1, 10), closed_on=closed)


def test_lists_the_deals_and_shows_one(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    deals.add_deal(uow(), client, deal("Поставка", "1250000.50"))
    second = deals.add_deal(uow(), client, deal("Сервис")).id
    tab = bench.show(DealsTab(bench.context), client)
    assert sorted(column(tab, 0)) == ["Поставка", "Сервис"] and tab.empty.isHidden()
    assert "1,250,000.50" in "".join(column(tab, 2))
    assert not tab.edit_button.isEnabled()
    tab.show_deal(second)
    assert tab.view.currentIndex().data() == "Сервис" and tab.edit_button.isEnabled()


def test_delete_and_undo(bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]) -> None:
    client = add_client("ООО «Ромашка»")
    deals.add_deal(uow(), client, deal("Поставка"))
    tab = bench.show(DealsTab(bench.context), client)
    select_row(tab, 0)
    tab.delete_button.click()
    assert tab.model.rowCount() == 0 and not tab.empty.isHidden()
    assert bench.notice.label.text() == "Deal “Поставка” deleted."
    bench.notice.action_button.click()
    assert column(tab, 0) == ["Поставка"] and bench.crashes == []


def test_a_won_deal_says_the_client_is_active_and_undo_takes_it_back(
    bench: Bench, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = add_client("ООО «Ёлка»", status=ClientStatus.PROSPECT)
    tab = bench.show(DealsTab(bench.context), client)

    def won(cls, parent, uow_factory, client_id, existing, days, owner, *, ops=None):  # type: ignore[no-untyped-def]
        assert ops is bench.ops and days == 30
        return deals.add_deal(uow_factory(), client_id, deal("Поставка", stage=DealStage.WON))

    monkeypatch.setattr(DealDialog, "edit", classmethod(won))
    tab.add_button.click()
    assert bench.notice.label.text() == "Deal won: ООО «Ёлка» is now an active client (was: prospect)."
    assert clients.get_client(uow(), client).status is ClientStatus.ACTIVE
    bench.notice.action_button.click()
    assert clients.get_client(uow(), client).status is ClientStatus.PROSPECT
