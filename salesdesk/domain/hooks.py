"""Hooks that pay (issue 16): what kind of reminder a "hook" was, from its text, and the rules of
counting what followed it.

A *hook* is a reminder marked done. The Hooks report asks of each hook done in a period whether an
interaction with the same client followed within N days, and whether a deal of that client was won
within M days; the rules are in docs/plans_and_hooks.md and here:

* **Interaction**: one logged for the client at or after the moment the reminder was marked done
  (the call made because of it counts), and no later than N days after.
* **Won deal**: won (its closing day) on the day the hook was done or up to M days after. A deal
  won before the hook is never counted. Each won deal is credited to one hook only: the latest hook
  of its client done on or before its closing day (within M days), so money is never counted twice.
* A reminder is one hook however often it was done (done, reopened, done again: the last time
  counts); each occurrence of a repeating reminder is its own reminder, so its own hook.
* The days from a hook to its money are counted to the first deal credited to it.

The kind of a reminder comes from its text, by keywords, Russian and English, first match wins, in
the order of ``KINDS``. A keyword is matched at the start of a word, case- and ё-blind, so
"продлен" finds "продление" and "продления" but not a word that merely contains it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from salesdesk.domain.messages import msg

DEFAULT_INTERACTION_DAYS = 14
DEFAULT_DEAL_DAYS = 90
MAX_HOOK_DAYS = 3650


@dataclass(frozen=True, slots=True)
class HookKind:
    code: str
    keywords: tuple[str, ...]  # word beginnings, lower case, "е" for "ё"

    @property
    def label(self) -> str:
        return str(msg(f"hook.kind.{self.code}"))


# The order matters: "позвонить по поводу продления договора" is a renewal, not a call.
KINDS: tuple[HookKind, ...] = (
    HookKind("renewal", ("продл", "пролонг", "перезаключ", "renew", "extend", "extension", "prolong")),
    HookKind("price_list", ("прайс", "price list", "pricelist", "price-list", "prices", "цены", "новые цены")),
    HookKind(
        "proposal",
        ("коммерческ", "кп", "предложени", "предложить", "условия", "proposal", "offer", "quote", "quotation"),
    ),
    HookKind("payment", ("оплат", "счет", "счёт", "акт сверки", "сверк", "задолженн", "invoice", "payment", "pay")),
    HookKind("greeting", ("поздрав", "годовщин", "день рождения", "праздник", "congratulat", "birthday", "anniversar")),
    HookKind("meeting", ("встреч", "визит", "meeting", "meet", "visit")),
    HookKind(
        "follow_up",
        ("перезвон", "позвон", "напомн", "уточн", "узна", "follow", "call", "check", "remind", "ask"),
    ),
)
OTHER = HookKind("other", ())
ALL_KINDS: tuple[HookKind, ...] = (*KINDS, OTHER)


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


_PATTERNS = tuple(
    (kind, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(_fold(word)) for word in kind.keywords) + ")"))
    for kind in KINDS
)


def classify(text: str) -> HookKind:
    """The kind of a reminder from its text; ``OTHER`` when no keyword is found."""
    folded = _fold(text)
    for kind, pattern in _PATTERNS:
        if pattern.search(folded):
            return kind
    return OTHER


def kind_of(code: str) -> HookKind:
    return next(k for k in ALL_KINDS if k.code == code)


def median_days(days: Sequence[int]) -> float | None:
    """The median of *days* (a half when the count is even); None when there are none."""
    return float(median(days)) if days else None
