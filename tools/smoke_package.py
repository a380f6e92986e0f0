"""Smoke check of the BUILT desktop package (dist/SalesDesk/), as CI runs it after the build:

1. `salesdesk-cli --version` prints the package's version;
2. on a fresh data folder, the command line of the build makes a base (`init`), adds a client
   (`client add`) and finds it (`search`);
3. the window (`SalesDesk`) under a private Xvfb with Qt's real xcb platform opens on a fresh data
   folder whose client was added by the same build's command line, shows its window, closes on
   WM_DELETE_WINDOW (every window newest first: a first-start question goes before the main
   window) and exits with status 0; a second start on the same base meanwhile hands over to it and
   exits 0 at once; the client is still found afterwards;
4. Qt's Russian translation is in the folder, and none of the left-out Qt modules is;
5. the folder's size (fails above 250 MB) and the start-up time against `python -m salesdesk`
   (benchmarks/bench_startup.py; the ratio is printed, target <= 2).

    .venv/bin/python tools/smoke_package.py [dist/SalesDesk]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import package_rules  # noqa: E402

from benchmarks import bench_startup  # noqa: E402
from salesdesk import __version__  # noqa: E402
from tests.integration.spreadsheets import xls_dimensions, xls_text, xls_workbook  # noqa: E402

LIMIT_MB = 250
CLIENT = "ООО «Дымок»"


class SmokeFailed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailed(message)
    print("  ok:", message.split("\n")[0])


def run_cli(package: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SALESDESK_DATA_DIR": str(data_dir), "LANG": "ru_RU.UTF-8"}
    env.pop("SALESDESK_DB", None)
    return subprocess.run(
        [str(package / "salesdesk-cli"), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def smoke(package: Path) -> None:
    print(f"SalesDesk package smoke check: {package}")
    for program in ("SalesDesk", "salesdesk-cli"):
        check((package / program).is_file(), f"{program} is in the folder")

    done = run_cli(package, Path(tempfile.mkdtemp()), "--version")
    check(done.returncode == 0 and __version__ in done.stdout, f"--version: {done.stdout.strip()}\n{done.stderr}")

    with tempfile.TemporaryDirectory(prefix="salesdesk-smoke-") as tmp:
        data = Path(tmp) / "data"
        db = str(Path(tmp) / "named.sqlite")
        done = run_cli(package, data, "init", db)
        check(done.returncode == 0 and Path(db).is_file(), f"init {db}\n{done.stdout}{done.stderr}")
        done = run_cli(
            package,
            data,
            "--db",
            db,
            "client",
            "add",
            "--name",
            CLIENT,
            "--inn",
            "7707083893",
            "--phone",
            "8 (495) 123-45-67",
        )
        check(done.returncode == 0, f"client add: {done.stdout.strip()}\n{done.stderr}")
        done = run_cli(package, data, "--db", db, "search", "Дымок")
        check(done.returncode == 0 and "Дымок" in done.stdout, f"search finds the client\n{done.stdout}{done.stderr}")
        done = run_cli(package, data, "--db", db, "search", "4951234567")
        check(done.returncode == 0 and "Дымок" in done.stdout, f"search by phone finds it\n{done.stdout}{done.stderr}")
        # spreadsheets: export to .xlsx, import it into a second base, find the client there
        xlsx, second = str(Path(tmp) / "clients.xlsx"), str(Path(tmp) / "second.sqlite")
        done = run_cli(package, data, "--db", db, "export", xlsx)
        check(done.returncode == 0 and Path(xlsx).is_file(), f"export {xlsx}\n{done.stdout}{done.stderr}")
        run_cli(package, data, "init", second)
        done = run_cli(package, data, "--db", second, "import", xlsx)
        check(done.returncode == 0, f"import into a second base\n{done.stdout}{done.stderr}")
        done = run_cli(package, data, "--db", second, "search", "7707083893")
        check(
            done.returncode == 0 and "Дымок" in done.stdout, f"the imported client is found\n{done.stdout}{done.stderr}"
        )
        # an .xls is read in a process of the program's own (files/isolated.py): an ordinary one
        # imports, one that asks the reader for gigabytes is refused (exit 2) and the program goes on
        strings = ["Наименование", "ИНН", "ООО «Старый Дымок»", "7736050003"]
        cells = [xls_text(0, 0, 0), xls_text(0, 1, 1), xls_text(1, 0, 2), xls_text(1, 1, 3)]
        old = xls_workbook(Path(tmp) / "старые.xls", strings, cells)
        done = run_cli(package, data, "--db", second, "import", str(old))
        check(done.returncode == 0, f"import of an .xls\n{done.stdout}{done.stderr}")
        done = run_cli(package, data, "--db", second, "search", "7736050003")
        check(
            done.returncode == 0 and "Старый Дымок" in done.stdout,
            f"the .xls client is found\n{done.stdout}{done.stderr}",
        )
        hostile = xls_workbook(Path(tmp) / "вред.xls", strings, [xls_dimensions(0, 0xFFFF_FFFF, 0, 0xFFFF), *cells])
        done = run_cli(package, data, "--db", second, "import", str(hostile))
        check(
            done.returncode == 2 and "«вред.xls»" in done.stderr and "backtrace" not in done.stderr,
            f"an .xls the reader cannot hold: exit 2, a message in Russian\n{done.stdout}{done.stderr}",
        )
        done = run_cli(package, data, "--db", db, "backup")
        check(done.returncode == 0, f"backup\n{done.stdout}{done.stderr}")
        # the Russian working-day calendar (the holidays package's data) reached the package
        done = run_cli(
            package, data, "--db", db, "deal", "add", "1", "--title", "Обслуживание", "--amount", "100 000",
            "--stage", "won", "--opened", "2026-01-10", "--closed", "2026-01-15", "--contract-end", "2027-01-20",
            "--renewal-days", "14",
        )  # fmt: skip
        check(
            done.returncode == 0 and "6 января выходной" in done.stdout + done.stderr,
            f"deal add: the renewal moves off the New Year days off\n{done.stdout}{done.stderr}",
        )
        done = run_cli(package, data, "--db", db, "client", "add", "--name", "Х", "--inn", "123")
        check(
            done.returncode == 2 and "ИНН" in done.stderr and "Traceback" not in done.stderr,
            f"bad input: exit 2 and a message in Russian, no traceback\n{done.stderr}",
        )

        # a shared base on a PostgreSQL server: the package carries the driver (CI passes its cluster)
        server = os.environ.get("SALESDESK_SMOKE_DB", "")
        if server:
            done = run_cli(package, data, "init", server)
            check(done.returncode == 0, f"init on the server\n{done.stdout}{done.stderr}")
            done = run_cli(package, data, "--db", server, "client", "add", "--name", CLIENT, "--inn", "7707083893")
            check(done.returncode == 0, f"client add on the server\n{done.stdout}{done.stderr}")
            done = run_cli(package, data, "--db", server, "search", "дымок")
            check(done.returncode == 0 and "Дымок" in done.stdout, f"search on the server\n{done.stdout}{done.stderr}")

        # the window, on a fresh data folder whose default base got a client from the same build
        fresh = Path(tmp) / "fresh"
        done = run_cli(package, fresh, "client", "add", "--name", CLIENT)
        check(done.returncode == 0, f"client add on the fresh data folder\n{done.stdout}{done.stderr}")
        second: list[subprocess.CompletedProcess[str]] = []
        with bench_startup.xvfb() as display:
            env = bench_startup.gui_env(display, fresh)

            def start_again() -> None:  # a second start on the same base: hands over and ends
                second.append(
                    subprocess.run(
                        [str(package / "SalesDesk")], env=env, capture_output=True, text=True, timeout=60, check=False
                    )
                )

            start = bench_startup.time_to_window([str(package / "SalesDesk")], env, while_open=start_again)
        check(
            bool(second) and second[0].returncode == 0 and "уже открыт" in second[0].stdout,
            "a second start on the same base brings the open window forward and exits 0"
            + (f"\n{second[0].stdout}{second[0].stderr}" if second else ""),
        )
        check(start.windows >= 1, f"the window was shown ({start.windows} window(s), {start.seconds:.2f} s)")
        check("could not load the qt platform plugin" not in start.stderr.lower(), "the xcb platform plugin loaded")
        check(start.returncode == 0, f"closed by WM_DELETE_WINDOW, exit status 0\n{start.stderr[-3000:]}")
        check((fresh / "settings.ini").is_file(), "it closed the normal way (settings saved)")
        done = run_cli(package, fresh, "search", "Дымок")
        check(done.returncode == 0 and "Дымок" in done.stdout, "the client is still there after the window")

    files = [p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()]
    check(any(f.endswith("translations/qtbase_ru.qm") for f in files), "Qt's own Russian translation (qtbase_ru.qm)")
    check(any(f.endswith("resources/i18n/salesdesk_ru.qm") for f in files), "SalesDesk's translations")
    check(any(f.endswith("migrations/env.py") for f in files), "Alembic migrations")
    check(
        any(f.endswith("docs/user_guide_ru.md") for f in files)
        and any(f.endswith("docs/images/main_ru.png") for f in files),
        "the user guide and its pictures (Help → User guide)",
    )
    left_out = [f for f in files if package_rules.dropped(f)]
    check(not left_out, "no left-out Qt module in the folder" + (f": {left_out[:10]}" if left_out else ""))

    size_mb = folder_size(package) / 1e6
    print(f"folder size: {size_mb:.1f} MB (limit {LIMIT_MB} MB)")
    check(size_mb <= LIMIT_MB, f"the folder is under {LIMIT_MB} MB")

    source, frozen = bench_startup.compare(package, runs=2)
    ratio = frozen / source
    print(
        f"start-up to the window: python -m salesdesk {source:.2f} s, package {frozen:.2f} s, "
        f"ratio {ratio:.2f} (target <= 2.0)"
    )
    check(ratio <= 2.0, "start-up within 2x python -m salesdesk")


def main(argv: list[str]) -> int:
    package = Path(argv[0]) if argv else ROOT / "dist" / "SalesDesk"
    try:
        smoke(package.resolve())
    except SmokeFailed as failure:
        print(f"PACKAGE SMOKE CHECK FAILED: {failure}", file=sys.stderr)
        return 1
    print("package smoke check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
