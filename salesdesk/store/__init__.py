"""Persistence: SQLAlchemy 2 Core tables, repositories, the unit of work, migrations, search.

The only package that knows about SQL. Everything database-specific (SQLite pragmas, FTS5,
backups of the file) lives here, so pointing the program at PostgreSQL changes nothing above.
"""

from salesdesk.store.database import Database, open_database, resolve_url
from salesdesk.store.uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "open_database", "resolve_url"]
