"""``resettle-app [--db FILE]``: opens the main window on FILE, else on the last database used with
this data folder (``RESETTLE_DATA_DIR``), else on a demo the first time."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from resettle.errors import ResettleError
from resettle.paths_resources import resource_path
from ui.crash import install_excepthook, log_dir, show_error
from ui.fonts import apply_ui_font
from ui.main_window import MainWindow
from ui.ops import OpRunner
from ui.remembered import last_database_key

if TYPE_CHECKING:  # the store (SQLAlchemy, the models) loads just after the window first paints
    from resettle.store.database import Database

# Loaded when used, not before the window paints: the store, the demo register (and its generator),
# the login page and the idle lock (the payments area's package), the welcome page.


def open_demo() -> Database:
    """The demo register (generated the first time)."""
    from resettle.services.demo.register import open_demo as open_the_demo

    return open_the_demo()


def logged_in(db: Database) -> bool:
    """True when the register has no accounts or someone logged in; False when the clerk gave up."""
    from resettle.services.accounts import accounts_enabled

    if not accounts_enabled(db) or db.role is not None:
        return True  # no accounts: the login page is not even loaded
    from ui.payments.login import ensure_login

    return ensure_login(None, db)


def lock_when_idle(window: MainWindow, prefs: QSettings) -> QObject:
    """After the first paint: the idle lock (it locks only registers with accounts)."""
    from ui.lock_cover import LockCover
    from ui.payments.login import IdleLock, idle_minutes

    idle = IdleLock(lambda: window.db, lambda: None, idle_minutes(prefs), on_give_up=window.close)
    cover = idle.cover = LockCover(window)  # nothing of the register stays on screen while locked
    idle.locked.connect(lambda: cover.cover(idle.previous))
    idle.unlocked.connect(lambda: cover.uncover(window.db.account or ""))
    idle.unlocked.connect(window.after_login)  # perhaps another account: it sees what it may
    return idle


def _location(text: str) -> Path | str:
    """--db: a file's path, or a server address kept as text (a Path would fold its //)."""
    return text if text.lower().startswith(("postgresql:", "postgres:")) else Path(text)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="resettle-app", description=QCoreApplication.translate("app", "征迁安置管理"))
    parser.add_argument(
        "--db",
        type=_location,
        help=QCoreApplication.translate(
            "app", "打开这个数据库文件（不存在则新建），或服务器地址 postgresql://用户@主机/库名"
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=QCoreApplication.translate("app", "打开演示登记册（单独的文件，标有「演示」）"),
    )
    args, _qt_args = parser.parse_known_args(argv[1:])  # Qt's own options (-style …) pass through
    return args


def open_start_database(prefs: QSettings, db_path: str | Path | None = None, demo: bool = False) -> Database | None:
    """FILE if given; the demo if asked; else the last register used with this data folder; else the
    welcome page (new register, open a file, or the demo). None: the clerk closed the welcome page."""
    if db_path is not None:
        return _open_given(str(db_path))
    if demo:
        return open_demo()
    last = prefs.value(last_database_key())
    if isinstance(last, str) and Path(last).is_file():
        from resettle.store.database import Database

        return Database.open(Path(last))
    from ui.welcome import WelcomeDialog

    welcome = WelcomeDialog()
    welcome.exec()
    return welcome.database


def start_file(prefs: QSettings, db_path: str | Path | None = None, demo: bool = False) -> Path | None:
    """The register file :func:`open_start_database` would open, when it is a file on this computer
    (not the demo, a server or the welcome page)."""
    from resettle.store.dialects import is_server_url

    if db_path is not None:
        return None if is_server_url(str(db_path)) else Path(db_path)
    if demo:
        return None
    last = prefs.value(last_database_key())
    return Path(last) if isinstance(last, str) and Path(last).is_file() else None


def quick_window(path: Path, prefs: QSettings, runner: OpRunner, startup_backup: bool = True) -> MainWindow | None:
    """The window on the register file ``path``, painted from its first view (read with plain sqlite3,
    see resettle.services.register.first_view); the store — lock, migrations, startup backup — opens
    just after the first paint. None when the file has no first view: the store must open first."""
    from resettle.services.register.first_view import FIRST_ROWS, first_view

    first = first_view(path, FIRST_ROWS)
    if first is None:
        return None

    def open_store() -> Database | None:
        from resettle.store.database import Database

        db = Database.open(path, startup_backup=startup_backup)
        if not logged_in(db):  # accounts switched on since the first view was read
            db.close()
            return None
        return db

    return MainWindow(None, prefs, runner, first=first, open_db=open_store)


def remember(window: MainWindow) -> None:
    """The register opened next time (never the demo, nor a server: it asks its password)."""
    if not window.project.is_demo() and not window.db.is_server:
        window.files.remember_database(window.db.path)


def install_translator(app: QApplication, prefs: QSettings) -> None:
    """Qt's own dialogs (buttons such as Next/Cancel) in the chosen language; ours in English if asked."""
    language = str(prefs.value("language", "zh_CN"))
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{'zh_CN' if language.startswith('zh') else language}", qt_dir):
        app.installTranslator(qt_translator)
    if language.startswith("zh"):
        # The few of Qt's own strings its zh_CN catalogue misses (the file dialog's 查找范围, 文件类型, the type 文件夹).
        extra = QTranslator(app)
        if extra.load(str(resource_path("translations", "qtbase_extra_zh_CN.qm"))):
            app.installTranslator(extra)
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"resettle_{language}.qm"))):
        app.installTranslator(translator)


