"""帮助: the clerk's path from survey to notice, in plain Chinese, and the keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指南"))
        guide = QTextBrowser()
        guide.setOpenExternalLinks(False)
        guide.setHtml(self.guide_html())
        keys = QTextBrowser()
        keys.setHtml(self.shortcuts_html(actions))
        tabs = QTabWidget()
        tabs.addTab(guide, self.tr("从调查到通知书"))
        tabs.addTab(keys, self.tr("快捷键"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def guide_html(self) -> str:
        return self.tr(
            "<h3>一个项目的办理顺序</h3>"
            "<ol>"
            "<li><b>建项目</b>：「项目」菜单新建项目，填写批准文号、预公告日（截止日）、基准日、公示天数和乡镇信息。"
            "有几个项目时，先在左侧树中点选项目，之后的操作都只作用于这个项目（标题栏和状态栏显示当前项目）。</li>"
            "<li><b>导入调查表</b>：「文件 → 导入调查表」（Ctrl+I）或把 Excel 拖进窗口。向导会识别表头、合并单元格，"
            "列出每一处问题（工作表、行、列）；有错误时一户也不保存，可导出错误报告，改好后再导入。</li>"
            "<li><b>核对每户</b>：双击一户打开编辑窗口，修改成员、地块、房屋、附着物；红色单元格说明填写有误。"
            "每次保存都记入「变更记录」。</li>"
            "<li><b>补偿标准</b>：「工具 → 补偿标准」导入本地区公布的标准表（单位写「元/亩」「亩」都可以），"
            "填写标准名称、文号、生效日期后发布，再「设为项目标准」。</li>"
            "<li><b>计算补偿</b>：F9 计算当前项目；登记册的「状态」变为已计算，「补偿合计」列出金额。"
            "复核人员在补偿页签复核后状态变为已复核。</li>"
            "<li><b>公示和通知书</b>：「打印」菜单先出<b>样稿</b>核对（不编号），无误后打印正式文书（编号、登记、带校验码）。"
            "乡镇信息没填全时不能出正式文书。</li>"
            "<li><b>导出</b>：「文件 → 导出」花名册、公示表、兑付清册，发给村里和银行。</li>"
            "<li><b>备份</b>：程序每天自动备份；重要操作前也会自动备份。「文件 → 立即备份」可随时备份。"
            "「工具 → 完整性检查」核对审计链和数据是否被改动。</li>"
            "</ol>"
            "<p>之后的步骤（协议和兑付、安置房、就业社保、程序和信访）在各自的菜单里。</p>"
        )

    def shortcuts_html(self, actions: Sequence[QAction]) -> str:
        rows = "".join(
            f"<tr><td>{a.text().replace('&', '')}</td><td><b>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b></td></tr>"
            for a in actions
            if not a.shortcut().isEmpty()
        )
        return f"<table cellpadding='4'><tr><th align='left'>{self.tr('操作')}</th><th align='left'>{self.tr('快捷键')}</th></tr>{rows}</table>"
