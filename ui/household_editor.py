"""The household editor: household fields plus members, land, houses, attachments and history.

Validation runs as the clerk types; Save stays disabled while anything is red. A save
that meets another clerk's newer version shows their changes and offers to reload.

Signals: ``saved(int)`` – household id after a successful save; ``deleted(int)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resettle.domain.contacts import check_bank_account, check_phone
from resettle.domain.household import HouseholdData
from resettle.domain.progress import SURVEYED, stage_of
from resettle.errors import ConflictError, ResettleError, ValidationError
from resettle.services.register import households
from resettle.services.register.records import HouseholdDetail
from resettle.store.database import Database
from ui.compensation_tab import CompensationTab
from ui.models.history import HistoryModel
from ui.models.household_parts import AttachmentsModel, MembersModel, ParcelsModel, StructuresModel
from ui.models.record_list import RecordListModel
from ui.screen_fit import fit_roomy
from ui.widgets import EntryTable

ERROR_STYLE = "QLineEdit { background: #f8d0d0; }"


class ConflictDialog(QDialog):
    """Shows what the other save changed; the clerk reloads or keeps editing."""

    RELOAD = 2

    def __init__(self, error: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("保存冲突"))
        layout = QVBoxLayout(self)
        label = QLabel(error.message + "\n" + self.tr("对方做了以下修改："))
        label.setWordWrap(True)
        layout.addWidget(label)
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        model = QStandardItemModel(0, 3, self)
        model.setHorizontalHeaderLabels([self.tr("字段"), self.tr("您打开时"), self.tr("现在")])
        for field, old, new in error.changes:
            model.appendRow([QStandardItem(field), QStandardItem(old), QStandardItem(new)])
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.reload_button = buttons.addButton(
            self.tr("重新载入（放弃我的修改）"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button = buttons.addButton(self.tr("返回继续编辑"), QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self.done(self.RELOAD))
        self.keep_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 320)


class HouseholdEditor(QDialog):
    saved = Signal(int)
    deleted = Signal(int)

    def __init__(
        self,
        db: Database,
        household_id: int | None,
        groups: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
        default_group: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.original: HouseholdDetail | None = None
        self._dirty = False
        self._loading = False
        self.setWindowTitle(self.tr("户信息"))
        fit_roomy(self, 1000, 720)

        self.household_no = QLineEdit()
        self.head_name = QLineEdit()
        self.group = QComboBox()
        for gid, label in groups:
            self.group.addItem(label, gid)
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.bank_name = QLineEdit()
        self.bank_account = QLineEdit()
        self.tags = QComboBox()
        self.tags.setEditable(True)
        self.tags.addItems(["", "低保户", "五保户", "残疾", "低保户,残疾"])  # data, not text
        # The household's stage as the register shows it (已调查 → 已计算 → 已复核): set by what was done
        # (compute, review), never typed, so it cannot say 已签约 without an agreement.
        self.status = QLabel()
        self.status.setToolTip(self.tr("由计算、复核等操作决定，不能手工修改"))
        self.remarks = QLineEdit()

        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("户号"), self.household_no)
        left.addRow(self.tr("户主"), self.head_name)
        left.addRow(self.tr("村民小组"), self.group)
        left.addRow(self.tr("联系电话"), self.phone)
        left.addRow(self.tr("地址"), self.address)
        right.addRow(self.tr("开户银行"), self.bank_name)
        right.addRow(self.tr("银行账号"), self.bank_account)
        right.addRow(self.tr("标签"), self.tags)
        right.addRow(self.tr("状态"), self.status)
        right.addRow(self.tr("备注"), self.remarks)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addSpacing(24)
        top.addLayout(right, 1)

        self.members = MembersModel(self)
        self.parcels = ParcelsModel(self)
        self.structures = StructuresModel(self)
        self.attachments = AttachmentsModel(self)
        self.tabs = QTabWidget()
        self.tables: dict[str, EntryTable] = {}
        for key, title, model in (
            ("members", self.tr("家庭成员"), self.members),
            ("parcels", self.tr("被征收土地"), self.parcels),
            ("structures", self.tr("房屋"), self.structures),
            ("attachments", self.tr("附着物"), self.attachments),
        ):
            self.tabs.addTab(self._table_page(key, model), title)
        self.history_model = HistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.setColumnWidth(0, 150)
        self.compensation = CompensationTab(db, household_id, self)
        self.compensation.changed.connect(self._compensation_changed)
        self.tabs.addTab(self.compensation, self.tr("补偿"))
        self.tabs.addTab(self.history_view, self.tr("变更记录"))

        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.delete_button = QPushButton(self.tr("删除此户…"))
        self.delete_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        for edit in (
            self.household_no,
            self.head_name,
            self.phone,
            self.address,
            self.bank_name,
            self.bank_account,
            self.remarks,
        ):
            edit.textEdited.connect(self._changed)
        self.tags.currentTextChanged.connect(self._changed)
        self.group.currentIndexChanged.connect(self._changed)
        for model in (self.members, self.parcels, self.structures, self.attachments):
            model.edited.connect(self._changed)

        if household_id is None:
            self.setWindowTitle(self.tr("新建户"))
            if default_group is not None:
                self.group.setCurrentIndex(max(0, self.group.findData(default_group)))
            self.delete_button.setEnabled(False)
            self._show_stage()
            self._dirty = False
            self._validate()
        else:
            self.load(household_id)

    def _table_page(self, key: str, model: RecordListModel) -> QWidget:
        page = QWidget()
        table = EntryTable(model, page)
        self.tables[key] = table
        add = QPushButton(self.tr("添加一行 (Ins)"))
        remove = QPushButton(self.tr("删除所选行"))
        add.setAutoDefault(False)
        remove.setAutoDefault(False)
        add.clicked.connect(table.add_row)
        remove.clicked.connect(table.remove_current)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), table, table.add_row)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(table)
        layout.addLayout(row)
        return page

    # -- loading and state ------------------------------------------------------------------
    def load(self, household_id: int) -> None:
        detail = households.get_household(self.db, household_id)
        self._loading = True
        try:
            self.original = detail
            d = detail.data
            self.setWindowTitle(self.tr("户信息 — {0} {1}").format(d.household_no, d.head_name))
            self.household_no.setText(d.household_no)
            self.head_name.setText(d.head_name)
            self.group.setCurrentIndex(max(0, self.group.findData(d.group_id)))
            self.phone.setText(d.phone)
            self.address.setText(d.address)
            self.bank_name.setText(d.bank_name)
            self.bank_account.setText(d.bank_account)
            self.tags.setCurrentText(d.tags)
            self.remarks.setText(d.remarks)
            self.members.set_people(d.persons)
            self.parcels.set_parcels(d.parcels)
            self.structures.set_structures(d.structures)
            self.attachments.set_attachments(d.attachments)
            self._show_history(household_id)
            if self.compensation.household_id != household_id:
                self.compensation.household_id = household_id
                self.compensation.refresh()
            self._show_stage()
        finally:
            self._loading = False
        self._dirty = False
        self._validate()

    def _compensation_changed(self) -> None:
        self._show_stage()
        if self.original is not None:
            self._show_history(self.original.id)

    def _stored_status(self) -> str:
        """The survey's status as stored (kept on save; nothing in the editor changes it)."""
        return self.original.data.status if self.original is not None else SURVEYED

    def _show_stage(self) -> None:
        """The stage the register's table shows: the agreement's once signed, the compensation's once
        computed, else the survey's."""
        if self.original is None:  # a new household has no stage until it is saved
            self.status.setText(self.tr("新建，未保存"))
            return
        view = self.compensation.view_data
        agreement = self.original.agreement_status
        stage = stage_of(view.status if view is not None else None, self._stored_status(), agreement)
        self.status.setText(QCoreApplication.translate("MainWindow", stage))

    def _show_history(self, household_id: int) -> None:
        """Columns as wide as their content (capped), so no label or value is cut."""
        self.history_model.set_entries(households.history(self.db, household_id))
        header = self.history_view.horizontalHeader()
        self.history_view.resizeColumnsToContents()
        for col in range(self.history_model.columnCount() - 1):
            header.resizeSection(col, min(max(header.sectionSize(col), 60), 260))

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._validate()

    def field_problems(self) -> list[str]:
        out: list[str] = []
        self._mark(self.household_no, self.tr("户号不能为空") if not self.household_no.text().strip() else None, out)
        self._mark(self.head_name, self.tr("户主不能为空") if not self.head_name.text().strip() else None, out)
        phone = self.phone.text().strip()
        self._mark(self.phone, "；".join(check_phone(phone).errors) if phone else None, out)
        account = self.bank_account.text().strip()
        self._mark(self.bank_account, "；".join(check_bank_account(account).errors) if account else None, out)
        if self.group.currentData() is None:
            out.append(self.tr("请选择村民小组"))
        for title, model in (
            (self.tr("成员"), self.members),
            (self.tr("土地"), self.parcels),
            (self.tr("房屋"), self.structures),
            (self.tr("附着物"), self.attachments),
        ):
            out.extend(f"{title}{p}" for p in model.problems())
        return out

    def _mark(self, edit: QLineEdit, error: str | None, out: list[str]) -> None:
        edit.setStyleSheet(ERROR_STYLE if error else "")
        edit.setToolTip(error or "")
        if error:
            out.append(error)

    def _validate(self) -> None:
        problems = self.field_problems()
        self.problems.setText(
            problems[0] + (self.tr("（另有 {0} 处）").format(len(problems) - 1) if len(problems) > 1 else "")
            if problems
            else ""
        )
        self.save_button.setEnabled(not problems and (self._dirty or self.original is None))

    def data(self) -> HouseholdData:
        return HouseholdData(
            household_no=self.household_no.text(),
            group_id=int(self.group.currentData()),
            head_name=self.head_name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            bank_name=self.bank_name.text(),
            bank_account=self.bank_account.text(),
            tags=self.tags.currentText().strip(),
            status=self._stored_status(),
            remarks=self.remarks.text(),
            persons=self.members.records(),
            parcels=self.parcels.records(),
            structures=self.structures.records(),
            attachments=self.attachments.records(),
        )

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> bool:
        for table in self.tables.values():  # commit a cell still being edited
            table.setFocus()
        self._validate()
        if not self.save_button.isEnabled():
            return False
        try:
            if self.original is None:
                detail = households.create_household(self.db, self.data())
            else:
                detail = households.update_household(self.db, self.original, self.data())
        except ConflictError as exc:
            dialog = ConflictDialog(exc, self)
            if dialog.exec() == ConflictDialog.RELOAD and self.original is not None:
                self.load(self.original.id)
            return False
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("不能保存"), exc.message)
            return False
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("不能保存"), exc.message)
            return False
        self.load(detail.id)
        self.delete_button.setEnabled(True)
        self.saved.emit(detail.id)
        return True

    def delete(self) -> None:
        if self.original is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("删除此户"),
            self.tr("删除户 {0}（户主 {1}）及其全部成员、土地、房屋记录。\n请填写删除原因（将记入审计记录）：").format(
                self.original.data.household_no, self.original.data.head_name
            ),
        )
        if not ok:
            return
        try:
            households.delete_household(self.db, self.original.id, reason, expected_version=self.original.version)
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未删除"), exc.message)
            return
        hid = self.original.id
        self._dirty = False
        self.deleted.emit(hid)
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty:
            answer = QMessageBox.question(
                self,
                self.tr("未保存的修改"),
                self.tr("本户有未保存的修改。保存吗？"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                event.ignore()
                return
        event.accept()

    def reject(self) -> None:
        """Esc goes through the same unsaved-changes question as closing."""
        self.close()
