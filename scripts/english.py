"""English for the window's Chinese source strings; `make translations` writes them into the .ts."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

EN = {
    "显示列": "Columns", "保存冲突": "Save conflict", "对方做了以下修改：": "The other user changed:",
    "字段": "Field", "您打开时": "When you opened it", "现在": "Now",
    "重新载入（放弃我的修改）": "Reload (discard my changes)", "返回继续编辑": "Keep editing",
    "户信息": "Household", "户号": "Household no.", "户主": "Head", "村民小组": "Village group",
    "联系电话": "Phone", "地址": "Address", "开户银行": "Bank", "银行账号": "Bank account", "标签": "Tags",
    "状态": "Status", "备注": "Remarks", "家庭成员": "Members", "被征收土地": "Land taken", "房屋": "Houses",
    "附着物": "Attachments", "变更记录": "History", "保存(&S)": "&Save", "删除此户…": "Delete household…",
    "关闭": "Close", "新建户": "New household", "添加一行 (Ins)": "Add row (Ins)", "删除所选行": "Remove row",
    "户信息 — {0} {1}": "Household — {0} {1}", "请选择村民小组": "Choose a village group", "成员": "Member",
    "土地": "Land", "不能保存": "Cannot save", "删除此户": "Delete household",
    "删除户 {0}（户主 {1}）及其全部成员、土地、房屋记录。\n请填写删除原因（将记入审计记录）：":
        "Delete household {0} (head {1}) with all its members, land and houses.\nReason (kept in the audit trail):",
    "未删除": "Not deleted", "未保存的修改": "Unsaved changes", "本户有未保存的修改。保存吗？": "Save the changes to this household?",
    "征迁安置管理": "Resettle", "搜索：户号、姓名、拼音首字母（如 zs）、身份证号或电话":
        "Search: household no., name, pinyin initials (e.g. zs), ID or phone",
    "新建数据库…": "New database…", "打开数据库…": "Open database…", "立即备份": "Back up now",
    "备份到文件…": "Back up to file…", "从自动备份恢复…": "Restore from automatic backup…", "退出": "Quit",
    "编辑户…": "Edit household…", "删除户…": "Delete household…", "查找": "Find", "刷新": "Refresh",
    "显示列…": "Columns…", "完整性检查": "Integrity check", "设置…": "Settings…", "关于": "About",
    "文件(&F)": "&File", "最近打开": "Recent", "编辑(&E)": "&Edit", "视图(&V)": "&View", "工具(&T)": "&Tools",
    "帮助(&H)": "&Help", "工具栏": "Toolbar", "数据库：{0}": "Database: {0}", "{0}（{1} 户）": "{0} ({1} households)",
    "共 {0:,} 户": "{0:,} households", "已选 {0} 户": "{0} selected",
    "请先导入或建立项目和村民小组。": "Import or create a project and village groups first.",
    "打不开": "Cannot open", "打不开数据库": "Cannot open database", "新建数据库": "New database",
    "征迁数据库 (*.sqlite3)": "Resettle database (*.sqlite3)", "文件已存在，未覆盖。": "The file exists; not overwritten.",
    "打开数据库": "Open database", "征迁数据库 (*.sqlite3 *.db);;所有文件 (*)": "Resettle database (*.sqlite3 *.db);;All files (*)",
    "正在备份…": "Backing up…", "已备份到 {0}": "Backed up to {0}", "备份到文件": "Back up to file",
    "已备份并校验": "Backed up and verified", "从备份恢复": "Restore from backup",
    "用 {0} 的备份替换当前数据？当前数据会先另存一份备份。":
        "Replace the current data with the backup of {0}? The current data is backed up first.",
    "未恢复": "Not restored", "已恢复": "Restored",
    "检查通过。审计记录 {0} 条，链头 {1}": "Check passed. {0} audit entries, chain head {1}",
    "正在检查…": "Checking…", "未保存": "Not saved",
    "征迁安置管理 {0}\n\n征地拆迁入户调查、补偿计算、文书打印。":
        "Resettle {0}\n\nExpropriation surveys, compensation and documents.",
    "取消": "Cancel", "从自动备份恢复": "Restore from automatic backup", "备份时间": "Backup time",
    "原因": "Reason", "大小": "Size", "恢复前会先把当前数据另存一份备份，恢复可以撤回。":
        "The current data is backed up before restoring, so a restore can be undone.",
    "恢复所选备份": "Restore selected backup", "设置": "Settings",
    "<b>乡镇信息</b>（打印文书时使用）": "<b>Township</b> (used on printed documents)",
    "乡镇名称": "Township", "征迁办名称": "Office", "签约地点": "Signing place", "监督电话": "Complaint phone",
    "<b>程序</b>": "<b>Program</b>", "界面语言（重启后生效）": "Language (after restart)", "未完成": "Not done",
    "程序出错": "Program error",
    "程序遇到了意外错误。已保存的数据不受影响，未完成的操作已撤销。\n错误记录已写入：\n{0}":
        "An unexpected error occurred. Saved data is safe; the unfinished action was undone.\nLog written to:\n{0}",
}  # fmt: skip


def fill(ts_path: str) -> int:
    tree = ET.parse(ts_path)
    missing = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(sys.argv[1])
    print(f"untranslated: {left}")
