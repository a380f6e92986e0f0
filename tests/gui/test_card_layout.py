"""The card and its dialogs as a manager sees them (issue 9, items 10, 11 and 17-22): what the
completeness bar counts, the header, notices that do not move the form, list columns, messages
that wait until a field is left, and dates typed without dots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import ContactFields, DealFields, InteractionFields, InteractionKind, Money
from salesdesk.services import contacts, deals, history
from salesdesk.store import UnitOfWork
from salesdesk.ui.card import ClientCard
from salesdesk.ui.deal_dialogs import DealDialog, LogDialog
from salesdesk.ui.dialogs import ContactDialog, LeaveChoice, UnsavedChanges
from salesdesk.ui.industries_dialog import IndustriesDialog
from salesdesk.ui.workers import Runner
from tests.gui.conftest import type_text


@pytest.fixture
def card(qtbot: QtBot, uow: Callable[[], UnitOfWork]) -> Iterator[ClientCard]:
    runner = Runner()
    widget = ClientCard(uow, runner, lambda: None)
    qtbot.addWidget(widget)
    widget.resize(700, 700)
    widget.show()
    yield widget
    widget._set_dirty(False)
    widget.duplicates_label.stop()  # an answer still on its way must not reach the card once it is gone
    runner.wait(5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def settle() -> None:
    """Let the layouts do the work they have posted (no waiting on a clock)."""
    QCoreApplication.sendPostedEvents()


def missing_text(card: ClientCard) -> str:
    return card.header.missing_label.text()


# 10 -----------------------------------------------------------------------------------------------


def test_completeness_counts_the_inn_as_it_would_be_saved(card: ClientCard, add_client: Callable[..., int]) -> None:
    card.show_client(add_client("ООО «Ромашка»"))
    inn = card.requisites.widgets["inn"]
    before = card.header.score_bar.value()
    type_text(inn, "7707 083 893")  # a valid INN pasted with spaces: saved as 7707083893
    assert card.header.score_bar.value() > before and ">INN<" not in missing_text(card)
    inn.clear()
    type_text(inn, "7707083894")  # a wrong check digit: it cannot be saved, so it is not there
    assert card.header.score_bar.value() == before and ">INN<" in missing_text(card)


# 11 -----------------------------------------------------------------------------------------------


def test_a_cleared_name_keeps_the_header_and_the_leave_prompt_cannot_save(
    card: ClientCard, add_client: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    card.show_client(add_client("ООО «Ромашка»"))
    card.requisites.widgets["name"].clear()
    type_text(card.requisites.widgets["name"], " ")
    assert card.header.title.text().endswith("ООО «Ромашка»") and "New client" not in card.header.title.text()
    asked: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        UnsavedChanges,
        "ask",
        classmethod(lambda cls, parent, name, can_save=True: (asked.append((name, can_save)), LeaveChoice.SAVE)[1]),
    )
    assert not card.maybe_leave()  # a card with errors is never "saved" on the way out
    assert asked == [("ООО «Ромашка»", False)]


# 19 -----------------------------------------------------------------------------------------------


def test_a_5000_character_name_takes_two_lines_with_a_tooltip(card: ClientCard) -> None:
    name = "Очень длинное название " * 218  # about 5,000 characters, as one paste can bring
    card.new_client(name)
    settle()
    line = card.header.title.fontMetrics().lineSpacing()
    assert card.header.title.height() <= 2 * line + 4 and card.header.title.text().endswith("…")
    assert name.strip() in card.header.title.toolTip()
    assert card.requisites.widgets["name"].mapTo(card, QPoint(0, 0)).y() < 200


# 20 -----------------------------------------------------------------------------------------------


def test_a_notice_does_not_move_the_fields(card: ClientCard, add_client: Callable[..., int]) -> None:
    card.show_client(add_client("ООО «Ромашка»"))
    settle()
    field = card.requisites.widgets["inn"]
    where = field.mapToGlobal(QPoint(0, 0))
    card.notice.show_message("Сделка «Поставка» удалена.", action="Отменить")
    settle()
    assert card.notice.isVisible() and field.mapToGlobal(QPoint(0, 0)) == where
    card.notice.close_button.click()
    settle()
    assert field.mapToGlobal(QPoint(0, 0)) == where


def test_a_duplicate_warning_does_not_move_the_fields_while_typing(
    qtbot: QtBot, card: ClientCard, add_client: Callable[..., int]
) -> None:
    add_client("ООО «Ёлка»", inn="7707083893")
    card.show_client(add_client("ООО «Ромашка»"))
    settle()
    field = card.requisites.widgets["phone"]
    where = field.mapToGlobal(QPoint(0, 0))
    type_text(card.requisites.widgets["inn"], "7707083893")
    qtbot.waitUntil(card.duplicates_label.isVisible, timeout=5000)
    settle()
    assert "ООО «Ёлка»" in card.duplicates_label.text() and field.mapToGlobal(QPoint(0, 0)) == where


# 17, 18 -------------------------------------------------------------------------------------------


def test_contact_columns_fit_and_the_users_widths_stay(
    card: ClientCard, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    ident = add_client("ООО «Ромашка»")
    contacts.add_contact(
        uow(),
        ident,
        ContactFields(
            full_name="Лаврентьева Александра Константиновна",
            position="Заместитель генерального директора",
            phones=("+7 916 123-45-67", "8 (495) 500-55-50, доб. 12"),
            emails=("a.lavrentieva@romashka-holding.ru", "buh@romashka-holding.ru"),
            is_primary=True,
        ),
    )
    card.show_client(ident)
    card.tabs.setCurrentIndex(1)
    settle()
    view = card.contacts.view
    name_width = view.header().sectionSize(0)
    assert name_width >= view.sizeHintForColumn(0)  # «★ Лаврентьева Александра Константиновна» whole
    assert sum(view.header().sectionSize(c) for c in range(5)) <= view.viewport().width() + 1
    view.header().resizeSection(1, 90)  # the user drags a column narrower
    card.show_client(ident)
    settle()
    assert view.header().sectionSize(1) == 90


def test_deal_and_summary_columns_are_not_squeezed(
    card: ClientCard, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    ident = add_client("ООО «Ромашка»")
    deals.add_deal(
        uow(),
        ident,
        DealFields(
            title="Годовое обслуживание кассовой техники", amount=Money.of("1250000.5"), opened_on=date(2026, 1, 10)
        ),
    )
    from datetime import UTC, datetime

    history.log_interaction(
        uow(),
        ident,
        InteractionFields(
            kind=InteractionKind.CALL,
            occurred_at=datetime(2026, 1, 12, 10, tzinfo=UTC),
            summary="Обсудили продление договора\nи скидку на второй год",
        ),
    )
    card.resize(1000, 700)  # room enough: then nothing needs to be cut
    card.show_client(ident)
    for tab, view, column in ((3, card.deals.view, 0), (2, card.history.view, 2)):
        card.tabs.setCurrentIndex(tab)
        settle()
        assert view.header().sectionSize(column) >= view.sizeHintForColumn(column)
    summary = card.history.model.item(0, 2)
    assert "\n" not in summary.text() and "скидку" in summary.toolTip()


def test_the_log_dialog_shows_the_whole_plan(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    dialog = LogDialog(
        uow,
        add_client("ООО «Ромашка»"),
        reminder_id=1,
        reminder_text="Предложить продление договора на обслуживание кассовой техники",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    plan = dialog.plan
    assert plan.width() >= plan.sizeHint().width()  # «Запланировать следующий контакт» whole
    label = dialog.plan_label
    assert label.isVisible() and label.wordWrap() and label.height() >= label.heightForWidth(label.width())


def test_the_industries_list_shows_whole_names(qtbot: QtBot, uow: Callable[[], UnitOfWork]) -> None:
    dialog = IndustriesDialog(uow)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    metrics = dialog.list.fontMetrics()
    widest = max(metrics.horizontalAdvance(dialog.model.item(r).text()) for r in range(dialog.model.rowCount()))
    rows = dialog.model.rowCount()
    assert rows > 0
    for r in range(rows):
        item = dialog.model.item(r)
        fits = metrics.horizontalAdvance(item.text()) + 16 <= dialog.list.viewport().width()
        assert fits or item.text() in item.toolTip(), item.text()
    assert widest > 0


# 21 -----------------------------------------------------------------------------------------------


def test_the_deal_dialog_says_nothing_before_anything_is_typed(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    dialog = DealDialog(uow, add_client("ООО «Ромашка»"), None, renewal_days=30, default_owner=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not any(m.isVisible() for m in dialog.messages.values())
    dialog.accept()
    assert dialog.messages["amount"].isVisible() and dialog.isVisible()


def test_leaving_a_field_shows_its_problem_and_the_label_stays_beside_it(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    dialog = ContactDialog(uow, add_client("ООО «Ромашка»"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(dialog.full_name, "Петрова Мария")
    type_text(dialog.birth_date.line, "31.02.1980")
    assert not dialog.messages["birth_date"].isVisible()  # still typing
    dialog.phones.setFocus()
    qtbot.waitUntil(lambda: dialog.messages["birth_date"].isVisible())
    settle()
    label = next(w for w in dialog.findChildren(type(dialog.age_label)) if w.text() == "Birth date:")
    field = dialog.birth_date.line
    middle = label.mapTo(dialog, QPoint(0, label.height() // 2)).y()
    top = field.mapTo(dialog, QPoint(0, 0)).y()
    assert top <= middle <= top + field.height()
    dialog.emails.setPlainText("не адрес")
    assert not dialog.messages["emails"].isVisible()  # not left yet, not nagged about


# 22 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["15031985", "150385", "15.03.1985", "15/03/1985", "1985-03-15"])
def test_the_birth_date_takes_digits_with_or_without_separators(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int], typed: str
) -> None:
    client = add_client("ООО «Ромашка»")
    dialog = ContactDialog(uow, client)
    qtbot.addWidget(dialog)
    type_text(dialog.full_name, "Петрова Мария")
    type_text(dialog.birth_date.line, typed)
    dialog.accept()
    [person] = contacts.list_contacts(uow(), client)
    assert person.birth_date == date(1985, 3, 15)


def test_the_date_field_has_a_calendar(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    from PySide6.QtCore import QDate

    dialog = DealDialog(uow, add_client("ООО «Ромашка»"), None, renewal_days=30, default_owner=None)
    qtbot.addWidget(dialog)
    field = dialog.contract_end
    assert field.button.menu() is not None
    field.calendar.clicked.emit(QDate(2027, 3, 15))
    assert field.line.text() == "15.03.2027" and field.value() == date(2027, 3, 15)
    assert QApplication.instance() is not None


def test_the_missing_fields_of_the_completeness_report_read_whole_in_the_tooltip() -> None:
    from PySide6.QtCore import Qt

    from salesdesk.domain.reports import ColumnKind, Report, ReportColumn
    from salesdesk.ui.reports_panel import ReportTableModel

    missing = "Контакт с должностью (52), Юридический адрес (40), ОГРН (33)"
    model = ReportTableModel()
    model.set_report(
        Report(
            name="completeness_by_manager",
            title="Полнота базы",
            parameters=(),
            columns=(
                ReportColumn("manager", "Менеджер"),
                ReportColumn("clients", "Клиентов", ColumnKind.INTEGER),
                ReportColumn("missing", "Чего чаще не хватает"),
            ),
            rows=(("Смирнова", 120, missing),),
            totals=None,
            chart=None,
        )
    )
    tip = model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["Контакт с должностью (52)", "Юридический адрес (40)", "ОГРН (33)"]


def test_a_narrow_list_never_cuts_a_column_header(qtbot: QtBot) -> None:
    """Squeezed columns give way down to their own header, never below it: a cut «Результат» reads as
    a fault, an elided cell (with its tooltip) does not."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTreeView

    from salesdesk.ui.widgets import FittedColumns

    model = QStandardItemModel(0, 5)
    model.setHorizontalHeaderLabels(["Когда", "Что", "Содержание", "Результат", "Кто"])
    model.appendRow(
        [
            QStandardItem(t)
            for t in (
                "11.03.2027 11:30",
                "Напоминание",
                "Отправили коммерческое предложение на поставку",
                "Договорились о встрече на следующей неделе",
                "Ольга Морозова",
            )
        ]
    )
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    fitted = FittedColumns(view, stretch=2, keep=(0,))
    view.resize(420, 200)
    view.show()
    qtbot.waitExposed(view)
    fitted.fit()
    header = view.header()
    for column in range(5):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), model.headerData(column, 1)


