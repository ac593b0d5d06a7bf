"""The import wizard: file → sheets and column mapping → problems found → import.

Reading, checking and storing run on the op runner's worker thread with progress and
cancel; nothing is stored until the last page, and then everything or nothing. The importer's
modules (reader, checks, error report) are loaded by that worker when first needed, not by the
GUI thread; a sheet's preview columns are sized from a bounded sample of its rows.

Signals: ``imported(int)`` – the batch id after a successful import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from resettle.errors import ResettleError
from resettle.io.headers import FIELD_LABELS, MappingProfile, load_profiles, save_profiles
from resettle.services.register import projects
from resettle.store.database import Database
from resettle.store.paths import data_dir
from ui.i18n import QT_TRANSLATE_NOOP
from ui.import_steps import apply_import, grid_rows, preview_import, read_options, sheet_names, write_report
from ui.models.import_models import (
    PREVIEW_COLUMN_MAX,
    IssuesModel,
    SheetGridModel,
    column_letter,
    fit_columns,
    fit_issue_columns,
)
from ui.ops import OpRunner
from ui.screen_fit import fit_resize
from ui.tables import stacked

if TYPE_CHECKING:
    from resettle.io.survey import ImportIssue, ReadOptions
    from resettle.services.register import imports

__all__ = ["PREVIEW_COLUMN_MAX", "ImportWizard", "fit_columns"]

SURVEY_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
MAPPED_FIELDS = ("household_no", "head", "name", "relation", "sex", "id_number", "birth_date", "phone", "land_class",
                 "land_area_mu", "structure_type", "floor_area_m2", "trees", "bank_name", "bank_account", "remarks")  # fmt: skip
# The importer's names of MAPPED_FIELDS (resettle.io.headers.FIELD_LABELS), translated on the mapping page
# (tests/ui/test_translation_complete.py checks every one is here).
FIELD_NAMES = (
    QT_TRANSLATE_NOOP("MappingPage", "户号"),
    QT_TRANSLATE_NOOP("MappingPage", "户主姓名"),
    QT_TRANSLATE_NOOP("MappingPage", "姓名"),
    QT_TRANSLATE_NOOP("MappingPage", "与户主关系"),
    QT_TRANSLATE_NOOP("MappingPage", "性别"),
    QT_TRANSLATE_NOOP("MappingPage", "身份证号码"),
    QT_TRANSLATE_NOOP("MappingPage", "出生日期"),
    QT_TRANSLATE_NOOP("MappingPage", "联系电话"),
    QT_TRANSLATE_NOOP("MappingPage", "地类"),
    QT_TRANSLATE_NOOP("MappingPage", "征收土地面积(亩)"),
    QT_TRANSLATE_NOOP("MappingPage", "房屋结构"),
    QT_TRANSLATE_NOOP("MappingPage", "建筑面积(㎡)"),
    QT_TRANSLATE_NOOP("MappingPage", "果树(棵)"),
    QT_TRANSLATE_NOOP("MappingPage", "开户银行"),
    QT_TRANSLATE_NOOP("MappingPage", "银行账号"),
    QT_TRANSLATE_NOOP("MappingPage", "备注"),
)


def profiles_path() -> Path:
    return data_dir() / "mapping_profiles.json"


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("选择调查表"))
        self.setSubTitle(self.tr("支持 .xlsx .xlsm .xls .ods 和 .csv（UTF-8 或 GB18030）。也可以把文件拖到主窗口上。"))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.project = QComboBox()
        self.project.setEditable(True)
        for p in projects.tree(wizard.db, with_counts=False):
            self.project.addItem(p.name, p.id)
        if self.project.count() == 0:
            self.project.setCurrentText(self.tr("征收项目"))
        elif wizard.project_id is not None and self.project.findData(wizard.project_id) >= 0:
            self.project.setCurrentIndex(self.project.findData(wizard.project_id))
        elif self.project.count() > 1:
            self.project.setCurrentIndex(-1)  # several projects and none chosen: the clerk picks, we never guess
            self.project.setPlaceholderText(self.tr("请选择项目，或输入新项目的名称"))
        self.project.currentTextChanged.connect(self.completeChanged)
        self.village = QLineEdit()
        self.village.setPlaceholderText(self.tr("留空则从标题或工作表名识别"))
        self.profile = QComboBox()
        self.profile.addItem(self.tr("（自动识别）"), "")
        for name in wizard.profiles:
            self.profile.addItem(name, name)
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("导入到项目"), self.project)
        form.addRow(self.tr("村名"), self.village)
        form.addRow(self.tr("列映射方案"), self.profile)
        self.path.textChanged.connect(self.completeChanged)
        self._opening = False

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择调查表"), str(Path.home()),
                                              self.tr("表格 (*.xlsx *.xlsm *.xls *.ods *.csv)"))  # fmt: skip
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        p = Path(self.path.text().strip())
        return p.is_file() and p.suffix.lower() in SURVEY_SUFFIXES and bool(self.project.currentText().strip())

    def validatePage(self) -> bool:
        if self._opening:
            return False  # 下一步 pressed again while the file is being opened
        self._opening = True
        try:
            sheets = self.wiz.runner.call(self, "", sheet_names, with_progress=False,
                                          path=Path(self.path.text().strip()))  # fmt: skip
        except (ResettleError, OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("打不开文件"), getattr(exc, "message", str(exc)))
            return False
        finally:
            self._opening = False
        self.wiz.sheets = list(sheets)
        self.wiz.forget_sheets()
        return True


class MappingPage(QWizardPage):
    """Sheets to read, the detected column of each field (correctable), and the sheet itself."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("工作表和列"))
        self.setSubTitle(self.tr("核对每一项对应的列；改动后点「重新识别」。可以把映射保存为本办公室的方案。"))
        self.sheet_boxes: list[QCheckBox] = []
        self.sheets_row = QHBoxLayout()
        self.combos: dict[str, QComboBox] = {}
        mapping = QFormLayout()
        for key in MAPPED_FIELDS:
            combo = QComboBox()
            combo.setMinimumWidth(150)  # "G · 公民身份号码" stays readable beside an English label
            self.combos[key] = combo
            mapping.addRow(self.tr(FIELD_LABELS.get(key, key)), combo)
        mapping_box = QWidget()
        mapping_box.setLayout(mapping)
        self.grid_model = SheetGridModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sheet_choice = QComboBox()
        self.sheet_choice.currentTextChanged.connect(self.show_sheet)
        self.summary = QLabel()
        reread = QPushButton(self.tr("重新识别"))
        reread.clicked.connect(self.reread)
        save = QPushButton(self.tr("保存为映射方案…"))
        save.clicked.connect(self.save_profile)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("预览工作表")))
        top.addWidget(self.sheet_choice, 1)
        right.addLayout(top)
        right.addWidget(self.grid, 1)
        right.addWidget(self.summary)
        right_box = QWidget()
        right_box.setLayout(right)
        # The fields scroll: with all of them shown the page would be taller than a 1366×768 screen.
        mapping_scroll = QScrollArea()
        mapping_scroll.setWidget(mapping_box)
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setFrameShape(QFrame.Shape.NoFrame)
        mapping_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        mapping_scroll.setMinimumWidth(mapping_box.sizeHint().width() + 24)
        split = QSplitter()
        split.addWidget(mapping_scroll)
        split.addWidget(right_box)
        split.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(reread)
        layout = QVBoxLayout(self)
        layout.addLayout(self.sheets_row)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        while self.sheets_row.count():
            item = self.sheets_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sheets_row.addWidget(QLabel(self.tr("读取的工作表：")))
        self.sheet_boxes = []
        for name in self.wiz.sheets:
            box = QCheckBox(name)
            box.setChecked(True)
            self.sheet_boxes.append(box)
            self.sheets_row.addWidget(box)
        self.sheets_row.addStretch(1)
        self.sheet_choice.blockSignals(True)
        self.sheet_choice.clear()
        self.sheet_choice.addItems(self.wiz.sheets)
        self.sheet_choice.blockSignals(False)
        self.reread()

    def chosen_sheets(self) -> list[str]:
        return [b.text() for b in self.sheet_boxes if b.isChecked()]

    def overrides(self) -> dict[str, str]:
        return {key: str(combo.currentData() or "") for key, combo in self.combos.items() if combo.count()}

    def reread(self) -> None:
        self.wiz.run_preview(self.chosen_sheets(), self.overrides() if self.wiz.preview else None, self.after_read)

    def after_read(self) -> None:
        result = self.wiz.preview
        if result is None:
            return
        width = max((len(s.mapping) for s in result.read.sheets), default=0) + 6
        letters = [column_letter(i) for i in range(max(width, 18))]
        first = result.read.sheets[0].mapping if result.read.sheets else {}
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（无）"), "")
            for letter in letters:
                combo.addItem(letter, letter)
            combo.setCurrentIndex(max(0, combo.findData(first.get(key, ""))))
            combo.blockSignals(False)
        lines = [self.tr("{0}：{1} 户，{2} 人，表头在第 {3} 行").format(
            s.name, s.households, s.persons, self.tr("、").join(str(r) for r in s.header_rows)) for s in result.read.sheets]  # fmt: skip
        self.summary.setText("\n".join(lines) or self.tr("没有找到调查表格式的工作表"))
        self.show_sheet(self.sheet_choice.currentText())
        if result.read.sheets:
            first_sheet = result.read.sheets[0]
            rows = tuple(first_sheet.header_rows)
            self.wiz.sheet_rows(first_sheet.name, max(rows, default=0) + 1, lambda got: self._name_columns(rows, got))
        self.completeChanged.emit()

    def _name_columns(self, header_rows: tuple[int, ...], rows: list[list[str]]) -> None:
        """Each column choice shows its letter and the sheet's header text: ``G · 公民身份号码``."""
        names: dict[str, str] = {}
        for r in header_rows:
            if 1 <= r <= len(rows):
                for c, text in enumerate(rows[r - 1]):
                    label = " ".join(text.split())
                    if label and label not in names.get(column_letter(c), ""):
                        names[column_letter(c)] = "/".join(x for x in (names.get(column_letter(c)), label) if x)
        for combo in self.combos.values():
            for i in range(combo.count()):
                letter = str(combo.itemData(i) or "")
                if letter:
                    combo.setItemText(i, f"{letter} · {names[letter]}" if letter in names else letter)

    def show_sheet(self, sheet: str) -> None:
        if sheet:
            self.wiz.sheet_rows(sheet, 40, lambda rows: self._show_rows(sheet, rows))

    def _show_rows(self, sheet: str, rows: list[list[str]]) -> None:
        if sheet == self.sheet_choice.currentText():
            self.grid_model.set_rows(rows[:40])
            fit_columns(self.grid, self.grid_model)

    def save_profile(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("保存映射方案"), self.tr("方案名称（例如本乡镇名称）："))
        if not ok or not name.strip():
            return
        self.wiz.profiles[name.strip()] = MappingProfile(name.strip(), {k: v for k, v in self.overrides().items() if v})
        try:
            save_profiles(profiles_path(), self.wiz.profiles.values())
        except ResettleError as exc:
            QMessageBox.warning(self, self.tr("未保存"), exc.message)

    def isComplete(self) -> bool:
        return self.wiz.preview is not None and bool(self.wiz.preview.read.sheets)


