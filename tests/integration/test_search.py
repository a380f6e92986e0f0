"""Search as a manager types it: Russian case, ё, phone formats, INN prefixes, paging."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from salesdesk.domain.model import ClientFields, ClientKind, ClientStatus, ContactFields
from salesdesk.domain.queries import ClientQuery, ClientSort
from salesdesk.services import clients, contacts
from salesdesk.store import UnitOfWork


@pytest.fixture
def base(add_client: Callable[..., int], uow: Callable[[], UnitOfWork]) -> dict[str, int]:
    ids = {
        "elka": add_client("ООО «Ёлка»", inn="7707083893", phone="8 (495) 123-45-67", email="info@elka-trade.ru"),
        "romashka": add_client(
            "ООО «Ромашка»",
            full_name="Общество с ограниченной ответственностью «Ромашка»",
            inn="0274062111",
            phone="+7 916 555-44-33",
        ),
        "zvezda": add_client("АО «Северная звезда»", inn="5010579273", status=ClientStatus.ACTIVE),
        "ip": add_client("ИП Иванов И.И.", kind=ClientKind.SOLE_TRADER, inn="776263190162", ogrn="304770095754380"),
        "latin": add_client("Alpha Logistics LLC", email="Sales@Alpha-Log.com"),
    }
    contacts.add_contact(uow(), ids["zvezda"], ContactFields(full_name="Ёлкина Анна Петровна", position="Директор"))
    return ids


def _names(uow: Callable[[], UnitOfWork], text: str) -> list[str]:
    return [row.name for row in clients.search_clients(uow(), text).rows]


@pytest.mark.parametrize("typed", ["елка", "ЕЛКА", "Ёлка", "ёлк", "ООО Ёлка", "«Ёлка»"])
def test_name_any_case_and_yo(uow: Callable[[], UnitOfWork], base: dict[str, int], typed: str) -> None:
    assert _names(uow, typed)[0] == "ООО «Ёлка»"


def test_a_word_inside_the_name_and_the_full_legal_name(uow: Callable[[], UnitOfWork], base: dict[str, int]) -> None:
    assert _names(uow, "звезда") == ["АО «Северная звезда»"]
    assert _names(uow, "северн зв") == ["АО «Северная звезда»"]
    assert _names(uow, "ограниченной ромашка") == ["ООО «Ромашка»"]
    assert _names(uow, "alpha log") == ["Alpha Logistics LLC"]


@pytest.mark.parametrize(
    "typed",
    [
        "4951234567",
        "8 (495) 123-45-67",
        "+7 495 123 45 67",
        "84951234567",
        "74951234567",
        "495123",
        "1234567",
        "８４９５１２３４５６７",
    ],
)
def test_phone_digits_in_any_format(uow: Callable[[], UnitOfWork], base: dict[str, int], typed: str) -> None:
    assert _names(uow, typed) == ["ООО «Ёлка»"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("7707", "ООО «Ёлка»"), ("0274", "ООО «Ромашка»"), ("7762631", "ИП Иванов И.И."), ("3047700", "ИП Иванов И.И.")],
)
def test_inn_and_ogrn_prefix(uow: Callable[[], UnitOfWork], base: dict[str, int], typed: str, expected: str) -> None:
    assert _names(uow, typed) == [expected]


def test_email_whole_or_in_part(uow: Callable[[], UnitOfWork], base: dict[str, int]) -> None:
    assert _names(uow, "info@elka-trade.ru") == ["ООО «Ёлка»"]
    assert _names(uow, "sales@alpha") == ["Alpha Logistics LLC"]


@pytest.mark.parametrize("typed", ["дартаньян", "д'артаньян", "Д’Артаньян", "дʼАртаньян", "д'Арт", "артаньян"])
def test_an_apostrophe_in_a_name_is_found_however_it_is_typed(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], typed: str
) -> None:
    add_client("ООО «Ромашка»")
    add_client("ИП д'Артаньян Ш.", kind=ClientKind.SOLE_TRADER)
    assert _names(uow, typed) == ["ИП д'Артаньян Ш."]


@pytest.mark.parametrize(
    "typed", ["иванов", "петров", "ивановпетров", "Иванов-Петров", "иванов–петров", "иванов петров"]
)
def test_a_hyphenated_name_is_found_by_its_parts_and_joined(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], typed: str
) -> None:
    add_client("ООО «Ромашка»")
    add_client("Иванов-Петров Сергей Юрьевич", kind=ClientKind.PERSON)
    assert _names(uow, typed) == ["Иванов-Петров Сергей Юрьевич"]


def test_name_match_ranks_above_a_contact_person_match(uow: Callable[[], UnitOfWork], base: dict[str, int]) -> None:
    # "Ёлка" is the client's name; "Ёлкина" is a contact person of another client.
    assert _names(uow, "елк") == ["ООО «Ёлка»", "АО «Северная звезда»"]


@pytest.mark.parametrize(
    "hostile",
    ["Иванов-Петров", "a.b", '"', "*", "NEAR(", "AND OR NOT", "'; DROP TABLE", "ёлка*", "^", "((", "-", "   ", ""],
)
def test_any_typed_text_is_safe(uow: Callable[[], UnitOfWork], base: dict[str, int], hostile: str) -> None:
    page = clients.search_clients(uow(), hostile)
    assert page.total >= 0


def test_empty_search_lists_everyone_by_name_ignoring_legal_form(
    uow: Callable[[], UnitOfWork], base: dict[str, int]
) -> None:
    page = clients.search_clients(uow(), "", limit=10)
    assert page.total == 5
    assert [r.name for r in page.rows] == [
        "Alpha Logistics LLC",
        "ООО «Ёлка»",
        "ИП Иванов И.И.",
        "ООО «Ромашка»",
        "АО «Северная звезда»",
    ]


def test_paging_with_total(uow: Callable[[], UnitOfWork], add_client: Callable[..., int]) -> None:
    for i in range(45):
        add_client(f"ООО «Ромашка {i:02d}»")
    first = clients.search_clients(uow(), "ромашка", limit=20)
    third = clients.search_clients(uow(), "ромашка", offset=40, limit=20)
    assert (first.total, len(first.rows), len(third.rows)) == (45, 20, 5)
    assert not {r.id for r in first.rows} & {r.id for r in third.rows}


def test_filters_and_sorting_in_the_database(uow: Callable[[], UnitOfWork], base: dict[str, int]) -> None:
    active = clients.list_clients(uow(), ClientQuery(statuses=frozenset({ClientStatus.ACTIVE})))
    assert [r.name for r in active.rows] == ["АО «Северная звезда»"]
    by_completeness = clients.list_clients(uow(), ClientQuery(sort=ClientSort.COMPLETENESS, descending=True))
    scores = [r.completeness for r in by_completeness.rows]
    assert scores == sorted(scores, reverse=True)
    low = clients.list_clients(uow(), ClientQuery(completeness_below=30))
    assert all(r.completeness < 30 for r in low.rows) and low.total == len(low.rows)


def test_an_edit_is_found_under_the_new_name_only(uow: Callable[[], UnitOfWork], base: dict[str, int]) -> None:
    card = clients.get_client(uow(), base["romashka"])
    fields = card.fields()
    clients.update_client(
        uow(),
        card.id,
        card.version,
        ClientFields(
            **{**{n: getattr(fields, n) for n in fields.__dataclass_fields__}, "name": "ООО «Василёк»", "full_name": ""}
        ),
    )
    assert _names(uow, "ромашка") == []
    assert _names(uow, "василек") == ["ООО «Василёк»"]


@pytest.mark.sqlite_only  # compares SQLite's FTS5 with the LIKE that PostgreSQL runs (test_pg_search.py)
def test_the_portable_search_finds_the_same_as_fts5(database, base: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """Other databases (PostgreSQL) search the same folded columns with LIKE; same answers."""
    queries = [
        "елка",
        "звезда",
        "4951234567",
        "7707",
        "info@elka-trade.ru",
        "елк",
        "alpha log",
        "петровна",
        "elka-trade",
        "elkatrade",
        "alpha-log",
        "и.и.",
    ]
    for text in queries:
        with UnitOfWork(database) as work:
            fts = {r.id for r in work.listing.page(ClientQuery(text=text)).rows}
            work.listing.fts = False
            like = {r.id for r in work.listing.page(ClientQuery(text=text)).rows}
        assert fts == like, text


@pytest.mark.sqlite_only  # SQLite's FTS5 index beside its table; a server's indexes are its own
def test_search_index_stays_consistent(database, base: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize("sort", list(ClientSort))
@pytest.mark.parametrize("descending", [False, True])
def test_windows_read_from_the_end_match_the_order_from_the_start(
    uow: Callable[[], UnitOfWork], add_client: Callable[..., int], sort: ClientSort, descending: bool
) -> None:
    from datetime import UTC, datetime, timedelta

    from salesdesk.domain.model import ReminderFields
    from salesdesk.services import reminders

    statuses = list(ClientStatus)
    for i in range(23):
        ident = add_client(
            f"ООО «Фирма {i % 7}»",
            status=statuses[i % 4],
            inn="7707083893" if i % 3 else "",
            phone=f"8 (495) 100-00-{i:02d}" if i % 2 else "",
        )
        if i % 3 == 0:
            reminders.add_reminder(
                uow(), ident, ReminderFields(due_at=datetime(2027, 1, 1, tzinfo=UTC) + timedelta(days=i % 5), text="x")
            )
    query = ClientQuery(sort=sort, descending=descending)
    everything = [r.id for r in clients.rows_at(uow(), query, 0, 100)]
    assert len(everything) == 23
    for offset in (0, 5, 11, 12, 15, 20, 22):
        window = [r.id for r in clients.rows_at(uow(), query, offset, 5, total=23)]
        assert window == everything[offset : offset + 5], (offset, sort)


@pytest.mark.parametrize("sort", [ClientSort.NAME, ClientSort.STATUS, ClientSort.NEXT_REMINDER, ClientSort.RELEVANCE])
def test_position_of_a_client_in_the_list(
    uow: Callable[[], UnitOfWork], base: dict[str, int], sort: ClientSort
) -> None:
    for text in ("", "ооо"):
        query = ClientQuery(text=text, sort=sort, descending=True)
        ordered = [r.id for r in clients.rows_at(uow(), query, 0, 100)]
        for position, ident in enumerate(ordered):
            assert clients.position_of(uow(), query, ident) == position
    assert clients.position_of(uow(), ClientQuery(text="ромашка"), base["zvezda"]) is None


def test_one_or_two_letters_list_names_starting_with_them(uow: Callable[[], UnitOfWork], base: dict[str, int]) -> None:
    # "ООО «Ромашка»" starts with Р once the legal form is set aside; "Ёлкина" (a contact) does not count
    assert _names(uow, "р") == ["ООО «Ромашка»"]
    assert _names(uow, "Ё") == ["ООО «Ёлка»"]
    assert _names(uow, "ел") == ["ООО «Ёлка»"]
    assert _names(uow, "ив") == ["ИП Иванов И.И."]
    assert _names(uow, "al") == ["Alpha Logistics LLC"]
    count, average = clients.count_and_average(uow(), ClientQuery(text="с"))
    assert count == 1 and average is not None
