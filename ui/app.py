"""``resettle-app``: opens the main window on the last database, or on a demo the first time."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from resettle.errors import ResettleError
from resettle.paths_resources import resource_path
from resettle.services.demo import demo_compensation, demo_township, generate_demo
from resettle.store.database import Database
from resettle.store.paths import default_db_path
from ui.crash import install_excepthook, log_dir, show_error
from ui.fonts import apply_ui_font
from ui.main_window import MainWindow
from ui.ops import OpRunner

DEMO_HOUSEHOLDS = 300


def open_start_database(prefs: QSettings) -> Database:
    last = prefs.value("last_database")
    if isinstance(last, str) and Path(last).is_file():
        return Database.open(Path(last))
    path = default_db_path()
    fresh = not path.exists()
    db = Database.open(path)
    if fresh:
        result = generate_demo(db, households=DEMO_HOUSEHOLDS)
        demo_township(db)
        demo_compensation(db, result.project_id)
    return db


def install_translator(app: QApplication, prefs: QSettings) -> None:
    """Qt's own dialogs (buttons such as Next/Cancel) in the chosen language; ours in English if asked."""
    language = str(prefs.value("language", "zh_CN"))
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{'zh_CN' if language.startswith('zh') else language}", qt_dir):
        app.installTranslator(qt_translator)
    if language.startswith("zh"):
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"resettle_{language}.qm"))):
        app.installTranslator(translator)


def build_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Resettle")
    app.setApplicationName("Resettle")
    app.setApplicationDisplayName("征迁安置管理")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app.setFont(apply_ui_font(app.font()))
    return app


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        filename=str(log_dir() / "resettle.log"),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    app = build_app(list(sys.argv if argv is None else argv))
    prefs = QSettings()
    install_translator(app, prefs)
    install_excepthook()
    try:
        db = open_start_database(prefs)
    except ResettleError as exc:
        QMessageBox.critical(None, "征迁安置管理", exc.message)
        return 1
    runner = OpRunner(app)
    runner.on_error = show_error
    window = MainWindow(db, prefs, runner)
    window.remember_database(db.path)
    window.show()
    code = app.exec()
    db.close()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
