<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../ui/dialogs.py" line="131" />
        <source>显示列</source>
        <translation>Columns</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/household_editor.py" line="53" />
        <source>保存冲突</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="55" />
        <source>对方做了以下修改：</source>
        <translation>The other user changed:</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="61" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="61" />
        <source>您打开时</source>
        <translation>When you opened it</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="61" />
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="71" />
        <source>重新载入（放弃我的修改）</source>
        <translation>Reload (discard my changes)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="73" />
        <source>返回继续编辑</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../ui/household_editor.py" line="97" />
        <source>户信息</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="118" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="119" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="120" />
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="121" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="122" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="123" />
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="124" />
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="125" />
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="126" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="127" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="140" />
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="141" />
        <source>被征收土地</source>
        <translation>Land taken</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="142" />
        <location filename="../../ui/household_editor.py" line="277" />
        <source>房屋</source>
        <translation>Houses</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="143" />
        <location filename="../../ui/household_editor.py" line="278" />
        <source>附着物</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="153" />
        <source>变更记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="158" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="161" />
        <source>删除此户…</source>
        <translation>Delete household…</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="163" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="197" />
        <source>新建户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="210" />
        <source>添加一行 (Ins)</source>
        <translation>Add row (Ins)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="211" />
        <source>删除所选行</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="233" />
        <source>户信息 — {0} {1}</source>
        <translation>Household — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="273" />
        <source>请选择村民小组</source>
        <translation>Choose a village group</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="275" />
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="276" />
        <source>土地</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="332" />
        <location filename="../../ui/household_editor.py" line="335" />
        <source>不能保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="347" />
        <source>删除此户</source>
        <translation>Delete household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="348" />
        <source>删除户 {0}（户主 {1}）及其全部成员、土地、房屋记录。
请填写删除原因（将记入审计记录）：</source>
        <translation>Delete household {0} (head {1}) with all its members, land and houses.
Reason (kept in the audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="357" />
        <source>未删除</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="368" />
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="369" />
        <source>本户有未保存的修改。保存吗？</source>
        <translation>Save the changes to this household?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="49" />
        <source>征迁安置管理</source>
        <translation>Resettle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>搜索：户号、姓名、拼音首字母（如 zs）、身份证号或电话</source>
        <translation>Search: household no., name, pinyin initials (e.g. zs), ID or phone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>新建数据库…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>备份到文件…</source>
        <translation>Back up to file…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>从自动备份恢复…</source>
        <translation>Restore from automatic backup…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <location filename="../../ui/main_window.py" line="273" />
        <source>新建户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>编辑户…</source>
        <translation>Edit household…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>删除户…</source>
        <translation>Delete household…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>显示列…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <location filename="../../ui/main_window.py" line="416" />
        <location filename="../../ui/main_window.py" line="420" />
        <source>完整性检查</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <location filename="../../ui/main_window.py" line="439" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198" />
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208" />
        <location filename="../../ui/main_window.py" line="212" />
        <location filename="../../ui/main_window.py" line="216" />
        <source>{0}（{1} 户）</source>
        <translation>{0} ({1} households)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239" />
        <source>共 {0:,} 户</source>
        <translation>{0:,} households</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244" />
        <source>已选 {0} 户</source>
        <translation>{0} selected</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>请先导入或建立项目和村民小组。</source>
        <translation>Import or create a project and village groups first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284" />
        <source>打不开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322" />
        <source>打不开数据库</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328" />
        <location filename="../../ui/main_window.py" line="333" />
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328" />
        <location filename="../../ui/main_window.py" line="376" />
        <source>征迁数据库 (*.sqlite3)</source>
        <translation>Resettle database (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333" />
        <source>文件已存在，未覆盖。</source>
        <translation>The file exists; not overwritten.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339" />
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339" />
        <source>征迁数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Resettle database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367" />
        <location filename="../../ui/main_window.py" line="381" />
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371" />
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376" />
        <source>备份到文件</source>
        <translation>Back up to file</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385" />
        <source>已备份并校验</source>
        <translation>Backed up and verified</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397" />
        <source>用 {0} 的备份替换当前数据？当前数据会先另存一份备份。</source>
        <translation>Replace the current data with the backup of {0}? The current data is backed up first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406" />
        <source>未恢复</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409" />
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417" />
        <source>检查通过。审计记录 {0} 条，链头 {1}</source>
        <translation>Check passed. {0} audit entries, chain head {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="432" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440" />
        <source>征迁安置管理 {0}

征地拆迁入户调查、补偿计算、文书打印。</source>
        <translation>Resettle {0}

Expropriation surveys, compensation and documents.</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <location filename="../../ui/ops.py" line="78" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="89" />
        <source>从自动备份恢复</source>
        <translation>Restore from automatic backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="109" />
        <source>恢复前会先把当前数据另存一份备份，恢复可以撤回。</source>
        <translation>The current data is backed up before restoring, so a restore can be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="111" />
        <source>恢复所选备份</source>
        <translation>Restore selected backup</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="42" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="54" />
        <source>&lt;b&gt;乡镇信息&lt;/b&gt;（打印文书时使用）</source>
        <translation>&lt;b&gt;Township&lt;/b&gt; (used on printed documents)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="55" />
        <source>乡镇名称</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="56" />
        <source>征迁办名称</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="57" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="58" />
        <source>签约地点</source>
        <translation>Signing place</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="59" />
        <source>监督电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="60" />
        <source>&lt;b&gt;程序&lt;/b&gt;</source>
        <translation>&lt;b&gt;Program&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="61" />
        <source>界面语言（重启后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/crash.py" line="39" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="45" />
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="47" />
        <source>程序遇到了意外错误。已保存的数据不受影响，未完成的操作已撤销。
错误记录已写入：
{0}</source>
        <translation>An unexpected error occurred. Saved data is safe; the unfinished action was undone.
Log written to:
{0}</translation>
    </message>
</context>
</TS>