"""Dialogs driven through their widgets: contact person, next contact, settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from salesdesk.domain.model import Recurrence
from salesdesk.services import clients, contacts, reference
from salesdesk.store import UnitOfWork
from salesdesk.ui.dialogs import ContactDialog, HookDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import Settings
from salesdesk.ui.settings_dialog import SettingsDialog
from tests.gui.conftest import type_text


def test_contact_dialog_checks_as_you_type_and_saves(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    client_id = add_client("ООО «Ромашка»")
    dialog = ContactDialog(uow, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not any(m.isVisible() for m in dialog.messages.values())  # nothing typed, nothing to nag about
    dialog.accept()  # Save says what is missing
    assert dialog.isVisible() and dialog.messages["full_name"].isVisible()
    type_text(dialog.full_name, "Петрова Мария Ивановна")
    type_text(dialog.position, "Главный бухгалтер")
    type_text(dialog.birth_date.line, "31.02.1980")
    assert "dd.mm.yyyy" in dialog.messages["birth_date"].text()
    dialog.birth_date.line.clear()
    type_text(dialog.birth_date.line, "29021980")  # digits only: the way people type on a numpad
    assert dialog.age_label.text().startswith("Age:") and not dialog.messages["birth_date"].isVisible()
    dialog.phones.setPlainText("123-45-67")
    assert dialog.messages["phones"].isVisible()
    dialog.phones.setPlainText("+7 916 123-45-67\n8 (495) 500-55-50, доб. 12")
    assert not any(m.isVisible() for m in dialog.messages.values())
    dialog.accept()
    [person] = contacts.list_contacts(uow(), client_id)
    assert (person.full_name, person.birth_date) == ("Петрова Мария Ивановна", date(1980, 2, 29))
    assert person.phones == ("+7 916 123-45-67", "8 (495) 500-55-50, доб. 12")


def test_contact_added_from_the_card_raises_the_score(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    add_client: Callable[..., int],
    uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from salesdesk.domain.model import ContactFields

    ident = add_client("ООО «Ромашка»", inn="7707083893")
    window = make_window()
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.client_id == ident)
    before = window.card.header.score_bar.value()
    assert "Contact person with position" in window.card.header.missing_label.text()

    def add_like_the_dialog(cls, parent, uow_factory, client_id, contact=None, **_options):  # type: ignore[no-untyped-def]
        contacts.add_contact(uow_factory(), client_id, ContactFields(full_name="Иванов Иван", position="Директор"))
        return True

    monkeypatch.setattr(ContactDialog, "edit", classmethod(add_like_the_dialog))
    window.card.contacts.add_button.click()
    assert window.card.contacts.model.rowCount() == 1
    assert window.card.header.score_bar.value() > before
    assert clients.get_client(uow(), ident).completeness == window.card.header.score_bar.value()


def test_a_birthday_without_a_year_is_typed_kept_and_shown_without_year_or_age(
    qtbot: QtBot, make_window: Callable[[], MainWindow], uow: Callable[[], UnitOfWork], add_client: Callable[..., int]
) -> None:
    from salesdesk.domain.birthdays import YEAR_UNKNOWN
    from salesdesk.domain.model import ContactFields

    client_id = add_client("ООО «Ромашка»")
    dialog = ContactDialog(uow, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.full_name, "Петрова Мария")
    type_text(dialog.birth_date.line, "12.03")
    QApplication.sendEvent(dialog.birth_date.line, QFocusEvent(QEvent.Type.FocusOut))  # left the field
    qtbot.waitUntil(lambda: dialog.messages["birth_date"].isVisible())
    assert "year unknown" in dialog.messages["birth_date"].text()  # the message says how
    dialog.no_year.setChecked(True)
    assert not dialog.messages["birth_date"].isVisible()
    assert dialog.age_label.text() == "12 March"  # the day, no year, no age
    dialog.accept()
    [person] = contacts.list_contacts(uow(), client_id)
    assert person.birth_date == date(YEAR_UNKNOWN, 3, 12)

    again = ContactDialog(uow, client_id, person)  # editing it shows what was typed
    qtbot.addWidget(again)
    assert again.no_year.isChecked() and again.birth_date.text() == "12.03"
    again.no_year.setChecked(False)
    again.birth_date.line.setText("12.03.1985")
    again.no_year.setChecked(True)  # a whole date typed, then the year found wrong: the year goes
    assert again.birth_date.text() == "12.03"

    contacts.add_contact(uow(), client_id, ContactFields(full_name="Иванов Иван", birth_date=date(1985, 3, 12)))
    window = make_window()
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(lambda: window.card.contacts.model.rowCount() == 2)
    model = window.card.contacts.model
    shown = {model.item(r, 0).text().lstrip("★ "): model.item(r, 2).text() for r in range(model.rowCount())}
    age = date.today().year - 1985 - (1 if (date.today().month, date.today().day) < (3, 12) else 0)
    assert shown == {"Петрова Мария": "12 March", "Иванов Иван": f"12 March 1985 ({age})"}


def test_hook_dialog_on_a_date_with_repetition(qtbot: QtBot) -> None:
    dialog = HookDialog(text="Предложить новые условия")
    qtbot.addWidget(dialog)
    assert dialog.choice().months == 3  # the default
    dialog.date_edit.set_value(date.today() + timedelta(days=40))
    dialog.recurrence.setCurrentIndex(dialog.recurrence.findData(Recurrence.QUARTERLY))
    choice = dialog.choice()
    assert choice.months is None and choice.on is not None and choice.recurrence is Recurrence.QUARTERLY
    dialog.text_edit.clear()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_settings_dialog_adds_a_manager_and_remembers_me(
    qtbot: QtBot, uow: Callable[[], UnitOfWork], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    dialog = SettingsDialog(uow, settings)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Анна Смирнова", True))
    dialog.add_manager_button.click()
    assert dialog.manager.currentText() == "Анна Смирнова — Manager"  # the role beside the name (issue 14)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.language_note.isVisibleTo(dialog)
    dialog.accept()
    [anna] = reference.list_managers(uow())
    assert settings.current_manager_id == anna.id and settings.language == "ru"
