"""What every child process SalesDesk starts does first: its bulk load's workers
(services/deriving_worker.py) and the reader of an .xls (files/isolated.py)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading


def ignore_interrupts() -> None:
    """Ctrl+C is for the program, which cancels the load and shuts its workers down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def exit_with_parent() -> None:
    """Exit as soon as the program that started this worker is gone (``kill -9``, a crash).

    Otherwise the workers keep each other alive through the pipes of their queue and stay for
    minutes, with multiprocessing's resource tracker (which exits once they have). A thread waits
    on the parent's sentinel: the end of a pipe (a process handle on Windows) that only the parent
    holds, ready when the parent exits. Not Linux's PR_SET_PDEATHSIG: it fires when the *thread*
    that started the worker ends, and the pool starts its workers on a helper thread that ends
    before the last batches are derived.
    """
    parent = multiprocessing.parent_process()
    if parent is None:  # not started by multiprocessing
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)  # no clean-up to do: the work in flight was for a program that is gone

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
