<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AdjustmentDialog</name>
    <message>
        <location filename="../../ui/compensation_tab.py" line="42" />
        <source>人工调整</source>
        <translation>Manual adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="45" />
        <source>例如 1200.00 或 -300</source>
        <translation>e.g. 1200.00 or -300</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="52" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="53" />
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="54" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="55" />
        <source>原因（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="71" />
        <source>项目、金额和原因都必须填写，金额须为数字</source>
        <translation>Item, amount and reason are required; the amount must be a number</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="368" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="379" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="385" />
        <source>没有导入任何数据。请关闭向导，改正后重新导入。</source>
        <translation>Nothing was imported. Close the wizard, correct the file and import again.</translation>
    </message>
    <message>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="400" />
        <source>导入完成（批次 {0}）：新增 {1} 户，变更 {2} 户，删除 {3} 户，共 {4} 人。
可在「文件 → 导入批次…」中撤销整批导入。</source>
        <translation>Imported (batch {0}): {1} added, {2} changed, {3} removed households, {4} persons.
A whole batch can be undone under File → Import batches….</translation>
    </message>
</context>
<context>
    <name>BatchesDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="195" />
        <source>导入批次</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="199" />
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="199" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="199" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="199" />
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="199" />
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="199" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="202" />
        <source>已撤销 {0}</source>
        <translation>Undone {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="202" />
        <source>有效</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="215" />
        <source>撤销所选批次…</source>
        <translation>Undo selected batch…</translation>
    </message>
</context>
<context>
    <name>ChangePreviewDialog</name>
    <message>
        <location filename="../../ui/rates_dialog.py" line="53" />
        <source>更换补偿标准的影响</source>
        <translation>Effect of changing the standard</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="58" />
        <source>改用「{0}」：{1} 户合计变化，{2} 户不变。项目合计 {3} 元 → {4} 元。</source>
        <translation>Using "{0}": {1} households change, {2} unchanged. Project total {3} → {4} yuan.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="63" />
        <source>确认更换并重新计算</source>
        <translation>Change and recompute</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="266" />
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="283" />
        <source>同时删除库中有、文件里已没有的户</source>
        <translation>Also delete households no longer in the file</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="284" />
        <source>导出错误报告…</source>
        <translation>Export error report…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="302" />
        <source>共 {0} 户、{1} 人。新增 {2} 户，变更 {3} 户，无变化 {4} 户，文件中没有的 {5} 户。</source>
        <translation>{0} households, {1} persons. {2} new, {3} changed, {4} unchanged, {5} not in the file.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="305" />
        <source>
发现 {0} 处错误（必须改正后才能导入）、{1} 处提醒。点一行可查看该单元格。</source>
        <translation>
{0} errors (must be fixed before importing), {1} warnings. Click a row to see the cell.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="307" />
        <source>有错误，不能导入。可以导出错误报告交给村里改正。</source>
        <translation>There are errors; nothing can be imported. Export an error report for the village to fix.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="309" />
        <source>
没有错误，{0} 处提醒。</source>
        <translation>
No errors, {0} warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="310" />
        <source>点「下一步」导入；导入前会自动备份数据库。</source>
        <translation>Click Next to import; the database is backed up first.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="314" />
        <source>变更：</source>
        <translation>Changes: </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="350" />
        <source>导出错误报告</source>
        <translation>Export error report</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="351" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="354" />
        <source>正在导出错误报告…</source>
        <translation>Writing the error report…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="358" />
        <source>错误报告</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="358" />
        <source>错误报告已保存到：
{0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>未导出</source>
        <translation>Not exported</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../ui/dialogs.py" line="169" />
        <source>显示列</source>
        <translation>Columns</translation>
    </message>
</context>
<context>
    <name>CompensationTab</name>
    <message>
        <location filename="../../ui/compensation_tab.py" line="94" />
        <source>按现行标准计算</source>
        <translation>Compute with current standard</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="95" />
        <source>添加人工调整…</source>
        <translation>Add adjustment…</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="96" />
        <source>删除所选调整…</source>
        <translation>Delete selected adjustment…</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="97" />
        <source>复核通过</source>
        <translation>Mark reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="112" />
        <source>人工调整（不按标准计算的金额，须写明原因）</source>
        <translation>Manual adjustments (amounts outside the standard, with reasons)</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="133" />
        <source>保存本户后才能计算补偿。</source>
        <translation>Save the household before computing compensation.</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="142" />
        <source>（{0} 于 {1} 复核）</source>
        <translation> (reviewed by {0} at {1})</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="145" />
        <source>补偿标准：{0}　状态：{1}</source>
        <translation>Standard: {0}   Status: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="145" />
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="146" />
        <source>合计：¥{0} 元</source>
        <translation>Total: ¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="155" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="181" />
        <source>删除人工调整</source>
        <translation>Delete adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="181" />
        <source>删除「{0}」的原因：</source>
        <translation>Reason for deleting "{0}":</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/household_editor.py" line="54" />
        <source>保存冲突</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="56" />
        <source>对方做了以下修改：</source>
        <translation>The other user changed:</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="62" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="62" />
        <source>您打开时</source>
        <translation>When you opened it</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="62" />
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="72" />
        <source>重新载入（放弃我的修改）</source>
        <translation>Reload (discard my changes)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="74" />
        <source>返回继续编辑</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <location filename="../../ui/print_actions.py" line="43" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="49" />
        <source>所选的户</source>
        <translation>Selected households</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="49" />
        <source>当前村民小组</source>
        <translation>Current village group</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="49" />
        <source>当前村</source>
        <translation>Current village</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="50" />
        <source>整个项目</source>
        <translation>Whole project</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="57" />
        <source>样稿（不编号，印「样稿」水印，可反复导出核对）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="58" />
        <source>正式（每份编号、登记、印校验码）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="60" />
        <source>选「正式」时，开始前会告诉您将占用多少个正式编号。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="62" />
        <source>每户一个文件（文件名：户号_户主.pdf）</source>
        <translation>One file per household (household-no_head.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="64" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="70" />
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="71" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="72" />
        <source>方式</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="76" />
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="90" />
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="92" />
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/window_files.py" line="40" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="41" />
        <source>还有任务正在进行。请等它完成（或在进度框中取消）后再打开其他数据库。</source>
        <translation>A job is still running. Wait for it (or cancel it in its progress box) before opening another database.</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="56" />
        <source>打不开数据库</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="65" />
        <location filename="../../ui/window_files.py" line="70" />
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="65" />
        <location filename="../../ui/window_files.py" line="113" />
        <source>征迁数据库 (*.sqlite3)</source>
        <translation>Resettle database (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="70" />
        <source>文件已存在，未覆盖。</source>
        <translation>The file exists; not overwritten.</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="76" />
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="76" />
        <source>征迁数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Resettle database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="104" />
        <location filename="../../ui/window_files.py" line="118" />
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="108" />
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="113" />
        <source>备份到文件</source>
        <translation>Back up to file</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="122" />
        <source>已备份并校验</source>
        <translation>Backed up and verified</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="133" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="134" />
        <source>用 {0} 的备份替换当前数据？当前数据会先另存一份备份。</source>
        <translation>Replace the current data with the backup of {0}? The current data is backed up first.</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="149" />
        <source>正在从备份恢复…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <source>未恢复</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <location filename="../../ui/window_files.py" line="147" />
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="59" />
        <location filename="../../ui/import_wizard.py" line="93" />
        <source>选择调查表</source>
        <translation>Choose survey workbook</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="60" />
        <source>支持 .xlsx .xlsm .xls .ods 和 .csv（UTF-8 或 GB18030）。也可以把文件拖到主窗口上。</source>
        <translation>Reads .xlsx .xlsm .xls .ods and .csv (UTF-8 or GB18030). You can also drop a file on the main window.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="62" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="72" />
        <source>征收项目</source>
        <translation>Expropriation project</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="77" />
        <source>请选择项目，或输入新项目的名称</source>
        <translation>Choose a project, or type the name of a new one</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="80" />
        <source>留空则从标题或工作表名识别</source>
        <translation>Leave empty to take it from the title or sheet name</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="82" />
        <source>（自动识别）</source>
        <translation>(detect)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="86" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="87" />
        <source>导入到项目</source>
        <translation>Import into project</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="88" />
        <source>村名</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="89" />
        <source>列映射方案</source>
        <translation>Column mapping profile</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="94" />
        <source>表格 (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="107" />
        <source>打不开文件</source>
        <translation>Cannot open file</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="14" />
        <source>使用指南</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="21" />
        <source>从调查到通知书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="22" />
        <source>快捷键</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="32" />
        <source>&lt;h3&gt;一个项目的办理顺序&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;建项目&lt;/b&gt;：「项目」菜单新建项目，填写批准文号、预公告日（截止日）、基准日、公示天数和乡镇信息。有几个项目时，先在左侧树中点选项目，之后的操作都只作用于这个项目（标题栏和状态栏显示当前项目）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;导入调查表&lt;/b&gt;：「文件 → 导入调查表」（Ctrl+I）或把 Excel 拖进窗口。向导会识别表头、合并单元格，列出每一处问题（工作表、行、列）；有错误时一户也不保存，可导出错误报告，改好后再导入。&lt;/li&gt;&lt;li&gt;&lt;b&gt;核对每户&lt;/b&gt;：双击一户打开编辑窗口，修改成员、地块、房屋、附着物；红色单元格说明填写有误。每次保存都记入「变更记录」。&lt;/li&gt;&lt;li&gt;&lt;b&gt;补偿标准&lt;/b&gt;：「工具 → 补偿标准」导入本地区公布的标准表（单位写「元/亩」「亩」都可以），填写标准名称、文号、生效日期后发布，再「设为项目标准」。&lt;/li&gt;&lt;li&gt;&lt;b&gt;计算补偿&lt;/b&gt;：F9 计算当前项目；登记册的「状态」变为已计算，「补偿合计」列出金额。复核人员在补偿页签复核后状态变为已复核。&lt;/li&gt;&lt;li&gt;&lt;b&gt;公示和通知书&lt;/b&gt;：「打印」菜单先出&lt;b&gt;样稿&lt;/b&gt;核对（不编号），无误后打印正式文书（编号、登记、带校验码）。乡镇信息没填全时不能出正式文书。&lt;/li&gt;&lt;li&gt;&lt;b&gt;导出&lt;/b&gt;：「文件 → 导出」花名册、公示表、兑付清册，发给村里和银行。&lt;/li&gt;&lt;li&gt;&lt;b&gt;备份&lt;/b&gt;：程序每天自动备份；重要操作前也会自动备份。「文件 → 立即备份」可随时备份。「工具 → 完整性检查」核对审计链和数据是否被改动。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;之后的步骤（协议和兑付、安置房、就业社保、程序和信访）在各自的菜单里。&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../ui/household_editor.py" line="98" />
        <source>户信息</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="119" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="120" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="121" />
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="122" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="123" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="124" />
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="125" />
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="126" />
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="127" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="128" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="141" />
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="142" />
        <source>被征收土地</source>
        <translation>Land taken</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="143" />
        <location filename="../../ui/household_editor.py" line="296" />
        <source>房屋</source>
        <translation>Houses</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="144" />
        <location filename="../../ui/household_editor.py" line="297" />
        <source>附着物</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="156" />
        <source>补偿</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="157" />
        <source>变更记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="162" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="165" />
        <source>删除此户…</source>
        <translation>Delete household…</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="167" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="201" />
        <source>新建户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="214" />
        <source>添加一行 (Ins)</source>
        <translation>Add row (Ins)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="215" />
        <source>删除所选行</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="237" />
        <source>户信息 — {0} {1}</source>
        <translation>Household — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="292" />
        <source>请选择村民小组</source>
        <translation>Choose a village group</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="294" />
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="295" />
        <source>土地</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="351" />
        <location filename="../../ui/household_editor.py" line="354" />
        <source>不能保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="366" />
        <source>删除此户</source>
        <translation>Delete household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="367" />
        <source>删除户 {0}（户主 {1}）及其全部成员、土地、房屋记录。
请填写删除原因（将记入审计记录）：</source>
        <translation>Delete household {0} (head {1}) with all its members, land and houses.
Reason (kept in the audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="376" />
        <source>未删除</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="387" />
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="388" />
        <source>本户有未保存的修改。保存吗？</source>
        <translation>Save the changes to this household?</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/models/household_table.py" line="119" />
        <source>{0}（匹配：{1}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="124" />
        <source>搜索匹配的是家庭成员 {0}，不是户主</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../ui/window_import.py" line="53" />
        <source>导出{0}</source>
        <translation>Export {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="57" />
        <source>导出{0}：{1}</source>
        <translation>Export {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="61" />
        <source>正在导出{0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="62" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="63" />
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="80" />
        <location filename="../../ui/window_import.py" line="93" />
        <source>撤销导入批次</source>
        <translation>Undo import batch</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="81" />
        <source>撤销批次 {0}（{1}，{2} 户）将删除该批导入的户。
请填写原因：</source>
        <translation>Undoing batch {0} ({1}, {2} households) deletes the households it imported.
Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="93" />
        <source>
仍要撤销吗？</source>
        <translation>
Undo anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="99" />
        <source>正在撤销导入批次…</source>
        <translation>Undoing the import batch…</translation>
    </message>
    <message>
        <location filename="../../ui/window_import.py" line="101" />
        <source>已撤销，删除 {0} 户</source>
        <translation>Undone: {0} households removed</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="444" />
        <source>导入调查表</source>
        <translation>Import survey</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="485" />
        <source>正在读取和检查…</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="501" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>征迁安置管理</source>
        <translation>Resettle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>只显示处于这一步的户</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <source>全部状态</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>搜索：户号、姓名、拼音首字母（如 zs）、身份证号或电话</source>
        <translation>Search: household no., name, pinyin initials (e.g. zs), ID or phone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>新建数据库…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145" />
        <source>导入调查表…</source>
        <translation>Import survey…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>导入批次…</source>
        <translation>Import batches…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>备份到文件…</source>
        <translation>Back up to file…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <source>从自动备份恢复…</source>
        <translation>Restore from automatic backup…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <location filename="../../ui/main_window.py" line="409" />
        <source>新建户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152" />
        <source>编辑户…</source>
        <translation>Edit household…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>删除户…</source>
        <translation>Delete household…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156" />
        <source>显示列…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>补偿标准…</source>
        <translation>Rate tables…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158" />
        <location filename="../../ui/main_window.py" line="451" />
        <source>计算补偿</source>
        <translation>Compute compensation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159" />
        <source>补偿汇总…</source>
        <translation>Compensation summary…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <location filename="../../ui/main_window.py" line="469" />
        <location filename="../../ui/main_window.py" line="473" />
        <source>完整性检查</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161" />
        <source>批量导出 PDF…</source>
        <translation>Export PDFs…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>核验文书…</source>
        <translation>Verify document…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <location filename="../../ui/main_window.py" line="499" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165" />
        <source>使用指南…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324" />
        <source>{0}（{1} 户）</source>
        <translation>{0} ({1} households)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355" />
        <source>共 {0:,} 户</source>
        <translation>{0:,} households</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362" />
        <source>（匹配过多，只列出一部分，请多输入几个字）</source>
        <translation> (many matches; only some are listed — type more)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372" />
        <source>已选 {0} 户</source>
        <translation>{0} selected</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409" />
        <source>请先导入或建立项目和村民小组。</source>
        <translation>Import or create a project and village groups first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420" />
        <source>打不开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="446" />
        <source>设定补偿标准</source>
        <translation>set the compensation standard for</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454" />
        <source>正在计算补偿…</source>
        <translation>Computing compensation…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="456" />
        <source>已计算 {0} 户，合计 {1} 元</source>
        <translation>{0} households computed, total {1} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460" />
        <source>查看补偿汇总</source>
        <translation>view the summary of</translation>
    </message>
    <message>
        <source>打不开数据库</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>征迁数据库 (*.sqlite3)</source>
        <translation>Resettle database (*.sqlite3)</translation>
    </message>
    <message>
        <source>文件已存在，未覆盖。</source>
        <translation>The file exists; not overwritten.</translation>
    </message>
    <message>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>征迁数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Resettle database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>备份到文件</source>
        <translation>Back up to file</translation>
    </message>
    <message>
        <source>已备份并校验</source>
        <translation>Backed up and verified</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用 {0} 的备份替换当前数据？当前数据会先另存一份备份。</source>
        <translation>Replace the current data with the backup of {0}? The current data is backed up first.</translation>
    </message>
    <message>
        <source>未恢复</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="470" />
        <source>检查通过。审计记录 {0} 条，链头 {1}</source>
        <translation>Check passed. {0} audit entries, chain head {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="476" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="489" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="500" />
        <source>征迁安置管理 {0}

征地拆迁入户调查、补偿计算、文书打印。</source>
        <translation>Resettle {0}

Expropriation surveys, compensation and documents.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="118" />
        <source>工作表和列</source>
        <translation>Sheets and columns</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="119" />
        <source>核对每一项对应的列；改动后点「重新识别」。可以把映射保存为本办公室的方案。</source>
        <translation>Check the column of each field; after changes click Re-read. The mapping can be saved as this office's profile.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="138" />
        <source>重新识别</source>
        <translation>Re-read</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="140" />
        <source>保存为映射方案…</source>
        <translation>Save as profile…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="144" />
        <source>预览工作表</source>
        <translation>Preview sheet</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="170" />
        <source>读取的工作表：</source>
        <translation>Sheets to read:</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="203" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="208" />
        <source>{0}：{1} 户，{2} 人，表头在第 {3} 行</source>
        <translation>{0}: {1} households, {2} persons, header in row {3}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="210" />
        <source>没有找到调查表格式的工作表</source>
        <translation>No sheet looks like a survey</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="243" />
        <source>保存映射方案</source>
        <translation>Save mapping profile</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="243" />
        <source>方案名称（例如本乡镇名称）：</source>
        <translation>Profile name (e.g. the township):</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="250" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <location filename="../../ui/ops.py" line="90" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/print_actions.py" line="113" />
        <location filename="../../ui/print_actions.py" line="116" />
        <location filename="../../ui/print_actions.py" line="147" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="113" />
        <source>请先在表中选择要打印的户。</source>
        <translation>Select the households to print first.</translation>
    </message>
    <message>
        <source>不能预览</source>
        <translation>Cannot preview</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="128" />
        <source>正在准备打印预览…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="134" />
        <source>打印预览 — {0}（样稿，不编号）</source>
        <translation>Print preview — {0} (draft, not numbered)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="146" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="163" />
        <source>正在导出 PDF…</source>
        <translation>Exporting PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="165" />
        <location filename="../../ui/print_actions.py" line="172" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="175" />
        <source>将出具正式{0}：{1} 份。其中 {2} 户已有编号，金额和条款未变的沿用原编号；最多新占用 {3} 个正式编号，编号一经占用不能收回。继续吗？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="178" />
        <source>正式导出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="184" />
        <location filename="../../ui/print_actions.py" line="190" />
        <location filename="../../ui/print_actions.py" line="193" />
        <source>核验文书</source>
        <translation>Verify document</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="184" />
        <source>输入文书上印的校验码：</source>
        <translation>Verification code printed on the document:</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <location filename="../../ui/window_project.py" line="185" />
        <source>数据库中还没有项目。请先导入调查表或新建项目。</source>
        <translation>No project yet. Import a survey or create a project first.</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="187" />
        <source>{0}（编号 {1}）</source>
        <translation>{0} (no. {1})</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="191" />
        <source>数据库中有 {0} 个项目，请选择要{1}的项目：</source>
        <translation>The database holds {0} projects. Choose the project to {1}:</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="218" />
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="219" />
        <source>当前项目：{0}</source>
        <translation>Project: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="221" />
        <source>{0} — 未选项目（共 {1} 个）</source>
        <translation>{0} — no project chosen ({1} in all)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="222" />
        <source>当前项目：未选（共 {0} 个，请在左侧选择）</source>
        <translation>Project: none chosen ({0} in all; choose one on the left)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="225" />
        <source>当前项目：无</source>
        <translation>Project: none</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="227" />
        <source>【演示】{0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="228" />
        <source>演示数据 · {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="235" />
        <source>项目(&amp;J)</source>
        <translation>Pro&amp;ject</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="237" />
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="238" />
        <source>项目信息…</source>
        <translation>Project details…</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="240" />
        <source>新建村…</source>
        <translation>New village…</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="241" />
        <source>重命名村或组…</source>
        <translation>Rename village or group…</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="273" />
        <source>修改信息</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="279" />
        <source>项目信息</source>
        <translation>Project details</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="293" />
        <location filename="../../ui/window_project.py" line="296" />
        <location filename="../../ui/window_project.py" line="303" />
        <source>新建村</source>
        <translation>New village</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="297" />
        <source>在「{0}」中新建村，村名：</source>
        <translation>New village in “{0}”, name:</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="311" />
        <location filename="../../ui/window_project.py" line="318" />
        <location filename="../../ui/window_project.py" line="327" />
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="311" />
        <source>请先在左侧选择要改名的村或组。</source>
        <translation>Choose the village or group to rename on the left first.</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="318" />
        <source>「{0}」改名为：</source>
        <translation>Rename “{0}” to:</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../ui/window_project.py" line="71" />
        <source>项目信息</source>
        <translation>Project details</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="71" />
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="74" />
        <source>例：城东片区征地项目</source>
        <translation>e.g. East district land project</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="76" />
        <source>例：浙政土〔2026〕12号</source>
        <translation>e.g. Zhe Zheng Tu [2026] 12</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="82" />
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="83" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="88" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="89" />
        <source>批准文号</source>
        <translation>Approval no.</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="90" />
        <source>批准日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="91" />
        <source>预公告日（截止日）</source>
        <translation>Cut-off (pre-announcement)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="92" />
        <source>基准日（计算年龄）</source>
        <translation>Reference date (for ages)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="93" />
        <source>公示期</source>
        <translation>Posting period</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="94" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="95" />
        <source>本项目文书上的乡镇信息（留空则用「设置」中的本办公室信息）</source>
        <translation>Township details on this project's documents (empty: the office's details from Settings)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="101" />
        <source>默认：{0}</source>
        <translation>Default: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="101" />
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="105" />
        <source>村：{0}</source>
        <translation>Villages: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="112" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="113" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="125" />
        <source>年-月-日，可留空</source>
        <translation>year-month-day, may be empty</translation>
    </message>
</context>
<context>
    <name>RateTableInfoDialog</name>
    <message>
        <location filename="../../ui/rate_table_info.py" line="30" />
        <source>补偿标准信息</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="33" />
        <source>如 某政发〔2026〕12号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="34" />
        <source>已定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="44" />
        <source>标准名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="45" />
        <source>依据文号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="46" />
        <source>生效日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="71" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../ui/rates_dialog.py" line="86" />
        <source>补偿标准</source>
        <translation>Rate tables</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="86" />
        <source>补偿标准 — {0}</source>
        <translation>Compensation standards — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="97" />
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="98" />
        <source>导出到 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="99" />
        <source>标准信息…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="100" />
        <location filename="../../ui/rates_dialog.py" line="217" />
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="101" />
        <source>新建版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="102" />
        <source>比较所选两版</source>
        <translation>Compare two selected</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="103" />
        <source>设为项目标准…</source>
        <translation>Use for project…</translation>
    </message>
    <message>
        <source>项目现行标准：{0}</source>
        <translation>Project standard: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="131" />
        <source>还没有项目：导入调查表或新建项目后，可把已发布的标准设为项目标准。</source>
        <translation>No project yet: once a survey is imported or a project created, a published standard can be made its standard.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="133" />
        <source>「{0}」现行标准：{1}</source>
        <translation>Standard of “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="134" />
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="151" />
        <location filename="../../ui/rates_dialog.py" line="174" />
        <location filename="../../ui/rates_dialog.py" line="198" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="157" />
        <source>导入补偿标准</source>
        <translation>Import rate table</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="168" />
        <source>标准名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="168" />
        <source>表中没有标准名称。请输入（将印在通知书和公示表上）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="185" />
        <source>未导入</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="187" />
        <source>保存错误报告…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="192" />
        <source>保存错误报告</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="200" />
        <source>已保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="200" />
        <source>错误报告已保存到 {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="206" />
        <source>导出补偿标准</source>
        <translation>Export rate table</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="218" />
        <source>发布「{0}」？发布后不能再修改，只能另建新版本。</source>
        <translation>Publish "{0}"? A published table cannot be changed; only a new version can.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="232" />
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="232" />
        <source>请按住 Ctrl 选择两个版本。</source>
        <translation>Hold Ctrl and select two versions.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="241" />
        <source>新增 {0} {1}：{2} 元/{3}</source>
        <translation>Added {0} {1}: {2} yuan/{3}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="244" />
        <source>删除 {0} {1}</source>
        <translation>Removed {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="246" />
        <source>修改 {0} {1}：{2} → {3} 元/{4}</source>
        <translation>Changed {0} {1}: {2} → {3} yuan/{4}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="248" />
        <source>{0} 与 {1}</source>
        <translation>{0} vs {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="249" />
        <source>两版规则完全相同。</source>
        <translation>The two versions have the same rules.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="256" />
        <source>过渡月数</source>
        <translation>Transition months</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="256" />
        <source>过渡费按几个月计算：</source>
        <translation>Months of transition fee:</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="263" />
        <source>正在重新计算…</source>
        <translation>Recomputing…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="268" />
        <source>正在比较两版标准的金额…</source>
        <translation>Pricing every household with both standards…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="127" />
        <source>从自动备份恢复</source>
        <translation>Restore from automatic backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="130" />
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="130" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="130" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="147" />
        <source>恢复前会先把当前数据另存一份备份，恢复可以撤回。</source>
        <translation>The current data is backed up before restoring, so a restore can be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="149" />
        <source>恢复所选备份</source>
        <translation>Restore selected backup</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="53" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="56" />
        <source>自动选择（宋体/黑体优先）</source>
        <translation>Automatic (Song/Hei first)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62" />
        <source>复制默认模板到数据目录以便修改</source>
        <translation>Copy default templates to the data folder for editing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="74" />
        <source>&lt;b&gt;乡镇信息&lt;/b&gt;（打印文书时使用）</source>
        <translation>&lt;b&gt;Township&lt;/b&gt; (used on printed documents)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="75" />
        <source>乡镇名称</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="76" />
        <source>征迁办名称</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="77" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="78" />
        <source>签约地点</source>
        <translation>Signing place</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79" />
        <source>监督电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="80" />
        <source>&lt;b&gt;打印&lt;/b&gt;</source>
        <translation>&lt;b&gt;Printing&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="81" />
        <source>文书字体</source>
        <translation>Document font</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="82" />
        <source>文书模板</source>
        <translation>Document templates</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="84" />
        <source>&lt;b&gt;程序&lt;/b&gt;</source>
        <translation>&lt;b&gt;Program&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="85" />
        <source>界面语言（重启后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="98" />
        <source>本办公室的模板：{0}</source>
        <translation>Office template: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="98" />
        <source>默认模板</source>
        <translation>Default template</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../ui/summary_dialog.py" line="30" />
        <source>补偿汇总</source>
        <translation>Compensation summary</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="30" />
        <source>补偿汇总 — {0}</source>
        <translation>Compensation summary — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="33" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="34" />
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="35" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="45" />
        <source>按现行标准重新计算全部</source>
        <translation>Recompute all with current standard</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="60" />
        <source>已计算 {0} 户，其中已复核 {1} 户。合计 ¥{2} 元（{3}）</source>
        <translation>{0} households computed, {1} reviewed. Total ¥{2} ({3})</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="72" />
        <source>正在计算补偿…</source>
        <translation>Computing compensation…</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/welcome.py" line="35" />
        <source>欢迎使用征迁安置管理</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="38" />
        <source>&lt;h2&gt;欢迎使用征迁安置管理&lt;/h2&gt;&lt;p&gt;每户一条记录，按补偿标准自动计算，每次修改都留痕。第一次使用，请新建本项目的登记册；也可以先打开&lt;b&gt;演示登记册&lt;/b&gt;看看（演示数据单独存放，不会混进正式数据）。&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="47" />
        <source>如 城东产业园区建设项目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="49" />
        <source>如 城东镇</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="51" />
        <source>如 东岗村、德源村（可以以后再加，导入调查表时也会自动建立）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="53" />
        <source>另存为…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="60" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="61" />
        <source>乡镇</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="62" />
        <source>涉及的村</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="63" />
        <location filename="../../ui/welcome.py" line="91" />
        <source>登记册文件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="64" />
        <source>新建登记册</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="68" />
        <source>新建</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="71" />
        <source>打开已有文件…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="73" />
        <source>打开演示登记册</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="91" />
        <location filename="../../ui/welcome.py" line="108" />
        <source>登记册 (*.sqlite3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="102" />
        <source>未新建</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="108" />
        <source>打开登记册</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="115" />
        <location filename="../../ui/welcome.py" line="125" />
        <source>打不开</source>
        <translation>Cannot open</translation>
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