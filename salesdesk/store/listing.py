"""The client list as SQL: filters, sorting, paging and full-text search in the database.

The window, the command line and the export ask through ``ClientQuery``; nothing sorts or
filters 100,000 rows in Python. On SQLite the search goes through the FTS5 index created by
migration 0002; other databases (PostgreSQL) match the same folded columns by word prefix with LIKE
over one expression, ``search_text``, which migration 0006 indexes with pg_trgm on PostgreSQL
(docs/phones_and_search.md).
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ARRAY,
    Connection,
    Integer,
    Select,
    String,
    and_,
    case,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import TableClause

from salesdesk.domain.freshness import cutoff as stale_cutoff
from salesdesk.domain.model import ClientStatus
from salesdesk.domain.okved import section_of
from salesdesk.domain.queries import ClientPage, ClientQuery, ClientRow, ClientSort
from salesdesk.domain.search import parse_query
from salesdesk.domain.text import fold
from salesdesk.store import schema as s
from salesdesk.store.freshness import FreshnessRepository
from salesdesk.store.repositories import CLIENT_ROW_COLUMNS, CLIENTS_WITH_NAMES, client_row, id_chunks

log = logging.getLogger(__name__)

# The FTS5 table is not part of the metadata (it is SQLite-only and made by a migration).
clients_fts = table("clients_fts", column("rowid"), column("search_name"), column("search_other"))
NAME_WEIGHT, OTHER_WEIGHT = 10.0, 1.0

_STATUS_ORDER = {status.value: i for i, status in enumerate(ClientStatus)}

# SQLite's engine asks whether a cancellable count is still wanted every this many steps (~0.1 ms)
PROGRESS_STEPS = 1_000
# ... and PostgreSQL's count is asked to stop within this many seconds of being typed over
CANCEL_POLL_S = 0.02
CANCEL_TIMEOUT_S = 5.0  # a cancel request not answered by then leaves its connection discarded


class CountCancelled(Exception):
    """A count stopped because nobody wants it any more (``count_and_average(cancelled=...)``)."""


# The first pages of a ranked search come from _ranked_window up to this many rows (the window's
# first page is 200); further down the list is read with the general statement.
RANKED_WINDOW_MAX = 1_000
# FTS5 keeps the best max(2 × the rows needed, this) matches at first (see _fts_top)
RANKED_K_MIN = 256
# FTS5 keeps at most this many best matches when looking for the first page (see _fts_top).
RANKED_CANDIDATES_MAX = 100_000
_FTS_TOP = text(
    "SELECT rowid, bm25(clients_fts, :nw, :ow) AS score FROM clients_fts "
    "WHERE clients_fts MATCH :e ORDER BY score LIMIT :k"
)
_FTS_UP_TO = text(
    "SELECT rowid, bm25(clients_fts, :nw, :ow) AS score FROM clients_fts "
    "WHERE clients_fts MATCH :e AND bm25(clients_fts, :nw, :ow) <= :cutoff"
)


# PostgreSQL, a search of several terms, with a filter or in the trash: so many clients with a name
# word starting with the first term are checked against the whole query first (_share_passing);
# the name words are then read in order only if, by that share, at most this many entries (with
# this margin) should hold the page — else the general statement answers at once.
SAMPLE = 64
SELECTIVE_MARGIN = 1.5
SELECTIVE_K_MAX = 4_096
# PostgreSQL: each distinct word of every client's name, with its sort key (migration 0016; see
# _name_words_first). Not in the metadata: it exists on PostgreSQL only, kept by triggers.
name_words = table(s.NAME_WORDS_TABLE, column("client_id"), column("word"), column("sort_key"))
# PostgreSQL: each distinct word of a client's search text that starts with a digit, cut to its
# leading digits, at most DIGIT_WORD_LEN, with its sort key (migration 0017; see _digit_words_first).
digit_words = table(s.DIGIT_WORDS_TABLE, column("client_id"), column("word"), column("sort_key"))
# ... read for a lone term of this many digits up to DIGIT_WORD_LEN (shorter: the sort-key index)
DIGIT_TERM_MIN = 3


def _only_the_search(query: ClientQuery) -> bool:
    """Nothing narrows *query* but its search text: the live base, no filter, no selection. With a
    filter or in the trash most of the best matches are not in the list, and SQLite's shortcut would
    read ever more of them before giving up (0.2–0.3 s for "ива" at 1,000,000 clients in an empty
    trash or an industry of 4 %, where the general statement takes 0.05 s): it answers only such
    queries. PostgreSQL's checks a sample first instead (``_share_passing``)."""
    return replace(query, text="", sort=ClientSort.RELEVANCE, descending=False) == ClientQuery()


