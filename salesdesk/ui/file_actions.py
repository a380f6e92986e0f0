"""The File menu's jobs on the base: demo data, import from a spreadsheet, export.

Each is one service call through the window's ``Operations``: the long ones (demo data, export)
with a progress dialog and Cancel (``Operations.run_long``), the import in its wizard. A refusal or
a store error (busy, read-only, disk full) is a message box over the window (the job is over,
nothing is left to correct in place), a bug the crash dialog; what they added reaches the lists by
the change bus, never by a refresh called from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from salesdesk.domain.errors import UserError
from salesdesk.domain.numbers import count_text
from salesdesk.domain.queries import ClientQuery
from salesdesk.services import demo
from salesdesk.services.common import Cancelled
from salesdesk.ui.dialogs import Inform

if TYPE_CHECKING:
    from salesdesk.services.enrichment import EnrichResult
    from salesdesk.services.exporting import ExportResult
    from salesdesk.services.vcards import VCardExportResult
    from salesdesk.ui.main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ops = window.operations

    def load_demo(self) -> None:
        count, ok = QInputDialog.getInt(
            self.w, self.tr("Demo data"), self.tr("How many demo clients to add to this base?"), 1000, 10, 200_000, 100
        )
        if not ok:
            return
        uow = self.ops.uow
        self.ops.run_long(
            self.w,
            self.tr("Demo data"),
            self.tr("Adding demo clients…"),
            lambda reporter: demo.load_demo(uow(), count, reporter=reporter),
            self._on_demo_loaded,
            on_error=self._refused,
            on_cancelled=self._on_cancelled,
        )

    def _on_demo_loaded(self, result: demo.DemoResult) -> None:
        # the list, the agenda and the card learnt of the new clients from the change bus
        self.w.notice.show_message(
            self.tr("%Ln demo client(s) added.", "", result.clients), kind="success", timeout_ms=5000
        )

    def _refused(self, exc: UserError) -> bool:
        """The job stopped and nothing was kept (base busy or full, no such folder): a message to read."""
        Inform.error(self.w, "SalesDesk", str(exc))
        return True

    def _on_cancelled(self, exc: Cancelled) -> None:
        self.w.notice.show_message(str(exc), kind="info", timeout_ms=5000)

    def import_file(self, path: Path | None) -> None:
        """Open the import wizard (on *path* when a file was dropped on the window)."""
        if not self.w.card.maybe_leave():
            return
        from salesdesk.ui.import_wizard import ImportWizard

        ImportWizard(self.ops.uow, self.w.runner, self.w, path, operations=self.ops).exec()

    @staticmethod
    def dropped_file(data: QMimeData) -> Path | None:
        """The one spreadsheet or .vcf file dropped on the window, if that is what was dropped."""
        from salesdesk.ui.import_wizard import IMPORTABLE

        urls = [u for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        if len(urls) != 1:
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower().lstrip(".") in IMPORTABLE else None

    def enrich(self) -> None:
        """File → Enrich from open data…: a register file of the tax service, read on a worker with
        progress and Cancel; what changed reaches the list and the card by the change bus."""
        from salesdesk.services import enrichment

        path = RegisterFileChoice.ask(self.w)
        if path is None:
            return
        uow = self.ops.uow
        self.ops.run_long(
            self.w,
            self.tr("Enrich from open data"),
            self.tr("Reading %1…").replace("%1", path.name),
            lambda reporter: enrichment.enrich(uow(), path, reporter=reporter),
            self._on_enriched,
            on_error=self._refused,
            on_cancelled=self._on_cancelled,
        )

    def _on_enriched(self, result: EnrichResult) -> None:
        text = (
            self.tr("Records read: %1. Clients of the base in the file: %2, updated: %3. Not in the SME register: %4.")
            .replace("%1", count_text(result.read))
            .replace("%2", count_text(result.matched))
            .replace("%3", count_text(result.updated))
            .replace("%4", count_text(result.not_in_register))
        )
        if result.conflicts:
            text += " " + self.tr(
                "%Ln client(s) keep the industry chosen by hand, which differs from the register.",
                "",
                len(result.conflicts),
            )
        if result.part:
            text += " " + self.tr(
                "This file is one part of the SME register: clients not in it are not flagged "
                "(read the whole .zip archive for that)."
            )
        if result.older:
            text += " " + self.tr(
                "%Ln client(s) have newer figures than the file's: left as they were.", "", result.older
            )
        self.w.notice.show_message(text, kind="success", timeout_ms=15000)

    def export(self) -> None:
        """The export dialog with the list's real figures (counted first if the list is being
        counted), then the export on a worker."""
        self.w.model.settle(self.w, self.tr("Export"), self._export_counted)

    def _export_counted(self, shown: int, base_total: int) -> None:
        from salesdesk.services import exporting
        from salesdesk.ui.export_dialog import ExportDialog

        w = self.w
        selected = len(w.table.selectionModel().selectedRows())  # after the count: it may drop rows
        choice = ExportDialog.ask(w, shown, base_total, selected, uow=self.ops.uow)
        if choice is None:
            return
        query = w.model.query if choice.scope == "filter" else ClientQuery()
        chosen = w.list_actions.selected_ids() if choice.scope == "selection" else None
        uow = self.ops.uow
        self.ops.run_long(
            w,
            self.tr("Export"),
            self.tr("Writing %1…").replace("%1", choice.path.name),
            lambda reporter: exporting.export_clients(uow(), choice.path, query=query, ids=chosen, reporter=reporter),
            self._on_exported,
            on_error=self._refused,
            on_cancelled=self._on_cancelled,
        )

    def export_vcard(self) -> None:
        """The contact persons of the selected clients (of all the list shows when none is) to a .vcf file."""
        from salesdesk.services import vcards
        from salesdesk.ui.settings import dialog_start, remember_dialog_folder

        w = self.w
        chosen_ids = w.list_actions.selected_ids() or None
        query = w.model.query
        name, _ = QFileDialog.getSaveFileName(
            w,
            self.tr("Export contacts to vCard"),
            dialog_start("export", "contacts.vcf"),
            self.tr("Contact cards (*.vcf)"),
        )
        remember_dialog_folder("export", name)
        if not name:
            return
        path = Path(name) if Path(name).suffix else Path(name + ".vcf")
        uow = self.ops.uow
        self.ops.run_slow(
            lambda: vcards.export_contacts(uow(), path, query=query, client_ids=chosen_ids),
            self._on_vcard_exported,
            on_error=self._refused,
        )

    def _on_vcard_exported(self, result: VCardExportResult) -> None:
        path = result.path
        self.w.notice.show_message(
            self.tr("%Ln contact person(s) exported to %1.", "", result.contacts).replace("%1", path.name),
            kind="success",
            action=self.tr("Open"),
            callback=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            timeout_ms=30_000,
        )

    def _on_exported(self, result: ExportResult) -> None:
        path = result.path
        self.w.notice.show_message(
            self.tr("%Ln client(s) exported to %1.", "", result.clients).replace("%1", path.name),
            kind="success",
            action=self.tr("Open"),
            callback=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            timeout_ms=30_000,
        )


class RegisterFileChoice:
    """Which register file to read; a dialog tests replace."""

    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        from salesdesk.ui.settings import dialog_start

        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("RegisterFileChoice", "Enrich from open data"),
            dialog_start("import", ""),
            QCoreApplication.translate("RegisterFileChoice", "Tax service open data (*.zip *.xml);;All files (*)"),
        )
        return Path(name) if name else None
