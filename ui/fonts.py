"""Choosing a Chinese UI font that exists on this machine (Windows and Linux)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

UI_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimSun",
)


def pick_ui_family() -> str | None:
    available = set(QFontDatabase.families())
    for family in UI_FAMILIES:
        if family in available:
            return family
    return None


def apply_ui_font(app_font: QFont) -> QFont:
    family = pick_ui_family()
    if family:
        app_font.setFamilies([family, *app_font.families()])
    if app_font.pointSize() < 10:
        app_font.setPointSize(10)
    return app_font
