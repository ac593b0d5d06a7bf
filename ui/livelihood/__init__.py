"""Livelihood: jobs, training, social security, dashboard: the window's menu area."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenuBar

from ui.areas import AreaContext


class LivelihoodArea(QObject):
    """Builds its menu on the window's menu bar and opens its pages and dialogs."""

    def __init__(self, ctx: AreaContext, bar: QMenuBar) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.menu = bar.addMenu(self.tr("就业社保(&L)"))
        self.menu.menuAction().setVisible(False)  # shown once the area has actions
