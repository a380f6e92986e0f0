"""Counts and money the window shows: grouped in the user's locale, plural forms from the
translation, and one amount written the same in the card's tabs, the deals list and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from salesdesk.domain import messages
from salesdesk.domain.model import DealFields, DealStage, Money
from salesdesk.domain.numbers import money_text
from salesdesk.services import deals
from salesdesk.store import UnitOfWork
from salesdesk.ui import i18n
from salesdesk.ui.main_window import MainWindow
from tests.gui.conftest import wait_loaded

Window = Callable[[], MainWindow]
NBSP = "\u00a0"


@pytest.fixture
def russian(qapp: QApplication, lang: None) -> Iterator[None]:
    before = QLocale()
    i18n.install(qapp, "ru")
    yield
    for translator in i18n._installed:  # back to no translation at all, as the other window tests expect
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(before)


def test_the_demo_notice_and_the_status_bar_group_counts(
    qtbot: QtBot, make_window: Window, russian: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (1001, True))
    window.file_actions.load_demo()
    qtbot.waitUntil(lambda: "демонстрационн" in window.notice.label.text(), timeout=30_000)
    wait_loaded(qtbot, window)
    # 1 001 takes the "one" form in Russian (like 1 and 21), and its digits are grouped
    assert window.notice.label.text() == f"Добавлен 1{NBSP}001 демонстрационный клиент."
    qtbot.waitUntil(lambda: window.counts_label.text().startswith(f"1{NBSP}001 из 1{NBSP}001 клиента"), timeout=10_000)


def test_one_amount_reads_the_same_in_the_card_and_the_deals_list(
    qtbot: QtBot, make_window: Window, russian: None, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    deals.add_deal(
        uow(),
        client,
        DealFields(
            title="Поставка",
            amount=Money.of("1250000.50"),
            stage=DealStage.WON,
            opened_on=date.today(),
            closed_on=date.today(),
        ),
    )
    expected = f"1{NBSP}250{NBSP}000,50{NBSP}₽"
    assert messages.language() == "ru" and money_text(Money.of("1250000.50")) == expected
    window = make_window()
    window.open_client(client)
    card = window.card
    qtbot.waitUntil(lambda: card.deals.model.rowCount() == 1 and card.history.model.rowCount() == 1, timeout=10_000)
    assert card.deals.model.item(0, 2).text() == expected
    assert card.history.model.item(0, 3).text() == expected  # was "1 250 000.50 RUB"
    panel = window.deals_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: expected in panel.status.text(), timeout=10_000)
    assert panel.status.text().startswith("1 сделка")
