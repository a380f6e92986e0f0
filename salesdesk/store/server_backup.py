"""Copies of a base on a PostgreSQL server: the server's own ``pg_dump`` (custom format).

A file base is copied page by page (``store/backup.py``); a server base is dumped by PostgreSQL's
client program, when this computer has one that can read the server (its major version at least
the server's: an older ``pg_dump`` refuses a newer server). It is looked for on ``PATH`` and where
PostgreSQL's packages put it (Debian's ``/usr/lib/postgresql/N/bin``, the EDB installer's
``C:\\Program Files\\PostgreSQL\\N\\bin``, …); none there means the server's administrator keeps the
backups, and the caller says so in the user's words.

The password never reaches a process list or a log: the child gets it in ``PGPASSWORD`` (its own
environment, which other users cannot read), never in its arguments, and ``--no-password`` makes it
fail at once instead of waiting for someone to type one. The connection string it is given is the
base's URL without the password (``sslmode`` and certificates pass through).

A dump is written to a private temporary file beside its target, flushed to the disk, checked
(the archive's signature, and ``pg_restore --list`` reads its table of contents: it must name the
``clients`` table and its data) and only then given its name.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import msg
from salesdesk.store.backup import CopyCheck, _fsync_folder, _private_temporary
from salesdesk.store.database import Database

log = logging.getLogger(__name__)

DUMP_SIGNATURE = b"PGDMP"  # the first bytes of a custom-format archive
TOOL_TIMEOUT_S = 3600.0
# Where PostgreSQL's packages put their programs, beside PATH (newest first once sorted).
_PLACES = (
    "/usr/lib/postgresql/*/bin",  # Debian, Ubuntu
    "/usr/pgsql-*/bin",  # the PGDG packages for RHEL and Fedora
    "/opt/homebrew/opt/postgresql@*/bin",  # Homebrew (Apple silicon)
    "/usr/local/opt/postgresql@*/bin",  # Homebrew (Intel)
    "/Applications/Postgres.app/Contents/Versions/*/bin",
    "C:/Program Files/PostgreSQL/*/bin",  # the EDB installer on Windows
)
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")


@dataclass(frozen=True, slots=True)
class Tool:
    """A PostgreSQL client program found on this computer, with its major version."""

    path: Path
    major: int


def server_major(database: Database) -> int:
    """The server's major version (15 for 15.4)."""
    with database.engine.connect() as conn:
        return int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000


def find_tool(name: str, at_least: int) -> Tool | None:
    """The newest *name* (``pg_dump``, ``pg_restore``) of major version *at_least* or newer."""
    executable = name + (".exe" if os.name == "nt" else "")
    candidates: list[Path] = []
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    for place in _PLACES:
        candidates.extend(Path(found) / executable for found in glob.glob(place))
    best: Tool | None = None
    for candidate in dict.fromkeys(candidates):
        major = _major_of(candidate)
        if major is not None and major >= at_least and (best is None or major > best.major):
            best = Tool(candidate, major)
    return best


def _major_of(program: Path) -> int | None:
    if not program.is_file():
        return None
    try:
        done = subprocess.run(
            [str(program), "--version"], capture_output=True, text=True, timeout=30, check=False, env=_plain_env()
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = _VERSION.search(done.stdout)
    return int(found.group(1)) if done.returncode == 0 and found else None


def stem(url: URL) -> str:
    """What the copies of the server base at *url* are named after: the database and its server
    (``salesdesk@db.office``, with ``_5433`` for a port other than PostgreSQL's own), in characters
    every file system takes."""
    where = url.host or "localhost"
    if url.port and url.port != 5432:
        where += f"_{url.port}"
    return re.sub(r"[^\w.@-]", "_", f"{url.database or 'postgres'}@{where}")


def _conninfo(url: URL) -> str:
    """The base's URL for libpq, without its password."""
    # URL.set() takes None for "unchanged": the password is taken out as the tuple it is
    plain = url.difference_update_query(["password"])  # a password given as an option, too
    return plain._replace(drivername="postgresql", password=None).render_as_string(hide_password=False)


def _plain_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("LC_MESSAGES", "C")  # the tool's own words are logged, not shown
    return env


def _env_with_password(url: URL) -> dict[str, str]:
    env = _plain_env()
    password = url.password or url.query.get("password")
    if isinstance(password, tuple):
        password = password[-1]
    if password:
        env["PGPASSWORD"] = str(password)
    return env


def dump(database: Database, target: Path, tool: Tool) -> None:
    """Dump the server base of *database* into the new file *target* with *tool* (``pg_dump``)."""
    url = database.engine.url
    temporary = _private_temporary(target)
    try:
        done = subprocess.run(
            [
                str(tool.path),
                "--format=custom",
                "--no-password",
                f"--file={temporary}",
                f"--dbname={_conninfo(url)}",
            ],
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT_S,
            check=False,
            env=_env_with_password(url),
            stdin=subprocess.DEVNULL,
        )
        if done.returncode != 0:
            reason = _last_line(done.stderr) or f"pg_dump exit {done.returncode}"
            log.warning("pg_dump failed: %s", reason)
            raise StoreError(msg("err.backup_write", where=target.parent, reason=reason))
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        if target.exists():
            raise FileExistsError(target)
        os.replace(temporary, target)
        _fsync_folder(target.parent)
    except subprocess.TimeoutExpired as exc:
        raise StoreError(msg("err.backup_write", where=target.parent, reason="pg_dump timed out")) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def inspect_dump(path: Path) -> CopyCheck:
    """Whether *path* is a whole pg_dump archive of a SalesDesk base. Reads only; never raises.

    The signature is checked always; the table of contents when ``pg_restore`` is here (any
    version that reads the archive). The number of clients is not in a dump's table of contents:
    ``clients`` is None."""
    try:
        if path.is_dir():
            return CopyCheck(False, None, None, "folder")
        with open(path, "rb") as handle:
            head = handle.read(len(DUMP_SIGNATURE))
    except FileNotFoundError:
        return CopyCheck(False, None, None, "missing")
    except OSError:
        return CopyCheck(False, None, None, "unreadable")
    if not head:
        return CopyCheck(False, None, None, "empty")
    if head != DUMP_SIGNATURE:
        return CopyCheck(False, None, None, "foreign")
    tool = find_tool("pg_restore", 0)
    if tool is None:
        return CopyCheck(True, None, None, None)
    try:
        done = subprocess.run(
            [str(tool.path), "--list", str(path)],
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT_S,
            check=False,
            env=_plain_env(),
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return CopyCheck(False, None, None, type(exc).__name__)
    if done.returncode != 0:
        return CopyCheck(False, None, None, _last_line(done.stderr) or "pg_restore --list")
    listing = done.stdout
    if not re.search(r"TABLE DATA \S+ clients ", listing) or not re.search(r"TABLE \S+ alembic_version ", listing):
        return CopyCheck(False, None, None, "foreign")
    return CopyCheck(True, None, None, None)
