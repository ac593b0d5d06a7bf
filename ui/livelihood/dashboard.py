"""就业社保看板: the project's headline figures, figures by village, bars by village and progress by month.

Loads through the op runner (off the GUI thread) and again after every change the runner
announces. Signals: none.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resettle.io.livelihood_records import MonitoringData
from resettle.services.livelihood import dashboard, report
from resettle.store.database import Database
from ui.livelihood.charts import BarChart, LineChart
from ui.livelihood.models import VillageFiguresModel
from ui.ops import OpRunner
from ui.screen_fit import fit_roomy

REFRESH_TOPICS = frozenset({"livelihood", "households", "compensation", "payments", "housing", "tree"})


class DashboardDialog(QDialog):
    def __init__(self, db: Database, runner: OpRunner, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner, self.project_id = db, runner, project_id
        self.data: MonitoringData | None = None
        self.setWindowTitle(self.tr("就业社保看板"))
        self.heading = QLabel(self.tr("正在统计…"))
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.tiles: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = (
            ("households", self.tr("调查户数")),
            ("computed", self.tr("已计算")),
            ("reviewed", self.tr("已复核")),
            ("signed", self.tr("已签约")),
            ("paid", self.tr("已兑付")),
            ("flats_chosen", self.tr("已选房")),
            ("handed_over", self.tr("已交房")),
            ("working_age", self.tr("劳动年龄失地人员")),
            ("employed", self.tr("已就业")),
            ("employment_rate", self.tr("就业率")),
            ("trained", self.tr("培训结业")),
            ("certified", self.tr("取得证书")),
            ("placed", self.tr("园区企业录用")),
            ("ss_total", self.tr("社保参保")),
            ("grievances_open", self.tr("信访在办")),
            ("grievances_overdue", self.tr("信访逾期")),
        )
        for i, (key, label) in enumerate(names):
            box = QGroupBox(label)
            value = QLabel("—")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            f = value.font()
            f.setPointSizeF(f.pointSizeF() * 1.6)
            f.setBold(True)
            value.setFont(f)
            inner = QVBoxLayout(box)
            inner.addWidget(value)
            if key == "paid":  # beside the fully paid: households paid in part (the first instalment, a transfer)
                self.partly = QLabel()
                self.partly.setAlignment(Qt.AlignmentFlag.AlignCenter)
                inner.addWidget(self.partly)
            self.tiles[key] = value
            grid.addWidget(box, i // 8, i % 8)
        self.bands = QLabel()
        self.bands.setWordWrap(True)
        self.model = VillageFiguresModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(130)
        self.bars = BarChart(self.tr("各村就业与培训（人）"))
        self.progress_bars = BarChart(self.tr("各村征收与安置进度（户）"))
        self.lines = LineChart(self.tr("逐月累计进度"))
        charts = QHBoxLayout()
        charts.addWidget(self.bars, 1)
        charts.addWidget(self.progress_bars, 1)
        charts.addWidget(self.lines, 1)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        export = QPushButton(self.tr("导出监测月报…"))
        export.clicked.connect(self.export_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.bands, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.table)
        layout.addLayout(charts, 1)
        layout.addLayout(buttons)
        runner.changed.connect(self.on_changed)
        fit_roomy(self, 1200, 760)
        self.refresh()

    def refresh(self) -> None:
        self.runner.run(
            self,
            self.tr("正在统计…"),
            dashboard.dashboard,
            db=self.db,
            project_id=self.project_id,
            on_done=self.show_data,
            with_progress=False,
        )

    def show_data(self, data: MonitoringData) -> None:
        self.data = data
        t = data.total
        self.heading.setText(self.tr("{0}　统计日 {1}").format(data.project, data.reference_date.isoformat()))
        for key, label in self.tiles.items():
            value = getattr(data, key) if key.startswith("grievances_") else getattr(t, key)
            label.setText(f"{value}%" if key == "employment_rate" else f"{value:,}")
        self.partly.setText(self.tr("部分兑付 {0}").format(f"{t.partly_paid:,}"))
        overdue = self.tiles["grievances_overdue"]
        overdue.setStyleSheet("color: #c00000;" if data.grievances_overdue else "")
        bands = "；".join(self.tr("{0} {1} 人").format(band, t.ss_enrolled.get(band, 0)) for band in data.bands)
        self.bands.setText(self.tr("社保参保（按年龄段）：{0}").format(bands or self.tr("尚无回执对账结果")))
        self.model.set_villages(data.villages)
        self.table.resizeColumnsToContents()
        villages = [v.village for v in data.villages]
        self.bars.set_data(
            villages,
            [
                (self.tr("劳动年龄"), [v.figures.working_age for v in data.villages]),
                (self.tr("已就业"), [v.figures.employed for v in data.villages]),
                (self.tr("培训结业"), [v.figures.trained for v in data.villages]),
                (self.tr("园区录用"), [v.figures.placed for v in data.villages]),
            ],
        )
        self.progress_bars.set_data(
            villages,
            [
                (self.tr("调查"), [v.figures.households for v in data.villages]),
                (self.tr("已计算"), [v.figures.computed for v in data.villages]),
                (self.tr("已签约"), [v.figures.signed for v in data.villages]),
                (self.tr("已兑付"), [v.figures.paid for v in data.villages]),
                (self.tr("已交房"), [v.figures.handed_over for v in data.villages]),
            ],
        )
        self.lines.set_data(
            [m.month for m in data.months],
            [
                (self.tr("已计算(户)"), [m.computed for m in data.months]),
                (self.tr("已就业"), [m.employed for m in data.months]),
                (self.tr("培训结业"), [m.trained for m in data.months]),
                (self.tr("园区录用"), [m.placed for m in data.months]),
            ],
        )

    @Slot(object)
    def on_changed(self, topics: frozenset[str]) -> None:
        if self.isVisible() and topics & REFRESH_TOPICS:
            self.refresh()

    def export_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出监测月报"), self.tr("监测月报.xlsx"), self.tr("Excel 工作簿 (*.xlsx);;PDF (*.pdf)")
        )
        if name:
            self.runner.run(
                self,
                self.tr("正在导出监测月报…"),
                report.write_monitoring_report,
                db=self.db,
                project_id=self.project_id,
                out=name,
                with_progress=False,
            )
