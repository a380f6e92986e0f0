"""The identity index an import matches its rows by (domain/duplicates.py) keeps a value's only
holder without a list of its own (40 MB less at 100,000 rows). It must answer every question as the
plain "a list per value" index it replaced: the same holder first, the same field and value."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain import duplicates
from salesdesk.domain.duplicates import IdentityIndex, Key, Match


@dataclass
class ListIndex:
    """The index as it was: a list of holders for every value."""

    by_inn: dict[str, list[tuple[Key, str]]] = field(default_factory=dict)
    by_phone: dict[str, list[Key]] = field(default_factory=dict)
    by_email: dict[str, list[Key]] = field(default_factory=dict)
    by_name: dict[str, list[Key]] = field(default_factory=dict)
    inn_of: dict[Key, str] = field(default_factory=dict)

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
            self.by_inn.setdefault(inn, []).append((key, kpp))
            self.inn_of.setdefault(key, inn)
        for values, index in ((phones, self.by_phone), (emails, self.by_email), ((name,), self.by_name)):
            for value in values:
                if value:
                    holders = index.setdefault(value, [])
                    if key not in holders:
                        holders.append(key)

    def match(
        self, *, inn: str = "", kpp: str = "", phones: Iterable[str] = (), emails: Iterable[str] = (), name: str = ""
    ) -> Match | None:
        named = set(self.by_name.get(name, ())) if name else set()
        if inn:
            fits = [key for key, their_kpp in self.by_inn.get(inn, ()) if not kpp or not their_kpp or kpp == their_kpp]
            if fits:
                return Match(next((k for k in fits if k in named), fits[0]), "inn", inn)
        for values, index, field_name in (
            (phones, self.by_phone, "phone"),
            (emails, self.by_email, "email"),
            ((name,), self.by_name, "name"),
        ):
            for value in values:
                held = index.get(value, ()) if value else ()
                fits = [key for key in held if not inn or not self.inn_of.get(key, "")]
                if fits:
                    return Match(next((k for k in fits if k in named), fits[0]), field_name, value)
        return None


# few distinct values, so that holders pile up: shared INNs (branches), office phones and e-mails
_INN = st.sampled_from(["", "7707083893", "7728168971", "500100732259"])
_KPP = st.sampled_from(["", "770701001", "772801001"])
_PHONES = st.lists(st.sampled_from(["", "+74951234567", "+79161234567", "+78121234567"]), max_size=3)
_EMAILS = st.lists(st.sampled_from(["", "info@a.ru", "sales@b.ru"]), max_size=2)
_NAME = st.sampled_from(["", "ромашка", "ооо ромашка", "лютик"])
_IDENTIFIERS = st.fixed_dictionaries({"inn": _INN, "kpp": _KPP, "phones": _PHONES, "emails": _EMAILS, "name": _NAME})
_KEY = st.tuples(st.sampled_from(["base", "row"]), st.integers(1, 6))


def _compare(added: list[tuple[Key, dict[str, object]]], asked: list[dict[str, object]], crowded: int) -> None:
    """Add the same identifiers to both indexes, a value crowded from *crowded* holders on, and
    ask both the same questions, after every addition."""
    saved = duplicates.CROWDED
    duplicates.CROWDED = crowded
    try:
        compact, plain = IdentityIndex(), ListIndex()
        for key, identifiers in added:
            compact.add(key, **identifiers)  # type: ignore[arg-type]
            plain.add(key, **identifiers)  # type: ignore[arg-type]
            for question in asked:
                assert compact.match(**question) == plain.match(**question), question  # type: ignore[arg-type]
    finally:
        duplicates.CROWDED = saved
    for mine, theirs in (
        (compact.by_inn, plain.by_inn),
        (compact.by_phone, plain.by_phone),
        (compact.by_email, plain.by_email),
        (compact.by_name, plain.by_name),
    ):
        assert {value: list(IdentityIndex.holders(mine, value)) for value in mine} == theirs
    assert compact.inn_of == plain.inn_of


@settings(max_examples=500, deadline=None)
@given(added=st.lists(st.tuples(_KEY, _IDENTIFIERS), max_size=14), asked=st.lists(_IDENTIFIERS, max_size=8))
def test_the_compact_index_answers_as_the_list_index(
    added: list[tuple[Key, dict[str, object]]], asked: list[dict[str, object]]
) -> None:
    """Any sequence, keys added again with other identifiers (an INN that comes late included)."""
    for crowded in (2, 3, 16):
        _compare(added, asked, crowded)


@settings(max_examples=300, deadline=None)
@given(
    added=st.lists(_IDENTIFIERS, min_size=5, max_size=60),
    asked=st.lists(_IDENTIFIERS, min_size=1, max_size=6),
    base=st.integers(0, 20),
)
def test_crowded_values_answer_as_the_list_index(
    added: list[dict[str, object]], asked: list[dict[str, object]], base: int
) -> None:
    """As an import adds them: stored clients then rows, each key once with all its identifiers,
    many sharing a phone, an e-mail or a name (a chain's branches)."""
    keyed = [(("base" if i < base else "row", i), identifiers) for i, identifiers in enumerate(added)]
    for crowded in (2, 4):
        _compare(keyed, asked, crowded)
