"""files/isolated.py: a reader run in a child process answers with its value, its refusal in the
program's language, or — when it dies, runs out of memory or of time — a refusal of the file."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from salesdesk.domain import messages
from salesdesk.files import reading
from salesdesk.files.errors import FileProblem
from salesdesk.files.isolated import limit_memory, run_isolated
from tests.integration import spreadsheets as sheets

MEGABYTE = 1024 * 1024
GIGABYTE = 1024 * MEGABYTE
MINUTE = 60.0
FILE = Path("Клиенты 2019.xls")
POSIX = sys.platform != "win32"


# What the child runs: module functions, which a "spawn" child imports by name.


def _rows(count: int) -> list[list[object]]:
    return [[f"ООО «Клиент {n}»", n, None] for n in range(count)]


def _refuses(target: str) -> None:
    raise FileProblem("file.too_many_rows", Path(target), rows=300_000, limit=250_000)


def _fails() -> None:
    raise RuntimeError("a bug of the reader's")


def _aborts() -> None:
    os.write(2, b"memory allocation of 137438953472 bytes failed\nstack backtrace:\n")
    os.abort()


def _allocates(size: int) -> int:
    return len(bytearray(size))


def _never_answers() -> None:
    threading.Event().wait()  # a reader stuck for good (a lock it waits on itself, an endless loop)


class _Panic(BaseException):
    """As python-calamine's panics: a BaseException, not an Exception."""


def _damaged_by(cause: str) -> None:
    causes = {"memory": MemoryError(), "panic": _Panic("PyObject pointer is null"), "bad zip": ValueError("no sheet")}
    raise FileProblem("file.corrupt", Path("x.xls")) from causes[cause]


def _panics() -> None:
    raise _Panic("index out of bounds")


@pytest.fixture
def russian() -> Iterator[None]:
    before = messages.language()
    messages.set_language("ru")
    yield
    messages.set_language(before)


def test_the_childs_value_comes_back() -> None:
    assert run_isolated(FILE, GIGABYTE, MINUTE, _rows, 3) == _rows(3)


def test_a_refusal_comes_back_for_the_file_in_the_programs_language(russian: None) -> None:
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, MINUTE, _refuses, "/tmp/salesdesk-123-copy.xls")
    problem = caught.value
    assert (problem.key, problem.path, problem.bad_input) == ("file.too_many_rows", FILE, True)
    assert str(problem).startswith("В таблице «Клиенты 2019.xls» 300\u00a0000 строк"), str(problem)


def test_a_reader_that_dies_is_a_refusal_and_what_it_printed_stays_unseen(
    russian: None, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, 512 * MEGABYTE, MINUTE, _aborts)
    assert caught.value.key == "file.reader_failed"
    assert str(caught.value).startswith("Не удалось прочитать «Клиенты 2019.xls»: файл повреждён"), str(caught.value)
    out, err = capfd.readouterr()
    assert "memory allocation" not in out + err and "backtrace" not in out + err


@pytest.mark.skipif(not POSIX, reason="Windows has no address-space limit for a process of its own")
def test_the_child_may_not_take_more_memory_than_it_is_given() -> None:
    assert run_isolated(FILE, GIGABYTE, MINUTE, _allocates, 100 * MEGABYTE) == 100 * MEGABYTE
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, MINUTE, _allocates, 2 * GIGABYTE)
    assert caught.value.key == "file.reader_failed"


def test_a_readers_own_error_is_a_refusal_and_goes_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="salesdesk.files.isolated"), pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, MINUTE, _fails)
    assert caught.value.key == "file.reader_failed"
    assert "RuntimeError: a bug of the reader's" in caplog.text and "Клиенты 2019.xls" in caplog.text


@pytest.mark.parametrize(
    ("cause", "key"), [("memory", "file.reader_failed"), ("panic", "file.reader_failed"), ("bad zip", "file.corrupt")]
)
def test_a_file_the_reader_called_damaged_for_want_of_memory_says_so(cause: str, key: str) -> None:
    # the reading calls any failure of the reader a damaged file; in the child a MemoryError or a
    # panic (a failed allocation in Python code the reader calls) is the memory running out
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, MINUTE, _damaged_by, cause)
    assert caught.value.key == key


def test_a_panic_outside_the_reading_is_a_refusal_too() -> None:
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, MINUTE, _panics)
    assert caught.value.key == "file.reader_failed"


def test_a_reader_past_its_time_is_stopped_and_refused() -> None:
    start = time.monotonic()
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, 1.0, _never_answers)
    assert caught.value.key == "file.reader_failed"
    assert time.monotonic() - start < 30  # a hang guard, generous for a loaded machine
    assert multiprocessing.active_children() == []


def test_a_system_that_refuses_the_limit_reads_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    resource = pytest.importorskip("resource")

    def refuse(*_args: object) -> None:  # macOS: "current limit exceeds maximum limit"
        raise ValueError("current limit exceeds maximum limit")

    monkeypatch.setattr(resource, "setrlimit", refuse)
    limit_memory(GIGABYTE)  # nothing raised: the reader goes on without a limit


def test_the_sheets_of_an_xls_are_listed_once_while_the_file_stays_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children: list[object] = []

    def counted(*args: object) -> object:
        children.append(args[3])
        return run_isolated(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "run_isolated", counted)
    path = sheets.xls_workbook(tmp_path / "Клиенты.xls", ["Наименование", "ООО «Ёлка»"], [sheets.xls_text(0, 0, 0)])
    for _step in ("headers", "preview", "import"):
        book = reading.inspect_file(path)
        assert book.sheet_names == ("Клиенты",)
        assert reading.read_sheet(path, book=book).rows == [["Наименование"]]
    assert [getattr(fn, "__name__", fn) for fn in children] == ["_xls_names"] + ["_xls_sheet"] * 3
    # changed in between (saved again under another sheet name): listed again
    sheets.xls_workbook(path, ["Наименование"], [sheets.xls_text(0, 0, 0)], sheet="Лист1")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))
    assert reading.inspect_file(path).sheet_names == ("Лист1",)
    assert len(children) == 5
