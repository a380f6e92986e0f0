"""The card's Requisites tab: the client's own fields, checked as the user types.

A field shows the domain's message under it (the same rules the store enforces); a required field
the user has not touched yet on a new card is not an error yet. The tab only fills, reads and marks
its fields; the card decides what an edit means (changed, savable) and saves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QWidget

from salesdesk.domain.errors import FieldProblem
from salesdesk.domain.freshness import ITEMS as FRESH_ITEMS
from salesdesk.domain.model import ClientFields, ClientKind, ClientStatus, Industry, Manager
from salesdesk.services import clients
from salesdesk.ui.conflict_dialog import plain_text
from salesdesk.ui.forms import form_row
from salesdesk.ui.widgets import (
    FIELD_STYLESHEET,
    MUTED,
    FieldMessage,
    industry_label,
    mark_problem,
    refill_combo,
    scaled_font,
)

TEXT_FIELDS = (
    "name",
    "full_name",
    "inn",
    "kpp",
    "ogrn",
    "legal_address",
    "postal_address",
    "city",
    "phone",
    "email",
    "bank_name",
    "bik",
    "account",
    "corr_account",
    "source",
)
CHOICES = ("kind", "status", "industry_id", "owner_id")


class RequisitesTab(QScrollArea):
    """The form of the client's fields (name, kind, requisites, contacts, bank, notes)."""

    edited = Signal(str)  # the user changed this field (not a fill by the program)
    confirm_requested = Signal(str)  # the stale mark of this field was clicked: it is checked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.labels: dict[str, QLabel] = {}
        self.industries: list[Industry] = []
        self.managers: list[Manager] = []
        self.touched: set[str] = set()
        self.blocking = False
        self._loading = False
        self.stale_marks: dict[str, QAction] = {}
        self._build()
        self._add_stale_marks()

    def _build(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # in a narrow card the labels go above their fields instead of squeezing them
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        page.setStyleSheet(FIELD_STYLESHEET)
        line = QLineEdit
        self._field(form, "name", self.tr("&Name:"), line())
        kind = QComboBox()
        for kind_option in ClientKind:
            kind.addItem(kind_option.label, kind_option)
        self._field(form, "kind", self.tr("&Kind:"), kind)
        status = QComboBox()
        for status_option in ClientStatus:
            status.addItem(status_option.label, status_option)
        self._field(form, "status", self.tr("S&tatus:"), status)
        self._field(form, "full_name", self.tr("Full le&gal name:"), line())
        self._field(form, "inn", self.tr("&INN:"), line())
        self._field(form, "kpp", self.tr("KPP:"), line())
        self._field(form, "ogrn", self.tr("OGRN:"), line())
        self._field(form, "industry_id", self.tr("Ind&ustry:"), QComboBox())
        # the office's notes on the client's market, right where the manager looks
        self.industry_notes = QLabel()
        self.industry_notes.setWordWrap(True)
        self.industry_notes.setStyleSheet(MUTED)
        self.industry_notes.hide()
        form.addRow("", self.industry_notes)
        self._field(form, "owner_id", self.tr("&Owner:"), QComboBox())
        self._section(form, self.tr("Contact details"))
        self._field(form, "phone", self.tr("&Phone:"), line())
        self._field(form, "email", self.tr("E-&mail:"), line())
        self._field(form, "legal_address", self.tr("&Legal address:"), line())
        self._field(form, "postal_address", self.tr("Postal address:"), line())
        self._field(form, "city", self.tr("City:"), line())
        self._section(form, self.tr("Bank details"))
        self._field(form, "bank_name", self.tr("Bank:"), line())
        self._field(form, "bik", self.tr("BIK:"), line())
        self._field(form, "account", self.tr("Account:"), line())
        self._field(form, "corr_account", self.tr("Corr. account:"), line())
        self._section(form, self.tr("Other"))
        self._field(form, "source", self.tr("Source:"), line())
        tags = line()
        tags.setPlaceholderText(self.tr("Comma-separated, e.g. VIP, Wholesale"))
        self._field(form, "tags", self.tr("Tags:"), tags)
        notes = QPlainTextEdit()
        notes.setFixedHeight(90)
        self._field(form, "notes", self.tr("Notes:"), notes)
        for key, hint in (
            ("inn", self.tr("10 digits for a company, 12 for a sole trader or a person")),
            ("kpp", self.tr("9 characters, companies only")),
            ("phone", self.tr("Any format, e.g. 8 (495) 123-45-67")),
            ("bik", self.tr("9 digits, starts with 04")),
        ):
            self.line(key).setPlaceholderText(hint)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(page)

    def _add_stale_marks(self) -> None:
        """A quiet clock at the end of each requisite or channel, shown while it is stale; a click
        confirms it (the card asks the service)."""
        icon = _stale_icon()
        for key in FRESH_ITEMS:
            action = QAction(icon, "", self)
            action.triggered.connect(lambda _checked=False, k=key: self.confirm_requested.emit(k))
            self.stale_marks[key] = action

    def stale_shown(self, key: str) -> bool:
        """Whether the field shows its stale mark."""
        return self.stale_marks[key] in self.line(key).actions()

    def show_stale(self, stale: dict[str, datetime]) -> None:
        """Mark the fields not confirmed for long (item -> when last confirmed)."""
        from salesdesk.ui.card.header import date_text

        for key, action in self.stale_marks.items():
            at = stale.get(key)
            line = self.line(key)
            # added and taken away rather than hidden: a hidden action still leaves its button drawn
            if at is not None and not line.text().strip():
                at = None  # the card's phone is empty: the stale phone is a contact person's (the header says)
            if at is None:
                line.removeAction(action)
            elif action not in line.actions():
                line.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
            if at is not None:
                tip = self.tr("Not confirmed since %1. Click if it is still right.").replace("%1", date_text(at))
                action.setToolTip(tip)
                action.setText(tip)

    def _field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        message = FieldMessage()
        self.labels[key] = form_row(form, label, widget, message)
        self.widgets[key] = widget
        self.messages[key] = message
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, k=key: self._on_field_edited(k))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, k=key: self._on_field_edited(k))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda k=key: self._on_field_edited(k))

    def _section(self, form: QFormLayout, title: str) -> None:
        label = QLabel(title)
        label.setStyleSheet("margin-top: 8px;")
        scaled_font(label, 1.0, bold=True)
        form.addRow(label)

    def _on_field_edited(self, key: str) -> None:
        if self._loading:
            return
        self.touched.add(key)
        if key == "kind":
            self.apply_kind()
        self.edited.emit(key)

    def line(self, key: str) -> QLineEdit:
        widget = self.widgets[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def _combo(self, key: str) -> QComboBox:
        widget = self.widgets[key]
        assert isinstance(widget, QComboBox)
        return widget

    def _notes(self) -> QPlainTextEdit:
        widget = self.widgets["notes"]
        assert isinstance(widget, QPlainTextEdit)
        return widget

    # Reference lists, filling and reading ----------------------------------------------------

    def set_reference(self, industries: list[Industry], managers: list[Manager]) -> None:
        self.industries, self.managers = industries, managers
        for key, items in (
            ("industry_id", [(industry_label(i), i.id) for i in industries]),
            ("owner_id", [(m.name, m.id) for m in managers if m.active]),
        ):
            refill_combo(self._combo(key), self.tr("— not set —"), items)

    def fill(self, fields: ClientFields, trashed_industry: str | None = None) -> None:
        """Show *fields*; *trashed_industry* names the client's industry if it is in the trash (it
        still shows on the clients that have it)."""
        self._loading = True
        try:
            for key in TEXT_FIELDS:
                self.line(key).setText(getattr(fields, key))
                self.line(key).setCursorPosition(0)
            self.line("tags").setText(", ".join(fields.tags))
            self._notes().setPlainText(fields.notes)
            for key in CHOICES:
                combo, value = self._combo(key), getattr(fields, key)
                index = combo.findData(value)
                if index < 0 and key == "industry_id" and value is not None and trashed_industry is not None:
                    combo.addItem(trashed_industry, value)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def collect(self) -> ClientFields:
        """The card as typed right now."""
        values: dict[str, Any] = {key: self.line(key).text() for key in TEXT_FIELDS}
        values["tags"] = tuple(t.strip() for t in self.line("tags").text().split(",") if t.strip())
        values["notes"] = self._notes().toPlainText()
        for key in CHOICES:
            values[key] = self._combo(key).currentData()
        # Qt hands enum item data back as plain strings
        values["kind"] = ClientKind(values["kind"])
        values["status"] = ClientStatus(values["status"])
        return ClientFields(**values)

    def label_of(self, key: str) -> str:
        """A field's name as its label shows it (for the conflict dialog)."""
        return self.labels[key].text().replace("&", "").rstrip(":")

    def describe(self, key: str, value: Any) -> str:
        """A value as this form shows it: a choice by its name (industry, owner, status), else as text."""
        widget = self.widgets.get(key)
        if isinstance(widget, QComboBox) and value is not None:
            index = widget.findData(value)
            if index >= 0:
                return widget.itemText(index)
        return plain_text(key, value)

    # What the fields say ------------------------------------------------------------------------

    def apply_kind(self) -> None:
        kind = self.collect().kind
        self.labels["ogrn"].setText(self.tr("OGRNIP:") if kind is ClientKind.SOLE_TRADER else self.tr("OGRN:"))
        self.line("kpp").setEnabled(kind is ClientKind.LEGAL or bool(self.line("kpp").text()))
        self.line("ogrn").setEnabled(kind is not ClientKind.PERSON or bool(self.line("ogrn").text()))

    def show_industry_notes(self, industry_id: int | None) -> None:
        notes = next((i.notes for i in self.industries if i.id == industry_id), "")
        self.industry_notes.setText(notes if len(notes) <= 400 else notes[:400] + "…")
        self.industry_notes.setToolTip(notes)
        self.industry_notes.setVisible(bool(notes))

    def show_problems(self, problems: list[FieldProblem]) -> None:
        for message in self.messages.values():
            message.clear_problem()
        shown: dict[str, str] = {}
        for problem in problems:
            key = problem.field
            if problem.message.key == "err.required" and key not in self.touched:
                continue  # a new, untouched card is not an error yet
            if key in self.messages and key not in shown:
                self.messages[key].show_problem(str(problem), blocking=problem.blocking)
                shown[key] = "error" if problem.blocking else "warning"
        for key, widget in self.widgets.items():
            mark_problem(widget, shown.get(key))

    def check(self) -> ClientFields:
        """The fields as typed, checked: the messages, the kind's fields, the industry's notes; sets
        `blocking` when something stops the save."""
        fields = self.collect()
        self.show_industry_notes(fields.industry_id)
        self.apply_kind()
        problems = clients.check_client(fields)
        self.show_problems(problems)
        self.blocking = any(p.blocking for p in problems)
        return fields

    def focus(self, key: str) -> None:
        widget = self.widgets.get(key)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def to_top(self) -> None:
        self.verticalScrollBar().setValue(0)


def _stale_icon() -> QIcon:
    """A small amber clock: subtle beside the text, noticeable when looked for."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor("#c08400"))
    pen.setWidthF(1.5)
    painter.setPen(pen)
    painter.drawEllipse(QPointF(8, 8), 6, 6)
    painter.drawLine(QPointF(8, 8), QPointF(8, 4.5))
    painter.drawLine(QPointF(8, 8), QPointF(10.5, 9.5))
    painter.end()
    return QIcon(pixmap)