@pytest.fixture
def russian(qapp: QApplication, lang: None) -> Iterator[None]:
    from PySide6.QtCore import QLocale

    from salesdesk.ui import i18n

    before = QLocale()
    i18n.install(qapp, "ru")
    yield
    for translator in i18n._installed:  # back to no translation, as the other window tests expect
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(before)


def test_the_seven_tab_titles_fit_uncut_in_russian_at_1366(
    qtbot: QtBot, russian: None, make_window: Callable[[], object], add_client: Callable[..., int]
) -> None:
    """A 1366×768 screen, the card beside the list: every Russian title whole, none behind the arrows."""
    from salesdesk.ui.main_window import MainWindow

    add_client("ООО «Ромашка»")
    window = make_window()
    assert isinstance(window, MainWindow)
    window.resize(1366, 768)
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.client_id is not None)
    tabs = window.card.page.tabs
    bar = tabs.tabBar()
    qtbot.waitUntil(lambda: bar.width() > 0 and bar.width() < 700)  # beside the list, not the whole window
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[:2] == ["Реквизиты", "Контакты"] and len(titles) == 7
    for i, title in enumerate(titles):
        rect = bar.tabRect(i)
        # not squeezed below what its style needs for the whole title and its margins (then cut)
        assert rect.width() >= bar.tabSizeHint(i).width() > bar.fontMetrics().horizontalAdvance(title), title
        assert 0 <= rect.left() and rect.right() <= bar.width(), title  # in sight, no scrolling


def test_the_contacts_tabs_buttons_fit_uncut_in_russian_at_1366(
    qtbot: QtBot, russian: None, make_window: Callable[[], object], add_client: Callable[..., int]
) -> None:
    """«Загрузить из vCard…» and «Выгрузить контакты в vCard…» beside Add, Edit and Remove ran past the
    card's edge at 1366 px: each button of the row gets the width its whole text needs."""
    from salesdesk.ui.main_window import MainWindow

    add_client("ООО «Ромашка»")
    window = make_window()
    assert isinstance(window, MainWindow)
    window.resize(1366, 768)
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.client_id is not None)
    window.card.page.tabs.setCurrentIndex(1)
    tab = window.card.contacts
    qtbot.waitUntil(lambda: tab.isVisible() and tab.width() < 700)
    buttons = (tab.add_button, tab.edit_button, tab.remove_button, tab.import_button, tab.export_button)
    assert tab.import_button.text() == "Импорт vCard…"
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.mapTo(tab, button.rect().topRight()).x() <= tab.width(), button.text()