class ClientListing:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.fts = conn.dialect.name == "sqlite"

    # Public ---------------------------------------------------------------------------------

    def page(self, query: ClientQuery, *, offset: int = 0, limit: int = 100, with_total: bool = True) -> ClientPage:
        """A page of the list, and (*with_total*) the count of everything *query* shows: the page is
        read first and on its own (``window_ids``), the count after it."""
        rows = tuple(self.rows(query, offset=offset, limit=limit))
        total = self.count(query) if with_total else len(rows)
        return ClientPage(rows, total, offset)

    def rows(
        self, query: ClientQuery, *, offset: int = 0, limit: int = 100, total: int | None = None
    ) -> list[ClientRow]:
        """Rows [offset, offset+limit) in display order.

        Given the *total*, a window in the second half is read in reverse order from the end, so
        the database skips at most half the rows: jumping to the last row costs what the first
        row costs.
        """
        return self.rows_by_ids(self.window_ids(query, offset=offset, limit=limit, total=total))

    def window_ids(self, query: ClientQuery, *, offset: int, limit: int, total: int | None = None) -> list[int]:
        """The ids of a window of the list, in display order.

        Only the clients table (and the search index) is read to find them, without the joins for
        names of industries and managers: an index such as ix_clients_live_sort_key then answers
        the skipping by itself, and a window in the middle of 100,000 clients costs milliseconds.
        The joins are added only where the order needs them.
        """
        if total is None or offset <= total // 2:
            ranked = self._ranked_window(query, offset=offset, limit=limit)
            if ranked is not None:
                return ranked
        joins = query.sort in (ClientSort.INDUSTRY, ClientSort.OWNER)
        if total is not None and offset > total // 2:
            end_offset = max(0, total - offset - limit)
            count = min(limit, total - offset)
            stmt = self._ordered(query, select(s.clients.c.id), reverse=True, joins_needed=joins)
            found = list(self.conn.execute(stmt.offset(end_offset).limit(count)).scalars())
            found.reverse()
            return found
        stmt = self._ordered(query, select(s.clients.c.id), joins_needed=joins)
        return list(self.conn.execute(stmt.offset(offset).limit(limit)).scalars())

    def ids(self, query: ClientQuery) -> list[int]:
        """Every matching id in display order (cheap: the window and the export page by these)."""
        stmt = self._ordered(query, select(s.clients.c.id))
        return list(self.conn.execute(stmt).scalars())

    def position_of(self, query: ClientQuery, client_id: int) -> int | None:
        """Where *client_id* stands in the list for *query* (None if the query does not show it)."""
        position_column = func.row_number().over(order_by=self._order_keys(query)).label("position")
        numbered = self._filtered(query, select(s.clients.c.id, position_column), ranked=self._ranked(query)).subquery()
        position = self.conn.execute(select(numbered.c.position).where(numbered.c.id == client_id)).scalar()
        return None if position is None else int(position) - 1

    def count(self, query: ClientQuery) -> int:
        stmt = self._filtered(query, select(func.count()), joins_needed=False)
        return int(self.conn.execute(stmt).scalar_one())

    def average_completeness(self, query: ClientQuery) -> float | None:
        return self.count_and_average(query)[1]

    def count_and_average(
        self, query: ClientQuery, *, cancelled: Callable[[], bool] | None = None
    ) -> tuple[int, float | None]:
        """How many clients *query* shows and their average completeness, in one pass.

        *cancelled*, asked every few thousand steps of SQLite's engine while the count runs, stops
        it (``CountCancelled``) once it says so: the window's count for a list typed over."""
        c = s.clients.c
        stmt = self._filtered(query, select(func.count(), func.avg(c.completeness)), joins_needed=False)
        with self._stoppable(cancelled):
            count, average = self.conn.execute(stmt).one()
        return int(count), None if average is None else float(average)

    @contextmanager
    def _stoppable(self, cancelled: Callable[[], bool] | None) -> Iterator[None]:
        """Run the block's statement so that *cancelled* stops it: SQLite asks it every few
        thousand steps of its engine; PostgreSQL gets a cancel request from a watcher that asks it
        every 20 ms (the server stops the count instead of finishing it for nobody)."""
        if cancelled is None:
            yield
            return
        if self.fts:
            with self._stoppable_sqlite(cancelled):
                yield
            return
        if self.conn.dialect.name != "postgresql":
            yield
            return
        if cancelled():  # typed over before it began: nothing to ask the server
            raise CountCancelled
        raw = self.conn.connection.driver_connection
        assert raw is not None  # a connection in use has its driver's
        finished, sent, doubtful = threading.Event(), threading.Event(), threading.Event()

        def watch() -> None:
            while not finished.wait(CANCEL_POLL_S):
                if cancelled():
                    sent.set()
                    try:
                        raw.cancel_safe(timeout=CANCEL_TIMEOUT_S)
                    except Exception:  # noqa: BLE001 — not sent, or not known whether it arrived
                        doubtful.set()
                        log.debug("a cancel request for an unwanted count failed", exc_info=True)
                    return

        watcher = threading.Thread(target=watch, name="count-cancel", daemon=True)
        watcher.start()
        try:
            yield
        except OperationalError as exc:
            if sent.is_set():  # "canceling statement due to user request"
                raise CountCancelled from exc
            raise
        finally:
            finished.set()
            watcher.join()
            if doubtful.is_set():
                # a cancel that may still reach this backend must not stop whatever it runs next
                # (a save, reported as the server's time limit): the connection is not used again
                self.conn.invalidate()
        if doubtful.is_set():
            raise CountCancelled

    @contextmanager
    def _stoppable_sqlite(self, cancelled: Callable[[], bool]) -> Iterator[None]:
        raw = self.conn.connection.driver_connection
        assert raw is not None  # a connection in use has its driver's
        raw.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_STEPS)
        try:
            yield
        except OperationalError as exc:
            if cancelled():  # "interrupted": the handler stopped it
                raise CountCancelled from exc
            raise
        finally:
            raw.set_progress_handler(None, 0)

    def rows_by_ids(self, ids: Sequence[int]) -> list[ClientRow]:
        """Rows for these ids, in the order given (ids not found are left out)."""
        if not ids:
            return []
        found: dict[int, ClientRow] = {}
        for chunk in id_chunks(ids):
            stmt = select(*CLIENT_ROW_COLUMNS).select_from(CLIENTS_WITH_NAMES).where(self._among(s.clients.c.id, chunk))
            found.update((row.id, row) for row in (client_row(r) for r in self.conn.execute(stmt)))
        return [found[i] for i in ids if i in found]

    def _among(self, ident: ColumnElement[Any], ids: Sequence[int]) -> ColumnElement[bool]:
        """*ident* is one of *ids*. On PostgreSQL as one array parameter (``= ANY``): a page's 200
        ids as 200 parameters took 6.5 ms to send, plan and read at 1,000,000 clients, as one array
        3.7 ms (the server's own work 0.8 ms either way)."""
        if self.conn.dialect.name == "postgresql":
            return ident == func.any(literal(list(ids), ARRAY(Integer)))
        return ident.in_(ids)

    # The first pages of a search in relevance order ---------------------------------------

    def _ranked_window(self, query: ClientQuery, *, offset: int, limit: int) -> list[int] | None:
        """The ids of a window near the top of a search in relevance order, found without ranking
        and sorting every match joined to its client; None when this query is not one of those
        (another order, descending, a window further down) or the shortcut gives up, and the
        general statement of ``_ordered`` answers instead. The order is exactly that statement's:
        ``test_search_fast.py`` compares the two (docs/phones_and_search.md, "At a million clients").
        SQLite asks FTS5 for the best matches by bm25 (``_fts_top``); PostgreSQL reads the clients
        whose name has a word starting with the first term from the table of name words
        (``_name_words_first``).
        """
        terms = parse_query(query.text).terms
        need = offset + limit
        if query.sort is not ClientSort.RELEVANCE or not terms or query.descending:
            return None
        if need > RANKED_WINDOW_MAX:
            return None
        if self.fts and not _only_the_search(query):
            return None
        if limit <= 0:
            return []
        if self.fts:
            found = self._fts_top(query, terms, need)
        elif self.conn.dialect.name == "postgresql":
            if _digit_term(terms) and _only_the_search(query):
                found = self._digit_words_first(query, terms[0], need)
            else:
                found = self._name_words_first(query, terms, need)
        else:
            return None
        return None if found is None else found[offset:need]

    def _fts_top(self, query: ClientQuery, terms: Sequence[str], need: int) -> list[int] | None:
        """SQLite: the best *need* matches by (bm25, sort_key, id), the order of ``_order_keys``.

        FTS5 ranks the matches by itself and keeps the best *k* (a heap over the index alone,
        without joining every match to its client and sorting them all): every match left out
        ranks no better than the k-th. The clients found are checked against the query's other
        conditions (live, filters) and their sort keys read. Those ranked strictly better than the
        k-th are certain; when they are too few (many matches share the k-th's score, as rows of
        the same length and as many matching words do), every match ranked no worse than the k-th
        is read (one more pass over the index, no sort), which settles the order up to there.
        Still too few (most of the best matches are in the trash; a filter never comes here,
        ``_only_the_search``): k grows, and past RANKED_CANDIDATES_MAX the general statement answers.
        """
        expression = fts_expression(terms)
        params = {"e": expression, "nw": NAME_WEIGHT, "ow": OTHER_WEIGHT}
        k = max(2 * need, RANKED_K_MIN)
        while k <= RANKED_CANDIDATES_MAX:
            hits = self.conn.execute(_FTS_TOP, {**params, "k": k}).all()
            complete = len(hits) < k  # every match is here
            cutoff = float(hits[-1][1]) if hits else 0.0
            if not complete and sum(1 for _ident, score in hits if score < cutoff) < need:
                hits = self.conn.execute(_FTS_UP_TO, {**params, "cutoff": cutoff}).all()
                if len(hits) > RANKED_CANDIDATES_MAX:
                    return None
                cutoff = float("inf")  # every match ranked up to the old cutoff is in hits now
            keys = self._passing(query, [int(ident) for ident, _score in hits])
            ranked = sorted((float(score), keys[ident], ident) for ident, score in hits if ident in keys)
            certain = [ident for score, _key, ident in ranked if complete or score < cutoff]
            if complete or len(certain) >= need:
                return certain
            k *= 8
        return None

    def _name_words_first(self, query: ClientQuery, terms: Sequence[str], need: int) -> list[int] | None:
        """PostgreSQL: the first *need* clients of the list when they all have a name word starting
        with the first term; None when fewer do, and the general statement answers.

        PostgreSQL's order is "a word of the name starts with the first term", then sort_key and
        id (``_order_keys``). The clients with such a name word, by (sort_key, id), come from the
        table of name words (migration 0016: its index holds each word with the client's sort key
        and id) without reading the clients table: the best *k* entries. Those that pass
        the whole query (every term, live; each checked by its id) are the list's first rows in
        order: any client with such a name word left out sorts after all *k*. The words ran out
        first (fewer such clients than the page): None — the rest of the page is the clients
        matching elsewhere, and the general statement sorts them (reading that part on its own
        by the name index walked the whole index for a rare term: docs/phones_and_search.md).

        One term, the live list, no filter: every such client passes unless it is in the trash, so
        k grows while too few pass. More terms, a filter or the trash: the rest of the query may
        keep few of them (``петров яков``; a manager's own clients, a sixth), and checking them
        one by one costs a heap fetch each, where the general statement's bitmap reads matches in
        block order (k growing to 25,600 took 97 ms where the general statement takes 12). So a
        sample tells the share that passes (``_share_passing``) and k is made to hold the page by
        it, growing by the share found while it stays under SELECTIVE_K_MAX; no pass, or a k past
        that, and the general statement answers. Where the matches are few that statement would
        have been quicker by a few milliseconds (a heap fetch per entry here, block order there);
        but the name words cannot tell how many matches the rest of the text holds (``сан``: 2,415
        entries, 105,757 matches — a status filter took that statement 0.4 s), and a filter took
        it 0.1–0.7 s for three letters at 1,000,000 clients.
        """
        first = terms[0]
        if first.isdigit() or len(first) > s.NAME_WORD_MAX:
            # an INN, OGRN or phone is hardly ever a word of a name (the try costs ~1 ms); the
            # table keeps a longer word cut short
            return None
        k = max(2 * need, RANKED_K_MIN)
        # more terms, a filter, the trash: how many of these clients pass is not known beforehand
        selective = len(terms) > 1 or not _only_the_search(query)
        if selective:
            share = self._share_passing(query, first)
            if share == 0:
                return None
            k = max(k, math.ceil(SELECTIVE_MARGIN * need / share))
            if k > SELECTIVE_K_MAX:
                return None
        while k <= RANKED_CANDIDATES_MAX:
            checked, every = self._words_clients(name_words, query, first, k)
            found = [ident for ident, ok in checked if ok]
            if len(found) >= need:
                return found[:need]
            if every:
                return None
            if not selective:
                k *= 8
                continue
            # the share that passed among these, in their order, says better what k should be
            if not found:
                return None
            k = max(2 * k, math.ceil(SELECTIVE_MARGIN * need * len(checked) / len(found)))
            if k > SELECTIVE_K_MAX:
                return None
        return None

    def _digit_words_first(self, query: ClientQuery, term: str, need: int) -> list[int] | None:
        """PostgreSQL, the live list searched for one term of DIGIT_TERM_MIN to DIGIT_WORD_LEN digits
        (an INN, OGRN or KPP prefix; a phone typed so far): its first *need* clients; None when the
        general statement must answer.

        The order is ``_order_keys``': the clients a name word of which starts with the term first
        (a name of digits: hardly ever), then every other match by (sort_key, id). The first group
        comes from the table of name words (``_words_clients``), read whole; the second from the
        table of digit words (migration 0017), which holds every word of the search text that such
        a term can start: its best *k* entries by (sort_key, id), the first group's clients left
        out, are the next rows in order; every one is checked against the query by its id (live).
        Without it, the trigram index offered every match and each was fetched to be sorted:
        ``7720`` 49 ms, ``8495`` (a phone's area code) 1.1 s at 1,000,000 clients; with it 10 ms and
        24–89 ms (docs/phones_and_search.md)."""
        # the live list, one term: nearly every client read passes; but a client often has two
        # entries (an INN and a KPP of one region both start with a 4-digit term)
        k = max(2 * need, RANKED_K_MIN)
        while True:  # the first group, whole (or the page)
            named, every = self._words_clients(name_words, query, term, k)
            first = [ident for ident, ok in named if ok]
            if len(first) >= need:
                return first[:need]
            if every:
                break
            k *= 8
            if k > RANKED_CANDIDATES_MAX:
                return None
        placed = {ident for ident, _ok in named}
        while k <= RANKED_CANDIDATES_MAX:
            checked, every = self._words_clients(digit_words, query, term, k)
            found = first + [ident for ident, ok in checked if ok and ident not in placed]
            if len(found) >= need or every:  # the page, or every match
                return found[:need]
            k *= 8
        return None

    def _share_passing(self, query: ClientQuery, first: str) -> float:
        """PostgreSQL: the share of a sample of the clients with a name word starting with *first*
        that pass the whole *query* (0 when there is no such client). Any SAMPLE of them will do
        (the first in the index's order, no sorting): it only tells how many name words are worth
        reading in order, or whether the general statement should answer at once; every answer
        is checked in full all the same."""
        w = name_words.c
        sample = select(w.client_id).where(w.word.like(_like_patterns(first)[0])).limit(SAMPLE).subquery()
        passes = self._passes(query, sample.c.client_id)
        checked = self.conn.execute(select(passes).select_from(sample)).scalars().all()  # one per entry
        return sum(checked) / len(checked) if checked else 0.0

    def _words_clients(
        self, words: TableClause, query: ClientQuery, first: str, k: int
    ) -> tuple[list[tuple[int, bool]], bool]:
        """PostgreSQL: the clients of the best *k* entries of a table of words (of the names, or the
        digit words) whose word starts with *first*, by (sort_key, id), each once: each client and
        whether it passes the whole *query*; and whether those were all the entries there are.

        The entries of the term as a whole word come in order from the index (``ООО``: 584,769 at
        1,000,000 clients); those of the longer words starting with it (the range just after it)
        are read and sorted (a top-k heap); the best k of all are among the best k of each. A digit
        term one digit short of the digit words' length has only ten longer words (those words
        hold only digits), each one more digit: all eleven come in order and are merged, reading
        about k entries (``10377``: 20,328 entries read and sorted in 10.5 ms, merged in 1 ms).
        A client with several such words (an INN and a KPP of one region: ``0904…``) has its
        entries side by side in this order; it is checked once."""
        w = words.c
        entries = select(w.sort_key, w.client_id)
        if words is digit_words and len(first) == s.DIGIT_WORD_LEN - 1:
            chosen = [entries.where(w.word == word) for word in (first, *(first + d for d in "0123456789"))]
        else:
            pattern = _like_patterns(first)[0]
            chosen = [entries.where(w.word == first), entries.where(w.word.op("~>~")(first), w.word.like(pattern))]
        parts = [part.order_by(w.sort_key, w.client_id).limit(k).subquery().select() for part in chosen]
        merged = union_all(*parts).subquery()
        best = select(merged).order_by(merged.c.sort_key, merged.c.client_id).limit(k).subquery()
        # the entries' count is taken before DISTINCT leaves each client once
        clients = select(best.c.sort_key, best.c.client_id, func.count().over().label("n")).distinct().subquery()
        passes = self._passes(query, clients.c.client_id)
        stmt = select(clients.c.client_id, passes, clients.c.n).order_by(clients.c.sort_key, clients.c.client_id)
        rows = self.conn.execute(stmt).all()
        return [(int(ident), bool(ok)) for ident, ok, _n in rows], not rows or int(rows[0][2]) < k

    def _passes(self, query: ClientQuery, client_id: Any) -> Any:
        """PostgreSQL: whether the client *client_id* (a column of an outer statement) passes the
        whole *query* — an EXISTS on its row, found by its id."""
        c = s.clients.c
        return self._filtered(query, select(c.id), joins_needed=False, by_id=True).where(c.id == client_id).exists()

    def _passing(self, query: ClientQuery, ids: Sequence[int]) -> dict[int, str]:
        """sort_key of each of *ids* that *query*'s conditions other than the search let through."""
        c = s.clients.c
        found: dict[int, str] = {}
        for chunk in id_chunks(ids):
            stmt = self._filtered(query, select(c.id, c.sort_key), joins_needed=False, search=False)
            found.update((int(i), str(k)) for i, k in self.conn.execute(stmt.where(c.id.in_(chunk))))
        return found

    # Building blocks ------------------------------------------------------------------------

    def _filtered(
        self,
        query: ClientQuery,
        stmt: Select[Any],
        *,
        joins_needed: bool = True,
        search: bool = True,
        by_id: bool = False,
        ranked: bool = False,
    ) -> Select[Any]:
        """*stmt* over the clients *query* shows. *by_id*: the rows are picked by their ids, and
        PostgreSQL's search conditions are written so that its planner leaves them to those rows:
        with the trigram index at hand it read every match of ``петр`` (28,300 blocks, 100 ms) to
        keep 200 clients whose ids it had. *ranked*: the statement is ordered by ``_order_keys``
        (bm25 on SQLite needs the search index joined)."""
        c = s.clients.c
        source: Any = CLIENTS_WITH_NAMES if joins_needed else s.clients
        parsed = parse_query(query.text)
        terms = parsed.terms
        conditions: list[ColumnElement[bool]] = [c.deleted_at.is_not(None) if query.trash else c.deleted_at.is_(None)]
        if parsed.name_prefix is not None:
            # names starting with one or two letters: a range of the sort-key index
            conditions.append(c.sort_key >= parsed.name_prefix)
            conditions.append(c.sort_key < parsed.name_prefix + "\U0010ffff")
        if terms and search:
            if self.fts and ranked:
                # the order reads bm25: the index must be a table of the statement
                source = source.join(clients_fts, clients_fts.c.rowid == c.id)
                conditions.append(literal_column("clients_fts").op("MATCH")(fts_expression(terms)))
            elif self.fts:
                # otherwise the matches as a set, looked up once: joined, SQLite would walk a filter's
                # index (one manager's 184,000 clients) and ask FTS5 about each client in turn,
                # building a prefix term's list every time (a count took 10.8 s at 1,000,000 clients)
                matches = select(clients_fts.c.rowid).where(
                    literal_column("clients_fts").op("MATCH")(fts_expression(terms))
                )
                conditions.append(c.id.in_(matches))
            else:
                conditions.extend(_like_term(term, indexed=not by_id) for term in terms)
        if query.statuses:
            conditions.append(c.status.in_(sorted(x.value for x in query.statuses)))
        if query.kinds:
            conditions.append(c.kind.in_(sorted(x.value for x in query.kinds)))
        if query.industry_id is not None:
            conditions.append(c.industry_id.in_(self._industry_and_classes(query.industry_id)))
        if query.owner_id is not None:
            conditions.append(c.owner_id == query.owner_id)
        if query.tag:
            conditions.append(
                exists().where(s.client_tags.c.client_id == c.id, s.client_tags.c.tag_norm == fold(query.tag))
            )
        if query.overdue_only:
            conditions.append(c.next_reminder_at < (query.now or datetime.now(UTC)))
        if query.not_in_register:
            r = s.client_register.c
            conditions.append(exists().where(r.client_id == c.id, r.not_in_register))
        if query.completeness_below is not None:
            conditions.append(c.completeness < query.completeness_below)
        if query.no_inn:
            conditions.append(c.inn == "")  # ix_clients_inn
        if query.dormant_days is not None:
            # no contact since the cutoff (or none ever): a range probe of
            # ix_interactions_client_id_occurred_at per client, as the sleeping clients' report does
            i = s.interactions.c
            cutoff = (query.now or datetime.now(UTC)) - timedelta(days=query.dormant_days)
            conditions.append(~exists().where(i.client_id == c.id, i.occurred_at >= cutoff, i.deleted_at.is_(None)))
        if query.needs_checking:
            # a range of ix_clients_confirmed_oldest: a card whose oldest confirmation is stale
            months = FreshnessRepository(self.conn).months()
            conditions.append(c.confirmed_oldest < stale_cutoff(query.now or datetime.now(UTC), months))
        if query.ids is not None:
            conditions.append(c.id.in_(sorted(query.ids)))
        return stmt.select_from(source).where(and_(*conditions))

    def _industry_and_classes(self, industry_id: int) -> list[int]:
        """An industry, and when it is an OKVED section, the classes below it (62.01 under J): the
        list drills from a section to its classes (domain/okved.py maps divisions to sections)."""
        i = s.industries.c
        rows = self.conn.execute(select(i.id, i.code)).all()
        chosen = next((code for ident, code in rows if ident == industry_id), "")
        if len(chosen) != 1:
            return [industry_id]
        return [industry_id, *(ident for ident, code in rows if len(code) > 1 and section_of(code) == chosen)]

    @staticmethod
    def _ranked(query: ClientQuery) -> bool:
        """The list's order is the search's relevance (``_order_keys``: bm25 on SQLite)."""
        return query.sort is ClientSort.RELEVANCE and bool(parse_query(query.text).terms)

    def _ordered(
        self, query: ClientQuery, stmt: Select[Any], *, reverse: bool = False, joins_needed: bool = True
    ) -> Select[Any]:
        return self._filtered(query, stmt, joins_needed=joins_needed, ranked=self._ranked(query)).order_by(
            *self._order_keys(query, reverse=reverse)
        )

    def _order_keys(self, query: ClientQuery, *, reverse: bool = False) -> list[Any]:
        """ORDER BY terms for *query*, ending with the id so that the order is total."""
        c = s.clients.c
        sort = query.sort
        terms = parse_query(query.text).terms
        if sort is ClientSort.RELEVANCE and not terms:
            sort = ClientSort.NAME
        keys: list[Any]
        if sort is ClientSort.RELEVANCE:
            rank: Any
            if self.fts:
                rank = func.bm25(literal_column("clients_fts"), NAME_WEIGHT, OTHER_WEIGHT)
            else:
                rank = case(*((_like_name(t), 0) for t in terms[:1]), else_=1)
            keys = [rank, c.sort_key]
        else:
            keys = _SORT_KEYS[sort]()
        descending = query.descending != reverse
        ordered = [k.desc() if descending else k.asc() for k in keys]
        if sort is ClientSort.NEXT_REMINDER:  # clients without a reminder go last either way
            ordered = [o.nulls_first() if reverse else o.nulls_last() for o in ordered]
        tie = c.id.desc() if descending else c.id.asc()
        return [*ordered, tie]


