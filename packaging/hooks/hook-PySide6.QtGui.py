# Replaces PyInstaller's own hook for PySide6.QtGui (hooks given in the spec's ``hookspath`` win):
# the same collection, minus the Qt plugins this program never loads. They are left out before
# PyInstaller follows their library dependencies, so that nothing they alone need (Wayland, GTK,
# EGL device libraries) is collected either. Kept: the platforms the program runs on (xcb,
# offscreen and minimal on Linux; windows, direct2d, offscreen and minimal on Windows), every
# image format, icon engines, input methods (ibus/compose: Chinese input on Linux), the
# xcb GL integrations and the XDG portal theme.
from __future__ import annotations

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEEP_PLATFORMS = {"qxcb", "qoffscreen", "qminimal", "qwindows", "qdirect2d", "qcocoa"}
DROP_TYPES = {
    "egldeviceintegrations",  # EGLFS on bare framebuffers (kiosks), not a desktop
    "generic",  # evdev/tuio input without a window system
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
}
DROP_FILES = {
    "libqgtk3",  # GTK3 look for dialogs: would pull all of GTK; Qt's own dialogs are used
    "libqtvirtualkeyboardplugin",  # on-screen keyboard: needs Qt Quick
    "qtvirtualkeyboardplugin",
}


def _stem(name: str) -> str:
    return name.split(".")[0]


def _keep(source: str) -> bool:
    path = PurePath(source)
    kind = path.parent.name
    stem = _stem(path.name)
    if kind in DROP_TYPES or stem in DROP_FILES:
        return False
    if kind == "platforms":
        return stem.removeprefix("lib") in KEEP_PLATFORMS
    return True


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if _keep(entry[0])]
