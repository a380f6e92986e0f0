"""Keep the Russian translation of the window in step with the code.

    python tools/i18n.py           update resources/translations/salesdesk_ru.ts from salesdesk/ui
                                   (existing translations kept, vanished strings dropped), then
                                   compile it into salesdesk/resources/i18n/salesdesk_ru.qm
    python tools/i18n.py --check   write nothing; fail (exit 1) listing every string of the code
                                   that has no finished translation in the .ts, every string the
                                   .ts still has but the code no longer does, and a stale .qm

After an update, translate the new strings in Qt Linguist (``pyside6-linguist``) or in the .ts
itself (remove ``type="unfinished"`` from a finished <translation>) and run the script again.

Uses pyside6-lupdate and pyside6-lrelease of the Python running the script (the ones next to
``sys.executable``, then PATH, then the binaries inside the PySide6 package).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "salesdesk" / "ui"
TS = ROOT / "resources" / "translations" / "salesdesk_ru.ts"
QM = ROOT / "salesdesk" / "resources" / "i18n" / "salesdesk_ru.qm"
# English is the source language; its file holds only plural forms ("1 reminder", "2 reminders").
TS_EN = ROOT / "resources" / "translations" / "salesdesk_en.ts"
QM_EN = ROOT / "salesdesk" / "resources" / "i18n" / "salesdesk_en.qm"
PAIRS = ((TS, QM, False), (TS_EN, QM_EN, True))
WINDOWS = os.name == "nt"


class ToolMissing(RuntimeError):
    """pyside6-lupdate or pyside6-lrelease is nowhere to be found."""


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str
    finished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment

    def describe(self) -> str:
        comment = f" ({self.comment})" if self.comment else ""
        return f"{self.context}: {self.source!r}{comment}"


def find_tool(name: str) -> str:
    """The path of a PySide6 tool ("pyside6-lupdate") for the running Python."""
    exe = name + (".exe" if WINDOWS else "")
    here = Path(sys.executable).parent
    candidates = [here / exe, here / "Scripts" / exe, Path(sysconfig.get_path("scripts")) / exe]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    on_path = shutil.which(name)
    if on_path:
        return on_path
    try:  # the Qt binary itself, shipped inside the PySide6 wheel
        import PySide6
    except ImportError:
        pass
    else:
        bare = name.removeprefix("pyside6-") + (".exe" if WINDOWS else "")
        inside = Path(PySide6.__file__).resolve().parent / bare
        if inside.is_file():
            return str(inside)
    raise ToolMissing(f"{name} not found next to {sys.executable} nor on PATH; install PySide6 into this Python")


def source_files() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def _run(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{Path(command[0]).name} failed with exit code {done.returncode}")


def update(ts: Path = TS, plural_only: bool = False) -> None:
    """lupdate: add the code's new strings to *ts*, keep translations, drop vanished strings."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    extra = ["-pluralonly"] if plural_only else []
    _run([find_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *extra, *files, "-ts", str(ts)])


def release(ts: Path = TS, qm: Path = QM) -> None:
    """lrelease: compile *ts* into *qm*, finished translations only."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    _run([find_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])


def entries(ts: Path) -> list[Entry]:
    """Every message of a .ts, finished or not (vanished and obsolete ones included)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            if finished and translation is not None:
                forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
                finished = bool(forms) and all((form.text or "").strip() for form in forms)
            found.append(Entry(name, message.findtext("source", ""), message.findtext("comment", ""), finished))
    return found


def check_all() -> list[str]:
    return [p for ts, qm, plural_only in PAIRS for p in check(ts, qm, plural_only)]


def check(ts: Path = TS, qm: Path = QM, plural_only: bool = False) -> list[str]:
    """What is out of step between the code, the .ts and the .qm (empty: all is well)."""
    problems: list[str] = []
    before = {e.key for e in entries(ts)}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / ts.name
        shutil.copyfile(ts, copy)
        update(copy, plural_only)
        after = entries(copy)
        compiled = Path(folder) / qm.name
        release(ts, compiled)
        fresh_qm = compiled.read_bytes()
    untranslated = [e for e in after if not e.finished]
    if untranslated:
        problems.append(
            f"{len(untranslated)} string(s) of the code have no finished translation in {ts.relative_to(ROOT)}:"
        )
        problems += ["  " + e.describe() for e in untranslated]
    gone = sorted(before - {e.key for e in after})
    if gone:
        problems.append(f"{len(gone)} string(s) in {ts.relative_to(ROOT)} are no longer in the code:")
        problems += ["  " + Entry(*key, finished=True).describe() for key in gone]
    if not qm.is_file() or qm.read_bytes() != fresh_qm:
        problems.append(f"{qm.relative_to(ROOT)} is not compiled from the current .ts")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Update and compile the Russian translation of SalesDesk.")
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a string lacks a finished translation or a file is stale",
    )
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a Windows console may lack “ ” → …
    try:
        if args.check:
            problems = check_all()
            if problems:
                print("\n".join(problems))
                print("Run `python tools/i18n.py`, translate what it lists, and run it again.")
                return 1
            print(f"{TS.relative_to(ROOT)}: {len(entries(TS))} strings, all translated; .qm up to date")
            return 0
        for ts, qm, plural_only in PAIRS:
            update(ts, plural_only)
            release(ts, qm)
    except ToolMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    for ts, qm, _plural_only in PAIRS:
        all_entries = entries(ts)
        untranslated = [e for e in all_entries if not e.finished]
        print(
            f"{ts.relative_to(ROOT)}: {len(all_entries)} strings, {len(untranslated)} untranslated; "
            f"wrote {qm.relative_to(ROOT)}"
        )
        for entry in untranslated:
            print("  untranslated: " + entry.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
