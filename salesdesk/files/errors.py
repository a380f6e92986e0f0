"""Problems with a file, in the words of the person who chose it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from salesdesk.domain.errors import UserError
from salesdesk.domain.messages import msg


class FileProblem(UserError):
    """The file cannot be used (missing, locked, not a spreadsheet, hostile…); nothing changed."""

    def __init__(self, key: str, path: Path, **params: Any) -> None:
        super().__init__(msg(key, file=path.name, **params))
        self.key = key
        self.path = path
