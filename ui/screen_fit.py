"""Window sizes that fit the clerk's screen: a 1366×768 laptop with a taskbar leaves about 728 pixels,
less the title bar, and a dialog taller than that hides its buttons below the screen's edge."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

_FRAME = 40  # the title bar and frame around the window's contents


def fit_resize(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, no taller than the free height of the screen it opens on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        height = max(200, min(height, screen.availableGeometry().height() - _FRAME))
    widget.resize(width, height)
