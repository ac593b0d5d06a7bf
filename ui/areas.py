"""What an area of the window (housing, livelihood, payments, procedure …) is given to work with.

The main window builds one controller per menu area and passes it an :class:`AreaContext`;
a controller never reaches back into the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from resettle.store.database import Database
from ui.ops import OpRunner


@dataclass(frozen=True)
class AreaContext:
    parent: QWidget  # for dialogs
    runner: OpRunner  # long work and change announcements (runner.changed)
    database: Callable[[], Database]  # the register open now (it changes on 文件 → 打开)
    current_project: Callable[[], int | None]  # the project the clerk works on; None when ambiguous
    current_households: Callable[[], list[int]]  # household ids selected in the register table