class CheckPage(QWizardPage):
    """What the import would do, and every problem with its place; click one to see the cell.

    Signals: ``report_written(str)`` – the error report's path once written."""

    report_written = Signal(str)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("检查结果"))
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.issues = IssuesModel(self)
        self.view = QTableView()
        self.view.setModel(self.issues)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)  # the others fitted to their texts once set
        self.view.clicked.connect(self.show_cell)
        self.cell_model = SheetGridModel(self)
        self.cell_view = QTableView()
        self.cell_view.setModel(self.cell_model)
        self.cell_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cell_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.report_written.connect(self._report_saved)
        self.remove_missing = QCheckBox(self.tr("同时删除库中有、文件里已没有的户"))
        self.remove_missing.toggled.connect(lambda _on: self.completeChanged.emit())
        report = QPushButton(self.tr("导出错误报告…"))
        report.clicked.connect(self.export_report)
        self.report_written.connect(
            lambda path: QMessageBox.information(self, self.tr("导出错误报告"), self.tr("已导出到 {0}").format(path))
        )
        self.cell_hint = QLabel()  # what the pane below the list is for, until a problem is clicked
        self.cell_hint.setWordWrap(True)
        self.cell_hint.setMargin(6)
        cell_box = QWidget()
        cell_column = QVBoxLayout(cell_box)
        cell_column.setContentsMargins(0, 0, 0, 0)
        cell_column.addWidget(self.cell_hint)
        cell_column.addWidget(self.cell_view, 1)
        split = stacked(self.view, cell_box)
        row = QHBoxLayout()
        row.addWidget(self.remove_missing)
        row.addStretch(1)
        row.addWidget(report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan)
        layout.addWidget(split, 1)
        layout.addLayout(row)

    def initializePage(self) -> None:
        from resettle.services.register.imports import nothing_to_import

        p = self.wiz.preview
        assert p is not None
        self.issues.set_issues(p.issues)
        fit_issue_columns(self.view, self.issues)
        self.cell_model.set_rows([], set())
        self.cell_hint.setText(
            self.tr("点上方的一行，这里显示原表中那个单元格（标红）及其上下几行。") if p.issues
            else self.tr("没有错误，也没有提醒：各户将按上面的统计导入。"))  # fmt: skip
        self.cell_hint.show()
        text = self.tr("共 {0} 户、{1} 人。新增 {2} 户，变更 {3} 户，无变化 {4} 户，文件中没有的 {5} 户。").format(
            p.households, p.persons, len(p.added), len(p.changed), p.unchanged, len(p.removed))  # fmt: skip
        if p.errors:
            text += self.tr("\n发现 {0} 处错误（必须改正后才能导入）、{1} 处提醒。点一行可查看该单元格。").format(
                len(p.errors), len(p.warnings))  # fmt: skip
            self.setSubTitle(self.tr("有错误，不能导入。可以导出错误报告交给村里改正。"))
        else:
            text += self.tr("\n没有错误，{0} 处提醒。").format(len(p.warnings))
            self.setSubTitle(
                self.tr("文件与库中完全一致，无需导入。") if nothing_to_import(p, remove_missing=bool(p.removed))
                else self.tr("点「下一步」导入；导入前会自动备份数据库。"))  # fmt: skip
        if p.changed:
            text += (
                "\n"
                + self.tr("变更：")
                + "；".join(
                    f"{c.household_no}（{'，'.join(f'{f}: {o} → {n}' for f, o, n in c.changes[:3])}）"
                    for c in p.changed[:5]
                )
            )
        self.plan.setText(text)
        self.remove_missing.setVisible(bool(p.removed))
        self.remove_missing.setChecked(False)
        self.completeChanged.emit()

    def show_cell(self, index: object) -> None:
        """The sheet around the problem's cell: read once per sheet on the worker thread, then from memory."""
        row = self.view.currentIndex().row()
        if row < 0:
            return
        issue: ImportIssue = self.issues.issue(row)
        if not issue.sheet or issue.sheet not in self.wiz.sheets:
            return
        self.wiz.sheet_rows(issue.sheet, issue.row + 8, lambda rows: self._mark(issue, rows))

    def _mark(self, issue: ImportIssue, rows: list[list[str]]) -> None:
        current = self.view.currentIndex().row()
        if current < 0 or self.issues.issue(current) != issue:
            return  # the clerk clicked another problem meanwhile
        col = _column_index(issue.column)
        self.cell_hint.hide()
        self.cell_model.set_rows(rows[: issue.row + 8], {(issue.row - 1, col)} if col >= 0 else set())
        target = self.cell_model.index(issue.row - 1, max(col, 0))
        fit_columns(self.cell_view, self.cell_model, around=issue.row - 1)
        self.cell_view.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)
        # current but never selected: the bad cell stays red instead of selection blue
        self.cell_view.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)

    def export_report(self) -> None:
        p = self.wiz.preview
        if p is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出错误报告"), str(p.path.with_name(p.path.stem + self.tr("-错误报告.xlsx"))),
                                              self.tr("Excel 工作簿 (*.xlsx)"))  # fmt: skip
        if not name:
            return
        self.wiz.runner.run(self, self.tr("正在导出错误报告…"), write_report, source=p.path, issues=p.issues,
                            out=Path(name), on_done=lambda info: self.report_written.emit(str(info.path)))  # fmt: skip

    def _report_saved(self, path: str) -> None:
        QMessageBox.information(self, self.tr("错误报告"), self.tr("错误报告已保存到：\n{0}").format(path))

    def isComplete(self) -> bool:
        from resettle.services.register.imports import nothing_to_import

        p = self.wiz.preview
        if p is None or p.errors:
            return False
        # Nothing new or changed (and nothing to remove, or not asked to): no empty 导入批次.
        return not nothing_to_import(p, self.remove_missing.isChecked())


class ApplyPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("导入"))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.result_label)
        self.started = self.done = self.failed = False

    def initializePage(self) -> None:
        if self.started:
            return  # final: a second visit never runs the import again
        self.started = True
        self.setFinalPage(True)
        self.result_label.setText(self.tr("正在导入…"))
        self.wiz.run_apply(self.wiz.check_page.remove_missing.isChecked(), self.finished, self.stopped)

    def stopped(self) -> None:
        """Cancelled or refused: nothing was stored; the wizard ends here (start a new one to try again)."""
        self.failed = True
        self.result_label.setText(self.tr("没有导入任何数据。请关闭向导，改正后重新导入。"))
        self._final()

    def _final(self) -> None:
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.wiz.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.wiz.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.completeChanged.emit()

    def finished(self, result: imports.ImportResult | None) -> None:
        if result is None:
            self.stopped()
            return
        else:
            self.done = True
            self.result_label.setText(self.tr("导入完成（批次 {0}）：新增 {1} 户，变更 {2} 户，删除 {3} 户，共 {4} 人。\n"
                                              "可在「文件 → 导入批次…」中撤销整批导入。").format(
                result.batch_id, result.added, result.changed, result.removed, result.persons))  # fmt: skip
            if result.recomputed:
                self.result_label.setText(self.result_label.text() + "\n" + self.tr(
                    "变更的户中已计算过补偿的 {0} 户已按新数据重新计算。").format(result.recomputed))  # fmt: skip
        self._final()

    def isComplete(self) -> bool:
        return self.done or self.failed


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            return -1
        n = n * 26 + ord(ch) - 64
    return n - 1


