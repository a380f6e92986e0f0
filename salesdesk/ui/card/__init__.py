"""The client card: a small shell (`shell.ClientCard`) and one view + controller per tab
(`requisites`, `contacts`, `history`, `deals`, `reminders`); `lists` holds what the list tabs share,
`header` the name, completeness and duplicate warning above the tabs, `page` the editor page with
Save / Revert. The window imports `ClientCard` from here; the dialog of a save over another
seat's change is `ui/conflict_dialog.py`."""

from salesdesk.ui.card.page import ITEM_TARGETS
from salesdesk.ui.card.requisites import TEXT_FIELDS
from salesdesk.ui.card.shell import ClientCard

__all__ = ["ITEM_TARGETS", "TEXT_FIELDS", "ClientCard"]
