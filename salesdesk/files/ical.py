"""iCalendar (RFC 5545) written by hand: a VCALENDAR of VEVENTs that a phone, Outlook or
Thunderbird imports.

Choices, and why:

- Timed events (reminders, calls, meetings) are written in UTC (``DTSTART:20261207T063000Z``). A
  UTC time is one instant everywhere; every client shows it in the device's own zone, which is the
  user's. The alternative, local times with a VTIMEZONE, needs the zone's Olson name and its rules,
  which the standard library cannot give portably (Windows has no tz database), and a VTIMEZONE
  with wrong rules silently moves every event. Floating times would shift when the phone travels.
- Birthdays and contract ends are whole days: ``DTSTART;VALUE=DATE`` and the next day as DTEND.
- UIDs are stable (``reminder-<id>@salesdesk``): importing a newer export updates the events
  instead of adding copies; SEQUENCE is the record's version, so the newer one wins.
- Text values escape backslash, semicolon, comma and newlines (3.3.11); every content line is
  folded at 75 octets without splitting a UTF-8 character (3.1); lines end with CRLF.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

PRODID = "-//SalesDesk//SalesDesk Calendar//RU"
CRLF = "\r\n"
LINE_OCTETS = 75


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One VEVENT. *start* is a ``date`` for a whole-day event, an aware ``datetime`` otherwise."""

    uid: str
    summary: str
    start: date | datetime
    end: date | datetime
    description: str = ""
    categories: Sequence[str] = field(default_factory=tuple)
    sequence: int = 0


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash first, then ; , and newlines."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets; continuations start with a space."""
    pieces: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            current, size = "", 0
            limit = LINE_OCTETS - 1  # the leading space of a continuation counts
        current += char
        size += octets
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def _utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("a timed event needs an aware datetime")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, value: date | datetime) -> str:
    if isinstance(value, datetime):
        return f"{name}:{_utc(value)}"
    return f"{name};VALUE=DATE:{value.strftime('%Y%m%d')}"


def calendar_text(entries: Iterable[CalendarEntry], *, stamp: datetime, name: str = "SalesDesk") -> str:
    """The whole .ics file as text (write it as UTF-8 bytes, newline="" to keep the CRLFs)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    dtstamp = _utc(stamp)
    for entry in entries:
        lines += ["BEGIN:VEVENT", f"UID:{entry.uid}", f"DTSTAMP:{dtstamp}"]
        lines.append(_when("DTSTART", entry.start))
        lines.append(_when("DTEND", entry.end))
        lines.append(f"SUMMARY:{escape_text(entry.summary)}")
        if entry.description:
            lines.append(f"DESCRIPTION:{escape_text(entry.description)}")
        if entry.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in entry.categories))
        if entry.sequence:
            lines.append(f"SEQUENCE:{entry.sequence}")
        if isinstance(entry.start, datetime):
            lines.append("TRANSP:OPAQUE")
        else:
            lines.append("TRANSP:TRANSPARENT")  # a birthday does not make anyone busy
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def whole_day(day: date) -> tuple[date, date]:
    """DTSTART and the exclusive DTEND of a one-day event."""
    return day, day + timedelta(days=1)
