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
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from resettle.services.register.records import ProjectNode
from ui.ops import OpRunner

if TYPE_CHECKING:  # the store (and SQLAlchemy) loads when the register is opened, not with the window's modules
    from resettle.store.database import Database

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


def build_areas(ctx: AreaContext, bar: QMenuBar, last: QMenu) -> list[QObject]:
    """The areas' controllers (安置, 就业社保, 协议兑付, 程序), their menus on ``bar`` before ``last`` (帮助).

    Their packages load here, not with the window: the window builds them after its first paint."""
    from ui.housing import HousingArea
    from ui.livelihood import LivelihoodArea
    from ui.payments import PaymentsArea
    from ui.procedure import ProcedureArea

    areas: list[QObject] = [HousingArea(ctx, bar), LivelihoodArea(ctx, bar), PaymentsArea(ctx, bar),
                            ProcedureArea(ctx, bar)]  # fmt: skip
    bar.removeAction(last.menuAction())  # the last menu stays last
    bar.addAction(last.menuAction())
    return areas


class FirstPaint(QObject):
    """Calls ``then`` on the event loop's next turn after ``widget`` first paints."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False
