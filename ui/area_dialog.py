"""The dialog an area opens for one project: it re-reads when its topics change, and runs long work off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox

from resettle.errors import ResettleError
from ui.areas import AreaContext
from ui.forms import add_close


class AreaDialog(QDialog):
    """A non-modal dialog of one area for one project.

    ``CHANGES`` are the runner's topics it shows: when one is announced the visible dialog
    calls ``refresh``; work started with ``run`` announces them when it is done."""

    CHANGES: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, ctx: AreaContext, project_id: int, title: str) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.project_id = project_id
        self.setWindowTitle(title)
        ctx.runner.changed.connect(self._changed)
        self._listening = True
        self._closer = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._closer:  # its layout is whole by the first show
            self._closer = True
            add_close(self)
        super().showEvent(event)

    def _changed(self, topics: object) -> None:
        if isinstance(topics, frozenset) and topics & self.CHANGES and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Re-read what the dialog shows."""

    def done(self, result: int) -> None:
        if self._listening:
            self._listening = False
            self.ctx.runner.changed.disconnect(self._changed)
        super().done(result)

    def run(self, title: str, fn: Callable[..., Any], on_done: Callable[[Any], object], **kwargs: Any) -> None:
        """``fn(db=…, project_id=…, **kwargs)`` off the GUI thread; ``on_done`` gets its result."""
        self.ctx.runner.run(
            self,
            title,
            fn,
            db=self.ctx.database(),
            project_id=self.project_id,
            on_done=on_done,
            changes=self.CHANGES,
            **kwargs,
        )

    def refused(self, exc: ResettleError) -> None:
        """A known refusal (validation, permissions, a conflict) as a warning titled like the dialog."""
        QMessageBox.warning(self, self.windowTitle(), exc.message)
