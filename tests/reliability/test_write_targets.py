"""Files SalesDesk writes where the user says: never over a database, a device, a folder or a
read-only file (exit 2, the target byte for byte as it was); and when writing fails, a sentence
saying what really happened (exit 1), no traceback, nothing "ignored" at exit, no file left over.

Failures are run in a child process: "Exception ignored in: …" is printed while Python shuts down,
after an in-process ``main()`` would have returned. Faults a root user cannot meet for real (a
folder without write permission, a quota) are made by replacing the system call that meets them.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from salesdesk.cli import main
from tests.reliability.conftest import run, sha256

REFUSED = 2
FAILED = 1


def new_base(path: Path) -> Path:
    """A base in a file, on either run: what is refused here is writing over a database's own files
    (the base, its -wal and -shm, a link to it, another base), which only a base in a file has."""
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", str(path)]) == 0
    return path


@pytest.fixture
def base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = new_base(tmp_path / "b.sqlite")
    for name in ("ООО «Ёлка»", "ИП Сидоров"):
        assert run(capsys, "--db", str(path), "client", "add", "--name", name)[0] == 0
    return path


@pytest.fixture
def held_open(base: Path) -> Iterator[sqlite3.Connection]:
    """Another reader holds the base open, so its -wal and -shm files are really there."""
    conn = sqlite3.connect(base)
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM clients").fetchone()
    yield conn
    conn.close()


def _state(path: Path) -> tuple[str, str | int | None]:
    """What is at *path*: its kind and, for a file, its bytes' fingerprint."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return ("nothing", None)
    if stat.S_ISREG(info.st_mode):
        return ("file", sha256(path))
    if stat.S_ISDIR(info.st_mode):
        return ("folder", None)
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    return ("special", info.st_rdev)


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# Refused targets: exit 2, untouched ------------------------------------------------------------------------


def _other_base(tmp_path: Path, base: Path) -> Path:
    return Path(new_base(tmp_path / "другая база.sqlite"))


def _fifo(tmp_path: Path, base: Path) -> Path:
    os.mkfifo(tmp_path / "канал")
    return tmp_path / "канал"


def _folder(tmp_path: Path, base: Path) -> Path:
    (tmp_path / "папка").mkdir()
    return tmp_path / "папка"


def _read_only(tmp_path: Path, base: Path) -> Path:
    path = tmp_path / "договоры.xlsx"
    path.write_bytes(b"PK\x03\x04 a workbook someone protected")
    path.chmod(0o444)
    return path


def _link_to_base(tmp_path: Path, base: Path) -> Path:
    (tmp_path / "ярлык.xlsx").symlink_to(base)
    return tmp_path / "ярлык.xlsx"


def _other_wal(tmp_path: Path, base: Path) -> Path:
    other = _other_base(tmp_path, base)
    wal = other.with_name(other.name + "-wal")
    wal.write_bytes(b"")  # an empty WAL (checkpointed) has no header of its own: known by its base
    return wal


TARGETS = {
    "the open base": (lambda tmp_path, base: base, "is the open SalesDesk database"),
    "its -wal": (lambda tmp_path, base: base.with_name(base.name + "-wal"), "is the open SalesDesk database"),
    "its -shm": (lambda tmp_path, base: base.with_name(base.name + "-shm"), "is the open SalesDesk database"),
    "the base by another path": (
        lambda tmp_path, base: tmp_path / "." / "sub" / ".." / base.name,
        "is the open SalesDesk database",
    ),
    "a link to the base": (_link_to_base, "is the open SalesDesk database"),
    "another SalesDesk base": (_other_base, "is a database file"),
    "another base's -wal": (_other_wal, "is a database file"),
    "a FIFO": (_fifo, "is not an ordinary file"),
    "/dev/null": (lambda tmp_path, base: Path("/dev/null"), "is not an ordinary file"),
    "/dev/full": (lambda tmp_path, base: Path("/dev/full"), "is not an ordinary file"),
    "a folder": (_folder, "is a folder"),
    "a 0444 file": (_read_only, "is read-only"),
}


