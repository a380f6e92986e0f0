"""Saving over another seat's change (issue 14): what each side changed and what "mine over
theirs" saves.

A card, a deal or a contact person carries the ``version`` it was read at; saving it after someone
else saved it raises ``StaleEditError``. The user then sees what changed and chooses. Four values of
the same dataclass are compared field by field:

- *started*: what was saved when the user opened it, and *theirs*: what is saved now — the fields
  that differ are the other seat's changes;
- *baseline*: what the form held when it was shown, and *mine*: what is typed now — the fields that
  differ are the user's changes (two values of the form, so its own formatting never counts as one).

"Save mine over theirs" saves :meth:`Conflict.merged`: the saved version with the user's changed
fields put over it, so an other seat's change to a field the user did not touch is kept.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def changed_fields(before: Any, after: Any) -> tuple[str, ...]:
    """The fields of two values of one dataclass that differ, in the dataclass's order."""
    return tuple(f.name for f in dataclasses.fields(before) if getattr(before, f.name) != getattr(after, f.name))


@dataclass(frozen=True)
class Conflict(Generic[T]):
    theirs: T  # what is saved now
    mine: T  # what is typed
    their_fields: tuple[str, ...]  # what the other seat changed
    my_fields: tuple[str, ...]  # what the user changed

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field either side changed, in the dataclass's order."""
        both = set(self.their_fields) | set(self.my_fields)
        return tuple(f.name for f in dataclasses.fields(self.theirs) if f.name in both)  # type: ignore[arg-type]

    @property
    def clashes(self) -> tuple[str, ...]:
        """Fields both changed, to different values: "mine over theirs" loses their value there."""
        return tuple(
            f for f in self.my_fields if f in self.their_fields and getattr(self.mine, f) != getattr(self.theirs, f)
        )

    def merged(self) -> T:
        """The saved version with the fields the user changed put over it."""
        return dataclasses.replace(self.theirs, **{f: getattr(self.mine, f) for f in self.my_fields})  # type: ignore[type-var]


def conflict(started: T, theirs: T, baseline: T, mine: T) -> Conflict[T]:
    return Conflict(theirs, mine, changed_fields(started, theirs), changed_fields(baseline, mine))
