"""The tax service's SME register in the domain's words: categories, and industry benchmarks.

A benchmark is the distribution (quartiles) of revenue or headcount of the businesses of one OKVED
section in one region: of the base's own clients, computed when asked, and of a whole register file,
computed while it streams (``QuartileCounter`` keeps a count per distinct value, so its memory
depends on how many different headcounts there are — a few hundred — not on the file's size).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from salesdesk.domain.messages import language, msg
from salesdesk.domain.numbers import number_text

CATEGORY_NAMES = {"micro": 1, "small": 2, "medium": 3}
MIN_FOR_QUARTILES = 4  # fewer businesses than this make no quarters worth telling


class SmeCategory(IntEnum):
    MICRO = 1
    SMALL = 2
    MEDIUM = 3

    @property
    def label(self) -> str:
        return str(msg(f"register.category.{self.value}"))


@dataclass(frozen=True, slots=True)
class Quartiles:
    count: int
    q1: int
    median: int
    q3: int

    def position(self, value: int) -> str | None:
        """Where *value* stands: "top", "upper", "lower" or "bottom" quarter; None when the
        distribution is too small to say."""
        if self.count < MIN_FOR_QUARTILES:
            return None
        if value >= self.q3:
            return "top"
        if value >= self.median:
            return "upper"
        if value > self.q1:
            return "lower"
        return "bottom"


def quartiles(counts: Counter[int]) -> Quartiles | None:
    """Quartiles of values given as value -> how many times (linear interpolation between the two
    nearest values, as ``statistics.quantiles(method="inclusive")``), rounded to whole units."""
    n = sum(counts.values())
    if n == 0:
        return None
    ordered = sorted(counts.items())

    def at(index: int) -> int:
        seen = 0
        for value, times in ordered:
            seen += times
            if index < seen:
                return value
        return ordered[-1][0]

    def quantile(q: float) -> int:
        position = q * (n - 1)
        low = int(position)
        fraction = position - low
        a = at(low)
        b = at(min(low + 1, n - 1))
        return round(a + (b - a) * fraction)

    return Quartiles(n, quantile(0.25), quantile(0.5), quantile(0.75))


def quartiles_of(values: Iterable[int]) -> Quartiles | None:
    return quartiles(Counter(values))


class QuartileCounter:
    """Counts per (section, region) of one measure, fed record by record while a file streams."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], Counter[int]] = {}

    def add(self, section: str, region: str, value: int) -> None:
        group = self.groups.get((section, region))
        if group is None:
            group = self.groups[(section, region)] = Counter()
        group[value] += 1

    def results(self) -> dict[tuple[str, str], Quartiles]:
        out = {}
        for key, counts in self.groups.items():
            found = quartiles(counts)
            if found is not None:
                out[key] = found
        return out


def roubles_text(amount: int) -> str:
    """Whole roubles as a person reads them: "24 800 000 ₽" (the register gives no kopecks)."""
    digits = number_text(amount)
    return f"{digits}\u00a0₽" if language() == "ru" else f"₽{digits}"


def position_text(position: str, measure: str, where: str) -> str:
    """ "Revenue in the top quarter of its industry in the region" (measure: revenue, headcount;
    where: region (the base's clients) or register (the whole register file))."""
    return str(msg(f"register.position.{measure}.{position}", where=msg(f"register.among.{where}")))