_SWITCH_INTERVAL_S = 0.0002  # seconds a thread may hold the interpreter while another waits for it


def build_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Resettle")
    app.setApplicationName("Resettle")
    # No application display name: the window titles already carry it (征迁安置管理 — 项目), and on
    # X11 Qt would append it a second time.
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app.setFont(apply_ui_font(app.font()))
    # The window's thread needs the interpreter for a moment at a time, thousands of times per repaint
    # (every data() of a table model, every check for a Python override), while a job on the op
    # runner's worker holds it for as long as it is allowed. Each time, the window waited for the
    # worker's switch interval (5 ms by default): a repaint during an export held the window 0.18-0.52 s
    # (window_responsive, 1,500 households); with 0.2 ms, 85-98 ms.
    sys.setswitchinterval(_SWITCH_INTERVAL_S)
    return app


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        filename=str(log_dir() / "resettle.log"),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    arguments = list(sys.argv if argv is None else argv)
    args = parse_arguments(arguments)
    app = build_app(arguments)
    prefs = QSettings()
    install_translator(app, prefs)
    install_excepthook()
    runner = OpRunner(app)
    runner.on_error = show_error
    path = start_file(prefs, args.db, args.demo)
    window = quick_window(path, prefs, runner) if path is not None else None
    if window is None:
        try:
            db = open_start_database(prefs, args.db, args.demo)
        except ResettleError as exc:
            QMessageBox.critical(None, QCoreApplication.translate("app", "征迁安置管理"), exc.message)
            return 1
        if db is None:
            return 0  # the welcome page was closed
        if not logged_in(db):  # a register with accounts: nobody works without logging in
            db.close()
            return 1
        window = MainWindow(db, prefs, runner)
    locks: list[QObject] = []
    opened = window

    def painted() -> None:  # the store is open then
        remember(opened)
        locks.append(lock_when_idle(opened, prefs))

    window.painted.connect(painted)
    window.show()
    code = app.exec()
    if window.store is not None:
        window.store.close()
    return 1 if window.open_failed else int(code)


if __name__ == "__main__":
    raise SystemExit(main())


def _open_given(location: str) -> Database:
    """--db: a file, or a server address (its password asked here when the server wants one)."""
    from resettle.store.database import Database, PasswordNeeded
    from resettle.store.dialects import is_server_url

    if not is_server_url(location):
        return Database.open(Path(location))

    try:
        return Database.open(location)
    except PasswordNeeded:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        password, ok = QInputDialog.getText(None, QCoreApplication.translate("app", "连接服务器"),
                                            QCoreApplication.translate("app", "服务器密码："),
                                            QLineEdit.EchoMode.Password)  # fmt: skip
        if not ok:
            raise
        return Database.open(location, password=password)
