"""The first start: create a register, open a file, or look at the demo (which is its own file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resettle.errors import ResettleError
from resettle.services.register.start import new_register
from resettle.store.database import Database
from resettle.store.paths import default_db_path
from ui.forms import add_buttons


class WelcomeDialog(QDialog):
    """``database`` holds the register chosen when the dialog is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.setWindowTitle(self.tr("欢迎使用征迁安置管理"))
        intro = QLabel(
            self.tr(
                "<h2>欢迎使用征迁安置管理</h2>"
                "<p>每户一条记录，按补偿标准自动计算，每次修改都留痕。"
                "第一次使用，请新建本项目的登记册；也可以先打开<b>演示登记册</b>看看（演示数据单独存放，不会混进正式数据）。</p>"
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.project = QLineEdit()
        self.project.setPlaceholderText(self.tr("如 城东产业园区建设项目"))
        self.township = QLineEdit()
        self.township.setPlaceholderText(self.tr("如 城东镇"))
        self.villages = QLineEdit()
        self.villages.setPlaceholderText(self.tr("如 东岗村、德源村（可以以后再加，导入调查表时也会自动建立）"))
        self.file = QLineEdit(str(default_db_path()))
        browse = QPushButton(self.tr("另存为…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("项目名称"), self.project)
        form.addRow(self.tr("乡镇"), self.township)
        form.addRow(self.tr("涉及的村"), self.villages)
        form.addRow(self.tr("登记册文件"), file_row)
        create = QPushButton(self.tr("新建登记册"))
        create.setDefault(True)
        create.clicked.connect(self.create_register)
        form.addRow("", create)
        new_box = QGroupBox(self.tr("新建"))
        new_box.setLayout(form)

        others = QHBoxLayout()
        add_buttons(
            others, ((self.tr("打开已有文件…"), self.open_existing), (self.tr("打开演示登记册"), self.open_demo))
        )
        others.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(new_box)
        layout.addLayout(others)
        layout.addWidget(buttons)
        self.resize(640, 0)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("登记册文件"), self.file.text(), self.tr("登记册 (*.sqlite3)")
        )
        if name:
            self.file.setText(name if name.endswith(".sqlite3") else name + ".sqlite3")

    def create_register(self) -> None:
        try:
            self.database = new_register(
                Path(self.file.text().strip()), self.project.text(), self.township.text(), self.villages.text()
            )
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未新建"), exc.message)
            return
        self.accept()

    def open_existing(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开登记册"), str(Path.home()), self.tr("登记册 (*.sqlite3)")
        )
        if not name:
            return
        try:
            self.database = Database.open(Path(name))
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("打不开"), exc.message)
            return
        self.accept()

    def open_demo(self) -> None:
        from resettle.services.demo.register import open_demo

        try:
            self.database = open_demo()
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("打不开"), exc.message)
            return
        self.accept()
