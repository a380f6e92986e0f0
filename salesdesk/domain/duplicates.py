"""Who is the same client: matching on INN (+KPP for branches), E.164 phone, e-mail, name.

One index serves the base and the rows of a file being imported, so a duplicate inside the file
is found exactly like a duplicate of a stored client.

Two cards whose INNs are both known and differ are never the same client, whatever else they
share: companies in one group share a switchboard, and "ООО «Альфа»" is a name a hundred firms
have. Phone, e-mail and name decide only where an INN is missing on one side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from salesdesk.domain.text import LEGAL_FORM_WORDS, LEGAL_FORMS, words

MATCH_ORDER = ("inn", "phone", "email", "name")


def name_key(name: str) -> str:
    """The name as matching compares it: folded words, legal form included ("АО «Квант»" and
    "ООО «Квант»" are different firms), quotes and punctuation ignored.

    The base keeps it in ``clients.name_key`` (an import finds stored clients by it): a change
    here, or in ``text.words``/``fold`` beneath it, needs a migration that computes the column
    again, as 0015 first did, or imports stop finding the old clients by name."""
    return " ".join(words(name))


def names_differ(first: str, second: str) -> bool:
    """Whether two names clearly belong to different firms ("ПАО Сбербанк" and "ООО «Ёлка»").

    Compared without legal forms, quotes, punctuation, case and ё: not when either is empty of
    words, when one's words are all in the other ("Ёлка" and "Ёлка-М", "ИП Сидоров" and "Сидоров
    Иван Петрович"), or when they are nearly the same letters (a typo).
    """
    one, two = _name_words(first), _name_words(second)
    if not one or not two or set(one) <= set(two) or set(two) <= set(one):
        return False
    return SequenceMatcher(None, " ".join(one), " ".join(two)).ratio() < 0.8


def _name_words(name: str) -> list[str]:
    return [w for w in words(name) if w not in LEGAL_FORMS and w not in LEGAL_FORM_WORDS]


Key = tuple[str, int]  # ("base", client id) or ("row", line number)


@dataclass(frozen=True, slots=True)
class Match:
    key: Key
    field: str  # which identifier matched: inn, phone, email or name
    value: str


CROWDED = 16  # holders from which a value keeps a crowd: where each holder stands, who holds no INN


@dataclass(slots=True)
class _Crowd:
    """A value that many hold (a chain's call-centre phone or office e-mail in each of its
    branches' rows): where each holder stands among them, and which held no INN when they came.
    Without it every row sharing the value scanned all the holders before it — an import of
    20,000 such rows took 12.6 s instead of 1.2 s for 5,000 (it grew with the square)."""

    position: dict[Key, int]
    without_inn: list[Key]


@dataclass(slots=True)
class _InnCrowd:
    """An INN many hold (the branches of one company, each with its own KPP, none matching
    another): where each KPP and each holder first stand among the INN's holders. 20,000 such
    rows took 8.3 s against 0.8 s for 5,000 when each read all the holders before it."""

    first_of_kpp: dict[str, int]
    places: dict[Key, int | list[int]]  # a list only for a holder there more than once


@dataclass
class IdentityIndex:
    """Who holds each identifier, in the order they were added.

    A value's holders are kept as the one holder itself while there is one (nearly every value of
    an import's 100,000 rows), a list from the second on: a one-element list each took 40 MB at
    100,000 rows. ``holders`` reads either. A phone, e-mail or name with ``CROWDED`` holders or
    more also keeps a ``_Crowd``, so that matching a row against it does not read every holder."""

    by_inn: dict[str, Any] = field(default_factory=dict)  # holders are (key, kpp)
    by_phone: dict[str, Any] = field(default_factory=dict)
    by_email: dict[str, Any] = field(default_factory=dict)
    by_name: dict[str, Any] = field(default_factory=dict)
    inn_of: dict[Key, str] = field(default_factory=dict)
    _crowds: dict[str, dict[str, _Crowd]] = field(default_factory=dict)  # "phone", "email", "name"
    _in_crowds: set[Key] = field(default_factory=set)  # every holder of a crowded value
    # a holder of a crowded value gained an INN after it came: the crowds' "who holds no INN" may
    # be out of date, so matching reads the holders themselves from then on (an import never does
    # this: a client or row brings its INN with its first identifiers)
    _crowds_stale: bool = False
    _inn_crowds: dict[str, _InnCrowd] = field(default_factory=dict)

    def add(
        self,
        key: Key,
        *,
        inn: str = "",
        kpp: str = "",
        phones: Iterable[str] = (),
        emails: Iterable[str] = (),
        name: str = "",
    ) -> None:
        if inn:
            self._hold_inn(inn, key, kpp)
            if key not in self.inn_of:
                self.inn_of[key] = inn
                if key in self._in_crowds:
                    self._crowds_stale = True
        for values, index, kind in (
            (phones, self.by_phone, "phone"),
            (emails, self.by_email, "email"),
            ((name,), self.by_name, "name"),
        ):
            for value in values:
                if value:
                    self._hold_key(kind, index, value, key)

    def _hold_key(self, kind: str, index: dict[str, Any], value: str, key: Key) -> None:
        crowd = self._crowd(kind, value)
        if crowd is not None:
            if key not in crowd.position:
                held = index[value]
                crowd.position[key] = len(held)
                held.append(key)
                self._in_crowds.add(key)
                if not self.inn_of.get(key, ""):
                    crowd.without_inn.append(key)
            return
        _hold(index, value, key, unique=True)
        held = index[value]
        if type(held) is list and len(held) >= CROWDED:
            self._crowds.setdefault(kind, {})[value] = _Crowd(
                {k: i for i, k in enumerate(held)}, [k for k in held if not self.inn_of.get(k, "")]
            )
            self._in_crowds.update(held)

    def _hold_inn(self, inn: str, key: Key, kpp: str) -> None:
        crowd = self._inn_crowds.get(inn)
        if crowd is not None:
            held = self.by_inn[inn]
            crowd.first_of_kpp.setdefault(kpp, len(held))
            _place(crowd.places, key, len(held))
            held.append((key, kpp))
            return
        _hold(self.by_inn, inn, (key, kpp), unique=False)
        held = self.by_inn[inn]
        if type(held) is list and len(held) >= CROWDED:
            crowd = self._inn_crowds[inn] = _InnCrowd({}, {})
            for place, (holder, their_kpp) in enumerate(held):
                crowd.first_of_kpp.setdefault(their_kpp, place)
                _place(crowd.places, holder, place)

    def _crowd(self, kind: str, value: str) -> _Crowd | None:
        crowds = self._crowds.get(kind)
        return crowds.get(value) if crowds else None

    @staticmethod
    def holders(index: dict[str, Any], value: str) -> Sequence[Any]:
        """The holders of *value* in one of the ``by_*`` indexes, in the order added."""
        held = index.get(value)
        if held is None:
            return ()
        return held if type(held) is list else (held,)

    def match(
        self, *, inn: str = "", kpp: str = "", phones: Iterable[str] = (), emails: Iterable[str] = (), name: str = ""
    ) -> Match | None:
        """The first holder of one of these identifiers, in the order INN, phone, e-mail, name.

        Branches share an INN and differ by KPP: with both KPPs known and different, the INN alone
        does not make two clients the same. A row with an INN is matched by its other identifiers
        only to holders without one. Of several holders, one with the row's name comes first.
        """
        if inn:
            inn_crowd = self._inn_crowds.get(inn)
            if inn_crowd is not None:
                found = self._inn_crowd_match(inn, inn_crowd, kpp, name)
                if found is not None:
                    return Match(found, "inn", inn)
            else:
                fits = [
                    key
                    for key, their_kpp in self.holders(self.by_inn, inn)
                    if not kpp or not their_kpp or kpp == their_kpp
                ]
                if fits:
                    return Match(self._same_name_first(fits, name), "inn", inn)
        for values, index, field_name in (
            (phones, self.by_phone, "phone"),
            (emails, self.by_email, "email"),
            ((name,), self.by_name, "name"),
        ):
            for value in values:
                if not value:
                    continue
                crowd = None if self._crowds_stale else self._crowd(field_name, value)
                if crowd is not None:
                    found = self._crowd_match(index, value, crowd, inn, name)
                    if found is not None:
                        return Match(found, field_name, value)
                    continue
                fits = [key for key in self.holders(index, value) if not inn or not self.inn_of.get(key, "")]
                if fits:
                    return Match(self._same_name_first(fits, name), field_name, value)
        return None

    def _crowd_match(self, index: dict[str, Any], value: str, crowd: _Crowd, inn: str, name: str) -> Key | None:
        """``match`` over a crowded value without reading all its holders: the first that fits
        (without an INN if the row has one), the first of them with the row's name if any."""
        fits: Sequence[Key] = crowd.without_inn if inn else index[value]
        if not fits:
            return None
        named = self.holders(self.by_name, name) if name else ()
        named_crowd = self._crowd("name", name) if name else None
        if named_crowd is not None and len(fits) <= len(named):  # the value's fits are fewer: read them
            return next((k for k in fits if k in named_crowd.position), fits[0])
        # the name's holders are fewer: where do they stand among the value's?
        places = [crowd.position[k] for k in named if k in crowd.position and (not inn or not self.inn_of.get(k, ""))]
        if places:
            return index[value][min(places)]  # type: ignore[no-any-return]
        return fits[0]

    def _inn_crowd_match(self, inn: str, crowd: _InnCrowd, kpp: str, name: str) -> Key | None:
        """The INN part of ``match`` over a crowded INN: the first holder whose KPP fits (none
        known on either side, or the same), the first of them with the row's name if any."""
        held: list[tuple[Key, str]] = self.by_inn[inn]
        if kpp:
            starts = [crowd.first_of_kpp[k] for k in ("", kpp) if k in crowd.first_of_kpp]
            if not starts:
                return None
            first = min(starts)
        else:
            first = 0
        if name:
            named = self.holders(self.by_name, name)
            name_crowd = self._crowd("name", name)
            if name_crowd is not None and len(held) <= len(named):  # the INN's holders are fewer: read them
                for key, their_kpp in held:
                    if (not kpp or not their_kpp or kpp == their_kpp) and key in name_crowd.position:
                        return key
            else:  # the name's holders are fewer: where do they stand among the INN's?
                places = [
                    place
                    for key in named
                    for place in _places(crowd.places.get(key))
                    if not kpp or not held[place][1] or held[place][1] == kpp
                ]
                if places:
                    return held[min(places)][0]
        return held[first][0]

    def _same_name_first(self, keys: list[Key], name: str) -> Key:
        """Of clients sharing an identifier (a sole trader and the person, one office e-mail), the one
        with the row's own name: else a second import of the same file fills one client from another's
        row and flags it "same e-mail, different name"."""
        if not name:
            return keys[0]
        crowd = self._crowd("name", name)
        if crowd is not None:
            return next((key for key in keys if key in crowd.position), keys[0])
        named = self.holders(self.by_name, name)
        return next((key for key in keys if key in named), keys[0])


def _hold(index: dict[str, Any], value: str, holder: Any, *, unique: bool) -> None:
    """Add *holder* to *value*'s holders (once if *unique*): the holder alone while it is the
    only one, a list from the second on (``IdentityIndex``)."""
    held = index.get(value)
    if held is None:
        index[value] = holder
    elif type(held) is list:
        if not unique or holder not in held:
            held.append(holder)
    elif not unique or held != holder:
        index[value] = [held, holder]


def _place(places: dict[Key, int | list[int]], key: Key, place: int) -> None:
    """Note where *key* stands among an INN's holders (``_InnCrowd.places``)."""
    known = places.get(key)
    if known is None:
        places[key] = place
    elif isinstance(known, int):
        places[key] = [known, place]
    else:
        known.append(place)


def _places(known: int | list[int] | None) -> Sequence[int]:
    if known is None:
        return ()
    return (known,) if isinstance(known, int) else known
