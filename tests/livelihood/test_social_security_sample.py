"""The sample standard, roster and reply reproduce ss_expected.json exactly; the other project is untouched."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from resettle.errors import ValidationError
from resettle.services.livelihood import social_security as ss
from resettle.store.database import Database
from tests import dbraw
from tests.livelihood.conftest import WAVE2

EXPECTED = json.loads((WAVE2 / "ss_expected.json").read_text(encoding="utf-8"))
REFERENCE = date.fromisoformat(EXPECTED["reference_date"])


def _publish(db: Database, project: int) -> ss.StandardInfo:
    return ss.import_standard(db, project, WAVE2 / "ss_standard.xlsx", publish=True)


def test_standard_import_reads_the_reference_date_and_is_frozen_once_published(
    two_db: Database, sample_project: int
) -> None:
    draft = ss.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx")
    assert draft.status == "草稿" and draft.revision == 1 and draft.reference_date == REFERENCE
    assert len(draft.bands) == 8
    published = ss.publish_standard(two_db, sample_project, draft.id)
    assert published.status == "已发布"
    with pytest.raises(ValidationError):
        ss.roster(two_db, 1)  # the other project has no standard
    conn = dbraw.connect(two_db.path)
    try:
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="frozen"):
            conn.execute("UPDATE ss_band SET amount = 1 WHERE standard_id = ?", (draft.id,))
    finally:
        conn.close()
    second = ss.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx")
    assert second.revision == 2 and second.status == "草稿"


def test_roster_reproduces_the_expected_bands_and_amounts(
    two_db: Database, sample_project: int, tmp_path: Path
) -> None:
    _publish(two_db, sample_project)
    out = tmp_path / "roster.xlsx"
    result = ss.write_roster(two_db, sample_project, out)  # the standard's reference date
    assert result.reference_date == REFERENCE
    assert result.persons == EXPECTED["persons"]
    assert {k: v.persons for k, v in result.bands.items()} == EXPECTED["band_counts"]
    assert {k: v.amount for k, v in result.bands.items()} == {
        k: Decimal(v) for k, v in EXPECTED["band_amounts"].items()
    }
    assert result.total_amount == Decimal(EXPECTED["total_amount"])
    assert result.unbanded == ()
    book = openpyxl.load_workbook(out)
    ws = book["花名册"]
    ids = [ws.cell(r, 3).value for r in range(4, 4 + result.persons)]
    assert all(isinstance(i, str) and len(i) == 18 for i in ids)  # IDs as text
    assert ws.cell(4 + result.persons, 1).value == "合计"
    summary = book["按年龄段汇总"]
    assert {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(4, 8)} == EXPECTED["band_counts"]


def test_reconciliation_reproduces_the_expected_counts_and_ids(
    two_db: Database, sample_project: int, tmp_path: Path
) -> None:
    _publish(two_db, sample_project)
    out = tmp_path / "reconcile.xlsx"
    result = ss.reconcile(two_db, sample_project, WAVE2 / "ss_reply.xlsx", out=out)
    assert result.counts == EXPECTED["reconcile"]
    assert sorted(result.ids("missing_in_reply")) == sorted(EXPECTED["missing_ids"])
    assert sorted(result.ids("unknown_in_reply")) == sorted(EXPECTED["unknown_ids"])
    assert sorted(result.ids("name_differs")) == sorted(EXPECTED["name_differs_ids"])
    assert sorted(result.ids("band_differs")) == sorted(EXPECTED["band_differs_ids"])
    assert sorted(result.ids("refused")) == sorted(EXPECTED["refused_ids"])
    assert all(r.reason for r in result.rows if r.outcome == "refused")  # the bureau's reason is carried
    book = openpyxl.load_workbook(out)
    summary = book["汇总"]
    counts = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(4, 10)}
    assert counts == {ss.OUTCOME_LABELS[k]: v for k, v in EXPECTED["reconcile"].items()}
    pending = book["待处理"]
    assert pending.max_row - 3 == sum(v for k, v in EXPECTED["reconcile"].items() if k != "matched")


def _reply(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "回执"
    ws.append(["某县社保局审核回执"])
    ws.append([])
    ws.append(["序号", "姓名", "身份证号码", "年龄段", "审核结果", "备注"])
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def test_reconciliation_normalises_full_width_digits_lower_x_spaces_and_full_width_name_spaces(
    two_db: Database, sample_project: int, tmp_path: Path
) -> None:
    _publish(two_db, sample_project)
    roster = ss.roster(two_db, sample_project)
    with_x = next(r for r in roster.rows if r.id_number.endswith("X"))
    digits = [r for r in roster.rows if not r.id_number.endswith("X")][:3]
    full_width = digits[0].id_number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    name_spaced = digits[1].name[0] + "　" + digits[1].name[1:]
    rows = [
        (1, digits[0].name, full_width, digits[0].band, "通过", None),
        (2, with_x.name, with_x.id_number[:-1] + "x", with_x.band, "通过", None),
        (3, "　" + name_spaced + "　", "  " + digits[1].id_number + " ", digits[1].band, "通过", None),
        (4, digits[2].name, " " + digits[2].id_number[:6] + " " + digits[2].id_number[6:], "第九年龄段", "通过", None),
    ]
    result = ss.reconcile(two_db, sample_project, _reply(tmp_path / "r.xlsx", rows), save=False)
    outcome = {r.id_number: r.outcome for r in result.rows if r.reply_row is not None}
    assert outcome == {
        digits[0].id_number: "matched",
        with_x.id_number: "matched",
        digits[1].id_number: "matched",
        digits[2].id_number: "band_differs",
    }
    assert result.counts["missing_in_reply"] == roster.persons - 4
    assert result.counts["unknown_in_reply"] == 0


def test_a_person_of_the_other_project_is_unknown_in_this_reply(
    two_db: Database, sample_project: int, demo_project: int, tmp_path: Path
) -> None:
    _publish(two_db, sample_project)
    conn = dbraw.connect(two_db.path)
    try:
        other_id, other_name = conn.execute(
            "SELECT id_number, name FROM person JOIN household ON household.id = person.household_id "
            "WHERE household.project_id = ? LIMIT 1",
            (demo_project,),
        ).fetchone()
    finally:
        conn.close()
    result = ss.reconcile(
        two_db, sample_project, _reply(tmp_path / "r.xlsx", [(1, other_name, other_id, "第二年龄段", "通过", "")])
    )
    assert result.ids("unknown_in_reply") == [other_id]
    conn = dbraw.connect(two_db.path)
    try:
        stored = conn.execute(
            "SELECT count(*) FROM ss_enrolment JOIN person ON person.id = ss_enrolment.person_id "
            "JOIN household ON household.id = person.household_id WHERE household.project_id = ?",
            (demo_project,),
        ).fetchone()[0]
    finally:
        conn.close()
    assert stored == 0


def test_the_register_check_passes_after_livelihood_writes(
    busy_db: Database, sample_project: int, tmp_path: Path
) -> None:
    from resettle.services.register import checks

    # busy_db reconciled once (outcomes created in bulk); a changed reply updates some of them.
    book = openpyxl.load_workbook(WAVE2 / "ss_reply.xlsx")
    ws = book["回执"]
    changed = 0
    for r in range(3, ws.max_row + 1):
        if ws.cell(r, 5).value == "不通过":
            ws.cell(r, 5).value, ws.cell(r, 6).value = "通过", None
            changed += 1
    book.save(tmp_path / "second.xlsx")
    second = ss.reconcile(busy_db, sample_project, tmp_path / "second.xlsx")
    assert second.counts["refused"] == 0 and changed == EXPECTED["reconcile"]["refused"]
    conn = dbraw.connect(busy_db.path)
    try:
        versions = dict(conn.execute("SELECT version, count(*) FROM ss_enrolment GROUP BY version").fetchall())
        updates = conn.execute(
            "SELECT count(*) FROM audit_log WHERE entity = 'ss_enrolment' AND action = 'update'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert versions == {1: EXPECTED["persons"] - changed, 2: changed}
    assert updates >= changed
    report = checks.check_database(busy_db)
    assert report.problems == []
    assert report.rows_replayed > 0
    conn = dbraw.connect(busy_db.path)
    try:
        conn.execute("UPDATE ss_enrolment SET outcome = 'matched' WHERE outcome = 'missing_in_reply'")
        conn.commit()
    finally:
        conn.close()
    assert checks.check_database(busy_db).problems  # an outcome changed behind the program is found


def test_a_reply_with_a_merged_title_blank_rows_and_a_total_row_reads_the_same(
    two_db: Database, sample_project: int, tmp_path: Path
) -> None:
    _publish(two_db, sample_project)
    book = openpyxl.load_workbook(WAVE2 / "ss_reply.xlsx")
    ws = book["回执"]
    ws.merge_cells("A1:F1")
    ws.insert_rows(10)  # a blank row between people
    ws.cell(10, 2).value = "　"
    last = ws.max_row + 1
    ws.cell(last, 1).value, ws.cell(last, 2).value = "合计", None
    book.save(tmp_path / "merged.xlsx")
    result = ss.reconcile(two_db, sample_project, tmp_path / "merged.xlsx", save=False)
    assert result.counts == EXPECTED["reconcile"]
