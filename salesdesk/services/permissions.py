"""Who may do what in a base of several seats (issue 14): roles and the base's rules.

A manager's role is "manager" or "head" (``domain/model.Role``). The rules, enforced here in the
services and not only by hidden buttons:

* A base **without a head** restricts nobody: a one-person office (or a base that never set roles)
  works as before, and anyone may appoint the first head.
* In a base **with a head**, a head sees, exports and erases everything, sets the others' roles and
  the base's rules. A manager who is not a head (or a seat where nobody signed in) may export the
  whole base (any client, the person-export of anyone) only when the base's rule
  ``managers_may_export`` is on, and erase (empty the trash, erase a client or contact person, erase
  from the backups) only when ``managers_may_erase`` is on. Both are off by default; a manager may
  always export their own clients.
* The base keeps at least one head once it has one (a head cannot step down as the last).

Who acts is the unit of work's actor (the seat's signed-in manager, given by the window or the
command line). The sign-in is the office's trust, not a password: the server's own accounts are
what keeps strangers out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.messages import Message, msg
from salesdesk.domain.model import Manager, Role
from salesdesk.services.common import utcnow
from salesdesk.store import UnitOfWork

KEY_EXPORT = "managers_may_export"
KEY_ERASE = "managers_may_erase"


class NotAllowed(ValidationError):
    """The signed-in manager may not do this in this base (the message says who can change it)."""

    def __init__(self, message: Message) -> None:
        super().__init__([FieldProblem("permission", message)])


@dataclass(frozen=True, slots=True)
class Rules:
    """The base's rules for managers who are not heads."""

    managers_may_export: bool = False
    managers_may_erase: bool = False


@dataclass(frozen=True, slots=True)
class Rights:
    """What the seat's signed-in manager may do in this base."""

    manager: Manager | None
    has_head: bool
    rules: Rules
    heads: tuple[str, ...] = ()

    @property
    def is_head(self) -> bool:
        return self.manager is not None and self.manager.role == Role.HEAD

    @property
    def restricted(self) -> bool:
        """Rules apply to this seat: the base has a head and this seat is not one."""
        return self.has_head and not self.is_head

    @property
    def may_export_all(self) -> bool:
        return not self.restricted or self.rules.managers_may_export

    @property
    def may_erase(self) -> bool:
        return not self.restricted or self.rules.managers_may_erase

    @property
    def may_set_roles(self) -> bool:
        """Roles and rules: a head, or anyone while the base has no head."""
        return not self.restricted


def acting_manager_id(uow: UnitOfWork) -> int | None:
    actor = uow.actor() if callable(uow.actor) else uow.actor
    return actor.manager_id


def _flag(value: str | None) -> bool:
    return value == "1"


_ACTOR = -1  # "the unit of work's actor" (a manager id is never negative)


def _rights_in(uow: UnitOfWork, manager_id: int | None = _ACTOR) -> Rights:
    """The rights of *manager_id* (default: the unit of work's actor), read inside the caller's
    open transaction."""
    if manager_id == _ACTOR:
        manager_id = acting_manager_id(uow)
    manager = None
    if manager_id is not None:
        found = [m for m in uow.managers.list() if m.id == manager_id]
        manager = found[0] if found else None
    heads = uow.managers.heads()
    rules = Rules(_flag(uow.base_settings.get(KEY_EXPORT)), _flag(uow.base_settings.get(KEY_ERASE)))
    return Rights(manager, bool(heads), rules, tuple(h.name for h in heads))


def rights(uow: UnitOfWork, manager_id: int | None = _ACTOR) -> Rights:
    """What the seat's signed-in manager (or *manager_id*) may do: the window hides and explains
    what it may not, the services refuse it."""
    with uow.reading():
        return _rights_in(uow, manager_id)


def _heads_text(found: Rights) -> str:
    return ", ".join(found.heads)


def require_erase(uow: UnitOfWork) -> None:
    """Inside an open unit of work: ``NotAllowed`` unless the actor may erase."""
    found = _rights_in(uow)
    if not found.may_erase:
        raise NotAllowed(msg("err.not_allowed.erase", heads=_heads_text(found)))


def require_export_all(uow: UnitOfWork) -> None:
    """Inside an open unit of work: ``NotAllowed`` unless the actor may export the whole base."""
    found = _rights_in(uow)
    if not found.may_export_all:
        raise NotAllowed(msg("err.not_allowed.export_all", heads=_heads_text(found)))


def require_export_of(uow: UnitOfWork, client_ids: Sequence[int]) -> None:
    """Inside an open unit of work: ``NotAllowed`` when the actor may export only their own clients
    and some of *client_ids* are another manager's (or nobody's)."""
    found = _rights_in(uow)
    if found.may_export_all:
        return
    others = uow.clients.not_owned_by(client_ids, found.manager.id if found.manager else None)
    if others:
        raise NotAllowed(msg("err.not_allowed.export", n=others, heads=_heads_text(found)))


def require_setting(uow: UnitOfWork) -> Rights:
    """Inside an open unit of work: ``NotAllowed`` unless the actor may set roles and the base's rules."""
    found = _rights_in(uow)
    if not found.may_set_roles:
        raise NotAllowed(msg("err.not_allowed.roles", heads=_heads_text(found)))
    return found


def set_role(uow: UnitOfWork, manager_id: int, role: Role, *, now: datetime | None = None) -> None:
    """Make *manager_id* a head or a plain manager (a head's right; anyone's while there is none)."""
    with uow:
        require_setting(uow)
        heads = [h.id for h in uow.managers.heads()]
        if role == Role.MANAGER and heads == [manager_id]:
            raise NotAllowed(msg("err.last_head"))
        uow.managers.set_role(manager_id, role, now or utcnow())
        uow.record("manager", manager_id, "updated")
        uow.commit()


def set_rules(uow: UnitOfWork, rules: Rules) -> None:
    """Change the base's rules for managers (a head's right; anyone's while there is no head)."""
    with uow:
        require_setting(uow)
        uow.base_settings.set(KEY_EXPORT, "1" if rules.managers_may_export else "0")
        uow.base_settings.set(KEY_ERASE, "1" if rules.managers_may_erase else "0")
        uow.record("manager", 0, "rules")  # the window reads the rights again
        uow.commit()
