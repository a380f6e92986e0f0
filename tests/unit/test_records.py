"""Records cross to worker processes by pickle as one tuple of values: they must come back equal,
of their own class (a subclass keeps its extra fields), and ``evolve`` must give what
``dataclasses.replace`` gives."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.derived import derive
from salesdesk.domain.model import Client, ClientFields, ClientKind, ClientStatus, ContactFields
from salesdesk.domain.records import Record, evolve
from salesdesk.services.sheet_rows import Row

CONTACT = ContactFields(
    full_name="Иванов Иван", position="Директор", birth_date=date(1980, 3, 12), phones=("+7 916 123-45-67",)
)
CARD = ClientFields(
    name="ООО «Ромашка»",
    kind=ClientKind.LEGAL,
    inn="7707083893",
    phone="8 (495) 123-45-67",
    industry_id=3,
    status=ClientStatus.ACTIVE,
    tags=("опт", "VIP"),
)
STORED = Client(
    **{f.name: getattr(CARD, f.name) for f in dataclasses.fields(ClientFields)},
    id=42,
    version=3,
    completeness=70,
    missing=("kpp", "ogrn"),
    created_at=datetime(2026, 1, 2, tzinfo=UTC),
    updated_at=datetime(2026, 2, 3, tzinfo=UTC),
)


@pytest.mark.parametrize(
    "record",
    [
        CARD,
        CONTACT,
        STORED,  # a subclass: its own fields travel too
        derive(CARD, (CONTACT,)),
        Row(7, (), client=CARD, contact=CONTACT, problems=["x"], keys=(("+74951234567",), (), "ромашка")),
    ],
    ids=["card", "contact", "stored card", "derived", "row"],
)
def test_a_record_comes_back_from_pickle_and_copy_as_it_went(record: Record) -> None:
    for back in (pickle.loads(pickle.dumps(record, protocol=5)), copy.copy(record), copy.deepcopy(record)):
        assert type(back) is type(record)
        assert back == record
        assert [getattr(back, f.name) for f in dataclasses.fields(back)] == [  # type: ignore[arg-type]
            getattr(record, f.name)
            for f in dataclasses.fields(record)  # type: ignore[arg-type]
        ]


def test_a_record_pickles_as_a_tuple_not_field_by_field() -> None:
    # the point of it: the slotted dataclass' own __getstate__ asks for its fields on every object
    rebuild, (cls, values) = CARD.__reduce__()
    assert cls is ClientFields and isinstance(values, tuple) and len(values) == len(dataclasses.fields(ClientFields))


@settings(max_examples=200, deadline=None)
@given(
    changes=st.dictionaries(
        st.sampled_from(["name", "inn", "industry_id", "owner_id", "notes", "tags"]),
        st.one_of(st.text(max_size=20), st.integers(), st.none(), st.tuples(st.text(max_size=5))),
        max_size=4,
    )
)
def test_evolve_gives_what_replace_gives(changes: dict[str, object]) -> None:
    for record in (CARD, STORED):
        got = evolve(record, **changes)
        assert type(got) is type(record)
        assert got == dataclasses.replace(record, **changes)  # type: ignore[arg-type]
    assert CARD.name == "ООО «Ромашка»" and CARD.industry_id == 3  # the original is untouched


def test_evolve_refuses_what_replace_would_refuse_or_check() -> None:
    with pytest.raises(TypeError, match="no field 'nmae'"):
        evolve(CARD, nmae="x")

    @dataclasses.dataclass(frozen=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    @dataclasses.dataclass(frozen=True)
    class Counted:
        value: int
        seen: int = dataclasses.field(default=0, init=False)  # replace would reset it

    @dataclasses.dataclass(frozen=True)
    class Scaled:
        value: int
        factor: dataclasses.InitVar[int] = 1  # replace would want it again

    for record in (Checked(1), Counted(1), Scaled(1)):
        with pytest.raises(TypeError, match="does more in __init__"):
            evolve(record, value=-1)
