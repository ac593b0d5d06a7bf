"""补偿汇总: the project's totals by item, by village and by payee; refreshed after every recompute."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resettle.domain.money import to_capital, to_fen
from resettle.services.compensation import computing, summaries
from resettle.store.database import Database
from ui.forms import add_close
from ui.models.compensation import SumsModel, yuan
from ui.ops import OpRunner


class SummaryDialog(QDialog):
    def __init__(
        self, db: Database, runner: OpRunner, project_id: int, parent: QWidget | None = None, project_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.db, self.runner, self.project_id = db, runner, project_id
        self.setWindowTitle(self.tr("补偿汇总 — {0}").format(project_name) if project_name else self.tr("补偿汇总"))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.by_item = SumsModel(self.tr("项目"), self)
        self.by_village = SumsModel(self.tr("村"), self)
        self.by_payee = SumsModel(self.tr("支付对象"), self)
        tables = QHBoxLayout()
        for model in (self.by_item, self.by_village, self.by_payee):
            view = QTableView()
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setStretchLastSection(True)
            view.verticalHeader().setVisible(False)
            view.setColumnWidth(0, 140)
            tables.addWidget(view)
        recompute = QPushButton(self.tr("按现行标准重新计算全部"))
        recompute.clicked.connect(self.recompute)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(recompute)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(tables, 1)
        layout.addLayout(row)
        add_close(self)
        runner.changed.connect(self.on_changed)
        self.resize(980, 460)
        self.refresh()

    def refresh(self) -> None:
        s = summaries.project_summary(self.db, self.project_id)
        self.heading.setText(self.tr("已计算 {0} 户，其中已复核 {1} 户。合计 {2} 元（{3}）").format(
            s.households, s.reviewed, yuan(s.grand_total), to_capital(to_fen(s.grand_total))))  # fmt: skip
        self.by_item.set_rows(sorted(s.by_item.items(), key=lambda kv: -kv[1]))
        self.by_village.set_rows(sorted(s.by_village.items()))
        self.by_payee.set_rows(sorted(s.by_payee.items()))

    @Slot(object)
    def on_changed(self, topics: frozenset[str]) -> None:
        if self.isVisible() and ("compensation" in topics or "households" in topics):
            self.refresh()

    def recompute(self) -> None:
        self.runner.run(self, self.tr("正在计算补偿…"), computing.compute, db=self.db, project_id=self.project_id,
                        changes=frozenset({"compensation"}))  # fmt: skip
