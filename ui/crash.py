"""Unexpected errors: a log file and a dialog; known errors are plain messages.

The database is never left half-written by a crash: every change is one transaction,
rolled back unless it committed.
"""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from resettle.errors import ResettleError
from resettle.store.paths import data_dir

log = logging.getLogger("resettle")


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_crash_log(trace: str) -> Path:
    path = log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
    path.write_text(trace, encoding="utf-8")
    return path


def show_error(parent: QWidget | None, exc: BaseException, trace: str = "") -> None:
    """Known errors as a message; anything else as a crash dialog with its log file."""
    if isinstance(exc, ResettleError):
        # Titled after the dialog the clerk was working in (园区岗位与推荐 …), else 未完成.
        window = parent.window() if parent is not None else None
        title = window.windowTitle() if isinstance(window, QDialog) else ""
        QMessageBox.warning(parent, title or QApplication.translate("crash", "未完成"), exc.message)
        return
    trace = trace or "".join(traceback.format_exception(exc))
    path = write_crash_log(trace)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("crash", "程序出错"))
    box.setText(
        QApplication.translate(
            "crash", "程序遇到了意外错误。已保存的数据不受影响，未完成的操作已撤销。\n错误记录已写入：\n{0}"
        ).format(path)
    )
    box.setDetailedText(trace)
    box.exec()


def install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        trace = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unhandled error:\n%s", trace)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        show_error(QApplication.activeWindow(), exc, trace)

    sys.excepthook = hook
