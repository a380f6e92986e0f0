"""The columns of the big tables (clients, deals): one description for both models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt

Sort = TypeVar("Sort")

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class TableColumn(Generic[Sort]):
    """A column: its key, the sort a click on its header asks for, its title (marked for translation
    in the table's `context`, translated when shown, in the current language), and whether it is
    right-aligned (amounts, percentages). A table subclasses it to name its context."""

    key: str
    sort: Sort
    source_title: str
    right: bool = False

    context: ClassVar[str] = ""

    def title(self) -> str:
        return QCoreApplication.translate(self.context, self.source_title)

    @property
    def align(self) -> Qt.AlignmentFlag:
        return _RIGHT if self.right else _LEFT
