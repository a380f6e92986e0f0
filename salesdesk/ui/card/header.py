"""Above the card's tabs: the client's name and kind, how complete the card is (with links to what
is missing), and the warning that the typed INN, phone, e-mail or name belongs to another client."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from salesdesk.domain.freshness import fresh_score
from salesdesk.domain.model import Client, ClientFields, ContactFields
from salesdesk.domain.queries import DuplicateHit
from salesdesk.services import clients
from salesdesk.services.freshness import CardFreshness
from salesdesk.ui.texts import item_label
from salesdesk.ui.widgets import MUTED, ElidedLabel, scaled_font
from salesdesk.ui.workers import Latest, Runner


def stale_now(
    freshness: CardFreshness | None, fields: ClientFields, client: Client | None, missing: Sequence[str]
) -> dict[str, datetime]:
    """The stale items of the card as typed, with when each was last confirmed: an item emptied
    or typed anew in the form is no longer stale (saving it confirms it)."""
    if freshness is None or client is None:
        return {}
    shown = {}
    for item in freshness.stale:
        if item in missing:
            continue
        if hasattr(fields, item) and getattr(fields, item) != getattr(client, item):
            continue
        shown[item] = freshness.confirmations[item].confirmed_at
    return shown


def date_text(moment: datetime) -> str:
    local = moment.astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)


class CardHeader(QWidget):
    missing_clicked = Signal(str)  # a completeness item the user wants to fill
    confirm_clicked = Signal()  # the manager checked the stale fields: confirm them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = ElidedLabel(max_lines=2)  # a 5,000-character name must not push the form down
        scaled_font(self.title, 1.4, bold=True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(MUTED)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        score_row = QHBoxLayout()
        self.score_bar = QProgressBar()
        self.score_bar.setRange(0, 100)
        self.score_bar.setFixedWidth(110)
        self.score_bar.setFormat("%p %")
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.linkActivated.connect(self.missing_clicked)
        score_row.addWidget(self.score_bar)
        score_row.addWidget(self.missing_label, 1)
        layout.addLayout(score_row)
        # fields nobody has confirmed for the base's months (issue 16): a quiet line, and Confirm
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setTextFormat(Qt.TextFormat.RichText)
        self.stale_label.setStyleSheet("color: #8a6100;")
        self.stale_label.linkActivated.connect(self._on_stale_label_link_activated)
        self.stale_label.hide()
        layout.addWidget(self.stale_label)
        self.stale: dict[str, datetime] = {}

    @Slot(str)
    def _on_stale_label_link_activated(self, _link: str) -> None:
        self.confirm_clicked.emit()

    def name_of(self, fields: ClientFields, client: Client | None) -> str:
        """The stored name while a saved card is edited (a cleared or half-typed name is not the
        client's name yet); the typed one on a new card."""
        if client is not None:
            return client.name
        return fields.name.strip() or self.tr("New client")

    def show_fields(
        self,
        fields: ClientFields,
        client: Client | None,
        people: Sequence[ContactFields],
        *,
        dirty: bool,
        freshness: CardFreshness | None = None,
    ) -> None:
        """The card as typed: a dot when changed, kind and status, and how complete it is."""
        self.title.setText(("● " if dirty else "") + self.name_of(fields, client))
        parts = [fields.kind.label, fields.status.label]
        if client is not None:
            parts.append(self.tr("No. %d") % client.id)
        self.subtitle.setText(" · ".join(parts))
        # the value as it would be saved: "7707 083 893" counts, an INN that would be refused does not
        score = clients.card_completeness(fields, people)
        self.stale = stale_now(freshness, fields, client, score.missing)
        self.score_bar.setValue(fresh_score(fields.kind, score.missing, self.stale))
        self._show_stale(freshness, score.score)
        missing = list(score.missing)
        if missing:
            shown = missing[:4]
            links = ", ".join(f'<a href="{item}">{item_label(item)}</a>' for item in shown)
            if len(missing) > len(shown):
                links += " " + self.tr("and %n more", "", len(missing) - len(shown))
            self.missing_label.setText(self.tr("Missing: %s") % links)
            self.missing_label.setToolTip(", ".join(item_label(i) for i in missing))
        elif self.stale:  # all there, but not all of it still true: the bar is short of 100 % for that
            self.missing_label.setText(self.tr("Everything is filled in; some of it needs confirming."))
            self.missing_label.setToolTip("")
        else:
            self.missing_label.setText(self.tr("The card is complete."))
            self.missing_label.setToolTip("")

    def _show_stale(self, freshness: CardFreshness | None, filled: int) -> None:
        if not self.stale or freshness is None:
            self.stale_label.hide()
            self.score_bar.setToolTip(self.tr("Filled in: %1 %").replace("%1", str(filled)))
            return
        months = freshness.months
        names = ", ".join(item_label(item) for item in self.stale)
        text = self.tr("Not confirmed for %n month(s): ", "", months) + names
        link = self.tr("Confirm")
        self.stale_label.setText(f'{_html(text)} — <a href="confirm">{link}</a>')
        self.stale_label.setToolTip(
            "\n".join(
                self.tr("%1: not confirmed since %2").replace("%1", item_label(item)).replace("%2", date_text(at))
                for item, at in self.stale.items()
            )
        )
        self.stale_label.show()
        self.score_bar.setToolTip(
            self.tr("Filled in: %1 %; a field not confirmed for %n month(s) counts half", "", months).replace(
                "%1", str(filled)
            )
        )


class DuplicateWarning(QLabel):
    """What the typed card has in common with other clients, as links to them. The card checks on a
    worker when `timer` (started on every edit) runs out; an answer that comes after the card is
    gone goes nowhere."""

    open_client_requested = Signal(int)
    merge_requested = Signal(int)  # "Merge with…" that client (offered for a saved card only)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.can_merge = False
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(
            "background:#fef7e0; border:1px solid #f9d67a; color:#7a4f01; border-radius:4px; padding:4px;"
        )
        self.linkActivated.connect(self._on_link_activated)
        self.hide()
        self.latest = Latest(runner)
        latest = self.latest
        self.destroyed.connect(lambda *_: latest.drop())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(350)

    def check(self, query: Callable[[], list[DuplicateHit]]) -> None:
        """Run *query* on a worker; only the newest answer is shown."""
        self.latest.start(query, self.show_hits)

    def stop(self) -> None:
        self.timer.stop()
        self.latest.drop()

    def show_hits(self, hits: list[DuplicateHit]) -> None:
        if not hits:
            self.hide()
            return
        lines = []
        for hit in hits[:5]:
            link = f'<a href="{hit.client_id}">{_html(hit.name)}</a>'
            if hit.field == "inn":
                lines.append(self.tr("INN %1 already belongs to %2").replace("%1", hit.value).replace("%2", link))
            elif hit.field == "phone":
                lines.append(self.tr("Phone %1 is already on %2").replace("%1", hit.value).replace("%2", link))
            elif hit.field == "email":
                lines.append(self.tr("E-mail %1 is already on %2").replace("%1", _html(hit.value)).replace("%2", link))
            else:
                lines.append(self.tr("A client with this name exists: %1").replace("%1", link))
            if self.can_merge:
                merge = self.tr("Merge with…")
                lines[-1] += f' — <a href="merge:{hit.client_id}">{merge}</a>'
        self.setText("⚠ " + "<br>".join(lines))
        self.show()

    @Slot(str)
    def _on_link_activated(self, link: str) -> None:
        if link.startswith("merge:"):
            self.merge_requested.emit(int(link.removeprefix("merge:")))
        else:
            self.open_client_requested.emit(int(link))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
