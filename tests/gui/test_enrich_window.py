"""File → Enrich from open data… in the window: the card shows what the register said (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from salesdesk.ui.file_actions import RegisterFileChoice
from salesdesk.ui.main_window import MainWindow
from tests.gui.conftest import shown_names, wait_loaded
from tests.register_files import Company, headcount_xml, inn, register_xml, revenue_xml, write_zip

Window = Callable[[], MainWindow]
FIRMS = [Company(inn(f"77{n:07d}"), f"ООО «Фирма {n}»", okved="62.01", region="77", category=2) for n in range(1, 6)]


def _select(qtbot: QtBot, window: MainWindow, name: str) -> None:
    row = shown_names(window).index(name)
    window.table.setCurrentIndex(window.model.index(row, 0))
    qtbot.waitUntil(lambda: window.card.header.title.text().endswith(name))


def test_enrich_from_the_file_menu_fills_the_open_card(
    qtbot: QtBot, make_window: Window, add_client: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for firm in FIRMS:
        add_client(firm.name, inn=firm.inn)
    add_client("ООО «Ушедшие»", inn=inn("770999999"))
    path = write_zip(
        tmp_path / "data-10112026.zip",
        {
            "smp.xml": register_xml(FIRMS),
            "sschr.xml": headcount_xml([(f.inn, f.name, 10 * n) for n, f in enumerate(FIRMS, 1)]),
            "revexp.xml": revenue_xml([(f.inn, f.name, str(n * 1_000_000), "0") for n, f in enumerate(FIRMS, 1)]),
        },
    )
    window = make_window()
    _select(qtbot, window, "ООО «Фирма 5»")
    info = window.card.requisites.register_info
    assert not info.isVisible()
    monkeypatch.setattr(RegisterFileChoice, "ask", classmethod(lambda cls, parent: path))
    window.enrich_action.trigger()
    qtbot.waitUntil(lambda: info.isVisible(), timeout=10_000)
    # the card is refreshed by the change bus, the notice by the task's answer: either may come first
    qtbot.waitUntil(lambda: "updated: 5" in window.notice.label.text(), timeout=10_000)
    text = info.text()
    assert "SME category: small enterprise" in text and "data-10112026.zip" in text
    assert "62.01" in text and "revenue in the top quarter" in text and "Average headcount: 50" in text
    assert "updated: 5" in window.notice.label.text() and "Not in the SME register: 1" in window.notice.label.text()
    window.filters.unlisted.setChecked(True)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: shown_names(window) == ["ООО «Ушедшие»"], timeout=5000)
    _select(qtbot, window, "ООО «Ушедшие»")
    assert "Not in the latest SME register read" in window.card.requisites.register_info.text()


def test_the_prospect_finder_in_the_reports_tab_lists_and_adds(
    qtbot: QtBot, make_window: Window, add_client: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.ui.prospects_dialog import ProspectsDialog

    add_client(FIRMS[0].name, inn=FIRMS[0].inn)
    path = tmp_path / "smp.xml"
    path.write_bytes(register_xml([*FIRMS, Company(inn("500111111"), "ООО «Подмосковье»", region="50")]))
    window = make_window()
    dialogs: list[ProspectsDialog] = []
    monkeypatch.setattr(RegisterFileChoice, "ask", classmethod(lambda cls, parent: path))
    monkeypatch.setattr(ProspectsDialog, "exec", lambda self: dialogs.append(self) or 0)
    window.reports_page.prospects_button.click()
    dialog = dialogs[0]
    dialog.find_button.click()
    assert "Choose a register file first" in dialog.notice.label.text()
    dialog.choose_button.click()
    dialog.okved.setText("6x")
    dialog.find_button.click()
    assert "not an OKVED code" in dialog.notice.label.text()
    dialog.okved.setText("62.01")
    dialog.region.setText("77")
    dialog.limit.setValue(3)
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    assert dialog.shown_inns() == [f.inn for f in FIRMS[1:4]]  # the first is in the base already
    dialog.add_button.click()
    assert dialog.notice.label.text().startswith("3 prospect")
    qtbot.waitUntil(lambda: len(shown_names(window)) == 4, timeout=5000)
    dialog.close()


def test_one_xml_file_of_the_register_says_in_the_window_it_flags_nobody(
    qtbot: QtBot, make_window: Window, add_client: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_client(FIRMS[0].name, inn=FIRMS[0].inn)
    add_client("ООО «Ушедшие»", inn=inn("770999999"))
    part = tmp_path / "VO_RRMSPSV_0001.xml"
    part.write_bytes(register_xml(FIRMS[:1]))
    window = make_window()
    monkeypatch.setattr(RegisterFileChoice, "ask", classmethod(lambda cls, parent: part))
    window.enrich_action.trigger()
    qtbot.waitUntil(lambda: "updated: 1" in window.notice.label.text(), timeout=10_000)
    text = window.notice.label.text()
    assert "Not in the SME register: 0" in text
    assert "This file is one part of the SME register: clients not in it are not flagged" in text
