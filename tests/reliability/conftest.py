"""Helpers for the reliability suite: real files, the real command line, fingerprints of files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from salesdesk.cli import main


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
