"""Value records that travel to worker processes and back a hundred thousand at a time.

A big import sends its rows, cards and derived columns between processes by pickle. A slotted
dataclass pickles through ``__getstate__``/``__setstate__`` written in Python, which asks
``dataclasses.fields`` for its fields on every object and sets them one by one on the way back:
about 13 µs to load one card's derived columns, more than deriving some of them took. ``Record``
pickles the field values as one tuple (read in C by an ``attrgetter``) and rebuilds the object
from it without running ``__init__`` again: the values came from a valid object, so nothing in
them needs checking twice. ``copy.copy`` and ``copy.deepcopy`` go the same way.

``evolve`` is ``dataclasses.replace`` for records on the hot path: the same result, without a
call of ``__init__`` by keyword for every field (11 µs for a card of 21 fields).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

R = TypeVar("R")

_Layout = tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], frozenset[str]]
_LAYOUTS: dict[type, _Layout] = {}
_set = object.__setattr__  # frozen records too: they are being built, not changed


def _layout(cls: type) -> _Layout:
    """The field names of a record class (a subclass has its own), a getter of their values, and
    the names as a set."""
    found = _LAYOUTS.get(cls)
    if found is None:
        names = tuple(f.name for f in dataclasses.fields(cls))
        getter = attrgetter(*names)
        values = getter if len(names) > 1 else lambda obj: (getter(obj),)
        found = _LAYOUTS[cls] = (names, values, frozenset(names))
    return found


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    obj: Any = object.__new__(cls)
    for name, value in zip(_layout(cls)[0], values, strict=True):
        _set(obj, name, value)
    return obj


class Record:
    """Base of a slotted dataclass that pickles as one tuple of its field values."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Callable[[type, tuple[Any, ...]], Any], tuple[type, tuple[Any, ...]]]:
        cls = type(self)
        return _rebuild, (cls, _layout(cls)[1](self))


def evolve(record: R, **changes: Any) -> R:
    """A copy of the dataclass *record* with *changes*: what ``dataclasses.replace`` gives, for a
    class whose ``__init__`` only sets its fields (no ``__post_init__``: checked)."""
    cls = type(record)
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} checks its values in __post_init__: use dataclasses.replace")
    names, values, known = _layout(cls)
    unknown = changes.keys() - known
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    obj = object.__new__(cls)
    for name, value in zip(names, values(record), strict=True):
        _set(obj, name, changes.get(name, value))
    return obj