def fts_expression(terms: Sequence[str]) -> str:
    """An FTS5 query: every term must begin some word. Terms are letters and digits only (the
    domain splits them so), and each is quoted anyway, so user text can never become syntax."""
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def search_text() -> ColumnElement[str]:
    """Both search columns as one text with a space in front of every word: a word starting with
    a term is then ``LIKE '% term%'``. Written out as literal SQL, because PostgreSQL uses the
    trigram index of migration 0006 only for this very expression (a bound ' ' would not match it)."""
    c = s.clients.c
    space = literal_column("' '", String())
    return space + c.search_name + space + c.search_other


# A term of this many digits or more (a phone number, a long INN or OGRN prefix) is looked up in the
# trigram index by its last DIGITS_PROBE digits anywhere (see _like_term); a shorter one of at least
# DIGIT_TERM_MIN, alone, in the table of digit words (_digit_words_first).
DIGITS_PROBE = s.DIGIT_WORD_LEN + 1


def _digit_term(terms: Sequence[str]) -> bool:
    """One term of DIGIT_TERM_MIN to DIGIT_WORD_LEN ASCII digits: the table of digit words holds
    every word it can start."""
    return (
        len(terms) == 1
        and DIGIT_TERM_MIN <= len(terms[0]) <= s.DIGIT_WORD_LEN
        and terms[0].isascii()
        and terms[0].isdigit()
    )


