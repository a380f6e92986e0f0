"""The desktop package's rules (tools/package_rules.py, used by salesdesk.spec) against the source
tree, without running PyInstaller (the build and its smoke check run in CI: tools/build_package.sh).

A file that salesdesk reads from disk at run time (not a Python module) must be in the spec's data
list, or the built program fails where the source one works; a Qt module salesdesk imports must not
be among those the package leaves out."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import package_rules  # noqa: E402


def _run_time_files() -> list[Path]:
    """Every file under salesdesk/ that Python does not import: data read from disk."""
    return [
        p
        for p in (ROOT / "salesdesk").rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts and p.name != "py.typed"
    ]


def _packaged(path: Path, datas: list[tuple[str, str]]) -> bool:
    relative = path.relative_to(ROOT)
    return any(relative.is_relative_to(source) for source, _ in datas)


def test_every_file_salesdesk_reads_at_run_time_is_in_the_data_list() -> None:
    files = _run_time_files()
    assert any(f.name == "salesdesk_ru.qm" for f in files) and any(f.name == "script.py.mako" for f in files)
    missing = [str(f.relative_to(ROOT)) for f in files if not _packaged(f, package_rules.DATAS)]
    assert not missing, f"add to DATAS in tools/package_rules.py: {missing}"
    for source, destination in package_rules.DATAS:  # the same place inside the package as in the source
        where = ROOT / source
        assert where.exists(), source
        assert destination == (source if where.is_dir() else Path(source).parent.as_posix()), (source, destination)


def test_the_check_finds_a_run_time_file_left_out() -> None:
    qm = next(f for f in _run_time_files() if f.name == "salesdesk_ru.qm")
    assert not _packaged(qm, [("salesdesk/store/migrations", "salesdesk/store/migrations")])


def _qt_modules_used() -> set[str]:
    pattern = re.compile(r"\b(?:from|import) PySide6\.(Qt\w+)")
    return {m for p in (ROOT / "salesdesk").rglob("*.py") for m in pattern.findall(p.read_text(encoding="utf-8"))}


def test_no_qt_module_salesdesk_imports_is_left_out() -> None:
    used = _qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    for module in used:
        assert f"PySide6.{module}" not in package_rules.EXCLUDED_MODULES, module
        name = module.removeprefix("Qt")
        for library in (f"PySide6/Qt/lib/libQt6{name}.so.6", f"PySide6/Qt6{name}.dll", f"libQt6{name}.so.6"):
            assert not package_rules.dropped(library), library


@pytest.mark.parametrize(
    ("destination", "dropped"),
    [
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6\\Qt6Qml.dll", True),
        ("PySide6/Qt/lib/libQt6QuickWidgets.so.6", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        ("PySide6/Qt/qml/QtQuick/Controls/qmldir", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtdeclarative_ru.qm", True),
        ("PySide6/Qt/translations/qtbase_ru.qm", False),
        ("PySide6/Qt/lib/libQt6Charts.so.6", False),
        ("PySide6/Qt/lib/libQt6OpenGLWidgets.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),  # QLocalServer: one window per base
        ("PySide6/Qt/lib/libQt6Svg.so.6", False),  # the SVG icon
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("salesdesk/resources/i18n/salesdesk_ru.qm", False),
    ],
)
def test_what_the_package_leaves_out(destination: str, dropped: bool) -> None:
    assert package_rules.dropped(destination) is dropped


def test_the_icons_the_spec_and_the_desktop_entry_use_are_there() -> None:
    icons = ROOT / "salesdesk" / "resources" / "icons"
    for name in ("salesdesk.svg", "salesdesk.ico", "salesdesk-256.png", "salesdesk-48.png", "salesdesk-16.png"):
        assert (icons / name).is_file(), name
    assert (icons / "salesdesk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # a Windows icon file


def test_the_command_line_works_without_the_modules_the_package_leaves_out(tmp_path: Path) -> None:
    """The modules excluded from the package (phonenumbers' place-name tables, pygments...) cannot be
    imported here either, and adding a client with a phone and finding it by the phone still works."""
    blocked = [m for m in package_rules.EXCLUDED_MODULES if not m.startswith("PySide6.")]
    script = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if any(name == m or name.startswith(m + ".") for m in {blocked!r}):
            raise ImportError("left out of the package: " + name)
sys.meta_path.insert(0, Block())
from salesdesk.cli import main
db = sys.argv[1]
assert main(["init", db]) == 0
assert main(["--db", db, "client", "add", "--name", "ООО «Тест»", "--phone", "8 (495) 123-45-67"]) == 0
assert main(["--db", db, "search", "4951234567"]) == 0
assert not any(m in sys.modules for m in {blocked!r})
"""
    env = {**os.environ, "SALESDESK_DATA_DIR": str(tmp_path), "LANG": "en_US.UTF-8"}
    env.pop("SALESDESK_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "b.sqlite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ООО «Тест»" in done.stdout


def test_the_spec_uses_these_rules_and_builds_both_programs() -> None:
    spec = (ROOT / "salesdesk.spec").read_text(encoding="utf-8")
    for needed in (
        "datas=rules.DATAS",
        "excludes=rules.EXCLUDED_MODULES",
        "a.binaries = rules.keep(a.binaries)",
        "a.datas = rules.keep(a.datas)",
        'name="SalesDesk"',
        'name="salesdesk-cli"',
        "console=False",
    ):
        assert needed in spec, needed


def test_the_user_guide_help_opens_is_in_the_package() -> None:
    """Help → User guide looks for docs/user_guide_<lang>.md in the bundle: both guides and every
    picture they show are in the data list."""
    shipped = {source for source, _target in package_rules.DATAS}
    assert {"docs/user_guide_ru.md", "docs/user_guide_en.md", "docs/images"} <= shipped
    assert all(target == "docs" for source, target in package_rules.DATAS if source.startswith("docs/user_guide_"))
