"""The card's list tabs and the form dialogs fill in the hooks of their base classes (Qt's
metaclass rules out ``abc.abstractmethod`` for widgets, so this test holds the rule instead)."""

from __future__ import annotations

import importlib
import pkgutil

import salesdesk.ui
import salesdesk.ui.card
from salesdesk.ui.card.lists import ListTab
from salesdesk.ui.forms import FormDialog


def _load_every_ui_module() -> None:
    for package in (salesdesk.ui, salesdesk.ui.card):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)


def _subclasses(base: type) -> list[type]:
    found, todo = [], [base]
    while todo:
        for cls in todo.pop().__subclasses__():
            found.append(cls)
            todo.append(cls)
    return found


def test_every_list_tab_shows_its_part_of_the_card() -> None:
    _load_every_ui_module()
    tabs = _subclasses(ListTab)
    assert {t.__name__ for t in tabs} >= {"ContactsTab", "HistoryTab", "DealsTab", "RemindersTab"}
    assert [t.__name__ for t in tabs if t.fill is ListTab.fill] == []


def test_every_form_dialog_checks_and_stores_its_fields() -> None:
    _load_every_ui_module()
    dialogs = _subclasses(FormDialog)
    assert {d.__name__ for d in dialogs} >= {"ContactDialog", "DealDialog", "LogDialog"}
    assert [d.__name__ for d in dialogs if d._validate is FormDialog._validate or d.store is FormDialog.store] == []
