"""Saved views of the client table and the deals list (issue 15): a name for a list's filters, search
text, visible columns in their order, sort and column widths.

A view is kept in the base as a versioned JSON document (``to_document``) and checked whenever it
is read (``from_document``): a document that is not JSON, has a version this program does not know,
or holds values of the wrong kind is refused with ``ViewDamaged`` (the faces show the view as
damaged, never crash); columns and widths of columns the program does not know are left out (they
may come from a newer version). The filter state is the same mapping the window's filter bars keep
(``ui/filters.py`` ``FilterBar.state``, the Deals tab's filters), so a view is what the user sees.

A few views ship with the program (``SHIPPED``): they belong to no one, everyone sees them in their
language, and they cannot be renamed, overwritten or deleted (a user saves their own copy instead).
Their ids are text (``"no_inn"``); views people save have integer ids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from salesdesk.domain.errors import FieldProblem, ValidationError
from salesdesk.domain.messages import LANGUAGES, Message, msg, render
from salesdesk.domain.model import ClientStatus, DealStage
from salesdesk.domain.queries import ClientQuery, ClientSort, DealQuery, DealSort
from salesdesk.domain.text import fold

DOC_VERSION = 1
MAX_NAME = 100
MAX_DOCUMENT = 20_000  # characters: a view is a few hundred; more is not a view
MAX_TEXT = 200
MAX_DORMANT_DAYS = 3650
WIDTH_RANGE = (20, 2000)


class ViewList(StrEnum):
    CLIENTS = "clients"
    DEALS = "deals"


class ViewDamaged(Exception):
    """A stored view this program cannot use; ``message`` says why in the user's words."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class ViewState:
    """What a view restores. An empty ``columns`` / ``widths`` / ``sort`` leaves the table's own."""

    filters: Mapping[str, Any] = field(default_factory=dict)
    text: str = ""
    columns: tuple[str, ...] = ()  # the visible columns, in their order
    sort: str = ""
    descending: bool = False
    widths: Mapping[str, int] = field(default_factory=dict)

    def same_as(self, other: ViewState) -> bool:
        """Does *other* (the table now) show what this view says? What the view leaves open is not
        compared."""
        if _effective(self.filters) != _effective(other.filters) or self.text.strip() != other.text.strip():
            return False
        if self.columns and self.columns != other.columns:
            return False
        if self.sort and (self.sort, self.descending) != (other.sort, other.descending):
            return False
        return all(other.widths.get(key, width) == width for key, width in self.widths.items())


# A value that filters only while its switch is on: a threshold left at 60 with "completeness below"
# unticked shows the same list as one left at 50.
_SWITCHED = {"threshold": "below", "dormant_days": "dormant", "from": "period", "to": "period"}


def _effective(filters: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in filters.items() if k not in _SWITCHED or filters.get(_SWITCHED[k])}


@dataclass(frozen=True, slots=True)
class View:
    id: int | str  # text for a shipped view
    list: ViewList
    name: str
    state: ViewState | None  # None: damaged (``problem`` says why)
    problem: str = ""
    owner_id: int | None = None  # None: shipped, or saved by a seat where nobody signed in

    @property
    def shipped(self) -> bool:
        return isinstance(self.id, str)


@dataclass(frozen=True, slots=True)
class ViewCount:
    view: View
    count: int | None  # None: a damaged view counts nothing


# Names ----------------------------------------------------------------------------------------------


