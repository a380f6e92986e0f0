"""The client card: a small shell (`shell.ClientCard`) and one view + controller per tab
(`requisites`, `contacts`, `history`, `deals`, `reminders`); `lists` holds what the list tabs share,
`header` the name, completeness and duplicate warning above the tabs, `editor` the changed/savable
state of the form. The window imports `ClientCard` and `StaleEdit` from here."""

from salesdesk.ui.card.editor import ITEM_TARGETS
from salesdesk.ui.card.requisites import TEXT_FIELDS
from salesdesk.ui.card.shell import ClientCard, StaleEdit

__all__ = ["ITEM_TARGETS", "TEXT_FIELDS", "ClientCard", "StaleEdit"]