def _like_term(term: str, *, indexed: bool = True) -> ColumnElement[bool]:
    """A word of the client's search text starts with *term*, as LIKE (PostgreSQL).

    Terms hold no spaces (the domain splits on them), so no match can straddle the two columns.
    A long digit term is a special case (issue 17): a digit has only 1,000 trigrams, each in a
    large share of the rows, and the word-start trigrams of ``'% 8495…'`` are in nearly every row
    (every 8-prefixed phone form), so the index would read and intersect 11 huge lists for a phone
    number (27 ms at 1,000,000 clients for one match). Its last DIGITS_PROBE digits anywhere
    (``'%9231357%'``: 5 trigrams, a handful of rows) go to the index instead; the exact condition
    stays, written so that the index does not take it (a space appended: no word can start in
    it), and decides every row. Same rows; 4 ms instead of 15–27.

    Not *indexed*: only the exact condition, out of the index's reach (for rows found by their ids)."""
    exact_pattern = _like_patterns(term)[1]
    unindexed = search_text() + literal_column("' '", String())
    if not indexed:
        return unindexed.like(exact_pattern, escape="\\")
    if len(term) < DIGITS_PROBE or not (term.isascii() and term.isdigit()):
        return search_text().like(exact_pattern, escape="\\")
    probe = search_text().like(f"%{term[-DIGITS_PROBE:]}%")
    return and_(probe, unindexed.like(exact_pattern, escape="\\"))


