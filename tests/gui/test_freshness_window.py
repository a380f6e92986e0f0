"""Fresh data in the window (issue 16 item 3): the card marks what is stale and confirms it, the
filter bar lists what needs checking, the settings set the months, the log dialog's "got through"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ClientFields, ClientKind, InteractionKind
from salesdesk.services import clients, freshness
from salesdesk.store import UnitOfWork
from salesdesk.ui.deal_dialogs import LogDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from salesdesk.ui.settings_dialog import SettingsDialog
from tests.gui.conftest import shown_names, wait_loaded

Window = Callable[[], MainWindow]
OLD = datetime(2024, 3, 12, 9, 0, tzinfo=UTC)

CARD = ClientFields(
    name="ООО «Ромашка»",
    kind=ClientKind.LEGAL,
    inn="7707083893",
    kpp="773601001",
    phone="+7 495 123-45-67",
    email="info@romashka.ru",
)


def _old_and_fresh(uow: Callable[[], UnitOfWork]) -> tuple[int, int]:
    old = clients.create_client(uow(), CARD, now=OLD).id
    fresh = clients.create_client(uow(), ClientFields(name="ООО «Свежесть»", phone="+7 495 765-43-21")).id
    return old, fresh


def _open(qtbot: QtBot, window: MainWindow, name: str) -> None:
    row = shown_names(window).index(name)
    window.table.setCurrentIndex(window.model.index(row, 0))
    qtbot.waitUntil(lambda: window.card.header.title.text().endswith(name))


def test_the_card_marks_stale_fields_and_confirm_makes_them_fresh(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork]
) -> None:
    _old_and_fresh(uow)
    window = make_window()
    _open(qtbot, window, "ООО «Ромашка»")
    header, requisites = window.card.header, window.card.requisites
    assert header.stale_label.isVisible()
    text = header.stale_label.text()  # (the plural is the English translation's; tests run without it)
    assert "Not confirmed for 12 month" in text and ": INN, KPP, Phone, E-mail — " in text
    day = QLocale().toString(QDate(2024, 3, 12), QLocale.FormatType.ShortFormat)
    assert f"INN: not confirmed since {day}" in header.stale_label.toolTip()
    inn_mark = requisites.stale_marks["inn"]
    assert requisites.stale_shown("inn") and day in inn_mark.toolTip()
    assert not requisites.stale_shown("ogrn")  # empty: nothing to confirm
    assert not requisites.stale_shown("full_name")
    filled = clients.get_client(uow(), 1).completeness
    assert header.score_bar.value() < filled  # stale fields count half
    # one field by its mark
    inn_mark.trigger()
    qtbot.waitUntil(lambda: not requisites.stale_shown("inn"), timeout=5000)
    assert "INN" not in header.stale_label.text() and requisites.stale_shown("phone")
    # the rest by the header's Confirm
    header.stale_label.linkActivated.emit("confirm")
    qtbot.waitUntil(lambda: not header.stale_label.isVisible(), timeout=5000)
    assert header.score_bar.value() == filled
    assert not any(requisites.stale_shown(key) for key in requisites.stale_marks)


def test_typing_a_new_value_takes_the_mark_off_that_field(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork]
) -> None:
    _old_and_fresh(uow)
    window = make_window()
    _open(qtbot, window, "ООО «Ромашка»")
    phone = window.card.requisites.widgets["phone"]
    assert isinstance(phone, QLineEdit)
    phone.setText("+7 495 000-00-00")
    phone.textEdited.emit(phone.text())
    qtbot.waitUntil(lambda: not window.card.requisites.stale_shown("phone"), timeout=5000)
    assert "Phone" not in window.card.header.stale_label.text()
    window.card._set_dirty(False)


def test_the_filter_bar_lists_what_needs_checking(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork]
) -> None:
    _old_and_fresh(uow)
    clients.create_client(uow(), ClientFields(name="ООО «Пусто»"))
    window = make_window()
    assert len(shown_names(window)) == 3
    filters = window.filters
    filters.checking.setChecked(True)
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ромашка»"], timeout=5000)
    wait_loaded(qtbot, window)
    assert filters.more.text() == "More (1)" and filters.clear_button.isVisibleTo(window)
    assert filters.state()["checking"] is True
    filters.clear()
    qtbot.waitUntil(lambda: len(shown_names(window)) == 3, timeout=5000)
    filters.restore({"checking": True})
    assert filters.checking.isChecked()


def test_the_settings_set_the_bases_months(qtbot: QtBot, uow: Callable[[], UnitOfWork], settings: Settings) -> None:
    dialog = SettingsDialog(uow, settings)
    qtbot.addWidget(dialog)
    assert dialog.stale_months.value() == 12 and dialog.stale_months.suffix().startswith(" month")
    dialog.stale_months.setValue(6)
    dialog.accept()
    assert freshness.stale_months(uow()) == 6
    again = SettingsDialog(uow, settings)
    qtbot.addWidget(again)
    assert again.stale_months.value() == 6


def test_the_log_dialog_confirms_the_phone_of_a_call_that_got_through(
    qtbot: QtBot, uow: Callable[[], UnitOfWork]
) -> None:
    old, _fresh = _old_and_fresh(uow)
    dialog = LogDialog(uow, old)
    qtbot.addWidget(dialog)
    assert dialog.reached.isChecked() and dialog.reached.text() == "Got through: the phone is confirmed"
    dialog.kind.setCurrentIndex(dialog.kind.findData(InteractionKind.NOTE.value))
    assert dialog.reached.isHidden()
    dialog.kind.setCurrentIndex(dialog.kind.findData(InteractionKind.CALL.value))
    dialog.summary.setPlainText("Созвонились, всё в силе")
    dialog.accept()
    assert dialog.logged is not None
    assert "phone" not in freshness.client_freshness(uow(), old).stale
    assert "inn" in freshness.client_freshness(uow(), old).stale


def test_a_card_with_every_field_but_stale_ones_is_not_called_complete(
    qtbot: QtBot, make_window: Window, uow: Callable[[], UnitOfWork]
) -> None:
    """The header said "The card is complete." under a bar at 65 %: every field filled, some stale."""
    from salesdesk.domain.model import IndustryFields, ManagerFields
    from salesdesk.services import reference

    industry = reference.create_industry(uow(), IndustryFields(code="62.01", name="Разработка программ")).id
    owner = reference.create_manager(uow(), ManagerFields(name="Белов Пётр")).id
    fields = ClientFields(
        name="Иванов Иван",
        kind=ClientKind.PERSON,
        phone="+7 495 123-45-67",
        email="ivanov@mail.ru",
        industry_id=industry,
        owner_id=owner,
    )
    clients.create_client(uow(), fields, now=OLD)
    window = make_window()
    _open(qtbot, window, "Иванов Иван")
    header = window.card.header
    assert header.score_bar.value() < 100 and header.stale_label.isVisible()
    assert header.missing_label.text() == "Everything is filled in; some of it needs confirming."
    header.stale_label.linkActivated.emit("confirm")
    qtbot.waitUntil(lambda: header.score_bar.value() == 100, timeout=5000)
    assert header.missing_label.text() == "The card is complete."
