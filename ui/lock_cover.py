"""What a lock takes off the screen: the main window and every other window of the program.

The main window is hidden. Other windows (对账, 信访台账, a household being edited …) are covered
by a blank panel rather than hidden: hiding a dialog that runs its own loop would end it and lose
what the clerk typed. After the login the panels go; when another account logged in, the windows
that were open for the previous one are closed (they show what that account could see).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

__all__ = ["LockCover"]


class _Panel(QLabel):
    """A blank panel over the whole of one window, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setText(self.tr("已锁定"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background-color: #eceff1; color: #546e7a; font-size: 18pt;")
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded, QEvent.Type.Show):
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
                self.raise_()
        return False


class LockCover:
    """Covers the program's windows while the register is locked (``cover`` … ``uncover``)."""

    def __init__(self, main: QWidget) -> None:
        self.main = main
        self.account = ""
        self._panels: list[_Panel] = []
        self._windows: list[QWidget] = []

    @property
    def covered(self) -> list[QWidget]:
        return list(self._windows)

    def cover(self, account: str, keep: QWidget | None = None) -> None:
        """Hide the main window and cover every other visible window but ``keep`` (the login box)."""
        self.account = account
        self.main.hide()
        for window in QApplication.topLevelWidgets():
            if window is self.main or window is keep or not window.isVisible() or window.isHidden():
                continue
            if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                window.hide()  # a menu or tooltip left open
                continue
            self._windows.append(window)
            self._panels.append(_Panel(window))

    def uncover(self, account: str) -> None:
        """Show the main window again; the covered windows return to the same account, else close."""
        for panel in self._panels:
            parent = panel.parentWidget()
            if parent is not None:
                parent.removeEventFilter(panel)
            panel.deleteLater()
        self._panels = []
        windows, self._windows = self._windows, []
        self.main.show()
        if account != self.account:
            for window in windows:
                window.close()
