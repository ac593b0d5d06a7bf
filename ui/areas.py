"""What an area of the window (housing, livelihood, payments, procedure …) is given to work with.

The main window builds one controller per menu area and passes it an :class:`AreaContext`;
a controller never reaches back into the window. The window's own menu areas (文件, 导入/导出,
项目, 打印: ``ui/controllers/``) get a :class:`WindowContext`, which adds what the register
view knows (the node chosen in the tree, the project tree) and what it offers (status messages,
selecting a node, re-reading everything).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from resettle.services.register.records import ProjectNode
from resettle.store.database import Database
from ui.ops import OpRunner

Node = tuple[str, int]  # ("project" | "village" | "group", id) as chosen in the tree


@dataclass(frozen=True)
class AreaContext:
    parent: QWidget  # for dialogs
    runner: OpRunner  # long work and change announcements (runner.changed)
    database: Callable[[], Database]  # the register open now (it changes on 文件 → 打开)
    current_project: Callable[[], int | None]  # the project the clerk works on; None when ambiguous
    current_households: Callable[[], list[int]]  # household ids selected in the register table


@dataclass(frozen=True)
class WindowContext(AreaContext):
    tree_node: Callable[[], Node | None]  # the project, village or group chosen in the tree; None: none
    project_nodes: Callable[[], list[ProjectNode]]  # the projects, villages and groups the tree shows
    select_node: Callable[[Node], None]  # choose a node in the tree (the table follows)
    show_message: Callable[[str, int], None]  # a status-bar message for so many milliseconds
    reload: Callable[[], None]  # re-read the tree and the table (after a restore, a switch of register)
