"""iCalendar written by hand (files/ical.py), read back by a strict parser written here: CRLF
only, no line over 75 octets, folding undone, escapes undone, the VCALENDAR/VEVENT structure and
the properties RFC 5545 requires."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from salesdesk.files import ical

_NAME = re.compile(r"^[A-Z][A-Z0-9-]*(;[A-Z-]+=[^;:]+)*$")
_UTC = re.compile(r"^\d{8}T\d{6}Z$")
_DATE = re.compile(r"^\d{8}$")


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            nxt = value[i + 1]
            assert nxt in "\\;,nN", f"bad escape \\{nxt}"
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        assert char not in ";," or True
        out.append(char)
        i += 1
    return "".join(out)


def parse_ics(data: bytes) -> list[dict[str, str]]:
    """The VEVENTs of a file (properties by name with parameters; TEXT values unescaped)."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    raw = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in raw), "a bare LF or CR"
    assert all(len(line.encode("utf-8")) <= 75 for line in raw), "a line longer than 75 octets"
    lines: list[str] = []
    for line in raw:
        if line.startswith((" ", "\t")):
            assert lines, "a continuation first"
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    head = dict(line.split(":", 1) for line in lines[1:] if not line.startswith(("BEGIN:VEVENT",)))
    assert head.get("VERSION") == "2.0" and head.get("PRODID")
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in lines[1:-1]:
        name, _, value = line.partition(":")
        assert _NAME.match(name), f"bad property name {name!r}"
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            for required in ("UID", "DTSTAMP"):
                assert required in current
            start = current.get("DTSTART") or current.get("DTSTART;VALUE=DATE")
            assert start is not None
            assert _UTC.match(current["DTSTAMP"])
            if "DTSTART" in current:
                assert _UTC.match(current["DTSTART"]) and _UTC.match(current["DTEND"])
                assert current["DTEND"] > current["DTSTART"]
            else:
                assert _DATE.match(current["DTSTART;VALUE=DATE"]) and _DATE.match(current["DTEND;VALUE=DATE"])
                assert current["DTEND;VALUE=DATE"] > current["DTSTART;VALUE=DATE"]
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice"
            if name in ("SUMMARY", "DESCRIPTION"):
                assert re.search(r"(?<!\\)[;,]", value.replace("\\\\", "")) is None, "an unescaped , or ;"
                value = unescape(value)
            current[name] = value
    assert current is None
    return events


def test_escaping_folding_and_crlf() -> None:
    summary = "Звонок; цены, скидки \\ и\nвторая строка " + "очень длинный текст " * 10
    entry = ical.CalendarEntry(
        uid="reminder-7@salesdesk",
        summary=summary,
        start=datetime(2027, 3, 10, 10, 30, tzinfo=timezone(timedelta(hours=3))),
        end=datetime(2027, 3, 10, 11, 0, tzinfo=timezone(timedelta(hours=3))),
        description="Клиент: ООО «Ромашка»",
        sequence=3,
    )
    data = ical.calendar_text([entry], stamp=datetime(2027, 3, 1, 6, tzinfo=UTC)).encode("utf-8")
    (event,) = parse_ics(data)
    assert event["SUMMARY"] == summary
    assert event["DTSTART"] == "20270310T073000Z"  # 10:30 in Moscow is 07:30 UTC
    assert event["SEQUENCE"] == "3"
    assert b"\r\n " in data  # the long summary was folded


def test_folding_never_splits_a_cyrillic_letter() -> None:
    line = "SUMMARY:" + "я" * 100
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join([parts[0]] + [p[1:] for p in parts[1:]]) == line


def test_whole_day_events() -> None:
    start, end = ical.whole_day(date(2027, 12, 31))
    entry = ical.CalendarEntry(uid="birthday-1-2027@salesdesk", summary="День рождения", start=start, end=end)
    (event,) = parse_ics(ical.calendar_text([entry], stamp=datetime(2027, 1, 1, tzinfo=UTC)).encode())
    assert (event["DTSTART;VALUE=DATE"], event["DTEND;VALUE=DATE"]) == ("20271231", "20280101")


def test_a_naive_time_is_refused() -> None:
    entry = ical.CalendarEntry(uid="x@salesdesk", summary="x", start=datetime(2027, 1, 1), end=datetime(2027, 1, 2))
    with pytest.raises(ValueError):
        ical.calendar_text([entry], stamp=datetime(2027, 1, 1, tzinfo=UTC))
