"""Saved views (issue 15): a manager's named filters, search text, columns, sort and widths of the
client table or the deals list, kept in the base (they follow the manager to another seat of a shared
base), with the views shipped with the program (``domain/views.py`` ``SHIPPED``).

A view belongs to the unit of work's actor, the seat's signed-in manager (0: nobody signed in); a
manager sees the shipped views and their own. Saving, renaming and deleting record ``("view", id,
…)`` for the change bus (the views are the seat's settings, like the reference lists: the audit trail,
which tells of clients and their parts, does not record them). Counting runs one COUNT per view
through the lists' own SQL (``ClientListing.count``, ``DealListing.count``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from salesdesk.domain.errors import FieldProblem, NotFoundError, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.queries import ClientQuery, DealQuery
from salesdesk.domain.views import (
    SHIPPED,
    SHIPPED_BY_KEY,
    View,
    ViewCount,
    ViewDamaged,
    ViewList,
    ViewState,
    clean_name,
    client_query,
    deal_query,
    load_state,
    name_key,
    shipped_views,
    to_document,
)
from salesdesk.services.common import utcnow
from salesdesk.services.permissions import acting_manager_id
from salesdesk.store import UnitOfWork
from salesdesk.store.views import StoredView


def _owner(uow: UnitOfWork) -> int:
    return acting_manager_id(uow) or 0


def _view(stored: StoredView) -> View:
    which = ViewList(stored.list)
    try:
        return View(stored.id, which, stored.name, load_state(which, stored.document), owner_id=stored.owner_id)
    except ViewDamaged as damaged:
        return View(stored.id, which, stored.name, None, str(damaged.message), owner_id=stored.owner_id)


def _views(uow: UnitOfWork, which: ViewList | None) -> list[View]:
    own = [_view(v) for v in uow.views.list(_owner(uow), which.value if which else None)]
    return shipped_views(which) + own


def list_views(uow: UnitOfWork, which: ViewList | None = None) -> list[View]:
    """The shipped views, then the actor's own by name (a damaged one with its ``problem``)."""
    with uow.reading():
        return _views(uow, which)


def count_of(uow: UnitOfWork, view: View, *, now: datetime | None = None) -> int | None:
    """How many rows *view* shows now (inside an open unit of work); None for a damaged view."""
    if view.state is None:
        return None
    if view.list is ViewList.CLIENTS:
        query = client_query(view.state, me=acting_manager_id(uow), now=now or utcnow())
        return uow.listing.count(query)
    return uow.deal_listing.count(deal_query(view.state))


def views_with_counts(
    uow: UnitOfWork, which: ViewList | None = None, *, now: datetime | None = None
) -> list[ViewCount]:
    """Every view the actor sees with the count of each, in one read."""
    moment = now or utcnow()
    with uow.reading():
        return [ViewCount(v, count_of(uow, v, now=moment)) for v in _views(uow, which)]


def clients_query(uow: UnitOfWork, view: View, *, now: datetime | None = None) -> ClientQuery:
    """The client list *view* shows for the actor (``ValidationError`` for a damaged view)."""
    return client_query(_usable(view), me=acting_manager_id(uow), now=now or utcnow())


def deals_query(view: View) -> DealQuery:
    return deal_query(_usable(view))


def _usable(view: View) -> ViewState:
    if view.state is None:
        raise ValidationError([FieldProblem("view", msg("view.err.unusable", name=view.name, problem=view.problem))])
    return view.state


def find_view(uow: UnitOfWork, name_or_id: str, which: ViewList | None = None) -> View:
    """A view by its name (any shipped view's name in either language, or its key) or its number;
    a ``ValidationError`` naming it when there is none."""
    key = name_key(name_or_id)
    with uow.reading():
        found = _views(uow, which) if which is not None else _views(uow, None)
    for view in found:
        if view.shipped and (
            view.id == name_or_id.strip() or key in map(name_key, SHIPPED_BY_KEY[str(view.id)].names())
        ):
            return view
        if name_key(view.name) == key or (not view.shipped and name_or_id.strip() == str(view.id)):
            return view
    raise ValidationError([FieldProblem("view", msg("view.err.unknown", name=name_or_id.strip()))])


def find_view_of(uow: UnitOfWork, name_or_id: str, which: ViewList) -> View:
    """As ``find_view``, refused when the view is one of the other list's. The list's own views
    are looked in first: a manager's names are unique per list, so both lists may hold one name."""
    try:
        return find_view(uow, name_or_id, which)
    except ValidationError:
        view = find_view(uow, name_or_id)
    if view.list is not which:
        raise ValidationError([FieldProblem("view", msg("view.err.wrong_list", name=view.name))])
    return view


def _free_name(uow: UnitOfWork, which: ViewList, name: str, exclude_id: int | None) -> tuple[str, str]:
    cleaned = clean_name(name)
    key = name_key(cleaned)
    # a shipped view's name in either language is taken in both lists: a name then says one view
    shipped = any(key in map(name_key, s.names()) for s in SHIPPED)
    if shipped or uow.views.name_taken(_owner(uow), which.value, key, exclude_id):
        raise ValidationError([FieldProblem("name", msg("view.err.name_taken", name=cleaned))])
    return cleaned, key


def _own(uow: UnitOfWork, view_id: int | str) -> StoredView:
    if isinstance(view_id, str):
        shipped = SHIPPED_BY_KEY.get(view_id)
        if shipped is None:
            raise NotFoundError("view", view_id)
        raise ValidationError([FieldProblem("view", msg("view.err.shipped", name=shipped.view().name))])
    stored = uow.views.get(view_id)
    if stored is None or stored.owner_id != _owner(uow):
        raise NotFoundError("view", view_id)
    return stored


def save_view(uow: UnitOfWork, which: ViewList, name: str, state: ViewState, *, now: datetime | None = None) -> int:
    """Save *state* as a new view of the actor's called *name*; its id."""
    document = to_document(which, state)
    with uow:
        cleaned, key = _free_name(uow, which, name, None)
        ident = uow.views.add(_owner(uow), which.value, cleaned, key, document, now or utcnow())
        uow.record("view", ident, "created")
        uow.commit()
    return ident


def update_view(uow: UnitOfWork, view_id: int | str, state: ViewState, *, now: datetime | None = None) -> None:
    """Put *state* into the actor's view *view_id* (Save view); a shipped view is refused."""
    with uow:
        stored = _own(uow, view_id)
        uow.views.change(stored.id, now or utcnow(), document=to_document(ViewList(stored.list), state))
        uow.record("view", stored.id, "updated")
        uow.commit()


def rename_view(uow: UnitOfWork, view_id: int | str, name: str, *, now: datetime | None = None) -> str:
    """Rename the actor's view; the name as kept."""
    with uow:
        stored = _own(uow, view_id)
        cleaned, key = _free_name(uow, ViewList(stored.list), name, stored.id)
        uow.views.change(stored.id, now or utcnow(), name=cleaned, name_norm=key)
        uow.record("view", stored.id, "updated")
        uow.commit()
    return cleaned


def delete_view(uow: UnitOfWork, view_id: int | str) -> None:
    """Delete the actor's view for good (a view is a setting: no trash); a shipped view is refused."""
    with uow:
        stored = _own(uow, view_id)
        uow.views.remove(stored.id)
        uow.record("view", stored.id, "deleted")
        uow.commit()


def views_json(counted: Sequence[ViewCount]) -> list[dict[str, object]]:
    """The command line's ``salesdesk views --json``: [{"id", "list", "name", "count"}]."""
    return [{"id": c.view.id, "list": c.view.list.value, "name": c.view.name, "count": c.count} for c in counted]
