"""`salesdesk` with no screen: a clear message in the user's language and exit status 1, not a Qt
abort (exit 134, "could not load the Qt platform plugin")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk.app import no_display


def _without_display(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "QT_QPA_PLATFORM",
            "SALESDESK_LANG",
            "LANGUAGE",
            "LC_ALL",
            "LC_MESSAGES",
            "LANG",
        )
    }
    env["SALESDESK_DATA_DIR"] = str(tmp_path)
    env.update(extra)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland systems only")
@pytest.mark.parametrize(
    ("env_lang", "args", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, [], "Не найден экран"),
        ({"LANG": "C.UTF-8"}, [], "No display found"),
        ({"LANG": "ru_RU.UTF-8"}, ["--lang", "en"], "No display found"),
    ],
)
def test_window_without_a_display_says_so_and_exits_1(
    tmp_path: Path, env_lang: dict[str, str], args: list[str], expected: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", *args],
        capture_output=True,
        text=True,
        env=_without_display(tmp_path, **env_lang),
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert expected in done.stderr
    assert "salesdesk --help" in done.stderr  # the way that works without a screen
    assert "Qt platform plugin" not in done.stderr
    assert not (tmp_path / "salesdesk.sqlite").exists()  # nothing opened, nothing created


def test_command_line_works_without_a_display(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "salesdesk", "--lang", "en", "client", "add", "--name", "ООО «Ромашка»"]
    done = subprocess.run(
        command, capture_output=True, text=True, env=_without_display(tmp_path), timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ""}, "linux", True),
        ({}, "freebsd14", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),  # chosen by hand: Qt knows where to draw
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_no_display_rule(env: dict[str, str], platform: str, expected: bool) -> None:
    assert no_display(env, platform) is expected
