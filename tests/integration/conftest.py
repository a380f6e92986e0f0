"""Real SQLite files in tmp_path, opened the way the program opens them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from salesdesk.domain.model import ClientFields
from salesdesk.services import clients
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "base.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    database = open_database(resolve_url(db_path))
    yield database
    database.dispose()


@pytest.fixture
def uow(database: Database) -> Callable[[], UnitOfWork]:
    """A factory: each service call gets a fresh unit of work, as in the program."""
    return lambda: UnitOfWork(database)


@pytest.fixture
def add_client(uow: Callable[[], UnitOfWork]) -> Callable[..., int]:
    def add(name: str, **fields: object) -> int:
        return clients.create_client(uow(), ClientFields(name=name, **fields)).id  # type: ignore[arg-type]

    return add
