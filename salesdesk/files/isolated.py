"""Running a spreadsheet reader in a child process with a memory limit and a time limit, so that a
file it was not made for costs a refusal, not the program.

python-calamine trusts an .xls: a sheet that claims a billion rows or a cell past column 255 makes
it ask for gigabytes, and a failed allocation in Rust aborts the whole process — the window with
it, and whatever the user had typed. Nothing measures an .xls beforehand (docs/spreadsheets.md),
so it is read here instead: the child gets the file, a limit on its address space (Linux), and
sends back the rows or the problem it found; if it dies instead, or runs past its time, that is
the answer.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from salesdesk.files.errors import FileProblem
from salesdesk.processes import exit_with_parent, ignore_interrupts

log = logging.getLogger(__name__)
T = TypeVar("T")

# Outcomes the child sends: ("value", result), ("problem", (key, params)), ("memory", None) when it
# ran out of memory or the reader broke down, ("failed", traceback) for an error of our own code.


def run_isolated(path: Path, memory: int, seconds: float, fn: Callable[..., T], *args: object) -> T:
    """``fn(*args)`` run in a new process that may use at most *memory* bytes of address space
    and *seconds* of time.

    A ``FileProblem`` raised there is raised here again, in this process's language; a child that
    dies, runs out of memory or of time is ``file.reader_failed`` for *path*. *fn* and its
    arguments must be importable and picklable (a "spawn" child: forking a process with Qt and
    database threads is not safe).
    """
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sending, memory, fn, args), name="salesdesk-reader", daemon=True)
    try:
        child.start()
    except OSError as exc:  # no process could be started (out of memory, a process limit)
        receiving.close()
        sending.close()
        raise FileProblem("file.unreadable", path, reason=exc.strerror or str(exc)) from exc
    sending.close()  # the child holds the only writing end now: its death ends the pipe
    outcome = None
    try:
        outcome = _outcome(receiving, child, time.monotonic() + seconds)
    finally:
        receiving.close()
        if outcome is not None:  # it answered and is ending
            child.join(5)
        if child.is_alive():  # past its time, or this process is being stopped (Ctrl+C): at once
            child.kill()
            child.join()
    if outcome is None:
        log.warning("the reader of %s ended with %s", path.name, child.exitcode)
        raise FileProblem("file.reader_failed", path)
    status, value = outcome
    if status == "problem":
        key, params = value
        raise FileProblem(key, path, **params)
    if status == "failed":
        log.error("the reader of %s failed:\n%s", path.name, value)
    if status in ("memory", "failed"):
        raise FileProblem("file.reader_failed", path)
    return value  # type: ignore[no-any-return]


def _outcome(receiving: Connection, child: Any, deadline: float) -> tuple[str, Any] | None:
    """What the child sent, or None if it ended without sending (killed, aborted) or was still
    at work at *deadline* (a reader in an endless loop, or stuck: see ``_child``)."""
    while (left := deadline - time.monotonic()) > 0:
        ready = multiprocessing.connection.wait([receiving, child.sentinel], timeout=left)
        if receiving in ready:
            try:
                return receiving.recv()  # type: ignore[no-any-return]
            except (EOFError, OSError):
                return None
        if child.sentinel in ready:
            return None  # ended without a word: anything it sent would have made the pipe ready
    return None


def _child(sending: Connection, memory: int, fn: Callable[..., object], args: tuple[object, ...]) -> None:
    # Rust prints a backtrace of a panic under a lock that its handler of a failed allocation takes
    # too: near the memory limit, with RUST_BACKTRACE set, the child would wait on itself forever
    os.environ["RUST_BACKTRACE"] = "0"
    ignore_interrupts()
    exit_with_parent()
    _quiet()
    limit_memory(memory)
    try:
        result: tuple[str, object] = ("value", fn(*args))
    except FileProblem as exc:
        broke = exc.key == "file.corrupt" and _broke(exc.__cause__)
        result = ("memory", None) if broke else ("problem", (exc.key, exc.params))
    except MemoryError:
        result = ("memory", None)
    except BaseException as exc:  # an error of our own code, which the program's log shows
        result = ("memory", None) if _broke(exc) else ("failed", traceback.format_exc())
    try:
        sending.send(result)
    except MemoryError:  # the rows were read but pickling them did not fit
        sending.send(("memory", None))
    sending.close()


def _broke(exc: BaseException | None) -> bool:
    """Whether the reader ran out of memory or broke down (python-calamine's panics derive from
    BaseException, not Exception): the reading says "damaged" for these, which in this process
    may as well be the memory limit (a failed allocation in Python code the reader calls)."""
    return isinstance(exc, MemoryError) or (exc is not None and not isinstance(exc, Exception))


def _quiet() -> None:
    """What the reader prints as it fails (Rust's "memory allocation failed" and its panics) is
    not for the person at the command line: the program tells them in their words."""
    with open(os.devnull, "w") as nowhere:
        os.dup2(nowhere.fileno(), 2)


def limit_memory(memory: int) -> None:
    """At most *memory* bytes of address space for this process, where the system lets a process
    say so (Linux: ``RLIMIT_AS``; macOS refuses a limit below the hard one when that is unlimited).
    Windows has no such limit for a process of its own; there the child is only apart, which is
    what keeps the program alive."""
    try:
        import resource
    except ImportError:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        memory = min(memory, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, hard))
    except (ValueError, OSError):
        pass  # read without a limit rather than not at all
