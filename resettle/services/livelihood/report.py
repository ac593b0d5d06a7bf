"""The monitoring report for the county's monthly return: the dashboard's figures as xlsx (native charts) or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from resettle.errors import ValidationError
from resettle.io.livelihood_export import write_monitoring
from resettle.io.livelihood_records import MonitoringData
from resettle.services.accounts.guard import Need, require
from resettle.services.livelihood.dashboard import dashboard
from resettle.store.database import Database

__all__ = ["write_monitoring_report"]


def write_monitoring_report(db: Database, project_id: int, out: Path, on: date | None = None) -> MonitoringData:
    require(db, Need.READ, "导出监测报表")
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError("监测报表只能导出为 .xlsx 或 .pdf 文件", field="文件")
    data = dashboard(db, project_id, on)
    if suffix == ".xlsx":
        write_monitoring(out, data)
    else:
        from resettle.services.demo.register import is_demo
        from resettle.services.documents.fonts import document_fonts
        from resettle.services.livelihood.printing import monitoring_pdf

        monitoring_pdf(data, out, document_fonts(db), demo=is_demo(db))
    return data
