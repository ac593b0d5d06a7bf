"""The main window's own menu areas, one controller each (文件, 导入/导出, 项目, 打印).

Each controller is a QObject built by :class:`ui.main_window.MainWindow` with an explicit
:class:`ui.areas.WindowContext`; it adds its actions to the menus the window gives it and
never reaches into the window. The class names are the translation contexts of their texts.
"""
