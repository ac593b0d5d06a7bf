<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="77" />
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="86" />
        <source>添加账户…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="87" />
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="88" />
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="89" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="90" />
        <source>修改本人密码…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="111" />
        <source>此数据库尚未启用账户。添加的第一个账户须是管理员；之后打开时要登录。</source>
        <translation>Accounts are not enabled for this database. The first account added must be an administrator; after that, opening it requires a login.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="114" />
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="115" />
        <source>当前账户：{0}（{1}）</source>
        <translation>Account: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="117" />
        <source>。账户列表只有管理员能看和管理；这里可以修改本人密码。</source>
        <translation>. Only an administrator sees and manages the accounts; you can change your own password here.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="136" />
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="146" />
        <source>账户已启用。请以刚添加的管理员登录。</source>
        <translation>Accounts are enabled. Log in as the administrator just added.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="154" />
        <source>请先选择一个账户。</source>
        <translation>Choose an account first.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="162" />
        <source>重置 {0} 的密码</source>
        <translation>Reset the password of {0}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="172" />
        <source>修改本人密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="176" />
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../ui/payments/models.py" line="113" />
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="114" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="115" />
        <source>可用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="116" />
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="117" />
        <source>须改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="118" />
        <source>上次登录</source>
        <translation>Last login</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <location filename="../../ui/compensation_tab.py" line="40" />
        <source>人工调整</source>
        <translation>Manual adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="44" />
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
        <location filename="../../ui/compensation_tab.py" line="69" />
        <source>项目、金额和原因都必须填写，金额须为数字</source>
        <translation>Item, amount and reason are required; the amount must be a number</translation>
    </message>
</context>
<context>
    <name>AdjustmentsModel</name>
    <message>
        <location filename="../../ui/models/compensation.py" line="42" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="43" />
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="44" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="45" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="46" />
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
</context>
<context>
    <name>AgreementsDialog</name>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="145" />
        <source>协议</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="151" />
        <source>签约（所选户）…</source>
        <translation>Sign (selected households)…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="152" />
        <source>签约（全部已复核户）…</source>
        <translation>Sign (all reviewed households)…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="153" />
        <source>登记腾房…</source>
        <translation>Record vacating…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="154" />
        <source>补充协议（按现行计算）…</source>
        <translation>Supplementary agreement (current computation)…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="155" />
        <source>登记划转（社保、集体）…</source>
        <translation>Record transfers (social security, collective)…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="171" />
        <source>已签约 {0} 户，协议金额合计 {1:,.2f} 元</source>
        <translation>{0} households signed, agreements total {1:,.2f} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="173" />
        <source>。只有补偿已复核的户能签约：先在户信息的「补偿」页计算并复核，再回到这里签约。</source>
        <translation>. Only households whose compensation was reviewed can sign: compute and review it on the household's Compensation tab first, then sign here.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="185" />
        <location filename="../../ui/payments/dialogs.py" line="196" />
        <source>签订协议</source>
        <translation>Sign agreements</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="185" />
        <source>请先在登记表中选择要签约的户。</source>
        <translation>Choose the households to sign in the register first.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="187" />
        <source>为所选 {0} 户签约</source>
        <translation>Sign for the {0} selected households</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="187" />
        <source>为本项目全部已复核的户签约</source>
        <translation>Sign for all reviewed households of this project</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="193" />
        <source>已签订 {0} 户，合计 {1:,.2f} 元。</source>
        <translation>{0} households signed, total {1:,.2f} yuan.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="195" />
        <source>未签：</source>
        <translation>Not signed: </translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="199" />
        <source>正在签订协议…</source>
        <translation>Signing agreements…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="210" />
        <location filename="../../ui/payments/dialogs.py" line="218" />
        <source>登记腾房</source>
        <translation>Record vacating</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="210" />
        <source>请选择已腾房的户。</source>
        <translation>Choose the households that have vacated.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="226" />
        <source>所选 {0} 户</source>
        <translation>the {0} selected households</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="226" />
        <source>本项目全部已签约户</source>
        <translation>every signed household of the project</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="230" />
        <source>{0} 户，合计 {1:,.2f} 元（全项目）</source>
        <translation>{0} households, {1:,.2f} yuan in all (whole project)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="235" />
        <source>正在登记划转…</source>
        <translation>Recording the transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="239" />
        <source>登记划转</source>
        <translation>Record transfer</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="240" />
        <source>已登记 {0} 户划转{1}，合计 {2:,.2f} 元。</source>
        <translation>Transfer to {1} recorded for {0} households, {2:,.2f} yuan in all.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="256" />
        <source>为 {0} 按现行计算签补充协议。原因（必填）：</source>
        <translation>Supplementary agreement for {0} from the current computation. Reason (required):</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="261" />
        <source>没有填写原因，未签补充协议。</source>
        <translation>No reason given: no supplementary agreement signed.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="216" />
        <source>正在登记腾房…</source>
        <translation>Recording vacating…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="218" />
        <source>已登记 {0} 户腾房。</source>
        <translation>{0} households recorded as vacated.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="250" />
        <location filename="../../ui/payments/dialogs.py" line="256" />
        <location filename="../../ui/payments/dialogs.py" line="261" />
        <location filename="../../ui/payments/dialogs.py" line="267" />
        <source>补充协议</source>
        <translation>Supplementary agreement</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="250" />
        <source>请选择一户。</source>
        <translation>Choose a household.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="264" />
        <source>正在签订补充协议…</source>
        <translation>Signing the supplementary agreement…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="267" />
        <source>已签补充协议，金额 {0:,.2f} 元。</source>
        <translation>Supplementary agreement signed: {0:,.2f} yuan.</translation>
    </message>
