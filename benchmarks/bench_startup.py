"""Start-up benchmark: the packaged program (dist/SalesDesk/SalesDesk) against `python -m salesdesk`,
on the same machine in the same run, to the main window being mapped on a real X server.

Target (issue 13): the built program starts to a usable window in at most 2x the time of
`python -m salesdesk`. Each start runs on its own private Xvfb with Qt's xcb platform and a data
folder that already holds a base with one client (made by the command line beforehand), so neither
side pays for creating the base; the clock runs from the process start to the X server's MapNotify
of the first "SalesDesk" window. Every window shown is then closed the way a window manager's ✕ does
(WM_DELETE_WINDOW, newest first, so a first-start question goes before the window behind it) and
the program must exit with status 0. Starts alternate between the two programs; the median counts.

    .venv/bin/python benchmarks/bench_startup.py [--package dist/SalesDesk] [--runs 3]

tools/smoke_package.py uses :func:`time_to_window` for the CI smoke check.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.gui.x11 import XServer  # noqa: E402

SCREEN = "1366x768x24"


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb on a free display (it writes the number itself); yields ":N"."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise RuntimeError("Xvfb is not installed (Debian: apt-get install xvfb xauth)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def gui_env(display: str, data_dir: Path, lang: str = "ru_RU.UTF-8") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XAUTHORITY")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", SALESDESK_DATA_DIR=str(data_dir), LANG=lang)
    for name in ("LC_ALL", "LANGUAGE", "SALESDESK_LANG", "SALESDESK_DB"):
        env.pop(name, None)
    return env


@dataclass
class Start:
    seconds: float  # from the process start to the first window mapped
    windows: int  # how many top-level windows it showed before being closed
    returncode: int
    stderr: str


def time_to_window(
    command: Sequence[str], env: dict[str, str], timeout: float = 90, while_open: Callable[[], object] | None = None
) -> Start:
    """Start *command* on the X server of ``env["DISPLAY"]``, time it to its first mapped window,
    run *while_open* (if given) with the window up, then close every window it shows (newest
    first) and wait for it to exit."""
    x = XServer(env["DISPLAY"])
    started = time.perf_counter()
    app = subprocess.Popen(list(command), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = float("nan")
    windows: list[int] = []
    try:
        while app.poll() is None and len(windows) < 5:
            window = x.wait_mapped("SalesDesk", timeout=3 if windows else timeout, alive=lambda: app.poll() is None)
            if window is None:
                break
            if not windows:
                seconds = time.perf_counter() - started
            windows.append(window)
        if while_open is not None and windows and app.poll() is None:
            while_open()
        for window in reversed(windows):
            if app.poll() is None:
                x.ask_to_close(window)
        _, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate(timeout=30)
        x.close()
    return Start(seconds, len(windows), app.returncode, err)


def prepare_data_dir(cli: Sequence[str], folder: Path) -> None:
    """A data folder whose default base holds one client, made by *cli* (the command line)."""
    env = {**os.environ, "SALESDESK_DATA_DIR": str(folder)}
    env.pop("SALESDESK_DB", None)
    subprocess.run(
        [*cli, "client", "add", "--name", "ООО «Старт»"], env=env, check=True, capture_output=True, timeout=120
    )


def compare(package: Path, runs: int) -> tuple[float, float]:
    """Median seconds to the window: (`python -m salesdesk`, the packaged program)."""
    source_cmd = [sys.executable, "-m", "salesdesk"]
    frozen_cmd = [str(package / "SalesDesk")]
    times: dict[str, list[float]] = {"source": [], "package": []}
    with tempfile.TemporaryDirectory(prefix="salesdesk-startup-") as tmp:
        for name, cli in (("source", source_cmd), ("package", [str(package / "salesdesk-cli")])):
            prepare_data_dir(cli, Path(tmp) / name)
        # a first start of each is not counted: it warms the disk cache for both alike
        for run in range(runs + 1):
            for name, cmd in (("source", source_cmd), ("package", frozen_cmd)):
                with xvfb() as display:
                    start = time_to_window(cmd, gui_env(display, Path(tmp) / name))
                if start.returncode != 0 or start.windows == 0:
                    raise RuntimeError(
                        f"{name}: exit status {start.returncode}, {start.windows} windows\n{start.stderr}"
                    )
                if run:
                    times[name].append(start.seconds)
    return statistics.median(times["source"]), statistics.median(times["package"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--package", type=Path, default=ROOT / "dist" / "SalesDesk", help="the built folder")
    parser.add_argument("--runs", type=int, default=3, help="counted starts of each program")
    args = parser.parse_args(argv)
    source, frozen = compare(args.package, args.runs)
    ratio = frozen / source
    print(f"start-up to the window: python -m salesdesk {source:.2f} s, package {frozen:.2f} s, ratio {ratio:.2f}")
    print("target: ratio <= 2.0 —", "met" if ratio <= 2.0 else "NOT MET")
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
