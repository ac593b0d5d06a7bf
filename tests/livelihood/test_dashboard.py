"""The dashboard's figures equal direct SQL counts on the same database; the report carries them (xlsx charts, PDF)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from resettle.services.housing.progress import housing_counts
from resettle.services.livelihood import dashboard, report
from resettle.services.payments.progress import payment_counts
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import ON_POSTGRES

REFERENCE = date(2026, 3, 31)


def _sql(db: Database, query: str, *params: object) -> int:
    conn = dbraw.connect(db.path)
    try:
        return int(conn.execute(query, params).fetchone()[0])
    finally:
        conn.close()


LAND_LOST = """
    FROM person p JOIN household h ON h.id = p.household_id JOIN village_group g ON g.id = h.group_id
    WHERE h.project_id = ? AND (CAST(? AS INTEGER) IS NULL OR g.village_id = ?)
      AND EXISTS (SELECT 1 FROM land_parcel l WHERE l.household_id = h.id AND l.area_mu > 0)
"""
AGE = "(CAST(strftime('%Y', :ref) AS INT) - CAST(strftime('%Y', p.birth_date) AS INT) - (strftime('%m-%d', :ref) < strftime('%m-%d', p.birth_date)))"
AGE_ON_SERVER = "CAST(date_part('year', age(DATE :ref, p.birth_date)) AS INT)"  # the same whole years


def _direct(db: Database, project: int, village: int | None) -> dict[str, object]:
    ref = REFERENCE.isoformat()
    age = (AGE_ON_SERVER if ON_POSTGRES else AGE).replace(":ref", f"'{ref}'")
    working = f"{LAND_LOST} AND {age} >= 16 AND {age} < CASE p.sex WHEN '女' THEN 50 ELSE 60 END"
    scope = (project, village, village)
    households = "FROM household h JOIN village_group g ON g.id = h.group_id WHERE h.project_id = ? AND (CAST(? AS INTEGER) IS NULL OR g.village_id = ?)"
    bands: dict[str, int] = {}
    conn = dbraw.connect(db.path)
    try:
        for band, n in conn.execute(
            "SELECT e.band, count(*) FROM ss_enrolment e JOIN person p ON p.id = e.person_id "
            "JOIN household h ON h.id = p.household_id JOIN village_group g ON g.id = h.group_id "
            "WHERE h.project_id = ? AND (CAST(? AS INTEGER) IS NULL OR g.village_id = ?) "
            "AND e.outcome IN ('matched', 'name_differs', 'band_differs') GROUP BY e.band",
            scope,
        ):
            bands[band] = n
    finally:
        conn.close()
    return {
        "households": _sql(db, f"SELECT count(*) {households}", *scope),
        "computed": _sql(
            db,
            f"SELECT count(*) {households} AND EXISTS (SELECT 1 FROM household_compensation c "
            "WHERE c.household_id = h.id AND c.status IN ('已计算', '已复核'))",
            *scope,
        ),
        "reviewed": _sql(
            db,
            f"SELECT count(*) {households} AND EXISTS (SELECT 1 FROM household_compensation c "
            "WHERE c.household_id = h.id AND c.status = '已复核')",
            *scope,
        ),
        "working_age": _sql(db, f"SELECT count(*) {working}", *scope),
        "employed": _sql(
            db,
            f"SELECT count(*) {working} AND EXISTS (SELECT 1 FROM labour_person lp WHERE lp.person_id = p.id "
            "AND lp.state IN ('已就业', '自主创业'))",
            *scope,
        ),
        "trained": _sql(
            db,
            f"SELECT count(*) {LAND_LOST} AND EXISTS (SELECT 1 FROM training_enrolment e WHERE e.person_id = p.id AND e.completed)",
            *scope,
        ),
        "certified": _sql(
            db,
            f"SELECT count(*) {LAND_LOST} AND EXISTS (SELECT 1 FROM training_enrolment e WHERE e.person_id = p.id "
            "AND e.completed AND e.certificate_name <> '')",
            *scope,
        ),
        "placed": _sql(
            db,
            f"SELECT count(*) {LAND_LOST} AND EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id AND r.status = '录用')",
            *scope,
        ),
        "ss_enrolled": bands,
    }


def _figures(f: object) -> dict[str, object]:
    keys = (
        "households",
        "computed",
        "reviewed",
        "working_age",
        "employed",
        "trained",
        "certified",
        "placed",
        "ss_enrolled",
    )
    return {k: getattr(f, k) for k in keys}


def test_dashboard_figures_equal_direct_counts(busy_db: Database, sample_project: int, demo_project: int) -> None:
    data = dashboard.dashboard(busy_db, sample_project)
    assert data.reference_date == REFERENCE
    assert _figures(data.total) == _direct(busy_db, sample_project, None)
    assert len(data.villages) == 1
    for v in data.villages:
        assert _figures(v.figures) == _direct(busy_db, sample_project, v.village_id)
        pay, housing = (
            payment_counts(busy_db, sample_project, v.village_id),
            housing_counts(busy_db, sample_project, v.village_id),
        )
        assert (v.figures.signed, v.figures.paid) == (pay.signed, pay.paid)
        assert (v.figures.flats_chosen, v.figures.handed_over) == (housing.chosen, housing.handed_over)
    pay = payment_counts(busy_db, sample_project)
    assert (data.total.signed, data.total.paid) == (pay.signed, pay.paid)
    t = data.total
    assert t.placed == 3 and t.computed == 40 and t.reviewed == 7 and t.ss_total == 142 - 4
    assert abs(t.employment_rate * t.working_age - t.employed * 100) <= t.working_age / 20  # one decimal
    assert data.months and data.months[-1].placed == 0  # hired on 2026-04-15, after the reference month
    later = dashboard.dashboard(busy_db, sample_project, date(2026, 4, 30))
    assert later.months[-1].placed == 3
    other = dashboard.dashboard(busy_db, demo_project, REFERENCE)
    assert _figures(other.total) == _direct(busy_db, demo_project, None)
    assert other.total.placed == 0 and other.total.ss_enrolled == {} and other.total.trained == 0


def test_monitoring_report_xlsx_has_native_charts_and_the_figures(
    busy_db: Database, sample_project: int, tmp_path: Path
) -> None:
    out = tmp_path / "monitoring.xlsx"
    data = report.write_monitoring_report(busy_db, sample_project, out)
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 4
    ws = openpyxl.load_workbook(out)["汇总"]
    headers = [ws.cell(3, c).value for c in range(1, ws.max_column + 1)]
    total_row = 4 + len(data.villages)
    assert ws.cell(total_row, 1).value == "合计"
    assert ws.cell(total_row, headers.index("已就业") + 1).value == data.total.employed
    assert ws.cell(total_row, headers.index("园区企业录用") + 1).value == 3
    assert ws.cell(total_row, headers.index("部分兑付") + 1).value == data.total.partly_paid


def test_monitoring_report_pdf_prints_the_figures(busy_db: Database, sample_project: int, tmp_path: Path) -> None:
    out = tmp_path / "monitoring.pdf"
    data = report.write_monitoring_report(busy_db, sample_project, out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    compact = "".join(text.split())
    assert "监测月报" in compact
    assert f"劳动年龄失地人员{data.total.working_age}人" in compact
    assert "第一年龄段" in compact


def test_a_bad_report_suffix_is_refused(busy_db: Database, sample_project: int, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="xlsx"):
        report.write_monitoring_report(busy_db, sample_project, tmp_path / "x.csv")
