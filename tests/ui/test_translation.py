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


def test_qt_file_dialog_is_all_chinese_with_the_programs_translators(qtbot, prefs: QSettings) -> None:
    """Qt 6's own zh_CN catalogue misses the file dialog's 查找范围/文件类型 and the type 文件夹; the program's
    supplement (resources/translations/qtbase_extra_zh_CN) fills them in."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

    from ui.app import install_translator

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    prefs.setValue("language", "zh_CN")
    install_translator(app, prefs)
    added = [t for t in app.findChildren(QTranslator) if t not in before]
    try:
        assert len(added) == 2, "Qt's catalogue and the supplement"
        dialog = QFileDialog(None, "导出", "", "Excel 工作簿 (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)："
        assert labels["fileTypeLabel"] == "文件类型(&T)："
        assert labels["fileNameLabel"] == "文件名称(&N)："  # from Qt's own catalogue
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"
    finally:
        for translator in added:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
