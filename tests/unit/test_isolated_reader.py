"""files/isolated.py: a reader run in a child process answers with its value, its refusal in the
program's language, or — when it dies or runs out of memory — a refusal of the file."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from salesdesk.domain import messages
from salesdesk.files.errors import FileProblem
from salesdesk.files.isolated import run_isolated

MEGABYTE = 1024 * 1024
GIGABYTE = 1024 * MEGABYTE
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


@pytest.fixture
def russian() -> Iterator[None]:
    before = messages.language()
    messages.set_language("ru")
    yield
    messages.set_language(before)


def test_the_childs_value_comes_back() -> None:
    assert run_isolated(FILE, GIGABYTE, _rows, 3) == _rows(3)


def test_a_refusal_comes_back_for_the_file_in_the_programs_language(russian: None) -> None:
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, _refuses, "/tmp/salesdesk-123-copy.xls")
    problem = caught.value
    assert (problem.key, problem.path, problem.bad_input) == ("file.too_many_rows", FILE, True)
    assert str(problem).startswith("В таблице «Клиенты 2019.xls» 300\u00a0000 строк"), str(problem)


def test_a_reader_that_dies_is_a_refusal_and_what_it_printed_stays_unseen(
    russian: None, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, 512 * MEGABYTE, _aborts)
    assert caught.value.key == "file.reader_failed"
    assert "«Клиенты 2019.xls»" in str(caught.value) and "512 МБ" in str(caught.value), str(caught.value)
    out, err = capfd.readouterr()
    assert "memory allocation" not in out + err and "backtrace" not in out + err


@pytest.mark.skipif(not POSIX, reason="Windows has no address-space limit for a process of its own")
def test_the_child_may_not_take_more_memory_than_it_is_given() -> None:
    assert run_isolated(FILE, GIGABYTE, _allocates, 100 * MEGABYTE) == 100 * MEGABYTE
    with pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, _allocates, 2 * GIGABYTE)
    assert caught.value.key == "file.reader_failed"


def test_a_readers_own_error_is_a_refusal_and_goes_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="salesdesk.files.isolated"), pytest.raises(FileProblem) as caught:
        run_isolated(FILE, GIGABYTE, _fails)
    assert caught.value.key == "file.reader_failed"
    assert "RuntimeError: a bug of the reader's" in caplog.text and "Клиенты 2019.xls" in caplog.text
