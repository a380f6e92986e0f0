"""The log carries ids, counts and error codes, never what a person typed; it rotates."""

from __future__ import annotations

import logging.handlers
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from salesdesk import app

INN, PHONE, EMAIL, NOTE = "7707083893", "+7 495 987-65-43", "tajna@primer.ru", "Секретная заметка о клиенте"


def test_a_failed_write_logs_no_field_values(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "SALESDESK_DATA_DIR": str(data)}
    db = tmp_path / "base.sqlite"

    def salesdesk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "salesdesk", "--db", str(db), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    assert (
        subprocess.run(
            [sys.executable, "-m", "salesdesk", "init", str(db)], env=env, timeout=120, capture_output=True, check=False
        ).returncode
        == 0
    )
    conn = sqlite3.connect(db)  # every insert of a client fails: a write that goes wrong as a bug would
    conn.execute("CREATE TRIGGER no_clients BEFORE INSERT ON clients BEGIN SELECT RAISE(ABORT, 'refused'); END")
    conn.close()
    done = salesdesk(
        "client", "add", "--name", "ООО «Тайна»", "--inn", INN, "--phone", PHONE, "--email", EMAIL, "--notes", NOTE
    )
    assert done.returncode == 3 and "Traceback" not in done.stderr
    log = (data / "logs" / "salesdesk.log").read_text(encoding="utf-8")
    assert "command client failed" in log and "IntegrityError" in log  # what failed is there...
    # each line's time is not a value ("00:35:58,495" once held "495")
    said = re.sub(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", "", log, flags=re.MULTILINE)
    for value in (INN, PHONE, "495", "987-65-43", EMAIL, NOTE, "Тайна"):  # ...what was typed is not
        assert value not in said, value


def test_the_log_rotates() -> None:
    handlers = [h for h in logging.getLogger().handlers if getattr(h, "_salesdesk", False)]
    if not handlers:
        app.setup_logging()
        handlers = [h for h in logging.getLogger().handlers if getattr(h, "_salesdesk", False)]
    handler = handlers[0]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert 1_000_000 <= handler.maxBytes <= 10_000_000 and 2 <= handler.backupCount <= 10
