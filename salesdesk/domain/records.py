"""Value records that travel to worker processes and back a hundred thousand at a time.

A big import sends its rows, cards and derived columns between processes by pickle. A slotted
dataclass pickles through ``__getstate__``/``__setstate__`` written in Python, which asks
``dataclasses.fields`` for its fields on every object and sets them one by one on the way back
(loading a card: 5.0 µs). ``Record`` pickles the field values as one tuple (read in C by an
``attrgetter``) and rebuilds the object from it without running ``__init__`` again (2.75 µs):
the values came from a valid object, so nothing in them needs checking twice. ``copy.copy`` and
``copy.deepcopy`` go the same way.

``evolve`` is ``dataclasses.replace`` for records on the hot path: the same result, without a
call of ``__init__`` by keyword for every field (a card of 21 fields: 3.6 µs instead of 4.9).
"""

from __future__ import annotations

import dataclasses
import inspect
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
    plain: bool  # __init__ only sets the fields: evolve may build without it


_LAYOUTS: dict[type, _Layout] = {}


def _layout(cls: type) -> _Layout:
    """How a record class (a subclass has its own) is taken apart and built again."""
    found = _LAYOUTS.get(cls)
    if found is None:
        names = tuple(f.name for f in dataclasses.fields(cls))
        if not names:
            raise TypeError(f"{cls.__name__} has no fields to carry")
        getter = attrgetter(*names)
        values = getter if len(names) > 1 else lambda obj: (getter(obj),)
        position = {n: i for i, n in enumerate(names)}
        found = _LAYOUTS[cls] = _Layout(names, position, values, _builder(cls, names), _plain(cls, names))
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


def _plain(cls: type, names: tuple[str, ...]) -> bool:
    """Whether ``__init__`` sets the fields and does nothing else: it takes exactly the fields (no
    ``init=False`` field, which replace would reset; no ``InitVar``, which replace would want) and
    there is no ``__post_init__``."""
    taken = [p for p in inspect.signature(cls).parameters]
    return not hasattr(cls, "__post_init__") and sorted(taken) == sorted(names)


def evolve(record: R, **changes: Any) -> R:
    """A copy of the dataclass *record* with *changes*: what ``dataclasses.replace`` gives, for a
    class whose ``__init__`` only sets its fields (checked: no ``__post_init__``, no init-only
    variable, every field taken by ``__init__``)."""
    cls = type(record)
    layout = _layout(cls)
    if not layout.plain:
        raise TypeError(f"{cls.__name__} does more in __init__ than set its fields: use dataclasses.replace")
    unknown = changes.keys() - layout.position.keys()
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    values = list(layout.values(record))
    for name, value in changes.items():
        values[layout.position[name]] = value
    return layout.build(values)  # type: ignore[no-any-return]