def clean_name(name: str) -> str:
    """A view's name as kept: spaces at the ends and runs of spaces removed; refused when empty or
    too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError([FieldProblem("name", msg("view.err.name_empty"))])
    if len(cleaned) > MAX_NAME:
        raise ValidationError([FieldProblem("name", msg("view.err.name_long", limit=MAX_NAME))])
    return cleaned


def name_key(name: str) -> str:
    """Two names are the same view when their keys are equal ("Без ИНН" and "без инн")."""
    return fold(" ".join(name.split()))


# Filters --------------------------------------------------------------------------------------------

_CLIENT_DEFAULTS: dict[str, Any] = {
    "scope": "all",
    "status": "",
    "industry": 0,
    "owner": 0,
    "tag": "",
    "overdue": False,
    "below": False,
    "threshold": 50,
    "no_inn": False,
    "dormant": False,
    "dormant_days": 90,
    "checking": False,  # needs checking: a filled requisite or channel not confirmed for long (issue 16)
}
_DEAL_DEFAULTS: dict[str, Any] = {
    "client": "",
    "stage": "",
    "owner": 0,
    "industry": 0,
    "period": False,
    "from": "",
    "to": "",
}
DEFAULT_FILTERS: Mapping[ViewList, Mapping[str, Any]] = {
    ViewList.CLIENTS: _CLIENT_DEFAULTS,
    ViewList.DEALS: _DEAL_DEFAULTS,
}


def client_filters(**given: Any) -> dict[str, Any]:
    return check_filters(ViewList.CLIENTS, given)


def deal_filters(**given: Any) -> dict[str, Any]:
    return check_filters(ViewList.DEALS, given)


def check_filters(which: ViewList, given: Mapping[str, Any]) -> dict[str, Any]:
    """The full filter state of a list: every key, defaults for those not given. A value of the
    wrong kind is refused (``ViewDamaged``); keys this version does not know are left out."""
    defaults = DEFAULT_FILTERS[which]
    out = dict(defaults)
    for key, value in given.items():
        if key not in defaults:
            continue
        out[key] = _checked(which, key, value, defaults[key])
    return out


def _checked(which: ViewList, key: str, value: Any, default: Any) -> Any:
    bad = ViewDamaged(msg("view.err.bad_value", field=key))
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise bad
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise bad
        if key == "threshold" and not 1 <= value <= 100:
            raise bad
        if key == "dormant_days" and not 1 <= value <= MAX_DORMANT_DAYS:
            raise bad
        return value
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise bad
    allowed: tuple[str, ...] | None = None
    if key == "scope":
        allowed = ("all", "mine")
    elif key == "status":
        allowed = ("", *(s.value for s in ClientStatus))
    elif key == "stage":
        allowed = ("", "open", *(s.value for s in DealStage))
    if allowed is not None and value not in allowed:
        raise bad
    if key in ("from", "to") and value:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise bad from None
    return value


def client_query(state: ViewState, *, me: int | None, now: datetime | None = None) -> ClientQuery:
    """The client list a view shows, for the seat's manager *me* ("mine" shows everyone's when
    nobody is signed in, as the filter bar does)."""
    f = check_filters(ViewList.CLIENTS, state.filters)
    status = f["status"]
    mine = f["scope"] == "mine" and me is not None
    try:
        sort = ClientSort(state.sort) if state.sort else ClientSort.RELEVANCE
    except ValueError:
        sort = ClientSort.RELEVANCE
    return ClientQuery(
        text=state.text.strip(),
        statuses=frozenset({ClientStatus(status)}) if status else frozenset(),
        industry_id=f["industry"] or None,
        owner_id=me if mine else (f["owner"] or None),
        tag=f["tag"].strip(),
        overdue_only=f["overdue"],
        completeness_below=f["threshold"] if f["below"] else None,
        no_inn=f["no_inn"],
        dormant_days=f["dormant_days"] if f["dormant"] else None,
        needs_checking=f["checking"],
        sort=sort,
        descending=state.descending,
        now=now,
    )


def deal_query(state: ViewState) -> DealQuery:
    f = check_filters(ViewList.DEALS, state.filters)
    stage = f["stage"]
    if stage == "open":
        stages = frozenset(s for s in DealStage if not s.closed)
    elif stage:
        stages = frozenset({DealStage(stage)})
    else:
        stages = frozenset()
    try:
        sort = DealSort(state.sort) if state.sort else DealSort.OPENED
    except ValueError:
        sort = DealSort.OPENED
    dated = f["period"]
    return DealQuery(
        stages=stages,
        owner_id=f["owner"] or None,
        industry_id=f["industry"] or None,
        opened_from=date.fromisoformat(f["from"]) if dated and f["from"] else None,
        opened_to=date.fromisoformat(f["to"]) if dated and f["to"] else None,
        client_text=f["client"].strip(),
        sort=sort,
        descending=state.descending if state.sort else True,
    )


def dormant_cutoff(days: int, now: datetime | None = None) -> datetime:
    return (now or datetime.now(UTC)) - timedelta(days=days)


# The document ---------------------------------------------------------------------------------------


def to_document(which: ViewList, state: ViewState) -> str:
    document = {
        "version": DOC_VERSION,
        "list": which.value,
        "filters": check_filters(which, state.filters),
        "text": state.text,
        "columns": list(state.columns),
        "sort": state.sort,
        "descending": state.descending,
        "widths": dict(state.widths),
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


def from_document(which: ViewList, text: str, *, known_columns: frozenset[str] | None = None) -> ViewState:
    """The state a stored document holds, checked; ``ViewDamaged`` when it cannot be used."""
    if len(text) > MAX_DOCUMENT:
        raise ViewDamaged(msg("view.err.damaged"))
    try:
        document = json.loads(text)
    except ValueError:
        raise ViewDamaged(msg("view.err.damaged")) from None
    if not isinstance(document, dict):
        raise ViewDamaged(msg("view.err.damaged"))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ViewDamaged(msg("view.err.damaged"))
    if version > DOC_VERSION:
        raise ViewDamaged(msg("view.err.newer"))
    if document.get("list", which.value) != which.value:
        raise ViewDamaged(msg("view.err.damaged"))
    filters = document.get("filters", {})
    text_value = document.get("text", "")
    columns = document.get("columns", [])
    sort = document.get("sort", "")
    descending = document.get("descending", False)
    widths = document.get("widths", {})
    if (
        not isinstance(filters, dict)
        or not isinstance(text_value, str)
        or len(text_value) > MAX_TEXT
        or not isinstance(columns, list)
        or not all(isinstance(c, str) for c in columns)
        or not isinstance(sort, str)
        or not isinstance(descending, bool)
        or not isinstance(widths, dict)
    ):
        raise ViewDamaged(msg("view.err.damaged"))
    low, high = WIDTH_RANGE
    kept_widths = {
        str(k): v
        for k, v in widths.items()
        if isinstance(v, int) and not isinstance(v, bool) and low <= v <= high and _known(k, known_columns)
    }
    kept_columns = tuple(dict.fromkeys(c for c in columns if _known(c, known_columns)))
    return ViewState(
        filters=check_filters(which, filters),
        text=text_value,
        columns=kept_columns,
        sort=sort,
        descending=descending,
        widths=kept_widths,
    )


def _known(key: str, known: frozenset[str] | None) -> bool:
    return known is None or key in known


CLIENT_COLUMNS = frozenset(
    {"name", "status", "phone", "next_reminder", "owner", "inn", "city", "industry", "kind", "completeness"}
)
DEAL_COLUMNS = frozenset({"opened", "client", "title", "stage", "amount", "closed", "contract_end", "owner"})
KNOWN_COLUMNS: Mapping[ViewList, frozenset[str]] = {ViewList.CLIENTS: CLIENT_COLUMNS, ViewList.DEALS: DEAL_COLUMNS}


def load_state(which: ViewList, text: str) -> ViewState:
    return from_document(which, text, known_columns=KNOWN_COLUMNS[which])


# Shipped views ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shipped:
    key: str
    list: ViewList
    state: ViewState

    def view(self) -> View:
        return View(self.key, self.list, str(msg(f"view.shipped.{self.key}")), self.state)

    def names(self) -> tuple[str, ...]:
        """Its name in every language (a saved view may take none of them)."""
        return tuple(render(f"view.shipped.{self.key}", lang=lang) for lang in LANGUAGES)


SHIPPED: tuple[Shipped, ...] = (
    Shipped("mine", ViewList.CLIENTS, ViewState(client_filters(scope="mine"))),
    Shipped(
        "hot_leads",
        ViewList.CLIENTS,
        ViewState(client_filters(status="lead"), sort=ClientSort.NEXT_REMINDER.value),
    ),
    Shipped("no_inn", ViewList.CLIENTS, ViewState(client_filters(no_inn=True))),
    Shipped(
        "dormant_90",
        ViewList.CLIENTS,
        ViewState(client_filters(dormant=True, dormant_days=90, status="active")),
    ),
    Shipped(
        "incomplete",
        ViewList.CLIENTS,
        ViewState(client_filters(below=True, threshold=50), sort=ClientSort.COMPLETENESS.value),
    ),
    Shipped(
        "open_deals",
        ViewList.DEALS,
        ViewState(deal_filters(stage="open"), sort=DealSort.AMOUNT.value, descending=True),
    ),
    Shipped(
        "won_deals",
        ViewList.DEALS,
        ViewState(deal_filters(stage="won"), sort=DealSort.CLOSED.value, descending=True),
    ),
    Shipped(
        "contracts_ending",
        ViewList.DEALS,
        ViewState(deal_filters(stage="won"), sort=DealSort.CONTRACT_END.value),
    ),
)
SHIPPED_BY_KEY = {s.key: s for s in SHIPPED}


def shipped_views(which: ViewList | None = None) -> list[View]:
    return [s.view() for s in SHIPPED if which is None or s.list is which]


def with_state(view: View, state: ViewState) -> View:
    return replace(view, state=state, problem="")
