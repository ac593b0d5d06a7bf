"""Everything the procedure area writes is sealed and replays from the audit trail (resettle check is clean)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import xlsxwriter

from resettle.services.procedure import agreements, calendar, grievances, settings, steps
from resettle.services.register import checks, projects
from resettle.store.database import Database
from tests import dbraw


def test_check_is_clean_after_procedure_work(db: Database, tmp_path: Path) -> None:
    a = projects.create_project(db, "甲项目")
    b = projects.create_project(db, "乙项目")
    steps.set_step(db, a, "pre_notice", start_date=date(2025, 6, 3), end_date=date(2025, 6, 17), place="村委会")
    steps.set_step(db, b, "plan_notice", start_date=date(2025, 7, 1))
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"photo")
    steps.attach_step_evidence(db, a, "pre_notice", photo)
    post = grievances.add_posting(db, a, "公示", "村委会", date(2025, 6, 3), date(2025, 6, 17))
    g = grievances.add_grievance(
        db, a, grievances.GrievanceInput("李四", "公示期异议", date(2025, 6, 5), posting_id=post.id)
    )
    grievances.attach_grievance_evidence(db, a, g.id, photo)
    grievances.close_grievance(db, a, g.id, "已答复", date(2025, 6, 9))
    settings.set_family_changes_after_cutoff(db, a, False)
    agreements.allow_early_agreements(db, b, "理由")
    book_path = tmp_path / "h.xlsx"
    book = xlsxwriter.Workbook(str(book_path))
    ws = book.add_worksheet("节假日")
    ws.write_row(0, 0, ["日期", "休班"])
    ws.write_row(1, 0, ["2027-01-01", "休"])
    book.close()
    calendar.load_holiday_workbook(db, book_path)
    calendar.load_holiday_workbook(db, book_path)  # replacing a year deletes and re-adds, audited
    report = checks.check_database(db)
    assert report.ok, report.problems[:3]
    # a due date moved behind the program's back is found

    conn = dbraw.connect(db.path)
    with conn:
        conn.execute("UPDATE grievance SET due_on = '2025-12-31' WHERE id = ?", (g.id,))
    conn.close()
    tampered = checks.check_database(db)
    assert not tampered.ok and any("grievance" in p or "信访" in p for p in tampered.problems)
