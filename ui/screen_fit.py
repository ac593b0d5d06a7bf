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


def fit_roomy(widget: QWidget, width: int, height: int, share: float = 0.75) -> None:
    """A table window: at least ``width`` × ``height``, growing to ``share`` of a larger screen (at 1920×1080 the
    tables showed six rows with a scrollbar in a window a third of the screen), never beyond the screen's free area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    free = screen.availableGeometry()
    w = min(max(width, int(free.width() * share)), free.width() - 16)
    h = min(max(height, int(free.height() * share)), free.height() - _FRAME)
    widget.resize(max(200, w), max(200, h))
