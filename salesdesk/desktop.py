"""The program on the user's desktop, without Qt: how to start it again, its single-instance key,
its menu entry (``salesdesk --install-desktop``), its icons, licence and user guide.

The window's side (the local server, the About dialog, Help → User guide) is in
``salesdesk/ui/desktop_integration.py`` and ``salesdesk/ui/single_instance.py``; what they need to
know about files and processes is here, so the command line can use it without loading Qt.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from salesdesk import paths

APP_ID = "salesdesk"  # the icon's and the menu entry's name
LICENCE = "MIT"  # as in pyproject.toml (a test compares them): the packaged build has no metadata
ICONS = Path(__file__).resolve().parent / "resources" / "icons"
SPREADSHEET_SUFFIXES = ("xlsx", "xls", "ods", "csv")  # what the import wizard opens
MIME_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "application/vnd.oasis.opendocument.spreadsheet",
    "text/csv",
)


def frozen() -> bool:
    """Whether this is the packaged build (PyInstaller), not Python running the package."""
    return bool(getattr(sys, "frozen", False))


def program_command() -> list[str]:
    """The command that starts this SalesDesk again: the packaged program itself, or this very
    Python with ``-m salesdesk`` (a pip install, a checkout, a virtual environment alike)."""
    if frozen():
        return [sys.executable]
    return [sys.executable, "-m", "salesdesk"]


def open_base_command(base: Path) -> list[str]:
    """The command of File → Open base…: a new process on *base*, its own single instance."""
    return [*program_command(), "--db", str(base)]


def launch(command: Sequence[str]) -> None:
    """Start *command* on its own: it outlives this window and inherits none of its streams."""
    subprocess.Popen(  # noqa: S603 - our own program, no shell
        list(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=sys.platform != "win32",
        close_fds=True,
    )


# Single instance --------------------------------------------------------------------------------


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in a bare container
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def base_identity(target: str) -> str:
    """The base as one text: a file's resolved path (links and ``..`` followed, ``~`` expanded),
    a ``sqlite:///`` URL's file likewise, any other URL as written."""
    text = target
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        return text
    try:
        return str(Path(text).expanduser().resolve())
    except (OSError, RuntimeError):
        return text


def instance_key(target: str, user: str | None = None, seat: Path | None = None) -> str:
    """The name of the local socket a running window listens on: one per base, user and seat (the
    data folder with the seat's settings), so a second start on the same base finds it and a start
    on another base does not — nor does a second seat of a shared server base run from its own data
    folder on the same computer. Short, because a Unix socket's path is limited to about 100
    characters."""
    folder = str((seat if seat is not None else paths.data_dir()).expanduser().resolve())
    digest = hashlib.sha256(f"{base_identity(target)}\0{user or _user()}\0{folder}".encode()).hexdigest()
    return f"salesdesk-{digest[:20]}"


def gui_file_argument(word: str) -> bool:
    """Whether a word of the command line where a command would stand is a file to import: it has
    a spreadsheet's ending or a folder in it, or is an existing file. A mistyped command is not."""
    suffix = word.rsplit(".", 1)[-1].lower() if "." in word else ""
    return suffix in SPREADSHEET_SUFFIXES or "/" in word or os.sep in word or Path(word).is_file()


# The menu entry ---------------------------------------------------------------------------------


def applications_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` (or ``~/.local/share``): where a user's menu entries and icons go."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local" / "share")
    return Path(base).expanduser()


def icon_files() -> dict[str, Path]:
    """The program's icons by their hicolor size folder: ``scalable`` for the SVG, ``256x256`` for
    ``salesdesk-256.png`` and so on (only those that are there)."""
    found: dict[str, Path] = {}
    svg = ICONS / f"{APP_ID}.svg"
    if svg.is_file():
        found["scalable"] = svg
    for png in sorted(ICONS.glob(f"{APP_ID}-*.png")):
        size = png.stem.rpartition("-")[2]
        if size.isdigit():
            found[f"{size}x{size}"] = png
    return found


def _exec_line(command: Sequence[str]) -> str:
    """The Exec= value: each argument quoted as the Desktop Entry spec asks, then %f (a file)."""

    def quote(argument: str) -> str:
        if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`="):
            return argument.replace("%", "%%")
        escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        return '"' + escaped.replace("%", "%%") + '"'

    return " ".join(quote(a) for a in command) + " %f"


def desktop_entry(command: Sequence[str] | None = None) -> str:
    """The text of ``salesdesk.desktop``."""
    return "\n".join(
        (
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.0",
            "Name=SalesDesk",
            "Name[ru]=SalesDesk",
            "GenericName=Client base",
            "GenericName[ru]=Клиентская база",
            "Comment=Clients, reminders and sales of a small office",
            "Comment[ru]=Клиенты, напоминания и продажи небольшого офиса",
            f"Exec={_exec_line(program_command() if command is None else command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Office;",
            "Keywords=clients;CRM;sales;клиенты;продажи;",
            "Keywords[ru]=клиенты;продажи;CRM;база;",
            "MimeType=" + ";".join(MIME_TYPES) + ";",
            "StartupWMClass=salesdesk",
            "",
        )
    )


@dataclass(frozen=True)
class Installed:
    entry: Path
    icons: tuple[Path, ...]


def install_desktop(environ: Mapping[str, str] | None = None) -> Installed:
    """Add SalesDesk to this user's application menu: the entry and the icons under
    ``$XDG_DATA_HOME`` (``~/.local/share``). Run again, it writes them afresh (a moved program)."""
    root = applications_dir(environ)
    entry = root / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = entry.with_name(entry.name + ".new")
    temporary.write_text(desktop_entry(), encoding="utf-8")
    os.replace(temporary, entry)
    icons: list[Path] = []
    for size, source in icon_files().items():
        target = root / "icons" / "hicolor" / size / "apps" / f"{APP_ID}{source.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        icons.append(target)
    _refresh_caches(root)
    return Installed(entry, tuple(icons))


def _refresh_caches(root: Path) -> None:
    """Tell the desktop of the new entry and icons where its tools are there (best effort: the
    menu picks the entry up at the next log-in anyway)."""
    for tool, folder in (("update-desktop-database", root / "applications"),):
        binary = shutil.which(tool)
        if binary is None:
            continue
        try:
            subprocess.run([binary, "-q", str(folder)], capture_output=True, timeout=20, check=False)  # noqa: S603
        except (OSError, subprocess.SubprocessError):
            pass


# The user guide ---------------------------------------------------------------------------------


def docs_folders() -> list[Path]:
    """Where the user guide may be: the ``docs`` folder next to the packaged program (and inside
    its bundle), or the checkout's ``docs`` for a source or editable install."""
    folders: list[Path] = []
    if frozen():
        folders.append(Path(sys.executable).resolve().parent / "docs")
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            folders.append(Path(bundle) / "docs")
    folders.append(Path(__file__).resolve().parent.parent / "docs")
    return folders


def user_guide(language: str, folders: Sequence[Path] | None = None) -> Path | None:
    """The user guide in *language* (the other language when only that is there): the HTML
    ``user_guide_<lang>.html`` if present, else ``user_guide_<lang>.md``; None when none is there."""
    other = "en" if language == "ru" else "ru"
    for folder in docs_folders() if folders is None else folders:
        for code in (language, other):
            for name in (f"user_guide_{code}.html", f"user_guide_{code}.md"):
                if (folder / name).is_file():
                    return folder / name
    return None


def data_folder() -> Path:
    return paths.data_dir()


def command_text(command: Sequence[str]) -> str:
    return shlex.join(command)
