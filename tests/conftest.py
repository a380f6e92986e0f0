"""Test set-up shared by every suite: no test touches the user's real data folder or screen."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from salesdesk.domain import messages
from salesdesk.domain.model import ClientFields
from salesdesk.services import clients
from salesdesk.store import Database, UnitOfWork, open_database, resolve_url
from tests import server as test_server


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    # Offscreen unless a real (or Xvfb) display is there, so the same suite runs both ways.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """One suite, two databases (tests/server.py): a test tied to one of them is skipped on the other."""
    if test_server.ON_POSTGRES:
        skip = pytest.mark.skip(reason="about SQLite files; this run is on PostgreSQL")
        marker = "sqlite_only"
    else:
        skip = pytest.mark.skip(reason="needs a PostgreSQL server: SALESDESK_TEST_DB (tools/pg_test_cluster.sh)")
        marker = "postgres_only"
    for item in items:
        if item.get_closest_marker(marker) is not None:
            item.add_marker(skip)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    test_server.shutdown()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every path the program would use points into a temporary folder."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SALESDESK_DATA_DIR", str(folder))
    monkeypatch.delenv("SALESDESK_DB", raising=False)
    return folder


@pytest.fixture
def lang() -> Iterator[None]:
    """Restore the message language after a test switches it."""
    before = messages.language()
    yield
    messages.set_language(before)


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    before = messages.language()
    messages.set_language("en")
    yield
    messages.set_language(before)


@pytest.fixture(autouse=True)
def _no_translation_left_behind() -> Iterator[None]:
    """A test that installs the window's translations (Russian, or English's plural forms) takes
    them out again, so the next test, whatever the random order, starts from the source texts —
    and from the locale it started with: installing Russian makes Russian the default locale too,
    and a later test then read "12 марта" where it expected "12 March" (CI, one order in many)."""
    qt = sys.modules.get("PySide6.QtCore")
    locale = qt.QLocale() if qt is not None else None
    yield
    i18n = sys.modules.get("salesdesk.ui.i18n")
    qt = sys.modules.get("PySide6.QtCore")
    if i18n is not None and qt is not None and qt.QCoreApplication.instance() is not None:
        i18n.uninstall(qt.QCoreApplication.instance())
    if qt is not None:
        qt.QLocale.setDefault(locale if locale is not None else qt.QLocale.system())


# A real base, opened the way the program opens it (shared by the integration, window and
# reliability suites) ------------------------------------------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "base.sqlite"


@pytest.fixture
def db_url(db_path: Path) -> Iterator[str]:
    """The test's base: a SQLite file in tmp_path, or a database of its own on the test server."""
    if not test_server.ON_POSTGRES:
        yield resolve_url(db_path)
        return
    url = test_server.server().migrated()
    yield url
    test_server.server().drop(url)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def uow(database: Database) -> Callable[[], UnitOfWork]:
    """A factory: each service call gets a fresh unit of work, as in the program."""
    return lambda: UnitOfWork(database)


@pytest.fixture
def add_client(uow: Callable[[], UnitOfWork]) -> Callable[..., int]:
    """Add a client by name (and any other card fields); returns its id."""

    def add(name: str, **fields: object) -> int:
        return clients.create_client(uow(), ClientFields(name=name, **fields)).id  # type: ignore[arg-type]

    return add
