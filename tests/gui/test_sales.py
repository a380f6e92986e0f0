"""Deals, the contact log and the Deals tab, driven as a manager does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.domain.model import ClientStatus, DealFields, DealStage, Money, ReminderFields
from salesdesk.domain.workdays import working_day_on_or_before
from salesdesk.services import clients, deals, history, reference, reminders
from salesdesk.store import UnitOfWork
from salesdesk.ui.deal_dialogs import DealDialog, LogDialog
from salesdesk.ui.industries_dialog import IndustriesDialog
from salesdesk.ui.main_window import MainWindow
from tests.gui.conftest import type_text

Window = Callable[[], MainWindow]


def test_a_won_deal_with_a_contract_end_shows_and_plans_the_renewal(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    dialog = DealDialog(uow, client, None, renewal_days=30, default_owner=None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.title, "Годовое обслуживание")
    type_text(dialog.amount, "1 250 000,50")
    dialog.stage.setCurrentIndex(dialog.stage.findData(DealStage.LOST.value))
    dialog.accept()  # Save says what is wrong
    assert dialog.isVisible() and "Reason lost" in dialog.messages["lost_reason"].text()
    dialog.stage.setCurrentIndex(dialog.stage.findData(DealStage.WON.value))
    ends = date.today() + timedelta(days=200)
    dialog.contract_end.set_value(ends)
    note = dialog.renewal_note.text()
    assert note.startswith("A reminder to offer new terms will come on ")
    assert note.count(".") == 1 and note.endswith(".")  # one sentence, one full stop
    dialog.accept()
    [deal] = deals.deals_of(uow(), client)
    assert (deal.amount, deal.stage, deal.contract_end) == (Money.of("1250000.50"), DealStage.WON, ends)
    [renewal] = reminders.reminders_of(uow(), client)
    # 30 days before the end, or the working day before that when it is a day off
    planned = ends - timedelta(days=30)
    assert renewal.deal_id == deal.id and renewal.due_at.astimezone().date() == working_day_on_or_before(planned)


def test_log_the_result_from_the_reminders_panel(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = add_client("ООО «Ромашка»")
    prompt = reminders.add_reminder(
        uow(), client, ReminderFields(due_at=datetime.now(UTC) - timedelta(hours=2), text="Позвонить по продлению")
    ).id
    window = make_window()
    qtbot.waitUntil(lambda: window.reminders.agenda is not None and bool(window.reminders.agenda.overdue))
    seen: list[LogDialog] = []

    def answer(cls, parent, uow_factory, client_id, **options):  # type: ignore[no-untyped-def]
        dialog = cls(uow_factory, client_id, parent=parent, **options)
        seen.append(dialog)
        dialog.summary.setPlainText("Договорились о продлении на год")
        assert dialog.close_reminder.isChecked() and dialog.plan.isChecked()
        dialog.accept()
        return True

    monkeypatch.setattr(LogDialog, "log", classmethod(answer))
    group = window.reminders.model.item(0, 0)
    window.reminders.view.setCurrentIndex(group.child(0, 0).index())
    window.reminders.log_button.click()
    assert seen and seen[0].windowTitle().endswith("ООО «Ромашка»")
    qtbot.waitUntil(lambda: window.reminders.agenda is not None and not window.reminders.agenda.overdue)
    items = {r.id: r for r in reminders.reminders_of(uow(), client)}
    assert items[prompt].done and len(items) == 2  # closed, and the next contact planned
    entries = history.timeline(uow(), client)
    assert any(e.title == "Договорились о продлении на год" for e in entries)
    assert window.card.client_id == client and window.card.history.model.rowCount() == len(entries)


def test_the_deals_tab_filters_and_opens_the_client(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_view = deals.deals_view
    first = add_client("ООО «Ромашка»")
    second = add_client("ООО «Ёлка»")
    deals.add_deal(uow(), first, DealFields(title="Поставка", amount=Money.of("100"), opened_on=date(2026, 1, 10)))
    won = deals.add_deal(
        uow(),
        second,
        DealFields(
            title="Сервис",
            amount=Money.of("250.50"),
            stage=DealStage.WON,
            opened_on=date(2026, 3, 1),
            closed_on=date(2026, 4, 1),
        ),
    ).id
    asked: list[object] = []

    def view(*args: Any, **kwargs: Any) -> deals.DealsView:
        asked.append(args[1])
        return real_view(*args, **kwargs)

    monkeypatch.setattr(deals, "deals_view", view)
    window = make_window()
    assert asked == [], "the deals list is read only when its tab is opened (a million deals on some bases)"
    assert window.card.client_id is None and window.card.stack.currentWidget() is window.card.placeholder
    window.tabs.setCurrentWidget(window.deals_panel)
    panel = window.deals_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    assert len(asked) == 1
    assert "2 deal(s)" in panel.status.text()
    # the sums follow the rows: per currency, in the locale's money format
    qtbot.waitUntil(lambda: "adding up" not in panel.status.text(), timeout=5000)
    assert "350" in panel.status.text()
    panel.stage.setCurrentIndex(panel.stage.findData(DealStage.WON.value))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert panel.model.index(0, 2).data() == "Сервис"
    panel.table.doubleClicked.emit(panel.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.client_id == second, timeout=5000)
    assert window.tabs.currentIndex() == 0 and window.card.tabs.currentIndex() == 3
    assert window.card.deals.view.currentIndex().data() == "Сервис" and won


def test_industry_notes_reach_the_card(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    dialog = IndustriesDialog(uow)
    qtbot.addWidget(dialog)
    dialog.add_button.click()
    dialog.code.setText("46.90")
    dialog.name.setText("Оптовая торговля")
    dialog.notes.setPlainText("Пик закупок — сентябрь; решение принимает коммерческий директор.")
    dialog._on_edited()
    dialog.save_button.click()
    assert dialog.changed
    industry = reference.find_industry(uow(), "46.90")
    add_client("ООО «Опт»", industry_id=industry.id)
    window = make_window()
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.client_id is not None)
    assert window.card.requisites.industry_notes.isVisibleTo(window.card)
    assert "сентябрь" in window.card.requisites.industry_notes.text()


def test_two_quick_header_clicks_end_in_the_order_the_header_shows(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client = add_client("ООО «Ромашка»")
    for day, title in ((1, "Первая"), (2, "Вторая")):
        deals.add_deal(uow(), client, DealFields(title=title, amount=Money.of("10"), opened_on=date(2026, 1, day)))
    window = make_window()
    window.tabs.setCurrentWidget(window.deals_panel)
    model = window.deals_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading, timeout=5000)
    assert model.index(0, 2).data() == "Вторая"  # newest first
    model.sort(0, Qt.SortOrder.AscendingOrder)  # the second click comes before the first one's rows
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading and model.query == model.asked, timeout=5000)
    assert model.query.descending and model.index(0, 2).data() == "Вторая"


def test_a_deals_list_that_cannot_be_added_up_says_why(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deals.add_deal(
        uow(), add_client("ООО «Ёлка»"), DealFields(title="Сервис", amount=Money.of("5"), opened_on=date(2026, 2, 1))
    )

    def busy(*_args: object, **_kwargs: object) -> None:
        raise StoreError(msg("err.db_busy"))

    monkeypatch.setattr(deals, "deal_totals", busy)
    window = make_window()
    window.tabs.setCurrentWidget(window.deals_panel)
    panel = window.deals_panel
    qtbot.waitUntil(lambda: "Could not read the deals" in panel.status.text(), timeout=5000)
    assert "busy" in panel.status.text() and panel.model.rowCount() == 1


def test_a_deal_added_in_the_card_shows_in_the_deals_tab(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = add_client("ООО «Ёлка»")
    deals.add_deal(uow(), client, DealFields(title="Сервис", amount=Money.of("5"), opened_on=date(2026, 2, 1)))

    def typed_in_the_dialog(
        _parent: object, factory: Callable[[], UnitOfWork], client_id: int, *_rest: object, **_options: object
    ) -> deals.DealSaved:
        return deals.add_deal(
            factory(), client_id, DealFields(title="Поставка", amount=Money.of("7"), opened_on=date(2026, 3, 1))
        )

    monkeypatch.setattr(DealDialog, "edit", typed_in_the_dialog)
    window = make_window()
    window.tabs.setCurrentWidget(window.deals_panel)
    model = window.deals_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    window.open_client(client)
    qtbot.waitUntil(lambda: window.card.client_id == client, timeout=5000)
    window.deal_action.trigger()
    window.tabs.setCurrentWidget(window.deals_panel)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert model.index(0, 2).data() == "Поставка"


def test_a_background_failure_that_is_a_bug_reaches_the_log(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    from salesdesk.ui.workers import Runner

    runner = Runner()
    shown: list[str] = []

    def broken() -> None:
        raise RuntimeError("boom")

    runner.start(broken, lambda _r: None, lambda exc, _trace: shown.append(str(exc)))
    qtbot.waitUntil(lambda: shown == ["boom"], timeout=5000)
    assert "boom" in caplog.text and "Traceback" in caplog.text  # the handler showed it; the log keeps the trace


def test_clearing_the_deals_filters_asks_for_the_list_once(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deals.add_deal(
        uow(), add_client("ООО «Ёлка»"), DealFields(title="Сервис", amount=Money.of("5"), opened_on=date(2026, 2, 1))
    )
    window = make_window()
    window.tabs.setCurrentWidget(window.deals_panel)
    panel = window.deals_panel
    panel.period.setChecked(True)
    panel.stage.setCurrentIndex(panel.stage.findData(DealStage.WON.value))
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.query == panel.model.asked, timeout=5000)
    asked: list[object] = []
    real_view = deals.deals_view

    def view(*args: Any, **kwargs: Any) -> deals.DealsView:
        asked.append(args[1])
        return real_view(*args, **kwargs)

    monkeypatch.setattr(deals, "deals_view", view)
    panel.clear.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert len(asked) == 1 and not panel.date_from.isEnabled()


def test_an_answer_nobody_waits_for_any_more_is_dropped(qtbot: QtBot) -> None:
    from salesdesk.ui.workers import Latest, Runner

    runner = Runner()
    latest = Latest(runner)
    got: list[str] = []
    latest.start(lambda: "old", got.append)
    latest.drop()  # the wizard page it was for was left
    latest.start(lambda: "new", got.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert got == ["new"]


def test_a_won_deal_makes_the_lead_active_with_undo(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = add_client("ООО «Ёлка»", status=ClientStatus.PROSPECT)

    def won_in_the_dialog(
        _parent: object, factory: Callable[[], UnitOfWork], client_id: int, *_rest: object, **_options: object
    ) -> deals.DealSaved:
        return deals.add_deal(
            factory(),
            client_id,
            DealFields(title="Поставка", amount=Money.of("7"), stage=DealStage.WON, opened_on=date(2026, 3, 1)),
        )

    monkeypatch.setattr(DealDialog, "edit", won_in_the_dialog)
    window = make_window()
    window.open_client(client)
    qtbot.waitUntil(lambda: window.card.client_id == client, timeout=5000)
    status = window.card.requisites.widgets["status"]
    assert status.currentText() == "Prospect"  # type: ignore[attr-defined]
    window.deal_action.trigger()
    notice = window.card.notice
    assert notice.isVisible() and notice.action_button.text() == "Undo"
    assert notice.label.text() == "Deal won: ООО «Ёлка» is now an active client (was: prospect)."
    assert status.currentText() == "Active" and not window.card.dirty
    assert clients.get_client(uow(), client).status is ClientStatus.ACTIVE
    notice.action_button.click()
    assert clients.get_client(uow(), client).status is ClientStatus.PROSPECT
    assert status.currentText() == "Prospect" and not notice.isVisible()  # type: ignore[attr-defined]
    assert [d.stage for d in deals.deals_of(uow(), client)] == [DealStage.WON]


def test_a_status_the_user_is_changing_is_kept_when_a_deal_is_won(
    qtbot: QtBot,
    make_window: Window,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = add_client("ООО «Ёлка»")

    def won_in_the_dialog(
        _parent: object, factory: Callable[[], UnitOfWork], client_id: int, *_rest: object, **_options: object
    ) -> deals.DealSaved:
        return deals.add_deal(
            factory(),
            client_id,
            DealFields(title="Поставка", amount=Money.of("7"), stage=DealStage.WON, opened_on=date(2026, 3, 1)),
        )

    monkeypatch.setattr(DealDialog, "edit", won_in_the_dialog)
    window = make_window()
    window.open_client(client)
    qtbot.waitUntil(lambda: window.card.client_id == client, timeout=5000)
    city = window.card.requisites.widgets["city"]
    type_text(city, "Тверь")  # typed, not saved: the won deal must not undo it nor be undone by it
    window.deal_action.trigger()
    assert window.card.requisites.widgets["status"].currentText() == "Active"  # type: ignore[attr-defined]
    assert city.text() == "Тверь"  # type: ignore[attr-defined]
    window.card.save_action.trigger()
    saved = clients.get_client(uow(), client)
    assert (saved.status, saved.city) == (ClientStatus.ACTIVE, "Тверь")


@pytest.mark.parametrize(
    ("amount", "day", "key", "says"),
    [
        ("0,001", None, "amount", "at most two decimal places"),
        ("1e30", None, "amount", "at most 1,000,000,000,000,000"),
        ("1 250 000,50", date(9999, 12, 31), "contract_end", "the date must be from 01.01.1900 to 31.12.2100"),
    ],
)
def test_the_deal_dialog_refuses_amounts_and_dates_out_of_range(
    amount: str,
    day: date | None,
    key: str,
    says: str,
    qtbot: QtBot,
    uow: Callable[[], UnitOfWork],
    add_client: Callable[..., int],
) -> None:
    client = add_client("ООО «Ромашка»")
    dialog = DealDialog(uow, client, None, renewal_days=30, default_owner=None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.title, "Годовое обслуживание")
    type_text(dialog.amount, amount)
    dialog.stage.setCurrentIndex(dialog.stage.findData(DealStage.WON.value))
    if day is not None:
        dialog.contract_end.set_value(day)
    dialog.accept()  # Save says what is wrong, and saves nothing (never 0.00 for 0,001)
    assert dialog.isVisible() and says in dialog.messages[key].text()
    assert deals.deals_of(uow(), client) == []


def test_search_and_client_filter_take_at_most_200_characters(
    qtbot: QtBot, make_window: Window, add_client: Callable[..., int]
) -> None:
    """A pasted page of text is cut where the command line would refuse it: SQLite cannot match a
    LIKE pattern of 100,000 characters, and the list would otherwise fail in the background."""
    add_client("ООО «Ромашка»")
    window = make_window()
    window.search.setText("ромашка" * 20_000)
    assert len(window.search.text()) == 200
    window.tabs.setCurrentWidget(window.deals_panel)
    window.deals_panel.client.setText("р" * 100_000)
    assert window.deals_panel.client.text() == "р" * 200
