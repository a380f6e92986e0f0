"""OKVED divisions → sections, class codes, and the quartiles of industry benchmarks."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.okved import DIVISION_SECTION, SECTIONS, class_code, section_of, sort_key
from salesdesk.domain.register import QuartileCounter, Quartiles, quartiles, quartiles_of


@pytest.mark.parametrize(
    ("code", "section"),
    [("01.11", "A"), ("03", "A"), ("05.10", "B"), ("33.12", "C"), ("35", "D"), ("39.00", "E"), ("43.21", "F"),
     ("47.91", "G"), ("53.20", "H"), ("56.10", "I"), ("62.01", "J"), ("66.19", "K"), ("68.20", "L"), ("75.00", "M"),
     ("82.99", "N"), ("84.11", "O"), ("85.41", "P"), ("88.10", "Q"), ("93.29", "R"), ("96.09", "S"), ("98.20", "T"),
     ("99.00", "U"), ("J", "J"), ("04.1", None), ("x", None), ("6201", None), ("", None)],
)  # fmt: skip
def test_section_of_a_code(code: str, section: str | None) -> None:
    assert section_of(code) == section


def test_every_section_has_divisions_and_classes_sort_under_their_section() -> None:
    assert set(DIVISION_SECTION.values()) == {code for code, _name in SECTIONS}
    assert class_code("62.01.1") == "62.01" and class_code("62.0") == "62.0" and class_code("6x.01") == ""
    codes = ["K", "62.01", "J", "58.11", "A", "01.11", "64.19"]
    assert sorted(codes, key=sort_key) == ["A", "01.11", "J", "58.11", "62.01", "K", "64.19"]


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=2, max_size=200))
def test_quartiles_match_statistics_inclusive(values: list[int]) -> None:
    expected = statistics.quantiles(values, n=4, method="inclusive")
    found = quartiles(Counter(values))
    assert found is not None
    assert (found.q1, found.median, found.q3) == tuple(round(x) for x in expected)


def test_positions_and_the_streaming_counter() -> None:
    q = quartiles_of([10, 20, 30, 40, 50])
    assert q == Quartiles(5, 20, 30, 40)
    assert [q.position(v) for v in (45, 30, 25, 20, 5)] == ["top", "upper", "lower", "bottom", "bottom"]
    assert Quartiles(3, 1, 2, 3).position(3) is None  # too few to tell
    counter = QuartileCounter()
    for value in (1, 2, 3, 4, 5):
        counter.add("J", "77", value)
    counter.add("G", "50", 7)
    assert counter.results()[("J", "77")] == Quartiles(5, 2, 3, 4)
    assert quartiles(Counter()) is None
