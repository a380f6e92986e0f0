"""Choosing and installing the interface language (Qt translations plus the core's messages)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from salesdesk.domain import messages

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "i18n"
_installed: list[QTranslator] = []


def resolve(setting: str) -> str:
    """ "ru" or "en" for a setting of "system", "ru" or "en"."""
    if setting in ("ru", "en"):
        return setting
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def uninstall(app: QCoreApplication) -> None:
    """Take out every translation :func:`install` put in (the source language, English, is left)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install(app: QCoreApplication, language: str) -> str:
    """Load the translations for *language* ("system", "ru", "en"); returns the one in use."""
    chosen = resolve(language)
    uninstall(app)
    messages.set_language(chosen)
    system = QLocale.system()
    if system.language() == QLocale.Language.C or (system.language() == QLocale.Language.Russian) != (chosen == "ru"):
        # formats follow the chosen language when it is not the system's own
        QLocale.setDefault(
            QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
            if chosen == "ru"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
    else:
        QLocale.setDefault(system)
    # English needs a file too: only for plural forms ("1 reminder", "2 reminders").
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"salesdesk_{chosen}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if chosen == "ru":
        qt = QTranslator(app)
        if qt.load("qtbase_ru", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return chosen
