"""Strings of Qt's own dialogs that the Russian translation shipped with Qt (qtbase_ru.qm) lacks.

Qt 6 changed these labels of the non-native file dialog (an ampersand for the shortcut) and its
Russian file still has only the old forms, so "&Look in:" and "Files of &type:" showed in English
in the Russian window. Listing them here puts them into SalesDesk's own translation file under
Qt's context; ``i18n.install`` loads Qt's file after ours, so Qt's translation wins wherever it
has one and ours fills the gaps. Check again with a new Qt (tests/gui/test_qt_translations.py).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

GAPS: tuple[tuple[str, str], ...] = (
    ("QFileDialog", str(QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"))),
    ("QFileDialog", str(QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))),
)
