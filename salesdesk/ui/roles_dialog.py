"""Roles and the base's rules (issue 14, several seats): which managers are heads, and what the
others may do — export the whole base, erase. A head changes them (anyone, while the base has no
head); everyone else sees them read-only, with who can change them. The services enforce the same
(services/permissions.py)."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.model import Manager, Role
from salesdesk.services import permissions, reference
from salesdesk.services.common import UowFactory
from salesdesk.services.permissions import Rights, Rules
from salesdesk.ui.dialogs import Inform
from salesdesk.ui.operations import Operations, operations_for
from salesdesk.ui.widgets import MUTED


class RolesDialog(QDialog):
    def __init__(
        self,
        uow: UowFactory,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = operations_for(self, self._show_error, operations, uow)
        self.uow = self.ops.uow
        self.setWindowTitle(self.tr("Roles and rules"))
        self.setMinimumWidth(480)
        read: list[tuple[Rights, list[Manager]]] = []
        self.ops.read(lambda: (permissions.rights(self.uow()), reference.list_managers(self.uow())), read.append)
        self.rights, managers = read[0] if read else (Rights(None, False, Rules()), [])
        may = self.rights.may_set_roles
        self.note = QLabel(self._note_text())
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MUTED)
        roles_box = QGroupBox(self.tr("Roles"))
        roles_form = QFormLayout(roles_box)
        self.roles: dict[int, tuple[Manager, QComboBox]] = {}
        for manager in managers:
            combo = QComboBox()
            for role in Role:
                combo.addItem(role.label, role)
            combo.setCurrentIndex(combo.findData(manager.role))
            combo.setEnabled(may)
            self.roles[manager.id] = (manager, combo)
            roles_form.addRow(manager.name + ":", combo)
        if not managers:
            roles_form.addRow(QLabel(self.tr("No managers yet.")))
        rules_box = QGroupBox(self.tr("Managers who are not heads may"))
        rules_layout = QVBoxLayout(rules_box)
        self.may_export = QCheckBox(self.tr("export the whole base (otherwise only their own clients)"))
        self.may_export.setChecked(self.rights.rules.managers_may_export)
        self.may_erase = QCheckBox(
            self.tr("erase: empty the trash, erase clients and contact persons, erase from backups")
        )
        self.may_erase.setChecked(self.rights.rules.managers_may_erase)
        for box in (self.may_export, self.may_erase):
            box.setEnabled(may)
            rules_layout.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(may)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(roles_box)
        layout.addWidget(rules_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _note_text(self) -> str:
        rights = self.rights
        if not rights.has_head:
            return self.tr(
                "This base has no head yet, so nobody is restricted. Make someone a head: from then on only "
                "a head changes roles and these rules, and the rules apply to the other managers."
            )
        if not rights.may_set_roles:
            return self.tr("Only a head (%1) changes roles and rules.").replace("%1", ", ".join(rights.heads))
        return self.tr("A head sees, exports and erases everything. The rules below are for the other managers.")

    def _show_error(self, text: str) -> None:
        Inform.error(self, self.tr("Roles and rules"), text)

    def accept(self) -> None:
        changed: list[tuple[int, Role]] = [
            (ident, combo.currentData())
            for ident, (manager, combo) in self.roles.items()
            if combo.currentData() != manager.role
        ]
        changed.sort(key=lambda pair: pair[1] != Role.HEAD)  # heads first: the base never runs out of them
        for ident, role in changed:
            if not self.ops.run(functools.partial(self._set_role, ident, role)):
                return
        rules = Rules(self.may_export.isChecked(), self.may_erase.isChecked())
        if rules != self.rights.rules and not self.ops.run(functools.partial(permissions.set_rules, self.uow(), rules)):
            return
        super().accept()

    def _set_role(self, ident: int, role: Role) -> None:
        permissions.set_role(self.uow(), ident, role)

    @classmethod
    def edit(cls, parent: QWidget, uow: UowFactory, *, operations: Operations | None = None) -> bool:
        """The signed-in manager (the units of work's actor) sees or changes roles and rules."""
        return cls(uow, parent, operations=operations).exec() == QDialog.DialogCode.Accepted