def _like_name(term: str) -> ColumnElement[bool]:
    pattern_start, pattern_word = _like_patterns(term)
    c = s.clients.c
    return or_(c.search_name.like(pattern_start, escape="\\"), c.search_name.like(pattern_word, escape="\\"))


def _like_patterns(term: str) -> tuple[str, str]:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%", f"% {escaped}%"


_SORT_KEYS: dict[ClientSort, Any] = {
    ClientSort.NAME: lambda: [s.clients.c.sort_key],
    ClientSort.KIND: lambda: [s.clients.c.kind, s.clients.c.sort_key],
    ClientSort.INN: lambda: [s.clients.c.inn],
    ClientSort.CITY: lambda: [s.clients.c.city, s.clients.c.sort_key],
    ClientSort.INDUSTRY: lambda: [s.industries.c.name_norm, s.clients.c.sort_key],
    ClientSort.STATUS: lambda: [case(_STATUS_ORDER, value=s.clients.c.status, else_=99), s.clients.c.sort_key],
    ClientSort.OWNER: lambda: [s.managers.c.name_norm, s.clients.c.sort_key],
    ClientSort.PHONE: lambda: [s.clients.c.phone_e164],
    ClientSort.NEXT_REMINDER: lambda: [s.clients.c.next_reminder_at],
    ClientSort.COMPLETENESS: lambda: [s.clients.c.completeness],
    ClientSort.CREATED: lambda: [s.clients.c.created_at],
    ClientSort.UPDATED: lambda: [s.clients.c.updated_at],
}