@pytest.mark.parametrize("what", list(TARGETS))
def test_export_refuses_a_target_it_must_not_write_over(
    what: str, tmp_path: Path, base: Path, held_open: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    make, reason = TARGETS[what]
    (tmp_path / "sub").mkdir()
    target = make(tmp_path, base)
    if str(target).startswith("/dev/") and not target.exists():
        pytest.skip(f"{target} is not on this system")
    before = {
        p: _state(p) for p in (target, base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm"))
    }
    folder = _listing(tmp_path)
    code, out, err = run(capsys, "--db", str(base), "export", str(target))
    assert (code, out) == (REFUSED, ""), err
    assert reason in err and "Traceback" not in err
    assert {p: _state(p) for p in before} == before
    assert _listing(tmp_path) == folder


@pytest.mark.parametrize("what", ["the open base", "its -wal", "a FIFO", "a 0444 file"])
def test_the_same_refusals_in_russian(
    what: str, tmp_path: Path, base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, _reason = TARGETS[what]
    target = make(tmp_path, base)
    before = _state(target)
    code, out, err = run(capsys, "--db", str(base), "--lang", "ru", "export", str(target))
    assert (code, out) == (REFUSED, "")
    assert any(words in err for words in ("открытая база SalesDesk", "не обычный файл", "защищён от записи")), err
    assert _state(target) == before


def _fifo_xlsx(tmp_path: Path, base: Path) -> Path:
    os.mkfifo(tmp_path / "канал.xlsx")
    return tmp_path / "канал.xlsx"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_link_to_base, "is the open SalesDesk database"),
        (_fifo_xlsx, "is not an ordinary file"),
        (_read_only, "is read-only"),
        (_folder, "is a folder"),
        (lambda tmp_path, base: Path(new_base(tmp_path / "отчёт.xlsx")), "is a database file"),
    ],
    ids=["a link to the base", "a FIFO", "a 0444 file", "a folder", "a base named .xlsx"],
)
def test_report_o_refuses_the_same_before_computing(
    make: Any, reason: str, tmp_path: Path, base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = make(tmp_path, base)
    before, folder = _state(target), _listing(tmp_path)
    code, out, err = run(capsys, "--db", str(base), "report", "pipeline", "-o", str(target))
    assert (code, out) == (REFUSED, "") and reason in err, err
    assert _state(target) == before and _listing(tmp_path) == folder


def test_import_will_not_write_its_error_file_over_a_base_nor_into_a_file(
    tmp_path: Path, base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "клиенты.csv"
    source.write_text("Наименование;ИНН\nООО «Новая»;7707083893\nООО «Ошибка»;1234\n", encoding="utf-8")
    not_a_folder = tmp_path / "заметки.txt"
    not_a_folder.write_text("мои заметки", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(base), "import", str(source), "--error-dir", str(not_a_folder))
    assert code == REFUSED and "is not a folder" in err
    assert not_a_folder.read_text(encoding="utf-8") == "мои заметки"
    errors = tmp_path / "ошибки"
    errors.mkdir()
    code, _, _ = run(capsys, "--db", str(base), "import", str(source), "--error-dir", str(errors), "--json")
    assert code == 0
    written = next(errors.iterdir())
    written.unlink()
    Path(new_base(written))  # a base where the error file would go: refused, nothing imported
    fingerprint = sha256(written)
    code, _, err = run(capsys, "--db", str(base), "import", str(source), "--error-dir", str(errors))
    assert code == REFUSED and "is a database file" in err
    assert sha256(written) == fingerprint


def test_an_export_through_a_link_replaces_the_file_and_keeps_the_link(
    tmp_path: Path, base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "общая папка"
    shared.mkdir()
    (shared / "клиенты.xlsx").write_bytes(b"last week's export")
    link = tmp_path / "клиенты.xlsx"
    link.symlink_to(shared / "клиенты.xlsx")
    assert run(capsys, "--db", str(base), "export", str(link))[0] == 0
    assert link.is_symlink() and (shared / "клиенты.xlsx").read_bytes().startswith(b"PK")
    assert _listing(shared) == ["клиенты.xlsx"]


# Failed writes: exit 1, what happened, nothing left --------------------------------------------------------


def _child(tmp_path: Path, argv: list[str], *, fault: str = "") -> subprocess.CompletedProcess[str]:
    """The real command line in a child process, with *fault* (Python run first) breaking a system
    call; its own temporary folder, so that openpyxl's leftovers there would be seen."""
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    script = textwrap.dedent(fault) + "\nimport sys\nfrom salesdesk.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONWARNINGS": "default"}
    return subprocess.run(
        [sys.executable, "-c", script, *argv], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def _assert_clean_failure(
    result: subprocess.CompletedProcess[str], words: str, folder: Path, before: list[str], tmp_path: Path
) -> None:
    assert result.returncode == FAILED, result.stderr
    assert words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert result.stdout == ""
    if folder.exists():
        assert _listing(folder) == sorted(before)  # no .salesdesk-* temporary file, no half a workbook
    assert _listing(tmp_path / "tmp") == []  # nor openpyxl's sheets in the system's temporary folder


@pytest.mark.parametrize(("lang", "words"), [("en", "there is no folder"), ("ru", "папки")])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_to_a_missing_folder(lang: str, words: str, suffix: str, tmp_path: Path, base: Path) -> None:
    target = tmp_path / "нет такой" / f"клиенты{suffix}"
    before = _listing(tmp_path)
    result = _child(tmp_path, ["--db", str(base), "--lang", lang, "export", str(target)])
    _assert_clean_failure(result, words, tmp_path, before + ["tmp"], tmp_path)
    assert not target.parent.exists()  # not made behind the user's back


NO_WRITE_IN = """
import errno, os
FOLDER = {folder!r}
real_open = os.open
def refuse(path, *args, **kwargs):
    if os.path.dirname(os.path.abspath(path)) == FOLDER:
        raise PermissionError(errno.EACCES, "Permission denied", path)
    return real_open(path, *args, **kwargs)
os.open = refuse
"""


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "no permission to write in the folder"), ("ru", "нет прав на запись в папку")]
)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_to_a_folder_without_write_permission(
    lang: str, words: str, suffix: str, tmp_path: Path, base: Path
) -> None:
    folder = tmp_path / "только чтение"
    folder.mkdir()
    folder.chmod(0o555)  # what a person sees; root could still write, so the refusal is made below too
    try:
        result = _child(
            tmp_path,
            ["--db", str(base), "--lang", lang, "export", str(folder / f"к{suffix}")],
            fault=NO_WRITE_IN.format(folder=str(folder)),
        )
        _assert_clean_failure(result, words, folder, [], tmp_path)
    finally:
        folder.chmod(0o755)


