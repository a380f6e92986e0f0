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
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar

R = TypeVar("R")


@dataclasses.dataclass(frozen=True, slots=True)
class _Layout:
    names: tuple[str, ...]
    position: dict[str, int]  # of each field among the values
    values: Callable[[Any], tuple[Any, ...]]  # the field values of an object, in order
    build: Callable[[Sequence[Any]], Any]  # an object of the class from them, without __init__


_LAYOUTS: dict[type, _Layout] = {}


def _layout(cls: type) -> _Layout:
    """How a record class (a subclass has its own) is taken apart and built again."""
    found = _LAYOUTS.get(cls)
    if found is None:
        names = tuple(f.name for f in dataclasses.fields(cls))
        getter = attrgetter(*names)
        values = getter if len(names) > 1 else lambda obj: (getter(obj),)
        found = _LAYOUTS[cls] = _Layout(names, {n: i for i, n in enumerate(names)}, values, _builder(cls, names))
    return found


def _builder(cls: type, names: tuple[str, ...]) -> Callable[[Sequence[Any]], Any]:
    """A function setting each field in turn, written out as dataclasses writes ``__init__``: a
    loop over the fields took twice as long. ``object.__setattr__`` sets a frozen record's fields
    too: it is being built, not changed."""
    locals_ = [f"v{i}" for i in range(len(names))]
    lines = [
        "def build(values):",
        "    obj = new(cls)",
        f"    {', '.join(locals_)}, = values",
        *(f"    put(obj, {name!r}, {local})" for name, local in zip(names, locals_, strict=True)),
        "    return obj",
    ]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls, "put": object.__setattr__}
    exec("\n".join(lines), scope)  # noqa: S102 - the text is made here from the class' own field names
    return scope["build"]  # type: ignore[no-any-return]


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    return _layout(cls).build(values)


class Record:
    """Base of a slotted dataclass that pickles as one tuple of its field values."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Callable[[type, tuple[Any, ...]], Any], tuple[type, tuple[Any, ...]]]:
        cls = type(self)
        return _rebuild, (cls, _layout(cls).values(self))


def evolve(record: R, **changes: Any) -> R:
    """A copy of the dataclass *record* with *changes*: what ``dataclasses.replace`` gives, for a
    class whose ``__init__`` only sets its fields (no ``__post_init__``: checked)."""
    cls = type(record)
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} checks its values in __post_init__: use dataclasses.replace")
    layout = _layout(cls)
    unknown = changes.keys() - layout.position.keys()
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    values = list(layout.values(record))
    for name, value in changes.items():
        values[layout.position[name]] = value
    return layout.build(values)  # type: ignore[no-any-return]