class ImportWizard(QWizard):
    imported = Signal(int)

    def __init__(
        self,
        db: Database,
        runner: OpRunner,
        path: Path | None = None,
        parent: QWidget | None = None,
        *,
        project_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.runner, self.project_id = db, runner, project_id
        self._sheet_cache: dict[str, tuple[int, list[list[str]]]] = {}
        self.setWindowTitle(self.tr("导入调查表"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.sheets: list[str] = []
        self.preview: imports.ImportPreview | None = None
        try:
            self.profiles = load_profiles(profiles_path())
        except ResettleError:
            self.profiles = {}
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.apply_page = ApplyPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.apply_page):
            self.addPage(page)
        if path is not None:
            self.file_page.path.setText(str(path))
        fit_resize(self, 1000, 680)

    @property
    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def read_options(self, sheets: list[str] | None, overrides: dict[str, str] | None) -> ReadOptions:
        """The saved profile's mapping, header row and spellings, unless the clerk corrected the columns."""
        return read_options(sheets, overrides, *self._village_and_profile())

    def _village_and_profile(self) -> tuple[str | None, MappingProfile | None]:
        village = self.file_page.village.text().strip() or None
        return village, self.profiles.get(str(self.file_page.profile.currentData() or ""))

    def project(self) -> str | int:
        text = self.file_page.project.currentText().strip()
        index = self.file_page.project.findText(text)
        return int(self.file_page.project.itemData(index)) if index >= 0 else text

    def run_preview(self, sheets: list[str], overrides: dict[str, str] | None, then: object) -> None:
        def done(preview: imports.ImportPreview) -> None:
            self.preview = preview
            if callable(then):
                then()

        village, profile = self._village_and_profile()
        self.runner.run(self, self.tr("正在读取和检查…"), preview_import, db=self.db, path=self.path,
                        project=self.project(), sheets=sheets, overrides=overrides, village=village, profile=profile,
                        on_done=done)  # fmt: skip

    def run_apply(self, remove_missing: bool, then: object, stopped: object = None) -> None:
        assert self.preview is not None

        def done(result: imports.ImportResult) -> None:
            self.imported.emit(result.batch_id)
            if callable(then):
                then(result)

        def failed(_exc: BaseException) -> bool:
            if callable(stopped):
                stopped()
            return False  # the runner still shows why

        self.runner.run(self, self.tr("正在导入…"), apply_import, db=self.db, preview=self.preview,
                        remove_missing=remove_missing, on_done=done, changes=frozenset({"households", "tree"}),
                        on_failed=failed, on_cancelled=stopped if callable(stopped) else None)  # fmt: skip

    def forget_sheets(self) -> None:
        self._sheet_cache.clear()

    def sheet_rows(self, sheet: str, need: int, then: Callable[[list[list[str]]], None]) -> None:
        """At least ``need`` first rows of ``sheet`` (fewer when the sheet is shorter), cached per sheet."""
        cached = self._sheet_cache.get(sheet)
        if cached is not None and (cached[0] >= need or len(cached[1]) < cached[0]):
            then(cached[1])
            return
        limit = max(need, 2 * cached[0] if cached else 0, 200)

        def done(rows: list[list[str]]) -> None:
            self._sheet_cache[sheet] = (limit, rows)
            then(rows)

        self.runner.run(self, "", grid_rows, with_progress=False, path=self.path, sheet=sheet, rows=limit, on_done=done)
