"""What the window remembers between runs, in an INI file in the data folder.

Using a file next to the database (not the registry or ~/.config) keeps a portable install and
the tests' temporary data folder self-contained. The settings the command line needs too (the
seat's manager, the language, the renewal lead days) are defined in the Qt-free
:mod:`salesdesk.settings`, which reads and writes this same file; here they go through QSettings
with that module's keys and meanings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSettings, QStandardPaths

from salesdesk import settings as seat
from salesdesk.domain.birthdays import MAX_DAYS_BEFORE
from salesdesk.settings import LANGUAGES

__all__ = ["FOLDER_PURPOSES", "LANGUAGES", "Settings", "dialog_start", "documents_folder", "remember_dialog_folder"]
FOLDER_PURPOSES = ("import", "export", "reports")
"""File dialogs remember their last folder separately for each of these."""


def documents_folder() -> Path:
    """The user's Documents folder (``Документы`` on a Russian Linux desktop, as xdg-user-dirs
    names it), or the home folder when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        target = path or seat.settings_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        self.q = QSettings(str(target), QSettings.Format.IniFormat)
        # While the window works on the demo base, "who I am" is the same person's id in the demo
        # base (ui/welcome.py sets it); the seat's own setting is neither read nor changed then.
        self.demo_manager: tuple[int | None] | None = None

    def _get(self, key: str, default: Any = None) -> Any:
        return self.q.value(key, default)

    @property
    def language(self) -> str:
        return seat.language_of(self._get(seat.KEY_LANGUAGE))

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue(seat.KEY_LANGUAGE, value)

    @property
    def current_manager_id(self) -> int | None:
        if self.demo_manager is not None:
            return self.demo_manager[0]
        return seat.manager_of(self._get(seat.KEY_MANAGER))

    @current_manager_id.setter
    def current_manager_id(self, value: int | None) -> None:
        if self.demo_manager is not None:
            self.demo_manager = (value,)
            return
        self.q.setValue(seat.KEY_MANAGER, "" if value is None else int(value))

    @property
    def asked_who(self) -> bool:
        """The "who are you?" question was put once (at a first start); later it waits in the panel."""
        return str(self._get("user/asked_who", "false")).lower() == "true"

    @asked_who.setter
    def asked_who(self, value: bool) -> None:
        self.q.setValue("user/asked_who", "true" if value else "false")

    @property
    def welcome_due(self) -> bool:
        """The welcome is shown at the next start: at the first start (nobody chosen, never asked),
        or when Settings asked for it again."""
        chosen = self._get("welcome/show")
        if chosen is not None:
            return str(chosen).lower() == "true"
        return self.current_manager_id is None and not self.asked_who

    @welcome_due.setter
    def welcome_due(self, value: bool) -> None:
        self.q.setValue("welcome/show", "true" if value else "false")

    @property
    def all_reminders(self) -> bool:
        """The reminders panel shows every manager's reminders (else the current manager's)."""
        return str(self._get("reminders/scope", "mine")) == "all"

    @all_reminders.setter
    def all_reminders(self, value: bool) -> None:
        self.q.setValue("reminders/scope", "all" if value else "mine")

    @property
    def renewal_days(self) -> int:
        return seat.renewal_days_of(self._get(seat.KEY_RENEWAL_DAYS))

    @renewal_days.setter
    def renewal_days(self, value: int) -> None:
        self.q.setValue(seat.KEY_RENEWAL_DAYS, int(value))

    @property
    def birthday_days(self) -> int:
        """How many days before a contact person's birthday its reminder is made; 0: none are (the
        default)."""
        try:
            days = int(str(self._get("reminders/birthday_days_before", 0)))
        except ValueError:
            return 0
        return days if 0 < days <= MAX_DAYS_BEFORE else 0

    @birthday_days.setter
    def birthday_days(self, value: int) -> None:
        self.q.setValue("reminders/birthday_days_before", int(value))

    @property
    def trash_days(self) -> int | None:
        """Days after which the trash empties itself at start; None: never (the default)."""
        return seat.trash_days_of(self._get(seat.KEY_TRASH_DAYS))

    @trash_days.setter
    def trash_days(self, value: int | None) -> None:
        self.q.setValue(seat.KEY_TRASH_DAYS, int(value or 0))

    def folder_for(self, purpose: str) -> Path:
        """Where a file dialog for *purpose* starts: the folder last used for it while it still
        exists, else Documents."""
        saved = self._get(f"folders/{_purpose(purpose)}")
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        return documents_folder()

    def remember_folder(self, purpose: str, chosen: Path) -> None:
        """Remember the folder of the file the user chose (or the folder itself) for *purpose*."""
        folder = chosen if chosen.is_dir() else chosen.parent
        self.q.setValue(f"folders/{_purpose(purpose)}", str(folder))

    def bytes(self, key: str) -> QByteArray | None:
        value = self._get(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.q.setValue(key, value)

    def rect(self, key: str) -> QRect | None:
        value = self._get(key)
        return QRect(value) if isinstance(value, QRect) and not value.isEmpty() else None

    def set_rect(self, key: str, value: QRect) -> None:
        self.q.setValue(key, value)

    def flag(self, key: str) -> bool:
        return str(self._get(key, "false")).lower() in ("true", "1")

    def set_flag(self, key: str, value: bool) -> None:
        self.q.setValue(key, bool(value))

    def mapping(self, key: str) -> dict[str, Any]:
        value = self._get(key)
        return dict(value) if isinstance(value, dict) else {}

    def set_mapping(self, key: str, value: dict[str, Any]) -> None:
        self.q.setValue(key, value)

    def column_widths(self, group: str) -> dict[str, dict[int, int]]:
        """Column widths the user dragged, by list name, kept under *group* as "column:width,…"
        strings (plain text in the INI file, readable by any later version)."""
        result: dict[str, dict[int, int]] = {}
        self.q.beginGroup(group)
        try:
            for name in self.q.childKeys():
                widths: dict[int, int] = {}
                for pair in str(self.q.value(name, "")).split(","):
                    column, _, width = pair.partition(":")
                    if column.strip().isdigit() and width.strip().isdigit():
                        widths[int(column)] = int(width)
                result[name] = widths
        finally:
            self.q.endGroup()
        return result

    def set_column_widths(self, group: str, widths: dict[str, dict[int, int]]) -> None:
        self.q.remove(group)
        for name, columns in widths.items():
            if columns:
                self.q.setValue(f"{group}/{name}", ",".join(f"{c}:{w}" for c, w in sorted(columns.items())))

    def sync(self) -> None:
        self.q.sync()


def _purpose(purpose: str) -> str:
    if purpose not in FOLDER_PURPOSES:
        raise ValueError(f"unknown file dialog purpose {purpose!r}")
    return purpose


def dialog_start(purpose: str, file_name: str = "") -> str:
    """The start path for a file dialog: the remembered folder for *purpose* (with *file_name*
    for a save dialog)."""
    folder = Settings().folder_for(purpose)
    return str(folder / file_name) if file_name else str(folder)


def remember_dialog_folder(purpose: str, chosen: str) -> None:
    """After a file dialog: remember where the user went (nothing when the dialog was cancelled)."""
    if chosen:
        Settings().remember_folder(purpose, Path(chosen))
