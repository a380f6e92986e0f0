"""The Russian translation of the window: complete, faithful to placeholders and markup, with all
three plural forms, in step with the code (``tools/i18n.py --check``) and compiled into the .qm
that the program loads."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "salesdesk_ru.ts"
QM = ROOT / "salesdesk" / "resources" / "i18n" / "salesdesk_ru.qm"
TOOL = ROOT / "tools" / "i18n.py"

PLACEHOLDER = re.compile(r"%L?(?:\d+|n)|%[sdp]")
TAG = re.compile(r"<[^<>]+>")
ACCELERATOR = re.compile(r"&(?!&|\s)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    kind: str | None  # the translation's type attribute: None when finished
    forms: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def _messages() -> list[Message]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            numerus = message.get("numerus") == "yes"
            translation = message.find("translation")
            if translation is None:
                kind, forms = "missing", ()
            elif numerus:
                kind = translation.get("type")
                forms = tuple(f.text or "" for f in translation.findall("numerusform"))
            else:
                kind, forms = translation.get("type"), (translation.text or "",)
            found.append(Message(name, message.findtext("source", ""), numerus, kind, forms))
    return found


MESSAGES = _messages()


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("salesdesk_i18n_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _require(tool: ModuleType, *names: str) -> None:
    for name in names:
        try:
            tool.find_tool(name)
        except tool.ToolMissing as exc:
            pytest.skip(f"{name} is not installed with this Python's PySide6: {exc}")


def test_the_catalogue_is_not_empty() -> None:
    assert len(MESSAGES) > 100
    assert ET.parse(TS).getroot().get("language") == "ru_RU"


def test_every_message_has_a_finished_translation() -> None:
    unfinished = [str(m) for m in MESSAGES if m.kind is not None or not m.forms or not all(f.strip() for f in m.forms)]
    assert not unfinished, "untranslated or unfinished:\n" + "\n".join(unfinished)


def test_placeholders_tags_and_line_breaks_match_the_source() -> None:
    wrong = []
    for m in MESSAGES:
        for form in m.forms:
            for what, pattern in (("placeholders", PLACEHOLDER), ("tags", TAG)):
                if Counter(pattern.findall(form)) != Counter(pattern.findall(m.source)):
                    wrong.append(f"{m} -> {form!r}: {what} differ")
            if form.count("\n") != m.source.count("\n"):
                wrong.append(f"{m} -> {form!r}: line breaks differ")
    assert not wrong, "\n".join(wrong)


def test_accelerators_and_ellipses_are_kept() -> None:
    wrong = []
    for m in MESSAGES:
        for form in m.forms:
            if len(ACCELERATOR.findall(form)) != len(ACCELERATOR.findall(m.source)):
                wrong.append(f"{m} -> {form!r}: the & accelerator is missing or doubled")
            if form.count("…") != m.source.count("…"):
                wrong.append(f"{m} -> {form!r}: the … ellipsis differs")
            if m.source.startswith(" ") != form.startswith(" ") or m.source.endswith(" ") != form.endswith(" "):
                wrong.append(f"{m} -> {form!r}: leading or trailing space differs")
    assert not wrong, "\n".join(wrong)


# Accelerators that are live at the same time: the menu bar with the card's field labels (one
# window), and the items of each menu. Messages no longer in the code are left out.
ACCELERATOR_GROUPS = {
    "menu bar and card": [("MainWindow", s) for s in ("&File", "&Edit", "&View", "&Client", "&Help")]
    + [
        ("ClientCard", s)
        for s in (
            "&Name:",
            "&Kind:",
            "S&tatus:",
            "&Full legal name:",
            "&INN:",
            "Ind&ustry:",
            "&Owner:",
            "&Phone:",
            "&E-mail:",
            "&Legal address:",
        )
    ],
    "File menu": [("MainWindow", s) for s in ("&New client", "Load &demo data…", "&Settings…", "&Quit")],
    "Edit menu": [("MainWindow", s) for s in ("&Undo", "&Find", "Move to &trash", "&Restore from trash")],
    "View menu": [("MainWindow", s) for s in ("&Columns", "Show the &trash", "&Refresh")],
    "Client menu": [
        ("MainWindow", "&New client"),
        ("ClientCard", "&Save client"),
        ("ClientCard", "&Revert changes"),
        ("MainWindow", "Remind me in &3 months"),
        ("MainWindow", "Move to &trash"),
    ],
}


def test_accelerators_do_not_clash() -> None:
    translated = {(m.context, m.source): m.forms[0] for m in MESSAGES if m.forms and not m.numerus}
    clashes = []
    for group, members in ACCELERATOR_GROUPS.items():
        seen: dict[str, str] = {}
        for key in members:
            text = translated.get(key)
            found = ACCELERATOR.search(text or "")
            if text is None or found is None or found.end() >= len(text):
                continue
            letter = text[found.end()].lower()
            if letter in seen:
                clashes.append(f"{group}: {seen[letter]!r} and {text!r} share &{letter}")
            seen[letter] = text
    assert not clashes, "\n".join(clashes)


def test_plural_messages_have_the_three_russian_forms() -> None:
    plural = [m for m in MESSAGES if m.numerus]
    assert plural, "no %n message found: the .ts lost its numerus entries"
    wrong = [f"{m}: {len(m.forms)} form(s)" for m in plural if len(m.forms) != 3 or not all(m.forms)]
    assert not wrong, "\n".join(wrong)
    for m in MESSAGES:
        # %n / %Ln need plural forms; a numerus text may also omit the number ("day(s)" after a spin box)
        if "%n" in m.source or "%Ln" in m.source:
            assert m.numerus, f"{m}: a count without plural forms"


def test_the_ts_is_in_step_with_the_code() -> None:
    """What fails when someone adds a string to the window and does not translate it."""
    tool = _tool()
    _require(tool, "pyside6-lupdate", "pyside6-lrelease")
    done = subprocess.run(
        [sys.executable, str(TOOL), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    tool = _tool()
    _require(tool, "pyside6-lrelease")
    fresh = tmp_path / "salesdesk_ru.qm"
    tool.release(TS, fresh)
    assert QM.is_file(), f"{QM} is missing: run python tools/i18n.py"
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is stale: run python tools/i18n.py and commit it"


def test_the_qm_translates_the_window(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert translator.language() == "ru_RU"
    assert translator.translate("MainWindow", "&File") == "&Файл"
    assert translator.translate("ClientTable", "Owner") == "Ответственный"
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
        ages = {n: QCoreApplication.translate("ContactDialog", "Age: %n", "", n) for n in (1, 3, 11, 21, 25)}
        assert ages == {
            1: "Возраст: 1 год",
            3: "Возраст: 3 года",
            11: "Возраст: 11 лет",
            21: "Возраст: 21 год",
            25: "Возраст: 25 лет",
        }
    finally:
        app.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
