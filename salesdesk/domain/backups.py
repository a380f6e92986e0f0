"""What a backup is called and which ones are kept: plain rules, no files, no clock of their own.

A backup of the base ``salesdesk.sqlite`` taken on 6 December 2026 at 21:18:05 before a restore is
``salesdesk-2026-12-06_211805-restore.sqlite``: the base's name, the local date and time, and why it
was taken. Sorting the names of one base sorts them by time. A copy of a base on a PostgreSQL server
is the server's own dump (``pg_dump``'s custom format), named the same way with ``.pgdump`` after
the database and its server: ``salesdesk@db.office-2026-12-06_211805-daily.pgdump``.

Rotation keeps, like most backup tools (borg's and restic's "forget"), the newest copy of each of the
last N days, of each of the last N ISO weeks and of each of the last N months that have a copy, and
every copy taken today (an on-demand copy survives at least until tomorrow).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from salesdesk.domain.errors import StoreError, UserError
from salesdesk.domain.messages import Message

# Why a copy was taken; the last word of its name.
REASONS = ("daily", "manual", "upgrade", "restore", "trash", "damaged")
SUFFIX = ".sqlite"
DUMP_SUFFIX = ".pgdump"  # a copy of a server base (pg_dump's custom format)
DEFAULT_DAILY, DEFAULT_WEEKLY, DEFAULT_MONTHLY = 7, 4, 12
MAX_KEEP = 1000

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<date>\d{4}-\d{2}-\d{2})_(?P<time>\d{6})-(?P<reason>[a-z]+)(?:-(?P<n>\d+))?(?P<suffix>\.sqlite|\.pgdump)$"
)


class DamagedBase(StoreError):
    """The base failed SQLite's check at start: the window offers the newest good backup."""

    def __init__(self, message: Message, path: Path, damage: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.damage = damage  # the first lines of what SQLite's check found


class BackupRefused(UserError):
    """A file named for a restore that is not a verified SalesDesk backup, or a backup target that
    is taken: the user named the wrong file (the command line answers with exit 2)."""


@dataclass(frozen=True, slots=True)
class Retention:
    """How many copies rotation keeps: the newest of each of the last *daily* days, *weekly* ISO
    weeks and *monthly* months (0 turns a rule off)."""

    daily: int = DEFAULT_DAILY
    weekly: int = DEFAULT_WEEKLY
    monthly: int = DEFAULT_MONTHLY


@dataclass(frozen=True, slots=True)
class BackupName:
    stem: str
    created: datetime
    reason: str
    number: int = 0  # the second and later copies of one second are numbered 1, 2, …
    suffix: str = SUFFIX  # SUFFIX for a copy of a file base, DUMP_SUFFIX for a server's dump


def backup_file_name(stem: str, created: datetime, reason: str, number: int = 0, suffix: str = SUFFIX) -> str:
    """The file name of a copy of the base *stem* taken at *created* (local time) for *reason*."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    if suffix not in (SUFFIX, DUMP_SUFFIX):
        raise ValueError(f"unknown backup suffix {suffix!r}")
    extra = f"-{number}" if number else ""
    return f"{stem}-{created:%Y-%m-%d_%H%M%S}-{reason}{extra}{suffix}"


def parse_backup_name(name: str) -> BackupName | None:
    """What a backup's file name says; None for a file not named like one."""
    match = _NAME.match(name)
    if match is None or match["reason"] not in REASONS:
        return None
    try:
        created = datetime.strptime(f"{match['date']} {match['time']}", "%Y-%m-%d %H%M%S")
    except ValueError:
        return None
    return BackupName(match["stem"], created, match["reason"], int(match["n"] or 0), match["suffix"])


def to_keep(stamps: Iterable[datetime], retention: Retention, now: datetime) -> set[datetime]:
    """Which of the copies taken at *stamps* rotation keeps (the rest may be removed)."""
    ordered = sorted(set(stamps), reverse=True)
    keep = {s for s in ordered if s.date() == now.date() or s > now}
    rules = (
        (retention.daily, lambda s: s.date()),
        (retention.weekly, lambda s: tuple(s.isocalendar())[:2]),
        (retention.monthly, lambda s: (s.year, s.month)),
    )
    for count, period in rules:
        seen: set[object] = set()
        for stamp in ordered:  # newest first: the first copy of a period is its newest
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(stamp)
    return keep
