"""Entry script of the frozen window (``resettle-app`` / ``resettle-app.exe``).

``RESETTLE_SMOKE_REPORT=FILE`` (used by ``packaging/smoke_test.py`` and
``benchmarks/frozen_bench.py``, never by a clerk): when the main window has painted for the
first time, a JSON report (``"event": "painted"``, the time of the paint, platform, window
title, UI font, resource folder, whether the program is frozen) is written to FILE and the
program quits normally, closing its database. If a message box comes up first (a database
the program refuses), its text is reported (``"event": "message"``) and the box is closed,
as a clerk would press OK. ``RESETTLE_SMOKE_SHOT=FILE.png`` also saves a picture of the window.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _install_smoke_report(report: Path, shot: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

    from resettle.paths_resources import resources_root

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)

    def write(data: dict[str, object]) -> None:
        data |= {
            "frozen": bool(getattr(sys, "frozen", False)),
            "platform": QApplication.platformName(),
            "ui_font": QApplication.font().family(),
            "ui_font_families": QApplication.font().families(),
            "resources": str(resources_root()),
            "utf8_mode": sys.flags.utf8_mode,
        }
        tmp = report.with_name(report.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(report)

    class SmokeReport(QObject):
        """The first paint of the main window, or the first message box (which it closes)."""

        def __init__(self) -> None:
            super().__init__(app)
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.done:
                return False
            if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox):
                self.done = True
                box = watched
                QTimer.singleShot(0, lambda: self.message(box))
            elif event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                window = watched.window()
                if isinstance(window, QMainWindow):
                    self.done = True
                    painted = time.time()
                    QTimer.singleShot(0, lambda: self.painted(window, painted))
            return False

        def message(self, box: QMessageBox) -> None:
            write({"event": "message", "at": time.time(), "title": box.windowTitle(), "text": box.text()})
            box.done(0)

        def painted(self, window: QMainWindow, painted: float) -> None:
            if shot:
                window.grab().save(shot)
            write({"event": "painted", "at": painted, "title": window.windowTitle()})
            app.quit()

    app.installEventFilter(SmokeReport())


def main() -> int:
    report = os.environ.get("RESETTLE_SMOKE_REPORT")
    if report:
        _install_smoke_report(Path(report), os.environ.get("RESETTLE_SMOKE_SHOT", ""))
    from ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    raise SystemExit(main())
