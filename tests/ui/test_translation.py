"""Chinese by default; the English translation is shipped and used when chosen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from resettle.paths_resources import resource_path
from ui.main_window import MainWindow
from ui.ops import OpRunner


def test_default_is_chinese(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    core = ["文件(&F)", "编辑(&E)", "项目(&J)", "打印(&P)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    assert [t for t in titles if t in core] == core  # the areas' menus (安置, 就业社保 …) sit before 帮助
    assert titles[-1] == "帮助(&H)"


def test_english_translation_applies(qtbot, demo_db, prefs: QSettings) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "resettle_en.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        win = MainWindow(demo_db, prefs, OpRunner())
        qtbot.addWidget(win)
        titles = [a.text() for a in win.menuBar().actions() if a.isVisible()]
        core = ["&File", "&Edit", "Pro&ject", "&Print", "&View", "&Tools", "&Help"]
        assert [t for t in titles if t in core] == core
        assert titles[-1] == "&Help"
        assert win.act_backup.text() == "Back up now"
    finally:
        QCoreApplication.removeTranslator(translator)
