"""Choosing the Chinese fonts documents are printed in, from what this machine has.

A family that cannot write Simplified Chinese prints boxes, so it is never chosen; with no
Chinese font at all printing is refused with a message, never done with boxes. The body
prefers a Song (宋体) face, headings a Hei (黑体) face; an office may name its own body font
(setting ``documents.font``).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

from resettle.errors import ResettleError

__all__ = [
    "FORCE_FONT_ENV",
    "HEI_FAMILIES",
    "SONG_FAMILIES",
    "DocumentFonts",
    "NoChineseFontError",
    "chinese_families",
    "ensure_gui_app",
    "installed_families",
    "resolve_fonts",
]

SONG_FAMILIES = (
    "SimSun",
    "宋体",
    "NSimSun",
    "新宋体",
    "STSong",
    "Songti SC",
    "Noto Serif CJK SC",
    "Noto Serif SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "思源宋体",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
)
HEI_FAMILIES = (
    "SimHei",
    "黑体",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "STHeiti",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "思源黑体",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)

NO_FONT_MESSAGE = (
    "本机没有可打印中文的字体，为避免文书中的汉字打印成方框，已停止打印。"
    "请安装宋体或黑体（Windows 自带 SimSun/宋体、Microsoft YaHei；Linux 可安装 "
    "fonts-noto-cjk 或 fonts-wqy-microhei）后再打印。"
)

FORCE_FONT_ENV = "RESETTLE_DOCUMENT_FONT"

_APP: QGuiApplication | None = None


class NoChineseFontError(ResettleError):
    """No installed font can write Simplified Chinese."""


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication; without a window (CLI, scripts) one is created offscreen.

    Fonts and QTextDocument layout need it. It must be created on the main thread."""
    global _APP
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise ResettleError("打印文书需要图形程序对象（QGuiApplication），当前只有 QCoreApplication。")
    if threading.current_thread() is not threading.main_thread():
        raise ResettleError("打印文书的图形环境必须先在主线程中创建。")
    args = ["resettle"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        args += ["-platform", "offscreen"]
    _APP = QGuiApplication(args)
    return _APP


def installed_families() -> dict[str, bool]:
    """Every installed font family -> whether it writes Simplified Chinese."""
    ensure_gui_app()
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    return {f: chinese in QFontDatabase.writingSystems(f) for f in QFontDatabase.families()}


def chinese_families() -> list[str]:
    """Families that can print the documents (for the font setting's choices), preferred ones first."""
    found = [f for f, ok in installed_families().items() if ok]
    preferred = [f for f in (*SONG_FAMILIES, *HEI_FAMILIES) if f in found]
    return preferred + sorted(f for f in found if f not in preferred)


@dataclass(frozen=True)
class DocumentFonts:
    body: str
    heading: str
    configured: str = ""  # the office's setting; "" = automatic
    substituted: bool = False  # the configured family is not installed here: an automatic choice is used

    @property
    def note(self) -> str:
        if self.substituted:
            return f"设置的字体「{self.configured}」在本机不可用或不能显示中文，已改用「{self.body}」。"
        return ""


def resolve_fonts(configured: str = "") -> DocumentFonts:
    """Body and heading families for printing; NoChineseFontError when there is none.

    ``RESETTLE_DOCUMENT_FONT`` (when it names an installed Chinese family) prints body and
    headings in that one family whatever the setting says: for checking a font, or the
    tests with each font."""
    available = installed_families()
    chinese = {f for f, ok in available.items() if ok}
    if not chinese:
        raise NoChineseFontError(NO_FONT_MESSAGE)
    forced = os.environ.get(FORCE_FONT_ENV, "").strip()
    if forced in chinese:
        return DocumentFonts(body=forced, heading=forced, configured=configured.strip())
    song = next((f for f in SONG_FAMILIES if f in chinese), None)
    hei = next((f for f in HEI_FAMILIES if f in chinese), None)
    fallback = song or hei or sorted(chinese)[0]
    configured = configured.strip()
    substituted = bool(configured) and configured not in chinese
    body = configured if configured and not substituted else fallback
    return DocumentFonts(body=body, heading=hei or body, configured=configured, substituted=substituted)