</context>
<context>
    <name>AgreementsModel</name>
    <message>
        <location filename="../../ui/payments/models.py" line="60" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="61" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="62" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="63" />
        <source>签约日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="64" />
        <source>腾房日期</source>
        <translation>Vacated on</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="65" />
        <source>协议金额(元)</source>
        <translation>Agreement (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="66" />
        <source>补充协议</source>
        <translation>Supplementary agreement</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="67" />
        <source>已付(元)</source>
        <translation>Paid (yuan)</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="449" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="460" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="466" />
        <source>没有导入任何数据。请关闭向导，改正后重新导入。</source>
        <translation>Nothing was imported. Close the wizard, correct the file and import again.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="481" />
        <source>导入完成（批次 {0}）：新增 {1} 户，变更 {2} 户，删除 {3} 户，共 {4} 人。
可在「文件 → 导入批次…」中撤销整批导入。</source>
        <translation>Imported (batch {0}): {1} added, {2} changed, {3} removed households, {4} persons.
A whole batch can be undone under File → Import batches….</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="486" />
        <source>变更的户中已计算过补偿的 {0} 户已按新数据重新计算。</source>
        <translation>{0} of the changed households had been computed and were computed again with the new data.</translation>
    </message>
</context>
<context>
    <name>AreaMenu</name>
    <message>
        <location filename="../../ui/area_menu.py" line="52" />
        <source>请先在左侧选择一个项目。</source>
        <translation>Choose a project on the left first.</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../ui/models/household_parts.py" line="276" />
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="281" />
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="282" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="285" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>BalancesModel</name>
    <message>
        <location filename="../../ui/payments/models.py" line="100" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="101" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="102" />
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="103" />
        <source>计算(元)</source>
        <translation>Computed (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="104" />
        <source>协议(元)</source>
        <translation>Agreed (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="105" />
        <source>已付(元)</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="106" />
        <source>未付(元)</source>
        <translation>Unpaid (yuan)</translation>
    </message>
</context>
<context>
    <name>BatchesDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="220" />
        <source>导入批次</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="227" />
        <source>已撤销 {0}</source>
        <translation>Undone {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="227" />
        <source>有效</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="240" />
        <source>撤销所选批次…</source>
        <translation>Undo selected batch…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="279" />
        <source>兑付批次</source>
        <translation>Payment batches</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="284" />
        <source>第 </source>
        <translation>No. </translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="285" />
        <source> 期</source>
        <translation> (instalment)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="290" />
        <source>生成批次</source>
        <translation>Create batch</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="291" />
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="292" />
        <source>写出银行文件…</source>
        <translation>Write bank file…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="293" />
        <source>登记银行回盘…</source>
        <translation>Record bank return…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="297" />
        <source>只写 xlsx</source>
        <translation>xlsx only</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="301" />
        <source>打印领款单（已付各笔）…</source>
        <translation>Print vouchers (paid lines)…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="322" />
        <source>当前审计链头：{0}</source>
        <translation>Audit chain head: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="324" />
        <source>还没有兑付批次：签约后到期的分期可在此建成批次，经他人审批后生成银行文件。</source>
        <translation>No payment batch yet: after signing, instalments that fall due are made into a batch here; once someone else approves it, the bank file is written.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="330" />
        <source>请先选择一个批次。</source>
        <translation>Choose a batch first.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="336" />
        <source>已生成批次 {0}：{1} 笔，合计 {2:,.2f} 元。</source>
        <translation>Batch {0} created: {1} payments, total {2:,.2f} yuan.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="338" />
        <source>未列入：</source>
        <translation>Not included: </translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="342" />
        <source>正在生成兑付批次…</source>
        <translation>Creating the payment batch…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="351" />
        <source>正在审批…</source>
        <translation>Approving…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="357" />
        <source>银行文件</source>
        <translation>Bank file</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="361" />
        <source>正在写出银行文件…</source>
        <translation>Writing the bank file…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="364" />
        <source>已写出：</source>
        <translation>Written: </translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="377" />
        <source>打印领款单</source>
        <translation>Print vouchers</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="377" />
        <source>领款单-{0}.pdf</source>
        <translation>vouchers-{0}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="382" />
        <source>正在打印领款单…</source>
        <translation>Printing vouchers…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="385" />
        <source>已打印 {0} 张领款单：{1}</source>
        <translation>{0} vouchers printed: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="392" />
        <source>银行回盘文件</source>
        <translation>Bank return file</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="397" />
        <source>批次 {0}：成功 {1} 笔（{2:,.2f} 元），失败 {3} 笔。</source>
        <translation>Batch {0}: {1} paid ({2:,.2f} yuan), {3} failed.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="401" />
        <source>此回盘已登记过，未作改动。</source>
        <translation>This return was already recorded; nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="404" />
        <source>正在登记回盘…</source>
        <translation>Recording the bank return…</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../../ui/payments/models.py" line="74" />
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="75" />
        <source>期次</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="76" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="77" />
        <source>笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="78" />
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="79" />
        <source>成功</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="80" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="81" />
        <source>审计链头</source>
        <translation>Audit chain head</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="82" />
        <source>制单</source>
        <translation>Prepared by</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../ui/housing/models.py" line="218" />
        <source>{0}层</source>
        <translation>Floor {0}</translation>
    </message>
</context>
<context>
    <name>ChangePreviewDialog</name>
    <message>
        <location filename="../../ui/rates_dialog.py" line="43" />
        <source>更换补偿标准的影响</source>
        <translation>Effect of changing the standard</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="48" />
        <source>改用「{0}」：{1} 户合计变化，{2} 户不变。项目合计 {3} 元 → {4} 元。</source>
        <translation>Using "{0}": {1} households change, {2} unchanged. Project total {3} → {4} yuan.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="53" />
        <source>确认更换并重新计算</source>
        <translation>Change and recompute</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="320" />
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="336" />
        <source>同时删除库中有、文件里已没有的户</source>
        <translation>Also delete households no longer in the file</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="338" />
        <source>导出错误报告…</source>
        <translation>Export error report…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="341" />
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="370" />
        <source>点上方的一行，这里显示原表中那个单元格（标红）及其上下几行。</source>
        <translation>Click a row above: the sheet's cell (in red) and a few rows around it are shown here.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="371" />
        <source>没有错误，也没有提醒：各户将按上面的统计导入。</source>
        <translation>No errors and no warnings: the households will be imported as counted above.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="373" />
        <source>共 {0} 户、{1} 人。新增 {2} 户，变更 {3} 户，无变化 {4} 户，文件中没有的 {5} 户。</source>
        <translation>{0} households, {1} persons. {2} new, {3} changed, {4} unchanged, {5} not in the file.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="376" />
        <source>
发现 {0} 处错误（必须改正后才能导入）、{1} 处提醒。点一行可查看该单元格。</source>
        <translation>
{0} errors (must be fixed before importing), {1} warnings. Click a row to see the cell.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="378" />
        <source>有错误，不能导入。可以导出错误报告交给村里改正。</source>
        <translation>There are errors; nothing can be imported. Export an error report for the village to fix.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="380" />
        <source>
没有错误，{0} 处提醒。</source>
        <translation>
No errors, {0} warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="382" />
        <source>文件与库中完全一致，无需导入。</source>
        <translation>The file is the same as the register: nothing to import.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="383" />
        <source>点「下一步」导入；导入前会自动备份数据库。</source>
        <translation>Click Next to import; the database is backed up first.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="387" />
        <source>变更：</source>
        <translation>Changes: </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="341" />
        <location filename="../../ui/import_wizard.py" line="425" />
        <source>导出错误报告</source>
        <translation>Export error report</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="425" />
        <source>-错误报告.xlsx</source>
        <translation>-error-report.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="426" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="429" />
        <source>正在导出错误报告…</source>
        <translation>Writing the error report…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="433" />
        <source>错误报告</source>
        <translation>Error report</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="433" />
        <source>错误报告已保存到：
{0}</source>
        <translation>Error report saved to:
{0}</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="174" />
        <source>办结信访 </source>
        <translation>Close grievance </translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="181" />
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="182" />
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="183" />
        <source>承办人</source>
        <translation>Handled by</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../ui/dialogs.py" line="196" />
        <source>显示列</source>
        <translation>Columns</translation>
    </message>
</context>
<context>
    <name>CompensationTab</name>
    <message>
        <location filename="../../ui/compensation_tab.py" line="92" />
        <source>按现行标准计算</source>
        <translation>Compute with current standard</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="93" />
        <source>添加人工调整…</source>
        <translation>Add adjustment…</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="94" />
        <source>删除所选调整…</source>
        <translation>Delete selected adjustment…</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="95" />
        <source>复核通过</source>
        <translation>Mark reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="110" />
        <source>人工调整（不按标准计算的金额，须写明原因）</source>
        <translation>Manual adjustments (amounts outside the standard, with reasons)</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="122" />
        <source>保存本户后才能计算补偿。</source>
        <translation>Save the household before computing compensation.</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="131" />
        <source>（{0} 于 {1} 复核）</source>
        <translation> (reviewed by {0} at {1})</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="135" />
        <source>　计算后本户数据或补偿标准有改动，金额不是按现状算的：请「按现行标准计算」</source>
        <translation>  The household or the standard changed after the compute: these amounts are not current. Use "Compute with the current standard".</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="136" />
        <source>补偿标准：{0}　状态：{1}</source>
        <translation>Standard: {0}   Status: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="136" />
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="138" />
        <source>合计：{0} 元</source>
        <translation>Total: ¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="147" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="173" />
        <source>删除人工调整</source>
        <translation>Delete adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/compensation_tab.py" line="173" />
        <source>删除「{0}」的原因：</source>
        <translation>Reason for deleting "{0}":</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/household_editor.py" line="57" />
        <source>保存冲突</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="59" />
        <source>对方做了以下修改：</source>
        <translation>The other user changed:</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="65" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="65" />
        <source>您打开时</source>
        <translation>When you opened it</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="65" />
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="75" />
        <source>重新载入（放弃我的修改）</source>
        <translation>Reload (discard my changes)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="77" />
        <source>返回继续编辑</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="182" />
        <source>新建培训课程</source>
        <translation>New training course</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="192" />
        <source>课程名称</source>
        <translation>Course name</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="193" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="194" />
        <source>培训机构</source>
        <translation>Training provider</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="195" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="196" />
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="197" />
        <source>学时</source>
        <translation>Hours</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="40" />
        <source>就业社保看板</source>
        <translation>Employment and social security dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="41" />
        <location filename="../../ui/livelihood/dashboard.py" line="119" />
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="50" />
        <source>调查户数</source>
        <translation>Surveyed households</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="51" />
        <location filename="../../ui/livelihood/dashboard.py" line="155" />
        <source>已计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="52" />
        <source>已复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="53" />
        <location filename="../../ui/livelihood/dashboard.py" line="156" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="54" />
        <location filename="../../ui/livelihood/dashboard.py" line="157" />
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="55" />
        <source>已选房</source>
        <translation>Flat chosen</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="56" />
        <location filename="../../ui/livelihood/dashboard.py" line="158" />
        <source>已交房</source>
        <translation>Flat handed over</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="57" />
        <source>劳动年龄失地人员</source>
        <translation>Landless of working age</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="58" />
        <location filename="../../ui/livelihood/dashboard.py" line="146" />
        <location filename="../../ui/livelihood/dashboard.py" line="165" />
        <source>已就业</source>
        <translation>Employed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="59" />
        <source>就业率</source>
        <translation>Employment rate</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="60" />
        <location filename="../../ui/livelihood/dashboard.py" line="147" />
        <location filename="../../ui/livelihood/dashboard.py" line="166" />
        <source>培训结业</source>
        <translation>Training completed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="61" />
        <source>取得证书</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="62" />
        <source>园区企业录用</source>
        <translation>Hired by park firms</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="63" />
        <source>社保参保</source>
        <translation>Social security enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="64" />
        <source>信访在办</source>
        <translation>Grievances open</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="65" />
        <source>信访逾期</source>
        <translation>Grievances overdue</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="91" />
        <source>各村就业与培训（人）</source>
        <translation>Employment and training by village (persons)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="92" />
        <source>各村征收与安置进度（户）</source>
        <translation>Expropriation and resettlement by village (households)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="93" />
        <source>逐月累计进度</source>
        <translation>Cumulative progress by month</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="98" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="100" />
        <source>导出监测月报…</source>
        <translation>Export monthly report…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="130" />
        <source>{0}　统计日 {1}</source>
        <translation>{0}  as of {1}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="134" />
        <source>部分兑付 {0}</source>
        <translation>partly paid {0}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="137" />
        <source>{0} {1} 人</source>
        <translation>{0}: {1} persons</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="138" />
        <source>社保参保（按年龄段）：{0}</source>
        <translation>Social security enrolment (by age band): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="138" />
        <source>尚无回执对账结果</source>
        <translation>no reconciled receipts yet</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="145" />
        <source>劳动年龄</source>
        <translation>Working age</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="148" />
        <location filename="../../ui/livelihood/dashboard.py" line="167" />
        <source>园区录用</source>
        <translation>Hired in park</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="154" />
        <source>调查</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="164" />
        <source>已计算(户)</source>
        <translation>Computed (households)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="178" />
        <source>导出监测月报</source>
        <translation>Export monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="178" />
        <source>Excel 工作簿 (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="178" />
        <source>监测月报.xlsx</source>
        <translation>monthly-report.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dashboard.py" line="183" />
        <source>正在导出监测月报…</source>
        <translation>Exporting the monthly report…</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../../ui/models/compensation.py" line="51" />
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="89" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="90" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="91" />
        <source>原合计(元)</source>
        <translation>Old total (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="92" />
        <source>新合计(元)</source>
        <translation>New total (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="93" />
        <source>差额(元)</source>
        <translation>Difference (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="94" />
        <source>变化的项目</source>
        <translation>Changed items</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <location filename="../../ui/payments/models.py" line="89" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="90" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="91" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="92" />
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="93" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>DrawScope</name>
    <message>
        <location filename="../../ui/housing/scope.py" line="21" />
        <source>全项目</source>
        <translation>Whole project</translation>
    </message>
</context>
<context>
    <name>EmploymentDialog</name>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="128" />
        <source>就业状况：{0}</source>
        <translation>Employment: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="130" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="135" />
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="136" />
        <source>劳动能力状况</source>
        <translation>Ability to work</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="137" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="138" />
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="139" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="140" />
        <source>月收入(元)</source>
        <translation>Monthly income (yuan)</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <location filename="../../ui/print_actions.py" line="55" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="61" />
        <source>所选的户</source>
        <translation>Selected households</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="61" />
        <source>当前村民小组</source>
        <translation>Current village group</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="61" />
        <source>当前村</source>
        <translation>Current village</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="62" />
        <source>整个项目</source>
        <translation>Whole project</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="69" />
        <source>样稿（不编号，印「样稿」水印，可反复导出核对）</source>
        <translation>Draft (unnumbered, watermarked “Draft”; export as often as needed to check)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="70" />
        <source>正式（每份编号、登记、印校验码）</source>
        <translation>Official (each numbered, registered, with a check code)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="72" />
        <source>选「正式」时，开始前会告诉您将占用多少个正式编号。</source>
        <translation>For “Official”, you are told before the start how many official numbers it will use.</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="74" />
        <source>每户一个文件（文件名：户号_户主.pdf）</source>
        <translation>One file per household (household-no_head.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="76" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="82" />
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="83" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="84" />
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="88" />
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="102" />
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="104" />
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/controllers/files.py" line="34" />
        <source>新建数据库…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="36" />
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="38" />
        <source>连接服务器…</source>
        <translation>Connect to server…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="39" />
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="40" />
        <source>备份到文件…</source>
        <translation>Back up to file…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="41" />
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="42" />
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="70" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="71" />
        <source>还有任务正在进行。请等它完成（或在进度框中取消）后再打开其他数据库。</source>
        <translation>A job is still running. Wait for it (or cancel it in its progress box) before opening another database.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="88" />
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="90" />
        <source>打不开数据库</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="113" />
        <location filename="../../ui/controllers/files.py" line="119" />
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="115" />
        <location filename="../../ui/controllers/files.py" line="159" />
        <source>征迁数据库 (*.sqlite3)</source>
        <translation>Resettle database (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="119" />
        <source>文件已存在，未覆盖。</source>
        <translation>The file exists; not overwritten.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="124" />
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="126" />
        <source>征迁数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Resettle database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="154" />
        <location filename="../../ui/controllers/files.py" line="164" />
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="155" />
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="158" />
        <source>备份到文件</source>
        <translation>Back up to file</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="165" />
        <source>已备份并校验</source>
        <translation>Backed up and verified</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="173" />
        <location filename="../../ui/controllers/files.py" line="183" />
        <location filename="../../ui/controllers/files.py" line="213" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="174" />
        <source>只有管理员账户可以用备份替换整个登记册。</source>
        <translation>Only an administrator account can replace the whole register with a backup.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="183" />
        <source>用{0}替换当前数据？当前数据会先另存一份备份。</source>
        <translation>Replace the current data with {0}? The current data is backed up first.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="197" />
        <source>恢复后的数据库使用它自己的账户，当前账户不在其中或角色不同。请重新登录。</source>
        <translation>The restored database has its own accounts, and this account is not among them (or has another role). Please log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="215" />
        <source>{0} 有以下可疑之处：

{1}

仍要用它替换当前数据吗？（当前数据会先另存一份备份。）</source>
        <translation>{0} looks doubtful:

{1}

Replace the current data with it anyway? (The current data is backed up first.)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="222" />
        <source>正在从备份恢复…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="226" />
        <source>正在检查备份…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/files.py" line="196" />
        <location filename="../../ui/controllers/files.py" line="202" />
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="98" />
        <location filename="../../ui/import_wizard.py" line="133" />
        <source>选择调查表</source>
        <translation>Choose survey workbook</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="99" />
        <source>支持 .xlsx .xlsm .xls .ods 和 .csv（UTF-8 或 GB18030）。也可以把文件拖到主窗口上。</source>
        <translation>Reads .xlsx .xlsm .xls .ods and .csv (UTF-8 or GB18030). You can also drop a file on the main window.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="101" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="111" />
        <source>征收项目</source>
        <translation>Expropriation project</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="116" />
        <source>请选择项目，或输入新项目的名称</source>
        <translation>Choose a project, or type the name of a new one</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="119" />
        <source>留空则从标题或工作表名识别</source>
        <translation>Leave empty to take it from the title or sheet name</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="121" />
        <source>（自动识别）</source>
        <translation>(detect)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="125" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="126" />
        <source>导入到项目</source>
        <translation>Import into project</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="127" />
        <source>村名</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="128" />
        <source>列映射方案</source>
        <translation>Column mapping profile</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="134" />
        <source>表格 (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="150" />
        <source>打不开文件</source>
        <translation>Cannot open file</translation>
    </message>
</context>
<context>
    <name>FlatsModel</name>
    <message>
        <location filename="../../ui/housing/models.py" line="48" />
        <source>小区</source>
        <translation>Estate</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="49" />
        <source>房号</source>
        <translation>Flat no.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="50" />
        <source>层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="51" />
        <source>户型</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="52" />
        <source>建筑面积(㎡)</source>
        <translation>Floor area (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="53" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="54" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="55" />
        <source>冻结原因</source>
        <translation>Frozen because</translation>
    </message>
</context>
<context>
    <name>GrievanceDialog</name>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="105" />
        <source>登记信访 / 异议</source>
        <translation>Record grievance / objection</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="119" />
        <source>户号（涉及某户时填）</source>
        <translation>Household no. (if about a household)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="130" />
        <source>反映人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="131" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="132" />
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="133" />
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="134" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="135" />
        <source>涉及</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="136" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="137" />
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="138" />
        <source>反映内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="139" />
        <source>承办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="143" />
        <source>办理期限</source>
        <translation>Time limit</translation>
    </message>
</context>
<context>
    <name>GrievanceModel</name>
    <message>
        <location filename="../../ui/procedure/models.py" line="94" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="95" />
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="96" />
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="97" />
        <source>反映人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="98" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="100" />
        <source>涉及</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="103" />
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="104" />
        <source>答复期限</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="106" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="109" />
        <source>（{0} 天）</source>
        <translation> ({0} days)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="112" />
        <source>承办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="113" />
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="114" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="124" />
        <source>答复：{0}</source>
        <translation>Answer: {0}</translation>
    </message>
</context>
<context>
    <name>GrievancePage</name>
    <message>
        <location filename="../../ui/procedure/window.py" line="240" />
        <source>登记…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="241" />
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="242" />
        <source>打印受理回执…</source>
        <translation>Print receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="243" />
        <source>打印答复意见书…</source>
        <translation>Print answer letter…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="244" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="245" />
        <source>导出台账…</source>
        <translation>Export ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="246" />
        <source>只看未办结</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="258" />
        <source>读取信访台账</source>
        <translation>Reading the grievance ledger</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="266" />
        <source>共 {n} 件，未办结 {o} 件</source>
        <translation>{n} in all, {o} open</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="268" />
        <source>，其中逾期 {k} 件（红色）</source>
        <translation>, {k} overdue (red)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="278" />
        <source>信访 {0} 已于 {1} 办结</source>
        <translation>Grievance {0} was closed on {1}</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="285" />
        <source>登记信访</source>
        <translation>Record grievance</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="295" />
        <source>信访 {0} 已于 {1} 办结，不能再次办结。</source>
        <translation>Grievance {0} was closed on {1}; it cannot be closed again.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="303" />
        <source>办结信访</source>
        <translation>Close grievance</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="309" />
        <source>选择信件、照片等附件</source>
        <translation>Choose letters, photos or other attachments</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="309" />
        <source>添加信访附件</source>
        <translation>Add grievance attachment</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="323" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="331" />
        <location filename="../../ui/procedure/window.py" line="334" />
        <source>导出信访台账</source>
        <translation>Export grievance ledger</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="331" />
        <source>信访台账.xlsx</source>
        <translation>grievance-ledger.xlsx</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/housing/moving.py" line="124" />
        <source>交房</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="128" />
        <source>交房 — {0}</source>
        <translation>Handover — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="140" />
        <source>所选房</source>
        <translation>Chosen flat</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="139" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="139" />
        <source>尚未选房</source>
        <translation>No flat chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="141" />
        <source>交房日期</source>
        <translation>Handover date</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="142" />
        <source>钥匙（把）</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="143" />
        <source>水表读数</source>
        <translation>Water meter</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="144" />
        <source>电表读数</source>
        <translation>Electricity meter</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="145" />
        <source>燃气表读数</source>
        <translation>Gas meter</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="146" />
        <source>办证状态</source>
        <translation>Title deed status</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="147" />
        <source>交房并出具入住通知单</source>
        <translation>Hand over and issue move-in notice</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="149" />
        <source>保存办证状态</source>
        <translation>Save deed status</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="151" />
        <source>打印入住通知单…</source>
        <translation>Print move-in notice…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="174" />
        <source>尚未交房。</source>
        <translation>Not handed over yet.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="174" />
        <source>尚未选房，选房后才能交房。</source>
        <translation>No flat chosen yet: a flat is handed over after it is chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="176" />
        <source>已于 {0} 交房，入住通知单 {1}</source>
        <translation>Handed over on {0}, move-in notice {1}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="197" />
        <source>表读数「{0}」不是数值</source>
        <translation>Meter reading “{0}” is not a number</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="217" />
        <source>打印入住通知单</source>
        <translation>Print move-in notice</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="217" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="217" />
        <source>入住通知单.pdf</source>
        <translation>move-in-notice.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="221" />
        <source>正在打印入住通知单…</source>
        <translation>Printing the move-in notice…</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="14" />
        <source>使用指南</source>
        <translation>Guide</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="21" />
        <source>从调查到通知书</source>
        <translation>From survey to notice</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="22" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="32" />
        <source>&lt;h3&gt;一个项目的办理顺序&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;建项目&lt;/b&gt;：「项目」菜单新建项目，填写批准文号、预公告日（截止日）、基准日、公示天数和乡镇信息。有几个项目时，先在左侧树中点选项目，之后的操作都只作用于这个项目（标题栏和状态栏显示当前项目）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;导入调查表&lt;/b&gt;：「文件 → 导入调查表」（Ctrl+I）或把 Excel 拖进窗口。向导会识别表头、合并单元格，列出每一处问题（工作表、行、列）；有错误时一户也不保存，可导出错误报告，改好后再导入。&lt;/li&gt;&lt;li&gt;&lt;b&gt;核对每户&lt;/b&gt;：双击一户打开编辑窗口，修改成员、地块、房屋、附着物；红色单元格说明填写有误。每次保存都记入「变更记录」。&lt;/li&gt;&lt;li&gt;&lt;b&gt;补偿标准&lt;/b&gt;：「工具 → 补偿标准」导入本地区公布的标准表（单位写「元/亩」「亩」都可以），填写标准名称、文号、生效日期后发布，再「设为项目标准」。&lt;/li&gt;&lt;li&gt;&lt;b&gt;计算补偿&lt;/b&gt;：F9 计算当前项目；登记册的「状态」变为已计算，「补偿合计」列出金额。复核人员在补偿页签复核后状态变为已复核。&lt;/li&gt;&lt;li&gt;&lt;b&gt;公示和通知书&lt;/b&gt;：「打印」菜单先出&lt;b&gt;样稿&lt;/b&gt;核对（不编号），无误后打印正式文书（编号、登记、带校验码）。乡镇信息没填全时不能出正式文书。&lt;/li&gt;&lt;li&gt;&lt;b&gt;导出&lt;/b&gt;：「文件 → 导出」花名册、公示表、兑付清册，发给村里和银行。&lt;/li&gt;&lt;li&gt;&lt;b&gt;备份&lt;/b&gt;：程序每天自动备份；重要操作前也会自动备份。「文件 → 立即备份」可随时备份。「工具 → 完整性检查」核对审计链和数据是否被改动。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;之后的步骤（协议和兑付、安置房、就业社保、程序和信访）在各自的菜单里。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;The order of work in a project&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Create the project&lt;/b&gt;: Project menu → New project; fill in the approval no., the pre-announcement (cut-off) date, the reference date, the posting days and the township details. With several projects, click the project in the tree on the left first; what follows applies to that project only (the title bar and status bar show it).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Import the survey&lt;/b&gt;: File → Import survey (Ctrl+I), or drag the Excel file into the window. The wizard recognises the headers and merged cells and lists every problem (sheet, row, column); while there are errors nothing is saved. Export the error report, correct the file and import again.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Check each household&lt;/b&gt;: double-click a household to edit its members, parcels, houses and attachments; a red cell is filled in wrongly. Every save is kept in the History.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compensation standard&lt;/b&gt;: Tools → Compensation standards imports the standard published for your area (the unit may read “元/亩” or “亩”); enter its name, document no. and effective date, publish it, then make it the project's standard.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compute&lt;/b&gt;: F9 computes the current project; the register's Status becomes Computed and Compensation total shows the amount. After the reviewer reviews it on the Compensation tab the status becomes Reviewed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Posting and notices&lt;/b&gt;: in the Print menu, print a &lt;b&gt;draft&lt;/b&gt; first to check (unnumbered), then the official documents (numbered, registered, with a check code). Official documents need complete township details.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt;: File → Export the roster, the posting sheet and the payment list for the villages and the bank.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Backup&lt;/b&gt;: the program backs up every day and before important actions; File → Back up now backs up at any time; Tools → Integrity check verifies the audit chain and that no data was altered.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The later steps (agreements and payments, resettlement housing, employment and social security, procedure and grievances) are in their own menus.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/models/history.py" line="18" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="19" />
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="20" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="21" />
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="22" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="23" />
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="24" />
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="25" />
        <location filename="../../ui/models/history.py" line="139" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="32" />
        <source>新增</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="33" />
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="34" />
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="35" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="36" />
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="37" />
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="38" />
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="39" />
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="40" />
        <source>地块</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="41" />
        <source>房屋</source>
        <translation>Houses</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="42" />
        <source>附着物</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="43" />
        <source>补偿标准</source>
        <translation>Rate tables</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="44" />
        <source>补偿规则</source>
        <translation>Compensation rule</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="45" />
        <source>项目补偿标准</source>
        <translation>Project standard</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="46" />
        <source>补偿结果</source>
        <translation>Compensation result</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="47" />
        <source>补偿明细</source>
        <translation>Compensation line</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="48" />
        <source>补偿调整</source>
        <translation>Compensation adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="49" />
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="50" />
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="51" />
        <source>协议</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="52" />
        <source>协议明细</source>
        <translation>Agreement line</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="53" />
        <source>分期</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="54" />
        <source>兑付批次</source>
        <translation>Payment batches</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="55" />
        <source>兑付</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="56" />
        <source>要件</source>
        <translation>Supporting documents</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="57" />
        <source>安置小区</source>
        <translation>Estate</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="58" />
        <source>安置房</source>
        <translation>Flat</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="59" />
        <source>安置标准</source>
        <translation>Resettlement standard</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="60" />
        <source>安置户</source>
        <translation>Resettled household</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="61" />
        <source>不计安置人口</source>
        <translation>Excluded person</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="62" />
        <source>选房</source>
        <translation>Flat choice</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="63" />
        <source>抽签</source>
        <translation>Lottery</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="64" />
        <source>交房</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="65" />
        <source>劳动年龄设置</source>
        <translation>Working-age settings</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="66" />
        <source>劳动力状况</source>
        <translation>Labour status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="67" />
        <source>就业记录</source>
        <translation>Employment record</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="68" />
        <source>培训课程</source>
        <translation>Training course</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="69" />
        <source>培训报名</source>
        <translation>Training enrolment</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="70" />
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="71" />
        <source>岗位推荐</source>
        <translation>Job referral</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="72" />
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="73" />
        <source>社保标准</source>
        <translation>Pension standard</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="74" />
        <source>社保年龄段</source>
        <translation>Pension age band</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="75" />
        <source>社保参保</source>
        <translation>Social security enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="76" />
        <source>程序步骤</source>
        <translation>Procedure step</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="77" />
        <source>程序设置</source>
        <translation>Procedure settings</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="78" />
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="79" />
        <source>信访/异议</source>
        <translation>Grievance/objection</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="80" />
        <source>公示记录</source>
        <translation>Postings</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="81" />
        <source>节假日年度</source>
        <translation>Holiday year</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="82" />
        <source>节假日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="83" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="84" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="85" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="86" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="87" />
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="88" />
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="89" />
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="90" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="91" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="92" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="93" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="94" />
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="95" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="96" />
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="97" />
        <source>户口性质</source>
        <translation>Hukou type</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="98" />
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="99" />
        <source>安置人口</source>
        <translation>Resettled</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="100" />
        <source>地类</source>
        <translation>Land class</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="101" />
        <source>面积(亩)</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="102" />
        <source>地块编号</source>
        <translation>Parcel no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="103" />
        <source>承包合同号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="104" />
        <source>结构</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="105" />
        <source>建筑面积(㎡)</source>
        <translation>Floor area (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="106" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="107" />
        <source>合法性</source>
        <translation>Legality</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="108" />
        <source>建成年份</source>
        <translation>Year built</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="109" />
        <source>装修评估价(元)</source>
        <translation>Fit-out value (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="110" />
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="111" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="112" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="113" />
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="114" />
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="115" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="116" />
        <source>导入批次</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="117" />
        <source>批准文号</source>
        <translation>Approval no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="118" />
        <source>批准日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="119" />
        <source>预公告日（截止日）</source>
        <translation>Cut-off (pre-announcement)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="120" />
        <source>基准日</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="121" />
        <source>公示天数</source>
        <translation>Posting days</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="122" />
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="123" />
        <source>征迁办</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="124" />
        <source>征迁办电话</source>
        <translation>Office phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="125" />
        <source>签约地点</source>
        <translation>Signing place</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="126" />
        <source>监督电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="127" />
        <source>标准版本</source>
        <translation>Standard version</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="128" />
        <source>合计(元)</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="129" />
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="130" />
        <source>明细摘要</source>
        <translation>Lines digest</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="131" />
        <source>计算依据摘要</source>
        <translation>Basis digest</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="132" />
        <source>计算时间</source>
        <translation>Computed at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="133" />
        <source>计算人</source>
        <translation>Computed by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="134" />
        <source>复核时间</source>
        <translation>Reviewed at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="135" />
        <source>复核人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="136" />
        <source>签约日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="137" />
        <source>过渡月数</source>
        <translation>Transition months</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="138" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="140" />
        <source>创建时间</source>
        <translation>Created at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="141" />
        <source>创建人</source>
        <translation>Created by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="142" />
        <source>规则编码</source>
        <translation>Rule code</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="143" />
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="144" />
        <source>单价(元)</source>
        <translation>Unit price (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="145" />
        <source>算式</source>
        <translation>Formula</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="146" />
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="147" />
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="148" />
        <source>最低</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="149" />
        <source>最高</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="150" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="151" />
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="152" />
        <source>依据文件</source>
        <translation>Source document</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="153" />
        <source>基于</source>
        <translation>Based on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="154" />
        <source>发布时间</source>
        <translation>Published at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="155" />
        <source>发布人</source>
        <translation>Published by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="156" />
        <source>设定时间</source>
        <translation>Set at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="157" />
        <source>设定人</source>
        <translation>Set by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="158" />
        <source>字号</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="159" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="160" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="161" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="162" />
        <source>出具时间</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="163" />
        <source>出具人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="164" />
        <source>内容快照</source>
        <translation>Content snapshot</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="165" />
        <source>打印次数</source>
        <translation>Times printed</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="166" />
        <source>最近打印时间</source>
        <translation>Last printed at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="167" />
        <source>最近打印人</source>
        <translation>Last printed by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="168" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="169" />
        <source>密码（散列）</source>
        <translation>Password (hash)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="170" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="171" />
        <source>登录失败次数</source>
        <translation>Failed logins</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="172" />
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="173" />
        <source>须改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="174" />
        <source>改密时间</source>
        <translation>Password changed at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="175" />
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="176" />
        <source>安置方式</source>
        <translation>Resettlement option</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="177" />
        <source>付款计划</source>
        <translation>Payment plan</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="178" />
        <source>腾房日期</source>
        <translation>Vacated on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="179" />
        <source>期次</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="180" />
        <source>比例(%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="181" />
        <source>付款日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="182" />
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="183" />
        <source>笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="184" />
        <source>银行格式</source>
        <translation>Bank format</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="185" />
        <source>审计链头</source>
        <translation>Audit chain head</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="186" />
        <source>回单校验值</source>
        <translation>Return check value</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="187" />
        <source>回单时间</source>
        <translation>Return time</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="188" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="189" />
        <source>失败原因</source>
        <translation>Failure reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="190" />
        <source>结果时间</source>
        <translation>Result time</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="191" />
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="192" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="193" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="194" />
        <source>添加人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="195" />
        <source>添加时间</source>
        <translation>Added at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="196" />
        <source>存放位置</source>
        <translation>Stored at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="197" />
        <source>承诺交房日期</source>
        <translation>Promised handover date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="198" />
        <source>楼号</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="199" />
        <source>层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="200" />
        <source>房号</source>
        <translation>Flat no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="201" />
        <source>户型</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="202" />
        <source>冻结原因</source>
        <translation>Frozen because</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="203" />
        <source>人均安置面积(㎡)</source>
        <translation>Area per person (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="204" />
        <source>每户最低安置面积(㎡)</source>
        <translation>Minimum area per household (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="205" />
        <source>安置价(元/㎡)</source>
        <translation>Resettlement price (yuan/㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="206" />
        <source>超出面积分档(㎡)</source>
        <translation>Excess area bands (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="207" />
        <source>超出面积单价(元/㎡)</source>
        <translation>Excess area price (yuan/㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="208" />
        <source>不足面积退还单价(元/㎡)</source>
        <translation>Shortfall refund price (yuan/㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="209" />
        <source>过渡费(元/人·月)</source>
        <translation>Transition (yuan/person·month)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="210" />
        <source>逾期过渡费倍数</source>
        <translation>Overdue transition factor</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="211" />
        <source>装修期(月)</source>
        <translation>Fit-out (months)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="212" />
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="213" />
        <source>搬出日期</source>
        <translation>Moved out on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="214" />
        <source>过号</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="215" />
        <source>第几套</source>
        <translation>Flat number</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="216" />
        <source>产权人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="217" />
        <source>提前选房</source>
        <translation>Chose early</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="218" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="219" />
        <source>选房时间</source>
        <translation>Chosen at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="220" />
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="221" />
        <source>抽签范围</source>
        <translation>Lottery scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="222" />
        <source>种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="223" />
        <source>名单摘要</source>
        <translation>List digest</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="224" />
        <source>顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="225" />
        <source>重抽原因</source>
        <translation>Redraw reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="226" />
        <source>抽签时间</source>
        <translation>Drawn at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="227" />
        <source>抽签人</source>
        <translation>Drawn by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="228" />
        <source>交房日期</source>
        <translation>Handover date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="229" />
        <source>钥匙</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="230" />
        <source>水表读数</source>
        <translation>Water meter</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="231" />
        <source>电表读数</source>
        <translation>Electricity meter</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="232" />
        <source>燃气表读数</source>
        <translation>Gas meter</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="233" />
        <source>流水号</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="234" />
        <source>入住通知单号</source>
        <translation>Move-in notice no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="235" />
        <source>办证状态</source>
        <translation>Title deed status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="236" />
        <source>最低年龄</source>
        <translation>Minimum age</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="237" />
        <source>最高年龄</source>
        <translation>Maximum age</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="238" />
        <source>男性退休年龄</source>
        <translation>Men retire at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="239" />
        <source>女性退休年龄</source>
        <translation>Women retire at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="240" />
        <source>回访间隔(月)</source>
        <translation>Follow-up interval (months)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="241" />
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="242" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="243" />
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="244" />
        <source>月收入(元)</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="245" />
        <source>未就业起始</source>
        <translation>Without work since</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="246" />
        <source>更新时间</source>
        <translation>Updated at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="247" />
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="248" />
        <source>培训机构</source>
        <translation>Training provider</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="249" />
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="250" />
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="251" />
        <source>出勤学时</source>
        <translation>Hours attended</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="252" />
        <source>是否结业</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="253" />
        <source>证书名称</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="254" />
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="255" />
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="256" />
        <source>人数</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="257" />
        <source>证书要求</source>
        <translation>Certificate required</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="258" />
        <source>月薪(元)</source>
        <translation>Monthly pay (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="259" />
        <source>推荐理由</source>
        <translation>Why referred</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="260" />
        <source>推荐日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="261" />
        <source>结果日期</source>
        <translation>Result on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="262" />
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="263" />
        <source>年龄段</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="264" />
        <source>起始年龄</source>
        <translation>From age</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="265" />
        <source>截止年龄</source>
        <translation>To age</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="266" />
        <source>待遇</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="267" />
        <source>回执年龄段</source>
        <translation>Receipt age band</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="268" />
        <source>审核结果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="269" />
        <source>核对时间</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="270" />
        <source>应完成日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="271" />
        <source>适用</source>
        <translation>Applies</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="272" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="273" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="274" />
        <source>截止日后婚育是否计入</source>
        <translation>Count marriages and births after cut-off</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="275" />
        <source>提前打印协议的理由</source>
        <translation>Reason for early agreement printing</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="276" />
        <source>提前打印协议的批准人</source>
        <translation>Early printing approved by</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="277" />
        <source>提前打印协议的批准时间</source>
        <translation>Early printing approved at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="278" />
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="279" />
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="280" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="281" />
        <source>涉及对象</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="282" />
        <source>涉及内容</source>
        <translation>Subject matter</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="283" />
        <source>公示</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="284" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="285" />
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="286" />
        <source>期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="287" />
        <source>期限单位</source>
        <translation>Period unit</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="288" />
        <source>答复期限</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="289" />
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="290" />
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="291" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="292" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="293" />
        <source>载入时间</source>
        <translation>Loaded at</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="294" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="295" />
        <source>村名</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="296" />
        <source>组名</source>
        <translation>Group name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="297" />
        <source>标准名称</source>
        <translation>Standard name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="298" />
        <source>课程名称</source>
        <translation>Course name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="299" />
        <source>小区名称</source>
        <translation>Estate name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="300" />
        <source>账户名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="301" />
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="302" />
        <source>节日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="303" />
        <source>计算状态</source>
        <translation>Computation status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="304" />
        <source>协议状态</source>
        <translation>Agreement status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="305" />
        <source>协议种类</source>
        <translation>Agreement kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="306" />
        <source>批次状态</source>
        <translation>Batch status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="307" />
        <source>房源状态</source>
        <translation>Flat status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="308" />
        <source>抽签状态</source>
        <translation>Lottery status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="309" />
        <source>推荐状态</source>
        <translation>Referral status</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="310" />
        <source>劳动能力</source>
        <translation>Ability to work</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="311" />
        <source>付款条件</source>
        <translation>Payment condition</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="312" />
        <source>法定最短期限</source>
        <translation>Statutory minimum</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="313" />
        <source>休/班</source>
        <translation>Off/Work</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="314" />
        <source>材料种类</source>
        <translation>Material kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="315" />
        <source>要件种类</source>
        <translation>Document kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="316" />
        <source>文书种类</source>
        <translation>Document kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/history.py" line="317" />
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
</context>
<context>
    <name>HolidayModel</name>
    <message>
        <location filename="../../ui/procedure/models.py" line="27" />
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="28" />
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="29" />
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="30" />
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="31" />
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="32" />
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="33" />
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="132" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="134" />
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="137" />
        <source>休/班</source>
        <translation>Off/Work</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="138" />
        <source>节日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="139" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>HolidayPage</name>
    <message>
        <location filename="../../ui/procedure/window.py" line="375" />
        <source>导入节假日表…</source>
        <translation>Import holiday table…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="376" />
        <source>导出节假日表…</source>
        <translation>Export holiday table…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="381" />
        <source>读取节假日表</source>
        <translation>Reading the holiday table</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="396" />
        <source>已知年份：{y}。其他年份的日期无法推算工作日，请导入国务院办公厅当年的节假日安排（工作簿「节假日」：日期、休/班）。</source>
        <translation>Known years: {y}. Working days of other years cannot be counted; import the State Council's holiday schedule for that year (workbook sheet 节假日: 日期, 休/班).</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="397" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="401" />
        <location filename="../../ui/procedure/window.py" line="404" />
        <source>导出节假日表</source>
        <translation>Export holiday table</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="401" />
        <source>节假日.xlsx</source>
        <translation>holidays.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="407" />
        <location filename="../../ui/procedure/window.py" line="410" />
        <source>导入节假日表</source>
        <translation>Import holiday table</translation>
    </message>
</context>
<context>
    <name>HouseholdActions</name>
    <message>
        <location filename="../../ui/controllers/households.py" line="36" />
        <location filename="../../ui/controllers/households.py" line="67" />
        <source>新建户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/households.py" line="37" />
        <source>编辑户…</source>
        <translation>Edit household…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/households.py" line="38" />
        <source>删除户…</source>
        <translation>Delete household…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/households.py" line="67" />
        <source>请先导入或建立项目和村民小组。</source>
        <translation>Import or create a project and village groups first.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/households.py" line="78" />
        <source>打不开</source>
        <translation>Cannot open</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../ui/household_editor.py" line="101" />
        <source>户信息</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="119" />
        <source>由计算、复核等操作决定，不能手工修改</source>
        <translation>Set by what was done (compute, review); it cannot be typed</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="123" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="124" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="125" />
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="126" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="127" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="128" />
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="129" />
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="130" />
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="131" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="132" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="145" />
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="146" />
        <source>被征收土地</source>
        <translation>Land taken</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="147" />
        <location filename="../../ui/household_editor.py" line="316" />
        <source>房屋</source>
        <translation>Houses</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="148" />
        <location filename="../../ui/household_editor.py" line="317" />
        <source>附着物</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="160" />
        <source>补偿</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="161" />
        <source>变更记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="166" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="169" />
        <source>删除此户…</source>
        <translation>Delete household…</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="171" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="204" />
        <source>新建户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="218" />
        <source>添加一行 (Ins)</source>
        <translation>Add row (Ins)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="219" />
        <source>删除所选行</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="241" />
        <source>户信息 — {0} {1}</source>
        <translation>Household — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="278" />
        <source>新建，未保存</source>
        <translation>New, not saved</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="305" />
        <source>户号不能为空</source>
        <translation>Household no. is required</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="306" />
        <source>户主不能为空</source>
        <translation>Head is required</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="312" />
        <source>请选择村民小组</source>
        <translation>Choose a village group</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="314" />
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="315" />
        <source>土地</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="331" />
        <source>（另有 {0} 处）</source>
        <translation> ({0} more)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="373" />
        <location filename="../../ui/household_editor.py" line="376" />
        <source>不能保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="388" />
        <source>删除此户</source>
        <translation>Delete household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="389" />
        <source>删除户 {0}（户主 {1}）及其全部成员、土地、房屋记录。
请填写删除原因（将记入审计记录）：</source>
        <translation>Delete household {0} (head {1}) with all its members, land and houses.
Reason (kept in the audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="398" />
        <source>未删除</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="409" />
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="410" />
        <source>本户有未保存的修改。保存吗？</source>
        <translation>Save the changes to this household?</translation>
    </message>
</context>
<context>
    <name>HouseholdPlacementDialog</name>
    <message>
        <location filename="../../ui/housing/moving.py" line="235" />
        <source>安置人口与安置方式</source>
        <translation>Resettled persons and option</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="241" />
        <source>已搬迁腾空</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="245" />
        <source>保存安置方式</source>
        <translation>Save option</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="247" />
        <source>认定 / 不认定所选成员…</source>
        <translation>Count / exclude selected member…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="249" />
        <source>保存搬迁日期</source>
        <translation>Save move-out date</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="255" />
        <source>安置方式</source>
        <translation>Resettlement option</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="260" />
        <source>搬迁腾空日期</source>
        <translation>Move-out date</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="264" />
        <source>家庭成员（✓ 为安置人口；不认定须写明原因）</source>
        <translation>Members (✓ counted for resettlement; an exclusion needs a reason)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="275" />
        <source>安置人口与安置方式 — {0} {1}</source>
        <translation>Resettled persons and option — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="276" />
        <source>（未发布安置标准）</source>
        <translation>(no published resettlement standard)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="277" />
        <source>安置人口 {0} 人，应安置面积 {1}</source>
        <translation>{0} resettled persons, entitled area {1}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="285" />
        <source>　不认定：{0}</source>
        <translation>  excluded: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="308" />
        <source>不认定</source>
        <translation>Exclude</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="308" />
        <source>认定</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="309" />
        <source>{0}「{1}」为安置人口的原因：</source>
        <translation>Reason to {0} “{1}” as a resettled person:</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/models/household_table.py" line="169" />
        <source>{0}（匹配：{1}）</source>
        <translation>{0} (match: {1})</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="170" />
        <source>搜索匹配的是家庭成员 {0}，不是户主</source>
        <translation>The search matched member {0}, not the head</translation>
    </message>
</context>
<context>
    <name>HousingArea</name>
    <message>
        <location filename="../../ui/housing/__init__.py" line="19" />
        <source>安置(&amp;A)</source>
        <translation>Ho&amp;using</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="22" />
        <source>安置小区与房源…</source>
        <translation>Estates and flats…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="23" />
        <source>安置标准…</source>
        <translation>Resettlement standard…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="25" />
        <source>抽签…</source>
        <translation>Lottery…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="26" />
        <source>选房现场…</source>
        <translation>Flat selection…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="27" />
        <source>导入选房结果…</source>
        <translation>Import selection results…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="29" />
        <source>差价结算与模拟安置…</source>
        <translation>Price difference and trial placement…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="30" />
        <source>过渡费发放表…</source>
        <translation>Transition allowance list…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="31" />
        <source>安置人口与安置方式（所选户）…</source>
        <translation>Resettled persons and option (selected household)…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="32" />
        <source>交房（所选户）…</source>
        <translation>Handover (selected household)…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="19" />
        <location filename="../../ui/housing/__init__.py" line="69" />
        <source>安置</source>
        <translation>Resettlement</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="69" />
        <location filename="../../ui/housing/__init__.py" line="77" />
        <source>请先在户表中选择一户。</source>
        <translation>Choose a household in the register first.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="77" />
        <source>交房</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="88" />
        <location filename="../../ui/housing/__init__.py" line="97" />
        <source>导入选房结果</source>
        <translation>Import selection results</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="88" />
        <source>工作簿 (*.xlsx *.xls *.ods)</source>
        <translation>Workbooks (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="98" />
        <source>已导入 {0} 户：{1} 套房，货币安置 {2} 户</source>
        <translation>Imported {0} households: {1} flats, {2} cash settlements</translation>
    </message>
    <message>
        <location filename="../../ui/housing/__init__.py" line="105" />
        <source>正在导入选房结果…</source>
        <translation>Importing the selection results…</translation>
    </message>
</context>
<context>
    <name>HousingDialog</name>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="68" />
        <source>工作簿 (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Workbooks (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../ui/controllers/imports.py" line="22" />
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="23" />
        <source>公示表</source>
        <translation>Posting sheet</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="24" />
        <source>兑付清册</source>
        <translation>Payment list</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="25" />
        <source>补偿汇总与明细</source>
        <translation>Compensation summary and details</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="36" />
        <source>导入调查表…</source>
        <translation>Import survey…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="39" />
        <source>导入批次…</source>
        <translation>Import batches…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="72" />
        <source>导出{0}</source>
        <translation>Export {0}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="77" />
        <source>导出{0}：{1}</source>
        <translation>Export {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="81" />
        <source>正在导出{0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="45" />
        <location filename="../../ui/controllers/imports.py" line="83" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="83" />
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="116" />
        <location filename="../../ui/controllers/imports.py" line="132" />
        <source>撤销导入批次</source>
        <translation>Undo import batch</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="117" />
        <source>撤销批次 {0}（{1}，{2} 户）将删除该批导入的户。
请填写原因：</source>
        <translation>Undoing batch {0} ({1}, {2} households) deletes the households it imported.
Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="132" />
        <source>
仍要撤销吗？</source>
        <translation>
Undo anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="137" />
        <source>正在撤销导入批次…</source>
        <translation>Undoing the import batch…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="140" />
        <source>已撤销，删除 {0} 户</source>
        <translation>Undone: {0} households removed</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="517" />
        <source>导入调查表</source>
        <translation>Import survey</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="559" />
        <source>正在读取和检查…</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="576" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <location filename="../../ui/models/import_models.py" line="21" />
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="22" />
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="23" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="24" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="25" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="26" />
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="27" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="37" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="39" />
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="228" />
        <source>园区岗位与推荐</source>
        <translation>Park jobs and referrals</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="237" />
        <source>导入岗位表…</source>
        <translation>Import job list…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="238" />
        <source>按要求推荐</source>
        <translation>Refer by requirements</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="239" />
        <source>面试</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="240" />
        <source>录用</source>
        <translation>Hired</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="241" />
        <source>未录用</source>
        <translation>Not hired</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="253" />
        <source>导入岗位表</source>
        <translation>Import job list</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="253" />
        <source>正在导入岗位表…</source>
        <translation>Importing the job list…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="253" />
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="259" />
        <source>已推荐 {0} 人（失地农民优先，其次受过该类培训者，再次未就业最久者）</source>
        <translation>{0} persons referred (landless farmers first, then those trained for the job, then the longest without work)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="262" />
        <source>正在匹配岗位…</source>
        <translation>Matching jobs…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="265" />
        <source>请先在下方选择一条推荐记录。</source>
        <translation>Choose a referral below first.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="269" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../ui/models/compensation.py" line="31" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="32" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="33" />
        <source>单价(元)</source>
        <translation>Unit price (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="34" />
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="35" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="36" />
        <source>计算式</source>
        <translation>Formula</translation>
    </message>
</context>
<context>
    <name>LivelihoodArea</name>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="28" />
        <source>就业社保(&amp;L)</source>
        <translation>&amp;Livelihood</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="30" />
        <source>就业社保看板…</source>
        <translation>Livelihood dashboard…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="32" />
        <source>劳动力状况与回访…</source>
        <translation>Labour status and follow-ups…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="33" />
        <source>园区岗位与推荐…</source>
        <translation>Park jobs and referrals…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="34" />
        <source>技能培训…</source>
        <translation>Skills training…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="35" />
        <source>被征地农民养老保障…</source>
        <translation>Pension cover for landless farmers…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="37" />
        <source>导出监测月报…</source>
        <translation>Export monthly report…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="38" />
        <source>就业设置…</source>
        <translation>Employment settings…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="28" />
        <source>就业社保</source>
        <translation>Livelihood</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="73" />
        <source>导出监测月报</source>
        <translation>Export monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="74" />
        <source>监测月报.xlsx</source>
        <translation>monthly-report.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="75" />
        <source>Excel 工作簿 (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="80" />
        <source>正在导出监测月报…</source>
        <translation>Exporting the monthly report…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/__init__.py" line="97" />
        <source>正在保存就业设置…</source>
        <translation>Saving the employment settings…</translation>
    </message>
</context>
<context>
    <name>LivelihoodModels</name>
    <message>
        <location filename="../../ui/livelihood/models.py" line="36" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="38" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="63" />
        <location filename="../../ui/livelihood/models.py" line="100" />
        <location filename="../../ui/livelihood/models.py" line="192" />
        <location filename="../../ui/livelihood/models.py" line="219" />
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="64" />
        <source>调查户数</source>
        <translation>Surveyed households</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="65" />
        <source>已计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="66" />
        <source>已复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="67" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="68" />
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="69" />
        <source>部分兑付</source>
        <translation>Partly paid</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="70" />
        <source>已选房</source>
        <translation>Flat chosen</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="71" />
        <source>已交房</source>
        <translation>Flat handed over</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="72" />
        <source>劳动年龄失地人员</source>
        <translation>Landless of working age</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="73" />
        <source>已就业</source>
        <translation>Employed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="74" />
        <source>就业率(%)</source>
        <translation>Employment rate (%)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="75" />
        <source>培训结业</source>
        <translation>Training completed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="76" />
        <location filename="../../ui/livelihood/models.py" line="163" />
        <source>取得证书</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="77" />
        <source>园区录用</source>
        <translation>Hired in park</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="78" />
        <source>社保参保</source>
        <translation>Social security enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="87" />
        <location filename="../../ui/livelihood/models.py" line="138" />
        <location filename="../../ui/livelihood/models.py" line="173" />
        <location filename="../../ui/livelihood/models.py" line="190" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="88" />
        <location filename="../../ui/livelihood/models.py" line="139" />
        <location filename="../../ui/livelihood/models.py" line="174" />
        <location filename="../../ui/livelihood/models.py" line="191" />
        <location filename="../../ui/livelihood/models.py" line="212" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="89" />
        <location filename="../../ui/livelihood/models.py" line="175" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="90" />
        <location filename="../../ui/livelihood/models.py" line="117" />
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="91" />
        <source>劳动力类别</source>
        <translation>Labour category</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="93" />
        <location filename="../../ui/livelihood/models.py" line="195" />
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="94" />
        <location filename="../../ui/livelihood/models.py" line="196" />
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="96" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="97" />
        <location filename="../../ui/livelihood/models.py" line="113" />
        <location filename="../../ui/livelihood/models.py" line="137" />
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="98" />
        <location filename="../../ui/livelihood/models.py" line="158" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="99" />
        <source>月收入(元)</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="101" />
        <location filename="../../ui/livelihood/models.py" line="177" />
        <location filename="../../ui/livelihood/models.py" line="193" />
        <location filename="../../ui/livelihood/models.py" line="220" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="112" />
        <location filename="../../ui/livelihood/models.py" line="136" />
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="114" />
        <location filename="../../ui/livelihood/models.py" line="156" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="115" />
        <source>人数</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="121" />
        <source>性别要求</source>
        <translation>Sex required</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="122" />
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="124" />
        <source>证书要求</source>
        <translation>Certificate required</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="125" />
        <source>月薪(元)</source>
        <translation>Monthly pay (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="126" />
        <source>推荐中</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="127" />
        <source>已录用</source>
        <translation>Hired</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="140" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="141" />
        <source>推荐日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="142" />
        <source>结果日期</source>
        <translation>Result on</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="143" />
        <source>推荐理由</source>
        <translation>Why referred</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="155" />
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="157" />
        <source>培训机构</source>
        <translation>Training provider</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="159" />
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="160" />
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="161" />
        <source>报名</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="162" />
        <location filename="../../ui/livelihood/models.py" line="179" />
        <source>结业</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="176" />
        <source>村组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="178" />
        <source>出勤学时</source>
        <translation>Hours attended</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="180" />
        <source>证书名称</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="181" />
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="199" />
        <source>上次回访</source>
        <translation>Last follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="200" />
        <source>从未回访</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="202" />
        <source>应回访日期</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="211" />
        <source>对账结果</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="213" />
        <source>姓名（本办）</source>
        <translation>Name (office)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="214" />
        <source>姓名（回执）</source>
        <translation>Name (receipt)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="215" />
        <source>年龄段（本办）</source>
        <translation>Age band (office)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="216" />
        <source>年龄段（回执）</source>
        <translation>Age band (receipt)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="217" />
        <source>审核结果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/models.py" line="218" />
        <source>备注（回执）</source>
        <translation>Remarks (receipt)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/payments/login.py" line="55" />
        <source>已锁定 — 请重新登录</source>
        <translation>Locked — log in again</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="79" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="62" />
        <source>长时间无操作，窗口已锁定。请输入密码继续，或换一个账户登录。</source>
        <translation>The window was locked after a long idle time. Enter your password to continue, or log in with another account.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="55" />
        <source>登录 — 征迁安置管理（{0}）</source>
        <translation>Log in — Resettle ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="60" />
        <source>此数据库已启用账户，请登录：</source>
        <translation>This database uses accounts. Log in:</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="64" />
        <source>窗口已锁定。请输入密码继续，或换一个账户登录。</source>
        <translation>The window is locked. Enter your password to continue, or log in with another account.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="70" />
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="71" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="81" />
        <source>退出程序</source>
        <translation>Quit program</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="81" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="95" />
        <source>退出程序？窗口中尚未保存的修改不会保存；要继续工作，请输入密码登录。</source>
        <translation>Quit the program? Changes not yet saved in its windows are not saved; to go on working, log in with your password.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="116" />
        <source>管理员重置了此账户的密码：设置新密码后才能继续。</source>
        <translation>An administrator reset this account's password: set a new one to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="127" />
        <location filename="../../ui/payments/login.py" line="136" />
        <source>设置新密码</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <location filename="../../ui/payments/login.py" line="129" />
        <source>管理员重置了此账户的密码。请设置一个只有您知道的新密码。</source>
        <translation>An administrator reset this account's password. Set a new one that only you know.</translation>
    </message>
</context>
<context>
    <name>LotteryDialog</name>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="245" />
        <location filename="../../ui/housing/dialogs.py" line="246" />
        <location filename="../../ui/housing/dialogs.py" line="259" />
        <source>抽签</source>
        <translation>Lottery</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="250" />
        <source>现场公开产生的种子，如 公证员摇出的号码</source>
        <translation>Seed drawn in public on site, e.g. the number rolled by the notary</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="260" />
        <source>重新抽签…</source>
        <translation>Redraw…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="261" />
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="262" />
        <source>打印抽签记录…</source>
        <translation>Print lottery record…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="266" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="267" />
        <source>种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="283" />
        <source>本范围尚未抽签。</source>
        <translation>No lottery drawn for this scope yet.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="286" />
        <source>种子「{0}」，{1} 户，摘要 {2}</source>
        <translation>Seed “{0}”, {1} households, digest {2}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="293" />
        <source>请先输入现场公开产生的种子。</source>
        <translation>Enter the seed drawn in public on site first.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="300" />
        <source>重新抽签</source>
        <translation>Redraw</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="300" />
        <source>重新抽签的原因（原记录保留）：</source>
        <translation>Reason for the redraw (the earlier record is kept):</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="311" />
        <source>打印抽签记录</source>
        <translation>Print lottery record</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="311" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="311" />
        <source>抽签记录.pdf</source>
        <translation>lottery-record.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="315" />
        <source>正在打印抽签记录…</source>
        <translation>Printing the lottery record…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <location filename="../../ui/main_window.py" line="290" />
        <source>征迁安置管理</source>
        <translation>Resettle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>只显示处于这一步的户</source>
        <translation>Show only households at this step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>搜索：户号、姓名、拼音首字母（如 zs）、身份证号或电话</source>
        <translation>Search: household no., name, pinyin initials (e.g. zs), ID or phone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319" />
        <source>显示列…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320" />
        <location filename="../../ui/main_window.py" line="737" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321" />
        <source>使用指南…</source>
        <translation>Guide…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377" />
        <source>当前账户（{0}）管理账户、从备份恢复，看不到各户的数据。办理业务请在「协议兑付」菜单中选「锁定 / 切换账户」，以经办、审核、财务或审计账户登录。</source>
        <translation>This account ({0}) manages accounts and restores from backups; it does not see the households' data. To work on cases, choose 'Lock / switch account' in the Payments menu and log in as a clerk, reviewer, finance or auditor account.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527" />
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="605" />
        <source>{0}（{1} 户）</source>
        <translation>{0} ({1} households)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="648" />
        <source>共 {0:,} 户</source>
        <translation>{0:,} households</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="661" />
        <source>（匹配过多，只列出一部分，请多输入几个字）</source>
        <translation> (many matches; only some are listed — type more)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="666" />
        <source>整个登记册</source>
        <translation>the whole register</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="668" />
        <source>没有与「{0}」匹配的户。只在左侧所选的范围里查找（{1}）；可换个写法，如拼音首字母、户号或身份证号的前几位。</source>
        <translation>No household matches '{0}'. The search looks only in what is chosen on the left ({1}); try another spelling: pinyin initials, the household no. or the first digits of an ID.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="679" />
        <source>已选 {0} 户</source>
        <translation>{0} selected</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="738" />
        <source>征迁安置管理 {0}

征地拆迁入户调查、补偿计算、文书打印。</source>
        <translation>Resettle {0}

Expropriation surveys, compensation and documents.</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="39" />
        <source>户号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="40" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="41" />
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="42" />
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="43" />
        <source>人数</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="44" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="45" />
        <source>土地(亩)</source>
        <translation>Land (mu)</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="46" />
        <source>房屋(㎡)</source>
        <translation>Houses (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="47" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="48" />
        <source>补偿合计(元)</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="53" />
        <source>已调查</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="54" />
        <source>已计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="55" />
        <source>已复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="56" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_table.py" line="57" />
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="71" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="72" />
        <source>户主姓名</source>
        <translation>Head's name</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="73" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="74" />
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="75" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="76" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="77" />
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="78" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="79" />
        <source>地类</source>
        <translation>Land class</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="80" />
        <source>征收土地面积(亩)</source>
        <translation>Land taken (mu)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="81" />
        <source>房屋结构</source>
        <translation>House structure</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="82" />
        <source>建筑面积(㎡)</source>
        <translation>Floor area (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="83" />
        <source>果树(棵)</source>
        <translation>Fruit trees</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="84" />
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="85" />
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="86" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="165" />
        <source>工作表和列</source>
        <translation>Sheets and columns</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="166" />
        <source>核对每一项对应的列；改动后点「重新识别」。可以把映射保存为本办公室的方案。</source>
        <translation>Check the column of each field; after changes click Re-read. The mapping can be saved as this office's profile.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="185" />
        <source>重新识别</source>
        <translation>Re-read</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="187" />
        <source>保存为映射方案…</source>
        <translation>Save as profile…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="191" />
        <source>预览工作表</source>
        <translation>Preview sheet</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="224" />
        <source>读取的工作表：</source>
        <translation>Sheets to read:</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="257" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="262" />
        <source>{0}：{1} 户，{2} 人，表头在第 {3} 行</source>
        <translation>{0}: {1} households, {2} persons, header in row {3}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="263" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="264" />
        <source>没有找到调查表格式的工作表</source>
        <translation>No sheet looks like a survey</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="297" />
        <source>保存映射方案</source>
        <translation>Save mapping profile</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="297" />
        <source>方案名称（例如本乡镇名称）：</source>
        <translation>Profile name (e.g. the township):</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="304" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../ui/models/household_parts.py" line="142" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="143" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="144" />
        <source>与户主关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="145" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="146" />
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="147" />
        <source>户口性质</source>
        <translation>Hukou type</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="148" />
        <source>安置人口</source>
        <translation>Resettled</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="149" />
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <location filename="../../ui/ops.py" line="99" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ParcelsModel</name>
    <message>
        <location filename="../../ui/models/household_parts.py" line="207" />
        <source>地块编号</source>
        <translation>Parcel no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="208" />
        <source>地类</source>
        <translation>Land class</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="209" />
        <source>面积(亩)</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="210" />
        <source>承包合同号</source>
        <translation>Contract no.</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="47" />
        <source>账户名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="48" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="52" />
        <source>原密码</source>
        <translation>Old password</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="57" />
        <source>新密码（至少 8 位）</source>
        <translation>New password (8 or more characters)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="58" />
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/payments/accounts_dialog.py" line="64" />
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>PaymentsArea</name>
    <message>
        <location filename="../../ui/payments/__init__.py" line="19" />
        <source>协议兑付(&amp;Y)</source>
        <translation>Pa&amp;yments</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="22" />
        <source>协议…</source>
        <translation>Agreements…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="23" />
        <source>兑付批次…</source>
        <translation>Payment batches…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="24" />
        <source>登记银行回盘…</source>
        <translation>Record bank return…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="25" />
        <source>对账…</source>
        <translation>Reconciliation…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="26" />
        <source>要件（所选户）…</source>
        <translation>Supporting documents (selected household)…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="28" />
        <source>账户…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="29" />
        <source>锁定 / 切换账户</source>
        <translation>Lock / switch account</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="19" />
        <source>协议兑付</source>
        <translation>Agreements and payments</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="51" />
        <source>要件</source>
        <translation>Supporting documents</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="51" />
        <source>请在登记表中选择一户。</source>
        <translation>Choose a household in the register.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="60" />
        <source>银行回盘文件</source>
        <translation>Bank return file</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="67" />
        <source>正在登记回盘…</source>
        <translation>Recording the bank return…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="71" />
        <source>银行回盘</source>
        <translation>Bank return</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="72" />
        <source>批次 {0}：成功 {1} 笔，失败 {2} 笔。</source>
        <translation>Batch {0}: {1} paid, {2} failed.</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="93" />
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/payments/__init__.py" line="93" />
        <source>此数据库没有启用账户。</source>
        <translation>This database has no accounts enabled.</translation>
    </message>
</context>
<context>
    <name>PaymentsModels</name>
    <message>
        <location filename="../../ui/payments/models.py" line="37" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/payments/models.py" line="39" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="136" />
        <source>劳动力状况与回访</source>
        <translation>Labour status and follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="143" />
        <source>劳动力状况</source>
        <translation>Labour status</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="144" />
        <source>待回访</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="148" />
        <source>导入就业表…</source>
        <translation>Import employment list…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="149" />
        <source>修改就业状况…</source>
        <translation>Edit employment…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="150" />
        <source>登记回访…</source>
        <translation>Record follow-up…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="151" />
        <source>就业经历</source>
        <translation>Employment history</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="159" />
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="171" />
        <source>共 {0} 人，劳动年龄失地人员 {1} 人，已就业 {2} 人；待回访 {3} 人</source>
        <translation>{0} persons, {1} landless of working age, {2} employed; {3} follow-ups due</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="175" />
        <source>粉色行：劳动年龄的失地人员中尚未就业的人（正在求职或尚未登记就业状况），应优先推荐岗位和培训。</source>
        <translation>Pink rows: land-lost people of working age not in work (looking for work or not yet registered), to be offered posts and training first.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="181" />
        <source>请先选择一个人。</source>
        <translation>Choose a person first.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="185" />
        <source>导入就业表</source>
        <translation>Import employment list</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="185" />
        <source>正在导入就业表…</source>
        <translation>Importing the employment list…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="185" />
        <source>就业情况</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="189" />
        <location filename="../../ui/livelihood/pages.py" line="208" />
        <source>请先在「劳动力状况」中选择一个人。</source>
        <translation>Choose a person under Labour status first.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="195" />
        <location filename="../../ui/livelihood/pages.py" line="205" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="216" />
        <source>回访 {0}　{1}　{2}</source>
        <translation>Follow-up {0}  {1}  {2}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="220" />
        <source>就业经历：{0}</source>
        <translation>Employment history: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="220" />
        <source>尚无记录</source>
        <translation>No records yet</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="196" />
        <source>登记公示</source>
        <translation>Record posting</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="210" />
        <source>公示名称</source>
        <translation>Posting title</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="211" />
        <source>张贴地点</source>
        <translation>Posted at</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="212" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="213" />
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="214" />
        <source>程序步骤</source>
        <translation>Procedure step</translation>
    </message>
</context>
<context>
    <name>PostingModel</name>
    <message>
        <location filename="../../ui/procedure/models.py" line="150" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="151" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="152" />
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="153" />
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="154" />
        <source>最早可结束</source>
        <translation>Earliest end</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="156" />
        <source>期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="157" />
        <source>期限不足</source>
        <translation>Too short</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="159" />
        <source>异议</source>
        <translation>Objections</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="160" />
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="161" />
        <source>审计链校验值</source>
        <translation>Audit chain check</translation>
    </message>
</context>
<context>
    <name>PostingPage</name>
    <message>
        <location filename="../../ui/procedure/window.py" line="342" />
        <source>登记公示…</source>
        <translation>Record posting…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="351" />
        <source>读取公示记录</source>
        <translation>Reading the postings</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="357" />
        <source>共 {n} 次公示</source>
        <translation>{n} postings</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="359" />
        <source>，其中 {k} 次期限不足（红色）</source>
        <translation>, {k} too short (red)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="367" />
        <source>登记公示</source>
        <translation>Record posting</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/print_actions.py" line="30" />
        <source>补偿通知书</source>
        <translation>Compensation notice</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="31" />
        <source>补偿安置协议</source>
        <translation>Compensation agreement</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="32" />
        <source>公示表</source>
        <translation>Posting sheet</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="33" />
        <source>领款单</source>
        <translation>Payment voucher</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="34" />
        <source>分配确认书</source>
        <translation>Allocation confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="35" />
        <source>入住通知单</source>
        <translation>Move-in notice</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="36" />
        <source>抽签记录</source>
        <translation>Lottery record</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="62" />
        <location filename="../../ui/controllers/printing.py" line="65" />
        <location filename="../../ui/controllers/printing.py" line="106" />
        <location filename="../../ui/controllers/printing.py" line="109" />
        <location filename="../../ui/controllers/printing.py" line="118" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="62" />
        <source>请先在表中选择要打印的户。</source>
        <translation>Select the households to print first.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="80" />
        <source>正在准备打印预览…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="91" />
        <source>打印预览 — {0}（样稿，不编号）</source>
        <translation>Print preview — {0} (draft, not numbered)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="116" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="138" />
        <source>正在导出 PDF…</source>
        <translation>Exporting PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="140" />
        <location filename="../../ui/controllers/printing.py" line="155" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="160" />
        <source>将出具正式{0}：{1} 份。其中 {2} 户已有编号，金额和条款未变的沿用原编号；最多新占用 {3} 个正式编号，编号一经占用不能收回。继续吗？</source>
        <translation>This issues {1} official {0}. {2} households already have a number, kept where amounts and terms are unchanged; up to {3} new official numbers will be used, and a used number cannot be taken back. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="152" />
        <location filename="../../ui/controllers/printing.py" line="163" />
        <source>正式导出</source>
        <translation>Official export</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="35" />
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="39" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="40" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="41" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="47" />
        <source>批量导出 PDF…</source>
        <translation>Export PDFs…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="50" />
        <source>核验文书…</source>
        <translation>Verify document…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="172" />
        <location filename="../../ui/controllers/printing.py" line="178" />
        <location filename="../../ui/controllers/printing.py" line="181" />
        <source>核验文书</source>
        <translation>Verify document</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/printing.py" line="172" />
        <source>输入文书上印的校验码：</source>
        <translation>Verification code printed on the document:</translation>
    </message>
</context>
<context>
    <name>ProcedureArea</name>
    <message>
        <location filename="../../ui/procedure/__init__.py" line="20" />
        <source>程序(&amp;R)</source>
        <translation>P&amp;rocedure</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/__init__.py" line="24" />
        <source>程序时间线…</source>
        <translation>Procedure timeline…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/__init__.py" line="25" />
        <location filename="../../ui/procedure/__init__.py" line="52" />
        <source>信访台账…</source>
        <translation>Grievance ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/__init__.py" line="26" />
        <source>公示记录…</source>
        <translation>Postings…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/__init__.py" line="27" />
        <source>节假日表…</source>
        <translation>Holiday table…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/__init__.py" line="42" />
        <source>统计逾期信访</source>
        <translation>Counting overdue grievances</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/__init__.py" line="53" />
        <source>（逾期 {n} 件）</source>
        <translation> ({n} overdue)</translation>
    </message>
</context>
<context>
    <name>ProcedureWindow</name>
    <message>
        <location filename="../../ui/procedure/window.py" line="439" />
        <source>征收程序与信访</source>
        <translation>Procedure and grievances</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="452" />
        <source>程序时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="453" />
        <source>信访台账</source>
        <translation>Grievances</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="454" />
        <source>公示记录</source>
        <translation>Postings</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="455" />
        <source>节假日表</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="480" />
        <source>征收程序与信访 — 未选项目</source>
        <translation>Procedure and grievances — no project chosen</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="481" />
        <source>未选项目：请先在登记表左侧选择一个项目，再从「程序」菜单打开本窗口。</source>
        <translation>No project chosen: choose a project on the left of the register first, then open this window from the Procedure menu.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="483" />
        <source>项目 {0}</source>
        <translation>Project {0}</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="484" />
        <source>征收程序与信访 — {0}</source>
        <translation>Procedure and grievances — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="487" />
        <source>项目：{0}（本窗口只显示和修改这个项目；要看别的项目，请在左侧选择后从「程序」菜单重新打开）</source>
        <translation>Project: {0} (this window shows and changes this project only; for another project, choose it on the left and open the Procedure menu again)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="500" />
        <source>读取项目名称</source>
        <translation>Reading the project name</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <location filename="../../ui/controllers/project.py" line="24" />
        <source>征迁安置管理</source>
        <translation>Resettle</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="70" />
        <source>数据库中还没有项目。请先导入调查表或新建项目。</source>
        <translation>No project yet. Import a survey or create a project first.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="72" />
        <source>{0}（编号 {1}）</source>
        <translation>{0} (no. {1})</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="76" />
        <source>数据库中有 {0} 个项目，请选择要{1}的项目：</source>
        <translation>The database holds {0} projects. Choose the project to {1}:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="103" />
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="104" />
        <source>当前项目：{0}</source>
        <translation>Project: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="106" />
        <source>{0} — 未选项目（共 {1} 个）</source>
        <translation>{0} — no project chosen ({1} in all)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="107" />
        <source>当前项目：未选（共 {0} 个，请在左侧选择）</source>
        <translation>Project: none chosen ({0} in all; choose one on the left)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="110" />
        <source>当前项目：无</source>
        <translation>Project: none</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="112" />
        <source>【演示】{0}</source>
        <translation>[Demo] {0}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="113" />
        <source>演示数据 · {0}</source>
        <translation>Demo data · {0}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="36" />
        <source>项目(&amp;J)</source>
        <translation>Pro&amp;ject</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="38" />
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="39" />
        <source>项目信息…</source>
        <translation>Project details…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="41" />
        <source>新建村…</source>
        <translation>New village…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="42" />
        <source>重命名村或组…</source>
        <translation>Rename village or group…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="67" />
        <source>当前账户不能{0}：管理员账户只管账户和从备份恢复。请在「协议兑付 → 锁定 / 切换账户」中以经办等账户登录。</source>
        <translation>This account cannot {0}: an administrator account only manages accounts and restores from backups. Log in with a clerk's or another account under Agreements and payments → Lock / switch account.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="143" />
        <source>修改信息</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="150" />
        <source>项目信息</source>
        <translation>Project details</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="166" />
        <location filename="../../ui/controllers/project.py" line="169" />
        <location filename="../../ui/controllers/project.py" line="176" />
        <source>新建村</source>
        <translation>New village</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="170" />
        <source>在「{0}」中新建村，村名：</source>
        <translation>New village in “{0}”, name:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="197" />
        <location filename="../../ui/controllers/project.py" line="203" />
        <location filename="../../ui/controllers/project.py" line="213" />
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="197" />
        <source>请先在左侧选择要改名的村或组。</source>
        <translation>Choose the village or group to rename on the left first.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/project.py" line="203" />
        <source>「{0}」改名为：</source>
        <translation>Rename “{0}” to:</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../ui/window_project.py" line="31" />
        <source>乡镇名称</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="32" />
        <source>征迁办名称</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="33" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="34" />
        <source>签约地点</source>
        <translation>Signing place</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="35" />
        <source>监督（投诉）电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="50" />
        <source>「{0}」不是有效日期：{1}（例：2026-05-20）</source>
        <translation>“{0}” is not a valid date: {1} (e.g. 2026-05-20)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="62" />
        <source>项目信息</source>
        <translation>Project details</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="62" />
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="65" />
        <source>例：城东片区征地项目</source>
        <translation>e.g. East district land project</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="67" />
        <source>例：浙政土〔2026〕12号</source>
        <translation>e.g. Zhe Zheng Tu [2026] 12</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="73" />
        <source>默认（{0} 天）</source>
        <translation>Default ({0} days)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="74" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="79" />
        <location filename="../../ui/window_project.py" line="137" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="80" />
        <source>批准文号</source>
        <translation>Approval no.</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="81" />
        <location filename="../../ui/window_project.py" line="125" />
        <source>批准日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="82" />
        <source>预公告日（截止日）</source>
        <translation>Cut-off (pre-announcement)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="83" />
        <source>基准日（计算年龄）</source>
        <translation>Reference date (for ages)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="84" />
        <source>公示期</source>
        <translation>Posting period</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="85" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="86" />
        <source>本项目文书上的乡镇信息（留空则用「设置」中的本办公室信息）</source>
        <translation>Township details on this project's documents (empty: the office's details from Settings)</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="92" />
        <source>默认：{0}</source>
        <translation>Default: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="92" />
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="96" />
        <source>村：{0}</source>
        <translation>Villages: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="96" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="103" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="104" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="116" />
        <source>年-月-日，可留空</source>
        <translation>year-month-day, may be empty</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="126" />
        <source>预公告日</source>
        <translation>Pre-announcement date</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="127" />
        <source>基准日</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <location filename="../../ui/window_project.py" line="137" />
        <source>项目名称不能为空</source>
        <translation>The project name is required</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/housing/models.py" line="66" />
        <source>顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="67" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="68" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="69" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>RateTableInfoDialog</name>
    <message>
        <location filename="../../ui/rate_table_info.py" line="32" />
        <source>补偿标准信息</source>
        <translation>Standard details</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="35" />
        <source>如 某政发〔2026〕12号</source>
        <translation>e.g. Zheng Fa [2026] 12</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="36" />
        <source>已定</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="48" />
        <source>此标准已发布，不能修改。要改，请在「补偿标准」中点「新建版本」，改好后再发布。</source>
        <translation>This standard is published and cannot be changed. To change it, use New version in Rate standards, edit it, then publish.</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="53" />
        <source>标准名称</source>
        <translation>Standard name</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="54" />
        <source>依据文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="58" />
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="64" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/rate_table_info.py" line="84" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>RateTablesModel</name>
    <message>
        <location filename="../../ui/models/compensation.py" line="56" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="58" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="59" />
        <source>第{0}版</source>
        <translation>v{0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="62" />
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="63" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="64" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="65" />
        <source>规则数</source>
        <translation>Rules</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../ui/rates_dialog.py" line="76" />
        <source>补偿标准</source>
        <translation>Rate tables</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="76" />
        <source>补偿标准 — {0}</source>
        <translation>Compensation standards — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="86" />
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="87" />
        <source>导出到 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="88" />
        <source>标准信息…</source>
        <translation>Standard details…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="89" />
        <location filename="../../ui/rates_dialog.py" line="210" />
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="90" />
        <source>新建版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="91" />
        <source>比较所选两版</source>
        <translation>Compare two selected</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="92" />
        <source>设为项目标准…</source>
        <translation>Use for project…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="121" />
        <source>还没有项目：导入调查表或新建项目后，可把已发布的标准设为项目标准。</source>
        <translation>No project yet: once a survey is imported or a project created, a published standard can be made its standard.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="123" />
        <source>「{0}」现行标准：{1}</source>
        <translation>Standard of “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="124" />
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="141" />
        <location filename="../../ui/rates_dialog.py" line="164" />
        <location filename="../../ui/rates_dialog.py" line="191" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="147" />
        <source>导入补偿标准</source>
        <translation>Import rate table</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="158" />
        <source>标准名称</source>
        <translation>Standard name</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="158" />
        <source>表中没有标准名称。请输入（将印在通知书和公示表上）：</source>
        <translation>The sheet names no standard. Enter its name (printed on notices and posting sheets):</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="175" />
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="177" />
        <source>保存错误报告…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="183" />
        <source>保存错误报告</source>
        <translation>Save error report</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="184" />
        <source>_错误报告.xlsx</source>
        <translation>_error-report.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="193" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="193" />
        <source>错误报告已保存到 {0}</source>
        <translation>Error report saved to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="199" />
        <source>导出补偿标准</source>
        <translation>Export rate table</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="211" />
        <source>发布「{0}」？发布后不能再修改，只能另建新版本。</source>
        <translation>Publish "{0}"? A published table cannot be changed; only a new version can.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="225" />
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="225" />
        <source>请按住 Ctrl 选择两个版本。</source>
        <translation>Hold Ctrl and select two versions.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="234" />
        <source>新增 {0} {1}：{2} 元/{3}</source>
        <translation>Added {0} {1}: {2} yuan/{3}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="237" />
        <source>删除 {0} {1}</source>
        <translation>Removed {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="239" />
        <source>修改 {0} {1}：{2} → {3} 元/{4}</source>
        <translation>Changed {0} {1}: {2} → {3} yuan/{4}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="241" />
        <source>{0} 与 {1}</source>
        <translation>{0} vs {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="242" />
        <source>两版规则完全相同。</source>
        <translation>The two versions have the same rules.</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="252" />
        <source>过渡月数</source>
        <translation>Transition months</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="253" />
        <source>过渡费按几个月计算：</source>
        <translation>Months of transition fee:</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="264" />
        <source>正在重新计算…</source>
        <translation>Recomputing…</translation>
    </message>
    <message>
        <location filename="../../ui/rates_dialog.py" line="269" />
        <source>正在比较两版标准的金额…</source>
        <translation>Pricing every household with both standards…</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="411" />
        <source>对账</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="418" />
        <source>差异</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="418" />
        <source>各户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="430" />
        <source>计算 {0:,.2f} 元　协议 {1:,.2f} 元　已付 {2:,.2f} 元　未付 {3:,.2f} 元</source>
        <translation>Computed {0:,.2f}  agreed {1:,.2f}  paid {2:,.2f}  unpaid {3:,.2f} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="434" />
        <source>账目相符</source>
        <translation>Accounts agree</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="434" />
        <source>差异 {0} 处</source>
        <translation>{0} differences</translation>
    </message>
</context>
<context>
    <name>RecordListModel</name>
    <message>
        <location filename="../../ui/models/household_parts.py" line="44" />
        <source>不能为空</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="63" />
        <source>性别应为「男」或「女」</source>
        <translation>Sex must be 男 or 女</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="79" />
        <source>请填写完整的出生日期（年月日），如 {0}</source>
        <translation>Enter the full birth date (year, month, day), e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="91" />
        <source>应为「是」或「否」</source>
        <translation>Must be 是 or 否</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="120" />
        <source>年份应为 1900 到今年之间的四位数</source>
        <translation>The year must have four digits, from 1900 to this year</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="129" />
        <source>应为：{0}</source>
        <translation>Must be one of: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/record_list.py" line="136" />
        <source>第 {0} 行「{1}」：{2}</source>
        <translation>Row {0}, “{1}”: {2}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="36" />
        <source>启动时</source>
        <translation>At start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="37" />
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="38" />
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="39" />
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="40" />
        <source>导入前</source>
        <translation>Before import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="41" />
        <source>兑付前</source>
        <translation>Before payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="130" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="160" />
        <source>选择备份文件…</source>
        <translation>Choose a backup file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="161" />
        <source>恢复用「备份到文件」另存的备份（如 U 盘上的）</source>
        <translation>Restore a backup saved with “Back up to file” (on a USB stick, say)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171" />
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="172" />
        <source>征迁数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Resettle database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="184" />
        <source>备份文件「{0}」</source>
        <translation>the backup file “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="188" />
        <source>{0} 的备份</source>
        <translation>the backup of {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134" />
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="152" />
        <source>恢复前会先把当前数据另存一份备份，恢复可以撤回。</source>
        <translation>The current data is backed up before restoring, so a restore can be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="154" />
        <source>还没有自动备份：程序在打开登记册时、导入和兑付之前自动备份；也可用「文件 → 立即备份」。</source>
        <translation>No automatic backups yet: the program backs up when a register is opened and before imports and payments; or use File → Back up now.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="158" />
        <source>恢复所选备份</source>
        <translation>Restore selected backup</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="216" />
        <source>培训结果：{0}</source>
        <translation>Training result: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="221" />
        <source>已结业</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="224" />
        <source>如 保安员证</source>
        <translation>e.g. security guard licence</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="226" />
        <source>出勤学时</source>
        <translation>Hours attended</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="228" />
        <source>证书名称</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="229" />
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location filename="../../ui/models/compensation.py" line="75" />
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="76" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="77" />
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="78" />
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="79" />
        <source>单价(元)</source>
        <translation>Unit price (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="80" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="81" />
        <source>最低(元)</source>
        <translation>Minimum (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="82" />
        <source>最高(元)</source>
        <translation>Maximum (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compensation.py" line="83" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <location filename="../../ui/housing/selection.py" line="60" />
        <source>选房现场</source>
        <translation>Flat selection</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="88" />
        <source>确认选房并打印确认书</source>
        <translation>Confirm and print confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="90" />
        <source>过号</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="92" />
        <source>改为货币安置</source>
        <translation>Switch to cash</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="94" />
        <source>撤销选房…</source>
        <translation>Undo the choice…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="96" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="114" />
        <source>抽签顺序</source>
        <translation>Lottery order</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="121" />
        <source>第一套房的产权人</source>
        <translation>Owner of the first flat</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="123" />
        <source>第二套房的产权人</source>
        <translation>Owner of the second flat</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="130" />
        <source>安置小区</source>
        <translation>Estate</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="193" />
        <source>请先叫号：在左侧的抽签顺序中选一户</source>
        <translation>Call a household first: choose one in the lottery order on the left</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="200" />
        <source>该户已选房；要改选请先「撤销选房…」</source>
        <translation>This household has chosen; to choose again, first use “Undo the choice…”</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="202" />
        <source>该户尚未选房</source>
        <translation>This household has not chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="235" />
        <source>本项目还没有房源</source>
        <translation>This project has no flats yet</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="255" />
        <source>共 {0} 套：</source>
        <translation>{0} flats:</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="287" />
        <source>没有待选房的户（或尚未抽签）。</source>
        <translation>No household waiting to choose (or no lottery yet).</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="289" />
        <source>（未发布安置标准）</source>
        <translation>(no published resettlement standard)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="290" />
        <source>未选</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="290" />
        <location filename="../../ui/housing/selection.py" line="376" />
        <location filename="../../ui/housing/selection.py" line="429" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="292" />
        <source>顺序号 {0}　户号 {1}　户主 {2}</source>
        <translation>Order {0}  household {1}  head {2}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="295" />
        <source>{0}{1}　安置方式：{2}</source>
        <translation>{0}{1}  option: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="296" />
        <source>安置人口 {0} 人，应安置面积 {1}</source>
        <translation>{0} resettled persons, entitled area {1}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="297" />
        <source>已选：{0}</source>
        <translation>Chosen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="345" />
        <source>请在房源图上选一套或两套可选的房。</source>
        <translation>Choose one or two available flats on the plan.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="350" />
        <source>正在保存选房…</source>
        <translation>Saving the choice…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="374" />
        <source>（先于抽签顺序选房，已记录）</source>
        <translation> (chosen ahead of the lottery order; recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="376" />
        <source>{0} 已选定 {1}{2}</source>
        <translation>{0} chose {1}{2}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="378" />
        <source>✓ 上一户：</source>
        <translation>✓ Previous household: </translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="391" />
        <source>安置房分配确认书</source>
        <translation>Flat allocation confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="399" />
        <source>正在准备分配确认书…</source>
        <translation>Preparing the allocation confirmation…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="410" />
        <source>正在登记打印…</source>
        <translation>Recording the print…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="433" />
        <source>撤销 {0} 的选房（{1} 恢复可选）。原因：</source>
        <translation>Undo the choice of {0} ({1} become available again). Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="438" />
        <source>撤销选房必须写明原因，未撤销。</source>
        <translation>Undoing a choice needs a reason; nothing was undone.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="445" />
        <source>已撤销 {0} 的选房：{1} 恢复可选</source>
        <translation>Choice of {0} undone: {1} available again</translation>
    </message>
    <message>
        <location filename="../../ui/housing/selection.py" line="453" />
        <source>{0} 改为货币安置，不再选房？</source>
        <translation>Switch {0} to cash settlement, with no flat?</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../ui/server_dialog.py" line="56" />
        <location filename="../../ui/server_dialog.py" line="111" />
        <source>连接服务器</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="58" />
        <source>（新的服务器）</source>
        <translation>(a new server)</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="67" />
        <source>例如 resettle</source>
        <translation>e.g. resettle</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="71" />
        <source>只在本次连接时使用，不会保存</source>
        <translation>Used for this connection only, never saved</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="76" />
        <source>最近连接</source>
        <translation>Recent servers</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="77" />
        <location filename="../../ui/server_dialog.py" line="108" />
        <source>服务器地址</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="78" />
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="79" />
        <location filename="../../ui/server_dialog.py" line="108" />
        <source>数据库名</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="80" />
        <location filename="../../ui/server_dialog.py" line="109" />
        <source>用户名</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="81" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="82" />
        <source>多位经办人同时使用一个项目时，请连接本单位的 PostgreSQL 服务器；不要把数据库文件放在网络共享文件夹里。</source>
        <translation>When several clerks work on one project at once, connect to your office's PostgreSQL server; never keep the database file on a network share.</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="111" />
        <source>请填写：{0}</source>
        <translation>Please fill in: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="57" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="60" />
        <source>自动选择（宋体/黑体优先）</source>
        <translation>Automatic (Song/Hei first)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="66" />
        <source>复制默认模板到数据目录以便修改</source>
        <translation>Copy default templates to the data folder for editing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="78" />
        <source>&lt;b&gt;乡镇信息&lt;/b&gt;（打印文书时使用）</source>
        <translation>&lt;b&gt;Township&lt;/b&gt; (used on printed documents)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79" />
        <source>乡镇名称</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="80" />
        <source>征迁办名称</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="81" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="82" />
        <source>签约地点</source>
        <translation>Signing place</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="83" />
        <source>监督（投诉）电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="84" />
        <source>&lt;b&gt;打印&lt;/b&gt;</source>
        <translation>&lt;b&gt;Printing&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="85" />
        <source>文书字体</source>
        <translation>Document font</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="86" />
        <source>文书模板</source>
        <translation>Document templates</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="88" />
        <source>&lt;b&gt;程序&lt;/b&gt;</source>
        <translation>&lt;b&gt;Program&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="89" />
        <source>界面语言（重启后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="100" />
        <source>本办公室的模板：{0}</source>
        <translation>Office template: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="100" />
        <source>默认模板</source>
        <translation>Default template</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="101" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="64" />
        <source>就业设置</source>
        <translation>Employment settings</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="65" />
        <source>按此日期计算年龄（不勾选则用项目参照日或今天）</source>
        <translation>Compute ages on this date (unticked: the project's reference date or today)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="83" />
        <source>参照日</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="84" />
        <source>劳动年龄下限（含）</source>
        <translation>Working age from (inclusive)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="85" />
        <source>男性退休年龄（不含）</source>
        <translation>Men retire at (exclusive)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="86" />
        <source>女性退休年龄（不含）</source>
        <translation>Women retire at (exclusive)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="87" />
        <source>回访间隔（月）</source>
        <translation>Follow-up interval (months)</translation>
    </message>
</context>
<context>
    <name>SettlementDialog</name>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="330" />
        <source>差价结算</source>
        <translation>Price difference</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="331" />
        <source>差价结算与模拟安置</source>
        <translation>Price difference and trial placement</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="335" />
        <source>模拟安置（所选户）…</source>
        <translation>Trial placement (selected household)…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="351" />
        <source>{0} 户，应缴差价合计 {1} 元</source>
        <translation>{0} households, price difference due {1} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="357" />
        <source>请先在户表中选择一户。</source>
        <translation>Choose a household in the register first.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="381" />
        <source>模拟安置测算表</source>
        <translation>Trial placement sheet</translation>
    </message>
</context>
<context>
    <name>SettlementModel</name>
    <message>
        <location filename="../../ui/housing/models.py" line="100" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="101" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="102" />
        <source>房号</source>
        <translation>Flat no.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="103" />
        <source>应安置(㎡)</source>
        <translation>Entitled (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="104" />
        <source>选房(㎡)</source>
        <translation>Chosen (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="105" />
        <source>房价(元)</source>
        <translation>Price (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="106" />
        <source>退还(元)</source>
        <translation>Refund (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="107" />
        <source>应缴差价(元)</source>
        <translation>Difference due (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="108" />
        <source>补偿款(元)</source>
        <translation>Compensation (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="109" />
        <source>结算后应得(元)</source>
        <translation>Net due (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="111" />
        <source>明细</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="80" />
        <source>签订协议</source>
        <translation>Sign agreements</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="86" />
        <source>各期百分比，首期签约后付，其余腾房后付；也可写 70:签约,30:腾房</source>
        <translation>Percent per instalment: the first paid on signing, the rest after vacating; or write 70:签约,30:腾房</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="87" />
        <source>签约日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="88" />
        <source>付款计划（%）</source>
        <translation>Payment plan (%)</translation>
    </message>
</context>
<context>
    <name>SimulationDialog</name>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="397" />
        <source>模拟安置 — {0} {1}</source>
        <translation>Trial placement — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="402" />
        <source>安置人口 {0} 人，应安置面积 {1} ㎡，补偿款合计 {2} 元</source>
        <translation>{0} resettled persons, entitled area {1} ㎡, compensation total {2} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="407" />
        <source>货币安置一行只含本户补偿款；本项目若对货币安置另有补助，须在补偿标准中设为一项，才计入这里。</source>
        <translation>The cash row holds the household's compensation only; a cash-placement subsidy, if the project pays one, counts here once it is an item of the rate standard.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="411" />
        <source>打印测算表…</source>
        <translation>Print sheet…</translation>
    </message>
</context>
<context>
    <name>SimulationModel</name>
    <message>
        <location filename="../../ui/housing/models.py" line="120" />
        <source>方案</source>
        <translation>Option</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="121" />
        <source>户型</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="122" />
        <source>面积(㎡)</source>
        <translation>Area (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="124" />
        <source>房价(元)</source>
        <translation>Price (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="129" />
        <source>退还(元)</source>
        <translation>Refund (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="134" />
        <source>应缴差价(元)</source>
        <translation>Difference due (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="138" />
        <source>结算后应得(元)</source>
        <translation>Net due (yuan)</translation>
    </message>
</context>
<context>
    <name>SocialSecurityPage</name>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="374" />
        <source>被征地农民养老保障</source>
        <translation>Pension cover for landless farmers</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="382" />
        <source>导入社保标准…</source>
        <translation>Import pension standard…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="383" />
        <source>发布标准</source>
        <translation>Publish standard</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="384" />
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="385" />
        <source>核对回执…</source>
        <translation>Check receipts…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="386" />
        <source>保存对账表…</source>
        <translation>Save reconciliation…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="397" />
        <source>尚未导入社保标准。</source>
        <translation>No pension standard imported yet.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="404" />
        <source>{0}（{1}）{2}–{3} 岁 {4} 元</source>
        <translation>{0} ({1}) {2}–{3} years {4} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="406" />
        <source>{0}（{1}）{2} 岁及以上 {3} 元</source>
        <translation>{0} ({1}) {2} and over {3} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="411" />
        <source>社保标准{0}，基准日 {1}：{2}</source>
        <translation>Pension standard {0}, reference date {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="415" />
        <source>另有草稿第 {0} 版，发布后才生效。</source>
        <translation>A draft, revision {0}, takes effect once published.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="422" />
        <source>补偿标准「{0}」的社保费用按已发布的社保标准逐人计算，与花名册金额一致。</source>
        <translation>The rate table “{0}” computes 社保费用 person by person from the published standard, the same amounts as the roster.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="426" />
        <source>导入社保标准</source>
        <translation>Import pension standard</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="432" />
        <source>已导入社保标准第 {0} 版（草稿，{1} 个年龄段）：核对后点「发布标准」。</source>
        <translation>Imported revision {0} of the social-security standard (draft, {1} bands): check it, then press “Publish standard”.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="437" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="443" />
        <source>没有待发布的草稿标准。</source>
        <translation>No draft standard to publish.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="451" />
        <source>本项目的补偿标准「{0}」按社保年龄段计算社保费用。发布新版社保标准后，各户的社保费用按新标准重算：请重新计算补偿，已签约的户复核后须签补充协议。

发布吗？</source>
        <translation>The project's rate table “{0}” computes 社保费用 by the social-security age bands. Once a new standard is published, each household's 社保费用 follows it: compute again; signed households need a supplementary agreement once reviewed.

Publish?</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="464" />
        <source>已发布。补偿标准「{0}」的社保费用按此标准计算：请重新计算补偿（F9）。</source>
        <translation>Published. The rate table “{0}” computes 社保费用 by this standard: compute again (F9).</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="468" />
        <source>正在发布…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="476" />
        <source>导出社保花名册</source>
        <translation>Export pension roster</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="476" />
        <source>社保花名册.xlsx</source>
        <translation>pension-roster.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="481" />
        <source>{0} {1} 人 {2} 元</source>
        <translation>{0}: {1} persons, {2} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="484" />
        <source>已导出 {0} 人：{1}</source>
        <translation>Exported {0} persons: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="486" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="490" />
        <source>选择社保局回执</source>
        <translation>Choose the social security bureau's receipt</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="499" />
        <source>正在核对回执…</source>
        <translation>Checking the receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="503" />
        <source>请先核对回执。</source>
        <translation>Check a receipt first.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="505" />
        <source>保存对账表</source>
        <translation>Save reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="505" />
        <source>社保回执对账.xlsx</source>
        <translation>pension-receipt-reconciliation.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="507" />
        <source>正在写出对账表…</source>
        <translation>Writing the reconciliation…</translation>
    </message>
</context>
<context>
    <name>StandardDialog</name>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="204" />
        <location filename="../../ui/housing/dialogs.py" line="205" />
        <source>安置标准</source>
        <translation>Resettlement standard</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="210" />
        <source>导入安置标准…</source>
        <translation>Import resettlement standard…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="210" />
        <source>发布所选版本</source>
        <translation>Publish selected version</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="214" />
        <source>结算和过渡费按最新发布的版本计算；已发布的版本不能修改。</source>
        <translation>Settlements and transition allowances use the latest published version; a published version cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="224" />
        <source>导入安置标准</source>
        <translation>Import resettlement standard</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="226" />
        <source>正在导入安置标准…</source>
        <translation>Importing the resettlement standard…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="231" />
        <source>请先在列表中选要发布的版本（还没有版本时，先导入安置标准）。</source>
        <translation>Choose the version to publish in the list first (with no version yet, import a placement standard first).</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="235" />
        <source>发布第 {0} 版？发布后不能修改。</source>
        <translation>Publish version {0}? It cannot be changed afterwards.</translation>
    </message>
</context>
<context>
    <name>StandardsModel</name>
    <message>
        <location filename="../../ui/housing/models.py" line="75" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="76" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="77" />
        <source>人均(㎡)</source>
        <translation>Per person (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="78" />
        <source>每户最低(㎡)</source>
        <translation>Minimum per household (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="79" />
        <source>安置价</source>
        <translation>Resettlement price</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="81" />
        <source>超出分档(㎡)</source>
        <translation>Excess bands (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="86" />
        <source>超出单价</source>
        <translation>Excess unit price</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="90" />
        <source>退还单价</source>
        <translation>Refund unit price</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="91" />
        <source>过渡费(元/人·月)</source>
        <translation>Transition (yuan/person·month)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="92" />
        <source>逾期倍数</source>
        <translation>Overdue factor</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="93" />
        <source>装修期(月)</source>
        <translation>Fit-out (months)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="94" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/i18n.py" line="17" />
        <source>可选</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="18" />
        <source>冻结</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="19" />
        <source>已选</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="20" />
        <source>已交付</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="21" />
        <source>待选</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="22" />
        <source>过号</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="23" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="24" />
        <source>草拟</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="25" />
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="26" />
        <source>有效</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="28" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="29" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31" />
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="32" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="33" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="34" />
        <source>期限不足</source>
        <translation>Too short</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="35" />
        <source>顺序有误</source>
        <translation>Out of order</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="36" />
        <source>无法判断</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="37" />
        <source>办理中</source>
        <translation>In hand</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="38" />
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="39" />
        <source>逾期办结</source>
        <translation>Closed late</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="40" />
        <source>未计算</source>
        <translation>Not computed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="41" />
        <source>已计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="42" />
        <source>已复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="43" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="44" />
        <source>已腾房</source>
        <translation>Vacated</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="45" />
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46" />
        <source>已生成</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="47" />
        <source>推荐中</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="48" />
        <source>面试</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="49" />
        <source>录用</source>
        <translation>Hired</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="50" />
        <source>未录用</source>
        <translation>Not hired</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="51" />
        <source>已就业</source>
        <translation>Employed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52" />
        <source>自主创业</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53" />
        <source>未就业·求职</source>
        <translation>Unemployed, seeking work</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54" />
        <source>不愿就业</source>
        <translation>Not seeking work</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55" />
        <source>一致</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="37" />
        <source>已排期</source>
        <translation>Scheduled</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="54" />
        <source>登记程序步骤：</source>
        <translation>Record procedure step:</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="59" />
        <source>本项目需要此步骤</source>
        <translation>This project needs this step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="70" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="71" />
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="76" />
        <source>法定最短期限</source>
        <translation>Statutory minimum</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="77" />
        <source>张贴地点</source>
        <translation>Posted at</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="78" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="79" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/dialogs.py" line="83" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <location filename="../../ui/procedure/models.py" line="64" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="65" />
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="66" />
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="67" />
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="68" />
        <source>法定期限</source>
        <translation>Statutory period</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="69" />
        <source>最早可结束</source>
        <translation>Earliest end</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="70" />
        <source>应完成日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="71" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="72" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="73" />
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="74" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/models.py" line="75" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="83" />
        <source>房源</source>
        <translation>Flats</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="84" />
        <source>安置小区与房源</source>
        <translation>Estates and flats</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="94" />
        <source>导入房源表…</source>
        <translation>Import flat list…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="95" />
        <source>导出房源表…</source>
        <translation>Export flat list…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="96" />
        <source>冻结…</source>
        <translation>Freeze…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="97" />
        <source>解冻…</source>
        <translation>Unfreeze…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="98" />
        <source>承诺交房日期…</source>
        <translation>Promised handover date…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="102" />
        <source>安置小区</source>
        <translation>Estate</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="118" />
        <source>{0}（{1} 套）</source>
        <translation>{0} ({1} flats)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="129" />
        <source>还没有房源：请导入开发商的房源表（工作表「房源」）。</source>
        <translation>No flats yet: import the developer's flat list (sheet 房源).</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="134" />
        <source>未设定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="135" />
        <source>承诺交房日期：{0}</source>
        <translation>Promised handover: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="141" />
        <source>请先在列表中选一套房。</source>
        <translation>Choose a flat in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="146" />
        <source>导入房源表</source>
        <translation>Import flat list</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="149" />
        <source>正在导入房源…</source>
        <translation>Importing the flats…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="152" />
        <source>已导入：新增 {0} 套，更新 {1} 套，其中冻结 {2} 套</source>
        <translation>Imported: {0} new, {1} updated, {2} of them frozen</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="158" />
        <source>导出房源表</source>
        <translation>Export flat list</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="158" />
        <source>工作簿 (*.xlsx)</source>
        <translation>Workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="158" />
        <source>房源.xlsx</source>
        <translation>flats.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="161" />
        <source>正在导出房源…</source>
        <translation>Exporting the flats…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="163" />
        <source>已导出 {0} 套</source>
        <translation>Exported {0} flats</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="171" />
        <source>冻结房源</source>
        <translation>Freeze flat</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="171" />
        <source>冻结 {0} 的原因：</source>
        <translation>Reason to freeze {0}:</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="179" />
        <source>解冻房源</source>
        <translation>Unfreeze flat</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="179" />
        <source>解冻 {0} 的原因：</source>
        <translation>Reason to unfreeze {0}:</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="186" />
        <source>本项目还没有安置小区：请先导入房源表。</source>
        <translation>This project has no placement estate yet: import the flat list first.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/dialogs.py" line="189" />
        <location filename="../../ui/housing/dialogs.py" line="194" />
        <source>承诺交房日期</source>
        <translation>Promised handover date</translation>
    </message>
</context>
<context>
    <name>StructuresModel</name>
    <message>
        <location filename="../../ui/models/household_parts.py" line="233" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="236" />
        <source>结构</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="241" />
        <source>建筑面积(㎡)</source>
        <translation>Floor area (㎡)</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="242" />
        <source>合法性</source>
        <translation>Legality</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="243" />
        <source>建成年份</source>
        <translation>Year built</translation>
    </message>
    <message>
        <location filename="../../ui/models/household_parts.py" line="244" />
        <source>装修评估价(元)</source>
        <translation>Fit-out value (yuan)</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../ui/summary_dialog.py" line="31" />
        <source>补偿汇总</source>
        <translation>Compensation summary</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="31" />
        <source>补偿汇总 — {0}</source>
        <translation>Compensation summary — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="34" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="35" />
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="36" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="46" />
        <source>按现行标准重新计算全部</source>
        <translation>Recompute all with current standard</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="62" />
        <source>已计算 {0} 户，其中已复核 {1} 户。合计 {2} 元（{3}）</source>
        <translation>{0} households computed, {1} reviewed. Total {2} yuan ({3})</translation>
    </message>
    <message>
        <location filename="../../ui/summary_dialog.py" line="74" />
        <source>正在计算补偿…</source>
        <translation>Computing compensation…</translation>
    </message>
</context>
<context>
    <name>SumsModel</name>
    <message>
        <location filename="../../ui/models/compensation.py" line="106" />
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
</context>
<context>
    <name>SupportingDialog</name>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="443" />
        <source>要件</source>
        <translation>Supporting documents</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="447" />
        <source>要件 — {0} {1}</source>
        <translation>Supporting papers — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="455" />
        <source>要件类别</source>
        <translation>Kind of paper</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="457" />
        <source>添加扫描件…</source>
        <translation>Add scan…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="474" />
        <source>还没有扫描件：选择要件类别，再点「添加扫描件…」。</source>
        <translation>No scans yet: choose the kind of paper, then Add scan….</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="479" />
        <source>{0}　{1}　{2} 字节　SHA-256 {3}…　{4}</source>
        <translation>{0}  {1}  {2} bytes  SHA-256 {3}…  {4}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="487" />
        <source>要件清单：</source>
        <translation>Checklist: </translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="491" />
        <source>选择扫描件</source>
        <translation>Choose scan</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="491" />
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.ofd)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.ofd)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="495" />
        <source>正在保存要件…</source>
        <translation>Saving the document…</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../../ui/procedure/window.py" line="154" />
        <source>登记日期…</source>
        <translation>Record dates…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="155" />
        <source>附加证据…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="156" />
        <source>放行协议打印…</source>
        <translation>Release agreement printing…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="157" />
        <source>截止日后出生、婚嫁计入安置人口</source>
        <translation>Count births and marriages after the cut-off as resettled persons</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="160" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="171" />
        <source>读取征收程序</source>
        <translation>Reading the procedure</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="178" />
        <source>正式协议：可以打印，但请注意：{0}</source>
        <translation>Formal agreements: may be printed, but note: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="180" />
        <source>正式协议：可以打印</source>
        <translation>Official agreements: may be printed</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="182" />
        <source>正式协议：暂不能打印。</source>
        <translation>Official agreements: cannot be printed yet.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="186" />
        <source>需要注意：</source>
        <translation>Needs attention: </translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="188" />
        <source>没有逾期或期限不足的步骤。</source>
        <translation>No step overdue or too short.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="194" />
        <source>登记册进度：已复核 {0} 户，已签约 {1} 户，已兑付 {2} 户（各步骤的日期和文号须在此登记）。</source>
        <translation>In the register: {0} households reviewed, {1} signed, {2} paid (each step's dates and document numbers are entered here).</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="206" />
        <source>登记程序步骤</source>
        <translation>Record procedure step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="213" />
        <location filename="../../ui/procedure/window.py" line="217" />
        <source>放行协议打印</source>
        <translation>Release agreement printing</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="213" />
        <source>方案公告期未满提前打印正式协议的理由：</source>
        <translation>Reason to print official agreements before the plan's posting period ends:</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="224" />
        <source>修改程序设置</source>
        <translation>Change procedure settings</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="230" />
        <source>选择证据文件（照片、公证书等）</source>
        <translation>Choose evidence files (photos, notarial certificates …)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="230" />
        <source>添加程序证据</source>
        <translation>Add procedure evidence</translation>
    </message>
</context>
<context>
    <name>ToolsActions</name>
    <message>
        <location filename="../../ui/controllers/tools.py" line="28" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="30" />
        <source>补偿标准…</source>
        <translation>Rate tables…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="31" />
        <location filename="../../ui/controllers/tools.py" line="61" />
        <location filename="../../ui/controllers/tools.py" line="69" />
        <source>计算补偿</source>
        <translation>Compute compensation</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="32" />
        <source>补偿汇总…</source>
        <translation>Compensation summary…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="36" />
        <location filename="../../ui/controllers/tools.py" line="97" />
        <location filename="../../ui/controllers/tools.py" line="104" />
        <source>完整性检查</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="37" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="53" />
        <source>设定补偿标准</source>
        <translation>set the compensation standard for</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="70" />
        <source>计算已完成。以下规则没有用于本项目的任何一户；若不应如此，请核对条件的写法是否与调查表一致（如「稻田」与「水田」）：

{0}</source>
        <translation>The compute is done. These rules priced no household of the project; if that is not expected, check that their conditions are spelt as in the survey (e.g. 稻田 against 水田):

{0}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="73" />
        <source>正在计算补偿…</source>
        <translation>Computing compensation…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="66" />
        <source>已计算 {0} 户，合计 {1} 元</source>
        <translation>{0} households computed, total {1} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="79" />
        <source>查看补偿汇总</source>
        <translation>view the summary of</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="90" />
        <source>审计链头：第 {0} 条 {1}；按审计记录回放核对了 {2} 户、{3} 行。</source>
        <translation>Audit chain head: entry {0} {1}; {2} households and {3} rows replayed against the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="93" />
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="98" />
        <source>检查通过。审计记录 {0} 条，链头 {1}</source>
        <translation>Check passed. {0} audit entries, chain head {1}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="106" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tools.py" line="124" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="277" />
        <source>技能培训</source>
        <translation>Skills training</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="287" />
        <source>导入培训表…</source>
        <translation>Import training list…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="288" />
        <source>新建课程…</source>
        <translation>New course…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="289" />
        <source>报名（登记册中选中的户）</source>
        <translation>Enrol (households selected in the register)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="290" />
        <source>录入结果…</source>
        <translation>Enter results…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="291" />
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="314" />
        <source>请先选择一门课程。</source>
        <translation>Choose a course first.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="318" />
        <source>导入培训表</source>
        <translation>Import training list</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="318" />
        <source>正在导入培训表…</source>
        <translation>Importing the training list…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="318" />
        <source>培训情况</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="324" />
        <location filename="../../ui/livelihood/pages.py" line="347" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="335" />
        <source>请先在登记册中选中户（其劳动年龄成员将报名）。</source>
        <translation>Select households in the register first (their members of working age are enrolled).</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="337" />
        <source>正在报名…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="342" />
        <source>请先选择课程和学员。</source>
        <translation>Choose a course and trainees first.</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="359" />
        <source>导出培训花名册</source>
        <translation>Export training roster</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="360" />
        <source>{0}花名册.xlsx</source>
        <translation>{0}-roster.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="361" />
        <source>Excel 工作簿 (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="365" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="103" />
        <source>登记划转</source>
        <translation>Record transfer</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="107" />
        <source>社保费用划入社保专户、集体部分付村集体，不经各户的银行批次。转账办妥后在此登记（{0}）。</source>
        <translation>Social-security fees go into the social-security account and the collective's share to the village, never through the households' bank batches. Record the transfer here once it is made ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="121" />
        <source>支付对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="122" />
        <source>待划转</source>
        <translation>Still to transfer</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="123" />
        <source>划转日期</source>
        <translation>Transfer date</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../ui/housing/moving.py" line="42" />
        <source>过渡费</source>
        <translation>Transition allowance</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="43" />
        <location filename="../../ui/housing/moving.py" line="102" />
        <source>过渡费发放表</source>
        <translation>Transition allowance list</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="50" />
        <source>本期（开始日期之后）</source>
        <translation>This period (after the start date)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="51" />
        <source>自搬迁之日起累计</source>
        <translation>Cumulative since moving out</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="55" />
        <source>计算</source>
        <translation>Compute</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="57" />
        <source>导出发放表…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="59" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="63" />
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="64" />
        <source>截止</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="65" />
        <source>口径</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="87" />
        <source>{0} 户，合计 {1} 元</source>
        <translation>{0} households, total {1} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="89" />
        <source>。过渡费从搬迁腾空之日算起：先在「安置人口与安置方式」中登记各户的搬迁腾空日期。</source>
        <translation>. The transition fee counts from the move-out date: enter each household's move-out date under Placement persons and mode first.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="108" />
        <source>导出过渡费发放表</source>
        <translation>Export transition allowance list</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="108" />
        <source>工作簿 (*.xlsx)</source>
        <translation>Workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="108" />
        <source>过渡费发放表.xlsx</source>
        <translation>transition-allowance.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="111" />
        <source>正在导出过渡费发放表…</source>
        <translation>Exporting the transition allowance list…</translation>
    </message>
    <message>
        <location filename="../../ui/housing/moving.py" line="113" />
        <source>已导出 {0} 户，合计 {1} 元</source>
        <translation>Exported {0} households, total {1} yuan</translation>
    </message>
</context>
<context>
    <name>TransitionModel</name>
    <message>
        <location filename="../../ui/housing/models.py" line="144" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="145" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="146" />
        <source>安置人口</source>
        <translation>Resettled</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="147" />
        <source>搬迁日期</source>
        <translation>Moved out on</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="148" />
        <source>交房日期</source>
        <translation>Handover date</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="149" />
        <source>本期月数</source>
        <translation>Months this period</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="150" />
        <source>本期金额(元)</source>
        <translation>Amount this period (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/housing/models.py" line="151" />
        <source>计算式（截至期末累计）</source>
        <translation>Formula (cumulative to the period's end)</translation>
    </message>
</context>
<context>
    <name>VacateDialog</name>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="132" />
        <source>登记腾房</source>
        <translation>Record vacating</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="134" />
        <source>为所选 {0} 户登记腾房（腾房后到期的分期随之可付）</source>
        <translation>Record {0} selected households as vacated (instalments due on vacating become payable)</translation>
    </message>
    <message>
        <location filename="../../ui/payments/dialogs.py" line="137" />
        <source>腾房日期</source>
        <translation>Vacated on</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="160" />
        <source>登记回访：{0}</source>
        <translation>Record follow-up: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="163" />
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="164" />
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="165" />
        <source>月收入(元)</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="166" />
        <source>情况记录</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/welcome.py" line="36" />
        <source>欢迎使用征迁安置管理</source>
        <translation>Welcome to Resettle</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="39" />
        <source>&lt;h2&gt;欢迎使用征迁安置管理&lt;/h2&gt;&lt;p&gt;每户一条记录，按补偿标准自动计算，每次修改都留痕。第一次使用，请新建本项目的登记册；也可以先打开&lt;b&gt;演示登记册&lt;/b&gt;看看（演示数据单独存放，不会混进正式数据）。&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome to Resettle&lt;/h2&gt;&lt;p&gt;One record per household, computed from the compensation standard, every change kept. On first use, create this project's register; or open the &lt;b&gt;demo register&lt;/b&gt; first to look around (the demo is kept in its own file and never mixes with real data).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="48" />
        <source>如 城东产业园区建设项目</source>
        <translation>e.g. East Industrial Park project</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="50" />
        <source>如 城东镇</source>
        <translation>e.g. Chengdong town</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="52" />
        <source>如 东岗村、德源村（可以以后再加，导入调查表时也会自动建立）</source>
        <translation>e.g. Donggang, Deyuan (can be added later; importing a survey creates them too)</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="54" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="61" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="62" />
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="63" />
        <source>涉及的村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="64" />
        <location filename="../../ui/welcome.py" line="89" />
        <source>登记册文件</source>
        <translation>Register file</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="65" />
        <source>新建登记册</source>
        <translation>New register</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="69" />
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="74" />
        <source>打开已有文件…</source>
        <translation>Open existing file…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="74" />
        <source>打开演示登记册</source>
        <translation>Open demo register</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="89" />
        <location filename="../../ui/welcome.py" line="106" />
        <source>登记册 (*.sqlite3)</source>
        <translation>Register (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="100" />
        <source>未新建</source>
        <translation>Not created</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="106" />
        <source>打开登记册</source>
        <translation>Open register</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="113" />
        <location filename="../../ui/welcome.py" line="123" />
        <source>打不开</source>
        <translation>Cannot open</translation>
    </message>
</context>
<context>
    <name>_Chart</name>
    <message>
        <location filename="../../ui/livelihood/charts.py" line="81" />
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>_IncomeForm</name>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="107" />
        <source>（未登记）</source>
        <translation>(not registered)</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="112" />
        <source>例如 3500.00</source>
        <translation>e.g. 3500.00</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/dialogs.py" line="118" />
        <source>月收入应为金额，例如 3500.00</source>
        <translation>Monthly income must be an amount, e.g. 3500.00</translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="90" />
        <source>已导入{0} {1} 行：新增 {2}，更改 {3}，未变 {4}</source>
        <translation>Imported {0}: {1} rows, {2} new, {3} changed, {4} unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/livelihood/pages.py" line="94" />
        <source>提示：</source>
        <translation>Notes: </translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="94" />
        <location filename="../../ui/procedure/window.py" line="126" />
        <source>请先在登记表左侧选择一个项目，再从「程序」菜单打开本窗口。</source>
        <translation>Choose a project on the left of the register first, then open this window from the Procedure menu.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure/window.py" line="131" />
        <source>请先在表中选择一行。</source>
        <translation>Choose a row in the table first.</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <location filename="../../ui/lock_cover.py" line="22" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="67" />
        <location filename="../../ui/app.py" line="203" />
        <source>征迁安置管理</source>
        <translation>Resettle</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="71" />
        <source>打开这个数据库文件（不存在则新建），或服务器地址 postgresql://用户@主机/库名</source>
        <translation>Open this database file (created when missing), or a server address postgresql://user@host/dbname</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="243" />
        <source>连接服务器</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="244" />
        <source>服务器密码：</source>
        <translation>Server password:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="78" />
        <source>打开演示登记册（单独的文件，标有「演示」）</source>
        <translation>open the demo register (its own file, marked Demo)</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/crash.py" line="42" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="48" />
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="50" />
        <source>程序遇到了意外错误。已保存的数据不受影响，未完成的操作已撤销。
错误记录已写入：
{0}</source>
        <translation>An unexpected error occurred. Saved data is safe; the unfinished action was undone.
Log written to:
{0}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/server_dialog.py" line="128" />
        <source>正在连接服务器…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="134" />
        <source>连接服务器</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="134" />
        <source>服务器要求密码，请输入密码后再连接。</source>
        <translation>The server asks for a password: enter it and connect again.</translation>
    </message>
    <message>
        <location filename="../../ui/server_dialog.py" line="137" />
        <source>连接不上服务器</source>
        <translation>Cannot reach the server</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../../ui/forms.py" line="42" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
</TS>