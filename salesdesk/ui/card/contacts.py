"""The card's Contacts tab: the client's contact persons; add, edit (ContactDialog), remove with Undo;
import them from a .vcf file (the import wizard) and export them to one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QStandardItem
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from salesdesk.domain.errors import UserError
from salesdesk.domain.model import ContactPerson
from salesdesk.services import contacts, vcards
from salesdesk.ui.card.lists import CardContext, ListTab, clear, selected_id
from salesdesk.ui.dialogs import Confirm, ContactDialog
from salesdesk.ui.settings import dialog_start, remember_dialog_folder
from salesdesk.ui.widgets import birthday_text


class ContactsTab(ListTab):
    def __init__(self, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        self.view, self.model = context.list_view(
            "contacts",
            [self.tr("Full name"), self.tr("Position"), self.tr("Birthday"), self.tr("Phones"), self.tr("E-mails")],
            0,
            share=0.5,
        )
        self.hint = QLabel(self.tr("Save the new card first, then add its contact persons."))
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        # short names: with Add, Edit and Remove the row fits the card at 1366 px in Russian too
        self.import_button = QPushButton(self.tr("Import vCard…"))
        self.import_button.setToolTip(self.tr("Add contact persons from a .vcf file (a phone's address book)"))
        self.export_button = QPushButton(self.tr("Export vCard…"))
        self.export_button.setToolTip(self.tr("Save this client's contact persons to a .vcf file"))
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.view.doubleClicked.connect(self._on_edit_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def fill(self) -> None:
        today = date.today()
        clear(self.model)
        for person in self.card.contacts if self.card else ():
            age = person.age(today)
            born = person.birth_date
            # "12 марта 1985 (41)", or "12 марта" alone when the year is not known: no made-up age
            birthday = "" if born is None else birthday_text(born) + ("" if age is None else f" ({age})")
            name = QStandardItem(("★ " if person.is_primary else "") + person.full_name)
            name.setData(person.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(
                [
                    name,
                    QStandardItem(person.position),
                    QStandardItem(birthday),
                    QStandardItem(", ".join(person.phones)),
                    QStandardItem(", ".join(person.emails)),
                ]
            )
        saved = self.card is not None
        self.hint.setVisible(not saved)
        self.view.setEnabled(saved)
        self.add_button.setEnabled(saved)
        self.import_button.setEnabled(saved)
        self.export_button.setEnabled(saved and bool(self.card and self.card.contacts))
        self._update_buttons()
        self.fit(self.view)

    @Slot()
    def _update_buttons(self) -> None:
        has = selected_id(self.view) is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _selected(self) -> ContactPerson | None:
        ident = selected_id(self.view)
        if self.card is None or ident is None:
            return None
        return next((p for p in self.card.contacts if p.id == ident), None)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        if self.client is not None:  # the change bus brings the new list
            ContactDialog.edit(self, self.uow, self.client.id, ops=self.ops)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        person = self._selected()
        if self.client is not None and person is not None:
            ContactDialog.edit(self, self.uow, self.client.id, person, ops=self.ops)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        person = self._selected()
        if person is None:
            return
        if not Confirm.ask(
            self, self.tr("Remove contact person"), self.tr("Remove %s from this client's contacts?") % person.full_name
        ):
            return
        uow = self.uow
        self.trash_with_undo(
            lambda: contacts.trash_contact(uow(), person.id),
            lambda: contacts.restore_contact(uow(), person.id),
            self.tr("%s removed.") % person.full_name,
        )

    @Slot()
    def _on_import_button_clicked(self) -> None:
        """The import wizard, with this client offered as the one the cards' people join."""
        client = self.client
        if client is None:
            return
        from salesdesk.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.uow, self.ops.runner, self, operations=self.ops, client=(client.id, client.name))
        wizard.exec()

    @Slot()
    def _on_export_button_clicked(self) -> None:
        client = self.client
        if client is None:
            return
        name = "".join(ch for ch in client.name if ch not in '\\/:*?"<>|«»').strip() or "contacts"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export contacts to vCard"),
            dialog_start("export", f"{name}.vcf"),
            self.tr("Contact cards (*.vcf)"),
        )
        remember_dialog_folder("export", chosen)
        if chosen:
            self.export_to(Path(chosen) if Path(chosen).suffix else Path(chosen + ".vcf"))

    def export_to(self, path: Path) -> None:
        """Write this client's contact persons to *path*; a notice says how many, with Open."""
        client = self.client
        if client is None:
            return
        uow = self.uow
        self.ops.run(
            lambda: vcards.export_contacts(uow(), path, client_ids=[client.id]),
            self._on_exported,
            on_error=self._on_export_refused,
        )

    def _on_exported(self, result: vcards.VCardExportResult) -> None:
        path = result.path
        self.context.notice.show_message(
            self.tr("%Ln contact person(s) exported to %1.", "", result.contacts).replace("%1", path.name),
            kind="success",
            action=self.tr("Open"),
            callback=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            timeout_ms=30_000,
        )

    def _on_export_refused(self, exc: UserError) -> bool:
        self.context.notice.show_message(str(exc), kind="error")
        return True
