"""The 范围 of a lottery draw (the whole project or one village), as 抽签 and 选房现场 offer it.

It opens on the village the clerk picked in the tree (or the village of the picked group); with
nothing picked and no project-wide draw, on the first village that has one (both windows used to
open on 全项目 and say 本范围尚未抽签 while a village had been drawn)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from resettle.errors import ResettleError
from resettle.services.housing import placement
from resettle.services.register import projects
from resettle.services.register.records import VillageNode
from ui.areas import AreaContext, WindowContext


def draw_scope_combo(ctx: AreaContext, project_id: int, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("DrawScope", "全项目"), None)
    nodes = ctx.project_nodes() if isinstance(ctx, WindowContext) else projects.tree(ctx.database(), with_counts=False)
    villages: list[VillageNode] = next((p.villages for p in nodes if p.id == project_id), [])
    for v in villages:
        combo.addItem(v.name, v.id)
    start = _picked_village(ctx, villages)
    if start is None:
        start = _first_drawn_village(ctx, project_id, [v.id for v in villages])
    if start is not None and (index := combo.findData(start)) >= 0:
        combo.setCurrentIndex(index)
    return combo


def _picked_village(ctx: AreaContext, villages: list[VillageNode]) -> int | None:
    node = ctx.tree_node() if isinstance(ctx, WindowContext) else None
    if node is None:
        return None
    kind, node_id = node
    if kind == "village":
        return node_id if any(v.id == node_id for v in villages) else None
    if kind == "group":
        return next((v.id for v in villages if any(g.id == node_id for g in v.groups)), None)
    return None


def _first_drawn_village(ctx: AreaContext, project_id: int, village_ids: list[int]) -> int | None:
    db = ctx.database()
    try:
        if placement.current_draw(db, project_id, None) is not None:
            return None
        return next((v for v in village_ids if placement.current_draw(db, project_id, v) is not None), None)
    except ResettleError:  # no right to read draws: the windows say so themselves
        return None
