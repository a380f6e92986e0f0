"""Running a spreadsheet reader in a child process with a memory limit, so that a file it was not
made for costs a refusal, not the program.

python-calamine trusts an .xls: a sheet that claims a billion rows or a cell past column 255 makes
it ask for gigabytes, and a failed allocation in Rust aborts the whole process — the window with
it, and whatever the user had typed. Nothing measures an .xls beforehand (docs/spreadsheets.md),
so it is read here instead: the child gets the file, a limit on its address space (POSIX), and
sends back the rows or the problem it found; if it dies instead, that is the answer.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from salesdesk.files.errors import FileProblem
from salesdesk.processes import exit_with_parent, ignore_interrupts

log = logging.getLogger(__name__)
T = TypeVar("T")

_MEGABYTE = 1024 * 1024


def run_isolated(path: Path, memory: int, fn: Callable[..., T], *args: object) -> T:
    """``fn(*args)`` run in a new process that may use at most *memory* bytes of address space.

    A ``FileProblem`` raised there is raised here again, in this process's language; a child that
    dies or runs out of memory is ``file.reader_failed`` for *path*. *fn* and its arguments must
    be importable and picklable (a "spawn" child: forking a process with Qt and database threads
    is not safe).
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
    try:
        outcome = _outcome(receiving, child)
    finally:
        receiving.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
    if outcome is None:
        log.warning("the reader of %s ended with %s", path.name, child.exitcode)
        raise FileProblem("file.reader_failed", path, limit_mb=memory // _MEGABYTE)
    status, value = outcome
    if status == "problem":
        key, params = value
        raise FileProblem(key, path, **params)
    if status == "failed":
        log.error("the reader of %s failed:\n%s", path.name, value)
    if status in ("memory", "failed"):
        raise FileProblem("file.reader_failed", path, limit_mb=memory // _MEGABYTE)
    return value  # type: ignore[no-any-return]


def _outcome(receiving: Connection, child: Any) -> tuple[str, Any] | None:
    """What the child sent, or None if it ended without sending (killed, aborted)."""
    while True:
        ready = multiprocessing.connection.wait([receiving, child.sentinel])
        if receiving in ready:
            try:
                return receiving.recv()  # type: ignore[no-any-return]
            except (EOFError, OSError):
                return None
        if child.sentinel in ready:
            # ended: anything it sent before would have made the pipe ready too
            return receiving.recv() if receiving.poll() else None


def _child(sending: Connection, memory: int, fn: Callable[..., object], args: tuple[object, ...]) -> None:
    ignore_interrupts()
    exit_with_parent()
    _quiet()
    limit_memory(memory)
    try:
        result: tuple[str, object] = ("value", fn(*args))
    except FileProblem as exc:
        result = ("problem", (exc.key, exc.params))
    except MemoryError:
        result = ("memory", None)
    except Exception:  # a reader's own error: the program's log says which
        result = ("failed", traceback.format_exc())
    try:
        sending.send(result)
    except MemoryError:  # the rows were read but pickling them did not fit
        sending.send(("memory", None))
    sending.close()


def _quiet() -> None:
    """What the reader prints as it fails (Rust's "memory allocation failed" and its backtrace)
    is not for the person at the command line: the program tells them in their words."""
    with open(os.devnull, "w") as nowhere:
        os.dup2(nowhere.fileno(), 2)


def limit_memory(memory: int) -> None:
    """At most *memory* bytes of address space for this process, where the system can say so
    (Linux, macOS: ``RLIMIT_AS``). Windows has no such limit for a process of its own; there the
    child is only apart, which is what keeps the program alive."""
    try:
        import resource
    except ImportError:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        memory = min(memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (memory, hard))
