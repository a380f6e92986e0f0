"""A tab of the client card on its own: the context a card gives its tabs (operations on the real test
base, a notice bar, the seat's manager and renewal days), with what the change bus says read again
into the tab as the card would, and what reached the notice or the crash hook."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from types import TracebackType

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.domain.changes import Changes
from salesdesk.services import cards
from salesdesk.store import UnitOfWork
from salesdesk.ui.card.lists import CardContext, ListTab
from salesdesk.ui.operations import Operations
from salesdesk.ui.widgets import NoticeBar
from salesdesk.ui.workers import Runner


class Bench:
    def __init__(self, qtbot: QtBot, uow: Callable[[], UnitOfWork]) -> None:
        self.qtbot = qtbot
        self.runner = Runner()
        self.errors: list[str] = []  # what an action could not do, as the card's notice bar would say it
        self.ops = Operations(uow, self.runner, self.errors.append)
        self.notice = NoticeBar()
        qtbot.addWidget(self.notice)
        self.context = CardContext(self.ops, self.notice, lambda: None, lambda: 30)
        self.crashes: list[BaseException] = []

    def show(self, tab: ListTab, client_id: int) -> ListTab:
        """The tab shows *client_id*, and shows it again whenever a commit changed that client."""
        self.qtbot.addWidget(tab)
        tab.show()
        uow = self.ops.uow

        def reload(changes: Changes) -> None:
            if changes.parts_of(client_id):
                tab.show_card(cards.load_card(uow(), client_id))

        self.ops.bus.changed.connect(reload)
        tab.show_card(cards.load_card(uow(), client_id))
        return tab


@pytest.fixture(name="bench")
def bench_fixture(qtbot: QtBot, uow: Callable[[], UnitOfWork], monkeypatch: pytest.MonkeyPatch) -> Iterator[Bench]:
    made = Bench(qtbot, uow)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        made.crashes.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    yield made
    made.runner.wait()


def select_row(tab: ListTab, row: int) -> None:
    view = tab.view  # type: ignore[attr-defined]
    view.setCurrentIndex(view.model().index(row, 0))


def column(tab: ListTab, col: int) -> list[str]:
    model = tab.model  # type: ignore[attr-defined]
    return [model.index(r, col).data() for r in range(model.rowCount())]
