"""The errors a person can act on, as opposed to bugs.

Everything a user can fix (a wrong INN, a record someone else changed, a locked file) is a
``UserError`` whose ``str()`` is a sentence in the user's language. Any other exception is a bug:
faces log it and show a crash dialog, and never lose what was typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from salesdesk.domain.messages import Message, has, msg


class UserError(Exception):
    """A problem the user can understand and act on."""

    # the input itself is wrong (a damaged or hostile file, not a spreadsheet), not the moment or
    # the machine: the command line exits 2 for it, as for an invalid value (cli.EXIT_INVALID)
    bad_input = False

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field; ``blocking`` problems stop a save, others only warn."""

    field: str
    message: Message
    blocking: bool = True

    def __str__(self) -> str:
        return str(self.message)


class ValidationError(UserError):
    """Input breaks one or more rules; ``problems`` names each field and what is wrong."""

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems = tuple(p for p in problems if p.blocking)
        if not self.problems:
            raise ValueError("ValidationError needs at least one blocking problem")
        super().__init__(self.problems[0].message)

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.problems)

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


def _about(what: str, key: str, **params: object) -> Message:
    """*key* said of a *what*: its own sentence where Russian needs the gender (Сделка не найдена)."""
    if has(f"{key}.{what}"):
        return msg(f"{key}.{what}", **params)
    return msg(key, what=msg(f"what.{what}"), **params)


class NotFoundError(UserError):
    def __init__(self, what: str, ident: int | str) -> None:
        super().__init__(_about(what, "err.not_found", id=ident))
        self.what = what
        self.ident = ident


class StaleEditError(UserError):
    """The row changed since the user opened it (optimistic locking on ``version``)."""

    def __init__(self, what: str, ident: int) -> None:
        super().__init__(_about(what, "err.stale", id=ident))
        self.what = what
        self.ident = ident


class StoreError(UserError):
    """The database cannot be used right now: busy, missing, too new, not ours, disk full."""