REPLACE_FAILS = """
import errno, os
def refuse(*args, **kwargs):
    raise {error}
os.replace = refuse
"""


@pytest.mark.parametrize(
    ("error", "words"),
    [
        ('OSError(errno.EDQUOT, "Disk quota exceeded")', "the disk is full (or the quota is used up)"),
        ('OSError(errno.ENOSPC, "No space left on device")', "the disk is full"),
        ('PermissionError(errno.EACCES, "Permission denied")', "is in use by another program"),
    ],
)
def test_export_over_a_file_when_the_last_step_fails(error: str, words: str, tmp_path: Path, base: Path) -> None:
    target = tmp_path / "клиенты.xlsx"
    target.write_bytes(b"last week's export, open in Excel")
    before = _listing(tmp_path) + ["tmp"]
    result = _child(tmp_path, ["--db", str(base), "export", str(target)], fault=REPLACE_FAILS.format(error=error))
    _assert_clean_failure(result, words, tmp_path, before, tmp_path)
    assert target.read_bytes() == b"last week's export, open in Excel"


def test_report_and_error_file_failures_say_what_happened(tmp_path: Path, base: Path) -> None:
    missing = tmp_path / "нет такой" / "воронка.xlsx"
    before = _listing(tmp_path) + ["tmp"]
    result = _child(tmp_path, ["--db", str(base), "--lang", "ru", "report", "pipeline", "-o", str(missing)])
    _assert_clean_failure(result, "папки", tmp_path, before, tmp_path)
    source = tmp_path / "клиенты.csv"
    source.write_text("Наименование;ИНН\nООО «Новая»;7707083893\nООО «Ошибка»;1234\n", encoding="utf-8")
    errors = tmp_path / "ошибки"
    errors.mkdir()
    result = _child(
        tmp_path,
        ["--db", str(base), "import", str(source), "--error-dir", str(errors)],
        fault=REPLACE_FAILS.format(error='OSError(errno.ENOSPC, "No space left on device")'),
    )
    _assert_clean_failure(result, "the disk is full", errors, [], tmp_path)
    assert (
        "ООО «Новая»"
        not in subprocess.run(
            [sys.executable, "-m", "salesdesk", "--db", str(base), "search", "Новая"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        ).stdout
    )  # the rejected rows could not be saved: nothing was imported


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system (tmpfs), where an export of a few hundred clients does not fit."""
    mount = shutil.which("mount")
    folder = tmp_path / "маленький диск"
    folder.mkdir()
    if mount is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.parametrize(
    ("lang", "words", "suffix"), [("en", "the disk is full", ".xlsx"), ("ru", "на диске нет места", ".csv")]
)
def test_export_to_a_full_disk(
    lang: str, words: str, suffix: str, small_disk: Path, tmp_path: Path, base: Path
) -> None:
    assert _child(tmp_path, ["--db", str(base), "demo", "--clients", "300"]).returncode == 0
    result = _child(tmp_path, ["--db", str(base), "--lang", lang, "export", str(small_disk / f"клиенты{suffix}")])
    _assert_clean_failure(result, words, small_disk, [], tmp_path)
    report = _child(tmp_path, ["--db", str(base), "report", "pipeline", "-o", str(small_disk / "воронка.xlsx")])
    assert report.returncode == 0  # a small file still fits: the disk is full, not broken


# How a failure is told --------------------------------------------------------------------------------


def _problem(tmp_path: Path, exc: OSError, name: str = "клиенты.xlsx") -> Any:
    from salesdesk.files.errors import write_problem

    return write_problem(exc, tmp_path / name)


def test_a_windows_sharing_violation_is_a_locked_file(tmp_path: Path) -> None:
    for code in (32, 33):
        exc = PermissionError(errno.EACCES, "The process cannot access the file")
        exc.winerror = code  # type: ignore[attr-defined]
        assert _problem(tmp_path, exc).key == "file.locked"


def test_permission_errors_are_told_apart(tmp_path: Path) -> None:
    denied = PermissionError(errno.EACCES, "Permission denied")
    assert _problem(tmp_path, denied).key == "file.no_permission"  # nothing there: the folder refused
    existing = tmp_path / "клиенты.xlsx"
    existing.write_bytes(b"x")
    assert _problem(tmp_path, denied).key == "file.locked"  # writable by its mode, yet refused
    existing.chmod(0o444)
    assert _problem(tmp_path, denied).key == "file.no_permission_file"
    assert _problem(tmp_path, OSError(errno.EROFS, "Read-only file system")).key == "file.read_only_disk"
    assert _problem(tmp_path, OSError(errno.EIO, "Input/output error")).key == "file.write_failed"
    assert _problem(tmp_path / "нет", FileNotFoundError(errno.ENOENT, "No such file")).key == "file.no_folder"
    assert _problem(existing, NotADirectoryError(errno.ENOTDIR, "Not a directory")).key == "file.not_a_folder"
